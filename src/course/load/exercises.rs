//! Exercises: `exercises/<slug>/` with exercise.toml, the starters and solutions in four
//! languages, and the cases (expected_output.txt, or `cases/<name>.out` with an optional `.in`).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use super::schema::ExerciseToml;
use super::services::{load_service, reject_service_keys};
use super::{Diagnostic, Loader, MAX_TIMEOUT_SECS, is_slug, line_of, mistakes, parse_toml};
use crate::course::Language;
use crate::course::model::{Case, Exercise, ExerciseKind};

pub(super) fn load_exercises(loader: &mut Loader<'_>) -> BTreeMap<String, Exercise> {
    let mut by_slug: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in loader.files.paths_under("exercises/") {
        let rest = &path["exercises/".len()..];
        match rest.split_once('/') {
            Some((slug, file)) => by_slug
                .entry(slug.to_string())
                .or_default()
                .push(file.to_string()),
            None => loader.problems.push(Diagnostic::new(
                loader.files.display_path(path),
                None,
                "unexpected file in exercises/: each exercise is a directory",
            )),
        }
    }
    let mut exercises = BTreeMap::new();
    for (slug, files) in by_slug {
        if !is_slug(&slug) {
            loader.error(
                &format!("exercises/{slug}"),
                None,
                "exercise directory names use lowercase letters, digits and dashes",
            );
            continue;
        }
        if let Some(ex) = load_exercise(loader, &slug, &files) {
            exercises.insert(slug, ex);
        }
    }
    exercises
}

pub(super) fn load_exercise(
    loader: &mut Loader<'_>,
    slug: &str,
    files: &[String],
) -> Option<Exercise> {
    let dir = format!("exercises/{slug}");
    let toml_path = format!("{dir}/exercise.toml");
    let mut known: BTreeSet<String> = BTreeSet::from(["exercise.toml".to_string()]);
    // Kept for line numbers in the HTTP checks below.
    let toml_text = loader.text(&toml_path);
    let meta = match &toml_text {
        Some(text) => parse_toml::<ExerciseToml>(loader, &toml_path, text, 1),
        None => {
            if !loader.files.contains(&toml_path) {
                loader.error(
                    &toml_path,
                    None,
                    "missing: every exercise has an exercise.toml (see docs/authoring.md)",
                );
            }
            None
        }
    };
    let toml_text = toml_text.unwrap_or_default();

    let mut ok = true;
    let mut starters = BTreeMap::new();
    let mut solutions = BTreeMap::new();
    for lang in Language::ALL {
        for (prefix, map) in [("", &mut starters), ("solution/", &mut solutions)] {
            let rel = format!("{prefix}{}/{}", lang.id(), lang.file_name());
            let path = format!("{dir}/{rel}");
            known.insert(rel);
            if !loader.files.contains(&path) {
                let what = if prefix.is_empty() {
                    "starter"
                } else {
                    "reference solution"
                };
                loader.error(
                    &path,
                    None,
                    format!("missing the {} {what}", lang.display_name()),
                );
                ok = false;
            } else if let Some(text) = loader.text(&path) {
                map.insert(lang, text);
            } else {
                ok = false;
            }
        }
    }

    // Typed once here; an unknown kind is reported below (with the rest) and read as output.
    let kind = match meta.as_ref().and_then(|m| m.kind.as_ref()) {
        None => Ok(ExerciseKind::Output),
        Some(k) => ExerciseKind::from_id(k.get_ref())
            .ok_or_else(|| (k.get_ref().clone(), line_of(&toml_text, k.span().start))),
    };
    let is_http = kind == Ok(ExerciseKind::Http);
    let cases = if is_http {
        // An HTTP exercise declares its requests in exercise.toml; expected_output.txt and
        // cases/ stay unknown and are reported as unexpected below.
        Some(Vec::new())
    } else {
        load_cases(loader, &dir, files, &mut known)
    };
    let wrong = mistakes::load_wrong(loader, &dir, files, &mut known);
    let advice = match &meta {
        Some(m) => mistakes::load_advice(loader, &toml_path, &toml_text, m, &solutions),
        None => Some(Vec::new()),
    };
    let service = match &meta {
        Some(m) if is_http => load_service(loader, &dir, &toml_text, m, &mut known),
        Some(m) => {
            reject_service_keys(loader, &toml_path, &toml_text, m);
            Some(None)
        }
        None => Some(None),
    };
    for file in files {
        if !known.contains(file) && !file.rsplit('/').next().unwrap_or("").starts_with('.') {
            loader.error(
                &format!("{dir}/{file}"),
                None,
                if is_http {
                    "unexpected file: an http exercise holds exercise.toml (with its [[requests]]), the files its expect_file keys name, the four starters, solution/ and wrong/"
                } else {
                    "unexpected file: an exercise holds exercise.toml, expected_output.txt or cases/, the four starters, solution/ and wrong/"
                },
            );
            ok = false;
        }
    }

    let meta = meta?;
    let cases = cases?;
    let mut valid = ok;
    let mut problem = |loader: &mut Loader<'_>, msg: &str| {
        loader.error(&toml_path, None, msg.to_string());
        valid = false;
    };
    if meta.title.trim().is_empty() {
        problem(loader, "the title is empty");
    }
    if meta.task.trim().is_empty() {
        problem(loader, "the task is empty: say what the learner must do");
    }
    if meta.hints.len() < 2 {
        problem(
            loader,
            "give at least two hints: a nudge, then the concept (then nearly the answer)",
        );
    }
    if meta.timeout_secs == 0 || meta.timeout_secs > MAX_TIMEOUT_SECS {
        problem(
            loader,
            &format!("timeout_secs must be 1 to {MAX_TIMEOUT_SECS}"),
        );
    }
    let kind = match kind {
        Ok(kind) => kind,
        Err((other, line)) => {
            let known: Vec<String> = ExerciseKind::ALL
                .iter()
                .map(|k| format!("\"{}\"", k.id()))
                .collect();
            loader.error(
                &toml_path,
                Some(line),
                format!("unknown kind '{other}': use {}", known.join(" or ")),
            );
            valid = false;
            ExerciseKind::Output
        }
    };
    let service = service?;
    let wrong = wrong?;
    let advice = advice?;
    if !valid {
        return None;
    }
    Some(Exercise {
        slug: slug.to_string(),
        title: meta.title.trim().to_string(),
        kind,
        timeout: Duration::from_secs(meta.timeout_secs),
        task: meta.task.trim().to_string(),
        hints: meta.hints,
        notes: meta.notes,
        cases,
        service,
        starters,
        solutions,
        wrong,
        advice,
    })
}

