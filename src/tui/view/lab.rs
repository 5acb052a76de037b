//! The lab screen: bar charts and a table of what was measured on this machine.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Block, Borders, Paragraph, Row, Table, Wrap};

use super::{SPINNER, short_name};
use crate::run::lab::{LabLanguage, LabRun, Spread, Unit};
use crate::tui::app::App;
use crate::tui::lab::METRICS;

pub(super) fn render(app: &App, frame: &mut Frame) {
    let theme = &app.theme;
    let (header, body) = (app.layout.lab.header, app.layout.lab.body);
    let saved = app.progress.lab_runs.len();
    let which = match app.lab_run() {
        Some(run) => format!(
            "run {} of {saved} · {} · {}×{:.1} s, {} connections",
            saved - app.lab.back,
            crate::clock::date(run.started_at),
            run.settings.runs,
            run.settings.load_ms as f64 / 1000.0,
            run.settings.connections
        ),
        None => "no runs yet".to_string(),
    };
    // The long title only where the run's details still fit beside it.
    let long = " Lab: the same service in four languages, on this machine ";
    let title = if long.chars().count() + which.chars().count() <= header.width as usize {
        long
    } else {
        " Lab · "
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(title, theme.heading[1]),
                Span::styled(which, theme.dim),
            ]),
            Line::styled("─".repeat(header.width as usize), theme.border),
        ]),
        header,
    );
    // What the next run measures and how long it should take, from this machine's runs.
    let [next, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(body);
    if !app.lab.running {
        frame.render_widget(Paragraph::new(next_run_line(app)), next);
    }
    if app.lab.running {
        let mut lines = vec![
            Line::styled(
                format!(
                    "{} measuring… (Esc stops)",
                    SPINNER[app.spinner % SPINNER.len()]
                ),
                theme.warn,
            ),
            Line::raw(""),
        ];
        for (lang, status) in &app.lab.status {
            lines.push(Line::raw(format!("  {:<7} {status}", lang.label())));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled("Each language is measured alone, one after another, so they do not compete for the cores.", theme.dim));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
        return;
    }
    let Some(run) = app.lab_run() else {
        let lines: Vec<Line> = app
            .lab
            .intro
            .as_ref()
            .map(|(_, l)| l.clone())
            .unwrap_or_default();
        let intro = app.layout.lab.intro;
        let below = Rect::new(intro.x, body.y, intro.width, body.height);
        frame.render_widget(Paragraph::new(lines), below);
        return;
    };
    let table_height = (run.languages.len() as u16 + 3).min(body.height / 2);
    let [charts, table] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(table_height)]).areas(body);
    if charts.width >= 120 && charts.height >= 12 {
        let [top, bottom] = Layout::vertical([Constraint::Ratio(1, 2); 2]).areas(charts);
        let [a, b] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(top);
        let [c, d] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(bottom);
        for (i, rect) in [a, b, c, d].into_iter().enumerate() {
            chart(app, run, i, frame, rect);
        }
    } else {
        chart(app, run, app.lab.metric, frame, charts);
        // One chart at a time: say how to see the others.
        let hint = Rect::new(
            charts.x + charts.width.saturating_sub(16),
            charts.y,
            15.min(charts.width),
            1,
        );
        frame.render_widget(
            Paragraph::new(Span::styled(" Tab: next ▸ ", theme.dim)),
            hint,
        );
    }
    render_table(app, run, frame, table);
}

/// The median of metric `i` for a language, and how it is printed.
fn figure(l: &LabLanguage, i: usize) -> Option<(u64, String)> {
    let (s, unit): (Option<Spread>, Unit) = match i {
        0 => (l.cold_start_us, Unit::Micros),
        1 => (l.rss_kib, Unit::Kib),
        2 => (l.requests_per_sec, Unit::Count),
        _ => (l.p99_us, Unit::Micros),
    };
    s.map(|s| (s.median, crate::run::lab::format_value(unit, s.median)))
}

