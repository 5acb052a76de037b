//! What each message does to the app: keys (dispatched through the binding tables), the
//! mouse, a resize, what the runtime's threads report (checks, files, the saver, the lab,
//! the syntaxes, the toolchains).

use crossterm::event::MouseEventKind;

use super::app::{App, Screen};
use super::layout::Layout;
use super::msg::{Cmd, Msg};

impl App {
    /// What one message does to the app (before `settle` brings the derived state up to
    /// date).
    pub(crate) fn handle(&mut self, msg: Msg) -> Vec<Cmd> {
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
                        self.lesson.scroll_by(delta, self.layout.page_rows())
                    }
                    Screen::Exercise if self.overlay.is_none() => self.exercise.scroll_code(delta),
                    Screen::Map if self.overlay.is_none() => self.map.move_by(delta.signum()),
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
                self.layout = Layout::new(self.size);
                // Keep the reader at the same text: remember it before the lines re-wrap.
                self.lesson.anchor_to_text();
                self.lesson.invalidate();
                self.lesson.clamp_scroll(self.lesson_view_height());
                Vec::new()
            }
            Msg::Toolchains(available) => {
                self.available = available;
                // The exercise opened before the toolchains were known: its last checks can be
                // looked up now.
                match (&self.screen, &self.exercise.slug) {
                    (Screen::Exercise, Some(slug)) => vec![Cmd::Recall(slug.clone())],
                    _ => Vec::new(),
                }
            }
            Msg::Recalled { exercise, outcomes } => {
                let outcomes = outcomes
                    .iter()
                    .map(crate::learner::outcome::visible_outcome)
                    .collect();
                self.exercise.recalled(&exercise, outcomes);
                Vec::new()
            }
            Msg::Tick => {
                self.spinner = self.spinner.wrapping_add(1);
                Vec::new()
            }
            Msg::SourcesLoaded { exercise, sources } => {
                self.exercise
                    .sources_loaded(&exercise, sources, &self.theme, self.syntaxes);
                Vec::new()
            }
            Msg::CheckDone {
                batch,
                outcome,
                finished_at,
            } => {
                if batch < self.cancelled_below {
                    return Vec::new();
                }
                // Recorded even if the learner moved on: the check did run.
                let Some(ex) = self.course.exercise(&outcome.exercise) else {
                    return Vec::new();
                };
                let change =
                    crate::learner::record_check_at(&mut self.progress, ex, &outcome, finished_at);
                let mut cmds: Vec<Cmd> = change.map(|c| self.save(c)).into_iter().collect();
                if self.exercise.slug.as_deref() == Some(outcome.exercise.as_str()) {
                    let lang = outcome.language;
                    // What the program printed is shown, never sent to the terminal.
                    let again = self
                        .exercise
                        .check_done(crate::learner::outcome::visible_outcome(&outcome));
                    // Watch mode saw the file saved while it ran: one more check, now.
                    if again && self.watching {
                        cmds.extend(self.check(vec![lang]));
                    }
                }
                cmds
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
            Msg::ProgressSaved { seq, progress } => {
                self.unsaved.changes.retain(|(s, _)| *s > seq);
                self.progress = *progress;
                // The snapshot is older than the changes still queued: keep them.
                for (_, change) in &self.unsaved.changes {
                    change.apply(&mut self.progress);
                }
                Vec::new()
            }
            Msg::ProgressError { seq, error } => {
                self.unsaved.changes.retain(|(s, _)| *s > seq);
                self.message = Some(format!("could not save progress: {error}"));
                Vec::new()
            }
            Msg::FileWritten {
                exercise: _,
                language,
                error,
            } => match error {
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
            Msg::LabDone(run) => {
                let intents = self.lab.done(*run);
                self.carry_out(intents)
            }
            Msg::HighlightReady(syntaxes) => {
                self.syntaxes = Some(syntaxes);
                let slug = self.exercise.slug.clone();
                let ex = slug.and_then(|s| self.course.exercise(&s));
                self.exercise.highlight_ready(ex, &self.theme, syntaxes);
                // Rendered text with code in it is rendered again, coloured.
                self.report.invalidate();
                self.exercise.task = None;
                self.exercise.texts = None;
                self.map.preview = None;
                self.lab.intro = None;
                Vec::new()
            }
            Msg::Terminate => self.quit_cmds(),
        }
    }
}
