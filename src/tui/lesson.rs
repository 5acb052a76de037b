//! The lesson reader: state and what its keys do. The lesson is rendered to styled lines here,
//! in update, and cached per width and quiz state, so drawing a frame only copies lines.

use super::intent::{Ctx, Intent};
use super::keys::Action;
use super::learn::Learn;
use crate::markdown::{QuizView, Rendered, render_in};

/// What the cached rendering was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RenderKey {
    index: usize,
    width: u16,
    focus: Option<usize>,
    selected: Vec<Option<usize>>,
    answered: Vec<Option<usize>>,
    first: Vec<Option<bool>>,
    mono: bool,
    highlighted: bool,
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
    /// The option picked with ↑ ↓ in each quiz (none at first: Enter answers only a pick).
    pub quiz_selected: Vec<Option<usize>>,
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

    /// Where the reader is, independent of the width (saved as the lesson's place).
    pub fn place(&self) -> crate::progress::LessonPlace {
        let anchor = self.anchor.or_else(|| {
            let r = self.rendered.as_ref()?;
            let &offset = r.offsets.get(self.scroll)?;
            let first = r.offsets.iter().position(|&o| o == offset)?;
            let rows = r.offsets.iter().filter(|&&o| o == offset).count();
            Some(Anchor {
                offset,
                row: self.scroll - first,
                rows,
            })
        });
        match anchor {
            Some(a) if self.scroll > 0 || self.anchor.is_some() => crate::progress::LessonPlace {
                offset: u32::try_from(a.offset).unwrap_or(u32::MAX),
                row: u32::try_from(a.row).unwrap_or(u32::MAX),
                rows: u32::try_from(a.rows).unwrap_or(u32::MAX),
            },
            _ => crate::progress::LessonPlace::default(),
        }
    }

    /// Scrolls to a saved place once the lesson is rendered (at whatever width).
    pub fn go_to(&mut self, place: crate::progress::LessonPlace) {
        if place == crate::progress::LessonPlace::default() {
            return;
        }
        self.anchor = Some(Anchor {
            offset: place.offset as usize,
            row: place.row as usize,
            rows: place.rows.max(1) as usize,
        });
        self.invalidate();
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

impl LessonState {
    /// Renders the lesson again if what it depends on changed.
    pub(crate) fn refresh(&mut self, cx: &Ctx) {
        let Some(lesson) = cx.course.lessons.get(self.index) else {
            return;
        };
        let n = lesson.quizzes.len();
        self.quiz_selected.resize(n, None);
        let answered: Vec<Option<usize>> = (0..n)
            .map(|i| cx.progress.quiz_answer(&lesson.slug, i).map(|a| a.chosen))
            .collect();
        let first: Vec<Option<bool>> = (0..n)
            .map(|i| {
                cx.progress
                    .quiz_answer(&lesson.slug, i)
                    .map(|a| a.right_first_time())
            })
            .collect();
        let key = RenderKey {
            index: self.index,
            width: cx.layout.page.measure,
            focus: self.quiz_focus,
            selected: self.quiz_selected.clone(),
            answered: answered.clone(),
            first: first.clone(),
            mono: !cx.theme.highlights(),
            highlighted: cx.syntaxes.is_some(),
        };
        if self.key.as_ref() == Some(&key) {
            return;
        }
        let views: Vec<QuizView<'_>> = lesson
            .quizzes
            .iter()
            .enumerate()
            .map(|(i, quiz)| QuizView {
                quiz,
                selected: self.quiz_selected[i],
                answered: answered[i],
                focused: self.quiz_focus == Some(i),
                first_try: first[i],
            })
            .collect();
        self.rendered = Some(render_in(
            &lesson.body,
            key.width,
            cx.theme,
            &views,
            cx.syntaxes,
        ));
        self.key = Some(key);
        if let Some(anchor) = self.anchor.take()
            && let Some(line) = self.find(anchor)
        {
            self.scroll = line;
        }
        self.clamp_scroll(cx.layout.page_rows());
    }

    /// Asks for the lesson to be marked read, saying whether its end is on screen;
    /// [`crate::learner::lesson_read`] decides (opening a lesson is not reading it).
    pub(crate) fn reached_end(&self, cx: &Ctx) -> Vec<Intent> {
        vec![Intent::Learn(Learn::LessonRead {
            end_seen: self.at_end(cx.layout.page_rows()),
        })]
    }

    /// What a key's action does in the reader.
    pub(crate) fn on_action(&mut self, action: Action, cx: &Ctx) -> Vec<Intent> {
        let h = cx.layout.page_rows();
        let page = h.saturating_sub(2).max(1) as isize;
        match action {
            // In a quiz, Esc leaves the quiz: the arrows scroll again.
            Action::Back if self.quiz_focus.is_some() => self.quiz_focus = None,
            Action::Back => return vec![Intent::LeaveLesson],
            Action::PickNext => self.pick(1, cx),
            Action::PickPrev => self.pick(-1, cx),
            Action::Down => self.scroll_by(1, h),
            Action::Up => self.scroll_by(-1, h),
            Action::PageDown => self.scroll_by(page, h),
            Action::PageUp => self.scroll_by(-page, h),
            Action::Top => self.scroll = 0,
            Action::Bottom => self.scroll_by(isize::MAX / 2, h),
            Action::NextHeading => {
                if let Some(l) = self.heading_target(true) {
                    self.scroll = l;
                    self.clamp_scroll(h);
                }
            }
            Action::PrevHeading => {
                if let Some(l) = self.heading_target(false) {
                    self.scroll = l;
                }
            }
            Action::NextQuiz => return self.focus_quiz(true, h),
            Action::PrevQuiz => return self.focus_quiz(false, h),
            Action::Answer(option) => return self.answer_quiz(Some(usize::from(option))),
            Action::AnswerHighlighted => return self.answer_quiz(None),
            Action::LessonExercises => {
                let first = cx
                    .course
                    .lessons
                    .get(self.index)
                    .and_then(|l| l.exercises.first().cloned());
                return match first {
                    Some(slug) => vec![Intent::OpenExercise(slug, None)],
                    None => vec![Intent::Say("this lesson has no exercises".into())],
                };
            }
            Action::NextLesson if self.index + 1 < cx.course.lessons.len() => {
                return vec![Intent::OpenLesson(self.index + 1)];
            }
            Action::PrevLesson if self.index > 0 => {
                return vec![Intent::OpenLesson(self.index - 1)];
            }
            _ => {}
        }
        Vec::new()
    }

    /// Moves the quiz focus to the next (or previous) quiz and scrolls it into view.
    fn focus_quiz(&mut self, forward: bool, view_height: usize) -> Vec<Intent> {
        let Some(rendered) = self.rendered.as_ref() else {
            return Vec::new();
        };
        let n = rendered.quizzes.len();
        if n == 0 {
            return vec![Intent::Say("this lesson has no quizzes".into())];
        }
        let next = match (self.quiz_focus, forward) {
            (None, true) => rendered
                .quizzes
                .iter()
                .position(|&l| l >= self.scroll)
                .unwrap_or(0),
            (None, false) => rendered
                .quizzes
                .iter()
                .rposition(|&l| l < self.scroll + view_height)
                .unwrap_or(n - 1),
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.quiz_focus = Some(next);
        // A little context above the question.
        self.scroll = rendered.quizzes[next].saturating_sub(2);
        self.clamp_scroll(view_height);
        Vec::new()
    }

    /// Moves the pick of the focused quiz by `delta` options (the first move picks the first
    /// or the last option).
    fn pick(&mut self, delta: isize, cx: &Ctx) {
        let Some(i) = self.quiz_focus else {
            return;
        };
        let n = cx
            .course
            .lessons
            .get(self.index)
            .and_then(|l| l.quizzes.get(i))
            .map_or(0, |q| q.options.len());
        if n == 0 {
            return;
        }
        if let Some(picked) = self.quiz_selected.get_mut(i) {
            *picked = Some(match *picked {
                None if delta > 0 => 0,
                None => n - 1,
                Some(p) => (p as isize + delta).clamp(0, n as isize - 1) as usize,
            });
        }
    }

    /// Answers the focused quiz with `option`, or with the option picked with ↑ ↓ (Enter with
    /// nothing picked answers nothing: the first answer is the score).
    fn answer_quiz(&mut self, option: Option<usize>) -> Vec<Intent> {
        let Some(i) = self.quiz_focus else {
            return vec![Intent::Say(
                "press Tab to go to a quiz, then 1-9 to answer".into(),
            )];
        };
        let Some(chosen) = option.or_else(|| self.quiz_selected.get(i).copied().flatten()) else {
            return vec![Intent::Say(
                "pick an option first: ↑ ↓ then Enter, or press its number".into(),
            )];
        };
        vec![Intent::Learn(Learn::Quiz {
            quiz: i,
            option: chosen,
        })]
    }
}
