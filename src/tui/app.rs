//! The TUI's state and the update function that turns messages into state changes and
//! commands. Nothing here touches the terminal, the disk or a toolchain.

use std::collections::BTreeMap;
use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEventKind};

use super::editor::EditorState;
use super::exercise::ExerciseState;
use super::lesson::LessonState;
use super::map::MapState;
use super::msg::{Cmd, Msg};
use crate::course::{Course, Language};
use crate::progress::{Change, Position, Progress, Status};
use crate::theme::Theme;

/// The smallest terminal the TUI draws in.
pub const MIN_SIZE: (u16, u16) = (40, 12);

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Lessons and exercises with ticks.
    Map,
    /// Reading a lesson.
    Lesson,
    /// Working on an exercise.
    Exercise,
    /// The learner's report: what they did, worth keeping.
    Report,
    /// The tradeoff lab: the same service in four languages, measured here.
    Lab,
}

impl Screen {
    fn id(self) -> &'static str {
        match self {
            Screen::Map => "map",
            Screen::Lesson => "lesson",
            Screen::Exercise => "exercise",
            Screen::Report => "report",
            Screen::Lab => "lab",
        }
    }
}

/// A popup over the current screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key list.
    Help,
    /// The first-run welcome.
    Welcome,
    /// A yes/no question.
    Confirm(Confirm),
    /// The whole task of the open exercise (the header shows only its start on small screens).
    Task,
    /// The hints revealed so far, scrolled to the newest.
    Hints,
}

/// What a confirmation is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Reveal the reference solution of a language.
    RevealSolution(Language),
    /// Leave the built-in editor without saving.
    DiscardEdits,
}

/// Which toolchains can run, per language.
pub type Availability = BTreeMap<Language, bool>;

/// Everything the TUI shows is a function of this.
#[derive(Debug)]
pub struct App {
    /// The course.
    pub course: Arc<Course>,
    /// The learner's progress as last saved.
    pub progress: Progress,
    /// Which languages can run here.
    pub available: Availability,
    /// Colours.
    pub theme: Theme,
    /// Terminal size.
    pub size: (u16, u16),
    /// The current screen.
    pub screen: Screen,
    /// A popup, if any.
    pub overlay: Option<Overlay>,
    /// The text of a text popup (help, welcome, task, hints), wrapped for its width.
    pub popup: Vec<ratatui::text::Line<'static>>,
    /// First visible line of the popup.
    pub popup_scroll: usize,
    /// Scroll the popup to its newest part once it is built (the hint just revealed).
    pub(crate) popup_jump: bool,
    /// Course map state.
    pub map: MapState,
    /// Lesson reader state.
    pub lesson: LessonState,
    /// Exercise view state.
    pub exercise: ExerciseState,
    /// The report screen.
    pub report: super::report::ReportState,
    /// The lab screen.
    pub lab: super::lab::LabState,
    /// Seconds since the Unix epoch when the app started (dates the report).
    pub started_at: u64,
    /// The built-in editor, when open.
    pub editor: Option<EditorState>,
    /// Whether saving a watched file re-checks it.
    pub watching: bool,
    /// A note for the learner, shown in the status bar until the next key.
    pub message: Option<String>,
    /// Spinner frame while something runs.
    pub spinner: usize,
    /// Set when the app should end.
    pub quit: bool,
    /// The next check batch id.
    pub(crate) next_batch: u64,
    /// Results of check batches before this one were cancelled and are ignored.
    pub(crate) cancelled_below: u64,
}

