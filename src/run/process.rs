//! Running one child process under control: its own process group, a deadline, capped output
//! read on threads, cancellation, and no process left behind.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use process_wrap::std::CommandWrap;

/// How long a child gets between SIGTERM and SIGKILL.
const TERM_GRACE: Duration = Duration::from_millis(300);
/// How often a running child's supervisor looks at the cancel flag.
const CANCEL_POLL: Duration = Duration::from_millis(50);
/// How long to wait for output readers after the main process has exited and its group is
/// gone; a descendant that escaped the group (setsid) and was not caught could hold a pipe
/// open for ever, so what was read by then is what is kept.
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
    /// Killed by this signal (not by us).
    Signalled(i32),
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

enum Event {
    Exited(io::Result<ExitStatus>),
    OutputTooLarge,
}

/// Builds the command for `spec`, tagged with the run's `tag`, wrapped so that the child
/// leads its own process group (a job object on Windows) and dies with microlings (Linux:
/// `PR_SET_PDEATHSIG`; the C# compiler server, which must outlive one microlings, is not
/// started here).
fn wrapped_command(spec: &ProcessSpec, tag: &str) -> io::Result<CommandWrap> {
    let mut command = Command::new(&spec.program);
    command
        .args(&spec.args)
        .current_dir(&spec.dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if cfg!(unix) {
        // A learner's program sees only what it needs; on Windows a cleared environment
        // breaks the runtime (SystemRoot), so it inherits there.
        command.env_clear();
    }
    command.envs(spec.env.iter().map(|(k, v)| (k, v)));
    command.env(super::reaper::RUN_VAR, tag);
    match &spec.stdin {
        Some(path) => command.stdin(crate::fsutil::open_regular(path)?.0),
        None => command.stdin(Stdio::null()),
    };
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Not process-wrap's ProcessGroup: its wait also waits for every member of the group
        // that is our child, and with microlings a subreaper an orphan left in the group is.
        command.process_group(0);
    }
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::process::CommandExt;
        let parent = std::process::id();
        // SAFETY: the closure runs between fork and exec and only calls prctl and getppid,
        // which are async-signal-safe.
        unsafe {
            command.pre_exec(move || {
                if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) != 0 {
                    return Err(io::Error::last_os_error());
                }
                // microlings died between fork and prctl: do not run orphaned.
                if libc::getppid() as u32 != parent {
                    return Err(io::Error::other("microlings exited"));
                }
                Ok(())
            });
        }
    }
    #[allow(unused_mut)]
    let mut wrapped = CommandWrap::from(command);
    #[cfg(windows)]
    {
        wrapped.wrap(process_wrap::std::JobObject);
        wrapped.wrap(process_wrap::std::KillOnDrop);
    }
    Ok(wrapped)
}

fn spawn_error(spec: &ProcessSpec, e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!("could not start {}: {e}", spec.program.display()),
    )
}

/// Spawns `spec` as one of microlings' own children (see `reaper`) and records its group in
/// the run directory, so a later microlings can clean up if this one is killed.
fn spawn_tagged(
    spec: &ProcessSpec,
    tag: &str,
) -> io::Result<Box<dyn process_wrap::std::ChildWrapper>> {
    let mut wrapped = wrapped_command(spec, tag)?;
    let child = super::reaper::spawn_own(
        || wrapped.spawn().map_err(|e| spawn_error(spec, e)),
        |c| c.id(),
    )?;
    super::rundir::record_group(&spec.dir, child.id(), tag);
    Ok(child)
}

/// Runs a process to completion under the limits. Errors are failures to start it.
///
/// Its stdout is kept up to `output_cap` (more stops it); its stderr is kept on its own,
/// the beginning and the end of it, and never stops it. Once the main process has exited, its
/// group and anything that escaped the group are killed, and output is read for at most a
/// short grace: what was read by then is kept.
pub fn run(spec: &ProcessSpec, limits: Limits, cancel: &CancelToken) -> io::Result<ProcessResult> {
    let tag = super::reaper::new_run();
    let result = run_tagged(spec, limits, cancel, &tag);
    super::reaper::end_run(&tag);
    result
}

