//! Pure geometry for the views that draw: the benefit map (gevinstdiagram)
//! and the measurement chart of a benefit. No browser dependencies;
//! deterministic and unit-tested.

pub mod benefit_chart;
pub mod benefit_map;
