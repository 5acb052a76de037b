//! The tradeoff lab: build the same small HTTP service in each language and measure it on this
//! machine: build time, artifact size, cold start, resident memory, and throughput and latency
//! under a bounded loopback load that microlings generates itself.
//!
//! Every figure is the median of several runs with its spread (min to max). The load never goes
//! anywhere but 127.0.0.1, and every loop is bounded both in time and in request count.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::http::{self, Connection, Request};
use super::plan::{self, CacheDirs};
use super::process::{self, Background, CancelToken, Limits, ProcessSpec, Termination};
use super::service::{STOP_GRACE, startup_allowance};
use super::toolchain::Toolchain;
use super::{BUILD_ALLOWANCE, OUTPUT_CAP, Runner, procfs};
use crate::course::Language;

/// The reference service, the same in every language.
const SOURCES: [(Language, &str); 4] = [
    (
        Language::Python,
        include_str!("../../assets/lab/python/main.py"),
    ),
    (Language::Go, include_str!("../../assets/lab/go/main.go")),
    (
        Language::Java,
        include_str!("../../assets/lab/java/Main.java"),
    ),
    (
        Language::CSharp,
        include_str!("../../assets/lab/csharp/Program.cs"),
    ),
];

/// The most runs per language one lab may ask for.
pub const MAX_RUNS: u32 = 10;
/// The longest load phase one run may ask for.
pub const MAX_LOAD: Duration = Duration::from_secs(30);
/// The most load connections.
pub const MAX_CONNECTIONS: u32 = 64;
/// How long one request of the load may take before it counts as an error.
const REQUEST_LIMIT: Duration = Duration::from_secs(5);
/// How long the service gets to answer its first request (on top of the language's own
/// start-up allowance, which is tuned for checks).
const COLD_START_LIMIT: Duration = Duration::from_secs(30);

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

/// How a language's service is built and run: the usual way, or (C# only) compiled ahead of
/// time to a native binary.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum LabVariant {
    /// As a check builds it: the interpreter, the Go compiler, the JVM's or .NET's JIT.
    #[default]
    Standard,
    /// .NET Native AOT: `dotnet publish -p:PublishAot=true`.
    NativeAot,
}

/// One row of the lab: a language built one way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LabTarget {
    /// The language.
    pub language: Language,
    /// How it is built.
    pub variant: LabVariant,
}

impl LabTarget {
    /// The usual build of `language`.
    pub fn standard(language: Language) -> Self {
        LabTarget {
            language,
            variant: LabVariant::Standard,
        }
    }

    /// The row's name: "Go", "C# Native AOT".
    pub fn label(&self) -> String {
        match self.variant {
            LabVariant::Standard => self.language.display_name().to_string(),
            LabVariant::NativeAot => format!("{} Native AOT", self.language.display_name()),
        }
    }

    /// A short name for a bar chart: "Py", "C#", "C#AOT".
    pub fn short_label(&self, short: &str) -> String {
        match self.variant {
            LabVariant::Standard => short.to_string(),
            LabVariant::NativeAot => format!("{short}AOT"),
        }
    }
}

impl std::fmt::Display for LabTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
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

/// A figure over several runs: the median and the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spread {
    /// The median (the mean of the two middle values for an even count).
    pub median: u64,
    /// The smallest value.
    pub min: u64,
    /// The largest value.
    pub max: u64,
}

impl Spread {
    /// The spread of `values`; `None` when there are none.
    pub fn of(values: &[u64]) -> Option<Spread> {
        let mut v = values.to_vec();
        v.sort_unstable();
        let n = v.len();
        if n == 0 {
            return None;
        }
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2
        };
        Some(Spread {
            median,
            min: v[0],
            max: v[n - 1],
        })
    }
}

impl Spread {
    /// `median [min–max]` in the median's unit (`61 ms [58–133]`), or the median alone when
    /// every run agreed at that precision.
    pub fn display(&self, unit: Unit) -> String {
        let (div, suffix, dec) = unit.scale(self.median);
        let median = format!("{}{suffix}", number(self.median, div, dec));
        let (lo, hi) = (number(self.min, div, dec), number(self.max, div, dec));
        if lo == hi {
            median
        } else {
            format!("{median} [{lo}–{hi}]")
        }
    }
}

/// What a lab figure counts, for printing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Microseconds, shown as µs, ms or s.
    Micros,
    /// KiB, shown as MiB.
    Kib,
    /// A plain count, with thousands separators.
    Count,
}

