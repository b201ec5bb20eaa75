//! The status report for the steering group (statusrapport) and the saved
//! snapshots that let the next report show what changed.
//!
//! A [`StatusReport`] is computed from the plan for a reporting date. Saving
//! it stores a [`ReportSnapshot`]: the reporting date, the stage and
//! readiness, and per activity its title, main task, status and dates. The
//! next report compares the plan with such a snapshot ([`Changes`]):
//! activities completed since, activities whose dates moved, and activities
//! added or removed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    Activity, ActivityId, Milestone, Phase, Plan, Readiness, Stage, Status, TaskNo, TaskProgress,
    Timestamp,
};

/// Stable id of a saved report; kept across export and import.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReportId(pub String);

impl ReportId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a saved report remembers of one activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivitySnapshot {
    /// The activity's id.
    pub id: ActivityId,
    /// Its title then.
    pub title: String,
    /// Its main task then.
    pub task: TaskNo,
    /// Its status then.
    pub status: Status,
    /// Planned start then.
    pub start: Option<NaiveDate>,
    /// Due date then.
    pub due: Option<NaiveDate>,
    /// Completion date then: the date it counted as completed from (see
    /// [`Activity::completion_date`]), so a Færdig activity without a
    /// completion date keeps the date of its last change before the save.
    pub completed: Option<NaiveDate>,
}

impl ActivitySnapshot {
    /// The snapshot of `a`.
    pub fn of(a: &Activity) -> ActivitySnapshot {
        ActivitySnapshot {
            id: a.id.clone(),
            title: a.title.clone(),
            task: a.task,
            status: a.status,
            start: a.start,
            due: a.due,
            completed: a.completion_date(),
        }
    }
}

/// A saved status report: what is needed to compare a later plan with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSnapshot {
    /// Stable id.
    pub id: ReportId,
    /// The reporting date.
    pub date: NaiveDate,
    /// The plan's stage then.
    pub stage: Stage,
    /// Readiness score of the current phase's checklist then, in percent.
    pub readiness: Option<u8>,
    /// Every activity then.
    pub activities: Vec<ActivitySnapshot>,
    /// When the report was saved.
    pub modified: Timestamp,
}

/// One activity as listed in a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportActivity {
    /// Id, to open the activity.
    pub id: ActivityId,
    /// Title.
    pub title: String,
    /// Main task.
    pub task: TaskNo,
    /// Phase (`None` for activities no longer in the plan).
    pub phase: Option<Phase>,
    /// Due date.
    pub due: Option<NaiveDate>,
    /// Responsible person.
    pub responsible: String,
}

impl ReportActivity {
    fn of(a: &Activity) -> ReportActivity {
        ReportActivity {
            id: a.id.clone(),
            title: a.title.clone(),
            task: a.task,
            phase: Some(a.phase),
            due: a.due,
            responsible: a.responsible.trim().to_string(),
        }
    }

    fn of_snapshot(s: &ActivitySnapshot) -> ReportActivity {
        ReportActivity {
            id: s.id.clone(),
            title: s.title.clone(),
            task: s.task,
            phase: None,
            due: s.due,
            responsible: String::new(),
        }
    }
}

/// An activity whose planned dates moved since a snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMove {
    /// The activity now.
    pub activity: ReportActivity,
    /// Start and due date then.
    pub before: (Option<NaiveDate>, Option<NaiveDate>),
    /// Start and due date now.
    pub after: (Option<NaiveDate>, Option<NaiveDate>),
}

impl DateMove {
    /// Days the due date moved (positive: later); `None` unless both exist.
    pub fn due_shift(&self) -> Option<i64> {
        Some((self.after.1? - self.before.1?).num_days())
    }
}

/// What changed between a saved report and the plan on a reporting date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// The saved report's date.
    pub since: NaiveDate,
    /// Activities done by the reporting date that were not done by the saved
    /// report's date.
    pub completed: Vec<ReportActivity>,
    /// Activities whose start or due date changed.
    pub moved: Vec<DateMove>,
    /// Activities that were not in the plan then.
    pub added: Vec<ReportActivity>,
    /// Activities that are no longer in the plan.
    pub removed: Vec<ReportActivity>,
}

impl Changes {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.completed.is_empty()
            && self.moved.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
    }
}

