//! TUI budgets: time to the first frame, lesson rendering, frame drawing, and (in a real
//! terminal under tmux) resident memory and CPU while idle. Run with `cargo bench --bench tui`.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use microlings::course::{Language, load_course};
use microlings::markdown::render;
use microlings::paths::DataDir;
use microlings::run::Toolchains;
use microlings::theme::{Theme, ThemeKind};
use microlings::tui::App;
use microlings::tui::msg::Msg;
use microlings::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn first_frame(data: &DataDir) -> Duration {
    let t0 = Instant::now();
    let course = Arc::new(load_course(None).expect("course"));
    let (progress, _) = data.progress().load().expect("progress");
    // As the TUI does: toolchains are detected on a thread of their own after the first
    // frame (every language counts as available until then); `detection` measures that.
    let available = Language::ALL.iter().map(|&l| (l, true)).collect();
    let (app, _) = App::new(
        course,
        progress,
        available,
        Theme::new(ThemeKind::Dark),
        (160, 48),
    );
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    terminal.draw(|f| view::render(&app, f)).expect("draw");
    t0.elapsed()
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::locate(Some(dir.path())).expect("data dir");
    Toolchains::detect_cached(&data.toolchain_cache()); // as after the first run
    let first = median((0..20).map(|_| first_frame(&data)).collect());
    println!(
        "first frame (load course + progress + draw 160x48; toolchains after it): {}",
        ms(first)
    );
    let detection = median(
        (0..20)
            .map(|_| {
                let t = Instant::now();
                Toolchains::detect_cached(&data.toolchain_cache());
                t.elapsed()
            })
            .collect(),
    );
    println!(
        "toolchain detection, cached (after the first frame): {}",
        ms(detection)
    );

    let course = load_course(None).expect("course");
    let longest = course
        .lessons
        .iter()
        .max_by_key(|l| l.body.len())
        .expect("lessons");
    let theme = Theme::new(ThemeKind::Dark);
    microlings::highlight::preload();
    while !microlings::highlight::is_loaded() {
        std::thread::sleep(Duration::from_millis(5));
    }
    let quizzes: Vec<microlings::markdown::QuizView> = longest
        .quizzes
        .iter()
        .map(|quiz| microlings::markdown::QuizView {
            quiz,
            selected: None,
            answered: None,
            focused: false,
            first_try: None,
        })
        .collect();
    let render_time = median(
        (0..50)
            .map(|_| {
                let t = Instant::now();
                let r = render(&longest.body, 160, &theme, &quizzes);
                std::hint::black_box(r);
                t.elapsed()
            })
            .collect(),
    );
    println!(
        "render the longest lesson ({}, {} bytes) at 160 columns: {}",
        longest.slug,
        longest.body.len(),
        ms(render_time)
    );

    let longest_slug = longest.slug.clone();
    let course = Arc::new(course.clone());
    let available: microlings::tui::app::Availability =
        Language::ALL.iter().map(|&l| (l, true)).collect();
    let mut worst = Duration::ZERO;
    for screen in ["map", "lesson", "exercise"] {
        let (mut app, _) = App::new(
            course.clone(),
            Default::default(),
            available.clone(),
            theme.clone(),
            (160, 48),
        );
        app.overlay = None;
        match screen {
            "lesson" => {
                let i = course
                    .lessons
                    .iter()
                    .position(|l| l.slug == longest_slug)
                    .unwrap_or(0);
                app.open_lesson(i);
                app.update(Msg::Resize(160, 48));
            }
            "exercise" => {
                let slug = course.lessons[1].exercises[0].clone();
                app.open_exercise(&slug, None);
                let sources = Language::ALL
                    .iter()
                    .map(|&l| {
                        (
                            l,
                            Ok(course.exercise(&slug).expect("ex").starter(l).to_string()),
                        )
                    })
                    .collect();
                app.update(Msg::SourcesLoaded {
                    exercise: slug,
                    sources,
                });
            }
            _ => {}
        }
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
        let t = median(
            (0..100)
                .map(|_| {
                    let t = Instant::now();
                    terminal.draw(|f| view::render(&app, f)).expect("draw");
                    t.elapsed()
                })
                .collect(),
        );
        worst = worst.max(t);
        println!("draw {screen} at 160x48: {}", ms(t));
    }
    println!("slowest frame: {}", ms(worst));
    project_files(&course, &data);
    real_terminal(dir.path());
}

