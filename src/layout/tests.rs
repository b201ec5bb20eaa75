//! Tests of the timeline geometry on a plan made from the template.

use chrono::NaiveDate;

use super::marks::{fit_text, milestones, phase_bands, time_windows, MilestoneKind};
use super::svg::{escape, timeline_svg, SvgOptions};
use super::*;
use crate::model::{
    Activity, ActivityChange, ActivityFilter, ActivityId, Edit, Phase, PhaseWindow, Plan, PlanId,
    PlanSetup, Solution, Status, TaskGroup, TaskNo, Timestamp,
};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn plan() -> Plan {
    let setup = PlanSetup {
        id: PlanId("p-test".into()),
        municipality: "Vejle".into(),
        solution: Solution::Ky,
        go_live: d(2027, 9, 6),
        f1_start: d(2027, 1, 4),
        phases: None,
    };
    Plan::from_template(setup, Timestamp(0)).unwrap()
}

fn task(n: u8) -> TaskNo {
    TaskNo::new(n).unwrap()
}

#[test]
fn a_bar_out_of_view_is_scrolled_to_its_start() {
    // Viewport 900 px wide, scrolled to 1000.
    assert_eq!(
        scroll_to_show(1200.0, 100.0, 1000.0, 900.0),
        None,
        "in view"
    );
    assert_eq!(
        scroll_to_show(1890.0, 300.0, 1000.0, 900.0),
        Some(1590.0),
        "only 10 px show at the right edge"
    );
    assert_eq!(
        scroll_to_show(2500.0, 50.0, 1000.0, 900.0),
        Some(2200.0),
        "to the right"
    );
    assert_eq!(
        scroll_to_show(100.0, 50.0, 1000.0, 900.0),
        Some(0.0),
        "to the left"
    );
    assert_eq!(
        scroll_to_show(0.0, 3000.0, 1000.0, 900.0),
        None,
        "a long bar across the viewport shows"
    );
    assert_eq!(
        scroll_to_show(1890.0, 5.0, 1000.0, 900.0),
        None,
        "a narrow marker fully in view"
    );
}

#[test]
fn scale_maps_dates_to_x_and_back() {
    let s = Scale::new(d(2027, 1, 1), d(2027, 12, 31), 5.0);
    assert_eq!(s.days, 365);
    assert_eq!(s.width(), 1825.0);
    assert_eq!(s.x(d(2027, 1, 1)), 0.0);
    assert_eq!(s.x(d(2027, 2, 1)), 155.0);
    assert_eq!(
        s.span(d(2027, 1, 1), d(2027, 1, 1)),
        (0.0, 5.0),
        "a one-day span is one day wide"
    );
    assert_eq!(s.span(d(2027, 1, 11), d(2027, 1, 20)), (50.0, 50.0));
    assert_eq!(s.date_at(52.0), d(2027, 1, 11));
    assert_eq!(s.date_at(-10.0), d(2027, 1, 1), "clamped");
    assert_eq!(s.date_at(1e9), d(2027, 12, 31), "clamped");
    assert_eq!(s.days_for(12.4), 2);
    assert_eq!(s.days_for(-7.6), -2);
    assert_eq!(s.last(), d(2027, 12, 31));
}

#[test]
fn zoom_levels_and_fit() {
    assert!(Zoom::Uge.px_per_day(700, 1000.0) > Zoom::Maaned.px_per_day(700, 1000.0));
    assert!(Zoom::Maaned.px_per_day(700, 1000.0) > Zoom::Kvartal.px_per_day(700, 1000.0));
    assert_eq!(Zoom::Hele.px_per_day(500, 1000.0), 2.0);
    assert_eq!(
        Zoom::Hele.px_per_day(5, 1000.0),
        24.0,
        "never closer than the week zoom"
    );
    assert_eq!(Zoom::Hele.label(), "Hele planen");
}

