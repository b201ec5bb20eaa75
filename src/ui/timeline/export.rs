//! Downloading the current view as SVG and PNG, and printing it.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

use super::Tl;
use crate::layout::svg::{base64, svg_size, timeline_svg, SvgOptions};
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
        crate::model::iso_date(clock::today())
    )
}

thread_local! {
    /// The export font, base64 (regular, bold), once fetched.
    static FONTS: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// Fetches `url` and passes its bytes to `done` (`None` if that failed).
fn fetch_bytes(url: &str, done: Box<dyn FnOnce(Option<Vec<u8>>)>) {
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = move |bytes: Option<Vec<u8>>| {
        if let Some(f) = done.borrow_mut().take() {
            f(bytes);
        }
    };
    let (on_error, on_body) = (finish.clone(), finish.clone());
    let got_body = Closure::once(move |buffer: JsValue| {
        on_body(Some(js_sys::Uint8Array::new(&buffer).to_vec()))
    });
    let got_response = Closure::once(move |response: JsValue| {
        let body = response
            .dyn_into::<web_sys::Response>()
            .ok()
            .filter(web_sys::Response::ok)
            .and_then(|r| r.array_buffer().ok());
        match body {
            Some(p) => {
                let _ = p.then(&got_body);
                got_body.forget();
            }
            None => finish(None),
        }
    });
    let failed = Closure::once(move |_: JsValue| on_error(None));
    let _ = window().fetch_with_str(url).then2(&got_response, &failed);
    got_response.forget();
    failed.forget();
}

/// Runs `then` with the export fonts, fetching them the first time.
/// Without them (offline, or blocked) the file still names its font stack.
fn with_fonts(then: impl FnOnce(Option<(String, String)>) + 'static) {
    if let Some(fonts) = FONTS.with(|f| f.borrow().clone()) {
        return then(Some(fonts));
    }
    fetch_bytes(
        "public/fonts/implan-sans.woff2",
        Box::new(move |regular| {
            fetch_bytes(
                "public/fonts/implan-sans-bold.woff2",
                Box::new(move |bold| {
                    let fonts = regular.zip(bold).map(|(r, b)| (base64(&r), base64(&b)));
                    if let Some(f) = &fonts {
                        FONTS.with(|c| *c.borrow_mut() = Some(f.clone()));
                    }
                    then(fonts);
                }),
            )
        }),
    );
}

/// The current view (filter, collapsing, zoom) as a standalone SVG with its size.
pub fn current_svg(
    app: AppState,
    tl: Tl,
    fonts: Option<(String, String)>,
) -> Option<(String, f64, f64)> {
    let today = clock::today();
    let options = SvgOptions {
        printed: today,
        today,
        zoom: tl.opts.with_untracked(|o| o.zoom.label()),
        fonts,
    };
    app.plan.with_untracked(|p| {
        let p = p.as_ref()?;
        tl.lanes.with_untracked(|l| {
            tl.frame.with_untracked(|f| {
                let s = &f.scale;
                let (w, h) = svg_size(l, s);
                Some((timeline_svg(p, l, s, &options), w, h))
            })
        })
    })
}

/// Downloads the current view as an SVG file.
pub fn download_svg(app: AppState, tl: Tl) {
    with_fonts(move |fonts| {
        let Some((svg, _, _)) = current_svg(app, tl, fonts) else {
            return;
        };
        if !download_text(&format!("{}.svg", file_stem(app)), "image/svg+xml", &svg) {
            app.notify("Browseren tillod ikke at gemme filen.", None);
        }
    });
}

/// Downloads the current view as a PNG image, drawn by the browser from the SVG.
pub fn download_png(app: AppState, tl: Tl) {
    with_fonts(move |fonts| png(app, tl, fonts));
}

fn png(app: AppState, tl: Tl, fonts: Option<(String, String)>) {
    let Some((svg, w, h)) = current_svg(app, tl, fonts) else {
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
    let onload = Closure::once_into_js(move || {
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
            let done = Closure::once_into_js(move |blob: JsValue| {
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
    let onerror = Closure::once_into_js(failed);
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_onerror(Some(onerror.unchecked_ref()));
    img.set_src(&url);
}

/// Prints the timeline: every row drawn, fitted to the chosen paper.
pub fn print(tl: Tl) {
    tl.set_opts(|o| o.printing = true);
    // Let the rows render before the print dialog lays out the page.
    request_animation_frame(move || {
        set_timeout(
            move || {
                let _ = window().print();
                tl.set_opts(|o| o.printing = false);
            },
            std::time::Duration::from_millis(50),
        );
    });
}
