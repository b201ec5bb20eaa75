//! Layered layout of the benefit map (gevinstdiagram): nodes in fixed
//! columns left to right, ordered within their column to keep arrow
//! crossings few (barycentric sweeps followed by adjacent swaps), placed
//! vertically to keep arrows short (each node pulled towards its
//! neighbours, order and spacing kept by isotonic regression), and arrows
//! spanning several columns routed through reserved gaps between nodes.
//!
//! Pure and deterministic: the same input gives the same output.

use std::collections::HashMap;

use crate::model::{stable_order, BenefitMap, Column, NodeId};

/// Width of a node box.
pub const NODE_WIDTH: f64 = 210.0;
/// Horizontal space between two columns, where arrows run.
pub const COLUMN_GAP: f64 = 72.0;
/// Vertical space between two node boxes in a column.
pub const NODE_GAP: f64 = 18.0;
/// Height of one line of a node's title.
pub const LINE_HEIGHT: f64 = 17.0;
/// Inner padding of a node box.
pub const PADDING: f64 = 9.0;
/// Height of the extra line for a node's links (badge).
pub const BADGE_HEIGHT: f64 = 16.0;
/// Most characters on one line of a title.
pub const MAX_CHARS: usize = 22;
/// Space above the nodes for the column headings.
pub const HEADER: f64 = 44.0;
/// Outer margin.
pub const MARGIN: f64 = 16.0;

/// Height reserved for an arrow passing through a column.
const PASS_HEIGHT: f64 = 2.0;
/// Space between an arrow passing through a column and its neighbours.
const PASS_GAP: f64 = 7.0;
/// Ordering sweeps (each either downwards or upwards).
const SWEEPS: usize = 20;
/// Vertical placement iterations.
const PLACEMENT_ROUNDS: usize = 10;

/// One node to lay out.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeSpec<'a> {
    /// Column, 0 = leftmost.
    pub column: usize,
    /// Title, wrapped onto lines of at most [`MAX_CHARS`] characters.
    pub title: &'a str,
    /// Whether the node shows an extra line for its links.
    pub badge: bool,
}

/// A placed node.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// The title's lines.
    pub lines: Vec<String>,
}

/// A routed arrow: a polyline from the right edge of its start node to the
/// left edge of its end node, through the columns in between. Draw it with
/// [`path_data`].
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    /// Points from start to end; x grows strictly between consecutive
    /// points of different columns. Empty for an arrow that does not go to a
    /// later column (the model never has one).
    pub points: Vec<(f64, f64)>,
}

/// The laid-out map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// Node boxes, in input order.
    pub nodes: Vec<NodeBox>,
    /// Arrow routes, in input order.
    pub arrows: Vec<Route>,
    /// Left edge of each column.
    pub column_x: Vec<f64>,
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Crossings between arrow segments of adjacent columns in the final
    /// order.
    pub crossings: usize,
}

/// Splits `text` into lines of at most `max` characters, breaking between
/// words and, for longer words, inside them. Never returns no lines.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut chars: Vec<char> = word.chars().collect();
        if len > 0 && len + 1 + chars.len() <= max {
            line.push(' ');
            line.extend(&chars);
            len += 1 + chars.len();
            continue;
        }
        if len > 0 {
            lines.push(std::mem::take(&mut line));
        }
        while chars.len() > max {
            let rest = chars.split_off(max);
            lines.push(chars.into_iter().collect());
            chars = rest;
        }
        line = chars.iter().collect();
        len = chars.len();
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Height of a node box with `lines` title lines.
pub fn node_height(lines: usize, badge: bool) -> f64 {
    2.0 * PADDING + lines as f64 * LINE_HEIGHT + if badge { BADGE_HEIGHT } else { 0.0 }
}

/// The SVG path data of a route: straight through columns, smooth curves
/// between them, and a small arrowhead (a closed triangle, to be stroked)
/// at the end. Drawing the head in the path rather than as a marker keeps
/// large maps quick to paint.
pub fn path_data(route: &Route) -> String {
    let mut out = String::with_capacity(24 * route.points.len() + 48);
    write_path_data(&mut out, route);
    out
}

