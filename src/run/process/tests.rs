//! Unit tests of the supervisor: failures to start, records, stdin, blame, sessions.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

use super::*;

fn sleeper(dir: &Path, marker: &str) -> ProcessSpec {
    ProcessSpec {
        program: PathBuf::from("/bin/sh"),
        args: vec!["-c".into(), format!("exec sleep {marker}")],
        dir: dir.to_path_buf(),
        env: vec![("PATH".into(), "/usr/bin:/bin".into())],
        stdin: None,
    }
}

fn running_with(marker: &str) -> bool {
    procfs::processes().iter().any(|p| {
        std::fs::read(format!("/proc/{}/cmdline", p.pid))
            .is_ok_and(|c| String::from_utf8_lossy(&c).contains(marker))
    })
}

use crate::run::procfs;

#[test]
fn a_reader_that_cannot_start_leaves_no_child_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let marker = "31.4159";
    capture::FAIL_NEXT_READER.with(|f| f.set(true));
    let limits = Limits {
        timeout: Duration::from_secs(30),
        output_cap: 1024,
    };
    let started = Instant::now();
    let result = run(&sleeper(dir.path(), marker), limits, &CancelToken::new());
    assert!(result.is_err(), "{result:?}");
    assert!(started.elapsed() < Duration::from_secs(10));
    let until = Instant::now() + Duration::from_secs(2);
    while running_with(marker) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!running_with(marker), "the child outlived a failed start");
}

#[test]
fn a_directory_that_is_no_run_directory_gets_no_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    // What an older microlings left in the system temp directory.
    let legacy = dir.path().join(".microlings-run");
    std::fs::write(&legacy, "owner 1 1\n").expect("write");
    let mut spec = sleeper(dir.path(), "0");
    spec.args = vec!["-c".into(), "true".into()];
    let limits = Limits {
        timeout: Duration::from_secs(10),
        output_cap: 1024,
    };
    let r = run(&spec, limits, &CancelToken::new()).expect("run");
    assert_eq!(r.termination, Termination::Exited(0));
    assert_eq!(
        std::fs::read_to_string(&legacy).expect("read"),
        "owner 1 1\n"
    );
}

#[test]
fn a_stdin_that_is_a_fifo_is_refused_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("stdin");
    let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("path");
    // SAFETY: mkfifo on a NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let mut spec = sleeper(dir.path(), "0");
    spec.stdin = Some(fifo);
    let limits = Limits {
        timeout: Duration::from_secs(10),
        output_cap: 1024,
    };
    let started = Instant::now();
    let e = run(&spec, limits, &CancelToken::new()).expect_err("refused");
    assert!(e.to_string().contains("not a regular file"), "{e}");
    assert!(started.elapsed() < Duration::from_secs(1));
}

mod blame {
    use super::*;

    fn shell(script: &str) -> ProcessSpec {
        ProcessSpec {
            program: PathBuf::from("/bin/sh"),
            args: vec!["-c".into(), script.into()],
            dir: std::env::temp_dir(),
            env: vec![("PATH".into(), "/usr/bin:/bin".into())],
            stdin: None,
        }
    }

    #[test]
    fn a_signal_says_whether_microlings_sent_it() {
        let limits = Limits {
            timeout: Duration::from_secs(10),
            output_cap: 1024,
        };
        let r = run(&shell("kill -9 $$"), limits, &CancelToken::new()).expect("run");
        assert_eq!(
            r.termination,
            Termination::Signalled {
                signal: libc::SIGKILL,
                sent_by_us: false
            }
        );
        let service = Background::spawn(&shell("exec sleep 30"), 1024).expect("spawn");
        let stopped = service.stop(Duration::from_secs(5));
        assert!(
            matches!(
                stopped.kind,
                StopKind::OnSigterm {
                    termination: Termination::Signalled {
                        signal: libc::SIGTERM,
                        sent_by_us: true
                    },
                    ..
                }
            ),
            "{:?}",
            stopped.kind
        );
    }

    #[test]
    fn the_program_leads_a_session_of_its_own_and_is_never_pid_1() {
        let limits = Limits {
            timeout: Duration::from_secs(10),
            output_cap: 1024,
        };
        // $$ is the shell's pid as it sees it; `ps` is not needed: /proc/self/stat has both.
        let r = run(
            &shell("read -r pid comm state ppid pgrp sid rest < /proc/self/stat; echo $$ $sid"),
            limits,
            &CancelToken::new(),
        )
        .expect("run");
        let out = String::from_utf8_lossy(&r.stdout);
        let mut ids = out.split_whitespace();
        let own: u32 = ids.next().and_then(|p| p.parse().ok()).expect("a pid");
        assert_ne!(own, 1, "{out}");
        // The session named in /proc is the host's view; under a PID namespace the shell's
        // own pid is 2 and its session leader is itself.
        let sid: u32 = ids.next().and_then(|p| p.parse().ok()).expect("a session");
        assert_ne!(sid, procfs_session_of_us(), "{out}");
    }

    fn procfs_session_of_us() -> u32 {
        crate::run::procfs::stat(std::process::id())
            .expect("our stat")
            .sid
    }
}
