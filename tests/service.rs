//! HTTP exercises against the real toolchains: every verdict a service can earn, and no
//! process or port left behind whatever the service does.

mod common;

use std::time::{Duration, Instant};

use common::{get, have, http_exercise, process_running_with, runner};
use microlings::course::{ExpectedBody, Language, StubRoute, load_course};
use microlings::run::http::port_open;
use microlings::run::{CheckOptions, Outcome, RequestResult, Shutdown, Verdict};

fn opts() -> CheckOptions {
    CheckOptions::default()
}

/// A Python service: `routes` is the body of `do_GET` (with `self`, `json`, `time` in scope),
/// `before` runs before the server starts.
fn python_service(before: &str, routes: &str) -> String {
    format!(
        r#"import json, os, signal, subprocess, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

{before}

class H(BaseHTTPRequestHandler):
    def send_json(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
{routes}

    def log_message(self, *args):
        pass

ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), H).serve_forever()
"#
    )
}

/// Nothing of the service is left: its port is closed and no process carries the marker.
fn assert_gone(o: &Outcome, marker: Option<&str>) {
    if let Some(s) = &o.service {
        assert!(
            !port_open(s.port, Duration::from_millis(200)),
            "port {} still open",
            s.port
        );
    }
    if let Some(m) = marker {
        assert!(!process_running_with(m), "a process with {m} survived");
    }
}

#[test]
fn the_items_service_passes_in_every_language_and_the_starter_gets_a_diff_per_request() {
    let course = load_course(None).expect("embedded course");
    let ex = course.exercise("http-items").expect("http-items");
    let langs: Vec<Language> = Language::ALL.into_iter().filter(|&l| have(l)).collect();
    let (runner, _dir) = runner();
    let solutions: Vec<(Language, String)> = langs
        .iter()
        .map(|&l| (l, ex.solution(l).to_string()))
        .collect();
    for o in runner.check_many(ex, &solutions, &opts()) {
        assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
        let s = o.service.as_ref().expect("service report");
        assert!(s.startup_ms.is_some(), "{s:?}");
        assert_eq!(s.shutdown, Shutdown::OnSigterm, "{}: {s:?}", o.language);
        assert!(s.requests.iter().all(|r| r.result == RequestResult::Passed));
        assert_gone(&o, None);
    }
    let starters: Vec<(Language, String)> = langs
        .iter()
        .map(|&l| (l, ex.starter(l).to_string()))
        .collect();
    for o in runner.check_many(ex, &starters, &opts()) {
        assert_eq!(o.verdict, Verdict::WrongOutput, "{o:#?}");
        let s = o.service.as_ref().expect("service report");
        let failed: Vec<&str> = s
            .requests
            .iter()
            .filter(|r| r.result == RequestResult::Mismatch)
            .map(|r| r.name.as_str())
            .collect();
        assert_eq!(
            failed,
            ["GET /items/99", "GET /items/abc"],
            "{}",
            o.language
        );
        let diff = s.requests[3].diff.as_ref().expect("a diff");
        assert_eq!(diff.lines[diff.first_mismatch].text, "HTTP 404");
        assert_eq!(o.case.as_deref(), Some("GET /items/99"));
        assert_gone(&o, None);
    }
}

#[test]
fn a_wrong_text_body_is_diffed_and_headers_are_checked() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let mut hello = get("/hello", 200, None);
    hello.expect_body = ExpectedBody::Text("hello\nworld\n".into());
    let mut typed = get("/typed", 200, Some(r#"{"a": 1}"#));
    typed.expect_headers = vec![("Content-Type".into(), "application/json".into())];
    let ex = http_exercise("text", 5, None, vec![hello, typed], vec![]);
    let source = python_service(
        "",
        r#"        if self.path == "/hello":
            body = b"hello\nWorld\n"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            body = b'{"a": 1.0}'
            self.send_response(200)
            self.send_header("Content-Type", "text/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)"#,
    );
    let o = runner.check(&ex, Language::Python, &source, &opts());
    assert_eq!(o.verdict, Verdict::WrongOutput, "{o:#?}");
    let s = o.service.as_ref().expect("report");
    let texts = |i: usize| -> Vec<String> {
        s.requests[i]
            .diff
            .as_ref()
            .expect("diff")
            .lines
            .iter()
            .filter(|l| l.op != microlings::run::DiffOp::Equal)
            .map(|l| l.text.clone())
            .collect()
    };
    assert_eq!(texts(0), ["world", "World"]);
    // 1.0 and 1 are the same JSON number: only the header differs.
    assert_eq!(
        texts(1),
        ["Content-Type: application/json", "Content-Type: text/json"]
    );
    assert_gone(&o, None);
}

#[test]
fn a_service_that_never_listens_gets_a_clear_verdict_in_bounded_time() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let marker = "765.4321";
    let ex = http_exercise("silent", 2, Some(1), vec![get("/", 200, None)], vec![]);
    let source = format!(
        "import subprocess, time\nsubprocess.Popen(['sleep', '{marker}'])\ntime.sleep(60)\n"
    );
    let started = Instant::now();
    let o = runner.check(&ex, Language::Python, &source, &opts());
    assert_eq!(o.verdict, Verdict::ServiceNotReady, "{o:#?}");
    assert!(o.message.contains("nothing listened"), "{}", o.message);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    let s = o.service.as_ref().expect("report");
    assert_eq!(s.startup_ms, None);
    assert!(
        s.requests
            .iter()
            .all(|r| r.result == RequestResult::NotSent)
    );
    assert_gone(&o, Some(marker));
}

#[test]
fn a_service_on_the_wrong_port_is_told_which_port_it_used() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let wrong = microlings::run::http::free_port().expect("port");
    let ex = http_exercise("wrong-port", 2, Some(10), vec![get("/", 200, None)], vec![]);
    let source = python_service("", "        self.send_json(200, {})")
        .replace(r#"int(os.environ["PORT"])"#, &wrong.to_string());
    let started = Instant::now();
    let o = runner.check(&ex, Language::Python, &source, &opts());
    assert_eq!(o.verdict, Verdict::ServiceNotReady, "{o:#?}");
    if cfg!(target_os = "linux") {
        assert!(
            o.message.contains(&format!("127.0.0.1:{wrong}")) && o.message.contains("PORT"),
            "{}",
            o.message
        );
        // Seen listening elsewhere: no need to wait the whole 10 s allowance.
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{:?}",
            started.elapsed()
        );
    }
    assert!(
        !port_open(wrong, Duration::from_millis(200)),
        "wrong port still open"
    );
    assert_gone(&o, None);
}