/// Appends the [`path_data`] of `route` to `out`.
pub fn write_path_data(out: &mut String, route: &Route) {
    let mut points = route.points.iter().copied();
    let Some(mut prev) = points.next() else {
        return;
    };
    out.push('M');
    push_pair(out, prev);
    for (x, y) in points {
        let (px, py) = prev;
        if (y - py).abs() < 0.05 {
            out.push_str(" L");
        } else {
            let mid = (px + x) / 2.0;
            out.push_str(" C");
            push_pair(out, (mid, py));
            out.push(' ');
            push_pair(out, (mid, y));
            out.push(' ');
        }
        push_pair(out, (x, y));
        prev = (x, y);
    }
    let (x, y) = prev;
    out.push_str(" M");
    push_pair(out, (x - 7.0, y - 4.0));
    out.push_str(" L");
    push_pair(out, (x, y));
    out.push_str(" L");
    push_pair(out, (x - 7.0, y + 4.0));
    out.push_str(" Z");
}

fn push_pair(out: &mut String, (x, y): (f64, f64)) {
    push_num(out, x);
    out.push(' ');
    push_num(out, y);
}

/// Appends `v` with one decimal, as `format!("{v:.1}")` does but without
/// its cost (a large map writes thousands of numbers); halves round away
/// from zero, and a value that is not finite is written as 0.0.
pub fn push_num(out: &mut String, v: f64) {
    let tenths = (v * 10.0).round();
    if !tenths.is_finite() {
        out.push_str("0.0");
        return;
    }
    if tenths.abs() >= 1e17 {
        out.push_str(&format!("{v:.1}"));
        return;
    }
    let tenths = tenths as i64;
    if tenths < 0 {
        out.push('-');
    }
    let a = tenths.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut whole = a / 10;
    loop {
        i -= 1;
        digits[i] = b'0' + (whole % 10) as u8;
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
    out.push('.');
    out.push(char::from(b'0' + (a % 10) as u8));
}

/// One vertex of the layered graph: a node, or an arrow passing a column.
struct Vertex {
    layer: usize,
    height: f64,
    dummy: bool,
    up: Vec<usize>,
    down: Vec<usize>,
}

/// Lays out nodes in `columns` columns with `arrows` as (from, to) indices
/// into `nodes`. Nodes with a column beyond the last are put in the last.
pub fn layout(columns: usize, nodes: &[NodeSpec<'_>], arrows: &[(usize, usize)]) -> MapLayout {
    let columns = columns.max(1);
    let lines: Vec<Vec<String>> = nodes.iter().map(|n| wrap(n.title, MAX_CHARS)).collect();
    let mut vertices: Vec<Vertex> = nodes
        .iter()
        .zip(&lines)
        .map(|(n, l)| Vertex {
            layer: n.column.min(columns - 1),
            height: node_height(l.len(), n.badge),
            dummy: false,
            up: Vec::new(),
            down: Vec::new(),
        })
        .collect();
    // The chain of vertices each arrow passes, from start to end.
    let mut chains: Vec<Vec<usize>> = Vec::with_capacity(arrows.len());
    for &(from, to) in arrows {
        let valid =
            from < nodes.len() && to < nodes.len() && vertices[from].layer < vertices[to].layer;
        if !valid {
            chains.push(Vec::new());
            continue;
        }
        let mut chain = vec![from];
        for layer in vertices[from].layer + 1..vertices[to].layer {
            vertices.push(Vertex {
                layer,
                height: PASS_HEIGHT,
                dummy: true,
                up: Vec::new(),
                down: Vec::new(),
            });
            chain.push(vertices.len() - 1);
        }
        chain.push(to);
        for pair in chain.windows(2) {
            vertices[pair[0]].down.push(pair[1]);
            vertices[pair[1]].up.push(pair[0]);
        }
        chains.push(chain);
    }
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); columns];
    for (i, v) in vertices.iter().enumerate() {
        order[v.layer].push(i);
    }
    let order = minimise_crossings(&vertices, order);
    let crossings = total_crossings(&vertices, &order);
    let centre = place(&vertices, &order);
    build(
        lines, &vertices, &order, &chains, &centre, columns, crossings,
    )
}

