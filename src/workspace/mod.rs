//! The learner's editable copies: one file per exercise per language, created from the starter
//! on first use and never overwritten except by an explicit reset; and around them the
//! generated project files that let an editor or IDE open every folder as a project
//! ([`projects`]), kept apart from the learner's own by a record ([`generated`]).

pub mod generated;
pub mod projects;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::course::{Exercise, Language};
use generated::{Ensured, Record};
pub use projects::ProjectSettings;

/// A learner's file larger than this is refused with a clear error, never read into memory
/// (a 100 GB sparse file aborted microlings): an exercise's file is a few kilobytes.
pub const MAX_SOURCE_BYTES: u64 = 4 << 20;

/// The directory holding the learner's files.
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
    /// Where the toolchain detection is cached: the project files' settings come from it.
    toolchain_cache: Option<PathBuf>,
    /// The settings, read once (from `toolchain_cache`, else the defaults).
    settings: Arc<OnceLock<ProjectSettings>>,
    /// When each exercise's project files were last made sure of (see [`RECHECK_AFTER`]).
    checked: Arc<Mutex<HashMap<String, Instant>>>,
}

/// How long [`Workspace::ensure`] trusts that an exercise's project files are as they were:
/// the TUI reads all four languages on opening one (and again on every file event), and
/// looking at every generated file each time would cost more than the 5 ms budget.
pub const RECHECK_AFTER: Duration = Duration::from_secs(2);

/// Something the learner should know about the generated files (one of theirs was kept, or
/// one could not be written). Never an error: the exercise works without them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectNotice(pub String);

impl std::fmt::Display for ProjectNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Workspace {
    /// A workspace rooted at `root` (`<data dir>/workspace`), whose project files use the
    /// default settings until [`with_toolchain_cache`](Self::with_toolchain_cache) says more.
    pub fn new(root: PathBuf) -> Self {
        Workspace {
            root,
            toolchain_cache: None,
            settings: Arc::new(OnceLock::new()),
            checked: Arc::default(),
        }
    }

    /// The project files follow the toolchains cached in `cache_file` (read when first needed,
    /// never detected here: whoever runs checks keeps that cache fresh).
    pub fn with_toolchain_cache(mut self, cache_file: PathBuf) -> Self {
        self.toolchain_cache = Some(cache_file);
        self
    }

    /// The project files use `settings` (tests, benchmarks).
    pub fn with_settings(self, settings: ProjectSettings) -> Self {
        let cell = OnceLock::new();
        let _ = cell.set(settings);
        Workspace {
            settings: Arc::new(cell),
            ..self
        }
    }

    /// The settings of the generated project files.
    pub fn settings(&self) -> &ProjectSettings {
        self.settings.get_or_init(|| {
            self.toolchain_cache
                .as_deref()
                .and_then(crate::run::Toolchains::read_cached)
                .map(|t| ProjectSettings::for_toolchains(&t))
                .unwrap_or_default()
        })
    }

    /// The root directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The directory of one language of an exercise (watched by the TUI).
    pub fn dir(&self, exercise: &str, lang: Language) -> PathBuf {
        self.root.join(exercise).join(lang.id())
    }

    /// Where the learner's file for a language lives (it may not exist yet).
    pub fn path(&self, exercise: &str, lang: Language) -> PathBuf {
        self.dir(exercise, lang).join(lang.file_name())
    }

    /// Makes sure the learner's file exists, creating it from the starter, and that the
    /// exercise's project files are there (looked at once per [`RECHECK_AFTER`]); returns the
    /// file's path.
    pub fn ensure(&self, exercise: &Exercise, lang: Language) -> Result<PathBuf> {
        let path = self.ensure_source(exercise, lang)?;
        let now = Instant::now();
        if let Ok(mut checked) = self.checked.lock() {
            match checked.get(&exercise.slug) {
                Some(at) if now.duration_since(*at) < RECHECK_AFTER => return Ok(path),
                _ => {
                    checked.insert(exercise.slug.clone(), now);
                }
            }
        }
        self.ensure_projects(exercise);
        Ok(path)
    }

    /// [`ensure`](Self::ensure) now, whenever the files were last looked at, also saying what
    /// happened to the project files that the learner should know.
    pub fn ensure_noting(
        &self,
        exercise: &Exercise,
        lang: Language,
    ) -> Result<(PathBuf, Vec<ProjectNotice>)> {
        let path = self.ensure_source(exercise, lang)?;
        Ok((path, self.ensure_projects(exercise)))
    }

    /// The project files of every language of `exercise` (and each language's source, so that
    /// no project is without its file), then the root's: one pass, one record.
    fn ensure_projects(&self, exercise: &Exercise) -> Vec<ProjectNotice> {
        let mut record = Record::new(&self.root);
        let mut notices = Vec::new();
        for lang in Language::ALL {
            if let Err(e) = self.ensure_source(exercise, lang) {
                notices.push(ProjectNotice(format!("{e:#}")));
            }
            notices.extend(self.ensure_language_files(&mut record, exercise, lang));
        }
        notices.extend(self.ensure_root_files(&mut record));
        notices.extend(self.save_record(&mut record));
        notices
    }

