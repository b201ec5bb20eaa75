//! "Mine planer": every saved plan with open, rename, duplicate, delete
//! (with undo) and export; import; downloads of the open plan; snapshots;
//! the storage meter.

use leptos::prelude::*;

use super::super::{clock, format, persist, use_app, AppState, Route, UndoAction};
use super::export::{export_csv, export_ics, export_json};
use super::import::ImportButton;
use super::link::{CopyLinkButton, CopyLinkResult};
use super::snapshots::SnapshotList;
use super::storage_meter::StorageMeter;
use crate::model::{Edit, Plan, PlanId};
use crate::storage::{PlanSummary, SnapshotReason};

/// Opens the stored plan `id`.
fn open(app: AppState, id: &PlanId) {
    match persist::load_plan(id) {
        Ok(Some((plan, rev))) => {
            app.open_plan(plan, Some(rev));
            app.go(Route::Overblik);
        }
        Ok(None) => app.notify("Planen findes ikke længere i browseren.", None),
        Err(e) => app.notify(e.to_string(), None),
    }
}

/// Runs `f` on the stored plan `id`: on the open plan through an edit,
/// on another plan by loading, changing and saving it.
fn change(app: AppState, id: &PlanId, edit: Edit) {
    let is_open = app
        .plan
        .with_untracked(|p| p.as_ref().is_some_and(|p| &p.id == id));
    let result = if is_open {
        app.edit(edit).map(drop).map_err(|e| e.to_string())
    } else {
        match persist::load_plan(id) {
            Ok(Some((mut plan, _))) => plan
                .apply(edit, clock::now())
                .map_err(|e| e.to_string())
                .and_then(|_| {
                    persist::store_plan(&plan)
                        .map(drop)
                        .map_err(|e| e.to_string())
                }),
            Ok(None) => Err("Planen findes ikke længere i browseren.".into()),
            Err(e) => Err(e.to_string()),
        }
    };
    if let Err(e) = result {
        app.notify(e, None);
    }
    app.storage_tick.update(|t| *t += 1);
}

fn duplicate(app: AppState, id: &PlanId) {
    let Ok(Some((plan, _))) = persist::load_plan(id) else {
        return app.notify("Planen kunne ikke læses.", None);
    };
    let plan = plan.copy_as(clock::new_plan_id(), "kopi", clock::now());
    match persist::store_plan(&plan) {
        Ok(_) => app.notify(format!("«{}» er oprettet.", plan.title()), None),
        Err(e) => app.notify(e.to_string(), None),
    }
    // The copy must not become the open plan's "current" pointer.
    if let Some(open) = app.plan.get_untracked() {
        let _ = persist::with_store(|s| s.set_current(&open.id));
    }
    app.storage_tick.update(|t| *t += 1);
}

fn delete(app: AppState, id: &PlanId) {
    let plan = match persist::load_plan(id) {
        Ok(Some((plan, _))) => plan,
        _ => return app.notify("Planen kunne ikke læses.", None),
    };
    persist::snapshot(app, &plan, SnapshotReason::Delete);
    if let Err(e) = persist::with_store(|s| s.delete(id)) {
        return app.notify(e.to_string(), None);
    }
    if app
        .plan
        .with_untracked(|p| p.as_ref().is_some_and(|p| &p.id == id))
    {
        app.close_plan();
    }
    app.storage_tick.update(|t| *t += 1);
    app.notify_with(
        format!("«{}» er slettet.", plan.title()),
        Some(UndoAction::RestorePlan(Box::new(plan))),
    );
}

/// Stores a deleted plan again (the toast's "Fortryd"). Returns whether it worked.
pub fn restore_deleted(app: AppState, plan: Plan) -> bool {
    match persist::store_plan(&plan) {
        Ok(rev) => {
            if app.plan.with_untracked(Option::is_none) {
                app.open_plan(plan, Some(rev));
            } else if let Some(open) = app.plan.get_untracked() {
                let _ = persist::with_store(|s| s.set_current(&open.id));
            }
            app.storage_tick.update(|t| *t += 1);
            true
        }
        Err(e) => {
            app.notify(e.to_string(), None);
            false
        }
    }
}

/// Exports a saved plan. A plan that is not open is marked as exchanged in
/// storage too (the open one is marked by `export_json`): without that, a
/// copy sent back later would count every change made before the export
/// as made on both sides, and ask about each.
fn export_stored(app: AppState, id: &PlanId) {
    let open = app.plan.get_untracked().filter(|p| &p.id == id);
    let is_open = open.is_some();
    match open.or_else(|| persist::load_plan(id).ok().flatten().map(|(p, _)| p)) {
        Some(plan) => {
            if let Some(at) = export_json(app, &plan).filter(|_| !is_open) {
                change(app, id, Edit::MarkExchanged(at));
            }
        }
        None => app.notify("Planen kunne ikke læses.", None),
    }
}

