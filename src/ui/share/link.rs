//! Plan links in the browser: making one ("Kopiér link" under Mine
//! planer) and noticing one in the address (at start and when the
//! fragment changes). The format is in [`crate::schema::link`];
//! compression uses the browser's `CompressionStream` through a tiny JS
//! snippet, so no compression code ships in the wasm.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::super::{clock, use_app, AppState};
use crate::model::{same_records, Edit, Plan};
use crate::schema::link::{self, LinkError};
use crate::schema::{self, Imported};

#[wasm_bindgen(inline_js = "
async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes.slice()]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}
export function implan_deflate(bytes) { return pipe(bytes, new CompressionStream('deflate-raw')); }
export function implan_inflate(bytes) { return pipe(bytes, new DecompressionStream('deflate-raw')); }
export function implan_copy(text) {
  return navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error('no clipboard'));
}
")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn implan_deflate(bytes: &[u8]) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn implan_inflate(bytes: &[u8]) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn implan_copy(text: &str) -> Result<js_sys::Promise, JsValue>;
}

/// Runs a compression snippet on `bytes`.
async fn run(f: fn(&[u8]) -> Result<js_sys::Promise, JsValue>, bytes: &[u8]) -> Option<Vec<u8>> {
    let promise = f(bytes).ok()?;
    let out = JsFuture::from(promise).await.ok()?;
    Some(js_sys::Uint8Array::new(&out).to_vec())
}

/// The full link carrying `plan`, saved at `now`, on this app's address.
pub async fn make_link(plan: &Plan, now: crate::model::Timestamp) -> Result<String, LinkError> {
    let json = schema::to_json(plan, now);
    let packed = run(implan_deflate, json.as_bytes())
        .await
        .ok_or(LinkError::Damaged)?;
    let payload = link::base64url_encode(&packed);
    link::check_length(&payload)?;
    let href = window().location().href().unwrap_or_default();
    let base = href.split('#').next().unwrap_or_default();
    Ok(format!("{base}{}{payload}", link::LINK_PREFIX))
}

/// Reads the plan in a link's payload, with the same checks as a file.
pub async fn read_link(payload: &str) -> Result<Imported, LinkError> {
    link::check_length(payload)?;
    let packed = link::base64url_decode(payload)?;
    let bytes = run(implan_inflate, &packed)
        .await
        .ok_or(LinkError::Damaged)?;
    if bytes.len() > schema::MAX_FILE_BYTES {
        return Err(LinkError::Import(schema::ImportError::TooLarge {
            bytes: bytes.len(),
        }));
    }
    let text = String::from_utf8(bytes).map_err(|_| LinkError::NotText)?;
    schema::parse(&text)
        .map(|imported| imported.arrived(super::super::clock::now()))
        .map_err(LinkError::Import)
}

/// What a plan link in the address led to.
#[derive(Clone, Debug, PartialEq)]
pub enum SharedLink {
    /// The link is being read.
    Opening,
    /// The plan in the link, for the read-only preview.
    Ready(Box<Imported>),
    /// Why the link was refused, in Danish.
    Refused(String),
}

/// The plan link being shown, provided as context.
#[derive(Clone, Copy)]
pub struct LinkState {
    /// The link's plan or refusal; `None` when no link is shown.
    pub shared: RwSignal<Option<SharedLink>>,
}

impl LinkState {
    /// Watches the address for plan links: now, and whenever the fragment
    /// changes. A link's fragment is taken out of the address at once (it
    /// can be long and holds the plan), leaving the current view's.
    pub fn install(app: AppState) -> LinkState {
        let state = LinkState {
            shared: RwSignal::new(None),
        };
        state.take_from_address(app);
        let listener = window_event_listener(leptos::ev::hashchange, move |_| {
            state.take_from_address(app);
        });
        std::mem::forget(listener);
        // Any link of the main menu closes the preview, also the current
        // view's (which changes no route).
        let menu = window_event_listener(leptos::ev::click, move |ev| {
            let in_menu = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("header nav a").ok().flatten())
                .is_some();
            if in_menu {
                state.shared.set(None);
            }
        });
        std::mem::forget(menu);
        // Going to another view closes the preview.
        Effect::watch(
            move || app.route.get(),
            move |_, _, _| state.shared.set(None),
            false,
        );
        state
    }

    fn take_from_address(self, app: AppState) {
        let hash = window().location().hash().unwrap_or_default();
        let Some(payload) = link::payload_of(&hash).map(str::to_string) else {
            return;
        };
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(
                &JsValue::NULL,
                "",
                Some(app.route.get_untracked().hash()),
            );
        }
        self.shared.set(Some(SharedLink::Opening));
        leptos::task::spawn_local(async move {
            let result = read_link(&payload).await;
            self.shared.set(Some(match result {
                Ok(imported) => SharedLink::Ready(Box::new(imported)),
                Err(e) => SharedLink::Refused(e.to_string()),
            }));
        });
    }
}

