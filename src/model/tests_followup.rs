//! Tests of the follow-up side of the model on a constructed plan with known
//! numbers: readiness scores, phase decisions, what is late and what comes
//! next, progress per main task on a date, and changes since a saved report.

use chrono::NaiveDate;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn t(n: u8) -> TaskNo {
    TaskNo::new(n).expect("task number")
}

fn aid(s: &str) -> ActivityId {
    ActivityId(s.to_string())
}

/// Created on 1 January 2026, before F0 (which starts 1 June 2026).
const T0: Timestamp = Timestamp(1_767_225_600_000);
const NOW: Timestamp = Timestamp(1_800_000_000_000);

/// The reporting date of the tests.
fn day() -> NaiveDate {
    d(2026, 10, 15)
}

fn activity(
    key: &str,
    task: u8,
    phase: Phase,
    due: Option<NaiveDate>,
    status: Status,
    completed: Option<NaiveDate>,
) -> Activity {
    let mut a = Activity::new_user(aid(key), t(task), phase, key, T0);
    a.start = due.map(|d| d - chrono::Duration::days(10));
    a.due = due;
    a.status = status;
    a.completed = completed;
    a
}

/// A plan with nine hand-made activities:
///
/// | id | task | phase | due        | status                   |
/// |----|------|-------|------------|--------------------------|
/// | a1 | 3    | F1    | 01.10.2026 | Færdig 30.09.2026        |
/// | a2 | 3    | F1    | 10.10.2026 | I gang                   |
/// | a3 | 3    | F1    | 20.10.2026 | Ikke startet             |
/// | a4 | 3    | F1    | 30.11.2026 | Blokeret                 |
/// | a5 | 5    | F1    | 14.10.2026 | Færdig 16.10.2026 (late) |
/// | a6 | 5    | F1    | 05.10.2026 | Udgår                    |
/// | a7 | 5    | F2    | –          | Ikke startet             |
/// | a8 | 5    | F0    | 29.10.2026 | Ikke startet             |
/// | a9 | 5    | F0    | 30.10.2026 | Ikke startet             |
fn plan() -> Plan {
    let setup = PlanSetup {
        id: PlanId("plan-1".to_string()),
        municipality: "Aarhus".to_string(),
        solution: Solution::Ky,
        go_live: d(2027, 3, 1),
        f1_start: d(2026, 9, 1),
        phases: None,
    };
    let mut p = Plan::from_template(setup, T0).expect("valid setup");
    use Status::*;
    p.activities = vec![
        activity(
            "a1",
            3,
            Phase::F1,
            Some(d(2026, 10, 1)),
            Faerdig,
            Some(d(2026, 9, 30)),
        ),
        activity("a2", 3, Phase::F1, Some(d(2026, 10, 10)), IGang, None),
        activity("a3", 3, Phase::F1, Some(d(2026, 10, 20)), IkkeStartet, None),
        activity("a4", 3, Phase::F1, Some(d(2026, 11, 30)), Blokeret, None),
        activity(
            "a5",
            5,
            Phase::F1,
            Some(d(2026, 10, 14)),
            Faerdig,
            Some(d(2026, 10, 16)),
        ),
        activity("a6", 5, Phase::F1, Some(d(2026, 10, 5)), Udgaar, None),
        activity("a7", 5, Phase::F2, None, IkkeStartet, None),
        activity("a8", 5, Phase::F0, Some(d(2026, 10, 29)), IkkeStartet, None),
        activity("a9", 5, Phase::F0, Some(d(2026, 10, 30)), IkkeStartet, None),
    ];
    p.activities[1].responsible = "Mette".to_string();
    p.activities[2].responsible = " mette ".to_string();
    p.activities[3].responsible = "Anders".to_string();
    p
}

fn ids(list: &[&Activity]) -> Vec<String> {
    list.iter().map(|a| a.id.0.clone()).collect()
}

fn item(phase: Phase, suffix: &str) -> ItemId {
    ItemId(format!("{}-{suffix}", phase.code().to_lowercase()))
}

fn answer(p: &mut Plan, phase: Phase, suffix: &str, a: Option<Answer>) {
    let edit = Edit::Followup(FollowupEdit::UpdateItem {
        phase,
        id: item(phase, suffix),
        change: ItemChange::Answer {
            answer: a,
            by: "Mette".to_string(),
            on: Some(day()),
        },
    });
    p.apply(edit, NOW).expect("answer applies");
}

fn advance(
    p: &mut Plan,
    id: &str,
    from: Phase,
    date: NaiveDate,
    reason: &str,
) -> Result<Edit, EditError> {
    let decision = PhaseDecision::new(
        DecisionId(id.to_string()),
        from,
        date,
        "Styregruppen",
        reason,
    );
    p.apply(Edit::Followup(FollowupEdit::Advance(decision)), NOW)
}

fn followup_error(e: EditError) -> FollowupError {
    match e {
        EditError::Followup(f) => f,
        other => panic!("expected a follow-up error, got {other:?}"),
    }
}

// ------------------------------------------------------------ checklists

