//! Running learner code: toolchain detection and plans, process control, comparison, caching.
//!
//! [`Runner::check`] is the one entry point: it builds the learner's file once, runs every
//! case, and turns what happened into an [`Outcome`] with a [`Verdict`].

pub mod cache;
pub mod classify;
pub mod compare;
pub mod http;
pub mod judge;
pub mod lab;
pub mod plan;
pub mod process;
pub mod procfs;
pub mod reaper;
pub mod rundir;
pub mod sandbox;
pub mod server;
pub mod service;
pub mod toolchain;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::course::{Exercise, ExerciseKind, Language};
pub use cache::ResultCache;
use classify::{Blame, Step};
pub use compare::{Diff, DiffLine, DiffOp};
pub use process::CancelToken;
use process::{Limits, ProcessResult, Termination};

/// The kind of program an exercise builds.
fn purpose(exercise: &Exercise) -> plan::Purpose {
    match exercise.kind {
        ExerciseKind::Http => plan::Purpose::CheckService,
        _ => plan::Purpose::Check,
    }
}
pub use service::{RequestOutcome, RequestResult, ServiceReport, Shutdown};
pub use toolchain::{Missing, Toolchain, Toolchains};

/// Bytes of stdout or stderr kept per run; more stops the program.
pub const OUTPUT_CAP: usize = 1024 * 1024;
/// Extra time a build step gets on top of the exercise's own timeout (a cold javac or Go build
/// on a slow laptop takes seconds).
pub const BUILD_ALLOWANCE: Duration = Duration::from_secs(60);

/// The result of checking one language of one exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every case printed the expected output.
    Passed,
    /// A case printed something else.
    WrongOutput,
    /// The compiler rejected the file.
    CompileError,
    /// The program exited non-zero or was killed by a signal.
    RuntimeError,
    /// The program ran past its time limit.
    TimedOut,
    /// The program printed more than [`OUTPUT_CAP`].
    OutputTooLarge,
    /// The language's toolchain is not installed.
    ToolchainMissing,
    /// The check was cancelled.
    Cancelled,
    /// An HTTP service never accepted connections on its `PORT` (or listened elsewhere).
    ServiceNotReady,
    /// An HTTP service answered correctly but ignored SIGTERM and had to be killed.
    DidNotStop,
    /// microlings itself could not run the check (a full disk, an unwritable directory):
    /// not the program's fault, never cached and not counted as an attempt.
    CouldNotRun,
}

impl Verdict {
    /// The id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::WrongOutput => "wrong_output",
            Verdict::CompileError => "compile_error",
            Verdict::RuntimeError => "runtime_error",
            Verdict::TimedOut => "timed_out",
            Verdict::OutputTooLarge => "output_too_large",
            Verdict::ToolchainMissing => "toolchain_missing",
            Verdict::Cancelled => "cancelled",
            Verdict::ServiceNotReady => "service_not_ready",
            Verdict::DidNotStop => "did_not_stop",
            Verdict::CouldNotRun => "could_not_run",
        }
    }

    /// Whether a check with this verdict counts as an attempt: not when the toolchain is
    /// missing, the check was cancelled or microlings could not run it.
    pub fn is_attempt(self) -> bool {
        !matches!(
            self,
            Verdict::ToolchainMissing | Verdict::Cancelled | Verdict::CouldNotRun
        )
    }

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::WrongOutput => "wrong output",
            Verdict::CompileError => "compile error",
            Verdict::RuntimeError => "runtime error",
            Verdict::TimedOut => "timed out",
            Verdict::OutputTooLarge => "output too large",
            Verdict::ToolchainMissing => "toolchain missing",
            Verdict::Cancelled => "cancelled",
            Verdict::ServiceNotReady => "not listening",
            Verdict::DidNotStop => "did not stop",
            Verdict::CouldNotRun => "could not run",
        }
    }
}

