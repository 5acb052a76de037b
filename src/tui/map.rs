//! The course map: state and what its keys do.

use super::intent::{Ctx, Intent};
use super::keys::Action;
use crate::course::Course;

/// One row of the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// "Continue where you left off".
    Continue,
    /// A lesson, by index.
    Lesson(usize),
    /// An exercise of a lesson.
    Exercise(usize, String),
}

/// The map's rows and selection.
#[derive(Debug, Clone, Default)]
pub struct MapState {
    /// Every row, in order.
    pub rows: Vec<Row>,
    /// Index of the selected row.
    pub selected: usize,
    /// The selected exercise's task rendered for the detail panel: (slug, width, lines).
    pub preview: Option<(String, u16, Vec<ratatui::text::Line<'static>>)>,
}

impl MapState {
    /// Rows for a course, with "Continue" selected.
    pub fn new(course: &Course) -> Self {
        let mut rows = vec![Row::Continue];
        for (i, lesson) in course.lessons.iter().enumerate() {
            rows.push(Row::Lesson(i));
            rows.extend(lesson.exercises.iter().map(|e| Row::Exercise(i, e.clone())));
        }
        MapState {
            rows,
            selected: 0,
            preview: None,
        }
    }

    /// Moves the selection by `delta` rows, staying in range.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
    }

    /// Selects a lesson's row.
    pub fn select_lesson(&mut self, index: usize) {
        if let Some(i) = self.rows.iter().position(|r| *r == Row::Lesson(index)) {
            self.selected = i;
        }
    }

    /// Selects an exercise's row.
    pub fn select_exercise(&mut self, slug: &str) {
        if let Some(i) = self
            .rows
            .iter()
            .position(|r| matches!(r, Row::Exercise(_, s) if s == slug))
        {
            self.selected = i;
        }
    }

    /// The selected exercise, if an exercise row is selected.
    pub fn selected_exercise(&self) -> Option<&str> {
        match self.rows.get(self.selected) {
            Some(Row::Exercise(_, slug)) => Some(slug),
            _ => None,
        }
    }

    /// Renders the selected exercise's task for the detail panel when the selection or the
    /// width changed (drawing only copies the lines).
    pub(crate) fn refresh_preview(&mut self, cx: &Ctx) {
        let Some(width) = cx.layout.map.detail_width() else {
            return;
        };
        let Some(slug) = self.selected_exercise().map(str::to_string) else {
            return;
        };
        if self
            .preview
            .as_ref()
            .is_some_and(|(s, w, _)| *s == slug && *w == width)
        {
            return;
        }
        let Some(ex) = cx.exercise(&slug) else {
            return;
        };
        let lines = cx.markdown(&ex.task, width);
        self.preview = Some((slug, width, lines));
    }

    /// What a key's action does on the map.
    pub(crate) fn on_action(&mut self, action: Action) -> Vec<Intent> {
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-10),
            Action::PageDown => self.move_by(10),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = self.rows.len().saturating_sub(1),
            Action::Continue => return vec![Intent::Continue],
            Action::OpenReport => return vec![Intent::OpenReport],
            Action::OpenLab => return vec![Intent::OpenLab],
            Action::Open => {
                return match self.rows.get(self.selected) {
                    Some(Row::Continue) => vec![Intent::Continue],
                    Some(Row::Lesson(i)) => vec![Intent::OpenLesson(*i)],
                    Some(Row::Exercise(_, slug)) => vec![Intent::OpenExercise(slug.clone(), None)],
                    None => Vec::new(),
                };
            }
            _ => {}
        }
        Vec::new()
    }
}
