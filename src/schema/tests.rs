//! Tests of the Implan file format: export → import round trips, stable
//! output, defaults for missing fields, and precise errors for bad files.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Value};

use super::*;
use crate::catalog;
use crate::model::{
    Activity, ActivityChange, ActivityId, Edit, MainTask, Origin, Phase, PhaseSet, PhaseWindow,
    Plan, PlanId, PlanSetup, Solution, Status, TaskNo, Timestamp, Tombstone,
};

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

const T0: Timestamp = Timestamp(1_767_225_600_000);
const SAVED: Timestamp = Timestamp(1_780_000_000_123);

fn template_plan() -> Plan {
    Plan::from_template(
        PlanSetup {
            id: PlanId("plan-aarhus-ky".into()),
            municipality: "Aarhus".into(),
            solution: Solution::Ky,
            go_live: d(2027, 3, 1),
            f1_start: d(2026, 9, 1),
            phases: None,
        },
        T0,
    )
    .expect("valid setup")
}

/// A plan that has been worked on: user activities, done and dropped
/// statuses, unicode and markup in texts, a tombstone and changed settings.
fn worked_plan() -> Plan {
    let mut p = template_plan();
    let mut step = 0i64;
    let mut apply = |p: &mut Plan, e: Edit| {
        step += 1;
        p.apply(e, Timestamp(T0.0 + step * 60_000))
            .expect("edit applies");
    };
    let update = |key: &str, change: ActivityChange| Edit::UpdateActivity {
        id: id(key),
        change,
    };
    apply(&mut p, Edit::SetMunicipality("Høje-Taastrup".into()));
    apply(
        &mut p,
        Edit::SetSolution(Solution::Other("Valgløsning".into())),
    );
    apply(
        &mut p,
        Edit::SetTaskPhases {
            task: t(10),
            phases: PhaseSet::of(&[Phase::F2, Phase::F3]),
        },
    );
    let mut a = Activity::new_user(id("u-1"), t(10), Phase::F2, "Generalprøve på go-live", T0);
    a.description = "Linje 1\nLinje 2 \"citat\" \\ backslash\t tab".into();
    a.notes =
        "<img src=x onerror=alert(1)> <script>alert('x')</script> &amp; æøå ÆØÅ 🎉 \u{200b}".into();
    a.responsible = "Søren Østergaard".into();
    a.role = "Projektleder".into();
    a.start = Some(d(2027, 2, 1));
    a.due = Some(d(2027, 2, 14));
    apply(
        &mut p,
        Edit::InsertActivity {
            activity: a,
            position: 3,
        },
    );
    let b = Activity::new_user(id("u-2 med mellemrum"), t(5), Phase::F0, "Uden datoer", T0);
    apply(
        &mut p,
        Edit::InsertActivity {
            activity: b,
            position: 999,
        },
    );
    apply(
        &mut p,
        update(
            "t03-01",
            ActivityChange::Status {
                status: Status::Faerdig,
                completed: Some(d(2025, 12, 15)),
            },
        ),
    );
    apply(
        &mut p,
        update(
            "t03-02",
            ActivityChange::Status {
                status: Status::Faerdig,
                completed: None,
            },
        ),
    );
    apply(
        &mut p,
        update(
            "t03-03",
            ActivityChange::Status {
                status: Status::Udgaar,
                completed: None,
            },
        ),
    );
    apply(
        &mut p,
        update(
            "t03-04",
            ActivityChange::Status {
                status: Status::Blokeret,
                completed: None,
            },
        ),
    );
    apply(
        &mut p,
        update(
            "t06-01",
            ActivityChange::Dates {
                start: None,
                due: Some(d(2026, 10, 1)),
            },
        ),
    );
    apply(&mut p, Edit::RemoveActivity(id("t01-01")));
    apply(&mut p, Edit::RemoveActivity(id("t16-07")));
    p
}

fn round_trip(p: &Plan) -> Plan {
    parse(&to_json_pretty(p, SAVED))
        .unwrap_or_else(|e| panic!("own export is refused: {e}"))
        .plan
}

/// The template plan's export as loose JSON, for tampering with.
fn export_value() -> Value {
    serde_json::from_str(&to_json(&template_plan(), SAVED)).unwrap()
}

fn parse_value(v: &Value) -> Result<Imported, ImportError> {
    parse(&v.to_string())
}

/// The field path of an `Invalid` error, or a panic.
fn invalid_field(result: Result<Imported, ImportError>) -> String {
    match result {
        Err(ImportError::Invalid { field, problem }) => {
            assert!(!problem.trim().is_empty(), "empty problem for {field}");
            field
        }
        other => panic!("expected ImportError::Invalid, got {other:?}"),
    }
}

fn phases_json() -> Value {
    json!([
        {"phase": "F0", "start": "2026-06-01", "end": "2026-08-31"},
        {"phase": "F1", "start": "2026-09-01", "end": "2026-10-15"},
        {"phase": "F2", "start": "2026-10-16", "end": "2027-02-28"},
        {"phase": "F3", "start": "2027-03-01", "end": "2027-05-31"},
        {"phase": "F4", "start": "2027-06-01", "end": "2027-11-30"},
    ])
}

/// The smallest file a person could write by hand.
fn minimal_file() -> Value {
    json!({
        "format": "implan-plan",
        "formatVersion": 1,
        "plan": {
            "id": "p-1",
            "municipality": "Ærø",
            "solution": "KSD",
            "goLive": "2027-03-01",
            "phases": phases_json(),
        }
    })
}

