//! The built-in editor: ratatui-textarea with undo and save; the view adds fixed line numbers
//! and the verdict of the last save.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use ratatui_textarea::TextArea;

use super::app::{App, Confirm, Overlay};
use super::msg::Cmd;
use crate::course::Language;
use crate::theme::Theme;

/// An open in-place editor on one language's file.
#[derive(Debug)]
pub struct EditorState {
    /// Whose file.
    pub language: Language,
    /// The text being edited.
    pub area: TextArea<'static>,
    /// The text as last saved, to know whether there are unsaved changes.
    saved: Vec<String>,
}

impl EditorState {
    /// Opens `text` for editing.
    pub fn new(language: Language, text: &str, theme: &Theme) -> Self {
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut area = TextArea::new(lines.clone());
        // No line numbers from the textarea: they would scroll away sideways with the text.
        // The view draws them in a gutter of its own.
        let _ = theme;
        area.set_cursor_line_style(
            ratatui::style::Style::default().add_modifier(Modifier::UNDERLINED),
        );
        area.set_tab_length(4);
        // Go is indented with tabs by gofmt; the others with spaces.
        area.set_hard_tab_indent(language == Language::Go);
        area.set_max_histories(200);
        EditorState {
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
}

impl App {
    pub(crate) fn editor_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if let Some(overlay @ Overlay::Confirm(Confirm::DiscardEdits)) = self.overlay.clone() {
            return self.overlay_key(overlay, key);
        }
        let Some(ed) = self.editor.as_mut() else {
            return Vec::new();
        };
        match (ctrl, key.code) {
            (true, KeyCode::Char('s')) => {
                ed.mark_saved();
                let slug = self.exercise.slug.clone().unwrap_or_default();
                vec![Cmd::WriteFile(slug, ed.language, ed.text())]
            }
            (true, KeyCode::Char('z')) => {
                ed.area.undo();
                Vec::new()
            }
            (true, KeyCode::Char('y')) => {
                ed.area.redo();
                Vec::new()
            }
            (_, KeyCode::Esc) => {
                if ed.dirty() {
                    self.overlay = Some(Overlay::Confirm(Confirm::DiscardEdits));
                } else {
                    self.editor = None;
                }
                Vec::new()
            }
            _ => {
                ed.area.input(key);
                Vec::new()
            }
        }
    }
}
