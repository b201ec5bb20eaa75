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
use crate::layout::num::{Dec1, Whole};
use crate::layout::svg::{
    backdrop_layer, bar_layer, escape, head_layer, lanes_layer, marker_layer, overlay_layer,
};
use crate::layout::{activity_rect, activity_span, is_marker, RowKey};
use crate::ui::{format, AppState};

/// Extra pixels of rows drawn above and below the viewport (at least:
/// the drawn band follows the scroll position in steps of [`ROW_STEP`]).
const OVERSCAN: f64 = 160.0;
/// Steps in which the drawn rows follow the vertical scroll position and
/// the viewport's height.
pub(super) const ROW_STEP: f64 = 120.0;
/// Horizontal margin of drawn ticks beyond the viewport (at least: the
/// drawn ticks follow the scroll position in steps of [`TICK_STEP`]).
const TICK_MARGIN: f64 = 300.0;
/// Scroll steps at which the drawn ticks are refreshed.
pub(super) const TICK_STEP: f64 = 200.0;

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
    set(&labels, "role", "group");
    set(&labels, "aria-label", "Rækker");
    set(&labels, "aria-describedby", "tl-keys");
    let body_box = html("div", "tl-body");
    let body = svg("svg", "tl-body-svg");
    set(&body, "role", "group");
    set(&body, "aria-label", "Aktiviteter på tidslinjen");
    set(&body, "aria-describedby", "tl-keys");
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
            Box::new(move |ev| {
                take_tab_stop(ev.target());
                bar::focused(app, tl, ev.target());
                bar::hover(tl, ev.target());
            }),
        ),
        Listener::new(target, "focusout", Box::new(move |_| tl.hover.set(None))),
        Listener::new(
            target,
            "keydown",
            Box::new(move |ev| bar::key_down(app, tl, ev.unchecked_into())),
        ),
        Listener::new(target, "click", Box::new(move |ev| click(app, tl, ev))),
        Listener::new(
            window().as_ref(),
            "keydown",
            Box::new(move |ev| bar::dismiss_tooltip(tl, ev.unchecked_into())),
        ),
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

