//! The runner against the real toolchains: every verdict, limits, and clean-up.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

mod common;

use std::time::{Duration, Instant};

use common::{exercise, have, process_running_with, runner};
use microlings::course::Language;
use microlings::run::{CheckOptions, OUTPUT_CAP, Verdict};

fn opts() -> CheckOptions {
    CheckOptions::default()
}

const HELLO: [(Language, &str); 4] = [
    (Language::Python, "print('hello')\n"),
    (
        Language::Go,
        "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hello\") }\n",
    ),
    (
        Language::Java,
        "public class Main { public static void main(String[] a) { System.out.println(\"hello\"); } }\n",
    ),
    (
        Language::CSharp,
        "class P { static void Main() { System.Console.WriteLine(\"hello\"); } }\n",
    ),
];

fn available(sources: &[(Language, &str)]) -> Vec<(Language, String)> {
    sources
        .iter()
        .filter(|(l, _)| have(*l))
        .map(|(l, s)| (*l, s.to_string()))
        .collect()
}

#[test]
fn every_language_passes_and_fails_on_wrong_output() {
    let (runner, _dir) = runner();
    let sources = available(&HELLO);
    let pass = exercise("hello", 10, &[("default", None, "hello\n")]);
    for o in runner.check_many(&pass, &sources, &opts()) {
        assert_eq!(o.verdict, Verdict::Passed, "{o:?}");
        assert_eq!(o.exit_code, Some(0));
    }
    let wrong = exercise("hello", 10, &[("default", None, "hello world\n")]);
    for o in runner.check_many(&wrong, &sources, &opts()) {
        assert_eq!(o.verdict, Verdict::WrongOutput, "{o:?}");
        let diff = o.diff.expect("a diff");
        assert_eq!(diff.first_mismatch, 0);
        assert!(diff.lines.iter().any(|l| l.text == "hello world"));
        assert!(diff.lines.iter().any(|l| l.text == "hello"));
    }
}

#[test]
fn compile_errors_carry_the_compilers_message_with_the_learners_file_name() {
    let (runner, _dir) = runner();
    let broken = available(&[
        (
            Language::Go,
            "package main\n\nfunc main() { var x int = \"2\" }\n",
        ),
        (
            Language::Java,
            "public class Main { public static void main(String[] a) { int x = \"2\"; } }\n",
        ),
        (
            Language::CSharp,
            "class P { static void Main() { int x = \"2\"; } }\n",
        ),
    ]);
    let ex = exercise("broken", 10, &[("default", None, "")]);
    for o in runner.check_many(&ex, &broken, &opts()) {
        assert_eq!(o.verdict, Verdict::CompileError, "{o:?}");
        assert!(
            o.stderr.contains(o.language.file_name()),
            "message names {}: {}",
            o.language.file_name(),
            o.stderr
        );
        assert!(
            !o.stderr.contains("/tmp/"),
            "temp path leaked: {}",
            o.stderr
        );
    }
}

#[test]
fn runtime_errors_report_the_exit_code_and_stderr() {
    let (runner, _dir) = runner();
    let crashing = available(&[
        (
            Language::Python,
            "print('partial')\nraise ValueError('boom')\n",
        ),
        (
            Language::Go,
            "package main\n\nimport \"os\"\n\nfunc main() { os.Stderr.WriteString(\"boom\\n\"); os.Exit(3) }\n",
        ),
    ]);
    let ex = exercise("crash", 10, &[("default", None, "partial\n")]);
    for o in runner.check_many(&ex, &crashing, &opts()) {
        assert_eq!(o.verdict, Verdict::RuntimeError, "{o:?}");
        assert!(o.stderr.contains("boom"), "{o:?}");
        assert_ne!(o.exit_code, Some(0));
    }
}

#[cfg(unix)]
#[test]
fn an_infinite_loop_times_out_on_time_and_leaves_no_process() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let marker = "987.6543";
    let source = format!(
        "import subprocess\nsubprocess.Popen(['sleep', '{marker}'])\nwhile True:\n    pass\n"
    );
    let ex = exercise("loop", 1, &[("default", None, "")]);
    let started = Instant::now();
    let o = runner.check(&ex, Language::Python, &source, &opts());
    let took = started.elapsed();
    assert_eq!(o.verdict, Verdict::TimedOut, "{o:?}");
    assert!(took < Duration::from_secs(2), "took {took:?}");
    assert!(!process_running_with(marker), "the grandchild survived");
}

