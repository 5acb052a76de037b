//! The session both front ends work in: the loaded course and the data directory (progress,
//! the learner's files, caches), and the runner built from them.
//!
//! Below `cli` and `tui`: the command line builds a [`Context`] and hands it to the TUI, so
//! neither front end has to import the other for it.

use std::path::Path;

use anyhow::{Context as _, Result, bail};

use crate::course::{Course, Exercise, load_course};
use crate::paths::DataDir;
use crate::run::{Runner, Toolchains};
use crate::style::Paint;

/// What every command and the TUI work with.
pub struct Context {
    /// The loaded course.
    pub course: Course,
    /// Where the learner's files are.
    pub data: DataDir,
    /// Colours for the command line's stdout (the TUI draws with its own theme).
    pub paint: Paint,
}

impl Context {
    /// Loads the course (the embedded one, or `course_dir`) and locates the data directory
    /// (`data_dir`, else the platform's).
    pub fn open(
        course_dir: Option<&Path>,
        data_dir: Option<&Path>,
        no_color: bool,
    ) -> Result<Self> {
        let course = load_course(course_dir)
            .map_err(|e| anyhow::anyhow!("{e}"))
            .context("cannot load the course")?;
        let data = DataDir::locate(data_dir)?;
        Ok(Context {
            course,
            data,
            paint: Paint::for_stdout(no_color),
        })
    }

    /// Toolchains, detected once and cached on disk.
    pub fn toolchains(&self) -> Toolchains {
        Toolchains::detect_cached(&self.data.toolchain_cache())
    }

    /// A runner with the detected toolchains.
    pub fn runner(&self) -> Runner {
        Runner::new(self.toolchains(), self.data.runner_dirs())
    }

    /// Looks up an exercise, suggesting close names when it does not exist.
    pub fn exercise(&self, slug: &str) -> Result<&Exercise> {
        if let Some(ex) = self.course.exercise(slug) {
            return Ok(ex);
        }
        let close: Vec<&str> = self
            .course
            .exercises
            .keys()
            .filter(|k| k.contains(slug) || slug.contains(k.as_str()))
            .map(String::as_str)
            .take(5)
            .collect();
        if close.is_empty() {
            bail!("there is no exercise '{slug}': `microlings list` shows them all")
        } else {
            bail!(
                "there is no exercise '{slug}'; did you mean: {}?",
                close.join(", ")
            )
        }
    }
}
