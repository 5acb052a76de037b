//! The lab screen: state and what its keys do. The measuring itself is `run::lab::run_lab`,
//! run by the runtime on a worker thread.

use std::collections::BTreeMap;

use super::intent::{Ctx, Intent};
use super::keys::Action;
use super::learn::Learn;
use super::msg::Cmd;
use crate::progress::Progress;
use crate::run::lab::{LabEvent, LabRun, LabTarget};

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
}

/// What the lab is, shown before the first run.
const INTRO: &str = "\
The lessons quote start-up times, memory and throughput from other people's machines. Here you \
measure them on yours: microlings builds the same tiny HTTP service in each language, starts \
it, loads it from 127.0.0.1 for a few seconds, and reads its memory.

`r` runs the lab (about half a minute; results are saved with your progress).";

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
            Action::RunLab if !self.running => {
                self.running = true;
                self.status.clear();
                return vec![Intent::Run(Cmd::RunLab)];
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
