//! Compact activity lists whose entries open the activity, and the drawer
//! that shows the activity editor on pages other than Aktiviteter.

use std::rc::Rc;

use leptos::prelude::*;

use super::super::dom::{button, el, p, region, Act, El};
use super::super::{clock, format, use_app, ActivityEditor};
use crate::model::{Activity, ActivityId, Plan};

/// The ids of `list`.
pub fn ids(list: Vec<&Activity>) -> Vec<ActivityId> {
    list.into_iter().map(|a| a.id.clone()).collect()
}

/// One shown entry: id, title, details, overdue.
type Entry = (String, String, String, bool);

fn entry(a: &Activity, today: chrono::NaiveDate) -> Entry {
    let who = if a.responsible.trim().is_empty() {
        "Ingen ansvarlig"
    } else {
        a.responsible.trim()
    };
    let meta = format!(
        "Frist {} · HO {} · {who}",
        format::opt_date(a.due),
        a.task.get()
    );
    (a.id.0.clone(), a.title.clone(), meta, a.is_overdue(today))
}

/// Picks activities from the plan, in display order.
pub type Pick = Box<dyn Fn(&Plan) -> Vec<ActivityId>>;

/// A list of the activities `pick` chooses, under `title` with their count
/// and `hint` if given; each entry shows title, due date, main task and responsible,
/// and opens the activity in the editor. With `limit`, only that many are
/// shown until the user asks for all.
pub fn activity_links(
    pick: Pick,
    title: Option<(&'static str, &'static str)>,
    empty: &'static str,
    limit: Option<usize>,
) -> impl IntoView {
    let app = use_app();
    let all = RwSignal::new(false);
    let render = move || {
        let n = if all.get() {
            usize::MAX
        } else {
            limit.unwrap_or(usize::MAX)
        };
        let today = clock::today();
        let (list, total) = app.plan.with(|p| {
            let Some(p) = p else { return (Vec::new(), 0) };
            let ids = pick(p);
            let list: Vec<Entry> = ids
                .iter()
                .take(n)
                .filter_map(|id| p.activity(id))
                .map(|a| entry(a, today))
                .collect();
            (list, ids.len())
        });
        let mut out = el("div");
        if let Some((t, hint)) = title {
            out = out
                .child(
                    el("h3")
                        .text(t)
                        .text(" ")
                        .child(el("span").cls("count-badge").text(&total.to_string())),
                )
                .child(p("hint", hint));
        }
        if list.is_empty() {
            return if empty.is_empty() {
                out
            } else {
                out.child(p("empty", empty))
            };
        }
        let rows: Vec<El> = list
            .iter()
            .map(|(id, title, meta, overdue)| {
                el("li")
                    .attr("data-id", id)
                    .cls(if *overdue { "overdue-item" } else { "" })
                    .child(button(title, "link", "open", id))
                    .child(el("span").cls("meta").text(meta))
            })
            .collect();
        out = out.child(el("ul").cls("activity-links").children(rows));
        match total - list.len() {
            0 => out,
            more => out.child(button(
                &format!("Vis alle ({more} mere)"),
                "secondary show-all",
                "all",
                "",
            )),
        }
    };
    let on_act: Rc<dyn Fn(Act)> = Rc::new(move |a: Act| match a.act.as_str() {
        "open" => app.editing.set(Some(ActivityId(a.key))),
        "all" => all.set(true),
        _ => {}
    });
    region("links", Box::new(render), Some(on_act))
}

/// The activity editor as a side drawer, shown while an activity is open.
/// Opening a page with the drawer closes an editor left open elsewhere.
#[component]
pub fn ActivityDrawer() -> impl IntoView {
    let app = use_app();
    app.editing.set(None);
    view! {
        <div class="drawer" class:open=move || app.editing.with(Option::is_some)>
            <ActivityEditor />
        </div>
    }
}
