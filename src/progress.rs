//! The learner's saved state: what they passed, tried, answered and read, and where they were.
//!
//! One versioned JSON file. Every change goes through [`ProgressStore::update`], which takes
//! an exclusive lock, re-reads the file, applies the change and writes it atomically, so two
//! running instances merge their changes instead of overwriting each other. A file that does not
//! parse is moved aside, never silently replaced.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

use crate::course::Language;
use crate::fsutil::write_atomic;
use crate::run::lab::LabRun;
use crate::run::{Outcome, Verdict};

mod places;
pub use places::{LessonPlace, PanePlace, Place, Places};

/// The schema version this build writes.
pub const VERSION: u32 = 4;
/// Lab runs kept in progress; older ones are dropped so the file stays small.
pub const MAX_LAB_RUNS: usize = 20;
/// A progress file larger than this is not read: a real one stays under a megabyte (thirty
/// exercises in four languages and twenty lab runs), and parsing tens of megabytes of JSON
/// would take hundreds of megabytes of memory. It is moved aside like a corrupt file.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// How long a wait for another instance's lock goes on before microlings says so.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(1);
/// How often a waiting instance tries the lock again.
const LOCK_POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// Where a language of an exercise stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Never checked.
    #[default]
    NotTried,
    /// Checked, never passed.
    Failed,
    /// Passed at least once.
    Passed,
}

/// One language of one exercise.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageRecord {
    /// Passed stays passed even if a later edit breaks it: the learner did it.
    pub status: Status,
    /// Checks run (cached answers included: the learner asked).
    pub attempts: u32,
    /// When it first passed (seconds since the Unix epoch).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_passed: Option<u64>,
    /// The most recent verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_verdict: Option<Verdict>,
    /// Whether the reference solution was revealed.
    #[serde(default)]
    pub solution_seen: bool,
    /// The version of the exercise (a fingerprint of its cases and expected output, see
    /// `learner::exercise_version`) the last pass was against; absent for passes recorded
    /// before version 4 of this file, which are taken as passes of the current version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passed_version: Option<String>,
}

/// The answer given to one quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizAnswer {
    /// Option chosen last.
    pub chosen: usize,
    /// Whether the last answer was right.
    pub correct: bool,
    /// Whether the first answer was right: that is the score (the learner may try again).
    /// Absent in files written before it was kept; the last answer stands in for it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_correct: Option<bool>,
}

impl QuizAnswer {
    /// Whether the quiz was answered right the first time.
    pub fn right_first_time(&self) -> bool {
        self.first_correct.unwrap_or(self.correct)
    }
}

/// The screen the learner was on, saved for resuming. Written as the words older files used
/// (`"map"`, `"lesson"`, `"exercise"`, `"report"`, `"lab"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavedScreen {
    /// The course map.
    Map,
    /// A lesson (the position's `lesson`).
    Lesson,
    /// An exercise (the position's `exercise`).
    Exercise,
    /// The report.
    Report,
    /// The lab.
    Lab,
}

/// Reads a saved screen; a word this version does not know (a newer microlings's screen) reads
/// as none, so the learner resumes on the map instead of the whole file looking corrupt.
fn screen_leniently<'de, D>(deserializer: D) -> Result<Option<SavedScreen>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let raw = serde_json::Value::deserialize(deserializer)?;
    Ok(serde_json::from_value(raw).ok())
}

