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

    /// Where checks build and run, and what they cache.
    pub fn runner_dirs(&self) -> RunnerDirs {
        RunnerDirs {
            scratch: self.root.join("tmp"),
            cache: self.root.join("cache"),
        }
    }

    /// The cached toolchain detection.
    pub fn toolchain_cache(&self) -> PathBuf {
        self.root.join("cache").join("toolchains.json")
    }
}
