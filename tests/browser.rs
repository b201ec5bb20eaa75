//! Component tests in headless Chromium (wasm-bindgen-test): the overview
//! matrix and the activity editor, mounted with a plan in context.

#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use implan::model::{
    ActivityChange, ActivityId, Edit, Phase, Plan, PlanId, PlanSetup, Solution, Status, TaskNo,
    Timestamp,
};
use implan::ui::{ActivityEditor, AppState, PhaseTaskMatrix};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/followup.rs"]
mod followup;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn plan() -> Plan {
    let setup = PlanSetup {
        id: PlanId("p-test".into()),
        municipality: "Vejle".into(),
        solution: Solution::Ky,
        go_live: date(2027, 9, 6),
        f1_start: date(2027, 1, 4),
        phases: None,
    };
    Plan::from_template(setup, Timestamp(0)).unwrap()
}

/// Lets effects and DOM updates run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Mounts `f` with `state` in context into a fresh container.
fn mount<F, V>(state: AppState, f: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(state);
        f()
    });
    handle.forget();
    container
}

fn query(root: &web_sys::HtmlElement, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

fn cell_text(root: &web_sys::HtmlElement, task: u8, phase: &str) -> String {
    query(
        root,
        &format!("button[data-task='{task}'][data-phase='{phase}']"),
    )
    .text_content()
    .unwrap_or_default()
}

fn set_input(input: &web_sys::HtmlElement, value: &str, event: &str) {
    let input: web_sys::HtmlInputElement = input.clone().unchecked_into();
    input.set_value(value);
    let ev = web_sys::Event::new(event).unwrap();
    input.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn matrix_shows_counts_and_inactive_cells() {
    let state = AppState::new(Some(plan()));
    let root = mount(state, || view! { <PhaseTaskMatrix /> });
    settle().await;
    // Main task 10 Go-live holds its 10 activities in F3 only.
    assert!(
        cell_text(&root, 10, "F3").starts_with("10"),
        "{}",
        cell_text(&root, 10, "F3")
    );
    assert!(root
        .query_selector("button[data-task='10'][data-phase='F2']")
        .unwrap()
        .is_none());
    // Every activity is counted once.
    let cells = root.query_selector_all("tfoot td").unwrap();
    let totals: usize = (0..cells.length())
        .filter_map(|i| cells.item(i)?.text_content())
        .map(|t| {
            t.split('/')
                .nth(1)
                .unwrap()
                .trim()
                .parse::<usize>()
                .unwrap()
        })
        .sum();
    assert_eq!(totals, 142);
}

#[wasm_bindgen_test]
async fn matrix_updates_when_an_activity_is_done() {
    let state = AppState::new(Some(plan()));
    let root = mount(state, || view! { <PhaseTaskMatrix /> });
    settle().await;
    assert!(cell_text(&root, 10, "F3").contains("0 færdige"));
    let id = state.plan.with_untracked(|p| {
        p.as_ref()
            .unwrap()
            .activities
            .iter()
            .find(|a| a.task == TaskNo::new(10).unwrap())
            .unwrap()
            .id
            .clone()
    });
    state
        .edit(Edit::UpdateActivity {
            id,
            change: ActivityChange::Status {
                status: Status::Faerdig,
                // Done today: a completion date after today is refused.
                completed: Some(implan::ui::clock::today()),
            },
        })
        .unwrap();
    settle().await;
    assert!(
        cell_text(&root, 10, "F3").contains(" aktiviteter, 1 færdig, hovedopgave 10 "),
        "{}",
        cell_text(&root, 10, "F3")
    );
    // Undo puts it back.
    state.undo();
    settle().await;
    assert!(cell_text(&root, 10, "F3").contains("0 færdige"));
}

fn first_id(state: AppState) -> ActivityId {
    state
        .plan
        .with_untracked(|p| p.as_ref().unwrap().activities[0].id.clone())
}

fn activity_field<T>(state: AppState, f: impl Fn(&implan::model::Activity) -> T) -> T {
    let id = first_id(state);
    state
        .plan
        .with_untracked(|p| f(p.as_ref().unwrap().activity(&id).unwrap()))
}

#[wasm_bindgen_test]
async fn editor_changes_title_responsible_and_status() {
    let state = AppState::new(Some(plan()));
    state.editing.set(Some(first_id(state)));
    let root = mount(state, || view! { <ActivityEditor /> });
    settle().await;
    let title = query(&root, "input[name=title]");
    assert_eq!(
        title.unchecked_ref::<web_sys::HtmlInputElement>().value(),
        activity_field(state, |a| a.title.clone())
    );
    set_input(&title, "Udpeg systemejer for KY", "input");
    set_input(
        &query(&root, "input[name=responsible]"),
        "Mette Hansen",
        "input",
    );
    let status = query(&root, "select[name=status]");
    status
        .unchecked_ref::<web_sys::HtmlSelectElement>()
        .set_value("i-gang");
    status
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_eq!(
        activity_field(state, |a| a.title.clone()),
        "Udpeg systemejer for KY"
    );
    assert_eq!(
        activity_field(state, |a| a.responsible.clone()),
        "Mette Hansen"
    );
    assert_eq!(activity_field(state, |a| a.status), Status::IGang);
    // Undo takes back the status, then the responsible, then the title:
    // typing in one field undoes as one step.
    let original = plan().activities[0].title.clone();
    state.undo();
    state.undo();
    settle().await;
    assert_eq!(activity_field(state, |a| a.status), Status::IkkeStartet);
    assert_eq!(activity_field(state, |a| a.responsible.clone()), "");
    assert_eq!(
        activity_field(state, |a| a.title.clone()),
        "Udpeg systemejer for KY"
    );
    state.undo();
    settle().await;
    assert_eq!(activity_field(state, |a| a.title.clone()), original);
    // The field shows the restored title.
    assert_eq!(
        query(&root, "input[name=title]")
            .unchecked_ref::<web_sys::HtmlInputElement>()
            .value(),
        original
    );
}

#[wasm_bindgen_test]
async fn editor_reads_danish_dates_and_refuses_due_before_start() {
    let state = AppState::new(Some(plan()));
    state.editing.set(Some(first_id(state)));
    let root = mount(state, || view! { <ActivityEditor /> });
    settle().await;
    set_input(&query(&root, "input[name=start]"), "01.03.2027", "change");
    settle().await;
    set_input(&query(&root, "input[name=due]"), "15.04.2027", "change");
    settle().await;
    assert_eq!(
        activity_field(state, |a| (a.start, a.due)),
        (Some(date(2027, 3, 1)), Some(date(2027, 4, 15)))
    );
    // A due date before the start is refused with a Danish message.
    set_input(&query(&root, "input[name=due]"), "01.02.2027", "change");
    settle().await;
    assert_eq!(activity_field(state, |a| a.due), Some(date(2027, 4, 15)));
    let alert = query(&root, ".error[role=alert]").text_content().unwrap();
    assert!(
        alert.contains("Slutdatoen (01.02.2027) ligger før startdatoen (01.03.2027)"),
        "{alert}"
    );
    // Unreadable text is refused by the field itself.
    set_input(&query(&root, "input[name=due]"), "31.02.2027", "change");
    settle().await;
    assert!(root.text_content().unwrap().contains("Ukendt dato"));
    assert_eq!(activity_field(state, |a| a.due), Some(date(2027, 4, 15)));
}

#[wasm_bindgen_test]
async fn editor_offers_to_extend_phases_for_an_inactive_phase() {
    let state = AppState::new(Some(plan()));
    state.editing.set(Some(first_id(state)));
    let task = activity_field(state, |a| a.task);
    let root = mount(state, || view! { <ActivityEditor /> });
    settle().await;
    // Main task 1 is not active in F0 by default.
    let phase = query(&root, "select[name=phase]");
    phase
        .unchecked_ref::<web_sys::HtmlSelectElement>()
        .set_value("F0");
    phase
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    assert_ne!(activity_field(state, |a| a.phase), Phase::F0);
    let extend = root.query_selector_all("button").unwrap();
    let button = (0..extend.length())
        .filter_map(|i| extend.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| {
            b.text_content()
                .unwrap_or_default()
                .contains("Udvid hovedopgavens faser")
        })
        .expect("an extend button");
    button.click();
    settle().await;
    assert_eq!(activity_field(state, |a| a.phase), Phase::F0);
    assert!(state.plan.with_untracked(|p| p
        .as_ref()
        .unwrap()
        .task(task)
        .phases
        .contains(Phase::F0)));
}

// ------------------------------------------------------------ Gevinster

use implan::model::{Benefit, BenefitEdit, BenefitId, BenefitKind, BenefitType, Decimal};
use implan::ui::BenefitsPage;

fn click(root: &web_sys::HtmlElement, selector: &str) {
    query(root, selector).click();
}

fn click_text(root: &web_sys::HtmlElement, selector: &str, text: &str) {
    let all = root.query_selector_all(selector).unwrap();
    let button = (0..all.length())
        .filter_map(|i| all.item(i))
        .map(|n| n.unchecked_into::<web_sys::HtmlElement>())
        .find(|b| b.text_content().unwrap_or_default().contains(text))
        .unwrap_or_else(|| panic!("no {selector} with text {text}"));
    button.click();
}

fn plan_with_benefit() -> Plan {
    let mut p = plan();
    let mut b = Benefit::new(
        BenefitId("g-1".into()),
        "Frigjort tid",
        BenefitType::OekonomiskRaaderum,
        BenefitKind::Gevinst,
        Timestamp(0),
    );
    b.owner = "Anne".into();
    b.baseline = Some(Decimal::from_int(100).unwrap());
    b.baseline_date = Some(date(2025, 1, 1));
    b.target = Some(Decimal::from_int(50).unwrap());
    b.target_date = Some(date(2027, 1, 1));
    p.apply(
        Edit::Benefit(BenefitEdit::InsertBenefit {
            benefit: b,
            position: 0,
        }),
        Timestamp(1),
    )
    .unwrap();
    p
}

#[wasm_bindgen_test]
async fn benefit_editor_records_a_measurement_and_shows_progress() {
    let state = AppState::new(Some(plan_with_benefit()));
    let root = mount(state, || view! { <BenefitsPage /> });
    settle().await;
    click(&root, "#tab-profiles");
    settle().await;
    click(&root, "li.benefit-row button.benefit-name");
    settle().await;
    set_input(
        &query(&root, "input[name=measurement-date]"),
        "01.06.2025",
        "input",
    );
    set_input(
        &query(&root, "input[name=measurement-value]"),
        "75,5",
        "input",
    );
    click_text(&root, "form.measurement-form button", "Registrér måling");
    settle().await;
    let measured = state
        .plan
        .with_untracked(|p| p.as_ref().unwrap().benefits[0].measurements.clone());
    assert_eq!(measured.len(), 1);
    assert_eq!(measured[0].value.format_danish(), "75,5");
    let progress = query(&root, "li.benefit-row .progress-text")
        .text_content()
        .unwrap();
    assert_eq!(progress, "49 % af målet");
    // An unreadable value is refused with a message and records nothing.
    set_input(
        &query(&root, "input[name=measurement-value]"),
        "12.5",
        "input",
    );
    click_text(&root, "form.measurement-form button", "Registrér måling");
    settle().await;
    assert!(root
        .text_content()
        .unwrap()
        .contains("brug komma som decimaltegn"));
    assert_eq!(
        state
            .plan
            .with_untracked(|p| p.as_ref().unwrap().benefits[0].measurements.len()),
        1
    );
}

#[wasm_bindgen_test]
async fn selecting_a_map_node_highlights_its_chain() {
    let state = AppState::new(Some(plan()));
    let root = mount(state, || view! { <BenefitsPage /> });
    settle().await;
    click(&root, "#tab-map");
    settle().await;
    let node = |id: &str| query(&root, &format!("g.gd-node[data-id='{id}']"));
    let classes = |id: &str| node(id).get_attribute("class").unwrap_or_default();
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    node("n-eff-hurtigere")
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("click", &init).unwrap())
        .unwrap();
    settle().await;
    assert!(classes("n-eff-hurtigere").contains("selected"));
    // What it depends on and what depends on it are lit; the rest dimmed.
    for id in [
        "n-for-arbejdsgange",
        "n-lev-losning",
        "n-gev-okonomi",
        "n-gev-service",
        "n-maal-business-case",
    ] {
        assert!(classes(id).contains("lit"), "{id}: {}", classes(id));
    }
    for id in [
        "n-for-organisering",
        "n-eff-overblik",
        "n-gev-trivsel",
        "n-lev-uddannelse",
    ] {
        assert!(classes(id).contains("dim"), "{id}: {}", classes(id));
    }
    assert_eq!(
        root.query_selector_all("path.gd-arrow.lit")
            .unwrap()
            .length(),
        6
    );
    // The panel lists the main tasks behind the chain.
    let chain = query(&root, ".chain-activities").text_content().unwrap();
    assert!(
        chain.contains("Hovedopgave 9. Arbejdsgange og organisering"),
        "{chain}"
    );
}