// ---------------------------------------------------------------- round trips

#[test]
fn template_plan_survives_export_and_import() {
    let p = template_plan();
    let imported = parse(&to_json_pretty(&p, SAVED)).unwrap();
    assert_eq!(imported.plan, p);
    assert_eq!(imported.format_version, FORMAT_VERSION);
    assert_eq!(imported.saved_at, Some(SAVED));
}

#[test]
fn worked_plan_survives_export_and_import() {
    let p = worked_plan();
    assert!(p.activities.iter().any(|a| a.origin == Origin::User));
    assert_eq!(p.tombstones.len(), 2);
    assert_eq!(round_trip(&p), p);
    // The compact form used for local storage reads back the same.
    assert_eq!(parse(&to_json(&p, SAVED)).unwrap().plan, p);
}

#[test]
fn markup_in_texts_is_kept_verbatim() {
    let p = worked_plan();
    let back = round_trip(&p);
    let a = back.activity(&id("u-1")).unwrap();
    assert!(a.notes.starts_with("<img src=x onerror=alert(1)>"));
    assert!(a.notes.contains("🎉"));
    assert_eq!(a.description, p.activity(&id("u-1")).unwrap().description);
}

#[test]
fn done_status_with_completion_date_survives() {
    let back = round_trip(&worked_plan());
    let a = back.activity(&id("t03-01")).unwrap();
    assert_eq!(a.status, Status::Faerdig);
    assert_eq!(a.completed, Some(d(2025, 12, 15)));
    assert_eq!(back.activity(&id("t03-03")).unwrap().status, Status::Udgaar);
}

#[test]
fn tombstones_survive_and_keep_deleted_activities_out() {
    let p = worked_plan();
    let back = round_trip(&p);
    assert_eq!(back.tombstones, p.tombstones);
    assert!(back.activity(&id("t01-01")).is_none());
}

#[test]
fn texts_with_surrounding_spaces_survive() {
    let mut p = template_plan();
    for change in [
        ActivityChange::Responsible("  Mette ".into()),
        ActivityChange::Role(" Projektleder".into()),
        ActivityChange::Notes("\n  indrykket\n".into()),
    ] {
        p.apply(
            Edit::UpdateActivity {
                id: id("t03-01"),
                change,
            },
            SAVED,
        )
        .unwrap();
    }
    assert_eq!(round_trip(&p), p);
}

/// Field edits store a title as typed, e.g. with the space just typed; the
/// plan must read back as it was saved.
#[test]
fn title_edited_with_a_trailing_space_survives_export_and_import() {
    let mut p = template_plan();
    p.apply(
        Edit::UpdateActivity {
            id: id("t03-01"),
            change: ActivityChange::Title("Udpeg projektleder ".into()),
        },
        SAVED,
    )
    .unwrap();
    assert_eq!(round_trip(&p), p);
}

#[test]
fn every_known_solution_survives() {
    for s in Solution::KNOWN {
        let mut p = template_plan();
        p.apply(Edit::SetSolution(s.clone()), SAVED).unwrap();
        assert_eq!(round_trip(&p).solution, s);
    }
}

#[test]
fn export_is_stable_for_the_same_plan_and_time() {
    let p = worked_plan();
    let a = to_json_pretty(&p, SAVED);
    let b = to_json_pretty(&p.clone(), SAVED);
    assert_eq!(a, b);
    // Exporting what was imported gives the same bytes again.
    let again = to_json_pretty(&parse(&a).unwrap().plan, SAVED);
    assert_eq!(a, again);
    // Only the saving time differs between two exports of one plan.
    let later = to_json_pretty(&p, Timestamp(SAVED.0 + 1000));
    assert_ne!(a, later);
    let strip = |s: &str| {
        let mut v: Value = serde_json::from_str(s).unwrap();
        v.as_object_mut().unwrap().remove("savedAt");
        v
    };
    assert_eq!(strip(&a), strip(&later));
}

#[test]
fn export_has_the_documented_envelope() {
    let text = to_json_pretty(&template_plan(), SAVED);
    assert!(text.contains('\n'), "pretty output has line breaks");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], FORMAT_NAME);
    assert_eq!(v["formatVersion"], FORMAT_VERSION);
    assert_eq!(v["appVersion"], APP_VERSION);
    assert_eq!(v["savedAt"], "2026-05-28T20:26:40.123Z");
    assert_eq!(v["plan"]["goLive"], "2027-03-01");
    assert_eq!(v["plan"]["solution"], "KY");
    assert_eq!(v["plan"]["phases"].as_array().unwrap().len(), 5);
    assert_eq!(v["plan"]["tasks"].as_array().unwrap().len(), 16);
    let first = &v["plan"]["activities"][0];
    assert_eq!(first["id"], "t01-01");
    assert_eq!(first["templateKey"], "t01-01");
    assert_eq!(first["status"], "ikke-startet");
    assert_eq!(first["phase"], "F2");
    assert_eq!(first["task"], 1);
    // The compact form has no line breaks.
    assert!(!to_json(&template_plan(), SAVED).contains('\n'));
}