/// Where the learner was, for resuming.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The screen.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "screen_leniently"
    )]
    pub screen: Option<SavedScreen>,
    /// Lesson slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lesson: Option<String>,
    /// Scroll offset in the lesson, in rendered lines.
    #[serde(default)]
    pub scroll: u32,
    /// Exercise slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exercise: Option<String>,
    /// Focused language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// Everything saved about a learner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Schema version.
    pub version: u32,
    /// exercise slug -> language -> record.
    #[serde(default)]
    pub exercises: BTreeMap<String, BTreeMap<Language, LanguageRecord>>,
    /// exercise slug -> hints revealed. A hint is the same text in every language, so it is
    /// counted once per exercise, whichever language was on screen (version 2 counted per
    /// language; see `migrate_v2`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub hints: BTreeMap<String, u32>,
    /// `lesson-slug/index` -> answer.
    #[serde(default)]
    pub quizzes: BTreeMap<String, QuizAnswer>,
    /// Lessons opened.
    #[serde(default)]
    pub lessons_read: BTreeSet<String>,
    /// Where the learner was.
    #[serde(default)]
    pub position: Position,
    /// Whether the first-run welcome was shown.
    #[serde(default)]
    pub welcome_seen: bool,
    /// The most recent lab runs, oldest first (at most [`MAX_LAB_RUNS`]); absent in files
    /// written before the lab existed. Read one by one: a run this version cannot read (written
    /// by a newer microlings, say) goes to `lab_runs_unread` instead of making the whole file
    /// look corrupt.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "lab_runs_leniently"
    )]
    pub lab_runs: Vec<LabRun>,
    /// Lab runs kept as they were written because this version could not read them; saved
    /// again unchanged, so nothing is lost.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lab_runs_unread: Vec<serde_json::Value>,
    /// Where each lesson and exercise was left (version 4).
    #[serde(default, skip_serializing_if = "Places::is_empty")]
    pub places: Places,
}

/// Reads `lab_runs`, leaving out the runs that do not parse; `parse` keeps those in
/// `lab_runs_unread` (see `unreadable_lab_runs`).
fn lab_runs_leniently<'de, D>(deserializer: D) -> Result<Vec<LabRun>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let raw: Vec<serde_json::Value> = Vec::deserialize(deserializer)?;
    Ok(raw
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect())
}

/// The lab runs of a progress file's JSON that this version cannot read.
fn unreadable_lab_runs(json: &serde_json::Value) -> Vec<serde_json::Value> {
    json.get("lab_runs")
        .and_then(|v| v.as_array())
        .map(|runs| {
            runs.iter()
                .filter(|v| serde_json::from_value::<LabRun>((*v).clone()).is_err())
                .cloned()
                .collect()
        })
        .unwrap_or_default()
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: VERSION,
            exercises: BTreeMap::new(),
            hints: BTreeMap::new(),
            quizzes: BTreeMap::new(),
            lessons_read: BTreeSet::new(),
            position: Position::default(),
            welcome_seen: false,
            lab_runs: Vec::new(),
            lab_runs_unread: Vec::new(),
            places: Places::default(),
        }
    }
}

pub use crate::clock::now_secs;

impl Progress {
    /// The record for one language of one exercise (default when never touched).
    pub fn record(&self, exercise: &str, lang: Language) -> LanguageRecord {
        self.exercises
            .get(exercise)
            .and_then(|m| m.get(&lang))
            .cloned()
            .unwrap_or_default()
    }

    fn record_mut(&mut self, exercise: &str, lang: Language) -> &mut LanguageRecord {
        self.exercises
            .entry(exercise.to_string())
            .or_default()
            .entry(lang)
            .or_default()
    }

    /// Records a check's outcome, now. A missing toolchain, a cancelled check or one
    /// microlings could not run is not an attempt.
    pub fn record_outcome(&mut self, outcome: &Outcome) {
        self.record_outcome_at(outcome, now_secs());
    }

    /// Records a check's outcome that came at `at` (seconds since the Unix epoch), which dates
    /// a first pass.
    pub fn record_outcome_at(&mut self, outcome: &Outcome, at: u64) {
        self.record_outcome_of(outcome, at, None);
    }

    /// Records a check's outcome against `version` of the exercise (its fingerprint, see
    /// `learner::exercise_version`): a pass remembers which version it passed.
    pub fn record_outcome_of(&mut self, outcome: &Outcome, at: u64, version: Option<&str>) {
        if !outcome.verdict.is_attempt() {
            return;
        }
        let r = self.record_mut(&outcome.exercise, outcome.language);
        r.attempts += 1;
        r.last_verdict = Some(outcome.verdict);
        if outcome.verdict == Verdict::Passed {
            if r.status != Status::Passed {
                r.first_passed = Some(at);
            }
            r.status = Status::Passed;
            r.passed_version = version.map(str::to_string);
        } else if r.status == Status::NotTried {
            r.status = Status::Failed;
        }
    }

