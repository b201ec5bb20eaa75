//! Replacing a whole plan (a restored snapshot, a finished merge, the undo
//! of either, an example reset) is a change made now: every record the
//! replacement turns back gets the current time, and every record it
//! removes a tombstone, so that a copy merged later (another tab, a file)
//! takes the replacement instead of keeping its newer-looking records.

use std::collections::HashSet;

use super::{
    Arrow, Benefit, ChecklistItem, MapNode, Measurement, PhaseDecision, Plan, RecordKind,
    RecordTombstone, ReportSnapshot, Timestamp, Tombstone,
};

/// Records a replacement removes: kind, id and last change.
type Gone = Vec<(RecordKind, String, Timestamp)>;

impl Plan {
    /// Stamps this plan, about to replace `current` at `now`: a record
    /// that differs from `current`'s and is not newer is marked changed
    /// now, and so is a record `current` deleted later than its change; a
    /// record of `current` missing here gets a tombstone dated now unless
    /// one at least as late is here already. Records that are equal, or
    /// newer than `current`'s (e.g. taken from a merged file), keep their
    /// times, so later exchanges see no false change.
    pub(super) fn stamp_as_replacement_of(&mut self, current: &Plan, now: Timestamp) {
        if !super::merge::same_settings(self, current)
            && self.settings_modified <= current.settings_modified
        {
            self.settings_modified = now;
        }
        if self.stage != current.stage && self.stage_set <= current.stage_set {
            self.stage_set = now;
        }
        for (task, old) in self.tasks.iter_mut().zip(&current.tasks) {
            if task.phases != old.phases && task.modified <= old.modified {
                task.modified = now;
            }
        }
        self.stamp_activities(current, now);

        let mut gone = Gone::new();
        let deleted = |tombs: &[RecordTombstone], kind: RecordKind, id: &str| {
            tombs
                .iter()
                .filter(|t| t.kind == kind && t.id == id)
                .map(|t| t.deleted)
                .max()
        };
        let benefit_tombs = &current.benefit_tombstones;
        for benefit in &mut self.benefits {
            if let Some(old) = current.benefits.iter().find(|b| b.id == benefit.id) {
                stamp(
                    &mut benefit.measurements,
                    &old.measurements,
                    |id| deleted(benefit_tombs, RecordKind::Measurement, id),
                    Stamp::new(now, RecordKind::Measurement, |m: &Measurement| {
                        m.id.0.clone()
                    }),
                    |m| &mut m.modified,
                    |_| {},
                    &mut gone,
                );
            }
        }
        stamp(
            &mut self.benefits,
            &current.benefits,
            |id| deleted(benefit_tombs, RecordKind::Benefit, id),
            Stamp::new(now, RecordKind::Benefit, |b: &Benefit| b.id.0.clone()),
            |b| &mut b.modified,
            // Measurements are records of their own (stamped above).
            |b| b.measurements.clear(),
            &mut gone,
        );
        stamp(
            &mut self.benefit_map.nodes,
            &current.benefit_map.nodes,
            |id| deleted(benefit_tombs, RecordKind::MapNode, id),
            Stamp::new(now, RecordKind::MapNode, |n: &MapNode| n.id.0.clone()),
            |n| &mut n.modified,
            |_| {},
            &mut gone,
        );
        stamp(
            &mut self.benefit_map.arrows,
            &current.benefit_map.arrows,
            |id| deleted(benefit_tombs, RecordKind::Arrow, id),
            Stamp::new(now, RecordKind::Arrow, |a: &Arrow| a.id.0.clone()),
            |a| &mut a.modified,
            |_| {},
            &mut gone,
        );
        bury(&mut self.benefit_tombstones, std::mem::take(&mut gone), now);

        let followup_tombs = &current.followup_tombstones;
        for (list, old) in self.checklists.iter_mut().zip(&current.checklists) {
            stamp(
                &mut list.items,
                &old.items,
                |id| deleted(followup_tombs, RecordKind::ChecklistItem, id),
                Stamp::new(now, RecordKind::ChecklistItem, |i: &ChecklistItem| {
                    i.id.0.clone()
                }),
                |i| &mut i.modified,
                |_| {},
                &mut gone,
            );
        }
        stamp(
            &mut self.phase_history,
            &current.phase_history,
            |id| deleted(followup_tombs, RecordKind::PhaseDecision, id),
            Stamp::new(now, RecordKind::PhaseDecision, |d: &PhaseDecision| {
                d.id.0.clone()
            }),
            |d| &mut d.modified,
            |_| {},
            &mut gone,
        );
        stamp(
            &mut self.reports,
            &current.reports,
            |id| deleted(followup_tombs, RecordKind::Report, id),
            Stamp::new(now, RecordKind::Report, |r: &ReportSnapshot| r.id.0.clone()),
            |r| &mut r.modified,
            |_| {},
            &mut gone,
        );
        bury(&mut self.followup_tombstones, gone, now);
    }

