//! How the user has set up the views (Aktiviteter's filters and grouping,
//! the timeline's zoom), remembered for this tab over a reload in
//! sessionStorage. It is not plan data: never exported, never shared with
//! other tabs, and a missing, blocked or unreadable memory just means the
//! views start as they do on a first visit.

use serde::{Deserialize, Serialize};

use super::activities::Grouping;
use crate::layout::Zoom;
use crate::model::{ActivityFilter, Phase, Status, TaskNo};
use crate::storage::{Backend, LocalBackend};

/// The sessionStorage key.
const KEY: &str = "implan.view";

/// What is remembered, in a lenient form: a value that no longer reads
/// (an unknown phase, say) falls back to showing everything.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct ViewMemory {
    phase: Option<String>,
    task: Option<u8>,
    status: Option<String>,
    responsible: Option<String>,
    text: String,
    by_phase: bool,
    zoom: Option<String>,
}

impl ViewMemory {
    /// The remembered filter.
    pub fn filter(&self) -> ActivityFilter {
        ActivityFilter {
            phase: self.phase.as_deref().and_then(Phase::from_code),
            task: self.task.and_then(TaskNo::new),
            status: self.status.as_deref().and_then(Status::from_key),
            responsible: self.responsible.clone(),
            text: self.text.clone(),
        }
    }

    /// Remembers `filter`.
    pub fn set_filter(&mut self, filter: &ActivityFilter) {
        self.phase = filter.phase.map(|p| p.code().to_string());
        self.task = filter.task.map(TaskNo::get);
        self.status = filter.status.map(|s| s.key().to_string());
        self.responsible = filter.responsible.clone();
        self.text = filter.text.clone();
    }

    /// The remembered grouping of Aktiviteter.
    pub fn grouping(&self) -> Grouping {
        if self.by_phase {
            Grouping::Phase
        } else {
            Grouping::Task
        }
    }

    /// Remembers the grouping of Aktiviteter.
    pub fn set_grouping(&mut self, grouping: Grouping) {
        self.by_phase = grouping == Grouping::Phase;
    }

    /// The remembered zoom of the timeline, if any.
    pub fn zoom(&self) -> Option<Zoom> {
        self.zoom.as_deref().and_then(Zoom::from_key)
    }

    /// Remembers the zoom of the timeline.
    pub fn set_zoom(&mut self, zoom: Zoom) {
        self.zoom = Some(zoom.key().to_string());
    }

    /// Reads a stored memory; anything unreadable is a fresh start.
    fn decode(text: &str) -> ViewMemory {
        serde_json::from_str(text).unwrap_or_default()
    }

    /// The stored form.
    fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The memory stored in `session` (a fresh one if there is none).
fn read(session: &LocalBackend) -> ViewMemory {
    session
        .get(KEY)
        .ok()
        .flatten()
        .map(|text| ViewMemory::decode(&text))
        .unwrap_or_default()
}

/// This tab's remembered view set-up (a fresh one if there is none).
pub(crate) fn load() -> ViewMemory {
    LocalBackend::open_session()
        .map(|session| read(&session))
        .unwrap_or_default()
}

/// Changes the remembered view set-up with `f`; a storage failure is
/// ignored (the views work as before, they are just not remembered).
pub(crate) fn update(f: impl FnOnce(&mut ViewMemory)) {
    let Ok(session) = LocalBackend::open_session() else {
        return;
    };
    let mut memory = read(&session);
    let before = memory.clone();
    f(&mut memory);
    if memory != before {
        let _ = session.set(KEY, &memory.encode());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_grouping_and_zoom_come_back_as_they_were_set() {
        let filter = ActivityFilter {
            phase: Some(Phase::F2),
            task: TaskNo::new(9),
            status: Some(Status::IGang),
            responsible: Some(String::new()),
            text: "snitflade".into(),
        };
        let mut m = ViewMemory::default();
        m.set_filter(&filter);
        m.set_grouping(Grouping::Phase);
        m.set_zoom(Zoom::Uge);
        let back = ViewMemory::decode(&m.encode());
        assert_eq!(back.filter(), filter);
        assert_eq!(back.grouping(), Grouping::Phase);
        assert_eq!(back.zoom(), Some(Zoom::Uge));
    }

    #[test]
    fn unreadable_memory_starts_fresh_and_unknown_values_show_everything() {
        assert_eq!(ViewMemory::decode("{not json"), ViewMemory::default());
        let m =
            ViewMemory::decode(r#"{"phase":"F9","task":40,"status":"?","zoom":"år","text":"x"}"#);
        assert_eq!(
            m.filter(),
            ActivityFilter {
                text: "x".into(),
                ..ActivityFilter::default()
            }
        );
        assert_eq!(m.zoom(), None);
        assert_eq!(m.grouping(), Grouping::Task);
    }
}
