//! The toolbar (zoom, today, collapse, downloads, paper and print) and the
//! legend: fixed markup with one click handler, kept in step with the
//! state by [`sync`].

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{dom, export, Paper, Tl, Ui};
use crate::layout::svg::legend;
use crate::layout::Zoom;
use crate::model::TaskNo;
use crate::ui::AppState;

/// The toolbar's buttons.
pub const MARKUP: &str = concat!(
    r#"<div class="tl-zoom" role="group" aria-label="Zoom">"#,
    r#"<button type="button" data-zoom="0" aria-pressed="false">Uge</button>"#,
    r#"<button type="button" data-zoom="1" aria-pressed="true">Måned</button>"#,
    r#"<button type="button" data-zoom="2" aria-pressed="false">Kvartal</button>"#,
    r#"<button type="button" data-zoom="3" aria-pressed="false">Hele planen</button></div>"#,
    r#"<button type="button" data-action="today">Gå til i dag</button>"#,
    r#"<button type="button" data-action="fold">Fold alle sammen</button>"#,
    r#"<span class="tl-spacer"></span>"#,
    r#"<button type="button" data-action="svg">Download SVG</button>"#,
    r#"<button type="button" data-action="png">Download PNG</button>"#,
    r#"<label class="inline tl-paper">Papir <select name="paper"><option value="A4">A4 liggende</option><option value="A3">A3 liggende</option></select></label>"#,
    r#"<button type="button" data-action="print">Udskriv</button>"#,
);

/// How to use the chart by pointer and keyboard.
pub const KEYS: &str = concat!(
    "Træk en bjælke for at flytte den, eller træk i enderne for at ændre start og slut. ",
    "Med tastaturet: <kbd>Tab</kbd> går til rækkernes navne og derfra til bjælkerne, ",
    "og <kbd>↑</kbd>/<kbd>↓</kbd> går til forrige/næste (ved en hovedopgave skifter <kbd>←</kbd>/<kbd>→</kbd> ",
    "mellem navnet og dens forklaring). På en bjælke flytter <kbd>Skift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> ",
    "den én dag, <kbd>Ctrl</kbd>+<kbd>←</kbd>/<kbd>→</kbd> ændrer slutdatoen og <kbd>Enter</kbd> åbner redigering."
);

/// The legend's items (the model's names and colours only).
pub fn legend_markup() -> String {
    legend()
        .into_iter()
        .map(|(kind, color, label)| {
            format!(r#"<li><span class="tl-swatch tl-swatch-{kind}" style="--c: {color}" aria-hidden="true"></span>{label}</li>"#)
        })
        .collect()
}

fn all_collapsed(tl: Tl) -> bool {
    tl.opts
        .with(|o| o.tasks.len() == usize::from(TaskNo::COUNT))
}

/// Keeps the pressed zoom button and the fold button's text current.
pub(super) fn sync(_app: AppState, tl: Tl, ui: &mut Ui) {
    let zoom = tl.opts.with(|o| o.zoom);
    for (i, z) in Zoom::ALL.into_iter().enumerate() {
        if let Ok(Some(b)) = ui.toolbar.query_selector(&format!("[data-zoom=\"{i}\"]")) {
            dom::set(&b, "aria-pressed", if z == zoom { "true" } else { "false" });
        }
    }
    if let Ok(Some(b)) = ui.toolbar.query_selector("[data-action=fold]") {
        b.set_text_content(Some(if all_collapsed(tl) {
            "Fold alle ud"
        } else {
            "Fold alle sammen"
        }));
    }
}

/// Changes the zoom, keeping the date in the middle of the view in place.
fn set_zoom(tl: Tl, zoom: Zoom) {
    let centre = tl
        .scale_now()
        .date_at(tl.scroll_left.get_untracked() + tl.view_w.get_untracked() / 2.0);
    tl.set_opts(|o| o.zoom = zoom);
    // The new scale is drawn where the view will be (the scroll position
    // is read back once the chart has its new width), so the head is drawn
    // once per zoom, not once at the old position and again after scrolling.
    let (scale, view_w) = (tl.scale_now(), tl.view_w.get_untracked());
    let left = (scale.x(centre) - view_w / 2.0)
        .min(scale.width() - view_w)
        .max(0.0);
    tl.scroll_left.set(left);
    tl.tick_left.set(super::tick_step(left));
    request_animation_frame(move || {
        if let Some(el) = tl.scroller() {
            el.set_scroll_left(left as i32);
            super::read_scroll(tl, &el);
        }
    });
}

/// A click in the toolbar.
pub(super) fn click(app: AppState, tl: Tl, ev: web_sys::Event) {
    if let Some((_, z)) = dom::closest_with(ev.target(), "[data-zoom]", "data-zoom") {
        if let Some(zoom) = z.parse::<usize>().ok().and_then(|i| Zoom::ALL.get(i)) {
            set_zoom(tl, *zoom);
        }
        return;
    }
    let Some((_, action)) = dom::closest_with(ev.target(), "[data-action]", "data-action") else {
        return;
    };
    match action.as_str() {
        "today" => tl.scroll_to_date(tl.today),
        "fold" => {
            let fold = !all_collapsed(tl);
            tl.set_opts(|o| {
                o.groups.clear();
                o.tasks = if fold {
                    TaskNo::all().collect()
                } else {
                    Vec::new()
                };
            });
        }
        "svg" => export::download_svg(app, tl),
        "png" => export::download_png(app, tl),
        "print" => export::print(tl),
        _ => {}
    }
}

/// A change in the toolbar (the paper select).
pub(super) fn change(tl: Tl, ev: web_sys::Event) {
    let Some(select) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
    else {
        return;
    };
    let paper = if select.value() == "A3" {
        Paper::A3
    } else {
        Paper::A4
    };
    tl.set_opts(|o| o.paper = paper);
}
