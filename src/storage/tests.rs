//! Tests of local persistence over the in-memory backend: saving, loading,
//! keeping corrupt data aside untouched, and a full quota.

use chrono::NaiveDate;

use super::*;
use crate::model::{
    ActivityChange, ActivityId, Edit, Plan, PlanId, PlanSetup, Solution, Timestamp,
};
use crate::schema::{self, ImportError};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

const T0: Timestamp = Timestamp(1_767_225_600_000);
const SAVE_TIME: Timestamp = Timestamp(1_780_000_000_000);

/// A template plan with id `id`, last modified at `modified`.
fn plan(id: &str, municipality: &str, modified: Timestamp) -> Plan {
    let mut p = Plan::from_template(
        PlanSetup {
            id: PlanId(id.to_string()),
            municipality: municipality.to_string(),
            solution: Solution::Sts,
            go_live: d(2027, 3, 1),
            f1_start: d(2026, 9, 1),
            phases: None,
        },
        T0,
    )
    .expect("valid setup");
    p.apply(
        Edit::UpdateActivity {
            id: ActivityId("t03-01".into()),
            change: ActivityChange::Notes(format!("Noter for {municipality}")),
        },
        modified,
    )
    .expect("edit applies");
    p
}

fn key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// Everything in the backend, key by key.
fn snapshot(b: &MemoryBackend) -> Vec<(String, String)> {
    b.keys()
        .unwrap()
        .into_iter()
        .map(|k| {
            let v = b.get(&k).unwrap().unwrap();
            (k, v)
        })
        .collect()
}

const CORRUPT_TEXT: &str = "{\"format\": \"implan-plan\", \"formatVersion\": 1, \"plan\": {ødelagt";

// ---------------------------------------------------------------- save and load

#[test]
fn saved_plan_loads_back_equal() {
    let store = Store::new(MemoryBackend::new());
    let p = plan("p-1", "Aarhus", Timestamp(T0.0 + 1));
    store.save(&p, SAVE_TIME, "w").unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.plan, Some(p));
    assert!(loaded.corrupt.is_empty());
}

#[test]
fn save_uses_the_documented_keys_and_format() {
    let store = Store::new(MemoryBackend::new());
    let p = plan("p-1", "Aarhus", Timestamp(T0.0 + 1));
    store.save(&p, SAVE_TIME, "w").unwrap();
    let b = store.backend();
    assert_eq!(b.get(CURRENT_KEY).unwrap().as_deref(), Some("p-1"));
    let text = b.get(&key("p-1")).unwrap().expect("plan stored at its key");
    // The stored text is the file format, so it can be read as a file.
    let imported = schema::parse(&text).unwrap();
    assert_eq!(imported.plan, p);
    assert_eq!(imported.saved_at, Some(SAVE_TIME));
    assert_eq!(b.get(&rev_key(&p.id)).unwrap().as_deref(), Some("1:w"));
    assert_eq!(b.keys().unwrap().len(), 3, "plan, revision and current");
}

#[test]
fn saving_again_overwrites_the_same_key() {
    let store = Store::new(MemoryBackend::new());
    let mut p = plan("p-1", "Aarhus", Timestamp(T0.0 + 1));
    store.save(&p, SAVE_TIME, "w").unwrap();
    p.apply(Edit::SetMunicipality("Aalborg".into()), Timestamp(T0.0 + 2))
        .unwrap();
    assert_eq!(store.save(&p, SAVE_TIME, "w").unwrap().number, 2);
    // Plan, revision, current, and the day's first snapshot of the old version.
    assert_eq!(store.backend().keys().unwrap().len(), 4);
    let loaded = store.load().unwrap();
    assert_eq!(loaded.plan.unwrap().municipality, "Aalborg");
    assert_eq!(loaded.revision, Revision::parse("2:w"));
    let snaps = store.snapshots().unwrap();
    assert_eq!(snaps.len(), 1);
    assert_eq!(snaps[0].reason, SnapshotReason::Daily);
    let old = schema::parse(&store.snapshot_text(&snaps[0].key).unwrap().unwrap()).unwrap();
    assert_eq!(old.plan.municipality, "Aarhus");
    // Only one daily snapshot per day.
    store.save(&p, SAVE_TIME, "w").unwrap();
    assert_eq!(store.snapshots().unwrap().len(), 1);
}