/// Everything a status report shows, computed for a reporting date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusReport {
    /// The reporting date.
    pub date: NaiveDate,
    /// The plan's stage on the date, by its phase history.
    pub stage: Stage,
    /// Readiness of the current phase's checklist (`None` when closed).
    pub readiness: Option<Readiness>,
    /// Progress per main task that has activities.
    pub progress: Vec<TaskProgress>,
    /// Activities overdue on the date.
    pub overdue: Vec<ReportActivity>,
    /// Blocked activities (status now).
    pub blocked: Vec<ReportActivity>,
    /// Activities due in the period after the date.
    pub upcoming: Vec<ReportActivity>,
    /// Coming milestones.
    pub milestones: Vec<Milestone>,
    /// Changes since the compared report, if one was given.
    pub changes: Option<Changes>,
}

/// Days after the reporting date whose due activities a report lists.
pub const REPORT_PERIOD_DAYS: i64 = 30;

impl Plan {
    /// The status report on `date`, compared with `previous` if given and
    /// dated on or before `date` (changes since a later report would run
    /// backwards).
    pub fn status_report(
        &self,
        date: NaiveDate,
        previous: Option<&ReportSnapshot>,
    ) -> StatusReport {
        let list = |v: Vec<&Activity>| v.into_iter().map(ReportActivity::of).collect();
        let stage = self.stage_on(date);
        StatusReport {
            date,
            stage,
            readiness: stage.phase().map(|p| self.readiness(p)),
            progress: self
                .task_progress(date)
                .into_iter()
                .filter(|r| r.total > 0)
                .collect(),
            overdue: list(self.overdue_on(date)),
            blocked: list(self.blocked()),
            upcoming: list(self.due_within(date, REPORT_PERIOD_DAYS)),
            milestones: self.milestones_after(date),
            changes: previous
                .filter(|s| s.date <= date)
                .map(|s| self.changes_since(s, date)),
        }
    }

    /// The stage the plan was in on `date` by its phase history: the phase
    /// left by the first decision dated after `date`, or the current stage
    /// when no decision is dated after it (a decision counts from its day).
    pub fn stage_on(&self, date: NaiveDate) -> Stage {
        self.phase_history
            .iter()
            .filter(|d| d.date > date)
            .min_by_key(|d| d.date)
            .map_or(self.stage, |d| Stage::In(d.from))
    }

    /// The snapshot to save for a report on `date`.
    pub fn snapshot(&self, id: ReportId, date: NaiveDate, now: Timestamp) -> ReportSnapshot {
        let stage = self.stage_on(date);
        ReportSnapshot {
            id,
            date,
            stage,
            readiness: stage.phase().and_then(|p| self.readiness(p).score()),
            activities: self.activities.iter().map(ActivitySnapshot::of).collect(),
            modified: now,
        }
    }

    /// What changed between `snapshot` and the plan on `date`.
    pub fn changes_since(&self, snapshot: &ReportSnapshot, date: NaiveDate) -> Changes {
        let mut changes = Changes {
            since: snapshot.date,
            completed: Vec::new(),
            moved: Vec::new(),
            added: Vec::new(),
            removed: Vec::new(),
        };
        for a in &self.activities {
            let Some(old) = snapshot.activities.iter().find(|s| s.id == a.id) else {
                if a.counts() {
                    changes.added.push(ReportActivity::of(a));
                }
                continue;
            };
            let done_then =
                old.status == Status::Faerdig && old.completed.is_none_or(|c| c <= snapshot.date);
            if a.done_by(date) && !done_then {
                changes.completed.push(ReportActivity::of(a));
            }
            if (old.start, old.due) != (a.start, a.due) {
                changes.moved.push(DateMove {
                    activity: ReportActivity::of(a),
                    before: (old.start, old.due),
                    after: (a.start, a.due),
                });
            }
        }
        changes.removed = snapshot
            .activities
            .iter()
            .filter(|s| self.activity(&s.id).is_none())
            .map(ReportActivity::of_snapshot)
            .collect();
        changes
    }

    /// The saved report a report on `date` is compared with by default: the
    /// latest one dated before `date`.
    pub fn previous_report(&self, date: NaiveDate) -> Option<&ReportSnapshot> {
        self.reports
            .iter()
            .filter(|r| r.date < date)
            .max_by_key(|r| (r.date, r.modified))
    }

    /// The saved report with `id`.
    pub fn report(&self, id: &ReportId) -> Option<&ReportSnapshot> {
        self.reports.iter().find(|r| &r.id == id)
    }
}
