//! `App::update` on the fixture course: each screen's keys and what they lead to, without a
//! terminal.

mod tui_common;

use crossterm::event::{KeyCode, KeyModifiers};
use microlings::course::Language;
use microlings::progress::{Change, Position, Progress, SavedScreen, Status};
use microlings::run::Verdict;
use microlings::theme::{Theme, ThemeKind};
use microlings::tui::App;
use microlings::tui::app::{Confirm, Overlay, Screen};
use microlings::tui::exercise::PaneMode;
use microlings::tui::msg::{Cmd, Msg};
use tui_common::*;

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
        !saves(&cmds)
            .iter()
            .any(|c| matches!(c, Change::LessonRead(_))),
        "opening a lesson is not reading it"
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
    assert_eq!(
        (app.screen, app.lesson.index),
        (Screen::Lesson, 0),
        "a lesson left before its end is still to read"
    );
    app.update(ch('G'));
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
    // Esc leaves the quiz; the lesson's keys work again.
    app.update(key(KeyCode::Esc));

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
    assert!(
        matches!(saves(&cmds)[..], [Change::Outcome { outcome: o, at: 1_700_000_000, version: Some(_) }] if o.language == Language::Go)
    );
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
        finished_at: 0,
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
    assert_eq!(app.overlay, Some(Overlay::Hints));
    app.update(key(KeyCode::Esc));

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
    assert_eq!(app.exercise.mode, PaneMode::Solution);
    app.update(ch('s'));
    assert_eq!(app.exercise.mode, PaneMode::Mine);

    app.update(ch('c'));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("pass it"))
    );
    app.update(key(KeyCode::Enter));
    app.update(outcome(&app, Language::Python, Verdict::Passed));
    app.update(ch('c'));
    assert_eq!(app.exercise.mode, PaneMode::Compare);
    app.update(key(KeyCode::Esc));
    assert_eq!(app.exercise.mode, PaneMode::Mine);
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
        exercise: slug.clone(),
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
fn watch_mode_never_judges_the_same_file_twice_at_once() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    let changed = || Msg::FileChanged {
        exercise: slug.clone(),
        language: Language::Go,
    };
    let checks = |cmds: &[Cmd]| {
        cmds.iter()
            .filter(
                |c| matches!(c, Cmd::Check { languages, .. } if languages == &vec![Language::Go]),
            )
            .count()
    };
    assert_eq!(checks(&app.update(changed())), 1);
    // Saved twice more while that check runs: one more check, once it is done.
    assert_eq!(checks(&app.update(changed())), 0);
    assert_eq!(checks(&app.update(changed())), 0);
    let done = outcome(&app, Language::Go, Verdict::WrongOutput);
    assert_eq!(checks(&app.update(done)), 1, "the last save is checked");
    let done = outcome(&app, Language::Go, Verdict::Passed);
    assert_eq!(checks(&app.update(done)), 0, "and nothing more");
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
        |c| matches!(c, Cmd::Save { change: Change::Position(p), .. } if p.screen == Some(SavedScreen::Exercise))
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
            screen: Some(SavedScreen::Lesson),
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

    let ex = course.lessons[0].exercises[1].clone();
    let progress = Progress {
        welcome_seen: true,
        position: Position {
            screen: Some(SavedScreen::Exercise),
            lesson: Some(course.lessons[0].slug.clone()),
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

#[test]
fn the_lab_runs_on_r_stops_on_esc_and_saves_its_result() {
    let mut app = app();
    app.update(ch('L'));
    assert_eq!(app.screen, Screen::Lab);
    assert_eq!(
        app.update(ch('r')),
        vec![Cmd::RunLab {
            languages: Language::ALL.to_vec(),
            native_aot: true
        }]
    );
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
    // The lab's one rule (learner::finish_lab), as the command line keeps it: a stopped run
    // that measured something is saved, marked cancelled; one that measured nothing is not.
    app.update(ch('r'));
    let mut cancelled = lab_run();
    cancelled.cancelled = true;
    assert!(cancelled.languages.iter().any(|l| !l.runs.is_empty()));
    let cmds = app.update(Msg::LabDone(Box::new(cancelled)));
    assert!(
        matches!(saves(&cmds)[..], [Change::LabRun(run)] if run.cancelled),
        "a cancelled lab that measured something is saved, marked cancelled"
    );
    assert_eq!(app.progress.lab_runs.len(), 2);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("marked cancelled"))
    );
    app.update(ch('r'));
    let mut nothing = lab_run();
    nothing.cancelled = true;
    for lang in &mut nothing.languages {
        lang.runs.clear();
    }
    let cmds = app.update(Msg::LabDone(Box::new(nothing)));
    assert!(
        saves(&cmds).is_empty(),
        "a lab stopped before it measured anything is not saved"
    );
    assert_eq!(app.progress.lab_runs.len(), 2);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("nothing was saved"))
    );
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