fn run_tagged(
    spec: &ProcessSpec,
    limits: Limits,
    cancel: &CancelToken,
    tag: &str,
) -> io::Result<ProcessResult> {
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    let mut child = spawn_tagged(spec, tag)?;
    let stdout = child.stdout().take();
    let stderr = child.stderr().take();
    let out_reader = spawn_reader(stdout, Capture::stop_at(limits.output_cap), tx.clone())?;
    let err_reader = spawn_reader(
        stderr,
        Capture::head_and_tail(limits.output_cap),
        tx.clone(),
    )?;
    let (termination, duration) = supervise(child, tx, &rx, started, limits, cancel)?;
    let mut streams = finish_readers(vec![out_reader, err_reader], tag).into_iter();
    Ok(ProcessResult {
        termination,
        stdout: streams.next().unwrap_or_default(),
        stderr: streams.next().unwrap_or_default(),
        duration,
    })
}

/// How much of a stream is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Capture {
    /// Bytes kept from the start.
    head: usize,
    /// Bytes kept from the end (the rest in between is dropped and counted).
    tail: usize,
    /// Whether more than `head` bytes stops the program (a check's stdout).
    stop: bool,
}

impl Capture {
    /// Keep the first `cap` bytes; more stops the program.
    fn stop_at(cap: usize) -> Self {
        Capture {
            head: cap,
            tail: 0,
            stop: true,
        }
    }

    /// Keep the first `cap` bytes and drop the rest, reading on (a service that logs every
    /// request must not block on a full pipe).
    fn drain_after(cap: usize) -> Self {
        Capture {
            head: cap,
            tail: 0,
            stop: false,
        }
    }

    /// Keep the first and the last half of `cap` bytes and read on: a flood on stderr is not
    /// the program's output, and where it failed is at the end.
    fn head_and_tail(cap: usize) -> Self {
        Capture {
            head: cap / 2,
            tail: cap - cap / 2,
            stop: false,
        }
    }
}

/// What a reader has kept so far; shared, so the end of a run can take it without waiting
/// for the pipe to close.
#[derive(Debug, Default)]
struct Kept {
    head: Vec<u8>,
    tail: std::collections::VecDeque<u8>,
    /// Bytes dropped between head and tail.
    skipped: u64,
}

impl Kept {
    fn push(&mut self, mut bytes: &[u8], capture: Capture) {
        let room = capture.head.saturating_sub(self.head.len());
        let take = bytes.len().min(room);
        self.head.extend_from_slice(&bytes[..take]);
        bytes = &bytes[take..];
        if bytes.is_empty() {
            return;
        }
        if capture.tail == 0 {
            self.skipped += bytes.len() as u64;
            return;
        }
        if bytes.len() >= capture.tail {
            self.skipped += (self.tail.len() + bytes.len() - capture.tail) as u64;
            self.tail.clear();
            self.tail.extend(&bytes[bytes.len() - capture.tail..]);
        } else {
            let overflow = (self.tail.len() + bytes.len()).saturating_sub(capture.tail);
            self.tail.drain(..overflow);
            self.skipped += overflow as u64;
            self.tail.extend(bytes);
        }
    }

    fn take(&mut self) -> Vec<u8> {
        let mut out = std::mem::take(&mut self.head);
        if !self.tail.is_empty() {
            if self.skipped > 0 {
                out.extend_from_slice(
                    format!("\n[... {} bytes not kept ...]\n", self.skipped).as_bytes(),
                );
            }
            out.extend(self.tail.drain(..));
        }
        out
    }
}

/// A reader thread's shared buffer and whether it reached the end of its pipe.
struct Reader {
    kept: Arc<std::sync::Mutex<Kept>>,
    done: Receiver<()>,
}

fn spawn_reader<R: Read + Send + 'static>(
    pipe: Option<R>,
    capture: Capture,
    events: Sender<Event>,
) -> io::Result<Option<Reader>> {
    let Some(mut pipe) = pipe else {
        return Ok(None);
    };
    let (done_tx, done_rx) = mpsc::channel();
    let kept = Arc::new(std::sync::Mutex::new(Kept::default()));
    let shared = Arc::clone(&kept);
    thread::Builder::new()
        .name("output-reader".into())
        .spawn(move || {
            let mut buf = [0u8; 64 * 1024];
            loop {
                match pipe.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        let Ok(mut k) = shared.lock() else { break };
                        let over = capture.stop && k.head.len() + n > capture.head;
                        k.push(&buf[..n], capture);
                        drop(k);
                        if over {
                            // Stop reading: the supervisor kills the group.
                            let _ = events.send(Event::OutputTooLarge);
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => break,
                }
            }
            let _ = done_tx.send(());
        })?;
    Ok(Some(Reader {
        kept,
        done: done_rx,
    }))
}

