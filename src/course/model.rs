use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

use super::Language;

/// A whole course: lessons in order and the exercises they use.
#[derive(Debug, Clone)]
pub struct Course {
    /// Lessons in file-name order.
    pub lessons: Vec<Lesson>,
    /// Every exercise, keyed by slug.
    pub exercises: BTreeMap<String, Exercise>,
}

impl Course {
    /// Looks an exercise up by slug.
    pub fn exercise(&self, slug: &str) -> Option<&Exercise> {
        self.exercises.get(slug)
    }

    /// Looks a lesson up by slug.
    pub fn lesson(&self, slug: &str) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.slug == slug)
    }

    /// Exercises in course order: each lesson's exercises in the order it lists them.
    pub fn exercises_in_order(&self) -> impl Iterator<Item = (&Lesson, &Exercise)> {
        self.lessons.iter().flat_map(move |lesson| {
            lesson
                .exercises
                .iter()
                .filter_map(move |slug| self.exercises.get(slug).map(|ex| (lesson, ex)))
        })
    }

    /// The lesson that uses an exercise.
    pub fn lesson_of(&self, exercise: &str) -> Option<&Lesson> {
        self.lessons
            .iter()
            .find(|l| l.exercises.iter().any(|e| e == exercise))
    }
}

/// One lesson: Markdown text with quizzes, and the exercises that follow it.
#[derive(Debug, Clone)]
pub struct Lesson {
    /// Id from the file name (`02-typing.md` -> `typing`).
    pub slug: String,
    /// The file the lesson came from, relative to the course root.
    pub file: String,
    /// Shown on the course map.
    pub title: String,
    /// Exercise slugs in order.
    pub exercises: Vec<String>,
    /// Markdown after the front matter.
    pub body: String,
    /// Line in the file where `body` starts (1-based), for messages.
    pub body_line: usize,
    /// The ```quiz blocks, in order.
    pub quizzes: Vec<Quiz>,
}

/// A multiple-choice question inside a lesson.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quiz {
    /// The question text.
    pub question: String,
    /// The choices, in the order shown.
    pub options: Vec<String>,
    /// Index of the right option.
    pub answer: usize,
    /// Shown after answering.
    pub explain: String,
}

/// What kind of check an exercise has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExerciseKind {
    /// Run the program and compare stdout with the expected output.
    Output,
    /// Start the program as an HTTP service on `$PORT`, send the declared requests and
    /// compare the replies.
    Http,
}

impl ExerciseKind {
    /// Every kind.
    pub const ALL: [ExerciseKind; 2] = [ExerciseKind::Output, ExerciseKind::Http];

    /// The kind an id names (`output`, `http`).
    pub fn from_id(id: &str) -> Option<ExerciseKind> {
        ExerciseKind::ALL.into_iter().find(|k| k.id() == id)
    }

    /// The id used in exercise.toml and JSON.
    pub fn id(self) -> &'static str {
        match self {
            ExerciseKind::Output => "output",
            ExerciseKind::Http => "http",
        }
    }
}

/// One input and the output expected for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// `default` for the one-case shorthand, else the file stem in `cases/`.
    pub name: String,
    /// Bytes fed to stdin; `None` means stdin is empty.
    pub input: Option<Vec<u8>>,
    /// Expected stdout.
    pub expected: String,
}

/// An exercise, in all four languages.
#[derive(Debug, Clone)]
pub struct Exercise {
    /// Directory name under `exercises/`.
    pub slug: String,
    /// Shown in lists.
    pub title: String,
    /// How it is checked.
    pub kind: ExerciseKind,
    /// Limit for one run of one case.
    pub timeout: Duration,
    /// What to do (Markdown).
    pub task: String,
    /// A ladder of hints: nudge, concept, near-answer.
    pub hints: Vec<String>,
    /// Shown after a pass, per language.
    pub notes: BTreeMap<Language, String>,
    /// The cases every language must pass (empty for an HTTP exercise).
    pub cases: Vec<Case>,
    /// For an HTTP exercise: the requests, the expected replies and the stub service.
    pub service: Option<ServiceSpec>,
    /// What the learner starts with.
    pub starters: BTreeMap<Language, String>,
    /// The reference solutions.
    pub solutions: BTreeMap<Language, String>,
    /// Known-wrong programs (`wrong/<mistake>/<lang>/...`): `dev check` proves each one FAILS,
    /// so the check is shown to catch every mistake the author listed.
    pub wrong: Vec<WrongAnswer>,
    /// Notes shown after a check when the learner's source matches a pattern: advice on what
    /// output cannot grade (a constant-time compare, a monotonic clock). They never fail a check.
    pub advice: Vec<Advice>,
}

