//! The phase × main task matrix of Overblik (Skema 1).

use leptos::prelude::*;

use super::{use_app, Route};
use crate::catalog;
use crate::model::{count, ActivityFilter, Phase, TaskGroup, TaskNo};

/// The matrix: one row per main task under its group, one column per phase.
/// A cell shows how many activities lie there and how many are done; cells
/// where the main task is not active are empty. Clicking a cell shows its
/// activities in Aktiviteter.
#[component]
pub fn PhaseTaskMatrix() -> impl IntoView {
    let app = use_app();
    let matrix = Memo::new(move |_| app.plan.with(|p| p.as_ref().map(|p| p.matrix())));
    let open = move |task: TaskNo, phase: Phase| {
        app.filter.set(ActivityFilter {
            task: Some(task),
            phase: Some(phase),
            ..Default::default()
        });
        app.go(Route::Aktiviteter);
    };
    let rows = TaskGroup::ALL
        .into_iter()
        .map(|group| {
            let tasks = catalog::tasks()
                .iter()
                .filter(|t| t.group == group)
                .filter_map(|t| TaskNo::new(t.number))
                .map(|task| {
                    let info = catalog::task(task);
                    let cells = Phase::ALL
                        .into_iter()
                        .map(|phase| {
                            let cell = move || matrix.with(|m| m.as_ref().map(|m| m.cell(task, phase)).unwrap_or_default());
                            move || {
                                let c = cell();
                                if !c.active {
                                    return view! {
                                        <td class="cell inactive">
                                            <span class="sr-only">"Ikke aktiv"</span>
                                        </td>
                                    }
                                    .into_any();
                                }
                                let complete = c.total > 0 && c.done == c.total;
                                // The button is named by its own text, so the name
                                // starts with what is seen (WCAG 2.5.3); the task and
                                // phase follow for screen readers only.
                                let context = format!(", hovedopgave {} {}, {}", task.get(), info.name, phase.label());
                                view! {
                                    <td class="cell active" class:complete=complete class:empty={c.total == 0}>
                                        <button
                                            type="button"
                                            class="cell-button"
                                            data-task=task.get()
                                            data-phase=phase.code()
                                            on:click=move |_| open(task, phase)
                                        >
                                            <span class="count">{c.total}</span>
                                            <span class="sr-only">{if c.total == 1 { " aktivitet, " } else { " aktiviteter, " }}</span>
                                            <span class="done">{count(c.done, "færdig", "færdige")}</span>
                                            <span class="sr-only">{context}</span>
                                            <span
                                                class="bar"
                                                style=format!(
                                                    "--done:{}%",
                                                    (c.done * 100).checked_div(c.total).unwrap_or(0)
                                                )
                                            ></span>
                                        </button>
                                    </td>
                                }
                                .into_any()
                            }
                        })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row" class="task-name">
                                <span class="task-no">{task.get()}</span>
                                " "
                                <span title=info.description>{info.name}</span>
                                <button type="button" class="info-btn" aria-expanded="false" data-info=format!("t{}", task.get()) aria-label=format!("Om hovedopgave {} {}", task.get(), info.name)></button>
                            </th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <tbody>
                    <tr class="group-row">
                        <th scope="rowgroup" colspan="6">{group.name()}</th>
                    </tr>
                    {tasks}
                </tbody>
            }
        })
        .collect_view();
    let totals = Phase::ALL
        .into_iter()
        .map(|phase| {
            move || {
                let (total, done) =
                    matrix.with(|m| m.as_ref().map(|m| m.phase_total(phase)).unwrap_or_default());
                view! { <td class="total">{format!("{done} / {total}")}</td> }
            }
        })
        .collect_view();
    view! {
        <table class="matrix">
            <caption>"Hovedopgaver og faser: antal aktiviteter og hvor mange der er færdige"</caption>
            <thead>
                <tr>
                    <th scope="col">"Hovedopgave"</th>
                    {Phase::ALL
                        .into_iter()
                        .map(|p| view! { <th scope="col" title=catalog::phase(p).focus>{p.code()}<br/><span class="phase-name">{p.name()}</span><button type="button" class="info-btn" aria-expanded="false" data-info=p.code() aria-label=format!("Om {}", p.label())></button></th> })
                        .collect_view()}
                </tr>
            </thead>
            {rows}
            <tfoot>
                <tr>
                    <th scope="row">"Færdige / i alt"</th>
                    {totals}
                </tr>
            </tfoot>
        </table>
    }
}
