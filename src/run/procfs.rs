//! What the operating system can tell about a running process group: its members, their
//! resident memory and the TCP ports they listen on. Linux reads `/proc`; macOS asks `ps` for
//! memory; elsewhere the answers are "unknown" (`None`), never a guess.

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

/// The ids of every process in process group `pgid` (Linux; empty elsewhere).
pub fn group_members(pgid: u32) -> Vec<u32> {
    #[cfg(target_os = "linux")]
    {
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
            .filter(|&pid| stat_pgrp(pid) == Some(pgid))
            .collect()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pgid;
        Vec::new()
    }
}

/// The process group of `pid`, from `/proc/<pid>/stat`.
#[cfg(target_os = "linux")]
fn stat_pgrp(pid: u32) -> Option<u32> {
    let stat = crate::fsutil::read_proc_text(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may contain spaces: fields start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 1..];
    // state ppid pgrp ...
    rest.split_whitespace().nth(2)?.parse().ok()
}

/// Resident memory of the whole process group in KiB: the sum of every member's VmRSS on
/// Linux, `ps` on macOS, `None` where neither is available.
pub fn group_rss_kib(pgid: u32) -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let mut total = 0;
        let mut any = false;
        for pid in group_members(pgid) {
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
        let out = std::process::Command::new("ps")
            .args(["-A", "-o", "pgid=,rss="])
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&out.stdout);
        let mut total = 0;
        let mut any = false;
        for line in text.lines() {
            let mut parts = line.split_whitespace();
            if parts.next().and_then(|p| p.parse::<u32>().ok()) == Some(pgid)
                && let Some(kib) = parts.next().and_then(|r| r.parse::<u64>().ok())
            {
                total += kib;
                any = true;
            }
        }
        any.then_some(total)
    }
    #[cfg(not(any(target_os = "linux", target_os = "macos")))]
    {
        let _ = pgid;
        None
    }
}

/// The TCP ports the process group listens on (Linux; `None` elsewhere): matched by socket
/// inode between `/proc/<pid>/fd` and `/proc/net/tcp{,6}`.
pub fn group_listeners(pgid: u32) -> Option<Vec<Listener>> {
    #[cfg(target_os = "linux")]
    {
        use std::collections::BTreeSet;
        let mut inodes = BTreeSet::new();
        for pid in group_members(pgid) {
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
        let _ = pgid;
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
    fn a_listener_in_our_own_group_is_found() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        // SAFETY: getpgrp has no preconditions.
        let pgid = unsafe { libc::getpgrp() } as u32;
        let found = group_listeners(pgid).expect("linux");
        assert!(found.iter().any(|l| l.port == port), "{found:?}");
        assert!(group_rss_kib(pgid).is_some_and(|k| k > 0));
    }
}
