//! Tidslinje: the plan as a phase timeline (an SVG Gantt chart). The
//! geometry comes from [`crate::layout`]; [`chart`] draws it, keeping only
//! the rows in view in the DOM, and [`bar`] turns pointer and keyboard
//! input into date edits.

mod bar;
mod chart;
mod commit;
mod dom;
mod export;
mod toolbar;
mod undated;

use chrono::NaiveDate;
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

use super::activities::FilterBar;
use super::{clock, format, use_app, ActivityEditor, AppState};
use crate::layout::scale::fit;
use crate::layout::svg::chart_head_height;
use crate::layout::{axis, lanes, plan_range, AxisRow, DragMode, LaneOptions, Lanes, Scale, Zoom};
use crate::model::{ActivityId, TaskGroup, TaskNo};

/// Width of the label column on screen.
pub(crate) const LABEL_W: f64 = 280.0;

/// A bar being dragged: its preview dates, shown until the drop applies one edit.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Drag {
    /// The activity.
    pub id: ActivityId,
    /// What the drag changes.
    pub mode: DragMode,
    /// Pointer x where the drag began.
    pub origin_x: f64,
    /// Dates before the drag.
    pub from: (NaiveDate, NaiveDate),
    /// Dates under the pointer now.
    pub to: (NaiveDate, NaiveDate),
    /// Whether the pointer has moved enough to count as a drag, not a click.
    pub moved: bool,
}

/// Paper sizes for printing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Paper {
    /// A4 landscape.
    A4,
    /// A3 landscape.
    A3,
}

impl Paper {
    /// Printable width in CSS pixels (landscape, 10 mm margins).
    pub fn width_px(self) -> f64 {
        let mm = match self {
            Paper::A4 => 297.0 - 20.0,
            Paper::A3 => 420.0 - 20.0,
        };
        mm * 96.0 / 25.4
    }

    /// CSS page size name.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
        }
    }
}

/// State of the timeline page.
#[derive(Clone, Copy)]
pub(crate) struct Tl {
    /// Zoom level.
    pub zoom: RwSignal<Zoom>,
    /// Collapsed groups.
    pub collapsed_groups: RwSignal<Vec<TaskGroup>>,
    /// Collapsed main tasks.
    pub collapsed_tasks: RwSignal<Vec<TaskNo>>,
    /// The rows, recomputed when the plan, filter or collapsing changes.
    pub lanes: Memo<Lanes>,
    /// The time scale, recomputed on zoom, size and plan range changes.
    pub scale: Memo<Scale>,
    /// The axis rows of the scale.
    pub axis: Memo<Vec<AxisRow>>,
    /// Width of the chart's viewport.
    pub view_w: RwSignal<f64>,
    /// Height of the scroll viewport.
    pub view_h: RwSignal<f64>,
    /// Vertical scroll position.
    pub scroll_top: RwSignal<f64>,
    /// Horizontal scroll position.
    pub scroll_left: RwSignal<f64>,
    /// Horizontal scroll position in coarse steps (the drawn ticks follow it).
    pub tick_step: Memo<i64>,
    /// The paper chosen for printing.
    pub paper: RwSignal<Paper>,
    /// Whether the page is being printed (every row drawn, fitted to the paper).
    pub printing: RwSignal<bool>,
    /// The bar being dragged.
    pub drag: RwSignal<Option<Drag>>,
    /// The bar under the pointer or focused, for the tooltip.
    pub hover: RwSignal<Option<ActivityId>>,
    /// A date change waiting for the user's answer about the phase window.
    pub question: RwSignal<Option<commit::Question>>,
    /// The scroll container.
    pub scroller: NodeRef<Div>,
    /// Today.
    pub today: NaiveDate,
}

impl Tl {
    /// Height of the chart head (phases, milestones, axis).
    pub fn head_h(&self) -> f64 {
        self.axis.with(|rows| chart_head_height(rows))
    }

    /// Scrolls so that `date` sits a third into the viewport.
    pub fn scroll_to_date(&self, date: NaiveDate) {
        let x = self.scale.with_untracked(|s| s.x(date));
        if let Some(el) = self.scroller.get_untracked() {
            el.set_scroll_left((x - self.view_w.get_untracked() / 3.0).max(0.0) as i32);
        }
    }

