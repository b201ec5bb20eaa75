//! A modal dialog: a backdrop, focus moved into the dialog when it opens,
//! Tab kept inside it, Escape to close, and focus back on what opened it
//! when it closes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select, textarea, a[href]";

/// A modal dialog around `children`.
#[component]
pub fn Dialog(
    /// Id of the element that names the dialog.
    labelledby: &'static str,
    /// Called on Escape.
    #[prop(into)]
    on_close: Callback<()>,
    /// `alertdialog` for messages that need an answer.
    #[prop(optional)]
    alert: bool,
    children: Children,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Div>::new();
    // What had focus when the dialog opened gets it back when it closes
    // (unless the answer took the user to another page).
    let opener = super::focus::current();
    let opener = StoredValue::new_local(opener);
    on_cleanup(move || {
        let back = opener.try_get_value().flatten();
        super::focus::keep(
            back.map(super::focus::Target::Element)
                .into_iter()
                .collect(),
        );
    });
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let target = el
                .query_selector("button.primary")
                .ok()
                .flatten()
                .or_else(|| el.query_selector(FOCUSABLE).ok().flatten());
            if let Some(t) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = t.focus();
            }
        }
    });
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            on_close.run(());
            return;
        }
        if ev.key() != "Tab" {
            return;
        }
        // Keep Tab inside the dialog.
        let Some(el) = node.get_untracked() else {
            return;
        };
        let Ok(list) = el.query_selector_all(FOCUSABLE) else {
            return;
        };
        let (Some(first), Some(last)) = (list.item(0), list.item(list.length().saturating_sub(1)))
        else {
            return;
        };
        let active = document()
            .active_element()
            .map(|a| a.unchecked_into::<web_sys::Node>());
        let wrap_to = if ev.shift_key() && active.as_ref() == Some(&first) {
            Some(last)
        } else if !ev.shift_key() && active.as_ref() == Some(&last) {
            Some(first)
        } else {
            None
        };
        if let Some(t) = wrap_to.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            ev.prevent_default();
            let _ = t.focus();
        }
    };
    view! {
        <div class="dialog-backdrop">
            <div
                class="dialog"
                node_ref=node
                role=if alert { "alertdialog" } else { "dialog" }
                aria-modal="true"
                aria-labelledby=labelledby
                on:keydown=keydown
            >
                {children()}
            </div>
        </div>
    }
}
