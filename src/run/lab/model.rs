//! What a lab produces: figures with their spread, per-row results, the machine and the
//! settings, and the progress events of a running lab. Saved runs are part of progress.json.

use serde::{Deserialize, Serialize};

use crate::course::Language;

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
        let read = |p: &str| crate::fsutil::read_text_capped(std::path::Path::new(p), 1 << 20).ok();
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
