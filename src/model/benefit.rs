//! Benefit profiles (gevinstprofiler) of main task 6 Gevinstrealisering:
//! what a benefit is, how it is measured, and its follow-up measurements.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{ActivityId, Decimal, TaskNo, Timestamp};

/// Stable id of a benefit profile; kept across export and import.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BenefitId(pub String);

/// Stable id of a measurement; kept across export and import.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MeasurementId(pub String);

impl BenefitId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl MeasurementId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The four benefit types of KL (Tabel 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum BenefitType {
    /// Økonomisk råderum.
    OekonomiskRaaderum,
    /// Kvalitet.
    Kvalitet,
    /// Service.
    Service,
    /// Trivsel.
    Trivsel,
}

impl BenefitType {
    /// All types in the order of Tabel 3.
    pub const ALL: [BenefitType; 4] = [
        BenefitType::OekonomiskRaaderum,
        BenefitType::Kvalitet,
        BenefitType::Service,
        BenefitType::Trivsel,
    ];

    /// Danish name.
    pub fn label(self) -> &'static str {
        match self {
            BenefitType::OekonomiskRaaderum => "Økonomisk råderum",
            BenefitType::Kvalitet => "Kvalitet",
            BenefitType::Service => "Service",
            BenefitType::Trivsel => "Trivsel",
        }
    }

    /// The model's explanation of the type (Tabel 3).
    pub fn explanation(self) -> &'static str {
        match self {
            BenefitType::OekonomiskRaaderum => {
                "Skabes ved højere produktivitet (flere ydelser pr. forbrugt krone) og højere effektivitet (bedre resultater for pengene)"
            }
            BenefitType::Kvalitet => "Forbedringer i opgaveløsningen",
            BenefitType::Service => {
                "Forbedringer i information, vejledning, svartider og tilgængelighed"
            }
            BenefitType::Trivsel => "Forbedringer af arbejdsmiljøet",
        }
    }

    /// Stable machine key, used in the file format and in the UI.
    pub fn key(self) -> &'static str {
        match self {
            BenefitType::OekonomiskRaaderum => "okonomisk-raderum",
            BenefitType::Kvalitet => "kvalitet",
            BenefitType::Service => "service",
            BenefitType::Trivsel => "trivsel",
        }
    }

    /// Parses a key made by [`BenefitType::key`].
    pub fn from_key(key: &str) -> Option<BenefitType> {
        BenefitType::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Whether a profile is a benefit or a negative effect (ulempe).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BenefitKind {
    /// A positive benefit (gevinst).
    Gevinst,
    /// A negative effect (ulempe) that is tracked too.
    Ulempe,
}

impl BenefitKind {
    /// Danish label.
    pub fn label(self) -> &'static str {
        match self {
            BenefitKind::Gevinst => "Gevinst",
            BenefitKind::Ulempe => "Ulempe",
        }
    }

    /// Stable machine key.
    pub fn key(self) -> &'static str {
        match self {
            BenefitKind::Gevinst => "gevinst",
            BenefitKind::Ulempe => "ulempe",
        }
    }

    /// Parses a key made by [`BenefitKind::key`].
    pub fn from_key(key: &str) -> Option<BenefitKind> {
        [BenefitKind::Gevinst, BenefitKind::Ulempe]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

/// How often a benefit is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Frequency {
    /// Every month.
    Maanedlig,
    /// Every three months.
    Kvartalsvis,
    /// Every six months.
    Halvaarlig,
    /// Every year.
    Aarlig,
}

impl Frequency {
    /// All frequencies, most frequent first.
    pub const ALL: [Frequency; 4] = [
        Frequency::Maanedlig,
        Frequency::Kvartalsvis,
        Frequency::Halvaarlig,
        Frequency::Aarlig,
    ];

