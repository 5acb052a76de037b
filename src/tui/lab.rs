//! The lab screen: state and what its keys do. The measuring itself is `run::lab::run_lab`,
//! run by the runtime on a worker thread.

use std::collections::{BTreeMap, BTreeSet};

use super::intent::{Ctx, Intent};
use super::keys::Action;
use super::learn::Learn;
use super::msg::Cmd;
use crate::course::Language;
use crate::progress::Progress;
use crate::run::lab::{LabEvent, LabRun, LabTarget, LabVariant};

/// The lab screen's state.
#[derive(Debug, Default)]
pub struct LabState {
    /// Whether a lab is running.
    pub running: bool,
    /// What each row is doing, while running.
    pub status: BTreeMap<LabTarget, String>,
    /// Which saved run is shown, counted back from the newest (0 = newest).
    pub back: usize,
    /// Which chart the narrow layout shows.
    pub metric: usize,
    /// The introduction shown before the first run, rendered for the width in `.0`.
    pub intro: Option<(u16, Vec<ratatui::text::Line<'static>>)>,
    /// What the next run measures (`1`-`4`, `a`), as the command line's `--lang` and
    /// `--no-aot` choose.
    pub choice: LabChoice,
}

/// The rows the next lab run measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabChoice {
    /// The languages (all four at first).
    pub languages: BTreeSet<Language>,
    /// Whether C# is also built and measured as a Native AOT binary.
    pub native_aot: bool,
}

impl Default for LabChoice {
    fn default() -> Self {
        LabChoice {
            languages: Language::ALL.into_iter().collect(),
            native_aot: true,
        }
    }
}

impl LabChoice {
    /// Measures `lang` in the next run, or no longer.
    pub fn toggle(&mut self, lang: Language) {
        if !self.languages.remove(&lang) {
            self.languages.insert(lang);
        }
    }

    /// The rows measured, in the lab's order.
    pub fn targets(&self) -> Vec<LabTarget> {
        let mut rows: Vec<LabTarget> = Language::ALL
            .into_iter()
            .filter(|l| self.languages.contains(l))
            .map(LabTarget::standard)
            .collect();
        if self.native_aot && self.languages.contains(&Language::CSharp) {
            rows.push(LabTarget {
                language: Language::CSharp,
                variant: LabVariant::NativeAot,
            });
        }
        rows
    }
}

/// How long the next run should take, from what this machine measured before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabEstimate {
    /// Seconds, summed over the rows measured before (the newest run that has each row).
    pub seconds: u64,
    /// Rows never measured here: no estimate for them.
    pub unknown: Vec<LabTarget>,
    /// The slowest row and its seconds (the Native AOT build, usually).
    pub slowest: Option<(LabTarget, u64)>,
}

/// Estimates a run of `targets` from the saved runs: each row takes its build time plus, per
/// run, its cold start, the warm-up and the load (the phases the lab goes through), as the
/// newest saved run that measured it says. Rows never measured are listed, not guessed.
pub fn estimate(runs: &[LabRun], targets: &[LabTarget]) -> LabEstimate {
    let mut seconds_ms = 0;
    let mut unknown = Vec::new();
    let mut slowest: Option<(LabTarget, u64)> = None;
    for &t in targets {
        let measured = runs.iter().rev().find_map(|run| {
            run.languages
                .iter()
                .find(|l| l.target() == t && !l.runs.is_empty())
                .map(|l| (run, l))
        });
        let Some((run, l)) = measured else {
            unknown.push(t);
            continue;
        };
        let s = &run.settings;
        let per_run = l.cold_start_us.map_or(0, |c| c.median / 1000) + s.warmup_ms + s.load_ms;
        let ms = l.build_ms.unwrap_or(0) + u64::from(s.runs) * per_run;
        seconds_ms += ms;
        if slowest.is_none_or(|(_, m)| ms > m) {
            slowest = Some((t, ms));
        }
    }
    LabEstimate {
        seconds: seconds_ms.div_ceil(1000),
        unknown,
        slowest: slowest.map(|(t, ms)| (t, ms.div_ceil(1000))),
    }
}

/// A duration in words: `40 s`, `2 min 30 s`.
pub fn duration_words(seconds: u64) -> String {
    match seconds {
        0..60 => format!("{seconds} s"),
        s if s % 60 == 0 => format!("{} min", s / 60),
        s => format!("{} min {} s", s / 60, s % 60),
    }
}

