//! Judging one reply of an HTTP check, with no I/O: what the exercise expected, what came back
//! (or why nothing usable did), and the verdict on that request with its diff.
//!
//! The expected and the actual reply are written as text in the same shape (a status line,
//! the checked headers, the body; canonical JSON when JSON is expected), so one line diff
//! shows every difference.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::compare::{self, Diff};
use super::http::{self, HttpError};
use crate::course::{ExpectedBody, HttpRequestSpec};

/// What happened when one request was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestResult {
    /// The reply matched.
    Passed,
    /// A reply came, but its status, headers or body differ.
    Mismatch,
    /// No complete reply within the exercise's `timeout_secs`.
    TimedOut,
    /// The connection was refused or closed without a reply.
    NoReply,
    /// Not sent: the service had already stopped, or the check was cancelled.
    NotSent,
}

/// One request of an HTTP check and what came back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestOutcome {
    /// The request's name (`GET /items/1` unless the exercise names it).
    pub name: String,
    /// Method sent.
    pub method: String,
    /// Target sent.
    pub path: String,
    /// What happened.
    pub result: RequestResult,
    /// The status expected.
    pub expected_status: u16,
    /// The status received, if a reply came.
    pub status: Option<u16>,
    /// From connect to the end of the reply.
    pub duration_ms: u64,
    /// One sentence on what was wrong (empty when it passed).
    pub message: String,
    /// Expected versus actual reply (status line, checked headers, body) when they differ.
    pub diff: Option<Diff>,
}

/// A request that was not sent (the service had stopped, or the check ended first).
pub fn not_sent(req: &HttpRequestSpec) -> RequestOutcome {
    RequestOutcome {
        name: req.name.clone(),
        method: req.method.clone(),
        path: req.path.clone(),
        result: RequestResult::NotSent,
        expected_status: req.status,
        status: None,
        duration_ms: 0,
        message: "not sent".into(),
        diff: None,
    }
}

/// The verdict on one request: what `reply` says against what `req` expects. `took` is how
/// long the request took, `timeout` the limit it had (named in the message when it ran out).
pub fn judge(
    req: &HttpRequestSpec,
    reply: Result<http::Response, HttpError>,
    timeout: Duration,
    took: Duration,
) -> RequestOutcome {
    let mut out = not_sent(req);
    out.duration_ms = took.as_millis() as u64;
    match reply {
        Err(HttpError::Cancelled) => {
            out.message = "not sent: the check was cancelled".into();
        }
        Err(HttpError::Timeout) => {
            out.result = RequestResult::TimedOut;
            out.message = format!("no reply within {:.1} s", timeout.as_secs_f64());
        }
        Err(e @ (HttpError::Connect(_) | HttpError::Closed)) => {
            out.result = RequestResult::NoReply;
            out.message = e.to_string();
        }
        Err(e) => {
            out.result = RequestResult::Mismatch;
            out.message = e.to_string();
        }
        Ok(reply) => {
            out.status = Some(reply.status);
            let (expected, actual) = render_pair(req, &reply);
            match compare::compare(&expected, &actual) {
                None => {
                    out.result = RequestResult::Passed;
                    out.message.clear();
                }
                Some(diff) => {
                    out.result = RequestResult::Mismatch;
                    out.message = mismatch_message(req, &reply);
                    out.diff = Some(diff);
                }
            }
        }
    }
    out
}

fn mismatch_message(req: &HttpRequestSpec, reply: &http::Response) -> String {
    if reply.status != req.status {
        return format!(
            "{} answered {} where {} was expected",
            req.name, reply.status, req.status
        );
    }
    for (name, want) in &req.expect_headers {
        if !header_matches(name, want, reply.header(name)) {
            return format!("{}: the {name} header is not `{want}`", req.name);
        }
    }
    if let ExpectedBody::Json(_) = req.expect_body
        && serde_json::from_slice::<serde_json::Value>(&reply.body).is_err()
    {
        return format!("{}: the body is not valid JSON", req.name);
    }
    format!("{}: the body differs", req.name)
}

