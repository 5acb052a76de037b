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
    let (outcomes, saved) =
        check_exercise(ctx, &runner, exercise, &languages(lang), use_cache, &cancel);
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
            // Advice on what the output cannot show, whatever the verdict.
            if o.verdict.is_attempt() {
                let notes =
                    learner::advice::notes_for_file(&ctx.data.workspace(), exercise, o.language);
                print!("{}", render::advice(&ctx.paint, &notes));
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
    // The outcome first, then what could not be kept of it (a full disk, a read-only data
    // directory): the check itself happened.
    if let Err(e) = saved {
        eprintln!("{}", not_saved(&e));
        return Ok(ExitCode::FAILURE);
    }
    Ok(exit_code(
        outcomes.iter().all(|o| o.verdict == Verdict::Passed),
    ))
}

/// What a check says when its outcome could not be recorded.
fn not_saved(e: &anyhow::Error) -> String {
    format!(
        "progress could not be saved: {e:#}. The check above ran, but it is not recorded; free some space or make the data directory writable (`microlings doctor` shows where it is)"
    )
}

/// Runs the learner's files for the given languages in parallel and records the outcomes;
/// the outcomes come back whether or not recording them worked.
pub fn check_exercise(
    ctx: &Context,
    runner: &Runner,
    exercise: &Exercise,
    langs: &[Language],
    use_cache: bool,
    cancel: &CancelToken,
) -> (Vec<Outcome>, Result<()>) {
    let opts = CheckOptions {
        use_cache,
        cancel: cancel.clone(),
    };
    let outcomes = learner::check(runner, &ctx.data.workspace(), exercise, langs, &opts);
    // Nothing to save (no attempt): nothing can fail to be saved.
    if !outcomes.iter().any(|o| o.verdict.is_attempt()) {
        return (outcomes, Ok(()));
    }
    let saved = super::update_progress(ctx, |p| {
        for o in &outcomes {
            learner::record_check(p, exercise, o);
        }
    });
    (outcomes, saved)
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
    let mut save_failed = false;
    for (_, exercise) in ctx.course.exercises_in_order() {
        let (outcomes, saved) =
            check_exercise(ctx, &runner, exercise, &Language::ALL, true, &cancel);
        if cancel.is_cancelled() {
            return interrupted();
        }
        if let Err(e) = saved
            && !save_failed
        {
            save_failed = true;
            eprintln!("{}", not_saved(&e));
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
