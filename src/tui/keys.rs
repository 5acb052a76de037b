//! Every key binding, as data: the help overlay, the status bar and the tests all read these
//! tables, so what the help says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A screen (or context) that has its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    /// Everywhere (except where typing: the built-in editor).
    Global,
    /// The course map.
    Map,
    /// The lesson reader.
    Lesson,
    /// The exercise view.
    Exercise,
    /// The built-in editor: every printable key types.
    Editor,
    /// The report screen.
    Report,
    /// The lab screen.
    Lab,
    /// A popup with text (help, task, hints, welcome).
    Popup,
    /// A yes/no question.
    Confirm,
}

impl KeyContext {
    /// The name the help gives this context.
    pub fn title(self) -> &'static str {
        match self {
            KeyContext::Global => "Everywhere",
            KeyContext::Map => "Course map",
            KeyContext::Lesson => "Lesson",
            KeyContext::Exercise => "Exercise",
            KeyContext::Editor => "Built-in editor",
            KeyContext::Report => "Report",
            KeyContext::Lab => "Lab",
            KeyContext::Popup => "Popup",
            KeyContext::Confirm => "Question",
        }
    }

    /// Whether the global keys (`?`, `q`) work here: not where they are typed or answer.
    pub fn has_globals(self) -> bool {
        !matches!(
            self,
            KeyContext::Editor | KeyContext::Confirm | KeyContext::Global
        )
    }
}

/// One key as the terminal reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character without modifiers (Shift is part of the character).
    Char(char),
    /// A named key without modifiers.
    Code(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
}

impl Key {
    /// The event a terminal sends for this key.
    pub fn event(self) -> KeyEvent {
        match self {
            Key::Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
            Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        }
    }
}

/// One binding: the keys as shown, the keys as sent, and what they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The keys, as the learner reads them.
    pub keys: &'static str,
    /// The same keys as events (the mouse wheel has none): tests press each one.
    pub codes: &'static [Key],
    /// What happens.
    pub action: &'static str,
    /// The status bar's word for it; empty when the key is not in the status bar (only the few
    /// keys that matter most are).
    pub short: &'static str,
}

const fn b(
    keys: &'static str,
    codes: &'static [Key],
    action: &'static str,
    short: &'static str,
) -> Binding {
    Binding {
        keys,
        codes,
        action,
        short,
    }
}

use Key::{Char as C, Code as K, Ctrl};

const GLOBAL: &[Binding] = &[
    b("?", &[C('?')], "show the keys of this screen", "help"),
    b(
        "q",
        &[C('q')],
        "quit (you come back to the same place)",
        "quit",
    ),
    b(
        "Ctrl-C",
        &[Ctrl('c')],
        "quit, also from the editor (unsaved text is saved)",
        "",
    ),
];

const MAP: &[Binding] = &[
    b(
        "↑ ↓  j k",
        &[K(KeyCode::Up), K(KeyCode::Down), C('j'), C('k')],
        "move",
        "",
    ),
    b(
        "PgUp PgDn",
        &[K(KeyCode::PageUp), K(KeyCode::PageDown)],
        "move a page",
        "",
    ),
    b(
        "Enter  →  l",
        &[K(KeyCode::Enter), K(KeyCode::Right), C('l')],
        "open the lesson or exercise",
        "open",
    ),
    b("c", &[C('c')], "continue where you left off", "continue"),
    b(
        "Home End  g G",
        &[K(KeyCode::Home), K(KeyCode::End), C('g'), C('G')],
        "first or last entry",
        "",
    ),
    b(
        "R",
        &[C('R')],
        "your report: what you did, worth keeping",
        "report",
    ),
    b(
        "L",
        &[C('L')],
        "the lab: one service, four languages, measured",
        "lab",
    ),
];

const LESSON: &[Binding] = &[
    b(
        "↑ ↓  j k  wheel",
        &[K(KeyCode::Up), K(KeyCode::Down), C('j'), C('k')],
        "scroll",
        "",
    ),
    b(
        "PgUp PgDn  Space",
        &[K(KeyCode::PageUp), K(KeyCode::PageDown), C(' ')],
        "scroll a page",
        "",
    ),
    b(
        "Home End  g G",
        &[K(KeyCode::Home), K(KeyCode::End), C('g'), C('G')],
        "top or bottom",
        "",
    ),
    b(
        "] [",
        &[C(']'), C('[')],
        "next or previous heading",
        "heading",
    ),
    b(
        "Tab Shift-Tab",
        &[K(KeyCode::Tab), K(KeyCode::BackTab)],
        "next or previous quiz",
        "quiz",
    ),
    b(
        "1-9  Enter",
        &[C('1'), C('2'), K(KeyCode::Enter)],
        "answer the focused quiz (again, if you like)",
        "",
    ),
    b("x", &[C('x')], "go to this lesson's exercises", "exercises"),
    b("n p", &[C('n'), C('p')], "next or previous lesson", ""),
    b(
        "Esc  Backspace  ←",
        &[K(KeyCode::Esc), K(KeyCode::Backspace), K(KeyCode::Left)],
        "back to the course map",
        "back",
    ),
];

