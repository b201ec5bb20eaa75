//! Aktiviteter: every activity, grouped and filtered, with adding, one-click
//! completion and deletion with undo.

use leptos::prelude::*;

use super::{clock, editor::ActivityEditor, format, use_app, AppState};
use crate::catalog;
use crate::model::{
    Activity, ActivityChange, ActivityFilter, ActivityId, Edit, Phase, Status, TaskNo,
};

/// How the list is grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grouping {
    Task,
    Phase,
}

/// The activities page.
#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let app = use_app();
    let grouping = RwSignal::new(super::view_memory::load().grouping());
    Effect::new(move |_| {
        let by = grouping.get();
        super::view_memory::update(|m| m.set_grouping(by));
    });
    // Ids per group, recomputed on edits; rows are keyed by id so only
    // changed rows repaint.
    let groups = Memo::new(move |_| {
        let filter = app.filter.get();
        let by = grouping.get();
        app.plan.with(|plan| {
            let Some(plan) = plan else { return Vec::new() };
            let mut groups: Vec<(String, String, Vec<ActivityId>)> = match by {
                Grouping::Task => TaskNo::all()
                    .map(|t| {
                        (
                            format!("t{}", t.get()),
                            format!("{}. {}", t.get(), catalog::task(t).name),
                            Vec::new(),
                        )
                    })
                    .collect(),
                Grouping::Phase => Phase::ALL
                    .into_iter()
                    .map(|p| (p.code().to_string(), p.label(), Vec::new()))
                    .collect(),
            };
            for a in plan.activities.iter().filter(|a| filter.matches(a)) {
                let index = match by {
                    Grouping::Task => usize::from(a.task.get()) - 1,
                    Grouping::Phase => a.phase.index(),
                };
                groups[index].2.push(a.id.clone());
            }
            groups.retain(|g| !g.2.is_empty());
            groups
        })
    });
    let shown = move || groups.with(|g| g.iter().map(|g| g.2.len()).sum::<usize>());
    let total = move || {
        app.plan
            .with(|p| p.as_ref().map_or(0, |p| p.activities.len()))
    };
    view! {
        <div class="page activities" class:editing=move || app.editing.get().is_some()>
            <div class="list-column">
                <h1>"Aktiviteter"</h1>
                <FilterBar grouping=Some(grouping) />
                <p class="count-line" aria-live="polite">
                    {move || {
                        let (s, t) = (shown(), total());
                        if s == t { crate::model::count(t, "aktivitet", "aktiviteter") } else { format!("Viser {s} af {t} aktiviteter") }
                    }}
                </p>
                <AddActivity />
                <Show when=move || shown() == 0>
                    <p class="empty">
                        {move || if total() == 0 {
                            "Planen har ingen aktiviteter endnu. Tilføj den første med «+ Tilføj aktivitet»."
                        } else {
                            "Ingen aktiviteter matcher filtrene."
                        }}
                    </p>
                </Show>
                <For
                    each=move || groups.get()
                    key=|g| (g.0.clone(), g.2.clone())
                    children=move |(key, label, ids)| {
                        let count = ids.len();
                        let about = format!("Om {label}");
                        let info_key = key.clone();
                        view! {
                            <section class="activity-group" data-group=key>
                                <h2>{label} <span class="group-count">{format!(" ({count})")}</span><button type="button" class="info-btn" aria-expanded="false" data-info=info_key aria-label=about></button></h2>
                                <ul class="activity-list">
                                    <For
                                        each=move || ids.clone()
                                        key=|id| id.clone()
                                        children=move |id| view! { <ActivityRow id=id /> }
                                    />
                                </ul>
                            </section>
                        }
                    }
                />
            </div>
            <ActivityEditor />
        </div>
    }
}

