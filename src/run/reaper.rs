//! Catching what a learner's program started and left behind outside its process group.
//!
//! A check's program runs in its own process group, and the group is killed when the check
//! ends. A descendant that called `setsid` (or double-forked into a group of its own) escapes
//! that kill, and once its parent exits it is adopted by init, out of reach. On Linux
//! microlings makes itself a child subreaper (`PR_SET_CHILD_SUBREAPER`) before it starts its
//! first program, so such orphans are adopted by microlings instead; after every run
//! [`sweep`] kills and reaps them.
//!
//! Not every child of microlings is an orphan to kill: the programs it started itself (a
//! running check's main process, the C# compiler server) are registered with [`spawn_own`],
//! and everything microlings itself starts outside the runner (the learner's editor) stays in
//! microlings' own process group or carries [`OWNER_VAR`] in its environment. Each run's
//! processes carry [`RUN_VAR`] with a tag of their own, so that one check's sweep leaves the
//! orphans of another check that is still running alone.

use std::io;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// The environment variable that tags every process of one run (`<microlings pid>.<n>`).
pub const RUN_VAR: &str = "MICROLINGS_RUN";
/// The environment variable microlings sets on itself at start, so that what it starts
/// outside the runner (an editor and whatever the editor leaves running) is never swept.
pub const OWNER_VAR: &str = "MICROLINGS_OWNER";

/// Pids microlings started itself and still waits for, and the tags of runs in progress.
struct Registry {
    own: Vec<u32>,
    live: Vec<String>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    own: Vec::new(),
    live: Vec::new(),
});

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    // The registry holds plain data: a panic elsewhere cannot leave it inconsistent.
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

/// A fresh tag for one run, registered as live until [`end_run`].
pub fn new_run() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let tag = format!(
        "{}.{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    registry().live.push(tag.clone());
    tag
}

/// The run tagged `tag` is over: its leftovers are fair game for any sweep.
pub fn end_run(tag: &str) {
    registry().live.retain(|t| t != tag);
}

/// Makes microlings the subreaper of its descendants (once; Linux only). Returns whether it
/// is one.
pub fn enable() -> bool {
    #[cfg(target_os = "linux")]
    {
        static ENABLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *ENABLED.get_or_init(|| {
            // SAFETY: prctl with PR_SET_CHILD_SUBREAPER takes plain integers.
            unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 }
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// Spawns a process of microlings' own with `spawn`, while no sweep can run, and registers its
/// pid so that sweeps leave it alone until [`release`].
pub fn spawn_own<T>(
    spawn: impl FnOnce() -> io::Result<T>,
    pid: impl Fn(&T) -> u32,
) -> io::Result<T> {
    enable();
    let mut reg = registry();
    let child = spawn()?;
    reg.own.push(pid(&child));
    Ok(child)
}

/// `pid` was reaped by whoever started it: it is no longer microlings' own.
pub fn release(pid: u32) {
    registry().own.retain(|&p| p != pid);
}

/// Kills and reaps every orphan adopted by microlings that belongs to the run tagged `tag`,
/// to a run that is over, or to no run (its environment was cleared). Returns how many it
/// found. Does nothing where microlings cannot be a subreaper.
pub fn sweep(tag: &str) -> usize {
    #[cfg(target_os = "linux")]
    {
        linux::sweep(tag)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = tag;
        0
    }
}

/// `(pid, parent pid, process group)` of every process (Linux).
#[cfg(target_os = "linux")]
pub fn linux_processes() -> Vec<(u32, u32, u32)> {
    linux::processes()
}

/// Whether `environ` (NUL-separated `KEY=value` entries) holds `key=value`, or, with `value`
/// `None`, any entry for `key`; returns the value found.
pub fn env_value<'a>(environ: &'a [u8], key: &str) -> Option<&'a [u8]> {
    environ.split(|&b| b == 0).find_map(|entry| {
        entry
            .strip_prefix(key.as_bytes())
            .and_then(|rest| rest.strip_prefix(b"="))
    })
}

#[cfg(target_os = "linux")]
mod linux {
    use super::{OWNER_VAR, RUN_VAR, env_value, registry};
    use std::time::{Duration, Instant};

    /// How long a sweep waits for the orphans it killed to become reapable.
    const REAP_WAIT: Duration = Duration::from_millis(500);

    /// `(pid, parent pid, process group)` of every process, from `/proc/<pid>/stat`.
    pub(super) fn processes() -> Vec<(u32, u32, u32)> {
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
            .filter_map(|pid| {
                let stat = crate::fsutil::read_proc_text(format!("/proc/{pid}/stat")).ok()?;
                // The command name may hold spaces and parentheses: fields start after the
                // last ')'.
                let rest = &stat[stat.rfind(')')? + 1..];
                let mut fields = rest.split_whitespace().skip(1);
                let ppid = fields.next()?.parse().ok()?;
                let pgrp = fields.next()?.parse().ok()?;
                Some((pid, ppid, pgrp))
            })
            .collect()
    }

    pub(super) fn sweep(tag: &str) -> usize {
        if !super::enable() {
            return 0;
        }
        let me = std::process::id();
        // SAFETY: getpgrp has no preconditions.
        let my_group = unsafe { libc::getpgrp() } as u32;
        let mut victims = Vec::new();
        {
            let reg = registry();
            for (pid, ppid, pgrp) in processes() {
                if ppid != me || pgrp == my_group || reg.own.contains(&pid) {
                    continue;
                }
                // A zombie's environment reads as empty: it is reaped like any orphan.
                let environ =
                    crate::fsutil::read_proc(format!("/proc/{pid}/environ")).unwrap_or_default();
                let run = env_value(&environ, RUN_VAR);
                let ours = run == Some(tag.as_bytes());
                let other_live = run.is_some_and(|r| {
                    reg.live
                        .iter()
                        .any(|t| t.as_bytes() == r && t.as_str() != tag)
                });
                let owner = env_value(&environ, OWNER_VAR).is_some();
                if ours || (!other_live && (run.is_some() || !owner)) {
                    // SAFETY: kill has no memory-safety preconditions. `pid` is our child
                    // and not yet reaped, so it cannot have been reused.
                    unsafe {
                        libc::kill(pid as libc::pid_t, libc::SIGKILL);
                    }
                    victims.push(pid);
                }
            }
        }
        let until = Instant::now() + REAP_WAIT;
        let mut left = victims.clone();
        while !left.is_empty() && Instant::now() < until {
            left.retain(|&pid| {
                let mut status = 0;
                // SAFETY: waitpid on one specific child of ours, not blocking.
                let r = unsafe { libc::waitpid(pid as libc::pid_t, &mut status, libc::WNOHANG) };
                r == 0
            });
            if !left.is_empty() {
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        victims.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn environment_entries_are_found_by_exact_key() {
        let env = b"PATH=/bin\0MICROLINGS_RUN=12.3\0MICROLINGS_RUNX=9\0";
        assert_eq!(env_value(env, RUN_VAR), Some(&b"12.3"[..]));
        assert_eq!(env_value(env, "PATH"), Some(&b"/bin"[..]));
        assert_eq!(env_value(env, OWNER_VAR), None);
        assert_eq!(env_value(b"", RUN_VAR), None);
    }

    #[test]
    fn runs_are_live_until_ended() {
        let a = new_run();
        let b = new_run();
        assert_ne!(a, b);
        assert!(registry().live.contains(&a));
        end_run(&a);
        assert!(!registry().live.contains(&a));
        end_run(&b);
    }
}
