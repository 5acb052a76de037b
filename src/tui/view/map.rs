//! The course map.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, LineGauge, Paragraph, Wrap};

use super::{short_name, status_span};
use crate::course::Language;
use crate::style::status_word;
use crate::tui::app::{App, Target};
use crate::tui::map::Row;

pub(super) fn render(app: &App, frame: &mut Frame) {
    let theme = &app.theme;
    let areas = &app.layout.map;
    let (title, gauge) = (areas.title, areas.gauge);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(" microlings ", theme.heading[1]),
            Span::styled("choosing a language for microservices", theme.dim),
        ])),
        title,
    );
    let (passed, total) = app.totals();
    let ratio = if total == 0 {
        0.0
    } else {
        passed as f64 / total as f64
    };
    frame.render_widget(
        LineGauge::default()
            .ratio(ratio)
            .label(format!(
                " {passed} of {total} passed ({:.0}%) ",
                ratio * 100.0
            ))
            .filled_style(theme.good)
            .unfilled_style(theme.dim),
        gauge,
    );
    render_rows(app, frame, areas.list);
    if let Some(d) = areas.detail {
        render_detail(app, frame, d);
    }
}

fn render_rows(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let height = area.height as usize;
    let rows = &app.map.rows;
    // Keep the selection in the middle third when the list is longer than the screen.
    let offset = app
        .map
        .selected
        .saturating_sub(height / 3)
        .min(rows.len().saturating_sub(height));
    // pointer (2) + indent (5) + four "· Java " cells (7 each) + a space. Narrow screens
    // use "·P " cells and a smaller indent, so that names like typing-orders and
    // typing-parse-port stay apart.
    let narrow = area.width < 60;
    let (indent, cell) = if narrow { (1, 3) } else { (5, 7) };
    let slug_width = (area.width as usize)
        .saturating_sub(2 + indent + 4 * cell + 1)
        .clamp(6, 34);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(i, row)| {
            let selected = i == app.map.selected;
            let pointer = if selected { "▸ " } else { "  " };
            let mut line = match row {
                Row::Continue => {
                    let what = match app.continue_target() {
                        Some(Target::Lesson(l)) => {
                            format!("read “{}”", app.course.lessons[l].title)
                        }
                        Some(Target::Exercise(e)) => format!("exercise {e}"),
                        None => "you have finished the course".to_string(),
                    };
                    Line::from(vec![
                        Span::raw(pointer),
                        Span::styled("Continue: ", theme.strong),
                        Span::raw(what),
                    ])
                }
                Row::Lesson(l) => {
                    let lesson = &app.course.lessons[*l];
                    let read = app.progress.lessons_read.contains(&lesson.slug);
                    Line::from(vec![
                        Span::raw(pointer),
                        Span::styled(format!("{:>2}. {}", l + 1, lesson.title), theme.strong),
                        if read {
                            Span::styled("  ✓ read", theme.good)
                        } else {
                            Span::styled("  · unread", theme.dim)
                        },
                    ])
                }
                Row::Exercise(_, slug) => {
                    let name = if slug.chars().count() > slug_width {
                        // Cut in the middle: the ends tell exercises apart.
                        let head: String = slug.chars().take(slug_width / 2).collect();
                        let tail: String = slug
                            .chars()
                            .skip(slug.chars().count() + head.chars().count() + 1 - slug_width)
                            .collect();
                        format!("{head}…{tail}")
                    } else {
                        slug.clone()
                    };
                    let mut spans = vec![
                        Span::raw(pointer),
                        Span::raw(format!(
                            "{}{:<w$} ",
                            " ".repeat(indent),
                            name,
                            w = slug_width
                        )),
                    ];
                    for lang in Language::ALL {
                        if app.passed_earlier_version(slug, lang) {
                            spans.push(Span::styled("↻", theme.warn));
                        } else {
                            spans.push(status_span(theme, app.status(slug, lang)));
                        }
                        if narrow {
                            spans.push(Span::raw(format!("{:<2}", &short_name(lang)[..1])));
                        } else {
                            spans.push(Span::raw(format!(" {:<5}", short_name(lang))));
                        }
                    }
                    Line::from(spans)
                }
            };
            if selected {
                line = line.style(theme.selected);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

fn render_detail(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let mut lines: Vec<Line> = Vec::new();
    let title;
    match app.map.rows.get(app.map.selected) {
        Some(Row::Exercise(_, slug)) => {
            title = " Exercise ".to_string();
            if let Some(ex) = app.course.exercise(slug) {
                lines.push(Line::styled(ex.title.clone(), theme.heading[1]));
                lines.push(Line::raw(""));
                // The task, rendered by update for this panel's width.
                match &app.map.preview {
                    Some((s, _, preview)) if s == slug => lines.extend(preview.iter().cloned()),
                    _ => lines.extend(ex.task.lines().map(|l| Line::raw(l.to_string()))),
                }
                lines.push(Line::raw(""));
                for lang in Language::ALL {
                    let s = app.status(slug, lang);
                    let (symbol, word) = if app.passed_earlier_version(slug, lang) {
                        (
                            Span::styled("↻", theme.warn),
                            crate::tui::exercise::EARLIER_VERSION,
                        )
                    } else {
                        (status_span(theme, s), status_word(s))
                    };
                    lines.push(Line::from(vec![
                        symbol,
                        Span::raw(format!(" {:<7} {word}", lang.display_name())),
                    ]));
                }
            }
        }
        Some(Row::Lesson(l)) => {
            title = " Lesson ".to_string();
            let lesson = &app.course.lessons[*l];
            lines.push(Line::styled(lesson.title.clone(), theme.heading[1]));
            lines.push(Line::raw(""));
            let answered = (0..lesson.quizzes.len())
                .filter(|&i| app.progress.quiz_answer(&lesson.slug, i).is_some())
                .count();
            let read = app.progress.lessons_read.contains(&lesson.slug);
            lines.push(Line::raw(format!(
                "{}  ·  quizzes answered: {answered} of {}",
                if read { "read" } else { "not read yet" },
                lesson.quizzes.len()
            )));
            lines.push(Line::raw(""));
            lines.push(Line::styled("Exercises:", theme.strong));
            for e in &lesson.exercises {
                let done = app.exercise_done(e);
                let title = app
                    .course
                    .exercise(e)
                    .map_or(e.as_str(), |x| x.title.as_str());
                lines.push(Line::from(vec![
                    Span::styled(
                        if done { "✓ " } else { "· " },
                        if done { theme.good } else { theme.dim },
                    ),
                    Span::raw(title.to_string()),
                ]));
            }
        }
        _ => {
            title = " Welcome ".to_string();
            lines.push(Line::raw(format!(
                "{} lessons on choosing a language for microservices, and {} exercises in Python, Go, Java and C# side by side.",
                app.course.lessons.len(),
                app.course.exercises.len()
            )));
            lines.push(Line::raw(""));
            lines.push(Line::raw("Enter opens the selected lesson or exercise; c continues where you left off; ? shows every key."));
        }
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::LEFT)
                .border_style(theme.border)
                .title(title),
        ),
        area,
    );
}
