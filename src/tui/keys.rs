//! Every key binding, as data: dispatch looks a key up here to find its [`Action`], and the
//! help overlay and the status bar print the same tables, so what the help says is what the
//! keys do. No screen matches on key codes itself.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::course::Language;
/// A screen (or context) that has its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    /// Everywhere (except where typing: the built-in editor).
    Global,
    /// The course map.
    Map,
    /// The lesson reader.
    Lesson,
    /// The lesson reader with a quiz focused (Tab): the arrows pick an option.
    Quiz,
    /// The exercise view.
    Exercise,
    /// The exercise view comparing the learner's file with the other solutions (`c`).
    Compare,
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
            KeyContext::Quiz => "Quiz (in a lesson)",
            KeyContext::Exercise => "Exercise",
            KeyContext::Compare => "Comparing solutions",
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

/// What a key asks for. Screens interpret the shared ones (moving, scrolling, going back) on
/// their own content; the others mean one thing wherever they are bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Show the keys of this screen.
    Help,
    /// Leave microlings (the place is saved; so is the built-in editor's text).
    Quit,
    /// One row or line up.
    Up,
    /// One row or line down.
    Down,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// To the first entry or the top.
    Top,
    /// To the last entry or the bottom.
    Bottom,
    /// Back: cancel, close, else to the course map.
    Back,
    /// Map: open the selected lesson or exercise.
    Open,
    /// Map: continue where the learner left off.
    Continue,
    /// Map: the report.
    OpenReport,
    /// Map: the lab.
    OpenLab,
    /// Lesson: the next heading.
    NextHeading,
    /// Lesson: the previous heading.
    PrevHeading,
    /// Lesson: focus the next quiz.
    NextQuiz,
    /// Lesson: focus the previous quiz.
    PrevQuiz,
    /// Lesson: answer the focused quiz with this option (0-based).
    Answer(u8),
    /// Lesson: answer the focused quiz with the option picked.
    AnswerHighlighted,
    /// Quiz: pick the next option.
    PickNext,
    /// Quiz: pick the previous option.
    PickPrev,
    /// Lesson: the lesson's first exercise.
    LessonExercises,
    /// Lesson: the next lesson.
    NextLesson,
    /// Lesson: the previous lesson.
    PrevLesson,
    /// Exercise: check every language.
    CheckAll,
    /// Exercise: check the focused language.
    CheckFocused,
    /// Exercise: focus the next language (in compare: show the next solution).
    NextLanguage,
    /// Exercise: focus the previous language (in compare: the previous solution).
    PrevLanguage,
    /// Exercise: focus this language (in compare: show its solution).
    PickLanguage(Language),
    /// Exercise: edit the focused file in the built-in editor.
    EditHere,
    /// Exercise: edit the focused file in $VISUAL / $EDITOR.
    EditOutside,
    /// Exercise: reveal the next hint.
    NextHint,
    /// Exercise: the result at full height, or back to the code.
    ToggleFullResult,
    /// Exercise: the whole task in a popup.
    ShowTask,
    /// Exercise: scroll the result down.
    ResultDown,
    /// Exercise: scroll the result up.
    ResultUp,
    /// Editor: the result a page down.
    ResultPageDown,
    /// Editor: the result a page up.
    ResultPageUp,
    /// Exercise: the reference solution, or back to the learner's file.
    ToggleSolution,
    /// Exercise: compare with the other languages' solutions, or stop comparing.
    ToggleCompare,
    /// Exercise: watch files on or off.
    ToggleWatch,
    /// Exercise: the next exercise.
    NextExercise,
    /// Exercise: the previous exercise.
    PrevExercise,
    /// Exercise: read the exercise's lesson.
    ReadLesson,
    /// Report: save it as Markdown.
    SaveReport,
    /// Lab: run it.
    RunLab,
    /// Lab: measure C# as a Native AOT binary too, or not.
    ToggleAot,
    /// Lab: the next chart.
    NextChart,
    /// Lab: the previous chart.
    PrevChart,
    /// Lab: an older saved run.
    OlderRun,
    /// Lab: a newer saved run.
    NewerRun,
    /// Editor: save and check.
    SaveAndCheck,
    /// Editor: undo.
    Undo,
    /// Editor: redo.
    Redo,
    /// Editor: the key types (or moves the cursor) in the text.
    Type,
    /// Popup: close it.
    Close,
    /// Question: yes.
    Yes,
    /// Question: no.
    No,
}

