//! Lesson Markdown rendered into styled, wrapped ratatui lines.
//!
//! [`render`] turns pulldown-cmark events into [`Line`]s no wider than the given width, styled
//! with the [`Theme`]. It is a pure function of its inputs and fast (about a millisecond for the
//! longest lesson), but the TUI should still cache the result per width, theme and quiz state
//! rather than render on every frame.
//!
//! Layout rules, in brief:
//! - blocks are separated by one blank line; tight lists keep their items together;
//! - headings are bold at every level, `═`-underlined (level 1) or `─`-underlined (level 2),
//!   italic from level 4, so they stand out without colour;
//! - list items hang: wrapped lines align with the text after the bullet or number;
//! - block quotes get a `│ ` bar per level; code blocks are indented by two columns and long code
//!   lines continue on the next row after a `↪ ` marker (never word-wrapped, never cut);
//! - links show their target in parentheses after the text, unless the two are the same;
//! - ```` ```quiz ```` blocks become interactive questions (see [`QuizView`]).

mod quiz;
mod table;
#[cfg(test)]
mod tests;
mod wrap;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::course::Quiz;
use crate::highlight;
use crate::theme::Theme;
use wrap::Frag;

/// What the reader shows for one ```` ```quiz ```` block; the TUI passes one per quiz, in order.
#[derive(Debug, Clone, Copy)]
pub struct QuizView<'a> {
    /// The parsed quiz (from [`crate::course::Lesson::quizzes`]).
    pub quiz: &'a Quiz,
    /// The option the cursor is on (0-based), if one was picked; marked with `▸` while the
    /// quiz is focused. Nothing is picked at first, so Enter cannot answer by accident.
    pub selected: Option<usize>,
    /// The option the learner chose, once answered (0-based).
    pub answered: Option<usize>,
    /// Whether this quiz receives the keys.
    pub focused: bool,
    /// Once answered: whether the first answer was right (the score; later answers are
    /// practice).
    pub first_try: Option<bool>,
}

/// A rendered document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rendered {
    /// The lines to draw, each at most `width` columns wide.
    pub lines: Vec<Line<'static>>,
    /// (line index in `lines`, level 1-6, heading text) for jumping between headings.
    pub headings: Vec<(usize, u8, String)>,
    /// Line index where each quiz block starts (its question), in order.
    pub quizzes: Vec<usize>,
    /// For each line, the byte offset in the Markdown of the block it belongs to: a place in
    /// the text that does not depend on the width, so a reader can keep it after a resize.
    pub offsets: Vec<usize>,
    /// Some code block was shown without colours because the syntaxes were still loading in
    /// the background; render again once they are (see [`render_in`]).
    pub pending_highlight: bool,
}

/// Renders lesson Markdown into lines at most `width` columns wide (a width of 0 is treated
/// as 1), highlighting code with the syntaxes if they are loaded (else it starts loading them
/// and marks the result [`Rendered::pending_highlight`]).
///
/// `quizzes` supplies, in order, what to show for each ```` ```quiz ```` block; a quiz block
/// without a matching entry is shown as code.
pub fn render(markdown: &str, width: u16, theme: &Theme, quizzes: &[QuizView]) -> Rendered {
    let syntaxes = highlight::loaded();
    if syntaxes.is_none() {
        highlight::preload();
    }
    render_in(markdown, width, theme, quizzes, syntaxes)
}

/// [`render`] with the given syntaxes: without them code blocks are plain (and the result
/// [`Rendered::pending_highlight`]). A pure function of its arguments.
pub fn render_in(
    markdown: &str,
    width: u16,
    theme: &Theme,
    quizzes: &[QuizView],
    syntaxes: Option<highlight::Syntaxes>,
) -> Rendered {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    // Collected first so that a numbered list can look ahead at how many items it has.
    let (events, ranges): (Vec<Event>, Vec<std::ops::Range<usize>>) =
        Parser::new_ext(markdown, options)
            .into_offset_iter()
            .unzip();
    let mut renderer = Renderer::new(theme, usize::from(width).max(1), quizzes);
    renderer.syntaxes = syntaxes;
    for (i, event) in events.iter().enumerate() {
        if let Event::Start(tag) = event
            && is_block(tag)
        {
            // What was read so far belongs to the block before this one.
            renderer.flush_inline();
            renderer.offset = ranges[i].start;
        }
        renderer.event(event, &events[i + 1..]);
    }
    renderer.finish()
}

