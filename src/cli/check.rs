//! `check` and `verify`: run the learner's files and record the outcomes.

use std::process::ExitCode;

use anyhow::Result;

use super::{Context, languages, render};
use crate::course::{Exercise, Language};
use crate::learner;
use crate::run::{CancelToken, CheckOptions, Outcome, Runner, Verdict};

/// Checks the learner's files for one exercise, prints the outcomes, records them.
pub fn check(
    ctx: &Context,
    slug: &str,
    lang: Option<Language>,
    json: bool,
    use_cache: bool,
) -> Result<ExitCode> {
    let exercise = ctx.exercise(slug)?;
    let runner = ctx.runner();
    let cancel = CancelToken::on_interrupt();
    let outcomes = check_exercise(ctx, &runner, exercise, &languages(lang), use_cache, &cancel)?;
    if cancel.is_cancelled() {
        return interrupted();
    }
    if json {
        for o in &outcomes {
            println!("{}", serde_json::to_string(o)?);
        }
    } else {
        println!(
            "{} {}",
            ctx.paint.bold(&exercise.slug),
            ctx.paint.dim(&format!("({})", exercise.title))
        );
        for o in &outcomes {
            let input = render::failing_input(exercise, o);
            print!("{}", render::outcome(&ctx.paint, o, input.as_deref()));
            // After a pass, what is idiomatic or surprising in that language.
            if o.verdict == Verdict::Passed
                && let Some(note) = exercise.notes.get(&o.language)
            {
                println!(
                    "      {} {}",
                    ctx.paint.dim("note:"),
                    super::learner::without_backticks(note)
                );
            }
        }
        let passed = outcomes
            .iter()
            .filter(|o| o.verdict == Verdict::Passed)
            .count();
        if passed == outcomes.len() {
            println!("{}", ctx.paint.good(&format!("All {passed} passed.")));
        } else {
            let edit = outcomes
                .iter()
                .find(|o| !matches!(o.verdict, Verdict::Passed | Verdict::ToolchainMissing))
                .map(|o| ctx.data.workspace().path(&exercise.slug, o.language));
            println!(
                "{} of {} passed.{}",
                passed,
                outcomes.len(),
                edit.map(|p| format!(
                    " Edit {} and check again; `microlings hint {}` helps.",
                    p.display(),
                    exercise.slug
                ))
                .unwrap_or_default()
            );
        }
    }
    Ok(exit_code(
        outcomes.iter().all(|o| o.verdict == Verdict::Passed),
    ))
}

/// Runs the learner's files for the given languages in parallel and records the outcomes.
pub fn check_exercise(
    ctx: &Context,
    runner: &Runner,
    exercise: &Exercise,
    langs: &[Language],
    use_cache: bool,
    cancel: &CancelToken,
) -> Result<Vec<Outcome>> {
    let opts = CheckOptions {
        use_cache,
        cancel: cancel.clone(),
    };
    let outcomes = learner::check(runner, &ctx.data.workspace(), exercise, langs, &opts);
    super::update_progress(ctx, |p| {
        for o in &outcomes {
            learner::record_check(p, exercise, o);
        }
    })?;
    Ok(outcomes)
}

/// Checks every exercise in every language and prints a table.
pub fn verify(ctx: &Context, json: bool) -> Result<ExitCode> {
    let runner = ctx.runner();
    let mut all_passed = true;
    let mut rows = Vec::new();
    if !json {
        println!(
            "{:<28} {}",
            ctx.paint.bold("exercise"),
            Language::ALL
                .map(|l| format!("{:<20}", l.display_name()))
                .join("")
                .trim_end()
        );
    }
    let cancel = CancelToken::on_interrupt();
    for (_, exercise) in ctx.course.exercises_in_order() {
        let outcomes = check_exercise(ctx, &runner, exercise, &Language::ALL, true, &cancel)?;
        if cancel.is_cancelled() {
            return interrupted();
        }
        all_passed &= outcomes.iter().all(|o| o.verdict == Verdict::Passed);
        if json {
            rows.extend(outcomes);
        } else {
            let cells: Vec<String> = outcomes
                .iter()
                .map(|o| render::verdict(&ctx.paint, o.verdict, 20))
                .collect();
            println!("{:<28} {}", exercise.slug, cells.join("").trim_end());
        }
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else if all_passed {
        println!("{}", ctx.paint.good("Everything passes."));
    } else {
        println!("Run `microlings check <exercise>` to see what is wrong with one.");
    }
    Ok(exit_code(all_passed))
}

/// What an interrupted command says; 130 is the shell's code for Ctrl-C.
pub(super) fn interrupted() -> Result<ExitCode> {
    eprintln!("interrupted: the running programs were stopped");
    Ok(ExitCode::from(130))
}

pub(super) fn exit_code(success: bool) -> ExitCode {
    if success {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
