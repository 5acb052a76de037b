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

    #[test]
    fn the_fingerprint_holds_only_what_can_change_a_verdict() {
        let caches = CacheDirs {
            root: PathBuf::from("/data/cache"),
        };
        let dir = Path::new("/run");
        let base = plan(&dotnet(true), dir, &caches, Purpose::Check);
        let same = |p: &Plan| p.fingerprint() == base.fingerprint();
        // Where the compiler server is and how long it stays: not a verdict.
        let mut other = base.clone();
        let Some(BuildStep::Server(build)) = other.build.as_mut() else {
            panic!("C# with the SDK's csc builds through a server");
        };
        build.server.endpoint = PathBuf::from("/elsewhere/tmp/socket");
        build.server.launch.args.push("-pipename:other".into());
        if let server::Via::Command(client) = &mut build.via {
            for arg in &mut client.args {
                if arg.starts_with("-keepalive:") {
                    *arg = "-keepalive:5".into();
                }
            }
        }
        build.fallback.env.retain(|(k, _)| k != "TMPDIR");
        build
            .fallback
            .env
            .push(("TMPDIR".into(), "/var/tmp".into()));
        assert!(
            same(&other),
            "server, idle time and temp directory changed the fingerprint"
        );
        // What the program runs with does change it.
        let mut other = base.clone();
        other.run.args.push("--verbose".into());
        assert!(!same(&other));
        let mut other = base.clone();
        other.run.env.push(("DOTNET_gcServer".into(), "1".into()));
        assert!(!same(&other));
        let mut other = base.clone();
        other.extra_files[0].1.push_str("-checked+\n");
        assert!(!same(&other));
        assert!(!same(&plan(
            &dotnet(true),
            dir,
            &caches,
            Purpose::CheckService
        )));
        assert_eq!(
            base.fingerprint(),
            plan(&dotnet(true), dir, &caches, Purpose::Check).fingerprint()
        );
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
        let build = p.build.expect("go builds").plain().clone();
        assert_eq!(build.args[0], "build");
        let expected_cache = "/c/go-build".to_string();
        assert!(build.env.contains(&("GOCACHE".into(), expected_cache)));
        let mut warm = toolchain(Language::Go, &["/bin/go"]);
        warm.go_cache = Some("/home/me/.cache/go-build".into());
        let p = plan(&warm, Path::new("/r"), &caches, Purpose::Check);
        let build = p.build.expect("go builds").plain().clone();
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
        let Some(BuildStep::Server(b)) = &p.build else {
            panic!("C# builds through a server: {:?}", p.build)
        };
        let Via::Command(build) = &b.via else {
            panic!("csc is the client: {:?}", b.via)
        };
        assert_eq!(build.args[0], "exec");
        assert!(build.args[1].ends_with("csc.dll"));
        let pipe = server::csharp::pipe_name(&caches.root, "8.0.100");
        assert!(build.args.contains(&format!("-shared:{pipe}")));
        assert!(build.args.contains(&"-keepalive:300".to_string()));
        // The fallback is the same compiler without the server.
        assert!(!b.fallback.args.iter().any(|a| a.starts_with("-shared")));
        assert!(b.fallback.args.contains(&"@csc.rsp".to_string()));
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
        let server = &b.server;
        assert!(server.launch.args.contains(&format!("-pipename:{pipe}")));
        // Client and server meet in the same temp directory; both have a heap ceiling.
        let tmp = std::env::temp_dir().display().to_string();
        assert!(build.env.contains(&("TMPDIR".into(), tmp.clone())));
        assert!(server.launch.env.contains(&("TMPDIR".into(), tmp)));
        assert!(
            server
                .launch
                .env
                .contains(&server::csharp::heap_limit_env())
        );
        assert!(b.fallback.env.contains(&server::csharp::heap_limit_env()));
        // Another data directory, another server.
        let other = CacheDirs { root: "/d".into() };
        assert_ne!(server::csharp::pipe_name(&other.root, "8.0.100"), pipe);
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
        let Some(BuildStep::Process(build)) = p.build else {
            panic!("dotnet build is a plain process")
        };
        assert!(build.args.contains(&"-nodeReuse:false".to_string()));
        assert!(
            build
                .args
                .contains(&"-p:UseSharedCompilation=false".to_string())
        );
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

    #[test]
    fn java_compiles_through_a_server_from_jdk_16_with_plain_javac_as_the_fallback() {
        let caches = CacheDirs { root: "/c".into() };
        let mut java = toolchain(Language::Java, &["/bin/javac", "/bin/java"]);
        java.version = "17.0.15".into();
        let p = plan(&java, Path::new("/r"), &caches, Purpose::Check);
        let Some(BuildStep::Server(b)) = &p.build else {
            panic!("JDK 17 compiles through the server: {:?}", p.build)
        };
        let Via::Request { dir, args } = &b.via else {
            panic!("a request: {:?}", b.via)
        };
        assert_eq!(dir, Path::new("/r"));
        assert_eq!(args[..2], ["-classpath", "/r"]);
        assert!(args.contains(&"/r/out".to_string()));
        // The same heap ceiling as the server's: the same verdict from either.
        let heap = format!("-J-Xmx{}m", server::java::HEAP_MIB);
        assert!(b.fallback.args.contains(&heap), "{:?}", b.fallback.args);
        assert!(b.fallback.args.ends_with(&[
            "-encoding".to_string(),
            "UTF-8".into(),
            "-d".into(),
            "out".into(),
            "Main.java".into()
        ]));
        let launch = &b.server.launch.args;
        assert!(launch.contains(&"-XX:+ExitOnOutOfMemoryError".to_string()));
        assert!(launch.iter().any(|a| a.starts_with("-Xmx")));
        assert!(
            launch
                .iter()
                .any(|a| a.starts_with("-XX:MaxMetaspaceSize="))
        );
        // Another data directory, another server.
        let other = plan(
            &java,
            Path::new("/r"),
            &CacheDirs { root: "/d".into() },
            Purpose::Check,
        );
        assert_ne!(
            other.build.and_then(|b| b.server().cloned()).map(|s| s.key),
            Some(b.server.key.clone())
        );
        // Before JDK 16 there are no Unix domain sockets in Java: plain javac.
        java.version = "11.0.2".into();
        let p = plan(&java, Path::new("/r"), &caches, Purpose::Check);
        assert!(matches!(p.build, Some(BuildStep::Process(_))));
    }
}
