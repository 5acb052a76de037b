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

use Action as A;
use Key::{Char as C, Code as K, Ctrl, Shift};

const GLOBAL: &[Binding] = &[
    b(
        "?  F1",
        &[(C('?'), A::Help), (K(KeyCode::F(1)), A::Help)],
        "show the keys of this screen",
        "help",
    ),
    b(
        "q",
        &[(C('q'), A::Quit)],
        "quit (you come back to the same place)",
        "quit",
    ),
    b(
        "Ctrl-C",
        &[(Ctrl('c'), A::Quit)],
        "quit, also from the editor (unsaved text is saved)",
        "",
    ),
];

const MAP: &[Binding] = &[
    b(
        "↑ ↓  j k",
        &[
            (K(KeyCode::Up), A::Up),
            (K(KeyCode::Down), A::Down),
            (C('j'), A::Down),
            (C('k'), A::Up),
        ],
        "move",
        "",
    ),
    b(
        "PgUp PgDn",
        &[
            (K(KeyCode::PageUp), A::PageUp),
            (K(KeyCode::PageDown), A::PageDown),
        ],
        "move a page",
        "",
    ),
    b(
        "Enter  →  l",
        &[
            (K(KeyCode::Enter), A::Open),
            (K(KeyCode::Right), A::Open),
            (C('l'), A::Open),
        ],
        "open the lesson or exercise",
        "open",
    ),
    b(
        "c",
        &[(C('c'), A::Continue)],
        "continue where you left off",
        "continue",
    ),
    b(
        "Home End  g G",
        &[
            (K(KeyCode::Home), A::Top),
            (K(KeyCode::End), A::Bottom),
            (C('g'), A::Top),
            (C('G'), A::Bottom),
        ],
        "first or last entry",
        "",
    ),
    b(
        "R",
        &[(C('R'), A::OpenReport)],
        "your report: what you did, worth keeping",
        "report",
    ),
    b(
        "L",
        &[(C('L'), A::OpenLab)],
        "the lab: one service, four languages, measured",
        "lab",
    ),
];

const LESSON: &[Binding] = &[
    b(
        "↑ ↓  j k  wheel",
        &[
            (K(KeyCode::Up), A::Up),
            (K(KeyCode::Down), A::Down),
            (C('j'), A::Down),
            (C('k'), A::Up),
        ],
        "scroll",
        "",
    ),
    b(
        "PgUp PgDn  Space",
        &[
            (K(KeyCode::PageUp), A::PageUp),
            (K(KeyCode::PageDown), A::PageDown),
            (C(' '), A::PageDown),
        ],
        "scroll a page",
        "",
    ),
    b(
        "Home End  g G",
        &[
            (K(KeyCode::Home), A::Top),
            (K(KeyCode::End), A::Bottom),
            (C('g'), A::Top),
            (C('G'), A::Bottom),
        ],
        "top or bottom",
        "",
    ),
    b(
        "] [",
        &[(C(']'), A::NextHeading), (C('['), A::PrevHeading)],
        "next or previous heading",
        "heading",
    ),
    b(
        "Tab Shift-Tab",
        &[
            (K(KeyCode::Tab), A::NextQuiz),
            (K(KeyCode::BackTab), A::PrevQuiz),
            (Shift(KeyCode::Tab), A::PrevQuiz),
        ],
        "next or previous quiz",
        "quiz",
    ),
    b(
        "x",
        &[(C('x'), A::LessonExercises)],
        "go to this lesson's exercises",
        "exercises",
    ),
    b(
        "n p",
        &[(C('n'), A::NextLesson), (C('p'), A::PrevLesson)],
        "next or previous lesson",
        "",
    ),
    b(
        "Esc  Backspace  ←",
        &[
            (K(KeyCode::Esc), A::Back),
            (K(KeyCode::Backspace), A::Back),
            (K(KeyCode::Left), A::Back),
        ],
        "back: to the exercise you came from (l), else to the course map",
        "back",
    ),
];

const QUIZ: &[Binding] = &[
    b(
        "↑ ↓",
        &[
            (K(KeyCode::Up), A::PickPrev),
            (K(KeyCode::Down), A::PickNext),
        ],
        "pick an option (nothing is picked at first)",
        "pick",
    ),
    b(
        "Enter",
        &[(K(KeyCode::Enter), A::AnswerHighlighted)],
        "answer with the option picked",
        "answer",
    ),
    b(
        "1-9",
        &[
            (C('1'), A::Answer(0)),
            (C('2'), A::Answer(1)),
            (C('3'), A::Answer(2)),
            (C('4'), A::Answer(3)),
            (C('5'), A::Answer(4)),
            (C('6'), A::Answer(5)),
            (C('7'), A::Answer(6)),
            (C('8'), A::Answer(7)),
            (C('9'), A::Answer(8)),
        ],
        "answer with that option (again, if you like: the first answer is the score)",
        "",
    ),
    b(
        "Tab Shift-Tab",
        &[
            (K(KeyCode::Tab), A::NextQuiz),
            (K(KeyCode::BackTab), A::PrevQuiz),
            (Shift(KeyCode::Tab), A::PrevQuiz),
        ],
        "next or previous quiz",
        "quiz",
    ),
    b(
        "j k  wheel",
        &[(C('j'), A::Down), (C('k'), A::Up)],
        "scroll",
        "",
    ),
    b(
        "PgUp PgDn  Space",
        &[
            (K(KeyCode::PageUp), A::PageUp),
            (K(KeyCode::PageDown), A::PageDown),
            (C(' '), A::PageDown),
        ],
        "scroll a page",
        "",
    ),
    b(
        "Esc",
        &[(K(KeyCode::Esc), A::Back)],
        "leave the quiz (the arrows scroll again)",
        "leave quiz",
    ),
];

