//! Output comparison: normalisation and a line diff the CLI and TUI can colour.
//!
//! Whether a case passed is a plain equality test of the normalised outputs. Only the
//! explanation, the diff, is bounded: a check has one [`Budget`] for all its diffs, and past it
//! (or past the size caps) the diff says where the outputs first differ and that the rest is
//! too long to diff in full.

use std::cell::Cell;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag};

use super::process::CancelToken;

/// How long explaining the wrong outputs of one check may take in all. A line diff is
/// quadratic in the worst case (500,000 lines against one took minutes); a learner's real
/// mistake diffs in microseconds.
pub const JUDGE_BUDGET: Duration = Duration::from_millis(500);
/// Diff lines kept from just before the first mismatch; the rest are counted, not stored
/// (outcomes are cached and saved in progress).
pub const MAX_STORED_LINES: usize = 400;
/// Characters kept of one diff line; a longer line keeps a window around its first
/// difference.
pub const MAX_LINE_CHARS: usize = 1_000;
/// Equal lines kept before the first mismatch, for context.
const CONTEXT_LINES: usize = 3;
/// How often (in lines) a long loop looks at the cancel token.
const CANCEL_EVERY: usize = 4_096;

/// The time and the cancel token that bound judging for one check: the time is spent only
/// while judging (running the cases does not use it), across every case of the check.
#[derive(Debug, Clone)]
pub struct Budget {
    left: Cell<Duration>,
    cancel: CancelToken,
}

impl Budget {
    /// A budget of `time` of judging, ended early by `cancel`.
    pub fn new(time: Duration, cancel: CancelToken) -> Self {
        Budget {
            left: Cell::new(time),
            cancel,
        }
    }

    /// A budget of [`JUDGE_BUDGET`] that nothing cancels (judging outside a check).
    pub fn standard() -> Self {
        Self::new(JUDGE_BUDGET, CancelToken::new())
    }

    /// Whether the time is spent or the check was cancelled.
    pub fn exhausted(&self) -> bool {
        self.cancel.is_cancelled() || self.left.get().is_zero()
    }

    /// Starts judging: the clock that runs out when the time left does.
    fn start(&self) -> Clock {
        Clock {
            deadline: Instant::now() + self.left.get(),
            cancel: self.cancel.clone(),
        }
    }

    fn spend(&self, time: Duration) {
        self.left.set(self.left.get().saturating_sub(time));
    }
}

/// One judgement's deadline and the check's cancel token.
struct Clock {
    deadline: Instant,
    cancel: CancelToken,
}

impl Clock {
    fn exhausted(&self) -> bool {
        self.cancel.is_cancelled() || Instant::now() >= self.deadline
    }

    fn cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }
}

/// Normalises program output for comparison: CRLF becomes LF, trailing whitespace is removed
/// from every line and from the end. Everything else must match exactly (a lone `\r` too: it
/// is a character of the line, not a line break).
pub fn normalize(text: &str) -> String {
    let unix = text.replace("\r\n", "\n");
    let mut out: String = unix
        .split('\n')
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    out.truncate(out.trim_end().len());
    out
}

/// What a diff line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    /// In both.
    Equal,
    /// Expected, but missing from the actual output.
    Expected,
    /// Printed, but not expected.
    Actual,
}

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffLine {
    /// Which side the line belongs to.
    pub op: DiffOp,
    /// The line's text, without its newline; at most [`MAX_LINE_CHARS`] of it, with `…` where
    /// some was left out.
    pub text: String,
    /// Whether whitespace should be shown (the line differs from its counterpart only in
    /// whitespace, so the learner could not otherwise see the difference).
    pub show_whitespace: bool,
}

/// Where two outputs first differ, counted from 1: the line, and the character in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The line.
    pub line: usize,
    /// The character in that line.
    pub column: usize,
}

