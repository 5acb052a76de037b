use std::collections::BTreeMap;
use std::time::Duration;

use super::*;
use crate::course::{ExerciseKind, ExpectedBody, Language};

/// A small valid course: one lesson with one quiz and one exercise.
fn valid_files() -> BTreeMap<String, Vec<u8>> {
    let mut f: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut put = |p: &str, s: &str| {
        f.insert(p.to_string(), s.as_bytes().to_vec());
    };
    put(
        "lessons/01-intro.md",
        "+++\ntitle = \"Intro\"\nexercises = [\"hello\"]\n+++\n# Intro\n\nText.\n\n```quiz\nquestion = \"Q?\"\noptions = [\"a\", \"b\"]\nanswer = 1\nexplain = \"Because.\"\n```\n",
    );
    put(
        "exercises/hello/exercise.toml",
        "title = \"Hello\"\ntask = \"Print hello.\"\nhints = [\"one\", \"two\"]\n[notes]\ngo = \"fmt.Println\"\n",
    );
    put("exercises/hello/expected_output.txt", "hello\n");
    for lang in Language::ALL {
        put(
            &format!("exercises/hello/{}/{}", lang.id(), lang.file_name()),
            "starter",
        );
        put(
            &format!(
                "exercises/hello/solution/{}/{}",
                lang.id(),
                lang.file_name()
            ),
            "solution",
        );
    }
    f
}

fn errors(files: BTreeMap<String, Vec<u8>>) -> Vec<String> {
    match load(&CourseFiles::from_map(files)) {
        Ok(_) => vec![],
        Err(e) => e.diagnostics.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_valid_course_loads_with_its_quiz_and_cases() {
    let course = load(&CourseFiles::from_map(valid_files())).expect("valid course");
    assert_eq!(course.lessons.len(), 1);
    let lesson = &course.lessons[0];
    assert_eq!(lesson.slug, "intro");
    assert_eq!(lesson.body_line, 5);
    assert_eq!(lesson.quizzes[0].answer, 1);
    let ex = course.exercise("hello").expect("exercise");
    assert_eq!(ex.cases.len(), 1);
    assert_eq!(ex.cases[0].expected, "hello\n");
    assert_eq!(ex.timeout.as_secs(), 10);
    assert_eq!(
        ex.notes.get(&Language::Go).map(String::as_str),
        Some("fmt.Println")
    );
}

#[test]
fn unknown_key_is_reported_with_file_and_line() {
    let mut f = valid_files();
    f.insert(
        "lessons/01-intro.md".into(),
        b"+++\ntitle = \"Intro\"\nexercises = [\"hello\"]\ncolour = \"red\"\n+++\nbody\n".to_vec(),
    );
    let errs = errors(f);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("lessons/01-intro.md:4:") && e.contains("colour")),
        "{errs:?}"
    );
}

#[test]
fn unknown_exercise_in_a_lesson_is_reported_at_its_line() {
    let mut f = valid_files();
    f.insert(
        "lessons/01-intro.md".into(),
        b"+++\ntitle = \"Intro\"\nexercises = [\n  \"hello\",\n  \"nope\",\n]\n+++\nbody\n"
            .to_vec(),
    );
    let errs = errors(f);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("lessons/01-intro.md:5:")
                && e.contains("unknown exercise 'nope'")),
        "{errs:?}"
    );
}

#[test]
fn quiz_answer_out_of_range_is_reported_at_its_line() {
    let mut f = valid_files();
    f.insert(
        "lessons/01-intro.md".into(),
        b"+++\ntitle = \"Intro\"\nexercises = [\"hello\"]\n+++\ntext\n\n```quiz\nquestion = \"Q?\"\noptions = [\"a\", \"b\"]\nanswer = 2\nexplain = \"x\"\n```\n".to_vec(),
    );
    let errs = errors(f);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("lessons/01-intro.md:10:") && e.contains("out of range")),
        "{errs:?}"
    );
}

