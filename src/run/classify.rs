//! Who is to blame for how a process ended: the one place a termination becomes a verdict and
//! its words. The build, the cases, the service check, the lab build and the toolchain probe
//! all ask here.
//!
//! A failure of the machine is never the learner's: a program or compiler killed from outside
//! (a SIGKILL microlings did not send: the kernel's out-of-memory killer, a person), a
//! toolchain that could not start (its own words for that are data, per language:
//! [`start_failures`]), a compiler that ran out of memory, a full disk. Those become
//! [`Verdict::CouldNotRun`]: never cached, never an attempt, with the cause named.

use std::time::Duration;

use super::process::{ProcessResult, Termination};
use super::{OUTPUT_CAP, Verdict};
use crate::course::Language;

/// Which step of a check (or of microlings' own work) a process was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Compiling the learner's file, within this time.
    Build(Duration),
    /// Running the learner's program, within this time.
    Run(Duration),
    /// Asking a toolchain for its version (detection).
    Probe,
}

impl Step {
    /// What ran, for sentences: "the compiler", "the program", "the toolchain".
    fn who(self) -> &'static str {
        match self {
            Step::Build(_) => "the compiler",
            Step::Run(_) => "the program",
            Step::Probe => "the toolchain",
        }
    }
}

/// A failure of the machine, not of the learner's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MachineFailure {
    /// Killed by a signal microlings did not send, and that a program does not send itself.
    KilledFromOutside {
        /// What was killed: "the program", "the compiler".
        who: &'static str,
        /// The signal.
        signal: i32,
    },
    /// The toolchain could not start at all (the JVM, the .NET runtime, Go's or Python's).
    CouldNotStart {
        /// What could not start.
        who: &'static str,
        /// Whether it said it lacked memory.
        out_of_memory: bool,
        /// The line that said so.
        said: String,
    },
    /// The compiler ran out of memory while building.
    OutOfMemory {
        /// The line that said so.
        said: String,
    },
    /// A write failed: no space left on the device.
    DiskFull,
}

impl MachineFailure {
    /// The cause in words, e.g. "the compiler could not start: out of memory (...)".
    pub fn words(&self) -> String {
        match self {
            MachineFailure::KilledFromOutside { who, signal } => format!(
                "{who} was killed by signal {signal}{} from outside the program (the system may have run out of memory, or someone ended it)",
                signal_name(*signal)
            ),
            MachineFailure::CouldNotStart {
                who,
                out_of_memory: true,
                said,
            } => format!("{who} could not start: out of memory ({said})"),
            MachineFailure::CouldNotStart { who, said, .. } => {
                format!("{who} could not start ({said})")
            }
            MachineFailure::OutOfMemory { said } => {
                format!("the compiler ran out of memory ({said})")
            }
            MachineFailure::DiskFull => "the disk is full (no space left on device)".into(),
        }
    }
}

/// How a process ended, judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blame {
    /// The learner's: a verdict (`Passed` for a clean exit) and one sentence on it.
    Learner(Verdict, String),
    /// The machine's: the check did not really happen.
    Machine(MachineFailure),
}

