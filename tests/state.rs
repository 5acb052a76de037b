//! What microlings keeps between commands: never poisoned by a failure that is not the
//! learner's, never silently lost, never waited on without a word.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

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
    std::fs::write(
        data.path().join("tmp"),
        "a file where the run directories go",
    )
    .expect("write");
    let out = ml(
        data.path(),
        &["check", "fixture-sum", "--lang", "python", "--json"],
    );
    let o: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("json");
    assert_eq!(o["verdict"], "could_not_run", "{o}");
    assert_ne!(out.status.code(), Some(0));
    let saved = std::fs::read_to_string(data.path().join("progress.json")).unwrap_or_default();
    assert!(
        !saved.contains("attempts\": 1"),
        "counted as an attempt: {saved}"
    );
    std::fs::remove_file(data.path().join("tmp")).expect("remove");
    let out = ml(
        data.path(),
        &["check", "fixture-sum", "--lang", "python", "--json"],
    );
    let o: serde_json::Value = serde_json::from_str(&text(&out.stdout)).expect("json");
    assert_eq!(o["verdict"], "wrong_output", "{o}");
    assert_eq!(o["cached"], false);
}

fn corrupt(data: &Path) {
    std::fs::write(data.join("progress.json"), "{ this is not json").expect("write");
}

#[test]
fn every_command_that_finds_progress_corrupt_says_so() {
    let data = tempfile::tempdir().expect("tempdir");
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["progress"],
        vec!["hint", "fixture-sum"],
        vec!["reset", "fixture-sum", "--yes"],
    ];
    if have(Language::Python) {
        commands.push(vec!["check", "fixture-sum", "--lang", "python"]);
    }
    for args in commands {
        corrupt(data.path());
        let out = ml(data.path(), &args);
        let err = text(&out.stderr);
        assert!(
            err.contains("could not be read") && err.contains("progress.json.corrupt-"),
            "microlings {args:?} said nothing about the corrupt file: {err}"
        );
    }
}

#[test]
fn two_corrupt_files_in_the_same_second_are_both_kept() {
    let data = tempfile::tempdir().expect("tempdir");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    // Copies kept aside a moment ago, for every second this test could run in.
    for s in now..now + 30 {
        std::fs::write(
            data.path().join(format!("progress.json.corrupt-{s}")),
            "an older copy",
        )
        .expect("write");
    }
    corrupt(data.path());
    let out = ml(data.path(), &["list"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut kept = 0;
    let mut new = 0;
    for e in std::fs::read_dir(data.path()).expect("dir").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("progress.json.corrupt-") {
            match std::fs::read_to_string(e.path()).expect("read").as_str() {
                "an older copy" => kept += 1,
                _ => new += 1,
            }
        }
    }
    assert_eq!((kept, new), (30, 1), "an older copy was overwritten");
}

#[cfg(target_os = "linux")]
#[test]
fn a_progress_file_of_tens_of_megabytes_is_refused_without_eating_memory() {
    let data = tempfile::tempdir().expect("tempdir");
    // Valid JSON of a known version: only its size is wrong. Written in pieces, so that
    // this test's own memory (which a forked child starts from) stays small.
    {
        use std::io::Write;
        let file = std::fs::File::create(data.path().join("progress.json")).expect("create");
        let mut w = std::io::BufWriter::new(file);
        let lesson = format!("\"{}\"", "x".repeat(1000));
        w.write_all(b"{\"version\": 2, \"lessons_read\": [")
            .expect("write");
        for i in 0..40_000 {
            if i > 0 {
                w.write_all(b",").expect("write");
            }
            w.write_all(lesson.as_bytes()).expect("write");
        }
        w.write_all(b"]}").expect("write");
    }
    // Reaped by wait4 below, which also gives its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = command(data.path(), &["list"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting for our own child, with valid pointers.
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(r, pid);
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.expect("stderr"), &mut err).expect("read");
    assert!(
        err.contains("MB") && err.contains("progress.json.corrupt-"),
        "no clear message: {err}"
    );
    let peak_mb = usage.ru_maxrss / 1024;
    assert!(
        peak_mb < 50,
        "microlings used {peak_mb} MB for a 40 MB progress file"
    );
}

#[test]
fn a_huge_progress_version_is_printed_as_it_is() {
    let data = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        data.path().join("progress.json"),
        r#"{"version": 4294967297, "exercises": {}}"#,
    )
    .expect("write");
    let out = ml(data.path(), &["list"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("version 4294967297"), "{err}");
    assert!(
        data.path().join("progress.json").exists(),
        "the file was not left as it is"
    );
}