/// Content-Type is compared by media type only (`application/json; charset=utf-8` matches
/// `application/json`); other headers by their trimmed value.
fn header_matches(name: &str, want: &str, got: Option<&str>) -> bool {
    let Some(got) = got else {
        return false;
    };
    if name.eq_ignore_ascii_case("content-type") {
        let media = |v: &str| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        };
        media(want) == media(got)
    } else {
        want.trim() == got.trim()
    }
}

/// The expected and the actual reply as text, in the same shape, so that one line diff shows
/// every difference: a status line, the checked headers, then the body (canonical JSON when
/// JSON is expected).
fn render_pair(req: &HttpRequestSpec, reply: &http::Response) -> (String, String) {
    let mut expected = format!("HTTP {}\n", req.status);
    let mut actual = format!("HTTP {}\n", reply.status);
    for (name, want) in &req.expect_headers {
        expected.push_str(&format!("{name}: {want}\n"));
        let got = reply.header(name);
        // A header that matches is shown as expected, so the diff does not flag a charset.
        let shown = if header_matches(name, want, got) {
            want.to_string()
        } else {
            got.map_or_else(|| "(missing)".to_string(), str::to_string)
        };
        actual.push_str(&format!("{name}: {shown}\n"));
    }
    let body = String::from_utf8_lossy(&reply.body);
    match &req.expect_body {
        ExpectedBody::Any => {}
        ExpectedBody::Text(text) => {
            expected.push('\n');
            expected.push_str(text);
            actual.push('\n');
            actual.push_str(&body);
        }
        ExpectedBody::Json(value) => {
            expected.push('\n');
            expected.push_str(&canonical_json(value));
            actual.push('\n');
            match serde_json::from_slice::<serde_json::Value>(&reply.body) {
                Ok(v) => actual.push_str(&canonical_json(&v)),
                Err(_) => actual.push_str(&body),
            }
        }
    }
    (expected, actual)
}

/// JSON printed one way only: keys sorted, two-space indentation, one member per line (so a
/// line diff points at the member that differs), and a float with no fraction printed as an
/// integer (so `1.0` and `1` are the same number, as they are in JSON).
pub fn canonical_json(value: &serde_json::Value) -> String {
    let mut out = String::new();
    write_canonical(value, 0, &mut out);
    out.push('\n');
    out
}