const EXERCISE: &[Binding] = &[
    b("r", &[C('r')], "check all languages", "check all"),
    b(
        "Enter",
        &[K(KeyCode::Enter)],
        "check the focused language",
        "check",
    ),
    b(
        "Tab  ← →  1-4",
        &[
            K(KeyCode::Tab),
            K(KeyCode::BackTab),
            K(KeyCode::Left),
            K(KeyCode::Right),
            C('1'),
            C('4'),
        ],
        "focus another language (in compare: the solution shown)",
        "",
    ),
    b("i", &[C('i')], "edit here (built-in editor)", "edit here"),
    b("e", &[C('e')], "edit in $VISUAL / $EDITOR", "edit"),
    b("h", &[C('h')], "show the next hint", "hint"),
    b(
        "f",
        &[C('f')],
        "the result at full height (again: the code)",
        "result",
    ),
    b("t", &[C('t')], "show the whole task", "task"),
    b("J K", &[C('J'), C('K')], "scroll the result", ""),
    b(
        "↑ ↓  j k  PgUp PgDn",
        &[
            K(KeyCode::Up),
            K(KeyCode::Down),
            C('j'),
            C('k'),
            K(KeyCode::PageUp),
            K(KeyCode::PageDown),
        ],
        "scroll the code (with f: the result)",
        "",
    ),
    b(
        "s",
        &[C('s')],
        "show the reference solution (after a try)",
        "",
    ),
    b(
        "c",
        &[C('c')],
        "compare with the other languages' solutions (after a pass)",
        "",
    ),
    b("w", &[C('w')], "watch files: re-check on save (on/off)", ""),
    b("n p", &[C('n'), C('p')], "next or previous exercise", ""),
    b("l", &[C('l')], "read the lesson", ""),
    b(
        "Esc  Backspace",
        &[K(KeyCode::Esc), K(KeyCode::Backspace)],
        "cancel checks, close a view, else back to the map",
        "back",
    ),
];

const REPORT: &[Binding] = &[
    b(
        "↑ ↓  j k  PgUp PgDn",
        &[
            K(KeyCode::Up),
            K(KeyCode::Down),
            C('j'),
            C('k'),
            K(KeyCode::PageUp),
            K(KeyCode::PageDown),
        ],
        "scroll",
        "",
    ),
    b("w", &[C('w')], "save the report as Markdown", "save"),
    b(
        "Esc  Backspace",
        &[K(KeyCode::Esc), K(KeyCode::Backspace)],
        "back to the course map",
        "back",
    ),
];

const LAB: &[Binding] = &[
    b("r", &[C('r')], "run the lab (about half a minute)", "run"),
    b(
        "Tab Shift-Tab",
        &[K(KeyCode::Tab), K(KeyCode::BackTab)],
        "next chart (narrow screens)",
        "",
    ),
    b(
        "← →",
        &[K(KeyCode::Left), K(KeyCode::Right)],
        "older or newer saved run",
        "runs",
    ),
    b(
        "Esc  Backspace",
        &[K(KeyCode::Esc), K(KeyCode::Backspace)],
        "stop a running lab, else back",
        "stop/back",
    ),
];

const EDITOR: &[Binding] = &[
    b(
        "Ctrl-S",
        &[Ctrl('s')],
        "save and check: the verdict shows below",
        "save+check",
    ),
    b(
        "Ctrl-Z Ctrl-Y",
        &[Ctrl('z'), Ctrl('y')],
        "undo, redo",
        "undo/redo",
    ),
    b(
        "Esc",
        &[K(KeyCode::Esc)],
        "leave the editor (asks first when there are unsaved changes)",
        "leave",
    ),
    b(
        "Ctrl-C",
        &[Ctrl('c')],
        "quit microlings (unsaved text is saved)",
        "quit",
    ),
];

const POPUP: &[Binding] = &[
    b(
        "↑ ↓  j k  PgUp PgDn",
        &[
            K(KeyCode::Up),
            K(KeyCode::Down),
            C('j'),
            C('k'),
            K(KeyCode::PageUp),
            K(KeyCode::PageDown),
        ],
        "scroll",
        "",
    ),
    b(
        "Esc",
        &[K(KeyCode::Esc)],
        "close (so does any other key)",
        "close",
    ),
    b("q", &[C('q')], "quit", "quit"),
];

const CONFIRM: &[Binding] = &[
    b("y", &[C('y')], "yes", "yes"),
    b(
        "Esc",
        &[K(KeyCode::Esc)],
        "no (so does any other key)",
        "no",
    ),
];

/// The bindings of a context, in the order the help shows them.
pub fn bindings(ctx: KeyContext) -> &'static [Binding] {
    match ctx {
        KeyContext::Global => GLOBAL,
        KeyContext::Map => MAP,
        KeyContext::Lesson => LESSON,
        KeyContext::Exercise => EXERCISE,
        KeyContext::Editor => EDITOR,
        KeyContext::Report => REPORT,
        KeyContext::Lab => LAB,
        KeyContext::Popup => POPUP,
        KeyContext::Confirm => CONFIRM,
    }
}

/// The bindings that work in a context, its own first, then the global ones where they work.
pub fn working(ctx: KeyContext) -> impl Iterator<Item = &'static Binding> {
    let globals: &'static [Binding] = if ctx.has_globals() && ctx != KeyContext::Popup {
        GLOBAL
    } else {
        &[]
    };
    bindings(ctx).iter().chain(globals.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_binding_lists_the_keys_it_shows() {
        for ctx in [
            KeyContext::Global,
            KeyContext::Map,
            KeyContext::Lesson,
            KeyContext::Exercise,
            KeyContext::Editor,
            KeyContext::Report,
            KeyContext::Lab,
            KeyContext::Popup,
            KeyContext::Confirm,
        ] {
            for b in bindings(ctx) {
                assert!(!b.codes.is_empty(), "{ctx:?} {}: no key events", b.keys);
            }
        }
    }

    #[test]
    fn the_editor_footer_offers_no_key_that_types() {
        for b in working(KeyContext::Editor) {
            for k in b.codes {
                assert!(!matches!(k, Key::Char(_)), "{} types into the file", b.keys);
            }
        }
    }
}
