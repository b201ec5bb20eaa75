//! Opfølgning: the phase-transition checklists with their readiness, the
//! move to the next phase, and each responsible person's open activities.
//! Also Overblik's follow-up lists and phase history.

mod checklist;
mod history;
mod late;
mod links;
mod responsible;
mod score;
mod stage;

pub use history::PhaseHistory;
pub use late::FollowupOverview;
pub use links::ActivityDrawer;

use std::rc::Rc;

use leptos::prelude::*;

use super::dom::{el, region, Act};
use super::use_app;
use crate::model::{transition_label, Phase};
use checklist::checklist_view;
use responsible::ResponsibleView;
use stage::stage_panel;

/// A new random id with `prefix`, e.g. "c-…" for checklist items.
pub fn new_id(prefix: &str) -> String {
    let hex: String = (0..3)
        .map(|_| format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u32))
        .collect();
    format!("{prefix}-{hex}")
}

/// The Opfølgning page.
#[component]
pub fn FollowupPage() -> impl IntoView {
    let app = use_app();
    let (stage_phase, last) = app.plan.with_untracked(|p| {
        p.as_ref().map_or((Phase::F0, None), |p| {
            (p.stage.phase().unwrap_or(Phase::F4), p.last_answerer())
        })
    });
    let who = RwSignal::new(last.unwrap_or_default());
    let selected = RwSignal::new(stage_phase);
    let tabs = move || {
        let chosen = selected.get();
        // Score per transition and the current phase.
        let (scores, current) = app.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    (
                        Phase::ALL.map(|ph| p.readiness(ph).score()),
                        p.stage.phase(),
                    )
                })
                .unwrap_or_default()
        });
        {
            let mut tabs = el("div")
                .cls("tabs")
                .attr("role", "group")
                .attr("aria-label", "Faseovergange");
            for phase in Phase::ALL {
                let score = scores[phase.index()].map_or("–".to_string(), |s| format!("{s} %"));
                let class = if current == Some(phase) {
                    "tab current"
                } else {
                    "tab"
                };
                let tab = el("button")
                    .attr("type", "button")
                    .cls(class)
                    .attr(
                        "aria-pressed",
                        if chosen == phase { "true" } else { "false" },
                    )
                    .act("tab", phase.code())
                    .child(el("span").cls("tab-label").text(&transition_label(phase)))
                    .child(el("span").cls("tab-score").text(&score));
                tabs = tabs.child(tab);
            }
            tabs
        }
    };
    let on_tab: Rc<dyn Fn(Act)> = Rc::new(move |a: Act| {
        if let Some(p) = Phase::from_code(&a.key) {
            selected.set(p);
        }
    });
    view! {
        <div class="page followup">
            <h1>"Opfølgning"</h1>
            {stage_panel(who)}
            <section class="checklists" aria-labelledby="checklist-heading">
                <h2 id="checklist-heading">"Tjekliste for faseovergang"</h2>
                <p class="hint">
                    "Ved hver faseovergang tjekker kommunen sin parathed. Tjeklisten rummer fasens succeskriterier og «succes forekommer når/hvis» fra Implementeringsmodellens tabel 2, jeres egne punkter og fasens åbne aktiviteter."
                </p>
                {region("tabs-region", Box::new(tabs), Some(on_tab))}
                {move || checklist_view(selected.get(), who)}
            </section>
            <ResponsibleView />
            <ActivityDrawer />
        </div>
    }
}
