use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // Before any thread exists: what microlings starts outside the runner (an editor, and
    // whatever that leaves running) carries this, so sweeping a check's escaped processes
    // leaves it alone (see run::reaper).
    // SAFETY: no other thread runs yet, so nothing reads the environment concurrently.
    unsafe {
        std::env::set_var(
            microlings::run::reaper::OWNER_VAR,
            std::process::id().to_string(),
        );
    }
    let cli = microlings::cli::Cli::parse();
    match microlings::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