#[test]
fn timestamps_are_written_in_utc_with_milliseconds() {
    assert_eq!(format_timestamp(Timestamp(0)), "1970-01-01T00:00:00.000Z");
    assert_eq!(
        parse_timestamp("2026-11-30T09:15:00.250+01:00"),
        Some(Timestamp(1_796_026_500_250))
    );
    assert_eq!(
        format_timestamp(Timestamp(1_796_026_500_250)),
        "2026-11-30T08:15:00.250Z"
    );
}

// ---------------------------------------------------------------- defaults

#[test]
fn minimal_hand_written_file_parses_with_defaults() {
    let imported = parse_value(&minimal_file()).unwrap();
    assert_eq!(imported.saved_at, None);
    assert_eq!(imported.format_version, 1);
    let p = imported.plan;
    assert_eq!(p.id, PlanId("p-1".into()));
    assert_eq!(p.municipality, "Ærø");
    assert_eq!(p.solution, Solution::Ksd);
    assert_eq!(p.go_live, d(2027, 3, 1));
    assert_eq!(p.window(Phase::F2).end, d(2027, 2, 28));
    assert_eq!(p.template_version, catalog::TEMPLATE_VERSION);
    assert_eq!(p.modified, Timestamp(0));
    assert_eq!(p.created, p.modified);
    assert_eq!(p.settings_modified, p.modified);
    assert!(p.activities.is_empty());
    assert!(p.tombstones.is_empty());
    assert_eq!(p.tasks.len(), 16);
    for task in &p.tasks {
        assert_eq!(task.phases, catalog::default_phases(task.number));
    }
}

#[test]
fn minimal_activity_gets_defaults() {
    let mut v = minimal_file();
    v["plan"]["modified"] = json!("2026-01-01T10:00:00Z");
    v["plan"]["activities"] = json!([
        {"id": "a", "task": 3, "phase": "f1", "title": "  Kickoff  "},
        {"id": "b", "task": 3, "phase": "F1", "title": "Null-felter",
         "notes": null, "start": null, "due": "", "status": null, "templateKey": null},
    ]);
    let p = parse_value(&v).unwrap().plan;
    let a = &p.activities[0];
    assert_eq!(a.title, "  Kickoff  ", "title is kept as written");
    assert_eq!(a.phase, Phase::F1, "phase codes are read in any case");
    assert_eq!(a.status, Status::IkkeStartet);
    assert_eq!(a.origin, Origin::User);
    assert_eq!((a.start, a.due, a.completed), (None, None, None));
    assert_eq!(a.description, "");
    assert_eq!(a.modified, Timestamp(1_767_261_600_000), "plan's modified");
    let b = &p.activities[1];
    assert_eq!(b.notes, "");
    assert_eq!((b.start, b.due), (None, None));
    assert_eq!(b.status, Status::IkkeStartet);
}

#[test]
fn listed_tasks_override_defaults_and_missing_tasks_get_them() {
    let mut v = minimal_file();
    v["plan"]["tasks"] = json!([{"number": 12, "phases": ["F2", "F3"]}]);
    let p = parse_value(&v).unwrap().plan;
    assert_eq!(p.task(t(12)).phases, PhaseSet::of(&[Phase::F2, Phase::F3]));
    assert_eq!(p.task(t(1)).phases, catalog::default_phases(t(1)));
}

#[test]
fn completion_date_is_ignored_unless_done() {
    let mut v = minimal_file();
    v["plan"]["activities"] = json!([
        {"id": "a", "task": 3, "phase": "F1", "title": "x", "status": "i-gang",
         "completed": "2026-09-09"},
    ]);
    assert_eq!(parse_value(&v).unwrap().plan.activities[0].completed, None);
}

#[test]
fn tombstones_of_live_activities_are_dropped() {
    let mut v = minimal_file();
    v["plan"]["activities"] = json!([{"id": "a", "task": 3, "phase": "F1", "title": "x"}]);
    v["plan"]["tombstones"] = json!([
        {"id": "a", "deleted": "2026-01-01T00:00:00Z"},
        {"id": "b", "deleted": "2026-01-01T00:00:00Z"},
    ]);
    let p = parse_value(&v).unwrap().plan;
    assert_eq!(
        p.tombstones,
        vec![Tombstone {
            id: id("b"),
            deleted: Timestamp(1_767_225_600_000)
        }]
    );
}

#[test]
fn utf8_bom_is_accepted() {
    let p = worked_plan();
    let text = format!("\u{feff}{}", to_json_pretty(&p, SAVED));
    assert_eq!(parse(&text).unwrap().plan, p);
}

#[test]
fn file_of_exactly_the_size_limit_is_read() {
    let text = to_json(&template_plan(), SAVED);
    let padded = format!("{text}{}", " ".repeat(MAX_FILE_BYTES - text.len()));
    assert_eq!(padded.len(), MAX_FILE_BYTES);
    assert_eq!(parse(&padded).unwrap().plan, template_plan());
}

// ---------------------------------------------------------------- errors

