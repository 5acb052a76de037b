//! The saver: one thread that does every write the TUI makes (progress changes, the built-in
//! editor's files, the report), in order, and reports each back as a message. The loop thread
//! only queues; a slow disk (every write is fsynced) never stalls a frame.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Sender};

use anyhow::{Context as _, Result};

use super::msg::Msg;
use crate::course::Language;
use crate::progress::{Change, ProgressStore};

/// One write.
#[derive(Debug)]
pub(super) enum Job {
    /// Apply a progress change to the saved file (`Msg::ProgressSaved` or `ProgressError`).
    Progress {
        /// Echoed in the answer.
        seq: u64,
        /// The change.
        change: Change,
    },
    /// Write a learner's file (`Msg::FileWritten`).
    File {
        /// The exercise.
        exercise: String,
        /// The language.
        language: Language,
        /// Where.
        path: PathBuf,
        /// What.
        text: String,
    },
    /// Write the report (a `Msg::Notice` says where, or why not).
    Report {
        /// Where.
        path: PathBuf,
        /// The Markdown.
        text: String,
    },
}

/// How a file is written: atomically and fsynced; tests slow it down.
pub(super) type Write = Box<dyn Fn(&Path, &[u8]) -> std::io::Result<()> + Send>;

/// The saver thread and its queue.
pub(super) struct Saver {
    tx: Option<Sender<Job>>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Saver {
    /// Starts the thread; its answers go to `events`.
    pub(super) fn spawn(store: ProgressStore, events: Sender<Msg>) -> Result<Self> {
        Self::spawn_with(store, events, Box::new(crate::fsutil::write_atomic))
    }

    /// Starts the thread, writing files with `write`.
    pub(super) fn spawn_with(
        store: ProgressStore,
        events: Sender<Msg>,
        write: Write,
    ) -> Result<Self> {
        let (tx, rx) = mpsc::channel::<Job>();
        let handle = std::thread::Builder::new()
            .name("saver".into())
            .spawn(move || {
                for job in rx {
                    let _ = events.send(carry_out(&store, &write, job));
                }
            })
            .context("cannot start the saver thread")?;
        Ok(Saver {
            tx: Some(tx),
            handle: Some(handle),
        })
    }

    /// Queues a write.
    pub(super) fn send(&self, job: Job) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(job);
        }
    }

    /// Waits until every queued write is done.
    pub(super) fn finish(&mut self) {
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

fn carry_out(store: &ProgressStore, write: &Write, job: Job) -> Msg {
    match job {
        Job::Progress { seq, change } => match store.update(|p| change.apply(p)) {
            Ok((progress, ())) => Msg::ProgressSaved {
                seq,
                progress: Box::new(progress),
            },
            Err(e) => Msg::ProgressError {
                seq,
                error: format!("{e:#}"),
            },
        },
        Job::File {
            exercise,
            language,
            path,
            text,
        } => Msg::FileWritten {
            exercise,
            language,
            error: write(&path, text.as_bytes())
                .err()
                .map(|e| format!("{}: {e}", path.display())),
        },
        Job::Report { path, text } => Msg::Notice(match write(&path, text.as_bytes()) {
            Ok(()) => format!("report saved to {}", path.display()),
            Err(e) => format!("cannot save the report to {}: {e}", path.display()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_are_answered_in_order_and_progress_is_saved() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = ProgressStore::in_dir(dir.path());
        let (tx, rx) = mpsc::channel();
        let mut saver = Saver::spawn(store.clone(), tx).expect("saver");
        saver.send(Job::Progress {
            seq: 7,
            change: Change::WelcomeSeen,
        });
        let file = dir.path().join("main.py");
        saver.send(Job::File {
            exercise: "e".into(),
            language: Language::Python,
            path: file.clone(),
            text: "print(1)\n".into(),
        });
        saver.finish();
        let answers: Vec<Msg> = rx.try_iter().collect();
        assert!(
            matches!(&answers[..], [Msg::ProgressSaved { seq: 7, progress }, Msg::FileWritten { error: None, .. }] if progress.welcome_seen),
            "{answers:?}"
        );
        assert_eq!(
            crate::fsutil::read_text_capped(&file, u64::MAX).expect("written"),
            "print(1)\n"
        );
        assert!(store.load().expect("load").0.welcome_seen);
    }
}