/// Everything a check found out, for one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Exercise slug.
    pub exercise: String,
    /// Language checked.
    pub language: Language,
    /// The verdict.
    pub verdict: Verdict,
    /// Build plus runs, in milliseconds.
    pub duration_ms: u64,
    /// Exit code of the failing (or last) run, when it exited.
    pub exit_code: Option<i32>,
    /// Stdout of the failing (or last) run, lossily decoded.
    pub stdout: String,
    /// Stderr of the failing (or last) run; for a compile error, the compiler's output.
    pub stderr: String,
    /// For wrong output, expected versus actual.
    pub diff: Option<Diff>,
    /// The case that failed, when there are several.
    pub case: Option<String>,
    /// One sentence on what happened and what to do.
    pub message: String,
    /// Whether this came from the result cache.
    #[serde(default)]
    pub cached: bool,
    /// For an HTTP exercise: start-up time, every request with its own diff, and shutdown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<ServiceReport>,
    /// The other cases whose output was wrong too, after the one `case` and `diff` describe,
    /// so the learner sees every failing input at once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more_failures: Vec<CaseFailure>,
}

/// One more case with the wrong output: its name, what it read on stdin, and the diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFailure {
    /// The case's name.
    pub case: String,
    /// Its stdin, lossily decoded; `None` when it reads none.
    pub input: Option<String>,
    /// Expected versus actual.
    pub diff: Diff,
}

impl Outcome {
    /// The outcome of a check microlings itself could not run (`why`: what failed, e.g. the
    /// learner's file could not be read).
    pub fn could_not_run(exercise: &Exercise, lang: Language, why: &str) -> Outcome {
        could_not_run(exercise, lang, Instant::now(), why)
    }
}

/// Where checks do their work.
#[derive(Debug, Clone)]
pub struct RunnerDirs {
    /// Temporary run directories are created here and removed afterwards.
    pub scratch: PathBuf,
    /// Persistent caches (results, Go's build cache).
    pub cache: PathBuf,
}

/// Options for one check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Serve an unchanged file's result from the cache, and store new results.
    pub use_cache: bool,
    /// Set to stop the check early.
    pub cancel: CancelToken,
}

/// Starts a compiler server, if none is alive, when dropped at the end of a check (unless the
/// check was cancelled: the learner left it, and may be leaving microlings).
struct StartAfter(server::ServerSpec, process::CancelToken);

impl Drop for StartAfter {
    fn drop(&mut self) {
        if !self.1.is_cancelled() {
            server::start_after(&self.0);
        }
    }
}

/// Runs checks with the toolchains found on this machine.
#[derive(Debug, Clone)]
pub struct Runner {
    /// The detected toolchains.
    pub toolchains: Toolchains,
    dirs: RunnerDirs,
    cache: ResultCache,
}

impl Runner {
    /// A runner using `toolchains`, working under `dirs`.
    pub fn new(toolchains: Toolchains, dirs: RunnerDirs) -> Self {
        let cache = ResultCache::new(dirs.cache.join("results"));
        Runner {
            toolchains,
            dirs,
            cache,
        }
    }

    /// Where this runner builds and caches.
    pub fn dirs(&self) -> &RunnerDirs {
        &self.dirs
    }