fn write_canonical(value: &serde_json::Value, depth: usize, out: &mut String) {
    use serde_json::Value;
    let indent = |d: usize| "  ".repeat(d);
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => out.push_str(&i.to_string()),
            (_, Some(u), _) => out.push_str(&u.to_string()),
            (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => {
                out.push_str(&format!("{}", f as i64))
            }
            _ => out.push_str(&n.to_string()),
        },
        Value::String(s) => {
            out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}")))
        }
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                write_canonical(item, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&indent(depth));
            out.push(']');
        }
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Object(map) => {
            // Sorted here rather than relying on serde_json's map type, whose order depends
            // on a feature another crate may switch on.
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push_str("{\n");
            for (i, key) in keys.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                out.push_str(&serde_json::to_string(key).unwrap_or_else(|_| format!("{key:?}")));
                out.push_str(": ");
                if let Some(v) = map.get(*key) {
                    write_canonical(v, depth + 1, out);
                }
                out.push_str(if i + 1 < keys.len() { ",\n" } else { "\n" });
            }
            out.push_str(&indent(depth));
            out.push('}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_json_ignores_key_order_spacing_and_integral_floats() {
        let a: serde_json::Value =
            serde_json::from_str(r#"{"b": [1.0, {"y": 2, "x": "é\n"}], "a": {}}"#).expect("a");
        let b: serde_json::Value =
            serde_json::from_str(r#"{"a":{},"b":[1,{"x":"é\n","y":2.0}]}"#).expect("b");
        assert_eq!(canonical_json(&a), canonical_json(&b));
        assert_eq!(
            canonical_json(&json!({"id": 1, "tags": []})),
            "{\n  \"id\": 1,\n  \"tags\": []\n}\n"
        );
        assert_ne!(canonical_json(&json!(1.5)), canonical_json(&json!(1)));
    }

    fn spec(status: u16, body: ExpectedBody) -> HttpRequestSpec {
        HttpRequestSpec {
            name: "GET /items/9".into(),
            method: "GET".into(),
            path: "/items/9".into(),
            headers: vec![],
            body: String::new(),
            status,
            expect_headers: vec![("Content-Type".into(), "application/json".into())],
            expect_body: body,
        }
    }

    fn reply(status: u16, content_type: &str, body: &str) -> http::Response {
        http::Response {
            status,
            headers: vec![("content-type".into(), content_type.into())],
            body: body.as_bytes().to_vec(),
            closes: true,
        }
    }

    #[test]
    fn one_diff_shows_status_headers_and_body() {
        let req = spec(404, ExpectedBody::Json(json!({"error": "not found"})));
        let (e, a) = render_pair(
            &req,
            &reply(
                404,
                "application/json; charset=utf-8",
                r#"{ "error" : "not found" }"#,
            ),
        );
        assert!(compare::compare(&e, &a).is_none(), "{e}\n---\n{a}");
        let (e, a) = render_pair(&req, &reply(200, "text/plain", r#"{"error":"not found"}"#));
        let diff = compare::compare(&e, &a).expect("differs");
        let changed: Vec<&str> = diff
            .lines
            .iter()
            .filter(|l| l.op != compare::DiffOp::Equal)
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(
            changed,
            [
                "HTTP 404",
                "Content-Type: application/json",
                "HTTP 200",
                "Content-Type: text/plain"
            ]
        );
        assert_eq!(
            mismatch_message(&req, &reply(200, "application/json", "{}")),
            "GET /items/9 answered 200 where 404 was expected"
        );
        assert_eq!(
            mismatch_message(&req, &reply(404, "application/json", "{oops")),
            "GET /items/9: the body is not valid JSON"
        );
    }

    #[test]
    fn text_bodies_are_normalised_like_program_output() {
        let req = spec(200, ExpectedBody::Text("ok\n".into()));
        let (e, a) = render_pair(&req, &reply(200, "application/json", "ok\r\n  "));
        assert!(compare::compare(&e, &a).is_none());
    }

    #[test]
    fn a_request_without_a_usable_reply_is_judged_by_why() {
        let req = spec(200, ExpectedBody::Any);
        let took = Duration::from_millis(7);
        let t = judge(&req, Err(HttpError::Timeout), Duration::from_secs(2), took);
        assert_eq!(
            (t.result, t.message.as_str()),
            (RequestResult::TimedOut, "no reply within 2.0 s")
        );
        assert_eq!(t.duration_ms, 7);
        let closed = judge(&req, Err(HttpError::Closed), Duration::from_secs(2), took);
        assert_eq!(closed.result, RequestResult::NoReply);
        let bad = judge(
            &req,
            Err(HttpError::Malformed("x".into())),
            Duration::from_secs(2),
            took,
        );
        assert_eq!(bad.result, RequestResult::Mismatch);
        let cancelled = judge(
            &req,
            Err(HttpError::Cancelled),
            Duration::from_secs(2),
            took,
        );
        assert_eq!(cancelled.result, RequestResult::NotSent);
        let ok = judge(
            &req,
            Ok(reply(200, "application/json", "{}")),
            Duration::from_secs(2),
            took,
        );
        assert_eq!(
            (ok.result, ok.status, ok.message.as_str()),
            (RequestResult::Passed, Some(200), "")
        );
    }
}
