//! Turning course files into a validated [`Course`], or a list of everything wrong with them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::time::Duration;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde::Deserialize;

use super::Language;
use super::files::CourseFiles;
use super::model::{
    Case, Course, Exercise, ExerciseKind, ExpectedBody, HttpRequestSpec, Lesson, Quiz, ServiceSpec,
    StubRoute,
};

/// The longest `timeout_secs` an exercise may ask for.
const MAX_TIMEOUT_SECS: u64 = 120;
/// The most requests an HTTP exercise may declare: each can take `timeout_secs`.
const MAX_REQUESTS: usize = 50;
/// The longest a stub route may wait before replying.
const MAX_STUB_DELAY_MS: u64 = 60_000;
/// Methods a request or stub route may use.
const METHODS: [&str; 7] = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/// Headers the runner writes itself; an exercise may not set them.
const RESERVED_HEADERS: [&str; 4] = ["host", "content-length", "connection", "transfer-encoding"];

/// One problem found in a course, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the author knows it.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong and what to do.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic for `file` at an optional line.
    pub fn new(file: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Everything that stopped a course from loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// All problems found, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadError {
    pub(crate) fn single(d: Diagnostic) -> Self {
        LoadError {
            diagnostics: vec![d],
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the course has {} problem(s):", self.diagnostics.len())?;
        for d in &self.diagnostics {
            writeln!(f, "  {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    #[serde(default)]
    exercises: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizToml {
    question: String,
    options: Vec<String>,
    answer: i64,
    explain: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseToml {
    title: String,
    #[serde(default = "default_kind")]
    kind: String,
    #[serde(default = "default_timeout")]
    timeout_secs: u64,
    task: String,
    hints: Vec<String>,
    #[serde(default)]
    notes: BTreeMap<Language, String>,
    /// HTTP exercises: overrides the per-language start-up allowance.
    startup_secs: Option<toml::Spanned<u64>>,
    /// HTTP exercises: the requests and expected replies.
    #[serde(default)]
    requests: Vec<toml::Spanned<RequestToml>>,
    /// HTTP exercises: the stub service's routes.
    #[serde(default)]
    stub: Vec<toml::Spanned<StubToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestToml {
    name: Option<String>,
    #[serde(default = "default_method")]
    method: String,
    path: String,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    #[serde(default)]
    body: String,
    status: u16,
    expect_body: Option<String>,
    expect_json: Option<String>,
    expect_file: Option<String>,
    #[serde(default)]
    expect_headers: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StubToml {
    #[serde(default = "default_method")]
    method: String,
    path: String,
    #[serde(default = "default_status")]
    status: u16,
    #[serde(default)]
    headers: BTreeMap<String, String>,
    #[serde(default)]
    body: String,
    #[serde(default)]
    delay_ms: u64,
}

fn default_method() -> String {
    "GET".to_string()
}

fn default_status() -> u16 {
    200
}

fn default_kind() -> String {
    "output".to_string()
}

fn default_timeout() -> u64 {
    10
}

/// Collects diagnostics while loading.
struct Loader<'a> {
    files: &'a CourseFiles,
    problems: Vec<Diagnostic>,
    /// Links between lessons (file, target, line), checked once every lesson is known.
    links: Vec<(String, String, usize)>,
    /// Whether a lesson file failed to load: its `exercises` list is unknown, so "no lesson
    /// uses this exercise" would be a false alarm.
    broken_lesson: bool,
}

impl Loader<'_> {
    fn error(&mut self, path: &str, line: Option<usize>, message: impl Into<String>) {
        let file = self.files.display_path(path);
        self.problems.push(Diagnostic::new(file, line, message));
    }

    fn text(&mut self, path: &str) -> Option<String> {
        let bytes = self.files.get(path)?;
        match String::from_utf8(bytes.to_vec()) {
            Ok(s) => Some(s),
            Err(e) => {
                let line = line_of(
                    &String::from_utf8_lossy(bytes),
                    e.utf8_error().valid_up_to(),
                );
                self.error(path, Some(line), "not valid UTF-8: save the file as UTF-8");
                None
            }
        }
    }
}

/// Loads and validates a course. Every problem is reported, not just the first.
pub fn load(files: &CourseFiles) -> Result<Course, LoadError> {
    let mut loader = Loader {
        files,
        problems: Vec::new(),
        links: Vec::new(),
        broken_lesson: false,
    };
    let exercises = load_exercises(&mut loader);
    let lessons = load_lessons(&mut loader);
    check_course(&mut loader, &lessons, &exercises);
    if loader.problems.is_empty() {
        Ok(Course { lessons, exercises })
    } else {
        Err(LoadError {
            diagnostics: loader.problems,
        })
    }
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parses TOML, reporting errors at the right line of the file (`first_line` is where the TOML
/// text starts in the file).
fn parse_toml<T: serde::de::DeserializeOwned>(
    loader: &mut Loader<'_>,
    path: &str,
    text: &str,
    first_line: usize,
) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let line = e.span().map(|s| line_of(text, s.start) + first_line - 1);
            let message = e.message().trim().to_string();
            loader.error(path, line.or(Some(first_line)), message);
            None
        }
    }
}

fn load_lessons(loader: &mut Loader<'_>) -> Vec<Lesson> {
    let paths: Vec<String> = loader
        .files
        .paths_under("lessons/")
        .map(str::to_string)
        .collect();
    let mut lessons = Vec::new();
    let mut slugs = BTreeSet::new();
    for path in paths {
        let name = &path["lessons/".len()..];
        let Some(stem) = name.strip_suffix(".md") else {
            loader.error(
                &path,
                None,
                "unexpected file in lessons/: lessons are NN-slug.md files",
            );
            continue;
        };
        let slug = match stem.split_once('-') {
            Some((num, slug))
                if num.len() == 2 && num.bytes().all(|b| b.is_ascii_digit()) && is_slug(slug) =>
            {
                slug
            }
            _ => {
                loader.error(&path, None, "lesson file names are NN-slug.md: two digits, a dash, then lowercase letters, digits and dashes");
                loader.broken_lesson = true;
                continue;
            }
        };
        if !slugs.insert(slug.to_string()) {
            loader.error(
                &path,
                None,
                format!("another lesson already has the slug '{slug}'"),
            );
            continue;
        }
        match load_lesson(loader, &path, slug) {
            Some(lesson) => lessons.push(lesson),
            None => loader.broken_lesson = true,
        }
    }
    if lessons.is_empty() && loader.problems.is_empty() {
        loader.error("lessons/", None, "the course has no lessons");
    }
    lessons
}

fn load_lesson(loader: &mut Loader<'_>, path: &str, slug: &str) -> Option<Lesson> {
    let text = loader.text(path)?;
    let text = text.replace("\r\n", "\n");
    let Some(rest) = text.strip_prefix("+++\n") else {
        loader.error(
            path,
            Some(1),
            "a lesson starts with TOML front matter between `+++` lines (title, exercises)",
        );
        return None;
    };
    let Some(end) = rest
        .find("\n+++\n")
        .or_else(|| rest.ends_with("\n+++").then(|| rest.len() - 4))
    else {
        loader.error(
            path,
            Some(1),
            "the front matter is not closed: add a `+++` line after it",
        );
        return None;
    };
    let front = &rest[..end + 1];
    let body_start = ("+++\n".len() + end + "\n+++\n".len()).min(text.len());
    let body = text[body_start..].to_string();
    let body_line = line_of(&text, body_start);
    let front: FrontMatter = parse_toml(loader, path, front, 2)?;
    if front.title.trim().is_empty() {
        loader.error(path, Some(2), "the title is empty");
    }
    let quizzes = load_quizzes(loader, path, &body, body_line);
    Some(Lesson {
        slug: slug.to_string(),
        file: path.to_string(),
        title: front.title.trim().to_string(),
        exercises: front.exercises,
        body,
        body_line,
        quizzes,
    })
}

/// The quizzes of a lesson body; also records its links to other lessons.
fn load_quizzes(loader: &mut Loader<'_>, path: &str, body: &str, body_line: usize) -> Vec<Quiz> {
    let mut quizzes = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (event, range) in Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.split([' ', ',']).next() == Some("quiz") =>
            {
                // The TOML starts on the line after the fence.
                current = Some((line_of(body, range.start) + body_line, String::new()));
            }
            Event::Text(t) => {
                if let Some((_, buf)) = current.as_mut() {
                    buf.push_str(&t);
                }
            }
            // Collected in the same pass: parsing a lesson once keeps start-up fast.
            Event::Start(Tag::Link { dest_url, .. }) if is_lesson_link(&dest_url) => {
                loader.links.push((
                    path.to_string(),
                    dest_url.trim_start_matches("./").to_string(),
                    line_of(body, range.start) + body_line - 1,
                ));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((line, toml_text)) = current.take()
                    && let Some(q) = parse_toml::<QuizToml>(loader, path, &toml_text, line)
                {
                    // Point at the `answer` line when it is the problem.
                    let answer_line = toml_text
                        .lines()
                        .position(|l| l.trim_start().starts_with("answer"))
                        .map_or(line, |i| line + i);
                    if let Some(quiz) = validate_quiz(loader, path, line, answer_line, q) {
                        quizzes.push(quiz);
                    }
                }
            }
            _ => {}
        }
    }
    quizzes
}

fn validate_quiz(
    loader: &mut Loader<'_>,
    path: &str,
    line: usize,
    answer_line: usize,
    q: QuizToml,
) -> Option<Quiz> {
    if q.options.len() < 2 {
        loader.error(path, Some(line), "a quiz needs at least two options");
        return None;
    }
    if q.answer < 0 || q.answer as usize >= q.options.len() {
        loader.error(
            path,
            Some(answer_line),
            format!(
                "quiz answer {} is out of range: it is the 0-based index of the right option, so 0 to {}",
                q.answer,
                q.options.len() - 1
            ),
        );
        return None;
    }
    if q.question.trim().is_empty() || q.explain.trim().is_empty() {
        loader.error(
            path,
            Some(line),
            "a quiz needs a question and an explanation",
        );
        return None;
    }
    Some(Quiz {
        question: q.question.trim().to_string(),
        options: q.options,
        answer: q.answer as usize,
        explain: q.explain.trim().to_string(),
    })
}

fn load_exercises(loader: &mut Loader<'_>) -> BTreeMap<String, Exercise> {
    let mut by_slug: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in loader.files.paths_under("exercises/") {
        let rest = &path["exercises/".len()..];
        match rest.split_once('/') {
            Some((slug, file)) => by_slug
                .entry(slug.to_string())
                .or_default()
                .push(file.to_string()),
            None => loader.problems.push(Diagnostic::new(
                loader.files.display_path(path),
                None,
                "unexpected file in exercises/: each exercise is a directory",
            )),
        }
    }
    let mut exercises = BTreeMap::new();
    for (slug, files) in by_slug {
        if !is_slug(&slug) {
            loader.error(
                &format!("exercises/{slug}"),
                None,
                "exercise directory names use lowercase letters, digits and dashes",
            );
            continue;
        }
        if let Some(ex) = load_exercise(loader, &slug, &files) {
            exercises.insert(slug, ex);
        }
    }
    exercises
}

fn load_exercise(loader: &mut Loader<'_>, slug: &str, files: &[String]) -> Option<Exercise> {
    let dir = format!("exercises/{slug}");
    let toml_path = format!("{dir}/exercise.toml");
    let mut known: BTreeSet<String> = BTreeSet::from(["exercise.toml".to_string()]);
    // Kept for line numbers in the HTTP checks below.
    let toml_text = loader.text(&toml_path);
    let meta = match &toml_text {
        Some(text) => parse_toml::<ExerciseToml>(loader, &toml_path, text, 1),
        None => {
            if !loader.files.contains(&toml_path) {
                loader.error(
                    &toml_path,
                    None,
                    "missing: every exercise has an exercise.toml (see docs/authoring.md)",
                );
            }
            None
        }
    };
    let toml_text = toml_text.unwrap_or_default();

    let mut ok = true;
    let mut starters = BTreeMap::new();
    let mut solutions = BTreeMap::new();
    for lang in Language::ALL {
        for (prefix, map) in [("", &mut starters), ("solution/", &mut solutions)] {
            let rel = format!("{prefix}{}/{}", lang.id(), lang.file_name());
            let path = format!("{dir}/{rel}");
            known.insert(rel);
            if !loader.files.contains(&path) {
                let what = if prefix.is_empty() {
                    "starter"
                } else {
                    "reference solution"
                };
                loader.error(
                    &path,
                    None,
                    format!("missing the {} {what}", lang.display_name()),
                );
                ok = false;
            } else if let Some(text) = loader.text(&path) {
                map.insert(lang, text);
            } else {
                ok = false;
            }
        }
    }

    let is_http = meta.as_ref().is_some_and(|m| m.kind == "http");
    let cases = if is_http {
        // An HTTP exercise declares its requests in exercise.toml; expected_output.txt and
        // cases/ stay unknown and are reported as unexpected below.
        Some(Vec::new())
    } else {
        load_cases(loader, &dir, files, &mut known)
    };
    let service = match &meta {
        Some(m) if is_http => load_service(loader, &dir, &toml_text, m, &mut known),
        Some(m) => {
            reject_service_keys(loader, &toml_path, &toml_text, m);
            Some(None)
        }
        None => Some(None),
    };
    for file in files {
        if !known.contains(file) && !file.rsplit('/').next().unwrap_or("").starts_with('.') {
            loader.error(
                &format!("{dir}/{file}"),
                None,
                if is_http {
                    "unexpected file: an http exercise holds exercise.toml (with its [[requests]]), the files its expect_file keys name, the four starters and solution/"
                } else {
                    "unexpected file: an exercise holds exercise.toml, expected_output.txt or cases/, the four starters and solution/"
                },
            );
            ok = false;
        }
    }

    let meta = meta?;
    let cases = cases?;
    let mut valid = ok;
    let mut problem = |loader: &mut Loader<'_>, msg: &str| {
        loader.error(&toml_path, None, msg.to_string());
        valid = false;
    };
    if meta.title.trim().is_empty() {
        problem(loader, "the title is empty");
    }
    if meta.task.trim().is_empty() {
        problem(loader, "the task is empty: say what the learner must do");
    }
    if meta.hints.len() < 2 {
        problem(
            loader,
            "give at least two hints: a nudge, then the concept (then nearly the answer)",
        );
    }
    if meta.timeout_secs == 0 || meta.timeout_secs > MAX_TIMEOUT_SECS {
        problem(
            loader,
            &format!("timeout_secs must be 1 to {MAX_TIMEOUT_SECS}"),
        );
    }
    let kind = match meta.kind.as_str() {
        "output" => ExerciseKind::Output,
        "http" => ExerciseKind::Http,
        other => {
            problem(
                loader,
                &format!("unknown kind '{other}': use \"output\" or \"http\""),
            );
            ExerciseKind::Output
        }
    };
    let service = service?;
    if !valid {
        return None;
    }
    Some(Exercise {
        slug: slug.to_string(),
        title: meta.title.trim().to_string(),
        kind,
        timeout: Duration::from_secs(meta.timeout_secs),
        task: meta.task.trim().to_string(),
        hints: meta.hints,
        notes: meta.notes,
        cases,
        service,
        starters,
        solutions,
    })
}

/// Line (1-based) of a byte offset in exercise.toml.
fn toml_line<T>(text: &str, spanned: &toml::Spanned<T>) -> Option<usize> {
    Some(line_of(text, spanned.span().start))
}

/// An `output` exercise must not carry the keys of an `http` one: they would be ignored.
fn reject_service_keys(loader: &mut Loader<'_>, path: &str, text: &str, m: &ExerciseToml) {
    let first = m
        .requests
        .first()
        .map(|r| r.span().start)
        .or_else(|| m.stub.first().map(|r| r.span().start))
        .or_else(|| m.startup_secs.as_ref().map(|s| s.span().start));
    if let Some(offset) = first {
        loader.error(
            path,
            Some(line_of(text, offset)),
            "requests, stub and startup_secs belong to an http exercise: add kind = \"http\" (or remove them)",
        );
    }
}

/// Validates the `[[requests]]`, `[[stub]]` and `startup_secs` of an HTTP exercise.
/// `None` when something is wrong (every problem is reported); `Some(Some(spec))` otherwise.
fn load_service(
    loader: &mut Loader<'_>,
    dir: &str,
    text: &str,
    m: &ExerciseToml,
    known: &mut BTreeSet<String>,
) -> Option<Option<ServiceSpec>> {
    let path = format!("{dir}/exercise.toml");
    let mut ok = true;
    let mut err = |loader: &mut Loader<'_>, line: Option<usize>, msg: String| {
        loader.error(&path, line, msg);
        ok = false;
    };
    if m.requests.is_empty() {
        err(
            loader,
            None,
            "an http exercise needs at least one [[requests]] entry (method, path, status, and the body expected)".into(),
        );
    }
    if m.requests.len() > MAX_REQUESTS {
        err(
            loader,
            toml_line(text, &m.requests[MAX_REQUESTS]),
            format!("at most {MAX_REQUESTS} requests: each one may take timeout_secs"),
        );
    }
    let startup = match &m.startup_secs {
        Some(s) if *s.get_ref() == 0 || *s.get_ref() > MAX_TIMEOUT_SECS => {
            err(
                loader,
                toml_line(text, s),
                format!("startup_secs must be 1 to {MAX_TIMEOUT_SECS}"),
            );
            None
        }
        Some(s) => Some(Duration::from_secs(*s.get_ref())),
        None => None,
    };

    let mut requests = Vec::new();
    for spanned in &m.requests {
        let line = toml_line(text, spanned);
        let r = spanned.get_ref();
        let mut problems = Vec::new();
        check_method(&r.method, &mut problems);
        check_path(&r.path, &mut problems);
        check_status(r.status, &mut problems);
        check_headers(&r.headers, "headers", &mut problems);
        check_headers(&r.expect_headers, "expect_headers", &mut problems);
        let given = [&r.expect_body, &r.expect_json, &r.expect_file]
            .iter()
            .filter(|v| v.is_some())
            .count();
        if given > 1 {
            problems
                .push("give at most one of expect_body, expect_json and expect_file".to_string());
        }
        let expect_body = if let Some(body) = &r.expect_body {
            ExpectedBody::Text(body.clone())
        } else if let Some(json) = &r.expect_json {
            match serde_json::from_str(json) {
                Ok(v) => ExpectedBody::Json(v),
                Err(e) => {
                    problems.push(format!("expect_json is not valid JSON: {e}"));
                    ExpectedBody::Any
                }
            }
        } else if let Some(file) = &r.expect_file {
            match expected_file(loader, dir, file, known) {
                Ok(body) => body,
                Err(msg) => {
                    problems.push(msg);
                    ExpectedBody::Any
                }
            }
        } else {
            ExpectedBody::Any
        };
        for msg in problems {
            err(loader, line, msg);
        }
        requests.push(HttpRequestSpec {
            name: r
                .name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| format!("{} {}", r.method, r.path)),
            method: r.method.clone(),
            path: r.path.clone(),
            headers: r.headers.clone().into_iter().collect(),
            body: r.body.clone(),
            status: r.status,
            expect_headers: r.expect_headers.clone().into_iter().collect(),
            expect_body,
        });
    }

    let mut stub = Vec::new();
    let mut routes = BTreeSet::new();
    for spanned in &m.stub {
        let line = toml_line(text, spanned);
        let s = spanned.get_ref();
        let mut problems = Vec::new();
        check_method(&s.method, &mut problems);
        check_path(&s.path, &mut problems);
        check_status(s.status, &mut problems);
        check_headers(&s.headers, "headers", &mut problems);
        if s.delay_ms > MAX_STUB_DELAY_MS {
            problems.push(format!("delay_ms must be at most {MAX_STUB_DELAY_MS}"));
        }
        if !routes.insert((s.method.clone(), s.path.clone())) {
            problems.push(format!(
                "another stub route already answers {} {}",
                s.method, s.path
            ));
        }
        for msg in problems {
            err(loader, line, msg);
        }
        stub.push(StubRoute {
            method: s.method.clone(),
            path: s.path.clone(),
            status: s.status,
            headers: s.headers.clone().into_iter().collect(),
            body: s.body.clone(),
            delay: Duration::from_millis(s.delay_ms),
        });
    }
    ok.then_some(Some(ServiceSpec {
        requests,
        stub,
        startup,
    }))
}

