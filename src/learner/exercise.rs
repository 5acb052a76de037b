//! The actions on an exercise: check, hint, reveal the solution, reset.

use anyhow::Result;

use crate::course::{Exercise, Language};
use crate::progress::{Change, Progress, Status};
use crate::run::{CheckOptions, Outcome, Runner};
use crate::workspace::Workspace;

/// Checks one language of an exercise: the learner's file as it is on disk (created from the
/// starter if needed). A file that cannot be read is microlings' failure, not the program's:
/// the outcome is `could_not_run`, which is never counted as an attempt.
pub fn check_language(
    runner: &Runner,
    workspace: &Workspace,
    exercise: &Exercise,
    lang: Language,
    opts: &CheckOptions,
) -> Outcome {
    match workspace.read_bytes(exercise, lang) {
        Ok(source) => runner.check(exercise, lang, &source, opts),
        Err(e) => Outcome::could_not_run(exercise, lang, &format!("{e:#}")),
    }
}

/// The last check's outcome of the learner's file as it is on disk, if that very file was
/// checked before and the result cache kept it (see [`Runner::recall`]): what a reopened
/// exercise shows before anything runs.
pub fn recall_language(
    runner: &Runner,
    workspace: &Workspace,
    exercise: &Exercise,
    lang: Language,
) -> Option<Outcome> {
    let source = workspace.read_bytes(exercise, lang).ok()?;
    runner.recall(exercise, lang, &source)
}

/// Checks several languages of an exercise in parallel, as [`check_language`] does each;
/// the outcomes come back in the order of `langs`.
pub fn check(
    runner: &Runner,
    workspace: &Workspace,
    exercise: &Exercise,
    langs: &[Language],
    opts: &CheckOptions,
) -> Vec<Outcome> {
    let mut readable = Vec::new();
    let mut unreadable = Vec::new();
    for &lang in langs {
        match workspace.read_bytes(exercise, lang) {
            Ok(source) => readable.push((lang, source)),
            Err(e) => unreadable.push(Outcome::could_not_run(exercise, lang, &format!("{e:#}"))),
        }
    }
    let mut checked = runner.check_many(exercise, &readable, opts).into_iter();
    langs
        .iter()
        .filter_map(
            |&lang| match unreadable.iter().position(|o| o.language == lang) {
                Some(i) => Some(unreadable.remove(i)),
                None => checked.next(),
            },
        )
        .collect()
}

/// Records a check of `exercise` that finished now. `None` when it is not an attempt (a
/// missing toolchain, a cancelled check, one microlings could not run): nothing changes and
/// nothing needs saving. A pass records which version of the exercise it passed.
pub fn record_check(
    progress: &mut Progress,
    exercise: &Exercise,
    outcome: &Outcome,
) -> Option<Change> {
    record_check_at(progress, exercise, outcome, crate::clock::now_secs())
}

/// Records a check that finished at `at` (seconds since the Unix epoch): the time travels in
/// the change, so applying it gives the same progress whenever it is applied.
pub fn record_check_at(
    progress: &mut Progress,
    exercise: &Exercise,
    outcome: &Outcome,
    at: u64,
) -> Option<Change> {
    if !outcome.verdict.is_attempt() {
        return None;
    }
    let change = Change::Outcome {
        outcome: Box::new(outcome.clone()),
        at,
        version: Some(exercise_version(exercise)),
    };
    change.apply(progress);
    Some(change)
}

/// The version of an exercise as far as a pass is concerned: a fingerprint (16 hex digits of
/// SHA-256) of its cases (names, input, expected output) and, for an HTTP exercise, its
/// requests. A course update that changes what is expected changes it; one that rewords the
/// task or a hint does not.
pub fn exercise_version(exercise: &Exercise) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for case in &exercise.cases {
        // Lengths first, so that no two different cases hash alike by moving a boundary.
        for part in [
            case.name.as_bytes(),
            case.input.as_deref().unwrap_or_default(),
            case.expected.as_bytes(),
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
    }
    if let Some(service) = &exercise.service {
        h.update(format!("{:?}", service.requests).as_bytes());
    }
    h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether a language of an exercise passed, but against an earlier version of it (its cases
/// or expected output changed since): both front ends show "passed an earlier version: check
/// again" instead of a tick. A pass recorded before versions were kept counts as current.
pub fn passed_earlier_version(
    progress: &Progress,
    exercise: &Exercise,
    lang: Language,
    version: &str,
) -> bool {
    let r = progress.record(&exercise.slug, lang);
    r.status == Status::Passed && r.passed_version.as_deref().is_some_and(|v| v != version)
}

/// How a language of an exercise stands, as both front ends show it: its saved status, and
/// whether a pass was of an earlier version of the exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Never checked.
    NotTried,
    /// Checked, never passed.
    Failed,
    /// Passed the exercise as it is now.
    Passed,
    /// Passed an earlier version of the exercise: check again.
    PassedEarlierVersion,
}

impl Standing {
    /// The symbol shown for it.
    pub fn symbol(self) -> &'static str {
        match self {
            Standing::NotTried => "·",
            Standing::Failed => "✗",
            Standing::Passed => "✓",
            Standing::PassedEarlierVersion => "↻",
        }
    }

    /// The words for it.
    pub fn words(self) -> &'static str {
        match self {
            Standing::NotTried => "not tried",
            Standing::Failed => "not passed yet",
            Standing::Passed => "passed",
            Standing::PassedEarlierVersion => "passed an earlier version: check again",
        }
    }
}

