//! Bookkeeping of the files microlings generates in the workspace (project files, go.work, the
//! solution): a record of what it last wrote, so that it tells its own files from ones the
//! learner changed, updates its own and never touches the learner's.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Where the record lives, relative to the workspace root.
pub const RECORD_PATH: &str = ".microlings/generated.json";

/// What microlings last wrote: each generated file's path (relative to the workspace root,
/// with `/`) and the SHA-256 of its contents.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    files: BTreeMap<String, String>,
    #[serde(skip)]
    changed: bool,
}

/// What [`Record::ensure`] did with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ensured {
    /// It already had the wanted contents.
    Unchanged,
    /// It did not exist (never made, or deleted): written.
    Created,
    /// It was microlings' previous version (the toolchain changed since): replaced.
    Updated,
    /// The learner changed it, so it was left alone; it is not what microlings would write now.
    KeptLearners,
    /// Something that is not a regular file is in its place: left alone.
    NotAFile(&'static str),
}

fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Record {
    /// Reads the record of the workspace at `root`. A missing or unreadable one is empty:
    /// every existing file then counts as the learner's, which is the safe side.
    pub fn load(root: &Path) -> Record {
        std::fs::read(root.join(RECORD_PATH))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Writes the record back if it changed. Without fsync: losing it in a crash only makes
    /// microlings treat its files as the learner's (it then leaves them alone).
    pub fn save(&mut self, root: &Path) -> io::Result<()> {
        if !self.changed {
            return Ok(());
        }
        let text = serde_json::to_vec_pretty(self).map_err(io::Error::other)?;
        crate::fsutil::write_replace(&root.join(RECORD_PATH), &text)?;
        self.changed = false;
        Ok(())
    }

    fn remember(&mut self, rel: &str, hash: String) {
        if self.files.get(rel) != Some(&hash) {
            self.files.insert(rel.to_string(), hash);
            self.changed = true;
        }
    }

    /// Makes `root/rel` hold `wanted` unless the learner changed it: writes it when it is
    /// missing or still what microlings last wrote there, and leaves it alone otherwise.
    pub fn ensure(&mut self, root: &Path, rel: &str, wanted: &[u8]) -> io::Result<Ensured> {
        let path: PathBuf = root.join(rel);
        match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                crate::fsutil::write_replace(&path, wanted)?;
                self.remember(rel, digest(wanted));
                return Ok(Ensured::Created);
            }
            Err(e) => return Err(e),
            Ok(meta) if !meta.is_file() => {
                return Ok(Ensured::NotAFile(crate::fsutil::kind_of(&meta)));
            }
            Ok(_) => {}
        }
        let current = crate::fsutil::read_regular(&path)?;
        if current == wanted {
            // Also heals a record that lost this entry (two writers at once, a crash).
            self.remember(rel, digest(wanted));
            return Ok(Ensured::Unchanged);
        }
        if self.files.get(rel) == Some(&digest(&current)) {
            crate::fsutil::write_replace(&path, wanted)?;
            self.remember(rel, digest(wanted));
            return Ok(Ensured::Updated);
        }
        Ok(Ensured::KeptLearners)
    }

    /// Whether `rel` is a file microlings generated (whatever it holds now).
    pub fn is_generated(&self, rel: &str) -> bool {
        self.files.contains_key(rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_files_are_updated_and_the_learners_are_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let mut record = Record::load(root);
        assert_eq!(
            record.ensure(root, "a/go.mod", b"v1").expect("write"),
            Ensured::Created
        );
        assert_eq!(
            record.ensure(root, "a/go.mod", b"v1").expect("same"),
            Ensured::Unchanged
        );
        // The toolchain changed: microlings' own file follows.
        assert_eq!(
            record.ensure(root, "a/go.mod", b"v2").expect("new"),
            Ensured::Updated
        );
        assert_eq!(std::fs::read(root.join("a/go.mod")).expect("read"), b"v2");
        record.save(root).expect("save");

        // The learner edits it: it stays theirs, even after a restart and another change.
        std::fs::write(root.join("a/go.mod"), b"mine").expect("edit");
        let mut record = Record::load(root);
        assert!(record.is_generated("a/go.mod"));
        assert_eq!(
            record.ensure(root, "a/go.mod", b"v3").expect("kept"),
            Ensured::KeptLearners
        );
        assert_eq!(std::fs::read(root.join("a/go.mod")).expect("read"), b"mine");

        // Deleted: made again.
        std::fs::remove_file(root.join("a/go.mod")).expect("delete");
        assert_eq!(
            record.ensure(root, "a/go.mod", b"v3").expect("again"),
            Ensured::Created
        );
        assert_eq!(std::fs::read(root.join("a/go.mod")).expect("read"), b"v3");
    }

    #[test]
    fn an_unknown_existing_file_counts_as_the_learners() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::write(root.join("go.work"), b"theirs").expect("write");
        let mut record = Record::load(root);
        assert_eq!(
            record.ensure(root, "go.work", b"ours").expect("kept"),
            Ensured::KeptLearners
        );
        std::fs::create_dir(root.join("x.csproj")).expect("dir");
        assert_eq!(
            record
                .ensure(root, "x.csproj", b"ours")
                .expect("not a file"),
            Ensured::NotAFile("a directory")
        );
        // Nothing was written, so the record stays as it was.
        record.save(root).expect("save");
        assert!(!root.join(RECORD_PATH).exists());
    }
}
