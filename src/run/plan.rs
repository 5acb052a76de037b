//! How each language is built and run: the commands, directories and environment.

use std::path::{Path, PathBuf};

use super::process::ProcessSpec;
use super::toolchain::{CSharpFlavor, Toolchain};
use crate::course::Language;

/// The Go language version pinned in the generated go.mod: the same semantics (e.g. one loop
/// variable shared by all iterations) on every Go release.
pub const GO_LANGUAGE_VERSION: &str = "1.19";

/// Where persistent build caches live (Go's GOCACHE, .NET's NuGet folder).
#[derive(Debug, Clone)]
pub struct CacheDirs {
    /// Root of all caches.
    pub root: PathBuf,
}

impl CacheDirs {
    fn dir(&self, name: &str) -> String {
        self.root.join(name).display().to_string()
    }
}

/// What to do to check one language: an optional build, then a run per case.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Files to write into the run directory before building (besides the source).
    pub extra_files: Vec<(String, String)>,
    /// The build step, if the language has one.
    pub build: Option<ProcessSpec>,
    /// The run step; stdin is set per case.
    pub run: ProcessSpec,
}

impl Plan {
    /// Writes `extra_files` into the run directory.
    pub fn write_files(&self, dir: &Path) -> std::io::Result<()> {
        for (name, contents) in &self.extra_files {
            let path = dir.join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, contents)?;
        }
        Ok(())
    }
}

fn base_env(dir: &Path) -> Vec<(String, String)> {
    let mut env = vec![
        ("LANG".to_string(), "C.UTF-8".to_string()),
        ("LC_ALL".to_string(), "C.UTF-8".to_string()),
        ("HOME".to_string(), dir.display().to_string()),
        // Not the run directory itself: Go ignores a go.mod that sits in the temp root.
        ("TMPDIR".to_string(), dir.join("tmp").display().to_string()),
    ];
    if let Some(path) = std::env::var_os("PATH") {
        env.push(("PATH".to_string(), path.to_string_lossy().into_owned()));
    }
    env
}

fn spec(program: &Path, args: &[&str], dir: &Path, env: &[(String, String)]) -> ProcessSpec {
    ProcessSpec {
        program: program.to_path_buf(),
        args: args.iter().map(|s| s.to_string()).collect(),
        dir: dir.to_path_buf(),
        env: env.to_vec(),
        stdin: None,
    }
}

/// Builds the plan for running `toolchain`'s language in `dir`, where the learner's file
/// (named `Language::file_name`) has been written.
pub fn plan(toolchain: &Toolchain, dir: &Path, caches: &CacheDirs, csharp_refs: &[String]) -> Plan {
    let mut env = base_env(dir);
    match toolchain.language {
        Language::Python => {
            env.push(("PYTHONDONTWRITEBYTECODE".into(), "1".into()));
            env.push(("PYTHONUTF8".into(), "1".into()));
            Plan {
                extra_files: vec![],
                build: None,
                run: spec(toolchain.program(0), &["-u", "main.py"], dir, &env),
            }
        }
        Language::Go => {
            env.extend([
                // The learner's own build cache (warm already); else one of ours.
                (
                    "GOCACHE".to_string(),
                    toolchain
                        .go_cache
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| caches.dir("go-build")),
                ),
                ("GOPATH".to_string(), caches.dir("gopath")),
                ("GOTOOLCHAIN".to_string(), "local".to_string()),
                ("GOPROXY".to_string(), "off".to_string()),
                ("GOFLAGS".to_string(), "-mod=mod".to_string()),
                ("GOENV".to_string(), "off".to_string()),
                ("GOTELEMETRY".to_string(), "off".to_string()),
                ("CGO_ENABLED".to_string(), "0".to_string()),
            ]);
            let exe = if cfg!(windows) { "prog.exe" } else { "prog" };
            Plan {
                extra_files: vec![
                    (
                        "go.mod".into(),
                        format!("module exercise\n\ngo {GO_LANGUAGE_VERSION}\n"),
                    ),
                    // Telemetry off: otherwise every build in a fresh HOME writes counter
                    // files there first (about 10 ms a build).
                    (".config/go/telemetry/mode".into(), "off\n".into()),
                ],
                build: Some(spec(
                    toolchain.program(0),
                    &["build", "-o", exe, "."],
                    dir,
                    &env,
                )),
                run: spec(&dir.join(exe), &[], dir, &env),
            }
        }
        Language::Java => Plan {
            extra_files: vec![],
            // C1 only and the serial GC roughly halve javac's start-up on small machines.
            build: Some(spec(
                toolchain.program(0),
                &[
                    "-J-XX:TieredStopAtLevel=1",
                    "-J-XX:+UseSerialGC",
                    "-J-XX:-UsePerfData",
                    "-encoding",
                    "UTF-8",
                    "-d",
                    "out",
                    "Main.java",
                ],
                dir,
                &env,
            )),
            run: spec(
                toolchain.program(1),
                &[
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-XX:-UsePerfData",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    "out",
                    "Main",
                ],
                dir,
                &env,
            ),
        },
        Language::CSharp => match toolchain.csharp {
            Some(CSharpFlavor::Dotnet) => {
                env.extend([
                    ("DOTNET_CLI_TELEMETRY_OPTOUT".to_string(), "1".to_string()),
                    ("DOTNET_NOLOGO".to_string(), "1".to_string()),
                    (
                        "DOTNET_SKIP_FIRST_TIME_EXPERIENCE".to_string(),
                        "1".to_string(),
                    ),
                    ("DOTNET_CLI_HOME".to_string(), caches.dir("dotnet-home")),
                    ("NUGET_PACKAGES".to_string(), caches.dir("nuget")),
                ]);
                let major = toolchain.version.split('.').next().unwrap_or("8");
                Plan {
                    extra_files: vec![("exercise.csproj".into(), csproj(major))],
                    build: Some(spec(
                        toolchain.program(0),
                        &[
                            "build",
                            "-o",
                            "out",
                            "--nologo",
                            "-v",
                            "q",
                            "-p:UseAppHost=false",
                        ],
                        dir,
                        &env,
                    )),
                    run: spec(toolchain.program(0), &["out/exercise.dll"], dir, &env),
                }
            }
            _ => {
                let mut args: Vec<String> = vec!["-debug".into(), "-out:Program.exe".into()];
                args.extend(csharp_refs.iter().map(|r| format!("-r:{r}")));
                args.push("Program.cs".into());
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                Plan {
                    extra_files: vec![],
                    build: Some(spec(toolchain.program(0), &args, dir, &env)),
                    run: spec(toolchain.program(1), &["--debug", "Program.exe"], dir, &env),
                }
            }
        },
    }
}

