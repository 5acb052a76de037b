//! microlings: a terminal course on choosing a language for microservices.
//!
//! The crate is split by concern: [`course`] (the content model and loader), [`run`] (running
//! learner code with the real toolchains), [`progress`] and [`workspace`] (what is saved),
//! [`session`] (the course and data directory a front end works with), and the two front
//! ends, [`cli`] (the commands) and [`tui`]. Modules form layers with no import cycles (see
//! docs/architecture.md; `tests/layering.rs` checks it).

pub mod cli;
pub mod clock;
pub mod course;
pub mod fsutil;
pub mod highlight;
pub mod inline_diff;
pub mod learner;
pub mod markdown;
pub mod paths;
pub mod progress;
pub mod report;
pub mod run;
pub mod session;
pub mod style;
pub mod theme;
pub mod tui;
pub mod visible;
pub mod workspace;
