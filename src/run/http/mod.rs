//! A minimal HTTP/1.1 client (`client.rs`) and the course's stub service (`stub.rs`), over
//! plain `std::net` sockets.
//!
//! Hand-written on purpose: what matters here is how every way a learner's service can fail
//! (no reply, a reply that never ends, a malformed one) maps to a clear result within a
//! deadline. Heads and chunk sizes are parsed by `httparse`.
//!
//! Only 127.0.0.1 is ever connected to or listened on: every function takes a port, never an
//! address, so learner code and the lab cannot be pointed anywhere else. Everything is bounded:
//! each read waits at most until a deadline, heads and bodies have size caps, and the stub's
//! threads stop when it is dropped.

mod client;
mod stub;

use std::io;
use std::net::{Ipv4Addr, SocketAddrV4, TcpListener, TcpStream};
use std::time::Duration;

pub use client::{Connection, HttpError, Request, Response, send, send_cancellable};
pub use stub::{Stub, reason};

/// Largest header block accepted (request or reply).
const MAX_HEAD: usize = 64 * 1024;
/// Most header lines accepted in one head (request or reply).
const MAX_HEADERS: usize = 100;
/// Largest body accepted (request or reply).
pub const MAX_BODY: usize = 1024 * 1024;

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

/// The first line of `bytes`, for a message (at most `max` characters).
fn first_line(bytes: &[u8], max: usize) -> String {
    let end = bytes
        .iter()
        .position(|&b| b == b'\r' || b == b'\n')
        .unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..end])
        .chars()
        .take(max)
        .collect()
}

#[cfg(test)]
mod tests;
