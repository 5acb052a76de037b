//! `doctor`: what is installed, and how to install what is not.

use std::process::ExitCode;

use anyhow::Result;

use std::path::Path;

use crate::course::Language;
use crate::paths::DataDir;
use crate::run::toolchain::{Toolchains, install_hints};
use crate::style::Paint;

/// Lists every toolchain: found (version, path) or missing (why, and how to install it).
pub fn doctor(data: &DataDir, course: Option<&Path>, paint: Paint) -> Result<ExitCode> {
    let p = &paint;
    // Doctor looks afresh: the learner may just have installed something.
    let toolchains = Toolchains::detect();
    for lang in Language::ALL {
        match toolchains.get(lang) {
            Ok(t) => {
                let paths: Vec<String> =
                    t.programs.iter().map(|p| p.display().to_string()).collect();
                println!(
                    "{} {:<7} {}  {}",
                    p.good("✓ found  "),
                    lang.display_name(),
                    t.describe(),
                    p.dim(&paths.join(", "))
                );
                if lang == Language::Java {
                    println!("            {}", p.dim(&java_compiled(t, data)));
                }
                if let Some(sdk) = &t.dotnet {
                    let how = match &sdk.direct {
                        Some(_) => {
                            "compiled with the SDK's csc through a shared compiler server (stops after 5 idle minutes)"
                        }
                        None => {
                            "compiled with `dotnet build` (the SDK's csc or reference packs were not found)"
                        }
                    };
                    println!(
                        "            {}",
                        p.dim(&format!(
                            "runtime {}, C# {}; {how}",
                            sdk.runtime.as_deref().unwrap_or("?"),
                            crate::run::plan::CSHARP_LANGUAGE_VERSION
                        ))
                    );
                }
            }
            Err(m) => {
                println!(
                    "{} {:<7} {}",
                    p.bad("✗ missing"),
                    lang.display_name(),
                    m.reason
                );
                for (platform, cmd) in install_hints(lang) {
                    println!("      {:<14} {cmd}", format!("{platform}:"));
                }
            }
        }
    }
    println!();
    println!("data directory   {}", data.root().display());
    println!(
        "containment      {}",
        crate::run::sandbox::containment().describe()
    );
    println!(
        "course           {}",
        course
            .map(|c| c.display().to_string())
            .unwrap_or_else(|| "embedded".into())
    );
    Ok(ExitCode::SUCCESS)
}

/// How Java is compiled here: through microlings' compile server (and whether it runs now),
/// or with plain javac, and why.
fn java_compiled(t: &crate::run::Toolchain, data: &DataDir) -> String {
    use crate::run::server;
    if !server::enabled() {
        return "compiled with plain javac (MICROLINGS_COMPILER_SERVER=off)".into();
    }
    if !server::java::supported(t) {
        return "compiled with plain javac (the compile server needs JDK 16 or newer on Linux or macOS)"
            .into();
    }
    let spec = server::java::spec(t, &data.runner_dirs().cache, &[]);
    let idle = server::idle().as_secs() / 60;
    let state = match server::pid(&spec) {
        Some(pid) => format!("running, pid {pid}"),
        None if spec.prepare.as_ref().is_some_and(|p| !p.done.exists()) => {
            "built with this javac in the background of the next check".into()
        }
        None => "starts at the next check".into(),
    };
    format!(
        "compiled with javac through microlings' compile server (stops after {idle} idle minutes): {state}"
    )
}