    /// Checks `source` as the `lang` version of `exercise`. The source reaches the toolchain
    /// byte for byte: a file that is not UTF-8 gets the toolchain's own error.
    pub fn check(
        &self,
        exercise: &Exercise,
        lang: Language,
        source: impl AsRef<[u8]>,
        opts: &CheckOptions,
    ) -> Outcome {
        let source = source.as_ref();
        let started = Instant::now();
        let toolchain = match self.toolchains.get(lang) {
            Ok(t) => t,
            Err(missing) => {
                let mut o = outcome(exercise, lang, Verdict::ToolchainMissing, started);
                o.message = format!(
                    "{} is not available ({}). Install it with: {}",
                    lang.display_name(),
                    missing.reason,
                    missing.install_hint_here()
                );
                return o;
            }
        };
        let key = self.cache_key(exercise, lang, source, toolchain);
        if opts.use_cache
            && let Some(mut hit) = self.cache.get(&key)
        {
            hit.duration_ms = started.elapsed().as_millis() as u64;
            return hit;
        }
        let result = self.check_uncached(exercise, lang, source, toolchain, opts, started);
        let mut o =
            result.unwrap_or_else(|e| could_not_run(exercise, lang, started, &e.to_string()));
        if opts.cancel.is_cancelled() && o.verdict == Verdict::WrongOutput {
            // Cancelled while judging: the diff was cut short by the cancel, not by its size.
            o = outcome(exercise, lang, Verdict::Cancelled, started);
            o.message = "the check was cancelled".into();
        }
        if opts.use_cache {
            self.cache.put(&key, &o);
        }
        o
    }

    /// What checking `source` gave last time, if the result cache still has it: the outcome of
    /// an unchanged file, without building or running anything. `None` when the toolchain is
    /// missing or the file was never checked as it is.
    pub fn recall(&self, exercise: &Exercise, lang: Language, source: &[u8]) -> Option<Outcome> {
        let toolchain = self.toolchains.get(lang).ok()?;
        self.cache
            .get(&self.cache_key(exercise, lang, source, toolchain))
    }

    /// The result cache's key for checking `source` with `toolchain`.
    fn cache_key(
        &self,
        exercise: &Exercise,
        lang: Language,
        source: &[u8],
        toolchain: &Toolchain,
    ) -> String {
        // The plan as it would be for a fixed directory: part of the cache key.
        let caches = plan::CacheDirs {
            root: self.dirs.cache.clone(),
        };
        let template = plan::plan(toolchain, Path::new("/run"), &caches, purpose(exercise));
        ResultCache::key(exercise, lang, source, toolchain, &template)
    }

    /// Checks several languages of one exercise in parallel, one thread each; results come back
    /// in the order given.
    pub fn check_many<S: AsRef<[u8]> + Sync>(
        &self,
        exercise: &Exercise,
        sources: &[(Language, S)],
        opts: &CheckOptions,
    ) -> Vec<Outcome> {
        std::thread::scope(|s| {
            let handles: Vec<_> = sources
                .iter()
                .map(|(lang, src)| {
                    let spawned = std::thread::Builder::new()
                        .name(format!("check-{}", lang.id()))
                        .spawn_scoped(s, move || self.check(exercise, *lang, src, opts));
                    (*lang, src, spawned)
                })
                .collect();
            handles
                .into_iter()
                .map(|(lang, src, spawned)| match spawned {
                    Ok(h) => h.join().unwrap_or_else(|_| {
                        could_not_run(
                            exercise,
                            lang,
                            Instant::now(),
                            "microlings crashed while checking this language",
                        )
                    }),
                    // No thread to spare: check it here, after the others.
                    Err(_) => self.check(exercise, lang, src, opts),
                })
                .collect()
        })
    }

