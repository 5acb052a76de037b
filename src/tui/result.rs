//! The exercise's result panel as lines: built in update, where the layout and the keys that
//! scroll the result need them, and copied by the view.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::exercise::{ExerciseState, Pane, Tone};
use super::intent::Ctx;
use super::layout::GRID;
use super::view::{SPINNER, short_name};
use crate::course::{Exercise, Language};
use crate::learner::outcome::{self, Excerpt};
use crate::run::compare::visible_whitespace;
use crate::run::service::{RequestResult, ServiceReport};
use crate::run::{DiffOp, Outcome, Verdict};
use crate::theme::Theme;

/// What the result is built from.
struct Rx<'a> {
    exercise: &'a ExerciseState,
    cx: &'a Ctx<'a>,
    spinner: usize,
}

/// The focused language's result, for the width of the screen.
pub fn lines(exercise: &ExerciseState, cx: &Ctx, spinner: usize) -> Vec<Line<'static>> {
    let Some(ex) = exercise.exercise(cx) else {
        return Vec::new();
    };
    let r = Rx {
        exercise,
        cx,
        spinner,
    };
    result_lines(&r, ex, usize::from(cx.layout.body.width))
}

/// The colour of a state.
pub fn tone_style(theme: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::Good => theme.good,
        Tone::Bad => theme.bad,
        Tone::Busy => theme.warn,
        Tone::Neutral => theme.dim,
    }
}