/// One key as the terminal reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character without Ctrl (Shift is part of the character).
    Char(char),
    /// A named key without Ctrl or Shift.
    Code(KeyCode),
    /// Shift and a named key.
    Shift(KeyCode),
    /// Ctrl and a letter.
    Ctrl(char),
    /// Alt and a named key (where typing keys have no Alt meaning: the built-in editor).
    Alt(KeyCode),
}

impl Key {
    /// The event a terminal sends for this key.
    pub fn event(self) -> KeyEvent {
        match self {
            Key::Char(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            Key::Code(code) => KeyEvent::new(code, KeyModifiers::NONE),
            Key::Shift(code) => KeyEvent::new(code, KeyModifiers::SHIFT),
            Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
            Key::Alt(code) => KeyEvent::new(code, KeyModifiers::ALT),
        }
    }

    /// Whether `event` is this key. Alt is ignored (except by an Alt binding), as is Shift on a character (terminals
    /// report `G` with or without it) and on a named key that has no Shift binding of its own
    /// (see [`lookup`]).
    fn matches(self, event: &KeyEvent, ignore_shift: bool) -> bool {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        let shift = event.modifiers.contains(KeyModifiers::SHIFT);
        match self {
            Key::Char(c) => event.code == KeyCode::Char(c) && !ctrl,
            // Terminals send Shift-Tab as BackTab with Shift held.
            Key::Code(KeyCode::BackTab) => event.code == KeyCode::BackTab && !ctrl,
            Key::Code(code) => event.code == code && !ctrl && (ignore_shift || !shift),
            Key::Shift(code) => event.code == code && !ctrl && shift,
            Key::Ctrl(c) => event.code == KeyCode::Char(c) && ctrl,
            Key::Alt(code) => {
                event.code == code && event.modifiers.contains(KeyModifiers::ALT) && !ctrl
            }
        }
    }
}

/// One binding: the keys as shown, each key with the action it triggers, and what they do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The keys, as the learner reads them.
    pub keys: &'static str,
    /// The same keys as events (the mouse wheel has none), each with its action: dispatch
    /// reads this, and tests press each one.
    pub codes: &'static [(Key, Action)],
    /// What happens, as the help says it.
    pub does: &'static str,
    /// The status bar's word for it; empty when the key is not in the status bar (only the few
    /// keys that matter most are).
    pub short: &'static str,
}

const fn b(
    keys: &'static str,
    codes: &'static [(Key, Action)],
    does: &'static str,
    short: &'static str,
) -> Binding {
    Binding {
        keys,
        codes,
        does,
        short,
    }
}

/// ↑ ↓ j k: a line at a time.
const LINE_KEYS: &[(Key, Action)] = &[
    (Key::Code(KeyCode::Up), Action::Up),
    (Key::Code(KeyCode::Down), Action::Down),
    (Key::Char('j'), Action::Down),
    (Key::Char('k'), Action::Up),
];

/// ↑ ↓ j k and PgUp PgDn.
const LINE_AND_PAGE_KEYS: &[(Key, Action)] = &[
    (Key::Code(KeyCode::Up), Action::Up),
    (Key::Code(KeyCode::Down), Action::Down),
    (Key::Char('j'), Action::Down),
    (Key::Char('k'), Action::Up),
    (Key::Code(KeyCode::PageUp), Action::PageUp),
    (Key::Code(KeyCode::PageDown), Action::PageDown),
];

/// ↑ ↓ j k, PgUp PgDn and Space (a page down): where no key types or toggles anything.
const SCROLL_KEYS: &[(Key, Action)] = &[
    (Key::Code(KeyCode::Up), Action::Up),
    (Key::Code(KeyCode::Down), Action::Down),
    (Key::Char('j'), Action::Down),
    (Key::Char('k'), Action::Up),
    (Key::Code(KeyCode::PageUp), Action::PageUp),
    (Key::Code(KeyCode::PageDown), Action::PageDown),
    (Key::Char(' '), Action::PageDown),
];

/// Tab ← → to the next or previous language, 1-4 to one of them.
const LANGUAGE_KEYS: &[(Key, Action)] = &[
    (Key::Code(KeyCode::Tab), Action::NextLanguage),
    (Key::Code(KeyCode::BackTab), Action::PrevLanguage),
    (Key::Code(KeyCode::Left), Action::PrevLanguage),
    (Key::Code(KeyCode::Right), Action::NextLanguage),
    (Key::Char('1'), Action::PickLanguage(Language::Python)),
    (Key::Char('2'), Action::PickLanguage(Language::Go)),
    (Key::Char('3'), Action::PickLanguage(Language::Java)),
    (Key::Char('4'), Action::PickLanguage(Language::CSharp)),
];

