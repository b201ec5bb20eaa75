//! The map tab: forms to add nodes and arrows (keyboard first), downloads
//! as SVG and PNG, print, the map itself and the panel of the selected node.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::dom::{add, clear, find, listen, options, set_value, target, template, toggle, value};
use super::map_view::{drawn, highlight, render, Drawn, Elements};
use super::svg_export::{file_name, standalone_svg, MAP_CSS};
use super::templates::MAP;
use super::{apply, apply_with_undo, links, map_panel, show_error, use_benefits, BenefitsUi};
use crate::model::{
    ActivityFilter, ActivityId, Arrow, ArrowId, Benefit, BenefitEdit, BenefitId, BenefitKind,
    BenefitType, Column, Edit, MapNode, NodeChange, NodeId, TaskNo,
};
use crate::ui::{
    after_paint, clock, download::download_text, mark, mark_after_paint, timed, use_app, AppState,
    Route,
};

/// Builds the tab's fixed parts into `root`.
fn skeleton(root: &Element) {
    add(root, "style", &[("text", MAP_CSS)]);
    template(root, MAP);
}

/// Fills the two node lists of the arrow form: any node but a goal to
/// start from, and nodes in later columns than the chosen start to end at.
fn arrow_options(root: &Element, nodes: &[(String, Column, String)]) {
    let (Some(from), Some(to)) = (
        find(root, "[name=add-arrow-from]"),
        find(root, "[name=add-arrow-to]"),
    ) else {
        return;
    };
    let (chosen_from, chosen_to) = (value(&from), value(&to));
    let start = nodes.iter().find(|n| n.0 == chosen_from).map(|n| n.1);
    let choose = (String::new(), "Vælg knude …".to_string());
    let list = |keep: &dyn Fn(Column) -> bool| {
        std::iter::once(choose.clone())
            .chain(
                nodes
                    .iter()
                    .filter(|n| keep(n.1))
                    .map(|n| (n.0.clone(), n.2.clone())),
            )
            .collect::<Vec<_>>()
    };
    for (select, items, chosen) in [
        (&from, list(&|c| c != Column::Maal), chosen_from.clone()),
        (&to, list(&|c| start.is_none_or(|s| c > s)), chosen_to),
    ] {
        clear(select);
        options(select, &items);
        set_value(
            select,
            if items.iter().any(|i| i.0 == chosen) {
                &chosen
            } else {
                ""
            },
        );
    }
}

/// The selected node.
fn selected_node(app: AppState, ui: BenefitsUi) -> Option<MapNode> {
    let id = NodeId(ui.selected.get_untracked()?);
    app.plan
        .with_untracked(|p| p.as_ref()?.benefit_map.node(&id).cloned())
}

/// Selects the node `id`, or clears the selection when it is selected.
fn toggle_node(ui: BenefitsUi, id: String) {
    ui.selected.update(|s| {
        *s = if s.as_deref() == Some(id.as_str()) {
            None
        } else {
            Some(id)
        }
    });
}

fn update_node(app: AppState, root: &Element, node: &MapNode, field: &str, change: NodeChange) {
    let group = Some(format!("{}:{field}", node.id.as_str()));
    apply(
        app,
        Edit::Benefit(BenefitEdit::UpdateNode {
            id: node.id.clone(),
            change,
        }),
        group,
        find(root, ".panel-error"),
    );
}

/// Opens the Gevinst node's profile, creating it from the node first when
/// it has none.
fn open_profile(app: AppState, ui: BenefitsUi, root: &Element, n: MapNode) {
    let linked = n.benefit.clone().filter(|b| {
        app.plan
            .with_untracked(|p| p.as_ref().is_some_and(|p| p.benefit(b).is_some()))
    });
    let id = match linked {
        Some(id) => id,
        None => {
            let benefit_type = BenefitType::ALL
                .into_iter()
                .find(|t| n.description.starts_with(t.label()))
                .unwrap_or(BenefitType::OekonomiskRaaderum);
            let id = BenefitId(clock::new_id("g"));
            let mut benefit = Benefit::new(
                id.clone(),
                &n.title,
                benefit_type,
                BenefitKind::Gevinst,
                clock::now(),
            );
            benefit.description = n.description.clone();
            let position = app
                .plan
                .with_untracked(|p| p.as_ref().map_or(0, |p| p.benefits.len()));
            let edit = Edit::Batch(vec![
                Edit::Benefit(BenefitEdit::InsertBenefit { benefit, position }),
                Edit::Benefit(BenefitEdit::UpdateNode {
                    id: n.id,
                    change: NodeChange::Benefit(Some(id.clone())),
                }),
            ]);
            if !apply(app, edit, None, find(root, ".panel-error")) {
                return;
            }
            id
        }
    };
    ui.editing.set(Some(id.0));
    ui.map.set(false);
}

