//! Edits of benefit profiles, their measurements and the benefit map. Each
//! is validated by [`Plan::apply`] and returns its inverse; deleting a
//! record leaves a [`RecordTombstone`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::edit::check_new_date;
use super::{
    sort_by, tasks_in_order, ActivityId, Arrow, ArrowId, Benefit, BenefitError, BenefitId,
    BenefitKind, BenefitMap, BenefitType, Column, Decimal, Edit, EditError, Frequency, MapNode,
    Measurement, MeasurementId, NodeId, Plan, RecordKind, RecordTombstone, TaskNo, Timestamp,
};

/// Sorts measurements by date, then id.
pub fn sort_measurements(measurements: &mut Vec<Measurement>) {
    sort_by(measurements, &|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
}

/// Refuses `m` when another measurement of `b` has its date: of two
/// measurements on one day neither is the later, so which one progress
/// reads from would be chance.
fn check_date_free(b: &Benefit, m: &Measurement) -> Result<(), BenefitError> {
    if b.measurements
        .iter()
        .any(|o| o.date == m.date && o.id != m.id)
    {
        return Err(BenefitError::MeasurementSameDate(m.date));
    }
    Ok(())
}

/// One change to the benefit profiles or the benefit map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BenefitEdit {
    /// Insert a benefit profile at `position` (clamped to the end).
    InsertBenefit {
        /// The profile; its id must be new in the plan.
        benefit: Benefit,
        /// Where in the list it goes.
        position: usize,
    },
    /// Delete a benefit profile with its measurements, leaving a tombstone.
    RemoveBenefit(BenefitId),
    /// Change one field of a benefit profile.
    UpdateBenefit {
        /// Which profile.
        id: BenefitId,
        /// The change.
        change: BenefitChange,
    },
    /// Record a measurement of a benefit.
    InsertMeasurement {
        /// Which profile.
        benefit: BenefitId,
        /// The measurement; its id must be new in the profile.
        measurement: Measurement,
    },
    /// Delete a measurement, leaving a tombstone.
    RemoveMeasurement {
        /// Which profile.
        benefit: BenefitId,
        /// Which measurement.
        id: MeasurementId,
    },
    /// Replace a measurement's date, value, comment and measurer.
    UpdateMeasurement {
        /// Which profile.
        benefit: BenefitId,
        /// The measurement as it is to be (found by its id).
        measurement: Measurement,
    },
    /// Insert a node into the map at `position` (clamped to the end).
    InsertNode {
        /// The node; its id must be new in the map.
        node: MapNode,
        /// Where in the node list it goes.
        position: usize,
    },
    /// Delete a node and the arrows to and from it, leaving tombstones.
    RemoveNode(NodeId),
    /// Change one field of a node.
    UpdateNode {
        /// Which node.
        id: NodeId,
        /// The change.
        change: NodeChange,
    },
    /// Insert an arrow at `position` (clamped to the end).
    InsertArrow {
        /// The arrow; to a node in a later column, not repeating another.
        arrow: Arrow,
        /// Where in the arrow list it goes.
        position: usize,
    },
    /// Delete an arrow, leaving a tombstone.
    RemoveArrow(ArrowId),
}

/// A change to one field of a benefit profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BenefitChange {
    /// New name.
    Name(String),
    /// New description.
    Description(String),
    /// New type.
    Type(BenefitType),
    /// Benefit or negative effect.
    Kind(BenefitKind),
    /// New benefit owner.
    Owner(String),
    /// New accountable director.
    Accountable(String),
    /// New indicator.
    Indicator(String),
    /// New unit.
    Unit(String),
    /// New baseline value and date.
    Baseline {
        /// Value.
        value: Option<Decimal>,
        /// Date.
        date: Option<NaiveDate>,
    },
    /// New target value and date.
    Target {
        /// Value.
        value: Option<Decimal>,
        /// Date.
        date: Option<NaiveDate>,
    },
    /// New measurement method.
    Method(String),
    /// New measurement frequency.
    Frequency(Option<Frequency>),
    /// The main tasks the benefit depends on.
    Tasks(Vec<TaskNo>),
    /// The activities the benefit depends on.
    Activities(Vec<ActivityId>),
}

