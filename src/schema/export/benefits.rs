//! Strict types for writing benefit profiles, their measurements, the
//! benefit map and the tombstones of deleted benefit records.

use serde::Serialize;

use super::date;
use crate::model::{Arrow, Benefit, BenefitMap, MapNode, Measurement, RecordTombstone};
use crate::schema::format_timestamp;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct BenefitOut<'a> {
    id: &'a str,
    name: &'a str,
    description: &'a str,
    #[serde(rename = "type")]
    benefit_type: &'static str,
    kind: &'static str,
    owner: &'a str,
    accountable: &'a str,
    indicator: &'a str,
    unit: &'a str,
    baseline: Option<f64>,
    baseline_date: Option<String>,
    target: Option<f64>,
    target_date: Option<String>,
    method: &'a str,
    frequency: Option<&'static str>,
    tasks: Vec<u8>,
    activities: Vec<&'a str>,
    measurements: Vec<MeasurementOut<'a>>,
    modified: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MeasurementOut<'a> {
    id: &'a str,
    date: String,
    value: f64,
    comment: &'a str,
    measured_by: &'a str,
    modified: String,
}

#[derive(Serialize)]
pub(super) struct MapOut<'a> {
    nodes: Vec<NodeOut<'a>>,
    arrows: Vec<ArrowOut<'a>>,
}

#[derive(Serialize)]
struct NodeOut<'a> {
    id: &'a str,
    column: &'static str,
    title: &'a str,
    description: &'a str,
    tasks: Vec<u8>,
    activities: Vec<&'a str>,
    benefit: Option<&'a str>,
    modified: String,
}

#[derive(Serialize)]
struct ArrowOut<'a> {
    id: &'a str,
    from: &'a str,
    to: &'a str,
    modified: String,
}

#[derive(Serialize)]
pub(super) struct RecordTombstoneOut<'a> {
    kind: &'static str,
    id: &'a str,
    deleted: String,
}

pub(super) fn benefit(b: &Benefit) -> BenefitOut<'_> {
    BenefitOut {
        id: b.id.as_str(),
        name: &b.name,
        description: &b.description,
        benefit_type: b.benefit_type.key(),
        kind: b.kind.key(),
        owner: &b.owner,
        accountable: &b.accountable,
        indicator: &b.indicator,
        unit: &b.unit,
        baseline: b.baseline.map(|v| v.to_f64()),
        baseline_date: b.baseline_date.map(date),
        target: b.target.map(|v| v.to_f64()),
        target_date: b.target_date.map(date),
        method: &b.method,
        frequency: b.frequency.map(|f| f.key()),
        tasks: b.tasks.iter().map(|t| t.get()).collect(),
        activities: b.activities.iter().map(|a| a.as_str()).collect(),
        measurements: b.measurements.iter().map(measurement).collect(),
        modified: format_timestamp(b.modified),
    }
}

fn measurement(m: &Measurement) -> MeasurementOut<'_> {
    MeasurementOut {
        id: m.id.as_str(),
        date: date(m.date),
        value: m.value.to_f64(),
        comment: &m.comment,
        measured_by: &m.measured_by,
        modified: format_timestamp(m.modified),
    }
}

pub(super) fn map(m: &BenefitMap) -> MapOut<'_> {
    MapOut {
        nodes: m.nodes.iter().map(node).collect(),
        arrows: m.arrows.iter().map(arrow).collect(),
    }
}

fn node(n: &MapNode) -> NodeOut<'_> {
    NodeOut {
        id: n.id.as_str(),
        column: n.column.key(),
        title: &n.title,
        description: &n.description,
        tasks: n.tasks.iter().map(|t| t.get()).collect(),
        activities: n.activities.iter().map(|a| a.as_str()).collect(),
        benefit: n.benefit.as_ref().map(|b| b.as_str()),
        modified: format_timestamp(n.modified),
    }
}

fn arrow(a: &Arrow) -> ArrowOut<'_> {
    ArrowOut {
        id: a.id.as_str(),
        from: a.from.as_str(),
        to: a.to.as_str(),
        modified: format_timestamp(a.modified),
    }
}

pub(super) fn tombstone(t: &RecordTombstone) -> RecordTombstoneOut<'_> {
    RecordTombstoneOut {
        kind: t.kind.key(),
        id: &t.id,
        deleted: format_timestamp(t.deleted),
    }
}
