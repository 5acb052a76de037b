//! Which processes belong to which run, and the sweep that leaves none of a run behind.
//!
//! Every run's main process leads a session of its own (see `process`), or, under a PID
//! namespace, is the helper above the namespace (see `sandbox`), where nothing can escape. In
//! session mode on Linux microlings makes itself a child subreaper (`PR_SET_CHILD_SUBREAPER`)
//! before it starts its first program, so
//! whatever a run leaves behind stays microlings' descendant: a process that called `setsid`
//! and lost its parent is adopted by microlings instead of init.
//!
//! Membership comes from what a program cannot forge: a process belongs to a run when it is in
//! the run's session, descends from the run's main process, or was seen as such before (its
//! pid *and* start time are kept, and written to the run's record for the next command after a
//! kill -9). An orphan microlings adopted before anyone saw it belongs to the live run whose
//! directory it works in, if that run started before it; anything else microlings adopted (an
//! editor's daemon) is left alone. Processes microlings started itself (a run's main process until it is reaped, the
//! compiler servers) are registered with [`spawn_own`] and, with their descendants, never
//! swept; neither is what descends from microlings' own process group (the learner's editor).
//!
//! [`Run::sweep`] stops (SIGSTOP, so a fork loop cannot outrun it), kills and reaps a run's
//! processes, pass after pass, until a pass finds none or its deadline passes.

use std::collections::HashMap;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::procfs::{self, Stat};
use super::rundir::Record;

/// How long one sweep may keep finding processes before it gives up.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
const SWEEP_DEADLINE: Duration = Duration::from_secs(2);

/// A run in progress.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
struct Live {
    id: u64,
    /// The main process (the helper under a PID namespace).
    leader: u32,
    /// Its start time (0 when `/proc` cannot say: then nothing is attributed by time).
    start: u64,
    /// Processes seen as the run's: pid and start time.
    known: Vec<(u32, u64)>,
    /// The run directory's record, when there is one.
    record: Option<Arc<Record>>,
    /// The program's working directory, resolved: an orphan nobody saw that works there is
    /// the run's.
    dir: Option<std::path::PathBuf>,
}

/// Pids microlings started itself and still waits for, and the runs in progress.
struct Registry {
    own: Vec<u32>,
    live: Vec<Live>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    own: Vec::new(),
    live: Vec::new(),
});

fn registry() -> std::sync::MutexGuard<'static, Registry> {
    // The registry holds plain data: a panic elsewhere cannot leave it inconsistent.
    REGISTRY.lock().unwrap_or_else(|e| e.into_inner())
}

static SUBREAPER: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// Whether microlings already is a subreaper.
fn is_subreaper() -> bool {
    SUBREAPER.get().copied().unwrap_or(false)
}