/// One saved plan in the list.
#[component]
fn PlanRow(summary: PlanSummary) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(summary.id.clone());
    let renaming = RwSignal::new(false);
    let is_open = move || {
        app.plan
            .with(|p| p.as_ref().is_some_and(|p| p.id == id.get_value()))
    };
    let title = if summary.name.is_empty() {
        format!("{} · {}", summary.municipality, summary.solution)
    } else {
        summary.name.clone()
    };
    let name_value = summary.name.clone();
    let field_id = StoredValue::new(format!("rename-{}", summary.id.as_str()));
    let row_id = summary.id.as_str().to_string();
    view! {
        <li class="plan-row" class:open=is_open data-plan=row_id>
            <div class="plan-info">
                <strong class="plan-name">{title.clone()}</strong>
                {move || is_open().then(|| view! { <span class="open-tag">"Åben"</span> })}
                <span class="meta">
                    {format!("{} · {}", crate::model::kommune(&summary.municipality), summary.solution)}
                    " · "
                    {summary.phase.map(|p| p.label()).unwrap_or_else(|| "Uden for faserne".into())}
                    " · "
                    {crate::model::count(summary.activities, "aktivitet", "aktiviteter")}
                    " · Senest ændret "
                    {format::timestamp(summary.modified)}
                </span>
            </div>
            <Show when=move || renaming.get()>
                <form class="rename" on:submit=move |ev| {
                    ev.prevent_default();
                    let input: web_sys::HtmlInputElement = leptos::prelude::document()
                        .get_element_by_id(&field_id.get_value())
                        .and_then(|e| wasm_bindgen::JsCast::dyn_into(e).ok())
                        .expect("rename field");
                    change(app, &id.get_value(), Edit::SetName(input.value()));
                    renaming.set(false);
                }>
                    <label>
                        "Planens navn (tomt: kommune og løsning)"
                        <input type="text" id=field_id.get_value() maxlength="120" value=name_value.clone() />
                    </label>
                    <button type="submit" class="primary">"Gem navn"</button>
                    <button type="button" on:click=move |_| renaming.set(false)>"Annullér"</button>
                </form>
            </Show>
            <div class="plan-actions">
                <Show when=move || !is_open()>
                    <button type="button" class="primary" on:click=move |_| open(app, &id.get_value())>"Åbn"</button>
                </Show>
                <button type="button" on:click=move |_| renaming.set(true) aria-label=format!("Omdøb {title}")>"Omdøb"</button>
                <button type="button" on:click=move |_| duplicate(app, &id.get_value())>"Duplikér"</button>
                <button type="button" on:click=move |_| export_stored(app, &id.get_value())>"Eksportér"</button>
                <button type="button" class="danger" on:click=move |_| delete(app, &id.get_value())>"Slet"</button>
            </div>
        </li>
    }
}

/// The "Mine planer" page.
#[component]
pub fn PlansPage() -> impl IntoView {
    let app = use_app();
    let listing = Memo::new(move |_| {
        app.storage_tick.track();
        let mut plans = persist::with_store(|s| s.list(clock::today())).map(|(plans, _)| plans)?;
        // The open plan may have edits not saved yet: show it as it is.
        app.plan.with(|open| {
            if let Some(open) = open {
                if let Some(row) = plans.iter_mut().find(|p| p.id == open.id) {
                    row.name = open.name.clone();
                    row.municipality = open.municipality.clone();
                    row.solution = open.solution.name().to_string();
                    row.modified = open.modified;
                    row.activities = open.activities.len();
                    row.phase = open.phase_at(clock::today());
                }
            }
        });
        Ok::<_, crate::storage::StorageError>(plans)
    });
    let open_plan = move || app.plan.get();
    let link_status = RwSignal::new(None);
    view! {
        <div class="page plans">
            <h1>"Mine planer"</h1>
            <p class="lead">"Planerne ligger kun i denne browser. Eksportér en plan til en fil, eller kopiér et link med hele planen, for at dele den med kolleger eller gemme en sikkerhedskopi."</p>
            <section aria-labelledby="current-heading">
                <h2 id="current-heading">"Den åbne plan"</h2>
                {move || match open_plan() {
                    None => view! { <p>"Ingen plan er åben."</p> }.into_any(),
                    Some(plan) => {
                        let (a, b, c) = (plan.clone(), plan.clone(), plan.clone());
                        view! {
                            <p><strong>{plan.title()}</strong></p>
                            <div class="button-row">
                                <button type="button" class="primary" on:click=move |_| { export_json(app, &a); }>"Eksportér plan (.implan.json)"</button>
                                <button type="button" on:click=move |_| export_csv(app, &b)>"Aktiviteter til Excel (.csv)"</button>
                                <button type="button" on:click=move |_| export_ics(app, &c)>"Frister til kalender (.ics)"</button>
                                <CopyLinkButton status=link_status />
                            </div>
                            <CopyLinkResult status=link_status />
                        }.into_any()
                    }
                }}
            </section>
            <section aria-labelledby="import-heading-section">
                <h2 id="import-heading-section">"Importér"</h2>
                <p>"Vælg en fil, eller træk den ind i vinduet. Du ser, hvad filen indeholder, før noget ændres."</p>
                <ImportButton />
            </section>
            <section aria-labelledby="plans-heading">
                <h2 id="plans-heading">"Gemte planer"</h2>
                {move || match listing.get() {
                    Err(e) => view! { <p class="error">{e.to_string()}</p> }.into_any(),
                    Ok(plans) if plans.is_empty() => view! { <p>"Der er ingen gemte planer endnu."</p> }.into_any(),
                    Ok(plans) => view! {
                        <ul class="plan-list">
                            <For each=move || plans.clone() key=|p| (p.id.clone(), p.modified, p.name.clone(), p.municipality.clone()) children=|p| view! { <PlanRow summary=p /> } />
                        </ul>
                    }.into_any(),
                }}
                <button type="button" on:click=move |_| app.go(Route::NyPlan)>"+ Ny plan"</button>
            </section>
            <SnapshotList />
            <StorageMeter />
        </div>
    }
}
