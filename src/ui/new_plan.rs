//! "Ny plan": create a plan from the template.

use chrono::{Datelike, Duration, NaiveDate};
use leptos::prelude::*;

use super::{clock, date_input::DateInput, use_app, Route};
use crate::catalog;
use crate::model::{propose_phase_windows, Phase, PhaseWindow, Plan, PlanSetup, Solution};

/// Next Monday on or after `d`.
fn monday_from(d: NaiveDate) -> NaiveDate {
    d + Duration::days(i64::from((7 - d.weekday().num_days_from_monday()) % 7))
}

/// The new-plan form.
#[component]
pub fn NewPlanPage() -> impl IntoView {
    let app = use_app();
    let today = clock::today();
    let municipality = RwSignal::new(String::new());
    let solution_choice = RwSignal::new("KY".to_string());
    let other_solution = RwSignal::new(String::new());
    let f1_start = RwSignal::new(Some(monday_from(today)));
    let go_live = RwSignal::new(Some(monday_from(today + Duration::days(270))));
    let overrides = RwSignal::new(None::<[PhaseWindow; 5]>);
    let error = RwSignal::new(None::<String>);
    let proposal = Memo::new(move |_| match (f1_start.get(), go_live.get()) {
        (Some(f1), Some(gl)) => propose_phase_windows(f1, gl).map_err(|e| e.to_string()),
        _ => Err("Vælg startdato for F1 og go-live-dato.".to_string()),
    });
    // A new proposal replaces hand-edited phase dates.
    Effect::new(move |_| {
        proposal.track();
        overrides.set(None);
    });
    let windows = move || overrides.get().or_else(|| proposal.get().ok());
    let solution = move || {
        if solution_choice.get() == "other" {
            Solution::parse(&other_solution.get())
        } else {
            Solution::parse(&solution_choice.get())
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(f1), Some(gl)) = (f1_start.get_untracked(), go_live.get_untracked()) else {
            error.set(Some("Vælg startdato for F1 og go-live-dato.".into()));
            return;
        };
        let setup = PlanSetup {
            id: clock::new_plan_id(),
            municipality: municipality.get_untracked(),
            solution: solution(),
            go_live: gl,
            f1_start: f1,
            phases: overrides.get_untracked(),
        };
        match Plan::from_template(setup, clock::now()) {
            Ok(plan) => {
                error.set(None);
                app.open_plan(plan, None);
                app.notify("Planen er oprettet med skabelonens 142 aktiviteter.", None);
                app.go(Route::Overblik);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    // A message about the last submit goes once the form is changed; the
    // next submit checks again.
    let clear_error = move |_: leptos::ev::Event| {
        if error.with_untracked(Option::is_some) {
            error.set(None);
        }
    };
    let set_window = move |phase: Phase, start: bool, value: Option<NaiveDate>| {
        let Some(mut w) = windows() else { return };
        let Some(value) = value else { return };
        if start {
            w[phase.index()].start = value;
        } else {
            w[phase.index()].end = value;
        }
        overrides.set(Some(w));
    };
    view! {
        <div class="page new-plan">
            <h1>"Ny plan"</h1>
            <p class="lead">
                "Opret en implementeringsplan efter KOMBITs Implementeringsmodel. Planen får modellens 5 faser, 16 hovedopgaver og 142 eksempler på aktiviteter, placeret med datoer i faserne. Alt kan rettes bagefter."
            </p>
            {move || app.plan.with(|p| p.as_ref().map(|p| view! {
                <p class="note">{format!("Den nuværende plan ({}) er gemt i browseren; en ny plan bliver den aktuelle.", p.title())}</p>
            }))}
            // The app's own Danish messages, not the browser's validation
            // bubbles (which speak the browser's language).
            <form
                class="new-plan-form"
                novalidate
                on:submit=submit
                on:input=clear_error
                on:change=clear_error
            >
                <label>
                    "Kommune"
                    <input
                        type="text"
                        name="municipality"
                        list="municipalities"
                        required
                        autocomplete="off"
                        maxlength="100"
                        placeholder="Fx Aarhus"
                        prop:value=move || municipality.get()
                        on:input=move |ev| municipality.set(event_target_value(&ev))
                    />
                </label>
                <datalist id="municipalities">
                    {catalog::MUNICIPALITIES.iter().map(|m| view! { <option value=*m></option> }).collect_view()}
                </datalist>
                <fieldset>
                    <legend>"Løsning"</legend>
                    <div class="radio-row">
                        {Solution::KNOWN.into_iter().map(|s| {
                            let key = s.name().to_string();
                            let key2 = key.clone();
                            let key3 = key.clone();
                            view! {
                                <label class="inline">
                                    <input
                                        type="radio"
                                        name="solution"
                                        value=key.clone()
                                        prop:checked=move || solution_choice.get() == key2
                                        on:change=move |_| solution_choice.set(key3.clone())
                                    />
                                    {key}
                                    {s.long_name().map(|n| view! { <span class="hint">{format!(" ({n})")}</span> })}
                                </label>
                            }
                        }).collect_view()}
                        <label class="inline">
                            <input
                                type="radio"
                                name="solution"
                                value="other"
                                prop:checked=move || solution_choice.get() == "other"
                                on:change=move |_| solution_choice.set("other".into())
                            />
                            "Anden løsning"
                        </label>
                    </div>
                    <Show when=move || solution_choice.get() == "other">
                        <label>
                            "Løsningens navn"
                            <input
                                type="text"
                                name="other-solution"
                                maxlength="100"
                                prop:value=move || other_solution.get()
                                on:input=move |ev| other_solution.set(event_target_value(&ev))
                            />
                        </label>
                    </Show>
                </fieldset>
                <div class="row">
                    <label>
                        "Start af F1 Initiering"
                        <DateInput name="f1-start" required=true value=f1_start on_commit=move |d| f1_start.set(d) />
                    </label>
                    <label>
                        "Planlagt go-live"
                        <DateInput name="go-live" required=true value=go_live on_commit=move |d| go_live.set(d) />
                    </label>
                </div>
                <fieldset class="phase-proposal">
                    <legend>"Foreslåede fasedatoer (kan rettes)"</legend>
                    {move || match proposal.get() {
                        Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                        Ok(_) => view! {
                            <table class="phase-table">
                                <thead><tr><th scope="col">"Fase"</th><th scope="col">"Start"</th><th scope="col">"Slut"</th></tr></thead>
                                <tbody>
                                    {Phase::ALL.into_iter().map(|p| view! {
                                        <tr>
                                            <th scope="row">{p.label()}</th>
                                            <td><DateInput aria_label=format!("Start af {}", p.label()) required=true
                                                value=Signal::derive(move || windows().map(|w| w[p.index()].start))
                                                on_commit=move |d| set_window(p, true, d)/></td>
                                            <td><DateInput aria_label=format!("Slut af {}", p.label()) required=true
                                                value=Signal::derive(move || windows().map(|w| w[p.index()].end))
                                                on_commit=move |d| set_window(p, false, d)/></td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }}
                </fieldset>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <button type="submit" class="primary big">"Opret plan"</button>
            </form>
        </div>
    }
}
