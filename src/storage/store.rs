//! Where plans live in storage, and how they are loaded and saved.

use super::{Backend, StorageError};
use crate::model::{Plan, PlanId, Timestamp};
use crate::schema::{self, ImportError};

/// Key holding the id of the plan that was open last.
pub const CURRENT_KEY: &str = "implan.current";

/// Prefix of the keys holding plans: `implan.plan.<id>`.
pub const PLAN_PREFIX: &str = "implan.plan.";

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
    /// Saved plans that could not be read.
    pub corrupt: Vec<CorruptEntry>,
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
        let current = self.backend.get(CURRENT_KEY)?;
        let mut keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(PLAN_PREFIX))
            .collect();
        keys.sort();
        let current_key = current.map(|id| plan_key(&PlanId(id)));
        if let Some(ck) = &current_key {
            if let Some(pos) = keys.iter().position(|k| k == ck) {
                let k = keys.remove(pos);
                keys.insert(0, k);
            }
        }
        let mut loaded = Loaded::default();
        for key in keys {
            let Some(text) = self.backend.get(&key)? else { continue };
            match schema::parse(&text) {
                Ok(imported) => {
                    let is_current = current_key.as_deref() == Some(key.as_str());
                    let better = match &loaded.plan {
                        None => true,
                        Some(p) => !is_current && imported.plan.modified > p.modified && current_key_missing(&current_key, p),
                    };
                    if better {
                        loaded.plan = Some(imported.plan);
                    }
                }
                Err(error) => loaded.corrupt.push(CorruptEntry { key, text, error }),
            }
        }
        Ok(loaded)
    }

    /// Saves `plan` and makes it the current plan.
    pub fn save(&self, plan: &Plan, now: Timestamp) -> Result<(), StorageError> {
        self.backend.set(&plan_key(&plan.id), &schema::to_json(plan, now))?;
        self.backend.set(CURRENT_KEY, plan.id.as_str())
    }

    /// Removes the data at `key` (used when the user discards corrupt data).
    pub fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.backend.remove(key)
    }
}

/// Whether the plan chosen so far was picked only for lack of a readable
/// current plan (so a newer one may replace it).
fn current_key_missing(current_key: &Option<String>, chosen: &Plan) -> bool {
    current_key.as_deref() != Some(plan_key(&chosen.id).as_str())
}
