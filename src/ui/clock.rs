//! The browser's clock and random ids.

use chrono::NaiveDate;

use crate::model::{ActivityId, PlanId, Timestamp};

/// The current time.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// Today's date in Danish local time.
pub fn today() -> NaiveDate {
    now()
        .local_date()
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default())
}

/// 96 random bits as 24 hex digits.
fn random_hex() -> String {
    (0..3)
        .map(|_| format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u32))
        .collect()
}

/// A new random plan id.
pub fn new_plan_id() -> PlanId {
    PlanId(format!("p-{}", random_hex()))
}

/// A new random activity id.
pub fn new_activity_id() -> ActivityId {
    ActivityId(format!("a-{}", random_hex()))
}

/// A new random id with `prefix`, e.g. "g-…" for a benefit profile, "m-…"
/// for a measurement, "n-…" for a map node and "r-…" for an arrow.
pub fn new_id(prefix: &str) -> String {
    format!("{prefix}-{}", random_hex())
}
