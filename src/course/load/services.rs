//! The HTTP part of an exercise: its `[[requests]]` and expected replies, the `[[stub]]`
//! service's routes, and `startup_secs`.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use super::schema::ExerciseToml;
use super::{Loader, MAX_TIMEOUT_SECS, line_of};
use crate::course::model::{ExpectedBody, HttpRequestSpec, ServiceSpec, StubRoute};

/// The most requests an HTTP exercise may declare: each can take `timeout_secs`.
const MAX_REQUESTS: usize = 50;
/// The longest a stub route may wait before replying.
const MAX_STUB_DELAY_MS: u64 = 60_000;
/// Methods a request or stub route may use.
const METHODS: [&str; 7] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/// Headers the runner writes itself; an exercise may not set them.
const RESERVED_HEADERS: [&str; 4] = ["host", "content-length", "connection", "transfer-encoding"];

/// Line (1-based) of a byte offset in exercise.toml.
fn toml_line<T>(text: &str, spanned: &toml::Spanned<T>) -> Option<usize> {
    Some(line_of(text, spanned.span().start))
}

/// An `output` exercise must not carry the keys of an `http` one: they would be ignored.
pub(super) fn reject_service_keys(
    loader: &mut Loader<'_>,
    path: &str,
    text: &str,
    m: &ExerciseToml,
) {
    let first = m
        .requests
        .first()
        .map(|r| r.span().start)
        .or_else(|| m.stub.first().map(|r| r.span().start))
        .or_else(|| m.startup_secs.as_ref().map(|s| s.span().start));
    if let Some(offset) = first {
        loader.error(
            path,
            Some(line_of(text, offset)),
            "requests, stub and startup_secs belong to an http exercise: add kind = \"http\" (or remove them)",
        );
    }
}

/// Validates the `[[requests]]`, `[[stub]]` and `startup_secs` of an HTTP exercise.
/// `None` when something is wrong (every problem is reported); `Some(Some(spec))` otherwise.
pub(super) fn load_service(
    loader: &mut Loader<'_>,
    dir: &str,
    text: &str,
    m: &ExerciseToml,
    known: &mut BTreeSet<String>,
) -> Option<Option<ServiceSpec>> {
    let path = format!("{dir}/exercise.toml");
    let mut ok = true;
    let mut err = |loader: &mut Loader<'_>, line: Option<usize>, msg: String| {
        loader.error(&path, line, msg);
        ok = false;
    };
    if m.requests.is_empty() {
        err(
            loader,
            None,
            "an http exercise needs at least one [[requests]] entry (method, path, status, and the body expected)".into(),
        );
    }
    if m.requests.len() > MAX_REQUESTS {
        err(
            loader,
            toml_line(text, &m.requests[MAX_REQUESTS]),
            format!("at most {MAX_REQUESTS} requests: each one may take timeout_secs"),
        );
    }
    let startup = match &m.startup_secs {
        Some(s) if *s.get_ref() == 0 || *s.get_ref() > MAX_TIMEOUT_SECS => {
            err(
                loader,
                toml_line(text, s),
                format!("startup_secs must be 1 to {MAX_TIMEOUT_SECS}"),
            );
            None
        }
        Some(s) => Some(Duration::from_secs(*s.get_ref())),
        None => None,
    };

    let mut requests = Vec::new();
    for spanned in &m.requests {
        let line = toml_line(text, spanned);
        let r = spanned.get_ref();
        let mut problems = Vec::new();
        check_method(&r.method, &mut problems);
        check_path(&r.path, &mut problems);
        check_status(r.status, &mut problems);
        check_headers(&r.headers, "headers", &mut problems);
        check_headers(&r.expect_headers, "expect_headers", &mut problems);
        let given = [&r.expect_body, &r.expect_json, &r.expect_file]
            .iter()
            .filter(|v| v.is_some())
            .count();
        if given > 1 {
            problems
                .push("give at most one of expect_body, expect_json and expect_file".to_string());
        }
        let expect_body = if let Some(body) = &r.expect_body {
            ExpectedBody::Text(body.clone())
        } else if let Some(json) = &r.expect_json {
            match serde_json::from_str(json) {
                Ok(v) => ExpectedBody::Json(v),
                Err(e) => {
                    problems.push(format!("expect_json is not valid JSON: {e}"));
                    ExpectedBody::Any
                }
            }
        } else if let Some(file) = &r.expect_file {
            match expected_file(loader, dir, file, known) {
                Ok(body) => body,
                Err(msg) => {
                    problems.push(msg);
                    ExpectedBody::Any
                }
            }
        } else {
            ExpectedBody::Any
        };
        for msg in problems {
            err(loader, line, msg);
        }
        requests.push(HttpRequestSpec {
            name: r
                .name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| format!("{} {}", r.method, r.path)),
            method: r.method.clone(),
            path: r.path.clone(),
            headers: r.headers.clone().into_iter().collect(),
            body: r.body.clone(),
            status: r.status,
            expect_headers: r.expect_headers.clone().into_iter().collect(),
            expect_body,
        });
    }

    let mut stub = Vec::new();
    let mut routes = BTreeSet::new();
    for spanned in &m.stub {
        let line = toml_line(text, spanned);
        let s = spanned.get_ref();
        let mut problems = Vec::new();
        check_method(&s.method, &mut problems);
        check_path(&s.path, &mut problems);
        check_status(s.status, &mut problems);
        check_headers(&s.headers, "headers", &mut problems);
        if s.delay_ms > MAX_STUB_DELAY_MS {
            problems.push(format!("delay_ms must be at most {MAX_STUB_DELAY_MS}"));
        }
        if !routes.insert((s.method.clone(), s.path.clone())) {
            problems.push(format!(
                "another stub route already answers {} {}",
                s.method, s.path
            ));
        }
        for msg in problems {
            err(loader, line, msg);
        }
        stub.push(StubRoute {
            method: s.method.clone(),
            path: s.path.clone(),
            status: s.status,
            headers: s.headers.clone().into_iter().collect(),
            body: s.body.clone(),
            delay: Duration::from_millis(s.delay_ms),
        });
    }
    ok.then_some(Some(ServiceSpec {
        requests,
        stub,
        startup,
    }))
}