#[test]
fn a_save_in_steps_takes_the_daily_snapshot_ahead_and_measures_usage_without_reading() {
    let store = Store::new(MemoryBackend::new());
    let mut p = plan("p-1", "Aarhus", Timestamp(T0.0 + 1));
    let base = store.save(&p, SAVE_TIME, "w").unwrap();
    assert!(store.daily_snapshot_due(&p.id, SAVE_TIME));
    p.apply(Edit::SetMunicipality("Aalborg".into()), Timestamp(T0.0 + 2))
        .unwrap();
    // The steps of an autosave: text, prepared text, the day's snapshot, write.
    let text = Text::prepare(schema::to_json(&p, SAVE_TIME));
    assert_eq!(text.units(), text.to_rust().encode_utf16().count());
    store.daily_snapshot(&p.id, SAVE_TIME);
    assert!(!store.daily_snapshot_due(&p.id, SAVE_TIME));
    let rev = store
        .write_checked(&p.id, &text, SAVE_TIME, &base, "w")
        .unwrap();
    assert_eq!(rev.number, 2);
    let snaps = store.snapshots().unwrap();
    assert_eq!(snaps.len(), 1, "one snapshot, taken before the write");
    let old = schema::parse(&store.snapshot_text(&snaps[0].key).unwrap().unwrap()).unwrap();
    assert_eq!(old.plan.municipality, "Aarhus");
    assert_eq!(store.load().unwrap().plan.unwrap().municipality, "Aalborg");
    // Usage counts every key and value in UTF-16 units.
    let expected: usize = snapshot(store.backend())
        .iter()
        .map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count())
        .sum();
    assert_eq!(store.usage().unwrap(), expected);
    assert_eq!(
        store.backend().units(&key("p-1")).unwrap(),
        Some(text.units())
    );
    assert_eq!(store.backend().units("implan.none").unwrap(), None);
    assert!(!store.backend().copy("implan.none", "implan.x").unwrap());
}

#[test]
fn a_stale_revision_is_never_written() {
    let store = Store::new(MemoryBackend::new());
    let mut p = plan("p-1", "Aarhus", Timestamp(T0.0 + 1));
    let rev = store.save(&p, SAVE_TIME, "tab-a").unwrap();
    // Another tab saves a newer revision.
    let mut other = p.clone();
    other
        .apply(Edit::SetMunicipality("Aalborg".into()), Timestamp(T0.0 + 3))
        .unwrap();
    let newer = store
        .save_checked(&other, SAVE_TIME, &rev, "tab-b")
        .unwrap();
    assert_eq!(newer, Revision::parse("2:tab-b"));
    // This tab, still at `rev`, must not overwrite it.
    p.apply(Edit::SetMunicipality("Odense".into()), Timestamp(T0.0 + 4))
        .unwrap();
    let before = snapshot(store.backend());
    assert_eq!(
        store.save_checked(&p, SAVE_TIME, &rev, "tab-a"),
        Err(SaveError::Conflict {
            stored: newer.clone()
        })
    );
    assert_eq!(snapshot(store.backend()), before, "nothing written");
    assert_eq!(store.load().unwrap().plan.unwrap().municipality, "Aalborg");
    // Once based on the stored revision it saves.
    assert_eq!(
        store
            .save_checked(&p, SAVE_TIME, &newer, "tab-a")
            .unwrap()
            .number,
        3
    );
}

#[test]
fn two_writers_at_the_same_count_are_told_apart() {
    let store = Store::new(MemoryBackend::new());
    let p = plan("p-1", "Aarhus", Timestamp(T0.0 + 1));
    let base = store.save(&p, SAVE_TIME, "tab-a").unwrap();
    // Tab B saved revision 2 while tab A, from the same base, also counts to 2.
    let b = store.save_checked(&p, SAVE_TIME, &base, "tab-b").unwrap();
    let a_would_be = base.next("tab-a");
    assert_eq!(a_would_be.number, b.number);
    assert_ne!(a_would_be, b, "the writer tells them apart");
    assert!(matches!(
        store.save_checked(&p, SAVE_TIME, &base, "tab-a"),
        Err(SaveError::Conflict { .. })
    ));
    assert_eq!(
        Revision::parse("7"),
        Revision {
            number: 7,
            writer: String::new()
        }
    );
    assert_eq!(Revision::parse(&b.to_string()), b);
}

