//! Phase-transition readiness (tjekliste for faseovergang): one checklist per
//! transition, its answers and the readiness score.
//!
//! The checklist for leaving phase P holds the phase's success factors and
//! its "succes forekommer når/hvis" statement from Tabel 2 (filled in when a
//! plan is created) plus the user's own items. The phase's own open
//! activities belong to the checklist too, but they are computed live from
//! the plan rather than stored as items, so they always match the activity
//! list.
//!
//! Score: Opfyldt counts 1 point, Delvist ½, Ikke opfyldt 0, and an
//! unanswered item 0; Ikke relevant items are left out. The score is the
//! points divided by the number of items that are not Ikke relevant, as a
//! whole percentage rounded half up. Open activities are not in the score
//! (they are progress, not an assessment), but the checklist is only
//! complete when every item is answered, no item is Delvist or Ikke opfyldt,
//! and the phase has no open activities.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ActivityId, Phase, Plan, Timestamp};
use crate::catalog;

/// Stable id of a checklist item; kept across export and import.
///
/// Items from the template get ids derived from the phase and their place
/// in Tabel 2 (e.g. "f1-sf2", "f1-naar"), so copies of one plan agree on
/// them; items the user adds get random ids.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemId(pub String);

impl ItemId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The answer to a checklist item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Answer {
    /// Opfyldt: met (1 point).
    Opfyldt,
    /// Delvist: partly met (½ point).
    Delvist,
    /// Ikke opfyldt: not met (0 points).
    IkkeOpfyldt,
    /// Ikke relevant: left out of the score.
    IkkeRelevant,
}

impl Answer {
    /// All answers in display order.
    pub const ALL: [Answer; 4] = [
        Answer::Opfyldt,
        Answer::Delvist,
        Answer::IkkeOpfyldt,
        Answer::IkkeRelevant,
    ];

    /// Danish label.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Opfyldt => "Opfyldt",
            Answer::Delvist => "Delvist",
            Answer::IkkeOpfyldt => "Ikke opfyldt",
            Answer::IkkeRelevant => "Ikke relevant",
        }
    }

    /// Stable machine key, used in the file format and in the UI.
    pub fn key(self) -> &'static str {
        match self {
            Answer::Opfyldt => "opfyldt",
            Answer::Delvist => "delvist",
            Answer::IkkeOpfyldt => "ikke-opfyldt",
            Answer::IkkeRelevant => "ikke-relevant",
        }
    }

    /// Parses a key made by [`Answer::key`].
    pub fn from_key(key: &str) -> Option<Answer> {
        Answer::ALL.into_iter().find(|a| a.key() == key)
    }

    /// Points in halves (Opfyldt 2, Delvist 1, Ikke opfyldt 0); `None` for
    /// Ikke relevant, which is left out.
    pub fn half_points(self) -> Option<u32> {
        match self {
            Answer::Opfyldt => Some(2),
            Answer::Delvist => Some(1),
            Answer::IkkeOpfyldt => Some(0),
            Answer::IkkeRelevant => None,
        }
    }

    /// Whether the answer leaves the item unmet (Delvist or Ikke opfyldt).
    pub fn is_unmet(self) -> bool {
        matches!(self, Answer::Delvist | Answer::IkkeOpfyldt)
    }
}

/// Where a checklist item came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ItemOrigin {
    /// A success factor (succeskriterie) of the phase, Tabel 2.
    SuccessFactor,
    /// The phase's "succes forekommer når/hvis" statement, Tabel 2.
    SuccessWhen,
    /// Added by the user.
    User,
}

impl ItemOrigin {
    /// Stable machine key, used in the file format.
    pub fn key(self) -> &'static str {
        match self {
            ItemOrigin::SuccessFactor => "succeskriterie",
            ItemOrigin::SuccessWhen => "succes-naar",
            ItemOrigin::User => "bruger",
        }
    }

    /// Parses a key made by [`ItemOrigin::key`].
    pub fn from_key(key: &str) -> Option<ItemOrigin> {
        [
            ItemOrigin::SuccessFactor,
            ItemOrigin::SuccessWhen,
            ItemOrigin::User,
        ]
        .into_iter()
        .find(|o| o.key() == key)
    }

    /// Danish label.
    pub fn label(self) -> &'static str {
        match self {
            ItemOrigin::SuccessFactor => "Succeskriterie",
            ItemOrigin::SuccessWhen => "Succes forekommer når/hvis",
            ItemOrigin::User => "Eget punkt",
        }
    }
}

/// One item of a phase-transition checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// Stable id.
    pub id: ItemId,
    /// What is checked; never empty.
    pub text: String,
    /// Template or user.
    pub origin: ItemOrigin,
    /// The answer, if answered.
    pub answer: Option<Answer>,
    /// Comment to the answer.
    pub comment: String,
    /// Who answered; never empty while answered.
    pub answered_by: String,
    /// When it was answered.
    pub answered_on: Option<NaiveDate>,
    /// When the item last changed.
    pub modified: Timestamp,
}

impl ChecklistItem {
    /// A new unanswered item added by the user.
    pub fn new_user(id: ItemId, text: &str, now: Timestamp) -> ChecklistItem {
        ChecklistItem {
            id,
            text: text.trim().to_string(),
            origin: ItemOrigin::User,
            answer: None,
            comment: String::new(),
            answered_by: String::new(),
            answered_on: None,
            modified: now,
        }
    }

    fn template(id: String, text: &str, origin: ItemOrigin, now: Timestamp) -> ChecklistItem {
        ChecklistItem {
            id: ItemId(id),
            origin,
            ..ChecklistItem::new_user(ItemId(String::new()), text, now)
        }
    }
}

