//! A date field that reads and shows dates the Danish way (dd.mm.åååå),
//! whatever the browser's language.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::format;

/// A text field for a date. Shows `value` as dd.mm.åååå; when the user
/// leaves the field (or presses Enter) a readable date is passed to
/// `on_commit`, an unreadable one gives a message under the field.
#[component]
pub fn DateInput(
    /// The current date.
    #[prop(into)]
    value: Signal<Option<NaiveDate>>,
    /// Called with the new date (`None` when emptied).
    #[prop(into)]
    on_commit: Callback<Option<NaiveDate>>,
    /// The field's name attribute.
    #[prop(optional)]
    name: &'static str,
    /// Accessible label when the field has no visible label around it.
    #[prop(optional, into)]
    aria_label: Option<String>,
    /// Whether an empty field is refused.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let problem = RwSignal::new(None::<&'static str>);
    let commit = move |text: String| match format::parse_danish_date(&text) {
        Ok(None) if required => problem.set(Some("Skriv en dato (dd.mm.åååå).")),
        Ok(date) => {
            problem.set(None);
            on_commit.run(date);
        }
        Err(()) => problem.set(Some(
            "Ukendt dato. Skriv den som dd.mm.åååå, fx 24.12.2026.",
        )),
    };
    view! {
        <span class="date-input">
            <input
                type="text"
                inputmode="numeric"
                autocomplete="off"
                placeholder="dd.mm.åååå"
                size="10"
                maxlength="10"
                name=name
                aria-label=aria_label
                aria-invalid=move || problem.get().is_some().then_some("true")
                prop:value=move || value.get().map(format::date).unwrap_or_default()
                on:change=move |ev| commit(event_target_value(&ev))
            />
            <span class="week-hint" aria-hidden="true">{move || value.get().map(format::week)}</span>
            {move || problem.get().map(|p| view! { <span class="field-error" role="alert">{p}</span> })}
        </span>
    }
}