/// A line diff of expected versus actual output (both normalised).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diff {
    /// The lines, expected-only lines before actual-only lines within a change.
    pub lines: Vec<DiffLine>,
    /// Index into `lines` of the first line that is not `Equal`.
    pub first_mismatch: usize,
    /// Set when the outputs were too long (or the check's judging budget ran out) to diff in
    /// full: where they first differ. `lines` then holds what could be shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cut_short: Option<Position>,
    /// Diff lines after the stored ones, left out (at most [`MAX_STORED_LINES`] are kept); for
    /// a diff cut short, the lines of both sides after the first difference.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub more_lines: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Diff {
    /// One sentence for a diff that was cut short: where the outputs first differ and that
    /// the rest is too long to diff in full.
    pub fn cut_short_note(&self) -> Option<String> {
        self.cut_short.map(|p| {
            format!(
                "the outputs first differ at line {}, character {}; the rest is too long to diff in full",
                p.line, p.column
            )
        })
    }
}

/// Compares expected and actual output with a budget of its own ([`Budget::standard`]);
/// `None` when they match after normalisation.
pub fn compare(expected: &str, actual: &str) -> Option<Diff> {
    compare_within(expected, actual, &Budget::standard())
}

/// Compares expected and actual output; `None` when they match after normalisation. Whether
/// they match is a plain equality test; the diff that explains a mismatch stops at the
/// budget's deadline or cancel token, and is capped in lines and line length.
pub fn compare_within(expected: &str, actual: &str, budget: &Budget) -> Option<Diff> {
    let started = Instant::now();
    let diff = judge(expected, actual, &budget.start());
    budget.spend(started.elapsed());
    diff
}

fn judge(expected: &str, actual: &str, budget: &Clock) -> Option<Diff> {
    let expected = normalize(expected);
    let actual = normalize(actual);
    if expected == actual {
        return None;
    }
    let old: Vec<&str> = expected.split('\n').collect();
    let new: Vec<&str> = actual.split('\n').collect();
    let first = first_difference(&old, &new);
    let full = if budget.exhausted() {
        None
    } else {
        line_diff(&old, &new, budget)
    };
    let mut cut = full.is_none();
    let (mut lines, more_lines) = full.unwrap_or_else(|| {
        // Not diffed: the lines of both sides after the first difference.
        let after = |side: &[&str]| side.len().saturating_sub(first.line);
        (around(&old, &new, first), after(&old) + after(&new))
    });
    if lines.iter().all(|l| l.op == DiffOp::Equal) {
        // Cannot happen for outputs that differ; keep the diff meaningful if it ever does.
        lines.push(DiffLine {
            op: DiffOp::Expected,
            text: String::new(),
            show_whitespace: true,
        });
    }
    mark_whitespace_only_changes(&mut lines);
    let first_mismatch = lines
        .iter()
        .position(|l| l.op != DiffOp::Equal)
        .unwrap_or(0);
    // A long line keeps a window around the first difference (in the first changed line of
    // each side), or its start.
    let first_actual = lines.iter().position(|l| l.op == DiffOp::Actual);
    for (i, line) in lines.iter_mut().enumerate() {
        let at = if i == first_mismatch || Some(i) == first_actual {
            first.column - 1
        } else {
            0
        };
        if let Some(clipped) = clip(&line.text, at) {
            line.text = clipped;
            cut = true;
        }
    }
    Some(Diff {
        lines,
        first_mismatch,
        cut_short: cut.then_some(first),
        more_lines,
    })
}

/// The line diff from a few lines before the first mismatch, at most [`MAX_STORED_LINES`]
/// lines, with the number of lines left out after them; `None` when the budget ran out or the
/// check was cancelled.
fn line_diff(old: &[&str], new: &[&str], budget: &Clock) -> Option<(Vec<DiffLine>, usize)> {
    let ops =
        similar::capture_diff_slices_deadline(Algorithm::Myers, old, new, Some(budget.deadline));
    // Past the deadline similar gives up on a minimal diff: say so rather than show it.
    if budget.exhausted() {
        return None;
    }
    let mut lines: Vec<DiffLine> = Vec::new();
    let mut first_mismatch = None;
    let mut more = 0;
    let mut seen = 0usize;
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let (before, after) = match tag {
            DiffTag::Equal => (DiffOp::Equal, DiffOp::Equal),
            _ => (DiffOp::Expected, DiffOp::Actual),
        };
        let items = old[old_range].iter().map(|t| (before, *t)).chain(
            new[new_range]
                .iter()
                .filter(|_| tag != DiffTag::Equal)
                .map(|t| (after, *t)),
        );
        for (kind, text) in items {
            seen += 1;
            if seen.is_multiple_of(CANCEL_EVERY) && budget.cancelled() {
                return None;
            }
            if kind != DiffOp::Equal && first_mismatch.is_none() {
                first_mismatch = Some(lines.len());
            }
            match first_mismatch {
                // Only the last few equal lines before the first mismatch are context.
                None if lines.len() == CONTEXT_LINES => {
                    lines.remove(0);
                }
                Some(f) if lines.len() >= f + MAX_STORED_LINES => {
                    more += 1;
                    continue;
                }
                _ => {}
            }
            lines.push(DiffLine {
                op: kind,
                text: text.to_string(),
                show_whitespace: false,
            });
        }
    }
    Some((lines, more))
}

