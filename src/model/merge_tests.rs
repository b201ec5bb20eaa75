//! Tests of merging plan copies: one-sided changes, conflicts, tombstones
//! and commutativity.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

const BASE: Timestamp = Timestamp(1_000_000);
const SINCE: Timestamp = Timestamp(2_000_000);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn base() -> Plan {
    let setup = PlanSetup {
        id: PlanId("p-merge".into()),
        municipality: "Vejle".into(),
        solution: Solution::Ky,
        go_live: d(2027, 9, 6),
        f1_start: d(2027, 1, 4),
        phases: None,
    };
    let mut p = Plan::from_template(setup, BASE).unwrap();
    p.exchanged = SINCE;
    p
}

fn id(n: usize) -> ActivityId {
    base().activities[n].id.clone()
}

fn notes(plan: &mut Plan, n: usize, text: &str, at: i64) {
    plan.apply(
        Edit::UpdateActivity {
            id: id(n),
            change: ActivityChange::Notes(text.into()),
        },
        Timestamp(at),
    )
    .unwrap();
}

fn notes_of(plan: &Plan, n: usize) -> String {
    plan.activity(&id(n)).unwrap().notes.clone()
}

#[test]
fn merging_a_plan_with_itself_changes_nothing() {
    let p = base();
    let r = merge(&p, &p, SINCE);
    assert!(r.conflicts.is_empty());
    assert_eq!(r.plan, p);
    assert_eq!(r.taken_from_theirs, 0);
}

#[test]
fn edits_to_different_records_are_all_kept() {
    let (mut ours, mut theirs) = (base(), base());
    notes(&mut ours, 1, "vores", 3_000_000);
    notes(&mut theirs, 2, "deres", 3_000_001);
    let r = merge(&ours, &theirs, SINCE);
    assert!(r.conflicts.is_empty());
    assert_eq!(notes_of(&r.plan, 1), "vores");
    assert_eq!(notes_of(&r.plan, 2), "deres");
    assert_eq!(r.taken_from_theirs, 1);
}

#[test]
fn a_record_changed_on_both_sides_is_a_conflict_resolved_by_choice() {
    let (mut ours, mut theirs) = (base(), base());
    notes(&mut ours, 1, "vores", 3_000_000);
    notes(&mut theirs, 1, "deres", 3_000_001);
    let r = merge(&ours, &theirs, SINCE);
    assert_eq!(r.conflicts.len(), 1);
    assert!(r.conflicts[0].label().contains(&base().activities[1].title));
    assert_eq!(notes_of(&r.plan, 1), "vores", "ours until the user chooses");
    assert_eq!(notes_of(&resolve(&r, &[Side::Theirs]), 1), "deres");
    assert_eq!(notes_of(&resolve(&r, &[Side::Ours]), 1), "vores");
}

#[test]
fn older_differences_take_the_newer_version_without_asking() {
    let (mut ours, mut theirs) = (base(), base());
    notes(&mut ours, 1, "gammel", 1_500_000);
    notes(&mut theirs, 1, "nyere", 1_600_000);
    let r = merge(&ours, &theirs, SINCE);
    assert!(r.conflicts.is_empty());
    assert_eq!(notes_of(&r.plan, 1), "nyere");
}

#[test]
fn a_deletion_is_kept_and_does_not_come_back() {
    let (mut ours, theirs) = (base(), base());
    ours.apply(Edit::RemoveActivity(id(5)), Timestamp(3_000_000))
        .unwrap();
    let r = merge(&ours, &theirs, SINCE);
    assert!(r.conflicts.is_empty());
    assert!(r.plan.activity(&id(5)).is_none());
    assert!(r.plan.tombstones.iter().any(|t| t.id == id(5)));
    // And the other way round.
    let r = merge(&theirs, &ours, SINCE);
    assert!(r.plan.activity(&id(5)).is_none());
    assert!(r.plan.tombstones.iter().any(|t| t.id == id(5)));
}

