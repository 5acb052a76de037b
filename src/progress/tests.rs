use super::*;
use crate::run::Outcome;

fn outcome(verdict: Verdict) -> Outcome {
    Outcome {
        exercise: "typing-orders".into(),
        language: Language::Go,
        verdict,
        duration_ms: 5,
        exit_code: Some(0),
        stdout: String::new(),
        stderr: String::new(),
        diff: None,
        case: None,
        message: String::new(),
        cached: false,
        service: None,
        more_failures: Vec::new(),
    }
}

#[test]
fn round_trip_keeps_everything() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProgressStore::in_dir(dir.path());
    let (saved, ()) = store
        .update(|p| {
            p.record_outcome(&outcome(Verdict::WrongOutput));
            p.record_outcome(&outcome(Verdict::Passed));
            p.use_hint("typing-orders", 3);
            p.answer_quiz("typing", 1, 2, true);
            p.lessons_read.insert("typing".into());
            p.position = Position {
                screen: Some(SavedScreen::Lesson),
                lesson: Some("typing".into()),
                scroll: 42,
                exercise: None,
                language: Some(Language::Java),
            };
        })
        .expect("update");
    let (loaded, notice) = store.load().expect("load");
    assert_eq!(notice, None);
    assert_eq!(loaded, saved);
    let r = loaded.record("typing-orders", Language::Go);
    assert_eq!((r.status, r.attempts), (Status::Passed, 2));
    assert_eq!(loaded.hints_used("typing-orders"), 1);
    assert!(r.first_passed.is_some());
    assert_eq!(loaded.quiz_answer("typing", 1).map(|a| a.chosen), Some(2));
}

#[test]
fn a_pass_is_kept_when_a_later_check_fails() {
    let mut p = Progress::default();
    p.record_outcome(&outcome(Verdict::Passed));
    let first = p.record("typing-orders", Language::Go).first_passed;
    p.record_outcome(&outcome(Verdict::CompileError));
    let r = p.record("typing-orders", Language::Go);
    assert_eq!(r.status, Status::Passed);
    assert_eq!(r.first_passed, first);
    assert_eq!(r.last_verdict, Some(Verdict::CompileError));
    p.record_outcome(&outcome(Verdict::ToolchainMissing));
    assert_eq!(p.record("typing-orders", Language::Go).attempts, 2);
}

#[test]
fn corrupt_file_is_moved_aside_not_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProgressStore::in_dir(dir.path());
    std::fs::write(store.path(), b"{\"version\": 2, \"exercises\": {").expect("write");
    let (progress, notice) = store.load().expect("load");
    assert_eq!(progress, Progress::default());
    let Some(LoadNotice::MovedAsideCorrupt { moved_to, .. }) = notice else {
        panic!("expected a corrupt notice, got {notice:?}");
    };
    assert_eq!(
        crate::fsutil::read_regular_capped(&moved_to, u64::MAX).expect("moved file"),
        b"{\"version\": 2, \"exercises\": {"
    );
    assert!(!store.path().exists());
}

#[test]
fn a_newer_version_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProgressStore::in_dir(dir.path());
    std::fs::write(store.path(), b"{\"version\": 99}").expect("write");
    let err = store.load().expect_err("too new");
    assert!(err.to_string().contains("newer microlings"), "{err}");
    assert_eq!(
        crate::fsutil::read_regular_capped(store.path(), u64::MAX).expect("read"),
        b"{\"version\": 99}"
    );
}

#[test]
fn version_1_is_migrated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProgressStore::in_dir(dir.path());
    std::fs::write(
        store.path(),
        br#"{"version": 1, "exercises": {"typing-orders": {"go": "passed", "java": "failed"}}, "lessons_read": ["typing"]}"#,
    )
    .expect("write");
    let (p, notice) = store.load().expect("load");
    assert_eq!(notice, Some(LoadNotice::Migrated { from: 1 }));
    assert_eq!(p.version, VERSION);
    assert_eq!(
        p.record("typing-orders", Language::Go).status,
        Status::Passed
    );
    assert_eq!(
        p.record("typing-orders", Language::Java).status,
        Status::Failed
    );
    assert!(p.lessons_read.contains("typing"));
    let on_disk: serde_json::Value = serde_json::from_slice(
        &crate::fsutil::read_regular_capped(store.path(), u64::MAX).expect("read"),
    )
    .expect("json");
    assert_eq!(on_disk["version"], VERSION);
}

