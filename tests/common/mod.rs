//! Shared helpers for the integration tests.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use microlings::course::{Case, Exercise, ExerciseKind, Language};
use microlings::run::{Runner, RunnerDirs, Toolchains};

/// Toolchains, detected once per test binary.
pub fn toolchains() -> &'static Toolchains {
    // Checks run in-process here: the built helper program contains them (main finds it
    // beside itself; a test binary cannot).
    microlings::run::sandbox::set_helper(env!("CARGO_BIN_EXE_microlings-contain"));
    static T: OnceLock<Toolchains> = OnceLock::new();
    T.get_or_init(Toolchains::detect)
}

/// Whether CI demands every toolchain.
pub fn required() -> bool {
    std::env::var("MICROLINGS_REQUIRE_TOOLCHAINS").is_ok_and(|v| v == "1" || v == "true")
}

/// True when `lang` can run; otherwise prints why the test is skipped, or panics in CI.
pub fn have(lang: Language) -> bool {
    match toolchains().get(lang) {
        Ok(_) => true,
        Err(m) => {
            assert!(
                !required(),
                "{} toolchain missing ({}) and MICROLINGS_REQUIRE_TOOLCHAINS=1",
                lang.display_name(),
                m.reason
            );
            eprintln!(
                "SKIPPED: {} is not installed ({})",
                lang.display_name(),
                m.reason
            );
            false
        }
    }
}

/// A runner working in a fresh temporary directory (kept alive by the returned guard).
pub fn runner() -> (Runner, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let runner = Runner::new(
        toolchains().clone(),
        RunnerDirs {
            scratch: dir.path().join("tmp"),
            cache: shared_cache(),
        },
    );
    (runner, dir)
}

/// One Go build cache for all tests: a cold one costs seconds per test.
pub fn shared_cache() -> PathBuf {
    std::env::temp_dir().join("microlings-test-cache")
}

/// An exercise with the given cases (name, stdin, expected) and no files.
pub fn exercise(slug: &str, timeout_secs: u64, cases: &[(&str, Option<&str>, &str)]) -> Exercise {
    Exercise {
        slug: slug.into(),
        title: slug.into(),
        kind: ExerciseKind::Output,
        timeout: Duration::from_secs(timeout_secs),
        task: "test".into(),
        hints: vec!["a".into(), "b".into()],
        notes: BTreeMap::new(),
        cases: cases
            .iter()
            .map(|(name, input, expected)| Case {
                name: name.to_string(),
                input: input.map(|s| s.as_bytes().to_vec()),
                expected: expected.to_string(),
            })
            .collect(),
        service: None,
        starters: BTreeMap::new(),
        solutions: BTreeMap::new(),
        wrong: Vec::new(),
        advice: Vec::new(),
    }
}

/// A process found in /proc.
pub struct Found {
    /// Its pid.
    pub pid: u32,
    /// Its command line, arguments separated by spaces.
    pub cmdline: String,
    /// Its working directory, when it can be read.
    pub cwd: Option<PathBuf>,
}

/// Every process whose command line contains `needle` (Linux only; none elsewhere).
pub fn processes_with(needle: &str) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let pid = e.file_name().to_str()?.parse::<u32>().ok()?;
            let cmdline = std::fs::read(e.path().join("cmdline")).ok()?;
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            cmdline.contains(needle).then(|| Found {
                pid,
                cmdline,
                cwd: std::fs::read_link(e.path().join("cwd")).ok(),
            })
        })
        .collect()
}

/// Whether any process's command line contains `marker` (Linux only).
pub fn process_running_with(marker: &str) -> bool {
    !processes_with(marker).is_empty()
}

/// An HTTP exercise with the given requests and stub routes.
pub fn http_exercise(
    slug: &str,
    timeout_secs: u64,
    startup_secs: Option<u64>,
    requests: Vec<microlings::course::HttpRequestSpec>,
    stub: Vec<microlings::course::StubRoute>,
) -> Exercise {
    let mut ex = exercise(slug, timeout_secs, &[]);
    ex.kind = ExerciseKind::Http;
    ex.service = Some(microlings::course::ServiceSpec {
        requests,
        stub,
        startup: startup_secs.map(Duration::from_secs),
    });
    ex
}

/// `GET path` expecting `status` and, when given, this JSON body.
pub fn get(path: &str, status: u16, json: Option<&str>) -> microlings::course::HttpRequestSpec {
    use microlings::course::ExpectedBody;
    microlings::course::HttpRequestSpec {
        name: format!("GET {path}"),
        method: "GET".into(),
        path: path.into(),
        headers: vec![],
        body: String::new(),
        status,
        expect_headers: vec![],
        expect_body: match json {
            Some(j) => ExpectedBody::Json(serde_json::from_str(j).expect("test JSON")),
            None => ExpectedBody::Any,
        },
    }
}
