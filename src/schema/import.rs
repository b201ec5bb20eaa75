//! Reading a plan file: parse loose JSON, check the envelope, migrate older
//! versions, then validate every field into model types.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::{parse_timestamp, FORMAT_NAME, FORMAT_VERSION, MAX_DEPTH, MAX_FILE_BYTES};
use crate::catalog;
use crate::model::{
    Activity, ActivityId, FutureTimes, MainTask, Origin, Phase, PhaseSet, PhaseWindow, Plan,
    PlanId, Solution, Status, TaskNo, Timestamp, Tombstone,
};
use crate::model::{Checklist, Stage};

#[path = "import_followup.rs"]
mod followup;

mod benefits;

/// A plan read from a file, with what the envelope said.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The plan, validated.
    pub plan: Plan,
    /// The format version the file was written in (before migration).
    pub format_version: u32,
    /// When the file was written, if it says.
    pub saved_at: Option<Timestamp>,
    /// Change times that lay ahead of this computer's clock when the plan
    /// arrived (see [`Imported::arrived`]).
    pub clock_ahead: FutureTimes,
}

impl Imported {
    /// The plan as it arrives here at `now` from another computer (a file,
    /// a link): change times ahead of `now` are set back to it, and
    /// counted, so that a sender's clock running ahead does not make their
    /// records win every later merge.
    pub fn arrived(mut self, now: Timestamp) -> Imported {
        self.clock_ahead = self.plan.settle_future_times(now);
        self
    }

    /// A note for the user, in Danish, when change times were set back.
    pub fn clock_note(&self) -> Option<String> {
        // `latest` is set exactly when some time was set back.
        let FutureTimes { count, latest } = self.clock_ahead;
        Some(format!(
            "{} i planen lå ude i fremtiden (senest {}): afsenderens ur gik nok forkert. De er sat til nu.",
            crate::model::count(count, "ændringstid", "ændringstider"),
            crate::model::danish_date(latest?.local_date()?)
        ))
    }
}

/// Why a file could not be read. `Display` gives a Danish message that says
/// what is wrong and, where it helps, what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Size of the file in bytes.
        bytes: usize,
    },
    /// The file holds nothing (or only white space).
    Empty,
    /// The file is not valid JSON.
    NotJson {
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
    },
    /// The JSON is nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The JSON is not an Implan plan file.
    NotImplan,
    /// The file was written by a newer version of the format.
    NewerVersion {
        /// The file's format version.
        file: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A field is missing or wrong.
    Invalid {
        /// Path of the field, e.g. `plan.activities[3].due`.
        field: String,
        /// What is wrong, in Danish.
        problem: String,
    },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "Filen fylder {},{} MB; Implan kan højst læse {} MB. Kontrollér, at det er den rigtige fil.",
                // Tenths of a MB, rounded, without float formatting (which is large in wasm).
                (*bytes * 10 + 524_288) / 10_485_760,
                (*bytes * 10 + 524_288) / 1_048_576 % 10,
                MAX_FILE_BYTES / 1_048_576
            ),
            ImportError::Empty => write!(
                f,
                "Filen er tom. Den er måske ikke blevet gemt helt; bed afsenderen om at eksportere planen igen."
            ),
            ImportError::NotJson { line, column } => write!(
                f,
                "Filen er ikke en gyldig Implan-fil: den er ødelagt eller ikke JSON (fejl i linje {line}, kolonne {column}). Bed afsenderen om at eksportere planen igen."
            ),
            ImportError::TooDeep => write!(
                f,
                "Filen er ikke en Implan-fil: dens data er indlejret for dybt (mere end {MAX_DEPTH} niveauer)."
            ),
            ImportError::NotImplan => write!(
                f,
                "Filen er ikke en Implan-plan (feltet \"format\" mangler eller er ikke \"{FORMAT_NAME}\"). Vælg en fil, der er eksporteret fra Implan."
            ),
            ImportError::NewerVersion { file, supported } => write!(
                f,
                "Filen er gemt i formatversion {file}, men denne udgave af Implan kan kun læse op til version {supported}. Genindlæs siden for at hente den nyeste udgave af Implan, og prøv igen; kan den stadig ikke læse filen, så bed dem, der driver Implan i kommunen, om at opdatere den."
            ),
            ImportError::Invalid { field, problem } => {
                write!(
                    f,
                    "Feltet \"{field}\" {problem}. Filen er ikke indlæst. Den er måske rettet uden for Implan; bed afsenderen om at eksportere planen igen."
                )
            }
        }
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// What is wrong, in Danish, without advice meant for someone importing
    /// a file (used for data saved in the browser).
    pub fn reason(&self) -> String {
        match self {
            ImportError::TooLarge { bytes } => {
                format!("dataene fylder {} MB", format!("{:.1}", *bytes as f64 / 1_048_576.0).replace('.', ","))
            }
            ImportError::Empty => "dataene er tomme".to_string(),
            ImportError::NotJson { line, column } => {
                format!("dataene er ødelagte (ugyldig JSON i linje {line}, kolonne {column})")
            }
            ImportError::TooDeep => "dataene er indlejret for dybt".to_string(),
            ImportError::NotImplan => "dataene er ikke en Implan-plan".to_string(),
            ImportError::NewerVersion { file, supported } => format!(
                "dataene er gemt af en nyere udgave af Implan (formatversion {file}; denne udgave læser op til {supported}). Genindlæs siden for at hente den nyeste udgave af Implan"
            ),
            ImportError::Invalid { field, problem } => format!("feltet \"{field}\" {problem}"),
        }
    }
}

