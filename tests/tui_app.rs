//! `App::update`: every key on every screen does what the help says, without a terminal.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use microlings::course::{Course, Language, load_course};
use microlings::progress::{Change, Position, Progress, Status};
use microlings::run::{Outcome, Verdict};
use microlings::theme::{Theme, ThemeKind};
use microlings::tui::App;
use microlings::tui::app::{Confirm, Overlay, Screen};
use microlings::tui::msg::{Cmd, Msg};

fn course() -> Arc<Course> {
    Arc::new(load_course(None).expect("the embedded course loads"))
}

fn app_with(progress: Progress) -> App {
    let available = Language::ALL.iter().map(|&l| (l, true)).collect();
    App::new(
        course(),
        progress,
        available,
        Theme::new(ThemeKind::Dark),
        (100, 30),
    )
    .0
}

fn app() -> App {
    app_with(Progress {
        welcome_seen: true,
        ..Progress::default()
    })
}

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn saves(cmds: &[Cmd]) -> Vec<&Change> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Save(ch) => Some(ch),
            _ => None,
        })
        .collect()
}

fn outcome(app: &App, lang: Language, verdict: Verdict) -> Msg {
    Msg::CheckDone {
        batch: 1_000,
        outcome: Box::new(Outcome {
            exercise: app.exercise.slug.clone().expect("an exercise is open"),
            language: lang,
            verdict,
            duration_ms: 42,
            exit_code: Some(0),
            stdout: String::new(),
            stderr: String::new(),
            diff: None,
            case: None,
            message: String::new(),
            cached: false,
            service: None,
        }),
    }
}

#[test]
fn first_run_shows_the_welcome_once() {
    let available = Language::ALL.iter().map(|&l| (l, true)).collect();
    let (mut app, cmds) = App::new(
        course(),
        Progress::default(),
        available,
        Theme::new(ThemeKind::Dark),
        (80, 24),
    );
    assert_eq!(app.overlay, Some(Overlay::Welcome));
    assert!(saves(&cmds).contains(&&Change::WelcomeSeen));
    app.update(ch('x'));
    assert_eq!(app.overlay, None);
    assert!(!app.quit);
}

#[test]
fn map_moves_and_opens_lessons_and_exercises() {
    let mut app = app();
    assert_eq!(app.screen, Screen::Map);
    assert_eq!(app.map.selected, 0);
    app.update(ch('j'));
    app.update(key(KeyCode::Down));
    assert_eq!(app.map.selected, 2);
    app.update(ch('k'));
    assert_eq!(app.map.selected, 1);
    app.update(ch('G'));
    assert_eq!(app.map.selected, app.map.rows.len() - 1);
    app.update(ch('g'));
    assert_eq!(app.map.selected, 0);
    app.update(ch('j'));
    let cmds = app.update(key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Lesson);
    assert!(
        saves(&cmds)
            .iter()
            .any(|c| matches!(c, Change::LessonRead(s) if s == &app.course.lessons[0].slug))
    );
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Map);
    app.update(ch('j'));
    let cmds = app.update(key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Exercise);
    assert!(cmds.iter().any(|c| matches!(c, Cmd::LoadSources(_))));
}

#[test]
fn continue_goes_to_the_first_unread_lesson_then_the_first_unfinished_exercise() {
    let mut app = app();
    app.update(ch('c'));
    assert_eq!((app.screen, app.lesson.index), (Screen::Lesson, 0));
    app.update(key(KeyCode::Esc));
    app.update(ch('c'));
    assert_eq!(app.screen, Screen::Exercise);
    let first = app.course.lessons[0].exercises[0].clone();
    assert_eq!(app.exercise.slug.as_deref(), Some(first.as_str()));
}

