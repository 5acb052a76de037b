//! The embedded course: it loads, and every starter fails and every solution passes in every
//! available language (all four in CI, where MICROLINGS_REQUIRE_TOOLCHAINS=1).
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

use std::process::Command;

#[test]
fn dev_check_passes_on_the_embedded_course() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data.path())
        .args(["--no-color", "dev", "check", "--no-cache"])
        // Share Go's build cache with the other tests; results are not cached (--no-cache).
        .env(
            "GOCACHE",
            std::env::temp_dir().join("microlings-test-cache/go-build"),
        )
        .output()
        .expect("run microlings dev check");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{text}");
    assert!(out.status.success(), "dev check failed:\n{text}");
    assert!(
        text.contains("every starter fails and every solution passes"),
        "{text}"
    );
}

/// Every advice note can be seen: its pattern matches the starter or a known-wrong answer of
/// its language (the loader already proves it never matches the reference solution).
#[test]
fn every_advice_pattern_fires_on_a_starter_or_a_wrong_answer() {
    let course = microlings::course::load_course(None).expect("the embedded course loads");
    let mut unreached = Vec::new();
    let mut count = 0;
    for ex in course.exercises.values() {
        for advice in &ex.advice {
            count += 1;
            let starter = advice.matches(ex.starter(advice.language));
            let wrong = ex
                .wrong
                .iter()
                .any(|w| w.language == advice.language && advice.matches(&w.source));
            if !starter && !wrong {
                unreached.push(format!(
                    "{} {}: {}",
                    ex.slug, advice.language, advice.pattern
                ));
            }
        }
    }
    assert!(count > 0, "the course has no advice at all");
    assert!(
        unreached.is_empty(),
        "advice that nothing triggers: {unreached:#?}"
    );
}

/// The wrong answers the issue lists are in the course: each class of mistake has a program.
#[test]
fn the_listed_mistakes_have_wrong_answers() {
    let course = microlings::course::load_course(None).expect("the embedded course loads");
    for (slug, mistakes) in [
        (
            "security-jwt-hs256",
            &[
                "empty-signature-skipped",
                "prefix-compare",
                "reserialised-header",
                "lenient-base64",
                "split-limit",
                "alg-ignore-case",
            ][..],
        ),
        (
            "security-webhook-signature",
            &["prefix-match", "text-round-trip", "uppercase-hex"][..],
        ),
        ("concurrency-fanout", &["sequential"][..]),
        (
            "concurrency-cpu-split",
            &["lock-per-call", "split-atomic", "split-lock", "volatile"][..],
        ),
        ("bench-overhead", &["wall-clock"][..]),
        ("decide-normalize", &["bankers-rounding"][..]),
        ("typing-orders", &["hard-coded"][..]),
    ] {
        let ex = course.exercise(slug).expect("exercise");
        for m in mistakes {
            assert!(
                ex.wrong.iter().any(|w| w.mistake == *m),
                "{slug} has no wrong/{m}/"
            );
        }
    }
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn python_available() -> bool {
    let found = Command::new("python3").arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var("MICROLINGS_REQUIRE_TOOLCHAINS").is_err(),
            "python3 is required"
        );
        eprintln!("skipped: python3 is not installed");
    }
    found
}

/// Whether microlings found no Python toolchain (on a very busy machine its probe can time
/// out): the test is skipped with the reason, or fails when toolchains are required.
fn skipped_for_toolchain(text: &str) -> bool {
    let missing = text.contains("Python not checked") || text.contains("toolchain missing");
    if missing {
        assert!(
            std::env::var("MICROLINGS_REQUIRE_TOOLCHAINS").is_err(),
            "Python is required: {text}"
        );
        eprintln!("skipped: microlings did not find Python here: {text}");
    }
    missing
}

/// The fixture course with two wrong Python answers (one that the check catches, one that it
/// does not) and an advice pattern that the starter matches.
fn course_with_wrong_answers() -> tempfile::TempDir {
    let course = tempfile::tempdir().expect("tempdir");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
    copy_dir(&fixture, course.path());
    let ex = course.path().join("exercises/fixture-sum");
    for (mistake, source) in [
        (
            "product",
            "a, b = map(int, input().split())\nprint(a * b)\n",
        ),
        // The same program as the solution: a "mistake" the check cannot see.
        (
            "not-a-mistake",
            "a, b = map(int, input().split())\nprint(b + a)\n",
        ),
    ] {
        let dir = ex.join(format!("wrong/{mistake}/python"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("main.py"), source).expect("write");
    }
    let toml = ex.join("exercise.toml");
    let text = std::fs::read_to_string(&toml).expect("read");
    std::fs::write(
        &toml,
        format!(
            "{text}\n[[advice]]\nlanguage = \"python\"\npattern = 'a - b'\nnote = \"Subtracting is the opposite of a sum.\"\n"
        ),
    )
    .expect("write");
    course
}

#[test]
fn dev_check_fails_when_a_wrong_answer_passes_and_names_it() {
    if !python_available() {
        return;
    }
    let course = course_with_wrong_answers();
    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("--course")
        .arg(course.path())
        .args([
            "--no-color",
            "dev",
            "check",
            "--lang",
            "python",
            "--no-cache",
        ])
        .output()
        .expect("run microlings dev check");
    let text = String::from_utf8_lossy(&out.stdout);
    if skipped_for_toolchain(&text) {
        return;
    }
    assert!(!out.status.success(), "{text}");
    assert!(
        text.contains("fixture-sum Python: the wrong answer 'not-a-mistake' PASSES"),
        "{text}"
    );
    assert!(!text.contains("'product' PASSES"), "{text}");
    assert!(
        text.contains("1 starter/solution pairs and 2 wrong answers checked"),
        "{text}"
    );
    assert!(
        text.contains("wrong answers fail by: 1 passed, 1 wrong output"),
        "{text}"
    );
}

#[test]
fn check_shows_the_advice_that_matches_the_learners_file_and_keeps_the_verdict() {
    if !python_available() {
        return;
    }
    let course = course_with_wrong_answers();
    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("--course")
        .arg(course.path())
        .args(["--no-color", "check", "fixture-sum", "--lang", "python"])
        .output()
        .expect("run microlings check");
    let text = String::from_utf8_lossy(&out.stdout);
    if skipped_for_toolchain(&text) {
        return;
    }
    assert!(!out.status.success(), "the starter still fails: {text}");
    assert!(text.contains("wrong output"), "{text}");
    assert!(
        text.contains("advice: Subtracting is the opposite of a sum."),
        "{text}"
    );
}