/// Reads a plan file from its text.
pub fn parse(text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if e.to_string().contains("recursion limit") {
            ImportError::TooDeep
        } else {
            ImportError::NotJson {
                line: e.line().max(1),
                column: e.column().max(1),
            }
        }
    })?;
    if depth(&value) > MAX_DEPTH {
        return Err(ImportError::TooDeep);
    }
    let root = value.as_object().ok_or(ImportError::NotImplan)?;
    if root.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(ImportError::NotImplan);
    }
    let version = match root.get("formatVersion") {
        Some(Value::Number(n)) => n.as_u64().filter(|v| (1..=u64::from(u32::MAX)).contains(v)),
        _ => None,
    }
    .ok_or_else(|| invalid("formatVersion", "skal være et helt tal fra 1 og op"))?
        as u32;
    if version > FORMAT_VERSION {
        return Err(ImportError::NewerVersion {
            file: version,
            supported: FORMAT_VERSION,
        });
    }
    let saved_at = root
        .get("savedAt")
        .and_then(Value::as_str)
        .and_then(parse_timestamp);
    let value = migrate(value, version);
    let root = Obj::root(value.as_object().ok_or(ImportError::NotImplan)?);
    let plan = read_plan(&root.obj("plan")?)?;
    Ok(Imported {
        plan,
        format_version: version,
        saved_at,
        clock_ahead: FutureTimes::default(),
    })
}

/// Each entry migrates a file from version `i + 1` to `i + 2`.
const MIGRATIONS: &[fn(Value) -> Value] = &[];

fn migrate(mut value: Value, from: u32) -> Value {
    for step in MIGRATIONS.iter().skip(from as usize - 1) {
        value = step(value);
    }
    value
}

/// Nesting depth of a JSON value, computed without recursion.
fn depth(value: &Value) -> usize {
    let mut max = 0;
    let mut stack = vec![(value, 1usize)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        match v {
            Value::Array(items) => stack.extend(items.iter().map(|i| (i, d + 1))),
            Value::Object(map) => stack.extend(map.values().map(|i| (i, d + 1))),
            _ => {}
        }
    }
    max
}

fn invalid(field: &str, problem: &str) -> ImportError {
    ImportError::Invalid {
        field: field.to_string(),
        problem: problem.to_string(),
    }
}

/// A JSON object together with its path, for error messages.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: String,
}

