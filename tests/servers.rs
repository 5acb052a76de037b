//! The compiler servers (Java's and C#'s): the Java server answers exactly what plain javac
//! prints; one server per data directory, in a session of its own, however many checks start
//! at once; a lost liveness file costs at most one slow check; a server killed during a
//! compile still gives the right verdict; a check that ends mid-compile leaves no compile
//! running; an idle server goes away.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

mod common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use common::{exercise, have, toolchains};
use microlings::course::{Exercise, Language};
use microlings::run::plan::{self, BuildStep, CacheDirs, Purpose};
use microlings::run::process::{self, CancelToken, Limits};
use microlings::run::server::{self, Ensure, ServerSpec};
use microlings::run::{CheckOptions, Runner, RunnerDirs, Verdict};

/// The build step a check in `dir` would run, with caches under `root`.
fn build_step(lang: Language, root: &Path, dir: &Path) -> BuildStep {
    let tc = toolchains().get(lang).expect("toolchain");
    let caches = CacheDirs {
        root: root.to_path_buf(),
    };
    plan::plan(tc, dir, &caches, Purpose::Check)
        .build
        .expect("a build step")
}

fn server_of(lang: Language, root: &Path) -> ServerSpec {
    build_step(lang, root, Path::new("/run"))
        .server()
        .expect("a server build")
        .clone()
}

/// These tests watch a server's compile threads and wait for its compiles with deadlines; run
/// together on two cores, each one's big compiles slow the others' down. They take turns.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// Waits until `spec`'s server listens (building the Java server's classes the first time).
fn ready(spec: &ServerSpec) {
    let until = Instant::now() + Duration::from_secs(180);
    loop {
        if let Ensure::Ready(_) = server::ensure(spec, Duration::from_secs(30), &CancelToken::new())
        {
            return;
        }
        assert!(
            Instant::now() < until,
            "{:?} server never listened",
            spec.kind
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// The Java server's classes, built once for every test in the shared cache.
fn java_classes() -> &'static Path {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT.get_or_init(|| {
        let spec = server_of(Language::Java, &common::shared_cache());
        ready(&spec);
        spec.prepare.expect("the Java server is built").done
    })
}

/// A fresh data directory's cache root, with the Java server's classes already built (as
/// after the first check of any data directory on this toolchain).
fn fresh_root() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("cache");
    if toolchains().available(Language::Java) {
        let done = server_of(Language::Java, &root)
            .prepare
            .expect("prepare")
            .done;
        std::fs::create_dir_all(&done).expect("classes dir");
        for entry in std::fs::read_dir(java_classes()).expect("classes") {
            let entry = entry.expect("entry");
            std::fs::copy(entry.path(), done.join(entry.file_name())).expect("copy class");
        }
    }
    (dir, root)
}

fn runner(root: &Path, scratch: &Path) -> Runner {
    Runner::new(
        toolchains().clone(),
        RunnerDirs {
            scratch: scratch.to_path_buf(),
            cache: root.to_path_buf(),
        },
    )
}

fn no_cache() -> CheckOptions {
    CheckOptions {
        use_cache: false,
        ..CheckOptions::default()
    }
}

/// Processes whose command line mentions `needle` (a server's socket or pipe name).
#[cfg(target_os = "linux")]
fn processes_with(needle: &str) -> Vec<u32> {
    common::processes_with(needle)
        .into_iter()
        .map(|p| p.pid)
        .collect()
}

/// The server processes of `spec` (by the socket or pipe named on their command line).
#[cfg(target_os = "linux")]
fn servers(spec: &ServerSpec) -> Vec<u32> {
    let needle = match spec.kind {
        server::Kind::Java => spec.endpoint.display().to_string(),
        server::Kind::CSharp => spec
            .launch
            .args
            .last()
            .cloned()
            .unwrap_or_else(|| "-pipename:?".into()),
    };
    processes_with(&needle)
}

/// `(process group, session)` of `pid`.
#[cfg(target_os = "linux")]
fn group_and_session(pid: u32) -> Option<(u32, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut f = rest.split_whitespace().skip(2);
    Some((f.next()?.parse().ok()?, f.next()?.parse().ok()?))
}

