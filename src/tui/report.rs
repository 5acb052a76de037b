//! The report screen: the learner's summary rendered from the same Markdown that
//! `microlings progress --report` prints.

use super::intent::{Ctx, Intent};
use super::keys::Action;
use super::msg::Cmd;
use crate::markdown::{Rendered, render_in};

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
    /// Shows a report from its top.
    pub fn open(&mut self, markdown: String) {
        self.markdown = markdown;
        self.scroll = 0;
        self.invalidate();
    }

    /// Forces a new rendering.
    pub fn invalidate(&mut self) {
        self.width = 0;
    }

    /// Renders the report for the page's width, when that changed.
    pub(crate) fn refresh(&mut self, cx: &Ctx) {
        let width = cx.layout.page.measure;
        if self.width == width {
            return;
        }
        self.rendered = Some(render_in(&self.markdown, width, cx.theme, &[], cx.syntaxes));
        self.width = width;
    }

    /// What a key's action does on the report.
    pub(crate) fn on_action(&mut self, action: Action, cx: &Ctx) -> Vec<Intent> {
        let rows = cx.layout.page_rows();
        let lines = self.rendered.as_ref().map_or(0, |r| r.lines.len());
        let max = lines.saturating_sub(rows);
        let page = rows.saturating_sub(2).max(1);
        let s = &mut self.scroll;
        match action {
            Action::Back => return vec![Intent::ToMap],
            Action::Down => *s = (*s + 1).min(max),
            Action::Up => *s = s.saturating_sub(1),
            Action::PageDown => *s = (*s + page).min(max),
            Action::PageUp => *s = s.saturating_sub(page),
            Action::SaveReport => {
                return vec![Intent::Run(Cmd::SaveReport(self.markdown.clone()))];
            }
            _ => {}
        }
        Vec::new()
    }
}
