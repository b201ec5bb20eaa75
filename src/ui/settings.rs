//! Indstillinger: the plan's municipality, solution, dates and which phases
//! each main task is active in.

use leptos::prelude::*;

use super::{date_input::DateInput, use_app};
use crate::catalog;
use crate::model::{Edit, Phase, PhaseWindow, Solution, TaskNo};

/// The settings page.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let apply = move |edit: Edit| match app.edit(edit) {
        Ok(_) => error.set(None),
        Err(e) => error.set(Some(e.to_string())),
    };
    let read = move |f: fn(&crate::model::Plan) -> String| {
        move || app.plan.with(|p| p.as_ref().map(f).unwrap_or_default())
    };
    let window = move |phase: Phase| app.plan.with(|p| p.as_ref().map(|p| p.window(phase)));
    let set_window = move |phase: Phase, start: bool, value: Option<chrono::NaiveDate>| {
        let (Some(mut w), Some(d)) = (window(phase), value) else {
            return;
        };
        if start {
            w.start = d
        } else {
            w.end = d
        }
        apply(Edit::SetPhaseWindow {
            phase,
            window: PhaseWindow {
                start: w.start,
                end: w.end,
            },
        });
    };
    let set_go_live = move |d: Option<chrono::NaiveDate>| {
        if let Some(d) = d {
            apply(Edit::SetGoLive(d));
        }
    };
    let task_rows = catalog::tasks()
        .iter()
        .filter_map(|t| TaskNo::new(t.number))
        .map(|task| {
            let info = catalog::task(task);
            let boxes = Phase::ALL
                .into_iter()
                .map(|phase| {
                    let checked = move || app.plan.with(|p| p.as_ref().is_some_and(|p| p.task(task).phases.contains(phase)));
                    view! {
                        <td>
                            <input
                                type="checkbox"
                                aria-label=format!("Hovedopgave {} {} aktiv i {}", task.get(), info.name, phase.label())
                                prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let phases = app.plan.with_untracked(|p| p.as_ref().map(|p| p.task(task).phases).unwrap_or_default());
                                    let phases = if on { phases.with(phase) } else { phases.without(phase) };
                                    apply(Edit::SetTaskPhases { task, phases });
                                    // Show the model's state, not the click, if refused.
                                    if let Some(el) = leptos::ev::Event::target(&ev).and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok()) {
                                        el.set_checked(checked());
                                    }
                                }
                            />
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{format!("{}. {}", task.get(), info.name)}</th>
                    {boxes}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="page settings">
            <h1>"Indstillinger for planen"</h1>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <section>
                <h2>"Kommune og løsning"</h2>
                <div class="row">
                    <label>
                        "Kommune"
                        <input type="text" name="municipality" list="settings-municipalities" maxlength="100"
                            prop:value=read(|p| p.municipality.clone())
                            on:change=move |ev| apply(Edit::SetMunicipality(event_target_value(&ev)))/>
                    </label>
                    <datalist id="settings-municipalities">
                        {catalog::MUNICIPALITIES.iter().map(|m| view! { <option value=*m></option> }).collect_view()}
                    </datalist>
                    <label>
                        "Løsning"
                        <input type="text" name="solution" list="solutions" maxlength="100"
                            prop:value=read(|p| p.solution.name().to_string())
                            on:change=move |ev| apply(Edit::SetSolution(Solution::parse(&event_target_value(&ev))))/>
                    </label>
                    <datalist id="solutions">
                        {Solution::KNOWN.iter().map(|s| view! { <option value=s.name().to_string()></option> }).collect_view()}
                    </datalist>
                </div>
            </section>
            <section>
                <h2>"Datoer"</h2>
                <label class="narrow">
                    "Planlagt go-live"
                    <DateInput name="go-live" required=true
                        value=Signal::derive(move || app.plan.with(|p| p.as_ref().map(|p| p.go_live)))
                        on_commit=set_go_live/>
                </label>
                {move || app.plan.with(|p| p.as_ref().and_then(|p| p.go_live_note()))
                    .map(|note| view! { <p class="warning go-live-note" role="status">{note}</p> })}
                <table class="phase-table">
                    <thead><tr><th scope="col">"Fase"</th><th scope="col">"Start"</th><th scope="col">"Slut"</th></tr></thead>
                    <tbody>
                        {Phase::ALL.into_iter().map(|phase| view! {
                            <tr>
                                <th scope="row" title=catalog::phase(phase).focus>{phase.label()}</th>
                                <td><DateInput aria_label=format!("Start af {}", phase.label()) required=true
                                    value=Signal::derive(move || window(phase).map(|w| w.start))
                                    on_commit=move |d| set_window(phase, true, d)/></td>
                                <td><DateInput aria_label=format!("Slut af {}", phase.label()) required=true
                                    value=Signal::derive(move || window(phase).map(|w| w.end))
                                    on_commit=move |d| set_window(phase, false, d)/></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="hint">"Ændrede fasedatoer flytter ikke aktiviteternes datoer."</p>
            </section>
            <section>
                <h2>"Hovedopgavernes faser"</h2>
                <p class="hint">"Markér de faser, hver hovedopgave er aktiv i. En fase kan kun fjernes, når hovedopgaven ikke har aktiviteter i den."</p>
                <div class="table-scroll">
                    <table class="task-phases">
                        <thead>
                            <tr>
                                <th scope="col">"Hovedopgave"</th>
                                {Phase::ALL.into_iter().map(|p| view! { <th scope="col">{p.code()}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>{task_rows}</tbody>
                    </table>
                </div>
            </section>
        </div>
    }
}
