//! The course map: state and key handling.

use crossterm::event::{KeyCode, KeyEvent};

use super::app::App;
use super::msg::Cmd;
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
    pub fn move_by(&mut self, delta: isize, _course: &Course) {
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
    pub fn select_exercise(&mut self, _course: &Course, slug: &str) {
        if let Some(i) = self
            .rows
            .iter()
            .position(|r| matches!(r, Row::Exercise(_, s) if s == slug))
        {
            self.selected = i;
        }
    }

    /// The selected exercise, if an exercise row is selected.
    pub fn selected_exercise<'a>(&'a self, _course: &Course) -> Option<&'a str> {
        match self.rows.get(self.selected) {
            Some(Row::Exercise(_, slug)) => Some(slug),
            _ => None,
        }
    }
}

impl App {
    /// Renders the selected exercise's task for the detail panel when the selection or the
    /// width changed (drawing only copies the lines).
    pub(crate) fn refresh_map_preview(&mut self) {
        if self.screen != super::app::Screen::Map {
            return;
        }
        let Some(width) = super::view::map_detail_width(self.size.0) else {
            return;
        };
        let Some(slug) = self.map.selected_exercise(&self.course).map(str::to_string) else {
            return;
        };
        if self
            .map
            .preview
            .as_ref()
            .is_some_and(|(s, w, _)| *s == slug && *w == width)
        {
            return;
        }
        let Some(ex) = self.course.exercise(&slug) else {
            return;
        };
        let lines = crate::markdown::render(&ex.task, width, &self.theme, &[]).lines;
        self.map.preview = Some((slug, width, lines));
    }

    pub(crate) fn map_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let course = self.course.clone();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.map.move_by(-1, &course),
            KeyCode::Down | KeyCode::Char('j') => self.map.move_by(1, &course),
            KeyCode::PageUp => self.map.move_by(-10, &course),
            KeyCode::PageDown => self.map.move_by(10, &course),
            KeyCode::Home | KeyCode::Char('g') => self.map.selected = 0,
            KeyCode::End | KeyCode::Char('G') => {
                self.map.selected = self.map.rows.len().saturating_sub(1)
            }
            KeyCode::Char('c') => return self.go_continue(),
            KeyCode::Char('R') => return self.open_report(),
            KeyCode::Char('L') => return self.open_lab(),
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => {
                return match self.map.rows.get(self.map.selected).cloned() {
                    Some(Row::Continue) => self.go_continue(),
                    Some(Row::Lesson(i)) => self.open_lesson(i),
                    Some(Row::Exercise(_, slug)) => self.open_exercise(&slug, None),
                    None => Vec::new(),
                };
            }
            _ => {}
        }
        Vec::new()
    }
}
