//! The exercise view: task, the four languages' files, and the focused language's result.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Tabs};

use super::{SPINNER, short_name};
use crate::course::{Exercise, Language};
use crate::run::compare::visible_whitespace;
use crate::run::service::{RequestResult, ServiceReport};
use crate::run::{DiffOp, Outcome, Verdict};
use crate::style::verdict_symbol;
use crate::tui::app::App;
use crate::tui::exercise::{Pane, PaneMode, Tone};

/// Width from which the four panes sit side by side.
const FOUR_COLUMNS: u16 = 160;
/// Width from which the panes form a 2x2 grid (below it: tabs).
const GRID: u16 = 100;

/// Where the parts of the exercise view go.
struct Areas {
    header: Rect,
    /// The code panes; `None` while the result takes the whole height.
    panes: Option<Rect>,
    result: Rect,
}

/// The task lines, the header's height and the layout, for the body area `area`.
fn areas(app: &App, area: Rect, result_len: usize) -> Areas {
    let task_len = app.exercise.task.as_ref().map_or(2, |(_, t)| t.len());
    // The title line plus the start of the task: a fifth of the screen at most; `t` shows it
    // all.
    let task_height = (task_len as u16 + 1).min(area.height / 5).max(2);
    if app.exercise.result_full {
        let [header, result] =
            Layout::vertical([Constraint::Length(task_height), Constraint::Min(3)]).areas(area);
        return Areas {
            header,
            panes: None,
            result,
        };
    }
    // The result grows with what it has to say, up to half the screen; the code keeps at
    // least a few lines (f gives the result everything).
    let most = (area.height / 2).max(5);
    let result_height = (result_len as u16 + 1).clamp(3, most);
    let [header, panes, result] = Layout::vertical([
        Constraint::Length(task_height),
        Constraint::Min(3),
        Constraint::Length(result_height),
    ])
    .areas(area);
    Areas {
        header,
        panes: Some(panes),
        result,
    }
}

/// The body of the screen (everything but the status bar).
fn body(app: &App) -> Rect {
    Rect::new(0, 0, app.size.0, app.size.1.saturating_sub(1))
}

/// How far the focused language's result can scroll: its lines minus the rows it gets.
pub fn result_max_scroll(app: &App) -> usize {
    let Some(ex) = app.current_exercise() else {
        return 0;
    };
    let area = body(app);
    let lines = result_lines(app, ex, area.width as usize);
    let rows = areas(app, area, lines.len())
        .result
        .height
        .saturating_sub(1) as usize;
    lines.len().saturating_sub(rows)
}

pub(super) fn render(app: &App, frame: &mut Frame, area: Rect) {
    let Some(ex) = app.current_exercise() else {
        return;
    };
    let theme = &app.theme;
    let task: Vec<Line> = match &app.exercise.task {
        Some((_, lines)) => lines.clone(),
        None => ex.task.lines().map(|l| Line::raw(l.to_string())).collect(),
    };
    let result_lines = result_lines(app, ex, area.width as usize);
    let Areas {
        header,
        panes,
        result,
    } = areas(app, area, result_lines.len());

    let lesson_title = app
        .course
        .lesson_of(&ex.slug)
        .map(|l| l.title.clone())
        .unwrap_or_default();
    let mut head = vec![Line::from(vec![
        Span::styled(format!(" {} ", ex.title), theme.heading[1]),
        Span::styled(format!(" {} · {}", ex.slug, lesson_title), theme.dim),
    ])];
    let room = header.height as usize;
    let fits = task.len() < room;
    // A preview that does not fit drops its blank lines: more of the task shows.
    head.extend(task.into_iter().filter(|l| fits || l.width() > 0).map(|l| {
        let mut spans = vec![Span::raw(" ")];
        spans.extend(l.spans);
        Line::from(spans)
    }));
    if head.len() > room {
        // Say that there is more, on the last line that shows.
        head.truncate(room.saturating_sub(1));
        head.push(Line::styled(" … t shows the whole task", theme.dim));
    }
    frame.render_widget(Paragraph::new(head), header);

    if let Some(panes) = panes {
        render_panes(app, ex, frame, panes);
    }
    render_result(app, result_lines, frame, result);
}

