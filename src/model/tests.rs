//! Tests of the domain model: creating a plan from the template, edits and
//! their inverses, validation, the phase × main task matrix and filters.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::catalog;

// ---------------------------------------------------------------- helpers

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn t(n: u8) -> TaskNo {
    TaskNo::new(n).expect("task number 1..=16")
}

fn id(s: &str) -> ActivityId {
    ActivityId(s.to_string())
}

/// When the test plan was created.
const T0: Timestamp = Timestamp(1_767_225_600_000);
/// When the edits under test are made (later than [`T0`]).
const NOW: Timestamp = Timestamp(1_780_000_000_000);

fn setup() -> PlanSetup {
    PlanSetup {
        id: PlanId("plan-1".to_string()),
        municipality: "Aarhus".to_string(),
        solution: Solution::Ky,
        go_live: d(2027, 3, 1),
        f1_start: d(2026, 9, 1),
        phases: None,
    }
}

/// A fresh plan from the template.
fn plan() -> Plan {
    Plan::from_template(setup(), T0).expect("valid setup")
}

/// The plan with every modification/creation/deletion timestamp zeroed, so
/// that two plans can be compared on content only.
fn normalised(p: &Plan) -> Plan {
    let mut p = p.clone();
    p.created = Timestamp(0);
    p.modified = Timestamp(0);
    p.settings_modified = Timestamp(0);
    for task in &mut p.tasks {
        task.modified = Timestamp(0);
    }
    for a in &mut p.activities {
        a.modified = Timestamp(0);
    }
    for tomb in &mut p.tombstones {
        tomb.deleted = Timestamp(0);
    }
    p
}

/// Content of the plan without timestamps and without tombstones.
fn content(p: &Plan) -> Plan {
    let mut p = normalised(p);
    p.tombstones.clear();
    p
}

fn user_activity(key: &str, task: u8, phase: Phase, title: &str) -> Activity {
    Activity::new_user(id(key), t(task), phase, title, T0)
}

/// Applies `edit`, checks that the inverse restores the plan's content, and
/// returns the plan as it was after the edit.
fn assert_round_trip(edit: Edit) -> Plan {
    let original = plan();
    let mut p = original.clone();
    let inverse = p.apply(edit.clone(), NOW).expect("edit applies");
    assert_ne!(
        normalised(&p),
        normalised(&original),
        "{edit:?} changed nothing"
    );
    assert_eq!(p.modified, NOW, "{edit:?} did not stamp the plan");
    let after = p.clone();
    p.apply(inverse, NOW).expect("inverse applies");
    assert_eq!(
        normalised(&p),
        normalised(&original),
        "inverse of {edit:?} does not restore the plan"
    );
    after
}

// ---------------------------------------------------------------- creation

#[test]
fn template_plan_holds_all_142_template_activities_in_catalog_order() {
    let p = plan();
    assert_eq!(p.activities.len(), 142);
    for (a, t) in p.activities.iter().zip(catalog::activities()) {
        assert_eq!(a.id, template_activity_id(t.key));
        assert_eq!(a.id.as_str(), t.key);
        assert_eq!(a.title, t.title);
        assert_eq!(a.task.get(), t.task);
        assert_eq!(a.phase, t.phase);
        assert_eq!(a.status, Status::IkkeStartet);
        assert_eq!(a.completed, None);
        assert_eq!(
            a.origin,
            Origin::Template {
                key: t.key.to_string()
            }
        );
        assert_eq!(a.modified, T0);
    }
    assert!(p.tombstones.is_empty());
}

#[test]
fn template_plan_records_setup_and_times() {
    let mut s = setup();
    s.municipality = "  Odense ".to_string();
    let p = Plan::from_template(s, T0).unwrap();
    assert_eq!(p.municipality, "Odense", "municipality is trimmed");
    assert_eq!(p.solution, Solution::Ky);
    assert_eq!(p.id, PlanId("plan-1".to_string()));
    assert_eq!(p.go_live, d(2027, 3, 1));
    assert_eq!((p.created, p.modified, p.settings_modified), (T0, T0, T0));
    assert_eq!(p.template_version, catalog::TEMPLATE_VERSION);
    assert_eq!(p.title(), "Odense · KY");
}

#[test]
fn template_plan_has_sixteen_tasks_with_default_phases() {
    let p = plan();
    assert_eq!(p.tasks.len(), 16);
    for (i, task) in p.tasks.iter().enumerate() {
        assert_eq!(usize::from(task.number.get()), i + 1);
        assert_eq!(task.phases, catalog::default_phases(task.number));
        assert_eq!(task.modified, T0);
        assert_eq!(p.task(task.number), task);
    }
}

#[test]
fn template_activities_start_and_end_inside_their_phase_window() {
    let p = plan();
    for a in &p.activities {
        let w = p.window(a.phase);
        let (start, due) = (a.start.unwrap(), a.due.unwrap());
        assert!(w.contains(start), "{} starts {start} outside {w:?}", a.id.0);
        assert!(w.contains(due), "{} is due {due} outside {w:?}", a.id.0);
        assert!(due >= start, "{} due before start", a.id.0);
        assert_eq!(p.check_activity(a), Ok(()));
    }
}

#[test]
fn proposed_phase_windows_are_contiguous_and_ordered() {
    let p = plan();
    for w in p.phases {
        assert!(w.start <= w.end, "{w:?}");
    }
    for pair in p.phases.windows(2) {
        assert_eq!(pair[0].end.succ_opt().unwrap(), pair[1].start);
    }
}

#[test]
fn f2_ends_the_day_before_go_live_and_f3_starts_at_go_live() {
    let p = plan();
    assert_eq!(p.window(Phase::F1).start, d(2026, 9, 1));
    assert_eq!(p.window(Phase::F2).end, d(2027, 2, 28));
    assert_eq!(p.window(Phase::F3).start, d(2027, 3, 1));
    assert_eq!(p.phase_at(p.go_live), Some(Phase::F3));
    assert_eq!(p.phase_at(d(2027, 2, 28)), Some(Phase::F2));
}

#[test]
fn proposed_windows_make_f2_the_longest_phase_before_go_live() {
    let w = propose_phase_windows(d(2026, 1, 1), d(2027, 1, 1)).unwrap();
    assert!(w[Phase::F2.index()].days() > w[Phase::F1.index()].days());
    // F0 covers the three months before F1.
    assert_eq!(w[0].start, d(2025, 10, 1));
    assert_eq!(w[0].end, d(2025, 12, 31));
    // F3 lasts three months from go-live.
    assert_eq!(w[3].end, d(2027, 3, 31));
}

#[test]
fn go_live_too_soon_after_f1_is_refused_with_the_earliest_date() {
    let f1 = d(2026, 9, 1);
    let earliest = f1 + chrono::Duration::weeks(MIN_WEEKS_TO_GO_LIVE);
    let mut s = setup();
    s.f1_start = f1;
    s.go_live = earliest.pred_opt().unwrap();
    assert_eq!(
        Plan::from_template(s.clone(), T0),
        Err(CreateError::GoLiveTooEarly { earliest })
    );
    s.go_live = d(2026, 1, 1);
    assert_eq!(
        Plan::from_template(s.clone(), T0),
        Err(CreateError::GoLiveTooEarly { earliest })
    );
    s.go_live = earliest;
    let p = Plan::from_template(s, T0).expect("exactly the minimum is accepted");
    assert_eq!(p.window(Phase::F3).start, earliest);
}

