//! The activity editor: every field of the activity being edited.

use leptos::prelude::*;

use super::{activities::delete_activity, clock, date_input::DateInput, format, use_app, AppState};
use crate::catalog;
use crate::model::{
    Activity, ActivityChange, ActivityId, Edit, EditError, Origin, Phase, Status, TaskNo,
};

/// Applies a change to the edited activity; typing in one field undoes as one step.
fn change(
    app: AppState,
    id: &ActivityId,
    field: &str,
    change: ActivityChange,
    error: RwSignal<Option<EditError>>,
) {
    let group = Some(format!("{}:{field}", id.as_str()));
    match app.edit_grouped(
        Edit::UpdateActivity {
            id: id.clone(),
            change,
        },
        group,
    ) {
        Ok(_) => error.set(None),
        Err(e) => error.set(Some(e)),
    }
}

/// Side panel editing the activity in `AppState::editing`.
#[component]
pub fn ActivityEditor() -> impl IntoView {
    let app = use_app();
    let activity: Memo<Option<Activity>> = Memo::new(move |_| {
        let id = app.editing.get()?;
        app.plan
            .with(|p| p.as_ref().and_then(|p| p.activity(&id)).cloned())
    });
    // Rebuild the form only when another activity is opened, not on every edit.
    let opened = Memo::new(move |_| activity.with(|a| a.as_ref().map(|a| a.id.clone())));
    move || {
        let id = opened.get()?;
        Some(view! { <EditorForm id=id activity=activity /> })
    }
}

/// Commits the field with focus by taking focus from it (date fields save
/// on change). Returns false when that field holds an unreadable date not
/// yet marked as such: it then shows its message and keeps focus, so the
/// editor stays open; a second Escape leaves the unreadable text.
fn commit_focused_field() -> bool {
    use wasm_bindgen::JsCast;
    let Some(field) = document()
        .active_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return true;
    };
    let in_date = field.closest(".date-input").ok().flatten().is_some();
    let flagged = field.get_attribute("aria-invalid").as_deref() == Some("true");
    let _ = field.blur();
    if in_date && !flagged && format::parse_danish_date(&field.value()).is_err() {
        let _ = field.focus();
        return false;
    }
    true
}