/// Where `old` and `new` first differ (both split into lines), counted from 1.
fn first_difference(old: &[&str], new: &[&str]) -> Position {
    let i = old
        .iter()
        .zip(new)
        .position(|(a, b)| a != b)
        .unwrap_or(old.len().min(new.len()));
    let (a, b) = (old.get(i).copied(), new.get(i).copied());
    let column = match (a, b) {
        (Some(a), Some(b)) => a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count(),
        _ => 0,
    };
    Position {
        line: i + 1,
        column: column + 1,
    }
}

/// What a diff that was cut short shows: the lines just before the first difference, then
/// the expected and the actual line there.
fn around(old: &[&str], new: &[&str], first: Position) -> Vec<DiffLine> {
    let i = first.line - 1;
    let mut lines: Vec<DiffLine> = old[i.saturating_sub(CONTEXT_LINES)..i.min(old.len())]
        .iter()
        .map(|t| DiffLine {
            op: DiffOp::Equal,
            text: t.to_string(),
            show_whitespace: false,
        })
        .collect();
    for (op, side) in [(DiffOp::Expected, old), (DiffOp::Actual, new)] {
        if let Some(text) = side.get(i) {
            lines.push(DiffLine {
                op,
                text: text.to_string(),
                show_whitespace: false,
            });
        }
    }
    lines
}

/// `text` cut to [`MAX_LINE_CHARS`] characters around the character `at`, with `…` where
/// some was left out; `None` when it is short enough already.
fn clip(text: &str, at: usize) -> Option<String> {
    if text.len() <= MAX_LINE_CHARS || text.chars().count() <= MAX_LINE_CHARS {
        return None;
    }
    let total = text.chars().count();
    let start = at
        .saturating_sub(MAX_LINE_CHARS / 4)
        .min(total - MAX_LINE_CHARS);
    let end = start + MAX_LINE_CHARS;
    let mut out = String::with_capacity(MAX_LINE_CHARS * 4 + 8);
    if start > 0 {
        out.push('…');
    }
    out.extend(text.chars().skip(start).take(MAX_LINE_CHARS));
    if end < total {
        out.push('…');
    }
    Some(out)
}

/// The `(expected, actual)` line indexes of a diff that replace each other: in each run of
/// expected lines followed by actual lines, the k-th expected line pairs with the k-th actual.
pub fn replaced_pairs(lines: &[DiffLine]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].op != DiffOp::Expected {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].op == DiffOp::Expected {
            i += 1;
        }
        let mid = i;
        while i < lines.len() && lines[i].op == DiffOp::Actual {
            i += 1;
        }
        pairs.extend((0..(mid - start).min(i - mid)).map(|k| (start + k, mid + k)));
    }
    pairs
}

/// Marks the pairs of replaced lines that differ only in whitespace.
fn mark_whitespace_only_changes(lines: &mut [DiffLine]) {
    for (a, b) in replaced_pairs(lines) {
        let (ea, eb) = (
            without_invisible(&lines[a].text),
            without_invisible(&lines[b].text),
        );
        if ea.split_whitespace().eq(eb.split_whitespace()) {
            lines[a].show_whitespace = true;
            lines[b].show_whitespace = true;
        }
    }
}

/// Characters that take no room on screen, so a line holding one looks like a line without.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{feff}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{00ad}'
    )
}

fn without_invisible(text: &str) -> String {
    text.chars().filter(|&c| !is_invisible(c)).collect()
}