#[test]
fn empty_municipality_is_refused() {
    for name in ["", "   ", "\t\n"] {
        let mut s = setup();
        s.municipality = name.to_string();
        assert_eq!(
            Plan::from_template(s, T0),
            Err(CreateError::EmptyMunicipality)
        );
    }
}

#[test]
fn empty_solution_is_refused() {
    let mut s = setup();
    s.solution = Solution::Other("  ".to_string());
    assert_eq!(Plan::from_template(s, T0), Err(CreateError::EmptySolution));
}

#[test]
fn given_phase_windows_are_used_and_checked() {
    let windows = [
        PhaseWindow {
            start: d(2026, 1, 1),
            end: d(2026, 1, 31),
        },
        PhaseWindow {
            start: d(2026, 2, 1),
            end: d(2026, 2, 28),
        },
        PhaseWindow {
            start: d(2026, 3, 1),
            end: d(2026, 6, 30),
        },
        PhaseWindow {
            start: d(2026, 7, 1),
            end: d(2026, 7, 31),
        },
        PhaseWindow {
            start: d(2026, 8, 1),
            end: d(2026, 12, 31),
        },
    ];
    let mut s = setup();
    s.phases = Some(windows);
    let p = Plan::from_template(s.clone(), T0).unwrap();
    assert_eq!(p.phases, windows);
    for a in &p.activities {
        assert!(p.window(a.phase).contains(a.start.unwrap()));
        assert!(p.window(a.phase).contains(a.due.unwrap()));
    }
    let mut bad = windows;
    bad[3].end = d(2026, 6, 1);
    s.phases = Some(bad);
    assert_eq!(
        Plan::from_template(s, T0),
        Err(CreateError::WindowEndsBeforeStart(Phase::F3))
    );
}

#[test]
fn one_day_windows_still_hold_their_activities() {
    let day = d(2026, 5, 5);
    let mut s = setup();
    s.phases = Some(
        [PhaseWindow {
            start: day,
            end: day,
        }; 5],
    );
    let p = Plan::from_template(s, T0).unwrap();
    assert!(p
        .activities
        .iter()
        .all(|a| a.start == Some(day) && a.due == Some(day)));
}

#[test]
fn create_error_messages_are_danish() {
    let errors = [
        CreateError::EmptyMunicipality,
        CreateError::EmptySolution,
        CreateError::GoLiveTooEarly {
            earliest: d(2026, 10, 27),
        },
        CreateError::WindowEndsBeforeStart(Phase::F2),
    ];
    for e in &errors {
        assert!(!e.to_string().trim().is_empty());
    }
    assert!(errors[0].to_string().contains("kommune"));
    let early = errors[2].to_string();
    assert!(early.contains("27.10.2026"), "{early}");
    assert!(early.contains("F1 Initiering"), "{early}");
    assert!(early.contains(&MIN_WEEKS_TO_GO_LIVE.to_string()), "{early}");
    assert!(errors[3].to_string().contains("F2 Forberedelse"));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// For any F1 start and any go-live at least eight weeks later, the
    /// template plan is valid: windows contiguous, activities inside them.
    #[test]
    fn template_plans_are_valid_for_any_accepted_dates(
        f1_offset in 0i64..20_000,
        weeks in MIN_WEEKS_TO_GO_LIVE..400,
        extra_days in 0i64..7,
    ) {
        let f1 = d(1990, 1, 1) + chrono::Duration::days(f1_offset);
        let go_live = f1 + chrono::Duration::weeks(weeks) + chrono::Duration::days(extra_days);
        let mut s = setup();
        s.f1_start = f1;
        s.go_live = go_live;
        let p = Plan::from_template(s, T0).unwrap();
        prop_assert_eq!(p.window(Phase::F1).start, f1);
        prop_assert_eq!(p.window(Phase::F3).start, go_live);
        prop_assert_eq!(p.window(Phase::F2).end.succ_opt().unwrap(), go_live);
        for pair in p.phases.windows(2) {
            prop_assert!(pair[0].start <= pair[0].end);
            prop_assert_eq!(pair[0].end.succ_opt().unwrap(), pair[1].start);
        }
        for a in &p.activities {
            let w = p.window(a.phase);
            prop_assert!(w.contains(a.start.unwrap()) && w.contains(a.due.unwrap()));
            prop_assert!(a.start <= a.due);
        }
    }
}

// ---------------------------------------------------------------- edits: inverses

#[test]
fn set_municipality_trims_and_is_undone() {
    let after = assert_round_trip(Edit::SetMunicipality("  Vejle ".to_string()));
    assert_eq!(after.municipality, "Vejle");
}

#[test]
fn set_solution_is_undone() {
    let after = assert_round_trip(Edit::SetSolution(Solution::Other("Valgløsning".into())));
    assert_eq!(after.solution.name(), "Valgløsning");
}

#[test]
fn set_phase_window_is_undone() {
    let window = PhaseWindow {
        start: d(2026, 1, 1),
        end: d(2026, 1, 1),
    };
    let after = assert_round_trip(Edit::SetPhaseWindow {
        phase: Phase::F0,
        window,
    });
    assert_eq!(after.window(Phase::F0), window);
}

#[test]
fn set_go_live_is_undone() {
    let after = assert_round_trip(Edit::SetGoLive(d(2027, 4, 1)));
    assert_eq!(after.go_live, d(2027, 4, 1));
}

#[test]
fn set_task_phases_is_undone() {
    let phases = catalog::default_phases(t(10)).with(Phase::F2);
    let after = assert_round_trip(Edit::SetTaskPhases {
        task: t(10),
        phases,
    });
    assert_eq!(after.task(t(10)).phases, phases);
}

#[test]
fn insert_activity_is_undone_by_removing_it() {
    let original = plan();
    let mut p = original.clone();
    let a = user_activity("u-1", 3, Phase::F2, "  Hold kickoff  ");
    let inverse = p
        .apply(
            Edit::InsertActivity {
                activity: a,
                position: 5,
            },
            NOW,
        )
        .unwrap();
    assert_eq!(inverse, Edit::RemoveActivity(id("u-1")));
    assert_eq!(p.position(&id("u-1")), Some(5));
    assert_eq!(p.activities[5].title, "Hold kickoff", "title is trimmed");
    assert_eq!(p.activities[5].modified, NOW);
    assert_eq!(p.activities.len(), 143);
    p.apply(inverse, NOW).unwrap();
    // The activity is gone again; everything else is as before. (Undoing an
    // insert records a tombstone for the removed id.)
    assert_eq!(content(&p), content(&original));
    assert!(p.activity(&id("u-1")).is_none());
}

#[test]
fn insert_position_is_clamped_to_the_end() {
    let mut p = plan();
    let a = user_activity("u-end", 5, Phase::F0, "Sidste");
    p.apply(
        Edit::InsertActivity {
            activity: a,
            position: usize::MAX,
        },
        NOW,
    )
    .unwrap();
    assert_eq!(p.activities.last().unwrap().id, id("u-end"));
}

