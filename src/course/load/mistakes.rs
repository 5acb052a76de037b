//! What an exercise knows about wrong answers: the known-wrong programs in
//! `wrong/<mistake>/<lang>/<file>`, which `dev check` proves fail, and the `[[advice]]`
//! patterns, whose notes point out what output cannot grade.

use std::collections::{BTreeMap, BTreeSet};

use super::schema::ExerciseToml;
use super::{Loader, is_slug, line_of};
use crate::course::Language;
use crate::course::model::{Advice, WrongAnswer};

/// The longest advice note: it is a short note under a result, not a lesson.
const MAX_NOTE_CHARS: usize = 400;

/// Loads `wrong/<mistake>/<lang>/<file>` of an exercise, marking each file known. `None` when
/// one is misplaced (every problem is reported).
pub(super) fn load_wrong(
    loader: &mut Loader<'_>,
    dir: &str,
    files: &[String],
    known: &mut BTreeSet<String>,
) -> Option<Vec<WrongAnswer>> {
    let mut ok = true;
    let mut wrong = Vec::new();
    for file in files.iter().filter(|f| f.starts_with("wrong/")) {
        let path = format!("{dir}/{file}");
        let parts: Vec<&str> = file["wrong/".len()..].split('/').collect();
        let lang = parts.get(1).and_then(|id| Language::from_id(id));
        let problem = match (parts.as_slice(), lang) {
            ([mistake, _, name], Some(lang)) if is_slug(mistake) && *name == lang.file_name() => {
                None
            }
            ([mistake, ..], _) if !is_slug(mistake) => Some(format!(
                "the mistake's folder name '{mistake}' must use lowercase letters, digits and dashes (wrong/<mistake>/<language>/<file>)"
            )),
            ([_, id, _], None) => Some(format!(
                "unknown language folder '{id}': use python, go, java or csharp (wrong/<mistake>/<language>/<file>)"
            )),
            ([_, _, name], Some(lang)) => Some(format!(
                "a wrong {} answer is named {}, not {name}",
                lang.display_name(),
                lang.file_name()
            )),
            _ => Some(
                "misplaced: a wrong answer lives at wrong/<mistake>/<language>/<file>, e.g. wrong/prefix-compare/go/main.go".to_string(),
            ),
        };
        known.insert(file.clone());
        if let Some(message) = problem {
            loader.error(&path, None, message);
            ok = false;
            continue;
        }
        let (Some(mistake), Some(lang)) = (parts.first(), lang) else {
            continue;
        };
        match loader.text(&path) {
            Some(source) => wrong.push(WrongAnswer {
                mistake: mistake.to_string(),
                language: lang,
                source,
            }),
            None => ok = false,
        }
    }
    ok.then_some(wrong)
}

/// Validates the `[[advice]]` tables: a known language, a pattern that compiles, a short note,
/// and a pattern that does not match the language's reference solution (advice that nags a
/// right answer teaches the wrong thing). Problems are reported at the table's line.
pub(super) fn load_advice(
    loader: &mut Loader<'_>,
    toml_path: &str,
    text: &str,
    meta: &ExerciseToml,
    solutions: &BTreeMap<Language, String>,
) -> Option<Vec<Advice>> {
    let mut ok = true;
    let mut advice = Vec::new();
    for table in &meta.advice {
        let line = Some(line_of(text, table.span().start));
        let a = table.get_ref();
        let mut err = |loader: &mut Loader<'_>, msg: String| {
            loader.error(toml_path, line, msg);
            ok = false;
        };
        let Some(language) = Language::from_id(&a.language) else {
            err(
                loader,
                format!(
                    "[[advice]] language '{}' is unknown: use python, go, java or csharp",
                    a.language
                ),
            );
            continue;
        };
        let note = a.note.trim();
        if note.is_empty() {
            err(
                loader,
                "[[advice]] note is empty: say what to do instead".into(),
            );
        } else if note.chars().count() > MAX_NOTE_CHARS {
            err(
                loader,
                format!(
                    "[[advice]] note is longer than {MAX_NOTE_CHARS} characters: keep it to a sentence or two"
                ),
            );
        }
        let pattern = match Advice::compile(&a.pattern) {
            Ok(p) if a.pattern.is_empty() => {
                err(
                    loader,
                    "[[advice]] pattern is empty: it would match every program".into(),
                );
                p
            }
            Ok(p) => p,
            Err(e) => {
                err(
                    loader,
                    format!("[[advice]] pattern is not a valid regular expression: {e}"),
                );
                continue;
            }
        };
        if let Some(solution) = solutions.get(&language)
            && let Some(m) = pattern.find(solution.as_bytes())
        {
            err(
                loader,
                format!(
                    "[[advice]] pattern matches the {} reference solution at its line {} ('{}'): a note must not fire on a right answer",
                    language.display_name(),
                    line_of(solution, m.start()),
                    String::from_utf8_lossy(m.as_bytes())
                ),
            );
        }
        advice.push(Advice {
            language,
            pattern,
            note: note.to_string(),
        });
    }
    ok.then_some(advice)
}
