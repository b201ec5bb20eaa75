//! The side panel editing one benefit profile: every field of the profile,
//! its links to main tasks and activities, and its measurements. Built
//! once per opened profile ([`build`]) and kept up to date ([`sync`]);
//! the profiles tab turns its events into edits ([`change_of`]).

use web_sys::Element;

use super::dom::{find, flag, set_text, set_value, template};
use super::templates::EDITOR;
use super::{links, measurements};
use crate::model::{
    ActivityId, Benefit, BenefitChange, BenefitKind, BenefitType, Decimal, Frequency, TaskNo,
};
use crate::ui::format;

/// The text fields of the profile.
/// Fields that take effect when committed (change or blur), not on every
/// keystroke: choices, numbers and dates.
pub(super) const COMMITTED: [&str; 7] = [
    "type",
    "kind",
    "frequency",
    "baseline",
    "target",
    "baseline-date",
    "target-date",
];

const TEXTS: [&str; 7] = [
    "name",
    "description",
    "owner",
    "accountable",
    "indicator",
    "unit",
    "method",
];

/// Builds the editor of profile `id` into `slot`.
pub fn build(slot: &Element, id: &str) {
    template(slot, EDITOR);
    let Some(aside) = find(slot, "aside") else {
        return;
    };
    let _ = aside.set_attribute("data-id", id);
    if let Some(delete) = find(&aside, "[data-act=delete]") {
        let _ = delete.set_attribute("data-id", id);
    }
    if let Some(form) = find(&aside, "form.editor-form") {
        links::build(&form, "Afhænger af hovedopgaver og aktiviteter");
    }
    measurements::fill_form(&aside, None);
}

fn text_of(b: &Benefit, name: &str) -> String {
    match name {
        "name" => b.name.clone(),
        "description" => b.description.clone(),
        "owner" => b.owner.clone(),
        "accountable" => b.accountable.clone(),
        "indicator" => b.indicator.clone(),
        "unit" => b.unit.clone(),
        "method" => b.method.clone(),
        "type" => b.benefit_type.key().into(),
        "kind" => b.kind.key().into(),
        "frequency" => b.frequency.map(|f| f.key()).unwrap_or_default().into(),
        "baseline" => b.baseline.map(Decimal::format_danish).unwrap_or_default(),
        "target" => b.target.map(Decimal::format_danish).unwrap_or_default(),
        "baseline-date" => b.baseline_date.map(format::date).unwrap_or_default(),
        "target-date" => b.target_date.map(format::date).unwrap_or_default(),
        _ => String::new(),
    }
}

/// Shows `b` in the editor `aside`.
pub fn sync(aside: &Element, b: &Benefit, options: &[(ActivityId, TaskNo, String)]) {
    let names = TEXTS.iter().copied().chain(COMMITTED);
    for name in names {
        // A field showing an error keeps the text the user is correcting.
        let refused = find(aside, &format!("[data-for=\"{name}\"]:not([hidden])")).is_some();
        if let (Some(el), false) = (find(aside, &format!("[name=\"{name}\"]")), refused) {
            set_value(&el, &text_of(b, name));
        }
    }
    if let Some(p) = find(aside, ".type-explanation") {
        set_text(
            &p,
            &format!(
                "{}: {}.",
                b.benefit_type.label(),
                b.benefit_type.explanation()
            ),
        );
    }
    if let Some(fs) = find(aside, "fieldset.links") {
        links::sync(&fs, &b.tasks, &b.activities, options);
    }
    measurements::sync(aside, b);
}

/// Shows `message` under the number or date field `name` (none when empty).
pub fn field_error(aside: &Element, name: &str, message: &str) {
    if let Some(el) = find(aside, &format!("[data-for=\"{name}\"]")) {
        set_text(&el, message);
        flag(&el, "hidden", message.is_empty());
    }
}

/// The change an input or change event on field `name` (with value `v`)
/// makes to `b`; `Err` with a Danish message when the value is unreadable,
/// `None` for other fields or no change.
pub fn change_of(name: &str, v: String, b: &Benefit) -> Option<Result<BenefitChange, String>> {
    let number = |v: &str| {
        if v.trim().is_empty() {
            Ok(None)
        } else {
            Decimal::parse_danish(v)
                .map(Some)
                .map_err(|e| e.to_string())
        }
    };
    let date = |v: &str| {
        format::parse_danish_date(v)
            .map_err(|()| "Ukendt dato. Skriv den som dd.mm.åååå, fx 24.12.2026.".to_string())
    };
    let change = match name {
        "name" => BenefitChange::Name(v),
        "description" => BenefitChange::Description(v),
        "owner" => BenefitChange::Owner(v),
        "accountable" => BenefitChange::Accountable(v),
        "indicator" => BenefitChange::Indicator(v),
        "unit" => BenefitChange::Unit(v),
        "method" => BenefitChange::Method(v),
        "type" => BenefitChange::Type(BenefitType::from_key(&v)?),
        "kind" => BenefitChange::Kind(BenefitKind::from_key(&v)?),
        "frequency" => BenefitChange::Frequency(Frequency::from_key(&v)),
        "baseline" | "target" | "baseline-date" | "target-date" => {
            let (value, day) = if name.starts_with("baseline") {
                (b.baseline, b.baseline_date)
            } else {
                (b.target, b.target_date)
            };
            let (value, day) = if name.ends_with("date") {
                (
                    value,
                    match date(&v) {
                        Ok(d) => d,
                        Err(e) => return Some(Err(e)),
                    },
                )
            } else {
                (
                    match number(&v) {
                        Ok(n) => n,
                        Err(e) => return Some(Err(e)),
                    },
                    day,
                )
            };
            if name.starts_with("baseline") {
                if (value, day) == (b.baseline, b.baseline_date) {
                    return None;
                }
                BenefitChange::Baseline { value, date: day }
            } else {
                if (value, day) == (b.target, b.target_date) {
                    return None;
                }
                BenefitChange::Target { value, date: day }
            }
        }
        _ => return None,
    };
    Some(Ok(change))
}
