//! `dev check`: everything a course author needs to know before publishing.

use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::Result;

use super::{Context, render};
use crate::course::{Exercise, Language};
use crate::run::{CancelToken, CheckOptions, Outcome, Verdict};

/// Which file of an exercise is being proven.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Variant {
    Starter,
    Solution,
    /// The known-wrong program at this index of [`Exercise::wrong`].
    Wrong(usize),
}

impl Variant {
    /// Whether the outcome is the one this variant must have. A wrong answer must be judged
    /// and fail: a check that could not run proves nothing about the grading.
    fn as_required(self, verdict: Verdict) -> bool {
        match self {
            Variant::Starter => verdict != Verdict::Passed,
            Variant::Solution => verdict == Verdict::Passed,
            Variant::Wrong(_) => verdict.is_attempt() && verdict != Verdict::Passed,
        }
    }

    /// How the variant is named in messages.
    fn describe(self, ex: &Exercise) -> String {
        match self {
            Variant::Starter => "starter".to_string(),
            Variant::Solution => "solution".to_string(),
            Variant::Wrong(i) => format!(
                "wrong answer '{}'",
                ex.wrong.get(i).map_or("?", |w| w.mistake.as_str())
            ),
        }
    }
}

/// Whether CI demands every toolchain.
pub fn toolchains_required() -> bool {
    std::env::var("MICROLINGS_REQUIRE_TOOLCHAINS").is_ok_and(|v| v == "1" || v == "true")
}

/// What `dev check` proves.
pub struct Selection {
    /// Whether cached results may answer.
    pub use_cache: bool,
    /// Exercise slugs to check; empty means all.
    pub exercises: Vec<String>,
    /// Languages to check.
    pub languages: Vec<Language>,
    /// Print every outcome, not only the problems.
    pub verbose: bool,
}

