//! Where plans live in storage, and how they are listed, loaded, saved,
//! snapshotted and deleted.
//!
//! Keys: `implan.current` (id of the open plan), `implan.plan.<id>` (the
//! plan as a file in the Implan format), `implan.rev.<id>` (a revision
//! number raised by every save, so a tab holding an older revision never
//! overwrites a newer one) and `implan.snap.<time>.<reason>.<id>`
//! (snapshots).

use super::backend::units;
use super::{Backend, StorageError, Text};
use crate::model::{Phase, Plan, PlanId, Timestamp};
use crate::schema::{self, ImportError};

/// Key holding the id of the plan that was open last.
pub const CURRENT_KEY: &str = "implan.current";

/// Prefix of the keys holding plans: `implan.plan.<id>`.
pub const PLAN_PREFIX: &str = "implan.plan.";

/// Prefix of the keys holding revisions: `implan.rev.<id>`.
pub const REV_PREFIX: &str = "implan.rev.";

/// Prefix of the keys holding snapshots: `implan.snap.<ms>.<reason>.<id>`.
pub const SNAP_PREFIX: &str = "implan.snap.";

/// The browsers' local storage quota: 5 Mi UTF-16 code units per origin
/// (keys and values counted together), in Chromium and Firefox alike.
pub const QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// Snapshots are pruned, oldest first, to stay within this share of the quota.
pub const SNAPSHOT_SHARE: f64 = 0.4;

/// At most this many snapshots are kept.
pub const MAX_SNAPSHOTS: usize = 30;

/// A stored revision: a counter raised by every save, and who wrote it
/// (a random id per browser tab), so two tabs that save at the same moment
/// never take each other's revision for their own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Revision {
    /// How many saves the plan has had.
    pub number: u64,
    /// The writer's id.
    pub writer: String,
}

impl Revision {
    /// The revision after this one, written by `writer`.
    pub fn next(&self, writer: &str) -> Revision {
        Revision {
            number: self.number + 1,
            writer: writer.to_string(),
        }
    }

    /// Reads "12:tab-id" (or a bare number).
    pub fn parse(text: &str) -> Revision {
        let (number, writer) = text.trim().split_once(':').unwrap_or((text.trim(), ""));
        Revision {
            number: number.parse().unwrap_or(0),
            writer: writer.to_string(),
        }
    }
}

impl std::fmt::Display for Revision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.number, self.writer)
    }
}

/// Saved data that could not be read. It stays where it is, untouched,
/// until the user removes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorruptEntry {
    /// The storage key.
    pub key: String,
    /// The stored text, exactly as found.
    pub text: String,
    /// Why it could not be read.
    pub error: ImportError,
}

/// The result of loading at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// The plan to open: the current one, or else the most recently changed
    /// readable one.
    pub plan: Option<Plan>,
    /// The stored revision of that plan.
    pub revision: Revision,
    /// Saved plans that could not be read.
    pub corrupt: Vec<CorruptEntry>,
}

/// A saved plan as listed in "Mine planer".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSummary {
    /// Id.
    pub id: PlanId,
    /// The plan's own name (may be empty).
    pub name: String,
    /// Municipality.
    pub municipality: String,
    /// Solution name.
    pub solution: String,
    /// The phase the plan's dates place `today` in.
    pub phase: Option<Phase>,
    /// Last change.
    pub modified: Timestamp,
    /// Number of activities.
    pub activities: usize,
    /// Space the plan takes, in UTF-16 code units.
    pub units: usize,
}

/// Why a snapshot was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapshotReason {
    /// Before an import replaced or added data.
    Import,
    /// Before the plan was replaced by a file.
    Replace,
    /// Before a merge.
    Merge,
    /// Before the plan was deleted.
    Delete,
    /// The first save of a day.
    Daily,
    /// Before a snapshot was restored.
    Restore,
    /// Before a copy of an example was reset ("Nulstil").
    Reset,
}

impl SnapshotReason {
    const ALL: [SnapshotReason; 7] = [
        SnapshotReason::Import,
        SnapshotReason::Replace,
        SnapshotReason::Merge,
        SnapshotReason::Delete,
        SnapshotReason::Daily,
        SnapshotReason::Restore,
        SnapshotReason::Reset,
    ];