    fn check_uncached(
        &self,
        exercise: &Exercise,
        lang: Language,
        source: &[u8],
        toolchain: &Toolchain,
        opts: &CheckOptions,
        started: Instant,
    ) -> std::io::Result<Outcome> {
        // Removed on drop, whatever happens below.
        let run_dir = rundir::create(
            &self.dirs.scratch,
            &format!("{}-{}-", exercise.slug, lang.id()),
        )?;
        let dir = run_dir.path();
        std::fs::create_dir(dir.join("tmp"))?;
        std::fs::write(dir.join(lang.file_name()), source)?;
        let caches = plan::CacheDirs {
            root: self.dirs.cache.clone(),
        };
        let plan = plan::plan(toolchain, dir, &caches, purpose(exercise));
        plan.write_files(dir)?;

        // A Java build that found no compiler server compiled on its own: start one once this
        // check is over (on every way out of it), for the next check, so that its start-up
        // competes with neither this build nor this program's runs (see server::connect).
        let _start_server = plan
            .build
            .as_ref()
            .and_then(plan::BuildStep::server)
            .map(|spec| StartAfter(spec.clone(), opts.cancel.clone()));
        if let Some(build) = &plan.build {
            let limits = Limits {
                timeout: exercise.timeout + BUILD_ALLOWANCE,
                output_cap: OUTPUT_CAP,
            };
            // Through a compiler server where there is one; a compiler that failed for the
            // machine's reasons (out of memory, killed) is an error: could_not_run.
            let r = build.run(limits, &opts.cancel)?;
            if r.termination != Termination::Exited(0) {
                return Ok(build_failure(
                    exercise,
                    lang,
                    r,
                    dir,
                    started,
                    limits.timeout,
                ));
            }
        }

        if exercise.kind == ExerciseKind::Http {
            let Some(spec) = &exercise.service else {
                let mut o = outcome(exercise, lang, Verdict::RuntimeError, started);
                o.message = "this http exercise declares no requests".into();
                return Ok(o);
            };
            return service::check(exercise, spec, lang, &plan, dir, opts, started);
        }

        let limits = Limits {
            timeout: exercise.timeout,
            output_cap: OUTPUT_CAP,
        };
        let mut last = None;
        // One budget for explaining every wrong output of this check.
        let judging = compare::Budget::new(compare::JUDGE_BUDGET, opts.cancel.clone());
        // The first case that failed; more cases with the wrong output are added to it, so
        // the learner sees every input that fails. Another kind of failure (a crash, a
        // timeout) ends the run at once.
        let mut first_failure: Option<Outcome> = None;
        for case in &exercise.cases {
            let mut spec = plan.run.clone();
            if let Some(input) = &case.input {
                // Beside the run directory, out of the program's way.
                spec.stdin = Some(run_dir.write_private(&format!("stdin-{}", case.name), input)?);
            }
            let r = process::run(&spec, limits, &opts.cancel)?;
            let mut o = from_run(exercise, lang, &r, dir, started, Step::Run(limits.timeout));
            if exercise.cases.len() > 1 {
                o.case = Some(case.name.clone());
            }
            if o.verdict == Verdict::Passed
                && let Some(diff) = compare::compare_within(&case.expected, &o.stdout, &judging)
            {
                o.verdict = Verdict::WrongOutput;
                o.message = match &o.case {
                    Some(name) => format!("the output for case '{name}' is not what was expected"),
                    None => "the output is not what was expected".into(),
                };
                if let Some(note) = diff.cut_short_note() {
                    o.message = format!("{}: {note}", o.message);
                }
                if o.stdout.trim().is_empty()
                    && let Some(line) = classify::last_line(&o.stderr)
                {
                    o.message = format!(
                        "the program printed nothing on stdout, only on stderr (which is not graded): {line}"
                    );
                }
                o.diff = Some(diff);
            }
            match (&mut first_failure, o.verdict) {
                (_, Verdict::Passed) => last = Some(o),
                (None, Verdict::WrongOutput) => first_failure = Some(o),
                (None, _) => return Ok(o),
                (Some(first), Verdict::WrongOutput) => {
                    if let (Some(case_name), Some(diff)) = (o.case, o.diff) {
                        first.more_failures.push(CaseFailure {
                            case: case_name,
                            input: case
                                .input
                                .as_deref()
                                .map(|b| String::from_utf8_lossy(b).into_owned()),
                            diff,
                        });
                    }
                }
                (Some(_), _) => break,
            }
        }
        if let Some(mut o) = first_failure {
            o.duration_ms = started.elapsed().as_millis() as u64;
            let more = o.more_failures.len();
            if more > 0 {
                o.message = format!(
                    "{} ({more} more case{} too, below)",
                    o.message,
                    if more == 1 { "" } else { "s" }
                );
            }
            return Ok(o);
        }
        let mut o = last.unwrap_or_else(|| outcome(exercise, lang, Verdict::Passed, started));
        o.case = None;
        o.duration_ms = started.elapsed().as_millis() as u64;
        o.message = match exercise.cases.len() {
            1 => "the output matches".into(),
            n => format!("all {n} cases match"),
        };
        Ok(o)
    }
}

