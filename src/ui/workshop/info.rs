//! The model's explanation of a phase or main task, one click away: any
//! button with `data-info` (a phase code such as "F2", or "t5" for main
//! task 5) opens a small panel beside it with the texts of Tabel 1/2 or
//! the main task's description and purpose. Escape, ✕ or a click
//! elsewhere closes it. It is the next Tab stop after its button.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::super::dom::{el, p, region, El};
use super::super::focus;
use super::Workshop;
use crate::catalog;
use crate::model::{Phase, TaskNo};

/// The panel's selector.
const PANEL: &str = ".info-panel";

/// Opens explanations on clicks of `data-info` buttons and closes them on
/// clicks elsewhere and on Escape.
///
/// The button and panel work as a disclosure (WAI-ARIA APG): the button
/// says whether its panel is open (`aria-expanded`) and keeps focus, and
/// as the panel is drawn at the end of the page, it is made the next Tab
/// stop after its button (see [`focus::detour`]). Closing it while focus
/// is in it (Escape, ×) gives focus back to the button.
pub fn install(w: Workshop) {
    let opener = StoredValue::new_local(None::<web_sys::Element>);
    Effect::new(move |was_open: Option<bool>| {
        let open = w.info.with(Option::is_some);
        let Some(button) = opener.get_value() else {
            return open;
        };
        let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
        if open {
            focus::detour(PANEL, Some(button));
        } else if was_open == Some(true) {
            focus::end_detour(PANEL);
            focus::keep(vec![focus::Target::Element(button)]);
        }
        open
    });
    let _ = window_event_listener(leptos::ev::click, move |ev| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if let Some(button) = target.closest("[data-info]").ok().flatten() {
            let key = button.get_attribute("data-info").unwrap_or_default();
            let r = button.get_bounding_client_rect();
            let same = w
                .info
                .with_untracked(|i| i.as_ref().is_some_and(|i| i.0 == key));
            if let Some(old) = opener.get_value().filter(|o| *o != button) {
                let _ = old.set_attribute("aria-expanded", "false");
            }
            opener.set_value(Some(button));
            w.info.set((!same).then_some((key, r.left(), r.bottom())));
            return;
        }
        if target.closest(".info-panel").ok().flatten().is_none()
            && w.info.with_untracked(Option::is_some)
        {
            w.info.set(None);
        }
    });
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && w.info.with_untracked(Option::is_some) {
            w.info.set(None);
        }
    });
}

fn section(heading: &str, text: &str) -> Vec<El> {
    vec![el("h3").text(heading), p("", text)]
}

/// The panel's content for `key`, or `None` for an unknown key.
fn content(key: &str) -> Option<(String, Vec<El>)> {
    if let Some(phase) = Phase::from_code(key) {
        let info = catalog::phase(phase);
        let mut parts = vec![p("", info.focus)];
        parts.extend(section("Udbytte", info.effect));
        parts.extend(section("Aktører", info.actors));
        parts.push(el("h3").text("Succeskriterier"));
        parts.push(
            el("ul").children(
                info.success_factors
                    .iter()
                    .map(|f| el("li").text(f))
                    .collect(),
            ),
        );
        parts.extend(section("Succes forekommer når/hvis", info.success_when));
        return Some((phase.label(), parts));
    }
    let no = key
        .strip_prefix('t')?
        .parse::<u8>()
        .ok()
        .and_then(TaskNo::new)?;
    let info = catalog::task(no);
    let mut parts = vec![p("info-group", info.group.name()), p("", info.description)];
    parts.extend(section("Formål", info.purpose));
    Some((format!("Hovedopgave {} {}", info.number, info.name), parts))
}

fn render(w: Workshop) -> El {
    let Some((key, left, top)) = w.info.get() else {
        return el("div");
    };
    let Some((title, parts)) = content(&key) else {
        return el("div");
    };
    let width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1280.0);
    let left = left.min(width - 400.0).max(8.0);
    el("div")
        .cls("info-panel")
        .attr("role", "region")
        .attr("aria-label", &title)
        .attr("style", &format!("left:{left:.0}px;top:{:.0}px", top + 6.0))
        .child(
            el("div")
                .cls("info-head")
                .child(el("h2").text(&title))
                .child(
                    el("button")
                        .attr("type", "button")
                        .cls("info-close")
                        .attr("aria-label", "Luk forklaring")
                        .act("close", "")
                        .text("×"),
                ),
        )
        .children(parts)
        .child(p("info-source", "Kilde: KOMBIT, Implementeringsmodellen."))
}

/// The explanation panel (empty while closed).
pub fn panel(w: Workshop) -> impl IntoView {
    region(
        "info-layer",
        Box::new(move || render(w)),
        Some(std::rc::Rc::new(move |_| w.info.set(None))),
    )
}