/// The focused language's result, wrapped to `width`: every language's verdict in one line
/// (when the panes do not already show them), then the details.
fn result_lines(r: &Rx<'_>, ex: &Exercise, width: usize) -> Vec<Line<'static>> {
    let theme = r.cx.theme;
    let focus = r.exercise.focus;
    let mut lines: Vec<Line> = Vec::new();
    // The tabs of the narrow layout already show each language's state.
    if width >= usize::from(GRID) {
        let mut summary = Vec::new();
        for lang in Language::ALL {
            let state = r.exercise.lang_state(lang, r.cx);
            summary.push(Span::raw(format!("{} ", short_name(lang))));
            if state.running {
                summary.push(Span::styled(SPINNER[r.spinner % SPINNER.len()], theme.warn));
            } else {
                let (symbol, words) = state.label();
                summary.push(Span::styled(
                    format!("{symbol} {words}"),
                    tone_style(r.cx.theme, state.tone()),
                ));
                if let Some(o) = r.exercise.panes.get(&lang).and_then(|p| p.outcome.as_ref()) {
                    summary.push(Span::styled(
                        format!(" {}", outcome::duration(o.duration_ms)),
                        theme.dim,
                    ));
                }
            }
            summary.push(Span::raw("   "));
        }
        lines.push(Line::from(summary));
    }
    match r.exercise.focused() {
        Some(p) if p.running => lines.push(Line::styled(
            format!("checking {}… (Esc cancels)", focus.display_name()),
            theme.warn,
        )),
        Some(Pane {
            outcome: Some(o), ..
        }) => outcome_lines(r, ex, o, &mut lines, width),
        _ => {
            let state = r.exercise.lang_state(focus, r.cx);
            let text = if !state.available {
                "This language's toolchain is not installed: run `microlings doctor` to see how to get it.".to_string()
            } else if let Some(v) = state.verdict {
                if v == Verdict::Passed {
                    format!("Last check: {}. Enter checks it again.", outcome::label(v))
                } else {
                    format!(
                        "Last check: {}. Enter checks it again and shows the details (an unchanged file is answered from the cache at once).",
                        outcome::label(v)
                    )
                }
            } else {
                "r checks all four languages, Enter the focused one. i edits the file here, e in your editor.".to_string()
            };
            for l in crate::tui::popup::wrap_words(&text, width) {
                lines.push(Line::styled(l, theme.dim));
            }
        }
    }
    if r.exercise.hints_shown > 0
        && let Some((_, texts)) = &r.exercise.texts
    {
        for (i, hint) in texts.hints.iter().take(r.exercise.hints_shown).enumerate() {
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
pub fn editor_lines(
    exercise: &ExerciseState,
    cx: &Ctx,
    spinner: usize,
    lang: Language,
    width: usize,
) -> Vec<Line<'static>> {
    let r = &Rx {
        exercise,
        cx,
        spinner,
    };
    let Some(ex) = r.exercise.exercise(r.cx) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    match r.exercise.panes.get(&lang) {
        Some(p) if p.running => lines.push(Line::styled(
            format!(
                "{} checking {}… (Esc, after leaving the editor, cancels)",
                SPINNER[r.spinner % SPINNER.len()],
                lang.display_name()
            ),
            r.cx.theme.warn,
        )),
        Some(Pane {
            outcome: Some(o), ..
        }) => outcome_lines(r, ex, o, &mut lines, width),
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
fn verdict_span(r: &Rx<'_>, v: Verdict) -> Span<'static> {
    Span::styled(
        outcome::label(v),
        tone_style(r.cx.theme, outcome::tone(v).into()),
    )
}

/// Pushes what is shown of a long output ([`Excerpt`], as the command line shows it): its
/// first lines, a line for those left out, its last lines.
fn excerpt_lines(
    lines: &mut Vec<Line<'static>>,
    excerpt: &Excerpt<'_>,
    lead: &str,
    theme: &Theme,
    width: usize,
) {
    for l in &excerpt.head {
        push_wrapped(lines, lead, l, theme.text, width);
    }
    if let Some(gap) = excerpt.gap() {
        push_wrapped(lines, lead, &gap, theme.dim, width);
    }
    for l in &excerpt.tail {
        push_wrapped(lines, lead, l, theme.text, width);
    }
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

fn outcome_lines(
    r: &Rx<'_>,
    ex: &Exercise,
    o: &Outcome,
    lines: &mut Vec<Line<'static>>,
    width: usize,
) {
    let theme = r.cx.theme;
    let recalled = r
        .exercise
        .panes
        .get(&o.language)
        .is_some_and(|p| p.recalled);
    let mut head = vec![verdict_span(r, o.verdict)];
    if recalled {
        head.push(Span::styled(
            " · your last check; the file has not changed since",
            theme.dim,
        ));
    } else {
        head.push(Span::styled(
            format!(" · {}", outcome::duration(o.duration_ms)),
            theme.dim,
        ));
        if o.cached {
            head.push(Span::styled(" · unchanged, from cache", theme.dim));
        }
    }
    lines.push(Line::from(head));
    if !o.message.is_empty() && o.verdict != Verdict::Passed {
        for l in crate::tui::popup::wrap_words(&o.message, width) {
            lines.push(Line::raw(l));
        }
    }
    if let Some(service) = &o.service {
        service_lines(r, service, lines, width);
    }
    // What is wrong comes first (the diff, or what the program said on stderr), then the
    // whole input of the case, further down.
    let input = case_input(ex, o.case.as_deref());
    match o.verdict {
        Verdict::Passed => {
            let note = r
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
                diff_lines(r, o.case.as_deref(), diff, input.as_deref(), lines, width);
            }
            input_lines(r, o.case.as_deref(), input.as_deref(), lines, width);
            // Every other case that failed the same way, each with its diff and input.
            for f in &o.more_failures {
                diff_lines(r, Some(&f.case), &f.diff, f.input.as_deref(), lines, width);
                input_lines(r, Some(&f.case), f.input.as_deref(), lines, width);
            }
        }
        Verdict::WrongOutput => {}
        _ => {
            // What a crashing program printed first is part of the lesson (Python prints
            // half an answer before its type error).
            if o.verdict != Verdict::CompileError && !o.stdout.trim().is_empty() {
                lines.push(Line::styled("it printed:", theme.dim));
                excerpt_lines(lines, &Excerpt::of_stdout(&o.stdout), "  ", theme, width);
                lines.push(Line::styled("then, on stderr:", theme.dim));
            }
            excerpt_lines(
                lines,
                &Excerpt::of_stderr(&o.stderr, o.verdict),
                "│ ",
                theme,
                width,
            );
            if o.service.is_none() {
                input_lines(r, o.case.as_deref(), input.as_deref(), lines, width);
            }
        }
    }
    advice_lines(r, ex, o, lines, width);
}

/// The advice notes whose pattern matches the learner's file (as the pane holds it): what the
/// output cannot show. They follow any verdict and never change it.
fn advice_lines(
    r: &Rx<'_>,
    ex: &Exercise,
    o: &Outcome,
    lines: &mut Vec<Line<'static>>,
    width: usize,
) {
    if !o.verdict.is_attempt() {
        return;
    }
    let Some(Ok(source)) = r
        .exercise
        .panes
        .get(&o.language)
        .and_then(|p| p.source.as_ref())
    else {
        return;
    };
    for note in crate::learner::advice::notes(ex, o.language, source.as_bytes()) {
        // Plain text, as the command line shows it: no code font to set backticks apart.
        let text = format!("advice: {}", note.replace('`', ""));
        let mut wrapped = crate::tui::popup::wrap_words(&text, width);
        for (i, l) in wrapped.drain(..).enumerate() {
            let style = if i == 0 {
                r.cx.theme.warn
            } else {
                r.cx.theme.text
            };
            lines.push(Line::styled(l, style));
        }
    }
}

/// The stdin of the case `name` of `ex`, lossily decoded and made safe to show; `None` when
/// it reads none.
fn case_input(ex: &Exercise, name: Option<&str>) -> Option<String> {
    let name = name?;
    let case = ex.cases.iter().find(|c| c.name == name)?;
    let bytes = case.input.as_deref()?;
    Some(crate::visible::visible(&String::from_utf8_lossy(bytes)))
}

/// The whole of a failing case's input, after its diff: every line, reachable by scrolling.
fn input_lines(
    r: &Rx<'_>,
    case: Option<&str>,
    input: Option<&str>,
    lines: &mut Vec<Line<'static>>,
    width: usize,
) {
    let theme = r.cx.theme;
    let Some(name) = case else {
        return;
    };
    let Some(input) = input else {
        lines.push(Line::from(vec![
            Span::styled(format!("case '{name}'"), theme.strong),
            Span::styled(" reads no input", theme.dim),
        ]));
        return;
    };
    let all: Vec<&str> = input.lines().collect();
    let count = match all.len() {
        1 => "1 line".to_string(),
        n => format!("{n} lines"),
    };
    lines.push(Line::from(vec![
        Span::styled(format!("case '{name}'"), theme.strong),
        Span::styled(format!(", its whole input (stdin, {count}):"), theme.dim),
    ]));
    for l in all {
        push_wrapped(
            lines,
            "  < ",
            &visible_whitespace_edges(l),
            theme.text,
            width,
        );
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
/// marked too (and the legend only then), whitespace made visible where it differs. When
/// each input line gives one output line, the input line stands above the expected line it
/// gives (`<`), so the failing input is beside its wrong answer.
fn diff_lines(
    r: &Rx<'_>,
    case: Option<&str>,
    diff: &crate::run::Diff,
    input: Option<&str>,
    lines: &mut Vec<Line<'static>>,
    width: usize,
) {
    let theme = r.cx.theme;
    // One answer per input line: each input line above the expected line it gives.
    let aligned = input.and_then(|i| outcome::line_by_line(diff, i));
    let paired: Option<Vec<&str>> = aligned.as_ref().and(input).map(|i| i.lines().collect());
    let diff = aligned.as_ref().unwrap_or(diff);
    let marks = crate::inline_diff::changed_chars(diff);
    let mut legend = Vec::new();
    if let Some(name) = case {
        legend.push(Span::styled(format!("case '{name}': "), theme.strong));
    }
    legend.push(Span::styled("- expected  ", theme.bad));
    legend.push(Span::styled("+ your output", theme.good));
    if paired.is_some() {
        legend.push(Span::styled("  < its input", theme.dim));
    }
    // The legend of the marks only when something is marked.
    if marks.iter().any(|m| !m.is_empty()) {
        let note = "(changed characters reversed)";
        if Line::from(legend.clone()).width() + 2 + note.len() <= width {
            legend.push(Span::styled(format!("  {note}"), theme.dim));
            lines.push(Line::from(legend));
        } else {
            lines.push(Line::from(legend));
            lines.push(Line::styled(note, theme.dim));
        }
    } else {
        lines.push(Line::from(legend));
    }
    let skip = diff.first_mismatch.saturating_sub(3);
    // The expected line each diff line is at (what its input line is).
    let mut expected_at = diff.lines[..skip.min(diff.lines.len())]
        .iter()
        .filter(|l| l.op != DiffOp::Actual)
        .count();
    for (i, l) in diff.lines.iter().enumerate().skip(skip) {
        if l.op == DiffOp::Expected
            && let Some(input_line) = paired.as_ref().and_then(|p| p.get(expected_at))
        {
            let shown = if input_line.is_empty() {
                "(an empty line)".to_string()
            } else {
                visible_whitespace_edges(input_line)
            };
            push_wrapped(lines, "    < ", &shown, theme.dim, width);
        }
        if l.op != DiffOp::Actual {
            expected_at += 1;
        }
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
fn service_lines(rx: &Rx<'_>, s: &ServiceReport, lines: &mut Vec<Line<'static>>, width: usize) {
    let theme = rx.cx.theme;
    lines.push(Line::styled(s.lifecycle(), theme.dim));
    for r in &s.requests {
        let (symbol, style, detail) = match r.result {
            RequestResult::Passed => (
                "✓",
                theme.good,
                format!(
                    "{} · {}",
                    r.status.unwrap_or(r.expected_status),
                    outcome::duration(r.duration_ms)
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
            diff_lines(rx, None, diff, None, lines, width);
        }
    }
}
