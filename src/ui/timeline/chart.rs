//! Draws the chart into the scroll container: the sticky head (phases,
//! milestones, axis) and corner, the sticky label column, the body layers
//! and the activity bars, and the tooltip. Only rows near the viewport are
//! in the DOM; each is keyed by its row key and updated attribute by
//! attribute, so a drag repaints one bar and scrolling adds and removes a
//! few rows.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{self, html, set, svg, sync_attr, sync_markup, sync_text, Listener};
use super::{bar, Tl, Ui, LABEL_W};
use crate::catalog;
use crate::layout::axis::AXIS_ROW_H;
use crate::layout::marks::{MILESTONE_ROW_H, PHASE_ROW_H};
use crate::layout::svg::{
    backdrop_layer, bar_layer, head_layer, lanes_layer, marker_layer, overlay_layer,
};
use crate::layout::{activity_rect, activity_span, is_marker, RowKey};
use crate::ui::{format, AppState};

/// Extra pixels of rows drawn above and below the viewport.
const OVERSCAN: f64 = 240.0;
/// Horizontal margin of drawn ticks beyond the viewport.
const TICK_MARGIN: f64 = 800.0;
/// Scroll steps at which the drawn ticks are refreshed.
pub(super) const TICK_STEP: f64 = 400.0;

/// The chart's fixed elements.
pub(super) struct Chart {
    grid: web_sys::Element,
    corner: web_sys::Element,
    head: web_sys::Element,
    labels: web_sys::Element,
    body: web_sys::Element,
    backdrop: web_sys::Element,
    lanes: web_sys::Element,
    bars: web_sys::Element,
    overlay: web_sys::Element,
    tooltip: web_sys::Element,
    tip_lines: Vec<web_sys::Element>,
    cache: Vec<String>,
    rows: Vec<RowEl>,
    last_drag: Option<crate::model::ActivityId>,
    _listeners: Vec<Listener>,
}

/// A drawn row: its label, its bar (activities only) and what they show.
struct RowEl {
    key: RowKey,
    label: web_sys::Element,
    button: Option<web_sys::Element>,
    bar: Option<web_sys::Element>,
    sig: [String; 8],
}

impl Drop for Chart {
    fn drop(&mut self) {
        self.grid.remove();
    }
}

impl RowEl {
    fn remove(&self) {
        self.label.remove();
        if let Some(b) = &self.bar {
            b.remove();
        }
    }
}

/// Builds the chart's elements in `scroller` and wires its input.
pub(super) fn build(app: AppState, tl: Tl, scroller: &web_sys::HtmlElement) -> Chart {
    let grid = html("div", "tl-grid");
    let corner = html("div", "tl-corner");
    let head_box = html("div", "tl-head");
    let head = svg("svg", "tl-head-svg");
    set(&head, "role", "img");
    set(&head, "aria-label", "Faser, milepæle og tidsakse");
    let labels = html("div", "tl-labels");
    let body_box = html("div", "tl-body");
    let body = svg("svg", "tl-body-svg");
    set(&body, "role", "group");
    set(&body, "aria-label", "Aktiviteter på tidslinjen");
    let [backdrop, lanes, bars, overlay] =
        ["tl-backdrop", "tl-lanes", "tl-bars", "tl-overlay"].map(|c| svg("g", c));
    for g in [&backdrop, &lanes, &bars, &overlay] {
        let _ = body.append_child(g);
    }
    let tooltip = html("div", "tl-tooltip");
    set(&tooltip, "role", "tooltip");
    set(&tooltip, "hidden", "");
    let tip_lines: Vec<_> = ["strong", "span", "span", "span", "span"]
        .iter()
        .map(|t| html(t, ""))
        .collect();
    for l in &tip_lines {
        let _ = tooltip.append_child(l);
    }
    let _ = tip_lines[4].set_attribute("class", "overdue");
    let _ = head_box.append_child(&head);
    let _ = body_box.append_child(&body);
    for el in [&corner, &head_box, &labels, &body_box, &tooltip] {
        let _ = grid.append_child(el);
    }
    scroller.set_text_content(None);
    let _ = scroller.append_child(&grid);
    let target: &web_sys::EventTarget = scroller.as_ref();
    let scrolled = scroller.clone();
    let pointer = |ev: web_sys::Event| ev.unchecked_into::<web_sys::PointerEvent>();
    let listeners = vec![
        Listener::new(
            target,
            "scroll",
            Box::new(move |_| super::read_scroll(tl, &scrolled)),
        ),
        Listener::new(
            target,
            "pointerdown",
            Box::new(move |ev| bar::pointer_down(app, tl, pointer(ev))),
        ),
        Listener::new(
            target,
            "pointermove",
            Box::new(move |ev| bar::pointer_move(tl, pointer(ev))),
        ),
        Listener::new(
            target,
            "pointerup",
            Box::new(move |_| bar::pointer_up(app, tl)),
        ),
        Listener::new(
            target,
            "pointercancel",
            Box::new(move |_| tl.drag.set(None)),
        ),
        Listener::new(
            target,
            "pointerover",
            Box::new(move |ev| bar::hover(tl, ev.target())),
        ),
        Listener::new(
            target,
            "pointerleave",
            Box::new(move |_| tl.hover.set(None)),
        ),
        Listener::new(
            target,
            "focusin",
            Box::new(move |ev| bar::hover(tl, ev.target())),
        ),
        Listener::new(target, "focusout", Box::new(move |_| tl.hover.set(None))),
        Listener::new(
            target,
            "keydown",
            Box::new(move |ev| bar::key_down(app, tl, ev.unchecked_into())),
        ),
        Listener::new(target, "click", Box::new(move |ev| click(app, tl, ev))),
    ];
    Chart {
        grid,
        corner,
        head,
        labels,
        body,
        backdrop,
        lanes,
        bars,
        overlay,
        tooltip,
        tip_lines,
        cache: vec![String::new(); 11],
        rows: Vec::new(),
        last_drag: None,
        _listeners: listeners,
    }
}