#[test]
fn text_that_is_not_json_reports_line_and_column() {
    assert_eq!(
        parse("hello"),
        Err(ImportError::NotJson { line: 1, column: 1 })
    );
    let text = "{\n  \"format\": \"implan-plan\",\n  oops\n}";
    match parse(text) {
        Err(ImportError::NotJson { line, column }) => {
            assert_eq!(line, 3);
            assert_eq!(column, 3);
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
    assert!(matches!(
        parse("{\"format\": \"implan-plan\""),
        Err(ImportError::NotJson { line: 1, .. })
    ));
}

#[test]
fn empty_file_is_called_empty() {
    for text in ["", "  \n\t ", "\u{feff}", "\u{feff}\n"] {
        assert_eq!(parse(text), Err(ImportError::Empty), "{text:?}");
    }
    let message = ImportError::Empty.to_string();
    assert!(message.starts_with("Filen er tom."), "{message}");
    assert!(!message.contains("linje"), "{message}");
}

#[test]
fn json_that_is_not_an_implan_file_is_refused() {
    for text in [
        "[1, 2, 3]",
        "42",
        "\"implan-plan\"",
        "null",
        "{}",
        r#"{"format": "other", "formatVersion": 1}"#,
        r#"{"format": "IMPLAN-PLAN", "formatVersion": 1}"#,
        r#"{"format": 1, "formatVersion": 1}"#,
    ] {
        assert_eq!(parse(text), Err(ImportError::NotImplan), "{text}");
    }
}

#[test]
fn missing_or_bad_format_version_names_the_field() {
    for version in [
        None,
        Some(json!(0)),
        Some(json!("1")),
        Some(json!(1.5)),
        Some(json!(-1)),
    ] {
        let mut v = minimal_file();
        match version {
            None => {
                v.as_object_mut().unwrap().remove("formatVersion");
            }
            Some(x) => v["formatVersion"] = x,
        }
        assert_eq!(invalid_field(parse_value(&v)), "formatVersion");
    }
}

#[test]
fn newer_format_version_is_refused_with_both_versions() {
    let mut v = minimal_file();
    v["formatVersion"] = json!(FORMAT_VERSION + 1);
    assert_eq!(
        parse_value(&v),
        Err(ImportError::NewerVersion {
            file: FORMAT_VERSION + 1,
            supported: FORMAT_VERSION
        })
    );
    // The message says what the user can do: a browser app has no "newer
    // version" to open the file in, but a reload fetches the newest one.
    assert_eq!(
        ImportError::NewerVersion { file: 2, supported: 1 }.to_string(),
        "Filen er gemt i formatversion 2, men denne udgave af Implan kan kun læse op til version 1. Genindlæs siden for at hente den nyeste udgave af Implan, og prøv igen; kan den stadig ikke læse filen, så bed dem, der driver Implan i kommunen, om at opdatere den."
    );
    v["formatVersion"] = json!(u64::from(u32::MAX));
    assert!(matches!(
        parse_value(&v),
        Err(ImportError::NewerVersion { .. })
    ));
}

fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

#[test]
fn too_deep_nesting_is_refused() {
    assert_eq!(
        parse(&nested_arrays(MAX_DEPTH + 1)),
        Err(ImportError::TooDeep)
    );
    // Deeper than serde_json's own recursion limit.
    assert_eq!(parse(&nested_arrays(5_000)), Err(ImportError::TooDeep));
    // Deep data hidden in an otherwise valid file.
    let mut text = to_json(&template_plan(), SAVED);
    text.pop();
    text.push_str(&format!(",\"extra\":{}}}", nested_arrays(MAX_DEPTH)));
    assert_eq!(parse(&text), Err(ImportError::TooDeep));
}

#[test]
fn nesting_up_to_the_limit_is_not_called_too_deep() {
    // Depth MAX_DEPTH is fine as JSON; it just is not an Implan file.
    assert_eq!(
        parse(&nested_arrays(MAX_DEPTH)),
        Err(ImportError::NotImplan)
    );
}

#[test]
fn too_large_file_is_refused_before_parsing() {
    let text = " ".repeat(MAX_FILE_BYTES + 1);
    assert_eq!(
        parse(&text),
        Err(ImportError::TooLarge {
            bytes: MAX_FILE_BYTES + 1
        })
    );
    let valid = to_json(&template_plan(), SAVED);
    let padded = format!("{valid}{}", " ".repeat(MAX_FILE_BYTES + 1 - valid.len()));
    assert!(matches!(parse(&padded), Err(ImportError::TooLarge { .. })));
}

#[test]
fn invalid_activity_date_names_the_field_and_value() {
    let mut v = export_value();
    v["plan"]["activities"][3]["due"] = json!("2026-02-30");
    let err = parse_value(&v).unwrap_err();
    assert_eq!(
        err,
        ImportError::Invalid {
            field: "plan.activities[3].due".into(),
            problem: "er ikke en gyldig dato (\"2026-02-30\"; forventet ÅÅÅÅ-MM-DD)".into()
        }
    );
    for bad in [json!("30.11.2026"), json!(20261130), json!("i morgen")] {
        let mut v = export_value();
        v["plan"]["activities"][7]["start"] = bad;
        assert_eq!(invalid_field(parse_value(&v)), "plan.activities[7].start");
    }
}

#[test]
fn due_before_start_in_a_file_is_refused() {
    let mut v = export_value();
    v["plan"]["activities"][2]["start"] = json!("2026-12-10");
    v["plan"]["activities"][2]["due"] = json!("2026-12-09");
    assert_eq!(invalid_field(parse_value(&v)), "plan.activities[2].due");
}

#[test]
fn unknown_status_names_the_field() {
    let mut v = export_value();
    v["plan"]["activities"][0]["status"] = json!("Færdig");
    let err = parse_value(&v).unwrap_err();
    assert_eq!(invalid_field(Err(err.clone())), "plan.activities[0].status");
    assert!(err.to_string().contains("Færdig"), "{err}");
}

#[test]
fn duplicate_activity_id_names_the_second_occurrence() {
    let mut v = export_value();
    v["plan"]["activities"][5]["id"] = v["plan"]["activities"][4]["id"].clone();
    let err = parse_value(&v).unwrap_err();
    assert_eq!(invalid_field(Err(err.clone())), "plan.activities[5].id");
    assert!(err.to_string().contains("t01-05"), "{err}");
}

#[test]
fn task_number_17_is_refused() {
    let mut v = export_value();
    v["plan"]["activities"][0]["task"] = json!(17);
    assert_eq!(invalid_field(parse_value(&v)), "plan.activities[0].task");
    let mut v = export_value();
    v["plan"]["tasks"][0]["number"] = json!(17);
    assert_eq!(invalid_field(parse_value(&v)), "plan.tasks[0].number");
    for bad in [json!(0), json!(-1), json!("3"), json!(3.5), json!(256 + 3)] {
        let mut v = export_value();
        v["plan"]["activities"][1]["task"] = bad;
        assert_eq!(invalid_field(parse_value(&v)), "plan.activities[1].task");
    }
}

#[test]
fn duplicate_task_number_is_refused() {
    let mut v = export_value();
    v["plan"]["tasks"][1]["number"] = json!(1);
    assert_eq!(invalid_field(parse_value(&v)), "plan.tasks[1].number");
}

#[test]
fn unknown_phase_f7_is_refused() {
    let mut v = export_value();
    v["plan"]["activities"][0]["phase"] = json!("F7");
    let err = parse_value(&v).unwrap_err();
    assert_eq!(invalid_field(Err(err.clone())), "plan.activities[0].phase");
    assert!(err.to_string().contains("F7"), "{err}");

    let mut v = export_value();
    v["plan"]["tasks"][2]["phases"] = json!(["F1", "F7"]);
    assert_eq!(invalid_field(parse_value(&v)), "plan.tasks[2].phases[1]");

    let mut v = export_value();
    v["plan"]["phases"][0]["phase"] = json!("F7");
    let err = parse_value(&v).unwrap_err();
    assert_eq!(invalid_field(Err(err.clone())), "plan.phases");
    assert!(err.to_string().contains("F0 Tilslutning"), "{err}");
}

#[test]
fn activity_in_a_phase_where_its_task_is_not_active_is_refused() {
    let mut v = export_value();
    // Activity 0 is t01-01; main task 1 is not active in F0.
    v["plan"]["activities"][0]["phase"] = json!("F0");
    let err = parse_value(&v).unwrap_err();
    assert_eq!(invalid_field(Err(err.clone())), "plan.activities[0].phase");
    assert!(err.to_string().contains("Hovedopgave 1"), "{err}");
    // The same activity is fine once the file activates the phase.
    v["plan"]["tasks"][0]["phases"] = json!(["F0", "F2", "F3", "F4"]);
    assert!(parse_value(&v).is_ok());
}

#[test]
fn empty_task_phase_list_is_refused() {
    let mut v = export_value();
    v["plan"]["tasks"][4]["phases"] = json!([]);
    assert_eq!(invalid_field(parse_value(&v)), "plan.tasks[4].phases");
}

#[test]
fn phase_window_ending_before_it_starts_is_refused() {
    let mut v = export_value();
    v["plan"]["phases"][2]["end"] = json!("2020-01-01");
    assert_eq!(invalid_field(parse_value(&v)), "plan.phases[2].end");
}

#[test]
fn missing_required_plan_fields_are_named() {
    for (key, field) in [
        ("id", "plan.id"),
        ("municipality", "plan.municipality"),
        ("solution", "plan.solution"),
        ("goLive", "plan.goLive"),
        ("phases", "plan.phases"),
    ] {
        let mut v = minimal_file();
        v["plan"].as_object_mut().unwrap().remove(key);
        assert_eq!(invalid_field(parse_value(&v)), field, "without {key}");
    }
    let mut v = minimal_file();
    v["plan"]["municipality"] = json!("   ");
    assert_eq!(invalid_field(parse_value(&v)), "plan.municipality");
    let mut v = minimal_file();
    v.as_object_mut().unwrap().remove("plan");
    assert_eq!(invalid_field(parse_value(&v)), "plan");
    let mut v = minimal_file();
    v["plan"] = json!([]);
    assert_eq!(invalid_field(parse_value(&v)), "plan");
}

#[test]
fn missing_activity_fields_are_named() {
    for key in ["id", "task", "phase", "title"] {
        let mut v = export_value();
        v["plan"]["activities"][9]
            .as_object_mut()
            .unwrap()
            .remove(key);
        assert_eq!(
            invalid_field(parse_value(&v)),
            format!("plan.activities[9].{key}")
        );
    }
}

#[test]
fn wrongly_typed_fields_are_named() {
    let cases: [(&[&str], Value, &str); 5] = [
        (&["plan", "activities"], json!({}), "plan.activities"),
        (&["plan", "notes"], json!(1), ""),
        (&["plan", "modified"], json!("i går"), "plan.modified"),
        (
            &["plan", "templateVersion"],
            json!(2026),
            "plan.templateVersion",
        ),
        (&["plan", "tombstones"], json!([1]), "plan.tombstones[0]"),
    ];
    for (path, value, field) in cases {
        let mut v = export_value();
        let mut slot = &mut v;
        for key in path {
            slot = &mut slot[*key];
        }
        *slot = value;
        if field.is_empty() {
            // Unknown fields are ignored.
            assert!(parse_value(&v).is_ok(), "{path:?}");
        } else {
            assert_eq!(invalid_field(parse_value(&v)), field, "{path:?}");
        }
    }
}

// ---------------------------------------------------------------- messages

#[test]
fn every_import_error_has_a_danish_message() {
    let errors = [
        ImportError::TooLarge {
            bytes: 25 * 1_048_576,
        },
        ImportError::NotJson {
            line: 12,
            column: 7,
        },
        ImportError::TooDeep,
        ImportError::NotImplan,
        ImportError::NewerVersion {
            file: 3,
            supported: 1,
        },
        ImportError::Invalid {
            field: "plan.activities[3].due".into(),
            problem: "ligger før startdatoen".into(),
        },
    ];
    for e in &errors {
        let m = e.to_string();
        assert!(m.trim().len() > 20, "{e:?}: {m:?}");
        assert!(
            m.contains("fil") || m.contains("Fil") || m.contains("Feltet"),
            "{m}"
        );
    }
    let m: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        m[0].contains("25,0 MB") && m[0].contains("20 MB"),
        "{}",
        m[0]
    );
    assert!(
        m[1].contains("linje 12") && m[1].contains("kolonne 7"),
        "{}",
        m[1]
    );
    assert!(m[2].contains(&MAX_DEPTH.to_string()), "{}", m[2]);
    assert!(m[3].contains(FORMAT_NAME), "{}", m[3]);
    assert!(
        m[4].contains("version 3") && m[4].contains("version 1"),
        "{}",
        m[4]
    );
    assert!(m[5].contains("plan.activities[3].due"), "{}", m[5]);
    assert!(m[5].contains("ligger før startdatoen"), "{}", m[5]);
}

#[test]
fn long_bad_values_are_clipped_in_messages() {
    let mut v = export_value();
    let long = "x".repeat(500);
    v["plan"]["activities"][0]["status"] = json!(long);
    let m = parse_value(&v).unwrap_err().to_string();
    assert!(m.len() < 400, "message not clipped: {} chars", m.len());
    assert!(m.contains('…'));
}

// ---------------------------------------------------------------- properties

/// The date `offset` days after 1 January 2000.
fn date_from(offset: i64) -> NaiveDate {
    d(2000, 1, 1) + chrono::Duration::days(offset)
}

/// Text a user could type: anything, including markup and control chars.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-ZæøåÆØÅ<>&\"'\\\\/=]{0,30}",
        Just("<img src=x onerror=alert(1)>".to_string()),
    ]
}

