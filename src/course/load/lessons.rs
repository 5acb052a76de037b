//! Lessons: `lessons/NN-slug.md` files, their front matter and their quizzes.

use std::collections::BTreeSet;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::schema::{FrontMatter, QuizToml};
use super::{Loader, is_slug, line_of, parse_toml};
use crate::course::model::{Lesson, Quiz};

pub(super) fn load_lessons(loader: &mut Loader<'_>) -> Vec<Lesson> {
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

pub(super) fn load_lesson(loader: &mut Loader<'_>, path: &str, slug: &str) -> Option<Lesson> {
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
pub(super) fn load_quizzes(
    loader: &mut Loader<'_>,
    path: &str,
    body: &str,
    body_line: usize,
) -> Vec<Quiz> {
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

pub(super) fn validate_quiz(
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

/// Whether a link points at another lesson file (a relative `.md` target).
fn is_lesson_link(dest: &str) -> bool {
    !dest.contains("://")
        && !dest.starts_with("mailto:")
        && dest.split('#').next().is_some_and(|f| f.ends_with(".md"))
}
