//! Starting a built service and measuring it: cold start, memory, and a bounded load on
//! 127.0.0.1 from a fixed number of keep-alive connections.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::{LabOptions, LabSample};
use crate::course::Language;
use crate::run::http::{self, Connection, Request};
use crate::run::process::{Background, CancelToken, ProcessSpec};
use crate::run::service::{STOP_GRACE, startup_allowance};
use crate::run::{OUTPUT_CAP, procfs};

/// How long one request of the load may take before it counts as an error.
const REQUEST_LIMIT: Duration = Duration::from_secs(5);
/// How long the service gets to answer its first request (on top of the language's own
/// start-up allowance, which is tuned for checks).
const COLD_START_LIMIT: Duration = Duration::from_secs(30);

/// One run: start the service, time the first reply, warm it up, read its memory, load it,
/// stop it. The service is stopped (and its group killed) on every path.
pub(super) fn measure_once(
    lang: Language,
    spec: &ProcessSpec,
    opts: &LabOptions,
) -> Result<LabSample, String> {
    let port = http::free_port().map_err(|e| format!("no free port: {e}"))?;
    let mut spec = spec.clone();
    spec.env.push(("PORT".into(), port.to_string()));
    let mut service = Background::spawn(&spec, OUTPUT_CAP).map_err(|e| e.to_string())?;
    let result = measure_service(lang, &mut service, port, opts);
    let stopped = service.stop(STOP_GRACE);
    result.map_err(|e| {
        let stderr = String::from_utf8_lossy(&stopped.stderr);
        let last: Vec<&str> = stderr.lines().rev().take(3).collect();
        if last.is_empty() {
            e
        } else {
            format!(
                "{e}; stderr ends with: {}",
                last.into_iter().rev().collect::<Vec<_>>().join(" | ")
            )
        }
    })
}

fn measure_service(
    lang: Language,
    service: &mut Background,
    port: u16,
    opts: &LabOptions,
) -> Result<LabSample, String> {
    let cold_start = wait_first_reply(service, port, lang, &opts.cancel)?;
    if !opts.warmup.is_zero() {
        load(
            port,
            opts.connections,
            opts.warmup,
            opts.max_requests,
            &opts.cancel,
        )?;
    }
    let rss_kib = procfs::rss_kib(&service.members());
    let measured = load(
        port,
        opts.connections,
        opts.load,
        opts.max_requests,
        &opts.cancel,
    )?;
    if let Some(t) = service.exited() {
        return Err(format!("the service stopped during the load ({t:?})"));
    }
    if measured.ok == 0 {
        return Err(format!(
            "no request succeeded under load ({} errors)",
            measured.errors
        ));
    }
    let mut latencies = measured.latencies_us;
    latencies.sort_unstable();
    let pct = |p: f64| -> u64 {
        let i = ((latencies.len() as f64 - 1.0) * p).round() as usize;
        latencies.get(i).copied().map(u64::from).unwrap_or(0)
    };
    let secs = measured.elapsed.as_secs_f64().max(1e-3);
    Ok(LabSample {
        cold_start_us: cold_start.as_micros() as u64,
        rss_kib,
        requests: measured.ok,
        errors: measured.errors,
        load_ms: measured.elapsed.as_millis() as u64,
        requests_per_sec: (measured.ok as f64 / secs).round() as u64,
        p50_us: pct(0.50),
        p99_us: pct(0.99),
    })
}