/// Non-blank text, trimmed (like titles after an edit).
fn title_text() -> impl Strategy<Value = String> {
    any_text().prop_filter_map("blank", |s| {
        let s = s.trim().to_string();
        (!s.is_empty()).then_some(s)
    })
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_102_444_800_000).prop_map(Timestamp)
}

#[derive(Clone, Debug)]
struct ActivitySpec {
    task: u8,
    phase_pick: usize,
    title: String,
    description: String,
    start: Option<i64>,
    length: Option<i64>,
    responsible: String,
    role: String,
    status: usize,
    completed: Option<i64>,
    notes: String,
    template_key: Option<String>,
    modified: Timestamp,
}

fn activity_spec() -> impl Strategy<Value = ActivitySpec> {
    (
        (1u8..=16, 0usize..5, title_text(), any_text()),
        (
            proptest::option::of(0i64..20_000),
            proptest::option::of(0i64..400),
        ),
        (
            any_text(),
            any_text(),
            0usize..5,
            proptest::option::of(0i64..20_000),
        ),
        (
            any_text(),
            proptest::option::of("[a-z0-9-]{1,8}"),
            timestamp(),
        ),
    )
        .prop_map(
            |(
                (task, phase_pick, title, description),
                (start, length),
                (responsible, role, status, completed),
                (notes, template_key, modified),
            )| ActivitySpec {
                task,
                phase_pick,
                title,
                description,
                start,
                length,
                responsible,
                role,
                status,
                completed,
                notes,
                template_key,
                modified,
            },
        )
}

