use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use microlings::cli::out::StdoutFailed;

fn main() -> ExitCode {
    // The containment helper (see run::sandbox): microlings re-executed to run one program in
    // a PID namespace of its own. It must not parse the command line nor start a thread.
    let mut args = std::env::args_os();
    if args
        .nth(1)
        .is_some_and(|a| a == microlings::run::sandbox::HELPER_ARG)
    {
        let rest: Vec<_> = args.collect();
        let code = microlings::run::sandbox::helper_main(&rest);
        return ExitCode::from(u8::try_from(code).unwrap_or(125));
    }
    #[cfg(target_os = "linux")]
    microlings::run::sandbox::set_helper(microlings::run::sandbox::helper_beside_me());
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
