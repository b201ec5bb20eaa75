//! Activities (opgaver/aktiviteter) and their status.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ActivityId, Phase, TaskNo, Timestamp};

/// Progress of an activity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Ikke startet.
    IkkeStartet,
    /// I gang.
    IGang,
    /// Færdig.
    Faerdig,
    /// Blokeret.
    Blokeret,
    /// Udgår: dropped from this plan, kept for the record.
    Udgaar,
}

impl Status {
    /// All statuses in display order.
    pub const ALL: [Status; 5] = [
        Status::IkkeStartet,
        Status::IGang,
        Status::Faerdig,
        Status::Blokeret,
        Status::Udgaar,
    ];

    /// Danish label.
    pub fn label(self) -> &'static str {
        match self {
            Status::IkkeStartet => "Ikke startet",
            Status::IGang => "I gang",
            Status::Faerdig => "Færdig",
            Status::Blokeret => "Blokeret",
            Status::Udgaar => "Udgår",
        }
    }

    /// Stable machine key, used in the file format and in the UI.
    pub fn key(self) -> &'static str {
        match self {
            Status::IkkeStartet => "ikke-startet",
            Status::IGang => "i-gang",
            Status::Faerdig => "faerdig",
            Status::Blokeret => "blokeret",
            Status::Udgaar => "udgaar",
        }
    }

    /// Parses a key made by [`Status::key`].
    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Where an activity came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Origin {
    /// From the built-in template, with the template activity's key.
    Template {
        /// Key of the template activity, e.g. "t03-02".
        key: String,
    },
    /// Added by the user.
    User,
}

/// One activity of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// Stable id.
    pub id: ActivityId,
    /// The main task the activity belongs to.
    pub task: TaskNo,
    /// The phase in which the activity takes place.
    pub phase: Phase,
    /// Short title; never empty.
    pub title: String,
    /// Longer description.
    pub description: String,
    /// Planned start.
    pub start: Option<NaiveDate>,
    /// Planned due date; never before `start`.
    pub due: Option<NaiveDate>,
    /// Responsible person (free text).
    pub responsible: String,
    /// Role of the responsible person (free text, e.g. "Projektleder").
    pub role: String,
    /// Progress.
    pub status: Status,
    /// When the activity was completed; only set while the status is
    /// [`Status::Faerdig`].
    pub completed: Option<NaiveDate>,
    /// Free notes.
    pub notes: String,
    /// Template or user.
    pub origin: Origin,
    /// When the activity last changed.
    pub modified: Timestamp,
}

impl Activity {
    /// Whether the activity is done.
    pub fn is_done(&self) -> bool {
        self.status == Status::Faerdig
    }

    /// Whether the activity counts in progress figures (it has not been dropped).
    pub fn counts(&self) -> bool {
        self.status != Status::Udgaar
    }

    /// Whether the activity is overdue on `today`: its due date has passed
    /// and it is neither done nor dropped.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.counts() && !self.is_done() && self.due.is_some_and(|d| d < today)
    }
}

/// A change to one field of an activity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActivityChange {
    /// New title.
    Title(String),
    /// New description.
    Description(String),
    /// Move to another main task and/or phase.
    Placement {
        /// Main task.
        task: TaskNo,
        /// Phase.
        phase: Phase,
    },
    /// New planned dates.
    Dates {
        /// Start.
        start: Option<NaiveDate>,
        /// Due date.
        due: Option<NaiveDate>,
    },
    /// New responsible person.
    Responsible(String),
    /// New role.
    Role(String),
    /// New status; `completed` is the completion date when the status is
    /// [`Status::Faerdig`] and ignored otherwise.
    Status {
        /// Status.
        status: Status,
        /// Completion date.
        completed: Option<NaiveDate>,
    },
    /// New notes.
    Notes(String),
}