#[test]
fn missing_files_and_stray_files_are_each_reported() {
    let mut f = valid_files();
    f.remove("exercises/hello/solution/java/Main.java");
    f.insert("exercises/hello/go/go.mod".into(), b"module x".to_vec());
    let errs = errors(f);
    assert!(
        errs.iter().any(|e| e.contains("solution/java/Main.java")
            && e.contains("missing the Java reference solution")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("go/go.mod") && e.contains("unexpected file")),
        "{errs:?}"
    );
}

#[test]
fn cases_need_outputs_and_exclude_the_shorthand() {
    let mut f = valid_files();
    f.insert("exercises/hello/cases/a.in".into(), b"1".to_vec());
    let errs = errors(f.clone());
    assert!(
        errs.iter()
            .any(|e| e.contains("either expected_output.txt or cases/")),
        "{errs:?}"
    );
    f.remove("exercises/hello/expected_output.txt");
    let errs = errors(f.clone());
    assert!(
        errs.iter()
            .any(|e| e.contains("cases/a.in") && e.contains("add cases/a.out")),
        "{errs:?}"
    );
    f.insert("exercises/hello/cases/a.out".into(), b"2\n".to_vec());
    f.insert("exercises/hello/cases/b.out".into(), b"3\n".to_vec());
    let course = load(&CourseFiles::from_map(f)).expect("loads");
    let cases = &course.exercise("hello").expect("hello").cases;
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].input.as_deref(), Some(&b"1"[..]));
    assert_eq!(cases[1].input, None);
}

#[test]
fn an_exercise_no_lesson_uses_and_a_duplicate_use_are_errors() {
    let mut f = valid_files();
    f.insert(
        "lessons/02-more.md".into(),
        b"+++\ntitle = \"More\"\nexercises = [\"hello\"]\n+++\nSee [intro](01-intro.md) and [gone](03-gone.md).\n".to_vec(),
    );
    let errs = errors(f.clone());
    assert!(
        errs.iter()
            .any(|e| e.contains("already used by lesson 'intro'")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.starts_with("lessons/02-more.md:5:")
                && e.contains("broken link to '03-gone.md'")),
        "{errs:?}"
    );
    assert!(!errs.iter().any(|e| e.contains("01-intro.md'")), "{errs:?}");
    f.insert(
        "lessons/01-intro.md".into(),
        b"+++\ntitle = \"Intro\"\n+++\nbody\n".to_vec(),
    );
    f.insert(
        "lessons/02-more.md".into(),
        b"+++\ntitle = \"More\"\n+++\nbody\n".to_vec(),
    );
    let errs = errors(f);
    assert!(
        errs.iter()
            .any(|e| e.contains("no lesson uses this exercise")),
        "{errs:?}"
    );
}

#[test]
fn bad_metadata_values_are_reported() {
    let mut f = valid_files();
    f.insert(
        "exercises/hello/exercise.toml".into(),
        b"title = \"Hello\"\ntask = \"x\"\nhints = [\"only one\"]\ntimeout_secs = 0\nkind = \"gui\"\n".to_vec(),
    );
    let errs = errors(f);
    assert!(
        errs.iter().any(|e| e.contains("at least two hints")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.contains("timeout_secs must be")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("exercise.toml:5: unknown kind 'gui': use \"output\" or \"http\"")),
        "the kind is named at its line: {errs:?}"
    );
}

#[test]
fn non_utf8_and_bad_file_names_are_reported() {
    let mut f = valid_files();
    f.insert(
        "exercises/hello/expected_output.txt".into(),
        vec![b'o', b'k', b'\n', 0xff],
    );
    f.insert(
        "lessons/intro.md".into(),
        b"+++\ntitle = \"x\"\n+++\n".to_vec(),
    );
    let errs = errors(f);
    assert!(errs.iter().any(|e| e.starts_with("exercises/hello/expected_output.txt:2:") && e.contains("UTF-8")), "{errs:?}");
    assert!(
        errs.iter()
            .any(|e| e.contains("lessons/intro.md") && e.contains("NN-slug.md")),
        "{errs:?}"
    );
}

