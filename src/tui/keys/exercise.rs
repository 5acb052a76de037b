//! The keys of the exercise view, of comparing solutions and of the built-in editor.

use crossterm::event::KeyCode;

use super::Key::{Char as C, Code as K, Ctrl};
use super::{Action as A, Binding, Key, b};

pub(super) const EXERCISE: &[Binding] = &[
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
        super::LANGUAGE_KEYS,
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
        super::LINE_AND_PAGE_KEYS,
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

pub(super) const COMPARE: &[Binding] = &[
    b(
        "Tab  ← →  1-4",
        super::LANGUAGE_KEYS,
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
        super::LINE_AND_PAGE_KEYS,
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

pub(super) const EDITOR: &[Binding] = &[
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
