//! Tests of benefit profiles, measurements, the due-measurement logic and
//! the benefit map: edits and their inverses, invariants, tombstones.

use chrono::NaiveDate;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

const T0: Timestamp = Timestamp(1_767_225_600_000);
/// 2026-05-28 in Danish time.
const NOW: Timestamp = Timestamp(1_780_000_000_000);

fn plan() -> Plan {
    let setup = PlanSetup {
        id: PlanId("plan-1".into()),
        municipality: "Aarhus".into(),
        solution: Solution::Ky,
        go_live: d(2027, 3, 1),
        f1_start: d(2026, 9, 1),
        phases: None,
    };
    Plan::from_template(setup, T0).expect("valid setup")
}

fn num(s: &str) -> Decimal {
    Decimal::parse_danish(s).expect("number")
}

fn bid(s: &str) -> BenefitId {
    BenefitId(s.into())
}

fn nid(s: &str) -> NodeId {
    NodeId(s.into())
}

fn benefit(id: &str) -> Benefit {
    let mut b = Benefit::new(
        bid(id),
        "Frigjort tid",
        BenefitType::OekonomiskRaaderum,
        BenefitKind::Gevinst,
        T0,
    );
    b.owner = "Ydelseschef".into();
    b.unit = UNIT_KR_PER_YEAR.into();
    b.baseline = Some(num("500.000"));
    b.baseline_date = Some(d(2026, 1, 1));
    b.target = Some(num("300.000"));
    b.target_date = Some(d(2027, 1, 1));
    b.frequency = Some(Frequency::Kvartalsvis);
    b
}

fn measurement(id: &str, date: NaiveDate, value: &str) -> Measurement {
    Measurement {
        id: MeasurementId(id.into()),
        date,
        value: num(value),
        comment: String::new(),
        measured_by: "Controller".into(),
        modified: T0,
    }
}

fn edit(e: BenefitEdit) -> Edit {
    Edit::Benefit(e)
}

/// The plan with every timestamp zeroed and tombstones cleared.
fn content(p: &Plan) -> Plan {
    let mut p = p.clone();
    p.created = Timestamp(0);
    p.modified = Timestamp(0);
    p.settings_modified = Timestamp(0);
    p.tombstones.clear();
    p.benefit_tombstones.clear();
    for b in &mut p.benefits {
        b.modified = Timestamp(0);
        for m in &mut b.measurements {
            m.modified = Timestamp(0);
        }
    }
    for n in &mut p.benefit_map.nodes {
        n.modified = Timestamp(0);
    }
    for a in &mut p.benefit_map.arrows {
        a.modified = Timestamp(0);
    }
    p
}

/// Applies `e` to `p`, checks that its inverse restores `p`'s content, and
/// leaves `p` as it was after the edit.
fn apply_and_undo(p: &mut Plan, e: Edit) {
    let before = p.clone();
    let inverse = p
        .apply(e.clone(), NOW)
        .unwrap_or_else(|err| panic!("{e:?}: {err}"));
    assert_ne!(content(p), content(&before), "{e:?} changed nothing");
    assert_eq!(p.modified, NOW);
    let after = p.clone();
    p.apply(inverse, NOW).expect("inverse applies");
    assert_eq!(
        content(p),
        content(&before),
        "inverse of {e:?} does not restore the plan"
    );
    *p = after;
}

fn refused(p: &Plan, e: Edit) -> BenefitError {
    let mut copy = p.clone();
    match copy.apply(e, NOW) {
        Err(EditError::Benefit(err)) => {
            assert_eq!(copy, *p, "a refused edit changed the plan");
            err
        }
        other => panic!("expected a benefit error, got {other:?}"),
    }
}

fn with_benefit() -> Plan {
    let mut p = plan();
    p.apply(
        edit(BenefitEdit::InsertBenefit {
            benefit: benefit("g1"),
            position: 0,
        }),
        NOW,
    )
    .unwrap();
    p
}

// ------------------------------------------------------------- the template

