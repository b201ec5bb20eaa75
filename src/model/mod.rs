//! The pure domain model of an implementation plan: phases, main tasks,
//! activities and the edits that change them. No browser dependencies.

mod activity;
mod clock_ahead;
mod create;
mod dates;
mod edit;
mod followup;
mod followup_edit;
mod ids;
mod merge;
mod phase;
mod phase_history;
mod plan;
mod query;
mod readiness;
mod report;
mod task;
mod words;

// Benefit realisation (gevinstrealisering): profiles, measurements, the map.
mod benefit;
mod benefit_edit;
mod benefit_error;
mod benefit_map;
mod number;
mod order;
mod record;
mod replace;

pub use activity::{Activity, ActivityChange, Origin, Status};
pub use clock_ahead::{FutureTimes, CLOCK_TOLERANCE_MS};
pub use create::{
    propose_phase_windows, template_activity_id, CreateError, PlanSetup, MIN_WEEKS_TO_GO_LIVE,
};
pub use dates::{danish_date, iso_date, parse_iso_date, parse_rfc3339_millis, rfc3339_utc};
pub use edit::{Edit, EditError, FIRST_PLAN_YEAR, LAST_PLAN_YEAR};
pub use ids::{ActivityId, PlanId, Timestamp};
pub use merge::{merge, resolve, same_records, Conflict, MergeResult, Side};
pub use phase::{Phase, PhaseSet};
pub use plan::{kommune, PhaseWindow, Plan, Solution, Tombstone};
pub use query::{ActivityFilter, Cell, Matrix};
pub use task::{MainTask, TaskGroup, TaskNo};
pub use words::count;

pub use benefit::{
    summarise, Benefit, BenefitCheck, BenefitId, BenefitKind, BenefitType, Frequency, Measurement,
    MeasurementId, TypeSummary, UNIT_KR_PER_YEAR, UNIT_SUGGESTIONS,
};
pub use benefit_edit::{sort_measurements, BenefitChange, BenefitEdit, NodeChange};
pub use benefit_error::BenefitError;
pub use benefit_map::{Arrow, ArrowId, BenefitMap, Column, MapNode, NodeId};
pub use number::{Decimal, NumberError};
pub use order::{sort_by, stable_order, tasks_in_order};
pub use record::{RecordKind, RecordTombstone};

pub use followup::{percent, sort_small, Milestone, ResponsibleOpen, TaskProgress};
pub use followup_edit::{FollowupEdit, FollowupError, ItemChange};
pub use phase_history::{DecisionId, PhaseDecision, Stage};
pub use readiness::{
    transition_label, Answer, Checklist, ChecklistItem, ItemId, ItemOrigin, Readiness,
};
pub use report::{
    ActivitySnapshot, Changes, DateMove, ReportActivity, ReportId, ReportSnapshot, StatusReport,
    REPORT_PERIOD_DAYS,
};

#[cfg(test)]
mod benefit_tests;
#[cfg(test)]
mod merge_tests;
#[cfg(test)]
mod replace_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_followup;