#[derive(Clone, Debug)]
struct PlanSpec {
    municipality: String,
    solution: usize,
    other_solution: String,
    times: (Timestamp, Timestamp, Timestamp),
    window_lengths: [i64; 5],
    first_day: i64,
    task_masks: Vec<u8>,
    activities: Vec<ActivitySpec>,
    tombstones: Vec<(String, Timestamp)>,
    id_prefix: String,
}

fn plan_spec() -> impl Strategy<Value = PlanSpec> {
    (
        (
            title_text(),
            0usize..5,
            "[A-Za-zÆØÅæøå][A-Za-zÆØÅæøå0-9 ]{0,10}[a-z]",
        ),
        (timestamp(), timestamp(), timestamp()),
        (proptest::array::uniform5(0i64..400), 0i64..10_000),
        proptest::collection::vec(1u8..32, 16),
        proptest::collection::vec(activity_spec(), 0..25),
        proptest::collection::vec((title_text(), timestamp()), 0..5),
        any_text(),
    )
        .prop_map(
            |(
                (municipality, solution, other_solution),
                times,
                (window_lengths, first_day),
                task_masks,
                activities,
                tombstones,
                id_prefix,
            )| PlanSpec {
                municipality,
                solution,
                other_solution,
                times,
                window_lengths,
                first_day,
                task_masks,
                activities,
                tombstones,
                id_prefix,
            },
        )
}