#[test]
fn a_handler_that_hangs_times_out_per_request_and_the_rest_still_run() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let ex = http_exercise(
        "hang",
        1,
        None,
        vec![get("/hang", 200, None), get("/ok", 200, Some("{}"))],
        vec![],
    );
    let source = python_service(
        "",
        r#"        if self.path == "/hang":
            time.sleep(3600)
        self.send_json(200, {})"#,
    );
    let started = Instant::now();
    let o = runner.check(&ex, Language::Python, &source, &opts());
    assert_eq!(o.verdict, Verdict::TimedOut, "{o:#?}");
    assert!(
        o.message.starts_with("GET /hang: no reply within 1.0 s"),
        "{}",
        o.message
    );
    let s = o.service.as_ref().expect("report");
    assert_eq!(s.requests[0].result, RequestResult::TimedOut);
    assert_eq!(s.requests[1].result, RequestResult::Passed);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert_gone(&o, None);
}

#[cfg(unix)]
#[test]
fn a_service_that_ignores_sigterm_is_killed_with_its_children() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let marker = "654.3219";
    let ex = http_exercise("stubborn", 2, None, vec![get("/", 200, Some("{}"))], vec![]);
    let source = python_service(
        &format!(
            "signal.signal(signal.SIGTERM, signal.SIG_IGN)\nsubprocess.Popen(['sleep', '{marker}'])"
        ),
        "        self.send_json(200, {})",
    );
    let started = Instant::now();
    let o = runner.check(&ex, Language::Python, &source, &opts());
    assert_eq!(o.verdict, Verdict::DidNotStop, "{o:#?}");
    assert!(o.message.contains("SIGTERM"), "{}", o.message);
    assert_eq!(
        o.service.as_ref().map(|s| s.shutdown),
        Some(Shutdown::Killed)
    );
    assert!(
        started.elapsed() < Duration::from_secs(6),
        "{:?}",
        started.elapsed()
    );
    assert_gone(&o, Some(marker));
}

#[test]
fn a_crash_before_listening_and_a_crash_in_a_handler_are_runtime_errors() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let ex = http_exercise(
        "crash",
        2,
        None,
        vec![get("/", 200, None), get("/b", 200, None)],
        vec![],
    );
    let o = runner.check(
        &ex,
        Language::Python,
        "import os\nprint(os.environ['PROT'])\n",
        &opts(),
    );
    assert_eq!(o.verdict, Verdict::RuntimeError, "{o:#?}");
    assert!(o.message.contains("before it listened"), "{}", o.message);
    assert!(o.stderr.contains("KeyError"), "{}", o.stderr);
    assert_eq!(o.exit_code, Some(1));

    let source = python_service("", "        os._exit(3)");
    let o = runner.check(&ex, Language::Python, &source, &opts());
    assert_eq!(o.verdict, Verdict::RuntimeError, "{o:#?}");
    assert!(o.message.contains("exited with code 3"), "{}", o.message);
    let s = o.service.as_ref().expect("report");
    assert_eq!(s.requests[0].result, RequestResult::NoReply);
    assert_eq!(s.requests[1].result, RequestResult::NotSent);
    assert_gone(&o, None);
}

#[test]
fn the_stub_service_is_reachable_through_stub_url() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let route = StubRoute {
        method: "GET".into(),
        path: "/price/A1".into(),
        status: 200,
        headers: vec![],
        body: "250".into(),
        delay: Duration::from_millis(50),
    };
    let ex = http_exercise(
        "stub",
        3,
        None,
        vec![get("/quote", 200, Some(r#"{"cents": 250}"#))],
        vec![route],
    );
    let source = python_service(
        "import urllib.request",
        r#"        with urllib.request.urlopen(os.environ["STUB_URL"] + "/price/A1", timeout=2) as r:
            self.send_json(200, {"cents": int(r.read())})"#,
    );
    let o = runner.check(&ex, Language::Python, &source, &opts());
    assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
    assert_gone(&o, None);
}