/// Focuses what opened the editor if it is still on the page, else the
/// button or bar opening activity `id` in Aktiviteter, Opfølgning or
/// Tidslinje, else (the activity is no longer listed) the page's content.
fn focus_opener(opener: Option<&web_sys::Element>, id: &ActivityId) {
    use wasm_bindgen::JsCast;
    let focus = super::focus::to;
    if opener.is_some_and(|o| o.is_connected() && focus(o)) {
        return;
    }
    let Ok(candidates) = document().query_selector_all(
        "li.activity-row button.activity-title, button[data-act=open], g.tl-bar[data-id]",
    ) else {
        return;
    };
    let matches = |e: &web_sys::Element| {
        let key = match e.closest("li.activity-row").ok().flatten() {
            Some(row) => row.get_attribute("data-id"),
            None => e
                .get_attribute("data-key")
                .or_else(|| e.get_attribute("data-id")),
        };
        key.as_deref() == Some(id.as_str())
    };
    let found = (0..candidates.length())
        .filter_map(|i| candidates.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .find(|e| matches(e))
        .is_some_and(|e| focus(&e));
    if !found && super::focus::lost() {
        super::focus::to_main();
    }
}

#[component]
fn EditorForm(id: ActivityId, activity: Memo<Option<Activity>>) -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<EditError>);
    let get = move |f: fn(&Activity) -> String| {
        move || activity.with(|a| a.as_ref().map(f).unwrap_or_default())
    };
    let id_sv = StoredValue::new(id.clone());
    let text_field = move |field: &'static str, make: fn(String) -> ActivityChange| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            id_sv.with_value(|id| change(app, id, field, make(v), error));
        }
    };
    let set_dates = move |start: Option<chrono::NaiveDate>, due: Option<chrono::NaiveDate>| {
        id_sv.with_value(|id| {
            change(
                app,
                id,
                "dates",
                ActivityChange::Dates { start, due },
                error,
            )
        });
    };
    let current = move || activity.get_untracked();
    let heading_id = format!("editor-heading-{}", id.as_str());
    // What had focus when the activity was opened (its row's button, a list
    // entry, a bar): focus goes back there when Escape closes the editor.
    let opener = StoredValue::new_local(
        document()
            .active_element()
            .filter(|e| e.tag_name() != "BODY"),
    );
    // A refused edit's message belongs to the activity as it was then: once
    // the activity changes (undo, redo, another tab), its fields show the
    // saved values again and the message (with its "Udvid" button) goes.
    Effect::new(move |seen: Option<()>| {
        activity.track();
        if seen.is_some() {
            error.set(None);
        }
    });
    let focus_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = focus_ref.get() {
            let _ = el.focus();
        }
    });
    let extend = move |_| {
        let Some(EditError::PhaseNotActive { task, phase }) = error.get_untracked() else {
            return;
        };
        let phases = app
            .plan
            .with_untracked(|p| p.as_ref().map(|p| p.task(task).phases).unwrap_or_default());
        let edit = Edit::Batch(vec![
            Edit::SetTaskPhases {
                task,
                phases: phases.with(phase),
            },
            Edit::UpdateActivity {
                id: id_sv.get_value(),
                change: ActivityChange::Placement { task, phase },
            },
        ]);
        match app.edit(edit) {
            Ok(_) => error.set(None),
            Err(e) => error.set(Some(e)),
        }
    };
    // Closing (Escape, "Luk", ×) gives focus back to what opened the editor.
    let close = move || {
        app.editing.set(None);
        let opener = opener.get_value();
        let id = id_sv.get_value();
        // After the page has redrawn (rows are rebuilt when the selection changes).
        set_timeout(
            move || focus_opener(opener.as_ref(), &id),
            std::time::Duration::ZERO,
        );
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Escape" || ev.default_prevented() {
            return;
        }
        ev.prevent_default();
        if !commit_focused_field() {
            return;
        }
        close();
    };
    view! {
        <aside class="editor" role="region" aria-labelledby=heading_id.clone() on:keydown=keydown>
            <div class="editor-head">
                <h2 id=heading_id.clone()>"Redigér aktivitet"</h2>
                <button type="button" class="icon" aria-label="Luk redigering" on:click=move |_| close()>"×"</button>
            </div>
            {move || error.get().map(|e| {
                let can_extend = matches!(e, EditError::PhaseNotActive { .. });
                view! {
                    <div class="error" role="alert">
                        <p>{e.to_string()}</p>
                        {can_extend.then(|| view! {
                            <button type="button" on:click=extend>"Udvid hovedopgavens faser"</button>
                        })}
                    </div>
                }
            })}
            <form class="editor-form" on:submit=|ev| ev.prevent_default()>
                <label>
                    "Titel"
                    <input
                        type="text"
                        node_ref=focus_ref
                        name="title"
                        maxlength="300"
                        prop:value=get(|a| a.title.clone())
                        on:input=text_field("title", ActivityChange::Title)
                    />
                </label>
                <div class="row">
                    <label>
                        "Hovedopgave"
                        <select
                            name="task"
                            prop:value=get(|a| a.task.get().to_string())
                            on:change=move |ev| {
                                let Some(task) = event_target_value(&ev).parse::<u8>().ok().and_then(TaskNo::new) else { return };
                                let Some(a) = current() else { return };
                                id_sv.with_value(|id| change(app, id, "placement", ActivityChange::Placement { task, phase: a.phase }, error));
                            }
                        >
                            {catalog::tasks().iter().map(|t| view! { <option value=t.number.to_string()>{format!("{}. {}", t.number, t.name)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        "Fase"
                        <select
                            name="phase"
                            prop:value=get(|a| a.phase.code().to_string())
                            on:change=move |ev| {
                                let Some(phase) = Phase::from_code(&event_target_value(&ev)) else { return };
                                let Some(a) = current() else { return };
                                id_sv.with_value(|id| change(app, id, "placement", ActivityChange::Placement { task: a.task, phase }, error));
                            }
                        >
                            {Phase::ALL.into_iter().map(|p| view! { <option value=p.code()>{p.label()}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                <div class="row">
                    <label>
                        "Start"
                        <DateInput
                            name="start"
                            value=Signal::derive(move || activity.with(|a| a.as_ref().and_then(|a| a.start)))
                            on_commit=move |start| set_dates(start, current().and_then(|a| a.due))
                        />
                    </label>
                    <label>
                        "Slut (frist)"
                        <DateInput
                            name="due"
                            value=Signal::derive(move || activity.with(|a| a.as_ref().and_then(|a| a.due)))
                            on_commit=move |due| set_dates(current().and_then(|a| a.start), due)
                        />
                    </label>
                </div>
                <p class="hint">
                    {move || activity.with(|a| a.as_ref().map(|a| format::date_span_weeks(a.start, a.due)))}
                </p>
                <div class="row">
                    <label>
                        "Ansvarlig"
                        <input
                            type="text"
                            name="responsible"
                            list="responsible-suggestions"
                            maxlength="200"
                            prop:value=get(|a| a.responsible.clone())
                            on:input=text_field("responsible", ActivityChange::Responsible)
                        />
                    </label>
                    <label>
                        "Rolle"
                        <input
                            type="text"
                            name="role"
                            list="role-suggestions"
                            maxlength="200"
                            prop:value=get(|a| a.role.clone())
                            on:input=text_field("role", ActivityChange::Role)
                        />
                    </label>
                </div>
                <datalist id="role-suggestions">
                    {catalog::ROLES.iter().map(|r| view! { <option value=*r></option> }).collect_view()}
                </datalist>
                <datalist id="responsible-suggestions">
                    {move || app.plan.with(|p| p.as_ref().map(|p| p.responsibles()).unwrap_or_default())
                        .into_iter().map(|r| view! { <option value=r></option> }).collect_view()}
                </datalist>
                <div class="row">
                    <label>
                        "Status"
                        <select
                            name="status"
                            prop:value=get(|a| a.status.key().to_string())
                            on:change=move |ev| {
                                let Some(status) = Status::from_key(&event_target_value(&ev)) else { return };
                                let completed = (status == Status::Faerdig).then(clock::today);
                                id_sv.with_value(|id| change(app, id, "status", ActivityChange::Status { status, completed }, error));
                            }
                        >
                            {Status::ALL.into_iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                        </select>
                    </label>
                    <Show when=move || activity.with(|a| a.as_ref().is_some_and(Activity::is_done))>
                        <label>
                            "Færdig den"
                            <DateInput
                                name="completed"
                                value=Signal::derive(move || activity.with(|a| a.as_ref().and_then(|a| a.completed)))
                                on_commit=move |completed| id_sv.with_value(|id| change(app, id, "status", ActivityChange::Status { status: Status::Faerdig, completed }, error))
                            />
                        </label>
                    </Show>
                </div>
                <label>
                    "Beskrivelse"
                    <textarea
                        name="description"
                        rows="3"
                        prop:value=get(|a| a.description.clone())
                        on:input=text_field("description", ActivityChange::Description)
                    ></textarea>
                </label>
                <label>
                    "Noter"
                    <textarea
                        name="notes"
                        rows="4"
                        prop:value=get(|a| a.notes.clone())
                        on:input=text_field("notes", ActivityChange::Notes)
                    ></textarea>
                </label>
                <p class="hint origin">
                    {move || activity.with(|a| a.as_ref().map(|a| match &a.origin {
                        Origin::Template { .. } => format!("Fra skabelonen (hovedopgave {}: {}).", a.task.get(), catalog::task(a.task).name),
                        Origin::User => "Tilføjet af jer selv.".to_string(),
                    }))}
                </p>
                <div class="editor-actions">
                    <button type="button" class="danger" on:click=move |_| delete_activity(app, id_sv.get_value())>"Slet aktivitet"</button>
                    <button type="button" class="primary" on:click=move |_| close()>"Luk"</button>
                </div>
            </form>
        </aside>
    }
}
