//! The course's stub service: canned replies on a loopback port of its own, for exercises
//! whose service calls a (slow, failing) dependency.

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::{MAX_HEAD, MAX_HEADERS, loopback};
use crate::course::StubRoute;

/// Most connections the stub serves at once; more wait in the accept queue.
const STUB_MAX_CONNECTIONS: usize = 64;
/// How long the stub waits for a client to send its request.
const STUB_READ_LIMIT: Duration = Duration::from_secs(10);
/// How often the stub's threads look at the stop flag.
const STUB_POLL: Duration = Duration::from_millis(20);

/// The course's stub service: canned replies, optionally slow, on a loopback port of its own,
/// served by microlings itself so no other toolchain is needed. Dropping it stops every thread.
#[derive(Debug)]
pub struct Stub {
    port: u16,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
    handlers: Arc<Mutex<Vec<JoinHandle<()>>>>,
    hits: Arc<AtomicUsize>,
}

impl Stub {
    /// Starts serving `routes` on a free loopback port.
    pub fn start(routes: Vec<StubRoute>) -> io::Result<Stub> {
        let listener = TcpListener::bind(loopback(0))?;
        listener.set_nonblocking(true)?;
        let port = listener.local_addr()?.port();
        let stop = Arc::new(AtomicBool::new(false));
        let handlers: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let hits = Arc::new(AtomicUsize::new(0));
        let routes = Arc::new(routes);
        let acceptor = {
            let (stop, handlers, hits) =
                (Arc::clone(&stop), Arc::clone(&handlers), Arc::clone(&hits));
            thread::Builder::new()
                .name("stub-acceptor".into())
                .spawn(move || accept_loop(listener, routes, stop, handlers, hits))?
        };
        Ok(Stub {
            port,
            stop,
            acceptor: Some(acceptor),
            handlers,
            hits,
        })
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Requests it has received so far.
    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

impl Drop for Stub {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(a) = self.acceptor.take() {
            let _ = a.join();
        }
        let handlers = match self.handlers.lock() {
            Ok(mut h) => std::mem::take(&mut *h),
            Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
        };
        for h in handlers {
            let _ = h.join();
        }
    }
}

fn accept_loop(
    listener: TcpListener,
    routes: Arc<Vec<StubRoute>>,
    stop: Arc<AtomicBool>,
    handlers: Arc<Mutex<Vec<JoinHandle<()>>>>,
    hits: Arc<AtomicUsize>,
) {
    let active = Arc::new(AtomicUsize::new(0));
    while !stop.load(Ordering::SeqCst) {
        match listener.accept() {
            Ok((stream, _)) if active.load(Ordering::SeqCst) < STUB_MAX_CONNECTIONS => {
                active.fetch_add(1, Ordering::SeqCst);
                let (routes, stop, hits, active) = (
                    Arc::clone(&routes),
                    Arc::clone(&stop),
                    Arc::clone(&hits),
                    Arc::clone(&active),
                );
                let spawned =
                    thread::Builder::new()
                        .name("stub-connection".into())
                        .spawn(move || {
                            serve_stub_connection(stream, &routes, &stop, &hits);
                            active.fetch_sub(1, Ordering::SeqCst);
                        });
                if let (Ok(h), Ok(mut list)) = (spawned, handlers.lock()) {
                    list.retain(|h| !h.is_finished());
                    list.push(h);
                }
            }
            // Too many connections at once: refuse this one rather than grow without bound.
            Ok((stream, _)) => drop(stream),
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => thread::sleep(STUB_POLL),
            Err(_) => thread::sleep(STUB_POLL),
        }
    }
}

/// A request as the stub reads it.
struct StubRequest {
    method: String,
    target: String,
}

fn serve_stub_connection(
    mut stream: TcpStream,
    routes: &[StubRoute],
    stop: &AtomicBool,
    hits: &AtomicUsize,
) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_nodelay(true);
    let Some(req) = read_stub_request(&mut stream, stop) else {
        return;
    };
    hits.fetch_add(1, Ordering::SeqCst);
    let path_only = req.target.split('?').next().unwrap_or_default();
    let route = routes
        .iter()
        .find(|r| r.method == req.method && r.path == req.target)
        .or_else(|| {
            routes
                .iter()
                .find(|r| r.method == req.method && r.path == path_only)
        });
    let (status, headers, body, delay) = match route {
        Some(r) => (r.status, r.headers.clone(), r.body.clone(), r.delay),
        None => (
            404,
            vec![("Content-Type".to_string(), "application/json".to_string())],
            format!(
                "{{\"error\":\"the stub has no route {} {}\"}}",
                req.method,
                path_only.replace('"', "")
            ),
            Duration::ZERO,
        ),
    };
    // A slow dependency: sleep in slices so that dropping the stub ends the wait.
    let until = Instant::now() + delay;
    while Instant::now() < until {
        if stop.load(Ordering::SeqCst) {
            return;
        }
        thread::sleep(STUB_POLL.min(until.saturating_duration_since(Instant::now())));
    }
    let mut reply = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (k, v) in &headers {
        reply.push_str(&format!("{k}: {v}\r\n"));
    }
    reply.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    ));
    let _ = stream.set_write_timeout(Some(Duration::from_secs(2)));
    let _ = stream.write_all(reply.as_bytes());
    let _ = stream.shutdown(Shutdown::Write);
}

/// Reads a request's head (and discards its body) unless the client is too slow or the stub
/// is stopping.
fn read_stub_request(stream: &mut TcpStream, stop: &AtomicBool) -> Option<StubRequest> {
    let _ = stream.set_read_timeout(Some(STUB_POLL * 10));
    let started = Instant::now();
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            break i;
        }
        if buf.len() > MAX_HEAD
            || started.elapsed() > STUB_READ_LIMIT
            || stop.load(Ordering::SeqCst)
        {
            return None;
        }
        match stream.read(&mut chunk) {
            Ok(0) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock
                        | io::ErrorKind::TimedOut
                        | io::ErrorKind::Interrupted
                ) => {}
            Err(_) => return None,
        }
    };
    let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut slots);
    request.parse(&buf[..head_end + 4]).ok()?;
    let method = request.method?.to_string();
    let target = request.path?.to_string();
    // The body (if any) is not needed: replies are canned. The connection is closed after the
    // reply, so unread bytes do no harm.
    Some(StubRequest { method, target })
}

/// The reason phrase for common status codes.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
