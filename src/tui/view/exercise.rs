//! The exercise view: task, the four languages' files, and the focused language's result.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Tabs, Wrap};

use super::{SPINNER, short_name, status_span};
use crate::course::{Exercise, Language};
use crate::run::compare::visible_whitespace;
use crate::run::service::{RequestResult, ServiceReport};
use crate::run::{DiffOp, Outcome, Verdict};
use crate::style::{status_word, verdict_symbol};
use crate::tui::app::App;
use crate::tui::exercise::{Pane, PaneMode};

/// Width from which the four panes sit side by side.
const FOUR_COLUMNS: u16 = 160;
/// Width from which the panes form a 2x2 grid (below it: tabs).
const GRID: u16 = 100;

pub(super) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(ex) = app.current_exercise() else {
        return;
    };
    let theme = &app.theme;
    let task: Vec<Line> = match &app.exercise.task {
        Some((_, lines)) => lines.clone(),
        None => ex.task.lines().map(|l| Line::raw(l.to_string())).collect(),
    };
    // The title line plus the task, at most a quarter of the screen.
    let task_height = (task.len() as u16 + 1).min(area.height / 4).max(2);
    // The result panel grows with what it has to say, up to 40% of the screen.
    let result_lines = result_lines(app, ex, area.width as usize);
    let result_height = (result_lines.len() as u16 + 1).clamp(3, (area.height * 2 / 5).max(5));
    let [header, panes, result] = Layout::vertical([
        Constraint::Length(task_height),
        Constraint::Min(3),
        Constraint::Length(result_height),
    ])
    .areas(area);

    let lesson_title = app
        .course
        .lesson_of(&ex.slug)
        .map(|l| l.title.clone())
        .unwrap_or_default();
    let mut head = vec![Line::from(vec![
        Span::styled(format!(" {} ", ex.title), theme.heading[1]),
        Span::styled(format!(" {} · {}", ex.slug, lesson_title), theme.dim),
    ])];
    head.extend(task.into_iter().map(|l| {
        let mut spans = vec![Span::raw(" ")];
        spans.extend(l.spans);
        Line::from(spans)
    }));
    if head.len() > header.height as usize {
        // Say that there is more, on the last line that shows.
        head.truncate((header.height as usize).saturating_sub(1));
        head.push(Line::styled(" … t shows the whole task", theme.dim));
    }
    frame.render_widget(Paragraph::new(head), header);

    if area.width >= FOUR_COLUMNS {
        let cols = Layout::horizontal([Constraint::Ratio(1, 4); 4]).split(panes);
        for (i, lang) in Language::ALL.into_iter().enumerate() {
            render_pane(app, ex, lang, frame, cols[i]);
        }
    } else if area.width >= GRID {
        let [top, bottom] = Layout::vertical([Constraint::Ratio(1, 2); 2]).areas(panes);
        let [a, b] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(top);
        let [c, d] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(bottom);
        for (lang, rect) in Language::ALL.into_iter().zip([a, b, c, d]) {
            render_pane(app, ex, lang, frame, rect);
        }
    } else {
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(panes);
        let titles: Vec<Line> = Language::ALL
            .iter()
            .map(|&l| {
                let pane = app.exercise.panes.get(&l);
                let sym = if pane.is_some_and(|p| p.running) {
                    Span::styled(SPINNER[app.spinner % SPINNER.len()], theme.warn)
                } else {
                    status_span(theme, app.status(&ex.slug, l))
                };
                Line::from(vec![Span::raw(format!("{} ", short_name(l))), sym])
            })
            .collect();
        let selected = Language::ALL
            .iter()
            .position(|&l| l == app.exercise.focus)
            .unwrap_or(0);
        frame.render_widget(
            Tabs::new(titles)
                .select(selected)
                .highlight_style(theme.selected)
                .divider("│"),
            tabs,
        );
        render_pane(app, ex, app.exercise.focus, frame, pane);
    }
    render_result(app, result_lines, frame, result);
}

