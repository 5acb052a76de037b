//! Turning course files into a validated [`Course`], or a list of everything wrong with them.
//!
//! [`diagnostics`] is what a problem looks like, [`schema`] the TOML an author writes,
//! [`lessons`], [`exercises`] (with their cases) and [`services`] (the HTTP part of an
//! exercise) load and check their part; the checks that need the whole course are here.

mod diagnostics;
mod exercises;
mod lessons;
mod mistakes;
mod schema;
mod services;

use std::collections::{BTreeMap, BTreeSet};

use super::files::CourseFiles;
use super::model::{Course, Exercise, Lesson};
pub use diagnostics::{Diagnostic, LoadError};

/// The longest `timeout_secs` an exercise may ask for (and `startup_secs` too).
const MAX_TIMEOUT_SECS: u64 = 120;

/// Collects diagnostics while loading.
pub(super) struct Loader<'a> {
    pub(super) files: &'a CourseFiles,
    pub(super) problems: Vec<Diagnostic>,
    /// Links between lessons (file, target, line), checked once every lesson is known.
    pub(super) links: Vec<(String, String, usize)>,
    /// Whether a lesson file failed to load: its `exercises` list is unknown, so "no lesson
    /// uses this exercise" would be a false alarm.
    pub(super) broken_lesson: bool,
}

impl Loader<'_> {
    pub(super) fn error(&mut self, path: &str, line: Option<usize>, message: impl Into<String>) {
        let file = self.files.display_path(path);
        self.problems.push(Diagnostic::new(file, line, message));
    }

    pub(super) fn text(&mut self, path: &str) -> Option<String> {
        let bytes = self.files.get(path)?;
        match String::from_utf8(bytes.to_vec()) {
            Ok(s) => Some(s),
            Err(e) => {
                let line = line_of(
                    &String::from_utf8_lossy(bytes),
                    e.utf8_error().valid_up_to(),
                );
                self.error(path, Some(line), "not valid UTF-8: save the file as UTF-8");
                None
            }
        }
    }
}

/// Loads and validates a course. Every problem is reported, not just the first.
pub fn load(files: &CourseFiles) -> Result<Course, LoadError> {
    let mut loader = Loader {
        files,
        problems: Vec::new(),
        links: Vec::new(),
        broken_lesson: false,
    };
    let exercises = exercises::load_exercises(&mut loader);
    let lessons = lessons::load_lessons(&mut loader);
    check_course(&mut loader, &lessons, &exercises);
    if loader.problems.is_empty() {
        Ok(Course { lessons, exercises })
    } else {
        Err(LoadError {
            diagnostics: loader.problems,
        })
    }
}

pub(super) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

pub(super) fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parses TOML, reporting errors at the right line of the file (`first_line` is where the TOML
/// text starts in the file).
pub(super) fn parse_toml<T: serde::de::DeserializeOwned>(
    loader: &mut Loader<'_>,
    path: &str,
    text: &str,
    first_line: usize,
) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start) + first_line - 1);
            let message = e.message().trim().to_string();
            loader.error(path, line.or(Some(first_line)), message);
            None
        }
    }
}

/// Checks that need the whole course: references between lessons and exercises.
fn check_course(
    loader: &mut Loader<'_>,
    lessons: &[Lesson],
    exercises: &BTreeMap<String, Exercise>,
) {
    let mut used_by: BTreeMap<&str, &str> = BTreeMap::new();
    let lesson_files: BTreeSet<&str> = lessons
        .iter()
        .map(|l| &l.file["lessons/".len()..])
        .collect();
    let files = loader.files;
    for lesson in lessons {
        // Only needed for an error message, so only read then.
        let line_mentioning = |needle: &str| {
            let text = String::from_utf8_lossy(files.get(&lesson.file)?);
            text.find(&format!("\"{needle}\""))
                .map(|off| line_of(&text, off))
        };
        for slug in &lesson.exercises {
            if !exercises.contains_key(slug)
                && loader
                    .files
                    .paths_under(&format!("exercises/{slug}/"))
                    .next()
                    .is_none()
            {
                loader.error(
                    &lesson.file,
                    line_mentioning(slug),
                    format!("names an unknown exercise '{slug}': there is no exercises/{slug}/"),
                );
            } else if let Some(other) = used_by.insert(slug, &lesson.slug) {
                loader.error(&lesson.file, line_mentioning(slug), format!("exercise '{slug}' is already used by lesson '{other}': each exercise belongs to one lesson"));
            }
        }
    }
    for (file, target, line) in std::mem::take(&mut loader.links) {
        let name = target.split('#').next().unwrap_or("");
        if !lesson_files.contains(name) {
            loader.error(
                &file,
                Some(line),
                format!("broken link to '{target}': no lesson file lessons/{name}"),
            );
        }
    }
    let mut titles: BTreeMap<&str, &str> = BTreeMap::new();
    for (slug, ex) in exercises {
        if !used_by.contains_key(slug.as_str()) && !loader.broken_lesson {
            loader.error(
                &format!("exercises/{slug}/exercise.toml"),
                None,
                "no lesson uses this exercise: add it to a lesson's `exercises` list",
            );
        }
        if let Some(other) = titles.insert(&ex.title, slug) {
            loader.error(
                &format!("exercises/{slug}/exercise.toml"),
                None,
                format!(
                    "exercise '{other}' has the same title \"{}\": titles must be unique",
                    ex.title
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests;
