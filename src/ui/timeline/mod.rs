//! Tidslinje: the plan as a phase timeline (an SVG Gantt chart). The
//! geometry comes from [`crate::layout`]; [`chart`] draws it, keeping only
//! the rows in view in the DOM, and [`bar`] turns pointer and keyboard
//! input into date edits.
//!
//! Apart from the filter bar and the editor (shared with Aktiviteter), the
//! page is drawn with plain DOM calls (see [`dom`]) and kept current by
//! effects that all share one closure type. Each distinct `view!` tree,
//! memo and effect costs code in the release bundle, and this page would
//! otherwise push the bundle past its size budget.

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
use crate::layout::axis::AXIS_ROW_H;
use crate::layout::marks::{MILESTONE_ROW_H, PHASE_ROW_H};
use crate::layout::svg::chart_head_height;
use crate::layout::{
    axis, lanes, plan_range, print_px_per_day, print_zoom, scroll_to_show, AxisRow, DragMode,
    LaneOptions, Lanes, Scale, Zoom,
};
use crate::model::{ActivityId, TaskGroup, TaskNo};
use dom::{html, set, Listener};

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

/// Page margin when printing, on every side.
const PRINT_MARGIN_MM: f64 = 10.0;
/// Height kept on the printed page above the chart for the header and the legend.
const PRINT_HEAD_MM: f64 = 30.0;

impl Paper {
    /// Width and height in CSS pixels of the area the chart is fitted to
    /// when printing (landscape, inside the margins, below the header and
    /// legend).
    pub fn chart_area(self) -> (f64, f64) {
        let (w, h) = match self {
            Paper::A4 => (297.0, 210.0),
            Paper::A3 => (420.0, 297.0),
        };
        let px = 96.0 / 25.4;
        (
            (w - 2.0 * PRINT_MARGIN_MM) * px,
            (h - 2.0 * PRINT_MARGIN_MM - PRINT_HEAD_MM) * px,
        )
    }

    /// CSS page size name.
    pub fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::A3 => "A3",
        }
    }
}

/// How the user has set up the view.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ViewOpts {
    /// Zoom level.
    pub zoom: Zoom,
    /// Paper for printing.
    pub paper: Paper,
    /// Whether the page is being printed (every row drawn, fitted to the paper).
    pub printing: bool,
    /// Collapsed groups.
    pub groups: Vec<TaskGroup>,
    /// Collapsed main tasks.
    pub tasks: Vec<TaskNo>,
}

/// The time scale and its axis.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Frame {
    /// Dates to x.
    pub scale: Scale,
    /// The axis rows.
    pub axis: Vec<AxisRow>,
    /// How much the chart is shrunk to fit the paper when printing (1 on screen).
    pub zoom: f64,
}

/// State of the timeline page.
#[derive(Clone, Copy)]
pub(crate) struct Tl {
    /// Zoom, paper, printing and collapsing.
    pub opts: RwSignal<ViewOpts>,
    /// The rows, recomputed when the plan, filter or collapsing changes.
    pub lanes: Memo<Lanes>,
    /// The time scale, recomputed on zoom, size and plan range changes.
    pub frame: Memo<Frame>,
    /// Width of the chart's viewport.
    pub view_w: RwSignal<f64>,
    /// Height of the scroll viewport, rounded up to whole
    /// [`chart::ROW_STEP`]s (the drawn rows follow it, so a small change of
    /// size, such as the first measurement after a guess, redraws nothing).
    pub view_h: RwSignal<f64>,
    /// Vertical scroll position in coarse steps of [`chart::ROW_STEP`]
    /// (the drawn rows follow it).
    pub row_top: RwSignal<f64>,
    /// Horizontal scroll position.
    pub scroll_left: RwSignal<f64>,
    /// Horizontal scroll position in coarse steps (the drawn ticks follow it).
    pub tick_left: RwSignal<f64>,
    /// The bar being dragged.
    pub drag: RwSignal<Option<Drag>>,
    /// The bar under the pointer or focused, for the tooltip.
    pub hover: RwSignal<Option<ActivityId>>,
    /// A date change waiting for the user's answer about the phase window.
    pub question: RwSignal<Option<commit::Question>>,
    /// Today.
    pub today: NaiveDate,
}