fn on_click(app: AppState, ui: BenefitsUi, root: &Element, ev: &Event) {
    let Some((_, act, id)) = target(ev) else {
        // A click on the background of the map clears the selection.
        if ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|t| t.closest(".map-canvas").ok().flatten().is_some())
        {
            ui.selected.set(None);
        }
        return;
    };
    let node = selected_node(app, ui);
    match act.as_str() {
        "node" => toggle_node(ui, id),
        "go-node" => ui.selected.set(Some(id)),
        "close-node" => deselect(ui),
        "node-remove" => {
            let title = node.map(|n| n.title).unwrap_or_default();
            ui.selected.set(None);
            let edit = Edit::Benefit(BenefitEdit::RemoveNode(NodeId(id)));
            apply_with_undo(
                app,
                edit,
                format!("«{title}» er fjernet fra gevinstdiagrammet."),
            );
        }
        "arrow-remove" => apply_with_undo(
            app,
            Edit::Benefit(BenefitEdit::RemoveArrow(ArrowId(id))),
            "Pilen er fjernet.".into(),
        ),
        "unlink" => {
            if let Some(n) = node {
                let a = links::with(&n.activities, &id, false);
                update_node(app, root, &n, "activities", NodeChange::Activities(a));
            }
        }
        "profile" => {
            if let Some(n) = node {
                open_profile(app, ui, root, n);
            }
        }
        "open-activity" => {
            app.filter.set(ActivityFilter::default());
            app.editing.set(Some(ActivityId(id)));
            app.go(Route::Aktiviteter);
        }
        "open-task" => {
            app.filter.set(ActivityFilter {
                task: id.parse::<u8>().ok().and_then(TaskNo::new),
                ..ActivityFilter::default()
            });
            app.editing.set(None);
            app.go(Route::Aktiviteter);
        }
        "svg" | "png" => download(app, &act),
        "print" => print(),
        _ => {}
    }
}

fn on_key(ui: BenefitsUi, ev: &Event) {
    let Some(key) = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()) else {
        return;
    };
    match key.as_str() {
        "Enter" | " " => {
            if let Some((_, act, id)) = target(ev) {
                if act == "node" {
                    ev.prevent_default();
                    toggle_node(ui, id);
                }
            }
        }
        "Escape" => deselect(ui),
        _ => {}
    }
}

/// Clears the selection; focus in the node's panel, which closes, goes
/// back to the node.
fn deselect(ui: BenefitsUi) {
    let Some(id) = ui.selected.get_untracked() else {
        return;
    };
    ui.selected.set(None);
    let id = id.replace(['"', '\\'], "");
    crate::ui::focus::keep_on(&[&format!(".map-canvas .gd-node[data-id=\"{id}\"]")]);
}

fn on_field(app: AppState, ui: BenefitsUi, root: &Element, ev: &Event, committed: bool) {
    let Some((el, name, _)) = target(ev) else {
        return;
    };
    if name == "add-arrow-from" {
        let nodes = app.plan.with_untracked(|p| node_list(p.as_ref()));
        return arrow_options(root, &nodes);
    }
    let Some(n) = selected_node(app, ui) else {
        return;
    };
    let v = value(&el);
    match (name.as_str(), committed) {
        ("node-title", false) => update_node(app, root, &n, "title", NodeChange::Title(v)),
        ("node-description", false) => {
            update_node(app, root, &n, "description", NodeChange::Description(v))
        }
        ("node-column", true) => match Column::from_key(&v) {
            Some(c) if c != n.column => update_node(app, root, &n, "column", NodeChange::Column(c)),
            _ => {}
        },
        ("node-benefit", true) => update_node(
            app,
            root,
            &n,
            "benefit",
            NodeChange::Benefit((!v.is_empty()).then_some(BenefitId(v))),
        ),
        ("link-activity", true) => update_node(
            app,
            root,
            &n,
            "activities",
            NodeChange::Activities(links::with(&n.activities, &v, true)),
        ),
        ("link-task", true) => {
            let on = el
                .dyn_ref::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            update_node(
                app,
                root,
                &n,
                "tasks",
                NodeChange::Tasks(links::toggled(&n.tasks, &el, on)),
            );
        }
        _ => {}
    }
    // A refused column shows the node's column again.
    if let (Some(select), Some(n)) = (find(root, "[name=node-column]"), selected_node(app, ui)) {
        if name == "node-column" {
            set_value(&select, n.column.key());
        }
    }
}