fn chart(app: &App, run: &LabRun, i: usize, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let better = if i == 2 {
        "higher is better"
    } else {
        "lower is better"
    };
    let bars: Vec<Bar> = run
        .languages
        .iter()
        .map(|l| match figure(l, i) {
            Some((v, text)) => Bar::default()
                .value(v)
                .label(Line::from(l.target().short_label(short_name(l.language))))
                .text_value(text)
                .style(theme.marker)
                .value_style(theme.strong),
            None => Bar::default()
                .value(0)
                .label(Line::from(l.target().short_label(short_name(l.language))))
                .text_value("n/a"),
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Line::from(vec![
            Span::styled(format!(" {} ", METRICS[i]), theme.strong),
            Span::styled(format!("({better}) "), theme.dim),
        ]));
    // Thicker bars when there is room: four bars and three gaps fill the box.
    let inner = area.height.saturating_sub(2);
    let n = bars.len().max(1) as u16;
    let width = (inner.saturating_sub(n - 1) / n).clamp(1, 3);
    frame.render_widget(
        BarChart::default()
            .data(ratatui::widgets::BarGroup::default().bars(&bars))
            .direction(Direction::Horizontal)
            .bar_width(width)
            .bar_gap(u16::from(inner > n))
            .block(block),
        area,
    );
}

fn render_table(app: &App, run: &LabRun, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    // The range needs room; narrow screens show the medians only.
    let wide = area.width >= 120;
    let show = |s: Option<Spread>, u: Unit| {
        s.map_or_else(
            || "n/a".to_string(),
            |s| {
                if wide {
                    s.display(u)
                } else {
                    crate::run::lab::format_value(u, s.median)
                }
            },
        )
    };
    let headers = ["", "build", "cold start", "memory", "requests/s", "p99"];
    let cells: Vec<Vec<String>> = run
        .languages
        .iter()
        .map(|l| {
            if l.runs.is_empty() {
                let why = l
                    .message
                    .clone()
                    .unwrap_or_else(|| format!("{:?}", l.status).to_lowercase());
                return vec![l.label(), why];
            }
            vec![
                l.label(),
                l.build_ms.map_or("–".into(), |ms| {
                    crate::run::lab::format_value(Unit::Micros, ms * 1000)
                }),
                show(l.cold_start_us, Unit::Micros),
                show(l.rss_kib, Unit::Kib),
                show(l.requests_per_sec, Unit::Count),
                show(l.p99_us, Unit::Micros),
            ]
        })
        .collect();
    // Every column as wide as its widest figure; a figure is never cut. Columns that do not
    // fit are left out, the build time first, then p99 (the charts show them).
    let measured = |c: usize| {
        cells
            .iter()
            .filter(|row| row.len() == headers.len())
            .map(|row| row[c].chars().count())
            .chain([headers[c].chars().count()])
            .max()
            .unwrap_or(0) as u16
    };
    let mut columns: Vec<usize> = (0..headers.len()).collect();
    for drop in [1, 5, 4] {
        let total: u16 = columns.iter().map(|&c| measured(c) + 1).sum();
        if total <= area.width {
            break;
        }
        columns.retain(|&c| c != drop);
    }
    let rows: Vec<Row> = cells
        .iter()
        .map(|row| {
            if row.len() < headers.len() {
                return Row::new(row.clone());
            }
            Row::new(columns.iter().map(|&c| row[c].clone()).collect::<Vec<_>>())
        })
        .collect();
    let widths: Vec<Constraint> = columns
        .iter()
        .map(|&c| Constraint::Min(measured(c)))
        .collect();
    let header: Vec<&str> = columns.iter().map(|&c| headers[c]).collect();
    frame.render_widget(
        Table::new(rows, widths)
            .header(Row::new(header).style(theme.strong))
            .block(
                Block::default()
                    .borders(Borders::TOP)
                    .border_style(theme.border)
                    .title(if wide {
                        " medians [range] over the runs "
                    } else {
                        " medians over the runs "
                    }),
            ),
        area,
    );
}

/// `next: ✓Py ✓Go ·Java ✓C# ✓C#AOT · about 2 min 30 s (...)`: the rows `1`-`4` and `a`
/// choose, and the estimate from what this machine measured before.
fn next_run_line(app: &App) -> Line<'static> {
    let theme = &app.theme;
    let choice = &app.lab.choice;
    let mut spans = vec![Span::styled(" next: ", theme.strong)];
    for lang in crate::course::Language::ALL {
        let on = choice.languages.contains(&lang);
        spans.push(Span::styled(
            format!("{}{} ", if on { "✓" } else { "·" }, short_name(lang)),
            if on { theme.text } else { theme.dim },
        ));
    }
    let aot = choice.native_aot && choice.languages.contains(&crate::course::Language::CSharp);
    spans.push(Span::styled(
        format!("{}C#AOT ", if aot { "✓" } else { "·" }),
        if aot { theme.text } else { theme.dim },
    ));
    let estimate = crate::tui::lab::estimate(&app.progress.lab_runs, &choice.targets());
    spans.push(Span::styled(estimate.words(), theme.dim));
    Line::from(spans)
}
