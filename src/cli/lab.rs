//! `lab`: build the reference service in every language, measure it on this machine, print a
//! table (or JSON) and keep the results in the learner's progress.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Result, bail};
use clap::Args;

use super::Context;
use crate::course::Language;
use crate::learner::{self, LabSaved};
use crate::run::lab::{
    LabEvent, LabLanguage, LabOptions, LabRun, LabStatus, MAX_CONNECTIONS, MAX_LOAD, MAX_RUNS,
    Spread, Unit, format_bytes as bytes, format_value, run_lab,
};
use crate::style::Paint;

/// Options of `microlings lab`.
#[derive(Debug, Args)]
pub struct LabArgs {
    /// Print the run as JSON (progress still goes to stderr)
    #[arg(long)]
    pub json: bool,
    /// Only these languages (repeat the flag for several)
    #[arg(long, short)]
    pub lang: Vec<Language>,
    /// Runs per language; every figure is the median over them
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub runs: u32,
    /// Seconds of measured load per run
    #[arg(long, default_value_t = 2.0, value_name = "S")]
    pub seconds: f64,
    /// Concurrent keep-alive connections of the load
    #[arg(long, default_value_t = 8, value_name = "C")]
    pub connections: u32,
    /// Show the lab runs saved in your progress instead of running a new one
    #[arg(long)]
    pub history: bool,
    /// Do not save this run in your progress
    #[arg(long)]
    pub no_save: bool,
    /// Skip the C# Native AOT row (its first build downloads the ILCompiler packages)
    #[arg(long)]
    pub no_aot: bool,
}

/// Runs the lab (or shows the saved runs) and prints the results.
pub fn lab(ctx: &Context, args: &LabArgs) -> Result<ExitCode> {
    if args.history {
        return history(ctx, args.json);
    }
    if !(1..=MAX_RUNS).contains(&args.runs) {
        bail!("--runs must be 1 to {MAX_RUNS}");
    }
    if !(0.1..=MAX_LOAD.as_secs_f64()).contains(&args.seconds) {
        bail!("--seconds must be 0.1 to {}", MAX_LOAD.as_secs());
    }
    if !(1..=MAX_CONNECTIONS).contains(&args.connections) {
        bail!("--connections must be 1 to {MAX_CONNECTIONS}");
    }
    let opts = LabOptions {
        languages: args.lang.clone(),
        runs: args.runs,
        load: Duration::from_secs_f64(args.seconds),
        connections: args.connections,
        native_aot: !args.no_aot,
        cancel: crate::run::CancelToken::on_interrupt(),
        ..LabOptions::default()
    };
    let runner = ctx.runner();
    // Progress lines on stderr stay plain: --no-color is not known here, and they are brief.
    let err = Paint::new(false);
    let run = run_lab(&runner, &opts, |event| report(&err, &event));
    // A lab takes a while: a progress file that cannot be written must not lose its results
    // (they are printed below all the same). A cancelled run is saved by the rule the TUI
    // follows too: what it measured, marked cancelled (see `learner::finish_lab`).
    let saved = if args.no_save {
        None
    } else {
        match super::update_progress(ctx, |p| learner::finish_lab(p, run.clone()).0) {
            Ok(saved) => Some(saved),
            Err(e) => {
                eprintln!("warning: the results could not be saved in your progress: {e:#}");
                None
            }
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&run)?);
    } else {
        print!("{}", table(&ctx.paint, &run));
        match saved {
            Some(LabSaved::Saved) => println!(
                "{}",
                ctx.paint.dim(
                    "Saved in your progress: `microlings lab --history` compares it with earlier runs."
                )
            ),
            Some(LabSaved::SavedCancelled) => println!(
                "{}",
                ctx.paint.dim(
                    "What was measured is saved in your progress, marked cancelled: `microlings lab --history` shows it."
                )
            ),
            Some(LabSaved::NothingMeasured) => {
                println!("{}", ctx.paint.dim("Nothing was measured, so nothing was saved."))
            }
            None => {}
        }
    }
    let failed = run.languages.iter().any(|l| l.status == LabStatus::Failed);
    Ok(super::check::exit_code(!failed && !run.cancelled))
}

