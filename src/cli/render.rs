//! Human-readable rendering of check outcomes for the terminal.

use crate::learner::outcome::{self, Excerpt, Tone};
use crate::run::compare::visible_whitespace;
use crate::run::{Diff, DiffOp, Outcome, RequestResult, ServiceReport, Verdict};
use crate::style::Paint;

/// Diff lines shown around the first mismatch.
const MAX_DIFF_LINES: usize = 30;
/// Lines of a failing case's input shown above its diff.
const MAX_INPUT_LINES: usize = 10;

/// The input (stdin) of the case an outcome failed on, from the exercise's cases.
pub fn failing_input(exercise: &crate::course::Exercise, o: &Outcome) -> Option<String> {
    let name = o.case.as_ref()?;
    let case = exercise.cases.iter().find(|c| &c.name == name)?;
    case.input
        .as_deref()
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
}

/// One outcome: a status line, then the details a learner needs to fix it. `input` is the
/// stdin of the failing case, shown beside the diff so each line can be traced to its input.
pub fn outcome(paint: &Paint, o: &Outcome, input: Option<&str>) -> String {
    let o = &outcome::visible_outcome(o);
    let input = input.map(super::out::visible);
    let input = input.as_deref();
    let mut out = format!(
        "  {} {:<7} {:>7}{}{}\n",
        verdict(paint, o.verdict, 19),
        o.language.display_name(),
        format_duration(o.duration_ms),
        if o.cached {
            paint.dim("  (unchanged, from cache)")
        } else {
            String::new()
        },
        // An HTTP check lists every request below instead.
        o.case
            .as_ref()
            .filter(|_| o.service.is_none())
            .map(|c| format!("  case '{c}'"))
            .unwrap_or_default(),
    );
    if let Some(service) = &o.service {
        out.push_str(&service_details(paint, o, service));
        return out;
    }
    if o.verdict != Verdict::Passed
        && let (Some(case), Some(input)) = (&o.case, input)
    {
        out.push_str(&case_input(paint, case, input));
    }
    match o.verdict {
        Verdict::Passed => {}
        Verdict::WrongOutput => {
            if let Some(diff) = &o.diff {
                out.push_str(&render_diff(paint, diff, "      ", "+ your output"));
            }
            for f in &o.more_failures {
                match &f.input {
                    Some(input) => out.push_str(&case_input(paint, &f.case, input)),
                    None => out.push_str(&format!("      case '{}' (no input)\n", f.case)),
                }
                out.push_str(&render_diff(paint, &f.diff, "      ", "+ your output"));
            }
            if o.stdout.trim().is_empty() && !o.stderr.trim().is_empty() {
                // Printed, but on the wrong stream: show where it went.
                out.push_str(&format!("      {}\n", o.message));
                out.push_str(&format!("      {}\n", paint.dim("on stderr:")));
                out.push_str(&indent(&Excerpt::of_stderr(&o.stderr, o.verdict)));
            }
        }
        Verdict::CompileError | Verdict::RuntimeError => {
            out.push_str(&format!("      {}\n", o.message));
            if o.verdict == Verdict::RuntimeError && !o.stdout.trim().is_empty() {
                // What it printed before it failed is often the clue.
                out.push_str(&format!("      {}\n", paint.dim("it printed:")));
                out.push_str(&indent(&Excerpt::of_stdout(&o.stdout)));
                out.push_str(&format!("      {}\n", paint.dim("then, on stderr:")));
            }
            out.push_str(&indent(&Excerpt::of_stderr(&o.stderr, o.verdict)));
        }
        _ => out.push_str(&format!("      {}\n", o.message)),
    }
    out
}

