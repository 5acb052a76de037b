//! Every key the help and the status bar show does what they say, and no other key does
//! anything: dispatch goes through the binding tables of `tui::keys`.

mod tui_common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use microlings::course::Language;
use microlings::progress::Change;
use microlings::tui::App;
use microlings::tui::app::{Confirm, Overlay, Screen, Target};
use microlings::tui::exercise::PaneMode;
use microlings::tui::keys::{Action, KeyContext, working};
use microlings::tui::map::Row;
use microlings::tui::msg::{Cmd, Msg};
use tui_common::*;

/// What a key can change, without the course (whose Debug text is large).
fn fingerprint(app: &App) -> String {
    let editor = app
        .editor
        .as_ref()
        .map(|e| (e.text(), e.area.cursor(), e.language, e.result_scroll));
    let panes: Vec<_> = app
        .exercise
        .panes
        .values()
        .map(|p| (p.scroll, p.result_scroll, p.running))
        .collect();
    format!(
        "{:?} {:?} {} {} | {} {} {:?} {:?} | {:?} {:?} {:?} {:?} {:?} {} {:?} | {:?} {:?} {} {} {} {:?} {} | {:?} {}",
        app.screen,
        app.overlay,
        app.popup.scroll,
        app.quit,
        app.map.selected,
        app.lesson.index,
        app.lesson.scroll,
        app.lesson.quiz_focus,
        app.exercise.slug,
        app.exercise.focus,
        app.exercise.mode,
        app.exercise.compare,
        (
            app.exercise.result_full,
            app.exercise.compare_full,
            app.exercise.solution_scroll
        ),
        app.exercise.hints_shown,
        panes,
        editor,
        app.message,
        app.report.scroll,
        app.lab.back,
        app.lab.metric,
        (app.lab.running, &app.lab.choice),
        app.watching,
        app.progress,
        app.exercise.task.is_some(),
    )
}

/// An app at 80x24 on the screen whose keys `ctx` describes, in a state where every key has
/// something to do (scrolled to the middle, with an outcome to scroll, undo history...).
fn app_in(ctx: KeyContext) -> App {
    use KeyContext as K;
    let mut app = app();
    app.update(Msg::Resize(80, 24));
    match ctx {
        K::Global | K::Map => {
            app.map.selected = 5;
        }
        K::Lesson | K::Quiz => {
            app.open_lesson(1);
            app.update(Msg::Resize(80, 24));
            if ctx == K::Quiz {
                app.update(key(KeyCode::Tab));
                assert_eq!(app.lesson.quiz_focus, Some(0));
                // The second option picked: the pick can move both ways.
                app.update(key(KeyCode::Down));
                app.update(key(KeyCode::Down));
                assert_eq!(app.lesson.quiz_selected[0], Some(1));
            }
            app.lesson.scroll = 20;
        }
        K::Compare => {
            open_first_exercise(&mut app);
            load_sources(&mut app);
            app.update(outcome(
                &app,
                Language::Python,
                microlings::run::Verdict::Passed,
            ));
            app.update(ch('c'));
            app.update(ch('j'));
            app.update(ch('j'));
            assert_eq!(app.exercise.solution_scroll, 2);
        }
        K::Exercise | K::Popup | K::Confirm | K::Editor => {
            open_first_exercise(&mut app);
            app.update(ch('2'));
            load_sources(&mut app);
            app.update(long_outcome(&app, Language::Go));
            app.update(ch('J'));
            app.update(ch('j'));
            app.update(ch('j'));
            match ctx {
                K::Popup => {
                    app.update(ch('?'));
                    app.update(ch('j'));
                }
                K::Confirm => {
                    app.update(ch('s'));
                    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
                }
                K::Editor => {
                    app.update(ch('i'));
                    // Two undo groups, a word and its space, then another word, which is
                    // undone: both undo and redo have something to do.
                    for c in "ab cd".chars() {
                        app.update(ch(c));
                    }
                    app.update(ctrl('z'));
                    // The result below the file, scrolled into its middle.
                    app.update(alt(KeyCode::PageDown));
                    let ed = app.editor.as_ref().expect("editing");
                    let max = ed.layout.as_ref().expect("laid out").max_scroll();
                    assert!(ed.result_scroll > 0 && ed.result_scroll < max, "{max}");
                }
                _ => {}
            }
        }
        K::Report => {
            // A learner who ran the lab: the report is longer than two screens.
            app.progress.lab_runs.push(lab_run());
            app.update(ch('R'));
            app.update(key(KeyCode::PageDown));
            let lines = app.report.rendered.as_ref().map_or(0, |r| r.lines.len());
            assert!(
                app.report.scroll > 0 && app.report.scroll + app.lesson_view_height() < lines,
                "the report scrolls both ways: {lines} lines"
            );
        }
        K::Lab => {
            for _ in 0..3 {
                app.progress.lab_runs.push(lab_run());
            }
            app.update(ch('L'));
            app.update(key(KeyCode::Left));
        }
    }
    app.message = None;
    app
}

