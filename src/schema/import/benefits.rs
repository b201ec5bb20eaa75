//! Reading benefit profiles, measurements, the benefit map and benefit
//! tombstones. Every field is optional on read (files from before these
//! records existed have none); what is there is validated, and errors name
//! the field, e.g. `plan.benefits[0].measurements[1].value`.

use serde_json::Value;

use super::{clip, invalid, ImportError, Obj};
use crate::model::{
    sort_measurements, tasks_in_order, ActivityId, Arrow, ArrowId, Benefit, BenefitError,
    BenefitId, BenefitKind, BenefitMap, BenefitType, Column, Decimal, Frequency, MapNode,
    Measurement, MeasurementId, NodeId, Plan, RecordKind, RecordTombstone, TaskNo, Timestamp,
};

/// Reads `benefits`, `benefitMap` and `benefitTombstones` of the plan
/// object `p` into `plan`.
pub(super) fn read(plan: &mut Plan, p: &Obj<'_>, modified: Timestamp) -> Result<(), ImportError> {
    for b in p.list("benefits")? {
        let benefit = read_benefit(&b, modified)?;
        if plan.benefit(&benefit.id).is_some() {
            return Err(b.err("id", &twice(benefit.id.as_str())));
        }
        plan.benefits.push(benefit);
    }
    if p.get("benefitMap").is_some() {
        plan.benefit_map = read_map(&p.obj("benefitMap")?, modified)?;
    }
    let live: Vec<&str> = plan
        .benefits
        .iter()
        .flat_map(|b| {
            std::iter::once(b.id.as_str()).chain(b.measurements.iter().map(|m| m.id.as_str()))
        })
        .chain(plan.benefit_map.nodes.iter().map(|n| n.id.as_str()))
        .chain(plan.benefit_map.arrows.iter().map(|a| a.id.as_str()))
        .collect();
    let mut tombstones = Vec::new();
    for t in p.list("benefitTombstones")? {
        let kind = t
            .get("kind")
            .and_then(Value::as_str)
            .and_then(RecordKind::from_key)
            .filter(|k| k.is_benefit())
            .ok_or_else(|| t.err("kind", "skal være benefit, measurement, node eller arrow"))?;
        let id = t.required_text("id")?;
        if !live.contains(&id.as_str()) {
            tombstones.push(RecordTombstone {
                kind,
                id,
                deleted: t.timestamp("deleted", modified)?,
            });
        }
    }
    plan.benefit_tombstones = tombstones;
    Ok(())
}

fn twice(id: &str) -> String {
    format!("\"{}\" findes to gange; id'er skal være unikke", clip(id))
}

/// A number, or `None` when missing or null.
fn number(o: &Obj<'_>, key: &str) -> Result<Option<Decimal>, ImportError> {
    match o.get(key) {
        None => Ok(None),
        Some(Value::Number(n)) => {
            n.as_f64()
                .and_then(Decimal::from_f64)
                .map(Some)
                .ok_or_else(|| {
                    o.err(
                        key,
                        "er ikke et gyldigt tal (højst 99.999.999.999 og 4 decimaler)",
                    )
                })
        }
        Some(_) => Err(o.err(key, "skal være et tal")),
    }
}

/// A key of a small enum, or `None` when missing or empty.
fn key<T>(
    o: &Obj<'_>,
    key: &str,
    parse: fn(&str) -> Option<T>,
    expected: &str,
) -> Result<Option<T>, ImportError> {
    match o.get(key) {
        None => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => parse(s.trim()).map(Some).ok_or_else(|| {
            o.err(
                key,
                &format!("er ukendt (\"{}\"; forventet {expected})", clip(s)),
            )
        }),
        Some(_) => Err(o.err(key, &format!("skal være tekst ({expected})"))),
    }
}

fn tasks(o: &Obj<'_>) -> Result<Vec<TaskNo>, ImportError> {
    let mut out = Vec::new();
    match o.get("tasks") {
        None => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let task = item
                    .as_u64()
                    .and_then(|n| u8::try_from(n).ok())
                    .and_then(TaskNo::new);
                out.push(task.ok_or_else(|| {
                    invalid(
                        &format!("{}[{i}]", o.field("tasks")),
                        "skal være et hovedopgavenummer fra 1 til 16",
                    )
                })?);
            }
        }
        Some(_) => return Err(o.err("tasks", "skal være en liste af hovedopgavenumre")),
    }
    Ok(tasks_in_order(&out))
}

fn activities(o: &Obj<'_>) -> Result<Vec<ActivityId>, ImportError> {
    match o.get("activities") {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item.as_str() {
                Some(s) if !s.trim().is_empty() => Ok(ActivityId(s.to_string())),
                _ => Err(invalid(
                    &format!("{}[{i}]", o.field("activities")),
                    "skal være et aktivitets-id",
                )),
            })
            .collect(),
        Some(_) => Err(o.err("activities", "skal være en liste af aktivitets-id'er")),
    }
}

