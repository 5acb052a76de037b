//! The exercise view: four languages side by side, checks, hints, solutions.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::text::Line;

use super::app::{App, Confirm, Overlay};
use super::editor::EditorState;
use super::msg::Cmd;
use crate::course::{Exercise, Language};
use crate::progress::{Change, Status};
use crate::run::{Outcome, Verdict};
use crate::theme::Theme;

/// What the panes show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PaneMode {
    /// Every pane shows the learner's own file.
    #[default]
    Mine,
    /// The focused pane shows the reference solution.
    Solution,
    /// The focused pane shows the learner's file, the others the reference solutions.
    Compare,
}

/// One language's pane.
#[derive(Debug, Clone, Default)]
pub struct Pane {
    /// The learner's file (or the error reading it).
    pub source: Option<Result<String, String>>,
    /// `source`, highlighted.
    pub highlighted: Vec<Line<'static>>,
    /// The reference solution, highlighted (filled when first shown).
    pub solution: Vec<Line<'static>>,
    /// The latest outcome of a check this session.
    pub outcome: Option<Outcome>,
    /// Whether a check is running.
    pub running: bool,
    /// First visible line of the code.
    pub scroll: usize,
    /// First visible line of this language's result (each language keeps its own).
    pub result_scroll: usize,
    /// `highlighted` is plain text because the syntaxes were still loading.
    pub plain: bool,
}

/// What one language of the open exercise stands at: the pane title, the tab, the summary
/// line and the result all read this, so they never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LangState {
    /// A check is running.
    pub running: bool,
    /// The toolchain is installed.
    pub available: bool,
    /// The latest verdict: this session's check, else the one saved with progress.
    pub verdict: Option<Verdict>,
    /// The saved status (a pass stays a pass: the learner did it).
    pub status: Status,
}

impl LangState {
    /// The symbol and the words for it, e.g. `✗` and `wrong output · passed before`.
    pub fn label(&self) -> (&'static str, String) {
        if self.running {
            return ("…", "checking".into());
        }
        if !self.available && self.status != Status::Passed {
            return ("-", "toolchain missing".into());
        }
        match (self.verdict, self.status) {
            (Some(v), Status::Passed) if v != Verdict::Passed => (
                crate::style::verdict_symbol(v),
                format!("{} · passed before", v.label()),
            ),
            (Some(v), _) => (crate::style::verdict_symbol(v), v.label().to_string()),
            (None, Status::Passed) => ("✓", "passed before; not checked since".into()),
            (None, s) => (
                crate::style::status_symbol(Some(s)),
                crate::style::status_word(Some(s)).to_string(),
            ),
        }
    }

    /// Whether the latest word is good, bad or neither (for colour; never the only signal).
    pub fn tone(&self) -> Tone {
        match (self.running, self.verdict, self.status) {
            (true, _, _) => Tone::Busy,
            (_, Some(Verdict::Passed), _) | (_, None, Status::Passed) => Tone::Good,
            (_, Some(Verdict::ToolchainMissing | Verdict::Cancelled), _) => Tone::Busy,
            (_, Some(_), _) | (_, None, Status::Failed) => Tone::Bad,
            _ if !self.available => Tone::Busy,
            _ => Tone::Neutral,
        }
    }
}

/// How a state is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Passed.
    Good,
    /// Failed.
    Bad,
    /// Running, missing or cancelled.
    Busy,
    /// Not tried.
    Neutral,
}

/// The exercise view's state.
#[derive(Debug, Clone, Default)]
pub struct ExerciseState {
    /// The open exercise.
    pub slug: Option<String>,
    /// The focused language.
    pub focus: Language,
    /// Pane per language.
    pub panes: BTreeMap<Language, Pane>,
    /// Hints revealed.
    pub hints_shown: usize,
    /// What the panes show.
    pub mode: PaneMode,
    /// In compare mode, the language whose reference solution the single pane of the tab
    /// layout shows (the wider layouts show them all).
    pub compare: Language,
    /// The result takes the whole height and the code panes step aside.
    pub result_full: bool,
    /// The task rendered from Markdown, and the width it was rendered for.
    pub task: Option<(u16, Vec<Line<'static>>)>,
    /// Each hint and each language's note rendered from Markdown, for the width in `.0`.
    pub texts: Option<(u16, RenderedTexts)>,
}

/// The exercise's short Markdown texts, rendered for the result panel.
#[derive(Debug, Clone, Default)]
pub struct RenderedTexts {
    /// One per hint.
    pub hints: Vec<Vec<Line<'static>>>,
    /// One per language with a note.
    pub notes: BTreeMap<Language, Vec<Line<'static>>>,
}

impl ExerciseState {
    /// Opens an exercise (keeping nothing of the previous one).
    pub fn open(&mut self, ex: &Exercise, focus: Language, hints_shown: usize) {
        *self = ExerciseState {
            slug: Some(ex.slug.clone()),
            focus,
            panes: Language::ALL
                .iter()
                .map(|&l| (l, Pane::default()))
                .collect(),
            hints_shown,
            ..ExerciseState::default()
        };
    }