fn outcome(exercise: &Exercise, lang: Language, verdict: Verdict, started: Instant) -> Outcome {
    Outcome {
        exercise: exercise.slug.clone(),
        language: lang,
        verdict,
        duration_ms: started.elapsed().as_millis() as u64,
        exit_code: None,
        stdout: String::new(),
        stderr: String::new(),
        diff: None,
        case: None,
        message: String::new(),
        cached: false,
        service: None,
        more_failures: Vec::new(),
    }
}

/// The outcome when microlings itself failed: says so, and that the program is not to blame.
fn could_not_run(exercise: &Exercise, lang: Language, started: Instant, why: &str) -> Outcome {
    let mut o = outcome(exercise, lang, Verdict::CouldNotRun, started);
    o.message = format!(
        "microlings could not run the check: {why}. This is not your program's fault and is not counted; check again once it is fixed (`microlings doctor` shows the data directory)"
    );
    o
}

fn lossy(bytes: &[u8], dir: &Path) -> String {
    process::strip_dir(&String::from_utf8_lossy(bytes), dir)
}

fn build_failure(
    exercise: &Exercise,
    lang: Language,
    r: ProcessResult,
    dir: &Path,
    started: Instant,
    timeout: Duration,
) -> Outcome {
    let mut o = from_run(exercise, lang, &r, dir, started, Step::Build(timeout));
    match o.verdict {
        Verdict::CompileError => {
            // csc reports errors on stdout, javac and go on stderr: show both as the message.
            let mut text = lossy(&r.stdout, dir);
            text.push_str(&lossy(&r.stderr, dir));
            if lang == Language::CSharp {
                text = errors_before_warnings(&text);
            }
            o.stdout = String::new();
            o.stderr = text.trim_end().to_string();
        }
        Verdict::CouldNotRun => {}
        _ => o.message = format!("the build step: {}", o.message),
    }
    o
}

/// csc prints warnings (nullable ones, mostly) mixed with errors in source order; a learner
/// fixing a compile error wants the errors, so they come first and the warnings after them.
fn errors_before_warnings(text: &str) -> String {
    let (warnings, others): (Vec<&str>, Vec<&str>) =
        text.lines().partition(|l| l.contains(": warning CS"));
    let mut out = others.join("\n");
    if !warnings.is_empty() {
        out.push('\n');
        out.push_str(&warnings.join("\n"));
    }
    out
}

/// The outcome of one process of a check: its output, and the verdict and words
/// [`classify`](classify::classify) gives how it ended (a failure of the machine becomes
/// `could_not_run`, naming the cause).
fn from_run(
    exercise: &Exercise,
    lang: Language,
    r: &ProcessResult,
    dir: &Path,
    started: Instant,
    step: Step,
) -> Outcome {
    let mut o = match classify::classify(step, lang, r) {
        Blame::Learner(verdict, words) => {
            let mut o = outcome(exercise, lang, verdict, started);
            o.message = process::strip_dir(&words, dir);
            o
        }
        Blame::Machine(failure) => could_not_run(
            exercise,
            lang,
            started,
            &process::strip_dir(&failure.words(), dir),
        ),
    };
    o.stdout = lossy(&r.stdout, dir);
    o.stderr = lossy(&r.stderr, dir);
    if let Termination::Exited(code) = r.termination {
        o.exit_code = Some(code);
    }
    o
}