#[test]
fn new_plan_starts_with_the_suggested_map_and_no_profiles() {
    let p = plan();
    assert!(p.benefits.is_empty() && p.benefit_tombstones.is_empty());
    let map = &p.benefit_map;
    assert_eq!(map.nodes.len(), crate::catalog::SUGGESTED_NODES.len());
    assert_eq!(map.arrows.len(), crate::catalog::SUGGESTED_ARROWS.len());
    // Every column has a node; the solution is the deliverable.
    for c in Column::ALL {
        assert!(map.nodes.iter().any(|n| n.column == c), "{c:?}");
    }
    assert!(map
        .nodes
        .iter()
        .any(|n| n.column == Column::Leverancer && n.title == "KY taget i brug"));
    // One example benefit per benefit type, named in its description.
    for t in BenefitType::ALL {
        let count = map
            .nodes
            .iter()
            .filter(|n| n.column == Column::Gevinster && n.description.starts_with(t.label()))
            .count();
        assert_eq!(count, 1, "{t:?}");
    }
    // Changes in work processes, organisation and competences link to main
    // tasks 8 and 9.
    let changes: Vec<&MapNode> = map
        .nodes
        .iter()
        .filter(|n| n.column == Column::Forandringer)
        .collect();
    assert_eq!(changes.len(), 3);
    assert!(changes
        .iter()
        .all(|n| n.tasks.iter().all(|t| [8, 9].contains(&t.get())) && !n.tasks.is_empty()));
    for a in &map.arrows {
        map.check_arrow(a).unwrap();
    }
    for n in &map.nodes {
        n.check().unwrap();
        assert!(n.id.as_str().starts_with("n-"));
        assert_eq!(n.modified, T0);
    }
}

// ----------------------------------------------------------------- numbers

#[test]
fn progress_and_yearly_amounts() {
    let mut b = benefit("g1");
    assert_eq!(b.progress(), None);
    b.measurements
        .push(measurement("m1", d(2026, 6, 1), "400.000"));
    assert_eq!(b.progress(), Some(0.5));
    assert!(b.is_yearly_kr());
    assert_eq!(b.expected_amount(), Some(num("200.000")));
    assert_eq!(b.measured_amount(), Some(num("100.000")));
    // A negative effect counts against the plan.
    b.kind = BenefitKind::Ulempe;
    assert_eq!(b.expected_amount(), Some(num("-200.000")));
    assert_eq!(b.measured_amount(), Some(num("-100.000")));
    // Other units have no amount in kr.
    b.unit = "timer pr. måned".into();
    assert_eq!(b.expected_amount(), None);
    assert_eq!(b.progress(), Some(0.5));
}

#[test]
fn a_target_equal_to_the_baseline_gives_no_measured_amount() {
    // With target = baseline there is no direction to measure towards:
    // progress is unknown, and so is the measured amount (a measurement of
    // -5 kr. was summed as -1.000.005 kr. pr. år).
    let mut b = benefit("g1");
    b.baseline = Some(num("1.000.000"));
    b.target = Some(num("1.000.000"));
    b.measurements.push(measurement("m1", d(2026, 6, 1), "-5"));
    assert_eq!(b.progress(), None);
    assert_eq!(b.expected_amount(), Some(num("0")));
    assert_eq!(b.measured_amount(), None);
}

#[test]
fn progress_in_whole_percent_rounds_half_up_and_never_reads_minus_zero() {
    // A decreasing target (500.000 -> 300.000) with the latest measurement
    // still at the baseline: 0 / -200.000 is minus zero in f64.
    let mut b = benefit("g1");
    assert_eq!(b.progress_percent(), None);
    b.measurements
        .push(measurement("m1", d(2026, 6, 1), "500.000"));
    assert_eq!(b.progress_percent(), Some(0));
    // 12,5 % reads 13 % everywhere (the register, the editor, the map and
    // the status report), not 12 % where `{:.0}` rounds half to even.
    b.measurements[0].value = num("475.000");
    assert_eq!(b.progress_percent(), Some(13));
    // Moving away from the target is negative; a tiny step away reads 0.
    b.measurements[0].value = num("500.001");
    assert_eq!(b.progress_percent(), Some(0));
    b.measurements[0].value = num("525.000");
    assert_eq!(b.progress_percent(), Some(-13));
    // The mean per type rounds the same way.
    let s = summarise(&[b], BenefitType::OekonomiskRaaderum);
    assert_eq!(s.mean_progress_percent(), Some(-13));
    assert_eq!(
        summarise(&[], BenefitType::Kvalitet).mean_progress_percent(),
        None
    );
}

#[test]
fn a_profile_as_of_a_past_date_ignores_later_measurements() {
    let mut b = benefit("g1");
    b.measurements
        .push(measurement("m1", d(2026, 4, 1), "450.000"));
    b.measurements
        .push(measurement("m2", d(2026, 7, 1), "400.000"));
    let then = b.as_of(d(2026, 5, 15));
    assert_eq!(then.latest().map(|m| m.id.as_str()), Some("m1"));
    assert_eq!(then.progress(), Some(0.25));
    // Quarterly after 1 April: due 1 July, not yet on 15 May.
    assert_eq!(then.measurement_due(d(2026, 5, 15)), None);
    assert_eq!(b.as_of(d(2026, 7, 1)).progress(), Some(0.5));
    assert_eq!(b.as_of(d(2026, 3, 1)).progress(), None);
}

