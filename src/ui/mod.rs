//! Leptos components. They read state from [`AppState`] in context and
//! change the plan only through [`AppState::edit`].

mod activities;
mod banners;
mod benefits;
pub mod clock;
mod date_input;
mod dialog;
mod dom;
mod download;
mod editor;
mod focus;
mod followup;
pub mod format;
mod matrix;
mod new_plan;
mod overview;
pub mod persist;
mod report;
mod settings;
mod share;
mod state;
mod timeline;
mod update;
mod view_memory;
mod workshop;

pub use activities::ActivitiesPage;
pub use benefits::BenefitsPage;
pub use editor::ActivityEditor;
pub use followup::{FollowupOverview, FollowupPage, PhaseHistory};
pub use matrix::PhaseTaskMatrix;
pub use report::{escape_html, ReportPage};
pub use state::{use_app, AppState, Route, SyncConflict, Toast, UndoAction};

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use banners::Banners;
use new_plan::NewPlanPage;
use overview::OverviewPage;
use settings::SettingsPage;
use share::{ImportDialog, ImportState, PlansPage, StorageWarning, SyncConflictDialog};

/// Loads the saved plan and mounts the app on the page's body.
pub fn start() {
    console_error_hook();
    let (loaded, error) = persist::open();
    let state = AppState::new(loaded.plan);
    state.corrupt.set(loaded.corrupt);
    if let Some(e) = error {
        if !persist::in_memory() {
            state.storage_error.set(Some(e));
        }
    }
    leptos::mount::mount_to_body(move || {
        provide_context(state);
        view! { <App /> }
    });
    mark("implan-ready");
    mark_after_paint("implan-painted");
}

/// Sets a `performance` mark once the next frame has been painted.
pub(crate) fn mark_after_paint(name: &'static str) {
    after_paint(move || mark(name));
}

/// Runs `f` once the next frame has been painted. Callbacks run in the
/// order they were registered.
pub(crate) fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let after_paint = wasm_bindgen::closure::Closure::once_into_js(move || {
        // A zero timeout after the frame callback runs after the paint.
        set_timeout(f, std::time::Duration::ZERO);
    });
    let _ = window.request_animation_frame(after_paint.unchecked_ref());
}

/// Sets a `performance` mark, used by the bench command.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Runs `f` between two `performance` marks and records a measure named
/// `name` (read by the bench command; costs microseconds).
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let perf = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}-start");
    let end = format!("{name}-end");
    if let Some(p) = &perf {
        let _ = p.mark(&start);
    }
    let out = f();
    if let Some(p) = &perf {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
        // The browser keeps every entry: in a long session (a save per
        // edit) only the latest measures are kept, and no marks.
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
        if p.get_entries_by_name_with_entry_type(name, "measure")
            .length()
            > KEPT_MEASURES
        {
            p.clear_measures_with_measure_name(name);
        }
    }
    out
}

/// How many measures of one name [`timed`] lets accumulate.
const KEPT_MEASURES: u32 = 50;

fn console_error_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
}

