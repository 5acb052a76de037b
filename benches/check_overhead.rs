//! How much `microlings check` adds to the toolchain's own time, how fast an unchanged file is
//! answered from the cache, and whether four languages in parallel take about as long as the
//! slowest one; and for C#, how the ways of compiling compare and whether a C# check meets its
//! budgets. Run with `cargo bench --bench check_overhead`.
//!
//! "By hand" runs the same commands the runner runs (build, then run with the case's stdin),
//! so the difference is microlings' own cost: starting, loading the course, copying the file,
//! supervising the process, comparing, recording progress.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use microlings::course::Language;
use microlings::run::plan::BuildStep;
use microlings::run::plan::{self, CacheDirs, Purpose};
use microlings::run::process::CancelToken;
use microlings::run::process::ProcessSpec;
use microlings::run::server::{self, Via};
use microlings::run::toolchain::{Program, Toolchain};
use microlings::run::{CheckOptions, Runner, RunnerDirs, Toolchains};

const RUNS: usize = 11;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

fn ml(data: &Path, args: &[&str]) -> Duration {
    ml_env(data, args, &[])
}

/// [`ml`] with extra environment variables.
fn ml_env(data: &Path, args: &[&str], env: &[(&str, &str)]) -> Duration {
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_microlings"))
        .envs(env.iter().copied())
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(fixture())
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run microlings");
    let took = started.elapsed();
    assert!(status.code().is_some(), "microlings crashed");
    took
}

/// Builds and runs the fixture solution with the toolchain directly, as the runner would.
fn by_hand(t: &Toolchains, lang: Language, work: &Path) -> Duration {
    let tc = t.get(lang).expect("toolchain");
    let dir = tempfile::tempdir_in(work).expect("tempdir");
    let d = dir.path();
    let src = std::fs::read(
        fixture()
            .join("exercises/fixture-sum/solution")
            .join(lang.id())
            .join(lang.file_name()),
    )
    .expect("solution");
    let started = Instant::now();
    std::fs::write(d.join(lang.file_name()), src).expect("write");
    let run = |cmd: &mut Command| {
        let ok = cmd
            .current_dir(d)
            .env("LANG", "C.UTF-8")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("run")
            .success();
        assert!(ok, "{cmd:?} failed");
    };
    let input = || {
        std::fs::File::open(fixture().join("exercises/fixture-sum/cases/small.in")).expect("input")
    };
    let input2 = || {
        std::fs::File::open(fixture().join("exercises/fixture-sum/cases/large.in")).expect("input")
    };
    match lang {
        Language::Python => {
            for i in [input(), input2()] {
                run(Command::new(tc.program(Program::Python))
                    .args(["-u", "main.py"])
                    .stdin(i));
            }
        }
        Language::Go => {
            std::fs::write(d.join("go.mod"), "module exercise\n\ngo 1.19\n").expect("go.mod");
            let cache = work.join("go-build");
            run(Command::new(tc.program(Program::Go))
                .args(["build", "-ldflags=-s -w", "-o", "prog", "."])
                .env("GOCACHE", &cache)
                .env("CGO_ENABLED", "0")
                .env("GOFLAGS", "-mod=mod"));
            for i in [input(), input2()] {
                run(Command::new(d.join("prog")).stdin(i));
            }
        }
        Language::Java => {
            run(Command::new(tc.program(Program::Javac)).args([
                "-J-XX:TieredStopAtLevel=1",
                "-J-XX:+UseSerialGC",
                "-J-XX:-UsePerfData",
                "-encoding",
                "UTF-8",
                "-d",
                "out",
                "Main.java",
            ]));
            for i in [input(), input2()] {
                run(Command::new(tc.program(Program::Java))
                    .args([
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-XX:-UsePerfData",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        "out",
                        "Main",
                    ])
                    .stdin(i));
            }
        }
        Language::CSharp => {
            // The runner's own commands (csc through the warm compiler server, then the
            // runtime): what they cost is the toolchain's time, not microlings'.
            let caches = CacheDirs {
                root: work.join("hand-cache"),
            };
            let plan = plan::plan(tc, d, &caches, Purpose::Check);
            plan.write_files(d).expect("plan files");
            run(&mut command(&through_server(
                plan.build.as_ref().expect("C# builds"),
            )));
            for i in [input(), input2()] {
                run(command(&plan.run).stdin(i));
            }
        }
    }
    started.elapsed()
}

