//! The Unix side of the lifecycle: flock probes, the start lock, and the detached launch.

use std::ffi::CString;
use std::fs::File;
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{CancelToken, Ensure, ProcessSpec, ServerSpec, start_time};

/// How often waits look again (the lock, the socket).
const POLL: Duration = Duration::from_millis(5);

fn open_lock(path: &Path) -> io::Result<File> {
    // std opens with O_CLOEXEC: no child inherits microlings' probes.
    File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

/// Takes `flock(op|LOCK_NB)` on `file`: Ok(true) taken, Ok(false) held by someone else.
fn try_flock(file: &File, op: libc::c_int) -> io::Result<bool> {
    // SAFETY: flock on a descriptor we own.
    if unsafe { libc::flock(file.as_raw_fd(), op | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Ok(false)
    } else {
        Err(e)
    }
}

/// Whether the lock at `path` is held exclusively by another open file (a live server).
/// A shared lock, so that probes never mistake each other for a server.
pub(super) fn lock_held(path: &Path) -> bool {
    match open_lock(path) {
        // Taken and dropped at once (closing the file releases it).
        Ok(f) => matches!(try_flock(&f, libc::LOCK_SH), Ok(false)),
        Err(_) => false,
    }
}

/// Takes the lock at `path`, waiting until `until` or `cancel`.
fn lock_until(path: &Path, until: Instant, cancel: &CancelToken) -> Option<File> {
    let f = open_lock(path).ok()?;
    loop {
        match try_flock(&f, libc::LOCK_EX) {
            Ok(true) => return Some(f),
            Ok(false) => {}
            Err(_) => return None,
        }
        if cancel.is_cancelled() || Instant::now() >= until {
            return None;
        }
        std::thread::sleep(POLL);
    }
}

/// Starts `spec`'s server when none is alive, then waits for it to listen.
pub(super) fn ensure(spec: &ServerSpec, until: Instant, cancel: &CancelToken) -> Ensure {
    if let Err(why) = startable(spec) {
        return Ensure::Unavailable(why);
    }
    if !lock_held(&spec.lock_path())
        && let Err(why) = start(spec, until, cancel)
    {
        return Ensure::Unavailable(why);
    }
    wait_listening(spec, until, cancel)
}

/// The server when one is alive (waiting for one that is starting to listen); never starts
/// one: a build that finds none compiles on its own, and the runner starts one after the
/// check (see [`start_after`]).
pub(super) fn connect(spec: &ServerSpec, until: Instant, cancel: &CancelToken) -> Ensure {
    if let Err(why) = startable(spec) {
        return Ensure::Unavailable(why);
    }
    if !lock_held(&spec.lock_path()) {
        return Ensure::Unavailable("no server is running: this build compiles on its own");
    }
    wait_listening(spec, until, cancel)
}

/// Starts `spec`'s server in the background when none is alive, without waiting for it to
/// listen.
pub(super) fn start_after(spec: &ServerSpec) {
    if startable(spec).is_ok() && !lock_held(&spec.lock_path()) {
        let _ = start(
            spec,
            Instant::now() + Duration::from_secs(2),
            &CancelToken::new(),
        );
    }
}

/// Whether a server could run here: its socket path fits, its state directory exists, its
/// program is built (whose one-time build this starts in the background when it is not).
fn startable(spec: &ServerSpec) -> Result<(), &'static str> {
    if spec.endpoint.as_os_str().len() >= 100 {
        // sun_path holds about 104 bytes: a deeper data directory gets the plain compiler.
        return Err("the socket path is too long");
    }
    if std::fs::create_dir_all(&spec.state).is_err() {
        return Err("cannot create the server's state directory");
    }
    if let Some(prepare) = &spec.prepare
        && !prepare.done.exists()
    {
        let mut failed = prepare.done.clone().into_os_string();
        failed.push(".failed");
        if Path::new(&failed).exists() {
            return Err("the server program could not be built");
        }
        start_prepare(spec, prepare);
        return Err("the server program is being built");
    }
    Ok(())
}

/// Waits for a live server to listen (one that just started takes a moment).
fn wait_listening(spec: &ServerSpec, until: Instant, cancel: &CancelToken) -> Ensure {
    loop {
        if spec.endpoint.exists() {
            return Ensure::Ready(spec.endpoint.clone());
        }
        if !lock_held(&spec.lock_path()) {
            return Ensure::Unavailable("the server exited while starting");
        }
        if cancel.is_cancelled() || Instant::now() >= until {
            return Ensure::Unavailable("the server did not listen in time");
        }
        std::thread::sleep(POLL);
    }
}

/// Under the start lock: if still no server is alive, clears what a dead one left and starts
/// a new one.
fn start(spec: &ServerSpec, until: Instant, cancel: &CancelToken) -> Result<(), &'static str> {
    let Some(_start) = lock_until(&spec.start_lock_path(), until, cancel) else {
        return Err("another start did not finish in time");
    };
    if lock_held(&spec.lock_path()) {
        // Started by someone else meanwhile.
        return Ok(());
    }
    // No server holds the lock. One recorded in server.pid may still run, unreachable (its
    // lock file was deleted): stop it, or it would idle on beside the new one.
    super::kill(spec);
    // Its socket, and any left by a dead server, can go now: no live server owns them.
    let _ = std::fs::remove_file(&spec.endpoint);
    let _ = std::fs::remove_file(spec.pid_path());
    let log = File::create(spec.state.join("server.log")).ok();
    let pid = spawn_detached(&spec.launch, &spec.lock_path(), log).map_err(|_| "cannot start")?;
    let record = format!("{pid} {}\n", start_time(pid).unwrap_or(0));
    // Best effort: without it the server cannot be killed when it hangs, but still works.
    let tmp = spec
        .state
        .join(format!("server.pid.{}", std::process::id()));
    if std::fs::write(&tmp, record).is_ok() {
        let _ = std::fs::rename(&tmp, spec.pid_path());
    }
    Ok(())
}

