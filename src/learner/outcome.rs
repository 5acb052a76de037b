//! How a check's outcome is presented, the same in both front ends: the verdict's words,
//! symbol and tone, durations, and how much of a program's output is shown.
//!
//! The renderers (the command line's text, the TUI's result panel) decide the layout; what is
//! said, and which part of a long output is kept, is decided here.

use crate::run::Verdict;

/// At most this many lines of a compiler's or a program's output are shown.
pub const OUTPUT_LINES: usize = 15;
/// Of a failing program's stderr, the first lines kept: the exception and its message (Java,
/// C# and Go print them first). The rest of [`OUTPUT_LINES`] is its end.
pub const CRASH_HEAD_LINES: usize = 3;

/// How a verdict is coloured. Colour is never the only signal: the symbol and the words say
/// the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// It passed.
    Good,
    /// The program is wrong.
    Bad,
    /// Nothing was judged: a missing toolchain, a cancelled check, microlings' own failure.
    Warn,
}

/// The tone of a verdict.
pub fn tone(verdict: Verdict) -> Tone {
    match verdict {
        Verdict::Passed => Tone::Good,
        Verdict::ToolchainMissing | Verdict::Cancelled | Verdict::CouldNotRun => Tone::Warn,
        _ => Tone::Bad,
    }
}

/// A verdict as a symbol and words: `✓ passed`, `✗ wrong output`, `! could not run`.
pub fn label(verdict: Verdict) -> String {
    format!(
        "{} {}",
        crate::style::verdict_symbol(verdict),
        verdict.label()
    )
}

/// A duration for people: `12 ms` below a second, `1.25 s` above.
pub fn duration(ms: u64) -> String {
    crate::clock::duration_ms(ms)
}

/// The part of a long output that is shown: its first lines, then how many were left out,
/// then its last lines. Short outputs are shown whole (`skipped` is 0, `tail` empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt<'a> {
    /// Shown first.
    pub head: Vec<&'a str>,
    /// Lines left out between `head` and `tail`.
    pub skipped: usize,
    /// Shown after the gap.
    pub tail: Vec<&'a str>,
}

impl<'a> Excerpt<'a> {
    /// `head` first lines and `tail` last lines of `text` (all of it when that covers it).
    fn cut(text: &'a str, head: usize, tail: usize) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        if lines.len() <= head + tail {
            return Excerpt {
                head: lines,
                skipped: 0,
                tail: Vec::new(),
            };
        }
        Excerpt {
            head: lines[..head].to_vec(),
            skipped: lines.len() - head - tail,
            tail: lines[lines.len() - tail..].to_vec(),
        }
    }

    /// What a failed check shows of stderr. A compiler's first errors matter (the rest often
    /// follow from them): its first lines. A crash is read at both ends: the exception and its
    /// message first, then the end of the stack trace, where Python names the error and Java
    /// its root cause.
    pub fn of_stderr(text: &'a str, verdict: Verdict) -> Self {
        if verdict == Verdict::CompileError {
            Excerpt::cut(text, OUTPUT_LINES, 0)
        } else {
            Excerpt::cut(text, CRASH_HEAD_LINES, OUTPUT_LINES - CRASH_HEAD_LINES)
        }
    }

    /// What a program printed on stdout before it failed: the last lines, nearest the failure.
    pub fn of_stdout(text: &'a str) -> Self {
        Excerpt::cut(text, 0, OUTPUT_LINES)
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.head.is_empty() && self.tail.is_empty()
    }

    /// The line that stands for the lines left out: `… 40 more lines` after the head,
    /// `… 40 lines above` before the tail, `… 40 lines not shown` between them.
    pub fn gap(&self) -> Option<String> {
        let n = self.skipped;
        match (n, self.head.is_empty(), self.tail.is_empty()) {
            (0, _, _) => None,
            (_, false, true) => Some(format!("… {n} more lines")),
            (_, true, false) => Some(format!("… {n} lines above")),
            _ => Some(format!("… {n} lines not shown")),
        }
    }
}
