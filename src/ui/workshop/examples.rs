//! Eksempler: the built-in example plans. Opening one makes a copy, so the
//! example itself never changes; "Nulstil" returns a copy to its start
//! (one undo step, with a snapshot first).

use leptos::prelude::*;

use super::super::dom::{button, el, p, region, Act, El};
use super::super::{clock, persist, use_app, AppState, Route};
use crate::catalog::{self, Story};
use crate::model::Edit;
use crate::storage::SnapshotReason;

fn open_copy(app: AppState, key: &str) {
    let Some(plan) =
        catalog::build_example(key, clock::new_plan_id(), clock::now(), clock::today())
    else {
        return;
    };
    app.open_plan(plan, None);
    app.notify(
        "Kopien af eksemplet er åbnet og gemt under Mine planer. Eksemplet selv ændres ikke.",
        None,
    );
    app.go(Route::Overblik);
}

fn reset(app: AppState) {
    let Some(open) = app.plan.get_untracked() else {
        return;
    };
    let Some(key) = open.example.clone() else {
        return;
    };
    let Some(mut fresh) =
        catalog::build_example(&key, open.id.clone(), clock::now(), clock::today())
    else {
        return;
    };
    fresh.created = open.created;
    fresh.exchanged = open.exchanged;
    persist::snapshot(app, &open, SnapshotReason::Reset);
    match app.edit(Edit::ReplaceAll(Box::new(fresh))) {
        Ok(_) => app.notify(
            "Kopien er nulstillet til eksemplets udgangspunkt. Fortryd (Ctrl+Z) tager det tilbage.",
            None,
        ),
        Err(e) => app.notify(e.to_string(), None),
    }
}

/// The key of the example the open plan is a copy of, if any.
fn open_example(app: AppState) -> Memo<Option<String>> {
    Memo::new(move |_| {
        app.plan
            .with(|p| p.as_ref().and_then(|p| p.example.clone()))
    })
}

fn card(story: &Story) -> El {
    let facts = format!(
        "{} · {} · {} gevinstprofiler",
        story.solution.name(),
        story.stage.label(),
        story.benefits.len()
    );
    el("li")
        .cls("example-card")
        .attr("data-example", story.key)
        .child(el("h2").text(story.name))
        .child(p("example-facts", &facts))
        .child(p("", story.summary))
        .child(button("Åbn kopi", "primary", "open", story.key))
}

fn render(open_example: Option<String>) -> El {
    let mut page = el("div").child(el("h1").text("Eksempler")).child(p(
        "lead",
        "Eksemplerne er planer for opdigtede kommuner til undervisning og workshops. Når \
             I åbner et eksempel, får I en kopi, som gemmes under Mine planer; eksemplet selv \
             ændres aldrig. Datoerne regnes fra i dag, så eksemplet altid står samme sted i \
             forløbet.",
    ));
    if let Some(story) = open_example.as_deref().and_then(catalog::example) {
        page = page.child(
            el("section")
                .cls("example-open")
                .attr("aria-label", "Den åbne kopi")
                .child(p(
                    "",
                    &format!("Den åbne plan er en kopi af eksemplet «{}».", story.name),
                ))
                .child(p(
                    "hint",
                    "Nulstil sætter kopien tilbage til eksemplets udgangspunkt med datoer fra i \
                     dag. Der tages et øjebliksbillede først, og Fortryd tager det tilbage.",
                ))
                .child(button("Nulstil", "", "reset", story.key)),
        );
    }
    page.child(
        el("ul")
            .cls("example-list")
            .children(catalog::examples().iter().map(card).collect()),
    )
}

/// The Eksempler page.
pub fn examples_page() -> impl IntoView {
    let app = use_app();
    let example = open_example(app);
    let on_act = std::rc::Rc::new(move |act: Act| match act.act.as_str() {
        "open" => open_copy(app, &act.key),
        "reset" => reset(app),
        _ => {}
    });
    view! {
        <div class="page examples">
            {region("examples-body", Box::new(move || render(example.get())), Some(on_act))}
        </div>
    }
}

/// On Overblik, when the open plan is a copy of an example: what it is,
/// and "Nulstil eksemplet" right there (trainers reset between groups).
#[component]
pub fn ExampleCopyNote() -> impl IntoView {
    let app = use_app();
    let example = open_example(app);
    move || {
        let story = example.get().and_then(|key| catalog::example(&key))?;
        Some(view! {
            <aside class="example-note" aria-label="Eksempel">
                <p>
                    {format!("Planen er en kopi af eksemplet «{}» til undervisning. ", story.name)}
                    "Nulstil sætter den tilbage til eksemplets udgangspunkt; Fortryd tager det tilbage."
                </p>
                <button type="button" on:click=move |_| reset(app)>"Nulstil eksemplet"</button>
                <a href=Route::Eksempler.hash()>"Alle eksempler"</a>
            </aside>
        })
    }
}