/// Ends a run's output: while a pipe is still open after the main process is gone, kills
/// whatever of the run escaped its group (see `reaper`), for at most [`READER_GRACE`]; then
/// takes what each reader kept, whether or not its pipe was closed.
fn finish_readers(readers: Vec<Option<Reader>>, tag: &str) -> Vec<Vec<u8>> {
    let until = Instant::now() + READER_GRACE;
    let mut open: Vec<&Reader> = readers.iter().flatten().collect();
    loop {
        super::reaper::sweep(tag);
        open.retain(|r| matches!(r.done.try_recv(), Err(mpsc::TryRecvError::Empty)));
        let now = Instant::now();
        if open.is_empty() || now >= until {
            break;
        }
        let _ = open[0].done.recv_timeout(SWEEP_POLL.min(until - now));
        // A message taken here means that reader is done: look again without it.
        open.retain(|r| matches!(r.done.try_recv(), Err(mpsc::TryRecvError::Empty)));
        if open.is_empty() {
            break;
        }
    }
    readers
        .iter()
        .map(|r| match r {
            Some(r) => r.kept.lock().map(|mut k| k.take()).unwrap_or_default(),
            None => Vec::new(),
        })
        .collect()
}

#[cfg(unix)]
fn supervise(
    mut child: Box<dyn process_wrap::std::ChildWrapper>,
    tx: Sender<Event>,
    rx: &Receiver<Event>,
    started: Instant,
    limits: Limits,
    cancel: &CancelToken,
) -> io::Result<(Termination, Duration)> {
    use std::os::unix::process::ExitStatusExt;

    let pid = child.id();
    let pgid = pid as libc::pid_t;
    thread::Builder::new()
        .name("process-waiter".into())
        .spawn(move || {
            let status = child.wait();
            super::reaper::release(pid);
            let _ = tx.send(Event::Exited(status));
        })?;
    let deadline = started + limits.timeout;
    let mut reason = None;
    let status = loop {
        if cancel.is_cancelled() {
            reason = Some(Termination::Cancelled);
            break None;
        }
        let now = Instant::now();
        if now >= deadline {
            reason = Some(Termination::TimedOut);
            break None;
        }
        match rx.recv_timeout((deadline - now).min(CANCEL_POLL)) {
            Ok(Event::Exited(status)) => break Some(status?),
            Ok(Event::OutputTooLarge) => {
                reason = Some(Termination::OutputTooLarge);
                break None;
            }
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => {
                return Err(io::Error::other("lost track of the child process"));
            }
        }
    };
    let duration = started.elapsed();
    let status = match status {
        Some(status) => status,
        None => {
            signal_group(pgid, libc::SIGTERM);
            match wait_for_exit(rx, TERM_GRACE) {
                Some(status) => status,
                None => {
                    signal_group(pgid, libc::SIGKILL);
                    wait_for_exit(rx, Duration::from_secs(5))
                        .unwrap_or_else(|| ExitStatus::from_raw(libc::SIGKILL))
                }
            }
        }
    };
    // The main process is gone; anything it left in its group goes too.
    signal_group(pgid, libc::SIGKILL);
    let termination = match reason {
        Some(reason) => reason,
        None => termination_of(status),
    };
    Ok((termination, duration))
}

#[cfg(unix)]
fn termination_of(status: ExitStatus) -> Termination {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => Termination::Exited(code),
        (None, Some(sig)) => Termination::Signalled(sig),
        (None, None) => Termination::Exited(-1),
    }
}

#[cfg(not(unix))]
fn termination_of(status: ExitStatus) -> Termination {
    Termination::Exited(status.code().unwrap_or(-1))
}

#[cfg(unix)]
fn wait_for_exit(rx: &Receiver<Event>, within: Duration) -> Option<ExitStatus> {
    let until = Instant::now() + within;
    loop {
        let left = until.checked_duration_since(Instant::now())?;
        match rx.recv_timeout(left) {
            Ok(Event::Exited(Ok(status))) => return Some(status),
            Ok(Event::Exited(Err(_))) | Err(_) => return None,
            Ok(Event::OutputTooLarge) => continue,
        }
    }
}