const EXERCISE: &[Binding] = &[
    b(
        "r",
        &[(C('r'), A::CheckAll)],
        "check all languages",
        "check all",
    ),
    b(
        "Enter",
        &[(K(KeyCode::Enter), A::CheckFocused)],
        "check the focused language",
        "check",
    ),
    b(
        "Tab  ← →  1-4",
        &[
            (K(KeyCode::Tab), A::NextLanguage),
            (K(KeyCode::BackTab), A::PrevLanguage),
            (K(KeyCode::Left), A::PrevLanguage),
            (K(KeyCode::Right), A::NextLanguage),
            (C('1'), A::PickLanguage(Language::Python)),
            (C('2'), A::PickLanguage(Language::Go)),
            (C('3'), A::PickLanguage(Language::Java)),
            (C('4'), A::PickLanguage(Language::CSharp)),
        ],
        "focus another language (in compare: the solution shown)",
        "",
    ),
    b(
        "i",
        &[(C('i'), A::EditHere)],
        "edit here (built-in editor)",
        "edit here",
    ),
    b(
        "e",
        &[(C('e'), A::EditOutside)],
        "edit in $VISUAL / $EDITOR",
        "edit",
    ),
    b("h", &[(C('h'), A::NextHint)], "show the next hint", "hint"),
    b(
        "f",
        &[(C('f'), A::ToggleFullResult)],
        "the result at full height (again: the code)",
        "result",
    ),
    b("t", &[(C('t'), A::ShowTask)], "show the whole task", "task"),
    b(
        "J K",
        &[(C('J'), A::ResultDown), (C('K'), A::ResultUp)],
        "scroll the result",
        "",
    ),
    b(
        "↑ ↓  j k  PgUp PgDn",
        &[
            (K(KeyCode::Up), A::Up),
            (K(KeyCode::Down), A::Down),
            (C('j'), A::Down),
            (C('k'), A::Up),
            (K(KeyCode::PageUp), A::PageUp),
            (K(KeyCode::PageDown), A::PageDown),
        ],
        "scroll the code (with f: the result)",
        "",
    ),
    b(
        "s",
        &[(C('s'), A::ToggleSolution)],
        "show the reference solution (after a try)",
        "",
    ),
    b(
        "c",
        &[(C('c'), A::ToggleCompare)],
        "compare with the other languages' solutions (after a pass)",
        "",
    ),
    b(
        "w",
        &[(C('w'), A::ToggleWatch)],
        "watch files: re-check on save (on/off)",
        "",
    ),
    b(
        "n p",
        &[(C('n'), A::NextExercise), (C('p'), A::PrevExercise)],
        "next or previous exercise",
        "",
    ),
    b("l", &[(C('l'), A::ReadLesson)], "read the lesson", ""),
    b(
        "Esc  Backspace",
        &[(K(KeyCode::Esc), A::Back), (K(KeyCode::Backspace), A::Back)],
        "cancel checks, close a view, else back to the map",
        "back",
    ),
];

const COMPARE: &[Binding] = &[
    b(
        "Tab  ← →  1-4",
        &[
            (K(KeyCode::Tab), A::NextLanguage),
            (K(KeyCode::BackTab), A::PrevLanguage),
            (K(KeyCode::Left), A::PrevLanguage),
            (K(KeyCode::Right), A::NextLanguage),
            (C('1'), A::PickLanguage(Language::Python)),
            (C('2'), A::PickLanguage(Language::Go)),
            (C('3'), A::PickLanguage(Language::Java)),
            (C('4'), A::PickLanguage(Language::CSharp)),
        ],
        "the language whose solution is shown",
        "language",
    ),
    b(
        "f",
        &[(C('f'), A::ToggleFullResult)],
        "the files at full height (again: with the task and the result)",
        "full height",
    ),
    b(
        "↑ ↓  j k  PgUp PgDn",
        &[
            (K(KeyCode::Up), A::Up),
            (K(KeyCode::Down), A::Down),
            (C('j'), A::Down),
            (C('k'), A::Up),
            (K(KeyCode::PageUp), A::PageUp),
            (K(KeyCode::PageDown), A::PageDown),
        ],
        "scroll the solutions",
        "",
    ),
    b(
        "c  Esc  Backspace",
        &[
            (C('c'), A::ToggleCompare),
            (K(KeyCode::Esc), A::Back),
            (K(KeyCode::Backspace), A::Back),
        ],
        "stop comparing: back to your file",
        "stop comparing",
    ),
];

