//! Running one child process under control: contained (a session of its own, or a PID
//! namespace, see `sandbox`), a deadline, capped output read on threads, cancellation, and no
//! process left behind (see `reaper`).

mod capture;
mod spawn;

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitStatus;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use capture::{Capture, Reader, spawn_reader};
#[cfg(not(unix))]
use spawn::ChildHandle;
pub use spawn::Contain;
use spawn::{spawn_run, spawn_waiter};

/// How long a child gets between SIGTERM and SIGKILL.
const TERM_GRACE: Duration = Duration::from_millis(300);
/// How often a running child's supervisor looks at the cancel flag.
const CANCEL_POLL: Duration = Duration::from_millis(50);
/// How long to wait for output readers after the main process has exited and the rest of the
/// run was swept; something that was not caught could hold a pipe open for ever, so what was
/// read by then is what is kept.
const READER_GRACE: Duration = Duration::from_millis(500);
/// How often the end of a run looks for escaped descendants while the pipes stay open.
const SWEEP_POLL: Duration = Duration::from_millis(20);

/// Set by the signal handlers [`CancelToken::on_interrupt`] installs: for waits outside any
/// check (a lock) that Ctrl-C must end too.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Whether Ctrl-C (SIGINT), SIGTERM or SIGHUP arrived since [`CancelToken::on_interrupt`].
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// A shared flag that asks running checks to stop.
#[derive(Debug, Clone, Default)]
pub struct CancelToken(Arc<AtomicBool>);

impl CancelToken {
    /// A token that is not cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks everything holding this token to stop.
    pub fn cancel(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether `cancel` was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// A token that Ctrl-C (SIGINT), SIGTERM and SIGHUP (the terminal was closed) cancel, so
    /// a command-line check stops its children (they run in their own process groups, out of
    /// reach of the terminal's signals) instead of leaving them running.
    pub fn on_interrupt() -> Self {
        let token = Self::new();
        #[cfg(unix)]
        for sig in [
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ] {
            // A second signal ends microlings at once, whatever it is doing; the first one
            // asks the checks to stop their programs. Best effort: without the handlers,
            // the signal still ends microlings itself.
            let _ = signal_hook::flag::register_conditional_shutdown(sig, 130, token.0.clone());
            let _ = signal_hook::flag::register(sig, token.0.clone());
            // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
            let _ = unsafe {
                signal_hook::low_level::register(sig, || INTERRUPTED.store(true, Ordering::SeqCst))
            };
        }
        token
    }
}

/// A command to run: program, arguments, directory, environment and stdin.
#[derive(Debug, Clone)]
pub struct ProcessSpec {
    /// The program (resolved path).
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<String>,
    /// Working directory.
    pub dir: PathBuf,
    /// The whole environment: the child inherits nothing else (on Unix).
    pub env: Vec<(String, String)>,
    /// A file to read stdin from; empty stdin when `None`.
    pub stdin: Option<PathBuf>,
}

/// Limits for one process.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Wall-clock limit, measured by the runner.
    pub timeout: Duration,
    /// Bytes kept per stream; more than this stops the process.
    pub output_cap: usize,
}

/// How a process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Termination {
    /// Exited by itself with this code.
    Exited(i32),
    /// Killed by a signal.
    Signalled {
        /// The signal's number.
        signal: i32,
        /// Whether microlings had signalled this process before it ended (stopping a
        /// service with SIGTERM, then SIGKILL): the signal may be microlings' own, not the
        /// program's fault nor a kill from outside.
        sent_by_us: bool,
    },
    /// Hit the deadline; we killed it.
    TimedOut,
    /// Printed more than the cap; we killed it.
    OutputTooLarge,
    /// The check was cancelled; we killed it.
    Cancelled,
}

/// Everything observed about one run.
#[derive(Debug, Clone)]
pub struct ProcessResult {
    /// How it ended.
    pub termination: Termination,
    /// Captured stdout (at most the cap).
    pub stdout: Vec<u8>,
    /// Captured stderr (at most the cap).
    pub stderr: Vec<u8>,
    /// From spawn to exit.
    pub duration: Duration,
}

/// What a run's waiter and readers report.
pub(crate) enum Event {
    Exited(io::Result<ExitStatus>),
    OutputTooLarge,
}

/// What the next event was.
enum Next {
    Exited,
    OutputTooLarge,
    Nothing,
    Lost,
}

