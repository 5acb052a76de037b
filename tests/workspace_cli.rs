//! `microlings workspace` and `microlings open` end to end, on the fixture course.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

/// Runs microlings on the fixture course with its own data directory and `env`.
fn ml(data: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_microlings"));
    command
        .arg("--data-dir")
        .arg(data)
        .arg("--course")
        .arg(fixture())
        .args(args)
        .env_remove("VISUAL")
        .env_remove("EDITOR");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("run microlings")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn workspace_prints_only_the_folder_with_every_exercise_and_keeps_the_learners_edits() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = ml(data.path(), &["workspace"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let root = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim_end());
    assert_eq!(root, data.path().join("workspace"));
    for file in [
        "fixture-sum/python/main.py",
        "fixture-sum/go/main.go",
        "fixture-sum/go/go.mod",
        "fixture-sum/java/Main.java",
        "fixture-sum/java/.project",
        "fixture-sum/csharp/Program.cs",
        "fixture-sum/csharp/fixture-sum.csproj",
        "go.work",
        "microlings.sln",
        ".editorconfig",
        ".vscode/extensions.json",
    ] {
        assert!(root.join(file).is_file(), "{file} missing");
    }
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));

    // The learner changes their file and a project file: both stay, and they are told.
    let source = root.join("fixture-sum/python/main.py");
    std::fs::write(&source, "print('mine')\n").expect("edit");
    let go_mod = root.join("fixture-sum/go/go.mod");
    std::fs::write(&go_mod, "module mine\n\ngo 1.19\n").expect("edit");
    let out = ml(data.path(), &["workspace"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&source).expect("read"),
        "print('mine')\n"
    );
    assert_eq!(
        std::fs::read_to_string(&go_mod).expect("read"),
        "module mine\n\ngo 1.19\n"
    );
    assert!(
        stderr(&out).contains("go.mod was changed by you"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn open_starts_the_editor_on_the_file_in_its_folder() {
    use std::os::unix::fs::PermissionsExt;
    let data = tempfile::tempdir().expect("tempdir");
    let editor = data.path().join("editor.sh");
    let seen = data.path().join("seen");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho \"$(pwd -P) $1 $2\" > '{}'\n",
            seen.display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = ml(
        data.path(),
        &["open", "fixture-sum", "--lang", "go"],
        &[("EDITOR", &editor)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = data.path().join("workspace/fixture-sum/go");
    let dir = dir.canonicalize().expect("the folder exists");
    let file = data.path().join("workspace/fixture-sum/go/main.go");
    assert_eq!(
        std::fs::read_to_string(&seen)
            .expect("the editor ran")
            .trim_end(),
        format!("{} {}", dir.display(), file.display())
    );
    assert!(
        dir.join("go.mod").is_file(),
        "opening makes the project files"
    );

    // An editor that fails is reported.
    let out = ml(
        data.path(),
        &["open", "fixture-sum"],
        &[("VISUAL", Path::new("false"))],
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("`false` exited with"),
        "{}",
        stderr(&out)
    );
    // An unknown exercise gets the usual error.
    let out = ml(data.path(), &["open", "nope"], &[("EDITOR", &editor)]);
    assert!(
        stderr(&out).contains("there is no exercise 'nope'"),
        "{}",
        stderr(&out)
    );
}
