//! Every key binding, as data: the help overlay, the status bar and the tests all read these
//! tables, so what the help says is what the keys do.

/// A screen (or context) that has its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    /// Everywhere.
    Global,
    /// The course map.
    Map,
    /// The lesson reader.
    Lesson,
    /// The exercise view.
    Exercise,
    /// The built-in editor.
    Editor,
    /// The report screen.
    Report,
    /// The lab screen.
    Lab,
}

/// One binding: the keys as shown, and what they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The keys, as the learner types them.
    pub keys: &'static str,
    /// What happens.
    pub action: &'static str,
    /// The status bar's word for it; empty when the key is not in the status bar (only the few
    /// keys that matter most are).
    pub short: &'static str,
}

const fn b(keys: &'static str, action: &'static str, short: &'static str) -> Binding {
    Binding {
        keys,
        action,
        short,
    }
}

const GLOBAL: &[Binding] = &[
    b("?", "show or hide this help", "help"),
    b("q", "quit (Esc first closes a popup)", "quit"),
    b("Ctrl-C", "quit", ""),
];

const MAP: &[Binding] = &[
    b("↑ ↓  j k", "move", ""),
    b("Enter", "open the lesson or exercise", "open"),
    b("c", "continue where you left off", "continue"),
    b("Home End  g G", "first or last entry", ""),
    b("R", "your report: what you did, worth keeping", "report"),
    b("L", "the lab: one service, four languages, measured", "lab"),
];

const LESSON: &[Binding] = &[
    b("↑ ↓  j k  wheel", "scroll", ""),
    b("PgUp PgDn  Space", "scroll a page", ""),
    b("Home End  g G", "top or bottom", ""),
    b("] [", "next or previous heading", "heading"),
    b("Tab Shift-Tab", "next or previous quiz", "quiz"),
    b("1-9  Enter", "answer the focused quiz", ""),
    b("x", "go to this lesson's exercises", "exercises"),
    b("n p", "next or previous lesson", ""),
    b("Esc  Backspace", "back to the course map", "back"),
];

const EXERCISE: &[Binding] = &[
    b("r", "check all languages", "check all"),
    b("Enter", "check the focused language", "check"),
    b("Tab  ← →  1-4", "focus another language", ""),
    b("e", "edit in $VISUAL / $EDITOR", "edit"),
    b("i", "edit here (built-in editor)", "edit here"),
    b("w", "watch files: re-check on save (on/off)", ""),
    b("h", "show the next hint", "hint"),
    b("t", "show the whole task", ""),
    b("s", "show the reference solution (after a try)", ""),
    b(
        "c",
        "compare with the other languages' solutions (after a pass)",
        "",
    ),
    b("↑ ↓  j k  PgUp PgDn", "scroll the code", ""),
    b("J K", "scroll the result", ""),
    b("n p", "next or previous exercise", ""),
    b("l", "read the lesson", ""),
    b("Esc", "cancel running checks, else back", "cancel/back"),
];

const REPORT: &[Binding] = &[
    b("↑ ↓  j k  PgUp PgDn", "scroll", ""),
    b("w", "save the report as Markdown", "save"),
    b("Esc", "back to the course map", "back"),
];

const LAB: &[Binding] = &[
    b("r", "run the lab (about half a minute)", "run"),
    b("Tab", "next chart (narrow screens)", ""),
    b("← →", "older or newer saved run", "runs"),
    b("Esc", "stop a running lab, else back", "stop/back"),
];

const EDITOR: &[Binding] = &[
    b("Ctrl-S", "save (and check)", "save"),
    b("Ctrl-Z  Ctrl-Y", "undo, redo", "undo/redo"),
    b(
        "Esc",
        "leave the editor (twice to discard unsaved changes)",
        "leave",
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
    }
}
