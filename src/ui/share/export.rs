//! Downloads of a plan: the Implan file, activities as CSV, deadlines as iCalendar.

use leptos::prelude::*;

use super::super::{clock, download::download_text, AppState};
use crate::model::{Edit, Plan};
use crate::schema;

/// Downloads `plan` as an Implan file and, when it is the open plan, marks
/// it as exchanged now (the point later merges count changes from).
/// Returns that time when the file was handed to the browser, so a plan
/// that is not open can be marked by its caller.
pub fn export_json(state: AppState, plan: &Plan) -> Option<crate::model::Timestamp> {
    let now = clock::now();
    let name = schema::export_file_name(plan, clock::today(), "implan.json");
    let mut copy = plan.clone();
    copy.exchanged = now;
    let text = super::super::timed("implan-export", || schema::to_json_pretty(&copy, now));
    if download_text(&name, "application/json", &text) {
        let is_open = state
            .plan
            .with_untracked(|p| p.as_ref().is_some_and(|p| p.id == plan.id));
        if is_open {
            let _ = state.mark(Edit::MarkExchanged(now));
        }
        state.notify(format!("Planen er eksporteret som {name}."), None);
        Some(now)
    } else {
        state.notify("Browseren tillod ikke at hente filen. Prøv igen.", None);
        None
    }
}

/// Downloads the plan's activities as CSV for Excel.
pub fn export_csv(state: AppState, plan: &Plan) {
    let name = schema::export_file_name(plan, clock::today(), "csv");
    if !download_text(
        &name,
        "text/csv;charset=utf-8",
        &schema::activities_csv(plan),
    ) {
        state.notify("Browseren tillod ikke at hente filen. Prøv igen.", None);
    }
}

/// Downloads the plan's deadlines and milestones as an iCalendar file.
pub fn export_ics(state: AppState, plan: &Plan) {
    let name = schema::export_file_name(plan, clock::today(), "ics");
    if !download_text(
        &name,
        "text/calendar;charset=utf-8",
        &schema::deadlines_ics(plan, clock::now()),
    ) {
        state.notify("Browseren tillod ikke at hente filen. Prøv igen.", None);
    }
}
