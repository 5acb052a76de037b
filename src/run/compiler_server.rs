//! The shared C# compiler server (`VBCSCompiler`) that keeps Roslyn warm between checks.
//!
//! Compiling through a warm server takes a fifth of a second where a fresh compiler takes one
//! and a half (figures in docs/architecture.md). The C# compiler's client would start a server
//! by itself, but inside the check's process group, which the runner kills after every build;
//! so microlings starts it here, in a process group of its own, before the first build. The
//! server stops by itself after [`COMPILER_SERVER_IDLE`](super::plan::COMPILER_SERVER_IDLE)
//! without work (every build passes `-keepalive`), so a learner never finds one running an
//! hour later. Its pipe name is derived from the data directory, so two data directories never
//! share one.

use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::plan::CompilerServer;

/// How long a freshly started server gets to start listening before the build goes ahead
/// (the client then starts a server of its own inside the check, which is slower but just as
/// correct). It usually listens within a second; a machine busy compiling can take several,
/// and going ahead early would start a second server that races this one.
const READY_WAIT: Duration = Duration::from_secs(20);

/// One start at a time in this process: four parallel checks must not start four servers.
static STARTING: Mutex<()> = Mutex::new(());

/// Whether the server microlings last started for this pipe is still running. Its pid is
/// kept in a file beside the caches. (Connecting to the socket to find out is no good: the
/// server takes a connection that sends no request for a broken client and shuts down.)
pub fn is_running(server: &CompilerServer) -> bool {
    let Some(pid) = crate::fsutil::read_text_capped(&server.pid_file, 64)
        .ok()
        .and_then(|s| s.trim().parse::<u32>().ok())
    else {
        return false;
    };
    process_alive(pid, &server.pipe)
}

#[cfg(target_os = "linux")]
fn process_alive(pid: u32, pipe: &str) -> bool {
    // The pid must still be a compiler server for this pipe, not a recycled pid; a zombie
    // (exited, not yet reaped) has an empty command line.
    crate::fsutil::read_proc(format!("/proc/{pid}/cmdline"))
        .map(|c| String::from_utf8_lossy(&c).contains(pipe))
        .unwrap_or(false)
}

#[cfg(all(unix, not(target_os = "linux")))]
fn process_alive(pid: u32, _pipe: &str) -> bool {
    // SAFETY: signal 0 only asks whether the process exists.
    libc::pid_t::try_from(pid).is_ok_and(|p| unsafe { libc::kill(p, 0) } == 0)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32, _pipe: &str) -> bool {
    // Windows: the client finds a running server itself; starting a second one for the same
    // pipe only makes it exit at once (the server holds a named mutex).
    false
}

/// Asks the server on `server`'s pipe to stop (used by benchmarks and tests; a learner's
/// server stops by itself when idle). Returns whether the request was delivered.
pub fn shutdown(server: &CompilerServer) -> bool {
    let mut args = server.spec.args.clone();
    args.insert(args.len() - 1, "-shutdown".into());
    Command::new(&server.spec.program)
        .args(&args)
        .env_clear()
        .envs(server.spec.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Makes sure a server is listening on `server`'s pipe, starting one when none is. Never
/// fails: without a server the compiler's client compiles in its own process.
pub fn ensure_running(server: &CompilerServer) {
    let _guard = STARTING.lock().unwrap_or_else(|e| e.into_inner());
    if is_running(server) {
        return;
    }
    let mut cmd = Command::new(&server.spec.program);
    cmd.args(&server.spec.args)
        .current_dir(&server.spec.dir)
        .env_clear()
        .envs(server.spec.env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Out of the check's group and out of the terminal's Ctrl-C.
        cmd.process_group(0);
    }
    if std::fs::create_dir_all(&server.spec.dir).is_err() {
        return;
    }
    // A socket left by a server that died; the new one's appearing says it listens.
    let _ = std::fs::remove_file(&server.socket);
    // Registered as microlings' own, so that sweeping a check's escaped processes spares it.
    let Ok(mut child) = super::reaper::spawn_own(|| cmd.spawn(), std::process::Child::id) else {
        return;
    };
    let pid = child.id();
    // Best effort: without the file, the next check starts a server that exits at once.
    let _ = std::fs::write(&server.pid_file, format!("{pid}\n"));
    // Reap it when it stops (after its idle timeout), so no zombie stays behind while a
    // long-running TUI session goes on.
    let _ = std::thread::Builder::new()
        .name("compiler-server-reaper".into())
        .spawn(move || {
            let _ = child.wait();
            super::reaper::release(pid);
        });
    let started = Instant::now();
    while started.elapsed() < READY_WAIT {
        // Listening, or dead (then waiting longer helps nobody).
        if server.socket.exists() || !process_alive(pid, &server.pipe) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}
