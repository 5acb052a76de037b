//! `list`, `progress`, and what plain `microlings` prints without a terminal.

use std::process::ExitCode;

use anyhow::Result;
use serde_json::json;

use super::Context;
use crate::course::Language;
use crate::progress::{Progress, Status};
use crate::run::Toolchains;
use crate::style::status_symbol;

/// A language's status for display: `None` when its toolchain is missing and it was never
/// tried (the rule the TUI shows too).
fn status(
    progress: &Progress,
    toolchains: &Toolchains,
    exercise: &str,
    lang: Language,
) -> Option<Status> {
    crate::learner::shown_status(progress, exercise, lang, toolchains.available(lang))
}

/// Prints the course with per-language status.
pub fn list(ctx: &Context, json: bool) -> Result<ExitCode> {
    let progress = super::load_progress(ctx)?;
    let toolchains = ctx.toolchains();
    if json {
        let lessons: Vec<_> = ctx
            .course
            .lessons
            .iter()
            .map(|lesson| {
                let exercises: Vec<_> = lesson
                    .exercises
                    .iter()
                    .filter_map(|slug| ctx.course.exercise(slug))
                    .map(|ex| {
                        let version = crate::learner::exercise_version(ex);
                        let status: serde_json::Map<String, serde_json::Value> = Language::ALL
                            .iter()
                            .map(|&l| {
                                let earlier = crate::learner::passed_earlier_version(
                                    &progress, ex, l, &version,
                                );
                                let word = status(&progress, &toolchains, &ex.slug, l)
                                    .map(|s| match s {
                                        Status::Passed if earlier => "passed_earlier_version",
                                        Status::Passed => "passed",
                                        Status::Failed => "failed",
                                        Status::NotTried => "not_tried",
                                    })
                                    .unwrap_or("toolchain_missing");
                                (l.id().to_string(), json!(word))
                            })
                            .collect();
                        json!({"slug": ex.slug, "title": ex.title, "kind": ex.kind.id(), "status": status})
                    })
                    .collect();
                json!({"slug": lesson.slug, "title": lesson.title, "read": progress.lessons_read.contains(&lesson.slug), "exercises": exercises})
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&lessons)?);
        return Ok(ExitCode::SUCCESS);
    }
    let p = &ctx.paint;
    let mut passed = 0;
    let mut earlier = 0;
    let mut total = 0;
    for (i, lesson) in ctx.course.lessons.iter().enumerate() {
        let read = if progress.lessons_read.contains(&lesson.slug) {
            p.good("✓ read")
        } else {
            p.dim("· unread")
        };
        println!(
            "{} {}  {}",
            p.bold(&format!("{:>2}.", i + 1)),
            p.bold(&lesson.title),
            read
        );
        for slug in &lesson.exercises {
            let Some(ex) = ctx.course.exercise(slug) else {
                continue;
            };
            let version = crate::learner::exercise_version(ex);
            let cells: Vec<String> = Language::ALL
                .iter()
                .map(|&l| {
                    let s = status(&progress, &toolchains, slug, l);
                    total += 1;
                    // A pass of an earlier version of the exercise is not a tick: check again.
                    if crate::learner::passed_earlier_version(&progress, ex, l, &version) {
                        earlier += 1;
                        return format!("{} {:<6}", p.warn("↻"), l.display_name());
                    }
                    if s == Some(Status::Passed) {
                        passed += 1;
                    }
                    format!("{} {:<6}", p.status_symbol(s), l.display_name())
                })
                .collect();
            println!("     {:<30} {}", slug, cells.join(" "));
        }
    }
    println!();
    println!(
        "{passed} of {total} exercise-languages passed.   {} passed  {} failed  {} not tried  {} toolchain missing",
        status_symbol(Some(Status::Passed)),
        status_symbol(Some(Status::Failed)),
        status_symbol(Some(Status::NotTried)),
        status_symbol(None),
    );
    if earlier > 0 {
        println!(
            "↻ passed an earlier version: the course changed what those exercises expect since you passed them; check again ({earlier})."
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Summarises progress.
pub fn progress(ctx: &Context, json: bool) -> Result<ExitCode> {
    let progress = super::load_progress(ctx)?;
    let course = &ctx.course;
    let exercise_count = course.exercises.len();
    let per_lang: Vec<(Language, usize)> = Language::ALL
        .iter()
        .map(|&l| {
            let n = course
                .exercises
                .keys()
                .filter(|slug| progress.record(slug, l).status == Status::Passed)
                .count();
            (l, n)
        })
        .collect();
    let quiz_total: usize = course.lessons.iter().map(|l| l.quizzes.len()).sum();
    // The first answer is the score: trying again shows the explanation, not a better mark.
    let (quiz_answered, quiz_right) = progress.quiz_score();
    // Once per exercise: a hint is the same text in every language.
    let hints = progress.hints_in(course.exercises.keys());
    let read = course
        .lessons
        .iter()
        .filter(|l| progress.lessons_read.contains(&l.slug))
        .count();
    if json {
        let per_lang: serde_json::Map<String, serde_json::Value> = per_lang
            .iter()
            .map(|(l, n)| (l.id().to_string(), json!(n)))
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({
                "lessons": {"read": read, "total": course.lessons.len()},
                "exercises": {"total": exercise_count, "passed": per_lang},
                "quizzes": {"answered": quiz_answered, "right_first_time": quiz_right, "total": quiz_total},
                "hints_used": hints,
                "position": progress.position,
            }))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    let p = &ctx.paint;
    println!("{}", p.bold("Your progress"));
    println!("  lessons read     {read} of {}", course.lessons.len());
    for (l, n) in &per_lang {
        println!(
            "  {:<16} {n} of {exercise_count} exercises passed",
            l.display_name()
        );
    }
    println!(
        "  quizzes          {quiz_right} of {quiz_answered} answered right the first time ({quiz_total} in the course)"
    );
    println!("  hints used       {hints}");
    println!(
        "  saved in         {}",
        ctx.data.progress().path().display()
    );
    Ok(ExitCode::SUCCESS)
}

/// What `microlings` prints when it has no terminal to draw on.
pub fn no_terminal(ctx: &Context) -> Result<ExitCode> {
    list(ctx, false)?;
    println!();
    println!(
        "Run `microlings` in a terminal to start the course; `microlings --help` lists the commands."
    );
    Ok(ExitCode::SUCCESS)
}
