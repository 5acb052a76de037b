//! The command line: argument definitions and one function per subcommand.

// Every command prints through these, so a closed pipe ends it quietly (see `out`). Defined
// before the submodules, which see them in place of the standard macros.
macro_rules! println {
    () => {
        $crate::cli::out::write(format_args!(""), true)
    };
    ($($arg:tt)*) => {
        $crate::cli::out::write(format_args!($($arg)*), true)
    };
}
macro_rules! print {
    ($($arg:tt)*) => {
        $crate::cli::out::write(format_args!($($arg)*), false)
    };
}
macro_rules! eprintln {
    ($($arg:tt)*) => {
        $crate::cli::out::write_err(format_args!($($arg)*))
    };
}

pub mod out;

mod check;
mod completions;
mod dev;
mod doctor;
mod lab;
mod learner;
mod listing;
mod render;
mod workspace;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use clap::{Args, Parser, Subcommand};

use crate::course::{Language, load_course};
use crate::paths::DataDir;
use crate::progress::{LoadNotice, Progress};
use crate::style::Paint;
use crate::theme::ThemeKind;

/// microlings: choosing a language for microservices, Python, Go, Java and C# side by side.
#[derive(Debug, Parser)]
#[command(name = "microlings", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every subcommand takes.
#[derive(Debug, Args, Clone)]
pub struct GlobalOpts {
    /// Where progress and your exercise files live [default: the platform's data directory]
    #[arg(long, global = true, env = "MICROLINGS_HOME", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Load the course from DIR (with lessons/ and exercises/) instead of the embedded one
    #[arg(long, global = true, value_name = "DIR")]
    pub course: Option<PathBuf>,
    /// No colours (also: the NO_COLOR environment variable)
    #[arg(long, global = true)]
    pub no_color: bool,
    /// Colours for a light or dark terminal [default: detected from COLORFGBG, else dark]
    #[arg(long, global = true, value_name = "light|dark")]
    pub theme: Option<ThemeArg>,
}

/// `--theme` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ThemeArg {
    /// Dark text on a light background.
    Light,
    /// Light text on a dark background.
    Dark,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the lessons and exercises with your status in each language
    List {
        /// Print JSON instead
        #[arg(long)]
        json: bool,
    },
    /// Check your solution to an exercise (all languages in parallel, or one)
    Check {
        /// The exercise (see `microlings list`)
        exercise: String,
        /// Only this language: python, go, java or csharp
        #[arg(long, short)]
        lang: Option<Language>,
        /// Print one JSON object per language
        #[arg(long)]
        json: bool,
        /// Build and run even if the file did not change since the last check
        #[arg(long)]
        no_cache: bool,
    },
    /// Check every exercise in every available language and print a table
    Verify {
        /// Print JSON instead
        #[arg(long)]
        json: bool,
    },
    /// Show the next hint for an exercise (nudge, concept, then nearly the answer)
    Hint {
        /// The exercise
        exercise: String,
        /// Accepted for compatibility: a hint is the same in every language and counts once
        /// for the exercise
        #[arg(long, short)]
        lang: Option<Language>,
    },
    /// Put the starter file back, discarding your edits
    Reset {
        /// The exercise (or --all)
        #[arg(required_unless_present = "all")]
        exercise: Option<String>,
        /// Every exercise
        #[arg(long, conflicts_with = "exercise")]
        all: bool,
        /// Only this language
        #[arg(long, short)]
        lang: Option<Language>,
        /// Do not ask for confirmation
        #[arg(long, short)]
        yes: bool,
    },
    /// Summarise your progress
    Progress {
        /// Print JSON instead
        #[arg(long, conflicts_with = "report")]
        json: bool,
        /// Print a Markdown report of everything you did, worth keeping
        #[arg(long)]
        report: bool,
    },
    /// Print the path of the file to edit for an exercise
    Path {
        /// The exercise
        exercise: String,
        /// The language [default: python]
        #[arg(long, short)]
        lang: Option<Language>,
    },
    /// Print the folder with your files, to open in an IDE (every exercise is made there, each
    /// language folder a project of its own)
    Workspace,
    /// Open $VISUAL or $EDITOR on your file for an exercise
    Open {
        /// The exercise
        exercise: String,
        /// The language [default: python]
        #[arg(long, short)]
        lang: Option<Language>,
    },
    /// Show which toolchains were found, their versions, and how to install missing ones
    Doctor,
    /// Build the same small HTTP service in every language and measure it on this machine
    Lab(lab::LabArgs),
    /// Print a shell completion script (see the README for where to put it)
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish
        shell: clap_complete::Shell,
    },
    /// Tools for course authors
    Dev {
        #[command(subcommand)]
        command: DevCommand,
    },
}

/// Author subcommands.
#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Validate a course: every file loads, every starter and known-wrong answer fails, and
    /// every solution passes
    Check {
        /// Re-run everything instead of using cached results
        #[arg(long)]
        no_cache: bool,
        /// Only these exercises (all when none is given)
        exercises: Vec<String>,
        /// Only this language: python, go, java or csharp
        #[arg(long)]
        lang: Option<Language>,
        /// Print every outcome, starters' too, not only the problems
        #[arg(long, short)]
        verbose: bool,
    },
}