/// One line on stderr per step, so a long lab shows it is alive.
fn report(p: &Paint, event: &LabEvent) {
    match event {
        LabEvent::Started { targets, runs } => eprintln!(
            "{}",
            p.dim(&format!(
                "lab: {} service(s), {runs} run(s) each, load on 127.0.0.1 only",
                targets.len()
            ))
        ),
        LabEvent::Building { target } => {
            eprintln!("{}", p.dim(&format!("lab: {target}: building")))
        }
        LabEvent::Running { .. } => {}
        LabEvent::Sample {
            target,
            run,
            sample,
        } => eprintln!(
            "{}",
            p.dim(&format!(
                "lab: {target}: run {run}: cold start {}, {}, {} req/s, p99 {}",
                micros(sample.cold_start_us),
                sample.rss_kib.map_or("memory n/a".to_string(), kib),
                thousands(sample.requests_per_sec),
                micros(sample.p99_us)
            ))
        ),
        LabEvent::Finished(result) => match result.status {
            LabStatus::Ok => {}
            _ => eprintln!(
                "{}",
                p.warn(&format!(
                    "lab: {}: {}",
                    result.label(),
                    result.message.as_deref().unwrap_or("not measured")
                ))
            ),
        },
    }
}

fn micros(us: u64) -> String {
    format_value(Unit::Micros, us)
}

fn kib(k: u64) -> String {
    format_value(Unit::Kib, k)
}

fn thousands(n: u64) -> String {
    format_value(Unit::Count, n)
}

/// A spread, or "n/a" when nothing was measured.
fn show(s: Option<Spread>, unit: Unit) -> String {
    s.map_or_else(|| "n/a".to_string(), |s| s.display(unit))
}

/// The machine and settings, then two tables: build and start, and under load.
pub fn table(p: &Paint, run: &LabRun) -> String {
    let m = &run.machine;
    let mut out = format!(
        "{} {} {}, {} cores{}{}\n",
        p.bold("Lab on this machine:"),
        m.os,
        m.arch,
        m.cores,
        m.cpu
            .as_ref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default(),
        m.memory_mib
            .map(|mib| format!(", {:.1} GiB RAM", mib as f64 / 1024.0))
            .unwrap_or_default(),
    );
    let s = &run.settings;
    out.push_str(&p.dim(&format!(
        "{} run(s) per language; each: start, {:.1} s warm-up, then {:.1} s of GET /items/{{id}} from {} keep-alive connections on 127.0.0.1.\nFigures are medians over the runs, the range in brackets.\n",
        s.runs,
        s.warmup_ms as f64 / 1e3,
        s.load_ms as f64 / 1e3,
        s.connections
    )));
    out.push('\n');
    let name_w = run
        .languages
        .iter()
        .map(|l| l.label().chars().count() + 2)
        .max()
        .unwrap_or(0)
        .max(8);
    let rows = |f: &dyn Fn(&LabLanguage) -> Vec<String>| -> Vec<(String, Vec<String>)> {
        run.languages.iter().map(|l| (l.label(), f(l))).collect()
    };
    let build_rows = rows(&|l: &LabLanguage| {
        if l.status == LabStatus::Ok || !l.runs.is_empty() {
            vec![
                l.toolchain.clone().unwrap_or_default(),
                l.build_ms.map_or("–".to_string(), |ms| micros(ms * 1000)),
                l.artifact_bytes.map_or("n/a".to_string(), bytes),
                show(l.cold_start_us, Unit::Micros),
                show(l.rss_kib, Unit::Kib),
            ]
        } else {
            vec![not_measured(l)]
        }
    });
    out.push_str(&grid(
        p,
        &[
            "",
            "toolchain",
            "build",
            "artifact",
            "cold start",
            "memory (RSS)",
        ],
        &build_rows,
        name_w,
    ));
    out.push('\n');
    let load_rows = rows(&|l: &LabLanguage| {
        if l.status == LabStatus::Ok || !l.runs.is_empty() {
            vec![
                show(l.requests_per_sec, Unit::Count),
                show(l.p50_us, Unit::Micros),
                show(l.p99_us, Unit::Micros),
            ]
        } else {
            vec![not_measured(l)]
        }
    });
    out.push_str(&grid(
        p,
        &["", "requests/s", "latency p50", "latency p99"],
        &load_rows,
        name_w,
    ));
    out.push('\n');
    let artifacts: Vec<String> = run
        .languages
        .iter()
        .filter(|l| !l.artifact.is_empty())
        .map(|l| format!("{} {}", l.label(), l.artifact))
        .collect();
    if !artifacts.is_empty() {
        out.push_str(&p.dim(&format!("artifact: {}\n", artifacts.join("; "))));
    }
    let errors: Vec<String> = run
        .languages
        .iter()
        .filter_map(|l| {
            let errors: u64 = l.runs.iter().map(|r| r.errors).sum();
            let total: u64 = l.runs.iter().map(|r| r.requests + r.errors).sum();
            (errors > 0).then(|| {
                format!(
                    "{} {} of {}",
                    l.label(),
                    thousands(errors),
                    thousands(total)
                )
            })
        })
        .collect();
    if !errors.is_empty() {
        out.push_str(&p.warn(&format!(
            "failed requests under load: {}\n",
            errors.join("; ")
        )));
    }
    out.push_str(&p.dim("Build times use the toolchain's build cache as it is: Go's very first build of net/http takes far longer.\n"));
    out.push_str(&p.dim("The load generator shares the cores with the service: compare languages on one machine, not these numbers with another machine's.\n"));
    if run.cancelled {
        out.push_str(&p.warn("The lab was cancelled: some languages were not measured.\n"));
    }
    out
}

