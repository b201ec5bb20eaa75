//! A very small toolkit for building the Gevinster views element by
//! element. Every Leptos view type is compiled into its own code, and the
//! forms, tables and drawings of Gevinster would cost well over 100 KiB of
//! the release build that way; these plain functions cost a few KiB.
//!
//! Text is only ever set as text content (never parsed as markup); the one
//! exception is the benefit map's drawing, made as markup by
//! `map_view::markup`, which escapes every piece of user text. Events
//! are handled once per view root (delegation): controls carry a `name`
//! (inputs) or a `data-act` (buttons) and the root's handler dispatches on
//! it, so no closure is created per element.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlInputElement};

pub use crate::ui::dom::{value, Listener};

/// A new element `tag` (HTML, or SVG when `svg`) with `attrs`, appended to
/// `parent` when given. An attribute named "text" sets the text instead.
fn make(svg: bool, parent: Option<&Element>, tag: &str, attrs: &[(&str, &str)]) -> Element {
    let el = crate::ui::dom::create(tag, svg);
    for (name, value) in attrs {
        if *name == "text" {
            el.set_text_content(Some(value));
        } else {
            let _ = el.set_attribute(name, value);
        }
    }
    if let Some(parent) = parent {
        let _ = parent.append_child(&el);
    }
    el
}

/// Appends constant markup (one of the `templates`) to `parent`. Only
/// compile-time constants are accepted: user text never goes through here.
pub fn template(parent: &Element, markup: &'static str) {
    let _ = parent.insert_adjacent_html("beforeend", markup);
}

/// A new HTML element appended to `parent` (see [`make`] for "text").
pub fn add(parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Element {
    make(false, Some(parent), tag, attrs)
}

/// A new HTML element not yet placed.
pub fn new(tag: &str, attrs: &[(&str, &str)]) -> Element {
    make(false, None, tag, attrs)
}

/// A new SVG element, appended to `parent` when given.
pub fn svg(parent: Option<&Element>, tag: &str, attrs: &[(&str, &str)]) -> Element {
    make(true, parent, tag, attrs)
}

/// Removes every child of `el`.
pub fn clear(el: &Element) {
    el.set_text_content(None);
}

/// Sets the text of `el` if it differs.
pub fn set_text(el: &Element, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

/// Sets or removes the boolean attribute `name`.
pub fn flag(el: &Element, name: &str, on: bool) {
    let _ = if on {
        el.set_attribute(name, "")
    } else {
        el.remove_attribute(name)
    };
}

/// Adds or removes class `class`.
pub fn toggle(el: &Element, class: &str, on: bool) {
    let _ = el.class_list().toggle_with_force(class, on);
}

/// The first element under `root` matching `selector`.
pub fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

/// Adds `options` (value, label) to a select. They are gathered in a
/// fragment and inserted at once: the select redoes work for its whole list
/// on each insertion, so inserting a long list one by one is quadratic.
pub fn options(select: &Element, options: &[(String, String)]) {
    let fragment = document().create_document_fragment();
    for (value, label) in options {
        if let Ok(option) = web_sys::HtmlOptionElement::new_with_text_and_value(label, value) {
            let _ = fragment.append_child(&option);
        }
    }
    let _ = select.append_child(&fragment);
}

/// A button with an action (`data-act`) and the id it acts on (`data-id`).
pub fn button(parent: &Element, text: &str, act: &str, id: &str, class: &str) -> Element {
    add(
        parent,
        "button",
        &[
            ("type", "button"),
            ("class", class),
            ("data-act", act),
            ("data-id", id),
            ("text", text),
        ],
    )
}

/// Sets the value of an input, select or text area unless the user is
/// typing in it, so that undo and redo show in the form.
pub fn set_value(el: &Element, v: &str) {
    let focused = document().active_element().is_some_and(|a| a == *el);
    if !focused && value(el) != v {
        let _ = js_sys::Reflect::set(el, &"value".into(), &v.into());
    }
}

/// Sets whether a checkbox is checked.
pub fn set_checked(el: &Element, on: bool) {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_checked(on);
    }
}

/// What an event happened on: the nearest element with `data-act` or a
/// `name`, its action (`data-act`, else the name) and `data-id`.
pub fn target(ev: &Event) -> Option<(Element, String, String)> {
    let el = ev
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-act],[name]")
        .ok()??;
    let act = el
        .get_attribute("data-act")
        .or_else(|| el.get_attribute("name"))?;
    let id = el.get_attribute("data-id").unwrap_or_default();
    Some((el, act, id))
}

/// Keeps the children of `list` in step with `items` (key, signature):
/// children are matched by `data-key`, rebuilt by `build(index)` only when
/// their signature changed, reordered and removed as needed.
pub fn reconcile(list: &Element, items: &[(String, String)], build: &dyn Fn(usize) -> Element) {
    let mut old: Vec<Element> = Vec::new();
    let children = list.children();
    for i in 0..children.length() {
        if let Some(c) = children.item(i) {
            old.push(c);
        }
    }
    for (i, (key, sig)) in items.iter().enumerate() {
        let found = old
            .iter()
            .position(|c| c.get_attribute("data-key").as_deref() == Some(key));
        let el = match found.map(|p| old.remove(p)) {
            Some(c) if c.get_attribute("data-sig").as_deref() == Some(sig) => c,
            Some(c) => {
                let fresh = build(i);
                let _ = c.replace_with_with_node_1(&fresh);
                fresh
            }
            None => build(i),
        };
        let _ = el.set_attribute("data-key", key);
        let _ = el.set_attribute("data-sig", sig);
        let at = list.children().item(i as u32);
        if at.as_ref() != Some(&el) {
            let _ = list.insert_before(&el, at.as_ref().map(|e| e.unchecked_ref()));
        }
    }
    for c in old {
        c.remove();
    }
}

/// Handles `events` at `root` with `f`; keep the returned listener as long
/// as the root lives (dropping it ends the handling).
pub fn listen(root: &Element, events: &[&'static str], f: Box<dyn Fn(&Event)>) -> Listener {
    Listener::all(root, events, Box::new(move |ev: Event| f(&ev)))
}
