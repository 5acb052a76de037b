use std::collections::BTreeMap;

use super::*;

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
        errs.iter().any(|e| e.contains("unknown kind 'gui'")),
        "{errs:?}"
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