#[test]
fn plans_are_listed_newest_first_and_deleted_with_their_revision() {
    let store = Store::new(MemoryBackend::new());
    store
        .save(&plan("p-1", "Aarhus", Timestamp(T0.0 + 1)), SAVE_TIME, "w")
        .unwrap();
    store
        .save(&plan("p-2", "Vejle", Timestamp(T0.0 + 5)), SAVE_TIME, "w")
        .unwrap();
    let (plans, corrupt) = store.list(d(2026, 10, 1)).unwrap();
    assert!(corrupt.is_empty());
    let names: Vec<&str> = plans.iter().map(|p| p.municipality.as_str()).collect();
    assert_eq!(names, ["Vejle", "Aarhus"]);
    assert_eq!(plans[0].activities, 142);
    store.delete(&PlanId("p-2".into())).unwrap();
    assert!(store.load_plan(&PlanId("p-2".into())).unwrap().is_none());
    assert_eq!(
        store.revision(&PlanId("p-2".into())).unwrap(),
        Revision::default()
    );
    assert_eq!(store.load().unwrap().plan.unwrap().municipality, "Aarhus");
}

#[test]
fn snapshots_are_listed_with_reason_and_pruned_oldest_first() {
    let store = Store::new(MemoryBackend::new());
    let p = plan("p-1", "Aarhus", Timestamp(T0.0 + 1));
    for i in 0..(MAX_SNAPSHOTS as i64 + 3) {
        store
            .snapshot(&p, SnapshotReason::Import, Timestamp(SAVE_TIME.0 + i))
            .unwrap();
    }
    let snaps = store.snapshots().unwrap();
    assert_eq!(snaps.len(), MAX_SNAPSHOTS);
    assert_eq!(
        snaps[0].at,
        Timestamp(SAVE_TIME.0 + MAX_SNAPSHOTS as i64 + 2),
        "newest first"
    );
    assert_eq!(
        snaps.last().unwrap().at,
        Timestamp(SAVE_TIME.0 + 3),
        "oldest pruned"
    );
    assert!(snaps
        .iter()
        .all(|s| s.reason == SnapshotReason::Import && s.plan == p.id));
}

#[test]
fn a_full_storage_gives_way_to_the_plan_by_dropping_old_snapshots() {
    let p = plan("p-1", "Aarhus", Timestamp(T0.0 + 1));
    let size = schema::to_json(&p, SAVE_TIME).encode_utf16().count();
    // Room for the plan and about one snapshot, not two.
    let store = Store::new(MemoryBackend::with_quota(size * 2 + size / 2));
    store
        .snapshot(&p, SnapshotReason::Import, SAVE_TIME)
        .unwrap();
    assert_eq!(store.snapshots().unwrap().len(), 1);
    let mut p2 = p.clone();
    p2.apply(Edit::SetMunicipality("Aalborg".into()), Timestamp(T0.0 + 2))
        .unwrap();
    store.save(&p2, SAVE_TIME, "w").unwrap();
    store.save(&p2, SAVE_TIME, "w").unwrap();
    assert_eq!(store.load().unwrap().plan.unwrap().municipality, "Aalborg");
}

#[test]
fn empty_storage_loads_nothing() {
    let store = Store::new(MemoryBackend::new());
    assert_eq!(store.load().unwrap(), Loaded::default());
    let loaded = store.load().unwrap();
    assert_eq!(loaded.plan, None);
    assert!(loaded.corrupt.is_empty());
}

#[test]
fn other_keys_are_neither_loaded_nor_reported() {
    let b = MemoryBackend::new();
    b.set("some.other.app", "not json at all").unwrap();
    b.set("implan.settings", "{}").unwrap();
    let store = Store::new(b);
    assert_eq!(store.load().unwrap(), Loaded::default());
}

#[test]
fn loading_writes_nothing() {
    let store = Store::new(MemoryBackend::new());
    store
        .save(&plan("p-1", "Aarhus", Timestamp(T0.0 + 1)), SAVE_TIME, "w")
        .unwrap();
    store.backend().set(&key("broken"), CORRUPT_TEXT).unwrap();
    let before = snapshot(store.backend());
    store.load().unwrap();
    store.load().unwrap();
    assert_eq!(snapshot(store.backend()), before);
}

// ---------------------------------------------------------------- corrupt data