#[test]
fn insert_clears_completion_date_of_an_unfinished_activity() {
    let mut p = plan();
    let mut a = user_activity("u-2", 3, Phase::F2, "Halvt færdig");
    a.status = Status::IGang;
    a.completed = Some(d(2026, 12, 1));
    p.apply(
        Edit::InsertActivity {
            activity: a,
            position: 0,
        },
        NOW,
    )
    .unwrap();
    assert_eq!(p.activities[0].completed, None);
}

#[test]
fn remove_leaves_a_tombstone_and_undo_puts_the_activity_back_in_place() {
    let original = plan();
    let mut p = original.clone();
    let victim = original.activities[17].clone();
    let inverse = p
        .apply(Edit::RemoveActivity(victim.id.clone()), NOW)
        .unwrap();
    assert!(p.activity(&victim.id).is_none());
    assert_eq!(p.activities.len(), 141);
    assert_eq!(
        p.tombstones,
        vec![Tombstone {
            id: victim.id.clone(),
            deleted: NOW
        }]
    );
    assert_eq!(p.modified, NOW);
    assert_eq!(
        inverse,
        Edit::InsertActivity {
            activity: victim.clone(),
            position: 17
        }
    );
    p.apply(inverse, NOW).unwrap();
    assert_eq!(p.position(&victim.id), Some(17));
    assert!(p.tombstones.is_empty(), "undo removes the tombstone");
    assert_eq!(normalised(&p), normalised(&original));
}

#[test]
fn removing_the_first_and_last_activity_is_undone_in_place() {
    for index in [0, 141] {
        let original = plan();
        let mut p = original.clone();
        let victim = original.activities[index].id.clone();
        let inverse = p.apply(Edit::RemoveActivity(victim.clone()), NOW).unwrap();
        p.apply(inverse, NOW).unwrap();
        assert_eq!(p.position(&victim), Some(index));
        assert_eq!(normalised(&p), normalised(&original));
    }
}

#[test]
fn every_activity_change_is_undone() {
    let a = id("t03-02");
    let changes = [
        ActivityChange::Title("  Ny titel ".to_string()),
        ActivityChange::Description("Beskrivelse\nmed linjer".to_string()),
        ActivityChange::Placement {
            task: t(5),
            phase: Phase::F0,
        },
        ActivityChange::Dates {
            start: Some(d(2026, 9, 2)),
            due: Some(d(2026, 9, 30)),
        },
        ActivityChange::Dates {
            start: None,
            due: None,
        },
        ActivityChange::Responsible(" Mette ".to_string()),
        ActivityChange::Role("Projektleder".to_string()),
        ActivityChange::Status {
            status: Status::Faerdig,
            completed: Some(d(2026, 5, 10)),
        },
        ActivityChange::Status {
            status: Status::Udgaar,
            completed: None,
        },
        ActivityChange::Notes("<img src=x onerror=alert(1)> æøå".to_string()),
    ];
    for change in changes {
        let after = assert_round_trip(Edit::UpdateActivity {
            id: a.clone(),
            change: change.clone(),
        });
        let updated = after.activity(&a).unwrap();
        assert_eq!(updated.modified, NOW, "{change:?}");
        // Other activities are untouched.
        assert!(after
            .activities
            .iter()
            .filter(|x| x.id != a)
            .all(|x| x.modified == T0));
    }
}

/// Field edits store text as typed (so a space just typed is not eaten);
/// readers such as the responsible filter and list trim.
#[test]
fn updated_text_is_stored_as_typed_and_readers_trim() {
    let mut p = plan();
    let a = id("t06-01");
    for change in [
        ActivityChange::Title("Identificer gevinster ".into()),
        ActivityChange::Responsible("  Mette  ".into()),
        ActivityChange::Role(" Gevinstejer".into()),
    ] {
        p.apply(
            Edit::UpdateActivity {
                id: a.clone(),
                change,
            },
            NOW,
        )
        .unwrap();
    }
    let x = p.activity(&a).unwrap();
    assert_eq!(x.title, "Identificer gevinster ");
    assert_eq!(x.responsible, "  Mette  ");
    assert_eq!(x.role, " Gevinstejer");
    assert_eq!(p.responsibles(), ["Mette"]);
    let f = ActivityFilter {
        responsible: Some("mette".into()),
        ..Default::default()
    };
    assert!(f.matches(x));
}

#[test]
fn inserted_activity_title_is_trimmed() {
    let mut p = plan();
    p.apply(
        Edit::InsertActivity {
            activity: Activity {
                title: "  Ny  ".into(),
                ..user_activity("u-t", 3, Phase::F2, "x")
            },
            position: 0,
        },
        NOW,
    )
    .unwrap();
    assert_eq!(p.activities[0].title, "Ny");
}

#[test]
fn completing_and_reopening_an_activity() {
    let mut p = plan();
    let a = id("t03-01");
    let done_on = d(2026, 5, 5);
    p.apply(
        Edit::UpdateActivity {
            id: a.clone(),
            change: ActivityChange::Status {
                status: Status::Faerdig,
                completed: Some(done_on),
            },
        },
        NOW,
    )
    .unwrap();
    assert_eq!(p.activity(&a).unwrap().completed, Some(done_on));
    assert!(p.activity(&a).unwrap().is_done());

    let before_reopen = p.clone();
    let inverse = p
        .apply(
            Edit::UpdateActivity {
                id: a.clone(),
                change: ActivityChange::Status {
                    status: Status::IGang,
                    completed: Some(done_on),
                },
            },
            NOW,
        )
        .unwrap();
    let x = p.activity(&a).unwrap();
    assert_eq!(x.status, Status::IGang);
    assert_eq!(x.completed, None, "a non-done status clears completed");
    // Undoing the reopen brings the completion date back.
    p.apply(inverse, NOW).unwrap();
    assert_eq!(p, before_reopen);
}

#[test]
fn a_completion_date_after_today_is_refused() {
    // NOW is 28.05.2026 in Danish time: an activity cannot have become done
    // later (Overblik would count it done, the status report not yet).
    let mut p = plan();
    let a = id("t03-01");
    let done = |completed| Edit::UpdateActivity {
        id: a.clone(),
        change: ActivityChange::Status {
            status: Status::Faerdig,
            completed,
        },
    };
    let tomorrow = d(2026, 5, 29);
    assert_refused(
        &p,
        done(Some(tomorrow)),
        EditError::CompletedInFuture(tomorrow),
    );
    assert_eq!(
        EditError::CompletedInFuture(tomorrow).to_string(),
        "Færdig den (29.05.2026) ligger efter i dag. Skriv den dag, aktiviteten blev færdig."
    );
    p.apply(done(Some(d(2026, 5, 28))), NOW).unwrap();
    p.apply(done(None), NOW).unwrap();
}

