//! The end-of-course summary, as Markdown the learner can keep: `microlings progress --report`
//! prints it and the TUI's finish screen renders it.

use std::fmt::Write as _;

use crate::course::{Course, Language};
use crate::progress::{Progress, Status};

/// Writes the report.
pub fn markdown(course: &Course, progress: &Progress, now_secs: u64) -> String {
    let mut out = String::new();
    let read = course
        .lessons
        .iter()
        .filter(|l| progress.lessons_read.contains(&l.slug))
        .count();
    let quiz_total: usize = course.lessons.iter().map(|l| l.quizzes.len()).sum();
    let (answered, right) = progress.quiz_score();
    let _ = writeln!(out, "# My microlings report\n");
    let _ = writeln!(
        out,
        "Choosing a language for microservices: Python, Go, Java and C#. Written {}.\n",
        crate::clock::date(now_secs)
    );
    let _ = writeln!(out, "## Lessons\n");
    let _ = writeln!(
        out,
        "- Read **{read} of {}** lessons.",
        course.lessons.len()
    );
    let _ = writeln!(
        out,
        "- Quizzes: **{right} of {answered} right the first time** ({quiz_total} in the course)."
    );
    let unread: Vec<&str> = course
        .lessons
        .iter()
        .filter(|l| !progress.lessons_read.contains(&l.slug))
        .map(|l| l.title.as_str())
        .collect();
    if !unread.is_empty() {
        let _ = writeln!(out, "- Still to read: {}.", unread.join("; "));
    }
    let _ = writeln!(out, "\n## Exercises\n");
    let _ = writeln!(
        out,
        "| Exercise | Python | Go | Java | C# |\n|---|---|---|---|---|"
    );
    // Once per exercise: a hint is the same text in every language.
    let hints = progress.hints_in(course.exercises.keys());
    let mut solutions = 0;
    for (_, ex) in course.exercises_in_order() {
        let mut row = format!("| {} |", ex.title);
        for lang in Language::ALL {
            let r = progress.record(&ex.slug, lang);
            solutions += u32::from(r.solution_seen);
            let cell = match r.status {
                Status::Passed => format!(
                    "✓ passed ({} {})",
                    r.attempts,
                    if r.attempts == 1 { "try" } else { "tries" }
                ),
                Status::Failed => format!(
                    "✗ not yet ({} {})",
                    r.attempts,
                    if r.attempts == 1 { "try" } else { "tries" }
                ),
                Status::NotTried => "· not tried".to_string(),
            };
            let _ = write!(row, " {cell} |");
        }
        let _ = writeln!(out, "{row}");
    }
    let _ = writeln!(out);
    for lang in Language::ALL {
        let passed = course
            .exercises
            .keys()
            .filter(|s| progress.record(s, lang).status == Status::Passed)
            .count();
        let _ = writeln!(
            out,
            "- {}: **{passed} of {}** passed.",
            lang.display_name(),
            course.exercises.len()
        );
    }
    let _ = writeln!(
        out,
        "- Hints used: {hints}. Reference solutions revealed: {solutions}."
    );
    lab_section(&mut out, progress);
    out
}

/// The newest lab run, if the learner ran the lab.
fn lab_section(out: &mut String, progress: &Progress) {
    use crate::run::lab::{Spread, Unit};
    let _ = writeln!(out, "\n## Measured on my machine\n");
    let Some(run) = progress.lab_runs.last() else {
        let _ = writeln!(
            out,
            "Not yet: `microlings lab` (or L on the course map) measures the same service in each language."
        );
        return;
    };
    let m = &run.machine;
    let _ = writeln!(
        out,
        "{} {}, {} cores, {}; {} run(s) per language. Medians, with the range in brackets.\n",
        m.os,
        m.arch,
        m.cores,
        crate::clock::date(run.started_at),
        run.settings.runs
    );
    let _ = writeln!(
        out,
        "| Language | Cold start | Memory (RSS) | Requests/s | p99 latency |\n|---|---|---|---|---|"
    );
    let show = |s: Option<Spread>, u: Unit| s.map_or_else(|| "n/a".to_string(), |s| s.display(u));
    for l in &run.languages {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            l.label(),
            show(l.cold_start_us, Unit::Micros),
            show(l.rss_kib, Unit::Kib),
            show(l.requests_per_sec, Unit::Count),
            show(l.p99_us, Unit::Micros)
        );
    }
}
