//! Reading the follow-up side of a plan: stage, checklists, phase history,
//! saved reports and their tombstones. Every field is optional, so files
//! written before these existed read with defaults: the stage of the plan's
//! last change date, the template checklists, no history and no reports.

use serde_json::Value;

use super::{clip, ImportError, Obj};
use crate::model::{
    ActivityId, ActivitySnapshot, Answer, Checklist, ChecklistItem, DecisionId, ItemId, ItemOrigin,
    Phase, PhaseDecision, Plan, RecordKind, RecordTombstone, ReportId, ReportSnapshot, Stage,
    Status, Timestamp,
};

/// Reads the follow-up fields of plan object `p` into `plan` (whose
/// activities are already read). `modified` is the default for missing
/// modification times.
pub(super) fn read(p: &Obj<'_>, plan: &mut Plan, modified: Timestamp) -> Result<(), ImportError> {
    for t in p.list("followupTombstones")? {
        let kind = match t.get("kind") {
            Some(Value::String(s)) => RecordKind::from_key(s).filter(|k| !k.is_benefit()).ok_or_else(|| {
                t.err("kind", &format!("er ikke kendt (\"{}\"; forventet tjeklistepunkt, fasebeslutning eller statusrapport)", clip(s)))
            })?,
            _ => return Err(t.err("kind", "mangler eller er ikke tekst")),
        };
        plan.followup_tombstones.push(RecordTombstone {
            kind,
            id: t.required_text("id")?,
            deleted: t.timestamp("deleted", modified)?,
        });
    }
    read_checklists(p, plan, modified)?;
    for d in p.list("phaseHistory")? {
        let decision = read_decision(&d, modified)?;
        if plan.phase_history.iter().any(|x| x.id == decision.id) {
            return Err(d.err("id", "findes to gange; id'er skal være unikke"));
        }
        plan.phase_history.push(decision);
    }
    let last = plan.phase_history.last().map(|d| d.to);
    plan.stage = match (stage(p, "stage")?, last) {
        (Some(s), Some(last)) if s != last => {
            return Err(p.err(
                "stage",
                &format!(
                    "stemmer ikke med den seneste faseovergang (forventet {})",
                    last.key()
                ),
            ))
        }
        (Some(s), _) => s,
        (None, Some(last)) => last,
        (None, None) => modified
            .local_date()
            .map_or(Stage::In(Phase::F0), |d| Stage::on_date(plan, d)),
    };
    plan.stage_set = p.timestamp("stageSet", plan.created)?;
    for r in p.list("reports")? {
        let report = read_report(&r, modified)?;
        if plan.report(&report.id).is_some() {
            return Err(r.err("id", "findes to gange; id'er skal være unikke"));
        }
        plan.reports.push(report);
    }
    Ok(())
}

fn stage(o: &Obj<'_>, key: &str) -> Result<Option<Stage>, ImportError> {
    match o.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Stage::from_key(s).map(Some).ok_or_else(|| {
            o.err(
                key,
                &format!(
                    "er ikke en fase (\"{}\"; forventet F0-F4 eller afsluttet)",
                    clip(s)
                ),
            )
        }),
        Some(_) => Err(o.err(key, "skal være en fase som tekst (F0-F4 eller afsluttet)")),
    }
}

fn boolean(o: &Obj<'_>, key: &str) -> Result<bool, ImportError> {
    match o.get(key) {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(o.err(key, "skal være true eller false")),
    }
}

fn number(o: &Obj<'_>, key: &str, max: u64) -> Result<Option<u64>, ImportError> {
    match o.get(key) {
        None => Ok(None),
        Some(v) => v
            .as_u64()
            .filter(|n| *n <= max)
            .map(Some)
            .ok_or_else(|| o.err(key, &format!("skal være et helt tal fra 0 til {max}"))),
    }
}

fn read_checklists(p: &Obj<'_>, plan: &mut Plan, modified: Timestamp) -> Result<(), ImportError> {
    let listed = p.list("checklists")?;
    let mut seen = [false; 5];
    for c in &listed {
        let phase = c.phase("phase")?;
        if std::mem::replace(&mut seen[phase.index()], true) {
            return Err(c.err("phase", &format!("{} findes to gange", phase.code())));
        }
        let mut items: Vec<ChecklistItem> = Vec::new();
        for i in c.list("items")? {
            let item = read_item(&i, modified)?;
            if items.iter().any(|x| x.id == item.id) {
                return Err(i.err(
                    "id",
                    &format!(
                        "\"{}\" findes to gange; id'er skal være unikke",
                        clip(item.id.as_str())
                    ),
                ));
            }
            items.push(item);
        }
        plan.checklists[phase.index()] = Checklist { phase, items };
    }
    // Checklists missing from the file get the template's items, except
    // those the file says were deleted.
    for phase in Phase::ALL.into_iter().filter(|p| !seen[p.index()]) {
        let mut list = Checklist::from_catalog(phase, modified);
        list.items.retain(|i| {
            !plan
                .followup_tombstones
                .iter()
                .any(|t| t.kind == RecordKind::ChecklistItem && t.id == i.id.as_str())
        });
        plan.checklists[phase.index()] = list;
    }
    Ok(())
}