#[test]
fn summary_per_type_adds_up_yearly_kroner() {
    let mut a = benefit("g1");
    a.measurements
        .push(measurement("m1", d(2026, 6, 1), "450.000"));
    let mut b = benefit("g2");
    b.baseline = Some(num("0"));
    b.target = Some(num("1.000.000"));
    let mut c = benefit("g3");
    c.kind = BenefitKind::Ulempe;
    c.baseline = Some(num("0"));
    c.target = Some(num("34.567"));
    let mut other = benefit("g4");
    other.benefit_type = BenefitType::Service;
    let s = summarise(&[a, b, c, other], BenefitType::OekonomiskRaaderum);
    assert_eq!((s.benefits, s.drawbacks, s.measured), (2, 1, 1));
    assert_eq!(s.expected_kr, (num("1.165.433"), 3));
    assert_eq!(s.expected_kr.0.format_kr(), "1.165.433 kr.");
    assert_eq!(s.measured_kr, (num("50.000"), 1));
    assert_eq!(s.mean_progress, Some(0.25));
    let s = summarise(&[], BenefitType::Trivsel);
    assert_eq!(s, TypeSummary::default());
}

#[test]
fn mean_progress_per_type_is_of_the_benefits_not_the_negative_effects() {
    // A negative effect that has fully materialised is not progress: it
    // must not lift the mean progress of the type's benefits.
    let mut a = benefit("g1");
    a.measurements
        .push(measurement("m1", d(2026, 6, 1), "450.000"));
    let mut c = benefit("g3");
    c.kind = BenefitKind::Ulempe;
    c.baseline = Some(num("0"));
    c.target = Some(num("900"));
    c.measurements.push(measurement("m2", d(2026, 6, 1), "900"));
    let s = summarise(&[a, c.clone()], BenefitType::OekonomiskRaaderum);
    assert_eq!(s.measured, 2);
    assert_eq!(s.mean_progress, Some(0.25));
    // Only negative effects: no mean progress.
    let s = summarise(&[c], BenefitType::OekonomiskRaaderum);
    assert_eq!(s.mean_progress, None);
}

// ------------------------------------------------------ due measurements

#[test]
fn next_measurement_follows_the_frequency_from_baseline_or_latest() {
    let mut b = benefit("g1");
    // Quarterly from the baseline date 1 January.
    assert_eq!(b.next_measurement(), Some(d(2026, 4, 1)));
    assert_eq!(b.measurement_due(d(2026, 3, 31)), None);
    assert_eq!(b.measurement_due(d(2026, 4, 1)), Some(d(2026, 4, 1)));
    assert_eq!(b.measurement_due(d(2026, 5, 15)), Some(d(2026, 4, 1)));
    // A measurement (even a late one) moves the next due date on.
    b.measurements
        .push(measurement("m1", d(2026, 5, 15), "480.000"));
    assert_eq!(b.next_measurement(), Some(d(2026, 8, 15)));
    assert_eq!(b.measurement_due(d(2026, 5, 16)), None);
    // Never later than the target date, and nothing after the final one.
    b.measurements
        .push(measurement("m2", d(2026, 11, 1), "350.000"));
    assert_eq!(b.next_measurement(), Some(d(2027, 1, 1)));
    b.measurements
        .push(measurement("m3", d(2027, 1, 1), "310.000"));
    assert_eq!(b.next_measurement(), None);
    assert_eq!(b.measurement_due(d(2030, 1, 1)), None);
}

#[test]
fn monthly_measurements_at_month_end_fall_on_the_last_day() {
    let mut b = benefit("g1");
    b.frequency = Some(Frequency::Maanedlig);
    b.baseline_date = Some(d(2026, 1, 31));
    assert_eq!(b.next_measurement(), Some(d(2026, 2, 28)));
    b.frequency = Some(Frequency::Aarlig);
    b.baseline_date = Some(d(2024, 2, 29));
    b.target_date = None;
    assert_eq!(b.next_measurement(), Some(d(2025, 2, 28)));
    b.frequency = Some(Frequency::Halvaarlig);
    assert_eq!(b.next_measurement(), Some(d(2024, 8, 29)));
}

#[test]
fn no_due_date_without_frequency_or_baseline_date() {
    let mut b = benefit("g1");
    b.frequency = None;
    assert_eq!(b.next_measurement(), None);
    let mut b = benefit("g1");
    b.baseline_date = None;
    assert_eq!(b.measurement_due(d(2030, 1, 1)), None);
}

#[test]
fn checks_list_what_is_missing_and_what_is_due() {
    let today = d(2026, 5, 1);
    let b = benefit("g1");
    assert_eq!(
        b.checks(today),
        vec![
            BenefitCheck::NoAccountable,
            BenefitCheck::MeasurementDue(d(2026, 4, 1))
        ]
    );
    let bare = Benefit::new(
        bid("g2"),
        "Ny",
        BenefitType::Trivsel,
        BenefitKind::Gevinst,
        T0,
    );
    assert_eq!(
        bare.checks(today),
        vec![
            BenefitCheck::NoOwner,
            BenefitCheck::NoAccountable,
            BenefitCheck::NoBaseline,
            BenefitCheck::NoTarget,
            BenefitCheck::NoFrequency
        ]
    );
    assert_eq!(
        BenefitCheck::MeasurementDue(d(2026, 4, 1)).label(),
        "Måling forfalden siden 01.04.2026"
    );
}