impl Tl {
    /// The time scale (tracked).
    pub fn scale(&self) -> Scale {
        self.frame.with(|f| f.scale)
    }

    /// The time scale (untracked).
    pub fn scale_now(&self) -> Scale {
        self.frame.with_untracked(|f| f.scale)
    }

    /// Height of the chart head (phases, milestones, axis).
    pub fn head_h(&self) -> f64 {
        self.frame.with(|f| chart_head_height(&f.axis))
    }

    /// The scroll container.
    pub fn scroller(&self) -> Option<web_sys::HtmlElement> {
        document()
            .query_selector(".tl-scroll")
            .ok()
            .flatten()?
            .dyn_into()
            .ok()
    }

    /// The horizontal scroll position that puts `date` a third into the viewport.
    fn left_for(&self, date: NaiveDate) -> f64 {
        (self.scale_now().x(date) - self.view_w.get_untracked() / 3.0).max(0.0)
    }

    /// Scrolls so that `date` sits a third into the viewport.
    pub fn scroll_to_date(&self, date: NaiveDate) {
        if let Some(el) = self.scroller() {
            self.scroll_el_to_date(&el, date);
        }
    }

    /// Scrolls the scroll container `el` so that `date` sits a third into
    /// the viewport.
    fn scroll_el_to_date(&self, el: &web_sys::HtmlElement, date: NaiveDate) {
        el.set_scroll_left(self.left_for(date) as i32);
        read_scroll(*self, el);
    }

    /// Scrolls vertically so that the row at `y`..`y + h` is in view.
    pub fn scroll_row_into_view(&self, y: f64, h: f64) {
        let Some(el) = self.scroller() else { return };
        let top = f64::from(el.scroll_top());
        let view = f64::from(el.client_height())
            - self.frame.with_untracked(|f| chart_head_height(&f.axis));
        if y < top {
            el.set_scroll_top(y as i32);
        } else if y + h > top + view {
            el.set_scroll_top((y + h - view + 8.0) as i32);
        }
        read_scroll(*self, &el);
    }

    /// Scrolls horizontally so that the bar from `first` to `last` shows
    /// (a focused bar must not be out of sight or under the labels).
    pub fn scroll_span_into_view(&self, first: NaiveDate, last: NaiveDate) {
        let Some(el) = self.scroller() else { return };
        let (x, w) = self.scale_now().span(first, last);
        let left = f64::from(el.scroll_left());
        if let Some(to) = scroll_to_show(x, w, left, self.view_w.get_untracked()) {
            el.set_scroll_left(to as i32);
            read_scroll(*self, &el);
        }
    }

    /// Changes the view options.
    pub fn set_opts(&self, f: impl FnOnce(&mut ViewOpts)) {
        self.opts.update(f);
    }
}

fn new_state(app: AppState) -> Tl {
    let opts = RwSignal::new(ViewOpts {
        zoom: super::view_memory::load().zoom().unwrap_or(Zoom::Maaned),
        paper: Paper::A4,
        printing: false,
        groups: Vec::new(),
        tasks: Vec::new(),
    });
    let lanes = Memo::new(move |_| {
        let options = opts.with(|o| LaneOptions {
            filter: app.filter.get(),
            collapsed_groups: o.groups.clone(),
            collapsed_tasks: o.tasks.clone(),
        });
        app.plan
            .with(|p| p.as_ref().map(|p| lanes(p, &options)).unwrap_or_default())
    });
    let view_w = RwSignal::new(900.0);
    let frame = Memo::new(move |_| {
        let today = clock::today();
        let (first, last) = app
            .plan
            .with(|p| p.as_ref().map(plan_range))
            .unwrap_or((today, today));
        let days = (last - first).num_days() + 1;
        // Printing fits the whole chart on one page: the days fill the
        // page's width, and a chart too tall for the page is shrunk.
        let print = opts.with(|o| o.printing.then(|| o.paper.chart_area()));
        let rows_h = print.map_or(0.0, |_| lanes.with(|l| l.height));
        let ppd = match print {
            Some((w, h)) => {
                let head = PHASE_ROW_H + MILESTONE_ROW_H + 3.0 * AXIS_ROW_H;
                print_px_per_day(days, LABEL_W, head + rows_h, w, h)
            }
            // Only the zoom that fits the plan to the view depends on its
            // width: the others do not recompute on a resize.
            None => match opts.with(|o| o.zoom) {
                Zoom::Hele => Zoom::Hele.px_per_day(days, view_w.get()),
                zoom => zoom.px_per_day(days, 0.0),
            },
        };
        let scale = Scale::new(first, last, ppd);
        let axis = axis(&scale);
        let zoom = print.map_or(1.0, |(w, h)| {
            let height = chart_head_height(&axis) + rows_h;
            print_zoom(LABEL_W + scale.width(), height, w, h)
        });
        Frame { scale, axis, zoom }
    });
    Effect::new(move |_| {
        let zoom = opts.with(|o| o.zoom);
        super::view_memory::update(|m| m.set_zoom(zoom));
    });
    Tl {
        opts,
        lanes,
        frame,
        view_w,
        view_h: RwSignal::new(rows_h(700.0)),
        row_top: RwSignal::new(0.0),
        scroll_left: RwSignal::new(0.0),
        tick_left: RwSignal::new(0.0),
        drag: RwSignal::new(None),
        hover: RwSignal::new(None),
        question: RwSignal::new(None),
        today: clock::today(),
    }
}