#[test]
fn plan_range_covers_phases_and_activities_on_month_bounds() {
    let mut p = plan();
    let (first, last) = plan_range(&p);
    assert_eq!(
        first,
        d(2026, 9, 1),
        "F0 starts 04.10.2026 - 3 months; a week to spare gives September"
    );
    assert!(first <= p.window(Phase::F0).start - chrono::Duration::days(7));
    assert!(last >= p.window(Phase::F4).end + chrono::Duration::days(7));
    assert_eq!(last, d(2028, 6, 30), "F4 ends 06.06.2028");
    // An activity far out widens the range.
    let id = p.activities[0].id.clone();
    p.apply(
        Edit::UpdateActivity {
            id,
            change: ActivityChange::Dates {
                start: Some(d(2029, 2, 3)),
                due: Some(d(2029, 2, 10)),
            },
        },
        Timestamp(1),
    )
    .unwrap();
    assert_eq!(plan_range(&p).1, d(2029, 2, 28));
}

#[test]
fn lanes_group_tasks_and_give_every_dated_activity_a_row() {
    let p = plan();
    let l = lanes(&p, &LaneOptions::default());
    let groups: Vec<_> = l
        .rows
        .iter()
        .filter_map(|r| match r.key {
            RowKey::Group(g) => Some(g),
            _ => None,
        })
        .collect();
    assert_eq!(groups, TaskGroup::ALL.to_vec());
    let tasks: Vec<u8> = l
        .rows
        .iter()
        .filter_map(|r| match r.key {
            RowKey::Task(t) => Some(t.get()),
            _ => None,
        })
        .collect();
    assert_eq!(tasks, (1..=16).collect::<Vec<_>>());
    let activity_rows = l
        .rows
        .iter()
        .filter(|r| matches!(r.key, RowKey::Activity(_)))
        .count();
    assert_eq!(activity_rows, 142);
    assert_eq!(l.dated, 142);
    assert!(l.undated.is_empty());
    // Rows are stacked without gaps.
    let mut y = 0.0;
    for r in &l.rows {
        assert_eq!(r.y, y);
        y += r.height;
    }
    assert_eq!(l.height, y);
    assert_eq!(
        l.height,
        4.0 * lanes::GROUP_H + 16.0 * lanes::TASK_H + 142.0 * lanes::ACTIVITY_H
    );
    // Each activity row sits under its own task, in phase order.
    let mut current = None;
    let mut last_phase = Phase::F0;
    for r in &l.rows {
        match &r.key {
            RowKey::Task(t) => {
                current = Some(*t);
                last_phase = Phase::F0;
            }
            RowKey::Activity(id) => {
                let a = p.activity(id).unwrap();
                assert_eq!(Some(a.task), current);
                assert!(a.phase >= last_phase);
                last_phase = a.phase;
                assert_eq!(r.index, p.position(id));
            }
            RowKey::Group(_) => {}
        }
    }
    // Lookup by key and the visible band.
    let key = RowKey::Task(task(3));
    assert_eq!(l.row(&key).unwrap().key, key);
    let band = l.visible(100.0, 200.0);
    assert!(band.first().unwrap().y <= 100.0 && band.last().unwrap().y < 200.0);
    assert!(band.iter().all(|r| r.y + r.height > 100.0 && r.y < 200.0));
    assert_eq!(l.visible(-50.0, 0.0).len(), 0);
    assert_eq!(l.visible(0.0, l.height).len(), l.rows.len());
}