/// Tags that start a block of their own (a new anchor for the reader's position).
fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::Item
            | Tag::Table(_)
    )
}

/// Something that indents the lines inside it.
#[derive(Debug)]
enum Container {
    /// A block quote: `│ ` on every line.
    Quote,
    /// A list item (or quiz option): its marker on the first line, as many spaces after it.
    Item {
        marker: Vec<Span<'static>>,
        width: usize,
        /// The first line has not been written yet.
        pending: bool,
    },
}

/// An open list.
#[derive(Debug)]
struct List {
    /// The next item's number; `None` for a bulleted list.
    next: Option<u64>,
    /// Digits of the largest number, so the numbers line up on the right.
    digits: usize,
}

/// An open link: its target and where its text starts in the inline buffer.
#[derive(Debug)]
struct OpenLink {
    target: String,
    start: usize,
}

/// A code block being collected (its text may come in several events).
#[derive(Debug)]
struct Code {
    /// The first word of the fence's info string, lower-cased.
    tag: String,
    /// A ```` ```quiz ```` block, by exactly the course loader's rule, so that the n-th quiz
    /// block here is the loader's n-th quiz.
    quiz: bool,
    text: String,
}

struct Renderer<'a> {
    theme: &'a Theme,
    /// The syntaxes code blocks are highlighted with; `None` shows them plain.
    syntaxes: Option<highlight::Syntaxes>,
    width: usize,
    quizzes: &'a [QuizView<'a>],
    next_quiz: usize,
    out: Rendered,
    containers: Vec<Container>,
    lists: Vec<List>,
    /// Inline text of the paragraph, heading, tight list item or table cell being read.
    inline: Vec<Frag>,
    /// Styles of the open inline tags (emphasis, strong, link...), outermost first.
    styles: Vec<Style>,
    /// The style of the current block's text (a heading, a table header, a quiz question).
    block_style: Style,
    links: Vec<OpenLink>,
    /// Where an open image's alt text starts in the inline buffer.
    images: Vec<usize>,
    /// Level and plain text of the heading being read.
    heading: Option<(u8, String)>,
    code: Option<Code>,
    html: Option<String>,
    table: Option<table::Table>,
    /// A block ended: the next one starts after a blank line.
    blank_pending: bool,
    /// Byte offset of the block being written, recorded for every line.
    offset: usize,
}

impl<'a> Renderer<'a> {
    fn new(theme: &'a Theme, width: usize, quizzes: &'a [QuizView<'a>]) -> Self {
        Renderer {
            theme,
            syntaxes: None,
            width,
            quizzes,
            next_quiz: 0,
            out: Rendered::default(),
            containers: Vec::new(),
            lists: Vec::new(),
            inline: Vec::new(),
            styles: Vec::new(),
            block_style: Style::default(),
            links: Vec::new(),
            images: Vec::new(),
            heading: None,
            code: None,
            html: None,
            table: None,
            blank_pending: false,
            offset: 0,
        }
    }

    fn finish(mut self) -> Rendered {
        self.flush_inline();
        // Markdown that ends inside a block (an unclosed fence) still shows its content.
        if let Some(code) = self.code.take() {
            self.code_block(&code);
        }
        self.out
    }

    fn event(&mut self, event: &Event<'_>, rest: &[Event<'_>]) {
        match event {
            Event::Start(tag) => self.start(tag, rest),
            Event::End(tag) => self.end(*tag),
            Event::Text(text) => {
                if let Some(code) = &mut self.code {
                    code.text.push_str(text);
                } else if let Some(html) = &mut self.html {
                    html.push_str(text);
                } else {
                    self.text(text);
                }
            }
            Event::Html(html) => match &mut self.html {
                Some(buffer) => buffer.push_str(html),
                None => self.text(html),
            },
            Event::Rule => {
                self.start_block();
                let rule = "─".repeat(self.available());
                self.emit(vec![Span::styled(rule, self.theme.marker)]);
                self.blank_pending = true;
            }
            _ => self.inline_event(event),
        }
    }

