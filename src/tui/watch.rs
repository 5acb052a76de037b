//! Watch mode: re-check a file when it is saved from any editor.
//!
//! The exercise's language directories are watched, not the files: editors save by writing a
//! new file and renaming it over the old one. If the platform's file events do not arrive (some
//! network and container file systems), the runtime switches to polling.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};
use notify_debouncer_mini::{Config, DebounceEventResult, Debouncer, new_debouncer_opt};

use super::msg::Msg;
use crate::course::Language;

/// Quiet time before a burst of events counts as one save.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// How often the polling fallback looks at the files.
const POLL_INTERVAL: Duration = Duration::from_millis(500);

enum Backend {
    Native(Debouncer<RecommendedWatcher>),
    Poll(Debouncer<PollWatcher>),
}

/// Watches one exercise's files at a time.
pub struct FileWatcher {
    tx: Sender<Msg>,
    backend: Option<Backend>,
    /// Whether the polling fallback is in use.
    pub polling: bool,
}

impl FileWatcher {
    /// A watcher that reports to `tx`.
    pub fn new(tx: Sender<Msg>) -> Self {
        FileWatcher {
            tx,
            backend: None,
            polling: false,
        }
    }

    /// Stops watching.
    pub fn stop(&mut self) {
        self.backend = None;
    }

    /// Watches `dirs` (one per language) of `exercise`, replacing what was watched.
    pub fn watch(&mut self, exercise: &str, dirs: Vec<(Language, PathBuf)>) -> Result<(), String> {
        self.stop();
        let tx = self.tx.clone();
        let slug = exercise.to_string();
        let targets: Vec<(Language, PathBuf)> = dirs
            .iter()
            .map(|(l, d)| (*l, d.join(l.file_name())))
            .collect();
        let handler = move |res: DebounceEventResult| {
            let Ok(events) = res else {
                return;
            };
            let mut seen = Vec::new();
            for e in events {
                if let Some((lang, _)) = targets.iter().find(|(_, f)| *f == e.path)
                    && !seen.contains(lang)
                {
                    seen.push(*lang);
                    let _ = tx.send(Msg::FileChanged {
                        exercise: slug.clone(),
                        language: *lang,
                    });
                }
            }
        };
        let config = Config::default()
            .with_timeout(DEBOUNCE)
            .with_batch_mode(true);
        let mut backend = if self.polling {
            let cfg = config.with_notify_config(
                notify::Config::default()
                    .with_poll_interval(POLL_INTERVAL)
                    .with_compare_contents(true),
            );
            Backend::Poll(
                new_debouncer_opt::<_, PollWatcher>(cfg, handler).map_err(|e| e.to_string())?,
            )
        } else {
            match new_debouncer_opt::<_, RecommendedWatcher>(config, handler) {
                Ok(d) => Backend::Native(d),
                Err(e) => {
                    self.polling = true;
                    let _ = self.tx.send(Msg::Notice(format!(
                        "file events unavailable ({e}): watching by polling"
                    )));
                    return self.watch(exercise, dirs);
                }
            }
        };
        for (_, dir) in &dirs {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            let w: &mut dyn Watcher = match &mut backend {
                Backend::Native(d) => d.watcher(),
                Backend::Poll(d) => d.watcher(),
            };
            w.watch(dir, RecursiveMode::NonRecursive)
                .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
        }
        self.backend = Some(backend);
        Ok(())
    }
}
