//! Drawing the interactive benefit map (inline SVG). Nodes are focusable
//! buttons (`data-act="node"`); the map tab selects one on click, Enter or
//! Space and highlights its chain (what it depends on and what depends on
//! it). The drawing is rebuilt only when the map changes; selecting only
//! updates classes.
//!
//! The drawing is written as one piece of markup ([`markup`], pure, every
//! piece of user text escaped) and set at once: for a large map that is
//! far quicker than thousands of separate DOM calls.

use std::cell::Cell;
use std::collections::HashSet;

use web_sys::{Element, HtmlCollection};

use super::dom::{clear, find};
use super::svg_export::{line_y, plan_layout};
use crate::layout::benefit_map::{write_path_data, MapLayout, NODE_WIDTH, PADDING};
use crate::layout::num::push_dec1;
use crate::layout::svg::push_escaped;
use crate::model::{stable_order, Column, NodeId, Plan};

/// What the map draws, derived from the plan: it changes only when the
/// map (or a node's badge) does.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    nodes: Vec<(NodeId, Column, String, String, Option<String>)>,
    arrows: Vec<(NodeId, NodeId)>,
    layout: MapLayout,
}

/// The drawn elements, kept to update the highlight. Elements are looked
/// up only when their highlight changes.
#[derive(Default)]
pub struct Elements {
    /// The node elements, in drawn order.
    node_elements: Option<HtmlCollection>,
    /// Each drawn node's id, column and shown state (see [`highlight`]).
    nodes: Vec<(NodeId, Column, Cell<u8>)>,
    /// The arrow elements, in drawn order.
    arrow_elements: Option<HtmlCollection>,
    /// Each drawn arrow's ends and shown state.
    arrows: Vec<(NodeId, NodeId, Cell<u8>)>,
}

/// The nodes of `d` in reading order (column by column, top to bottom), so
/// Tab moves through the map the way it is read.
fn reading_order(d: &Drawn) -> Vec<usize> {
    let l = &d.layout;
    stable_order(d.nodes.len(), &|a, b| {
        d.nodes[a]
            .1
            .cmp(&d.nodes[b].1)
            .then(l.nodes[a].y.total_cmp(&l.nodes[b].y))
    })
}

/// Appends ` name="value"` with a number value.
fn num_attr(s: &mut String, name: &str, v: f64) {
    s.push(' ');
    s.push_str(name);
    s.push_str("=\"");
    push_dec1(s, v);
    s.push('"');
}

/// The map's SVG markup: column bands and headings, the arrows (group
/// `gd-arrows`, routes that exist only) and the nodes in reading order
/// (group `gd-nodes`). Every title, description, badge and id is escaped.
pub fn markup(d: &Drawn) -> String {
    let l = &d.layout;
    let mut s = String::with_capacity(2048 + 400 * d.nodes.len() + 200 * d.arrows.len());
    s.push_str("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gd map-svg\"");
    num_attr(&mut s, "width", l.width.round());
    num_attr(&mut s, "height", l.height.round());
    s.push_str(" viewBox=\"0 0 ");
    push_dec1(&mut s, l.width.round());
    s.push(' ');
    push_dec1(&mut s, l.height.round());
    s.push_str("\" role=\"group\" aria-label=\"Gevinstdiagram\">");
    for (c, &x) in Column::ALL.iter().zip(&l.column_x) {
        s.push_str("<rect class=\"gd-band\"");
        num_attr(&mut s, "x", x - 8.0);
        s.push_str(" y=\"8\"");
        num_attr(&mut s, "width", NODE_WIDTH + 16.0);
        num_attr(&mut s, "height", l.height - 16.0);
        s.push_str(" rx=\"8\"/><text class=\"gd-heading\"");
        num_attr(&mut s, "x", x + NODE_WIDTH / 2.0);
        s.push_str(" y=\"36\" text-anchor=\"middle\">");
        push_escaped(&mut s, c.label());
        s.push_str("</text>");
    }
    s.push_str("<g class=\"gd-arrows\">");
    for route in l.arrows.iter().filter(|r| !r.points.is_empty()) {
        s.push_str("<path class=\"gd-arrow\" d=\"");
        write_path_data(&mut s, route);
        s.push_str("\"/>");
    }
    s.push_str("</g><g class=\"gd-nodes\">");
    for i in reading_order(d) {
        let (id, column, title, description, badge) = &d.nodes[i];
        let b = &l.nodes[i];
        s.push_str("<g class=\"gd-node col-");
        s.push_str(column.key());
        s.push_str(
            "\" data-act=\"node\" tabindex=\"0\" role=\"button\" aria-pressed=\"false\" data-id=\"",
        );
        push_escaped(&mut s, id.as_str());
        s.push_str("\" transform=\"translate(");
        push_dec1(&mut s, b.x);
        s.push(' ');
        push_dec1(&mut s, b.y);
        // Named by the text it shows, in the order shown (WCAG 2.5.3: a
        // speech user says what they see), then its column.
        s.push_str(")\" aria-label=\"");
        push_escaped(&mut s, title);
        if let Some(badge) = badge {
            s.push_str(", ");
            push_escaped(&mut s, badge);
        }
        s.push_str(" (");
        push_escaped(&mut s, column.singular());
        s.push_str(")\">");
        if !description.trim().is_empty() {
            s.push_str("<title>");
            push_escaped(&mut s, description);
            s.push_str("</title>");
        }
        s.push_str("<rect");
        num_attr(&mut s, "width", b.width);
        num_attr(&mut s, "height", b.height);
        s.push_str("/>");
        // A text element per line rather than tspans in one: fewer
        // elements for the browser to style and lay out. A line that ends
        // between two words keeps that space (not drawn: SVG strips it), so
        // the node's text reads as its title and matches its name.
        let spaced = ends_between_words(title, &b.lines);
        for (k, line) in b.lines.iter().enumerate() {
            s.push_str("<text class=\"gd-title\"");
            num_attr(&mut s, "x", PADDING);
            num_attr(&mut s, "y", line_y(k));
            s.push('>');
            push_escaped(&mut s, line);
            if spaced[k] || (k + 1 == b.lines.len() && badge.is_some()) {
                s.push(' ');
            }
            s.push_str("</text>");
        }
        if let Some(badge) = badge {
            s.push_str("<text class=\"gd-badge\"");
            num_attr(&mut s, "x", PADDING);
            num_attr(&mut s, "y", b.height - PADDING - 2.0);
            s.push('>');
            push_escaped(&mut s, badge);
            s.push_str("</text>");
        }
        s.push_str("</g>");
    }
    s.push_str("</g></svg>");
    s
}

