//! Choosing the main tasks and activities a benefit or a map node depends
//! on: checkboxes for the sixteen main tasks (`name="link-task"`), the
//! linked activities with "Fjern" (`data-act="unlink"`), and a list to add
//! one more (`name="link-activity"`).

use web_sys::Element;

use super::dom::{add, button, clear, find, set_checked, set_text, value};
use crate::catalog;
use crate::model::{tasks_in_order, ActivityId, Plan, TaskNo};

/// The plan's activities as (id, main task, title).
pub fn activity_options(plan: &Plan) -> Vec<(ActivityId, TaskNo, String)> {
    plan.activities
        .iter()
        .map(|a| (a.id.clone(), a.task, a.title.clone()))
        .collect()
}

/// Builds the fieldset under `parent`; fill it with [`sync`].
pub fn build(parent: &Element, legend: &str) -> Element {
    let fs = add(parent, "fieldset", &[("class", "links")]);
    add(&fs, "legend", &[("text", legend)]);
    let details = add(&fs, "details", &[("class", "task-links")]);
    add(&details, "summary", &[]);
    let grid = add(&details, "div", &[("class", "task-grid")]);
    for task in TaskNo::all() {
        let label = add(&grid, "label", &[("class", "inline")]);
        add(
            &label,
            "input",
            &[
                ("type", "checkbox"),
                ("name", "link-task"),
                ("value", &task.get().to_string()),
            ],
        );
        add(
            &label,
            "span",
            &[(
                "text",
                &format!("{}. {}", task.get(), catalog::task(task).name),
            )],
        );
    }
    add(&fs, "ul", &[("class", "linked-activities")]);
    let label = add(&fs, "label", &[("text", "Tilføj aktivitet")]);
    add(&label, "select", &[("name", "link-activity")]);
    fs
}

/// Shows `tasks` and `activities` in the fieldset.
pub fn sync(
    fs: &Element,
    tasks: &[TaskNo],
    activities: &[ActivityId],
    options: &[(ActivityId, TaskNo, String)],
) {
    let numbers: Vec<String> = tasks.iter().map(|t| t.get().to_string()).collect();
    if let Some(summary) = find(fs, "summary") {
        let chosen = if numbers.is_empty() {
            "ingen valgt".to_string()
        } else {
            numbers.join(", ")
        };
        set_text(&summary, &format!("Hovedopgaver: {chosen}"));
    }
    if let Ok(boxes) = fs.query_selector_all("input[name=link-task]") {
        for i in 0..boxes.length() {
            if let Some(b) = boxes
                .item(i)
                .and_then(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
            {
                set_checked(&b, numbers.contains(&value(&b)));
            }
        }
    }
    // The lists change only when the links (or the activities) do.
    let sig: String = activities
        .iter()
        .map(|a| a.as_str())
        .chain(options.iter().map(|o| o.2.as_str()))
        .collect();
    let (Some(list), Some(select)) = (find(fs, "ul"), find(fs, "select")) else {
        return;
    };
    if list.get_attribute("data-sig").as_deref() == Some(sig.as_str()) {
        return;
    }
    let _ = list.set_attribute("data-sig", &sig);
    clear(&list);
    clear(&select);
    add(
        &select,
        "option",
        &[("value", ""), ("text", "Vælg aktivitet …")],
    );
    for (id, task, title) in options {
        let label = format!("HO {} · {title}", task.get());
        if activities.contains(id) {
            let li = add(&list, "li", &[("data-activity", id.as_str())]);
            add(&li, "span", &[("class", "linked-title"), ("text", &label)]);
            let b = button(&li, "Fjern", "unlink", id.as_str(), "small");
            let _ = b.set_attribute("aria-label", &format!("Fjern {title}"));
        } else {
            add(
                &select,
                "option",
                &[("value", id.as_str()), ("text", &label)],
            );
        }
    }
}

/// The main tasks after the checkbox `checkbox` changed.
pub fn toggled(tasks: &[TaskNo], checkbox: &Element, on: bool) -> Vec<TaskNo> {
    let changed = value(checkbox).parse::<u8>().ok().and_then(TaskNo::new);
    let mut t: Vec<TaskNo> = tasks
        .iter()
        .copied()
        .filter(|x| Some(*x) != changed)
        .collect();
    if let (true, Some(task)) = (on, changed) {
        t.push(task);
    }
    tasks_in_order(&t)
}

/// The activities after adding `id` (from the select) or removing it.
pub fn with(activities: &[ActivityId], id: &str, on: bool) -> Vec<ActivityId> {
    let mut a: Vec<ActivityId> = activities
        .iter()
        .filter(|x| x.as_str() != id)
        .cloned()
        .collect();
    if on && !id.is_empty() {
        a.push(ActivityId(id.to_string()));
    }
    a
}