#[test]
fn template_checklists_hold_success_factors_and_the_success_statement() {
    let p = plan();
    let f1 = p.checklist(Phase::F1);
    assert_eq!(f1.items.len(), 6);
    assert_eq!(f1.items[0].id, item(Phase::F1, "sf1"));
    assert_eq!(f1.items[0].text, "Topledelsens involvering");
    assert_eq!(f1.items[0].origin, ItemOrigin::SuccessFactor);
    assert_eq!(f1.items[5].id, item(Phase::F1, "naar"));
    assert_eq!(f1.items[5].origin, ItemOrigin::SuccessWhen);
    assert!(f1.items[5]
        .text
        .starts_with("Topledelsen og forretningsområdets ledelse"));
    // F0's Tabel 2 cell says no success factors are specified: only the statement.
    let f0 = p.checklist(Phase::F0);
    assert_eq!(f0.items.len(), 1);
    assert_eq!(f0.items[0].origin, ItemOrigin::SuccessWhen);
    let counts: Vec<usize> = Phase::ALL
        .iter()
        .map(|ph| p.checklist(*ph).items.len())
        .collect();
    assert_eq!(counts, [1, 6, 6, 5, 5]);
    assert!(p
        .checklists
        .iter()
        .flat_map(|c| &c.items)
        .all(|i| i.answer.is_none()));
}

#[test]
fn a_new_plan_starts_in_the_phase_of_its_creation_date() {
    assert_eq!(plan().stage, Stage::In(Phase::F0));
    let p = plan();
    assert_eq!(Stage::on_date(&p, d(2026, 9, 1)), Stage::In(Phase::F1));
    assert_eq!(Stage::on_date(&p, d(2027, 3, 1)), Stage::In(Phase::F3));
    assert_eq!(Stage::on_date(&p, d(2030, 1, 1)), Stage::In(Phase::F4));
}

#[test]
fn readiness_score_counts_opfyldt_one_delvist_half_and_leaves_out_ikke_relevant() {
    let mut p = plan();
    let r = p.readiness(Phase::F1);
    assert_eq!((r.items, r.unanswered, r.score()), (6, 6, Some(0)));
    answer(&mut p, Phase::F1, "sf1", Some(Answer::Opfyldt));
    answer(&mut p, Phase::F1, "sf2", Some(Answer::Opfyldt));
    answer(&mut p, Phase::F1, "sf3", Some(Answer::Delvist));
    answer(&mut p, Phase::F1, "sf4", Some(Answer::IkkeOpfyldt));
    answer(&mut p, Phase::F1, "sf5", Some(Answer::IkkeRelevant));
    // 2.5 points of 5 relevant items (the unanswered one counts 0).
    let r = p.readiness(Phase::F1);
    assert_eq!(
        (
            r.opfyldt,
            r.delvist,
            r.ikke_opfyldt,
            r.ikke_relevant,
            r.unanswered
        ),
        (2, 1, 1, 1, 1)
    );
    assert_eq!(r.relevant(), 5);
    assert_eq!(r.score(), Some(50));
    assert_eq!(r.unmet(), 2);
    // 2.5 of 4: 62.5 % rounds half up to 63 %.
    answer(&mut p, Phase::F1, "naar", Some(Answer::IkkeRelevant));
    assert_eq!(p.readiness(Phase::F1).score(), Some(63));
    // Everything Ikke relevant: no score.
    for s in ["sf1", "sf2", "sf3", "sf4"] {
        answer(&mut p, Phase::F1, s, Some(Answer::IkkeRelevant));
    }
    assert_eq!(p.readiness(Phase::F1).score(), None);
}

#[test]
fn readiness_lists_the_phases_open_activities_by_due_date_and_is_complete_only_without_them() {
    let mut p = plan();
    let r = p.readiness(Phase::F1);
    // a1 and a5 are done, a6 is dropped.
    assert_eq!(r.open_activities, vec![aid("a2"), aid("a3"), aid("a4")]);
    assert_eq!(r.activities, 5);
    for s in ["sf1", "sf2", "sf3", "sf4", "sf5", "naar"] {
        answer(&mut p, Phase::F1, s, Some(Answer::Opfyldt));
    }
    let r = p.readiness(Phase::F1);
    assert_eq!(r.score(), Some(100));
    assert_eq!(r.outstanding(), 3);
    assert!(!r.complete());
    for a in p.activities.iter_mut().filter(|a| a.phase == Phase::F1) {
        if a.status != Status::Udgaar {
            a.status = Status::Faerdig;
        }
    }
    assert!(p.readiness(Phase::F1).complete());
}

#[test]
fn answering_needs_who_and_clearing_the_answer_clears_who_and_when() {
    let mut p = plan();
    let edit = |by: &str, a: Option<Answer>| {
        Edit::Followup(FollowupEdit::UpdateItem {
            phase: Phase::F2,
            id: item(Phase::F2, "sf1"),
            change: ItemChange::Answer {
                answer: a,
                by: by.to_string(),
                on: Some(day()),
            },
        })
    };
    let e = p.apply(edit("  ", Some(Answer::Opfyldt)), NOW).unwrap_err();
    assert_eq!(followup_error(e), FollowupError::MissingAnsweredBy);
    assert!(e_message(FollowupError::MissingAnsweredBy).contains("Besvaret af"));
    let inverse = p
        .apply(edit(" Mette ", Some(Answer::Delvist)), NOW)
        .unwrap();
    let it = &p.checklist(Phase::F2).items[0];
    assert_eq!(
        (it.answer, it.answered_by.as_str(), it.answered_on),
        (Some(Answer::Delvist), "Mette", Some(day()))
    );
    assert_eq!(it.modified, NOW);
    assert_eq!(p.last_answerer().as_deref(), Some("Mette"));
    p.apply(edit("Mette", None), NOW).unwrap();
    let it = &p.checklist(Phase::F2).items[0];
    assert_eq!(
        (it.answer, it.answered_by.as_str(), it.answered_on),
        (None, "", None)
    );
    // The first inverse restores the unanswered state too.
    p.apply(inverse, NOW).unwrap();
    assert_eq!(p.checklist(Phase::F2).items[0].answer, None);
}

