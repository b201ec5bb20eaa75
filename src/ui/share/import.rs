//! Importing a plan file: by file picker or by dropping it on the window.
//! A preview says what the file holds before anything changes; the user
//! opens it as a new plan (default), replaces the open plan, or merges it
//! into the open plan when both are copies of the same plan. A refused
//! file changes nothing.

use leptos::prelude::*;

use super::super::{clock, dialog::Dialog, format, persist, use_app, AppState, Route};
use super::conflicts::ConflictChooser;
use crate::model::{count, merge, resolve, Edit, MergeResult, Plan, Side};
use crate::schema::{self, Imported, MAX_FILE_BYTES};
use crate::storage::SnapshotReason;

/// A parsed file waiting for the user's choice.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// The file's name.
    pub file_name: String,
    /// What it holds.
    pub imported: Imported,
}

/// Import state, provided as context.
#[derive(Clone, Copy)]
pub struct ImportState {
    /// The file waiting for a choice.
    pub preview: RwSignal<Option<Preview>>,
    /// Why the last file was refused.
    pub error: RwSignal<Option<(String, String)>>,
    /// A merge waiting for conflict choices.
    pub merging: RwSignal<Option<MergeResult>>,
}

impl ImportState {
    /// Fresh state.
    pub fn new() -> ImportState {
        ImportState {
            preview: RwSignal::new(None),
            error: RwSignal::new(None),
            merging: RwSignal::new(None),
        }
    }

    /// Reads and checks `file`, then shows the preview or the reason it was refused.
    pub fn take_file(self, file: web_sys::File) {
        let name = file.name();
        self.preview.set(None);
        self.error.set(None);
        if file.size() > MAX_FILE_BYTES as f64 {
            let e = schema::ImportError::TooLarge {
                bytes: file.size() as usize,
            };
            self.error.set(Some((name, e.to_string())));
            return;
        }
        leptos::task::spawn_local(async move {
            match persist::read_file(file).await {
                Err(e) => self.error.set(Some((name, e))),
                Ok(text) => match super::super::timed("implan-import", || schema::parse(&text)) {
                    Ok(imported) => self.preview.set(Some(Preview {
                        file_name: name,
                        imported: imported.arrived(clock::now()),
                    })),
                    Err(e) => self.error.set(Some((name, e.to_string()))),
                },
            }
        });
    }
}

impl Default for ImportState {
    fn default() -> Self {
        ImportState::new()
    }
}

