//! How each language is built and run: the commands, directories and environment.

use std::path::{Path, PathBuf};

use super::process::ProcessSpec;
use super::toolchain::{DOTNET_MIN_MAJOR, DotnetSdk, Program, Toolchain};
use crate::course::Language;

/// The Go language version pinned in the generated go.mod: the same semantics (e.g. one loop
/// variable shared by all iterations) on every Go release.
pub const GO_LANGUAGE_VERSION: &str = "1.19";

/// The module path of the go.mod a check builds in.
pub const GO_MODULE: &str = "exercise";

/// A go.mod for `module` with the check's `go` line (shared with the learner's workspace,
/// whose modules need distinct paths to sit in one go.work).
pub fn go_mod(module: &str) -> String {
    format!("module {module}\n\ngo {GO_LANGUAGE_VERSION}\n")
}

/// Where persistent build caches live (Go's GOCACHE, .NET's NuGet folder, the C# compiler
/// server's pipe name).
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
    /// A compiler server to have running before the build.
    pub compiler_server: Option<CompilerServer>,
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

/// What the program is built for. It decides C#'s framework (ASP.NET Core for a service) and
/// how a runtime is tuned (a one-shot check starts fast; a measured service runs at full speed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A check of a program that reads stdin and prints.
    Check,
    /// A check of an HTTP service (a `kind = "http"` exercise).
    CheckService,
    /// The lab's reference service, measured under load.
    Serve,
}

impl Purpose {
    fn web(self) -> bool {
        self != Purpose::Check
    }
}

/// The shared C# compiler server a plan's build talks to; microlings starts it in its own
/// process group so that a check's group kill does not take it down (see `compiler_server`).
#[derive(Debug, Clone)]
pub struct CompilerServer {
    /// The pipe name both sides use.
    pub pipe: String,
    /// How to start the server.
    pub spec: ProcessSpec,
    /// Where the server listens (a Unix socket named after the pipe, in the temp directory).
    pub socket: PathBuf,
    /// Where microlings keeps the pid of the server it started.
    pub pid_file: PathBuf,
}

/// Builds the plan for running `toolchain`'s language in `dir`, where the learner's file
/// (named `Language::file_name`) has been written.
pub fn plan(toolchain: &Toolchain, dir: &Path, caches: &CacheDirs, purpose: Purpose) -> Plan {
    let mut env = base_env(dir);
    match toolchain.language {
        Language::Python => {
            env.push(("PYTHONDONTWRITEBYTECODE".into(), "1".into()));
            env.push(("PYTHONUTF8".into(), "1".into()));
            Plan {
                extra_files: vec![],
                build: None,
                run: spec(
                    toolchain.program(Program::Python),
                    &["-u", "main.py"],
                    dir,
                    &env,
                ),
                compiler_server: None,
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
                    ("go.mod".into(), go_mod(GO_MODULE)),
                    // Telemetry off: otherwise every build in a fresh HOME writes counter
                    // files there first (about 10 ms a build).
                    (".config/go/telemetry/mode".into(), "off\n".into()),
                ],
                build: Some(spec(
                    toolchain.program(Program::Go),
                    &["build", "-o", exe, "."],
                    dir,
                    &env,
                )),
                run: spec(&dir.join(exe), &[], dir, &env),
                compiler_server: None,
            }
        }
        Language::Java => Plan {
            extra_files: vec![],
            // C1 only and the serial GC roughly halve javac's start-up on small machines.
            build: Some(spec(
                toolchain.program(Program::Javac),
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
                toolchain.program(Program::Java),
                match purpose {
                    Purpose::Check | Purpose::CheckService => &[
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-XX:-UsePerfData",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        "out",
                        "Main",
                    ],
                    // Measured under load: the full JIT (no TieredStopAtLevel) and Nagle off in
                    // the JDK's HTTP server, which otherwise stalls keep-alive replies 40 ms.
                    Purpose::Serve => &[
                        "-Xmx256m",
                        "-XX:+UseSerialGC",
                        "-XX:-UsePerfData",
                        "-Dsun.net.httpserver.nodelay=true",
                        "-cp",
                        "out",
                        "Main",
                    ],
                },
                dir,
                &env,
            ),
            compiler_server: None,
        },
        Language::CSharp => csharp_plan(toolchain, dir, caches, purpose.web(), env),
    }
}