/// Reads the scroll position into the state.
fn read_scroll(tl: Tl, el: &web_sys::Element) {
    let (top, left) = (f64::from(el.scroll_top()), f64::from(el.scroll_left()));
    let row_top = (top / chart::ROW_STEP).floor() * chart::ROW_STEP;
    if tl.row_top.get_untracked() != row_top {
        tl.row_top.set(row_top);
    }
    if tl.scroll_left.get_untracked() != left {
        tl.scroll_left.set(left);
    }
    let step = tick_step(left);
    if tl.tick_left.get_untracked() != step {
        tl.tick_left.set(step);
    }
}

/// The scroll position `left` in the coarse steps the drawn ticks follow.
fn tick_step(left: f64) -> f64 {
    (left / chart::TICK_STEP).floor() * chart::TICK_STEP
}

/// The viewport height `h` rounded up to whole [`chart::ROW_STEP`]s.
fn rows_h(h: f64) -> f64 {
    (h / chart::ROW_STEP).ceil() * chart::ROW_STEP
}

/// Reads the scroll container's size into the state.
fn measure(tl: Tl, el: &web_sys::Element) {
    let w = (f64::from(el.client_width()) - LABEL_W - 2.0).max(200.0);
    let h = rows_h(f64::from(el.client_height()));
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
    fn flip<T: PartialEq>(list: &mut Vec<T>, item: T) {
        match list.iter().position(|x| *x == item) {
            Some(i) => {
                list.remove(i);
            }
            None => list.push(item),
        }
    }
    if let Some(n) = key
        .strip_prefix("t:")
        .and_then(|n| n.parse::<u8>().ok())
        .and_then(TaskNo::new)
    {
        tl.set_opts(|o| flip(&mut o.tasks, n));
    } else if let Some(g) = TaskGroup::ALL
        .into_iter()
        .find(|g| key.strip_prefix("g:") == Some(&format!("{g:?}")))
    {
        tl.set_opts(|o| flip(&mut o.groups, g));
    }
}

/// The print header's date line.
fn printed_on() -> String {
    format!("Udskrevet {}", format::date(clock::today()))
}

/// The page's hand-drawn parts.
pub(crate) struct Ui {
    page: web_sys::Element,
    print_title: web_sys::Element,
    toolbar: web_sys::Element,
    count: web_sys::Element,
    undated: web_sys::Element,
    dialog: web_sys::HtmlDialogElement,
    page_style: web_sys::Element,
    chart: chart::Chart,
    texts: Vec<String>,
    undated_items: Vec<[String; 4]>,
    observer: Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>,
    _listeners: Vec<Listener>,
}

impl Drop for Ui {
    fn drop(&mut self) {
        self.page_style.remove();
        if let Some((obs, _)) = &self.observer {
            obs.disconnect();
        }
    }
}