#[test]
fn h_opens_the_hint_where_the_learner_looks() {
    let mut app = app();
    app.update(Msg::Resize(80, 24));
    open_first_exercise(&mut app);
    app.update(long_outcome(&app, Language::Python));
    app.update(ch('h'));
    assert_eq!(app.overlay, Some(Overlay::Hints));
    let hint = &app
        .course
        .exercise(app.exercise.slug.as_deref().expect("open"))
        .expect("ex")
        .hints[0];
    let first_words: String = hint
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let popup: String = app
        .popup
        .lines
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(popup.contains("Hint 1 of"), "{popup}");
    assert!(
        popup.contains(&first_words.replace('`', "")),
        "{first_words} in {popup}"
    );
    assert!(
        !popup.contains('`'),
        "inline code without backticks: {popup}"
    );
    app.update(key(KeyCode::Esc));
    app.update(ch('h'));
    app.update(key(KeyCode::Esc));
    app.update(ch('h'));
    // The newest hint is in view (scrolled to, when the popup does not fit them all).
    let rows = microlings::tui::popup::visible_rows(24, app.popup.lines.len());
    assert_eq!(rows, app.popup.rows);
    let shown: Vec<String> = app.popup.lines[app.popup.scroll..]
        .iter()
        .take(rows)
        .map(|l| l.to_string())
        .collect();
    assert!(
        shown.iter().any(|l| l.contains("Hint 3 of 3")),
        "{shown:#?}"
    );
    app.update(Msg::Resize(80, 12));
    app.update(key(KeyCode::Esc));
    app.update(ch('h'));
    let top = app.popup.lines[app.popup.scroll].to_string();
    assert!(
        top.contains("Hint 3 of 3"),
        "on a short screen the newest is on top: {top}"
    );
}

#[test]
fn the_result_scrolls_per_language_stops_at_its_end_and_f_gives_it_the_height() {
    let mut app = app();
    app.update(Msg::Resize(80, 24));
    open_first_exercise(&mut app);
    app.update(long_outcome(&app, Language::Python));
    let max = app.exercise.result_max_scroll();
    assert!(max > 20, "a long result does not fit at 80x24: {max}");
    for _ in 0..200 {
        app.update(ch('J'));
    }
    let python = app.exercise.panes[&Language::Python].result_scroll;
    assert_eq!(python, max, "scrolling stops at the end");
    app.update(ch('2'));
    assert_eq!(app.exercise.panes[&Language::Go].result_scroll, 0);
    app.update(ch('1'));
    assert_eq!(app.exercise.panes[&Language::Python].result_scroll, max);
    app.update(ch('f'));
    assert!(app.exercise.result_full);
    let full_max = app.exercise.result_max_scroll();
    assert!(
        full_max + 8 <= max,
        "the full height shows more: {full_max} vs {max}"
    );
    assert_eq!(
        app.exercise.panes[&Language::Python].result_scroll,
        max,
        "clamped when drawn, kept until scrolled"
    );
    app.update(ch('k'));
    assert_eq!(
        app.exercise.panes[&Language::Python].result_scroll,
        full_max
    );
    app.update(key(KeyCode::Esc));
    assert!(
        !app.exercise.result_full,
        "Esc closes the full result first"
    );
    assert_eq!(app.screen, Screen::Exercise);
}

