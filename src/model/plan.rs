//! The plan: one municipality implementing one solution.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    Activity, ActivityId, Benefit, BenefitMap, MainTask, Phase, PlanId, TaskNo, Timestamp,
};
use super::{Checklist, PhaseDecision, RecordTombstone, ReportSnapshot, Stage};

/// The shared IT solution a plan implements.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Solution {
    /// SAPA.
    Sapa,
    /// KY, Kommunernes Ydelsessystem.
    Ky,
    /// KSD, Kommunernes Sygedagpengesystem.
    Ksd,
    /// STS, Støttesystemerne.
    Sts,
    /// Another named solution.
    Other(String),
}

impl Solution {
    /// The named solutions offered by default.
    pub const KNOWN: [Solution; 4] = [Solution::Sapa, Solution::Ky, Solution::Ksd, Solution::Sts];

    /// Short name as shown and stored, e.g. "KY".
    pub fn name(&self) -> &str {
        match self {
            Solution::Sapa => "SAPA",
            Solution::Ky => "KY",
            Solution::Ksd => "KSD",
            Solution::Sts => "STS",
            Solution::Other(s) => s,
        }
    }

    /// Longer Danish description, where the model gives one.
    pub fn long_name(&self) -> Option<&'static str> {
        match self {
            Solution::Ky => Some("Kommunernes Ydelsessystem"),
            Solution::Ksd => Some("Kommunernes Sygedagpengesystem"),
            Solution::Sts => Some("Støttesystemerne"),
            Solution::Sapa | Solution::Other(_) => None,
        }
    }

    /// Reads a name: a known code (any case) becomes that solution, any other
    /// text an [`Solution::Other`]. The text is trimmed.
    pub fn parse(name: &str) -> Solution {
        let name = name.trim();
        Solution::KNOWN
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
            .unwrap_or_else(|| Solution::Other(name.to_string()))
    }
}

impl Serialize for Solution {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Solution {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Solution::parse(&String::deserialize(d)?))
    }
}

/// Planned start and end of a phase, both inclusive; start is never after end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PhaseWindow {
    /// First day of the phase.
    pub start: NaiveDate,
    /// Last day of the phase.
    pub end: NaiveDate,
}

impl PhaseWindow {
    /// Number of days in the window, counting both ends.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// Whether `date` lies inside the window.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// A record that was deleted, kept so that merging copies does not bring it back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// Id of the deleted activity.
    pub id: ActivityId,
    /// When it was deleted.
    pub deleted: Timestamp,
}

/// A municipality's implementation plan.
///
/// Fields are public for reading; change a plan only through
/// [`Plan::apply`](super::Plan::apply) with an [`Edit`](super::Edit), so that
/// its invariants hold and every change can be undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Stable id.
    pub id: PlanId,
    /// The plan's own name; empty means "<municipality> · <solution>".
    pub name: String,
    /// The municipality (kommune), e.g. "Aarhus".
    pub municipality: String,
    /// The solution being implemented.
    pub solution: Solution,
    /// When the plan was created.
    pub created: Timestamp,
    /// When anything in the plan last changed.
    pub modified: Timestamp,
    /// When the plan's own settings (municipality, solution, dates) last changed.
    pub settings_modified: Timestamp,
    /// Version of the template the plan was made from.
    pub template_version: String,
    /// Planned window of each phase, F0 to F4.
    pub phases: [PhaseWindow; 5],
    /// Planned go-live date.
    pub go_live: NaiveDate,
    /// The sixteen main tasks' settings, in number order.
    pub tasks: Vec<MainTask>,
    /// Activities, in display order.
    pub activities: Vec<Activity>,
    /// Deleted activities.
    pub tombstones: Vec<Tombstone>,
    /// Benefit profiles (gevinstprofiler), in display order.
    pub benefits: Vec<Benefit>,
    /// The benefit map (gevinstdiagram).
    pub benefit_map: BenefitMap,
    /// Deleted benefit profiles, measurements, map nodes and arrows.
    pub benefit_tombstones: Vec<RecordTombstone>,
    /// When this copy was last exchanged with another (exported, imported
    /// or merged): the point from which changes count when merging copies.
    pub exchanged: Timestamp,
    /// The phase the plan is in now (changed by phase decisions).
    pub stage: Stage,
    /// When the stage was last set by hand, before any phase decision
    /// (the plan's creation until then): the later setting wins a merge of
    /// two copies without decisions.
    pub stage_set: Timestamp,
    /// The checklist for leaving each phase, F0 to F4.
    pub checklists: [Checklist; 5],
    /// Phase decisions, oldest first.
    pub phase_history: Vec<PhaseDecision>,
    /// Saved status reports.
    pub reports: Vec<ReportSnapshot>,
    /// Deleted checklist items, phase decisions and reports.
    pub followup_tombstones: Vec<RecordTombstone>,
    /// The key of the built-in example this plan is a copy of, if any
    /// ("Nulstil" rebuilds the copy from it).
    pub example: Option<String>,
}

