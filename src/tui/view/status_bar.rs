//! The status bar: the keys that matter here, and what is going on.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::SPINNER;
use crate::tui::app::{App, Overlay, Screen};
use crate::tui::keys::{KeyContext, working};

/// The key context of what has the keys now: a popup, else the editor, else the screen.
pub fn context(app: &App) -> KeyContext {
    match &app.overlay {
        Some(Overlay::Confirm(_)) => KeyContext::Confirm,
        Some(_) => KeyContext::Popup,
        None => context_under_popup(app),
    }
}

/// The key context of the screen (or editor) under any popup: what the help describes.
pub fn context_under_popup(app: &App) -> KeyContext {
    if app.editor.is_some() {
        return KeyContext::Editor;
    }
    match app.screen {
        Screen::Map => KeyContext::Map,
        Screen::Lesson => KeyContext::Lesson,
        Screen::Exercise => KeyContext::Exercise,
        Screen::Report => KeyContext::Report,
        Screen::Lab => KeyContext::Lab,
    }
}

pub(super) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut right: Vec<Span> = Vec::new();
    let running = app.exercise.panes.values().filter(|p| p.running).count();
    if app.screen == Screen::Exercise && app.overlay.is_none() {
        if running > 0 {
            right.push(Span::styled(
                format!(
                    " {} checking {running} ",
                    SPINNER[app.spinner % SPINNER.len()]
                ),
                theme.warn,
            ));
        }
        right.push(Span::raw(if app.watching {
            " ◉ watching "
        } else {
            " ○ not watching "
        }));
    }
    let right_width: usize = right.iter().map(|s| s.width()).sum();
    let mut left: Vec<Span> = Vec::new();
    if let Some(msg) = &app.message {
        left.push(Span::styled(format!(" {msg} "), theme.strong));
    } else {
        // Only keys that work here: the editor types `?` and `q`, a question takes `y`.
        for b in working(context(app)).filter(|b| !b.short.is_empty()) {
            // The first of a binding's keys is enough here; the help lists them all.
            let first = b.keys.split("  ").next().unwrap_or(b.keys);
            left.push(Span::styled(format!(" {first}"), theme.key));
            left.push(Span::raw(format!(" {} ", b.short)));
        }
    }
    // Drop key hints from the end until everything fits.
    let width = area.width as usize;
    while left.iter().map(|s| s.width()).sum::<usize>() + right_width > width && left.len() > 1 {
        left.truncate(left.len() - 2);
    }
    let used: usize = left.iter().map(|s| s.width()).sum::<usize>() + right_width;
    let mut spans = left;
    spans.push(Span::raw(" ".repeat(width.saturating_sub(used))));
    spans.extend(right);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status_bar),
        area,
    );
}
