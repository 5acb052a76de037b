//! microlings itself ending (a signal, SIGKILL, a closed pipe) or waiting, seen from outside.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{have, process_running_with};
use microlings::course::Language;
use microlings::run::sandbox::MODE_VAR;

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
        .env("GOCACHE", common::shared_cache().join("go-build"))
        .env_remove(MODE_VAR);
    c
}

/// The same, contained as `mode` says: `None` for what microlings picks on this machine,
/// `Some("session")` for the portable fallback.
fn command_in(data: &Path, args: &[&str], mode: Option<&str>) -> Command {
    let mut c = command(data, args);
    if let Some(mode) = mode {
        c.env(MODE_VAR, mode);
    }
    c
}

fn ml(data: &Path, args: &[&str]) -> Output {
    command(data, args).output().expect("run microlings")
}

/// Writes `source` as the learner's Python file for the fixture exercise; returns its path.
fn write_python(data: &Path, source: &str) -> String {
    let out = ml(data, &["path", "fixture-sum", "--lang", "python"]);
    let file = String::from_utf8_lossy(&out.stdout).trim().to_string();
    std::fs::write(&file, source).expect("write the learner's file");
    file
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

/// A program that starts `sleep <marker>` beside itself and a daemon that holds
/// `sleep <daemon>` in a session of its own with an empty environment, writes its pid as the
/// system sees it (`/proc/self`, whatever its PID namespace) in `ready` half a second later,
/// and runs until it is killed.
fn program_with_a_daemon(ready: &Path, marker: &str, daemon: &str) -> String {
    format!(
        "import os, subprocess, time\nsubprocess.Popen(['sleep', '{marker}'])\nsubprocess.Popen(['/usr/bin/setsid', '/bin/sh', '-c', '/bin/sleep {daemon} & wait'], env={{}})\ntime.sleep(0.5)\nopen({:?} + '.tmp', 'w').write(os.readlink('/proc/self'))\nos.rename({:?} + '.tmp', {:?})\nwhile True:\n    time.sleep(0.1)\n",
        ready.display().to_string(),
        ready.display().to_string(),
        ready.display().to_string()
    )
}

/// Kills microlings with SIGKILL mid-check, in containment `mode`; nothing of the check may
/// survive: under a PID namespace at once, in a session by the next command at the latest.
#[cfg(target_os = "linux")]
fn after_sigkill_nothing_survives(mode: Option<&str>, marker: &str, daemon: &str) {
    let data = tempfile::tempdir().expect("tempdir");
    let ready = data.path().join("ready");
    write_python(data.path(), &program_with_a_daemon(&ready, marker, daemon));
    let mut child = command_in(
        data.path(),
        &["check", "fixture-sum", "--lang", "python"],
        mode,
    )
    .stdout(Stdio::null())
    .stderr(Stdio::null())
    .spawn()
    .expect("start");
    wait_for("the program never started", Duration::from_secs(10), || {
        ready.exists()
    });
    let program: i32 = std::fs::read_to_string(&ready)
        .expect("ready")
        .trim()
        .parse()
        .expect("a pid");
    assert!(alive(program), "the program is not running");
    assert!(process_running_with(daemon), "the daemon is not running");
    signal(&child, libc::SIGKILL);
    child.wait().expect("wait");
    // Well before the exercise's own 5 s deadline.
    wait_for(
        "the learner's program outlived microlings",
        Duration::from_secs(2),
        || !alive(program),
    );
    if mode.is_none() && microlings_uses_pid_namespaces() {
        wait_for(
            "under a PID namespace everything dies with microlings",
            Duration::from_secs(2),
            || !process_running_with(marker) && !process_running_with(daemon),
        );
    }
    let scratch = data.path().join("tmp");
    assert!(
        std::fs::read_dir(&scratch).expect("tmp").next().is_some(),
        "a killed microlings leaves its run directory"
    );
    let out = ml(data.path(), &["list"]);
    assert!(out.status.success());
    wait_for(
        "the program's child or daemon outlived the next command",
        Duration::from_secs(2),
        || !process_running_with(marker) && !process_running_with(daemon),
    );
    let left: Vec<_> = std::fs::read_dir(&scratch).expect("tmp").collect();
    assert!(left.is_empty(), "run directories left behind: {left:?}");
}

/// What `doctor` says the containment is.
fn containment_line(mode: Option<&str>) -> String {
    let data = tempfile::tempdir().expect("tempdir");
    let out = command_in(data.path(), &["doctor"], mode)
        .output()
        .expect("doctor");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find(|l| l.starts_with("containment"))
        .unwrap_or_default()
        .to_string()
}

fn microlings_uses_pid_namespaces() -> bool {
    containment_line(None).contains("PID namespace per check")
}

#[cfg(target_os = "linux")]
#[test]
fn after_sigkill_nothing_survives_under_the_default_containment() {
    if !have(Language::Python) {
        return;
    }
    after_sigkill_nothing_survives(None, "2001.111", "2001.112");
}

#[cfg(target_os = "linux")]
#[test]
fn after_sigkill_nothing_survives_in_a_session_either() {
    if !have(Language::Python) {
        return;
    }
    after_sigkill_nothing_survives(Some("session"), "2003.111", "2003.112");
}

#[cfg(target_os = "linux")]
#[test]
fn doctor_names_the_containment_and_picks_the_pid_namespace_where_the_kernel_allows() {
    let forced = containment_line(Some("session"));
    assert!(
        forced.contains("a session per check") && forced.contains("MICROLINGS_CONTAINMENT"),
        "{forced}"
    );
    // The oracle: util-linux's unshare doing what the helper does.
    let kernel_allows = Command::new("unshare")
        .args(["--user", "--pid", "--fork", "--map-root-user", "true"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let picked = containment_line(None);
    if kernel_allows {
        assert!(picked.contains("a PID namespace per check"), "{picked}");
    } else {
        eprintln!("this kernel refuses user+PID namespaces: {picked}");
        assert!(picked.contains("a session per check"), "{picked}");
    }
}

#[test]
fn a_directory_without_microlings_marker_is_never_deleted() {
    // `--data-dir ~`: the scratch space is the learner's own ~/tmp.
    let home = tempfile::tempdir().expect("tempdir");
    let mine = home.path().join("tmp").join("my-notes");
    std::fs::create_dir_all(&mine).expect("mkdir");
    std::fs::write(mine.join("todo.txt"), "keep me").expect("write");
    let old = std::time::SystemTime::now() - Duration::from_secs(7 * 24 * 3600);
    for path in [&mine, &home.path().join("tmp")] {
        let dir = std::fs::File::open(path).expect("open dir");
        dir.set_modified(old).expect("age it");
    }
    for args in [&["list"][..], &["progress"][..]] {
        let out = ml(home.path(), args);
        assert!(out.status.success(), "{args:?}: {out:?}");
    }
    assert_eq!(
        std::fs::read_to_string(mine.join("todo.txt")).expect("still there"),
        "keep me"
    );
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
