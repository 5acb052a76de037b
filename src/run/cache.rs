//! Results of checks, remembered by a hash of everything that decides them, so an unchanged
//! file is answered without building or running anything.

use std::path::PathBuf;

use sha2::{Digest, Sha256};

use super::{Outcome, Verdict};
use crate::course::{Exercise, Language};
use crate::run::plan::Plan;
use crate::run::toolchain::Toolchain;

/// Bump when the runner's behaviour changes in a way that changes verdicts. 3: a program or
/// compiler killed from outside, a toolchain that could not start and a full disk are no longer
/// the learner's (runner 2 cached them as runtime or compile errors).
const RUNNER_VERSION: &str = "microlings-runner-3";

/// A cached outcome larger than this is ignored: one holds at most a capped stdout and stderr
/// and a capped diff.
const MAX_ENTRY_BYTES: u64 = 16 << 20;

/// A directory of cached outcomes, one JSON file each.
#[derive(Debug, Clone)]
pub struct ResultCache {
    dir: PathBuf,
}

impl ResultCache {
    /// A cache in `dir` (created on first store).
    pub fn new(dir: PathBuf) -> Self {
        ResultCache { dir }
    }

    /// The key for checking `source` against the exercise's cases with this toolchain.
    pub fn key(
        exercise: &Exercise,
        lang: Language,
        source: &[u8],
        toolchain: &Toolchain,
        plan: &Plan,
    ) -> String {
        let mut h = Sha256::new();
        let mut field = |bytes: &[u8]| {
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        };
        field(RUNNER_VERSION.as_bytes());
        field(lang.id().as_bytes());
        field(toolchain.version.as_bytes());
        for p in &toolchain.programs {
            field(p.to_string_lossy().as_bytes());
        }
        // What the runner builds and runs with: a change that can alter a verdict
        // invalidates what it cached; where its temp files or compiler server are does not.
        field(plan.fingerprint().as_bytes());
        field(source);
        field(&exercise.timeout.as_millis().to_le_bytes());
        // Requests, expected replies and stub routes decide an HTTP check's verdict.
        field(format!("{:?}", exercise.service).as_bytes());
        for case in &exercise.cases {
            field(case.name.as_bytes());
            field(case.input.as_deref().unwrap_or(b"\0none"));
            field(case.expected.as_bytes());
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// A cached outcome, marked as cached.
    pub fn get(&self, key: &str) -> Option<Outcome> {
        let text = crate::fsutil::read_regular_capped(
            &self.dir.join(format!("{key}.json")),
            MAX_ENTRY_BYTES,
        )
        .ok()?;
        let mut outcome: Outcome = serde_json::from_slice(&text).ok()?;
        outcome.cached = true;
        Some(outcome)
    }

    /// Remembers an outcome if its verdict depends only on the inputs (not on machine load).
    pub fn put(&self, key: &str, outcome: &Outcome) {
        let deterministic = matches!(
            outcome.verdict,
            Verdict::Passed | Verdict::WrongOutput | Verdict::CompileError | Verdict::RuntimeError
        );
        if !deterministic {
            return;
        }
        if let Ok(text) = serde_json::to_string(outcome) {
            // A cache that cannot be written only costs speed.
            let _ = std::fs::create_dir_all(&self.dir);
            let _ = crate::fsutil::write_replace(
                &self.dir.join(format!("{key}.json")),
                text.as_bytes(),
            );
        }
    }
}
