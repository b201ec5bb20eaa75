//! Strict types for writing the follow-up side of a plan: stage,
//! checklists, phase history, saved reports and their tombstones. They are
//! flattened into the plan object of the file.

use serde::Serialize;

use super::format_timestamp;
use crate::model::{
    ActivitySnapshot, Checklist, ChecklistItem, PhaseDecision, Plan, RecordTombstone,
    ReportSnapshot,
};

/// The follow-up fields of the plan object.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct FollowupOut<'a> {
    stage: &'static str,
    stage_set: String,
    checklists: Vec<ChecklistOut<'a>>,
    phase_history: Vec<DecisionOut<'a>>,
    reports: Vec<ReportOut<'a>>,
    followup_tombstones: Vec<RecordTombstoneOut<'a>>,
}

#[derive(Serialize)]
struct ChecklistOut<'a> {
    phase: &'static str,
    items: Vec<ItemOut<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ItemOut<'a> {
    id: &'a str,
    text: &'a str,
    origin: &'static str,
    answer: Option<&'static str>,
    comment: &'a str,
    answered_by: &'a str,
    answered_on: Option<String>,
    modified: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DecisionOut<'a> {
    id: &'a str,
    from: &'static str,
    to: &'static str,
    date: String,
    decided_by: &'a str,
    score: Option<u8>,
    outstanding: u32,
    overridden: bool,
    reason: &'a str,
    modified: String,
}

#[derive(Serialize)]
struct ReportOut<'a> {
    id: &'a str,
    date: String,
    stage: &'static str,
    readiness: Option<u8>,
    activities: Vec<SnapshotOut<'a>>,
    modified: String,
}

#[derive(Serialize)]
struct SnapshotOut<'a> {
    id: &'a str,
    title: &'a str,
    task: u8,
    status: &'static str,
    start: Option<String>,
    due: Option<String>,
    completed: Option<String>,
}

#[derive(Serialize)]
struct RecordTombstoneOut<'a> {
    kind: &'static str,
    id: &'a str,
    deleted: String,
}

fn date(d: chrono::NaiveDate) -> String {
    crate::model::iso_date(d)
}

/// The follow-up fields of `plan`.
pub(super) fn followup(plan: &Plan) -> FollowupOut<'_> {
    FollowupOut {
        stage: plan.stage.key(),
        stage_set: format_timestamp(plan.stage_set),
        checklists: plan.checklists.iter().map(checklist).collect(),
        phase_history: plan.phase_history.iter().map(decision).collect(),
        reports: plan.reports.iter().map(report).collect(),
        followup_tombstones: plan.followup_tombstones.iter().map(tombstone).collect(),
    }
}

fn checklist(c: &Checklist) -> ChecklistOut<'_> {
    ChecklistOut {
        phase: c.phase.code(),
        items: c.items.iter().map(item).collect(),
    }
}

fn item(i: &ChecklistItem) -> ItemOut<'_> {
    ItemOut {
        id: i.id.as_str(),
        text: &i.text,
        origin: i.origin.key(),
        answer: i.answer.map(|a| a.key()),
        comment: &i.comment,
        answered_by: &i.answered_by,
        answered_on: i.answered_on.map(date),
        modified: format_timestamp(i.modified),
    }
}

fn decision(d: &PhaseDecision) -> DecisionOut<'_> {
    DecisionOut {
        id: d.id.as_str(),
        from: d.from.code(),
        to: d.to.key(),
        date: date(d.date),
        decided_by: &d.decided_by,
        score: d.score,
        outstanding: d.outstanding,
        overridden: d.overridden,
        reason: &d.reason,
        modified: format_timestamp(d.modified),
    }
}

fn report(r: &ReportSnapshot) -> ReportOut<'_> {
    ReportOut {
        id: r.id.as_str(),
        date: date(r.date),
        stage: r.stage.key(),
        readiness: r.readiness,
        activities: r.activities.iter().map(snapshot).collect(),
        modified: format_timestamp(r.modified),
    }
}

fn snapshot(s: &ActivitySnapshot) -> SnapshotOut<'_> {
    SnapshotOut {
        id: s.id.as_str(),
        title: &s.title,
        task: s.task.get(),
        status: s.status.key(),
        start: s.start.map(date),
        due: s.due.map(date),
        completed: s.completed.map(date),
    }
}

fn tombstone(t: &RecordTombstone) -> RecordTombstoneOut<'_> {
    RecordTombstoneOut {
        kind: t.kind.key(),
        id: &t.id,
        deleted: format_timestamp(t.deleted),
    }
}
