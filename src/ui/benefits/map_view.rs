//! Drawing the interactive benefit map (inline SVG). Nodes are focusable
//! buttons (`data-act="node"`); the map tab selects one on click, Enter or
//! Space and highlights its chain (what it depends on and what depends on
//! it). The drawing is rebuilt only when the map changes; selecting only
//! updates classes.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{clear, n, svg, toggle};
use super::svg_export::{line_y, plan_layout};
use crate::layout::benefit_map::{path_data, MapLayout, NODE_WIDTH, PADDING};
use crate::model::{stable_order, Column, NodeId, Plan};

/// What the map draws, derived from the plan: it changes only when the
/// map (or a node's badge) does.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    nodes: Vec<(NodeId, Column, String, String, Option<String>)>,
    arrows: Vec<(NodeId, NodeId)>,
    layout: MapLayout,
}

/// The drawn elements, kept to update the highlight.
#[derive(Default)]
pub struct Elements {
    /// Each node's id, element and shown state (see [`highlight`]).
    nodes: Vec<(NodeId, Element, Cell<u8>)>,
    /// Each arrow's ends, element and shown state.
    arrows: Vec<(NodeId, NodeId, Element, Cell<u8>)>,
}

/// Draws the map into `container`.
pub fn render(container: &Element, d: &Drawn) -> Elements {
    let l = &d.layout;
    let (w, h) = (format!("{:.0}", l.width), format!("{:.0}", l.height));
    let view_box = format!("0 0 {w} {h}");
    // Built apart and attached once: quicker than growing a live tree.
    let root = svg(
        None,
        "svg",
        &[
            ("class", "gd map-svg"),
            ("width", &w),
            ("height", &h),
            ("viewBox", &view_box),
            ("role", "group"),
            ("aria-label", "Gevinstdiagram"),
        ],
    );
    for (c, &x) in Column::ALL.iter().zip(&l.column_x) {
        let band = [
            ("class", "gd-band"),
            ("x", &n(x - 8.0)),
            ("y", "8"),
            ("width", &n(NODE_WIDTH + 16.0)),
            ("height", &n(l.height - 16.0)),
            ("rx", "8"),
        ];
        svg(Some(&root), "rect", &band);
        let heading = [
            ("class", "gd-heading"),
            ("x", &n(x + NODE_WIDTH / 2.0)),
            ("y", "36"),
            ("text-anchor", "middle"),
        ];
        svg(Some(&root), "text", &heading).set_text_content(Some(c.label()));
    }
    let mut out = Elements::default();
    // Elements are cloned from prototypes that carry their fixed
    // attributes: a large map then needs far fewer calls into the DOM.
    let arrows = svg(Some(&root), "g", &[("class", "gd-arrows")]);
    let arrow_proto = svg(None, "path", &[("class", "gd-arrow")]);
    for ((from, to), route) in d
        .arrows
        .iter()
        .zip(&l.arrows)
        .filter(|(_, r)| !r.points.is_empty())
    {
        let path = clone(&arrow_proto);
        let _ = path.set_attribute("d", &path_data(route));
        let _ = arrows.append_child(&path);
        out.arrows
            .push((from.clone(), to.clone(), path, Cell::new(0)));
    }
    // Nodes in reading order (column by column, top to bottom), so Tab
    // moves through the map the way it is read.
    let order = stable_order(d.nodes.len(), &|a, b| {
        d.nodes[a]
            .1
            .cmp(&d.nodes[b].1)
            .then(l.nodes[a].y.total_cmp(&l.nodes[b].y))
    });
    let nodes = svg(Some(&root), "g", &[("class", "gd-nodes")]);
    // A node: its box (the height varies) and its title's text.
    let node_proto = svg(
        None,
        "g",
        &[("data-act", "node"), ("tabindex", "0"), ("role", "button")],
    );
    svg(Some(&node_proto), "rect", &[("width", &n(NODE_WIDTH))]);
    svg(Some(&node_proto), "text", &[("class", "gd-title")]);
    let line_proto = svg(None, "tspan", &[("x", &n(PADDING))]);
    for i in order {
        let (id, column, title, description, badge) = &d.nodes[i];
        let b = &l.nodes[i];
        let g = clone(&node_proto);
        for (name, value) in [
            ("class", format!("gd-node col-{}", column.key()).as_str()),
            ("data-id", id.as_str()),
            ("transform", &format!("translate({} {})", n(b.x), n(b.y))),
            ("aria-label", &format!("{}: {}", column.singular(), title)),
        ] {
            let _ = g.set_attribute(name, value);
        }
        let (Some(rect), Some(text)) = (g.first_element_child(), g.last_element_child()) else {
            continue;
        };
        if b.width != NODE_WIDTH {
            let _ = rect.set_attribute("width", &n(b.width));
        }
        let _ = rect.set_attribute("height", &n(b.height));
        if !description.trim().is_empty() {
            let tip = svg(None, "title", &[("text", description)]);
            let _ = g.insert_before(&tip, Some(&rect));
        }
        for (k, line) in b.lines.iter().enumerate() {
            let tspan = clone(&line_proto);
            let _ = tspan.set_attribute("y", &n(line_y(k)));
            tspan.set_text_content(Some(line));
            let _ = text.append_child(&tspan);
        }
        if let Some(badge) = badge {
            svg(
                Some(&g),
                "text",
                &[
                    ("class", "gd-badge"),
                    ("x", &n(PADDING)),
                    ("y", &n(b.height - PADDING - 2.0)),
                    ("text", badge),
                ],
            );
        }
        let _ = nodes.append_child(&g);
        out.nodes.push((id.clone(), g, Cell::new(0)));
    }
    clear(container);
    let _ = container.append_child(&root);
    out
}

