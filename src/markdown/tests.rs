use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::{QuizView, Rendered, render};
use crate::course::Quiz;
use crate::theme::{Theme, ThemeKind};

fn dark() -> Theme {
    Theme::new(ThemeKind::Dark)
}

fn line_text(line: &Line<'_>) -> String {
    line.spans.iter().map(|s| s.content.as_ref()).collect()
}

fn text_of(rendered: &Rendered) -> Vec<String> {
    rendered.lines.iter().map(line_text).collect()
}

fn plain(markdown: &str, width: u16) -> Vec<String> {
    text_of(&render(markdown, width, &dark(), &[]))
}

/// The lines as one string, for snapshots.
fn joined(rendered: &Rendered) -> String {
    text_of(rendered).join("\n")
}

fn assert_fits(rendered: &Rendered, width: u16) {
    for (i, line) in rendered.lines.iter().enumerate() {
        assert!(
            line.width() <= usize::from(width),
            "line {i} is {} columns wide, more than {width}: {:?}",
            line.width(),
            line_text(line)
        );
    }
}

/// The style of the first span whose text contains `needle`.
fn style_of(rendered: &Rendered, needle: &str) -> Style {
    rendered
        .lines
        .iter()
        .flat_map(|l| &l.spans)
        .find(|s| s.content.contains(needle))
        .map(|s| s.style)
        .unwrap_or_else(|| panic!("no span contains {needle:?}"))
}

const DOCUMENT: &str = r#"# Choosing a language

