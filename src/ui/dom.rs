//! Plain DOM helpers shared by the hand-built views, and a small,
//! non-generic DOM builder for read-mostly regions (the status report,
//! tables, score boxes). The timeline (`timeline::dom`) and Gevinster
//! (`benefits::dom`) add their own helpers on top of the primitives here.
//!
//! Why: every `view!` element and reactive closure is monomorphised code,
//! and the follow-up pages would have cost about 110 KiB of compressed
//! wasm that way, against a budget of 300 KiB for the whole app. A region
//! is instead rebuilt by one plain function whenever the signals it reads
//! change; its buttons and fields report "acts" through one delegated
//! listener. Text is only ever added as text nodes or attribute values, never
//! parsed as HTML. Focus survives a rebuild: the element with the same
//! `data-k` is focused again.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// The SVG namespace.
pub const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// A new element `tag`: an HTML element, or an SVG element when `svg`.
pub fn create(tag: &str, svg: bool) -> web_sys::Element {
    let doc = document();
    if svg {
        doc.create_element_ns(Some(SVG_NS), tag)
    } else {
        doc.create_element(tag)
    }
    .expect("a valid tag name")
}

/// The value of an input, select or text area.
pub fn value(el: &web_sys::Element) -> String {
    js_sys::Reflect::get(el.as_ref(), &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// An event listener on one target for one or more event names, removed
/// when dropped.
pub struct Listener {
    target: web_sys::EventTarget,
    names: Vec<&'static str>,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Listens for `name` events on `target`.
    pub fn new(
        target: &web_sys::EventTarget,
        name: &'static str,
        f: Box<dyn FnMut(web_sys::Event)>,
    ) -> Listener {
        Listener::all(target, &[name], f)
    }

    /// Listens for every event in `names` on `target` with one handler.
    pub fn all(
        target: &web_sys::EventTarget,
        names: &[&'static str],
        f: Box<dyn FnMut(web_sys::Event)>,
    ) -> Listener {
        let closure = Closure::wrap(f);
        for name in names {
            let _ = target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
        Listener {
            target: target.clone(),
            names: names.to_vec(),
            closure,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        for name in &self.names {
            let _ = self
                .target
                .remove_event_listener_with_callback(name, self.closure.as_ref().unchecked_ref());
        }
    }
}

/// An element being built.
pub struct El(pub web_sys::Element);

/// A new `tag` element.
pub fn el(tag: &str) -> El {
    El(create(tag, false))
}

impl El {
    /// Sets the class attribute.
    pub fn cls(self, class: &str) -> El {
        self.attr("class", class)
    }

    /// Sets an attribute.
    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets an attribute when `on` holds (for boolean attributes).
    pub fn flag(self, name: &str, on: bool) -> El {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    /// Appends text (as a text node).
    pub fn text(self, text: &str) -> El {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Appends a child element.
    pub fn child(self, child: El) -> El {
        let _ = self.0.append_with_node_1(&child.0);
        self
    }

    /// Appends child elements.
    pub fn children(self, children: Vec<El>) -> El {
        for c in children {
            let _ = self.0.append_with_node_1(&c.0);
        }
        self
    }

    /// Marks the element as a source of act `act` about `key`: a click on a
    /// button, or a change of a field, calls the region's act handler. The
    /// element also keeps focus across rebuilds.
    pub fn act(self, act: &str, key: &str) -> El {
        let k = format!("{act}:{key}");
        self.attr("data-act", act)
            .attr("data-key", key)
            .attr("data-k", &k)
    }
}

/// A button reporting act `act` about `key`.
pub fn button(label: &str, class: &str, act: &str, key: &str) -> El {
    el("button")
        .attr("type", "button")
        .cls(class)
        .act(act, key)
        .text(label)
}

/// A labelled text field named `name` with `value`.
pub fn field(label: &str, name: &str, value: &str) -> El {
    el("label").text(label).child(
        el("input")
            .attr("type", "text")
            .attr("name", name)
            .attr("maxlength", "2000")
            .attr("value", value)
            .attr("data-k", name),
    )
}

/// A paragraph with a class and text.
pub fn p(class: &str, text: &str) -> El {
    el("p").cls(class).text(text)
}

/// What a region's element reported: the act, its key, and for fields their value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Act {
    /// The act name (`data-act`).
    pub act: String,
    /// What it is about (`data-key`).
    pub key: String,
    /// The value of a field (empty for buttons).
    pub value: String,
    /// For a button inside an element marked with `data-form`: the name and
    /// value of every named field there, so a form needs no state while
    /// the user types.
    pub fields: Vec<(String, String)>,
}

impl Act {
    /// The value of field `name` (see [`Act::fields`]); empty if missing.
    pub fn field(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Name and value of every named field inside the closest `data-form` around `source`.
fn form_fields(source: &web_sys::Element) -> Vec<(String, String)> {
    let Some(form) = source.closest("[data-form]").ok().flatten() else {
        return Vec::new();
    };
    let Ok(list) = form.query_selector_all("[name]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|el| Some((el.get_attribute("name")?, value(&el))))
        .collect()
}

/// Handles a region's acts.
pub type OnAct = Rc<dyn Fn(Act)>;

/// The act of an event inside a region: a click on a button (or link
/// button) or a change of an input, select or textarea with `data-act`.
fn act_of(ev: &web_sys::Event, change: bool) -> Option<Act> {
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let source = target.closest("[data-act]").ok()??;
    let tag = source.tag_name();
    let is_field = matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA");
    if is_field != change {
        return None;
    }
    Some(Act {
        act: source.get_attribute("data-act")?,
        key: source.get_attribute("data-key").unwrap_or_default(),
        value: if is_field {
            value(&source)
        } else {
            String::new()
        },
        fields: if is_field {
            Vec::new()
        } else {
            form_fields(&source)
        },
    })
}

/// Where the focus is: `None` if outside `holder` (and not on the body),
/// else the `data-k` of the focused element, if it has one.
fn focused_key(holder: &web_sys::Element) -> Option<Option<String>> {
    let doc = document();
    let active = doc.active_element();
    let on_body = match (&active, doc.body()) {
        (None, _) => true,
        (Some(a), Some(b)) => a == b.as_ref() as &web_sys::Element,
        _ => false,
    };
    let active = active?;
    if on_body {
        return Some(None);
    }
    holder
        .contains(Some(&active))
        .then(|| active.get_attribute("data-k"))
}

/// What can take focus in a region, in Tab order (no positive tabindex is used).
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
     select:not([disabled]), textarea:not([disabled]), [tabindex='0']";

/// The focusable elements in `holder`.
fn focusables(holder: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(list) = holder.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The place of the focused element among the focusable ones in `holder`.
fn focus_place(holder: &web_sys::Element) -> Option<usize> {
    let active = document().active_element()?;
    focusables(holder).iter().position(|e| *e == active)
}

/// Focuses the focusable element at `place` in `holder` (or the nearest
/// one before it) if focus has been lost.
fn focus_at(holder: &web_sys::Element, place: usize) {
    if !super::focus::lost() {
        return;
    }
    let list = focusables(holder);
    let place = place.min(list.len());
    let _ = list[place..]
        .iter()
        .chain(list[..place].iter().rev())
        .any(super::focus::to);
}

/// Focuses the element with `data-k` = `key` in `holder`; false if none.
fn refocus(holder: &web_sys::Element, key: &str) -> bool {
    let Ok(list) = holder.query_selector_all("[data-k]") else {
        return false;
    };
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        if el.get_attribute("data-k").as_deref() == Some(key) {
            let _ = el.focus();
            return true;
        }
    }
    false
}

/// Enter in a text field of a `data-form` clicks its `data-submit` button;
/// Escape inside a `data-form` or a list item clicks its `data-cancel`
/// button, if it has one.
fn form_keys(ev: web_sys::KeyboardEvent) {
    let cancel = match ev.key().as_str() {
        "Enter" => false,
        "Escape" => true,
        _ => return,
    };
    let (selector, around) = if cancel {
        ("[data-cancel]", "[data-form], li")
    } else {
        ("[data-submit]", "[data-form]")
    };
    if ev.default_prevented() {
        return;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if !cancel && target.tag_name() != "INPUT" {
        return;
    }
    let button = target
        .closest(around)
        .ok()
        .flatten()
        .and_then(|f| f.query_selector(selector).ok().flatten());
    if let Some(b) = button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        if cancel {
            // Undo the typing first, so that the field, removed with its
            // form, reports no change to save.
            if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                if let Ok(text) = t.default_value() {
                    t.set_value(&text);
                }
            } else if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
                i.set_value(&i.default_value());
            }
        }
        b.click();
    }
}

/// A `div` with `class` whose content `render` builds, rebuilt whenever the
/// signals `render` reads change. Acts inside it go to `on_act`.
pub fn region(
    class: &'static str,
    render: Box<dyn Fn() -> El>,
    on_act: Option<OnAct>,
) -> impl IntoView {
    let holder = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let content = render();
        let Some(h) = holder.get() else { return };
        let h: &web_sys::Element = h.as_ref();
        let focus = focused_key(h);
        let place = focus.is_some().then(|| focus_place(h)).flatten();
        h.replace_children_with_node_1(&content.0);
        // Focus was in the region (or nowhere): keep it on the same element,
        // or else let a new form take it, or else (the element is gone, e.g.
        // its item was deleted) put it on what now stands in its place.
        if let Some(key) = focus {
            if !key.is_some_and(|k| refocus(h, &k)) {
                if let Some(el) = h
                    .query_selector("input[data-autofocus], [data-autofocus] input")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = el.focus();
                } else if let Some(place) = place {
                    focus_at(h, place);
                }
            }
        }
    });
    let on_click = on_act.clone();
    view! {
        <div
            class=class
            node_ref=holder
            on:click=move |ev| {
                if let (Some(f), Some(a)) = (&on_click, act_of(&ev, false)) {
                    f(a);
                }
            }
            on:change=move |ev| {
                if let (Some(f), Some(a)) = (&on_act, act_of(&ev, true)) {
                    f(a);
                }
            }
            on:keydown=form_keys
        ></div>
    }
}