fn on_submit(app: AppState, ui: BenefitsUi, root: &Element, ev: &Event) {
    ev.prevent_default();
    let Some(form) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let get = |name: &str| {
        find(&form, &format!("[name=\"{name}\"]"))
            .map(|e| value(&e))
            .unwrap_or_default()
    };
    let error = find(&form, ".error");
    match form.get_attribute("data-form").as_deref() {
        Some("add-node") => {
            let id = NodeId(clock::new_id("n"));
            let column = Column::from_key(&get("add-node-column")).unwrap_or(Column::Leverancer);
            let node = MapNode::new(id.clone(), column, &get("add-node-title"), clock::now());
            let position = app
                .plan
                .with_untracked(|p| p.as_ref().map_or(0, |p| p.benefit_map.nodes.len()));
            if apply(
                app,
                Edit::Benefit(BenefitEdit::InsertNode { node, position }),
                None,
                error,
            ) {
                if let Some(input) = find(&form, "input") {
                    set_value(&input, "");
                }
                ui.selected.set(Some(id.0));
            }
        }
        Some("add-arrow") => {
            let (from, to) = (get("add-arrow-from"), get("add-arrow-to"));
            if from.is_empty() || to.is_empty() {
                return show_error(error, "Vælg de to knuder, pilen skal gå imellem.");
            }
            let arrow = Arrow {
                id: ArrowId(clock::new_id("r")),
                from: NodeId(from),
                to: NodeId(to),
                modified: clock::now(),
            };
            let position = app
                .plan
                .with_untracked(|p| p.as_ref().map_or(0, |p| p.benefit_map.arrows.len()));
            if apply(
                app,
                Edit::Benefit(BenefitEdit::InsertArrow { arrow, position }),
                None,
                error,
            ) {
                if let Some(to) = find(&form, "[name=add-arrow-to]") {
                    set_value(&to, "");
                }
            }
        }
        _ => {}
    }
    let _ = root;
}

/// The selected node's panel.
const NODE_PANEL: &str = ".map-tab .panel-slot aside";

/// The map's nodes as (id, column, "Column: title").
fn node_list(plan: Option<&crate::model::Plan>) -> Vec<(String, Column, String)> {
    plan.iter()
        .flat_map(|p| &p.benefit_map.nodes)
        .map(|n| {
            (
                n.id.0.clone(),
                n.column,
                format!("{}: {}", n.column.singular(), n.title),
            )
        })
        .collect()
}

/// The map tab.
#[component]
pub fn MapTab() -> impl IntoView {
    let app = use_app();
    let ui = use_benefits();
    // Marks for the bench command: from building the tab (layout included)
    // to the painted map.
    mark("implan-map-start");
    mark_after_paint("implan-map-painted");
    let holder = NodeRef::<leptos::html::Section>::new();
    let listener = StoredValue::new_local(None);
    // The drawing (layout included), memoised on the map's content: it is
    // recomputed when the plan changes, and only passed on when the drawing
    // itself changed. Selecting a node does not lay the map out again.
    // An unchanged drawing keeps its first value, so the effect below can
    // tell by identity whether to draw.
    let drawing = Memo::new_owning(move |old: Option<Option<Arc<Drawn>>>| {
        // Measured for the bench command and the tests (which check that
        // selecting does not lay out again).
        let new = timed("implan-map-layout", || {
            app.plan.with(|p| p.as_ref().map(drawn))
        });
        let old = old.flatten();
        if old.as_deref() == new.as_ref() {
            (old, false)
        } else {
            (new.map(Arc::new), true)
        }
    });
    let shown = StoredValue::new_local(None::<Arc<Drawn>>);
    let elements = StoredValue::new_local(Elements::default());
    Effect::new(move |_| {
        let Some(r) = holder.get().map(Element::from) else {
            return;
        };
        if find(&r, ".map-tools").is_none() {
            clear(&r);
            skeleton(&r);
            let root = r.clone();
            let f = move |ev: &Event| on_event(app, ui, &root, ev);
            listener.set_value(Some(listen(
                &r,
                &["click", "keydown", "input", "change", "submit"],
                Box::new(f),
            )));
        }
        let selected = ui.selected.get();
        let d = drawing.get();
        app.plan.with(|p| {
            let (Some(p), Some(d)) = (p, d) else { return };
            // Redraw only when the drawing changes.
            if shown.with_value(|s| !s.as_ref().is_some_and(|s| Arc::ptr_eq(s, &d))) {
                if let Some(canvas) = find(&r, ".map-canvas") {
                    elements.set_value(timed("implan-map-draw", || render(&canvas, &d)));
                }
                // The node lists of the arrow form are filled once the map
                // has been painted, so that they do not delay it.
                let (root, nodes) = (r.clone(), node_list(Some(p)));
                after_paint(move || arrow_options(&root, &nodes));
                shown.set_value(Some(d));
            }
            let chain = selected
                .as_ref()
                .map(|id| p.benefit_map.chain(&NodeId(id.clone())))
                .unwrap_or_default();
            elements.with_value(|e| highlight(e, &chain, selected.as_deref()));
            let node = selected.and_then(|id| p.benefit_map.node(&NodeId(id)));
            let (Some(slot), Some(layout)) = (find(&r, ".panel-slot"), find(&r, ".map-layout"))
            else {
                return;
            };
            toggle(&layout, "editing", node.is_some());
            let Some(node) = node else {
                crate::ui::focus::end_detour(NODE_PANEL);
                return clear(&slot);
            };
            // The panel follows the whole map in the page: it is made the
            // next Tab stop after its node, so a keyboard user reaches it
            // without passing every later node (see focus::detour).
            let id = node.id.as_str().replace(['"', '\\'], "");
            match find(&r, &format!(".map-canvas .gd-node[data-id=\"{id}\"]")) {
                Some(at) => crate::ui::focus::detour(NODE_PANEL, Some(at)),
                None => crate::ui::focus::end_detour(NODE_PANEL),
            }
            let built = find(&slot, "aside")
                .map(|a| (a.get_attribute("data-id"), a.get_attribute("data-column")));
            if built != Some((Some(node.id.0.clone()), Some(node.column.key().to_string()))) {
                clear(&slot);
                map_panel::build(&slot, node);
            }
            if let Some(a) = find(&slot, "aside") {
                map_panel::sync(&a, node, p, &chain);
            }
        });
    });
    // A section, not a div like the profiles tab, so that switching tabs
    // builds a new element rather than reusing the other tab's.
    view! { <section class="map-tab" node_ref=holder></section> }
}