/// A project file for `dotnet build` that leaves out the implicit usings a Mono learner would
/// not have. Globalization stays on (not invariant): some exercises are about culture-aware
/// string comparison, which invariant mode would silently turn into ordinal comparison.
fn csproj(dotnet_major: &str) -> String {
    format!(
        r#"<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net{dotnet_major}.0</TargetFramework>
    <ImplicitUsings>disable</ImplicitUsings>
    <Nullable>disable</Nullable>
    <AssemblyName>exercise</AssemblyName>
  </PropertyGroup>
</Project>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toolchain(lang: Language, csharp: Option<CSharpFlavor>, programs: &[&str]) -> Toolchain {
        Toolchain {
            language: lang,
            version: "8.0.100".into(),
            programs: programs.iter().map(PathBuf::from).collect(),
            csharp,
            go_cache: None,
        }
    }

    #[test]
    fn go_pins_the_language_version_and_never_uses_go_run() {
        let caches = CacheDirs { root: "/c".into() };
        let p = plan(
            &toolchain(Language::Go, None, &["/bin/go"]),
            Path::new("/r"),
            &caches,
            &[],
        );
        assert_eq!(p.extra_files[0].1, "module exercise\n\ngo 1.19\n");
        let build = p.build.expect("go builds");
        assert_eq!(build.args[0], "build");
        let expected_cache = "/c/go-build".to_string();
        assert!(build.env.contains(&("GOCACHE".into(), expected_cache)));
        let mut warm = toolchain(Language::Go, None, &["/bin/go"]);
        warm.go_cache = Some("/home/me/.cache/go-build".into());
        let p = plan(&warm, Path::new("/r"), &caches, &[]);
        let build = p.build.expect("go builds");
        assert!(
            build
                .env
                .contains(&("GOCACHE".into(), "/home/me/.cache/go-build".into()))
        );
        assert!(build.env.contains(&("GOTOOLCHAIN".into(), "local".into())));
    }

    #[test]
    fn csharp_uses_dotnet_when_present_and_mono_otherwise() {
        let caches = CacheDirs { root: "/c".into() };
        let dotnet = plan(
            &toolchain(
                Language::CSharp,
                Some(CSharpFlavor::Dotnet),
                &["/bin/dotnet"],
            ),
            Path::new("/r"),
            &caches,
            &[],
        );
        assert!(
            dotnet.extra_files[0]
                .1
                .contains("<TargetFramework>net8.0</TargetFramework>")
        );
        assert_eq!(dotnet.run.args, ["out/exercise.dll"]);
        let mono = plan(
            &toolchain(
                Language::CSharp,
                Some(CSharpFlavor::Mono),
                &["/bin/mcs", "/bin/mono"],
            ),
            Path::new("/r"),
            &caches,
            &["System.Numerics".to_string()],
        );
        let build = mono.build.expect("mcs builds");
        assert!(build.args.contains(&"-r:System.Numerics".to_string()));
        assert_eq!(mono.run.program, PathBuf::from("/bin/mono"));
    }

    #[test]
    fn java_caps_the_heap() {
        let caches = CacheDirs { root: "/c".into() };
        let p = plan(
            &toolchain(Language::Java, None, &["/bin/javac", "/bin/java"]),
            Path::new("/r"),
            &caches,
            &[],
        );
        assert!(p.run.args.contains(&"-Xmx256m".to_string()));
        assert!(p.run.env.contains(&("LANG".into(), "C.UTF-8".into())));
    }
}