/// Builds a plan that satisfies the model's invariants from a spec.
fn build_plan(spec: &PlanSpec) -> Plan {
    let solution = match spec.solution {
        i @ 0..=3 => Solution::KNOWN[i].clone(),
        _ => Solution::parse(&spec.other_solution),
    };
    let mut start = date_from(spec.first_day);
    let phases: [PhaseWindow; 5] = spec.window_lengths.map(|len| {
        let w = PhaseWindow {
            start,
            end: start + chrono::Duration::days(len),
        };
        start = w.end + chrono::Duration::days(1);
        w
    });
    let tasks: Vec<MainTask> = TaskNo::all()
        .zip(&spec.task_masks)
        .map(|(number, mask)| MainTask {
            number,
            phases: PhaseSet::of(
                &Phase::ALL
                    .into_iter()
                    .filter(|p| mask & (1 << p.index()) != 0)
                    .collect::<Vec<_>>(),
            ),
            modified: spec.times.2,
        })
        .collect();
    let activities: Vec<Activity> = spec
        .activities
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let task = t(a.task);
            let active: Vec<Phase> = tasks[usize::from(a.task) - 1].phases.iter().collect();
            let status = Status::ALL[a.status];
            let start = a.start.map(date_from);
            Activity {
                id: ActivityId(format!("a:{}#{i}", spec.id_prefix)),
                task,
                phase: active[a.phase_pick % active.len()],
                title: a.title.clone(),
                description: a.description.clone(),
                start,
                due: match (start, a.length) {
                    (Some(s), Some(l)) => Some(s + chrono::Duration::days(l)),
                    (None, Some(l)) => Some(date_from(l)),
                    (_, None) => None,
                },
                responsible: a.responsible.clone(),
                role: a.role.clone(),
                status,
                completed: if status == Status::Faerdig {
                    a.completed.map(date_from)
                } else {
                    None
                },
                notes: a.notes.clone(),
                origin: match &a.template_key {
                    Some(key) => Origin::Template { key: key.clone() },
                    None => Origin::User,
                },
                modified: a.modified,
            }
        })
        .collect();
    let tombstones = spec
        .tombstones
        .iter()
        .map(|(tid, when)| Tombstone {
            id: ActivityId(format!("gone:{tid}")),
            deleted: *when,
        })
        .collect();
    Plan {
        id: PlanId(format!("plan:{}", spec.municipality)),
        name: String::new(),
        municipality: spec.municipality.clone(),
        solution,
        created: spec.times.0,
        modified: spec.times.1,
        settings_modified: spec.times.2,
        template_version: catalog::TEMPLATE_VERSION.to_string(),
        phases,
        go_live: phases[3].start,
        tasks,
        activities,
        tombstones,
        benefits: Vec::new(),
        benefit_map: Default::default(),
        benefit_tombstones: Vec::new(),
        exchanged: spec.times.1,
        stage: crate::model::Stage::In(Phase::F0),
        stage_set: spec.times.0,
        checklists: crate::model::Checklist::all_from_catalog(spec.times.0),
        phase_history: Vec::new(),
        reports: Vec::new(),
        followup_tombstones: Vec::new(),
        example: None,
    }
}

/// A small valid export to mutate.
fn small_export() -> String {
    let mut p = template_plan();
    p.activities.truncate(6);
    p.tombstones.push(Tombstone {
        id: id("t09-09"),
        deleted: T0,
    });
    to_json_pretty(&p, SAVED)
}