    /// Hints revealed for an exercise (in any language: a hint is counted once).
    pub fn hints_used(&self, exercise: &str) -> u32 {
        self.hints.get(exercise).copied().unwrap_or(0)
    }

    /// Hints revealed in these exercises (the course's), each counted once per exercise.
    pub fn hints_in<'a>(&self, exercises: impl IntoIterator<Item = &'a String>) -> u32 {
        exercises
            .into_iter()
            .map(|slug| self.hints_used(slug))
            .sum()
    }

    /// Records that one more hint of an exercise was revealed (never more than `available`);
    /// returns the new count.
    pub fn use_hint(&mut self, exercise: &str, available: usize) -> u32 {
        let available = u32::try_from(available).unwrap_or(u32::MAX);
        let count = self.hints.entry(exercise.to_string()).or_default();
        *count = (*count + 1).min(available);
        *count
    }

    /// Keeps a lab run, dropping the oldest beyond [`MAX_LAB_RUNS`].
    pub fn record_lab_run(&mut self, run: LabRun) {
        self.lab_runs.push(run);
        let excess = self.lab_runs.len().saturating_sub(MAX_LAB_RUNS);
        self.lab_runs.drain(..excess);
    }

    /// Records a quiz answer; the first answer given stays the score.
    pub fn answer_quiz(&mut self, lesson: &str, index: usize, chosen: usize, correct: bool) {
        let key = quiz_key(lesson, index);
        let first_correct = match self.quizzes.get(&key) {
            Some(earlier) => earlier.right_first_time(),
            None => correct,
        };
        self.quizzes.insert(
            key,
            QuizAnswer {
                chosen,
                correct,
                first_correct: Some(first_correct),
            },
        );
    }

    /// Quizzes answered, and how many of them were right the first time.
    pub fn quiz_score(&self) -> (usize, usize) {
        let right = self
            .quizzes
            .values()
            .filter(|a| a.right_first_time())
            .count();
        (self.quizzes.len(), right)
    }

    /// The answer given to a quiz, if any.
    pub fn quiz_answer(&self, lesson: &str, index: usize) -> Option<&QuizAnswer> {
        self.quizzes.get(&quiz_key(lesson, index))
    }

    /// Forgets an exercise's record for one language (after a reset it is "not tried" again,
    /// unless it had been passed: a pass is kept, but its last verdict is not, since the file
    /// it judged is gone).
    pub fn forget_attempts(&mut self, exercise: &str, lang: Language) {
        if let Some(m) = self.exercises.get_mut(exercise)
            && let Some(r) = m.get_mut(&lang)
        {
            if r.status == Status::Passed {
                r.last_verdict = None;
            } else {
                *r = LanguageRecord::default();
            }
        }
    }
}

/// One change to progress, as data: the TUI's update logic emits these and the runtime applies
/// them to the saved file with [`ProgressStore::update`], so they can be tested without disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A check finished, at `at` (seconds since the Unix epoch): the change carries its time,
    /// so applying it gives the same progress wherever and whenever it is applied.
    Outcome {
        /// What the check found.
        outcome: Box<Outcome>,
        /// When it finished.
        at: u64,
        /// The version of the exercise it checked against (`learner::exercise_version`).
        version: Option<String>,
    },
    /// Where the learner left a lesson or a language of an exercise.
    Place(Place),
    /// One more hint was revealed (exercise, the language on screen, hints available). Hints
    /// count per exercise: the language does not change what is recorded.
    Hint(String, Language, usize),
    /// A quiz was answered (lesson, quiz index, chosen, correct).
    Quiz(String, usize, usize, bool),
    /// A lesson was read (its end was on screen, or its last quiz answered).
    LessonRead(String),
    /// The reference solution was revealed.
    SolutionSeen(String, Language),
    /// A file was reset to the starter.
    Reset(String, Language),
    /// Where the learner is now.
    Position(Position),
    /// The first-run welcome was shown.
    WelcomeSeen,
    /// The lab measured the four services.
    LabRun(Box<crate::run::lab::LabRun>),
}

