//! The timeline as a standalone SVG document: the same geometry as the
//! screen, with a header (municipality, solution, date), a legend, every
//! row (not only those scrolled into view) and all colours and font
//! settings inside the file, so it opens the same in a browser or an
//! office program.

use std::fmt::Write;

use chrono::NaiveDate;

use super::axis::{axis, days_off, days_off_path, grid_path, AxisRow, Unit, AXIS_ROW_H};
use super::lanes::{activity_rect, activity_span, Lanes, Row, RowKey};
use super::marks::{
    fit_text, milestones, phase_bands, status_color, time_windows, MilestoneKind, GO_LIVE_COLOR,
    MILESTONE_ROW_H, OVERDUE_COLOR, PHASE_COLORS, PHASE_ROW_H, SUMMARY_COLOR, TODAY_COLOR,
};
use super::num::Dec1;
use super::scale::Scale;
use crate::catalog;
use crate::model::{Plan, Status};

/// Width of the label column of the exported file.
pub const EXPORT_LABEL_W: f64 = 300.0;
/// Height of the file's own header (title, subtitle, legend).
pub const EXPORT_HEAD_H: f64 = 88.0;
/// The font stack written into the file.
pub const FONT_STACK: &str = "'Liberation Sans', Arial, Helvetica, 'Segoe UI', sans-serif";

/// What goes into the file's header.
#[derive(Clone, Debug, PartialEq)]
pub struct SvgOptions {
    /// The day the file is made ("Udskrevet").
    pub printed: NaiveDate,
    /// Today, for the today line and overdue markers.
    pub today: NaiveDate,
    /// The zoom level's name.
    pub zoom: &'static str,
    /// Fonts to embed, as base64 of WOFF2 files: (regular, bold). Without
    /// them the file names its font stack only.
    pub fonts: Option<(String, String)>,
}

