//! What the timeline marks above and across the lanes: phase bands,
//! milestones (phase transitions, go-live), the model's time windows around
//! go-live, colours, and text fitting.

use chrono::NaiveDate;

use super::scale::Scale;
use super::working_days::{cutover, hyper_care, RangeWindow};
use crate::model::{Phase, Plan, Status, TaskNo};

/// Height of the phase band row.
pub const PHASE_ROW_H: f64 = 24.0;
/// Height of the milestone row.
pub const MILESTONE_ROW_H: f64 = 24.0;

/// Colour of each phase, F0 to F4 (white text is readable on each).
pub const PHASE_COLORS: [&str; 5] = ["#5c6f7e", "#2d6a8f", "#7a4fa3", "#9a4f12", "#3d7a5a"];

/// Fill colour of a bar with `status`.
pub fn status_color(status: Status) -> &'static str {
    match status {
        Status::IkkeStartet => "#8c959f",
        Status::IGang => "#1f6feb",
        Status::Faerdig => "#1a7f37",
        Status::Blokeret => "#cf222e",
        Status::Udgaar => "#8a77b5",
    }
}

/// Colour of the today line.
pub const TODAY_COLOR: &str = "#d1242f";
/// Colour of overdue markers.
pub const OVERDUE_COLOR: &str = "#b42318";
/// Colour of the go-live line and milestone.
pub const GO_LIVE_COLOR: &str = "#0b4f6c";
/// Colour of the hyper-care window.
pub const HYPER_CARE_COLOR: &str = "#2da44e";
/// Colour of the idriftsættelse window.
pub const CUTOVER_COLOR: &str = "#8250df";
/// Colour of summary bars.
pub const SUMMARY_COLOR: &str = "#24292f";

/// A phase drawn as a band across the top.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseBand {
    /// Which phase.
    pub phase: Phase,
    /// Left edge.
    pub x: f64,
    /// Width.
    pub width: f64,
    /// Label fitted to the width, e.g. "F2 Forberedelse 01.05.2027–05.09.2027".
    pub label: String,
    /// Full description for a tooltip.
    pub title: String,
}

fn date(d: NaiveDate) -> String {
    crate::model::danish_date(d)
}

/// The five phases as bands, labelled as fully as their width allows.
pub fn phase_bands(plan: &Plan, scale: &Scale) -> Vec<PhaseBand> {
    Phase::ALL
        .into_iter()
        .map(|phase| {
            let w = plan.window(phase);
            let (x, width) = scale.span(w.start, w.end);
            let dates = format!("{}–{}", date(w.start), date(w.end));
            let candidates = [
                format!("{} · {dates}", phase.label()),
                phase.label(),
                phase.code().to_string(),
            ];
            let label = candidates
                .into_iter()
                .find(|c| text_width(c, 12.0, true) + 8.0 <= width)
                .unwrap_or_default();
            PhaseBand {
                phase,
                x,
                width,
                label,
                title: format!("{}: {dates}", phase.label()),
            }
        })
        .collect()
}

/// Kinds of milestones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MilestoneKind {
    /// The transition into `Phase` (its first day).
    Transition(Phase),
    /// Go-live.
    GoLive,
}

/// A milestone: a diamond on one day.
#[derive(Clone, Debug, PartialEq)]
pub struct Milestone {
    /// What it marks.
    pub kind: MilestoneKind,
    /// The day.
    pub date: NaiveDate,
    /// Centre of the day.
    pub x: f64,
    /// Danish description.
    pub title: String,
}

/// Phase transitions (the first day of F1 to F4) and go-live.
pub fn milestones(plan: &Plan, scale: &Scale) -> Vec<Milestone> {
    let mid = |d| scale.x(d) + scale.px_per_day / 2.0;
    let mut out: Vec<Milestone> = Phase::ALL[1..]
        .iter()
        .map(|p| {
            let d = plan.window(*p).start;
            let from = Phase::from_index(p.index() - 1).map_or("", Phase::code);
            Milestone {
                kind: MilestoneKind::Transition(*p),
                date: d,
                x: mid(d),
                title: format!("Faseovergang {from} → {}: {}", p.label(), date(d)),
            }
        })
        .collect();
    out.push(Milestone {
        kind: MilestoneKind::GoLive,
        date: plan.go_live,
        x: mid(plan.go_live),
        title: format!("Go-live: {}", date(plan.go_live)),
    });
    out
}

/// One of the model's time windows around go-live.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeWindow {
    /// The main task it belongs to (10 Go-live or 16 Idriftsættelse).
    pub task: TaskNo,
    /// The window in days.
    pub days: RangeWindow,
    /// x and width of the longest extent.
    pub outer: (f64, f64),
    /// x and width of the shortest extent.
    pub core: (f64, f64),
    /// Colour.
    pub color: &'static str,
    /// Short label.
    pub label: &'static str,
    /// Danish description.
    pub title: String,
}

/// The hyper-care window (main task 10) and the idriftsættelse window
/// (main task 16) of the plan's go-live.
pub fn time_windows(plan: &Plan, scale: &Scale) -> Vec<TimeWindow> {
    let make = |task: u8, days: RangeWindow, color, label, what: &str| TimeWindow {
        task: TaskNo::new(task).unwrap_or_else(|| TaskNo::all().next().expect("16 tasks")),
        days,
        outer: scale.span(days.start, days.end),
        core: scale.span(days.core_start, days.core_end),
        color,
        label,
        title: format!(
            "{what}: {}–{} (mindst til {})",
            date(days.start),
            date(days.end),
            date(if label == "Hyper-care" {
                days.core_end
            } else {
                days.core_start
            })
        ),
    };
    vec![
        make(
            16,
            cutover(plan.go_live),
            CUTOVER_COLOR,
            "Idriftsættelse",
            "Idriftsættelse (teknisk cut-over, 2–14 arbejdsdage før go-live)",
        ),
        make(
            10,
            hyper_care(plan.go_live),
            HYPER_CARE_COLOR,
            "Hyper-care",
            "Hyper-care (de første 7–10 arbejdsdage efter go-live)",
        ),
    ]
}

/// Estimated width of `text` in a sans-serif font of `size` pixels.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let per = if bold { 0.6 } else { 0.55 };
    text.chars().count() as f64 * size * per
}

/// `text` cut with "…" to fit `width` pixels at `size` (empty if nothing fits).
pub fn fit_text(text: &str, width: f64, size: f64, bold: bool) -> String {
    if text_width(text, size, bold) <= width {
        return text.to_string();
    }
    let per = size * if bold { 0.6 } else { 0.55 };
    let keep = ((width / per).floor() as usize).saturating_sub(1);
    if keep == 0 {
        return String::new();
    }
    let mut cut: String = text.chars().take(keep).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}
