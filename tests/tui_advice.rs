//! The TUI's result panel shows the advice notes that match the learner's file, after any
//! verdict, and only those of the checked language.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

mod tui_common;

use microlings::course::Language;
use microlings::run::Verdict;
use microlings::tui::msg::Msg;
use tui_common::{app, open_first_exercise, outcome};

fn shown_after_check(source: &str, lang: Language, verdict: Verdict) -> Vec<String> {
    let mut app = app();
    app.update(Msg::Resize(120, 40));
    let slug = open_first_exercise(&mut app);
    let sources = Language::ALL
        .iter()
        .map(|&l| (l, Ok(source.to_string())))
        .collect();
    app.update(Msg::SourcesLoaded {
        exercise: slug,
        sources,
    });
    let done = outcome(&app, lang, verdict);
    app.update(done);
    microlings::tui::result::lines(&app.exercise, &app.ctx(), 0)
        .iter()
        .map(|l| l.to_string())
        .collect()
}

const NOTE: &str = "advice: print adds the newline for you; sys.stdout.write does not.";

#[test]
fn a_matching_pattern_shows_its_note_after_a_failed_and_a_passed_check() {
    let source = "import sys\nsys.stdout.write('Hello, microlings!')\n";
    for verdict in [Verdict::WrongOutput, Verdict::Passed] {
        let shown = shown_after_check(source, Language::Python, verdict);
        assert!(shown.iter().any(|l| l.contains(NOTE)), "{shown:#?}");
    }
}

#[test]
fn no_note_without_a_match_or_for_another_language() {
    let shown = shown_after_check(
        "print('Hello, microlings!')\n",
        Language::Python,
        Verdict::WrongOutput,
    );
    assert!(!shown.iter().any(|l| l.contains("advice:")), "{shown:#?}");
    let shown = shown_after_check(
        "sys.stdout.write('x')\n",
        Language::Go,
        Verdict::WrongOutput,
    );
    assert!(!shown.iter().any(|l| l.contains("advice:")), "{shown:#?}");
}
