//! How much `microlings check` adds to the toolchain's own time, how fast an unchanged file is
//! answered from the cache, and whether four languages in parallel take about as long as the
//! slowest one. Run with `cargo bench --bench check_overhead`.
//!
//! "By hand" runs the same commands the runner runs (build, then run with the case's stdin),
//! so the difference is microlings' own cost: starting, loading the course, copying the file,
//! supervising the process, comparing, recording progress.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use microlings::course::Language;
use microlings::run::Toolchains;

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
    let started = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_microlings"))
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
                run(Command::new(tc.program(0)).args(["-u", "main.py"]).stdin(i));
            }
        }
        Language::Go => {
            std::fs::write(d.join("go.mod"), "module exercise\n\ngo 1.19\n").expect("go.mod");
            let cache = work.join("go-build");
            run(Command::new(tc.program(0))
                .args(["build", "-o", "prog", "."])
                .env("GOCACHE", &cache)
                .env("CGO_ENABLED", "0")
                .env("GOFLAGS", "-mod=mod"));
            for i in [input(), input2()] {
                run(Command::new(d.join("prog")).stdin(i));
            }
        }
        Language::Java => {
            run(Command::new(tc.program(0)).args([
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
                run(Command::new(tc.program(1))
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
            run(Command::new(tc.program(0)).args(["-debug", "-out:Program.exe", "Program.cs"]));
            for i in [input(), input2()] {
                run(Command::new(tc.program(1))
                    .args(["--debug", "Program.exe"])
                    .stdin(i));
            }
        }
    }
    started.elapsed()
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
        "all four in parallel: {} (slowest alone: {})",
        ms(all),
        ms(slowest)
    );
    let noop = median((0..RUNS).map(|_| ml(&data, &["list"])).collect());
    println!(
        "`microlings list` (start-up, course load, progress): {}",
        ms(noop)
    );
}
