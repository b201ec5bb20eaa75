//! The plan's current phase and the move to the next: allowed when the
//! checklist is complete, or with a written reason; the decision is recorded
//! in the phase history.

use std::rc::Rc;

use leptos::prelude::*;

use super::super::dom::{button, el, field, p, region, Act, El};
use super::super::{clock, format, use_app};
use super::new_id;
use crate::model::{transition_label, DecisionId, Edit, FollowupEdit, PhaseDecision, Stage};

/// What the panel shows: stage, score, outstanding, complete, phase window,
/// and the latest decision (none yet: the start stage can be set).
type State = (
    Stage,
    Option<u8>,
    usize,
    bool,
    Option<crate::model::PhaseWindow>,
    Option<Latest>,
);

/// The latest phase decision: its id, the phase it left and its date.
type Latest = (String, crate::model::Phase, chrono::NaiveDate);

/// The form's fields between rebuilds: decided by, date text, reason, error.
#[derive(Clone, Default)]
struct Form {
    by: String,
    date: String,
    reason: String,
    error: Option<String>,
}

/// The current phase, its readiness and the form that moves on.
pub fn stage_panel(who: RwSignal<String>) -> impl IntoView {
    let app = use_app();
    let state = move || {
        app.plan.with(|p| {
            p.as_ref().map(|p| {
                let r = p.stage.phase().map(|ph| p.readiness(ph));
                (
                    p.stage,
                    r.as_ref().and_then(|r| r.score()),
                    r.as_ref().map_or(0, |r| r.outstanding()),
                    r.as_ref().is_some_and(|r| r.complete()),
                    p.stage.phase().map(|ph| p.window(ph)),
                    p.phase_history
                        .last()
                        .map(|d| (d.id.0.clone(), d.from, d.date)),
                )
            })
        })
    };
    // The open form, if any.
    let form = RwSignal::new(None::<Form>);
    let on_act: Rc<dyn Fn(Act)> = Rc::new(move |a: Act| match a.act.as_str() {
        "advance" => form.set(Some(Form {
            by: who.get_untracked(),
            date: format::date(clock::today()),
            ..Form::default()
        })),
        "cancel" => form.set(None),
        "decide" => {
            let mut f = Form {
                by: a.field("decided-by"),
                date: a.field("decision-date"),
                reason: a.field("reason"),
                error: None,
            };
            let Some(from) = untrack(state).and_then(|s| s.0.phase()) else {
                return;
            };
            let date = match format::parse_danish_date(&f.date) {
                Ok(Some(d)) => d,
                _ => {
                    f.error = Some("Skriv beslutningens dato som dd.mm.åååå.".into());
                    form.set(Some(f));
                    return;
                }
            };
            let decision =
                PhaseDecision::new(DecisionId(new_id("d")), from, date, &f.by, &f.reason);
            match app.edit(Edit::Followup(FollowupEdit::Advance(decision))) {
                Ok(inverse) => {
                    form.set(None);
                    let now = Stage::after(from).label();
                    app.notify(
                        format!(
                            "Planen er nu i {now}. Beslutningen er registreret i fasehistorikken."
                        ),
                        Some(inverse),
                    );
                }
                Err(e) => {
                    f.error = Some(e.to_string());
                    form.set(Some(f));
                }
            }
        }
        // A transition registered by mistake (or with the wrong date) is
        // taken back even when the undo history is gone (after a reload).
        "revert" => match app.edit(Edit::Followup(FollowupEdit::Revert(DecisionId(a.key)))) {
            Ok(inverse) => {
                form.set(None);
                let (label, phase) = match &inverse {
                    Edit::Followup(FollowupEdit::Reinstate(d)) => {
                        (transition_label(d.from), d.from.label())
                    }
                    _ => (String::new(), String::new()),
                };
                app.notify(
                    format!("Faseovergangen {label} er fortrudt; planen er igen i {phase}."),
                    Some(inverse),
                );
            }
            Err(e) => app.notify(e.to_string(), None),
        },
        "start-stage" => {
            if let Some(stage) = Stage::from_key(&a.value) {
                if let Err(e) = app.edit(Edit::Followup(FollowupEdit::SetStartStage(stage))) {
                    app.notify(e.to_string(), None);
                }
            }
        }
        _ => {}
    });
    let render = move || {
        let s = state();
        // The panel is redrawn whenever the readiness changes, also while
        // the form is open (an item answered meanwhile): what is typed in it
        // is kept, not reset to what the form opened with.
        if form.with_untracked(Option::is_some) {
            if let Some((by, date, reason)) = typed() {
                form.update_untracked(|f| {
                    if let Some(f) = f {
                        (f.by, f.date, f.reason) = (by, date, reason);
                    }
                });
            }
        }
        form.with(|f| s.map_or_else(|| el("div"), |s| panel(&s, f.as_ref())))
    };
    view! { <section class="stage-panel" aria-labelledby="stage-heading">{region("stage-region", Box::new(render), Some(on_act))}</section> }
}