fn read_item(i: &Obj<'_>, modified: Timestamp) -> Result<ChecklistItem, ImportError> {
    let origin = match i.get("origin") {
        None => ItemOrigin::User,
        Some(Value::String(s)) => ItemOrigin::from_key(s).ok_or_else(|| {
            i.err(
                "origin",
                &format!(
                    "er ikke kendt (\"{}\"; forventet succeskriterie, succes-naar eller bruger)",
                    clip(s)
                ),
            )
        })?,
        Some(_) => return Err(i.err("origin", "skal være tekst")),
    };
    let answer = match i.get("answer") {
        None => None,
        Some(Value::String(s)) => Some(Answer::from_key(s).ok_or_else(|| {
            i.err("answer", &format!("er ikke et svar (\"{}\"; forventet opfyldt, delvist, ikke-opfyldt eller ikke-relevant)", clip(s)))
        })?),
        Some(_) => return Err(i.err("answer", "skal være tekst eller null")),
    };
    let answered_by = i.text("answeredBy")?.trim().to_string();
    if answer.is_some() && answered_by.is_empty() {
        return Err(i.err(
            "answeredBy",
            "mangler; et besvaret punkt skal sige, hvem der har svaret",
        ));
    }
    Ok(ChecklistItem {
        id: ItemId(i.required_text("id")?),
        text: i.required_text("text")?.trim().to_string(),
        origin,
        answer,
        comment: i.text("comment")?,
        answered_by: if answer.is_some() {
            answered_by
        } else {
            String::new()
        },
        answered_on: if answer.is_some() {
            i.date("answeredOn")?
        } else {
            None
        },
        modified: i.timestamp("modified", modified)?,
    })
}

fn read_decision(d: &Obj<'_>, modified: Timestamp) -> Result<PhaseDecision, ImportError> {
    let from = d.phase("from")?;
    let to = stage(d, "to")?.unwrap_or(Stage::after(from));
    if to != Stage::after(from) {
        return Err(d.err(
            "to",
            &format!(
                "skal være fasen efter {} ({})",
                from.code(),
                Stage::after(from).key()
            ),
        ));
    }
    let overridden = boolean(d, "overridden")?;
    let reason = d.text("reason")?.trim().to_string();
    if overridden && reason.is_empty() {
        return Err(d.err(
            "reason",
            "mangler; en faseovergang trods manglende punkter skal have en begrundelse",
        ));
    }
    Ok(PhaseDecision {
        id: DecisionId(d.required_text("id")?),
        from,
        to,
        date: d.required_date("date")?,
        decided_by: d.required_text("decidedBy")?.trim().to_string(),
        score: number(d, "score", 100)?.map(|n| n as u8),
        outstanding: number(d, "outstanding", u64::from(u32::MAX))?.unwrap_or(0) as u32,
        overridden,
        reason,
        modified: d.timestamp("modified", modified)?,
    })
}

fn read_report(r: &Obj<'_>, modified: Timestamp) -> Result<ReportSnapshot, ImportError> {
    let mut activities = Vec::new();
    for a in r.list("activities")? {
        let status = match a.get("status") {
            None => Status::IkkeStartet,
            Some(Value::String(s)) => Status::from_key(s).ok_or_else(|| {
                a.err(
                    "status",
                    &format!("er ikke en kendt status (\"{}\")", clip(s)),
                )
            })?,
            Some(_) => return Err(a.err("status", "skal være tekst")),
        };
        activities.push(ActivitySnapshot {
            id: ActivityId(a.required_text("id")?),
            title: a.text("title")?,
            task: a.task_no("task")?,
            status,
            start: a.date("start")?,
            due: a.date("due")?,
            completed: a.date("completed")?,
        });
    }
    Ok(ReportSnapshot {
        id: ReportId(r.required_text("id")?),
        date: r.required_date("date")?,
        stage: stage(r, "stage")?.unwrap_or(Stage::In(Phase::F0)),
        readiness: number(r, "readiness", 100)?.map(|n| n as u8),
        activities,
        modified: r.timestamp("modified", modified)?,
    })
}
