//! The phase history: every recorded phase transition with its date, who
//! decided, the readiness score and, when forced, the reason.

use leptos::prelude::*;

use super::super::dom::{el, region};
use super::super::report::{doc, view};
use super::super::use_app;

/// The phase history table (Overblik).
#[component]
pub fn PhaseHistory() -> impl IntoView {
    let app = use_app();
    let render = move || {
        let section = el("div").child(el("h2").attr("id", "history-heading").text("Fasehistorik"));
        match app.plan.with(|p| p.as_ref().map(doc::history_table)) {
            Some(t) => view::table(section, &t),
            None => section,
        }
    };
    view! {
        <section class="phase-history" aria-labelledby="history-heading">
            {region("history-region", Box::new(render), None)}
        </section>
    }
}
