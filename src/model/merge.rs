//! Merging two copies of the same plan, record by record.
//!
//! Records are the plan's settings, each main task's settings and each
//! activity, matched on stable ids. `since` is the time the two copies
//! last agreed (their last exchange): a record counts as changed on a side
//! when its modification time is after `since`. A record changed on one
//! side wins; records changed on both sides, differently, are conflicts
//! for the user to choose; records that differ without a change on both
//! sides take the newer version. Deletions are tombstones: a record
//! deleted on one side stays deleted unless the other side changed it
//! after the deletion; when both the deletion and that change came after
//! `since`, the user chooses.

use std::collections::{BTreeMap, BTreeSet};

use super::{Activity, ActivityId, MainTask, Plan, RecordTombstone, Timestamp, Tombstone};

/// Which copy a merged record came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The plan being merged into (the current plan).
    Ours,
    /// The other copy (e.g. an imported file or another tab).
    Theirs,
}

/// A record changed differently on both sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// The plan's settings (municipality, solution, dates).
    Settings {
        /// Our settings, as a plan.
        ours: Box<Plan>,
        /// Their settings, as a plan.
        theirs: Box<Plan>,
    },
    /// A main task's active phases.
    Task {
        /// Ours.
        ours: MainTask,
        /// Theirs.
        theirs: MainTask,
    },
    /// An activity; `None` means deleted on that side.
    Activity {
        /// The activity's id.
        id: ActivityId,
        /// Ours (None if we deleted it).
        ours: Option<Box<Activity>>,
        /// Theirs (None if they deleted it).
        theirs: Option<Box<Activity>>,
    },
}

impl Conflict {
    /// A short Danish description of the record, for the conflict list.
    pub fn label(&self) -> String {
        match self {
            Conflict::Settings { .. } => {
                "Planens indstillinger (kommune, løsning, datoer)".to_string()
            }
            Conflict::Task { ours, .. } => {
                format!("Hovedopgave {}: aktive faser", ours.number.get())
            }
            Conflict::Activity { ours, theirs, id } => {
                let title = ours
                    .as_ref()
                    .or(theirs.as_ref())
                    .map(|a| a.title.clone())
                    .unwrap_or_else(|| id.as_str().to_string());
                format!("Aktivitet «{title}»")
            }
        }
    }
}

/// The outcome of a merge: the merged plan with every conflict resolved in
/// favour of `Ours`, and the list of conflicts to put to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeResult {
    /// The merged plan (conflicts taken from our side).
    pub plan: Plan,
    /// Records changed differently on both sides.
    pub conflicts: Vec<Conflict>,
    /// How many records came from their side.
    pub taken_from_theirs: usize,
}

fn changed(modified: Timestamp, since: Timestamp) -> bool {
    modified > since
}

/// Picks between two differing versions of a record: `Err` when both
/// changed after `since` (a conflict), else the side to take.
fn pick(ours: Timestamp, theirs: Timestamp, since: Timestamp) -> Result<Side, ()> {
    match (changed(ours, since), changed(theirs, since)) {
        (true, true) => Err(()),
        (true, false) => Ok(Side::Ours),
        (false, true) => Ok(Side::Theirs),
        (false, false) if theirs > ours => Ok(Side::Theirs),
        (false, false) => Ok(Side::Ours),
    }
}

/// Whether two plans have the same settings record.
pub(super) fn same_settings(a: &Plan, b: &Plan) -> bool {
    a.name == b.name
        && a.municipality == b.municipality
        && a.solution == b.solution
        && a.phases == b.phases
        && a.go_live == b.go_live
}

fn copy_settings(to: &mut Plan, from: &Plan) {
    to.name = from.name.clone();
    to.municipality = from.municipality.clone();
    to.solution = from.solution.clone();
    to.phases = from.phases;
    to.go_live = from.go_live;
    to.settings_modified = from.settings_modified;
}

/// Activities equal apart from when they were modified.
fn same_activity(a: &Activity, b: &Activity) -> bool {
    Activity {
        modified: b.modified,
        ..a.clone()
    } == *b
}

