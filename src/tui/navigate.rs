//! Going from screen to screen: opening lessons and exercises where the learner left them,
//! continuing, the map, the report and the lab. Each returns the commands it needs (the
//! position and places to save, the files to watch).

use super::app::{App, Screen};
use super::msg::Cmd;
use crate::course::Language;
use crate::progress::{Change, PanePlace, Place};

impl App {
    /// Opens a lesson by index, where the learner left it.
    pub fn open_lesson(&mut self, index: usize) -> Vec<Cmd> {
        let Some(slug) = self.course.lessons.get(index).map(|l| l.slug.clone()) else {
            return Vec::new();
        };
        let mut cmds = self.remember_place();
        if self.lesson.index != index || self.screen != Screen::Lesson {
            self.lesson.open(index);
            self.lesson.go_to(self.progress.places.lesson(&slug));
        }
        self.screen = Screen::Lesson;
        self.map.select_lesson(index);
        // Opening is not reading: the lesson counts as read once its end has been on screen
        // (see `LessonState::reached_end`).
        cmds.extend([Cmd::Watch(None), self.save_position()]);
        cmds
    }

    /// Saves where the learner is in the lesson or exercise on screen, when it moved since it
    /// was saved: reopening it (from the map, with `n`/`p`, after a restart) comes back here.
    pub(crate) fn remember_place(&mut self) -> Vec<Cmd> {
        let mut places = Vec::new();
        match self.screen {
            Screen::Lesson => {
                if let Some(lesson) = self.course.lessons.get(self.lesson.index) {
                    let at = self.lesson.place();
                    if at != self.progress.places.lesson(&lesson.slug) {
                        places.push(Place::Lesson(lesson.slug.clone(), at));
                    }
                }
            }
            Screen::Exercise => {
                if let Some(slug) = self.exercise.slug.clone() {
                    for (&lang, pane) in &self.exercise.panes {
                        let at = PanePlace {
                            code: u32::try_from(pane.scroll).unwrap_or(u32::MAX),
                            result: u32::try_from(pane.result_scroll).unwrap_or(u32::MAX),
                        };
                        if at != self.progress.places.pane(&slug, lang) {
                            places.push(Place::Pane(slug.clone(), lang, at));
                        }
                    }
                }
            }
            Screen::Map | Screen::Report | Screen::Lab => {}
        }
        places
            .into_iter()
            .map(|p| self.record(Change::Place(p)))
            .collect()
    }

    /// Opens an exercise, focusing `lang` (or the first unfinished available language).
    pub fn open_exercise(&mut self, slug: &str, lang: Option<Language>) -> Vec<Cmd> {
        let course = self.course.clone();
        let Some(ex) = course.exercise(slug) else {
            return Vec::new();
        };
        let focus = lang.unwrap_or_else(|| {
            Language::ALL
                .into_iter()
                .find(|&l| self.is_available(l) && !self.ctx().passed_current(slug, l))
                .unwrap_or(Language::Python)
        });
        let hints = self.progress.hints_used(slug);
        let mut cmds = self.remember_place();
        self.exercise.open(ex, focus, hints as usize);
        // Each language's code and result where the learner left them.
        for (&lang, pane) in self.exercise.panes.iter_mut() {
            let at = self.progress.places.pane(slug, lang);
            pane.scroll = at.code as usize;
            pane.result_scroll = at.result as usize;
        }
        self.lesson_from_exercise = false;
        if let Some(i) = self
            .course
            .lessons
            .iter()
            .position(|l| l.exercises.iter().any(|e| e == slug))
            && self.lesson.index != i
        {
            self.lesson.open(i);
        }
        self.map.select_exercise(slug);
        self.screen = Screen::Exercise;
        cmds.push(Cmd::LoadSources(slug.to_string()));
        cmds.push(Cmd::Recall(slug.to_string()));
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
        let mut cmds = self.remember_place();
        self.screen = Screen::Map;
        self.lesson_from_exercise = false;
        cmds.extend([Cmd::Watch(None), self.save_position()]);
        cmds
    }

    /// Shows the report.
    pub fn open_report(&mut self) -> Vec<Cmd> {
        let mut cmds = self.remember_place();
        let markdown = crate::report::markdown(&self.course, &self.progress, self.started_at);
        self.report.open(markdown);
        self.screen = Screen::Report;
        cmds.push(Cmd::Watch(None));
        cmds
    }

    /// Shows the lab.
    pub fn open_lab(&mut self) -> Vec<Cmd> {
        let mut cmds = self.remember_place();
        self.screen = Screen::Lab;
        self.lab.open();
        cmds.push(Cmd::Watch(None));
        cmds
    }

    /// The saved lab run on screen.
    pub fn lab_run(&self) -> Option<&crate::run::lab::LabRun> {
        self.lab.run(&self.progress)
    }

    /// Opens the lesson the reader last had: Esc comes back to the exercise it was opened
    /// from.
    pub(crate) fn read_lesson(&mut self) -> Vec<Cmd> {
        let cmds = self.open_lesson(self.lesson.index);
        self.lesson_from_exercise = self.exercise.slug.is_some();
        cmds
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