    /// Key part.
    pub fn key(self) -> &'static str {
        match self {
            SnapshotReason::Import => "import",
            SnapshotReason::Replace => "replace",
            SnapshotReason::Merge => "merge",
            SnapshotReason::Delete => "delete",
            SnapshotReason::Daily => "daily",
            SnapshotReason::Restore => "restore",
            SnapshotReason::Reset => "reset",
        }
    }

    /// Danish description.
    pub fn label(self) -> &'static str {
        match self {
            SnapshotReason::Import => "Før import",
            SnapshotReason::Replace => "Før planen blev erstattet",
            SnapshotReason::Merge => "Før fletning",
            SnapshotReason::Delete => "Før sletning",
            SnapshotReason::Daily => "Dagens første ændring",
            SnapshotReason::Restore => "Før gendannelse",
            SnapshotReason::Reset => "Før nulstilling",
        }
    }

    fn from_key(key: &str) -> Option<SnapshotReason> {
        SnapshotReason::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// A stored snapshot, as listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotInfo {
    /// Storage key.
    pub key: String,
    /// Plan id.
    pub plan: PlanId,
    /// When it was taken.
    pub at: Timestamp,
    /// Why.
    pub reason: SnapshotReason,
}

/// Why a checked save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Storage failed.
    Storage(StorageError),
    /// Another tab saved a newer revision since this one was loaded.
    Conflict {
        /// The stored revision.
        stored: Revision,
    },
}

impl From<StorageError> for SaveError {
    fn from(e: StorageError) -> Self {
        SaveError::Storage(e)
    }
}

/// Plans in a [`Backend`].
#[derive(Debug)]
pub struct Store<B: Backend> {
    backend: B,
}

/// The key of the plan with `id`.
pub fn plan_key(id: &PlanId) -> String {
    format!("{PLAN_PREFIX}{}", id.as_str())
}

/// The key of the revision of the plan with `id`.
pub fn rev_key(id: &PlanId) -> String {
    format!("{REV_PREFIX}{}", id.as_str())
}

impl<B: Backend> Store<B> {
    /// A store over `backend`.
    pub fn new(backend: B) -> Store<B> {
        Store { backend }
    }

    /// The backend.
    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// Loads the plan to open and lists saved data that cannot be read.
    /// Nothing is written.
    pub fn load(&self) -> Result<Loaded, StorageError> {
        let current = self.backend.get(CURRENT_KEY)?.map(PlanId);
        let mut loaded = Loaded::default();
        let mut chosen_is_current = false;
        for key in self.plan_keys()? {
            let Some(text) = self.backend.get(&key)? else {
                continue;
            };
            match schema::parse(&text) {
                Ok(imported) => {
                    let plan = imported.plan;
                    let is_current =
                        current.as_ref() == Some(&plan.id) && key == plan_key(&plan.id);
                    let better = match &loaded.plan {
                        None => true,
                        Some(p) => !chosen_is_current && (is_current || plan.modified > p.modified),
                    };
                    if better {
                        chosen_is_current = is_current;
                        loaded.revision = self.revision(&plan.id)?;
                        loaded.plan = Some(plan);
                    }
                }
                Err(error) => loaded.corrupt.push(CorruptEntry { key, text, error }),
            }
        }
        Ok(loaded)
    }

