//! The workspace: the learner's files and the generated project files around them.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

use super::*;
use std::collections::BTreeMap;
use std::time::Duration;

fn exercise() -> Exercise {
    exercise_named("demo", crate::course::ExerciseKind::Output)
}

fn exercise_named(slug: &str, kind: crate::course::ExerciseKind) -> Exercise {
    Exercise {
        slug: slug.into(),
        title: "Demo".into(),
        kind,
        timeout: Duration::from_secs(1),
        task: "t".into(),
        hints: vec![],
        notes: BTreeMap::new(),
        cases: vec![],
        service: None,
        starters: Language::ALL
            .iter()
            .map(|l| (*l, format!("starter {}", l.id())))
            .collect(),
        solutions: BTreeMap::new(),
        wrong: Vec::new(),
        advice: Vec::new(),
    }
}

#[test]
fn files_are_created_once_and_only_reset_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::new(dir.path().to_path_buf());
    let ex = exercise();
    assert_eq!(ws.read(&ex, Language::Go).expect("read"), "starter go");
    assert!(!ws.is_edited(&ex, Language::Go));
    let path = ws.path("demo", Language::Go);
    assert!(path.ends_with("demo/go/main.go"));
    std::fs::write(&path, "mine").expect("edit");
    assert!(ws.is_edited(&ex, Language::Go));
    ws.ensure(&ex, Language::Go).expect("ensure");
    assert_eq!(ws.read(&ex, Language::Go).expect("read"), "mine");
    ws.reset(&ex, Language::Go).expect("reset");
    assert_eq!(ws.read(&ex, Language::Go).expect("read"), "starter go");
}

fn settings(tfm: &str) -> ProjectSettings {
    ProjectSettings {
        csharp_target_framework: tfm.into(),
    }
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn opening_an_exercise_makes_its_folders_projects_with_the_checks_settings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::new(dir.path().to_path_buf()).with_settings(settings("net10.0"));
    let web = exercise_named("web", crate::course::ExerciseKind::Http);
    for lang in Language::ALL {
        ws.read(&exercise(), lang).expect("read");
        ws.read(&web, lang).expect("read");
    }
    let root = dir.path();
    let go_mod = read(root.join("demo/go/go.mod"));
    assert!(
        go_mod.ends_with("module exercise/demo\n\ngo 1.19\n"),
        "{go_mod}"
    );
    let console = read(root.join("demo/csharp/demo.csproj"));
    assert!(
        console.contains(r#"<Project Sdk="Microsoft.NET.Sdk">"#),
        "{console}"
    );
    assert!(console.contains("<TargetFramework>net10.0</TargetFramework>"));
    assert!(console.contains("<LangVersion>12</LangVersion>"));
    assert!(console.contains("<Nullable>enable</Nullable>"));
    assert!(console.contains("<ImplicitUsings>enable</ImplicitUsings>"));
    assert!(console.contains("<WarningLevel>4</WarningLevel>"));
    let service = read(root.join("web/csharp/web.csproj"));
    assert!(
        service.contains(r#"<Project Sdk="Microsoft.NET.Sdk.Web">"#),
        "{service}"
    );
    assert!(read(root.join("demo/java/.project")).contains("<name>demo-java</name>"));
    assert!(root.join("demo/java/.classpath").is_file());
    let python: Vec<_> = std::fs::read_dir(root.join("demo/python"))
        .expect("python dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(python, ["main.py"], "Python needs no project file");

    let go_work = read(root.join("go.work"));
    assert!(
        go_work.contains("use (\n\t./demo/go\n\t./web/go\n)"),
        "{go_work}"
    );
    let sln = read(root.join("microlings.sln"));
    assert!(
        sln.contains(r#"= "demo", "demo\csharp\demo.csproj""#),
        "{sln}"
    );
    assert!(sln.contains(r#"= "web", "web\csharp\web.csproj""#), "{sln}");
    assert!(read(root.join(".editorconfig")).contains("root = true"));
    assert!(read(root.join(".vscode/extensions.json")).contains("golang.go"));
    // Reading for a check makes nothing new: checks bring their own project files.
    let other = exercise_named("other", crate::course::ExerciseKind::Output);
    ws.read_bytes(&other, Language::Go).expect("read");
    assert!(!root.join("other/go/go.mod").exists());
}

#[test]
fn generated_files_follow_the_toolchain_and_come_back_but_the_learners_edits_stay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().to_path_buf();
    let ex = exercise();
    let csproj = root.join("demo/csharp/demo.csproj");
    let ws = Workspace::new(root.clone()).with_settings(settings("net8.0"));
    let (_, notices) = ws.ensure_noting(&ex, Language::CSharp).expect("ensure");
    assert!(notices.is_empty(), "{notices:?}");
    assert!(read(csproj.clone()).contains("net8.0"));

    // A newer SDK: microlings' own file follows it.
    let ws = Workspace::new(root.clone()).with_settings(settings("net10.0"));
    let (_, notices) = ws.ensure_noting(&ex, Language::CSharp).expect("ensure");
    assert!(notices.is_empty(), "{notices:?}");
    assert!(read(csproj.clone()).contains("net10.0"));

    // The learner's edit stays, with a notice saying so.
    let mine = read(csproj.clone()).replace("<Nullable>enable", "<Nullable>disable");
    std::fs::write(&csproj, &mine).expect("edit");
    let (_, notices) = ws.ensure_noting(&ex, Language::CSharp).expect("ensure");
    assert_eq!(read(csproj.clone()), mine);
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].0.contains("demo.csproj was changed by you"),
        "{notices:?}"
    );

    // Deleted: made again, as is a deleted go.work.
    std::fs::remove_file(&csproj).expect("delete");
    std::fs::remove_file(root.join("go.work")).expect("delete");
    let (_, notices) = ws.ensure_noting(&ex, Language::CSharp).expect("ensure");
    assert!(notices.is_empty(), "{notices:?}");
    assert!(read(csproj).contains("<Nullable>enable"));
    assert!(root.join("go.work").is_file());
}

#[test]
fn the_whole_course_is_made_at_once_and_a_file_in_the_way_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let ws = Workspace::new(root.to_path_buf()).with_settings(settings("net10.0"));
    std::fs::create_dir_all(root.join("b/go/go.mod")).expect("a directory in the way");
    let exercises = [
        exercise_named("a", crate::course::ExerciseKind::Output),
        exercise_named("b", crate::course::ExerciseKind::Output),
    ];
    let notices = ws.ensure_course(&exercises).expect("course");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].0.contains("is a directory"), "{notices:?}");
    for slug in ["a", "b"] {
        for lang in Language::ALL {
            assert!(ws.path(slug, lang).is_file(), "{slug} {lang:?}");
        }
    }
    // go.work lists only the Go folder that is a module.
    let go_work = read(root.join("go.work"));
    assert!(
        go_work.contains("./a/go") && !go_work.contains("./b/go"),
        "{go_work}"
    );
}