    /// Events that only add inline text; also used for quiz strings.
    fn inline_event(&mut self, event: &Event<'_>) {
        match event {
            Event::Text(text) | Event::InlineHtml(text) | Event::Html(text) => self.text(text),
            Event::Code(code) | Event::InlineMath(code) | Event::DisplayMath(code) => {
                if let Some((_, heading)) = &mut self.heading {
                    heading.push_str(code);
                }
                let style = self.style().patch(self.theme.code_inline);
                // Without colour, bold alone reads as emphasis: the backticks stay, so code
                // still looks like code.
                let code = if self.theme.highlights() {
                    code.to_string()
                } else {
                    format!("`{code}`")
                };
                self.inline.push(Frag::Code(code, style));
            }
            Event::SoftBreak => self.inline.push(Frag::Text(" ".into(), self.style())),
            Event::HardBreak => self.inline.push(Frag::Break),
            Event::FootnoteReference(name) => self.text(&format!("[^{name}]")),
            Event::TaskListMarker(done) => self.text(if *done { "[x] " } else { "[ ] " }),
            Event::Start(Tag::Emphasis) => self.styles.push(self.theme.emphasis),
            Event::Start(Tag::Strong) => self.styles.push(self.theme.strong),
            Event::Start(Tag::Strikethrough) => self
                .styles
                .push(Style::default().add_modifier(Modifier::CROSSED_OUT)),
            Event::Start(Tag::Superscript | Tag::Subscript) => self.styles.push(Style::default()),
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {
                self.styles.pop();
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.links.push(OpenLink {
                    target: dest_url.to_string(),
                    start: self.inline.len(),
                });
                self.styles.push(self.theme.link);
            }
            Event::End(TagEnd::Link) => {
                self.styles.pop();
                if let Some(link) = self.links.pop() {
                    self.link_target(link);
                }
            }
            Event::Start(Tag::Image { .. }) => {
                self.images.push(self.inline.len());
                self.styles.push(self.theme.dim);
            }
            Event::End(TagEnd::Image) => {
                self.styles.pop();
                let start = self.images.pop().unwrap_or(self.inline.len());
                let alt: Vec<Frag> = self.inline.drain(start.min(self.inline.len())..).collect();
                let style = self.style().patch(self.theme.dim);
                let empty = alt.iter().all(|f| f.text().trim().is_empty());
                let open = if empty { "[image]" } else { "[image: " };
                self.inline.push(Frag::Text(open.into(), style));
                if !empty {
                    self.inline.extend(alt);
                    self.inline.push(Frag::Text("]".into(), style));
                }
            }
            _ => {}
        }
    }

    /// After a link's text: ` (target)`, unless the text already says it.
    fn link_target(&mut self, link: OpenLink) {
        let start = link.start.min(self.inline.len());
        let text: String = self.inline[start..].iter().map(Frag::text).collect();
        let target = link.target;
        let same = text == target
            || target.strip_prefix("mailto:") == Some(text.as_str())
            || target.trim_end_matches('/') == text.trim_end_matches('/');
        if target.is_empty() || same {
            return;
        }
        let style = self.style().patch(self.theme.link_target);
        self.inline.push(Frag::Text(" ".into(), style));
        self.inline.push(Frag::Text(format!("({target})"), style));
    }

