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

/// Elements that can be Tab stops, before the checks of [`is_tab_stop`].
const TAB_STOPS: &str = "a[href], button, input, select, textarea, summary, [tabindex]";

/// Whether `el` is a Tab stop: usable, not taken out of the Tab order with a
/// negative `tabindex`, not a hidden field.
fn is_tab_stop(el: &web_sys::Element) -> bool {
    let out = el
        .get_attribute("tabindex")
        .and_then(|t| t.trim().parse::<i32>().ok())
        .is_some_and(|t| t < 0);
    !out && el.get_attribute("type").as_deref() != Some("hidden") && usable(el)
}

/// The Tab stops in `root`, in document order.
fn tab_stops(root: &web_sys::Element) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(TAB_STOPS) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter(is_tab_stop)
        .collect()
}

/// The Tab stop that follows `el` in document order, outside `skip`.
/// Only the elements after `el` are measured, up to the first stop.
fn tab_stop_after(el: &web_sys::Element, skip: &web_sys::Element) -> Option<web_sys::Element> {
    let list = document().body()?.query_selector_all(TAB_STOPS).ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .filter(|e| {
            el.compare_document_position(e) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0
                && !skip.contains(Some(e))
        })
        .find(is_tab_stop)
}

/// A detour in the Tab order (see [`detour`]).
struct Detour {
    /// Selector of the element whose Tab stops are inserted.
    container: &'static str,
    /// The element they follow; none until the first Tab picks it.
    anchor: Option<web_sys::Element>,
}

thread_local! {
    static DETOURS: std::cell::RefCell<Vec<Detour>> = const { std::cell::RefCell::new(Vec::new()) };
    static DETOUR_KEYS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Makes the Tab stops in the element matching `container` (a panel or
/// message drawn elsewhere on the page, such as at the end of the body)
/// the next Tab stops after `anchor`: Tab on `anchor` goes to the
/// container's first stop, Tab on its last stop goes on to what follows
/// `anchor`, and Shift+Tab goes back the same way. Without an anchor, the
/// next Tab from wherever focus is then goes into the container, and that
/// element becomes the anchor: a message with an action (the toast's
/// "Fortryd") is then one Tab away from the action that showed it, without
/// taking focus from where the action put it (unless the user presses
/// another key, clicks or taps elsewhere before that first Tab). Nothing
/// happens while the container has no usable Tab stop, or while focus is
/// in a modal dialog (its stops cannot take focus). Replaces an earlier
/// detour into the same container; [`end_detour`] ends it.
pub fn detour(container: &'static str, anchor: Option<web_sys::Element>) {
    install_detour_keys();
    DETOURS.with(|d| {
        let mut d = d.borrow_mut();
        d.retain(|x| x.container != container);
        d.push(Detour { container, anchor });
    });
}

/// Ends the detour into `container` (see [`detour`]).
pub fn end_detour(container: &'static str) {
    DETOURS.with(|d| d.borrow_mut().retain(|x| x.container != container));
}

fn install_detour_keys() {
    if DETOUR_KEYS.with(|k| k.replace(true)) {
        return;
    }
    // On the window, after the page's own handlers: a dialog that keeps
    // Tab inside itself has already prevented the default. Kept for the
    // page's life.
    let listener = crate::ui::dom::Listener::all(
        window().as_ref(),
        &["keydown", "pointerdown"],
        Box::new(|ev: web_sys::Event| {
            let Some(key) = ev
                .dyn_ref::<web_sys::KeyboardEvent>()
                .map(web_sys::KeyboardEvent::key)
            else {
                // A click or tap elsewhere moves on from the action.
                return moved_on(ev.target());
            };
            let ev: &web_sys::KeyboardEvent = ev.unchecked_ref();
            if !matches!(key.as_str(), "Tab" | "Shift" | "Control" | "Alt" | "Meta") {
                // So does another key before the first Tab (opening an
                // editor, typing).
                return moved_on(ev.target());
            }
            if key != "Tab"
                || ev.default_prevented()
                || ev.ctrl_key()
                || ev.alt_key()
                || ev.meta_key()
            {
                return;
            }
            if let Some(next) = detour_step(ev.shift_key()) {
                if to(&next) {
                    ev.prevent_default();
                }
            }
        }),
    );
    std::mem::forget(listener);
}

/// The user acted on `target` before the first Tab: detours without an
/// anchor end, unless `target` is in their container. Tab is then the
/// page's own again.
fn moved_on(target: Option<web_sys::EventTarget>) {
    let target = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    DETOURS.with(|all| {
        all.borrow_mut().retain(|d| {
            d.anchor.is_some()
                || target
                    .as_ref()
                    .is_some_and(|t| t.closest(d.container).ok().flatten().is_some())
        });
    });
}

/// Where Tab (Shift+Tab if `back`) goes by a detour from the focused
/// element, if a detour takes it; sets a missing anchor.
fn detour_step(back: bool) -> Option<web_sys::Element> {
    let active = current()?;
    if active
        .closest("dialog[open], [aria-modal=true]")
        .ok()
        .flatten()
        .is_some()
    {
        return None;
    }
    DETOURS.with(|all| {
        for d in all.borrow_mut().iter_mut().rev() {
            let Some(panel) = document().query_selector(d.container).ok().flatten() else {
                continue;
            };
            let stops = tab_stops(&panel);
            let (Some(first), Some(last)) = (stops.first(), stops.last()) else {
                continue;
            };
            // An anchor no longer on the page (another page opened, its
            // row deleted) ends the detour rather than picking another.
            if d.anchor.as_ref().is_some_and(|a| !a.is_connected()) {
                continue;
            }
            let anchor = d.anchor.clone();
            let next = if panel.contains(Some(&active)) {
                match (&anchor, back) {
                    (Some(a), true) if active == *first => Some(a.clone()),
                    (Some(a), false) if active == *last => tab_stop_after(a, &panel),
                    _ => None,
                }
            } else {
                match (&anchor, back) {
                    (None, false) => {
                        d.anchor = Some(active.clone());
                        Some(first.clone())
                    }
                    (Some(a), false) if *a == active => Some(first.clone()),
                    (Some(a), true) if tab_stop_after(a, &panel).as_ref() == Some(&active) => {
                        Some(last.clone())
                    }
                    _ => None,
                }
            };
            if next.is_some() {
                return next;
            }
        }
        None
    })
}

/// Where `el` stands, found again after a redraw: the element of the same
/// tag and classes in the element of the same tag and `data-id` (a list
/// row or a bar drawn anew, as when an undo brings a neighbouring row back).
pub fn same_place(el: &web_sys::Element) -> Option<Target> {
    let row = el.closest("[data-id]").ok().flatten()?;
    let id = row.get_attribute("data-id")?.replace(['"', '\\'], "");
    let what = |e: &web_sys::Element| {
        let classes: String = e
            .class_name()
            .split_whitespace()
            .filter(|c| {
                c.chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
            })
            .map(|c| format!(".{c}"))
            .collect();
        format!("{}{classes}", e.tag_name().to_lowercase())
    };
    // The row by tag and id only: its classes may change (selected, done).
    let row_sel = format!("{}[data-id=\"{id}\"]", row.tag_name().to_lowercase());
    Some(Target::Selector(if row == *el {
        row_sel
    } else {
        format!("{row_sel} {}", what(el))
    }))
}
