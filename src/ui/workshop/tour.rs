//! The guided introduction (introduktion) for first-time users: phases,
//! main tasks, timeline and benefits in six short steps. Skippable; shown
//! once on the first visit and again from "Hjælp".

use leptos::prelude::*;

use super::super::dialog::Dialog;
use super::super::dom::{el, p, region, El};
use super::Workshop;
use crate::catalog;
use crate::model::{Phase, TaskGroup};

/// The steps' headings.
const TITLES: [&str; 6] = [
    "Velkommen til Implan",
    "Fem faser",
    "16 hovedopgaver",
    "Tidslinje",
    "Gevinster",
    "Kom i gang",
];

/// The body of step `i`.
fn body(i: usize) -> El {
    let out = el("div").cls("tour-body");
    match i {
        0 => out.child(p(
            "",
            "Implan hjælper kommunen med at planlægge og følge op på implementeringen af en \
             fælleskommunal it-løsning efter KOMBITs Implementeringsmodel. Denne korte \
             introduktion viser faserne, hovedopgaverne, tidslinjen og gevinsterne.",
        )),
        1 => out
            .child(p(
                "",
                "Modellen deler implementeringen i fem faser. Ved hver faseovergang tjekker \
                 kommunen sin parathed med tjeklisten for faseovergang under Opfølgning.",
            ))
            .child(
                el("ul").children(
                    Phase::ALL
                        .into_iter()
                        .map(|ph| {
                            el("li")
                                .child(el("strong").text(&ph.label()))
                                .text(": ")
                                .text(catalog::phase(ph).focus)
                        })
                        .collect(),
                ),
            ),
        2 => out
            .child(p(
                "",
                "Hver hovedopgave samler eksempler på aktiviteter. Overblik viser hovedopgaverne \
                 fase for fase (skema 1), og Aktiviteter rummer modellens 142 aktiviteter, som \
                 I tilpasser til jeres plan.",
            ))
            .child(
                el("ul").children(
                    TaskGroup::ALL
                        .into_iter()
                        .map(|g| {
                            let names: Vec<String> = catalog::tasks()
                                .iter()
                                .filter(|t| t.group == g)
                                .map(|t| format!("{} {}", t.number, t.name))
                                .collect();
                            el("li")
                                .child(el("strong").text(g.name()))
                                .text(": ")
                                .text(&names.join(", "))
                        })
                        .collect(),
                ),
            ),
        3 => out.child(p(
            "",
            "Tidslinje viser planen som et Gantt-diagram: faserne som farvede bånd, \
             faseovergange og go-live, idriftsættelsen (2–14 arbejdsdage før go-live) og \
             go-live-perioden (de første 7–10 arbejdsdage). Træk i en aktivitet for at flytte \
             den, eller brug tastaturet.",
        )),
        4 => out.child(p(
            "",
            "Gevinstrealisering løber gennem hele modellen. Under Gevinster registrerer I \
             gevinstprofiler med gevinstejer, baseline, mål og målinger, og gevinstdiagrammet \
             viser kæden fra leverancer over forandringer og effekter til gevinster og mål.",
        )),
        _ => out
            .child(p(
                "",
                "Opret en ny plan, eller åbn et af eksemplerne for at øve jer – eksemplet selv \
                 ændres aldrig. Det lille «i» ved en fase eller hovedopgave viser modellens \
                 forklaring.",
            ))
            .child(p(
                "",
                "Introduktionen og præsentationstilstanden til workshops finder I altid under \
                 Hjælp.",
            )),
    }
}

/// The introduction dialog, while open.
pub fn tour(w: Workshop) -> impl IntoView {
    let step = move || w.tour.get().unwrap_or(0).min(TITLES.len() - 1);
    let last = move || step() + 1 == TITLES.len();
    view! {
        <Show when=move || w.tour.get().is_some()>
            <Dialog labelledby="tour-heading" on_close=move |_| w.close_tour()>
                <div class="tour">
                    <p class="tour-progress">{move || format!("Introduktion · trin {} af {}", step() + 1, TITLES.len())}</p>
                    <h2 id="tour-heading">{move || TITLES[step()]}</h2>
                    {region("tour-text", Box::new(move || body(step())), None)}
                    <div class="dialog-actions">
                        <button type="button" class="tour-skip" on:click=move |_| w.close_tour()>
                            "Spring over"
                        </button>
                        <button
                            type="button"
                            disabled=move || step() == 0
                            on:click=move |_| {
                                let back = step().saturating_sub(1);
                                w.tour.set(Some(back));
                                // "Forrige" is disabled on the first step.
                                if back == 0 {
                                    super::super::focus::keep_on(&[".tour button.primary"]);
                                }
                            }
                        >
                            "Forrige"
                        </button>
                        <button
                            type="button"
                            class="primary"
                            on:click=move |_| if last() { w.close_tour() } else { w.tour.set(Some(step() + 1)) }
                        >
                            {move || if last() { "Afslut" } else { "Næste" }}
                        </button>
                    </div>
                </div>
            </Dialog>
        </Show>
    }
}
