//! A minimal HTTP/1.1 client and the course's stub service, over plain `std::net` sockets.
//!
//! Only 127.0.0.1 is ever connected to or listened on: every function takes a port, never an
//! address, so learner code and the lab cannot be pointed anywhere else. Everything is bounded:
//! each read waits at most until a deadline, headers and bodies have size caps, and the stub's
//! threads stop when it is dropped.

use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, Shutdown, SocketAddrV4, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::process::CancelToken;
use crate::course::StubRoute;

/// Largest header block accepted (request or reply).
const MAX_HEAD: usize = 64 * 1024;
/// Largest body accepted (request or reply).
pub const MAX_BODY: usize = 1024 * 1024;
/// Most connections the stub serves at once; more wait in the accept queue.
const STUB_MAX_CONNECTIONS: usize = 64;
/// How long the stub waits for a client to send its request.
const STUB_READ_LIMIT: Duration = Duration::from_secs(10);
/// How often the stub's threads look at the stop flag.
const STUB_POLL: Duration = Duration::from_millis(20);
/// How often a cancellable request looks at its cancel flag while waiting for a reply.
const CANCEL_POLL: Duration = Duration::from_millis(50);

/// The loopback address with `port`.
pub fn loopback(port: u16) -> SocketAddrV4 {
    SocketAddrV4::new(Ipv4Addr::LOCALHOST, port)
}

/// A port on 127.0.0.1 that was free a moment ago (the OS picks it; the socket is closed again
/// so that the learner's service can bind it).
pub fn free_port() -> io::Result<u16> {
    let listener = TcpListener::bind(loopback(0))?;
    Ok(listener.local_addr()?.port())
}

/// Whether something accepts TCP connections on 127.0.0.1:`port` (waits at most `timeout`).
pub fn port_open(port: u16, timeout: Duration) -> bool {
    TcpStream::connect_timeout(&loopback(port).into(), timeout).is_ok()
}

/// A request to send.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// `GET`, `POST`, ...
    pub method: &'a str,
    /// The request target, e.g. `/items/1?x=2`.
    pub target: &'a str,
    /// Extra headers.
    pub headers: &'a [(String, String)],
    /// The body; sent with a Content-Length when not empty.
    pub body: &'a [u8],
}

/// A reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Headers in the order received.
    pub headers: Vec<(String, String)>,
    /// The body, de-chunked.
    pub body: Vec<u8>,
    /// Whether the server will close the connection after this reply.
    pub closes: bool,
}

impl Response {
    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why a request got no usable reply.
#[derive(Debug)]
pub enum HttpError {
    /// Nothing accepted the connection.
    Connect(io::Error),
    /// No complete reply before the deadline.
    Timeout,
    /// The connection closed (or was reset) before a complete reply.
    Closed,
    /// The reply is not HTTP/1.x as this client understands it.
    Malformed(String),
    /// The reply's header block or body is larger than the caps.
    TooLarge,
    /// The check was cancelled while waiting.
    Cancelled,
}

impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HttpError::Connect(e) => write!(f, "could not connect: {e}"),
            HttpError::Timeout => f.write_str("no complete reply in time"),
            HttpError::Closed => {
                f.write_str("the connection was closed before a complete reply arrived")
            }
            HttpError::Malformed(why) => write!(f, "the reply is not valid HTTP/1.1: {why}"),
            HttpError::TooLarge => write!(
                f,
                "the reply is larger than {} MiB",
                MAX_BODY / (1024 * 1024)
            ),
            HttpError::Cancelled => f.write_str("the check was cancelled"),
        }
    }
}

impl std::error::Error for HttpError {}

/// A connection to 127.0.0.1 that can carry several requests (keep-alive).
#[derive(Debug)]
pub struct Connection {
    stream: TcpStream,
    buf: Vec<u8>,
    port: u16,
    /// Set to stop waiting for a reply at once (Ctrl-C), rather than at the deadline.
    cancel: Option<CancelToken>,
}

impl Connection {
    /// Connects to 127.0.0.1:`port`, waiting at most `timeout`.
    pub fn open(port: u16, timeout: Duration) -> Result<Self, HttpError> {
        let stream = TcpStream::connect_timeout(&loopback(port).into(), timeout)
            .map_err(HttpError::Connect)?;
        // Small requests and replies: waiting to coalesce them (Nagle) only adds latency.
        let _ = stream.set_nodelay(true);
        Ok(Connection {
            stream,
            buf: Vec::new(),
            port,
            cancel: None,
        })
    }

    /// Sends one request and reads its reply, all before `deadline`. With `keep_alive` false
    /// the request asks the server to close the connection afterwards.
    pub fn send(
        &mut self,
        req: &Request<'_>,
        keep_alive: bool,
        deadline: Instant,
    ) -> Result<Response, HttpError> {
        let mut head = format!(
            "{} {} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n",
            req.method, req.target, self.port
        );
        for (k, v) in req.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        if !req.body.is_empty() || matches!(req.method, "POST" | "PUT" | "PATCH") {
            head.push_str(&format!("Content-Length: {}\r\n", req.body.len()));
        }
        if !keep_alive {
            head.push_str("Connection: close\r\n");
        }
        head.push_str("\r\n");
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(req.body);
        self.stream
            .set_write_timeout(Some(remaining(deadline)?))
            .map_err(|_| HttpError::Timeout)?;
        self.stream.write_all(&bytes).map_err(io_error)?;
        loop {
            let response = self.read_response(req.method, deadline)?;
            // 1xx replies are interim (100 Continue); the real one follows.
            if !(100..200).contains(&response.status) || response.status == 101 {
                return Ok(response);
            }
        }
    }