impl LabEstimate {
    /// What the lab screen says about the next run: `≈ 2 min 30 s (C#AOT 1 min 58 s)`, the
    /// slowest row named when it is a third of the time or more, and the rows never measured.
    pub fn words(&self) -> String {
        let label = |t: &LabTarget| t.short_label(crate::tui::view::short_name(t.language));
        let mut out = if self.seconds > 0 {
            format!("≈ {} here", duration_words(self.seconds))
        } else {
            "time: not measured here yet".to_string()
        };
        if self.seconds > 0
            && let Some((t, s)) = self.slowest.filter(|(_, s)| *s * 3 >= self.seconds)
        {
            out.push_str(&format!(" ({} {})", label(&t), duration_words(s)));
        }
        if !self.unknown.is_empty() && self.seconds > 0 {
            let names: Vec<String> = self.unknown.iter().map(label).collect();
            out.push_str(&format!(" + {} unmeasured", names.join(", ")));
        }
        out
    }
}

/// What the lab is, shown before the first run.
const INTRO: &str = "\
The lessons quote start-up times, memory and throughput from other people's machines. Here you \
measure them on yours: microlings builds the same tiny HTTP service in each language, starts \
it, loads it from 127.0.0.1 for a few seconds, and reads its memory.

`r` runs the lab; `1`-`4` choose the languages and `a` the C# Native AOT row, whose build takes \
minutes. Results are saved with your progress.";

impl LabState {
    /// Follows the lab's progress.
    pub fn event(&mut self, event: LabEvent) {
        match event {
            LabEvent::Started { targets, .. } => {
                self.status = targets
                    .into_iter()
                    .map(|t| (t, "waiting".to_string()))
                    .collect();
            }
            LabEvent::Building { target } => {
                self.status.insert(target, "building".into());
            }
            LabEvent::Running { target, run, of } => {
                self.status.insert(target, format!("run {run} of {of}"));
            }
            LabEvent::Sample { .. } => {}
            LabEvent::Finished(l) => {
                let word = match l.status {
                    crate::run::lab::LabStatus::Ok => "done".to_string(),
                    other => format!("{other:?}").to_lowercase(),
                };
                self.status.insert(l.target(), word);
            }
        }
    }
}

/// Charts the lab draws: title, which way is better, and the figure's median.
pub const METRICS: [&str; 4] = [
    "cold start",
    "memory (RSS)",
    "requests per second",
    "latency p99",
];

impl LabState {
    /// Renders the introduction for the current width.
    pub(crate) fn refresh_intro(&mut self, cx: &Ctx) {
        let width = cx.layout.lab.intro_width;
        if self.intro.as_ref().is_some_and(|(w, _)| *w == width) {
            return;
        }
        self.intro = Some((width, cx.markdown(INTRO, width)));
    }

    /// Shows the newest saved run.
    pub fn open(&mut self) {
        self.back = 0;
    }

    /// The saved run on screen.
    pub fn run<'a>(&self, progress: &'a Progress) -> Option<&'a LabRun> {
        let runs = &progress.lab_runs;
        runs.len()
            .checked_sub(1 + self.back)
            .and_then(|i| runs.get(i))
    }

    /// The lab finished (or was stopped).
    pub(crate) fn done(&mut self, run: LabRun) -> Vec<Intent> {
        self.running = false;
        self.back = 0;
        vec![Intent::Learn(Learn::Lab(Box::new(run)))]
    }

    /// What a key's action does in the lab.
    pub(crate) fn on_action(&mut self, action: Action, cx: &Ctx) -> Vec<Intent> {
        match action {
            Action::Back if self.running => {
                return vec![
                    Intent::Say("stopping the lab…".into()),
                    Intent::Run(Cmd::CancelLab),
                ];
            }
            Action::Back => return vec![Intent::ToMap],
            Action::RunLab if !self.running && self.choice.languages.is_empty() => {
                return vec![Intent::Say(
                    "no language chosen: 1-4 choose Python, Go, Java, C#".into(),
                )];
            }
            Action::RunLab if !self.running => {
                self.running = true;
                self.status.clear();
                return vec![Intent::Run(Cmd::RunLab {
                    languages: self.choice.languages.iter().copied().collect(),
                    native_aot: self.choice.native_aot,
                })];
            }
            Action::PickLanguage(lang) if !self.running => self.choice.toggle(lang),
            Action::ToggleAot if !self.running => self.choice.native_aot = !self.choice.native_aot,
            Action::PickLanguage(_) | Action::ToggleAot => {
                return vec![Intent::Say(
                    "the lab is running: the choice applies to the next run (Esc stops it)".into(),
                )];
            }
            Action::RunLab => {
                return vec![Intent::Say(
                    "the lab is already running (Esc stops it)".into(),
                )];
            }
            Action::NextChart => self.metric = (self.metric + 1) % METRICS.len(),
            Action::PrevChart => self.metric = (self.metric + METRICS.len() - 1) % METRICS.len(),
            Action::OlderRun if self.back + 1 < cx.progress.lab_runs.len() => self.back += 1,
            Action::NewerRun => self.back = self.back.saturating_sub(1),
            _ => {}
        }
        Vec::new()
    }
}
