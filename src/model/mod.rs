//! The pure domain model of an implementation plan: phases, main tasks,
//! activities and the edits that change them. No browser dependencies.

mod activity;
mod create;
mod edit;
mod ids;
mod phase;
mod plan;
mod query;
mod task;

pub use activity::{Activity, ActivityChange, Origin, Status};
pub use create::{propose_phase_windows, template_activity_id, CreateError, PlanSetup, MIN_WEEKS_TO_GO_LIVE};
pub use edit::{Edit, EditError};
pub use ids::{ActivityId, PlanId, Timestamp};
pub use phase::{Phase, PhaseSet};
pub use plan::{PhaseWindow, Plan, Solution, Tombstone};
pub use query::{ActivityFilter, Cell, Matrix};
pub use task::{MainTask, TaskGroup, TaskNo};

#[cfg(test)]
mod tests;