pub(super) fn load_cases(
    loader: &mut Loader<'_>,
    dir: &str,
    files: &[String],
    known: &mut BTreeSet<String>,
) -> Option<Vec<Case>> {
    let shorthand = format!("{dir}/expected_output.txt");
    let case_files: Vec<&String> = files.iter().filter(|f| f.starts_with("cases/")).collect();
    if loader.files.contains(&shorthand) {
        known.insert("expected_output.txt".into());
        if !case_files.is_empty() {
            loader.error(
                &shorthand,
                None,
                "use either expected_output.txt or cases/, not both",
            );
            return None;
        }
        let expected = loader.text(&shorthand)?;
        if expected.trim().is_empty() {
            loader.error(
                &shorthand,
                None,
                "expected_output.txt is empty: put the exact output the program must print in it",
            );
            return None;
        }
        return Some(vec![Case {
            name: "default".into(),
            input: None,
            expected,
        }]);
    }
    if case_files.is_empty() {
        loader.error(&format!("{dir}/"), None, "no expected output: add expected_output.txt, or cases/<name>.out (with an optional <name>.in)");
        return None;
    }
    let mut cases = Vec::new();
    let mut ok = true;
    for file in &case_files {
        let name = &file["cases/".len()..];
        if let Some(stem) = name.strip_suffix(".out") {
            known.insert(file.to_string());
            let input_rel = format!("cases/{stem}.in");
            let input = loader
                .files
                .get(&format!("{dir}/{input_rel}"))
                .map(<[u8]>::to_vec);
            if input.is_some() {
                known.insert(input_rel);
            }
            match loader.text(&format!("{dir}/{file}")) {
                Some(expected) => cases.push(Case {
                    name: stem.to_string(),
                    input,
                    expected,
                }),
                None => ok = false,
            }
        } else if let Some(stem) = name.strip_suffix(".in")
            && !files.iter().any(|f| f == &format!("cases/{stem}.out"))
        {
            known.insert(file.to_string());
            loader.error(
                &format!("{dir}/{file}"),
                None,
                format!("input without expected output: add cases/{stem}.out"),
            );
            ok = false;
        }
    }
    ok.then_some(cases)
}
