use std::collections::BTreeMap;
use std::time::Duration;

use super::outcome::{self, Excerpt, Tone};
use super::*;
use crate::course::{Exercise, ExerciseKind, Language, Lesson, Quiz};
use crate::progress::{Change, Progress, Status};
use crate::run::lab::LabRun;
use crate::run::{Outcome, Verdict};

fn exercise(hints: usize) -> Exercise {
    Exercise {
        slug: "typing-orders".into(),
        title: "Typing".into(),
        kind: ExerciseKind::Output,
        timeout: Duration::from_secs(1),
        task: "t".into(),
        hints: (1..=hints).map(|i| format!("hint {i}")).collect(),
        notes: BTreeMap::new(),
        cases: vec![],
        service: None,
        starters: Language::ALL
            .iter()
            .map(|l| (*l, format!("starter {}", l.id())))
            .collect(),
        solutions: BTreeMap::new(),
        wrong: Vec::new(),
        advice: Vec::new(),
    }
}

fn lesson(quizzes: usize) -> Lesson {
    Lesson {
        slug: "typing".into(),
        file: "lessons/01-typing.md".into(),
        title: "Typing".into(),
        exercises: vec!["typing-orders".into()],
        body: String::new(),
        body_line: 1,
        quizzes: (0..quizzes)
            .map(|_| Quiz {
                question: "q".into(),
                options: vec!["a".into(), "b".into(), "c".into()],
                answer: 1,
                explain: "e".into(),
            })
            .collect(),
    }
}

fn outcome(lang: Language, verdict: Verdict) -> Outcome {
    let mut o = Outcome::could_not_run(&exercise(0), lang, "test");
    o.verdict = verdict;
    o
}

#[test]
fn a_hint_counts_once_for_the_exercise_in_whatever_language() {
    let ex = exercise(3);
    let mut p = Progress::default();
    let first = reveal_hint(&mut p, &ex, Language::Python);
    assert_eq!((first.shown, first.total), (1, 3));
    assert!(matches!(first.change, Some(Change::Hint(..))));
    // The next hint in another language is the second hint, not a first one for Go.
    let second = reveal_hint(&mut p, &ex, Language::Go);
    assert_eq!(second.shown, 2);
    assert_eq!(p.hints_used("typing-orders"), 2);
    reveal_hint(&mut p, &ex, Language::Java);
    let past_the_end = reveal_hint(&mut p, &ex, Language::CSharp);
    assert!(past_the_end.was_last());
    assert_eq!((past_the_end.shown, past_the_end.change), (3, None));
    assert_eq!(p.hints_used("typing-orders"), 3);
}

#[test]
fn the_change_a_hint_returns_repeats_it_on_the_saved_file() {
    // The TUI applies the change in memory and its saver applies it again to the file.
    let ex = exercise(3);
    let mut shown = Progress::default();
    let mut on_disk = Progress::default();
    for lang in [Language::Python, Language::Go] {
        let reveal = reveal_hint(&mut shown, &ex, lang);
        reveal.change.expect("a hint").apply(&mut on_disk);
    }
    assert_eq!(on_disk.hints_used("typing-orders"), 2);
    assert_eq!(on_disk, shown);
}

#[test]
fn only_checks_that_ran_are_recorded() {
    let mut p = Progress::default();
    for v in [
        Verdict::ToolchainMissing,
        Verdict::Cancelled,
        Verdict::CouldNotRun,
    ] {
        assert_eq!(
            record_check(&mut p, &exercise(0), &outcome(Language::Go, v)),
            None
        );
    }
    assert_eq!(p, Progress::default());
    let change = record_check(
        &mut p,
        &exercise(0),
        &outcome(Language::Go, Verdict::WrongOutput),
    );
    assert!(matches!(change, Some(Change::Outcome { .. })));
    let r = p.record("typing-orders", Language::Go);
    assert_eq!((r.status, r.attempts), (Status::Failed, 1));
}

