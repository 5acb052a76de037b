//! Where microlings keeps its files: progress, the learner's workspace and caches.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::progress::ProgressStore;
use crate::run::RunnerDirs;
use crate::workspace::Workspace;

/// The data directory and the stores inside it.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// `explicit` (from `--data-dir` or `MICROLINGS_HOME`), else the platform's data directory.
    pub fn locate(explicit: Option<&Path>) -> Result<Self> {
        let root = match explicit {
            Some(p) => p.to_path_buf(),
            None => directories::ProjectDirs::from("dev", "microlings", "microlings")
                .map(|d| d.data_dir().to_path_buf())
                .context("cannot find a home directory for microlings' data: pass --data-dir DIR or set MICROLINGS_HOME")?,
        };
        Ok(DataDir { root })
    }

    /// The directory itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The progress file.
    pub fn progress(&self) -> ProgressStore {
        ProgressStore::in_dir(&self.root)
    }

    /// The learner's files.
    pub fn workspace(&self) -> Workspace {
        Workspace::new(self.root.join("workspace")).with_toolchain_cache(self.toolchain_cache())
    }

    /// Where checks build and run, and what they cache: in the data directory, or, when it
    /// cannot be written at all (read-only), in a directory of the system's temp directory
    /// that belongs to this data directory, so checks still run.
    pub fn runner_dirs(&self) -> RunnerDirs {
        let scratch = self.root.join("tmp");
        // Only a data directory that cannot be written at all moves elsewhere; something in
        // the way of its tmp/ (a file) is a failure the check reports.
        if crate::fsutil::writable_dir(&scratch) || crate::fsutil::writable_dir(&self.root) {
            return RunnerDirs {
                scratch,
                cache: self.root.join("cache"),
            };
        }
        use sha2::{Digest, Sha256};
        let hash = Sha256::digest(self.root.to_string_lossy().as_bytes());
        let name: String = hash[..6].iter().map(|b| format!("{b:02x}")).collect();
        let elsewhere = std::env::temp_dir().join(format!("microlings-{name}"));
        RunnerDirs {
            scratch: elsewhere.join("tmp"),
            cache: elsewhere.join("cache"),
        }
    }

    /// The cached toolchain detection.
    pub fn toolchain_cache(&self) -> PathBuf {
        self.root.join("cache").join("toolchains.json")
    }
}