/// Makes whitespace and invisible characters visible: `·` for a space, `→` for a tab, `⍽` for
/// a no-break space, `␍` for a carriage return, `<BOM>` for a byte order mark and `<U+200B>`
/// for other zero-width characters. For diff lines that differ only in these.
pub fn visible_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            ' ' => out.push('·'),
            '\t' => out.push('→'),
            '\u{a0}' | '\u{202f}' => out.push('⍽'),
            '\r' => out.push('␍'),
            '\u{feff}' => out.push_str("<BOM>"),
            c if is_invisible(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The legend shown under a diff with lines whose difference [`visible_whitespace`] shows.
pub const WHITESPACE_LEGEND: &str = "(· is a space, → a tab, ⍽ a no-break space, <BOM> a byte order mark: those lines differ only in characters you cannot see)";

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn normalisation_ignores_crlf_and_trailing_whitespace_only() {
        assert_eq!(normalize("a \r\nb\t\n\n\n"), "a\nb");
        assert_eq!(normalize("  a"), "  a");
        assert_eq!(normalize(""), "");
        assert!(compare("x\ny\n", "x  \r\ny").is_none());
        assert!(compare("x y", "x  y").is_some());
        assert!(compare(" x", "x").is_some());
    }

    #[test]
    fn diff_marks_the_first_mismatch_and_both_sides() {
        let diff = compare("a\nb\nc\n", "a\nB\nc\n").expect("differs");
        assert_eq!(diff.first_mismatch, 1);
        let ops: Vec<DiffOp> = diff.lines.iter().map(|l| l.op).collect();
        assert_eq!(
            ops,
            [
                DiffOp::Equal,
                DiffOp::Expected,
                DiffOp::Actual,
                DiffOp::Equal
            ]
        );
        assert!(!diff.lines[1].show_whitespace);
    }

    #[test]
    fn whitespace_is_made_visible_only_where_it_is_the_difference() {
        let diff = compare("total 550\nok\n", "total  550\nOK\n").expect("differs");
        let shown: Vec<(DiffOp, bool)> = diff
            .lines
            .iter()
            .map(|l| (l.op, l.show_whitespace))
            .collect();
        assert_eq!(
            shown,
            [
                (DiffOp::Expected, true),
                (DiffOp::Expected, false),
                (DiffOp::Actual, true),
                (DiffOp::Actual, false)
            ]
        );
        assert_eq!(visible_whitespace("a b\tc"), "a·b→c");
    }

    #[test]
    fn differences_invisible_in_a_diff_are_made_visible() {
        for (expected, actual, shown) in [
            ("hello world", "hello\u{a0}world", "hello⍽world"),
            ("hello", "\u{feff}hello", "<BOM>hello"),
            ("a b", "a\tb", "a→b"),
            ("ab", "a\u{200b}b", "a<U+200B>b"),
        ] {
            let diff = compare(expected, actual).expect("differs");
            let actual_line = diff
                .lines
                .iter()
                .find(|l| l.op == DiffOp::Actual)
                .expect("an actual line");
            assert!(actual_line.show_whitespace, "{actual:?}");
            assert_eq!(visible_whitespace(&actual_line.text), shown);
        }
    }

    #[test]
    fn a_lone_carriage_return_is_part_of_its_line() {
        let diff = compare("abc\n", "abc\rXY\n").expect("differs");
        let texts: Vec<(DiffOp, &str)> =
            diff.lines.iter().map(|l| (l.op, l.text.as_str())).collect();
        assert_eq!(
            texts,
            [(DiffOp::Expected, "abc"), (DiffOp::Actual, "abc\rXY")]
        );
    }

    /// Judging time of one diff: far below a second even for the worst shapes.
    fn timed(expected: &str, actual: &str) -> (Diff, Duration) {
        let started = Instant::now();
        let diff = compare_within(expected, actual, &Budget::standard()).expect("differs");
        (diff, started.elapsed())
    }

    #[test]
    fn a_megabyte_on_one_line_is_judged_quickly_and_says_where_it_differs() {
        let expected = "a".repeat(1_000_000);
        let mut actual = expected.clone();
        actual.replace_range(500_000..500_001, "b");
        let (diff, took) = timed(&expected, &actual);
        assert!(took < Duration::from_secs(10), "{took:?}");
        assert_eq!(
            diff.cut_short,
            Some(Position {
                line: 1,
                column: 500_001
            })
        );
        assert!(
            diff.lines
                .iter()
                .all(|l| l.text.chars().count() <= MAX_LINE_CHARS + 2)
        );
        // The window shows the difference, with the same start on both sides.
        let (e, a) = (&diff.lines[0].text, &diff.lines[1].text);
        assert!(e.starts_with('…') && a.starts_with('…'));
        let at = e
            .chars()
            .zip(a.chars())
            .position(|(x, y)| x != y)
            .expect("differs inside");
        assert_eq!(a.chars().nth(at), Some('b'));
        assert!(
            diff.cut_short_note()
                .expect("a note")
                .contains("line 1, character 500001")
        );
    }

    #[test]
    fn half_a_million_identical_lines_are_judged_within_the_budget() {
        let line = "same line\n";
        for (expected, actual) in [
            // The program repeats a line the exercise expects once.
            (line.to_string(), line.repeat(500_000)),
            // Every other line differs: as far from a common prefix as it gets.
            ("a\nb\n".repeat(2), "a\nc\n".repeat(250_000)),
            (line.repeat(250_000) + "x\n", line.repeat(250_000) + "y\n"),
            (
                "x\n".to_string() + &line.repeat(100_000),
                line.repeat(100_000) + "z",
            ),
        ] {
            let (diff, took) = timed(&expected, &actual);
            assert!(took < Duration::from_secs(10), "{took:?}");
            assert!(
                diff.lines.len() <= MAX_STORED_LINES + CONTEXT_LINES + 2,
                "{}",
                diff.lines.len()
            );
            assert!(diff.lines.iter().any(|l| l.op != DiffOp::Equal));
        }
    }

    #[test]
    fn a_spent_budget_still_judges_and_says_where_the_outputs_first_differ() {
        let spent = Budget::new(Duration::ZERO, CancelToken::new());
        let diff = compare_within("a\nb\nc\n", "a\nb\nC\n", &spent).expect("differs");
        assert_eq!(diff.cut_short, Some(Position { line: 3, column: 1 }));
        let ops: Vec<DiffOp> = diff.lines.iter().map(|l| l.op).collect();
        assert_eq!(
            ops,
            [
                DiffOp::Equal,
                DiffOp::Equal,
                DiffOp::Expected,
                DiffOp::Actual
            ]
        );
        assert!(
            compare_within("same", "same\n", &spent).is_none(),
            "equality is not budgeted"
        );
        let cancel = CancelToken::new();
        cancel.cancel();
        let cancelled = Budget::new(JUDGE_BUDGET, cancel);
        let diff = compare_within("a\n", "b\n", &cancelled).expect("differs");
        assert!(diff.cut_short.is_some());
        // A missing line: the position is just past the last common line.
        let diff = compare_within("a\nb\n", "a\n", &spent).expect("differs");
        assert_eq!(diff.cut_short, Some(Position { line: 2, column: 1 }));
    }

    #[test]
    fn only_judging_spends_the_budget_not_the_time_between_cases() {
        let budget = Budget::new(Duration::from_millis(50), CancelToken::new());
        // A case's program runs for a while between two judgements.
        std::thread::sleep(Duration::from_millis(100));
        let diff = compare_within("a\nb\n", "a\nc\n", &budget).expect("differs");
        assert!(diff.cut_short.is_none(), "{diff:?}");
        assert!(!budget.exhausted());
    }

    #[test]
    fn stored_lines_are_capped_and_the_rest_counted() {
        let expected: String = (0..1000).map(|i| format!("{i}\n")).collect();
        let actual: String = (0..1000).map(|i| format!("{}\n", i + 1_000_000)).collect();
        let diff = compare(&expected, &actual).expect("differs");
        assert_eq!(diff.lines.len(), MAX_STORED_LINES);
        assert_eq!(diff.lines.len() + diff.more_lines, 2000);
        assert!(diff.cut_short.is_none(), "the diff itself was complete");
    }

    #[test]
    fn missing_and_extra_lines_show_on_one_side() {
        let diff = compare("a\nb\n", "a\n").expect("differs");
        assert_eq!(diff.lines.last().map(|l| l.op), Some(DiffOp::Expected));
        let diff = compare("a\n", "a\nb\n").expect("differs");
        assert_eq!(diff.lines.last().map(|l| l.op), Some(DiffOp::Actual));
    }
}
