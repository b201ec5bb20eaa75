//! Banners for storage problems: unavailable or full storage, and saved data
//! that could not be read (kept aside, downloadable).

use leptos::prelude::*;

use super::{download::download_text, persist, use_app};

/// Storage banners.
#[component]
pub fn Banners() -> impl IntoView {
    let app = use_app();
    let storage = move || {
        app.storage_error.get().map(|e| {
            view! {
                <div class="banner banner-error" role="alert">
                    <strong>"Planen er ikke gemt. "</strong>
                    {e.to_string()}
                </div>
            }
        })
    };
    let memory = move || {
        persist::in_memory().then(|| {
            view! {
                <div class="banner banner-warning" role="alert">
                    <strong>"Lokal lagring er ikke tilgængelig. "</strong>
                    {crate::storage::StorageError::Unavailable.to_string()}
                </div>
            }
        })
    };
    view! {
        <div class="banners">
            {memory}
            {storage}
            <For
                each=move || app.corrupt.get()
                key=|entry| entry.key.clone()
                children=move |entry| {
                    let key = entry.key.clone();
                    let text = entry.text.clone();
                    let remove_key = entry.key.clone();
                    view! {
                        <div class="banner banner-error corrupt-banner" role="alert">
                            <p>
                                <strong>"Gemte data kunne ikke læses: "</strong>
                                {format!("{}.", entry.error.reason())}
                            </p>
                            <p>
                                "Dataene er lagt til side og bliver ikke overskrevet. Download dem, så de kan gendannes, eller kassér dem, når du ikke længere har brug for dem."
                            </p>
                            <div class="banner-actions">
                                <button
                                    type="button"
                                    on:click=move |_| {
                                        let name = format!("{}.beskadiget.json", key.replace('.', "-"));
                                        download_text(&name, "application/json", &text);
                                    }
                                >
                                    "Download beskadigede data"
                                </button>
                                <button
                                    type="button"
                                    class="danger"
                                    on:click=move |_| {
                                        let confirmed = window()
                                            .confirm_with_message(
                                                "Kassér de beskadigede data for altid? Download dem først, hvis du kan få brug for dem.",
                                            )
                                            .unwrap_or(false);
                                        if confirmed && persist::remove(&remove_key).is_ok() {
                                            app.corrupt.update(|c| c.retain(|e| e.key != remove_key));
                                        }
                                    }
                                >
                                    "Kassér"
                                </button>
                            </div>
                        </div>
                    }
                }
            />
        </div>
    }
}
