//! The lesson reader.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use crate::tui::app::App;

pub(super) fn render(app: &App, frame: &mut Frame) {
    let theme = &app.theme;
    let page = &app.layout.page;
    let (header, body) = (page.header, page.body);
    let Some(lesson) = app.course.lessons.get(app.lesson.index) else {
        return;
    };
    let total = app.lesson.line_count();
    let height = body.height as usize;
    let first = app.lesson.scroll.min(total);
    let last = (first + height).min(total);
    let percent = if total <= height {
        100
    } else {
        last * 100 / total
    };
    let position = format!("{}–{} of {} ({percent}%)", first + 1, last, total);
    let title = format!(
        " Lesson {} of {}: {} ",
        app.lesson.index + 1,
        app.course.lessons.len(),
        lesson.title
    );
    // The position always shows; a long title gives way.
    let room = (header.width as usize).saturating_sub(position.chars().count() + 2);
    let title = truncate(&title, room);
    let pad = (header.width as usize)
        .saturating_sub(title.chars().count() + position.chars().count() + 1);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(title, theme.heading[1]),
                Span::raw(" ".repeat(pad)),
                Span::styled(position, theme.dim),
            ]),
            Line::styled("─".repeat(header.width as usize), theme.border),
        ]),
        header,
    );
    let text_area = page.lesson_text;
    if let Some(rendered) = &app.lesson.rendered {
        let lines: Vec<Line> = rendered
            .lines
            .iter()
            .skip(first)
            .take(height)
            .cloned()
            .collect();
        frame.render_widget(Paragraph::new(lines), text_area);
    }
    if total > height {
        let mut state = ScrollbarState::new(total.saturating_sub(height)).position(first);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None),
            body,
            &mut state,
        );
    }
}

/// `text` cut to `max` characters, with an ellipsis when cut.
pub(super) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
