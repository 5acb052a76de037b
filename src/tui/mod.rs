//! The terminal UI: `microlings` with no subcommand.
//!
//! Elm-style: [`Msg`] in, [`App::update`] changes state and returns [`Cmd`]s, the runtime in this
//! module carries them out (checks on worker threads, writes on the saver thread, the editor
//! with the terminal suspended) and [`view::render`] draws a pure function of the state.
//!
//! Inside update, a key is looked up in `keys` to find its action; the screen that has the
//! keys (`map`, `lesson`, `exercise`, `editor`, `report`, `lab`, `popup`) handles it on its own
//! state and returns `intent::Intent`s that `app` carries out.

pub mod app;
mod detect;
pub mod editor;
pub mod exercise;
pub mod input;
pub mod intent;
pub mod keys;
pub mod lab;
pub mod layout;
pub mod learn;
pub mod lesson;
pub mod map;
pub mod msg;
mod navigate;
pub mod popup;
pub mod report;
pub mod result;
mod saver;
pub mod terminal;
mod update;
pub mod view;
pub mod watch;

use std::collections::{HashMap, VecDeque};
use std::process::Command;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};

pub use app::App;
use detect::RunnerSlot;
use msg::{Cmd, Msg};
use saver::{Job, Saver};

use crate::course::{Course, Language};
use crate::run::{CancelToken, CheckOptions};
use crate::session::Context;
use crate::theme::{Theme, ThemeKind};
use crate::workspace::Workspace;

/// Spinner speed while checks run.
const TICK: Duration = Duration::from_millis(100);
/// How long a saved file may wait for its file event before the watcher falls back to polling.
const EVENT_DEADLINE: Duration = Duration::from_secs(3);

pub use terminal::choose_theme;