/// Builds the page's hand-drawn parts into `area` (and the dialog into
/// `page`, the print header into `main`).
fn build(
    app: AppState,
    tl: Tl,
    page: &web_sys::Element,
    main: &web_sys::Element,
    area: &web_sys::Element,
) -> Ui {
    let header = html("header", "tl-print-header");
    let print_title = html("h1", "");
    let printed = html("p", "");
    printed.set_text_content(Some(&printed_on()));
    let stamp = printed.clone();
    let _ = header.append_child(&print_title);
    let _ = header.append_child(&printed);
    let _ = main.insert_before(&header, main.first_child().as_ref());
    let toolbar = html("div", "tl-toolbar");
    set(&toolbar, "role", "toolbar");
    set(&toolbar, "aria-label", "Tidslinjens værktøjer");
    toolbar.set_inner_html(toolbar::MARKUP);
    let legend = html("ul", "tl-legend");
    set(&legend, "aria-label", "Signaturforklaring");
    legend.set_inner_html(&toolbar::legend_markup());
    let count = html("p", "count-line");
    set(&count, "aria-live", "polite");
    let scroller = html("div", "tl-scroll");
    let keys = html("p", "hint tl-keys");
    set(&keys, "id", "tl-keys");
    keys.set_inner_html(toolbar::KEYS);
    let undated = html("section", "tl-undated");
    set(&undated, "aria-labelledby", "tl-undated-heading");
    set(&undated, "hidden", "");
    for el in [&toolbar, &legend, &count, &scroller, &keys, &undated] {
        let _ = area.append_child(el);
    }
    let dialog: web_sys::HtmlDialogElement = html("dialog", "tl-question").unchecked_into();
    set(&dialog, "aria-labelledby", "tl-question-heading");
    let _ = page.append_child(&dialog);
    let page_style = html("style", "");
    if let Some(head) = document().head() {
        let _ = head.append_child(&page_style);
    }
    let scroller: web_sys::HtmlElement = scroller.unchecked_into();
    let chart = chart::build(app, tl, &scroller);
    let win: web_sys::EventTarget = window().into();
    let listeners = vec![
        Listener::new(
            &toolbar,
            "click",
            Box::new(move |ev| toolbar::click(app, tl, ev)),
        ),
        Listener::new(
            &toolbar,
            "change",
            Box::new(move |ev| toolbar::change(tl, ev)),
        ),
        Listener::new(
            &undated,
            "click",
            Box::new(move |ev| undated::click(app, ev)),
        ),
        Listener::new(
            &dialog,
            "click",
            Box::new(move |ev| commit::click(app, tl, ev)),
        ),
        Listener::new(&dialog, "close", Box::new(move |_| commit::closed(tl))),
        Listener::new(
            &win,
            "beforeprint",
            Box::new(move |_| {
                // The page may have been open since an earlier day.
                stamp.set_text_content(Some(&printed_on()));
                tl.set_opts(|o| o.printing = true);
            }),
        ),
        Listener::new(
            &win,
            "afterprint",
            Box::new(move |_| tl.set_opts(|o| o.printing = false)),
        ),
    ];
    // Sizes are read when the browser lays the page out anyway (the
    // observer's first call), not by forcing a layout now; until then the
    // window's size is a good guess. The first call also scrolls to today.
    let inner =
        |v: Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| v.ok().and_then(|v| v.as_f64());
    if let (Some(w), Some(h)) = (
        inner(window().inner_width()),
        inner(window().inner_height()),
    ) {
        // main is at most 1400 px wide with 1.2rem padding (see main.css);
        // the scroller has 1 px borders.
        tl.view_w
            .set((w.min(1400.0) - 40.0 - LABEL_W - 2.0).max(200.0));
        // The scroller is 15rem less than the window high (see main.css),
        // less its borders and horizontal scroll bar.
        tl.view_h.set(rows_h((h - 240.0 - 17.0).max(300.0)));
    }
    // The first frame is drawn where the view will be (today a third in,
    // scrolled there by the observer's first call), not at the start and
    // then again.
    let (today, scale) = (tl.today, tl.scale_now());
    if scale.start <= today && today <= scale.last() {
        let most = (scale.width() - tl.view_w.get_untracked()).max(0.0);
        let left = tl.left_for(today).min(most);
        tl.scroll_left.set(left);
        tl.tick_left.set(tick_step(left));
    }
    let measured = scroller.clone();
    let mut first = true;
    let callback = Closure::<dyn FnMut()>::new(move || {
        measure(tl, &measured);
        if std::mem::take(&mut first) {
            let (today, scale) = (tl.today, tl.scale_now());
            if scale.start <= today && today <= scale.last() {
                tl.scroll_el_to_date(&measured, today);
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref())
        .ok()
        .map(|obs| {
            obs.observe(&scroller);
            (obs, callback)
        });
    Ui {
        page: page.clone(),
        print_title,
        toolbar,
        count,
        undated,
        dialog,
        page_style,
        chart,
        texts: vec![String::new(); 4],
        undated_items: Vec::new(),
        observer,
        _listeners: listeners,
    }
}

/// The count line, the print header, the page's layout with the editor
/// open, and the paper size for printing.
fn sync_page(app: AppState, tl: Tl, ui: &mut Ui) {
    let (dated, undated, empty) = tl
        .lanes
        .with(|l| (l.dated, l.undated.len(), l.rows.is_empty()));
    let count = if empty {
        "Ingen aktiviteter matcher filtrene.".to_string()
    } else {
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
        format!(
            "{} på tidslinjen{shown}{missing}",
            crate::model::count(dated, "aktivitet", "aktiviteter")
        )
    };
    dom::sync_text(&ui.count, &mut ui.texts[0], count);
    let title = app.plan.with(|p| {
        p.as_ref()
            .map(|p| format!("Tidslinje · {} · {}", p.kommune(), p.solution.name()))
            .unwrap_or_default()
    });
    dom::sync_text(&ui.print_title, &mut ui.texts[1], title);
    let editing = app.editing.with(Option::is_some);
    dom::sync_attr(
        &ui.page,
        "class",
        &mut ui.texts[2],
        if editing {
            "page timeline editing"
        } else {
            "page timeline"
        }
        .to_string(),
    );
    let paper = tl.opts.with(|o| o.paper.css());
    dom::sync_text(
        &ui.page_style,
        &mut ui.texts[3],
        format!("@page {{ size: {paper} landscape; margin: {PRINT_MARGIN_MM}mm; }}"),
    );
}

/// Runs `f` on the page's parts now and whenever what it reads changes,
/// building the parts on first use. Every effect of the page is made here,
/// so they share one closure type.
fn on_change(
    app: AppState,
    tl: Tl,
    ui: StoredValue<Option<Ui>, LocalStorage>,
    refs: (NodeRef<Div>, NodeRef<Div>, NodeRef<Div>),
    f: fn(AppState, Tl, &mut Ui),
) {
    Effect::new(move |_| {
        let (Some(page), Some(main), Some(area)) = (refs.0.get(), refs.1.get(), refs.2.get())
        else {
            return;
        };
        if ui.with_value(Option::is_none) {
            ui.set_value(Some(build(app, tl, &page, &main, &area)));
        }
        ui.update_value(|u| {
            if let Some(u) = u.as_mut() {
                f(app, tl, u);
            }
        });
    });
}

/// The timeline page.
#[component]
pub fn TimelinePage() -> impl IntoView {
    crate::ui::mark("tlp-component");
    let app = use_app();
    let tl = new_state(app);
    let refs = (
        NodeRef::<Div>::new(),
        NodeRef::<Div>::new(),
        NodeRef::<Div>::new(),
    );
    let ui = StoredValue::new_local(None::<Ui>);
    for f in [
        chart::draw_head as fn(AppState, Tl, &mut Ui),
        chart::draw_layers,
        chart::draw_rows,
        chart::draw_drag,
        chart::draw_tooltip,
        sync_page,
        toolbar::sync,
        undated::sync,
        commit::sync,
    ] {
        on_change(app, tl, ui, refs, f);
    }
    on_cleanup(move || {
        let _ = ui.try_update_value(Option::take);
    });
    crate::ui::mark("tlp-component-end");
    view! {
        <div class="page timeline" node_ref=refs.0>
            <div class="tl-main" node_ref=refs.1>
                <h1 class="tl-title">"Tidslinje"</h1>
                <FilterBar grouping=None />
                <div class="tl-area" node_ref=refs.2></div>
            </div>
            <ActivityEditor />
        </div>
    }
}
