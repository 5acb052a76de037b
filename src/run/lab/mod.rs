//! The tradeoff lab: build the same small HTTP service in each language and measure it on this
//! machine: build time, artifact size, cold start, resident memory, and throughput and latency
//! under a bounded loopback load that microlings generates itself.
//!
//! Every figure is the median of several runs with its spread (min to max). The load never goes
//! anywhere but 127.0.0.1, and every loop is bounded both in time and in request count.
//!
//! `model` holds what a lab produces (saved in progress), `build` turns the reference source
//! into something to run, `native_aot` does so for the C# Native AOT row, and `load` starts the
//! service and measures it.

mod build;
mod load;
mod model;
pub mod native_aot;

use std::time::{Duration, Instant};

pub use model::*;

use super::Runner;
use super::process::CancelToken;
use crate::course::Language;

/// The most runs per language one lab may ask for.
pub const MAX_RUNS: u32 = 10;
/// The longest load phase one run may ask for.
pub const MAX_LOAD: Duration = Duration::from_secs(30);
/// The most load connections.
pub const MAX_CONNECTIONS: u32 = 64;

/// What to measure and how hard.
#[derive(Debug, Clone)]
pub struct LabOptions {
    /// Languages to measure (those whose toolchain is missing are reported as such); empty
    /// means all four.
    pub languages: Vec<Language>,
    /// Runs per language (1 to [`MAX_RUNS`]); each figure is the median over them.
    pub runs: u32,
    /// Length of the measured load phase of each run.
    pub load: Duration,
    /// Warm-up load before memory is read and the measured load starts.
    pub warmup: Duration,
    /// Concurrent keep-alive connections of the load.
    pub connections: u32,
    /// Upper bound on requests per load phase, whatever the duration.
    pub max_requests: u64,
    /// Whether C# is also measured as a Native AOT binary (a second C# row). Its first build
    /// restores the ILCompiler packages (hundreds of MB) into the learner's NuGet cache.
    pub native_aot: bool,
    /// Set to stop early; the lab returns what it has, marked cancelled.
    pub cancel: CancelToken,
}

impl Default for LabOptions {
    fn default() -> Self {
        LabOptions {
            languages: Vec::new(),
            runs: 3,
            load: Duration::from_secs(2),
            warmup: Duration::from_millis(500),
            connections: 8,
            max_requests: 200_000,
            native_aot: true,
            cancel: CancelToken::new(),
        }
    }
}

/// Measures every requested language, one after another (never in parallel, which would make
/// them compete for the cores), and reports progress through `progress`.
pub fn run_lab(runner: &Runner, opts: &LabOptions, mut progress: impl FnMut(LabEvent)) -> LabRun {
    let started = Instant::now();
    let started_at = crate::clock::now_secs();
    let opts = clamp(opts);
    let languages: Vec<Language> = if opts.languages.is_empty() {
        Language::ALL.to_vec()
    } else {
        Language::ALL
            .into_iter()
            .filter(|l| opts.languages.contains(l))
            .collect()
    };
    let targets: Vec<LabTarget> = languages
        .into_iter()
        .flat_map(|language| {
            let aot = (language == Language::CSharp && opts.native_aot).then_some(LabTarget {
                language,
                variant: LabVariant::NativeAot,
            });
            std::iter::once(LabTarget::standard(language)).chain(aot)
        })
        .collect();
    progress(LabEvent::Started {
        targets: targets.clone(),
        runs: opts.runs,
    });
    let mut results = Vec::new();
    for target in targets {
        let result = if opts.cancel.is_cancelled() {
            empty(
                target,
                LabStatus::Cancelled,
                None,
                "the lab was cancelled".into(),
            )
        } else {
            measure_language(runner, target, &opts, &mut progress)
        };
        progress(LabEvent::Finished(Box::new(result.clone())));
        results.push(result);
    }
    LabRun {
        started_at,
        duration_ms: started.elapsed().as_millis() as u64,
        machine: Machine::detect(),
        settings: LabSettings {
            runs: opts.runs,
            load_ms: opts.load.as_millis() as u64,
            warmup_ms: opts.warmup.as_millis() as u64,
            connections: opts.connections,
            max_requests: opts.max_requests,
        },
        languages: results,
        cancelled: opts.cancel.is_cancelled(),
    }
}

/// Keeps the options inside the bounds that make a lab finish in reasonable time.
fn clamp(opts: &LabOptions) -> LabOptions {
    LabOptions {
        runs: opts.runs.clamp(1, MAX_RUNS),
        load: opts.load.clamp(Duration::from_millis(100), MAX_LOAD),
        warmup: opts.warmup.min(MAX_LOAD),
        connections: opts.connections.clamp(1, MAX_CONNECTIONS),
        max_requests: opts.max_requests.clamp(1, 10_000_000),
        ..opts.clone()
    }
}