/// A started run under supervision: its one waiter, its readers, its one way to stop. Dropped
/// before [`Supervised::finish`], it kills and sweeps the run.
struct Supervised {
    pid: u32,
    run: super::reaper::Run,
    started: Instant,
    rx: Receiver<Event>,
    exit: Option<io::Result<ExitStatus>>,
    /// Whether microlings signalled the run (stop, kill).
    signalled: bool,
    readers: Vec<Reader>,
    observe: super::reaper::ObserveClock,
    done: bool,
    #[cfg(not(unix))]
    child: Arc<std::sync::Mutex<ChildHandle>>,
}

impl Supervised {
    /// Spawns `spec`; its stdout and stderr are kept as `out` and `err` say.
    fn start(spec: &ProcessSpec, contain: Contain, out: Capture, err: Capture) -> io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        let started = Instant::now();
        #[allow(unused_mut)]
        let (mut child, run) = spawn_run(spec, contain)?;
        let pid = child.id();
        #[cfg(unix)]
        let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
        #[cfg(not(unix))]
        let (stdout, stderr) = (child.stdout().take(), child.stderr().take());
        #[cfg(unix)]
        spawn_waiter(child, tx.clone())?;
        #[cfg(not(unix))]
        let child = Arc::new(std::sync::Mutex::new(child));
        #[cfg(not(unix))]
        spawn_waiter(Arc::clone(&child), tx.clone())?;
        let mut sup = Supervised {
            pid,
            run,
            started,
            rx,
            exit: None,
            signalled: false,
            readers: Vec::new(),
            observe: super::reaper::ObserveClock::new(),
            done: false,
            #[cfg(not(unix))]
            child,
        };
        // From here on an error kills and sweeps the run (Drop).
        if let Some(reader) = spawn_reader(stdout, out, tx.clone())? {
            sup.readers.push(reader);
        }
        if let Some(reader) = spawn_reader(stderr, err, tx)? {
            sup.readers.push(reader);
        }
        Ok(sup)
    }

    /// The next event within `within`; an exit is kept in `self.exit`.
    fn next(&mut self, within: Duration) -> Next {
        match self.rx.recv_timeout(within) {
            Ok(Event::Exited(status)) => {
                self.exit = Some(status);
                Next::Exited
            }
            Ok(Event::OutputTooLarge) => Next::OutputTooLarge,
            Err(RecvTimeoutError::Timeout) => Next::Nothing,
            Err(RecvTimeoutError::Disconnected) => Next::Lost,
        }
    }

    /// Waits up to `within` for the main process to exit (output events are passed over).
    fn wait_exit(&mut self, within: Duration) -> bool {
        let until = Instant::now() + within;
        while self.exit.is_none() {
            let Some(left) = until.checked_duration_since(Instant::now()) else {
                return false;
            };
            if matches!(self.next(left), Next::Nothing | Next::Lost) {
                return self.exit.is_some();
            }
        }
        true
    }

    /// Signals the run's main process and its group (under a PID namespace: the helper and
    /// the init, which forwards SIGTERM to the program's session). Windows: SIGKILL closes
    /// the job, and there is no SIGTERM.
    fn signal(&mut self, sig: i32) {
        if self.exit.is_some() {
            return;
        }
        self.signalled = true;
        #[cfg(unix)]
        // SAFETY: the main process is not reaped yet (no exit event), so its pid and group
        // are still the run's.
        unsafe {
            libc::killpg(self.pid as libc::pid_t, sig);
        }
        #[cfg(not(unix))]
        if sig == KILL
            && let Ok(mut c) = self.child.lock()
        {
            let _ = c.start_kill();
        }
    }

    /// The one escalation: SIGTERM, up to `grace` for the main process to exit, then SIGKILL
    /// and a bounded wait. Returns how long it took to exit on SIGTERM, if it did.
    fn stop(&mut self, grace: Duration) -> Option<Duration> {
        if self.exit.is_some() {
            return None;
        }
        let sent = Instant::now();
        if cfg!(unix) && !grace.is_zero() {
            self.signal(TERM);
            if self.wait_exit(grace) {
                return Some(sent.elapsed());
            }
        }
        self.signal(KILL);
        self.wait_exit(Duration::from_secs(5));
        None
    }

    /// How the main process ended.
    fn termination(&self) -> Option<Termination> {
        match &self.exit {
            Some(Ok(status)) => Some(termination_of(*status, self.signalled)),
            Some(Err(_)) => Some(Termination::Signalled {
                signal: KILL,
                sent_by_us: self.signalled,
            }),
            None => None,
        }
    }

    /// Ends the run once its main process is gone: sweeps what is left of it while a pipe is
    /// still open, for at most [`READER_GRACE`], then takes what each reader kept.
    fn finish(mut self) -> (Vec<u8>, Vec<u8>) {
        self.stop(Duration::ZERO);
        #[cfg(all(unix, not(target_os = "linux")))]
        // No subreaper to sweep with: the group is what can be reached.
        // SAFETY: as in `signal`; ESRCH when the group is gone.
        unsafe {
            libc::killpg(self.pid as libc::pid_t, libc::SIGKILL);
        }
        let until = Instant::now() + READER_GRACE;
        loop {
            self.run.sweep();
            let open: Vec<&Reader> = self.readers.iter().filter(|r| !r.is_done()).collect();
            let now = Instant::now();
            let Some(first) = open.first() else { break };
            if now >= until {
                break;
            }
            first.wait_done(SWEEP_POLL.min(until - now));
        }
        self.done = true;
        let mut streams = self.readers.iter().map(Reader::take);
        let stdout = streams.next().unwrap_or_default();
        let stderr = streams.next().unwrap_or_default();
        (stdout, stderr)
    }
}

