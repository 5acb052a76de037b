//! Popups with text (the keys, the welcome, the task, the hints): their content, rendered in
//! update for the popup's exact width so that it wraps once, and their scrolling.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::{Line, Span};

use super::app::{App, Overlay};
use super::keys::{Binding, KeyContext, bindings};
use super::msg::Cmd;

/// The widest a popup gets, borders included.
const MAX_WIDTH: u16 = 76;
/// Width of the keys column in the help.
const KEYS_COLUMN: usize = 22;

/// The Markdown of the first-run welcome.
const WELCOME: &str = "\
Choosing a language for microservices: Python, Go, Java and C#, compared by running them.

**Move:** ↑ ↓ (or j k) to choose, Enter to open, Esc to go back. `c` continues where you left off.

**Check:** in an exercise, `r` runs all four languages and compares their output; Enter runs one.

**Edit:** `e` opens your `$EDITOR`, `i` edits right here; saving from any editor re-checks.

`?` shows the keys of every screen. `q` quits; you come back exactly where you left off.";

/// The popup's outer width on a screen `screen_width` columns wide.
pub fn outer_width(screen_width: u16) -> u16 {
    screen_width.saturating_sub(4).min(MAX_WIDTH)
}

/// Columns of text inside a popup.
pub fn inner_width(screen_width: u16) -> u16 {
    outer_width(screen_width).saturating_sub(2).max(1)
}

/// Rows of text a popup shows at once, for `lines` lines of text on a screen `screen_height`
/// rows high (the status bar is not covered).
pub fn visible_rows(screen_height: u16, lines: usize) -> usize {
    let body = usize::from(screen_height.saturating_sub(1));
    (lines + 2).min(body).saturating_sub(2).max(1)
}

/// The title of a text popup.
pub fn title(overlay: &Overlay) -> &'static str {
    match overlay {
        Overlay::Help => " Keys ",
        Overlay::Welcome => " Welcome to microlings ",
        Overlay::Task => " Task ",
        Overlay::Hints => " Hints ",
        Overlay::Confirm(_) => "",
    }
}

/// Wraps `text` at spaces into lines of at most `width` columns (a longer word gets a line of
/// its own).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let w = unicode_width::UnicodeWidthStr::width(word);
        let used = unicode_width::UnicodeWidthStr::width(line.as_str());
        if !line.is_empty() && used + 1 + w > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

impl App {
    /// Opens a popup, scrolled to its top.
    pub(crate) fn open_overlay(&mut self, overlay: Overlay) {
        self.popup_scroll = 0;
        self.popup_jump = overlay == Overlay::Hints;
        self.overlay = Some(overlay);
        self.refresh_popup();
    }

    /// Builds the text of the open popup for the current width (cheap: short texts).
    pub(crate) fn refresh_popup(&mut self) {
        let width = inner_width(self.size.0);
        let mut newest = 0;
        self.popup = match &self.overlay {
            Some(Overlay::Help) => self.help_lines(width as usize),
            Some(Overlay::Welcome) => {
                let mut lines = self.markdown(WELCOME, width);
                lines.push(Line::raw(""));
                lines.push(Line::styled("Press any key to start.", self.theme.dim));
                lines
            }
            Some(Overlay::Task) => self
                .current_exercise()
                .map(|ex| self.markdown(&ex.task, width))
                .unwrap_or_default(),
            Some(Overlay::Hints) => {
                let (lines, last) = self.hint_lines(width);
                newest = last;
                lines
            }
            Some(Overlay::Confirm(_)) | None => Vec::new(),
        };
        if std::mem::take(&mut self.popup_jump) {
            self.popup_scroll = newest;
        }
        let max = self
            .popup
            .len()
            .saturating_sub(visible_rows(self.size.1, self.popup.len()));
        self.popup_scroll = self.popup_scroll.min(max);
    }

