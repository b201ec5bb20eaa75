//! Layered layout of the benefit map (gevinstdiagram): nodes in fixed
//! columns left to right, ordered within their column to keep arrow
//! crossings few (barycentric sweeps followed by adjacent swaps), placed
//! vertically to keep arrows short (each node pulled towards its
//! neighbours, order and spacing kept by isotonic regression), and arrows
//! spanning several columns routed through reserved gaps between nodes.
//!
//! Pure and deterministic: the same input gives the same output.

use std::collections::HashMap;

use super::num::push_dec1;
use crate::model::{BenefitMap, Column, NodeId};

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
        let mut n = char_count(word);
        if len > 0 && len + 1 + n <= max {
            line.push(' ');
            line.push_str(word);
            len += 1 + n;
            continue;
        }
        if len > 0 {
            lines.push(std::mem::take(&mut line));
        }
        let mut rest = word;
        while n > max {
            let cut = rest.char_indices().nth(max).map_or(rest.len(), |(i, _)| i);
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
            n -= max;
        }
        line = rest.to_string();
        len = n;
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The number of characters of `s` (counts the bytes that start one).
fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
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
    push_dec1(out, x);
    out.push(' ');
    push_dec1(out, y);
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
/// inversions with a Fenwick tree (`tree`, reused between calls).
///
/// The hot loops of the layout work on slices, not on `Vec`s: the release
/// build is optimised for size, and indexing a `Vec` is then a call.
fn crossings_between(
    vertices: &[Vertex],
    order: &[Vec<usize>],
    pos: &[usize],
    l: usize,
    tree: &mut Vec<usize>,
) -> usize {
    let size = order[l + 1].len();
    tree.clear();
    tree.resize(size + 1, 0);
    let tree: &mut [usize] = tree;
    let mut seen = 0;
    let mut count = 0;
    // Edges in order of their upper end. An earlier edge crosses this one
    // when it ends strictly below; edges that share their upper end never
    // cross, so each vertex's edges are counted before any is added.
    for &u in order[l].as_slice() {
        let down: &[usize] = &vertices[u].down;
        for &v in down {
            let mut i = pos[v] + 1;
            let mut at_most = 0;
            while i > 0 {
                at_most += tree[i];
                i &= i - 1;
            }
            count += seen - at_most;
        }
        for &v in down {
            let mut i = pos[v] + 1;
            while i <= size {
                tree[i] += 1;
                i += i & i.wrapping_neg();
            }
        }
        seen += down.len();
    }
    count
}

/// Sorts `v` by `key[x]`, keeping the order of equal keys: insertion sort
/// for short lists, else a bottom-up merge sort. The layout's hot loop:
/// unlike [`crate::model::stable_order`], it reads keys from a slice rather
/// than calling a comparison through a trait object for every step.
fn sort_by_key<K: PartialOrd + Copy>(v: &mut [usize], key: &[K]) {
    if v.len() <= 16 {
        for i in 1..v.len() {
            let x = v[i];
            let k = key[x];
            let mut j = i;
            while j > 0 && key[v[j - 1]] > k {
                v[j] = v[j - 1];
                j -= 1;
            }
            v[j] = x;
        }
        return;
    }
    let len = v.len();
    let mut buffer = v.to_vec();
    let (mut from, mut to): (&mut [usize], &mut [usize]) = (v, &mut buffer);
    let mut in_v = true;
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // The left run wins ties, which keeps the sort stable.
                let left = j >= end || (i < mid && key[from[j]] >= key[from[i]]);
                if left {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        in_v = !in_v;
        width *= 2;
    }
    if !in_v {
        // The sorted values are in the buffer (`from`); `to` is `v`.
        to.copy_from_slice(from);
    }
}

fn total_crossings(vertices: &[Vertex], order: &[Vec<usize>]) -> usize {
    crossings_at(vertices, order, &positions(vertices, order))
}

/// [`total_crossings`] with the positions `pos` of `order` known.
fn crossings_at(vertices: &[Vertex], order: &[Vec<usize>], pos: &[usize]) -> usize {
    let mut tree = Vec::new();
    (0..order.len().saturating_sub(1))
        .map(|l| crossings_between(vertices, order, pos, l, &mut tree))
        .sum()
}

