//! Entering and leaving the terminal's TUI mode, on every path: normal exit, error, panic.

use std::io::{self, Stdout, Write};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// The terminal type the TUI draws on.
pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Restores the terminal when dropped.
#[must_use = "the terminal is restored when this guard is dropped"]
pub struct TerminalGuard {
    /// The terminal.
    pub terminal: Term,
}

/// Switches to raw mode, the alternate screen, mouse and bracketed paste, and installs a panic
/// hook that undoes all of it before the panic message is printed.
pub fn enter() -> io::Result<TerminalGuard> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    if let Err(e) = execute!(
        stdout,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    ) {
        restore();
        return Err(e);
    }
    let terminal = Terminal::new(CrosstermBackend::new(stdout)).inspect_err(|_| restore())?;
    Ok(TerminalGuard { terminal })
}

/// Leaves TUI mode; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = stdout.flush();
}

/// Leaves TUI mode for an external program (the editor); [`resume`] comes back.
pub fn suspend() -> io::Result<()> {
    execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    )?;
    disable_raw_mode()
}

/// Returns to TUI mode after [`suspend`].
pub fn resume(terminal: &mut Term) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    terminal.clear()
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Picks the theme: monochrome when colour is off, else the given one, else a guess from
/// COLORFGBG (set by many terminals), else dark.
pub fn choose_theme(
    requested: Option<crate::theme::ThemeKind>,
    no_color: bool,
) -> crate::theme::ThemeKind {
    let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if no_color || no_color_env {
        return crate::theme::ThemeKind::Mono;
    }
    if let Some(kind) = requested {
        return kind;
    }
    let bg = std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| v.rsplit(';').next().and_then(|b| b.parse::<u8>().ok()));
    match bg {
        Some(7) | Some(9..=15) => crate::theme::ThemeKind::Light,
        _ => crate::theme::ThemeKind::Dark,
    }
}
