//! The report screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::App;

pub(super) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let [header, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
    let (passed, total) = app.totals();
    let done = app.continue_target().is_none();
    let title = if done {
        " You finished the course. Here is what you did. "
    } else {
        " Your report so far "
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                ratatui::text::Span::styled(title, theme.heading[1]),
                ratatui::text::Span::styled(
                    format!(" {passed} of {total} passed · w saves it as Markdown"),
                    theme.dim,
                ),
            ]),
            Line::styled("─".repeat(header.width as usize), theme.border),
        ]),
        header,
    );
    let width = app.lesson_width();
    let left = (body.width.saturating_sub(width)) / 2;
    let text_area = Rect::new(body.x + left, body.y, width.min(body.width), body.height);
    if let Some(r) = &app.report.rendered {
        let lines: Vec<Line> = r
            .lines
            .iter()
            .skip(app.report.scroll)
            .take(body.height as usize)
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(lines), text_area);
    }
}
