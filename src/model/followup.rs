//! Follow-up questions about a plan on a given date: what is late, what
//! comes next, what is blocked, progress per main task (done versus planned
//! done by the date), each responsible person's open activities, and the
//! coming milestones.
//!
//! Definitions, all for activities that count (not Udgår):
//! - *done by a date*: status Færdig and completed on or before the date;
//!   a Færdig activity without a completion date counts as completed on the
//!   (Danish) date of its last change, the latest day it can have been
//!   marked done (see [`Activity::completion_date`]);
//! - *planned done by a date*: the due date is on or before the date;
//! - *overdue on a date*: the due date is before the date and the activity
//!   is not done by the date;
//! - *due within N days of a date*: not done, due on the date or up to N
//!   days after it.

use chrono::{Duration, NaiveDate};

use super::{Activity, Phase, Plan, Status, TaskNo};

impl Activity {
    /// The date the activity counts as completed from: its completion date,
    /// or, for a Færdig activity without one, the Danish date of its last
    /// change (it was done by then at the latest; any later edit moves this
    /// date later, never earlier). `None` while it is not done, or if the
    /// change time is not a valid date.
    pub fn completion_date(&self) -> Option<NaiveDate> {
        if !self.is_done() {
            return None;
        }
        self.completed.or_else(|| self.modified.local_date())
    }

    /// Whether the activity counts as done by `date` (see the module docs).
    pub fn done_by(&self, date: NaiveDate) -> bool {
        self.is_done() && self.completion_date().is_none_or(|c| c <= date)
    }

    /// Whether the activity was planned to be done by `date`.
    pub fn planned_by(&self, date: NaiveDate) -> bool {
        self.due.is_some_and(|d| d <= date)
    }

    /// Whether the activity is overdue on `date` (see the module docs).
    pub fn overdue_on(&self, date: NaiveDate) -> bool {
        self.counts() && self.due.is_some_and(|d| d < date) && !self.done_by(date)
    }
}

/// Progress of one main task on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskProgress {
    /// The main task.
    pub task: TaskNo,
    /// Activities that count.
    pub total: usize,
    /// Of those, done by the date.
    pub done: usize,
    /// Of those, planned done by the date.
    pub planned: usize,
}

/// Whole percentage `part / total`, rounded half up; 0 when `total` is 0.
pub fn percent(part: usize, total: usize) -> u8 {
    if total == 0 {
        return 0;
    }
    ((part as u64 * 200 + total as u64) / (2 * total as u64)).min(100) as u8
}

impl TaskProgress {
    /// Share done, in percent.
    pub fn done_pct(&self) -> u8 {
        percent(self.done, self.total)
    }

    /// Share planned done by the date, in percent.
    pub fn planned_pct(&self) -> u8 {
        percent(self.planned, self.total)
    }

    /// Whether fewer activities are done than planned.
    pub fn behind(&self) -> bool {
        self.done < self.planned
    }

    /// The sum of several main tasks' progress (the plan as a whole).
    pub fn sum(rows: &[TaskProgress]) -> (usize, usize, usize) {
        rows.iter().fold((0, 0, 0), |(t, d, p), r| {
            (t + r.total, d + r.done, p + r.planned)
        })
    }
}

/// A responsible person's open activities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponsibleOpen<'a> {
    /// The name as first written in the plan; empty for activities without
    /// a responsible person.
    pub name: String,
    /// Open activities (neither done nor dropped), by due date.
    pub activities: Vec<&'a Activity>,
    /// How many of them are overdue.
    pub overdue: usize,
}

/// A coming milestone: a phase transition, go-live or the end of F4.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    /// Planned date.
    pub date: NaiveDate,
    /// Danish description.
    pub label: String,
}

/// Sorts `v` stably by `key`. An insertion sort: the lists here are short
/// (at most a few hundred), and each use of the standard library's sort adds
/// several KiB of wasm.
pub fn sort_small<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts activities by due date (undated last), keeping plan order on ties.
pub(super) fn by_due(mut list: Vec<&Activity>) -> Vec<&Activity> {
    sort_small(&mut list, |a| (a.due.is_none(), a.due));
    list
}

