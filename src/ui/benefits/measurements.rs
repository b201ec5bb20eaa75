//! A benefit's measurement log in the profile editor: progress toward the
//! target, the chart, the measurements (date, value, who measured,
//! comment, each with "Ret" and "Slet") and the form that records a
//! measurement or corrects one.

use web_sys::Element;

use super::chart;
use super::dom::{
    add, button, clear, find, flag, new, reconcile, set_text, set_value, toggle, value,
};
use crate::model::{Benefit, BenefitEdit, BenefitId, Decimal, Measurement, MeasurementId};
use crate::ui::{clock, format};

/// Progress text and next measurement of `b`.
fn summary(b: &Benefit) -> (String, String, bool) {
    let text = match (b.progress_percent(), b.latest()) {
        (Some(p), Some(m)) => format!(
            "{} af vejen fra baseline ({}) til mål ({}): seneste måling {} den {}.",
            format::percent(p),
            b.baseline.map(Decimal::format_danish).unwrap_or_default(),
            b.target.map(Decimal::format_danish).unwrap_or_default(),
            m.value.format_danish(),
            format::date(m.date)
        ),
        (None, Some(_)) => {
            "Angiv baseline og mål (forskellige værdier) for at se fremdriften.".into()
        }
        _ => "Ingen målinger endnu.".into(),
    };
    match (b.measurement_due(clock::today()), b.next_measurement()) {
        (Some(d), _) => (
            text,
            format!("Måling forfalden siden {}.", format::date(d)),
            true,
        ),
        (None, Some(d)) => (
            text,
            format!("Næste måling senest {}.", format::date(d)),
            false,
        ),
        _ => (text, String::new(), false),
    }
}

/// Shows the measurements of `b` in the editor `aside`.
pub fn sync(aside: &Element, b: &Benefit) {
    let (text, next, due) = summary(b);
    let pct = b.progress_percent().map_or(0, |p| p.clamp(0, 100));
    if let Some(bar) = find(aside, ".measurements .progress-bar") {
        let _ = bar.set_attribute("style", &format!("--progress: {pct}%"));
    }
    if let (Some(p), Some(n)) = (
        find(aside, ".progress-summary"),
        find(aside, ".next-measurement"),
    ) {
        set_text(&p, &text);
        set_text(&n, &next);
        toggle(&n, "due", due);
    }
    if let Some(box_) = find(aside, ".chart-box") {
        // The profile's time stamp changes with its values and measurements.
        let sig = b.modified.0.to_string();
        if box_.get_attribute("data-sig").as_deref() != Some(sig.as_str()) {
            let _ = box_.set_attribute("data-sig", &sig);
            chart::render(&box_, b);
        }
    }
    if let Some(th) = find(aside, ".measurement-table th:nth-child(2)") {
        set_text(&th, format!("Værdi {}", b.unit).trim_end());
    }
    let Some(body) = find(aside, ".measurement-table tbody") else {
        return;
    };
    let rows: Vec<&Measurement> = b.measurements.iter().rev().collect();
    let keys: Vec<(String, String)> = rows
        .iter()
        .map(|m| (m.id.0.clone(), m.modified.0.to_string()))
        .collect();
    reconcile(&body, &keys, &|i| {
        let m = rows[i];
        let tr = new("tr", &[("data-id", m.id.as_str())]);
        let day = format::date(m.date);
        for (class, text) in [
            ("", day.as_str()),
            ("number", &m.value.format_danish()),
            ("", &m.measured_by),
            ("", &m.comment),
        ] {
            add(&tr, "td", &[("class", class), ("text", text)]);
        }
        let actions = add(&tr, "td", &[("class", "actions")]);
        let _ = button(&actions, "Ret", "m-fix", m.id.as_str(), "small")
            .set_attribute("aria-label", &format!("Ret målingen {day}"));
        let _ = button(&actions, "Slet", "m-delete", m.id.as_str(), "small danger")
            .set_attribute("aria-label", &format!("Slet målingen {day}"));
        tr
    });
}

/// Reads the measurement form of `aside` into the edit that records it
/// (or corrects the measurement being corrected).
pub fn read_form(aside: &Element, benefit: BenefitId) -> Result<BenefitEdit, String> {
    let get = |name: &str| {
        find(aside, &format!("[name=\"{name}\"]"))
            .map(|e| value(&e))
            .unwrap_or_default()
    };
    let Ok(Some(date)) = format::parse_danish_date(&get("measurement-date")) else {
        return Err("Skriv målingens dato som dd.mm.åååå, fx 01.03.2027.".into());
    };
    let value =
        Decimal::parse_danish(&get("measurement-value")).map_err(|e| format!("Værdi: {e}"))?;
    let correcting = find(aside, "form.measurement-form")
        .and_then(|f| f.get_attribute("data-id"))
        .filter(|id| !id.is_empty());
    let measurement = Measurement {
        id: MeasurementId(correcting.clone().unwrap_or_else(|| clock::new_id("m"))),
        date,
        value,
        comment: get("measurement-comment"),
        measured_by: get("measurement-by"),
        modified: clock::now(),
    };
    Ok(match correcting {
        Some(_) => BenefitEdit::UpdateMeasurement {
            benefit,
            measurement,
        },
        None => BenefitEdit::InsertMeasurement {
            benefit,
            measurement,
        },
    })
}

/// Fills the form with `m` to correct it, or (with `None`) empties it for a
/// new measurement, keeping who measures.
pub fn fill_form(aside: &Element, m: Option<&Measurement>) {
    let set = |name: &str, v: &str| {
        if let Some(e) = find(aside, &format!("[name=\"{name}\"]")) {
            set_value(&e, v);
        }
    };
    set(
        "measurement-date",
        &format::date(m.map_or_else(clock::today, |m| m.date)),
    );
    set(
        "measurement-value",
        &m.map(|m| m.value.format_danish()).unwrap_or_default(),
    );
    set("measurement-comment", m.map_or("", |m| &m.comment));
    if let Some(m) = m {
        set("measurement-by", &m.measured_by);
    }
    if let Some(form) = find(aside, "form.measurement-form") {
        let _ = form.set_attribute("data-id", m.map_or("", |m| m.id.as_str()));
        if let Some(submit) = find(&form, "button[type=submit]") {
            set_text(
                &submit,
                if m.is_some() {
                    "Gem rettelse"
                } else {
                    "Registrér måling"
                },
            );
        }
        if let Some(cancel) = find(&form, "[data-act=m-cancel]") {
            flag(&cancel, "hidden", m.is_none());
        }
    }
    if let Some(e) = find(aside, ".measurement-error") {
        clear(&e);
        flag(&e, "hidden", true);
    }
}