/// The global usings of `dotnet new console` (`<ImplicitUsings>enable</ImplicitUsings>`), so
/// that a learner's file reads like one in a real project.
const CONSOLE_USINGS: &[&str] = &[
    "System",
    "System.Collections.Generic",
    "System.IO",
    "System.Linq",
    "System.Net.Http",
    "System.Threading",
    "System.Threading.Tasks",
];

/// What `Microsoft.NET.Sdk.Web` adds to them.
const WEB_USINGS: &[&str] = &[
    "System.Net.Http.Json",
    "Microsoft.AspNetCore.Builder",
    "Microsoft.AspNetCore.Hosting",
    "Microsoft.AspNetCore.Http",
    "Microsoft.AspNetCore.Routing",
    "Microsoft.Extensions.Configuration",
    "Microsoft.Extensions.DependencyInjection",
    "Microsoft.Extensions.Hosting",
    "Microsoft.Extensions.Logging",
];

/// The C# language version the exercises are written in: what the oldest supported SDK (8)
/// compiles, so a solution that passes here passes on every supported SDK.
pub const CSHARP_LANGUAGE_VERSION: &str = "12";

/// The compiler's warning level: csc's own default (an SDK project would otherwise raise it to
/// the framework's version, adding warning waves the check does not report).
pub const CSHARP_WARNING_LEVEL: u32 = 4;

/// The target framework a C# program is built for: the reference packs the direct compiler
/// uses, else `net<major>.0` of the SDK (the oldest supported one when no SDK was found).
pub fn csharp_target_framework(toolchain: Option<&Toolchain>) -> String {
    let sdk = toolchain.and_then(|t| t.dotnet.as_ref());
    match sdk {
        Some(DotnetSdk {
            direct: Some(direct),
            ..
        }) => direct.tfm.clone(),
        Some(sdk) => format!("net{}.0", sdk.major),
        None => format!("net{DOTNET_MIN_MAJOR}.0"),
    }
}

/// How long the shared compiler server that microlings starts stays alive without work.
pub const COMPILER_SERVER_IDLE: std::time::Duration = std::time::Duration::from_secs(300);

