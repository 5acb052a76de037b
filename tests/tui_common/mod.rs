//! Shared helpers for the TUI's tests: an app on the fixture course in
//! tests/fixtures/tui-course (three lessons, three exercises), so that the tests do not depend
//! on where the real course puts its lessons, and the messages they send it.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use microlings::course::{Course, Language, load_course};
use microlings::progress::{Change, Progress};
use microlings::run::{Outcome, Verdict};
use microlings::theme::{Theme, ThemeKind};
use microlings::tui::App;
use microlings::tui::msg::{Cmd, Msg};

pub fn course() -> Arc<Course> {
    static COURSE: std::sync::OnceLock<Arc<Course>> = std::sync::OnceLock::new();
    COURSE
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui-course");
            Arc::new(load_course(Some(&dir)).expect("the fixture course loads"))
        })
        .clone()
}

pub fn app_with(progress: Progress) -> App {
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

pub fn app() -> App {
    app_with(Progress {
        welcome_seen: true,
        ..Progress::default()
    })
}

pub fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Msg {
    key(KeyCode::Char(c))
}

pub fn alt(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::ALT))
}

pub fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub fn saves(cmds: &[Cmd]) -> Vec<&Change> {
    cmds.iter()
        .filter_map(|c| match c {
            Cmd::Save { change, .. } => Some(change),
            _ => None,
        })
        .collect()
}

pub fn outcome(app: &App, lang: Language, verdict: Verdict) -> Msg {
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
            more_failures: Vec::new(),
        }),
        finished_at: 1_700_000_000,
    }
}

pub fn open_first_exercise(app: &mut App) -> String {
    let slug = app.course.lessons[0].exercises[0].clone();
    app.open_exercise(&slug, Some(Language::Python));
    slug
}

pub fn lab_run() -> microlings::run::lab::LabRun {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/lab_run.json"
    ))
    .expect("fixture");
    serde_json::from_str(&text).expect("a lab run")
}

pub fn long_outcome(app: &App, lang: Language) -> Msg {
    let Msg::CheckDone {
        batch,
        mut outcome,
        finished_at,
    } = outcome(app, lang, Verdict::RuntimeError)
    else {
        panic!("outcome() makes a CheckDone");
    };
    // Long lines: the result panel shows an excerpt of stderr (its first and last lines, as
    // the command line does), and the excerpt still has to wrap past the screen.
    let frame = "at com.example.orders.Service.handle(Service.java:42) ".repeat(3);
    outcome.stderr = (1..=60)
        .map(|i| format!("trace line {i}: {frame}\n"))
        .collect();
    Msg::CheckDone {
        batch,
        outcome,
        finished_at,
    }
}

pub fn load_sources(app: &mut App) {
    let slug = app.exercise.slug.clone().expect("an exercise is open");
    let text: String = (1..=40).map(|i| format!("line {i}\n")).collect();
    let sources = Language::ALL
        .iter()
        .map(|&l| (l, Ok(text.clone())))
        .collect();
    app.update(Msg::SourcesLoaded {
        exercise: slug,
        sources,
    });
}