// ------------------------------------------------------- profile edits

#[test]
fn benefit_insert_update_remove_are_undone() {
    let mut p = plan();
    apply_and_undo(
        &mut p,
        edit(BenefitEdit::InsertBenefit {
            benefit: benefit("g1"),
            position: 9,
        }),
    );
    assert_eq!(p.benefits.len(), 1);
    assert_eq!(p.benefits[0].modified, NOW);
    let changes = [
        BenefitChange::Name(" Sparet porto ".into()),
        BenefitChange::Description("Færre breve".into()),
        BenefitChange::Type(BenefitType::Service),
        BenefitChange::Kind(BenefitKind::Ulempe),
        BenefitChange::Owner("Anne".into()),
        BenefitChange::Accountable("Direktør for Borgerservice".into()),
        BenefitChange::Indicator("Portoudgifter".into()),
        BenefitChange::Unit("kr. pr. måned".into()),
        BenefitChange::Baseline {
            value: Some(num("12,5")),
            date: Some(d(2025, 6, 1)),
        },
        BenefitChange::Target {
            value: None,
            date: Some(d(2028, 1, 1)),
        },
        BenefitChange::Method("Udtræk fra økonomisystemet".into()),
        BenefitChange::Frequency(Some(Frequency::Aarlig)),
        BenefitChange::Tasks(vec![
            TaskNo::new(9).unwrap(),
            TaskNo::new(6).unwrap(),
            TaskNo::new(9).unwrap(),
        ]),
        BenefitChange::Activities(vec![ActivityId("t06-01".into())]),
    ];
    for change in changes {
        apply_and_undo(
            &mut p,
            edit(BenefitEdit::UpdateBenefit {
                id: bid("g1"),
                change,
            }),
        );
    }
    let b = &p.benefits[0];
    assert_eq!(b.name, "Sparet porto");
    assert_eq!(
        b.tasks.iter().map(|t| t.get()).collect::<Vec<_>>(),
        vec![6, 9]
    );
    apply_and_undo(&mut p, edit(BenefitEdit::RemoveBenefit(bid("g1"))));
    assert!(p.benefits.is_empty());
    assert_eq!(p.benefit_tombstones.len(), 1);
    assert_eq!(p.benefit_tombstones[0].kind, RecordKind::Benefit);
    assert_eq!(p.benefit_tombstones[0].id, "g1");
    assert_eq!(p.benefit_tombstones[0].deleted, NOW);
}

#[test]
fn undoing_a_removal_clears_the_tombstone() {
    let mut p = with_benefit();
    let inverse = p
        .apply(edit(BenefitEdit::RemoveBenefit(bid("g1"))), NOW)
        .unwrap();
    assert_eq!(p.benefit_tombstones.len(), 1);
    p.apply(inverse, NOW).unwrap();
    assert!(p.benefit_tombstones.is_empty());
    assert_eq!(p.benefits[0].id, bid("g1"));
}

#[test]
fn profile_invariants_are_enforced_with_danish_messages() {
    let p = with_benefit();
    let update = |change| {
        edit(BenefitEdit::UpdateBenefit {
            id: bid("g1"),
            change,
        })
    };
    assert_eq!(
        refused(&p, update(BenefitChange::Name("  ".into()))),
        BenefitError::EmptyName
    );
    let e = refused(
        &p,
        update(BenefitChange::Target {
            value: None,
            date: Some(d(2026, 1, 1)),
        }),
    );
    assert_eq!(
        e,
        BenefitError::TargetNotAfterBaseline {
            baseline: d(2026, 1, 1),
            target: d(2026, 1, 1)
        }
    );
    assert_eq!(
        e.to_string(),
        "Måldatoen (01.01.2026) skal ligge efter baselinedatoen (01.01.2026)."
    );
    let e = refused(
        &p,
        update(BenefitChange::Baseline {
            value: None,
            date: Some(d(2027, 2, 1)),
        }),
    );
    assert!(matches!(e, BenefitError::TargetNotAfterBaseline { .. }));
    let e = refused(
        &p,
        update(BenefitChange::Activities(vec![ActivityId("nope".into())])),
    );
    assert_eq!(e.to_string(), "Aktiviteten (nope) findes ikke i planen.");
    let e = refused(
        &p,
        edit(BenefitEdit::InsertBenefit {
            benefit: benefit("g1"),
            position: 0,
        }),
    );
    assert_eq!(e, BenefitError::DuplicateId("g1".into()));
    let e = refused(&p, edit(BenefitEdit::RemoveBenefit(bid("x"))));
    assert_eq!(
        e.to_string(),
        "Gevinstprofilen findes ikke længere i planen."
    );
    let mut nameless = benefit("g2");
    nameless.name = String::new();
    assert_eq!(
        refused(
            &p,
            edit(BenefitEdit::InsertBenefit {
                benefit: nameless,
                position: 0
            })
        ),
        BenefitError::EmptyName
    );
}

