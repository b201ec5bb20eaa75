//! Glue between the app state and local storage: saves shortly after every
//! edit and at once when the page is hidden or closed; never overwrites a
//! newer revision saved by another tab (it merges, or asks); picks up
//! changes saved in other tabs; reports failures.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{clock, AppState, SyncConflict};
use crate::model::{merge, Plan, PlanId, Timestamp};
use crate::storage::{
    rev_key, Backend, Loaded, LocalBackend, MemoryBackend, Revision, SaveError, SnapshotReason,
    StorageError, Store, Text, PLAN_PREFIX, QUOTA_UNITS,
};

/// Delay between an edit and its save.
pub const SAVE_DELAY: Duration = Duration::from_millis(200);

type AnyStore = Store<Box<dyn Backend>>;

thread_local! {
    static STORE: RefCell<Option<AnyStore>> = const { RefCell::new(None) };
    static IN_MEMORY: Cell<bool> = const { Cell::new(true) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
    /// A scheduled save is between its steps: its edits are not stored yet.
    static IN_FLIGHT: Cell<bool> = const { Cell::new(false) };
    /// Raised by every save, so a queued second step knows it is stale.
    static SAVE_SEQ: Cell<u64> = const { Cell::new(0) };
    static USAGE_PENDING: Cell<bool> = const { Cell::new(false) };
    /// The stored revision the open plan is based on.
    static BASE_REV: RefCell<Revision> = RefCell::new(Revision::default());
    /// This tab's id, written with every revision it saves.
    static WRITER: String = {
        let hex = super::clock::new_plan_id().0;
        format!("tab-{}", &hex[2..14])
    };
    /// When the open plan last agreed with storage.
    static BASE_TIME: Cell<i64> = const { Cell::new(0) };
}

/// Runs `f` with the store.
pub fn with_store<T>(
    f: impl FnOnce(&AnyStore) -> Result<T, StorageError>,
) -> Result<T, StorageError> {
    STORE.with(|s| match &*s.borrow() {
        Some(store) => f(store),
        None => Err(StorageError::Unavailable),
    })
}

/// Opens storage and loads the saved plan. When storage is unavailable the
/// app runs in memory and the error is returned for the banner.
pub fn open() -> (Loaded, Option<StorageError>) {
    let (backend, error): (Box<dyn Backend>, _) = match LocalBackend::open() {
        Ok(b) => (Box::new(b), None),
        Err(e) => (Box::new(MemoryBackend::new()), Some(e)),
    };
    IN_MEMORY.with(|m| m.set(error.is_some()));
    let store = Store::new(backend);
    let (loaded, error) = match store.load() {
        Ok(loaded) => (loaded, error),
        Err(e) => (Loaded::default(), Some(e)),
    };
    BASE_REV.with(|r| *r.borrow_mut() = loaded.revision.clone());
    BASE_TIME.with(|t| t.set(clock::now().0));
    STORE.with(|s| *s.borrow_mut() = Some(store));
    (loaded, error)
}

/// Whether plans are kept only in memory.
pub fn in_memory() -> bool {
    IN_MEMORY.with(Cell::get)
}

/// Whether an edit waits to be saved (or its save is under way).
pub fn pending() -> bool {
    PENDING.with(Cell::get) || IN_FLIGHT.with(Cell::get)
}

/// This tab's writer id.
fn writer() -> String {
    WRITER.with(Clone::clone)
}

/// The revision the open plan is based on.
fn base() -> Revision {
    BASE_REV.with(|r| r.borrow().clone())
}

/// Makes the open plan's storage base `revision`, as of now.
pub fn set_base(revision: Revision) {
    // A queued second save step based on the old revision must not run.
    SAVE_SEQ.with(|s| s.set(s.get() + 1));
    BASE_REV.with(|r| *r.borrow_mut() = revision);
    BASE_TIME.with(|t| t.set(clock::now().0));
}

/// Saves the open plan soon (coalescing rapid edits).
pub fn schedule_save(state: AppState) {
    if PENDING.with(|p| p.replace(true)) {
        return;
    }
    set_timeout(move || save_in_steps(state), SAVE_DELAY);
}

/// Saves the open plan now if a save is pending or under way.
pub fn flush(state: AppState) {
    if pending() {
        save_now(state);
    }
}

/// A scheduled save, in steps that each run as a task of their own so
/// none blocks the page for long: the plan is written as text
/// (`implan-save-serialize`), the text is made a browser string
/// (`implan-save-prepare`), the first save of a day keeps the stored
/// version as a snapshot (`implan-save-snapshot`), and the text is stored
/// with its revision (`implan-save-write`). A save made in between (e.g.
/// when the page is hidden) cancels the remaining steps; until the last
/// step has run, [`flush`] saves at once.
fn save_in_steps(state: AppState) {
    if !PENDING.with(|p| p.get()) || state.sync_conflict.with_untracked(Option::is_some) {
        return;
    }
    PENDING.with(|p| p.set(false));
    let now = clock::now();
    let Some((id, text)) = super::timed("implan-save-serialize", || {
        state.plan.with_untracked(|p| {
            p.as_ref()
                .map(|p| (p.id.clone(), crate::schema::to_json(p, now)))
        })
    }) else {
        return;
    };
    let seq = SAVE_SEQ.with(|s| s.get() + 1);
    SAVE_SEQ.with(|s| s.set(seq));
    IN_FLIGHT.with(|f| f.set(true));
    let current = move || SAVE_SEQ.with(Cell::get) == seq;
    next_task(move || {
        if !current() {
            return;
        }
        let text = super::timed("implan-save-prepare", || Text::prepare(text));
        let snapshot_due = with_store(|s| Ok(s.daily_snapshot_due(&id, now))).unwrap_or(false);
        let snapshot_id = id.clone();
        let write = move || {
            if !current() {
                return;
            }
            let (base, writer) = (base(), writer());
            let result = super::timed("implan-save-write", || {
                with_store(|s| Ok(s.write_checked(&id, &text, now, &base, &writer)))
            });
            IN_FLIGHT.with(|f| f.set(false));
            finish_save(state, result.map(Some));
        };
        if snapshot_due {
            next_task(move || {
                if !current() {
                    return;
                }
                super::timed("implan-save-snapshot", || {
                    with_store(|s| {
                        s.daily_snapshot(&snapshot_id, now);
                        Ok(())
                    })
                })
                .ok();
                next_task(write);
            });
        } else {
            next_task(write);
        }
    });
}

/// Runs `f` as a task of its own, after the browser has had a chance to
/// handle input and paint.
fn next_task(f: impl FnOnce() + 'static) {
    set_timeout(f, Duration::ZERO);
}

/// Saves the open plan now, unless another tab saved a newer revision: then
/// the two are merged (and the user asked about records both changed).
pub fn save_now(state: AppState) {
    PENDING.with(|p| p.set(false));
    IN_FLIGHT.with(|f| f.set(false));
    SAVE_SEQ.with(|s| s.set(s.get() + 1));
    if state.sync_conflict.with_untracked(Option::is_some) {
        // Nothing is written until the user has chosen.
        return;
    }
    let base = base();
    let writer = writer();
    let now = clock::now();
    let result = super::timed("implan-save", || {
        state.plan.with_untracked(|plan| {
            let Some(plan) = plan else { return Ok(None) };
            with_store(|store| Ok(store.save_checked(plan, now, &base, &writer))).map(Some)
        })
    });
    finish_save(state, result);
}

fn finish_save(state: AppState, result: Result<Option<Result<Revision, SaveError>>, StorageError>) {
    let outcome = match result {
        Ok(None) => Ok(()),
        Ok(Some(Ok(revision))) => {
            set_base(revision);
            Ok(())
        }
        Ok(Some(Err(SaveError::Conflict { .. }))) => {
            reconcile(state);
            Ok(())
        }
        Ok(Some(Err(SaveError::Storage(e)))) | Err(e) => Err(e),
    };
    let full = matches!(outcome, Err(StorageError::Full));
    report(state, outcome);
    if full {
        refresh_usage(state);
    } else {
        schedule_usage(state);
    }
}

/// Re-measures storage use a little later, at most once per few seconds.
fn schedule_usage(state: AppState) {
    if USAGE_PENDING.with(|u| u.replace(true)) {
        return;
    }
    set_timeout(
        move || {
            USAGE_PENDING.with(|u| u.set(false));
            refresh_usage(state);
        },
        Duration::from_secs(3),
    );
}

/// Shows or clears the storage error banner.
fn report(state: AppState, outcome: Result<(), StorageError>) {
    let shown = match outcome {
        Ok(()) => None,
        Err(StorageError::Unavailable) if in_memory() => None,
        Err(e) => Some(e),
    };
    if state.storage_error.with_untracked(|e| *e != shown) {
        state.storage_error.set(shown);
    }
}

/// Another tab saved revision `stored` of the open plan: merge it with
/// this tab's plan, record by record, from the time the two last agreed.
/// Without conflicts the merge is adopted, and saved when it holds changes
/// the stored version lacks; otherwise the user chooses (see
/// [`SyncConflict`]).
fn reconcile(state: AppState) {
    let Some(id) = state
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
    else {
        return;
    };
    let (theirs, stored) = match with_store(|s| s.load_plan(&id)) {
        Ok(Some(found)) => found,
        Ok(None) => return,
        Err(e) => return report(state, Err(e)),
    };
    let since = Timestamp(BASE_TIME.with(Cell::get));
    let result = state
        .plan
        .with_untracked(|ours| ours.as_ref().map(|ours| merge(ours, &theirs, since)));
    let Some(result) = result else { return };
    if !result.conflicts.is_empty() {
        state
            .sync_conflict
            .set(Some(SyncConflict { result, stored }));
        return;
    }
    let ours_kept = !crate::model::same_records(&result.plan, &theirs);
    let changed_here = state.plan.with_untracked(|p| {
        p.as_ref()
            .is_some_and(|p| !crate::model::same_records(p, &result.plan))
    });
    if changed_here {
        state.replace_from_storage(result.plan);
    }
    set_base(stored);
    if ours_kept {
        save_now(state);
    }
    if changed_here {
        state.notify("Planen er opdateret med ændringer fra en anden fane.", None);
    }
}

/// Settles a conflict with the user's resolved plan.
pub fn settle_conflict(state: AppState, plan: Plan, stored: Revision) {
    state.sync_conflict.set(None);
    state.plan.set(Some(plan));
    set_base(stored);
    save_now(state);
}

/// Drops this tab's unsaved version and loads the stored one.
pub fn reload_stored(state: AppState) {
    state.sync_conflict.set(None);
    PENDING.with(|p| p.set(false));
    let Some(id) = state
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
    else {
        return;
    };
    match with_store(|s| s.load_plan(&id)) {
        Ok(Some((plan, revision))) => {
            state.replace_from_storage(plan);
            set_base(revision);
        }
        Ok(None) => {}
        Err(e) => report(state, Err(e)),
    }
}

/// Reacts to another tab's writes: a newer revision of the open plan is
/// loaded at once (or merged, when this tab has unsaved edits); plan list
/// views are told to refresh.
pub fn install_tab_sync(state: AppState) {
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let Some(key) = ev.key() else {
            state.storage_tick.update(|t| *t += 1);
            return;
        };
        if !key.starts_with("implan.") {
            return;
        }
        state.storage_tick.update(|t| *t += 1);
        let Some(id) = state
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.id.clone()))
        else {
            return;
        };
        if key != rev_key(&id) {
            // Whether the plan was removed, without copying its new text.
            let removed =
                || js_sys::Reflect::get(&ev, &"newValue".into()).is_ok_and(|v| v.is_null());
            if key == format!("{PLAN_PREFIX}{}", id.as_str()) && removed() {
                state.notify("Planen er slettet i en anden fane. Den er stadig åben her; gem den igen ved at redigere eller eksportere.", None);
                set_base(Revision::default());
            }
            return;
        }
        let stored = Revision::parse(&ev.new_value().unwrap_or_default());
        if stored == base() || state.sync_conflict.with_untracked(Option::is_some) {
            return;
        }
        // Merge rather than reload: this tab's last save may have been
        // overwritten by a save made at the same moment.
        PENDING.with(|p| p.set(false));
        reconcile(state);
    });
    std::mem::forget(handle);
}