#[test]
fn lesson_keys_scroll_jump_and_answer_quizzes() {
    let mut app = app();
    app.open_lesson(1);
    app.update(Msg::Resize(100, 30));
    let h = app.lesson_view_height();
    assert!(
        app.lesson.line_count() > h,
        "the lesson is longer than a screen"
    );
    app.update(ch('j'));
    app.update(key(KeyCode::Down));
    assert_eq!(app.lesson.scroll, 2);
    app.update(ch('k'));
    assert_eq!(app.lesson.scroll, 1);
    app.update(key(KeyCode::PageDown));
    assert!(app.lesson.scroll > 10);
    app.update(key(KeyCode::PageUp));
    assert_eq!(app.lesson.scroll, 1);
    app.update(ch('G'));
    assert_eq!(app.lesson.scroll, app.lesson.line_count() - h);
    app.update(ch('g'));
    assert_eq!(app.lesson.scroll, 0);
    app.update(ch(']'));
    let headings: Vec<usize> = app
        .lesson
        .rendered
        .as_ref()
        .expect("rendered")
        .headings
        .iter()
        .map(|h| h.0)
        .collect();
    assert_eq!(
        app.lesson.scroll,
        *headings.iter().find(|&&l| l > 0).expect("a heading")
    );
    app.update(ch('['));
    assert!(app.lesson.scroll < headings[1]);

    app.update(key(KeyCode::Tab));
    assert_eq!(app.lesson.quiz_focus, Some(0));
    let quiz_line = app.lesson.rendered.as_ref().expect("rendered").quizzes[0];
    assert!(app.lesson.scroll <= quiz_line && quiz_line < app.lesson.scroll + h);
    let answer = app.course.lessons[1].quizzes[0].answer;
    let cmds = app.update(ch(char::from(b'1' + answer as u8)));
    let slug = app.course.lessons[1].slug.clone();
    assert!(saves(&cmds).contains(&&Change::Quiz(slug.clone(), 0, answer, true)));
    assert!(
        app.progress
            .quiz_answer(&slug, 0)
            .is_some_and(|a| a.correct)
    );
    app.update(key(KeyCode::Tab));
    assert_eq!(app.lesson.quiz_focus, Some(1));
    app.update(key(KeyCode::BackTab));
    assert_eq!(app.lesson.quiz_focus, Some(0));

    app.update(ch('n'));
    assert_eq!(app.lesson.index, 2);
    app.update(ch('p'));
    assert_eq!(app.lesson.index, 1);
    app.update(ch('x'));
    assert_eq!(app.screen, Screen::Exercise);
    assert_eq!(
        app.exercise.slug.as_deref(),
        Some(app.course.lessons[1].exercises[0].as_str())
    );
}

#[test]
fn mouse_wheel_scrolls_the_lesson() {
    use crossterm::event::{MouseEvent, MouseEventKind};
    let mut app = app();
    app.open_lesson(0);
    app.update(Msg::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 0,
        row: 0,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(app.lesson.scroll, 3);
}

fn open_first_exercise(app: &mut App) -> String {
    let slug = app.course.lessons[0].exercises[0].clone();
    app.open_exercise(&slug, Some(Language::Python));
    slug
}

#[test]
fn exercise_checks_run_in_parallel_and_record_outcomes() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    let cmds = app.update(ch('r'));
    assert!(
        matches!(&cmds[..], [Cmd::Check { languages, exercise, .. }] if languages.len() == 4 && exercise == &slug)
    );
    assert!(app.animating());
    let done = outcome(&app, Language::Go, Verdict::WrongOutput);
    let cmds = app.update(done);
    assert!(matches!(saves(&cmds)[..], [Change::Outcome(o)] if o.language == Language::Go));
    assert_eq!(
        app.progress.record(&slug, Language::Go).status,
        Status::Failed
    );
    let cmds = app.update(key(KeyCode::Esc));
    assert_eq!(cmds, vec![Cmd::CancelChecks]);
    assert!(!app.animating());
    // A result from the cancelled batch is ignored.
    let Msg::CheckDone { outcome: late, .. } = outcome(&app, Language::Java, Verdict::Passed)
    else {
        panic!("outcome() makes a CheckDone");
    };
    app.update(Msg::CheckDone {
        batch: 1,
        outcome: late,
    });
    assert_eq!(
        app.progress.record(&slug, Language::Java).status,
        Status::NotTried
    );

    let cmds = app.update(key(KeyCode::Enter));
    assert!(
        matches!(&cmds[..], [Cmd::Check { languages, .. }] if languages == &vec![Language::Python])
    );
}

