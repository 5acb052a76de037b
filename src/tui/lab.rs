//! The lab screen: state and key handling. The measuring itself is `run::lab::run_lab`, run by
//! the runtime on a worker thread.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent};

use super::app::{App, Screen};
use super::msg::Cmd;
use crate::progress::Change;
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

impl App {
    /// Renders the introduction for the current width.
    pub(crate) fn refresh_lab_intro(&mut self) {
        let width = self.size.0.saturating_sub(2).clamp(10, 100);
        if self.screen != Screen::Lab || self.lab.intro.as_ref().is_some_and(|(w, _)| *w == width) {
            return;
        }
        let lines = crate::markdown::render(INTRO, width, &self.theme, &[]).lines;
        self.lab.intro = Some((width, lines));
    }

    /// Shows the lab.
    pub fn open_lab(&mut self) -> Vec<Cmd> {
        self.screen = Screen::Lab;
        self.lab.back = 0;
        vec![Cmd::Watch(None)]
    }

    /// The saved run on screen.
    pub fn lab_run(&self) -> Option<&LabRun> {
        let runs = &self.progress.lab_runs;
        runs.len()
            .checked_sub(1 + self.lab.back)
            .and_then(|i| runs.get(i))
    }

    pub(crate) fn lab_done(&mut self, run: LabRun) -> Vec<Cmd> {
        self.lab.running = false;
        self.lab.back = 0;
        if run.cancelled {
            self.message = Some("lab stopped; nothing was saved".into());
            return Vec::new();
        }
        let change = Change::LabRun(Box::new(run));
        change.apply(&mut self.progress);
        self.message = Some("lab finished and saved with your progress".into());
        vec![Cmd::Save(change)]
    }

    pub(crate) fn lab_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        match key.code {
            KeyCode::Esc | KeyCode::Backspace => {
                if self.lab.running {
                    self.message = Some("stopping the lab…".into());
                    return vec![Cmd::CancelLab];
                }
                return self.to_map();
            }
            KeyCode::Char('r') if !self.lab.running => {
                self.lab.running = true;
                self.lab.status.clear();
                return vec![Cmd::RunLab];
            }
            KeyCode::Char('r') => {
                self.message = Some("the lab is already running (Esc stops it)".into())
            }
            KeyCode::Tab => self.lab.metric = (self.lab.metric + 1) % METRICS.len(),
            KeyCode::BackTab => {
                self.lab.metric = (self.lab.metric + METRICS.len() - 1) % METRICS.len()
            }
            KeyCode::Left if self.lab.back + 1 < self.progress.lab_runs.len() => {
                self.lab.back += 1;
            }
            KeyCode::Right => self.lab.back = self.lab.back.saturating_sub(1),
            _ => {}
        }
        Vec::new()
    }
}
