//! Checking an HTTP exercise: start the learner's service on a free loopback port, wait until
//! it listens, send the declared requests, compare the replies, and stop it with SIGTERM.
//!
//! Whatever the learner's code does (crash, never listen, listen on the wrong port, hang on a
//! request, ignore SIGTERM), the check ends within a bounded time with a verdict that says
//! which, and the whole process group is gone afterwards.

use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::classify::{self, Blame, Step};
use super::http::{self, Request, Stub};
use super::judge::{self, not_sent};
pub use super::judge::{RequestOutcome, RequestResult};
use super::plan::Plan;
use super::process::{Background, StopKind, Termination};
use super::procfs::{self, Listener};
use super::{CheckOptions, OUTPUT_CAP, Outcome, Verdict, could_not_run, lossy, outcome};
use crate::course::{Exercise, HttpRequestSpec, Language, ServiceSpec};

/// How long a service gets to exit after SIGTERM before its group is killed.
pub const STOP_GRACE: Duration = Duration::from_secs(3);
/// How long a service may listen only on other ports before the check gives up early.
const WRONG_PORT_PATIENCE: Duration = Duration::from_secs(1);
/// How often readiness is polled.
const READY_POLL: Duration = Duration::from_millis(20);
/// How often the listening sockets are looked at while waiting (reading /proc costs more).
const LISTENER_POLL: Duration = Duration::from_millis(250);

/// How long a language's service may take to start listening: the JVM and Mono start slower
/// than a Go binary or CPython, more so on a busy two-core machine.
pub fn startup_allowance(lang: Language) -> Duration {
    match lang {
        Language::Python | Language::Go => Duration::from_secs(5),
        Language::Java | Language::CSharp => Duration::from_secs(15),
    }
}

/// How the service ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shutdown {
    /// It exited within the grace period after SIGTERM.
    OnSigterm,
    /// It ignored SIGTERM and its process group was killed.
    Killed,
    /// It exited by itself before the check was done with it.
    ExitedEarly,
    /// It was never started (the check ended before).
    NotStarted,
}

/// The HTTP part of an [`Outcome`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceReport {
    /// The loopback port the service was given in `PORT`.
    pub port: u16,
    /// From process start to the port accepting connections; `None` if it never did.
    pub startup_ms: Option<u64>,
    /// Every declared request, in order.
    pub requests: Vec<RequestOutcome>,
    /// How it ended.
    pub shutdown: Shutdown,
    /// From SIGTERM to exit, when it exited on SIGTERM.
    pub stop_ms: Option<u64>,
}

impl ServiceReport {
    /// How the service started and stopped, in one line: "listened on port 41234 after 212 ms ·
    /// stopped on SIGTERM in 3 ms".
    pub fn lifecycle(&self) -> String {
        use crate::clock::duration_ms;
        let started = match self.startup_ms {
            Some(ms) => format!("listened on port {} after {}", self.port, duration_ms(ms)),
            None => format!("never listened on port {}", self.port),
        };
        let stopped = match (self.shutdown, self.stop_ms) {
            (Shutdown::OnSigterm, Some(ms)) => format!("stopped on SIGTERM in {}", duration_ms(ms)),
            (Shutdown::OnSigterm, None) => "stopped on SIGTERM".to_string(),
            (Shutdown::Killed, _) => "ignored SIGTERM and was killed".to_string(),
            (Shutdown::ExitedEarly, _) => "exited by itself".to_string(),
            (Shutdown::NotStarted, _) => "not started".to_string(),
        };
        format!("{started} · {stopped}")
    }
}

/// Why waiting for the service ended.
enum Ready {
    Listening(Duration),
    Exited(Termination),
    NotListening { other: Vec<Listener> },
    Cancelled,
}

