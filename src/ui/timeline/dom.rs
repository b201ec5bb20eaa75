//! Small DOM helpers for the timeline's hand-drawn parts. The chart is
//! drawn with plain DOM calls rather than `view!` trees: it keeps the
//! release bundle small (each distinct view type costs code) and makes it
//! easy to update only what changed. User text only ever goes in through
//! `set_text_content` and `set_attribute`; `set_inner_html` only receives
//! markup made by [`crate::layout::svg`] from numbers, colours and the
//! model's own names.

use wasm_bindgen::JsCast;

use crate::ui::dom::create;
pub use crate::ui::dom::Listener;

/// A new HTML element with `class`.
pub fn html(tag: &str, class: &str) -> web_sys::Element {
    let el = create(tag, false);
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el
}

/// A new SVG element with `class`.
pub fn svg(tag: &str, class: &str) -> web_sys::Element {
    let el = create(tag, true);
    if !class.is_empty() {
        let _ = el.set_attribute("class", class);
    }
    el
}

/// Sets attribute `name`.
pub fn set(el: &web_sys::Element, name: &str, value: &str) {
    let _ = el.set_attribute(name, value);
}

/// Sets attribute `name` to `value` unless `cache` already holds it.
pub fn sync_attr(el: &web_sys::Element, name: &str, cache: &mut String, value: String) {
    if *cache != value {
        set(el, name, &value);
        *cache = value;
    }
}

/// Sets the text unless `cache` already holds it.
pub fn sync_text(el: &web_sys::Element, cache: &mut String, value: String) {
    if *cache != value {
        el.set_text_content(Some(&value));
        *cache = value;
    }
}

/// Sets generated markup (never user text) unless `cache` already holds it.
pub fn sync_markup(el: &web_sys::Element, cache: &mut String, value: String) {
    if *cache != value {
        el.set_inner_html(&value);
        *cache = value;
    }
}

/// The closest element at or above the event's target matching `selector`,
/// with its attribute `attr`.
pub fn closest_with(
    target: Option<web_sys::EventTarget>,
    selector: &str,
    attr: &str,
) -> Option<(web_sys::Element, String)> {
    let el = target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()??;
    let value = el.get_attribute(attr)?;
    Some((el, value))
}

/// Puts `el` right after `prev` in `parent` (first when `prev` is none),
/// unless it is there already, so kept elements (and focus) stay put.
pub fn place(parent: &web_sys::Element, el: &web_sys::Element, prev: Option<&web_sys::Element>) {
    if el.parent_element().as_ref() == Some(parent)
        && el.previous_element_sibling().as_ref() == prev
    {
        return;
    }
    let next = match prev {
        Some(p) => p.next_sibling(),
        None => parent.first_child(),
    };
    let _ = parent.insert_before(el, next.as_ref());
}