/// The checklist for leaving one phase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checklist {
    /// The phase being left.
    pub phase: Phase,
    /// The items, in display order.
    pub items: Vec<ChecklistItem>,
}

/// F0's Tabel 2 cell says no success factors are specified; that text is
/// not a checklist item.
const NOT_SPECIFIED: &str = "Specifikation mangler";

impl Checklist {
    /// The template checklist for leaving `phase`: its success factors and
    /// its "succes forekommer når/hvis" statement, unanswered.
    pub fn from_catalog(phase: Phase, now: Timestamp) -> Checklist {
        let info = catalog::phase(phase);
        let code = phase.code().to_lowercase();
        let mut items: Vec<ChecklistItem> = info
            .success_factors
            .iter()
            .enumerate()
            .filter(|(_, f)| !f.starts_with(NOT_SPECIFIED))
            .map(|(i, f)| {
                ChecklistItem::template(
                    format!("{code}-sf{}", i + 1),
                    f,
                    ItemOrigin::SuccessFactor,
                    now,
                )
            })
            .collect();
        items.push(ChecklistItem::template(
            format!("{code}-naar"),
            info.success_when,
            ItemOrigin::SuccessWhen,
            now,
        ));
        Checklist { phase, items }
    }

    /// The template checklists of all five transitions.
    pub fn all_from_catalog(now: Timestamp) -> [Checklist; 5] {
        Phase::ALL.map(|p| Checklist::from_catalog(p, now))
    }

    /// The item with `id`, if any.
    pub fn item(&self, id: &ItemId) -> Option<&ChecklistItem> {
        self.items.iter().find(|i| &i.id == id)
    }

    /// Position of the item with `id`.
    pub fn position(&self, id: &ItemId) -> Option<usize> {
        self.items.iter().position(|i| &i.id == id)
    }
}

/// The state of a transition's checklist: counts per answer, the phase's
/// open activities, the score and whether the checklist is complete.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Readiness {
    /// Number of items.
    pub items: usize,
    /// Items answered Opfyldt.
    pub opfyldt: usize,
    /// Items answered Delvist.
    pub delvist: usize,
    /// Items answered Ikke opfyldt.
    pub ikke_opfyldt: usize,
    /// Items answered Ikke relevant.
    pub ikke_relevant: usize,
    /// Items not answered yet.
    pub unanswered: usize,
    /// The phase's activities that are neither done nor dropped, by due date.
    pub open_activities: Vec<ActivityId>,
    /// The phase's activities that count (not dropped).
    pub activities: usize,
}

impl Readiness {
    /// Items that count in the score (all but Ikke relevant).
    pub fn relevant(&self) -> usize {
        self.items - self.ikke_relevant
    }

    /// Items answered Delvist or Ikke opfyldt.
    pub fn unmet(&self) -> usize {
        self.delvist + self.ikke_opfyldt
    }

    /// The score in percent (see the module documentation); `None` when no
    /// item counts.
    pub fn score(&self) -> Option<u8> {
        let relevant = self.relevant() as u64;
        if relevant == 0 {
            return None;
        }
        let half_points = 2 * self.opfyldt as u64 + self.delvist as u64;
        let denominator = 2 * relevant;
        Some(((half_points * 100 + denominator / 2) / denominator) as u8)
    }

    /// Everything that stands in the way: unanswered items, unmet items and
    /// open activities.
    pub fn outstanding(&self) -> usize {
        self.unanswered + self.unmet() + self.open_activities.len()
    }

    /// Whether the checklist is complete: every item answered, none unmet,
    /// and no open activities in the phase.
    pub fn complete(&self) -> bool {
        self.outstanding() == 0
    }
}

/// Label of the transition out of `phase`, e.g. "F1 → F2" or "F4 → Afsluttet".
pub fn transition_label(phase: Phase) -> String {
    match phase.next() {
        Some(next) => format!("{} → {}", phase.code(), next.code()),
        None => format!("{} → Afsluttet", phase.code()),
    }
}

impl Plan {
    /// The checklist for leaving `phase`.
    pub fn checklist(&self, phase: Phase) -> &Checklist {
        &self.checklists[phase.index()]
    }

    /// The readiness of the transition out of `phase`.
    pub fn readiness(&self, phase: Phase) -> Readiness {
        let mut r = Readiness::default();
        for item in &self.checklist(phase).items {
            r.items += 1;
            match item.answer {
                None => r.unanswered += 1,
                Some(Answer::Opfyldt) => r.opfyldt += 1,
                Some(Answer::Delvist) => r.delvist += 1,
                Some(Answer::IkkeOpfyldt) => r.ikke_opfyldt += 1,
                Some(Answer::IkkeRelevant) => r.ikke_relevant += 1,
            }
        }
        let open: Vec<_> = self
            .activities
            .iter()
            .filter(|a| a.phase == phase && a.counts())
            .inspect(|_| r.activities += 1)
            .filter(|a| !a.is_done())
            .collect();
        r.open_activities = super::followup::by_due(open)
            .into_iter()
            .map(|a| a.id.clone())
            .collect();
        r
    }

    /// The name most recently used to answer an item or decide a phase
    /// transition, to suggest for the next answer.
    pub fn last_answerer(&self) -> Option<String> {
        let answers = self
            .checklists
            .iter()
            .flat_map(|c| &c.items)
            .filter(|i| i.answer.is_some() && !i.answered_by.is_empty())
            .map(|i| (i.modified, &i.answered_by));
        let decisions = self
            .phase_history
            .iter()
            .map(|d| (d.modified, &d.decided_by));
        answers
            .chain(decisions)
            .max_by_key(|(t, _)| *t)
            .map(|(_, name)| name.clone())
    }
}
