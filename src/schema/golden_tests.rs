//! Golden files: one exported file per format version, kept in
//! `tests/golden/`, must always import.

use super::{parse, FORMAT_VERSION};

/// Every golden file imports, and the newest version has one.
#[test]
fn every_golden_file_imports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut versions = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/golden exists") {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let imported = parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(imported.plan.check().is_ok(), "{}", path.display());
        assert!(!imported.plan.activities.is_empty());
        versions.push(imported.format_version);
    }
    assert!(
        versions.contains(&FORMAT_VERSION),
        "add a golden file for format version {FORMAT_VERSION}"
    );
    for v in 1..=FORMAT_VERSION {
        assert!(
            versions.contains(&v),
            "no golden file for format version {v}"
        );
    }
}

/// The version 1 golden file holds what it was made with.
#[test]
fn golden_v1_keeps_its_content() {
    let text = include_str!("../../tests/golden/v1.implan.json");
    let plan = parse(text).unwrap().plan;
    assert_eq!(plan.municipality, "Ærø");
    assert!(plan.activities.iter().any(|a| a.is_done()));
    assert!(plan
        .activities
        .iter()
        .any(|a| matches!(a.origin, crate::model::Origin::User)));
    assert!(!plan.tombstones.is_empty());
}
