//! The list of snapshots (øjebliksbilleder): time, reason, restore, download.

use leptos::prelude::*;

use super::super::{clock, download::download_text, format, persist, use_app, AppState, Route};
use crate::model::Edit;
use crate::schema;
use crate::storage::{SnapshotInfo, SnapshotReason};

fn restore(app: AppState, info: &SnapshotInfo) {
    let text = match persist::with_store(|s| s.snapshot_text(&info.key)) {
        Ok(Some(t)) => t,
        _ => return app.notify("Øjebliksbilledet findes ikke længere.", None),
    };
    let plan = match schema::parse(&text) {
        Ok(imported) => imported.plan,
        Err(e) => {
            return app.notify(
                format!("Øjebliksbilledet kan ikke læses: {}.", e.reason()),
                None,
            )
        }
    };
    let open_id = app
        .plan
        .with_untracked(|p| p.as_ref().map(|p| p.id.clone()));
    if open_id.as_ref() == Some(&plan.id) {
        if let Some(open) = app.plan.get_untracked() {
            persist::snapshot(app, &open, SnapshotReason::Restore);
        }
        match app.edit(Edit::ReplaceAll(Box::new(plan))) {
            Ok(_) => app.notify(
                "Øjebliksbilledet er gendannet. Fortryd (Ctrl+Z) tager det tilbage.",
                None,
            ),
            Err(e) => app.notify(e.to_string(), None),
        }
    } else {
        if let Ok(Some((stored, _))) = persist::load_plan(&plan.id) {
            persist::snapshot(app, &stored, SnapshotReason::Restore);
        }
        match persist::store_plan(&plan) {
            Ok(rev) => {
                app.open_plan(plan, Some(rev));
                app.notify("Øjebliksbilledet er gendannet og åbnet.", None);
                app.go(Route::Overblik);
            }
            Err(e) => app.notify(e.to_string(), None),
        }
    }
    app.storage_tick.update(|t| *t += 1);
}

fn download(app: AppState, info: &SnapshotInfo) {
    let Ok(Some(text)) = persist::with_store(|s| s.snapshot_text(&info.key)) else {
        return app.notify("Øjebliksbilledet findes ikke længere.", None);
    };
    let day = info.at.local_date().unwrap_or_else(clock::today);
    let name = match schema::parse(&text) {
        Ok(i) => schema::export_file_name(&i.plan, day, "snapshot.implan.json"),
        Err(_) => format!("implan-snapshot-{}.json", crate::model::iso_date(day)),
    };
    download_text(&name, "application/json", &text);
}

/// Snapshots, newest first.
#[component]
pub fn SnapshotList() -> impl IntoView {
    let app = use_app();
    let snapshots = Memo::new(move |_| {
        app.storage_tick.track();
        app.plan.with(|p| p.as_ref().map(|p| p.modified));
        persist::with_store(|s| s.snapshots()).unwrap_or_default()
    });
    // Titles read from the snapshots of deleted plans, by snapshot key (a
    // snapshot never changes, and reading one means parsing a whole plan).
    let deleted_titles = StoredValue::new(std::collections::BTreeMap::<String, String>::new());
    let deleted_title = move |info: &SnapshotInfo| {
        if let Some(title) = deleted_titles.with_value(|m| m.get(&info.key).cloned()) {
            return title;
        }
        let title = persist::with_store(|s| s.snapshot_text(&info.key))
            .ok()
            .flatten()
            .and_then(|text| schema::parse(&text).ok())
            .map(|imported| format!("{} (slettet)", imported.plan.title()))
            .unwrap_or_else(|| "Slettet plan".to_string());
        deleted_titles.update_value(|m| {
            m.insert(info.key.clone(), title.clone());
        });
        title
    };
    let title_of = move |info: &SnapshotInfo| {
        let open = app
            .plan
            .with_untracked(|p| p.as_ref().filter(|p| p.id == info.plan).map(|p| p.title()));
        open.or_else(|| {
            persist::load_plan(&info.plan)
                .ok()
                .flatten()
                .map(|(p, _)| p.title())
        })
        .unwrap_or_else(|| deleted_title(info))
    };
    view! {
        <section aria-labelledby="snapshots-heading">
            <h2 id="snapshots-heading">"Øjebliksbilleder"</h2>
            <p class="hint">"Et øjebliksbillede gemmes automatisk før import, erstatning, fletning og sletning og ved dagens første ændring. De ældste slettes, når de fylder for meget."</p>
            {move || {
                let list = snapshots.get();
                if list.is_empty() {
                    return view! { <p>"Ingen øjebliksbilleder endnu."</p> }.into_any();
                }
                view! {
                    <div class="table-scroll">
                    <table class="snapshots">
                        <thead><tr><th scope="col">"Tidspunkt"</th><th scope="col">"Plan"</th><th scope="col">"Anledning"</th><th scope="col"><span class="sr-only">"Handlinger"</span></th></tr></thead>
                        <tbody>
                            {list.into_iter().map(|info| {
                                let (a, b) = (info.clone(), info.clone());
                                view! {
                                    <tr>
                                        <td>{format::timestamp(info.at)}</td>
                                        <td>{title_of(&info)}</td>
                                        <td>{info.reason.label()}</td>
                                        <td class="actions">
                                            <button type="button" on:click=move |_| restore(app, &a)>"Gendan"</button>
                                            <button type="button" on:click=move |_| download(app, &b)>"Download"</button>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
