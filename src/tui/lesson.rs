//! The lesson reader: state and key handling. The lesson is rendered to styled lines here, in
//! update, and cached per width and quiz state, so drawing a frame only copies lines.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::App;
use super::msg::Cmd;
use crate::markdown::{QuizView, Rendered, render};
use crate::progress::Change;

/// What the cached rendering was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RenderKey {
    index: usize,
    width: u16,
    focus: Option<usize>,
    selected: Vec<usize>,
    answered: Vec<Option<usize>>,
    first: Vec<Option<bool>>,
    mono: bool,
}

/// The reader's state.
#[derive(Debug, Default)]
pub struct LessonState {
    /// Which lesson (index into the course).
    pub index: usize,
    /// First visible rendered line.
    pub scroll: usize,
    /// The focused quiz, if any.
    pub quiz_focus: Option<usize>,
    /// The highlighted option of each quiz.
    pub quiz_selected: Vec<usize>,
    /// The lesson rendered for the current width and quiz state.
    pub rendered: Option<Rendered>,
    key: Option<RenderKey>,
    /// The text at the top of the screen before a resize, to find again after re-wrapping.
    anchor: Option<Anchor>,
}

/// A place in the lesson's text, independent of how it is wrapped: the Markdown block that
/// starts at `offset`, and how far into that block's lines (as a fraction `row / rows`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    offset: usize,
    row: usize,
    rows: usize,
}

impl LessonState {
    /// Shows lesson `index` from the top.
    pub fn open(&mut self, index: usize) {
        *self = LessonState {
            index,
            ..LessonState::default()
        };
    }

    /// Forces a new rendering (after a resize).
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    /// Remembers which text is at the top of the screen, so that the next rendering (at
    /// another width) scrolls back to it rather than to the same line number.
    pub fn anchor_to_text(&mut self) {
        let Some(r) = &self.rendered else {
            return;
        };
        if self.anchor.is_some() || self.scroll == 0 {
            return;
        }
        let Some(&offset) = r.offsets.get(self.scroll) else {
            return;
        };
        let first = r.offsets.iter().position(|&o| o == offset).unwrap_or(0);
        let rows = r.offsets.iter().filter(|&&o| o == offset).count();
        self.anchor = Some(Anchor {
            offset,
            row: self.scroll - first,
            rows,
        });
    }

    /// The line of the rendered text that shows `anchor`.
    fn find(&self, anchor: Anchor) -> Option<usize> {
        let offsets = &self.rendered.as_ref()?.offsets;
        let first = offsets.iter().position(|&o| o >= anchor.offset)?;
        let rows = offsets[first..]
            .iter()
            .take_while(|&&o| o == offsets[first])
            .count();
        Some(first + anchor.row * rows / anchor.rows.max(1))
    }

    /// Whether the last line has been on screen.
    pub fn at_end(&self, view_height: usize) -> bool {
        self.rendered.is_some() && self.scroll + view_height >= self.line_count()
    }

    /// Number of rendered lines.
    pub fn line_count(&self) -> usize {
        self.rendered.as_ref().map_or(0, |r| r.lines.len())
    }

    /// Keeps the scroll within the text.
    pub fn clamp_scroll(&mut self, view_height: usize) {
        if self.rendered.is_some() {
            self.scroll = self
                .scroll
                .min(self.line_count().saturating_sub(view_height.max(1)));
        }
    }

    /// Scrolls by `delta` lines.
    pub fn scroll_by(&mut self, delta: isize, view_height: usize) {
        self.scroll = (self.scroll as isize + delta).max(0) as usize;
        self.clamp_scroll(view_height);
    }

    /// The heading line to jump to: the first after (or last before) the current scroll.
    fn heading_target(&self, forward: bool) -> Option<usize> {
        let headings = &self.rendered.as_ref()?.headings;
        if forward {
            headings.iter().map(|h| h.0).find(|&l| l > self.scroll)
        } else {
            headings
                .iter()
                .map(|h| h.0)
                .rev()
                .find(|&l| l < self.scroll)
        }
    }
}

impl App {
    /// Renders the lesson again if what it depends on changed.
    pub(crate) fn refresh_lesson(&mut self) {
        if self.screen != super::app::Screen::Lesson && self.lesson.rendered.is_some() {
            return;
        }
        let Some(lesson) = self.course.lessons.get(self.lesson.index) else {
            return;
        };
        let n = lesson.quizzes.len();
        self.lesson.quiz_selected.resize(n, 0);
        let answered: Vec<Option<usize>> = (0..n)
            .map(|i| self.progress.quiz_answer(&lesson.slug, i).map(|a| a.chosen))
            .collect();
        let first: Vec<Option<bool>> = (0..n)
            .map(|i| {
                self.progress
                    .quiz_answer(&lesson.slug, i)
                    .map(|a| a.right_first_time())
            })
            .collect();
        let key = RenderKey {
            index: self.lesson.index,
            width: self.lesson_width(),
            focus: self.lesson.quiz_focus,
            selected: self.lesson.quiz_selected.clone(),
            answered: answered.clone(),
            first: first.clone(),
            mono: !self.theme.highlights(),
        };
        if self.lesson.key.as_ref() == Some(&key) {
            return;
        }
        let views: Vec<QuizView<'_>> = lesson
            .quizzes
            .iter()
            .enumerate()
            .map(|(i, quiz)| QuizView {
                quiz,
                selected: self.lesson.quiz_selected[i],
                answered: answered[i],
                focused: self.lesson.quiz_focus == Some(i),
                first_try: first[i],
            })
            .collect();
        self.lesson.rendered = Some(render(&lesson.body, key.width, &self.theme, &views));
        self.lesson.key = Some(key);
        if let Some(anchor) = self.lesson.anchor.take()
            && let Some(line) = self.lesson.find(anchor)
        {
            self.lesson.scroll = line;
        }
        let h = self.lesson_view_height();
        self.lesson.clamp_scroll(h);
    }

