//! Downloading the current view as SVG and PNG, and printing it.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::Tl;
use crate::layout::svg::{svg_size, timeline_svg, SvgOptions};
use crate::ui::download::{download_blob, download_text};
use crate::ui::{clock, AppState};

/// Largest side of the PNG in pixels, and its largest area.
const PNG_MAX_SIDE: f64 = 16_000.0;
const PNG_MAX_AREA: f64 = 100_000_000.0;

/// A file name such as "tidslinje-aeroe-ky-2026-11-30".
fn file_stem(app: AppState) -> String {
    let name = app.plan.with_untracked(|p| {
        p.as_ref()
            .map(|p| format!("{} {}", p.municipality, p.solution.name()))
            .unwrap_or_default()
    });
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'æ' => slug.push_str("ae"),
            'ø' => slug.push_str("oe"),
            'å' => slug.push_str("aa"),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ if !slug.ends_with('-') => slug.push('-'),
            _ => {}
        }
    }
    format!(
        "tidslinje-{}-{}",
        slug.trim_matches('-'),
        clock::today().format("%Y-%m-%d")
    )
}

/// The current view (filter, collapsing, zoom) as a standalone SVG with its size.
pub fn current_svg(app: AppState, tl: Tl) -> Option<(String, f64, f64)> {
    let today = clock::today();
    let options = SvgOptions {
        printed: today,
        today,
        zoom: tl.zoom.get_untracked().label(),
        font: None,
    };
    app.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        tl.lanes.with_untracked(|l| {
            tl.scale.with_untracked(|s| {
                let (w, h) = svg_size(l, s);
                Some((timeline_svg(p, l, s, &options), w, h))
            })
        })
    })
}

/// Downloads the current view as an SVG file.
pub fn download_svg(app: AppState, tl: Tl) {
    let Some((svg, _, _)) = current_svg(app, tl) else {
        return;
    };
    if !download_text(&format!("{}.svg", file_stem(app)), "image/svg+xml", &svg) {
        app.notify("Browseren tillod ikke at gemme filen.", None);
    }
}

/// Downloads the current view as a PNG image, drawn by the browser from the SVG.
pub fn download_png(app: AppState, tl: Tl) {
    let Some((svg, w, h)) = current_svg(app, tl) else {
        return;
    };
    let failed = move || {
        app.notify(
            "PNG-billedet kunne ikke laves i denne browser. Prøv SVG i stedet.",
            None,
        )
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let (Ok(blob), Ok(img)) = (
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options),
        web_sys::HtmlImageElement::new(),
    ) else {
        return failed();
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return failed();
    };
    let name = format!("{}.png", file_stem(app));
    let image = img.clone();
    let loaded_url = url.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&loaded_url);
        let scale = 2.0_f64
            .min(PNG_MAX_SIDE / w.max(h))
            .min((PNG_MAX_AREA / (w * h)).sqrt());
        let drawn = (|| {
            let canvas = document()
                .create_element("canvas")
                .ok()?
                .dyn_into::<web_sys::HtmlCanvasElement>()
                .ok()?;
            canvas.set_width((w * scale).round() as u32);
            canvas.set_height((h * scale).round() as u32);
            let ctx = canvas
                .get_context("2d")
                .ok()??
                .dyn_into::<web_sys::CanvasRenderingContext2d>()
                .ok()?;
            ctx.scale(scale, scale).ok()?;
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, w, h);
            ctx.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w, h)
                .ok()?;
            let done = wasm_bindgen::closure::Closure::once_into_js(move |blob: JsValue| {
                match blob.dyn_into::<web_sys::Blob>() {
                    Ok(blob) => {
                        download_blob(&name, &blob);
                    }
                    Err(_) => failed(),
                }
            });
            canvas.to_blob(done.unchecked_ref()).ok()
        })();
        if drawn.is_none() {
            failed();
        }
    });
    let onerror = wasm_bindgen::closure::Closure::once_into_js(failed);
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_onerror(Some(onerror.unchecked_ref()));
    img.set_src(&url);
}

/// Prints the timeline: every row drawn, fitted to the chosen paper.
pub fn print(tl: Tl) {
    tl.printing.set(true);
    // Let the rows render before the print dialog lays out the page.
    request_animation_frame(move || {
        set_timeout(
            move || {
                let _ = window().print();
                tl.printing.set(false);
            },
            std::time::Duration::from_millis(50),
        );
    });
}
