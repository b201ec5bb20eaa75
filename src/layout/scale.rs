//! The time scale of the timeline: which days it covers, the zoom levels
//! and the mapping between dates and x positions, plus drag arithmetic.

use chrono::{Datelike, Duration, NaiveDate};

use super::working_days::{cutover, hyper_care};
use crate::model::{Phase, PhaseWindow, Plan};

/// Zoom levels of the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zoom {
    /// Days readable: about a week per 170 px.
    Uge,
    /// About a month per 150 px.
    Maaned,
    /// About a quarter per 145 px.
    Kvartal,
    /// The whole plan fits the available width.
    Hele,
}

impl Zoom {
    /// All zoom levels, closest first.
    pub const ALL: [Zoom; 4] = [Zoom::Uge, Zoom::Maaned, Zoom::Kvartal, Zoom::Hele];

    /// Danish label.
    pub fn label(self) -> &'static str {
        match self {
            Zoom::Uge => "Uge",
            Zoom::Maaned => "Måned",
            Zoom::Kvartal => "Kvartal",
            Zoom::Hele => "Hele planen",
        }
    }

    /// A stable key, e.g. for remembering the zoom.
    pub fn key(self) -> &'static str {
        match self {
            Zoom::Uge => "uge",
            Zoom::Maaned => "maaned",
            Zoom::Kvartal => "kvartal",
            Zoom::Hele => "hele",
        }
    }

    /// The zoom level with `key` (see [`Zoom::key`]).
    pub fn from_key(key: &str) -> Option<Zoom> {
        Zoom::ALL.into_iter().find(|z| z.key() == key)
    }

    /// Pixels per day for a scale of `days` days shown in `width` pixels.
    pub fn px_per_day(self, days: i64, width: f64) -> f64 {
        match self {
            Zoom::Uge => 24.0,
            Zoom::Maaned => 5.0,
            Zoom::Kvartal => 1.6,
            Zoom::Hele => fit(days, width),
        }
    }
}

/// Pixels per day that fit `days` days into `width` pixels (within sane limits).
pub fn fit(days: i64, width: f64) -> f64 {
    (width / days.max(1) as f64).clamp(0.05, 24.0)
}

/// Pixels per day for printing a chart of `days` days, with a label
/// column `label_w` wide and `height` tall (head and rows), on a page area
/// of `page_w` × `page_h`: when the chart is too tall it will be shrunk to
/// fit the height (see [`print_zoom`]), and the days are widened so that
/// the shrunk chart still fills the page's width.
pub fn print_px_per_day(days: i64, label_w: f64, height: f64, page_w: f64, page_h: f64) -> f64 {
    let zoom = (page_h / height.max(1.0)).min(1.0);
    fit(days, page_w / zoom - label_w)
}

/// The factor (at most 1) that shrinks a chart of `width` × `height` to
/// fit a page area of `page_w` × `page_h`.
pub fn print_zoom(width: f64, height: f64, page_w: f64, page_h: f64) -> f64 {
    (page_w / width.max(1.0))
        .min(page_h / height.max(1.0))
        .min(1.0)
}

/// Maps dates to x positions: day `start` begins at x = 0, each day is
/// `px_per_day` wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// First day shown.
    pub start: NaiveDate,
    /// Number of days shown.
    pub days: i64,
    /// Width of one day in pixels.
    pub px_per_day: f64,
}

impl Scale {
    /// A scale from `first` to `last`, both included.
    pub fn new(first: NaiveDate, last: NaiveDate, px_per_day: f64) -> Scale {
        Scale {
            start: first,
            days: (last - first).num_days().max(0) + 1,
            px_per_day,
        }
    }

    /// The last day shown.
    pub fn last(&self) -> NaiveDate {
        self.start + Duration::days(self.days - 1)
    }

    /// Total width in pixels.
    pub fn width(&self) -> f64 {
        self.days as f64 * self.px_per_day
    }

    /// x of the start (left edge) of `date`.
    pub fn x(&self, date: NaiveDate) -> f64 {
        (date - self.start).num_days() as f64 * self.px_per_day
    }

    /// x and width of the days from `first` to `last`, both included.
    pub fn span(&self, first: NaiveDate, last: NaiveDate) -> (f64, f64) {
        let x = self.x(first);
        (x, (self.x(last) + self.px_per_day - x).max(0.0))
    }

    /// The day under `x` (clamped to the scale).
    pub fn date_at(&self, x: f64) -> NaiveDate {
        let day = (x / self.px_per_day).floor() as i64;
        self.start + Duration::days(day.clamp(0, self.days - 1))
    }

