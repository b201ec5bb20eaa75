//! Component tests of the follow-up pages: answering a checklist (needs a
//! name, updates the score, keeps focus), and the status report's overdue
//! list against the plan.

use implan::model::{
    ActivityId, Edit, FollowupEdit, Phase, Plan, PlanId, PlanSetup, Solution, Stage, Status,
    Timestamp,
};
use implan::ui::{AppState, FollowupPage, ReportPage};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use super::{date, mount, settle};

/// A plan in F1 whose F0 and F1 lie in the past, so activities are overdue.
fn past_plan() -> Plan {
    let setup = PlanSetup {
        id: PlanId("p-past".into()),
        municipality: "Vejle".into(),
        solution: Solution::Ky,
        go_live: date(2021, 1, 4),
        f1_start: date(2020, 1, 6),
        phases: None,
    };
    let mut p = Plan::from_template(setup, Timestamp(0)).unwrap();
    p.apply(
        Edit::Followup(FollowupEdit::SetStartStage(Stage::In(Phase::F1))),
        Timestamp(1),
    )
    .unwrap();
    p
}

fn el(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    el(root, selector).text_content().unwrap_or_default()
}

/// Sets a field's value and fires a bubbling change event, as a user would.
fn change(input: &web_sys::HtmlElement, value: &str) {
    js_sys::Reflect::set(input, &"value".into(), &value.into()).unwrap();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE).unwrap();
    let ctor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"Event".into())
        .unwrap()
        .unchecked_into();
    let args = js_sys::Array::of2(&"change".into(), &init);
    let event: web_sys::Event = js_sys::Reflect::construct(&ctor, &args)
        .unwrap()
        .unchecked_into();
    input.dispatch_event(&event).unwrap();
}

fn answer_of(state: AppState, id: &str) -> Option<String> {
    state.plan.with_untracked(|p| {
        let item = p
            .as_ref()
            .unwrap()
            .checklist(Phase::F1)
            .items
            .iter()
            .find(|i| i.id.as_str() == id)
            .unwrap()
            .clone();
        item.answer
            .map(|a| format!("{} by {}", a.key(), item.answered_by))
    })
}

#[wasm_bindgen_test]
async fn answering_the_checklist_needs_a_name_and_updates_the_score() {
    let state = AppState::new(Some(past_plan()));
    let root = mount(state, || view! { <FollowupPage /> });
    settle().await;
    settle().await;
    assert!(
        text(&root, ".score-value").contains('0'),
        "{}",
        text(&root, ".score-value")
    );
    // Without a name the answer is refused with a Danish message.
    el(&root, "input[data-key='f1-sf1/opfyldt']").click();
    settle().await;
    assert_eq!(answer_of(state, "f1-sf1"), None);
    assert!(text(&root, ".checklist .error").contains("hvem der besvarer"));
    assert!(!el(&root, "input[data-key='f1-sf1/opfyldt']")
        .unchecked_into::<web_sys::HtmlInputElement>()
        .checked());
    // With a name: 1 Opfyldt + 1 Delvist of 6 items = 1.5 / 6 = 25 %.
    change(&el(&root, "input[name=who]"), "Mette Hansen");
    el(&root, "input[data-key='f1-sf1/opfyldt']").click();
    settle().await;
    el(&root, "input[data-key='f1-sf2/delvist']").click();
    settle().await;
    assert_eq!(
        answer_of(state, "f1-sf1").as_deref(),
        Some("opfyldt by Mette Hansen")
    );
    assert_eq!(
        answer_of(state, "f1-sf2").as_deref(),
        Some("delvist by Mette Hansen")
    );
    assert_eq!(text(&root, ".score-value"), "25 %");
    assert!(
        text(&root, ".unmet").contains("Solid vurdering"),
        "{}",
        text(&root, ".unmet")
    );
    assert!(text(&root, "li.check-item[data-id='f1-sf1'] .answered")
        .contains("besvaret af Mette Hansen"));
    // Ikke relevant leaves the item out: 1.5 / 5 = 30 %.
    el(&root, "input[data-key='f1-sf3/ikke-relevant']").click();
    settle().await;
    assert_eq!(text(&root, ".score-value"), "30 %");
    // The tab shows the score too.
    assert!(text(&root, ".tab[data-k='tab:F1']").contains("30 %"));
}

#[wasm_bindgen_test]
async fn a_comment_is_saved_and_focus_stays_in_the_rebuilt_row() {
    let state = AppState::new(Some(past_plan()));
    let root = mount(state, || view! { <FollowupPage /> });
    settle().await;
    settle().await;
    let comment = el(&root, "input[data-k='comment:f1-naar']");
    comment.focus().unwrap();
    change(&comment, "Afventer byrådet");
    settle().await;
    let saved = state.plan.with_untracked(|p| {
        p.as_ref().unwrap().checklist(Phase::F1).items[5]
            .comment
            .clone()
    });
    assert_eq!(saved, "Afventer byrådet");
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        active.get_attribute("data-k").as_deref(),
        Some("comment:f1-naar")
    );
    // The focused field is the new one, showing the saved text.
    assert_eq!(
        active.unchecked_into::<web_sys::HtmlInputElement>().value(),
        "Afventer byrådet"
    );
}

#[wasm_bindgen_test]
async fn the_report_lists_the_plans_overdue_activities() {
    let mut plan = past_plan();
    let done = ActivityId("t03-01".into());
    plan.apply(
        Edit::UpdateActivity {
            id: done.clone(),
            change: implan::model::ActivityChange::Status {
                status: Status::Faerdig,
                completed: Some(date(2020, 2, 1)),
            },
        },
        // Marked done after it was done (not in 1970, before the date).
        implan::ui::clock::now(),
    )
    .unwrap();
    let today = implan::ui::clock::today();
    let expected: Vec<String> = plan
        .overdue_on(today)
        .iter()
        .map(|a| a.id.as_str().to_string())
        .collect();
    assert!(expected.len() > 100 && !expected.contains(&"t03-01".to_string()));
    let state = AppState::new(Some(plan));
    let root = mount(state, || view! { <ReportPage /> });
    settle().await;
    settle().await;
    let rows = root
        .query_selector_all("section[data-section=overdue] tbody tr")
        .unwrap();
    let shown: Vec<String> = (0..rows.length())
        .filter_map(|i| {
            rows.item(i)?
                .unchecked_into::<web_sys::Element>()
                .get_attribute("data-id")
        })
        .collect();
    assert_eq!(shown, expected);
    assert!(
        text(&root, "section[data-section=overdue] h2").contains(&format!("({})", expected.len()))
    );
    // Progress of main task 3: one of its activities is done.
    let row = text(&root, "section[data-section=progress] tr[data-id='3']");
    assert!(row.starts_with("3. Projektstyring"), "{row}");
}
