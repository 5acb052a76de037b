//! The exercise view: four languages side by side, checks, hints, solutions; its state and
//! what its keys do.

use std::collections::BTreeMap;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;

use super::app::{Confirm, Overlay};
use super::intent::{Ctx, Intent};
use super::keys::Action;
use super::learn::{Learn, not_tried_yet};
use super::msg::Cmd;
use crate::course::{Exercise, Language};
use crate::highlight::{Syntaxes, highlight_or_plain};
use crate::learner::{self, SolutionAccess, outcome};
use crate::progress::Status;
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
    /// The latest outcome of a check this session, or the last check of the file as it is,
    /// recalled from the result cache when the exercise opened (see `recalled`).
    pub outcome: Option<Outcome>,
    /// `outcome` is the last check of the unchanged file, recalled when the exercise opened,
    /// not a check run now.
    pub recalled: bool,
    /// Whether a check is running.
    pub running: bool,
    /// Watch mode saw the file saved while its check ran: check it again once that one ends
    /// (never two judgements of the same file at once).
    pub recheck: bool,
    /// First visible line of the code.
    pub scroll: usize,
    /// First visible line of this language's result (each language keeps its own).
    pub result_scroll: usize,
    /// `highlighted` is plain text because the syntaxes were still loading.
    pub plain: bool,
    /// `solution` is plain text because the syntaxes were still loading.
    pub solution_plain: bool,
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
    /// The pass was of an earlier version of the exercise (its cases changed since).
    pub earlier_version: bool,
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
        if self.earlier_version && self.verdict.is_none_or(|v| v == Verdict::Passed) {
            return ("↻", EARLIER_VERSION.into());
        }
        match (self.verdict, self.status) {
            (Some(v), Status::Passed) if self.earlier_version => (
                crate::style::verdict_symbol(v),
                format!("{} · passed an earlier version", v.label()),
            ),
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
            _ if self.earlier_version && self.verdict.is_none_or(|v| v == Verdict::Passed) => {
                Tone::Busy
            }
            (_, Some(v), _) => outcome::tone(v).into(),
            (_, None, Status::Passed) => Tone::Good,
            (_, None, Status::Failed) => Tone::Bad,
            _ if !self.available => Tone::Busy,
            _ => Tone::Neutral,
        }
    }
}

/// What a pass of an earlier version of the exercise says.
pub const EARLIER_VERSION: &str = "passed an earlier version: check again";

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

impl From<outcome::Tone> for Tone {
    /// A verdict's tone: nothing judged (a missing toolchain, a cancelled check, microlings'
    /// own failure) is coloured as busy, neither good nor bad.
    fn from(tone: outcome::Tone) -> Self {
        match tone {
            outcome::Tone::Good => Tone::Good,
            outcome::Tone::Bad => Tone::Bad,
            outcome::Tone::Warn => Tone::Busy,
        }
    }
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
    /// Comparing, the files take the whole height (the task and the result step aside).
    pub compare_full: bool,
    /// First visible line of the reference solutions shown (`s`, `c`).
    pub solution_scroll: usize,
    /// The task rendered from Markdown, and the width it was rendered for.
    pub task: Option<(u16, Vec<Line<'static>>)>,
    /// Each hint and each language's note rendered from Markdown, for the width in `.0`.
    pub texts: Option<(u16, RenderedTexts)>,
    /// Where the parts go and what the result says, computed in update for the view and for
    /// the keys that scroll the result.
    pub layout: Option<ExerciseLayout>,
}

/// Where the parts of the exercise view go, and the focused language's result.
#[derive(Debug, Clone, Default)]
pub struct ExerciseLayout {
    /// The title and the start of the task.
    pub header: Rect,
    /// The code panes; `None` while the result takes the whole height.
    pub panes: Option<Rect>,
    /// The result panel (its first row is its title).
    pub result: Rect,
    /// The result's lines, wrapped for its width.
    pub result_lines: Vec<Line<'static>>,
}

impl ExerciseLayout {
    /// How far the result can scroll: its lines minus the rows it gets.
    pub fn result_max_scroll(&self) -> usize {
        let rows = self.result.height.saturating_sub(1) as usize;
        self.result_lines.len().saturating_sub(rows)
    }
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

