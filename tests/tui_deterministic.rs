//! A deterministic update and an honest runtime: the time comes in messages, so do the
//! syntaxes; a saved snapshot does not undo changes still being saved; the layout is computed
//! once, in update, and the view draws in it; the saved screen is typed and old files load.

mod tui_common;

use crossterm::event::KeyCode;
use microlings::course::Language;
use microlings::progress::{Change, LoadNotice, Position, Progress, ProgressStore, SavedScreen};
use microlings::run::Verdict;
use microlings::tui::App;
use microlings::tui::app::Screen;
use microlings::tui::exercise::PaneMode;
use microlings::tui::msg::{Cmd, Msg};
use tui_common::*;

#[test]
fn old_progress_files_resume_on_their_saved_screen() {
    // A file as earlier versions wrote it: the screen is a word.
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProgressStore::in_dir(dir.path());
    let file = |screen: &str| {
        format!(
            r#"{{"version": 2, "welcome_seen": true, "position": {{"screen": "{screen}",
            "lesson": "input-and-output", "scroll": 0, "exercise": "double", "language": "java"}}}}"#
        )
    };
    std::fs::write(store.path(), file("exercise")).expect("write");
    let (progress, notice) = store.load().expect("load");
    // Version 2 is migrated to 3 (hints per exercise); the screen word reads as before.
    assert_eq!(notice, Some(LoadNotice::Migrated { from: 2 }));
    assert_eq!(progress.position.screen, Some(SavedScreen::Exercise));
    let app = app_with(progress);
    assert_eq!(app.screen, Screen::Exercise);
    assert_eq!(app.exercise.slug.as_deref(), Some("double"));
    assert_eq!(app.exercise.focus, Language::Java);

    // A screen this version does not know (a newer one's) is not a corrupt file: the learner
    // starts on the map, at the saved exercise.
    std::fs::write(store.path(), file("playground")).expect("write");
    let (progress, notice) = store.load().expect("load");
    assert_eq!(
        notice,
        Some(LoadNotice::Migrated { from: 2 }),
        "not moved aside"
    );
    assert_eq!(progress.position.screen, None);
    let app = app_with(progress);
    assert_eq!(app.screen, Screen::Map);
    assert_eq!(app.map.selected_exercise(), Some("double"));

    // Saved as the same words, so older versions read newer files.
    for (screen, word) in [
        (SavedScreen::Map, "map"),
        (SavedScreen::Lesson, "lesson"),
        (SavedScreen::Exercise, "exercise"),
        (SavedScreen::Report, "report"),
        (SavedScreen::Lab, "lab"),
    ] {
        let json = serde_json::to_value(Position {
            screen: Some(screen),
            ..Position::default()
        })
        .expect("json");
        assert_eq!(json["screen"], word);
    }
}

#[test]
fn a_first_pass_is_dated_by_the_check_not_by_the_clock_of_update() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    let Msg::CheckDone { batch, outcome, .. } = outcome(&app, Language::Go, Verdict::Passed) else {
        panic!("outcome() makes a CheckDone");
    };
    let cmds = app.update(Msg::CheckDone {
        batch,
        outcome,
        finished_at: 1_234,
    });
    assert!(
        matches!(saves(&cmds)[..], [Change::Outcome { at: 1_234, .. }]),
        "{cmds:?}"
    );
    assert_eq!(
        app.progress.record(&slug, Language::Go).first_passed,
        Some(1_234)
    );
    // The saver applies the same change: the same date on disk.
    let mut saved = Progress::default();
    saves(&cmds)[0].apply(&mut saved);
    assert_eq!(saved.record(&slug, Language::Go).first_passed, Some(1_234));
}

#[test]
fn a_saved_snapshot_does_not_undo_changes_still_being_saved() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    let initial = app.progress.clone();
    let first = app.update(ch('h'));
    app.update(key(KeyCode::Esc));
    let second = app.update(ch('h'));
    assert_eq!(app.progress.hints_used(&slug), 2);
    let seq = |cmds: &[Cmd]| {
        cmds.iter()
            .find_map(|c| match c {
                Cmd::Save {
                    seq,
                    change: Change::Hint(..),
                } => Some(*seq),
                _ => None,
            })
            .expect("a hint is saved")
    };
    let (a, b) = (seq(&first), seq(&second));
    assert!(a < b);
    // The saver finished the first change while the second was still queued.
    let mut snapshot = initial.clone();
    saves(&first)
        .iter()
        .for_each(|change| change.apply(&mut snapshot));
    app.update(Msg::ProgressSaved {
        seq: a,
        progress: Box::new(snapshot.clone()),
    });
    assert_eq!(
        app.progress.hints_used(&slug),
        2,
        "the second hint is still counted"
    );
    // Then the second: nothing is applied twice.
    saves(&second)
        .iter()
        .for_each(|change| change.apply(&mut snapshot));
    app.update(Msg::ProgressSaved {
        seq: b,
        progress: Box::new(snapshot),
    });
    assert_eq!(app.progress.hints_used(&slug), 2);
    // A change that could not be saved: the learner is told, and the next snapshot, which
    // lacks it, stands (what is on disk is what counts).
    app.update(key(KeyCode::Esc));
    let third = app.update(ch('h'));
    app.update(Msg::ProgressError {
        seq: seq(&third),
        error: "disk full".into(),
    });
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("disk full"))
    );
    app.update(key(KeyCode::Esc));
    let position = app.update(key(KeyCode::Esc));
    let Some(Cmd::Save { seq: last, change }) = position.last().cloned() else {
        panic!("leaving saves the position: {position:?}");
    };
    let mut on_disk = app.progress.clone();
    on_disk.hints.insert(slug.clone(), 2);
    change.apply(&mut on_disk);
    app.update(Msg::ProgressSaved {
        seq: last,
        progress: Box::new(on_disk),
    });
    assert_eq!(app.progress.hints_used(&slug), 2);
}