/// A change to one field of a map node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NodeChange {
    /// New title.
    Title(String),
    /// New description.
    Description(String),
    /// Move to another column; links that do not fit it are removed.
    Column(Column),
    /// The main tasks that deliver it.
    Tasks(Vec<TaskNo>),
    /// The activities that deliver it.
    Activities(Vec<ActivityId>),
    /// Its benefit profile.
    Benefit(Option<BenefitId>),
}

impl Benefit {
    /// Checks the profile's invariants: a name, a target date after the
    /// baseline date, measurements on or after the baseline date, and
    /// measurement ids used once.
    pub fn check(&self) -> Result<(), BenefitError> {
        if self.name.trim().is_empty() {
            return Err(BenefitError::EmptyName);
        }
        if let (Some(baseline), Some(target)) = (self.baseline_date, self.target_date) {
            if target <= baseline {
                return Err(BenefitError::TargetNotAfterBaseline { baseline, target });
            }
        }
        if let Some(baseline) = self.baseline_date {
            if let Some(m) = self.measurements.iter().find(|m| m.date < baseline) {
                return Err(BenefitError::MeasurementBeforeBaseline {
                    date: m.date,
                    baseline,
                });
            }
        }
        for (i, m) in self.measurements.iter().enumerate() {
            if self.measurements[..i].iter().any(|x| x.id == m.id) {
                return Err(BenefitError::DuplicateId(m.id.as_str().to_string()));
            }
        }
        Ok(())
    }

    /// Sorts measurements by date (then id) and main tasks by number.
    fn normalise(&mut self) {
        self.name = self.name.trim().to_string();
        sort_measurements(&mut self.measurements);
        self.tasks = tasks_in_order(&self.tasks);
    }
}

impl MapNode {
    /// Checks the node's invariants: a title, and only the links its column
    /// allows.
    pub fn check(&self) -> Result<(), BenefitError> {
        if self.title.trim().is_empty() {
            return Err(BenefitError::EmptyTitle);
        }
        if !(self.column.links_activities() || self.tasks.is_empty() && self.activities.is_empty())
        {
            return Err(BenefitError::ActivityLinkNotAllowed(self.column));
        }
        if !self.column.links_benefit() && self.benefit.is_some() {
            return Err(BenefitError::BenefitLinkNotAllowed(self.column));
        }
        Ok(())
    }
}

impl BenefitMap {
    /// Checks an arrow against the map: both nodes exist, it goes to a later
    /// column, and no other arrow joins the same nodes.
    pub fn check_arrow(&self, arrow: &Arrow) -> Result<(), BenefitError> {
        let from = self
            .node(&arrow.from)
            .ok_or_else(|| BenefitError::UnknownNode(arrow.from.0.clone()))?;
        let to = self
            .node(&arrow.to)
            .ok_or_else(|| BenefitError::UnknownNode(arrow.to.0.clone()))?;
        if to.column <= from.column {
            return Err(BenefitError::ArrowNotForward {
                from: from.column,
                to: to.column,
            });
        }
        if self
            .arrows
            .iter()
            .any(|a| a.id != arrow.id && a.from == arrow.from && a.to == arrow.to)
        {
            return Err(BenefitError::DuplicateArrow {
                from: from.title.clone(),
                to: to.title.clone(),
            });
        }
        Ok(())
    }
}

fn wrap(edit: BenefitEdit) -> Edit {
    Edit::Benefit(edit)
}

impl Plan {
    /// The benefit profile with `id`, if any.
    pub fn benefit(&self, id: &BenefitId) -> Option<&Benefit> {
        self.benefits.iter().find(|b| &b.id == id)
    }

    fn benefit_index(&self, id: &BenefitId) -> Result<usize, BenefitError> {
        self.benefits
            .iter()
            .position(|b| &b.id == id)
            .ok_or_else(|| BenefitError::UnknownBenefit(id.0.clone()))
    }

    fn node_index(&self, id: &NodeId) -> Result<usize, BenefitError> {
        self.benefit_map
            .node_position(id)
            .ok_or_else(|| BenefitError::UnknownNode(id.0.clone()))
    }

    fn bury(&mut self, kind: RecordKind, id: &str, now: Timestamp) {
        self.benefit_tombstones.push(RecordTombstone {
            kind,
            id: id.to_string(),
            deleted: now,
        });
    }

    fn unbury(&mut self, kind: RecordKind, id: &str) {
        self.benefit_tombstones
            .retain(|t| !(t.kind == kind && t.id == id));
    }

