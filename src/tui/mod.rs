//! The terminal UI: `microlings` with no subcommand.
//!
//! Elm-style: [`Msg`] in, [`App::update`] changes state and returns [`Cmd`]s, the runtime in this
//! module carries them out (checks on worker threads, saves on a saver thread, the editor with
//! the terminal suspended) and [`view::render`] draws a pure function of the state.

pub mod app;
pub mod editor;
pub mod exercise;
pub mod input;
pub mod keys;
pub mod lab;
pub mod lesson;
pub mod map;
pub mod msg;
pub mod popup;
pub mod report;
pub mod terminal;
pub mod view;
pub mod watch;

use std::collections::{HashMap, VecDeque};
use std::process::Command;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

pub use app::App;
use msg::{Cmd, Msg};

use crate::course::{Course, Language};
use crate::progress::{Change, LoadNotice, ProgressStore};
use crate::run::{CancelToken, CheckOptions, Runner};
use crate::session::Context;
use crate::theme::{Theme, ThemeKind};
use crate::workspace::Workspace;

/// Spinner speed while checks run.
const TICK: Duration = Duration::from_millis(100);
/// How long a saved file may wait for its file event before the watcher falls back to polling.
const EVENT_DEADLINE: Duration = Duration::from_secs(3);

/// Picks the theme: monochrome when colour is off, else the given one, else a guess from
/// COLORFGBG (set by many terminals), else dark.
pub fn choose_theme(requested: Option<ThemeKind>, no_color: bool) -> ThemeKind {
    let no_color_env = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if no_color || no_color_env {
        return ThemeKind::Mono;
    }
    if let Some(kind) = requested {
        return kind;
    }
    let bg = std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| v.rsplit(';').next().and_then(|b| b.parse::<u8>().ok()));
    match bg {
        Some(7) | Some(9..=15) => ThemeKind::Light,
        _ => ThemeKind::Dark,
    }
}

/// Runs the TUI until the learner quits.
pub fn run(ctx: &Context, theme: ThemeKind) -> Result<()> {
    let course = Arc::new(ctx.course.clone());
    let store = ctx.data.progress();
    // A progress file from a newer version stops us here, before the screen changes.
    let (progress, notice) = store.load()?;
    let runner = Arc::new(ctx.runner());
    let available = Language::ALL
        .iter()
        .map(|&l| (l, runner.toolchains.available(l)))
        .collect();
    crate::highlight::preload();

    let mut guard = terminal::enter().context("cannot set up the terminal")?;
    let size = guard
        .terminal
        .size()
        .context("cannot read the terminal size")?;
    let (mut app, cmds) = App::new(
        course.clone(),
        progress,
        available,
        Theme::new(theme),
        (size.width, size.height),
    );
    app.message = match notice {
        Some(LoadNotice::MovedAsideCorrupt { moved_to, .. }) => Some(format!(
            "your progress file was unreadable; it was kept as {} and you start fresh",
            moved_to.display()
        )),
        Some(LoadNotice::Migrated { from }) => {
            Some(format!("progress upgraded from version {from}"))
        }
        None => None,
    };

    let (tx, rx) = mpsc::channel();
    let control = input::InputControl::default();
    input::spawn(tx.clone(), control.clone()).context("cannot start the input thread")?;
    #[cfg(unix)]
    spawn_signal_thread(tx.clone())?;
    let saver = Saver::spawn(store, tx.clone())?;
    let mut rt = Runtime {
        tx: tx.clone(),
        course,
        workspace: ctx.data.workspace(),
        runner,
        cancel: CancelToken::new(),
        watcher: watch::FileWatcher::new(tx),
        watched: None,
        known: HashMap::new(),
        expect_event: None,
        control: control.clone(),
        saver,
        pending: VecDeque::new(),
        report_path: ctx.data.root().join("report.md"),
        lab_cancel: CancelToken::new(),
        workers: Vec::new(),
    };
    spawn_highlight_watch(rt.tx.clone());
    let result = event_loop(&mut app, &mut rt, &rx, &mut guard.terminal, cmds);
    rt.cancel.cancel();
    rt.lab_cancel.cancel();
    // Cancelled workers kill their process groups within ~50 ms; wait for that, so nothing
    // the learner started outlives microlings.
    let until = Instant::now() + Duration::from_secs(3);
    while rt.workers.iter().any(|h| !h.is_finished()) && Instant::now() < until {
        std::thread::sleep(Duration::from_millis(10));
    }
    control.stop();
    rt.saver.finish();
    drop(guard);
    result
}