fn render_panes(app: &App, ex: &Exercise, frame: &mut Frame, panes: Rect) {
    let theme = &app.theme;
    if panes.width >= FOUR_COLUMNS {
        let cols = Layout::horizontal([Constraint::Ratio(1, 4); 4]).split(panes);
        for (i, lang) in Language::ALL.into_iter().enumerate() {
            render_pane(app, ex, lang, frame, cols[i]);
        }
    } else if panes.width >= GRID {
        let [top, bottom] = Layout::vertical([Constraint::Ratio(1, 2); 2]).areas(panes);
        let [a, b] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(top);
        let [c, d] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(bottom);
        for (lang, rect) in Language::ALL.into_iter().zip([a, b, c, d]) {
            render_pane(app, ex, lang, frame, rect);
        }
    } else {
        let [tabs, pane] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(panes);
        // In compare mode the tabs pick the solution to read; else the language to work on.
        let shown = if app.exercise.mode == PaneMode::Compare {
            app.exercise.compare
        } else {
            app.exercise.focus
        };
        let titles: Vec<Line> = Language::ALL
            .iter()
            .map(|&l| {
                let state = app.lang_state(l);
                let sym = if state.running {
                    Span::styled(SPINNER[app.spinner % SPINNER.len()], theme.warn)
                } else {
                    Span::styled(state.label().0, tone_style(app, state.tone()))
                };
                Line::from(vec![Span::raw(format!("{} ", short_name(l))), sym])
            })
            .collect();
        let selected = Language::ALL.iter().position(|&l| l == shown).unwrap_or(0);
        frame.render_widget(
            Tabs::new(titles)
                .select(selected)
                .highlight_style(theme.selected)
                .divider("│"),
            tabs,
        );
        render_pane(app, ex, shown, frame, pane);
    }
}

/// The colour of a state.
fn tone_style(app: &App, tone: Tone) -> Style {
    match tone {
        Tone::Good => app.theme.good,
        Tone::Bad => app.theme.bad,
        Tone::Busy => app.theme.warn,
        Tone::Neutral => app.theme.dim,
    }
}

fn render_pane(app: &App, _ex: &Exercise, lang: Language, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let focused = lang == app.exercise.focus;
    let empty = Pane::default();
    let pane = app.exercise.panes.get(&lang).unwrap_or(&empty);
    let show_solution = match app.exercise.mode {
        PaneMode::Mine => false,
        PaneMode::Solution => focused,
        PaneMode::Compare => !focused,
    };
    let state = app.lang_state(lang);
    let mut title = vec![Span::raw(format!(" {} ", lang.display_name()))];
    if state.running {
        title.push(Span::styled(
            format!("{} checking ", SPINNER[app.spinner % SPINNER.len()]),
            theme.warn,
        ));
    } else {
        let (symbol, words) = state.label();
        title.push(Span::styled(
            format!("{symbol} {words} "),
            tone_style(app, state.tone()),
        ));
    }
    if show_solution {
        title.push(Span::styled("· reference solution ", theme.strong));
    } else if app.exercise.mode == PaneMode::Compare {
        title.push(Span::styled("· yours ", theme.strong));
    }
    let highlighted =
        focused || (app.exercise.mode == PaneMode::Compare && lang == app.exercise.compare);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if highlighted {
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
    // The solution is read from its top; the learner's file where they left it.
    let scroll = if show_solution { 0 } else { pane.scroll };
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
            .skip(scroll)
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

/// The focused language's result, wrapped to `width`: every language's verdict in one line
/// (when the panes do not already show them), then the details.
pub(super) fn result_lines(app: &App, ex: &Exercise, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let focus = app.exercise.focus;
    let mut lines: Vec<Line> = Vec::new();
    // The tabs of the narrow layout already show each language's state.
    if width >= usize::from(GRID) {
        let mut summary = Vec::new();
        for lang in Language::ALL {
            let state = app.lang_state(lang);
            summary.push(Span::raw(format!("{} ", short_name(lang))));
            if state.running {
                summary.push(Span::styled(
                    SPINNER[app.spinner % SPINNER.len()],
                    theme.warn,
                ));
            } else {
                let (symbol, words) = state.label();
                summary.push(Span::styled(
                    format!("{symbol} {words}"),
                    tone_style(app, state.tone()),
                ));
                if let Some(o) = app
                    .exercise
                    .panes
                    .get(&lang)
                    .and_then(|p| p.outcome.as_ref())
                {
                    summary.push(Span::styled(
                        format!(" {}", duration(o.duration_ms)),
                        theme.dim,
                    ));
                }
            }
            summary.push(Span::raw("   "));
        }
        lines.push(Line::from(summary));
    }
    match app.exercise.focused() {
        Some(p) if p.running => lines.push(Line::styled(
            format!("checking {}… (Esc cancels)", focus.display_name()),
            theme.warn,
        )),
        Some(Pane {
            outcome: Some(o), ..
        }) => outcome_lines(app, ex, o, &mut lines, width),
        _ => {
            let state = app.lang_state(focus);
            let text = if !state.available {
                "This language's toolchain is not installed: run `microlings doctor` to see how to get it.".to_string()
            } else if let Some(v) = state.verdict {
                format!(
                    "Last check: {} {}. Enter checks it again and shows why.",
                    verdict_symbol(v),
                    v.label()
                )
            } else {
                "r checks all four languages, Enter the focused one. i edits the file here, e in your editor.".to_string()
            };
            for l in crate::tui::popup::wrap_words(&text, width) {
                lines.push(Line::styled(l, theme.dim));
            }
        }
    }
    if app.exercise.hints_shown > 0
        && let Some((_, texts)) = &app.exercise.texts
    {
        for (i, hint) in texts
            .hints
            .iter()
            .take(app.exercise.hints_shown)
            .enumerate()
        {
            lines.push(Line::styled(
                format!("Hint {} ({}):", i + 1, crate::tui::popup::hint_kind(i)),
                theme.strong,
            ));
            indent(&mut lines, hint);
        }
    }
    lines
}

/// The verdict of a language's latest check in this session (and the start of its details),
/// for the built-in editor; empty before the first check.
pub(super) fn editor_result(app: &App, lang: Language, width: usize) -> Vec<Line<'static>> {
    let Some(ex) = app.current_exercise() else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    match app.exercise.panes.get(&lang) {
        Some(p) if p.running => lines.push(Line::styled(
            format!(
                "{} checking {}… (Esc, after leaving the editor, cancels)",
                SPINNER[app.spinner % SPINNER.len()],
                lang.display_name()
            ),
            app.theme.warn,
        )),
        Some(Pane {
            outcome: Some(o), ..
        }) => outcome_lines(app, ex, o, &mut lines, width),
        _ => {}
    }
    lines
}

/// Pushes rendered Markdown lines, two columns in.
fn indent(lines: &mut Vec<Line<'static>>, text: &[Line<'static>]) {
    for l in text {
        let mut spans = vec![Span::raw("  ")];
        spans.extend(l.spans.iter().cloned());
        lines.push(Line::from(spans));
    }
}

