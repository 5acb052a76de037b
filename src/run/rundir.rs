//! Run directories that say who owns them, and clean-up of those a dead microlings left.
//!
//! A run directory `<scratch>/<name>/` is the learner's program's: its working directory,
//! which it may fill, empty or booby-trap. What microlings keeps about the run lives beside it,
//! in `<scratch>/<name>.microlings/`, out of the program's way: the record [`RECORD`] (the
//! owning microlings' pid and start time, then the run's sessions and processes, pid and start
//! time, as they are seen) and the files a run reads from (a case's stdin). The record is also
//! held open and only ever appended through that descriptor, so a program that replaces it
//! changes nothing.
//!
//! The record is microlings' marker: [`clean_stale`] removes only directories that carry one
//! (a directory in the scratch space without it, like a learner's `~/tmp` when the data
//! directory is `~`, is never touched), and only when its owner is gone, after stopping every
//! process the record names that is still the same process (same pid *and* start time).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The record's file name, inside a run's private directory.
pub const RECORD: &str = "record";
/// The suffix of a run's private directory: `<name>.microlings`.
pub const PRIVATE_SUFFIX: &str = ".microlings";
/// The record an older microlings kept inside the run directory itself (still cleaned up).
const LEGACY_RECORD: &str = ".microlings-run";
/// The first line of every record.
const HEADER: &str = "microlings-run 2";

/// A run's record, held open for appending.
#[derive(Debug)]
pub struct Record {
    file: Mutex<File>,
}

impl Record {
    fn line(&self, line: &str) {
        if let Ok(mut f) = self.file.lock() {
            // Best effort: without the line only the clean-up after a crash is lost.
            let _ = writeln!(f, "{line}");
        }
    }

    /// A run's main process leads session `sid`, started at `start` (0: unknown).
    pub fn session(&self, sid: u32, start: u64) {
        self.line(&format!("session {sid} {start}"));
    }

    /// A process of the run, by pid and start time.
    pub fn member(&self, pid: u32, start: u64) {
        self.line(&format!("member {pid} {start}"));
    }
}

/// Records of the run directories this microlings has open, by directory.
static OPEN: Mutex<Vec<(PathBuf, Arc<Record>)>> = Mutex::new(Vec::new());

fn open_records() -> std::sync::MutexGuard<'static, Vec<(PathBuf, Arc<Record>)>> {
    OPEN.lock().unwrap_or_else(|e| e.into_inner())
}

/// The record of the run directory `dir`, when `dir` is one of this microlings' (a toolchain
/// probe, run in the system temp directory, has none).
pub fn record_for(dir: &Path) -> Option<Arc<Record>> {
    open_records()
        .iter()
        .find(|(d, _)| d == dir)
        .map(|(_, r)| Arc::clone(r))
}

/// A run directory and its private directory, removed when dropped.
#[derive(Debug)]
pub struct RunDir {
    dir: Option<tempfile::TempDir>,
    private: PathBuf,
}

impl RunDir {
    /// The learner's program's directory.
    pub fn path(&self) -> &Path {
        self.dir.as_ref().map_or(Path::new(""), |d| d.path())
    }

    /// A file in the run's private directory (out of the program's way), for `name`.
    pub fn private_file(&self, name: &str) -> PathBuf {
        self.private.join(name)
    }

    /// Writes `bytes` to a fresh private file `name`, replacing whatever is there (a FIFO or a
    /// symlink a program put in its place is removed, never opened). Returns its path.
    pub fn write_private(&self, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let path = self.private_file(name);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        // create_new: O_EXCL, which neither follows a symlink nor opens a FIFO.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?
            .write_all(bytes)?;
        Ok(path)
    }
}

impl Drop for RunDir {
    fn drop(&mut self) {
        let dir = self.path().to_path_buf();
        open_records().retain(|(d, _)| *d != dir);
        // The learner's directory first: the record marks it until it is gone, so one that
        // cannot be removed now is removed by a later command.
        let gone = match self.dir.take() {
            Some(d) => d.close().is_ok() || !dir.exists(),
            None => true,
        };
        if gone {
            let _ = std::fs::remove_dir_all(&self.private);
        }
    }
}

/// Creates a run directory under `scratch`, with its private directory and record.
pub fn create(scratch: &Path, prefix: &str) -> std::io::Result<RunDir> {
    std::fs::create_dir_all(scratch)?;
    let dir = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in(scratch)?;
    let private = private_of(dir.path());
    std::fs::create_dir(&private)?;
    let run = RunDir {
        dir: Some(dir),
        private,
    };
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create_new(true)
        .open(run.private.join(RECORD))?;
    writeln!(file, "{HEADER}\n{}", owner_line())?;
    open_records().push((
        run.path().to_path_buf(),
        Arc::new(Record {
            file: Mutex::new(file),
        }),
    ));
    Ok(run)
}