/// The failing case's name and its stdin, indented like the diff.
fn case_input(paint: &Paint, case: &str, input: &str) -> String {
    let mut out = format!(
        "      {}\n",
        paint.dim(&format!("case '{case}' read this on stdin:"))
    );
    let lines: Vec<&str> = input.lines().collect();
    for l in lines.iter().take(MAX_INPUT_LINES) {
        out.push_str(&format!("      < {l}\n"));
    }
    if lines.len() > MAX_INPUT_LINES {
        out.push_str(&format!(
            "      {}\n",
            paint.dim(&match lines.len() - MAX_INPUT_LINES {
                1 => "... 1 more input line".to_string(),
                n => format!("... {n} more input lines"),
            })
        ));
    }
    out
}

/// A diff line's text with its changed characters marked: reversed when colour is on, else
/// with a line of `^` under it.
fn marked_line(
    paint: &Paint,
    color: fn(&Paint, &str) -> String,
    prefix: &str,
    text: &str,
    marks: &[std::ops::Range<usize>],
) -> (String, Option<String>) {
    let mut body = color(paint, prefix);
    let mut carets = " ".repeat(unicode_width::UnicodeWidthStr::width(prefix));
    for (piece, changed) in crate::inline_diff::split(text, marks) {
        let w = unicode_width::UnicodeWidthStr::width(piece.as_str());
        if changed {
            body.push_str(&color(paint, &paint.reversed(&piece)));
            carets.push_str(&"^".repeat(w));
        } else {
            body.push_str(&color(paint, &piece));
            carets.push_str(&" ".repeat(w));
        }
    }
    let under = (!marks.is_empty() && !paint.enabled()).then(|| carets.trim_end().to_string());
    (body, under)
}

/// A diff, indented by `indent`: a legend, then up to [`MAX_DIFF_LINES`] lines from just
/// before the first mismatch.
fn render_diff(paint: &Paint, diff: &Diff, indent: &str, actual_label: &str) -> String {
    let mut out = format!(
        "{indent}{}  {}\n",
        paint.bad("- expected"),
        paint.good(actual_label)
    );
    let start = diff.first_mismatch.saturating_sub(3);
    let marks = crate::inline_diff::changed_chars(diff);
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
        let (body, under) = match line.op {
            DiffOp::Equal => (paint.dim(&format!("  {text}")), None),
            DiffOp::Expected => marked_line(paint, Paint::bad, "- ", &text, &marks[i]),
            DiffOp::Actual => marked_line(paint, Paint::good, "+ ", &text, &marks[i]),
        };
        let lead = &indent[..indent.len().saturating_sub(2)];
        out.push_str(&format!("{lead}{marker} {body}\n"));
        if let Some(under) = under {
            out.push_str(&format!("{lead}  {under}\n"));
        }
    }
    let shown = (diff.lines.len() - start).min(MAX_DIFF_LINES);
    let more = diff.lines.len() - start - shown + diff.more_lines;
    if more > 0 {
        out.push_str(&format!(
            "{indent}{}\n",
            paint.dim(&format!("... {more} more lines"))
        ));
    }
    if let Some(note) = diff.cut_short_note() {
        out.push_str(&format!("{indent}{}\n", paint.dim(&format!("({note})"))));
    }
    if diff.lines.iter().any(|l| l.show_whitespace) {
        out.push_str(&format!(
            "{indent}{}\n",
            paint.dim(crate::run::compare::WHITESPACE_LEGEND)
        ));
    }
    out
}

