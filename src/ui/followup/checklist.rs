//! One phase-transition checklist: who answers, its items with answer,
//! comment and who answered; adding, editing and removing items; and the
//! phase's open activities.

use std::rc::Rc;

use leptos::prelude::*;

use super::super::dom::{button, el, p, region, Act, El};
use super::super::{clock, format, use_app};
use super::links::activity_links;
use super::new_id;
use super::score::{score_box, SCORE_RULE};
use crate::model::{Answer, ChecklistItem, Edit, FollowupEdit, ItemChange, ItemId, Phase, Plan};

/// The checklist for leaving `phase`; `who` is the name answering.
pub fn checklist_view(phase: Phase, who: RwSignal<String>) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    // The item being edited, if any.
    let editing = RwSignal::new(None::<String>);
    // A new item being typed is kept when the list is redrawn (an item
    // answered meanwhile), but not once it has been added.
    let added = StoredValue::new(false);
    let edit = move |id: String, change: ItemChange| {
        let result = app.edit(Edit::Followup(FollowupEdit::UpdateItem {
            phase,
            id: ItemId(id),
            change,
        }));
        error.set(result.as_ref().err().map(ToString::to_string));
        result.is_ok()
    };
    let on_act: Rc<dyn Fn(Act)> = Rc::new(move |a: Act| match a.act.as_str() {
        "who" => who.set(a.value),
        "answer" => {
            let (id, key) = a.key.rsplit_once('/').unwrap_or_default();
            let by = who.get_untracked();
            if !edit(
                id.to_string(),
                ItemChange::Answer {
                    answer: Answer::from_key(key),
                    by,
                    on: Some(clock::today()),
                },
            ) {
                // Rebuild, so the row shows the model's state, not the click.
                editing.update(|_| {});
            }
        }
        "comment" => {
            edit(a.key, ItemChange::Comment(a.value));
        }
        "text" => {
            let saved = edit(a.key, ItemChange::Text(a.value));
            editing.update(|e| {
                if saved {
                    *e = None;
                }
            });
        }
        "edit" => editing.update(|e| {
            *e = if e.as_deref() == Some(a.key.as_str()) {
                None
            } else {
                Some(a.key)
            }
        }),
        "clear" => {
            edit(
                a.key,
                ItemChange::Answer {
                    answer: None,
                    by: String::new(),
                    on: None,
                },
            );
        }
        "remove" => match app.edit(Edit::Followup(FollowupEdit::RemoveItem {
            phase,
            id: ItemId(a.key),
        })) {
            Ok(inverse) => app.notify("Punktet er slettet.", Some(inverse)),
            Err(e) => error.set(Some(e.to_string())),
        },
        "add" => {
            let item =
                ChecklistItem::new_user(ItemId(new_id("c")), &a.field("new-item"), clock::now());
            added.set_value(true);
            match app.edit(Edit::Followup(FollowupEdit::AddItem {
                phase,
                item,
                position: usize::MAX,
            })) {
                Ok(_) => error.set(None),
                Err(e) => {
                    added.set_value(false);
                    error.set(Some(e.to_string()));
                }
            }
        }
        _ => {}
    });
    let render = move || {
        let editing = editing.get();
        let typed_new = if added.get_value() {
            added.set_value(false);
            String::new()
        } else {
            document()
                .query_selector(&format!(
                    ".checklist[data-phase={}] input[name=new-item]",
                    phase.code()
                ))
                .ok()
                .flatten()
                .map(|el| super::super::dom::value(&el))
                .unwrap_or_default()
        };
        let mut out = el("div").child(
            el("label")
                .cls("narrow who")
                .text("Besvaret af (dit navn)")
                .child(
                    el("input")
                        .attr("type", "text")
                        .attr("name", "who")
                        .attr("maxlength", "200")
                        .attr("value", &who.get_untracked())
                        .act("who", ""),
                ),
        );
        if let Some(e) = error.get() {
            out = out.child(p("error", &e).attr("role", "alert"));
        }
        let rows = app.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.checklist(phase)
                        .items
                        .iter()
                        .map(|i| row(i, editing.as_deref() == Some(i.id.as_str())))
                        .collect()
                })
                .unwrap_or_default()
        });
        out.child(el("ol").cls("check-items").children(rows)).child(
            el("div")
                .cls("add-item")
                .attr("data-form", "")
                .child(
                    el("label").text("Nyt punkt").child(
                        el("input")
                            .attr("type", "text")
                            .attr("name", "new-item")
                            .attr("value", &typed_new)
                            .attr("maxlength", "1000")
                            .attr("data-k", "new-item")
                            .attr(
                                "placeholder",
                                "Fx «Styregruppen har godkendt go-live-planen»",
                            ),
                    ),
                )
                .child(button("Tilføj punkt", "secondary", "add", "").attr("data-submit", "")),
        )
    };
    view! {
        <div class="checklist" data-phase=phase.code()>
            {score_box(phase)}
            <details class="score-rule">
                <summary>"Sådan beregnes parathed"</summary>
                <p>{SCORE_RULE}</p>
            </details>
            {region("checklist-region", Box::new(render), Some(on_act))}
            {activity_links(Box::new(move |p: &Plan| p.readiness(phase).open_activities), Some(("Fasens åbne aktiviteter", "Aktiviteter i fasen, der hverken er færdige eller udgået. Tjeklisten er først komplet, når de er det.")), "Ingen åbne aktiviteter i fasen.", Some(10))}
        </div>
    }
}