fn render_pane(app: &App, ex: &Exercise, lang: Language, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let focused = lang == app.exercise.focus;
    let empty = Pane::default();
    let pane = app.exercise.panes.get(&lang).unwrap_or(&empty);
    let show_solution = match app.exercise.mode {
        PaneMode::Mine => false,
        PaneMode::Solution => focused,
        PaneMode::Compare => !focused,
    };
    let status = app.status(&ex.slug, lang);
    let mut title = vec![Span::raw(format!(" {} ", lang.display_name()))];
    if pane.running {
        title.push(Span::styled(
            format!("{} checking ", SPINNER[app.spinner % SPINNER.len()]),
            theme.warn,
        ));
    } else if !app.is_available(lang) {
        title.push(Span::styled("- toolchain missing ", theme.warn));
    } else {
        title.push(status_span(theme, status));
        title.push(Span::raw(format!(" {} ", status_word(status))));
    }
    if show_solution {
        title.push(Span::styled("· reference solution ", theme.strong));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .title(Line::from(title));
    let lines: &[Line<'static>] = if show_solution {
        &pane.solution
    } else {
        &pane.highlighted
    };
    let visible: Vec<Line> = if lines.is_empty() {
        vec![Line::styled(
            if pane.source.is_none() {
                "loading…"
            } else {
                "(empty file)"
            },
            theme.dim,
        )]
    } else {
        let width = (lines.len().max(1)).ilog10() as usize + 1;
        lines
            .iter()
            .enumerate()
            .skip(pane.scroll)
            .take(area.height.saturating_sub(2) as usize)
            .map(|(i, l)| {
                let mut spans = vec![Span::styled(format!("{:>width$} ", i + 1), theme.dim)];
                spans.extend(l.spans.iter().cloned());
                Line::from(spans)
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(visible).block(block), area);
}

/// The focused language's result: every language's verdict in one line, then the details.
fn result_lines(app: &App, ex: &Exercise, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let focus = app.exercise.focus;
    let mut lines: Vec<Line> = Vec::new();
    // Every language's latest result in one line: the comparison is the point.
    let mut summary = Vec::new();
    for lang in Language::ALL {
        let pane = app.exercise.panes.get(&lang);
        summary.push(Span::raw(format!("{} ", lang.display_name())));
        match pane {
            Some(p) if p.running => summary.push(Span::styled(
                SPINNER[app.spinner % SPINNER.len()],
                theme.warn,
            )),
            Some(Pane {
                outcome: Some(o), ..
            }) => {
                summary.push(verdict_span(app, o.verdict));
                summary.push(Span::styled(
                    format!(" {}", duration(o.duration_ms)),
                    theme.dim,
                ));
            }
            _ => summary.push(status_span(theme, app.status(&ex.slug, lang))),
        }
        summary.push(Span::raw("   "));
    }
    lines.push(Line::from(summary));
    match app.exercise.focused() {
        Some(p) if p.running => lines.push(Line::styled(format!("checking {}… (Esc cancels)", focus.display_name()), theme.warn)),
        Some(Pane { outcome: Some(o), .. }) => outcome_lines(app, ex, o, &mut lines, width),
        _ => lines.push(Line::styled(
            if app.is_available(focus) { "r checks all four languages, Enter the focused one. e or i edits the file." } else { "This language's toolchain is not installed: run `microlings doctor` to see how to get it." },
            theme.dim,
        )),
    }
    for (i, hint) in ex.hints.iter().take(app.exercise.hints_shown).enumerate() {
        let kind = ["nudge", "concept", "nearly the answer"]
            .get(i)
            .copied()
            .unwrap_or("more");
        lines.push(Line::from(vec![
            Span::styled(format!("Hint {} ({kind}): ", i + 1), theme.strong),
            Span::raw(hint.clone()),
        ]));
    }
    lines
}

fn render_result(app: &App, lines: Vec<Line<'static>>, frame: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.border)
        .title(Line::from(format!(
            " Result: {} ",
            app.exercise.focus.display_name()
        )));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((app.exercise.result_scroll as u16, 0)),
        area,
    );
}

fn verdict_span(app: &App, v: Verdict) -> Span<'static> {
    let style = match v {
        Verdict::Passed => app.theme.good,
        Verdict::ToolchainMissing | Verdict::Cancelled => app.theme.warn,
        _ => app.theme.bad,
    };
    Span::styled(format!("{} {}", verdict_symbol(v), v.label()), style)
}

fn duration(ms: u64) -> String {
    crate::clock::duration_ms(ms)
}

/// Pushes `lead` + `text`, cut into lines of at most `width` columns by characters (output
/// lines like compact JSON have no spaces to wrap at), continuation lines indented under the
/// text.
fn push_wrapped(
    lines: &mut Vec<Line<'static>>,
    lead: &str,
    text: &str,
    style: Style,
    width: usize,
) {
    use unicode_width::UnicodeWidthChar;
    let lead_width = unicode_width::UnicodeWidthStr::width(lead);
    let room = width.saturating_sub(lead_width).max(8);
    let mut chunk = String::new();
    let mut used = 0;
    let mut first = true;
    let flush = |chunk: &mut String, first: &mut bool, lines: &mut Vec<Line<'static>>| {
        let lead = if *first {
            lead.to_string()
        } else {
            " ".repeat(lead_width)
        };
        lines.push(Line::from(vec![
            Span::styled(lead, style),
            Span::styled(std::mem::take(chunk), style),
        ]));
        *first = false;
    };
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            flush(&mut chunk, &mut first, lines);
            used = 0;
        }
        chunk.push(c);
        used += w;
    }
    if !chunk.is_empty() || first {
        flush(&mut chunk, &mut first, lines);
    }
}

