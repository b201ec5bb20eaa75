//! Keeping keyboard focus on the page: when an action removes, hides or
//! disables the element that had focus (a deleted row, a closed editor or
//! dialog, a button that becomes disabled), focus would fall back to the
//! page's body and a keyboard user would start over at the top. These
//! helpers put it on the next sensible element instead.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The focused element, unless focus is on the body (or nowhere).
pub fn current() -> Option<web_sys::Element> {
    let doc = document();
    let active = doc.active_element()?;
    let body: Option<web_sys::Element> = doc.body().map(Into::into);
    (Some(&active) != body.as_ref()).then_some(active)
}

/// Whether focus has been lost: it is on the body, nowhere, or on an
/// element that is no longer on the page, hidden or disabled.
pub fn lost() -> bool {
    current().is_none_or(|a| !usable(&a))
}

/// Whether `el` is on the page, rendered and not disabled, so it can hold focus.
pub fn usable(el: &web_sys::Element) -> bool {
    el.is_connected()
        && rendered(el)
        && !el.has_attribute("disabled")
        && el.closest("[inert]").ok().flatten().is_none()
}

/// Whether `el` takes up room on the page (not `display: none`, not in a
/// closed `<details>`).
fn rendered(el: &web_sys::Element) -> bool {
    let r = el.get_bounding_client_rect();
    r.width() > 0.0 || r.height() > 0.0
}

/// Focuses `el` if it can hold focus; true if it did.
pub fn to(el: &web_sys::Element) -> bool {
    if !usable(el) {
        return false;
    }
    let focused = match el.dyn_ref::<web_sys::HtmlElement>() {
        Some(h) => h.focus().is_ok(),
        None => el
            .dyn_ref::<web_sys::SvgElement>()
            .is_some_and(|s| s.focus().is_ok()),
    };
    focused && current().as_ref() == Some(el)
}

/// Focuses the first usable element matching `selector`; true if it did.
pub fn to_selector(selector: &str) -> bool {
    let Ok(list) = document().query_selector_all(selector) else {
        return false;
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .any(|e| to(&e))
}

/// Focuses the page's main region (it holds `tabindex="-1"`), so Tab
/// continues in the page's content.
pub fn to_main() {
    let _ = to_selector("main");
}

/// Where focus should go if it is lost.
pub enum Target {
    /// This element.
    Element(web_sys::Element),
    /// The first usable element matching this selector.
    Selector(String),
}

/// Once the page has redrawn, if focus has been lost, focuses the first of
/// `targets` that can hold it, else the main region. Focus a user put
/// somewhere else in the meantime is left alone.
pub fn keep(targets: Vec<Target>) {
    set_timeout(
        move || {
            if !lost() {
                return;
            }
            let done = targets.iter().any(|t| match t {
                Target::Element(e) => to(e),
                Target::Selector(s) => to_selector(s),
            });
            if !done {
                to_main();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// [`keep`] with selectors only.
pub fn keep_on(selectors: &[&str]) {
    keep(
        selectors
            .iter()
            .map(|s| Target::Selector((*s).to_string()))
            .collect(),
    );
}

/// Where focus goes when the row `rows` with `data-id` = `id` is deleted:
/// the `inner` element of the rows after it, then of those before it,
/// nearest first. By id, as a deletion may redraw the neighbours too.
pub fn neighbours(rows: &str, id: &str, inner: &str) -> Vec<Target> {
    let Ok(list) = document().query_selector_all(rows) else {
        return Vec::new();
    };
    let ids: Vec<String> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter_map(|r| r.get_attribute("data-id"))
        .collect();
    let Some(at) = ids.iter().position(|i| i == id) else {
        return Vec::new();
    };
    ids[at + 1..]
        .iter()
        .chain(ids[..at].iter().rev())
        .map(|other| {
            let other = other.replace(['"', '\\'], "");
            Target::Selector(format!("{rows}[data-id=\"{other}\"] {inner}"))
        })
        .collect()
}
