//! Gevinster: the benefit profiles (gevinstprofiler) with their follow-up
//! measurements, and the benefit map (gevinstdiagram).
//!
//! Each tab is a Leptos component with one root element; its content is
//! built with the small toolkit in [`dom`] from effects on the app state,
//! and its events are handled once at the root. This keeps the release
//! build small (see `dom`). Every change still goes through
//! [`AppState::edit`](crate::ui::AppState::edit).

mod chart;
mod checks;
mod dom;
mod editor;
mod links;
mod map_panel;
mod map_tools;
mod map_view;
mod measurements;
mod register;
pub mod svg_export;
mod templates;

use std::cell::Cell;

use leptos::prelude::*;
use web_sys::Element;

use super::AppState;
use crate::model::Edit;

thread_local! {
    /// Whether the map was shown last, so coming back (e.g. from an
    /// activity opened from the map) shows the same part.
    static LAST_MAP: Cell<bool> = const { Cell::new(false) };
}

/// State of the Gevinster page, shared by its parts through context.
#[derive(Clone, Copy)]
pub struct BenefitsUi {
    /// Whether the map (Gevinstdiagram) is shown rather than the profiles.
    pub map: RwSignal<bool>,
    /// The id of the benefit profile open in the editor.
    pub editing: RwSignal<Option<String>>,
    /// The id of the selected node of the map.
    pub selected: RwSignal<Option<String>>,
}

/// The page state from context.
pub fn use_benefits() -> BenefitsUi {
    expect_context::<BenefitsUi>()
}

/// Shows `message` in the error element `error` (hidden when empty).
pub(super) fn show_error(error: Option<Element>, message: &str) {
    if let Some(el) = error {
        dom::set_text(&el, message);
        dom::flag(&el, "hidden", message.is_empty());
    }
}

/// Applies `edit` (typing in the same `group` undoes as one step) and
/// shows a refusal in `error`; returns whether it applied.
pub(super) fn apply(
    app: AppState,
    edit: Edit,
    group: Option<String>,
    error: Option<Element>,
) -> bool {
    let result = app.edit_grouped(edit, group);
    show_error(
        error,
        &result
            .as_ref()
            .err()
            .map(ToString::to_string)
            .unwrap_or_default(),
    );
    result.is_ok()
}

/// Applies `edit` and reports the outcome in a toast that offers undo.
pub(super) fn apply_with_undo(app: AppState, edit: Edit, done: String) {
    match app.edit(edit) {
        Ok(inverse) => app.notify(done, Some(inverse)),
        Err(e) => app.notify(e.to_string(), None),
    }
}

/// The Gevinster page.
#[component]
pub fn BenefitsPage() -> impl IntoView {
    let ui = BenefitsUi {
        map: RwSignal::new(LAST_MAP.with(Cell::get)),
        editing: RwSignal::new(None),
        selected: RwSignal::new(None),
    };
    provide_context(ui);
    Effect::new(move |_| LAST_MAP.with(|t| t.set(ui.map.get())));
    let switch = move |ev: leptos::ev::KeyboardEvent| {
        if matches!(ev.key().as_str(), "ArrowLeft" | "ArrowRight") {
            ui.map.update(|m| *m = !*m);
            let id = if ui.map.get_untracked() {
                "tab-map"
            } else {
                "tab-profiles"
            };
            if let Some(el) = document().get_element_by_id(id) {
                let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(el).focus();
            }
        }
    };
    let panel = move || {
        if ui.map.get() {
            view! { <map_tools::MapTab /> }.into_any()
        } else {
            view! { <register::ProfilesTab /> }.into_any()
        }
    };
    view! {
        <div class="page benefits">
            <h1>"Gevinster"</h1>
            <p class="hint lead">
                "Gevinstrealisering (hovedopgave 6) er det, hele planen tjener: kommunen skal have det bedst mulige grundlag for at realisere sin business case. Beskriv gevinsterne i gevinstprofiler, følg op med målinger, og vis i gevinstdiagrammet, hvordan leverancerne via forandringer og effekter fører til gevinster og mål."
            </p>
            <div class="tabs" role="tablist" aria-label="Gevinster" on:keydown=switch>
                <button type="button" role="tab" id="tab-profiles" aria-selected=move || (!ui.map.get()).to_string() on:click=move |_| ui.map.set(false)>
                    "Gevinstprofiler"
                </button>
                <button type="button" role="tab" id="tab-map" aria-selected=move || ui.map.get().to_string() on:click=move |_| ui.map.set(true)>
                    "Gevinstdiagram"
                </button>
            </div>
            <div role="tabpanel" aria-labelledby=move || if ui.map.get() { "tab-map" } else { "tab-profiles" }>
                {panel}
            </div>
        </div>
    }
}