/// The client command of a C# build through its compiler server, once the server listens.
fn through_server(step: &BuildStep) -> ProcessSpec {
    let BuildStep::Server(b) = step else {
        return step.plain().clone();
    };
    let ready = server::ensure(&b.server, Duration::from_secs(30), &CancelToken::new());
    match (&b.via, ready) {
        (Via::Command(client), server::Ensure::Ready(_)) => client.clone(),
        _ => b.fallback.clone(),
    }
}

/// A `Command` for a runner's `ProcessSpec`.
fn command(spec: &ProcessSpec) -> Command {
    let mut cmd = Command::new(&spec.program);
    cmd.args(&spec.args)
        .current_dir(&spec.dir)
        .env_clear()
        .envs(spec.env.iter().map(|(k, v)| (k, v)));
    cmd
}

/// Times `spec` once; panics when it fails.
fn timed(spec: &ProcessSpec) -> Duration {
    let started = Instant::now();
    let status = command(spec)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run");
    assert!(status.success(), "{spec:?} failed");
    started.elapsed()
}

/// One build of the fixture's C# solution in a fresh directory with `toolchain`, by one of
/// the ways .NET can compile it.
fn csharp_build(toolchain: &Toolchain, work: &Path, shared: bool) -> Duration {
    let dir = tempfile::tempdir_in(work).expect("tempdir");
    let d = dir.path();
    std::fs::create_dir_all(d.join("tmp")).expect("tmp");
    std::fs::copy(
        fixture().join("exercises/fixture-sum/solution/csharp/Program.cs"),
        d.join("Program.cs"),
    )
    .expect("copy");
    let caches = CacheDirs {
        root: work.join("hand-cache"),
    };
    let plan = plan::plan(toolchain, d, &caches, Purpose::Check);
    plan.write_files(d).expect("plan files");
    let step = plan.build.as_ref().expect("C# builds");
    let build = if shared {
        through_server(step)
    } else {
        step.plain().clone()
    };
    timed(&build)
}