fn on_event(app: AppState, ui: BenefitsUi, root: &Element, ev: &Event) {
    match ev.type_().as_str() {
        "click" => on_click(app, ui, root, ev),
        "keydown" => on_key(ui, ev),
        "input" => on_field(app, ui, root, ev, false),
        "change" => on_field(app, ui, root, ev, true),
        "submit" => on_submit(app, ui, root, ev),
        _ => {}
    }
}

fn print() {
    let body = document().body();
    if let Some(b) = &body {
        let _ = b.class_list().add_1("print-map");
    }
    let _ = window().print();
    if let Some(b) = &body {
        let _ = b.class_list().remove_1("print-map");
    }
}

/// Downloads the map as SVG or PNG.
fn download(app: AppState, kind: &str) {
    let Some((text, name)) = app
        .plan
        .with_untracked(|p| p.as_ref().map(|p| (standalone_svg(p), file_name(p, kind))))
    else {
        return;
    };
    if kind == "svg" {
        if !download_text(&name, "image/svg+xml", &text) {
            app.notify("Browseren afviste downloaden.", None);
        }
        return;
    }
    let attr = |key: &str| {
        let rest = text.split(&format!(" {key}=\"")).nth(1)?;
        rest.split('"').next()?.parse::<u32>().ok()
    };
    let (w, h) = (attr("width").unwrap_or(800), attr("height").unwrap_or(600));
    if download_png(text, w, h, name).is_err() {
        app.notify(
            "PNG-billedet kunne ikke laves i denne browser. Brug SVG i stedet.",
            None,
        );
    }
}

/// Offers `url` as a download named `filename`.
fn download_url(filename: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(url);
    a.set_download(filename);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        a.remove();
    }
}

/// Draws `svg` on a canvas at twice its size and offers it as a PNG.
fn download_png(
    svg: String,
    width: u32,
    height: u32,
    filename: String,
) -> Result<(), wasm_bindgen::JsValue> {
    let document = document();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let image = web_sys::HtmlImageElement::new()?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let scale = 2;
    canvas.set_width(width * scale);
    canvas.set_height(height * scale);
    let loaded = image.clone();
    let url_done = url.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        let drawn = (|| -> Result<String, wasm_bindgen::JsValue> {
            let context: web_sys::CanvasRenderingContext2d = canvas
                .get_context("2d")?
                .ok_or("no 2d context")?
                .dyn_into()?;
            context.set_fill_style_str("#ffffff");
            context.fill_rect(
                0.0,
                0.0,
                f64::from(width * scale),
                f64::from(height * scale),
            );
            context.draw_image_with_html_image_element_and_dw_and_dh(
                &loaded,
                0.0,
                0.0,
                f64::from(width * scale),
                f64::from(height * scale),
            )?;
            canvas.to_data_url_with_type("image/png")
        })();
        let _ = web_sys::Url::revoke_object_url(&url_done);
        match drawn {
            Ok(data) => download_url(&filename, &data),
            Err(e) => web_sys::console::error_2(&"PNG kunne ikke tegnes".into(), &e),
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}
