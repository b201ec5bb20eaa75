//! Read-only questions about a plan: the phase × main task matrix and
//! activity filters.

use super::{Activity, Phase, Plan, Status, TaskNo};

/// One cell of the phase × main task matrix (Skema 1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// Whether the main task is active in the phase.
    pub active: bool,
    /// Activities in the cell, not counting dropped ones (Udgår).
    pub total: usize,
    /// How many of those are done.
    pub done: usize,
}

/// The phase × main task matrix: `cells[task - 1][phase]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    /// Cells per main task (rows) and phase (columns).
    pub cells: Vec<[Cell; 5]>,
}

impl Matrix {
    /// The cell of `task` in `phase`.
    pub fn cell(&self, task: TaskNo, phase: Phase) -> Cell {
        self.cells[usize::from(task.get()) - 1][phase.index()]
    }

    /// Totals of a phase column.
    pub fn phase_total(&self, phase: Phase) -> (usize, usize) {
        self.cells.iter().fold((0, 0), |(t, d), row| {
            (t + row[phase.index()].total, d + row[phase.index()].done)
        })
    }
}

impl Plan {
    /// Counts activities per main task and phase.
    pub fn matrix(&self) -> Matrix {
        let mut cells: Vec<[Cell; 5]> = self
            .tasks
            .iter()
            .map(|t| {
                Phase::ALL.map(|p| Cell {
                    active: t.phases.contains(p),
                    total: 0,
                    done: 0,
                })
            })
            .collect();
        for a in self.activities.iter().filter(|a| a.counts()) {
            let cell = &mut cells[usize::from(a.task.get()) - 1][a.phase.index()];
            cell.total += 1;
            cell.done += usize::from(a.is_done());
        }
        Matrix { cells }
    }

    /// The distinct responsible persons named in the plan, sorted.
    pub fn responsibles(&self) -> Vec<String> {
        // Plans can hold thousands of activities naming a few people:
        // drop exact repeats first, then lower-case each distinct name once.
        let mut distinct: Vec<&str> = self
            .activities
            .iter()
            .map(|a| a.responsible.trim())
            .filter(|r| !r.is_empty())
            .collect();
        super::sort_by(&mut distinct, &|a, b| a.cmp(b));
        distinct.dedup();
        let mut names: Vec<(String, &str)> = distinct
            .into_iter()
            .map(|r| (r.to_lowercase(), r))
            .collect();
        super::sort_by(&mut names, &|a, b| a.cmp(b));
        names.dedup_by(|a, b| a.0 == b.0);
        names.into_iter().map(|(_, n)| n.to_string()).collect()
    }
}

/// Which activities to show in Aktiviteter (and, later, the timeline).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActivityFilter {
    /// Only this phase.
    pub phase: Option<Phase>,
    /// Only this main task.
    pub task: Option<TaskNo>,
    /// Only this status.
    pub status: Option<Status>,
    /// Only this responsible person; `Some("")` means nobody responsible yet.
    pub responsible: Option<String>,
    /// Free text searched in title, description, notes, responsible and role.
    pub text: String,
}

impl ActivityFilter {
    /// Whether the filter lets every activity through.
    pub fn is_empty(&self) -> bool {
        *self == ActivityFilter::default()
    }

    /// Whether `activity` passes the filter.
    pub fn matches(&self, activity: &Activity) -> bool {
        if self.phase.is_some_and(|p| p != activity.phase)
            || self.task.is_some_and(|t| t != activity.task)
            || self.status.is_some_and(|s| s != activity.status)
        {
            return false;
        }
        if let Some(r) = &self.responsible {
            if !activity.responsible.trim().eq_ignore_ascii_case(r.trim()) {
                return false;
            }
        }
        let needle = self.text.trim().to_lowercase();
        needle.is_empty()
            || [
                &activity.title,
                &activity.description,
                &activity.notes,
                &activity.responsible,
                &activity.role,
            ]
            .iter()
            .any(|h| h.to_lowercase().contains(&needle))
    }
}
