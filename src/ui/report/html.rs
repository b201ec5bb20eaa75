//! The status report as a standalone HTML file with embedded CSS: every
//! text from the plan is escaped, so names and titles can never become
//! markup.

use std::fmt::Write;

use super::doc::{DocCell, DocTable, ReportDoc};

/// Styles of the report, on the page and in the standalone file; A4 when printed.
pub const REPORT_CSS: &str = r#"
.report { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1f24; background: #fff; line-height: 1.4; max-width: 190mm; margin: 0 auto; padding: 8mm 0; font-size: 10.5pt; }
.report h1 { font-size: 17pt; margin: 0 0 3mm; color: #0b4f6c; }
.report h2 { font-size: 12.5pt; margin: 6mm 0 2mm; color: #0b4f6c; border-bottom: 1px solid #c9d1d9; padding-bottom: 1mm; break-after: avoid; }
.report .facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 5mm; margin: 0; }
.report .facts dt { font-weight: 600; }
.report .facts dd { margin: 0; }
.report table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; }
.report caption { text-align: left; font-weight: 600; padding: 1mm 0; }
.report th, .report td { border-bottom: 1px solid #d8dee4; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
.report thead th { background: #eef2f5; font-size: 9.5pt; }
.report td.num, .report th.num { text-align: right; white-space: nowrap; }
.report tr.alert td:first-child { font-weight: 600; color: #b42318; }
.report tr[data-id="total"] td { font-weight: 700; border-top: 2px solid #8c959f; }
.report .bar { display: inline-block; position: relative; width: 28mm; height: 3mm; background: #d8dee4; border-radius: 1mm; overflow: hidden; vertical-align: middle; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.report .bar i { position: absolute; inset: 0 auto 0 0; background: #1a7f37; }
.report .bar b { position: absolute; top: 0; bottom: 0; width: 2px; background: #1b1f24; }
.report .lead, .report .empty { color: #4a5560; margin: 1mm 0 2mm; }
.report footer { margin-top: 8mm; color: #4a5560; font-size: 9pt; }
.report tr { break-inside: avoid; }
@page { size: A4; margin: 15mm 12mm; }
@media print { .report { padding: 0; max-width: none; } }
"#;

/// Escapes `s` for HTML text and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The report as a complete HTML document.
pub fn standalone(doc: &ReportDoc) -> String {
    let e = escape_html;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{REPORT_CSS}</style>\n</head>\n<body>\n<article class=\"report\">\n<h1>{}</h1>\n<dl class=\"facts\">\n",
        e(&doc.title),
        e(&doc.title)
    );
    for (label, value) in &doc.facts {
        let _ = writeln!(h, "<dt>{}</dt><dd>{}</dd>", e(label), e(value));
    }
    h.push_str("</dl>\n");
    for s in &doc.sections {
        let _ = writeln!(
            h,
            "<section data-section=\"{}\">\n<h2>{}</h2>",
            e(s.key),
            e(&s.heading)
        );
        if let Some(lead) = &s.lead {
            let _ = writeln!(h, "<p class=\"lead\">{}</p>", e(lead));
        }
        for t in &s.tables {
            table(&mut h, t);
        }
        h.push_str("</section>\n");
    }
    let _ = write!(
        h,
        "<footer>{}</footer>\n</article>\n</body>\n</html>\n",
        e(&doc.footer)
    );
    h
}

fn table(h: &mut String, t: &DocTable) {
    let e = escape_html;
    if t.rows.is_empty() {
        if let Some(c) = &t.caption {
            let _ = writeln!(h, "<h3 class=\"lead\">{}</h3>", e(c));
        }
        let _ = writeln!(h, "<p class=\"empty\">{}</p>", e(t.empty));
        return;
    }
    h.push_str("<table>");
    if let Some(c) = &t.caption {
        let _ = write!(h, "<caption>{}</caption>", e(c));
    }
    h.push_str("<thead><tr>");
    for (i, head) in t.head.iter().enumerate() {
        let class = if matches!(t.rows[0].cells.get(i), Some(DocCell::Num(_))) {
            " class=\"num\""
        } else {
            ""
        };
        let _ = write!(h, "<th scope=\"col\"{class}>{}</th>", e(head));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for r in &t.rows {
        let _ = write!(
            h,
            "<tr data-id=\"{}\"{}>",
            e(&r.key),
            if r.alert { " class=\"alert\"" } else { "" }
        );
        for c in &r.cells {
            match c {
                DocCell::Text(s) => {
                    let _ = write!(h, "<td>{}</td>", e(s));
                }
                DocCell::Num(s) => {
                    let _ = write!(h, "<td class=\"num\">{}</td>", e(s));
                }
                DocCell::Act { label, .. } => {
                    let _ = write!(h, "<td>{}</td>", e(label));
                }
                DocCell::Acts(_) => h.push_str("<td></td>"),
                DocCell::Bar(done, planned) => {
                    let _ = write!(
                        h,
                        "<td><span class=\"bar\" role=\"img\" aria-label=\"{done} % færdig, {planned} % planlagt\"><i style=\"width:{done}%\"></i><b style=\"left:{planned}%\"></b></span></td>"
                    );
                }
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n");
}

/// A file name for the report, e.g. "statusrapport-vejle-ky-2026-10-15.html":
/// lower case ASCII letters, digits and dashes only.
pub fn file_name(municipality: &str, solution: &str, date: chrono::NaiveDate) -> String {
    let mut slug = String::new();
    for c in format!("{municipality} {solution}").to_lowercase().chars() {
        match c {
            'æ' => slug.push_str("ae"),
            'ø' => slug.push_str("oe"),
            'å' => slug.push_str("aa"),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ if !slug.ends_with('-') && !slug.is_empty() => slug.push('-'),
            _ => {}
        }
    }
    let slug = slug.trim_end_matches('-');
    format!("statusrapport-{slug}-{}.html", crate::model::iso_date(date))
}

#[cfg(test)]
mod tests {
    use super::super::doc::{DocRow, DocSection};
    use super::*;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(escape_html("a < b & c > d"), "a &lt; b &amp; c &gt; d");
        assert_eq!(
            escape_html("\"citat\" og 'enkelt'"),
            "&quot;citat&quot; og &#39;enkelt&#39;"
        );
        assert_eq!(
            escape_html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(escape_html("Ærø Å & Ø"), "Ærø Å &amp; Ø");
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
    }

    fn doc(user_text: &str) -> ReportDoc {
        ReportDoc {
            title: format!("Statusrapport {user_text}"),
            facts: vec![("Kommune".into(), user_text.into())],
            sections: vec![DocSection {
                key: "overdue",
                heading: "Forsinkede aktiviteter (1)".into(),
                lead: Some(user_text.into()),
                tables: vec![DocTable {
                    caption: Some(user_text.into()),
                    head: vec!["Aktivitet", "Ansvarlig"],
                    rows: vec![DocRow {
                        key: user_text.into(),
                        alert: true,
                        cells: vec![
                            DocCell::Text(user_text.into()),
                            DocCell::Num("3".into()),
                            DocCell::Bar(40, 55),
                        ],
                    }],
                    empty: "Ingen.",
                }],
            }],
            footer: "Udarbejdet med Implan".into(),
        }
    }

    #[test]
    fn user_text_never_becomes_markup() {
        let evil = "<img src=x onerror=\"alert('x')\"> & </td>";
        let html = standalone(&doc(evil));
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains(evil));
        assert!(html.contains(
            "&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; &lt;/td&gt;"
        ));
        // The title (twice), fact, lead, caption, row key and cell hold the text.
        assert_eq!(html.matches("&lt;img").count(), 7);
    }

    #[test]
    fn standalone_file_is_a_complete_danish_document_with_print_styles() {
        let html = standalone(&doc("Vejle"));
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"da\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("@page { size: A4;"));
        assert!(html.contains("<title>Statusrapport Vejle</title>"));
        assert!(html.contains(
            "<tr data-id=\"Vejle\" class=\"alert\"><td>Vejle</td><td class=\"num\">3</td>"
        ));
        assert!(html.contains("<i style=\"width:40%\"></i><b style=\"left:55%\"></b>"));
        assert!(html.trim_end().ends_with("</html>"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn empty_tables_say_so() {
        let mut d = doc("x");
        d.sections[0].tables[0].rows.clear();
        let html = standalone(&d);
        assert!(html.contains("<p class=\"empty\">Ingen.</p>"));
        assert!(!html.contains("<table>"));
    }

    #[test]
    fn file_names_are_plain_ascii() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
        assert_eq!(
            file_name("Vejle", "KY", d),
            "statusrapport-vejle-ky-2026-10-15.html"
        );
        assert_eq!(
            file_name("Ærø", "Egen løsning/2", d),
            "statusrapport-aeroe-egen-loesning-2-2026-10-15.html"
        );
        assert_eq!(file_name("<>", "", d), "statusrapport--2026-10-15.html");
    }
}