    /// Refuses activity ids in `new` that are neither in `old` nor in the
    /// plan (links kept from before may point to deleted activities).
    fn check_new_activities(
        &self,
        old: &[ActivityId],
        new: &[ActivityId],
    ) -> Result<(), BenefitError> {
        match new
            .iter()
            .find(|id| !old.contains(id) && self.activity(id).is_none())
        {
            Some(id) => Err(BenefitError::UnknownActivity(id.clone())),
            None => Ok(()),
        }
    }

    /// Applies a [`BenefitEdit`] at `now` and returns its inverse; on error
    /// the plan is unchanged. Called by [`Plan::apply`].
    pub(super) fn apply_benefit_edit(
        &mut self,
        edit: BenefitEdit,
        now: Timestamp,
    ) -> Result<Edit, EditError> {
        let inverse = match edit {
            BenefitEdit::InsertBenefit {
                mut benefit,
                position,
            } => {
                if self.benefit(&benefit.id).is_some() {
                    return Err(BenefitError::DuplicateId(benefit.id.0).into());
                }
                benefit.normalise();
                benefit.check()?;
                benefit.modified = now;
                self.unbury(RecordKind::Benefit, &benefit.id.0);
                let id = benefit.id.clone();
                self.benefits
                    .insert(position.min(self.benefits.len()), benefit);
                BenefitEdit::RemoveBenefit(id)
            }
            BenefitEdit::RemoveBenefit(id) => {
                let position = self.benefit_index(&id)?;
                let benefit = self.benefits.remove(position);
                self.bury(RecordKind::Benefit, &id.0, now);
                BenefitEdit::InsertBenefit { benefit, position }
            }
            BenefitEdit::UpdateBenefit { id, change } => {
                let position = self.benefit_index(&id)?;
                let mut updated = self.benefits[position].clone();
                if let BenefitChange::Activities(new) = &change {
                    self.check_new_activities(&updated.activities, new)?;
                }
                let before = (updated.baseline_date, updated.target_date);
                let old = apply_benefit_change(&mut updated, change);
                check_new_date(before.0, updated.baseline_date)?;
                check_new_date(before.1, updated.target_date)?;
                updated.normalise();
                updated.check()?;
                updated.modified = now;
                self.benefits[position] = updated;
                BenefitEdit::UpdateBenefit { id, change: old }
            }
            BenefitEdit::InsertMeasurement {
                benefit,
                mut measurement,
            } => {
                let position = self.benefit_index(&benefit)?;
                let mut updated = self.benefits[position].clone();
                if updated.measurement(&measurement.id).is_some() {
                    return Err(BenefitError::DuplicateId(measurement.id.0).into());
                }
                check_not_future(measurement.date, now)?;
                check_date_free(&updated, &measurement)?;
                measurement.measured_by = measurement.measured_by.trim().to_string();
                measurement.modified = now;
                let id = measurement.id.clone();
                updated.measurements.push(measurement);
                updated.normalise();
                updated.check()?;
                updated.modified = now;
                self.benefits[position] = updated;
                self.unbury(RecordKind::Measurement, &id.0);
                BenefitEdit::RemoveMeasurement { benefit, id }
            }
            BenefitEdit::RemoveMeasurement { benefit, id } => {
                let position = self.benefit_index(&benefit)?;
                let b = &mut self.benefits[position];
                let index = b
                    .measurements
                    .iter()
                    .position(|m| m.id == id)
                    .ok_or_else(|| BenefitError::UnknownMeasurement(id.0.clone()))?;
                let measurement = b.measurements.remove(index);
                b.modified = now;
                self.bury(RecordKind::Measurement, &id.0, now);
                BenefitEdit::InsertMeasurement {
                    benefit,
                    measurement,
                }
            }
            BenefitEdit::UpdateMeasurement {
                benefit,
                mut measurement,
            } => {
                let position = self.benefit_index(&benefit)?;
                let mut updated = self.benefits[position].clone();
                let index = updated
                    .measurements
                    .iter()
                    .position(|m| m.id == measurement.id)
                    .ok_or_else(|| BenefitError::UnknownMeasurement(measurement.id.0.clone()))?;
                if measurement.date != updated.measurements[index].date {
                    check_not_future(measurement.date, now)?;
                    check_date_free(&updated, &measurement)?;
                }
                measurement.measured_by = measurement.measured_by.trim().to_string();
                measurement.modified = now;
                let old = std::mem::replace(&mut updated.measurements[index], measurement);
                updated.normalise();
                updated.check()?;
                updated.modified = now;
                self.benefits[position] = updated;
                BenefitEdit::UpdateMeasurement {
                    benefit,
                    measurement: old,
                }
            }
            BenefitEdit::InsertNode { mut node, position } => {
                if self.benefit_map.node(&node.id).is_some() {
                    return Err(BenefitError::DuplicateId(node.id.0).into());
                }
                node.title = node.title.trim().to_string();
                node.tasks = tasks_in_order(&node.tasks);
                node.check()?;
                node.modified = now;
                self.unbury(RecordKind::MapNode, &node.id.0);
                let id = node.id.clone();
                let nodes = &mut self.benefit_map.nodes;
                nodes.insert(position.min(nodes.len()), node);
                BenefitEdit::RemoveNode(id)
            }
            BenefitEdit::RemoveNode(id) => return self.remove_node(id, now),
            BenefitEdit::UpdateNode { id, change } => return self.update_node(id, change, now),
            BenefitEdit::InsertArrow {
                mut arrow,
                position,
            } => {
                if self.benefit_map.arrow_position(&arrow.id).is_some() {
                    return Err(BenefitError::DuplicateId(arrow.id.0).into());
                }
                self.benefit_map.check_arrow(&arrow)?;
                arrow.modified = now;
                self.unbury(RecordKind::Arrow, &arrow.id.0);
                let id = arrow.id.clone();
                let arrows = &mut self.benefit_map.arrows;
                arrows.insert(position.min(arrows.len()), arrow);
                BenefitEdit::RemoveArrow(id)
            }
            BenefitEdit::RemoveArrow(id) => {
                let position = self
                    .benefit_map
                    .arrow_position(&id)
                    .ok_or_else(|| BenefitError::UnknownArrow(id.0.clone()))?;
                let arrow = self.benefit_map.arrows.remove(position);
                self.bury(RecordKind::Arrow, &id.0, now);
                BenefitEdit::InsertArrow { arrow, position }
            }
        };
        Ok(wrap(inverse))
    }