/// The contexts whose keys the help and the status bar show.
const CONTEXTS: [KeyContext; 10] = [
    KeyContext::Map,
    KeyContext::Lesson,
    KeyContext::Quiz,
    KeyContext::Exercise,
    KeyContext::Compare,
    KeyContext::Editor,
    KeyContext::Report,
    KeyContext::Lab,
    KeyContext::Popup,
    KeyContext::Confirm,
];

/// The editor's result scroll.
fn ed_scroll(app: &App) -> usize {
    app.editor.as_ref().map_or(0, |e| e.result_scroll)
}

/// Whether a key bound to `action` in `ctx` did what the help says: `before` is the app as it
/// was (`app_in` builds it the same way every time), `app` the app after the key, `cmds` what
/// it asked the runtime for.
fn did_what_it_says(
    ctx: KeyContext,
    action: Action,
    before: &App,
    app: &App,
    cmds: &[Cmd],
) -> bool {
    use Action as A;
    use KeyContext as K;
    let pane = |a: &App| a.exercise.panes[&a.exercise.focus].clone();
    let lesson = &app.course.lessons[before.lesson.index];
    let h = app.lesson_view_height();
    let page = h.saturating_sub(2).max(1);
    let headings: Vec<usize> = before
        .lesson
        .rendered
        .as_ref()
        .map(|r| r.headings.iter().map(|h| h.0).collect())
        .unwrap_or_default();
    let step = |l: Language, d: isize| {
        let i = Language::ALL.iter().position(|&x| x == l).unwrap_or(0) as isize;
        Language::ALL[(i + d).rem_euclid(4) as usize]
    };
    let report_max = app
        .report
        .rendered
        .as_ref()
        .map_or(0, |r| r.lines.len().saturating_sub(h));
    let popup_max = app.popup.lines.len().saturating_sub(app.popup.rows);
    let code_max = || pane(before).highlighted.len() - 1;
    let slug = before.exercise.slug.clone().unwrap_or_default();
    let focus = before.exercise.focus;
    match (ctx, action) {
        (_, A::Quit) => app.quit && cmds.last() == Some(&Cmd::Quit),
        (_, A::Help) => app.overlay == Some(Overlay::Help),
        (K::Map, A::Up) => app.map.selected + 1 == before.map.selected,
        (K::Map, A::Down) => app.map.selected == before.map.selected + 1,
        (K::Map, A::PageUp) => app.map.selected == before.map.selected.saturating_sub(10),
        (K::Map, A::PageDown) => {
            app.map.selected == (before.map.selected + 10).min(app.map.rows.len() - 1)
        }
        (K::Map, A::Top) => app.map.selected == 0,
        (K::Map, A::Bottom) => app.map.selected == app.map.rows.len() - 1,
        (K::Map, A::Open) => match &before.map.rows[before.map.selected] {
            Row::Exercise(_, s) => {
                app.screen == Screen::Exercise && app.exercise.slug.as_ref() == Some(s)
            }
            Row::Lesson(i) => app.screen == Screen::Lesson && app.lesson.index == *i,
            Row::Continue => app.screen != Screen::Map,
        },
        (K::Map, A::Continue) => {
            before.continue_target() == Some(Target::Lesson(0))
                && (app.screen, app.lesson.index) == (Screen::Lesson, 0)
        }
        (K::Map, A::OpenReport) => app.screen == Screen::Report,
        (K::Map, A::OpenLab) => app.screen == Screen::Lab,
        (K::Lesson | K::Quiz, A::Up) => app.lesson.scroll + 1 == before.lesson.scroll,
        (K::Lesson | K::Quiz, A::Down) => app.lesson.scroll == before.lesson.scroll + 1,
        (K::Lesson | K::Quiz, A::PageUp) => {
            app.lesson.scroll == before.lesson.scroll.saturating_sub(page)
        }
        (K::Lesson | K::Quiz, A::PageDown) => app.lesson.scroll == before.lesson.scroll + page,
        (K::Quiz, A::PickNext) => app.lesson.quiz_selected[0] == Some(2),
        (K::Quiz, A::PickPrev) => app.lesson.quiz_selected[0] == Some(0),
        (K::Quiz, A::Back) => app.screen == Screen::Lesson && app.lesson.quiz_focus.is_none(),
        (K::Lesson, A::NextQuiz | A::PrevQuiz) => {
            let Some(to) = app.lesson.quiz_focus else {
                return false;
            };
            let line = app.lesson.rendered.as_ref().expect("rendered").quizzes[to];
            (app.lesson.scroll..app.lesson.scroll + h).contains(&line)
        }
        (K::Lesson, A::Top) => app.lesson.scroll == 0,
        (K::Lesson, A::Bottom) => app.lesson.scroll + h == app.lesson.line_count(),
        (K::Lesson, A::NextHeading) => {
            headings.iter().find(|&&l| l > before.lesson.scroll) == Some(&app.lesson.scroll)
        }
        (K::Lesson, A::PrevHeading) => {
            headings.iter().rev().find(|&&l| l < before.lesson.scroll) == Some(&app.lesson.scroll)
        }
        (K::Quiz, A::NextQuiz | A::PrevQuiz) => {
            let n = lesson.quizzes.len();
            let from = before.lesson.quiz_focus.expect("a quiz has the focus");
            let to = if action == A::NextQuiz {
                from + 1
            } else {
                from + n - 1
            } % n;
            let line = app.lesson.rendered.as_ref().expect("rendered").quizzes[to];
            app.lesson.quiz_focus == Some(to)
                && (app.lesson.scroll..app.lesson.scroll + h).contains(&line)
        }
        (K::Quiz, A::Answer(_) | A::AnswerHighlighted) => {
            let i = before.lesson.quiz_focus.expect("a quiz has the focus");
            let quiz = &lesson.quizzes[i];
            let chosen = match action {
                A::Answer(n) => usize::from(n),
                _ => before.lesson.quiz_selected[i].expect("an option is picked"),
            };
            if chosen < quiz.options.len() {
                saves(cmds).contains(&&Change::Quiz(
                    lesson.slug.clone(),
                    i,
                    chosen,
                    chosen == quiz.answer,
                ))
            } else {
                cmds.is_empty()
                    && app
                        .message
                        .as_deref()
                        .is_some_and(|m| m.contains("options"))
            }
        }
        (K::Lesson, A::LessonExercises) => {
            app.screen == Screen::Exercise
                && app.exercise.slug.as_ref() == Some(&lesson.exercises[0])
        }
        (K::Lesson, A::NextLesson) => {
            (app.screen, app.lesson.index) == (Screen::Lesson, before.lesson.index + 1)
        }
        (K::Lesson, A::PrevLesson) => {
            (app.screen, app.lesson.index) == (Screen::Lesson, before.lesson.index - 1)
        }
        (K::Lesson | K::Report | K::Lab, A::Back) => app.screen == Screen::Map,
        // No check runs, no view is open: back to the map (the other cases have tests below).
        (K::Exercise, A::Back) => app.screen == Screen::Map,
        (K::Exercise, A::CheckAll) => {
            matches!(cmds, [Cmd::Check { languages, .. }] if languages == &Language::ALL)
        }
        (K::Exercise, A::CheckFocused) => {
            matches!(cmds, [Cmd::Check { languages, .. }] if languages == &[focus])
        }
        (K::Exercise, A::NextLanguage) => app.exercise.focus == step(focus, 1),
        (K::Exercise, A::PrevLanguage) => app.exercise.focus == step(focus, -1),
        (K::Exercise, A::PickLanguage(l)) => app.exercise.focus == l,
        (K::Exercise, A::EditHere) => app.editor.as_ref().is_some_and(|e| e.language == focus),
        (K::Exercise, A::EditOutside) => cmds == [Cmd::OpenEditor(slug, focus)],
        (K::Exercise, A::NextHint) => {
            app.exercise.hints_shown == before.exercise.hints_shown + 1
                && app.overlay == Some(Overlay::Hints)
        }
        (K::Exercise, A::ToggleFullResult) => app.exercise.result_full,
        (K::Exercise, A::ShowTask) => app.overlay == Some(Overlay::Task),
        (K::Exercise, A::ResultDown) => pane(app).result_scroll == pane(before).result_scroll + 1,
        (K::Exercise, A::ResultUp) => pane(app).result_scroll + 1 == pane(before).result_scroll,
        (K::Exercise, A::Up) => pane(app).scroll + 1 == pane(before).scroll,
        (K::Exercise, A::Down) => pane(app).scroll == pane(before).scroll + 1,
        (K::Exercise, A::PageUp) => pane(app).scroll == pane(before).scroll.saturating_sub(10),
        (K::Exercise, A::PageDown) => {
            pane(app).scroll == (pane(before).scroll + 10).min(code_max())
        }
        // Tried, never revealed: it asks first.
        (K::Exercise, A::ToggleSolution) => {
            app.overlay == Some(Overlay::Confirm(Confirm::RevealSolution(focus)))
        }
        // Not passed yet: it says what to do first.
        (K::Exercise, A::ToggleCompare) => app
            .message
            .as_deref()
            .is_some_and(|m| m.contains("pass it")),
        (K::Exercise, A::ToggleWatch) => !app.watching && cmds == [Cmd::Watch(None)],
        (K::Exercise, A::NextExercise) => {
            app.exercise.slug.as_ref() == Some(&app.course.lessons[0].exercises[1])
        }
        // The first exercise has no previous one.
        (K::Exercise, A::PrevExercise) => {
            app.exercise.slug == before.exercise.slug
                && app
                    .message
                    .as_deref()
                    .is_some_and(|m| m.contains("first exercise"))
        }
        (K::Exercise, A::ReadLesson) => {
            (app.screen, app.lesson.index) == (Screen::Lesson, before.lesson.index)
        }
        (K::Compare, A::NextLanguage) => app.exercise.compare == step(before.exercise.compare, 1),
        (K::Compare, A::PrevLanguage) => app.exercise.compare == step(before.exercise.compare, -1),
        (K::Compare, A::PickLanguage(l)) => {
            app.exercise.compare == l && app.exercise.focus == focus
        }
        (K::Compare, A::ToggleFullResult) => {
            let layout = app.exercise.layout.as_ref().expect("laid out");
            app.exercise.mode == PaneMode::Compare
                && app.exercise.compare_full
                && layout.result.height == 0
                && layout.header.height == 1
        }
        (K::Compare, A::Down) => app.exercise.solution_scroll == 3,
        (K::Compare, A::Up) => app.exercise.solution_scroll == 1,
        (K::Compare, A::PageDown) => app.exercise.solution_scroll > 3,
        (K::Compare, A::PageUp) => app.exercise.solution_scroll == 0,
        (K::Compare, A::ToggleCompare | A::Back) => {
            app.exercise.mode == PaneMode::Mine && app.screen == Screen::Exercise
        }
        (K::Editor, A::SaveAndCheck) => {
            let ed = app.editor.as_ref().expect("still editing");
            cmds == [Cmd::WriteFile(slug, ed.language, ed.text())] && !ed.dirty()
        }
        (K::Editor, A::Undo | A::Redo) => {
            app.editor.as_ref().map(|e| e.text()) != before.editor.as_ref().map(|e| e.text())
        }
        (K::Editor, A::ResultDown) => ed_scroll(app) == ed_scroll(before) + 1,
        (K::Editor, A::ResultUp) => ed_scroll(app) + 1 == ed_scroll(before),
        (K::Editor, A::ResultPageDown) => ed_scroll(app) > ed_scroll(before) + 1,
        (K::Editor, A::ResultPageUp) => ed_scroll(app) + 1 < ed_scroll(before),
        // Unsaved changes: it asks first.
        (K::Editor, A::Back) => app.overlay == Some(Overlay::Confirm(Confirm::DiscardEdits)),
        (K::Report, A::Up) => app.report.scroll + 1 == before.report.scroll,
        (K::Report, A::Down) => app.report.scroll == before.report.scroll + 1,
        (K::Report, A::PageUp) => app.report.scroll == before.report.scroll.saturating_sub(page),
        (K::Report, A::PageDown) => {
            app.report.scroll == (before.report.scroll + page).min(report_max)
        }
        (K::Report, A::SaveReport) => cmds == [Cmd::SaveReport(app.report.markdown.clone())],
        (K::Lab, A::RunLab) => {
            app.lab.running
                && cmds
                    == [Cmd::RunLab {
                        languages: Language::ALL.to_vec(),
                        native_aot: true,
                    }]
        }
        (K::Lab, A::PickLanguage(l)) => {
            !app.lab.choice.languages.contains(&l) && before.lab.choice.languages.contains(&l)
        }
        (K::Lab, A::ToggleAot) => !app.lab.choice.native_aot,
        (K::Lab, A::NextChart) => app.lab.metric == (before.lab.metric + 1) % 4,
        (K::Lab, A::PrevChart) => app.lab.metric == (before.lab.metric + 3) % 4,
        (K::Lab, A::OlderRun) => app.lab.back == before.lab.back + 1,
        (K::Lab, A::NewerRun) => app.lab.back + 1 == before.lab.back,
        (K::Popup, A::Up) => app.popup.scroll + 1 == before.popup.scroll,
        (K::Popup, A::Down) => app.popup.scroll == before.popup.scroll + 1,
        (K::Popup, A::PageUp) => {
            app.popup.scroll == before.popup.scroll.saturating_sub(app.popup.rows - 1)
        }
        (K::Popup, A::PageDown) => {
            app.popup.scroll == (before.popup.scroll + app.popup.rows - 1).min(popup_max)
        }
        (K::Popup, A::Close) => app.overlay.is_none(),
        (K::Confirm, A::Yes) => {
            app.exercise.mode == PaneMode::Solution
                && saves(cmds).contains(&&Change::SolutionSeen(slug, focus))
        }
        (K::Confirm, A::No) => app.overlay.is_none() && app.exercise.mode == PaneMode::Mine,
        // An action this test does not know: say so rather than pass.
        _ => false,
    }
}