    /// Whole days closest to a horizontal distance of `dx` pixels.
    pub fn days_for(&self, dx: f64) -> i64 {
        (dx / self.px_per_day).round() as i64
    }
}

/// The days a plan's timeline covers: every phase, go-live with its
/// windows and every activity date, from the first of a month to the last
/// day of a month, with at least a week to spare at each end.
pub fn plan_range(plan: &Plan) -> (NaiveDate, NaiveDate) {
    let dates = plan
        .phases
        .iter()
        .flat_map(|w| [w.start, w.end])
        .chain([
            plan.go_live,
            hyper_care(plan.go_live).end,
            cutover(plan.go_live).start,
        ])
        .chain(
            plan.activities
                .iter()
                .flat_map(|a| [a.start, a.due])
                .flatten(),
        );
    let (min, max) = dates.fold((plan.go_live, plan.go_live), |(lo, hi), d| {
        (lo.min(d), hi.max(d))
    });
    let first = (min - Duration::days(7)).with_day(1).unwrap_or(min);
    let after = max + Duration::days(7);
    let next_month = if after.month() == 12 {
        NaiveDate::from_ymd_opt(after.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(after.year(), after.month() + 1, 1)
    };
    (first, next_month.map_or(after, |d| d - Duration::days(1)))
}

/// What a drag changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DragMode {
    /// The whole bar: start and due move together.
    Move,
    /// The start only.
    Start,
    /// The due date only.
    End,
}

/// The dates after dragging by `days` whole days. The start never passes
/// the due date and vice versa.
pub fn dragged(
    start: NaiveDate,
    due: NaiveDate,
    mode: DragMode,
    days: i64,
) -> (NaiveDate, NaiveDate) {
    let by = Duration::days(days);
    match mode {
        DragMode::Move => (start + by, due + by),
        DragMode::Start => ((start + by).min(due), due),
        DragMode::End => (start, (due + by).max(start)),
    }
}

/// Whether new dates stay in the activity's phase window, and if not the
/// two ways out: extend the phase, or keep the activity inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhaseFit {
    /// The dates lie inside the phase window.
    Inside,
    /// The dates leave the phase window.
    Outside {
        /// The phase window extended to hold the dates.
        extended: PhaseWindow,
        /// The dates moved (or cut) to lie inside the window.
        kept: (NaiveDate, NaiveDate),
    },
}

/// Checks `start`–`due` against `window`; `mode` decides how dates are
/// kept inside: a moved bar is shifted back whole (cut to the window if it
/// is longer), a resized edge is stopped at the window's edge.
pub fn phase_fit(
    window: PhaseWindow,
    start: NaiveDate,
    due: NaiveDate,
    mode: DragMode,
) -> PhaseFit {
    if window.contains(start) && window.contains(due) {
        return PhaseFit::Inside;
    }
    let extended = PhaseWindow {
        start: window.start.min(start),
        end: window.end.max(due),
    };
    let kept = match mode {
        DragMode::Move => {
            let len = due - start;
            if len.num_days() + 1 > window.days() {
                (window.start, window.end)
            } else if start < window.start {
                (window.start, window.start + len)
            } else {
                (window.end - len, window.end)
            }
        }
        DragMode::Start => (start.clamp(window.start, window.end).min(due), due),
        DragMode::End => (start, due.clamp(window.start, window.end).max(start)),
    };
    PhaseFit::Outside { extended, kept }
}

/// The phases whose windows overlap `window` of `phase` (other than itself).
pub fn overlapping(plan: &Plan, phase: Phase, window: PhaseWindow) -> Vec<Phase> {
    Phase::ALL
        .into_iter()
        .filter(|p| *p != phase)
        .filter(|p| {
            let w = plan.window(*p);
            w.start <= window.end && window.start <= w.end
        })
        .collect()
}

/// How much of a bar (or marker) must show for a keyboard user to see it
/// in focus, in pixels (less for a narrower one).
const SHOWN_PX: f64 = 24.0;

/// The horizontal scroll position that brings the span `x`..`x + w` into a
/// viewport `view_w` wide now scrolled to `left`, its start a third into
/// it; `None` when enough of it already shows.
pub fn scroll_to_show(x: f64, w: f64, left: f64, view_w: f64) -> Option<f64> {
    let shown = (x + w).min(left + view_w) - x.max(left);
    (shown < w.min(SHOWN_PX)).then(|| (x - view_w / 3.0).max(0.0))
}