impl Plan {
    /// Activities overdue on `date`, by due date.
    pub fn overdue_on(&self, date: NaiveDate) -> Vec<&Activity> {
        by_due(
            self.activities
                .iter()
                .filter(|a| a.overdue_on(date))
                .collect(),
        )
    }

    /// Activities not done by `date` and due from `date` up to `days` days
    /// after it, both ends included, by due date: Overblik's coming
    /// deadlines and a status report's. An activity due on `date` itself is
    /// not overdue yet, so it belongs here (left out, it showed nowhere in
    /// a report on its due date).
    pub fn due_within(&self, date: NaiveDate, days: i64) -> Vec<&Activity> {
        let last = date + Duration::days(days);
        by_due(
            self.activities
                .iter()
                .filter(|a| {
                    a.counts() && !a.done_by(date) && a.due.is_some_and(|d| date <= d && d <= last)
                })
                .collect(),
        )
    }

    /// Activities with status Blokeret, by due date.
    pub fn blocked(&self) -> Vec<&Activity> {
        by_due(
            self.activities
                .iter()
                .filter(|a| a.status == Status::Blokeret)
                .collect(),
        )
    }

    /// Progress of every main task on `date`, in number order.
    pub fn task_progress(&self, date: NaiveDate) -> Vec<TaskProgress> {
        let mut rows: Vec<TaskProgress> = TaskNo::all()
            .map(|task| TaskProgress {
                task,
                total: 0,
                done: 0,
                planned: 0,
            })
            .collect();
        for a in self.activities.iter().filter(|a| a.counts()) {
            let row = &mut rows[usize::from(a.task.get()) - 1];
            row.total += 1;
            row.done += usize::from(a.done_by(date));
            row.planned += usize::from(a.planned_by(date));
        }
        rows
    }

    /// Open activities per responsible person (names compared ignoring case
    /// and surrounding spaces), sorted by name, with the activities without
    /// a responsible person last.
    pub fn open_by_responsible(&self, today: NaiveDate) -> Vec<ResponsibleOpen<'_>> {
        let mut groups: Vec<ResponsibleOpen<'_>> = Vec::new();
        for a in self
            .activities
            .iter()
            .filter(|a| a.counts() && !a.is_done())
        {
            let name = a.responsible.trim();
            let index = match groups
                .iter()
                .position(|g| g.name.to_lowercase() == name.to_lowercase())
            {
                Some(i) => i,
                None => {
                    groups.push(ResponsibleOpen {
                        name: name.to_string(),
                        activities: Vec::new(),
                        overdue: 0,
                    });
                    groups.len() - 1
                }
            };
            groups[index].activities.push(a);
            groups[index].overdue += usize::from(a.is_overdue(today));
        }
        for g in &mut groups {
            g.activities = by_due(std::mem::take(&mut g.activities));
        }
        sort_small(&mut groups, |g| (g.name.is_empty(), g.name.to_lowercase()));
        groups
    }

    /// Milestones after `date`: the planned phase transitions, go-live and
    /// the end of F4, by date.
    pub fn milestones_after(&self, date: NaiveDate) -> Vec<Milestone> {
        let mut list: Vec<Milestone> = Phase::ALL[1..]
            .iter()
            .map(|p| Milestone {
                date: self.window(*p).start,
                label: format!(
                    "Faseovergang {} → {} (start af {})",
                    Phase::ALL[p.index() - 1].code(),
                    p.code(),
                    p.label()
                ),
            })
            .collect();
        list.push(Milestone {
            date: self.go_live,
            label: "Go-live".to_string(),
        });
        list.push(Milestone {
            date: self.window(Phase::F4).end,
            label: "Slut på F4 Forankring".to_string(),
        });
        list.retain(|m| m.date > date);
        sort_small(&mut list, |m| m.date);
        list
    }
}