/// A Java program with `methods` methods, slow enough to compile to be caught mid-compile;
/// it prints "ok".
fn big_java(methods: usize) -> String {
    let mut s = String::from("public class Main {\n");
    for i in 0..methods {
        let prev = i.saturating_sub(1);
        s.push_str(&format!(
            "  static int m{i}(int x) {{ String s = \"a\" + x + \"b\" + {i}; return s.length() * {i} + (x > {i} ? m{prev}(x - 1) : {i}); }}\n"
        ));
    }
    s.push_str("  public static void main(String[] a) { System.out.println(\"ok\"); }\n}\n");
    s
}

/// The same in C#.
fn big_csharp(methods: usize) -> String {
    let mut s = String::from("Console.WriteLine(\"ok\");\nstatic class Big {\n");
    for i in 0..methods {
        let prev = i.saturating_sub(1);
        s.push_str(&format!(
            "  public static int M{i}(int x) {{ var s = \"a\" + x + \"b\" + {i}; return s.Length * {i} + (x > {i} ? M{prev}(x - 1) : {i}); }}\n"
        ));
    }
    s.push_str("}\n");
    s
}

fn prints_ok() -> Exercise {
    exercise("big", 30, &[("default", None, "ok\n")])
}

/// Whether the Java server `pid` has a compile running (its compile threads are named so).
#[cfg(target_os = "linux")]
fn java_compiling(pid: u32) -> bool {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return false;
    };
    tasks.flatten().any(|t| {
        std::fs::read_to_string(t.path().join("comm")).is_ok_and(|c| c.trim() == "compile")
    })
}

#[test]
fn the_java_server_prints_exactly_what_plain_javac_prints() {
    let _one_at_a_time = serial();
    if !have(Language::Java) {
        return;
    }
    let (_guard, root) = fresh_root();
    let spec = server_of(Language::Java, &root);
    ready(&spec);
    let course = microlings::course::load_course(None).expect("the embedded course");
    let mut sources: Vec<(String, Vec<u8>)> = course
        .exercises
        .values()
        .map(|e| {
            (
                e.slug.clone(),
                e.starter(Language::Java).as_bytes().to_vec(),
            )
        })
        .collect();
    // Beside the starters: a syntax error, a type error with a note, and a file that is not
    // UTF-8 (javac's own decoding error).
    sources.push((
        "syntax".into(),
        b"public class Main {\n  public static void main(String[] a) {\n    int x = ;\n  }\n}\n"
            .to_vec(),
    ));
    sources.push((
        "types".into(),
        b"import java.util.*;\npublic class Main {\n  public static void main(String[] a) {\n    List l = new ArrayList();\n    l.add(1);\n    String s = 3;\n  }\n}\n".to_vec(),
    ));
    sources.push((
        "bytes".into(),
        b"public class Main {\n  // caf\xe9\n  public static void main(String[] a) { int y = \"x\"; }\n}\n".to_vec(),
    ));
    let mut failing = 0;
    let limits = Limits {
        timeout: Duration::from_secs(120),
        output_cap: 1 << 20,
    };
    for (name, source) in &sources {
        let served = tempfile::tempdir().expect("tempdir");
        std::fs::write(served.path().join("Main.java"), source).expect("write");
        let step = build_step(Language::Java, &root, served.path());
        let BuildStep::Server(mut b) = step else {
            panic!("{name}: no server build")
        };
        // No fallback: this must be the server's answer.
        b.fallback.program = PathBuf::from("/nonexistent/javac");
        let before = server::served(&b.server);
        let through = BuildStep::Server(b.clone())
            .run(limits, &CancelToken::new())
            .expect("server build");
        assert_eq!(server::served(&b.server), before + 1, "{name}");
        if through.termination == process::Termination::Exited(0) {
            continue;
        }
        failing += 1;
        let plain_dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(plain_dir.path().join("Main.java"), source).expect("write");
        let plain_step = build_step(Language::Java, &root, plain_dir.path());
        let plain = process::run(plain_step.plain(), limits, &CancelToken::new()).expect("javac");
        assert_eq!(through.termination, plain.termination, "{name}");
        assert_eq!(
            String::from_utf8_lossy(&through.stderr),
            String::from_utf8_lossy(&plain.stderr),
            "{name}: the server's output differs from plain javac's"
        );
        assert!(
            plain.stderr.starts_with(b"Main.java:") || name == "bytes",
            "{name}: {}",
            String::from_utf8_lossy(&plain.stderr)
        );
    }
    assert!(failing >= 3, "only {failing} sources failed to compile");
    server::shutdown(&spec);
}