#[test]
fn the_solution_waits_for_a_try_then_asks_once() {
    let mut p = Progress::default();
    assert_eq!(
        solution_access(&p, "typing-orders", Language::Go),
        SolutionAccess::NotYet
    );
    assert_eq!(reveal_solution(&mut p, "typing-orders", Language::Go), None);
    record_check(
        &mut p,
        &exercise(0),
        &outcome(Language::Go, Verdict::WrongOutput),
    );
    assert_eq!(
        solution_access(&p, "typing-orders", Language::Go),
        SolutionAccess::Ask
    );
    assert!(reveal_solution(&mut p, "typing-orders", Language::Go).is_some());
    assert_eq!(
        solution_access(&p, "typing-orders", Language::Go),
        SolutionAccess::Open
    );
    // Per language: Java has not been tried.
    assert_eq!(
        solution_access(&p, "typing-orders", Language::Java),
        SolutionAccess::NotYet
    );
}

#[test]
fn a_reset_puts_the_starter_back_and_forgets_the_attempts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = crate::workspace::Workspace::new(dir.path().to_path_buf());
    let ex = exercise(0);
    std::fs::create_dir_all(ws.dir("typing-orders", Language::Go)).expect("mkdir");
    std::fs::write(ws.path("typing-orders", Language::Go), "mine").expect("edit");
    let mut p = Progress::default();
    record_check(
        &mut p,
        &exercise(0),
        &outcome(Language::Go, Verdict::WrongOutput),
    );
    let change = reset(&ws, &ex, Language::Go).expect("reset");
    assert_eq!(ws.read(&ex, Language::Go).expect("read"), "starter go");
    change.apply(&mut p);
    assert_eq!(
        p.record("typing-orders", Language::Go),
        Default::default(),
        "not tried again"
    );
}

#[test]
fn a_file_that_cannot_be_read_is_a_check_microlings_could_not_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = crate::paths::DataDir::locate(Some(dir.path())).expect("data dir");
    let ws = data.workspace();
    let ex = exercise(0);
    // A directory where the learner's Go file should be.
    std::fs::create_dir_all(ws.path("typing-orders", Language::Go)).expect("mkdir");
    let runner = crate::run::Runner::new(
        crate::run::Toolchains::from_results(BTreeMap::new()),
        data.runner_dirs(),
    );
    let langs = [Language::Python, Language::Go, Language::Java];
    let outcomes = check(&runner, &ws, &ex, &langs, &Default::default());
    let got: Vec<(Language, Verdict)> = outcomes.iter().map(|o| (o.language, o.verdict)).collect();
    assert_eq!(
        got,
        [
            (Language::Python, Verdict::ToolchainMissing),
            (Language::Go, Verdict::CouldNotRun),
            (Language::Java, Verdict::ToolchainMissing),
        ]
    );
    assert!(
        outcomes[1].message.contains("not a regular file"),
        "{}",
        outcomes[1].message
    );
    let one = check_language(&runner, &ws, &ex, Language::Go, &Default::default());
    assert_eq!(one.verdict, Verdict::CouldNotRun);
}

#[test]
fn a_missing_toolchain_shows_only_where_nothing_was_tried() {
    let mut p = Progress::default();
    assert_eq!(shown_status(&p, "typing-orders", Language::Go, false), None);
    assert_eq!(
        shown_status(&p, "typing-orders", Language::Go, true),
        Some(Status::NotTried)
    );
    record_check(
        &mut p,
        &exercise(0),
        &outcome(Language::Go, Verdict::Passed),
    );
    assert_eq!(
        shown_status(&p, "typing-orders", Language::Go, false),
        Some(Status::Passed)
    );
}

