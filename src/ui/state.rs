//! The app's one place of plan state, and the one path by which the plan
//! changes: [`AppState::edit`], with undo and redo built on edit inverses.

use leptos::prelude::*;

use super::{clock, persist};
use crate::model::{ActivityFilter, ActivityId, Edit, EditError, MergeResult, Plan};
use crate::storage::{CorruptEntry, StorageError};

/// Another tab saved the open plan while this tab had unsaved edits, and
/// some records were changed differently in both.
#[derive(Clone, Debug, PartialEq)]
pub struct SyncConflict {
    /// The merge of this tab's plan (ours) with the stored one (theirs).
    pub result: MergeResult,
    /// The stored revision merged with.
    pub stored: crate::storage::Revision,
}

/// How many edits can be undone.
pub const UNDO_DEPTH: usize = 100;

/// The views of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// Overblik: header and the phase × main task matrix.
    Overblik,
    /// Aktiviteter: the activity list.
    Aktiviteter,
    /// Indstillinger: plan settings.
    Indstillinger,
    /// Mine planer: saved plans, import, export, snapshots and storage.
    Planer,
    /// Tidslinje: the plan as a phase timeline (Gantt).
    Tidslinje,
    /// Ny plan: create a plan.
    NyPlan,
    /// Gevinster: benefit profiles and the benefit map.
    Gevinster,
    /// Opfølgning: phase-transition checklists, phase decisions and each
    /// responsible person's open activities.
    Opfolgning,
    /// Statusrapport: the printable status report for the steering group.
    Statusrapport,
    /// Eksempler: the built-in example plans.
    Eksempler,
}

impl Route {
    /// Every route.
    pub const ALL: [Route; 10] = [
        Route::Overblik,
        Route::Aktiviteter,
        Route::Tidslinje,
        Route::Opfolgning,
        Route::Statusrapport,
        Route::Gevinster,
        Route::Indstillinger,
        Route::NyPlan,
        Route::Planer,
        Route::Eksempler,
    ];

    /// The URL fragment of the route.
    pub fn hash(self) -> &'static str {
        match self {
            Route::Overblik => "#/overblik",
            Route::Aktiviteter => "#/aktiviteter",
            Route::Indstillinger => "#/indstillinger",
            Route::NyPlan => "#/ny",
            Route::Gevinster => "#/gevinster",
            Route::Planer => "#/planer",
            Route::Tidslinje => "#/tidslinje",
            Route::Opfolgning => "#/opfoelgning",
            Route::Statusrapport => "#/statusrapport",
            Route::Eksempler => "#/eksempler",
        }
    }

    /// The route of a URL fragment.
    pub fn from_hash(hash: &str) -> Option<Route> {
        Route::ALL.into_iter().find(|r| r.hash() == hash)
    }
}

/// What "Fortryd" in a toast does.
#[derive(Clone, Debug, PartialEq)]
pub enum UndoAction {
    /// Apply this edit to the open plan.
    Edit(Box<Edit>),
    /// Store this deleted plan again.
    RestorePlan(Box<Plan>),
}

/// A short message with an optional undo, shown at the bottom of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    /// The message.
    pub text: String,
    /// What undoes what the message reports.
    pub undo: Option<UndoAction>,
    /// Sequence number, so a timer only hides the toast it was set for.
    pub seq: u64,
}

/// One entry of the undo stack: the inverse edit and, for coalescing
/// typing, the field it came from.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    inverse: Edit,
    group: Option<String>,
}

