//! Toolchain detection after the first frame. Detection reads a cache keyed by the programs
//! on PATH, but when that is stale (a first run, an upgraded JDK or .NET SDK) it runs
//! `javac -version`, `dotnet --list-sdks` and the like, hundreds of milliseconds: the first
//! screen must not wait for it. It runs on a thread of its own; the app hears which languages
//! can run (`Msg::Toolchains`) and the runtime takes the runner when it first needs it.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::sync::{Arc, OnceLock};
use std::thread::JoinHandle;

use super::app::Availability;
use super::msg::Msg;
use crate::course::Language;
use crate::run::{Runner, RunnerDirs, Toolchains};

/// The runner, once detection finished.
pub(crate) enum RunnerSlot {
    /// Detecting; joined when a check or the lab first needs the runner.
    Pending {
        handle: Option<JoinHandle<Arc<Runner>>>,
        /// Set by the detecting thread before it says so (`Msg::Toolchains`), so that whoever
        /// hears it can take the runner without waiting for the thread to end.
        done: Arc<OnceLock<Arc<Runner>>>,
        cache_file: PathBuf,
        dirs: RunnerDirs,
    },
    /// Ready.
    Ready(Arc<Runner>),
}

/// Which languages a runner can run.
fn availability(toolchains: &Toolchains) -> Availability {
    Language::ALL
        .iter()
        .map(|&l| (l, toolchains.available(l)))
        .collect()
}

fn detect(
    cache_file: &std::path::Path,
    dirs: RunnerDirs,
    done: &OnceLock<Arc<Runner>>,
    tx: &Sender<Msg>,
) -> Arc<Runner> {
    let runner = Arc::new(Runner::new(Toolchains::detect_cached(cache_file), dirs));
    let runner = done.get_or_init(|| runner).clone();
    let _ = tx.send(Msg::Toolchains(availability(&runner.toolchains)));
    runner
}

impl RunnerSlot {
    /// Starts detecting on a thread of its own (in this thread when none can be started).
    pub(crate) fn start(cache_file: PathBuf, dirs: RunnerDirs, tx: Sender<Msg>) -> Self {
        let done = Arc::new(OnceLock::new());
        let (file, d, cell) = (cache_file.clone(), dirs.clone(), done.clone());
        let spawned = std::thread::Builder::new()
            .name("toolchains".into())
            .spawn(move || detect(&file, d, &cell, &tx));
        match spawned {
            Ok(handle) => RunnerSlot::Pending {
                handle: Some(handle),
                done,
                cache_file,
                dirs,
            },
            Err(_) => {
                let (tx, _rx) = std::sync::mpsc::channel();
                RunnerSlot::Ready(detect(&cache_file, dirs, &done, &tx))
            }
        }
    }

    /// A runner that is ready (for tests).
    #[cfg(test)]
    pub(crate) fn ready(runner: Runner) -> Self {
        RunnerSlot::Ready(Arc::new(runner))
    }

    /// The runner if detection has finished, without waiting for it.
    pub(crate) fn ready_now(&mut self) -> Option<Arc<Runner>> {
        match self {
            RunnerSlot::Ready(runner) => Some(runner.clone()),
            RunnerSlot::Pending { done, .. } => {
                let runner = done.get()?.clone();
                // The thread ends on its own right after; nothing waits for it.
                *self = RunnerSlot::Ready(runner.clone());
                Some(runner)
            }
        }
    }

    /// The runner, waiting for detection if it is still running.
    pub(crate) fn get(&mut self) -> Arc<Runner> {
        if let Some(runner) = self.ready_now() {
            return runner;
        }
        let runner = match self {
            RunnerSlot::Ready(runner) => return runner.clone(),
            RunnerSlot::Pending {
                handle,
                cache_file,
                dirs,
                ..
            } => match handle.take().map(JoinHandle::join) {
                Some(Ok(runner)) => runner,
                // The thread died: detect here rather than run without toolchains.
                _ => Arc::new(Runner::new(
                    Toolchains::detect_cached(cache_file),
                    dirs.clone(),
                )),
            },
        };
        *self = RunnerSlot::Ready(runner.clone());
        runner
    }
}
