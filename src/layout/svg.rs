//! The timeline as a standalone SVG document: the same geometry as the
//! screen, with a header (municipality, solution, date), a legend, every
//! row (not only those scrolled into view) and all colours and font
//! settings inside the file, so it opens the same in a browser or an
//! office program.

use std::fmt::Write;

use chrono::NaiveDate;

use super::axis::{axis, days_off, days_off_path, grid_path, AxisRow, Unit, AXIS_ROW_H};
use super::lanes::{bar_rect, Lanes, Row, RowKey};
use super::marks::{
    fit_text, milestones, phase_bands, status_color, time_windows, MilestoneKind, GO_LIVE_COLOR,
    MILESTONE_ROW_H, OVERDUE_COLOR, PHASE_COLORS, PHASE_ROW_H, SUMMARY_COLOR, TODAY_COLOR,
};
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
    /// A font to embed (base64 of a TTF/WOFF2 file and its format name), if any.
    pub font: Option<(String, &'static str)>,
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn date(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// The legend: (kind of swatch, colour, label). Kinds: "bar", "line",
/// "diamond", "window", "overdue".
pub fn legend() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut items: Vec<(&str, &str, &str)> =
        Status::ALL.iter().map(|s| ("bar", status_color(*s), s.label())).collect();
    items.extend([
        ("overdue", OVERDUE_COLOR, "Forsinket"),
        ("summary", SUMMARY_COLOR, "Samlet (sammenfoldet)"),
        ("diamond", PHASE_COLORS[2], "Faseovergang"),
        ("diamond", GO_LIVE_COLOR, "Go-live"),
        ("window", super::marks::CUTOVER_COLOR, "Idriftsættelse"),
        ("window", super::marks::HYPER_CARE_COLOR, "Hyper-care"),
        ("line", TODAY_COLOR, "I dag"),
    ]);
    items
}

/// Height of the chart's head (phases, milestones and axis rows).
pub fn chart_head_height(rows: &[AxisRow]) -> f64 {
    PHASE_ROW_H + MILESTONE_ROW_H + rows.len() as f64 * AXIS_ROW_H
}

/// A diamond path centred at (`x`, `y`) with half-size `r`.
pub fn diamond(x: f64, y: f64, r: f64) -> String {
    format!("M{x:.1} {:.1}l{r:.1} {r:.1}l-{r:.1} {r:.1}l-{r:.1} -{r:.1}z", y - r)
}

/// The label of a row in the label column.
pub fn row_label(plan: &Plan, row: &Row) -> String {
    match &row.key {
        RowKey::Group(g) => format!("{} ({})", g.name(), row.count),
        RowKey::Task(t) => format!("{}. {} ({})", t.get(), catalog::task(*t).name, row.count),
        RowKey::Activity(_) => row.index.and_then(|i| plan.activities.get(i)).map(|a| a.title.clone()).unwrap_or_default(),
    }
}

/// The tooltip text of an activity.
pub fn activity_tooltip(a: &crate::model::Activity, today: NaiveDate) -> String {
    let dates = match (a.start, a.due) {
        (Some(s), Some(d)) => format!("{}–{}", date(s), date(d)),
        _ => "ingen datoer".to_string(),
    };
    let who = if a.responsible.is_empty() { "ingen ansvarlig" } else { a.responsible.as_str() };
    let late = if a.is_overdue(today) { " · forsinket" } else { "" };
    format!("{} · {dates} · {who} · {}{late}", a.title, a.status.label())
}

/// Writes the whole timeline of `plan` as a standalone SVG document.
pub fn timeline_svg(plan: &Plan, lanes: &Lanes, scale: &Scale, options: &SvgOptions) -> String {
    let rows = axis(scale);
    let head_h = chart_head_height(&rows);
    let (lx, top) = (EXPORT_LABEL_W, EXPORT_HEAD_H);
    let body_top = top + head_h;
    let width = (lx + scale.width() + 16.0).ceil();
    let height = (body_top + lanes.height + 16.0).ceil();
    let mut s = String::with_capacity(4096 + lanes.rows.len() * 400);
    let title = format!("Tidslinje · {} Kommune · {}", plan.municipality, plan.solution.name());
    let _ = write!(
        s,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="{font}" font-size="12">
<title>{t}</title>
<style>"#,
        font = FONT_STACK.replace('\'', "&apos;"),
        t = escape(&title),
    );
    if let Some((data, format)) = &options.font {
        let _ = write!(s, "@font-face{{font-family:'Implan Sans';src:url(data:font/{format};base64,{data}) format('{format}');}}");
        s.push_str("svg{font-family:'Implan Sans',");
    } else {
        s.push_str("svg{font-family:");
    }
    let _ = write!(s, "{FONT_STACK};}}text{{fill:#1b1f24;}}.w{{fill:#ffffff;font-weight:bold;}}.b{{font-weight:bold;}}</style>\n");
    let _ = write!(s, r##"<rect width="{width}" height="{height}" fill="#ffffff"/>"##);
    // Header.
    let subtitle = format!(
        "{}Go-live {} · Udskrevet {} · Zoom: {} · {} aktiviteter med datoer",
        plan.solution.long_name().map(|n| format!("{n} · ")).unwrap_or_default(),
        date(plan.go_live),
        date(options.printed),
        options.zoom,
        lanes.dated
    );
    let _ = write!(
        s,
        r##"<text x="16" y="26" font-size="20" class="b">{}</text><text x="16" y="46" fill="#4a5560">{}</text>"##,
        escape(&title),
        escape(&subtitle)
    );
    write_legend(&mut s, 16.0, 66.0);
    // Chart head: phases, milestones, axis.
    let _ = write!(s, r#"<g transform="translate({lx} {top})">"#);
    for band in phase_bands(plan, scale) {
        let _ = write!(
            s,
            r#"<g><title>{}</title><rect x="{:.1}" y="1" width="{:.1}" height="{}" rx="3" fill="{}"/><text x="{:.1}" y="17" class="w">{}</text></g>"#,
            escape(&band.title),
            band.x,
            band.width,
            PHASE_ROW_H - 2.0,
            PHASE_COLORS[band.phase.index()],
            band.x + 4.0,
            escape(&band.label)
        );
    }
    let my = PHASE_ROW_H + MILESTONE_ROW_H / 2.0;
    for w in time_windows(plan, scale) {
        write_window(&mut s, &w, PHASE_ROW_H + 4.0, MILESTONE_ROW_H - 8.0);
    }
    for m in milestones(plan, scale) {
        let (color, r) = match m.kind {
            MilestoneKind::Transition(p) => (PHASE_COLORS[p.index()], 6.0),
            MilestoneKind::GoLive => (GO_LIVE_COLOR, 8.0),
        };
        let _ = write!(
            s,
            r##"<path d="{}" fill="{color}" stroke="#ffffff"><title>{}</title></path>"##,
            diamond(m.x, my, r),
            escape(&m.title)
        );
        if m.kind == MilestoneKind::GoLive {
            let _ = write!(s, r#"<text x="{:.1}" y="{:.1}" class="b" fill="{GO_LIVE_COLOR}">Go-live</text>"#, m.x + 10.0, my + 4.0);
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let y = PHASE_ROW_H + MILESTONE_ROW_H + i as f64 * AXIS_ROW_H;
        let _ = write!(s, r##"<rect x="0" y="{y}" width="{:.1}" height="{AXIS_ROW_H}" fill="#f6f8fa" stroke="#d0d7de"/>"##, scale.width());
        for t in &row.ticks {
            let _ = write!(s, r##"<path d="M{:.1} {y}v{AXIS_ROW_H}" stroke="#d0d7de"/>"##, t.x);
            if !t.label.is_empty() {
                let _ = write!(s, r#"<text x="{:.1}" y="{:.1}" font-size="11">{}</text>"#, t.x + 3.0, y + 14.0, escape(&t.label));
            }
        }
    }
    s.push_str("</g>\n");
    // Label column captions for the axis rows.
    for (i, row) in rows.iter().enumerate() {
        let y = top + PHASE_ROW_H + MILESTONE_ROW_H + i as f64 * AXIS_ROW_H + 14.0;
        let _ = write!(s, r##"<text x="{:.1}" y="{y:.1}" font-size="11" text-anchor="end" fill="#4a5560">{}</text>"##, lx - 8.0, row.unit.caption());
    }
    let _ = write!(s, r#"<text x="16" y="{:.1}" class="b">Faser</text>"#, top + 17.0);
    let _ = write!(s, r#"<text x="16" y="{:.1}" class="b">Milepæle</text>"#, top + PHASE_ROW_H + 17.0);
    // Body.
    write_body(&mut s, plan, lanes, scale, &rows, options.today, lx, body_top);
    // Today and go-live lines across head and body.
    let bottom = body_top + lanes.height;
    for (d, color, dash) in [(plan.go_live, GO_LIVE_COLOR, "6 3"), (options.today, TODAY_COLOR, "none")] {
        if d >= scale.start && d <= scale.last() {
            let x = lx + scale.x(d) + if color == TODAY_COLOR { scale.px_per_day / 2.0 } else { 0.0 };
            let _ = write!(
                s,
                r#"<path d="M{x:.1} {:.1}V{bottom:.1}" stroke="{color}" stroke-width="2" stroke-dasharray="{dash}"/>"#,
                top + PHASE_ROW_H
            );
        }
    }
    if options.today >= scale.start && options.today <= scale.last() {
        let x = lx + scale.x(options.today) + scale.px_per_day / 2.0;
        let _ = write!(s, r#"<text x="{:.1}" y="{:.1}" font-size="11" class="b" fill="{TODAY_COLOR}">I dag</text>"#, x + 4.0, top + PHASE_ROW_H + 10.0);
    }
    s.push_str("</svg>\n");
    s
}

fn write_legend(s: &mut String, x0: f64, y: f64) {
    let mut x = x0;
    for (kind, color, label) in legend() {
        match kind {
            "bar" => {
                let _ = write!(s, r#"<rect x="{x}" y="{}" width="18" height="10" rx="2" fill="{color}"/>"#, y - 9.0);
            }
            "overdue" => {
                let _ = write!(s, r#"<path d="M{x} {}h12l-6 11z" fill="{color}"/>"#, y - 10.0);
            }
            "summary" => {
                let _ = write!(s, r#"<rect x="{x}" y="{}" width="18" height="6" fill="{color}"/>"#, y - 7.0);
            }
            "diamond" => {
                let _ = write!(s, r#"<path d="{}" fill="{color}"/>"#, diamond(x + 8.0, y - 4.0, 6.0));
            }
            "window" => {
                let _ = write!(s, r#"<rect x="{x}" y="{}" width="18" height="10" fill="{color}" fill-opacity="0.35"/>"#, y - 9.0);
            }
            _ => {
                let _ = write!(s, r#"<path d="M{} {}v14" stroke="{color}" stroke-width="2"/>"#, x + 8.0, y - 11.0);
            }
        }
        let _ = write!(s, r#"<text x="{}" y="{y}" font-size="11">{}</text>"#, x + 22.0, escape(label));
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

#[allow(clippy::too_many_arguments)]
fn write_body(s: &mut String, plan: &Plan, lanes: &Lanes, scale: &Scale, rows: &[AxisRow], today: NaiveDate, lx: f64, body_top: f64) {
    let h = lanes.height;
    let cw = scale.width();
    // Row backgrounds and labels.
    for row in &lanes.rows {
        let y = body_top + row.y;
        let (fill, indent, bold) = match row.key {
            RowKey::Group(_) => ("#e3eaf0", 8.0, true),
            RowKey::Task(_) => ("#f6f8fa", 20.0, true),
            RowKey::Activity(_) => ("#ffffff", 36.0, false),
        };
        let _ = write!(
            s,
            r##"<rect x="0" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{fill}"/><path d="M0 {:.1}H{:.1}" stroke="#eaeef2"/>"##,
            lx + cw,
            row.height,
            y + row.height,
            lx + cw
        );
        let label = fit_text(&row_label(plan, row), lx - indent - 8.0, 12.0, bold);
        let _ = write!(
            s,
            r#"<text x="{indent}" y="{:.1}"{}>{}</text>"#,
            y + row.height / 2.0 + 4.0,
            if bold { r#" class="b""# } else { "" },
            escape(&label)
        );
    }
    let _ = write!(s, r#"<g transform="translate({lx} {body_top})">"#);
    let off = days_off(scale, 4.0);
    if !off.is_empty() {
        let _ = write!(s, r##"<path d="{}" fill="#eef0f3" fill-opacity="0.7"/>"##, days_off_path(scale, &off, 0.0, h));
    }
    for row in rows.iter().filter(|r| matches!(r.unit, Unit::Month | Unit::Quarter)) {
        let _ = write!(s, r##"<path d="{}" stroke="#d0d7de"/>"##, grid_path(row, 0.0, h));
    }
    for band in phase_bands(plan, scale).iter().skip(1) {
        let _ = write!(s, r##"<path d="M{:.1} 0V{h:.1}" stroke="{}" stroke-dasharray="4 3"/>"##, band.x, PHASE_COLORS[band.phase.index()]);
    }
    let windows = time_windows(plan, scale);
    for row in &lanes.rows {
        match &row.key {
            RowKey::Task(t) => {
                for w in windows.iter().filter(|w| w.task == *t) {
                    write_window(s, w, row.y + 2.0, row.height - 4.0);
                }
                if let Some(sum) = row.summary {
                    write_summary(s, scale, row, sum);
                }
            }
            RowKey::Group(_) => {
                if let (true, Some(sum)) = (row.collapsed, row.summary) {
                    write_summary(s, scale, row, sum);
                }
            }
            RowKey::Activity(_) => {
                let Some(a) = row.index.and_then(|i| plan.activities.get(i)) else { continue };
                let Some((start, due)) = a.start.zip(a.due) else { continue };
                let r = bar_rect(scale, row.y, row.height, start, due);
                let overdue = a.is_overdue(today);
                let _ = write!(
                    s,
                    r#"<g><title>{}</title><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="3" fill="{}"{}/>"#,
                    escape(&activity_tooltip(a, today)),
                    r.x,
                    r.y,
                    r.width,
                    r.height,
                    status_color(a.status),
                    if overdue { format!(r#" stroke="{OVERDUE_COLOR}" stroke-width="2""#) } else { String::new() }
                );
                if overdue {
                    let _ = write!(s, r#"<path d="M{:.1} {:.1}h12l-6 11z" fill="{OVERDUE_COLOR}"/>"#, r.x + r.width + 2.0, r.y);
                }
                s.push_str("</g>");
            }
        }
    }
    s.push_str("</g>\n");
}

fn write_summary(s: &mut String, scale: &Scale, row: &Row, sum: super::lanes::Summary) {
    let (x, w) = scale.span(sum.start, sum.due);
    let y = row.y + row.height / 2.0 - 4.0;
    if row.collapsed {
        let _ = write!(
            s,
            r##"<g><title>{} – {}: {} af {} færdige</title><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="8" fill="#d0d7de"/><rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="8" fill="{SUMMARY_COLOR}"/><text x="{:.1}" y="{:.1}" font-size="11">{:.0} %</text></g>"##,
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
