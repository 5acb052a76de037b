//! The machine's failures are not the learner's: a program or a compiler killed from outside,
//! a toolchain that cannot start. Each is `could_not_run`, names its cause, is never cached and
//! never counted as an attempt. Linux: the tests find and kill processes through /proc.
#![cfg(target_os = "linux")]
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{exercise, have};
use microlings::course::Language;
use microlings::run::toolchain::Program;
use microlings::run::{CheckOptions, Outcome, Runner, RunnerDirs, Toolchains, Verdict};

fn cached() -> CheckOptions {
    CheckOptions {
        use_cache: true,
        ..CheckOptions::default()
    }
}

/// A program that writes its pid to `pid_file` and sleeps, or, when the file is already
/// there (the second check), prints `ok` at once.
fn sleeper(lang: Language, pid_file: &Path) -> String {
    let f = pid_file.display();
    match lang {
        Language::Python => format!(
            "import os, time\nif os.path.exists('{f}'):\n    print('ok')\nelse:\n    open('{f}.tmp', 'w').write(str(os.getpid()))\n    os.rename('{f}.tmp', '{f}')\n    time.sleep(60)\n"
        ),
        Language::Go => format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"strconv\"\n\t\"time\"\n)\n\nfunc main() {{\n\tif _, err := os.Stat(\"{f}\"); err == nil {{\n\t\tfmt.Println(\"ok\")\n\t\treturn\n\t}}\n\tos.WriteFile(\"{f}.tmp\", []byte(strconv.Itoa(os.Getpid())), 0o644)\n\tos.Rename(\"{f}.tmp\", \"{f}\")\n\ttime.Sleep(60 * time.Second)\n}}\n"
        ),
        Language::Java => format!(
            "import java.nio.file.*;\n\npublic class Main {{\n    public static void main(String[] args) throws Exception {{\n        Path f = Path.of(\"{f}\");\n        if (Files.exists(f)) {{ System.out.println(\"ok\"); return; }}\n        Path tmp = Path.of(\"{f}.tmp\");\n        Files.writeString(tmp, Long.toString(ProcessHandle.current().pid()));\n        Files.move(tmp, f);\n        Thread.sleep(60_000);\n    }}\n}}\n"
        ),
        Language::CSharp => format!(
            "if (File.Exists(\"{f}\")) {{ Console.WriteLine(\"ok\"); return; }}\nFile.WriteAllText(\"{f}.tmp\", Environment.ProcessId.ToString());\nFile.Move(\"{f}.tmp\", \"{f}\");\nThread.Sleep(60_000);\n"
        ),
    }
}

fn sigkill(pid: i32) {
    // SAFETY: kill has no memory-safety preconditions.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0, "kill {pid}");
}

fn assert_machine_failure(o: &Outcome, cause: &str) {
    assert_eq!(o.verdict, Verdict::CouldNotRun, "{o:#?}");
    assert!(!o.verdict.is_attempt());
    assert!(
        o.message.contains(cause) && o.message.contains("not your program's fault"),
        "{}",
        o.message
    );
}

#[test]
fn a_program_killed_from_outside_is_not_the_learners_fault_nor_cached() {
    for lang in Language::ALL {
        if !have(lang) {
            continue;
        }
        let (runner, dir) = common::runner();
        let pid_file = dir.path().join(format!("pid-{}", lang.id()));
        let ex = exercise("killed-outside", 90, &[("default", None, "ok\n")]);
        let source = sleeper(lang, &pid_file);
        let outcome = std::thread::scope(|s| {
            let check = s.spawn(|| runner.check(&ex, lang, &source, &cached()));
            let until = Instant::now() + Duration::from_secs(60);
            let pid = loop {
                if let Some(pid) = std::fs::read_to_string(&pid_file)
                    .ok()
                    .and_then(|t| t.trim().parse::<i32>().ok())
                {
                    break pid;
                }
                assert!(
                    Instant::now() < until,
                    "{lang:?}: the program never started"
                );
                std::thread::sleep(Duration::from_millis(10));
            };
            // Under a PID namespace the program wrote its pid in there: find it out here, by
            // its working directory and command line (not the containment's helper or init).
            let scratch = dir.path().join("tmp");
            let marker = match lang {
                Language::Python => "main.py",
                Language::Go => "prog",
                Language::Java => "Main",
                Language::CSharp => ".dll",
            };
            let pid = find_process(&scratch, marker).unwrap_or_else(|| {
                panic!("{lang:?}: no process of the program (pid {pid} inside)")
            });
            sigkill(pid);
            check.join().expect("the check")
        });
        assert_machine_failure(
            &outcome,
            "killed by signal 9 (SIGKILL) from outside the program",
        );
        // Not cached: the same file is really run again (and now prints ok).
        let again = runner.check(&ex, lang, &source, &cached());
        assert_eq!(again.verdict, Verdict::Passed, "{lang:?}: {again:#?}");
        assert!(!again.cached);
    }
}

