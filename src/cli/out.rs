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

/// Shows control characters visibly, so that text a learner's program (or a course) printed
/// cannot drive the terminal: no title change (OSC 0), no clipboard write (OSC 52), no clear
/// screen or alternate screen. ESC becomes `␛`, other C0 controls their control pictures
/// (`␇`, `␍`...), DEL `␡`, and C1 controls and bidirectional overrides `<U+009B>`. Newlines
/// and tabs stay as they are.
pub fn visible(text: &str) -> String {
    if !text.chars().any(needs_showing) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{1b}' => out.push('␛'),
            '\u{7f}' => out.push('␡'),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?'));
            }
            c if needs_showing(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn needs_showing(c: char) -> bool {
    let n = c as u32;
    (n < 0x20 && c != '\n' && c != '\t')
        || (0x7f..=0x9f).contains(&n)
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(
            visible("\u{1b}]0;title\u{7}\u{1b}[2J\r\u{9b}31m"),
            "␛]0;title␇␛[2J␍<U+009B>31m"
        );
        assert_eq!(visible("\u{202e}abc\u{7f}"), "<U+202E>abc␡");
    }
}