    /// Danish label.
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Maanedlig => "Månedlig",
            Frequency::Kvartalsvis => "Kvartalsvis",
            Frequency::Halvaarlig => "Halvårlig",
            Frequency::Aarlig => "Årlig",
        }
    }

    /// Stable machine key.
    pub fn key(self) -> &'static str {
        match self {
            Frequency::Maanedlig => "maanedlig",
            Frequency::Kvartalsvis => "kvartalsvis",
            Frequency::Halvaarlig => "halvaarlig",
            Frequency::Aarlig => "aarlig",
        }
    }

    /// Parses a key made by [`Frequency::key`].
    pub fn from_key(key: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Months between two measurements.
    pub fn months(self) -> u32 {
        match self {
            Frequency::Maanedlig => 1,
            Frequency::Kvartalsvis => 3,
            Frequency::Halvaarlig => 6,
            Frequency::Aarlig => 12,
        }
    }

    /// The date one period after `date` (the last day of the month when the
    /// day does not exist, e.g. 31 January + 1 month = 28/29 February).
    pub fn after(self, date: NaiveDate) -> NaiveDate {
        date.checked_add_months(Months::new(self.months()))
            .unwrap_or(NaiveDate::MAX)
    }
}

/// Units offered as suggestions for a benefit's indicator.
pub const UNIT_SUGGESTIONS: &[&str] = &[
    UNIT_KR_PER_YEAR,
    "timer pr. måned",
    "dages svartid",
    "tilfredshedsscore (1-5)",
    "procent",
    "antal sager pr. måned",
];

/// The unit of yearly amounts in kroner; benefits of type Økonomisk
/// råderum in this unit add up to the plan's yearly amount.
pub const UNIT_KR_PER_YEAR: &str = "kr. pr. år";

/// One follow-up measurement of a benefit's indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measurement {
    /// Stable id.
    pub id: MeasurementId,
    /// When it was measured; never before the benefit's baseline date.
    pub date: NaiveDate,
    /// The measured value in the benefit's unit.
    pub value: Decimal,
    /// Comment.
    pub comment: String,
    /// Who measured.
    pub measured_by: String,
    /// When the record last changed.
    pub modified: Timestamp,
}

/// A benefit profile (gevinstprofil).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Benefit {
    /// Stable id.
    pub id: BenefitId,
    /// Short name; never empty.
    pub name: String,
    /// Longer description.
    pub description: String,
    /// Type (Tabel 3).
    pub benefit_type: BenefitType,
    /// Benefit or negative effect.
    pub kind: BenefitKind,
    /// Benefit owner (gevinstejer).
    pub owner: String,
    /// Accountable director (gevinstansvarlig direktør).
    pub accountable: String,
    /// What is measured, e.g. "Tid brugt på sagsbehandling".
    pub indicator: String,
    /// Unit of the indicator, e.g. "kr. pr. år".
    pub unit: String,
    /// Value before the change.
    pub baseline: Option<Decimal>,
    /// When the baseline was measured.
    pub baseline_date: Option<NaiveDate>,
    /// Value aimed at.
    pub target: Option<Decimal>,
    /// When the target is to be reached; after the baseline date.
    pub target_date: Option<NaiveDate>,
    /// How it is measured.
    pub method: String,
    /// How often it is measured.
    pub frequency: Option<Frequency>,
    /// Main tasks the benefit depends on, sorted, without repeats.
    pub tasks: Vec<TaskNo>,
    /// Activities the benefit depends on.
    pub activities: Vec<ActivityId>,
    /// Follow-up measurements, sorted by date (then id).
    pub measurements: Vec<Measurement>,
    /// When the profile or one of its measurements last changed.
    pub modified: Timestamp,
}

/// Something missing in a profile or a measurement not recorded, shown as
/// a check at a glance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BenefitCheck {
    /// No benefit owner (gevinstejer).
    NoOwner,
    /// No accountable director (gevinstansvarlig).
    NoAccountable,
    /// No baseline value or date.
    NoBaseline,
    /// No target value or date.
    NoTarget,
    /// No measurement frequency, so no measurement dates.
    NoFrequency,
    /// A measurement was due on this date and is not recorded.
    MeasurementDue(NaiveDate),
}

