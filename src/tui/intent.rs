//! What a screen may read and what it may ask for.
//!
//! A screen's handler gets its own state mutably, the rest of the app through [`Ctx`] (read
//! only), and returns [`Intent`]s; `app.rs` carries them out. So a screen cannot change another
//! screen, the progress or the runtime behind the app's back: everything that crosses a screen's
//! border is in this file.

use crate::course::{Course, Exercise, Language};
use crate::highlight::Syntaxes;
use crate::progress::{Progress, Status};
use crate::theme::Theme;

use super::app::{Availability, Overlay};
use super::layout::Layout;
use super::msg::Cmd;

/// What the screens may read of the app.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The course.
    pub course: &'a Course,
    /// The learner's progress, with the changes not yet saved applied.
    pub progress: &'a Progress,
    /// Which languages can run here.
    pub available: &'a Availability,
    /// Each exercise's version (`learner::exercise_version`).
    pub versions: &'a std::collections::BTreeMap<String, String>,
    /// Colours.
    pub theme: &'a Theme,
    /// The syntaxes, once loaded (delivered by `Msg::HighlightReady`): until then code is plain.
    pub syntaxes: Option<Syntaxes>,
    /// Where things go on screen.
    pub layout: &'a Layout,
}

impl Ctx<'_> {
    /// Whether a language's toolchain is installed.
    pub fn is_available(&self, lang: Language) -> bool {
        self.available.get(&lang).copied().unwrap_or(false)
    }

    /// An exercise of the course.
    pub fn exercise(&self, slug: &str) -> Option<&Exercise> {
        self.course.exercise(slug)
    }

    /// Whether a language of an exercise has passed.
    pub fn passed(&self, exercise: &str, lang: Language) -> bool {
        self.progress.record(exercise, lang).status == Status::Passed
    }

    /// Whether a language of an exercise passed an earlier version of it (its cases changed
    /// since): shown as "check again", not as a tick.
    pub fn passed_earlier_version(&self, exercise: &str, lang: Language) -> bool {
        match (self.course.exercise(exercise), self.versions.get(exercise)) {
            (Some(ex), Some(v)) => {
                crate::learner::passed_earlier_version(self.progress, ex, lang, v)
            }
            _ => false,
        }
    }

    /// Whether a language of an exercise passed the exercise as it is now.
    pub fn passed_current(&self, exercise: &str, lang: Language) -> bool {
        self.passed(exercise, lang) && !self.passed_earlier_version(exercise, lang)
    }

    /// Renders Markdown at `width` with the syntaxes in state.
    pub fn markdown(&self, text: &str, width: u16) -> Vec<ratatui::text::Line<'static>> {
        crate::markdown::render_in(text, width, self.theme, &[], self.syntaxes).lines
    }
}

/// What a screen asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intent {
    /// Open a lesson (index into the course).
    OpenLesson(usize),
    /// Open the lesson the reader last had (the open exercise's, once one is open).
    ReadLesson,
    /// Open an exercise, focusing this language (else the first unfinished one).
    OpenExercise(String, Option<Language>),
    /// Go to the first thing not yet done.
    Continue,
    /// Back to the course map.
    ToMap,
    /// Leave the lesson: back to the exercise it was opened from (`l`), else to the map.
    LeaveLesson,
    /// Show the report.
    OpenReport,
    /// Show the lab.
    OpenLab,
    /// Leave microlings.
    Quit,
    /// Open a popup.
    Popup(Overlay),
    /// Close the popup.
    ClosePopup,
    /// Check these languages of the open exercise.
    Check(Vec<Language>),
    /// Cancel the running checks; their results are ignored from now on.
    CancelChecks,
    /// Run a learner's action (its rules are [`crate::learner`]'s) and save what it changed.
    Learn(super::learn::Learn),
    /// Tell the learner something (in the status bar until the next key).
    Say(String),
    /// Edit a language's file in the built-in editor, starting from this text.
    EditHere(Language, String),
    /// Close the built-in editor (its text is discarded).
    CloseEditor,
    /// Watch files on or off.
    ToggleWatch,
    /// A command for the runtime, as it is.
    Run(Cmd),
}