fn not_measured(l: &LabLanguage) -> String {
    let what = match l.status {
        LabStatus::Missing => "not installed",
        LabStatus::Failed => "failed",
        LabStatus::Cancelled => "cancelled",
        LabStatus::Ok => "",
    };
    format!("{what}: {}", l.message.as_deref().unwrap_or(""))
}

/// Left-aligned columns sized to their contents.
fn grid(p: &Paint, header: &[&str], rows: &[(String, Vec<String>)], name_w: usize) -> String {
    let cols = header.len() - 1;
    let mut widths: Vec<usize> = header[1..].iter().map(|h| h.chars().count()).collect();
    for (_, cells) in rows {
        if cells.len() == cols {
            for (w, c) in widths.iter_mut().zip(cells) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |name: &str, cells: &[String]| -> String {
        let mut s = format!("  {name:<name_w$}");
        for (i, c) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0);
            s.push_str(&format!("  {c:<w$}"));
        }
        s.trim_end().to_string()
    };
    let head: Vec<String> = header[1..].iter().map(|h| h.to_string()).collect();
    let mut out = format!("{}\n", p.bold(&line(header[0], &head)));
    for (name, cells) in rows {
        out.push_str(&line(name, cells));
        out.push('\n');
    }
    out
}

/// The saved runs, oldest first, one block each.
fn history(ctx: &Context, json: bool) -> Result<ExitCode> {
    let progress = super::load_progress(ctx)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&progress.lab_runs)?);
        return Ok(ExitCode::SUCCESS);
    }
    if progress.lab_runs.is_empty() {
        println!(
            "No lab runs saved yet: `microlings lab` measures the four languages on this machine."
        );
        return Ok(ExitCode::SUCCESS);
    }
    let p = &ctx.paint;
    for run in &progress.lab_runs {
        println!(
            "{}  {}{}",
            p.bold(&crate::clock::date_time(run.started_at)),
            p.dim(&format!(
                "{} {}, {} cores; {} run(s) × {:.1} s, {} connections",
                run.machine.os,
                run.machine.arch,
                run.machine.cores,
                run.settings.runs,
                run.settings.load_ms as f64 / 1e3,
                run.settings.connections
            )),
            if run.cancelled {
                p.warn("  cancelled: not every row was measured")
            } else {
                String::new()
            }
        );
        for l in &run.languages {
            let line = match (l.requests_per_sec, l.cold_start_us) {
                (Some(rps), Some(cold)) => format!(
                    "{:>10} req/s  p99 {:>8}  cold start {:>8}  {:>10}",
                    thousands(rps.median),
                    l.p99_us.map_or("n/a".into(), |s| micros(s.median)),
                    micros(cold.median),
                    l.rss_kib.map_or("n/a".into(), |s| kib(s.median)),
                ),
                _ => not_measured(l),
            };
            println!("  {:<14}{line}", l.label());
        }
    }
    Ok(ExitCode::SUCCESS)
}