fn event_loop(
    app: &mut App,
    rt: &mut Runtime,
    rx: &Receiver<Msg>,
    terminal: &mut terminal::Term,
    first: Vec<Cmd>,
) -> Result<()> {
    rt.execute(first, app, terminal);
    rt.drain_pending(app, terminal);
    terminal.draw(|f| view::render(app, f))?;
    while !app.quit {
        let msg = match rt.wait(app, rx) {
            Some(msg) => msg,
            None => continue,
        };
        rt.handle(msg, app, terminal);
        // Handle everything already queued before drawing once: key repeats stay smooth.
        while !app.quit {
            match rx.try_recv() {
                Ok(msg) => rt.handle(msg, app, terminal),
                Err(_) => break,
            }
        }
        if !app.quit {
            terminal.draw(|f| view::render(app, f))?;
        }
    }
    Ok(())
}

/// Carries out commands.
struct Runtime {
    tx: Sender<Msg>,
    course: Arc<Course>,
    workspace: Workspace,
    runner: Arc<Runner>,
    cancel: CancelToken,
    watcher: watch::FileWatcher,
    watched: Option<String>,
    /// The contents microlings last saw of each file, to ignore events that change nothing.
    known: HashMap<(String, Language), String>,
    /// A file was written; its event should arrive by then, or events are not delivered.
    expect_event: Option<Instant>,
    control: input::InputControl,
    saver: Saver,
    pending: VecDeque<Msg>,
    report_path: std::path::PathBuf,
    lab_cancel: CancelToken,
    /// Check and lab threads, joined (briefly) on exit.
    workers: Vec<std::thread::JoinHandle<()>>,
}

