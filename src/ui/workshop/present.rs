//! Presentation mode (præsentationstilstand) for projectors: large type,
//! high contrast, an overview slide and one slide per phase with its main
//! tasks, outcome (udbytte), actors (aktører) and success factors (Tabel
//! 1/2). Arrow keys and a clicker's Page Up/Page Down step through the
//! slides; Escape leaves. Full screen where the browser allows it, else a
//! full-window overlay. Focus moves onto the slides' buttons, Tab stays
//! among them, and on leaving it goes back to "Hjælp", where the
//! presentation is started.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::super::dom::{button, el, p, region, El};
use super::super::{focus, format, use_app};
use super::Workshop;
use crate::catalog;
use crate::model::{Phase, Plan, TaskNo};

/// The overview slide and one per phase.
const SLIDES: usize = 1 + Phase::ALL.len();

/// Calls `method` on `target` if it exists, ignoring a rejected promise.
fn call(target: &JsValue, method: &str) {
    let Some(f) = js_sys::Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let Ok(ret) = f.call0(target) else { return };
    if let Some(catch) = js_sys::Reflect::get(&ret, &"catch".into())
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
    {
        let ignore = wasm_bindgen::closure::Closure::once_into_js(|_: JsValue| {});
        let _ = catch.call1(&ret, &ignore);
    }
}

fn in_fullscreen() -> bool {
    js_sys::Reflect::get(&document(), &"fullscreenElement".into())
        .is_ok_and(|e| !e.is_null() && !e.is_undefined())
}

/// Starts presenting at the first slide, full screen when available
/// (call from a user gesture).
pub fn start(w: Workshop) {
    w.info.set(None);
    w.slide.set(Some(0));
    super::super::after_paint(|| {
        focus::to_selector(NEXT);
    });
    if let Some(root) = document().document_element() {
        call(&root, "requestFullscreen");
    }
}

/// Leaves presentation mode and full screen.
pub fn stop(w: Workshop) {
    // Focus goes back to "Hjælp" before the slides (and focus) go.
    if w.slide.get_untracked().is_some() {
        focus::to_selector(".help-menu summary");
    }
    w.slide.set(None);
    focus::keep_on(&[".help-menu summary"]);
    if in_fullscreen() {
        call(&document(), "exitFullscreen");
    }
}

fn step(w: Workshop, by: isize) {
    if let Some(i) = w.slide.get_untracked() {
        let next = (i as isize + by).clamp(0, SLIDES as isize - 1) as usize;
        w.slide.set(Some(next));
        // "Forrige" and "Næste" are disabled on the first and last slide:
        // focus goes on to the next button ("Afslut" after "Næste").
        focus::keep_on(if by > 0 {
            &[NEXT, CLOSE]
        } else {
            &[PREV, NEXT]
        });
    }
}

/// The slides' buttons.
const NEXT: &str = ".presentation [data-act=next]";
const PREV: &str = ".presentation [data-act=prev]";
const CLOSE: &str = ".presentation [data-act=close]";

/// Keeps Tab among the presentation's buttons (the page behind it is
/// covered), bringing focus back into it if it has left.
fn trap_tab(ev: &web_sys::KeyboardEvent) {
    let Ok(list) = document().query_selector_all(".presentation button:not([disabled])") else {
        return;
    };
    let buttons: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect();
    if buttons.is_empty() {
        return;
    }
    let at = focus::current().and_then(|a| buttons.iter().position(|b| *b == a));
    let n = buttons.len();
    let to = match (at, ev.shift_key()) {
        (Some(i), false) => (i + 1) % n,
        (Some(i), true) => (i + n - 1) % n,
        (None, _) => 0,
    };
    ev.prevent_default();
    focus::to(&buttons[to]);
}

/// Keys while presenting; leaving full screen (e.g. Escape there) ends
/// the presentation too.
pub fn install(w: Workshop) {
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if w.slide.get_untracked().is_none() {
            return;
        }
        // Space on a focused button presses it, as everywhere else.
        let on_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| t.tag_name() == "BUTTON");
        match ev.key().as_str() {
            " " if on_button => return,
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => step(w, 1),
            "ArrowLeft" | "ArrowUp" | "PageUp" => step(w, -1),
            "Home" => w.slide.set(Some(0)),
            "End" => w.slide.set(Some(SLIDES - 1)),
            "Escape" => stop(w),
            "Tab" => trap_tab(&ev),
            _ => return,
        }
        ev.prevent_default();
    });
    let _ = window_event_listener_untyped("fullscreenchange", move |_| {
        if !in_fullscreen() && w.slide.get_untracked().is_some() {
            stop(w);
        }
    });
}