A service is started far more often than a desktop program. The orchestrator adds *replicas*
when traffic rises, and **every deploy** replaces every instance; see
[the Lambda guide](https://docs.aws.amazon.com/lambda/) or <https://example.com/x>.
Line one\
line two, after a hard break, with `inline code` and ~~struck~~ text.

## Lists

3. Third, numbered from three
4. Fourth, with bullets inside:
   - a bullet under four
   - another one, long enough that it has to wrap onto a second line at narrow widths
5. Fifth

- Loose item one

- Loose item two

### Quotes and code

> Quoted text that goes on for a while so it wraps inside the quote bar.
>
> > A nested quote.

```python,ignore
def charge(cents: int) -> None:
    print("charging", cents)  # a comment that makes this line longer than forty columns
```

| Command | Median start-to-exit | Notes |
|:--|--:|:-:|
| Go binary (`./hello`) | 1–2 ms | static \| no VM |
| Java 17 | 35–36 ms | JIT warm-up |

---

![a diagram of the request path](img/path.png)

```quiz
question = "ignored: the renderer shows the QuizView"
```
"#;

fn quiz() -> Quiz {
    Quiz {
        question: "Which of these is checked before a Go program runs?".into(),
        options: vec![
            "a misspelled field name".into(),
            "a nil map write".into(),
            "an out-of-range index".into(),
        ],
        answer: 0,
        explain: "The compiler rejects unknown fields; the other two panic at run time.".into(),
    }
}

#[test]
fn snapshot_document_at_40_columns() {
    let quiz = quiz();
    let views = [QuizView {
        quiz: &quiz,
        selected: Some(1),
        answered: None,
        focused: true,
        first_try: None,
    }];
    let rendered = render(DOCUMENT, 40, &dark(), &views);
    assert_fits(&rendered, 40);
    insta::assert_snapshot!(joined(&rendered));
}

#[test]
fn snapshot_document_at_80_columns() {
    let quiz = quiz();
    let views = [QuizView {
        quiz: &quiz,
        selected: Some(0),
        answered: Some(1),
        focused: true,
        first_try: None,
    }];
    let rendered = render(DOCUMENT, 80, &dark(), &views);
    assert_fits(&rendered, 80);
    insta::assert_snapshot!(joined(&rendered));
}

/// Renders hand-made events, to control how the parser splits text.
fn render_events(events: &[pulldown_cmark::Event<'_>], width: usize) -> Rendered {
    let theme = dark();
    let mut renderer = super::Renderer::new(&theme, width, &[]);
    renderer.syntaxes = super::highlight::loaded();
    for (i, event) in events.iter().enumerate() {
        renderer.event(event, &events[i + 1..]);
    }
    renderer.finish()
}

#[test]
fn numbered_list_starts_at_its_number_and_nests_bullets() {
    let md = "3. three\n4. four\n   - inner a\n   - inner b\n     1. deep\n5. five\n";
    assert_eq!(
        plain(md, 80),
        [
            "3. three",
            "4. four",
            "   ◦ inner a",
            "   ◦ inner b",
            "     1. deep",
            "5. five"
        ]
    );
}

#[test]
fn numbers_line_up_on_the_right() {
    let md = "9. nine\n10. ten\n";
    assert_eq!(plain(md, 80), [" 9. nine", "10. ten"]);
}

#[test]
fn bullets_inside_numbers_inside_bullets_hang_when_wrapped() {
    let md = "- outer item\n  1. numbered item whose text wraps\n     - a bullet that also wraps\n";
    assert_eq!(
        plain(md, 20),
        [
            "• outer item",
            "  1. numbered item",
            "     whose text",
            "     wraps",
            "     ▪ a bullet that",
            "       also wraps",
        ]
    );
}

#[test]
fn tight_lists_have_no_blank_lines_and_loose_lists_do() {
    assert_eq!(plain("- a\n- b\n", 80), ["• a", "• b"]);
    assert_eq!(plain("- a\n\n- b\n", 80), ["• a", "", "• b"]);
    assert_eq!(
        plain("Intro:\n\n- a\n- b\n\nAfter.", 80),
        ["Intro:", "", "• a", "• b", "", "After."]
    );
    // An empty item keeps its bullet.
    assert_eq!(plain("- a\n-\n- c\n", 80), ["• a", "•", "• c"]);
}

#[test]
fn wraps_paragraphs_at_20_and_80_columns() {
    let md = "The quick brown fox jumps over the lazy dog and keeps running until the \
              paragraph is long enough to wrap at eighty columns as well.";
    let at20 = plain(md, 20);
    assert_eq!(
        at20,
        [
            "The quick brown fox",
            "jumps over the lazy",
            "dog and keeps",
            "running until the",
            "paragraph is long",
            "enough to wrap at",
            "eighty columns as",
            "well."
        ]
    );
    let at80 = plain(md, 80);
    assert_eq!(
        at80,
        [
            "The quick brown fox jumps over the lazy dog and keeps running until the",
            "paragraph is long enough to wrap at eighty columns as well."
        ]
    );
}

#[test]
fn soft_break_is_a_space_and_hard_break_a_new_line() {
    assert_eq!(plain("one\ntwo", 80), ["one two"]);
    assert_eq!(plain("one  \ntwo\\\nthree", 80), ["one", "two", "three"]);
}

#[test]
fn a_long_word_is_broken_never_overflowing() {
    let word = "x".repeat(60);
    let rendered = render(&format!("see {word} end"), 20, &dark(), &[]);
    assert_fits(&rendered, 20);
    let text = text_of(&rendered);
    assert_eq!(
        text,
        [
            format!("see {}", &word[..16]),
            word[16..36].to_string(),
            word[36..56].to_string(),
            format!("{} end", &word[56..]),
        ]
    );
}

#[test]
fn wide_characters_wrap_by_their_display_width() {
    let md = "漢字の文章は二列ずつ数えます。絵文字🎉も二列です。";
    for width in [7, 10, 21] {
        let rendered = render(md, width, &dark(), &[]);
        assert_fits(&rendered, width);
        assert_eq!(text_of(&rendered).concat(), md);
    }
}

#[test]
fn emphasis_strong_code_and_strikethrough_are_styled() {
    let theme = dark();
    let r = render("*em* **strong** `code` ~~gone~~", 80, &theme, &[]);
    assert_eq!(text_of(&r), ["em strong code gone"]);
    assert_eq!(style_of(&r, "em"), theme.emphasis);
    assert_eq!(style_of(&r, "strong"), theme.strong);
    assert_eq!(style_of(&r, "code"), theme.code_inline);
    assert!(
        style_of(&r, "gone")
            .add_modifier
            .contains(Modifier::CROSSED_OUT)
    );
}

#[test]
fn single_tildes_stay_text() {
    assert_eq!(
        plain("alpine ~5 MiB and distroless ~2 MiB.", 80),
        ["alpine ~5 MiB and distroless ~2 MiB."]
    );
}

#[test]
fn headings_are_bold_underlined_and_listed_with_their_lines() {
    let theme = dark();
    let md = "# Title\n\nText.\n\n## Part *two*\n\n### Three\n\n#### Four\n\nEnd.";
    let r = render(md, 80, &theme, &[]);
    assert_eq!(
        text_of(&r),
        [
            "Title",
            "═════",
            "",
            "Text.",
            "",
            "Part two",
            "────────",
            "",
            "Three",
            "",
            "Four",
            "",
            "End."
        ]
    );
    assert_eq!(
        r.headings,
        [
            (0, 1, "Title".to_string()),
            (5, 2, "Part two".to_string()),
            (8, 3, "Three".to_string()),
            (10, 4, "Four".to_string()),
        ]
    );
    for (line, _, text) in &r.headings {
        assert_eq!(&line_text(&r.lines[*line]), text);
    }
    // Never colour alone: every level is bold; level 1 is underlined too, level 4 italic.
    for needle in ["Title", "Part", "Three", "Four"] {
        assert!(
            style_of(&r, needle).add_modifier.contains(Modifier::BOLD),
            "{needle}"
        );
    }
    assert!(
        style_of(&r, "Title")
            .add_modifier
            .contains(Modifier::UNDERLINED)
    );
    assert!(style_of(&r, "Four").add_modifier.contains(Modifier::ITALIC));
    // Emphasis inside a heading keeps the heading's boldness.
    let two = style_of(&r, "two");
    assert!(two.add_modifier.contains(Modifier::BOLD | Modifier::ITALIC));
}

#[test]
fn nested_block_quotes_wrap_inside_their_bars() {
    let md = "> outer quote text that wraps\n>\n> > inner quote text that wraps too\n>\n> back out";
    let r = render(md, 20, &dark(), &[]);
    assert_fits(&r, 20);
    assert_eq!(
        text_of(&r),
        [
            "│ outer quote text",
            "│ that wraps",
            "│",
            "│ │ inner quote text",
            "│ │ that wraps too",
            "│",
            "│ back out",
        ]
    );
    assert!(
        style_of(&r, "inner")
            .add_modifier
            .contains(Modifier::ITALIC)
    );
}

#[test]
fn lists_inside_quotes_and_quotes_inside_lists() {
    assert_eq!(
        plain("> - a\n> - b\n\n- item\n\n  > quoted in item\n", 80),
        ["│ • a", "│ • b", "", "• item", "", "  │ quoted in item"]
    );
}

#[test]
fn links_show_their_target_unless_it_is_the_text() {
    let theme = dark();
    let md = "Read [the guide](https://example.com/guide), <https://example.com>, \
              [https://example.com/a/](https://example.com/a) and [mail](mailto:a@b.c).";
    let r = render(md, 200, &theme, &[]);
    assert_eq!(
        text_of(&r),
        [
            "Read the guide (https://example.com/guide), https://example.com, \
             https://example.com/a/ and mail (mailto:a@b.c)."
        ]
    );
    assert_eq!(style_of(&r, "the guide"), theme.link);
    assert!(
        style_of(&r, "(https://example.com/guide)")
            .add_modifier
            .contains(Modifier::DIM)
    );
}

#[test]
fn a_link_split_at_brackets_wraps_as_one_text() {
    // pulldown-cmark splits text at `[` and `]`; the pieces must not gain spaces.
    assert_eq!(plain("a[1] b [x] c[", 80), ["a[1] b [x] c["]);
}

#[test]
fn images_show_their_alt_text() {
    assert_eq!(
        plain("![a cat](cat.png) and ![](x.png)", 80),
        ["[image: a cat] and [image]"]
    );
}

#[test]
fn tables_wider_than_the_screen_shrink_and_wrap_inside_their_columns() {
    let md = "| Runtime | What starts | When code becomes machine code | Main trade-off |\n\
              |---|---|---|---|\n\
              | CPython | interpreter, then your imports | never (3.13+: experimental JIT) | quick start, slow hot loops |\n\
              | GraalVM / .NET Native AOT | the binary itself | before it runs | fast start; closed world, library limits |\n";
    for width in [20u16, 30, 40, 60, 80, 120] {
        let r = render(md, width, &dark(), &[]);
        assert_fits(&r, width);
        // Borders stay aligned: every row has its `│` in the same columns.
        let bars: Vec<Vec<usize>> = text_of(&r)
            .iter()
            .map(|l| {
                let mut col = 0;
                let mut at = Vec::new();
                for c in l.chars() {
                    if c == '│' || c == '┼' {
                        at.push(col);
                    }
                    col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                }
                at
            })
            .collect();
        assert!(
            bars.iter().all(|b| b == &bars[0]),
            "width {width}: {bars:?}"
        );
        assert_eq!(bars[0].len(), 3);
        // Nothing is lost: the same characters, only rearranged.
        let chars = |s: &str| {
            let mut v: Vec<char> = s
                .chars()
                .filter(|c| !c.is_whitespace() && !"│─┼|".contains(*c))
                .collect();
            v.sort_unstable();
            v
        };
        let source: String = md.lines().filter(|l| !l.starts_with("|---")).collect();
        assert_eq!(
            chars(&text_of(&r).concat()),
            chars(&source),
            "width {width}"
        );
        // Once the longest words fit, no word is broken.
        if width >= 80 {
            let all = text_of(&r).join(" ");
            for word in ["CPython", "interpreter,", "experimental", "library"] {
                assert!(all.contains(word), "width {width}: {word} broken");
            }
        }
    }
}

#[test]
fn table_alignment_escaped_pipes_and_header_style() {
    let theme = dark();
    let md = "| left | right | center |\n|:--|--:|:-:|\n| a \\| b | 1 | `x \\| y` |\n";
    let r = render(md, 80, &theme, &[]);
    assert_eq!(
        text_of(&r),
        [
            "left  │ right │ center",
            "──────┼───────┼───────",
            "a | b │     1 │ x | y"
        ]
    );
    assert!(style_of(&r, "left").add_modifier.contains(Modifier::BOLD));
    assert_eq!(style_of(&r, "│").fg, theme.marker.fg);
}

#[test]
fn rules_and_html() {
    assert_eq!(plain("a\n\n---\n\nb", 10), ["a", "", "──────────", "", "b"]);
    assert_eq!(
        plain("a\n\n<div>\nraw <b>html</b>\n</div>\n\nb", 80),
        ["a", "", "<div>", "raw <b>html</b>", "</div>", "", "b"]
    );
    // A comment is a note to authors, not text for learners.
    assert_eq!(plain("a\n\n<!-- todo: check -->\n\nb", 80), ["a", "", "b"]);
}

#[test]
fn code_text_in_several_events_is_buffered_until_the_end() {
    use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
    let events = [
        Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced("text".into()))),
        Event::Text("let x = [".into()),
        Event::Text("1];\nlet y".into()),
        Event::Text(" = 2;\n".into()),
        Event::End(TagEnd::CodeBlock),
    ];
    let r = render_events(&events, 80);
    assert_eq!(text_of(&r), ["  let x = [1];", "  let y = 2;"]);
    // CRLF line ends make the parser split code text too.
    assert_eq!(plain("```\r\na\r\nb\r\n```\r\n", 80), ["  a", "  b"]);
}

