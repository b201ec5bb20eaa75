//! Each responsible person's open activities, so the project leader can
//! follow up with each of them: a table of persons with counts, and the
//! chosen person's open activities.

use std::rc::Rc;

use leptos::prelude::*;

use super::super::dom::{el, region, Act};
use super::super::report::{doc, view};
use super::super::{clock, format, use_app};
use super::links::{activity_links, ids};
use crate::model::{Plan, ResponsibleOpen};

/// Key of the group without a responsible person.
const NOBODY: &str = "-";

fn key(g: &ResponsibleOpen<'_>) -> String {
    if g.name.is_empty() {
        NOBODY.to_string()
    } else {
        g.name.to_lowercase()
    }
}

fn label(name: &str) -> String {
    if name.is_empty() {
        "Ingen ansvarlig".to_string()
    } else {
        name.to_string()
    }
}

/// Open activities per responsible person.
#[component]
pub fn ResponsibleView() -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(String::new());
    let table = move || {
        let chosen = chosen.get();
        let rows = app.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    p.open_by_responsible(clock::today())
                        .iter()
                        .map(|g| {
                            let key = key(g);
                            doc::DocRow {
                                alert: g.overdue > 0,
                                cells: vec![
                                    doc::DocCell::Act {
                                        act: "person",
                                        key: key.clone(),
                                        label: label(&g.name),
                                    },
                                    doc::DocCell::Num(g.activities.len().to_string()),
                                    doc::DocCell::Num(g.overdue.to_string()),
                                    doc::DocCell::Text(
                                        g.activities
                                            .first()
                                            .and_then(|a| a.due)
                                            .map(format::date)
                                            .unwrap_or_default(),
                                    ),
                                ],
                                key,
                            }
                        })
                        .collect()
                })
                .unwrap_or_default()
        });
        let t = doc::DocTable {
            caption: None,
            head: vec!["Ansvarlig", "Åbne", "Forsinkede", "Næste frist"],
            rows,
            empty: "Ingen åbne aktiviteter.",
        };
        let out = view::table(el("div"), &t);
        let name = app.plan.with(|p| {
            p.as_ref().and_then(|p| {
                p.open_by_responsible(clock::today())
                    .into_iter()
                    .find(|g| key(g) == chosen)
                    .map(|g| g.name)
            })
        });
        match name {
            Some(n) => out.child(
                el("h3")
                    .cls("person-heading")
                    .text(&format!("Åbne aktiviteter: {}", label(&n))),
            ),
            None => out,
        }
    };
    let on_act: Rc<dyn Fn(Act)> = Rc::new(move |a: Act| chosen.set(a.key));
    let pick = move |p: &Plan| {
        let chosen = chosen.get();
        p.open_by_responsible(clock::today())
            .into_iter()
            .find(|g| key(g) == chosen)
            .map(|g| ids(g.activities))
            .unwrap_or_default()
    };
    view! {
        <section class="responsible" aria-labelledby="responsible-heading">
            <h2 id="responsible-heading">"Åbne aktiviteter pr. ansvarlig"</h2>
            <p class="hint">"Aktiviteter, der hverken er færdige eller udgået, pr. ansvarlig. Vælg en person for at se vedkommendes aktiviteter, sorteret efter frist."</p>
            {region("responsible-region", Box::new(table), Some(on_act))}
            {activity_links(Box::new(pick), None, "", Some(20))}
        </section>
    }
}