#[test]
fn the_csharp_project_targets_the_sdk_of_the_cached_detection() {
    use crate::run::toolchain::{DotnetSdk, Toolchain, Toolchains};
    let dir = tempfile::tempdir().expect("tempdir");
    let sdk = Toolchain {
        language: Language::CSharp,
        version: "10.0.100".into(),
        programs: vec!["/dn/dotnet".into()],
        dotnet: Some(DotnetSdk {
            major: 10,
            runtime: None,
            direct: None,
        }),
        go_cache: None,
    };
    let toolchains = Toolchains::from_results([(Language::CSharp, Ok(sdk))].into());
    let cache = dir.path().join("toolchains.json");
    let cached = serde_json::json!({ "fingerprint": [], "toolchains": toolchains });
    std::fs::write(&cache, cached.to_string()).expect("cache");
    let ws = Workspace::new(dir.path().join("a")).with_toolchain_cache(cache);
    assert_eq!(ws.settings().csharp_target_framework, "net10.0");
    ws.ensure(&exercise(), Language::CSharp).expect("ensure");
    assert!(read(dir.path().join("a/demo/csharp/demo.csproj")).contains("net10.0"));
    // No detection yet: the oldest supported SDK, until one is found.
    let ws =
        Workspace::new(dir.path().join("b")).with_toolchain_cache(dir.path().join("missing.json"));
    assert_eq!(ws.settings().csharp_target_framework, "net8.0");
}

#[test]
fn opening_again_soon_does_not_look_at_the_project_files_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::new(dir.path().to_path_buf()).with_settings(settings("net10.0"));
    let ex = exercise();
    ws.ensure(&ex, Language::Python).expect("ensure");
    // One language opened: the exercise is made in all four, so every project has its file.
    for lang in Language::ALL {
        assert!(ws.path("demo", lang).is_file(), "{lang:?}");
    }
    let go_mod = dir.path().join("demo/go/go.mod");
    std::fs::remove_file(&go_mod).expect("delete");
    ws.ensure(&ex, Language::Go).expect("ensure");
    assert!(!go_mod.exists(), "looked again within {RECHECK_AFTER:?}");
    ws.ensure_noting(&ex, Language::Go).expect("ensure");
    assert!(go_mod.is_file(), "made again when asked");
}