/// What opening an exercise costs with the generated project files (go.mod, C# project,
/// go.work, solution...; the TUI reads all four sources with `Workspace::read`) against reading
/// the sources alone (`read_bytes`, which makes no project file): on the first open, when
/// everything is written, and when it is opened again.
fn project_files(course: &microlings::course::Course, data: &DataDir) {
    let settings = microlings::workspace::ProjectSettings::for_toolchains(
        &Toolchains::detect_cached(&data.toolchain_cache()),
    );
    let dir = tempfile::tempdir().expect("tempdir");
    // A new Workspace per open, so that each one looks at every generated file (one Workspace
    // would skip an exercise it looked at less than RECHECK_AFTER ago).
    let workspace = |name: &str| {
        microlings::workspace::Workspace::new(dir.path().join(name)).with_settings(settings.clone())
    };
    let open = |ws: microlings::workspace::Workspace, ex, projects: bool| {
        let t = Instant::now();
        for lang in Language::ALL {
            if projects {
                std::hint::black_box(ws.read(ex, lang).expect("read"));
            } else {
                std::hint::black_box(ws.read_bytes(ex, lang).expect("read"));
            }
        }
        t.elapsed()
    };
    let exercises: Vec<_> = course.exercises_in_order().map(|(_, e)| e).collect();
    let mut first = (Vec::new(), Vec::new());
    let mut again = (Vec::new(), Vec::new());
    for ex in &exercises {
        first.0.push(open(workspace("sources"), *ex, false));
        first.1.push(open(workspace("projects"), *ex, true));
    }
    for ex in &exercises {
        again.0.push(open(workspace("sources"), *ex, false));
        again.1.push(open(workspace("projects"), *ex, true));
    }
    for (label, (plain, projects)) in [("first open", first), ("opened again", again)] {
        let (plain, projects) = (median(plain), median(projects));
        println!(
            "open an exercise, {label} ({} exercises, median): sources {}, with project files {} (+{})",
            exercises.len(),
            ms(plain),
            ms(projects),
            ms(projects.saturating_sub(plain))
        );
    }
}

/// Starts the real binary in tmux and reads its memory and CPU time from /proc.
fn real_terminal(data: &std::path::Path) {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("tmux not installed: skipping memory and idle CPU");
        return;
    }
    let name = format!("ml-bench-{}", std::process::id());
    let cmd = format!(
        "env MICROLINGS_HOME={} {}",
        data.display(),
        env!("CARGO_BIN_EXE_microlings")
    );
    let _ = Command::new("tmux")
        .args([
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            "160",
            "-y",
            "48",
            &cmd,
        ])
        .status();
    std::thread::sleep(Duration::from_millis(1500));
    let pid = Command::new("tmux")
        .args(["list-panes", "-t", &name, "-F", "#{pane_pid}"])
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .trim()
                .parse::<u32>()
                .ok()
        });
    let Some(pid) = pid else {
        println!("could not find the TUI process");
        return;
    };
    // Open the longest lesson and an exercise so the syntax sets are loaded and used.
    for keys in [["Enter"], ["j"], ["Enter"], ["G"], ["x"]] {
        let _ = Command::new("tmux")
            .args(["send-keys", "-t", &name])
            .args(keys)
            .status();
        std::thread::sleep(Duration::from_millis(300));
    }
    let cpu = |pid: u32| -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    };
    let rss = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .map(str::to_string)
        });
    println!(
        "resident memory after opening a lesson and an exercise: {}",
        rss.unwrap_or_default().trim_start_matches("VmRSS:").trim()
    );
    let before = cpu(pid);
    std::thread::sleep(Duration::from_secs(5));
    let after = cpu(pid);
    if let (Some(a), Some(b)) = (before, after) {
        println!(
            "CPU time used in 5 s idle: {} clock ticks (1 tick = 10 ms)",
            b - a
        );
    }
    let _ = Command::new("tmux")
        .args(["kill-session", "-t", &name])
        .status();
}
