//! A benefit's small line chart (SVG): the expected course from baseline to
//! target (dashed) and the measured line from the baseline through the
//! measurements.

use super::dom::{clear, svg};
use crate::layout::benefit_chart::chart;
use crate::layout::num::Dec1;
use crate::model::{count, Benefit, Decimal};
use crate::ui::format;

const WIDTH: f64 = 420.0;
const HEIGHT: f64 = 150.0;

fn label(v: f64) -> String {
    Decimal::from_f64(v)
        .map(Decimal::format_danish)
        .unwrap_or_default()
}

/// The chart's text alternative, e.g. "Graf over gevinsten: baseline 95,
/// mål 60, 1 måling.".
fn description(b: &Benefit) -> String {
    format!(
        "Graf over gevinsten: baseline {}, mål {}, {}.",
        b.baseline
            .map(Decimal::format_danish)
            .unwrap_or_else(|| "ikke angivet".into()),
        b.target
            .map(Decimal::format_danish)
            .unwrap_or_else(|| "ikke angivet".into()),
        count(b.measurements.len(), "måling", "målinger")
    )
}

/// Draws the chart of `b` into `container`; a hint when there is nothing to draw.
pub fn render(container: &web_sys::Element, b: &Benefit) -> Option<()> {
    let baseline = b
        .baseline
        .zip(b.baseline_date)
        .map(|(v, d)| (d, v.to_f64()));
    let target = b.target.zip(b.target_date).map(|(v, d)| (d, v.to_f64()));
    let measured: Vec<_> = b
        .measurements
        .iter()
        .map(|m| (m.date, m.value.to_f64()))
        .collect();
    let Some(c) = chart(baseline, target, &measured, WIDTH, HEIGHT) else {
        container.set_text_content(Some("Angiv baseline og mål for at se grafen."));
        return Some(());
    };
    let description = description(b);
    clear(container);
    let root = svg(
        Some(container),
        "svg",
        &[
            ("class", "benefit-chart"),
            ("viewBox", &format!("0 0 {WIDTH} {HEIGHT}")),
            ("role", "img"),
            ("aria-label", &description),
        ],
    );
    let (left, right, top, bottom) = c.plot_area();
    let line = |class: &str, (x1, y1): (f64, f64), (x2, y2): (f64, f64)| {
        svg(
            Some(&root),
            "line",
            &[
                ("class", class),
                ("x1", &Dec1(x1).to_string()),
                ("y1", &Dec1(y1).to_string()),
                ("x2", &Dec1(x2).to_string()),
                ("y2", &Dec1(y2).to_string()),
            ],
        );
    };
    line("chart-axis", (left, bottom), (right, bottom));
    line("chart-axis", (left, top), (left, bottom));
    let text = |x: f64, y: f64, anchor: &str, s: &str| {
        svg(
            Some(&root),
            "text",
            &[
                ("class", "chart-label"),
                ("x", &Dec1(x).to_string()),
                ("y", &Dec1(y).to_string()),
                ("text-anchor", anchor),
                ("text", s),
            ],
        );
    };
    let ((low, low_y), (high, high_y)) = c.value_range;
    text(left - 6.0, high_y + 4.0, "end", &label(high));
    if low != high {
        text(left - 6.0, low_y + 4.0, "end", &label(low));
    }
    let ((first, first_x), (last, last_x)) = c.date_range;
    text(first_x, HEIGHT - 5.0, "start", &format::date(first));
    if first != last {
        text(last_x, HEIGHT - 5.0, "end", &format::date(last));
    }
    if let (Some(a), Some(t)) = (c.baseline, c.target) {
        line("chart-plan", a, t);
    }
    let points: Vec<String> = c
        .measured_line()
        .iter()
        .map(|&(x, y)| format!("{},{}", Dec1(x), Dec1(y)))
        .collect();
    svg(
        Some(&root),
        "polyline",
        &[("class", "chart-measured"), ("points", &points.join(" "))],
    );
    let dot = |class: &str, (x, y): (f64, f64), r: &str| {
        svg(
            Some(&root),
            "circle",
            &[
                ("class", class),
                ("cx", &Dec1(x).to_string()),
                ("cy", &Dec1(y).to_string()),
                ("r", r),
            ],
        );
    };
    for &p in &c.measurements {
        dot("chart-measurement", p, "3.5");
    }
    if let Some((x, y)) = c.baseline {
        svg(
            Some(&root),
            "rect",
            &[
                ("class", "chart-baseline"),
                ("x", &Dec1(x - 4.0).to_string()),
                ("y", &Dec1(y - 4.0).to_string()),
                ("width", "8"),
                ("height", "8"),
            ],
        );
    }
    if let Some(p) = c.target {
        dot("chart-target", p, "5");
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::description;
    use crate::model::{
        Benefit, BenefitId, BenefitKind, BenefitType, Decimal, Measurement, MeasurementId,
        Timestamp,
    };

    #[test]
    fn the_text_alternative_counts_measurements_in_danish() {
        let mut b = Benefit::new(
            BenefitId("g".into()),
            "Kortere tid",
            BenefitType::Service,
            BenefitKind::Gevinst,
            Timestamp(0),
        );
        b.baseline = Decimal::parse_danish("95").ok();
        assert_eq!(
            description(&b),
            "Graf over gevinsten: baseline 95, mål ikke angivet, 0 målinger."
        );
        b.measurements.push(Measurement {
            id: MeasurementId("m".into()),
            date: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
            value: Decimal::parse_danish("88").unwrap(),
            comment: String::new(),
            measured_by: String::new(),
            modified: Timestamp(0),
        });
        assert_eq!(
            description(&b),
            "Graf over gevinsten: baseline 95, mål ikke angivet, 1 måling."
        );
    }
}
