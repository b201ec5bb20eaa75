//! The readiness score of a checklist, how it is computed, and the items
//! that stand in the way.

use leptos::prelude::*;

use super::super::dom::{el, p, region, El};
use super::super::use_app;
use crate::model::{Answer, Phase};

/// How the score is computed, shown to the user.
pub const SCORE_RULE: &str = "Parathed = (antal Opfyldt + ½ × antal Delvist) ÷ antal punkter, der ikke er Ikke relevant. \
Ubesvarede punkter tæller som 0, og Ikke relevant tæller slet ikke med. Fasens åbne aktiviteter indgår ikke i procenten, \
men tjeklisten er først komplet, når alle punkter er besvaret, ingen er Delvist eller Ikke opfyldt, \
og fasens aktiviteter er færdige eller udgået.";

/// Score, counts, and the unanswered and unmet items of the
/// checklist for leaving `phase`.
pub fn score_box(phase: Phase) -> impl IntoView {
    let app = use_app();
    let render = move || {
        app.plan.with(|plan| {
            let Some(plan) = plan else { return el("div") };
            let r = plan.readiness(phase);
            let items: Vec<(&str, Option<Answer>)> = plan.checklist(phase).items.iter().map(|i| (i.text.as_str(), i.answer)).collect();
            let list = |title: &str, class: &str, pick: &dyn Fn(Option<Answer>) -> bool| -> Option<El> {
                let entries: Vec<El> = items
                    .iter()
                    .filter(|(_, a)| pick(*a))
                    .map(|(text, a)| {
                        let label = a.map(|a| format!("{}: ", a.label())).unwrap_or_default();
                        el("li").text(&format!("{label}{text}"))
                    })
                    .collect();
                (!entries.is_empty()).then(|| {
                    el("div")
                        .child(el("h4").text(&format!("{title} ({})", entries.len())))
                        .child(el("ul").cls(class).children(entries))
                })
            };
            let state = if r.complete() {
                "Tjeklisten er komplet.".to_string()
            } else {
                format!(
                    "Tjeklisten er ikke komplet: {} mangler.",
                    crate::model::count(r.outstanding(), "punkt", "punkter")
                )
            };
            let mut outstanding = el("div").cls("outstanding");
            for part in [
                list("Ubesvarede punkter", "unanswered", &|a| a.is_none()),
                list("Ikke eller kun delvist opfyldte punkter", "unmet", &|a| a.is_some_and(Answer::is_unmet)),
            ]
            .into_iter()
            .flatten()
            {
                outstanding = outstanding.child(part);
            }
            el("div")
                .cls(if r.complete() { "score-box complete" } else { "score-box" })
                .child(
                    el("p")
                        .cls("score")
                        .child(el("span").cls("score-value").text(&r.score().map_or("–".to_string(), |s| format!("{s} %"))))
                        .text(" parathed"),
                )
                .child(p(
                    "score-counts",
                    &format!(
                        "Opfyldt {} · Delvist {} · Ikke opfyldt {} · Ikke relevant {} · Ubesvaret {} · Åbne aktiviteter {}",
                        r.opfyldt,
                        r.delvist,
                        r.ikke_opfyldt,
                        r.ikke_relevant,
                        r.unanswered,
                        r.open_activities.len()
                    ),
                ))
                .child(p("score-state", &state))
                .child(outstanding)
        })
    };
    region("score-region", Box::new(render), None)
}
