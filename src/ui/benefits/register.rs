//! The profiles tab: checks and summary at the top, a form for a new
//! profile, one row per profile with its progress, and the profile editor
//! beside the list. Rows are keyed by profile id and rebuilt only when
//! what they show changes.

use leptos::prelude::*;
use web_sys::{Element, Event};

use super::checks::{render_checks, render_summary};
use super::dom::{
    self, add, button, clear, find, flag, new, reconcile, target, template, toggle, value,
};
use super::editor;
use super::templates::PROFILES;
use super::{apply, apply_with_undo, links, measurements, show_error, use_benefits, BenefitsUi};
use crate::model::{
    Benefit, BenefitChange, BenefitEdit, BenefitId, BenefitKind, BenefitType, Edit, NodeChange,
};
use crate::ui::{clock, focus, format, use_app, AppState};

/// Deletes a profile (unlinking map nodes that point to it) and offers undo.
pub fn delete_benefit(app: AppState, id: BenefitId) {
    let (name, mut edits) = app.plan.with_untracked(|p| {
        let Some(p) = p else {
            return (String::new(), Vec::new());
        };
        let unlink = p
            .benefit_map
            .nodes
            .iter()
            .filter(|n| n.benefit.as_ref() == Some(&id))
            .map(|n| {
                Edit::Benefit(BenefitEdit::UpdateNode {
                    id: n.id.clone(),
                    change: NodeChange::Benefit(None),
                })
            })
            .collect();
        (
            p.benefit(&id).map(|b| b.name.clone()).unwrap_or_default(),
            unlink,
        )
    });
    // The deleted row (or the editor) had focus: the next profile takes it.
    let next = focus::neighbours("li.benefit-row", id.as_str(), "button.benefit-name");
    edits.push(Edit::Benefit(BenefitEdit::RemoveBenefit(id)));
    focus::keep(next);
    apply_with_undo(
        app,
        Edit::Batch(edits),
        format!("Gevinsten «{name}» er slettet."),
    );
}

/// A register row for `b`.
fn row(b: &Benefit, today: chrono::NaiveDate) -> Element {
    let li = new(
        "li",
        &[("class", "benefit-row"), ("data-id", b.id.as_str())],
    );
    toggle(&li, "drawback", b.kind == BenefitKind::Ulempe);
    let head = add(&li, "div", &[("class", "benefit-head")]);
    let name = button(&head, &b.name, "open", b.id.as_str(), "benefit-name");
    let _ = name.set_attribute("aria-label", &format!("Redigér {}", b.name));
    add(
        &head,
        "span",
        &[
            ("class", &format!("type-tag type-{}", b.benefit_type.key())),
            ("text", b.benefit_type.label()),
        ],
    );
    if b.kind == BenefitKind::Ulempe {
        add(
            &head,
            "span",
            &[("class", "drawback-tag"), ("text", "Ulempe")],
        );
    }
    let delete = button(&head, "Slet", "delete", b.id.as_str(), "delete danger");
    let _ = delete.set_attribute("aria-label", &format!("Slet {}", b.name));
    let meta = add(&li, "div", &[("class", "benefit-meta")]);
    let owner = if b.owner.is_empty() {
        "Ingen gevinstejer".to_string()
    } else {
        format!("Gevinstejer: {}", b.owner)
    };
    add(&meta, "span", &[("class", "owner"), ("text", &owner)]);
    if let Some(m) = b.latest() {
        let latest = format!(
            "Seneste måling {}: {} {}",
            format::date(m.date),
            m.value.format_danish(),
            b.unit
        );
        add(&meta, "span", &[("class", "latest"), ("text", &latest)]);
    }
    let pct = b.progress_percent();
    let progress = add(
        &li,
        "div",
        &[
            ("class", "progress"),
            ("title", "Fremdrift fra baseline mod mål"),
        ],
    );
    add(
        &progress,
        "span",
        &[
            ("class", "progress-bar"),
            (
                "style",
                &format!("--progress: {}%", pct.unwrap_or(0).clamp(0, 100)),
            ),
        ],
    );
    let text = pct
        .map(|p| format!("{} af målet", crate::ui::format::percent(p)))
        .unwrap_or_else(|| "Ingen fremdrift endnu".into());
    add(
        &progress,
        "span",
        &[("class", "progress-text"), ("text", &text)],
    );
    let checks = b.checks(today);
    if !checks.is_empty() {
        let list = add(&li, "ul", &[("class", "row-checks")]);
        for c in checks {
            let due = matches!(c, crate::model::BenefitCheck::MeasurementDue(_));
            add(
                &list,
                "li",
                &[
                    ("class", if due { "due" } else { "" }),
                    ("text", &c.label()),
                ],
            );
        }
    }
    li
}

