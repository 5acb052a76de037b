//! Every screen drawn on ratatui's TestBackend, compared with the committed snapshots.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use microlings::course::{Language, load_course};
use microlings::progress::Progress;
use microlings::run::{Outcome, Verdict};
use microlings::theme::{Theme, ThemeKind};
use microlings::tui::App;
use microlings::tui::msg::Msg;
use microlings::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(w: u16, h: u16) -> App {
    let course = Arc::new(load_course(None).expect("course"));
    let available = Language::ALL
        .iter()
        .map(|&l| (l, l != Language::CSharp))
        .collect();
    let progress = Progress {
        welcome_seen: true,
        ..Progress::default()
    };
    App::new(
        course,
        progress,
        available,
        Theme::new(ThemeKind::Dark),
        (w, h),
    )
    .0
}

fn draw(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).expect("terminal");
    terminal.draw(|f| view::render(app, f)).expect("draw");
    terminal.backend().to_string()
}

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn sizes() -> [(u16, u16); 2] {
    [(80, 24), (160, 48)]
}

#[test]
fn course_map() {
    for (w, h) in sizes() {
        let mut app = app(w, h);
        app.update(key('j'));
        app.update(key('j'));
        insta::assert_snapshot!(format!("map_{w}x{h}"), draw(&app));
    }
}

#[test]
fn lesson_reader() {
    for (w, h) in sizes() {
        let mut app = app(w, h);
        app.open_lesson(1);
        app.update(Msg::Resize(w, h));
        insta::assert_snapshot!(format!("lesson_{w}x{h}"), draw(&app));
    }
}

#[test]
fn long_lesson_scrolled_to_the_middle() {
    let mut app = app(80, 24);
    let longest = (0..app.course.lessons.len())
        .max_by_key(|&i| app.course.lessons[i].body.len())
        .expect("lessons");
    app.open_lesson(longest);
    app.update(Msg::Resize(80, 24));
    let middle = app.lesson.line_count() / 2;
    app.lesson
        .scroll_by(middle as isize, app.lesson_view_height());
    insta::assert_snapshot!("lesson_middle_80x24", draw(&app));
}

#[test]
fn exercise_view_with_a_diff() {
    for (w, h) in sizes() {
        let mut app = app(w, h);
        let slug = app.course.lessons[1].exercises[0].clone();
        app.open_exercise(&slug, Some(Language::Python));
        let sources = Language::ALL
            .iter()
            .map(|&l| {
                (
                    l,
                    Ok(app
                        .course
                        .exercise(&slug)
                        .expect("exercise")
                        .starter(l)
                        .to_string()),
                )
            })
            .collect();
        app.update(Msg::SourcesLoaded {
            exercise: slug.clone(),
            sources,
        });
        let diff = microlings::run::compare::compare(
            "apple 360\npear 190\ntotal 550\n",
            "apple 360\npear 22222\n",
        );
        app.update(Msg::CheckDone {
            batch: 1,
            outcome: Box::new(Outcome {
                exercise: slug.clone(),
                language: Language::Python,
                verdict: Verdict::WrongOutput,
                duration_ms: 48,
                exit_code: Some(0),
                stdout: String::new(),
                stderr: String::new(),
                diff,
                case: None,
                message: "the output is not what was expected".into(),
                cached: false,
                service: None,
                more_failures: Vec::new(),
            }),
            finished_at: 0,
        });
        insta::assert_snapshot!(format!("exercise_{w}x{h}"), draw(&app));
    }
}

#[test]
fn help_and_welcome_overlays() {
    for (w, h) in sizes() {
        let mut app = app(w, h);
        app.update(key('?'));
        insta::assert_snapshot!(format!("help_{w}x{h}"), draw(&app));
    }
    let course = Arc::new(load_course(None).expect("course"));
    let available = Language::ALL.iter().map(|&l| (l, true)).collect();
    let (welcome, _) = App::new(
        course,
        Progress::default(),
        available,
        Theme::new(ThemeKind::Mono),
        (80, 24),
    );
    insta::assert_snapshot!("welcome_80x24", draw(&welcome));
}

#[test]
fn too_small_terminal() {
    let app = app(20, 6);
    insta::assert_snapshot!("too_small_20x6", draw(&app));
}