#[test]
fn edits_stamp_the_right_modification_times() {
    let mut p = plan();
    p.apply(Edit::SetMunicipality("Vejle".into()), NOW).unwrap();
    assert_eq!((p.modified, p.settings_modified), (NOW, NOW));
    assert!(p.tasks.iter().all(|x| x.modified == T0));
    assert!(p.activities.iter().all(|x| x.modified == T0));

    let later = Timestamp(NOW.0 + 1000);
    p.apply(
        Edit::SetTaskPhases {
            task: t(12),
            phases: PhaseSet::of(&[Phase::F2, Phase::F3]),
        },
        later,
    )
    .unwrap();
    assert_eq!(p.modified, later);
    assert_eq!(
        p.settings_modified, NOW,
        "task phases are not plan settings"
    );
    assert_eq!(p.task(t(12)).modified, later);
    assert!(p
        .tasks
        .iter()
        .filter(|x| x.number != t(12))
        .all(|x| x.modified == T0));

    let latest = Timestamp(later.0 + 1000);
    p.apply(
        Edit::UpdateActivity {
            id: id("t12-01"),
            change: ActivityChange::Notes("n".into()),
        },
        latest,
    )
    .unwrap();
    assert_eq!(p.modified, latest);
    assert_eq!(p.activity(&id("t12-01")).unwrap().modified, latest);
    assert_eq!(p.settings_modified, NOW);
}

#[test]
fn batch_applies_all_edits_and_its_inverse_undoes_them_in_reverse_order() {
    let original = plan();
    let mut p = original.clone();
    let batch = Edit::Batch(vec![
        Edit::SetTaskPhases {
            task: t(10),
            phases: PhaseSet::of(&[Phase::F2, Phase::F3]),
        },
        Edit::UpdateActivity {
            id: id("t10-01"),
            change: ActivityChange::Placement {
                task: t(10),
                phase: Phase::F2,
            },
        },
        Edit::InsertActivity {
            activity: user_activity("u-b", 10, Phase::F2, "Generalprøve"),
            position: 0,
        },
        Edit::UpdateActivity {
            id: id("u-b"),
            change: ActivityChange::Notes("Efter indsættelse".into()),
        },
    ]);
    let inverse = p.apply(batch, NOW).unwrap();
    assert_eq!(p.activity(&id("t10-01")).unwrap().phase, Phase::F2);
    assert_eq!(p.activities[0].notes, "Efter indsættelse");
    assert!(matches!(&inverse, Edit::Batch(v) if v.len() == 4));
    p.apply(inverse, NOW).unwrap();
    assert_eq!(content(&p), content(&original));
}

#[test]
fn batch_that_fails_changes_no_content_and_reports_the_error() {
    let original = plan();
    let mut p = original.clone();
    let batch = Edit::Batch(vec![
        Edit::SetMunicipality("Vejle".into()),
        Edit::RemoveActivity(id("t01-01")),
        Edit::InsertActivity {
            activity: user_activity("u-x", 1, Phase::F2, "Ny"),
            position: 3,
        },
        Edit::UpdateActivity {
            id: id("t01-02"),
            change: ActivityChange::Title("   ".into()),
        },
    ]);
    assert_eq!(p.apply(batch, NOW), Err(EditError::EmptyTitle));
    assert_eq!(content(&p), content(&original));
    assert_eq!(p.municipality, "Aarhus");
    assert!(p.activity(&id("u-x")).is_none());
    assert_eq!(p.position(&id("t01-01")), Some(0));
}

/// A batch whose last edit is refused after a settings edit and an insert
/// have been applied.
fn failing_batch() -> Edit {
    Edit::Batch(vec![
        Edit::SetMunicipality("Vejle".into()),
        Edit::InsertActivity {
            activity: user_activity("u-x", 1, Phase::F2, "Ny"),
            position: 3,
        },
        Edit::RemoveActivity(id("does-not-exist")),
    ])
}

#[test]
fn failed_batch_keeps_the_modification_times() {
    let original = plan();
    let mut p = original.clone();
    assert!(p.apply(failing_batch(), NOW).is_err());
    assert_eq!(p.modified, original.modified);
    assert_eq!(p.settings_modified, original.settings_modified);
}

#[test]
fn failed_batch_leaves_no_tombstone() {
    let mut p = plan();
    assert!(p.apply(failing_batch(), NOW).is_err());
    assert_eq!(
        p.tombstones,
        vec![],
        "Plan::apply: on error the plan is unchanged"
    );
}

#[test]
fn empty_batch_applies_and_its_inverse_is_empty() {
    let mut p = plan();
    assert_eq!(p.apply(Edit::Batch(vec![]), NOW), Ok(Edit::Batch(vec![])));
}

// ---------------------------------------------------------------- edits: refused

/// Applies `edit` and checks that it is refused with `expected` and that the
/// plan is exactly as before.
fn assert_refused(p: &Plan, edit: Edit, expected: EditError) {
    let mut q = p.clone();
    assert_eq!(q.apply(edit.clone(), NOW), Err(expected), "{edit:?}");
    assert_eq!(&q, p, "{edit:?} changed the plan although refused");
}

#[test]
fn empty_municipality_or_solution_is_refused() {
    let p = plan();
    assert_refused(
        &p,
        Edit::SetMunicipality(" \t".into()),
        EditError::EmptyMunicipality,
    );
    assert_refused(
        &p,
        Edit::SetSolution(Solution::Other(String::new())),
        EditError::EmptySolution,
    );
}

#[test]
fn window_ending_before_it_starts_is_refused() {
    let p = plan();
    assert_refused(
        &p,
        Edit::SetPhaseWindow {
            phase: Phase::F4,
            window: PhaseWindow {
                start: d(2027, 1, 2),
                end: d(2027, 1, 1),
            },
        },
        EditError::WindowEndsBeforeStart(Phase::F4),
    );
}

#[test]
fn empty_phase_set_is_refused() {
    assert_refused(
        &plan(),
        Edit::SetTaskPhases {
            task: t(4),
            phases: PhaseSet::EMPTY,
        },
        EditError::NoPhases(t(4)),
    );
}

#[test]
fn removing_a_task_phase_that_still_has_activities_is_refused() {
    let p = plan();
    let count = p
        .activities
        .iter()
        .filter(|a| a.task == t(3) && a.phase == Phase::F1)
        .count();
    assert!(count > 0);
    assert_refused(
        &p,
        Edit::SetTaskPhases {
            task: t(3),
            phases: PhaseSet::of(&[Phase::F2, Phase::F3]),
        },
        EditError::PhaseInUse {
            task: t(3),
            phase: Phase::F1,
            count,
        },
    );
}

#[test]
fn removing_an_empty_task_phase_is_allowed() {
    let mut p = plan();
    // Main task 3 has no template activity in F3.
    assert!(!p
        .activities
        .iter()
        .any(|a| a.task == t(3) && a.phase == Phase::F3));
    p.apply(
        Edit::SetTaskPhases {
            task: t(3),
            phases: PhaseSet::of(&[Phase::F1, Phase::F2]),
        },
        NOW,
    )
    .unwrap();
    assert!(!p.task(t(3)).phases.contains(Phase::F3));
}

#[test]
fn dropped_activities_still_hold_their_phase() {
    let mut p = plan();
    for a in p.activities.clone().iter().filter(|a| a.task == t(12)) {
        p.apply(
            Edit::UpdateActivity {
                id: a.id.clone(),
                change: ActivityChange::Status {
                    status: Status::Udgaar,
                    completed: None,
                },
            },
            NOW,
        )
        .unwrap();
    }
    assert_refused(
        &p,
        Edit::SetTaskPhases {
            task: t(12),
            phases: PhaseSet::of(&[Phase::F3]),
        },
        EditError::PhaseInUse {
            task: t(12),
            phase: Phase::F2,
            count: 5,
        },
    );
}

