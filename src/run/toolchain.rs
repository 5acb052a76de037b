//! Finding the toolchains on this machine, once, and saying how to install a missing one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::course::Language;
use crate::run::classify::{Blame, Step, classify};

/// The oldest .NET SDK the C# exercises are written for (C# 12).
pub const DOTNET_MIN_MAJOR: u32 = 8;

/// What microlings needs of a .NET SDK to compile with its C# compiler directly, which is
/// several times faster than `dotnet build` (no MSBuild, no restore; see docs/architecture.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectCompiler {
    /// The SDK's `Roslyn/bincore/csc.dll`.
    pub csc_dll: PathBuf,
    /// The SDK's `Roslyn/bincore/VBCSCompiler.dll`, the shared compiler server.
    pub server_dll: PathBuf,
    /// The target framework moniker of the reference packs, e.g. `net10.0`.
    pub tfm: String,
    /// Reference assemblies of `Microsoft.NETCore.App.Ref`.
    pub core_refs: Vec<PathBuf>,
    /// Reference assemblies of `Microsoft.AspNetCore.App.Ref` (empty without ASP.NET Core).
    pub web_refs: Vec<PathBuf>,
    /// The source generators a console project gets (System.Text.Json, Regex).
    pub generators: Vec<PathBuf>,
}

/// A .NET SDK that was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DotnetSdk {
    /// The SDK's major version, e.g. 10.
    pub major: u32,
    /// The newest `Microsoft.NETCore.App` runtime of that major, e.g. `10.0.12`.
    #[serde(default)]
    pub runtime: Option<String>,
    /// The direct compiler, when the SDK's layout has everything it needs; `None` means
    /// microlings falls back to `dotnet build`.
    pub direct: Option<DirectCompiler>,
}

/// A toolchain that was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Toolchain {
    /// The language it runs.
    pub language: Language,
    /// Version string, e.g. `3.11.7` or `go1.22.1`.
    pub version: String,
    /// Resolved programs, each at its [`Program::index`]: python: the interpreter; go: `go`;
    /// java: `javac`, `java`; csharp: `dotnet`. Read them by name with [`Toolchain::program`].
    pub programs: Vec<PathBuf>,
    /// For C#, the .NET SDK's layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dotnet: Option<DotnetSdk>,
    /// For Go, the build cache `go env GOCACHE` names: the learner's own, usually warm, so the
    /// first check does not compile the standard library again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub go_cache: Option<PathBuf>,
}

/// A program a toolchain runs, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// The Python interpreter (resolved to the real one, not a pyenv shim).
    Python,
    /// `go`.
    Go,
    /// `javac`.
    Javac,
    /// `java`.
    Java,
    /// `dotnet` (the .NET SDK's host: it runs csc, the build and the programs).
    Dotnet,
}

impl Program {
    /// The language whose toolchain has it.
    pub fn language(self) -> Language {
        match self {
            Program::Python => Language::Python,
            Program::Go => Language::Go,
            Program::Javac | Program::Java => Language::Java,
            Program::Dotnet => Language::CSharp,
        }
    }

    /// Where it is in its toolchain's `programs` (detection stores them in this order).
    pub fn index(self) -> usize {
        match self {
            Program::Python | Program::Go | Program::Javac | Program::Dotnet => 0,
            Program::Java => 1,
        }
    }
}

/// `programs` laid out as [`Toolchain::programs`] keeps them (each at its [`Program::index`]).
fn by_name<const N: usize>(programs: [(Program, PathBuf); N]) -> Vec<PathBuf> {
    let len = programs
        .iter()
        .map(|(p, _)| p.index() + 1)
        .max()
        .unwrap_or(0);
    let mut laid_out = vec![PathBuf::new(); len];
    for (program, path) in programs {
        laid_out[program.index()] = path;
    }
    laid_out
}

impl Toolchain {
    /// The path of one of its programs. An empty path (which cannot be started: the check
    /// says so) when the toolchain is another language's, or was cached without it.
    pub fn program(&self, program: Program) -> &Path {
        if program.language() != self.language {
            return Path::new("");
        }
        self.programs
            .get(program.index())
            .map(PathBuf::as_path)
            .unwrap_or(Path::new(""))
    }

