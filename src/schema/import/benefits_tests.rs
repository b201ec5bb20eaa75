//! Tests of writing and reading benefit profiles, measurements, the
//! benefit map and benefit tombstones.

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::model::{
    ActivityId, Benefit, BenefitChange, BenefitEdit, BenefitId, BenefitKind, BenefitType, Decimal,
    Edit, Frequency, Measurement, MeasurementId, NodeChange, NodeId, Plan, PlanId, PlanSetup,
    Solution, TaskNo, Timestamp,
};
use crate::schema::{parse, to_json, to_json_pretty, ImportError};

const NOW: Timestamp = Timestamp(1_780_000_000_000);

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A plan with two profiles (one with measurements), a linked map and
/// tombstones of each kind of record.
fn plan() -> Plan {
    let setup = PlanSetup {
        id: PlanId("p-1".into()),
        municipality: "Vejle".into(),
        solution: Solution::Ky,
        go_live: d(2027, 3, 1),
        f1_start: d(2026, 9, 1),
        phases: None,
    };
    let mut p = Plan::from_template(setup, Timestamp(1_767_225_600_000)).unwrap();
    let mut b = Benefit::new(
        BenefitId("g-1".into()),
        "Frigjort tid",
        BenefitType::OekonomiskRaaderum,
        BenefitKind::Gevinst,
        NOW,
    );
    b.owner = "Ydelseschef".into();
    b.unit = "kr. pr. år".into();
    b.baseline = Some(Decimal::parse_danish("1.234.567,89").unwrap());
    b.baseline_date = Some(d(2026, 1, 15));
    b.target = Some(Decimal::parse_danish("-0,5").unwrap());
    b.target_date = Some(d(2027, 12, 31));
    b.frequency = Some(Frequency::Halvaarlig);
    b.tasks = vec![TaskNo::new(6).unwrap(), TaskNo::new(9).unwrap()];
    b.activities = vec![ActivityId("t06-01".into())];
    let drawback = Benefit::new(
        BenefitId("g-2".into()),
        "Flere licenser",
        BenefitType::Trivsel,
        BenefitKind::Ulempe,
        NOW,
    );
    let m = |id: &str, date, v: &str| Measurement {
        id: MeasurementId(id.into()),
        date,
        value: Decimal::parse_danish(v).unwrap(),
        comment: "Måling «kvartal»".into(),
        measured_by: "Controller".into(),
        modified: NOW,
    };
    let edits = vec![
        Edit::Benefit(BenefitEdit::InsertBenefit {
            benefit: b,
            position: 0,
        }),
        Edit::Benefit(BenefitEdit::InsertBenefit {
            benefit: drawback,
            position: 1,
        }),
        Edit::Benefit(BenefitEdit::InsertMeasurement {
            benefit: BenefitId("g-1".into()),
            measurement: m("m-1", d(2026, 3, 1), "1.000.000"),
        }),
        Edit::Benefit(BenefitEdit::InsertMeasurement {
            benefit: BenefitId("g-1".into()),
            measurement: m("m-2", d(2026, 5, 1), "900.000,25"),
        }),
        Edit::Benefit(BenefitEdit::InsertMeasurement {
            benefit: BenefitId("g-1".into()),
            measurement: m("m-3", d(2026, 5, 2), "1"),
        }),
        Edit::Benefit(BenefitEdit::RemoveMeasurement {
            benefit: BenefitId("g-1".into()),
            id: MeasurementId("m-3".into()),
        }),
        Edit::Benefit(BenefitEdit::UpdateNode {
            id: NodeId("n-gev-okonomi".into()),
            change: NodeChange::Benefit(Some(BenefitId("g-1".into()))),
        }),
        Edit::Benefit(BenefitEdit::UpdateNode {
            id: NodeId("n-for-arbejdsgange".into()),
            change: NodeChange::Activities(vec![ActivityId("t09-01".into())]),
        }),
        Edit::Benefit(BenefitEdit::RemoveNode(NodeId("n-eff-overblik".into()))),
        Edit::Benefit(BenefitEdit::UpdateBenefit {
            id: BenefitId("g-2".into()),
            change: BenefitChange::Description("Ekstra".into()),
        }),
    ];
    p.apply(Edit::Batch(edits), NOW).unwrap();
    p
}

