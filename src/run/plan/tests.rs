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
