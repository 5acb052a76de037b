//! The keys of the map, the lesson reader and its quizzes, the report, the lab, popups and
//! questions, and the keys that work everywhere.

use crossterm::event::KeyCode;

use super::Key::{Char as C, Code as K, Ctrl, Shift};
use super::{Action as A, Binding, b};
use crate::course::Language;

pub(super) const GLOBAL: &[Binding] = &[
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

pub(super) const MAP: &[Binding] = &[
    b("↑ ↓  j k", super::LINE_KEYS, "move", ""),
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

pub(super) const LESSON: &[Binding] = &[
    b("↑ ↓  j k  wheel", super::LINE_KEYS, "scroll", ""),
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

pub(super) const QUIZ: &[Binding] = &[
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

pub(super) const REPORT: &[Binding] = &[
    b(
        "↑ ↓  j k  PgUp PgDn  Space",
        super::SCROLL_KEYS,
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

pub(super) const LAB: &[Binding] = &[
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

pub(super) const POPUP: &[Binding] = &[
    b(
        "↑ ↓  j k  PgUp PgDn  Space",
        super::SCROLL_KEYS,
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

pub(super) const CONFIRM: &[Binding] = &[
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
