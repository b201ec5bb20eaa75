//! The built-in Implementeringsmodellen template: phases, main tasks, the
//! 142 example activities, roles and the Danish municipalities.
//!
//! The data are Danish texts taken from KOMBIT's "Implementeringsmodellen"
//! (see `shared/DOMAIN.md`). Every plan records the [`TEMPLATE_VERSION`] it
//! was made from.

mod activities;
mod municipalities;
mod phases;
mod roles;
mod tasks;

mod benefit_map;
mod examples;

use crate::model::{Phase, PhaseSet, TaskGroup, TaskNo};

pub use municipalities::MUNICIPALITIES;
pub use roles::ROLES;

pub use benefit_map::{SuggestedNode, SUGGESTED_ARROWS, SUGGESTED_NODES};
pub use examples::{build_example, example, examples, BenefitStory, Person, Story};

/// Version of the built-in template. Bump it when template data change.
pub const TEMPLATE_VERSION: &str = "2026.1";

/// Template text for one phase (Figur 1, Tabel 1 and Tabel 2).
#[derive(Debug)]
pub struct PhaseInfo {
    /// Which phase.
    pub phase: Phase,
    /// The phase's focus (Figur 1).
    pub focus: &'static str,
    /// The outcome (effekt) of the phase (Tabel 1).
    pub effect: &'static str,
    /// The actors (aktører) of the phase (Tabel 1).
    pub actors: &'static str,
    /// Success factors (succeskriterier) of the phase (Tabel 2).
    pub success_factors: &'static [&'static str],
    /// "Succes forekommer når/hvis" statement (Tabel 2).
    pub success_when: &'static str,
}

/// Template text for one main task (hovedopgave).
#[derive(Debug)]
pub struct TaskInfo {
    /// Number 1 to 16.
    pub number: u8,
    /// Danish name, e.g. "Projektstyring".
    pub name: &'static str,
    /// Group in Skema 1.
    pub group: TaskGroup,
    /// One-paragraph description (Skema 1 / the task's section).
    pub description: &'static str,
    /// Purpose sentence ("At sikre ...").
    pub purpose: &'static str,
    /// Phases in which the task is active by default (DOMAIN.md).
    pub default_phases: &'static [Phase],
}

/// One example activity of the template.
#[derive(Debug)]
pub struct TemplateActivity {
    /// Stable key, e.g. "t03-02"; used to derive the activity's id in plans.
    pub key: &'static str,
    /// Main task number 1 to 16.
    pub task: u8,
    /// Danish title as in the seed.
    pub title: &'static str,
    /// Default phase, chosen from the activity's meaning.
    pub phase: Phase,
    /// Where in the phase window the activity sits by default, as
    /// (start, end) fractions of the window, 0.0 to 1.0 with start < end.
    pub span: (f32, f32),
}

/// The five phases' template texts in order.
pub fn phases() -> &'static [PhaseInfo] {
    phases::PHASES
}

/// Template text for `phase`.
pub fn phase(phase: Phase) -> &'static PhaseInfo {
    &phases::PHASES[phase.index()]
}

/// The sixteen main tasks' template texts in order.
pub fn tasks() -> &'static [TaskInfo] {
    tasks::TASKS
}

/// Template text for main task `no`.
pub fn task(no: TaskNo) -> &'static TaskInfo {
    &tasks::TASKS[usize::from(no.get()) - 1]
}

/// Default active phases of main task `no`.
pub fn default_phases(no: TaskNo) -> PhaseSet {
    PhaseSet::of(task(no).default_phases)
}

/// All 142 template activities, in main-task order.
pub fn activities() -> &'static [TemplateActivity] {
    activities::ACTIVITIES
}

#[cfg(test)]
mod tests;