impl Unit {
    /// Divisor, suffix and decimals that suit `value`.
    fn scale(self, value: u64) -> (f64, &'static str, usize) {
        match self {
            Unit::Micros if value < 1_000 => (1.0, " µs", 0),
            Unit::Micros if value < 10_000 => (1e3, " ms", 1),
            Unit::Micros if value < 1_000_000 => (1e3, " ms", 0),
            Unit::Micros => (1e6, " s", 2),
            Unit::Kib => (1024.0, " MiB", 1),
            Unit::Count => (1.0, "", 0),
        }
    }
}

fn number(value: u64, divisor: f64, decimals: usize) -> String {
    if divisor == 1.0 && decimals == 0 {
        let s = value.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        format!("{:.decimals$}", value as f64 / divisor)
    }
}

/// One value with its unit: `412 µs`, `3.1 ms`, `20.4 MiB`, `12,345`.
pub fn format_value(unit: Unit, value: u64) -> String {
    let (div, suffix, dec) = unit.scale(value);
    format!("{}{suffix}", number(value, div, dec))
}

/// A size in bytes: `812 B`, `1.5 KiB`, `7.4 MiB`.
pub fn format_bytes(b: u64) -> String {
    if b < 1024 {
        format!("{b} B")
    } else if b < 1024 * 1024 {
        format!("{:.1} KiB", b as f64 / 1024.0)
    } else {
        format!("{:.1} MiB", b as f64 / (1024.0 * 1024.0))
    }
}

/// What one run of one language measured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabSample {
    /// From process start to the first successful reply to `GET /health`, in microseconds.
    pub cold_start_us: u64,
    /// Resident memory of the whole process group after warm-up, in KiB (`None` where the
    /// operating system does not say).
    pub rss_kib: Option<u64>,
    /// Successful replies during the measured load.
    pub requests: u64,
    /// Failed or timed-out requests during the measured load.
    pub errors: u64,
    /// How long the measured load took, in milliseconds.
    pub load_ms: u64,
    /// Successful replies per second.
    pub requests_per_sec: u64,
    /// Median latency of a request, in microseconds.
    pub p50_us: u64,
    /// 99th-percentile latency, in microseconds.
    pub p99_us: u64,
}

/// How measuring one language went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabStatus {
    /// Measured.
    Ok,
    /// The toolchain is not installed.
    Missing,
    /// Building or running the reference service failed.
    Failed,
    /// The lab was cancelled before this language was done.
    Cancelled,
}

/// The results for one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabLanguage {
    /// The language.
    pub language: Language,
    /// How it was built (runs saved before Native AOT rows existed are standard).
    #[serde(default)]
    pub variant: LabVariant,
    /// How it went.
    pub status: LabStatus,
    /// The toolchain measured, e.g. `go1.22.1` or `.NET 10.0.12, JIT`.
    pub toolchain: Option<String>,
    /// Why it was not measured, or what went wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// How long the build step took (`None` for Python, which has none). Go's build cache is
    /// used as it is, so a first build that compiles net/http takes far longer than later ones.
    pub build_ms: Option<u64>,
    /// Size of what the build produced (for Python: the source), in bytes.
    pub artifact_bytes: Option<u64>,
    /// What `artifact_bytes` measures, e.g. "static binary" or "class files (need a JRE)".
    pub artifact: String,
    /// Cold start over the runs, in microseconds.
    pub cold_start_us: Option<Spread>,
    /// Resident memory after warm-up over the runs, in KiB.
    pub rss_kib: Option<Spread>,
    /// Throughput over the runs.
    pub requests_per_sec: Option<Spread>,
    /// Median latency over the runs, in microseconds.
    pub p50_us: Option<Spread>,
    /// 99th-percentile latency over the runs, in microseconds.
    pub p99_us: Option<Spread>,
    /// Every run, in order.
    pub runs: Vec<LabSample>,
}

impl LabLanguage {
    /// Which row this is.
    pub fn target(&self) -> LabTarget {
        LabTarget {
            language: self.language,
            variant: self.variant,
        }
    }

    /// The row's name: "Go", "C# Native AOT".
    pub fn label(&self) -> String {
        self.target().label()
    }
}

