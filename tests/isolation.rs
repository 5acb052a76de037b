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
# A daemon in a session of its own that holds the listening socket.
subprocess.Popen(["sleep", "{marker}"], start_new_session=True, pass_fds=[srv.fileno()])
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