fn outcome_lines(
    app: &App,
    ex: &Exercise,
    o: &Outcome,
    lines: &mut Vec<Line<'static>>,
    width: usize,
) {
    let theme = &app.theme;
    let mut head = vec![
        verdict_span(app, o.verdict),
        Span::styled(format!(" · {}", duration(o.duration_ms)), theme.dim),
    ];
    if let Some(case) = &o.case {
        head.push(Span::raw(format!(" · case '{case}'")));
    }
    if o.cached {
        head.push(Span::styled(" · unchanged, from cache", theme.dim));
    }
    lines.push(Line::from(head));
    if !o.message.is_empty() && o.verdict != Verdict::Passed {
        lines.push(Line::raw(o.message.clone()));
    }
    if let Some(service) = &o.service {
        service_lines(app, service, lines, width);
    }
    match o.verdict {
        Verdict::Passed => {
            if let Some(note) = ex.notes.get(&o.language) {
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{} note: ", o.language.display_name()),
                        theme.strong,
                    ),
                    Span::raw(note.clone()),
                ]));
            }
            lines.push(Line::styled("c compares your file with the other languages' reference solutions; n goes to the next exercise.", theme.dim));
        }
        Verdict::WrongOutput if o.service.is_none() => {
            if let Some(diff) = &o.diff {
                diff_lines(app, diff, lines, width);
            }
        }
        Verdict::WrongOutput => {}
        _ => {
            // What a crashing program printed first is part of the lesson (Python prints
            // half an answer before its type error).
            if o.verdict != Verdict::CompileError && !o.stdout.trim().is_empty() {
                lines.push(Line::styled("it printed:", theme.dim));
                let out: Vec<&str> = o.stdout.lines().collect();
                for l in &out[out.len().saturating_sub(10)..] {
                    push_wrapped(lines, "  ", l, theme.text, width);
                }
                lines.push(Line::styled("then, on stderr:", theme.dim));
            }
            for l in o.stderr.lines().take(200) {
                push_wrapped(lines, "│ ", l, theme.text, width);
            }
        }
    }
}

/// Expected versus actual, first mismatch marked, whitespace made visible where it differs.
fn diff_lines(app: &App, diff: &crate::run::Diff, lines: &mut Vec<Line<'static>>, width: usize) {
    let theme = &app.theme;
    lines.push(Line::from(vec![
        Span::styled("- expected  ", theme.bad),
        Span::styled("+ your output", theme.good),
    ]));
    for (i, l) in diff
        .lines
        .iter()
        .enumerate()
        .skip(diff.first_mismatch.saturating_sub(3))
    {
        let marker = if i == diff.first_mismatch { "▶" } else { " " };
        let text = if l.show_whitespace {
            visible_whitespace(&l.text)
        } else {
            l.text.clone()
        };
        let (prefix, style): (&str, Style) = match l.op {
            DiffOp::Equal => ("  ", theme.dim),
            DiffOp::Expected => ("- ", theme.bad),
            DiffOp::Actual => ("+ ", theme.good),
        };
        push_wrapped(lines, &format!("{marker} {prefix}"), &text, style, width);
    }
    if diff.lines.iter().any(|l| l.show_whitespace) {
        lines.push(Line::styled(
            "(· is a space, → a tab: those lines differ only in whitespace)",
            theme.dim,
        ));
    }
}

/// An HTTP check: start-up and shutdown, then each request with its own diff when it failed.
fn service_lines(app: &App, s: &ServiceReport, lines: &mut Vec<Line<'static>>, width: usize) {
    let theme = &app.theme;
    lines.push(Line::styled(s.lifecycle(), theme.dim));
    for r in &s.requests {
        let (symbol, style, detail) = match r.result {
            RequestResult::Passed => (
                "✓",
                theme.good,
                format!(
                    "{} · {}",
                    r.status.unwrap_or(r.expected_status),
                    duration(r.duration_ms)
                ),
            ),
            RequestResult::NotSent => ("·", theme.dim, "not sent".to_string()),
            RequestResult::Mismatch | RequestResult::TimedOut | RequestResult::NoReply => {
                ("✗", theme.bad, r.message.clone())
            }
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{symbol} "), style),
            Span::styled(r.name.clone(), theme.strong),
            Span::raw(format!("  {detail}")),
        ]));
        if let Some(diff) = &r.diff {
            diff_lines(app, diff, lines, width);
        }
    }
}