/// The machine the lab ran on, so that saved runs from different machines can be told apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Machine {
    /// `linux`, `macos`, `windows`.
    pub os: String,
    /// `x86_64`, `aarch64`.
    pub arch: String,
    /// Logical cores available to microlings.
    pub cores: u32,
    /// CPU model, when the OS says.
    pub cpu: Option<String>,
    /// Total memory in MiB, when the OS says.
    pub memory_mib: Option<u64>,
    /// Kernel release, when the OS says.
    pub kernel: Option<String>,
}

impl Machine {
    /// Describes this machine.
    pub fn detect() -> Machine {
        let read = |p: &str| std::fs::read_to_string(p).ok();
        let cpu = read("/proc/cpuinfo").and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        });
        let memory_mib = read("/proc/meminfo").and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse::<u64>().ok())
                .map(|kib| kib / 1024)
        });
        Machine {
            os: std::env::consts::OS.to_string(),
            arch: std::env::consts::ARCH.to_string(),
            cores: std::thread::available_parallelism()
                .map(|n| n.get() as u32)
                .unwrap_or(1),
            cpu,
            memory_mib,
            kernel: read("/proc/sys/kernel/osrelease").map(|s| s.trim().to_string()),
        }
    }
}

/// The settings a lab ran with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabSettings {
    /// Runs per language.
    pub runs: u32,
    /// Measured load per run, in milliseconds.
    pub load_ms: u64,
    /// Warm-up load per run, in milliseconds.
    pub warmup_ms: u64,
    /// Concurrent keep-alive connections.
    pub connections: u32,
    /// Upper bound on requests per load phase.
    pub max_requests: u64,
}

/// One whole lab: when, where, how, and the results per language. Saved in progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabRun {
    /// When it started (seconds since the Unix epoch).
    pub started_at: u64,
    /// How long it took, in milliseconds.
    pub duration_ms: u64,
    /// The machine.
    pub machine: Machine,
    /// The settings.
    pub settings: LabSettings,
    /// One entry per language asked for, in course order.
    pub languages: Vec<LabLanguage>,
    /// Whether it was cancelled before the end.
    #[serde(default)]
    pub cancelled: bool,
}

/// Progress of a running lab, for a live display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabEvent {
    /// The lab starts with these rows.
    Started {
        /// In the order they will be measured.
        targets: Vec<LabTarget>,
        /// Runs per language.
        runs: u32,
    },
    /// A row's reference service is being built.
    Building {
        /// The row.
        target: LabTarget,
    },
    /// Run `run` (1-based) of `of` of a language starts.
    Running {
        /// The row.
        target: LabTarget,
        /// Which run.
        run: u32,
        /// How many runs.
        of: u32,
    },
    /// A run finished with these figures.
    Sample {
        /// The row.
        target: LabTarget,
        /// Which run (1-based).
        run: u32,
        /// What it measured.
        sample: LabSample,
    },
    /// A language is done (measured, missing, failed or cancelled).
    Finished(Box<LabLanguage>),
}

/// Measures every requested language, one after another (never in parallel, which would make
/// them compete for the cores), and reports progress through `progress`.
pub fn run_lab(runner: &Runner, opts: &LabOptions, mut progress: impl FnMut(LabEvent)) -> LabRun {
    let started = Instant::now();
    let started_at = crate::progress::now_secs();
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

/// The built reference service, ready to be started.
pub(super) struct Built {
    /// How to start it.
    pub run: ProcessSpec,
    /// How long the build took.
    pub build_ms: Option<u64>,
    /// The size of what it built.
    pub artifact_bytes: u64,
    /// What that is.
    pub artifact: String,
}

/// The reference service's source in `lang`.
fn source(lang: Language) -> &'static str {
    SOURCES
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, s)| *s)
        .unwrap_or_default()
}

