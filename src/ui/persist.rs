//! Glue between the app state and local storage: saves shortly after every
//! edit, at once when the page is hidden or closed, and reports failures.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;

use super::{clock, AppState};
use crate::storage::{Loaded, LocalBackend, MemoryBackend, StorageError, Store};

/// Delay between an edit and its save.
pub const SAVE_DELAY: Duration = Duration::from_millis(200);

enum Backing {
    Local(Store<LocalBackend>),
    Memory(Store<MemoryBackend>),
}

thread_local! {
    static STORE: RefCell<Option<Backing>> = const { RefCell::new(None) };
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Opens storage and loads the saved plan. When storage is unavailable the
/// app runs in memory and the error is returned for the banner.
pub fn open() -> (Loaded, Option<StorageError>) {
    let (backing, loaded, error) = match LocalBackend::open() {
        Ok(backend) => {
            let store = Store::new(backend);
            match store.load() {
                Ok(loaded) => (Backing::Local(store), loaded, None),
                Err(e) => (Backing::Memory(Store::new(MemoryBackend::new())), Loaded::default(), Some(e)),
            }
        }
        Err(e) => (Backing::Memory(Store::new(MemoryBackend::new())), Loaded::default(), Some(e)),
    };
    STORE.with(|s| *s.borrow_mut() = Some(backing));
    (loaded, error)
}

/// Whether plans are kept only in memory.
pub fn in_memory() -> bool {
    STORE.with(|s| !matches!(*s.borrow(), Some(Backing::Local(_))))
}

/// Saves the open plan soon (coalescing rapid edits).
pub fn schedule_save(state: AppState) {
    if PENDING.with(|p| p.replace(true)) {
        return;
    }
    set_timeout(move || flush(state), SAVE_DELAY);
}

/// Saves the open plan now if a save is pending.
pub fn flush(state: AppState) {
    if PENDING.with(|p| p.replace(false)) {
        save_now(state);
    }
}

/// Saves the open plan now.
pub fn save_now(state: AppState) {
    PENDING.with(|p| p.set(false));
    let result = state.plan.with_untracked(|plan| {
        let Some(plan) = plan else { return Ok(()) };
        let now = clock::now();
        STORE.with(|s| match &*s.borrow() {
            Some(Backing::Local(store)) => store.save(plan, now),
            Some(Backing::Memory(store)) => store.save(plan, now),
            None => Err(StorageError::Unavailable),
        })
    });
    // Storage being unavailable is reported once at start; other failures
    // (e.g. full storage) are shown until a save succeeds.
    let shown = match result {
        Ok(()) => None,
        Err(StorageError::Unavailable) if in_memory() => return,
        Err(e) => Some(e),
    };
    if state.storage_error.with_untracked(|e| *e != shown) {
        state.storage_error.set(shown);
    }
}

/// Removes saved data at `key` (after the user chose to discard it).
pub fn remove(key: &str) -> Result<(), StorageError> {
    STORE.with(|s| match &*s.borrow() {
        Some(Backing::Local(store)) => store.remove(key),
        Some(Backing::Memory(store)) => store.remove(key),
        None => Err(StorageError::Unavailable),
    })
}

/// Flushes pending saves when the page is hidden or closed.
pub fn install_flush_on_hide(state: AppState) {
    let _ = window_event_listener(leptos::ev::pagehide, move |_| flush(state));
    let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            flush(state);
        }
    });
}
