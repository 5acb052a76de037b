//! The C# compiler server: the SDK's own `VBCSCompiler`, which keeps Roslyn warm between
//! checks (a fifth of a second a build instead of one and a half; docs/architecture.md).
//!
//! The compiler's client (`csc -shared:<pipe>`) would start a server by itself, but inside the
//! check's process group, which the runner kills after every build; so microlings starts it
//! through the shared lifecycle (`server/mod.rs`), in a session of its own, before the build
//! (Roslyn's server takes its idle time from its first request, so it is started for one).
//! Its pipe name is derived from the data directory, so two data directories never share one.
//! Roslyn's server does not stop a compile whose client went away, so a build whose check
//! ended (timed out, cancelled) kills the server; the next check starts a fresh one. Its managed heap is capped (`DOTNET_GCHeapHardLimit`), and so is the client's,
//! which compiles in its own process when the server is gone.

use std::io;
use std::path::{Path, PathBuf};

use super::{
    CancelToken, Ensure, Kind, Limits, ProcessResult, ProcessSpec, START_BUDGET, ServerBuild,
    ServerLimits, ServerSpec, Termination, key_of,
};
use crate::run::process;

/// The managed heap ceiling of the server and of a client compiling on its own. A learner's
/// file that needs more is out of memory: `could_not_run`, not a compile error.
pub const HEAP_MIB: u64 = 1024;

/// `DOTNET_GCHeapHardLimit` for [`HEAP_MIB`] (the runtime reads it as hexadecimal).
pub fn heap_limit_env() -> (String, String) {
    (
        "DOTNET_GCHeapHardLimit".to_string(),
        format!("{:#x}", super::heap_mib(HEAP_MIB) * 1024 * 1024),
    )
}

/// The name of the compiler server's pipe: one per SDK and data directory, so two data
/// directories never share a server (or its caches).
pub fn pipe_name(cache_root: &Path, sdk_version: &str) -> String {
    format!(
        "microlings-csc-{}",
        key_of(&[
            cache_root.as_os_str().as_encoded_bytes(),
            sdk_version.as_bytes()
        ])
    )
}

/// The server for the SDK whose `VBCSCompiler.dll` is `server_dll`, started with `dotnet`
/// and `env` (which must name the same temp directory as the client's: they meet there).
pub fn spec(
    dotnet: &Path,
    server_dll: &Path,
    cache_root: &Path,
    sdk_version: &str,
    mut env: Vec<(String, String)>,
) -> ServerSpec {
    let pipe = pipe_name(cache_root, sdk_version);
    let tmp = env
        .iter()
        .find(|(k, _)| k == "TMPDIR")
        .map(|(_, v)| PathBuf::from(v))
        .unwrap_or_else(std::env::temp_dir);
    let key = key_of(&[pipe.as_bytes(), server_dll.as_os_str().as_encoded_bytes()]);
    env.push(heap_limit_env());
    ServerSpec {
        kind: Kind::CSharp,
        key: key.clone(),
        launch: ProcessSpec {
            program: dotnet.to_path_buf(),
            args: vec![
                "exec".into(),
                server_dll.display().to_string(),
                format!("-pipename:{pipe}"),
            ],
            dir: cache_root.to_path_buf(),
            env,
            stdin: None,
        },
        endpoint: tmp.join(&pipe),
        state: cache_root.join("servers").join(format!("csharp-{key}")),
        limits: ServerLimits {
            idle: super::idle(),
            heap_mib: super::heap_mib(HEAP_MIB),
        },
        prepare: None,
    }
}

/// Runs `client` (csc through the server) once the server listens, or the plain compiler.
pub(super) fn build(
    b: &ServerBuild,
    client: &ProcessSpec,
    limits: Limits,
    cancel: &CancelToken,
) -> io::Result<ProcessResult> {
    match super::connect(&b.server, START_BUDGET.min(limits.timeout), cancel) {
        Ensure::Ready(_) => {
            let r = process::run_toolchain(client, limits, cancel)?;
            if matches!(
                r.termination,
                Termination::TimedOut | Termination::Cancelled
            ) {
                // The client is gone but Roslyn's server compiles on (for minutes, on a huge
                // file): kill it. Other checks' clients compile on their own meanwhile, and
                // the next check starts a fresh server.
                super::kill(&b.server);
            }
            Ok(r)
        }
        Ensure::Unavailable(_) => process::run_toolchain(&b.fallback, limits, cancel),
    }
}
