//! Which characters differ inside a changed line of a diff (`True` versus `true`), so the CLI
//! and the TUI can mark them instead of only whole lines.

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{ChangeTag, TextDiff};

use crate::run::Diff;

/// Above this share of changed characters a line is simply different: marking most of it
/// says nothing the whole-line colour does not.
const MOSTLY_CHANGED: f64 = 0.4;
/// More separate changes than this in one line read as noise, not as a typo to spot.
const MAX_PIECES: usize = 3;
/// Longer lines are not marked inside: a character diff is quadratic in the worst case, and
/// this runs on the TUI's thread (a 1,000,000-character line froze it). A line the judge clipped
/// (its window and two `…`) is still marked.
pub const MAX_MARKED_LINE_CHARS: usize = crate::run::compare::MAX_LINE_CHARS + 2;
/// Pairs of lines marked at most; more are left whole-line coloured.
const MAX_MARKED_PAIRS: usize = 200;
/// How long marking one diff may take in all; past it the remaining lines are not marked.
const MARK_BUDGET: Duration = Duration::from_millis(5);

/// For each line of `diff`, the character ranges (in chars, not bytes) that differ from the
/// line it replaces or is replaced by; empty for equal lines, lines without a counterpart and
/// lines that changed almost entirely. Bounded: lines longer than [`MAX_MARKED_LINE_CHARS`],
/// pairs past the first [`MAX_MARKED_PAIRS`] and whatever is left after a few milliseconds
/// stay unmarked (whole-line colour still shows them).
pub fn changed_chars(diff: &Diff) -> Vec<Vec<Range<usize>>> {
    let lines = &diff.lines;
    let mut out = vec![Vec::new(); lines.len()];
    let deadline = Instant::now() + MARK_BUDGET;
    for (a, b) in crate::run::compare::replaced_pairs(lines)
        .into_iter()
        .take(MAX_MARKED_PAIRS)
    {
        if Instant::now() >= deadline {
            break;
        }
        let short = |t: &str| {
            t.len() <= MAX_MARKED_LINE_CHARS || t.chars().count() <= MAX_MARKED_LINE_CHARS
        };
        if !short(&lines[a].text) || !short(&lines[b].text) {
            continue;
        }
        if let Some((old, new)) = pair(&lines[a].text, &lines[b].text, deadline) {
            out[a] = old;
            out[b] = new;
        }
    }
    out
}

/// Changed character ranges of one line.
type Marks = Vec<Range<usize>>;

/// The changed char ranges of `old` and of `new`; `None` when the deadline passed first.
fn pair(old: &str, new: &str, deadline: Instant) -> Option<(Marks, Marks)> {
    let diff = TextDiff::configure()
        .deadline(deadline)
        .diff_chars(old, new);
    if Instant::now() >= deadline {
        // similar gave up on a minimal diff: marks from it would mislead.
        return None;
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let (mut ia, mut ib) = (0usize, 0usize);
    for change in diff.iter_all_changes() {
        let n = change.value().chars().count();
        match change.tag() {
            ChangeTag::Equal => {
                ia += n;
                ib += n;
            }
            ChangeTag::Delete => {
                push(&mut a, ia..ia + n);
                ia += n;
            }
            ChangeTag::Insert => {
                push(&mut b, ib..ib + n);
                ib += n;
            }
        }
    }
    let share = |ranges: &[Range<usize>], len: usize| {
        ranges.iter().map(|r| r.len()).sum::<usize>() as f64 / len.max(1) as f64
    };
    if share(&a, ia) > MOSTLY_CHANGED
        || share(&b, ib) > MOSTLY_CHANGED
        || a.len() > MAX_PIECES
        || b.len() > MAX_PIECES
    {
        return Some((Vec::new(), Vec::new()));
    }
    Some((a, b))
}

/// Appends a range, merging it with the previous one when they touch.
fn push(ranges: &mut Vec<Range<usize>>, r: Range<usize>) {
    match ranges.last_mut() {
        Some(last) if last.end == r.start => last.end = r.end,
        _ => ranges.push(r),
    }
}

/// `text` cut into pieces, each with whether it is inside one of `ranges` (char ranges).
pub fn split(text: &str, ranges: &[Range<usize>]) -> Vec<(String, bool)> {
    if ranges.is_empty() {
        // The usual case, and linear: no range to look up per character.
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![(text.to_string(), false)]
        };
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for (i, c) in text.chars().enumerate() {
        let changed = ranges.iter().any(|r| r.contains(&i));
        match out.last_mut() {
            Some((s, flag)) if *flag == changed => s.push(c),
            _ => out.push((c.to_string(), changed)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::compare::compare;

    #[test]
    fn only_the_changed_characters_of_a_changed_line_are_marked() {
        let diff = compare("ok True\nsame\n", "ok true\nsame\n").expect("differs");
        let marks = changed_chars(&diff);
        assert_eq!(marks[0], vec![3..4], "the T of True");
        assert_eq!(marks[1], vec![3..4], "the t of true");
        assert!(marks[2].is_empty(), "equal lines are not marked");
        assert_eq!(
            split("ok true", &marks[1]),
            [
                ("ok ".to_string(), false),
                ("t".to_string(), true),
                ("rue".to_string(), false)
            ]
        );
    }

    #[test]
    fn a_line_that_changed_almost_entirely_is_not_marked_inside() {
        let diff = compare("apple\n", "zebra\n").expect("differs");
        assert!(changed_chars(&diff).iter().all(Vec::is_empty));
        let diff = compare("a\n", "a\nextra\n").expect("differs");
        assert!(changed_chars(&diff).iter().all(Vec::is_empty), "no pair");
    }

    #[test]
    fn the_window_the_judge_keeps_of_a_megabyte_line_is_marked() {
        let expected = "a".repeat(1_000_000);
        let mut actual = expected.clone();
        actual.replace_range(500_000..500_001, "b");
        let diff = compare(&expected, &actual).expect("differs");
        let at = diff.lines[1]
            .text
            .chars()
            .position(|c| c == 'b')
            .expect("in the window");
        let marks = changed_chars(&diff);
        assert_eq!(
            marks[1],
            vec![at..at + 1],
            "the changed character is marked"
        );
    }

    #[test]
    fn marking_is_bounded_in_line_length_and_time() {
        use crate::run::{DiffLine, DiffOp};
        let long = |op, c: char| DiffLine {
            op,
            text: std::iter::repeat_n(c, 1_000_000).collect(),
            show_whitespace: false,
        };
        // Built by hand, as a cached or saved diff of an older microlings could be.
        let diff = Diff {
            lines: vec![long(DiffOp::Expected, 'a'), long(DiffOp::Actual, 'b')],
            first_mismatch: 0,
            cut_short: None,
            more_lines: 0,
        };
        let started = std::time::Instant::now();
        let marks = changed_chars(&diff);
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
        assert!(marks.iter().all(Vec::is_empty));
        // Many short pairs: whatever is marked, it ends within its few milliseconds.
        let many: String = (0..20_000).map(|i| format!("line {i} True\n")).collect();
        let other = many.replace("True", "true");
        let diff = compare(&many, &other).expect("differs");
        let started = std::time::Instant::now();
        let marks = changed_chars(&diff);
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
        assert_eq!(marks[0], vec![7..8]);
    }
}