/// Barycentric sweeps down and up, keeping the best order seen, then
/// adjacent swaps that remove crossings. Every edge joins adjacent layers,
/// so a vertex's neighbours on one side all lie in the reference layer;
/// positions are kept up to date rather than looked up per layer.
fn minimise_crossings(vertices: &[Vertex], mut order: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let mut pos_buffer = positions(vertices, &order);
    let pos: &mut [usize] = &mut pos_buffer;
    let mut best = order.clone();
    let mut best_count = crossings_at(vertices, &order, pos);
    let layers = order.len();
    // Each vertex's barycentre in the current sweep.
    let mut key_buffer = vec![0.0; vertices.len()];
    let key: &mut [f64] = &mut key_buffer;
    for sweep in 0..SWEEPS {
        if best_count == 0 {
            break;
        }
        let down = sweep % 2 == 0;
        for step in 0..layers.saturating_sub(1) {
            let (l, reference) = if down {
                (step + 1, step)
            } else {
                (layers - 2 - step, layers - 1 - step)
            };
            let ref_len = order[reference].len().max(1) as f64;
            let layer: &mut [usize] = &mut order[l];
            let len = layer.len().max(1) as f64;
            for (i, &v) in layer.iter().enumerate() {
                let vx = &vertices[v];
                let neighbours: &[usize] = if down { &vx.up } else { &vx.down };
                key[v] = if neighbours.is_empty() {
                    (i as f64 + 0.5) / len
                } else {
                    let mut sum = 0.0;
                    for &n in neighbours {
                        sum += (pos[n] as f64 + 0.5) / ref_len;
                    }
                    sum / neighbours.len() as f64
                };
            }
            // Stable, so ties keep their current order.
            sort_by_key(layer, key);
            for (i, &v) in layer.iter().enumerate() {
                pos[v] = i;
            }
        }
        let count = crossings_at(vertices, &order, pos);
        if count < best_count {
            best_count = count;
            best.clone_from(&order);
        }
    }
    transpose(vertices, &mut best);
    best
}

/// Crossings between the edges of `u` and those of `v` (u placed above v)
/// towards the layer whose positions are `pos`, for the given neighbours.
fn pair_crossings(a: &[usize], b: &[usize], pos: &[usize]) -> usize {
    let mut count = 0;
    for &x in a {
        for &y in b {
            count += usize::from(pos[x] > pos[y]);
        }
    }
    count
}

/// Swaps adjacent vertices while that lowers the crossings.
fn transpose(vertices: &[Vertex], order: &mut [Vec<usize>]) {
    let mut pos_buffer = positions(vertices, order);
    let pos: &mut [usize] = &mut pos_buffer;
    for _ in 0..8 {
        let mut improved = false;
        for layer in order.iter_mut() {
            let layer: &mut [usize] = layer;
            for i in 0..layer.len().saturating_sub(1) {
                let (u, v) = (layer[i], layer[i + 1]);
                let (vu, vv) = (&vertices[u], &vertices[v]);
                let now =
                    pair_crossings(&vu.up, &vv.up, pos) + pair_crossings(&vu.down, &vv.down, pos);
                let swapped =
                    pair_crossings(&vv.up, &vu.up, pos) + pair_crossings(&vv.down, &vu.down, pos);
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
    let mut centre_buffer = vec![0.0; vertices.len()];
    let centre: &mut [f64] = &mut centre_buffer;
    for layer in order {
        let layer: &[usize] = layer;
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
    let mut desired = Vec::new();
    let mut seps = Vec::new();
    for round in 0..PLACEMENT_ROUNDS {
        let down = round % 2 == 0;
        for k in 0..order.len() {
            let l = if down { k } else { order.len() - 1 - k };
            let layer: &[usize] = &order[l];
            desired.clear();
            seps.clear();
            for (i, &v) in layer.iter().enumerate() {
                let vx = &vertices[v];
                let count = vx.up.len() + vx.down.len();
                desired.push(if count == 0 {
                    (centre[v], 0.2)
                } else {
                    let mut sum = 0.0;
                    for &n in vx.up.iter().chain(&vx.down) {
                        sum += centre[n];
                    }
                    (sum / count as f64, if vx.dummy { 2.0 } else { 1.0 })
                });
                if i > 0 {
                    seps.push(separation(&vertices[layer[i - 1]], vx));
                }
            }
            let placed = isotonic(&desired, &seps);
            for (&v, y) in layer.iter().zip(placed) {
                centre[v] = y;
            }
        }
    }
    centre_buffer
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
        sort_by_key(&mut sorted, &pos);
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
