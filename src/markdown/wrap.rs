//! Word wrapping of styled inline text by display width (CJK and emoji count as two columns).

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A piece of inline text on its way to being wrapped.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Frag {
    /// Prose: runs of whitespace collapse to one space, each a place to break the line.
    Text(String, Style),
    /// Inline code: every space is kept, and is still a place to break.
    Code(String, Style),
    /// A hard line break.
    Break,
}

impl Frag {
    /// The text, for comparing a link's text with its target.
    pub(super) fn text(&self) -> &str {
        match self {
            Frag::Text(t, _) | Frag::Code(t, _) => t,
            Frag::Break => "",
        }
    }
}

/// What the wrapper works on.
#[derive(Debug)]
enum Token {
    /// Text between spaces; may span several styles (`**bold**,` is one word).
    Word(Vec<(String, Style)>, usize),
    /// A place to break, dropped when the line breaks there.
    Space(String, Style, usize),
    Break,
}

/// Whitespace that may break a line; no-break spaces are part of words.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

fn tokenize(frags: &[Frag]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut word: Vec<(String, Style)> = Vec::new();
    let mut word_width = 0;
    let end_word = |tokens: &mut Vec<Token>, word: &mut Vec<(String, Style)>, w: &mut usize| {
        if !word.is_empty() {
            tokens.push(Token::Word(std::mem::take(word), *w));
            *w = 0;
        }
    };
    for frag in frags {
        let (text, style, keep_spaces) = match frag {
            Frag::Break => {
                end_word(&mut tokens, &mut word, &mut word_width);
                tokens.push(Token::Break);
                continue;
            }
            Frag::Text(t, s) => (t.as_str(), *s, false),
            Frag::Code(t, s) => (t.as_str(), *s, true),
        };
        let mut rest = text;
        while !rest.is_empty() {
            let spaces = rest.find(|c| !is_break_space(c)).unwrap_or(rest.len());
            if spaces > 0 {
                end_word(&mut tokens, &mut word, &mut word_width);
                if keep_spaces {
                    let n = rest[..spaces].chars().count();
                    tokens.push(Token::Space(" ".repeat(n), style, n));
                } else if !matches!(tokens.last(), Some(Token::Space(..))) {
                    tokens.push(Token::Space(" ".into(), style, 1));
                }
                rest = &rest[spaces..];
                continue;
            }
            let len = rest.find(is_break_space).unwrap_or(rest.len());
            // Control characters would move the terminal's cursor: drop them.
            let piece: String = rest[..len].chars().filter(|c| !c.is_control()).collect();
            rest = &rest[len..];
            word_width += piece.width();
            match word.last_mut() {
                Some((text, s)) if *s == style => text.push_str(&piece),
                _ => word.push((piece, style)),
            }
        }
    }
    end_word(&mut tokens, &mut word, &mut word_width);
    tokens
}

/// The narrowest and the natural (one-line) width of some inline text, for table columns.
pub(super) fn measure(frags: &[Frag]) -> (usize, usize) {
    let mut min = 0;
    let mut line = 0;
    let mut natural = 0;
    let mut space = 0;
    for token in tokenize(frags) {
        match token {
            Token::Word(_, w) => {
                min = min.max(w);
                if line > 0 {
                    line += space;
                }
                line += w;
                space = 0;
            }
            Token::Space(_, _, w) => space = w,
            Token::Break => {
                natural = natural.max(line);
                line = 0;
                space = 0;
            }
        }
    }
    (min, natural.max(line))
}

/// Builds lines of spans no wider than `width` columns.
struct Lines {
    width: usize,
    lines: Vec<Vec<Span<'static>>>,
    current: Vec<Span<'static>>,
    used: usize,
}

impl Lines {
    fn new(width: usize) -> Self {
        Lines {
            width: width.max(1),
            lines: Vec::new(),
            current: Vec::new(),
            used: 0,
        }
    }

    fn push(&mut self, text: &str, style: Style, width: usize) {
        self.used += width;
        push_span(&mut self.current, text, style);
    }

    fn newline(&mut self) {
        self.lines.push(std::mem::take(&mut self.current));
        self.used = 0;
    }