#[test]
fn concurrent_writers_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().to_path_buf();
    std::thread::scope(|s| {
        for t in 0..4 {
            let path = path.clone();
            std::thread::Builder::new()
                .spawn_scoped(s, move || {
                    // Each thread has its own store, as two processes would.
                    let store = ProgressStore::in_dir(&path);
                    for i in 0..25 {
                        store
                            .update(|p| {
                                p.lessons_read.insert(format!("lesson-{t}-{i}"));
                            })
                            .expect("update");
                    }
                })
                .expect("start a writer");
        }
    });
    let (p, _) = ProgressStore::in_dir(&path).load().expect("load");
    assert_eq!(p.lessons_read.len(), 100);
    let leftovers: Vec<_> = std::fs::read_dir(&path)
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
}

#[test]
fn lab_runs_are_optional_in_version_2_kept_and_capped() {
    use crate::run::lab::{LabRun, LabSettings, Machine};
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProgressStore::in_dir(dir.path());
    // A version 2 file from before the lab: no lab_runs key.
    std::fs::write(store.path(), br#"{"version": 2, "welcome_seen": true}"#).expect("write");
    let (p, notice) = store.load().expect("load");
    assert!(p.lab_runs.is_empty() && p.welcome_seen);
    assert_eq!(notice, Some(LoadNotice::Migrated { from: 2 }));
    let run = |at: u64| LabRun {
        started_at: at,
        duration_ms: 1,
        machine: Machine::detect(),
        settings: LabSettings {
            runs: 1,
            load_ms: 100,
            warmup_ms: 0,
            connections: 1,
            max_requests: 10,
        },
        languages: vec![],
        cancelled: false,
    };
    store
        .update(|p| {
            for at in 0..(MAX_LAB_RUNS as u64 + 3) {
                p.record_lab_run(run(at));
            }
        })
        .expect("update");
    let (p, _) = store.load().expect("load");
    assert_eq!(p.lab_runs.len(), MAX_LAB_RUNS);
    assert_eq!(p.lab_runs[0].started_at, 3, "the oldest are dropped");
}

#[test]
fn a_lab_run_this_version_cannot_read_is_kept_not_called_corrupt() {
    // A run from a newer microlings (a field this one lacks has no default here: "runs" is a
    // string) next to one this version reads.
    let readable = serde_json::to_value(crate::run::lab::LabRun {
        started_at: 1,
        duration_ms: 2,
        machine: crate::run::lab::Machine::detect(),
        settings: crate::run::lab::LabSettings {
            runs: 1,
            load_ms: 100,
            warmup_ms: 0,
            connections: 1,
            max_requests: 10,
        },
        languages: vec![],
        cancelled: false,
    })
    .expect("json");
    let future = serde_json::json!({"started_at": 3, "runs": "a shape from the future"});
    let file = serde_json::json!({"version": VERSION, "lab_runs": [readable, future.clone()]});
    let (progress, _) = match parse(file.to_string().as_bytes()) {
        Ok(p) => p,
        Err(_) => panic!("a file with an unreadable lab run must still load"),
    };
    assert_eq!(progress.lab_runs.len(), 1);
    assert_eq!(progress.lab_runs_unread, vec![future.clone()]);
    // Saved again, the unread run is still there.
    let saved: serde_json::Value =
        serde_json::from_slice(&to_json(&progress).expect("json")).expect("json");
    assert_eq!(saved["lab_runs_unread"][0], future);
}

#[test]
fn a_quiz_keeps_its_first_answer_as_the_score_and_old_files_still_load() {
    let mut p = Progress::default();
    p.answer_quiz("typing", 0, 1, false);
    p.answer_quiz("typing", 0, 2, true);
    let a = p.quiz_answer("typing", 0).expect("answered");
    assert_eq!(
        (a.chosen, a.correct, a.right_first_time()),
        (2, true, false)
    );
    p.answer_quiz("typing", 1, 0, true);
    p.answer_quiz("typing", 1, 1, false);
    assert_eq!(p.quiz_score(), (2, 1));
    // Written before the first answer was kept: the answer stands in for it.
    let old = br#"{"version": 2, "quizzes": {"typing/0": {"chosen": 1, "correct": true}}}"#;
    let (p, _) = parse(old).unwrap_or_else(|_| panic!("an old file loads"));
    assert_eq!(p.quiz_score(), (1, 1));
}

#[test]
fn a_reset_keeps_a_pass_but_forgets_the_verdict_of_the_file_it_replaced() {
    let mut p = Progress::default();
    p.record_outcome(&outcome(Verdict::Passed));
    p.forget_attempts("typing-orders", Language::Go);
    let r = p.record("typing-orders", Language::Go);
    assert_eq!((r.status, r.last_verdict), (Status::Passed, None));
}

#[test]
fn hints_count_once_per_exercise_whichever_language_shows_them() {
    let mut p = Progress::default();
    Change::Hint("typing-orders".into(), Language::Python, 3).apply(&mut p);
    Change::Hint("typing-orders".into(), Language::Go, 3).apply(&mut p);
    assert_eq!(p.hints_used("typing-orders"), 2);
    for lang in Language::ALL {
        Change::Hint("typing-orders".into(), lang, 3).apply(&mut p);
    }
    assert_eq!(
        p.hints_used("typing-orders"),
        3,
        "never more than the hints there are"
    );
}

#[test]
fn version_2_hint_counts_become_the_largest_of_the_languages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProgressStore::in_dir(dir.path());
    // `microlings hint` without --lang wrote 2 into every language; the TUI wrote one language.
    let record =
        |hints: u32| serde_json::json!({"status": "failed", "attempts": 1, "hints_used": hints});
    let v2 = serde_json::json!({
        "version": 2,
        "exercises": {
            "typing-orders": {"python": record(2), "go": record(2), "java": record(2), "csharp": record(2)},
            "json-roundtrip": {"go": record(1), "java": record(3)},
            "status-codes": {"go": record(0)},
        },
    });
    std::fs::write(store.path(), serde_json::to_vec(&v2).expect("json")).expect("write");
    let (p, notice) = store.load().expect("load");
    assert_eq!(notice, Some(LoadNotice::Migrated { from: 2 }));
    assert_eq!(p.hints_used("typing-orders"), 2);
    assert_eq!(p.hints_used("json-roundtrip"), 3);
    assert_eq!(p.hints_used("status-codes"), 0);
    assert_eq!(p.hints.values().sum::<u32>(), 5);
    assert_eq!(p.record("json-roundtrip", Language::Java).attempts, 1);
    let on_disk: serde_json::Value = serde_json::from_slice(
        &crate::fsutil::read_regular_capped(store.path(), u64::MAX).expect("read"),
    )
    .expect("json");
    assert_eq!(on_disk["version"], VERSION);
    assert_eq!(on_disk["hints"]["typing-orders"], 2);
    assert!(
        on_disk["exercises"]["typing-orders"]["go"]
            .get("hints_used")
            .is_none()
    );
    // Loaded again: nothing more to migrate.
    let (again, notice) = store.load().expect("load");
    assert_eq!((again, notice), (p, None));
}

