use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use microlings::cli::out::StdoutFailed;

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
    let result =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| microlings::cli::run(cli)));
    match result {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            let message = microlings::cli::out::visible(&format!("{e:#}"));
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::FAILURE
        }
        Err(payload) => match payload.downcast::<StdoutFailed>() {
            // The reader went away (`microlings list | head -1`): nothing more to say.
            Ok(failed) if failed.is_closed_pipe() => ExitCode::SUCCESS,
            Ok(failed) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "error: cannot write the output: {}",
                    failed.0
                );
                ExitCode::FAILURE
            }
            Err(panic) => std::panic::resume_unwind(panic),
        },
    }
}
