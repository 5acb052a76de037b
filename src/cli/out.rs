//! Printing for the commands: a closed pipe (`microlings list | head -1`) ends the command
//! quietly instead of panicking.
//!
//! `println!`, `print!` and `eprintln!` are shadowed in `cli` by macros that call these
//! functions. When stdout cannot be written, [`write`] unwinds with [`StdoutFailed`], so
//! destructors still run (nothing is running at a print: checks print once they are done),
//! and `main` turns it into a quiet exit, or an error message for anything but a closed pipe.

use std::fmt;
use std::io::{self, Write};

/// Why printing to stdout stopped the command; `main` catches it.
#[derive(Debug)]
pub struct StdoutFailed(pub io::Error);

impl StdoutFailed {
    /// Whether the reader went away (a closed pipe): nothing to report.
    pub fn is_closed_pipe(&self) -> bool {
        self.0.kind() == io::ErrorKind::BrokenPipe
    }
}

/// Writes to stdout, with a newline when `newline`; stops the command if stdout is gone.
pub fn write(args: fmt::Arguments<'_>, newline: bool) {
    let mut out = io::stdout().lock();
    let written = out.write_fmt(args).and_then(|()| {
        if newline {
            out.write_all(b"\n")
        } else {
            Ok(())
        }
    });
    if let Err(e) = written {
        drop(out);
        // Not a panic: no message, no exit code 101; `main` decides what to say.
        std::panic::resume_unwind(Box::new(StdoutFailed(e)));
    }
}

/// Writes a line to stderr, control characters shown visibly (microlings' own messages on
/// stderr are never coloured); a closed stderr is ignored (there is nowhere to say so).
pub fn write_err(args: fmt::Arguments<'_>) {
    let text = visible(&args.to_string());
    let mut err = io::stderr().lock();
    let _ = err
        .write_all(text.as_bytes())
        .and_then(|()| err.write_all(b"\n"));
}

pub use crate::visible::visible;