/// An HTTP check: start-up and shutdown, one line per request with its own diff when it
/// failed, then the verdict's message and, when the service failed, the end of its stderr.
fn service_details(paint: &Paint, o: &Outcome, s: &ServiceReport) -> String {
    let mut out = String::new();
    out.push_str(&format!("      {}\n", paint.dim(&s.lifecycle())));
    let width = s
        .requests
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0);
    let sent = s
        .requests
        .iter()
        .filter(|r| r.result != RequestResult::NotSent)
        .count();
    if sent == 0 {
        out.push_str(&format!(
            "      {}\n",
            paint.dim(&format!(
                "none of the {} requests was sent",
                s.requests.len()
            ))
        ));
    }
    for r in s.requests.iter().filter(|_| sent > 0) {
        let (symbol, detail) = match r.result {
            RequestResult::Passed => (
                paint.good("✓"),
                paint.dim(&format!(
                    "{}  {}",
                    r.status.unwrap_or(r.expected_status),
                    format_duration(r.duration_ms)
                )),
            ),
            RequestResult::NotSent => (paint.dim("·"), paint.dim("not sent")),
            RequestResult::Mismatch => (
                paint.bad("✗"),
                match r.status {
                    Some(st) if st != r.expected_status => {
                        format!("{st} (expected {})", r.expected_status)
                    }
                    _ => r.message.clone(),
                },
            ),
            RequestResult::TimedOut | RequestResult::NoReply => (paint.bad("✗"), r.message.clone()),
        };
        out.push_str(&format!("      {symbol} {:<width$}  {detail}\n", r.name));
        if let Some(diff) = &r.diff {
            out.push_str(&render_diff(paint, diff, "          ", "+ your reply"));
        }
    }
    if o.verdict != Verdict::Passed {
        out.push_str(&format!("      {}\n", o.message));
        if matches!(
            o.verdict,
            Verdict::RuntimeError | Verdict::ServiceNotReady | Verdict::TimedOut
        ) {
            out.push_str(&indent(&Excerpt::of_stderr(&o.stderr, o.verdict)));
        }
    }
    out
}

/// Tool output as the outcome model cuts it (see `learner::outcome::Excerpt`), indented.
fn indent(excerpt: &Excerpt<'_>) -> String {
    let mut out = String::new();
    for l in &excerpt.head {
        out.push_str(&format!("      │ {l}\n"));
    }
    if let Some(gap) = excerpt.gap() {
        out.push_str(&format!("      {gap}\n"));
    }
    for l in &excerpt.tail {
        out.push_str(&format!("      │ {l}\n"));
    }
    out
}

/// The advice notes that matched the learner's source, one `advice:` line each. They never
/// change the verdict; they say what the output could not show.
pub fn advice(paint: &Paint, notes: &[&str]) -> String {
    notes
        .iter()
        .map(|note| {
            format!(
                "      {} {}\n",
                paint.warn("advice:"),
                super::learner::without_backticks(note)
            )
        })
        .collect()
}

/// A verdict as symbol and words, padded to `width` columns, in its tone's colour.
pub fn verdict(paint: &Paint, v: Verdict, width: usize) -> String {
    let text = format!("{:<width$}", outcome::label(v));
    match outcome::tone(v) {
        Tone::Good => paint.good(&text),
        Tone::Bad => paint.bad(&text),
        Tone::Warn => paint.warn(&text),
    }
}

