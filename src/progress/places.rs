//! Where the learner left each lesson and exercise, so that reopening one (from the map, with
//! `n`/`p`, or after a restart) shows the same place. Saved with progress since version 4.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::course::Language;

/// The places of every lesson and exercise the learner scrolled in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Places {
    /// lesson slug -> the byte offset, in the lesson's Markdown, of the block at the top of the
    /// screen (independent of the terminal's width, which wraps the text differently).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lessons: BTreeMap<String, LessonPlace>,
    /// exercise slug -> language -> where its code and its result were scrolled to.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub exercises: BTreeMap<String, BTreeMap<Language, PanePlace>>,
}

impl Places {
    /// Whether nothing is recorded (the field is then left out of the file).
    pub fn is_empty(&self) -> bool {
        self.lessons.is_empty() && self.exercises.is_empty()
    }

    /// Where a lesson was left (its top when never scrolled).
    pub fn lesson(&self, slug: &str) -> LessonPlace {
        self.lessons.get(slug).copied().unwrap_or_default()
    }

    /// Where a language of an exercise was left.
    pub fn pane(&self, exercise: &str, lang: Language) -> PanePlace {
        self.exercises
            .get(exercise)
            .and_then(|m| m.get(&lang))
            .copied()
            .unwrap_or_default()
    }

    /// Records a place; a place at the very top is forgotten (it is the default).
    pub(super) fn set(&mut self, place: &Place) {
        match place {
            Place::Lesson(slug, at) => {
                if *at == LessonPlace::default() {
                    self.lessons.remove(slug);
                } else {
                    self.lessons.insert(slug.clone(), *at);
                }
            }
            Place::Pane(slug, lang, at) => {
                let langs = self.exercises.entry(slug.clone()).or_default();
                if *at == PanePlace::default() {
                    langs.remove(lang);
                } else {
                    langs.insert(*lang, *at);
                }
                if langs.is_empty() {
                    self.exercises.remove(slug);
                }
            }
        }
    }
}

/// A place in a lesson: the Markdown block at the top of the screen, and how far into it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonPlace {
    /// Byte offset of the block in the lesson's Markdown.
    pub offset: u32,
    /// Rows of that block above the top of the screen, out of `rows` (as wrapped then).
    #[serde(default)]
    pub row: u32,
    /// Rows the block had (a fraction survives another width).
    #[serde(default)]
    pub rows: u32,
}

/// Where one language's pane of an exercise was scrolled to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PanePlace {
    /// First visible line of the learner's file.
    #[serde(default)]
    pub code: u32,
    /// First visible line of the result.
    #[serde(default)]
    pub result: u32,
}

/// One place to record (the payload of `Change::Place`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A lesson's place.
    Lesson(String, LessonPlace),
    /// A language of an exercise.
    Pane(String, Language, PanePlace),
}