#[test]
fn every_key_the_help_and_the_status_bar_show_does_what_it_says() {
    for ctx in CONTEXTS {
        assert_eq!(app_in(ctx).key_context(), ctx, "the set-up reaches {ctx:?}");
        for binding in working(ctx) {
            for &(k, action) in binding.codes {
                let before = app_in(ctx);
                let mut app = app_in(ctx);
                let cmds = app.update(Msg::Key(k.event()));
                assert!(
                    did_what_it_says(ctx, action, &before, &app, &cmds),
                    "{ctx:?}: {k:?} ({}: {}) did not do {action:?}",
                    binding.keys,
                    binding.does
                );
            }
        }
    }
}

#[test]
fn keys_the_help_does_not_show_do_nothing() {
    // Dispatch goes through the binding tables: a screen that handled a key of its own would
    // have a key the help does not show.
    let named = [
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::Delete,
        KeyCode::Insert,
        KeyCode::F(1),
    ];
    let candidates: Vec<KeyEvent> = (' '..='~')
        .map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
        .chain(named.map(|k| KeyEvent::new(k, KeyModifiers::NONE)))
        .chain(('a'..='z').map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)))
        .collect();
    for ctx in [
        KeyContext::Map,
        KeyContext::Lesson,
        KeyContext::Quiz,
        KeyContext::Exercise,
        KeyContext::Compare,
        KeyContext::Report,
        KeyContext::Lab,
    ] {
        let shown: Vec<KeyEvent> = working(ctx)
            .flat_map(|b| b.codes.iter().map(|(k, _)| k.event()))
            .collect();
        for event in candidates.iter().filter(|e| !shown.contains(e)) {
            let mut app = app_in(ctx);
            let before = fingerprint(&app);
            let cmds = app.update(Msg::Key(*event));
            assert!(
                cmds.is_empty() && fingerprint(&app) == before,
                "{ctx:?}: {event:?} is not in the help but did something: {cmds:?}"
            );
        }
    }
}

#[test]
fn the_editor_footer_and_help_offer_only_keys_that_work_there() {
    let mut app = app_in(KeyContext::Editor);
    let text = app.editor.as_ref().expect("editor").text();
    app.update(ch('?'));
    app.update(ch('q'));
    assert!(!app.quit, "q types in the editor");
    assert_eq!(app.overlay, None, "? types in the editor");
    assert_eq!(
        app.editor.as_ref().expect("editor").text().len(),
        text.len() + 2
    );
    // Esc asks before discarding; only y discards.
    app.update(key(KeyCode::Esc));
    assert_eq!(app.overlay, Some(Overlay::Confirm(Confirm::DiscardEdits)));
    app.update(key(KeyCode::Esc));
    assert!(app.editor.is_some(), "a second Esc keeps editing");
    let help: Vec<&str> = microlings::tui::keys::bindings(KeyContext::Editor)
        .iter()
        .map(|b| b.does)
        .collect();
    assert!(
        !help.iter().any(|a| a.contains("twice")),
        "the help says what Esc does: {help:?}"
    );
}
