//! Tests of the follow-up fields in the file format: round trip, defaults
//! for files written before they existed, and errors that name the field.

use chrono::NaiveDate;
use serde_json::Value;

use super::{parse, to_json, to_json_pretty, ImportError};
use crate::model::*;

const T0: Timestamp = Timestamp(1_767_225_600_000);
const NOW: Timestamp = Timestamp(1_800_000_000_000);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn plan() -> Plan {
    let setup = PlanSetup {
        id: PlanId("plan-1".into()),
        municipality: "Vejle".into(),
        solution: Solution::Ky,
        go_live: d(2027, 3, 1),
        f1_start: d(2026, 9, 1),
        phases: None,
    };
    Plan::from_template(setup, T0).expect("valid setup")
}

fn apply(p: &mut Plan, e: FollowupEdit) {
    p.apply(Edit::Followup(e), NOW).expect("edit applies");
}

/// A plan with answers, an own item, a deleted item, a forced phase
/// decision and a saved report.
fn followed_up() -> Plan {
    let mut p = plan();
    apply(
        &mut p,
        FollowupEdit::UpdateItem {
            phase: Phase::F0,
            id: ItemId("f0-naar".into()),
            change: ItemChange::Answer {
                answer: Some(Answer::Delvist),
                by: "Mette <PL>".into(),
                on: Some(d(2026, 8, 30)),
            },
        },
    );
    apply(
        &mut p,
        FollowupEdit::UpdateItem {
            phase: Phase::F0,
            id: ItemId("f0-naar".into()),
            change: ItemChange::Comment("Mangler \"byrådet\"".into()),
        },
    );
    let own = ChecklistItem::new_user(ItemId("c-1".into()), "Budget godkendt", T0);
    apply(
        &mut p,
        FollowupEdit::AddItem {
            phase: Phase::F1,
            item: own,
            position: 0,
        },
    );
    apply(
        &mut p,
        FollowupEdit::RemoveItem {
            phase: Phase::F2,
            id: ItemId("f2-sf3".into()),
        },
    );
    let decision = PhaseDecision::new(
        DecisionId("d-1".into()),
        Phase::F0,
        d(2026, 8, 31),
        "Styregruppen",
        "Tidsplanen kræver det",
    );
    apply(&mut p, FollowupEdit::Advance(decision));
    let report = p.snapshot(ReportId("r-1".into()), d(2026, 9, 15), NOW);
    apply(
        &mut p,
        FollowupEdit::SaveReport {
            report,
            position: 0,
        },
    );
    let gone = p.snapshot(ReportId("r-0".into()), d(2026, 9, 1), NOW);
    apply(
        &mut p,
        FollowupEdit::SaveReport {
            report: gone,
            position: 0,
        },
    );
    apply(&mut p, FollowupEdit::RemoveReport(ReportId("r-0".into())));
    p
}

fn json(p: &Plan) -> Value {
    serde_json::from_str(&to_json(p, NOW)).expect("valid JSON")
}

fn read(v: &Value) -> Result<Plan, ImportError> {
    parse(&v.to_string()).map(|i| i.plan)
}

fn field_error(v: &Value) -> String {
    match read(v) {
        Err(ImportError::Invalid { field, .. }) => field,
        other => panic!("expected an invalid field, got {other:?}"),
    }
}