#[test]
fn long_code_lines_continue_after_a_marker() {
    let r = render(
        "```text\nabcdefghijklmnopqrstuvwxyz\n\n\tx\n```",
        12,
        &dark(),
        &[],
    );
    assert_fits(&r, 12);
    assert_eq!(
        text_of(&r),
        ["  abcdefghij", "↪ klmnopqrst", "↪ uvwxyz", "", "      x"]
    );
}

#[test]
fn fence_info_attributes_pick_the_language() {
    super::highlight::highlight("", "py", &dark());
    let theme = dark();
    let md = "```python,ignore\ndef f():\n    return \"s\"  # note\n```\n\n```go title=\"x\"\nfunc f() {}\n```";
    let r = render(md, 80, &theme, &[]);
    assert!(!r.pending_highlight);
    assert_eq!(
        text_of(&r),
        [
            "  def f():",
            "      return \"s\"  # note",
            "",
            "  func f() {}"
        ]
    );
    // Highlighted: several colours, unlike a plain block all in `code_block`.
    let colours: std::collections::HashSet<Option<Color>> = r
        .lines
        .iter()
        .flat_map(|l| &l.spans)
        .map(|s| s.style.fg)
        .collect();
    assert!(colours.len() >= 3, "{colours:?}");
}

#[test]
fn code_is_plain_and_marked_pending_while_the_syntaxes_load() {
    let theme = dark();
    // Even with the syntaxes loaded elsewhere: without them in hand, the code is plain.
    super::highlight::highlight("", "go", &theme);
    let r = super::render_in("```go\nfunc f() {}\n```", 80, &theme, &[], None);
    assert!(r.pending_highlight);
    assert_eq!(text_of(&r), ["  func f() {}"]);
    assert_eq!(style_of(&r, "func"), theme.code_block);
    // Loaded (this call waits for it): highlighted, nothing pending.
    super::highlight::highlight("", "go", &theme);
    let r = render("```go\nfunc f() {}\n```", 80, &theme, &[]);
    assert!(!r.pending_highlight);
    assert_ne!(style_of(&r, "func"), theme.code_block);
}

