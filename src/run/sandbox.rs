//! How a check's processes are contained, chosen once per microlings by trying.
//!
//! - **PID namespace** (Linux, as root or with unprivileged user namespaces): every run goes
//!   through a tiny helper, `microlings-contain` (src/bin; or microlings itself re-executed
//!   when that is not installed beside it), called with [`HELPER_ARG`]. The helper
//!   unshares a PID namespace (and a user namespace with identity maps when not root), forks
//!   an *init* (pid 1 there) that forks the learner's program (pid 2, in a session of its
//!   own). The init reaps orphans, forwards SIGTERM and SIGINT to the program's session, and
//!   exits when the program exits; the kernel then kills everything left in the namespace.
//!   Nothing can leave a PID namespace, so nothing escapes, even a kill -9 of microlings
//!   (every level dies with its parent, `PR_SET_PDEATHSIG`).
//! - **Session** (elsewhere, and the fallback): the program is started in a session of its
//!   own (`setsid`: no controlling terminal, and no way to join microlings' process group).
//!   On Linux microlings is a child subreaper and sweeps a run's processes until none is left
//!   (see `reaper`), and records them (pid and start time) so that the next command finds them
//!   after a kill -9 (see `rundir`).
//! - **Job object** (Windows): the whole tree is killed with the job.
//!
//! The compiler servers are microlings' own and are started outside any of this.

use std::path::PathBuf;
use std::sync::OnceLock;

/// The hidden first argument that makes microlings run as the containment helper.
pub const HELPER_ARG: &str = "__microlings-contain";

/// The helper's flag for a run contained by session only (a compiler, or the fallback): it
/// makes the session and the death signal, then runs the program itself, in no namespace.
pub const SESSION_ARG: &str = "--session";

/// The helper's flag naming microlings' pid: the helper makes its own session and death
/// signal, and ends at once if its parent is no longer that pid (microlings died first).
pub const PARENT_ARG: &str = "--parent";

/// Set to `session` to skip the PID namespace (for tests, and for a machine where it
/// misbehaves).
pub const MODE_VAR: &str = "MICROLINGS_CONTAINMENT";

/// How the processes of one check are contained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Containment {
    /// A PID namespace per run (Linux).
    PidNamespace,
    /// A session per run, swept by microlings (the portable Unix fallback); `why`: why the
    /// PID namespace is not used.
    Session {
        /// Why not a PID namespace.
        why: String,
    },
    /// A job object per run (Windows).
    JobObject,
}

impl Containment {
    /// One line for `doctor`.
    pub fn describe(&self) -> String {
        match self {
            Containment::PidNamespace => "a PID namespace per check: nothing a program starts outlives its check, even if microlings is killed".into(),
            Containment::Session { why } if cfg!(target_os = "linux") => format!(
                "a session per check, swept until empty; after a kill -9 of microlings the next command stops what is left (no PID namespace: {why})"
            ),
            Containment::Session { why } => format!(
                "a session per check, killed with it; a process that leaves the session is not followed (no PID namespace: {why})"
            ),
            Containment::JobObject => "a job object per check: the whole tree is killed with it".into(),
        }
    }
}

static HELPER: OnceLock<PathBuf> = OnceLock::new();

/// The name of the helper's own small program, installed beside microlings' binary.
pub const HELPER_PROGRAM: &str = "microlings-contain";

/// The helper program for this microlings: [`HELPER_PROGRAM`] beside the running binary
/// (every run of a check, and the probe, start 3-4 ms sooner than with microlings' own 12 MB
/// binary), or microlings itself (`/proc/self/exe`) when it is not there.
pub fn helper_beside_me() -> PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|me| Some(me.parent()?.join(HELPER_PROGRAM)))
        .filter(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from("/proc/self/exe"))
}

/// Names the program that runs the helper (`main` names [`helper_beside_me`]; the tests name
/// the built `microlings-contain`). Without it, runs are contained by session.
pub fn set_helper(program: impl Into<PathBuf>) {
    let _ = HELPER.set(program.into());
}

/// The helper program, when the PID namespace is in use.
pub fn helper() -> Option<&'static PathBuf> {
    match containment() {
        Containment::PidNamespace => HELPER.get(),
        _ => None,
    }
}

/// The helper program for runs contained by session only, when it is the small program of
/// its own (Linux): starting it costs less than the fork a session made by microlings needs.
/// Re-executing microlings' own binary would cost more, so then `None`.
pub fn session_helper() -> Option<&'static PathBuf> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    HELPER
        .get()
        .filter(|h| h.file_name().is_some_and(|n| n == HELPER_PROGRAM))
}