/// [`COMPILER_SERVER_IDLE`], or `MICROLINGS_COMPILER_IDLE_SECS` (tests use a few seconds).
fn compiler_idle_secs() -> u64 {
    std::env::var("MICROLINGS_COMPILER_IDLE_SECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&s: &u64| s > 0)
        .unwrap_or(COMPILER_SERVER_IDLE.as_secs())
}

fn global_usings(web: bool) -> String {
    let web: &[&str] = if web { WEB_USINGS } else { &[] };
    let mut text = String::from("// <auto-generated/> the implicit usings of an SDK project\n");
    for ns in CONSOLE_USINGS.iter().chain(web) {
        text.push_str(&format!("global using global::{ns};\n"));
    }
    text
}

/// The name of the compiler server's pipe: one per SDK and data directory, so two data
/// directories never share a server (or its caches).
pub fn compiler_pipe_name(caches: &CacheDirs, sdk_version: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(caches.root.to_string_lossy().as_bytes());
    h.update([0]);
    h.update(sdk_version.as_bytes());
    let hex: String = h.finalize()[..6]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("microlings-csc-{hex}")
}

fn quoted(path: &Path) -> String {
    format!("\"{}\"", path.display())
}

fn csharp_plan(
    toolchain: &Toolchain,
    dir: &Path,
    caches: &CacheDirs,
    web: bool,
    mut env: Vec<(String, String)>,
) -> Plan {
    env.extend([
        ("DOTNET_CLI_TELEMETRY_OPTOUT".to_string(), "1".to_string()),
        ("DOTNET_NOLOGO".to_string(), "1".to_string()),
        (
            "DOTNET_SKIP_FIRST_TIME_EXPERIENCE".to_string(),
            "1".to_string(),
        ),
        ("DOTNET_CLI_HOME".to_string(), caches.dir("dotnet-home")),
        ("NUGET_PACKAGES".to_string(), caches.dir("nuget")),
        // No diagnostic IPC: its pipes would be left in TMPDIR by a killed program.
        ("DOTNET_EnableDiagnostics".to_string(), "0".to_string()),
    ]);
    if let Some(root) = std::env::var_os("DOTNET_ROOT") {
        env.push((
            "DOTNET_ROOT".to_string(),
            root.to_string_lossy().into_owned(),
        ));
    }
    let dotnet = toolchain.program(Program::Dotnet);
    let major = toolchain.dotnet.as_ref().map(|d| d.major).unwrap_or(8);
    let direct = toolchain.dotnet.as_ref().and_then(|d| d.direct.as_ref());
    let Some(direct) = direct else {
        // The fallback: an SDK project and `dotnet build`, without build servers that would
        // outlive the check.
        return Plan {
            extra_files: vec![(
                "exercise.csproj".into(),
                csharp_project(
                    &csharp_target_framework(Some(toolchain)),
                    web,
                    Some("exercise"),
                ),
            )],
            build: Some(spec(
                dotnet,
                &[
                    "build",
                    "-o",
                    "out",
                    "--nologo",
                    "-v",
                    "q",
                    "-nodeReuse:false",
                    "-p:UseSharedCompilation=false",
                    "-p:UseAppHost=false",
                ],
                dir,
                &env,
            )),
            run: spec(dotnet, &["exec", "out/exercise.dll"], dir, &env),
            compiler_server: None,
        };
    };
    let mut rsp = vec![
        "-nologo".to_string(),
        "-nostdlib+".to_string(),
        "-target:exe".to_string(),
        format!("-langversion:{CSHARP_LANGUAGE_VERSION}"),
        format!("-warn:{CSHARP_WARNING_LEVEL}"),
        "-nullable:enable".to_string(),
        // Debug information, as `dotnet run` builds: stack traces name the line.
        "-debug:portable".to_string(),
        "-deterministic+".to_string(),
        "-utf8output".to_string(),
        "-out:exercise.dll".to_string(),
    ];
    let refs: Vec<&PathBuf> = if web {
        direct.core_refs.iter().chain(&direct.web_refs).collect()
    } else {
        direct.core_refs.iter().collect()
    };
    rsp.extend(refs.iter().map(|r| format!("-r:{}", quoted(r))));
    rsp.extend(
        direct
            .generators
            .iter()
            .map(|g| format!("-analyzer:{}", quoted(g))),
    );
    rsp.push("GlobalUsings.g.cs".to_string());
    rsp.push("Program.cs".to_string());
    let framework = if web && !direct.web_refs.is_empty() {
        "Microsoft.AspNetCore.App"
    } else {
        "Microsoft.NETCore.App"
    };
    // The newest installed runtime of the SDK's major (roll forward from .0.0).
    let runtimeconfig = format!(
        "{{\"runtimeOptions\":{{\"tfm\":\"{}\",\"framework\":{{\"name\":\"{framework}\",\"version\":\"{major}.0.0\"}}}}}}\n",
        direct.tfm
    );
    let pipe = compiler_pipe_name(caches, &toolchain.version);
    // The client and the server meet in the temp directory: both must see the same one.
    let mut build_env = env.clone();
    let system_tmp = std::env::temp_dir().display().to_string();
    build_env.retain(|(k, _)| k != "TMPDIR");
    build_env.push(("TMPDIR".to_string(), system_tmp.clone()));
    let csc = direct.csc_dll.display().to_string();
    let shared = format!("-shared:{pipe}");
    let keepalive = format!("-keepalive:{}", compiler_idle_secs());
    let mut server_env: Vec<(String, String)> = build_env
        .iter()
        .filter(|(k, _)| k != "HOME")
        .cloned()
        .collect();
    server_env.push(("HOME".to_string(), caches.dir("dotnet-home")));
    // microlings' own: a sweep of another microlings that adopts it (a CLI check run from a
    // shell inside the TUI's editor, say) leaves it alone; it stops by itself when idle.
    server_env.push((
        super::reaper::OWNER_VAR.to_string(),
        "compiler-server".to_string(),
    ));
    Plan {
        extra_files: vec![
            ("csc.rsp".into(), rsp.join("\n") + "\n"),
            ("GlobalUsings.g.cs".into(), global_usings(web)),
            ("exercise.runtimeconfig.json".into(), runtimeconfig),
        ],
        build: Some(spec(
            dotnet,
            // -noconfig must be on the command line: csc ignores it in a response file.
            &["exec", &csc, "-noconfig", &shared, &keepalive, "@csc.rsp"],
            dir,
            &build_env,
        )),
        run: spec(dotnet, &["exec", "exercise.dll"], dir, &env),
        compiler_server: Some(CompilerServer {
            pipe: pipe.clone(),
            spec: ProcessSpec {
                program: dotnet.to_path_buf(),
                args: vec![
                    "exec".into(),
                    direct.server_dll.display().to_string(),
                    format!("-pipename:{pipe}"),
                ],
                dir: caches.root.clone(),
                env: server_env,
                stdin: None,
            },
            socket: PathBuf::from(system_tmp).join(&pipe),
            pid_file: caches.root.join(format!("{pipe}.pid")),
        }),
    }
}

/// An SDK project with the check's settings: what `dotnet new console` (or `web`) writes, plus
/// the language version and warnings of the direct compiler (no .NET analyzers: csc runs none).
/// The `dotnet build` fallback builds one; the learner's workspace has one per exercise.
pub fn csharp_project(target_framework: &str, web: bool, assembly_name: Option<&str>) -> String {
    let sdk = if web {
        "Microsoft.NET.Sdk.Web"
    } else {
        "Microsoft.NET.Sdk"
    };
    let assembly = assembly_name
        .map(|name| format!("    <AssemblyName>{name}</AssemblyName>\n"))
        .unwrap_or_default();
    format!(
        r#"<Project Sdk="{sdk}">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>{target_framework}</TargetFramework>
    <LangVersion>{CSHARP_LANGUAGE_VERSION}</LangVersion>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <WarningLevel>{CSHARP_WARNING_LEVEL}</WarningLevel>
    <EnableNETAnalyzers>false</EnableNETAnalyzers>
{assembly}  </PropertyGroup>
</Project>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::toolchain::{DirectCompiler, DotnetSdk};

    fn toolchain(lang: Language, programs: &[&str]) -> Toolchain {
        Toolchain {
            language: lang,
            version: "8.0.100".into(),
            programs: programs.iter().map(PathBuf::from).collect(),
            dotnet: None,
            go_cache: None,
        }
    }

    fn dotnet(direct: bool) -> Toolchain {
        let mut t = toolchain(Language::CSharp, &["/dn/dotnet"]);
        t.dotnet = Some(DotnetSdk {
            major: 8,
            runtime: Some("8.0.1".into()),
            direct: direct.then(|| DirectCompiler {
                csc_dll: "/dn/sdk/8.0.100/Roslyn/bincore/csc.dll".into(),
                server_dll: "/dn/sdk/8.0.100/Roslyn/bincore/VBCSCompiler.dll".into(),
                tfm: "net8.0".into(),
                core_refs: vec!["/dn/ref/System.Runtime.dll".into()],
                web_refs: vec!["/dn/web/Microsoft.AspNetCore.dll".into()],
                generators: vec![],
            }),
        });
        t
    }

    fn file<'a>(plan: &'a Plan, name: &str) -> &'a str {
        plan.extra_files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, c)| c.as_str())
            .unwrap_or_else(|| panic!("no {name} in {:?}", plan.extra_files))
    }

    #[test]
    fn go_pins_the_language_version_and_never_uses_go_run() {
        let caches = CacheDirs { root: "/c".into() };
        let p = plan(
            &toolchain(Language::Go, &["/bin/go"]),
            Path::new("/r"),
            &caches,
            Purpose::Check,
        );
        assert_eq!(p.extra_files[0].1, "module exercise\n\ngo 1.19\n");
        let build = p.build.expect("go builds");
        assert_eq!(build.args[0], "build");
        let expected_cache = "/c/go-build".to_string();
        assert!(build.env.contains(&("GOCACHE".into(), expected_cache)));
        let mut warm = toolchain(Language::Go, &["/bin/go"]);
        warm.go_cache = Some("/home/me/.cache/go-build".into());
        let p = plan(&warm, Path::new("/r"), &caches, Purpose::Check);
        let build = p.build.expect("go builds");
        assert!(
            build
                .env
                .contains(&("GOCACHE".into(), "/home/me/.cache/go-build".into()))
        );
        assert!(build.env.contains(&("GOTOOLCHAIN".into(), "local".into())));
    }

    #[test]
    fn csharp_compiles_with_csc_through_a_per_data_dir_server() {
        let caches = CacheDirs { root: "/c".into() };
        let p = plan(&dotnet(true), Path::new("/r"), &caches, Purpose::Check);
        let build = p.build.as_ref().expect("C# builds");
        assert_eq!(build.args[0], "exec");
        assert!(build.args[1].ends_with("csc.dll"));
        let pipe = compiler_pipe_name(&caches, "8.0.100");
        assert!(build.args.contains(&format!("-shared:{pipe}")));
        assert!(build.args.contains(&"-keepalive:300".to_string()));
        let rsp = file(&p, "csc.rsp");
        assert!(rsp.contains("-langversion:12"), "{rsp}");
        assert!(rsp.contains("-nullable:enable"));
        assert!(rsp.contains("System.Runtime.dll"));
        assert!(
            !rsp.contains("AspNetCore"),
            "a console program needs no web refs"
        );
        assert!(file(&p, "GlobalUsings.g.cs").contains("global using global::System.Linq;"));
        assert!(file(&p, "exercise.runtimeconfig.json").contains("Microsoft.NETCore.App"));
        assert_eq!(p.run.args, ["exec", "exercise.dll"]);
        let server = p.compiler_server.as_ref().expect("a server");
        assert_eq!(server.pipe, pipe);
        assert!(server.spec.args.contains(&format!("-pipename:{pipe}")));
        // Client and server meet in the same temp directory.
        let tmp = std::env::temp_dir().display().to_string();
        assert!(build.env.contains(&("TMPDIR".into(), tmp.clone())));
        assert!(server.spec.env.contains(&("TMPDIR".into(), tmp)));
        // Another data directory, another server.
        let other = CacheDirs { root: "/d".into() };
        assert_ne!(compiler_pipe_name(&other, "8.0.100"), pipe);
    }

    #[test]
    fn a_csharp_service_gets_asp_net_core() {
        let caches = CacheDirs { root: "/c".into() };
        let p = plan(
            &dotnet(true),
            Path::new("/r"),
            &caches,
            Purpose::CheckService,
        );
        assert!(file(&p, "csc.rsp").contains("Microsoft.AspNetCore.dll"));
        assert!(file(&p, "GlobalUsings.g.cs").contains("Microsoft.AspNetCore.Builder"));
        assert!(file(&p, "exercise.runtimeconfig.json").contains("Microsoft.AspNetCore.App"));
    }

    #[test]
    fn csharp_falls_back_to_dotnet_build_without_leaving_servers() {
        let caches = CacheDirs { root: "/c".into() };
        let p = plan(&dotnet(false), Path::new("/r"), &caches, Purpose::Check);
        let csproj = file(&p, "exercise.csproj");
        assert!(csproj.contains("<TargetFramework>net8.0</TargetFramework>"));
        assert!(csproj.contains("<ImplicitUsings>enable</ImplicitUsings>"));
        let build = p.build.expect("dotnet builds");
        assert!(build.args.contains(&"-nodeReuse:false".to_string()));
        assert!(
            build
                .args
                .contains(&"-p:UseSharedCompilation=false".to_string())
        );
        assert!(p.compiler_server.is_none());
        assert_eq!(p.run.args, ["exec", "out/exercise.dll"]);
    }

    #[test]
    fn a_served_java_service_runs_the_full_jit_with_nagle_off() {
        let caches = CacheDirs { root: "/c".into() };
        let java = toolchain(Language::Java, &["/bin/javac", "/bin/java"]);
        let serve = plan(&java, Path::new("/r"), &caches, Purpose::Serve);
        assert!(
            serve
                .run
                .args
                .contains(&"-Dsun.net.httpserver.nodelay=true".to_string())
        );
        assert!(
            !serve
                .run
                .args
                .iter()
                .any(|a| a.contains("TieredStopAtLevel"))
        );
        let check = plan(&java, Path::new("/r"), &caches, Purpose::CheckService);
        assert!(
            check
                .run
                .args
                .iter()
                .any(|a| a.contains("TieredStopAtLevel"))
        );
    }

    #[test]
    fn java_caps_the_heap() {
        let caches = CacheDirs { root: "/c".into() };
        let p = plan(
            &toolchain(Language::Java, &["/bin/javac", "/bin/java"]),
            Path::new("/r"),
            &caches,
            Purpose::Check,
        );
        assert!(p.run.args.contains(&"-Xmx256m".to_string()));
        assert!(p.run.env.contains(&("LANG".into(), "C.UTF-8".into())));
    }
}