/// The rows near the viewport: labels and bars, keyed and updated in
/// place. New rows are made from markup in one go (two parses, not a
/// dozen DOM calls per row); when no row is kept, as on the first draw,
/// the markup goes straight into the label column and the bar layer.
pub(super) fn draw_rows(app: AppState, tl: Tl, ui: &mut Ui) {
    let c = &mut ui.chart;
    let (top, h, all) = (
        tl.row_top.get(),
        tl.view_h.get(),
        tl.opts.with(|o| o.printing),
    );
    let editing = app.editing.get();
    // Drags are drawn by `draw_drag`, one bar per move; rows drawn anew
    // during a drag (scrolling) show its preview too.
    let drag = tl.drag.get_untracked();
    let mut old = std::mem::take(&mut c.rows);
    // In order: kept rows (already updated), or what a new row shows.
    let mut slots: Vec<Result<RowEl, NewRow>> = Vec::new();
    app.plan.with(|plan| {
        let Some(plan) = plan.as_ref() else { return };
        tl.lanes.with(|lanes| {
            tl.frame.with(|f| {
                let shown = if all {
                    &lanes.rows[..]
                } else {
                    lanes.visible(top - OVERSCAN, top + ROW_STEP + h + OVERSCAN)
                };
                for r in shown {
                    // An activity row whose activity is gone is left out.
                    let Some(label) = label_sig(plan, r, editing.as_ref()) else {
                        continue;
                    };
                    let bar = match (&r.key, r.index.and_then(|i| plan.activities.get(i))) {
                        (RowKey::Activity(id), Some(a)) => {
                            let preview = drag.as_ref().filter(|d| &d.id == id).map(|d| d.to);
                            bar_sig(tl, &f.scale, r, a, preview, editing.as_ref() == Some(id))
                        }
                        _ => None,
                    };
                    match old.iter().position(|o| o.key == r.key) {
                        Some(i) => {
                            let mut el = old.swap_remove(i);
                            apply_label(&mut el, label);
                            if let Some(bar) = bar {
                                apply_bar(&mut el, bar);
                            }
                            slots.push(Ok(el));
                        }
                        None => slots.push(Err((r.key.clone(), label, bar))),
                    }
                }
            })
        })
    });
    for o in old {
        o.remove();
    }
    let fresh = !slots.iter().any(Result::is_ok);
    let (mut labels, mut bars) = (Vec::new().into_iter(), Vec::new().into_iter());
    if slots.iter().any(Result::is_err) {
        let (mut label_html, mut bar_html) = (String::new(), String::new());
        for (key, label, bar) in slots.iter().filter_map(|s| s.as_ref().err()) {
            row_markup(key, label, bar.as_ref(), &mut label_html, &mut bar_html);
        }
        // Without kept rows the new ones are all there is: they are parsed
        // in place; else in boxes outside the document, then placed.
        let (label_box, bar_box) = if fresh {
            (c.labels.clone(), c.bars.clone())
        } else {
            (html("div", ""), svg("g", ""))
        };
        label_box.set_inner_html(&label_html);
        bar_box.set_inner_html(&bar_html);
        labels = children(&label_box).into_iter();
        bars = children(&bar_box).into_iter();
    }
    let mut rows = Vec::with_capacity(slots.len());
    for slot in slots {
        let el = match slot {
            Ok(el) => el,
            Err((key, label, bar)) => {
                let Some(label_el) = labels.next() else { break };
                let activity = matches!(key, RowKey::Activity(_));
                let mut sig: [String; 8] = Default::default();
                let [s0, s1, s2, s3] = label;
                (sig[0], sig[1], sig[2], sig[3]) = (s0, s1, s2, s3);
                if let Some([b0, b1, b2, b3]) = bar {
                    (sig[4], sig[5], sig[6], sig[7]) = (b0, b1, b2, b3);
                }
                RowEl {
                    key,
                    button: (!activity)
                        .then(|| label_el.first_element_child())
                        .flatten(),
                    bar: if activity { bars.next() } else { None },
                    label: label_el,
                    sig,
                }
            }
        };
        rows.push(el);
    }
    if !fresh {
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
    }
    c.rows = rows;
    keep_tab_stops(app, tl, c);
}

/// Keeps the chart at two Tab stops (roving tabindex): one in the label
/// column and one among the bars, each the element last focused there
/// while it is drawn, else the first in view (a bar also in view
/// sideways, if one is). Arrow keys move between the rest (see
/// [`super::bar::key_down`]), so Tab does not walk through every row.
fn keep_tab_stops(app: AppState, tl: Tl, c: &Chart) {
    let has_stop = |area: &web_sys::Element| {
        area.query_selector("[tabindex=\"0\"]")
            .ok()
            .flatten()
            .is_some()
    };
    // The coarse scroll position: reading the exact one would force a
    // layout on every draw.
    let top = tl.row_top.get_untracked();
    let (left, width) = (tl.scroll_left.get_untracked(), tl.view_w.get_untracked());
    let in_view = |r: &&RowEl| {
        tl.lanes
            .with_untracked(|l| l.row(&r.key).map(|row| row.y + row.height > top))
            .unwrap_or(false)
    };
    if !has_stop(&c.labels) {
        let first = c
            .rows
            .iter()
            .filter(|r| r.button.is_some())
            .find(in_view)
            .or_else(|| c.rows.iter().find(|r| r.button.is_some()));
        if let Some(b) = first.and_then(|r| r.button.as_ref()) {
            set(b, "tabindex", "0");
        }
    }
    if !has_stop(&c.bars) {
        let shows = |r: &&RowEl| {
            let RowKey::Activity(id) = &r.key else {
                return false;
            };
            app.plan.with_untracked(|p| {
                p.as_ref()
                    .and_then(|p| p.activity(id))
                    .and_then(activity_span)
                    .is_some_and(|(s, e)| {
                        let (x, w) = tl.scale_now().span(s, e);
                        x + w > left && x < left + width
                    })
            })
        };
        let bars = || c.rows.iter().filter(|r| r.bar.is_some());
        let first = bars()
            .filter(in_view)
            .find(shows)
            .or_else(|| bars().find(in_view))
            .or_else(|| bars().next());
        if let Some(b) = first.and_then(|r| r.bar.as_ref()) {
            set(b, "tabindex", "0");
        }
    }
}