    fn plan_keys(&self) -> Result<Vec<String>, StorageError> {
        let mut keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(PLAN_PREFIX))
            .collect();
        crate::model::sort_by(&mut keys, &|a, b| a.cmp(b));
        Ok(keys)
    }

    /// Lists the readable saved plans (newest change first) and the
    /// unreadable ones.
    pub fn list(
        &self,
        today: chrono::NaiveDate,
    ) -> Result<(Vec<PlanSummary>, Vec<CorruptEntry>), StorageError> {
        let mut plans = Vec::new();
        let mut corrupt = Vec::new();
        for key in self.plan_keys()? {
            let Some(text) = self.backend.get(&key)? else {
                continue;
            };
            match schema::parse(&text) {
                Ok(imported) => {
                    let p = imported.plan;
                    plans.push(PlanSummary {
                        phase: p.phase_at(today),
                        name: p.name.clone(),
                        municipality: p.municipality.clone(),
                        solution: p.solution.name().to_string(),
                        modified: p.modified,
                        activities: p.activities.len(),
                        units: units(&key) + units(&text),
                        id: p.id,
                    });
                }
                Err(error) => corrupt.push(CorruptEntry { key, text, error }),
            }
        }
        crate::model::sort_by(&mut plans, &|a, b| b.modified.cmp(&a.modified));
        Ok((plans, corrupt))
    }

    /// Loads the plan with `id` and its revision; `Ok(None)` if none is stored.
    pub fn load_plan(&self, id: &PlanId) -> Result<Option<(Plan, Revision)>, StorageError> {
        let Some(text) = self.backend.get(&plan_key(id))? else {
            return Ok(None);
        };
        match schema::parse(&text) {
            Ok(imported) => Ok(Some((imported.plan, self.revision(id)?))),
            Err(e) => Err(StorageError::Other(e.reason())),
        }
    }

    /// The stored revision of the plan with `id` (the default if never saved).
    pub fn revision(&self, id: &PlanId) -> Result<Revision, StorageError> {
        Ok(self
            .backend
            .get(&rev_key(id))?
            .map(|r| Revision::parse(&r))
            .unwrap_or_default())
    }

    /// Whether a plan with `id` is stored.
    pub fn contains(&self, id: &PlanId) -> Result<bool, StorageError> {
        Ok(self.backend.get(&plan_key(id))?.is_some())
    }

    /// Saves `plan` whatever revision is stored, makes it the current plan
    /// and returns its new revision, written by `writer`.
    pub fn save(
        &self,
        plan: &Plan,
        now: Timestamp,
        writer: &str,
    ) -> Result<Revision, StorageError> {
        let stored = self.revision(&plan.id)?;
        self.write(plan, now, stored.next(writer))
    }

    /// Saves `plan` only if the stored revision is still `base` (the one
    /// this copy was loaded at or last saved); returns the new revision.
    pub fn save_checked(
        &self,
        plan: &Plan,
        now: Timestamp,
        base: &Revision,
        writer: &str,
    ) -> Result<Revision, SaveError> {
        let text = Text::new(schema::to_json(plan, now));
        self.write_checked(&plan.id, &text, now, base, writer)
    }

    /// Like [`Store::save_checked`] for a plan already written as text by
    /// [`schema::to_json`] (and possibly prepared for storing, see
    /// [`Text::prepare`]), so the steps can run as separate tasks.
    pub fn write_checked(
        &self,
        id: &PlanId,
        text: &Text,
        now: Timestamp,
        base: &Revision,
        writer: &str,
    ) -> Result<Revision, SaveError> {
        let stored = self.revision(id)?;
        if &stored != base {
            return Err(SaveError::Conflict { stored });
        }
        Ok(self.write_text(id, text, now, stored.next(writer))?)
    }

    fn write(
        &self,
        plan: &Plan,
        now: Timestamp,
        revision: Revision,
    ) -> Result<Revision, StorageError> {
        let text = Text::new(schema::to_json(plan, now));
        self.write_text(&plan.id, &text, now, revision)
    }

    fn write_text(
        &self,
        id: &PlanId,
        text: &Text,
        now: Timestamp,
        revision: Revision,
    ) -> Result<Revision, StorageError> {
        let key = plan_key(id);
        self.daily_snapshot(id, now);
        self.set_making_room(|| self.backend.set_text(&key, text))?;
        self.backend.set(&rev_key(id), &revision.to_string())?;
        self.backend.set(CURRENT_KEY, id.as_str())?;
        Ok(revision)
    }

    /// Whether a save of the plan with `id` at `now` would first keep the
    /// stored version as the day's snapshot (none is taken yet today).
    pub fn daily_snapshot_due(&self, id: &PlanId, now: Timestamp) -> bool {
        let Some(today) = now.local_date() else {
            return false;
        };
        let Ok(snaps) = self.snapshots() else {
            return false;
        };
        !snaps.iter().any(|s| {
            &s.plan == id && s.reason == SnapshotReason::Daily && s.at.local_date() == Some(today)
        })
    }

    /// Before the first save of a day, keeps the stored version of the plan
    /// with `id` as a snapshot (every save does this first; it may also run
    /// as a task of its own before the save). The stored text is copied as
    /// it is, without being read. Failing to do so never stops the save.
    pub fn daily_snapshot(&self, id: &PlanId, now: Timestamp) {
        if !self.daily_snapshot_due(id, now) {
            return;
        }
        let key = plan_key(id);
        if let Ok(Some(size)) = self.backend.units(&key) {
            let _ = self.put_snapshot_with(id, SnapshotReason::Daily, now, size, |snap| {
                self.backend.copy(&key, snap).map(|_| ())
            });
        }
    }

    /// Makes `id` the plan opened at start-up.
    pub fn set_current(&self, id: &PlanId) -> Result<(), StorageError> {
        self.backend.set(CURRENT_KEY, id.as_str())
    }

    /// Deletes the plan with `id` and its revision (take a snapshot first).
    pub fn delete(&self, id: &PlanId) -> Result<(), StorageError> {
        self.backend.remove(&plan_key(id))?;
        self.backend.remove(&rev_key(id))?;
        if self.backend.get(CURRENT_KEY)?.as_deref() == Some(id.as_str()) {
            self.backend.remove(CURRENT_KEY)?;
        }
        Ok(())
    }

    /// Removes the data at `key` (used when the user discards corrupt data).
    pub fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.backend.remove(key)
    }

    /// Stores a snapshot of `plan`.
    pub fn snapshot(
        &self,
        plan: &Plan,
        reason: SnapshotReason,
        now: Timestamp,
    ) -> Result<(), StorageError> {
        self.put_snapshot(&plan.id, reason, now, &schema::to_json(plan, now))
    }

    fn put_snapshot(
        &self,
        id: &PlanId,
        reason: SnapshotReason,
        at: Timestamp,
        text: &str,
    ) -> Result<(), StorageError> {
        self.put_snapshot_with(id, reason, at, units(text), |key| {
            self.backend.set(key, text)
        })
    }

    /// Stores a snapshot of `size` UTF-16 units, written by `write` at the
    /// key it is given, after pruning older snapshots to make room.
    fn put_snapshot_with(
        &self,
        id: &PlanId,
        reason: SnapshotReason,
        at: Timestamp,
        size: usize,
        write: impl Fn(&str) -> Result<(), StorageError>,
    ) -> Result<(), StorageError> {
        let key = format!(
            "{SNAP_PREFIX}{:013}.{}.{}",
            at.0.max(0),
            reason.key(),
            id.as_str()
        );
        let budget = (QUOTA_UNITS as f64 * SNAPSHOT_SHARE) as usize;
        let incoming = size + units(&key);
        if incoming > budget {
            return Err(StorageError::Full);
        }
        // Keep snapshots within their share of the quota and their number.
        loop {
            let snaps = self.snapshots()?;
            let mut used = 0;
            for s in &snaps {
                used += self.backend.units(&s.key)?.map_or(0, |n| n + units(&s.key));
            }
            if used + incoming <= budget && snaps.len() < MAX_SNAPSHOTS {
                break;
            }
            if !self.drop_oldest_snapshot()? {
                break;
            }
        }
        self.set_making_room(|| write(&key))
    }

    /// Runs `set` (one write); when storage is full, removes the oldest
    /// snapshots one by one until it fits. Plans are never removed.
    fn set_making_room(
        &self,
        set: impl Fn() -> Result<(), StorageError>,
    ) -> Result<(), StorageError> {
        loop {
            match set() {
                Err(StorageError::Full) => {
                    if !self.drop_oldest_snapshot()? {
                        return Err(StorageError::Full);
                    }
                }
                other => return other,
            }
        }
    }

    /// Removes the oldest snapshot; false if there is none.
    fn drop_oldest_snapshot(&self) -> Result<bool, StorageError> {
        match self.snapshots()?.last() {
            Some(oldest) => {
                self.backend.remove(&oldest.key)?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// All snapshots, newest first.
    pub fn snapshots(&self) -> Result<Vec<SnapshotInfo>, StorageError> {
        let mut out: Vec<SnapshotInfo> = self
            .backend
            .keys()?
            .into_iter()
            .filter_map(|key| {
                let rest = key.strip_prefix(SNAP_PREFIX)?;
                let mut parts = rest.splitn(3, '.');
                let at = Timestamp(parts.next()?.parse().ok()?);
                let reason = SnapshotReason::from_key(parts.next()?)?;
                let plan = PlanId(parts.next()?.to_string());
                Some(SnapshotInfo {
                    key,
                    plan,
                    at,
                    reason,
                })
            })
            .collect();
        crate::model::sort_by(&mut out, &|a, b| b.at.cmp(&a.at));
        Ok(out)
    }

    /// The stored text of a snapshot.
    pub fn snapshot_text(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.backend.get(key)
    }

    /// Space used in storage, in UTF-16 code units, by all keys and values
    /// (other data on the same site counts against the quota too). Values
    /// are measured, not read (see [`Backend::units`]).
    pub fn usage(&self) -> Result<usize, StorageError> {
        let mut total = 0;
        for key in self.backend.keys()? {
            total += units(&key) + self.backend.units(&key)?.unwrap_or(0);
        }
        Ok(total)
    }
}