/// What is typed in the open form for moving on: decided by, date, reason.
fn typed() -> Option<(String, String, String)> {
    let form = document()
        .query_selector("section.stage-panel .advance-form")
        .ok()??;
    let get = |name: &str| {
        form.query_selector(&format!("[name={name}]"))
            .ok()
            .flatten()
            .map(|el| super::super::dom::value(&el))
            .unwrap_or_default()
    };
    Some((get("decided-by"), get("decision-date"), get("reason")))
}

/// The way to take the latest phase transition back.
fn revert_latest(latest: &Latest) -> El {
    let (id, from, date) = latest;
    el("details")
        .cls("revert-decision")
        .child(el("summary").text("Ret en fejlregistrering"))
        .child(p(
            "hint",
            "Er den seneste faseovergang registreret ved en fejl eller med forkert dato, så fortryd den her. Planen går tilbage til fasen før, og beslutningen fjernes fra fasehistorikken. Derefter kan den registreres igen.",
        ))
        .child(button(
            &format!(
                "Fortryd faseovergangen {} ({})",
                transition_label(*from),
                format::date(*date)
            ),
            "secondary",
            "revert",
            id,
        ))
}

fn panel(
    &(stage, score, outstanding, done, window, ref latest): &State,
    form: Option<&Form>,
) -> El {
    let out = el("div").child(
        el("h2")
            .attr("id", "stage-heading")
            .text(&format!("Aktuel fase: {}", stage.label())),
    );
    let Some(phase) = stage.phase() else {
        let out = out.child(p(
            "stage-state",
            "Planen er afsluttet: F4 Forankring er forladt.",
        ));
        return match latest {
            Some(l) => out.child(revert_latest(l)),
            None => out,
        };
    };
    let mut line = format!(
        "Faseovergang {}: parathed {}",
        transition_label(phase),
        score.map_or("–".to_string(), |s| format!("{s} %"))
    );
    line.push_str(&if done {
        " · tjeklisten er komplet.".to_string()
    } else {
        format!(
            " · {} mangler.",
            crate::model::count(outstanding, "punkt", "punkter")
        )
    });
    if let Some(w) = window {
        line.push_str(&format!(
            " Fasen er planlagt {} – {}.",
            format::date(w.start),
            format::date(w.end)
        ));
    }
    let label = match phase.next() {
        Some(next) => format!("Gå videre til {} …", next.label()),
        None => "Afslut F4 Forankring …".to_string(),
    };
    let mut out = out.child(p("stage-state", &line));
    match form {
        None => out = out.child(button(&label, "primary", "advance", phase.code())),
        Some(f) => out = out.child(advance_form(f, done)),
    }
    if let Some(l) = latest {
        out = out.child(revert_latest(l));
    }
    if latest.is_none() {
        let mut select = el("select")
            .attr("name", "start-stage")
            .act("start-stage", "");
        for st in &Stage::ALL[..5] {
            select = select.child(
                el("option")
                    .attr("value", st.key())
                    .flag("selected", *st == stage)
                    .text(&st.label()),
            );
        }
        out = out.child(
            el("details")
                .cls("start-stage")
                .child(el("summary").text("Ret startfase"))
                .child(p("hint", "Planen fik sin startfase efter datoen, da den blev oprettet. Er I et andet sted i forløbet, så ret den her. Det kan kun gøres, før den første faseovergang er registreret."))
                .child(el("label").cls("narrow").text("Startfase").child(select)),
        );
    }
    out
}

fn advance_form(f: &Form, complete: bool) -> El {
    let (note_class, note) = if complete {
        (
            "note",
            "Tjeklisten er komplet. Registrér beslutningen om at gå videre.",
        )
    } else {
        ("warning", "Tjeklisten er ikke komplet: der er ubesvarede eller ikke opfyldte punkter eller åbne aktiviteter i fasen. Du kan gå videre alligevel, men skal skrive en begrundelse. Den registreres i fasehistorikken.")
    };
    let mut form = el("div")
        .cls("advance-form")
        .attr("data-form", "")
        .attr("role", "group")
        .attr("aria-label", "Registrér faseovergang")
        .child(p(note_class, note))
        .child(
            el("div")
                .cls("row")
                .child(field("Besluttet af", "decided-by", &f.by).attr("data-autofocus", ""))
                .child(field(
                    "Dato for beslutningen (dd.mm.åååå)",
                    "decision-date",
                    &f.date,
                )),
        )
        .child(
            el("label")
                .text(if complete {
                    "Kommentar (valgfri)"
                } else {
                    "Begrundelse for at gå videre"
                })
                .child(
                    el("textarea")
                        .attr("name", "reason")
                        .attr("rows", "3")
                        .attr("maxlength", "2000")
                        .attr("data-k", "reason")
                        .text(&f.reason),
                ),
        );
    if let Some(e) = &f.error {
        form = form.child(p("error", e).attr("role", "alert"));
    }
    form.child(
        el("div")
            .cls("form-actions")
            .child(
                button("Registrér faseovergang", "primary", "decide", "").attr("data-submit", ""),
            )
            .child(button("Annullér", "secondary", "cancel", "").attr("data-cancel", "")),
    )
}