    /// Places a URL wider than the line, breaking it only after the characters that end its
    /// parts (`/`, `.`, `-`, `?`, `&`, `=`, `#`, `_`), as browsers do, and nowhere else unless
    /// one part alone is wider than the line. Nothing is inserted, so the pieces read as one.
    fn push_url(&mut self, pieces: &[(String, Style)]) {
        // The URL in parts, each ending at a break opportunity, keeping the pieces' styles.
        let mut parts: Vec<(Vec<(String, Style)>, usize)> = vec![(Vec::new(), 0)];
        for (text, style) in pieces {
            for g in text.graphemes(true) {
                let Some((part, w)) = parts.last_mut() else {
                    break;
                };
                match part.last_mut() {
                    Some((t, s)) if s == style => t.push_str(g),
                    _ => part.push((g.to_string(), *style)),
                }
                *w += g.width();
                if matches!(g, "/" | "." | "-" | "?" | "&" | "=" | "#" | "_") {
                    parts.push((Vec::new(), 0));
                }
            }
        }
        for (part, w) in parts {
            if self.used + w > self.width && self.used > 0 {
                self.newline();
            }
            if w > self.width {
                self.push_broken(&part);
            } else {
                for (text, style) in &part {
                    self.push(text, *style, 0);
                }
                self.used += w;
            }
        }
    }

    /// Places a word wider than the line, breaking it between graphemes.
    fn push_broken(&mut self, pieces: &[(String, Style)]) {
        for (text, style) in pieces {
            for g in text.graphemes(true) {
                let w = g.width();
                if self.used + w > self.width && self.used > 0 {
                    self.newline();
                }
                self.push(g, *style, w);
            }
        }
    }
}

/// Appends text to a line, merging it into the last span when the style is the same.
pub(super) fn push_span(spans: &mut Vec<Span<'static>>, text: &str, style: Style) {
    if text.is_empty() {
        return;
    }
    match spans.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(text),
        _ => spans.push(Span::styled(text.to_string(), style)),
    }
}

/// Wraps inline text to `width` columns, breaking at spaces; a word longer than a line is
/// broken wherever it reaches the edge. Returns one `Vec<Span>` per line, without trailing
/// spaces; nothing for empty text.
pub(super) fn wrap(frags: &[Frag], width: usize) -> Vec<Vec<Span<'static>>> {
    let mut out = Lines::new(width);
    let mut space: Option<(String, Style, usize)> = None;
    let mut any = false;
    for token in tokenize(frags) {
        match token {
            Token::Space(text, style, w) => {
                // Spaces at the start of a line are dropped; between words, the last one wins.
                if out.used > 0 {
                    space = Some((text, style, w));
                }
            }
            Token::Break => {
                out.newline();
                space = None;
                any = true;
            }
            Token::Word(pieces, w) => {
                any = true;
                let space_width = space.as_ref().map_or(0, |s| s.2);
                if out.used + space_width + w <= out.width {
                    if let Some((text, style, sw)) = space.take() {
                        out.push(&text, style, sw);
                    }
                    for (text, style) in &pieces {
                        out.push(text, *style, 0);
                    }
                    out.used += w;
                } else if w <= out.width {
                    if out.used > 0 {
                        out.newline();
                    }
                    space = None;
                    for (text, style) in &pieces {
                        out.push(text, *style, 0);
                    }
                    out.used += w;
                } else if pieces.iter().any(|(t, _)| t.contains("://")) {
                    // A URL too long for any line starts a line of its own, so that it is
                    // cut only where it must be, never after a few characters of it.
                    if out.used > 0 {
                        out.newline();
                    }
                    space = None;
                    out.push_url(&pieces);
                } else {
                    // Too long for any line (a hash): fill this line, then carry on.
                    if let Some((text, style, sw)) = space.take()
                        && out.used + sw < out.width
                    {
                        out.push(&text, style, sw);
                    } else if out.used > 0 {
                        out.newline();
                    }
                    out.push_broken(&pieces);
                }
            }
        }
    }
    if !out.current.is_empty() {
        out.newline();
    }
    if !any {
        return Vec::new();
    }
    out.lines
}

