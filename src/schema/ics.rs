//! Deadlines and milestones as an iCalendar file (RFC 5545) that calendar
//! programs import: one all-day event per activity due date, the phase
//! starts and go-live.

use chrono::{Duration, NaiveDate, Timelike};

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
            let t = d.naive_utc();
            format!(
                "{}T{:02}{:02}{:02}Z",
                ymd(t.date()),
                t.hour(),
                t.minute(),
                t.second()
            )
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
            "Planlagt go-live for {} i {}.",
            plan.solution.name(),
            plan.kommune()
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

    #[test]
    fn events_are_stamped_with_the_export_time_in_utc() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let setup = crate::model::PlanSetup {
            id: crate::model::PlanId("p".into()),
            municipality: "Ærø".into(),
            solution: crate::model::Solution::Other("KY".into()),
            go_live: d(2027, 3, 1),
            f1_start: d(2026, 9, 1),
            phases: None,
        };
        let plan = Plan::from_template(setup, Timestamp(0)).unwrap();
        // 2026-05-28 20:26:40.123 UTC
        let ics = deadlines_ics(&plan, Timestamp(1_780_000_000_123));
        assert!(
            ics.contains("DTSTAMP:20260528T202640Z\r\n"),
            "{}",
            &ics[..400]
        );
        assert!(
            ics.contains("DTSTART;VALUE=DATE:20270301\r\n"),
            "go-live as an all-day event"
        );
    }
}