fn render_result(app: &App, lines: Vec<Line<'static>>, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let rows = area.height.saturating_sub(1) as usize;
    let max = lines.len().saturating_sub(rows);
    let scroll = app
        .exercise
        .focused()
        .map_or(0, |p| p.result_scroll)
        .min(max);
    let mut title = vec![Span::raw(format!(
        " Result: {} ",
        app.exercise.focus.display_name()
    ))];
    if max > 0 {
        let below = lines.len() - scroll - rows.min(lines.len());
        let more = if below > 0 {
            format!("↓ {below} more ")
        } else {
            "end ".to_string()
        };
        let keys = if app.exercise.result_full {
            "J K scroll · f code "
        } else {
            "J K scroll · f full height "
        };
        title.push(Span::styled(more, theme.warn));
        title.push(Span::styled(keys, theme.dim));
    } else if app.exercise.result_full {
        title.push(Span::styled("f: back to the code ", theme.dim));
    }
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Line::from(title));
    frame.render_widget(Clear, area);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
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
    push_wrapped_spans(lines, lead, style, &[(text.to_string(), style)], width);
}

/// [`push_wrapped`] for text in pieces of different styles.
fn push_wrapped_spans(
    lines: &mut Vec<Line<'static>>,
    lead: &str,
    lead_style: Style,
    pieces: &[(String, Style)],
    width: usize,
) {
    use unicode_width::UnicodeWidthChar;
    let lead_width = unicode_width::UnicodeWidthStr::width(lead);
    let room = width.saturating_sub(lead_width).max(8);
    let mut row: Vec<Span<'static>> = vec![Span::styled(lead.to_string(), lead_style)];
    let mut used = 0;
    let mut emitted = false;
    for (text, style) in pieces {
        let mut chunk = String::new();
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                if !chunk.is_empty() {
                    row.push(Span::styled(std::mem::take(&mut chunk), *style));
                }
                lines.push(Line::from(std::mem::take(&mut row)));
                emitted = true;
                row.push(Span::styled(" ".repeat(lead_width), lead_style));
                used = 0;
            }
            chunk.push(c);
            used += w;
        }
        if !chunk.is_empty() {
            row.push(Span::styled(chunk, *style));
        }
    }
    // An empty text still gets its line (a blank output line is part of the output).
    if row.len() > 1 || !emitted {
        lines.push(Line::from(row));
    }
}