#[test]
fn compare_picks_another_language_in_every_layout() {
    let mut app = app();
    app.update(Msg::Resize(80, 24));
    let slug = open_first_exercise(&mut app);
    app.update(outcome(&app, Language::Python, Verdict::Passed));
    app.update(ch('c'));
    assert_eq!(app.exercise.mode, PaneMode::Compare);
    assert_eq!(app.exercise.compare, Language::Go);
    assert_eq!(app.exercise.focus, Language::Python);
    app.update(key(KeyCode::Tab));
    assert_eq!(app.exercise.compare, Language::Java);
    assert_eq!(
        app.exercise.focus,
        Language::Python,
        "your file stays yours"
    );
    app.update(ch('4'));
    assert_eq!(app.exercise.compare, Language::CSharp);
    assert!(
        !app.exercise.panes[&Language::CSharp].solution.is_empty(),
        "{slug}: the solution to show is ready"
    );
}

#[test]
fn after_a_reset_the_title_and_result_agree() {
    let course = course();
    let slug = course.lessons[0].exercises[0].clone();
    let mut progress = Progress {
        welcome_seen: true,
        ..Progress::default()
    };
    let record = progress
        .exercises
        .entry(slug.clone())
        .or_default()
        .entry(Language::Python)
        .or_default();
    record.status = Status::Passed;
    record.attempts = 2;
    record.last_verdict = Some(Verdict::Passed);
    Change::Reset(slug.clone(), Language::Python).apply(&mut progress);
    let mut app = app_with(progress);
    app.open_exercise(&slug, Some(Language::Python));
    let (_, words) = app.lang_state(Language::Python).label();
    assert!(words.contains("passed before"), "{words}");
    assert_ne!(
        words, "passed",
        "the title does not claim the reset file passed"
    );
    app.update(outcome(&app, Language::Python, Verdict::WrongOutput));
    let (symbol, words) = app.lang_state(Language::Python).label();
    assert_eq!(symbol, "✗");
    assert!(words.starts_with("wrong output"), "{words}");
}

#[test]
fn a_lesson_is_read_at_its_end_or_after_its_last_quiz() {
    let mut app = app();
    app.update(Msg::Resize(80, 24));
    let cmds = app.open_lesson(1);
    assert!(
        !saves(&cmds)
            .iter()
            .any(|c| matches!(c, Change::LessonRead(_)))
    );
    let slug = app.course.lessons[1].slug.clone();
    app.update(key(KeyCode::PageDown));
    assert!(!app.progress.lessons_read.contains(&slug));
    let cmds = app.update(ch('G'));
    assert!(saves(&cmds).contains(&&Change::LessonRead(slug.clone())));
    assert!(app.progress.lessons_read.contains(&slug));

    let mut app = self::app();
    app.update(Msg::Resize(80, 24));
    app.open_lesson(2);
    app.update(Msg::Resize(80, 24));
    let slug = app.course.lessons[2].slug.clone();
    let quizzes = app.course.lessons[2].quizzes.len();
    assert!(quizzes > 0);
    for _ in 0..quizzes {
        app.update(key(KeyCode::Tab));
    }
    assert_eq!(app.lesson.quiz_focus, Some(quizzes - 1));
    assert!(!app.progress.lessons_read.contains(&slug));
    let cmds = app.update(ch('1'));
    assert!(saves(&cmds).contains(&&Change::LessonRead(slug)));
}

#[test]
fn a_quiz_scores_the_first_answer_and_allows_another_try() {
    let mut app = app();
    app.update(ch('j'));
    app.update(key(KeyCode::Enter));
    app.update(ch('n'));
    let slug = app.course.lessons[1].slug.clone();
    let quiz = &app.course.lessons[1].quizzes[0];
    let (right, wrong) = (quiz.answer, (quiz.answer + 1) % quiz.options.len());
    app.update(key(KeyCode::Tab));
    app.update(ch(char::from(b'1' + wrong as u8)));
    app.update(ch(char::from(b'1' + right as u8)));
    let answer = app.progress.quiz_answer(&slug, 0).expect("answered");
    assert!(answer.correct, "the last answer is kept");
    assert!(!answer.right_first_time(), "the score is the first answer");
    assert_eq!(app.progress.quiz_score(), (1, 0));
    let text: String = app
        .lesson
        .rendered
        .as_ref()
        .expect("rendered")
        .lines
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("not right the first time"), "{text}");
}

