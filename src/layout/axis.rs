//! The time axis: rows of ticks (years, quarters, months, ISO weeks, days)
//! chosen to suit the zoom, and the grid lines and non-working days drawn
//! behind the bars.

use chrono::{Datelike, Duration, NaiveDate};

use super::calendar::{holiday, is_weekend, iso_week, week_start, MONTHS, MONTHS_SHORT};
use super::num::{Dec1, Whole};
use super::scale::Scale;
use std::fmt::Write;

/// The unit of a row of ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Calendar years.
    Year,
    /// Quarters.
    Quarter,
    /// Months.
    Month,
    /// ISO weeks, starting on Monday.
    Week,
    /// Days.
    Day,
}

impl Unit {
    /// Danish caption of the row.
    pub fn caption(self) -> &'static str {
        match self {
            Unit::Year => "År",
            Unit::Quarter => "Kvartal",
            Unit::Month => "Måned",
            Unit::Week => "Uge",
            Unit::Day => "Dag",
        }
    }
}

/// One labelled interval of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Left edge.
    pub x: f64,
    /// Width up to the next tick of the row.
    pub width: f64,
    /// The label; empty when there is no room.
    pub label: String,
    /// First day of the interval.
    pub date: NaiveDate,
}

/// One row of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisRow {
    /// What the ticks count.
    pub unit: Unit,
    /// The ticks, left to right.
    pub ticks: Vec<Tick>,
}

/// Height of one axis row in pixels.
pub const AXIS_ROW_H: f64 = 20.0;

/// Pixels per week from which weeks are labelled "uge N".
const LONG_WEEK_LABEL: f64 = 46.0;
/// Least pixels between week labels.
const MIN_WEEK_GAP: f64 = 20.0;

