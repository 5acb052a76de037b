//! The learner's editable copies: one file per exercise per language, created from the starter
//! on first use and never overwritten except by an explicit reset.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::course::{Exercise, Language};

/// The directory holding the learner's files.
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
}

impl Workspace {
    /// A workspace rooted at `root` (`<data dir>/workspace`).
    pub fn new(root: PathBuf) -> Self {
        Workspace { root }
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

    /// Makes sure the learner's file exists, creating it from the starter; returns its path.
    pub fn ensure(&self, exercise: &Exercise, lang: Language) -> Result<PathBuf> {
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

    /// The learner's current source, byte for byte (creating the file from the starter if
    /// needed): what the toolchain gets.
    pub fn read_bytes(&self, exercise: &Exercise, lang: Language) -> Result<Vec<u8>> {
        let path = self.ensure(exercise, lang)?;
        crate::fsutil::read_regular(&path)
            .with_context(|| format!("cannot read {}", path.display()))
    }

    /// The learner's current source as text, for showing it (creating the file from the
    /// starter if needed). Lossy: a stray non-UTF-8 byte must not stop the course; checks use
    /// [`read_bytes`](Self::read_bytes), so the toolchain reports it.
    pub fn read(&self, exercise: &Exercise, lang: Language) -> Result<String> {
        let bytes = self.read_bytes(exercise, lang)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Whether the learner's file differs from the starter.
    pub fn is_edited(&self, exercise: &Exercise, lang: Language) -> bool {
        crate::fsutil::read_regular(&self.path(&exercise.slug, lang))
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
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::time::Duration;

    fn exercise() -> Exercise {
        Exercise {
            slug: "demo".into(),
            title: "Demo".into(),
            kind: crate::course::ExerciseKind::Output,
            timeout: Duration::from_secs(1),
            task: "t".into(),
            hints: vec![],
            notes: BTreeMap::new(),
            cases: vec![],
            service: None,
            starters: Language::ALL
                .iter()
                .map(|l| (*l, format!("starter {}", l.id())))
                .collect(),
            solutions: BTreeMap::new(),
            wrong: Vec::new(),
            advice: Vec::new(),
        }
    }

    #[test]
    fn files_are_created_once_and_only_reset_overwrites() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::new(dir.path().to_path_buf());
        let ex = exercise();
        assert_eq!(ws.read(&ex, Language::Go).expect("read"), "starter go");
        assert!(!ws.is_edited(&ex, Language::Go));
        let path = ws.path("demo", Language::Go);
        assert!(path.ends_with("demo/go/main.go"));
        std::fs::write(&path, "mine").expect("edit");
        assert!(ws.is_edited(&ex, Language::Go));
        ws.ensure(&ex, Language::Go).expect("ensure");
        assert_eq!(ws.read(&ex, Language::Go).expect("read"), "mine");
        ws.reset(&ex, Language::Go).expect("reset");
        assert_eq!(ws.read(&ex, Language::Go).expect("read"), "starter go");
    }
}
