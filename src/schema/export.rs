//! Strict types for writing a plan file. They borrow from the plan, so
//! writing copies nothing but the output.

use serde::Serialize;

use super::export_followup::{followup, FollowupOut};
use super::{format_timestamp, APP_VERSION, FORMAT_NAME, FORMAT_VERSION};
use crate::model::{Activity, MainTask, Origin, Phase, Plan, Timestamp, Tombstone};

mod benefits;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a> {
    format: &'static str,
    format_version: u32,
    app_version: &'static str,
    saved_at: String,
    plan: PlanOut<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PlanOut<'a> {
    id: &'a str,
    name: &'a str,
    municipality: &'a str,
    solution: &'a str,
    created: String,
    modified: String,
    settings_modified: String,
    template_version: &'a str,
    go_live: String,
    phases: Vec<PhaseOut>,
    tasks: Vec<TaskOut>,
    activities: Vec<ActivityOut<'a>>,
    tombstones: Vec<TombstoneOut<'a>>,
    benefits: Vec<benefits::BenefitOut<'a>>,
    benefit_map: benefits::MapOut<'a>,
    benefit_tombstones: Vec<benefits::RecordTombstoneOut<'a>>,
    exchanged: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    example: Option<&'a str>,
    #[serde(flatten)]
    followup: FollowupOut<'a>,
}

#[derive(Serialize)]
struct PhaseOut {
    phase: &'static str,
    start: String,
    end: String,
}

#[derive(Serialize)]
struct TaskOut {
    number: u8,
    phases: Vec<&'static str>,
    modified: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ActivityOut<'a> {
    id: &'a str,
    task: u8,
    phase: &'static str,
    title: &'a str,
    description: &'a str,
    start: Option<String>,
    due: Option<String>,
    responsible: &'a str,
    role: &'a str,
    status: &'static str,
    completed: Option<String>,
    notes: &'a str,
    template_key: Option<&'a str>,
    modified: String,
}

#[derive(Serialize)]
struct TombstoneOut<'a> {
    id: &'a str,
    deleted: String,
}

fn date(d: chrono::NaiveDate) -> String {
    crate::model::iso_date(d)
}

fn envelope(plan: &Plan, saved_at: Timestamp) -> Envelope<'_> {
    Envelope {
        format: FORMAT_NAME,
        format_version: FORMAT_VERSION,
        app_version: APP_VERSION,
        saved_at: format_timestamp(saved_at),
        plan: PlanOut {
            id: plan.id.as_str(),
            name: &plan.name,
            municipality: &plan.municipality,
            solution: plan.solution.name(),
            created: format_timestamp(plan.created),
            modified: format_timestamp(plan.modified),
            settings_modified: format_timestamp(plan.settings_modified),
            template_version: &plan.template_version,
            go_live: date(plan.go_live),
            phases: Phase::ALL
                .iter()
                .map(|p| PhaseOut {
                    phase: p.code(),
                    start: date(plan.window(*p).start),
                    end: date(plan.window(*p).end),
                })
                .collect(),
            tasks: plan.tasks.iter().map(task).collect(),
            activities: plan.activities.iter().map(activity).collect(),
            tombstones: plan.tombstones.iter().map(tombstone).collect(),
            benefits: plan.benefits.iter().map(benefits::benefit).collect(),
            benefit_map: benefits::map(&plan.benefit_map),
            benefit_tombstones: plan
                .benefit_tombstones
                .iter()
                .map(benefits::tombstone)
                .collect(),
            exchanged: format_timestamp(plan.exchanged),
            example: plan.example.as_deref(),
            followup: followup(plan),
        },
    }
}

fn task(t: &MainTask) -> TaskOut {
    TaskOut {
        number: t.number.get(),
        phases: t.phases.iter().map(Phase::code).collect(),
        modified: format_timestamp(t.modified),
    }
}

fn activity(a: &Activity) -> ActivityOut<'_> {
    ActivityOut {
        id: a.id.as_str(),
        task: a.task.get(),
        phase: a.phase.code(),
        title: &a.title,
        description: &a.description,
        start: a.start.map(date),
        due: a.due.map(date),
        responsible: &a.responsible,
        role: &a.role,
        status: a.status.key(),
        completed: a.completed.map(date),
        notes: &a.notes,
        template_key: match &a.origin {
            Origin::Template { key } => Some(key),
            Origin::User => None,
        },
        modified: format_timestamp(a.modified),
    }
}

fn tombstone(t: &Tombstone) -> TombstoneOut<'_> {
    TombstoneOut {
        id: t.id.as_str(),
        deleted: format_timestamp(t.deleted),
    }
}

/// Writes `plan` as a compact file (used for local storage).
pub fn to_json(plan: &Plan, saved_at: Timestamp) -> String {
    // Serialising these plain types cannot fail.
    serde_json::to_string(&envelope(plan, saved_at)).unwrap_or_default()
}

/// Writes `plan` as a pretty-printed file (used for export).
pub fn to_json_pretty(plan: &Plan, saved_at: Timestamp) -> String {
    serde_json::to_string_pretty(&envelope(plan, saved_at)).unwrap_or_default()
}