/// Merges `theirs` into `ours`. See the module documentation for the rules.
pub fn merge(ours: &Plan, theirs: &Plan, since: Timestamp) -> MergeResult {
    let mut plan = ours.clone();
    let mut conflicts = Vec::new();
    let mut taken = 0;

    if !same_settings(ours, theirs) {
        match pick(ours.settings_modified, theirs.settings_modified, since) {
            Ok(Side::Theirs) => {
                copy_settings(&mut plan, theirs);
                taken += 1;
            }
            Ok(Side::Ours) => {}
            Err(()) => conflicts.push(Conflict::Settings {
                ours: Box::new(ours.clone()),
                theirs: Box::new(theirs.clone()),
            }),
        }
    }

    for (i, (o, t)) in ours.tasks.iter().zip(&theirs.tasks).enumerate() {
        if o.phases != t.phases {
            match pick(o.modified, t.modified, since) {
                Ok(Side::Theirs) => {
                    plan.tasks[i] = t.clone();
                    taken += 1;
                }
                Ok(Side::Ours) => {}
                Err(()) => conflicts.push(Conflict::Task {
                    ours: o.clone(),
                    theirs: t.clone(),
                }),
            }
        }
    }

    // Tombstones: the union, keeping the latest deletion of each id.
    let mut tombs: BTreeMap<ActivityId, Timestamp> = BTreeMap::new();
    for t in ours.tombstones.iter().chain(&theirs.tombstones) {
        let e = tombs.entry(t.id.clone()).or_insert(t.deleted);
        *e = (*e).max(t.deleted);
    }
    let our_map = map_of(ours.activities.iter().map(|a| (&a.id, a)));
    let their_map = map_of(theirs.activities.iter().map(|a| (&a.id, a)));

    // Order: ours first, then theirs' new records after their predecessor.
    let mut order: Vec<ActivityId> = ours.activities.iter().map(|a| a.id.clone()).collect();
    let known = set_of(order.iter().cloned());
    let mut previous: Option<ActivityId> = None;
    for a in &theirs.activities {
        if !known.contains(&a.id) {
            let at = previous
                .as_ref()
                .and_then(|p| order.iter().position(|x| x == p))
                .map_or(order.len(), |i| i + 1);
            order.insert(at.min(order.len()), a.id.clone());
        }
        previous = Some(a.id.clone());
    }

    let mut activities = Vec::with_capacity(order.len());
    for id in order {
        let deleted = tombs.get(&id).copied();
        match (our_map.get(&id), their_map.get(&id)) {
            (Some(o), Some(t)) => {
                if same_activity(o, t) {
                    // Same content: keep the later stamp, whichever side is ours.
                    activities.push(if t.modified > o.modified {
                        (*t).clone()
                    } else {
                        (*o).clone()
                    });
                    continue;
                }
                match pick(o.modified, t.modified, since) {
                    Ok(Side::Ours) => activities.push((*o).clone()),
                    Ok(Side::Theirs) => {
                        activities.push((*t).clone());
                        taken += 1;
                    }
                    Err(()) => {
                        activities.push((*o).clone());
                        conflicts.push(Conflict::Activity {
                            id,
                            ours: Some(Box::new((*o).clone())),
                            theirs: Some(Box::new((*t).clone())),
                        });
                    }
                }
            }
            (Some(o), None) => match deleted {
                // They deleted it after our last change: the deletion wins
                // unless we changed it since the exchange and they deleted it.
                Some(d) if d >= o.modified => {}
                Some(d) if changed(o.modified, since) && changed(d, since) => {
                    // We changed it after they deleted it, both since the
                    // exchange: ask. (A deletion both sides knew before is
                    // no change: our later change, e.g. an undo, wins.)
                    conflicts.push(Conflict::Activity {
                        id,
                        ours: Some(Box::new((*o).clone())),
                        theirs: None,
                    });
                    activities.push((*o).clone());
                }
                _ => activities.push((*o).clone()),
            },
            (None, Some(t)) => match deleted {
                Some(d) if d >= t.modified => {}
                Some(d) if changed(t.modified, since) && changed(d, since) => {
                    conflicts.push(Conflict::Activity {
                        id,
                        ours: None,
                        theirs: Some(Box::new((*t).clone())),
                    });
                }
                _ => {
                    activities.push((*t).clone());
                    taken += 1;
                }
            },
            (None, None) => {}
        }
    }
    let present = set_of(activities.iter().map(|a| &a.id));
    plan.tombstones = tombs
        .into_iter()
        .filter(|(id, _)| !present.contains(id))
        .map(|(id, deleted)| Tombstone { id, deleted })
        .collect();
    plan.activities = activities;
    plan.modified = ours.modified.max(theirs.modified);
    plan.exchanged = ours.exchanged.max(theirs.exchanged);
    merge_followup(&mut plan, ours, theirs);
    merge_benefits(&mut plan, ours, theirs);
    repair_task_phases(&mut plan);
    MergeResult {
        plan,
        conflicts,
        taken_from_theirs: taken,
    }
}