#[test]
fn lab_screen_with_a_saved_run() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/lab_run.json"
    ))
    .expect("fixture");
    let run: microlings::run::lab::LabRun = serde_json::from_str(&text).expect("a lab run");
    for (w, h) in sizes() {
        let mut app = app(w, h);
        app.progress.lab_runs.push(run.clone());
        app.update(key('L'));
        insta::assert_snapshot!(format!("lab_{w}x{h}"), draw(&app));
    }
}

#[test]
fn built_in_editor() {
    let mut app = app(80, 24);
    let slug = app.course.lessons[1].exercises[0].clone();
    app.open_exercise(&slug, Some(Language::Go));
    let source = app
        .course
        .exercise(&slug)
        .expect("exercise")
        .starter(Language::Go)
        .to_string();
    app.update(Msg::SourcesLoaded {
        exercise: slug,
        sources: vec![(Language::Go, Ok(source))],
    });
    app.update(key('i'));
    app.update(key('x'));
    insta::assert_snapshot!("editor_80x24", draw(&app));
}

fn open_with_starters(app: &mut App, slug: &str, lang: Language) {
    app.open_exercise(slug, Some(lang));
    let ex = app.course.exercise(slug).expect("exercise").clone();
    let sources = Language::ALL
        .iter()
        .map(|&l| (l, Ok(ex.starter(l).to_string())))
        .collect();
    app.update(Msg::SourcesLoaded {
        exercise: slug.to_string(),
        sources,
    });
}

/// typing-parse-port's `tricky` case, failed by a program that accepts " 443" and "+80".
fn tricky_outcome(lang: Language) -> Outcome {
    // The case's real expected output, eight lines, one per input line.
    let diff = microlings::run::compare::compare(
        "error not a number\nerror not a number\nerror not a number\nerror not a number\n\
         error out of range\nerror not a number\nerror not a number\nok 22\n",
        "ok 443\nok 80\nerror not a number\nerror not a number\n\
         error out of range\nerror not a number\nError not a number\nok 22\n",
    );
    Outcome {
        exercise: "typing-parse-port".into(),
        language: lang,
        verdict: Verdict::WrongOutput,
        duration_ms: 31,
        exit_code: Some(0),
        stdout: String::new(),
        stderr: String::new(),
        diff,
        case: Some("tricky".into()),
        message: "the output for case 'tricky' is not what was expected".into(),
        cached: false,
        service: None,
        more_failures: Vec::new(),
    }
}