#[test]
fn collapsed_tasks_and_groups_show_summaries() {
    let mut p = plan();
    // Finish two of main task 10's activities.
    let ids: Vec<ActivityId> = p
        .activities
        .iter()
        .filter(|a| a.task == task(10))
        .map(|a| a.id.clone())
        .collect();
    for id in &ids[..2] {
        p.apply(
            Edit::UpdateActivity {
                id: id.clone(),
                change: ActivityChange::Status {
                    status: Status::Faerdig,
                    completed: Some(d(2027, 9, 8)),
                },
            },
            // Marked done on that day or later.
            Timestamp(1_830_000_000_000),
        )
        .unwrap();
    }
    let options = LaneOptions {
        collapsed_tasks: vec![task(10)],
        collapsed_groups: vec![TaskGroup::Teknisk],
        ..LaneOptions::default()
    };
    let l = lanes(&p, &options);
    let row = l.row(&RowKey::Task(task(10))).unwrap();
    assert!(row.collapsed);
    let sum = row.summary.unwrap();
    let of_task: Vec<&Activity> = p.activities.iter().filter(|a| a.task == task(10)).collect();
    assert_eq!(
        sum.start,
        of_task.iter().filter_map(|a| a.start).min().unwrap()
    );
    assert_eq!(sum.due, of_task.iter().filter_map(|a| a.due).max().unwrap());
    assert_eq!((sum.done, sum.total), (2, of_task.len()));
    assert!((sum.share() - 2.0 / of_task.len() as f64).abs() < 1e-9);
    assert!(l.rows.iter().all(|r| match &r.key {
        RowKey::Activity(id) => p.activity(id).unwrap().task != task(10),
        _ => true,
    }));
    // The collapsed group shows no tasks 11-16 but sums them.
    assert!(l.row(&RowKey::Task(task(12))).is_none());
    let g = l.row(&RowKey::Group(TaskGroup::Teknisk)).unwrap();
    assert!(g.collapsed);
    assert_eq!(
        g.count,
        p.activities.iter().filter(|a| a.task.get() >= 11).count()
    );
    // Collapsed rows still count their activities as dated.
    assert_eq!(l.dated, 142);
}

#[test]
fn filters_hide_other_tasks_and_undated_activities_are_listed() {
    let mut p = plan();
    let id = p
        .activities
        .iter()
        .find(|a| a.task == task(5))
        .unwrap()
        .id
        .clone();
    p.apply(
        Edit::UpdateActivity {
            id: id.clone(),
            change: ActivityChange::Dates {
                start: None,
                due: Some(d(2027, 3, 1)),
            },
        },
        Timestamp(1),
    )
    .unwrap();
    let l = lanes(
        &p,
        &LaneOptions {
            filter: ActivityFilter {
                task: Some(task(5)),
                ..ActivityFilter::default()
            },
            ..LaneOptions::default()
        },
    );
    let keys: Vec<&RowKey> = l
        .rows
        .iter()
        .filter(|r| !matches!(r.key, RowKey::Activity(_)))
        .map(|r| &r.key)
        .collect();
    assert_eq!(
        keys,
        vec![
            &RowKey::Group(TaskGroup::Organisatorisk),
            &RowKey::Task(task(5))
        ]
    );
    // With only a due date it gets a row (drawn as a marker).
    assert!(l.undated.is_empty());
    assert!(l.row(&RowKey::Activity(id.clone())).is_some());
    let in_task = p.activities.iter().filter(|a| a.task == task(5)).count();
    assert_eq!(l.dated, in_task);
    // Without either date it is listed instead.
    p.apply(
        Edit::UpdateActivity {
            id: id.clone(),
            change: ActivityChange::Dates {
                start: None,
                due: None,
            },
        },
        Timestamp(2),
    )
    .unwrap();
    let l = lanes(
        &p,
        &LaneOptions {
            filter: ActivityFilter {
                task: Some(task(5)),
                ..ActivityFilter::default()
            },
            ..LaneOptions::default()
        },
    );
    assert_eq!(l.undated, vec![p.position(&id).unwrap()]);
    assert!(l.row(&RowKey::Activity(id)).is_none());
    assert_eq!(l.dated, in_task - 1);
    // A filter matching nothing leaves no rows.
    let none = lanes(
        &p,
        &LaneOptions {
            filter: ActivityFilter {
                text: "zzz-ingen".into(),
                ..ActivityFilter::default()
            },
            ..LaneOptions::default()
        },
    );
    assert!(none.rows.is_empty());
    assert_eq!(none.height, 0.0);
}