/// The containment in use, found once by running the whole helper sequence.
pub fn containment() -> &'static Containment {
    static MODE: OnceLock<Containment> = OnceLock::new();
    MODE.get_or_init(detect)
}

fn detect() -> Containment {
    if cfg!(windows) {
        return Containment::JobObject;
    }
    let session = |why: &str| Containment::Session { why: why.into() };
    if !cfg!(target_os = "linux") {
        return session("PID namespaces are Linux only");
    }
    if std::env::var(MODE_VAR).is_ok_and(|v| v == "session") {
        return session(&format!("{MODE_VAR}=session"));
    }
    let Some(helper) = HELPER.get() else {
        return session("no helper program");
    };
    match probe(helper) {
        Ok(()) => Containment::PidNamespace,
        Err(why) => session(&why),
    }
}

/// Runs the helper's whole sequence once (namespaces, maps, init, a child) with a deadline.
fn probe(helper: &std::path::Path) -> Result<(), String> {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let mut child = Command::new(helper)
        .args([HELPER_ARG, "--probe"])
        .env_clear()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("the helper could not start: {e}"))?;
    let until = Instant::now() + Duration::from_secs(5);
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(_)) => {
                let mut said = String::new();
                if let Some(mut err) = child.stderr.take() {
                    use std::io::Read;
                    let _ = err.read_to_string(&mut said);
                }
                let said = said.trim();
                return Err(if said.is_empty() {
                    "the kernel refused".to_string()
                } else {
                    said.to_string()
                });
            }
            Ok(None) if Instant::now() < until => std::thread::sleep(Duration::from_millis(2)),
            Ok(None) | Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("the helper did not answer".into());
            }
        }
    }
}

/// Whether `pid` is one of the containment's own processes (the helper or the init), not
/// the learner's (Linux; `false` elsewhere).
pub fn is_helper(pid: u32) -> bool {
    #[cfg(target_os = "linux")]
    {
        crate::fsutil::read_proc(format!("/proc/{pid}/cmdline"))
            .is_ok_and(|c| c.split(|&b| b == 0).nth(1) == Some(HELPER_ARG.as_bytes()))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        false
    }
}

#[cfg(target_os = "linux")]
pub use linux::helper_main;