#[test]
fn corrupt_plan_is_reported_with_its_exact_text_and_left_untouched() {
    let store = Store::new(MemoryBackend::new());
    store.backend().set(&key("broken"), CORRUPT_TEXT).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.plan, None);
    assert_eq!(loaded.corrupt.len(), 1);
    let entry = &loaded.corrupt[0];
    assert_eq!(entry.key, key("broken"));
    assert_eq!(entry.text, CORRUPT_TEXT);
    assert!(
        matches!(entry.error, ImportError::NotJson { line: 1, .. }),
        "{:?}",
        entry.error
    );
    assert_eq!(
        store.backend().get(&key("broken")).unwrap().as_deref(),
        Some(CORRUPT_TEXT)
    );
}

#[test]
fn saving_another_plan_does_not_touch_corrupt_data() {
    let store = Store::new(MemoryBackend::new());
    store.backend().set(&key("broken"), CORRUPT_TEXT).unwrap();
    let p = plan("p-new", "Odense", Timestamp(T0.0 + 5));
    store.save(&p, SAVE_TIME, "w").unwrap();
    assert_eq!(
        store.backend().get(&key("broken")).unwrap().as_deref(),
        Some(CORRUPT_TEXT)
    );
    let loaded = store.load().unwrap();
    assert_eq!(loaded.plan, Some(p));
    assert_eq!(loaded.corrupt.len(), 1);
    assert_eq!(loaded.corrupt[0].text, CORRUPT_TEXT);
}

#[test]
fn valid_json_that_is_not_a_valid_plan_is_reported_as_corrupt() {
    let store = Store::new(MemoryBackend::new());
    let mut text = schema::to_json(&plan("p-1", "Aarhus", T0), SAVE_TIME);
    text = text.replace("\"ikke-startet\"", "\"maybe\"");
    store.backend().set(&key("p-1"), &text).unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.plan, None);
    assert_eq!(loaded.corrupt.len(), 1);
    assert_eq!(loaded.corrupt[0].text, text);
    assert!(matches!(
        &loaded.corrupt[0].error,
        ImportError::Invalid { field, .. } if field == "plan.activities[0].status"
    ));
}

#[test]
fn removing_corrupt_data_clears_the_report() {
    let store = Store::new(MemoryBackend::new());
    store.backend().set(&key("broken"), CORRUPT_TEXT).unwrap();
    store.remove(&key("broken")).unwrap();
    assert_eq!(store.load().unwrap(), Loaded::default());
    assert_eq!(store.backend().get(&key("broken")).unwrap(), None);
}

// ---------------------------------------------------------------- which plan opens

#[test]
fn current_plan_opens_even_when_another_is_newer() {
    let store = Store::new(MemoryBackend::new());
    let newer = plan("a-newer", "Aarhus", Timestamp(T0.0 + 100));
    let current = plan("z-current", "Vejle", Timestamp(T0.0 + 1));
    store.save(&newer, SAVE_TIME, "w").unwrap();
    store.save(&current, SAVE_TIME, "w").unwrap();
    assert_eq!(store.load().unwrap().plan, Some(current));
}

#[test]
fn current_key_at_a_corrupt_plan_falls_back_to_the_newest_readable_plan() {
    let store = Store::new(MemoryBackend::new());
    let old = plan("a-old", "Aarhus", Timestamp(T0.0 + 1));
    let newest = plan("b-newest", "Vejle", Timestamp(T0.0 + 300));
    let middle = plan("c-middle", "Ærø", Timestamp(T0.0 + 200));
    for p in [&old, &newest, &middle] {
        store.save(p, SAVE_TIME, "w").unwrap();
    }
    store.backend().set(&key("0-broken"), CORRUPT_TEXT).unwrap();
    store.backend().set(CURRENT_KEY, "0-broken").unwrap();
    let loaded = store.load().unwrap();
    assert_eq!(loaded.plan, Some(newest));
    assert_eq!(loaded.corrupt.len(), 1);
    assert_eq!(loaded.corrupt[0].key, key("0-broken"));
}

#[test]
fn current_key_at_a_missing_plan_falls_back_to_the_newest_plan() {
    let store = Store::new(MemoryBackend::new());
    let newest = plan("a-newest", "Aarhus", Timestamp(T0.0 + 300));
    let older = plan("b-older", "Vejle", Timestamp(T0.0 + 100));
    store.save(&newest, SAVE_TIME, "w").unwrap();
    store.save(&older, SAVE_TIME, "w").unwrap();
    store.backend().set(CURRENT_KEY, "deleted-plan").unwrap();
    assert_eq!(store.load().unwrap().plan, Some(newest));
}

