//! The Java compile server: `assets/java-server/MicrolingsJavac.java`, compiled once with the
//! learner's javac into the cache, run on the learner's JVM (JDK 16 or newer: it listens on a
//! Unix domain socket), one per data directory.
//!
//! A request names the run directory and javac's arguments; the answer is javac's exit code
//! and exactly what plain javac prints. A check that ends (timeout, Ctrl-C, Esc) sends a byte;
//! the server stops the compile at javac's next phase and says so, and a server that does not
//! within [`CANCEL_GRACE`](super::CANCEL_GRACE) is killed. A server that dies during a compile
//! (out of memory, killed from outside) costs a retry with plain javac, with the same heap.

use std::io;
#[cfg(unix)]
use std::io::{Read, Write};
#[cfg(unix)]
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{
    CANCEL_GRACE, CancelToken, Ensure, Kind, Limits, Prepare, ProcessResult, ProcessSpec,
    START_BUDGET, ServerBuild, ServerLimits, ServerSpec, Termination, key_of,
};
use crate::run::process;
use crate::run::toolchain::{Program, Toolchain};

/// The first line of every request; a change of protocol changes the server's key.
pub const PROTOCOL: &str = "microlings-javac 1";

/// The server's source, compiled once per toolchain.
pub const SOURCE: &str = include_str!("../../../assets/java-server/MicrolingsJavac.java");

/// The server's heap ceiling (unless `MICROLINGS_COMPILER_HEAP_MIB` says otherwise): a compile
/// that needs more is out of memory (`could_not_run`).
pub const HEAP_MIB: u64 = 384;

/// How long a request waits for a server whose socket exists to accept connections.
const CONNECT_GRACE: Duration = Duration::from_secs(3);
/// How often it tries meanwhile.
const CONNECT_RETRY: Duration = Duration::from_millis(20);

/// Its class metadata ceiling.
const METASPACE_MIB: u64 = 160;

/// The internal packages the server uses (javac's own entry point, its context and task
/// listeners), opened at compile and at run time.
const EXPORTS: &[&str] = &[
    "--add-exports",
    "jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
    "--add-exports",
    "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-exports",
    "jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
    "--add-exports",
    "jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
];

/// How often a waiting client looks at its cancel token.
const POLL: Duration = Duration::from_millis(20);

/// The feature release of a `javac -version` version string: `17.0.15` -> 17, `1.8.0` -> 8.
pub fn feature_release(version: &str) -> Option<u32> {
    let mut parts = version.split(['.', '_', '-', '+']);
    let first: u32 = parts.next()?.parse().ok()?;
    if first == 1 {
        parts.next()?.parse().ok()
    } else {
        Some(first)
    }
}

/// Whether this JDK can run the server (Unix domain sockets arrived in JDK 16).
pub fn supported(toolchain: &Toolchain) -> bool {
    cfg!(unix) && super::enabled() && feature_release(&toolchain.version).is_some_and(|r| r >= 16)
}

