//! Why a change to benefit profiles or the benefit map was refused.

use chrono::NaiveDate;

use super::{ActivityId, Column, EditError};

/// Why a benefit or benefit map edit was refused. `Display` gives a Danish
/// message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BenefitError {
    /// The benefit's name is empty.
    EmptyName,
    /// The node's title is empty.
    EmptyTitle,
    /// The target date is not after the baseline date.
    TargetNotAfterBaseline {
        /// Baseline date.
        baseline: NaiveDate,
        /// Target date.
        target: NaiveDate,
    },
    /// A measurement is dated before the baseline date.
    MeasurementBeforeBaseline {
        /// The measurement's date.
        date: NaiveDate,
        /// The baseline date.
        baseline: NaiveDate,
    },
    /// A measurement is dated after today.
    MeasurementInFuture(NaiveDate),
    /// Another measurement of the profile has this date already.
    MeasurementSameDate(NaiveDate),
    /// A record with this id exists already.
    DuplicateId(String),
    /// No benefit has this id.
    UnknownBenefit(String),
    /// No measurement has this id.
    UnknownMeasurement(String),
    /// No node has this id.
    UnknownNode(String),
    /// No arrow has this id.
    UnknownArrow(String),
    /// No activity has this id.
    UnknownActivity(ActivityId),
    /// An arrow does not go to a later column.
    ArrowNotForward {
        /// Column of the node it starts at.
        from: Column,
        /// Column of the node it points to.
        to: Column,
    },
    /// There is an arrow between the two nodes already.
    DuplicateArrow {
        /// Title of the node it starts at.
        from: String,
        /// Title of the node it points to.
        to: String,
    },
    /// Nodes of this column cannot link to main tasks and activities.
    ActivityLinkNotAllowed(Column),
    /// Nodes of this column cannot link to a benefit profile.
    BenefitLinkNotAllowed(Column),
    /// Moving the node to another column would turn an arrow backwards.
    ColumnBreaksArrow {
        /// The column the node was to move to.
        column: Column,
        /// Title of the arrow's start.
        from: String,
        /// Title of the arrow's end.
        to: String,
    },
}

fn date(d: &NaiveDate) -> String {
    super::danish_date(*d)
}

/// "Gevinster eller Mål": the columns after `column`, in Danish.
fn later_columns(column: Column) -> String {
    let later: Vec<&str> = Column::ALL[column.index() + 1..]
        .iter()
        .map(|c| c.label())
        .collect();
    match later.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} eller {last}", init.join(", ")),
    }
}

impl std::fmt::Display for BenefitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BenefitError::EmptyName => write!(f, "Gevinsten skal have et navn."),
            BenefitError::EmptyTitle => write!(f, "Knuden skal have en titel."),
            BenefitError::TargetNotAfterBaseline { baseline, target } => write!(
                f,
                "Måldatoen ({}) skal ligge efter baselinedatoen ({}).",
                date(target),
                date(baseline)
            ),
            BenefitError::MeasurementBeforeBaseline { date: d, baseline } => write!(
                f,
                "Målingen ({}) ligger før baselinedatoen ({}). Ret datoen, eller ret baselinedatoen.",
                date(d),
                date(baseline)
            ),
            BenefitError::MeasurementInFuture(d) => write!(
                f,
                "Målingen er dateret {}, som ligger efter i dag. Registrér målinger, når de er foretaget.",
                date(d)
            ),
            BenefitError::MeasurementSameDate(d) => write!(
                f,
                "Der er allerede en måling den {}. Ret den i stedet for at registrere en ny.",
                date(d)
            ),
            BenefitError::DuplicateId(id) => write!(f, "Der findes allerede en post med id {id}."),
            BenefitError::UnknownBenefit(_) => {
                write!(f, "Gevinstprofilen findes ikke længere i planen.")
            }
            BenefitError::UnknownMeasurement(_) => {
                write!(f, "Målingen findes ikke længere i planen.")
            }
            BenefitError::UnknownNode(_) => write!(f, "Knuden findes ikke længere i diagrammet."),
            BenefitError::UnknownArrow(_) => write!(f, "Pilen findes ikke længere i diagrammet."),
            BenefitError::UnknownActivity(id) => {
                write!(f, "Aktiviteten ({}) findes ikke i planen.", id.as_str())
            }
            BenefitError::ArrowNotForward { from: Column::Maal, .. } => write!(
                f,
                "Pile går fra venstre mod højre, og Mål er sidste kolonne: der kan ikke gå pile fra et mål."
            ),
            BenefitError::ArrowNotForward { from, .. } => write!(
                f,
                "Pile går fra venstre mod højre: en pil fra {} kan kun gå til {}.",
                from.label(),
                later_columns(*from)
            ),
            BenefitError::DuplicateArrow { from, to } => {
                write!(f, "Der er allerede en pil fra «{from}» til «{to}».")
            }
            BenefitError::ActivityLinkNotAllowed(c) => write!(
                f,
                "Kun leverancer og forandringer kobles til hovedopgaver og aktiviteter, ikke {}.",
                c.label().to_lowercase()
            ),
            BenefitError::BenefitLinkNotAllowed(c) => write!(
                f,
                "Kun gevinster kobles til en gevinstprofil, ikke {}.",
                c.label().to_lowercase()
            ),
            BenefitError::ColumnBreaksArrow { column, from, to } => write!(
                f,
                "Knuden kan ikke flyttes til {}: pilen fra «{from}» til «{to}» ville gå baglæns. Fjern pilen først.",
                column.label()
            ),
        }
    }
}

impl std::error::Error for BenefitError {}

impl From<BenefitError> for EditError {
    fn from(e: BenefitError) -> EditError {
        EditError::Benefit(e)
    }
}
