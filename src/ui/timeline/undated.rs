//! Activities with neither a start nor a due date: listed under the
//! chart (they have no bar) with ways to give them dates.

use chrono::Duration;
use leptos::prelude::*;

use super::dom::{self, html, set};
use super::{Tl, Ui};
use crate::model::{ActivityChange, ActivityId, Edit};
use crate::ui::AppState;

/// How long an activity placed at the start of its phase lasts.
const PLACED_DAYS: i64 = 14;

/// Gives activity `id` the dates it lacks: the start of its phase and two
/// weeks (within the phase).
fn place(app: AppState, id: ActivityId) {
    let edit = app.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        let a = p.activity(&id)?;
        let w = p.window(a.phase);
        let start = a.start.unwrap_or(w.start);
        let due = a
            .due
            .unwrap_or_else(|| (start + Duration::days(PLACED_DAYS - 1)).min(w.end.max(start)));
        let start = start.min(due);
        Some(Edit::UpdateActivity {
            id: id.clone(),
            change: ActivityChange::Dates {
                start: Some(start),
                due: Some(due),
            },
        })
    });
    if let Some(Err(e)) = edit.map(|e| app.edit(e)) {
        app.notify(e.to_string(), None);
    }
}

/// Lists the shown activities without dates (redrawn only when the list changes).
pub(super) fn sync(app: AppState, tl: Tl, ui: &mut Ui) {
    let items: Vec<[String; 4]> = tl.lanes.with(|l| {
        app.plan.with(|p| {
            let Some(p) = p.as_ref() else {
                return Vec::new();
            };
            l.undated
                .iter()
                .filter_map(|i| p.activities.get(*i))
                .map(|a| {
                    [
                        a.id.as_str().to_string(),
                        a.title.clone(),
                        format!(
                            "HO {} · {} · mangler start og slut",
                            a.task.get(),
                            a.phase.code()
                        ),
                        a.phase.code().to_string(),
                    ]
                })
                .collect()
        })
    });
    if ui.undated_items == items {
        return;
    }
    let el = &ui.undated;
    el.set_text_content(None);
    if items.is_empty() {
        set(el, "hidden", "");
    } else {
        let _ = el.remove_attribute("hidden");
        let h = html("h2", "");
        set(&h, "id", "tl-undated-heading");
        h.set_text_content(Some(&format!("Uden datoer ({})", items.len())));
        let hint = html("p", "hint");
        hint.set_text_content(Some(
            "Disse aktiviteter vises ikke på tidslinjen, før de har en start- eller slutdato.",
        ));
        let list = html("ul", "");
        for [id, title, meta, phase] in &items {
            let li = html("li", "");
            set(&li, "data-id", id);
            let t = html("span", "tl-undated-title");
            t.set_text_content(Some(title));
            let m = html("span", "meta");
            m.set_text_content(Some(meta));
            let open = html("button", "");
            set(&open, "type", "button");
            set(&open, "data-open", id);
            open.set_text_content(Some("Giv datoer"));
            let put = html("button", "secondary");
            set(&put, "type", "button");
            set(&put, "data-place", id);
            put.set_text_content(Some(&format!("Placér i starten af {phase}")));
            for c in [&t, &m, &open, &put] {
                let _ = li.append_child(c);
            }
            let _ = list.append_child(&li);
        }
        for c in [&h, &hint, &list] {
            let _ = el.append_child(c);
        }
    }
    ui.undated_items = items;
}

/// Clicks in the list: open the editor, or place the activity in its phase.
pub(super) fn click(app: AppState, ev: web_sys::Event) {
    if let Some((_, id)) = dom::closest_with(ev.target(), "[data-open]", "data-open") {
        app.editing.set(Some(ActivityId(id)));
    } else if let Some((_, id)) = dom::closest_with(ev.target(), "[data-place]", "data-place") {
        place(app, ActivityId(id));
    }
}