    /// Scrolls vertically so that the row at `y`..`y + h` is in view.
    pub fn scroll_row_into_view(&self, y: f64, h: f64) {
        let Some(el) = self.scroller.get_untracked() else {
            return;
        };
        let top = f64::from(el.scroll_top());
        let view =
            f64::from(el.client_height()) - self.axis.with_untracked(|r| chart_head_height(r));
        if y < top {
            el.set_scroll_top(y as i32);
        } else if y + h > top + view {
            el.set_scroll_top((y + h - view + 8.0) as i32);
        }
        read_scroll(*self);
    }
}

fn new_state(app: AppState) -> Tl {
    let zoom = RwSignal::new(Zoom::Maaned);
    let collapsed_groups = RwSignal::new(Vec::new());
    let collapsed_tasks = RwSignal::new(Vec::new());
    let lanes = Memo::new(move |_| {
        let options = LaneOptions {
            filter: app.filter.get(),
            collapsed_groups: collapsed_groups.get(),
            collapsed_tasks: collapsed_tasks.get(),
        };
        app.plan
            .with(|p| p.as_ref().map(|p| lanes(p, &options)).unwrap_or_default())
    });
    let view_w = RwSignal::new(900.0);
    let paper = RwSignal::new(Paper::A4);
    let printing = RwSignal::new(false);
    let scale = Memo::new(move |_| {
        let today = clock::today();
        let (first, last) = app
            .plan
            .with(|p| p.as_ref().map(plan_range))
            .unwrap_or((today, today));
        let days = (last - first).num_days() + 1;
        let ppd = if printing.get() {
            fit(days, paper.get().width_px() - LABEL_W - 8.0)
        } else {
            zoom.get().px_per_day(days, view_w.get())
        };
        Scale::new(first, last, ppd)
    });
    let scroll_left = RwSignal::new(0.0);
    Tl {
        zoom,
        collapsed_groups,
        collapsed_tasks,
        lanes,
        scale,
        axis: Memo::new(move |_| scale.with(axis)),
        view_w,
        view_h: RwSignal::new(700.0),
        scroll_top: RwSignal::new(0.0),
        scroll_left,
        tick_step: Memo::new(move |_| (scroll_left.get() / 400.0).floor() as i64),
        paper,
        printing,
        drag: RwSignal::new(None),
        hover: RwSignal::new(None),
        question: RwSignal::new(None),
        scroller: NodeRef::new(),
        today: clock::today(),
    }
}

/// Reads the scroll position into the state.
fn read_scroll(tl: Tl) {
    let Some(el) = tl.scroller.get_untracked() else {
        return;
    };
    let (top, left) = (f64::from(el.scroll_top()), f64::from(el.scroll_left()));
    if tl.scroll_top.get_untracked() != top {
        tl.scroll_top.set(top);
    }
    if tl.scroll_left.get_untracked() != left {
        tl.scroll_left.set(left);
    }
}

/// Reads the scroll container's size into the state.
fn measure(tl: Tl) {
    let Some(el) = tl.scroller.get_untracked() else {
        return;
    };
    let w = (f64::from(el.client_width()) - LABEL_W - 2.0).max(200.0);
    let h = f64::from(el.client_height());
    if tl.view_w.get_untracked() != w {
        tl.view_w.set(w);
    }
    if tl.view_h.get_untracked() != h {
        tl.view_h.set(h);
    }
}

/// Collapses or opens the group or main task named by a `data-toggle` value
/// ("g:Projekt" or "t:3").
fn toggle_key(tl: Tl, key: &str) {
    fn flip<T: PartialEq + Send + Sync + 'static>(list: RwSignal<Vec<T>>, item: T) {
        list.update(|l| match l.iter().position(|x| *x == item) {
            Some(i) => {
                l.remove(i);
            }
            None => l.push(item),
        });
    }
    if let Some(n) = key
        .strip_prefix("t:")
        .and_then(|n| n.parse::<u8>().ok())
        .and_then(TaskNo::new)
    {
        flip(tl.collapsed_tasks, n);
    } else if let Some(g) = TaskGroup::ALL
        .into_iter()
        .find(|g| key.strip_prefix("g:") == Some(&format!("{g:?}")))
    {
        flip(tl.collapsed_groups, g);
    }
}

