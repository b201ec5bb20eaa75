//! "En ny version er klar – genindlæs": shown when the service worker
//! (web/register-sw.js, release builds only) has downloaded a new version
//! of the app. Reloading first saves the plan (the page-hide flush).

use leptos::prelude::*;

/// The banner offering the new version.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(
        document()
            .document_element()
            .is_some_and(|e| e.has_attribute("data-implan-update")),
    );
    let listener = window_event_listener_untyped("implan-update", move |_| ready.set(true));
    std::mem::forget(listener);
    let reload = move |_| {
        if let Ok(ev) = web_sys::Event::new("implan-reload") {
            let _ = window().dispatch_event(&ev);
        }
    };
    move || {
        ready.get().then(|| {
            view! {
                <div class="banner banner-info update-banner" role="status">
                    <strong>"En ny version er klar – genindlæs. "</strong>
                    "Dine planer er gemt i browseren og bevares."
                    <div class="banner-actions">
                        <button type="button" class="primary" on:click=reload>"Genindlæs"</button>
                    </div>
                </div>
            }
        })
    }
}
