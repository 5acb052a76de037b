//! What the learner sees of a program's output: judged on stdout alone, stderr shown where it
//! explains, nothing that drives the terminal, and the source reaching the toolchain as is.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{exercise, have, runner};
use microlings::course::Language;
use microlings::run::{CheckOptions, OUTPUT_CAP, Verdict};

fn opts() -> CheckOptions {
    CheckOptions::default()
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

fn ml(data: &Path, course: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(course)
        .args(args)
        .env("NO_COLOR", "1")
        .env("GOCACHE", common::shared_cache().join("go-build"))
        .output()
        .expect("run microlings")
}

fn learner_file(data: &Path, lang: &str) -> PathBuf {
    let out = ml(data, &fixture(), &["path", "fixture-sum", "--lang", lang]);
    PathBuf::from(String::from_utf8_lossy(&out.stdout).trim())
}

/// Escape sequences a hostile program prints: a window title (OSC 0), a clipboard write
/// (OSC 52), clear screen and the alternate screen.
const ESCAPES: &str = "\\x1b]0;pwned\\x07\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J\\x1b[?1049h";

fn assert_no_raw_controls(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    assert!(
        !bytes.contains(&0x1b) && !bytes.contains(&0x07),
        "{what} sent control characters to the terminal: {text:?}"
    );
    assert!(
        text.contains('␛'),
        "{what} did not show the escape: {text:?}"
    );
}

#[test]
fn escape_sequences_a_program_prints_are_shown_not_sent() {
    if !have(Language::Python) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let file = learner_file(data.path(), "python");
    // Wrong output with escapes on stdout, then a crash with escapes on stderr.
    for source in [
        format!("print('{ESCAPES}')\n"),
        format!("import sys\nprint('{ESCAPES}')\nsys.stderr.write('{ESCAPES}\\n')\nsys.exit(1)\n"),
        format!("import sys\nsys.stderr.write('{ESCAPES}\\n')\n"),
    ] {
        std::fs::write(&file, source).expect("write");
        let out = ml(
            data.path(),
            &fixture(),
            &["check", "fixture-sum", "--lang", "python", "--no-cache"],
        );
        assert_no_raw_controls("check", &out.stdout);
        assert!(!out.stderr.contains(&0x1b));
    }
}

#[test]
fn escape_sequences_in_a_compile_error_are_shown_not_sent() {
    if !have(Language::Java) {
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let file = learner_file(data.path(), "java");
    // javac quotes the offending line as it is, raw escape characters included.
    std::fs::write(
        &file,
        "public class Main {\n    public static void main(String[] a) {\n        int x = \"\u{1b}]0;pwned\u{7}\u{1b}[2J\";\n    }\n}\n",
    )
    .expect("write");
    let out = ml(
        data.path(),
        &fixture(),
        &["check", "fixture-sum", "--lang", "java"],
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("compile error"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_no_raw_controls("a compile error", &out.stdout);
}

#[test]
fn escape_sequences_in_a_hint_are_shown_not_sent() {
    let course = tempfile::tempdir().expect("tempdir");
    copy_dir(&fixture(), course.path());
    let toml = course.path().join("exercises/fixture-sum/exercise.toml");
    let text = std::fs::read_to_string(&toml).expect("read");
    std::fs::write(
        &toml,
        text.replace(
            "hints = [\"Read both numbers.\"",
            "hints = [\"Read \\u001b]52;c;cHduZWQ=\\u0007both\\u001b[2J numbers.\"",
        ),
    )
    .expect("write");
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), course.path(), &["hint", "fixture-sum"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_no_raw_controls("hint", &out.stdout);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir").flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy");
        }
    }
}

#[test]
fn a_program_that_prints_only_on_stderr_is_told_what_it_printed() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let ex = exercise("stderr-only", 5, &[("default", None, "3\n")]);
    let o = runner.check(
        &ex,
        Language::Python,
        "import sys\nsys.stderr.write('the sum is 3\\n')\n",
        &opts(),
    );
    assert_eq!(o.verdict, Verdict::WrongOutput, "{o:#?}");
    assert!(
        o.message.contains("only on stderr") && o.message.contains("the sum is 3"),
        "{}",
        o.message
    );
    let o = runner.check(&ex, Language::Python, "import sys\nsys.exit(1)\n", &opts());
    assert_eq!(o.verdict, Verdict::RuntimeError, "{o:#?}");
    assert!(
        o.message.contains("without printing anything") && !o.message.contains("stderr says why"),
        "{}",
        o.message
    );
    let o = runner.check(
        &ex,
        Language::Python,
        "raise ValueError('not a number: x')\n",
        &opts(),
    );
    assert!(
        o.message.contains("ValueError: not a number: x"),
        "{}",
        o.message
    );
}

