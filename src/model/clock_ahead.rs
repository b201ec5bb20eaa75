//! A plan from a computer whose clock ran ahead carries change times in
//! the future. Merging trusts change times, so such records would win over
//! every change made here until that time came. A plan taken in from
//! outside (a file, a link) has them set back to the time it arrives.

use super::{Plan, Timestamp};

/// How far ahead of this computer's clock a change time may lie before it
/// counts as wrong: clocks a few minutes apart are normal.
pub const CLOCK_TOLERANCE_MS: i64 = 10 * 60 * 1000;

/// What [`Plan::settle_future_times`] found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FutureTimes {
    /// How many change times lay too far ahead (and were set back).
    pub count: usize,
    /// The latest of them, as it was.
    pub latest: Option<Timestamp>,
}

impl Plan {
    /// Sets every change time later than `now` plus
    /// [`CLOCK_TOLERANCE_MS`] back to `now`: the plan's own times, its
    /// main tasks, activities, benefits, measurements, map nodes and
    /// arrows, checklist items, phase decisions, saved reports and
    /// tombstones. Returns what it found.
    pub fn settle_future_times(&mut self, now: Timestamp) -> FutureTimes {
        let limit = Timestamp(now.0.saturating_add(CLOCK_TOLERANCE_MS));
        let mut found = FutureTimes::default();
        let mut settle = |t: &mut Timestamp| {
            if *t > limit {
                found.count += 1;
                found.latest = found.latest.max(Some(*t));
                *t = now;
            }
        };
        // Every field named, so that a new one must be placed here.
        let Plan {
            id: _,
            name: _,
            municipality: _,
            solution: _,
            created,
            modified,
            settings_modified,
            template_version: _,
            phases: _,
            go_live: _,
            tasks,
            activities,
            tombstones,
            benefits,
            benefit_map,
            benefit_tombstones,
            exchanged,
            stage: _,
            stage_set,
            checklists,
            phase_history,
            reports,
            followup_tombstones,
            example: _,
        } = self;
        for t in [created, modified, settings_modified, exchanged, stage_set] {
            settle(t);
        }
        tasks.iter_mut().for_each(|t| settle(&mut t.modified));
        activities.iter_mut().for_each(|a| settle(&mut a.modified));
        tombstones.iter_mut().for_each(|t| settle(&mut t.deleted));
        for b in benefits {
            settle(&mut b.modified);
            b.measurements
                .iter_mut()
                .for_each(|m| settle(&mut m.modified));
        }
        benefit_map
            .nodes
            .iter_mut()
            .for_each(|n| settle(&mut n.modified));
        benefit_map
            .arrows
            .iter_mut()
            .for_each(|a| settle(&mut a.modified));
        for c in checklists {
            c.items.iter_mut().for_each(|i| settle(&mut i.modified));
        }
        phase_history
            .iter_mut()
            .for_each(|d| settle(&mut d.modified));
        reports.iter_mut().for_each(|r| settle(&mut r.modified));
        benefit_tombstones
            .iter_mut()
            .chain(followup_tombstones)
            .for_each(|t| settle(&mut t.deleted));
        found
    }
}