#[test]
fn links_kept_from_before_may_point_to_deleted_activities() {
    let mut p = with_benefit();
    let link = |ids: &[&str]| {
        edit(BenefitEdit::UpdateBenefit {
            id: bid("g1"),
            change: BenefitChange::Activities(
                ids.iter().map(|s| ActivityId(s.to_string())).collect(),
            ),
        })
    };
    p.apply(link(&["t06-01", "t06-02"]), NOW).unwrap();
    p.apply(Edit::RemoveActivity(ActivityId("t06-01".into())), NOW)
        .unwrap();
    // Removing another link still works although t06-01 is gone.
    p.apply(link(&["t06-01"]), NOW).unwrap();
    assert_eq!(p.benefits[0].activities, vec![ActivityId("t06-01".into())]);
}

// ------------------------------------------------------ measurements

#[test]
fn measurements_are_recorded_sorted_updated_and_removed_with_undo() {
    let mut p = with_benefit();
    let insert = |m| {
        edit(BenefitEdit::InsertMeasurement {
            benefit: bid("g1"),
            measurement: m,
        })
    };
    apply_and_undo(&mut p, insert(measurement("m2", d(2026, 4, 2), "420.000")));
    apply_and_undo(&mut p, insert(measurement("m1", d(2026, 2, 1), "480.000")));
    let b = &p.benefits[0];
    assert_eq!(
        b.measurements
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        vec!["m1", "m2"]
    );
    assert_eq!(b.modified, NOW);
    assert_eq!(b.progress(), Some(0.4));
    let mut changed = measurement("m1", d(2026, 5, 1), "400.000");
    changed.comment = "Efter go-live".into();
    apply_and_undo(
        &mut p,
        edit(BenefitEdit::UpdateMeasurement {
            benefit: bid("g1"),
            measurement: changed,
        }),
    );
    let b = &p.benefits[0];
    assert_eq!(
        b.measurements
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>(),
        vec!["m2", "m1"]
    );
    apply_and_undo(
        &mut p,
        edit(BenefitEdit::RemoveMeasurement {
            benefit: bid("g1"),
            id: MeasurementId("m2".into()),
        }),
    );
    assert_eq!(p.benefits[0].measurements.len(), 1);
    let tomb = p.benefit_tombstones.last().unwrap();
    assert_eq!(
        (tomb.kind, tomb.id.as_str()),
        (RecordKind::Measurement, "m2")
    );
}

#[test]
fn benefit_dates_outside_the_plan_years_are_refused_like_activity_dates() {
    // A typed 1900 or 9999 is a slip, as for an activity or a phase, and
    // it would squeeze the benefit's chart into a few pixels.
    let p = with_benefit();
    let update = |change| {
        edit(BenefitEdit::UpdateBenefit {
            id: bid("g1"),
            change,
        })
    };
    for (change, date) in [
        (
            BenefitChange::Baseline {
                value: Some(num("500.000")),
                date: Some(d(1900, 1, 1)),
            },
            d(1900, 1, 1),
        ),
        (
            BenefitChange::Target {
                value: Some(num("300.000")),
                date: Some(d(9999, 12, 31)),
            },
            d(9999, 12, 31),
        ),
    ] {
        let mut copy = p.clone();
        assert_eq!(
            copy.apply(update(change), NOW),
            Err(EditError::DateOutOfRange(date))
        );
        assert_eq!(copy, p, "a refused edit changed the plan");
    }
}