impl<'a> Obj<'a> {
    fn root(map: &'a Map<String, Value>) -> Obj<'a> {
        Obj {
            map,
            path: String::new(),
        }
    }

    fn field(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    fn err(&self, key: &str, problem: &str) -> ImportError {
        invalid(&self.field(key), problem)
    }

    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn obj(&self, key: &str) -> Result<Obj<'a>, ImportError> {
        match self.get(key) {
            Some(Value::Object(map)) => Ok(Obj {
                map,
                path: self.field(key),
            }),
            Some(_) => Err(self.err(key, "skal være et objekt")),
            None => Err(self.err(key, "mangler")),
        }
    }

    /// The items of an array of objects; a missing array is empty.
    fn list(&self, key: &str) -> Result<Vec<Obj<'a>>, ImportError> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let path = format!("{}[{i}]", self.field(key));
                    v.as_object()
                        .map(|map| Obj {
                            map,
                            path: path.clone(),
                        })
                        .ok_or_else(|| invalid(&path, "skal være et objekt"))
                })
                .collect(),
            Some(_) => Err(self.err(key, "skal være en liste")),
        }
    }

    fn text(&self, key: &str) -> Result<String, ImportError> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(self.err(key, "skal være tekst")),
        }
    }

    fn required_text(&self, key: &str) -> Result<String, ImportError> {
        let s = self.text(key)?;
        if s.trim().is_empty() {
            Err(self.err(key, "mangler eller er tomt"))
        } else {
            Ok(s)
        }
    }

    fn date(&self, key: &str) -> Result<Option<NaiveDate>, ImportError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => {
                crate::model::parse_iso_date(s.trim())
                    .map(Some)
                    .ok_or_else(|| {
                        self.err(
                            key,
                            &format!(
                                "er ikke en gyldig dato (\"{}\"; forventet ÅÅÅÅ-MM-DD)",
                                clip(s)
                            ),
                        )
                    })
            }
            Some(_) => Err(self.err(key, "skal være en dato som tekst (ÅÅÅÅ-MM-DD)")),
        }
    }

    fn required_date(&self, key: &str) -> Result<NaiveDate, ImportError> {
        self.date(key)?
            .ok_or_else(|| self.err(key, "mangler (forventet en dato ÅÅÅÅ-MM-DD)"))
    }

    fn timestamp(&self, key: &str, default: Timestamp) -> Result<Timestamp, ImportError> {
        match self.get(key) {
            None => Ok(default),
            Some(Value::String(s)) => parse_timestamp(s).ok_or_else(|| {
                self.err(
                    key,
                    &format!("er ikke et gyldigt tidspunkt (\"{}\")", clip(s)),
                )
            }),
            Some(_) => Err(self.err(key, "skal være et tidspunkt som tekst")),
        }
    }

    fn phase(&self, key: &str) -> Result<Phase, ImportError> {
        match self.get(key) {
            Some(Value::String(s)) => Phase::from_code(s).ok_or_else(|| {
                self.err(
                    key,
                    &format!("er ikke en fase (\"{}\"; forventet F0-F4)", clip(s)),
                )
            }),
            Some(_) => Err(self.err(key, "skal være en fase som tekst (F0-F4)")),
            None => Err(self.err(key, "mangler (forventet F0-F4)")),
        }
    }

    fn task_no(&self, key: &str) -> Result<TaskNo, ImportError> {
        self.get(key)
            .and_then(Value::as_u64)
            .and_then(|n| u8::try_from(n).ok())
            .and_then(TaskNo::new)
            .ok_or_else(|| self.err(key, "skal være et hovedopgavenummer fra 1 til 16"))
    }
}

/// Shortens a quoted value for a message.
fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

fn read_plan(p: &Obj<'_>) -> Result<Plan, ImportError> {
    let modified = p.timestamp("modified", Timestamp(0))?;
    let created = p.timestamp("created", modified)?;
    let solution = Solution::parse(&p.required_text("solution")?);
    let mut phases = Vec::with_capacity(5);
    let listed = p.list("phases")?;
    for phase in Phase::ALL {
        let entry = listed
            .iter()
            .find(|o| {
                o.get("phase")
                    .and_then(Value::as_str)
                    .and_then(Phase::from_code)
                    == Some(phase)
            })
            .ok_or_else(|| p.err("phases", &format!("mangler {}", phase.label())))?;
        let window = PhaseWindow {
            start: entry.required_date("start")?,
            end: entry.required_date("end")?,
        };
        if window.end < window.start {
            return Err(entry.err("end", "ligger før fasens start"));
        }
        phases.push(window);
    }
    let phases: [PhaseWindow; 5] = phases
        .try_into()
        .map_err(|_| p.err("phases", "skal have fem faser"))?;
    let tasks = read_tasks(p, modified)?;
    let mut plan = Plan {
        id: PlanId(p.required_text("id")?),
        name: p.text("name")?.trim().to_string(),
        municipality: p.required_text("municipality")?.trim().to_string(),
        solution,
        created,
        modified,
        settings_modified: p.timestamp("settingsModified", modified)?,
        template_version: {
            let v = p.text("templateVersion")?;
            if v.is_empty() {
                catalog::TEMPLATE_VERSION.to_string()
            } else {
                v
            }
        },
        phases,
        go_live: p.required_date("goLive")?,
        tasks,
        activities: Vec::new(),
        tombstones: Vec::new(),
        benefits: Vec::new(),
        benefit_map: Default::default(),
        benefit_tombstones: Vec::new(),
        exchanged: p.timestamp("exchanged", Timestamp(0))?,
        stage: Stage::In(Phase::F0),
        stage_set: created,
        checklists: Checklist::all_from_catalog(modified),
        phase_history: Vec::new(),
        reports: Vec::new(),
        followup_tombstones: Vec::new(),
        example: Some(
            p.text("example")?
                .trim()
                .chars()
                .take(100)
                .collect::<String>(),
        )
        .filter(|k| !k.is_empty()),
    };
    let mut seen = std::collections::HashSet::new();
    for a in p.list("activities")? {
        let activity = read_activity(&a, modified)?;
        if !seen.insert(activity.id.clone()) {
            return Err(a.err(
                "id",
                &format!(
                    "\"{}\" findes to gange; id'er skal være unikke",
                    clip(activity.id.as_str())
                ),
            ));
        }
        plan.check_activity(&activity)
            .map_err(|e| a.err("phase", &format!("er ugyldig: {e}")))?;
        plan.activities.push(activity);
    }
    for t in p.list("tombstones")? {
        let id = ActivityId(t.required_text("id")?);
        if !seen.contains(&id) {
            plan.tombstones.push(Tombstone {
                id,
                deleted: t.timestamp("deleted", modified)?,
            });
        }
    }
    benefits::read(&mut plan, p, modified)?;
    followup::read(p, &mut plan, modified)?;
    Ok(plan)
}