#[test]
fn version_3_is_migrated_to_4_keeping_passes_and_starting_places_at_the_top() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProgressStore::in_dir(dir.path());
    std::fs::write(
        store.path(),
        br#"{"version": 3, "exercises": {"typing-orders": {"go": {"status": "passed", "attempts": 2}}}}"#,
    )
    .expect("write");
    let (p, notice) = store.load().expect("load");
    assert_eq!(notice, Some(LoadNotice::Migrated { from: 3 }));
    let go = p.record("typing-orders", Language::Go);
    assert_eq!((go.status, go.passed_version), (Status::Passed, None));
    assert!(p.places.is_empty());
    // Places and pass versions are saved and read back.
    let (saved, ()) = store
        .update(|p| {
            Change::Place(Place::Lesson(
                "typing".into(),
                LessonPlace {
                    offset: 120,
                    row: 1,
                    rows: 3,
                },
            ))
            .apply(p);
            Change::Place(Place::Pane(
                "typing-orders".into(),
                Language::Go,
                PanePlace { code: 7, result: 4 },
            ))
            .apply(p);
        })
        .expect("update");
    let (again, notice) = store.load().expect("load");
    assert_eq!(notice, None);
    assert_eq!(again, saved);
    assert_eq!(again.places.lesson("typing").offset, 120);
    assert_eq!(
        again.places.pane("typing-orders", Language::Go),
        PanePlace { code: 7, result: 4 }
    );
    let on_disk: serde_json::Value = serde_json::from_slice(
        &crate::fsutil::read_regular_capped(store.path(), u64::MAX).expect("read"),
    )
    .expect("json");
    assert_eq!(on_disk["version"], 4);
}