fn e_message(e: FollowupError) -> String {
    EditError::Followup(e).to_string()
}

#[test]
fn items_are_added_edited_and_removed_with_tombstones_and_undo() {
    let mut p = plan();
    let new = ChecklistItem::new_user(ItemId("c-1".into()), "  Styregruppen er orienteret ", T0);
    let add = Edit::Followup(FollowupEdit::AddItem {
        phase: Phase::F1,
        item: new.clone(),
        position: 99,
    });
    let undo_add = p.apply(add.clone(), NOW).unwrap();
    let list = p.checklist(Phase::F1);
    assert_eq!(list.items.len(), 7);
    assert_eq!(list.items[6].text, "Styregruppen er orienteret");
    assert_eq!(list.items[6].modified, NOW);
    assert_eq!(
        followup_error(p.apply(add, NOW).unwrap_err()),
        FollowupError::DuplicateItem(ItemId("c-1".into()))
    );
    // Empty text is refused.
    let blank = Edit::Followup(FollowupEdit::UpdateItem {
        phase: Phase::F1,
        id: ItemId("c-1".into()),
        change: ItemChange::Text("   ".into()),
    });
    let before = p.clone();
    assert_eq!(
        followup_error(p.apply(blank, NOW).unwrap_err()),
        FollowupError::EmptyItemText
    );
    assert_eq!(p, before);
    // Removing a template item leaves a tombstone; undo puts it back in place.
    let remove = Edit::Followup(FollowupEdit::RemoveItem {
        phase: Phase::F1,
        id: item(Phase::F1, "sf2"),
    });
    let undo_remove = p.apply(remove, NOW).unwrap();
    assert!(p
        .checklist(Phase::F1)
        .item(&item(Phase::F1, "sf2"))
        .is_none());
    assert_eq!(
        p.followup_tombstones,
        vec![RecordTombstone {
            kind: RecordKind::ChecklistItem,
            id: "f1-sf2".into(),
            deleted: NOW
        }]
    );
    p.apply(undo_remove, NOW).unwrap();
    assert_eq!(
        p.checklist(Phase::F1).position(&item(Phase::F1, "sf2")),
        Some(1)
    );
    assert!(p.followup_tombstones.is_empty());
    p.apply(undo_add, NOW).unwrap();
    assert_eq!(p.checklist(Phase::F1).items.len(), 6);
    let unknown = Edit::Followup(FollowupEdit::RemoveItem {
        phase: Phase::F2,
        id: ItemId("c-1".into()),
    });
    assert!(matches!(
        followup_error(p.apply(unknown, NOW).unwrap_err()),
        FollowupError::UnknownItem(_)
    ));
}

// ------------------------------------------------------- phase decisions

#[test]
fn advancing_with_an_incomplete_checklist_needs_a_reason_and_is_recorded_as_overridden() {
    let mut p = plan();
    let before = p.clone();
    let e = followup_error(advance(&mut p, "d-1", Phase::F0, d(2026, 8, 31), "  ").unwrap_err());
    // F0: its one item is unanswered, and a8 and a9 are open.
    assert_eq!(e, FollowupError::ReasonRequired { outstanding: 3 });
    assert!(e_message(e).contains("Skriv en begrundelse"));
    assert_eq!(p, before);
    answer(&mut p, Phase::F0, "naar", Some(Answer::Delvist));
    let inverse = advance(
        &mut p,
        "d-1",
        Phase::F0,
        d(2026, 8, 31),
        " Byrådet har besluttet ",
    )
    .unwrap();
    assert_eq!(p.stage, Stage::In(Phase::F1));
    let decision = &p.phase_history[0];
    assert_eq!(decision.from, Phase::F0);
    assert_eq!(decision.to, Stage::In(Phase::F1));
    assert_eq!(decision.date, d(2026, 8, 31));
    assert_eq!(decision.decided_by, "Styregruppen");
    assert_eq!(decision.score, Some(50));
    assert_eq!(decision.outstanding, 3);
    assert!(decision.overridden);
    assert_eq!(decision.reason, "Byrådet har besluttet");
    assert_eq!(decision.modified, NOW);
    // Undo takes the decision back and leaves a tombstone.
    assert_eq!(
        inverse,
        Edit::Followup(FollowupEdit::Revert(DecisionId("d-1".into())))
    );
    let redo = p.apply(inverse, NOW).unwrap();
    assert_eq!(p.stage, Stage::In(Phase::F0));
    assert!(p.phase_history.is_empty());
    assert_eq!(p.followup_tombstones[0].kind, RecordKind::PhaseDecision);
    p.apply(redo, NOW).unwrap();
    assert_eq!(p.stage, Stage::In(Phase::F1));
    assert!(p.followup_tombstones.is_empty());
}

#[test]
fn redoing_a_taken_back_decision_restores_it_as_recorded() {
    let mut p = plan();
    answer(&mut p, Phase::F0, "naar", Some(Answer::Opfyldt));
    for a in p.activities.iter_mut().filter(|a| a.phase == Phase::F0) {
        a.status = Status::Faerdig;
    }
    advance(&mut p, "d-1", Phase::F0, d(2026, 8, 31), "").unwrap();
    let recorded = p.phase_history[0].clone();
    // The checklist changes after the decision; the decision stays what it was.
    answer(&mut p, Phase::F0, "naar", None);
    let redo = p
        .apply(
            Edit::Followup(FollowupEdit::Revert(DecisionId("d-1".into()))),
            NOW,
        )
        .unwrap();
    p.apply(redo, NOW).unwrap();
    assert_eq!(p.phase_history, vec![recorded]);
    assert_eq!(p.stage, Stage::In(Phase::F1));
}