/// Lets the user drop a file anywhere on the window to import it.
pub fn install_drop(imports: ImportState) {
    let over = window_event_listener(leptos::ev::dragover, move |ev: web_sys::DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default();
            set_drop_hint(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev: web_sys::DragEvent| {
        if ev.related_target().is_none() {
            set_drop_hint(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        set_drop_hint(false);
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        ev.prevent_default();
        imports.take_file(file);
    });
    std::mem::forget((over, leave, drop));
}

fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|d| d.types().includes(&"Files".into(), 0))
}

fn set_drop_hint(on: bool) {
    if let Some(body) = document().body() {
        let _ = body.class_list().toggle_with_force("dropping", on);
    }
}

/// The file input offered in "Mine planer".
#[component]
pub fn ImportButton() -> impl IntoView {
    let imports = expect_context::<ImportState>();
    view! {
        <label class="file-button">
            "Importér plan fra fil …"
            <input
                type="file"
                accept=".json,application/json"
                on:change=move |ev| {
                    let input: web_sys::HtmlInputElement = event_target(&ev);
                    if let Some(file) = input.files().and_then(|f| f.get(0)) {
                        imports.take_file(file);
                    }
                    input.set_value("");
                }
            />
        </label>
    }
}

/// Opens the file's plan as a new plan; a plan with the same id already
/// stored here stays as it is, and the file gets a new id.
pub(super) fn open_as_new(app: AppState, mut plan: Plan, saved_at: crate::model::Timestamp) {
    if let Some(open) = app.plan.get_untracked() {
        persist::snapshot(app, &open, SnapshotReason::Import);
    }
    if persist::with_store(|s| s.contains(&plan.id)).unwrap_or(false) {
        plan = plan.copy_as(clock::new_plan_id(), "importeret", clock::now());
    } else {
        plan.exchanged = saved_at;
    }
    match persist::store_plan(&plan) {
        Ok(rev) => app.open_plan(plan, Some(rev)),
        Err(_) => app.open_plan(plan, None),
    }
    app.notify("Planen er importeret og åbnet.", None);
    app.go(Route::Overblik);
}

/// Replaces the open plan with the file's plan.
fn replace_open(app: AppState, mut plan: Plan, saved_at: crate::model::Timestamp) {
    let Some(open) = app.plan.get_untracked() else {
        return open_as_new(app, plan, saved_at);
    };
    persist::snapshot(app, &open, SnapshotReason::Replace);
    if plan.id != open.id {
        if let Ok(Some((other, _))) = persist::load_plan(&plan.id) {
            persist::snapshot(app, &other, SnapshotReason::Replace);
        }
        let _ = persist::with_store(|s| s.delete(&open.id));
    }
    plan.exchanged = saved_at;
    match persist::store_plan(&plan) {
        Ok(rev) => app.open_plan(plan, Some(rev)),
        Err(_) => app.open_plan(plan, None),
    }
    app.notify("Den åbne plan er erstattet af filens plan. Den tidligere version ligger under øjebliksbilleder.", None);
    app.go(Route::Overblik);
}

/// Applies a finished merge to the open plan, as one undoable edit.
fn finish_merge(app: AppState, mut plan: Plan) {
    if let Some(open) = app.plan.get_untracked() {
        persist::snapshot(app, &open, SnapshotReason::Merge);
    }
    plan.exchanged = clock::now();
    match app.edit(Edit::ReplaceAll(Box::new(plan))) {
        Ok(_) => app.notify(
            "Filen er flettet ind i planen. Fortryd (Ctrl+Z) tager fletningen tilbage.",
            None,
        ),
        Err(e) => app.notify(e.to_string(), None),
    }
}

/// The import dialogs: refusal, preview with choices, merge conflicts.
#[component]
pub fn ImportDialog() -> impl IntoView {
    let app = use_app();
    let imports = expect_context::<ImportState>();
    let refused = move || {
        imports.error.get().map(|(name, message)| view! {
            <Dialog labelledby="import-error-heading" alert=true on_close=move || imports.error.set(None)>
                    <h2 id="import-error-heading">"Filen kan ikke importeres"</h2>
                    <p class="file-name">{name}</p>
                    <p class="error">{message}</p>
                    <p>"Intet er ændret: dine gemte planer er, som de var."</p>
                    <div class="dialog-actions">
                        <button type="button" class="primary" on:click=move |_| imports.error.set(None)>"OK"</button>
                    </div>
            </Dialog>
        })
    };
    let preview = move || {
        let p = imports.preview.get()?;
        let plan = p.imported.plan.clone();
        let open = app.plan.get_untracked();
        let same = open.as_ref().is_some_and(|o| o.id == plan.id);
        let saved_at = p.imported.saved_at.unwrap_or(plan.modified);
        let choice = RwSignal::new(if same { "merge" } else { "new" });
        let plan_sv = StoredValue::new(plan.clone());
        let go = move |_| {
            let plan = plan_sv.get_value();
            imports.preview.set(None);
            match choice.get_untracked() {
                "replace" => replace_open(app, plan, saved_at),
                "merge" => {
                    let Some(open) = app.plan.get_untracked() else {
                        return;
                    };
                    let since = open.exchanged.min(plan.exchanged);
                    let result = merge(&open, &plan, since);
                    if result.conflicts.is_empty() {
                        finish_merge(app, result.plan);
                    } else {
                        imports.merging.set(Some(result));
                    }
                }
                _ => open_as_new(app, plan, saved_at),
            }
        };
        let done = plan.activities.iter().filter(|a| a.is_done()).count();
        let radio = move |value: &'static str, label: String, enabled: bool| {
            view! {
                <label class="inline" class:disabled=!enabled>
                    <input type="radio" name="import-choice" disabled=!enabled
                        prop:checked=move || choice.get() == value
                        on:change=move |_| choice.set(value)/>
                    {label}
                </label>
            }
        };
        Some(view! {
            <Dialog labelledby="import-heading" on_close=move || imports.preview.set(None)>
                    <h2 id="import-heading">"Importér plan"</h2>
                    <p class="file-name">{p.file_name.clone()}</p>
                    <dl class="preview">
                        <dt>"Kommune"</dt><dd>{plan.municipality.clone()}</dd>
                        <dt>"Løsning"</dt><dd>{plan.solution.name().to_string()}</dd>
                        <dt>"Aktiviteter"</dt><dd>{format!("{} ({})", plan.activities.len(), count(done, "færdig", "færdige"))}</dd>
                        <dt>"Gevinster"</dt><dd>{format!(
                            "{}, {}",
                            count(plan.benefits.len(), "gevinstprofil", "gevinstprofiler"),
                            count(plan.benefits.iter().map(|b| b.measurements.len()).sum(), "måling", "målinger")
                        )}</dd>
                        <dt>"Senest ændret"</dt><dd>{format::timestamp(plan.modified)}</dd>
                        <dt>"Formatversion"</dt><dd>{p.imported.format_version}</dd>
                    </dl>
                    {p.imported.clock_note().map(|note| view! { <p class="note clock-note">{note}</p> })}
                    <fieldset>
                        <legend>"Hvad skal der ske?"</legend>
                        {radio("new", "Åbn som en ny plan (den åbne plan ændres ikke)".into(), true)}
                        {radio("replace", match &open {
                            Some(o) => format!("Erstat den åbne plan ({})", o.title()),
                            None => "Erstat den åbne plan (ingen plan er åben)".into(),
                        }, open.is_some())}
                        {radio("merge", if same {
                            "Flet ind i den åbne plan (samme plan: ændringer fra begge sider bevares)".to_string()
                        } else {
                            "Flet ind i den åbne plan (kun muligt for kopier af samme plan)".to_string()
                        }, same)}
                    </fieldset>
                    <p class="hint">"Før planer erstattes eller flettes, gemmes et øjebliksbillede, som kan gendannes under Mine planer."</p>
                    <div class="dialog-actions">
                        <button type="button" on:click=move |_| imports.preview.set(None)>"Annullér"</button>
                        <button type="button" class="primary" on:click=go>"Importér"</button>
                    </div>
            </Dialog>
        })
    };
    let merging = move || {
        let result = imports.merging.get()?;
        let choices = RwSignal::new(vec![Side::Ours; result.conflicts.len()]);
        let result_sv = StoredValue::new(result.clone());
        let apply = move |_| {
            let plan = result_sv.with_value(|r| resolve(r, &choices.get_untracked()));
            imports.merging.set(None);
            finish_merge(app, plan);
        };
        Some(view! {
            <Dialog labelledby="merge-heading" on_close=move || imports.merging.set(None)>
                    <h2 id="merge-heading">"Flet planer: vælg version"</h2>
                    <p>{format!(
                        "{} fra filen flettes ind uden problemer. {} ændret både her og i filen: vælg for hver, hvilken version der skal gælde.",
                        crate::model::count(result.taken_from_theirs, "ændring", "ændringer"),
                        crate::model::count(result.conflicts.len(), "post er", "poster er")
                    )}</p>
                    <ConflictChooser conflicts=result.conflicts.clone() choices=choices other_label="Filens version" />
                    <div class="dialog-actions">
                        <button type="button" on:click=move |_| imports.merging.set(None)>"Annullér fletning"</button>
                        <button type="button" class="primary" on:click=apply>"Flet med mine valg"</button>
                    </div>
            </Dialog>
        })
    };
    view! { {refused} {preview} {merging} }
}
