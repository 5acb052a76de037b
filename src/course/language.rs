use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// One of the four languages every exercise exists in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Python,
    Go,
    Java,
    #[serde(rename = "csharp")]
    CSharp,
}

impl Language {
    /// All languages, in the order the course shows them.
    pub const ALL: [Language; 4] = [
        Language::Python,
        Language::Go,
        Language::Java,
        Language::CSharp,
    ];

    /// The id used in files, progress and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::Go => "go",
            Language::Java => "java",
            Language::CSharp => "csharp",
        }
    }

    /// The language whose [`id`](Language::id) is exactly `id` (folder names are exact, unlike
    /// the command line's spellings).
    pub fn from_id(id: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The name shown to people.
    pub fn display_name(self) -> &'static str {
        match self {
            Language::Python => "Python",
            Language::Go => "Go",
            Language::Java => "Java",
            Language::CSharp => "C#",
        }
    }

    /// The file a learner edits, inside the language's directory.
    pub fn file_name(self) -> &'static str {
        match self {
            Language::Python => "main.py",
            Language::Go => "main.go",
            Language::Java => "Main.java",
            Language::CSharp => "Program.cs",
        }
    }

    /// The token syntect knows the language by.
    pub fn syntax_token(self) -> &'static str {
        match self {
            Language::Python => "py",
            Language::Go => "go",
            Language::Java => "java",
            Language::CSharp => "cs",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.display_name())
    }
}

impl FromStr for Language {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "python" | "py" => Ok(Language::Python),
            "go" | "golang" => Ok(Language::Go),
            "java" => Ok(Language::Java),
            "csharp" | "c#" | "cs" => Ok(Language::CSharp),
            _ => Err(format!(
                "unknown language '{s}': use python, go, java or csharp"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_from_str() {
        for lang in Language::ALL {
            assert_eq!(lang.id().parse::<Language>(), Ok(lang));
        }
        assert_eq!("C#".parse::<Language>(), Ok(Language::CSharp));
        assert!("rust".parse::<Language>().is_err());
    }
}