/// Splits a line of spans into rows of at most `width` columns, between graphemes (for code,
/// where words must not be rearranged). An empty line stays one empty row.
pub(super) fn hard_wrap(spans: Vec<Span<'static>>, width: usize) -> Vec<Vec<Span<'static>>> {
    let mut out = Lines::new(width);
    for span in spans {
        let w = span.width();
        if out.used + w <= out.width {
            out.push(&span.content, span.style, w);
        } else {
            out.push_broken(&[(span.content.into_owned(), span.style)]);
        }
    }
    if !out.current.is_empty() || out.lines.is_empty() {
        out.newline();
    }
    out.lines
}

/// Display width of a line of spans.
pub(super) fn width_of(spans: &[Span<'_>]) -> usize {
    spans.iter().map(Span::width).sum()
}

/// Cuts a line down to `width` columns: the last resort that keeps every line inside the
/// screen when even a one-column layout does not fit (deep nesting on a tiny terminal).
pub(super) fn clip(spans: &mut Vec<Span<'static>>, width: usize) {
    if width_of(spans) <= width {
        return;
    }
    let mut used = 0;
    let mut kept = Vec::new();
    for span in spans.drain(..) {
        let mut text = String::new();
        for g in span.content.graphemes(true) {
            let w = g.width();
            if used + w > width {
                break;
            }
            used += w;
            text.push_str(g);
        }
        if !text.is_empty() {
            kept.push(Span::styled(text, span.style));
        }
        if used >= width {
            break;
        }
    }
    *spans = kept;
}

/// Removes trailing spaces (blank lines inside a list would otherwise end in indentation).
pub(super) fn trim_end(spans: &mut Vec<Span<'static>>) {
    while let Some(last) = spans.last_mut() {
        let trimmed = last.content.trim_end_matches(' ').len();
        if trimmed == 0 {
            spans.pop();
        } else {
            last.content.to_mut().truncate(trimmed);
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Vec<Span<'_>>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    fn text(s: &str) -> Frag {
        Frag::Text(s.into(), Style::default())
    }

    #[test]
    fn wraps_at_spaces_and_collapses_them() {
        let lines = wrap(&[text("aaa  bbb ccc\ndd")], 7);
        assert_eq!(plain(&lines), ["aaa bbb", "ccc dd"]);
    }

    #[test]
    fn a_word_split_across_fragments_stays_one_word() {
        let lines = wrap(&[text("x "), text("[ab"), text("]cd"), text(" y")], 8);
        assert_eq!(plain(&lines), ["x [ab]cd", "y"]);
    }

    #[test]
    fn long_words_break_and_wide_characters_count_twice() {
        let lines = wrap(&[text("ab 漢字漢字漢字")], 5);
        assert_eq!(plain(&lines), ["ab 漢", "字漢", "字漢", "字"]);
        for line in &lines {
            assert!(width_of(line) <= 5);
        }
    }

    #[test]
    fn a_long_url_starts_a_line_of_its_own() {
        let url = "https://www.example.com/a/very/long/path/to/a/page";
        let lines = plain(&wrap(&[text(&format!("see the source {url} today"))], 30));
        assert_eq!(lines[0], "see the source");
        assert!(lines[1].starts_with("https://www.example.com"), "{lines:?}");
        assert!(lines[1..].concat().starts_with(url), "{lines:?}");
    }

    #[test]
    fn a_url_wider_than_a_line_breaks_only_between_its_parts() {
        let url =
            "https://learn.microsoft.com/dotnet/api/system.security.cryptography.fixedtimeequals";
        let lines = plain(&wrap(&[text(&format!("see {url}."))], 30));
        assert_eq!(
            lines,
            [
                "see",
                "https://learn.microsoft.com/",
                "dotnet/api/system.security.",
                "cryptography.fixedtimeequals.",
            ]
        );
        // A part wider than the line is cut at the edge, and nothing is lost.
        let long = format!("https://x.org/{}", "a".repeat(25));
        let lines = plain(&wrap(&[text(&long)], 20));
        assert_eq!(lines.concat(), long);
        assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
    }

    #[test]
    fn code_keeps_its_spaces() {
        let lines = wrap(&[Frag::Code("a  b".into(), Style::default())], 10);
        assert_eq!(plain(&lines), ["a  b"]);
    }

    #[test]
    fn no_break_space_joins_words() {
        let lines = wrap(&[text("12\u{a0}ms x")], 5);
        assert_eq!(plain(&lines), ["12\u{a0}ms", "x"]);
    }

    #[test]
    fn measures_min_and_natural_widths() {
        assert_eq!(measure(&[text("ab abcd  a")]), (4, 9));
        assert_eq!(measure(&[]), (0, 0));
    }

    #[test]
    fn hard_wrap_and_clip() {
        let spans = vec![Span::raw("abcdefg")];
        assert_eq!(plain(&hard_wrap(spans, 3)), ["abc", "def", "g"]);
        assert_eq!(plain(&hard_wrap(Vec::new(), 3)), [""]);
        let mut spans = vec![Span::raw("ab"), Span::raw("漢字")];
        clip(&mut spans, 3);
        assert_eq!(plain(&[spans]), ["ab"]);
    }
}