impl Exercise {
    /// The starter for a language (every loaded exercise has all four).
    pub fn starter(&self, lang: Language) -> &str {
        self.starters.get(&lang).map(String::as_str).unwrap_or("")
    }

    /// The reference solution for a language.
    pub fn solution(&self, lang: Language) -> &str {
        self.solutions.get(&lang).map(String::as_str).unwrap_or("")
    }

    /// The advice notes whose pattern matches `source`, a program in `lang`, in file order.
    pub fn advice_for<'a>(
        &'a self,
        lang: Language,
        source: &'a str,
    ) -> impl Iterator<Item = &'a Advice> + 'a {
        self.advice
            .iter()
            .filter(move |a| a.language == lang && a.matches(source))
    }
}

/// A program that makes one known mistake in one language, and must fail the check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongAnswer {
    /// The mistake's name: the folder under `wrong/` (`prefix-compare`).
    pub mistake: String,
    /// The language it is written in.
    pub language: Language,
    /// The program.
    pub source: String,
}

/// A short note shown after a check of a program that matches a pattern.
#[derive(Debug, Clone)]
pub struct Advice {
    /// The language whose programs are matched.
    pub language: Language,
    /// A regular expression searched for in the learner's source (see [`Advice::compile`]).
    pub pattern: regex::bytes::Regex,
    /// What to tell the learner (one or two sentences).
    pub note: String,
}

impl Advice {
    /// Whether `source` contains the pattern.
    pub fn matches(&self, source: &str) -> bool {
        self.pattern.is_match(source.as_bytes())
    }

    /// Compiles an advice pattern. Its classes are ASCII (`\w` is `[0-9A-Za-z_]`, `\s` and `\b`
    /// likewise): the patterns look for code, and Unicode classes made each pattern take about
    /// 120 KB and 0.3 ms to build, for every exercise, at every start.
    pub fn compile(pattern: &str) -> Result<regex::bytes::Regex, regex::Error> {
        regex::bytes::RegexBuilder::new(pattern)
            .unicode(false)
            .build()
    }
}

/// What an HTTP exercise sends to the learner's service and expects back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceSpec {
    /// Sent in order, each on a fresh connection.
    pub requests: Vec<HttpRequestSpec>,
    /// Routes of the course-provided stub service (empty: no stub is started).
    pub stub: Vec<StubRoute>,
    /// Overrides the per-language start-up allowance when set.
    pub startup: Option<Duration>,
}

/// One request and the reply expected for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequestSpec {
    /// Shown in results; `METHOD PATH` unless the author named it.
    pub name: String,
    /// `GET`, `POST`, ...
    pub method: String,
    /// Request target, starting with `/` (may carry a query string).
    pub path: String,
    /// Extra request headers, in order.
    pub headers: Vec<(String, String)>,
    /// Request body (sent with a Content-Length when not empty).
    pub body: String,
    /// The status code expected.
    pub status: u16,
    /// Response headers that must be present with these values (names are case-insensitive).
    pub expect_headers: Vec<(String, String)>,
    /// What the reply's body must be.
    pub expect_body: ExpectedBody,
}

/// How a reply's body is judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExpectedBody {
    /// Not checked.
    Any,
    /// Equal after the same normalisation as program output (CRLF, trailing whitespace).
    Text(String),
    /// The same JSON value: key order, spacing and `1` vs `1.0` do not matter.
    Json(serde_json::Value),
}

/// One canned reply of the stub service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StubRoute {
    /// Method to match.
    pub method: String,
    /// Path to match (the query string, if the route has none, is ignored).
    pub path: String,
    /// Status of the reply.
    pub status: u16,
    /// Reply headers besides Content-Length and Connection.
    pub headers: Vec<(String, String)>,
    /// Reply body.
    pub body: String,
    /// How long the stub waits before replying: a slow dependency.
    pub delay: Duration,
}