impl App {
    /// A new app, resuming where `progress` says the learner was.
    pub fn new(
        course: Arc<Course>,
        progress: Progress,
        available: Availability,
        theme: Theme,
        size: (u16, u16),
    ) -> (Self, Vec<Cmd>) {
        let map = MapState::new(&course);
        let mut app = App {
            course,
            progress,
            available,
            theme,
            size,
            screen: Screen::Map,
            overlay: None,
            popup: Vec::new(),
            popup_scroll: 0,
            popup_jump: false,
            map,
            lesson: LessonState::default(),
            exercise: ExerciseState::default(),
            report: Default::default(),
            lab: Default::default(),
            started_at: crate::progress::now_secs(),
            editor: None,
            watching: true,
            message: None,
            spinner: 0,
            quit: false,
            next_batch: 1,
            cancelled_below: 0,
        };
        let mut cmds = app.resume();
        app.refresh_lesson();
        let h = app.lesson_view_height();
        app.lesson.clamp_scroll(h);
        if !app.progress.welcome_seen {
            app.open_overlay(Overlay::Welcome);
            cmds.push(Cmd::Save(Change::WelcomeSeen));
        }
        (app, cmds)
    }

    /// Goes back to the saved position.
    fn resume(&mut self) -> Vec<Cmd> {
        let pos = self.progress.position.clone();
        let lesson = pos
            .lesson
            .as_deref()
            .and_then(|slug| self.course.lessons.iter().position(|l| l.slug == slug));
        match (pos.screen.as_deref(), lesson, pos.exercise.as_deref()) {
            (Some("exercise"), _, Some(ex)) if self.course.exercise(ex).is_some() => {
                let ex = ex.to_string();
                let cmds = self.open_exercise(&ex, pos.language);
                if let Some(i) = lesson {
                    self.lesson.open(i);
                    self.lesson.scroll = pos.scroll as usize;
                }
                cmds
            }
            (Some("lesson"), Some(i), _) => {
                let cmds = self.open_lesson(i);
                self.lesson.scroll = pos.scroll as usize;
                self.lesson.clamp_scroll(self.lesson_view_height());
                cmds
            }
            _ => {
                if let Some(ex) = pos.exercise.as_deref() {
                    self.map.select_exercise(&self.course, ex);
                } else if let Some(i) = lesson {
                    self.map.select_lesson(i);
                }
                Vec::new()
            }
        }
    }

    /// Whether something animates (a check or the lab running), so the runtime should send
    /// ticks.
    pub fn animating(&self) -> bool {
        self.exercise.any_running() || self.lab.running
    }

    /// Whether the terminal is big enough to draw in.
    pub fn fits(&self) -> bool {
        self.size.0 >= MIN_SIZE.0 && self.size.1 >= MIN_SIZE.1
    }

    /// Rows available to the lesson text (the screen minus title and status bar).
    pub fn lesson_view_height(&self) -> usize {
        self.size.1.saturating_sub(3) as usize
    }

    /// Width the lesson text is rendered at.
    pub fn lesson_width(&self) -> u16 {
        // Long lines are hard to read: cap the measure, keep a margin.
        self.size.0.saturating_sub(4).clamp(20, 100)
    }

    /// The saved status of one language of an exercise, or `None` when the toolchain is
    /// missing and it was never passed.
    pub fn status(&self, exercise: &str, lang: Language) -> Option<Status> {
        let s = self.progress.record(exercise, lang).status;
        if s == Status::NotTried && !self.is_available(lang) {
            None
        } else {
            Some(s)
        }
    }

    /// Whether a language's toolchain is installed.
    pub fn is_available(&self, lang: Language) -> bool {
        self.available.get(&lang).copied().unwrap_or(false)
    }

    /// Whether every available language of an exercise passed.
    pub fn exercise_done(&self, exercise: &str) -> bool {
        let langs: Vec<Language> = Language::ALL
            .into_iter()
            .filter(|&l| self.is_available(l))
            .collect();
        !langs.is_empty()
            && langs
                .iter()
                .all(|&l| self.progress.record(exercise, l).status == Status::Passed)
    }