/// The server for `toolchain` and the data directory whose caches are under `cache_root`.
pub fn spec(toolchain: &Toolchain, cache_root: &Path, env: &[(String, String)]) -> ServerSpec {
    let javac = toolchain.program(Program::Javac);
    let java = toolchain.program(Program::Java);
    let javac_id = javac.as_os_str().as_encoded_bytes();
    let program = key_of(&[javac_id, toolchain.version.as_bytes(), SOURCE.as_bytes()]);
    let key = key_of(&[
        cache_root.as_os_str().as_encoded_bytes(),
        javac_id,
        toolchain.version.as_bytes(),
        SOURCE.as_bytes(),
        PROTOCOL.as_bytes(),
    ]);
    let servers = cache_root.join("servers");
    let classes = servers.join(format!("java-classes-{program}"));
    let source = servers.join(format!("java-source-{program}/MicrolingsJavac.java"));
    let state = servers.join(format!("java-{key}"));
    let endpoint = state.join("sock");
    let idle = super::idle();
    let heap_mib = super::heap_mib(HEAP_MIB);
    let mut server_env: Vec<(String, String)> = env
        .iter()
        .filter(|(k, _)| k != "HOME" && k != "TMPDIR")
        .cloned()
        .collect();
    server_env.push(("HOME".into(), state.display().to_string()));
    server_env.push(("TMPDIR".into(), state.display().to_string()));
    let mut args: Vec<String> = EXPORTS.iter().map(|s| s.to_string()).collect();
    args.extend([
        format!("-Xmx{heap_mib}m"),
        format!("-XX:MaxMetaspaceSize={METASPACE_MIB}m"),
        "-XX:+ExitOnOutOfMemoryError".into(),
        "-XX:+UseSerialGC".into(),
        "-XX:-UsePerfData".into(),
        "-Xss4m".into(),
        "-cp".into(),
        classes.display().to_string(),
        "MicrolingsJavac".into(),
        endpoint.display().to_string(),
        idle.as_secs().to_string(),
    ]);
    let launch = ProcessSpec {
        program: java.to_path_buf(),
        args,
        dir: state.clone(),
        env: server_env.clone(),
        stdin: None,
    };
    // Built into a temporary directory and renamed, so a half-built server never starts;
    // niced, so the check that runs meanwhile with plain javac keeps the processor. A build
    // that fails leaves `<classes>.failed`, and this toolchain then always uses plain javac.
    let script = r#"tmp="$1.tmp.$$"; n=""; if command -v nice >/dev/null 2>&1; then n="nice -n 10"; fi
c="$1"; j="$2"; src="$3"; shift 3
if $n "$j" -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC -J-XX:-UsePerfData "$@" -encoding UTF-8 -d "$tmp" "$src"; then
  [ -d "$c" ] || mv "$tmp" "$c"
else
  : > "$c.failed"
fi
rm -rf "$tmp""#;
    let build = ProcessSpec {
        program: PathBuf::from("/bin/sh"),
        args: [
            "-c".into(),
            script.into(),
            "sh".into(),
            classes.display().to_string(),
            javac.display().to_string(),
            source.display().to_string(),
        ]
        .into_iter()
        .chain(EXPORTS.iter().map(|s| s.to_string()))
        .collect(),
        dir: servers.clone(),
        env: server_env,
        stdin: None,
    };
    ServerSpec {
        kind: Kind::Java,
        key,
        launch,
        endpoint,
        state,
        limits: ServerLimits { idle, heap_mib },
        prepare: Some(Prepare {
            done: classes,
            build,
            files: vec![(source, SOURCE)],
        }),
    }
}

/// What became of one request.
enum Reply {
    /// javac ran: its exit code and output.
    Done(i32, Vec<u8>),
    /// The check ended first; whether the server confirmed that the compile stopped.
    Stopped(Termination, bool),
    /// The server failed or died: compile without it.
    Lost,
}

/// Compiles in `dir` through the server, or with plain javac when there is none or it died.
pub(super) fn build(
    b: &ServerBuild,
    dir: &Path,
    args: &[String],
    limits: Limits,
    cancel: &CancelToken,
) -> io::Result<ProcessResult> {
    #[cfg(unix)]
    {
        build_through(b, dir, args, limits, cancel)
    }
    #[cfg(not(unix))]
    {
        let _ = (dir, args);
        process::run_toolchain(&b.fallback, limits, cancel)
    }
}

#[cfg(unix)]
fn build_through(
    b: &ServerBuild,
    dir: &Path,
    args: &[String],
    limits: Limits,
    cancel: &CancelToken,
) -> io::Result<ProcessResult> {
    let started = Instant::now();
    let deadline = started + limits.timeout;
    let socket = match super::connect(&b.server, START_BUDGET.min(limits.timeout), cancel) {
        Ensure::Ready(socket) => socket,
        Ensure::Unavailable(_) => return process::run_toolchain(&b.fallback, limits, cancel),
    };
    let result = |termination, stderr: Vec<u8>| ProcessResult {
        termination,
        stdout: Vec::new(),
        stderr,
        duration: started.elapsed(),
    };
    match request(&socket, dir, args, deadline, cancel) {
        Reply::Done(code, mut out) => {
            super::count_served(&b.server);
            out.truncate(limits.output_cap);
            Ok(result(Termination::Exited(code), out))
        }
        Reply::Stopped(termination, confirmed) => {
            if !confirmed {
                super::kill(&b.server);
            }
            Ok(result(termination, Vec::new()))
        }
        Reply::Lost => {
            // Once more with plain javac, which has the server's heap: the verdict the server
            // would have given, or out of memory again (the machine's, not the learner's).
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(result(Termination::TimedOut, Vec::new()));
            }
            process::run_toolchain(
                &b.fallback,
                Limits {
                    timeout: left,
                    ..limits
                },
                cancel,
            )
        }
    }
}