/// Makes microlings the subreaper of its descendants (once; Linux only). Returns whether it
/// is one. Only session mode needs it: nothing leaves a PID namespace, and a subreaper would
/// adopt what microlings starts outside any run (an editor's daemon) for nothing.
pub fn enable() -> bool {
    #[cfg(target_os = "linux")]
    {
        *SUBREAPER.get_or_init(|| {
            // SAFETY: prctl with PR_SET_CHILD_SUBREAPER takes plain integers.
            unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 }
        })
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

/// Spawns a process of microlings' own with `spawn` (a compiler server), while no sweep can
/// run, and registers its pid so that no sweep touches it or its descendants until
/// [`release`].
pub fn spawn_own<T>(
    spawn: impl FnOnce() -> io::Result<T>,
    pid: impl Fn(&T) -> u32,
) -> io::Result<T> {
    let mut reg = registry();
    let child = spawn()?;
    reg.own.push(pid(&child));
    Ok(child)
}

/// `pid` was reaped by whoever started it: it is no longer microlings' own.
pub fn release(pid: u32) {
    registry().own.retain(|&p| p != pid);
}

/// One run's membership, live until dropped.
#[derive(Debug)]
pub struct Run {
    id: u64,
    leader: u32,
}

/// Spawns a run's main process with `spawn`, registered as microlings' own (until the waiter
/// calls [`release`]) and as the leader of a new live run. `record`: where to write the run's
/// processes for the next command; `dir`: the program's working directory.
pub fn start_run<T>(
    spawn: impl FnOnce() -> io::Result<T>,
    pid: impl Fn(&T) -> u32,
    record: Option<Arc<Record>>,
    dir: &std::path::Path,
) -> io::Result<(T, Run)> {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    if super::sandbox::helper().is_none() {
        enable();
    }
    let dir = dir.canonicalize().ok();
    let mut reg = registry();
    let child = spawn()?;
    let leader = pid(&child);
    reg.own.push(leader);
    let start = procfs::start_time(leader).unwrap_or(0);
    if let Some(record) = &record {
        record.session(leader, start);
    }
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    reg.live.push(Live {
        id,
        leader,
        start,
        known: Vec::new(),
        record,
        dir,
    });
    Ok((child, Run { id, leader }))
}

impl Run {
    /// The run's main process.
    pub fn leader(&self) -> u32 {
        self.leader
    }

    /// Every process of the run alive now, the main process included (Linux: by session,
    /// descent and record; elsewhere the main process and its process group).
    pub fn members(&self) -> Vec<u32> {
        #[cfg(target_os = "linux")]
        {
            let mut reg = registry();
            let procs = procfs::processes();
            let mine = owned_by(&reg, &procs, self.id);
            remember(&mut reg, self.id, &mine);
            mine.iter().map(|s| s.pid).collect()
        }
        #[cfg(not(target_os = "linux"))]
        {
            vec![self.leader]
        }
    }

    /// Looks for the run's processes and remembers (and records) the new ones, so that the
    /// sweep, and the next command after a kill -9, find them even once they have left the
    /// session and lost their parent.
    pub fn observe(&self) {
        #[cfg(target_os = "linux")]
        let _ = self.members();
    }

    /// Stops, kills and reaps the run's processes (except its main process, which its waiter
    /// reaps) until a pass finds none; returns how many it killed.
    pub fn sweep(&self) -> usize {
        #[cfg(target_os = "linux")]
        {
            linux::sweep(self.id)
        }
        #[cfg(not(target_os = "linux"))]
        {
            0
        }
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        registry().live.retain(|l| l.id != self.id);
    }
}

/// `(pid, parent pid, process group)` of every process (Linux).
pub fn linux_processes() -> Vec<(u32, u32, u32)> {
    procfs::processes()
        .into_iter()
        .map(|s| (s.pid, s.ppid, s.pgrp))
        .collect()
}

/// Who a process belongs to.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    /// The live run with this id.
    Run(u64),
    /// microlings itself: its own children and their descendants, its process group.
    Microlings,
    /// Not a descendant of microlings, or an orphan no live run can claim.
    Nobody,
}

/// The processes in `procs` that belong to run `id`, leader included.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn owned_by(reg: &Registry, procs: &[Stat], id: u64) -> Vec<Stat> {
    let me = std::process::id();
    // SAFETY: getpgrp has no preconditions.
    #[cfg(unix)]
    let my_group = unsafe { libc::getpgrp() } as u32;
    #[cfg(not(unix))]
    let my_group = 0;
    let by_pid: HashMap<u32, &Stat> = procs.iter().map(|s| (s.pid, s)).collect();
    let direct = |s: &Stat| -> Option<Owner> {
        if s.pid == me {
            return Some(Owner::Microlings);
        }
        for live in &reg.live {
            let started_with = live.start == 0 || s.start >= live.start;
            if (s.pid == live.leader && (live.start == 0 || s.start == live.start))
                || live.known.contains(&(s.pid, s.start))
                || (s.sid == live.leader && started_with)
            {
                return Some(Owner::Run(live.id));
            }
        }
        if reg.own.contains(&s.pid) {
            return Some(Owner::Microlings);
        }
        if s.ppid == me {
            if s.pgrp == my_group {
                return Some(Owner::Microlings);
            }
            // An orphan nobody saw: the live run it works in (its working directory is the
            // run's directory) and that started before it. Anything else microlings adopted
            // (an editor's daemon) is not a run's.
            let cwd = std::fs::read_link(format!("/proc/{}/cwd", s.pid)).ok();
            let chosen = reg.live.iter().find(|l| {
                l.start != 0
                    && l.start <= s.start
                    && matches!((&l.dir, &cwd), (Some(d), Some(c)) if c.starts_with(d))
            });
            return Some(chosen.map_or(Owner::Nobody, |l| Owner::Run(l.id)));
        }
        None
    };
    let owner = |s: &Stat| -> Owner {
        let mut at = *s;
        for _ in 0..procs.len() + 1 {
            if let Some(o) = direct(&at) {
                return o;
            }
            match by_pid.get(&at.ppid) {
                Some(parent) => at = **parent,
                None => return Owner::Nobody,
            }
        }
        Owner::Nobody
    };
    procs
        .iter()
        .filter(|s| owner(s) == Owner::Run(id))
        .copied()
        .collect()
}