mod exercise;
mod screens;

use exercise::{COMPARE, EDITOR, EXERCISE};
use screens::{CONFIRM, GLOBAL, LAB, LESSON, MAP, POPUP, QUIZ, REPORT};

/// The bindings of a context, in the order the help shows them.
pub fn bindings(ctx: KeyContext) -> &'static [Binding] {
    match ctx {
        KeyContext::Global => GLOBAL,
        KeyContext::Map => MAP,
        KeyContext::Lesson => LESSON,
        KeyContext::Quiz => QUIZ,
        KeyContext::Exercise => EXERCISE,
        KeyContext::Compare => COMPARE,
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

/// What a key does in a context: the action of the binding that lists it (an exact match
/// first, then ignoring Shift), else the context's answer to any other key: a popup closes, a
/// question hears "no", the editor types it; elsewhere nothing.
pub fn lookup(ctx: KeyContext, event: &KeyEvent) -> Option<Action> {
    let find = |ignore_shift: bool| {
        working(ctx)
            .flat_map(|b| b.codes.iter())
            .find(|(key, _)| key.matches(event, ignore_shift))
            .map(|&(_, action)| action)
    };
    find(false).or_else(|| find(true)).or(match ctx {
        KeyContext::Popup => Some(Action::Close),
        KeyContext::Confirm => Some(Action::No),
        KeyContext::Editor => Some(Action::Type),
        _ => None,
    })
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
            KeyContext::Quiz,
            KeyContext::Exercise,
            KeyContext::Compare,
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
            for (k, _) in b.codes {
                assert!(!matches!(k, Key::Char(_)), "{} types into the file", b.keys);
            }
        }
    }

    const ALL: [KeyContext; 10] = [
        KeyContext::Map,
        KeyContext::Lesson,
        KeyContext::Quiz,
        KeyContext::Exercise,
        KeyContext::Compare,
        KeyContext::Editor,
        KeyContext::Report,
        KeyContext::Lab,
        KeyContext::Popup,
        KeyContext::Confirm,
    ];

    #[test]
    fn every_key_shown_dispatches_to_its_own_bindings_action() {
        // A key listed twice in one context would do only what its first listing says: the
        // help would lie about the second.
        for ctx in ALL {
            for b in working(ctx) {
                for &(key, action) in b.codes {
                    assert_eq!(
                        lookup(ctx, &key.event()),
                        Some(action),
                        "{ctx:?}: {key:?} of {:?}",
                        b.keys
                    );
                }
            }
        }
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        for ctx in ALL {
            assert_eq!(
                lookup(ctx, &Key::Ctrl('c').event()),
                Some(Action::Quit),
                "{ctx:?}"
            );
        }
    }

    #[test]
    fn keys_match_as_terminals_send_them() {
        let shifted = |code| KeyEvent::new(code, KeyModifiers::SHIFT);
        // Capitals arrive with Shift held, or not, depending on the terminal.
        assert_eq!(
            lookup(KeyContext::Map, &shifted(KeyCode::Char('G'))),
            Some(Action::Bottom)
        );
        assert_eq!(
            lookup(KeyContext::Exercise, &shifted(KeyCode::BackTab)),
            Some(Action::PrevLanguage)
        );
        assert_eq!(
            lookup(KeyContext::Lesson, &shifted(KeyCode::Tab)),
            Some(Action::PrevQuiz)
        );
        // Shift on a named key without a Shift binding is the key itself.
        assert_eq!(
            lookup(KeyContext::Lesson, &shifted(KeyCode::Down)),
            Some(Action::Down)
        );
        // Ctrl and a letter is not the letter.
        assert_eq!(lookup(KeyContext::Map, &Key::Ctrl('j').event()), None);
    }

    #[test]
    fn other_keys_do_nothing_on_a_screen_and_close_a_popup() {
        let z = Key::Char('z').event();
        for ctx in [
            KeyContext::Map,
            KeyContext::Lesson,
            KeyContext::Exercise,
            KeyContext::Report,
            KeyContext::Lab,
        ] {
            assert_eq!(lookup(ctx, &z), None, "{ctx:?}");
        }
        assert_eq!(lookup(KeyContext::Popup, &z), Some(Action::Close));
        assert_eq!(lookup(KeyContext::Confirm, &z), Some(Action::No));
        assert_eq!(lookup(KeyContext::Editor, &z), Some(Action::Type));
        // The popup's own keys come before its "any other key".
        assert_eq!(
            lookup(KeyContext::Popup, &Key::Char('q').event()),
            Some(Action::Quit)
        );
    }
}