/// How each way of compiling C# compares, and the two budgets of a C# check: a warm
/// re-check of an edited file no slower than Java's check, and a first check (no compiler
/// server running, page cache dropped where allowed) under 10 s.
fn csharp_figures(toolchains: &Toolchains, data: &Path, work: &Path) {
    let Ok(tc) = toolchains.get(Language::CSharp) else {
        println!("C#: toolchain missing");
        return;
    };
    let Some(sdk) = &tc.dotnet else { return };
    println!();
    println!("C# compile strategies (fixture-sum's solution, build step only, medians):");
    if sdk.direct.is_some() {
        let mut fallback = tc.clone();
        if let Some(sdk) = &mut fallback.dotnet {
            sdk.direct = None;
        }
        let build = median(
            (0..3)
                .map(|_| csharp_build(&fallback, work, false))
                .collect(),
        );
        println!("  dotnet build of a generated project   {:>10}", ms(build));
        let inproc = median((0..5).map(|_| csharp_build(tc, work, false)).collect());
        println!("  csc.dll, no compiler server           {:>10}", ms(inproc));
        let shared = median((0..RUNS).map(|_| csharp_build(tc, work, true)).collect());
        println!("  csc.dll through a warm server (used)  {:>10}", ms(shared));
    } else {
        println!("  (no direct compiler: this SDK's layout lacks csc.dll or the reference packs)");
    }

    // The learner edits the file, then checks: a new source, so no cache answers.
    let file = data.join("workspace/fixture-sum/csharp/Program.cs");
    let original = std::fs::read_to_string(&file).expect("C# file");
    let (mut csharp, mut java) = (Vec::new(), Vec::new());
    for n in 0..RUNS {
        std::fs::write(&file, format!("{original}\n// edit {n}\n")).expect("edit");
        csharp.push(ml(data, &["check", "fixture-sum", "--lang", "csharp"]));
        java.push(ml(
            data,
            &["check", "fixture-sum", "--lang", "java", "--no-cache"],
        ));
    }
    std::fs::write(&file, &original).expect("restore");
    println!(
        "  warm re-check of an edited file: C# {} vs Java {} (budget: C# no slower)",
        ms(median(csharp)),
        ms(median(java))
    );

    // A first check: no compiler server, and (as root on Linux) no file in the page cache.
    let caches = CacheDirs {
        root: data.join("cache"),
    };
    let probe = plan::plan(tc, Path::new("/run"), &caches, Purpose::Check);
    let mut firsts = Vec::new();
    let mut dropped = false;
    for _ in 0..3 {
        if let Some(server) = probe.build.as_ref().and_then(BuildStep::server) {
            server::shutdown(server);
        }
        dropped = drop_page_cache();
        firsts.push(ml(
            data,
            &["check", "fixture-sum", "--lang", "csharp", "--no-cache"],
        ));
    }
    println!(
        "  first check, no compiler server{}: {} (budget: under 10 s)",
        if dropped { ", page cache dropped" } else { "" },
        ms(median(firsts))
    );
}

/// The Java budgets: a warm re-check of an edited file against Go's of the same exercise, and
/// a first check with no compiler server against a check with plain javac.
fn java_figures(toolchains: &Toolchains, data: &Path) {
    let Ok(tc) = toolchains.get(Language::Java) else {
        println!("Java: toolchain missing");
        return;
    };
    if !toolchains.available(Language::Go) {
        return;
    }
    println!();
    println!("Java through the compile server (fixture-sum, medians):");
    // The learner edits the file, then checks: a new source, so no cache answers. Go's file
    // is edited the same way, in the same rounds.
    let files: Vec<(Language, PathBuf, String)> = [Language::Java, Language::Go]
        .into_iter()
        .map(|lang| {
            let file = data
                .join("workspace/fixture-sum")
                .join(lang.id())
                .join(lang.file_name());
            let text = std::fs::read_to_string(&file).expect("source");
            (lang, file, text)
        })
        .collect();
    let (mut java, mut go) = (Vec::new(), Vec::new());
    for n in 0..RUNS {
        for (lang, file, text) in &files {
            std::fs::write(file, format!("{text}\n// edit {n}\n")).expect("edit");
            let took = ml(data, &["check", "fixture-sum", "--lang", lang.id()]);
            match lang {
                Language::Java => java.push(took),
                _ => go.push(took),
            }
        }
    }
    for (_, file, text) in &files {
        std::fs::write(file, text).expect("restore");
    }
    let (java, go) = (median(java), median(go));
    println!(
        "  warm re-check of an edited file: Java {} vs Go {} (ratio {:.2}, budget 1.3)",
        ms(java),
        ms(go),
        java.as_secs_f64() / go.as_secs_f64()
    );

    // A first check: no server running (its classes built once per toolchain already),
    // against the same check with plain javac; interleaved.
    let caches = CacheDirs {
        root: data.join("cache"),
    };
    let probe = plan::plan(tc, Path::new("/run"), &caches, Purpose::Check);
    let Some(spec) = probe.build.as_ref().and_then(BuildStep::server) else {
        println!("  (no compile server on this JDK: javac before 16)");
        return;
    };
    let (mut first, mut plain) = (Vec::new(), Vec::new());
    let check = ["check", "fixture-sum", "--lang", "java", "--no-cache"];
    for _ in 0..5 {
        server::shutdown(spec);
        first.push(ml(data, &check));
        plain.push(ml_env(
            data,
            &check,
            &[("MICROLINGS_COMPILER_SERVER", "off")],
        ));
    }
    let (first, plain) = (median(first), median(plain));
    println!(
        "  first check, no server running: {} vs plain javac {} (ratio {:.2}, budget 1.2)",
        ms(first),
        ms(plain),
        first.as_secs_f64() / plain.as_secs_f64()
    );
    // Leave a warm server for the figures that follow.
    ml(data, &check);
}

