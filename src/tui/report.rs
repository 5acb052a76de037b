//! The report screen: the learner's summary rendered from the same Markdown that
//! `microlings progress --report` prints.

use crossterm::event::{KeyCode, KeyEvent};

use super::app::{App, Screen};
use super::msg::Cmd;
use crate::markdown::{Rendered, render};

/// The report screen's state.
#[derive(Debug, Default)]
pub struct ReportState {
    /// The report as Markdown.
    pub markdown: String,
    /// Rendered for `width`.
    pub rendered: Option<Rendered>,
    /// First visible line.
    pub scroll: usize,
    width: u16,
}

impl ReportState {
    /// Forces a new rendering.
    pub fn invalidate(&mut self) {
        self.width = 0;
    }
}

impl App {
    /// Shows the report.
    pub fn open_report(&mut self) -> Vec<Cmd> {
        self.report.markdown =
            crate::report::markdown(&self.course, &self.progress, self.started_at);
        self.report.scroll = 0;
        self.report.invalidate();
        self.screen = Screen::Report;
        vec![Cmd::Watch(None)]
    }

    pub(crate) fn refresh_report(&mut self) {
        let width = self.lesson_width();
        if self.screen != Screen::Report || self.report.width == width {
            return;
        }
        self.report.rendered = Some(render(&self.report.markdown, width, &self.theme, &[]));
        self.report.width = width;
    }

    pub(crate) fn report_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let lines = self.report.rendered.as_ref().map_or(0, |r| r.lines.len());
        let max = lines.saturating_sub(self.lesson_view_height());
        let page = self.lesson_view_height().saturating_sub(2).max(1);
        let s = &mut self.report.scroll;
        match key.code {
            KeyCode::Esc | KeyCode::Backspace => return self.to_map(),
            KeyCode::Down | KeyCode::Char('j') => *s = (*s + 1).min(max),
            KeyCode::Up | KeyCode::Char('k') => *s = s.saturating_sub(1),
            KeyCode::PageDown | KeyCode::Char(' ') => *s = (*s + page).min(max),
            KeyCode::PageUp => *s = s.saturating_sub(page),
            KeyCode::Char('w') => return vec![Cmd::SaveReport(self.report.markdown.clone())],
            _ => {}
        }
        Vec::new()
    }
}
