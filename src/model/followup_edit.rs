//! Edits of the follow-up side of a plan (checklists, phase decisions and
//! saved reports), applied by [`Plan::apply`] through
//! [`Edit::Followup`](super::Edit::Followup). Each returns its inverse.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    Answer, ChecklistItem, DecisionId, ItemId, Phase, PhaseDecision, Plan, RecordKind,
    RecordTombstone, ReportId, ReportSnapshot, Stage, Timestamp,
};

/// A change to a follow-up record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FollowupEdit {
    /// Insert a checklist item at `position` (clamped to the end).
    AddItem {
        /// The checklist (the phase being left).
        phase: Phase,
        /// The new item; its id must be new in the checklist.
        item: ChecklistItem,
        /// Where it goes.
        position: usize,
    },
    /// Delete a checklist item, leaving a tombstone.
    RemoveItem {
        /// The checklist.
        phase: Phase,
        /// Which item.
        id: ItemId,
    },
    /// Change one field of a checklist item.
    UpdateItem {
        /// The checklist.
        phase: Phase,
        /// Which item.
        id: ItemId,
        /// The change.
        change: ItemChange,
    },
    /// Leave the current phase, recording the decision. Refused unless the
    /// decision leaves the current phase, names who decided, and either the
    /// checklist is complete or the decision gives a reason.
    Advance(PhaseDecision),
    /// Take back the latest phase decision (the inverse of `Advance`).
    Revert(DecisionId),
    /// Put a taken-back decision back exactly as it was recorded (the
    /// inverse of `Revert`). Unlike `Advance` it does not judge the
    /// decision against today's checklist: the decision was made then.
    Reinstate(PhaseDecision),
    /// Set the stage a plan starts in; only while no decision is recorded.
    SetStartStage(Stage),
    /// Save a status report snapshot at `position` (clamped to the end).
    SaveReport {
        /// The snapshot; its id must be new.
        report: ReportSnapshot,
        /// Where it goes.
        position: usize,
    },
    /// Delete a saved report, leaving a tombstone.
    RemoveReport(ReportId),
}

/// A change to one field of a checklist item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemChange {
    /// New text (trimmed; never empty).
    Text(String),
    /// New answer, by whom and when. Clearing the answer (`None`) clears
    /// who and when too.
    Answer {
        /// The answer.
        answer: Option<Answer>,
        /// Who answered (trimmed; never empty with an answer).
        by: String,
        /// When.
        on: Option<NaiveDate>,
    },
    /// New comment.
    Comment(String),
}

/// Why a follow-up edit was refused. `Display` gives a Danish message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowupError {
    /// The item text is empty.
    EmptyItemText,
    /// An answer without who answered.
    MissingAnsweredBy,
    /// No checklist item has this id.
    UnknownItem(ItemId),
    /// A checklist item with this id exists already.
    DuplicateItem(ItemId),
    /// The decision does not leave the plan's current phase.
    NotCurrentPhase {
        /// The plan's stage.
        stage: Stage,
    },
    /// The checklist is not complete and no reason was given.
    ReasonRequired {
        /// Unanswered and unmet items and open activities.
        outstanding: usize,
    },
    /// The decision does not say who decided.
    MissingDecidedBy,
    /// The decision is dated before the previous one.
    DecisionBeforePrevious {
        /// The previous decision's date.
        previous: NaiveDate,
    },
    /// The decision is dated after today: a phase transition is recorded
    /// once it has been decided.
    DecisionInFuture(NaiveDate),
    /// Only the latest phase decision can be taken back.
    NotLatestDecision,
    /// A decision with this id exists already.
    DuplicateDecision,
    /// The start stage can only be set before any phase decision.
    HistoryNotEmpty,
    /// No saved report has this id.
    UnknownReport,
    /// A saved report with this id exists already.
    DuplicateReport,
}

