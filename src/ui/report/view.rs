//! The status report document on the page, rendered from the same
//! [`ReportDoc`] as the standalone file, through the DOM builder.

use super::super::dom::{button, el, p, El};
use super::doc::{DocCell, DocTable, ReportDoc};

/// The report as an `article` element.
pub fn render(doc: &ReportDoc) -> El {
    let mut facts = el("dl").cls("facts");
    for (label, value) in &doc.facts {
        facts = facts
            .child(el("dt").text(label))
            .child(el("dd").text(value));
    }
    let mut article = el("article")
        .cls("report")
        .attr("aria-label", "Statusrapport")
        .child(el("h1").text(&doc.title))
        .child(facts);
    for s in &doc.sections {
        let mut section = el("section")
            .attr("data-section", s.key)
            .child(el("h2").text(&s.heading));
        if let Some(lead) = &s.lead {
            section = section.child(p("lead", lead));
        }
        for t in &s.tables {
            section = table(section, t);
        }
        article = article.child(section);
    }
    article.child(el("footer").text(&doc.footer))
}

/// Appends `t` to `parent`: a table, or its empty text when it has no rows.
pub fn table(parent: El, t: &DocTable) -> El {
    if t.rows.is_empty() {
        let parent = match &t.caption {
            Some(c) => parent.child(el("h3").cls("lead").text(c)),
            None => parent,
        };
        return parent.child(p("empty", t.empty));
    }
    let mut table = el("table").cls("doc");
    if let Some(c) = &t.caption {
        table = table.child(el("caption").text(c));
    }
    let mut head = el("tr");
    for (i, h) in t.head.iter().enumerate() {
        let numeric = matches!(t.rows[0].cells.get(i), Some(DocCell::Num(_)));
        head = head.child(
            el("th")
                .attr("scope", "col")
                .cls(if numeric { "num" } else { "" })
                .text(h),
        );
    }
    let mut body = el("tbody");
    for r in &t.rows {
        let mut row = el("tr").attr("data-id", &r.key);
        if r.alert {
            row = row.cls("alert");
        }
        for c in &r.cells {
            row = row.child(cell(c));
        }
        body = body.child(row);
    }
    let table = table.child(el("thead").child(head)).child(body);
    parent.child(scroll_box(table, t.caption.as_deref().unwrap_or("Tabel")))
}

/// A wide table in a box of its own that scrolls sideways on a narrow
/// screen (320 px, or 400 % zoom), so the page itself does not: focusable,
/// so the box can be scrolled by keyboard, and named after the table.
pub fn scroll_box(table: El, name: &str) -> El {
    el("div")
        .cls("table-scroll")
        .attr("role", "region")
        .attr("aria-label", name)
        .attr("tabindex", "0")
        .child(table)
}

fn cell(c: &DocCell) -> El {
    match c {
        DocCell::Text(s) => el("td").text(s),
        DocCell::Num(s) => el("td").cls("num").text(s),
        DocCell::Bar(done, planned) => el("td").child(
            el("span")
                .cls("bar")
                .attr("role", "img")
                .attr(
                    "aria-label",
                    &format!("{done} % færdig, {planned} % planlagt"),
                )
                .child(el("i").attr("style", &format!("width:{done}%")))
                .child(el("b").attr("style", &format!("left:{planned}%"))),
        ),
        DocCell::Act { act, key, label } => el("td").child(button(label, "link", act, key)),
        DocCell::Acts(list) => {
            let mut td = el("td").cls("actions");
            for (act, key, label) in list {
                td = td.child(button(label, "secondary small", act, key));
            }
            td
        }
    }
}