/// The helper's entry point: `args` are the arguments after [`HELPER_ARG`]. Returns the exit
/// code when it does not end by a signal or an exec.
#[cfg(not(target_os = "linux"))]
pub fn helper_main(_args: &[std::ffi::OsString]) -> i32 {
    eprintln!("microlings: the containment helper is Linux only");
    125
}

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::{CString, OsString};
    use std::io::{self, Write};
    use std::os::unix::ffi::OsStrExt;
    use std::sync::atomic::{AtomicI32, Ordering};

    /// The init's child (the learner's program, pid 2): what SIGTERM/SIGINT are forwarded to.
    static LEARNER: AtomicI32 = AtomicI32::new(0);

    fn fail(what: &str) -> io::Error {
        let e = io::Error::last_os_error();
        io::Error::new(e.kind(), format!("{what}: {e}"))
    }

    /// The helper: `--probe`, or `[--session] [--parent PID] -- program args...`. After exec
    /// it is single-threaded, so ordinary Rust is safe on both sides of its forks.
    pub fn helper_main(args: &[OsString]) -> i32 {
        let end = args.iter().position(|a| a == "--").unwrap_or(args.len());
        let flags = &args[..end];
        let probe = flags.iter().any(|a| a == "--probe");
        let session_only = flags.iter().any(|a| a == super::SESSION_ARG);
        let parent: Option<libc::pid_t> = flags
            .iter()
            .position(|a| a == super::PARENT_ARG)
            .and_then(|i| flags.get(i + 1)?.to_str()?.parse().ok());
        let command: Vec<CString> = args
            .get(end + 1..)
            .unwrap_or_default()
            .iter()
            .filter_map(|a| CString::new(a.as_bytes()).ok())
            .collect();
        if !probe && command.is_empty() {
            eprintln!("microlings: the containment helper needs `-- program args...`");
            return 125;
        }
        if let Some(parent) = parent {
            // What a `pre_exec` closure in microlings would do, done here so that microlings
            // can spawn without fork: a session of its own (no controlling terminal, no way
            // into microlings' group), and death with microlings.
            // SAFETY: plain syscalls in a single-threaded process.
            unsafe {
                if libc::setsid() < 0
                    || libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) != 0
                {
                    return 125;
                }
                // microlings died before the prctl: do not run orphaned.
                if libc::getppid() != parent {
                    return 125;
                }
            }
        }
        if session_only {
            return exec(&command);
        }
        // microlings signals the helper's whole group (the helper and the init): the init
        // forwards SIGTERM and SIGINT to the program, the helper must not die of them, not
        // even before the init exists.
        // SAFETY: plain syscalls in a single-threaded process.
        unsafe {
            libc::signal(libc::SIGTERM, libc::SIG_IGN);
            libc::signal(libc::SIGINT, libc::SIG_IGN);
        }
        if let Err(e) = enter_namespaces() {
            if probe {
                eprintln!("{e}");
                return 1;
            }
            // The kernel refused this time (too many namespaces?): run the program as it
            // is, still in the session of its own microlings made for this helper, with the
            // signals it would have had.
            // SAFETY: as above.
            unsafe {
                libc::signal(libc::SIGTERM, libc::SIG_DFL);
                libc::signal(libc::SIGINT, libc::SIG_DFL);
            }
            return exec(&command);
        }
        match run_init(if probe { None } else { Some(&command) }) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("microlings: containment: {e}");
                125
            }
        }
    }

    /// Unshares the PID namespace (and, when not root, a user namespace with identity maps).
    fn enter_namespaces() -> io::Result<()> {
        // SAFETY: plain syscalls on this single-threaded process.
        let (uid, gid) = unsafe { (libc::geteuid(), libc::getegid()) };
        if uid == 0 {
            // SAFETY: as above.
            if unsafe { libc::unshare(libc::CLONE_NEWPID) } != 0 {
                return Err(fail("unshare(CLONE_NEWPID)"));
            }
            return Ok(());
        }
        // SAFETY: as above.
        if unsafe { libc::unshare(libc::CLONE_NEWUSER | libc::CLONE_NEWPID) } != 0 {
            return Err(fail("unshare(CLONE_NEWUSER|CLONE_NEWPID)"));
        }
        let write = |file: &str, text: String| {
            std::fs::write(file, text).map_err(|e| io::Error::new(e.kind(), format!("{file}: {e}")))
        };
        write("/proc/self/setgroups", "deny".into())?;
        write("/proc/self/uid_map", format!("{uid} {uid} 1\n"))?;
        write("/proc/self/gid_map", format!("{gid} {gid} 1\n"))?;
        Ok(())
    }

    fn pipe() -> io::Result<(i32, i32)> {
        let mut fds = [0; 2];
        // SAFETY: fds has room for two descriptors.
        if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
            return Err(fail("pipe"));
        }
        Ok((fds[0], fds[1]))
    }

    /// Forks the init; waits for it; ends as the learner's program ended.
    fn run_init(command: Option<&Vec<CString>>) -> io::Result<i32> {
        // The init writes the program's wait status here; the helper keeps `alive_w` open for
        // its whole life, so the init can tell whether the helper already died.
        let (status_r, status_w) = pipe()?;
        let (alive_r, alive_w) = pipe()?;
        // SAFETY: single-threaded, so the child may run any code.
        let init = unsafe { libc::fork() };
        if init < 0 {
            return Err(fail("fork"));
        }
        if init == 0 {
            // SAFETY: closing our copies of descriptors we own.
            unsafe {
                libc::close(status_r);
                libc::close(alive_w);
            }
            let code = init_main(command, status_w, alive_r);
            // SAFETY: leave without running the helper's exit handlers twice.
            unsafe { libc::_exit(code) };
        }
        // SAFETY: as above.
        unsafe {
            libc::close(status_w);
            libc::close(alive_r);
        }
        let init_status = wait_for(init)?;
        let mut raw = [0u8; 4];
        let mut got = 0;
        while got < raw.len() {
            // SAFETY: reading into the rest of `raw`.
            let n =
                unsafe { libc::read(status_r, raw[got..].as_mut_ptr().cast(), raw.len() - got) };
            if n <= 0 {
                break;
            }
            got += n as usize;
        }
        let status = if got == raw.len() {
            i32::from_ne_bytes(raw)
        } else {
            // The init itself died (killed from outside): report that.
            init_status
        };
        Ok(become_status(status))
    }

    fn wait_for(pid: i32) -> io::Result<i32> {
        loop {
            let mut status = 0;
            // SAFETY: waiting for our own child.
            let r = unsafe { libc::waitpid(pid, &mut status, 0) };
            if r == pid {
                return Ok(status);
            }
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::Interrupted {
                return Err(fail("waitpid"));
            }
        }
    }

    /// Ends the helper the way `status` says: the same exit code, or the same signal.
    fn become_status(status: i32) -> i32 {
        if libc::WIFEXITED(status) {
            return libc::WEXITSTATUS(status);
        }
        if libc::WIFSIGNALED(status) {
            let sig = libc::WTERMSIG(status);
            let no_core = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            // SAFETY: plain syscalls; no core file for a signal that was the program's.
            unsafe {
                libc::setrlimit(libc::RLIMIT_CORE, &no_core);
                libc::signal(sig, libc::SIG_DFL);
                let mut set: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut set);
                libc::sigaddset(&mut set, sig);
                libc::sigprocmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
                libc::kill(libc::getpid(), sig);
            }
            return 128 + sig;
        }
        125
    }

    extern "C" fn forward(sig: libc::c_int) {
        let learner = LEARNER.load(Ordering::SeqCst);
        if learner > 0 {
            // SAFETY: kill is async-signal-safe; the learner leads its own session and group.
            unsafe {
                libc::kill(-learner, sig);
            }
        }
    }

    /// The init, pid 1 of the new namespace: starts the program, reaps every orphan, and
    /// reports how the program ended.
    fn init_main(command: Option<&Vec<CString>>, status_w: i32, alive_r: i32) -> i32 {
        // SAFETY: plain syscalls in a single-threaded process.
        unsafe {
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) != 0 {
                return 125;
            }
            // The helper may have died before the prctl: its end of `alive` is then closed.
            let mut poll = libc::pollfd {
                fd: alive_r,
                events: libc::POLLIN,
                revents: 0,
            };
            if libc::poll(&mut poll, 1, 0) != 0 {
                return 125;
            }
            let handler = forward as extern "C" fn(libc::c_int) as libc::sighandler_t;
            libc::signal(libc::SIGTERM, handler);
            libc::signal(libc::SIGINT, handler);
        }
        // SAFETY: single-threaded fork.
        let learner = unsafe { libc::fork() };
        if learner < 0 {
            return 125;
        }
        if learner == 0 {
            let code = learner_main(command);
            // SAFETY: leave without the init's exit handlers.
            unsafe { libc::_exit(code) };
        }
        LEARNER.store(learner, Ordering::SeqCst);
        loop {
            let mut status = 0;
            // SAFETY: reaping any child of the init: the program and every orphan.
            let r = unsafe { libc::waitpid(-1, &mut status, 0) };
            if r == learner {
                let raw = status.to_ne_bytes();
                // SAFETY: writing four bytes from `raw`.
                unsafe {
                    libc::write(status_w, raw.as_ptr().cast(), raw.len());
                }
                // Leaving ends the namespace: the kernel kills whatever the program left.
                return 0;
            }
            if r < 0 && io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
                return 125;
            }
        }
    }

    /// The learner's side of the init's fork: a session of its own, death with the init, then
    /// the program (`None`: the probe, which only exits).
    fn learner_main(command: Option<&Vec<CString>>) -> i32 {
        // SAFETY: plain syscalls in the freshly forked child.
        unsafe {
            libc::setsid();
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) != 0 {
                return 125;
            }
            // The init died between fork and prctl: do not run orphaned.
            if libc::getppid() != 1 {
                return 125;
            }
            libc::signal(libc::SIGTERM, libc::SIG_DFL);
            libc::signal(libc::SIGINT, libc::SIG_DFL);
        }
        match command {
            None => {
                // The probe: the program must not be pid 1.
                // SAFETY: getpid has no preconditions.
                if unsafe { libc::getpid() } == 2 { 0 } else { 1 }
            }
            Some(command) => exec(command),
        }
    }

    /// Replaces this process with `command`; returns 127 (saying why on stderr) if it cannot.
    fn exec(command: &[CString]) -> i32 {
        let Some(program) = command.first() else {
            return 127;
        };
        let mut argv: Vec<*const libc::c_char> = command.iter().map(|a| a.as_ptr()).collect();
        argv.push(std::ptr::null());
        // SAFETY: argv is a NULL-terminated array of C strings that outlive the call; like std, a
        // name without a slash is looked up in the PATH the program was given.
        unsafe { libc::execvp(program.as_ptr(), argv.as_ptr()) };
        let e = io::Error::last_os_error();
        let _ = writeln!(
            io::stderr(),
            "microlings: could not start {}: {e}",
            program.to_string_lossy()
        );
        127
    }
}
