use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::load::{Diagnostic, LoadError};

static EMBEDDED_LESSONS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lessons");
static EMBEDDED_EXERCISES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/exercises");

/// The raw files of a course, keyed by their path relative to the course root with `/`
/// separators (`lessons/01-x.md`, `exercises/slug/go/main.go`).
///
/// Loading works on this map, so the embedded course and one on disk go through exactly the
/// same validation.
#[derive(Debug, Default, Clone)]
pub struct CourseFiles {
    /// Where the files came from, for messages ("embedded course" or a directory).
    pub origin: String,
    /// The course root on disk, when loaded from disk.
    pub root: Option<PathBuf>,
    // Embedded files are borrowed from the binary, not copied: start-up pays for nothing.
    files: BTreeMap<String, Cow<'static, [u8]>>,
}

impl CourseFiles {
    /// The course compiled into the binary.
    pub fn embedded() -> Self {
        let mut files = BTreeMap::new();
        for (prefix, dir) in [
            ("lessons", &EMBEDDED_LESSONS),
            ("exercises", &EMBEDDED_EXERCISES),
        ] {
            collect_embedded(dir, prefix, &mut files);
        }
        CourseFiles {
            origin: "the embedded course".to_string(),
            root: None,
            files,
        }
    }

    /// A course on disk: `dir/lessons` and `dir/exercises`.
    pub fn from_dir(dir: &Path) -> Result<Self, LoadError> {
        let single = |message: String| {
            LoadError::single(Diagnostic::new(dir.display().to_string(), None, message))
        };
        let root = dir
            .canonicalize()
            .map_err(|e| single(format!("cannot open the course directory: {e}")))?;
        if !root.is_dir() {
            return Err(single(
                "this is a file, not a course: --course takes the folder that holds `lessons/` and `exercises/`".into(),
            ));
        }
        let missing: Vec<&str> = ["lessons", "exercises"]
            .into_iter()
            .filter(|sub| !root.join(sub).is_dir())
            .collect();
        if !missing.is_empty() {
            let what = missing
                .iter()
                .map(|s| format!("`{s}/`"))
                .collect::<Vec<_>>()
                .join(" or ");
            return Err(single(format!(
                "this folder has no {what}, so it is not a course: --course takes the folder that holds `lessons/` and `exercises/` (the root of the course)"
            )));
        }
        let mut files = BTreeMap::new();
        let mut problems = Vec::new();
        for sub in ["lessons", "exercises"] {
            let dir = root.join(sub);
            let mut inside = vec![dir.canonicalize().unwrap_or_else(|_| dir.clone())];
            walk(&root, &dir, &mut inside, &mut files, &mut problems);
        }
        if !problems.is_empty() {
            return Err(LoadError {
                diagnostics: problems,
            });
        }
        Ok(CourseFiles {
            origin: root.display().to_string(),
            root: Some(root),
            files,
        })
    }

    /// Builds a course from in-memory files (tests).
    pub fn from_map(files: BTreeMap<String, Vec<u8>>) -> Self {
        CourseFiles {
            origin: "in-memory course".to_string(),
            root: None,
            files: files.into_iter().map(|(k, v)| (k, Cow::Owned(v))).collect(),
        }
    }

    /// The bytes of one file.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|c| c.as_ref())
    }

    /// Whether a file exists.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// All paths starting with `prefix`, in order.
    pub fn paths_under<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.files
            .range(prefix.to_string()..)
            .take_while(move |(k, _)| k.starts_with(prefix))
            .map(|(k, _)| k.as_str())
    }

    /// How a file is named in messages: its disk path when there is one.
    pub fn display_path(&self, path: &str) -> String {
        match &self.root {
            Some(root) => root.join(path).display().to_string(),
            None => path.to_string(),
        }
    }
}

fn collect_embedded(
    dir: &Dir<'static>,
    prefix: &str,
    out: &mut BTreeMap<String, Cow<'static, [u8]>>,
) {
    for file in dir.files() {
        let rel = file.path().to_string_lossy().replace('\\', "/");
        if rel.split('/').any(|part| part.starts_with('.')) {
            continue; // editor swap files, tool caches
        }
        out.insert(format!("{prefix}/{rel}"), Cow::Borrowed(file.contents()));
    }
    for sub in dir.dirs() {
        collect_embedded(sub, prefix, out);
    }
}

/// A course file larger than this is refused: lessons and exercises are a few kilobytes, and
/// a huge (or sparse) file must not be read into memory.
pub const MAX_COURSE_FILE_BYTES: u64 = 4 << 20;

/// Collects the files under `dir`. `inside` holds the resolved directories being walked (the
/// chain from the top down to `dir`): a link back to one of them is a loop, reported and not
/// followed (two `ln -s .` made the walk endless).
fn walk(
    root: &Path,
    dir: &Path,
    inside: &mut Vec<PathBuf>,
    out: &mut BTreeMap<String, Cow<'static, [u8]>>,
    problems: &mut Vec<Diagnostic>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Diagnostic::new(
                dir.display().to_string(),
                None,
                format!("cannot read directory: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue; // editor swap files, .DS_Store
        }
        // A symlink may point anywhere; only what resolves inside the course is content.
        let resolved = match path.canonicalize() {
            Ok(p) => p,
            Err(e) => {
                problems.push(Diagnostic::new(
                    path.display().to_string(),
                    None,
                    format!("cannot resolve path: {e}"),
                ));
                continue;
            }
        };
        if !resolved.starts_with(root) {
            problems.push(Diagnostic::new(
                path.display().to_string(),
                None,
                format!(
                    "points outside the course directory (to {}): course files must live inside it",
                    resolved.display()
                ),
            ));
            continue;
        }
        if resolved.is_dir() {
            if inside.contains(&resolved) {
                problems.push(Diagnostic::new(
                    path.display().to_string(),
                    None,
                    format!(
                        "is a link to {}, which contains it: a loop. Remove the link",
                        resolved.display()
                    ),
                ));
                continue;
            }
            inside.push(resolved);
            walk(root, &path, inside, out, problems);
            inside.pop();
        } else {
            // Not fs::read: a FIFO would wait for a writer for ever.
            match crate::fsutil::read_regular_capped(&resolved, MAX_COURSE_FILE_BYTES) {
                Ok(bytes) => {
                    let rel = path
                        .strip_prefix(root)
                        .map(|p| p.to_string_lossy().replace('\\', "/"))
                        .unwrap_or_else(|_| path.to_string_lossy().into_owned());
                    out.insert(rel, Cow::Owned(bytes));
                }
                Err(e) => problems.push(Diagnostic::new(
                    path.display().to_string(),
                    None,
                    format!("cannot read file: {e}"),
                )),
            }
        }
    }
}
