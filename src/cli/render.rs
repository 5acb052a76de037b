//! Human-readable rendering of check outcomes for the terminal.

use crate::run::compare::visible_whitespace;
use crate::run::{DiffOp, Outcome, Verdict};
use crate::style::Paint;

/// Lines of compiler or runtime output shown before "... more lines".
const MAX_MESSAGE_LINES: usize = 15;
/// Diff lines shown around the first mismatch.
const MAX_DIFF_LINES: usize = 30;

/// One outcome: a status line, then the details a learner needs to fix it.
pub fn outcome(paint: &Paint, o: &Outcome) -> String {
    let mut out = format!(
        "  {} {:<7} {:>7}{}{}\n",
        paint.verdict(o.verdict, 19),
        o.language.display_name(),
        format_duration(o.duration_ms),
        if o.cached {
            paint.dim("  (unchanged, from cache)")
        } else {
            String::new()
        },
        o.case
            .as_ref()
            .map(|c| format!("  case '{c}'"))
            .unwrap_or_default(),
    );
    match o.verdict {
        Verdict::Passed => {}
        Verdict::WrongOutput => {
            if let Some(diff) = &o.diff {
                out.push_str(&format!(
                    "      {}  {}\n",
                    paint.bad("- expected"),
                    paint.good("+ your output")
                ));
                let start = diff.first_mismatch.saturating_sub(3);
                for (i, line) in diff
                    .lines
                    .iter()
                    .enumerate()
                    .skip(start)
                    .take(MAX_DIFF_LINES)
                {
                    let marker = if i == diff.first_mismatch { ">" } else { " " };
                    let text = if line.show_whitespace {
                        visible_whitespace(&line.text)
                    } else {
                        line.text.clone()
                    };
                    let body = match line.op {
                        DiffOp::Equal => paint.dim(&format!("  {text}")),
                        DiffOp::Expected => paint.bad(&format!("- {text}")),
                        DiffOp::Actual => paint.good(&format!("+ {text}")),
                    };
                    out.push_str(&format!("    {marker} {body}\n"));
                }
                let shown = (diff.lines.len() - start).min(MAX_DIFF_LINES);
                if start + shown < diff.lines.len() {
                    out.push_str(&format!(
                        "      {}\n",
                        paint.dim(&format!(
                            "... {} more lines",
                            diff.lines.len() - start - shown
                        ))
                    ));
                }
                if diff.lines.iter().any(|l| l.show_whitespace) {
                    out.push_str(&format!(
                        "      {}\n",
                        paint.dim("(· is a space, → a tab: those lines differ only in whitespace)")
                    ));
                }
            }
        }
        Verdict::CompileError | Verdict::RuntimeError => {
            out.push_str(&format!("      {}\n", o.message));
            out.push_str(&indent_tail(&o.stderr, o.verdict == Verdict::CompileError));
        }
        _ => out.push_str(&format!("      {}\n", o.message)),
    }
    out
}

/// Up to [`MAX_MESSAGE_LINES`] of tool output, indented: the head of a compiler's output (its
/// first error matters), the tail of a crash (the stack trace ends where it failed).
fn indent_tail(text: &str, head: bool) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.is_empty() {
        return String::new();
    }
    let (shown, skipped): (Vec<&str>, usize) = if lines.len() <= MAX_MESSAGE_LINES {
        (lines.clone(), 0)
    } else if head {
        (
            lines[..MAX_MESSAGE_LINES].to_vec(),
            lines.len() - MAX_MESSAGE_LINES,
        )
    } else {
        (
            lines[lines.len() - MAX_MESSAGE_LINES..].to_vec(),
            lines.len() - MAX_MESSAGE_LINES,
        )
    };
    let mut out = String::new();
    if skipped > 0 && !head {
        out.push_str(&format!("      ... {skipped} lines above\n"));
    }
    for l in shown {
        out.push_str(&format!("      │ {l}\n"));
    }
    if skipped > 0 && head {
        out.push_str(&format!("      ... {skipped} more lines\n"));
    }
    out
}

/// `0.21 s` / `12 ms`.
pub fn format_duration(ms: u64) -> String {
    if ms < 1000 {
        format!("{ms} ms")
    } else {
        format!("{:.2} s", ms as f64 / 1000.0)
    }
}