#[test]
fn unknown_and_text_fences_are_plain_code() {
    super::highlight::highlight("", "py", &dark());
    let theme = dark();
    for tag in ["text", "", "no-such-language", "plain"] {
        let r = render(&format!("```{tag}\nx = 1\n```"), 80, &theme, &[]);
        assert_eq!(text_of(&r), ["  x = 1"]);
        assert_eq!(style_of(&r, "x = 1"), theme.code_block, "{tag:?}");
    }
}

#[test]
fn mono_theme_uses_no_colour() {
    let theme = Theme::new(ThemeKind::Mono);
    let quiz = quiz();
    let views = [QuizView {
        quiz: &quiz,
        selected: Some(0),
        answered: Some(0),
        focused: true,
        first_try: None,
    }];
    let r = render(DOCUMENT, 60, &theme, &views);
    assert!(!r.pending_highlight);
    for span in r.lines.iter().flat_map(|l| &l.spans) {
        assert_eq!(span.style.fg, None, "{:?}", span.content);
    }
}

fn quiz_lines(
    answered: Option<usize>,
    selected: Option<usize>,
    focused: bool,
) -> (Rendered, Theme) {
    let theme = dark();
    let quiz = quiz();
    let views = [QuizView {
        quiz: &quiz,
        selected,
        answered,
        focused,
        first_try: None,
    }];
    let md = "Before.\n\n```quiz\nquestion = \"x\"\n```\n\nAfter.";
    (render(md, 50, &theme, &views), theme)
}

