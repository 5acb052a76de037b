//! The lab's one rule for saving a run, for both front ends.

use crate::progress::{Change, Progress};
use crate::run::lab::LabRun;

/// What happened to a finished lab run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabSaved {
    /// It ran to the end and was saved.
    Saved,
    /// It was cancelled; what it had measured was saved, marked cancelled.
    SavedCancelled,
    /// It was cancelled before it measured anything: there was nothing to save.
    NothingMeasured,
}

impl LabSaved {
    /// One line for the learner.
    pub fn message(self) -> &'static str {
        match self {
            LabSaved::Saved => "lab finished and saved with your progress",
            LabSaved::SavedCancelled => {
                "lab stopped; what it measured was saved with your progress, marked cancelled"
            }
            LabSaved::NothingMeasured => {
                "lab stopped before it measured anything; nothing was saved"
            }
        }
    }
}

/// Keeps a finished lab run in progress. A cancelled run is saved too when it measured at
/// least one language (marked `cancelled`, so it is never mistaken for a full one); one
/// cancelled before any measurement is not. Returns the change to save, if any.
pub fn finish_lab(progress: &mut Progress, run: LabRun) -> (LabSaved, Option<Change>) {
    let measured = run.languages.iter().any(|l| !l.runs.is_empty());
    let saved = match (run.cancelled, measured) {
        (false, _) => LabSaved::Saved,
        (true, true) => LabSaved::SavedCancelled,
        (true, false) => return (LabSaved::NothingMeasured, None),
    };
    let change = Change::LabRun(Box::new(run));
    change.apply(progress);
    (saved, Some(change))
}
