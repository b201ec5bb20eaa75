//! The plan's current phase and the recorded decisions to move on: each
//! phase transition is a checkpoint, decided by someone on a date, with the
//! readiness score at that moment and, when the checklist was not complete,
//! the written reason for going on anyway.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Phase, Plan, Timestamp};

/// Where a plan stands: in one of the five phases, or closed after F4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    /// In this phase.
    In(Phase),
    /// F4 Forankring has been closed.
    Closed,
}

impl Stage {
    /// Every stage in order.
    pub const ALL: [Stage; 6] = [
        Stage::In(Phase::F0),
        Stage::In(Phase::F1),
        Stage::In(Phase::F2),
        Stage::In(Phase::F3),
        Stage::In(Phase::F4),
        Stage::Closed,
    ];

    /// The stage after leaving `phase`.
    pub fn after(phase: Phase) -> Stage {
        phase.next().map_or(Stage::Closed, Stage::In)
    }

    /// The phase, unless closed.
    pub fn phase(self) -> Option<Phase> {
        match self {
            Stage::In(p) => Some(p),
            Stage::Closed => None,
        }
    }

    /// Stable machine key: the phase code ("F2") or "afsluttet".
    pub fn key(self) -> &'static str {
        match self {
            Stage::In(p) => p.code(),
            Stage::Closed => "afsluttet",
        }
    }

    /// Parses a key made by [`Stage::key`] (case-insensitive).
    pub fn from_key(key: &str) -> Option<Stage> {
        if key.trim().eq_ignore_ascii_case("afsluttet") {
            Some(Stage::Closed)
        } else {
            Phase::from_code(key).map(Stage::In)
        }
    }

    /// Danish label, e.g. "F2 Forberedelse" or "Afsluttet".
    pub fn label(self) -> String {
        match self {
            Stage::In(p) => p.label(),
            Stage::Closed => "Afsluttet".to_string(),
        }
    }

    /// The stage of a new plan on `today`: the phase whose window holds the
    /// date, F0 before the plan's phases and F4 after them.
    pub fn on_date(plan: &Plan, today: NaiveDate) -> Stage {
        let phase = match plan.phase_at(today) {
            Some(p) => p,
            None if today > plan.window(Phase::F4).end => Phase::F4,
            None => Phase::F0,
        };
        Stage::In(phase)
    }
}

/// Stable id of a phase decision; kept across export and import.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DecisionId(pub String);

impl DecisionId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A recorded decision to leave a phase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhaseDecision {
    /// Stable id.
    pub id: DecisionId,
    /// The phase that was left.
    pub from: Phase,
    /// The stage moved to.
    pub to: Stage,
    /// The date of the decision.
    pub date: NaiveDate,
    /// Who decided; never empty.
    pub decided_by: String,
    /// The readiness score of the checklist when deciding, in percent.
    pub score: Option<u8>,
    /// How many items stood in the way when deciding (unanswered, unmet
    /// and open activities).
    pub outstanding: u32,
    /// Whether the checklist was not complete and the move was forced.
    pub overridden: bool,
    /// Why the move was forced (never empty then), or a comment.
    pub reason: String,
    /// When the decision was recorded.
    pub modified: Timestamp,
}

impl PhaseDecision {
    /// A decision to leave `from` on `date`; the score, outstanding count
    /// and `overridden` are filled in from the checklist when applied.
    pub fn new(
        id: DecisionId,
        from: Phase,
        date: NaiveDate,
        decided_by: &str,
        reason: &str,
    ) -> PhaseDecision {
        PhaseDecision {
            id,
            from,
            to: Stage::after(from),
            date,
            decided_by: decided_by.trim().to_string(),
            score: None,
            outstanding: 0,
            overridden: false,
            reason: reason.trim().to_string(),
            modified: Timestamp(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_keys_round_trip_and_order() {
        for s in Stage::ALL {
            assert_eq!(Stage::from_key(s.key()), Some(s));
        }
        assert_eq!(Stage::from_key("AFSLUTTET"), Some(Stage::Closed));
        assert_eq!(Stage::from_key("F9"), None);
        assert_eq!(Stage::after(Phase::F1), Stage::In(Phase::F2));
        assert_eq!(Stage::after(Phase::F4), Stage::Closed);
        assert!(Stage::In(Phase::F4) < Stage::Closed);
        assert_eq!(Stage::Closed.label(), "Afsluttet");
    }
}