impl std::fmt::Display for FollowupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FollowupError::EmptyItemText => write!(f, "Punktet skal have en tekst."),
            FollowupError::MissingAnsweredBy => {
                write!(f, "Skriv, hvem der besvarer punktet (feltet «Besvaret af»).")
            }
            FollowupError::UnknownItem(_) => write!(f, "Punktet findes ikke længere i tjeklisten."),
            FollowupError::DuplicateItem(id) => {
                write!(f, "Der findes allerede et punkt med id {}.", id.as_str())
            }
            FollowupError::NotCurrentPhase { stage } => write!(
                f,
                "Planen er i {}; kun den aktuelle fase kan forlades.",
                stage.label()
            ),
            FollowupError::ReasonRequired { outstanding } => write!(
                f,
                "Tjeklisten er ikke komplet ({} mangler). Skriv en begrundelse for at gå videre alligevel.",
                super::count(*outstanding, "punkt", "punkter")
            ),
            FollowupError::MissingDecidedBy => write!(f, "Skriv, hvem der har truffet beslutningen."),
            FollowupError::DecisionBeforePrevious { previous } => write!(
                f,
                "Datoen ligger før den forrige faseovergang ({}). Vælg en senere dato.",
                super::danish_date(*previous)
            ),
            FollowupError::DecisionInFuture(date) => write!(
                f,
                "Beslutningsdatoen ({}) ligger efter i dag. Registrér faseovergangen, når den er besluttet.",
                super::danish_date(*date)
            ),
            FollowupError::NotLatestDecision => {
                write!(f, "Kun den seneste faseovergang kan fortrydes.")
            }
            FollowupError::DuplicateDecision => write!(f, "Beslutningen er allerede registreret."),
            FollowupError::HistoryNotEmpty => write!(
                f,
                "Startfasen kan kun ændres, før der er registreret en faseovergang."
            ),
            FollowupError::UnknownReport => write!(f, "Rapporten findes ikke længere i planen."),
            FollowupError::DuplicateReport => write!(f, "Rapporten er allerede gemt."),
        }
    }
}

impl std::error::Error for FollowupError {}

impl Plan {
    /// Validates and applies a follow-up edit at `now`, returning its
    /// inverse. On error the plan is unchanged.
    pub(super) fn apply_followup(
        &mut self,
        edit: FollowupEdit,
        now: Timestamp,
    ) -> Result<FollowupEdit, FollowupError> {
        Ok(match edit {
            FollowupEdit::AddItem {
                phase,
                mut item,
                position,
            } => {
                let list = &mut self.checklists[phase.index()];
                if list.position(&item.id).is_some() {
                    return Err(FollowupError::DuplicateItem(item.id));
                }
                item.text = item.text.trim().to_string();
                check_item(&item)?;
                item.modified = now;
                let id = item.id.clone();
                list.items.insert(position.min(list.items.len()), item);
                self.untomb(RecordKind::ChecklistItem, id.as_str());
                FollowupEdit::RemoveItem { phase, id }
            }
            FollowupEdit::RemoveItem { phase, id } => {
                let list = &mut self.checklists[phase.index()];
                let position = list
                    .position(&id)
                    .ok_or_else(|| FollowupError::UnknownItem(id.clone()))?;
                let item = list.items.remove(position);
                self.tomb(RecordKind::ChecklistItem, id.0, now);
                FollowupEdit::AddItem {
                    phase,
                    item,
                    position,
                }
            }
            FollowupEdit::UpdateItem { phase, id, change } => {
                let list = &mut self.checklists[phase.index()];
                let position = list
                    .position(&id)
                    .ok_or_else(|| FollowupError::UnknownItem(id.clone()))?;
                let mut item = list.items[position].clone();
                let old = change_item(&mut item, change);
                check_item(&item)?;
                item.modified = now;
                list.items[position] = item;
                FollowupEdit::UpdateItem {
                    phase,
                    id,
                    change: old,
                }
            }
            FollowupEdit::Advance(decision) => {
                let id = decision.id.clone();
                self.advance(decision, now)?;
                FollowupEdit::Revert(id)
            }
            FollowupEdit::Revert(id) => {
                let decision = self
                    .phase_history
                    .pop_if(|d| d.id == id)
                    .ok_or(FollowupError::NotLatestDecision)?;
                self.stage = Stage::In(decision.from);
                self.tomb(RecordKind::PhaseDecision, id.0, now);
                FollowupEdit::Reinstate(decision)
            }
            FollowupEdit::Reinstate(decision) => {
                self.check_next_decision(&decision)?;
                let id = decision.id.clone();
                self.record_decision(decision);
                FollowupEdit::Revert(id)
            }
            FollowupEdit::SetStartStage(stage) => {
                if !self.phase_history.is_empty() {
                    return Err(FollowupError::HistoryNotEmpty);
                }
                self.stage_set = now;
                FollowupEdit::SetStartStage(std::mem::replace(&mut self.stage, stage))
            }
            FollowupEdit::SaveReport {
                mut report,
                position,
            } => {
                if self.report(&report.id).is_some() {
                    return Err(FollowupError::DuplicateReport);
                }
                report.modified = now;
                let id = report.id.clone();
                self.untomb(RecordKind::Report, id.as_str());
                self.reports
                    .insert(position.min(self.reports.len()), report);
                FollowupEdit::RemoveReport(id)
            }
            FollowupEdit::RemoveReport(id) => {
                let position = self
                    .reports
                    .iter()
                    .position(|r| r.id == id)
                    .ok_or(FollowupError::UnknownReport)?;
                let report = self.reports.remove(position);
                self.tomb(RecordKind::Report, id.0, now);
                FollowupEdit::SaveReport { report, position }
            }
        })
    }