impl BenefitCheck {
    /// Danish text.
    pub fn label(self) -> String {
        match self {
            BenefitCheck::NoOwner => "Mangler gevinstejer".into(),
            BenefitCheck::NoAccountable => "Mangler gevinstansvarlig".into(),
            BenefitCheck::NoBaseline => "Mangler baseline (værdi og dato)".into(),
            BenefitCheck::NoTarget => "Mangler mål (værdi og dato)".into(),
            BenefitCheck::NoFrequency => "Mangler målefrekvens".into(),
            BenefitCheck::MeasurementDue(d) => {
                format!("Måling forfalden siden {}", super::danish_date(d))
            }
        }
    }
}

impl Benefit {
    /// A new profile with only a name, type and kind.
    pub fn new(
        id: BenefitId,
        name: &str,
        benefit_type: BenefitType,
        kind: BenefitKind,
        now: Timestamp,
    ) -> Benefit {
        Benefit {
            id,
            name: name.trim().to_string(),
            description: String::new(),
            benefit_type,
            kind,
            owner: String::new(),
            accountable: String::new(),
            indicator: String::new(),
            unit: String::new(),
            baseline: None,
            baseline_date: None,
            target: None,
            target_date: None,
            method: String::new(),
            frequency: None,
            tasks: Vec::new(),
            activities: Vec::new(),
            measurements: Vec::new(),
            modified: now,
        }
    }

    /// The measurement with `id`, if any.
    pub fn measurement(&self, id: &MeasurementId) -> Option<&Measurement> {
        self.measurements.iter().find(|m| &m.id == id)
    }

    /// The profile as it stood on `date`: only the measurements made on or
    /// before it, so progress and due measurements read as of that day
    /// (used by status reports for a chosen reporting date).
    pub fn as_of(&self, date: NaiveDate) -> Benefit {
        let mut b = self.clone();
        b.measurements.retain(|m| m.date <= date);
        b
    }

    /// The latest measurement, if any.
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements.last()
    }

    /// Progress from baseline to target of the latest measurement: 0.0 at
    /// the baseline, 1.0 at the target; below 0 or above 1 when the value
    /// moved away from or past the target. `None` without baseline, target
    /// or measurement, or when target equals baseline.
    pub fn progress(&self) -> Option<f64> {
        let (baseline, target, latest) = (self.baseline?, self.target?, self.latest()?);
        let span = target.to_f64() - baseline.to_f64();
        (span != 0.0).then(|| (latest.value.to_f64() - baseline.to_f64()) / span)
    }

    /// [`Benefit::progress`] in whole percent, rounded half away from zero
    /// (12,5 % reads 13 %), so every view shows the same figure and a value
    /// still at the baseline never reads "-0 %".
    pub fn progress_percent(&self) -> Option<i64> {
        self.progress().map(whole_percent)
    }

    /// Whether the unit is yearly kroner (so amounts add up in kr.).
    pub fn is_yearly_kr(&self) -> bool {
        let norm: String = self
            .unit
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        norm == "krprår" || norm == "krår" || norm == "kronerprår"
    }

    /// The expected yearly amount: how far the target lies from the
    /// baseline, positive for a benefit and negative for a negative effect.
    /// `None` unless the unit is kr. pr. år and baseline and target are set.
    pub fn expected_amount(&self) -> Option<Decimal> {
        if !self.is_yearly_kr() {
            return None;
        }
        let change = self.target?.checked_sub(self.baseline?)?.abs();
        Some(self.signed(change))
    }

    /// The measured yearly amount: how far the latest measurement has moved
    /// from the baseline towards the target (negative when away from it),
    /// with the sign of [`Benefit::expected_amount`]. `None` when the target
    /// equals the baseline, which gives no direction (as for
    /// [`Benefit::progress`]).
    pub fn measured_amount(&self) -> Option<Decimal> {
        if !self.is_yearly_kr() {
            return None;
        }
        let (baseline, target) = (self.baseline?, self.target?);
        if target == baseline {
            return None;
        }
        let moved = self.latest()?.value.checked_sub(baseline)?;
        let towards = if target < baseline { -moved } else { moved };
        Some(self.signed(towards))
    }

    fn signed(&self, amount: Decimal) -> Decimal {
        match self.kind {
            BenefitKind::Gevinst => amount,
            BenefitKind::Ulempe => -amount,
        }
    }

    /// When the next measurement is due: one period (by frequency) after the
    /// latest measurement, or after the baseline date when none is recorded,
    /// but never after the target date. `None` without frequency or baseline
    /// date, and once a measurement on or after the target date exists.
    pub fn next_measurement(&self) -> Option<NaiveDate> {
        let frequency = self.frequency?;
        let start = self.baseline_date?;
        let last = self.latest().map_or(start, |m| m.date.max(start));
        if let Some(target) = self.target_date {
            if self.latest().is_some_and(|m| m.date >= target) {
                return None;
            }
            return Some(frequency.after(last).min(target));
        }
        Some(frequency.after(last))
    }

    /// The date a measurement fell due and is not recorded yet, if one is
    /// due on or before `today` ("forfalden måling").
    pub fn measurement_due(&self, today: NaiveDate) -> Option<NaiveDate> {
        self.next_measurement().filter(|d| *d <= today)
    }

    /// The checks this profile fails on `today`, in a fixed order.
    pub fn checks(&self, today: NaiveDate) -> Vec<BenefitCheck> {
        let mut out = Vec::new();
        if self.owner.trim().is_empty() {
            out.push(BenefitCheck::NoOwner);
        }
        if self.accountable.trim().is_empty() {
            out.push(BenefitCheck::NoAccountable);
        }
        if self.baseline.is_none() || self.baseline_date.is_none() {
            out.push(BenefitCheck::NoBaseline);
        }
        if self.target.is_none() || self.target_date.is_none() {
            out.push(BenefitCheck::NoTarget);
        }
        if self.frequency.is_none() {
            out.push(BenefitCheck::NoFrequency);
        }
        if let Some(d) = self.measurement_due(today) {
            out.push(BenefitCheck::MeasurementDue(d));
        }
        out
    }
}