#[test]
fn quiz_unanswered_shows_the_cursor_and_the_keys() {
    let (r, theme) = quiz_lines(None, Some(2), true);
    assert_eq!(
        text_of(&r),
        [
            "Before.",
            "",
            "? Which of these is checked before a Go program",
            "  runs?",
            "",
            "  1) a misspelled field name",
            "  2) a nil map write",
            "▸ 3) an out-of-range index",
            "",
            "pick with ↑ ↓ and answer with Enter, or press 1-3",
            "",
            "After."
        ]
    );
    assert_eq!(r.quizzes, [2]);
    assert!(style_of(&r, "Which").add_modifier.contains(Modifier::BOLD));
    assert_eq!(style_of(&r, "an out-of-range"), theme.selected);
    assert!(
        style_of(&r, "pick with")
            .add_modifier
            .contains(Modifier::DIM)
    );
    // Unfocused: no cursor.
    let (r, _) = quiz_lines(None, Some(2), false);
    assert!(!text_of(&r).concat().contains('▸'));
}

#[test]
fn quiz_answered_right() {
    let (r, theme) = quiz_lines(Some(0), Some(0), true);
    let text = text_of(&r);
    assert_eq!(
        text[5],
        "  1) a misspelled field name ✓\u{a0}right,\u{a0}your\u{a0}answer"
    );
    assert_eq!(text[6], "  2) a nil map write");
    assert!(text[9].starts_with("✓ Right. The compiler rejects unknown fields"));
    assert!(!text.concat().contains('▸'));
    assert_eq!(style_of(&r, "a misspelled").fg, theme.good.fg);
    assert_eq!(style_of(&r, "✓\u{a0}right").fg, theme.good.fg);
    assert_eq!(style_of(&r, "✓ Right.").fg, theme.good.fg);
}