fn check_method(method: &str, problems: &mut Vec<String>) {
    if !METHODS.contains(&method) {
        problems.push(format!(
            "method '{method}' is not one of {}",
            METHODS.join(", ")
        ));
    }
}

fn check_path(path: &str, problems: &mut Vec<String>) {
    if !path.starts_with('/') || path.len() > 2000 {
        problems.push(format!(
            "path '{path}' must start with / (it is sent as the request target)"
        ));
    } else if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
        problems.push(format!(
            "path '{path}' contains a space or control character: percent-encode it (%20)"
        ));
    }
}

fn check_status(status: u16, problems: &mut Vec<String>) {
    if !(100..=599).contains(&status) {
        problems.push(format!(
            "status {status} is not an HTTP status (100 to 599)"
        ));
    }
}

fn check_headers(headers: &BTreeMap<String, String>, key: &str, problems: &mut Vec<String>) {
    for (name, value) in headers {
        let token = !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
        if !token {
            problems.push(format!("{key}: '{name}' is not a valid header name"));
        }
        if value.chars().any(|c| c.is_control() && c != '\t') {
            problems.push(format!(
                "{key}: the value of '{name}' contains a line break or control character"
            ));
        }
        if key == "headers" && RESERVED_HEADERS.contains(&name.to_ascii_lowercase().as_str()) {
            problems.push(format!(
                "{key}: '{name}' is set by the runner and cannot be given"
            ));
        }
    }
}

