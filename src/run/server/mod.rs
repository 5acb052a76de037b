//! Compiler servers that keep a compiler warm between checks: Roslyn's `VBCSCompiler` for C#
//! (`csharp.rs`) and microlings' own javac server for Java (`java.rs`), with one lifecycle.
//!
//! - **Liveness is a lock the server holds.** The launch opens `lock` in the child, after the
//!   fork and before exec, without close-on-exec, and takes `flock(LOCK_EX)`: the server holds
//!   it for its whole life and the kernel drops it when the server dies. A probe that finds the
//!   lock taken knows a server is alive. microlings never holds it for longer than a probe.
//! - **One start at a time, across processes.** Starting takes `start.lock` (close-on-exec, so
//!   the server does not inherit it); under it liveness is checked again, and only then may a
//!   dead server's socket be removed, so a live server's socket is never deleted.
//! - **The server is microlings' own.** It runs in a session of its own (`setsid`), outside
//!   every check's process group and the terminal's, without PDEATHSIG (it outlives one
//!   microlings and stops itself when idle), and is registered as microlings' own so that no
//!   sweep takes it for a learner's leftover. Its pid and start time are written next to the
//!   lock (`server.pid`), so an unresponsive server can be killed, and never a recycled pid.
//! - **A Java check never waits for a server to start.** A build compiles through a server
//!   that is alive ([`connect`], which waits only for one still starting, never past its budget
//!   or the check's cancel token); with none it runs plain javac, and the runner starts a
//!   server when the check is over ([`start_after`]), for the next one: the first check costs
//!   what javac costs, and the JVM's start-up never competes with it. A C# build starts
//!   Roslyn's server and waits for it (within the same budget), because that server takes its
//!   idle time from its first request. Without a server in time, the plain compiler.

pub mod csharp;
pub mod java;

use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::process::{CancelToken, Limits, ProcessResult, ProcessSpec, Termination};

/// The idle time after which a server stops itself.
pub const IDLE: Duration = Duration::from_secs(300);

/// How long a build waits for a server to start listening before it compiles without one.
pub const START_BUDGET: Duration = Duration::from_secs(10);

/// How long a cancelled compile has to stop before its server is killed.
pub const CANCEL_GRACE: Duration = Duration::from_secs(1);

/// [`IDLE`], or `MICROLINGS_COMPILER_IDLE_SECS` (tests use a few seconds).
pub fn idle() -> Duration {
    std::env::var("MICROLINGS_COMPILER_IDLE_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&s: &u64| s > 0)
        .map(Duration::from_secs)
        .unwrap_or(IDLE)
}

/// A server's heap ceiling in MiB: `default`, or `MICROLINGS_COMPILER_HEAP_MIB` (tests make a
/// compile run out of memory with a small one).
pub fn heap_mib(default: u64) -> u64 {
    std::env::var("MICROLINGS_COMPILER_HEAP_MIB")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&m: &u64| m > 0)
        .unwrap_or(default)
}

/// Whether compiler servers are used: `MICROLINGS_COMPILER_SERVER=off` compiles every file
/// with the plain compiler (a way out if a server misbehaves, and what tests compare against).
pub fn enabled() -> bool {
    std::env::var("MICROLINGS_COMPILER_SERVER").map_or(true, |v| v != "off")
}

/// Which compiler a server runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Roslyn's `VBCSCompiler`, reached by `csc -shared:<pipe>`.
    CSharp,
    /// `assets/java-server/MicrolingsJavac.java`, reached over a Unix domain socket.
    Java,
}

impl Kind {
    /// Whether a build that finds no server starts one and waits for it (C#), rather than
    /// compile on its own and leave the start to the end of the check (Java). Roslyn's server
    /// learns its idle time from its first compile request: one started with none would idle
    /// for its own default, not microlings'.
    fn starts_before_its_first_build(self) -> bool {
        self == Kind::CSharp
    }

    /// A short name for directories and messages.
    pub fn id(self) -> &'static str {
        match self {
            Kind::CSharp => "csharp",
            Kind::Java => "java",
        }
    }
}

/// What bounds a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerLimits {
    /// It stops itself after this long without a request.
    pub idle: Duration,
    /// Its heap ceiling in MiB (`-Xmx` for the JVM, `DOTNET_GCHeapHardLimit` for .NET).
    pub heap_mib: u64,
}

