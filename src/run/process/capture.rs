//! Reading a child's output on threads: how much of each stream is kept, and what was kept so
//! far, taken without waiting for the pipe to close.

use std::io::{self, Read};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;

use super::Event;

/// How much of a stream is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Capture {
    /// Bytes kept from the start.
    head: usize,
    /// Bytes kept from the end (the rest in between is dropped and counted).
    tail: usize,
    /// Whether more than `head` bytes stops the program (a check's stdout).
    stop: bool,
}

impl Capture {
    /// Keep the first `cap` bytes; more stops the program.
    pub(super) fn stop_at(cap: usize) -> Self {
        Capture {
            head: cap,
            tail: 0,
            stop: true,
        }
    }

    /// Keep the first `cap` bytes and drop the rest, reading on (a service that logs every
    /// request must not block on a full pipe).
    pub(super) fn drain_after(cap: usize) -> Self {
        Capture {
            head: cap,
            tail: 0,
            stop: false,
        }
    }

    /// Keep the first and the last half of `cap` bytes and read on: a flood on stderr is not
    /// the program's output, and where it failed is at the end.
    pub(super) fn head_and_tail(cap: usize) -> Self {
        Capture {
            head: cap / 2,
            tail: cap - cap / 2,
            stop: false,
        }
    }
}

/// What a reader has kept so far; shared, so the end of a run can take it without waiting
/// for the pipe to close.
#[derive(Debug, Default)]
struct Kept {
    head: Vec<u8>,
    tail: std::collections::VecDeque<u8>,
    /// Bytes dropped between head and tail.
    skipped: u64,
}

impl Kept {
    fn push(&mut self, mut bytes: &[u8], capture: Capture) {
        let room = capture.head.saturating_sub(self.head.len());
        let take = bytes.len().min(room);
        self.head.extend_from_slice(&bytes[..take]);
        bytes = &bytes[take..];
        if bytes.is_empty() {
            return;
        }
        if capture.tail == 0 {
            self.skipped += bytes.len() as u64;
            return;
        }
        if bytes.len() >= capture.tail {
            self.skipped += (self.tail.len() + bytes.len() - capture.tail) as u64;
            self.tail.clear();
            self.tail.extend(&bytes[bytes.len() - capture.tail..]);
        } else {
            let overflow = (self.tail.len() + bytes.len()).saturating_sub(capture.tail);
            self.tail.drain(..overflow);
            self.skipped += overflow as u64;
            self.tail.extend(bytes);
        }
    }

    fn take(&mut self) -> Vec<u8> {
        let mut out = std::mem::take(&mut self.head);
        if !self.tail.is_empty() {
            if self.skipped > 0 {
                out.extend_from_slice(
                    format!("\n[... {} bytes not kept ...]\n", self.skipped).as_bytes(),
                );
            }
            out.extend(self.tail.drain(..));
        }
        out
    }
}

/// A reader thread's shared buffer and whether it reached the end of its pipe.
pub(super) struct Reader {
    kept: Arc<Mutex<Kept>>,
    done: Receiver<()>,
}

pub(super) fn spawn_reader<R: Read + Send + 'static>(
    pipe: Option<R>,
    capture: Capture,
    events: Sender<Event>,
) -> io::Result<Option<Reader>> {
    let Some(mut pipe) = pipe else {
        return Ok(None);
    };
    #[cfg(test)]
    if FAIL_NEXT_READER.with(|f| f.replace(false)) {
        return Err(io::Error::other("no thread to spare (test)"));
    }
    let (done_tx, done_rx) = mpsc::channel();
    let kept = Arc::new(Mutex::new(Kept::default()));
    let shared = Arc::clone(&kept);
    thread::Builder::new()
        .name("output-reader".into())
        .spawn(move || {
            let mut buf = [0u8; 64 * 1024];
            loop {
                match pipe.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        let Ok(mut k) = shared.lock() else { break };
                        let over = capture.stop && k.head.len() + n > capture.head;
                        k.push(&buf[..n], capture);
                        drop(k);
                        if over {
                            // Stop reading: the supervisor kills the group.
                            let _ = events.send(Event::OutputTooLarge);
                            break;
                        }
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(_) => break,
                }
            }
            let _ = done_tx.send(());
        })?;
    Ok(Some(Reader {
        kept,
        done: done_rx,
    }))
}

impl Reader {
    /// Whether the reader reached the end of its pipe (or stopped reading).
    pub(super) fn is_done(&self) -> bool {
        !matches!(self.done.try_recv(), Err(mpsc::TryRecvError::Empty))
    }

    /// Waits up to `within` for the end of the pipe; returns whether it came.
    pub(super) fn wait_done(&self, within: std::time::Duration) -> bool {
        !matches!(
            self.done.recv_timeout(within),
            Err(mpsc::RecvTimeoutError::Timeout)
        )
    }

    /// What was kept so far.
    pub(super) fn take(&self) -> Vec<u8> {
        self.kept.lock().map(|mut k| k.take()).unwrap_or_default()
    }
}

#[cfg(test)]
thread_local! {
    /// Makes the next reader on this thread fail to start, as when no thread can be spawned.
    pub(super) static FAIL_NEXT_READER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_and_tail_keep_both_ends_and_count_the_rest() {
        let capture = Capture::head_and_tail(8);
        let mut k = Kept::default();
        k.push(b"0123456789", capture);
        k.push(b"abcdef", capture);
        let text = String::from_utf8(k.take()).expect("utf8");
        assert!(text.starts_with("0123"), "{text}");
        assert!(text.ends_with("cdef"), "{text}");
        assert!(text.contains("[... 8 bytes not kept ...]"), "{text}");
    }
}