#[test]
fn measurement_invariants_are_enforced() {
    let mut p = with_benefit();
    let insert = |m| {
        edit(BenefitEdit::InsertMeasurement {
            benefit: bid("g1"),
            measurement: m,
        })
    };
    let e = refused(&p, insert(measurement("m1", d(2025, 12, 31), "1")));
    assert_eq!(
        e,
        BenefitError::MeasurementBeforeBaseline {
            date: d(2025, 12, 31),
            baseline: d(2026, 1, 1)
        }
    );
    assert!(e
        .to_string()
        .starts_with("Målingen (31.12.2025) ligger før baselinedatoen (01.01.2026)."));
    // NOW is 28.05.2026 in Danish time: the next day is in the future.
    let e = refused(&p, insert(measurement("m1", d(2026, 5, 29), "1")));
    assert_eq!(e, BenefitError::MeasurementInFuture(d(2026, 5, 29)));
    p.apply(insert(measurement("m1", d(2026, 5, 28), "1")), NOW)
        .unwrap();
    assert_eq!(
        refused(&p, insert(measurement("m1", d(2026, 5, 1), "2"))),
        BenefitError::DuplicateId("m1".into())
    );
    let e = refused(
        &p,
        edit(BenefitEdit::RemoveMeasurement {
            benefit: bid("g1"),
            id: MeasurementId("x".into()),
        }),
    );
    assert_eq!(e, BenefitError::UnknownMeasurement("x".into()));
    // Moving the baseline date after a measurement is refused too.
    let e = refused(
        &p,
        edit(BenefitEdit::UpdateBenefit {
            id: bid("g1"),
            change: BenefitChange::Baseline {
                value: None,
                date: Some(d(2026, 5, 29)),
            },
        }),
    );
    assert!(matches!(e, BenefitError::MeasurementBeforeBaseline { .. }));
}

#[test]
fn one_measurement_per_day_so_the_latest_is_never_a_toss_up() {
    // Measurements on one date sort by their random ids: the "latest" of
    // two on the same day, and so the progress, would be chance.
    let mut p = with_benefit();
    let insert = |m| {
        edit(BenefitEdit::InsertMeasurement {
            benefit: bid("g1"),
            measurement: m,
        })
    };
    p.apply(insert(measurement("m1", d(2026, 4, 1), "450.000")), NOW)
        .unwrap();
    p.apply(insert(measurement("m2", d(2026, 5, 1), "400.000")), NOW)
        .unwrap();
    let e = refused(&p, insert(measurement("m0", d(2026, 5, 1), "300.000")));
    assert_eq!(e, BenefitError::MeasurementSameDate(d(2026, 5, 1)));
    assert_eq!(
        e.to_string(),
        "Der er allerede en måling den 01.05.2026. Ret den i stedet for at registrere en ny."
    );
    // Moving a measurement onto another's date is refused; keeping its own
    // date while changing the value is not.
    let moved = measurement("m1", d(2026, 5, 1), "450.000");
    let e = refused(
        &p,
        edit(BenefitEdit::UpdateMeasurement {
            benefit: bid("g1"),
            measurement: moved,
        }),
    );
    assert_eq!(e, BenefitError::MeasurementSameDate(d(2026, 5, 1)));
    apply_and_undo(
        &mut p,
        edit(BenefitEdit::UpdateMeasurement {
            benefit: bid("g1"),
            measurement: measurement("m2", d(2026, 5, 1), "300.000"),
        }),
    );
    assert_eq!(p.benefits[0].progress(), Some(1.0));
}

// ------------------------------------------------------------- the map

fn node(id: &str, column: Column, title: &str) -> MapNode {
    MapNode::new(nid(id), column, title, T0)
}

fn arrow(id: &str, from: &str, to: &str) -> Arrow {
    Arrow {
        id: ArrowId(id.into()),
        from: nid(from),
        to: nid(to),
        modified: T0,
    }
}

/// A plan whose map has L → F → E, with an extra G.
fn small_map() -> Plan {
    let mut p = plan();
    p.benefit_map = BenefitMap::default();
    let edits = vec![
        edit(BenefitEdit::InsertNode {
            node: node("l", Column::Leverancer, "Løsning"),
            position: 9,
        }),
        edit(BenefitEdit::InsertNode {
            node: node("f", Column::Forandringer, "Arbejdsgange"),
            position: 9,
        }),
        edit(BenefitEdit::InsertNode {
            node: node("e", Column::Effekter, "Hurtigere"),
            position: 9,
        }),
        edit(BenefitEdit::InsertNode {
            node: node("g", Column::Gevinster, "Tid"),
            position: 9,
        }),
        edit(BenefitEdit::InsertArrow {
            arrow: arrow("a1", "l", "f"),
            position: 9,
        }),
        edit(BenefitEdit::InsertArrow {
            arrow: arrow("a2", "f", "e"),
            position: 9,
        }),
    ];
    p.apply(Edit::Batch(edits), NOW).unwrap();
    p
}