#[test]
fn invalid_inserts_are_refused() {
    let p = plan();
    let insert = |a: Activity| Edit::InsertActivity {
        activity: a,
        position: 0,
    };
    assert_refused(
        &p,
        insert(user_activity("u-1", 3, Phase::F2, "   ")),
        EditError::EmptyTitle,
    );
    assert_refused(
        &p,
        insert(user_activity("t03-01", 3, Phase::F2, "Dublet")),
        EditError::DuplicateId(id("t03-01")),
    );
    assert_refused(
        &p,
        insert(user_activity("u-1", 10, Phase::F0, "For tidligt")),
        EditError::PhaseNotActive {
            task: t(10),
            phase: Phase::F0,
        },
    );
    let mut a = user_activity("u-1", 3, Phase::F2, "Baglæns");
    a.start = Some(d(2026, 12, 2));
    a.due = Some(d(2026, 12, 1));
    assert_refused(
        &p,
        insert(a),
        EditError::DueBeforeStart {
            start: d(2026, 12, 2),
            due: d(2026, 12, 1),
        },
    );
}

#[test]
fn edits_of_unknown_activities_are_refused() {
    let p = plan();
    assert_refused(
        &p,
        Edit::RemoveActivity(id("nope")),
        EditError::UnknownActivity(id("nope")),
    );
    assert_refused(
        &p,
        Edit::UpdateActivity {
            id: id("nope"),
            change: ActivityChange::Notes("x".into()),
        },
        EditError::UnknownActivity(id("nope")),
    );
}

#[test]
fn invalid_updates_are_refused() {
    let p = plan();
    let a = id("t05-01");
    let update = |change| Edit::UpdateActivity {
        id: a.clone(),
        change,
    };
    assert_refused(
        &p,
        update(ActivityChange::Title(" ".into())),
        EditError::EmptyTitle,
    );
    assert_refused(
        &p,
        update(ActivityChange::Dates {
            start: Some(d(2026, 10, 10)),
            due: Some(d(2026, 10, 9)),
        }),
        EditError::DueBeforeStart {
            start: d(2026, 10, 10),
            due: d(2026, 10, 9),
        },
    );
    assert_refused(
        &p,
        update(ActivityChange::Placement {
            task: t(12),
            phase: Phase::F1,
        }),
        EditError::PhaseNotActive {
            task: t(12),
            phase: Phase::F1,
        },
    );
}

#[test]
fn only_one_date_set_is_accepted() {
    let mut p = plan();
    for (start, due) in [(Some(d(2026, 1, 1)), None), (None, Some(d(2020, 1, 1)))] {
        p.apply(
            Edit::UpdateActivity {
                id: id("t05-01"),
                change: ActivityChange::Dates { start, due },
            },
            NOW,
        )
        .unwrap();
    }
}

#[test]
fn refused_batch_reports_the_first_error() {
    let p = plan();
    let mut q = p.clone();
    let result = q.apply(
        Edit::Batch(vec![
            Edit::SetGoLive(d(2027, 5, 1)),
            Edit::SetTaskPhases {
                task: t(1),
                phases: PhaseSet::EMPTY,
            },
            Edit::SetMunicipality(String::new()),
        ]),
        NOW,
    );
    assert_eq!(result, Err(EditError::NoPhases(t(1))));
    assert_eq!(q.go_live, p.go_live);
}

// ---------------------------------------------------------------- error messages

#[test]
fn edit_error_messages_are_danish_and_specific() {
    let errors = [
        EditError::EmptyMunicipality,
        EditError::EmptySolution,
        EditError::WindowEndsBeforeStart(Phase::F2),
        EditError::EmptyTitle,
        EditError::DueBeforeStart {
            start: d(2026, 3, 4),
            due: d(2026, 3, 1),
        },
        EditError::PhaseNotActive {
            task: t(10),
            phase: Phase::F0,
        },
        EditError::DuplicateId(id("t01-01")),
        EditError::UnknownActivity(id("u-9")),
        EditError::NoPhases(t(7)),
        EditError::PhaseInUse {
            task: t(3),
            phase: Phase::F1,
            count: 4,
        },
    ];
    for e in &errors {
        let m = e.to_string();
        assert!(m.trim().len() > 10, "{e:?}: {m:?}");
        assert!(!m.contains("Error"), "{e:?} leaks a Rust name: {m}");
    }
    let msg = |i: usize| errors[i].to_string();
    assert!(msg(0).contains("kommune"));
    assert!(msg(2).contains("F2 Forberedelse"));
    assert!(msg(3).contains("titel"));
    assert!(msg(4).contains("01.03.2026") && msg(4).contains("04.03.2026"));
    assert!(msg(5).contains("Hovedopgave 10") && msg(5).contains("F0 Tilslutning"));
    assert!(msg(6).contains("t01-01"));
    assert!(msg(7).contains("u-9"));
    assert!(msg(8).contains("Hovedopgave 7"));
    let in_use = msg(9);
    assert!(in_use.contains("Hovedopgave 3"), "{in_use}");
    assert!(in_use.contains("F1 Initiering"), "{in_use}");
    assert!(in_use.contains('4'), "{in_use}");
}

// ---------------------------------------------------------------- matrix

fn set_status(p: &mut Plan, key: &str, status: Status) {
    p.apply(
        Edit::UpdateActivity {
            id: id(key),
            change: ActivityChange::Status {
                status,
                completed: None,
            },
        },
        NOW,
    )
    .unwrap();
}

#[test]
fn matrix_counts_template_activities_per_task_and_phase() {
    let p = plan();
    let m = p.matrix();
    assert_eq!(m.cells.len(), 16);
    let mut total = 0;
    for no in TaskNo::all() {
        for phase in Phase::ALL {
            let expected = catalog::activities()
                .iter()
                .filter(|a| a.task == no.get() && a.phase == phase)
                .count();
            let cell = m.cell(no, phase);
            assert_eq!(cell.total, expected, "{} {}", no.get(), phase.code());
            assert_eq!(cell.done, 0);
            assert_eq!(cell.active, catalog::default_phases(no).contains(phase));
            total += cell.total;
        }
    }
    assert_eq!(total, 142);
}

#[test]
fn matrix_counts_done_and_leaves_out_dropped_activities() {
    let mut p = plan();
    // Main task 3 in F1: t03-01..06 and t03-09 (7 activities).
    assert_eq!(p.matrix().cell(t(3), Phase::F1).total, 7);
    set_status(&mut p, "t03-01", Status::Faerdig);
    set_status(&mut p, "t03-02", Status::Faerdig);
    set_status(&mut p, "t03-03", Status::Udgaar);
    set_status(&mut p, "t03-04", Status::IGang);
    set_status(&mut p, "t03-05", Status::Blokeret);
    let m = p.matrix();
    assert_eq!(
        m.cell(t(3), Phase::F1),
        Cell {
            active: true,
            total: 6,
            done: 2
        }
    );
    let (total, done) = m.phase_total(Phase::F1);
    let f1_count = catalog::activities()
        .iter()
        .filter(|a| a.phase == Phase::F1)
        .count();
    assert_eq!((total, done), (f1_count - 1, 2));
}