/// The profile open in the editor.
fn current(app: AppState, ui: BenefitsUi) -> Option<Benefit> {
    let id = BenefitId(ui.editing.get_untracked()?);
    app.plan
        .with_untracked(|p| p.as_ref()?.benefit(&id).cloned())
}

fn change(
    app: AppState,
    ui: BenefitsUi,
    root: &Element,
    b: &Benefit,
    name: &str,
    c: Result<BenefitChange, String>,
) -> bool {
    let aside = find(root, "aside.benefit-editor");
    let _ = ui;
    match c {
        Ok(c) => {
            let group = Some(format!("{}:{name}", b.id.as_str()));
            let ok = apply(
                app,
                Edit::Benefit(BenefitEdit::UpdateBenefit {
                    id: b.id.clone(),
                    change: c,
                }),
                group,
                find(root, ".editor-error"),
            );
            if let (true, Some(a)) = (ok, &aside) {
                editor::field_error(a, name, "");
            }
            ok
        }
        Err(message) => {
            if let Some(a) = &aside {
                editor::field_error(a, name, &message);
            }
            false
        }
    }
}

/// Handles an input or change event of the editor; returns false if the
/// change was refused.
fn on_field(app: AppState, ui: BenefitsUi, root: &Element, ev: &Event, committed: bool) -> bool {
    let (Some((el, name, _)), Some(b)) = (target(ev), current(app, ui)) else {
        return true;
    };
    if name == "link-task" && committed {
        let on = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlInputElement>(&el)
            .is_some_and(|i| i.checked());
        change(
            app,
            ui,
            root,
            &b,
            "tasks",
            Ok(BenefitChange::Tasks(links::toggled(&b.tasks, &el, on))),
        )
    } else if name == "link-activity" && committed {
        change(
            app,
            ui,
            root,
            &b,
            "activities",
            Ok(BenefitChange::Activities(links::with(
                &b.activities,
                &value(&el),
                true,
            ))),
        )
    } else if editor::COMMITTED.contains(&name.as_str()) == committed {
        match editor::change_of(&name, value(&el), &b) {
            Some(c) => change(app, ui, root, &b, &name, c),
            None => {
                // The value is the saved one again: a message about what
                // was typed before no longer applies.
                if let Some(a) = find(root, "aside.benefit-editor") {
                    editor::field_error(&a, &name, "");
                }
                true
            }
        }
    } else {
        true
    }
}

fn on_click(app: AppState, ui: BenefitsUi, root: &Element, ev: &Event) {
    let Some((el, act, id)) = target(ev) else {
        return;
    };
    let form = find(root, "form[data-form=new-benefit]");
    let aside = find(root, "aside.benefit-editor");
    match act.as_str() {
        "new-open" | "new-cancel" => show_new_form(
            root,
            act == "new-open" && form.as_ref().is_some_and(|f| f.has_attribute("hidden")),
        ),
        "open" => ui.editing.set(Some(id)),
        "close" => close_editor(ui),
        "delete" => {
            if ui.editing.get_untracked().as_deref() == Some(id.as_str()) {
                ui.editing.set(None);
            }
            delete_benefit(app, BenefitId(id));
        }
        "m-fix" | "m-cancel" => {
            let b = current(app, ui);
            let m = b
                .as_ref()
                .and_then(|b| b.measurements.iter().find(|m| m.id.0 == id));
            if let Some(a) = &aside {
                measurements::fill_form(a, m);
            }
        }
        "m-delete" => {
            if let Some(b) = current(app, ui) {
                let edit = BenefitEdit::RemoveMeasurement {
                    benefit: b.id,
                    id: crate::model::MeasurementId(id),
                };
                apply_with_undo(app, Edit::Benefit(edit), "Målingen er slettet.".into());
            }
        }
        "unlink" => {
            if let Some(b) = current(app, ui) {
                let a = links::with(&b.activities, &id, false);
                change(
                    app,
                    ui,
                    root,
                    &b,
                    "activities",
                    Ok(BenefitChange::Activities(a)),
                );
            }
        }
        _ => {}
    }
    let _ = el;
}

