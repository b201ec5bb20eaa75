//! Writing and reading dates and times without chrono's format strings:
//! chrono's `format`/`parse_from_str` machinery is a large part of the wasm,
//! and the app only ever needs these few fixed forms.

use chrono::{Datelike, NaiveDate, Timelike};

/// `d` as YYYY-MM-DD.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `d` as dd.mm.yyyy.
pub fn danish_date(d: NaiveDate) -> String {
    format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year())
}

/// Reads exactly YYYY-MM-DD (four-digit year).
pub fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if !s.is_ascii() || b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(
        number(&s[0..4])? as i32,
        number(&s[5..7])?,
        number(&s[8..10])?,
    )
}

/// The digits of `s` as a number; `None` unless `s` is all ASCII digits.
fn number(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A time as RFC 3339 in UTC with milliseconds, e.g. "2026-11-30T08:15:00.000Z".
pub fn rfc3339_utc(t: chrono::NaiveDateTime) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}.{:03}Z",
        iso_date(t.date()),
        t.hour(),
        t.minute(),
        t.second(),
        t.nanosecond() / 1_000_000 % 1000
    )
}

/// Reads an RFC 3339 time ("YYYY-MM-DDTHH:MM:SS", optional fraction, then
/// "Z" or an offset "+HH:MM"/"-HH:MM"; "t", "z" and a space for "T" are
/// accepted too) as milliseconds since the Unix epoch.
pub fn parse_rfc3339_millis(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.len() < 20 || !s.is_ascii() {
        return None;
    }
    let date = parse_iso_date(&s[..10])?;
    let rest = &s[10..];
    let sep = rest.as_bytes()[0];
    if !matches!(sep, b'T' | b't' | b' ') {
        return None;
    }
    let b = rest.as_bytes();
    if b.len() < 9 || b[3] != b':' || b[6] != b':' {
        return None;
    }
    let (h, m, sec) = (
        number(&rest[1..3])?,
        number(&rest[4..6])?,
        number(&rest[7..9])?,
    );
    let mut tail = &rest[9..];
    let mut millis = 0u32;
    if let Some(frac) = tail.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let first3: String = frac[..digits].chars().chain("00".chars()).take(3).collect();
        millis = number(&first3)?;
        tail = &frac[digits..];
    }
    let offset_minutes: i64 = match tail {
        "Z" | "z" => 0,
        _ => {
            let b = tail.as_bytes();
            if b.len() != 6 || b[3] != b':' || !matches!(b[0], b'+' | b'-') {
                return None;
            }
            let minutes = i64::from(number(&tail[1..3])? * 60 + number(&tail[4..6])?);
            if b[0] == b'-' {
                -minutes
            } else {
                minutes
            }
        }
    };
    let local = date.and_hms_milli_opt(h, m, sec, millis)?;
    Some(local.and_utc().timestamp_millis() - offset_minutes * 60_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_are_written_and_read_in_fixed_forms() {
        assert_eq!(iso_date(d(2026, 3, 9)), "2026-03-09");
        assert_eq!(danish_date(d(2026, 3, 9)), "09.03.2026");
        assert_eq!(parse_iso_date("2026-03-09"), Some(d(2026, 3, 9)));
        for bad in [
            "2026-3-9",
            "26-03-09",
            "2026-02-30",
            "2026-03-09x",
            "2026/03/09",
            "",
            "２026-03-09",
            "+026-03-09",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn rfc3339_round_trips_and_honours_offsets() {
        let t = chrono::DateTime::from_timestamp_millis(1_764_490_500_123)
            .unwrap()
            .naive_utc();
        let text = rfc3339_utc(t);
        assert_eq!(text, "2025-11-30T08:15:00.123Z");
        assert_eq!(parse_rfc3339_millis(&text), Some(1_764_490_500_123));
        assert_eq!(
            parse_rfc3339_millis("2026-11-30T09:00:00+01:00"),
            parse_rfc3339_millis("2026-11-30T08:00:00Z")
        );
        assert_eq!(
            parse_rfc3339_millis("2026-11-30T07:30:00-00:30"),
            parse_rfc3339_millis("2026-11-30T08:00:00.0Z")
        );
        assert_eq!(
            parse_rfc3339_millis("2026-11-30t08:00:00.5z"),
            Some(parse_rfc3339_millis("2026-11-30T08:00:00Z").unwrap() + 500)
        );
        for bad in [
            "i går",
            "2026-11-30",
            "2026-11-30T08:00:00",
            "2026-11-30T25:00:00Z",
            "2026-11-30T08:00:00.Z",
            "2026-11-30T08:00:00+1:00",
            "2026-11-30T08:00Z",
        ] {
            assert_eq!(parse_rfc3339_millis(bad), None, "{bad}");
        }
    }
}