#[test]
fn quiz_answered_wrong() {
    let (r, theme) = quiz_lines(Some(2), Some(0), true);
    let text = text_of(&r);
    assert_eq!(text[5], "  1) a misspelled field name ✓\u{a0}right");
    assert_eq!(
        text[7],
        "  3) an out-of-range index ✗\u{a0}your\u{a0}answer"
    );
    assert!(text[9].starts_with("✗ Not quite: the answer is 1. The compiler"));
    assert_eq!(style_of(&r, "a misspelled").fg, theme.good.fg);
    assert_eq!(style_of(&r, "an out-of-range").fg, theme.bad.fg);
    assert_eq!(style_of(&r, "✗ Not quite").fg, theme.bad.fg);
}

#[test]
fn quiz_strings_render_inline_markdown() {
    let theme = dark();
    let quiz = Quiz {
        question: "What does `95 * \"2\"` do?".into(),
        options: vec!["1. looks like a list".into(), "*raises*".into()],
        answer: 1,
        explain: "It **repeats** the string.".into(),
    };
    let views = [QuizView {
        quiz: &quiz,
        selected: Some(0),
        answered: Some(1),
        focused: false,
        first_try: None,
    }];
    let r = render("```quiz\n```", 80, &theme, &views);
    let text = text_of(&r);
    assert_eq!(text[0], "? What does 95 * \"2\" do?");
    assert_eq!(text[2], "  1) 1. looks like a list");
    assert!(text[3].starts_with("  2) raises ✓"));
    assert_eq!(style_of(&r, "95 *").fg, theme.code_inline.fg);
    assert!(
        style_of(&r, "repeats")
            .add_modifier
            .contains(Modifier::BOLD)
    );
}

#[test]
fn quiz_blocks_beyond_the_views_show_as_code() {
    let quiz = quiz();
    let views = [QuizView {
        quiz: &quiz,
        selected: Some(0),
        answered: None,
        focused: false,
        first_try: None,
    }];
    let md = "```quiz\nquestion = \"one\"\n```\n\n```quiz\nquestion = \"two\"\n```";
    let r = render(md, 80, &dark(), &views);
    assert_eq!(r.quizzes, [0]);
    let text = text_of(&r);
    assert_eq!(
        text.last().map(String::as_str),
        Some("  question = \"two\"")
    );
}

#[test]
fn zero_width_and_deep_nesting_never_overflow() {
    for width in [0u16, 1, 2, 3, 5] {
        let r = render(DOCUMENT, width, &dark(), &[]);
        assert_fits(&r, width.max(1));
        let r = render("> > > > - - - deep text here", width, &dark(), &[]);
        assert_fits(&r, width.max(1));
    }
}