/// Builds ticks from consecutive interval starts within the scale (not
/// generic, so one copy serves every row).
fn ticks(
    scale: &Scale,
    starts: &mut dyn Iterator<Item = NaiveDate>,
    label: &dyn Fn(NaiveDate, f64) -> String,
) -> Vec<Tick> {
    let end = scale.last() + Duration::days(1);
    let starts: Vec<NaiveDate> = starts.take_while(|d| *d < end).collect();
    starts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let from = (*d).max(scale.start);
            let to = starts.get(i + 1).copied().unwrap_or(end);
            let x = scale.x(from);
            let width = scale.x(to) - x;
            Tick {
                x,
                width,
                label: label(*d, width),
                date: *d,
            }
        })
        .collect()
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(chrono::Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// Month starts from the month holding the scale's first day, stepping `n` months.
fn months_from(scale: &Scale, step: u32) -> impl Iterator<Item = NaiveDate> {
    let first = first_of_month(scale.start);
    let first = if step == 3 {
        first
            .with_month(((first.month() - 1) / 3) * 3 + 1)
            .unwrap_or(first)
    } else if step == 12 {
        first.with_month(1).unwrap_or(first)
    } else {
        first
    };
    std::iter::successors(Some(first), move |d| Some(add_months(*d, step)))
}

/// The label of a week tick: "uge 53" when wide, else "53".
fn week_label(d: NaiveDate, wide: bool) -> String {
    let (_, w) = iso_week(d);
    if wide {
        format!("uge {w}")
    } else {
        w.to_string()
    }
}

/// How many weeks apart week labels stand at `px_per_week`.
pub fn week_stride(px_per_week: f64) -> u32 {
    [1, 2, 4, 13, 26, 52]
        .into_iter()
        .find(|n| f64::from(*n) * px_per_week >= MIN_WEEK_GAP)
        .unwrap_or(52)
}

/// The rows of the axis for `scale`, coarsest first. There is always a
/// month (or quarter) row and a week row; years get their own row unless
/// the months are wide enough to carry them; days show when readable.
pub fn axis(scale: &Scale) -> Vec<AxisRow> {
    let ppd = scale.px_per_day;
    let mut rows = Vec::new();
    let month_w = ppd * 28.0;
    if month_w >= 90.0 {
        rows.push(AxisRow {
            unit: Unit::Month,
            ticks: ticks(scale, &mut months_from(scale, 1), &|d, _| {
                format!("{} {}", MONTHS[d.month0() as usize], d.year())
            }),
        });
    } else {
        rows.push(AxisRow {
            unit: Unit::Year,
            ticks: ticks(scale, &mut months_from(scale, 12), &|d, w| {
                if w >= 34.0 {
                    d.year().to_string()
                } else {
                    String::new()
                }
            }),
        });
        if month_w >= 10.0 {
            rows.push(AxisRow {
                unit: Unit::Month,
                ticks: ticks(scale, &mut months_from(scale, 1), &|d, w| {
                    let m = d.month0() as usize;
                    if w >= 62.0 {
                        MONTHS[m].to_string()
                    } else if w >= 26.0 {
                        MONTHS_SHORT[m].to_string()
                    } else {
                        MONTHS_SHORT[m][..1].to_ascii_uppercase()
                    }
                }),
            });
        } else {
            rows.push(AxisRow {
                unit: Unit::Quarter,
                ticks: ticks(scale, &mut months_from(scale, 3), &|d, w| {
                    if w >= 18.0 {
                        format!("K{}", d.month0() / 3 + 1)
                    } else {
                        String::new()
                    }
                }),
            });
        }
    }
    let px_week = ppd * 7.0;
    let wide = px_week >= LONG_WEEK_LABEL;
    let stride = if wide { 1 } else { week_stride(px_week) };
    let mut mondays = std::iter::successors(Some(week_start(scale.start)), |d| {
        Some(*d + Duration::days(7))
    })
    .filter(move |d| {
        let w = iso_week(*d).1;
        stride == 1 || ((w - 1).is_multiple_of(stride) && w != 53)
    });
    rows.push(AxisRow {
        unit: Unit::Week,
        ticks: ticks(scale, &mut mondays, &|d, _| week_label(d, wide)),
    });
    if ppd >= 18.0 {
        let mut days = scale.start.iter_days();
        rows.push(AxisRow {
            unit: Unit::Day,
            ticks: ticks(scale, &mut days, &|d, _| d.day().to_string()),
        });
    }
    rows
}

/// A day off drawn behind the bars.
#[derive(Clone, Debug, PartialEq)]
pub struct DayOff {
    /// Left edge.
    pub x: f64,
    /// The day.
    pub date: NaiveDate,
    /// The holiday's name; `None` for a plain weekend day.
    pub holiday: Option<&'static str>,
}

/// Weekend days and public holidays within the scale, when days are at
/// least `min_px` wide (else they would be noise).
pub fn days_off(scale: &Scale, min_px: f64) -> Vec<DayOff> {
    if scale.px_per_day < min_px {
        return Vec::new();
    }
    scale
        .start
        .iter_days()
        .take(scale.days as usize)
        .filter_map(|d| {
            let h = holiday(d);
            (h.is_some() || is_weekend(d)).then(|| DayOff {
                x: scale.x(d),
                date: d,
                holiday: h,
            })
        })
        .collect()
}

/// An SVG path of vertical lines at every tick of `row` from `y0` to `y1`.
pub fn grid_path(row: &AxisRow, y0: f64, y1: f64) -> String {
    let mut d = String::with_capacity(row.ticks.len() * 16);
    for t in row.ticks.iter().filter(|t| t.x > 0.0) {
        let _ = write!(d, "M{} {}V{}", Dec1(t.x), Whole(y0), Whole(y1));
    }
    d
}

/// An SVG path of one rectangle per day off (width one day, `y0` to `y1`).
pub fn days_off_path(scale: &Scale, days: &[DayOff], y0: f64, y1: f64) -> String {
    let mut d = String::with_capacity(days.len() * 24);
    for day in days {
        let w = Dec1(scale.px_per_day);
        let _ = write!(d, "M{} {}h{w}V{}h-{w}z", Dec1(day.x), Whole(y0), Whole(y1));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn row(rows: &[AxisRow], unit: Unit) -> &AxisRow {
        rows.iter()
            .find(|r| r.unit == unit)
            .unwrap_or_else(|| panic!("no {unit:?} row"))
    }

    #[test]
    fn month_zoom_labels_months_with_years_and_every_week() {
        let scale = Scale::new(d(2020, 12, 1), d(2021, 1, 31), 5.0);
        let rows = axis(&scale);
        assert_eq!(
            rows.iter().map(|r| r.unit).collect::<Vec<_>>(),
            vec![Unit::Month, Unit::Week]
        );
        let months = row(&rows, Unit::Month);
        assert_eq!(
            months
                .ticks
                .iter()
                .map(|t| t.label.as_str())
                .collect::<Vec<_>>(),
            vec!["december 2020", "januar 2021"]
        );
        assert_eq!(months.ticks[1].x, 31.0 * 5.0);
        assert_eq!(months.ticks[1].width, 31.0 * 5.0);
        let weeks = row(&rows, Unit::Week);
        // The first tick is the week holding 1 December (week 49, from Monday 30 November), clipped to the scale.
        assert_eq!(weeks.ticks[0].label, "49");
        assert_eq!(weeks.ticks[0].x, 0.0);
        assert_eq!(weeks.ticks[0].width, 6.0 * 5.0);
        // Week 53 of 2020 starts 28 December, week 1 of 2021 on 4 January.
        let w53 = weeks.ticks.iter().find(|t| t.label == "53").unwrap();
        assert_eq!(w53.date, d(2020, 12, 28));
        let w1 = weeks.ticks.iter().find(|t| t.label == "1").unwrap();
        assert_eq!(w1.date, d(2021, 1, 4));
        assert_eq!(w1.x, scale.x(d(2021, 1, 4)));
        assert_eq!(w1.width, 35.0);
    }

    #[test]
    fn week_zoom_shows_days_and_long_week_labels() {
        let scale = Scale::new(d(2024, 12, 23), d(2025, 1, 12), 24.0);
        let rows = axis(&scale);
        assert_eq!(
            rows.iter().map(|r| r.unit).collect::<Vec<_>>(),
            vec![Unit::Month, Unit::Week, Unit::Day]
        );
        let weeks = row(&rows, Unit::Week);
        assert_eq!(
            weeks
                .ticks
                .iter()
                .map(|t| t.label.as_str())
                .collect::<Vec<_>>(),
            vec!["uge 52", "uge 1", "uge 2"]
        );
        assert_eq!(
            weeks.ticks[1].date,
            d(2024, 12, 30),
            "30.12.2024 starts week 1 of 2025"
        );
        let days = row(&rows, Unit::Day);
        assert_eq!(days.ticks.len(), 21);
        assert_eq!(days.ticks[0].label, "23");
        assert_eq!(days.ticks[20].x, 20.0 * 24.0);
    }

    #[test]
    fn quarter_and_whole_plan_zoom_thin_out_labels() {
        let scale = Scale::new(d(2026, 10, 1), d(2028, 6, 30), 1.6);
        let rows = axis(&scale);
        assert_eq!(
            rows.iter().map(|r| r.unit).collect::<Vec<_>>(),
            vec![Unit::Year, Unit::Month, Unit::Week]
        );
        assert_eq!(
            row(&rows, Unit::Year)
                .ticks
                .iter()
                .map(|t| t.label.as_str())
                .collect::<Vec<_>>(),
            vec!["2026", "2027", "2028"]
        );
        assert_eq!(
            row(&rows, Unit::Year).ticks[0].x,
            0.0,
            "the first year tick is clipped to the scale"
        );
        assert_eq!(row(&rows, Unit::Month).ticks[0].label, "okt");
        // 11.2 px per week: every second week is labelled, odd numbers.
        let weeks = row(&rows, Unit::Week);
        assert!(
            weeks
                .ticks
                .iter()
                .all(|t| t.label.parse::<u32>().unwrap() % 2 == 1),
            "{:?}",
            weeks.ticks
        );
        assert!(weeks
            .ticks
            .windows(2)
            .all(|w| w[1].x - w[0].x >= 20.0 || w[0].label == "53"));
        // Very narrow: quarters instead of months.
        let scale = Scale::new(d(2026, 1, 1), d(2036, 12, 31), 0.2);
        let rows = axis(&scale);
        assert_eq!(
            rows.iter().map(|r| r.unit).collect::<Vec<_>>(),
            vec![Unit::Year, Unit::Quarter, Unit::Week]
        );
        assert_eq!(row(&rows, Unit::Quarter).ticks[1].label, "K2");
        assert!(row(&rows, Unit::Week)
            .ticks
            .iter()
            .all(|t| t.label == "1" || t.label == "27"));
    }

    #[test]
    fn week_strides() {
        assert_eq!(week_stride(35.0), 1);
        assert_eq!(week_stride(11.2), 2);
        assert_eq!(week_stride(7.0), 4);
        assert_eq!(week_stride(1.0), 26);
        assert_eq!(week_stride(0.1), 52);
    }

    #[test]
    fn days_off_are_weekends_and_holidays() {
        let scale = Scale::new(d(2027, 3, 22), d(2027, 4, 4), 24.0);
        let off = days_off(&scale, 4.0);
        let dates: Vec<_> = off.iter().map(|o| (o.date.day(), o.holiday)).collect();
        assert_eq!(
            dates,
            vec![
                (25, Some("Skærtorsdag")),
                (26, Some("Langfredag")),
                (27, None),
                (28, Some("Påskedag")),
                (29, Some("2. påskedag")),
                (3, None),
                (4, None)
            ]
        );
        assert!(days_off(
            &Scale {
                px_per_day: 2.0,
                ..scale
            },
            4.0
        )
        .is_empty());
        assert_eq!(
            days_off_path(&scale, &off[..1], 0.0, 10.0),
            "M72.0 0h24.0V10h-24.0z"
        );
    }
}