impl Runtime {
    /// Waits for the next message: blocking when nothing animates (no CPU when idle).
    fn wait(&mut self, app: &App, rx: &Receiver<Msg>) -> Option<Msg> {
        let deadline = match (app.animating(), self.expect_event) {
            (true, e) => Some(e.map_or(Instant::now() + TICK, |e| e.min(Instant::now() + TICK))),
            (false, e) => e,
        };
        let Some(deadline) = deadline else {
            return rx.recv().ok().or(Some(Msg::Terminate));
        };
        match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(msg) => Some(msg),
            Err(RecvTimeoutError::Timeout) => {
                if self.expect_event.is_some_and(|e| Instant::now() >= e) {
                    self.expect_event = None;
                    self.fall_back_to_polling();
                    return None;
                }
                Some(Msg::Tick)
            }
            Err(RecvTimeoutError::Disconnected) => Some(Msg::Terminate),
        }
    }

    fn handle(&mut self, msg: Msg, app: &mut App, terminal: &mut terminal::Term) {
        let msg = match msg {
            Msg::FileChanged { exercise, language } => {
                self.expect_event = None;
                // Editors touch files without changing them; only a real change re-checks.
                let Some(ex) = self.course.exercise(&exercise) else {
                    return;
                };
                let text = self.workspace.read(ex, language).unwrap_or_default();
                if self.known.get(&(exercise.clone(), language)) == Some(&text) {
                    return;
                }
                self.known.insert((exercise.clone(), language), text);
                Msg::FileChanged { exercise, language }
            }
            other => other,
        };
        let cmds = app.update(msg);
        self.execute(cmds, app, terminal);
        self.drain_pending(app, terminal);
    }

    fn drain_pending(&mut self, app: &mut App, terminal: &mut terminal::Term) {
        while let Some(msg) = self.pending.pop_front() {
            let cmds = app.update(msg);
            self.execute(cmds, app, terminal);
        }
    }

    fn fall_back_to_polling(&mut self) {
        if self.watcher.polling {
            return;
        }
        self.watcher.polling = true;
        if let Some(slug) = self.watched.clone() {
            self.watch(Some(slug));
        }
        self.pending.push_back(Msg::Notice(
            "file events were not delivered: watching by polling every 0.5 s instead".into(),
        ));
    }

    fn watch(&mut self, slug: Option<String>) {
        self.watched = slug.clone();
        match slug {
            None => self.watcher.stop(),
            Some(slug) => {
                let dirs = Language::ALL
                    .iter()
                    .map(|&l| (l, self.workspace.dir(&slug, l)))
                    .collect();
                if let Err(e) = self.watcher.watch(&slug, dirs) {
                    self.pending
                        .push_back(Msg::Notice(format!("cannot watch files: {e}")));
                }
            }
        }
    }

    fn execute(&mut self, cmds: Vec<Cmd>, app: &mut App, terminal: &mut terminal::Term) {
        for cmd in cmds {
            match cmd {
                Cmd::LoadSources(slug) => {
                    let Some(ex) = self.course.exercise(&slug) else {
                        continue;
                    };
                    let sources: Vec<(Language, Result<String, String>)> = Language::ALL
                        .iter()
                        .map(|&l| {
                            let r = self.workspace.read(ex, l).map_err(|e| format!("{e:#}"));
                            if let Ok(text) = &r {
                                self.known.insert((slug.clone(), l), text.clone());
                            }
                            (l, r)
                        })
                        .collect();
                    self.pending.push_back(Msg::SourcesLoaded {
                        exercise: slug,
                        sources,
                    });
                }
                Cmd::Check {
                    batch,
                    exercise,
                    languages,
                } => self.check(batch, &exercise, languages),
                Cmd::CancelChecks => {
                    self.cancel.cancel();
                    self.cancel = CancelToken::new();
                }
                Cmd::Save(change) => self.saver.save(change),
                Cmd::OpenEditor(slug, lang) => {
                    let msg = self.open_editor(&slug, lang, terminal);
                    self.pending.push_back(msg);
                }
                Cmd::WriteFile(slug, lang, text) => {
                    let path = self.workspace.path(&slug, lang);
                    let error = crate::fsutil::write_atomic(&path, text.as_bytes())
                        .err()
                        .map(|e| format!("{}: {e}", path.display()));
                    if error.is_none() {
                        self.known.insert((slug.clone(), lang), text);
                        if self.watched.as_deref() == Some(slug.as_str()) && !self.watcher.polling {
                            self.expect_event = Some(Instant::now() + EVENT_DEADLINE);
                        }
                    }
                    if !app.quit {
                        self.pending.push_back(Msg::FileWritten {
                            language: lang,
                            error,
                        });
                    }
                }
                Cmd::ResetFile(slug, lang) => {
                    if let Some(ex) = self.course.exercise(&slug)
                        && let Err(e) = self.workspace.reset(ex, lang)
                    {
                        self.pending.push_back(Msg::Notice(format!("{e:#}")));
                    }
                }
                Cmd::Watch(slug) => {
                    if slug != self.watched {
                        self.watch(slug);
                    }
                }
                Cmd::RunLab => {
                    let runner = self.runner.clone();
                    let tx = self.tx.clone();
                    self.lab_cancel = CancelToken::new();
                    let cancel = self.lab_cancel.clone();
                    let spawned = std::thread::Builder::new()
                        .name("lab".into())
                        .spawn(move || {
                            let opts = crate::run::lab::LabOptions {
                                cancel,
                                ..Default::default()
                            };
                            let events = tx.clone();
                            let run = crate::run::lab::run_lab(&runner, &opts, |e| {
                                let _ = events.send(Msg::Lab(e));
                            });
                            let _ = tx.send(Msg::LabDone(Box::new(run)));
                        });
                    match spawned {
                        Ok(h) => self.workers.push(h),
                        Err(e) => self
                            .pending
                            .push_back(Msg::Notice(format!("cannot start the lab: {e}"))),
                    }
                }
                Cmd::CancelLab => self.lab_cancel.cancel(),
                Cmd::SaveReport(text) => {
                    let path = self.report_path.clone();
                    let note = match crate::fsutil::write_atomic(&path, text.as_bytes()) {
                        Ok(()) => format!("report saved to {}", path.display()),
                        Err(e) => format!("cannot save the report to {}: {e}", path.display()),
                    };
                    self.pending.push_back(Msg::Notice(note));
                }
                Cmd::Quit => {}
            }
        }
    }

    fn check(&mut self, batch: u64, slug: &str, languages: Vec<Language>) {
        self.workers.retain(|h| !h.is_finished());
        let Some(ex) = self.course.exercise(slug) else {
            return;
        };
        for lang in languages {
            let ex = ex.clone();
            let runner = self.runner.clone();
            let workspace = self.workspace.clone();
            let tx = self.tx.clone();
            let cancel = self.cancel.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("check-{}", lang.id()))
                .spawn(move || {
                    let outcome = match workspace.read_bytes(&ex, lang) {
                        Ok(src) => runner.check(
                            &ex,
                            lang,
                            &src,
                            &CheckOptions {
                                use_cache: true,
                                cancel,
                            },
                        ),
                        Err(e) => {
                            let mut o = runner.check(
                                &ex,
                                lang,
                                "",
                                &CheckOptions {
                                    use_cache: false,
                                    cancel: CancelToken::new(),
                                },
                            );
                            o.message = format!("cannot read your file: {e:#}");
                            o
                        }
                    };
                    let _ = tx.send(Msg::CheckDone {
                        batch,
                        outcome: Box::new(outcome),
                    });
                });
            match spawned {
                Ok(h) => self.workers.push(h),
                Err(e) => self
                    .pending
                    .push_back(Msg::Notice(format!("cannot start a check: {e}"))),
            }
        }
    }

    /// Suspends the TUI, runs the learner's editor on the file, and comes back.
    fn open_editor(&mut self, slug: &str, lang: Language, terminal: &mut terminal::Term) -> Msg {
        let closed = |error: Option<String>, note: Option<String>| Msg::EditorClosed {
            language: lang,
            error,
            note,
        };
        let Some(ex) = self.course.exercise(slug) else {
            return closed(Some("unknown exercise".into()), None);
        };
        let path = match self.workspace.ensure(ex, lang) {
            Ok(p) => p,
            Err(e) => return closed(Some(format!("{e:#}")), None),
        };
        let Some((program, args, note)) = editor_command() else {
            return closed(Some("no editor found: set $EDITOR (e.g. export EDITOR=nano), or press i to edit here".into()), None);
        };
        self.control.pause();
        let suspended = terminal::suspend();
        let status = Command::new(&program).args(&args).arg(&path).status();
        let resumed = terminal::resume(terminal);
        self.control.resume();
        let error = match (suspended, status, resumed) {
            (Err(e), _, _) | (_, _, Err(e)) => Some(format!("terminal: {e}")),
            (_, Err(e), _) => Some(format!(
                "cannot start `{program}`: {e}; set $EDITOR or press i to edit here"
            )),
            (_, Ok(s), _) if !s.success() => Some(format!("`{program}` exited with {s}")),
            _ => None,
        };
        closed(error, note)
    }
}

