//! The status report as a document: headings, facts and tables with every
//! text formatted in Danish. Both the page ([`super::view`]) and the
//! standalone HTML file ([`super::html`]) render this one structure, so they
//! always say the same.

use chrono::NaiveDate;

use super::super::format;
use crate::catalog;
use crate::model::{
    percent, sort_small, summarise, transition_label, Benefit, BenefitKind, BenefitType, Decimal,
    Plan, ReportActivity, StatusReport, TaskProgress, REPORT_PERIOD_DAYS,
};

/// A whole report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportDoc {
    /// Main heading.
    pub title: String,
    /// Key facts as (label, value).
    pub facts: Vec<(String, String)>,
    /// The sections in order.
    pub sections: Vec<DocSection>,
    /// Closing line.
    pub footer: String,
}

/// One section of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocSection {
    /// Stable key, used as `data-section` (e.g. "overdue").
    pub key: &'static str,
    /// Heading.
    pub heading: String,
    /// Text under the heading.
    pub lead: Option<String>,
    /// Tables (a section may have none).
    pub tables: Vec<DocTable>,
}

/// A table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocTable {
    /// Caption, if any.
    pub caption: Option<String>,
    /// Column headings.
    pub head: Vec<&'static str>,
    /// Rows.
    pub rows: Vec<DocRow>,
    /// Shown instead of the table when it has no rows.
    pub empty: &'static str,
}

/// A table row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocRow {
    /// What the row is about (`data-id`: activity id or main task number).
    pub key: String,
    /// Whether to stress the row (e.g. a main task that is behind).
    pub alert: bool,
    /// Cells, one per column.
    pub cells: Vec<DocCell>,
}

/// A table cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocCell {
    /// Text.
    Text(String),
    /// A number, right-aligned.
    Num(String),
    /// A progress bar: done and planned percent.
    Bar(u8, u8),
    /// A link-like button on the page reporting `act` about `key` (plain
    /// text in the standalone file).
    Act {
        /// The act.
        act: &'static str,
        /// What it is about.
        key: String,
        /// The text.
        label: String,
    },
    /// Buttons on the page as (act, key, label); left out of the standalone file.
    Acts(Vec<(&'static str, String, &'static str)>),
}

fn text(s: impl Into<String>) -> DocCell {
    DocCell::Text(s.into())
}

fn num(s: impl Into<String>) -> DocCell {
    DocCell::Num(s.into())
}

/// "42 %".
pub fn pct(p: u8) -> String {
    format!("{p} %")
}

fn who(r: &ReportActivity) -> DocCell {
    text(if r.responsible.is_empty() {
        "Ingen ansvarlig"
    } else {
        &r.responsible
    })
}

fn task(r: &ReportActivity) -> DocCell {
    text(format!("{}. {}", r.task.get(), catalog::task(r.task).name))
}

/// "F2 → F3: 42 % (3 ubesvarede, 1 ikke eller kun delvist opfyldt, 56 åbne
/// aktiviteter)": the readiness of leaving `phase`, each count agreeing
/// with its number.
fn readiness_line(phase: crate::model::Phase, r: &crate::model::Readiness) -> String {
    use crate::model::count;
    format!(
        "{}: {} ({}, {}, {})",
        transition_label(phase),
        r.score().map_or("–".to_string(), pct),
        count(r.unanswered, "ubesvaret", "ubesvarede"),
        count(
            r.unmet(),
            "ikke eller kun delvist opfyldt",
            "ikke eller kun delvist opfyldte"
        ),
        count(
            r.open_activities.len(),
            "åben aktivitet",
            "åbne aktiviteter"
        )
    )
}