#[test]
fn exercise_focus_keys_move_between_languages() {
    let mut app = app();
    open_first_exercise(&mut app);
    app.update(key(KeyCode::Tab));
    assert_eq!(app.exercise.focus, Language::Go);
    app.update(key(KeyCode::Right));
    assert_eq!(app.exercise.focus, Language::Java);
    app.update(key(KeyCode::Left));
    assert_eq!(app.exercise.focus, Language::Go);
    app.update(key(KeyCode::BackTab));
    assert_eq!(app.exercise.focus, Language::Python);
    app.update(ch('4'));
    assert_eq!(app.exercise.focus, Language::CSharp);
    app.update(key(KeyCode::Tab));
    assert_eq!(app.exercise.focus, Language::Python);
}

#[test]
fn hints_solution_and_compare_follow_the_rules() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    let cmds = app.update(ch('h'));
    assert!(matches!(saves(&cmds)[..], [Change::Hint(s, Language::Python, _)] if s == &slug));
    assert_eq!(app.exercise.hints_shown, 1);

    app.update(ch('s'));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("at least once")),
        "{:?}",
        app.message
    );
    assert_eq!(app.overlay, None);
    app.update(key(KeyCode::Enter));
    app.update(outcome(&app, Language::Python, Verdict::WrongOutput));
    app.update(ch('s'));
    assert_eq!(
        app.overlay,
        Some(Overlay::Confirm(Confirm::RevealSolution(Language::Python)))
    );
    let cmds = app.update(ch('y'));
    assert!(saves(&cmds).contains(&&Change::SolutionSeen(slug.clone(), Language::Python)));
    assert_eq!(
        app.exercise.mode,
        microlings::tui::exercise::PaneMode::Solution
    );
    app.update(ch('s'));
    assert_eq!(app.exercise.mode, microlings::tui::exercise::PaneMode::Mine);

    app.update(ch('c'));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("pass it"))
    );
    app.update(key(KeyCode::Enter));
    app.update(outcome(&app, Language::Python, Verdict::Passed));
    app.update(ch('c'));
    assert_eq!(
        app.exercise.mode,
        microlings::tui::exercise::PaneMode::Compare
    );
    app.update(key(KeyCode::Esc));
    assert_eq!(app.exercise.mode, microlings::tui::exercise::PaneMode::Mine);
    assert_eq!(app.screen, Screen::Exercise);
}

#[test]
fn editing_keys_open_the_editor_and_save() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    assert_eq!(
        app.update(ch('e')),
        vec![Cmd::OpenEditor(slug.clone(), Language::Python)]
    );
    app.update(Msg::SourcesLoaded {
        exercise: slug.clone(),
        sources: vec![(Language::Python, Ok("print(1)\n".into()))],
    });
    app.update(ch('i'));
    assert!(app.editor.is_some());
    app.update(ch('x'));
    let cmds = app.update(ctrl('s'));
    assert!(
        matches!(&cmds[..], [Cmd::WriteFile(s, Language::Python, text)] if s == &slug && text.contains('x'))
    );
    app.update(ch('y'));
    app.update(key(KeyCode::Esc));
    assert_eq!(app.overlay, Some(Overlay::Confirm(Confirm::DiscardEdits)));
    app.update(ch('n'));
    assert!(app.editor.is_some(), "keeps editing");
    app.update(key(KeyCode::Esc));
    app.update(ch('y'));
    assert!(app.editor.is_none());

    let cmds = app.update(Msg::FileWritten {
        language: Language::Python,
        error: None,
    });
    assert!(cmds.iter().any(|c| matches!(c, Cmd::Check { .. })));
    let cmds = app.update(Msg::FileChanged {
        exercise: slug.clone(),
        language: Language::Go,
    });
    assert!(
        cmds.iter()
            .any(|c| matches!(c, Cmd::Check { languages, .. } if languages == &vec![Language::Go]))
    );
    let cmds = app.update(ch('w'));
    assert_eq!(cmds, vec![Cmd::Watch(None)]);
    let cmds = app.update(Msg::FileChanged {
        exercise: slug,
        language: Language::Go,
    });
    assert!(cmds.is_empty(), "not watching: no re-check");
}

