//! What microlings keeps between commands: never poisoned by a failure that is not the
//! learner's, never silently lost, never waited on without a word.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{exercise, have};
use microlings::course::Language;
use microlings::run::{CheckOptions, Runner, RunnerDirs, Verdict};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

fn command(data: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_microlings"));
    c.arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(fixture())
        .args(args)
        .env("NO_COLOR", "1")
        .env("GOCACHE", common::shared_cache().join("go-build"));
    c
}

fn ml(data: &Path, args: &[&str]) -> Output {
    command(data, args).output().expect("run microlings")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_check_microlings_cannot_run_is_said_so_and_not_cached() {
    if !have(Language::Python) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    // The scratch directory's parent is a regular file: nothing can be created there.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "not a directory").expect("write");
    let runner = Runner::new(
        common::toolchains().clone(),
        RunnerDirs {
            scratch: blocker.join("tmp"),
            cache: dir.path().join("cache"),
        },
    );
    let ex = exercise("transient", 5, &[("default", None, "hello\n")]);
    let opts = CheckOptions {
        use_cache: true,
        ..CheckOptions::default()
    };
    let source = format!("# {:?}\nprint('hello')\n", Instant::now());
    let o = runner.check(&ex, Language::Python, &source, &opts);
    assert_eq!(o.verdict, Verdict::CouldNotRun, "{o:#?}");
    assert!(
        o.message.contains("could not run the check") && o.message.contains("not your program"),
        "{}",
        o.message
    );
    // The cause goes away: the next check runs for real.
    std::fs::remove_file(&blocker).expect("remove");
    let o = runner.check(&ex, Language::Python, &source, &opts);
    assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
    assert!(!o.cached, "a failure to run was cached");
}

#[test]
fn an_unwritable_scratch_directory_is_not_an_attempt() {
    if !have(Language::Python) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    std::fs::write(data.path().join("tmp"), "a file where the run directories go").expect("write");
    let out = ml(data.path(), &["check", "fixture-sum", "--lang", "python", "--json"]);
    let o: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("json");
    assert_eq!(o["verdict"], "could_not_run", "{o}");
    assert_ne!(out.status.code(), Some(0));
    let saved = std::fs::read_to_string(data.path().join("progress.json")).unwrap_or_default();
    assert!(!saved.contains("attempts\": 1"), "counted as an attempt: {saved}");
    std::fs::remove_file(data.path().join("tmp")).expect("remove");
    let out = ml(data.path(), &["check", "fixture-sum", "--lang", "python", "--json"]);
    let o: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("json");
    assert_eq!(o["verdict"], "wrong_output", "{o}");
    assert_eq!(o["cached"], false);
}