/// The whole app: header with navigation, banners, the current view and toasts.
#[component]
pub fn App() -> impl IntoView {
    let app = use_app();
    sync_route_with_hash(app);
    persist::install_flush_on_hide(app);
    persist::install_tab_sync(app);
    Effect::new(move |_| {
        let filter = app.filter.get();
        view_memory::update(|m| m.set_filter(&filter));
    });
    persist::refresh_usage(app);
    let imports = ImportState::new();
    provide_context(imports);
    // A plan link's fragment is no route: it is taken out of the address
    // before the route effect writes the current view's fragment there.
    let links = share::LinkState::install(app);
    provide_context(links);
    let showing_link = Memo::new(move |_| links.shared.with(Option::is_some));
    share::install_drop(imports);
    install_shortcuts(app);
    provide_context(workshop::Workshop::new());
    // Only whether a plan is open decides the page, not its content: the
    // page must not be rebuilt on every edit.
    let has_plan = Memo::new(move |_| app.plan.with(Option::is_some));
    // A page opened from inside the old one (a matrix cell, "Opret plan",
    // an import) takes focus to its content instead of losing it to the
    // body; focus on a menu link stays there. It opens at its top, not at
    // the old page's scroll position (a matrix cell far down Overblik left
    // Aktiviteter scrolled past its filters and count). A page reached by
    // the address (the browser's Back and Forward, a menu link) keeps the
    // scroll position the browser gives it: Back returns to the matrix.
    Effect::new(move |prev: Option<(Route, bool)>| {
        let now = (app.route.get(), has_plan.get());
        let by_address = ROUTE_FROM_ADDRESS.with(|f| f.replace(false));
        if prev.is_some_and(|p| p != now) {
            let to_top = move || {
                if !by_address {
                    window().scroll_to_with_x_and_y(0.0, 0.0);
                }
            };
            // Once the address shows the new page: the browser keeps the
            // old page's scroll position with its history entry when the
            // fragment changes, and Back returns to it.
            set_timeout(to_top, std::time::Duration::ZERO);
            after_paint(move || {
                if focus::lost() {
                    focus::to_main();
                    // Focusing the main region scrolls its top under the
                    // header's edge; the page's top shows the header too.
                    to_top();
                }
            });
        }
        now
    });
    let page = move || match (app.route.get(), has_plan.get()) {
        _ if showing_link.get() => view! { <share::SharedPlanPage /> }.into_any(),
        (Route::Planer, _) => view! { <PlansPage /> }.into_any(),
        (Route::Eksempler, _) => workshop::examples_page().into_any(),
        (Route::NyPlan, _) | (_, false) => view! { <NewPlanPage /> }.into_any(),
        (Route::Overblik, true) => view! { <OverviewPage /> }.into_any(),
        (Route::Aktiviteter, true) => view! { <ActivitiesPage /> }.into_any(),
        (Route::Indstillinger, true) => view! { <SettingsPage /> }.into_any(),
        (Route::Tidslinje, true) => view! { <timeline::TimelinePage /> }.into_any(),
        (Route::Opfolgning, true) => view! { <FollowupPage /> }.into_any(),
        (Route::Statusrapport, true) => view! { <ReportPage /> }.into_any(),
        (Route::Gevinster, true) => view! { <BenefitsPage /> }.into_any(),
    };
    view! {
        <a class="skip-link" href="#main">"Spring til indhold"</a>
        <Header />
        <Banners />
        <div class="banners"><StorageWarning /><update::UpdateBanner /></div>
        <main id="main" tabindex="-1">{page}</main>
        <ImportDialog />
        <SyncConflictDialog />
        <ToastView />
        <workshop::WorkshopLayer />
    }
}

thread_local! {
    /// Whether the latest route change came from the address (the
    /// fragment changed: Back, Forward, a menu link) rather than from the
    /// app (a matrix cell, a button).
    static ROUTE_FROM_ADDRESS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn sync_route_with_hash(app: AppState) {
    let read = move || {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(route) = Route::from_hash(&hash) {
            if app.route.get_untracked() != route {
                ROUTE_FROM_ADDRESS.with(|f| f.set(true));
                app.route.set(route);
            }
        }
    };
    read();
    let _ = window_event_listener(leptos::ev::hashchange, move |_| read());
    Effect::new(move |_| {
        let route = app.route.get();
        let hash = window().location().hash().unwrap_or_default();
        if hash != route.hash() {
            let _ = window().location().set_hash(route.hash());
        }
    });
}

fn install_shortcuts(app: AppState) {
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        let in_text = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if in_text || !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => app.redo(),
            "z" => app.undo(),
            "y" => app.redo(),
            _ => return,
        }
        ev.prevent_default();
    });
}

