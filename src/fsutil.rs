//! Small file-system helpers shared by the stores.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` so that readers see either the old file or the whole new one, and
/// the new one survives a crash: write a temporary file next to it, fsync it, rename it over the
/// target. For the learner's progress and files.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_via_temp(path, bytes, true)
}

/// Like [`write_atomic`] without the fsync: never half-written, but a crash may lose it. For
/// caches, where a lost file only costs a recomputation, and an fsync (several milliseconds on
/// a busy disk) would be most of a cached check's time.
pub fn write_replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_via_temp(path, bytes, false)
}

/// What kind of file `meta` describes, for messages: "a directory", "a FIFO (named pipe)",
/// "a socket", "a device", ...
pub fn kind_of(meta: &fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    if t.is_file() {
        return "a regular file";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// Opens `path` for reading when it is a regular file. Opened with `O_NONBLOCK` (opening a
/// FIFO would otherwise wait for a writer for ever) and `O_NOCTTY` (a terminal device never
/// becomes microlings' controlling terminal); the type is checked on the descriptor, not the
/// path, so the file cannot be swapped between the check and the read. Returns the file and
/// its metadata.
pub fn open_regular(path: &Path) -> io::Result<(fs::File, fs::Metadata)> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("it is {}, not a regular file", kind_of(&meta)),
        ));
    }
    #[cfg(unix)]
    {
        // Back to blocking reads, as a program reading it on stdin expects.
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        // SAFETY: fcntl on a descriptor this function owns; no pointers involved.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
    }
    Ok((file, meta))
}

/// Reads `path` when it is a regular file of at most `max` bytes: the one way microlings
/// reads a file (clippy's `disallowed-methods` forbids `fs::read` and its kin elsewhere).
/// Anything else is an error that says what it is: a FIFO (never waited on), a socket, a
/// device, a directory, or a file larger than `max` (never allocated: a 100 GB sparse file
/// is refused by its size, and a file that grows while read stops at `max + 1` bytes).
pub fn read_regular_capped(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let (file, meta) = open_regular(path)?;
    let too_large = |size: u64| {
        io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!(
                "it is {}, more than the {} microlings reads from such a file",
                size_words(size),
                size_words(max)
            ),
        )
    };
    if meta.len() > max {
        return Err(too_large(meta.len()));
    }
    // Files in /proc say 0 bytes and have more: the cap holds for them too.
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    io::Read::read_to_end(
        &mut io::Read::take(&file, max.saturating_add(1)),
        &mut bytes,
    )?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// [`read_regular_capped`] for a text file: invalid UTF-8 is an error.
pub fn read_text_capped(path: &Path, max: u64) -> io::Result<String> {
    String::from_utf8(read_regular_capped(path, max)?).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "it is not UTF-8 text (byte {})",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Whether a file can be created in `dir` (created first if need be), or, when `dir` cannot
/// be created, in its nearest existing ancestor: false for a read-only file system, a
/// directory without permission, or a path through a regular file. Tries for real (root
/// ignores permission bits, not a read-only mount).
pub fn writable_dir(dir: &Path) -> bool {
    if fs::create_dir_all(dir).is_ok() {
        return tempfile::tempfile_in(dir).is_ok();
    }
    false
}

/// Files of `/proc` are read up to this size (a table of every socket can be megabytes).
const MAX_PROC_BYTES: u64 = 64 << 20;

/// Reads a file of `/proc` (`/proc/<pid>/stat`, `environ`, `/proc/net/tcp`...) through
/// [`read_regular_capped`].
pub fn read_proc(path: impl AsRef<Path>) -> io::Result<Vec<u8>> {
    read_regular_capped(path.as_ref(), MAX_PROC_BYTES)
}

/// [`read_proc`] as text (the kernel writes ASCII; anything else is lossily decoded).
pub fn read_proc_text(path: impl AsRef<Path>) -> io::Result<String> {
    read_proc(path).map(|b| String::from_utf8_lossy(&b).into_owned())
}

/// A size for people: "512 bytes", "3.2 MiB", "100.0 GiB".
fn size_words(bytes: u64) -> String {
    const KIB: u64 = 1 << 10;
    const MIB: u64 = 1 << 20;
    const GIB: u64 = 1 << 30;
    let f = bytes as f64;
    match bytes {
        0..KIB => format!("{bytes} bytes"),
        KIB..MIB => format!("{:.1} KiB", f / KIB as f64),
        MIB..GIB => format!("{:.1} MiB", f / MIB as f64),
        _ => format!("{:.1} GiB", f / GIB as f64),
    }
}

fn write_via_temp(path: &Path, bytes: &[u8], durable: bool) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".tmp-").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if durable {
        tmp.as_file().sync_all()?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself survives a crash only once the directory is synced.
    #[cfg(unix)]
    #[allow(clippy::disallowed_methods)] // a directory, opened only to fsync it
    if durable && let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_writers_replace_the_whole_file_and_leave_no_temporary_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/file.json");
        write_atomic(&path, b"one").expect("write");
        write_replace(&path, b"two").expect("write");
        assert_eq!(read_regular_capped(&path, 3).expect("read"), b"two");
        let names: Vec<_> = fs::read_dir(path.parent().expect("parent"))
            .expect("dir")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["file.json"]);
    }

    #[test]
    fn only_regular_files_within_the_cap_are_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f");
        write_replace(&path, b"12345").expect("write");
        assert_eq!(read_regular_capped(&path, 5).expect("read"), b"12345");
        let e = read_regular_capped(&path, 4).expect_err("too large");
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert!(
            e.to_string().contains("5 bytes, more than the 4 bytes"),
            "{e}"
        );
        let e = read_regular_capped(dir.path(), 100).expect_err("a directory");
        assert!(e.to_string().contains("a directory"), "{e}");
        write_replace(&path, b"\xff").expect("write");
        assert!(read_text_capped(&path, 5).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_at_once_and_a_sparse_giant_by_its_size() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).expect("path");
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read_regular_capped(&fifo, 100).expect_err("a FIFO");
        assert!(e.to_string().contains("FIFO"), "{e}");
        let sparse = dir.path().join("sparse");
        let file = fs::File::create(&sparse).expect("create");
        file.set_len(100 << 30).expect("a 100 GiB hole");
        let e = read_regular_capped(&sparse, 1 << 20).expect_err("too large");
        assert!(
            e.to_string().contains("100.0 GiB, more than the 1.0 MiB"),
            "{e}"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn proc_files_that_say_zero_bytes_are_read_whole() {
        let stat = read_text_capped(Path::new("/proc/self/stat"), 1 << 16).expect("stat");
        assert!(stat.contains(&std::process::id().to_string()));
    }
}