fn empty(
    target: LabTarget,
    status: LabStatus,
    toolchain: Option<String>,
    message: String,
) -> LabLanguage {
    LabLanguage {
        language: target.language,
        variant: target.variant,
        status,
        toolchain,
        message: Some(message),
        build_ms: None,
        artifact_bytes: None,
        artifact: String::new(),
        cold_start_us: None,
        rss_kib: None,
        requests_per_sec: None,
        p50_us: None,
        p99_us: None,
        runs: Vec::new(),
    }
}

fn measure_language(
    runner: &Runner,
    target: LabTarget,
    opts: &LabOptions,
    progress: &mut impl FnMut(LabEvent),
) -> LabLanguage {
    let lang = target.language;
    let toolchain = match runner.toolchains.get(lang) {
        Ok(t) => t,
        Err(m) => {
            return empty(
                target,
                LabStatus::Missing,
                None,
                format!("{} ({})", m.reason, m.install_hint_here()),
            );
        }
    };
    let described = Some(build::describe(toolchain, target.variant));
    progress(LabEvent::Building { target });
    // Removed on drop, whatever happens below.
    let dir =
        match crate::run::rundir::create(&runner.dirs().scratch, &format!("lab-{}-", lang.id())) {
            Ok(d) => d,
            Err(e) => {
                return empty(
                    target,
                    LabStatus::Failed,
                    described,
                    format!("cannot create a build directory: {e}"),
                );
            }
        };
    let built = match target.variant {
        LabVariant::Standard => build::build(runner, toolchain, dir.path(), &opts.cancel),
        LabVariant::NativeAot => native_aot::build(
            runner,
            toolchain,
            dir.path(),
            build::source(lang),
            &opts.cancel,
        ),
    };
    let built = match built {
        Ok(b) => b,
        Err(e) => return empty(target, LabStatus::Failed, described, e),
    };
    let mut result = LabLanguage {
        build_ms: built.build_ms,
        artifact_bytes: Some(built.artifact_bytes),
        artifact: built.artifact.clone(),
        message: None,
        ..empty(target, LabStatus::Ok, described, String::new())
    };
    for run in 1..=opts.runs {
        if opts.cancel.is_cancelled() {
            result.status = LabStatus::Cancelled;
            result.message = Some("the lab was cancelled".into());
            break;
        }
        progress(LabEvent::Running {
            target,
            run,
            of: opts.runs,
        });
        match load::measure_once(lang, &built.run, opts) {
            Ok(sample) => {
                progress(LabEvent::Sample {
                    target,
                    run,
                    sample: sample.clone(),
                });
                result.runs.push(sample);
            }
            Err(e) => {
                result.status = LabStatus::Failed;
                result.message = Some(format!("run {run}: {e}"));
                break;
            }
        }
    }
    let runs = &result.runs;
    let pick = |f: fn(&LabSample) -> u64| Spread::of(&runs.iter().map(f).collect::<Vec<_>>());
    result.cold_start_us = pick(|s| s.cold_start_us);
    result.requests_per_sec = pick(|s| s.requests_per_sec);
    result.p50_us = pick(|s| s.p50_us);
    result.p99_us = pick(|s| s.p99_us);
    let rss: Vec<u64> = runs.iter().filter_map(|s| s.rss_kib).collect();
    result.rss_kib = Spread::of(&rss);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_are_median_min_and_max() {
        assert_eq!(
            Spread::of(&[5, 1, 3]),
            Some(Spread {
                median: 3,
                min: 1,
                max: 5
            })
        );
        assert_eq!(Spread::of(&[4, 2]).map(|s| s.median), Some(3));
        assert_eq!(Spread::of(&[]), None);
    }

    #[test]
    fn figures_are_formatted_for_people() {
        assert_eq!(format_value(Unit::Micros, 412), "412 µs");
        assert_eq!(format_value(Unit::Micros, 3_140), "3.1 ms");
        assert_eq!(format_value(Unit::Micros, 61_000), "61 ms");
        assert_eq!(format_value(Unit::Micros, 1_240_000), "1.24 s");
        assert_eq!(format_value(Unit::Count, 1_234_567), "1,234,567");
        assert_eq!(format_value(Unit::Count, 999), "999");
        assert_eq!(format_bytes(1536), "1.5 KiB");
        let s = |median, min, max| Spread { median, min, max };
        assert_eq!(s(2, 1, 3).display(Unit::Count), "2 [1–3]");
        assert_eq!(
            s(61_000, 58_400, 133_000).display(Unit::Micros),
            "61 ms [58–133]"
        );
        assert_eq!(s(20_900, 20_880, 20_910).display(Unit::Kib), "20.4 MiB");
    }

    #[test]
    fn options_are_kept_within_bounds() {
        let wild = LabOptions {
            runs: 1000,
            load: Duration::from_secs(3600),
            connections: 0,
            ..LabOptions::default()
        };
        let c = clamp(&wild);
        assert_eq!((c.runs, c.load, c.connections), (MAX_RUNS, MAX_LOAD, 1));
    }
}