fn read_benefit(b: &Obj<'_>, modified: Timestamp) -> Result<Benefit, ImportError> {
    let benefit_type = key(
        b,
        "type",
        BenefitType::from_key,
        "okonomisk-raderum, kvalitet, service eller trivsel",
    )?
    .ok_or_else(|| {
        b.err(
            "type",
            "mangler (forventet okonomisk-raderum, kvalitet, service eller trivsel)",
        )
    })?;
    let baseline_date = b.date("baselineDate")?;
    let target_date = b.date("targetDate")?;
    if let (Some(base), Some(target)) = (baseline_date, target_date) {
        if target <= base {
            return Err(b.err("targetDate", "ligger ikke efter baselinedatoen"));
        }
    }
    let mut measurements: Vec<Measurement> = Vec::new();
    for m in b.list("measurements")? {
        let measurement = Measurement {
            id: MeasurementId(m.required_text("id")?),
            date: m.required_date("date")?,
            value: number(&m, "value")?
                .ok_or_else(|| m.err("value", "mangler (forventet et tal)"))?,
            comment: m.text("comment")?,
            measured_by: m.text("measuredBy")?,
            modified: m.timestamp("modified", modified)?,
        };
        if measurements.iter().any(|x| x.id == measurement.id) {
            return Err(m.err("id", &twice(measurement.id.as_str())));
        }
        if baseline_date.is_some_and(|base| measurement.date < base) {
            return Err(m.err("date", "ligger før gevinstens baselinedato"));
        }
        measurements.push(measurement);
    }
    sort_measurements(&mut measurements);
    Ok(Benefit {
        id: BenefitId(b.required_text("id")?),
        name: b.required_text("name")?.trim().to_string(),
        description: b.text("description")?,
        benefit_type,
        kind: key(b, "kind", BenefitKind::from_key, "gevinst eller ulempe")?
            .unwrap_or(BenefitKind::Gevinst),
        owner: b.text("owner")?,
        accountable: b.text("accountable")?,
        indicator: b.text("indicator")?,
        unit: b.text("unit")?,
        baseline: number(b, "baseline")?,
        baseline_date,
        target: number(b, "target")?,
        target_date,
        method: b.text("method")?,
        frequency: key(
            b,
            "frequency",
            Frequency::from_key,
            "maanedlig, kvartalsvis, halvaarlig eller aarlig",
        )?,
        tasks: tasks(b)?,
        activities: activities(b)?,
        measurements,
        modified: b.timestamp("modified", modified)?,
    })
}

fn read_map(m: &Obj<'_>, modified: Timestamp) -> Result<BenefitMap, ImportError> {
    let mut map = BenefitMap::default();
    for n in m.list("nodes")? {
        let column = key(
            &n,
            "column",
            Column::from_key,
            "leverance, forandring, effekt, gevinst eller maal",
        )?
        .ok_or_else(|| {
            n.err(
                "column",
                "mangler (forventet leverance, forandring, effekt, gevinst eller maal)",
            )
        })?;
        let benefit = n.text("benefit")?;
        let node = MapNode {
            id: NodeId(n.required_text("id")?),
            column,
            title: n.required_text("title")?.trim().to_string(),
            description: n.text("description")?,
            tasks: tasks(&n)?,
            activities: activities(&n)?,
            benefit: (!benefit.trim().is_empty()).then_some(BenefitId(benefit)),
            modified: n.timestamp("modified", modified)?,
        };
        if map.node(&node.id).is_some() {
            return Err(n.err("id", &twice(node.id.as_str())));
        }
        if let Err(e) = node.check() {
            let field = match e {
                BenefitError::BenefitLinkNotAllowed(_) => "benefit",
                _ if node.tasks.is_empty() => "activities",
                _ => "tasks",
            };
            return Err(n.err(field, &format!("er ikke tilladt: {e}")));
        }
        map.nodes.push(node);
    }
    for a in m.list("arrows")? {
        let arrow = Arrow {
            id: ArrowId(a.required_text("id")?),
            from: NodeId(a.required_text("from")?),
            to: NodeId(a.required_text("to")?),
            modified: a.timestamp("modified", modified)?,
        };
        if map.arrow_position(&arrow.id).is_some() {
            return Err(a.err("id", &twice(arrow.id.as_str())));
        }
        for (field, end) in [("from", &arrow.from), ("to", &arrow.to)] {
            if map.node(end).is_none() {
                return Err(a.err(
                    field,
                    &format!(
                        "peger på en knude, der ikke findes (\"{}\")",
                        clip(end.as_str())
                    ),
                ));
            }
        }
        map.check_arrow(&arrow)
            .map_err(|e| a.err("to", &format!("er ugyldig: {e}")))?;
        map.arrows.push(arrow);
    }
    Ok(map)
}

#[cfg(test)]
#[path = "benefits_tests.rs"]
mod tests;