/// For each of `lines` (the wrapped `title`), whether the title goes on
/// after it with a space, that is, the line was broken between two words
/// rather than inside a long one.
fn ends_between_words(title: &str, lines: &[String]) -> Vec<bool> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let flat = words.join(" ");
    let mut at = 0;
    lines
        .iter()
        .map(|line| {
            at = (at + line.len()).min(flat.len());
            let space = flat.get(at..).is_some_and(|rest| rest.starts_with(' '));
            if space {
                at += 1;
            }
            space
        })
        .collect()
}

/// Draws the map into `container`.
pub fn render(container: &Element, d: &Drawn) -> Elements {
    clear(container);
    // Only markup from `markup`, which escapes all user text.
    container.set_inner_html(&markup(d));
    let children = |selector: &str| find(container, selector).map(|g| g.children());
    Elements {
        node_elements: children("g.gd-nodes"),
        nodes: reading_order(d)
            .into_iter()
            .map(|i| (d.nodes[i].0.clone(), d.nodes[i].1, Cell::new(0)))
            .collect(),
        arrow_elements: children("g.gd-arrows"),
        arrows: d
            .arrows
            .iter()
            .zip(&d.layout.arrows)
            .filter(|(_, r)| !r.points.is_empty())
            .map(|((from, to), _)| (from.clone(), to.clone(), Cell::new(0)))
            .collect(),
    }
}

/// Highlight states of a node or arrow.
const SELECTED: u8 = 1;
const LIT: u8 = 2;
const DIM: u8 = 4;

/// The class attribute of a node or arrow with `base` classes in `state`.
fn classes(base: &str, state: u8) -> String {
    let mut c = base.to_string();
    for (bit, name) in [(SELECTED, " selected"), (LIT, " lit"), (DIM, " dim")] {
        if state & bit != 0 {
            c.push_str(name);
        }
    }
    c
}

