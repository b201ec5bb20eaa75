use chrono::NaiveDate;

use super::*;
use crate::model::{BenefitKind, Column, Stage};
use crate::schema;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Noon (UTC) of `today`: the example is built then, as in the app.
fn noon(today: NaiveDate) -> Timestamp {
    let noon = today.and_hms_opt(12, 0, 0).expect("a valid time");
    Timestamp(noon.and_utc().timestamp_millis())
}

fn build(key: &str, today: NaiveDate) -> Plan {
    build_example(key, PlanId("p-x".into()), noon(today), today).expect("example builds")
}

#[test]
fn every_example_builds_on_many_days_and_stays_in_its_phase() {
    for story in examples() {
        for offset in [0, 37, 100, 365, 1000] {
            let today = day(2026, 1, 1) + Duration::days(offset);
            let plan = build(story.key, today);
            assert_eq!(plan.stage, Stage::In(story.stage), "{}", story.key);
            assert_eq!(plan.phase_at(today), Some(story.stage), "{}", story.key);
            assert_eq!(plan.example.as_deref(), Some(story.key));
            assert_eq!(plan.phase_history.len(), story.stage.index());
            let overdue = plan
                .activities
                .iter()
                .filter(|a| a.is_overdue(today))
                .count();
            assert!(overdue >= 3, "{} has {overdue} overdue", story.key);
            let done = plan.activities.iter().filter(|a| a.is_done()).count();
            assert!(done > 20, "{} has {done} done", story.key);
            assert!(plan.activities.iter().all(|a| !a.responsible.is_empty()));
        }
    }
}

#[test]
fn nothing_in_an_example_is_dated_after_the_day_it_is_opened() {
    // Answers, decisions and measurements are recorded once made.
    for story in examples() {
        for offset in [0, 37, 100, 365, 1000] {
            let today = day(2026, 1, 1) + Duration::days(offset);
            let plan = build(story.key, today);
            for item in plan.checklists.iter().flat_map(|c| &c.items) {
                assert!(
                    item.answered_on.is_none_or(|d| d <= today),
                    "{} on {today}: {} answered {:?}",
                    story.key,
                    item.id.as_str(),
                    item.answered_on
                );
            }
            assert!(plan.phase_history.iter().all(|d| d.date <= today));
            let measured = plan.benefits.iter().flat_map(|b| &b.measurements);
            assert!(measured.clone().all(|m| m.date <= today), "{}", story.key);
        }
    }
}

#[test]
fn the_f2_example_is_half_way_through_f2() {
    let today = day(2026, 6, 15);
    let plan = build("aabakke-ky", today);
    let f2 = plan.window(Phase::F2);
    let half = f2.start + Duration::days(f2.days() / 2);
    assert!((today - half).num_days().abs() <= 2, "{today} vs {half}");
    assert!(plan.activities.iter().any(|a| a.status == Status::Blokeret));
    // The left phases' checklists are answered; F2's partly.
    assert!(plan
        .checklist(Phase::F1)
        .items
        .iter()
        .all(|i| i.answer.is_some()));
    let f2_answered = plan
        .checklist(Phase::F2)
        .items
        .iter()
        .filter(|i| i.answer.is_some())
        .count();
    assert_eq!(f2_answered, 3);
}

#[test]
fn examples_have_benefits_with_measurements_and_a_linked_map() {
    for story in examples() {
        let plan = build(story.key, day(2026, 3, 2));
        assert_eq!(plan.benefits.len(), story.benefits.len());
        assert!(plan
            .benefits
            .iter()
            .all(|b| b.baseline.is_some() && b.target.is_some()));
        assert!(plan.benefits.iter().any(|b| !b.measurements.is_empty()));
        assert!(plan.benefit_map.arrows.len() >= 10);
        let linked = plan
            .benefit_map
            .nodes
            .iter()
            .filter(|n| n.column == Column::Gevinster && n.benefit.is_some())
            .count();
        assert!(linked >= 2, "{}", story.key);
    }
    let f2 = build("aabakke-ky", day(2026, 3, 2));
    assert!(f2.benefits.iter().any(|b| b.kind == BenefitKind::Ulempe));
}

#[test]
fn examples_are_deterministic_and_survive_the_file_format() {
    for story in examples() {
        let today = day(2026, 9, 30);
        let plan = build(story.key, today);
        assert_eq!(plan, build(story.key, today));
        let text = schema::to_json_pretty(&plan, noon(today));
        assert!(text.contains(&format!("\"example\": \"{}\"", story.key)));
        let back = schema::parse(&text).expect("reads back").plan;
        assert_eq!(back, plan, "{}", story.key);
    }
}

#[test]
fn unknown_examples_are_none_and_names_are_fictional() {
    assert!(build_example(
        "nope",
        PlanId("p".into()),
        noon(day(2026, 1, 1)),
        day(2026, 1, 1)
    )
    .is_none());
    assert!(examples().len() >= 2);
    for story in examples() {
        assert!(
            !crate::catalog::MUNICIPALITIES.contains(&story.municipality),
            "{} is a real municipality",
            story.municipality
        );
    }
}
