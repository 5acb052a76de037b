//! Terminal text styling for the command line: ANSI colours that switch off for NO_COLOR,
//! `--no-color` and output that is not a terminal. Colour is never the only signal: every
//! status also has a symbol and a word.

use crate::progress::Status;
use crate::run::Verdict;

/// Paints text when colour is on.
#[derive(Debug, Clone, Copy)]
pub struct Paint {
    enabled: bool,
}

impl Paint {
    /// Colour on or off.
    pub fn new(enabled: bool) -> Self {
        Paint { enabled }
    }

    /// Colour for stdout, honouring `--no-color`, NO_COLOR and whether stdout is a terminal.
    pub fn for_stdout(no_color_flag: bool) -> Self {
        use std::io::IsTerminal;
        let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Paint::new(!no_color_flag && !no_color_env && std::io::stdout().is_terminal())
    }

    fn wrap(&self, code: &str, text: &str) -> String {
        if self.enabled {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Green.
    pub fn good(&self, text: &str) -> String {
        self.wrap("32", text)
    }
    /// Red.
    pub fn bad(&self, text: &str) -> String {
        self.wrap("31", text)
    }
    /// Yellow.
    pub fn warn(&self, text: &str) -> String {
        self.wrap("33", text)
    }
    /// Dim.
    pub fn dim(&self, text: &str) -> String {
        self.wrap("2", text)
    }
    /// Bold.
    pub fn bold(&self, text: &str) -> String {
        self.wrap("1", text)
    }
    /// Reversed and bold: the changed characters inside a diff line.
    pub fn reversed(&self, text: &str) -> String {
        self.wrap("7;1", text)
    }
    /// Whether colour is on.
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// A progress status symbol, coloured.
    pub fn status_symbol(&self, s: Option<Status>) -> String {
        let sym = status_symbol(s);
        match s {
            Some(Status::Passed) => self.good(sym),
            Some(Status::Failed) => self.bad(sym),
            Some(Status::NotTried) => self.dim(sym),
            None => self.warn(sym),
        }
    }
}

/// The symbol for a verdict.
pub fn verdict_symbol(v: Verdict) -> &'static str {
    match v {
        Verdict::Passed => "✓",
        Verdict::ToolchainMissing => "-",
        Verdict::Cancelled => "◌",
        Verdict::CouldNotRun => "!",
        _ => "✗",
    }
}

/// The symbol for a saved status; `None` means the toolchain is missing.
pub fn status_symbol(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Passed) => "✓",
        Some(Status::Failed) => "✗",
        Some(Status::NotTried) => "·",
        None => "-",
    }
}

/// The word for a saved status; `None` means the toolchain is missing.
pub fn status_word(s: Option<Status>) -> &'static str {
    match s {
        Some(Status::Passed) => "passed",
        Some(Status::Failed) => "failed",
        Some(Status::NotTried) => "not tried",
        None => "toolchain missing",
    }
}
