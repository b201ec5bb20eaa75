//! Every change to a plan is an [`Edit`]; applying one validates it and
//! returns its inverse, the edit that undoes it.

use chrono::{Datelike, NaiveDate};

use super::{
    Activity, ActivityChange, ActivityId, BenefitEdit, BenefitError, Phase, PhaseSet, PhaseWindow,
    Plan, Solution, Status, TaskNo, Timestamp, Tombstone,
};
use super::{FollowupEdit, FollowupError};

/// One change to a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Rename the plan (empty: use municipality and solution).
    SetName(String),
    /// Rename the municipality.
    SetMunicipality(String),
    /// Change the solution.
    SetSolution(Solution),
    /// Change a phase's planned window.
    SetPhaseWindow {
        /// Which phase.
        phase: Phase,
        /// New window.
        window: PhaseWindow,
    },
    /// Change the planned go-live date.
    SetGoLive(NaiveDate),
    /// Change the phases in which a main task is active.
    SetTaskPhases {
        /// Which main task.
        task: TaskNo,
        /// The new set; never empty.
        phases: PhaseSet,
    },
    /// Insert an activity at `position` (clamped to the end of the list).
    InsertActivity {
        /// The new activity; its id must be new in the plan.
        activity: Activity,
        /// Where in the list it goes.
        position: usize,
    },
    /// Delete an activity, leaving a tombstone.
    RemoveActivity(ActivityId),
    /// Change one field of an activity.
    UpdateActivity {
        /// Which activity.
        id: ActivityId,
        /// The change.
        change: ActivityChange,
    },
    /// Several edits applied together: all succeed or none does.
    Batch(Vec<Edit>),
    /// A change to the benefit profiles or the benefit map.
    Benefit(BenefitEdit),
    /// Replace the whole plan's content (a merge or a restore), keeping its
    /// id. Boxed: plans are large.
    ReplaceAll(Box<Plan>),
    /// Record that the plan was exchanged (exported, imported or merged) at
    /// the given time. Bookkeeping: the plan's `modified` time stays.
    MarkExchanged(Timestamp),
    /// A change to checklists, phase decisions or saved reports.
    Followup(FollowupEdit),
}

