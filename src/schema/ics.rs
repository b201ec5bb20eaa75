//! Deadlines and milestones as an iCalendar file (RFC 5545) that calendar
//! programs import: one all-day event per activity due date, the phase
//! starts and go-live.

use chrono::{Duration, NaiveDate};

use crate::model::{Phase, Plan, Timestamp};

/// Escapes text for an iCalendar value.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, as RFC 5545 requires.
fn fold(line: &str, out: &mut String) {
    let mut len = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if len + n > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += n;
    }
    out.push_str("\r\n");
}

fn ymd(d: NaiveDate) -> String {
    crate::model::iso_date(d).replace('-', "")
}

fn event(
    out: &mut String,
    uid: &str,
    stamp: &str,
    day: NaiveDate,
    summary: &str,
    description: &str,
) {
    for line in [
        "BEGIN:VEVENT".to_string(),
        format!("UID:{uid}"),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;VALUE=DATE:{}", ymd(day)),
        format!("DTEND;VALUE=DATE:{}", ymd(day + Duration::days(1))),
        format!("SUMMARY:{}", text(summary)),
        format!("DESCRIPTION:{}", text(description)),
        "TRANSP:TRANSPARENT".to_string(),
        "END:VEVENT".to_string(),
    ] {
        fold(&line, out);
    }
}

/// The plan's deadlines (activities with a due date that are not dropped)
/// and milestones (phase starts, go-live) as an iCalendar file.
pub fn deadlines_ics(plan: &Plan, now: Timestamp) -> String {
    let stamp = chrono::DateTime::from_timestamp_millis(now.0)
        .map(|d| {
            let t = crate::model::rfc3339_utc(d.naive_utc());
            // "2026-11-30T08:15:00.000Z" → "20261130T081500Z"
            format!("{}Z", t[..19].replace(['-', ':'], ""))
        })
        .unwrap_or_else(|| "19700101T000000Z".to_string());
    let domain = format!("{}.implan", plan.id.as_str());
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Implan//Implementeringsplan//DA",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    fold(
        &format!(
            "X-WR-CALNAME:{}",
            text(&format!("Implan: {}", plan.title()))
        ),
        &mut out,
    );
    event(
        &mut out,
        &format!("go-live@{domain}"),
        &stamp,
        plan.go_live,
        &format!("Go-live: {}", plan.solution.name()),
        &format!(
            "Planlagt go-live for {} i {} Kommune.",
            plan.solution.name(),
            plan.municipality
        ),
    );
    for phase in Phase::ALL {
        let w = plan.window(phase);
        event(
            &mut out,
            &format!("fase-{}@{domain}", phase.code()),
            &stamp,
            w.start,
            &format!("Start af {}", phase.label()),
            &format!(
                "{} varer til {}.",
                phase.label(),
                crate::model::danish_date(w.end)
            ),
        );
    }
    for a in plan.activities.iter().filter(|a| a.counts()) {
        let Some(due) = a.due else { continue };
        let mut description = format!(
            "Hovedopgave {}, {}. Status: {}.",
            a.task.get(),
            a.phase.label(),
            a.status.label()
        );
        if !a.responsible.trim().is_empty() {
            description.push_str(&format!(" Ansvarlig: {}.", a.responsible.trim()));
        }
        event(
            &mut out,
            &format!("{}@{domain}", a.id.as_str()),
            &stamp,
            due,
            &format!("Frist: {}", a.title),
            &description,
        );
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(text("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        let long = format!("SUMMARY:{}", "æ".repeat(60));
        fold(&long, &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), long);
    }
}