#[test]
fn advancing_with_a_complete_checklist_needs_no_reason() {
    let mut p = plan();
    answer(&mut p, Phase::F0, "naar", Some(Answer::Opfyldt));
    for a in p.activities.iter_mut().filter(|a| a.phase == Phase::F0) {
        a.status = Status::Faerdig;
    }
    advance(&mut p, "d-1", Phase::F0, d(2026, 8, 31), "").unwrap();
    let decision = &p.phase_history[0];
    assert_eq!(
        (decision.score, decision.outstanding, decision.overridden),
        (Some(100), 0, false)
    );
}

#[test]
fn decisions_must_leave_the_current_phase_name_who_and_keep_date_order() {
    let mut p = plan();
    let err = |p: &mut Plan, id: &str, from: Phase, date: NaiveDate| {
        followup_error(advance(p, id, from, date, "Fordi").unwrap_err())
    };
    assert_eq!(
        err(&mut p, "d-1", Phase::F2, d(2026, 8, 31)),
        FollowupError::NotCurrentPhase {
            stage: Stage::In(Phase::F0)
        }
    );
    let nobody = PhaseDecision::new(
        DecisionId("d-1".into()),
        Phase::F0,
        d(2026, 8, 31),
        " ",
        "Fordi",
    );
    let e = p
        .apply(Edit::Followup(FollowupEdit::Advance(nobody)), NOW)
        .unwrap_err();
    assert_eq!(followup_error(e), FollowupError::MissingDecidedBy);
    advance(&mut p, "d-1", Phase::F0, d(2026, 8, 31), "Fordi").unwrap();
    assert_eq!(
        err(&mut p, "d-1", Phase::F1, d(2026, 9, 30)),
        FollowupError::DuplicateDecision
    );
    assert_eq!(
        err(&mut p, "d-2", Phase::F1, d(2026, 8, 1)),
        FollowupError::DecisionBeforePrevious {
            previous: d(2026, 8, 31)
        }
    );
    advance(&mut p, "d-2", Phase::F1, d(2026, 12, 1), "Fordi").unwrap();
    // Only the latest decision can be taken back.
    let e = p
        .apply(
            Edit::Followup(FollowupEdit::Revert(DecisionId("d-1".into()))),
            NOW,
        )
        .unwrap_err();
    assert_eq!(followup_error(e), FollowupError::NotLatestDecision);
    // The start stage is fixed once decisions exist.
    let e = p
        .apply(
            Edit::Followup(FollowupEdit::SetStartStage(Stage::In(Phase::F3))),
            NOW,
        )
        .unwrap_err();
    assert_eq!(followup_error(e), FollowupError::HistoryNotEmpty);
    // A decision is recorded once it is made: not dated after today
    // (NOW is 15.01.2027).
    let later = err(&mut p, "d-3", Phase::F2, d(2027, 6, 1));
    assert_eq!(later, FollowupError::DecisionInFuture(d(2027, 6, 1)));
    assert!(later
        .to_string()
        .starts_with("Beslutningsdatoen (01.06.2027) ligger efter i dag."));
    for (from, id) in [(Phase::F2, "d-3"), (Phase::F3, "d-4"), (Phase::F4, "d-5")] {
        advance(&mut p, id, from, d(2027, 1, 15), "Fordi").unwrap();
    }
    assert_eq!(p.stage, Stage::Closed);
    assert_eq!(p.phase_history.len(), 5);
    assert_eq!(p.phase_history[4].to, Stage::Closed);
}

#[test]
fn a_decision_dated_outside_the_plan_years_is_refused() {
    // As for every other date typed into a plan: 1900 is a slip.
    let mut p = plan();
    let before = p.clone();
    assert_eq!(
        advance(&mut p, "d-1", Phase::F0, d(1900, 1, 1), "Fordi"),
        Err(EditError::DateOutOfRange(d(1900, 1, 1)))
    );
    assert_eq!(p, before);
    advance(&mut p, "d-1", Phase::F0, d(2000, 1, 1), "Fordi").unwrap();
}

#[test]
fn start_stage_can_be_set_before_any_decision_and_undone() {
    let mut p = plan();
    let inverse = p
        .apply(
            Edit::Followup(FollowupEdit::SetStartStage(Stage::In(Phase::F2))),
            NOW,
        )
        .unwrap();
    assert_eq!(p.stage, Stage::In(Phase::F2));
    p.apply(inverse, NOW).unwrap();
    assert_eq!(p.stage, Stage::In(Phase::F0));
}

// ------------------------------------------------- late and coming next

#[test]
fn overdue_due_soon_and_blocked_on_a_date() {
    let p = plan();
    // a5 was completed the day after: overdue on the reporting date.
    assert_eq!(ids(&p.overdue_on(day())), ["a2", "a5"]);
    assert_eq!(ids(&p.overdue_on(d(2026, 10, 17))), ["a2"]);
    // Due from the date to 14 days after it, both ends included.
    assert_eq!(ids(&p.due_within(day(), 14)), ["a3", "a8"]);
    assert_eq!(ids(&p.due_within(day(), 15)), ["a3", "a8", "a9"]);
    assert_eq!(ids(&p.blocked()), ["a4"]);
}

