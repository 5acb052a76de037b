//! The learner's actions and what each does to progress: one set of rules that the command
//! line and the TUI both call, so they cannot drift apart.
//!
//! Every action decides from the progress it is given and returns the [`Change`](crate::progress::Change) it made,
//! already applied to that progress. The TUI applies it to its state and hands the same
//! `Change` to its saver, which applies it again to the file under the lock; the command line
//! runs the action inside [`ProgressStore::update`](crate::progress::ProgressStore::update).
//! [`outcome`] is how both front ends present a check's result, [`advice`] the notes a check
//! adds on what output cannot grade, and [`notice`] what they say about the progress file.
//!
//! | action | here | effect on progress |
//! |---|---|---|
//! | check | [`check`], [`record_check`] | an attempt, the verdict, a pass (not for a missing toolchain, a cancelled check or one microlings could not run) |
//! | hint | [`reveal_hint`] | one more hint of the exercise (counted once per exercise, whatever the language) |
//! | reveal solution | [`solution_access`], [`reveal_solution`] | the language's solution was seen (only after a try) |
//! | reset | [`reset`] | the attempts forgotten, a pass kept without its verdict |
//! | quiz answer | [`answer_quiz`] | the answer; the first one stays the score |
//! | lesson read | [`lesson_read`] | read once its end was on screen or its last quiz answered |
//! | lab run | [`finish_lab`] | the run saved, a cancelled one too when it measured something |

pub mod advice;
mod exercise;
mod lab;
mod lesson;
pub mod notice;
pub mod outcome;

pub use exercise::{
    HintReveal, SolutionAccess, Standing, check, check_language, exercise_version,
    passed_earlier_version, recall_language, record_check, record_check_at, reset, reveal_hint,
    reveal_solution, shown_status, solution_access, standing,
};
pub use lab::{LabSaved, finish_lab};
pub use lesson::{QuizRefusal, answer_quiz, lesson_read};

#[cfg(test)]
mod tests;