    /// A short description: ".NET SDK 10.0.401", "3.11.7".
    pub fn describe(&self) -> String {
        match &self.dotnet {
            Some(_) => format!(".NET SDK {}", self.version),
            None => self.version.clone(),
        }
    }
}

/// A toolchain that was not found, and how to get it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Missing {
    /// The language.
    pub language: Language,
    /// What was looked for and why it failed.
    pub reason: String,
}

impl Missing {
    /// Install commands per platform.
    pub fn install_hints(&self) -> [(&'static str, &'static str); 3] {
        install_hints(self.language)
    }

    /// The install command for the platform microlings runs on.
    pub fn install_hint_here(&self) -> &'static str {
        let [debian, mac, windows] = self.install_hints();
        if cfg!(target_os = "macos") {
            mac.1
        } else if cfg!(windows) {
            windows.1
        } else {
            debian.1
        }
    }
}

/// Install commands for a language: Debian/Ubuntu, macOS, Windows.
pub fn install_hints(lang: Language) -> [(&'static str, &'static str); 3] {
    match lang {
        Language::Python => [
            ("Debian/Ubuntu", "sudo apt-get install -y python3"),
            ("macOS", "brew install python"),
            ("Windows", "winget install Python.Python.3.12"),
        ],
        Language::Go => [
            ("Debian/Ubuntu", "sudo apt-get install -y golang-go"),
            ("macOS", "brew install go"),
            ("Windows", "winget install GoLang.Go"),
        ],
        Language::Java => [
            (
                "Debian/Ubuntu",
                "sudo apt-get install -y openjdk-17-jdk-headless",
            ),
            ("macOS", "brew install openjdk@17"),
            ("Windows", "winget install Microsoft.OpenJDK.17"),
        ],
        Language::CSharp => [
            (
                "Debian/Ubuntu",
                "sudo apt-get install -y dotnet-sdk-8.0 (Ubuntu 24.04+; on Debian add Microsoft's package feed first: https://learn.microsoft.com/dotnet/core/install/linux)",
            ),
            ("macOS", "brew install --cask dotnet-sdk"),
            ("Windows", "winget install Microsoft.DotNet.SDK.10"),
        ],
    }
}

/// What was found for every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Toolchains {
    found: BTreeMap<Language, Result<Toolchain, Missing>>,
}

impl Toolchains {
    /// Builds a set from explicit results (tests, or a cache).
    pub fn from_results(found: BTreeMap<Language, Result<Toolchain, Missing>>) -> Self {
        Toolchains { found }
    }

    /// The toolchain for a language, or why there is none.
    pub fn get(&self, lang: Language) -> Result<&Toolchain, Missing> {
        match self.found.get(&lang) {
            Some(Ok(t)) => Ok(t),
            Some(Err(m)) => Err(m.clone()),
            None => Err(Missing {
                language: lang,
                reason: "not detected".into(),
            }),
        }
    }

    /// Whether a language can be run.
    pub fn available(&self, lang: Language) -> bool {
        self.get(lang).is_ok()
    }

    /// Detects every toolchain, reusing `cache_file` when the programs on PATH have not
    /// changed (detection runs each compiler once, which costs 100s of ms).
    pub fn detect_cached(cache_file: &Path) -> Self {
        let fingerprint = path_fingerprint();
        // A FIFO or a huge file here must not hang or sink `list` and `check`.
        if let Ok(text) = crate::fsutil::read_regular_capped(cache_file, 1 << 20)
            && let Ok(cached) = serde_json::from_slice::<CachedDetection>(&text)
            && cached.fingerprint == fingerprint
        {
            return cached.toolchains;
        }
        let toolchains = Self::detect();
        if toolchains.found.values().any(|r| {
            r.as_ref()
                .is_err_and(|m| m.reason.ends_with(MACHINE_FAILURE))
        }) {
            // The machine failed a probe (out of memory, killed): not an answer to keep.
            return toolchains;
        }
        let cached = CachedDetection {
            fingerprint,
            toolchains: toolchains.clone(),
        };
        if let Ok(text) = serde_json::to_string(&cached) {
            // Best effort: a failed write only means detecting again next time.
            let _ = crate::fsutil::write_replace(cache_file, text.as_bytes());
        }
        toolchains
    }