/// Every span of some lines, with its style.
fn styles(lines: &[ratatui::text::Line<'_>]) -> std::collections::HashSet<ratatui::style::Style> {
    lines
        .iter()
        .flat_map(|l| l.spans.iter().map(|s| s.style))
        .collect()
}

#[test]
fn code_is_coloured_when_the_syntaxes_arrive_in_a_message_not_before() {
    // Loaded in this process (as the runtime's thread would have by now): update does not look.
    let syntaxes = microlings::highlight::syntaxes();
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    app.update(Msg::SourcesLoaded {
        exercise: slug.clone(),
        sources: vec![(Language::Python, Ok("def f(x):\n    return 'x'\n".into()))],
    });
    let plain = styles(&app.exercise.panes[&Language::Python].highlighted);
    assert_eq!(plain.len(), 1, "one style: plain {plain:?}");
    app.open_lesson(0);
    app.update(Msg::Resize(100, 30));
    let lesson_before = app.lesson.rendered.clone().expect("rendered");
    assert!(lesson_before.pending_highlight);

    app.update(Msg::HighlightReady(syntaxes));
    let lesson_after = app.lesson.rendered.clone().expect("rendered");
    assert!(!lesson_after.pending_highlight);
    assert!(styles(&lesson_after.lines).len() > styles(&lesson_before.lines).len());
    app.open_exercise(&slug, Some(Language::Python));
    app.update(Msg::SourcesLoaded {
        exercise: slug,
        sources: vec![(Language::Python, Ok("def f(x):\n    return 'x'\n".into()))],
    });
    let coloured = styles(&app.exercise.panes[&Language::Python].highlighted);
    assert!(coloured.len() >= 3, "coloured: {coloured:?}");
}

#[test]
fn code_shown_plain_is_coloured_in_place_when_the_syntaxes_arrive() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    app.update(Msg::SourcesLoaded {
        exercise: slug.clone(),
        sources: vec![(Language::Go, Ok("package main\n\nfunc main() {}\n".into()))],
    });
    app.update(outcome(&app, Language::Python, Verdict::Passed));
    app.update(ch('c'));
    assert_eq!(app.exercise.mode, PaneMode::Compare);
    assert_eq!(styles(&app.exercise.panes[&Language::Go].solution).len(), 1);
    app.update(Msg::HighlightReady(microlings::highlight::syntaxes()));
    assert!(styles(&app.exercise.panes[&Language::Go].highlighted).len() >= 3);
    assert!(styles(&app.exercise.panes[&Language::Go].solution).len() >= 3);
}

/// The screen as text, drawn on a test terminal of the app's size.
fn draw(app: &App) -> Vec<String> {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(app.size.0, app.size.1))
            .expect("terminal");
    terminal
        .draw(|f| microlings::tui::view::render(app, f))
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    (0..app.size.1)
        .map(|y| (0..app.size.0).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

#[test]
fn the_view_draws_in_the_layout_update_computed() {
    let mut app = app();
    app.update(Msg::Resize(80, 24));
    open_first_exercise(&mut app);
    load_sources(&mut app);
    app.update(long_outcome(&app, Language::Python));
    let layout = app.exercise.layout.clone().expect("laid out in update");
    let title_row = |screen: &[String]| screen.iter().position(|l| l.contains(" Result: "));
    assert_eq!(title_row(&draw(&app)), Some(layout.result.y as usize));
    // The keys scroll the result as far as the layout lets it show, no further.
    for _ in 0..200 {
        app.update(ch('J'));
    }
    assert_eq!(
        app.exercise.panes[&Language::Python].result_scroll,
        layout.result_max_scroll()
    );
    let screen = draw(&app);
    assert!(
        screen.iter().any(|l| l.contains("trace line 60")),
        "{screen:#?}"
    );
    assert!(screen.iter().any(|l| l.contains(" end ")), "{screen:#?}");
    // Drawing reads the layout rather than computing its own: move the result, and it moves.
    let moved = layout.result.y - 2;
    if let Some(l) = app.exercise.layout.as_mut() {
        l.result.y = moved;
    }
    assert_eq!(title_row(&draw(&app)), Some(moved as usize));

    // The lesson's text column, likewise.
    app.open_lesson(1);
    app.update(ch('j'));
    let rendered = app.lesson.rendered.clone().expect("rendered");
    let text: String = rendered.lines[app.lesson.scroll..]
        .iter()
        .map(|l| l.to_string())
        .find(|l| l.trim().len() > 20)
        .expect("a line of text")
        .trim()
        .chars()
        .take(12)
        .collect();
    let column = |screen: &[String]| {
        screen
            .iter()
            .find_map(|l| l.find(&text).map(|byte| l[..byte].chars().count()))
            .expect("the text is drawn")
    };
    let at = column(&draw(&app));
    app.layout.page.lesson_text.x += 3;
    assert_eq!(column(&draw(&app)), at + 3);
}