/// Resolves the conflicts of `result` with the user's choices (one per
/// conflict, in order) and returns the final plan.
pub fn resolve(result: &MergeResult, choices: &[Side]) -> Plan {
    let mut plan = result.plan.clone();
    for (conflict, side) in result.conflicts.iter().zip(choices) {
        if *side == Side::Ours {
            continue;
        }
        match conflict {
            Conflict::Settings { theirs, .. } => copy_settings(&mut plan, theirs),
            Conflict::Task { theirs, .. } => {
                let i = usize::from(theirs.number.get()) - 1;
                plan.tasks[i] = theirs.clone();
            }
            Conflict::Activity { id, theirs, .. } => {
                let at = plan.position(id);
                plan.tombstones.retain(|t| theirs.is_none() || &t.id != id);
                match (theirs, at) {
                    (Some(t), Some(i)) => plan.activities[i] = (**t).clone(),
                    (Some(t), None) => plan.activities.push((**t).clone()),
                    (None, Some(i)) => {
                        plan.activities.remove(i);
                        plan.tombstones.push(Tombstone {
                            id: id.clone(),
                            deleted: result.plan.modified,
                        });
                    }
                    (None, None) => {}
                }
            }
        }
    }
    repair_task_phases(&mut plan);
    plan
}

/// An activity whose main task is not active in its phase would break the
/// plan's invariants: extend the task's phases rather than lose data.
fn repair_task_phases(plan: &mut Plan) {
    for a in &plan.activities {
        let slot = &mut plan.tasks[usize::from(a.task.get()) - 1];
        if !slot.phases.contains(a.phase) {
            slot.phases = slot.phases.with(a.phase);
        }
    }
}

/// Merges a list of follow-up records (checklist items, phase decisions,
/// saved reports) by id: records on one side only are kept unless deleted
/// after their last change; records on both sides take the later change.
/// Our order first, their new records after.
fn merge_records<T: Clone>(
    ours: &[T],
    theirs: &[T],
    deleted: &BTreeMap<String, Timestamp>,
    id_of: impl Fn(&T) -> String,
    modified_of: impl Fn(&T) -> Timestamp,
) -> Vec<T> {
    let their_map = map_of(theirs.iter().map(|t| (id_of(t), t)));
    let our_ids = set_of(ours.iter().map(&id_of));
    let alive = |r: &T| deleted.get(&id_of(r)).is_none_or(|d| *d < modified_of(r));
    let mut out: Vec<T> = ours
        .iter()
        .map(|o| match their_map.get(&id_of(o)) {
            Some(t) if modified_of(t) > modified_of(o) => (*t).clone(),
            _ => o.clone(),
        })
        .filter(|r| alive(r))
        .collect();
    out.extend(
        theirs
            .iter()
            .filter(|t| !our_ids.contains(&id_of(t)) && alive(t))
            .cloned(),
    );
    out
}

/// Merges the follow-up side of two copies: checklists item by item, phase
/// decisions and saved reports record by record, the stage the merged
/// decisions lead to, and the union of their tombstones.
fn merge_followup(plan: &mut Plan, ours: &Plan, theirs: &Plan) {
    let deleted = deletions(
        ours.followup_tombstones
            .iter()
            .chain(&theirs.followup_tombstones),
    );
    for (i, list) in plan.checklists.iter_mut().enumerate() {
        list.items = merge_records(
            &ours.checklists[i].items,
            &theirs.checklists[i].items,
            &deleted,
            |r| r.id.0.clone(),
            |r| r.modified,
        );
    }
    plan.phase_history = merge_records(
        &ours.phase_history,
        &theirs.phase_history,
        &deleted,
        |r| r.id.0.clone(),
        |r| r.modified,
    );
    super::sort_by(&mut plan.phase_history, &|a, b| a.modified.cmp(&b.modified));
    plan.reports = merge_records(
        &ours.reports,
        &theirs.reports,
        &deleted,
        |r| r.id.0.clone(),
        |r| r.modified,
    );
    // The stage follows the merged history: a decision taken back on one
    // side takes its stage back too. Without decisions it is the start
    // stage, from the side whose history is empty, else the one set later.
    let start = match (
        ours.phase_history.is_empty(),
        theirs.phase_history.is_empty(),
    ) {
        (true, false) => ours,
        (false, true) => theirs,
        _ if (theirs.stage_set, theirs.stage) > (ours.stage_set, ours.stage) => theirs,
        _ => ours,
    };
    plan.stage_set = start.stage_set;
    plan.stage = match plan.phase_history.iter().map(|d| d.to).max() {
        Some(stage) => stage,
        None => start.stage,
    };
    plan.followup_tombstones =
        union_tombstones(&ours.followup_tombstones, &theirs.followup_tombstones);
}

/// The latest deletion time of every id in `tombstones`.
fn deletions<'a>(
    tombstones: impl Iterator<Item = &'a RecordTombstone>,
) -> BTreeMap<String, Timestamp> {
    let mut deleted: BTreeMap<String, Timestamp> = BTreeMap::new();
    for t in tombstones {
        let e = deleted.entry(t.id.clone()).or_insert(t.deleted);
        *e = (*e).max(t.deleted);
    }
    deleted
}