/// Filters (shared by Aktiviteter and Tidslinje through `AppState::filter`)
/// and, when `grouping` is given, the list's grouping.
#[component]
pub(crate) fn FilterBar(grouping: Option<RwSignal<Grouping>>) -> impl IntoView {
    let app = use_app();
    let filter = app.filter;
    let set = move |f: &dyn Fn(&mut ActivityFilter)| filter.update(|x| f(x));
    let responsibles = move || {
        app.plan
            .with(|p| p.as_ref().map(|p| p.responsibles()).unwrap_or_default())
    };
    view! {
        <form class="filters" role="search" aria-label="Filtrér aktiviteter" on:submit=|ev| ev.prevent_default()>
            <label>
                "Søg"
                <input
                    type="search"
                    placeholder="Titel, noter, ansvarlig …"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        set(&|f| f.text = v.clone());
                    }
                />
            </label>
            <label>
                "Fase"
                <select
                    prop:value=move || filter.with(|f| f.phase.map(|p| p.code().to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let v = Phase::from_code(&event_target_value(&ev));
                        set(&|f| f.phase = v);
                    }
                >
                    <option value="">"Alle faser"</option>
                    {Phase::ALL.into_iter().map(|p| view! { <option value=p.code()>{p.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>
                "Hovedopgave"
                <select
                    prop:value=move || filter.with(|f| f.task.map(|t| t.get().to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<u8>().ok().and_then(TaskNo::new);
                        set(&|f| f.task = v);
                    }
                >
                    <option value="">"Alle hovedopgaver"</option>
                    {catalog::tasks()
                        .iter()
                        .map(|t| view! { <option value=t.number.to_string()>{format!("{}. {}", t.number, t.name)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label>
                "Status"
                <select
                    prop:value=move || filter.with(|f| f.status.map(|s| s.key().to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let v = Status::from_key(&event_target_value(&ev));
                        set(&|f| f.status = v);
                    }
                >
                    <option value="">"Alle statusser"</option>
                    {Status::ALL.into_iter().map(|s| view! { <option value=s.key()>{s.label()}</option> }).collect_view()}
                </select>
            </label>
            <label>
                "Ansvarlig"
                <select
                    // Values: "" everybody, "-" nobody ("Ingen ansvarlig"),
                    // "=name" a person, so no name can be taken for another choice.
                    prop:value=move || filter.with(|f| match &f.responsible {
                        None => String::new(),
                        Some(r) if r.is_empty() => "-".to_string(),
                        Some(r) => format!("={r}"),
                    })
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let v = match v.as_str() {
                            "" => None,
                            "-" => Some(String::new()),
                            _ => Some(v.strip_prefix('=').unwrap_or(&v).to_string()),
                        };
                        set(&|f| f.responsible = v.clone());
                    }
                >
                    <option value="">"Alle"</option>
                    <option value="-">"Ingen ansvarlig"</option>
                    {move || responsibles().into_iter().map(|r| view! { <option value=format!("={r}")>{r.clone()}</option> }).collect_view()}
                </select>
            </label>
            {grouping.map(|grouping| view! {
                <fieldset class="grouping">
                    <legend>"Gruppér efter"</legend>
                    <label class="inline">
                        <input
                            type="radio"
                            name="grouping"
                            prop:checked=move || grouping.get() == Grouping::Task
                            on:change=move |_| grouping.set(Grouping::Task)
                        />
                        "Hovedopgave"
                    </label>
                    <label class="inline">
                        <input
                            type="radio"
                            name="grouping"
                            prop:checked=move || grouping.get() == Grouping::Phase
                            on:change=move |_| grouping.set(Grouping::Phase)
                        />
                        "Fase"
                    </label>
                </fieldset>
            })}
            <button
                type="button"
                class="secondary"
                disabled=move || filter.with(ActivityFilter::is_empty)
                on:click=move |_| {
                    filter.set(ActivityFilter::default());
                    // The button is now disabled: focus goes to the search field.
                    super::focus::keep_on(&["form.filters input[type=search]"]);
                }
            >
                "Nulstil filtre"
            </button>
        </form>
    }
}

/// Marks an activity done (today) or not started.
pub fn set_done(app: AppState, id: ActivityId, done: bool) {
    let change = if done {
        ActivityChange::Status {
            status: Status::Faerdig,
            completed: Some(clock::today()),
        }
    } else {
        ActivityChange::Status {
            status: Status::IkkeStartet,
            completed: None,
        }
    };
    if let Err(e) = app.edit(Edit::UpdateActivity { id, change }) {
        app.notify(e.to_string(), None);
    }
}

/// Deletes an activity and offers to undo it.
pub fn delete_activity(app: AppState, id: ActivityId) {
    let title = app.plan.with_untracked(|p| {
        p.as_ref()
            .and_then(|p| p.activity(&id))
            .map(|a| a.title.clone())
    });
    let neighbours =
        super::focus::neighbours("li.activity-row", id.as_str(), "button.activity-title");
    match app.edit(Edit::RemoveActivity(id.clone())) {
        Ok(inverse) => {
            // The deleted row (or the editor) had focus: the next row takes it.
            super::focus::keep(neighbours);
            if app.editing.get_untracked() == Some(id) {
                app.editing.set(None);
            }
            app.notify(
                format!("«{}» er slettet.", title.unwrap_or_default()),
                Some(inverse),
            );
        }
        Err(e) => app.notify(e.to_string(), None),
    }
}

/// One row of the list.
#[component]
fn ActivityRow(id: ActivityId) -> impl IntoView {
    let app = use_app();
    let row_id = id.clone();
    let activity: Memo<Option<Activity>> = Memo::new(move |_| {
        app.plan
            .with(|p| p.as_ref().and_then(|p| p.activity(&row_id)).cloned())
    });
    let today = clock::today();
    move || {
        let Some(a) = activity.get() else {
            return ().into_any();
        };
        let id_done = a.id.clone();
        let id_open = a.id.clone();
        let id_delete = a.id.clone();
        let selected = app.editing.with(|e| e.as_ref() == Some(&a.id));
        let done = a.is_done();
        let overdue = a.is_overdue(today);
        let task_name = catalog::task(a.task).name;
        view! {
            <li class="activity-row" class:done=done class:selected=selected data-id=a.id.as_str().to_string()>
                <input
                    type="checkbox"
                    class="done-box"
                    aria-label=format!("Færdig: {}", a.title)
                    prop:checked=done
                    on:change=move |ev| set_done(app, id_done.clone(), event_target_checked(&ev))
                />
                <button
                    type="button"
                    class="activity-title"
                    aria-label=format!("Redigér {}", a.title)
                    on:click=move |_| app.editing.set(Some(id_open.clone()))
                >
                    {a.title.clone()}
                </button>
                <span class="meta">
                    <span class="phase-tag" title=a.phase.label()>{a.phase.code()}</span>
                    <span class="task-tag" title=task_name>{format!("HO {}", a.task.get())}</span>
                    <span class="dates">{format::date_span(a.start, a.due)}</span>
                    <span class="responsible">{if a.responsible.is_empty() { "Ingen ansvarlig".to_string() } else { a.responsible.clone() }}</span>
                    <span class=format!("status status-{}", a.status.key())>{a.status.label()}</span>
                    {overdue.then(|| view! { <span class="overdue">"Forsinket"</span> })}
                    {matches!(a.origin, crate::model::Origin::User).then(|| view! { <span class="user-tag" title="Tilføjet af brugeren">"Egen"</span> })}
                </span>
                <button
                    type="button"
                    class="delete danger"
                    aria-label=format!("Slet {}", a.title)
                    on:click=move |_| delete_activity(app, id_delete.clone())
                >
                    "Slet"
                </button>
            </li>
        }
        .into_any()
    }
}

/// The form that adds a custom activity to a main task and phase.
#[component]
fn AddActivity() -> impl IntoView {
    let app = use_app();
    let title = RwSignal::new(String::new());
    let task =
        RwSignal::new(TaskNo::new(3).unwrap_or_else(|| TaskNo::all().next().expect("16 tasks")));
    let phase = RwSignal::new(Phase::F1);
    let error = RwSignal::new(None::<String>);
    let open = RwSignal::new(false);
    // Keep the phase valid for the chosen task.
    let active = move || {
        app.plan.with(|p| {
            p.as_ref()
                .map(|p| p.task(task.get()).phases)
                .unwrap_or_default()
        })
    };
    Effect::new(move |_| {
        let phases = active();
        if !phases.contains(phase.get_untracked()) {
            if let Some(first) = phases.iter().next() {
                phase.set(first);
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = clock::new_activity_id();
        let activity = Activity::new_user(
            id.clone(),
            task.get_untracked(),
            phase.get_untracked(),
            &title.get_untracked(),
            clock::now(),
        );
        let position = app.plan.with_untracked(|p| {
            p.as_ref().map_or(0, |p| {
                p.activities
                    .iter()
                    .rposition(|a| a.task == activity.task)
                    .map_or(p.activities.len(), |i| i + 1)
            })
        });
        match app.edit(Edit::InsertActivity { activity, position }) {
            Ok(_) => {
                error.set(None);
                title.set(String::new());
                app.editing.set(Some(id));
                app.notify(
                    "Aktiviteten er tilføjet. Udfyld datoer og ansvarlig i redigeringen.",
                    None,
                );
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <div class="add-activity">
            <button
                type="button"
                class="primary"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "+ Tilføj aktivitet"
            </button>
            <Show when=move || open.get()>
                <form class="add-form" on:submit=submit aria-label="Tilføj aktivitet">
                    <label>
                        "Titel"
                        <input
                            type="text"
                            required
                            maxlength="300"
                            prop:value=move || title.get()
                            on:input=move |ev| title.set(event_target_value(&ev))
                        />
                    </label>
                    <label>
                        "Hovedopgave"
                        <select
                            prop:value=move || task.get().get().to_string()
                            on:change=move |ev| {
                                if let Some(t) = event_target_value(&ev).parse::<u8>().ok().and_then(TaskNo::new) {
                                    task.set(t);
                                }
                            }
                        >
                            {catalog::tasks()
                                .iter()
                                .map(|t| view! { <option value=t.number.to_string()>{format!("{}. {}", t.number, t.name)}</option> })
                                .collect_view()}
                        </select>
                    </label>
                    <label>
                        "Fase"
                        <select
                            prop:value=move || phase.get().code()
                            on:change=move |ev| {
                                if let Some(p) = Phase::from_code(&event_target_value(&ev)) {
                                    phase.set(p);
                                }
                            }
                        >
                            {move || active().iter().map(|p| view! { <option value=p.code()>{p.label()}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="submit" class="primary">"Tilføj"</button>
                    {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                </form>
            </Show>
        </div>
    }
}
