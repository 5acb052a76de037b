//! What a course is (lessons, exercises, quizzes, languages) and how it is loaded and validated.

mod files;
mod language;
mod load;
mod model;

pub use files::CourseFiles;
pub use language::Language;
pub use load::{Diagnostic, LoadError, load};
pub use model::{
    Advice, Case, Course, Exercise, ExerciseKind, ExpectedBody, HttpRequestSpec, Lesson, Quiz,
    ServiceSpec, StubRoute, WrongAnswer,
};

/// Loads the course embedded in the binary, or the one at `dir` when given.
pub fn load_course(dir: Option<&std::path::Path>) -> Result<Course, LoadError> {
    let files = match dir {
        Some(dir) => CourseFiles::from_dir(dir)?,
        None => CourseFiles::embedded(),
    };
    load(&files)
}
