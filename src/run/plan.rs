//! How each language is built and run: the commands, directories and environment.

use std::path::{Path, PathBuf};

use super::process::ProcessSpec;
use super::server::{self, ServerBuild, Via};
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
    pub build: Option<BuildStep>,
    /// The run step; stdin is set per case.
    pub run: ProcessSpec,
}

/// How a language is built: a process, or through a warm compiler server (`run::server`).
#[derive(Debug, Clone)]
pub enum BuildStep {
    /// Run this command.
    Process(ProcessSpec),
    /// Compile through a server, with the plain compiler as the fallback.
    Server(Box<ServerBuild>),
}

impl BuildStep {
    /// The command that builds without any server (the fallback of a server build).
    pub fn plain(&self) -> &ProcessSpec {
        match self {
            BuildStep::Process(spec) => spec,
            BuildStep::Server(b) => &b.fallback,
        }
    }

    /// The server this step compiles through, if any.
    pub fn server(&self) -> Option<&server::ServerSpec> {
        match self {
            BuildStep::Process(_) => None,
            BuildStep::Server(b) => Some(&b.server),
        }
    }

    /// Runs the step (see `server::run_build` for what a server build adds).
    pub fn run(
        &self,
        limits: super::process::Limits,
        cancel: &super::process::CancelToken,
    ) -> std::io::Result<super::process::ProcessResult> {
        match self {
            BuildStep::Process(spec) => super::process::run_toolchain(spec, limits, cancel),
            BuildStep::Server(b) => server::run_build(b, limits, cancel),
        }
    }
}

/// Environment variables a fingerprint leaves out: where temporary files go (the C# build's
/// TMPDIR is the system's, where it meets the compiler server), never part of a verdict.
const NOT_IN_FINGERPRINT_ENV: &[&str] = &["TMPDIR"];
/// Arguments a fingerprint leaves out: how the compiler client reaches microlings' own
/// compiler server and how long that server stays (`MICROLINGS_COMPILER_IDLE_SECS`).
const NOT_IN_FINGERPRINT_ARGS: &[&str] = &["-shared:", "-keepalive:", "-pipename:"];

impl Plan {
    /// A hash of what can change a verdict: the files written beside the source, and for the
    /// build and the run the program, its arguments and its environment. Not the compiler
    /// server (it only makes builds faster), not where temporary files go, not the idle time
    /// of a server: two plans that judge alike have the same fingerprint. Part of the result
    /// cache's key, so a plan built for a fixed directory gives the same one every time.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        let mut field = |bytes: &[u8]| {
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        };
        for (name, contents) in &self.extra_files {
            field(name.as_bytes());
            field(contents.as_bytes());
        }
        for (step, spec) in [
            ("build", self.build.as_ref().map(BuildStep::plain)),
            ("run", Some(&self.run)),
        ] {
            field(step.as_bytes());
            let Some(spec) = spec else {
                field(b"none");
                continue;
            };
            field(spec.program.to_string_lossy().as_bytes());
            for arg in &spec.args {
                if !NOT_IN_FINGERPRINT_ARGS.iter().any(|p| arg.starts_with(p)) {
                    field(arg.as_bytes());
                }
            }
            let mut env: Vec<&(String, String)> = spec
                .env
                .iter()
                .filter(|(k, _)| !NOT_IN_FINGERPRINT_ENV.contains(&k.as_str()))
                .collect();
            env.sort();
            for (k, v) in env {
                field(k.as_bytes());
                field(v.as_bytes());
            }
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

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
                // No symbol table or DWARF (`-s -w`): nobody debugs a check's binary, and the
                // linker's writing them was 46 ms of a 355 ms build (panics still name the
                // function, file and line: those come from the pclntab, which stays).
                build: Some(BuildStep::Process(spec(
                    toolchain.program(Program::Go),
                    &["build", "-ldflags=-s -w", "-o", exe, "."],
                    dir,
                    &env,
                ))),
                run: spec(&dir.join(exe), &[], dir, &env),
            }
        }
        Language::Java => java_plan(toolchain, dir, caches, purpose, env),
        Language::CSharp => csharp_plan(toolchain, dir, caches, purpose.web(), env),
    }
}