#[cfg(target_os = "linux")]
#[test]
fn two_data_directories_get_two_java_servers_each_in_a_session_of_its_own() {
    let _one_at_a_time = serial();
    if !have(Language::Java) {
        return;
    }
    let (_a, root_a) = fresh_root();
    let (_b, root_b) = fresh_root();
    let specs = [
        server_of(Language::Java, &root_a),
        server_of(Language::Java, &root_b),
    ];
    assert_ne!(specs[0].key, specs[1].key);
    let mut pids = Vec::new();
    for spec in &specs {
        ready(spec);
        let pid = server::pid(spec).expect("a recorded, live server");
        assert_eq!(servers(spec), vec![pid]);
        // Its own session and group: no check's group kill reaches it, nor the terminal's.
        assert_eq!(group_and_session(pid), Some((pid, pid)));
        pids.push(pid);
    }
    assert_ne!(pids[0], pids[1]);
    for spec in &specs {
        server::shutdown(spec);
        assert!(!server::is_alive(spec));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn six_concurrent_java_and_csharp_checks_in_one_data_directory_are_all_right() {
    let _one_at_a_time = serial();
    let langs: Vec<Language> = [Language::Java, Language::CSharp]
        .into_iter()
        .filter(|&l| have(l))
        .collect();
    if langs.is_empty() {
        return;
    }
    let (dir, root) = fresh_root();
    let runner = runner(&root, &dir.path().join("scratch"));
    let ex = exercise("concurrent", 30, &[("default", Some("4 5\n"), "9\n")]);
    let java = "import java.util.*;\npublic class Main { public static void main(String[] a) { Scanner s = new Scanner(System.in); System.out.println(s.nextInt() + s.nextInt()); } }\n";
    let wrong_java = java.replace("s.nextInt() + s.nextInt()", "s.nextInt() * s.nextInt()");
    let csharp = "var p = Console.ReadLine()!.Split(' ');\nConsole.WriteLine(int.Parse(p[0]) + int.Parse(p[1]));\n";
    let broken_csharp = "Console.WriteLine(undefined);\n";
    // Three of each at once, in a data directory with no server yet: each language's checks
    // race to start one.
    let jobs: Vec<(Language, String, Verdict)> = langs
        .iter()
        .flat_map(|&l| {
            let sources = match l {
                Language::Java => [
                    (java.to_string(), Verdict::Passed),
                    (wrong_java.clone(), Verdict::WrongOutput),
                    (java.to_string(), Verdict::Passed),
                ],
                _ => [
                    (csharp.to_string(), Verdict::Passed),
                    (broken_csharp.to_string(), Verdict::CompileError),
                    (csharp.to_string(), Verdict::Passed),
                ],
            };
            sources.into_iter().map(move |(s, v)| (l, s, v))
        })
        .collect();
    let outcomes: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = jobs
            .iter()
            .map(|(lang, src, _)| {
                let (runner, ex) = (&runner, &ex);
                std::thread::Builder::new()
                    .spawn_scoped(s, move || runner.check(ex, *lang, src, &no_cache()))
                    .expect("thread")
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("check"))
            .collect()
    });
    for ((lang, _, want), o) in jobs.iter().zip(&outcomes) {
        assert_eq!(o.verdict, *want, "{lang:?}: {o:#?}");
    }
    // No Java check waited for a server to start: each compiled on its own, and one server
    // was started after them, which the next check compiles through.
    if langs.contains(&Language::Java) {
        let spec = server_of(Language::Java, &root);
        let before = server::served(&spec);
        let o = runner.check(&ex, Language::Java, java, &no_cache());
        assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
        assert_eq!(server::served(&spec), before + 1, "through the server");
    }
    // One server per language, each in its own session, none in a check's group.
    for &lang in &langs {
        let spec = server_of(lang, &root);
        let found = servers(&spec);
        assert_eq!(found.len(), 1, "{lang:?}: {found:?}");
        assert_eq!(server::pid(&spec), Some(found[0]), "{lang:?}");
        assert_eq!(group_and_session(found[0]), Some((found[0], found[0])));
        server::shutdown(&spec);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_deleted_or_garbled_liveness_file_costs_at_most_one_slow_check() {
    let _one_at_a_time = serial();
    let langs: Vec<Language> = [Language::Java, Language::CSharp]
        .into_iter()
        .filter(|&l| have(l))
        .collect();
    let (dir, root) = fresh_root();
    let runner = runner(&root, &dir.path().join("scratch"));
    let ex = exercise("hello", 30, &[("default", None, "hi\n")]);
    for lang in langs {
        let source = match lang {
            Language::Java => {
                "public class Main { public static void main(String[] a) { System.out.println(\"hi\"); } }\n"
            }
            _ => "Console.WriteLine(\"hi\");\n",
        };
        let spec = server_of(lang, &root);
        ready(&spec);
        let first = server::pid(&spec).expect("a server");
        let lock = spec.state.join("lock");
        // Garbled: the lock is on the file, not its contents; nothing changes.
        std::fs::write(&lock, "garbage\n").expect("garble");
        std::fs::write(spec.state.join("server.pid"), "x y z").expect("garble");
        assert_eq!(servers(&spec), vec![first]);
        let before = server::served(&spec);
        let o = runner.check(&ex, lang, source, &no_cache());
        assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
        assert_eq!(servers(&spec), vec![first], "{lang:?}: the same server");
        if lang == Language::Java {
            assert_eq!(server::served(&spec), before + 1, "through the server");
        }
        // Deleted: the next check starts a new server; the old one cannot be killed by its
        // (garbled) record here, so restore that first as a real deletion would leave it.
        std::fs::write(
            spec.state.join("server.pid"),
            format!("{first} {}\n", start_time(first)),
        )
        .expect("record");
        std::fs::remove_file(&lock).expect("delete the lock file");
        let o = runner.check(&ex, lang, source, &no_cache());
        assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
        let second = server::pid(&spec).expect("a new server");
        assert_ne!(second, first);
        // The orphan was stopped: one server, and the next check uses it.
        let until = Instant::now() + Duration::from_secs(5);
        while servers(&spec).len() > 1 && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert_eq!(servers(&spec), vec![second], "{lang:?}");
        let before = server::served(&spec);
        let o = runner.check(&ex, lang, source, &no_cache());
        assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
        assert_eq!(
            server::pid(&spec),
            Some(second),
            "{lang:?}: still the same server"
        );
        if lang == Language::Java {
            assert_eq!(server::served(&spec), before + 1, "through the server");
        }
        server::shutdown(&spec);
    }
}

#[cfg(target_os = "linux")]
fn start_time(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let rest = &stat[stat.rfind(')').expect(")") + 1..];
    rest.split_whitespace()
        .nth(19)
        .and_then(|s| s.parse().ok())
        .expect("start time")
}

#[cfg(target_os = "linux")]
#[test]
fn killing_the_java_server_mid_compile_still_gives_the_right_verdict() {
    let _one_at_a_time = serial();
    if !have(Language::Java) {
        return;
    }
    let (dir, root) = fresh_root();
    let runner = runner(&root, &dir.path().join("scratch"));
    let spec = server_of(Language::Java, &root);
    ready(&spec);
    let pid = server::pid(&spec).expect("a server");
    let source = big_java(3000);
    let ex = prints_ok();
    let o = std::thread::scope(|s| {
        let check = std::thread::Builder::new()
            .spawn_scoped(s, || {
                runner.check(&ex, Language::Java, &source, &no_cache())
            })
            .expect("thread");
        let until = Instant::now() + Duration::from_secs(60);
        while !java_compiling(pid) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(java_compiling(pid), "the server never compiled");
        // SAFETY: kill has no memory-safety preconditions; `pid` is the server, alive.
        unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        check.join().expect("check")
    });
    assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
}

#[cfg(target_os = "linux")]
#[test]
fn killing_the_csharp_server_mid_compile_still_gives_the_right_verdict() {
    let _one_at_a_time = serial();
    if !have(Language::CSharp) {
        return;
    }
    let (dir, root) = fresh_root();
    let runner = runner(&root, &dir.path().join("scratch"));
    let spec = server_of(Language::CSharp, &root);
    ready(&spec);
    let pid = server::pid(&spec).expect("a server");
    let source = big_csharp(400);
    let ex = prints_ok();
    let o = std::thread::scope(|s| {
        let check = std::thread::Builder::new()
            .spawn_scoped(s, || {
                runner.check(&ex, Language::CSharp, &source, &no_cache())
            })
            .expect("thread");
        // The client connects once csc.dll has started: wait for the csc process.
        let until = Instant::now() + Duration::from_secs(60);
        while processes_with("csc.dll")
            .iter()
            .all(|&p| !in_dir(p, dir.path()))
        {
            assert!(Instant::now() < until, "csc never started");
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(700));
        // SAFETY: kill has no memory-safety preconditions; `pid` is the server, alive.
        unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        check.join().expect("check")
    });
    assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
}

/// Whether `pid` works in a directory under `dir`.
#[cfg(target_os = "linux")]
fn in_dir(pid: u32, dir: &Path) -> bool {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    std::fs::read_link(format!("/proc/{pid}/cwd")).is_ok_and(|cwd| cwd.starts_with(&dir))
}

#[cfg(target_os = "linux")]
#[test]
fn a_check_that_ends_mid_compile_leaves_no_compile_running() {
    let _one_at_a_time = serial();
    let (dir, root) = fresh_root();
    let runner = runner(&root, &dir.path().join("scratch"));
    for lang in [Language::Java, Language::CSharp] {
        if !have(lang) {
            continue;
        }
        let spec = server_of(lang, &root);
        ready(&spec);
        let pid = server::pid(&spec).expect("a server");
        let source = match lang {
            Language::Java => big_java(3000),
            _ => big_csharp(3000),
        };
        let ex = prints_ok();
        let cancel = CancelToken::new();
        let opts = CheckOptions {
            use_cache: false,
            cancel: cancel.clone(),
        };
        let o = std::thread::scope(|s| {
            let check = std::thread::Builder::new()
                .spawn_scoped(s, || runner.check(&ex, lang, &source, &opts))
                .expect("thread");
            // Mid-compile: the server is at work on it.
            let until = Instant::now() + Duration::from_secs(60);
            loop {
                let busy = match lang {
                    Language::Java => java_compiling(pid),
                    _ => processes_with("csc.dll")
                        .iter()
                        .any(|&p| in_dir(p, dir.path())),
                };
                if busy {
                    break;
                }
                assert!(Instant::now() < until, "{lang:?}: no compile started");
                std::thread::sleep(Duration::from_millis(20));
            }
            std::thread::sleep(Duration::from_millis(500));
            cancel.cancel();
            check.join().expect("check")
        });
        assert_eq!(o.verdict, Verdict::Cancelled, "{lang:?}: {o:#?}");
        std::thread::sleep(Duration::from_secs(2));
        let compiling = match lang {
            // Java: the server confirms the compile stopped (or was killed for not doing so).
            Language::Java => java_compiling(pid),
            // C#: Roslyn's server cannot stop a compile, so it is killed.
            _ => !servers(&spec).is_empty(),
        };
        assert!(
            !compiling,
            "{lang:?}: a compile still runs 2 s after its check ended"
        );
        server::shutdown(&spec);
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_idle_java_server_is_gone_after_its_idle_time() {
    let _one_at_a_time = serial();
    if !have(Language::Java) {
        return;
    }
    // Long enough to find the server still running after the check has also run the program
    // on a busy machine.
    const IDLE_SECS: u64 = 10;
    let (dir, root) = fresh_root();
    // The command line, so the idle time reaches the plan through the environment.
    let data = dir.path();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(&fixture)
        .args(["check", "fixture-sum", "--lang", "java"])
        .env("MICROLINGS_COMPILER_IDLE_SECS", IDLE_SECS.to_string())
        .output()
        .expect("run microlings");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("wrong output"), "the check ran: {stdout}");
    assert_eq!(root, data.join("cache"));
    let found = processes_with(&root.canonicalize().expect("cache").display().to_string())
        .into_iter()
        .chain(processes_with(&root.display().to_string()))
        .filter(|&p| {
            std::fs::read(format!("/proc/{p}/cmdline"))
                .is_ok_and(|c| String::from_utf8_lossy(&c).contains("MicrolingsJavac"))
        })
        .collect::<Vec<_>>();
    assert!(!found.is_empty(), "a Java server runs after the check");
    let until = Instant::now() + Duration::from_secs(IDLE_SECS + 20);
    // Gone, or a zombie: this test process is a subreaper (other tests started servers) and
    // adopts the orphan, which it does not reap.
    let running = |p: &u32| {
        std::fs::read_to_string(format!("/proc/{p}/stat"))
            .ok()
            .and_then(|s| Some(s[s.rfind(')')? + 1..].split_whitespace().next()? != "Z"))
            .unwrap_or(false)
    };
    while found.iter().any(running) {
        assert!(
            Instant::now() < until,
            "the Java server is still running 20 s after its idle time"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // It stopped itself (which removes its socket), and said nothing on stderr.
    let spec = server_of(Language::Java, &root);
    assert!(!spec.endpoint.exists(), "{}", spec.endpoint.display());
    let log = std::fs::read_to_string(spec.state.join("server.log")).unwrap_or_default();
    assert!(log.is_empty(), "{log}");
}

/// Checks fixture-sum in `lang` with `source` through the command line, with a `heap_mib`
/// compiler heap; returns what it printed.
fn check_with_heap(data: &Path, lang: Language, source: &str, heap_mib: u32) -> String {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
    let file = data
        .join("workspace/fixture-sum")
        .join(lang.id())
        .join(lang.file_name());
    std::fs::create_dir_all(file.parent().expect("parent")).expect("workspace");
    std::fs::write(&file, source).expect("source");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(&fixture)
        .args(["--no-color", "check", "fixture-sum", "--lang", lang.id()])
        .env("MICROLINGS_COMPILER_HEAP_MIB", heap_mib.to_string())
        .env("MICROLINGS_COMPILER_IDLE_SECS", "5")
        .output()
        .expect("run microlings");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_csharp_compile_that_runs_out_of_memory_could_not_run() {
    let _one_at_a_time = serial();
    if !have(Language::CSharp) {
        return;
    }
    let (dir, _root) = fresh_root();
    // A 4 MB string constant against a 24 MiB managed heap, in the server and in the client
    // that compiles on its own once the server is gone.
    let huge = format!(
        "Console.WriteLine(S.X.Length);\nstatic class S {{ public const string X = \"{}\"; }}\n",
        "a".repeat(4_000_000)
    );
    let stdout = check_with_heap(dir.path(), Language::CSharp, &huge, 24);
    assert!(stdout.contains("could not run"), "{stdout}");
    assert!(stdout.contains("out of memory"), "{stdout}");
}

#[test]
fn a_java_compile_that_runs_out_of_memory_could_not_run() {
    let _one_at_a_time = serial();
    if !have(Language::Java) {
        return;
    }
    let (dir, _root) = fresh_root();
    // A 4 MB string constant: javac needs far more than the 16 MiB heap the test allows, in
    // the server (which then exits) and in the retry with plain javac.
    let huge = format!(
        "public class Main {{ static String s = \"{}\"; public static void main(String[] a) {{ System.out.println(1); }} }}\n",
        "a".repeat(4_000_000)
    );
    let stdout = check_with_heap(dir.path(), Language::Java, &huge, 16);
    assert!(stdout.contains("could not run"), "{stdout}");
    assert!(stdout.contains("out of memory"), "{stdout}");
    assert!(!stdout.contains("compile error"), "{stdout}");
}

#[test]
fn a_java_check_that_finds_no_server_compiles_on_its_own_and_starts_one_for_the_next() {
    let _one_at_a_time = serial();
    // (A C# check starts Roslyn's server and compiles through it: the tests above.)
    if !have(Language::Java) {
        return;
    }
    let (dir, root) = fresh_root();
    let runner = runner(&root, &dir.path().join("scratch"));
    let ex = exercise("hello", 30, &[("default", None, "hi\n")]);
    let source = "public class Main { public static void main(String[] a) { System.out.println(\"hi\"); } }\n";
    let spec = server_of(Language::Java, &root);
    assert!(!server::is_alive(&spec), "no server yet");
    let o = runner.check(&ex, Language::Java, source, &no_cache());
    assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
    assert_eq!(server::served(&spec), 0, "compiled on its own");
    // Started once the check was over, in a session of its own.
    let pid = server::pid(&spec).expect("a server started after the check");
    assert_eq!(group_and_session(pid), Some((pid, pid)));
    let o = runner.check(&ex, Language::Java, source, &no_cache());
    assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
    assert_eq!(server::served(&spec), 1, "the next one is served");
    assert_eq!(server::pid(&spec), Some(pid), "the same server");
    server::shutdown(&spec);
}
