//! The real binary in a real terminal (tmux): open a lesson, go to an exercise, quit, start
//! again and land in the same place.

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
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", name])
            .output();
        let cmd = format!(
            "env MICROLINGS_HOME={} TERM=xterm-256color {}",
            data.display(),
            env!("CARGO_BIN_EXE_microlings")
        );
        tmux(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "100",
            "-y",
            "30",
            &cmd,
        ]);
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