/// Lines of a case's input shown above its diff.
const MAX_INPUT_LINES: usize = 8;

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
    if o.cached {
        head.push(Span::styled(" · unchanged, from cache", theme.dim));
    }
    lines.push(Line::from(head));
    if !o.message.is_empty() && o.verdict != Verdict::Passed {
        for l in crate::tui::popup::wrap_words(&o.message, width) {
            lines.push(Line::raw(l));
        }
    }
    if o.service.is_none() && o.verdict != Verdict::Passed {
        case_input_lines(app, ex, o, lines, width);
    }
    if let Some(service) = &o.service {
        service_lines(app, service, lines, width);
    }
    match o.verdict {
        Verdict::Passed => {
            let note = app
                .exercise
                .texts
                .as_ref()
                .and_then(|(_, t)| t.notes.get(&o.language));
            if let Some(note) = note {
                lines.push(Line::styled(
                    format!("{} note:", o.language.display_name()),
                    theme.strong,
                ));
                indent(lines, note);
            }
            for l in crate::tui::popup::wrap_words(
                "c compares your file with the other languages' reference solutions; n goes to the next exercise.",
                width,
            ) {
                lines.push(Line::styled(l, theme.dim));
            }
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

/// The failing case's name and what it read on stdin, so each output line can be matched to
/// the input that produced it.
fn case_input_lines(
    app: &App,
    ex: &Exercise,
    o: &Outcome,
    lines: &mut Vec<Line<'static>>,
    width: usize,
) {
    let theme = &app.theme;
    let Some(name) = &o.case else {
        return;
    };
    let input = ex
        .cases
        .iter()
        .find(|c| &c.name == name)
        .and_then(|c| c.input.as_deref())
        .map(String::from_utf8_lossy);
    let Some(input) = input else {
        lines.push(Line::from(vec![
            Span::styled(format!("case '{name}'"), theme.strong),
            Span::styled(" (no input)", theme.dim),
        ]));
        return;
    };
    lines.push(Line::from(vec![
        Span::styled(format!("case '{name}'"), theme.strong),
        Span::styled(", its input (stdin):", theme.dim),
    ]));
    let all: Vec<&str> = input.lines().collect();
    for l in all.iter().take(MAX_INPUT_LINES) {
        push_wrapped(
            lines,
            "  < ",
            &visible_whitespace_edges(l),
            theme.text,
            width,
        );
    }
    if all.len() > MAX_INPUT_LINES {
        lines.push(Line::styled(
            format!("  … {} more input lines", all.len() - MAX_INPUT_LINES),
            theme.dim,
        ));
    }
}

/// Leading and trailing spaces of an input line shown as `·`: ` 443` is the point of a case.
fn visible_whitespace_edges(line: &str) -> String {
    let start = line.len() - line.trim_start().len();
    let end = line.trim_end().len().max(start);
    format!(
        "{}{}{}",
        visible_whitespace(&line[..start]),
        &line[start..end],
        visible_whitespace(&line[end..])
    )
}

/// Expected versus actual, first mismatch marked, the changed characters of a changed line
/// marked too, whitespace made visible where it differs.
fn diff_lines(app: &App, diff: &crate::run::Diff, lines: &mut Vec<Line<'static>>, width: usize) {
    let theme = &app.theme;
    lines.push(Line::from(vec![
        Span::styled("- expected  ", theme.bad),
        Span::styled("+ your output", theme.good),
        Span::styled("  (changed characters reversed)", theme.dim),
    ]));
    let marks = crate::inline_diff::changed_chars(diff);
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
        let changed = style.add_modifier(Modifier::REVERSED | Modifier::BOLD);
        let pieces: Vec<(String, Style)> = crate::inline_diff::split(&text, &marks[i])
            .into_iter()
            .map(|(t, c)| (t, if c { changed } else { style }))
            .collect();
        push_wrapped_spans(lines, &format!("{marker} {prefix}"), style, &pieces, width);
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
