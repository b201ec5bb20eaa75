//! Statusrapport: the status report for the steering group on a chosen
//! reporting date, printable to A4, downloadable as a standalone HTML file,
//! and savable in the plan as a dated snapshot so the next report can show
//! what changed.

pub(super) mod doc;
mod html;
pub(super) mod view;

pub use html::escape_html;

use std::rc::Rc;

use leptos::prelude::*;

use super::dom::{button, el, region, Act};
use super::followup::new_id;
use super::{clock, date_input::DateInput, download::download_text, format, use_app};
use crate::model::{sort_small, Edit, FollowupEdit, ReportId};

/// Which saved report the report is compared with: `None` for the latest
/// one dated before the reporting date, `Some("")` for none, else its id.
type Compare = Option<String>;

/// The status report page.
#[component]
pub fn ReportPage() -> impl IntoView {
    let app = use_app();
    let today = clock::today();
    let date = RwSignal::new(Some(today));
    let compare = RwSignal::new(None::<String>);
    let doc = move || {
        let date = date.get()?;
        let compare: Compare = compare.get();
        app.plan.with(|p| {
            let p = p.as_ref()?;
            let previous = match compare.as_deref() {
                None => p.previous_report(date),
                Some("") => None,
                Some(id) => p.report(&ReportId(id.to_string())),
            };
            Some(doc::build(p, &p.status_report(date, previous), today))
        })
    };
    let download = move || {
        let (Some(doc), Some(date)) = (untrack(doc), date.get_untracked()) else {
            return;
        };
        let name = app.plan.with_untracked(|p| {
            p.as_ref()
                .map(|p| html::file_name(&p.municipality, p.solution.name(), date))
                .unwrap_or_default()
        });
        if !download_text(&name, "text/html;charset=utf-8", &html::standalone(&doc)) {
            app.notify("Browseren tillod ikke at hente filen.", None);
        }
    };
    let save = move || {
        let Some(date) = date.get_untracked() else {
            return;
        };
        let Some(report) = app.plan.with_untracked(|p| {
            p.as_ref()
                .map(|p| p.snapshot(ReportId(new_id("r")), date, clock::now()))
        }) else {
            return;
        };
        match app.edit(Edit::Followup(FollowupEdit::SaveReport {
            report,
            position: usize::MAX,
        })) {
            Ok(inverse) => app.notify(
                format!("Rapporten pr. {} er gemt i planen.", format::date(date)),
                Some(inverse),
            ),
            Err(e) => app.notify(e.to_string(), None),
        }
    };
    let compare_select = move || {
        let chosen = compare.get();
        let mut select = el("select")
            .attr("name", "compare")
            .attr("aria-label", "Sammenlign med")
            .act("compare", "");
        let mut options = vec![
            (
                "previous".to_string(),
                "Seneste gemte rapport før rapportdatoen".to_string(),
            ),
            ("none".to_string(), "Ingen sammenligning".to_string()),
        ];
        // Only reports a report on the chosen date can be compared with.
        let until = date.get();
        app.plan.with(|p| {
            let mut list: Vec<_> = p
                .as_ref()
                .map(|p| {
                    p.reports
                        .iter()
                        .filter(|r| until.is_some_and(|u| r.date <= u))
                        .map(|r| (r.date, r.id.0.clone(), r.modified))
                        .collect()
                })
                .unwrap_or_default();
            sort_small(&mut list, |x| (x.0, x.2));
            // With the time it was saved: reports of the same day differ.
            options.extend(list.into_iter().rev().map(|(d, id, saved)| {
                (
                    id,
                    format!(
                        "Rapporten {} (gemt {})",
                        format::date(d),
                        format::timestamp(saved)
                    ),
                )
            }));
        });
        let value = match chosen.as_deref() {
            None => "previous",
            Some("") => "none",
            Some(id) => id,
        };
        for (v, label) in options {
            select = select.child(
                el("option")
                    .attr("value", &v)
                    .flag("selected", v == value)
                    .text(&label),
            );
        }
        el("div")
            .child(el("label").text("Sammenlign med").child(select))
            .child(
                el("div")
                    .cls("form-actions")
                    .child(button("Udskriv / gem som PDF", "primary", "print", ""))
                    .child(button("Hent som HTML-fil", "", "download", ""))
                    .child(button("Gem rapporten i planen", "", "save", "")),
            )
    };
    let on_act: Rc<dyn Fn(Act)> = Rc::new(move |a: Act| match a.act.as_str() {
        "compare" if a.key.is_empty() => compare.set(match a.value.as_str() {
            "previous" => None,
            "none" => Some(String::new()),
            id => Some(id.to_string()),
        }),
        "compare" => compare.set(Some(a.key)),
        "print" => {
            let _ = window().print();
        }
        "download" => download(),
        "save" => save(),
        "delete" => match app.edit(Edit::Followup(FollowupEdit::RemoveReport(ReportId(a.key)))) {
            Ok(inverse) => {
                compare.set(None);
                app.notify("Den gemte rapport er slettet.", Some(inverse));
            }
            Err(e) => app.notify(e.to_string(), None),
        },
        _ => {}
    });
    let saved = move || {
        let until = date.get();
        let t = app
            .plan
            .with(|p| p.as_ref().map(|p| doc::saved_table(p, until)));
        let section =
            el("section").child(el("h2").attr("id", "saved-heading").text("Gemte rapporter"));
        match t {
            Some(t) => view::table(section, &t),
            None => section,
        }
    };
    view! {
        <div class="page report-page">
            <style>{html::REPORT_CSS}</style>
            <section class="report-controls" aria-labelledby="report-heading">
                <h1 id="report-heading">"Statusrapport"</h1>
                <p class="hint">"Rapport til styregruppen om fremdrift og afvigelser på en valgt rapportdato. Udskriv den (vælg «Gem som PDF» for en PDF), hent den som HTML-fil, eller gem den i planen, så næste rapport kan vise, hvad der er ændret."</p>
                <div class="row">
                    <label>
                        "Rapportdato"
                        <DateInput name="report-date" required=true value=date on_commit=move |d| date.set(d) />
                    </label>
                </div>
                {region("compare", Box::new(compare_select), Some(on_act.clone()))}
            </section>
            {region("report-doc", Box::new(move || doc().map_or_else(|| el("p"), |d| view::render(&d))), None)}
            {region("saved-reports", Box::new(saved), Some(on_act))}
        </div>
    }
}