impl Drop for Supervised {
    fn drop(&mut self) {
        if !self.done {
            self.stop(Duration::ZERO);
            self.run.sweep();
        }
    }
}

#[cfg(unix)]
const TERM: i32 = libc::SIGTERM;
#[cfg(unix)]
const KILL: i32 = libc::SIGKILL;
#[cfg(not(unix))]
const TERM: i32 = 15;
#[cfg(not(unix))]
const KILL: i32 = 9;

/// Runs a process to completion under the limits. Errors are failures to start it.
///
/// Its stdout is kept up to `output_cap` (more stops it); its stderr is kept on its own,
/// the beginning and the end of it, and never stops it. Once the main process has exited, the
/// rest of the run is killed, and output is read for at most a short grace: what was read by
/// then is kept.
pub fn run(spec: &ProcessSpec, limits: Limits, cancel: &CancelToken) -> io::Result<ProcessResult> {
    run_contained(spec, Contain::Namespace, limits, cancel)
}

/// [`run`] for a toolchain's own step (a compiler): in a session of its own and swept like
/// any run, but never in a PID namespace. The namespace is for the learner's program, and a
/// compiler runs none of it; the .NET runtime also crashed (SIGSEGV, about one build in four)
/// when several csc clients started at once in PID namespaces that see the host's /proc.
pub fn run_toolchain(
    spec: &ProcessSpec,
    limits: Limits,
    cancel: &CancelToken,
) -> io::Result<ProcessResult> {
    run_contained(spec, Contain::Session, limits, cancel)
}

fn run_contained(
    spec: &ProcessSpec,
    contain: Contain,
    limits: Limits,
    cancel: &CancelToken,
) -> io::Result<ProcessResult> {
    let mut sup = Supervised::start(
        spec,
        contain,
        Capture::stop_at(limits.output_cap),
        Capture::head_and_tail(limits.output_cap),
    )?;
    let deadline = sup.started + limits.timeout;
    let reason = loop {
        if cancel.is_cancelled() {
            break Some(Termination::Cancelled);
        }
        let now = Instant::now();
        if now >= deadline {
            break Some(Termination::TimedOut);
        }
        sup.observe.tick(&sup.run);
        match sup.next((deadline - now).min(CANCEL_POLL)) {
            Next::Exited => break None,
            Next::OutputTooLarge => break Some(Termination::OutputTooLarge),
            Next::Nothing => continue,
            Next::Lost => return Err(io::Error::other("lost track of the child process")),
        }
    };
    let duration = sup.started.elapsed();
    if reason.is_some() {
        sup.stop(TERM_GRACE);
    }
    // The exit stays in `sup`: a run whose main process was reaped is never signalled again.
    let termination = match (reason, &sup.exit) {
        (Some(reason), _) => reason,
        (None, Some(Ok(status))) => termination_of(*status, false),
        (None, Some(Err(e))) => return Err(io::Error::new(e.kind(), e.to_string())),
        (None, None) => return Err(io::Error::other("lost track of the child process")),
    };
    let (stdout, stderr) = sup.finish();
    Ok(ProcessResult {
        termination,
        stdout,
        stderr,
        duration,
    })
}

/// How `status` ended; `sent_by_us`: whether microlings had signalled the process before.
#[cfg(unix)]
fn termination_of(status: ExitStatus, sent_by_us: bool) -> Termination {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => Termination::Exited(code),
        (None, Some(signal)) => Termination::Signalled { signal, sent_by_us },
        (None, None) => Termination::Exited(-1),
    }
}