#[test]
fn next_and_previous_exercise_and_back_to_the_lesson() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    app.update(ch('n'));
    let second = app.course.lessons[0].exercises[1].clone();
    assert_eq!(app.exercise.slug.as_deref(), Some(second.as_str()));
    app.update(ch('p'));
    assert_eq!(app.exercise.slug.as_deref(), Some(slug.as_str()));
    app.update(ch('l'));
    assert_eq!((app.screen, app.lesson.index), (Screen::Lesson, 0));
}

#[test]
fn help_opens_and_closes_and_q_quits_from_anywhere() {
    let mut app = app();
    app.update(ch('?'));
    assert_eq!(app.overlay, Some(Overlay::Help));
    app.update(key(KeyCode::Esc));
    assert_eq!(app.overlay, None);
    assert!(!app.quit);
    open_first_exercise(&mut app);
    let cmds = app.update(ch('q'));
    assert!(app.quit);
    assert!(cmds.iter().any(
        |c| matches!(c, Cmd::Save(Change::Position(p)) if p.screen.as_deref() == Some("exercise"))
    ));
    assert_eq!(cmds.last(), Some(&Cmd::Quit));
    let mut app = self::app();
    app.update(ctrl('c'));
    assert!(app.quit);
}

#[test]
fn ctrl_c_in_the_editor_saves_unsaved_text() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    app.update(Msg::SourcesLoaded {
        exercise: slug.clone(),
        sources: vec![(Language::Python, Ok("a\n".into()))],
    });
    app.update(ch('i'));
    app.update(ch('b'));
    let cmds = app.update(ctrl('c'));
    assert!(
        cmds.iter()
            .any(|c| matches!(c, Cmd::WriteFile(s, _, t) if s == &slug && t.contains('b')))
    );
}

#[test]
fn resume_returns_to_the_saved_place() {
    let course = course();
    let lesson = course.lessons[2].slug.clone();
    let progress = Progress {
        welcome_seen: true,
        position: Position {
            screen: Some("lesson".into()),
            lesson: Some(lesson),
            scroll: 7,
            exercise: None,
            language: None,
        },
        ..Progress::default()
    };
    let app = app_with(progress);
    assert_eq!(
        (app.screen, app.lesson.index, app.lesson.scroll),
        (Screen::Lesson, 2, 7)
    );

    let ex = course.lessons[3].exercises[1].clone();
    let progress = Progress {
        welcome_seen: true,
        position: Position {
            screen: Some("exercise".into()),
            lesson: Some(course.lessons[3].slug.clone()),
            scroll: 0,
            exercise: Some(ex.clone()),
            language: Some(Language::Java),
        },
        ..Progress::default()
    };
    let app = app_with(progress);
    assert_eq!(app.screen, Screen::Exercise);
    assert_eq!(app.exercise.slug.as_deref(), Some(ex.as_str()));
    assert_eq!(app.exercise.focus, Language::Java);
    assert_eq!(app.position().exercise.as_deref(), Some(ex.as_str()));
}