#[test]
fn resizing_keeps_the_reader_at_the_same_text() {
    let mut app = app();
    app.update(Msg::Resize(80, 24));
    app.open_lesson(1);
    app.update(Msg::Resize(80, 24));
    app.lesson.scroll = app.lesson.line_count() / 2;
    let rendered = app.lesson.rendered.clone().expect("rendered");
    let offset = rendered.offsets[app.lesson.scroll];
    let old_line = app.lesson.scroll;
    app.update(Msg::Resize(200, 50));
    let rendered = app.lesson.rendered.clone().expect("rendered");
    assert_ne!(app.lesson.scroll, old_line, "wider lines: fewer of them");
    assert_eq!(
        rendered.offsets[app.lesson.scroll], offset,
        "the same paragraph is at the top"
    );
}

// The TUI and the command line share the rules of src/learner: these would catch them
// drifting apart again.

#[test]
fn a_hint_counts_once_per_exercise_whichever_front_end_and_language_revealed_it() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    let ex = app.course.exercise(&slug).expect("ex").clone();
    assert!(ex.hints.len() >= 3, "the fixture exercise has three hints");
    // In the TUI, looking at Python.
    let cmds = app.update(ch('h'));
    assert_eq!(app.exercise.hints_shown, 1);
    let saved: Vec<Change> = saves(&cmds).into_iter().cloned().collect();
    assert_eq!(saved.len(), 1);
    // The saver applies the TUI's change to the file; then the command line reveals the next
    // hint for Go through the learner API.
    let mut on_disk = Progress {
        welcome_seen: true,
        ..Progress::default()
    };
    saved[0].apply(&mut on_disk);
    let cli = microlings::learner::reveal_hint(&mut on_disk, &ex, Language::Go);
    assert_eq!(cli.shown, 2, "the TUI's hint counts for the CLI too");
    // Back in the TUI (resumed from that file), in Java: the third hint, not the first again.
    let mut app = app_with(on_disk);
    app.open_exercise(&slug, Some(Language::Java));
    assert_eq!(app.exercise.hints_shown, 2);
    let cmds = app.update(ch('h'));
    assert_eq!(app.exercise.hints_shown, 3);
    assert_eq!(app.progress.hints_used(&slug), 3);
    assert_eq!(saves(&cmds).len(), 1);
    // Past the last hint nothing is saved, and the learner is told.
    app.update(key(KeyCode::Esc));
    let cmds = app.update(ch('h'));
    assert!(saves(&cmds).is_empty());
    assert_eq!(app.progress.hints_used(&slug), 3);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("last hint"))
    );
}

#[test]
fn the_runtime_error_panel_shows_a_long_stack_trace_at_both_ends_as_the_cli_does() {
    let mut app = app();
    app.update(Msg::Resize(120, 40));
    open_first_exercise(&mut app);
    let Msg::CheckDone {
        batch,
        mut outcome,
        finished_at,
    } = outcome(&app, Language::Java, Verdict::RuntimeError)
    else {
        panic!("outcome() makes a CheckDone");
    };
    let mut trace = String::from(
        "Exception in thread \"main\" java.lang.IllegalStateException: order total failed\n",
    );
    for i in 1..=60 {
        trace.push_str(&format!("\tat Main.frame{i}(Main.java:{i})\n"));
    }
    trace.push_str("Caused by: java.lang.NumberFormatException: For input string: \"x\"\n");
    trace.push_str("\t... 12 more\n");
    outcome.stderr = trace.clone();
    app.update(ch('3'));
    app.update(Msg::CheckDone {
        batch,
        outcome,
        finished_at,
    });
    let shown: Vec<String> = microlings::tui::result::lines(&app.exercise, &app.ctx(), 0)
        .iter()
        .map(|l| l.to_string())
        .collect();
    let has = |s: &str| shown.iter().any(|l| l.contains(s));
    assert!(
        has("IllegalStateException: order total failed"),
        "{shown:#?}"
    );
    assert!(
        has("Caused by: java.lang.NumberFormatException"),
        "{shown:#?}"
    );
    assert!(has("... 12 more"), "{shown:#?}");
    assert!(!has("Main.frame30("), "the middle is left out: {shown:#?}");
    // What is left out is said, in the CLI's words.
    let excerpt = microlings::learner::outcome::Excerpt::of_stderr(&trace, Verdict::RuntimeError);
    let gap = excerpt.gap().expect("a long trace is cut");
    assert!(has(&gap), "{gap} in {shown:#?}");
}