    fn read_response(&mut self, method: &str, deadline: Instant) -> Result<Response, HttpError> {
        let head_end = loop {
            if let Some(i) = find(&self.buf, b"\r\n\r\n") {
                break i;
            }
            if self.buf.len() > MAX_HEAD {
                return Err(HttpError::TooLarge);
            }
            if self.fill(deadline)? == 0 {
                return Err(HttpError::Closed);
            }
        };
        let head = String::from_utf8_lossy(&self.buf[..head_end]).into_owned();
        self.buf.drain(..head_end + 4);
        let mut lines = head.split("\r\n");
        let status_line = lines.next().unwrap_or_default();
        let mut parts = status_line.splitn(3, ' ');
        let version = parts.next().unwrap_or_default();
        if !version.starts_with("HTTP/1.") {
            return Err(HttpError::Malformed(format!(
                "the status line is `{}`",
                truncate(status_line, 60)
            )));
        }
        let status: u16 = parts
            .next()
            .and_then(|s| s.parse().ok())
            .filter(|s| (100..=999).contains(s))
            .ok_or_else(|| {
                HttpError::Malformed(format!("no status code in `{}`", truncate(status_line, 60)))
            })?;
        let headers = parse_headers(lines)?;
        let connection = header_of(&headers, "connection").map(str::to_ascii_lowercase);
        let mut closes = version == "HTTP/1.0"
            && !connection
                .as_deref()
                .is_some_and(|c| c.contains("keep-alive"));
        closes |= connection.as_deref().is_some_and(|c| c.contains("close"));
        let no_body =
            method == "HEAD" || (100..200).contains(&status) || status == 204 || status == 304;
        let body = if no_body {
            Vec::new()
        } else if header_of(&headers, "transfer-encoding")
            .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"))
        {
            self.read_chunked(deadline)?
        } else if let Some(len) = header_of(&headers, "content-length") {
            let len: usize = len
                .trim()
                .parse()
                .map_err(|_| HttpError::Malformed(format!("Content-Length is `{len}`")))?;
            if len > MAX_BODY {
                return Err(HttpError::TooLarge);
            }
            self.read_exact_body(len, deadline)?
        } else {
            // No length: the body runs until the server closes the connection.
            closes = true;
            while self.fill(deadline)? > 0 {
                if self.buf.len() > MAX_BODY {
                    return Err(HttpError::TooLarge);
                }
            }
            std::mem::take(&mut self.buf)
        };
        Ok(Response {
            status,
            headers,
            body,
            closes,
        })
    }

    fn read_exact_body(&mut self, len: usize, deadline: Instant) -> Result<Vec<u8>, HttpError> {
        while self.buf.len() < len {
            if self.fill(deadline)? == 0 {
                return Err(HttpError::Closed);
            }
        }
        Ok(self.buf.drain(..len).collect())
    }

    fn read_chunked(&mut self, deadline: Instant) -> Result<Vec<u8>, HttpError> {
        let mut body = Vec::new();
        loop {
            let line = self.read_line(deadline)?;
            let size_text = line.split(';').next().unwrap_or_default().trim();
            let size = usize::from_str_radix(size_text, 16).map_err(|_| {
                HttpError::Malformed(format!("bad chunk size `{}`", truncate(&line, 20)))
            })?;
            if body.len() + size > MAX_BODY {
                return Err(HttpError::TooLarge);
            }
            if size == 0 {
                // Trailers end with an empty line.
                while !self.read_line(deadline)?.is_empty() {}
                return Ok(body);
            }
            body.extend(self.read_exact_body(size, deadline)?);
            if !self.read_line(deadline)?.is_empty() {
                return Err(HttpError::Malformed(
                    "a chunk is longer than its size".into(),
                ));
            }
        }
    }

    fn read_line(&mut self, deadline: Instant) -> Result<String, HttpError> {
        loop {
            if let Some(i) = find(&self.buf, b"\r\n") {
                let line = String::from_utf8_lossy(&self.buf[..i]).into_owned();
                self.buf.drain(..i + 2);
                return Ok(line);
            }
            if self.buf.len() > MAX_HEAD {
                return Err(HttpError::TooLarge);
            }
            if self.fill(deadline)? == 0 {
                return Err(HttpError::Closed);
            }
        }
    }