/// Position of each vertex within its layer.
fn positions(vertices: &[Vertex], order: &[Vec<usize>]) -> Vec<usize> {
    let mut pos = vec![0; vertices.len()];
    for layer in order {
        for (i, &v) in layer.iter().enumerate() {
            pos[v] = i;
        }
    }
    pos
}

/// Crossings between the edges from layer `l` to layer `l + 1`, counted as
/// inversions with a Fenwick tree.
fn crossings_between(vertices: &[Vertex], order: &[Vec<usize>], pos: &[usize], l: usize) -> usize {
    let size = order[l + 1].len();
    let mut tree = vec![0usize; size + 1];
    let mut seen = 0;
    let mut count = 0;
    // Edges in order of their upper end, then of their lower end.
    let mut bottoms: Vec<usize> = Vec::new();
    for &u in &order[l] {
        bottoms.clear();
        bottoms.extend(vertices[u].down.iter().map(|&v| pos[v]));
        sort_small(&mut bottoms, &|x| x);
        for &b in &bottoms {
            // Earlier edges ending strictly below b cross this one.
            let mut i = b + 1;
            let mut at_most_b = 0;
            while i > 0 {
                at_most_b += tree[i];
                i &= i - 1;
            }
            count += seen - at_most_b;
            let mut i = b + 1;
            while i <= size {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
            seen += 1;
        }
    }
    count
}

/// Sorts a short list of indices by `key` (insertion sort).
fn sort_small(v: &mut [usize], key: &dyn Fn(usize) -> usize) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(v[j - 1]) > key(v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

fn total_crossings(vertices: &[Vertex], order: &[Vec<usize>]) -> usize {
    let pos = positions(vertices, order);
    (0..order.len().saturating_sub(1))
        .map(|l| crossings_between(vertices, order, &pos, l))
        .sum()
}

/// Barycentric sweeps down and up, keeping the best order seen, then
/// adjacent swaps that remove crossings.
fn minimise_crossings(vertices: &[Vertex], mut order: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let mut best = order.clone();
    let mut best_count = total_crossings(vertices, &order);
    let layers = order.len();
    for sweep in 0..SWEEPS {
        if best_count == 0 {
            break;
        }
        let down = sweep % 2 == 0;
        let sequence: Vec<usize> = if down {
            (1..layers).collect()
        } else {
            (0..layers.saturating_sub(1)).rev().collect()
        };
        for l in sequence {
            let reference = if down { l - 1 } else { l + 1 };
            let ref_pos: Vec<(usize, usize)> = order[reference]
                .iter()
                .enumerate()
                .map(|(i, &v)| (v, i))
                .collect();
            let mut lookup = vec![usize::MAX; vertices.len()];
            for &(v, i) in &ref_pos {
                lookup[v] = i;
            }
            let len = order[l].len().max(1) as f64;
            let ref_len = order[reference].len().max(1) as f64;
            let keyed: Vec<(f64, usize, usize)> = order[l]
                .iter()
                .enumerate()
                .map(|(i, &v)| {
                    let neighbours = if down {
                        &vertices[v].up
                    } else {
                        &vertices[v].down
                    };
                    let known: Vec<f64> = neighbours
                        .iter()
                        .filter(|&&n| lookup[n] != usize::MAX)
                        .map(|&n| (lookup[n] as f64 + 0.5) / ref_len)
                        .collect();
                    let bary = if known.is_empty() {
                        (i as f64 + 0.5) / len
                    } else {
                        known.iter().sum::<f64>() / known.len() as f64
                    };
                    (bary, i, v)
                })
                .collect();
            // Stable, so ties keep their current order.
            order[l] = stable_order(keyed.len(), &|a, b| keyed[a].0.total_cmp(&keyed[b].0))
                .into_iter()
                .map(|k| keyed[k].2)
                .collect();
        }
        let count = total_crossings(vertices, &order);
        if count < best_count {
            best_count = count;
            best = order.clone();
        }
    }
    transpose(vertices, &mut best);
    best
}

/// Crossings between the edges of `u` and those of `v` (u placed above v)
/// towards the layer whose positions are `pos`, for the given neighbours.
fn pair_crossings(a: &[usize], b: &[usize], pos: &[usize]) -> usize {
    a.iter()
        .map(|&x| b.iter().filter(|&&y| pos[x] > pos[y]).count())
        .sum()
}

/// Swaps adjacent vertices while that lowers the crossings.
fn transpose(vertices: &[Vertex], order: &mut [Vec<usize>]) {
    let mut pos = positions(vertices, order);
    for _ in 0..8 {
        let mut improved = false;
        for layer in order.iter_mut() {
            for i in 0..layer.len().saturating_sub(1) {
                let (u, v) = (layer[i], layer[i + 1]);
                let (vu, vv) = (&vertices[u], &vertices[v]);
                let now =
                    pair_crossings(&vu.up, &vv.up, &pos) + pair_crossings(&vu.down, &vv.down, &pos);
                let swapped =
                    pair_crossings(&vv.up, &vu.up, &pos) + pair_crossings(&vv.down, &vu.down, &pos);
                if swapped < now {
                    layer.swap(i, i + 1);
                    pos[u] = i + 1;
                    pos[v] = i;
                    improved = true;
                }
            }
        }
        if !improved {
            break;
        }
    }
}

/// Minimum distance between the centres of two vertices stacked in a layer.
fn separation(a: &Vertex, b: &Vertex) -> f64 {
    let gap = if a.dummy && b.dummy {
        PASS_GAP
    } else if a.dummy || b.dummy {
        PASS_GAP + 3.0
    } else {
        NODE_GAP
    };
    a.height / 2.0 + gap + b.height / 2.0
}

/// Vertical centres: each vertex pulled towards the mean of its
/// neighbours' centres, order and spacing in its layer kept.
fn place(vertices: &[Vertex], order: &[Vec<usize>]) -> Vec<f64> {
    let mut centre = vec![0.0; vertices.len()];
    for layer in order {
        let mut y = 0.0;
        for (i, &v) in layer.iter().enumerate() {
            if i > 0 {
                y += separation(&vertices[layer[i - 1]], &vertices[v]);
            } else {
                y = vertices[v].height / 2.0;
            }
            centre[v] = y;
        }
    }
    for round in 0..PLACEMENT_ROUNDS {
        let down = round % 2 == 0;
        let sequence: Vec<usize> = if down {
            (0..order.len()).collect()
        } else {
            (0..order.len()).rev().collect()
        };
        for l in sequence {
            let layer = &order[l];
            let desired: Vec<(f64, f64)> = layer
                .iter()
                .map(|&v| {
                    let vx = &vertices[v];
                    let ns: Vec<usize> = vx.up.iter().chain(&vx.down).copied().collect();
                    if ns.is_empty() {
                        (centre[v], 0.2)
                    } else {
                        let mean = ns.iter().map(|&n| centre[n]).sum::<f64>() / ns.len() as f64;
                        (mean, if vx.dummy { 2.0 } else { 1.0 })
                    }
                })
                .collect();
            let seps: Vec<f64> = layer
                .windows(2)
                .map(|w| separation(&vertices[w[0]], &vertices[w[1]]))
                .collect();
            let placed = isotonic(&desired, &seps);
            for (&v, y) in layer.iter().zip(placed) {
                centre[v] = y;
            }
        }
    }
    centre
}

/// Positions minimising Σ w·(y − d)² with y[i+1] − y[i] ≥ seps[i]
/// (pool adjacent violators on the offsets).
fn isotonic(desired: &[(f64, f64)], seps: &[f64]) -> Vec<f64> {
    let mut offset = Vec::with_capacity(desired.len());
    let mut acc = 0.0;
    for i in 0..desired.len() {
        if i > 0 {
            acc += seps[i - 1];
        }
        offset.push(acc);
    }
    // Blocks of (weighted mean, weight, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for (i, &(d, w)) in desired.iter().enumerate() {
        blocks.push((d - offset[i], w, 1));
        while blocks.len() > 1 {
            let (m2, w2, c2) = blocks[blocks.len() - 1];
            let (m1, w1, c1) = blocks[blocks.len() - 2];
            if m1 <= m2 {
                break;
            }
            blocks.pop();
            let last = blocks.len() - 1;
            blocks[last] = ((m1 * w1 + m2 * w2) / (w1 + w2), w1 + w2, c1 + c2);
        }
    }
    let mut out = Vec::with_capacity(desired.len());
    for (m, _, c) in blocks {
        for _ in 0..c {
            out.push(m + offset[out.len()]);
        }
    }
    out
}

fn build(
    lines: Vec<Vec<String>>,
    vertices: &[Vertex],
    order: &[Vec<usize>],
    chains: &[Vec<usize>],
    centre: &[f64],
    columns: usize,
    crossings: usize,
) -> MapLayout {
    let top = vertices
        .iter()
        .zip(centre)
        .map(|(v, c)| c - v.height / 2.0)
        .fold(f64::INFINITY, f64::min);
    let shift = if top.is_finite() {
        MARGIN + HEADER - top
    } else {
        0.0
    };
    let column_x: Vec<f64> = (0..columns)
        .map(|c| MARGIN + c as f64 * (NODE_WIDTH + COLUMN_GAP))
        .collect();
    let boxes: Vec<NodeBox> = lines
        .into_iter()
        .enumerate()
        .map(|(i, lines)| {
            let v = &vertices[i];
            NodeBox {
                x: column_x[v.layer],
                y: centre[i] - v.height / 2.0 + shift,
                width: NODE_WIDTH,
                height: v.height,
                lines,
            }
        })
        .collect();
    let pos = positions(vertices, order);
    // Ports: arrows leave and enter a node spread over its height, in the
    // order of the vertices they come from or go to.
    let port = |node: usize, others: &[usize], other: usize| -> f64 {
        let mut sorted: Vec<usize> = others.to_vec();
        sort_small(&mut sorted, &|o| pos[o]);
        let k = sorted.iter().position(|&o| o == other).unwrap_or(0);
        let b = &boxes[node];
        b.y + b.height * (k as f64 + 1.0) / (sorted.len() as f64 + 1.0)
    };
    let arrows = chains
        .iter()
        .map(|chain| {
            let mut points = Vec::with_capacity(2 * chain.len());
            if let [first, .., last] = chain.as_slice() {
                let (first, last) = (*first, *last);
                points.push((
                    boxes[first].x + NODE_WIDTH,
                    port(first, &vertices[first].down, chain[1]),
                ));
                for &d in &chain[1..chain.len() - 1] {
                    let x = column_x[vertices[d].layer];
                    let y = centre[d] + shift;
                    points.push((x, y));
                    points.push((x + NODE_WIDTH, y));
                }
                points.push((
                    boxes[last].x,
                    port(last, &vertices[last].up, chain[chain.len() - 2]),
                ));
            }
            Route { points }
        })
        .collect();
    let bottom = vertices
        .iter()
        .zip(centre)
        .map(|(v, c)| c + v.height / 2.0 + shift)
        .fold(0.0, f64::max);
    MapLayout {
        nodes: boxes,
        arrows,
        column_x,
        width: 2.0 * MARGIN
            + columns as f64 * NODE_WIDTH
            + (columns.saturating_sub(1)) as f64 * COLUMN_GAP,
        height: bottom.max(MARGIN + HEADER) + MARGIN,
        crossings,
    }
}

/// Lays out a plan's benefit map: five columns, the nodes in map order,
/// `badge(node index)` telling which nodes show a line for their links.
pub fn layout_map(map: &BenefitMap, badge: impl Fn(usize) -> bool) -> MapLayout {
    let specs: Vec<NodeSpec<'_>> = map
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| NodeSpec {
            column: n.column.index(),
            title: &n.title,
            badge: badge(i),
        })
        .collect();
    // An index of the nodes (the first of equal ids wins, as in
    // `node_position`): a linear search per arrow end is quadratic.
    let index: HashMap<&NodeId, usize> = map
        .nodes
        .iter()
        .enumerate()
        .rev()
        .map(|(i, n)| (&n.id, i))
        .collect();
    let at = |id: &NodeId| index.get(id).copied().unwrap_or(usize::MAX);
    let arrows: Vec<(usize, usize)> = map
        .arrows
        .iter()
        .map(|a| (at(&a.from), at(&a.to)))
        .collect();
    layout(Column::ALL.len(), &specs, &arrows)
}

#[cfg(test)]
#[path = "benefit_map_tests.rs"]
mod tests;
