//! Advice after a check: notes on what output cannot grade (a MAC compared with `==`, a
//! duration measured with the wall clock). An exercise's `[[advice]]` patterns are searched in
//! the learner's source; each match shows its note. Advice never changes a verdict.

use crate::course::{Exercise, Language};
use crate::workspace::Workspace;

/// The notes whose pattern matches `source` (the learner's program in `lang`), in the order
/// the exercise lists them. Bytes that are not UTF-8 are read leniently: advice is about the
/// code around them, and the toolchain reports the bytes themselves.
pub fn notes<'a>(exercise: &'a Exercise, lang: Language, source: &[u8]) -> Vec<&'a str> {
    let text = String::from_utf8_lossy(source);
    exercise
        .advice
        .iter()
        .filter(|a| a.language == lang && a.matches(&text))
        .map(|a| a.note.as_str())
        .collect()
}

/// [`notes`] for the learner's file as it is on disk. A file that cannot be read has no advice
/// (the check that read it reports why).
pub fn notes_for_file<'a>(
    workspace: &Workspace,
    exercise: &'a Exercise,
    lang: Language,
) -> Vec<&'a str> {
    if exercise.advice.iter().all(|a| a.language != lang) {
        return Vec::new();
    }
    match workspace.read_bytes(exercise, lang) {
        Ok(source) => notes(exercise, lang, &source),
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::course::{Advice, ExerciseKind};

    fn exercise() -> Exercise {
        let advice = |language, pattern: &str, note: &str| Advice {
            language,
            pattern: Advice::compile(pattern).expect("pattern"),
            note: note.into(),
        };
        Exercise {
            slug: "bench".into(),
            title: "Bench".into(),
            kind: ExerciseKind::Output,
            timeout: std::time::Duration::from_secs(1),
            task: "t".into(),
            hints: vec![],
            notes: BTreeMap::new(),
            cases: vec![],
            service: None,
            starters: BTreeMap::new(),
            solutions: BTreeMap::new(),
            wrong: Vec::new(),
            advice: vec![
                advice(Language::Python, r"time\.time\(\)", "wall clock"),
                advice(Language::Python, r"==\s*sig", "constant time"),
                advice(Language::Go, r"time\.Now", "go note"),
            ],
        }
    }

    #[test]
    fn only_the_matching_notes_of_the_language_are_given_in_order() {
        let ex = exercise();
        let src = b"t = time.time()\nif mac == sig: pass\n";
        assert_eq!(
            notes(&ex, Language::Python, src),
            vec!["wall clock", "constant time"]
        );
        assert_eq!(
            notes(&ex, Language::Python, b"time.monotonic()"),
            Vec::<&str>::new()
        );
        assert_eq!(notes(&ex, Language::Java, src), Vec::<&str>::new());
    }

    #[test]
    fn source_that_is_not_utf8_is_still_advised() {
        let ex = exercise();
        assert_eq!(
            notes(&ex, Language::Python, b"\xff\xfe t = time.time()"),
            vec!["wall clock"]
        );
    }
}