pub use crate::session::Context;

/// The progress store, saying so when it waits for another instance.
fn progress_store(ctx: &Context) -> crate::progress::ProgressStore {
    ctx.data.progress().announcing_waits()
}

/// Loads progress, telling the learner on stderr about a moved-aside or migrated file.
fn load_progress(ctx: &Context) -> Result<Progress> {
    let (progress, notice) = progress_store(ctx).load()?;
    report_notice(notice.as_ref());
    Ok(progress)
}

/// Changes the saved progress, telling the learner on stderr about a moved-aside or migrated
/// file as [`load_progress`] does.
fn update_progress<T>(ctx: &Context, change: impl FnOnce(&mut Progress) -> T) -> Result<T> {
    let (_, value, notice) = progress_store(ctx).update_noting(change)?;
    report_notice(notice.as_ref());
    Ok(value)
}

/// Removes the run directories of a microlings that was killed before it could, and stops
/// the programs it left running (see `run::rundir`).
fn clean_up_after_crash(data: &DataDir) {
    let cleaned = crate::run::rundir::clean_stale(&data.runner_dirs().scratch);
    if cleaned.processes > 0 {
        eprintln!(
            "note: stopped {} program(s) left running by a microlings that was killed",
            cleaned.processes
        );
    }
}

/// Tells the learner what happened to their progress file, if anything.
pub fn report_notice(notice: Option<&LoadNotice>) {
    use crate::learner::notice::{Level, progress_notice};
    if let Some(notice) = notice {
        let notice = progress_notice(notice);
        let prefix = match notice.level {
            Level::Warning => "warning",
            Level::Note => "note",
        };
        eprintln!("{prefix}: {}", notice.text);
    }
}

/// Runs the command line; the exit code says whether it succeeded.
pub fn run(cli: Cli) -> Result<ExitCode> {
    if let Some(Command::Doctor) = cli.command {
        // Doctor is what people run when something is broken: it needs no course.
        let data = DataDir::locate(cli.global.data_dir.as_deref())?;
        clean_up_after_crash(&data);
        return doctor::doctor(
            &data,
            cli.global.course.as_deref(),
            Paint::for_stdout(cli.global.no_color),
        );
    }
    if let Some(Command::Completions { shell }) = cli.command {
        // Needs the course (for the exercise names), not the data directory.
        let course = load_course(cli.global.course.as_deref())
            .map_err(|e| anyhow::anyhow!("{e}"))
            .context("cannot load the course")?;
        return completions::print(shell, &course);
    }
    let ctx = Context::open(
        cli.global.course.as_deref(),
        cli.global.data_dir.as_deref(),
        cli.global.no_color,
    )?;
    clean_up_after_crash(&ctx.data);
    match cli.command {
        None => {
            use std::io::IsTerminal;
            if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
                let requested = cli.global.theme.map(|t| match t {
                    ThemeArg::Light => ThemeKind::Light,
                    ThemeArg::Dark => ThemeKind::Dark,
                });
                crate::tui::run(
                    &ctx,
                    crate::tui::choose_theme(requested, cli.global.no_color),
                )?;
                Ok(ExitCode::SUCCESS)
            } else {
                listing::no_terminal(&ctx)
            }
        }
        Some(Command::List { json }) => listing::list(&ctx, json),
        Some(Command::Check {
            exercise,
            lang,
            json,
            no_cache,
        }) => check::check(&ctx, &exercise, lang, json, !no_cache),
        Some(Command::Verify { json }) => check::verify(&ctx, json),
        Some(Command::Hint { exercise, lang }) => learner::hint(&ctx, &exercise, lang),
        Some(Command::Reset {
            exercise,
            all,
            lang,
            yes,
        }) => learner::reset(&ctx, exercise.as_deref(), all, lang, yes),
        Some(Command::Progress { report: true, .. }) => {
            let progress = load_progress(&ctx)?;
            print!(
                "{}",
                crate::report::markdown(&ctx.course, &progress, crate::progress::now_secs())
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Progress { json, .. }) => listing::progress(&ctx, json),
        Some(Command::Path { exercise, lang }) => learner::path(&ctx, &exercise, lang),
        Some(Command::Workspace) => workspace::workspace_folder(&ctx),
        Some(Command::Open { exercise, lang }) => workspace::open(&ctx, &exercise, lang),
        Some(Command::Doctor) => doctor::doctor(&ctx.data, cli.global.course.as_deref(), ctx.paint),
        Some(Command::Lab(args)) => lab::lab(&ctx, &args),
        Some(Command::Completions { shell }) => completions::print(shell, &ctx.course),
        Some(Command::Dev {
            command:
                DevCommand::Check {
                    no_cache,
                    exercises,
                    lang,
                    verbose,
                },
        }) => dev::check(
            &ctx,
            &dev::Selection {
                use_cache: !no_cache,
                exercises,
                languages: languages(lang),
                verbose,
            },
        ),
    }
}

/// The languages a command applies to: one, or all four.
fn languages(lang: Option<Language>) -> Vec<Language> {
    match lang {
        Some(l) => vec![l],
        None => Language::ALL.to_vec(),
    }
}