/// Flushes pending saves when the page is hidden or closed.
pub fn install_flush_on_hide(state: AppState) {
    std::mem::forget(window_event_listener(leptos::ev::pagehide, move |_| {
        flush(state)
    }));
    std::mem::forget(window_event_listener(
        leptos::ev::visibilitychange,
        move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush(state);
            }
        },
    ));
}

/// Re-measures how much of the storage quota is used.
pub fn refresh_usage(state: AppState) {
    if in_memory() {
        return;
    }
    if let Ok(units) = with_store(|s| s.usage()) {
        let share = units as f64 / QUOTA_UNITS as f64;
        if state
            .storage_use
            .with_untracked(|u| (u - share).abs() > 0.001)
        {
            state.storage_use.set(share);
        }
    }
}

/// Takes a snapshot of `plan`; failures are reported, never fatal.
pub fn snapshot(state: AppState, plan: &Plan, reason: SnapshotReason) {
    if let Err(e) = with_store(|s| s.snapshot(plan, reason, clock::now())) {
        if !in_memory() {
            state.notify(
                format!("Der kunne ikke tages et øjebliksbillede før handlingen: {e}"),
                None,
            );
        }
    }
}

/// Saves `plan` as a stored plan (not necessarily the open one) whatever
/// revision is stored, returning the new revision.
pub fn store_plan(plan: &Plan) -> Result<Revision, StorageError> {
    let writer = writer();
    with_store(|s| s.save(plan, clock::now(), &writer))
}

/// Removes saved data at `key` (after the user chose to discard it).
pub fn remove(key: &str) -> Result<(), StorageError> {
    with_store(|s| s.remove(key))
}

/// Loads a stored plan.
pub fn load_plan(id: &PlanId) -> Result<Option<(Plan, Revision)>, StorageError> {
    with_store(|s| s.load_plan(id))
}

/// Reads a file the user picked or dropped, as text.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    let promise = file.text();
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(v) => v
            .as_string()
            .ok_or_else(|| "Filen kunne ikke læses som tekst.".to_string()),
        Err(e) => Err(format!(
            "Filen kunne ikke læses ({}).",
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_default()
        )),
    }
}