    fn start(&mut self, tag: &Tag<'_>, rest: &[Event<'_>]) {
        match tag {
            Tag::Paragraph => self.start_block(),
            Tag::Heading { level, .. } => {
                self.start_block();
                let level = heading_level(*level);
                self.block_style = self.heading_style(level);
                self.heading = Some((level, String::new()));
            }
            Tag::BlockQuote(_) => {
                self.start_block();
                self.containers.push(Container::Quote);
            }
            Tag::CodeBlock(kind) => {
                self.start_block();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.as_ref(),
                    CodeBlockKind::Indented => "",
                };
                // Info strings carry attributes: ```python,ignore or ```go title="x".
                let tag = info
                    .split(|c: char| c.is_whitespace() || c == ',')
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                self.code = Some(Code {
                    tag,
                    quiz: info.split([' ', ',']).next() == Some("quiz"),
                    text: String::new(),
                });
            }
            Tag::HtmlBlock => {
                // The separating blank line waits until we know the block shows anything.
                self.flush_inline();
                self.html = Some(String::new());
            }
            Tag::List(start) => {
                self.start_block();
                let digits = start.map_or(0, |first| {
                    let last = first.saturating_add(count_items(rest).saturating_sub(1));
                    last.to_string().len()
                });
                self.lists.push(List {
                    next: *start,
                    digits,
                });
            }
            Tag::Item => {
                self.start_block();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut() {
                    Some(List {
                        next: Some(n),
                        digits,
                    }) => {
                        let text = format!("{n:>digits$}. ", digits = *digits);
                        *n = n.saturating_add(1);
                        text
                    }
                    _ => format!("{} ", ["•", "◦", "▪"][depth % 3]),
                };
                self.push_item(vec![Span::styled(marker, self.theme.marker)]);
            }
            Tag::Table(aligns) => {
                self.start_block();
                self.table = Some(table::Table {
                    aligns: aligns.clone(),
                    ..Default::default()
                });
            }
            Tag::TableHead => self.block_style = self.theme.strong,
            Tag::TableRow | Tag::TableCell => self.inline.clear(),
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => self.start_block(),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. } => self.inline_event(&Event::Start(tag.clone())),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => {
                self.flush_inline();
                self.blank_pending = true;
            }
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) => {
                self.flush_inline();
                self.containers.pop();
                self.blank_pending = true;
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take() {
                    self.code_block(&code);
                }
                self.blank_pending = true;
            }
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html.take() {
                    self.html_block(&html);
                }
            }
            TagEnd::List(_) => {
                self.flush_inline();
                self.lists.pop();
                // A nested list belongs to its item: a tight list stays tight around it.
                if !self.in_item() {
                    self.blank_pending = true;
                }
            }
            TagEnd::Item => self.pop_item(),
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inline);
                if let Some(table) = &mut self.table {
                    table.cells.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                self.block_style = Style::default();
                if let Some(table) = &mut self.table {
                    let cells = std::mem::take(&mut table.cells);
                    table.rows.push(table::Row {
                        cells,
                        header: tag == TagEnd::TableHead,
                    });
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    for line in table::render(&table, self.available(), self.theme) {
                        self.emit(line);
                    }
                }
                self.blank_pending = true;
            }
            TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::MetadataBlock(_) => {
                self.flush_inline();
                self.blank_pending = true;
            }
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image => self.inline_event(&Event::End(tag)),
        }
    }

    fn end_heading(&mut self) {
        let Some((level, text)) = self.heading.take() else {
            return;
        };
        let frags = std::mem::take(&mut self.inline);
        self.block_style = Style::default();
        let lines = wrap::wrap(&frags, self.available());
        if lines.is_empty() {
            return;
        }
        let widest = lines.iter().map(|l| wrap::width_of(l)).max().unwrap_or(0);
        self.out
            .headings
            .push((self.out.lines.len(), level, text.trim().to_string()));
        for line in lines {
            self.emit(line);
        }
        // Underlines tell the top levels apart on terminals without colour.
        let rule = match level {
            1 => Some("═"),
            2 => Some("─"),
            _ => None,
        };
        if let Some(rule) = rule {
            self.emit(vec![Span::styled(rule.repeat(widest), self.theme.marker)]);
        }
        self.blank_pending = true;
    }

    fn heading_style(&self, level: u8) -> Style {
        match level {
            1 => self.theme.heading[0],
            2 => self.theme.heading[1],
            3 => self.theme.heading[2],
            _ => self.theme.heading[2].add_modifier(Modifier::ITALIC),
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((_, heading)) = &mut self.heading {
            heading.push_str(text);
        }
        self.inline.push(Frag::Text(text.to_string(), self.style()));
    }

    /// The style for inline text here: the block's, then each open inline tag's.
    fn style(&self) -> Style {
        let mut style = self.theme.text;
        if self
            .containers
            .iter()
            .any(|c| matches!(c, Container::Quote))
        {
            style = style.patch(self.theme.quote);
        }
        style = style.patch(self.block_style);
        for s in &self.styles {
            style = style.patch(*s);
        }
        style
    }

    fn in_item(&self) -> bool {
        self.containers
            .iter()
            .any(|c| matches!(c, Container::Item { .. }))
    }

    /// Opens a list item (or quiz option) whose first line starts with `marker`.
    fn push_item(&mut self, marker: Vec<Span<'static>>) {
        let width = wrap::width_of(&marker);
        self.containers.push(Container::Item {
            marker,
            width,
            pending: true,
        });
    }

    fn pop_item(&mut self) {
        self.flush_inline();
        // An empty item still shows its bullet.
        if let Some(Container::Item { pending: true, .. }) = self.containers.last() {
            self.emit(Vec::new());
        }
        self.containers.pop();
    }

    /// Called before every block: writes the text of a tight list item that precedes it, and
    /// the blank line that separates blocks.
    fn start_block(&mut self) {
        self.flush_inline();
        if self.blank_pending && !self.out.lines.is_empty() {
            self.emit_blank();
        }
        self.blank_pending = false;
    }

    /// Wraps and writes the inline buffer (a paragraph, or a tight list item's text).
    fn flush_inline(&mut self) {
        if self.inline.is_empty() {
            return;
        }
        let frags = std::mem::take(&mut self.inline);
        for line in wrap::wrap(&frags, self.available()) {
            self.emit(line);
        }
    }

    /// Columns left for content inside the current containers.
    fn available(&self) -> usize {
        let used: usize = self
            .containers
            .iter()
            .map(|c| match c {
                Container::Quote => 2,
                Container::Item { width, .. } => *width,
            })
            .sum();
        self.width.saturating_sub(used).max(1)
    }

    fn prefix(&self, blank: bool) -> Vec<Span<'static>> {
        let mut spans = Vec::new();
        for container in &self.containers {
            match container {
                Container::Quote => wrap::push_span(&mut spans, "│ ", self.theme.marker),
                Container::Item {
                    marker,
                    pending: true,
                    ..
                } if !blank => {
                    for span in marker {
                        wrap::push_span(&mut spans, &span.content, span.style);
                    }
                }
                Container::Item { width, .. } => {
                    wrap::push_span(&mut spans, &" ".repeat(*width), self.theme.text);
                }
            }
        }
        spans
    }

    /// Writes one line of content behind the containers' prefixes.
    fn emit(&mut self, content: Vec<Span<'static>>) {
        let mut spans = self.prefix(false);
        for span in content {
            wrap::push_span(&mut spans, &span.content, span.style);
        }
        wrap::trim_end(&mut spans);
        wrap::clip(&mut spans, self.width);
        self.out.lines.push(Line::from(spans));
        self.out.offsets.push(self.offset);
        for container in &mut self.containers {
            if let Container::Item { pending, .. } = container {
                *pending = false;
            }
        }
    }

    /// A blank line: quote bars continue through it, list markers wait for real text.
    fn emit_blank(&mut self) {
        let mut spans = self.prefix(true);
        wrap::trim_end(&mut spans);
        self.out.lines.push(Line::from(spans));
        // A blank line between blocks belongs to the block above it.
        let offset = self.out.offsets.last().copied().unwrap_or(self.offset);
        self.out.offsets.push(offset);
    }

    fn code_block(&mut self, code: &Code) {
        if code.quiz
            && let Some(view) = self.quizzes.get(self.next_quiz)
        {
            self.next_quiz += 1;
            self.quiz(view);
            return;
        }
        // Never wait for the syntaxes: show plain code now and let the caller render again
        // when they are loaded.
        let (lines, plain) =
            highlight::highlight_or_plain(self.syntaxes, &code.text, &code.tag, self.theme);
        self.out.pending_highlight |= plain;
        let width = self.available().saturating_sub(2).max(1);
        for line in lines {
            for (row, spans) in wrap::hard_wrap(line.spans, width).into_iter().enumerate() {
                let mut out = if row == 0 {
                    vec![Span::styled("  ", self.theme.text)]
                } else {
                    vec![Span::styled("↪ ", self.theme.dim)]
                };
                out.extend(spans);
                self.emit(out);
            }
        }
    }

    /// HTML is shown as the text it is (there is no HTML renderer in a terminal).
    fn html_block(&mut self, html: &str) {
        let trimmed = html.trim();
        // A block that is only an HTML comment is a note to the course's authors.
        let comment = trimmed.starts_with("<!--")
            && trimmed.ends_with("-->")
            && trimmed.matches("<!--").count() == 1;
        if comment || trimmed.is_empty() {
            return;
        }
        self.start_block();
        for source in html.lines() {
            if source.trim().is_empty() {
                self.emit_blank();
                continue;
            }
            let frags = [Frag::Text(source.to_string(), self.style())];
            for line in wrap::wrap(&frags, self.available()) {
                self.emit(line);
            }
        }
        self.blank_pending = true;
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// How many items the list that has just started has (`rest` follows its start event).
fn count_items(rest: &[Event<'_>]) -> u64 {
    let mut depth = 0usize;
    let mut items = 0;
    for event in rest {
        match event {
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            }
            Event::Start(Tag::Item) if depth == 0 => items += 1,
            _ => {}
        }
    }
    items
}