/// Runs the TUI until the learner quits.
pub fn run(ctx: &Context, theme: ThemeKind) -> Result<()> {
    let course = Arc::new(ctx.course.clone());
    let store = ctx.data.progress();
    // A progress file from a newer version stops us here, before the screen changes.
    let (progress, notice) = store.load()?;
    crate::highlight::preload();
    // Every language counts as available until detection (after the first frame) says.
    let available = Language::ALL.iter().map(|&l| (l, true)).collect();

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
    app.message = notice
        .as_ref()
        .map(|n| crate::learner::notice::progress_notice(n).text);

    let (tx, rx) = mpsc::channel();
    let control = input::InputControl::default();
    input::spawn(tx.clone(), control.clone()).context("cannot start the input thread")?;
    #[cfg(unix)]
    spawn_signal_thread(tx.clone())?;
    let saver = Saver::spawn(store, tx.clone())?;
    let runner = RunnerSlot::start(
        ctx.data.toolchain_cache(),
        ctx.data.runner_dirs(),
        tx.clone(),
    );
    let mut rt = Runtime::new(
        tx.clone(),
        course,
        ctx.data.workspace(),
        runner,
        control.clone(),
        saver,
        ctx.data.root().join("report.md"),
    );
    spawn_highlight_watch(tx);
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
    rt.execute(first);
    rt.follow_up(app, terminal);
    terminal.draw(|f| view::render(app, f))?;
    while !app.quit {
        let msg = rt.wait(app.animating(), rx);
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
    runner: RunnerSlot,
    cancel: CancelToken,
    watcher: watch::FileWatcher,
    watched: Option<String>,
    /// The contents microlings last saw of each file, to ignore events that change nothing.
    known: HashMap<(String, Language), String>,
    /// Size and modification time of each watched file when a file event last read it.
    stamps: HashMap<(String, Language), (u64, std::time::SystemTime)>,
    /// A file was written; its event should arrive by then, or events are not delivered.
    expect_event: Option<Instant>,
    /// Files queued for the saver and not written yet.
    writing: usize,
    /// A file event arrived since the last file was queued (so none is awaited).
    event_since_write: bool,
    control: input::InputControl,
    saver: Saver,
    pending: VecDeque<Msg>,
    report_path: std::path::PathBuf,
    lab_cancel: CancelToken,
    /// Check and lab threads, joined (briefly) on exit.
    workers: Vec<std::thread::JoinHandle<()>>,
    /// The learner's editor is to be opened on this file once the commands are carried out.
    open_editor: Option<(String, Language)>,
}

impl Runtime {
    fn new(
        tx: Sender<Msg>,
        course: Arc<Course>,
        workspace: Workspace,
        runner: RunnerSlot,
        control: input::InputControl,
        saver: Saver,
        report_path: std::path::PathBuf,
    ) -> Self {
        Runtime {
            watcher: watch::FileWatcher::new(tx.clone()),
            tx,
            course,
            workspace,
            runner,
            cancel: CancelToken::new(),
            watched: None,
            known: HashMap::new(),
            stamps: HashMap::new(),
            expect_event: None,
            writing: 0,
            event_since_write: false,
            control,
            saver,
            pending: VecDeque::new(),
            report_path,
            lab_cancel: CancelToken::new(),
            workers: Vec::new(),
            open_editor: None,
        }
    }

    /// Waits for the next message: blocking when nothing animates (no CPU when idle). When
    /// file events stop arriving, the switch to polling is itself the message (its notice), so
    /// it is drawn at once rather than after the next event.
    fn wait(&mut self, animating: bool, rx: &Receiver<Msg>) -> Msg {
        loop {
            let deadline = match (animating, self.expect_event) {
                (true, e) => {
                    Some(e.map_or(Instant::now() + TICK, |e| e.min(Instant::now() + TICK)))
                }
                (false, e) => e,
            };
            let Some(deadline) = deadline else {
                return rx.recv().unwrap_or(Msg::Terminate);
            };
            match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
                Ok(msg) => return msg,
                Err(RecvTimeoutError::Timeout) => {
                    if self.expect_event.is_some_and(|e| Instant::now() >= e) {
                        self.expect_event = None;
                        if let Some(notice) = self.fall_back_to_polling() {
                            return notice;
                        }
                        continue;
                    }
                    return Msg::Tick;
                }
                Err(RecvTimeoutError::Disconnected) => return Msg::Terminate,
            }
        }
    }

    fn handle(&mut self, msg: Msg, app: &mut App, terminal: &mut terminal::Term) {
        let Some(msg) = self.intercept(msg) else {
            return;
        };
        let cmds = app.update(msg);
        self.execute(cmds);
        self.follow_up(app, terminal);
    }

    /// What the commands left to do on the loop thread: the learner's editor (it needs the
    /// terminal), then the messages they produced at once.
    fn follow_up(&mut self, app: &mut App, terminal: &mut terminal::Term) {
        loop {
            if let Some((slug, lang)) = self.open_editor.take() {
                let msg = self.open_editor(&slug, lang, terminal);
                self.pending.push_back(msg);
            }
            let Some(msg) = self.pending.pop_front() else {
                break;
            };
            let cmds = app.update(msg);
            self.execute(cmds);
        }
    }

    /// The runtime's own bookkeeping of a message before update sees it: a file written is
    /// due a file event; a file event that changes nothing (editors touch files) is dropped.
    fn intercept(&mut self, msg: Msg) -> Option<Msg> {
        match msg {
            Msg::FileWritten {
                exercise,
                language,
                error,
            } => {
                self.written(&exercise, language, error.is_none());
                Some(Msg::FileWritten {
                    exercise,
                    language,
                    error,
                })
            }
            Msg::FileChanged { exercise, language } => {
                self.expect_event = None;
                self.event_since_write = true;
                // Every open of a watched file is an event (inotify's IN_OPEN), reading it
                // included: a file whose size and time have not moved since it was last read
                // here (see `file_stamp` for coarse clocks) is not read again, or each read
                // would be the next event, a few times a second.
                let key = (exercise.clone(), language);
                let stamp = file_stamp(&self.workspace.path(&exercise, language));
                if stamp.is_some() && self.stamps.get(&key) == stamp.as_ref() {
                    return None;
                }
                // Editors touch files without changing them; only a real change re-checks.
                let ex = self.course.exercise(&exercise)?;
                let text = self.workspace.read(ex, language).unwrap_or_default();
                match stamp {
                    Some(s) => self.stamps.insert(key, s),
                    None => self.stamps.remove(&key),
                };
                if self.known.get(&(exercise.clone(), language)) == Some(&text) {
                    return None;
                }
                self.known.insert((exercise.clone(), language), text);
                Some(Msg::FileChanged { exercise, language })
            }
            other => Some(other),
        }
    }

    /// A file the saver wrote (or failed to): now its file event is due, if it is watched.
    fn written(&mut self, exercise: &str, language: Language, ok: bool) {
        self.writing = self.writing.saturating_sub(1);
        if !ok {
            // Not on disk: a later event with this text is a real change.
            self.known.remove(&(exercise.to_string(), language));
            return;
        }
        if self.watched.as_deref() == Some(exercise)
            && !self.watcher.polling
            && !self.event_since_write
            && self.writing == 0
        {
            self.expect_event = Some(Instant::now() + EVENT_DEADLINE);
        }
    }

    /// Switches the watcher to polling; returns the notice for the learner (once).
    fn fall_back_to_polling(&mut self) -> Option<Msg> {
        if self.watcher.polling {
            return None;
        }
        self.watcher.polling = true;
        if let Some(slug) = self.watched.clone() {
            self.watch(Some(slug));
        }
        Some(Msg::Notice(
            "file events were not delivered: watching by polling every 0.5 s instead".into(),
        ))
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

    /// Carries out commands; nothing here waits for the disk or a child (the learner's
    /// editor is opened by `follow_up`).
    fn execute(&mut self, cmds: Vec<Cmd>) {
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
                Cmd::Recall(slug) => self.recall(slug),
                Cmd::Check {
                    batch,
                    exercise,
                    languages,
                } => self.check(batch, &exercise, languages),
                Cmd::CancelChecks => {
                    self.cancel.cancel();
                    self.cancel = CancelToken::new();
                }
                Cmd::Save { seq, change } => self.saver.send(Job::Progress { seq, change }),
                Cmd::OpenEditor(slug, lang) => self.open_editor = Some((slug, lang)),
                Cmd::WriteFile(slug, lang, text) => {
                    // Known before it is written: the file event for our own write is not a
                    // change to re-check.
                    self.known.insert((slug.clone(), lang), text.clone());
                    self.writing += 1;
                    self.event_since_write = false;
                    self.saver.send(Job::File {
                        path: self.workspace.path(&slug, lang),
                        exercise: slug,
                        language: lang,
                        text,
                    });
                }
                Cmd::Watch(slug) => {
                    if slug != self.watched {
                        self.watch(slug);
                    }
                }
                Cmd::RunLab {
                    languages,
                    native_aot,
                } => {
                    let runner = self.runner.get();
                    let tx = self.tx.clone();
                    self.lab_cancel = CancelToken::new();
                    let cancel = self.lab_cancel.clone();
                    let spawned = std::thread::Builder::new()
                        .name("lab".into())
                        .spawn(move || {
                            let opts = crate::run::lab::LabOptions {
                                cancel,
                                languages,
                                native_aot,
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
                Cmd::SaveReport(text) => self.saver.send(Job::Report {
                    path: self.report_path.clone(),
                    text,
                }),
                Cmd::Quit => {}
            }
        }
    }

    /// Looks up an exercise's last checks on a thread (hashing four files and reading their
    /// cached outcomes is not for the event loop). Before the toolchains are known there is
    /// nothing to look up with: update asks again when they are (`Msg::Toolchains`).
    fn recall(&mut self, slug: String) {
        let (Some(runner), Some(ex)) = (self.runner.ready_now(), self.course.exercise(&slug))
        else {
            return;
        };
        let (ex, workspace, tx) = (ex.clone(), self.workspace.clone(), self.tx.clone());
        let spawned = std::thread::Builder::new()
            .name("recall".into())
            .spawn(move || {
                let outcomes = Language::ALL
                    .iter()
                    .filter_map(|&l| crate::learner::recall_language(&runner, &workspace, &ex, l))
                    .collect();
                let _ = tx.send(Msg::Recalled {
                    exercise: slug,
                    outcomes,
                });
            });
        // Without a thread the exercise only opens without its last results.
        if let Ok(h) = spawned {
            self.workers.push(h);
        }
    }

    fn check(&mut self, batch: u64, slug: &str, languages: Vec<Language>) {
        self.workers.retain(|h| !h.is_finished());
        let Some(ex) = self.course.exercise(slug) else {
            return;
        };
        let runner = self.runner.get();
        for lang in languages {
            let ex = ex.clone();
            let runner = runner.clone();
            let workspace = self.workspace.clone();
            let tx = self.tx.clone();
            let cancel = self.cancel.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("check-{}", lang.id()))
                .spawn(move || {
                    let opts = CheckOptions {
                        use_cache: true,
                        cancel,
                    };
                    let outcome =
                        crate::learner::check_language(&runner, &workspace, &ex, lang, &opts);
                    let _ = tx.send(Msg::CheckDone {
                        batch,
                        outcome: Box::new(outcome),
                        finished_at: crate::clock::now_secs(),
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
pub(crate) fn editor_command() -> Option<(String, Vec<String>, Option<String>)> {
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

/// A file's size and modification time, when they tell one version of the file from the
/// next: on a file system whose clock has sub-second ticks (the time has nanoseconds), or once
/// the time is two seconds old (FAT's and HFS+'s clocks tick every second or two, so a file
/// can change twice within one tick); `None` otherwise, or when it cannot be read.
fn file_stamp(path: &std::path::Path) -> Option<(u64, std::time::SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?;
    let fine_clock = modified
        .duration_since(std::time::UNIX_EPOCH)
        .is_ok_and(|t| t.subsec_nanos() != 0);
    let age = std::time::SystemTime::now()
        .duration_since(modified)
        .unwrap_or_default();
    (fine_clock || age >= Duration::from_secs(2)).then_some((meta.len(), modified))
}

/// Hands the syntaxes to the app once they have loaded (they load in the background so that
/// the first frame does not wait), so code shown plain can be redrawn in colour.
fn spawn_highlight_watch(tx: Sender<Msg>) {
    let _ = std::thread::Builder::new()
        .name("highlight-ready".into())
        .spawn(move || {
            // Waits for the load `preload` started (or loads them here).
            let _ = tx.send(Msg::HighlightReady(crate::highlight::syntaxes()));
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::Path;

    use super::*;
    use crate::run::{Runner, RunnerDirs, Toolchains};

    fn runtime(dir: &Path, tx: Sender<Msg>, write: saver::Write) -> Runtime {
        let course = Course {
            lessons: Vec::new(),
            exercises: BTreeMap::new(),
        };
        runtime_for(course, dir, tx, write)
    }

    fn runtime_for(course: Course, dir: &Path, tx: Sender<Msg>, write: saver::Write) -> Runtime {
        let store = crate::progress::ProgressStore::in_dir(dir);
        let saver = Saver::spawn_with(store, tx.clone(), write).expect("saver");
        let runner = Runner::new(
            Toolchains::from_results(BTreeMap::new()),
            RunnerDirs {
                scratch: dir.join("tmp"),
                cache: dir.join("cache"),
            },
        );
        Runtime::new(
            tx,
            Arc::new(course),
            Workspace::new(dir.join("workspace")),
            RunnerSlot::ready(runner),
            input::InputControl::default(),
            saver,
            dir.join("report.md"),
        )
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn reading_a_watched_file_is_not_a_change_that_reads_it_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course");
        let course = crate::course::load_course(Some(&fixture)).expect("the fixture course");
        let (tx, rx) = mpsc::channel();
        let mut rt = runtime_for(
            course,
            dir.path(),
            tx,
            Box::new(crate::fsutil::write_atomic),
        );
        // Every language's file, just written (a temporary directory's clock has nanoseconds).
        for lang in Language::ALL {
            let file = rt.workspace.path("fixture-sum", lang);
            std::fs::create_dir_all(file.parent().expect("parent")).expect("workspace");
            std::fs::write(&file, "1\n").expect("file");
        }
        let file = rt.workspace.path("fixture-sum", Language::Python);
        rt.execute(vec![Cmd::Watch(Some("fixture-sum".into()))]);
        assert!(!rt.watcher.polling, "inotify is needed for this test");
        // One read (as the recall thread's): inotify reports every open of a watched file.
        let _ = crate::fsutil::read_text_capped(&file, 1 << 20);
        let mut events = 0;
        let until = Instant::now() + Duration::from_secs(2);
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(msg @ Msg::FileChanged { .. }) => {
                    events += 1;
                    let _ = rt.intercept(msg);
                }
                Ok(_) => {}
                Err(_) => break,
            }
        }
        // The open, and the one read that looked at it; then nothing. Reading on every event
        // made each read the next event, about six a second.
        assert!(
            events <= 2,
            "{events} file events in 2 s of nothing changing"
        );
        rt.execute(vec![Cmd::Watch(None)]);
        rt.saver.finish();
    }

    #[test]
    fn a_slow_disk_does_not_hold_up_the_loop() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (tx, rx) = mpsc::channel();
        // The disk answers when the test says so.
        let (go, gate) = mpsc::channel::<()>();
        let write: saver::Write = Box::new(move |path, bytes| {
            let _ = gate.recv();
            crate::fsutil::write_atomic(path, bytes)
        });
        let mut rt = runtime(dir.path(), tx, write);
        rt.execute(vec![
            Cmd::WriteFile("greet".into(), Language::Python, "print(1)\n".into()),
            Cmd::SaveReport("# My report\n".into()),
        ]);
        // Back on the loop thread with the disk still busy: nothing is written yet.
        let file = rt.workspace.path("greet", Language::Python);
        assert!(!file.exists());
        assert!(!dir.path().join("report.md").exists());
        go.send(()).expect("release the file");
        go.send(()).expect("release the report");
        let wait = |rx: &Receiver<Msg>| rx.recv_timeout(Duration::from_secs(10)).expect("answer");
        assert!(
            matches!(wait(&rx), Msg::FileWritten { ref exercise, language: Language::Python, error: None } if exercise == "greet")
        );
        assert!(matches!(wait(&rx), Msg::Notice(ref n) if n.starts_with("report saved")));
        assert_eq!(
            crate::fsutil::read_text_capped(&file, u64::MAX).expect("written"),
            "print(1)\n"
        );
        rt.saver.finish();
    }

    #[test]
    fn when_file_events_stop_the_notice_comes_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (tx, rx) = mpsc::channel();
        let mut rt = runtime(dir.path(), tx, Box::new(crate::fsutil::write_atomic));
        rt.expect_event = Some(Instant::now());
        let started = Instant::now();
        // Nothing else is queued: the notice itself is the message, so it is drawn now.
        let msg = rt.wait(false, &rx);
        assert!(
            matches!(msg, Msg::Notice(ref n) if n.contains("polling")),
            "{msg:?}"
        );
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(rt.watcher.polling);
        // Said once.
        rt.tx.send(Msg::Tick).expect("send");
        assert!(matches!(rt.wait(false, &rx), Msg::Tick));
        rt.saver.finish();
    }

    #[test]
    fn a_file_written_awaits_its_event_unless_it_came_first() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (tx, _rx) = mpsc::channel();
        let mut rt = runtime(dir.path(), tx, Box::new(crate::fsutil::write_atomic));
        rt.watched = Some("greet".into());
        let written = || Msg::FileWritten {
            exercise: "greet".into(),
            language: Language::Go,
            error: None,
        };
        rt.execute(vec![Cmd::WriteFile(
            "greet".into(),
            Language::Go,
            "package main\n".into(),
        )]);
        assert!(rt.intercept(written()).is_some());
        assert!(rt.expect_event.is_some(), "written: its event is due");
        // The event came before the saver's answer: nothing is awaited after it.
        rt.execute(vec![Cmd::WriteFile(
            "greet".into(),
            Language::Go,
            "package main\n\n".into(),
        )]);
        rt.expect_event = None;
        let event = Msg::FileChanged {
            exercise: "greet".into(),
            language: Language::Go,
        };
        assert!(
            rt.intercept(event).is_none(),
            "not an exercise of this course"
        );
        assert!(rt.intercept(written()).is_some());
        assert_eq!(rt.expect_event, None);
        rt.saver.finish();
    }
}
