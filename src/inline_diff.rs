//! Which characters differ inside a changed line of a diff (`True` versus `true`), so the CLI
//! and the TUI can mark them instead of only whole lines.

use std::ops::Range;

use similar::{ChangeTag, TextDiff};

use crate::run::Diff;

/// Above this share of changed characters a line is simply different: marking most of it
/// says nothing the whole-line colour does not.
const MOSTLY_CHANGED: f64 = 0.4;
/// More separate changes than this in one line read as noise, not as a typo to spot.
const MAX_PIECES: usize = 3;

/// For each line of `diff`, the character ranges (in chars, not bytes) that differ from the
/// line it replaces or is replaced by; empty for equal lines, lines without a counterpart and
/// lines that changed almost entirely.
pub fn changed_chars(diff: &Diff) -> Vec<Vec<Range<usize>>> {
    let lines = &diff.lines;
    let mut out = vec![Vec::new(); lines.len()];
    for (a, b) in crate::run::compare::replaced_pairs(lines) {
        let (old, new) = pair(&lines[a].text, &lines[b].text);
        out[a] = old;
        out[b] = new;
    }
    out
}

/// The changed char ranges of `old` and of `new`.
fn pair(old: &str, new: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let diff = TextDiff::from_chars(old, new);
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
        return (Vec::new(), Vec::new());
    }
    (a, b)
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
}
