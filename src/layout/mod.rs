//! Pure geometry, no browser. The timeline: its calendar (ISO weeks, Danish
//! holidays, working days), its time scale and axis, its rows (lanes), its
//! marks (phases, milestones, time windows) and its standalone SVG. The
//! benefit map (gevinstdiagram) and the measurement chart of a benefit.
//! The UI draws what these functions compute; they are unit-tested natively.

pub mod axis;
pub mod benefit_chart;
pub mod benefit_map;
pub mod calendar;
pub mod lanes;
pub mod marks;
pub mod num;
pub mod scale;
pub mod svg;
pub mod working_days;

pub use axis::{axis, AxisRow, Tick, Unit};
pub use lanes::{
    activity_rect, activity_span, bar_rect, is_marker, lanes, marker_rect, span_dates, LaneOptions,
    Lanes, Rect, Row, RowKey, Summary,
};
pub use scale::{
    dragged, phase_fit, plan_range, print_px_per_day, print_zoom, scroll_to_show, DragMode,
    PhaseFit, Scale, Zoom,
};

#[cfg(test)]
mod tests;