/// Builds the document of `report` on `plan`, made on `today`.
pub fn build(plan: &Plan, report: &StatusReport, today: NaiveDate) -> ReportDoc {
    let date = report.date;
    let (total, done, planned) = TaskProgress::sum(&report.progress);
    let readiness = match (report.stage.phase(), &report.readiness) {
        (Some(phase), Some(r)) => readiness_line(phase, r),
        _ => "Planen er afsluttet".to_string(),
    };
    let facts = vec![
        ("Rapportdato".to_string(), format::date(date)),
        ("Kommune".to_string(), plan.kommune()),
        (
            "Løsning".to_string(),
            match plan.solution.long_name() {
                Some(long) => format!("{} ({long})", plan.solution.name()),
                None => plan.solution.name().to_string(),
            },
        ),
        ("Aktuel fase".to_string(), report.stage.label()),
        // The answers and open activities are today's (no history of them
        // is kept), as with the blocked activities.
        (
            if date < today { "Parathed nu" } else { "Parathed" }.to_string(),
            readiness,
        ),
        ("Go-live".to_string(), format::date(plan.go_live)),
        (
            "Samlet fremdrift".to_string(),
            format!(
                "{done} af {total} aktiviteter færdige ({}); planlagt færdige pr. {}: {planned} ({})",
                pct(percent(done, total)),
                format::date(date),
                pct(percent(planned, total))
            ),
        ),
    ];
    let mut sections = vec![
        progress_section(report),
        overdue_section(report),
        blocked_section(report, today),
        changes_section(plan, report),
        milestones_section(report),
        upcoming_section(report),
    ];
    sections.extend(benefit_section(plan, date));
    ReportDoc {
        title: format!("Statusrapport {} · {}", format::date(date), plan.title()),
        facts,
        sections,
        footer: format!(
            "Udarbejdet med Implan {} efter KOMBITs Implementeringsmodel.",
            format::date(today)
        ),
    }
}

fn progress_section(report: &StatusReport) -> DocSection {
    DocSection {
        key: "progress",
        heading: "Fremdrift pr. hovedopgave".to_string(),
        lead: Some(format!(
            "Færdige aktiviteter mod planlagt færdige pr. {} (frist senest den dag). Udgåede aktiviteter tæller ikke med; hovedopgaver, der er bagud, er markeret.",
            format::date(report.date)
        )),
        tables: vec![progress_table(&report.progress, false)],
    }
}

/// Progress per main task with a total row; with `links`, main task names
/// are buttons reporting act "task".
pub fn progress_table(progress: &[TaskProgress], links: bool) -> DocTable {
    let row =
        |key: String, name: String, total: usize, done: usize, planned: usize, alert: bool| {
            let (d, p) = (percent(done, total), percent(planned, total));
            let name = if links && key != "total" {
                DocCell::Act {
                    act: "task",
                    key: key.clone(),
                    label: name,
                }
            } else {
                text(name)
            };
            DocRow {
                key,
                alert,
                cells: vec![
                    name,
                    num(total.to_string()),
                    num(done.to_string()),
                    num(planned.to_string()),
                    num(pct(d)),
                    num(pct(p)),
                    DocCell::Bar(d, p),
                ],
            }
        };
    let mut rows: Vec<DocRow> = progress
        .iter()
        .map(|r| {
            let name = format!("{}. {}", r.task.get(), catalog::task(r.task).name);
            row(
                r.task.get().to_string(),
                name,
                r.total,
                r.done,
                r.planned,
                r.behind(),
            )
        })
        .collect();
    let (total, done, planned) = TaskProgress::sum(progress);
    rows.push(row(
        "total".to_string(),
        "I alt".to_string(),
        total,
        done,
        planned,
        false,
    ));
    DocTable {
        caption: None,
        head: vec![
            "Hovedopgave",
            "Aktiviteter",
            "Færdige",
            "Planlagt færdige",
            "Færdig",
            "Planlagt",
            "Fremdrift",
        ],
        rows,
        empty: "Ingen aktiviteter.",
    }
}