fn on_submit(app: AppState, ui: BenefitsUi, root: &Element, ev: &Event) {
    ev.prevent_default();
    let Some(form) = ev
        .target()
        .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok())
    else {
        return;
    };
    let get = |name: &str| {
        find(&form, &format!("[name=\"{name}\"]"))
            .map(|e| value(&e))
            .unwrap_or_default()
    };
    match form.get_attribute("data-form").as_deref() {
        Some("new-benefit") => {
            let id = BenefitId(clock::new_id("g"));
            let t = BenefitType::from_key(&get("new-benefit-type"))
                .unwrap_or(BenefitType::OekonomiskRaaderum);
            let k = BenefitKind::from_key(&get("new-benefit-kind")).unwrap_or(BenefitKind::Gevinst);
            let benefit = Benefit::new(id.clone(), &get("new-benefit-name"), t, k, clock::now());
            let position = app
                .plan
                .with_untracked(|p| p.as_ref().map_or(0, |p| p.benefits.len()));
            if apply(
                app,
                Edit::Benefit(BenefitEdit::InsertBenefit { benefit, position }),
                None,
                find(&form, ".new-error"),
            ) {
                if let Some(input) = find(&form, "input") {
                    dom::set_value(&input, "");
                }
                flag(&form, "hidden", true);
                ui.editing.set(Some(id.0));
            }
        }
        Some("measurement") => {
            let (Some(b), Some(aside)) = (current(app, ui), find(root, "aside.benefit-editor"))
            else {
                return;
            };
            match measurements::read_form(&aside, b.id) {
                Ok(edit) => {
                    if apply(
                        app,
                        Edit::Benefit(edit),
                        None,
                        find(&form, ".measurement-error"),
                    ) {
                        measurements::fill_form(&aside, None);
                    }
                }
                Err(message) => show_error(find(&form, ".measurement-error"), &message),
            }
        }
        _ => {}
    }
}

fn on_event(app: AppState, ui: BenefitsUi, root: &Element, ev: &Event) {
    match ev.type_().as_str() {
        "click" => on_click(app, ui, root, ev),
        "input" => {
            on_field(app, ui, root, ev, false);
        }
        "change" => {
            on_field(app, ui, root, ev, true);
            // The new-profile form shows the explanation of the chosen type.
            if let Some((el, name, _)) = target(ev) {
                let p = find(root, "form[data-form=new-benefit] .type-explanation");
                if let (true, Some(p), Some(t)) = (
                    name == "new-benefit-type",
                    p,
                    BenefitType::from_key(&value(&el)),
                ) {
                    dom::set_text(&p, t.explanation());
                }
            }
        }
        "submit" => on_submit(app, ui, root, ev),
        "keydown" => on_escape(app, ui, root, ev),
        _ => {}
    }
}

/// Escape in the new-profile form cancels it; in the profile editor it
/// saves the field being typed in (a number or date commits on change) and
/// closes the editor, unless that field is refused. Focus goes back to the
/// button that opened it.
fn on_escape(app: AppState, ui: BenefitsUi, root: &Element, ev: &Event) {
    let key = wasm_bindgen::JsCast::dyn_ref::<web_sys::KeyboardEvent>(ev).map(|k| k.key());
    if key.as_deref() != Some("Escape") || ev.default_prevented() {
        return;
    }
    let inside = |selector: &str| {
        ev.target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<Element>(t).ok())
            .and_then(|el| el.closest(selector).ok().flatten())
            .is_some()
    };
    if inside("form[data-form=new-benefit]") {
        ev.prevent_default();
        return show_new_form(root, false);
    }
    if !inside("aside.benefit-editor") {
        return;
    }
    ev.prevent_default();
    // A refusal already on screen is not repeated: a second Escape closes
    // and leaves the text that could not be read.
    let refusal_shown = find(
        root,
        "aside.benefit-editor :is(.field-error, .editor-error):not([hidden])",
    )
    .is_some();
    let committed =
        target(ev).is_some_and(|(_, name, _)| editor::COMMITTED.contains(&name.as_str()));
    if committed && !refusal_shown && !on_field(app, ui, root, ev, true) {
        return;
    }
    close_editor(ui);
}