#[test]
fn missing_front_matter_is_explained() {
    let mut f = valid_files();
    f.insert(
        "lessons/01-intro.md".into(),
        b"# No front matter\n".to_vec(),
    );
    let errs = errors(f);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("lessons/01-intro.md:1:") && e.contains("front matter")),
        "{errs:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_escaping_the_course_directory_is_reported() {
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("secret.txt"), "x").expect("write");
    let course = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(course.path().join("lessons")).expect("mkdir");
    std::fs::create_dir_all(course.path().join("exercises/hello")).expect("mkdir");
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        course.path().join("exercises/hello/expected_output.txt"),
    )
    .expect("symlink");
    let err = CourseFiles::from_dir(course.path()).expect_err("escape");
    assert!(
        err.diagnostics[0]
            .message
            .contains("outside the course directory"),
        "{err}"
    );
}

const HTTP_TOML: &str = r#"title = "Hello service"
kind = "http"
timeout_secs = 2
task = "Serve /health."
hints = ["one", "two"]

[[stub]]
path = "/price/A1"
body = '{"cents":250}'
delay_ms = 100

[[requests]]
path = "/health"
status = 200
expect_json = '{"status":"ok"}'
expect_headers = { "Content-Type" = "application/json" }

[[requests]]
name = "create"
method = "POST"
path = "/items"
headers = { "Content-Type" = "application/json" }
body = '{"name":"x"}'
status = 201
expect_file = "replies/created.json"
"#;

/// The valid course with `hello` turned into an HTTP exercise.
fn http_files(toml: &str) -> BTreeMap<String, Vec<u8>> {
    let mut f = valid_files();
    f.remove("exercises/hello/expected_output.txt");
    f.insert(
        "exercises/hello/exercise.toml".into(),
        toml.as_bytes().to_vec(),
    );
    f.insert(
        "exercises/hello/replies/created.json".into(),
        b"{\"id\": 1, \"name\": \"x\"}\n".to_vec(),
    );
    f
}

#[test]
fn an_http_exercise_loads_its_requests_stub_and_expected_files() {
    let course = load(&CourseFiles::from_map(http_files(HTTP_TOML))).expect("valid");
    let ex = course.exercise("hello").expect("hello");
    assert_eq!(ex.kind, ExerciseKind::Http);
    assert!(ex.cases.is_empty());
    let spec = ex.service.as_ref().expect("service");
    assert_eq!(spec.requests.len(), 2);
    let health = &spec.requests[0];
    assert_eq!(
        (health.name.as_str(), health.method.as_str()),
        ("GET /health", "GET")
    );
    assert_eq!(
        health.expect_body,
        ExpectedBody::Json(serde_json::json!({"status": "ok"}))
    );
    let create = &spec.requests[1];
    assert_eq!(create.name, "create");
    assert_eq!(
        create.expect_body,
        ExpectedBody::Json(serde_json::json!({"id": 1, "name": "x"}))
    );
    assert_eq!(spec.stub[0].delay, Duration::from_millis(100));
    assert_eq!(spec.stub[0].status, 200);
}

#[test]
fn http_mistakes_are_reported_at_the_request_line() {
    let toml = HTTP_TOML
        .replace(
            "path = \"/health\"",
            "method = \"FETCH\"\npath = \"health\"",
        )
        .replace("'{\"status\":\"ok\"}'", "'{\"status\":'");
    let errs = errors(http_files(&toml));
    // Problems with a request point at its `[[requests]]` line (12).
    for needle in ["method 'FETCH'", "must start with /", "not valid JSON"] {
        assert!(
            errs.iter()
                .any(|e| e.starts_with("exercises/hello/exercise.toml:12:") && e.contains(needle)),
            "{needle}: {errs:?}"
        );
    }
    let toml = HTTP_TOML.replace(
        "status = 201",
        "status = 201\nexpect_body = \"x\"\nstatsu = 1",
    );
    let errs = errors(http_files(&toml));
    assert!(
        errs.iter().any(|e| e.contains("statsu")),
        "unknown key: {errs:?}"
    );
    let toml = HTTP_TOML.replace("status = 201", "status = 201\nexpect_body = \"x\"");
    let errs = errors(http_files(&toml));
    assert!(
        errs.iter()
            .any(|e| e.contains("at most one of expect_body")),
        "{errs:?}"
    );
    let toml = HTTP_TOML.replace("replies/created.json", "../hello/replies/created.json");
    let errs = errors(http_files(&toml));
    assert!(
        errs.iter()
            .any(|e| e.contains("must be a relative path inside")),
        "{errs:?}"
    );
    let toml = HTTP_TOML.replace("headers = { \"Content-Type\"", "headers = { \"Host\"");
    let errs = errors(http_files(&toml));
    assert!(
        errs.iter()
            .any(|e| e.contains("'Host' is set by the runner")),
        "{errs:?}"
    );
}

