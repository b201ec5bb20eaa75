//! Input on the activity bars, handled once for the whole chart: pointer
//! drags (a local preview while moving, one edit on drop; a press without
//! movement opens the editor), keyboard moves, and focus and hover.

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{commit, dom, Drag, Tl};
use crate::layout::{activity_span, dragged, is_marker, DragMode, RowKey};
use crate::model::ActivityId;
use crate::ui::AppState;

/// Pixels the pointer must travel before a press counts as a drag.
const DRAG_SLOP: f64 = 3.0;

/// The days activity `id` covers on the timeline (see
/// [`activity_span`]), and whether it is a one-date marker.
fn dates(app: AppState, id: &ActivityId) -> Option<((NaiveDate, NaiveDate), bool)> {
    app.plan.with_untracked(|p| {
        let a = p.as_ref()?.activity(id)?;
        Some((activity_span(a)?, is_marker(a)))
    })
}

/// The bar element holding `target` and its activity id, if any.
fn bar_of(target: Option<web_sys::EventTarget>) -> Option<(web_sys::Element, ActivityId)> {
    dom::closest_with(target, "g.tl-bar", "data-id").map(|(el, id)| (el, ActivityId(id)))
}

/// Focuses the bar of `id` once it is drawn.
pub fn focus_bar(id: ActivityId) {
    request_animation_frame(move || {
        request_animation_frame(move || {
            let selector = format!(
                "g.tl-bar[data-id=\"{}\"]",
                id.as_str().replace(['"', '\\'], "")
            );
            if let Some(el) = document().query_selector(&selector).ok().flatten() {
                if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                    let _ = el.focus();
                }
            }
        });
    });
}

/// Moves focus to the previous (`dir` < 0) or next activity bar.
fn focus_neighbour(app: AppState, tl: Tl, id: &ActivityId, dir: i32) {
    let next = tl.lanes.with_untracked(|l| {
        let pos = l.position(&RowKey::Activity(id.clone()))?;
        let pick = |r: &crate::layout::Row| match &r.key {
            RowKey::Activity(next) => Some((next.clone(), r.y, r.height)),
            _ => None,
        };
        if dir < 0 {
            l.rows[..pos].iter().rev().find_map(pick)
        } else {
            l.rows[pos + 1..].iter().find_map(pick)
        }
    });
    if let Some((next, y, h)) = next {
        tl.scroll_row_into_view(y, h);
        if let Some(((first, last), _)) = dates(app, &next) {
            tl.scroll_span_into_view(first, last);
        }
        focus_bar(next);
    }
}

/// Shows the tooltip of the bar holding `target` (or none). The pointer on
/// the tooltip itself keeps it, so its text can be read under a magnifier
/// or selected (WCAG 1.4.13, hoverable).
pub fn hover(tl: Tl, target: Option<web_sys::EventTarget>) {
    if dom::closest_with(target.clone(), ".tl-tooltip", "role").is_some() {
        return;
    }
    let id = bar_of(target).map(|(_, id)| id);
    if tl.hover.with_untracked(|h| *h != id) {
        tl.hover.set(id);
    }
}

/// Escape hides the tooltip without moving the pointer or focus (WCAG
/// 1.4.13, dismissible); it shows again on the next bar hovered or focused.
pub fn dismiss_tooltip(tl: Tl, ev: web_sys::KeyboardEvent) {
    if ev.key() == "Escape"
        && tl.drag.with_untracked(Option::is_none)
        && tl.hover.with_untracked(Option::is_some)
    {
        tl.hover.set(None);
    }
}

/// Starts a drag: on the bar's ends it changes start or due, elsewhere it moves the bar.
pub fn pointer_down(app: AppState, tl: Tl, ev: web_sys::PointerEvent) {
    if ev.button() != 0 {
        return;
    }
    let Some((bar, id)) = bar_of(ev.target()) else {
        return;
    };
    let Some((from, marker)) = dates(app, &id) else {
        return;
    };
    let class = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.get_attribute("class"))
        .unwrap_or_default();
    let mode = if marker {
        DragMode::Move
    } else if class.contains("tl-handle-start") {
        DragMode::Start
    } else if class.contains("tl-handle-end") {
        DragMode::End
    } else {
        DragMode::Move
    };
    if let Some(scroller) = tl.scroller() {
        let _ = scroller.set_pointer_capture(ev.pointer_id());
    }
    ev.prevent_default();
    tl.drag.set(Some(Drag {
        id,
        mode,
        origin_x: f64::from(ev.client_x()),
        from,
        to: from,
        moved: false,
    }));
    // Focused once the drag is set, so that [`focused`] leaves the
    // scroll position alone under the pointer.
    if let Ok(bar) = bar.dyn_into::<web_sys::SvgElement>() {
        let _ = bar.focus();
    }
}

/// A bar reached by keyboard (Tab, or the editor closing) is scrolled
/// sideways into view, not left under the labels or out of sight.
pub fn focused(app: AppState, tl: Tl, target: Option<web_sys::EventTarget>) {
    if tl.drag.with_untracked(Option::is_some) {
        return;
    }
    if let Some(((first, last), _)) = bar_of(target).and_then(|(_, id)| dates(app, &id)) {
        tl.scroll_span_into_view(first, last);
    }
}

