//! The benefit map as text: the lines shown under a node's title, the
//! style sheet shared by the page and the downloads, and a standalone SVG
//! document (embedded styles, no outside references) for download, PNG
//! conversion and print. Pure: no browser calls.

use crate::layout::benefit_map::{
    layout_map, path_data, MapLayout, LINE_HEIGHT, NODE_WIDTH, PADDING,
};
use crate::layout::svg::escape;
use crate::model::{Column, MapNode, Plan};

/// Styles of the map, scoped to the class `gd` of its root element.
pub const MAP_CSS: &str = "\
.gd text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;fill:#1b1f24}\
.gd .gd-heading{font-size:15px;font-weight:700;fill:#0b4f6c}\
.gd .gd-band{fill:#f4f6f8}\
.gd .gd-arrow{fill:none;stroke:#6b7785;stroke-width:1.6;stroke-linejoin:miter}\
.gd .gd-node rect{stroke-width:1.5;rx:6px}\
.gd .gd-title{font-size:13px;font-weight:600}\
.gd .gd-badge{font-size:11px;fill:#4a5560}\
.gd .col-leverance rect{fill:#e3eef7;stroke:#0b4f6c}\
.gd .col-forandring rect{fill:#e4f4f1;stroke:#1f6f63}\
.gd .col-effekt rect{fill:#efeaf7;stroke:#5b4a8a}\
.gd .col-gevinst rect{fill:#e6f4e8;stroke:#1a7f37}\
.gd .col-maal rect{fill:#fff4d6;stroke:#8a5a00}";