/// Base64 of `bytes` (standard alphabet, with padding).
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ABC[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` escaped as [`escape`] does. Runs of plain text are
/// appended at once (character by character is slow in the size-optimised
/// build, and a large drawing escapes a lot of text).
pub fn push_escaped(out: &mut String, text: &str) {
    let mut plain = 0;
    for (i, b) in text.bytes().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            // Control characters are not allowed in XML 1.0.
            b if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') => " ",
            _ => continue,
        };
        // Every byte replaced is ASCII, so these are character boundaries.
        out.push_str(&text[plain..i]);
        out.push_str(replacement);
        plain = i + 1;
    }
    out.push_str(&text[plain..]);
}

fn date(d: NaiveDate) -> String {
    crate::model::danish_date(d)
}

/// The legend: (kind of swatch, colour, label). Kinds: "bar", "line",
/// "diamond", "window", "overdue".
pub fn legend() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut items: Vec<(&str, &str, &str)> = Status::ALL
        .iter()
        .map(|s| ("bar", status_color(*s), s.label()))
        .collect();
    items.extend([
        ("overdue", OVERDUE_COLOR, "Forsinket"),
        ("diamond", status_color(Status::IkkeStartet), "Kun én dato"),
        ("summary", SUMMARY_COLOR, "Samlet (sammenfoldet)"),
        ("diamond", PHASE_COLORS[2], "Faseovergang"),
        ("diamond", GO_LIVE_COLOR, "Go-live"),
        ("window", super::marks::CUTOVER_COLOR, "Idriftsættelse"),
        ("window", super::marks::HYPER_CARE_COLOR, "Hyper-care"),
        ("line", TODAY_COLOR, "I dag"),
    ]);
    items
}

/// Days narrower than this are not shaded as days off.
const DAYS_OFF_MIN_PX: f64 = 8.0;

/// Distance between repeated phase labels in a wide phase band.
const LABEL_REPEAT: f64 = 700.0;

/// Height of the chart's head (phases, milestones and axis rows).
pub fn chart_head_height(rows: &[AxisRow]) -> f64 {
    PHASE_ROW_H + MILESTONE_ROW_H + rows.len() as f64 * AXIS_ROW_H
}

/// A diamond path centred at (`x`, `y`) with half-size `r`.
pub fn diamond(x: f64, y: f64, r: f64) -> String {
    let (x, y, r) = (Dec1(x), Dec1(y - r), Dec1(r));
    format!("M{x} {y}l{r} {r}l-{r} {r}l-{r} -{r}z")
}

/// The label of a row in the label column.
pub fn row_label(plan: &Plan, row: &Row) -> String {
    match &row.key {
        RowKey::Group(g) => format!("{} ({})", g.name(), row.count),
        RowKey::Task(t) => format!("{}. {} ({})", t.get(), catalog::task(*t).name, row.count),
        RowKey::Activity(_) => row
            .index
            .and_then(|i| plan.activities.get(i))
            .map(|a| a.title.clone())
            .unwrap_or_default(),
    }
}

/// The tooltip text of an activity.
pub fn activity_tooltip(a: &crate::model::Activity, today: NaiveDate) -> String {
    let dates = match (a.start, a.due) {
        (Some(s), Some(d)) => format!("{}–{}", date(s), date(d)),
        (Some(s), None) => format!("start {} (ingen slutdato)", date(s)),
        (None, Some(d)) => format!("slut {} (ingen startdato)", date(d)),
        (None, None) => "ingen datoer".to_string(),
    };
    let who = if a.responsible.is_empty() {
        "ingen ansvarlig"
    } else {
        a.responsible.as_str()
    };
    let late = if a.is_overdue(today) {
        " · forsinket"
    } else {
        ""
    };
    format!("{} · {dates} · {who} · {}{late}", a.title, a.status.label())
}

/// The chart head's content (phase bands, the go-live windows,
/// milestones, axis rows and the today mark), drawn from y = 0. Only
/// ticks overlapping `x_range` are drawn when it is given. Holds no user
/// text, only dates and the model's names.
pub fn head_layer(
    plan: &Plan,
    scale: &Scale,
    rows: &[AxisRow],
    x_range: Option<(f64, f64)>,
    today: NaiveDate,
) -> String {
    let mut s = String::with_capacity(8192);
    for band in phase_bands(plan, scale) {
        let _ = write!(
            s,
            r#"<g class="tl-phase" data-phase="{}"><title>{}</title><rect x="{}" y="1" width="{}" height="{}" rx="3" fill="{}"/>"#,
            band.phase.code(),
            escape(&band.title),
            Dec1(band.x),
            Dec1(band.width),
            Dec1(PHASE_ROW_H - 2.0),
            PHASE_COLORS[band.phase.index()],
        );
        // A wide band repeats its label, so one is in view wherever the view is.
        let label_w = super::marks::text_width(&band.label, 12.0, true) + 8.0;
        let mut x = band.x;
        while x + label_w <= band.x + band.width || x == band.x {
            let _ = write!(
                s,
                r#"<text x="{}" y="17" class="w">{}</text>"#,
                Dec1(x + 4.0),
                escape(&band.label)
            );
            x += LABEL_REPEAT.max(label_w * 2.0);
        }
        s.push_str("</g>");
    }
    let my = PHASE_ROW_H + MILESTONE_ROW_H / 2.0;
    for w in time_windows(plan, scale) {
        write_window(&mut s, &w, PHASE_ROW_H + 4.0, MILESTONE_ROW_H - 8.0);
    }
    for m in milestones(plan, scale) {
        let (color, r, kind) = match m.kind {
            MilestoneKind::Transition(p) => (PHASE_COLORS[p.index()], 6.0, p.code()),
            MilestoneKind::GoLive => (GO_LIVE_COLOR, 8.0, "go-live"),
        };
        let _ = write!(
            s,
            r##"<path class="tl-milestone" data-kind="{kind}" d="{}" fill="{color}" stroke="#ffffff"><title>{}</title></path>"##,
            diamond(m.x, my, r),
            escape(&m.title)
        );
        if m.kind == MilestoneKind::GoLive {
            let _ = write!(
                s,
                r#"<text x="{}" y="{}" class="b" fill="{GO_LIVE_COLOR}">Go-live</text>"#,
                Dec1(m.x + 10.0),
                Dec1(my + 4.0)
            );
        }
    }
    let (left, right) = x_range.unwrap_or((f64::MIN, f64::MAX));
    for (i, row) in rows.iter().enumerate() {
        let y = PHASE_ROW_H + MILESTONE_ROW_H + i as f64 * AXIS_ROW_H;
        let (y1, h1) = (Dec1(y), Dec1(AXIS_ROW_H));
        let _ = write!(
            s,
            r##"<g class="tl-axis-row" data-unit="{}"><rect x="0" y="{y1}" width="{}" height="{h1}" fill="#f6f8fa" stroke="#d0d7de"/><path stroke="#d0d7de" d=""##,
            row.unit.caption(),
            Dec1(scale.width())
        );
        let shown: Vec<_> = row
            .ticks
            .iter()
            .filter(|t| t.x + t.width >= left && t.x <= right)
            .collect();
        for t in &shown {
            let _ = write!(s, "M{} {y1}v{h1}", Dec1(t.x));
        }
        s.push_str(r#""/>"#);
        // Labels only where they fit (the first tick may be clipped by the scale's start).
        for t in shown.iter().filter(|t| {
            !t.label.is_empty() && super::marks::text_width(&t.label, 11.0, false) + 4.0 <= t.width
        }) {
            let _ = write!(
                s,
                r#"<text x="{}" y="{}" font-size="11">{}</text>"#,
                Dec1(t.x + 3.0),
                Dec1(y + 14.0),
                escape(&t.label)
            );
        }
        s.push_str("</g>");
    }
    if today >= scale.start && today <= scale.last() {
        let x = scale.x(today) + scale.px_per_day / 2.0;
        let _ = write!(
            s,
            r#"<path class="tl-today" d="M{x:.1} {PHASE_ROW_H:.1}V{:.1}" stroke="{TODAY_COLOR}" stroke-width="2"/><text x="{:.1}" y="{:.1}" font-size="11" class="b" fill="{TODAY_COLOR}">I dag</text>"#,
            chart_head_height(rows),
            x + 4.0,
            PHASE_ROW_H + 10.0
        );
    }
    s
}

/// What lies behind the rows: days off, month (and week) grid lines and
/// phase boundaries, `height` pixels tall.
pub fn backdrop_layer(plan: &Plan, scale: &Scale, rows: &[AxisRow], height: f64) -> String {
    let mut s = String::with_capacity(4096);
    let off = days_off(scale, DAYS_OFF_MIN_PX);
    if !off.is_empty() {
        let _ = write!(
            s,
            r##"<path d="{}" fill="#eef0f3"/>"##,
            days_off_path(scale, &off, 0.0, height)
        );
    }
    for row in rows {
        let color = match row.unit {
            Unit::Month | Unit::Quarter => "#d0d7de",
            Unit::Week if scale.px_per_day >= 3.0 => "#eef0f3",
            _ => continue,
        };
        let _ = write!(
            s,
            r#"<path d="{}" stroke="{color}"/>"#,
            grid_path(row, 0.0, height)
        );
    }
    for band in phase_bands(plan, scale).iter().skip(1) {
        let _ = write!(
            s,
            r#"<path d="M{:.1} 0V{height:.1}" stroke="{}" stroke-dasharray="4 3"/>"#,
            band.x,
            PHASE_COLORS[band.phase.index()]
        );
    }
    s
}

/// Group and main task rows: shaded backgrounds, the go-live windows in
/// main tasks 10 and 16, and summaries (a bracket over an open main task,
/// a progress bar for a collapsed one).
pub fn lanes_layer(plan: &Plan, lanes: &Lanes, scale: &Scale) -> String {
    let mut s = String::with_capacity(4096);
    let windows = time_windows(plan, scale);
    for row in lanes
        .rows
        .iter()
        .filter(|r| !matches!(r.key, RowKey::Activity(_)))
    {
        let (fill, class, data) = match &row.key {
            RowKey::Group(g) => ("#e3eaf0", "tl-row-group", format!("{g:?}")),
            RowKey::Task(t) => ("#f6f8fa", "tl-row-task", t.get().to_string()),
            RowKey::Activity(_) => continue,
        };
        let _ = write!(
            s,
            r#"<g class="{class}" data-key="{data}"><rect x="0" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}"/>"#,
            row.y,
            scale.width(),
            row.height
        );
        if let RowKey::Task(t) = &row.key {
            for w in windows.iter().filter(|w| w.task == *t) {
                write_window(&mut s, w, row.y + 2.0, row.height - 4.0);
            }
        }
        if let Some(sum) = row
            .summary
            .filter(|_| row.collapsed || matches!(row.key, RowKey::Task(_)))
        {
            write_summary(&mut s, scale, row, sum);
        }
        s.push_str("</g>");
    }
    s
}

/// The go-live line and the today line over the rows, `height` pixels tall.
pub fn overlay_layer(plan: &Plan, scale: &Scale, height: f64, today: NaiveDate) -> String {
    let mut s = String::new();
    let inside = |d: NaiveDate| d >= scale.start && d <= scale.last();
    if inside(plan.go_live) {
        let _ = write!(
            s,
            r#"<path class="tl-go-live-line" d="M{:.1} 0V{height:.1}" stroke="{GO_LIVE_COLOR}" stroke-width="2" stroke-dasharray="6 3"/>"#,
            scale.x(plan.go_live)
        );
    }
    if inside(today) {
        let _ = write!(
            s,
            r#"<path class="tl-today-line" d="M{:.1} 0V{height:.1}" stroke="{TODAY_COLOR}" stroke-width="2"/>"#,
            scale.x(today) + scale.px_per_day / 2.0
        );
    }
    s
}

/// Width from which a bar gets handles for changing its start and end.
pub const HANDLE_MIN_W: f64 = 16.0;

/// A bar's shapes with its top-left corner at the origin: the bar in its
/// status colour, handles at both ends when wide enough, and the overdue
/// marker.
pub fn bar_layer(width: f64, height: f64, status: Status, overdue: bool) -> String {
    let mut s = format!(
        r#"<rect class="tl-bar-rect" width="{}" height="{}" rx="3" fill="{}"{}/>"#,
        Dec1(width),
        Dec1(height),
        status_color(status),
        if overdue {
            format!(r#" stroke="{OVERDUE_COLOR}" stroke-width="2""#)
        } else {
            String::new()
        }
    );
    if width >= HANDLE_MIN_W {
        let _ = write!(
            s,
            r#"<rect class="tl-handle tl-handle-start" x="-2" width="7" height="{h}" fill="transparent"/><rect class="tl-handle tl-handle-end" x="{}" width="7" height="{h}" fill="transparent"/>"#,
            Dec1(width - 5.0),
            h = Dec1(height)
        );
    }
    if overdue {
        let _ = write!(
            s,
            r#"<path class="tl-overdue-mark" d="M{} 0h12l-6 11z" fill="{OVERDUE_COLOR}"/>"#,
            Dec1(width + 2.0)
        );
    }
    s
}

/// The shapes of an activity with only one date, in a `side` × `side` box
/// at the origin: a diamond in its status colour (no handles: only the
/// whole marker moves), and the overdue marker.
pub fn marker_layer(side: f64, status: Status, overdue: bool) -> String {
    let r = side / 2.0;
    let mut s = format!(
        r#"<path class="tl-bar-rect tl-marker" d="{}" fill="{}"{}/>"#,
        diamond(r, r, r),
        status_color(status),
        if overdue {
            format!(r#" stroke="{OVERDUE_COLOR}" stroke-width="2""#)
        } else {
            String::new()
        }
    );
    if overdue {
        let _ = write!(
            s,
            r#"<path class="tl-overdue-mark" d="M{} 0h12l-6 11z" fill="{OVERDUE_COLOR}"/>"#,
            Dec1(side + 2.0)
        );
    }
    s
}

/// The shapes of activity `a` drawn in `rect` (see
/// [`super::lanes::activity_rect`]), from its top-left corner.
pub fn activity_layer(
    a: &crate::model::Activity,
    rect: &super::lanes::Rect,
    today: NaiveDate,
) -> String {
    let overdue = a.is_overdue(today);
    if super::lanes::is_marker(a) {
        marker_layer(rect.width, a.status, overdue)
    } else {
        bar_layer(rect.width, rect.height, a.status, overdue)
    }
}

/// Width and height in pixels of the file [`timeline_svg`] writes.
pub fn svg_size(lanes: &Lanes, scale: &Scale) -> (f64, f64) {
    let head_h = chart_head_height(&axis(scale));
    (
        (EXPORT_LABEL_W + scale.width() + 16.0).ceil(),
        (EXPORT_HEAD_H + head_h + lanes.height + 16.0).ceil(),
    )
}

/// Writes the whole timeline of `plan` as a standalone SVG document.
pub fn timeline_svg(plan: &Plan, lanes: &Lanes, scale: &Scale, options: &SvgOptions) -> String {
    let rows = axis(scale);
    let head_h = chart_head_height(&rows);
    let (lx, top) = (EXPORT_LABEL_W, EXPORT_HEAD_H);
    let body_top = top + head_h;
    let (width, height) = svg_size(lanes, scale);
    let mut s = String::with_capacity(16384 + lanes.rows.len() * 400);
    let title = format!("Tidslinje · {} · {}", plan.kommune(), plan.solution.name());
    let _ = write!(
        s,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="{font}" font-size="12">
<title>{t}</title>
<style>"#,
        font = FONT_STACK.replace('\'', "&apos;"),
        t = escape(&title),
    );
    if let Some((regular, bold)) = &options.fonts {
        for (weight, data) in [(400, regular), (700, bold)] {
            let _ = write!(
                s,
                "@font-face{{font-family:'Implan Sans';font-weight:{weight};src:url(data:font/woff2;base64,{data}) format('woff2');}}"
            );
        }
        s.push_str("svg{font-family:'Implan Sans',");
    } else {
        s.push_str("svg{font-family:");
    }
    let _ = writeln!(s, "{FONT_STACK};}}text{{fill:#1b1f24;}}.w{{fill:#ffffff;font-weight:bold;}}.b{{font-weight:bold;}}</style>");
    let _ = write!(
        s,
        r##"<rect width="{width:.0}" height="{height:.0}" fill="#ffffff"/>"##
    );
    let subtitle = format!(
        "{}Go-live {} · Udskrevet {} · Zoom: {} · {} med datoer",
        plan.solution
            .long_name()
            .map(|n| format!("{n} · "))
            .unwrap_or_default(),
        date(plan.go_live),
        date(options.printed),
        options.zoom,
        crate::model::count(lanes.dated, "aktivitet", "aktiviteter")
    );
    let _ = write!(
        s,
        r##"<text x="16" y="26" font-size="20" class="b">{}</text><text x="16" y="46" fill="#4a5560">{}</text>"##,
        escape(&title),
        escape(&subtitle)
    );
    write_legend(&mut s, 16.0, 66.0);
    let _ = write!(
        s,
        r#"<g transform="translate({lx:.1} {top:.1})">{}</g>"#,
        head_layer(plan, scale, &rows, None, options.today)
    );
    for (i, row) in rows.iter().enumerate() {
        let y = top + PHASE_ROW_H + MILESTONE_ROW_H + i as f64 * AXIS_ROW_H + 14.0;
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{y:.1}" font-size="11" text-anchor="end" fill="#4a5560">{}</text>"##,
            lx - 8.0,
            row.unit.caption()
        );
    }
    let _ = write!(
        s,
        r#"<text x="16" y="{:.1}" class="b">Faser</text>"#,
        top + 17.0
    );
    let _ = write!(
        s,
        r#"<text x="16" y="{:.1}" class="b">Milepæle</text>"#,
        top + PHASE_ROW_H + 17.0
    );
    write_labels(&mut s, plan, lanes, lx, body_top, lx + scale.width());
    let _ = write!(
        s,
        r#"<g transform="translate({lx:.1} {body_top:.1})">{}{}"#,
        backdrop_layer(plan, scale, &rows, lanes.height),
        lanes_layer(plan, lanes, scale)
    );
    for row in &lanes.rows {
        let Some(a) = row.index.and_then(|i| plan.activities.get(i)) else {
            continue;
        };
        let Some(span) = activity_span(a) else {
            continue;
        };
        let r = activity_rect(scale, row.y, row.height, a, span);
        let _ = write!(
            s,
            r#"<g transform="translate({:.1} {:.1})"><title>{}</title>{}</g>"#,
            r.x,
            r.y,
            escape(&activity_tooltip(a, options.today)),
            activity_layer(a, &r, options.today)
        );
    }
    let _ = writeln!(
        s,
        "{}</g>",
        overlay_layer(plan, scale, lanes.height, options.today)
    );
    s.push_str("</svg>\n");
    s
}

/// Row labels in the label column of the exported file.
fn write_labels(s: &mut String, plan: &Plan, lanes: &Lanes, lx: f64, body_top: f64, right: f64) {
    for row in &lanes.rows {
        let y = body_top + row.y;
        let (fill, indent, bold) = match row.key {
            RowKey::Group(_) => ("#e3eaf0", 8.0, true),
            RowKey::Task(_) => ("#f6f8fa", 20.0, true),
            RowKey::Activity(_) => ("#ffffff", 36.0, false),
        };
        let _ = write!(
            s,
            r##"<rect x="0" y="{y:.1}" width="{lx:.1}" height="{:.1}" fill="{fill}"/><path d="M0 {:.1}H{right:.1}" stroke="#eaeef2"/>"##,
            row.height,
            y + row.height,
        );
        let label = fit_text(&row_label(plan, row), lx - indent - 8.0, 12.0, bold);
        let _ = write!(
            s,
            r#"<text x="{indent:.1}" y="{:.1}"{}>{}</text>"#,
            y + row.height / 2.0 + 4.0,
            if bold { r#" class="b""# } else { "" },
            escape(&label)
        );
    }
}

fn write_legend(s: &mut String, x0: f64, y: f64) {
    let mut x = x0;
    for (kind, color, label) in legend() {
        match kind {
            "bar" => {
                let _ = write!(
                    s,
                    r#"<rect x="{x:.1}" y="{:.1}" width="18" height="10" rx="2" fill="{color}"/>"#,
                    y - 9.0
                );
            }
            "overdue" => {
                let _ = write!(
                    s,
                    r#"<path d="M{x:.1} {:.1}h12l-6 11z" fill="{color}"/>"#,
                    y - 10.0
                );
            }
            "summary" => {
                let _ = write!(
                    s,
                    r#"<rect x="{x:.1}" y="{:.1}" width="18" height="6" fill="{color}"/>"#,
                    y - 7.0
                );
            }
            "diamond" => {
                let _ = write!(
                    s,
                    r#"<path d="{}" fill="{color}"/>"#,
                    diamond(x + 8.0, y - 4.0, 6.0)
                );
            }
            "window" => {
                let _ = write!(
                    s,
                    r#"<rect x="{x:.1}" y="{:.1}" width="18" height="10" fill="{color}" fill-opacity="0.35"/>"#,
                    y - 9.0
                );
            }
            _ => {
                let _ = write!(
                    s,
                    r#"<path d="M{:.1} {:.1}v14" stroke="{color}" stroke-width="2"/>"#,
                    x + 8.0,
                    y - 11.0
                );
            }
        }
        let _ = write!(
            s,
            r#"<text x="{:.1}" y="{y:.1}" font-size="11">{}</text>"#,
            x + 22.0,
            escape(label)
        );
        x += 30.0 + super::marks::text_width(label, 11.0, false);
    }
}

fn write_window(s: &mut String, w: &super::marks::TimeWindow, y: f64, h: f64) {
    let _ = write!(
        s,
        r#"<g><title>{}</title><rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{c}" fill-opacity="0.25"/><rect x="{:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{c}" fill-opacity="0.55"/></g>"#,
        escape(&w.title),
        w.outer.0,
        w.outer.1,
        w.core.0,
        w.core.1,
        c = w.color
    );
}

fn write_summary(s: &mut String, scale: &Scale, row: &Row, sum: super::lanes::Summary) {
    let (x, w) = scale.span(sum.start, sum.due);
    let y = row.y + row.height / 2.0 - 4.0;
    if row.collapsed {
        let _ = write!(
            s,
            r##"<g class="tl-summary"><title>{} – {}: {} af {} færdige</title><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="8" fill="#d0d7de"/><rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="8" fill="{SUMMARY_COLOR}"/><text x="{:.1}" y="{:.1}" font-size="11">{:.0} %</text></g>"##,
            date(sum.start),
            date(sum.due),
            sum.done,
            sum.total,
            w * sum.share(),
            x + w + 6.0,
            y + 8.0,
            sum.share() * 100.0
        );
    } else {
        let _ = write!(
            s,
            r#"<path d="M{x:.1} {:.1}v-5h{w:.1}v5" fill="none" stroke="{SUMMARY_COLOR}" stroke-width="2"/>"#,
            y + 9.0
        );
    }
}