    /// Records `decision` and moves the plan to the next stage.
    fn advance(
        &mut self,
        mut decision: PhaseDecision,
        now: Timestamp,
    ) -> Result<(), FollowupError> {
        self.check_next_decision(&decision)?;
        decision.decided_by = decision.decided_by.trim().to_string();
        decision.reason = decision.reason.trim().to_string();
        if decision.decided_by.is_empty() {
            return Err(FollowupError::MissingDecidedBy);
        }
        if now.local_date().is_some_and(|today| decision.date > today) {
            return Err(FollowupError::DecisionInFuture(decision.date));
        }
        if let Some(previous) = self
            .phase_history
            .last()
            .map(|d| d.date)
            .filter(|p| decision.date < *p)
        {
            return Err(FollowupError::DecisionBeforePrevious { previous });
        }
        let readiness = self.readiness(decision.from);
        if !readiness.complete() && decision.reason.is_empty() {
            return Err(FollowupError::ReasonRequired {
                outstanding: readiness.outstanding(),
            });
        }
        decision.to = Stage::after(decision.from);
        decision.score = readiness.score();
        decision.outstanding = readiness.outstanding() as u32;
        decision.overridden = !readiness.complete();
        decision.modified = now;
        self.record_decision(decision);
        Ok(())
    }

    /// Refuses a decision that does not leave the current phase or whose id
    /// is recorded already.
    fn check_next_decision(&self, decision: &PhaseDecision) -> Result<(), FollowupError> {
        if self.stage != Stage::In(decision.from) {
            return Err(FollowupError::NotCurrentPhase { stage: self.stage });
        }
        if self.phase_history.iter().any(|d| d.id == decision.id) {
            return Err(FollowupError::DuplicateDecision);
        }
        Ok(())
    }

    /// Appends a checked decision to the history and moves to its stage.
    fn record_decision(&mut self, decision: PhaseDecision) {
        self.untomb(RecordKind::PhaseDecision, decision.id.as_str());
        self.stage = decision.to;
        self.phase_history.push(decision);
    }

    fn tomb(&mut self, kind: RecordKind, id: String, now: Timestamp) {
        self.followup_tombstones.push(RecordTombstone {
            kind,
            id,
            deleted: now,
        });
    }

    fn untomb(&mut self, kind: RecordKind, id: &str) {
        self.followup_tombstones
            .retain(|t| !(t.kind == kind && t.id == id));
    }
}

/// Checks a checklist item's invariants.
fn check_item(item: &ChecklistItem) -> Result<(), FollowupError> {
    if item.text.trim().is_empty() {
        return Err(FollowupError::EmptyItemText);
    }
    if item.answer.is_some() && item.answered_by.trim().is_empty() {
        return Err(FollowupError::MissingAnsweredBy);
    }
    Ok(())
}

/// Applies `change` to `item` and returns the change that restores it.
fn change_item(item: &mut ChecklistItem, change: ItemChange) -> ItemChange {
    use std::mem::replace;
    match change {
        ItemChange::Text(t) => ItemChange::Text(replace(&mut item.text, t.trim().to_string())),
        ItemChange::Comment(t) => ItemChange::Comment(replace(&mut item.comment, t)),
        ItemChange::Answer { answer, by, on } => {
            let (by, on) = if answer.is_some() {
                (by.trim().to_string(), on)
            } else {
                (String::new(), None)
            };
            ItemChange::Answer {
                answer: replace(&mut item.answer, answer),
                by: replace(&mut item.answered_by, by),
                on: replace(&mut item.answered_on, on),
            }
        }
    }
}