#[test]
fn bar_positions_follow_dates() {
    let p = plan();
    let (first, last) = plan_range(&p);
    let s = Scale::new(first, last, 5.0);
    let l = lanes(&p, &LaneOptions::default());
    for r in l
        .rows
        .iter()
        .filter(|r| matches!(r.key, RowKey::Activity(_)))
    {
        let a = &p.activities[r.index.unwrap()];
        let (start, due) = (a.start.unwrap(), a.due.unwrap());
        let rect = bar_rect(&s, r.y, r.height, start, due);
        assert_eq!(rect.x, (start - first).num_days() as f64 * 5.0);
        assert_eq!(rect.width, ((due - start).num_days() + 1) as f64 * 5.0);
        assert_eq!(rect.y, r.y + lanes::BAR_PAD);
        assert!(rect.height > 0.0);
    }
    // A one-day bar at a far zoom keeps a grabbable width.
    let far = Scale::new(first, last, 0.5);
    assert_eq!(
        bar_rect(&far, 0.0, 24.0, first, first).width,
        lanes::MIN_BAR_W
    );
}

#[test]
fn dragging_moves_and_resizes_by_whole_days() {
    let (s, e) = (d(2027, 3, 1), d(2027, 3, 10));
    assert_eq!(
        dragged(s, e, DragMode::Move, 3),
        (d(2027, 3, 4), d(2027, 3, 13))
    );
    assert_eq!(
        dragged(s, e, DragMode::Move, -1),
        (d(2027, 2, 28), d(2027, 3, 9))
    );
    assert_eq!(dragged(s, e, DragMode::Start, 4), (d(2027, 3, 5), e));
    assert_eq!(
        dragged(s, e, DragMode::Start, 20),
        (e, e),
        "the start stops at the due date"
    );
    assert_eq!(
        dragged(s, e, DragMode::End, -20),
        (s, s),
        "the due date stops at the start"
    );
    assert_eq!(dragged(s, e, DragMode::End, 2), (s, d(2027, 3, 12)));
}

#[test]
fn moving_out_of_the_phase_offers_extend_or_keep() {
    let w = PhaseWindow {
        start: d(2027, 3, 1),
        end: d(2027, 3, 31),
    };
    assert_eq!(
        phase_fit(w, d(2027, 3, 1), d(2027, 3, 31), DragMode::Move),
        PhaseFit::Inside
    );
    let PhaseFit::Outside { extended, kept } =
        phase_fit(w, d(2027, 3, 25), d(2027, 4, 5), DragMode::Move)
    else {
        panic!()
    };
    assert_eq!(
        extended,
        PhaseWindow {
            start: d(2027, 3, 1),
            end: d(2027, 4, 5)
        }
    );
    assert_eq!(
        kept,
        (d(2027, 3, 20), d(2027, 3, 31)),
        "moved back whole, keeping its length"
    );
    let PhaseFit::Outside { extended, kept } =
        phase_fit(w, d(2027, 2, 25), d(2027, 3, 3), DragMode::Move)
    else {
        panic!()
    };
    assert_eq!(extended.start, d(2027, 2, 25));
    assert_eq!(kept, (d(2027, 3, 1), d(2027, 3, 7)));
    let PhaseFit::Outside { kept, .. } = phase_fit(w, d(2027, 3, 10), d(2027, 4, 9), DragMode::End)
    else {
        panic!()
    };
    assert_eq!(
        kept,
        (d(2027, 3, 10), d(2027, 3, 31)),
        "a resized end stops at the phase end"
    );
    let PhaseFit::Outside { kept, .. } =
        phase_fit(w, d(2027, 2, 1), d(2027, 4, 30), DragMode::Move)
    else {
        panic!()
    };
    assert_eq!(kept, (w.start, w.end), "longer than the phase: cut to it");
}

#[test]
fn marks_phases_milestones_and_windows() {
    let p = plan();
    let (first, last) = plan_range(&p);
    let s = Scale::new(first, last, 5.0);
    let bands = phase_bands(&p, &s);
    assert_eq!(bands.len(), 5);
    for b in &bands {
        let w = p.window(b.phase);
        assert_eq!((b.x, b.width), s.span(w.start, w.end));
        assert!(b.label.starts_with(b.phase.code()), "{}", b.label);
    }
    assert!(
        bands[2].label.contains("Forberedelse"),
        "F2 is wide enough for its name: {}",
        bands[2].label
    );
    let ms = milestones(&p, &s);
    assert_eq!(ms.len(), 5);
    assert_eq!(ms[0].kind, MilestoneKind::Transition(Phase::F1));
    assert_eq!(ms[0].date, p.window(Phase::F1).start);
    assert_eq!(ms[4].kind, MilestoneKind::GoLive);
    assert_eq!(ms[4].x, s.x(p.go_live) + 2.5);
    let ws = time_windows(&p, &s);
    assert_eq!(
        ws.iter().map(|w| w.task.get()).collect::<Vec<_>>(),
        vec![16, 10]
    );
    assert!(ws[0].days.end < p.go_live && ws[1].days.start >= p.go_live);
    assert_eq!(ws[1].outer, s.span(ws[1].days.start, ws[1].days.end));
}