/// The processor time (user and system) of the children that `f` waited for.
fn children_cpu(f: impl FnOnce()) -> Duration {
    #[cfg(not(unix))]
    fn now() -> Duration {
        Duration::ZERO
    }
    #[cfg(unix)]
    fn now() -> Duration {
        // SAFETY: getrusage fills the struct it is given.
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut u) };
        let tv = |t: libc::timeval| {
            Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
        };
        tv(u.ru_utime) + tv(u.ru_stime)
    }
    let before = now();
    f();
    now().saturating_sub(before)
}

/// A cached re-check inside a running microlings, as the TUI does it when Enter is pressed on
/// an unchanged file: hash the file with everything that decides its verdict, read the cached
/// outcome. (The `cached` column above adds a whole process's start, course and progress.)
fn in_process_cached(toolchains: &Toolchains, data: &Path) {
    let course = microlings::course::load_course(Some(&fixture())).expect("the fixture course");
    let ex = course.exercise("fixture-sum").expect("fixture-sum");
    let runner = Runner::new(
        toolchains.clone(),
        RunnerDirs {
            scratch: data.join("tmp"),
            cache: data.join("cache"),
        },
    );
    let opts = CheckOptions {
        use_cache: true,
        ..CheckOptions::default()
    };
    let mut figures = Vec::new();
    for lang in Language::ALL {
        if !toolchains.available(lang) {
            continue;
        }
        let file = data
            .join("workspace/fixture-sum")
            .join(lang.id())
            .join(lang.file_name());
        let source = std::fs::read(file).expect("the learner's file");
        runner.check(ex, lang, &source, &opts); // cached from here on
        let times: Vec<Duration> = (0..50)
            .map(|_| {
                let started = Instant::now();
                let o = runner.check(ex, lang, &source, &opts);
                let took = started.elapsed();
                assert!(o.cached, "{lang:?} was not answered from the cache");
                took
            })
            .collect();
        figures.push(format!(
            "{} {:.3} ms",
            lang.id(),
            median(times).as_secs_f64() * 1000.0
        ));
    }
    println!(
        "cached re-check inside microlings (the TUI's Enter on an unchanged file; budget 10 ms): {}",
        figures.join(", ")
    );
}

/// Empties the kernel's page cache, as after a reboot; needs root on Linux.
fn drop_page_cache() -> bool {
    // SAFETY: sync() has no preconditions.
    #[cfg(unix)]
    unsafe {
        libc::sync()
    };
    std::fs::write("/proc/sys/vm/drop_caches", "3\n").is_ok()
}