/// Totals of the profiles of one benefit type.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypeSummary {
    /// Number of benefits.
    pub benefits: usize,
    /// Number of negative effects.
    pub drawbacks: usize,
    /// How many have at least one measurement.
    pub measured: usize,
    /// Mean progress of the benefits (not the negative effects) with
    /// progress, 0.0 to 1.0 and beyond.
    pub mean_progress: Option<f64>,
    /// Sum of expected yearly amounts (kr. pr. år) and how many add to it.
    pub expected_kr: (Decimal, usize),
    /// Sum of measured yearly amounts (kr. pr. år) and how many add to it.
    pub measured_kr: (Decimal, usize),
}

impl TypeSummary {
    /// [`TypeSummary::mean_progress`] in whole percent, rounded as
    /// [`Benefit::progress_percent`].
    pub fn mean_progress_percent(&self) -> Option<i64> {
        self.mean_progress.map(whole_percent)
    }
}

/// A share (1.0 = 100 %) in whole percent, rounded half away from zero;
/// an integer, so never minus zero.
fn whole_percent(share: f64) -> i64 {
    (share * 100.0).round() as i64
}

/// Sums the profiles of type `benefit_type`.
pub fn summarise(benefits: &[Benefit], benefit_type: BenefitType) -> TypeSummary {
    let mut s = TypeSummary::default();
    let mut progress = Vec::new();
    for b in benefits.iter().filter(|b| b.benefit_type == benefit_type) {
        match b.kind {
            BenefitKind::Gevinst => s.benefits += 1,
            BenefitKind::Ulempe => s.drawbacks += 1,
        }
        s.measured += usize::from(!b.measurements.is_empty());
        // A negative effect's progress is how much of the expected harm
        // has come about: not progress to average with the benefits'.
        if b.kind == BenefitKind::Gevinst {
            progress.extend(b.progress());
        }
        add(&mut s.expected_kr, b.expected_amount());
        add(&mut s.measured_kr, b.measured_amount());
    }
    if !progress.is_empty() {
        s.mean_progress = Some(progress.iter().sum::<f64>() / progress.len() as f64);
    }
    s
}

fn add(sum: &mut (Decimal, usize), amount: Option<Decimal>) {
    if let Some(a) = amount {
        // Sums beyond the range are absurd; keep the largest representable.
        sum.0 = sum.0.checked_add(a).unwrap_or(sum.0);
        sum.1 += 1;
    }
}