#[test]
fn a_quiz_keeps_its_first_answer_as_the_score() {
    let l = lesson(2);
    let mut p = Progress::default();
    assert_eq!(
        answer_quiz(&mut p, &l, 0, 3),
        Err(QuizRefusal::NoSuchOption(3))
    );
    assert_eq!(
        QuizRefusal::NoSuchOption(3).to_string(),
        "this quiz has 3 options"
    );
    assert_eq!(answer_quiz(&mut p, &l, 5, 0), Err(QuizRefusal::NoSuchQuiz));
    assert!(answer_quiz(&mut p, &l, 0, 0).is_ok());
    assert!(answer_quiz(&mut p, &l, 0, 1).is_ok());
    assert_eq!(p.quiz_score(), (1, 0), "wrong first time, right later");
}

#[test]
fn a_lesson_is_read_at_its_end_or_its_last_quiz_not_when_opened() {
    let l = lesson(2);
    let mut p = Progress::default();
    assert_eq!(lesson_read(&mut p, &l, false), None);
    answer_quiz(&mut p, &l, 0, 1).expect("answer");
    assert_eq!(lesson_read(&mut p, &l, false), None, "not the last quiz");
    answer_quiz(&mut p, &l, 1, 0).expect("answer");
    assert!(matches!(
        lesson_read(&mut p, &l, false),
        Some(Change::LessonRead(_))
    ));
    assert_eq!(lesson_read(&mut p, &l, true), None, "already read");
    let mut q = Progress::default();
    assert!(lesson_read(&mut q, &lesson(0), true).is_some());
    assert!(q.lessons_read.contains("typing"));
}

fn lab_run() -> LabRun {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lab_run.json");
    serde_json::from_slice(
        &crate::fsutil::read_regular_capped(path.as_ref(), u64::MAX).expect("fixture"),
    )
    .expect("a lab run")
}

#[test]
fn a_cancelled_lab_keeps_what_it_measured_marked_cancelled() {
    let mut p = Progress::default();
    let (saved, change) = finish_lab(&mut p, lab_run());
    assert_eq!(saved, LabSaved::Saved);
    assert!(change.is_some());

    let mut partial = lab_run();
    partial.cancelled = true;
    for l in &mut partial.languages[2..] {
        l.runs.clear();
    }
    let (saved, change) = finish_lab(&mut p, partial);
    assert_eq!(saved, LabSaved::SavedCancelled);
    assert!(matches!(change, Some(Change::LabRun(ref r)) if r.cancelled));
    assert_eq!(p.lab_runs.len(), 2);
    assert!(p.lab_runs[1].cancelled);

    let mut nothing = lab_run();
    nothing.cancelled = true;
    for l in &mut nothing.languages {
        l.runs.clear();
    }
    assert_eq!(
        finish_lab(&mut p, nothing),
        (LabSaved::NothingMeasured, None)
    );
    assert_eq!(p.lab_runs.len(), 2);
    assert!(
        LabSaved::SavedCancelled
            .message()
            .contains("marked cancelled")
    );
}

#[test]
fn verdicts_have_one_tone_and_label() {
    assert_eq!(outcome::tone(Verdict::Passed), Tone::Good);
    assert_eq!(outcome::tone(Verdict::CouldNotRun), Tone::Warn);
    assert_eq!(outcome::tone(Verdict::ToolchainMissing), Tone::Warn);
    assert_eq!(outcome::tone(Verdict::DidNotStop), Tone::Bad);
    assert_eq!(outcome::label(Verdict::WrongOutput), "✗ wrong output");
    assert_eq!(outcome::duration(1250), "1.25 s");
}

