//! The command line end to end, on the fixture course in tests/fixtures/course.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::have;
use microlings::course::Language;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

/// Runs microlings on the fixture course with its own data directory.
fn ml(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(fixture())
        .args(args)
        .env_remove("NO_COLOR")
        .env("GOCACHE", common::shared_cache().join("go-build"))
        .output()
        .expect("run microlings")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn list_json_has_lessons_exercises_and_status_per_language() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), &["list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let lesson = &v[0];
    assert_eq!(lesson["slug"], "fixture");
    assert_eq!(lesson["title"], "A fixture lesson");
    let ex = &lesson["exercises"][0];
    assert_eq!(ex["slug"], "fixture-sum");
    assert_eq!(ex["kind"], "output");
    for lang in ["python", "go", "java", "csharp"] {
        let s = ex["status"][lang].as_str().expect("status");
        assert!(s == "not_tried" || s == "toolchain_missing", "{lang}: {s}");
    }
}

#[test]
fn check_fails_on_the_starter_then_passes_after_the_fix_and_records_progress() {
    if !have(Language::Python) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(
        data.path(),
        &["check", "fixture-sum", "--lang", "python", "--json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let o: serde_json::Value =
        serde_json::from_str(stdout(&out).lines().next().expect("a line")).expect("json");
    for key in [
        "exercise",
        "language",
        "verdict",
        "duration_ms",
        "exit_code",
        "stdout",
        "stderr",
        "diff",
    ] {
        assert!(o.get(key).is_some(), "missing {key}: {o}");
    }
    assert_eq!(o["verdict"], "wrong_output");
    assert_eq!(o["language"], "python");

    let human = ml(
        data.path(),
        &["--no-color", "check", "fixture-sum", "--lang", "python"],
    );
    let text = stdout(&human);
    assert!(text.contains("✗ wrong output"), "{text}");
    assert!(text.contains("- 42") && text.contains("+ 38"), "{text}");
    assert!(text.contains("> "), "first mismatch marked: {text}");
    // The failing case is named and its stdin is shown beside the diff.
    assert!(text.contains("case '"), "{text}");
    assert!(text.contains("read this on stdin:"), "{text}");
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("< ")),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "colour with --no-color: {text}");

    let path_out = ml(data.path(), &["path", "fixture-sum", "--lang", "python"]);
    let file = stdout(&path_out).trim().to_string();
    assert!(file.ends_with("main.py"), "{file}");
    std::fs::write(&file, "a, b = map(int, input().split())\nprint(a + b)\n").expect("fix");
    let out = ml(data.path(), &["check", "fixture-sum", "--lang", "python"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("✓ passed"));

    let progress = ml(data.path(), &["progress", "--json"]);
    let p: serde_json::Value = serde_json::from_slice(&progress.stdout).expect("json");
    assert_eq!(p["exercises"]["passed"]["python"], 1);
    let list = ml(data.path(), &["list", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).expect("json");
    assert_eq!(v[0]["exercises"][0]["status"]["python"], "passed");
    let saved: serde_json::Value = serde_json::from_slice(
        &std::fs::read(data.path().join("progress.json")).expect("progress"),
    )
    .expect("json");
    assert_eq!(saved["exercises"]["fixture-sum"]["python"]["attempts"], 3);
}

#[test]
fn check_without_lang_runs_every_available_language() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), &["check", "fixture-sum", "--json"]);
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 4);
    for o in &lines {
        let v = o["verdict"].as_str().expect("verdict");
        assert!(v == "wrong_output" || v == "toolchain_missing", "{o}");
    }
}

#[test]
fn hints_climb_the_ladder_and_are_recorded() {
    let data = tempfile::tempdir().expect("tempdir");
    let first = stdout(&ml(data.path(), &["hint", "fixture-sum", "--lang", "go"]));
    assert!(
        first.contains("Hint 1 of 3") && first.contains("Read both numbers."),
        "{first}"
    );
    assert!(!first.contains("Hint 2"));
    let second = stdout(&ml(data.path(), &["hint", "fixture-sum", "--lang", "go"]));
    assert!(second.contains("Hint 2 of 3 (concept)"), "{second}");
    ml(data.path(), &["hint", "fixture-sum", "--lang", "go"]);
    let last = stdout(&ml(data.path(), &["hint", "fixture-sum", "--lang", "go"]));
    assert!(last.contains("last hint"), "{last}");
    let saved: serde_json::Value = serde_json::from_slice(
        &std::fs::read(data.path().join("progress.json")).expect("progress"),
    )
    .expect("json");
    assert_eq!(saved["hints"]["fixture-sum"], 3);
}