fn read_tasks(p: &Obj<'_>, modified: Timestamp) -> Result<Vec<MainTask>, ImportError> {
    let mut tasks: Vec<Option<MainTask>> = vec![None; usize::from(TaskNo::COUNT)];
    for t in p.list("tasks")? {
        let number = t.task_no("number")?;
        let mut phases = PhaseSet::EMPTY;
        match t.get("phases") {
            Some(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let phase = item.as_str().and_then(Phase::from_code).ok_or_else(|| {
                        invalid(
                            &format!("{}[{i}]", t.field("phases")),
                            "er ikke en fase (forventet F0-F4)",
                        )
                    })?;
                    phases = phases.with(phase);
                }
            }
            _ => return Err(t.err("phases", "skal være en liste af faser")),
        }
        if phases.is_empty() {
            return Err(t.err(
                "phases",
                "er tom; en hovedopgave skal være aktiv i mindst én fase",
            ));
        }
        let slot = &mut tasks[usize::from(number.get()) - 1];
        if slot.is_some() {
            return Err(t.err("number", &format!("{} findes to gange", number.get())));
        }
        *slot = Some(MainTask {
            number,
            phases,
            modified: t.timestamp("modified", modified)?,
        });
    }
    Ok(TaskNo::all()
        .zip(tasks)
        .map(|(number, t)| {
            t.unwrap_or(MainTask {
                number,
                phases: catalog::default_phases(number),
                modified,
            })
        })
        .collect())
}

fn read_activity(a: &Obj<'_>, modified: Timestamp) -> Result<Activity, ImportError> {
    let status = match a.get("status") {
        None => Status::IkkeStartet,
        Some(Value::String(s)) => Status::from_key(s).ok_or_else(|| {
            a.err("status", &format!("er ikke en kendt status (\"{}\"; forventet ikke-startet, i-gang, faerdig, blokeret eller udgaar)", clip(s)))
        })?,
        Some(_) => Err(a.err("status", "skal være tekst"))?,
    };
    let start = a.date("start")?;
    let due = a.date("due")?;
    if let (Some(s), Some(d)) = (start, due) {
        if d < s {
            return Err(a.err("due", "ligger før startdatoen"));
        }
    }
    let key = a.text("templateKey")?;
    Ok(Activity {
        id: ActivityId(a.required_text("id")?),
        task: a.task_no("task")?,
        phase: a.phase("phase")?,
        title: a.required_text("title")?,
        description: a.text("description")?,
        start,
        due,
        responsible: a.text("responsible")?,
        role: a.text("role")?,
        status,
        completed: if status == Status::Faerdig {
            a.date("completed")?
        } else {
            None
        },
        notes: a.text("notes")?,
        origin: if key.is_empty() {
            Origin::User
        } else {
            Origin::Template { key }
        },
        modified: a.timestamp("modified", modified)?,
    })
}
