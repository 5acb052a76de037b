//! The learner's workspace is a project in every language: with every reference solution in
//! a workspace of the whole course, each ecosystem's own tools build it by hand (go.work,
//! the solution file offline, javac, py_compile) with no error and no warning, a folder runs
//! with `go run .`, `dotnet run`, `java Main.java` and `python3 main.py`, and a starter that
//! does not compile fails by hand with the check's error. Needs the toolchains: a missing one
//! skips its test with a reason, or fails it when MICROLINGS_REQUIRE_TOOLCHAINS=1.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use common::{have, required, toolchains};
use microlings::course::{Course, Exercise, ExerciseKind, Language, load_course};
use microlings::run::{CheckOptions, Verdict};
use microlings::workspace::{ProjectSettings, Workspace};

fn course() -> Course {
    load_course(None).expect("the embedded course loads")
}

/// A workspace of the whole course (generated files included) holding every solution in
/// `lang`, in a directory kept alive by the returned guard.
fn solutions_workspace(course: &Course, lang: Language) -> (Workspace, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::new(dir.path().join("workspace"))
        .with_settings(ProjectSettings::for_toolchains(toolchains()));
    let notices = ws
        .ensure_course(course.exercises_in_order().map(|(_, e)| e))
        .expect("the workspace is made");
    assert!(notices.is_empty(), "{notices:?}");
    for (_, ex) in course.exercises_in_order() {
        std::fs::write(ws.path(&ex.slug, lang), ex.solution(lang)).expect("solution written");
    }
    (ws, dir)
}

fn program(lang: Language, name: microlings::run::toolchain::Program) -> PathBuf {
    toolchains()
        .get(lang)
        .expect("checked by have()")
        .program(name)
        .to_path_buf()
}

