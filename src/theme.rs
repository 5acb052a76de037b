//! Colours and text styles for the terminal UI and the lesson renderer.
//!
//! Three variants: dark and light use the 16 basic ANSI colours (so they work on every
//! terminal and follow the user's palette); monochrome (NO_COLOR, `--no-color`) uses only bold,
//! italic, underline, dim and reverse. Colour is never the only signal: statuses also have
//! symbols and words.

use ratatui::style::{Color, Modifier, Style};

/// Which palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeKind {
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// No colours at all.
    Mono,
}

/// Every style the UI uses, by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Which palette this is.
    pub kind: ThemeKind,
    /// Plain text.
    pub text: Style,
    /// Less important text (hints in the status bar, line numbers).
    pub dim: Style,
    /// Titles and headings, by level (1, 2, 3+).
    pub heading: [Style; 3],
    /// `*emphasis*`.
    pub emphasis: Style,
    /// `**strong**`.
    pub strong: Style,
    /// `inline code`.
    pub code_inline: Style,
    /// Code blocks without highlighting.
    pub code_block: Style,
    /// Link text.
    pub link: Style,
    /// A link's target, shown after its text.
    pub link_target: Style,
    /// Block quotes.
    pub quote: Style,
    /// List bullets and numbers, table borders, rules.
    pub marker: Style,
    /// The selected row or focused pane.
    pub selected: Style,
    /// Borders of unfocused panes.
    pub border: Style,
    /// Borders of the focused pane.
    pub border_focused: Style,
    /// Passed, right answers, added diff lines.
    pub good: Style,
    /// Failed, wrong answers, removed diff lines.
    pub bad: Style,
    /// Warnings, toolchain missing, running.
    pub warn: Style,
    /// The status bar.
    pub status_bar: Style,
    /// Keys named in the status bar and help.
    pub key: Style,
}

impl Theme {
    /// The theme for a kind.
    pub fn new(kind: ThemeKind) -> Self {
        match kind {
            ThemeKind::Dark => Self::colored(kind, Color::Cyan, Color::Yellow, Color::Blue),
            ThemeKind::Light => Self::colored(kind, Color::Blue, Color::Magenta, Color::Blue),
            ThemeKind::Mono => Self::mono(),
        }
    }

    fn colored(kind: ThemeKind, accent: Color, code: Color, link: Color) -> Self {
        let bold = Modifier::BOLD;
        Theme {
            kind,
            text: Style::default(),
            dim: Style::default().add_modifier(Modifier::DIM),
            heading: [
                Style::default()
                    .fg(accent)
                    .add_modifier(bold | Modifier::UNDERLINED),
                Style::default().fg(accent).add_modifier(bold),
                Style::default().add_modifier(bold),
            ],
            emphasis: Style::default().add_modifier(Modifier::ITALIC),
            strong: Style::default().add_modifier(bold),
            code_inline: Style::default().fg(code),
            code_block: Style::default().fg(code),
            link: Style::default().fg(link).add_modifier(Modifier::UNDERLINED),
            link_target: Style::default().add_modifier(Modifier::DIM),
            quote: Style::default().add_modifier(Modifier::ITALIC),
            marker: Style::default().fg(accent),
            selected: Style::default().add_modifier(Modifier::REVERSED),
            border: Style::default().add_modifier(Modifier::DIM),
            border_focused: Style::default().fg(accent),
            good: Style::default().fg(Color::Green),
            bad: Style::default().fg(Color::Red),
            warn: Style::default().fg(Color::Yellow),
            status_bar: Style::default().add_modifier(Modifier::REVERSED),
            key: Style::default().fg(accent).add_modifier(bold),
        }
    }

    fn mono() -> Self {
        let s = Style::default();
        Theme {
            kind: ThemeKind::Mono,
            text: s,
            dim: s.add_modifier(Modifier::DIM),
            heading: [
                s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                s.add_modifier(Modifier::BOLD),
                s.add_modifier(Modifier::BOLD),
            ],
            emphasis: s.add_modifier(Modifier::ITALIC),
            strong: s.add_modifier(Modifier::BOLD),
            code_inline: s.add_modifier(Modifier::BOLD),
            code_block: s,
            link: s.add_modifier(Modifier::UNDERLINED),
            link_target: s.add_modifier(Modifier::DIM),
            quote: s.add_modifier(Modifier::ITALIC),
            marker: s,
            selected: s.add_modifier(Modifier::REVERSED),
            border: s.add_modifier(Modifier::DIM),
            border_focused: s.add_modifier(Modifier::BOLD),
            good: s.add_modifier(Modifier::BOLD),
            bad: s.add_modifier(Modifier::BOLD),
            warn: s,
            status_bar: s.add_modifier(Modifier::REVERSED),
            key: s.add_modifier(Modifier::BOLD),
        }
    }

    /// Whether code should be syntax-highlighted in colour.
    pub fn highlights(&self) -> bool {
        self.kind != ThemeKind::Mono
    }
}