fn main() {
    let work = tempfile::tempdir().expect("tempdir");
    let data = work.path().join("data");
    let toolchains = Toolchains::detect();
    // The learner's file is the reference solution, so every check really passes.
    for lang in Language::ALL {
        let file = data
            .join("workspace/fixture-sum")
            .join(lang.id())
            .join(lang.file_name());
        std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
        let src = fixture()
            .join("exercises/fixture-sum/solution")
            .join(lang.id())
            .join(lang.file_name());
        std::fs::copy(src, &file).expect("copy");
    }
    let go_cache = work.path().join("go-build");
    // SAFETY: single-threaded at this point; children inherit the shared Go cache.
    unsafe { std::env::set_var("GOCACHE", &go_cache) };
    ml(&data, &["check", "fixture-sum", "--no-cache"]); // warm caches (Go, toolchain detection)
    // The compile servers listening (the Java server's classes are built once per toolchain,
    // in the background of the first check), then one check through each to warm them.
    if let Ok(tc) = toolchains.get(Language::Java) {
        let caches = CacheDirs {
            root: data.join("cache"),
        };
        let probe = plan::plan(tc, Path::new("/run"), &caches, Purpose::Check);
        if let Some(spec) = probe.build.as_ref().and_then(BuildStep::server) {
            let until = Instant::now() + Duration::from_secs(120);
            while Instant::now() < until
                && server::ensure(spec, Duration::from_secs(30), &CancelToken::new())
                    != server::Ensure::Ready(spec.endpoint.clone())
            {
                std::thread::sleep(Duration::from_millis(200));
            }
        }
    }
    for _ in 0..3 {
        ml(&data, &["check", "fixture-sum", "--no-cache"]);
    }

    println!(
        "{:<8} {:>10} {:>12} {:>10} {:>10} {:>12}",
        "language", "by hand", "microlings", "overhead", "(min-min)", "cached"
    );
    let mut slowest = Duration::ZERO;
    for lang in Language::ALL {
        if !toolchains.available(lang) {
            println!("{:<8} toolchain missing", lang.id());
            continue;
        }
        // Interleaved, so that both see the same machine conditions.
        let (mut hand, mut check) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            hand.push(by_hand(&toolchains, lang, work.path()));
            check.push(ml(
                &data,
                &["check", "fixture-sum", "--lang", lang.id(), "--no-cache"],
            ));
        }
        let (hand_min, check_min) = (
            *hand.iter().min().expect("runs"),
            *check.iter().min().expect("runs"),
        );
        let (hand, check) = (median(hand), median(check));
        let cached = median(
            (0..RUNS)
                .map(|_| ml(&data, &["check", "fixture-sum", "--lang", lang.id()]))
                .collect(),
        );
        slowest = slowest.max(check);
        let delta = |a: Duration, b: Duration| {
            format!("{:+.1} ms", (a.as_secs_f64() - b.as_secs_f64()) * 1000.0)
        };
        println!(
            "{:<8} {:>10} {:>12} {:>10} {:>10} {:>12}",
            lang.id(),
            ms(hand),
            ms(check),
            delta(check, hand),
            delta(check_min, hand_min),
            ms(cached)
        );
    }
    let all = median(
        (0..RUNS)
            .map(|_| ml(&data, &["check", "fixture-sum", "--no-cache"]))
            .collect(),
    );
    println!(
        "all four in parallel: {} (slowest alone: {}; ratio {:.2}, budget 1.3)",
        ms(all),
        ms(slowest),
        all.as_secs_f64() / slowest.as_secs_f64()
    );
    // What the processor alone allows: the four checks' processor time (microlings and what
    // it starts; the compile servers' share is not counted, so this is a lower bound) shared
    // by this machine's cores. Parallel checks cannot end sooner than this.
    let cpu: Duration = Language::ALL
        .iter()
        .filter(|&&l| toolchains.available(l))
        .map(|l| {
            median(
                (0..5)
                    .map(|_| {
                        children_cpu(|| {
                            ml(
                                &data,
                                &["check", "fixture-sum", "--lang", l.id(), "--no-cache"],
                            );
                        })
                    })
                    .collect(),
            )
        })
        .sum();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "  the processor's floor: the four checks use {} of CPU one after another; on {cores} cores at least {} (parallel / floor {:.2})",
        ms(cpu),
        ms(cpu / cores as u32),
        all.as_secs_f64() / (cpu / cores as u32).as_secs_f64()
    );
    in_process_cached(&toolchains, &data);
    java_figures(&toolchains, &data);
    csharp_figures(&toolchains, &data, work.path());
    let noop = median((0..RUNS).map(|_| ml(&data, &["list"])).collect());
    println!(
        "`microlings list` (start-up, course load, progress): {}",
        ms(noop)
    );
}
