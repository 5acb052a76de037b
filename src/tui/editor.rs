//! The built-in editor: ratatui-textarea with undo and save; the view adds fixed line numbers
//! and, below the file, the result of the last save (verdict, diff, input), scrolled with keys
//! that do not type.
//!
//! Undo goes back a word, a run of spaces, a line break or a run of deletions at a time, as in
//! the editors learners know, not a character at a time: each edit the textarea records is
//! counted into the group it belongs to, and undo takes back a whole group.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui_textarea::TextArea;

use super::app::{Confirm, Overlay};
use super::intent::Intent;
use super::keys::Action;
use super::msg::Cmd;
use crate::course::Language;

/// Edits the textarea remembers for undo.
const MAX_EDITS: usize = 1000;

/// An open in-place editor on one language's file.
#[derive(Debug)]
pub struct EditorState {
    /// The exercise the file belongs to.
    pub exercise: String,
    /// Whose file.
    pub language: Language,
    /// The text being edited.
    pub area: TextArea<'static>,
    /// The text as last saved, to know whether there are unsaved changes.
    saved: Vec<String>,
    /// Undo groups, oldest first: how many of the textarea's edits each one is.
    undo_groups: Vec<usize>,
    /// Groups undone, most recently undone last.
    redo_groups: Vec<usize>,
    /// The kind of the last edit and where it left the cursor: the next edit of a kind that
    /// continues it, at that place, joins its group.
    last_edit: Option<(EditKind, (usize, usize))>,
    /// First visible line of the result below the file.
    pub result_scroll: usize,
    /// Where the file and the result go, and the result's lines: computed in update.
    pub layout: Option<EditorLayout>,
}

/// The built-in editor's areas, computed in update (the result's scroll keys and the view read
/// the same rectangles).
#[derive(Debug, Clone, Default)]
pub struct EditorLayout {
    /// The file, with its border.
    pub edit: Rect,
    /// The result of the last check (its first row is its title); empty before a check.
    pub result: Rect,
    /// The result's lines, wrapped for its width.
    pub result_lines: Vec<Line<'static>>,
}

impl EditorLayout {
    /// How far the result can scroll.
    pub fn max_scroll(&self) -> usize {
        let rows = self.result.height.saturating_sub(1) as usize;
        self.result_lines.len().saturating_sub(rows)
    }
}

/// What an edit did, for grouping undo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditKind {
    /// Typed a character that is part of a word.
    Word,
    /// Typed a space or a tab.
    Space,
    /// Deleted (Backspace, Delete).
    Delete,
    /// Anything else: a line break, a paste, a cut.
    Other,
}

impl EditKind {
    /// Whether an edit of kind `next` right after one of this kind is part of the same step.
    fn continued_by(self, next: EditKind) -> bool {
        matches!(
            (self, next),
            (EditKind::Word, EditKind::Word | EditKind::Space)
                | (EditKind::Space, EditKind::Space)
                | (EditKind::Delete, EditKind::Delete)
        )
    }

    fn of(key: &KeyEvent) -> EditKind {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return EditKind::Other;
        }
        match key.code {
            KeyCode::Char(c) if c.is_whitespace() => EditKind::Space,
            KeyCode::Char(_) => EditKind::Word,
            KeyCode::Tab => EditKind::Space,
            KeyCode::Backspace | KeyCode::Delete => EditKind::Delete,
            _ => EditKind::Other,
        }
    }
}

impl EditorState {
    /// Opens `text`, the file of `language` of `exercise`, for editing.
    pub fn new(exercise: String, language: Language, text: &str) -> Self {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut area = TextArea::new(lines.clone());
        // No line numbers from the textarea: they would scroll away sideways with the text.
        // The view draws them in a gutter of its own.
        area.set_cursor_line_style(
            ratatui::style::Style::default().add_modifier(Modifier::UNDERLINED),
        );
        area.set_tab_length(4);
        // Go is indented with tabs by gofmt; the others with spaces.
        area.set_hard_tab_indent(language == Language::Go);
        area.set_max_histories(MAX_EDITS);
        EditorState {
            exercise,
            language,
            area,
            saved: lines,
            undo_groups: Vec::new(),
            redo_groups: Vec::new(),
            last_edit: None,
            result_scroll: 0,
            layout: None,
        }
    }

