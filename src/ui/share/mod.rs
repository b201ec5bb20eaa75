//! Sharing and keeping plans: "Mine planer" (list, rename, duplicate,
//! delete, export), import by file picker or drop with a preview, merging
//! with conflict choices, plan links (a plan in the URL fragment) with a
//! read-only preview, snapshots and the storage meter.

mod conflicts;
mod export;
mod import;
mod link;
mod link_preview;
mod plans;
mod snapshots;
mod storage_meter;

pub use conflicts::SyncConflictDialog;
pub use import::{install_drop, ImportDialog, ImportState};
pub use link::LinkState;
pub use link_preview::SharedPlanPage;
pub use plans::{restore_deleted, PlansPage};
pub use storage_meter::StorageWarning;