    /// Passed language-exercises and the total, for the gauge.
    pub fn totals(&self) -> (usize, usize) {
        let total = self.course.exercises.len() * Language::ALL.len();
        let passed = self
            .course
            .exercises
            .keys()
            .flat_map(|slug| Language::ALL.iter().map(move |&l| (slug, l)))
            .filter(|(slug, l)| self.progress.record(slug, *l).status == Status::Passed)
            .count();
        (passed, total)
    }

    /// The position to save for resuming.
    pub fn position(&self) -> Position {
        let lesson = self
            .course
            .lessons
            .get(self.lesson.index)
            .map(|l| l.slug.clone());
        Position {
            screen: Some(self.screen.id().to_string()),
            lesson: if self.screen == Screen::Map {
                None
            } else {
                lesson
            },
            scroll: if self.screen == Screen::Map {
                0
            } else {
                self.lesson.scroll as u32
            },
            exercise: match self.screen {
                Screen::Exercise => self.exercise.slug.clone(),
                Screen::Map => self.map.selected_exercise(&self.course).map(str::to_string),
                Screen::Lesson | Screen::Report | Screen::Lab => None,
            },
            language: Some(self.exercise.focus),
        }
    }

    fn save_position(&self) -> Cmd {
        Cmd::Save(Change::Position(self.position()))
    }

    /// Handles one message.
    pub fn update(&mut self, msg: Msg) -> Vec<Cmd> {
        let mut cmds = self.handle(msg);
        self.refresh_lesson();
        cmds.extend(self.mark_lesson_read());
        self.refresh_exercise_task();
        self.refresh_report();
        self.refresh_map_preview();
        self.refresh_lab_intro();
        if self.overlay.is_some() {
            self.refresh_popup();
        }
        cmds
    }

    fn handle(&mut self, msg: Msg) -> Vec<Cmd> {
        match msg {
            Msg::Key(key) if key.is_press() || key.is_repeat() => {
                self.message = None;
                self.on_key(key)
            }
            Msg::Key(_) => Vec::new(),
            Msg::Mouse(m) => {
                let delta: isize = match m.kind {
                    MouseEventKind::ScrollDown => 3,
                    MouseEventKind::ScrollUp => -3,
                    _ => return Vec::new(),
                };
                match self.screen {
                    Screen::Lesson if self.overlay.is_none() => {
                        self.lesson.scroll_by(delta, self.lesson_view_height())
                    }
                    Screen::Exercise if self.overlay.is_none() => self.exercise.scroll_code(delta),
                    Screen::Map if self.overlay.is_none() => {
                        self.map.move_by(delta.signum(), &self.course)
                    }
                    _ => {}
                }
                Vec::new()
            }
            Msg::Paste(text) => {
                if let Some(ed) = self.editor.as_mut() {
                    ed.paste(&text);
                }
                Vec::new()
            }
            Msg::Resize(w, h) => {
                self.size = (w, h);
                // Keep the reader at the same text: remember it before the lines re-wrap.
                self.lesson.anchor_to_text();
                self.lesson.invalidate();
                self.lesson.clamp_scroll(self.lesson_view_height());
                self.exercise
                    .clamp_focused_result(super::view::result_max_scroll(self));
                Vec::new()
            }
            Msg::Tick => {
                self.spinner = self.spinner.wrapping_add(1);
                Vec::new()
            }
            Msg::SourcesLoaded { exercise, sources } => {
                self.exercise
                    .sources_loaded(&exercise, sources, &self.theme);
                Vec::new()
            }
            Msg::CheckDone { batch, outcome } => {
                if batch < self.cancelled_below {
                    return Vec::new();
                }
                // Recorded even if the learner moved on: the check did run.
                let cmd = self.record(&outcome);
                if self.exercise.slug.as_deref() == Some(outcome.exercise.as_str()) {
                    self.exercise.check_done(*outcome);
                }
                vec![cmd]
            }
            Msg::FileChanged { exercise, language } => self.file_changed(&exercise, language),
            Msg::Notice(note) => {
                self.message = Some(note);
                Vec::new()
            }
            Msg::EditorClosed {
                language,
                error,
                note,
            } => {
                self.message = error.or(note);
                let ex = self.exercise.slug.clone().unwrap_or_default();
                let mut cmds = vec![Cmd::LoadSources(ex.clone())];
                cmds.extend(self.check(vec![language]));
                cmds
            }
            Msg::ProgressSaved(p) => {
                self.progress = *p;
                Vec::new()
            }
            Msg::ProgressError(e) => {
                self.message = Some(format!("could not save progress: {e}"));
                Vec::new()
            }
            Msg::FileWritten { language, error } => match error {
                Some(e) => {
                    self.message = Some(format!("could not save: {e}"));
                    Vec::new()
                }
                None => {
                    self.message = Some(format!("saved {}", language.file_name()));
                    let ex = self.exercise.slug.clone().unwrap_or_default();
                    let mut cmds = vec![Cmd::LoadSources(ex)];
                    cmds.extend(self.check(vec![language]));
                    cmds
                }
            },
            Msg::Lab(event) => {
                self.lab.event(event);
                Vec::new()
            }
            Msg::LabDone(run) => self.lab_done(*run),
            Msg::HighlightReady => {
                self.lesson.invalidate();
                self.report.invalidate();
                self.exercise.task = None;
                self.exercise.highlight_ready(&self.theme);
                Vec::new()
            }
            Msg::Terminate => self.quit_cmds(),
        }
    }