/// Top bar: app name, the plan's title, navigation and undo/redo.
#[component]
fn Header() -> impl IntoView {
    let app = use_app();
    let has_plan = Memo::new(move |_| app.plan.with(Option::is_some));
    let title = move || {
        app.plan
            .with(|p| p.as_ref().map(|p| p.title()).unwrap_or_default())
    };
    let link = move |route: Route, label: &'static str| {
        view! {
            <a
                href=route.hash()
                aria-current=move || (app.route.get() == route).then_some("page")
            >
                {label}
            </a>
        }
    };
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◆"</span>
                <span class="app-name">"Implan"</span>
                <span class="plan-title">{title}</span>
            </div>
            <nav aria-label="Hovedmenu">
                <Show when=move || has_plan.get()>
                    {link(Route::Overblik, "Overblik")}
                    {link(Route::Aktiviteter, "Aktiviteter")}
                    {link(Route::Tidslinje, "Tidslinje")}
                    {link(Route::Opfolgning, "Opfølgning")}
                    {link(Route::Statusrapport, "Statusrapport")}
                    {link(Route::Gevinster, "Gevinster")}
                    {link(Route::Indstillinger, "Indstillinger")}
                </Show>
                {link(Route::Planer, "Mine planer")}
                {link(Route::NyPlan, "Ny plan")}
                {link(Route::Eksempler, "Eksempler")}
            </nav>
            <workshop::HelpMenu />
            <div class="history" role="group" aria-label="Fortryd og gentag">
                <button
                    type="button"
                    title="Fortryd (Ctrl+Z)"
                    disabled=move || !app.can_undo()
                    on:click=move |_| app.undo()
                >
                    "↶ Fortryd"
                </button>
                <button
                    type="button"
                    title="Gentag (Ctrl+Shift+Z)"
                    disabled=move || !app.can_redo()
                    on:click=move |_| app.redo()
                >
                    "↷ Gentag"
                </button>
            </div>
        </header>
    }
}

/// The toast at the bottom of the page, with "Fortryd" when it carries an undo.
#[component]
fn ToastView() -> impl IntoView {
    let app = use_app();
    // Where focus came from into the toast: it goes back there when the
    // toast closes under it ("Fortryd", ×).
    let came_from = StoredValue::new_local(None::<web_sys::Element>);
    let focus_in = move |ev: leptos::ev::FocusEvent| {
        let from = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|t| t.closest(".toast-area").ok().flatten().is_none());
        if from.is_some() {
            came_from.set_value(from);
        }
    };
    let close = move || {
        app.toast.set(None);
        // Back where focus came from, or (as undoing may redraw the rows
        // around it) to the same place drawn anew.
        let back = came_from.get_value();
        let again = back.as_ref().and_then(focus::same_place);
        focus::keep(
            back.map(focus::Target::Element)
                .into_iter()
                .chain(again)
                .collect(),
        );
    };
    view! {
        <div
            class="toast-area"
            role="status"
            aria-live="polite"
            on:focusin=focus_in
            on:keydown=move |ev| {
                // Escape in the toast closes it, as ×.
                if ev.key() == "Escape" && !ev.default_prevented() {
                    ev.prevent_default();
                    close();
                }
            }
        >
            {move || {
                app.toast.get().map(|toast| {
                    let undo = toast.undo.clone();
                    // Its Fortryd is the next Tab stop (see AppState::notify_with).
                    let hint = if undo.is_some() { " Tryk Tab for at fortryde." } else { "" };
                    view! {
                        <div class="toast">
                            <span>{toast.text.clone()}</span>
                            <span class="sr-only">{hint}</span>
                            {undo.map(|action| {
                                view! {
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            let ok = match action.clone() {
                                                UndoAction::Edit(edit) => app.edit(*edit).is_ok(),
                                                UndoAction::RestorePlan(plan) => share::restore_deleted(app, *plan),
                                            };
                                            if ok {
                                                close();
                                            }
                                        }
                                    >
                                        "Fortryd"
                                    </button>
                                }
                            })}
                            <button
                                type="button"
                                class="toast-close"
                                aria-label="Luk besked"
                                on:click=move |_| close()
                            >
                                "×"
                            </button>
                        </div>
                    }
                })
            }}
        </div>
    }
}