/// Judges how a process of `step` for `language` ended. `result`'s stdout and stderr are the
/// process's own (for a build, the compiler's messages).
pub fn classify(step: Step, language: Language, result: &ProcessResult) -> Blame {
    if let Some(failure) = machine_failure(step, language, result) {
        return Blame::Machine(failure);
    }
    let stderr = String::from_utf8_lossy(&result.stderr);
    let (verdict, words) = match (step, result.termination) {
        (_, Termination::Exited(0)) => (Verdict::Passed, String::new()),
        (Step::Build(_), Termination::Exited(_)) => (
            Verdict::CompileError,
            "the compiler rejected the file; its first error is usually the one to fix".into(),
        ),
        (_, Termination::Exited(code)) => (
            Verdict::RuntimeError,
            match last_line(&stderr) {
                Some(line) => {
                    format!(
                        "{} exited with code {code}; stderr says why: {line}",
                        step.who()
                    )
                }
                None if result.stdout.iter().all(u8::is_ascii_whitespace) => {
                    format!(
                        "{} exited with code {code} without printing anything",
                        step.who()
                    )
                }
                None => format!(
                    "{} exited with code {code} and printed nothing on stderr",
                    step.who()
                ),
            },
        ),
        (_, Termination::Signalled { signal: sig, .. }) => (
            Verdict::RuntimeError,
            format!(
                "{} was killed by signal {sig}{}",
                step.who(),
                signal_name(sig)
            ),
        ),
        (step, Termination::TimedOut) => {
            let limit = match step {
                Step::Build(t) | Step::Run(t) => t.as_secs_f64(),
                Step::Probe => 0.0,
            };
            (
                Verdict::TimedOut,
                format!(
                    "{} was still running after {limit:.1} s and was stopped: look for a loop that never ends, or a read that waits for input",
                    step.who()
                ),
            )
        }
        (_, Termination::OutputTooLarge) => (
            Verdict::OutputTooLarge,
            format!(
                "{} printed more than {} MiB and was stopped: look for a print inside a loop that never ends",
                step.who(),
                OUTPUT_CAP / (1024 * 1024)
            ),
        ),
        (_, Termination::Cancelled) => (Verdict::Cancelled, "the check was cancelled".into()),
    };
    Blame::Learner(verdict, words)
}

/// The machine's part in how a process ended, if it had one.
fn machine_failure(step: Step, language: Language, r: &ProcessResult) -> Option<MachineFailure> {
    match r.termination {
        // microlings' own kills are `TimedOut`, `OutputTooLarge` and `Cancelled`; a program
        // does not SIGKILL itself by accident: someone else did (the OOM killer, a person).
        Termination::Signalled {
            signal: sig,
            sent_by_us: false,
        } if sig == SIGKILL => {
            return Some(MachineFailure::KilledFromOutside {
                who: step.who(),
                signal: sig,
            });
        }
        Termination::Exited(code) if code != 0 => {}
        // A runtime that cannot start may also abort (SIGABRT) after saying so.
        Termination::Signalled { .. } => {}
        _ => return None,
    }
    // A compiler's messages may be on stdout (csc); a program's stdout is its own.
    let mut said = String::from_utf8_lossy(&r.stderr).into_owned();
    if !matches!(step, Step::Run(_)) {
        said.push('\n');
        said.push_str(&String::from_utf8_lossy(&r.stdout));
    }
    let line_with = |marker: &str| {
        said.lines()
            .find(|l| l.contains(marker))
            .map(|l| shorten(l.trim()))
    };
    let start = start_failures(language);
    if let Some(first) = start.iter().find_map(|f| line_with(f.marker)) {
        // The JVM says "Error occurred during initialization of VM" first and why after it.
        let out_of_memory = start
            .iter()
            .any(|f| f.out_of_memory && line_with(f.marker).is_some());
        let said = start
            .iter()
            .filter(|f| f.out_of_memory)
            .find_map(|f| line_with(f.marker))
            .unwrap_or(first);
        return Some(MachineFailure::CouldNotStart {
            who: match step {
                Step::Run(_) => "the program's runtime",
                other => other.who(),
            },
            out_of_memory,
            said,
        });
    }
    if matches!(step, Step::Build(_))
        && let Some(said) = build_out_of_memory(language)
            .iter()
            .find_map(|m| line_with(m))
    {
        return Some(MachineFailure::OutOfMemory { said });
    }
    if said
        .to_ascii_lowercase()
        .contains("no space left on device")
    {
        return Some(MachineFailure::DiskFull);
    }
    None
}

/// A line a toolchain prints when it could not start at all: the machine's failure (a memory
/// limit, a broken installation), never a verdict on the learner's code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StartFailure {
    /// Text of the line.
    pub marker: &'static str,
    /// Whether it means the memory ran out.
    pub out_of_memory: bool,
}

const fn start(marker: &'static str, out_of_memory: bool) -> StartFailure {
    StartFailure {
        marker,
        out_of_memory,
    }
}

/// The dynamic loader, for every toolchain: a library that cannot be mapped (no memory) or found.
const LOADER: StartFailure = start("error while loading shared libraries", false);
/// The dynamic loader could not map a library: out of address space.
const LOADER_MEMORY: StartFailure = start("failed to map segment from shared object", true);
/// The containment helper could not start the program or compiler (`sandbox::helper_main`).
const HELPER: StartFailure = start("microlings: could not start ", false);