/// The phase history: one row per decision, oldest first.
pub fn history_table(plan: &Plan) -> DocTable {
    DocTable {
        caption: None,
        head: vec![
            "Dato",
            "Overgang",
            "Besluttet af",
            "Parathed",
            "Begrundelse / kommentar",
        ],
        rows: plan
            .phase_history
            .iter()
            .map(|d| {
                let score = d.score.map_or("–".to_string(), pct);
                let state = if d.overridden {
                    format!(
                        "{score} · gået videre trods {}",
                        crate::model::count(
                            d.outstanding as usize,
                            "manglende punkt",
                            "manglende punkter"
                        )
                    )
                } else {
                    format!("{score} · tjeklisten var komplet")
                };
                DocRow {
                    key: d.id.as_str().to_string(),
                    alert: d.overridden,
                    cells: vec![
                        text(format::date(d.date)),
                        text(transition_label(d.from)),
                        text(d.decided_by.clone()),
                        text(state),
                        text(d.reason.clone()),
                    ],
                }
            })
            .collect(),
        empty: "Ingen faseovergange registreret endnu. Registrér dem under Opfølgning.",
    }
}

/// The saved reports, newest first, with buttons to delete them and to
/// compare the report on `until` with those dated on or before it.
pub fn saved_table(plan: &Plan, until: Option<NaiveDate>) -> DocTable {
    let mut list: Vec<_> = plan.reports.iter().collect();
    sort_small(&mut list, |r| std::cmp::Reverse((r.date, r.modified)));
    DocTable {
        caption: None,
        head: vec!["Rapportdato", "Gemt", "Fase", "Parathed", ""],
        rows: list
            .into_iter()
            .map(|r| {
                let key = r.id.as_str().to_string();
                let mut acts = Vec::new();
                if until.is_some_and(|u| r.date <= u) {
                    acts.push(("compare", key.clone(), "Sammenlign med denne"));
                }
                acts.push(("delete", key.clone(), "Slet"));
                DocRow {
                    key,
                    alert: false,
                    cells: vec![
                        text(format::date(r.date)),
                        // With the time: reports saved the same day differ.
                        text(format::timestamp(r.modified)),
                        text(r.stage.label()),
                        num(r.readiness.map_or("–".to_string(), pct)),
                        DocCell::Acts(acts),
                    ],
                }
            })
            .collect(),
        empty: "Ingen gemte rapporter endnu.",
    }
}

fn overdue_section(report: &StatusReport) -> DocSection {
    let rows = report
        .overdue
        .iter()
        .map(|a| {
            let late = a.due.map_or(0, |d| (report.date - d).num_days());
            DocRow {
                key: a.id.as_str().to_string(),
                alert: false,
                cells: vec![
                    text(a.title.clone()),
                    task(a),
                    text(a.phase.map_or("", |p| p.code())),
                    text(format::opt_date(a.due)),
                    num(late.to_string()),
                    who(a),
                ],
            }
        })
        .collect();
    DocSection {
        key: "overdue",
        heading: format!("Forsinkede aktiviteter ({})", report.overdue.len()),
        lead: None,
        tables: vec![DocTable {
            caption: None,
            head: vec![
                "Aktivitet",
                "Hovedopgave",
                "Fase",
                "Frist",
                "Dage forsinket",
                "Ansvarlig",
            ],
            rows,
            empty: "Ingen forsinkede aktiviteter.",
        }],
    }
}

/// The blocked activities. The plan keeps no history of statuses, so for a
/// reporting date before `today` the list shows today's status and says so
/// rather than passing it off as the status on the reporting date.
fn blocked_section(report: &StatusReport, today: NaiveDate) -> DocSection {
    let n = report.blocked.len();
    let (heading, lead) = if report.date < today {
        (
            format!("Blokeret nu ({n})"),
            Some(format!(
                "Status i dag {}, ikke pr. rapportdatoen {}: Implan gemmer ikke, hvornår en aktivitet blev blokeret eller frigjort.",
                format::date(today),
                format::date(report.date)
            )),
        )
    } else {
        (format!("Blokerede aktiviteter ({n})"), None)
    };
    DocSection {
        key: "blocked",
        heading,
        lead,
        tables: vec![activity_table(
            &report.blocked,
            "Ingen blokerede aktiviteter.",
        )],
    }
}