#[test]
fn a_reports_deadlines_are_those_open_on_its_date_from_that_day_on() {
    let mut p = plan();
    let upcoming = |p: &Plan, date| {
        p.status_report(date, None)
            .upcoming
            .iter()
            .map(|a| a.id.as_str().to_string())
            .collect::<Vec<_>>()
    };
    // a3 (due 20.10) was done the day after the reporting date 15.10: on
    // that date it was still a deadline ahead.
    p.activities[2].status = Status::Faerdig;
    p.activities[2].completed = Some(d(2026, 10, 16));
    assert_eq!(upcoming(&p, day()), ["a3", "a8", "a9"]);
    assert_eq!(upcoming(&p, d(2026, 10, 16)), ["a8", "a9"]);
    // Still open on its due date, which is the reporting date: it is
    // neither overdue nor left out (Overblik lists it among the coming
    // deadlines too), but a deadline of the report's period.
    p.activities[2].status = Status::IGang;
    p.activities[2].completed = None;
    assert!(!ids(&p.overdue_on(d(2026, 10, 20))).contains(&"a3".to_string()));
    assert_eq!(upcoming(&p, d(2026, 10, 20))[0], "a3");
}

#[test]
fn progress_per_main_task_compares_done_with_planned_by_the_date() {
    let p = plan();
    let rows = p.task_progress(day());
    assert_eq!(rows.len(), 16);
    let r3 = rows[2];
    assert_eq!((r3.total, r3.done, r3.planned), (4, 1, 2));
    assert_eq!(
        (r3.done_pct(), r3.planned_pct(), r3.behind()),
        (25, 50, true)
    );
    // a6 is dropped; a5 was done only after the date.
    let r5 = rows[4];
    assert_eq!((r5.total, r5.done, r5.planned), (4, 0, 1));
    assert_eq!(TaskProgress::sum(&rows), (8, 1, 3));
    // Later, a5 counts as done.
    assert_eq!(p.task_progress(d(2026, 10, 16))[4].done, 1);
    assert_eq!(percent(1, 3), 33);
    assert_eq!(percent(2, 3), 67);
    assert_eq!(percent(1, 8), 13);
    assert_eq!(percent(0, 0), 0);
}

#[test]
fn open_activities_per_responsible_person() {
    let p = plan();
    let groups = p.open_by_responsible(day());
    let summary: Vec<(String, Vec<String>, usize)> = groups
        .iter()
        .map(|g| (g.name.clone(), ids(&g.activities), g.overdue))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("Anders".to_string(), vec!["a4".to_string()], 0),
            (
                "Mette".to_string(),
                vec!["a2".to_string(), "a3".to_string()],
                1
            ),
            (
                String::new(),
                vec!["a8".to_string(), "a9".to_string(), "a7".to_string()],
                0
            ),
        ]
    );
}

#[test]
fn milestones_are_the_coming_phase_transitions_go_live_and_the_end() {
    let p = plan();
    let m = p.milestones_after(day());
    let labels: Vec<&str> = m.iter().map(|m| m.label.as_str()).collect();
    assert_eq!(labels[0], "Faseovergang F1 → F2 (start af F2 Forberedelse)");
    assert!(labels.contains(&"Go-live"));
    assert_eq!(*labels.last().unwrap(), "Slut på F4 Forankring");
    assert!(m.windows(2).all(|w| w[0].date <= w[1].date));
    assert!(m.iter().all(|m| m.date > day()));
}

// ---------------------------------------------------------------- reports

#[test]
fn status_report_on_a_date() {
    let mut p = plan();
    answer(&mut p, Phase::F0, "naar", Some(Answer::Delvist));
    let r = p.status_report(day(), None);
    assert_eq!(r.stage, Stage::In(Phase::F0));
    assert_eq!(r.readiness.as_ref().and_then(Readiness::score), Some(50));
    let tasks: Vec<u8> = r.progress.iter().map(|x| x.task.get()).collect();
    assert_eq!(tasks, [3, 5]);
    let overdue: Vec<&str> = r.overdue.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(overdue, ["a2", "a5"]);
    assert_eq!(r.overdue[0].responsible, "Mette");
    assert_eq!(r.blocked[0].id, aid("a4"));
    // The next 30 days after the date.
    let upcoming: Vec<&str> = r.upcoming.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(upcoming, ["a3", "a8", "a9"]);
    assert!(r.changes.is_none());
}

#[test]
fn a_report_on_a_past_date_shows_the_phase_the_history_says_it_was_in() {
    let mut p = plan();
    advance(&mut p, "d-1", Phase::F0, d(2026, 8, 31), "Byrådet").unwrap();
    advance(&mut p, "d-2", Phase::F1, d(2026, 9, 30), "Styregruppen").unwrap();
    assert_eq!(p.stage, Stage::In(Phase::F2));
    answer(&mut p, Phase::F1, "naar", Some(Answer::Opfyldt));
    // Before the first decision: F0; between them: F1 and its checklist; from
    // the day of a decision on: the phase it moved to.
    assert_eq!(p.stage_on(d(2026, 8, 30)), Stage::In(Phase::F0));
    assert_eq!(p.stage_on(d(2026, 8, 31)), Stage::In(Phase::F1));
    assert_eq!(p.stage_on(d(2026, 9, 29)), Stage::In(Phase::F1));
    assert_eq!(p.stage_on(d(2026, 9, 30)), Stage::In(Phase::F2));
    assert_eq!(p.stage_on(d(2027, 6, 1)), Stage::In(Phase::F2));
    let r = p.status_report(d(2026, 9, 15), None);
    assert_eq!(r.stage, Stage::In(Phase::F1));
    assert_eq!(r.readiness, Some(p.readiness(Phase::F1)));
    assert_ne!(r.readiness, Some(p.readiness(Phase::F2)));
    let saved = p.snapshot(ReportId("r-1".into()), d(2026, 9, 15), NOW);
    assert_eq!(saved.stage, Stage::In(Phase::F1));
    assert_eq!(p.status_report(day(), None).stage, Stage::In(Phase::F2));
}