#[test]
fn text_is_fitted_with_an_ellipsis() {
    assert_eq!(fit_text("Kort", 200.0, 12.0, false), "Kort");
    let cut = fit_text(
        "Udarbejd kommunikationsplan for hele organisationen",
        100.0,
        12.0,
        false,
    );
    assert!(cut.ends_with('…') && cut.chars().count() < 20, "{cut}");
    assert_eq!(fit_text("Lang tekst", 5.0, 12.0, false), "");
}

/// A small XML checker: tags balance, attributes are quoted, entities known.
fn check_xml(xml: &str) -> Result<usize, String> {
    let body = xml
        .strip_prefix(r#"<?xml version="1.0" encoding="UTF-8"?>"#)
        .ok_or("no XML declaration")?;
    let mut stack: Vec<String> = Vec::new();
    let mut elements = 0;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt])?;
        let gt = rest[lt..].find('>').ok_or("unclosed tag")? + lt;
        let tag = &rest[lt + 1..gt];
        if let Some(name) = tag.strip_prefix('/') {
            let open = stack.pop().ok_or(format!("stray </{name}>"))?;
            if open != name {
                return Err(format!("</{name}> closes <{open}>"));
            }
        } else {
            elements += 1;
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let name: String = tag.chars().take_while(|c| !c.is_whitespace()).collect();
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':')
            {
                return Err(format!("bad element name in <{tag}>"));
            }
            check_attributes(&tag[name.len()..])?;
            if !self_closing {
                stack.push(name);
            }
        }
        if stack.is_empty() && !rest[gt + 1..].trim().is_empty() {
            return Err("content after the root element".into());
        }
        rest = &rest[gt + 1..];
    }
    if stack.is_empty() {
        Ok(elements)
    } else {
        Err(format!("unclosed {stack:?}"))
    }
}

fn check_text(text: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        let semi = rest[amp..].find(';').ok_or("bare &")? + amp;
        if !["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(&&rest[amp..=semi]) {
            return Err(format!("unknown entity {}", &rest[amp..=semi]));
        }
        rest = &rest[semi + 1..];
    }
    if text.contains('>') {
        Err("bare >".into())
    } else {
        Ok(())
    }
}

fn check_attributes(mut attrs: &str) -> Result<(), String> {
    loop {
        attrs = attrs.trim_start();
        if attrs.is_empty() {
            return Ok(());
        }
        let eq = attrs
            .find('=')
            .ok_or(format!("attribute without value: {attrs}"))?;
        let name = &attrs[..eq];
        if !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':')
        {
            return Err(format!("bad attribute name {name}"));
        }
        let value = attrs[eq + 1..]
            .strip_prefix('"')
            .ok_or(format!("unquoted attribute {name}"))?;
        let end = value.find('"').ok_or("unterminated attribute")?;
        check_text(&value[..end])?;
        if value[..end].contains('<') {
            return Err(format!("< in attribute {name}"));
        }
        attrs = &value[end + 1..];
    }
}

