//! The embedded course: it loads, and every starter fails and every solution passes in every
//! available language (all four in CI, where MICROLINGS_REQUIRE_TOOLCHAINS=1).

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