    /// Whether any check is running.
    pub fn any_running(&self) -> bool {
        self.panes.values().any(|p| p.running)
    }

    /// The focused pane.
    pub fn focused(&self) -> Option<&Pane> {
        self.panes.get(&self.focus)
    }

    pub(crate) fn sources_loaded(
        &mut self,
        exercise: &str,
        sources: Vec<(Language, Result<String, String>)>,
        theme: &Theme,
    ) {
        if self.slug.as_deref() != Some(exercise) {
            return;
        }
        for (lang, src) in sources {
            let pane = self.panes.entry(lang).or_default();
            // Never wait for the syntaxes here: plain text now, colours on HighlightReady.
            pane.highlighted = match &src {
                Ok(text) => {
                    match crate::highlight::highlight_if_loaded(text, lang.syntax_token(), theme) {
                        Some(lines) => lines,
                        None => {
                            pane.plain = true;
                            crate::highlight::highlight(text, "text", theme)
                        }
                    }
                }
                Err(e) => vec![Line::from(format!("cannot read the file: {e}"))],
            };
            pane.source = Some(src);
        }
    }

    /// Colours code that was shown plain while the syntaxes loaded.
    pub(crate) fn highlight_ready(&mut self, theme: &Theme) {
        for (lang, pane) in self.panes.iter_mut() {
            if let (true, Some(Ok(text))) = (pane.plain, &pane.source) {
                pane.highlighted = crate::highlight::highlight(text, lang.syntax_token(), theme);
                pane.plain = false;
            }
        }
    }

    pub(crate) fn start_checks(&mut self, langs: &[Language]) {
        for l in langs {
            if let Some(p) = self.panes.get_mut(l) {
                p.running = true;
                // A new result is read from its top.
                p.result_scroll = 0;
            }
        }
    }

    pub(crate) fn check_done(&mut self, outcome: Outcome) {
        if let Some(p) = self.panes.get_mut(&outcome.language) {
            p.running = false;
            p.outcome = Some(outcome);
        }
    }

    /// Keeps the focused result's scroll within `max` (after a resize re-wrapped it).
    pub(crate) fn clamp_focused_result(&mut self, max: usize) {
        if let Some(p) = self.panes.get_mut(&self.focus) {
            p.result_scroll = p.result_scroll.min(max);
        }
    }

    pub(crate) fn scroll_code(&mut self, delta: isize) {
        let focus = self.focus;
        if let Some(p) = self.panes.get_mut(&focus) {
            let max = match self.mode {
                PaneMode::Solution => p.solution.len(),
                _ => p.highlighted.len(),
            }
            .saturating_sub(1);
            p.scroll = ((p.scroll as isize + delta).max(0) as usize).min(max);
        }
    }
}

impl App {
    /// Renders the task, hints and notes again when the width changed.
    pub(crate) fn refresh_exercise_task(&mut self) {
        if self.screen != super::app::Screen::Exercise {
            return;
        }
        let Some(ex) = self.current_exercise().cloned() else {
            return;
        };
        let width = self.size.0.saturating_sub(2).max(10);
        if self.exercise.task.as_ref().is_none_or(|(w, _)| *w != width) {
            let lines = crate::markdown::render(&ex.task, width, &self.theme, &[]).lines;
            self.exercise.task = Some((width, lines));
        }
        // Hints and notes sit under a two-column indent in the result panel.
        let text_width = self.size.0.saturating_sub(3).max(10);
        if self
            .exercise
            .texts
            .as_ref()
            .is_none_or(|(w, _)| *w != text_width)
        {
            let md = |t: &str| crate::markdown::render(t, text_width, &self.theme, &[]).lines;
            let texts = RenderedTexts {
                hints: ex.hints.iter().map(|h| md(h)).collect(),
                notes: ex.notes.iter().map(|(&l, n)| (l, md(n))).collect(),
            };
            self.exercise.texts = Some((text_width, texts));
        }
    }

