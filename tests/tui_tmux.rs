//! The real binary in a real terminal (tmux): open a lesson, go to an exercise, quit, start
//! again and land in the same place.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux").args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn have_tmux() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("MICROLINGS_REQUIRE_TOOLCHAINS").is_err(),
            "tmux is required in CI"
        );
        eprintln!("SKIPPED: tmux is not installed");
    }
    ok
}

struct Session(String);

impl Session {
    fn start(name: &str, data: &Path) -> Self {
        Self::start_at(name, data, (100, 30))
    }

    fn start_at(name: &str, data: &Path, (w, h): (u16, u16)) -> Self {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", name])
            .output();
        let cmd = format!(
            "env MICROLINGS_HOME={} TERM=xterm-256color {}",
            data.display(),
            env!("CARGO_BIN_EXE_microlings")
        );
        // A new session can reach a tmux server that is exiting because its last session
        // just ended (the previous microlings quit) and fail: then start it again.
        for _ in 0..20 {
            let started = Command::new("tmux")
                .args([
                    "new-session",
                    "-d",
                    "-s",
                    name,
                    "-x",
                    &w.to_string(),
                    "-y",
                    &h.to_string(),
                    &cmd,
                ])
                .output()
                .is_ok_and(|o| o.status.success());
            if started {
                break;
            }
            sleep(Duration::from_millis(100));
        }
        Session(name.to_string())
    }

    fn screen(&self) -> String {
        tmux(&["capture-pane", "-p", "-t", &self.0])
    }

    fn wait_for(&self, text: &str) -> String {
        let until = Instant::now() + Duration::from_secs(10);
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                Instant::now() < until,
                "timed out waiting for {text:?}; screen:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            tmux(&["send-keys", "-t", &self.0, k]);
            sleep(Duration::from_millis(80));
        }
    }

    fn wait_exit(&self) {
        let until = Instant::now() + Duration::from_secs(5);
        while Command::new("tmux")
            .args(["has-session", "-t", &self.0])
            .output()
            .is_ok_and(|o| o.status.success())
        {
            assert!(Instant::now() < until, "microlings did not exit");
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.0])
            .output();
    }
}

#[test]
fn resume_after_quit_in_a_real_terminal() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let name = format!("microlings-test-{}", std::process::id());
    let s = Session::start(&name, data.path());
    s.wait_for("Welcome to microlings");
    s.keys(&["Enter"]); // close the welcome
    s.wait_for("Continue");
    s.keys(&["j", "Enter"]); // the first lesson
    let lesson = s.wait_for("Lesson 1 of");
    assert!(lesson.contains("microservice"), "{lesson}");
    s.keys(&["x"]); // its first exercise
    let ex = s.wait_for("Result: Python");
    assert!(ex.contains("Python"), "{ex}");
    s.keys(&["Tab", "q"]);
    s.wait_exit();
    let saved = std::fs::read_to_string(data.path().join("progress.json")).expect("progress saved");
    assert!(saved.contains("\"screen\": \"exercise\""), "{saved}");
    drop(s);

    let again = Session::start(&name, data.path());
    let screen = again.wait_for("Result: Go");
    assert!(
        !screen.contains("Welcome to microlings"),
        "welcome shown twice:\n{screen}"
    );
    again.keys(&["q"]);
    again.wait_exit();
}

/// A data directory that resumes on `exercise` (Python focused), welcome already seen.
fn data_at_exercise(exercise: &str) -> tempfile::TempDir {
    let data = tempfile::tempdir().expect("tempdir");
    let progress = format!(
        r#"{{"version": 2, "welcome_seen": true, "position": {{"screen": "exercise", "exercise": "{exercise}", "language": "python"}}}}"#
    );
    std::fs::write(data.path().join("progress.json"), progress).expect("progress");
    data
}

#[test]
fn h_at_80x24_shows_the_hint() {
    if !have_tmux() {
        return;
    }
    let data = data_at_exercise("typing-orders");
    let s = Session::start_at(
        &format!("microlings-hint-{}", std::process::id()),
        data.path(),
        (80, 24),
    );
    s.wait_for("Result: Python");
    s.keys(&["h"]);
    let screen = s.wait_for("Hint 1 of 3");
    // The hint's own first words, as the course has them.
    let course = microlings::course::load_course(None).expect("the embedded course");
    let hint = &course.exercises["typing-orders"].hints[0];
    let opening: String = hint
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        screen.contains(&opening),
        "the hint's text ({opening}) is on screen:\n{screen}"
    );
    s.keys(&["Escape"]);
    s.wait_for("h hint");
    s.keys(&["q"]);
    s.wait_exit();
}