#[test]
fn follow_up_fields_survive_export_and_import() {
    let p = followed_up();
    assert_eq!(p.stage, Stage::In(Phase::F1));
    assert_eq!(parse(&to_json(&p, NOW)).unwrap().plan, p);
    assert_eq!(parse(&to_json_pretty(&p, NOW)).unwrap().plan, p);
    let v = json(&p);
    let plan = &v["plan"];
    assert_eq!(plan["stage"], "F1");
    assert_eq!(plan["checklists"][0]["items"][0]["answer"], "delvist");
    assert_eq!(
        plan["checklists"][0]["items"][0]["answeredBy"],
        "Mette <PL>"
    );
    assert_eq!(
        plan["checklists"][0]["items"][0]["answeredOn"],
        "2026-08-30"
    );
    assert_eq!(plan["checklists"][1]["items"][0]["origin"], "bruger");
    assert_eq!(plan["phaseHistory"][0]["overridden"], true);
    assert_eq!(plan["phaseHistory"][0]["reason"], "Tidsplanen kræver det");
    // One Delvist item and F0's four template activities, all open.
    assert_eq!(plan["phaseHistory"][0]["outstanding"], 5);
    assert_eq!(plan["reports"][0]["date"], "2026-09-15");
    assert_eq!(
        plan["reports"][0]["activities"].as_array().map(Vec::len),
        Some(142)
    );
    let kinds: Vec<&str> = plan["followupTombstones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["tjeklistepunkt", "statusrapport"]);
}

#[test]
fn files_without_follow_up_fields_read_with_defaults() {
    let mut v = json(&plan());
    let obj = v["plan"].as_object_mut().unwrap();
    for key in [
        "stage",
        "checklists",
        "phaseHistory",
        "reports",
        "followupTombstones",
    ] {
        obj.remove(key);
    }
    // Last changed on 15 October 2026, in F1.
    obj.insert("modified".into(), "2026-10-15T10:00:00.000Z".into());
    let p = read(&v).unwrap();
    assert_eq!(p.stage, Stage::In(Phase::F1));
    assert_eq!(p.checklists, Checklist::all_from_catalog(p.modified));
    assert!(p.phase_history.is_empty() && p.reports.is_empty() && p.followup_tombstones.is_empty());
}

#[test]
fn a_missing_checklist_gets_the_template_items_except_deleted_ones() {
    let p = followed_up();
    let mut v = json(&p);
    v["plan"]["checklists"].as_array_mut().unwrap().remove(2);
    let read = read(&v).unwrap();
    assert_eq!(read.checklist(Phase::F2).items.len(), 5);
    assert!(read
        .checklist(Phase::F2)
        .item(&ItemId("f2-sf3".into()))
        .is_none());
    // Without stage, the stage follows the latest decision.
    v["plan"].as_object_mut().unwrap().remove("stage");
    assert_eq!(self::read(&v).unwrap().stage, Stage::In(Phase::F1));
}

#[test]
fn wrong_follow_up_fields_are_named() {
    let base = json(&followed_up());
    let cases: Vec<(&str, Value, &str)> = vec![
        ("/plan/stage", "F7".into(), "plan.stage"),
        ("/plan/stage", "F2".into(), "plan.stage"),
        (
            "/plan/checklists/0/items/0/answer",
            "ja".into(),
            "plan.checklists[0].items[0].answer",
        ),
        (
            "/plan/checklists/0/items/0/answeredBy",
            "".into(),
            "plan.checklists[0].items[0].answeredBy",
        ),
        (
            "/plan/checklists/1/items/0/text",
            " ".into(),
            "plan.checklists[1].items[0].text",
        ),
        (
            "/plan/checklists/1/items/0/origin",
            "x".into(),
            "plan.checklists[1].items[0].origin",
        ),
        (
            "/plan/checklists/1/items/1/id",
            "c-1".into(),
            "plan.checklists[1].items[1].id",
        ),
        (
            "/plan/checklists/1/phase",
            "F0".into(),
            "plan.checklists[1].phase",
        ),
        (
            "/plan/phaseHistory/0/reason",
            "".into(),
            "plan.phaseHistory[0].reason",
        ),
        (
            "/plan/phaseHistory/0/to",
            "F3".into(),
            "plan.phaseHistory[0].to",
        ),
        (
            "/plan/phaseHistory/0/date",
            "31.08.2026".into(),
            "plan.phaseHistory[0].date",
        ),
        (
            "/plan/phaseHistory/0/decidedBy",
            "".into(),
            "plan.phaseHistory[0].decidedBy",
        ),
        (
            "/plan/phaseHistory/0/score",
            101.into(),
            "plan.phaseHistory[0].score",
        ),
        (
            "/plan/phaseHistory/0/overridden",
            "ja".into(),
            "plan.phaseHistory[0].overridden",
        ),
        ("/plan/reports/0/date", Value::Null, "plan.reports[0].date"),
        (
            "/plan/reports/0/activities/3/task",
            17.into(),
            "plan.reports[0].activities[3].task",
        ),
        (
            "/plan/reports/0/activities/3/status",
            "færdig".into(),
            "plan.reports[0].activities[3].status",
        ),
        (
            "/plan/followupTombstones/0/kind",
            "aktivitet".into(),
            "plan.followupTombstones[0].kind",
        ),
        ("/plan/reports", "ingen".into(), "plan.reports"),
    ];
    for (pointer, value, field) in cases {
        let mut v = base.clone();
        *v.pointer_mut(pointer)
            .unwrap_or_else(|| panic!("{pointer} exists")) = value;
        assert_eq!(field_error(&v), field, "after setting {pointer}");
    }
    let mut v = base.clone();
    let copy = v["plan"]["reports"][0].clone();
    v["plan"]["reports"].as_array_mut().unwrap().push(copy);
    assert_eq!(field_error(&v), "plan.reports[1].id");
    let err = read(&{
        let mut v = base;
        v["plan"]["checklists"][0]["items"][0]["answer"] = "ja".into();
        v
    })
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("forventet opfyldt, delvist, ikke-opfyldt eller ikke-relevant"),
        "{err}"
    );
}

#[test]
fn too_large_files_are_refused_with_their_size_in_danish() {
    let text = " ".repeat(super::MAX_FILE_BYTES + 1_100_000);
    let err = parse(&text).unwrap_err();
    assert_eq!(err, ImportError::TooLarge { bytes: text.len() });
    assert!(
        err.to_string()
            .starts_with("Filen fylder 21,0 MB; Implan kan højst læse 20 MB."),
        "{err}"
    );
}