    /// Marks the open lesson read once the learner has reached its end, or answered its last
    /// quiz: opening a lesson is not reading it.
    pub(crate) fn mark_lesson_read(&mut self) -> Vec<Cmd> {
        if self.screen != super::app::Screen::Lesson || self.overlay.is_some() {
            return Vec::new();
        }
        let Some(lesson) = self.course.lessons.get(self.lesson.index) else {
            return Vec::new();
        };
        if self.progress.lessons_read.contains(&lesson.slug) {
            return Vec::new();
        }
        let last_quiz_answered = lesson
            .quizzes
            .len()
            .checked_sub(1)
            .is_some_and(|last| self.progress.quiz_answer(&lesson.slug, last).is_some());
        if !(self.lesson.at_end(self.lesson_view_height()) || last_quiz_answered) {
            return Vec::new();
        }
        let change = Change::LessonRead(lesson.slug.clone());
        change.apply(&mut self.progress);
        self.message = Some("lesson read: n goes to the next one, x to its exercises".into());
        vec![Cmd::Save(change)]
    }

    pub(crate) fn lesson_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let page = self.lesson_view_height().saturating_sub(2).max(1) as isize;
        let h = self.lesson_view_height();
        let shift = key.modifiers.contains(KeyModifiers::SHIFT);
        match key.code {
            KeyCode::Esc | KeyCode::Backspace | KeyCode::Left => return self.to_map(),
            KeyCode::Down | KeyCode::Char('j') => self.lesson.scroll_by(1, h),
            KeyCode::Up | KeyCode::Char('k') => self.lesson.scroll_by(-1, h),
            KeyCode::PageDown | KeyCode::Char(' ') => self.lesson.scroll_by(page, h),
            KeyCode::PageUp => self.lesson.scroll_by(-page, h),
            KeyCode::Home | KeyCode::Char('g') => self.lesson.scroll = 0,
            KeyCode::End | KeyCode::Char('G') => self.lesson.scroll_by(isize::MAX / 2, h),
            KeyCode::Char(']') => {
                if let Some(l) = self.lesson.heading_target(true) {
                    self.lesson.scroll = l;
                    self.lesson.clamp_scroll(h);
                }
            }
            KeyCode::Char('[') => {
                if let Some(l) = self.lesson.heading_target(false) {
                    self.lesson.scroll = l;
                }
            }
            KeyCode::Tab if !shift => self.focus_quiz(true),
            KeyCode::BackTab | KeyCode::Tab => self.focus_quiz(false),
            KeyCode::Char(c @ '1'..='9') => {
                let option = c as usize - '1' as usize;
                return self.answer_quiz(Some(option));
            }
            KeyCode::Enter => return self.answer_quiz(None),
            KeyCode::Char('x') => {
                let first = self
                    .course
                    .lessons
                    .get(self.lesson.index)
                    .and_then(|l| l.exercises.first().cloned());
                return match first {
                    Some(slug) => self.open_exercise(&slug, None),
                    None => {
                        self.message = Some("this lesson has no exercises".into());
                        Vec::new()
                    }
                };
            }
            KeyCode::Char('n') if self.lesson.index + 1 < self.course.lessons.len() => {
                return self.open_lesson(self.lesson.index + 1);
            }
            KeyCode::Char('p') if self.lesson.index > 0 => {
                return self.open_lesson(self.lesson.index - 1);
            }
            _ => {}
        }
        Vec::new()
    }

    /// Moves the quiz focus to the next (or previous) quiz and scrolls it into view.
    fn focus_quiz(&mut self, forward: bool) {
        let Some(rendered) = self.lesson.rendered.as_ref() else {
            return;
        };
        let n = rendered.quizzes.len();
        if n == 0 {
            self.message = Some("this lesson has no quizzes".into());
            return;
        }
        let next = match (self.lesson.quiz_focus, forward) {
            (None, true) => rendered
                .quizzes
                .iter()
                .position(|&l| l >= self.lesson.scroll)
                .unwrap_or(0),
            (None, false) => rendered
                .quizzes
                .iter()
                .rposition(|&l| l < self.lesson.scroll + self.lesson_view_height())
                .unwrap_or(n - 1),
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.lesson.quiz_focus = Some(next);
        // A little context above the question.
        self.lesson.scroll = rendered.quizzes[next].saturating_sub(2);
        let h = self.lesson_view_height();
        self.lesson.clamp_scroll(h);
    }

    /// Answers the focused quiz with `option`, or with its highlighted option.
    fn answer_quiz(&mut self, option: Option<usize>) -> Vec<Cmd> {
        let Some(i) = self.lesson.quiz_focus else {
            self.message = Some("press Tab to go to a quiz, then 1-9 to answer".into());
            return Vec::new();
        };
        let Some(lesson) = self.course.lessons.get(self.lesson.index) else {
            return Vec::new();
        };
        let Some(quiz) = lesson.quizzes.get(i) else {
            return Vec::new();
        };
        let chosen =
            option.unwrap_or_else(|| self.lesson.quiz_selected.get(i).copied().unwrap_or(0));
        if chosen >= quiz.options.len() {
            self.message = Some(format!("this quiz has {} options", quiz.options.len()));
            return Vec::new();
        }
        if let Some(sel) = self.lesson.quiz_selected.get_mut(i) {
            *sel = chosen;
        }
        let change = Change::Quiz(lesson.slug.clone(), i, chosen, chosen == quiz.answer);
        change.apply(&mut self.progress);
        vec![Cmd::Save(change)]
    }
}