#[test]
fn a_record_changed_on_one_side_and_deleted_on_the_other_is_a_conflict() {
    let (mut ours, mut theirs) = (base(), base());
    ours.apply(Edit::RemoveActivity(id(5)), Timestamp(3_000_000))
        .unwrap();
    notes(&mut theirs, 5, "stadig vigtig", 3_500_000);
    let r = merge(&ours, &theirs, SINCE);
    assert_eq!(r.conflicts.len(), 1);
    let kept = resolve(&r, &[Side::Theirs]);
    assert_eq!(notes_of(&kept, 5), "stadig vigtig");
    assert!(!kept.tombstones.iter().any(|t| t.id == id(5)));
    let gone = resolve(&r, &[Side::Ours]);
    assert!(gone.activity(&id(5)).is_none());
}

/// Two tabs: both saw the deletion before they last agreed (`since`); then
/// one tab undid it. The undo is the only change since, so it is taken
/// without asking the other tab, which changed nothing.
#[test]
fn an_undone_deletion_known_to_both_sides_comes_back_without_a_conflict() {
    let mut deleted = base();
    let undo = deleted
        .apply(Edit::RemoveActivity(id(5)), Timestamp(1_500_000))
        .unwrap();
    let mut undone = deleted.clone();
    undone.apply(undo, Timestamp(3_000_000)).unwrap();
    for (ours, theirs) in [(&deleted, &undone), (&undone, &deleted)] {
        let r = merge(ours, theirs, SINCE);
        assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
        assert!(r.plan.activity(&id(5)).is_some(), "the undo wins");
        assert!(!r.plan.tombstones.iter().any(|t| t.id == id(5)));
    }
}

#[test]
fn activities_added_on_both_sides_are_all_kept() {
    let (mut ours, mut theirs) = (base(), base());
    let task = TaskNo::new(3).unwrap();
    let a = Activity::new_user(
        ActivityId("a-ours".into()),
        task,
        Phase::F1,
        "Vores",
        Timestamp(3_000_000),
    );
    let b = Activity::new_user(
        ActivityId("a-theirs".into()),
        task,
        Phase::F1,
        "Deres",
        Timestamp(3_000_000),
    );
    ours.apply(
        Edit::InsertActivity {
            activity: a,
            position: 20,
        },
        Timestamp(3_000_000),
    )
    .unwrap();
    theirs
        .apply(
            Edit::InsertActivity {
                activity: b,
                position: 20,
            },
            Timestamp(3_000_000),
        )
        .unwrap();
    let r = merge(&ours, &theirs, SINCE);
    assert!(r.conflicts.is_empty());
    assert_eq!(r.plan.activities.len(), 144);
    let neighbour = r.plan.position(&id(19)).unwrap();
    assert_eq!(
        r.plan.position(&ActivityId("a-theirs".into())),
        Some(neighbour + 1),
        "placed after its neighbour"
    );
}

#[test]
fn settings_and_task_phases_merge_as_records() {
    let (mut ours, mut theirs) = (base(), base());
    ours.apply(
        Edit::SetMunicipality("Vejle Kommune".into()),
        Timestamp(3_000_000),
    )
    .unwrap();
    let task = TaskNo::new(4).unwrap();
    let phases = theirs.task(task).phases.with(Phase::F2);
    theirs
        .apply(Edit::SetTaskPhases { task, phases }, Timestamp(3_000_000))
        .unwrap();
    let r = merge(&ours, &theirs, SINCE);
    assert!(r.conflicts.is_empty());
    assert_eq!(r.plan.municipality, "Vejle Kommune");
    assert!(r.plan.task(task).phases.contains(Phase::F2));
}

/// Sorted activities and tombstones: what a merge must agree on.
fn benefit_edit(plan: &mut Plan, edit: BenefitEdit, at: i64) {
    plan.apply(Edit::Benefit(edit), Timestamp(at)).unwrap();
}

fn add_benefit(plan: &mut Plan, id: &str, at: i64) {
    let benefit = Benefit::new(
        BenefitId(id.into()),
        &format!("Gevinst {id}"),
        BenefitType::Kvalitet,
        BenefitKind::Gevinst,
        Timestamp(at),
    );
    benefit_edit(
        plan,
        BenefitEdit::InsertBenefit {
            benefit,
            position: usize::MAX,
        },
        at,
    );
}