fn private_of(dir: &Path) -> PathBuf {
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(PRIVATE_SUFFIX);
    dir.with_file_name(name)
}

/// `owner <pid> <start>`; the start time is `?` where `/proc` cannot say, never 0.
fn owner_line() -> String {
    let pid = std::process::id();
    match super::procfs::start_time(pid) {
        Some(start) => format!("owner {pid} {start}"),
        None => format!("owner {pid} ?"),
    }
}

/// What a record says.
#[derive(Debug, Default, PartialEq, Eq)]
struct Parsed {
    /// The owner's pid and start time (`None`: unknown).
    owner: Option<(u32, Option<u64>)>,
    /// Sessions the run's main processes led, with their start times.
    sessions: Vec<(u32, u64)>,
    /// Processes seen as the run's.
    members: Vec<(u32, u64)>,
}

fn parse(text: &str) -> Parsed {
    let mut r = Parsed::default();
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let num = |s: &str| s.parse::<u64>().ok();
        match parts.as_slice() {
            ["owner", pid, start] => {
                if let Ok(p) = pid.parse() {
                    r.owner = Some((p, num(start).filter(|&s| s != 0)));
                }
            }
            ["session", sid, start] => {
                if let (Ok(s), Some(t)) = (sid.parse(), num(start)) {
                    r.sessions.push((s, t));
                }
            }
            ["member", pid, start] => {
                if let (Ok(p), Some(t)) = (pid.parse(), num(start)) {
                    r.members.push((p, t));
                }
            }
            _ => {}
        }
    }
    r
}

/// Whether the owner is still running. Unsure (no start time recorded, or none readable now)
/// counts as alive when the pid exists: a live run is never taken for a stale one.
fn owner_alive(owner: (u32, Option<u64>)) -> bool {
    let (pid, start) = owner;
    match (start, super::procfs::start_time(pid)) {
        (Some(recorded), Some(now)) => recorded == now,
        _ => super::procfs::exists(pid),
    }
}

/// Reads a record without ever blocking: a FIFO or a device put in its place is refused, and
/// so is anything large.
fn read_record(path: &Path) -> Option<String> {
    use std::io::Read;
    const MAX: u64 = 1 << 20;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_NOFOLLOW);
    }
    let file = options.open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() > MAX {
        return None;
    }
    let mut text = String::new();
    file.take(MAX).read_to_string(&mut text).ok()?;
    Some(text)
}

/// What [`clean_stale`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// Run directories removed.
    pub dirs: Vec<PathBuf>,
    /// Processes killed.
    pub processes: usize,
}

/// Removes the run directories under `scratch` that carry microlings' record and whose
/// microlings is gone, stopping first every process their records name. Never fails: a
/// leftover it cannot remove stays. A directory without a record is never touched.
pub fn clean_stale(scratch: &Path) -> Cleaned {
    let mut cleaned = Cleaned::default();
    let Ok(entries) = std::fs::read_dir(scratch) else {
        return cleaned;
    };
    let mut sessions = Vec::new();
    let mut members = Vec::new();
    let mut remove = Vec::new();
    for entry in entries.flatten() {
        // Never follow a symlink out of the scratch space.
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        let (record, dirs) = match name.strip_suffix(PRIVATE_SUFFIX) {
            Some(run) => (path.join(RECORD), vec![scratch.join(run), path.clone()]),
            None => (path.join(LEGACY_RECORD), vec![path.clone()]),
        };
        let Some(text) = read_record(&record) else {
            continue;
        };
        let parsed = parse(&text);
        let legacy = name.strip_suffix(PRIVATE_SUFFIX).is_none();
        if !(legacy || text.starts_with(HEADER)) {
            continue;
        }
        match parsed.owner {
            Some(owner) if !owner_alive(owner) => {}
            _ => continue,
        }
        sessions.extend(parsed.sessions);
        members.extend(parsed.members);
        remove.extend(dirs);
    }
    cleaned.processes = kill_recorded(&sessions, &members);
    for dir in remove {
        let is_dir = std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir());
        if is_dir && std::fs::remove_dir_all(&dir).is_ok() {
            cleaned.dirs.push(dir);
        }
    }
    cleaned
}

