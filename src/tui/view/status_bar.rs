//! The status bar: the keys that matter here, and what is going on.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::SPINNER;
use crate::tui::app::{App, Screen};
use crate::tui::keys::working;

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
        for b in working(app.key_context()).filter(|b| !b.short.is_empty()) {
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