/// Shows or hides the new-profile form: focus goes into it when shown, and
/// back to "+ Ny gevinst" when hidden.
fn show_new_form(root: &Element, open: bool) {
    if let Some(f) = find(root, "form[data-form=new-benefit]") {
        flag(&f, "hidden", !open);
        if let (true, Some(input)) = (open, find(&f, "input")) {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(input).focus();
        }
    }
    if let Some(b) = find(root, "[data-act=new-open]") {
        let _ = b.set_attribute("aria-expanded", &open.to_string());
    }
    if !open {
        focus::keep_on(&["[data-act=new-open]"]);
    }
}

/// Closes the profile editor; focus goes back to the profile's row (rebuilt
/// when the profile changed, so found once the list has redrawn).
fn close_editor(ui: BenefitsUi) {
    let Some(id) = ui.editing.get_untracked() else {
        return;
    };
    ui.editing.set(None);
    let id = id.replace(['"', '\\'], "");
    focus::keep_on(&[&format!(
        "ul.benefit-list [data-act=open][data-id=\"{id}\"]"
    )]);
}

/// Shows the checks, summary, rows and editor for `benefits`.
fn render(app: AppState, r: &Element, benefits: &[Benefit], editing: Option<&str>) {
    let today = clock::today();
    if let Some(s) = find(r, "section.benefit-checks") {
        render_checks(&s, benefits, today);
    }
    if let Some(t) = find(r, ".summary-table tbody") {
        render_summary(&t, benefits);
    }
    if let Some(e) = find(r, "p.empty") {
        flag(&e, "hidden", !benefits.is_empty());
    }
    if let Some(list) = find(r, "ul.benefit-list") {
        // A row changes with its profile, whose time stamp says when.
        let keys: Vec<(String, String)> = benefits
            .iter()
            .map(|b| (b.id.0.clone(), b.modified.0.to_string()))
            .collect();
        reconcile(&list, &keys, &|i| row(&benefits[i], today));
        for b in benefits {
            if let Some(li) = find(&list, &format!("[data-key=\"{}\"]", b.id.as_str())) {
                toggle(&li, "selected", editing == Some(b.id.as_str()));
            }
        }
    }
    let Some(slot) = find(r, ".editor-slot") else {
        return;
    };
    let open = editing.and_then(|id| benefits.iter().find(|b| b.id.as_str() == id));
    toggle(r, "editing", open.is_some());
    let Some(b) = open else { return clear(&slot) };
    let opened = find(&slot, "aside")
        .and_then(|a| a.get_attribute("data-id"))
        .as_deref()
        != Some(b.id.as_str());
    if opened {
        clear(&slot);
        editor::build(&slot, b.id.as_str());
    }
    let options = app
        .plan
        .with_untracked(|p| p.as_ref().map(links::activity_options).unwrap_or_default());
    if let Some(a) = find(&slot, "aside") {
        editor::sync(&a, b, &options);
    }
    // Focus the name of a profile just opened (after filling the form, which
    // leaves a focused field alone).
    if let (true, Some(name)) = (opened, find(&slot, "[name=name]")) {
        let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(name).focus();
    }
}

/// The profiles tab.
#[component]
pub fn ProfilesTab() -> impl IntoView {
    let app = use_app();
    let ui = use_benefits();
    let holder = NodeRef::<leptos::html::Div>::new();
    let listener = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(r) = holder.get().map(Element::from) else {
            return;
        };
        if find(&r, ".list-column").is_none() {
            clear(&r);
            template(&r, PROFILES);
            let root = r.clone();
            let f = move |ev: &Event| on_event(app, ui, &root, ev);
            listener.set_value(Some(dom::listen(
                &r,
                &["click", "input", "change", "submit", "keydown"],
                Box::new(f),
            )));
        }
        let editing = ui.editing.get();
        app.plan.with(|p| {
            render(
                app,
                &r,
                p.as_ref()
                    .map(|p| p.benefits.as_slice())
                    .unwrap_or_default(),
                editing.as_deref(),
            )
        });
    });
    view! { <div class="benefit-register" node_ref=holder></div> }
}