#[test]
fn done_without_a_completion_date_counts_from_its_last_change() {
    // 12 October 2026 10:00 Danish summer time (08:00 UTC).
    let changed = Timestamp(1_791_792_000_000);
    assert_eq!(changed.local_date(), Some(d(2026, 10, 12)));
    let mut a = activity(
        "x",
        3,
        Phase::F1,
        Some(d(2026, 10, 20)),
        Status::Faerdig,
        None,
    );
    a.modified = changed;
    assert_eq!(a.completion_date(), Some(d(2026, 10, 12)));
    // Not done on earlier reporting dates, done from the day of the change.
    assert!(!a.done_by(d(2026, 10, 11)));
    assert!(a.done_by(d(2026, 10, 12)));
    assert!(a.done_by(d(2026, 11, 1)));
    // A completion date wins over the change time.
    a.completed = Some(d(2026, 10, 1));
    assert_eq!(a.completion_date(), Some(d(2026, 10, 1)));
    assert!(a.done_by(d(2026, 10, 1)));
    // Only done activities have one.
    a.status = Status::IGang;
    assert_eq!(a.completion_date(), None);
    assert!(!a.done_by(d(2026, 11, 1)));

    // In a plan: progress and overdue on a date before the change.
    let mut p = plan();
    let mut undated = activity(
        "u",
        3,
        Phase::F1,
        Some(d(2026, 10, 5)),
        Status::Faerdig,
        None,
    );
    undated.modified = changed;
    p.activities.push(undated);
    assert!(ids(&p.overdue_on(d(2026, 10, 10))).contains(&"u".to_string()));
    assert!(!ids(&p.overdue_on(day())).contains(&"u".to_string()));
    assert_eq!(p.task_progress(d(2026, 10, 10))[2].done, 1);
    assert_eq!(p.task_progress(day())[2].done, 2);
    // A saved report keeps the date it counted from, so a later report does
    // not list the activity as completed since.
    let snapshot = p.snapshot(ReportId("r".into()), day(), NOW);
    let s = snapshot
        .activities
        .iter()
        .find(|s| s.id == aid("u"))
        .unwrap();
    assert_eq!(s.completed, Some(d(2026, 10, 12)));
    let c = p.changes_since(&snapshot, d(2026, 10, 20));
    assert!(!c.completed.iter().any(|r| r.id == aid("u")), "{c:?}");
    // An earlier-dated report saved later does not count it as done then.
    let early = p.snapshot(ReportId("e".into()), d(2026, 10, 10), NOW);
    let c = p.changes_since(&early, day());
    assert!(c.completed.iter().any(|r| r.id == aid("u")));
}

#[test]
fn a_report_is_not_compared_with_a_report_dated_after_it() {
    let p = plan();
    let later = p.snapshot(ReportId("r-later".into()), d(2026, 11, 1), NOW);
    // "Changes since" a report from after the reporting date would run
    // backwards: there is nothing to compare with.
    assert!(p.status_report(day(), Some(&later)).changes.is_none());
    let same_day = p.snapshot(ReportId("r-same".into()), day(), NOW);
    assert!(p.status_report(day(), Some(&same_day)).changes.is_some());
}

#[test]
fn changes_since_a_saved_report() {
    let mut p = plan();
    let snapshot = p.snapshot(ReportId("r-1".into()), day(), NOW);
    assert_eq!(snapshot.activities.len(), 9);
    let save = Edit::Followup(FollowupEdit::SaveReport {
        report: snapshot.clone(),
        position: 0,
    });
    p.apply(save, NOW).unwrap();
    // Then: a2 is completed, a3 moves a week, a7 is deleted, a new one is added.
    let later = d(2026, 10, 25);
    p.apply(
        Edit::UpdateActivity {
            id: aid("a2"),
            change: ActivityChange::Status {
                status: Status::Faerdig,
                completed: Some(d(2026, 10, 20)),
            },
        },
        NOW,
    )
    .unwrap();
    p.apply(
        Edit::UpdateActivity {
            id: aid("a3"),
            change: ActivityChange::Dates {
                start: Some(d(2026, 10, 17)),
                due: Some(d(2026, 10, 27)),
            },
        },
        NOW,
    )
    .unwrap();
    p.apply(Edit::RemoveActivity(aid("a7")), NOW).unwrap();
    let new = activity(
        "a10",
        3,
        Phase::F1,
        Some(d(2026, 11, 1)),
        Status::IkkeStartet,
        None,
    );
    p.apply(
        Edit::InsertActivity {
            activity: new,
            position: 99,
        },
        NOW,
    )
    .unwrap();
    assert_eq!(
        p.previous_report(later).map(|r| &r.id),
        Some(&ReportId("r-1".into()))
    );
    assert_eq!(p.previous_report(day()), None);
    let c = p.changes_since(p.previous_report(later).unwrap(), later);
    let names = |v: &[ReportActivity]| v.iter().map(|a| a.id.0.clone()).collect::<Vec<_>>();
    // a5 was completed after the report's date, so it counts as completed since too.
    assert_eq!(names(&c.completed), ["a2", "a5"]);
    assert_eq!(c.moved.len(), 1);
    assert_eq!(c.moved[0].activity.id, aid("a3"));
    assert_eq!(c.moved[0].due_shift(), Some(7));
    assert_eq!(c.moved[0].before.1, Some(d(2026, 10, 20)));
    assert_eq!(names(&c.added), ["a10"]);
    assert_eq!(names(&c.removed), ["a7"]);
    assert_eq!(c.since, day());
    assert!(!c.is_empty());
    // Compared with itself on its own date nothing changed but what changed after.
    let same = plan().changes_since(&snapshot, day());
    assert!(same.is_empty(), "{same:?}");
}