    /// The open exercise.
    pub fn current_exercise(&self) -> Option<&Exercise> {
        self.exercise
            .slug
            .as_deref()
            .and_then(|s| self.course.exercise(s))
    }

    /// Where one language of the open exercise stands.
    pub fn lang_state(&self, lang: Language) -> LangState {
        let slug = self.exercise.slug.as_deref().unwrap_or_default();
        let record = self.progress.record(slug, lang);
        let pane = self.exercise.panes.get(&lang);
        LangState {
            running: pane.is_some_and(|p| p.running),
            available: self.is_available(lang),
            verdict: pane
                .and_then(|p| p.outcome.as_ref())
                .map(|o| o.verdict)
                .or(record.last_verdict),
            status: record.status,
        }
    }

    /// Scrolls the focused language's result by `delta` lines, never past its end.
    fn scroll_result(&mut self, delta: isize) {
        let max = super::view::result_max_scroll(self);
        if let Some(p) = self.exercise.panes.get_mut(&self.exercise.focus) {
            p.result_scroll = (p.result_scroll as isize + delta).clamp(0, max as isize) as usize;
        }
    }

    /// Rows one page of the result or code scrolls.
    fn page(&self) -> isize {
        (self.size.1 as isize / 3).max(3)
    }

    pub(crate) fn exercise_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let Some(slug) = self.exercise.slug.clone() else {
            return self.to_map();
        };
        let focus = self.exercise.focus;
        let full = self.exercise.result_full;
        let page = self.page();
        match key.code {
            KeyCode::Esc => {
                if self.exercise.any_running() {
                    for p in self.exercise.panes.values_mut() {
                        p.running = false;
                    }
                    // Results of the cancelled batches are ignored from now on.
                    self.cancelled_below = self.next_batch;
                    self.message = Some("checks cancelled".into());
                    return vec![Cmd::CancelChecks];
                }
                if full {
                    self.exercise.result_full = false;
                    return Vec::new();
                }
                if self.exercise.mode != PaneMode::Mine {
                    self.exercise.mode = PaneMode::Mine;
                    return Vec::new();
                }
                return self.to_map();
            }
            KeyCode::Backspace => return self.to_map(),
            KeyCode::Char('r') => return self.check(Language::ALL.to_vec()),
            KeyCode::Enter => return self.check(vec![focus]),
            KeyCode::Tab | KeyCode::Right => self.step_focus(1),
            KeyCode::BackTab | KeyCode::Left => self.step_focus(-1),
            KeyCode::Char(c @ '1'..='4') => {
                let lang = Language::ALL[c as usize - '1' as usize];
                if self.exercise.mode == PaneMode::Compare {
                    self.exercise.compare = lang;
                } else {
                    self.exercise.focus = lang;
                }
            }
            KeyCode::Down | KeyCode::Char('j') if full => self.scroll_result(1),
            KeyCode::Up | KeyCode::Char('k') if full => self.scroll_result(-1),
            KeyCode::PageDown if full => self.scroll_result(page),
            KeyCode::PageUp if full => self.scroll_result(-page),
            KeyCode::Down | KeyCode::Char('j') => self.exercise.scroll_code(1),
            KeyCode::Up | KeyCode::Char('k') => self.exercise.scroll_code(-1),
            KeyCode::PageDown => self.exercise.scroll_code(10),
            KeyCode::PageUp => self.exercise.scroll_code(-10),
            KeyCode::Char('J') => self.scroll_result(1),
            KeyCode::Char('K') => self.scroll_result(-1),
            KeyCode::Char('f') => self.exercise.result_full = !full,
            KeyCode::Char('e') => return vec![Cmd::OpenEditor(slug, focus)],
            KeyCode::Char('i') => {
                return match self.exercise.focused().and_then(|p| p.source.clone()) {
                    Some(Ok(text)) => {
                        self.editor = Some(EditorState::new(focus, &text, &self.theme));
                        Vec::new()
                    }
                    _ => {
                        self.message = Some("the file is not loaded yet".into());
                        Vec::new()
                    }
                };
            }
            KeyCode::Char('w') => {
                self.watching = !self.watching;
                self.message = Some(
                    if self.watching {
                        "watching: saving a file re-checks it"
                    } else {
                        "not watching files"
                    }
                    .into(),
                );
                return vec![Cmd::Watch(self.watching.then_some(slug))];
            }
            KeyCode::Char('h') => return self.reveal_hint(&slug),
            KeyCode::Char('t') => self.open_overlay(Overlay::Task),
            KeyCode::Char('s') => {
                if self.exercise.mode == PaneMode::Solution {
                    self.exercise.mode = PaneMode::Mine;
                } else if self.progress.record(&slug, focus).attempts == 0 {
                    self.message = Some(format!(
                        "check your {} file at least once first (Enter), then s shows the solution",
                        focus.display_name()
                    ));
                } else if self.progress.record(&slug, focus).solution_seen {
                    return self.reveal_solution(focus);
                } else {
                    self.open_overlay(Overlay::Confirm(Confirm::RevealSolution(focus)));
                }
            }
            KeyCode::Char('c') => {
                if self.exercise.mode == PaneMode::Compare {
                    self.exercise.mode = PaneMode::Mine;
                } else if self.progress.record(&slug, focus).status == Status::Passed {
                    self.fill_solutions();
                    self.exercise.mode = PaneMode::Compare;
                    self.exercise.result_full = false;
                    // Start with the next language: the learner's own file is what they know.
                    self.exercise.compare = next_lang(focus, 1);
                    self.message =
                        Some("comparing: ← → or Tab picks the language, c or Esc goes back".into());
                } else {
                    self.message = Some(format!(
                        "pass it in {} first; then c shows the other languages' solutions beside yours",
                        focus.display_name()
                    ));
                }
            }
            KeyCode::Char('n') => return self.step_exercise(&slug, 1),
            KeyCode::Char('p') => return self.step_exercise(&slug, -1),
            KeyCode::Char('l') => {
                let i = self.lesson.index;
                return self.open_lesson(i);
            }
            _ => {}
        }
        Vec::new()
    }

