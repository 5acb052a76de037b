//! The lab's "C# Native AOT" row: the same C# service published with `PublishAot`, so the
//! JIT-versus-AOT trade-off of lesson 3 is measured on the learner's machine.
//!
//! A Native AOT build needs what a check does not: the ILCompiler packages from NuGet (restored
//! into the learner's own NuGet cache, as `dotnet publish` would, so they are downloaded once
//! per machine rather than once per data directory) and a native linker (clang, and zlib on
//! Linux). When one is missing the row says which, in one line.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::build::{Built, file_size};
use crate::run::process::{self, CancelToken, Limits, ProcessSpec, Termination};
use crate::run::toolchain::{Program, Toolchain, which};
use crate::run::{OUTPUT_CAP, Runner};

/// A first build restores a few hundred MB of packages; later ones take half a minute.
const PUBLISH_LIMIT: Duration = Duration::from_secs(600);

/// The runtime identifier of this machine, as .NET names it.
pub fn runtime_identifier() -> Option<&'static str> {
    let os = match std::env::consts::OS {
        "linux" => "linux",
        "macos" => "osx",
        "windows" => "win",
        _ => return None,
    };
    let arch = match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        _ => return None,
    };
    Some(match (os, arch) {
        ("linux", "x64") => "linux-x64",
        ("linux", _) => "linux-arm64",
        ("osx", "x64") => "osx-x64",
        ("osx", _) => "osx-arm64",
        ("win", "x64") => "win-x64",
        _ => "win-arm64",
    })
}

/// The project file of the published service: what `dotnet new webapiaot` writes.
fn project(major: u32) -> String {
    format!(
        r#"<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net{major}.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <InvariantGlobalization>true</InvariantGlobalization>
    <PublishAot>true</PublishAot>
    <AssemblyName>service</AssemblyName>
  </PropertyGroup>
</Project>
"#
    )
}

/// Where NuGet keeps packages for this user: `NUGET_PACKAGES`, else `~/.nuget/packages`.
fn nuget_cache() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("NUGET_PACKAGES").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::BaseDirs::new().map(|d| d.home_dir().join(".nuget").join("packages"))
}

/// Why a Native AOT build cannot be attempted on this machine, if it cannot.
pub fn unavailable(toolchain: &Toolchain) -> Option<String> {
    if toolchain.dotnet.is_none() {
        return Some("needs the .NET SDK".into());
    }
    let rid = runtime_identifier()?;
    if rid.starts_with("linux") {
        if which("clang").is_none() {
            return Some(
                "Native AOT links with clang, which is not on PATH (sudo apt-get install clang zlib1g-dev)"
                    .into(),
            );
        }
        let zlib = ["/usr/include/zlib.h", "/usr/local/include/zlib.h"];
        if !zlib.iter().any(|p| Path::new(p).is_file()) {
            return Some(
                "Native AOT needs zlib's development files (sudo apt-get install zlib1g-dev)"
                    .into(),
            );
        }
    }
    None
}

/// Publishes `source` as a Native AOT service in `dir`.
pub(super) fn build(
    runner: &Runner,
    toolchain: &Toolchain,
    dir: &Path,
    source: &str,
    cancel: &CancelToken,
) -> Result<Built, String> {
    if let Some(why) = unavailable(toolchain) {
        return Err(why);
    }
    let Some(rid) = runtime_identifier() else {
        return Err(format!(
            "Native AOT is not built for {} {} here",
            std::env::consts::OS,
            std::env::consts::ARCH
        ));
    };
    let major = toolchain.dotnet.as_ref().map(|d| d.major).unwrap_or(8);
    let io = |e: std::io::Error| format!("cannot prepare the build: {e}");
    std::fs::write(dir.join("Program.cs"), source).map_err(io)?;
    std::fs::write(dir.join("service.csproj"), project(major)).map_err(io)?;
    let cache = runner.dirs().cache.clone();
    let mut env: Vec<(String, String)> = vec![
        ("HOME".into(), dir.display().to_string()),
        ("LANG".into(), "C.UTF-8".into()),
        ("DOTNET_CLI_TELEMETRY_OPTOUT".into(), "1".into()),
        ("DOTNET_NOLOGO".into(), "1".into()),
        ("DOTNET_SKIP_FIRST_TIME_EXPERIENCE".into(), "1".into()),
        (
            "DOTNET_CLI_HOME".into(),
            cache.join("dotnet-home").display().to_string(),
        ),
    ];
    for var in ["PATH", "DOTNET_ROOT", "TMPDIR"] {
        if let Ok(value) = std::env::var(var) {
            env.push((var.into(), value));
        }
    }
    if let Some(packages) = nuget_cache() {
        env.push(("NUGET_PACKAGES".into(), packages.display().to_string()));
    }
    let publish = ProcessSpec {
        program: toolchain.program(Program::Dotnet).to_path_buf(),
        args: [
            "publish",
            "-c",
            "Release",
            "-r",
            rid,
            "-o",
            "out",
            "--nologo",
            // Nothing may outlive the build: no MSBuild nodes, no compiler server.
            "-nodeReuse:false",
            "-p:UseSharedCompilation=false",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        dir: dir.to_path_buf(),
        env: env.clone(),
        stdin: None,
    };
    let limits = Limits {
        timeout: PUBLISH_LIMIT,
        output_cap: OUTPUT_CAP,
    };
    let r = process::run_toolchain(&publish, limits, cancel).map_err(|e| e.to_string())?;
    if r.termination != Termination::Exited(0) {
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&r.stdout),
            String::from_utf8_lossy(&r.stderr)
        );
        return Err(first_error(&text, r.termination));
    }
    let exe = dir.join("out").join(if cfg!(windows) {
        "service.exe"
    } else {
        "service"
    });
    Ok(Built {
        run: ProcessSpec {
            program: exe.clone(),
            args: vec![],
            dir: dir.to_path_buf(),
            env,
            stdin: None,
        },
        build_ms: Some(r.duration.as_millis() as u64),
        artifact_bytes: file_size(&exe),
        artifact: "native binary (needs no .NET runtime)".to_string(),
    })
}

/// The line of `dotnet publish`'s output that says what went wrong, without the project path
/// MSBuild appends.
fn first_error(text: &str, termination: Termination) -> String {
    let line = text
        .lines()
        .find(|l| l.contains("error"))
        .map(|l| match l.rfind(" [") {
            Some(i) if l.ends_with(']') => &l[..i],
            _ => l,
        })
        .map(|l| l.trim().to_string());
    match line {
        Some(l) => format!("the Native AOT build failed: {l}"),
        None => format!("the Native AOT build failed ({termination:?})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_build_error_is_the_line_that_says_error() {
        let out = "  Determining projects to restore...\n/x/Program.cs(3,1): error CS1002: ; expected [/x/service.csproj]\n";
        assert_eq!(
            first_error(out, Termination::Exited(1)),
            "the Native AOT build failed: /x/Program.cs(3,1): error CS1002: ; expected"
        );
        assert!(first_error("", Termination::Exited(1)).contains("Exited(1)"));
    }

    #[test]
    fn this_machine_has_a_runtime_identifier() {
        if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
            assert_eq!(runtime_identifier(), Some("linux-x64"));
        }
    }
}