    /// Lays the editor out in `body` around a result of `result_lines` (none before the
    /// first check): the file keeps most of the room, the result gets up to two fifths.
    pub fn place(&mut self, result_lines: Vec<Line<'static>>, body: Rect) {
        let result_height = if result_lines.is_empty() {
            0
        } else {
            (result_lines.len() as u16 + 1)
                .min(body.height * 2 / 5)
                .max(2)
        };
        let [edit, result] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(result_height)]).areas(body);
        let layout = EditorLayout {
            edit,
            result,
            result_lines,
        };
        self.result_scroll = self.result_scroll.min(layout.max_scroll());
        self.layout = Some(layout);
    }

    /// Scrolls the result by `delta` lines, never past its end.
    fn scroll_result(&mut self, delta: isize) {
        let max = self.layout.as_ref().map_or(0, EditorLayout::max_scroll);
        self.result_scroll = (self.result_scroll as isize + delta).clamp(0, max as isize) as usize;
    }

    /// Rows a page of the result scrolls.
    fn result_page(&self) -> isize {
        self.layout
            .as_ref()
            .map_or(1, |l| l.result.height.saturating_sub(2).max(1) as isize)
    }

    /// Undoes the last group of edits.
    fn undo(&mut self) {
        self.last_edit = None;
        if let Some(n) = self.undo_groups.pop() {
            let done = (0..n).take_while(|_| self.area.undo()).count();
            if done > 0 {
                self.redo_groups.push(done);
            }
        }
    }

    /// Redoes the last group undone.
    fn redo(&mut self) {
        self.last_edit = None;
        if let Some(n) = self.redo_groups.pop() {
            let done = (0..n).take_while(|_| self.area.redo()).count();
            if done > 0 {
                self.undo_groups.push(done);
            }
        }
    }

    /// Counts one edit the textarea made into its undo group.
    fn edited(&mut self, kind: EditKind, cursor_before: (usize, usize)) {
        self.redo_groups.clear();
        let joins = self
            .last_edit
            .is_some_and(|(last, at)| at == cursor_before && last.continued_by(kind));
        match self.undo_groups.last_mut() {
            Some(n) if joins => *n += 1,
            _ => self.undo_groups.push(1),
        }
        // The textarea forgets edits past MAX_EDITS; so do the groups.
        while self.undo_groups.iter().sum::<usize>() > MAX_EDITS {
            self.undo_groups.remove(0);
        }
        let c = self.area.cursor();
        self.last_edit = (kind != EditKind::Other).then_some((kind, (c.0, c.1)));
    }

    /// Types a key into the text (or moves the cursor).
    fn type_key(&mut self, key: KeyEvent) {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        // The textarea's own undo keys (Ctrl-U, Ctrl-R) undo by group too.
        match key.code {
            KeyCode::Char('u') if ctrl => return self.undo(),
            KeyCode::Char('r') if ctrl => return self.redo(),
            _ => {}
        }
        let before = self.area.cursor();
        if self.area.input(key) {
            self.edited(EditKind::of(&key), (before.0, before.1));
        } else {
            // A move ends the word being typed.
            self.last_edit = None;
        }
    }

    /// Whether the text differs from what was last saved.
    pub fn dirty(&self) -> bool {
        self.area.lines() != self.saved.as_slice()
    }

    /// The text as a file (with a final newline).
    pub fn text(&self) -> String {
        let mut t = self.area.lines().join("\n");
        t.push('\n');
        t
    }

    /// Inserts pasted text.
    pub fn paste(&mut self, text: &str) {
        let before = self.area.cursor();
        if self.area.insert_str(text.replace("\r\n", "\n")) {
            self.edited(EditKind::Other, (before.0, before.1));
        }
    }

    fn mark_saved(&mut self) {
        self.saved = self.area.lines().to_vec();
    }

    /// What a key's action does in the editor; `key` is the key itself, typed when it is
    /// not one of the editor's bindings.
    pub(crate) fn on_action(&mut self, action: Action, key: KeyEvent) -> Vec<Intent> {
        match action {
            Action::SaveAndCheck => {
                self.mark_saved();
                return vec![Intent::Run(Cmd::WriteFile(
                    self.exercise.clone(),
                    self.language,
                    self.text(),
                ))];
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::ResultDown => self.scroll_result(1),
            Action::ResultUp => self.scroll_result(-1),
            Action::ResultPageDown => self.scroll_result(self.result_page()),
            Action::ResultPageUp => self.scroll_result(-self.result_page()),
            Action::Back if self.dirty() => {
                return vec![Intent::Popup(Overlay::Confirm(Confirm::DiscardEdits))];
            }
            Action::Back => return vec![Intent::CloseEditor],
            Action::Type => self.type_key(key),
            _ => {}
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(ed: &mut EditorState, text: &str) {
        for c in text.chars() {
            let code = if c == '\n' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            };
            ed.on_action(Action::Type, KeyEvent::new(code, KeyModifiers::NONE));
        }
    }

    fn key(ed: &mut EditorState, action: Action) {
        ed.on_action(action, KeyEvent::new(KeyCode::Null, KeyModifiers::NONE));
    }

    #[test]
    fn undo_takes_back_a_word_at_a_time_and_redo_brings_it_back() {
        let mut ed = EditorState::new("ex".into(), Language::Python, "");
        typed(&mut ed, "print(total)  \nreturn");
        key(&mut ed, Action::Undo);
        assert_eq!(ed.text(), "print(total)  \n\n");
        key(&mut ed, Action::Undo);
        assert_eq!(ed.text(), "print(total)  \n", "the line break is a step");
        key(&mut ed, Action::Undo);
        assert_eq!(
            ed.text(),
            "\n",
            "a word and the spaces after it go together"
        );
        key(&mut ed, Action::Redo);
        key(&mut ed, Action::Redo);
        assert_eq!(ed.text(), "print(total)  \n\n");
        // A move ends the word: what is typed after it is a step of its own.
        ed.on_action(
            Action::Type,
            KeyEvent::new(KeyCode::Left, KeyModifiers::NONE),
        );
        typed(&mut ed, "ab");
        key(&mut ed, Action::Undo);
        assert_eq!(ed.text(), "print(total)  \n\n");
        // Deleting runs are a step too.
        typed(&mut ed, "xyz");
        let before = ed.text();
        for _ in 0..3 {
            ed.on_action(
                Action::Type,
                KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            );
        }
        key(&mut ed, Action::Undo);
        assert_eq!(ed.text(), before);
    }
}
