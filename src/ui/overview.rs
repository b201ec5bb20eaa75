//! Overblik: the plan's header and the phase × main task matrix.

use leptos::prelude::*;

use super::workshop::ExampleCopyNote;
use super::{clock, format, use_app, FollowupOverview, PhaseHistory, PhaseTaskMatrix};
use crate::catalog;
use crate::model::Phase;

/// The overview page.
#[component]
pub fn OverviewPage() -> impl IntoView {
    let app = use_app();
    let plan = move || app.plan.get();
    let header = move || {
        plan().map(|p| {
            let today = clock::today();
            let current = p.stage.phase();
            let planned = p.phase_at(today);
            let total = p.activities.iter().filter(|a| a.counts()).count();
            let done = p.activities.iter().filter(|a| a.is_done()).count();
            let overdue = p.activities.iter().filter(|a| a.is_overdue(today)).count();
            let phases = Phase::ALL
                .into_iter()
                .map(|ph| {
                    let w = p.window(ph);
                    let info = catalog::phase(ph);
                    view! {
                        <li class="phase-chip" class:current=current == Some(ph) title=info.focus>
                            <span class="phase-code">{ph.code()}</span>
                            <span class="phase-name">{ph.name()}</span>
                            <span class="phase-dates">
                                {format!("{} – {}", format::date(w.start), format::date(w.end))}
                            </span>
                            <span class="phase-weeks">
                                {format!("{} – {}", format::week(w.start), format::week(w.end))}
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="plan-header" aria-labelledby="plan-heading">
                    <h1 id="plan-heading">
                        {format!("{} · {}", p.kommune(), p.solution.name())}
                    </h1>
                    <p class="subtitle">
                        {p.solution.long_name().map(|n| format!("{n} · "))}
                        "Go-live: "
                        <strong>{format::date(p.go_live)}</strong>
                        {format!(" ({})", format::week(p.go_live))}
                    </p>
                    <ol class="phases" aria-label="Faser">{phases}</ol>
                    <dl class="stats">
                        <div><dt>"Aktiviteter"</dt><dd>{total}</dd></div>
                        <div><dt>"Færdige"</dt><dd>{done}</dd></div>
                        <div><dt>"Forsinkede"</dt><dd class:alert={overdue > 0}>{overdue}</dd></div>
                        <div>
                            <dt>"Aktuel fase"</dt>
                            <dd>{p.stage.label()}</dd>
                            {(planned != current).then(|| view! {
                                <dd class="planned-phase">{format!("Efter datoerne: {}", planned.map(|c| c.label()).unwrap_or_else(|| "uden for planens faser".into()))}</dd>
                            })}
                        </div>
                    </dl>
                </section>
            }
        })
    };
    view! {
        <div class="page overview">
            {header}
            <ExampleCopyNote />
            <FollowupOverview />
            <section aria-labelledby="matrix-heading">
                <h2 id="matrix-heading">"Hovedopgaver × faser"</h2>
                <p class="hint">"Vælg en celle for at se dens aktiviteter. Tomme grå celler: hovedopgaven er ikke aktiv i fasen."</p>
                <div class="table-scroll">
                    <PhaseTaskMatrix />
                </div>
            </section>
            <PhaseHistory />
        </div>
    }
}
