//! Choosing between two versions of records changed on both sides, for
//! imports merged into the open plan and for saves from another tab.

use leptos::prelude::*;

use super::super::{dialog::Dialog, format, persist, use_app};
use crate::model::{resolve, Activity, Conflict, Side};

/// A few lines describing one version of a conflicting record.
fn describe(conflict: &Conflict, side: Side) -> Vec<String> {
    let ours_side = side == Side::Ours;
    match conflict {
        Conflict::Settings { ours, theirs } => {
            let p = if ours_side { ours } else { theirs };
            vec![
                format!("Kommune: {}", p.municipality),
                format!("Løsning: {}", p.solution.name()),
                format!("Go-live: {}", format::date(p.go_live)),
                format!("Ændret: {}", format::timestamp(p.settings_modified)),
            ]
        }
        Conflict::Task { ours, theirs } => {
            let t = if ours_side { ours } else { theirs };
            vec![
                format!("Aktiv i: {}", t.phases.codes()),
                format!("Ændret: {}", format::timestamp(t.modified)),
            ]
        }
        Conflict::Activity { ours, theirs, .. } => match if ours_side { ours } else { theirs } {
            None => vec!["Slettet".to_string()],
            Some(a) => activity_lines(a),
        },
    }
}

fn activity_lines(a: &Activity) -> Vec<String> {
    let mut lines = vec![
        format!("Titel: {}", a.title),
        format!(
            "{} · {}",
            a.phase.label(),
            format::date_span(a.start, a.due)
        ),
        format!("Status: {}", a.status.label()),
    ];
    if !a.responsible.trim().is_empty() {
        lines.push(format!("Ansvarlig: {}", a.responsible.trim()));
    }
    if !a.notes.trim().is_empty() {
        lines.push(format!("Noter: {}", a.notes.trim()));
    }
    lines.push(format!("Ændret: {}", format::timestamp(a.modified)));
    lines
}

/// The list of conflicts with a choice per record. `choices` holds one
/// side per conflict, in order.
#[component]
pub fn ConflictChooser(
    conflicts: Vec<Conflict>,
    choices: RwSignal<Vec<Side>>,
    other_label: &'static str,
) -> impl IntoView {
    conflicts
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let name = format!("conflict-{i}");
            let option = move |side: Side, label: &'static str, lines: Vec<String>| {
                let name = name.clone();
                view! {
                    <label class="conflict-option">
                        <input
                            type="radio"
                            name=name
                            prop:checked=move || choices.with(|c| c.get(i) == Some(&side))
                            on:change=move |_| choices.update(|c| if let Some(x) = c.get_mut(i) { *x = side })
                        />
                        <span class="option-title">{label}</span>
                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    </label>
                }
            };
            view! {
                <fieldset class="conflict">
                    <legend>{c.label()}</legend>
                    <div class="conflict-sides">
                        {option(Side::Ours, "Min version", describe(&c, Side::Ours))}
                        {option(Side::Theirs, other_label, describe(&c, Side::Theirs))}
                    </div>
                </fieldset>
            }
        })
        .collect_view()
}

/// Shown when another tab saved the plan while this tab had unsaved edits
/// and both changed the same records.
#[component]
pub fn SyncConflictDialog() -> impl IntoView {
    let app = use_app();
    move || {
        let conflict = app.sync_conflict.get()?;
        let choices = RwSignal::new(vec![Side::Ours; conflict.result.conflicts.len()]);
        let result = StoredValue::new(conflict.result.clone());
        let stored = StoredValue::new(conflict.stored.clone());
        let apply = move |_| {
            let plan = result.with_value(|r| resolve(r, &choices.get_untracked()));
            persist::settle_conflict(app, plan, stored.get_value());
            app.notify(
                "Planen er flettet med ændringerne fra den anden fane og gemt.",
                None,
            );
        };
        Some(view! {
            <Dialog labelledby="sync-heading" on_close=move || ()>
                    <h2 id="sync-heading">"Planen er også ændret i en anden fane"</h2>
                    <p>
                        {format!(
                            "Mens du redigerede her, blev planen gemt fra en anden fane. {} flettet ind uden problemer, men {} ændret begge steder. Vælg for hver, hvilken version der skal gælde. Intet gemmes, før du har valgt.",
                            crate::model::count(conflict.result.taken_from_theirs, "ændring er", "ændringer er"),
                            crate::model::count(conflict.result.conflicts.len(), "post er", "poster er")
                        )}
                    </p>
                    <ConflictChooser conflicts=conflict.result.conflicts.clone() choices=choices other_label="Den anden fanes version" />
                    <div class="dialog-actions">
                        <button type="button" on:click=move |_| persist::reload_stored(app)>
                            "Kassér mine ændringer og hent den gemte plan"
                        </button>
                        <button type="button" class="primary" on:click=apply>"Gem med mine valg"</button>
                    </div>
            </Dialog>
        })
    }
}
