//! The report screen.

use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::tui::app::App;

pub(super) fn render(app: &App, frame: &mut Frame) {
    let theme = &app.theme;
    let (header, body) = (app.layout.page.header, app.layout.page.body);
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
    let text_area = app.layout.page.report_text;
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