#[cfg(unix)]
fn signal_group(pgid: libc::pid_t, signal: libc::c_int) {
    // SAFETY: killpg has no memory-safety preconditions; ESRCH (group already gone) is fine.
    unsafe {
        libc::killpg(pgid, signal);
    }
}

#[cfg(not(unix))]
fn supervise(
    mut child: Box<dyn process_wrap::std::ChildWrapper>,
    _tx: Sender<Event>,
    rx: &Receiver<Event>,
    started: Instant,
    limits: Limits,
    cancel: &CancelToken,
) -> io::Result<(Termination, Duration)> {
    // Windows: poll the job's main process; killing the job object takes the whole tree.
    let deadline = started + limits.timeout;
    loop {
        if let Some(status) = child.try_wait()? {
            let duration = started.elapsed();
            let _ = child.start_kill();
            return Ok((Termination::Exited(status.code().unwrap_or(-1)), duration));
        }
        let reason = if cancel.is_cancelled() {
            Some(Termination::Cancelled)
        } else if Instant::now() >= deadline {
            Some(Termination::TimedOut)
        } else if matches!(rx.try_recv(), Ok(Event::OutputTooLarge)) {
            Some(Termination::OutputTooLarge)
        } else {
            None
        };
        if let Some(reason) = reason {
            let duration = started.elapsed();
            let _ = child.start_kill();
            let _ = child.wait();
            return Ok((reason, duration));
        }
        thread::sleep(Duration::from_millis(5));
    }
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

/// A child that keeps running while the caller talks to it (a service), in its own process
/// group. Whatever happens, the whole group is killed when it is stopped or dropped, so no
/// process (and no port it holds) outlives it.
pub struct Background {
    pid: u32,
    /// The run's tag (see `reaper`): what escaped the group is found by it.
    tag: String,
    started: Instant,
    rx: Receiver<Event>,
    exit: Option<ExitStatus>,
    readers: Vec<Option<Reader>>,
    done: bool,
    #[cfg(not(unix))]
    child: Arc<std::sync::Mutex<Box<dyn process_wrap::std::ChildWrapper>>>,
}

impl std::fmt::Debug for Background {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Background")
            .field("pid", &self.pid)
            .field("exit", &self.exit)
            .finish()
    }
}

impl Background {
    /// Starts `spec` in the background. Output is read on threads; the first `output_cap`
    /// bytes of stdout and the beginning and end of stderr are kept, the rest is drained
    /// and dropped.
    pub fn spawn(spec: &ProcessSpec, output_cap: usize) -> io::Result<Self> {
        let tag = super::reaper::new_run();
        let (tx, rx) = mpsc::channel();
        let started = Instant::now();
        let mut child = match spawn_tagged(spec, &tag) {
            Ok(child) => child,
            Err(e) => {
                super::reaper::end_run(&tag);
                return Err(e);
            }
        };
        let pid = child.id();
        let stdout = child.stdout().take();
        let stderr = child.stderr().take();
        let readers = vec![
            spawn_reader(stdout, Capture::drain_after(output_cap), tx.clone()),
            spawn_reader(stderr, Capture::head_and_tail(output_cap), tx.clone()),
        ];
        #[cfg(unix)]
        let waiter = {
            let mut child = child;
            thread::Builder::new()
                .name("service-waiter".into())
                .spawn(move || {
                    let status = child.wait();
                    super::reaper::release(pid);
                    let _ = tx.send(Event::Exited(status));
                })
        };
        #[cfg(not(unix))]
        let child = Arc::new(std::sync::Mutex::new(child));
        #[cfg(not(unix))]
        let waiter = {
            let child = Arc::clone(&child);
            thread::Builder::new()
                .name("service-waiter".into())
                .spawn(move || {
                    loop {
                        let polled = match child.lock() {
                            Ok(mut c) => c.try_wait(),
                            Err(_) => Err(io::Error::other("child lock poisoned")),
                        };
                        match polled {
                            Ok(Some(status)) => {
                                let _ = tx.send(Event::Exited(Ok(status)));
                                return;
                            }
                            Ok(None) => thread::sleep(Duration::from_millis(10)),
                            Err(e) => {
                                let _ = tx.send(Event::Exited(Err(e)));
                                return;
                            }
                        }
                    }
                })
        };
        let mut bg = Background {
            pid,
            tag,
            started,
            rx,
            exit: None,
            readers: Vec::new(),
            done: false,
            #[cfg(not(unix))]
            child,
        };
        // From here on, an error still kills the group (Drop).
        waiter?;
        for r in readers {
            bg.readers.push(r?);
        }
        Ok(bg)
    }

