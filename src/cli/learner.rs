//! `hint`, `reset` and `path`: the learner's own files and help.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Result, bail};

use super::{Context, languages};
use crate::course::Language;
use crate::learner;

/// Shows the next hint and records it (once for the exercise: a hint is the same text in
/// every language, so `lang` changes nothing but the language the change names).
pub fn hint(ctx: &Context, slug: &str, lang: Option<Language>) -> Result<ExitCode> {
    let exercise = ctx.exercise(slug)?;
    let reveal = super::update_progress(ctx, |p| {
        learner::reveal_hint(p, exercise, lang.unwrap_or(Language::Python))
    })?;
    let (used, total) = (reveal.shown, reveal.total);
    let p = &ctx.paint;
    let label = ["nudge", "concept", "nearly the answer"];
    for (i, h) in exercise.hints.iter().enumerate().take(used) {
        let kind = label.get(i).copied().unwrap_or("more");
        println!(
            "{} {}",
            p.bold(&format!("Hint {} of {total} ({kind}):", i + 1)),
            super::out::visible(&without_backticks(h))
        );
    }
    if reveal.was_last() {
        println!("{}", p.dim("That was the last hint."));
    } else {
        println!("{}", p.dim("Run the same command again for the next hint."));
    }
    Ok(ExitCode::SUCCESS)
}

/// Inline code as a terminal shows it: the text without the backticks around it (a
/// terminal has no code font to set it apart).
pub fn without_backticks(text: &str) -> String {
    text.replace('`', "")
}

/// Restores starters, asking first unless `yes`.
pub fn reset(
    ctx: &Context,
    slug: Option<&str>,
    all: bool,
    lang: Option<Language>,
    yes: bool,
) -> Result<ExitCode> {
    let exercises: Vec<_> = if all {
        ctx.course.exercises_in_order().map(|(_, e)| e).collect()
    } else {
        vec![ctx.exercise(slug.unwrap_or_default())?]
    };
    let langs = languages(lang);
    let ws = ctx.data.workspace();
    let mut edited = Vec::new();
    for e in &exercises {
        for &l in &langs {
            if ws.is_edited(e, l) {
                edited.push(ws.path(&e.slug, l).display().to_string());
            }
        }
    }
    if !yes && !edited.is_empty() {
        println!("This discards your edits to {} file(s):", edited.len());
        for f in edited.iter().take(10) {
            println!("  {f}");
        }
        if edited.len() > 10 {
            println!("  ... and {} more", edited.len() - 10);
        }
        if !confirm("Reset them to the starter? [y/N] ")? {
            println!("Nothing was changed.");
            return Ok(ExitCode::FAILURE);
        }
    }
    let mut changes = Vec::new();
    for e in &exercises {
        for &l in &langs {
            changes.push(learner::reset(&ws, e, l)?);
        }
    }
    super::update_progress(ctx, |p| {
        for change in &changes {
            change.apply(p);
        }
    })?;
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    println!(
        "Reset {} in {}.",
        count(exercises.len(), "exercise", "exercises"),
        count(langs.len(), "language", "languages")
    );
    Ok(ExitCode::SUCCESS)
}

fn confirm(question: &str) -> Result<bool> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        bail!("not resetting without confirmation: pass --yes to reset from a script");
    }
    print!("{question}");
    std::io::stdout().flush()?;
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim(), "y" | "Y" | "yes"))
}

/// Prints the path of the learner's file, creating it from the starter if needed.
pub fn path(ctx: &Context, slug: &str, lang: Option<Language>) -> Result<ExitCode> {
    let exercise = ctx.exercise(slug)?;
    let (path, notices) = ctx
        .data
        .workspace()
        .ensure_noting(exercise, lang.unwrap_or(Language::Python))?;
    for notice in notices {
        eprintln!("note: {}", super::out::visible(&notice.0));
    }
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::without_backticks;

    #[test]
    fn inline_code_loses_its_backticks_on_the_command_line() {
        assert_eq!(
            without_backticks("use `int(text)` and `isascii()`"),
            "use int(text) and isascii()"
        );
    }
}
