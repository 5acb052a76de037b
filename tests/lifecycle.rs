//! microlings itself ending (a signal, SIGKILL, a closed pipe) or waiting, seen from outside.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{have, process_running_with};
use microlings::course::Language;

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

/// Writes `source` as the learner's Python file for the fixture exercise.
fn write_python(data: &Path, source: &str) {
    let out = ml(data, &["path", "fixture-sum", "--lang", "python"]);
    let file = String::from_utf8_lossy(&out.stdout).trim().to_string();
    std::fs::write(file, source).expect("write the learner's file");
}

fn wait_for(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let until = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < until, "{what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn alive(pid: i32) -> bool {
    // A zombie is dead for this purpose: it runs nothing.
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| {
            !s.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('Z')
        })
        .unwrap_or(false)
}

fn signal(child: &Child, sig: libc::c_int) {
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, sig) };
}

/// A program that records its pid in `pid_file`, starts `sleep <marker>` in its own process
/// group, and runs until it is killed.
fn stubborn_program(pid_file: &Path, marker: &str) -> String {
    format!(
        "import os, subprocess, time\nsubprocess.Popen(['sleep', '{marker}'])\nopen({:?}, 'w').write(str(os.getpid()))\nwhile True:\n    time.sleep(0.1)\n",
        pid_file.display().to_string()
    )
}

#[cfg(target_os = "linux")]
#[test]
fn after_sigkill_the_program_dies_and_the_next_command_cleans_up() {
    if !have(Language::Python) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let pid_file = data.path().join("program.pid");
    let marker = "2001.111";
    write_python(data.path(), &stubborn_program(&pid_file, marker));
    let mut child = command(data.path(), &["check", "fixture-sum", "--lang", "python"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    wait_for("the program never started", Duration::from_secs(5), || {
        std::fs::read_to_string(&pid_file).is_ok_and(|s| !s.is_empty())
    });
    let program: i32 = std::fs::read_to_string(&pid_file)
        .expect("pid")
        .trim()
        .parse()
        .expect("a pid");
    signal(&child, libc::SIGKILL);
    child.wait().expect("wait");
    // Well before the exercise's own 5 s deadline.
    wait_for(
        "the learner's program outlived microlings",
        Duration::from_secs(2),
        || !alive(program),
    );
    let scratch = data.path().join("tmp");
    assert!(
        std::fs::read_dir(&scratch).expect("tmp").next().is_some(),
        "a killed microlings leaves its run directory"
    );
    let out = ml(data.path(), &["list"]);
    assert!(out.status.success());
    wait_for(
        "the program's child outlived the next command",
        Duration::from_secs(2),
        || !process_running_with(marker),
    );
    let left: Vec<_> = std::fs::read_dir(&scratch).expect("tmp").collect();
    assert!(left.is_empty(), "run directories left behind: {left:?}");
}

#[test]
fn sighup_stops_the_programs_like_ctrl_c() {
    if !have(Language::Python) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let pid_file = data.path().join("program.pid");
    let marker = "2002.222";
    write_python(data.path(), &stubborn_program(&pid_file, marker));
    let child = command(data.path(), &["check", "fixture-sum", "--lang", "python"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    wait_for("the program never started", Duration::from_secs(5), || {
        std::fs::read_to_string(&pid_file).is_ok_and(|s| !s.is_empty())
    });
    let started = Instant::now();
    signal(&child, libc::SIGHUP);
    let out = child.wait_with_output().expect("wait");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    wait_for("a program outlived SIGHUP", Duration::from_secs(1), || {
        !process_running_with(marker)
    });
}

#[test]
fn writing_into_a_closed_pipe_ends_every_command_quietly() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut commands: Vec<Vec<&str>> = vec![
        vec![],
        vec!["list"],
        vec!["list", "--json"],
        vec!["progress"],
        vec!["progress", "--json"],
        vec!["progress", "--report"],
        vec!["hint", "fixture-sum"],
        vec!["path", "fixture-sum"],
        vec!["doctor"],
        vec!["--help"],
        vec!["--version"],
        vec!["check", "--help"],
        vec!["lab", "--help"],
        vec!["dev", "--help"],
        vec!["completions", "bash"],
        vec!["completions", "zsh"],
        vec!["completions", "fish"],
        vec!["completions", "powershell"],
        vec!["completions", "elvish"],
        vec!["reset", "fixture-sum", "--yes"],
    ];
    if have(Language::Python) {
        commands.push(vec!["verify", "--json"]);
        commands.push(vec!["verify"]);
        commands.push(vec!["check", "fixture-sum", "--lang", "python"]);
        commands.push(vec!["check", "fixture-sum", "--lang", "python", "--json"]);
        commands.push(vec!["dev", "check", "--lang", "python"]);
    }
    for args in commands {
        let (reader, writer) = std::io::pipe().expect("pipe");
        // Nobody will read: every write to stdout fails with EPIPE.
        drop(reader);
        let out = command(data.path(), &args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("panicked") && out.status.code() != Some(101),
            "microlings {args:?}: {:?}\n{stderr}",
            out.status
        );
        assert!(stderr.trim().is_empty(), "microlings {args:?}: {stderr}");
    }
}
