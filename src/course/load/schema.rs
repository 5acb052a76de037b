//! The TOML an author writes: a lesson's front matter, a quiz, exercise.toml with its requests
//! and stub routes. Unknown keys are errors (`deny_unknown_fields`), so a typo is reported.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::course::Language;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FrontMatter {
    pub(super) title: String,
    #[serde(default)]
    pub(super) exercises: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct QuizToml {
    pub(super) question: String,
    pub(super) options: Vec<String>,
    pub(super) answer: i64,
    pub(super) explain: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExerciseToml {
    pub(super) title: String,
    /// `output` when absent; read into an `ExerciseKind` by the loader, which reports an
    /// unknown one at its line.
    pub(super) kind: Option<toml::Spanned<String>>,
    #[serde(default = "default_timeout")]
    pub(super) timeout_secs: u64,
    pub(super) task: String,
    pub(super) hints: Vec<String>,
    #[serde(default)]
    pub(super) notes: BTreeMap<Language, String>,
    /// HTTP exercises: overrides the per-language start-up allowance.
    pub(super) startup_secs: Option<toml::Spanned<u64>>,
    /// HTTP exercises: the requests and expected replies.
    #[serde(default)]
    pub(super) requests: Vec<toml::Spanned<RequestToml>>,
    /// HTTP exercises: the stub service's routes.
    #[serde(default)]
    pub(super) stub: Vec<toml::Spanned<StubToml>>,
    /// Advice: a note shown when the learner's source matches a pattern.
    #[serde(default)]
    pub(super) advice: Vec<toml::Spanned<AdviceToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AdviceToml {
    pub(super) language: String,
    pub(super) pattern: String,
    pub(super) note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RequestToml {
    pub(super) name: Option<String>,
    #[serde(default = "default_method")]
    pub(super) method: String,
    pub(super) path: String,
    #[serde(default)]
    pub(super) headers: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) body: String,
    pub(super) status: u16,
    pub(super) expect_body: Option<String>,
    pub(super) expect_json: Option<String>,
    pub(super) expect_file: Option<String>,
    #[serde(default)]
    pub(super) expect_headers: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StubToml {
    #[serde(default = "default_method")]
    pub(super) method: String,
    pub(super) path: String,
    #[serde(default = "default_status")]
    pub(super) status: u16,
    #[serde(default)]
    pub(super) headers: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) body: String,
    #[serde(default)]
    pub(super) delay_ms: u64,
}

pub(super) fn default_method() -> String {
    "GET".to_string()
}

pub(super) fn default_status() -> u16 {
    200
}

pub(super) fn default_timeout() -> u64 {
    10
}
