//! `workspace` and `open`: the learner's files in their own editor or IDE.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context as _, Result, bail};

use super::Context;
use crate::course::Language;
use crate::workspace::{ProjectNotice, Workspace};

/// The workspace with the project files for the toolchains on this machine (detected now if
/// the cached detection is stale, so that the C# project targets the installed SDK).
fn workspace(ctx: &Context) -> Workspace {
    ctx.toolchains();
    ctx.data.workspace()
}

fn report(notices: &[ProjectNotice]) {
    for notice in notices {
        eprintln!("note: {}", super::out::visible(&notice.0));
    }
}

/// Makes every exercise's files and project files exist (never overwriting the learner's),
/// then prints the folder to open in an editor or IDE; only the path on stdout, so that
/// `code "$(microlings workspace)"` works.
pub fn workspace_folder(ctx: &Context) -> Result<ExitCode> {
    let ws = workspace(ctx);
    let exercises: Vec<_> = ctx.course.exercises_in_order().map(|(_, e)| e).collect();
    let notices = ws.ensure_course(exercises)?;
    report(&notices);
    let root = ws.root().display().to_string();
    println!("{root}");
    if std::io::stdout().is_terminal() {
        eprintln!(
            "{}",
            ctx.paint.dim(&format!(
                "Open this folder in your IDE (e.g. `code {root}`, `idea {root}`, `nvim {root}`): every exercise has a folder per language, each a project of its own; README's \"Use your editor\" says more."
            ))
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens `$VISUAL`/`$EDITOR` (as the TUI's `e` does) on the learner's file, in its folder.
pub fn open(ctx: &Context, slug: &str, lang: Option<Language>) -> Result<ExitCode> {
    let exercise = ctx.exercise(slug)?;
    let lang = lang.unwrap_or(Language::Python);
    let (path, notices) = workspace(ctx).ensure_noting(exercise, lang)?;
    report(&notices);
    let Some((program, args, note)) = crate::tui::editor_command() else {
        bail!(
            "no editor found: set $EDITOR (e.g. export EDITOR=nano), or open {} yourself",
            path.display()
        );
    };
    if let Some(note) = note {
        eprintln!("note: {note}");
    }
    let mut command = std::process::Command::new(&program);
    command.args(&args).arg(&path);
    if let Some(dir) = path.parent() {
        // `go run .`, `dotnet run` and the like work from the editor's shell.
        command.current_dir(dir);
    }
    let status = command.status().with_context(|| {
        format!("cannot start `{program}`: set $VISUAL or $EDITOR to your editor")
    })?;
    if !status.success() {
        bail!("`{program}` exited with {status}");
    }
    Ok(ExitCode::SUCCESS)
}