#[test]
fn a_hint_counts_once_for_the_exercise_in_progress_and_the_report() {
    let data = tempfile::tempdir().expect("tempdir");
    // Without --lang, then in another language: two hints, not eight or five.
    ml(data.path(), &["hint", "fixture-sum"]);
    let second = stdout(&ml(data.path(), &["hint", "fixture-sum", "--lang", "java"]));
    assert!(second.contains("Hint 2 of 3"), "{second}");
    let progress: serde_json::Value =
        serde_json::from_str(&stdout(&ml(data.path(), &["progress", "--json"]))).expect("json");
    assert_eq!(progress["hints_used"], 2);
    let report = stdout(&ml(data.path(), &["progress", "--report"]));
    assert!(report.contains("Hints used: 2."), "{report}");
}

#[test]
fn reset_restores_the_starter_and_refuses_without_confirmation() {
    let data = tempfile::tempdir().expect("tempdir");
    let file = stdout(&ml(data.path(), &["path", "fixture-sum", "--lang", "go"]))
        .trim()
        .to_string();
    std::fs::write(&file, "my edits").expect("edit");
    let refused = ml(data.path(), &["reset", "fixture-sum", "--lang", "go"]);
    assert!(!refused.status.success());
    assert!(stderr(&refused).contains("--yes"), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "my edits");
    let ok = ml(data.path(), &["reset", "--all", "--yes"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .contains("Print the sum")
    );
}

#[test]
fn a_corrupt_progress_file_is_kept_aside_with_a_clear_message() {
    let data = tempfile::tempdir().expect("tempdir");
    std::fs::write(data.path().join("progress.json"), "{ not json").expect("write");
    let out = ml(data.path(), &["progress"]);
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("could not be read"),
        "{}",
        stderr(&out)
    );
    let kept: Vec<_> = std::fs::read_dir(data.path())
        .expect("dir")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("progress.json.corrupt-")
        })
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        std::fs::read_to_string(kept[0].path()).expect("read"),
        "{ not json"
    );
}

#[test]
fn unknown_exercise_and_language_are_clear_errors() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), &["check", "fixture"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("did you mean: fixture-sum"),
        "{}",
        stderr(&out)
    );
    let out = ml(data.path(), &["check", "fixture-sum", "--lang", "rust"]);
    assert!(
        stderr(&out).contains("use python, go, java or csharp"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn doctor_lists_every_language() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), &["doctor"]);
    let text = stdout(&out);
    for name in ["Python", "Go", "Java", "C#"] {
        assert!(text.contains(name), "{text}");
    }
    let hidden = Command::new(env!("CARGO_BIN_EXE_microlings"))
        .args(["--data-dir"])
        .arg(data.path())
        .arg("doctor")
        .env("MICROLINGS_DISABLE", "java")
        .output()
        .expect("run");
    let text = stdout(&hidden);
    assert!(text.contains("✗ missing Java"), "{text}");
    assert!(
        text.contains("apt-get install -y openjdk-17-jdk-headless")
            && text.contains("brew install openjdk@17")
            && text.contains("winget install Microsoft.OpenJDK.17"),
        "{text}"
    );
}