impl Change {
    /// Applies the change.
    pub fn apply(&self, p: &mut Progress) {
        match self {
            Change::Outcome {
                outcome,
                at,
                version,
            } => p.record_outcome_of(outcome, *at, version.as_deref()),
            Change::Place(place) => p.places.set(place),
            Change::Hint(ex, _on_screen, total) => {
                p.use_hint(ex, *total);
            }
            Change::Quiz(lesson, index, chosen, correct) => {
                p.answer_quiz(lesson, *index, *chosen, *correct)
            }
            Change::LessonRead(slug) => {
                p.lessons_read.insert(slug.clone());
            }
            Change::SolutionSeen(ex, lang) => p.record_mut(ex, *lang).solution_seen = true,
            Change::Reset(ex, lang) => p.forget_attempts(ex, *lang),
            Change::Position(pos) => p.position = pos.clone(),
            Change::WelcomeSeen => p.welcome_seen = true,
            Change::LabRun(run) => p.record_lab_run((**run).clone()),
        }
    }
}

fn quiz_key(lesson: &str, index: usize) -> String {
    format!("{lesson}/{index}")
}

/// What loading found, besides the progress itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadNotice {
    /// The file was unreadable and was moved here; the learner starts fresh.
    MovedAsideCorrupt {
        /// Where the old file now is.
        moved_to: PathBuf,
        /// Why it did not parse.
        reason: String,
    },
    /// The file was from an older version and was upgraded.
    Migrated {
        /// The version it had.
        from: u32,
    },
}

/// The progress file and its lock.
#[derive(Debug, Clone)]
pub struct ProgressStore {
    path: PathBuf,
    lock_path: PathBuf,
    announce_waits: bool,
}

impl ProgressStore {
    /// The store at `dir/progress.json`.
    pub fn in_dir(dir: &Path) -> Self {
        ProgressStore {
            path: dir.join("progress.json"),
            lock_path: dir.join("progress.lock"),
            announce_waits: false,
        }
    }

    /// The same store, saying on stderr when it has waited a second for another instance's
    /// lock (for the command line; the TUI's screen must not be written over).
    pub fn announcing_waits(mut self) -> Self {
        self.announce_waits = true;
        self
    }

