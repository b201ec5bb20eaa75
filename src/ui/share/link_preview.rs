//! The read-only preview of a plan opened from a link, with "Gem som min
//! plan". Nothing is stored until the user chooses to.

use leptos::prelude::*;

use super::super::dom::{self, el, El};
use super::super::{format, persist, use_app, AppState, Route};
use super::import::{open_as_new, ImportState, Preview};
use super::link::{LinkState, SharedLink};
use crate::model::{count, Phase, Plan};
use crate::schema::Imported;

/// Stores the link's plan: as a new plan, or, when a plan with the same
/// id is already saved here, opens that one and offers the import choices
/// (merge, replace, new copy).
fn save(app: AppState, imports: ImportState, imported: Imported) {
    let plan = imported.plan.clone();
    let stored = persist::with_store(|s| s.contains(&plan.id)).unwrap_or(false);
    if !stored {
        let saved_at = imported.saved_at.unwrap_or(plan.modified);
        open_as_new(app, plan, saved_at);
        app.notify("Planen fra linket er gemt som din plan.", None);
        return;
    }
    let is_open = app
        .plan
        .with_untracked(|p| p.as_ref().is_some_and(|p| p.id == plan.id));
    if !is_open {
        if let Ok(Some((mine, rev))) = persist::load_plan(&plan.id) {
            app.open_plan(mine, Some(rev));
        }
    }
    app.go(Route::Overblik);
    imports.preview.set(Some(Preview {
        file_name: "Plan fra link".into(),
        imported,
    }));
}

/// The page shown while a plan link is open: reading, refused, or the preview.
#[component]
pub fn SharedPlanPage() -> impl IntoView {
    let app = use_app();
    let imports = expect_context::<ImportState>();
    let links = expect_context::<LinkState>();
    let close = move |_| links.shared.set(None);
    move || match links.shared.get() {
        None | Some(SharedLink::Opening) => view! {
            <div class="page shared-plan">
                <h1>"Plan fra et link"</h1>
                <p role="status">"Åbner planen fra linket …"</p>
            </div>
        }
        .into_any(),
        Some(SharedLink::Refused(message)) => view! {
            <div class="page shared-plan">
                <h1>"Linket kan ikke åbnes"</h1>
                <p class="error" role="alert">{message}</p>
                <p>"Intet er ændret: dine gemte planer er, som de var."</p>
                <button type="button" class="primary" on:click=close>"OK"</button>
            </div>
        }
        .into_any(),
        Some(SharedLink::Ready(imported)) => {
            let plan = imported.plan.clone();
            let clock_note = imported.clock_note();
            let imported = StoredValue::new(*imported);
            let keep = move |_| {
                links.shared.set(None);
                save(app, imports, imported.get_value());
            };
            let done = plan.activities.iter().filter(|a| a.is_done()).count();
            let table_plan = StoredValue::new(plan.clone());
            view! {
                <div class="page shared-plan">
                    <h1>"Plan fra et link"</h1>
                    <p class="readonly-note">
                        "Skrivebeskyttet forhåndsvisning: planen er ikke gemt i denne browser, og intet kan ændres her. Vælg «Gem som min plan» for at arbejde videre med den."
                    </p>
                    {clock_note.map(|note| view! { <p class="note clock-note">{note}</p> })}
                    <div class="button-row">
                        <button type="button" class="primary" on:click=keep>"Gem som min plan"</button>
                        <button type="button" on:click=close>"Luk uden at gemme"</button>
                    </div>
                    <dl class="preview">
                        <dt>"Kommune"</dt><dd>{plan.municipality.clone()}</dd>
                        <dt>"Løsning"</dt><dd>{plan.solution.name().to_string()}</dd>
                        <dt>"Plannavn"</dt><dd>{plan.title()}</dd>
                        <dt>"Go-live"</dt><dd>{format::date(plan.go_live)}</dd>
                        <dt>"Aktiviteter"</dt><dd>{format!("{} ({})", plan.activities.len(), count(done, "færdig", "færdige"))}</dd>
                        <dt>"Gevinster"</dt><dd>{count(plan.benefits.len(), "gevinstprofil", "gevinstprofiler")}</dd>
                        <dt>"Senest ændret"</dt><dd>{format::timestamp(plan.modified)}</dd>
                    </dl>
                    {dom::region("shared-tables", Box::new(move || table_plan.with_value(tables)), None)}
                </div>
            }
            .into_any()
        }
    }
}

/// The phases with their dates and every activity, as plain tables.
fn tables(plan: &Plan) -> El {
    let phases = el("table").cls("doc").children(
        std::iter::once(header(&["Fase", "Start", "Slut"]))
            .chain(Phase::ALL.into_iter().map(|p| {
                let w = &plan.phases[p.index()];
                row(&[p.label(), format::date(w.start), format::date(w.end)])
            }))
            .collect(),
    );
    let activities = el("table").cls("doc shared-activities").children(
        std::iter::once(header(&[
            "Aktivitet",
            "Hovedopgave",
            "Fase",
            "Start",
            "Frist",
            "Ansvarlig",
            "Status",
        ]))
        .chain(plan.activities.iter().map(|a| {
            row(&[
                a.title.clone(),
                a.task.get().to_string(),
                a.phase.code().to_string(),
                format::opt_date(a.start),
                format::opt_date(a.due),
                a.responsible.clone(),
                a.status.label().to_string(),
            ])
        }))
        .collect(),
    );
    el("div").children(vec![
        el("h2").text("Faser"),
        crate::ui::report::view::scroll_box(phases, "Faser"),
        el("h2").text("Aktiviteter"),
        crate::ui::report::view::scroll_box(activities, "Aktiviteter"),
    ])
}

fn header(cells: &[&str]) -> El {
    el("tr").children(
        cells
            .iter()
            .map(|c| el("th").attr("scope", "col").text(c))
            .collect(),
    )
}

fn row(cells: &[String]) -> El {
    el("tr").children(cells.iter().map(|c| el("td").text(c)).collect())
}