/// Runs the HTTP check of `exercise` with the built program described by `plan`.
pub(super) fn check(
    exercise: &Exercise,
    spec: &ServiceSpec,
    lang: Language,
    plan: &Plan,
    dir: &Path,
    opts: &CheckOptions,
    started: Instant,
) -> std::io::Result<Outcome> {
    // Dropped (and stopped) at the end of this function, after the service.
    let stub = if spec.stub.is_empty() {
        None
    } else {
        Some(Stub::start(spec.stub.clone())?)
    };
    let port = http::free_port()?;
    let mut run = plan.run.clone();
    run.env.push(("PORT".into(), port.to_string()));
    if let Some(stub) = &stub {
        run.env.push(("STUB_URL".into(), stub.url()));
    }
    let mut service = Background::spawn(&run, OUTPUT_CAP)?;
    let allowance = spec.startup.unwrap_or_else(|| startup_allowance(lang));
    let ready = wait_ready(&mut service, port, allowance, opts);

    let mut report = ServiceReport {
        port,
        startup_ms: None,
        requests: Vec::new(),
        shutdown: Shutdown::NotStarted,
        stop_ms: None,
    };
    let mut o = outcome(exercise, lang, Verdict::Passed, started);
    let mut exited_early = None;
    match &ready {
        Ready::Listening(took) => {
            report.startup_ms = Some(took.as_millis() as u64);
            exited_early = send_all(exercise, spec, port, &mut service, opts, &mut report);
        }
        Ready::Exited(t) => exited_early = Some(*t),
        Ready::NotListening { .. } | Ready::Cancelled => {}
    }
    if report.requests.len() < spec.requests.len() {
        let sent = report.requests.len();
        report
            .requests
            .extend(spec.requests[sent..].iter().map(not_sent));
    }

    // Cancelled: the learner asked to stop now, not after the service's grace period.
    let grace = if opts.cancel.is_cancelled() {
        Duration::ZERO
    } else {
        STOP_GRACE
    };
    let stopped = service.stop(grace);
    drop(stub);
    o.stdout = lossy(&stopped.stdout, dir);
    o.stderr = lossy(&stopped.stderr, dir);
    match stopped.kind {
        StopKind::AlreadyExited(t) => {
            report.shutdown = Shutdown::ExitedEarly;
            exited_early = exited_early.or(Some(t));
        }
        StopKind::OnSigterm { after, .. } => {
            report.shutdown = Shutdown::OnSigterm;
            report.stop_ms = Some(after.as_millis() as u64);
        }
        StopKind::Killed => report.shutdown = Shutdown::Killed,
    }
    if let Some(Termination::Exited(code)) = exited_early {
        o.exit_code = Some(code);
    }
    // A service killed from outside, or whose runtime could not start, did not fail the check.
    if let Some(termination) = exited_early
        && !opts.cancel.is_cancelled()
    {
        let ended = super::process::ProcessResult {
            termination,
            stdout: stopped.stdout.clone(),
            stderr: stopped.stderr.clone(),
            duration: Duration::ZERO,
        };
        if let Blame::Machine(failure) =
            classify::classify(Step::Run(exercise.timeout), lang, &ended)
        {
            let mut failed = could_not_run(exercise, lang, started, &failure.words());
            failed.stdout = std::mem::take(&mut o.stdout);
            failed.stderr = std::mem::take(&mut o.stderr);
            failed.service = Some(report);
            return Ok(failed);
        }
    }

    let first_failure = report
        .requests
        .iter()
        .find(|r| r.result != RequestResult::Passed);
    o.diff = first_failure.and_then(|r| r.diff.clone());
    o.case = first_failure.map(|r| r.name.clone());
    let count = |res: RequestResult| report.requests.iter().filter(|r| r.result == res).count();
    let total = report.requests.len();
    let timeout = exercise.timeout.as_secs_f64();
    let (verdict, message) = match (&ready, exited_early) {
        (Ready::Cancelled, _) => (Verdict::Cancelled, "the check was cancelled".to_string()),
        _ if opts.cancel.is_cancelled() => {
            (Verdict::Cancelled, "the check was cancelled".to_string())
        }
        (Ready::NotListening { other }, _) => (
            Verdict::ServiceNotReady,
            not_listening_message(port, allowance, other),
        ),
        (Ready::Exited(t), _) => (
            Verdict::RuntimeError,
            format!(
                "the service {} before it listened on port {port} (the PORT variable): stderr says why",
                describe_exit(*t)
            ),
        ),
        (_, Some(t)) => (
            Verdict::RuntimeError,
            format!(
                "the service {} while answering requests ({} of {total} answered as expected): stderr says why",
                describe_exit(t),
                count(RequestResult::Passed)
            ),
        ),
        _ if count(RequestResult::TimedOut) > 0 => {
            let r = report
                .requests
                .iter()
                .find(|r| r.result == RequestResult::TimedOut)
                .map(|r| r.name.as_str())
                .unwrap_or_default();
            (
                Verdict::TimedOut,
                format!(
                    "{r}: no reply within {timeout:.1} s. The handler is stuck or waits too long, for example for a slow dependency without a deadline"
                ),
            )
        }
        _ if count(RequestResult::NoReply) > 0 => (
            Verdict::RuntimeError,
            format!(
                "{}: the connection was closed without a reply; the handler probably failed, and stderr says why",
                first_failure.map(|r| r.name.as_str()).unwrap_or_default()
            ),
        ),
        _ if count(RequestResult::Mismatch) > 0 => (
            Verdict::WrongOutput,
            format!(
                "{} of {total} replies are not what was expected; the first: {}",
                count(RequestResult::Mismatch),
                first_failure
                    .map(|r| r.message.as_str())
                    .unwrap_or_default()
            ),
        ),
        _ if report.shutdown == Shutdown::Killed => (
            Verdict::DidNotStop,
            format!(
                "all {total} replies are right, but the service was still running {:.0} s after SIGTERM and was killed. An orchestrator sends SIGTERM before every restart: let it end the process (the default), or handle it and exit",
                STOP_GRACE.as_secs_f64()
            ),
        ),
        _ => (
            Verdict::Passed,
            format!(
                "all {total} replies are right; started in {}, stopped on SIGTERM{}",
                crate::clock::duration_ms(report.startup_ms.unwrap_or(0)),
                report
                    .stop_ms
                    .map(|ms| format!(" in {}", crate::clock::duration_ms(ms)))
                    .unwrap_or_default()
            ),
        ),
    };
    o.verdict = verdict;
    o.message = message;
    o.service = Some(report);
    o.duration_ms = started.elapsed().as_millis() as u64;
    Ok(o)
}