#[test]
fn nodes_and_arrows_are_added_changed_and_removed_with_undo() {
    let mut p = small_map();
    apply_and_undo(
        &mut p,
        edit(BenefitEdit::InsertArrow {
            arrow: arrow("a3", "e", "g"),
            position: 0,
        }),
    );
    assert_eq!(p.benefit_map.arrows[0].id.as_str(), "a3");
    for change in [
        NodeChange::Title(" Ny titel ".into()),
        NodeChange::Description("Beskrivelse".into()),
        NodeChange::Tasks(vec![TaskNo::new(9).unwrap()]),
        NodeChange::Activities(vec![ActivityId("t09-01".into())]),
    ] {
        apply_and_undo(
            &mut p,
            edit(BenefitEdit::UpdateNode {
                id: nid("f"),
                change,
            }),
        );
    }
    assert_eq!(p.benefit_map.node(&nid("f")).unwrap().title, "Ny titel");
    assert_eq!(p.benefit_map.node(&nid("f")).unwrap().modified, NOW);
    p.apply(
        edit(BenefitEdit::InsertBenefit {
            benefit: benefit("g1"),
            position: 0,
        }),
        NOW,
    )
    .unwrap();
    apply_and_undo(
        &mut p,
        edit(BenefitEdit::UpdateNode {
            id: nid("g"),
            change: NodeChange::Benefit(Some(bid("g1"))),
        }),
    );
    apply_and_undo(&mut p, edit(BenefitEdit::RemoveArrow(ArrowId("a1".into()))));
}

#[test]
fn removing_a_node_removes_its_arrows_and_undo_restores_them_in_place() {
    let mut p = small_map();
    let before = p.clone();
    let inverse = p
        .apply(edit(BenefitEdit::RemoveNode(nid("f"))), NOW)
        .unwrap();
    assert!(p.benefit_map.node(&nid("f")).is_none());
    assert!(p.benefit_map.arrows.is_empty());
    let kinds: Vec<(RecordKind, &str)> = p
        .benefit_tombstones
        .iter()
        .map(|t| (t.kind, t.id.as_str()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (RecordKind::Arrow, "a2"),
            (RecordKind::Arrow, "a1"),
            (RecordKind::MapNode, "f")
        ]
    );
    p.apply(inverse, NOW).unwrap();
    assert_eq!(content(&p), content(&before));
    assert!(p.benefit_tombstones.is_empty());
}

#[test]
fn arrows_only_go_to_later_columns_and_never_twice() {
    let p = small_map();
    let insert = |a| {
        edit(BenefitEdit::InsertArrow {
            arrow: a,
            position: 0,
        })
    };
    let e = refused(&p, insert(arrow("x", "e", "f")));
    assert_eq!(
        e,
        BenefitError::ArrowNotForward {
            from: Column::Effekter,
            to: Column::Forandringer
        }
    );
    assert_eq!(
        e.to_string(),
        "Pile går fra venstre mod højre: en pil fra Effekter kan kun gå til Gevinster eller Mål."
    );
    assert!(matches!(
        refused(&p, insert(arrow("x", "f", "f"))),
        BenefitError::ArrowNotForward { .. }
    ));
    let e = refused(&p, insert(arrow("x", "l", "f")));
    assert_eq!(
        e.to_string(),
        "Der er allerede en pil fra «Løsning» til «Arbejdsgange»."
    );
    assert_eq!(
        refused(&p, insert(arrow("a1", "l", "e"))),
        BenefitError::DuplicateId("a1".into())
    );
    assert_eq!(
        refused(&p, insert(arrow("x", "l", "nope"))),
        BenefitError::UnknownNode("nope".into())
    );
    // Skipping columns is fine.
    let mut q = p.clone();
    q.apply(insert(arrow("x", "l", "g")), NOW).unwrap();
    let mut p = p;
    p.apply(
        edit(BenefitEdit::InsertNode {
            node: node("m", Column::Maal, "Mål"),
            position: 0,
        }),
        NOW,
    )
    .unwrap();
    let e = refused(&p, insert(arrow("x", "m", "g")));
    assert!(e.to_string().contains("Mål er sidste kolonne"), "{e}");
}

#[test]
fn moving_a_node_keeps_arrows_forward_and_drops_links_that_do_not_fit() {
    let mut p = small_map();
    let update = |id: &str, change| {
        edit(BenefitEdit::UpdateNode {
            id: nid(id),
            change,
        })
    };
    let e = refused(&p, update("f", NodeChange::Column(Column::Effekter)));
    assert_eq!(
        e,
        BenefitError::ColumnBreaksArrow {
            column: Column::Effekter,
            from: "Arbejdsgange".into(),
            to: "Hurtigere".into()
        }
    );
    assert!(e
        .to_string()
        .starts_with("Knuden kan ikke flyttes til Effekter"));
    assert!(matches!(
        refused(&p, update("e", NodeChange::Column(Column::Leverancer))),
        BenefitError::ColumnBreaksArrow { .. }
    ));
    // "e" may move right; "l" with links becomes an Effekt and loses them.
    p.apply(
        update("l", NodeChange::Tasks(vec![TaskNo::new(16).unwrap()])),
        NOW,
    )
    .unwrap();
    p.apply(
        update(
            "l",
            NodeChange::Activities(vec![ActivityId("t16-01".into())]),
        ),
        NOW,
    )
    .unwrap();
    let before = p.clone();
    let inverse = p
        .apply(update("e", NodeChange::Column(Column::Maal)), NOW)
        .unwrap();
    p.apply(inverse, NOW).unwrap();
    assert_eq!(content(&p), content(&before));
    p.apply(edit(BenefitEdit::RemoveArrow(ArrowId("a1".into()))), NOW)
        .unwrap();
    let before = p.clone();
    let inverse = p
        .apply(update("l", NodeChange::Column(Column::Gevinster)), NOW)
        .unwrap();
    let moved = p.benefit_map.node(&nid("l")).unwrap();
    assert_eq!(moved.column, Column::Gevinster);
    assert!(moved.tasks.is_empty() && moved.activities.is_empty());
    p.apply(inverse, NOW).unwrap();
    assert_eq!(content(&p), content(&before));
}