/// Writes the server's files and starts its one-time build in the background, unless one is
/// running (it holds `build.lock`).
fn start_prepare(spec: &ServerSpec, prepare: &super::Prepare) {
    let lock = spec.state.join("build.lock");
    if lock_held(&lock) {
        return;
    }
    for (path, text) in &prepare.files {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if crate::fsutil::read_text_capped(path, 1 << 20)
            .ok()
            .as_deref()
            != Some(*text)
        {
            let _ = std::fs::write(path, text);
        }
    }
    let log = File::create(spec.state.join("build.log")).ok();
    let _ = spawn_detached(&prepare.build, &lock, log);
}

/// Starts `spec` in a session of its own, holding the lock at `lock` for its whole life, with
/// stdout and stderr to `log`; reaps it on a thread when it is microlings' child. Returns its
/// pid.
fn spawn_detached(spec: &ProcessSpec, lock: &Path, log: Option<File>) -> io::Result<u32> {
    let lock = CString::new(lock.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let mut cmd = Command::new(&spec.program);
    cmd.args(&spec.args)
        .current_dir(&spec.dir)
        .env_clear()
        .envs(spec.env.iter().map(|(k, v)| (k, v)))
        // microlings' own: a sweep that finds it adopted leaves it alone.
        .stdin(Stdio::null());
    match log.and_then(|l| Some((l.try_clone().ok()?, l))) {
        Some((out, err)) => cmd.stdout(out).stderr(err),
        None => cmd.stdout(Stdio::null()).stderr(Stdio::null()),
    };
    // SAFETY: between fork and exec the closure calls only open, flock, nanosleep and
    // setsid, which are async-signal-safe, and allocates nothing.
    unsafe {
        cmd.pre_exec(move || {
            // Without O_CLOEXEC: the server keeps it open, and so holds the lock, until it
            // dies. A probe may hold it for an instant: try for a second.
            let fd = libc::open(lock.as_ptr(), libc::O_RDWR | libc::O_CREAT, 0o600);
            if fd < 0 {
                return Err(io::Error::last_os_error());
            }
            let mut tries = 0;
            while libc::flock(fd, libc::LOCK_EX | libc::LOCK_NB) != 0 {
                tries += 1;
                if tries > 1000 {
                    return Err(io::Error::other("the server lock is taken"));
                }
                let pause = libc::timespec {
                    tv_sec: 0,
                    tv_nsec: 1_000_000,
                };
                libc::nanosleep(&pause, std::ptr::null_mut());
            }
            // Its own session: out of every check's process group and the terminal's.
            if libc::setsid() < 0 {
                return Err(io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = crate::run::reaper::spawn_own(|| cmd.spawn(), std::process::Child::id)?;
    let pid = child.id();
    // Reaped here when it stops (after its idle time), so no zombie stays while a long TUI
    // session goes on; when microlings exits first, init (or a subreaper) adopts it.
    let _ = std::thread::Builder::new()
        .name("compiler-server-reaper".into())
        .spawn(move || {
            let _ = child.wait();
            crate::run::reaper::release(pid);
        });
    Ok(pid)
}