#[test]
fn matrix_flags_inactive_cells() {
    let mut p = plan();
    p.apply(
        Edit::SetTaskPhases {
            task: t(10),
            phases: PhaseSet::of(&[Phase::F2, Phase::F3]),
        },
        NOW,
    )
    .unwrap();
    let m = p.matrix();
    assert!(!m.cell(t(10), Phase::F0).active);
    assert_eq!(m.cell(t(10), Phase::F0).total, 0);
    assert!(m.cell(t(10), Phase::F2).active, "new phase is active");
    assert_eq!(m.cell(t(10), Phase::F2).total, 0);
    assert!(!m.cell(t(12), Phase::F4).active);
}

#[test]
fn matrix_follows_moved_and_removed_activities() {
    let mut p = plan();
    p.apply(
        Edit::UpdateActivity {
            id: id("t05-07"),
            change: ActivityChange::Placement {
                task: t(5),
                phase: Phase::F3,
            },
        },
        NOW,
    )
    .unwrap();
    p.apply(Edit::RemoveActivity(id("t05-01")), NOW).unwrap();
    let m = p.matrix();
    assert_eq!(m.cell(t(5), Phase::F3).total, 1);
    assert_eq!(m.cell(t(5), Phase::F4).total, 0);
    assert_eq!(m.cell(t(5), Phase::F1).total, 2);
}

// ---------------------------------------------------------------- filters

/// A plan with a few activities given responsible persons and notes.
fn filtered_plan() -> Plan {
    let mut p = plan();
    let edits = [
        ("t03-01", ActivityChange::Responsible("Mette Hansen".into())),
        ("t03-02", ActivityChange::Responsible("mette hansen".into())),
        (
            "t06-01",
            ActivityChange::Responsible("Søren Østergaard".into()),
        ),
        (
            "t06-01",
            ActivityChange::Notes("Aftal møde om GEVINSTKORT".into()),
        ),
        ("t08-01", ActivityChange::Role("Læringskonsulent".into())),
        (
            "t08-02",
            ActivityChange::Description("Plan for ÆBLEKURSUS".into()),
        ),
    ];
    for (key, change) in edits {
        p.apply(
            Edit::UpdateActivity {
                id: id(key),
                change,
            },
            NOW,
        )
        .unwrap();
    }
    set_status(&mut p, "t03-03", Status::Blokeret);
    p
}

fn matching(p: &Plan, f: &ActivityFilter) -> Vec<String> {
    p.activities
        .iter()
        .filter(|a| f.matches(a))
        .map(|a| a.id.0.clone())
        .collect()
}

#[test]
fn empty_filter_lets_everything_through() {
    let p = filtered_plan();
    let f = ActivityFilter::default();
    assert!(f.is_empty());
    assert_eq!(matching(&p, &f).len(), 142);
    let f = ActivityFilter {
        text: String::from("x"),
        ..Default::default()
    };
    assert!(!f.is_empty());
}

#[test]
fn filter_by_phase_task_and_status() {
    let p = filtered_plan();
    let by_phase = ActivityFilter {
        phase: Some(Phase::F3),
        ..Default::default()
    };
    let ids = matching(&p, &by_phase);
    assert!(!ids.is_empty());
    assert!(ids
        .iter()
        .all(|i| p.activity(&id(i)).unwrap().phase == Phase::F3));
    assert_eq!(
        ids.len(),
        p.activities.iter().filter(|a| a.phase == Phase::F3).count()
    );

    let by_task = ActivityFilter {
        task: Some(t(12)),
        ..Default::default()
    };
    assert_eq!(
        matching(&p, &by_task),
        ["t12-01", "t12-02", "t12-03", "t12-04", "t12-05"]
    );

    let both = ActivityFilter {
        task: Some(t(3)),
        phase: Some(Phase::F2),
        ..Default::default()
    };
    assert_eq!(
        matching(&p, &both),
        ["t03-07", "t03-08", "t03-10", "t03-11"]
    );

    let blocked = ActivityFilter {
        status: Some(Status::Blokeret),
        ..Default::default()
    };
    assert_eq!(matching(&p, &blocked), ["t03-03"]);
}

#[test]
fn filter_by_responsible_ignores_case_and_some_empty_means_nobody() {
    let p = filtered_plan();
    let mette = ActivityFilter {
        responsible: Some(" METTE HANSEN ".into()),
        ..Default::default()
    };
    assert_eq!(matching(&p, &mette), ["t03-01", "t03-02"]);
    let nobody = ActivityFilter {
        responsible: Some(String::new()),
        ..Default::default()
    };
    let ids = matching(&p, &nobody);
    assert_eq!(ids.len(), 142 - 3);
    assert!(!ids.contains(&"t06-01".to_string()));
}

#[test]
fn text_search_is_case_insensitive_across_fields() {
    let p = filtered_plan();
    let search = |text: &str| {
        matching(
            &p,
            &ActivityFilter {
                text: text.into(),
                ..Default::default()
            },
        )
    };
    // Title.
    assert_eq!(search("IDENTIFICER GEVINSTER"), ["t06-01"]);
    // Notes, with Danish letters in another case.
    assert_eq!(search("gevinstkort"), ["t06-01"]);
    // Responsible.
    assert_eq!(search("  søren østergaard "), ["t06-01"]);
    assert_eq!(search("mette"), ["t03-01", "t03-02"]);
    // Role and description.
    assert_eq!(search("LÆRINGSKONSULENT"), ["t08-01"]);
    assert_eq!(search("æblekursus"), ["t08-02"]);
    // Nothing.
    assert!(search("ingen sådan tekst").is_empty());
    // Whitespace only is no filter.
    assert_eq!(search("   ").len(), 142);
}

#[test]
fn filters_combine_with_and() {
    let p = filtered_plan();
    let f = ActivityFilter {
        task: Some(t(3)),
        responsible: Some("mette hansen".into()),
        text: "styregruppeformand".into(),
        ..Default::default()
    };
    assert_eq!(matching(&p, &f), ["t03-02"]);
}

#[test]
fn responsibles_are_distinct_and_sorted() {
    let p = filtered_plan();
    let names = p.responsibles();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].eq_ignore_ascii_case("mette hansen"));
    assert_eq!(names[1], "Søren Østergaard");
}

#[test]
fn responsibles_ignore_case_of_danish_letters_too() {
    let mut p = plan();
    for (key, name) in [("t01-01", "Søren"), ("t01-02", "SØREN")] {
        p.apply(
            Edit::UpdateActivity {
                id: id(key),
                change: ActivityChange::Responsible(name.into()),
            },
            NOW,
        )
        .unwrap();
    }
    assert_eq!(p.responsibles().len(), 1, "{:?}", p.responsibles());
}

// ---------------------------------------------------------------- overdue

