//! The TUI's state and the update function that turns messages into state changes and
//! commands. Nothing here touches the terminal, the disk, the clock or a toolchain.
//!
//! A key is looked up in the binding tables (`keys.rs`) to find its action; the screen that
//! has the keys handles the action on its own state, reading the rest through a [`Ctx`], and
//! returns [`Intent`]s, which [`App::carry_out`] turns into changes of the app and [`Cmd`]s.

use std::collections::BTreeMap;
use std::sync::Arc;

use crossterm::event::KeyEvent;

use super::editor::EditorState;
use super::exercise::{ExerciseState, LangState, PaneMode};
use super::intent::{Ctx, Intent};
use super::keys::{self, Action, KeyContext};
use super::lesson::LessonState;
use super::map::MapState;
use super::msg::{Cmd, Msg};
use super::popup::PopupState;
use crate::course::{Course, Language};
use crate::highlight::Syntaxes;
use crate::progress::{Change, Position, Progress, SavedScreen, Status};
use crate::theme::Theme;

use super::layout::Layout;
pub use super::navigate::Target;

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

impl From<Screen> for SavedScreen {
    fn from(screen: Screen) -> Self {
        match screen {
            Screen::Map => SavedScreen::Map,
            Screen::Lesson => SavedScreen::Lesson,
            Screen::Exercise => SavedScreen::Exercise,
            Screen::Report => SavedScreen::Report,
            Screen::Lab => SavedScreen::Lab,
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

/// Changes sent to the saver and not yet reported saved, in order: a saved snapshot is older
/// than they are, so they are applied again on top of it.
#[derive(Debug, Default)]
pub(crate) struct Unsaved {
    pub(crate) next: u64,
    pub(crate) changes: Vec<(u64, Change)>,
}

/// Everything the TUI shows is a function of this.
#[derive(Debug)]
pub struct App {
    /// The course.
    pub course: Arc<Course>,
    /// The learner's progress: as last saved, with the changes still being saved applied.
    pub progress: Progress,
    /// Which languages can run here.
    pub available: Availability,
    /// Each exercise's version (`learner::exercise_version`), computed once: a pass of an
    /// earlier version shows as "check again".
    pub versions: BTreeMap<String, String>,
    /// Colours.
    pub theme: Theme,
    /// The syntaxes to highlight code with, once `Msg::HighlightReady` delivered them; code is
    /// plain until then.
    pub syntaxes: Option<Syntaxes>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Where things go for this size.
    pub layout: Layout,
    /// The current screen.
    pub screen: Screen,
    /// A popup, if any.
    pub overlay: Option<Overlay>,
    /// The text of a text popup (help, welcome, task, hints) and its scroll.
    pub popup: PopupState,
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
    /// The lesson on screen was opened from the exercise (`l`): Esc goes back to it.
    pub lesson_from_exercise: bool,
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
    pub(crate) unsaved: Unsaved,
}

/// What the screens may read of `$app` (a macro, not a method: it borrows the fields it names,
/// so a screen's own state can be borrowed mutably beside it).
macro_rules! cx {
    ($app:ident) => {
        Ctx {
            course: &$app.course,
            progress: &$app.progress,
            available: &$app.available,
            versions: &$app.versions,
            theme: &$app.theme,
            syntaxes: $app.syntaxes,
            layout: &$app.layout,
        }
    };
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
        let versions = course
            .exercises
            .iter()
            .map(|(slug, ex)| (slug.clone(), crate::learner::exercise_version(ex)))
            .collect();
        let mut app = App {
            course,
            progress,
            available,
            versions,
            theme,
            syntaxes: None,
            size,
            layout: Layout::new(size),
            screen: Screen::Map,
            overlay: None,
            popup: PopupState::default(),
            map,
            lesson: LessonState::default(),
            exercise: ExerciseState::default(),
            report: Default::default(),
            lab: Default::default(),
            started_at: crate::progress::now_secs(),
            editor: None,
            watching: true,
            lesson_from_exercise: false,
            message: None,
            spinner: 0,
            quit: false,
            next_batch: 1,
            cancelled_below: 0,
            unsaved: Unsaved::default(),
        };
        let mut cmds = app.resume();
        if !app.progress.welcome_seen {
            app.open_overlay(Overlay::Welcome);
            cmds.push(app.record(Change::WelcomeSeen));
        }
        cmds.extend(app.settle(false));
        (app, cmds)
    }

    /// What the screens may read: the app's shared state.
    pub fn ctx(&self) -> Ctx<'_> {
        cx!(self)
    }

    /// Goes back to the saved position.
    fn resume(&mut self) -> Vec<Cmd> {
        let pos = self.progress.position.clone();
        let lesson = pos
            .lesson
            .as_deref()
            .and_then(|slug| self.course.lessons.iter().position(|l| l.slug == slug));
        match (pos.screen, lesson, pos.exercise.as_deref()) {
            (Some(SavedScreen::Exercise), _, Some(ex)) if self.course.exercise(ex).is_some() => {
                let ex = ex.to_string();
                let cmds = self.open_exercise(&ex, pos.language);
                if let Some(i) = lesson {
                    self.lesson.open(i);
                    self.lesson.scroll = pos.scroll as usize;
                }
                cmds
            }
            (Some(SavedScreen::Lesson), Some(i), _) => {
                let cmds = self.open_lesson(i);
                self.lesson.scroll = pos.scroll as usize;
                self.refresh_lesson();
                self.lesson.clamp_scroll(self.lesson_view_height());
                cmds
            }
            _ => {
                if let Some(ex) = pos.exercise.as_deref() {
                    self.map.select_exercise(ex);
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
        self.layout.page_rows()
    }

    /// Width the lesson text is rendered at.
    pub fn lesson_width(&self) -> u16 {
        self.layout.page.measure
    }

    /// The saved status of one language of an exercise, or `None` when the toolchain is
    /// missing and it was never tried (the rule is [`crate::learner::shown_status`]).
    pub fn status(&self, exercise: &str, lang: Language) -> Option<Status> {
        crate::learner::shown_status(&self.progress, exercise, lang, self.is_available(lang))
    }

    /// Whether a language's toolchain is installed.
    pub fn is_available(&self, lang: Language) -> bool {
        self.available.get(&lang).copied().unwrap_or(false)
    }

    /// Whether every available language of an exercise passed (its current version).
    pub fn exercise_done(&self, exercise: &str) -> bool {
        let langs: Vec<Language> = Language::ALL
            .into_iter()
            .filter(|&l| self.is_available(l))
            .collect();
        !langs.is_empty()
            && langs
                .iter()
                .all(|&l| self.ctx().passed_current(exercise, l))
    }

    /// Whether a language of an exercise passed an earlier version of it: check again.
    pub fn passed_earlier_version(&self, exercise: &str, lang: Language) -> bool {
        self.ctx().passed_earlier_version(exercise, lang)
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

    /// Where one language of the open exercise stands.
    pub fn lang_state(&self, lang: Language) -> LangState {
        self.exercise.lang_state(lang, &self.ctx())
    }

    /// The open exercise.
    pub fn current_exercise(&self) -> Option<&crate::course::Exercise> {
        self.exercise
            .slug
            .as_deref()
            .and_then(|s| self.course.exercise(s))
    }

    /// The position to save for resuming.
    pub fn position(&self) -> Position {
        let lesson = self
            .course
            .lessons
            .get(self.lesson.index)
            .map(|l| l.slug.clone());
        Position {
            screen: Some(self.screen.into()),
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
                Screen::Map => self.map.selected_exercise().map(str::to_string),
                Screen::Lesson | Screen::Report | Screen::Lab => None,
            },
            language: Some(self.exercise.focus),
        }
    }

    pub(crate) fn save_position(&mut self) -> Cmd {
        self.record(Change::Position(self.position()))
    }

    /// The keys' context: a popup, else the editor, else the screen. Dispatch, the status bar
    /// and the tests all ask this.
    pub fn key_context(&self) -> KeyContext {
        match &self.overlay {
            Some(Overlay::Confirm(_)) => KeyContext::Confirm,
            Some(_) => KeyContext::Popup,
            None => self.screen_key_context(),
        }
    }

    /// The key context of the screen (or editor) under any popup: what the help describes.
    pub fn screen_key_context(&self) -> KeyContext {
        if self.editor.is_some() {
            return KeyContext::Editor;
        }
        match self.screen {
            Screen::Map => KeyContext::Map,
            Screen::Lesson if self.lesson.quiz_focus.is_some() => KeyContext::Quiz,
            Screen::Lesson => KeyContext::Lesson,
            Screen::Exercise if self.exercise.mode == PaneMode::Compare => KeyContext::Compare,
            Screen::Exercise => KeyContext::Exercise,
            Screen::Report => KeyContext::Report,
            Screen::Lab => KeyContext::Lab,
        }
    }

    /// Handles one message.
    pub fn update(&mut self, msg: Msg) -> Vec<Cmd> {
        let resized = matches!(msg, Msg::Resize(..));
        let mut cmds = self.handle(msg);
        cmds.extend(self.settle(resized));
        cmds
    }

    /// Brings what is derived from the state up to date after a change: rendered text for the
    /// current widths, a lesson read at its end, the popup's text, the exercise's layout.
    fn settle(&mut self, resized: bool) -> Vec<Cmd> {
        self.refresh_lesson();
        let read = {
            let cx = cx!(self);
            if self.screen == Screen::Lesson && self.overlay.is_none() {
                self.lesson.reached_end(&cx)
            } else {
                Vec::new()
            }
        };
        let cmds = self.carry_out(read);
        let cx = cx!(self);
        match self.screen {
            Screen::Exercise => self.exercise.refresh_texts(&cx),
            Screen::Report => self.report.refresh(&cx),
            Screen::Map => self.map.refresh_preview(&cx),
            Screen::Lab => self.lab.refresh_intro(&cx),
            Screen::Lesson => {}
        }
        if self.overlay.is_some() {
            self.refresh_popup();
        }
        if self.screen == Screen::Exercise {
            let lines = super::result::lines(&self.exercise, &cx!(self), self.spinner);
            self.exercise.place(lines, self.layout.body);
            if resized {
                // Keep the reader within the re-wrapped result.
                self.exercise.clamp_focused_result();
            }
        }
        if let Some(ed) = self.editor.as_mut() {
            let cx = cx!(self);
            let width = usize::from(self.layout.body.width);
            let lines =
                super::result::editor_lines(&self.exercise, &cx, self.spinner, ed.language, width);
            ed.place(lines, self.layout.body);
        }
        cmds
    }

    /// Renders the lesson again if what it depends on changed, on its screen only: a start on
    /// the map does not render a lesson before its first frame.
    fn refresh_lesson(&mut self) {
        if self.screen == Screen::Lesson {
            let cx = cx!(self);
            self.lesson.refresh(&cx);
        }
    }

    pub(crate) fn quit_cmds(&mut self) -> Vec<Cmd> {
        self.quit = true;
        let mut cmds = vec![Cmd::CancelChecks, Cmd::CancelLab];
        cmds.extend(self.remember_place());
        // Unsaved text in the built-in editor is written, not lost.
        if let Some(ed) = self.editor.as_ref().filter(|e| e.dirty()) {
            cmds.push(Cmd::WriteFile(ed.exercise.clone(), ed.language, ed.text()));
        }
        cmds.push(self.save_position());
        cmds.push(Cmd::Quit);
        cmds
    }

    /// A key: its action from the binding tables of the context that has the keys, handled
    /// by that context.
    pub(crate) fn on_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let ctx = self.key_context();
        let Some(action) = keys::lookup(ctx, &key) else {
            return Vec::new();
        };
        let intents = match (action, ctx) {
            (Action::Quit, _) => vec![Intent::Quit],
            (Action::Help, _) => vec![Intent::Popup(Overlay::Help)],
            (_, KeyContext::Confirm) => self.answer(action),
            (_, KeyContext::Popup) => self.popup.on_action(action),
            (_, KeyContext::Editor) => match self.editor.as_mut() {
                Some(ed) => ed.on_action(action, key),
                None => Vec::new(),
            },
            (_, KeyContext::Map) => self.map.on_action(action),
            (_, KeyContext::Lesson | KeyContext::Quiz) => {
                let cx = cx!(self);
                self.lesson.on_action(action, &cx)
            }
            (_, KeyContext::Exercise | KeyContext::Compare) => {
                let cx = cx!(self);
                self.exercise.on_action(action, &cx)
            }
            (_, KeyContext::Report) => {
                let cx = cx!(self);
                self.report.on_action(action, &cx)
            }
            (_, KeyContext::Lab) => {
                let cx = cx!(self);
                self.lab.on_action(action, &cx)
            }
            (_, KeyContext::Global) => Vec::new(),
        };
        self.carry_out(intents)
    }

    /// The answer to a yes/no question.
    fn answer(&mut self, action: Action) -> Vec<Intent> {
        let Some(Overlay::Confirm(what)) = self.overlay.take() else {
            return Vec::new();
        };
        if action != Action::Yes {
            return Vec::new();
        }
        match what {
            Confirm::RevealSolution(lang) => {
                let cx = cx!(self);
                self.exercise.reveal_solution(lang, &cx)
            }
            Confirm::DiscardEdits => {
                vec![Intent::CloseEditor, Intent::Say("changes discarded".into())]
            }
        }
    }

    /// Carries out what a screen asked for.
    pub fn carry_out(&mut self, intents: Vec<Intent>) -> Vec<Cmd> {
        let mut cmds = Vec::new();
        for intent in intents {
            match intent {
                Intent::OpenLesson(i) => {
                    // n and p keep the way back to the exercise; the map does not.
                    if self.screen != Screen::Lesson {
                        self.lesson_from_exercise = false;
                    }
                    cmds.extend(self.open_lesson(i));
                }
                Intent::ReadLesson => cmds.extend(self.read_lesson()),
                Intent::LeaveLesson => match self.exercise.slug.clone() {
                    Some(slug) if self.lesson_from_exercise => {
                        cmds.extend(self.remember_place());
                        self.lesson_from_exercise = false;
                        // The exercise as it was left: its panes, scrolls and results.
                        self.screen = Screen::Exercise;
                        self.map.select_exercise(&slug);
                        cmds.push(Cmd::Watch(self.watching.then_some(slug)));
                        cmds.push(self.save_position());
                    }
                    _ => cmds.extend(self.to_map()),
                },
                Intent::OpenExercise(slug, lang) => cmds.extend(self.open_exercise(&slug, lang)),
                Intent::Continue => cmds.extend(self.go_continue()),
                Intent::ToMap => cmds.extend(self.to_map()),
                Intent::OpenReport => cmds.extend(self.open_report()),
                Intent::OpenLab => cmds.extend(self.open_lab()),
                Intent::Quit => cmds.extend(self.quit_cmds()),
                Intent::Popup(overlay) => self.open_overlay(overlay),
                Intent::ClosePopup => self.overlay = None,
                Intent::Check(langs) => cmds.extend(self.check(langs)),
                Intent::CancelChecks => {
                    self.exercise.stop_checks();
                    // Results of the cancelled batches are ignored from now on.
                    self.cancelled_below = self.next_batch;
                    self.message = Some("checks cancelled".into());
                    cmds.push(Cmd::CancelChecks);
                }
                Intent::Learn(action) => cmds.extend(self.learn(action)),
                Intent::Say(note) => self.message = Some(note),
                Intent::EditHere(lang, text) => {
                    let slug = self.exercise.slug.clone().unwrap_or_default();
                    self.editor = Some(EditorState::new(slug, lang, &text));
                }
                Intent::CloseEditor => self.editor = None,
                Intent::ToggleWatch => {
                    self.watching = !self.watching;
                    self.message = Some(
                        if self.watching {
                            "watching: saving a file re-checks it"
                        } else {
                            "not watching files"
                        }
                        .into(),
                    );
                    let slug = self.exercise.slug.clone().filter(|_| self.watching);
                    cmds.push(Cmd::Watch(slug));
                }
                Intent::Run(cmd) => cmds.push(cmd),
            }
        }
        cmds
    }

    /// Opens a popup, scrolled to its top (the hints: to the newest).
    pub(crate) fn open_overlay(&mut self, overlay: Overlay) {
        self.popup.open(&overlay);
        self.overlay = Some(overlay);
        self.refresh_popup();
    }

    /// Builds the text of the open popup for the current width (cheap: short texts).
    fn refresh_popup(&mut self) {
        let help = self.screen_key_context();
        let cx = cx!(self);
        let ex = self
            .exercise
            .slug
            .as_deref()
            .and_then(|s| self.course.exercise(s));
        let width = self.layout.popup_width;
        let (lines, newest) = match &self.overlay {
            Some(Overlay::Help) => (super::popup::help_lines(help, &cx, width as usize), 0),
            Some(Overlay::Welcome) => (super::popup::welcome_lines(&cx, width), 0),
            Some(Overlay::Task) => (
                ex.map(|ex| cx.markdown(&ex.task, width))
                    .unwrap_or_default(),
                0,
            ),
            Some(Overlay::Hints) => {
                super::popup::hint_lines(ex, self.exercise.hints_shown, &cx, width)
            }
            Some(Overlay::Confirm(_)) | None => (Vec::new(), 0),
        };
        self.popup.set(lines, newest, &self.layout);
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
        // A new result is read from its top, in the editor too.
        if let Some(ed) = self.editor.as_mut().filter(|e| langs.contains(&e.language)) {
            ed.result_scroll = 0;
        }
        vec![Cmd::Check {
            batch,
            exercise: slug,
            languages: langs,
        }]
    }

    pub(crate) fn file_changed(&mut self, exercise: &str, lang: Language) -> Vec<Cmd> {
        if self.screen != Screen::Exercise
            || self.exercise.slug.as_deref() != Some(exercise)
            || !self.watching
        {
            return Vec::new();
        }
        let mut cmds = vec![Cmd::LoadSources(exercise.to_string())];
        // One judgement of a file at a time: a save during its check is checked after it.
        if !self.exercise.defer_recheck(lang) {
            cmds.extend(self.check(vec![lang]));
        }
        cmds
    }

    /// Applies a change to progress here and asks for it to be saved.
    pub(crate) fn record(&mut self, change: Change) -> Cmd {
        change.apply(&mut self.progress);
        self.save(change)
    }

    /// Asks for a change already applied to `progress` (by [`crate::learner`]) to be saved;
    /// it stays in `unsaved` until the saver reports it saved.
    pub(crate) fn save(&mut self, change: Change) -> Cmd {
        let seq = self.unsaved.next;
        self.unsaved.next += 1;
        self.unsaved.changes.push((seq, change.clone()));
        Cmd::Save { seq, change }
    }
}
