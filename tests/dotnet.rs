//! C# on the .NET SDK: modern C# compiles, the program sees the culture a developer with
//! `LANG=C.UTF-8` sees, the compiler server is one per data directory in a session of its own
//! and stops by itself, and Mono alone is not taken for a C# toolchain.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{exercise, have, runner};
use microlings::course::Language;
use microlings::run::{CheckOptions, Verdict};

#[test]
fn modern_csharp_compiles_and_sees_the_invariant_culture_in_utf8() {
    if !have(Language::CSharp) {
        return;
    }
    let (runner, _dir) = runner();
    // Top-level statements, a record, a collection expression, pattern matching, implicit
    // usings (Linq), source-generated System.Text.Json, and what the culture does to numbers.
    let source = r#"using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

List<Order> orders = [new("apple", 3), new("pear", 2)];
var total = orders.Sum(o => o.Qty);
Console.WriteLine(JsonSerializer.Serialize(orders[0], OrderJson.Default.Order));
Console.WriteLine(total switch { > 4 => "many", _ => "few" });
Console.WriteLine($"culture=[{CultureInfo.CurrentCulture.Name}] {1234.5} {DateTime.UnixEpoch:yyyy-MM-dd}");
Console.WriteLine("naïve ✓");

record Order(string Name, int Qty);

[JsonSerializable(typeof(Order))]
partial class OrderJson : JsonSerializerContext;
"#;
    let ex = exercise(
        "modern",
        20,
        &[(
            "default",
            None,
            "{\"Name\":\"apple\",\"Qty\":3}\nmany\nculture=[] 1234.5 1970-01-01\nnaïve ✓\n",
        )],
    );
    let o = runner.check(
        &ex,
        Language::CSharp,
        source,
        &CheckOptions {
            use_cache: false,
            ..CheckOptions::default()
        },
    );
    assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
}

#[test]
fn a_compile_error_shows_the_error_before_the_warnings() {
    if !have(Language::CSharp) {
        return;
    }
    let (runner, _dir) = runner();
    // A nullable warning on line 1, the error on line 2.
    let source = "string s = null;\nint x = \"2\";\nConsole.WriteLine(s + x);\n";
    let ex = exercise("broken", 20, &[("default", None, "")]);
    let o = runner.check(&ex, Language::CSharp, source, &CheckOptions::default());
    assert_eq!(o.verdict, Verdict::CompileError, "{o:#?}");
    let first = o.stderr.lines().next().unwrap_or_default();
    assert!(first.contains("error CS0029"), "{}", o.stderr);
    assert!(o.stderr.contains("warning CS8600"), "{}", o.stderr);
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

/// The compiler servers whose working directory is `cache` (the runner starts them there).
#[cfg(target_os = "linux")]
fn servers_in(cache: &Path) -> Vec<u32> {
    common::processes_with("VBCSCompiler")
        .into_iter()
        .filter(|p| p.cwd.as_deref() == Some(cache))
        .map(|p| p.pid)
        .collect()
}

/// The process group of `pid`.
#[cfg(target_os = "linux")]
fn pgid(pid: u32) -> Option<u32> {
    microlings::run::reaper::linux_processes()
        .into_iter()
        .find(|&(p, _, _)| p == pid)
        .map(|(_, _, group)| group)
}

/// The session of `pid`, from `/proc/<pid>/stat`.
#[cfg(target_os = "linux")]
fn session(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(3)?.parse().ok()
}

/// The idle time the test gives its compiler servers: long enough for the next check of a
/// busy machine to start before the first server stops, short enough for the test.
#[cfg(target_os = "linux")]
const IDLE_SECS: u64 = 10;

#[cfg(target_os = "linux")]
#[test]
fn each_data_directory_gets_its_own_compiler_server_which_stops_when_idle() {
    if !have(Language::CSharp) {
        return;
    }
    let dirs: Vec<tempfile::TempDir> = (0..2)
        .map(|_| tempfile::tempdir().expect("tempdir"))
        .collect();
    let mut caches = Vec::new();
    let mut servers = Vec::new();
    for dir in &dirs {
        let out = Command::new(env!("CARGO_BIN_EXE_microlings"))
            .arg("--data-dir")
            .arg(dir.path())
            .arg("--course")
            .arg(fixture())
            .args(["check", "fixture-sum", "--lang", "csharp"])
            .env("MICROLINGS_COMPILER_IDLE_SECS", IDLE_SECS.to_string())
            .output()
            .expect("run microlings");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("wrong output") || stdout.contains("passed"),
            "the check ran: {stdout}"
        );
        // Looked at right away: it stops by itself IDLE_SECS after this check.
        let cache = dir.path().join("cache").canonicalize().expect("cache dir");
        let found = servers_in(&cache);
        assert_eq!(found.len(), 1, "one server for {}", cache.display());
        let pid = found[0];
        // Its own session and process group: the check's group kill must not reach it.
        assert_eq!(pgid(pid), Some(pid), "server {pid} leads its own group");
        assert_eq!(
            session(pid),
            Some(pid),
            "server {pid} leads its own session"
        );
        servers.push(pid);
        caches.push(cache);
    }
    assert_ne!(servers[0], servers[1], "two data directories, two servers");
    // Both stop by themselves after the idle time (IDLE_SECS here, 5 minutes for learners).
    let deadline = Instant::now() + Duration::from_secs(IDLE_SECS + 30);
    while caches.iter().any(|c| !servers_in(c).is_empty()) {
        assert!(
            Instant::now() < deadline,
            "a compiler server is still running 30 s after its idle time"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[cfg(unix)]
#[test]
fn mono_alone_is_not_taken_for_a_csharp_toolchain() {
    use std::os::unix::fs::PermissionsExt;
    let bin = tempfile::tempdir().expect("tempdir");
    let mcs = bin.path().join("mcs");
    std::fs::write(
        &mcs,
        "#!/bin/sh\necho 'Mono C# compiler version 6.8.0.105'\n",
    )
    .expect("mcs");
    std::fs::set_permissions(&mcs, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data.path())
        .arg("--no-color")
        .arg("doctor")
        .env("PATH", bin.path())
        .env_remove("DOTNET_ROOT")
        .output()
        .expect("run microlings");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find(|l| l.contains("C#"))
        .unwrap_or_default();
    assert!(
        line.contains("C# needs the .NET SDK 8 or newer") && line.contains("Mono"),
        "{stdout}"
    );
    assert!(
        stdout.contains("brew install --cask dotnet-sdk"),
        "{stdout}"
    );
}