#[test]
fn reports_are_saved_and_removed_with_tombstones_and_undo() {
    let mut p = plan();
    let snapshot = p.snapshot(ReportId("r-1".into()), day(), T0);
    let save = Edit::Followup(FollowupEdit::SaveReport {
        report: snapshot,
        position: 5,
    });
    let undo = p.apply(save.clone(), NOW).unwrap();
    assert_eq!(p.reports.len(), 1);
    assert_eq!(p.reports[0].modified, NOW);
    assert_eq!(
        followup_error(p.apply(save, NOW).unwrap_err()),
        FollowupError::DuplicateReport
    );
    let redo = p.apply(undo, NOW).unwrap();
    assert!(p.reports.is_empty());
    assert_eq!(p.followup_tombstones[0].kind, RecordKind::Report);
    p.apply(redo, NOW).unwrap();
    assert_eq!(p.reports.len(), 1);
    assert!(p.followup_tombstones.is_empty());
    let e = p
        .apply(
            Edit::Followup(FollowupEdit::RemoveReport(ReportId("nope".into()))),
            NOW,
        )
        .unwrap_err();
    assert_eq!(followup_error(e), FollowupError::UnknownReport);
}

#[test]
fn follow_up_error_messages_are_danish() {
    let cases = [
        (FollowupError::EmptyItemText, "Punktet skal have en tekst."),
        (
            FollowupError::MissingDecidedBy,
            "Skriv, hvem der har truffet beslutningen.",
        ),
        (
            FollowupError::DecisionBeforePrevious {
                previous: d(2026, 8, 31),
            },
            "Datoen ligger før den forrige faseovergang (31.08.2026). Vælg en senere dato.",
        ),
        (
            FollowupError::NotCurrentPhase {
                stage: Stage::In(Phase::F2),
            },
            "Planen er i F2 Forberedelse; kun den aktuelle fase kan forlades.",
        ),
    ];
    for (e, text) in cases {
        assert_eq!(e_message(e), text);
    }
    assert_eq!(transition_label(Phase::F1), "F1 → F2");
    assert_eq!(transition_label(Phase::F4), "F4 → Afsluttet");
}

// ------------------------------------------------------------ properties

mod properties {
    use proptest::prelude::*;

    use super::*;

    #[derive(Clone, Debug)]
    enum Op {
        Answer {
            phase: usize,
            item: usize,
            answer: Option<usize>,
            named: bool,
        },
        Add {
            phase: usize,
            text: String,
            position: usize,
        },
        Remove {
            phase: usize,
            item: usize,
        },
        Advance {
            reason: bool,
            days: i64,
        },
        Revert {
            latest: bool,
        },
        Save {
            days: i64,
        },
        Unsave {
            index: usize,
        },
        Complete {
            index: usize,
        },
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (0usize..5, 0usize..8, proptest::option::of(0usize..4), proptest::bool::weighted(0.9))
                .prop_map(|(phase, item, answer, named)| Op::Answer { phase, item, answer, named }),
            1 => (0usize..5, "[ a-zæøå]{0,8}", 0usize..9).prop_map(|(phase, text, position)| Op::Add { phase, text, position }),
            1 => (0usize..5, 0usize..8).prop_map(|(phase, item)| Op::Remove { phase, item }),
            2 => (any::<bool>(), -30i64..60).prop_map(|(reason, days)| Op::Advance { reason, days }),
            1 => any::<bool>().prop_map(|latest| Op::Revert { latest }),
            1 => (0i64..60).prop_map(|days| Op::Save { days }),
            1 => (0usize..4).prop_map(|index| Op::Unsave { index }),
            2 => (0usize..9).prop_map(|index| Op::Complete { index }),
        ]
    }

    fn build(op: &Op, p: &Plan, n: usize) -> Edit {
        let item_id = |phase: usize, i: usize| {
            let items = &p.checklists[phase].items;
            items
                .get(i % items.len().max(1))
                .map_or(ItemId("none".into()), |it| it.id.clone())
        };
        let e = match op {
            Op::Answer {
                phase,
                item,
                answer,
                named,
            } => FollowupEdit::UpdateItem {
                phase: Phase::ALL[*phase],
                id: item_id(*phase, *item),
                change: ItemChange::Answer {
                    answer: answer.map(|a| Answer::ALL[a]),
                    by: if *named {
                        "Mette".into()
                    } else {
                        String::new()
                    },
                    on: Some(day()),
                },
            },
            Op::Add {
                phase,
                text,
                position,
            } => FollowupEdit::AddItem {
                phase: Phase::ALL[*phase],
                item: ChecklistItem::new_user(ItemId(format!("c-{n}")), text, T0),
                position: *position,
            },
            Op::Remove { phase, item } => FollowupEdit::RemoveItem {
                phase: Phase::ALL[*phase],
                id: item_id(*phase, *item),
            },
            Op::Advance { reason, days } => FollowupEdit::Advance(PhaseDecision::new(
                DecisionId(format!("d-{n}")),
                p.stage.phase().unwrap_or(Phase::F4),
                day() + chrono::Duration::days(*days),
                "Styregruppen",
                if *reason { "Fordi" } else { "" },
            )),
            Op::Revert { latest } => {
                let pick = if *latest {
                    p.phase_history.last()
                } else {
                    p.phase_history.first()
                };
                FollowupEdit::Revert(pick.map_or(DecisionId("none".into()), |d| d.id.clone()))
            }
            Op::Save { days } => FollowupEdit::SaveReport {
                report: p.snapshot(
                    ReportId(format!("r-{n}")),
                    day() + chrono::Duration::days(*days),
                    T0,
                ),
                position: n,
            },
            Op::Unsave { index } => FollowupEdit::RemoveReport(
                p.reports
                    .get(*index)
                    .map_or(ReportId("none".into()), |r| r.id.clone()),
            ),
            Op::Complete { index } => {
                return Edit::UpdateActivity {
                    id: p.activities[index % p.activities.len()].id.clone(),
                    change: ActivityChange::Status {
                        status: Status::Faerdig,
                        completed: Some(day()),
                    },
                }
            }
        };
        Edit::Followup(e)
    }

    /// The plan without modification times and tombstones.
    fn content(p: &Plan) -> Plan {
        let mut p = p.clone();
        p.modified = Timestamp(0);
        p.followup_tombstones.clear();
        p.tombstones.clear();
        for a in &mut p.activities {
            a.modified = Timestamp(0);
        }
        for i in p.checklists.iter_mut().flat_map(|c| &mut c.items) {
            i.modified = Timestamp(0);
        }
        for d in &mut p.phase_history {
            d.modified = Timestamp(0);
        }
        for r in &mut p.reports {
            r.modified = Timestamp(0);
        }
        p
    }

    /// The follow-up invariants.
    fn invariants_hold(p: &Plan) -> bool {
        let items_ok = p.checklists.iter().enumerate().all(|(i, c)| {
            c.phase == Phase::ALL[i]
                && c.items.iter().all(|it| {
                    !it.text.trim().is_empty()
                        && (it.answer.is_none() || !it.answered_by.is_empty())
                })
        });
        let history_ok = p
            .phase_history
            .windows(2)
            .all(|w| w[0].to == Stage::In(w[1].from) && w[0].date <= w[1].date)
            && p.phase_history.last().is_none_or(|d| d.to == p.stage)
            && p.phase_history
                .iter()
                .all(|d| !d.overridden || !d.reason.is_empty());
        items_ok && history_ok
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

        /// Random follow-up edits keep the invariants; refused ones change
        /// nothing; undoing every applied edit in reverse restores the plan.
        #[test]
        fn undoing_follow_up_edits_restores_the_plan(ops in proptest::collection::vec(op(), 1..40)) {
            let original = plan();
            let mut p = original.clone();
            let mut inverses = Vec::new();
            for (n, op) in ops.iter().enumerate() {
                let edit = build(op, &p, n);
                let before = p.clone();
                match p.apply(edit.clone(), NOW) {
                    Ok(inverse) => inverses.push(inverse),
                    Err(e) => prop_assert_eq!(&p, &before, "refused {:?} ({}) changed the plan", edit, e),
                }
                prop_assert!(invariants_hold(&p), "invariants broken after {:?}", edit);
            }
            for inverse in inverses.into_iter().rev() {
                let shown = format!("{inverse:?}");
                prop_assert!(p.apply(inverse, NOW).is_ok(), "inverse refused: {}", shown);
            }
            prop_assert_eq!(content(&p), content(&original));
        }
    }
}