/// Why an edit was refused. `Display` gives a Danish message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// The municipality name is empty.
    EmptyMunicipality,
    /// The solution name is empty.
    EmptySolution,
    /// A phase window ends before it starts.
    WindowEndsBeforeStart(Phase),
    /// The activity title is empty.
    EmptyTitle,
    /// The due date is before the start date.
    DueBeforeStart {
        /// Start date.
        start: NaiveDate,
        /// Due date.
        due: NaiveDate,
    },
    /// The activity's main task is not active in the phase.
    PhaseNotActive {
        /// Main task.
        task: TaskNo,
        /// Phase.
        phase: Phase,
    },
    /// An activity with this id exists already.
    DuplicateId(ActivityId),
    /// No activity has this id.
    UnknownActivity(ActivityId),
    /// A main task must be active in at least one phase.
    NoPhases(TaskNo),
    /// A replacement plan breaks an invariant (the inner error) or has another id.
    InvalidReplacement(String),
    /// The phase cannot be removed from the main task while activities lie in it.
    PhaseInUse {
        /// Main task.
        task: TaskNo,
        /// Phase.
        phase: Phase,
        /// Number of activities in that main task and phase.
        count: usize,
    },
    /// A date set by an edit lies outside the years
    /// [`FIRST_PLAN_YEAR`]–[`LAST_PLAN_YEAR`].
    DateOutOfRange(NaiveDate),
    /// The completion date (Færdig den) set by an edit lies after today.
    CompletedInFuture(NaiveDate),
    /// A benefit or benefit map edit was refused.
    Benefit(BenefitError),
    /// A follow-up edit was refused.
    Followup(FollowupError),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = |d: &NaiveDate| super::danish_date(*d);
        match self {
            EditError::EmptyMunicipality => write!(f, "Skriv kommunens navn."),
            EditError::EmptySolution => write!(f, "Skriv løsningens navn."),
            EditError::WindowEndsBeforeStart(p) => write!(
                f,
                "{} slutter før den starter. Vælg en slutdato på eller efter startdatoen.",
                p.label()
            ),
            EditError::EmptyTitle => write!(f, "Aktiviteten skal have en titel."),
            EditError::DueBeforeStart { start, due } => write!(
                f,
                "Slutdatoen ({}) ligger før startdatoen ({}). Vælg en slutdato på eller efter startdatoen.",
                d(due),
                d(start)
            ),
            EditError::PhaseNotActive { task, phase } => write!(
                f,
                "Hovedopgave {} er ikke aktiv i {}. Vælg en anden fase, eller udvid hovedopgavens faser.",
                task.get(),
                phase.label()
            ),
            EditError::DuplicateId(id) => {
                write!(f, "Der findes allerede en aktivitet med id {}.", id.as_str())
            }
            EditError::UnknownActivity(id) => write!(
                f,
                "Aktiviteten ({}) findes ikke længere i planen.",
                id.as_str()
            ),
            EditError::InvalidReplacement(why) => {
                write!(f, "Planen kunne ikke erstattes: {why}")
            }
            EditError::NoPhases(task) => write!(
                f,
                "Hovedopgave {} skal være aktiv i mindst én fase.",
                task.get()
            ),
            EditError::PhaseInUse { task, phase, count } => write!(
                f,
                "Hovedopgave {} har {} i {}. Flyt eller slet dem, før fasen fjernes.",
                task.get(),
                super::count(*count, "aktivitet", "aktiviteter"),
                phase.label()
            ),
            EditError::DateOutOfRange(date) => write!(
                f,
                "Datoen {} ligger uden for årene {FIRST_PLAN_YEAR}–{LAST_PLAN_YEAR}. Skriv en dato i planens tidsrum.",
                d(date)
            ),
            EditError::CompletedInFuture(date) => write!(
                f,
                "Færdig den ({}) ligger efter i dag. Skriv den dag, aktiviteten blev færdig.",
                d(date)
            ),
            EditError::Benefit(e) => e.fmt(f),
            EditError::Followup(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for EditError {}

impl Plan {
    /// Validates `edit` and applies it at time `now`, returning the edit that
    /// undoes it. On error the plan is unchanged.
    pub fn apply(&mut self, edit: Edit, now: Timestamp) -> Result<Edit, EditError> {
        let inverse = match edit {
            Edit::Batch(edits) => return self.apply_batch(edits, now),
            Edit::ReplaceAll(plan) => {
                if plan.id != self.id {
                    return Err(EditError::InvalidReplacement("en anden plan".to_string()));
                }
                plan.check()
                    .map_err(|e| EditError::InvalidReplacement(e.to_string()))?;
                let mut plan = *plan;
                plan.stamp_as_replacement_of(self, now);
                plan.modified = now;
                Edit::ReplaceAll(Box::new(std::mem::replace(self, plan)))
            }
            Edit::MarkExchanged(at) => {
                // Bookkeeping, not a change of the plan: `modified` stays.
                return Ok(Edit::MarkExchanged(std::mem::replace(
                    &mut self.exchanged,
                    at,
                )));
            }
            Edit::SetName(name) => {
                self.settings_modified = now;
                Edit::SetName(std::mem::replace(&mut self.name, name.trim().to_string()))
            }
            Edit::SetMunicipality(name) => {
                let name = name.trim().to_string();
                if name.is_empty() {
                    return Err(EditError::EmptyMunicipality);
                }
                self.settings_modified = now;
                Edit::SetMunicipality(std::mem::replace(&mut self.municipality, name))
            }
            Edit::SetSolution(solution) => {
                if solution.name().trim().is_empty() {
                    return Err(EditError::EmptySolution);
                }
                self.settings_modified = now;
                Edit::SetSolution(std::mem::replace(&mut self.solution, solution))
            }
            Edit::SetPhaseWindow { phase, window } => {
                let current = self.window(phase);
                check_new_date(Some(current.start), Some(window.start))?;
                check_new_date(Some(current.end), Some(window.end))?;
                if window.end < window.start {
                    return Err(EditError::WindowEndsBeforeStart(phase));
                }
                self.settings_modified = now;
                let old = std::mem::replace(&mut self.phases[phase.index()], window);
                Edit::SetPhaseWindow { phase, window: old }
            }
            Edit::SetGoLive(date) => {
                check_new_date(Some(self.go_live), Some(date))?;
                self.settings_modified = now;
                Edit::SetGoLive(std::mem::replace(&mut self.go_live, date))
            }
            Edit::SetTaskPhases { task, phases } => {
                if phases.is_empty() {
                    return Err(EditError::NoPhases(task));
                }
                for phase in Phase::ALL.into_iter().filter(|p| !phases.contains(*p)) {
                    let count = self
                        .activities
                        .iter()
                        .filter(|a| a.task == task && a.phase == phase)
                        .count();
                    if count > 0 {
                        return Err(EditError::PhaseInUse { task, phase, count });
                    }
                }
                let slot = &mut self.tasks[usize::from(task.get()) - 1];
                slot.modified = now;
                let old = std::mem::replace(&mut slot.phases, phases);
                Edit::SetTaskPhases { task, phases: old }
            }
            Edit::InsertActivity {
                mut activity,
                position,
            } => {
                if self.position(&activity.id).is_some() {
                    return Err(EditError::DuplicateId(activity.id));
                }
                activity.title = activity.title.trim().to_string();
                self.check_activity(&activity)?;
                normalise_completion(&mut activity);
                activity.modified = now;
                self.tombstones.retain(|t| t.id != activity.id);
                let id = activity.id.clone();
                let position = position.min(self.activities.len());
                self.activities.insert(position, activity);
                Edit::RemoveActivity(id)
            }
            Edit::RemoveActivity(id) => {
                let position = self
                    .position(&id)
                    .ok_or_else(|| EditError::UnknownActivity(id.clone()))?;
                let activity = self.activities.remove(position);
                self.tombstones.push(Tombstone { id, deleted: now });
                Edit::InsertActivity { activity, position }
            }
            Edit::UpdateActivity { id, change } => {
                let position = self
                    .position(&id)
                    .ok_or_else(|| EditError::UnknownActivity(id.clone()))?;
                let before = &self.activities[position];
                let mut updated = before.clone();
                let old = apply_change(&mut updated, change);
                check_new_date(before.start, updated.start)?;
                check_new_date(before.due, updated.due)?;
                check_new_date(before.completed, updated.completed)?;
                check_completion(before.completed, updated.completed, now)?;
                self.check_activity(&updated)?;
                updated.modified = now;
                self.activities[position] = updated;
                Edit::UpdateActivity { id, change: old }
            }
            Edit::Benefit(edit) => self.apply_benefit_edit(edit, now)?,
            Edit::Followup(edit) => {
                if let FollowupEdit::Advance(decision) = &edit {
                    check_new_date(None, Some(decision.date))?;
                }
                Edit::Followup(
                    self.apply_followup(edit, now)
                        .map_err(EditError::Followup)?,
                )
            }
        };
        self.modified = now;
        Ok(inverse)
    }

    fn apply_batch(&mut self, edits: Vec<Edit>, now: Timestamp) -> Result<Edit, EditError> {
        // On failure the plan goes back to exactly what it was, times and
        // tombstones included.
        let backup = self.clone();
        let mut inverses = Vec::with_capacity(edits.len());
        for edit in edits {
            match self.apply(edit, now) {
                Ok(inverse) => inverses.push(inverse),
                Err(e) => {
                    *self = backup;
                    return Err(e);
                }
            }
        }
        inverses.reverse();
        Ok(Edit::Batch(inverses))
    }

    /// Checks the whole plan's invariants: unique activity ids, every
    /// activity valid, every main task active in some phase, phase windows
    /// in order.
    pub fn check(&self) -> Result<(), EditError> {
        let mut seen = std::collections::HashSet::new();
        for a in &self.activities {
            if !seen.insert(&a.id) {
                return Err(EditError::DuplicateId(a.id.clone()));
            }
            self.check_activity(a)?;
        }
        if let Some(t) = self.tasks.iter().find(|t| t.phases.is_empty()) {
            return Err(EditError::NoPhases(t.number));
        }
        if let Some(p) = Phase::ALL
            .into_iter()
            .find(|p| self.window(*p).end < self.window(*p).start)
        {
            return Err(EditError::WindowEndsBeforeStart(p));
        }
        Ok(())
    }

    /// Checks an activity against the plan's invariants (title, dates and
    /// that its main task is active in its phase).
    pub fn check_activity(&self, activity: &Activity) -> Result<(), EditError> {
        if activity.title.trim().is_empty() {
            return Err(EditError::EmptyTitle);
        }
        if let (Some(start), Some(due)) = (activity.start, activity.due) {
            if due < start {
                return Err(EditError::DueBeforeStart { start, due });
            }
        }
        if !self.task(activity.task).phases.contains(activity.phase) {
            return Err(EditError::PhaseNotActive {
                task: activity.task,
                phase: activity.phase,
            });
        }
        Ok(())
    }
}

/// The first year an edit accepts in a date.
pub const FIRST_PLAN_YEAR: i32 = 2000;
/// The last year an edit accepts in a date.
pub const LAST_PLAN_YEAR: i32 = 2099;

/// Refuses a date that an edit changes to a year outside
/// [`FIRST_PLAN_YEAR`]–[`LAST_PLAN_YEAR`]: in an implementation plan such a
/// date is a slip of the keyboard (1900, 2199), and it would squeeze every
/// other bar of the timeline into a few pixels. A date that does not change
/// passes, so plans saved or imported with such dates still open and edit.
pub(super) fn check_new_date(
    old: Option<NaiveDate>,
    new: Option<NaiveDate>,
) -> Result<(), EditError> {
    match new {
        Some(date) if new != old && !(FIRST_PLAN_YEAR..=LAST_PLAN_YEAR).contains(&date.year()) => {
            Err(EditError::DateOutOfRange(date))
        }
        _ => Ok(()),
    }
}

/// Refuses a completion date that an edit changes to a day after today
/// (Danish time at `now`): an activity is marked done on the day it became
/// done or later, and a future date would make it count as done in
/// Overblik but not yet in a status report for today. A date that does not
/// change passes, so undo and plans imported with such dates still work.
fn check_completion(
    old: Option<NaiveDate>,
    new: Option<NaiveDate>,
    now: Timestamp,
) -> Result<(), EditError> {
    match (new, now.local_date()) {
        (Some(date), Some(today)) if new != old && date > today => {
            Err(EditError::CompletedInFuture(date))
        }
        _ => Ok(()),
    }
}

/// Clears the completion date unless the activity is done.
fn normalise_completion(activity: &mut Activity) {
    if activity.status != Status::Faerdig {
        activity.completed = None;
    }
}

/// Applies `change` to `activity` and returns the change that restores it.
/// Text is stored as typed (trimming while the user types would eat the
/// space they just typed); readers trim where it matters.
fn apply_change(activity: &mut Activity, change: ActivityChange) -> ActivityChange {
    use std::mem::replace;
    match change {
        ActivityChange::Title(t) => ActivityChange::Title(replace(&mut activity.title, t)),
        ActivityChange::Description(t) => {
            ActivityChange::Description(replace(&mut activity.description, t))
        }
        ActivityChange::Placement { task, phase } => ActivityChange::Placement {
            task: replace(&mut activity.task, task),
            phase: replace(&mut activity.phase, phase),
        },
        ActivityChange::Dates { start, due } => ActivityChange::Dates {
            start: replace(&mut activity.start, start),
            due: replace(&mut activity.due, due),
        },
        ActivityChange::Responsible(t) => {
            ActivityChange::Responsible(replace(&mut activity.responsible, t))
        }
        ActivityChange::Role(t) => ActivityChange::Role(replace(&mut activity.role, t)),
        ActivityChange::Status { status, completed } => {
            let old = ActivityChange::Status {
                status: activity.status,
                completed: activity.completed,
            };
            activity.status = status;
            activity.completed = completed;
            normalise_completion(activity);
            old
        }
        ActivityChange::Notes(t) => ActivityChange::Notes(replace(&mut activity.notes, t)),
    }
}
