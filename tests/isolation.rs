//! Nothing a check started outlives it, whatever the program did to its process group, and
//! what the program printed before it left is still judged.

mod common;

use std::time::{Duration, Instant};

use common::{exercise, get, have, http_exercise, process_running_with, runner};
use microlings::course::Language;
use microlings::run::http::port_open;
use microlings::run::{CheckOptions, Verdict};

fn opts() -> CheckOptions {
    CheckOptions::default()
}

/// A program in each language that starts `sleep <marker>` in a session of its own (so the
/// process group kill misses it), lets it inherit stdout, prints `hello` and exits.
fn detaching(lang: Language, marker: &str) -> String {
    match lang {
        Language::Python => format!(
            "import subprocess\nsubprocess.Popen(['sleep', '{marker}'], start_new_session=True)\nprint('hello')\n"
        ),
        Language::Go => format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\t\"os/exec\"\n\t\"syscall\"\n)\n\nfunc main() {{\n\tcmd := exec.Command(\"sleep\", \"{marker}\")\n\tcmd.Stdout = os.Stdout\n\tcmd.SysProcAttr = &syscall.SysProcAttr{{Setsid: true}}\n\tif err := cmd.Start(); err != nil {{\n\t\tpanic(err)\n\t}}\n\tfmt.Println(\"hello\")\n}}\n"
        ),
        Language::Java => format!(
            "public class Main {{\n    public static void main(String[] args) throws Exception {{\n        new ProcessBuilder(\"setsid\", \"sleep\", \"{marker}\").inheritIO().start();\n        System.out.println(\"hello\");\n    }}\n}}\n"
        ),
        Language::CSharp => format!(
            "using System.Diagnostics;\n\nProcess.Start(new ProcessStartInfo(\"setsid\", \"sleep {marker}\") {{ UseShellExecute = false }});\nConsole.WriteLine(\"hello\");\n"
        ),
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_detached_child_is_killed_and_the_output_before_it_is_judged_in_every_language() {
    let (runner, _dir) = runner();
    let markers = [
        (Language::Python, "1001.101"),
        (Language::Go, "1002.202"),
        (Language::Java, "1003.303"),
        (Language::CSharp, "1004.404"),
    ];
    let sources: Vec<(Language, String)> = markers
        .iter()
        .filter(|(l, _)| have(*l))
        .map(|(l, m)| (*l, detaching(*l, m)))
        .collect();
    let ex = exercise("detach", 10, &[("default", None, "hello\n")]);
    for o in runner.check_many(&ex, &sources, &opts()) {
        assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
        assert_eq!(o.stdout, "hello\n", "{}", o.language);
        // Run time, not build time: well under the time a pipe held open would cost.
        assert!(o.duration_ms < 60_000, "{o:?}");
    }
    for (lang, marker) in markers {
        assert!(
            !process_running_with(marker),
            "{}: the detached `sleep {marker}` outlived the check",
            lang.display_name()
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_double_forked_daemon_is_killed_and_the_check_is_quick() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let marker = "1005.505";
    let source = format!(
        "import os\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        os.execvp('sleep', ['sleep', '{marker}'])\n    os._exit(0)\nos.wait()\nprint('hello')\n"
    );
    let ex = exercise("daemon", 10, &[("default", None, "hello\n")]);
    let started = Instant::now();
    let o = runner.check(&ex, Language::Python, &source, &opts());
    assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(
        !process_running_with(marker),
        "the daemon outlived the check"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_service_whose_daemon_keeps_its_port_does_not_keep_it_after_the_check() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let marker = "1006.606";
    let ex = http_exercise(
        "daemon-port",
        2,
        None,
        vec![get("/", 200, Some("{}"))],
        vec![],
    );
    let source = format!(
        r#"import os, subprocess
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class H(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{{}}")

    def log_message(self, *args):
        pass

srv = ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), H)
# A shell in a session of its own, and its sleep, that hold the listening socket.
subprocess.Popen(["/usr/bin/setsid", "sh", "-c", "sleep {marker} & wait"], pass_fds=[srv.fileno()])
srv.serve_forever()
"#
    );
    let o = runner.check(&ex, Language::Python, &source, &opts());
    assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
    let port = o.service.as_ref().expect("report").port;
    assert!(
        !port_open(port, Duration::from_millis(200)),
        "port {port} is still held after the check"
    );
    assert!(
        !process_running_with(marker),
        "the daemon outlived the check"
    );
}

#[test]
fn cancelling_during_a_hanging_request_ends_the_check_at_once() {
    if !have(Language::Python) {
        return;
    }
    let (runner, _dir) = runner();
    let marker = "1007.707";
    let ex = http_exercise("hang-cancel", 30, None, vec![get("/", 200, None)], vec![]);
    let source = format!(
        r#"import os, subprocess, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class H(BaseHTTPRequestHandler):
    def do_GET(self):
        subprocess.Popen(["sleep", "{marker}"])
        time.sleep(3600)

srv = ThreadingHTTPServer(("127.0.0.1", int(os.environ["PORT"])), H)
srv.serve_forever()
"#
    );
    let opts = opts();
    let cancel = opts.cancel.clone();
    std::thread::Builder::new()
        .name("canceller".into())
        .spawn(move || {
            // Cancel once the request is hanging (the handler has started its child).
            let until = Instant::now() + Duration::from_secs(10);
            while !process_running_with(marker) && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(20));
            }
            cancel.cancel();
        })
        .expect("start the canceller");
    let started = Instant::now();
    let o = runner.check(&ex, Language::Python, &source, &opts);
    let cancelled_after = started.elapsed();
    assert_eq!(o.verdict, Verdict::Cancelled, "{o:#?}");
    assert!(
        cancelled_after < Duration::from_secs(5),
        "the check ended {cancelled_after:?} after it started, not when it was cancelled"
    );
    assert!(
        !process_running_with(marker),
        "the service's child survived"
    );
}

/// Programs that leave through `setsid sh -c 'sleep N & wait'`, with an environment that
/// forges microlings' old tags (no `MICROLINGS_RUN`, a `MICROLINGS_OWNER`): the `sh` is
/// adopted, then the `sleep` once the `sh` is killed.
fn setsid_shell(lang: Language, marker: &str) -> String {
    let shell = format!("sleep {marker} & wait");
    match lang {
        Language::Python => format!(
            "import subprocess\nsubprocess.Popen(['/usr/bin/setsid', 'sh', '-c', '{shell}'], env={{'MICROLINGS_OWNER': '1', 'PATH': '/usr/bin:/bin'}}, stdout=subprocess.DEVNULL)\nprint('hello')\n"
        ),
        Language::Go => format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os/exec\"\n)\n\nfunc main() {{\n\tcmd := exec.Command(\"/usr/bin/setsid\", \"sh\", \"-c\", \"{shell}\")\n\tcmd.Env = []string{{\"MICROLINGS_OWNER=1\", \"PATH=/usr/bin:/bin\"}}\n\tif err := cmd.Start(); err != nil {{\n\t\tpanic(err)\n\t}}\n\tfmt.Println(\"hello\")\n}}\n"
        ),
        Language::Java => format!(
            "public class Main {{\n    public static void main(String[] args) throws Exception {{\n        ProcessBuilder pb = new ProcessBuilder(\"/usr/bin/setsid\", \"sh\", \"-c\", \"{shell}\");\n        pb.environment().clear();\n        pb.environment().put(\"MICROLINGS_OWNER\", \"1\");\n        pb.environment().put(\"PATH\", \"/usr/bin:/bin\");\n        pb.start();\n        System.out.println(\"hello\");\n    }}\n}}\n"
        ),
        Language::CSharp => format!(
            "using System.Diagnostics;\n\nvar psi = new ProcessStartInfo(\"/usr/bin/setsid\") {{ UseShellExecute = false }};\npsi.ArgumentList.Add(\"sh\");\npsi.ArgumentList.Add(\"-c\");\npsi.ArgumentList.Add(\"{shell}\");\npsi.Environment.Clear();\npsi.Environment[\"MICROLINGS_OWNER\"] = \"1\";\npsi.Environment[\"PATH\"] = \"/usr/bin:/bin\";\nProcess.Start(psi);\nConsole.WriteLine(\"hello\");\n"
        ),
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_setsid_shell_and_its_sleep_are_both_killed_whatever_their_environment_says() {
    let (runner, _dir) = runner();
    let markers = [
        (Language::Python, "1011.101"),
        (Language::Go, "1012.202"),
        (Language::Java, "1013.303"),
        (Language::CSharp, "1014.404"),
    ];
    let sources: Vec<(Language, String)> = markers
        .iter()
        .filter(|(l, _)| have(*l))
        .map(|(l, m)| (*l, setsid_shell(*l, m)))
        .collect();
    let ex = exercise("setsid-shell", 10, &[("default", None, "hello\n")]);
    for o in runner.check_many(&ex, &sources, &opts()) {
        assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
    }
    for (lang, marker) in markers {
        // Not one check later: now.
        assert!(
            !process_running_with(marker),
            "{}: `sleep {marker}` outlived the check",
            lang.display_name()
        );
    }
}

/// Programs that try to move into microlings' own process group (`pgid`), then start
/// `sleep <marker>` there. Java has no setpgid.
fn joining_our_group(lang: Language, pgid: u32, marker: &str) -> Option<String> {
    match lang {
        Language::Python => Some(format!(
            "import os, subprocess\ntry:\n    os.setpgid(0, {pgid})\n    print('joined')\nexcept OSError:\n    print('refused')\nsubprocess.Popen(['sleep', '{marker}'])\n"
        )),
        Language::Go => Some(format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os/exec\"\n\t\"syscall\"\n)\n\nfunc main() {{\n\tif err := syscall.Setpgid(0, {pgid}); err != nil {{\n\t\tfmt.Println(\"refused\")\n\t}} else {{\n\t\tfmt.Println(\"joined\")\n\t}}\n\t_ = exec.Command(\"sleep\", \"{marker}\").Start()\n}}\n"
        )),
        Language::Java => None,
        Language::CSharp => Some(format!(
            "using System.Diagnostics;\nusing System.Runtime.InteropServices;\n\nConsole.WriteLine(Native.setpgid(0, {pgid}) == 0 ? \"joined\" : \"refused\");\nProcess.Start(new ProcessStartInfo(\"sleep\", \"{marker}\") {{ UseShellExecute = false }});\n\nstatic class Native\n{{\n    [DllImport(\"libc.so.6\", SetLastError = true)]\n    public static extern int setpgid(int pid, int pgid);\n}}\n"
        )),
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_program_cannot_join_microlings_process_group() {
    let (runner, _dir) = runner();
    // SAFETY: getpgrp has no preconditions.
    let pgid = unsafe { libc::getpgrp() } as u32;
    let markers = [
        (Language::Python, "1021.101"),
        (Language::Go, "1022.202"),
        (Language::CSharp, "1024.404"),
    ];
    let sources: Vec<(Language, String)> = markers
        .iter()
        .filter(|(l, _)| have(*l))
        .filter_map(|(l, m)| Some((*l, joining_our_group(*l, pgid, m)?)))
        .collect();
    let ex = exercise("setpgid", 10, &[("default", None, "refused\n")]);
    for o in runner.check_many(&ex, &sources, &opts()) {
        assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
    }
    for (lang, marker) in markers {
        assert!(
            !process_running_with(marker),
            "{}: `sleep {marker}` outlived the check",
            lang.display_name()
        );
    }
}

/// Programs that, on every case, put FIFOs where microlings keeps its record and the next
/// case's stdin (beside the run directory, and where an older microlings kept its record),
/// then print the sum of the two numbers on stdin.
fn fifo_swapper(lang: Language) -> String {
    let shell = r#"d=$(basename \"$PWD\"); for f in \"../$d.microlings/record\" \"../$d.microlings/stdin-two\" .microlings-run; do rm -f \"$f\"; mkfifo \"$f\"; done"#;
    match lang {
        Language::Python => format!(
            "import subprocess\nsubprocess.run(['sh', '-c', \"{shell}\"])\na, b = map(int, input().split())\nprint(a + b)\n"
        ),
        Language::Go => format!(
            "package main\n\nimport (\n\t\"fmt\"\n\t\"os/exec\"\n)\n\nfunc main() {{\n\t_ = exec.Command(\"sh\", \"-c\", \"{shell}\").Run()\n\tvar a, b int\n\tfmt.Scan(&a, &b)\n\tfmt.Println(a + b)\n}}\n"
        ),
        Language::Java => format!(
            "import java.util.Scanner;\n\npublic class Main {{\n    public static void main(String[] args) throws Exception {{\n        new ProcessBuilder(\"sh\", \"-c\", \"{shell}\").start().waitFor();\n        Scanner in = new Scanner(System.in);\n        System.out.println(in.nextInt() + in.nextInt());\n    }}\n}}\n"
        ),
        Language::CSharp => format!(
            "using System.Diagnostics;\n\nvar psi = new ProcessStartInfo(\"sh\") {{ UseShellExecute = false }};\npsi.ArgumentList.Add(\"-c\");\npsi.ArgumentList.Add(\"{shell}\");\nProcess.Start(psi)!.WaitForExit();\nvar parts = Console.ReadLine()!.Split(' ');\nConsole.WriteLine(int.Parse(parts[0]) + int.Parse(parts[1]));\n"
        ),
    }
}

#[cfg(unix)]
#[test]
fn fifos_in_place_of_the_record_and_the_next_stdin_block_nothing() {
    let sources: Vec<(Language, String)> = Language::ALL
        .into_iter()
        .filter(|&l| have(l))
        .map(|l| (l, fifo_swapper(l)))
        .collect();
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("fifo-check".into())
        .spawn(move || {
            let (runner, _dir) = runner();
            let ex = exercise(
                "fifo",
                3,
                &[
                    ("one", Some("2 3\n"), "5\n"),
                    ("two", Some("40 2\n"), "42\n"),
                ],
            );
            let _ = done_tx.send(runner.check_many(&ex, &sources, &opts()));
        })
        .expect("start the check");
    // A hung spawn never answers: fail instead of hanging the test run.
    let outcomes = done_rx
        .recv_timeout(Duration::from_secs(120))
        .expect("the check hung on a FIFO");
    for o in outcomes {
        assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_go_service_whose_setsid_shell_keeps_its_port_does_not_keep_it_after_the_check() {
    if !have(Language::Go) {
        return;
    }
    let (runner, _dir) = runner();
    let marker = "1031.101";
    let ex = http_exercise(
        "shell-port",
        5,
        None,
        vec![get("/", 200, Some("{}"))],
        vec![],
    );
    let source = format!(
        "package main\n\nimport (\n\t\"net\"\n\t\"net/http\"\n\t\"os\"\n\t\"os/exec\"\n)\n\nfunc main() {{\n\tln, err := net.Listen(\"tcp\", \"127.0.0.1:\"+os.Getenv(\"PORT\"))\n\tif err != nil {{\n\t\tpanic(err)\n\t}}\n\tf, err := ln.(*net.TCPListener).File()\n\tif err != nil {{\n\t\tpanic(err)\n\t}}\n\t// The listening socket, inherited by a shell in a session of its own and its sleep.\n\tcmd := exec.Command(\"/usr/bin/setsid\", \"sh\", \"-c\", \"sleep {marker} & wait\")\n\tcmd.ExtraFiles = []*os.File{{f}}\n\tif err := cmd.Start(); err != nil {{\n\t\tpanic(err)\n\t}}\n\thttp.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {{\n\t\tw.Write([]byte(\"{{}}\"))\n\t}}))\n}}\n"
    );
    let o = runner.check(&ex, Language::Go, &source, &opts());
    assert_eq!(o.verdict, Verdict::Passed, "{o:#?}");
    let port = o.service.as_ref().expect("report").port;
    assert!(
        !port_open(port, Duration::from_millis(200)),
        "port {port} is still held after the check"
    );
    assert!(
        !process_running_with(marker),
        "the shell's sleep outlived the check"
    );
}

/// Programs that try to write to the terminal behind microlings' back (`/dev/tty`): a new
/// window title and a line; they print whether they could.
fn tty_writer(lang: Language) -> &'static str {
    match lang {
        Language::Python => {
            r#"try:
    with open('/dev/tty', 'w') as t:
        t.write('\x1b]2;PWNED\x07TTY-WROTE\n')
    print('opened')
except OSError:
    print('refused')
"#
        }
        Language::Go => {
            r#"package main

import (
	"fmt"
	"os"
)

func main() {
	t, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		fmt.Println("refused")
		return
	}
	t.WriteString("\x1b]2;PWNED\x07TTY-WROTE\n")
	t.Close()
	fmt.Println("opened")
}
"#
        }
        Language::Java => {
            r#"public class Main {
    public static void main(String[] args) {
        try (java.io.FileOutputStream t = new java.io.FileOutputStream("/dev/tty")) {
            t.write("\033]2;PWNED\007TTY-WROTE\n".getBytes());
            System.out.println("opened");
        } catch (java.io.IOException e) {
            System.out.println("refused");
        }
    }
}
"#
        }
        Language::CSharp => {
            r#"using System.IO;

try
{
    using var t = new FileStream("/dev/tty", FileMode.Open, FileAccess.Write);
    var b = System.Text.Encoding.ASCII.GetBytes("\u001b]2;PWNED\u0007TTY-WROTE\n");
    t.Write(b, 0, b.Length);
    Console.WriteLine("opened");
}
catch (IOException)
{
    Console.WriteLine("refused");
}
"#
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_program_cannot_reach_the_terminal_microlings_runs_in() {
    use std::process::Command;
    let tmux_ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !tmux_ok {
        assert!(!common::required(), "tmux is required in CI");
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let langs: Vec<Language> = Language::ALL.into_iter().filter(|&l| have(l)).collect();
    let data = tempfile::tempdir().expect("tempdir");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
    let base = format!(
        "{} --data-dir {} --course {}",
        env!("CARGO_BIN_EXE_microlings"),
        data.path().display(),
        fixture.display()
    );
    for &lang in &langs {
        let out = Command::new("sh")
            .args([
                "-c",
                &format!("{base} path fixture-sum --lang {}", lang.id()),
            ])
            .output()
            .expect("microlings path");
        let file = String::from_utf8_lossy(&out.stdout).trim().to_string();
        std::fs::write(&file, tty_writer(lang)).expect("write the learner's file");
    }
    let checks: Vec<String> = langs
        .iter()
        .map(|l| format!("{base} check fixture-sum --lang {}", l.id()))
        .collect();
    let script = format!(
        "NO_COLOR=1 GOCACHE={}; export NO_COLOR GOCACHE; {}; echo ALL-CHECKS-DONE; sleep 600",
        common::shared_cache().join("go-build").display(),
        checks.join("; ")
    );
    let session = format!("ml-tty-{}", std::process::id());
    let tmux = |args: &[&str]| {
        let out = Command::new("tmux").args(args).output().expect("tmux");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    tmux(&[
        "new-session",
        "-d",
        "-s",
        &session,
        "-x",
        "120",
        "-y",
        "50",
        "sh",
        "-c",
        &script,
    ]);
    // Four cold builds (a fresh data directory) on a machine that may be busy.
    let until = Instant::now() + Duration::from_secs(300);
    let screen = loop {
        let screen = tmux(&["capture-pane", "-p", "-S", "-", "-t", &session]);
        if screen.contains("ALL-CHECKS-DONE") || Instant::now() > until {
            break screen;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let title = tmux(&["display-message", "-p", "-t", &session, "#{pane_title}"]);
    tmux(&["kill-session", "-t", &session]);
    assert!(screen.contains("ALL-CHECKS-DONE"), "{screen}");
    assert!(
        !screen.contains("TTY-WROTE"),
        "a program wrote to the terminal:\n{screen}"
    );
    assert!(!title.contains("PWNED"), "a program set the title: {title}");
    // Every language's program was told no (its output is in the diff), none got through.
    assert_eq!(
        screen.matches("+ refused").count(),
        langs.len() * 2,
        "{screen}"
    );
    assert!(!screen.contains("opened"), "{screen}");
}

#[cfg(target_os = "linux")]
#[test]
fn microlings_without_its_helper_program_beside_it_still_checks_and_contains() {
    if !have(Language::Python) {
        return;
    }
    // The binary alone (as a copy made by hand would be): no microlings-contain beside it.
    // A hard link where it can be (beside target/): a copy is a file open for writing, which
    // a fork in another test's thread can inherit for a moment, and exec then fails with
    // "text file busy".
    let bin = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("tempdir");
    let alone = bin.path().join("microlings");
    if std::fs::hard_link(env!("CARGO_BIN_EXE_microlings"), &alone).is_err() {
        std::fs::copy(env!("CARGO_BIN_EXE_microlings"), &alone).expect("copy the binary");
    }
    let data = tempfile::tempdir().expect("tempdir");
    let marker = format!("{}.{}", std::process::id(), 7_391);
    let file = data.path().join("workspace/fixture-sum/python/main.py");
    std::fs::create_dir_all(file.parent().expect("parent")).expect("workspace");
    std::fs::write(
        &file,
        format!(
            "import subprocess\nsubprocess.Popen(['sleep', '{marker}'], start_new_session=True)\na, b = map(int, input().split())\nprint(a + b)\n"
        ),
    )
    .expect("source");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
    let run = || {
        std::process::Command::new(&alone)
            .arg("--data-dir")
            .arg(data.path())
            .arg("--course")
            .arg(&fixture)
            .args(["--no-color", "check", "fixture-sum", "--lang", "python"])
            .output()
    };
    let mut out = run();
    for _ in 0..20 {
        match &out {
            Err(e) if e.raw_os_error() == Some(libc::ETXTBSY) => {
                std::thread::sleep(Duration::from_millis(50));
                out = run();
            }
            _ => break,
        }
    }
    let out = out.expect("run microlings");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("passed"), "{stdout}");
    assert!(
        !process_running_with(&marker),
        "a detached child outlived the check"
    );
}
