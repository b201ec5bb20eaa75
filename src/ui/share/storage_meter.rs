//! How much of the browser's local storage Implan uses.

use leptos::prelude::*;

use super::super::{persist, use_app};
use crate::storage::QUOTA_UNITS;

/// Share of the quota from which a warning is shown.
pub const WARN_SHARE: f64 = 0.8;

fn megabytes(share: f64) -> String {
    // UTF-16 code units take two bytes each.
    format!("{:.1}", share * QUOTA_UNITS as f64 * 2.0 / 1_000_000.0).replace('.', ",")
}

/// The meter shown in "Mine planer".
#[component]
pub fn StorageMeter() -> impl IntoView {
    let app = use_app();
    persist::refresh_usage(app);
    let share = move || app.storage_use.get();
    view! {
        <section class="storage-meter" aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Lagerplads i browseren"</h2>
            {move || if persist::in_memory() {
                view! { <p>"Lokal lagring er ikke tilgængelig: planer gemmes ikke i denne browser."</p> }.into_any()
            } else {
                let s = share();
                let percent = (s * 100.0).round().clamp(0.0, 100.0) as u32;
                view! {
                    <meter min="0" max="1" low="0.6" high=WARN_SHARE optimum="0" value=s aria-label="Brugt lagerplads"></meter>
                    <p>{format!("Planerne bruger {percent} % ({} af {} MB).", megabytes(s), megabytes(1.0))}</p>
                    {(s >= WARN_SHARE).then(|| view! {
                        <p class="warning" role="alert">
                            "Lageret er næsten fuldt. Eksportér planer, du vil gemme, og slet planer og øjebliksbilleder, du ikke bruger."
                        </p>
                    })}
                }.into_any()
            }}
        </section>
    }
}

/// A banner on every page once storage is 80 % full.
#[component]
pub fn StorageWarning() -> impl IntoView {
    let app = use_app();
    move || {
        let s = app.storage_use.get();
        (s >= WARN_SHARE).then(|| view! {
            <div class="banner banner-warning" role="status">
                <strong>{format!("Browserens lager er {} % fuldt. ", (s * 100.0).round() as u32)}</strong>
                "Eksportér planen til en fil, og slet planer eller øjebliksbilleder, du ikke bruger, under "
                <a href="#/planer">"Mine planer"</a>
                "."
            </div>
        })
    }
}