/// Shared app state, provided as context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The open plan, if any.
    pub plan: RwSignal<Option<Plan>>,
    /// The current view.
    pub route: RwSignal<Route>,
    /// The activity filter of Aktiviteter.
    pub filter: RwSignal<ActivityFilter>,
    /// The activity open in the editor.
    pub editing: RwSignal<Option<ActivityId>>,
    /// The current toast.
    pub toast: RwSignal<Option<Toast>>,
    /// The last storage failure, if the latest save failed.
    pub storage_error: RwSignal<Option<StorageError>>,
    /// Saved data that could not be read.
    pub corrupt: RwSignal<Vec<CorruptEntry>>,
    /// A conflict with another tab's save, waiting for the user.
    pub sync_conflict: RwSignal<Option<SyncConflict>>,
    /// Raised whenever another tab changes stored plans.
    pub storage_tick: RwSignal<u64>,
    /// Share of the storage quota in use, 0.0 to 1.0.
    pub storage_use: RwSignal<f64>,
    undo: RwSignal<Vec<Step>>,
    redo: RwSignal<Vec<Step>>,
}

impl AppState {
    /// State holding `plan`.
    pub fn new(plan: Option<Plan>) -> AppState {
        let route = if plan.is_some() {
            Route::Overblik
        } else {
            Route::NyPlan
        };
        AppState {
            plan: RwSignal::new(plan),
            route: RwSignal::new(route),
            filter: RwSignal::new(super::view_memory::load().filter()),
            editing: RwSignal::new(None),
            toast: RwSignal::new(None),
            storage_error: RwSignal::new(None),
            corrupt: RwSignal::new(Vec::new()),
            sync_conflict: RwSignal::new(None),
            storage_tick: RwSignal::new(0),
            storage_use: RwSignal::new(0.0),
            undo: RwSignal::new(Vec::new()),
            redo: RwSignal::new(Vec::new()),
        }
    }

    /// Applies `edit` to the open plan, records its inverse for undo,
    /// schedules a save and returns the inverse.
    pub fn edit(&self, edit: Edit) -> Result<Edit, EditError> {
        self.edit_grouped(edit, None)
    }

    /// Like [`AppState::edit`], but consecutive edits with the same `group`
    /// (e.g. typing in one field) are undone as one step.
    pub fn edit_grouped(&self, edit: Edit, group: Option<String>) -> Result<Edit, EditError> {
        let inverse = self.apply_raw(edit)?;
        let returned = inverse.clone();
        self.undo.update(|stack| {
            let merge = group.is_some() && stack.last().is_some_and(|s| s.group == group);
            if !merge {
                stack.push(Step { inverse, group });
                if stack.len() > UNDO_DEPTH {
                    stack.remove(0);
                }
            }
        });
        self.redo.update(Vec::clear);
        Ok(returned)
    }

    fn apply_raw(&self, edit: Edit) -> Result<Edit, EditError> {
        let now = clock::now();
        // Apply without notifying, so a refused edit repaints nothing.
        let result = self
            .plan
            .try_update_untracked(|plan| match plan {
                Some(plan) => plan.apply(edit, now),
                None => Err(EditError::EmptyTitle),
            })
            .unwrap_or(Err(EditError::EmptyTitle));
        if result.is_ok() {
            self.plan.notify();
            persist::schedule_save(*self);
        }
        result
    }