/// Makes the focused bar or label button its part's Tab stop (see
/// [`keep_tab_stops`]).
pub(super) fn take_tab_stop(target: Option<web_sys::EventTarget>) {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    let area = if el.matches("g.tl-bar").unwrap_or(false) {
        el.closest(".tl-bars")
    } else if el.matches(".tl-labels button").unwrap_or(false) {
        el.closest(".tl-labels")
    } else {
        return;
    };
    let Some(area) = area.ok().flatten() else {
        return;
    };
    if let Ok(list) = area.query_selector_all("[tabindex=\"0\"]") {
        for other in (0..list.length()).filter_map(|i| list.item(i)) {
            if let Ok(other) = other.dyn_into::<web_sys::Element>() {
                if other != el {
                    set(&other, "tabindex", "-1");
                }
            }
        }
    }
    set(&el, "tabindex", "0");
}

/// A row not yet drawn: its key, and what its label and bar show (see
/// [`label_sig`] and [`bar_sig`]).
type NewRow = (RowKey, [String; 4], Option<[String; 4]>);

/// The element children of `el`, in order.
fn children(el: &web_sys::Element) -> Vec<web_sys::Element> {
    let list = el.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// What the label of row `r` shows (the first four values of
/// [`RowEl::sig`]): its style, then for a group or main task its toggle's
/// text and `aria-expanded`, for an activity its text, title and class.
/// None for an activity row whose activity is gone.
fn label_sig(
    plan: &crate::model::Plan,
    r: &crate::layout::Row,
    editing: Option<&crate::model::ActivityId>,
) -> Option<[String; 4]> {
    let style = format!("top:{}px;height:{}px", Whole(r.y), Whole(r.height));
    let name = match &r.key {
        RowKey::Group(g) => g.name().to_string(),
        RowKey::Task(t) => format!("{}. {}", t.get(), catalog::task(*t).name),
        RowKey::Activity(id) => {
            let a = r.index.and_then(|i| plan.activities.get(i))?;
            let class = if editing == Some(id) {
                "tl-label tl-label-activity selected"
            } else {
                "tl-label tl-label-activity"
            };
            return Some([style, a.title.clone(), a.title.clone(), class.to_string()]);
        }
    };
    let caret = if r.collapsed { "▸" } else { "▾" };
    Some([
        style,
        format!("{caret} {name} ({})", r.count),
        (!r.collapsed).to_string(),
        String::new(),
    ])
}

/// Brings a drawn row's label to `sig` (see [`label_sig`]).
fn apply_label(el: &mut RowEl, sig: [String; 4]) {
    let [style, text, title, class] = sig;
    sync_attr(&el.label, "style", &mut el.sig[0], style);
    match &el.button {
        Some(button) => {
            sync_text(button, &mut el.sig[1], text);
            sync_attr(button, "aria-expanded", &mut el.sig[2], title);
        }
        None => {
            sync_text(&el.label, &mut el.sig[1], text);
            sync_attr(&el.label, "title", &mut el.sig[2], title);
            sync_attr(&el.label, "class", &mut el.sig[3], class);
        }
    }
}

/// Writes the markup of a new row: its label to `labels`, its bar (an
/// activity's) to `bars`. User text is escaped; the bar's shapes come
/// from [`crate::layout::svg`].
fn row_markup(
    key: &RowKey,
    label: &[String; 4],
    bar: Option<&[String; 4]>,
    labels: &mut String,
    bars: &mut String,
) {
    use std::fmt::Write;
    let [style, text, title, class] = label;
    match key {
        RowKey::Group(_) | RowKey::Task(_) => {
            let (class, toggle) = match key {
                RowKey::Group(g) => ("tl-label tl-label-group", format!("g:{g:?}")),
                RowKey::Task(t) => ("tl-label tl-label-task", format!("t:{}", t.get())),
                RowKey::Activity(_) => ("", String::new()),
            };
            let _ = write!(
                labels,
                r#"<div class="{class}" style="{}"><button class="tl-toggle" type="button" tabindex="-1" data-toggle="{}" aria-expanded="{}">{}</button>"#,
                escape(style),
                escape(&toggle),
                escape(title),
                escape(text)
            );
            if let RowKey::Task(t) = key {
                // The model's explanation of the main task, one click away.
                let about = format!("Om hovedopgave {} {}", t.get(), catalog::task(*t).name);
                let _ = write!(
                    labels,
                    r#"<button class="info-btn" type="button" tabindex="-1" aria-expanded="false" data-info="t{}" aria-label="{}"></button>"#,
                    t.get(),
                    escape(&about)
                );
            }
            labels.push_str("</div>");
        }
        RowKey::Activity(id) => {
            let id = escape(id.as_str());
            let _ = write!(
                labels,
                r#"<div class="{}" data-open="{id}" style="{}" title="{}">{}</div>"#,
                escape(class),
                escape(style),
                escape(title),
                escape(text)
            );
            let _ = write!(
                bars,
                r#"<g class="{}" data-id="{id}" tabindex="-1" role="button""#,
                escape(bar.map_or("tl-bar", |b| &b[2]))
            );
            if let Some([transform, shapes, _, aria]) = bar {
                let _ = write!(
                    bars,
                    r#" transform="{}" aria-label="{}">{shapes}"#,
                    escape(transform),
                    escape(aria)
                );
            } else {
                bars.push('>');
            }
            bars.push_str("</g>");
        }
    }
}

/// What the bar of activity row `r` (activity `a`) shows with the dates
/// of `preview` if it is being dragged, else its own (the last four values
/// of [`RowEl::sig`]): its transform, shapes, class and `aria-label`.
fn bar_sig(
    tl: Tl,
    scale: &crate::layout::Scale,
    r: &crate::layout::Row,
    a: &crate::model::Activity,
    preview: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    selected: bool,
) -> Option<[String; 4]> {
    let span = activity_span(a)?;
    let (s, e) = preview.unwrap_or(span);
    let marker = is_marker(a);
    let rect = activity_rect(scale, r.y, r.height, a, (s, e));
    let overdue = a.is_overdue(tl.today);
    let shapes = if marker {
        marker_layer(rect.width, a.status, overdue)
    } else {
        bar_layer(rect.width, rect.height, a.status, overdue)
    };
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
    Some([
        format!("translate({} {})", Dec1(rect.x), Dec1(rect.y)),
        shapes,
        class,
        label,
    ])
}

/// Brings a drawn row's bar to `sig` (see [`bar_sig`]).
fn apply_bar(el: &mut RowEl, sig: [String; 4]) {
    let Some(bar) = el.bar.clone() else { return };
    let [transform, shapes, class, label] = sig;
    sync_attr(&bar, "transform", &mut el.sig[4], transform);
    sync_markup(&bar, &mut el.sig[5], shapes);
    sync_attr(&bar, "class", &mut el.sig[6], class);
    sync_attr(&bar, "aria-label", &mut el.sig[7], label);
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
    if let Some(sig) = bar_sig(tl, scale, r, a, preview, selected) {
        apply_bar(el, sig);
    }
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

/// Width kept free for the tooltip at the right edge of the view.
const TOOLTIP_W: f64 = 340.0;

/// Left edge of the tooltip under a bar starting at `x`, kept within the
/// visible part of the chart: right of the labels (`labels_w` wide as
/// drawn, narrower on a small screen) and inside the box (`box_w` wide);
/// over the labels when the box is too narrow for both.
fn tooltip_left(scroll_left: f64, labels_w: f64, box_w: f64, x: f64) -> f64 {
    let lo = scroll_left + labels_w;
    let hi = scroll_left + box_w - TOOLTIP_W.min(box_w);
    (LABEL_W + x).min(hi).max(lo.min(hi))
}

/// The tooltip of the bar under the pointer or in focus, with the dates it
/// would get while dragging.
pub(super) fn draw_tooltip(app: AppState, tl: Tl, ui: &mut Ui) {
    let c = &mut ui.chart;
    let labels_w = c.labels.client_width();
    let box_w = tl.scroller().map_or_else(
        || LABEL_W + tl.view_w.get_untracked(),
        |s| f64::from(s.client_width()),
    );
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
                    tooltip_left(
                        tl.scroll_left.get_untracked(),
                        f64::from(labels_w),
                        box_w,
                        rect.x
                    ),
                    tl.head_h() + rect.y + rect.height + 6.0
                ),
                [
                    a.title.clone(),
                    if is_marker(a) {
                        format!("{} ({})", span_text(a, s, e), format::week(s))
                    } else {
                        format!(
                            "{} – {} ({} – {}, {})",
                            format::date(s),
                            format::date(e),
                            format::week(s),
                            format::week(e),
                            crate::model::count(days as usize, "dag", "dage")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityId, TaskNo};

    fn sig(values: [&str; 4]) -> [String; 4] {
        values.map(str::to_string)
    }

    #[test]
    fn activity_row_markup_escapes_user_text() {
        let key = RowKey::Activity(ActivityId("a\"1".into()));
        let label = sig([
            "top:0px;height:24px",
            "<b>Møde & \"plan\"</b>",
            "<b>Møde & \"plan\"</b>",
            "tl-label tl-label-activity",
        ]);
        let bar = sig([
            "translate(1.0 2.0)",
            r#"<rect class="tl-bar-rect"/>"#,
            "tl-bar overdue",
            "<b>Møde</b>: 1.3.2027 til 5.3.2027",
        ]);
        let (mut labels, mut bars) = (String::new(), String::new());
        row_markup(&key, &label, Some(&bar), &mut labels, &mut bars);
        assert_eq!(
            labels,
            r#"<div class="tl-label tl-label-activity" data-open="a&quot;1" style="top:0px;height:24px" title="&lt;b&gt;Møde &amp; &quot;plan&quot;&lt;/b&gt;">&lt;b&gt;Møde &amp; &quot;plan&quot;&lt;/b&gt;</div>"#
        );
        assert_eq!(
            bars,
            r#"<g class="tl-bar overdue" data-id="a&quot;1" tabindex="-1" role="button" transform="translate(1.0 2.0)" aria-label="&lt;b&gt;Møde&lt;/b&gt;: 1.3.2027 til 5.3.2027"><rect class="tl-bar-rect"/></g>"#
        );
    }

    #[test]
    fn activity_row_without_dates_gets_an_empty_bar() {
        let key = RowKey::Activity(ActivityId("a1".into()));
        let label = sig(["", "T", "T", "tl-label tl-label-activity"]);
        let (mut labels, mut bars) = (String::new(), String::new());
        row_markup(&key, &label, None, &mut labels, &mut bars);
        assert_eq!(
            bars,
            r#"<g class="tl-bar" data-id="a1" tabindex="-1" role="button"></g>"#
        );
    }

    #[test]
    fn task_row_markup_has_its_toggle_and_info_button() {
        let t = TaskNo::new(3).unwrap();
        let label = sig([
            "top:28px;height:28px",
            "▾ 3. Projektstyring (12)",
            "true",
            "",
        ]);
        let (mut labels, mut bars) = (String::new(), String::new());
        row_markup(&RowKey::Task(t), &label, None, &mut labels, &mut bars);
        assert!(bars.is_empty());
        assert!(labels.starts_with(
            r#"<div class="tl-label tl-label-task" style="top:28px;height:28px"><button class="tl-toggle" type="button" tabindex="-1" data-toggle="t:3" aria-expanded="true">▾ 3. Projektstyring (12)</button><button class="info-btn" type="button" tabindex="-1" aria-expanded="false" data-info="t3" aria-label="Om hovedopgave 3 "#
        ));
        assert!(labels.ends_with("</button></div>"));
    }
}
