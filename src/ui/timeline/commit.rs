//! Applying new dates from the timeline. Dates inside the activity's
//! phase window apply at once; dates outside it ask first whether to extend
//! the phase (one undo step for both edits) or keep the activity inside.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::dom::{self, html, set};
use super::{bar::focus_bar, Tl, Ui};
use crate::layout::scale::overlapping;
use crate::layout::{phase_fit, span_dates, DragMode, PhaseFit};
use crate::model::{ActivityChange, ActivityId, Edit, Phase, PhaseWindow};
use crate::ui::{format, AppState};

/// A date change waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Question {
    id: ActivityId,
    title: String,
    phase: Phase,
    window: PhaseWindow,
    to: (NaiveDate, NaiveDate),
    extended: PhaseWindow,
    kept: (NaiveDate, NaiveDate),
    /// The dates saved for `to` and for `kept` (a marker keeps its one date).
    saved: [(Option<NaiveDate>, Option<NaiveDate>); 2],
    overlaps: Vec<Phase>,
    group: Option<String>,
}

fn dates_edit(id: ActivityId, (start, due): (Option<NaiveDate>, Option<NaiveDate>)) -> Edit {
    Edit::UpdateActivity {
        id,
        change: ActivityChange::Dates { start, due },
    }
}

fn report(app: AppState, result: Result<Edit, crate::model::EditError>) {
    if let Err(e) = result {
        app.notify(e.to_string(), None);
    }
}

/// Gives activity `id` the dates `to`, asking first when they leave its
/// phase window. `group` merges consecutive keyboard steps into one undo.
pub(crate) fn change_dates(
    app: AppState,
    tl: Tl,
    id: ActivityId,
    mode: DragMode,
    to: (NaiveDate, NaiveDate),
    group: Option<String>,
) {
    let found = app.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let a = p.activity(&id)?;
        let window = p.window(a.phase);
        let fit = phase_fit(window, to.0, to.1, mode);
        let overlaps = match fit {
            PhaseFit::Outside { extended, .. } => overlapping(p, a.phase, extended),
            PhaseFit::Inside => Vec::new(),
        };
        let kept = match fit {
            PhaseFit::Outside { kept, .. } => kept,
            PhaseFit::Inside => to,
        };
        let saved = [span_dates(a, to), span_dates(a, kept)];
        Some((a.title.clone(), a.phase, window, fit, overlaps, saved))
    });
    let Some((title, phase, window, fit, overlaps, saved)) = found else {
        return;
    };
    match fit {
        PhaseFit::Inside => report(app, app.edit_grouped(dates_edit(id, saved[0]), group)),
        PhaseFit::Outside { extended, kept } => tl.question.set(Some(Question {
            id,
            title,
            phase,
            window,
            to,
            extended,
            kept,
            saved,
            overlaps,
            group,
        })),
    }
}

/// Applies the user's answer: extend the phase (`Some(true)`), keep the
/// activity inside it (`Some(false)`) or cancel.
fn answer(app: AppState, tl: Tl, extend: Option<bool>) {
    let Some(q) = tl.question.get_untracked() else {
        return;
    };
    tl.question.set(None);
    match extend {
        Some(true) => report(
            app,
            app.edit(Edit::Batch(vec![
                Edit::SetPhaseWindow {
                    phase: q.phase,
                    window: q.extended,
                },
                dates_edit(q.id.clone(), q.saved[0]),
            ])),
        ),
        Some(false) => report(
            app,
            app.edit_grouped(dates_edit(q.id.clone(), q.saved[1]), q.group),
        ),
        None => {}
    }
    focus_bar(q.id);
}

fn span((s, e): (NaiveDate, NaiveDate)) -> String {
    format!("{} – {}", format::date(s), format::date(e))
}

/// Fills the dialog with the question (user text only as text nodes).
fn fill(d: &web_sys::HtmlDialogElement, q: &Question) {
    d.set_text_content(None);
    let h = html("h2", "");
    set(&h, "id", "tl-question-heading");
    h.set_text_content(Some("Uden for fasen"));
    let p = html("p", "");
    p.set_text_content(Some(&format!(
        "«{}» får datoerne {}, som ligger uden for {} ({}).",
        q.title,
        span(q.to),
        q.phase.label(),
        span((q.window.start, q.window.end))
    )));
    let actions = html("div", "tl-question-actions");
    let buttons = [
        (
            "extend",
            "primary",
            format!(
                "Udvid {} til {}",
                q.phase.code(),
                span((q.extended.start, q.extended.end))
            ),
        ),
        (
            "keep",
            "",
            format!("Hold aktiviteten i fasen ({})", span(q.kept)),
        ),
        ("cancel", "secondary", "Annullér".to_string()),
    ];
    for (what, class, text) in buttons {
        let b = html("button", class);
        set(&b, "type", "button");
        set(&b, "data-answer", what);
        b.set_text_content(Some(&text));
        let _ = actions.append_child(&b);
    }
    for c in [&h, &p, &actions] {
        let _ = d.append_child(c);
    }
    if !q.overlaps.is_empty() {
        let names = q
            .overlaps
            .iter()
            .map(|p| p.label())
            .collect::<Vec<_>>()
            .join(" og ");
        let hint = html("p", "hint");
        hint.set_text_content(Some(&format!("Den udvidede fase overlapper {names}.")));
        let _ = d.append_child(&hint);
    }
}

/// Opens the dialog with the pending question, or closes it.
pub(super) fn sync(_app: AppState, tl: Tl, ui: &mut Ui) {
    let d = &ui.dialog;
    match tl.question.get() {
        Some(q) => {
            fill(d, &q);
            if !d.open() {
                let _ = d.show_modal();
            }
        }
        None if d.open() => d.close(),
        None => {}
    }
}

/// A click on one of the dialog's answers.
pub(super) fn click(app: AppState, tl: Tl, ev: web_sys::Event) {
    let Some((_, what)) = dom::closest_with(ev.target(), "[data-answer]", "data-answer") else {
        return;
    };
    let extend = match what.as_str() {
        "extend" => Some(true),
        "keep" => Some(false),
        _ => None,
    };
    answer(app, tl, extend);
}

/// The dialog was closed (Escape or an answer).
pub(super) fn closed(tl: Tl) {
    if tl.question.with_untracked(Option::is_some) {
        tl.question.set(None);
    }
}
