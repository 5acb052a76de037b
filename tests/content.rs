//! The embedded course: it loads, and every starter fails and every solution passes in every
//! available language (all four in CI, where MICROLINGS_REQUIRE_TOOLCHAINS=1).

use std::process::Command;

#[test]
fn dev_check_passes_on_the_embedded_course() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_microlings"))
        .arg("--data-dir")
        .arg(data.path())
        .args(["--no-color", "dev", "check", "--no-cache"])
        // Share Go's build cache with the other tests; results are not cached (--no-cache).
        .env(
            "GOCACHE",
            std::env::temp_dir().join("microlings-test-cache/go-build"),
        )
        .output()
        .expect("run microlings dev check");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{text}");
    assert!(out.status.success(), "dev check failed:\n{text}");
    assert!(
        text.contains("every starter fails and every solution passes"),
        "{text}"
    );
}
