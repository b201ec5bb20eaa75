//! Tombstones of deleted benefit records (profiles, measurements, map nodes
//! and arrows), kept so that merging copies does not bring them back.

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
}

impl RecordKind {
    /// All kinds.
    pub const ALL: [RecordKind; 4] = [
        RecordKind::Benefit,
        RecordKind::Measurement,
        RecordKind::MapNode,
        RecordKind::Arrow,
    ];

    /// Stable machine key, used in the file format.
    pub fn key(self) -> &'static str {
        match self {
            RecordKind::Benefit => "benefit",
            RecordKind::Measurement => "measurement",
            RecordKind::MapNode => "node",
            RecordKind::Arrow => "arrow",
        }
    }

    /// Parses a key made by [`RecordKind::key`].
    pub fn from_key(key: &str) -> Option<RecordKind> {
        RecordKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// A deleted benefit record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordTombstone {
    /// What was deleted.
    pub kind: RecordKind,
    /// Its id.
    pub id: String,
    /// When it was deleted.
    pub deleted: Timestamp,
}