    /// Tab and the arrows: another language, or in compare mode another solution.
    fn step_focus(&mut self, delta: isize) {
        if self.exercise.mode == PaneMode::Compare {
            self.exercise.compare = next_lang(self.exercise.compare, delta);
        } else {
            self.exercise.focus = next_lang(self.exercise.focus, delta);
        }
    }

    fn reveal_hint(&mut self, slug: &str) -> Vec<Cmd> {
        let total = self.current_exercise().map_or(0, |e| e.hints.len());
        if self.exercise.hints_shown >= total {
            self.open_overlay(Overlay::Hints);
            self.message =
                Some("that was the last hint: s shows the reference solution after a try".into());
            return Vec::new();
        }
        self.exercise.hints_shown += 1;
        // The hint opens where the learner is looking, not below the fold of the result.
        self.open_overlay(Overlay::Hints);
        let change = Change::Hint(slug.to_string(), self.exercise.focus, total);
        change.apply(&mut self.progress);
        vec![Cmd::Save(change)]
    }

    pub(crate) fn reveal_solution(&mut self, lang: Language) -> Vec<Cmd> {
        let Some(slug) = self.exercise.slug.clone() else {
            return Vec::new();
        };
        self.fill_solutions();
        self.exercise.focus = lang;
        self.exercise.mode = PaneMode::Solution;
        let change = Change::SolutionSeen(slug, lang);
        change.apply(&mut self.progress);
        vec![Cmd::Save(change)]
    }

    fn fill_solutions(&mut self) {
        let Some(ex) = self.current_exercise().cloned() else {
            return;
        };
        for (lang, pane) in self.exercise.panes.iter_mut() {
            if pane.solution.is_empty() {
                pane.solution = crate::highlight::highlight(
                    ex.solution(*lang),
                    lang.syntax_token(),
                    &self.theme,
                );
            }
        }
    }

    fn step_exercise(&mut self, slug: &str, delta: isize) -> Vec<Cmd> {
        let order: Vec<String> = self
            .course
            .exercises_in_order()
            .map(|(_, e)| e.slug.clone())
            .collect();
        let Some(i) = order.iter().position(|s| s == slug) else {
            return Vec::new();
        };
        let j = i as isize + delta;
        if j < 0 || j as usize >= order.len() {
            self.message = Some(
                if delta > 0 {
                    "this is the last exercise"
                } else {
                    "this is the first exercise"
                }
                .into(),
            );
            return Vec::new();
        }
        let next = order[j as usize].clone();
        let focus = self.exercise.focus;
        self.open_exercise(&next, Some(focus))
    }

    /// Whether an outcome is shown for the focused pane, and its verdict.
    pub fn focused_verdict(&self) -> Option<Verdict> {
        self.exercise
            .focused()
            .and_then(|p| p.outcome.as_ref())
            .map(|o| o.verdict)
    }
}

fn next_lang(l: Language, delta: isize) -> Language {
    let i = Language::ALL.iter().position(|&x| x == l).unwrap_or(0) as isize;
    Language::ALL[(i + delta).rem_euclid(4) as usize]
}
