//! The benefit map (gevinstdiagram): nodes in five columns read left to
//! right, from the plan's deliverables through changes and effects to
//! benefits and goals, joined by arrows to later columns.

use serde::{Deserialize, Serialize};

use super::{ActivityId, BenefitId, TaskNo, Timestamp};

/// Stable id of a node of the benefit map.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NodeId(pub String);

/// Stable id of an arrow of the benefit map.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ArrowId(pub String);

impl NodeId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl ArrowId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The five columns of the map, left to right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Column {
    /// Leverancer: what the project delivers.
    Leverancer,
    /// Forandringer: changes in work and organisation.
    Forandringer,
    /// Effekter: results of the changes.
    Effekter,
    /// Gevinster: measurable benefits.
    Gevinster,
    /// Mål: strategic goals.
    Maal,
}

impl Column {
    /// All columns left to right.
    pub const ALL: [Column; 5] = [
        Column::Leverancer,
        Column::Forandringer,
        Column::Effekter,
        Column::Gevinster,
        Column::Maal,
    ];

    /// Position, 0 (Leverancer) to 4 (Mål).
    pub fn index(self) -> usize {
        self as usize
    }

    /// Danish heading (plural), e.g. "Forandringer".
    pub fn label(self) -> &'static str {
        ["Leverancer", "Forandringer", "Effekter", "Gevinster", "Mål"][self.index()]
    }

    /// Danish name of one node, e.g. "Forandring".
    pub fn singular(self) -> &'static str {
        ["Leverance", "Forandring", "Effekt", "Gevinst", "Mål"][self.index()]
    }

    /// Stable machine key.
    pub fn key(self) -> &'static str {
        ["leverance", "forandring", "effekt", "gevinst", "maal"][self.index()]
    }

    /// Parses a key made by [`Column::key`].
    pub fn from_key(key: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.key() == key)
    }

    /// Whether nodes of this column link to main tasks and activities.
    pub fn links_activities(self) -> bool {
        matches!(self, Column::Leverancer | Column::Forandringer)
    }

    /// Whether nodes of this column link to a benefit profile.
    pub fn links_benefit(self) -> bool {
        self == Column::Gevinster
    }
}

/// One node of the map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapNode {
    /// Stable id.
    pub id: NodeId,
    /// Which column.
    pub column: Column,
    /// Title; never empty.
    pub title: String,
    /// Longer description.
    pub description: String,
    /// Main tasks that deliver it (Leverancer and Forandringer only).
    pub tasks: Vec<TaskNo>,
    /// Activities that deliver it (Leverancer and Forandringer only).
    pub activities: Vec<ActivityId>,
    /// Its benefit profile (Gevinster only).
    pub benefit: Option<BenefitId>,
    /// When the node last changed.
    pub modified: Timestamp,
}

impl MapNode {
    /// A new node without links.
    pub fn new(id: NodeId, column: Column, title: &str, now: Timestamp) -> MapNode {
        MapNode {
            id,
            column,
            title: title.trim().to_string(),
            description: String::new(),
            tasks: Vec::new(),
            activities: Vec::new(),
            benefit: None,
            modified: now,
        }
    }
}

/// An arrow from a node to a node in a later column.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrow {
    /// Stable id.
    pub id: ArrowId,
    /// Where it starts.
    pub from: NodeId,
    /// Where it points; in a later column than `from`.
    pub to: NodeId,
    /// When the arrow last changed.
    pub modified: Timestamp,
}

/// The benefit map of a plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenefitMap {
    /// Nodes in the order they were added (the layout starts from it).
    pub nodes: Vec<MapNode>,
    /// Arrows; each joins two nodes of the map, left to right, at most once.
    pub arrows: Vec<Arrow>,
}

impl BenefitMap {
    /// The node with `id`, if any.
    pub fn node(&self, id: &NodeId) -> Option<&MapNode> {
        self.nodes.iter().find(|n| &n.id == id)
    }

    /// Position of the node with `id`.
    pub fn node_position(&self, id: &NodeId) -> Option<usize> {
        self.nodes.iter().position(|n| &n.id == id)
    }

    /// Position of the arrow with `id`.
    pub fn arrow_position(&self, id: &ArrowId) -> Option<usize> {
        self.arrows.iter().position(|a| &a.id == id)
    }

    /// The arrow from `from` to `to`, if any.
    pub fn arrow_between(&self, from: &NodeId, to: &NodeId) -> Option<&Arrow> {
        self.arrows.iter().find(|a| &a.from == from && &a.to == to)
    }

    /// The nodes `id` depends on (every node with a path of arrows to it)
    /// and the nodes that depend on it (every node a path leads to),
    /// together with `id` itself: the node's chain, in no special order.
    pub fn chain(&self, id: &NodeId) -> Vec<NodeId> {
        if self.node(id).is_none() {
            return Vec::new();
        }
        let mut chain = vec![id.clone()];
        for forward in [true, false] {
            let mut stack = vec![id.clone()];
            while let Some(n) = stack.pop() {
                for a in &self.arrows {
                    let (here, next) = if forward {
                        (&a.from, &a.to)
                    } else {
                        (&a.to, &a.from)
                    };
                    if *here == n && !chain.contains(next) {
                        chain.push(next.clone());
                        stack.push(next.clone());
                    }
                }
            }
        }
        chain
    }

    /// Whether the arrow joins two nodes of `chain` (so it is highlighted
    /// with them).
    pub fn arrow_in_chain(&self, arrow: &Arrow, chain: &[NodeId]) -> bool {
        chain.contains(&arrow.from) && chain.contains(&arrow.to)
    }
}

impl BenefitMap {
    /// The map a new plan starts with (see
    /// [`SUGGESTED_NODES`](crate::catalog::SUGGESTED_NODES)): node ids are
    /// "n-" and the template key, so copies of one plan agree on them.
    pub fn suggested(solution: &super::Solution, now: Timestamp) -> BenefitMap {
        use crate::catalog::{SUGGESTED_ARROWS, SUGGESTED_NODES};
        let id = |key: &str| NodeId(format!("n-{key}"));
        let nodes = SUGGESTED_NODES
            .iter()
            .map(|n| MapNode {
                id: id(n.key),
                column: n.column,
                title: n.title.replace("{løsning}", solution.name()),
                description: n.description.to_string(),
                tasks: n.tasks.iter().filter_map(|t| TaskNo::new(*t)).collect(),
                activities: Vec::new(),
                benefit: None,
                modified: now,
            })
            .collect();
        let arrows = SUGGESTED_ARROWS
            .iter()
            .enumerate()
            .map(|(i, (from, to))| Arrow {
                id: ArrowId(format!("r-s{:02}", i + 1)),
                from: id(from),
                to: id(to),
                modified: now,
            })
            .collect();
        BenefitMap { nodes, arrows }
    }
}
