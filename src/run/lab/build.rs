//! Building the reference service of a row with the same plan a check uses, tuned for serving.

use std::path::Path;

use super::LabVariant;
use crate::course::Language;
use crate::run::classify::{self, Blame, Step, classify};
use crate::run::plan::{self, CacheDirs};
use crate::run::process::{CancelToken, Limits, ProcessSpec, Termination};
use crate::run::toolchain::Toolchain;
use crate::run::{BUILD_ALLOWANCE, OUTPUT_CAP, Runner};

/// The reference service, the same in every language.
const SOURCES: [(Language, &str); 4] = [
    (
        Language::Python,
        include_str!("../../../assets/lab/python/main.py"),
    ),
    (Language::Go, include_str!("../../../assets/lab/go/main.go")),
    (
        Language::Java,
        include_str!("../../../assets/lab/java/Main.java"),
    ),
    (
        Language::CSharp,
        include_str!("../../../assets/lab/csharp/Program.cs"),
    ),
];

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
pub(super) fn source(lang: Language) -> &'static str {
    SOURCES
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, s)| *s)
        .unwrap_or_default()
}

/// The toolchain as a row names it: ".NET 10.0.12, JIT", "go1.19.8".
pub(super) fn describe(toolchain: &Toolchain, variant: LabVariant) -> String {
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

/// Writes the reference source, builds it with the same commands as a check, and says how to
/// run it tuned for serving.
pub(super) fn build(
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
    let plan = plan::plan(toolchain, dir, &caches, plan::Purpose::Serve);
    plan.write_files(dir).map_err(io)?;
    let mut build_ms = None;
    if let Some(build) = &plan.build {
        let limits = Limits {
            timeout: BUILD_ALLOWANCE * 3,
            output_cap: OUTPUT_CAP,
        };
        let r = build.run(limits, cancel).map_err(|e| e.to_string())?;
        if r.termination != Termination::Exited(0) {
            if let Blame::Machine(failure) = classify(Step::Build(limits.timeout), lang, &r) {
                return Err(format!("the build could not run: {}", failure.words()));
            }
            let mut text = String::from_utf8_lossy(&r.stdout).into_owned();
            text.push_str(&String::from_utf8_lossy(&r.stderr));
            let first: Vec<&str> = text.lines().take(5).collect();
            return Err(format!(
                "the build failed (the compiler {}): {}",
                classify::describe(r.termination),
                first.join(" | ")
            ));
        }
        build_ms = Some(r.duration.as_millis() as u64);
    }
    let run = plan.run.clone();
    let (artifact_bytes, artifact) = match lang {
        Language::Python => (
            file_size(&dir.join("main.py")),
            "source (runs on python3)".to_string(),
        ),
        Language::Go => (
            file_size(&dir.join(if cfg!(windows) { "prog.exe" } else { "prog" })),
            "static binary".to_string(),
        ),
        Language::Java => (
            dir_size(&dir.join("out")),
            "class files (need a JRE)".to_string(),
        ),
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
