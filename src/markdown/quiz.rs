//! Quiz blocks: the question, numbered options, and after an answer the verdict and why.
//!
//! ```text
//! ? Which of these is checked before a Go program runs?
//!
//! ▸ 1) a misspelled field name            <- the cursor, while the quiz is focused
//!   2) a nil map write
//!
//! pick with ↑ ↓ and answer with Enter, or press 1-2
//! ```
//!
//! Once answered, the right option says `✓ right` and a wrong choice `✗ your answer`, in words
//! as well as colour, followed by the explanation.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;

use super::wrap::Frag;
use super::{QuizView, Renderer};

/// Keeps a symbol and its word on one line.
const NBSP: &str = "\u{a0}";

impl Renderer<'_> {
    pub(super) fn quiz(&mut self, view: &QuizView<'_>) {
        let theme = self.theme;
        let quiz = view.quiz;
        self.out.quizzes.push(self.out.lines.len());

        self.push_item(vec![Span::styled(
            "? ",
            theme.marker.add_modifier(Modifier::BOLD),
        )]);
        self.block_style = theme.strong;
        self.inline_markdown(&quiz.question);
        self.block_style = Style::default();
        self.pop_item();
        self.emit_blank();

        let cursor = view.focused && view.answered.is_none();
        for (i, option) in quiz.options.iter().enumerate() {
            let selected = cursor && view.selected == Some(i);
            let right = i == quiz.answer;
            let chosen = view.answered == Some(i);
            let style = match view.answered {
                Some(_) if right => theme.good,
                Some(_) if chosen => theme.bad,
                _ if selected => theme.selected,
                _ => Style::default(),
            };
            let pointer = if selected { "▸ " } else { "  " };
            self.push_item(vec![
                Span::styled(pointer, style),
                Span::styled(format!("{}) ", i + 1), theme.marker.patch(style)),
            ]);
            self.block_style = style;
            self.inline_markdown(option);
            let verdict = match (right, chosen) {
                _ if view.answered.is_none() => None,
                (true, true) => Some(format!("✓{NBSP}right,{NBSP}your{NBSP}answer")),
                (true, false) => Some(format!("✓{NBSP}right")),
                (false, true) => Some(format!("✗{NBSP}your{NBSP}answer")),
                (false, false) => None,
            };
            if let Some(verdict) = verdict {
                self.inline.push(Frag::Text(" ".into(), Style::default()));
                self.inline
                    .push(Frag::Text(verdict, style.add_modifier(Modifier::BOLD)));
            }
            self.block_style = Style::default();
            self.pop_item();
        }
        self.emit_blank();

        match view.answered {
            Some(chosen) => {
                let (summary, style) = if chosen == quiz.answer {
                    ("✓ Right.".to_string(), theme.good)
                } else {
                    (
                        format!("✗ Not quite: the answer is {}.", quiz.answer + 1),
                        theme.bad,
                    )
                };
                self.inline
                    .push(Frag::Text(summary, style.add_modifier(Modifier::BOLD)));
                self.inline.push(Frag::Text(" ".into(), Style::default()));
                self.inline_markdown(&quiz.explain);
                // The first answer is the score; answering again is practice, and says so.
                let score = match view.first_try {
                    Some(true) => Some("Scored: right the first time."),
                    Some(false) => {
                        Some("Scored: not right the first time; answering again is practice.")
                    }
                    None => None,
                };
                if let Some(score) = score {
                    self.inline.push(Frag::Text(" ".into(), Style::default()));
                    self.inline.push(Frag::Text(score.into(), theme.dim));
                }
            }
            None => {
                let keys = quiz.options.len().clamp(1, 9);
                // The reader's keys: Tab focuses a quiz, a digit answers it.
                let prompt = if view.focused {
                    format!("pick with ↑ ↓ and answer with Enter, or press 1-{keys}")
                } else {
                    format!("Tab goes to this quiz, then 1-{keys} answers")
                };
                self.inline.push(Frag::Text(prompt, theme.dim));
            }
        }
        self.flush_inline();
    }

    /// Adds a quiz string's inline Markdown (`code`, *emphasis*) to the inline buffer. Anything
    /// that parses as more than one paragraph (a string starting with `1. ` or `# `) is taken
    /// as plain text, so no characters go missing.
    fn inline_markdown(&mut self, text: &str) {
        let events: Vec<Event> = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).collect();
        let paragraphs = events
            .iter()
            .filter(|e| matches!(e, Event::Start(Tag::Paragraph)))
            .count();
        let inline_only = events.iter().all(|e| match e {
            Event::Start(tag) => matches!(
                tag,
                Tag::Paragraph
                    | Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Link { .. }
                    | Tag::Image { .. }
            ),
            Event::End(tag) => matches!(
                tag,
                TagEnd::Paragraph
                    | TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Link
                    | TagEnd::Image
            ),
            Event::Rule => false,
            _ => true,
        });
        if paragraphs > 1 || !inline_only {
            self.text(text);
            return;
        }
        for event in &events {
            if !matches!(
                event,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            ) {
                self.inline_event(event);
            }
        }
    }
}
