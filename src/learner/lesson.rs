//! The actions in a lesson: answering a quiz, having read it.

use crate::course::Lesson;
use crate::progress::{Change, Progress};

/// Why a quiz answer was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizRefusal {
    /// The lesson has no quiz with that index.
    NoSuchQuiz,
    /// The option does not exist; the quiz has this many.
    NoSuchOption(usize),
}

impl std::fmt::Display for QuizRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QuizRefusal::NoSuchQuiz => f.write_str("there is no such quiz in this lesson"),
            QuizRefusal::NoSuchOption(n) => write!(f, "this quiz has {n} options"),
        }
    }
}

/// Answers quiz `index` of a lesson with option `chosen` (0-based). The learner may answer
/// again; the first answer stays the score.
pub fn answer_quiz(
    progress: &mut Progress,
    lesson: &Lesson,
    index: usize,
    chosen: usize,
) -> Result<Change, QuizRefusal> {
    let quiz = lesson.quizzes.get(index).ok_or(QuizRefusal::NoSuchQuiz)?;
    if chosen >= quiz.options.len() {
        return Err(QuizRefusal::NoSuchOption(quiz.options.len()));
    }
    let change = Change::Quiz(lesson.slug.clone(), index, chosen, chosen == quiz.answer);
    change.apply(progress);
    Ok(change)
}

/// Records a lesson as read when its end has been on screen (`end_seen`) or its last quiz
/// has been answered; opening it is not reading it. `None` when it is not read yet, or was
/// already.
pub fn lesson_read(progress: &mut Progress, lesson: &Lesson, end_seen: bool) -> Option<Change> {
    if progress.lessons_read.contains(&lesson.slug) {
        return None;
    }
    let last_quiz_answered = lesson
        .quizzes
        .len()
        .checked_sub(1)
        .is_some_and(|last| progress.quiz_answer(&lesson.slug, last).is_some());
    if !(end_seen || last_quiz_answered) {
        return None;
    }
    let change = Change::LessonRead(lesson.slug.clone());
    change.apply(progress);
    Some(change)
}