    /// What `cache_file` holds from the last detection, without detecting or comparing the
    /// programs on PATH (`None` when there is no readable cache). For what only needs the
    /// toolchains' versions, such as the learner's project files, and must not wait.
    pub fn read_cached(cache_file: &Path) -> Option<Self> {
        let text = crate::fsutil::read_regular_capped(cache_file, 1 << 20).ok()?;
        serde_json::from_slice::<CachedDetection>(&text)
            .ok()
            .map(|cached| cached.toolchains)
    }

    /// Detects every toolchain now, in parallel (one after the other when no thread can be
    /// started).
    pub fn detect() -> Self {
        let found = std::thread::scope(|s| {
            let handles: Vec<_> = Language::ALL
                .into_iter()
                .map(|lang| {
                    let spawned = std::thread::Builder::new()
                        .name(format!("detect-{}", lang.id()))
                        .spawn_scoped(s, move || detect_one(lang));
                    (lang, spawned)
                })
                .collect();
            handles
                .into_iter()
                .map(|(lang, spawned)| {
                    let result = match spawned {
                        Ok(h) => h.join().unwrap_or_else(|_| {
                            Err(Missing {
                                language: lang,
                                reason: "detection crashed".into(),
                            })
                        }),
                        Err(_) => detect_one(lang),
                    };
                    (lang, result)
                })
                .collect()
        });
        Toolchains { found }
    }
}

#[derive(Serialize, Deserialize)]
struct CachedDetection {
    fingerprint: Vec<(String, String)>,
    toolchains: Toolchains,
}

/// The programs detection depends on, with their paths and modification times: when none of
/// these change, detection would give the same answer.
fn path_fingerprint() -> Vec<(String, String)> {
    let names = ["python3", "python", "go", "javac", "java", "dotnet", "mcs"];
    // What detection finds changes with microlings' own version too (new fields).
    let mut out: Vec<(String, String)> = vec![(
        "microlings".to_string(),
        env!("CARGO_PKG_VERSION").to_string() + "+dotnet-runtime",
    )];
    out.extend(
        ["MICROLINGS_DISABLE", "GOCACHE", "HOME", "DOTNET_ROOT"]
            .iter()
            .map(|v| (v.to_string(), std::env::var(v).unwrap_or_default())),
    );
    for name in names {
        let stamp = which(name)
            .map(|p| {
                let mtime = std::fs::metadata(&p)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map(|d| d.as_nanos())
                    .unwrap_or(0);
                format!("{}@{mtime}", p.display())
            })
            .unwrap_or_default();
        out.push((name.to_string(), stamp));
    }
    out
}

/// Finds a program on PATH (with Windows' extensions).
pub fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let exts: Vec<String> = if cfg!(windows) {
        vec![".exe".into(), ".cmd".into(), ".bat".into(), String::new()]
    } else {
        vec![String::new()]
    };
    std::env::split_paths(&path).find_map(|dir| {
        exts.iter().find_map(|ext| {
            let candidate = dir.join(format!("{name}{ext}"));
            is_executable(&candidate).then_some(candidate)
        })
    })
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path)
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// How long one toolchain probe (`javac -version`, `dotnet --list-sdks`...) may take: a
/// broken install that hangs must not hang `doctor` or the first check.
pub const PROBE_TIMEOUT: Duration = Duration::from_secs(8);

/// What a probe may see of microlings' environment: where things are installed and how the
/// learner set them up, nothing else (no variable of microlings' own).
const PROBE_VARS: &[&str] = &[
    "PATH",
    "HOME",
    "USER",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "TMPDIR",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "GOCACHE",
    "GOROOT",
    "GOPATH",
    "GOTOOLCHAIN",
    "JAVA_HOME",
    "DOTNET_ROOT",
    "DOTNET_CLI_HOME",
    "PYENV_ROOT",
    "PYENV_VERSION",
    "VIRTUAL_ENV",
    "SystemRoot",
];

/// The probes' environment: [`PROBE_VARS`] as microlings has them.
fn probe_env() -> Vec<(String, String)> {
    PROBE_VARS
        .iter()
        .filter_map(|&k| Some((k.to_string(), std::env::var(k).ok()?)))
        .collect()
}

/// Ends the reason of a toolchain found missing because the machine failed its probe: such a
/// detection is not cached, so the toolchain is found again once the machine recovers.
const MACHINE_FAILURE: &str = "(a failure of this machine, not a missing toolchain)";

