//! Popups with text (the keys, the welcome, the task, the hints): their content, rendered in
//! update for the popup's exact width so that it wraps once, and their scrolling.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::app::Overlay;
use super::intent::{Ctx, Intent};
use super::keys::{Action, Binding, KeyContext, bindings};
use super::layout::Layout;
use crate::course::Exercise;

/// The widest a popup gets, borders included.
const MAX_WIDTH: u16 = 76;
/// Width of the keys column in the help.
const KEYS_COLUMN: usize = 22;

/// The Markdown of the first-run welcome.
const WELCOME: &str = "\
Choosing a language for microservices: Python, Go, Java and C#, compared by running them.

**Move:** ↑ ↓ (or j k) to choose, Enter to open, Esc to go back. `c` continues where you left off.

**Check:** in an exercise, `r` runs all four languages and compares their output; Enter runs one.

**Edit:** `e` opens your `$EDITOR`, `i` edits right here; saving from any editor re-checks. `microlings workspace` prints the folder of your files: open it in VS Code, a JetBrains IDE or Neovim.

`?` shows the keys of every screen.";

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

/// A text popup's lines, wrapped for its width, where it goes and how far it is scrolled.
#[derive(Debug, Clone, Default)]
pub struct PopupState {
    /// The text, wrapped for the popup's width.
    pub lines: Vec<Line<'static>>,
    /// First visible line.
    pub scroll: usize,
    /// Rows of text the popup shows at once.
    pub rows: usize,
    /// Where the popup goes, borders included.
    pub area: Rect,
    /// Scroll to the newest part once the text is built (the hint just revealed).
    jump: bool,
}

impl PopupState {
    /// Starts showing a popup from its top (the hints: from the newest).
    pub(crate) fn open(&mut self, overlay: &Overlay) {
        self.scroll = 0;
        self.jump = *overlay == Overlay::Hints;
    }

    /// Takes the popup's text; `newest` is where its newest part starts.
    pub(crate) fn set(&mut self, lines: Vec<Line<'static>>, newest: usize, layout: &Layout) {
        self.lines = lines;
        if std::mem::take(&mut self.jump) {
            self.scroll = newest;
        }
        let body = layout.body;
        self.rows = visible_rows(layout.screen.height, self.lines.len());
        let width = outer_width(body.width).min(body.width);
        let height = (self.rows as u16 + 2).min(body.height);
        self.area = Rect::new(
            body.x + (body.width - width) / 2,
            body.y + (body.height - height) / 2,
            width,
            height,
        );
        self.scroll = self.scroll.min(self.max_scroll());
    }

    fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(self.rows)
    }

    /// What a key's action does in a text popup: scrolling keys scroll it when it does not
    /// fit, anything else closes it (quitting is global).
    pub(crate) fn on_action(&mut self, action: Action) -> Vec<Intent> {
        let page = self.rows.saturating_sub(1).max(1) as isize;
        let delta: isize = match action {
            Action::Down => 1,
            Action::Up => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            _ => 0,
        };
        let max = self.max_scroll();
        if delta == 0 || max == 0 {
            return vec![Intent::ClosePopup];
        }
        self.scroll = (self.scroll as isize + delta).clamp(0, max as isize) as usize;
        Vec::new()
    }
}

/// The first-run welcome.
pub(crate) fn welcome_lines(cx: &Ctx, width: u16) -> Vec<Line<'static>> {
    let mut lines = cx.markdown(WELCOME, width);
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Press any key to start (q quits; you come back to the same place).",
        cx.theme.dim,
    ));
    lines
}

/// Every hint shown so far; returns the lines and where the newest hint starts.
pub(crate) fn hint_lines(
    ex: Option<&Exercise>,
    shown: usize,
    cx: &Ctx,
    width: u16,
) -> (Vec<Line<'static>>, usize) {
    let Some(ex) = ex else {
        return (Vec::new(), 0);
    };
    let total = ex.hints.len();
    let mut lines = Vec::new();
    let mut newest = 0;
    for (i, hint) in ex.hints.iter().take(shown).enumerate() {
        if i > 0 {
            lines.push(Line::raw(""));
        }
        newest = lines.len();
        lines.push(Line::styled(
            format!("Hint {} of {total} ({})", i + 1, hint_kind(i)),
            cx.theme.strong,
        ));
        lines.extend(cx.markdown(hint, width));
    }
    lines.push(Line::raw(""));
    let more = if shown < total {
        "h, once this is closed, shows the next hint."
    } else {
        "That was the last hint. After a try, s shows the reference solution."
    };
    for l in wrap_words(more, width as usize) {
        lines.push(Line::styled(l, cx.theme.dim));
    }
    (lines, newest)
}

/// The keys of the context `ctx` (the screen under the popup), then the ones that work
/// everywhere: the same tables dispatch reads.
pub(crate) fn help_lines(ctx: KeyContext, cx: &Ctx, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut sections = vec![(ctx.title(), bindings(ctx))];
    if ctx.has_globals() {
        sections.push((KeyContext::Global.title(), bindings(KeyContext::Global)));
    }
    for (i, (name, list)) in sections.into_iter().enumerate() {
        if i > 0 {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(name, cx.theme.heading[1]));
        for b in list {
            help_binding(b, cx, width, &mut lines);
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "↑ ↓ scroll; any other key closes this help.",
        cx.theme.dim,
    ));
    lines
}

fn help_binding(b: &Binding, cx: &Ctx, width: usize, lines: &mut Vec<Line<'static>>) {
    let keys = Span::styled(format!("  {:<w$}", b.keys, w = KEYS_COLUMN), cx.theme.key);
    // Narrow popups, and keys too long for their column, put the keys above what they do.
    let long = unicode_width::UnicodeWidthStr::width(b.keys) >= KEYS_COLUMN;
    if long || width < KEYS_COLUMN + 2 + 24 {
        lines.push(Line::from(Span::styled(
            format!("  {}", b.keys),
            cx.theme.key,
        )));
        for l in wrap_words(b.does, width.saturating_sub(4)) {
            lines.push(Line::raw(format!("    {l}")));
        }
        return;
    }
    let room = width - KEYS_COLUMN - 2;
    for (i, l) in wrap_words(b.does, room).into_iter().enumerate() {
        let lead = if i == 0 {
            keys.clone()
        } else {
            Span::raw(" ".repeat(KEYS_COLUMN + 2))
        };
        lines.push(Line::from(vec![lead, Span::raw(l)]));
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
