//! The messages the TUI reacts to and the commands its update logic asks the runtime to carry
//! out. Keeping both as data makes `App::update` testable without a terminal or a toolchain.

use crossterm::event::{KeyEvent, MouseEvent};

use crate::course::Language;
use crate::progress::{Change, Progress};
use crate::run::Outcome;

/// Something that happened.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// The mouse did something (only the wheel is used).
    Mouse(MouseEvent),
    /// Text was pasted (bracketed paste), for the built-in editor.
    Paste(String),
    /// The terminal is now this size.
    Resize(u16, u16),
    /// Time passed while something animates (the spinner).
    Tick,
    /// Toolchain detection (after the first frame) found which languages can run.
    Toolchains(super::app::Availability),
    /// The learner's files for an exercise were read.
    SourcesLoaded {
        /// Exercise slug.
        exercise: String,
        /// Language and contents (or the error reading it).
        sources: Vec<(Language, Result<String, String>)>,
    },
    /// A check finished.
    CheckDone {
        /// Which batch of checks it belongs to (older batches are ignored).
        batch: u64,
        /// What happened.
        outcome: Box<Outcome>,
        /// When it finished (seconds since the Unix epoch; dates a first pass). The runtime
        /// reads the clock, so that update never does.
        finished_at: u64,
    },
    /// The result cache's outcomes for the learner's files of an exercise as they are on disk:
    /// the last check of each language whose file has not changed since.
    Recalled {
        /// Exercise slug.
        exercise: String,
        /// One outcome per language the cache had.
        outcomes: Vec<Outcome>,
    },
    /// A watched file changed on disk.
    FileChanged {
        /// Exercise slug.
        exercise: String,
        /// Which language's file.
        language: Language,
    },
    /// Something the learner should know (the watcher fell back to polling, a file was saved).
    Notice(String),
    /// The external editor exited.
    EditorClosed {
        /// The language whose file was edited.
        language: Language,
        /// An error starting it, if any.
        error: Option<String>,
        /// A note for the learner (e.g. which editor was used as a fallback).
        note: Option<String>,
    },
    /// A change was saved; this is what is on disk now (with other instances' changes merged),
    /// which may not have the changes queued after it yet.
    ProgressSaved {
        /// The sequence number of the change (see [`Cmd::Save`]).
        seq: u64,
        /// The progress as saved.
        progress: Box<Progress>,
    },
    /// Saving a change failed.
    ProgressError {
        /// The sequence number of the change.
        seq: u64,
        /// Why.
        error: String,
    },
    /// A file the built-in editor saved was written (or not).
    FileWritten {
        /// The exercise the file belongs to.
        exercise: String,
        /// The language of the file.
        language: Language,
        /// An error, if writing failed.
        error: Option<String>,
    },
    /// The lab made progress.
    Lab(crate::run::lab::LabEvent),
    /// The lab finished (or was cancelled).
    LabDone(Box<crate::run::lab::LabRun>),
    /// The syntax highlighter finished loading: these are the syntaxes to colour code with.
    HighlightReady(crate::highlight::Syntaxes),
    /// SIGTERM or SIGHUP: save and leave.
    Terminate,
}

/// Something the runtime should do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmd {
    /// Read the learner's files for an exercise (creating them from starters).
    LoadSources(String),
    /// Look up the last checks of an exercise's files in the result cache (never runs a check);
    /// answered by `Msg::Recalled` once the toolchains are known.
    Recall(String),
    /// Check these languages of an exercise on worker threads.
    Check {
        /// Batch id, echoed in `Msg::CheckDone`.
        batch: u64,
        /// Exercise slug.
        exercise: String,
        /// Languages to check.
        languages: Vec<Language>,
    },
    /// Stop running checks.
    CancelChecks,
    /// Save a change to progress, in order on the saver thread.
    Save {
        /// Numbers the changes in the order update made them; `Msg::ProgressSaved` echoes it,
        /// so update knows which changes the saved snapshot lacks.
        seq: u64,
        /// The change.
        change: Change,
    },
    /// Open the learner's file in their editor, suspending the TUI.
    OpenEditor(String, Language),
    /// Write the built-in editor's text to the learner's file.
    WriteFile(String, Language, String),
    /// Watch an exercise's files (replacing what was watched); `None` stops watching.
    Watch(Option<String>),
    /// Measure the reference services on a worker thread.
    RunLab {
        /// The languages to measure (all four when empty).
        languages: Vec<crate::course::Language>,
        /// Whether C# is also measured as a Native AOT binary.
        native_aot: bool,
    },
    /// Stop the lab.
    CancelLab,
    /// Write the learner's report (Markdown) to a file they can keep.
    SaveReport(String),
    /// Leave the TUI.
    Quit,
}