/// Polls `GET /health` until it answers 200: the cold start is process start to that reply.
fn wait_first_reply(
    service: &mut Background,
    port: u16,
    lang: Language,
    cancel: &CancelToken,
) -> Result<Duration, String> {
    let limit = startup_allowance(lang).max(COLD_START_LIMIT);
    let deadline = service.started() + limit;
    let health = Request {
        method: "GET",
        target: "/health",
        headers: &[],
        body: b"",
    };
    loop {
        if cancel.is_cancelled() {
            return Err("cancelled".into());
        }
        if let Some(t) = service.exited() {
            return Err(format!("the service exited before it answered ({t:?})"));
        }
        if let Ok(r) = http::send(port, &health, Duration::from_secs(2))
            && r.status == 200
        {
            return Ok(service.started().elapsed());
        }
        if Instant::now() >= deadline {
            return Err(format!(
                "no 200 from GET /health within {} s",
                limit.as_secs()
            ));
        }
        // Short enough not to blur a Go start-up of a few milliseconds.
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// What a load phase observed.
struct LoadResult {
    ok: u64,
    errors: u64,
    elapsed: Duration,
    latencies_us: Vec<u32>,
}

/// `connections` threads, each with one keep-alive connection, send `GET /items/{n}` back to
/// back for `duration` or until `max_requests` have been sent in all. A thread that cannot be
/// started fails the phase: fewer connections would measure something else.
fn load(
    port: u16,
    connections: u32,
    duration: Duration,
    max_requests: u64,
    cancel: &CancelToken,
) -> Result<LoadResult, String> {
    let started = Instant::now();
    let end = started + duration;
    let budget = Arc::new(AtomicU64::new(0));
    let per_thread: Vec<(u64, u64, Vec<u32>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..connections)
            .map(|worker| {
                let budget = Arc::clone(&budget);
                std::thread::Builder::new()
                    .name(format!("lab-load-{worker}"))
                    .spawn_scoped(s, move || {
                        load_worker(port, worker, end, max_requests, &budget, cancel)
                    })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h {
                Ok(h) => Ok(h.join().unwrap_or_default()),
                Err(e) => Err(format!("cannot start a thread of the load generator: {e}")),
            })
            .collect::<Result<_, String>>()
    })?;
    let elapsed = started.elapsed();
    let mut result = LoadResult {
        ok: 0,
        errors: 0,
        elapsed,
        latencies_us: Vec::new(),
    };
    for (ok, errors, latencies) in per_thread {
        result.ok += ok;
        result.errors += errors;
        result.latencies_us.extend(latencies);
    }
    Ok(result)
}

fn load_worker(
    port: u16,
    worker: u32,
    end: Instant,
    max_requests: u64,
    budget: &AtomicU64,
    cancel: &CancelToken,
) -> (u64, u64, Vec<u32>) {
    let (mut ok, mut errors) = (0u64, 0u64);
    let mut latencies = Vec::new();
    let mut conn: Option<Connection> = None;
    let mut n = u64::from(worker);
    while Instant::now() < end && !cancel.is_cancelled() {
        if budget.fetch_add(1, Ordering::Relaxed) >= max_requests {
            break;
        }
        let c = match conn.as_mut() {
            Some(c) => c,
            None => match Connection::open(port, REQUEST_LIMIT) {
                Ok(c) => conn.insert(c),
                Err(_) => {
                    errors += 1;
                    // Do not spin on a refused connection.
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
            },
        };
        n += 1;
        let target = format!("/items/{}", n % 1000 + 1);
        let req = Request {
            method: "GET",
            target: &target,
            headers: &[],
            body: b"",
        };
        // Past the end of the phase a request may finish, but not run on for long.
        let deadline = (Instant::now() + REQUEST_LIMIT).min(end + Duration::from_secs(2));
        let sent = Instant::now();
        match c.send(&req, true, deadline) {
            Ok(r) if r.status == 200 => {
                ok += 1;
                latencies.push(sent.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
                if r.closes {
                    conn = None;
                }
            }
            Ok(_) | Err(_) => {
                errors += 1;
                conn = None;
            }
        }
    }
    (ok, errors, latencies)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_load_generator_is_bounded_by_time_and_count() {
        let stub = http::Stub::start(vec![crate::course::StubRoute {
            method: "GET".into(),
            path: "/items/1".into(),
            status: 200,
            headers: vec![],
            body: "{}".into(),
            delay: Duration::ZERO,
        }])
        .expect("stub");
        // The stub closes every connection and answers most paths with 404: count and time
        // still bound the phase.
        let started = Instant::now();
        let r = load(
            stub.port(),
            2,
            Duration::from_millis(300),
            50,
            &CancelToken::new(),
        )
        .expect("the load threads start");
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        assert!(r.ok + r.errors <= 50, "{} + {}", r.ok, r.errors);
    }
}