    /// Whether there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        self.undo.with(|s| !s.is_empty())
    }

    /// Whether there is an edit to redo.
    pub fn can_redo(&self) -> bool {
        self.redo.with(|s| !s.is_empty())
    }

    /// Undoes the last edit.
    pub fn undo(&self) {
        if let Some(step) = self.undo.try_update(Vec::pop).flatten() {
            self.drop_undo_toast();
            if let Ok(inverse) = self.apply_raw(step.inverse) {
                self.redo.update(|r| {
                    r.push(Step {
                        inverse,
                        group: None,
                    })
                });
            }
        }
    }

    /// Redoes the last undone edit.
    pub fn redo(&self) {
        if let Some(step) = self.redo.try_update(Vec::pop).flatten() {
            self.drop_undo_toast();
            if let Ok(inverse) = self.apply_raw(step.inverse) {
                self.undo.update(|u| {
                    u.push(Step {
                        inverse,
                        group: None,
                    })
                });
            }
        }
    }

    /// Opens `plan` as the current plan, forgetting undo history. Pending
    /// edits of the plan open before are saved first. `revision` is the
    /// stored revision the plan was loaded at; `None` means a plan not yet
    /// stored, which is saved at once.
    pub fn open_plan(&self, plan: Plan, revision: Option<crate::storage::Revision>) {
        persist::flush(*self);
        let _ = persist::with_store(|s| s.set_current(&plan.id));
        self.plan.set(Some(plan));
        self.clear_history();
        self.filter.set(ActivityFilter::default());
        self.editing.set(None);
        let is_new = revision.is_none();
        persist::set_base(revision.unwrap_or_default());
        if is_new {
            persist::save_now(*self);
        }
    }

    /// Closes the open plan (after it was deleted).
    pub fn close_plan(&self) {
        self.plan.set(None);
        self.clear_history();
        self.editing.set(None);
        persist::set_base(Default::default());
    }

    /// Replaces the open plan with the stored version (another tab's save),
    /// forgetting undo history, which no longer applies.
    pub fn replace_from_storage(&self, plan: Plan) {
        self.plan.set(Some(plan));
        self.clear_history();
    }

    /// Applies `edit` without recording an undo step (bookkeeping such as
    /// marking the plan exported).
    pub fn mark(&self, edit: Edit) -> Result<(), EditError> {
        self.apply_raw(edit).map(drop)
    }

    fn clear_history(&self) {
        self.undo.update(Vec::clear);
        self.redo.update(Vec::clear);
    }

    /// Shows a toast.
    /// It hides itself after a while (longer when it offers undo).
    pub fn notify(&self, text: impl Into<String>, undo: Option<Edit>) {
        self.notify_with(text, undo.map(|e| UndoAction::Edit(Box::new(e))));
    }

    /// Shows a toast with any undo action.
    pub fn notify_with(&self, text: impl Into<String>, undo: Option<UndoAction>) {
        let seq = self
            .toast
            .with_untracked(|t| t.as_ref().map_or(0, |t| t.seq))
            + 1;
        let delay = if undo.is_some() { 15 } else { 6 };
        // A toast offering undo is the next Tab stop after the action that
        // showed it: its "Fortryd" is one Tab away, while focus stays where
        // the action put it (the next row after a deletion). Another key,
        // a click or a tap first (opening another page) moves on from it.
        if undo.is_some() {
            super::focus::detour(TOAST, None);
        } else {
            super::focus::end_detour(TOAST);
        }
        self.toast.set(Some(Toast {
            text: text.into(),
            undo,
            seq,
        }));
        hide_later(self.toast, seq, delay);
    }

    /// Hides a toast offering to undo an edit: once the history moves
    /// (Ctrl+Z, Ctrl+Shift+Z, the header's buttons) what it reports may be
    /// undone already, and its "Fortryd" would do nothing or the wrong thing.
    fn drop_undo_toast(&self) {
        let stale = self.toast.with_untracked(|t| {
            matches!(
                t,
                Some(Toast {
                    undo: Some(UndoAction::Edit(_)),
                    ..
                })
            )
        });
        if stale {
            self.toast.set(None);
        }
    }

    /// Goes to `route`.
    pub fn go(&self, route: Route) {
        self.route.set(route);
    }
}

/// The toast's selector.
const TOAST: &str = ".toast-area .toast";

/// Hides toast `seq` after `secs` seconds, but not while it has focus: a
/// keyboard user on its "Fortryd" keeps it until they leave it.
fn hide_later(toast: RwSignal<Option<Toast>>, seq: u64, secs: u64) {
    set_timeout(
        move || {
            if !toast.with_untracked(|t| t.as_ref().is_some_and(|t| t.seq == seq)) {
                return;
            }
            let focused = super::focus::current()
                .and_then(|a| a.closest(".toast-area").ok().flatten())
                .is_some();
            if focused {
                hide_later(toast, seq, 2);
            } else {
                toast.set(None);
            }
        },
        std::time::Duration::from_secs(secs),
    );
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn every_route_reads_back_from_its_hash() {
        for route in Route::ALL {
            assert_eq!(Route::from_hash(route.hash()), Some(route));
        }
        assert_eq!(Route::from_hash("#/ukendt"), None);
    }
}
