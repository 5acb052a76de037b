//! Run directories that say who owns them, and clean-up of those a dead microlings left.
//!
//! Every run directory holds [`RECORD`]: the owning microlings' pid and start time, then one
//! line per process group started in it with that run's tag. A microlings killed with SIGKILL
//! cannot clean up; the next microlings command calls [`clean_stale`], which kills whatever
//! still carries a dead owner's tags and removes its directories.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The file in a run directory that names its owner and its process groups.
pub const RECORD: &str = ".microlings-run";
/// A directory without a record (left by an older microlings) is removed once it is this old.
const UNRECORDED_AGE: Duration = Duration::from_secs(3600);

/// Creates a run directory under `scratch`, removed when the returned value is dropped.
pub fn create(scratch: &Path, prefix: &str) -> std::io::Result<tempfile::TempDir> {
    std::fs::create_dir_all(scratch)?;
    let dir = tempfile::Builder::new()
        .prefix(prefix)
        .tempdir_in(scratch)?;
    std::fs::write(dir.path().join(RECORD), owner_line())?;
    Ok(dir)
}

fn owner_line() -> String {
    let pid = std::process::id();
    format!("owner {pid} {}\n", start_time(pid).unwrap_or(0))
}

/// Appends a process group and its run tag to `dir`'s record, when `dir` is a run directory.
pub fn record_group(dir: &Path, pgid: u32, tag: &str) {
    let path = dir.join(RECORD);
    if let Ok(mut f) = std::fs::OpenOptions::new().append(true).open(&path) {
        // Best effort: without the line only the clean-up after a crash is lost.
        let _ = writeln!(f, "group {pgid} {tag}");
    }
}

/// A process's start time in clock ticks since boot (Linux), to tell a live owner from a
/// reused pid.
fn start_time(pid: u32) -> Option<u64> {
    let stat = crate::fsutil::read_proc_text(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    // Field 22 overall; the 20th after the command name.
    rest.split_whitespace().nth(19)?.parse().ok()
}

/// What a record says.
#[derive(Debug, Default, PartialEq, Eq)]
struct Record {
    owner: Option<(u32, u64)>,
    groups: Vec<(u32, String)>,
}

fn parse(text: &str) -> Record {
    let mut r = Record::default();
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        match parts.as_slice() {
            ["owner", pid, start] => {
                if let (Ok(p), Ok(s)) = (pid.parse(), start.parse()) {
                    r.owner = Some((p, s));
                }
            }
            ["group", pgid, tag] => {
                if let Ok(g) = pgid.parse() {
                    r.groups.push((g, tag.to_string()));
                }
            }
            _ => {}
        }
    }
    r
}

fn owner_alive(owner: (u32, u64)) -> bool {
    if cfg!(target_os = "linux") {
        start_time(owner.0) == Some(owner.1)
    } else {
        // Without /proc the owner cannot be told from a reused pid: keep the directory.
        true
    }
}

/// What [`clean_stale`] did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// Run directories removed.
    pub dirs: Vec<PathBuf>,
    /// Processes killed.
    pub processes: usize,
}

/// Removes run directories under `scratch` whose microlings is gone, killing first every
/// process that still carries one of their run tags (the recorded process groups and
/// anything that escaped them). Never fails: a leftover it cannot remove stays.
pub fn clean_stale(scratch: &Path) -> Cleaned {
    let mut cleaned = Cleaned::default();
    let Ok(entries) = std::fs::read_dir(scratch) else {
        return cleaned;
    };
    let mut stale_tags: Vec<String> = Vec::new();
    let mut stale_groups: Vec<u32> = Vec::new();
    let mut dirs = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        match crate::fsutil::read_text_capped(&path.join(RECORD), 1 << 20) {
            Ok(text) => {
                let record = parse(&text);
                if record.owner.is_some_and(owner_alive) {
                    continue;
                }
                for (pgid, tag) in record.groups {
                    stale_groups.push(pgid);
                    stale_tags.push(tag);
                }
                dirs.push(path);
            }
            Err(_) => {
                let old = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| SystemTime::now().duration_since(t).ok())
                    .is_some_and(|age| age > UNRECORDED_AGE);
                if old {
                    dirs.push(path);
                }
            }
        }
    }
    if !stale_tags.is_empty() {
        cleaned.processes = kill_tagged(&stale_tags, &stale_groups);
    }
    for dir in dirs {
        if std::fs::remove_dir_all(&dir).is_ok() {
            cleaned.dirs.push(dir);
        }
    }
    cleaned
}

/// Kills every process whose environment carries one of `tags`, and the recorded groups that
/// still hold such a process (a pgid alone may have been reused). Returns how many processes.
#[cfg(target_os = "linux")]
fn kill_tagged(tags: &[String], groups: &[u32]) -> usize {
    use super::reaper::{RUN_VAR, env_value};
    let mut killed = 0;
    let mut live_groups = Vec::new();
    let me = std::process::id();
    for (pid, _, pgrp) in super::reaper::linux_processes() {
        if pid == me {
            continue;
        }
        let environ = crate::fsutil::read_proc(format!("/proc/{pid}/environ")).unwrap_or_default();
        let tagged =
            env_value(&environ, RUN_VAR).is_some_and(|v| tags.iter().any(|t| t.as_bytes() == v));
        if tagged {
            // SAFETY: kill has no memory-safety preconditions; the tag identifies the process.
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
            killed += 1;
            if groups.contains(&pgrp) && !live_groups.contains(&pgrp) {
                live_groups.push(pgrp);
            }
        }
    }
    for pgrp in live_groups {
        // SAFETY: as above; the group still held a tagged process a moment ago.
        unsafe {
            libc::killpg(pgrp as libc::pid_t, libc::SIGKILL);
        }
    }
    killed
}

#[cfg(not(target_os = "linux"))]
fn kill_tagged(_tags: &[String], _groups: &[u32]) -> usize {
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_names_its_owner_and_groups() {
        let r = parse("owner 12 345\ngroup 77 12.1\ngroup 78 12.2\nnonsense\n");
        assert_eq!(r.owner, Some((12, 345)));
        assert_eq!(r.groups, [(77, "12.1".into()), (78, "12.2".into())]);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn only_directories_of_a_dead_owner_are_removed() {
        let scratch = tempfile::tempdir().expect("tempdir");
        let mine = create(scratch.path(), "mine-").expect("create");
        let dead = scratch.path().join("dead-run");
        std::fs::create_dir(&dead).expect("mkdir");
        // pid 0 is never a process: this owner is gone.
        std::fs::write(dead.join(RECORD), "owner 0 1\ngroup 999999 0.0\n").expect("write");
        let cleaned = clean_stale(scratch.path());
        assert_eq!(cleaned.dirs, std::slice::from_ref(&dead));
        assert!(!dead.exists());
        assert!(mine.path().exists());
    }
}
