//! What the operating system can tell about processes: who they are (`/proc/<pid>/stat`,
//! parsed here and nowhere else), their resident memory and the TCP ports they listen on.
//! Linux reads `/proc`; macOS asks `ps` for memory; elsewhere the answers are "unknown"
//! (`None`), never a guess.

/// One listening TCP socket.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Listener {
    /// The local address as text: `127.0.0.1`, `0.0.0.0`, `::1`, `::`.
    pub address: String,
    /// The local port.
    pub port: u16,
}

impl Listener {
    /// `127.0.0.1:8080` or `[::1]:8080`.
    pub fn display(&self) -> String {
        if self.address.contains(':') {
            format!("[{}]:{}", self.address, self.port)
        } else {
            format!("{}:{}", self.address, self.port)
        }
    }
}

/// What microlings needs of one process, from `/proc/<pid>/stat` (the one parser of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    /// The process id.
    pub pid: u32,
    /// Its state letter: `R`, `S`, `T` (stopped), `Z` (exited, not yet reaped)...
    pub state: u8,
    /// Its parent's id (0 when the parent is outside the reader's PID namespace).
    pub ppid: u32,
    /// Its process group.
    pub pgrp: u32,
    /// Its session.
    pub sid: u32,
    /// When it started, in clock ticks since boot: with the pid, what tells a process from a
    /// later one that reused its id.
    pub start: u64,
}

impl Stat {
    /// Whether it has exited and waits to be reaped.
    pub fn is_zombie(&self) -> bool {
        self.state == b'Z'
    }
}

/// Parses the text of `/proc/<pid>/stat`.
pub fn parse_stat(pid: u32, text: &str) -> Option<Stat> {
    // The command name is in parentheses and may hold spaces and ')': fields start after the
    // last ')'.
    let rest = &text[text.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
    // cutime cstime priority nice num_threads itrealvalue starttime
    Some(Stat {
        pid,
        state: *fields.first()?.as_bytes().first()?,
        ppid: fields.get(1)?.parse().ok()?,
        pgrp: fields.get(2)?.parse().ok()?,
        sid: fields.get(3)?.parse().ok()?,
        start: fields.get(19)?.parse().ok()?,
    })
}

/// `pid`'s [`Stat`] (Linux; `None` elsewhere or when it is gone).
pub fn stat(pid: u32) -> Option<Stat> {
    #[cfg(target_os = "linux")]
    {
        let text = crate::fsutil::read_proc_text(format!("/proc/{pid}/stat")).ok()?;
        parse_stat(pid, &text)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        None
    }
}

/// `pid`'s start time in clock ticks since boot (Linux), see [`Stat::start`].
pub fn start_time(pid: u32) -> Option<u64> {
    stat(pid).map(|s| s.start)
}

/// Every process this process can see (Linux; empty elsewhere).
pub fn processes() -> Vec<Stat> {
    #[cfg(target_os = "linux")]
    {
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
            .filter_map(stat)
            .collect()
    }
    #[cfg(not(target_os = "linux"))]
    {
        Vec::new()
    }
}

/// Whether a process with this id exists (a zombie counts); `kill(pid, 0)` on Unix, so it
/// works without `/proc`.
pub fn exists(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(p) = libc::pid_t::try_from(pid) else {
            return false;
        };
        if p <= 0 {
            return false;
        }
        // SAFETY: signal 0 only asks whether the process exists.
        if unsafe { libc::kill(p, 0) } == 0 {
            return true;
        }
        // EPERM: it exists, it is someone else's.
        std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Resident memory of these processes in KiB: the sum of every one's VmRSS on Linux, `ps` on
/// macOS, `None` where neither is available.
pub fn rss_kib(pids: &[u32]) -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let mut total = 0;
        let mut any = false;
        for pid in pids {
            let Ok(status) = crate::fsutil::read_proc_text(format!("/proc/{pid}/status")) else {
                continue;
            };
            if let Some(kib) = status
                .lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
            {
                total += kib;
                any = true;
            }
        }
        any.then_some(total)
    }
    #[cfg(target_os = "macos")]
    {
        if pids.is_empty() {
            return None;
        }
        let list: Vec<String> = pids.iter().map(u32::to_string).collect();
        let out = std::process::Command::new("ps")
            .args(["-o", "rss=", "-p", &list.join(",")])
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&out.stdout);
        let kib: Vec<u64> = text
            .lines()
            .filter_map(|l| l.trim().parse::<u64>().ok())
            .collect();
        (!kib.is_empty()).then(|| kib.iter().sum())
    }
    #[cfg(not(any(target_os = "linux", target_os = "macos")))]
    {
        let _ = pids;
        None
    }
}