/// The language whose toolchain `program` belongs to, by its name (for the start-up failures
/// each toolchain names).
fn program_language(program: &Path) -> Option<Language> {
    let name = program.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.trim_end_matches(".exe");
    Some(match name {
        n if n.starts_with("python") => Language::Python,
        "go" => Language::Go,
        "javac" | "java" => Language::Java,
        "dotnet" => Language::CSharp,
        _ => return None,
    })
}

/// Runs `program args` and returns stdout+stderr when it exits 0 within [`PROBE_TIMEOUT`];
/// otherwise says what went wrong, in words a learner can act on.
fn probe(program: &Path, args: &[&str]) -> Result<String, String> {
    use super::process::Termination;
    let limits = super::process::Limits {
        timeout: PROBE_TIMEOUT,
        output_cap: 64 * 1024,
    };
    let dir = std::env::temp_dir();
    let spec = super::process::ProcessSpec {
        program: program.to_path_buf(),
        args: args.iter().map(|s| s.to_string()).collect(),
        // A missing temp directory must not look like a missing toolchain.
        dir: if dir.is_dir() {
            dir
        } else {
            PathBuf::from("/")
        },
        env: probe_env(),
        stdin: None,
    };
    let command = format!("`{} {}`", program.display(), args.join(" "));
    match super::process::run(&spec, limits, &super::process::CancelToken::new()) {
        Ok(r) if r.termination == Termination::Exited(0) => Ok(format!(
            "{}{}",
            String::from_utf8_lossy(&r.stdout),
            String::from_utf8_lossy(&r.stderr)
        )),
        Ok(r) => {
            let said = [&r.stderr, &r.stdout]
                .iter()
                .map(|b| String::from_utf8_lossy(b).trim().to_string())
                .find(|s| !s.is_empty())
                .map(|s| {
                    let line = s.lines().last().unwrap_or_default().to_string();
                    format!(": {line}")
                })
                .unwrap_or_else(|| " and printed nothing".to_string());
            let lang = program_language(program);
            if let Some(lang) = lang
                && let Blame::Machine(failure) = classify(Step::Probe, lang, &r)
            {
                return Err(format!("{command}: {} {MACHINE_FAILURE}", failure.words()));
            }
            Err(match r.termination {
                Termination::TimedOut => format!(
                    "{command} did not answer within {} s: the installation may be broken",
                    PROBE_TIMEOUT.as_secs()
                ),
                other => format!("{command} {}{said}", super::classify::describe(other)),
            })
        }
        Err(e) => Err(format!("{command} could not be started: {e}")),
    }
}

fn disabled(lang: Language) -> bool {
    // For tests and for learners who want to skip a language: MICROLINGS_DISABLE=java,csharp
    std::env::var("MICROLINGS_DISABLE")
        .map(|v| v.split(',').any(|s| s.trim() == lang.id()))
        .unwrap_or(false)
}

fn detect_one(lang: Language) -> Result<Toolchain, Missing> {
    let missing = |reason: String| Missing {
        language: lang,
        reason,
    };
    if disabled(lang) {
        return Err(missing("disabled by MICROLINGS_DISABLE".into()));
    }
    let found = |version: String, programs: Vec<PathBuf>| Toolchain {
        language: lang,
        version,
        programs,
        dotnet: None,
        go_cache: None,
    };
    match lang {
        Language::Python => {
            let exe = ["python3", "python"]
                .iter()
                .find_map(|n| which(n))
                .ok_or_else(|| missing("python3 is not on PATH".into()))?;
            // Resolve the real interpreter once: a pyenv shim costs ~100 ms per run.
            let out = probe(
                &exe,
                &[
                    "-c",
                    "import sys; print(sys.executable); print(sys.version.split()[0]); print(sys.version_info[0])",
                ],
            )
            .map_err(missing)?;
            let mut lines = out.lines();
            let real = lines.next().unwrap_or_default().trim().to_string();
            let version = lines.next().unwrap_or_default().trim().to_string();
            if lines.next().map(str::trim) != Some("3") {
                return Err(missing(format!(
                    "{} is Python {version}, not Python 3",
                    exe.display()
                )));
            }
            let real = if real.is_empty() {
                exe
            } else {
                PathBuf::from(real)
            };
            Ok(found(version, by_name([(Program::Python, real)])))
        }
        Language::Go => {
            let go = which("go").ok_or_else(|| missing("go is not on PATH".into()))?;
            let out = probe(&go, &["version"]).map_err(missing)?;
            let version = out.split_whitespace().nth(2).unwrap_or("go?").to_string();
            let cache = probe(&go, &["env", "GOCACHE"])
                .ok()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty() && s != "off")
                .map(PathBuf::from);
            Ok(Toolchain {
                go_cache: cache,
                ..found(version, by_name([(Program::Go, go)]))
            })
        }
        Language::Java => {
            let javac = which("javac").ok_or_else(|| {
                missing("javac is not on PATH (a JRE alone cannot compile)".into())
            })?;
            let java = which("java").ok_or_else(|| missing("java is not on PATH".into()))?;
            let out = probe(&javac, &["-version"]).map_err(missing)?;
            let version = out.split_whitespace().nth(1).unwrap_or("?").to_string();
            Ok(found(
                version,
                by_name([(Program::Javac, javac), (Program::Java, java)]),
            ))
        }
        Language::CSharp => detect_dotnet().map_err(missing),
    }
}