    /// The progress file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn lock(&self) -> Result<File> {
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&self.lock_path)
            .with_context(|| format!("cannot open the lock file {}", self.lock_path.display()))?;
        let started = std::time::Instant::now();
        let mut announced = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file), // unlocked when dropped
                Err(std::fs::TryLockError::WouldBlock) => {}
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(e)
                        .with_context(|| format!("cannot lock {}", self.lock_path.display()));
                }
            }
            if crate::run::process::interrupted() {
                bail!("interrupted while waiting for another microlings instance");
            }
            if self.announce_waits && !announced && started.elapsed() >= LOCK_PATIENCE {
                announced = true;
                eprintln!(
                    "waiting for another microlings instance (it holds {})... Ctrl-C stops waiting",
                    self.lock_path.display()
                );
            }
            std::thread::sleep(LOCK_POLL);
        }
    }

    /// Loads progress, moving a corrupt file aside and upgrading an old one.
    pub fn load(&self) -> Result<(Progress, Option<LoadNotice>)> {
        match self.lock() {
            Ok(_lock) => self.load_locked(),
            // A read-only data directory: nobody writes the file, so reading needs no lock
            // (`list`, `progress` and `doctor` still work; saving says why it cannot).
            Err(e) if read_only(&e) => self.load_locked(),
            Err(e) => Err(e),
        }
    }

    fn load_locked(&self) -> Result<(Progress, Option<LoadNotice>)> {
        let meta = match std::fs::metadata(&self.path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((Progress::default(), None));
            }
            Err(e) => {
                return Err(e).with_context(|| format!("cannot read {}", self.path.display()));
            }
        };
        if !meta.is_file() {
            // Reading a FIFO would wait for a writer for ever.
            bail!(
                "{} is {}, not a regular file: move it away and microlings starts a fresh one",
                self.path.display(),
                crate::fsutil::kind_of(&meta)
            );
        }
        let parsed = if meta.len() > MAX_FILE_BYTES {
            Err(ParseError::Invalid(format!(
                "it is {:.1} MB, far larger than a progress file ever gets",
                meta.len() as f64 / 1e6
            )))
        } else {
            match crate::fsutil::read_regular_capped(&self.path, MAX_FILE_BYTES) {
                Ok(text) => parse(&text),
                // It grew past the cap since the metadata was read.
                Err(e) if e.kind() == std::io::ErrorKind::FileTooLarge => {
                    Err(ParseError::Invalid(e.to_string()))
                }
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot read {}", self.path.display()));
                }
            }
        };
        match parsed {
            Ok((progress, from)) => {
                let notice = (from < VERSION).then_some(LoadNotice::Migrated { from });
                if notice.is_some() {
                    write_atomic(&self.path, &to_json(&progress)?).with_context(|| {
                        format!("cannot save the upgraded {}", self.path.display())
                    })?;
                }
                Ok((progress, notice))
            }
            Err(ParseError::TooNew(v)) => bail!(
                "{} was written by a newer microlings (progress version {v}, this one understands {VERSION}); upgrade microlings. The file was left as it is.",
                self.path.display()
            ),
            Err(ParseError::Invalid(reason)) => {
                let moved_to = self.corrupt_copy_path();
                std::fs::rename(&self.path, &moved_to).with_context(|| {
                    format!(
                        "{} is corrupt ({reason}) and could not be moved aside to {}",
                        self.path.display(),
                        moved_to.display()
                    )
                })?;
                Ok((
                    Progress::default(),
                    Some(LoadNotice::MovedAsideCorrupt { moved_to, reason }),
                ))
            }
        }
    }

    /// Where a corrupt file is kept: `progress.json.corrupt-<time>`, with a number added
    /// when a copy from the same second is already there (called under the lock).
    fn corrupt_copy_path(&self) -> PathBuf {
        let base = format!("progress.json.corrupt-{}", now_secs());
        let mut candidate = self.path.with_file_name(&base);
        let mut n = 2;
        while std::fs::symlink_metadata(&candidate).is_ok() {
            candidate = self.path.with_file_name(format!("{base}-{n}"));
            n += 1;
        }
        candidate
    }

    /// Applies `change` to the latest saved progress and saves it atomically, under the lock;
    /// returns the progress as saved.
    pub fn update<T>(&self, change: impl FnOnce(&mut Progress) -> T) -> Result<(Progress, T)> {
        self.update_noting(change).map(|(p, v, _)| (p, v))
    }

    /// [`update`](Self::update), also returning what loading found (a corrupt file moved
    /// aside, an upgrade), so that the learner can be told.
    pub fn update_noting<T>(
        &self,
        change: impl FnOnce(&mut Progress) -> T,
    ) -> Result<(Progress, T, Option<LoadNotice>)> {
        let _lock = self.lock()?;
        let (mut progress, notice) = self.load_locked()?;
        let value = change(&mut progress);
        write_atomic(&self.path, &to_json(&progress)?)
            .with_context(|| format!("cannot save progress to {}", self.path.display()))?;
        Ok((progress, value, notice))
    }
}

/// Whether `e` says the data directory cannot be written (a read-only file system, no
/// permission).
fn read_only(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| {
            matches!(
                io.kind(),
                std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
            )
        })
}

