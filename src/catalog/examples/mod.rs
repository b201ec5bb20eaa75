//! Built-in example plans (Eksempler) for training and workshops.
//!
//! Each example is built from the template by deterministic edits whose
//! dates are relative to the day it is built, so an example "half-way
//! through F2" is half-way through F2 whenever it is opened. The
//! municipalities are fictional.

mod stories;

use chrono::{Duration, NaiveDate};

use crate::model::{
    propose_phase_windows, ActivityChange, Answer, Benefit, BenefitEdit, BenefitId, Decimal,
    DecisionId, Edit, FollowupEdit, ItemChange, Measurement, MeasurementId, NodeChange, NodeId,
    Phase, PhaseDecision, Plan, PlanId, PlanSetup, Stage, Status, TaskNo, Timestamp,
};

pub use stories::{BenefitStory, Person, Story, STORIES};

/// The built-in examples, in display order.
pub fn examples() -> &'static [Story] {
    STORIES
}

/// The example with `key`, if any.
pub fn example(key: &str) -> Option<&'static Story> {
    STORIES.iter().find(|s| s.key == key)
}

/// Builds a fresh copy of example `key` with plan id `id`, as it stands
/// on `today`. `None` for an unknown key.
pub fn build_example(key: &str, id: PlanId, now: Timestamp, today: NaiveDate) -> Option<Plan> {
    let story = example(key)?;
    let f1_start = today - Duration::days(story.days_since_f1);
    let go_live = today + Duration::days(story.days_to_go_live);
    let setup = PlanSetup {
        id,
        municipality: story.municipality.to_string(),
        solution: story.solution.clone(),
        go_live,
        f1_start,
        phases: propose_phase_windows(f1_start, go_live).ok(),
    };
    let mut plan = Plan::from_template(setup, now).ok()?;
    plan.example = Some(story.key.to_string());
    let edits = std::iter::once(Edit::SetName(story.name.to_string()))
        .chain(activity_edits(&plan, story, today))
        .chain(decision_edits(&plan, story, today))
        .chain(benefit_edits(story, today, now))
        .collect();
    plan.apply(Edit::Batch(edits), now).ok()?;
    Some(plan)
}

fn update(id: &crate::model::ActivityId, change: ActivityChange) -> Edit {
    Edit::UpdateActivity {
        id: id.clone(),
        change,
    }
}

/// Responsible people, and statuses from the dates: done when due before
/// today (but every `late_every`-th of those is still in progress: late),
/// in progress when today lies in its dates, blocked when listed.
fn activity_edits(plan: &Plan, story: &Story, today: NaiveDate) -> Vec<Edit> {
    let mut out = Vec::new();
    let mut past = 0;
    for a in &plan.activities {
        if let Some(p) = story.people.iter().find(|p| p.task == a.task.get()) {
            out.push(update(
                &a.id,
                ActivityChange::Responsible(p.name.to_string()),
            ));
            out.push(update(&a.id, ActivityChange::Role(p.role.to_string())));
        }
        let key = a.id.0.as_str();
        let status = match (a.start, a.due) {
            _ if story.blocked.contains(&key) => Status::Blokeret,
            (_, Some(due)) if due < today => {
                if a.phase >= story.late_from {
                    past += 1;
                }
                if a.phase >= story.late_from && past % story.late_every == 0 {
                    Status::IGang
                } else {
                    Status::Faerdig
                }
            }
            (Some(start), _) if start <= today => Status::IGang,
            _ => continue,
        };
        if status == Status::Blokeret {
            out.push(update(
                &a.id,
                ActivityChange::Notes("Afventer leverandørens testmiljø.".to_string()),
            ));
        }
        out.push(update(
            &a.id,
            ActivityChange::Status {
                status,
                completed: a.due,
            },
        ));
    }
    out
}

/// The phase decisions up to the story's stage, after answering each left
/// phase's checklist, and the first answers of the current one (answered a
/// month into the phase, or today when the phase is younger).
fn decision_edits(plan: &Plan, story: &Story, today: NaiveDate) -> Vec<Edit> {
    let mut out = vec![Edit::Followup(FollowupEdit::SetStartStage(Stage::In(
        Phase::F0,
    )))];
    for phase in Phase::ALL {
        let current = phase == story.stage;
        let end = plan.window(phase).end;
        let items = &plan.checklist(phase).items;
        let answered = if current {
            3.min(items.len())
        } else {
            items.len()
        };
        for (i, item) in items.iter().take(answered).enumerate() {
            let answer = if current && i == 2 || !current && i == 1 {
                Answer::Delvist
            } else {
                Answer::Opfyldt
            };
            let on = if current {
                (plan.window(phase).start + Duration::days(30)).min(today)
            } else {
                end
            };
            out.push(Edit::Followup(FollowupEdit::UpdateItem {
                phase,
                id: item.id.clone(),
                change: ItemChange::Answer {
                    answer: Some(answer),
                    by: story.decided_by.to_string(),
                    on: Some(on),
                },
            }));
            if answer == Answer::Delvist {
                out.push(Edit::Followup(FollowupEdit::UpdateItem {
                    phase,
                    id: item.id.clone(),
                    change: ItemChange::Comment("Følges op på næste styregruppemøde.".to_string()),
                }));
            }
        }
        if current {
            break;
        }
        out.push(Edit::Followup(FollowupEdit::Advance(PhaseDecision::new(
            DecisionId(format!("d-{}-{}", story.key, phase.code().to_lowercase())),
            phase,
            end + Duration::days(1),
            story.decided_by,
            "Styregruppen godkendte overgangen; det udestående følges op i næste fase.",
        ))));
    }
    out
}

fn amount(n: i64) -> Decimal {
    Decimal::from_int(n).unwrap_or_default()
}

/// The benefit profiles with their measurements, each linked to its node
/// of the suggested map.
fn benefit_edits(story: &Story, today: NaiveDate, now: Timestamp) -> Vec<Edit> {
    let day = |d: i64| today + Duration::days(d);
    let mut out = Vec::new();
    for (i, b) in story.benefits.iter().enumerate() {
        let id = BenefitId(format!("g-{}", b.key));
        let mut benefit = Benefit::new(id.clone(), b.name, b.benefit_type, b.kind, now);
        benefit.description = b.description.to_string();
        benefit.owner = b.owner.to_string();
        benefit.accountable = b.accountable.to_string();
        benefit.indicator = b.indicator.to_string();
        benefit.unit = b.unit.to_string();
        benefit.baseline = Some(amount(b.baseline));
        benefit.baseline_date = Some(day(b.baseline_day));
        benefit.target = Some(amount(b.target));
        benefit.target_date = Some(day(b.target_day));
        benefit.method = b.method.to_string();
        benefit.frequency = Some(b.frequency);
        benefit.tasks = b.tasks.iter().filter_map(|t| TaskNo::new(*t)).collect();
        benefit.measurements = b
            .measurements
            .iter()
            .enumerate()
            .map(|(j, (d, value, comment))| Measurement {
                id: MeasurementId(format!("m-{}-{j}", b.key)),
                date: day(*d),
                value: amount(*value),
                comment: comment.to_string(),
                measured_by: b.owner.to_string(),
                modified: now,
            })
            .collect();
        out.push(Edit::Benefit(BenefitEdit::InsertBenefit {
            benefit,
            position: i,
        }));
        if let Some(node) = b.node {
            out.push(Edit::Benefit(BenefitEdit::UpdateNode {
                id: NodeId(format!("n-{node}")),
                change: NodeChange::Benefit(Some(id)),
            }));
        }
    }
    out
}

#[cfg(test)]
mod tests;