    fn markdown(&self, text: &str, width: u16) -> Vec<Line<'static>> {
        crate::markdown::render(text, width, &self.theme, &[]).lines
    }

    /// Every hint shown so far; returns the lines and where the newest hint starts.
    fn hint_lines(&self, width: u16) -> (Vec<Line<'static>>, usize) {
        let Some(ex) = self.current_exercise() else {
            return (Vec::new(), 0);
        };
        let total = ex.hints.len();
        let mut lines = Vec::new();
        let mut newest = 0;
        for (i, hint) in ex.hints.iter().take(self.exercise.hints_shown).enumerate() {
            if i > 0 {
                lines.push(Line::raw(""));
            }
            newest = lines.len();
            lines.push(Line::styled(
                format!("Hint {} of {total} ({})", i + 1, hint_kind(i)),
                self.theme.strong,
            ));
            lines.extend(self.markdown(hint, width));
        }
        lines.push(Line::raw(""));
        let more = if self.exercise.hints_shown < total {
            "h, once this is closed, shows the next hint."
        } else {
            "That was the last hint. After a try, s shows the reference solution."
        };
        for l in wrap_words(more, width as usize) {
            lines.push(Line::styled(l, self.theme.dim));
        }
        (lines, newest)
    }

    /// The keys of this screen, then the ones that work everywhere.
    fn help_lines(&self, width: usize) -> Vec<Line<'static>> {
        let ctx = super::view::context_under_popup(self);
        let mut lines = Vec::new();
        let mut sections = vec![(ctx.title(), bindings(ctx))];
        if ctx.has_globals() {
            sections.push((KeyContext::Global.title(), bindings(KeyContext::Global)));
        }
        for (i, (name, list)) in sections.into_iter().enumerate() {
            if i > 0 {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(name, self.theme.heading[1]));
            for b in list {
                self.help_binding(b, width, &mut lines);
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "↑ ↓ scroll; any other key closes this help.",
            self.theme.dim,
        ));
        lines
    }

    fn help_binding(&self, b: &Binding, width: usize, lines: &mut Vec<Line<'static>>) {
        let keys = Span::styled(format!("  {:<w$}", b.keys, w = KEYS_COLUMN), self.theme.key);
        // Narrow popups put the keys above what they do.
        if width < KEYS_COLUMN + 2 + 24 {
            lines.push(Line::from(Span::styled(
                format!("  {}", b.keys),
                self.theme.key,
            )));
            for l in wrap_words(b.action, width.saturating_sub(4)) {
                lines.push(Line::raw(format!("    {l}")));
            }
            return;
        }
        let room = width - KEYS_COLUMN - 2;
        for (i, l) in wrap_words(b.action, room).into_iter().enumerate() {
            let lead = if i == 0 {
                keys.clone()
            } else {
                Span::raw(" ".repeat(KEYS_COLUMN + 2))
            };
            lines.push(Line::from(vec![lead, Span::raw(l)]));
        }
    }

    /// Keys while a text popup is open: scrolling keys scroll it when it does not fit, `q`
    /// quits, anything else closes it.
    pub(crate) fn popup_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let rows = visible_rows(self.size.1, self.popup.len());
        let max = self.popup.len().saturating_sub(rows);
        let delta: isize = match key.code {
            KeyCode::Char('q') => return self.quit_cmds(),
            KeyCode::Down | KeyCode::Char('j') => 1,
            KeyCode::Up | KeyCode::Char('k') => -1,
            KeyCode::PageDown | KeyCode::Char(' ') => rows.saturating_sub(1).max(1) as isize,
            KeyCode::PageUp => -(rows.saturating_sub(1).max(1) as isize),
            _ => 0,
        };
        if delta == 0 || max == 0 {
            self.overlay = None;
            return Vec::new();
        }
        self.popup_scroll = (self.popup_scroll as isize + delta).clamp(0, max as isize) as usize;
        Vec::new()
    }
}

/// What each hint is, by its place in the ladder.
pub fn hint_kind(i: usize) -> &'static str {
    ["nudge", "concept", "nearly the answer"]
        .get(i)
        .copied()
        .unwrap_or("more")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_spaces_and_long_words_keep_a_line() {
        assert_eq!(wrap_words("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(wrap_words("abcdefgh x", 4), ["abcdefgh", "x"]);
        assert_eq!(wrap_words("", 4), [""]);
    }

    #[test]
    fn a_popup_shows_what_fits_below_the_status_bar() {
        assert_eq!(visible_rows(24, 5), 5);
        assert_eq!(visible_rows(24, 50), 21);
        assert_eq!(inner_width(80), 74);
        assert_eq!(inner_width(40), 34);
    }
}
