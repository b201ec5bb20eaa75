//! Geometry of a benefit's small line chart: baseline, measurements and
//! target over time, scaled into a box.

use chrono::NaiveDate;

/// Margins inside the chart box: left (value labels), right, top, bottom
/// (date labels).
pub const CHART_MARGIN: (f64, f64, f64, f64) = (64.0, 12.0, 10.0, 22.0);

/// A point of the chart in data terms.
pub type DataPoint = (NaiveDate, f64);

/// The scaled chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Width of the box.
    pub width: f64,
    /// Height of the box.
    pub height: f64,
    /// The baseline point, if known.
    pub baseline: Option<(f64, f64)>,
    /// The target point, if known.
    pub target: Option<(f64, f64)>,
    /// The measurements' points in date order.
    pub measurements: Vec<(f64, f64)>,
    /// The smallest and largest value shown, with their y.
    pub value_range: ((f64, f64), (f64, f64)),
    /// The first and last date shown, with their x.
    pub date_range: ((NaiveDate, f64), (NaiveDate, f64)),
}

impl Chart {
    /// The measured line: from the baseline through the measurements.
    pub fn measured_line(&self) -> Vec<(f64, f64)> {
        self.baseline
            .iter()
            .chain(&self.measurements)
            .copied()
            .collect()
    }

    /// Left, right, top and bottom of the plot area.
    pub fn plot_area(&self) -> (f64, f64, f64, f64) {
        let (l, r, t, b) = CHART_MARGIN;
        (l, self.width - r, t, self.height - b)
    }
}

/// Scales the points into a `width` × `height` box; `None` when there is
/// nothing to draw.
pub fn chart(
    baseline: Option<DataPoint>,
    target: Option<DataPoint>,
    measurements: &[DataPoint],
    width: f64,
    height: f64,
) -> Option<Chart> {
    let all: Vec<DataPoint> = baseline
        .iter()
        .chain(target.iter())
        .chain(measurements)
        .copied()
        .collect();
    let first = all.iter().map(|p| p.0).min()?;
    let last = all.iter().map(|p| p.0).max()?;
    let low = all.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let high = all.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let (left, right, top, bottom) = (
        CHART_MARGIN.0,
        width - CHART_MARGIN.1,
        CHART_MARGIN.2,
        height - CHART_MARGIN.3,
    );
    let days = (last - first).num_days() as f64;
    let x = |d: NaiveDate| {
        if days == 0.0 {
            (left + right) / 2.0
        } else {
            left + (d - first).num_days() as f64 / days * (right - left)
        }
    };
    let span = high - low;
    let pad = if span == 0.0 {
        low.abs().max(1.0) * 0.1
    } else {
        span * 0.08
    };
    let (lo, hi) = (low - pad, high + pad);
    let y = |v: f64| bottom - (v - lo) / (hi - lo) * (bottom - top);
    let point = |p: DataPoint| (x(p.0), y(p.1));
    let mut sorted = measurements.to_vec();
    crate::model::sort_by(&mut sorted, &|a, b| a.0.cmp(&b.0));
    Some(Chart {
        width,
        height,
        baseline: baseline.map(point),
        target: target.map(point),
        measurements: sorted.into_iter().map(point).collect(),
        value_range: ((low, y(low)), (high, y(high))),
        date_range: ((first, x(first)), (last, x(last))),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn baseline_is_left_and_target_right_inside_the_plot() {
        let c = chart(
            Some((d(2027, 1, 1), 100.0)),
            Some((d(2028, 1, 1), 40.0)),
            &[(d(2027, 7, 1), 70.0), (d(2027, 4, 1), 90.0)],
            300.0,
            120.0,
        )
        .unwrap();
        let (l, r, t, b) = c.plot_area();
        let base = c.baseline.unwrap();
        let target = c.target.unwrap();
        assert_eq!(base.0, l);
        assert_eq!(target.0, r);
        // The higher value is drawn higher (smaller y), all inside the plot.
        assert!(base.1 < target.1);
        for p in c.measured_line().iter().chain([&target]) {
            assert!(p.0 >= l && p.0 <= r && p.1 >= t && p.1 <= b, "{p:?}");
        }
        // Measurements come in date order, after the baseline.
        let xs: Vec<f64> = c.measured_line().iter().map(|p| p.0).collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
        assert_eq!(c.value_range.0 .0, 40.0);
        assert_eq!(c.value_range.1 .0, 100.0);
    }

    #[test]
    fn single_point_and_nothing() {
        let c = chart(Some((d(2027, 1, 1), 5.0)), None, &[], 200.0, 100.0).unwrap();
        let (l, r, t, b) = c.plot_area();
        let p = c.baseline.unwrap();
        assert_eq!(p.0, (l + r) / 2.0);
        assert!(p.1 > t && p.1 < b);
        assert_eq!(chart(None, None, &[], 200.0, 100.0), None);
    }
}