#[test]
fn overdue_means_due_passed_and_neither_done_nor_dropped() {
    let mut a = user_activity("u", 3, Phase::F2, "Frist");
    let today = d(2026, 11, 10);
    assert!(!a.is_overdue(today), "no due date");
    a.due = Some(d(2026, 11, 10));
    assert!(!a.is_overdue(today), "due today is not overdue");
    a.due = Some(d(2026, 11, 9));
    assert!(a.is_overdue(today));
    for (status, overdue) in [
        (Status::IkkeStartet, true),
        (Status::IGang, true),
        (Status::Blokeret, true),
        (Status::Faerdig, false),
        (Status::Udgaar, false),
    ] {
        a.status = status;
        assert_eq!(a.is_overdue(today), overdue, "{status:?}");
    }
}

#[test]
fn statuses_have_stable_keys_and_danish_labels() {
    for s in Status::ALL {
        assert_eq!(Status::from_key(s.key()), Some(s));
        assert!(!s.label().is_empty());
    }
    assert_eq!(Status::from_key("Færdig"), None);
    assert_eq!(Status::Udgaar.label(), "Udgår");
}

#[test]
fn solution_parse_recognises_known_codes() {
    assert_eq!(Solution::parse(" ky "), Solution::Ky);
    assert_eq!(Solution::parse("SAPA"), Solution::Sapa);
    assert_eq!(
        Solution::parse(" Valg "),
        Solution::Other("Valg".to_string())
    );
    assert_eq!(
        Solution::Ksd.long_name(),
        Some("Kommunernes Sygedagpengesystem")
    );
}

#[test]
fn local_date_switches_with_danish_summer_time() {
    // 2026-10-24 22:30 UTC is 00:30 on 25 October in summer time (UTC+2).
    let t = Timestamp(1_792_881_000_000);
    assert_eq!(t.local_date(), Some(d(2026, 10, 25)));
    // 2026-10-25 22:30 UTC is 23:30 the same day in winter time (UTC+1).
    let t = Timestamp(1_792_967_400_000);
    assert_eq!(t.local_date(), Some(d(2026, 10, 25)));
}

// ---------------------------------------------------------------- property: undo

/// A recipe for an edit, turned into a real [`Edit`] against the plan as it
/// is when the recipe is used (so it can name existing activities).
#[derive(Clone, Debug)]
enum Op {
    Municipality(String),
    Solution(String),
    Window(usize, i64, i64),
    GoLive(i64),
    TaskPhases(u8, u8),
    Insert {
        task: u8,
        phase: usize,
        title: String,
        position: usize,
        reuse_id: Option<usize>,
        status: usize,
    },
    Remove(usize),
    Update(usize, ChangeOp),
    UnknownActivity,
    Batch(Vec<Op>),
}

#[derive(Clone, Debug)]
enum ChangeOp {
    Title(String),
    Description(String),
    Placement(u8, usize),
    Dates(Option<i64>, Option<i64>),
    Responsible(String),
    Role(String),
    Status(usize, Option<i64>),
    Notes(String),
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ a-zæøåA-ZÆØÅ0-9]{0,12}",
        Just(String::new()),
        Just("  ".to_string()),
        any::<String>(),
    ]
}

fn change_op() -> impl Strategy<Value = ChangeOp> {
    prop_oneof![
        text().prop_map(ChangeOp::Title),
        text().prop_map(ChangeOp::Description),
        (1u8..=16, 0usize..5).prop_map(|(t, p)| ChangeOp::Placement(t, p)),
        (
            proptest::option::of(-400i64..400),
            proptest::option::of(-400i64..400)
        )
            .prop_map(|(s, d)| ChangeOp::Dates(s, d)),
        text().prop_map(ChangeOp::Responsible),
        text().prop_map(ChangeOp::Role),
        (0usize..5, proptest::option::of(-400i64..400)).prop_map(|(s, c)| ChangeOp::Status(s, c)),
        text().prop_map(ChangeOp::Notes),
    ]
}

fn simple_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        text().prop_map(Op::Municipality),
        text().prop_map(Op::Solution),
        (0usize..5, -400i64..400, -5i64..200).prop_map(|(p, s, l)| Op::Window(p, s, l)),
        (-400i64..400).prop_map(Op::GoLive),
        (1u8..=16, 0u8..32).prop_map(|(t, m)| Op::TaskPhases(t, m)),
        (
            1u8..=16,
            0usize..5,
            text(),
            0usize..200,
            proptest::option::of(0usize..200),
            0usize..5
        )
            .prop_map(|(task, phase, title, position, reuse_id, status)| {
                Op::Insert {
                    task,
                    phase,
                    title,
                    position,
                    reuse_id,
                    status,
                }
            }),
        (0usize..200).prop_map(Op::Remove),
        (0usize..200, change_op()).prop_map(|(i, c)| Op::Update(i, c)),
        Just(Op::UnknownActivity),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        8 => simple_op(),
        1 => proptest::collection::vec(simple_op(), 0..4).prop_map(Op::Batch),
    ]
}

fn base_day() -> NaiveDate {
    d(2026, 9, 1)
}

fn day(offset: i64) -> NaiveDate {
    base_day() + chrono::Duration::days(offset)
}

fn nth_id(p: &Plan, i: usize) -> ActivityId {
    if p.activities.is_empty() {
        id("missing")
    } else {
        p.activities[i % p.activities.len()].id.clone()
    }
}

fn build(op: &Op, p: &Plan, counter: &mut usize) -> Edit {
    match op {
        Op::Municipality(s) => Edit::SetMunicipality(s.clone()),
        Op::Solution(s) => Edit::SetSolution(Solution::parse(s)),
        Op::Window(phase, start, len) => Edit::SetPhaseWindow {
            phase: Phase::ALL[*phase],
            window: PhaseWindow {
                start: day(*start),
                end: day(start + len),
            },
        },
        Op::GoLive(o) => Edit::SetGoLive(day(*o)),
        Op::TaskPhases(task, mask) => Edit::SetTaskPhases {
            task: t(*task),
            phases: PhaseSet::of(
                &Phase::ALL
                    .into_iter()
                    .filter(|ph| mask & (1 << ph.index()) != 0)
                    .collect::<Vec<_>>(),
            ),
        },
        Op::Insert {
            task,
            phase,
            title,
            position,
            reuse_id,
            status,
        } => {
            *counter += 1;
            let new_id = match reuse_id {
                Some(i) => nth_id(p, *i),
                None => id(&format!("user-{counter}")),
            };
            let mut a = Activity::new_user(new_id, t(*task), Phase::ALL[*phase], title, T0);
            a.status = Status::ALL[*status];
            a.completed = Some(base_day());
            Edit::InsertActivity {
                activity: a,
                position: *position,
            }
        }
        Op::Remove(i) => Edit::RemoveActivity(nth_id(p, *i)),
        Op::UnknownActivity => Edit::RemoveActivity(id("no-such-activity")),
        Op::Update(i, c) => Edit::UpdateActivity {
            id: nth_id(p, *i),
            change: match c {
                ChangeOp::Title(s) => ActivityChange::Title(s.clone()),
                ChangeOp::Description(s) => ActivityChange::Description(s.clone()),
                ChangeOp::Placement(task, phase) => ActivityChange::Placement {
                    task: t(*task),
                    phase: Phase::ALL[*phase],
                },
                ChangeOp::Dates(s, e) => ActivityChange::Dates {
                    start: s.map(day),
                    due: e.map(day),
                },
                ChangeOp::Responsible(s) => ActivityChange::Responsible(s.clone()),
                ChangeOp::Role(s) => ActivityChange::Role(s.clone()),
                ChangeOp::Status(s, c) => ActivityChange::Status {
                    status: Status::ALL[*s],
                    completed: c.map(day),
                },
                ChangeOp::Notes(s) => ActivityChange::Notes(s.clone()),
            },
        },
        Op::Batch(ops) => {
            // Batch members are built against the plan before the batch, so
            // some of them are refused; that exercises the rollback.
            Edit::Batch(ops.iter().map(|o| build(o, p, counter)).collect())
        }
    }
}