/// The TCP ports these processes listen on (Linux; `None` elsewhere): matched by socket
/// inode between `/proc/<pid>/fd` and `/proc/net/tcp{,6}`.
pub fn listeners(pids: &[u32]) -> Option<Vec<Listener>> {
    #[cfg(target_os = "linux")]
    {
        use std::collections::BTreeSet;
        let mut inodes = BTreeSet::new();
        for pid in pids {
            let Ok(fds) = std::fs::read_dir(format!("/proc/{pid}/fd")) else {
                continue;
            };
            for fd in fds.flatten() {
                if let Ok(target) = std::fs::read_link(fd.path())
                    && let Some(inode) = target
                        .to_str()
                        .and_then(|t| t.strip_prefix("socket:["))
                        .and_then(|t| t.strip_suffix(']'))
                {
                    inodes.insert(inode.to_string());
                }
            }
        }
        let mut found = BTreeSet::new();
        for (file, v6) in [("/proc/net/tcp", false), ("/proc/net/tcp6", true)] {
            let Ok(table) = crate::fsutil::read_proc_text(file) else {
                continue;
            };
            for line in table.lines().skip(1) {
                let f: Vec<&str> = line.split_whitespace().collect();
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if f.len() > 9
                    && f[3] == "0A"
                    && inodes.contains(f[9])
                    && let Some(l) = parse_local(f[1], v6)
                {
                    found.insert(l);
                }
            }
        }
        Some(found.into_iter().collect())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pids;
        None
    }
}

/// Parses `0100007F:1F90` (little-endian words) into an address and port.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn parse_local(field: &str, v6: bool) -> Option<Listener> {
    let (addr, port) = field.split_once(':')?;
    let port = u16::from_str_radix(port, 16).ok()?;
    let address = if v6 {
        if addr.len() != 32 {
            return None;
        }
        let mut bytes = [0u8; 16];
        for (i, chunk) in bytes.chunks_mut(4).enumerate() {
            let word = u32::from_str_radix(&addr[i * 8..i * 8 + 8], 16).ok()?;
            chunk.copy_from_slice(&word.to_le_bytes());
        }
        std::net::Ipv6Addr::from(bytes).to_string()
    } else {
        let word = u32::from_str_radix(addr, 16).ok()?;
        std::net::Ipv4Addr::from(word.to_le_bytes()).to_string()
    };
    Some(Listener { address, port })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_net_addresses_are_decoded() {
        let l = parse_local("0100007F:1F90", false).expect("v4");
        assert_eq!(l.display(), "127.0.0.1:8080");
        let l = parse_local("00000000000000000000000001000000:0050", true).expect("v6");
        assert_eq!(l.display(), "[::1]:80");
        let l = parse_local("00000000000000000000000000000000:0050", true).expect("v6 any");
        assert_eq!(l.address, "::");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn our_own_listener_and_memory_are_found() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let me = [std::process::id()];
        let found = listeners(&me).expect("linux");
        assert!(found.iter().any(|l| l.port == port), "{found:?}");
        assert!(rss_kib(&me).is_some_and(|k| k > 0));
    }

    #[test]
    fn a_stat_line_with_spaces_and_parentheses_in_the_name_is_parsed() {
        let line = "42 (a (b) c) S 7 42 40 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 12345 1 2 3";
        let s = parse_stat(42, line).expect("parsed");
        assert_eq!((s.ppid, s.pgrp, s.sid, s.start), (7, 42, 40, 12345));
        assert_eq!(s.state, b'S');
        assert!(!s.is_zombie());
        assert_eq!(parse_stat(1, "1 (x) S 0"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn we_see_ourselves_with_a_start_time() {
        let me = stat(std::process::id()).expect("our own stat");
        assert!(me.start > 0);
        assert!(processes().iter().any(|p| p.pid == me.pid));
        assert!(exists(me.pid));
        assert!(!exists(0));
    }
}