#[cfg(not(unix))]
fn termination_of(status: ExitStatus, _sent_by_us: bool) -> Termination {
    Termination::Exited(status.code().unwrap_or(-1))
}

/// How a background process ended when it was stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopKind {
    /// It had already ended by itself before it was asked to stop.
    AlreadyExited(Termination),
    /// It ended within the grace period after SIGTERM (on Windows there is no SIGTERM, and
    /// this is never reported).
    OnSigterm {
        /// From SIGTERM to exit.
        after: Duration,
        /// How it ended.
        termination: Termination,
    },
    /// It ignored SIGTERM for the whole grace period and its group was killed.
    Killed,
}

/// What was left of a background process once it was stopped.
#[derive(Debug, Clone)]
pub struct Stopped {
    /// How it ended.
    pub kind: StopKind,
    /// Captured stdout (the first `output_cap` bytes).
    pub stdout: Vec<u8>,
    /// Captured stderr (its first and last `output_cap / 2` bytes).
    pub stderr: Vec<u8>,
}

/// A child that keeps running while the caller talks to it (a service), contained like every
/// run. Whatever happens, the whole run is killed when it is stopped or dropped, so no process
/// (and no port it holds) outlives it.
///
/// Not `Send`: the child dies with the thread that spawned it (`PR_SET_PDEATHSIG` follows the
/// thread), so it must be stopped on that thread.
///
/// ```compile_fail
/// fn needs_send<T: Send>() {}
/// needs_send::<microlings::run::process::Background>();
/// ```
pub struct Background {
    sup: Supervised,
    _same_thread: std::marker::PhantomData<*const ()>,
}

impl std::fmt::Debug for Background {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Background")
            .field("pid", &self.sup.pid)
            .field("exit", &self.sup.exit)
            .finish()
    }
}

impl Background {
    /// Starts `spec` in the background. Output is read on threads; the first `output_cap`
    /// bytes of stdout and the beginning and end of stderr are kept, the rest is drained
    /// and dropped.
    pub fn spawn(spec: &ProcessSpec, output_cap: usize) -> io::Result<Self> {
        let sup = Supervised::start(
            spec,
            Contain::Namespace,
            Capture::drain_after(output_cap),
            Capture::head_and_tail(output_cap),
        )?;
        Ok(Background {
            sup,
            _same_thread: std::marker::PhantomData,
        })
    }

    /// Every process of the service alive now (its program and what it started; never the
    /// containment's own helper processes): for its ports and its memory.
    pub fn members(&self) -> Vec<u32> {
        let mut members = self.sup.run.members();
        if super::sandbox::helper().is_some() {
            members.retain(|&pid| !super::sandbox::is_helper(pid));
        }
        members
    }

    /// When it was started.
    pub fn started(&self) -> Instant {
        self.sup.started
    }

    /// How the main process ended, if it has; does not block.
    pub fn exited(&mut self) -> Option<Termination> {
        self.sup.observe.tick(&self.sup.run);
        while self.sup.exit.is_none() {
            if !matches!(
                self.sup.next(Duration::ZERO),
                Next::Exited | Next::OutputTooLarge
            ) {
                break;
            }
        }
        self.sup.termination()
    }

    /// Asks the service to stop with SIGTERM, waits up to `grace`, then kills it. The whole
    /// run is killed in every case, so a grandchild cannot outlive the stop.
    pub fn stop(mut self, grace: Duration) -> Stopped {
        let kind = match self.exited() {
            Some(t) => StopKind::AlreadyExited(t),
            None => match self.sup.stop(grace) {
                Some(after) => StopKind::OnSigterm {
                    after,
                    termination: self.sup.termination().unwrap_or(Termination::Signalled {
                        signal: TERM,
                        sent_by_us: true,
                    }),
                },
                None => StopKind::Killed,
            },
        };
        let (stdout, stderr) = self.sup.finish();
        Stopped {
            kind,
            stdout,
            stderr,
        }
    }
}

/// Replaces the run directory in tool output with nothing, so messages name `Main.java:3`
/// rather than a temporary path.
pub fn strip_dir(text: &str, dir: &Path) -> String {
    let mut out = text.to_string();
    for form in [dir.to_path_buf(), dir.canonicalize().unwrap_or_default()] {
        let s = form.display().to_string();
        if !s.is_empty() {
            out = out.replace(&format!("{s}{}", std::path::MAIN_SEPARATOR), "");
            out = out.replace(&s, ".");
        }
    }
    out
}

#[cfg(all(test, target_os = "linux"))]
mod tests;
