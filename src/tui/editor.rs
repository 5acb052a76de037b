//! The built-in editor: ratatui-textarea with undo and save; the view adds fixed line numbers
//! and the verdict of the last save.

use crossterm::event::KeyEvent;
use ratatui::style::Modifier;
use ratatui_textarea::TextArea;

use super::app::{Confirm, Overlay};
use super::intent::Intent;
use super::keys::Action;
use super::msg::Cmd;
use crate::course::Language;

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
        area.set_max_histories(200);
        EditorState {
            exercise,
            language,
            area,
            saved: lines,
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
        self.area.insert_str(text.replace("\r\n", "\n"));
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
            Action::Undo => {
                self.area.undo();
            }
            Action::Redo => {
                self.area.redo();
            }
            Action::Back if self.dirty() => {
                return vec![Intent::Popup(Overlay::Confirm(Confirm::DiscardEdits))];
            }
            Action::Back => return vec![Intent::CloseEditor],
            Action::Type => {
                self.area.input(key);
            }
            _ => {}
        }
        Vec::new()
    }
}
