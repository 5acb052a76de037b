//! What both front ends say about the progress file when loading it found something.

use crate::progress::LoadNotice;

/// How much a notice matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something the learner should act on or know was lost.
    Warning,
    /// For information.
    Note,
}

/// A notice about the progress file, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// How much it matters.
    pub level: Level,
    /// One sentence, without a `warning:` or `note:` prefix.
    pub text: String,
}

/// What to tell the learner about `notice`.
pub fn progress_notice(notice: &LoadNotice) -> Notice {
    match notice {
        LoadNotice::MovedAsideCorrupt { moved_to, reason } => Notice {
            level: Level::Warning,
            text: format!(
                "your progress file could not be read ({reason}); it was kept as {} and you start with fresh progress (your exercise files are untouched)",
                moved_to.display()
            ),
        },
        LoadNotice::Migrated { from } => Notice {
            level: Level::Note,
            text: format!("upgraded your progress file from version {from}"),
        },
    }
}