#[test]
fn a_flood_on_stderr_does_not_spoil_a_correct_stdout() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let ex = exercise("stderr-flood", 10, &[("default", None, "3\n")]);
    let source = "import sys\nfor i in range(50000):\n    sys.stderr.write('debug line %d ........................................................................\\n' % i)\nsys.stderr.write('the last line\\n')\nprint(3)\n";
    let o = runner.check(&ex, Language::Python, source, &opts());
    assert_eq!(o.verdict, Verdict::Passed, "{:?} {}", o.verdict, o.message);
    assert!(
        o.stderr.len() <= OUTPUT_CAP + 100,
        "kept {} bytes",
        o.stderr.len()
    );
    assert!(
        o.stderr.trim_end().ends_with("the last line"),
        "the end was not kept"
    );
    assert!(
        o.stderr.starts_with("debug line 0 "),
        "the start was not kept"
    );
}

#[test]
fn a_source_that_is_not_utf8_reaches_the_toolchain_byte_for_byte() {
    let (runner, _dir) = runner();
    let ex = exercise("latin1", 5, &[("default", None, "café\n")]);
    if have(Language::Python) {
        // "café" saved as Latin-1: Python refuses the file itself.
        let source = b"print('caf\xe9')\n".to_vec();
        let o = runner.check(&ex, Language::Python, &source, &opts());
        assert_eq!(o.verdict, Verdict::RuntimeError, "{o:#?}");
        assert!(
            o.stderr.contains("Non-UTF-8") && o.stderr.contains("xe9"),
            "not Python's own error: {}",
            o.stderr
        );
        assert!(!o.stdout.contains('\u{FFFD}'), "{}", o.stdout);
    }
    if have(Language::Go) {
        let source =
            b"package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"caf\xe9\") }\n"
                .to_vec();
        let o = runner.check(&ex, Language::Go, &source, &opts());
        assert_eq!(o.verdict, Verdict::CompileError, "{o:#?}");
        assert!(
            o.stderr.contains("UTF-8"),
            "not Go's own error: {}",
            o.stderr
        );
    }
}

/// The CLI check of a Python program printing `body` (a Python expression), with its time.
fn check_printing(body: &str) -> (Output, std::time::Duration) {
    let data = tempfile::tempdir().expect("tempdir");
    let file = learner_file(data.path(), "python");
    std::fs::write(&file, format!("import sys\nsys.stdout.write({body})\n")).expect("write");
    let started = std::time::Instant::now();
    let out = ml(
        data.path(),
        &fixture(),
        &["check", "fixture-sum", "--lang", "python", "--no-cache"],
    );
    (out, started.elapsed())
}

// Judging does not depend on the language that printed: one language shows it.
#[test]
fn a_megabyte_on_one_line_is_judged_quickly_and_the_cli_says_where_it_differs() {
    if !have(Language::Python) {
        return;
    }
    // Before: the character diff of this line never finished.
    let (out, took) = check_printing("'5' + 'x' * 999_999 + '\\n'");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(took < std::time::Duration::from_secs(30), "{took:?}");
    assert!(
        stdout.contains("first differ at line 1, character 2")
            && stdout.contains("too long to diff in full"),
        "{stdout}"
    );
    assert!(stdout.len() < 64 * 1024, "printed {} bytes", stdout.len());
}

#[test]
fn half_a_million_identical_lines_are_judged_quickly() {
    if !have(Language::Python) {
        return;
    }
    // Before: 504 s at 100% CPU.
    let (out, took) = check_printing("'5\\n' * 500_000");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(took < std::time::Duration::from_secs(30), "{took:?}");
    assert!(stdout.contains("more lines"), "{stdout}");
    assert!(stdout.len() < 64 * 1024, "printed {} bytes", stdout.len());
    eprintln!("half a million lines judged in {took:?}");
}

#[test]
fn a_lone_carriage_return_is_shown_and_not_obeyed() {
    if !have(Language::Python) {
        return;
    }
    // A terminal obeying the \r would print "5" over "XY": the diff would look right.
    let (out, _) = check_printing("'XY\\r5\\n'");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.stdout.contains(&b'\r'), "{stdout:?}");
    assert!(stdout.contains("+ XY␍5"), "{stdout}");
}