fn check_method(method: &str, problems: &mut Vec<String>) {
    if !METHODS.contains(&method) {
        problems.push(format!(
            "method '{method}' is not one of {}",
            METHODS.join(", ")
        ));
    }
}

fn check_path(path: &str, problems: &mut Vec<String>) {
    if !path.starts_with('/') || path.len() > 2000 {
        problems.push(format!(
            "path '{path}' must start with / (it is sent as the request target)"
        ));
    } else if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
        problems.push(format!(
            "path '{path}' contains a space or control character: percent-encode it (%20)"
        ));
    }
}

fn check_status(status: u16, problems: &mut Vec<String>) {
    if !(100..=599).contains(&status) {
        problems.push(format!(
            "status {status} is not an HTTP status (100 to 599)"
        ));
    }
}

fn check_headers(headers: &BTreeMap<String, String>, key: &str, problems: &mut Vec<String>) {
    for (name, value) in headers {
        let token = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !token {
            problems.push(format!("{key}: '{name}' is not a valid header name"));
        }
        if value.chars().any(|c| c.is_control() && c != '\t') {
            problems.push(format!(
                "{key}: the value of '{name}' contains a line break or control character"
            ));
        }
        if key == "headers" && RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            problems.push(format!(
                "{key}: '{name}' is set by the runner and cannot be given"
            ));
        }
    }
}

/// Reads an `expect_file`: a path inside the exercise directory; `.json` files are compared as
/// JSON, others as text.
fn expected_file(
    loader: &mut Loader<'_>,
    dir: &str,
    file: &str,
    known: &mut BTreeSet<String>,
) -> Result<ExpectedBody, String> {
    let inside = !file.is_empty()
        && !file.starts_with('/')
        && !file.contains('\\')
        && file
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..");
    if !inside {
        return Err(format!(
            "expect_file '{file}' must be a relative path inside the exercise directory, such as replies/item.json"
        ));
    }
    let full = format!("{dir}/{file}");
    if !loader.files.contains(&full) {
        return Err(format!("expect_file '{file}' does not exist in {dir}/"));
    }
    known.insert(file.to_string());
    let Some(text) = loader.text(&full) else {
        return Err(format!("expect_file '{file}' could not be read"));
    };
    if file.ends_with(".json") {
        serde_json::from_str(&text)
            .map(ExpectedBody::Json)
            .map_err(|e| format!("expect_file '{file}' is not valid JSON: {e}"))
    } else {
        Ok(ExpectedBody::Text(text))
    }
}