fn to_json(progress: &Progress) -> Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(progress).context("cannot encode progress")?;
    bytes.push(b'\n');
    Ok(bytes)
}

enum ParseError {
    TooNew(u64),
    Invalid(String),
}

/// Parses any known version of the file; returns the progress and the version it had.
fn parse(bytes: &[u8]) -> std::result::Result<(Progress, u32), ParseError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| ParseError::Invalid(e.to_string()))?;
    // Kept as u64: a huge number must be reported as it is, not wrapped into a known one.
    let version = value
        .get("version")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| ParseError::Invalid("no version field".into()))?;
    let value = match version {
        1 => migrate_v3(migrate_v2(migrate_v1(value)?)?),
        2 => migrate_v3(migrate_v2(value)?),
        3 => migrate_v3(value),
        v if v == u64::from(VERSION) => value,
        v if v > u64::from(VERSION) => return Err(ParseError::TooNew(v)),
        v => return Err(ParseError::Invalid(format!("unknown version {v}"))),
    };
    let mut unread = unreadable_lab_runs(&value);
    let progress: Progress =
        serde_json::from_value(value).map_err(|e| ParseError::Invalid(e.to_string()))?;
    unread.extend(progress.lab_runs_unread.iter().cloned());
    Ok((
        Progress {
            version: VERSION,
            lab_runs_unread: unread,
            ..progress
        },
        // Only 1 to VERSION get here.
        version as u32,
    ))
}

/// Version 1 kept only a status word per language: `{"exercises": {"slug": {"go": "passed"}}}`
/// and a list of lessons read. Version 2 keeps a record per language.
fn migrate_v1(mut value: serde_json::Value) -> std::result::Result<serde_json::Value, ParseError> {
    use serde_json::{Value, json};
    let Some(exercises) = value.get_mut("exercises").and_then(Value::as_object_mut) else {
        return Ok(
            json!({"version": 2, "lessons_read": value.get("lessons_read").cloned().unwrap_or(json!([]))}),
        );
    };
    for langs in exercises.values_mut() {
        let Some(map) = langs.as_object_mut() else {
            return Err(ParseError::Invalid(
                "version 1 exercise entry is not an object".into(),
            ));
        };
        for status in map.values_mut() {
            let word = status.as_str().unwrap_or("not_tried").to_string();
            *status = json!({"status": word, "attempts": u32::from(word != "not_tried")});
        }
    }
    value["version"] = json!(2);
    Ok(value)
}

/// Version 2 counted hints per language (`hints_used` in each language's record), and the
/// command line's `hint` without `--lang` wrote the count into all four. Version 3 counts them
/// once per exercise (`hints`): the largest of the four is what the learner saw.
fn migrate_v2(mut value: serde_json::Value) -> std::result::Result<serde_json::Value, ParseError> {
    use serde_json::{Map, Value, json};
    let mut hints = Map::new();
    if let Some(exercises) = value.get_mut("exercises").and_then(Value::as_object_mut) {
        for (slug, langs) in exercises.iter_mut() {
            let Some(langs) = langs.as_object_mut() else {
                continue; // reported by the typed parse that follows
            };
            let mut most = 0;
            for record in langs.values_mut() {
                if let Some(record) = record.as_object_mut()
                    && let Some(n) = record.remove("hints_used")
                {
                    most = most.max(n.as_u64().unwrap_or(0));
                }
            }
            if most > 0 {
                hints.insert(slug.clone(), json!(most.min(u64::from(u32::MAX))));
            }
        }
    }
    value["hints"] = Value::Object(hints);
    value["version"] = json!(3);
    Ok(value)
}

/// Version 4 adds what version 3 could not say: which version of an exercise a pass was
/// against (`passed_version`) and where each lesson and exercise was left (`places`). Both
/// are optional: a version 3 pass has no version (taken as the current one: nothing tells
/// which it was), and places start at the top.
fn migrate_v3(mut value: serde_json::Value) -> serde_json::Value {
    value["version"] = serde_json::json!(4);
    value
}

#[cfg(test)]
mod tests;