/// The pid of a process whose working directory is under `root` and whose command line
/// holds `marker` (not the containment helper, whose command line holds the program's).
fn find_process(root: &Path, marker: &str) -> Option<i32> {
    common::processes_with(marker)
        .into_iter()
        .find(|p| {
            p.cwd.as_deref().is_some_and(|c| c.starts_with(root))
                && !p.cmdline.contains("__microlings-contain")
        })
        .and_then(|p| i32::try_from(p.pid).ok())
}

#[test]
fn a_compiler_killed_mid_build_is_not_the_learners_fault() {
    // Python has no build step.
    for (lang, marker) in [
        (Language::Java, "Main.java"),
        (Language::Go, "build"),
        (Language::CSharp, "csc"),
    ] {
        if !have(lang) {
            continue;
        }
        let (runner, dir) = common::runner();
        let scratch = dir.path().join("tmp");
        let ex = exercise("killed-build", 30, &[("default", None, "ok\n")]);
        // A fresh source each time, so the build really runs.
        let source = format!(
            "{}{}",
            sleeper(lang, &dir.path().join("pid")),
            match lang {
                Language::Go => format!("\n// {:?}\n", Instant::now()),
                _ => format!("\n// {:?}\n", Instant::now()),
            }
        );
        let (outcome, killed) = std::thread::scope(|s| {
            let check = s.spawn(|| runner.check(&ex, lang, &source, &cached()));
            let until = Instant::now() + Duration::from_secs(30);
            let mut killed = false;
            while !check.is_finished() && Instant::now() < until {
                if let Some(pid) = find_process(&scratch, marker) {
                    sigkill(pid);
                    killed = true;
                    break;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            (check.join().expect("the check"), killed)
        });
        if !killed {
            // The build finished between two looks at /proc: nothing was tested.
            eprintln!("SKIPPED for {lang:?}: the build ended before it could be killed");
            continue;
        }
        assert_machine_failure(&outcome, "killed by signal 9 (SIGKILL) from outside");
        assert!(
            outcome.message.contains("the compiler"),
            "{}",
            outcome.message
        );
    }
}

/// A toolchain whose `program` runs under an address-space limit of `kib`: a wrapper script
/// in `dir` that sets the limit and runs the real program.
fn limited(lang: Language, program: Program, kib: u64, dir: &Path) -> Runner {
    let mut toolchain = common::toolchains().get(lang).expect("installed").clone();
    let real = toolchain.programs[program.index()].clone();
    let wrapper: PathBuf = dir.join(real.file_name().expect("a name"));
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nulimit -v {kib}\nexec '{}' \"$@\"\n",
            real.display()
        ),
    )
    .expect("write");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    toolchain.programs[program.index()] = wrapper;
    let found = BTreeMap::from([(lang, Ok(toolchain))]);
    Runner::new(
        Toolchains::from_results(found),
        RunnerDirs {
            scratch: dir.join("tmp"),
            cache: common::shared_cache(),
        },
    )
}

#[test]
fn a_toolchain_that_cannot_start_for_lack_of_memory_is_named_and_not_cached() {
    // javac as in the report ("Could not allocate compressed class space"); the others'
    // compilers or runtimes under a limit they cannot start in.
    for (lang, program, kib, cause) in [
        (
            Language::Java,
            Program::Javac,
            400_000,
            "the compiler could not start: out of memory",
        ),
        (
            Language::Go,
            Program::Go,
            20_000,
            "the compiler could not start: out of memory",
        ),
        (
            Language::CSharp,
            Program::Dotnet,
            300_000,
            "could not start: out of memory",
        ),
        (
            Language::Python,
            Program::Python,
            6_000,
            "the program's runtime could not start: out of memory",
        ),
    ] {
        if !have(lang) {
            continue;
        }
        let dir = tempfile::tempdir().expect("tempdir");
        let runner = limited(lang, program, kib, dir.path());
        let ex = exercise("no-memory", 30, &[("default", None, "ok\n")]);
        let source = sleeper(lang, &dir.path().join("pid"));
        let o = runner.check(&ex, lang, &source, &cached());
        eprintln!("{lang:?}: {}", o.message);
        assert_machine_failure(&o, cause);
        let again = runner.check(&ex, lang, &source, &cached());
        assert!(
            !again.cached,
            "{lang:?}: a failure of the machine was cached"
        );
    }
}