#[test]
fn a_failing_case_shows_its_input_and_the_changed_characters() {
    let mut app = app(80, 24);
    open_with_starters(&mut app, "typing-parse-port", Language::Python);
    app.update(Msg::CheckDone {
        batch: 1,
        outcome: Box::new(tricky_outcome(Language::Python)),
        finished_at: 0,
    });
    app.update(key('f'));
    let screen = draw(&app);
    assert!(screen.contains("case 'tricky'"), "{screen}");
    assert!(screen.contains("< ·443"), "{screen}");
    // What is wrong first: the diff; the case's whole input after it, by scrolling.
    assert!(screen.contains("▶ - error not a number"), "{screen}");
    insta::assert_snapshot!("exercise_case_input_full_80x24", screen);

    // Inside the changed line only the changed character is reversed: `E` of `Error`.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| view::render(&app, f)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let row = (0..24)
        .find(|&y| {
            (0..80)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
                .contains("+ Error")
        })
        .expect("the changed line");
    let reversed: String = (0..80)
        .filter(|&x| {
            buffer[(x, row)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        })
        .map(|x| buffer[(x, row)].symbol().to_string())
        .collect();
    assert_eq!(reversed, "E");
    // Scrolled to its end, the result shows every input line.
    for _ in 0..40 {
        app.update(key('J'));
    }
    let end = draw(&app);
    assert!(
        end.contains("its whole input (stdin, 8 lines)") && end.contains("< 22"),
        "{end}"
    );
}

#[test]
fn popups_render_markdown_at_their_width() {
    let mut app = app(80, 24);
    open_with_starters(&mut app, "typing-parse-port", Language::Python);
    app.update(key('t'));
    let task = draw(&app);
    assert!(!task.contains("**") && !task.contains('`'), "{task}");
    insta::assert_snapshot!("task_popup_80x24", task);
    app.update(key('x'));
    app.update(key('h'));
    insta::assert_snapshot!("hints_popup_80x24", draw(&app));
    app.update(Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
    app.update(key('?'));
    insta::assert_snapshot!("help_exercise_80x24", draw(&app));
}

#[test]
fn the_editor_shows_the_verdict_of_a_save_and_only_its_own_keys() {
    let mut app = app(80, 24);
    open_with_starters(&mut app, "typing-parse-port", Language::Python);
    app.update(key('i'));
    app.update(Msg::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    app.update(Msg::CheckDone {
        batch: 1,
        outcome: Box::new(tricky_outcome(Language::Python)),
        finished_at: 0,
    });
    let screen = draw(&app);
    assert!(screen.contains("wrong output"), "{screen}");
    assert!(
        !screen.contains("? help") && !screen.contains("q quit"),
        "{screen}"
    );
    insta::assert_snapshot!("editor_verdict_80x24", screen);
    // The first mismatch is in view under the file, with its input line and both sides.
    for seen in ["▶ - error not a number", "+ ok 443", "< ·443"] {
        assert!(screen.contains(seen), "{seen}: {screen}");
    }
    // Keys that do not type scroll the result to its end: the whole input of the case.
    let text = app.editor.as_ref().expect("editing").text();
    for _ in 0..40 {
        app.update(Msg::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::ALT)));
    }
    let end = draw(&app);
    assert!(end.contains("< 22") && end.contains(" end "), "{end}");
    assert_eq!(app.editor.as_ref().expect("editing").text(), text);
    insta::assert_snapshot!("editor_verdict_end_80x24", end);
}

#[test]
fn compare_in_the_tab_layout_shows_another_language() {
    let mut app = app(80, 24);
    open_with_starters(&mut app, "typing-parse-port", Language::Python);
    let mut passed = tricky_outcome(Language::Python);
    passed.verdict = Verdict::Passed;
    passed.diff = None;
    passed.case = None;
    app.update(Msg::CheckDone {
        batch: 1,
        outcome: Box::new(passed),
        finished_at: 0,
    });
    app.update(key('c'));
    let screen = draw(&app);
    assert!(
        screen.contains("Go ") && screen.contains("reference solution"),
        "{screen}"
    );
    insta::assert_snapshot!("compare_tabs_80x24", screen);
    // f gives the files the whole height, and the footer still says compare.
    app.update(key('f'));
    let full = draw(&app);
    assert!(
        full.contains("reference solution")
            && full.contains("stop comparing")
            && !full.contains("Result:"),
        "{full}"
    );
    insta::assert_snapshot!("compare_full_80x24", full);
    // c leaves compare, visibly.
    app.update(key('c'));
    assert!(draw(&app).contains("Result: Python"));
}

#[test]
fn small_screens_keep_names_and_figures_whole() {
    let mut app = app(40, 12);
    for _ in 0..4 {
        app.update(key('j'));
    }
    let map = draw(&app);
    assert!(
        map.contains("typing-orders") && map.contains("typing-parse-port"),
        "{map}"
    );
    insta::assert_snapshot!("map_40x12", map);
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/lab_run.json"
    ))
    .expect("fixture");
    let run: microlings::run::lab::LabRun = serde_json::from_str(&text).expect("a lab run");
    let mut app = self::app(40, 12);
    app.progress.lab_runs.push(run);
    app.update(key('L'));
    insta::assert_snapshot!("lab_40x12", draw(&app));
}

#[test]
fn the_map_previews_an_exercise_rendered() {
    let mut app = app(160, 48);
    app.map.select_exercise("typing-parse-port");
    app.update(Msg::Resize(160, 48));
    let screen = draw(&app);
    assert!(!screen.contains("**") && !screen.contains('`'), "{screen}");
    insta::assert_snapshot!("map_preview_160x48", screen);
}

#[test]
fn control_characters_a_program_prints_are_shown_as_symbols() {
    let mut app = app(80, 24);
    open_with_starters(&mut app, "typing-parse-port", Language::Python);
    let mut o = tricky_outcome(Language::Python);
    o.verdict = Verdict::RuntimeError;
    o.diff = None;
    o.stdout = "\u{1b}]0;TITLE\u{7}half an answer\n".into();
    o.stderr = "\u{1b}[2JTraceback\u{9b}31m\n".into();
    app.update(Msg::CheckDone {
        batch: 1,
        outcome: Box::new(o),
        finished_at: 0,
    });
    let screen = draw(&app);
    assert!(screen.contains("␛]0;TITLE␇half an answer"), "{screen}");
    assert!(screen.contains("␛[2JTraceback<U+009B>31m"), "{screen}");
    assert!(
        !screen.contains('\u{1b}') && !screen.contains('\u{7}') && !screen.contains('\u{9b}'),
        "{screen}"
    );
}