/// One tab takes a phase decision back; another copy, which still has it,
/// merges that: the decision stays deleted and the stage goes back with
/// it (the stage follows the merged history, not the later of the two).
#[test]
fn merging_a_taken_back_decision_takes_the_stage_back_too() {
    let mut advanced = plan();
    advance(
        &mut advanced,
        "d-1",
        Phase::F0,
        d(2026, 8, 31),
        "Vi er klar",
    )
    .unwrap();
    assert_eq!(advanced.stage, Stage::In(Phase::F1));
    let mut reverted = advanced.clone();
    reverted
        .apply(
            Edit::Followup(FollowupEdit::Revert(DecisionId("d-1".into()))),
            NOW,
        )
        .unwrap();
    for (ours, theirs) in [(&advanced, &reverted), (&reverted, &advanced)] {
        let merged = merge(ours, theirs, T0).plan;
        assert!(merged.phase_history.is_empty());
        assert_eq!(merged.stage, Stage::In(Phase::F0));
    }
}

/// Two copies without phase decisions: the start stage set later wins the
/// merge, also when it was set back to an earlier phase, and also through
/// the undo of a setting (which is a setting made at that time).
#[test]
fn merging_copies_without_decisions_takes_the_start_stage_set_later() {
    let set = |p: &mut Plan, phase: Phase, at: Timestamp| {
        p.apply(
            Edit::Followup(FollowupEdit::SetStartStage(Stage::In(phase))),
            at,
        )
        .unwrap()
    };
    let mut ours = plan();
    set(&mut ours, Phase::F2, Timestamp(T0.0 + 1_000));
    let mut theirs = ours.clone();
    // Theirs moves the start back to F1 later; ours edits something else.
    set(&mut theirs, Phase::F1, Timestamp(T0.0 + 5_000));
    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        let merged = merge(a, b, T0).plan;
        assert_eq!(merged.stage, Stage::In(Phase::F1));
        assert_eq!(merged.stage_set, Timestamp(T0.0 + 5_000));
    }
    // Ours then sets F3 and takes it back, later still: its F2 wins.
    let undo = set(&mut ours, Phase::F3, Timestamp(T0.0 + 6_000));
    ours.apply(undo, Timestamp(T0.0 + 7_000)).unwrap();
    assert_eq!(ours.stage, Stage::In(Phase::F2));
    for (a, b) in [(&ours, &theirs), (&theirs, &ours)] {
        assert_eq!(merge(a, b, T0).plan.stage, Stage::In(Phase::F2));
    }
}