#[test]
fn benefits_map_and_tombstones_survive_a_round_trip() {
    let p = plan();
    assert_eq!(
        p.benefit_tombstones.len(),
        4,
        "a measurement, a node and its two arrows"
    );
    let back = parse(&to_json(&p, NOW)).unwrap().plan;
    assert_eq!(back, p);
    let back = parse(&to_json_pretty(&p, NOW)).unwrap().plan;
    assert_eq!(back, p);
}

#[test]
fn the_file_uses_readable_keys_and_json_numbers() {
    let v: Value = serde_json::from_str(&to_json_pretty(&plan(), NOW)).unwrap();
    let b = &v["plan"]["benefits"][0];
    assert_eq!(b["type"], "okonomisk-raderum");
    assert_eq!(b["kind"], "gevinst");
    assert_eq!(b["baseline"], json!(1234567.89));
    assert_eq!(b["baselineDate"], "2026-01-15");
    assert_eq!(b["target"], json!(-0.5));
    assert_eq!(b["frequency"], "halvaarlig");
    assert_eq!(b["tasks"], json!([6, 9]));
    assert_eq!(b["measurements"][1]["value"], json!(900000.25));
    assert_eq!(b["measurements"][1]["measuredBy"], "Controller");
    assert_eq!(v["plan"]["benefits"][1]["kind"], "ulempe");
    assert_eq!(v["plan"]["benefits"][1]["baseline"], Value::Null);
    let node = &v["plan"]["benefitMap"]["nodes"][0];
    assert_eq!(node["column"], "leverance");
    assert!(v["plan"]["benefitMap"]["arrows"][0]["from"].is_string());
    let kinds: Vec<&str> = v["plan"]["benefitTombstones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, vec!["measurement", "arrow", "arrow", "node"]);
}

fn file_with(change: impl FnOnce(&mut Value)) -> Result<Plan, ImportError> {
    let mut v: Value = serde_json::from_str(&to_json(&plan(), NOW)).unwrap();
    change(&mut v);
    parse(&v.to_string()).map(|i| i.plan)
}

fn field_error(change: impl FnOnce(&mut Value)) -> (String, String) {
    match file_with(change) {
        Err(ImportError::Invalid { field, problem }) => (field, problem),
        other => panic!("expected an invalid field, got {other:?}"),
    }
}

#[test]
fn older_files_without_benefits_read_as_empty() {
    let p = file_with(|v| {
        let plan = v["plan"].as_object_mut().unwrap();
        plan.remove("benefits");
        plan.remove("benefitMap");
        plan.remove("benefitTombstones");
    })
    .unwrap();
    assert!(
        p.benefits.is_empty() && p.benefit_map.nodes.is_empty() && p.benefit_map.arrows.is_empty()
    );
    assert!(p.benefit_tombstones.is_empty());
    // Null counts as missing too.
    let p = file_with(|v| v["plan"]["benefitMap"] = Value::Null).unwrap();
    assert!(p.benefit_map.nodes.is_empty());
}

/// A change to a file.
type Change = Box<dyn FnOnce(&mut Value)>;

#[test]
fn errors_name_the_field() {
    let cases: Vec<(Change, &str, &str)> = vec![
        (
            Box::new(|v| v["plan"]["benefits"][0]["measurements"][1]["value"] = json!("900")),
            "plan.benefits[0].measurements[1].value",
            "skal være et tal",
        ),
        (
            Box::new(|v| v["plan"]["benefits"][0]["measurements"][0]["value"] = json!(1e12)),
            "plan.benefits[0].measurements[0].value",
            "er ikke et gyldigt tal",
        ),
        (
            Box::new(|v| v["plan"]["benefits"][0]["measurements"][0]["date"] = json!("2025-01-01")),
            "plan.benefits[0].measurements[0].date",
            "ligger før gevinstens baselinedato",
        ),
        (
            Box::new(|v| v["plan"]["benefits"][0]["measurements"][1]["id"] = json!("m-1")),
            "plan.benefits[0].measurements[1].id",
            "findes to gange",
        ),
        (
            Box::new(|v| v["plan"]["benefits"][0]["targetDate"] = json!("2026-01-15")),
            "plan.benefits[0].targetDate",
            "ligger ikke efter baselinedatoen",
        ),
        (
            Box::new(|v| v["plan"]["benefits"][1]["type"] = json!("lykke")),
            "plan.benefits[1].type",
            "er ukendt (\"lykke\"",
        ),
        (
            Box::new(|v| v["plan"]["benefits"][1]["type"] = Value::Null),
            "plan.benefits[1].type",
            "mangler",
        ),
        (
            Box::new(|v| v["plan"]["benefits"][0]["tasks"] = json!([6, 17])),
            "plan.benefits[0].tasks[1]",
            "hovedopgavenummer",
        ),
        (
            Box::new(|v| v["plan"]["benefits"][0]["frequency"] = json!("dagligt")),
            "plan.benefits[0].frequency",
            "er ukendt",
        ),
        (
            Box::new(|v| v["plan"]["benefits"][1]["id"] = json!("g-1")),
            "plan.benefits[1].id",
            "findes to gange",
        ),
        (
            Box::new(|v| v["plan"]["benefits"][1]["name"] = json!(" ")),
            "plan.benefits[1].name",
            "mangler",
        ),
        (
            Box::new(|v| {
                v["plan"]["benefitMap"]["nodes"][1]["id"] =
                    v["plan"]["benefitMap"]["nodes"][0]["id"].clone()
            }),
            "plan.benefitMap.nodes[1].id",
            "findes to gange",
        ),
        (
            Box::new(|v| v["plan"]["benefitMap"]["nodes"][0]["column"] = json!("kolonne")),
            "plan.benefitMap.nodes[0].column",
            "er ukendt",
        ),
        (
            Box::new(|v| v["plan"]["benefitMap"]["nodes"][0]["benefit"] = json!("g-1")),
            "plan.benefitMap.nodes[0].benefit",
            "Kun gevinster kobles til en gevinstprofil",
        ),
        (
            Box::new(|v| v["plan"]["benefitMap"]["arrows"][0]["from"] = json!("n-ukendt")),
            "plan.benefitMap.arrows[0].from",
            "peger på en knude, der ikke findes",
        ),
        (
            Box::new(|v| {
                let a = v["plan"]["benefitMap"]["arrows"][0].clone();
                v["plan"]["benefitMap"]["arrows"][0]["from"] = a["to"].clone();
                v["plan"]["benefitMap"]["arrows"][0]["to"] = a["from"].clone();
            }),
            "plan.benefitMap.arrows[0].to",
            "Pile går fra venstre mod højre",
        ),
        (
            Box::new(|v| {
                v["plan"]["benefitMap"]["arrows"][1] = v["plan"]["benefitMap"]["arrows"][0].clone()
            }),
            "plan.benefitMap.arrows[1].id",
            "findes to gange",
        ),
        (
            Box::new(|v| v["plan"]["benefitMap"] = json!([])),
            "plan.benefitMap",
            "skal være et objekt",
        ),
        (
            Box::new(|v| v["plan"]["benefitTombstones"][0]["kind"] = json!("x")),
            "plan.benefitTombstones[0].kind",
            "skal være benefit",
        ),
    ];
    for (change, field, problem) in cases {
        let (f, p) = field_error(change);
        assert_eq!(f, field, "{p}");
        assert!(p.contains(problem), "{field}: {p}");
    }
}

#[test]
fn error_messages_read_as_danish_sentences() {
    let e = file_with(|v| v["plan"]["benefits"][0]["measurements"][1]["value"] = json!("900"))
        .unwrap_err();
    assert_eq!(e.to_string(), "Feltet \"plan.benefits[0].measurements[1].value\" skal være et tal. Filen er ikke indlæst. Den er måske rettet uden for Implan; bed afsenderen om at eksportere planen igen.");
}

#[test]
fn tombstones_of_live_records_are_dropped() {
    let p = file_with(|v| {
        v["plan"]["benefitTombstones"]
            .as_array_mut()
            .unwrap()
            .push(json!({ "kind": "benefit", "id": "g-1", "deleted": "2026-05-01T00:00:00.000Z" }));
    })
    .unwrap();
    assert_eq!(p.benefit_tombstones.len(), 4);
}
