//! Tombstones of deleted records other than activities (benefit profiles,
//! measurements, map nodes and arrows; checklist items, phase decisions and
//! saved reports), kept so that merging copies does not bring them back.

use serde::{Deserialize, Serialize};

use super::Timestamp;

/// What kind of record a [`RecordTombstone`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RecordKind {
    /// A benefit profile.
    Benefit,
    /// A measurement of a benefit.
    Measurement,
    /// A node of the benefit map.
    MapNode,
    /// An arrow of the benefit map.
    Arrow,
    /// A checklist item.
    ChecklistItem,
    /// A phase decision.
    PhaseDecision,
    /// A saved report.
    Report,
}

impl RecordKind {
    /// All kinds.
    pub const ALL: [RecordKind; 7] = [
        RecordKind::Benefit,
        RecordKind::Measurement,
        RecordKind::MapNode,
        RecordKind::Arrow,
        RecordKind::ChecklistItem,
        RecordKind::PhaseDecision,
        RecordKind::Report,
    ];

    /// Stable machine key, used in the file format.
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Benefit => "benefit",
            RecordKind::Measurement => "measurement",
            RecordKind::MapNode => "node",
            RecordKind::Arrow => "arrow",
            RecordKind::ChecklistItem => "tjeklistepunkt",
            RecordKind::PhaseDecision => "fasebeslutning",
            RecordKind::Report => "statusrapport",
        }
    }

    /// Parses a key made by [`RecordKind::key`].
    pub fn from_key(key: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Whether the record belongs to the benefit side (profiles,
    /// measurements and the map) rather than the follow-up side.
    pub fn is_benefit(self) -> bool {
        matches!(
            self,
            RecordKind::Benefit | RecordKind::Measurement | RecordKind::MapNode | RecordKind::Arrow
        )
    }
}

/// A deleted record, kept so that merging copies does not bring it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordTombstone {
    /// What was deleted.
    pub kind: RecordKind,
    /// Its id.
    pub id: String,
    /// When it was deleted.
    pub deleted: Timestamp,
}