#[test]
fn a_long_stack_trace_shows_its_exception_and_its_end() {
    let trace: String = std::iter::once(
        "Exception in thread \"main\" java.lang.IllegalStateException: boom".to_string(),
    )
    .chain((1..=40).map(|i| format!("\tat Frame{i}.call(Frame{i}.java:{i})")))
    .chain(std::iter::once(
        "Caused by: java.lang.NumberFormatException: For input string: \"x\"".to_string(),
    ))
    .collect::<Vec<_>>()
    .join("\n");
    let e = Excerpt::of_stderr(&trace, Verdict::RuntimeError);
    assert_eq!(e.head.len() + e.tail.len(), outcome::OUTPUT_LINES);
    assert!(e.head[0].starts_with("Exception in thread"));
    assert!(e.tail.last().is_some_and(|l| l.starts_with("Caused by")));
    assert_eq!(e.skipped, 42 - outcome::OUTPUT_LINES);
    assert_eq!(e.gap(), Some(format!("… {} lines not shown", e.skipped)));
    // A compiler's first errors matter: its head.
    let c = Excerpt::of_stderr(&trace, Verdict::CompileError);
    assert_eq!((c.head.len(), c.tail.len()), (outcome::OUTPUT_LINES, 0));
    assert_eq!(c.gap(), Some(format!("… {} more lines", c.skipped)));
    // What it printed: the end, nearest the failure.
    let s = Excerpt::of_stdout(&trace);
    assert!(s.head.is_empty() && s.tail.last().is_some_and(|l| l.starts_with("Caused by")));
    assert_eq!(s.gap(), Some(format!("… {} lines above", s.skipped)));
    // Short output is shown whole.
    let short = Excerpt::of_stderr("a\nb", Verdict::RuntimeError);
    assert_eq!(short.gap(), None);
    assert_eq!((short.head, short.skipped), (vec!["a", "b"], 0));
    assert!(Excerpt::of_stderr("", Verdict::RuntimeError).is_empty());
}

#[test]
fn progress_notices_say_the_same_in_both_front_ends() {
    use crate::progress::LoadNotice;
    let n = notice::progress_notice(&LoadNotice::MovedAsideCorrupt {
        moved_to: "/d/progress.json.corrupt-1".into(),
        reason: "EOF".into(),
    });
    assert_eq!(n.level, notice::Level::Warning);
    assert!(n.text.contains("could not be read (EOF)") && n.text.contains("corrupt-1"));
    let m = notice::progress_notice(&LoadNotice::Migrated { from: 2 });
    assert_eq!(
        (m.level, m.text.as_str()),
        (
            notice::Level::Note,
            "upgraded your progress file from version 2"
        )
    );
}

#[test]
fn a_pass_of_an_earlier_version_of_an_exercise_is_not_a_tick() {
    let mut ex = exercise(0);
    ex.cases = vec![crate::course::Case {
        name: "default".into(),
        input: Some(b"1 2\n".to_vec()),
        expected: "3\n".into(),
    }];
    let mut p = Progress::default();
    record_check(&mut p, &ex, &outcome(Language::Go, Verdict::Passed));
    let v1 = exercise_version(&ex);
    assert_eq!(standing(&p, &ex, Language::Go, &v1), Standing::Passed);
    // Rewording the task keeps the version; changing what is expected does not.
    ex.task = "reworded".into();
    assert_eq!(exercise_version(&ex), v1);
    ex.cases[0].expected = "3.0\n".into();
    let v2 = exercise_version(&ex);
    assert_ne!(v2, v1);
    assert!(passed_earlier_version(&p, &ex, Language::Go, &v2));
    assert_eq!(
        standing(&p, &ex, Language::Go, &v2),
        Standing::PassedEarlierVersion
    );
    assert_eq!(
        Standing::PassedEarlierVersion.words(),
        "passed an earlier version: check again"
    );
    // Passing again records the version it passed.
    record_check(&mut p, &ex, &outcome(Language::Go, Verdict::Passed));
    assert_eq!(standing(&p, &ex, Language::Go, &v2), Standing::Passed);
    // A pass from before versions were kept counts as current.
    p.exercises
        .get_mut("typing-orders")
        .and_then(|m| m.get_mut(&Language::Go))
        .expect("record")
        .passed_version = None;
    assert!(!passed_earlier_version(&p, &ex, Language::Go, "anything"));
}