#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, String),
    Delete(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (
            any::<usize>(),
            prop_oneof![
                any::<String>(),
                Just("[".repeat(200)),
                Just("{\"a\":".to_string()),
                Just("null".to_string()),
                Just("\"".to_string()),
                Just("99999999999999999999".to_string()),
                Just("\\u0000".to_string()),
            ]
        )
            .prop_map(|(i, s)| Mutation::Insert(i, s)),
        (any::<usize>(), 1usize..50).prop_map(|(i, n)| Mutation::Delete(i, n)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        let len = bytes.len().max(1);
        match m {
            Mutation::Flip(i, b) => {
                if !bytes.is_empty() {
                    let i = i % len;
                    bytes[i] ^= b | 1;
                }
            }
            Mutation::Truncate(i) => bytes.truncate(i % len),
            Mutation::Insert(i, s) => {
                let i = i % (bytes.len() + 1);
                bytes.splice(i..i, s.bytes());
            }
            Mutation::Delete(i, n) => {
                let i = i % len;
                let end = (i + n).min(bytes.len());
                if i < end {
                    bytes.drain(i..end);
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Any plan that satisfies the model's invariants reads back equal.
    #[test]
    fn generated_plans_survive_export_and_import(spec in plan_spec()) {
        let plan = build_plan(&spec);
        for a in &plan.activities {
            prop_assert_eq!(plan.check_activity(a), Ok(()));
        }
        let text = to_json_pretty(&plan, SAVED);
        let imported = parse(&text);
        prop_assert!(imported.is_ok(), "refused: {:?}", imported);
        let imported = imported.unwrap();
        prop_assert_eq!(&imported.plan, &plan);
        prop_assert_eq!(imported.saved_at, Some(SAVED));
        // And the compact form, and a second export, agree.
        prop_assert_eq!(&parse(&to_json(&plan, SAVED)).unwrap().plan, &plan);
        prop_assert_eq!(to_json_pretty(&imported.plan, SAVED), text);
    }

    /// Reading arbitrary text never panics.
    #[test]
    fn parse_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = parse(&text);
    }

    /// Reading a damaged export never panics, and what it accepts is a plan
    /// that satisfies the invariants.
    #[test]
    fn parse_never_panics_on_damaged_exports(
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let text = mutate(&small_export(), &mutations);
        if let Ok(imported) = parse(&text) {
            let p = imported.plan;
            prop_assert_eq!(p.tasks.len(), 16);
            for a in &p.activities {
                prop_assert_eq!(p.check_activity(a), Ok(()));
                prop_assert!(a.status == Status::Faerdig || a.completed.is_none());
            }
            for w in p.phases {
                prop_assert!(w.start <= w.end);
            }
        }
    }

    /// Arbitrary JSON values in any activity field never panic the reader.
    #[test]
    fn parse_never_panics_on_odd_field_values(
        index in 0usize..6,
        field in proptest::sample::select(vec![
            "id", "task", "phase", "title", "start", "due", "status", "completed",
            "modified", "templateKey", "notes",
        ]),
        value in prop_oneof![
            Just(json!(null)), Just(json!(true)), Just(json!(-1)), Just(json!(1e300)),
            Just(json!(u64::MAX)), Just(json!([])), Just(json!({})), any::<String>().prop_map(Value::String),
            any::<i64>().prop_map(|n| json!(n)),
        ],
    ) {
        let mut v: Value = serde_json::from_str(&small_export()).unwrap();
        v["plan"]["activities"][index][field] = value;
        let _ = parse(&v.to_string());
    }
}

#[test]
fn arbitrary_other_solution_names_with_known_codes_read_as_known() {
    // A name typed as "ky" is stored as the known solution KY.
    let mut v = minimal_file();
    v["plan"]["solution"] = json!(" ky ");
    assert_eq!(parse_value(&v).unwrap().plan.solution, Solution::Ky);
}

// ------------------------------------------------------ clocks running ahead

/// Every change time the file format writes, in milliseconds: RFC 3339
/// strings, and whole numbers of milliseconds from 2001 on.
fn times_in(v: &Value, out: &mut Vec<i64>) {
    match v {
        Value::String(s) => out.extend(crate::model::parse_rfc3339_millis(s)),
        Value::Number(n) => out.extend(n.as_i64().filter(|n| *n >= 1_000_000_000_000)),
        Value::Array(items) => items.iter().for_each(|i| times_in(i, out)),
        Value::Object(fields) => fields.values().for_each(|f| times_in(f, out)),
        _ => {}
    }
}

#[test]
fn a_plan_from_a_clock_running_ahead_has_every_change_time_set_back() {
    let now = Timestamp(1_796_115_600_000); // 01.12.2026
    let ahead = Timestamp(1_906_534_800_000); // 01.06.2030
    let today = NaiveDate::from_ymd_opt(2030, 6, 1).unwrap();
    let mut plan = catalog::build_example("aabakke-ky", PlanId("p".into()), ahead, today)
        .expect("the example builds");
    plan.apply(Edit::RemoveActivity(id("t01-01")), ahead)
        .unwrap();
    let file: Value = serde_json::from_str(&to_json(&plan, SAVED)).unwrap();
    let mut before = Vec::new();
    times_in(&file["plan"], &mut before);
    let limit = now.0 + crate::model::CLOCK_TOLERANCE_MS;
    let wrong = before.iter().filter(|t| **t > limit).count();
    assert!(
        wrong > 200,
        "the example has records of every kind: {wrong}"
    );

    let found = plan.settle_future_times(now);
    assert_eq!(
        found.count, wrong,
        "every change time in the file is settled"
    );
    assert_eq!(found.latest, before.iter().copied().max().map(Timestamp));
    let file: Value = serde_json::from_str(&to_json(&plan, SAVED)).unwrap();
    let mut after = Vec::new();
    times_in(&file["plan"], &mut after);
    assert!(after.iter().all(|t| *t <= limit));
    assert_eq!(after.len(), before.len());

    // The same plan read from a file says so when it arrives.
    let mut sent = catalog::build_example("aabakke-ky", PlanId("p".into()), ahead, today).unwrap();
    sent.apply(Edit::RemoveActivity(id("t01-01")), ahead)
        .unwrap();
    let arrived = parse(&to_json(&sent, SAVED)).unwrap().arrived(now);
    assert_eq!(arrived.plan, plan);
    assert_eq!(
        arrived.clock_note().as_deref(),
        Some(
            format!(
                "{wrong} ændringstider i planen lå ude i fremtiden (senest 01.06.2030): afsenderens ur gik nok forkert. De er sat til nu."
            )
            .as_str()
        )
    );
    assert_eq!(
        parse(&to_json(&plan, SAVED))
            .unwrap()
            .arrived(now)
            .clock_note(),
        None
    );

    // Times within the tolerance, and in the past, are kept.
    let mut own = template_plan();
    own.modified = Timestamp(now.0 + 60_000);
    let kept = own.clone();
    assert_eq!(own.settle_future_times(now).count, 0);
    assert_eq!(own, kept);
}
