use std::io::{Read, Write};
use std::net::TcpListener;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::*;
use crate::course::StubRoute;

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

/// Serves each of `replies` to one connection, on a port of its own.
fn replying(replies: Vec<Vec<u8>>) -> (u16, JoinHandle<()>) {
    let listener = TcpListener::bind(loopback(0)).expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let server = thread::Builder::new()
        .name("test-server".into())
        .spawn(move || {
            for reply in replies {
                let (mut s, _) = listener.accept().expect("accept");
                let mut buf = [0u8; 1024];
                let _ = s.read(&mut buf);
                let _ = s.write_all(&reply);
            }
        })
        .expect("spawn the test server");
    (port, server)
}

#[test]
fn a_chunk_size_that_overflows_is_refused() {
    let head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n";
    let (port, server) = replying(vec![
        // u64::MAX after a first chunk: added to the body's length, it would wrap.
        format!("{head}ffffffffffffffff\r\n").into_bytes(),
        format!("{head}fffffffffffffff\r\nxyz\r\n").into_bytes(),
        // More hex digits than a u64 holds.
        format!("{head}10000000000000000\r\n").into_bytes(),
    ]);
    for want in ["too large", "too large", "malformed"] {
        let started = Instant::now();
        let e = get(port, "/", Duration::from_secs(2)).expect_err("refused");
        let got = match e {
            HttpError::TooLarge => "too large",
            HttpError::Malformed(_) => "malformed",
            ref other => panic!("{other:?}"),
        };
        assert_eq!(got, want, "{e:?}");
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "refused at once, not waited for"
        );
    }
    server.join().expect("server");
}

#[test]
fn chunked_and_unframed_replies_are_read() {
    let (port, server) = replying(vec![
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n".to_vec(),
        b"HTTP/1.0 404 Not Found\r\n\r\nno length".to_vec(),
    ]);
    let r = get(port, "/", Duration::from_secs(2)).expect("chunked");
    assert_eq!(r.body, b"abcde");
    let r = get(port, "/", Duration::from_secs(2)).expect("unframed");
    assert_eq!((r.status, r.body.as_slice()), (404, &b"no length"[..]));
    assert!(r.closes);
    server.join().expect("server");
}

#[test]
fn heads_are_read_leniently_and_bad_ones_named() {
    let (port, server) = replying(vec![
        // No reason phrase, bare newlines, spaces around a value.
        b"HTTP/1.1 201\nContent-Length: 2\nX-Id:   7  \n\nok".to_vec(),
        b"SSH-2.0-OpenSSH_9.6\r\n\r\n".to_vec(),
        b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n".to_vec(),
        b"HTTP/1.1 099 Early\r\n\r\n".to_vec(),
    ]);
    let r = get(port, "/", Duration::from_secs(2)).expect("lenient");
    assert_eq!((r.status, r.body.as_slice()), (201, &b"ok"[..]));
    assert_eq!(r.header("x-id"), Some("7"));
    assert!(!r.closes);
    for want in [
        "the status line is `SSH-2.0-OpenSSH_9.6`",
        "in the head",
        "no status code in `HTTP/1.1 099 Early`",
    ] {
        match get(port, "/", Duration::from_secs(2)) {
            Err(HttpError::Malformed(why)) => assert!(why.contains(want), "{why} / {want}"),
            other => panic!("expected a malformed reply ({want}), got {other:?}"),
        }
    }
    server.join().expect("server");
}

#[test]
fn the_stub_reads_requests_with_httparse() {
    let stub = Stub::start(vec![route("/items", 200, "[]", 0)]).expect("stub");
    let mut s = std::net::TcpStream::connect(loopback(stub.port())).expect("connect");
    s.write_all(b"GET /items?page=2 HTTP/1.1\r\nHost: x\r\n\r\n")
        .expect("write");
    let mut reply = String::new();
    s.read_to_string(&mut reply).expect("read");
    assert!(
        reply.starts_with("HTTP/1.1 200 OK\r\n") && reply.ends_with("[]"),
        "{reply}"
    );
    assert_eq!(stub.hits(), 1);
}
