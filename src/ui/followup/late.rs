//! Overblik's follow-up part: what is late and what comes next (overdue,
//! due within 14 days, blocked) and progress per main task, done versus
//! planned done by today.

use std::rc::Rc;

use leptos::prelude::*;

use super::super::dom::{el, p, region, Act};
use super::super::report::{doc, view};
use super::super::{clock, use_app, Route};
use super::links::{activity_links, ids, ActivityDrawer};
use crate::model::{ActivityFilter, ActivityId, Plan, TaskNo};

/// Days ahead that "what comes next" looks.
pub const SOON_DAYS: i64 = 14;

fn overdue(p: &Plan) -> Vec<ActivityId> {
    ids(p.overdue_on(clock::today()))
}

fn soon(p: &Plan) -> Vec<ActivityId> {
    ids(p.due_within(clock::today(), SOON_DAYS))
}

fn blocked(p: &Plan) -> Vec<ActivityId> {
    ids(p.blocked())
}

/// The follow-up lists and the progress table of Overblik, with the
/// activity editor as a drawer.
#[component]
pub fn FollowupOverview() -> impl IntoView {
    let app = use_app();
    let table = move || {
        let section = el("div")
            .child(el("h2").attr("id", "progress-heading").text("Fremdrift pr. hovedopgave"))
            .child(p(
                "hint",
                "Færdig: andel af hovedopgavens aktiviteter, der er færdige. Planlagt: andel, der efter planen skulle være færdig i dag (frist senest i dag). Udgåede aktiviteter tæller ikke med. Hovedopgaver, der er bagud, er markeret med rødt. Vælg en hovedopgave for at se dens aktiviteter.",
            ));
        app.plan.with(|plan| {
            let rows: Vec<_> = plan
                .as_ref()
                .map(|p| {
                    p.task_progress(clock::today())
                        .into_iter()
                        .filter(|r| r.total > 0)
                        .collect()
                })
                .unwrap_or_default();
            view::table(section, &doc::progress_table(&rows, true))
        })
    };
    let on_act: Rc<dyn Fn(Act)> = Rc::new(move |a: Act| {
        if let Some(task) = a.key.parse::<u8>().ok().and_then(TaskNo::new) {
            app.filter.set(ActivityFilter {
                task: Some(task),
                ..Default::default()
            });
            app.go(Route::Aktiviteter);
        }
    });
    view! {
        <section class="followup-lists" aria-labelledby="late-heading">
            <h2 id="late-heading">"Hvad er forsinket, og hvad kommer nu"</h2>
            <div class="list-columns">
                <div class="list-col" data-list="overdue">
                    {activity_links(Box::new(overdue), Some(("Forsinkede", "Fristen er overskredet, og aktiviteten er ikke færdig.")), "Ingen forsinkede aktiviteter.", Some(8))}
                </div>
                <div class="list-col" data-list="soon">
                    {activity_links(Box::new(soon), Some(("Frist inden for 14 dage", "Ikke færdige aktiviteter med frist fra i dag og 14 dage frem.")), "Ingen frister de næste 14 dage.", Some(8))}
                </div>
                <div class="list-col" data-list="blocked">
                    {activity_links(Box::new(blocked), Some(("Blokerede", "Aktiviteter med status Blokeret.")), "Ingen blokerede aktiviteter.", Some(8))}
                </div>
            </div>
        </section>
        <section class="progress" aria-labelledby="progress-heading">
            {region("progress-region", Box::new(table), Some(on_act))}
        </section>
        <ActivityDrawer />
    }
}