/// Clicks on labels: collapse toggles and activity titles.
fn click(app: AppState, tl: Tl, ev: web_sys::Event) {
    if let Some((_, toggle)) = dom::closest_with(ev.target(), "[data-toggle]", "data-toggle") {
        super::toggle_key(tl, &toggle);
    } else if let Some((_, id)) = dom::closest_with(ev.target(), "[data-open]", "data-open") {
        app.editing.set(Some(crate::model::ActivityId(id)));
    }
}

/// Sizes, the corner and the head: on plan, zoom, size and coarse scroll changes.
pub(super) fn draw_head(app: AppState, tl: Tl, ui: &mut Ui) {
    let c = &mut ui.chart;
    let range = (!tl.opts.with(|o| o.printing)).then(|| {
        // The width in coarse steps too, so the first measurement of the
        // view (close to the guess) does not redraw the head.
        let width = (tl.view_w.get() / TICK_STEP).ceil() * TICK_STEP;
        let left = tl.tick_left.get() - TICK_MARGIN;
        (left, left + width + 2.0 * TICK_MARGIN + TICK_STEP)
    });
    let (width, head_h) = (tl.scale().width(), tl.head_h());
    let zoom = tl.frame.with(|f| f.zoom);
    let mut style = format!("width:{:.0}px", LABEL_W + width);
    if zoom < 1.0 {
        // Printing: the chart shrunk to fit the page.
        style.push_str(&format!(";zoom:{zoom:.4}"));
    }
    sync_attr(&c.grid, "style", &mut c.cache[0], style);
    sync_attr(&c.head, "width", &mut c.cache[1], format!("{width:.0}"));
    sync_attr(&c.head, "height", &mut c.cache[2], format!("{head_h:.0}"));
    let corner = tl.frame.with(|f| {
        let rows = &f.axis;
        let mut m = format!(
            r#"<div class="tl-cap strong" style="height:{PHASE_ROW_H:.0}px">Faser</div><div class="tl-cap strong" style="height:{MILESTONE_ROW_H:.0}px">Milepæle</div>"#
        );
        for r in rows {
            m.push_str(&format!(r#"<div class="tl-cap" style="height:{AXIS_ROW_H:.0}px">{}</div>"#, r.unit.caption()));
        }
        m
    });
    sync_markup(&c.corner, &mut c.cache[3], corner);
    let markup = app.plan.with(|p| {
        p.as_ref()
            .map(|p| {
                tl.frame
                    .with(|f| head_layer(p, &f.scale, &f.axis, range, tl.today))
            })
            .unwrap_or_default()
    });
    sync_markup(&c.head, &mut c.cache[4], markup);
}

/// The body's layers behind and over the bars.
pub(super) fn draw_layers(app: AppState, tl: Tl, ui: &mut Ui) {
    let c = &mut ui.chart;
    let (width, height) = (tl.scale().width(), tl.lanes.with(|l| l.height));
    sync_attr(&c.body, "width", &mut c.cache[5], format!("{width:.0}"));
    sync_attr(&c.body, "height", &mut c.cache[6], format!("{height:.0}"));
    sync_attr(
        &c.labels,
        "style",
        &mut c.cache[7],
        format!("height:{height:.0}px"),
    );
    let (back, lanes, over) = app
        .plan
        .with(|p| {
            let p = p.as_ref()?;
            Some(tl.frame.with(|f| {
                let s = &f.scale;
                tl.lanes.with(|l| {
                    (
                        backdrop_layer(p, s, &f.axis, height),
                        lanes_layer(p, l, s),
                        overlay_layer(p, s, height, tl.today),
                    )
                })
            }))
        })
        .unwrap_or_default();
    sync_markup(&c.backdrop, &mut c.cache[8], back);
    sync_markup(&c.lanes, &mut c.cache[9], lanes);
    sync_markup(&c.overlay, &mut c.cache[10], over);
}

/// The rows near the viewport: labels and bars, keyed and updated in place.
pub(super) fn draw_rows(app: AppState, tl: Tl, ui: &mut Ui) {
    let c = &mut ui.chart;
    let (top, h, all) = (
        tl.scroll_top.get(),
        tl.view_h.get(),
        tl.opts.with(|o| o.printing),
    );
    let editing = app.editing.get();
    // Drags are drawn by `draw_drag`, one bar per move; rows drawn anew
    // during a drag (scrolling) show its preview too.
    let drag = tl.drag.get_untracked();
    let mut old = std::mem::take(&mut c.rows);
    let mut rows = Vec::new();
    app.plan.with(|plan| {
        let Some(plan) = plan.as_ref() else { return };
        tl.lanes.with(|lanes| {
            tl.frame.with(|f| {
                let scale = &f.scale;
                let shown = if all {
                    &lanes.rows[..]
                } else {
                    lanes.visible(top - OVERSCAN, top + h + OVERSCAN)
                };
                for r in shown {
                    let mut el = match old.iter().position(|o| o.key == r.key) {
                        Some(i) => old.swap_remove(i),
                        None => new_row(&r.key),
                    };
                    let style = format!("top:{:.0}px;height:{:.0}px", r.y, r.height);
                    sync_attr(&el.label, "style", &mut el.sig[0], style);
                    let caret = if r.collapsed { "▸" } else { "▾" };
                    match &r.key {
                        RowKey::Group(_) | RowKey::Task(_) => {
                            let name = match &r.key {
                                RowKey::Group(g) => g.name().to_string(),
                                RowKey::Task(t) => {
                                    format!("{}. {}", t.get(), catalog::task(*t).name)
                                }
                                RowKey::Activity(_) => String::new(),
                            };
                            if let Some(button) = el.button.as_ref() {
                                sync_text(
                                    button,
                                    &mut el.sig[1],
                                    format!("{caret} {name} ({})", r.count),
                                );
                                sync_attr(
                                    button,
                                    "aria-expanded",
                                    &mut el.sig[2],
                                    (!r.collapsed).to_string(),
                                );
                            }
                        }
                        RowKey::Activity(id) => {
                            let Some(a) = r.index.and_then(|i| plan.activities.get(i)) else {
                                el.remove();
                                continue;
                            };
                            let selected = editing.as_ref() == Some(id);
                            sync_text(&el.label, &mut el.sig[1], a.title.clone());
                            sync_attr(&el.label, "title", &mut el.sig[2], a.title.clone());
                            let class = if selected {
                                "tl-label tl-label-activity selected"
                            } else {
                                "tl-label tl-label-activity"
                            };
                            sync_attr(&el.label, "class", &mut el.sig[3], class.to_string());
                            let preview = drag.as_ref().filter(|d| &d.id == id).map(|d| d.to);
                            update_bar(tl, scale, r, a, preview, selected, &mut el);
                        }
                    }
                    rows.push(el);
                }
            })
        })
    });
    for o in old {
        o.remove();
    }
    let (mut prev_label, mut prev_bar): (Option<web_sys::Element>, Option<web_sys::Element>) =
        (None, None);
    for r in &rows {
        dom::place(&c.labels, &r.label, prev_label.as_ref());
        prev_label = Some(r.label.clone());
        if let Some(b) = &r.bar {
            dom::place(&c.bars, b, prev_bar.as_ref());
            prev_bar = Some(b.clone());
        }
    }
    c.rows = rows;
}

/// Draws the bar of activity row `r` (activity `a`) with the dates of
/// `preview` if it is being dragged, else its own.
fn update_bar(
    tl: Tl,
    scale: &crate::layout::Scale,
    r: &crate::layout::Row,
    a: &crate::model::Activity,
    preview: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    selected: bool,
    el: &mut RowEl,
) {
    let Some(span) = activity_span(a) else {
        return;
    };
    let (s, e) = preview.unwrap_or(span);
    let marker = is_marker(a);
    let rect = activity_rect(scale, r.y, r.height, a, (s, e));
    let overdue = a.is_overdue(tl.today);
    let Some(bar) = el.bar.clone() else { return };
    sync_attr(
        &bar,
        "transform",
        &mut el.sig[4],
        format!("translate({:.1} {:.1})", rect.x, rect.y),
    );
    sync_markup(
        &bar,
        &mut el.sig[5],
        if marker {
            marker_layer(rect.width, a.status, overdue)
        } else {
            bar_layer(rect.width, rect.height, a.status, overdue)
        },
    );
    let mut class = String::from("tl-bar");
    for (on, name) in [
        (marker, " marker"),
        (overdue, " overdue"),
        (preview.is_some(), " dragging"),
        (selected, " selected"),
    ] {
        if on {
            class.push_str(name);
        }
    }
    sync_attr(&bar, "class", &mut el.sig[6], class);
    let who = if a.responsible.is_empty() {
        "ingen ansvarlig"
    } else {
        a.responsible.as_str()
    };
    let late = if overdue { ", forsinket" } else { "" };
    let label = format!(
        "{}: {}, {}, {who}{late}",
        a.title,
        span_text(a, s, e),
        a.status.label()
    );
    sync_attr(&bar, "aria-label", &mut el.sig[7], label);
}

/// The dates of activity `a` shown as `s`–`e`, in words: "1.3.2027 til
/// 5.3.2027", or for a marker "1.3.2027, kun startdato".
fn span_text(a: &crate::model::Activity, s: chrono::NaiveDate, e: chrono::NaiveDate) -> String {
    match (a.start, a.due) {
        (Some(_), None) => format!("{}, kun startdato", format::date(s)),
        (None, Some(_)) => format!("{}, kun slutdato", format::date(e)),
        _ => format!("{} til {}", format::date(s), format::date(e)),
    }
}

/// The dragged bar, on every pointer move: only that one row is redrawn
/// (and, when the drag ends without an edit, restored).
pub(super) fn draw_drag(app: AppState, tl: Tl, ui: &mut Ui) {
    let drag = tl.drag.get();
    let c = &mut ui.chart;
    let id = drag
        .as_ref()
        .map(|d| d.id.clone())
        .or_else(|| c.last_drag.take());
    c.last_drag = drag.as_ref().map(|d| d.id.clone());
    let Some(id) = id else { return };
    let key = RowKey::Activity(id.clone());
    let Some(el) = c.rows.iter_mut().find(|r| r.key == key) else {
        return;
    };
    let selected = app.editing.with_untracked(|e| e.as_ref() == Some(&id));
    let preview = drag.as_ref().map(|d| d.to);
    app.plan.with_untracked(|plan| {
        tl.lanes.with_untracked(|lanes| {
            tl.frame.with_untracked(|f| {
                let Some(r) = lanes.row(&key) else { return };
                if let Some(a) = plan
                    .as_ref()
                    .and_then(|p| r.index.and_then(|i| p.activities.get(i)))
                {
                    update_bar(tl, &f.scale, r, a, preview, selected, el);
                }
            })
        })
    });
}

/// A new row's elements (not yet in the document).
fn new_row(key: &RowKey) -> RowEl {
    let (label, button, bar) = match key {
        RowKey::Group(_) | RowKey::Task(_) => {
            let (class, toggle) = match key {
                RowKey::Group(g) => ("tl-label tl-label-group", format!("g:{g:?}")),
                RowKey::Task(t) => ("tl-label tl-label-task", format!("t:{}", t.get())),
                RowKey::Activity(_) => ("", String::new()),
            };
            let label = html("div", class);
            let button = html("button", "tl-toggle");
            set(&button, "type", "button");
            set(&button, "data-toggle", &toggle);
            let _ = label.append_child(&button);
            if let RowKey::Task(t) = key {
                // The model's explanation of the main task, one click away.
                let info = html("button", "info-btn");
                set(&info, "type", "button");
                set(&info, "data-info", &format!("t{}", t.get()));
                let about = format!("Om hovedopgave {} {}", t.get(), catalog::task(*t).name);
                set(&info, "aria-label", &about);
                let _ = label.append_child(&info);
            }
            (label, Some(button), None)
        }
        RowKey::Activity(id) => {
            let label = html("div", "tl-label tl-label-activity");
            set(&label, "data-open", id.as_str());
            let bar = svg("g", "tl-bar");
            set(&bar, "data-id", id.as_str());
            set(&bar, "tabindex", "0");
            set(&bar, "role", "button");
            (label, None, Some(bar))
        }
    };
    RowEl {
        key: key.clone(),
        label,
        button,
        bar,
        sig: Default::default(),
    }
}

/// Width kept free for the tooltip at the right edge of the view.
const TOOLTIP_W: f64 = 340.0;

/// Left edge of the tooltip under a bar starting at `x`, kept within the
/// visible part of the chart.
fn tooltip_left(tl: Tl, x: f64) -> f64 {
    let left = tl.scroll_left.get_untracked() + LABEL_W;
    let right = left + tl.view_w.get_untracked() - TOOLTIP_W;
    (LABEL_W + x).min(right).max(left)
}

/// The tooltip of the bar under the pointer or in focus, with the dates it
/// would get while dragging.
pub(super) fn draw_tooltip(app: AppState, tl: Tl, ui: &mut Ui) {
    let c = &mut ui.chart;
    let drag = tl.drag.get();
    let id = drag
        .as_ref()
        .map(|d| d.id.clone())
        .or_else(|| tl.hover.get());
    let shown = id.and_then(|id| {
        let row = tl.lanes.with(|l| {
            l.row(&RowKey::Activity(id.clone()))
                .map(|r| (r.y, r.height, r.index))
        })?;
        app.plan.with(|p| {
            let a = p.as_ref()?.activities.get(row.2?).filter(|a| a.id == id)?;
            let (s, e) = drag
                .as_ref()
                .filter(|d| d.id == id)
                .map(|d| d.to)
                .or(activity_span(a))?;
            let rect = activity_rect(&tl.scale(), row.0, row.1, a, (s, e));
            let who = if a.responsible.is_empty() {
                "ingen"
            } else {
                a.responsible.as_str()
            };
            let days = (e - s).num_days() + 1;
            Some((
                format!(
                    "left:{:.0}px;top:{:.0}px",
                    tooltip_left(tl, rect.x),
                    tl.head_h() + rect.y + rect.height + 6.0
                ),
                [
                    a.title.clone(),
                    if is_marker(a) {
                        format!("{} ({})", span_text(a, s, e), format::week(s))
                    } else {
                        format!(
                            "{} – {} ({} – {}, {days} dage)",
                            format::date(s),
                            format::date(e),
                            format::week(s),
                            format::week(e)
                        )
                    },
                    format!("Ansvarlig: {who}"),
                    format!("Status: {} · {}", a.status.label(), a.phase.label()),
                    if a.is_overdue(tl.today) {
                        "Forsinket".to_string()
                    } else {
                        String::new()
                    },
                ],
            ))
        })
    });
    match shown {
        Some((style, lines)) => {
            set(&c.tooltip, "style", &style);
            for (el, text) in c.tip_lines.iter().zip(lines) {
                el.set_text_content(Some(&text));
            }
            let _ = c.tooltip.remove_attribute("hidden");
        }
        None => set(&c.tooltip, "hidden", ""),
    }
}
