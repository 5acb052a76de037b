//! The learner's actions in the TUI. A screen decides which action the learner took and asks
//! for it ([`Learn`]); the app runs it through [`crate::learner`] on its progress, so the TUI
//! keeps the command line's rules, and sends the change that made to the saver.

use crate::course::Language;
use crate::learner;
use crate::run::lab::LabRun;

use super::app::{App, Overlay};
use super::exercise::PaneMode;
use super::msg::Cmd;

/// A learner's action a screen asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Learn {
    /// Reveal the next hint of the open exercise.
    Hint,
    /// The reference solution of a language of the open exercise is on screen.
    Solution(Language),
    /// Answer quiz `quiz` of the open lesson with option `option` (0-based).
    Quiz {
        /// The quiz, in the lesson's order.
        quiz: usize,
        /// The option chosen.
        option: usize,
    },
    /// The open lesson may be read: `end_seen` when its end is on screen.
    LessonRead {
        /// Whether the end of the lesson is on screen.
        end_seen: bool,
    },
    /// A lab run finished or was stopped.
    Lab(Box<LabRun>),
}

impl App {
    /// Runs a learner's action on the app's progress and asks for its change to be saved.
    pub(crate) fn learn(&mut self, action: Learn) -> Vec<Cmd> {
        let course = self.course.clone();
        let change = match action {
            Learn::Hint => {
                let Some(ex) = self
                    .exercise
                    .slug
                    .as_deref()
                    .and_then(|s| course.exercise(s))
                else {
                    return Vec::new();
                };
                let reveal = learner::reveal_hint(&mut self.progress, ex, self.exercise.focus);
                self.exercise.hints_shown = reveal.shown;
                // The hints open where the learner is looking, not below the fold of the result.
                self.open_overlay(Overlay::Hints);
                if reveal.change.is_none() {
                    self.message = Some(
                        "that was the last hint: s shows the reference solution after a try".into(),
                    );
                }
                reveal.change
            }
            Learn::Solution(lang) => {
                let slug = self.exercise.slug.clone().unwrap_or_default();
                let change = learner::reveal_solution(&mut self.progress, &slug, lang);
                if change.is_none() {
                    // The screen asked `solution_access` first; should progress have changed
                    // since, the rule still holds.
                    self.exercise.mode = PaneMode::Mine;
                    self.message = Some(not_tried_yet(lang));
                }
                change
            }
            Learn::Quiz { quiz, option } => {
                let Some(lesson) = course.lessons.get(self.lesson.index) else {
                    return Vec::new();
                };
                match learner::answer_quiz(&mut self.progress, lesson, quiz, option) {
                    Ok(change) => {
                        if let Some(selected) = self.lesson.quiz_selected.get_mut(quiz) {
                            *selected = Some(option);
                        }
                        Some(change)
                    }
                    Err(refusal) => {
                        self.message = Some(refusal.to_string());
                        None
                    }
                }
            }
            Learn::LessonRead { end_seen } => {
                let Some(lesson) = course.lessons.get(self.lesson.index) else {
                    return Vec::new();
                };
                let change = learner::lesson_read(&mut self.progress, lesson, end_seen);
                if change.is_some() {
                    self.message =
                        Some("lesson read: n goes to the next one, x to its exercises".into());
                }
                change
            }
            Learn::Lab(run) => {
                let (saved, change) = learner::finish_lab(&mut self.progress, *run);
                self.message = Some(saved.message().into());
                change
            }
        };
        change.map(|c| self.save(c)).into_iter().collect()
    }
}

/// Why the solution of `lang` is not shown yet.
pub(crate) fn not_tried_yet(lang: Language) -> String {
    format!(
        "check your {} file at least once first (Enter), then s shows the solution",
        lang.display_name()
    )
}