/// Finds the `dotnet` host: on PATH, else in `DOTNET_ROOT`.
fn find_dotnet() -> Option<PathBuf> {
    which("dotnet").or_else(|| {
        let root = PathBuf::from(std::env::var_os("DOTNET_ROOT")?);
        let exe = root.join(if cfg!(windows) {
            "dotnet.exe"
        } else {
            "dotnet"
        });
        is_executable(&exe).then_some(exe)
    })
}

/// The one line a learner with Mono but no .NET SDK reads.
pub const MONO_IS_NOT_DOTNET: &str = "C# needs the .NET SDK 8 or newer; Mono (mcs) was found, but the exercises are modern C# that Mono cannot compile";

fn detect_dotnet() -> Result<Toolchain, String> {
    let Some(dotnet) = find_dotnet() else {
        return Err(if which("mcs").is_some() {
            MONO_IS_NOT_DOTNET.to_string()
        } else {
            "the .NET SDK (dotnet) is not on PATH, and DOTNET_ROOT names none".to_string()
        });
    };
    let sdks = probe(&dotnet, &["--list-sdks"])?;
    // Lines look like "10.0.401 [/usr/share/dotnet/sdk]"; the newest SDK wins.
    let newest = sdks
        .lines()
        .filter_map(|l| {
            let (version, rest) = l.trim().split_once(' ')?;
            let dir = rest.trim().trim_start_matches('[').trim_end_matches(']');
            let major: u32 = version.split('.').next()?.parse().ok()?;
            Some((major, version.to_string(), PathBuf::from(dir).join(version)))
        })
        .max_by(|a, b| version_order(&a.1, &b.1));
    let Some((major, version, sdk_dir)) = newest else {
        return Err(format!(
            "{} has no SDK, only a runtime: C# needs the .NET SDK 8 or newer",
            dotnet.display()
        ));
    };
    if major < DOTNET_MIN_MAJOR {
        return Err(format!(
            "the .NET SDK {version} is too old: the exercises need 8 or newer"
        ));
    }
    // The packs live beside `sdk/` in the installation root (the host on PATH is often a
    // symlink into it).
    let root = sdk_dir
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let direct = direct_compiler(&root, &sdk_dir, major);
    let runtime = probe(&dotnet, &["--list-runtimes"]).ok().and_then(|text| {
        text.lines()
            .filter_map(|l| l.strip_prefix("Microsoft.NETCore.App "))
            .filter_map(|l| l.split_whitespace().next())
            .filter(|v| v.split('.').next() == Some(&major.to_string()))
            .max_by(|a, b| version_order(a, b))
            .map(str::to_string)
    });
    Ok(Toolchain {
        language: Language::CSharp,
        version,
        programs: by_name([(Program::Dotnet, dotnet)]),
        dotnet: Some(DotnetSdk {
            major,
            runtime,
            direct,
        }),
        go_cache: None,
    })
}

/// Compares dotted versions numerically ("10.0.100" > "9.0.300").
fn version_order(a: &str, b: &str) -> std::cmp::Ordering {
    let parts = |v: &str| -> Vec<u64> {
        v.split(['.', '-'])
            .map(|p| p.parse().unwrap_or(0))
            .collect()
    };
    parts(a).cmp(&parts(b))
}

