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
/// with `/`) and the SHA-256 of its contents. Read only when a file differs from what
/// microlings would write (opening an exercise usually finds every file as wanted, and must
/// stay cheap), and merged into what is on disk when saved, so that two microlings writing at
/// once lose no entry.
#[derive(Debug)]
pub struct Record {
    root: PathBuf,
    stored: Option<Stored>,
    written: BTreeMap<String, String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    files: BTreeMap<String, String>,
}

impl Stored {
    /// A missing or unreadable record is empty: every existing file then counts as the
    /// learner's, which is the safe side.
    fn read(root: &Path) -> Stored {
        crate::fsutil::read_regular_capped(&root.join(RECORD_PATH), 4 << 20)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }
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
    /// The record of the workspace at `root` (read when first needed).
    pub fn new(root: &Path) -> Record {
        Record {
            root: root.to_path_buf(),
            stored: None,
            written: BTreeMap::new(),
        }
    }

    fn stored(&mut self) -> &Stored {
        let root = &self.root;
        self.stored.get_or_insert_with(|| Stored::read(root))
    }

    /// Adds what this record wrote to the record on disk. Without fsync: losing it in a crash
    /// only makes microlings treat its files as the learner's (it then leaves them alone).
    pub fn save(&mut self) -> io::Result<()> {
        if self.written.is_empty() {
            return Ok(());
        }
        let mut stored = Stored::read(&self.root);
        stored.files.extend(std::mem::take(&mut self.written));
        let text = serde_json::to_vec_pretty(&stored).map_err(io::Error::other)?;
        crate::fsutil::write_replace(&self.root.join(RECORD_PATH), &text)?;
        self.stored = Some(stored);
        Ok(())
    }

    fn write(&mut self, rel: &str, path: &Path, wanted: &[u8]) -> io::Result<()> {
        crate::fsutil::write_replace(path, wanted)?;
        let hash = digest(wanted);
        if let Some(stored) = &mut self.stored {
            stored.files.insert(rel.to_string(), hash.clone());
        }
        self.written.insert(rel.to_string(), hash);
        Ok(())
    }

    /// Makes `root/rel` hold `wanted` unless the learner changed it: writes it when it is
    /// missing or still what microlings last wrote there, and leaves it alone otherwise.
    pub fn ensure(&mut self, rel: &str, wanted: &[u8]) -> io::Result<Ensured> {
        let path: PathBuf = self.root.join(rel);
        match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.write(rel, &path, wanted)?;
                return Ok(Ensured::Created);
            }
            Err(e) => return Err(e),
            Ok(meta) if !meta.is_file() => {
                return Ok(Ensured::NotAFile(crate::fsutil::kind_of(&meta)));
            }
            Ok(_) => {}
        }
        let current = crate::fsutil::read_regular_capped(&path, super::MAX_SOURCE_BYTES)?;
        if current == wanted {
            return Ok(Ensured::Unchanged);
        }
        let hash = digest(&current);
        let ours = match self.written.get(rel) {
            Some(written) => *written == hash,
            None => self.stored().files.get(rel) == Some(&hash),
        };
        if ours {
            self.write(rel, &path, wanted)?;
            return Ok(Ensured::Updated);
        }
        Ok(Ensured::KeptLearners)
    }

    /// Whether `rel` is a file microlings generated (whatever it holds now).
    pub fn is_generated(&mut self, rel: &str) -> bool {
        self.written.contains_key(rel) || self.stored().files.contains_key(rel)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::disallowed_methods)] // tests read back files they made
    use super::*;

    #[test]
    fn own_files_are_updated_and_the_learners_are_left_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let mut record = Record::new(root);
        assert_eq!(
            record.ensure("a/go.mod", b"v1").expect("write"),
            Ensured::Created
        );
        assert_eq!(
            record.ensure("a/go.mod", b"v1").expect("same"),
            Ensured::Unchanged
        );
        // The toolchain changed: microlings' own file follows.
        assert_eq!(
            record.ensure("a/go.mod", b"v2").expect("new"),
            Ensured::Updated
        );
        assert_eq!(std::fs::read(root.join("a/go.mod")).expect("read"), b"v2");
        record.save().expect("save");

        // The learner edits it: it stays theirs, even after a restart and another change.
        std::fs::write(root.join("a/go.mod"), b"mine").expect("edit");
        let mut record = Record::new(root);
        assert!(record.is_generated("a/go.mod"));
        assert_eq!(
            record.ensure("a/go.mod", b"v3").expect("kept"),
            Ensured::KeptLearners
        );
        assert_eq!(std::fs::read(root.join("a/go.mod")).expect("read"), b"mine");

        // Deleted: made again.
        std::fs::remove_file(root.join("a/go.mod")).expect("delete");
        assert_eq!(
            record.ensure("a/go.mod", b"v3").expect("again"),
            Ensured::Created
        );
        assert_eq!(std::fs::read(root.join("a/go.mod")).expect("read"), b"v3");
    }

    #[test]
    fn two_writers_at_once_lose_no_entry() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let (mut one, mut two) = (Record::new(root), Record::new(root));
        one.ensure("a/go.mod", b"a").expect("write");
        two.ensure("b/go.mod", b"b").expect("write");
        one.save().expect("save");
        two.save().expect("save");
        let mut after = Record::new(root);
        assert!(after.is_generated("a/go.mod") && after.is_generated("b/go.mod"));
    }

    #[test]
    fn an_unknown_existing_file_counts_as_the_learners() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::write(root.join("go.work"), b"theirs").expect("write");
        let mut record = Record::new(root);
        assert_eq!(
            record.ensure("go.work", b"ours").expect("kept"),
            Ensured::KeptLearners
        );
        std::fs::create_dir(root.join("x.csproj")).expect("dir");
        assert_eq!(
            record.ensure("x.csproj", b"ours").expect("not a file"),
            Ensured::NotAFile("a directory")
        );
        // Nothing was written, so the record stays as it was.
        record.save().expect("save");
        assert!(!root.join(RECORD_PATH).exists());
    }
}