/// Validates the course (done by loading it) and proves every starter fails, every solution
/// passes and every known-wrong answer (`wrong/<mistake>/<lang>/`) fails, in every available
/// language.
pub fn check(ctx: &Context, sel: &Selection) -> Result<ExitCode> {
    let use_cache = sel.use_cache;
    for slug in &sel.exercises {
        if ctx.course.exercise(slug).is_none() {
            anyhow::bail!("no exercise '{slug}' in this course; `microlings list` shows them");
        }
    }
    let p = &ctx.paint;
    let course = &ctx.course;
    let quizzes: usize = course.lessons.iter().map(|l| l.quizzes.len()).sum();
    println!(
        "{} {} lessons, {} exercises, {} quizzes load without problems",
        p.good("✓"),
        course.lessons.len(),
        course.exercises.len(),
        quizzes
    );
    let runner = ctx.runner();
    let mut failed = false;
    let mut langs = Vec::new();
    for lang in sel.languages.iter().copied() {
        match runner.toolchains.get(lang) {
            Ok(t) => langs.push((lang, t.describe())),
            Err(m) => {
                let required = toolchains_required();
                failed |= required;
                println!(
                    "{} {} not checked: {} ({}){}",
                    if required { p.bad("✗") } else { p.warn("-") },
                    lang.display_name(),
                    m.reason,
                    m.install_hint_here(),
                    if required {
                        "; MICROLINGS_REQUIRE_TOOLCHAINS=1 makes this an error"
                    } else {
                        ""
                    }
                );
            }
        }
    }
    let jobs: Vec<(&Exercise, Language, Variant)> = course
        .exercises_in_order()
        .filter(|(_, ex)| sel.exercises.is_empty() || sel.exercises.contains(&ex.slug))
        .flat_map(|(_, ex)| {
            langs.iter().flat_map(move |(l, _)| {
                let wrong = ex
                    .wrong
                    .iter()
                    .enumerate()
                    .filter(move |(_, w)| w.language == *l)
                    .map(move |(i, _)| (ex, *l, Variant::Wrong(i)));
                [(ex, *l, Variant::Starter), (ex, *l, Variant::Solution)]
                    .into_iter()
                    .chain(wrong)
            })
        })
        .collect();
    let wrong_jobs = jobs
        .iter()
        .filter(|(_, _, v)| matches!(v, Variant::Wrong(_)))
        .count();
    let opts = CheckOptions {
        use_cache,
        cancel: CancelToken::on_interrupt(),
    };
    let results = parallel_map(&jobs, |&(ex, lang, variant)| {
        let source = match variant {
            Variant::Starter => ex.starter(lang),
            Variant::Solution => ex.solution(lang),
            Variant::Wrong(i) => ex.wrong.get(i).map_or("", |w| w.source.as_str()),
        };
        runner.check(ex, lang, source, &opts)
    });
    if opts.cancel.is_cancelled() {
        return super::check::interrupted();
    }
    let mut problems = 0;
    for ((ex, lang, variant), outcome) in jobs.iter().zip(&results) {
        let wrong = !variant.as_required(outcome.verdict);
        if sel.verbose && !wrong {
            println!(
                "{} {} {} {}:",
                p.good("✓"),
                ex.slug,
                lang.display_name(),
                variant.describe(ex)
            );
            print!(
                "{}",
                render::outcome(p, outcome, render::failing_input(ex, outcome).as_deref())
            );
        }
        if wrong {
            problems += 1;
            let what = match variant {
                Variant::Starter => {
                    "the starter PASSES: it must fail, so the learner has something to fix"
                        .to_string()
                }
                Variant::Solution => "the reference solution FAILS:".to_string(),
                Variant::Wrong(_) if outcome.verdict == Verdict::Passed => format!(
                    "the {} PASSES: the check does not catch this mistake",
                    variant.describe(ex)
                ),
                Variant::Wrong(_) => format!(
                    "the {} was not judged ({}), so it proves nothing:",
                    variant.describe(ex),
                    outcome.verdict.label()
                ),
            };
            println!("{} {} {}: {what}", p.bad("✗"), ex.slug, lang.display_name());
            if *variant != Variant::Starter && outcome.verdict != Verdict::Passed {
                print!(
                    "{}",
                    render::outcome(p, outcome, render::failing_input(ex, outcome).as_deref())
                );
            }
        }
    }
    failed |= problems > 0;
    println!(
        "{} {} starter/solution pairs and {wrong_jobs} wrong answers checked in {}: {}",
        if problems == 0 {
            p.good("✓")
        } else {
            p.bad("✗")
        },
        (jobs.len() - wrong_jobs) / 2,
        langs
            .iter()
            .map(|(l, v)| format!("{} ({v})", l.display_name()))
            .collect::<Vec<_>>()
            .join(", "),
        if problems == 0 {
            "every starter fails and every solution passes; every wrong answer fails".to_string()
        } else {
            format!("{problems} problem(s)")
        }
    );
    summarise_starter_failures(ctx, &jobs, &results);
    Ok(super::check::exit_code(!failed))
}

/// How the starters (and the wrong answers) fail, per verdict: an author sees at a glance that,
/// say, the typing lesson's compiled starters fail at compile time, or that a wrong answer fails
/// by a compile error instead of the mistake it was written to show.
fn summarise_starter_failures(
    ctx: &Context,
    jobs: &[(&Exercise, Language, Variant)],
    results: &[Outcome],
) {
    let by_verdict = |wanted: fn(Variant) -> bool| {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for ((_, _, variant), o) in jobs.iter().zip(results) {
            if wanted(*variant) {
                *counts.entry(o.verdict.label()).or_default() += 1;
            }
        }
        counts
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "  {}",
        ctx.paint.dim(&format!(
            "starters fail by: {}",
            by_verdict(|v| v == Variant::Starter)
        ))
    );
    let wrong = by_verdict(|v| matches!(v, Variant::Wrong(_)));
    if !wrong.is_empty() {
        println!(
            "  {}",
            ctx.paint.dim(&format!("wrong answers fail by: {wrong}"))
        );
    }
}

/// Maps `f` over `items` on as many threads as the machine has cores, keeping the order.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(items.len().max(1));
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    let work = || {
        loop {
            let i = {
                let mut n = next.lock().unwrap_or_else(|e| e.into_inner());
                let i = *n;
                *n += 1;
                i
            };
            if i >= items.len() {
                break;
            }
            let r = f(&items[i]);
            results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
        }
    };
    std::thread::scope(|s| {
        // This thread is one of the workers, so the work is done even if no other thread
        // can be started.
        for i in 1..workers {
            let started = std::thread::Builder::new()
                .name(format!("dev-check-{i}"))
                .spawn_scoped(s, work);
            if started.is_err() {
                break;
            }
        }
        work();
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}
