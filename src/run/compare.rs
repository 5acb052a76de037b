//! Output comparison: normalisation and a line diff the CLI and TUI can colour.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

/// Normalises program output for comparison: CRLF becomes LF, trailing whitespace is removed
/// from every line and from the end. Everything else must match exactly.
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
    /// The line's text, without its newline.
    pub text: String,
    /// Whether whitespace should be shown (the line differs from its counterpart only in
    /// whitespace, so the learner could not otherwise see the difference).
    pub show_whitespace: bool,
}

/// A line diff of expected versus actual output (both normalised).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diff {
    /// The lines, expected-only lines before actual-only lines within a change.
    pub lines: Vec<DiffLine>,
    /// Index into `lines` of the first line that is not `Equal`.
    pub first_mismatch: usize,
}

/// Compares expected and actual output; `None` when they match after normalisation.
pub fn compare(expected: &str, actual: &str) -> Option<Diff> {
    let expected = normalize(expected);
    let actual = normalize(actual);
    if expected == actual {
        return None;
    }
    // Every line ends in a newline, so a missing last line is not also a changed one.
    let (expected, actual) = (format!("{expected}\n"), format!("{actual}\n"));
    let diff = TextDiff::from_lines(&expected, &actual);
    let mut lines: Vec<DiffLine> = diff
        .iter_all_changes()
        .map(|change| DiffLine {
            op: match change.tag() {
                ChangeTag::Equal => DiffOp::Equal,
                ChangeTag::Delete => DiffOp::Expected,
                ChangeTag::Insert => DiffOp::Actual,
            },
            text: change.value().trim_end_matches('\n').to_string(),
            show_whitespace: false,
        })
        .collect();
    mark_whitespace_only_changes(&mut lines);
    if lines.is_empty() {
        // Both sides are empty after normalisation but differ: cannot happen, but keep the
        // diff meaningful if it ever does.
        lines.push(DiffLine {
            op: DiffOp::Expected,
            text: String::new(),
            show_whitespace: true,
        });
    }
    let first_mismatch = lines
        .iter()
        .position(|l| l.op != DiffOp::Equal)
        .unwrap_or(0);
    Some(Diff {
        lines,
        first_mismatch,
    })
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
    fn missing_and_extra_lines_show_on_one_side() {
        let diff = compare("a\nb\n", "a\n").expect("differs");
        assert_eq!(diff.lines.last().map(|l| l.op), Some(DiffOp::Expected));
        let diff = compare("a\n", "a\nb\n").expect("differs");
        assert_eq!(diff.lines.last().map(|l| l.op), Some(DiffOp::Actual));
    }
}