/// The standing of a language of an exercise whose current version is `version`.
pub fn standing(
    progress: &Progress,
    exercise: &Exercise,
    lang: Language,
    version: &str,
) -> Standing {
    match progress.record(&exercise.slug, lang).status {
        Status::NotTried => Standing::NotTried,
        Status::Failed => Standing::Failed,
        Status::Passed if passed_earlier_version(progress, exercise, lang, version) => {
            Standing::PassedEarlierVersion
        }
        Status::Passed => Standing::Passed,
    }
}

/// The status of one language of an exercise as both front ends show it: `None` ("toolchain
/// missing") when its toolchain is not installed and it was never tried. A pass (or a
/// failure) made before the toolchain went away still shows.
pub fn shown_status(
    progress: &Progress,
    exercise: &str,
    lang: Language,
    available: bool,
) -> Option<Status> {
    let status = progress.record(exercise, lang).status;
    (status != Status::NotTried || available).then_some(status)
}

/// What [`reveal_hint`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HintReveal {
    /// Hints revealed now (the first `shown` of the exercise's hints are the learner's).
    pub shown: usize,
    /// Hints the exercise has.
    pub total: usize,
    /// The change, or `None` when the last hint had already been revealed.
    pub change: Option<Change>,
}

impl HintReveal {
    /// Whether every hint has now been revealed.
    pub fn was_last(&self) -> bool {
        self.shown >= self.total
    }
}

/// Reveals the next hint of an exercise. Hints are the same text in every language, so they
/// are counted once per exercise: `on_screen` is only the language the learner looks at
/// ([`Change::Hint`] carries it; it does not change what is recorded).
pub fn reveal_hint(
    progress: &mut Progress,
    exercise: &Exercise,
    on_screen: Language,
) -> HintReveal {
    let total = exercise.hints.len();
    let before = progress.hints_used(&exercise.slug) as usize;
    if before >= total {
        return HintReveal {
            shown: total,
            total,
            change: None,
        };
    }
    let change = Change::Hint(exercise.slug.clone(), on_screen, total);
    change.apply(progress);
    HintReveal {
        shown: progress.hints_used(&exercise.slug) as usize,
        total,
        change: Some(change),
    }
}

/// Whether the reference solution of a language may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SolutionAccess {
    /// Not before the learner has checked their own file once.
    NotYet,
    /// Allowed; ask first, since it gives the answer away.
    Ask,
    /// Seen before: show it again without asking.
    Open,
}

/// Whether the reference solution of `lang` may be shown now.
pub fn solution_access(progress: &Progress, exercise: &str, lang: Language) -> SolutionAccess {
    let record = progress.record(exercise, lang);
    if record.attempts == 0 {
        SolutionAccess::NotYet
    } else if record.solution_seen {
        SolutionAccess::Open
    } else {
        SolutionAccess::Ask
    }
}

/// Records that the reference solution of `lang` was shown; `None` when
/// [`solution_access`] says not yet.
pub fn reveal_solution(progress: &mut Progress, exercise: &str, lang: Language) -> Option<Change> {
    if solution_access(progress, exercise, lang) == SolutionAccess::NotYet {
        return None;
    }
    let change = Change::SolutionSeen(exercise.to_string(), lang);
    change.apply(progress);
    Some(change)
}

/// Puts the starter of one language back and returns the change to progress: the attempts are
/// forgotten, a pass is kept without its last verdict (the file it judged is gone). Applying
/// the change is the caller's, once every file is back.
pub fn reset(workspace: &Workspace, exercise: &Exercise, lang: Language) -> Result<Change> {
    workspace.reset(exercise, lang)?;
    Ok(Change::Reset(exercise.slug.clone(), lang))
}