    /// The main process's id, which is also its process group's id on Unix.
    pub fn pid(&self) -> u32 {
        self.pid
    }

    /// When it was started.
    pub fn started(&self) -> Instant {
        self.started
    }

    /// How the main process ended, if it has; does not block.
    pub fn exited(&mut self) -> Option<Termination> {
        if self.exit.is_none() {
            while let Ok(event) = self.rx.try_recv() {
                if let Event::Exited(status) = event {
                    // A failed wait means the process is gone in a way we cannot describe.
                    self.exit = Some(status.unwrap_or_else(|_| exit_status_unknown()));
                    break;
                }
            }
        }
        self.exit.map(termination_of)
    }

    /// Asks the process group to stop with SIGTERM, waits up to `grace`, then kills the
    /// group. The group is killed in every case, so a grandchild cannot outlive the stop.
    pub fn stop(mut self, grace: Duration) -> Stopped {
        let kind = match self.exited() {
            Some(t) => StopKind::AlreadyExited(t),
            None => self.terminate(grace),
        };
        self.kill_group();
        self.done = true;
        let readers = std::mem::take(&mut self.readers);
        let mut streams = finish_readers(readers, &self.tag).into_iter();
        super::reaper::end_run(&self.tag);
        let stdout = streams.next().unwrap_or_default();
        let stderr = streams.next().unwrap_or_default();
        Stopped {
            kind,
            stdout,
            stderr,
        }
    }

    #[cfg(unix)]
    fn terminate(&mut self, grace: Duration) -> StopKind {
        let sent = Instant::now();
        signal_group(self.pid as libc::pid_t, libc::SIGTERM);
        match wait_for_exit(&self.rx, grace) {
            Some(status) => {
                self.exit = Some(status);
                StopKind::OnSigterm {
                    after: sent.elapsed(),
                    termination: termination_of(status),
                }
            }
            None => StopKind::Killed,
        }
    }

    #[cfg(not(unix))]
    fn terminate(&mut self, _grace: Duration) -> StopKind {
        // Windows has no SIGTERM for console programs: the job object is closed.
        StopKind::Killed
    }

    /// Kills the whole group and waits (boundedly) for the main process to be reaped.
    fn kill_group(&mut self) {
        #[cfg(unix)]
        signal_group(self.pid as libc::pid_t, libc::SIGKILL);
        #[cfg(not(unix))]
        if let Ok(mut c) = self.child.lock() {
            let _ = c.start_kill();
        }
        if self.exit.is_none()
            && let Some(status) = wait_for_any_exit(&self.rx, Duration::from_secs(5))
        {
            self.exit = Some(status);
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if !self.done {
            self.kill_group();
            super::reaper::sweep(&self.tag);
            super::reaper::end_run(&self.tag);
        }
    }
}

#[cfg(unix)]
fn exit_status_unknown() -> ExitStatus {
    use std::os::unix::process::ExitStatusExt;
    ExitStatus::from_raw(libc::SIGKILL)
}

#[cfg(not(unix))]
fn exit_status_unknown() -> ExitStatus {
    use std::os::windows::process::ExitStatusExt;
    ExitStatus::from_raw(1)
}

/// Waits for the exit event, however the wait itself went.
fn wait_for_any_exit(rx: &Receiver<Event>, within: Duration) -> Option<ExitStatus> {
    let until = Instant::now() + within;
    loop {
        let left = until.checked_duration_since(Instant::now())?;
        match rx.recv_timeout(left) {
            Ok(Event::Exited(status)) => {
                return Some(status.unwrap_or_else(|_| exit_status_unknown()));
            }
            Ok(Event::OutputTooLarge) => continue,
            Err(_) => return None,
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
