use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = microlings::cli::Cli::parse();
    match microlings::cli::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
