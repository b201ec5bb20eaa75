//! The five phases of Implementeringsmodellen and sets of them.

use serde::{Deserialize, Serialize};

/// One of the model's five phases, F0 Tilslutning to F4 Forankring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Phase {
    /// F0 Tilslutning: the decision to join the shared solution.
    F0,
    /// F1 Initiering: project approval, benefit case and financing.
    F1,
    /// F2 Forberedelse: organisational and technical preparation until go-live.
    F2,
    /// F3 Ibrugtagning: the business starts using the solution.
    F3,
    /// F4 Forankring: the solution is anchored in daily work.
    F4,
}

impl Phase {
    /// All phases in order.
    pub const ALL: [Phase; 5] = [Phase::F0, Phase::F1, Phase::F2, Phase::F3, Phase::F4];

    /// Position of the phase, 0 for F0 to 4 for F4.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The phase at `index` (0..=4), if any.
    pub fn from_index(index: usize) -> Option<Phase> {
        Phase::ALL.get(index).copied()
    }

    /// Short code such as "F2".
    pub fn code(self) -> &'static str {
        ["F0", "F1", "F2", "F3", "F4"][self.index()]
    }

    /// Parses a short code such as "F2" (case-insensitive).
    pub fn from_code(code: &str) -> Option<Phase> {
        Phase::ALL
            .into_iter()
            .find(|p| p.code().eq_ignore_ascii_case(code.trim()))
    }

    /// Danish name of the phase, e.g. "Forberedelse".
    pub fn name(self) -> &'static str {
        [
            "Tilslutning",
            "Initiering",
            "Forberedelse",
            "Ibrugtagning",
            "Forankring",
        ][self.index()]
    }

    /// Code and name, e.g. "F2 Forberedelse".
    pub fn label(self) -> String {
        format!("{} {}", self.code(), self.name())
    }

    /// The phase after this one, if any.
    pub fn next(self) -> Option<Phase> {
        Phase::from_index(self.index() + 1)
    }
}

/// A set of phases, stored as a small bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct PhaseSet(u8);

impl PhaseSet {
    /// The empty set.
    pub const EMPTY: PhaseSet = PhaseSet(0);

    /// A set holding exactly the given phases.
    pub fn of(phases: &[Phase]) -> PhaseSet {
        phases.iter().fold(PhaseSet::EMPTY, |s, p| s.with(*p))
    }

    /// Whether `phase` is in the set.
    pub fn contains(self, phase: Phase) -> bool {
        self.0 & (1 << phase.index()) != 0
    }

    /// The set with `phase` added.
    #[must_use]
    pub fn with(self, phase: Phase) -> PhaseSet {
        PhaseSet(self.0 | (1 << phase.index()))
    }

    /// The set with `phase` removed.
    #[must_use]
    pub fn without(self, phase: Phase) -> PhaseSet {
        PhaseSet(self.0 & !(1 << phase.index()))
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The phases in the set, in order.
    pub fn iter(self) -> impl Iterator<Item = Phase> {
        Phase::ALL.into_iter().filter(move |p| self.contains(*p))
    }

    /// The codes of the phases, e.g. "F1, F2".
    pub fn codes(self) -> String {
        self.iter().map(Phase::code).collect::<Vec<_>>().join(", ")
    }
}

impl Serialize for PhaseSet {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v: Vec<Phase> = self.iter().collect();
        v.serialize(s)
    }
}

impl<'de> Deserialize<'de> for PhaseSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Vec::<Phase>::deserialize(d)?;
        Ok(PhaseSet::of(&v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for p in Phase::ALL {
            assert_eq!(Phase::from_code(p.code()), Some(p));
        }
        assert_eq!(Phase::from_code("f3"), Some(Phase::F3));
        assert_eq!(Phase::from_code("F5"), None);
    }

    #[test]
    fn set_operations() {
        let s = PhaseSet::of(&[Phase::F1, Phase::F3]);
        assert!(s.contains(Phase::F1) && s.contains(Phase::F3) && !s.contains(Phase::F2));
        assert_eq!(s.with(Phase::F2).codes(), "F1, F2, F3");
        assert_eq!(s.without(Phase::F1).codes(), "F3");
        assert!(PhaseSet::EMPTY.is_empty());
    }
}