/// The union of two tombstone lists (one entry per id).
fn union_tombstones(ours: &[RecordTombstone], theirs: &[RecordTombstone]) -> Vec<RecordTombstone> {
    let mut tombs = ours.to_vec();
    for t in theirs {
        if !tombs.iter().any(|x| x.kind == t.kind && x.id == t.id) {
            tombs.push(t.clone());
        }
    }
    tombs
}

/// Merges the benefit side of two copies record by record: profiles by
/// their own change time and their measurements one by one, map nodes and
/// arrows by id, and the union of the tombstones. The result keeps the
/// model's invariants: a profile whose merged measurements would break it
/// (a measurement before a moved baseline date) is taken whole from the
/// side changed last; arrows whose nodes are gone, that no longer point to
/// a later column, or that join the same nodes as another are dropped; a
/// Gevinst node's link to a deleted profile is cleared.
fn merge_benefits(plan: &mut Plan, ours: &Plan, theirs: &Plan) {
    let deleted = deletions(
        ours.benefit_tombstones
            .iter()
            .chain(&theirs.benefit_tombstones),
    );
    let mut benefits = merge_records(
        &ours.benefits,
        &theirs.benefits,
        &deleted,
        |b| b.id.0.clone(),
        |b| b.modified,
    );
    for benefit in &mut benefits {
        let (Some(o), Some(t)) = (ours.benefit(&benefit.id), theirs.benefit(&benefit.id)) else {
            continue;
        };
        let mut merged = benefit.clone();
        merged.measurements = merge_records(
            &o.measurements,
            &t.measurements,
            &deleted,
            |m| m.id.0.clone(),
            |m| m.modified,
        );
        super::sort_measurements(&mut merged.measurements);
        if merged.check().is_ok() {
            *benefit = merged;
        }
    }
    plan.benefits = benefits;

    let mut map = super::BenefitMap {
        nodes: merge_records(
            &ours.benefit_map.nodes,
            &theirs.benefit_map.nodes,
            &deleted,
            |n| n.id.0.clone(),
            |n| n.modified,
        ),
        arrows: Vec::new(),
    };
    for node in &mut map.nodes {
        if node
            .benefit
            .as_ref()
            .is_some_and(|b| !plan.benefits.iter().any(|x| &x.id == b))
        {
            node.benefit = None;
        }
    }
    for arrow in merge_records(
        &ours.benefit_map.arrows,
        &theirs.benefit_map.arrows,
        &deleted,
        |a| a.id.0.clone(),
        |a| a.modified,
    ) {
        if map.check_arrow(&arrow).is_ok() {
            map.arrows.push(arrow);
        }
    }
    plan.benefit_map = map;
    plan.benefit_tombstones =
        union_tombstones(&ours.benefit_tombstones, &theirs.benefit_tombstones);
}

/// Whether two versions of a plan hold the same records and settings,
/// ignoring when the plan as a whole was created, saved or exchanged.
/// Tombstones are compared by number: merging keeps one per id, with the
/// latest deletion time. Every field is named, so a new field must be
/// placed here (compared or ignored) before this compiles.
pub fn same_records(a: &Plan, b: &Plan) -> bool {
    let Plan {
        id,
        name,
        municipality,
        solution,
        created: _,
        modified: _,
        settings_modified: _,
        template_version,
        phases,
        go_live,
        tasks,
        activities,
        tombstones,
        benefits,
        benefit_map,
        benefit_tombstones,
        exchanged: _,
        stage,
        stage_set: _,
        checklists,
        phase_history,
        reports,
        followup_tombstones,
        example,
    } = a;
    *id == b.id
        && *name == b.name
        && *municipality == b.municipality
        && *solution == b.solution
        && *template_version == b.template_version
        && *phases == b.phases
        && *go_live == b.go_live
        && *tasks == b.tasks
        && *activities == b.activities
        && tombstones.len() == b.tombstones.len()
        && *benefits == b.benefits
        && *benefit_map == b.benefit_map
        && benefit_tombstones.len() == b.benefit_tombstones.len()
        && *stage == b.stage
        && *checklists == b.checklists
        && *phase_history == b.phase_history
        && *reports == b.reports
        && followup_tombstones.len() == b.followup_tombstones.len()
        && *example == b.example
}

/// A map of `pairs`, the last value of a repeated key winning. Built by
/// inserting, which (unlike `collect`) needs no sort code per key type in
/// the WebAssembly bundle.
fn map_of<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

/// A set of `items`, built by inserting (see [`map_of`]).
fn set_of<K: Ord>(items: impl IntoIterator<Item = K>) -> BTreeSet<K> {
    let mut set = BTreeSet::new();
    for k in items {
        set.insert(k);
    }
    set
}