/// Stops and kills every process that is still one a record named (same pid and start time),
/// in a recorded session that began with the run, or descends from such a process; pass after
/// pass until none is left (at most two seconds). Returns how many it killed.
#[cfg(target_os = "linux")]
fn kill_recorded(sessions: &[(u32, u64)], members: &[(u32, u64)]) -> usize {
    use std::time::{Duration, Instant};
    if sessions.is_empty() && members.is_empty() {
        return 0;
    }
    let me = std::process::id();
    let until = Instant::now() + Duration::from_secs(2);
    let mut killed = 0;
    loop {
        let procs = super::procfs::processes();
        let named = |s: &super::procfs::Stat| {
            members.contains(&(s.pid, s.start))
                || sessions
                    .iter()
                    .any(|&(sid, start)| s.sid == sid && s.start >= start)
        };
        let mut targets: Vec<u32> = procs.iter().filter(|s| named(s)).map(|s| s.pid).collect();
        // Their descendants too, whatever session they moved to.
        loop {
            let more: Vec<u32> = procs
                .iter()
                .filter(|s| targets.contains(&s.ppid) && !targets.contains(&s.pid))
                .map(|s| s.pid)
                .collect();
            if more.is_empty() {
                break;
            }
            targets.extend(more);
        }
        let running: Vec<u32> = procs
            .iter()
            .filter(|s| targets.contains(&s.pid) && !s.is_zombie() && s.pid != me)
            .map(|s| s.pid)
            .collect();
        if running.is_empty() || Instant::now() >= until {
            return killed;
        }
        for sig in [libc::SIGSTOP, libc::SIGKILL] {
            for &pid in &running {
                // SAFETY: kill has no memory-safety preconditions; pid and start time were
                // just matched.
                unsafe { libc::kill(pid as libc::pid_t, sig) };
            }
        }
        killed += running.len();
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[cfg(not(target_os = "linux"))]
fn kill_recorded(_sessions: &[(u32, u64)], _members: &[(u32, u64)]) -> usize {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_names_its_owner_sessions_and_members() {
        let r = parse("microlings-run 2\nowner 12 345\nsession 77 400\nmember 78 401\nnonsense\n");
        assert_eq!(r.owner, Some((12, Some(345))));
        assert_eq!(r.sessions, [(77, 400)]);
        assert_eq!(r.members, [(78, 401)]);
        // An unknown start time is unknown, never 0.
        assert_eq!(parse("owner 12 ?\n").owner, Some((12, None)));
        assert_eq!(parse("owner 12 0\n").owner, Some((12, None)));
    }

    #[cfg(unix)]
    #[test]
    fn an_owner_without_a_start_time_is_alive_while_its_pid_is() {
        // Our parent (the test harness's parent) is alive; pid 0 never is a process.
        let parent = std::os::unix::process::parent_id();
        assert!(owner_alive((parent, None)));
        assert!(!owner_alive((0, None)));
        // Our own pid with another start time is a dead microlings whose pid we reused.
        let me = std::process::id();
        if let Some(start) = crate::run::procfs::start_time(me) {
            assert!(owner_alive((me, Some(start))));
            assert!(!owner_alive((me, Some(start + 1))));
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn only_marked_directories_of_a_dead_owner_are_removed() {
        let scratch = tempfile::tempdir().expect("tempdir");
        let mine = create(scratch.path(), "mine-").expect("create");
        assert!(mine.private_file(RECORD).is_file());
        assert!(record_for(mine.path()).is_some());
        // A dead owner's run: its directory and its private directory go.
        let dead = scratch.path().join("dead-run");
        let dead_private = scratch.path().join(format!("dead-run{PRIVATE_SUFFIX}"));
        std::fs::create_dir(&dead).expect("mkdir");
        std::fs::create_dir(&dead_private).expect("mkdir");
        std::fs::write(
            dead_private.join(RECORD),
            format!("{HEADER}\nowner 0 1\nmember 999999 1\n"),
        )
        .expect("write");
        // Old, unmarked, and a FIFO where a record would be: all left alone.
        let unmarked = scratch.path().join("learners-own");
        std::fs::create_dir(&unmarked).expect("mkdir");
        let trap = scratch.path().join(format!("trap{PRIVATE_SUFFIX}"));
        std::fs::create_dir(&trap).expect("mkdir");
        let fifo =
            std::ffi::CString::new(trap.join(RECORD).to_string_lossy().as_bytes()).expect("path");
        // SAFETY: mkfifo on a NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        let cleaned = clean_stale(scratch.path());
        let mut removed = cleaned.dirs.clone();
        removed.sort();
        assert_eq!(removed, [dead.clone(), dead_private.clone()]);
        assert!(mine.path().exists() && unmarked.exists() && trap.exists());
        let private = mine.private_file("");
        drop(mine);
        assert!(!private.exists());
    }
}
