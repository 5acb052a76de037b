//! The exercise view: task, the four languages' files, and the focused language's result, in
//! the layout update computed (`ExerciseState::layout`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Tabs};

use super::{SPINNER, short_name};
use crate::course::{Exercise, Language};
use crate::tui::app::App;
use crate::tui::exercise::{ExerciseLayout, Pane, PaneMode};
use crate::tui::layout::{FOUR_COLUMNS, GRID};
use crate::tui::result::tone_style;

pub(super) fn render(app: &App, frame: &mut Frame) {
    let Some(ex) = app.current_exercise() else {
        return;
    };
    let Some(ExerciseLayout {
        header,
        panes,
        result,
        result_lines,
    }) = &app.exercise.layout
    else {
        return;
    };
    let theme = &app.theme;
    let task: Vec<Line> = match &app.exercise.task {
        Some((_, lines)) => lines.clone(),
        None => ex.task.lines().map(|l| Line::raw(l.to_string())).collect(),
    };

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
    if room <= 1 {
        // Comparing at full height: the title only.
        head.truncate(1);
    } else if head.len() > room {
        // Say that there is more, on the last line that shows.
        head.truncate(room.saturating_sub(1));
        head.push(Line::styled(" … t shows the whole task", theme.dim));
    }
    frame.render_widget(Paragraph::new(head), *header);

    if let Some(panes) = panes {
        render_panes(app, ex, frame, *panes);
    }
    render_result(app, result_lines, frame, *result);
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
                    Span::styled(state.label().0, tone_style(&app.theme, state.tone()))
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
            tone_style(&app.theme, state.tone()),
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
    // The solutions scroll together; the learner's file stays where they left it.
    let scroll = if show_solution {
        app.exercise.solution_scroll
    } else {
        pane.scroll
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

fn render_result(app: &App, lines: &[Line<'static>], frame: &mut Frame, area: Rect) {
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
    let shown: Vec<Line> = lines.iter().skip(scroll).take(rows).cloned().collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}
