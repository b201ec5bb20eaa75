//! Danish formatting of dates and numbers for display.

use chrono::{Datelike, NaiveDate, Timelike};

/// A date as dd.mm.yyyy.
pub fn date(d: NaiveDate) -> String {
    crate::model::danish_date(d)
}

/// An optional date as dd.mm.yyyy, or a dash.
pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(date).unwrap_or_else(|| "–".to_string())
}

/// A start and due date as a span: "01.02.2027 – 09.03.2027",
/// "fra 01.02.2027", "frist 09.03.2027", or "ingen datoer".
pub fn date_span(start: Option<NaiveDate>, due: Option<NaiveDate>) -> String {
    match (start, due) {
        (Some(s), Some(d)) => format!("{} – {}", date(s), date(d)),
        (Some(s), None) => format!("fra {}", date(s)),
        (None, Some(d)) => format!("frist {}", date(d)),
        (None, None) => "ingen datoer".to_string(),
    }
}

/// The dates of an activity with their weeks, as the editor shows them:
/// "01.02.2027 – 09.03.2027 (uge 5 – uge 10)", "Fra 01.02.2027 (uge 5).",
/// "Frist 09.03.2027 (uge 10)." or "Ingen datoer endnu.".
pub fn date_span_weeks(start: Option<NaiveDate>, due: Option<NaiveDate>) -> String {
    match (start, due) {
        (Some(s), Some(d)) => format!("{} – {} ({} – {})", date(s), date(d), week(s), week(d)),
        (Some(s), None) => format!("Fra {} ({}).", date(s), week(s)),
        (None, Some(d)) => format!("Frist {} ({}).", date(d), week(d)),
        (None, None) => "Ingen datoer endnu.".to_string(),
    }
}

/// The ISO week number (uge) of a date, e.g. "uge 49".
pub fn week(d: NaiveDate) -> String {
    format!("uge {}", d.iso_week().week())
}

/// A date as yyyy-mm-dd, the value format of `<input type="date">`.
pub fn input_date(d: Option<NaiveDate>) -> String {
    d.map(crate::model::iso_date).unwrap_or_default()
}

/// Parses the value of `<input type="date">`; empty gives `None`.
pub fn parse_input_date(s: &str) -> Option<NaiveDate> {
    crate::model::parse_iso_date(s.trim())
}

/// A whole percentage the Danish way, thousands grouped with dots:
/// "42 %", "-12 %", "1.234 %" (a benefit measured far past its target).
pub fn percent(p: i64) -> String {
    let digits = p.unsigned_abs().to_string();
    let mut out = String::from(if p < 0 { "-" } else { "" });
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out + " %"
}

/// "3 af 7" style progress text.
pub fn done_of(done: usize, total: usize) -> String {
    format!("{done} af {total}")
}

/// Reads a date typed the Danish way: "24.12.2026", "24-12-2026",
/// "24/12/2026", "2412 2026"-style digits "24122026", or ISO "2026-12-24".
/// Empty text gives `Ok(None)`; anything else unreadable gives `Err(())`.
#[allow(clippy::result_unit_err)]
pub fn parse_danish_date(s: &str) -> Result<Option<NaiveDate>, ()> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if let Some(d) = crate::model::parse_iso_date(s) {
        return Ok(Some(d));
    }
    let parts: Vec<&str> = s
        .split(['.', '-', '/', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let (day, month, year) = match parts.as_slice() {
        [d, m, y] => (*d, *m, *y),
        [digits] if digits.len() == 8 && digits.chars().all(|c| c.is_ascii_digit()) => {
            (&digits[0..2], &digits[2..4], &digits[4..8])
        }
        _ => return Err(()),
    };
    let num = |t: &str| t.parse::<u32>().map_err(|_| ());
    let (day, month) = (num(day)?, num(month)?);
    let year = match year.len() {
        2 => 2000 + num(year)? as i32,
        4 => num(year)? as i32,
        _ => return Err(()),
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .map(Some)
        .ok_or(())
}

/// A timestamp as Danish local date and time, e.g. "30.11.2026 kl. 09.15".
pub fn timestamp(t: crate::model::Timestamp) -> String {
    t.local_datetime()
        .map(|l| format!("{} kl. {:02}.{:02}", date(l.date()), l.hour(), l.minute()))
        .unwrap_or_else(|| "–".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn reads_danish_and_iso_dates() {
        assert_eq!(parse_danish_date("24.12.2026"), Ok(d(2026, 12, 24)));
        assert_eq!(parse_danish_date(" 1.2.2027 "), Ok(d(2027, 2, 1)));
        assert_eq!(parse_danish_date("01-02-27"), Ok(d(2027, 2, 1)));
        assert_eq!(parse_danish_date("01/02/2027"), Ok(d(2027, 2, 1)));
        assert_eq!(parse_danish_date("01022027"), Ok(d(2027, 2, 1)));
        assert_eq!(parse_danish_date("2027-02-01"), Ok(d(2027, 2, 1)));
        assert_eq!(parse_danish_date(""), Ok(None));
    }

    #[test]
    fn refuses_impossible_dates() {
        assert_eq!(parse_danish_date("31.02.2027"), Err(()));
        assert_eq!(parse_danish_date("i morgen"), Err(()));
        assert_eq!(parse_danish_date("12.2027"), Err(()));
        assert_eq!(parse_danish_date("1.1.202"), Err(()));
    }

    #[test]
    fn formats_dates_and_weeks() {
        let date = NaiveDate::from_ymd_opt(2020, 12, 31).unwrap();
        assert_eq!(super::date(date), "31.12.2020");
        assert_eq!(week(date), "uge 53");
        assert_eq!(opt_date(None), "–");
        assert_eq!(
            date_span(d(2027, 2, 1), d(2027, 3, 9)),
            "01.02.2027 – 09.03.2027"
        );
        assert_eq!(date_span(None, d(2027, 3, 9)), "frist 09.03.2027");
        assert_eq!(date_span(d(2027, 2, 1), None), "fra 01.02.2027");
        assert_eq!(date_span(None, None), "ingen datoer");
    }

    #[test]
    fn percentages_group_thousands_the_danish_way() {
        assert_eq!(percent(0), "0 %");
        assert_eq!(percent(42), "42 %");
        assert_eq!(percent(-12), "-12 %");
        assert_eq!(percent(1234), "1.234 %");
        assert_eq!(percent(-100_000), "-100.000 %");
        assert_eq!(percent(99_999_999_999_000_000), "99.999.999.999.000.000 %");
    }

    #[test]
    fn the_editor_shows_a_lone_start_or_deadline_with_its_week() {
        assert_eq!(
            date_span_weeks(d(2027, 2, 1), d(2027, 3, 9)),
            "01.02.2027 – 09.03.2027 (uge 5 – uge 10)"
        );
        assert_eq!(
            date_span_weeks(None, d(2027, 3, 9)),
            "Frist 09.03.2027 (uge 10)."
        );
        assert_eq!(
            date_span_weeks(d(2027, 2, 1), None),
            "Fra 01.02.2027 (uge 5)."
        );
        assert_eq!(date_span_weeks(None, None), "Ingen datoer endnu.");
    }
}