#[test]
fn the_svg_is_standalone_well_formed_and_holds_every_title() {
    let mut p = plan();
    // Text that must be escaped.
    let id = p.activities[0].id.clone();
    p.apply(
        Edit::UpdateActivity {
            id,
            change: ActivityChange::Title("Møde <styregruppe> & \"KY\" 'nu'".into()),
        },
        Timestamp(1),
    )
    .unwrap();
    p.apply(Edit::SetMunicipality("Ærø & Co".into()), Timestamp(1))
        .unwrap();
    let l = lanes(&p, &LaneOptions::default());
    let (first, last) = plan_range(&p);
    let s = Scale::new(first, last, 1.6);
    let options = SvgOptions {
        printed: d(2027, 5, 3),
        today: d(2027, 5, 3),
        zoom: "Kvartal",
        fonts: None,
    };
    let svg = timeline_svg(&p, &l, &s, &options);
    let elements = check_xml(&svg).unwrap_or_else(|e| panic!("{e}"));
    assert!(elements > 142 * 3);
    assert!(svg.contains(r#"xmlns="http://www.w3.org/2000/svg""#));
    assert!(svg.contains("Tidslinje · Ærø &amp; Co Kommune · KY"));
    assert!(svg.contains("Udskrevet 03.05.2027"));
    assert!(svg.contains("Møde &lt;styregruppe&gt; &amp; &quot;KY&quot; &apos;nu&apos;"));
    assert!(svg.contains("font-family"));
    assert!(
        !svg.contains("var(--"),
        "no CSS variables: colours are written out"
    );
    assert!(!svg.contains("href"), "no external resources");
    for a in &p.activities {
        assert!(svg.contains(&escape(&a.title)), "missing {}", a.title);
    }
    assert!(svg.contains("Go-live") && svg.contains("Hyper-care") && svg.contains("I dag"));
    // Width and height are set, so an image of it has a size.
    let width: f64 = svg
        .split("width=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(width, (svg::EXPORT_LABEL_W + s.width() + 16.0).ceil());
    assert_eq!(svg::svg_size(&l, &s).0, width);
    // An embedded font is declared when given.
    let with_font = timeline_svg(
        &p,
        &l,
        &s,
        &SvgOptions {
            fonts: Some(("AAEC".into(), "AAED".into())),
            ..options
        },
    );
    assert!(
        with_font.contains("@font-face")
            && with_font.contains("base64,AAEC")
            && with_font.contains("base64,AAED")
    );
    check_xml(&with_font).unwrap();
}

#[test]
fn base64_matches_the_standard() {
    assert_eq!(svg::base64(b""), "");
    assert_eq!(svg::base64(b"f"), "Zg==");
    assert_eq!(svg::base64(b"fo"), "Zm8=");
    assert_eq!(svg::base64(b"foo"), "Zm9v");
    assert_eq!(svg::base64(b"foobar"), "Zm9vYmFy");
    assert_eq!(svg::base64(&[0xff, 0xfe, 0x00, 0x10]), "//4AEA==");
}

#[test]
fn escape_handles_control_characters() {
    assert_eq!(escape("a\u{1}b"), "a b");
    assert_eq!(escape("x<y"), "x&lt;y");
    assert_eq!(
        escape("Æ & <ø> \"å\" 'x'\u{7f}\t"),
        "Æ &amp; &lt;ø&gt; &quot;å&quot; &apos;x&apos;\u{7f}\t"
    );
    assert_eq!(escape(""), "");
    let mut s = String::from("a");
    super::svg::push_escaped(&mut s, "<b>");
    assert_eq!(s, "a&lt;b&gt;");
}

#[test]
fn activities_with_one_date_are_markers_on_that_date() {
    let p = plan();
    let mut a = p.activities[0].clone();
    let (s0, d0) = (d(2027, 3, 1), d(2027, 3, 12));
    a.start = Some(s0);
    a.due = Some(d0);
    assert_eq!(activity_span(&a), Some((s0, d0)));
    assert!(!is_marker(&a));
    assert_eq!(span_dates(&a, (s0, d0)), (Some(s0), Some(d0)));
    let scale = Scale::new(d(2027, 1, 1), d(2027, 12, 31), 5.0);
    assert_eq!(
        activity_rect(&scale, 10.0, 24.0, &a, (s0, d0)),
        bar_rect(&scale, 10.0, 24.0, s0, d0)
    );
    // Only a start: a marker on it; moving keeps only a start.
    a.due = None;
    assert!(is_marker(&a));
    assert_eq!(activity_span(&a), Some((s0, s0)));
    let moved = dragged(s0, s0, DragMode::Move, 3);
    assert_eq!(moved, (d(2027, 3, 4), d(2027, 3, 4)));
    assert_eq!(span_dates(&a, moved), (Some(d(2027, 3, 4)), None));
    // The marker is a square box centred on the day, as tall as a bar.
    let r = activity_rect(&scale, 10.0, 24.0, &a, (s0, s0));
    let bar = bar_rect(&scale, 10.0, 24.0, s0, s0);
    assert_eq!(r, marker_rect(&scale, 10.0, 24.0, s0));
    assert_eq!((r.y, r.height), (bar.y, bar.height));
    assert_eq!(r.width, r.height);
    assert_eq!(r.x + r.width / 2.0, scale.x(s0) + 2.5);
    // Only a due date: the same, on the due date.
    a.start = None;
    a.due = Some(d0);
    assert!(is_marker(&a));
    assert_eq!(activity_span(&a), Some((d0, d0)));
    assert_eq!(span_dates(&a, (d0, d0)), (None, Some(d0)));
    // No dates: nothing to draw.
    a.due = None;
    assert_eq!(activity_span(&a), None);
    assert!(!is_marker(&a));
    // The summary of a lane counts markers' dates.
    let mut b = p.activities[1].clone();
    b.start = Some(d(2027, 2, 1));
    b.due = Some(d(2027, 2, 3));
    let mut c = p.activities[2].clone();
    c.start = None;
    c.due = Some(d(2027, 5, 1));
    let sum = Summary::of([&b, &c].into_iter()).unwrap();
    assert_eq!((sum.start, sum.due), (d(2027, 2, 1), d(2027, 5, 1)));
}

#[test]
fn markers_are_drawn_in_the_svg() {
    let mut p = plan();
    let id = p.activities[0].id.clone();
    p.apply(
        Edit::UpdateActivity {
            id,
            change: ActivityChange::Dates {
                start: Some(d(2027, 2, 1)),
                due: None,
            },
        },
        Timestamp(1),
    )
    .unwrap();
    let l = lanes(&p, &LaneOptions::default());
    let (first, last) = plan_range(&p);
    let s = Scale::new(first, last, 5.0);
    let svg = timeline_svg(
        &p,
        &l,
        &s,
        &SvgOptions {
            printed: d(2027, 1, 1),
            today: d(2027, 1, 1),
            zoom: "Måned",
            fonts: None,
        },
    );
    assert_eq!(svg.matches("tl-marker").count(), 1);
    assert!(svg.contains("start 01.02.2027 (ingen slutdato)"));
    assert_eq!(check_xml(&svg).map(|_| ()), Ok(()));
}

#[test]
fn printing_fits_the_chart_to_the_page() {
    let (page_w, page_h) = (1000.0, 600.0);
    // A short chart fills the width at full size.
    let ppd = print_px_per_day(500, 280.0, 400.0, page_w, page_h);
    assert!((280.0 + 500.0 * ppd - page_w).abs() < 1e-9);
    assert_eq!(print_zoom(280.0 + 500.0 * ppd, 400.0, page_w, page_h), 1.0);
    // A chart twice the page's height is halved, and twice as many
    // pixels per day keep the halved chart as wide as the page.
    let ppd = print_px_per_day(500, 280.0, 1200.0, page_w, page_h);
    let width = 280.0 + 500.0 * ppd;
    assert!((width - 2.0 * page_w).abs() < 1e-9);
    let zoom = print_zoom(width, 1200.0, page_w, page_h);
    assert!((zoom - 0.5).abs() < 1e-9);
    assert!(width * zoom <= page_w + 1e-9 && 1200.0 * zoom <= page_h + 1e-9);
    // Whatever the sizes, the zoomed chart fits.
    for (days, h) in [(30, 5000.0), (3000, 100.0), (3000, 9000.0), (1, 1.0)] {
        let ppd = print_px_per_day(days, 280.0, h, page_w, page_h);
        let w = 280.0 + days as f64 * ppd;
        let z = print_zoom(w, h, page_w, page_h);
        assert!(z > 0.0 && z <= 1.0);
        assert!(
            w * z <= page_w + 1e-9 && h * z <= page_h + 1e-9,
            "{days} {h}"
        );
    }
}