/// One item's row.
fn row(i: &ChecklistItem, editing: bool) -> El {
    let id = i.id.as_str();
    let text = if editing {
        el("textarea")
            .cls("item-text-input")
            .attr("aria-label", "Punktets tekst")
            .attr("rows", "2")
            .attr("maxlength", "1000")
            .act("text", id)
            .text(&i.text)
    } else {
        p("item-text", &i.text)
    };
    let mut answers = el("fieldset").cls("answers").child(
        el("legend")
            .cls("sr-only")
            .text(&format!("Svar: {}", i.text)),
    );
    for a in Answer::ALL {
        let input = el("input")
            .attr("type", "radio")
            .attr("name", &format!("answer-{id}"))
            .attr("value", a.key())
            .flag("checked", i.answer == Some(a))
            .act("answer", &format!("{id}/{}", a.key()));
        answers = answers.child(
            el("label")
                .cls(&format!("answer answer-{}", a.key()))
                .child(input)
                .text(a.label()),
        );
    }
    let answered = i
        .answer
        .map(|a| {
            format!(
                "{} · besvaret af {} {}",
                a.label(),
                i.answered_by,
                format::opt_date(i.answered_on)
            )
        })
        .unwrap_or_default();
    let mut actions = el("span").cls("item-actions");
    if i.answer.is_some() {
        actions = actions.child(button("Nulstil svar", "secondary small", "clear", id));
    }
    let mut edit = button(
        if editing {
            "Fortryd redigering"
        } else {
            "Redigér tekst"
        },
        "secondary small",
        "edit",
        id,
    );
    if editing {
        // Escape in the text field leaves editing (see `dom::region`).
        edit = edit.attr("data-cancel", "");
    }
    actions = actions
        .child(edit)
        .child(button("Slet", "danger small", "remove", id));
    let comment = el("input")
        .attr("type", "text")
        .cls("comment")
        .attr("placeholder", "Kommentar")
        .attr("aria-label", "Kommentar")
        .attr("maxlength", "2000")
        .attr("value", &i.comment)
        .act("comment", id);
    el("li")
        .cls("check-item")
        .attr("data-id", id)
        .attr("data-answer", i.answer.map_or("", |a| a.key()))
        .child(
            el("div")
                .cls("check-text")
                .child(el("span").cls("origin-tag").text(i.origin.label()))
                .child(text),
        )
        .child(answers)
        .child(
            el("div")
                .cls("check-extra")
                .child(comment)
                .child(el("span").cls("answered").text(&answered))
                .child(actions),
        )
}