/// Whether every activity satisfies the plan's invariants.
fn invariants_hold(p: &Plan) -> bool {
    let mut ids = std::collections::HashSet::new();
    p.activities.iter().all(|a| {
        ids.insert(a.id.clone())
            && p.check_activity(a).is_ok()
            && (a.status == Status::Faerdig || a.completed.is_none())
    }) && p.phases.iter().all(|w| w.start <= w.end)
        && p.tasks.iter().all(|t| !t.phases.is_empty())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 96,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Applying random edits and then all their inverses in reverse order
    /// gives back the original plan's activities and settings; refused edits
    /// change nothing, and invariants hold throughout.
    #[test]
    fn undoing_every_edit_in_reverse_restores_the_plan(ops in proptest::collection::vec(op(), 1..30)) {
        let original = plan();
        let mut p = original.clone();
        let mut counter = 0;
        let mut inverses = Vec::new();
        for (step, op) in ops.iter().enumerate() {
            let edit = build(op, &p, &mut counter);
            let before = p.clone();
            let now = Timestamp(NOW.0 + step as i64);
            match p.apply(edit.clone(), now) {
                Ok(inverse) => {
                    if !matches!(&edit, Edit::Batch(v) if v.is_empty()) {
                        prop_assert_eq!(p.modified, now);
                    }
                    inverses.push(inverse);
                }
                Err(_) if matches!(edit, Edit::Batch(_)) => {
                    prop_assert_eq!(content(&p), content(&before), "failed batch changed content");
                }
                Err(e) => {
                    prop_assert_eq!(&p, &before, "refused edit {:?} ({}) changed the plan", edit, e);
                }
            }
            prop_assert!(invariants_hold(&p), "invariants broken after {:?}", edit);
        }
        for inverse in inverses.into_iter().rev() {
            let shown = format!("{inverse:?}");
            prop_assert!(p.apply(inverse, NOW).is_ok(), "inverse refused: {}", shown);
        }
        prop_assert_eq!(content(&p), content(&original));
        // Tombstones of the original plan survive; any new ones name
        // activities that are no longer in the plan.
        for tomb in &p.tombstones {
            prop_assert!(p.activity(&tomb.id).is_none());
        }
    }
}

#[test]
fn marking_a_plan_exchanged_is_not_a_change_of_the_plan() {
    let mut p = plan();
    let modified = p.modified;
    let inverse = p
        .apply(Edit::MarkExchanged(Timestamp(5_000)), Timestamp(9_000))
        .unwrap();
    assert_eq!(p.exchanged, Timestamp(5_000));
    assert_eq!(p.modified, modified, "\"Senest ændret\" stays");
    assert_eq!(inverse, Edit::MarkExchanged(Timestamp(0)));
}

#[test]
fn kommune_is_never_doubled() {
    use crate::model::kommune;
    assert_eq!(kommune("Aarhus"), "Aarhus Kommune");
    assert_eq!(kommune("Aarhus Kommune"), "Aarhus Kommune");
    assert_eq!(kommune("  Vejle kommune "), "Vejle kommune");
    assert_eq!(
        kommune("Bornholms Regionskommune"),
        "Bornholms Regionskommune"
    );
    assert_eq!(kommune(""), "");
}

#[test]
fn the_two_municipalities_with_other_official_names_get_them() {
    use crate::model::kommune;
    // Picked from the suggestions ("København", "Bornholm"): not
    // "København Kommune" or "Bornholm Kommune".
    assert_eq!(kommune("København"), "Københavns Kommune");
    assert_eq!(kommune(" københavn "), "Københavns Kommune");
    assert_eq!(kommune("Bornholm"), "Bornholms Regionskommune");
    assert_eq!(kommune("Københavns Kommune"), "Københavns Kommune");
    assert_eq!(kommune("Frederiksberg"), "Frederiksberg Kommune");
}

#[test]
fn edits_refuse_dates_outside_the_plan_years_but_keep_old_ones() {
    let mut p = plan();
    let a = id("t03-02");
    let err = p.apply(Edit::SetGoLive(d(1999, 12, 31)), NOW).unwrap_err();
    assert!(matches!(err, EditError::DateOutOfRange(_)));
    assert!(
        err.to_string().contains("uden for årene 2000–2099"),
        "{err}"
    );
    let update = |start, due| Edit::UpdateActivity {
        id: a.clone(),
        change: ActivityChange::Dates { start, due },
    };
    let before = p.clone();
    for edit in [
        update(Some(d(1900, 1, 1)), Some(d(2026, 9, 30))),
        update(Some(d(2026, 9, 2)), Some(d(2199, 12, 31))),
        Edit::SetPhaseWindow {
            phase: Phase::F4,
            window: PhaseWindow {
                start: d(2028, 1, 1),
                end: d(2100, 1, 1),
            },
        },
    ] {
        assert!(matches!(
            p.apply(edit, NOW),
            Err(EditError::DateOutOfRange(_))
        ));
    }
    assert_eq!(p, before, "a refused edit changes nothing");
    // The first and last accepted years.
    p.apply(update(Some(d(2000, 1, 1)), Some(d(2099, 12, 31))), NOW)
        .expect("2000 and 2099 are accepted");
    // A date saved before the rule (or imported) does not block other edits.
    let i = p.position(&a).expect("activity");
    p.activities[i].start = Some(d(1990, 5, 5));
    p.apply(update(Some(d(1990, 5, 5)), Some(d(2027, 1, 1))), NOW)
        .expect("an unchanged old date passes");
}

#[test]
fn go_live_outside_f3_is_noted_not_refused() {
    let mut p = plan();
    assert_eq!(p.go_live_note(), None, "a new plan starts F3 at go-live");
    p.apply(Edit::SetGoLive(d(2026, 10, 1)), NOW)
        .expect("accepted: the phases may be moved next");
    let note = p.go_live_note().expect("a note");
    assert!(
        note.starts_with("Go-live (01.10.2026) ligger uden for F3"),
        "{note}"
    );
}

#[test]
fn a_copy_is_a_new_plan_told_apart_by_its_name() {
    let mut original = plan();
    original.exchanged = NOW;
    let copy = original
        .clone()
        .copy_as(PlanId("plan-2".into()), "importeret", NOW);
    assert_eq!(copy.id, PlanId("plan-2".into()));
    assert_eq!(copy.name, "Aarhus · KY (importeret)");
    assert_eq!(
        (copy.created, copy.modified, copy.exchanged),
        (NOW, NOW, Timestamp(0))
    );
    assert_eq!(copy.activities, original.activities);
}