    /// The open exercise.
    pub fn exercise<'a>(&self, cx: &Ctx<'a>) -> Option<&'a Exercise> {
        self.slug.as_deref().and_then(|s| cx.course.exercise(s))
    }

    /// Where one language of the open exercise stands.
    pub fn lang_state(&self, lang: Language, cx: &Ctx) -> LangState {
        let slug = self.slug.as_deref().unwrap_or_default();
        let record = cx.progress.record(slug, lang);
        let pane = self.panes.get(&lang);
        LangState {
            running: pane.is_some_and(|p| p.running),
            available: cx.is_available(lang),
            verdict: pane
                .and_then(|p| p.outcome.as_ref())
                .map(|o| o.verdict)
                .or(record.last_verdict),
            status: record.status,
            earlier_version: cx.passed_earlier_version(slug, lang),
        }
    }

    /// How far the focused result can scroll (0 before the first layout).
    pub fn result_max_scroll(&self) -> usize {
        self.layout
            .as_ref()
            .map_or(0, ExerciseLayout::result_max_scroll)
    }

    pub(crate) fn sources_loaded(
        &mut self,
        exercise: &str,
        sources: Vec<(Language, Result<String, String>)>,
        theme: &Theme,
        syntaxes: Option<Syntaxes>,
    ) {
        if self.slug.as_deref() != Some(exercise) {
            return;
        }
        for (lang, src) in sources {
            let pane = self.panes.entry(lang).or_default();
            // Plain text until the syntaxes arrive (Msg::HighlightReady), then colours.
            pane.highlighted = match &src {
                Ok(text) => {
                    let (lines, plain) =
                        highlight_or_plain(syntaxes, text, lang.syntax_token(), theme);
                    pane.plain = plain;
                    lines
                }
                Err(e) => vec![Line::from(format!("cannot read the file: {e}"))],
            };
            pane.source = Some(src);
        }
    }

    /// Colours code that was shown plain while the syntaxes loaded: the learner's files, and
    /// the solutions of `ex` (the open exercise) already shown.
    pub(crate) fn highlight_ready(
        &mut self,
        ex: Option<&Exercise>,
        theme: &Theme,
        syntaxes: Syntaxes,
    ) {
        for (lang, pane) in self.panes.iter_mut() {
            if let (true, Some(Ok(text))) = (pane.plain, &pane.source) {
                pane.highlighted = syntaxes.highlight(text, lang.syntax_token(), theme);
                pane.plain = false;
            }
            if let (true, Some(ex)) = (pane.solution_plain, ex) {
                pane.solution = syntaxes.highlight(ex.solution(*lang), lang.syntax_token(), theme);
                pane.solution_plain = false;
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

    /// Every running check stops (the app ignores what they send from now on).
    pub(crate) fn stop_checks(&mut self) {
        for p in self.panes.values_mut() {
            p.running = false;
        }
    }

    /// Shows a finished check; true when watch mode asked for another check of the same
    /// file while it ran.
    pub(crate) fn check_done(&mut self, outcome: Outcome) -> bool {
        match self.panes.get_mut(&outcome.language) {
            Some(p) => {
                p.running = false;
                p.recalled = false;
                p.outcome = Some(outcome);
                std::mem::take(&mut p.recheck)
            }
            None => false,
        }
    }

    /// Shows the last checks of `exercise`'s unchanged files (from the result cache) in the
    /// panes that have no result yet: a reopened exercise looks as the learner left it. A check
    /// started or finished meanwhile wins.
    pub(crate) fn recalled(&mut self, exercise: &str, outcomes: Vec<Outcome>) {
        if self.slug.as_deref() != Some(exercise) {
            return;
        }
        for outcome in outcomes {
            if let Some(p) = self.panes.get_mut(&outcome.language)
                && p.outcome.is_none()
                && !p.running
            {
                p.outcome = Some(outcome);
                p.recalled = true;
            }
        }
    }

    /// Whether a check of `lang` is running; if so, marks that it must run again once done.
    pub(crate) fn defer_recheck(&mut self, lang: Language) -> bool {
        match self.panes.get_mut(&lang) {
            Some(p) if p.running => {
                p.recheck = true;
                true
            }
            _ => false,
        }
    }

    /// Keeps the focused result's scroll within its end (after a resize re-wrapped it).
    pub(crate) fn clamp_focused_result(&mut self) {
        let max = self.result_max_scroll();
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

    /// Scrolls the focused language's result by `delta` lines, never past its end.
    fn scroll_result(&mut self, delta: isize) {
        let max = self.result_max_scroll();
        if let Some(p) = self.panes.get_mut(&self.focus) {
            p.result_scroll = (p.result_scroll as isize + delta).clamp(0, max as isize) as usize;
        }
    }

    /// Renders the task, hints and notes again when the width changed.
    pub(crate) fn refresh_texts(&mut self, cx: &Ctx) {
        let Some(ex) = self.exercise(cx) else {
            return;
        };
        let width = cx.layout.task_width;
        if self.task.as_ref().is_none_or(|(w, _)| *w != width) {
            self.task = Some((width, cx.markdown(&ex.task, width)));
        }
        // Hints and notes sit under a two-column indent in the result panel.
        let text_width = cx.layout.note_width;
        if self.texts.as_ref().is_none_or(|(w, _)| *w != text_width) {
            let texts = RenderedTexts {
                hints: ex
                    .hints
                    .iter()
                    .map(|h| cx.markdown(h, text_width))
                    .collect(),
                notes: ex
                    .notes
                    .iter()
                    .map(|(&l, n)| (l, cx.markdown(n, text_width)))
                    .collect(),
            };
            self.texts = Some((text_width, texts));
        }
    }

    /// Lays the view out in `body` around a result of `result_lines`.
    pub(crate) fn place(&mut self, result_lines: Vec<Line<'static>>, body: Rect) {
        let task_len = self.task.as_ref().map_or(2, |(_, t)| t.len());
        // The title line plus the start of the task: a fifth of the screen at most; `t` shows
        // it all.
        let task_height = (task_len as u16 + 1).min(body.height / 5).max(2);
        let layout = if self.mode == PaneMode::Compare && self.compare_full {
            // The files are what is being read: everything but the title line.
            let [header, panes] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(body);
            ExerciseLayout {
                header,
                panes: Some(panes),
                result: Rect::new(body.x, body.bottom(), body.width, 0),
                result_lines,
            }
        } else if self.result_full {
            let [header, result] =
                Layout::vertical([Constraint::Length(task_height), Constraint::Min(3)]).areas(body);
            ExerciseLayout {
                header,
                panes: None,
                result,
                result_lines,
            }
        } else {
            // The result grows with what it has to say, up to half the screen; the code keeps
            // at least a few lines (f gives the result everything).
            let most = (body.height / 2).max(5);
            let result_height = (result_lines.len() as u16 + 1).clamp(3, most);
            let [header, panes, result] = Layout::vertical([
                Constraint::Length(task_height),
                Constraint::Min(3),
                Constraint::Length(result_height),
            ])
            .areas(body);
            ExerciseLayout {
                header,
                panes: Some(panes),
                result,
                result_lines,
            }
        };
        self.layout = Some(layout);
    }

    /// What a key's action does in the exercise view.
    pub(crate) fn on_action(&mut self, action: Action, cx: &Ctx) -> Vec<Intent> {
        let Some(slug) = self.slug.clone() else {
            return vec![Intent::ToMap];
        };
        let focus = self.focus;
        let full = self.result_full;
        // Rows one page of the result or code scrolls.
        let page = (cx.layout.screen.height as isize / 3).max(3);
        match action {
            Action::Back => {
                if self.any_running() {
                    self.stop_checks();
                    return vec![Intent::CancelChecks];
                }
                if full {
                    self.result_full = false;
                } else if self.mode != PaneMode::Mine {
                    self.leave_solutions();
                } else {
                    return vec![Intent::ToMap];
                }
            }
            Action::CheckAll => return vec![Intent::Check(Language::ALL.to_vec())],
            Action::CheckFocused => return vec![Intent::Check(vec![focus])],
            Action::NextLanguage => self.step_focus(1),
            Action::PrevLanguage => self.step_focus(-1),
            Action::PickLanguage(lang) => {
                if self.mode == PaneMode::Compare {
                    self.compare = lang;
                    self.solution_scroll = 0;
                } else {
                    self.focus = lang;
                }
            }
            // Solutions on screen: the keys scroll them.
            Action::Down if self.mode != PaneMode::Mine => self.scroll_solutions(1, cx),
            Action::Up if self.mode != PaneMode::Mine => self.scroll_solutions(-1, cx),
            Action::PageDown if self.mode != PaneMode::Mine => self.scroll_solutions(10, cx),
            Action::PageUp if self.mode != PaneMode::Mine => self.scroll_solutions(-10, cx),
            Action::ToggleFullResult if self.mode == PaneMode::Compare => {
                self.compare_full = !self.compare_full;
            }
            Action::Down if full => self.scroll_result(1),
            Action::Up if full => self.scroll_result(-1),
            Action::PageDown if full => self.scroll_result(page),
            Action::PageUp if full => self.scroll_result(-page),
            Action::Down => self.scroll_code(1),
            Action::Up => self.scroll_code(-1),
            Action::PageDown => self.scroll_code(10),
            Action::PageUp => self.scroll_code(-10),
            Action::ResultDown => self.scroll_result(1),
            Action::ResultUp => self.scroll_result(-1),
            Action::ToggleFullResult => self.result_full = !full,
            Action::EditOutside => return vec![Intent::Run(Cmd::OpenEditor(slug, focus))],
            Action::EditHere => {
                return match self.focused().and_then(|p| p.source.clone()) {
                    Some(Ok(text)) => vec![Intent::EditHere(focus, text)],
                    _ => vec![Intent::Say("the file is not loaded yet".into())],
                };
            }
            Action::ToggleWatch => return vec![Intent::ToggleWatch],
            Action::NextHint => return vec![Intent::Learn(Learn::Hint)],
            Action::ShowTask => return vec![Intent::Popup(Overlay::Task)],
            Action::ToggleSolution => {
                if self.mode == PaneMode::Solution {
                    self.leave_solutions();
                } else {
                    return match learner::solution_access(cx.progress, &slug, focus) {
                        SolutionAccess::NotYet => vec![Intent::Say(not_tried_yet(focus))],
                        SolutionAccess::Open => self.reveal_solution(focus, cx),
                        SolutionAccess::Ask => vec![Intent::Popup(Overlay::Confirm(
                            Confirm::RevealSolution(focus),
                        ))],
                    };
                }
            }
            Action::ToggleCompare => {
                if self.mode == PaneMode::Compare {
                    self.leave_solutions();
                } else if cx.passed(&slug, focus) {
                    self.fill_solutions(cx);
                    self.mode = PaneMode::Compare;
                    self.solution_scroll = 0;
                    self.result_full = false;
                    // Start with the next language: the learner's own file is what they know.
                    self.compare = next_lang(focus, 1);
                    return vec![Intent::Say(
                        "comparing: ← → the language, f full height, c or Esc back".into(),
                    )];
                } else {
                    return vec![Intent::Say(format!(
                        "pass it in {} first; then c shows the other languages' solutions beside yours",
                        focus.display_name()
                    ))];
                }
            }
            Action::NextExercise => return self.step_exercise(&slug, 1, cx),
            Action::PrevExercise => return self.step_exercise(&slug, -1, cx),
            Action::ReadLesson => return vec![Intent::ReadLesson],
            _ => {}
        }
        Vec::new()
    }

    /// Back to the learner's own files.
    fn leave_solutions(&mut self) {
        self.mode = PaneMode::Mine;
        self.compare_full = false;
        self.solution_scroll = 0;
    }

    /// Scrolls the reference solutions on screen by `delta` lines, within the longest.
    fn scroll_solutions(&mut self, delta: isize, cx: &Ctx) {
        let longest = self
            .exercise(cx)
            .map_or(0, |ex| {
                Language::ALL
                    .iter()
                    .map(|&l| ex.solution(l).lines().count())
                    .max()
                    .unwrap_or(0)
            })
            .saturating_sub(1);
        self.solution_scroll =
            (self.solution_scroll as isize + delta).clamp(0, longest as isize) as usize;
    }

    /// Tab and the arrows: another language, or in compare mode another solution.
    fn step_focus(&mut self, delta: isize) {
        if self.mode == PaneMode::Compare {
            self.solution_scroll = 0;
            self.compare = next_lang(self.compare, delta);
        } else {
            self.focus = next_lang(self.focus, delta);
        }
    }

    /// Shows the reference solution of `lang` (the learner said yes, or had seen it before).
    pub(crate) fn reveal_solution(&mut self, lang: Language, cx: &Ctx) -> Vec<Intent> {
        if self.slug.is_none() {
            return Vec::new();
        }
        self.fill_solutions(cx);
        self.focus = lang;
        self.mode = PaneMode::Solution;
        vec![Intent::Learn(Learn::Solution(lang))]
    }

    fn fill_solutions(&mut self, cx: &Ctx) {
        let Some(ex) = self.exercise(cx) else {
            return;
        };
        for (lang, pane) in self.panes.iter_mut() {
            if pane.solution.is_empty() {
                let (lines, plain) = highlight_or_plain(
                    cx.syntaxes,
                    ex.solution(*lang),
                    lang.syntax_token(),
                    cx.theme,
                );
                pane.solution = lines;
                pane.solution_plain = plain;
            }
        }
    }

    fn step_exercise(&mut self, slug: &str, delta: isize, cx: &Ctx) -> Vec<Intent> {
        let order: Vec<&str> = cx
            .course
            .exercises_in_order()
            .map(|(_, e)| e.slug.as_str())
            .collect();
        let Some(i) = order.iter().position(|s| *s == slug) else {
            return Vec::new();
        };
        let j = i as isize + delta;
        if j < 0 || j as usize >= order.len() {
            let note = if delta > 0 {
                "this is the last exercise"
            } else {
                "this is the first exercise"
            };
            return vec![Intent::Say(note.into())];
        }
        vec![Intent::OpenExercise(
            order[j as usize].to_string(),
            Some(self.focus),
        )]
    }
}

fn next_lang(l: Language, delta: isize) -> Language {
    let i = Language::ALL.iter().position(|&x| x == l).unwrap_or(0) as isize;
    Language::ALL[(i + delta).rem_euclid(4) as usize]
}
