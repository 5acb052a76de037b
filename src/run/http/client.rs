//! The client: one request on a fresh connection (or several on a kept-alive one), read back
//! within a deadline, with every way a reply can fail mapped to an [`HttpError`].

use std::io::{self, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

use super::{MAX_BODY, MAX_HEAD, MAX_HEADERS, first_line, loopback};
use crate::run::process::CancelToken;

/// How often a cancellable request looks at its cancel flag while waiting for a reply.
const CANCEL_POLL: Duration = Duration::from_millis(50);

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
        let head = loop {
            if let Some((len, head)) = parse_head(&self.buf)? {
                self.buf.drain(..len);
                break head;
            }
            if self.buf.len() > MAX_HEAD {
                return Err(HttpError::TooLarge);
            }
            if self.fill(deadline)? == 0 {
                return Err(HttpError::Closed);
            }
        };
        let Head {
            http_1_0,
            status,
            headers,
        } = head;
        let connection = header_of(&headers, "connection").map(str::to_ascii_lowercase);
        let mut closes = http_1_0
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
            let size = self.read_chunk_size(deadline)?;
            // Compared as u64: a size near u64::MAX must be refused, not added and wrapped.
            if size > (MAX_BODY - body.len().min(MAX_BODY)) as u64 {
                return Err(HttpError::TooLarge);
            }
            if size == 0 {
                // Trailers end with an empty line.
                while !self.read_line(deadline)?.is_empty() {}
                return Ok(body);
            }
            // At most MAX_BODY, checked above.
            let size = usize::try_from(size).map_err(|_| HttpError::TooLarge)?;
            body.extend(self.read_exact_body(size, deadline)?);
            if !self.read_line(deadline)?.is_empty() {
                return Err(HttpError::Malformed(
                    "a chunk is longer than its size".into(),
                ));
            }
        }
    }

    /// Reads a chunk-size line (with any extension): the size. httparse refuses more hex digits
    /// than a u64 holds; the caller refuses a size beyond the body cap.
    fn read_chunk_size(&mut self, deadline: Instant) -> Result<u64, HttpError> {
        loop {
            match httparse::parse_chunk_size(&self.buf) {
                Ok(httparse::Status::Complete((len, size))) => {
                    self.buf.drain(..len);
                    return Ok(size);
                }
                Ok(httparse::Status::Partial) => {}
                Err(httparse::InvalidChunkSize) => {
                    return Err(HttpError::Malformed(format!(
                        "bad chunk size `{}`",
                        first_line(&self.buf, 20)
                    )));
                }
            }
            if self.buf.len() > MAX_HEAD {
                return Err(HttpError::TooLarge);
            }
            if self.fill(deadline)? == 0 {
                return Err(HttpError::Closed);
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

fn header_of<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// A reply's head.
#[derive(Debug)]
struct Head {
    /// The reply is HTTP/1.0 (which closes the connection unless it says keep-alive).
    http_1_0: bool,
    status: u16,
    /// Names and values as sent (values trimmed; bytes that are not UTF-8 shown as U+FFFD).
    headers: Vec<(String, String)>,
}

/// Parses a reply's head from the start of `buf`: its length and the head, or `None` while it
/// is incomplete.
fn parse_head(buf: &[u8]) -> Result<Option<(usize, Head)>, HttpError> {
    let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut reply = httparse::Response::new(&mut slots);
    let len = match reply.parse(buf) {
        Ok(httparse::Status::Complete(len)) => len,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(e) => return Err(malformed(e, buf)),
    };
    let status = reply
        .code
        .filter(|s| (100..=999).contains(s))
        .ok_or_else(|| {
            HttpError::Malformed(format!("no status code in `{}`", first_line(buf, 60)))
        })?;
    let headers = reply
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).trim().to_string(),
            )
        })
        .collect();
    Ok(Some((
        len,
        Head {
            http_1_0: reply.version == Some(0),
            status,
            headers,
        },
    )))
}

/// What is wrong with a head httparse refused, in words.
fn malformed(e: httparse::Error, head: &[u8]) -> HttpError {
    let line = first_line(head, 60);
    HttpError::Malformed(match e {
        httparse::Error::Version => format!("the status line is `{line}`"),
        httparse::Error::Status => format!("no status code in `{line}`"),
        httparse::Error::TooManyHeaders => format!("more than {MAX_HEADERS} header lines"),
        other => format!("{other} in the head"),
    })
}