impl Plan {
    /// The window of `phase`.
    pub fn window(&self, phase: Phase) -> PhaseWindow {
        self.phases[phase.index()]
    }

    /// The plan's settings for main task `no`.
    pub fn task(&self, no: TaskNo) -> &MainTask {
        &self.tasks[usize::from(no.get()) - 1]
    }

    /// The activity with `id`, if any.
    pub fn activity(&self, id: &ActivityId) -> Option<&Activity> {
        self.activities.iter().find(|a| &a.id == id)
    }

    /// Position of the activity with `id` in [`Plan::activities`].
    pub fn position(&self, id: &ActivityId) -> Option<usize> {
        self.activities.iter().position(|a| &a.id == id)
    }

    /// The phase whose window holds `date`; the last such phase when windows
    /// overlap.
    pub fn phase_at(&self, date: NaiveDate) -> Option<Phase> {
        Phase::ALL
            .into_iter()
            .rev()
            .find(|p| self.window(*p).contains(date))
    }

    /// The municipality as written in running text, e.g. "Aarhus Kommune"
    /// (see [`kommune`]).
    pub fn kommune(&self) -> String {
        kommune(&self.municipality)
    }

    /// A note, in Danish, when the planned go-live lies outside the window
    /// of F3 Ibrugtagning, which the model starts at go-live. Nothing is
    /// refused for it: the user may be about to move the phases.
    pub fn go_live_note(&self) -> Option<String> {
        let f3 = self.window(Phase::F3);
        (!f3.contains(self.go_live)).then(|| {
            format!(
                "Go-live ({}) ligger uden for {} ({} – {}). Flyt go-live eller fasens datoer, så de passer sammen.",
                super::danish_date(self.go_live),
                Phase::F3.label(),
                super::danish_date(f3.start),
                super::danish_date(f3.end)
            )
        })
    }

    /// This plan as a new, separate plan with id `id`, named
    /// "<title> (<mark>)" so the two are told apart in Mine planer, created
    /// and modified at `now` and not yet exchanged with anyone. For
    /// "Duplikér" ("kopi") and for a file opened as a new plan while the
    /// plan it holds is stored here already ("importeret").
    pub fn copy_as(mut self, id: PlanId, mark: &str, now: Timestamp) -> Plan {
        self.name = format!("{} ({mark})", self.title());
        self.id = id;
        self.created = now;
        self.modified = now;
        self.exchanged = Timestamp(0);
        self
    }

    /// The plan's title: its name, or e.g. "Aarhus · KY".
    pub fn title(&self) -> String {
        if self.name.trim().is_empty() {
            format!("{} · {}", self.municipality, self.solution.name())
        } else {
            self.name.trim().to_string()
        }
    }
}

/// A municipality's name as written in running text: "Aarhus" becomes
/// "Aarhus Kommune", while a name the user already wrote in full
/// ("Aarhus Kommune", "Bornholms Regionskommune") is kept as it is, so
/// "Kommune" is never doubled. The two municipalities whose official names
/// differ get them: "København" is "Københavns Kommune" and "Bornholm"
/// "Bornholms Regionskommune". An empty name stays empty.
pub fn kommune(name: &str) -> String {
    let name = name.trim();
    match name.to_lowercase().as_str() {
        "københavn" => "Københavns Kommune".to_string(),
        "bornholm" => "Bornholms Regionskommune".to_string(),
        lower if lower.is_empty() || lower.ends_with("kommune") => name.to_string(),
        _ => format!("{name} Kommune"),
    }
}