/// What "Kopiér link" has done.
#[derive(Clone, Debug, PartialEq)]
pub enum Copied {
    /// The link is being made.
    Working,
    /// The link, whether it is on the clipboard, and the plan it carries.
    Done(String, bool, Box<Plan>),
    /// Why no link was made, in Danish.
    Failed(String),
}

/// What [`CopyLinkResult`] shows.
#[derive(Clone, Debug, PartialEq)]
enum Shown {
    Working,
    Failed(String),
    /// The link and whether it is on the clipboard.
    Link(String, bool),
    /// The open plan has changed since the link was made.
    Stale,
    /// The link is for a plan that is not open.
    Hidden,
}

/// "Kopiér link": puts a link carrying the open plan on the clipboard;
/// [`CopyLinkResult`] shows what happened.
#[component]
pub fn CopyLinkButton(status: RwSignal<Option<Copied>>) -> impl IntoView {
    let app = use_app();
    let copy = move |_| {
        let Some(mut plan) = app.plan.get_untracked() else {
            return;
        };
        status.set(Some(Copied::Working));
        leptos::task::spawn_local(async move {
            let now = clock::now();
            plan.exchanged = now;
            match make_link(&plan, now).await {
                Err(e) => status.set(Some(Copied::Failed(e.to_string()))),
                Ok(url) => {
                    let _ = app.mark(Edit::MarkExchanged(now));
                    let on_clipboard = match implan_copy(&url) {
                        Ok(p) => JsFuture::from(p).await.is_ok(),
                        Err(_) => false,
                    };
                    status.set(Some(Copied::Done(url, on_clipboard, Box::new(plan))));
                }
            }
        });
    };
    view! { <button type="button" on:click=copy>"Kopiér link"</button> }
}

/// The outcome of "Kopiér link": the link in a field to copy by hand as
/// well (the clipboard may be refused), or why there is none.
#[component]
pub fn CopyLinkResult(status: RwSignal<Option<Copied>>) -> impl IntoView {
    let app = use_app();
    // A link carries the plan as it was: compared with the open plan
    // record by record, so any change (here or merged from another tab)
    // makes it stale.
    let shown = Memo::new(move |_| {
        status.with(|s| {
            s.as_ref().map(|s| match s {
                Copied::Working => Shown::Working,
                Copied::Failed(message) => Shown::Failed(message.clone()),
                Copied::Done(url, on_clipboard, linked) => app.plan.with(|open| match open {
                    Some(p) if p.id == linked.id && same_records(p, linked) => {
                        Shown::Link(url.clone(), *on_clipboard)
                    }
                    Some(p) if p.id == linked.id => Shown::Stale,
                    _ => Shown::Hidden,
                }),
            })
        })
    });
    move || {
        shown.get().map(|s| match s {
            Shown::Hidden => ().into_any(),
            Shown::Stale => view! {
                <p class="link-status" role="status">
                    "Planen er ændret, siden linket blev lavet. Kopiér et nyt link for at dele planen, som den er nu."
                </p>
            }.into_any(),
            Shown::Working => view! { <p class="link-status" role="status">"Laver linket …"</p> }.into_any(),
            Shown::Failed(message) => view! { <p class="link-status error" role="alert">{message}</p> }.into_any(),
            Shown::Link(url, on_clipboard) => {
                let chars = url.len();
                view! {
                    <div class="link-result">
                        <p class="link-status" role="status">
                            {if on_clipboard {
                                "Linket er kopieret. Det indeholder hele planen, men planen sendes ikke til nogen server: den, der åbner linket, ser en forhåndsvisning og kan gemme planen."
                            } else {
                                "Kopiér linket herunder (markér og tryk Ctrl+C). Det indeholder hele planen, men planen sendes ikke til nogen server."
                            }}
                        </p>
                        <label>
                            {format!("Link til planen ({} tegn)", link::thousands(chars))}
                            <input type="text" class="link-field" readonly data-chars=chars.to_string() prop:value=url
                                on:focus=move |ev| {
                                    let input: web_sys::HtmlInputElement = event_target(&ev);
                                    input.select();
                                } />
                        </label>
                    </div>
                }.into_any()
            }
        })
    }
}
