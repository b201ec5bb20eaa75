//! Activities as CSV that Danish Excel opens correctly: UTF-8 with BOM,
//! semicolons, dates as dd-mm-yyyy, Danish headers, CRLF line ends.

use crate::catalog;
use crate::model::{Origin, Plan};

const HEADERS: [&str; 14] = [
    "Hovedopgave",
    "Hovedopgavens navn",
    "Fase",
    "Titel",
    "Beskrivelse",
    "Start",
    "Frist",
    "Ansvarlig",
    "Rolle",
    "Status",
    "Færdig den",
    "Noter",
    "Kilde",
    "Id",
];

/// Quotes a field when needed, and defuses text that a spreadsheet would
/// run as a formula (leading `=`, `+`, `-`, `@`, tab or carriage return).
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| crate::model::danish_date(d).replace('.', "-"))
        .unwrap_or_default()
}

/// The plan's activities as CSV text (starting with a byte order mark).
pub fn activities_csv(plan: &Plan) -> String {
    let mut out = String::from('\u{feff}');
    out.push_str(&HEADERS.join(";"));
    out.push_str("\r\n");
    for a in &plan.activities {
        let row = [
            a.task.get().to_string(),
            catalog::task(a.task).name.to_string(),
            a.phase.label(),
            a.title.clone(),
            a.description.clone(),
            date(a.start),
            date(a.due),
            a.responsible.clone(),
            a.role.clone(),
            a.status.label().to_string(),
            date(a.completed),
            a.notes.clone(),
            match a.origin {
                Origin::Template { .. } => "Skabelon".to_string(),
                Origin::User => "Egen".to_string(),
            },
            a.id.as_str().to_string(),
        ];
        out.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_defuses_fields() {
        assert_eq!(field("enkel"), "enkel");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("sagde \"hej\""), "\"sagde \"\"hej\"\"\"");
        assert_eq!(field("linje 1\nlinje 2"), "\"linje 1\nlinje 2\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-5"), "'-5");
    }
}