/// Adds `seen` to run `id`'s known processes, writing the new ones to its record.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn remember(reg: &mut Registry, id: u64, seen: &[Stat]) {
    let Some(live) = reg.live.iter_mut().find(|l| l.id == id) else {
        return;
    };
    for s in seen {
        if s.pid != live.leader && !s.is_zombie() && !live.known.contains(&(s.pid, s.start)) {
            live.known.push((s.pid, s.start));
            if let Some(record) = &live.record {
                record.member(s.pid, s.start);
            }
        }
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use super::{SWEEP_DEADLINE, owned_by, registry, remember};
    use crate::run::procfs;
    use std::time::{Duration, Instant};

    pub(super) fn sweep(id: u64) -> usize {
        // Under a PID namespace the kernel has done it all.
        if !super::is_subreaper() {
            return 0;
        }
        let until = Instant::now() + SWEEP_DEADLINE;
        let me = std::process::id();
        let mut killed = 0;
        loop {
            let victims = {
                let mut reg = registry();
                let procs = procfs::processes();
                let victims: Vec<procfs::Stat> = owned_by(&reg, &procs, id)
                    .into_iter()
                    .filter(|s| !reg.own.contains(&s.pid))
                    .collect();
                remember(&mut reg, id, &victims);
                victims
            };
            let (zombies, running): (Vec<&procfs::Stat>, Vec<&procfs::Stat>) =
                victims.iter().partition(|s| s.is_zombie());
            let reapable = zombies.iter().filter(|s| s.ppid == me).count();
            if running.is_empty() && reapable == 0 {
                return killed;
            }
            // Stop first, all of them, so that none can fork while the others die.
            for s in &running {
                // SAFETY: kill has no memory-safety preconditions; `s` is our descendant
                // and was alive a moment ago.
                unsafe { libc::kill(s.pid as libc::pid_t, libc::SIGSTOP) };
            }
            for s in &running {
                // SAFETY: as above.
                unsafe { libc::kill(s.pid as libc::pid_t, libc::SIGKILL) };
            }
            killed += running.len();
            std::thread::sleep(Duration::from_millis(2));
            for s in &victims {
                let mut status = 0;
                // SAFETY: waitpid on one pid, not blocking; ECHILD when it is not our child.
                unsafe { libc::waitpid(s.pid as libc::pid_t, &mut status, libc::WNOHANG) };
            }
            if Instant::now() >= until {
                return killed;
            }
        }
    }
}

/// How long a run has been observed for: the caller's clock for [`Run::observe`].
#[derive(Debug)]
pub struct ObserveClock {
    next: Instant,
}

impl ObserveClock {
    /// How often a running run is looked at in session mode.
    const EVERY: Duration = Duration::from_millis(200);

    /// A clock that is due at once.
    pub fn new() -> Self {
        ObserveClock {
            next: Instant::now(),
        }
    }

    /// Observes `run` when it is time to, and only where it adds something: under a PID
    /// namespace nothing can escape, and without a subreaper nothing can be found.
    pub fn tick(&mut self, run: &Run) {
        let now = Instant::now();
        if now < self.next {
            return;
        }
        self.next = now + Self::EVERY;
        if is_subreaper() {
            run.observe();
        }
    }
}