#[test]
fn a_lesson_opened_and_left_is_not_read() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        data.path().join("progress.json"),
        r#"{"version": 2, "welcome_seen": true}"#,
    )
    .expect("progress");
    let name = format!("microlings-read-{}", std::process::id());
    let s = Session::start_at(&name, data.path(), (80, 24));
    s.wait_for("Continue");
    s.keys(&["j", "Enter"]);
    s.wait_for("Lesson 1 of");
    s.keys(&["Escape"]);
    let map = s.wait_for("Continue: read");
    assert!(!map.contains("✓ read"), "opened is not read:\n{map}");
    s.keys(&["Enter"]);
    s.wait_for("Lesson 1 of");
    s.keys(&["G"]);
    s.wait_for("lesson read");
    s.keys(&["Escape"]);
    let map = s.wait_for("✓ read");
    assert!(map.contains("Continue: exercise"), "{map}");
    s.keys(&["q"]);
    s.wait_exit();
}

#[test]
fn solve_an_exercise_in_the_built_in_editor_and_see_the_verdict_there() {
    if !have_tmux() || !common_python() {
        return;
    }
    let data = data_at_exercise("typing-orders");
    // The learner's file: the reference solution behind one line that makes it fail.
    let solution = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/exercises/typing-orders/solution/python/main.py"
    ))
    .expect("solution");
    let file = data.path().join("workspace/typing-orders/python/main.py");
    std::fs::create_dir_all(file.parent().expect("dir")).expect("workspace");
    std::fs::write(&file, format!("raise SystemExit(3)\n{solution}")).expect("file");
    let name = format!("microlings-editor-{}", std::process::id());
    let s = Session::start_at(&name, data.path(), (80, 24));
    s.wait_for("Result: Python");
    s.keys(&["i"]);
    let editor = s.wait_for("Editing main.py");
    assert!(
        !editor.contains("? help"),
        "the editor offers no key it types:\n{editor}"
    );
    s.keys(&["C-s"]);
    s.wait_for("runtime error");
    // Delete the first line: to its end, then the line break.
    s.keys(&["Home", "C-k", "Delete", "C-s"]);
    let screen = s.wait_for("✓ passed");
    assert!(
        screen.contains("Editing main.py"),
        "still in the editor:\n{screen}"
    );
    s.keys(&["Escape"]);
    s.wait_for("Result: Python");
    s.keys(&["q"]);
    s.wait_exit();
    let saved = std::fs::read_to_string(&file).expect("file");
    assert!(!saved.contains("SystemExit(3)"), "{saved}");
}

/// Whether python3 runs here (CI has it; a developer without it skips this flow).
fn common_python() -> bool {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var("MICROLINGS_REQUIRE_TOOLCHAINS").is_err(),
            "python3 is required in CI"
        );
        eprintln!("SKIPPED: python3 is not installed");
    }
    ok
}

#[test]
fn the_editor_shows_the_diff_below_the_file_and_scrolls_it_without_typing() {
    if !have_tmux() || !common_python() {
        return;
    }
    // The starter trusts int(): the `tricky` case has the wrong output.
    let data = data_at_exercise("typing-parse-port");
    let name = format!("microlings-editor-diff-{}", std::process::id());
    let s = Session::start_at(&name, data.path(), (80, 24));
    s.wait_for("Result: Python");
    s.keys(&["i"]);
    s.wait_for("Editing main.py");
    s.keys(&["C-s"]);
    let screen = s.wait_for("▶ -");
    assert!(screen.contains("wrong output"), "{screen}");
    let before = s.screen();
    // Alt-↓ scrolls the result; nothing is typed into the file.
    s.keys(&["M-Down", "M-Down", "M-Down"]);
    let after = s.screen();
    assert_ne!(before, after, "Alt-↓ scrolled nothing");
    assert!(
        !after.contains("· modified"),
        "Alt-↓ typed into the file:\n{after}"
    );
    // F1 shows the editor's keys.
    s.keys(&["F1"]);
    s.wait_for("Built-in editor");
    s.keys(&["Escape", "Escape"]);
    s.wait_for("Result: Python");
    s.keys(&["q"]);
    s.wait_exit();
}

#[test]
fn a_reopened_exercise_shows_its_last_check_without_running_it() {
    if !have_tmux() || !common_python() {
        return;
    }
    // The starter trusts int(): the `tricky` case has the wrong output.
    let data = data_at_exercise("typing-parse-port");
    let name = format!("microlings-recall-{}", std::process::id());
    let s = Session::start_at(&name, data.path(), (80, 24));
    s.wait_for("Result: Python");
    s.keys(&["Enter"]);
    let checked = s.wait_for("▶ -");
    assert!(checked.contains("wrong output"), "{checked}");
    s.keys(&["q"]);
    s.wait_exit();
    drop(s);

    // Back after a restart: the same diff, said to be the last check, with nothing run.
    let again = Session::start_at(&name, data.path(), (80, 24));
    let screen = again.wait_for("your last check");
    assert!(screen.contains("wrong output"), "{screen}");
    let screen = again.wait_for("▶ -");
    assert!(!screen.contains("checking"), "{screen}");
    again.keys(&["q"]);
    again.wait_exit();
}
