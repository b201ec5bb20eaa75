//! The rows of the timeline: the four groups of Skema 1, their main tasks
//! as swimlanes and each lane's activities, with collapsing, filtering and
//! the summaries shown for collapsed rows.

use chrono::NaiveDate;

use super::scale::Scale;
use crate::catalog;
use crate::model::{Activity, ActivityFilter, ActivityId, Plan, TaskGroup, TaskNo};

/// Height of a group row.
pub const GROUP_H: f64 = 30.0;
/// Height of a main task row.
pub const TASK_H: f64 = 28.0;
/// Height of an activity row.
pub const ACTIVITY_H: f64 = 24.0;
/// Space above and below a bar within its row.
pub const BAR_PAD: f64 = 5.0;
/// Narrowest bar drawn, so one-day bars stay visible and grabbable.
pub const MIN_BAR_W: f64 = 4.0;

/// What a row shows; stable across edits, so the UI can key rows by it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RowKey {
    /// A group of Skema 1.
    Group(TaskGroup),
    /// A main task's swimlane header.
    Task(TaskNo),
    /// One activity.
    Activity(ActivityId),
}

/// Dates and progress of several activities together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Summary {
    /// First start.
    pub start: NaiveDate,
    /// Last due date.
    pub due: NaiveDate,
    /// Activities done.
    pub done: usize,
    /// Activities counted (not dropped).
    pub total: usize,
}

impl Summary {
    /// Share done, 0.0 to 1.0 (0.0 when nothing counts).
    pub fn share(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f64 / self.total as f64
        }
    }

    /// The summary of `activities`: the span of their dates (`None` if
    /// none has a date) and progress counted over all of them.
    pub fn of<'a>(activities: impl Iterator<Item = &'a Activity>) -> Option<Summary> {
        let (mut span, mut done, mut total) = (None::<(NaiveDate, NaiveDate)>, 0, 0);
        for a in activities {
            done += usize::from(a.is_done());
            total += usize::from(a.counts());
            if let Some((s, d)) = activity_span(a) {
                span = Some(span.map_or((s, d), |(s0, d0)| (s0.min(s), d0.max(d))));
            }
        }
        span.map(|(start, due)| Summary {
            start,
            due,
            done,
            total,
        })
    }

    fn merge(a: Option<Summary>, b: Option<Summary>) -> Option<Summary> {
        match (a, b) {
            (Some(a), Some(b)) => Some(Summary {
                start: a.start.min(b.start),
                due: a.due.max(b.due),
                done: a.done + b.done,
                total: a.total + b.total,
            }),
            (a, b) => a.or(b),
        }
    }
}

/// One row of the timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// What the row shows.
    pub key: RowKey,
    /// Top edge.
    pub y: f64,
    /// Height.
    pub height: f64,
    /// For activity rows, the activity's position in [`Plan::activities`].
    pub index: Option<usize>,
    /// For group and task rows, whether the row is collapsed.
    pub collapsed: bool,
    /// For group and task rows, how many shown activities they hold.
    pub count: usize,
    /// For group and task rows, the span and progress of their dated activities.
    pub summary: Option<Summary>,
}

/// What the lanes show: the filter and the collapsed groups and tasks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneOptions {
    /// Which activities to show.
    pub filter: ActivityFilter,
    /// Collapsed groups.
    pub collapsed_groups: Vec<TaskGroup>,
    /// Collapsed main tasks.
    pub collapsed_tasks: Vec<TaskNo>,
}

/// All rows of the timeline, top to bottom.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lanes {
    /// The rows.
    pub rows: Vec<Row>,
    /// Total height.
    pub height: f64,
    /// Positions (in [`Plan::activities`]) of shown activities with
    /// neither a start nor a due date; they get no bar.
    pub undated: Vec<usize>,
    /// Number of shown activities with a start or due date (whether or
    /// not their rows are collapsed).
    pub dated: usize,
}

impl Lanes {
    /// The row showing `key`, if shown.
    pub fn row(&self, key: &RowKey) -> Option<&Row> {
        self.position(key).map(|i| &self.rows[i])
    }

    /// Position of the row showing `key` in [`Lanes::rows`] (a linear
    /// search: lookups are one per user action, not per row).
    pub fn position(&self, key: &RowKey) -> Option<usize> {
        self.rows.iter().position(|r| r.key == *key)
    }

    /// The rows overlapping the band from `top` to `bottom`.
    pub fn visible(&self, top: f64, bottom: f64) -> &[Row] {
        let first = self.rows.partition_point(|r| r.y + r.height <= top);
        let end = self.rows.partition_point(|r| r.y < bottom);
        &self.rows[first..end.max(first)]
    }
}