#[cfg(unix)]
#[test]
fn a_go_infinite_loop_is_killed_too() {
    if !have(Language::Go) {
        return;
    }
    let (runner, _dir) = runner();
    let source = "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n";
    let ex = exercise("goloop", 1, &[("default", None, "")]);
    let o = runner.check(&ex, Language::Go, source, &opts());
    assert_eq!(o.verdict, Verdict::TimedOut, "{o:?}");
}

#[cfg(unix)]
#[test]
fn a_child_that_outlives_the_program_is_killed() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let marker = "876.5432";
    let source = format!(
        "import subprocess\nsubprocess.Popen(['sleep', '{marker}'], stdout=subprocess.DEVNULL)\nprint('done')\n"
    );
    let ex = exercise("orphan", 5, &[("default", None, "done\n")]);
    let started = Instant::now();
    let o = runner.check(&ex, Language::Python, &source, &opts());
    assert_eq!(o.verdict, Verdict::Passed, "{o:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
    assert!(
        !process_running_with(marker),
        "the child outlived the check"
    );
}

#[test]
fn ten_megabytes_of_output_is_stopped_and_memory_stays_small() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let source = "import sys\nline = 'x' * 1023 + '\\n'\nfor _ in range(10 * 1024):\n    sys.stdout.write(line)\n";
    let ex = exercise("flood", 10, &[("default", None, "")]);
    let before = peak_rss_kb();
    let o = runner.check(&ex, Language::Python, source, &opts());
    assert_eq!(o.verdict, Verdict::OutputTooLarge, "{:?}", o.verdict);
    assert!(
        o.stdout.len() <= OUTPUT_CAP,
        "kept {} bytes",
        o.stdout.len()
    );
    if let (Some(before), Some(after)) = (before, peak_rss_kb()) {
        assert!(
            after - before < 20 * 1024,
            "peak RSS grew by {} KiB",
            after - before
        );
    }
}

fn peak_rss_kb() -> Option<i64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_program_reading_stdin_gets_end_of_file_or_the_cases_input() {
    let (runner, _dir) = runner();
    let readers = available(&[
        (
            Language::Python,
            "import sys\ndata = sys.stdin.read()\nprint(len(data.split()))\n",
        ),
        (
            Language::Go,
            "package main\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\t\"os\"\n\t\"strings\"\n)\n\nfunc main() {\n\tb, _ := io.ReadAll(os.Stdin)\n\tfmt.Println(len(strings.Fields(string(b))))\n}\n",
        ),
    ]);
    let no_input = exercise("stdin", 5, &[("default", None, "0\n")]);
    for o in runner.check_many(&no_input, &readers, &opts()) {
        assert_eq!(o.verdict, Verdict::Passed, "{o:?}");
    }
    let with_input = exercise(
        "stdin",
        5,
        &[("one", Some("a b c\n"), "3\n"), ("two", Some("x\n"), "1\n")],
    );
    for o in runner.check_many(&with_input, &readers, &opts()) {
        assert_eq!(o.verdict, Verdict::Passed, "{o:?}");
    }
    let wrong_second = exercise(
        "stdin",
        5,
        &[("one", Some("a b c\n"), "3\n"), ("two", Some("x\n"), "2\n")],
    );
    for o in runner.check_many(&wrong_second, &readers, &opts()) {
        assert_eq!(o.verdict, Verdict::WrongOutput, "{o:?}");
        assert_eq!(o.case.as_deref(), Some("two"));
    }
}

#[test]
fn non_utf8_output_is_shown_lossily() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let source = "import sys\nsys.stdout.buffer.write(b'caf\\xe9\\n')\n";
    let ex = exercise("bytes", 5, &[("default", None, "café\n")]);
    let o = runner.check(&ex, Language::Python, source, &opts());
    assert_eq!(o.verdict, Verdict::WrongOutput);
    assert!(o.stdout.contains("caf\u{FFFD}"), "{:?}", o.stdout);
}