#[test]
fn dev_check_proves_the_fixture_and_reports_a_broken_course_with_file_and_line() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), &["dev", "check"]);
    assert!(
        out.status.success() || !common::required(),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("every starter fails and every solution passes")
            || !out.status.success()
    );

    let broken = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture(), broken.path());
    let lesson = broken.path().join("lessons/01-fixture.md");
    let text = std::fs::read_to_string(&lesson)
        .expect("read")
        .replace("answer = 1", "answer = 7");
    std::fs::write(&lesson, text).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("--course")
        .arg(broken.path())
        .args(["dev", "check"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("01-fixture.md:12:") && err.contains("out of range"),
        "{err}"
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn progress_report_is_markdown_worth_keeping() {
    let data = tempfile::tempdir().expect("tempdir");
    ml(data.path(), &["hint", "fixture-sum", "--lang", "go"]);
    let out = ml(data.path(), &["progress", "--report"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# My microlings report"), "{md}");
    assert!(md.contains("| Sum two numbers | · not tried |"), "{md}");
    assert!(md.contains("Hints used: 1."), "{md}");
    assert!(md.contains("Read **0 of 1** lessons."), "{md}");
}

#[test]
fn without_a_terminal_plain_microlings_prints_the_course_and_how_to_start() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("A fixture lesson"), "{text}");
    assert!(text.contains("Run `microlings` in a terminal"), "{text}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_check_stops_the_programs_it_started() {
    if !have(Language::Python) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let file = stdout(&ml(
        data.path(),
        &["path", "fixture-sum", "--lang", "python"],
    ))
    .trim()
    .to_string();
    let marker = "654.3217";
    std::fs::write(
        &file,
        format!(
            "import subprocess\nsubprocess.Popen(['sleep', '{marker}'])\nwhile True:\n    pass\n"
        ),
    )
    .expect("write");
    let child = Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("--course")
        .arg(fixture())
        .args(["check", "fixture-sum", "--lang", "python"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start");
    // Wait until the learner's program is running.
    let until = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !common::process_running_with(marker) {
        assert!(
            std::time::Instant::now() < until,
            "the program never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // SAFETY: sending a signal to our own child process.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let out = child.wait_with_output().expect("wait");
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("interrupted"));
    std::thread::sleep(std::time::Duration::from_millis(100));
    assert!(
        !common::process_running_with(marker),
        "a program outlived Ctrl-C"
    );
}

#[test]
fn verify_prints_a_table_and_fails_while_anything_fails() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), &["--no-color", "verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let row = text
        .lines()
        .find(|l| l.starts_with("fixture-sum"))
        .expect("a row for the exercise");
    assert!(
        row.contains("wrong output") || row.contains("toolchain missing"),
        "{text}"
    );
    let json = ml(data.path(), &["verify", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(4));
}

#[test]
fn completions_print_a_script_with_the_exercise_names() {
    let data = tempfile::tempdir().expect("tempdir");
    for shell in ["bash", "zsh", "fish"] {
        let out = ml(data.path(), &["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains("fixture-sum"), "{shell}: exercise names");
        assert!(script.contains("check"), "{shell}: subcommands");
    }
    let out = ml(data.path(), &["completions", "powershell"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = ml(data.path(), &["completions", "tcsh"]);
    assert!(!out.status.success(), "an unknown shell is refused");
}

#[test]
fn list_marks_a_pass_of_an_earlier_version_of_an_exercise() {
    let data = tempfile::tempdir().expect("tempdir");
    let course = microlings::course::load_course(Some(&fixture())).expect("fixture course");
    let ex = course.exercise("fixture-sum").expect("fixture-sum");
    let now = microlings::learner::exercise_version(ex);
    // Python passed before the cases changed; Go passed them as they are.
    let progress = serde_json::json!({
        "version": microlings::progress::VERSION,
        "exercises": {"fixture-sum": {
            "python": {"status": "passed", "attempts": 1, "passed_version": "0123456789abcdef"},
            "go": {"status": "passed", "attempts": 1, "passed_version": now},
        }},
    });
    std::fs::write(
        data.path().join("progress.json"),
        serde_json::to_vec(&progress).expect("json"),
    )
    .expect("write progress");
    let out = ml(data.path(), &["list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let status = &v[0]["exercises"][0]["status"];
    assert_eq!(status["python"], "passed_earlier_version");
    assert_eq!(status["go"], "passed");
    let out = ml(data.path(), &["list"]);
    let text = stdout(&out);
    assert!(text.contains("↻ Python"), "{text}");
    assert!(text.contains("passed an earlier version"), "{text}");
}
