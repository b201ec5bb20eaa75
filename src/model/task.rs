//! Main tasks (hovedopgaver): numbers, groups and per-plan settings.

use serde::{Deserialize, Serialize};

use super::{PhaseSet, Timestamp};

/// Number of a main task, 1 to 16.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct TaskNo(u8);

impl TaskNo {
    /// How many main tasks the model has.
    pub const COUNT: u8 = 16;

    /// The main task with number `n`, if `n` is 1 to 16.
    pub fn new(n: u8) -> Option<TaskNo> {
        (1..=Self::COUNT).contains(&n).then_some(TaskNo(n))
    }

    /// The number, 1 to 16.
    pub fn get(self) -> u8 {
        self.0
    }

    /// All sixteen main task numbers in order.
    pub fn all() -> impl Iterator<Item = TaskNo> {
        (1..=Self::COUNT).map(TaskNo)
    }
}

impl TryFrom<u8> for TaskNo {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, Self::Error> {
        TaskNo::new(n).ok_or_else(|| format!("hovedopgave {n} findes ikke (skal være 1-16)"))
    }
}

impl From<TaskNo> for u8 {
    fn from(t: TaskNo) -> u8 {
        t.0
    }
}

/// The four groups of Skema 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TaskGroup {
    /// Uafhængige opgaver: continuous tasks, independent of one implementation.
    Uafhaengige,
    /// Projekt.
    Projekt,
    /// Organisatorisk implementering.
    Organisatorisk,
    /// Teknisk implementering.
    Teknisk,
}

impl TaskGroup {
    /// All groups in the order of Skema 1.
    pub const ALL: [TaskGroup; 4] = [
        TaskGroup::Uafhaengige,
        TaskGroup::Projekt,
        TaskGroup::Organisatorisk,
        TaskGroup::Teknisk,
    ];

    /// Danish name of the group.
    pub fn name(self) -> &'static str {
        match self {
            TaskGroup::Uafhaengige => "Uafhængige opgaver",
            TaskGroup::Projekt => "Projekt",
            TaskGroup::Organisatorisk => "Organisatorisk implementering",
            TaskGroup::Teknisk => "Teknisk implementering",
        }
    }
}

/// A plan's own settings for one main task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MainTask {
    /// Which main task.
    pub number: TaskNo,
    /// The phases in which the main task is active in this plan.
    pub phases: PhaseSet,
    /// When these settings last changed.
    pub modified: Timestamp,
}
