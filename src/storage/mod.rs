//! Local persistence of plans.
//!
//! [`Store`] holds the rules (keys, loading, saving, keeping corrupt data
//! aside) over a [`Backend`]: [`MemoryBackend`] for tests and for running
//! without storage, [`LocalBackend`] for the browser's localStorage. Nothing
//! here panics: every failure is a [`StorageError`] the UI can show.
//!
//! The browser backend talks to `web_sys::Storage` directly rather than
//! through gloo-storage, because gloo-storage's `LocalStorage::raw()` throws
//! when storage is blocked, and its `set` JSON-encodes strings a second time.

mod backend;
mod error;
mod store;

pub use backend::{Backend, LocalBackend, MemoryBackend, Text};
pub use error::StorageError;
pub use store::{
    plan_key, rev_key, CorruptEntry, Loaded, PlanSummary, Revision, SaveError, SnapshotInfo,
    SnapshotReason, Store, CURRENT_KEY, MAX_SNAPSHOTS, PLAN_PREFIX, QUOTA_UNITS, REV_PREFIX,
    SNAPSHOT_SHARE, SNAP_PREFIX,
};

#[cfg(test)]
mod tests;