#[test]
fn http_and_output_keys_do_not_mix() {
    let mut f = http_files(HTTP_TOML);
    f.insert(
        "exercises/hello/expected_output.txt".into(),
        b"x\n".to_vec(),
    );
    f.insert("exercises/hello/replies/stray.txt".into(), b"x\n".to_vec());
    let errs = errors(f);
    assert!(
        errs.iter()
            .any(|e| e.contains("expected_output.txt") && e.contains("unexpected file")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.contains("replies/stray.txt")),
        "{errs:?}"
    );
    let no_requests: String = HTTP_TOML
        .split("[[requests]]")
        .next()
        .unwrap_or_default()
        .to_string();
    let errs = errors(http_files(&no_requests));
    assert!(
        errs.iter().any(|e| e.contains("at least one [[requests]]")),
        "{errs:?}"
    );
    let mut f = valid_files();
    f.insert(
        "exercises/hello/exercise.toml".into(),
        b"title = \"Hello\"\ntask = \"t\"\nhints = [\"a\", \"b\"]\n\n[[requests]]\npath = \"/\"\nstatus = 200\n"
            .to_vec(),
    );
    let errs = errors(f);
    assert!(
        errs.iter()
            .any(|e| e.starts_with("exercises/hello/exercise.toml:5:")
                && e.contains("add kind = \"http\"")),
        "{errs:?}"
    );
}

#[test]
fn an_empty_expected_output_is_an_error() {
    for empty in ["", "\n", "  \n\n"] {
        let mut f = valid_files();
        f.insert(
            "exercises/hello/expected_output.txt".into(),
            empty.as_bytes().to_vec(),
        );
        let errs = errors(f);
        assert!(
            errs.iter()
                .any(|e| e.contains("expected_output.txt") && e.contains("is empty")),
            "{empty:?}: {errs:?}"
        );
    }
}

#[test]
fn a_broken_lesson_does_not_also_orphan_its_exercises() {
    let mut f = valid_files();
    f.insert(
        "lessons/01-intro.md".into(),
        b"+++\ntitle = \"Intro\"\nexercises = [\"hello\"\n+++\n# Intro\n".to_vec(),
    );
    let errs = errors(f);
    assert!(!errs.is_empty());
    assert!(
        !errs.iter().any(|e| e.contains("no lesson uses")),
        "{errs:?}"
    );
    let mut f = valid_files();
    let lesson = f.remove("lessons/01-intro.md").expect("lesson");
    f.insert("lessons/1-intro.md".into(), lesson);
    let errs = errors(f);
    assert!(
        !errs.iter().any(|e| e.contains("no lesson uses")),
        "{errs:?}"
    );
}

#[test]
fn wrong_answers_load_per_mistake_and_language() {
    let mut f = valid_files();
    f.insert(
        "exercises/hello/wrong/prefix-compare/go/main.go".into(),
        b"package main".to_vec(),
    );
    f.insert(
        "exercises/hello/wrong/prefix-compare/python/main.py".into(),
        b"print('hell')".to_vec(),
    );
    let course = load(&CourseFiles::from_map(f)).expect("valid course");
    let ex = course.exercise("hello").expect("exercise");
    let got: Vec<(&str, Language)> = ex
        .wrong
        .iter()
        .map(|w| (w.mistake.as_str(), w.language))
        .collect();
    assert_eq!(
        got,
        vec![
            ("prefix-compare", Language::Go),
            ("prefix-compare", Language::Python)
        ]
    );
    assert_eq!(ex.wrong[1].source, "print('hell')");
}