/// Marks the selected node, its chain (lit) and the rest (dim). Only
/// elements whose state changes are touched, so selecting in a large map
/// stays quick.
pub fn highlight(e: &Elements, chain: &[NodeId], selected: Option<&str>) {
    let any = selected.is_some();
    let chain: HashSet<&str> = chain.iter().map(NodeId::as_str).collect();
    for (i, (id, column, shown)) in e.nodes.iter().enumerate() {
        let is_selected = selected == Some(id.as_str());
        let lit = chain.contains(id.as_str());
        let state = u8::from(is_selected) * SELECTED
            + u8::from(lit && !is_selected) * LIT
            + u8::from(any && !lit) * DIM;
        if shown.replace(state) == state {
            continue;
        }
        if let Some(el) = e.node_elements.as_ref().and_then(|c| c.item(i as u32)) {
            let base = format!("gd-node col-{}", column.key());
            let _ = el.set_attribute("class", &classes(&base, state));
            let _ = el.set_attribute("aria-pressed", if is_selected { "true" } else { "false" });
        }
    }
    for (i, (from, to, shown)) in e.arrows.iter().enumerate() {
        let lit = chain.contains(from.as_str()) && chain.contains(to.as_str());
        let state = u8::from(lit) * LIT + u8::from(any && !lit) * DIM;
        if shown.replace(state) == state {
            continue;
        }
        if let Some(el) = e.arrow_elements.as_ref().and_then(|c| c.item(i as u32)) {
            let _ = el.set_attribute("class", &classes("gd-arrow", state));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        BenefitEdit, Edit, MapNode, NodeChange, PlanId, PlanSetup, Solution, Timestamp,
    };
    use chrono::NaiveDate;

    fn plan() -> Plan {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let setup = PlanSetup {
            id: PlanId("p".into()),
            municipality: "Ærø".into(),
            solution: Solution::Other("KY".into()),
            go_live: d(2027, 3, 1),
            f1_start: d(2026, 9, 1),
            phases: None,
        };
        Plan::from_template(setup, Timestamp(0)).unwrap()
    }

    #[test]
    fn markup_escapes_user_text_and_draws_every_node_and_arrow() {
        let mut p = plan();
        let node = MapNode::new(
            NodeId("n-\"x\"".into()),
            Column::Forandringer,
            "Borgerne søger <script>alert('x')</script> & \"hurtigt\"",
            Timestamp(1),
        );
        let position = p.benefit_map.nodes.len();
        p.apply(
            Edit::Batch(vec![
                Edit::Benefit(BenefitEdit::InsertNode { node, position }),
                Edit::Benefit(BenefitEdit::UpdateNode {
                    id: NodeId("n-\"x\"".into()),
                    change: NodeChange::Description("<b>fed</b> & '".into()),
                }),
            ]),
            Timestamp(2),
        )
        .unwrap();
        let d = drawn(&p);
        let m = markup(&d);
        assert!(!m.contains("<script"), "{m}");
        assert!(!m.contains("<b>"));
        assert!(m.contains("data-id=\"n-&quot;x&quot;\""));
        assert!(m.contains(
            "aria-label=\"Borgerne søger &lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;hurtigt&quot; (Forandring)\""
        ));
        assert!(m.contains("<title>&lt;b&gt;fed&lt;/b&gt; &amp; &apos;</title>"));
        assert_eq!(
            m.matches("<g class=\"gd-node ").count(),
            p.benefit_map.nodes.len()
        );
        assert_eq!(
            m.matches("<path class=\"gd-arrow\"").count(),
            p.benefit_map.arrows.len()
        );
        assert_eq!(m.matches("<g").count(), m.matches("</g>").count());
        assert_eq!(m.matches("<text").count(), m.matches("</text>").count());
        // Title lines are wrapped, then escaped; a line broken between words
        // keeps its space, one broken inside a word does not.
        assert!(m.contains(">Borgerne søger </text>"), "{m}");
        assert!(m.contains(">&lt;script&gt;alert(&apos;x&apos;)&lt;/sc</text>"));
        for c in Column::ALL {
            assert!(m.contains(&format!(">{}</text>", c.label())));
        }
    }

    #[test]
    fn nodes_are_drawn_in_reading_order() {
        let d = drawn(&plan());
        let order = reading_order(&d);
        for w in order.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (ca, cb) = (d.nodes[a].1, d.nodes[b].1);
            assert!(ca < cb || (ca == cb && d.layout.nodes[a].y <= d.layout.nodes[b].y));
        }
        let m = markup(&d);
        let first = &d.nodes[order[0]].0;
        let at = |id: &NodeId| m.find(&format!("data-id=\"{}\"", id.as_str())).unwrap();
        assert!(order.iter().all(|i| at(first) <= at(&d.nodes[*i].0)));
    }

    #[test]
    fn classes_follow_the_highlight_state() {
        assert_eq!(classes("gd-arrow", 0), "gd-arrow");
        assert_eq!(
            classes("gd-node col-maal", SELECTED),
            "gd-node col-maal selected"
        );
        assert_eq!(classes("gd-arrow", LIT), "gd-arrow lit");
        assert_eq!(classes("gd-arrow", DIM), "gd-arrow dim");
    }

    #[test]
    fn wrapped_title_lines_read_back_as_the_title() {
        let title = "Færre  henvendelser om sagsbehandlingstidsforlængelser";
        let lines = crate::layout::benefit_map::wrap(title, 12);
        let spaced = ends_between_words(title, &lines);
        let read: String = lines
            .iter()
            .zip(&spaced)
            .map(|(l, s)| if *s { format!("{l} ") } else { l.clone() })
            .collect();
        assert_eq!(
            read,
            "Færre henvendelser om sagsbehandlingstidsforlængelser"
        );
        assert!(spaced.iter().any(|s| *s) && spaced.iter().any(|s| !*s));
        assert_eq!(ends_between_words("", &["x".to_string()]), vec![false]);
    }
}
