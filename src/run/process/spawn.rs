//! Starting a run: the command (through the containment helper, in a session of its own),
//! its stdin, its registration as a run, and its one waiter.

use std::io;
use std::path::Path;
use std::process::{Command, Stdio};
#[cfg(not(unix))]
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;
#[cfg(not(unix))]
use std::time::Duration;

use super::{Event, ProcessSpec};

/// How a run is contained: in a PID namespace where the machine allows one (a learner's
/// program), or only in a session of its own, swept like any run (a toolchain's own step).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contain {
    /// The strongest containment in use (`sandbox::containment`).
    Namespace,
    /// A session of its own, never a PID namespace.
    Session,
}

#[cfg(unix)]
pub(super) type ChildHandle = std::process::Child;
#[cfg(not(unix))]
pub(super) type ChildHandle = Box<dyn process_wrap::std::ChildWrapper>;

/// Builds the command for `spec`: through the containment helper when a PID namespace is in
/// use or the helper program is installed (see `sandbox`), in a session of its own, dying
/// with microlings (Linux: `PR_SET_PDEATHSIG`; the compiler servers, which must outlive one
/// microlings, are started elsewhere).
fn command_for(spec: &ProcessSpec, contain: Contain) -> io::Result<Command> {
    use super::super::sandbox;
    // Through the helper, which makes its own session and death signal after exec: then std
    // spawns with posix_spawn (vfork) rather than fork, which a `pre_exec` closure forces and
    // which costs about 5 ms in a process of microlings' size against 0.6 ms.
    let helper = match contain {
        Contain::Namespace => sandbox::helper().map(|h| (h, None)),
        Contain::Session => sandbox::session_helper().map(|h| (h, Some(sandbox::SESSION_ARG))),
    };
    let mut command = match helper {
        Some((helper, mode)) => {
            let mut c = Command::new(helper);
            c.arg(sandbox::HELPER_ARG)
                .args(mode)
                .arg(sandbox::PARENT_ARG)
                .arg(std::process::id().to_string())
                .arg("--")
                .arg(&spec.program)
                .args(&spec.args);
            c
        }
        None => {
            let mut c = Command::new(&spec.program);
            c.args(&spec.args);
            c
        }
    };
    #[cfg(unix)]
    let via_helper = helper.is_some();
    command
        .current_dir(&spec.dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if cfg!(unix) {
        // A learner's program sees only what it needs; on Windows a cleared environment
        // breaks the runtime (SystemRoot), so it inherits there.
        command.env_clear();
    }
    command.envs(spec.env.iter().map(|(k, v)| (k, v)));
    match &spec.stdin {
        Some(path) => command.stdin(open_stdin(path)?),
        None => command.stdin(Stdio::null()),
    };
    #[cfg(unix)]
    if !via_helper {
        use std::os::unix::process::CommandExt;
        #[cfg(target_os = "linux")]
        let parent = std::process::id();
        // SAFETY: the closure runs between fork and exec and only calls setsid, prctl and
        // getppid, which are async-signal-safe.
        unsafe {
            command.pre_exec(move || {
                // A session of its own: no controlling terminal (/dev/tty), and no way to
                // join microlings' process group. Not `process_group(0)`: std calls setpgid
                // before this closure, and a group leader cannot call setsid.
                if libc::setsid() < 0 {
                    return Err(io::Error::last_os_error());
                }
                #[cfg(target_os = "linux")]
                {
                    if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL, 0, 0, 0) != 0 {
                        return Err(io::Error::last_os_error());
                    }
                    // microlings died between fork and prctl: do not run orphaned.
                    if libc::getppid() as u32 != parent {
                        return Err(io::Error::other("microlings exited"));
                    }
                }
                Ok(())
            });
        }
    }
    Ok(command)
}

/// Opens a run's stdin file without ever blocking: a FIFO or device in its place is refused.
fn open_stdin(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::other(format!(
            "{} is not a regular file",
            path.display()
        )));
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: fcntl on a descriptor we own; the program gets an ordinary blocking stdin.
        unsafe {
            let fd = file.as_raw_fd();
            let flags = libc::fcntl(fd, libc::F_GETFL);
            libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
        }
    }
    Ok(file)
}

fn spawn_error(spec: &ProcessSpec, e: io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!("could not start {}: {e}", spec.program.display()),
    )
}

/// Spawns `spec` as a new run (see `reaper`), recorded in its run directory's record when it
/// has one.
pub(super) fn spawn_run(
    spec: &ProcessSpec,
    contain: Contain,
) -> io::Result<(ChildHandle, super::super::reaper::Run)> {
    let command = command_for(spec, contain)?;
    let record = super::super::rundir::record_for(&spec.dir);
    #[cfg(unix)]
    let spawn = {
        let mut command = command;
        move || command.spawn().map_err(|e| spawn_error(spec, e))
    };
    #[cfg(not(unix))]
    let spawn = {
        let mut wrapped = process_wrap::std::CommandWrap::from(command);
        wrapped.wrap(process_wrap::std::JobObject);
        wrapped.wrap(process_wrap::std::KillOnDrop);
        move || wrapped.spawn().map_err(|e| spawn_error(spec, e))
    };
    super::super::reaper::start_run(spawn, |c| c.id(), record, &spec.dir)
}

/// Starts the one waiter of a run: it reaps the main process and reports how it ended. If no
/// thread can be started, the child is killed and reaped here, and nothing leaks.
#[cfg(unix)]
pub(super) fn spawn_waiter(mut child: ChildHandle, tx: Sender<Event>) -> io::Result<()> {
    let pid = child.id();
    let spawned = thread::Builder::new()
        .name("process-waiter".into())
        .spawn(move || {
            let status = child.wait();
            super::super::reaper::release(pid);
            let _ = tx.send(Event::Exited(status));
        });
    if let Err(e) = spawned {
        // The closure, and the Child in it, are gone; the pid is still ours to reap.
        // SAFETY: signalling and reaping our own unreaped child.
        unsafe {
            libc::killpg(pid as libc::pid_t, libc::SIGKILL);
            libc::kill(pid as libc::pid_t, libc::SIGKILL);
            let mut status = 0;
            libc::waitpid(pid as libc::pid_t, &mut status, 0);
        }
        super::super::reaper::release(pid);
        return Err(e);
    }
    Ok(())
}

/// Windows: poll the job's main process, shared with whoever kills it.
#[cfg(not(unix))]
pub(super) fn spawn_waiter(
    child: Arc<std::sync::Mutex<ChildHandle>>,
    tx: Sender<Event>,
) -> io::Result<()> {
    let spawned = thread::Builder::new().name("process-waiter".into()).spawn({
        let child = Arc::clone(&child);
        move || {
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
        }
    });
    if let Err(e) = spawned {
        if let Ok(mut c) = child.lock() {
            let _ = c.start_kill();
            let _ = c.wait();
        }
        return Err(e);
    }
    Ok(())
}
