//! The panel of the selected map node: its title, description and column,
//! its links (main tasks and activities, or a benefit profile), its arrows,
//! and the main tasks and activities behind its highlighted chain, each of
//! which opens in Aktiviteter.

use web_sys::Element;

use super::dom::{add, button, clear, find, options, set_text, set_value, template};
use super::links;
use super::templates::{PANEL, PROFILE_LINK};
use crate::catalog;
use crate::model::{tasks_in_order, MapNode, NodeId, Plan, TaskNo};

/// Builds the panel of `node` into `slot`.
pub fn build(slot: &Element, node: &MapNode) {
    template(slot, PANEL);
    let Some(aside) = find(slot, "aside") else {
        return;
    };
    let _ = aside.set_attribute("data-id", node.id.as_str());
    let _ = aside.set_attribute("data-column", node.column.key());
    if let Some(remove) = find(&aside, "[data-act=node-remove]") {
        let _ = remove.set_attribute("data-id", node.id.as_str());
    }
    let Some(form) = find(&aside, "form") else {
        return;
    };
    if node.column.links_activities() {
        links::build(&form, "Leveres af hovedopgaver og aktiviteter");
    } else if node.column.links_benefit() {
        template(&form, PROFILE_LINK);
    }
}

/// Shows `node` of `plan`, and what lies behind `chain`, in the panel `aside`.
pub fn sync(aside: &Element, node: &MapNode, plan: &Plan, chain: &[NodeId]) {
    if let Some(h) = find(aside, "h2") {
        set_text(&h, &format!("{}: {}", node.column.singular(), node.title));
    }
    for (name, v) in [
        ("node-title", node.title.as_str()),
        ("node-description", &node.description),
        ("node-column", node.column.key()),
    ] {
        if let Some(el) = find(aside, &format!("[name={name}]")) {
            set_value(&el, v);
        }
    }
    if let Some(fs) = find(aside, "fieldset.links:not(.profile-link)") {
        links::sync(
            &fs,
            &node.tasks,
            &node.activities,
            &links::activity_options(plan),
        );
    }
    if let Some(select) = find(aside, "[name=node-benefit]") {
        let profiles: Vec<(String, String)> =
            std::iter::once((String::new(), "Ingen gevinstprofil".to_string()))
                .chain(
                    plan.benefits
                        .iter()
                        .map(|b| (b.id.0.clone(), b.name.clone())),
                )
                .collect();
        clear(&select);
        options(&select, &profiles);
        set_value(&select, node.benefit.as_ref().map_or("", |b| b.as_str()));
    }
    if let Some(b) = find(aside, "[data-act=profile]") {
        let linked = node
            .benefit
            .as_ref()
            .is_some_and(|b| plan.benefit(b).is_some());
        set_text(
            &b,
            if linked {
                "Åbn gevinstprofil"
            } else {
                "Opret gevinstprofil ud fra knuden"
            },
        );
    }
    let map = &plan.benefit_map;
    if let Some(list) = find(aside, ".arrow-list") {
        clear(&list);
        for a in map
            .arrows
            .iter()
            .filter(|a| a.from == node.id || a.to == node.id)
        {
            let (sign, other) = if a.from == node.id {
                ("→", &a.to)
            } else {
                ("←", &a.from)
            };
            let label = format!(
                "{sign} {}",
                map.node(other)
                    .map(|x| x.title.as_str())
                    .unwrap_or_default()
            );
            let li = add(&list, "li", &[]);
            button(&li, &label, "go-node", other.as_str(), "link");
            let _ = button(&li, "Fjern", "arrow-remove", a.id.as_str(), "small")
                .set_attribute("aria-label", &format!("Fjern pilen {label}"));
        }
        if list.child_element_count() == 0 {
            add(
                &list,
                "li",
                &[
                    ("class", "hint"),
                    (
                        "text",
                        "Ingen pile endnu. Tilføj pile med «Pil fra … til» over diagrammet.",
                    ),
                ],
            );
        }
    }
    if let Some(list) = find(aside, ".chain-list") {
        render_chain(&list, plan, chain);
    }
}

/// The main tasks and activities linked from the nodes of `chain` (and
/// from the benefit profiles of its Gevinst nodes).
fn render_chain(list: &Element, plan: &Plan, chain: &[NodeId]) {
    clear(list);
    let mut tasks: Vec<TaskNo> = Vec::new();
    let mut ids = Vec::new();
    for n in plan
        .benefit_map
        .nodes
        .iter()
        .filter(|n| chain.contains(&n.id))
    {
        tasks.extend(&n.tasks);
        ids.extend(&n.activities);
        if let Some(b) = n.benefit.as_ref().and_then(|b| plan.benefit(b)) {
            tasks.extend(&b.tasks);
            ids.extend(&b.activities);
        }
    }
    for t in tasks_in_order(&tasks) {
        let text = format!("Hovedopgave {}. {}", t.get(), catalog::task(t).name);
        button(
            &add(list, "li", &[]),
            &text,
            "open-task",
            &t.get().to_string(),
            "link",
        );
    }
    for a in plan.activities.iter().filter(|a| ids.contains(&&a.id)) {
        let li = add(list, "li", &[("data-activity", a.id.as_str())]);
        let text = format!(
            "{} (HO {} · {} · {})",
            a.title,
            a.task.get(),
            a.phase.code(),
            a.status.label()
        );
        button(&li, &text, "open-activity", a.id.as_str(), "link");
    }
    if list.child_element_count() == 0 {
        let text = "Ingen hovedopgaver eller aktiviteter er koblet til knuderne i den fremhævede kæde. Kobl dem på leverancer og forandringer.";
        add(list, "li", &[("class", "hint"), ("text", text)]);
    }
}