    fn stamp_activities(&mut self, current: &Plan, now: Timestamp) {
        for a in &mut self.activities {
            match current.activity(&a.id) {
                Some(old) => {
                    let differs = super::Activity {
                        modified: old.modified,
                        ..a.clone()
                    } != *old;
                    if differs && a.modified <= old.modified {
                        a.modified = now;
                    }
                }
                None => {
                    let buried = current
                        .tombstones
                        .iter()
                        .any(|t| t.id == a.id && t.deleted >= a.modified);
                    if buried {
                        a.modified = now;
                    }
                }
            }
        }
        let present: HashSet<_> = self.activities.iter().map(|a| a.id.clone()).collect();
        self.tombstones.retain(|t| !present.contains(&t.id));
        for old in current
            .activities
            .iter()
            .filter(|a| !present.contains(&a.id))
        {
            match self.tombstones.iter_mut().find(|t| t.id == old.id) {
                Some(t) if t.deleted >= old.modified => {}
                Some(t) => t.deleted = now,
                None => self.tombstones.push(Tombstone {
                    id: old.id.clone(),
                    deleted: now,
                }),
            }
        }
    }
}

/// What [`stamp`] needs besides the lists: the time, the record kind and
/// how to read a record's id.
struct Stamp<F> {
    now: Timestamp,
    kind: RecordKind,
    id_of: F,
}

impl<F> Stamp<F> {
    fn new(now: Timestamp, kind: RecordKind, id_of: F) -> Stamp<F> {
        Stamp { now, kind, id_of }
    }
}

/// Stamps `records` (of a replacement) against `current`'s: a record that
/// differs (apart from its time and what `blank` clears) and is not newer,
/// or that `current` deleted after its change, gets `now`; records only
/// in `current` go to `gone`.
fn stamp<T: Clone + PartialEq, F: Fn(&T) -> String>(
    records: &mut [T],
    current: &[T],
    deleted: impl Fn(&str) -> Option<Timestamp>,
    how: Stamp<F>,
    time: impl Fn(&mut T) -> &mut Timestamp,
    blank: impl Fn(&mut T),
    gone: &mut Gone,
) {
    let bare = |r: &T| {
        let mut r = r.clone();
        *time(&mut r) = Timestamp(0);
        blank(&mut r);
        r
    };
    for r in records.iter_mut() {
        let id = (how.id_of)(r);
        let mine = *time(r);
        let turned_back = match current.iter().find(|o| (how.id_of)(o) == id) {
            Some(old) => bare(old) != bare(r) && mine <= *time(&mut old.clone()),
            None => deleted(&id).is_some_and(|d| d >= mine),
        };
        if turned_back {
            *time(r) = how.now;
        }
    }
    for old in current {
        let id = (how.id_of)(old);
        if !records.iter().any(|r| (how.id_of)(r) == id) {
            gone.push((how.kind, id, *time(&mut old.clone())));
        }
    }
}

/// Adds a tombstone dated `now` for every removed record, unless the list
/// holds one at least as late as the record's last change.
fn bury(tombstones: &mut Vec<RecordTombstone>, gone: Gone, now: Timestamp) {
    for (kind, id, changed) in gone {
        match tombstones.iter_mut().find(|t| t.kind == kind && t.id == id) {
            Some(t) if t.deleted >= changed => {}
            Some(t) => t.deleted = now,
            None => tombstones.push(RecordTombstone {
                kind,
                id,
                deleted: now,
            }),
        }
    }
}