/// Updates the dragged bar's preview, snapping to whole days.
pub fn pointer_move(tl: Tl, ev: web_sys::PointerEvent) {
    if tl.drag.with_untracked(Option::is_none) {
        return;
    }
    let x = f64::from(ev.client_x());
    let ppd = tl.scale_now().px_per_day;
    tl.drag.maybe_update(|d| {
        let Some(d) = d.as_mut() else { return false };
        let dx = x - d.origin_x;
        let to = dragged(d.from.0, d.from.1, d.mode, (dx / ppd).round() as i64);
        let moved = d.moved || dx.abs() >= DRAG_SLOP;
        if to == d.to && moved == d.moved {
            return false;
        }
        d.to = to;
        d.moved = moved;
        true
    });
}

/// Ends a drag with one edit, or opens the editor if the bar was only pressed.
pub fn pointer_up(app: AppState, tl: Tl) {
    let Some(d) = tl.drag.get_untracked() else {
        return;
    };
    tl.drag.set(None);
    if !d.moved {
        app.editing.set(Some(d.id));
    } else if d.to != d.from {
        commit::change_dates(app, tl, d.id, d.mode, d.to, None);
    }
}

/// Keys on a focused bar: Enter opens it, Shift+arrow moves it a day,
/// Ctrl+arrow changes its due date, up and down go to the neighbours,
/// Escape cancels a drag.
pub fn key_down(app: AppState, tl: Tl, ev: web_sys::KeyboardEvent) {
    let Some((_, id)) = bar_of(ev.target()) else {
        return label_key(tl, ev);
    };
    let key = ev.key();
    let modifier = ev.shift_key() || ev.ctrl_key() || ev.meta_key() || ev.alt_key();
    match key.as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            app.editing.set(Some(id));
        }
        "Escape" if tl.drag.with_untracked(Option::is_some) => {
            ev.prevent_default();
            tl.drag.set(None);
        }
        "ArrowLeft" | "ArrowRight" if modifier => {
            ev.prevent_default();
            let Some((from, marker)) = dates(app, &id) else {
                return;
            };
            let step = if key == "ArrowLeft" { -1 } else { 1 };
            // A marker has one date: every arrow move moves it.
            let mode = if (ev.ctrl_key() || ev.meta_key()) && !marker {
                DragMode::End
            } else {
                DragMode::Move
            };
            let to = dragged(from.0, from.1, mode, step);
            if to != from {
                let group = Some(format!("tidslinje:{}", id.as_str()));
                commit::change_dates(app, tl, id, mode, to, group);
            }
        }
        "ArrowUp" | "ArrowDown" if !modifier => {
            ev.prevent_default();
            focus_neighbour(app, tl, &id, if key == "ArrowUp" { -1 } else { 1 });
        }
        _ => {}
    }
}

/// Keys on a label button (a group's or main task's toggle, a main task's
/// «i»): up and down go to the previous and next group or main task (to
/// its «i» from an «i», where it has one), left and right between a main
/// task's toggle and its «i».
fn label_key(tl: Tl, ev: web_sys::KeyboardEvent) {
    let Some(button) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .filter(|b| b.matches(".tl-labels button").unwrap_or(false))
    else {
        return;
    };
    if ev.shift_key() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
        return;
    }
    let on_info = button.has_attribute("data-info");
    match ev.key().as_str() {
        "ArrowLeft" | "ArrowRight" => {
            ev.prevent_default();
            let other = if on_info {
                "[data-toggle]"
            } else {
                "[data-info]"
            };
            if let Some(el) = button
                .parent_element()
                .and_then(|p| p.query_selector(other).ok().flatten())
            {
                crate::ui::focus::to(&el);
            }
        }
        key @ ("ArrowUp" | "ArrowDown") => {
            ev.prevent_default();
            let here = match button.get_attribute("data-info") {
                Some(info) => format!("t:{}", info.trim_start_matches('t')),
                None => button.get_attribute("data-toggle").unwrap_or_default(),
            };
            let next = tl.lanes.with_untracked(|l| {
                let toggles: Vec<_> = l
                    .rows
                    .iter()
                    .filter_map(|r| match &r.key {
                        RowKey::Group(g) => Some((format!("g:{g:?}"), r.y, r.height)),
                        RowKey::Task(t) => Some((format!("t:{}", t.get()), r.y, r.height)),
                        RowKey::Activity(_) => None,
                    })
                    .collect();
                let at = toggles.iter().position(|t| t.0 == here)?;
                let to = if key == "ArrowUp" {
                    at.checked_sub(1)?
                } else {
                    at + 1
                };
                toggles.get(to).cloned()
            });
            let Some((toggle, y, h)) = next else { return };
            tl.scroll_row_into_view(y, h);
            let info = toggle
                .strip_prefix("t:")
                .filter(|_| on_info)
                .map(|n| format!(".tl-labels [data-info=\"t{n}\"]"));
            let selector = format!(".tl-labels [data-toggle=\"{toggle}\"]");
            // Once the row is drawn (it may just have scrolled into view).
            request_animation_frame(move || {
                request_animation_frame(move || {
                    let mut targets: Vec<_> = info.into_iter().collect();
                    targets.push(selector);
                    targets.iter().any(|s| crate::ui::focus::to_selector(s));
                });
            });
        }
        _ => {}
    }
}