/// What each language's toolchain prints when it could not start (its compiler or its runtime:
/// javac is a JVM, csc runs on the .NET runtime).
pub fn start_failures(lang: Language) -> &'static [StartFailure] {
    // Only the interpreter's start-up: "Fatal Python error: Cannot recover from stack
    // overflow" is the learner's recursion.
    const PYTHON: &[StartFailure] = &[
        start("Fatal Python error: init_", false),
        start("Fatal Python error: _Py", false),
        start("Fatal Python error: pymain_", false),
        LOADER_MEMORY,
        LOADER,
        HELPER,
    ];
    const GO: &[StartFailure] = &[
        start("failed to reserve page summary memory", true),
        start("cannot reserve arena virtual address space", true),
        start("runtime: cannot allocate memory", true),
        LOADER_MEMORY,
        LOADER,
        HELPER,
    ];
    const JAVA: &[StartFailure] = &[
        start("Could not allocate compressed class space", true),
        start("Could not reserve enough space for", true),
        start("insufficient memory for the Java Runtime Environment", true),
        start("Error occurred during initialization of VM", false),
        start("Could not create the Java Virtual Machine", false),
        LOADER_MEMORY,
        LOADER,
        HELPER,
    ];
    const CSHARP: &[StartFailure] = &[
        start("Failed to create CoreCLR, HRESULT: 0x8007000E", true),
        start("Failed to create CoreCLR, HRESULT: 0x80070008", true),
        start("GC heap initialization failed", true),
        start("Failed to create CoreCLR", false),
        LOADER_MEMORY,
        LOADER,
        HELPER,
    ];
    match lang {
        Language::Python => PYTHON,
        Language::Go => GO,
        Language::Java => JAVA,
        Language::CSharp => CSHARP,
    }
}

/// What each language's compiler prints when it ran out of memory while building.
pub fn build_out_of_memory(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::Python => &[],
        Language::Go => &["fatal error: runtime: out of memory"],
        Language::Java => &["The system is out of resources."],
        Language::CSharp => &["System.OutOfMemoryException"],
    }
}

const SIGKILL: i32 = 9;

/// The name of a signal and what it usually means, after its number.
pub fn signal_name(sig: i32) -> &'static str {
    match sig {
        6 => " (SIGABRT: the program aborted)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV: a memory fault)",
        15 => " (SIGTERM)",
        _ => "",
    }
}

/// How a process ended, in a few words: "exited with code 1", "was killed by signal 11 ...".
pub fn describe(termination: Termination) -> String {
    match termination {
        Termination::Exited(code) => format!("exited with code {code}"),
        Termination::Signalled { signal: sig, .. } => {
            format!("was killed by signal {sig}{}", signal_name(sig))
        }
        Termination::TimedOut => "ran past its time limit".into(),
        Termination::OutputTooLarge => "printed far too much".into(),
        Termination::Cancelled => "was cancelled".into(),
    }
}

/// The last line of `text` that is not blank, shortened for a one-line message.
pub fn last_line(text: &str) -> Option<String> {
    let line = text.lines().rev().map(str::trim).find(|l| !l.is_empty())?;
    Some(shorten(line))
}