    /// Makes every exercise's files exist in every language, with their project files and the
    /// root's: the whole course, ready to open in an IDE. Never overwrites the learner's.
    pub fn ensure_course<'a>(
        &self,
        exercises: impl IntoIterator<Item = &'a Exercise>,
    ) -> Result<Vec<ProjectNotice>> {
        let mut record = Record::new(&self.root);
        let mut notices = Vec::new();
        for exercise in exercises {
            for lang in Language::ALL {
                self.ensure_source(exercise, lang)?;
                notices.extend(self.ensure_language_files(&mut record, exercise, lang));
            }
        }
        notices.extend(self.ensure_root_files(&mut record));
        notices.extend(self.save_record(&mut record));
        Ok(notices)
    }

    fn ensure_source(&self, exercise: &Exercise, lang: Language) -> Result<PathBuf> {
        let path = self.path(&exercise.slug, lang);
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_file() => {}
            Ok(meta) => bail!(
                "{} is {}, not a regular file: remove it, then `microlings reset {}` puts the starter back",
                path.display(),
                crate::fsutil::kind_of(&meta),
                exercise.slug
            ),
            Err(_) => {
                self.write_starter(exercise, lang)?;
            }
        }
        Ok(path)
    }

    fn ensure_language_files(
        &self,
        record: &mut Record,
        exercise: &Exercise,
        lang: Language,
    ) -> Vec<ProjectNotice> {
        let dir = format!("{}/{}", exercise.slug, lang.id());
        projects::language_files(exercise, lang, self.settings())
            .into_iter()
            .filter_map(|(name, text)| self.ensure_file(record, &format!("{dir}/{name}"), &text))
            .collect()
    }

    /// go.work and the solution list the folders that have a go.mod or a C# project now.
    fn ensure_root_files(&self, record: &mut Record) -> Vec<ProjectNotice> {
        let mut slugs: Vec<String> = std::fs::read_dir(&self.root)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|name| !name.starts_with('.'))
                    .collect()
            })
            .unwrap_or_default();
        slugs.sort();
        let go_dirs: Vec<String> = slugs
            .iter()
            .map(|slug| format!("{slug}/go"))
            .filter(|dir| self.root.join(dir).join("go.mod").is_file())
            .collect();
        let csharp: Vec<String> = slugs
            .into_iter()
            .filter(|slug| {
                self.dir(slug, Language::CSharp)
                    .join(projects::csharp_project_name(slug))
                    .is_file()
            })
            .collect();
        [
            (projects::GO_WORK, projects::go_work(&go_dirs)),
            (projects::SOLUTION, projects::solution(&csharp)),
            (".editorconfig", projects::editorconfig()),
            (".vscode/extensions.json", projects::vscode_extensions()),
        ]
        .iter()
        .filter_map(|(rel, text)| self.ensure_file(record, rel, text))
        .collect()
    }

    fn ensure_file(&self, record: &mut Record, rel: &str, text: &str) -> Option<ProjectNotice> {
        let shown = self.root.join(rel);
        match record.ensure(rel, text.as_bytes()) {
            Ok(Ensured::Unchanged | Ensured::Created | Ensured::Updated) => None,
            Ok(Ensured::KeptLearners) => Some(ProjectNotice(format!(
                "{} was changed by you, so microlings leaves it as it is (delete it to get the generated one back)",
                shown.display()
            ))),
            Ok(Ensured::NotAFile(kind)) => Some(ProjectNotice(format!(
                "{} is {kind}, not the project file microlings generates: left alone",
                shown.display()
            ))),
            Err(e) => Some(ProjectNotice(format!(
                "cannot write the project file {}: {e} (the exercise works without it)",
                shown.display()
            ))),
        }
    }

    fn save_record(&self, record: &mut Record) -> Option<ProjectNotice> {
        record.save().err().map(|e| {
            ProjectNotice(format!(
                "cannot save {}: {e}; microlings will treat the project files as yours",
                self.root.join(generated::RECORD_PATH).display()
            ))
        })
    }

    /// The learner's current source, byte for byte (creating the file from the starter if
    /// needed): what the toolchain gets.
    /// Checks need no project files (their plan brings its own), so this makes none.
    pub fn read_bytes(&self, exercise: &Exercise, lang: Language) -> Result<Vec<u8>> {
        let path = match self.ensure_source(exercise, lang) {
            Ok(path) => path,
            // Never created and cannot be (a read-only data directory): the learner's file
            // is the starter, byte for byte.
            Err(_) if !self.path(&exercise.slug, lang).exists() && !self.writable() => {
                return Ok(exercise.starter(lang).as_bytes().to_vec());
            }
            Err(e) => return Err(e),
        };
        crate::fsutil::read_regular_capped(&path, MAX_SOURCE_BYTES)
            .with_context(|| format!("cannot read {}", path.display()))
    }

    /// The learner's current source as text, for showing it (creating the file from the
    /// starter if needed, with its project files: showing an exercise is opening it). Lossy: a
    /// stray non-UTF-8 byte must not stop the course; checks use
    /// [`read_bytes`](Self::read_bytes), so the toolchain reports it.
    pub fn read(&self, exercise: &Exercise, lang: Language) -> Result<String> {
        self.ensure(exercise, lang)?;
        let bytes = self.read_bytes(exercise, lang)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Whether a file can be created in the workspace (or where it would be created).
    fn writable(&self) -> bool {
        crate::fsutil::writable_dir(&self.root)
    }

    /// Whether the learner's file differs from the starter.
    pub fn is_edited(&self, exercise: &Exercise, lang: Language) -> bool {
        crate::fsutil::read_regular_capped(&self.path(&exercise.slug, lang), MAX_SOURCE_BYTES)
            .map(|b| b != exercise.starter(lang).as_bytes())
            .unwrap_or(false)
    }

    /// Puts the starter back, discarding the learner's edits.
    pub fn reset(&self, exercise: &Exercise, lang: Language) -> Result<PathBuf> {
        self.write_starter(exercise, lang)
    }

    fn write_starter(&self, exercise: &Exercise, lang: Language) -> Result<PathBuf> {
        let path = self.path(&exercise.slug, lang);
        crate::fsutil::write_atomic(&path, exercise.starter(lang).as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(path)
    }
}

#[cfg(test)]
mod tests;