    fn remove_node(&mut self, id: NodeId, now: Timestamp) -> Result<Edit, EditError> {
        let position = self.node_index(&id)?;
        let attached: Vec<usize> = (0..self.benefit_map.arrows.len())
            .filter(|&i| {
                let a = &self.benefit_map.arrows[i];
                a.from == id || a.to == id
            })
            .collect();
        let mut restore = Vec::with_capacity(attached.len() + 1);
        for &i in attached.iter().rev() {
            let arrow = self.benefit_map.arrows.remove(i);
            self.bury(RecordKind::Arrow, &arrow.id.0, now);
            restore.push(wrap(BenefitEdit::InsertArrow { arrow, position: i }));
        }
        let node = self.benefit_map.nodes.remove(position);
        self.bury(RecordKind::MapNode, &id.0, now);
        restore.push(wrap(BenefitEdit::InsertNode { node, position }));
        // Undo puts the node back first, then the arrows in ascending order.
        restore.reverse();
        Ok(Edit::Batch(restore))
    }

    fn update_node(
        &mut self,
        id: NodeId,
        change: NodeChange,
        now: Timestamp,
    ) -> Result<Edit, EditError> {
        let position = self.node_index(&id)?;
        let mut node = self.benefit_map.nodes[position].clone();
        let update = |change| {
            wrap(BenefitEdit::UpdateNode {
                id: id.clone(),
                change,
            })
        };
        let inverse = match change {
            NodeChange::Title(t) => update(NodeChange::Title(std::mem::replace(
                &mut node.title,
                t.trim().to_string(),
            ))),
            NodeChange::Description(t) => update(NodeChange::Description(std::mem::replace(
                &mut node.description,
                t,
            ))),
            NodeChange::Column(column) => {
                self.check_column_move(&node, column)?;
                let mut undo = vec![update(NodeChange::Column(node.column))];
                node.column = column;
                if !column.links_activities() {
                    if !node.tasks.is_empty() {
                        undo.push(update(NodeChange::Tasks(std::mem::take(&mut node.tasks))));
                    }
                    if !node.activities.is_empty() {
                        undo.push(update(NodeChange::Activities(std::mem::take(
                            &mut node.activities,
                        ))));
                    }
                }
                if !column.links_benefit() && node.benefit.is_some() {
                    undo.push(update(NodeChange::Benefit(node.benefit.take())));
                }
                if undo.len() == 1 {
                    undo.remove(0)
                } else {
                    Edit::Batch(undo)
                }
            }
            NodeChange::Tasks(tasks) => {
                let tasks = tasks_in_order(&tasks);
                update(NodeChange::Tasks(std::mem::replace(&mut node.tasks, tasks)))
            }
            NodeChange::Activities(activities) => {
                self.check_new_activities(&node.activities, &activities)?;
                update(NodeChange::Activities(std::mem::replace(
                    &mut node.activities,
                    activities,
                )))
            }
            NodeChange::Benefit(benefit) => {
                if let Some(b) = &benefit {
                    if node.benefit.as_ref() != Some(b) && self.benefit(b).is_none() {
                        return Err(BenefitError::UnknownBenefit(b.0.clone()).into());
                    }
                }
                update(NodeChange::Benefit(std::mem::replace(
                    &mut node.benefit,
                    benefit,
                )))
            }
        };
        node.check()?;
        node.modified = now;
        self.benefit_map.nodes[position] = node;
        Ok(inverse)
    }