/// javac's arguments, relative to the run directory.
const JAVAC_ARGS: &[&str] = &["-encoding", "UTF-8", "-d", "out", "Main.java"];

fn java_plan(
    toolchain: &Toolchain,
    dir: &Path,
    caches: &CacheDirs,
    purpose: Purpose,
    env: Vec<(String, String)>,
) -> Plan {
    // C1 only and the serial GC roughly halve javac's start-up on small machines. The heap
    // ceiling is the compile server's: a file compiles, or runs out of memory, the same way
    // with either, whichever the check finds.
    let heap = format!("-J-Xmx{}m", server::heap_mib(server::java::HEAP_MIB));
    let mut plain_args = vec![
        "-J-XX:TieredStopAtLevel=1",
        "-J-XX:+UseSerialGC",
        "-J-XX:-UsePerfData",
        &heap,
    ];
    plain_args.extend(JAVAC_ARGS);
    let plain = spec(toolchain.program(Program::Javac), &plain_args, dir, &env);
    let build = if server::java::supported(toolchain) {
        // The server works in the run directory as javac would: "." is the class path.
        let mut args: Vec<String> = vec!["-classpath".into(), dir.display().to_string()];
        args.extend(JAVAC_ARGS.iter().map(|a| match *a {
            "out" => dir.join("out").display().to_string(),
            a => a.to_string(),
        }));
        BuildStep::Server(Box::new(ServerBuild {
            server: server::java::spec(toolchain, &caches.root, &env),
            via: Via::Request {
                dir: dir.to_path_buf(),
                args,
            },
            fallback: plain,
        }))
    } else {
        BuildStep::Process(plain)
    };
    Plan {
        extra_files: vec![],
        build: Some(build),
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

fn global_usings(web: bool) -> String {
    let web: &[&str] = if web { WEB_USINGS } else { &[] };
    let mut text = String::from("// <auto-generated/> the implicit usings of an SDK project\n");
    for ns in CONSOLE_USINGS.iter().chain(web) {
        text.push_str(&format!("global using global::{ns};\n"));
    }
    text
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
            build: Some(BuildStep::Process(spec(
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
            ))),
            run: spec(dotnet, &["exec", "out/exercise.dll"], dir, &env),
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
    let pipe = server::csharp::pipe_name(&caches.root, &toolchain.version);
    // The client and the server meet in the temp directory: both must see the same one.
    let mut build_env = env.clone();
    let system_tmp = std::env::temp_dir().display().to_string();
    build_env.retain(|(k, _)| k != "TMPDIR");
    build_env.push(("TMPDIR".to_string(), system_tmp));
    // A client that compiles on its own (no server, or the server died) has the same ceiling.
    build_env.push(server::csharp::heap_limit_env());
    let csc = direct.csc_dll.display().to_string();
    let shared = format!("-shared:{pipe}");
    let keepalive = format!("-keepalive:{}", server::idle().as_secs());
    let mut server_env: Vec<(String, String)> = build_env
        .iter()
        .filter(|(k, _)| k != "HOME" && k != "DOTNET_GCHeapHardLimit")
        .cloned()
        .collect();
    server_env.push(("HOME".to_string(), caches.dir("dotnet-home")));
    // -noconfig must be on the command line: csc ignores it in a response file.
    let client = spec(
        dotnet,
        &["exec", &csc, "-noconfig", &shared, &keepalive, "@csc.rsp"],
        dir,
        &build_env,
    );
    let fallback = spec(
        dotnet,
        &["exec", &csc, "-noconfig", "@csc.rsp"],
        dir,
        &build_env,
    );
    Plan {
        extra_files: vec![
            ("csc.rsp".into(), rsp.join("\n") + "\n"),
            ("GlobalUsings.g.cs".into(), global_usings(web)),
            ("exercise.runtimeconfig.json".into(), runtimeconfig),
        ],
        build: Some(if server::enabled() {
            BuildStep::Server(Box::new(ServerBuild {
                server: server::csharp::spec(
                    dotnet,
                    &direct.server_dll,
                    &caches.root,
                    &toolchain.version,
                    server_env,
                ),
                via: Via::Command(client),
                fallback,
            }))
        } else {
            BuildStep::Process(fallback)
        }),
        run: spec(dotnet, &["exec", "exercise.dll"], dir, &env),
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
mod tests;