fn shorten(line: &str) -> String {
    const MAX: usize = 160;
    if line.chars().count() > MAX {
        format!("{}...", line.chars().take(MAX).collect::<String>())
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ended(termination: Termination, stderr: &str) -> ProcessResult {
        ProcessResult {
            termination,
            stdout: Vec::new(),
            stderr: stderr.as_bytes().to_vec(),
            duration: Duration::ZERO,
        }
    }

    const BUILD: Step = Step::Build(Duration::from_secs(60));
    const RUN: Step = Step::Run(Duration::from_secs(5));

    fn machine(step: Step, lang: Language, r: &ProcessResult) -> MachineFailure {
        match classify(step, lang, r) {
            Blame::Machine(m) => m,
            other => panic!("blamed on the learner: {other:?}"),
        }
    }

    #[test]
    fn a_sigkill_microlings_did_not_send_is_the_machines() {
        for step in [BUILD, RUN, Step::Probe] {
            let m = machine(
                step,
                Language::Java,
                &ended(
                    Termination::Signalled {
                        signal: 9,
                        sent_by_us: false,
                    },
                    "",
                ),
            );
            assert!(
                m.words()
                    .contains("killed by signal 9 (SIGKILL) from outside the program"),
                "{}",
                m.words()
            );
        }
        // Other signals are the program's own doing.
        let blame = classify(
            RUN,
            Language::Go,
            &ended(
                Termination::Signalled {
                    signal: 11,
                    sent_by_us: false,
                },
                "",
            ),
        );
        assert!(
            matches!(blame, Blame::Learner(Verdict::RuntimeError, ref w) if w.contains("SIGSEGV"))
        );
    }

    #[test]
    fn a_toolchain_that_could_not_start_names_the_cause() {
        let javac = ended(
            Termination::Exited(1),
            "Error occurred during initialization of VM\nCould not allocate compressed class space: 1073741824 bytes\n",
        );
        let m = machine(BUILD, Language::Java, &javac);
        assert!(
            m.words()
                .starts_with("the compiler could not start: out of memory (Could not allocate compressed class space"),
            "{}",
            m.words()
        );
        for (lang, stderr) in [
            (
                Language::Python,
                "Fatal Python error: init_import_site: Failed to import the site module",
            ),
            (
                Language::Go,
                "fatal error: failed to reserve page summary memory",
            ),
            (
                Language::CSharp,
                "Failed to create CoreCLR, HRESULT: 0x80070008",
            ),
            (
                Language::Java,
                "Error occurred during initialization of VM\nCould not reserve enough space for code cache (245760K)",
            ),
        ] {
            let m = machine(RUN, lang, &ended(Termination::Exited(1), stderr));
            assert!(
                m.words()
                    .starts_with("the program's runtime could not start"),
                "{lang:?}: {}",
                m.words()
            );
        }
    }

    #[test]
    fn a_compiler_the_helper_could_not_start_is_the_machines() {
        for lang in Language::ALL {
            let r = ended(
                Termination::Exited(127),
                "microlings: could not start /usr/bin/go: No such file or directory (os error 2)\n",
            );
            let m = machine(BUILD, lang, &r);
            assert!(
                m.words().starts_with("the compiler could not start"),
                "{lang:?}: {}",
                m.words()
            );
        }
    }

    #[test]
    fn the_learners_own_failures_stay_theirs() {
        let oom = ended(
            Termination::Exited(1),
            "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
        );
        assert!(matches!(
            classify(RUN, Language::Java, &oom),
            Blame::Learner(Verdict::RuntimeError, _)
        ));
        let rejected = ended(Termination::Exited(1), "Main.java:3: error: ';' expected");
        assert!(matches!(
            classify(BUILD, Language::Java, &rejected),
            Blame::Learner(Verdict::CompileError, _)
        ));
        // Only a failing process can blame the machine: a program may print the words.
        let fine = ended(
            Termination::Exited(0),
            "Error occurred during initialization of VM",
        );
        assert!(matches!(
            classify(RUN, Language::Java, &fine),
            Blame::Learner(Verdict::Passed, _)
        ));
        assert!(matches!(
            classify(RUN, Language::Python, &ended(Termination::TimedOut, "")),
            Blame::Learner(Verdict::TimedOut, _)
        ));
    }

    #[test]
    fn a_full_disk_and_a_compiler_out_of_memory_are_the_machines() {
        let full = ended(
            Termination::Exited(1),
            "OSError: [Errno 28] No space left on device",
        );
        assert_eq!(
            machine(RUN, Language::Python, &full),
            MachineFailure::DiskFull
        );
        let javac = ended(
            Termination::Exited(1),
            "The system is out of resources.\nConsult the following stack trace for details.\njava.lang.OutOfMemoryError: Java heap space",
        );
        assert!(matches!(
            machine(BUILD, Language::Java, &javac),
            MachineFailure::OutOfMemory { .. }
        ));
    }
}
