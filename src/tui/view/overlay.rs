//! Popups: help, the first-run welcome, confirmations.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::status_bar::context;
use crate::tui::app::{App, Confirm, Overlay};
use crate::tui::keys::{KeyContext, bindings};

pub(super) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let Some(overlay) = &app.overlay else {
        return;
    };
    let (title, lines): (&str, Vec<Line>) = match overlay {
        Overlay::Help => {
            let mut lines = Vec::new();
            for (name, ctx) in [("Here", context(app)), ("Everywhere", KeyContext::Global)] {
                lines.push(Line::styled(name, theme.heading[1]));
                for b in bindings(ctx) {
                    lines.push(Line::from(vec![
                        Span::styled(format!("  {:<22}", b.keys), theme.key),
                        Span::raw(b.action),
                    ]));
                }
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled("Any key closes this help.", theme.dim));
            (" Keys ", lines)
        }
        Overlay::Welcome => (
            " Welcome to microlings ",
            vec![
                Line::raw(
                    "Choosing a language for microservices: Python, Go, Java and C#, compared by running them.",
                ),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("Move  ", theme.strong),
                    Span::raw(
                        "↑ ↓ (or j k) to choose, Enter to open, Esc to go back. c continues where you left off.",
                    ),
                ]),
                Line::from(vec![
                    Span::styled("Check ", theme.strong),
                    Span::raw(
                        "in an exercise, r runs all four languages and compares their output; Enter runs one.",
                    ),
                ]),
                Line::from(vec![
                    Span::styled("Edit  ", theme.strong),
                    Span::raw(
                        "e opens your $EDITOR, i edits right here; saving from any editor re-checks.",
                    ),
                ]),
                Line::raw(""),
                Line::raw("? shows every key. q quits; you come back exactly where you left off."),
                Line::raw(""),
                Line::styled("Press any key to start.", theme.dim),
            ],
        ),
        Overlay::Task => {
            let mut lines: Vec<Line> = match &app.exercise.task {
                Some((_, task)) => task.clone(),
                None => Vec::new(),
            };
            lines.push(Line::raw(""));
            lines.push(Line::styled("Any key closes this.", theme.dim));
            (" Task ", lines)
        }
        Overlay::Confirm(Confirm::RevealSolution(lang)) => (
            " Show the solution? ",
            vec![
                Line::raw(format!(
                    "Show the reference solution for {}?",
                    lang.display_name()
                )),
                Line::raw(
                    "The hints (h) may get you there; the solution stays visible once shown.",
                ),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("y", theme.key),
                    Span::raw(" show it   "),
                    Span::styled("any other key", theme.key),
                    Span::raw(" not now"),
                ]),
            ],
        ),
        Overlay::Confirm(Confirm::DiscardEdits) => (
            " Unsaved changes ",
            vec![
                Line::raw("Leave the editor and discard your unsaved changes?"),
                Line::raw(""),
                Line::from(vec![
                    Span::styled("y", theme.key),
                    Span::raw(" discard   "),
                    Span::styled("any other key", theme.key),
                    Span::raw(" keep editing (Ctrl-S saves)"),
                ]),
            ],
        ),
    };
    let width = area.width.saturating_sub(4).min(76);
    let inner_width = width.saturating_sub(2).max(1) as usize;
    // Height of the wrapped text, so the box fits it.
    let text_height: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_width))
        .sum();
    let height = (text_height as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border_focused)
                .title(title),
        ),
        popup,
    );
}