/// Everything needed to find, start and stop one server.
#[derive(Debug, Clone)]
pub struct ServerSpec {
    /// Which compiler.
    pub kind: Kind,
    /// Hash of the data directory, the toolchain, the server program and the protocol.
    pub key: String,
    /// How to start it (its environment is all it gets).
    pub launch: ProcessSpec,
    /// Where it listens: a Unix socket.
    pub endpoint: PathBuf,
    /// Its state directory: `lock`, `start.lock`, `server.pid`, its log.
    pub state: PathBuf,
    /// Its limits.
    pub limits: ServerLimits,
    /// A program the server needs built before it can start (the Java server's classes).
    pub prepare: Option<Prepare>,
}

/// A one-time build of the server program, run in the background the first time.
#[derive(Debug, Clone)]
pub struct Prepare {
    /// What exists once the build is done.
    pub done: PathBuf,
    /// The detached build: it holds `build.lock` in `state` while it runs.
    pub build: ProcessSpec,
    /// Files to write before the build (the server's source).
    pub files: Vec<(PathBuf, &'static str)>,
}

impl ServerSpec {
    fn lock_path(&self) -> PathBuf {
        self.state.join("lock")
    }
    fn start_lock_path(&self) -> PathBuf {
        self.state.join("start.lock")
    }
    fn pid_path(&self) -> PathBuf {
        self.state.join("server.pid")
    }
}

/// How a build step reaches its compiler through a server.
#[derive(Debug, Clone)]
pub enum Via {
    /// Run this client command (`csc -shared:<pipe>`), which talks to the server itself.
    Command(ProcessSpec),
    /// Send this compile request over the server's socket (the Java server).
    Request {
        /// The run directory the compiler works in.
        dir: PathBuf,
        /// javac's arguments, relative to `dir`.
        args: Vec<String>,
    },
}

/// A build step that compiles through a warm server, or with the plain compiler when there is
/// none.
#[derive(Debug, Clone)]
pub struct ServerBuild {
    /// The server.
    pub server: ServerSpec,
    /// How to compile through it.
    pub via: Via,
    /// The plain compiler: used when the server is unavailable, and once more when it dies
    /// during a compile.
    pub fallback: ProcessSpec,
}

/// How many compiles each server (by key) answered in this process: for tests and benchmarks,
/// which must tell a compile through the server from the fallback's.
static SERVED: std::sync::Mutex<Vec<(String, u64)>> = std::sync::Mutex::new(Vec::new());

fn count_served(spec: &ServerSpec) {
    let mut served = SERVED.lock().unwrap_or_else(|e| e.into_inner());
    match served.iter_mut().find(|(k, _)| *k == spec.key) {
        Some((_, n)) => *n += 1,
        None => served.push((spec.key.clone(), 1)),
    }
}

/// How many compiles `spec`'s server has answered for this process (Java; a C# client talks to
/// its server itself).
pub fn served(spec: &ServerSpec) -> u64 {
    let served = SERVED.lock().unwrap_or_else(|e| e.into_inner());
    served
        .iter()
        .find(|(k, _)| *k == spec.key)
        .map_or(0, |(_, n)| *n)
}

/// What [`ensure`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ensure {
    /// A server is listening here.
    Ready(PathBuf),
    /// None within the budget: compile without one (why, for tests and `doctor`).
    Unavailable(&'static str),
}

/// Runs `build` (the whole build step) through its server, or with the plain compiler.
/// A compiler that fails for reasons of the machine (out of memory, a crash, killed from
/// outside) is an error, which the runner reports as `could_not_run`, never as the learner's
/// compile error.
pub fn run_build(
    build: &ServerBuild,
    limits: Limits,
    cancel: &CancelToken,
) -> io::Result<ProcessResult> {
    let r = match &build.via {
        Via::Command(client) => csharp::build(build, client, limits, cancel)?,
        Via::Request { dir, args } => java::build(build, dir, args, limits, cancel)?,
    };
    // What classify calls the machine's (killed from outside, a JVM or runtime that could not
    // start, out of memory) goes back to the runner, which names it in one place.
    let language = match build.server.kind {
        Kind::CSharp => crate::course::Language::CSharp,
        Kind::Java => crate::course::Language::Java,
    };
    let step = super::classify::Step::Build(limits.timeout);
    if let super::classify::Blame::Machine(_) = super::classify::classify(step, language, &r) {
        return Ok(r);
    }
    match r.termination {
        // javac and csc exit with 1 for the learner's errors; anything else is theirs.
        Termination::Exited(0 | 1)
        | Termination::TimedOut
        | Termination::Cancelled
        | Termination::OutputTooLarge => Ok(r),
        Termination::Exited(code) => Err(io::Error::other(format!(
            "the compiler failed (exit code {code})"
        ))),
        Termination::Signalled { signal, .. } => Err(io::Error::other(format!(
            "the compiler was killed by signal {signal}"
        ))),
    }
}

/// Makes sure `spec`'s server is listening, starting it when none is alive, within `budget`
/// and until `cancel` (for benchmarks, tests and `doctor`; a build uses [`connect`]). Never
/// fails: without a server the build compiles on its own.
pub fn ensure(spec: &ServerSpec, budget: Duration, cancel: &CancelToken) -> Ensure {
    #[cfg(unix)]
    {
        unix::ensure(spec, Instant::now() + budget, cancel)
    }
    #[cfg(not(unix))]
    {
        let _ = (spec, budget, cancel);
        Ensure::Unavailable("compiler servers need Unix sockets and flock")
    }
}

/// The server a build compiles through: one that is alive, waited for (within `budget`, until
/// `cancel`) if it is still starting. A Java server is not started here: with none alive the
/// build compiles with plain javac, as fast as it would without servers, and the runner
/// starts one when the check is over ([`start_after`]) for the next check, rather than make
/// this one wait for a JVM to start and warm up. A C# server is started and waited for, as
/// [`ensure`] does (see `Kind::starts_before_its_first_build`).
pub fn connect(spec: &ServerSpec, budget: Duration, cancel: &CancelToken) -> Ensure {
    if spec.kind.starts_before_its_first_build() {
        return ensure(spec, budget, cancel);
    }
    #[cfg(unix)]
    {
        unix::connect(spec, Instant::now() + budget, cancel)
    }
    #[cfg(not(unix))]
    {
        let _ = (spec, budget, cancel);
        Ensure::Unavailable("compiler servers need Unix sockets and flock")
    }
}

/// Starts `spec`'s server in the background when none is alive (after a check that found
/// none), without waiting for it.
pub fn start_after(spec: &ServerSpec) {
    if spec.kind.starts_before_its_first_build() {
        return;
    }
    #[cfg(unix)]
    unix::start_after(spec);
    #[cfg(not(unix))]
    let _ = spec;
}

/// Whether `spec`'s server is alive: its lock is held.
pub fn is_alive(spec: &ServerSpec) -> bool {
    #[cfg(unix)]
    {
        unix::lock_held(&spec.lock_path())
    }
    #[cfg(not(unix))]
    {
        let _ = spec;
        false
    }
}

/// The pid of `spec`'s server, when it is alive and its record names a process started when
/// it says (so never a recycled pid).
pub fn pid(spec: &ServerSpec) -> Option<u32> {
    let (pid, started) = read_record(&spec.pid_path())?;
    (is_alive(spec) && start_time(pid) == Some(started)).then_some(pid)
}

/// Kills `spec`'s server (and its session's group), if its record names a live process with
/// the recorded start time. Returns whether it sent the signal.
pub fn kill(spec: &ServerSpec) -> bool {
    let Some((pid, started)) = read_record(&spec.pid_path()) else {
        return false;
    };
    if start_time(pid) != Some(started) {
        return false;
    }
    // Without /proc there is no start time to tell a recycled pid: only while the lock says
    // a server is alive.
    if cfg!(not(target_os = "linux")) && !is_alive(spec) {
        return false;
    }
    #[cfg(unix)]
    {
        let Ok(p) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: kill and killpg have no memory-safety preconditions; the start time above
        // says `pid` is still the server (it leads its own session and group).
        unsafe {
            libc::killpg(p, libc::SIGKILL);
            libc::kill(p, libc::SIGKILL);
        }
        true
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Stops `spec`'s server and waits (up to 5 s) until it is gone; for benchmarks and tests.
pub fn shutdown(spec: &ServerSpec) {
    kill(spec);
    let until = Instant::now() + Duration::from_secs(5);
    while is_alive(spec) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// `pid start-time` as written next to the lock.
fn read_record(path: &Path) -> Option<(u32, u64)> {
    let text = crate::fsutil::read_text_capped(path, 4096).ok()?;
    let mut words = text.split_whitespace();
    let pid = words.next()?.parse().ok()?;
    let started = words.next()?.parse().ok()?;
    Some((pid, started))
}

/// A process's start time in clock ticks since boot (procfs); 0 where there is no `/proc`, so
/// a record still names the pid there.
fn start_time(pid: u32) -> Option<u64> {
    if cfg!(target_os = "linux") {
        super::procfs::start_time(pid)
    } else {
        Some(0)
    }
}

/// A hex digest of `parts`, for keys.
pub fn key_of(parts: &[&[u8]]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(unix)]
mod unix;
