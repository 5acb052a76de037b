//! The containment helper on its own (see `microlings::run::sandbox`): every contained run of
//! a learner's program goes through it, so it is a small program that starts in about a
//! millisecond, where re-executing microlings' own 12 MB binary took about ten. microlings
//! uses it when it sits beside microlings' binary, and re-executes itself when it does not.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os();
    // Called as microlings' helper is (`__microlings-contain ...`), so that a sweep knows it.
    if args
        .nth(1)
        .is_none_or(|a| a != microlings::run::sandbox::HELPER_ARG)
    {
        eprintln!(
            "microlings-contain is microlings' own helper: it runs one program for a check, and is not for use by hand"
        );
        return ExitCode::from(125);
    }
    let rest: Vec<_> = args.collect();
    let code = microlings::run::sandbox::helper_main(&rest);
    ExitCode::from(u8::try_from(code).unwrap_or(125))
}