fn activity_table(list: &[ReportActivity], empty: &'static str) -> DocTable {
    DocTable {
        caption: None,
        head: vec!["Aktivitet", "Hovedopgave", "Frist", "Ansvarlig"],
        rows: list
            .iter()
            .map(|a| DocRow {
                key: a.id.as_str().to_string(),
                alert: false,
                cells: vec![
                    text(a.title.clone()),
                    task(a),
                    text(format::opt_date(a.due)),
                    who(a),
                ],
            })
            .collect(),
        empty,
    }
}

/// Why a report is not compared with a saved one: none is saved on or
/// before its date, the only ones are from the reporting date itself (the
/// default compares with earlier ones only), or none was chosen.
fn no_comparison_lead(plan: &Plan, date: NaiveDate) -> String {
    if plan.reports.iter().any(|r| r.date < date) {
        "Rapporten er ikke sammenlignet med en gemt rapport. Vælg en under «Sammenlign med» for at se, hvad der er ændret siden da.".to_string()
    } else if plan.reports.iter().any(|r| r.date == date) {
        let same_day = plan.reports.iter().filter(|r| r.date == date).count();
        let (which, it) = if same_day == 1 {
            ("Den gemte rapport", "den")
        } else {
            ("De gemte rapporter", "en af dem")
        };
        format!(
            "Rapporten er ikke sammenlignet med en gemt rapport. {which} fra {} er fra rapportdatoen selv; vælg {it} under «Sammenlign med» for at se, hvad der er ændret, siden den blev gemt.",
            format::date(date)
        )
    } else {
        "Der er ingen tidligere gemt rapport at sammenligne med. Gem denne rapport i planen, så den næste kan vise, hvad der er ændret.".to_string()
    }
}

fn changes_section(plan: &Plan, report: &StatusReport) -> DocSection {
    let Some(c) = &report.changes else {
        return DocSection {
            key: "changes",
            heading: "Ændringer siden sidste rapport".to_string(),
            lead: Some(no_comparison_lead(plan, report.date)),
            tables: Vec::new(),
        };
    };
    let simple = |caption: String, list: &[ReportActivity]| DocTable {
        caption: Some(caption),
        head: vec!["Aktivitet", "Hovedopgave"],
        rows: list
            .iter()
            .map(|a| DocRow {
                key: a.id.as_str().to_string(),
                alert: false,
                cells: vec![text(a.title.clone()), task(a)],
            })
            .collect(),
        empty: "Ingen.",
    };
    let moved = DocTable {
        caption: Some(format!("Flyttede datoer ({})", c.moved.len())),
        head: vec![
            "Aktivitet",
            "Hovedopgave",
            "Før (start – frist)",
            "Nu (start – frist)",
            "Frist flyttet",
        ],
        rows: c
            .moved
            .iter()
            .map(|m| {
                let span = |(s, d): (Option<NaiveDate>, Option<NaiveDate>)| format::date_span(s, d);
                let shift = m
                    .due_shift()
                    .map_or("–".to_string(), |n| format!("{n:+} dage"));
                DocRow {
                    key: m.activity.id.as_str().to_string(),
                    alert: m.due_shift().is_some_and(|n| n > 0),
                    cells: vec![
                        text(m.activity.title.clone()),
                        task(&m.activity),
                        text(span(m.before)),
                        text(span(m.after)),
                        num(shift),
                    ],
                }
            })
            .collect(),
        empty: "Ingen.",
    };
    let mut tables = vec![
        simple(
            format!("Færdiggjort siden ({})", c.completed.len()),
            &c.completed,
        ),
        moved,
    ];
    if !c.added.is_empty() {
        tables.push(simple(
            format!("Nye aktiviteter ({})", c.added.len()),
            &c.added,
        ));
    }
    if !c.removed.is_empty() {
        tables.push(simple(
            format!("Slettede aktiviteter ({})", c.removed.len()),
            &c.removed,
        ));
    }
    DocSection {
        key: "changes",
        heading: format!("Ændringer siden rapporten {}", format::date(c.since)),
        lead: None,
        tables,
    }
}

