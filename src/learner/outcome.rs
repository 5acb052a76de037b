//! How a check's outcome is presented, the same in both front ends: the verdict's words,
//! symbol and tone, durations, and how much of a program's output is shown.
//!
//! The renderers (the command line's text, the TUI's result panel) decide the layout; what is
//! said, and which part of a long output is kept, is decided here.

use crate::run::{Diff, Outcome, Verdict};
use crate::visible::visible;

/// The outcome with every text that came from the learner's program (or a course) made safe
/// for a terminal: control characters are shown, not sent (see [`crate::visible`]). Both front
/// ends present this, never the raw outcome.
pub fn visible_outcome(o: &Outcome) -> Outcome {
    let diff = |d: &Diff| {
        let mut d = d.clone();
        for l in &mut d.lines {
            l.text = visible(&l.text);
        }
        d
    };
    let mut o = o.clone();
    o.stdout = visible(&o.stdout);
    o.stderr = visible(&o.stderr);
    o.message = visible(&o.message);
    o.case = o.case.as_deref().map(visible);
    o.diff = o.diff.as_ref().map(diff);
    for f in &mut o.more_failures {
        f.case = visible(&f.case);
        f.input = f.input.as_deref().map(visible);
        f.diff = diff(&f.diff);
    }
    if let Some(s) = &mut o.service {
        for r in &mut s.requests {
            r.name = visible(&r.name);
            r.message = visible(&r.message);
            r.diff = r.diff.as_ref().map(diff);
        }
    }
    o
}

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

/// The diff of a program that answers each input line with one output line, re-aligned line
/// by line: expected line `k` against actual line `k`, each changed pair an expected line
/// followed by the actual one. A line diff aligns by longest common subsequence and may pair
/// an answer with another input's answer ("error" lines look alike); line by line, the `k`-th
/// input line is beside its answer. `None` unless the expected output, the actual output and
/// the input have as many lines.
pub fn line_by_line(diff: &Diff, input: &str) -> Option<Diff> {
    use crate::run::{DiffLine, DiffOp};
    let inputs = input.lines().count();
    let expected: Vec<&DiffLine> = diff
        .lines
        .iter()
        .filter(|l| l.op != DiffOp::Actual)
        .collect();
    let actual: Vec<&DiffLine> = diff
        .lines
        .iter()
        .filter(|l| l.op != DiffOp::Expected)
        .collect();
    if inputs == 0 || expected.len() != inputs || actual.len() != inputs {
        return None;
    }
    let mut lines = Vec::new();
    for (e, a) in expected.into_iter().zip(actual) {
        if e.text == a.text {
            lines.push(DiffLine {
                op: DiffOp::Equal,
                ..e.clone()
            });
            continue;
        }
        // Differing only in whitespace: show it, or the two lines look the same.
        let show_whitespace = e.text.split_whitespace().eq(a.text.split_whitespace());
        for (op, l) in [(DiffOp::Expected, e), (DiffOp::Actual, a)] {
            lines.push(DiffLine {
                op,
                text: l.text.clone(),
                show_whitespace,
            });
        }
    }
    let first_mismatch = lines.iter().position(|l| l.op != DiffOp::Equal)?;
    let mut aligned = diff.clone();
    aligned.lines = lines;
    aligned.first_mismatch = first_mismatch;
    Some(aligned)
}

#[cfg(test)]
mod line_by_line_tests {
    use super::line_by_line;
    use crate::run::DiffOp;
    use crate::run::compare::compare;

    #[test]
    fn each_answer_stands_beside_the_input_line_it_answers() {
        // LCS pairs the first "error" with a later one; line by line, line 1 is the change.
        let diff = compare("error\nerror\nok 1\n", "ok 443\nerror\nok 1\n").expect("differs");
        let aligned = line_by_line(&diff, " 443\nx\n1\n").expect("one answer per line");
        let ops: Vec<(DiffOp, &str)> = aligned
            .lines
            .iter()
            .map(|l| (l.op, l.text.as_str()))
            .collect();
        assert_eq!(
            ops,
            [
                (DiffOp::Expected, "error"),
                (DiffOp::Actual, "ok 443"),
                (DiffOp::Equal, "error"),
                (DiffOp::Equal, "ok 1"),
            ]
        );
        assert_eq!(aligned.first_mismatch, 0);
        // Another number of lines: no pairing.
        assert!(line_by_line(&diff, "one line\n").is_none());
        assert!(line_by_line(&compare("a\n", "a\nb\n").expect("differs"), "x\n").is_none());
    }
}