/// The toolchain as a row names it: ".NET 10.0.12, JIT", "go1.19.8".
fn describe(toolchain: &Toolchain, variant: LabVariant) -> String {
    match &toolchain.dotnet {
        Some(sdk) => {
            let runtime = sdk.runtime.as_deref().unwrap_or(&toolchain.version);
            match variant {
                LabVariant::Standard => format!(".NET {runtime}, JIT"),
                LabVariant::NativeAot => format!(".NET {runtime}, Native AOT"),
            }
        }
        None => toolchain.describe(),
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
    let described = Some(describe(toolchain, target.variant));
    progress(LabEvent::Building { target });
    // Removed on drop, whatever happens below.
    let dir = match super::rundir::create(&runner.dirs().scratch, &format!("lab-{}-", lang.id())) {
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
        LabVariant::Standard => build(runner, toolchain, dir.path(), &opts.cancel),
        LabVariant::NativeAot => {
            super::native_aot::build(runner, toolchain, dir.path(), source(lang), &opts.cancel)
        }
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
        match measure_once(lang, &built.run, opts) {
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

/// Writes the reference source, builds it with the same commands as a check, and says how to
/// run it tuned for serving.
fn build(
    runner: &Runner,
    toolchain: &Toolchain,
    dir: &Path,
    cancel: &CancelToken,
) -> Result<Built, String> {
    let lang = toolchain.language;
    let source = source(lang);
    let io = |e: std::io::Error| format!("cannot prepare the build: {e}");
    std::fs::create_dir_all(dir.join("tmp")).map_err(io)?;
    std::fs::write(dir.join(lang.file_name()), source).map_err(io)?;
    let caches = CacheDirs {
        root: runner.dirs().cache.clone(),
    };
    let plan = plan::plan(toolchain, dir, &caches, plan::AppKind::Web);
    plan.write_files(dir).map_err(io)?;
    if let Some(server) = &plan.compiler_server {
        super::compiler_server::ensure_running(server);
    }
    let mut build_ms = None;
    if let Some(build) = &plan.build {
        let limits = Limits {
            timeout: BUILD_ALLOWANCE * 3,
            output_cap: OUTPUT_CAP,
        };
        let r = process::run(build, limits, cancel).map_err(|e| e.to_string())?;
        if r.termination != Termination::Exited(0) {
            let mut text = String::from_utf8_lossy(&r.stdout).into_owned();
            text.push_str(&String::from_utf8_lossy(&r.stderr));
            let first: Vec<&str> = text.lines().take(5).collect();
            return Err(format!(
                "the build failed ({:?}): {}",
                r.termination,
                first.join(" | ")
            ));
        }
        build_ms = Some(r.duration.as_millis() as u64);
    }
    let mut run = plan.run.clone();
    let (artifact_bytes, artifact) = match lang {
        Language::Python => (
            file_size(&dir.join("main.py")),
            "source (runs on python3)".to_string(),
        ),
        Language::Go => (
            file_size(&dir.join(if cfg!(windows) { "prog.exe" } else { "prog" })),
            "static binary".to_string(),
        ),
        Language::Java => {
            // Tuned for serving rather than for a one-shot check: the full JIT (no
            // TieredStopAtLevel), Nagle off in the JDK's server, a capped heap.
            run.args = [
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-Dsun.net.httpserver.nodelay=true",
                "-cp",
                "out",
                "Main",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            (
                dir_size(&dir.join("out")),
                "class files (need a JRE)".to_string(),
            )
        }
        Language::CSharp => (
            file_size(&dir.join("exercise.dll")) + dir_size(&dir.join("out")),
            "assembly (needs the ASP.NET Core runtime)".to_string(),
        ),
    };
    Ok(Built {
        run,
        build_ms,
        artifact_bytes,
        artifact,
    })
}

pub(super) fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn dir_size(path: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(path) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => dir_size(&e.path()),
            _ => e.metadata().map(|m| m.len()).unwrap_or(0),
        })
        .sum()
}

/// One run: start the service, time the first reply, warm it up, read its memory, load it,
/// stop it. The service is stopped (and its group killed) on every path.
fn measure_once(
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
        );
    }
    let rss_kib = procfs::group_rss_kib(service.pid());
    let measured = load(
        port,
        opts.connections,
        opts.load,
        opts.max_requests,
        &opts.cancel,
    );
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
/// back for `duration` or until `max_requests` have been sent in all.
fn load(
    port: u16,
    connections: u32,
    duration: Duration,
    max_requests: u64,
    cancel: &CancelToken,
) -> LoadResult {
    let started = Instant::now();
    let end = started + duration;
    let budget = Arc::new(AtomicU64::new(0));
    let per_thread: Vec<(u64, u64, Vec<u32>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..connections)
            .map(|worker| {
                let budget = Arc::clone(&budget);
                s.spawn(move || load_worker(port, worker, end, max_requests, &budget, cancel))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
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
    result
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
        );
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{:?}",
            started.elapsed()
        );
        assert!(r.ok + r.errors <= 50, "{} + {}", r.ok, r.errors);
    }
}
