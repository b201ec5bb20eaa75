//! Tests of replacing a whole plan (a snapshot restored, a merge or its
//! undo): another copy that merges the result must end up with it.

use chrono::NaiveDate;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn base() -> Plan {
    let setup = PlanSetup {
        id: PlanId("p-replace".into()),
        municipality: "Vejle".into(),
        solution: Solution::Ky,
        go_live: d(2027, 9, 6),
        f1_start: d(2027, 1, 4),
        phases: None,
    };
    Plan::from_template(setup, Timestamp(1_000_000)).unwrap()
}

/// The plan after a few kinds of change at `at`: an activity's notes, a
/// deleted activity, the municipality, a main task's phases, a benefit
/// with a measurement and an answered checklist item.
fn changed(mut p: Plan, at: i64) -> Plan {
    let now = Timestamp(at);
    let first = p.activities[1].id.clone();
    let second = p.activities[2].id.clone();
    let task = TaskNo::new(4).unwrap();
    let phases = p.task(task).phases.with(Phase::F2);
    let benefit = Benefit::new(
        BenefitId("g-1".into()),
        "Frigjort tid",
        BenefitType::Kvalitet,
        BenefitKind::Gevinst,
        now,
    );
    let measurement = Measurement {
        id: MeasurementId("m-1".into()),
        date: d(1970, 1, 1),
        value: Decimal::from_int(5).unwrap(),
        comment: String::new(),
        measured_by: "Mette".into(),
        modified: now,
    };
    let item = p.checklists[0].items[0].id.clone();
    let edits = vec![
        Edit::UpdateActivity {
            id: first,
            change: ActivityChange::Notes("ny note".into()),
        },
        Edit::RemoveActivity(second),
        Edit::SetMunicipality("Vejle Kommune".into()),
        Edit::SetTaskPhases { task, phases },
        Edit::Benefit(BenefitEdit::InsertBenefit {
            benefit,
            position: 0,
        }),
        Edit::Benefit(BenefitEdit::InsertMeasurement {
            benefit: BenefitId("g-1".into()),
            measurement,
        }),
        Edit::Followup(FollowupEdit::UpdateItem {
            phase: Phase::F0,
            id: item,
            change: ItemChange::Answer {
                answer: Some(Answer::Opfyldt),
                by: "Mette".into(),
                on: Some(d(1970, 1, 1)),
            },
        }),
    ];
    p.apply(Edit::Batch(edits), now).unwrap();
    p
}

/// Tab 1 restores an older version while tab 2, idle, holds the newer one:
/// tab 2's merge of what tab 1 saved gives the restored plan, and so does
/// the merge after tab 1 undoes the restore.
#[test]
fn a_restored_plan_wins_in_an_idle_copy_and_so_does_its_undo() {
    let old = base();
    let current = changed(base(), 3_000_000);
    let mut restored = current.clone();
    let undo = restored
        .apply(
            Edit::ReplaceAll(Box::new(old.clone())),
            Timestamp(4_000_000),
        )
        .unwrap();
    let idle = current.clone();
    let r = merge(&idle, &restored, Timestamp(3_500_000));
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    assert_same_content(&r.plan, &restored);
    assert_same_content(&r.plan, &old);

    let mut undone = restored.clone();
    undone.apply(undo, Timestamp(5_000_000)).unwrap();
    let r = merge(&r.plan, &undone, Timestamp(4_500_000));
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    assert_same_content(&r.plan, &current);
}

/// A replacement's records that equal the current ones keep their times,
/// and records newer than the current ones (taken from a merged file)
/// keep theirs, so a later exchange sees no false change.
#[test]
fn a_replacement_keeps_the_times_of_records_it_does_not_turn_back() {
    let current = base();
    let newer = changed(base(), 3_000_000);
    let mut p = current.clone();
    p.apply(
        Edit::ReplaceAll(Box::new(newer.clone())),
        Timestamp(4_000_000),
    )
    .unwrap();
    assert_eq!(p.activities, newer.activities);
    assert_eq!(p.benefits, newer.benefits);
    assert_eq!(p.settings_modified, newer.settings_modified);
    assert_eq!(p.checklists, newer.checklists);
}

/// Same records and settings as `expected`, times and tombstones aside.
fn assert_same_content(plan: &Plan, expected: &Plan) {
    let strip = |p: &Plan| {
        let mut p = p.clone();
        for a in &mut p.activities {
            a.modified = Timestamp(0);
        }
        for t in &mut p.tasks {
            t.modified = Timestamp(0);
        }
        for b in &mut p.benefits {
            b.modified = Timestamp(0);
            for m in &mut b.measurements {
                m.modified = Timestamp(0);
            }
        }
        for c in &mut p.checklists {
            for i in &mut c.items {
                i.modified = Timestamp(0);
            }
        }
        for n in &mut p.benefit_map.nodes {
            n.modified = Timestamp(0);
        }
        for a in &mut p.benefit_map.arrows {
            a.modified = Timestamp(0);
        }
        (
            p.municipality,
            p.tasks,
            p.activities,
            p.benefits,
            p.benefit_map,
            p.checklists,
            p.phase_history,
            p.stage,
        )
    };
    assert_eq!(strip(plan), strip(expected));
}