#[test]
fn without_a_current_key_the_newest_plan_opens() {
    let store = Store::new(MemoryBackend::new());
    let older = plan("a-older", "Aarhus", Timestamp(T0.0 + 100));
    let newest = plan("b-newest", "Vejle", Timestamp(T0.0 + 300));
    store.save(&newest, SAVE_TIME, "w").unwrap();
    store.save(&older, SAVE_TIME, "w").unwrap();
    store.backend().remove(CURRENT_KEY).unwrap();
    assert_eq!(store.load().unwrap().plan, Some(newest));
}

// ---------------------------------------------------------------- quota

#[test]
fn full_storage_refuses_the_save_and_keeps_the_previous_plan_intact() {
    let p = plan("p-1", "Aarhus", Timestamp(T0.0 + 1));
    let stored = schema::to_json(&p, SAVE_TIME);
    let used = key("p-1").encode_utf16().count()
        + stored.encode_utf16().count()
        + CURRENT_KEY.len()
        + "p-1".len();
    let store = Store::new(MemoryBackend::with_quota(used + 100));
    store.save(&p, SAVE_TIME, "w").unwrap();
    let before = snapshot(store.backend());

    // The plan grows beyond the quota.
    let mut bigger = p.clone();
    bigger
        .apply(
            Edit::UpdateActivity {
                id: ActivityId("t03-02".into()),
                change: ActivityChange::Notes("ø".repeat(1000)),
            },
            Timestamp(T0.0 + 2),
        )
        .unwrap();
    assert_eq!(
        store.save(&bigger, Timestamp(SAVE_TIME.0 + 1), "w"),
        Err(StorageError::Full)
    );
    assert_eq!(snapshot(store.backend()), before, "stored bytes changed");
    assert_eq!(
        store.backend().get(&key("p-1")).unwrap().as_deref(),
        Some(stored.as_str())
    );
    assert_eq!(store.load().unwrap().plan, Some(p.clone()));

    // A second plan does not fit either, and changes nothing.
    let other = plan("p-2", "Vejle", Timestamp(T0.0 + 3));
    assert_eq!(store.save(&other, SAVE_TIME, "w"), Err(StorageError::Full));
    assert_eq!(snapshot(store.backend()), before);
    assert_eq!(store.load().unwrap().plan, Some(p));
}

#[test]
fn memory_quota_counts_utf16_units_and_replaced_values() {
    let b = MemoryBackend::with_quota(10);
    b.set("k", "123456789").unwrap(); // 1 + 9 = 10 units
    assert_eq!(b.set("k2", ""), Err(StorageError::Full));
    // Replacing a value only counts the difference.
    b.set("k", "æøåæøåæøå").unwrap();
    assert_eq!(b.set("k", "æøåæøåæøåx"), Err(StorageError::Full));
    assert_eq!(b.get("k").unwrap().as_deref(), Some("æøåæøåæøå"));
    // An emoji takes two UTF-16 units.
    let b = MemoryBackend::with_quota(3);
    b.set("k", "🎉").unwrap();
    assert_eq!(b.set("k", "🎉x"), Err(StorageError::Full));
    // Removing frees space.
    b.remove("k").unwrap();
    b.set("k", "ab").unwrap();
}

#[test]
fn memory_backend_without_quota_stores_and_lists_keys() {
    let b = MemoryBackend::new();
    assert_eq!(b.get("x").unwrap(), None);
    b.set("b", "2").unwrap();
    b.set("a", "1").unwrap();
    let mut keys = b.keys().unwrap();
    keys.sort();
    assert_eq!(keys, ["a", "b"]);
    b.remove("a").unwrap();
    b.remove("never-there").unwrap();
    assert_eq!(b.keys().unwrap(), ["b"]);
}

// ---------------------------------------------------------------- messages

#[test]
fn storage_error_messages_are_danish_and_say_what_to_do() {
    let unavailable = StorageError::Unavailable.to_string();
    let full = StorageError::Full.to_string();
    let other = StorageError::Other("SecurityError: nope".into()).to_string();
    for m in [&unavailable, &full, &other] {
        assert!(m.trim().len() > 30, "{m:?}");
    }
    assert!(unavailable.contains("lokal lagring"), "{unavailable}");
    assert!(
        full.contains("fuldt") && full.contains("Eksportér"),
        "{full}"
    );
    assert!(other.contains("SecurityError: nope"), "{other}");
    assert!(other.contains("Eksportér"), "{other}");
}