#[cfg(unix)]
#[test]
fn waiting_for_another_instance_says_so_and_ctrl_c_ends_the_wait() {
    if !have(Language::Python) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let lock = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(data.path().join("progress.lock"))
        .expect("lock file");
    lock.lock().expect("lock");
    let mut child = command(data.path(), &["check", "fixture-sum", "--lang", "python"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("stderr-reader".into())
        .spawn(move || {
            use std::io::BufRead;
            for line in std::io::BufReader::new(stderr)
                .lines()
                .map_while(Result::ok)
            {
                let _ = tx.send(line);
            }
        })
        .expect("start the stderr reader");
    let line = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("nothing said while waiting for the lock");
    assert!(
        line.contains("waiting for another microlings instance"),
        "{line}"
    );
    let asked = Instant::now();
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    let until = Instant::now() + Duration::from_secs(2);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if Instant::now() > until {
            let _ = child.kill();
            panic!("Ctrl-C did not end the wait for the lock");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(asked.elapsed() < Duration::from_secs(2));
    assert!(!status.success());
    drop(lock);
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo");
}

/// Runs microlings, failing the test if it has not finished within 10 s (a read of a FIFO
/// would wait for ever).
fn ml_bounded(data: &Path, course: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(course)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start");
    let until = Instant::now() + Duration::from_secs(10);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > until {
            let _ = child.kill();
            panic!("microlings {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir").flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_where_a_file_is_expected_is_named_and_nothing_hangs() {
    // The learner's own file.
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), &["path", "fixture-sum", "--lang", "python"]);
    let file = PathBuf::from(text(&out.stdout).trim());
    mkfifo(&file);
    for args in [
        vec!["check", "fixture-sum", "--lang", "python"],
        vec!["reset", "fixture-sum", "--lang", "python"],
    ] {
        let out = ml_bounded(data.path(), &fixture(), &args);
        if args[0] == "check" {
            // Not the program's fault: the check says it could not run, and why.
            let said = text(&out.stdout);
            assert!(!out.status.success());
            assert!(
                said.contains("could not run")
                    && said.contains(&file.display().to_string())
                    && said.contains("FIFO"),
                "{args:?}: {said}{}",
                text(&out.stderr)
            );
        }
    }
    // A lesson and an exercise file of a course on disk.
    for fifo in ["lessons/02-pipe.md", "exercises/fixture-sum/python/main.py"] {
        let course = tempfile::tempdir().expect("tempdir");
        copy_dir(&fixture(), course.path());
        mkfifo(&course.path().join(fifo));
        let out = ml_bounded(data.path(), course.path(), &["list"]);
        let err = text(&out.stderr);
        assert!(!out.status.success());
        assert!(err.contains(fifo) && err.contains("FIFO"), "{fifo}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_at_the_toolchain_cache_is_refused_and_detection_runs_again() {
    let data = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(data.path().join("cache")).expect("mkdir");
    mkfifo(&data.path().join("cache/toolchains.json"));
    // Before: both waited for a writer for ever.
    for args in [
        vec!["list"],
        vec!["check", "fixture-sum", "--lang", "python", "--json"],
    ] {
        let out = ml_bounded(data.path(), &fixture(), &args);
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_100_gb_sparse_exercise_file_gets_a_clear_error_and_nothing_is_read() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), &["path", "fixture-sum", "--lang", "python"]);
    let file = PathBuf::from(text(&out.stdout).trim());
    let f = std::fs::File::create(&file).expect("create");
    f.set_len(100 << 30).expect("a sparse 100 GiB file");
    // Before: "memory allocation of 100000000000 bytes failed", exit 134.
    let out = ml_bounded(
        data.path(),
        &fixture(),
        &["check", "fixture-sum", "--lang", "python"],
    );
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}{}", text(&out.stderr));
    assert!(
        said.contains("could not run") && said.contains("100.0 GiB") && said.contains("main.py"),
        "{said}"
    );
}

#[cfg(unix)]
#[test]
fn the_course_loader_ends_on_symlink_loops() {
    let data = tempfile::tempdir().expect("tempdir");
    let course = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture(), course.path());
    let folder = course.path().join("exercises/fixture-sum");
    // Before: `list` ran for ever, `dev check` grew 6 MB/s.
    std::os::unix::fs::symlink(".", folder.join("a")).expect("symlink");
    std::os::unix::fs::symlink(".", folder.join("b")).expect("symlink");
    let out = ml_bounded(data.path(), course.path(), &["list"]);
    let err = text(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("fixture-sum/a") && err.contains("a loop"),
        "{err}"
    );
}

#[test]
fn course_pointing_at_a_file_or_a_folder_without_lessons_makes_sense() {
    let data = tempfile::tempdir().expect("tempdir");
    let file = data.path().join("course.toml");
    std::fs::write(&file, "").expect("write");
    let out = ml_bounded(data.path(), &file, &["list"]);
    let err = text(&out.stderr);
    assert!(err.contains("is a file, not a course"), "{err}");
    let empty = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(empty.path().join("exercises")).expect("mkdir");
    let out = ml_bounded(data.path(), empty.path(), &["list"]);
    let err = text(&out.stderr);
    assert!(
        err.contains("has no `lessons/`") && !err.contains("next to `lessons/`"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn doctor_gives_a_probe_a_few_seconds_and_says_why_it_failed() {
    use std::os::unix::fs::PermissionsExt;
    let bin = tempfile::tempdir().expect("tempdir");
    let fake = bin.path().join("python3");
    let doctor = |script: &str| {
        std::fs::write(&fake, script).expect("write");
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let data = tempfile::tempdir().expect("tempdir");
        let started = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_microlings"))
            .arg("--data-dir")
            .arg(data.path())
            .arg("doctor")
            .env("PATH", bin.path())
            .env("NO_COLOR", "1")
            .env("MICROLINGS_DISABLE", "go,java,csharp")
            .output()
            .expect("doctor");
        (text(&out.stdout), started.elapsed())
    };
    let (out, took) = doctor("#!/bin/sh\necho 'cannot find libpython3.11.so' >&2\nexit 3\n");
    assert!(
        out.contains("exited with code 3") && out.contains("cannot find libpython3.11.so"),
        "{out}"
    );
    assert!(took < Duration::from_secs(5), "{took:?}");
    let (out, took) = doctor("#!/bin/sh\n/bin/sleep 60\n");
    assert!(out.contains("did not answer within"), "{out}");
    assert!(
        took < Duration::from_secs(15),
        "doctor waited {took:?} for a hanging probe"
    );
}

/// Runs microlings with `args` in a mount namespace of its own after `setup` (a shell script
/// that may mount file systems; `$DATA` is the data directory). `None`, with a printed
/// reason, where unprivileged namespaces are not available.
#[cfg(target_os = "linux")]
fn ml_in_namespace(data: &Path, setup: &str, args: &[&str]) -> Option<Output> {
    let works = Command::new("unshare")
        .args(["-rm", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !works {
        eprintln!("SKIPPED: `unshare -rm` is not available here (no user namespaces)");
        return None;
    }
    let script = format!("set -e\n{setup}\nexec \"$@\"\n");
    let out = Command::new("unshare")
        .args(["-rm", "sh", "-c", &script, "sh"])
        .arg(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(fixture())
        .args(args)
        .env("DATA", data)
        .env("NO_COLOR", "1")
        .output()
        .expect("unshare");
    Some(out)
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_data_directory_can_be_read_and_checked_but_not_saved() {
    if !have(Language::Python) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    // Something to show: one check recorded while it was writable.
    ml(data.path(), &["check", "fixture-sum", "--lang", "python"]);
    let read_only = "mount --bind \"$DATA\" \"$DATA\"\nmount -o remount,bind,ro \"$DATA\"";
    for args in [vec!["list"], vec!["progress"], vec!["doctor"]] {
        let Some(out) = ml_in_namespace(data.path(), read_only, &args) else {
            return;
        };
        assert!(
            out.status.success(),
            "{args:?}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }
    let Some(out) = ml_in_namespace(
        data.path(),
        read_only,
        &["check", "fixture-sum", "--lang", "python"],
    ) else {
        return;
    };
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert!(said.contains("wrong output"), "the check ran: {said}{err}");
    assert!(
        err.contains("progress could not be saved") && err.contains("Read-only file system"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(target_os = "linux")]
#[test]
fn on_a_full_disk_check_prints_its_outcome_then_says_progress_was_not_saved() {
    if !have(Language::Python) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let roomy = tempfile::tempdir().expect("tempdir");
    let solution = fixture().join("exercises/fixture-sum/solution/python/main.py");
    // The data directory on a small file system, filled up after the learner's file is
    // written; checks build and run in a roomy directory mounted at its tmp/.
    let setup = format!(
        "mount -t tmpfs -o size=1m none \"$DATA\"
mkdir -p \"$DATA/tmp\" \"$DATA/workspace/fixture-sum/python\"
mount --bind '{roomy}' \"$DATA/tmp\"
cp '{solution}' \"$DATA/workspace/fixture-sum/python/main.py\"
dd if=/dev/zero of=\"$DATA/filler\" bs=4096 2>/dev/null || true",
        roomy = roomy.path().display(),
        solution = solution.display()
    );
    let Some(out) = ml_in_namespace(
        data.path(),
        &setup,
        &["check", "fixture-sum", "--lang", "python"],
    ) else {
        return;
    };
    let (said, err) = (text(&out.stdout), text(&out.stderr));
    assert!(said.contains("passed"), "the outcome first: {said}{err}");
    assert!(
        err.contains("progress could not be saved") && err.contains("No space left on device"),
        "{err}"
    );
    assert_eq!(out.status.code(), Some(1));
}