/// The learner's editor: $VISUAL, then $EDITOR (either may carry arguments, e.g. `code -w`),
/// then a sensible default that exists here, with a note saying so.
fn editor_command() -> Option<(String, Vec<String>, Option<String>)> {
    for var in ["VISUAL", "EDITOR"] {
        if let Ok(v) = std::env::var(var) {
            let mut parts = v.split_whitespace().map(str::to_string);
            if let Some(program) = parts.next() {
                return Some((program, parts.collect(), None));
            }
        }
    }
    let defaults: &[&str] = if cfg!(windows) {
        &["notepad"]
    } else {
        &["nano", "vim", "vi"]
    };
    defaults
        .iter()
        .find(|p| crate::run::toolchain::which(p).is_some())
        .map(|p| {
            (
                p.to_string(),
                Vec::new(),
                Some(format!(
                    "opened {p} because $VISUAL and $EDITOR are not set"
                )),
            )
        })
}

/// Tells the app when the syntaxes have loaded (they load in the background so that the first
/// frame does not wait), so code shown plain can be redrawn in colour.
fn spawn_highlight_watch(tx: Sender<Msg>) {
    let _ = std::thread::Builder::new()
        .name("highlight-ready".into())
        .spawn(move || {
            let until = Instant::now() + Duration::from_secs(10);
            while !crate::highlight::is_loaded() && Instant::now() < until {
                std::thread::sleep(Duration::from_millis(10));
            }
            let _ = tx.send(Msg::HighlightReady);
        });
}

#[cfg(unix)]
fn spawn_signal_thread(tx: Sender<Msg>) -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])
        .context("cannot listen for signals")?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                let _ = tx.send(Msg::Terminate);
            }
        })
        .context("cannot start the signal thread")?;
    Ok(())
}

/// Saves progress changes in order on its own thread, so a slow disk never stalls a frame.
struct Saver {
    tx: Option<Sender<Change>>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Saver {
    fn spawn(store: ProgressStore, events: Sender<Msg>) -> Result<Self> {
        let (tx, rx) = mpsc::channel::<Change>();
        let handle = std::thread::Builder::new()
            .name("saver".into())
            .spawn(move || {
                for change in rx {
                    let msg = match store.update(|p| change.apply(p)) {
                        Ok((p, ())) => Msg::ProgressSaved(Box::new(p)),
                        Err(e) => Msg::ProgressError(format!("{e:#}")),
                    };
                    let _ = events.send(msg);
                }
            })
            .context("cannot start the saver thread")?;
        Ok(Saver {
            tx: Some(tx),
            handle: Some(handle),
        })
    }

    fn save(&self, change: Change) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(change);
        }
    }

    /// Waits until every queued change is on disk.
    fn finish(&mut self) {
        self.tx = None;
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