#[test]
fn misplaced_wrong_answers_are_reported_with_their_path() {
    let mut f = valid_files();
    for (path, _) in [
        ("exercises/hello/wrong/Bad_Name/go/main.go", ()),
        ("exercises/hello/wrong/x/rust/main.rs", ()),
        ("exercises/hello/wrong/x/java/main.java", ()),
        ("exercises/hello/wrong/main.go", ()),
    ] {
        f.insert(path.into(), b"x".to_vec());
    }
    let errs = errors(f);
    for (path, words) in [
        ("exercises/hello/wrong/Bad_Name/go/main.go", "lowercase"),
        (
            "exercises/hello/wrong/x/rust/main.rs",
            "unknown language folder 'rust'",
        ),
        ("exercises/hello/wrong/x/java/main.java", "named Main.java"),
        (
            "exercises/hello/wrong/main.go",
            "wrong/<mistake>/<language>/<file>",
        ),
    ] {
        assert!(
            errs.iter()
                .any(|e| e.starts_with(&format!("{path}:")) && e.contains(words)),
            "{path}: {errs:?}"
        );
    }
}

fn with_advice(advice: &str) -> BTreeMap<String, Vec<u8>> {
    let mut f = valid_files();
    f.insert(
        "exercises/hello/exercise.toml".into(),
        format!(
            "title = \"Hello\"\ntask = \"Print hello.\"\nhints = [\"one\", \"two\"]\n\n{advice}"
        )
        .into_bytes(),
    );
    f
}

#[test]
fn advice_loads_and_matches_only_its_language() {
    let f = with_advice(
        "[[advice]]\nlanguage = \"python\"\npattern = '\\btime\\.time\\(\\)'\nnote = \"Use time.perf_counter.\"\n",
    );
    let course = load(&CourseFiles::from_map(f)).expect("valid course");
    let ex = course.exercise("hello").expect("exercise");
    let src = "t0 = time.time()";
    let notes: Vec<&str> = ex
        .advice_for(Language::Python, src)
        .map(|a| a.note.as_str())
        .collect();
    assert_eq!(notes, vec!["Use time.perf_counter."]);
    assert_eq!(ex.advice_for(Language::Go, src).count(), 0);
    assert_eq!(
        ex.advice_for(Language::Python, "time.perf_counter()")
            .count(),
        0
    );
}

#[test]
fn bad_advice_is_reported_at_its_table_line() {
    for (advice, words) in [
        (
            "[[advice]]\nlanguage = \"rust\"\npattern = 'x'\nnote = \"n\"\n",
            "language 'rust' is unknown",
        ),
        (
            "[[advice]]\nlanguage = \"go\"\npattern = '(unclosed'\nnote = \"n\"\n",
            "not a valid regular expression",
        ),
        (
            "[[advice]]\nlanguage = \"go\"\npattern = 'x'\nnote = \" \"\n",
            "note is empty",
        ),
        // The reference solutions of the test course are the word "solution".
        (
            "[[advice]]\nlanguage = \"java\"\npattern = 'solu'\nnote = \"n\"\n",
            "matches the Java reference solution at its line 1",
        ),
        (
            "[[advice]]\nlanguage = \"go\"\npattern = 'x'\nnote = \"n\"\ncolour = 1\n",
            "colour",
        ),
    ] {
        let errs = errors(with_advice(advice));
        assert!(
            errs.iter()
                // The table's line, or the line of an unknown key inside it.
                .any(|e| (e.starts_with("exercises/hello/exercise.toml:5:")
                    || e.starts_with("exercises/hello/exercise.toml:9:"))
                    && e.contains(words)),
            "{advice}: {errs:?}"
        );
    }
}