fn describe_exit(t: Termination) -> String {
    classify::describe(t)
}

fn not_listening_message(port: u16, allowance: Duration, other: &[Listener]) -> String {
    let on_port: Vec<&Listener> = other.iter().filter(|l| l.port == port).collect();
    if let Some(l) = on_port.first() {
        return format!(
            "the service listens on {} but not on 127.0.0.1:{port}: bind 127.0.0.1 (or all IPv4 interfaces) rather than {}",
            l.display(),
            l.address
        );
    }
    if !other.is_empty() {
        let list: Vec<String> = other.iter().map(Listener::display).collect();
        return format!(
            "the service listens on {} instead of port {port}: read the port from the PORT environment variable",
            list.join(", ")
        );
    }
    format!(
        "nothing listened on 127.0.0.1:{port} within {:.0} s: start a server on the port given in the PORT environment variable",
        allowance.as_secs_f64()
    )
}

/// Waits until 127.0.0.1:`port` accepts connections, the service exits, it is seen listening
/// only elsewhere for a while, or the allowance runs out.
fn wait_ready(
    service: &mut Background,
    port: u16,
    allowance: Duration,
    opts: &CheckOptions,
) -> Ready {
    let started = service.started();
    let deadline = started + allowance;
    let mut next_listener_look = Instant::now() + LISTENER_POLL;
    let mut elsewhere_since: Option<Instant> = None;
    let mut seen: Vec<Listener> = Vec::new();
    loop {
        if opts.cancel.is_cancelled() {
            return Ready::Cancelled;
        }
        if http::port_open(port, READY_POLL * 5) {
            return Ready::Listening(started.elapsed());
        }
        if let Some(t) = service.exited() {
            return Ready::Exited(t);
        }
        let now = Instant::now();
        if now >= next_listener_look {
            next_listener_look = now + LISTENER_POLL;
            if let Some(listeners) = procfs::listeners(&service.members())
                && !listeners.is_empty()
            {
                seen = listeners;
                let since = *elsewhere_since.get_or_insert(now);
                if now.duration_since(since) >= WRONG_PORT_PATIENCE {
                    return Ready::NotListening { other: seen };
                }
            }
        }
        if now >= deadline {
            return Ready::NotListening { other: seen };
        }
        std::thread::sleep(READY_POLL);
    }
}

/// Sends every request in order; returns how the service ended if it died on the way.
fn send_all(
    exercise: &Exercise,
    spec: &ServiceSpec,
    port: u16,
    service: &mut Background,
    opts: &CheckOptions,
    report: &mut ServiceReport,
) -> Option<Termination> {
    for req in &spec.requests {
        if opts.cancel.is_cancelled() {
            return None;
        }
        let result = send_one_cancellable(req, port, exercise.timeout, Some(&opts.cancel));
        let failed_hard = matches!(result.result, RequestResult::NoReply);
        report.requests.push(result);
        if failed_hard {
            // Give a crashing process a moment to be reaped, so the verdict says it crashed.
            std::thread::sleep(Duration::from_millis(50));
        }
        if let Some(t) = service.exited() {
            return Some(t);
        }
    }
    None
}

/// Sends one request and judges the reply.
pub fn send_one(req: &HttpRequestSpec, port: u16, timeout: Duration) -> RequestOutcome {
    send_one_cancellable(req, port, timeout, None)
}

/// [`send_one`], giving up at once when `cancel` is set (the request is then "not sent").
fn send_one_cancellable(
    req: &HttpRequestSpec,
    port: u16,
    timeout: Duration,
    cancel: Option<&super::CancelToken>,
) -> RequestOutcome {
    let started = Instant::now();
    let request = Request {
        method: &req.method,
        target: &req.path,
        headers: &req.headers,
        body: req.body.as_bytes(),
    };
    let reply = match cancel {
        Some(cancel) => http::send_cancellable(port, &request, timeout, cancel),
        None => http::send(port, &request, timeout),
    };
    judge::judge(req, reply, timeout, started.elapsed())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_listener_is_named_in_the_message() {
        let other = vec![Listener {
            address: "127.0.0.1".into(),
            port: 8080,
        }];
        let m = not_listening_message(40000, Duration::from_secs(5), &other);
        assert!(m.contains("127.0.0.1:8080") && m.contains("PORT"), "{m}");
        let v6 = vec![Listener {
            address: "::1".into(),
            port: 40000,
        }];
        let m = not_listening_message(40000, Duration::from_secs(5), &v6);
        assert!(m.contains("[::1]:40000"), "{m}");
        let m = not_listening_message(40000, Duration::from_secs(5), &[]);
        assert!(m.contains("nothing listened"), "{m}");
    }
}