fn milestones_section(report: &StatusReport) -> DocSection {
    DocSection {
        key: "milestones",
        heading: "Kommende milepæle".to_string(),
        lead: None,
        tables: vec![DocTable {
            caption: None,
            head: vec!["Dato", "Milepæl"],
            rows: report
                .milestones
                .iter()
                .map(|m| DocRow {
                    key: crate::model::iso_date(m.date),
                    alert: false,
                    cells: vec![
                        text(format!(
                            "{} ({})",
                            format::date(m.date),
                            format::week(m.date)
                        )),
                        text(m.label.clone()),
                    ],
                })
                .collect(),
            empty: "Ingen kommende milepæle.",
        }],
    }
}

fn upcoming_section(report: &StatusReport) -> DocSection {
    DocSection {
        key: "upcoming",
        heading: format!(
            "Frister de næste {REPORT_PERIOD_DAYS} dage ({})",
            report.upcoming.len()
        ),
        lead: Some(format!(
            "Ikke færdige aktiviteter med frist fra rapportdatoen og {REPORT_PERIOD_DAYS} dage frem."
        )),
        tables: vec![activity_table(
            &report.upcoming,
            "Ingen frister i perioden.",
        )],
    }
}

/// Benefit status on `date` (gevinstrealisering): one row per profile with
/// owner, baseline, target, the latest measurement on or before the date and
/// progress; a row is stressed when a measurement is due or the value moved
/// away from the target. The lead sums Økonomisk råderum in kr. per year and
/// counts due measurements. Nothing when the plan has no profiles.
fn benefit_section(plan: &Plan, date: NaiveDate) -> Option<DocSection> {
    if plan.benefits.is_empty() {
        return None;
    }
    let benefits: Vec<Benefit> = plan.benefits.iter().map(|b| b.as_of(date)).collect();
    let value = |v: Option<Decimal>, d: Option<NaiveDate>, unit: &str| match (v, d) {
        (Some(v), Some(d)) => format!("{} {unit} ({})", v.format_danish(), format::date(d)),
        (Some(v), None) => format!("{} {unit}", v.format_danish()),
        (None, _) => "–".to_string(),
    };
    let due = benefits
        .iter()
        .filter(|b| b.measurement_due(date).is_some())
        .count();
    let money = summarise(&benefits, BenefitType::OekonomiskRaaderum);
    let mut lead = format!(
        "{}; forfaldne målinger: {due}.",
        crate::model::count(benefits.len(), "gevinstprofil", "gevinstprofiler")
    );
    if money.expected_kr.1 > 0 {
        lead.push_str(&format!(
            " Økonomisk råderum: forventet {} pr. år, målt {} pr. år.",
            money.expected_kr.0.format_kr(),
            money.measured_kr.0.format_kr()
        ));
    }
    let rows = benefits
        .iter()
        .map(|b| {
            let progress = b.progress_percent();
            let due = b.measurement_due(date);
            let name = match b.kind {
                BenefitKind::Gevinst => format!("{} ({})", b.name, b.benefit_type.label()),
                BenefitKind::Ulempe => {
                    format!("{} ({}, ulempe)", b.name, b.benefit_type.label())
                }
            };
            let latest = b.latest().map_or("Ingen".to_string(), |m| {
                value(Some(m.value), Some(m.date), b.unit.trim())
            });
            DocRow {
                key: b.id.as_str().to_string(),
                alert: due.is_some() || progress.is_some_and(|p| p < 0),
                cells: vec![
                    text(name),
                    text(if b.owner.trim().is_empty() {
                        "Mangler".to_string()
                    } else {
                        b.owner.clone()
                    }),
                    text(value(b.baseline, b.baseline_date, b.unit.trim())),
                    text(value(b.target, b.target_date, b.unit.trim())),
                    text(match due {
                        Some(d) => format!("{latest}; måling forfalden {}", format::date(d)),
                        None => latest,
                    }),
                    num(progress.map_or("–".to_string(), format::percent)),
                ],
            }
        })
        .collect();
    Some(DocSection {
        key: "benefits",
        heading: format!("Gevinster ({})", benefits.len()),
        lead: Some(lead),
        tables: vec![DocTable {
            caption: None,
            head: vec![
                "Gevinst",
                "Gevinstejer",
                "Baseline",
                "Mål",
                "Seneste måling",
                "Fremdrift",
            ],
            rows,
            empty: "Ingen gevinstprofiler.",
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PlanId, PlanSetup, Solution, Status, Timestamp};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    /// A Vejle KY plan from the template, F1 from 01.09.2026.
    fn vejle() -> Plan {
        let setup = PlanSetup {
            id: PlanId("p".to_string()),
            municipality: "Vejle".to_string(),
            solution: Solution::Ky,
            go_live: d(2027, 3, 1),
            f1_start: d(2026, 9, 1),
            phases: None,
        };
        Plan::from_template(setup, Timestamp(1_767_225_600_000)).unwrap()
    }

    fn blocked(plan: &Plan, date: NaiveDate, today: NaiveDate) -> DocSection {
        let doc = build(plan, &plan.status_report(date, None), today);
        doc.sections
            .into_iter()
            .find(|s| s.key == "blocked")
            .expect("a blocked section")
    }

    #[test]
    fn blocked_on_a_past_date_is_labelled_as_todays_status() {
        let mut plan = vejle();
        plan.activities[0].status = Status::Blokeret;
        let today = d(2026, 10, 15);
        let now = blocked(&plan, today, today);
        assert_eq!(now.heading, "Blokerede aktiviteter (1)");
        assert_eq!(now.lead, None);
        assert_eq!(blocked(&plan, d(2026, 10, 16), today).lead, None);
        let past = blocked(&plan, d(2026, 10, 1), today);
        assert_eq!(past.heading, "Blokeret nu (1)");
        assert_eq!(
            past.lead.as_deref(),
            Some("Status i dag 15.10.2026, ikke pr. rapportdatoen 01.10.2026: Implan gemmer ikke, hvornår en aktivitet blev blokeret eller frigjort.")
        );
        assert_eq!(past.tables[0].rows.len(), 1);
    }

    /// The lead of the changes section of a report on `date`, compared as
    /// "Sammenlign med" does by default.
    fn changes_lead(plan: &Plan, date: NaiveDate) -> String {
        let doc = build(
            plan,
            &plan.status_report(date, plan.previous_report(date)),
            date,
        );
        doc.sections
            .into_iter()
            .find(|s| s.key == "changes")
            .and_then(|s| s.lead)
            .unwrap_or_default()
    }

    #[test]
    fn without_a_comparison_the_changes_say_whether_a_report_is_saved() {
        let mut plan = vejle();
        let date = d(2026, 10, 15);
        assert!(changes_lead(&plan, date).starts_with("Der er ingen tidligere gemt rapport"));
        // Saved on the reporting date itself: not compared by default, and
        // not called missing either.
        let snapshot = plan.snapshot(crate::model::ReportId("same".into()), date, Timestamp(0));
        plan.reports.push(snapshot);
        assert_eq!(
            changes_lead(&plan, date),
            "Rapporten er ikke sammenlignet med en gemt rapport. Den gemte rapport fra 15.10.2026 er fra rapportdatoen selv; vælg den under «Sammenlign med» for at se, hvad der er ændret, siden den blev gemt."
        );
        // A report dated later is no comparison for an earlier date.
        assert!(
            changes_lead(&plan, d(2026, 10, 1)).starts_with("Der er ingen tidligere gemt rapport")
        );
        // With an earlier report saved, no comparison means none was chosen.
        let report = plan.status_report(d(2026, 11, 1), None);
        let doc = build(&plan, &report, d(2026, 11, 1));
        let lead = doc
            .sections
            .into_iter()
            .find(|s| s.key == "changes")
            .and_then(|s| s.lead);
        assert_eq!(
            lead.as_deref(),
            Some("Rapporten er ikke sammenlignet med en gemt rapport. Vælg en under «Sammenlign med» for at se, hvad der er ændret siden da.")
        );
    }

    #[test]
    fn reports_saved_the_same_day_are_told_apart_by_the_time_they_were_saved() {
        let mut plan = vejle();
        let date = d(2026, 10, 15);
        // 15.10.2026 at 09.00 and 14.30 in Danish summer time (UTC+2).
        for (id, at) in [("a", 1_792_047_600_000), ("b", 1_792_067_400_000)] {
            let snapshot = plan.snapshot(crate::model::ReportId(id.into()), date, Timestamp(at));
            plan.reports.push(snapshot);
        }
        let saved: Vec<String> = saved_table(&plan, Some(date))
            .rows
            .iter()
            .map(|r| match &r.cells[1] {
                DocCell::Text(t) => t.clone(),
                _ => panic!("the saved time is text"),
            })
            .collect();
        assert_eq!(saved, ["15.10.2026 kl. 14.30", "15.10.2026 kl. 09.00"]);
    }

    #[test]
    fn readiness_counts_one_item_in_the_singular() {
        let one = crate::model::Readiness {
            items: 3,
            opfyldt: 1,
            delvist: 1,
            unanswered: 1,
            open_activities: vec![crate::model::ActivityId("a".into())],
            ..Default::default()
        };
        assert_eq!(
            readiness_line(crate::model::Phase::F2, &one),
            "F2 → F3: 50 % (1 ubesvaret, 1 ikke eller kun delvist opfyldt, 1 åben aktivitet)"
        );
        let many = crate::model::Readiness {
            items: 6,
            ikke_opfyldt: 2,
            unanswered: 4,
            ..Default::default()
        };
        assert_eq!(
            readiness_line(crate::model::Phase::F2, &many),
            "F2 → F3: 0 % (4 ubesvarede, 2 ikke eller kun delvist opfyldte, 0 åbne aktiviteter)"
        );
    }

    #[test]
    fn the_benefit_lead_counts_one_profile_in_the_singular() {
        let mut plan = vejle();
        plan.benefits.push(Benefit::new(
            crate::model::BenefitId("g".into()),
            "Kortere svartid",
            BenefitType::Service,
            BenefitKind::Gevinst,
            Timestamp(0),
        ));
        let section = benefit_section(&plan, d(2026, 10, 15)).expect("a benefit section");
        assert_eq!(
            section.lead.as_deref(),
            Some("1 gevinstprofil; forfaldne målinger: 0.")
        );
    }

    #[test]
    fn readiness_on_a_past_date_is_labelled_as_todays_answers() {
        let plan = vejle();
        let today = d(2026, 10, 15);
        let label = |date| {
            let doc = build(&plan, &plan.status_report(date, None), today);
            doc.facts
                .iter()
                .map(|(label, _)| label.clone())
                .find(|l| l.starts_with("Parathed"))
        };
        assert_eq!(label(today).as_deref(), Some("Parathed"));
        assert_eq!(label(d(2026, 10, 1)).as_deref(), Some("Parathed nu"));
    }

    #[test]
    fn a_saved_report_dated_after_the_report_is_not_offered_for_comparison() {
        let mut plan = vejle();
        for (id, date) in [("early", d(2026, 10, 1)), ("late", d(2026, 11, 1))] {
            let snapshot = plan.snapshot(crate::model::ReportId(id.into()), date, Timestamp(0));
            plan.reports.push(snapshot);
        }
        let acts = |until| {
            saved_table(&plan, until)
                .rows
                .into_iter()
                .map(|r| match r.cells.last() {
                    Some(DocCell::Acts(a)) => (r.key, a.iter().map(|a| a.0).collect::<Vec<_>>()),
                    _ => panic!("no buttons in the last cell"),
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            acts(Some(d(2026, 10, 15))),
            vec![
                ("late".to_string(), vec!["delete"]),
                ("early".to_string(), vec!["compare", "delete"]),
            ]
        );
        assert_eq!(
            acts(Some(d(2026, 11, 1)))[0],
            ("late".to_string(), vec!["compare", "delete"])
        );
        assert!(acts(None).iter().all(|(_, a)| a == &vec!["delete"]));
    }
}