impl Default for ObserveClock {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(pid: u32, ppid: u32, pgrp: u32, sid: u32, start: u64) -> Stat {
        Stat {
            pid,
            state: b'S',
            ppid,
            pgrp,
            sid,
            start,
        }
    }

    use std::path::Path;

    #[test]
    fn membership_follows_session_descent_and_what_was_seen() {
        let me = std::process::id();
        // SAFETY: getpgrp has no preconditions.
        #[cfg(unix)]
        let my_group = unsafe { libc::getpgrp() } as u32;
        #[cfg(not(unix))]
        let my_group = 0;
        let reg = Registry {
            own: vec![900],
            live: vec![
                Live {
                    id: 1,
                    leader: 100,
                    start: 1000,
                    known: vec![(150, 1300)],
                    record: None,
                    dir: None,
                },
                Live {
                    id: 2,
                    leader: 200,
                    start: 2000,
                    known: Vec::new(),
                    record: None,
                    dir: None,
                },
            ],
        };
        let procs = [
            stat(100, me, 100, 100, 1000),   // run 1's leader
            stat(101, 100, 101, 100, 1100),  // its child, in another group
            stat(102, 101, 102, 102, 1200),  // its grandchild, which called setsid
            stat(150, me, 150, 150, 1300),   // seen before, now an orphan
            stat(170, me, 170, 170, 2500),   // an orphan nobody saw, working elsewhere
            stat(200, me, 200, 200, 2000),   // run 2's leader
            stat(900, me, 900, 900, 500),    // a compiler server
            stat(901, 900, 900, 900, 600),   // its child
            stat(300, me, my_group, 1, 700), // the editor
            stat(301, 300, 301, 301, 1600),  // what the editor left
            stat(400, 1, 400, 400, 1100),    // not ours at all
            stat(100_000, 1, 100, 100, 900), // session 100 before run 1 began: reused
        ];
        let mut run1: Vec<u32> = owned_by(&reg, &procs, 1).iter().map(|s| s.pid).collect();
        run1.sort();
        assert_eq!(run1, [100, 101, 102, 150]);
        let run2: Vec<u32> = owned_by(&reg, &procs, 2).iter().map(|s| s.pid).collect();
        assert_eq!(run2, [200]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn an_orphan_nobody_saw_is_the_run_s_whose_directory_it_works_in() {
        use std::os::unix::process::CommandExt;
        let run_dir = tempfile::tempdir().expect("tempdir");
        let elsewhere = tempfile::tempdir().expect("tempdir");
        let spawn = |dir: &Path| {
            std::process::Command::new("sleep")
                .arg("5")
                .current_dir(dir)
                .process_group(0)
                .spawn()
                .expect("sleep")
        };
        let mut inside = spawn(run_dir.path());
        let mut outside = spawn(elsewhere.path());
        let reg = Registry {
            own: Vec::new(),
            live: vec![Live {
                id: 7,
                leader: u32::MAX,
                start: 1,
                known: Vec::new(),
                record: None,
                dir: run_dir.path().canonicalize().ok(),
            }],
        };
        let procs: Vec<Stat> = [inside.id(), outside.id()]
            .iter()
            .filter_map(|&p| procfs::stat(p))
            .collect();
        let claimed: Vec<u32> = owned_by(&reg, &procs, 7).iter().map(|s| s.pid).collect();
        for child in [&mut inside, &mut outside] {
            let _ = child.kill();
            let _ = child.wait();
        }
        assert_eq!(claimed, [inside.id()]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_run_is_live_until_dropped_and_its_leader_is_its_member() {
        let (mut child, run) = start_run(
            || std::process::Command::new("sleep").arg("5").spawn(),
            std::process::Child::id,
            None,
            Path::new("/"),
        )
        .expect("spawn");
        assert!(registry().live.iter().any(|l| l.id == run.id));
        assert!(run.members().contains(&child.id()));
        let _ = child.kill();
        let _ = child.wait();
        release(child.id());
        let id = run.id;
        drop(run);
        assert!(!registry().live.iter().any(|l| l.id == id));
    }
}