    /// Reads more bytes into the buffer; 0 means the peer closed.
    fn fill(&mut self, deadline: Instant) -> Result<usize, HttpError> {
        let mut chunk = [0u8; 16 * 1024];
        loop {
            if self.cancel.as_ref().is_some_and(CancelToken::is_cancelled) {
                return Err(HttpError::Cancelled);
            }
            let mut wait = remaining(deadline)?;
            if self.cancel.is_some() {
                wait = wait.min(CANCEL_POLL);
            }
            self.stream
                .set_read_timeout(Some(wait))
                .map_err(|_| HttpError::Timeout)?;
            match self.stream.read(&mut chunk) {
                Ok(n) => {
                    self.buf.extend_from_slice(&chunk[..n]);
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => match io_error(e) {
                    // Only a slice of the wait has passed: look at the flag and go on.
                    HttpError::Timeout if self.cancel.is_some() => continue,
                    e => return Err(e),
                },
            }
        }
    }
}

/// Sends one request on a fresh connection that is closed afterwards.
pub fn send(port: u16, req: &Request<'_>, timeout: Duration) -> Result<Response, HttpError> {
    send_until(port, req, timeout, None)
}

/// Like [`send`], but gives up at once with [`HttpError::Cancelled`] when `cancel` is set.
pub fn send_cancellable(
    port: u16,
    req: &Request<'_>,
    timeout: Duration,
    cancel: &CancelToken,
) -> Result<Response, HttpError> {
    send_until(port, req, timeout, Some(cancel.clone()))
}

fn send_until(
    port: u16,
    req: &Request<'_>,
    timeout: Duration,
    cancel: Option<CancelToken>,
) -> Result<Response, HttpError> {
    let deadline = Instant::now() + timeout;
    let mut conn = Connection::open(port, timeout)?;
    conn.cancel = cancel;
    let response = conn.send(req, false, deadline);
    let _ = conn.stream.shutdown(Shutdown::Both);
    response
}

fn remaining(deadline: Instant) -> Result<Duration, HttpError> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
        .ok_or(HttpError::Timeout)
}

fn io_error(e: io::Error) -> HttpError {
    match e.kind() {
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => HttpError::Timeout,
        _ => HttpError::Closed,
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn truncate(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

fn header_of<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn parse_headers<'a>(
    lines: impl Iterator<Item = &'a str>,
) -> Result<Vec<(String, String)>, HttpError> {
    lines
        .filter(|l| !l.is_empty())
        .map(|line| {
            line.split_once(':')
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
                .ok_or_else(|| {
                    HttpError::Malformed(format!("header line `{}`", truncate(line, 60)))
                })
        })
        .collect()
}

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
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut parts = head.split("\r\n").next()?.split(' ');
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn route(path: &str, status: u16, body: &str, delay_ms: u64) -> StubRoute {
        StubRoute {
            method: "GET".into(),
            path: path.into(),
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.into(),
            delay: Duration::from_millis(delay_ms),
        }
    }

    fn get(port: u16, target: &str, timeout: Duration) -> Result<Response, HttpError> {
        send(
            port,
            &Request {
                method: "GET",
                target,
                headers: &[],
                body: b"",
            },
            timeout,
        )
    }

    #[test]
    fn the_stub_serves_routes_404s_the_rest_and_can_be_slow() {
        let stub = Stub::start(vec![
            route("/price/A1", 200, "{\"cents\":250}", 0),
            route("/slow", 200, "{}", 2_000),
        ])
        .expect("stub");
        let r = get(stub.port(), "/price/A1?x=1", Duration::from_secs(2)).expect("reply");
        assert_eq!(
            (r.status, r.body.as_slice()),
            (200, &b"{\"cents\":250}"[..])
        );
        assert_eq!(r.header("content-type"), Some("application/json"));
        let r = get(stub.port(), "/nope", Duration::from_secs(2)).expect("reply");
        assert_eq!(r.status, 404);
        let started = Instant::now();
        let e = get(stub.port(), "/slow", Duration::from_millis(200)).expect_err("too slow");
        assert!(matches!(e, HttpError::Timeout), "{e:?}");
        assert!(started.elapsed() < Duration::from_millis(600));
        assert_eq!(stub.hits(), 3);
        let port = stub.port();
        let dropped = Instant::now();
        drop(stub);
        // The slow handler is still sleeping: dropping must not wait for its 2 s.
        assert!(dropped.elapsed() < Duration::from_millis(500));
        assert!(!port_open(port, Duration::from_millis(200)));
    }

    #[test]
    fn chunked_and_unframed_replies_are_read() {
        let listener = TcpListener::bind(loopback(0)).expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let server = thread::spawn(move || {
            for reply in [
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n",
                "HTTP/1.0 404 Not Found\r\n\r\nno length",
            ] {
                let (mut s, _) = listener.accept().expect("accept");
                let mut buf = [0u8; 1024];
                let _ = s.read(&mut buf);
                s.write_all(reply.as_bytes()).expect("write");
            }
        });
        let r = get(port, "/", Duration::from_secs(2)).expect("chunked");
        assert_eq!(r.body, b"abcde");
        let r = get(port, "/", Duration::from_secs(2)).expect("unframed");
        assert_eq!((r.status, r.body.as_slice()), (404, &b"no length"[..]));
        server.join().expect("server");
    }
}