fn measure(plan: &mut Plan, benefit: &str, id: &str, value: i64, at: i64) {
    let measurement = Measurement {
        id: MeasurementId(id.into()),
        // The test clock is early in 1970; measurements cannot be in the future.
        date: d(1970, 1, 1),
        value: Decimal::from_int(value).unwrap(),
        comment: String::new(),
        measured_by: "Mette".into(),
        modified: Timestamp(at),
    };
    benefit_edit(
        plan,
        BenefitEdit::InsertMeasurement {
            benefit: BenefitId(benefit.into()),
            measurement,
        },
        at,
    );
}

#[test]
fn benefits_and_measurements_from_both_copies_are_all_kept() {
    let (mut ours, mut theirs) = (base(), base());
    add_benefit(&mut ours, "b-ours", 3_000_000);
    add_benefit(&mut theirs, "b-theirs", 3_000_000);
    // The same profile (from before the copies parted) measured on each side.
    let mut shared = base();
    add_benefit(&mut shared, "b-shared", 1_500_000);
    let (mut o2, mut t2) = (shared.clone(), shared.clone());
    measure(&mut o2, "b-shared", "m-1", 10, 3_000_000);
    measure(&mut t2, "b-shared", "m-2", 12, 3_100_000);
    let r = merge(&o2, &t2, SINCE);
    let b = r.plan.benefit(&BenefitId("b-shared".into())).unwrap();
    let ids: Vec<&str> = b.measurements.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.contains(&"m-1") && ids.contains(&"m-2"));

    let r = merge(&ours, &theirs, SINCE);
    let names: Vec<&str> = r.plan.benefits.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(names, ["b-ours", "b-theirs"]);
    assert_eq!(r.plan.benefit_map, base().benefit_map);
}

#[test]
fn a_deleted_benefit_and_its_node_link_stay_deleted() {
    let mut shared = base();
    add_benefit(&mut shared, "b-1", 1_500_000);
    let node = shared
        .benefit_map
        .nodes
        .iter()
        .find(|n| n.column == Column::Gevinster)
        .unwrap()
        .id
        .clone();
    benefit_edit(
        &mut shared,
        BenefitEdit::UpdateNode {
            id: node.clone(),
            change: NodeChange::Benefit(Some(BenefitId("b-1".into()))),
        },
        1_600_000,
    );
    let (mut ours, theirs) = (shared.clone(), shared.clone());
    benefit_edit(
        &mut ours,
        BenefitEdit::RemoveBenefit(BenefitId("b-1".into())),
        3_000_000,
    );
    for r in [merge(&ours, &theirs, SINCE), merge(&theirs, &ours, SINCE)] {
        assert!(r.plan.benefits.is_empty());
        assert_eq!(r.plan.benefit_map.node(&node).unwrap().benefit, None);
        assert!(r
            .plan
            .benefit_tombstones
            .iter()
            .any(|t| t.kind == RecordKind::Benefit && t.id == "b-1"));
    }
}

#[test]
fn merged_maps_keep_their_invariants() {
    let shared = base();
    let map = &shared.benefit_map;
    let first = map.nodes[0].clone();
    let arrow = map
        .arrows
        .iter()
        .find(|a| a.from == first.id)
        .expect("the suggested map has arrows from its first node")
        .clone();
    // Ours deletes the node an arrow starts from; theirs adds a second
    // arrow between two nodes that ours joins too.
    let (mut ours, mut theirs) = (shared.clone(), shared.clone());
    benefit_edit(
        &mut ours,
        BenefitEdit::RemoveNode(first.id.clone()),
        3_000_000,
    );
    let later = map
        .nodes
        .iter()
        .find(|n| n.column > first.column && map.arrow_between(&first.id, &n.id).is_none());
    if let Some(to) = later {
        let extra = Arrow {
            id: ArrowId("r-extra".into()),
            from: first.id.clone(),
            to: to.id.clone(),
            modified: Timestamp(3_000_000),
        };
        benefit_edit(
            &mut theirs,
            BenefitEdit::InsertArrow {
                arrow: extra,
                position: usize::MAX,
            },
            3_000_000,
        );
    }
    for r in [merge(&ours, &theirs, SINCE), merge(&theirs, &ours, SINCE)] {
        let m = &r.plan.benefit_map;
        assert!(m.node(&first.id).is_none());
        assert!(m.arrow_position(&arrow.id).is_none());
        for a in &m.arrows {
            assert!(m.check_arrow(a).is_ok(), "{a:?}");
        }
    }
}