#[test]
fn links_must_fit_the_column() {
    let p = small_map();
    let update = |id: &str, change| {
        edit(BenefitEdit::UpdateNode {
            id: nid(id),
            change,
        })
    };
    let e = refused(
        &p,
        update("e", NodeChange::Tasks(vec![TaskNo::new(3).unwrap()])),
    );
    assert_eq!(e, BenefitError::ActivityLinkNotAllowed(Column::Effekter));
    assert_eq!(
        e.to_string(),
        "Kun leverancer og forandringer kobles til hovedopgaver og aktiviteter, ikke effekter."
    );
    let mut q = p.clone();
    q.apply(
        edit(BenefitEdit::InsertBenefit {
            benefit: benefit("g1"),
            position: 0,
        }),
        NOW,
    )
    .unwrap();
    let e = refused(&q, update("l", NodeChange::Benefit(Some(bid("g1")))));
    assert_eq!(e, BenefitError::BenefitLinkNotAllowed(Column::Leverancer));
    let e = refused(&q, update("g", NodeChange::Benefit(Some(bid("nope")))));
    assert_eq!(e, BenefitError::UnknownBenefit("nope".into()));
    let e = refused(
        &q,
        update("l", NodeChange::Activities(vec![ActivityId("nope".into())])),
    );
    assert_eq!(e, BenefitError::UnknownActivity(ActivityId("nope".into())));
    assert_eq!(
        refused(&q, update("l", NodeChange::Title(" ".into()))),
        BenefitError::EmptyTitle
    );
    assert_eq!(
        refused(&q, update("zz", NodeChange::Title("x".into()))),
        BenefitError::UnknownNode("zz".into())
    );
}

#[test]
fn a_failed_batch_of_map_edits_leaves_the_plan_unchanged() {
    let p = small_map();
    let mut q = p.clone();
    let batch = Edit::Batch(vec![
        edit(BenefitEdit::RemoveNode(nid("f"))),
        edit(BenefitEdit::InsertArrow {
            arrow: arrow("x", "e", "l"),
            position: 0,
        }),
    ]);
    assert!(q.apply(batch, NOW).is_err());
    assert_eq!(content(&q), content(&p));
}

#[test]
fn chain_holds_what_a_node_depends_on_and_what_depends_on_it() {
    let mut p = small_map();
    p.apply(
        edit(BenefitEdit::InsertNode {
            node: node("l2", Column::Leverancer, "Uddannelse"),
            position: 9,
        }),
        NOW,
    )
    .unwrap();
    p.apply(
        edit(BenefitEdit::InsertNode {
            node: node("f2", Column::Forandringer, "Kompetencer"),
            position: 9,
        }),
        NOW,
    )
    .unwrap();
    p.apply(
        edit(BenefitEdit::InsertArrow {
            arrow: arrow("a3", "l2", "f2"),
            position: 9,
        }),
        NOW,
    )
    .unwrap();
    p.apply(
        edit(BenefitEdit::InsertArrow {
            arrow: arrow("a4", "f2", "e"),
            position: 9,
        }),
        NOW,
    )
    .unwrap();
    let ids = |s: &[&str]| {
        s.iter()
            .map(|x| nid(x))
            .collect::<std::collections::HashSet<_>>()
    };
    let map = &p.benefit_map;
    let chain = |id: &str| {
        map.chain(&nid(id))
            .into_iter()
            .collect::<std::collections::HashSet<_>>()
    };
    assert_eq!(chain("f"), ids(&["l", "f", "e"]));
    assert_eq!(chain("e"), ids(&["l", "f", "e", "l2", "f2"]));
    assert_eq!(chain("g"), ids(&["g"]));
    assert_eq!(map.chain(&nid("e")).len(), 5, "each node once");
    assert!(map.chain(&nid("nope")).is_empty());
    let chain = map.chain(&nid("f"));
    let lit: Vec<&str> = map
        .arrows
        .iter()
        .filter(|a| map.arrow_in_chain(a, &chain))
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(lit, vec!["a1", "a2"]);
}