#[cfg(unix)]
fn request(
    socket: &Path,
    dir: &Path,
    args: &[String],
    deadline: Instant,
    cancel: &CancelToken,
) -> Reply {
    let dir = dir.display().to_string();
    if dir.contains('\n') || args.iter().any(|a| a.contains('\n')) {
        return Reply::Lost;
    }
    let left = deadline.saturating_duration_since(Instant::now());
    let mut text = format!("{PROTOCOL}\ndeadline-ms {}\ndir {dir}\n", left.as_millis());
    for a in args {
        text.push_str(&format!("arg {a}\n"));
    }
    text.push_str("end\n");
    // A server that has just bound its socket may not listen yet (seen: ECONNREFUSED with
    // the socket file there, right after `ensure` found it): a moment more, then plain javac.
    let listening_by = Instant::now() + CONNECT_GRACE;
    let mut stream = loop {
        match UnixStream::connect(socket) {
            Ok(stream) => break stream,
            Err(e)
                if e.kind() == io::ErrorKind::ConnectionRefused
                    && Instant::now() < listening_by.min(deadline)
                    && !cancel.is_cancelled() =>
            {
                std::thread::sleep(CONNECT_RETRY);
            }
            Err(_) => return Reply::Lost,
        }
    };
    if stream.write_all(text.as_bytes()).is_err() || stream.set_read_timeout(Some(POLL)).is_err() {
        return Reply::Lost;
    }
    let mut answer = Vec::new();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        let stop = if cancel.is_cancelled() {
            Some(Termination::Cancelled)
        } else if Instant::now() >= deadline {
            Some(Termination::TimedOut)
        } else {
            None
        };
        if let Some(termination) = stop {
            return Reply::Stopped(termination, cancel_and_wait(&mut stream));
        }
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&chunk[..n]),
            Err(e) if nothing_yet(&e) => {}
            Err(_) => return Reply::Lost,
        }
    }
    let Some(end) = answer.iter().position(|&b| b == b'\n') else {
        return Reply::Lost;
    };
    let head = String::from_utf8_lossy(&answer[..end]).into_owned();
    let body = answer[end + 1..].to_vec();
    match head.strip_prefix("status ").and_then(|c| c.parse().ok()) {
        Some(code) => Reply::Done(code, body),
        // Its own deadline (the same as ours) passed first.
        None if head == "cancelled" => Reply::Stopped(Termination::TimedOut, true),
        None => Reply::Lost,
    }
}

/// A read of the socket that found nothing yet (its timeout passed, or a signal came): look
/// again.
#[cfg(unix)]
fn nothing_yet(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut | io::ErrorKind::Interrupted
    )
}

/// Asks the server to stop the compile and waits up to [`CANCEL_GRACE`] for it to answer (it
/// does once javac has stopped). Returns whether it did.
#[cfg(unix)]
fn cancel_and_wait(stream: &mut UnixStream) -> bool {
    let _ = stream.write_all(b"C");
    let until = Instant::now() + CANCEL_GRACE;
    let mut chunk = [0u8; 4096];
    while Instant::now() < until {
        match stream.read(&mut chunk) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(e) if nothing_yet(&e) => {}
            // Reset: the server is gone, and its compile with it.
            Err(_) => return true,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_releases_are_read_from_old_and_new_version_strings() {
        assert_eq!(feature_release("17.0.15"), Some(17));
        assert_eq!(feature_release("21"), Some(21));
        assert_eq!(feature_release("1.8.0_292"), Some(8));
        assert_eq!(feature_release("11.0.2+9"), Some(11));
        assert_eq!(feature_release("?"), None);
    }
}