/// A deep copy of `el`.
fn clone(el: &Element) -> Element {
    el.clone_node_with_deep(true)
        .expect("an element can be cloned")
        .unchecked_into()
}

/// Marks the selected node, its chain (lit) and the rest (dim). Only
/// elements whose state changes are touched, so selecting in a large map
/// stays quick.
pub fn highlight(e: &Elements, chain: &[NodeId], selected: Option<&str>) {
    const SELECTED: u8 = 1;
    const LIT: u8 = 2;
    const DIM: u8 = 4;
    let any = selected.is_some();
    for (id, el, shown) in &e.nodes {
        let is_selected = selected == Some(id.as_str());
        let lit = chain.contains(id);
        let state = u8::from(is_selected) * SELECTED
            + u8::from(lit && !is_selected) * LIT
            + u8::from(any && !lit) * DIM;
        if shown.replace(state) != state {
            toggle(el, "selected", is_selected);
            toggle(el, "lit", state & LIT != 0);
            toggle(el, "dim", state & DIM != 0);
            let _ = el.set_attribute("aria-pressed", if is_selected { "true" } else { "false" });
        }
    }
    for (from, to, el, shown) in &e.arrows {
        let lit = chain.contains(from) && chain.contains(to);
        let state = u8::from(lit) * LIT + u8::from(any && !lit) * DIM;
        if shown.replace(state) != state {
            toggle(el, "lit", lit);
            toggle(el, "dim", state & DIM != 0);
        }
    }
}

/// What the map of `plan` draws.
pub fn drawn(p: &Plan) -> Drawn {
    let (layout, badges) = plan_layout(p);
    let nodes = p
        .benefit_map
        .nodes
        .iter()
        .zip(badges)
        .map(|(n, b)| {
            (
                n.id.clone(),
                n.column,
                n.title.clone(),
                n.description.clone(),
                b,
            )
        })
        .collect();
    let arrows = p
        .benefit_map
        .arrows
        .iter()
        .map(|a| (a.from.clone(), a.to.clone()))
        .collect();
    Drawn {
        nodes,
        arrows,
        layout,
    }
}
