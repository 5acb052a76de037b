//! Popups: help, the first-run welcome, the task, the hints, confirmations.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::tui::app::{App, Confirm, Overlay};
use crate::tui::popup;

pub(super) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let Some(overlay) = &app.overlay else {
        return;
    };
    if !matches!(overlay, Overlay::Confirm(_)) {
        text_popup(app, overlay, frame);
        return;
    }
    let (title, lines): (&str, Vec<Line>) = match overlay {
        Overlay::Help | Overlay::Welcome | Overlay::Task | Overlay::Hints => return,
        Overlay::Confirm(Confirm::RevealSolution(lang)) => (
            " Show the solution? ",
            vec![
                Line::raw(format!(
                    "Show the reference solution for {}?",
                    lang.display_name()
                )),
                Line::raw(
                    if app
                        .exercise
                        .slug
                        .as_deref()
                        .is_some_and(|slug| app.ctx().passed(slug, *lang))
                    {
                        "You passed it: the reference is another way to write what you wrote."
                    } else {
                        "The hints (h) may get you there; the solution stays visible once shown."
                    },
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

/// A popup whose text and place update prepared (wrapped for this width), scrolled, with a
/// note in its bottom border when there is more.
fn text_popup(app: &App, overlay: &Overlay, frame: &mut Frame) {
    let theme = &app.theme;
    let p = &app.popup;
    let (rows, scroll) = (p.rows, p.scroll);
    let below = p.lines.len().saturating_sub(scroll + rows);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(popup::title(overlay));
    if below > 0 {
        block = block.title_bottom(Line::styled(
            format!(" ↓ {below} more: j or PgDn "),
            theme.warn,
        ));
    } else if scroll > 0 {
        block = block.title_bottom(Line::styled(" end · k scrolls up ", theme.dim));
    }
    let lines: Vec<Line> = p.lines.iter().skip(scroll).take(rows).cloned().collect();
    frame.render_widget(Clear, p.area);
    frame.render_widget(Paragraph::new(lines).block(block), p.area);
}