/// Reads an `expect_file`: a path inside the exercise directory; `.json` files are compared as
/// JSON, others as text.
fn expected_file(
    loader: &mut Loader<'_>,
    dir: &str,
    file: &str,
    known: &mut BTreeSet<String>,
) -> Result<ExpectedBody, String> {
    let inside = !file.is_empty()
        && !file.starts_with('/')
        && !file.contains('\\')
        && file
            .split('/')
            .all(|p| !p.is_empty() && p != "." && p != "..");
    if !inside {
        return Err(format!(
            "expect_file '{file}' must be a relative path inside the exercise directory, such as replies/item.json"
        ));
    }
    let full = format!("{dir}/{file}");
    if !loader.files.contains(&full) {
        return Err(format!("expect_file '{file}' does not exist in {dir}/"));
    }
    known.insert(file.to_string());
    let Some(text) = loader.text(&full) else {
        return Err(format!("expect_file '{file}' could not be read"));
    };
    if file.ends_with(".json") {
        serde_json::from_str(&text)
            .map(ExpectedBody::Json)
            .map_err(|e| format!("expect_file '{file}' is not valid JSON: {e}"))
    } else {
        Ok(ExpectedBody::Text(text))
    }
}

fn load_cases(
    loader: &mut Loader<'_>,
    dir: &str,
    files: &[String],
    known: &mut BTreeSet<String>,
) -> Option<Vec<Case>> {
    let shorthand = format!("{dir}/expected_output.txt");
    let case_files: Vec<&String> = files.iter().filter(|f| f.starts_with("cases/")).collect();
    if loader.files.contains(&shorthand) {
        known.insert("expected_output.txt".into());
        if !case_files.is_empty() {
            loader.error(
                &shorthand,
                None,
                "use either expected_output.txt or cases/, not both",
            );
            return None;
        }
        let expected = loader.text(&shorthand)?;
        if expected.trim().is_empty() {
            loader.error(
                &shorthand,
                None,
                "expected_output.txt is empty: put the exact output the program must print in it",
            );
            return None;
        }
        return Some(vec![Case {
            name: "default".into(),
            input: None,
            expected,
        }]);
    }
    if case_files.is_empty() {
        loader.error(&format!("{dir}/"), None, "no expected output: add expected_output.txt, or cases/<name>.out (with an optional <name>.in)");
        return None;
    }
    let mut cases = Vec::new();
    let mut ok = true;
    for file in &case_files {
        let name = &file["cases/".len()..];
        if let Some(stem) = name.strip_suffix(".out") {
            known.insert(file.to_string());
            let input_rel = format!("cases/{stem}.in");
            let input = loader
                .files
                .get(&format!("{dir}/{input_rel}"))
                .map(<[u8]>::to_vec);
            if input.is_some() {
                known.insert(input_rel);
            }
            match loader.text(&format!("{dir}/{file}")) {
                Some(expected) => cases.push(Case {
                    name: stem.to_string(),
                    input,
                    expected,
                }),
                None => ok = false,
            }
        } else if let Some(stem) = name.strip_suffix(".in")
            && !files.iter().any(|f| f == &format!("cases/{stem}.out"))
        {
            known.insert(file.to_string());
            loader.error(
                &format!("{dir}/{file}"),
                None,
                format!("input without expected output: add cases/{stem}.out"),
            );
            ok = false;
        }
    }
    ok.then_some(cases)
}