#[test]
fn every_lesson_fits_at_40_80_and_160_columns() {
    super::highlight::highlight("", "py", &dark());
    let course = crate::course::load_course(None).expect("the embedded course loads");
    let theme = dark();
    let mut longest = ("", 0, 0);
    for lesson in &course.lessons {
        let views: Vec<QuizView> = lesson
            .quizzes
            .iter()
            .map(|quiz| QuizView {
                quiz,
                selected: Some(0),
                answered: Some(quiz.answer),
                focused: false,
                first_try: None,
            })
            .collect();
        for width in [40u16, 80, 160] {
            let r = render(&lesson.body, width, &theme, &views);
            assert_fits(&r, width);
            assert_eq!(r.quizzes.len(), lesson.quizzes.len(), "{}", lesson.file);
            assert!(!r.headings.is_empty(), "{}", lesson.file);
            assert!(!r.pending_highlight);
            // Nothing the parser saw as a quiz or fence leaks through as raw TOML.
            assert!(
                !text_of(&r)
                    .iter()
                    .any(|l| l.trim_start().starts_with("options = [")),
                "{}",
                lesson.file
            );
        }
        if lesson.body.len() > longest.1 {
            longest = (&lesson.file, lesson.body.len(), lesson.quizzes.len());
        }
    }
    // Timing: run with `cargo test --release --lib markdown::tests::every_lesson -- --nocapture`.
    let Some(lesson) = course.lessons.iter().find(|l| l.file == longest.0) else {
        return;
    };
    let views: Vec<QuizView> = lesson
        .quizzes
        .iter()
        .map(|quiz| QuizView {
            quiz,
            selected: Some(0),
            answered: None,
            focused: true,
            first_try: None,
        })
        .collect();
    let mono = Theme::new(ThemeKind::Mono);
    for (name, theme) in [("highlighted", &theme), ("mono, no highlighting", &mono)] {
        let mut best = std::time::Duration::MAX;
        for _ in 0..20 {
            let start = std::time::Instant::now();
            let r = render(&lesson.body, 160, theme, &views);
            best = best.min(start.elapsed());
            assert!(!r.lines.is_empty());
        }
        eprintln!(
            "render {} ({} bytes, {} quizzes) at 160 columns, {name}: {best:?}",
            lesson.file, longest.1, longest.2
        );
    }
}

#[test]
fn quiz_fences_are_recognised_exactly_as_the_loader_does() {
    let quiz = quiz();
    let view = QuizView {
        quiz: &quiz,
        selected: Some(0),
        answered: None,
        focused: false,
        first_try: None,
    };
    let views = [view, view];
    // `Quiz` is not `quiz` to the loader, so it is code here too; attributes are allowed.
    let md = "```Quiz\nx = 1\n```\n\n```quiz,x\n```\n\n```quiz y\n```";
    let r = render(md, 80, &dark(), &views);
    assert_eq!(r.quizzes.len(), 2);
    assert_eq!(text_of(&r)[0], "  x = 1");
}

#[test]
fn every_line_knows_the_block_it_came_from() {
    let md =
        "# Title\n\nA first paragraph long enough to wrap at a narrow width.\n\n- one\n- two\n";
    for width in [20, 80] {
        let r = render(md, width, &dark(), &[]);
        assert_eq!(r.offsets.len(), r.lines.len());
        let para = md.find("A first").expect("paragraph");
        let lines_of_para: Vec<usize> = (0..r.lines.len())
            .filter(|&i| r.offsets[i] == para)
            .collect();
        assert!(!lines_of_para.is_empty(), "{width}: {:?}", r.offsets);
        assert!(
            r.lines[lines_of_para[0]].to_string().starts_with("A first"),
            "{width}"
        );
        let two = md.find("two").expect("item") - 2;
        assert!(r.offsets.contains(&two), "{width}: {:?}", r.offsets);
    }
}

#[test]
fn without_colour_inline_code_keeps_its_backticks() {
    let mono = Theme::new(ThemeKind::Mono);
    let text = |theme: &Theme| text_of(&render("Call `len(x)` here.", 40, theme, &[])).concat();
    assert_eq!(text(&mono), "Call `len(x)` here.");
    assert_eq!(text(&dark()), "Call len(x) here.");
}
