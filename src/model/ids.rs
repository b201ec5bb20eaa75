//! Stable identifiers and timestamps.

use serde::{Deserialize, Serialize};

/// Stable id of a plan; kept across export and import.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlanId(pub String);

/// Stable id of an activity within a plan; kept across export and import.
///
/// Template activities get ids derived from the template key (e.g.
/// "t03-02"), so two copies of one plan agree on them; activities the user
/// adds get random ids.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ActivityId(pub String);

impl ActivityId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl PlanId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A point in time in milliseconds since the Unix epoch (UTC).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// This timestamp in Danish local time (UTC+1, or UTC+2 from the last
    /// Sunday of March to the last Sunday of October, at 01:00 UTC).
    pub fn local_datetime(self) -> Option<chrono::NaiveDateTime> {
        let utc = chrono::DateTime::from_timestamp_millis(self.0)?.naive_utc();
        let year = chrono::Datelike::year(&utc);
        let summer_start = last_sunday(year, 3)?.and_hms_opt(1, 0, 0)?;
        let summer_end = last_sunday(year, 10)?.and_hms_opt(1, 0, 0)?;
        let offset = if utc >= summer_start && utc < summer_end {
            2
        } else {
            1
        };
        Some(utc + chrono::Duration::hours(offset))
    }

    /// The calendar date of this timestamp in Danish local time.
    pub fn local_date(self) -> Option<chrono::NaiveDate> {
        self.local_datetime().map(|t| t.date())
    }
}

fn last_sunday(year: i32, month: u32) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    let first_next = if month == 12 {
        chrono::NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        chrono::NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = first_next.pred_opt()?;
    let back = last.weekday().num_days_from_sunday();
    Some(last - chrono::Duration::days(i64::from(back)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn local_date_follows_danish_time() {
        // 2026-06-30 22:30 UTC is 00:30 on 1 July in Danish summer time.
        let t = Timestamp(1_782_858_600_000);
        assert_eq!(t.local_date(), NaiveDate::from_ymd_opt(2026, 7, 1));
        // 2026-01-15 22:30 UTC is 23:30 the same day in winter time.
        let t = Timestamp(1_768_516_200_000);
        assert_eq!(t.local_date(), NaiveDate::from_ymd_opt(2026, 1, 15));
    }
}
