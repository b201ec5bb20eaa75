//! Working-day arithmetic (weekdays that are not Danish public holidays)
//! and the model's two time windows around go-live.

use chrono::{Duration, NaiveDate};

use super::calendar::is_working_day;

/// `date` itself if it is a working day, else the next working day.
pub fn next_working_day(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    while !is_working_day(d) {
        d += Duration::days(1);
    }
    d
}

/// `date` itself if it is a working day, else the previous working day.
pub fn previous_working_day(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    while !is_working_day(d) {
        d -= Duration::days(1);
    }
    d
}

/// The `n`th working day after `date` (before it when `n` is negative);
/// `date` itself when `n` is 0.
pub fn add_working_days(date: NaiveDate, n: i64) -> NaiveDate {
    let step = Duration::days(n.signum());
    let mut d = date;
    let mut left = n.abs();
    while left > 0 {
        d += step;
        if is_working_day(d) {
            left -= 1;
        }
    }
    d
}

/// The number of working days from `from` to `to`, both included (0 when
/// `to` is before `from`).
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    from.iter_days()
        .take_while(|d| *d <= to)
        .filter(|d| is_working_day(*d))
        .count() as i64
}

/// A window with a shortest and a longest extent: the model gives time
/// facts as ranges ("7–10 working days").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeWindow {
    /// First day of the longest extent.
    pub start: NaiveDate,
    /// Last day of the longest extent.
    pub end: NaiveDate,
    /// First day of the shortest extent.
    pub core_start: NaiveDate,
    /// Last day of the shortest extent.
    pub core_end: NaiveDate,
}

/// Working days of hyper-care after go-live (main task 10): at least this many …
pub const HYPER_CARE_MIN: i64 = 7;
/// … and at most this many.
pub const HYPER_CARE_MAX: i64 = 10;
/// Working days of the technical cut-over before go-live (main task 16): at least this many …
pub const CUTOVER_MIN: i64 = 2;
/// … and at most this many.
pub const CUTOVER_MAX: i64 = 14;

/// The hyper-care window of main task 10 Go-live: the first 7–10 working
/// days from go-live (go-live itself counts when it is a working day).
pub fn hyper_care(go_live: NaiveDate) -> RangeWindow {
    let start = next_working_day(go_live);
    RangeWindow {
        start,
        end: add_working_days(start, HYPER_CARE_MAX - 1),
        core_start: start,
        core_end: add_working_days(start, HYPER_CARE_MIN - 1),
    }
}

/// The idriftsættelse window of main task 16: the technical cut-over of
/// 2–14 working days ending on the last working day before go-live.
pub fn cutover(go_live: NaiveDate) -> RangeWindow {
    let end = add_working_days(go_live, -1);
    RangeWindow {
        start: add_working_days(end, -(CUTOVER_MAX - 1)),
        end,
        core_start: add_working_days(end, -(CUTOVER_MIN - 1)),
        core_end: end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn adds_working_days_over_weekends_and_easter() {
        // Friday 19.03.2027 + 1 working day is Monday 22.03.
        assert_eq!(add_working_days(d(2027, 3, 19), 1), d(2027, 3, 22));
        // Wednesday 24.03.2027 + 1: skærtorsdag, langfredag, the weekend and
        // 2. påskedag are skipped, giving Tuesday 30.03.
        assert_eq!(add_working_days(d(2027, 3, 24), 1), d(2027, 3, 30));
        assert_eq!(add_working_days(d(2027, 3, 30), -1), d(2027, 3, 24));
        assert_eq!(add_working_days(d(2027, 3, 30), 0), d(2027, 3, 30));
        assert_eq!(next_working_day(d(2027, 3, 27)), d(2027, 3, 30));
        assert_eq!(previous_working_day(d(2027, 3, 29)), d(2027, 3, 24));
        // December 2027: juledag and 2. juledag fall on a weekend.
        assert_eq!(add_working_days(d(2027, 12, 23), 1), d(2027, 12, 24));
        assert_eq!(add_working_days(d(2027, 12, 31), 1), d(2028, 1, 3));
        assert_eq!(working_days_between(d(2027, 3, 22), d(2027, 4, 2)), 7);
        assert_eq!(working_days_between(d(2027, 4, 2), d(2027, 3, 22)), 0);
    }

    #[test]
    fn add_and_count_agree() {
        let start = d(2026, 1, 1);
        for n in 1..400 {
            let from = next_working_day(start);
            let to = add_working_days(from, n);
            assert_eq!(working_days_between(from, to), n + 1);
            assert_eq!(add_working_days(to, -n), from);
        }
    }

    #[test]
    fn go_live_windows() {
        // Go-live Monday 06.09.2027.
        let h = hyper_care(d(2027, 9, 6));
        assert_eq!(
            (h.start, h.core_end, h.end),
            (d(2027, 9, 6), d(2027, 9, 14), d(2027, 9, 17))
        );
        assert_eq!(working_days_between(h.start, h.core_end), 7);
        assert_eq!(working_days_between(h.start, h.end), 10);
        let c = cutover(d(2027, 9, 6));
        assert_eq!(
            (c.start, c.core_start, c.end),
            (d(2027, 8, 17), d(2027, 9, 2), d(2027, 9, 3))
        );
        assert_eq!(working_days_between(c.start, c.end), 14);
        assert_eq!(working_days_between(c.core_start, c.core_end), 2);
        // Go-live on 2. påskedag 2027: hyper-care starts the day after, and
        // the cut-over ends before Easter.
        let h = hyper_care(d(2027, 3, 29));
        assert_eq!(h.start, d(2027, 3, 30));
        let c = cutover(d(2027, 3, 29));
        assert_eq!(c.end, d(2027, 3, 24));
    }
}
