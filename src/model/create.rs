//! Creating a new plan from the built-in template.

use chrono::{Duration, Months, NaiveDate};

use super::{
    Activity, ActivityId, BenefitMap, Checklist, MainTask, Origin, Phase, PhaseWindow, Plan,
    PlanId, Solution, Stage, Status, TaskNo, Timestamp,
};
use crate::catalog;

/// What the user enters in "Ny plan".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSetup {
    /// The new plan's id.
    pub id: PlanId,
    /// The municipality.
    pub municipality: String,
    /// The solution.
    pub solution: Solution,
    /// Planned go-live date.
    pub go_live: NaiveDate,
    /// Start date of F1 Initiering.
    pub f1_start: NaiveDate,
    /// Phase windows; when `None`, [`propose_phase_windows`] decides them.
    pub phases: Option<[PhaseWindow; 5]>,
}

/// Why a plan could not be created. `Display` gives a Danish message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CreateError {
    /// No municipality given.
    EmptyMunicipality,
    /// No solution given.
    EmptySolution,
    /// Go-live is too close to (or before) the start of F1.
    GoLiveTooEarly {
        /// The earliest go-live date that is accepted.
        earliest: NaiveDate,
    },
    /// A phase window ends before it starts.
    WindowEndsBeforeStart(Phase),
}

impl std::fmt::Display for CreateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CreateError::EmptyMunicipality => write!(f, "Skriv kommunens navn."),
            CreateError::EmptySolution => write!(f, "Vælg eller skriv løsningens navn."),
            CreateError::GoLiveTooEarly { earliest } => write!(
                f,
                "Go-live skal ligge mindst {MIN_WEEKS_TO_GO_LIVE} uger efter start af F1 Initiering, dvs. tidligst {}.",
                super::danish_date(*earliest)
            ),
            CreateError::WindowEndsBeforeStart(p) => {
                write!(f, "{} slutter før den starter.", p.label())
            }
        }
    }
}

impl std::error::Error for CreateError {}

/// The least number of weeks from the start of F1 to go-live.
pub const MIN_WEEKS_TO_GO_LIVE: i64 = 8;

/// Proposes phase windows from the start of F1 and the go-live date.
///
/// F0 covers the three months before F1; F1 takes the first quarter of the
/// time to go-live and F2, the longest phase, the rest up to the day before
/// go-live; F3 starts at go-live and lasts three months; F4 the six months
/// after.
pub fn propose_phase_windows(
    f1_start: NaiveDate,
    go_live: NaiveDate,
) -> Result<[PhaseWindow; 5], CreateError> {
    let earliest = f1_start + Duration::weeks(MIN_WEEKS_TO_GO_LIVE);
    if go_live < earliest {
        return Err(CreateError::GoLiveTooEarly { earliest });
    }
    let day = Duration::days(1);
    let to_go_live = (go_live - f1_start).num_days();
    let f2_start = f1_start + Duration::days(to_go_live / 4);
    let f0_start = f1_start
        .checked_sub_months(Months::new(3))
        .unwrap_or(f1_start - Duration::days(91));
    let f3_end = go_live
        .checked_add_months(Months::new(3))
        .unwrap_or(go_live + Duration::days(91))
        - day;
    let f4_end = (f3_end + day)
        .checked_add_months(Months::new(6))
        .unwrap_or(f3_end + Duration::days(183))
        - day;
    Ok([
        PhaseWindow {
            start: f0_start,
            end: f1_start - day,
        },
        PhaseWindow {
            start: f1_start,
            end: f2_start - day,
        },
        PhaseWindow {
            start: f2_start,
            end: go_live - day,
        },
        PhaseWindow {
            start: go_live,
            end: f3_end,
        },
        PhaseWindow {
            start: f3_end + day,
            end: f4_end,
        },
    ])
}

/// The date at fraction `f` (0.0 to 1.0) of `window`.
fn date_at(window: PhaseWindow, f: f32) -> NaiveDate {
    let span = (window.days() - 1) as f32;
    let offset = (span * f.clamp(0.0, 1.0)).round() as i64;
    window.start + Duration::days(offset)
}

/// The id a template activity gets in every plan.
pub fn template_activity_id(key: &str) -> ActivityId {
    ActivityId(key.to_string())
}

impl Plan {
    /// Creates a plan from the built-in template: all sixteen main tasks with
    /// their default phases, and every template activity in its default phase
    /// with start and due dates inside that phase's window.
    pub fn from_template(setup: PlanSetup, now: Timestamp) -> Result<Plan, CreateError> {
        let municipality = setup.municipality.trim().to_string();
        if municipality.is_empty() {
            return Err(CreateError::EmptyMunicipality);
        }
        if setup.solution.name().trim().is_empty() {
            return Err(CreateError::EmptySolution);
        }
        let phases = match setup.phases {
            Some(p) => p,
            None => propose_phase_windows(setup.f1_start, setup.go_live)?,
        };
        if let Some(p) = Phase::ALL
            .into_iter()
            .find(|p| phases[p.index()].end < phases[p.index()].start)
        {
            return Err(CreateError::WindowEndsBeforeStart(p));
        }
        let tasks = TaskNo::all()
            .map(|number| MainTask {
                number,
                phases: catalog::default_phases(number),
                modified: now,
            })
            .collect();
        let activities = catalog::activities()
            .iter()
            .filter_map(|t| {
                let task = TaskNo::new(t.task)?;
                let window = phases[t.phase.index()];
                Some(Activity {
                    id: template_activity_id(t.key),
                    task,
                    phase: t.phase,
                    title: t.title.to_string(),
                    description: String::new(),
                    start: Some(date_at(window, t.span.0)),
                    due: Some(date_at(window, t.span.1)),
                    responsible: String::new(),
                    role: String::new(),
                    status: Status::IkkeStartet,
                    completed: None,
                    notes: String::new(),
                    origin: Origin::Template {
                        key: t.key.to_string(),
                    },
                    modified: now,
                })
            })
            .collect();
        let benefit_map = BenefitMap::suggested(&setup.solution, now);
        Ok(Plan {
            id: setup.id,
            name: String::new(),
            municipality,
            solution: setup.solution,
            created: now,
            modified: now,
            settings_modified: now,
            template_version: catalog::TEMPLATE_VERSION.to_string(),
            phases,
            go_live: setup.go_live,
            tasks,
            activities,
            tombstones: Vec::new(),
            benefits: Vec::new(),
            benefit_map,
            benefit_tombstones: Vec::new(),
            exchanged: Timestamp(0),
            stage: Stage::In(Phase::F0),
            stage_set: now,
            checklists: Checklist::all_from_catalog(now),
            phase_history: Vec::new(),
            reports: Vec::new(),
            followup_tombstones: Vec::new(),
            example: None,
        }
        .with_stage_on(now))
    }
}

impl Plan {
    /// The plan with its stage set to the phase of `now`'s date.
    fn with_stage_on(mut self, now: Timestamp) -> Plan {
        if let Some(today) = now.local_date() {
            self.stage = Stage::on_date(&self, today);
        }
        self
    }
}

impl Activity {
    /// A new activity added by the user, not started and without dates.
    pub fn new_user(
        id: ActivityId,
        task: TaskNo,
        phase: Phase,
        title: &str,
        now: Timestamp,
    ) -> Activity {
        Activity {
            id,
            task,
            phase,
            title: title.trim().to_string(),
            description: String::new(),
            start: None,
            due: None,
            responsible: String::new(),
            role: String::new(),
            status: Status::IkkeStartet,
            completed: None,
            notes: String::new(),
            origin: Origin::User,
            modified: now,
        }
    }
}