/// Checks that need the whole course: references between lessons and exercises.
fn check_course(
    loader: &mut Loader<'_>,
    lessons: &[Lesson],
    exercises: &BTreeMap<String, Exercise>,
) {
    let mut used_by: BTreeMap<&str, &str> = BTreeMap::new();
    let lesson_files: BTreeSet<&str> = lessons
        .iter()
        .map(|l| &l.file["lessons/".len()..])
        .collect();
    let files = loader.files;
    for lesson in lessons {
        // Only needed for an error message, so only read then.
        let line_mentioning = |needle: &str| {
            let text = String::from_utf8_lossy(files.get(&lesson.file)?);
            text.find(&format!("\"{needle}\""))
                .map(|off| line_of(&text, off))
        };
        for slug in &lesson.exercises {
            if !exercises.contains_key(slug)
                && loader
                    .files
                    .paths_under(&format!("exercises/{slug}/"))
                    .next()
                    .is_none()
            {
                loader.error(
                    &lesson.file,
                    line_mentioning(slug),
                    format!("names an unknown exercise '{slug}': there is no exercises/{slug}/"),
                );
            } else if let Some(other) = used_by.insert(slug, &lesson.slug) {
                loader.error(&lesson.file, line_mentioning(slug), format!("exercise '{slug}' is already used by lesson '{other}': each exercise belongs to one lesson"));
            }
        }
    }
    for (file, target, line) in std::mem::take(&mut loader.links) {
        let name = target.split('#').next().unwrap_or("");
        if !lesson_files.contains(name) {
            loader.error(
                &file,
                Some(line),
                format!("broken link to '{target}': no lesson file lessons/{name}"),
            );
        }
    }
    let mut titles: BTreeMap<&str, &str> = BTreeMap::new();
    for (slug, ex) in exercises {
        if !used_by.contains_key(slug.as_str()) && !loader.broken_lesson {
            loader.error(
                &format!("exercises/{slug}/exercise.toml"),
                None,
                "no lesson uses this exercise: add it to a lesson's `exercises` list",
            );
        }
        if let Some(other) = titles.insert(&ex.title, slug) {
            loader.error(
                &format!("exercises/{slug}/exercise.toml"),
                None,
                format!(
                    "exercise '{other}' has the same title \"{}\": titles must be unique",
                    ex.title
                ),
            );
        }
    }
}

/// Whether a link points at another lesson file (a relative `.md` target).
fn is_lesson_link(dest: &str) -> bool {
    !dest.contains("://")
        && !dest.starts_with("mailto:")
        && dest.split('#').next().is_some_and(|f| f.ends_with(".md"))
}

#[cfg(test)]
mod tests;