fn records(p: &Plan) -> (Vec<Activity>, Vec<Tombstone>) {
    let mut a = p.activities.clone();
    a.sort_by(|x, y| x.id.cmp(&y.id));
    let mut t = p.tombstones.clone();
    t.sort_by(|x, y| x.id.cmp(&y.id));
    (a, t)
}

#[derive(Clone, Debug)]
enum Change {
    Notes(String),
    Status(bool),
    Delete,
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        "[a-zæøå ]{0,12}".prop_map(Change::Notes),
        any::<bool>().prop_map(Change::Status),
        Just(Change::Delete),
    ]
}

fn apply(plan: &mut Plan, n: usize, c: &Change, at: i64) {
    let edit = match c {
        Change::Notes(t) => Edit::UpdateActivity {
            id: id(n),
            change: ActivityChange::Notes(t.clone()),
        },
        Change::Status(done) => Edit::UpdateActivity {
            id: id(n),
            change: ActivityChange::Status {
                status: if *done {
                    Status::Faerdig
                } else {
                    Status::Blokeret
                },
                // No completion date: these edits are made in 1970, and a
                // date after the day of the edit is refused.
                completed: None,
            },
        },
        Change::Delete => Edit::RemoveActivity(id(n)),
    };
    plan.apply(edit, Timestamp(at)).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Edits to different records merge the same whichever side is "ours",
    /// keep every edit, and keep every deletion as a tombstone.
    #[test]
    fn merge_is_commutative_for_edits_to_different_records(
        edits in proptest::collection::vec((0usize..142, change(), any::<bool>()), 1..30)
    ) {
        let (mut a, mut b) = (base(), base());
        let mut touched = std::collections::BTreeSet::new();
        let mut deleted = Vec::new();
        for (i, (n, c, on_a)) in edits.iter().enumerate() {
            if !touched.insert(*n) {
                continue;
            }
            let side = if *on_a { &mut a } else { &mut b };
            apply(side, *n, c, 3_000_000 + i as i64);
            if matches!(c, Change::Delete) {
                deleted.push(id(*n));
            }
        }
        let ab = merge(&a, &b, SINCE);
        let ba = merge(&b, &a, SINCE);
        prop_assert!(ab.conflicts.is_empty() && ba.conflicts.is_empty());
        prop_assert_eq!(records(&ab.plan), records(&ba.plan));
        for n in &touched {
            let want = if edits.iter().find(|e| e.0 == *n).map(|e| e.2).unwrap() { &a } else { &b };
            prop_assert_eq!(ab.plan.activity(&id(*n)), want.activity(&id(*n)));
        }
        for gone in &deleted {
            prop_assert!(ab.plan.tombstones.iter().any(|t| &t.id == gone));
            prop_assert!(ab.plan.activity(gone).is_none());
        }
        prop_assert!(ab.plan.check().is_ok());
    }
}

#[test]
fn same_records_sees_a_benefit_change_and_ignores_save_times() {
    let ours = base();
    let mut saved_later = ours.clone();
    saved_later.modified = Timestamp(9_999_999);
    saved_later.exchanged = Timestamp(9_999_999);
    assert!(same_records(&ours, &saved_later));

    // Another tab that changed only the benefits holds other records:
    // adopting its save must not be skipped.
    let mut benefits_only = ours.clone();
    add_benefit(&mut benefits_only, "b-1", 5_000);
    assert!(!same_records(&ours, &benefits_only));
    assert!(!same_records(&benefits_only, &ours));
}
