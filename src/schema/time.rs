//! Timestamps in files: RFC 3339 in UTC with milliseconds.

use crate::model::Timestamp;

/// Formats a timestamp as e.g. "2026-11-30T08:15:00.000Z".
pub fn format_timestamp(t: Timestamp) -> String {
    chrono::DateTime::from_timestamp_millis(t.0)
        .map(|d| crate::model::rfc3339_utc(d.naive_utc()))
        .unwrap_or_else(|| "1970-01-01T00:00:00.000Z".to_string())
}

/// Parses an RFC 3339 timestamp (any offset).
pub fn parse_timestamp(s: &str) -> Option<Timestamp> {
    crate::model::parse_rfc3339_millis(s).map(Timestamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let t = Timestamp(1_764_490_500_123);
        assert_eq!(parse_timestamp(&format_timestamp(t)), Some(t));
        assert_eq!(
            parse_timestamp("2026-11-30T09:00:00+01:00"),
            parse_timestamp("2026-11-30T08:00:00Z")
        );
        assert_eq!(parse_timestamp("i går"), None);
    }
}
