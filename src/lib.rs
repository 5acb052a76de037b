//! microlings: a terminal course on choosing a language for microservices.
//!
//! The crate is split by concern: [`course`] (the content model and loader), [`run`] (running
//! learner code with the real toolchains), [`progress`] and [`workspace`] (what is saved), and
//! [`cli`] (the non-interactive commands). The TUI drives the same modules.

pub mod cli;
pub mod clock;
pub mod course;
pub mod fsutil;
pub mod highlight;
pub mod inline_diff;
pub mod markdown;
pub mod paths;
pub mod progress;
pub mod report;
pub mod run;
pub mod style;
pub mod theme;
pub mod tui;
pub mod workspace;