/// Main tasks active in `phase`: the plan's settings, or the model's.
fn tasks_in(plan: Option<&Plan>, phase: Phase) -> Vec<El> {
    TaskNo::all()
        .filter(|t| match plan {
            Some(p) => p.task(*t).phases.contains(phase),
            None => catalog::default_phases(*t).contains(phase),
        })
        .map(|t| {
            el("li")
                .child(el("span").cls("slide-no").text(&t.get().to_string()))
                .text(" ")
                .text(catalog::task(t).name)
        })
        .collect()
}

fn overview(plan: Option<&Plan>) -> El {
    let title = plan.map_or_else(|| "Implementeringsmodellen".to_string(), Plan::title);
    el("div")
        .cls("slide slide-overview")
        .child(el("h1").attr("id", "slide-heading").text(&title))
        .child(p("slide-lead", "Implementeringsmodellens fem faser"))
        .child(
            el("ol").cls("slide-phases").children(
                Phase::ALL
                    .into_iter()
                    .map(|ph| {
                        let mut li = el("li")
                            .child(el("strong").text(&ph.label()))
                            .child(p("", catalog::phase(ph).focus));
                        if let Some(w) = plan.map(|p| p.window(ph)) {
                            li = li.child(p(
                                "slide-dates",
                                &format!("{} – {}", format::date(w.start), format::date(w.end)),
                            ));
                        }
                        li
                    })
                    .collect(),
            ),
        )
}

fn phase_slide(plan: Option<&Plan>, ph: Phase) -> El {
    let info = catalog::phase(ph);
    let block = |heading: &str, content: El| {
        el("section")
            .cls("slide-block")
            .child(el("h2").text(heading))
            .child(content)
    };
    let mut head = el("header")
        .cls("slide-head")
        .child(el("h1").attr("id", "slide-heading").text(&ph.label()))
        .child(p("slide-lead", info.focus));
    if let Some(w) = plan.map(|p| p.window(ph)) {
        head = head.child(p(
            "slide-dates",
            &format!("{} – {}", format::date(w.start), format::date(w.end)),
        ));
    }
    el("div")
        .cls("slide slide-phase")
        .attr("data-phase", ph.code())
        .child(head)
        .child(
            el("div")
                .cls("slide-grid")
                .child(block(
                    "Hovedopgaver",
                    el("ul").cls("slide-tasks").children(tasks_in(plan, ph)),
                ))
                .child(
                    el("div")
                        .child(block("Udbytte", p("", info.effect)))
                        .child(block("Aktører", p("", info.actors))),
                )
                .child(
                    el("div")
                        .child(block(
                            "Succeskriterier",
                            el("ul").children(
                                info.success_factors
                                    .iter()
                                    .map(|f| el("li").text(f))
                                    .collect(),
                            ),
                        ))
                        .child(block(
                            "Succes forekommer når/hvis",
                            p("", info.success_when),
                        )),
                ),
        )
}

fn render(w: Workshop, plan: Option<&Plan>) -> El {
    let Some(i) = w.slide.get() else {
        return el("div");
    };
    let slide = match Phase::from_index(i.wrapping_sub(1)) {
        Some(ph) => phase_slide(plan, ph),
        None => overview(plan),
    };
    el("div")
        .cls("presentation")
        .attr("role", "dialog")
        .attr("aria-modal", "true")
        .attr("aria-labelledby", "slide-heading")
        .attr("data-slide", &i.to_string())
        .child(slide)
        .child(
            el("footer")
                .cls("slide-foot")
                .child(button("‹ Forrige", "", "prev", "").flag("disabled", i == 0))
                .child(el("span").cls("slide-count").text(&format!(
                    "{} / {SLIDES} · ← → eller Page Up/Down skifter · Esc afslutter",
                    i + 1
                )))
                .child(button("Næste ›", "", "next", "").flag("disabled", i + 1 == SLIDES))
                .child(button("Afslut", "slide-close", "close", "")),
        )
}

/// The presentation overlay (empty while not presenting).
pub fn presentation(w: Workshop) -> impl IntoView {
    let app = use_app();
    region(
        "presentation-layer",
        Box::new(move || app.plan.with(|p| render(w, p.as_ref()))),
        Some(std::rc::Rc::new(move |act| match act.act.as_str() {
            "prev" => step(w, -1),
            "next" => step(w, 1),
            _ => stop(w),
        })),
    )
}