/// `0.21 s` / `12 ms`.
pub fn format_duration(ms: u64) -> String {
    outcome::duration(ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::Language;
    use crate::run::{RequestOutcome, Shutdown};

    fn request(name: &str, result: RequestResult, status: u16) -> RequestOutcome {
        RequestOutcome {
            name: name.into(),
            method: "GET".into(),
            path: "/".into(),
            result,
            expected_status: 404,
            status: Some(status),
            duration_ms: 3,
            message: "GET /items/9 answered 200 where 404 was expected".into(),
            diff: (result == RequestResult::Mismatch)
                .then(|| crate::run::compare::compare("HTTP 404\n", "HTTP 200\n"))
                .flatten(),
        }
    }

    #[test]
    fn every_failing_case_shows_its_input_and_its_diff() {
        let diff = |expected: &str, actual: &str| {
            crate::run::compare::compare(expected, actual).expect("they differ")
        };
        let o = Outcome {
            exercise: "typing-parse-port".into(),
            language: Language::Python,
            verdict: Verdict::WrongOutput,
            duration_ms: 90,
            exit_code: Some(0),
            stdout: "port 443\n".into(),
            stderr: String::new(),
            diff: Some(diff("invalid\n", "port 443\n")),
            case: Some("tricky".into()),
            message: "the output for case 'tricky' is not what was expected".into(),
            cached: false,
            service: None,
            more_failures: vec![crate::run::CaseFailure {
                case: "signs".into(),
                input: Some("+80\n".into()),
                diff: diff("invalid\n", "port 80\n"),
            }],
        };
        let text = outcome(&Paint::new(false), &o, Some(" 443\n"));
        let tricky = text.find("case 'tricky'").expect("first case named");
        let signs = text.find("case 'signs'").expect("second case named");
        assert!(tricky < signs, "{text}");
        assert!(text[signs..].contains("+80"), "{text}");
        assert!(text[signs..].contains("port 80"), "{text}");
    }

    #[test]
    fn a_long_stack_trace_shows_its_exception_and_its_end() {
        let trace: Vec<String> = std::iter::once(
            "Exception in thread \"main\" java.lang.IllegalStateException: boom".to_string(),
        )
        .chain((1..=40).map(|i| format!("\tat Frame{i}.call(Frame{i}.java:{i})")))
        .chain(std::iter::once(
            "Caused by: java.lang.NumberFormatException".to_string(),
        ))
        .collect();
        let o = Outcome {
            exercise: "typing-orders".into(),
            language: Language::Java,
            verdict: Verdict::RuntimeError,
            duration_ms: 900,
            exit_code: Some(1),
            stdout: String::new(),
            stderr: trace.join("\n"),
            diff: None,
            case: None,
            message: "the program exited with code 1; stderr says why".into(),
            cached: false,
            service: None,
            more_failures: Vec::new(),
        };
        let text = outcome(&Paint::new(false), &o, None);
        assert!(text.contains("│ Exception in thread \"main\""), "{text}");
        assert!(
            text.contains("│ Caused by: java.lang.NumberFormatException"),
            "{text}"
        );
        assert!(text.contains("… 27 lines not shown"), "{text}");
        assert!(!text.contains("Frame20.call"), "{text}");
        assert!(
            verdict(&Paint::new(false), Verdict::CouldNotRun, 0).starts_with("! could not run")
        );
    }

    #[test]
    fn a_service_outcome_lists_every_request_with_its_own_diff() {
        let o = Outcome {
            exercise: "http-items".into(),
            language: Language::Go,
            verdict: Verdict::WrongOutput,
            duration_ms: 900,
            exit_code: None,
            stdout: String::new(),
            stderr: String::new(),
            diff: None,
            case: Some("GET /items/9".into()),
            message: "1 of 2 replies are not what was expected".into(),
            cached: false,
            more_failures: Vec::new(),
            service: Some(ServiceReport {
                port: 40000,
                startup_ms: Some(21),
                requests: vec![
                    request("GET /health", RequestResult::Passed, 404),
                    request("GET /items/9", RequestResult::Mismatch, 200),
                ],
                shutdown: Shutdown::OnSigterm,
                stop_ms: Some(2),
            }),
        };
        let text = outcome(&Paint::new(false), &o, None);
        assert!(
            text.contains("listened on port 40000 after 21 ms · stopped on SIGTERM in 2 ms"),
            "{text}"
        );
        assert!(text.contains("✓ GET /health"), "{text}");
        assert!(
            text.contains("✗ GET /items/9  200 (expected 404)"),
            "{text}"
        );
        assert!(
            text.contains("> - HTTP 404") && text.contains("+ HTTP 200"),
            "{text}"
        );
        assert!(
            !text.contains("case '"),
            "the header does not repeat the request: {text}"
        );
    }

    #[test]
    fn advice_is_one_line_per_note_without_backticks() {
        let text = advice(
            &Paint::new(false),
            &["Use `hmac.compare_digest`.", "Time with `perf_counter`."],
        );
        assert_eq!(
            text,
            "      advice: Use hmac.compare_digest.\n      advice: Time with perf_counter.\n"
        );
        assert_eq!(advice(&Paint::new(false), &[]), "");
    }
}
