//! What the user sees at a glance above the register: due measurements
//! ("Forfaldne målinger"), profiles without owner, accountable director,
//! baseline, target or measurement dates, and a summary per benefit type
//! with the yearly amounts of Økonomisk råderum in kr.

use chrono::NaiveDate;
use web_sys::Element;

use super::dom::{add, button, clear, flag};
use crate::model::{summarise, Benefit, BenefitCheck, BenefitType, Decimal};
use crate::ui::format;

/// The groups of the check panel: (class, heading).
const GROUPS: [(&str, &str); 6] = [
    ("due", "Forfaldne målinger"),
    ("owner", "Uden gevinstejer"),
    ("accountable", "Uden gevinstansvarlig"),
    ("baseline", "Uden baseline"),
    ("target", "Uden mål"),
    ("frequency", "Uden målefrekvens (ingen måledatoer)"),
];

/// Fills the check panel `section` (hidden without profiles).
pub fn render_checks(section: &Element, benefits: &[Benefit], today: NaiveDate) {
    clear(section);
    flag(section, "hidden", benefits.is_empty());
    add(section, "h2", &[("id", "checks-heading"), ("text", "Tjek")]);
    let mut groups: Vec<Vec<(&Benefit, String)>> = vec![Vec::new(); GROUPS.len()];
    for b in benefits {
        for check in b.checks(today) {
            let (index, text) = match check {
                BenefitCheck::MeasurementDue(d) => {
                    (0, format!("{} – forfalden {}", b.name, format::date(d)))
                }
                BenefitCheck::NoOwner => (1, b.name.clone()),
                BenefitCheck::NoAccountable => (2, b.name.clone()),
                BenefitCheck::NoBaseline => (3, b.name.clone()),
                BenefitCheck::NoTarget => (4, b.name.clone()),
                BenefitCheck::NoFrequency => (5, b.name.clone()),
            };
            groups[index].push((b, text));
        }
    }
    if groups.iter().all(Vec::is_empty) {
        let text = "Alle gevinster har ejer, ansvarlig, baseline, mål og målefrekvens, og ingen målinger er forfaldne.";
        add(section, "p", &[("class", "all-good"), ("text", text)]);
    }
    for ((class, title), items) in GROUPS
        .iter()
        .zip(groups)
        .filter(|(_, items)| !items.is_empty())
    {
        let group = add(
            section,
            "div",
            &[("class", &format!("check-group check-{class}"))],
        );
        add(
            &group,
            "h3",
            &[("text", &format!("{title} ({})", items.len()))],
        );
        let list = add(&group, "ul", &[]);
        for (b, text) in items {
            button(&add(&list, "li", &[]), &text, "open", b.id.as_str(), "link");
        }
    }
}

/// Fills the summary table body `tbody`.
pub fn render_summary(tbody: &Element, benefits: &[Benefit]) {
    clear(tbody);
    for t in BenefitType::ALL {
        let s = summarise(benefits, t);
        let money = t == BenefitType::OekonomiskRaaderum;
        let kr = |(sum, n): (Decimal, usize)| match (money, n) {
            (false, _) => String::new(),
            (true, 0) => "–".to_string(),
            (true, _) => sum.format_kr(),
        };
        let tr = add(tbody, "tr", &[("data-type", t.key())]);
        let th = add(&tr, "th", &[("scope", "row"), ("text", t.label())]);
        add(
            &th,
            "span",
            &[("class", "type-help"), ("text", t.explanation())],
        );
        let progress = s
            .mean_progress_percent()
            .map(crate::ui::format::percent)
            .unwrap_or_else(|| "–".into());
        let cells = [
            ("", s.benefits.to_string()),
            ("", s.drawbacks.to_string()),
            ("", s.measured.to_string()),
            ("", progress),
            ("kr expected", kr(s.expected_kr)),
            ("kr measured", kr(s.measured_kr)),
        ];
        for (class, text) in cells {
            add(&tr, "td", &[("class", class), ("text", &text)]);
        }
    }
}