/// Builds the chart once the scroll container is in the document, draws
/// it whenever what it shows changes, and cleans up when the page goes.
fn run_chart(app: AppState, tl: Tl) {
    let chart = StoredValue::new_local(None::<chart::Chart>);
    let observer = StoredValue::new_local(None::<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>);
    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(el) = tl.scroller.get() else { return };
        if chart.with_value(Option::is_some) {
            return;
        }
        chart.set_value(Some(chart::build(app, tl, &el)));
        let callback = Closure::<dyn FnMut()>::new(move || measure(tl));
        if let Ok(obs) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            obs.observe(&el);
            observer.set_value(Some((obs, callback)));
        }
        measure(tl);
        ready.set(true);
        // Start at today when the plan spans it.
        let today = tl.today;
        if tl
            .scale
            .with_untracked(|s| today >= s.start && today <= s.last())
        {
            tl.scroll_to_date(today);
            read_scroll(tl);
        }
    });
    let draw = move |f: fn(AppState, Tl, &mut chart::Chart)| {
        Effect::new(move |_| {
            if ready.get() {
                chart.update_value(|c| {
                    if let Some(c) = c.as_mut() {
                        f(app, tl, c);
                    }
                });
            }
        });
    };
    draw(chart::draw_head);
    draw(chart::draw_layers);
    draw(chart::draw_rows);
    draw(chart::draw_tooltip);
    on_cleanup(move || {
        if let Some(Some((obs, _))) = observer.try_update_value(Option::take) {
            obs.disconnect();
        }
        let _ = chart.try_update_value(Option::take);
    });
}

/// Printing: every row is drawn and the chart fitted to the paper while
/// the browser prints, whether from the print button or the browser menu.
fn handle_printing(tl: Tl) {
    let before = window_event_listener_untyped("beforeprint", move |_| tl.printing.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| tl.printing.set(false));
    // The page size rule lives in its own style element while the page is shown.
    let style = document().create_element("style").ok();
    if let (Some(style), Some(head)) = (&style, document().head()) {
        let _ = head.append_child(style);
    }
    let style = StoredValue::new_local(style);
    Effect::new(move |_| {
        let paper = tl.paper.get();
        style.with_value(|s| {
            if let Some(s) = s {
                s.set_text_content(Some(&format!(
                    "@page {{ size: {} landscape; margin: 10mm; }}",
                    paper.css()
                )));
            }
        });
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
        style.try_with_value(|s| {
            if let Some(s) = s {
                s.remove();
            }
        });
    });
}

/// The timeline page.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let app = use_app();
    let tl = new_state(app);
    run_chart(app, tl);
    handle_printing(tl);
    let title = move || {
        app.plan.with(|p| {
            p.as_ref()
                .map(|p| {
                    format!(
                        "Tidslinje · {} Kommune · {}",
                        p.municipality,
                        p.solution.name()
                    )
                })
                .unwrap_or_default()
        })
    };
    let count = move || {
        let (dated, undated, empty) = tl
            .lanes
            .with(|l| (l.dated, l.undated.len(), l.rows.is_empty()));
        if empty {
            return "Ingen aktiviteter matcher filtrene.".to_string();
        }
        let total = app
            .plan
            .with(|p| p.as_ref().map_or(0, |p| p.activities.len()));
        let shown = if app.filter.with(|f| f.is_empty()) {
            String::new()
        } else {
            format!(" (filtreret ud af {total})")
        };
        let missing = if undated > 0 {
            format!(" · {undated} uden datoer")
        } else {
            String::new()
        };
        format!("{dated} aktiviteter på tidslinjen{shown}{missing}")
    };
    let toolbar_ref = NodeRef::<Div>::new();
    toolbar::sync(tl, toolbar_ref);
    view! {
        <div class="page timeline" class:editing=move || app.editing.get().is_some()>
            <div class="tl-main">
                <header class="tl-print-header">
                    <h1>{title}</h1>
                    <p>{format!("Udskrevet {}", format::date(clock::today()))}</p>
                </header>
                <h1 class="tl-title">"Tidslinje"</h1>
                <FilterBar grouping=None />
                <div
                    class="tl-toolbar"
                    role="toolbar"
                    aria-label="Tidslinjens værktøjer"
                    node_ref=toolbar_ref
                    inner_html=toolbar::MARKUP
                    on:click=move |ev| toolbar::click(app, tl, ev)
                    on:change=move |ev| toolbar::change(tl, ev)
                ></div>
                <ul class="tl-legend" aria-label="Signaturforklaring" inner_html=toolbar::legend_markup()></ul>
                <p class="count-line" aria-live="polite">{count}</p>
                <div class="tl-scroll" node_ref=tl.scroller></div>
                <p class="hint tl-keys" inner_html=toolbar::KEYS></p>
                <undated::Undated tl=tl />
            </div>
            <ActivityEditor />
            <commit::QuestionDialog tl=tl />
        </div>
    }
}