#[test]
fn an_unchanged_file_is_answered_from_the_cache_and_run_dirs_are_removed() {
    if !have(Language::Go) {
        return;
    }
    let (runner, dir) = runner();
    let ex = exercise("cached", 5, &[("default", None, "hello\n")]);
    let opts = CheckOptions {
        use_cache: true,
        ..CheckOptions::default()
    };
    // A unique comment makes the first check a miss even with the shared cache.
    let source = format!("// {:?}\n{}", Instant::now(), HELLO[1].1);
    assert!(
        runner
            .recall(&ex, Language::Go, source.as_bytes())
            .is_none(),
        "never checked, nothing to recall"
    );
    let first = runner.check(&ex, Language::Go, &source, &opts);
    assert_eq!(first.verdict, Verdict::Passed);
    assert!(!first.cached);
    // What a reopened exercise shows: the last check, without running anything.
    let recalled = runner
        .recall(&ex, Language::Go, source.as_bytes())
        .expect("the check was cached");
    assert_eq!(
        (recalled.verdict, recalled.duration_ms),
        (first.verdict, first.duration_ms)
    );
    assert!(
        runner
            .recall(&ex, Language::Go, format!("{source}\n").as_bytes())
            .is_none(),
        "a changed file has no last check"
    );
    let started = Instant::now();
    let second = runner.check(&ex, Language::Go, &source, &opts);
    assert!(second.cached, "second check was not cached");
    assert_eq!(second.verdict, Verdict::Passed);
    assert!(
        started.elapsed() < Duration::from_millis(20),
        "{:?}",
        started.elapsed()
    );
    let edited = format!("{source}// edited\n");
    assert!(!runner.check(&ex, Language::Go, &edited, &opts).cached);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("tmp"))
        .expect("scratch dir")
        .collect();
    assert!(leftovers.is_empty(), "run dirs left behind: {leftovers:?}");
}

#[test]
fn a_missing_toolchain_is_a_verdict_with_an_install_hint() {
    use microlings::run::{Missing, Runner, RunnerDirs, Toolchains};
    use std::collections::BTreeMap;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut found = BTreeMap::new();
    found.insert(
        Language::Java,
        Err(Missing {
            language: Language::Java,
            reason: "javac is not on PATH".into(),
        }),
    );
    let runner = Runner::new(
        Toolchains::from_results(found),
        RunnerDirs {
            scratch: dir.path().join("tmp"),
            cache: dir.path().join("cache"),
        },
    );
    let ex = exercise("x", 5, &[("default", None, "")]);
    let o = runner.check(&ex, Language::Java, "class Main {}", &opts());
    assert_eq!(o.verdict, Verdict::ToolchainMissing);
    assert!(o.message.contains("javac is not on PATH"));
    assert!(o.message.contains("install") || o.message.contains("Install"));
}

#[test]
fn every_case_with_the_wrong_output_is_reported_with_its_input() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    // Doubles its input, except that it adds one to odd numbers: wrong on "3" and "5" only.
    let source = "n = int(input())\nprint(n * 2 + (n % 2))\n";
    let ex = exercise(
        "double",
        10,
        &[
            ("two", Some("2\n"), "4\n"),
            ("three", Some("3\n"), "6\n"),
            ("four", Some("4\n"), "8\n"),
            ("five", Some("5\n"), "10\n"),
        ],
    );
    let o = runner.check(
        &ex,
        Language::Python,
        source,
        &CheckOptions {
            use_cache: false,
            ..opts()
        },
    );
    assert_eq!(o.verdict, Verdict::WrongOutput, "{o:#?}");
    assert_eq!(o.case.as_deref(), Some("three"));
    assert_eq!(o.more_failures.len(), 1, "{o:#?}");
    let more = &o.more_failures[0];
    assert_eq!(more.case, "five");
    assert_eq!(more.input.as_deref(), Some("5\n"));
    assert!(more.diff.lines.iter().any(|l| l.text == "11"), "{more:?}");
    assert!(o.message.contains("1 more case too"), "{}", o.message);

    // A crash after a wrong output ends the run: the first failure is reported alone.
    let crashes_on_four = "n = int(input())\nassert n != 4\nprint(n * 2 + (n % 2))\n";
    let o = runner.check(
        &ex,
        Language::Python,
        crashes_on_four,
        &CheckOptions {
            use_cache: false,
            ..opts()
        },
    );
    assert_eq!(o.verdict, Verdict::WrongOutput, "{o:#?}");
    assert_eq!(o.case.as_deref(), Some("three"));
    assert!(o.more_failures.is_empty(), "{o:#?}");
}
