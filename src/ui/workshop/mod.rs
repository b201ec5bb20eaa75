//! Workshop and training: the built-in example plans (Eksempler), the
//! guided introduction for first-time users, the model's explanations one
//! click away (ⓘ), and the presentation mode for projectors.

mod examples;
mod info;
mod present;
mod tour;

pub use examples::{examples_page, ExampleCopyNote};

use leptos::prelude::*;

/// Local storage key remembering that the introduction was seen.
const TOUR_SEEN_KEY: &str = "implan.tour-seen";

/// The workshop state, provided as context by the app.
#[derive(Clone, Copy)]
pub struct Workshop {
    /// The step of the introduction shown, if it is open.
    pub tour: RwSignal<Option<usize>>,
    /// The slide of the presentation shown, if presenting.
    pub slide: RwSignal<Option<usize>>,
    /// The explanation shown (a phase code such as "F2" or a main task key
    /// such as "t5") and where: the left and bottom of its ⓘ button.
    pub info: RwSignal<Option<(String, f64, f64)>>,
}

impl Workshop {
    /// Closed state; the introduction opens on a first visit.
    pub fn new() -> Workshop {
        let first_visit =
            local_storage().is_some_and(|s| s.get_item(TOUR_SEEN_KEY).ok().flatten().is_none());
        Workshop {
            tour: RwSignal::new(first_visit.then_some(0)),
            slide: RwSignal::new(None),
            info: RwSignal::new(None),
        }
    }

    /// Closes the introduction and remembers that it was seen.
    pub fn close_tour(&self) {
        self.tour.set(None);
        if let Some(s) = local_storage() {
            let _ = s.set_item(TOUR_SEEN_KEY, "1");
        }
    }
}

impl Default for Workshop {
    fn default() -> Self {
        Workshop::new()
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The workshop from context.
pub fn use_workshop() -> Workshop {
    expect_context::<Workshop>()
}

/// The introduction, the presentation and the explanation panel, over the
/// page when open.
#[component]
pub fn WorkshopLayer() -> impl IntoView {
    let w = use_workshop();
    info::install(w);
    present::install(w);
    view! {
        {tour::tour(w)}
        {present::presentation(w)}
        {info::panel(w)}
    }
}

/// "Hjælp": the introduction and the presentation mode. The menu closes
/// when an item is chosen or on Escape (focus goes back to "Hjælp"), on a
/// click outside it and when the page changes.
#[component]
pub fn HelpMenu() -> impl IntoView {
    use wasm_bindgen::JsCast;
    let w = use_workshop();
    let app = super::use_app();
    let open = RwSignal::new(false);
    let summary = NodeRef::<leptos::html::Summary>::new();
    // Navigation closes the menu.
    Effect::new(move |_| {
        app.route.track();
        open.set(false);
    });
    let outside = window_event_listener(leptos::ev::click, move |ev| {
        if !open.get_untracked() {
            return;
        }
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest(".help-menu").ok().flatten())
            .is_some();
        if !inside {
            open.set(false);
        }
    });
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() != "Escape" || ev.default_prevented() || !open.get_untracked() {
            return;
        }
        ev.prevent_default();
        open.set(false);
        if let Some(s) = summary.get_untracked() {
            let _ = s.focus();
        }
    });
    on_cleanup(move || {
        outside.remove();
        escape.remove();
    });
    let toggled = move |ev: leptos::ev::Event| {
        let now = event_target::<web_sys::Element>(&ev).has_attribute("open");
        if open.get_untracked() != now {
            open.set(now);
        }
    };
    // Choosing an item hides it: focus goes to "Hjælp", where the dialog
    // or presentation it opens returns it.
    let close_menu = move || {
        open.set(false);
        if let Some(s) = summary.get_untracked() {
            let _ = s.focus();
        }
    };
    view! {
        <details class="help-menu" prop:open=move || open.get() on:toggle=toggled>
            <summary node_ref=summary>"Hjælp"</summary>
            <div class="help-items">
                <button type="button" on:click=move |_| { close_menu(); w.tour.set(Some(0)); }>
                    "Introduktion"
                </button>
                <button type="button" on:click=move |_| { close_menu(); present::start(w); }>
                    "Præsentationstilstand"
                </button>
            </div>
        </details>
    }
}
