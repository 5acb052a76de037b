//! Drawing: a pure function of [`App`]. Nothing here parses, highlights or reads files, and
//! the areas every update needs (pages, the result panel, popups) come from the layout update
//! computed; it only draws what update prepared.

mod exercise;
mod lab;
mod lesson;
mod map;
mod overlay;
mod report;
mod status_bar;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, MIN_SIZE, Screen};
use crate::course::Language;
use crate::progress::Status;
use crate::style::status_symbol;
use crate::theme::Theme;

/// Spinner frames for running checks.
pub const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// Draws the whole screen, in the layout update computed for the app's size.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if !app.fits() {
        too_small(app, frame, area);
        return;
    }
    if area != app.layout.screen {
        // The terminal has just changed size and its Resize message is on its way; the
        // layout is for the old size. Draw nothing rather than outside the frame: the next
        // frame, after the message, is right.
        return;
    }
    let body = app.layout.body;
    match app.screen {
        Screen::Map => map::render(app, frame),
        Screen::Lesson => lesson::render(app, frame),
        Screen::Exercise => exercise::render(app, frame),
        Screen::Report => report::render(app, frame),
        Screen::Lab => lab::render(app, frame),
    }
    if let Some(ed) = &app.editor {
        editor(app, ed, frame, body);
    }
    status_bar::render(app, frame, app.layout.status);
    overlay::render(app, frame, body);
}

/// The built-in editor, over the whole body: the file deserves the room. Below it, the
/// verdict of the last check of this file, so a save shows its result without leaving.
fn editor(app: &App, ed: &crate::tui::editor::EditorState, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let Some(layout) = &ed.layout else {
        return;
    };
    let dirty = if ed.dirty() { " · modified" } else { "" };
    let block = ratatui::widgets::Block::default()
        .borders(ratatui::widgets::Borders::ALL)
        .border_style(theme.border_focused)
        .title(Line::from(vec![
            Span::styled(
                format!(" Editing {} ", ed.language.file_name()),
                theme.strong,
            ),
            Span::styled(
                format!("({}){dirty} ", ed.language.display_name()),
                theme.dim,
            ),
        ]));
    let inner = block.inner(layout.edit);
    frame.render_widget(ratatui::widgets::Clear, area);
    frame.render_widget(block, layout.edit);
    // Line numbers in a gutter of their own stay put while long lines scroll sideways.
    let digits = ed.area.lines().len().max(1).ilog10() as u16 + 1;
    let [gutter, text] =
        Layout::horizontal([Constraint::Length(digits + 1), Constraint::Min(1)]).areas(inner);
    frame.render_widget(&ed.area, text);
    let (top, _) = ed.area.scroll_offset();
    let numbers: Vec<Line> = (usize::from(top)..ed.area.lines().len())
        .take(gutter.height as usize)
        .map(|i| Line::styled(format!("{:>w$} ", i + 1, w = digits as usize), theme.dim))
        .collect();
    frame.render_widget(Paragraph::new(numbers), gutter);
    if layout.result.height > 0 {
        let rows = layout.result.height.saturating_sub(1) as usize;
        let scroll = ed.result_scroll.min(layout.max_scroll());
        let below = layout.result_lines.len().saturating_sub(scroll + rows);
        let mut title = vec![Span::raw(" Last check ")];
        if layout.max_scroll() > 0 {
            title.push(Span::styled(
                if below > 0 {
                    format!("↓ {below} more ")
                } else {
                    "end ".to_string()
                },
                theme.warn,
            ));
            title.push(Span::styled("Alt-↑ Alt-↓ scroll ", theme.dim));
        } else {
            title.push(Span::styled("· Ctrl-S saves and checks again ", theme.dim));
        }
        let block = ratatui::widgets::Block::default()
            .borders(ratatui::widgets::Borders::TOP)
            .border_style(theme.border)
            .title(Line::from(title));
        let shown: Vec<Line> = layout
            .result_lines
            .iter()
            .skip(scroll)
            .take(rows)
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(shown).block(block), layout.result);
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::styled("terminal too small", app.theme.warn),
        Line::from(format!(
            "(need {}x{}, have {}x{})",
            MIN_SIZE.0, MIN_SIZE.1, area.width, area.height
        )),
    ];
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

/// A status as a styled symbol (colour is never the only signal).
pub fn status_span(theme: &Theme, status: Option<Status>) -> Span<'static> {
    let style = match status {
        Some(Status::Passed) => theme.good,
        Some(Status::Failed) => theme.bad,
        Some(Status::NotTried) => theme.dim,
        None => theme.warn,
    };
    Span::styled(status_symbol(status), style)
}

/// A short label for a language in tight places.
pub fn short_name(lang: Language) -> &'static str {
    match lang {
        Language::Python => "Py",
        Language::Go => "Go",
        Language::Java => "Java",
        Language::CSharp => "C#",
    }
}