const REPORT: &[Binding] = &[
    b(
        "↑ ↓  j k  PgUp PgDn  Space",
        &[
            (K(KeyCode::Up), A::Up),
            (K(KeyCode::Down), A::Down),
            (C('j'), A::Down),
            (C('k'), A::Up),
            (K(KeyCode::PageUp), A::PageUp),
            (K(KeyCode::PageDown), A::PageDown),
            (C(' '), A::PageDown),
        ],
        "scroll",
        "",
    ),
    b(
        "w",
        &[(C('w'), A::SaveReport)],
        "save the report as Markdown",
        "save",
    ),
    b(
        "Esc  Backspace",
        &[(K(KeyCode::Esc), A::Back), (K(KeyCode::Backspace), A::Back)],
        "back to the course map",
        "back",
    ),
];

const LAB: &[Binding] = &[
    b(
        "r",
        &[(C('r'), A::RunLab)],
        "run the lab with the languages chosen (the estimate is above the charts)",
        "run",
    ),
    b(
        "1-4",
        &[
            (C('1'), A::PickLanguage(Language::Python)),
            (C('2'), A::PickLanguage(Language::Go)),
            (C('3'), A::PickLanguage(Language::Java)),
            (C('4'), A::PickLanguage(Language::CSharp)),
        ],
        "choose the languages to measure (Python, Go, Java, C#: on or off)",
        "languages",
    ),
    b(
        "a",
        &[(C('a'), A::ToggleAot)],
        "measure C# as a Native AOT binary too (its build takes minutes), or not",
        "AOT",
    ),
    b(
        "Tab Shift-Tab",
        &[
            (K(KeyCode::Tab), A::NextChart),
            (K(KeyCode::BackTab), A::PrevChart),
        ],
        "next chart (narrow screens)",
        "",
    ),
    b(
        "← →",
        &[
            (K(KeyCode::Left), A::OlderRun),
            (K(KeyCode::Right), A::NewerRun),
        ],
        "older or newer saved run",
        "runs",
    ),
    b(
        "Esc  Backspace",
        &[(K(KeyCode::Esc), A::Back), (K(KeyCode::Backspace), A::Back)],
        "stop a running lab, else back",
        "stop/back",
    ),
];

const EDITOR: &[Binding] = &[
    b(
        "Ctrl-S",
        &[(Ctrl('s'), A::SaveAndCheck)],
        "save and check: the verdict and the diff show below",
        "save+check",
    ),
    b(
        "Esc",
        &[(K(KeyCode::Esc), A::Back)],
        "leave the editor (asks first when there are unsaved changes)",
        "leave",
    ),
    b(
        "F1",
        &[(K(KeyCode::F(1)), A::Help)],
        "show these keys",
        "help",
    ),
    b(
        "Ctrl-Z Ctrl-Y",
        &[(Ctrl('z'), A::Undo), (Ctrl('y'), A::Redo)],
        "undo, redo (a word or a line at a time, as other editors do)",
        "undo/redo",
    ),
    b(
        "Alt-↑ Alt-↓",
        &[
            (Key::Alt(KeyCode::Up), A::ResultUp),
            (Key::Alt(KeyCode::Down), A::ResultDown),
            (Key::Alt(KeyCode::PageUp), A::ResultPageUp),
            (Key::Alt(KeyCode::PageDown), A::ResultPageDown),
        ],
        "scroll the result below the file (Alt-PgUp Alt-PgDn: a page)",
        "",
    ),
    b(
        "Ctrl-C",
        &[(Ctrl('c'), A::Quit)],
        "quit microlings (unsaved text is saved)",
        "quit",
    ),
];

const POPUP: &[Binding] = &[
    b(
        "↑ ↓  j k  PgUp PgDn  Space",
        &[
            (K(KeyCode::Up), A::Up),
            (K(KeyCode::Down), A::Down),
            (C('j'), A::Down),
            (C('k'), A::Up),
            (K(KeyCode::PageUp), A::PageUp),
            (K(KeyCode::PageDown), A::PageDown),
            (C(' '), A::PageDown),
        ],
        "scroll",
        "",
    ),
    b(
        "Esc",
        &[(K(KeyCode::Esc), A::Close)],
        "close (so does any other key)",
        "close",
    ),
    b("q", &[(C('q'), A::Quit)], "quit", "quit"),
    b(
        "Ctrl-C",
        &[(Ctrl('c'), A::Quit)],
        "quit (unsaved text is saved)",
        "",
    ),
];

const CONFIRM: &[Binding] = &[
    b("y", &[(C('y'), A::Yes), (C('Y'), A::Yes)], "yes", "yes"),
    b(
        "Esc",
        &[(K(KeyCode::Esc), A::No)],
        "no (so does any other key)",
        "no",
    ),
    b(
        "Ctrl-C",
        &[(Ctrl('c'), A::Quit)],
        "quit (unsaved text is saved)",
        "",
    ),
];

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