#[test]
fn a_missing_toolchain_is_not_checked() {
    let mut available: std::collections::BTreeMap<Language, bool> =
        Language::ALL.iter().map(|&l| (l, true)).collect();
    available.insert(Language::Java, false);
    let (mut app, _) = App::new(
        course(),
        Progress {
            welcome_seen: true,
            ..Progress::default()
        },
        available,
        Theme::new(ThemeKind::Mono),
        (80, 24),
    );
    open_first_exercise(&mut app);
    let cmds = app.update(ch('r'));
    assert!(
        matches!(&cmds[..], [Cmd::Check { languages, .. }] if languages.len() == 3 && !languages.contains(&Language::Java))
    );
    app.update(ch('3'));
    let cmds = app.update(key(KeyCode::Enter));
    assert!(cmds.is_empty());
    assert!(app.message.as_deref().is_some_and(|m| m.contains("doctor")));
}

#[test]
fn the_report_opens_from_the_map_and_is_saved_as_markdown() {
    let mut app = app();
    app.update(ch('R'));
    assert_eq!(app.screen, Screen::Report);
    assert!(app.report.markdown.starts_with("# My microlings report"));
    assert!(
        app.report
            .rendered
            .as_ref()
            .is_some_and(|r| !r.lines.is_empty())
    );
    let cmds = app.update(ch('w'));
    assert!(matches!(&cmds[..], [Cmd::SaveReport(md)] if md.contains("## Exercises")));
    app.update(ch('j'));
    assert_eq!(app.report.scroll, 1);
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Map);
}

#[test]
fn continue_after_finishing_everything_shows_the_report() {
    let course = course();
    let mut progress = Progress {
        welcome_seen: true,
        ..Progress::default()
    };
    for lesson in &course.lessons {
        progress.lessons_read.insert(lesson.slug.clone());
    }
    for slug in course.exercises.keys() {
        for lang in Language::ALL {
            progress
                .exercises
                .entry(slug.clone())
                .or_default()
                .entry(lang)
                .or_default()
                .status = Status::Passed;
        }
    }
    let mut app = app_with(progress);
    app.update(ch('c'));
    assert_eq!(app.screen, Screen::Report);
}

fn lab_run() -> microlings::run::lab::LabRun {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/lab_run.json"
    ))
    .expect("fixture");
    serde_json::from_str(&text).expect("a lab run")
}

#[test]
fn the_lab_runs_on_r_stops_on_esc_and_saves_its_result() {
    let mut app = app();
    app.update(ch('L'));
    assert_eq!(app.screen, Screen::Lab);
    assert_eq!(app.update(ch('r')), vec![Cmd::RunLab]);
    assert!(app.animating());
    assert!(
        app.update(ch('r')).is_empty(),
        "a second r does not start a second lab"
    );
    assert_eq!(app.update(key(KeyCode::Esc)), vec![Cmd::CancelLab]);
    assert_eq!(app.screen, Screen::Lab, "Esc first stops the lab");
    let cmds = app.update(Msg::LabDone(Box::new(lab_run())));
    assert!(matches!(saves(&cmds)[..], [Change::LabRun(_)]));
    assert!(!app.animating());
    assert_eq!(app.progress.lab_runs.len(), 1);
    assert!(app.lab_run().is_some());
    app.update(ch('r'));
    let mut cancelled = lab_run();
    cancelled.cancelled = true;
    let cmds = app.update(Msg::LabDone(Box::new(cancelled)));
    assert!(cmds.is_empty(), "a cancelled lab is not saved");
    app.update(key(KeyCode::Tab));
    assert_eq!(app.lab.metric, 1);
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Map);
}

#[test]
fn t_shows_the_whole_task() {
    let mut app = app();
    open_first_exercise(&mut app);
    app.update(ch('t'));
    assert_eq!(app.overlay, Some(Overlay::Task));
    app.update(ch('x'));
    assert_eq!(app.overlay, None);
    assert_eq!(app.screen, Screen::Exercise);
}
