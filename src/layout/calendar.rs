//! The Danish calendar: ISO-8601 week numbers, month names and the official
//! public holidays (helligdage), computed from the date of Easter so that no
//! year is hard-coded.
//!
//! Holidays are the days named in the Danish holiday act: nytårsdag,
//! skærtorsdag, langfredag, påskedag, 2. påskedag, store bededag (only
//! before 2024, when it was abolished), Kristi himmelfartsdag, pinsedag,
//! 2. pinsedag, juledag and 2. juledag. Grundlovsdag, juleaftensdag,
//! nytårsaftensdag and 1. maj are days off by agreement in many workplaces
//! but not public holidays, so they count as working days here.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Danish month names, January first.
pub const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];

/// Short Danish month names, January first.
pub const MONTHS_SHORT: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// The ISO-8601 week of `date`: (week-numbering year, week 1 to 53).
///
/// Weeks start on Monday and week 1 is the week holding the year's first
/// Thursday, so 31.12.2020 is in week 53 of 2020 and 30.12.2024 in week 1
/// of 2025.
pub fn iso_week(date: NaiveDate) -> (i32, u32) {
    let w = date.iso_week();
    (w.year(), w.week())
}

/// The Monday starting the ISO week of `date`.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous
/// Gregorian algorithm of Meeus, Jones and Butcher).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // The algorithm always yields a day in March or April.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or_default()
}

/// A Danish public holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// The day.
    pub date: NaiveDate,
    /// Its Danish name, e.g. "2. påskedag".
    pub name: &'static str,
}

/// The Danish public holidays of `year`, in date order.
pub fn danish_holidays(year: i32) -> Vec<Holiday> {
    let easter = easter_sunday(year);
    let rel = |days: i64, name| Holiday {
        date: easter + Duration::days(days),
        name,
    };
    let fixed = |month, day, name| Holiday {
        date: NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default(),
        name,
    };
    let mut days = vec![
        fixed(1, 1, "Nytårsdag"),
        rel(-3, "Skærtorsdag"),
        rel(-2, "Langfredag"),
        rel(0, "Påskedag"),
        rel(1, "2. påskedag"),
    ];
    if year < 2024 {
        days.push(rel(26, "Store bededag"));
    }
    days.extend([
        rel(39, "Kristi himmelfartsdag"),
        rel(49, "Pinsedag"),
        rel(50, "2. pinsedag"),
        fixed(12, 25, "Juledag"),
        fixed(12, 26, "2. juledag"),
    ]);
    days
}

/// The name of the public holiday on `date`, if it is one.
pub fn holiday(date: NaiveDate) -> Option<&'static str> {
    let fixed = match (date.month(), date.day()) {
        (1, 1) => Some("Nytårsdag"),
        (12, 25) => Some("Juledag"),
        (12, 26) => Some("2. juledag"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    // Easter-based holidays fall between 19 March and 14 June.
    if !(3..=6).contains(&date.month()) {
        return None;
    }
    danish_holidays(date.year())
        .into_iter()
        .find(|h| h.date == date)
        .map(|h| h.name)
}

/// Whether `date` is a Saturday or Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Whether `date` is a working day: Monday to Friday and not a public holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !is_weekend(date) && holiday(date).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn week_numbers_at_year_boundaries() {
        assert_eq!(iso_week(d(2020, 12, 31)), (2020, 53));
        assert_eq!(iso_week(d(2021, 1, 3)), (2020, 53));
        assert_eq!(iso_week(d(2021, 1, 4)), (2021, 1));
        assert_eq!(iso_week(d(2024, 12, 29)), (2024, 52));
        assert_eq!(iso_week(d(2024, 12, 30)), (2025, 1));
        assert_eq!(iso_week(d(2025, 12, 31)), (2026, 1));
        assert_eq!(iso_week(d(2026, 12, 31)), (2026, 53));
        assert_eq!(iso_week(d(2027, 1, 1)), (2026, 53));
        assert_eq!(iso_week(d(2027, 1, 4)), (2027, 1));
        assert_eq!(iso_week(d(2022, 1, 2)), (2021, 52));
        assert_eq!(week_start(d(2021, 1, 3)), d(2020, 12, 28));
        assert_eq!(week_start(d(2021, 1, 4)), d(2021, 1, 4));
    }

    #[test]
    fn easter_dates() {
        let known = [
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2020, 4, 12),
            (2023, 4, 9),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25),
            (2285, 3, 22),
        ];
        for (y, m, day) in known {
            assert_eq!(easter_sunday(y), d(y, m, day), "easter {y}");
        }
    }

    #[test]
    fn danish_holidays_of_several_years() {
        let names = |y| {
            danish_holidays(y)
                .iter()
                .map(|h| (h.date, h.name))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(2023),
            vec![
                (d(2023, 1, 1), "Nytårsdag"),
                (d(2023, 4, 6), "Skærtorsdag"),
                (d(2023, 4, 7), "Langfredag"),
                (d(2023, 4, 9), "Påskedag"),
                (d(2023, 4, 10), "2. påskedag"),
                (d(2023, 5, 5), "Store bededag"),
                (d(2023, 5, 18), "Kristi himmelfartsdag"),
                (d(2023, 5, 28), "Pinsedag"),
                (d(2023, 5, 29), "2. pinsedag"),
                (d(2023, 12, 25), "Juledag"),
                (d(2023, 12, 26), "2. juledag"),
            ]
        );
        // Store bededag is gone from 2024.
        assert_eq!(danish_holidays(2024).len(), 10);
        assert!(danish_holidays(2024)
            .iter()
            .all(|h| h.name != "Store bededag"));
        assert_eq!(
            holiday(d(2024, 4, 26)),
            None,
            "the old store bededag 2024 is a working day"
        );
        assert_eq!(holiday(d(2024, 3, 28)), Some("Skærtorsdag"));
        assert_eq!(holiday(d(2024, 5, 9)), Some("Kristi himmelfartsdag"));
        assert_eq!(holiday(d(2025, 4, 17)), Some("Skærtorsdag"));
        assert_eq!(holiday(d(2025, 6, 9)), Some("2. pinsedag"));
        assert_eq!(holiday(d(2026, 4, 3)), Some("Langfredag"));
        assert_eq!(holiday(d(2026, 5, 14)), Some("Kristi himmelfartsdag"));
        assert_eq!(holiday(d(2027, 3, 29)), Some("2. påskedag"));
        assert_eq!(holiday(d(2027, 5, 16)), Some("Pinsedag"));
        assert_eq!(holiday(d(2022, 5, 13)), Some("Store bededag"));
        assert_eq!(holiday(d(2027, 12, 26)), Some("2. juledag"));
        // Not public holidays.
        assert_eq!(holiday(d(2027, 6, 5)), None, "grundlovsdag");
        assert_eq!(holiday(d(2027, 12, 24)), None, "juleaftensdag");
        // Every year has its holidays in date order.
        for y in 2000..2100 {
            let days = danish_holidays(y);
            assert!(days.windows(2).all(|w| w[0].date < w[1].date), "{y}");
            assert!(days.iter().all(|h| holiday(h.date) == Some(h.name)), "{y}");
        }
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        assert!(is_working_day(d(2027, 3, 24)), "a Wednesday");
        assert!(!is_working_day(d(2027, 3, 27)), "a Saturday");
        assert!(!is_working_day(d(2027, 3, 25)), "skærtorsdag");
        assert!(!is_working_day(d(2027, 1, 1)), "nytårsdag");
        assert!(
            is_working_day(d(2027, 12, 24)),
            "juleaftensdag is not a public holiday"
        );
    }
}