/// The line shown under a node's title: the main tasks and the number of
/// activities that deliver a Leverance or Forandring, or the progress of a
/// Gevinst's profile. `None` when there is nothing to show.
pub fn badge(plan: &Plan, node: &MapNode) -> Option<String> {
    if node.column.links_benefit() {
        let b = plan.benefit(node.benefit.as_ref()?)?;
        return Some(match b.progress_percent() {
            Some(p) => format!("Gevinstprofil · {}", crate::ui::format::percent(p)),
            None => "Gevinstprofil".to_string(),
        });
    }
    let mut parts = Vec::new();
    if !node.tasks.is_empty() {
        let shown: Vec<String> = node
            .tasks
            .iter()
            .take(4)
            .map(|t| t.get().to_string())
            .collect();
        let more = if node.tasks.len() > 4 { " …" } else { "" };
        parts.push(format!("HO {}{more}", shown.join(", ")));
    }
    let activities = node
        .activities
        .iter()
        .filter(|a| plan.activity(a).is_some())
        .count();
    if activities > 0 {
        parts.push(format!("{activities} akt."));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The map of `plan` laid out, with each node's badge.
pub fn plan_layout(plan: &Plan) -> (MapLayout, Vec<Option<String>>) {
    let badges: Vec<Option<String>> = plan
        .benefit_map
        .nodes
        .iter()
        .map(|n| badge(plan, n))
        .collect();
    let layout = layout_map(&plan.benefit_map, |i| badges[i].is_some());
    (layout, badges)
}

/// The y of the baseline of title line `i` within a node.
pub fn line_y(i: usize) -> f64 {
    PADDING + 13.0 + i as f64 * LINE_HEIGHT
}

/// A standalone SVG document of the plan's benefit map.
pub fn standalone_svg(plan: &Plan) -> String {
    let (layout, badges) = plan_layout(plan);
    let (w, h) = (layout.width, layout.height);
    let mut s = String::with_capacity(4096 + plan.benefit_map.nodes.len() * 400);
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"gd\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\">\n"
    ));
    s.push_str(&format!(
        "<title>Gevinstdiagram · {}</title>\n",
        escape(&plan.title())
    ));
    s.push_str(&format!("<style>{MAP_CSS}</style>\n"));
    s.push_str(&format!(
        "<rect width=\"{w:.0}\" height=\"{h:.0}\" fill=\"#ffffff\"/>\n"
    ));
    for (c, x) in Column::ALL.iter().zip(&layout.column_x) {
        s.push_str(&format!(
            "<rect class=\"gd-band\" x=\"{:.1}\" y=\"8\" width=\"{:.1}\" height=\"{:.1}\" rx=\"8\"/>\n",
            x - 8.0,
            NODE_WIDTH + 16.0,
            h - 16.0
        ));
        s.push_str(&format!(
            "<text class=\"gd-heading\" x=\"{:.1}\" y=\"36\" text-anchor=\"middle\">{}</text>\n",
            x + NODE_WIDTH / 2.0,
            c.label()
        ));
    }
    for route in layout.arrows.iter().filter(|r| !r.points.is_empty()) {
        s.push_str(&format!(
            "<path class=\"gd-arrow\" d=\"{}\"/>\n",
            path_data(route)
        ));
    }
    for ((node, b), badge) in plan
        .benefit_map
        .nodes
        .iter()
        .zip(&layout.nodes)
        .zip(&badges)
    {
        s.push_str(&format!(
            "<g class=\"gd-node col-{}\" transform=\"translate({:.1} {:.1})\">",
            node.column.key(),
            b.x,
            b.y
        ));
        s.push_str(&format!("<title>{}</title>", escape(&node.title)));
        if !node.description.trim().is_empty() {
            s.push_str(&format!("<desc>{}</desc>", escape(&node.description)));
        }
        s.push_str(&format!(
            "<rect width=\"{:.1}\" height=\"{:.1}\" rx=\"6\"/>",
            b.width, b.height
        ));
        s.push_str("<text class=\"gd-title\">");
        for (i, line) in b.lines.iter().enumerate() {
            s.push_str(&format!(
                "<tspan x=\"{PADDING}\" y=\"{:.1}\">{}</tspan>",
                line_y(i),
                escape(line)
            ));
        }
        s.push_str("</text>");
        if let Some(badge) = badge {
            s.push_str(&format!(
                "<text class=\"gd-badge\" x=\"{PADDING}\" y=\"{:.1}\">{}</text>",
                b.height - PADDING - 2.0,
                escape(badge)
            ));
        }
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

/// A file name for downloads of the map, e.g. "gevinstdiagram-vejle-ky.svg".
pub fn file_name(plan: &Plan, extension: &str) -> String {
    let slug: String = format!("{} {}", plan.municipality, plan.solution.name())
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' => "ae".to_string(),
            'ø' => "oe".to_string(),
            'å' => "aa".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("gevinstdiagram-{slug}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Benefit, BenefitEdit, BenefitId, BenefitKind, BenefitType, Edit, NodeChange, NodeId,
        PlanId, PlanSetup, Solution, Timestamp,
    };
    use chrono::NaiveDate;

    fn plan() -> Plan {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let setup = PlanSetup {
            id: PlanId("p".into()),
            municipality: "Ærø".into(),
            solution: Solution::Other("Sag & <Ydelse>".into()),
            go_live: d(2027, 3, 1),
            f1_start: d(2026, 9, 1),
            phases: None,
        };
        Plan::from_template(setup, Timestamp(0)).unwrap()
    }

    #[test]
    fn the_document_holds_every_title_escaped_and_is_standalone() {
        let p = plan();
        let svg = standalone_svg(&p);
        assert!(svg.starts_with("<?xml"));
        assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("<style>.gd text{"));
        for n in &p.benefit_map.nodes {
            for word in n.title.split_whitespace() {
                assert!(svg.contains(&escape(word)), "{word}");
            }
        }
        assert!(svg.contains(">Sag &amp; &lt;Ydelse&gt; taget i</tspan>"));
        assert!(svg.contains("<title>Sag &amp; &lt;Ydelse&gt; taget i brug</title>"));
        assert!(!svg.contains("<Ydelse>"));
        assert_eq!(
            svg.matches("<g class=\"gd-node").count(),
            p.benefit_map.nodes.len()
        );
        assert_eq!(
            svg.matches("class=\"gd-arrow\"").count(),
            p.benefit_map.arrows.len()
        );
        for c in Column::ALL {
            assert!(svg.contains(&format!(">{}</text>", c.label())));
        }
        // Nothing outside the file is referenced.
        assert!(!svg.contains("href"));
        assert_eq!(svg.matches("<g ").count(), svg.matches("</g>").count());
    }

    #[test]
    fn badges_show_links_and_profile_progress() {
        let mut p = plan();
        let losning = p
            .benefit_map
            .nodes
            .iter()
            .find(|n| n.id.as_str() == "n-lev-losning")
            .unwrap();
        assert_eq!(badge(&p, losning).as_deref(), Some("HO 10, 12, 13, 14 …"));
        let maal = p
            .benefit_map
            .nodes
            .iter()
            .find(|n| n.column == Column::Maal)
            .unwrap();
        assert_eq!(badge(&p, maal), None);
        let b = Benefit::new(
            BenefitId("g".into()),
            "Tid",
            BenefitType::Service,
            BenefitKind::Gevinst,
            Timestamp(0),
        );
        p.apply(
            Edit::Batch(vec![
                Edit::Benefit(BenefitEdit::InsertBenefit {
                    benefit: b,
                    position: 0,
                }),
                Edit::Benefit(BenefitEdit::UpdateNode {
                    id: NodeId("n-gev-service".into()),
                    change: NodeChange::Benefit(Some(BenefitId("g".into()))),
                }),
                Edit::Benefit(BenefitEdit::UpdateNode {
                    id: NodeId("n-for-kompetencer".into()),
                    change: NodeChange::Activities(vec![crate::model::ActivityId("t08-01".into())]),
                }),
            ]),
            Timestamp(1),
        )
        .unwrap();
        let node = |id: &str| p.benefit_map.node(&NodeId(id.into())).unwrap();
        assert_eq!(
            badge(&p, node("n-gev-service")).as_deref(),
            Some("Gevinstprofil")
        );
        assert_eq!(
            badge(&p, node("n-for-kompetencer")).as_deref(),
            Some("HO 8 · 1 akt.")
        );
    }

    #[test]
    fn file_names_are_plain() {
        let p = plan();
        assert_eq!(file_name(&p, "svg"), "gevinstdiagram-aeroe-sag-ydelse.svg");
    }
}