    pub(crate) fn quit_cmds(&mut self) -> Vec<Cmd> {
        self.quit = true;
        let mut cmds = vec![Cmd::CancelChecks, Cmd::CancelLab];
        // Unsaved text in the built-in editor is written, not lost.
        if let Some(ed) = self.editor.as_ref().filter(|e| e.dirty()) {
            let slug = self.exercise.slug.clone().unwrap_or_default();
            cmds.push(Cmd::WriteFile(slug, ed.language, ed.text()));
        }
        cmds.push(self.save_position());
        cmds.push(Cmd::Quit);
        cmds
    }

    fn on_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl && key.code == KeyCode::Char('c') {
            return self.quit_cmds();
        }
        if self.editor.is_some() {
            return self.editor_key(key);
        }
        if let Some(overlay) = self.overlay.clone() {
            return self.overlay_key(overlay, key);
        }
        match key.code {
            KeyCode::Char('?') => {
                self.open_overlay(Overlay::Help);
                return Vec::new();
            }
            KeyCode::Char('q') => return self.quit_cmds(),
            _ => {}
        }
        match self.screen {
            Screen::Map => self.map_key(key),
            Screen::Lesson => self.lesson_key(key),
            Screen::Exercise => self.exercise_key(key),
            Screen::Report => self.report_key(key),
            Screen::Lab => self.lab_key(key),
        }
    }

    pub(crate) fn overlay_key(&mut self, overlay: Overlay, key: KeyEvent) -> Vec<Cmd> {
        match overlay {
            Overlay::Help | Overlay::Welcome | Overlay::Task | Overlay::Hints => {
                self.popup_key(key)
            }
            Overlay::Confirm(what) => {
                let yes = matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y'));
                self.overlay = None;
                if !yes {
                    return Vec::new();
                }
                match what {
                    Confirm::RevealSolution(lang) => self.reveal_solution(lang),
                    Confirm::DiscardEdits => {
                        self.editor = None;
                        self.message = Some("changes discarded".into());
                        Vec::new()
                    }
                }
            }
        }
    }

    /// Opens a lesson by index.
    pub fn open_lesson(&mut self, index: usize) -> Vec<Cmd> {
        if self.course.lessons.get(index).is_none() {
            return Vec::new();
        }
        if self.lesson.index != index || self.screen != Screen::Lesson {
            self.lesson.open(index);
        }
        self.screen = Screen::Lesson;
        self.map.select_lesson(index);
        // Opening is not reading: the lesson counts as read once its end has been on screen
        // (see `mark_lesson_read`).
        vec![Cmd::Watch(None), self.save_position()]
    }

    /// Opens an exercise, focusing `lang` (or the first unfinished available language).
    pub fn open_exercise(&mut self, slug: &str, lang: Option<Language>) -> Vec<Cmd> {
        let Some(ex) = self.course.exercise(slug) else {
            return Vec::new();
        };
        let focus = lang.unwrap_or_else(|| {
            Language::ALL
                .into_iter()
                .find(|&l| {
                    self.is_available(l) && self.progress.record(slug, l).status != Status::Passed
                })
                .unwrap_or(Language::Python)
        });
        let hints = self.progress.hints_used(slug);
        self.exercise.open(ex, focus, hints as usize);
        if let Some(i) = self
            .course
            .lessons
            .iter()
            .position(|l| l.exercises.iter().any(|e| e == slug))
            && self.lesson.index != i
        {
            self.lesson.open(i);
        }
        self.map.select_exercise(&self.course, slug);
        self.screen = Screen::Exercise;
        let mut cmds = vec![Cmd::LoadSources(slug.to_string())];
        cmds.push(Cmd::Watch(self.watching.then(|| slug.to_string())));
        cmds.push(self.save_position());
        cmds
    }

    /// The first thing not yet done: an unread lesson, or an exercise not passed in every
    /// available language.
    pub fn continue_target(&self) -> Option<Target> {
        for (i, lesson) in self.course.lessons.iter().enumerate() {
            if !self.progress.lessons_read.contains(&lesson.slug) {
                return Some(Target::Lesson(i));
            }
            for ex in &lesson.exercises {
                if !self.exercise_done(ex) {
                    return Some(Target::Exercise(ex.clone()));
                }
            }
        }
        None
    }

    /// Goes to the first unfinished thing.
    pub fn go_continue(&mut self) -> Vec<Cmd> {
        match self.continue_target() {
            Some(Target::Lesson(i)) => self.open_lesson(i),
            Some(Target::Exercise(slug)) => self.open_exercise(&slug, None),
            None => self.open_report(),
        }
    }

    /// Back to the course map.
    pub fn to_map(&mut self) -> Vec<Cmd> {
        self.screen = Screen::Map;
        vec![Cmd::Watch(None), self.save_position()]
    }

    /// Starts checks for these languages of the open exercise.
    pub fn check(&mut self, langs: Vec<Language>) -> Vec<Cmd> {
        let Some(slug) = self.exercise.slug.clone() else {
            return Vec::new();
        };
        let langs: Vec<Language> = langs
            .into_iter()
            .filter(|&l| self.is_available(l))
            .collect();
        if langs.is_empty() {
            self.message = Some("that language's toolchain is not installed: `microlings doctor` says how to get it".into());
            return Vec::new();
        }
        let batch = self.next_batch;
        self.next_batch += 1;
        self.exercise.start_checks(&langs);
        vec![Cmd::Check {
            batch,
            exercise: slug,
            languages: langs,
        }]
    }

    fn file_changed(&mut self, exercise: &str, lang: Language) -> Vec<Cmd> {
        if self.screen != Screen::Exercise
            || self.exercise.slug.as_deref() != Some(exercise)
            || !self.watching
        {
            return Vec::new();
        }
        let mut cmds = vec![Cmd::LoadSources(exercise.to_string())];
        cmds.extend(self.check(vec![lang]));
        cmds
    }

    /// Records a finished check in progress and asks for it to be saved.
    pub(crate) fn record(&mut self, outcome: &crate::run::Outcome) -> Cmd {
        let change = Change::Outcome(Box::new(outcome.clone()));
        change.apply(&mut self.progress);
        Cmd::Save(change)
    }
}

/// Where "continue" goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A lesson, by index.
    Lesson(usize),
    /// An exercise, by slug.
    Exercise(String),
}