    /// Refuses moving `node` to `column` when an arrow would then point
    /// backwards (or within one column).
    fn check_column_move(&self, node: &MapNode, column: Column) -> Result<(), BenefitError> {
        let map = &self.benefit_map;
        for a in map
            .arrows
            .iter()
            .filter(|a| a.from == node.id || a.to == node.id)
        {
            let (from, to) = (map.node(&a.from), map.node(&a.to));
            let (Some(from), Some(to)) = (from, to) else {
                continue;
            };
            let from_col = if from.id == node.id {
                column
            } else {
                from.column
            };
            let to_col = if to.id == node.id { column } else { to.column };
            if to_col <= from_col {
                return Err(BenefitError::ColumnBreaksArrow {
                    column,
                    from: from.title.clone(),
                    to: to.title.clone(),
                });
            }
        }
        Ok(())
    }
}

/// Refuses a measurement dated after the (Danish) day of `now`.
fn check_not_future(date: NaiveDate, now: Timestamp) -> Result<(), BenefitError> {
    match now.local_date() {
        Some(today) if date > today => Err(BenefitError::MeasurementInFuture(date)),
        _ => Ok(()),
    }
}

/// Applies `change` to `b` and returns the change that restores it.
fn apply_benefit_change(b: &mut Benefit, change: BenefitChange) -> BenefitChange {
    use std::mem::replace;
    let trimmed = |s: String| s.trim().to_string();
    match change {
        BenefitChange::Name(t) => BenefitChange::Name(replace(&mut b.name, trimmed(t))),
        BenefitChange::Description(t) => BenefitChange::Description(replace(&mut b.description, t)),
        BenefitChange::Type(t) => BenefitChange::Type(replace(&mut b.benefit_type, t)),
        BenefitChange::Kind(k) => BenefitChange::Kind(replace(&mut b.kind, k)),
        BenefitChange::Owner(t) => BenefitChange::Owner(replace(&mut b.owner, trimmed(t))),
        BenefitChange::Accountable(t) => {
            BenefitChange::Accountable(replace(&mut b.accountable, trimmed(t)))
        }
        BenefitChange::Indicator(t) => BenefitChange::Indicator(replace(&mut b.indicator, t)),
        BenefitChange::Unit(t) => BenefitChange::Unit(replace(&mut b.unit, trimmed(t))),
        BenefitChange::Baseline { value, date } => BenefitChange::Baseline {
            value: replace(&mut b.baseline, value),
            date: replace(&mut b.baseline_date, date),
        },
        BenefitChange::Target { value, date } => BenefitChange::Target {
            value: replace(&mut b.target, value),
            date: replace(&mut b.target_date, date),
        },
        BenefitChange::Method(t) => BenefitChange::Method(replace(&mut b.method, t)),
        BenefitChange::Frequency(f) => BenefitChange::Frequency(replace(&mut b.frequency, f)),
        BenefitChange::Tasks(t) => BenefitChange::Tasks(replace(&mut b.tasks, t)),
        BenefitChange::Activities(a) => BenefitChange::Activities(replace(&mut b.activities, a)),
    }
}