#[test]
fn a_missing_toolchain_is_neither_good_nor_bad_in_the_tui_as_in_the_cli() {
    use microlings::learner::outcome;
    use microlings::tui::exercise::Tone;
    let mut app = app();
    open_first_exercise(&mut app);
    for verdict in [
        Verdict::Passed,
        Verdict::WrongOutput,
        Verdict::CouldNotRun,
        Verdict::Cancelled,
    ] {
        app.update(outcome_msg(&app, verdict));
        let expected = match outcome::tone(verdict) {
            outcome::Tone::Good => Tone::Good,
            outcome::Tone::Bad => Tone::Bad,
            outcome::Tone::Warn => Tone::Busy,
        };
        assert_eq!(
            app.lang_state(Language::Python).tone(),
            expected,
            "{verdict:?}"
        );
    }
}

fn outcome_msg(app: &App, verdict: Verdict) -> Msg {
    outcome(app, Language::Python, verdict)
}

#[test]
fn enter_in_a_quiz_answers_only_an_option_the_learner_picked() {
    let mut app = app();
    app.update(Msg::Resize(80, 24));
    app.open_lesson(1);
    app.update(Msg::Resize(80, 24));
    let slug = app.course.lessons[1].slug.clone();
    app.update(key(KeyCode::Tab));
    let text = |app: &App| {
        app.lesson
            .rendered
            .as_ref()
            .expect("rendered")
            .lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(!text(&app).contains('▸'), "nothing is picked at first");
    // Enter right after Tab answers nothing: the first answer is the score.
    let cmds = app.update(key(KeyCode::Enter));
    assert!(saves(&cmds).is_empty() && app.progress.quiz_answer(&slug, 0).is_none());
    assert!(app.message.as_deref().is_some_and(|m| m.contains("pick")));
    // ↓ picks (▸ shows where), ↓ again moves it, ↑ back; Enter answers the pick.
    let scroll = app.lesson.scroll;
    app.update(key(KeyCode::Down));
    app.update(key(KeyCode::Down));
    app.update(key(KeyCode::Up));
    assert_eq!(
        app.lesson.scroll, scroll,
        "in a quiz the arrows pick, not scroll"
    );
    assert!(text(&app).contains("▸ 1)"), "{}", text(&app));
    let cmds = app.update(key(KeyCode::Enter));
    let correct = app.course.lessons[1].quizzes[0].answer == 0;
    assert!(saves(&cmds).contains(&&Change::Quiz(slug.clone(), 0, 0, correct)));
    // Esc leaves the quiz, and the arrows scroll again; a second Esc leaves the lesson.
    app.update(key(KeyCode::Esc));
    assert_eq!((app.screen, app.lesson.quiz_focus), (Screen::Lesson, None));
    app.update(key(KeyCode::Down));
    assert_eq!(app.lesson.scroll, scroll + 1);
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Map);
}

#[test]
fn esc_from_a_lesson_opened_from_an_exercise_goes_back_to_the_exercise() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    load_sources(&mut app);
    app.update(ch('j'));
    let scroll = app.exercise.panes[&Language::Python].scroll;
    app.update(ch('l'));
    assert_eq!(app.screen, Screen::Lesson);
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Exercise);
    assert_eq!(app.exercise.slug.as_deref(), Some(slug.as_str()));
    assert_eq!(app.exercise.panes[&Language::Python].scroll, scroll);
    // From the map, a lesson goes back to the map.
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Map);
    app.update(ch('k'));
    app.open_lesson(0);
    app.update(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Map);
}

/// The app a restart makes of this app's progress.
fn restarted(app: &App) -> App {
    let mut progress = app.progress.clone();
    progress.welcome_seen = true;
    let mut again = app_with(progress);
    again.update(Msg::Resize(app.size.0, app.size.1));
    again
}