/// Runs `command` in `dir` with `stdin`, printing how long it took.
fn run(mut command: Command, dir: &Path, stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let args: Vec<_> = command.get_args().take(2).collect();
    let shown = format!(
        "{} {args:?} in {}",
        command.get_program().display(),
        dir.display()
    );
    command
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {shown}: {e}"));
    if let Some(mut pipe) = child.stdin.take() {
        let _ = pipe.write_all(stdin.unwrap_or_default());
    }
    let output = child.wait_with_output().expect("wait");
    eprintln!("{:.1} s: {shown}", started.elapsed().as_secs_f64());
    output
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Asserts that a build succeeded and printed nothing at all (no warning either).
fn assert_silent_success(output: &Output, what: &str) {
    assert!(
        output.status.success() && text(output).trim().is_empty(),
        "{what}: {}\n{}",
        output.status,
        text(output)
    );
}

/// The exercise a folder is run by hand in: the first that reads stdin, with its first case.
fn runnable(course: &Course) -> (&Exercise, &microlings::course::Case) {
    course
        .exercises_in_order()
        .map(|(_, e)| e)
        .filter(|e| e.kind == ExerciseKind::Output)
        .find_map(|e| e.cases.iter().find(|c| c.input.is_some()).map(|c| (e, c)))
        .expect("an exercise that reads stdin")
}

fn assert_same_output(output: &Output, expected: &str, what: &str) {
    let lines = |s: &str| -> Vec<String> {
        s.trim_end()
            .lines()
            .map(|l| l.trim_end().to_string())
            .collect()
    };
    assert!(output.status.success(), "{what}: {}", text(output));
    assert_eq!(
        lines(&String::from_utf8_lossy(&output.stdout)),
        lines(expected),
        "{what}"
    );
}

fn go_command(go: &Path, home: &Path) -> Command {
    let mut command = Command::new(go);
    let cache = toolchains()
        .get(Language::Go)
        .ok()
        .and_then(|t| t.go_cache.clone())
        .unwrap_or_else(|| common::shared_cache().join("go-build"));
    command
        .env("GOCACHE", cache)
        .env("GOPATH", home.join("gopath"))
        .env("GOTOOLCHAIN", "local")
        .env("GOPROXY", "off")
        .env_remove("GOFLAGS")
        .env_remove("GOWORK");
    command
}

#[test]
fn go_vet_build_and_gopls_pass_every_solution_through_go_work() {
    if !have(Language::Go) {
        return;
    }
    use microlings::run::toolchain::Program;
    let course = course();
    let (ws, tmp) = solutions_workspace(&course, Language::Go);
    let go = program(Language::Go, Program::Go);
    let root = ws.root();
    let modules: Vec<String> = course
        .exercises_in_order()
        .map(|(_, e)| microlings::workspace::projects::go_module(&e.slug))
        .collect();
    let mut vet = go_command(&go, tmp.path());
    vet.arg("vet").args(&modules);
    assert_silent_success(&run(vet, root, None), "go vet through go.work");
    let mut build = go_command(&go, tmp.path());
    build
        .args(["build", "-o"])
        .arg(tmp.path().join("bin"))
        .args(&modules);
    std::fs::create_dir_all(tmp.path().join("bin")).expect("bin");
    assert_silent_success(&run(build, root, None), "go build through go.work");

    // In a folder, by hand.
    let (ex, case) = runnable(&course);
    let mut go_run = go_command(&go, tmp.path());
    go_run.args(["run", "."]);
    let output = run(
        go_run,
        &ws.dir(&ex.slug, Language::Go),
        case.input.as_deref(),
    );
    assert_same_output(&output, &case.expected, "go run .");

    match microlings::run::toolchain::which("gopls") {
        None => {
            assert!(
                !required(),
                "gopls is missing and MICROLINGS_REQUIRE_TOOLCHAINS=1"
            );
            eprintln!("SKIPPED: gopls is not installed (Debian: apt-get install gopls)");
        }
        Some(gopls) => {
            let files: Vec<PathBuf> = course
                .exercises_in_order()
                .map(|(_, e)| ws.path(&e.slug, Language::Go))
                .collect();
            let mut check = go_command(&gopls, tmp.path());
            check.arg("check").args(&files);
            // gopls exits 0 with diagnostics too: the output is the verdict.
            assert_silent_success(&run(check, root, None), "gopls check");
        }
    }
}

fn dotnet_command(dotnet: &Path, tmp: &Path) -> Command {
    let mut command = Command::new(dotnet);
    command
        .env("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
        .env("DOTNET_NOLOGO", "1")
        .env("DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "1")
        .env("DOTNET_CLI_HOME", tmp.join("dotnet-home"))
        // An empty package folder: the build needs nothing but the SDK's own packs.
        .env("NUGET_PACKAGES", tmp.join("empty-nuget-packages"))
        .env("MSBUILDDISABLENODEREUSE", "1");
    command
}

/// `dotnet build` that leaves no build server behind and reaches no package feed.
fn dotnet_build(dotnet: &Path, tmp: &Path, target: Option<&Path>) -> Command {
    let mut build = dotnet_command(dotnet, tmp);
    build.arg("build");
    if let Some(target) = target {
        build.arg(target);
    }
    build
        .arg("--source")
        .arg(tmp.join("no-package-feed"))
        .args([
            "-nologo",
            "-v",
            "q",
            "-nodeReuse:false",
            "-p:UseSharedCompilation=false",
        ]);
    build
}

#[test]
fn dotnet_builds_the_solution_of_every_solution_offline_without_a_warning() {
    if !have(Language::CSharp) {
        return;
    }
    use microlings::run::toolchain::Program;
    let course = course();
    let (ws, tmp) = solutions_workspace(&course, Language::CSharp);
    let dotnet = program(Language::CSharp, Program::Dotnet);
    let sln = ws.root().join(microlings::workspace::projects::SOLUTION);
    let output = run(
        dotnet_build(&dotnet, tmp.path(), Some(&sln)),
        ws.root(),
        None,
    );
    let said = text(&output);
    assert!(output.status.success(), "dotnet build: {said}");
    assert!(
        said.contains(" 0 Warning(s)") && said.contains(" 0 Error(s)"),
        "dotnet build: {said}"
    );
    assert!(
        !tmp.path().join("empty-nuget-packages").exists()
            || std::fs::read_dir(tmp.path().join("empty-nuget-packages"))
                .expect("read")
                .next()
                .is_none(),
        "the build fetched packages"
    );
    // Every project was built.
    for (_, ex) in course.exercises_in_order() {
        assert!(
            ws.dir(&ex.slug, Language::CSharp).join("bin").is_dir(),
            "{} was not built",
            ex.slug
        );
    }

    let (ex, case) = runnable(&course);
    let mut dotnet_run = dotnet_command(&dotnet, tmp.path());
    dotnet_run.args(["run", "--no-build"]);
    let output = run(
        dotnet_run,
        &ws.dir(&ex.slug, Language::CSharp),
        case.input.as_deref(),
    );
    assert_same_output(&output, &case.expected, "dotnet run");
}

#[test]
fn javac_compiles_every_solution_without_a_warning_and_java_runs_a_folder() {
    if !have(Language::Java) {
        return;
    }
    use microlings::run::toolchain::Program;
    let course = course();
    let (ws, tmp) = solutions_workspace(&course, Language::Java);
    let javac = program(Language::Java, Program::Javac);
    for (_, ex) in course.exercises_in_order() {
        let mut compile = Command::new(&javac);
        // As the check compiles, into a directory outside the workspace.
        compile
            .args(["-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"])
            .args(["-encoding", "UTF-8", "-d"])
            .arg(tmp.path().join("classes").join(&ex.slug))
            .arg("Main.java");
        let output = run(compile, &ws.dir(&ex.slug, Language::Java), None);
        assert_silent_success(&output, &format!("javac {}", ex.slug));
    }
    let (ex, case) = runnable(&course);
    let mut java = Command::new(program(Language::Java, Program::Java));
    java.arg("Main.java");
    let output = run(
        java,
        &ws.dir(&ex.slug, Language::Java),
        case.input.as_deref(),
    );
    assert_same_output(&output, &case.expected, "java Main.java");
}

#[test]
fn python_compiles_every_solution_without_a_warning_and_runs_a_folder() {
    if !have(Language::Python) {
        return;
    }
    use microlings::run::toolchain::Program;
    let course = course();
    let (ws, _tmp) = solutions_workspace(&course, Language::Python);
    let python = program(Language::Python, Program::Python);
    let mut compile = Command::new(&python);
    compile
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .args(["-W", "error", "-m", "py_compile"]);
    compile.args(
        course
            .exercises_in_order()
            .map(|(_, e)| ws.path(&e.slug, Language::Python)),
    );
    assert_silent_success(&run(compile, ws.root(), None), "py_compile");
    let (ex, case) = runnable(&course);
    let mut python_run = Command::new(&python);
    python_run.arg("main.py");
    let output = run(
        python_run,
        &ws.dir(&ex.slug, Language::Python),
        case.input.as_deref(),
    );
    assert_same_output(&output, &case.expected, "python3 main.py");
}

/// The error lines of a compiler's output, without what differs between a build by hand and
/// the check's: Go's package header (`# exercise/<slug>` by hand, `# exercise` in the check),
/// MSBuild's absolute paths and project suffix, and its repeat of every error in the summary.
fn error_lines(lang: Language, said: &str) -> Vec<String> {
    let mut lines: Vec<String> = match lang {
        Language::CSharp => said
            .lines()
            .filter(|l| l.contains(": error CS") || l.contains(": warning CS"))
            .map(|l| {
                let from = l.find("Program.cs").unwrap_or(0);
                let line = &l[from..];
                line.rsplit_once(" [")
                    .map_or(line, |(before, _)| before)
                    .trim()
                    .to_string()
            })
            .collect(),
        _ => said
            .lines()
            .filter(|l| !l.starts_with("# "))
            .map(|l| l.trim_end().to_string())
            .filter(|l| !l.is_empty())
            .collect(),
    };
    if lang == Language::CSharp {
        lines.sort();
        lines.dedup();
    }
    lines
}

#[test]
fn a_starter_that_does_not_compile_fails_by_hand_with_the_checks_error() {
    use microlings::run::toolchain::Program;
    let course = course();
    // Its starter passes a string where an int belongs: a compile error in every compiled
    // language (and a runtime TypeError in Python).
    let ex = course.exercise("typing-orders").expect("typing-orders");
    let (runner, tmp) = common::runner();
    let ws = Workspace::new(tmp.path().join("workspace"))
        .with_settings(ProjectSettings::for_toolchains(toolchains()));
    for lang in [Language::Go, Language::Java, Language::CSharp] {
        if !have(lang) {
            continue;
        }
        let source = ws.read_bytes(ex, lang).expect("starter");
        ws.ensure(ex, lang).expect("project files");
        let outcome = runner.check(
            ex,
            lang,
            &source,
            &CheckOptions {
                use_cache: false,
                ..Default::default()
            },
        );
        assert_eq!(outcome.verdict, Verdict::CompileError, "{outcome:?}");
        let dir = ws.dir(&ex.slug, lang);
        let by_hand = match lang {
            Language::Go => {
                let mut build = go_command(&program(lang, Program::Go), tmp.path());
                build.arg("build");
                run(build, &dir, None)
            }
            Language::Java => {
                let mut javac = Command::new(program(lang, Program::Javac));
                javac
                    .args(["-encoding", "UTF-8", "-d"])
                    .arg(tmp.path().join("classes"))
                    .arg("Main.java");
                run(javac, &dir, None)
            }
            _ => run(
                dotnet_build(&program(lang, Program::Dotnet), tmp.path(), None),
                &dir,
                None,
            ),
        };
        assert!(!by_hand.status.success(), "{lang:?} built by hand");
        let check = error_lines(lang, &outcome.stderr);
        assert!(!check.is_empty(), "{lang:?}: no error in {outcome:?}");
        assert_eq!(error_lines(lang, &text(&by_hand)), check, "{lang:?}");
    }
}