/// The newest version directory of a reference pack whose major matches the SDK's.
fn pack_dir(root: &Path, pack: &str, major: u32) -> Option<PathBuf> {
    let dir = root.join("packs").join(pack);
    let newest = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|v| v.split('.').next() == Some(&major.to_string()))
        .max_by(|a, b| version_order(a, b))?;
    Some(dir.join(newest))
}

fn dlls_in(dir: &Path) -> Vec<PathBuf> {
    let mut dlls: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "dll"))
                .collect()
        })
        .unwrap_or_default();
    dlls.sort();
    dlls
}

fn direct_compiler(root: &Path, sdk_dir: &Path, major: u32) -> Option<DirectCompiler> {
    let bincore = sdk_dir.join("Roslyn").join("bincore");
    let csc_dll = bincore.join("csc.dll");
    let server_dll = bincore.join("VBCSCompiler.dll");
    let tfm = format!("net{major}.0");
    let core = pack_dir(root, "Microsoft.NETCore.App.Ref", major)?;
    let core_refs = dlls_in(&core.join("ref").join(&tfm));
    if !csc_dll.is_file() || !server_dll.is_file() || core_refs.is_empty() {
        return None;
    }
    let web_refs = pack_dir(root, "Microsoft.AspNetCore.App.Ref", major)
        .map(|d| dlls_in(&d.join("ref").join(&tfm)))
        .unwrap_or_default();
    let analyzers = core.join("analyzers").join("dotnet").join("cs");
    let generators = [
        "System.Text.Json.SourceGeneration.dll",
        "System.Text.RegularExpressions.Generator.dll",
    ]
    .iter()
    .map(|n| analyzers.join(n))
    .filter(|p| p.is_file())
    .collect();
    Some(DirectCompiler {
        csc_dll,
        server_dll,
        tfm,
        core_refs,
        web_refs,
        generators,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_probe_sees_only_where_things_are_installed() {
        // cargo sets this for every test; a probe must not see it, nor any variable of ours.
        assert!(std::env::var_os("CARGO_MANIFEST_DIR").is_some());
        let out = probe(Path::new("/usr/bin/env"), &[]).expect("env runs");
        assert!(out.lines().any(|l| l.starts_with("PATH=")), "{out}");
        assert!(!out.contains("CARGO_MANIFEST_DIR"), "{out}");
        assert!(!out.contains("MICROLINGS_"), "{out}");
    }

    #[cfg(unix)]
    #[test]
    fn a_probe_killed_from_outside_is_not_a_missing_toolchain_to_remember() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        // A "javac" that is killed by SIGKILL, as the OOM killer would.
        let fake = dir.path().join("javac");
        std::fs::write(
            &fake,
            "#!/bin/sh
kill -9 $$
",
        )
        .expect("write");
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let reason = probe(&fake, &["-version"]).expect_err("killed");
        assert!(reason.ends_with(MACHINE_FAILURE), "{reason}");
        assert!(reason.contains("killed by signal 9"), "{reason}");
        // A toolchain that fails by itself is simply missing.
        std::fs::write(
            &fake,
            "#!/bin/sh
echo broken >&2
exit 3
",
        )
        .expect("write");
        let reason = probe(&fake, &["-version"]).expect_err("fails");
        assert!(
            !reason.ends_with(MACHINE_FAILURE) && reason.contains("exited with code 3: broken"),
            "{reason}"
        );
    }

    #[test]
    fn programs_are_found_by_name() {
        let java = Toolchain {
            language: Language::Java,
            version: "17".into(),
            programs: by_name([
                (Program::Javac, PathBuf::from("/jdk/bin/javac")),
                (Program::Java, PathBuf::from("/jdk/bin/java")),
            ]),
            dotnet: None,
            go_cache: None,
        };
        assert_eq!(java.program(Program::Javac), Path::new("/jdk/bin/javac"));
        assert_eq!(java.program(Program::Java), Path::new("/jdk/bin/java"));
        // Another language's program is no program: starting it fails, it runs nothing else.
        assert_eq!(java.program(Program::Go), Path::new(""));
        // A cache written with the programs in order reads the same.
        let cached: Toolchain =
            serde_json::from_str(&serde_json::to_string(&java).expect("json")).expect("parse");
        assert_eq!(cached.program(Program::Java), Path::new("/jdk/bin/java"));
    }
}