#[test]
fn an_exercise_reopens_at_its_code_and_result_scroll_even_after_a_restart() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    load_sources(&mut app);
    app.update(long_outcome(&app, Language::Python));
    for _ in 0..5 {
        app.update(ch('j'));
    }
    for _ in 0..3 {
        app.update(ch('J'));
    }
    let at = |app: &App| {
        let p = &app.exercise.panes[&Language::Python];
        (p.scroll, p.result_scroll)
    };
    assert_eq!(at(&app), (5, 3));
    let cmds = app.update(key(KeyCode::Esc));
    assert!(
        saves(&cmds)
            .iter()
            .any(|c| matches!(c, Change::Place(microlings::progress::Place::Pane(s, Language::Python, p)) if s == &slug && (p.code, p.result) == (5, 3))),
        "{cmds:?}"
    );
    app.update(key(KeyCode::Enter));
    assert_eq!(app.exercise.slug.as_deref(), Some(slug.as_str()));
    assert_eq!(at(&app), (5, 3));
    // Quitting on the exercise and starting again: the code at the same place (the result
    // of the last session is not kept, so its panel starts at its top).
    app.update(ch('q'));
    let again = restarted(&app);
    assert_eq!(again.screen, Screen::Exercise);
    assert_eq!(at(&again).0, 5);
    assert_eq!(
        again.progress.places.pane(&slug, Language::Python),
        microlings::progress::PanePlace { code: 5, result: 3 }
    );
}

#[test]
fn a_lesson_reopens_where_it_was_left_from_the_map_with_n_p_and_after_a_restart() {
    let mut app = app();
    app.update(Msg::Resize(80, 24));
    app.open_lesson(1);
    app.update(Msg::Resize(80, 24));
    app.update(key(KeyCode::PageDown));
    app.update(key(KeyCode::Down));
    let scroll = app.lesson.scroll;
    assert!(scroll > 0);
    let top = |app: &App| {
        app.lesson.rendered.as_ref().expect("rendered").lines[app.lesson.scroll].to_string()
    };
    let text = top(&app);
    app.update(ch('n'));
    assert_eq!((app.lesson.index, app.lesson.scroll), (2, 0));
    app.update(ch('p'));
    assert_eq!((app.lesson.index, app.lesson.scroll), (1, scroll));
    app.update(key(KeyCode::Esc));
    app.update(key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Lesson);
    assert_eq!((app.lesson.index, app.lesson.scroll), (1, scroll));
    // Another width wraps the text differently; the same text is still at the top.
    app.update(ch('q'));
    let mut again = restarted(&app);
    assert_eq!((again.screen, again.lesson.index), (Screen::Lesson, 1));
    assert_eq!(top(&again), text);
    let place = again.lesson.place();
    again.update(Msg::Resize(120, 35));
    assert_eq!(again.lesson.place().offset, place.offset);
}

#[test]
fn a_pass_of_an_earlier_version_shows_check_again_not_a_tick() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    app.update(outcome(&app, Language::Go, Verdict::Passed));
    assert_eq!(app.lang_state(Language::Go).label().0, "✓");
    assert!(!app.passed_earlier_version(&slug, Language::Go));
    // The course changed what the exercise expects since.
    app.progress
        .exercises
        .get_mut(&slug)
        .and_then(|m| m.get_mut(&Language::Go))
        .expect("record")
        .passed_version = Some("0123456789abcdef".into());
    app.exercise
        .panes
        .get_mut(&Language::Go)
        .expect("pane")
        .outcome = None;
    assert!(app.passed_earlier_version(&slug, Language::Go));
    assert_eq!(
        app.lang_state(Language::Go).label(),
        ("↻", "passed an earlier version: check again".to_string())
    );
    // Checking it again and passing is a tick again.
    app.update(outcome(&app, Language::Go, Verdict::Passed));
    assert!(!app.passed_earlier_version(&slug, Language::Go));
}

#[test]
fn help_never_runs_long_keys_into_their_words() {
    let mut app = app();
    app.update(Msg::Resize(80, 24));
    app.update(ch('R'));
    app.update(ch('?'));
    let text: Vec<String> = app.popup.lines.iter().map(|l| l.to_string()).collect();
    assert!(
        text.iter()
            .any(|l| l.trim() == "↑ ↓  j k  PgUp PgDn  Space"),
        "{text:#?}"
    );
    assert!(!text.concat().contains("Spacescroll"), "{text:#?}");
}

#[test]
fn toolchains_detected_after_the_first_frame_update_what_can_run() {
    let mut app = app();
    let slug = open_first_exercise(&mut app);
    assert!(app.is_available(Language::CSharp));
    let available = Language::ALL
        .iter()
        .map(|&l| (l, l != Language::CSharp))
        .collect();
    app.update(Msg::Toolchains(available));
    assert!(!app.is_available(Language::CSharp));
    assert_eq!(app.status(&slug, Language::CSharp), None);
    let cmds = app.update(ch('4'));
    assert!(cmds.is_empty());
    let cmds = app.update(key(KeyCode::Enter));
    assert!(cmds.is_empty(), "no check of a missing toolchain: {cmds:?}");
}