/// Lays out the rows of `plan` under `options`.
///
/// Every group and main task shows when no filter is set; with a filter,
/// only main tasks holding a matching activity (and their groups). Within
/// a lane activities follow their phase, then their order in the plan, so
/// changing dates never reorders rows. Activities with neither a start
/// nor a due date get no row and are listed in [`Lanes::undated`], in main
/// task order.
pub fn lanes(plan: &Plan, options: &LaneOptions) -> Lanes {
    let filter_empty = options.filter.is_empty();
    let mut per_task: Vec<Vec<usize>> = vec![Vec::new(); usize::from(TaskNo::COUNT)];
    let mut out = Lanes::default();
    for (i, a) in plan.activities.iter().enumerate() {
        if filter_empty || options.filter.matches(a) {
            per_task[usize::from(a.task.get()) - 1].push(i);
        }
    }
    let mut y = 0.0;
    for group in TaskGroup::ALL {
        let tasks: Vec<TaskNo> = TaskNo::all()
            .filter(|t| catalog::task(*t).group == group)
            .filter(|t| filter_empty || !per_task[usize::from(t.get()) - 1].is_empty())
            .collect();
        if tasks.is_empty() {
            continue;
        }
        let group_pos = out.rows.len();
        let group_collapsed = options.collapsed_groups.contains(&group);
        out.rows.push(Row {
            key: RowKey::Group(group),
            y,
            height: GROUP_H,
            index: None,
            collapsed: group_collapsed,
            count: 0,
            summary: None,
        });
        y += GROUP_H;
        let (mut group_count, mut group_summary) = (0, None);
        for task in tasks {
            // Stable grouping by phase, keeping plan order within a phase.
            let mut by_phase: [Vec<usize>; 5] = Default::default();
            for i in &per_task[usize::from(task.get()) - 1] {
                by_phase[plan.activities[*i].phase.index()].push(*i);
            }
            let indices: Vec<usize> = by_phase.concat();
            let summary = Summary::of(indices.iter().map(|i| &plan.activities[*i]));
            let (dated, undated): (Vec<usize>, Vec<usize>) = indices
                .iter()
                .partition(|i| activity_span(&plan.activities[**i]).is_some());
            out.dated += dated.len();
            out.undated.extend(undated);
            group_count += indices.len();
            group_summary = Summary::merge(group_summary, summary);
            if group_collapsed {
                continue;
            }
            let collapsed = options.collapsed_tasks.contains(&task);
            out.rows.push(Row {
                key: RowKey::Task(task),
                y,
                height: TASK_H,
                index: None,
                collapsed,
                count: indices.len(),
                summary,
            });
            y += TASK_H;
            if collapsed {
                continue;
            }
            for i in dated {
                out.rows.push(Row {
                    key: RowKey::Activity(plan.activities[i].id.clone()),
                    y,
                    height: ACTIVITY_H,
                    index: Some(i),
                    collapsed: false,
                    count: 1,
                    summary: None,
                });
                y += ACTIVITY_H;
            }
        }
        let g = &mut out.rows[group_pos];
        g.count = group_count;
        g.summary = group_summary;
    }
    out.height = y;
    out
}

/// A bar's rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// The bar of `start`–`due` (both included) in a row at `row_y` of
/// height `row_h`; at least [`MIN_BAR_W`] wide.
pub fn bar_rect(scale: &Scale, row_y: f64, row_h: f64, start: NaiveDate, due: NaiveDate) -> Rect {
    let (x, width) = scale.span(start, due);
    let width = width.max(MIN_BAR_W);
    Rect {
        x,
        y: row_y + BAR_PAD,
        width,
        height: row_h - 2.0 * BAR_PAD,
    }
}

/// The days an activity covers on the timeline: start to due, or its one
/// date when it has only a start or only a due date (drawn as a marker,
/// see [`is_marker`]); `None` without dates.
pub fn activity_span(a: &Activity) -> Option<(NaiveDate, NaiveDate)> {
    match (a.start, a.due) {
        (Some(s), Some(d)) => Some((s, d)),
        (Some(one), None) | (None, Some(one)) => Some((one, one)),
        (None, None) => None,
    }
}

/// Whether an activity has exactly one of its dates, and so is drawn as a
/// diamond marker on that date rather than as a bar.
pub fn is_marker(a: &Activity) -> bool {
    a.start.is_some() != a.due.is_some()
}

/// The dates to save when an activity drawn over `span` (see
/// [`activity_span`]) is given the span `to`: a marker keeps having only
/// the date it had, moved; a bar gets both.
pub fn span_dates(
    a: &Activity,
    to: (NaiveDate, NaiveDate),
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match (a.start, a.due) {
        (Some(_), None) => (Some(to.0), None),
        (None, Some(_)) => (None, Some(to.1)),
        _ => (Some(to.0), Some(to.1)),
    }
}

/// The box of a marker on `date` in a row at `row_y` of height `row_h`: a
/// square centred on the day, as tall as a bar.
pub fn marker_rect(scale: &Scale, row_y: f64, row_h: f64, date: NaiveDate) -> Rect {
    let side = row_h - 2.0 * BAR_PAD;
    Rect {
        x: scale.x(date) + scale.px_per_day / 2.0 - side / 2.0,
        y: row_y + BAR_PAD,
        width: side,
        height: side,
    }
}

/// Where activity `a` is drawn over `span` in a row at `row_y` of height
/// `row_h`: a marker's box or a bar.
pub fn activity_rect(
    scale: &Scale,
    row_y: f64,
    row_h: f64,
    a: &Activity,
    span: (NaiveDate, NaiveDate),
) -> Rect {
    if is_marker(a) {
        marker_rect(scale, row_y, row_h, span.0)
    } else {
        bar_rect(scale, row_y, row_h, span.0, span.1)
    }
}