#[test]
fn the_lab_estimates_from_what_this_machine_measured_and_runs_the_rows_chosen() {
    use microlings::run::lab::{LabTarget, LabVariant};
    use microlings::tui::lab::estimate;
    let mut run = lab_run();
    let all = estimate(std::slice::from_ref(&run), &app().lab.choice.targets());
    let aot = LabTarget {
        language: Language::CSharp,
        variant: LabVariant::NativeAot,
    };
    assert_eq!(all.unknown, [aot], "{all:?}");
    assert!(all.seconds > 0);
    // The machine measured a Native AOT row that took two minutes to build: it dominates.
    let mut row = run
        .languages
        .iter()
        .find(|l| l.language == Language::CSharp)
        .expect("a C# row")
        .clone();
    row.variant = LabVariant::NativeAot;
    row.build_ms = Some(118_000);
    run.languages.push(row);
    let with_aot = estimate(std::slice::from_ref(&run), &app().lab.choice.targets());
    assert!(with_aot.unknown.is_empty());
    assert!(with_aot.seconds >= all.seconds + 118, "{with_aot:?}");
    assert_eq!(with_aot.slowest.map(|(t, _)| t), Some(aot));
    assert!(
        with_aot.words().contains("C#AOT 2 min"),
        "{}",
        with_aot.words()
    );

    // The keys choose what the next run measures, as --lang and --no-aot do.
    let mut app = app();
    app.progress.lab_runs.push(run);
    app.update(ch('L'));
    app.update(ch('2'));
    app.update(ch('a'));
    let cmds = app.update(ch('r'));
    assert_eq!(
        cmds,
        [Cmd::RunLab {
            languages: vec![Language::Python, Language::Java, Language::CSharp],
            native_aot: false,
        }]
    );
}

/// The outcome inside a `Msg::CheckDone` made by [`outcome`].
fn outcome_of(msg: Msg) -> microlings::run::Outcome {
    match msg {
        Msg::CheckDone { outcome, .. } => *outcome,
        _ => panic!("outcome() makes a CheckDone"),
    }
}

#[test]
fn a_reopened_exercise_asks_for_its_last_checks_and_shows_them_until_a_new_one() {
    let mut app = app();
    let slug = app.course.lessons[0].exercises[0].clone();
    let cmds = app.open_exercise(&slug, Some(Language::Python));
    assert!(cmds.contains(&Cmd::Recall(slug.clone())), "{cmds:?}");
    // Toolchains known later (the usual case at start-up): asked again, now they can be used.
    let available = Language::ALL.iter().map(|&l| (l, true)).collect();
    assert_eq!(
        app.update(Msg::Toolchains(available)),
        vec![Cmd::Recall(slug.clone())]
    );

    let mut wrong = outcome_of(outcome(&app, Language::Python, Verdict::WrongOutput));
    wrong.cached = true;
    wrong.message = "case `tricky`: wrong output".into();
    app.update(Msg::Recalled {
        exercise: slug.clone(),
        outcomes: vec![wrong.clone()],
    });
    let shown = |app: &App| -> String {
        microlings::tui::result::lines(&app.exercise, &app.ctx(), 0)
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let text = shown(&app);
    assert!(text.contains("your last check"), "{text}");
    assert!(text.contains("case `tricky`"), "{text}");
    // Recalling records nothing: it is not an attempt.
    assert_eq!(
        app.progress.record(&slug, Language::Python).status,
        Status::NotTried
    );

    // A check run now replaces it, and is not called the last check.
    app.update(outcome(&app, Language::Python, Verdict::Passed));
    let text = shown(&app);
    assert!(!text.contains("your last check"), "{text}");
    // A recall that arrives late never hides a newer result.
    app.update(Msg::Recalled {
        exercise: slug.clone(),
        outcomes: vec![wrong.clone()],
    });
    assert!(!shown(&app).contains("case `tricky`"));
    // Nor does one for an exercise no longer open.
    app.update(key(KeyCode::Tab));
    let mut go = wrong;
    go.language = Language::Go;
    app.update(Msg::Recalled {
        exercise: "another-exercise".into(),
        outcomes: vec![go],
    });
    assert!(!shown(&app).contains("case `tricky`"));
}
