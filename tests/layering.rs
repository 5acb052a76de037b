//! The crate's top-level modules form layers: a module imports only modules of its own layer
//! or below, and no two modules import each other, directly or through others. This test reads
//! every `crate::X` (and `crate::{X, Y}`) in src/ and fails on a cycle or an upward import, so
//! neither can come back unnoticed. docs/architecture.md describes the same layers.
#![allow(clippy::disallowed_methods)] // tests read back files they made; microlings itself reads through fsutil

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module not listed here fails the test: put it in a layer (and
/// in docs/architecture.md).
const LAYERS: &[&[&str]] = &[
    // Leaves: the clock and file-system helpers.
    &["clock", "fsutil", "visible"],
    // What a course is.
    &["course"],
    // Running learners' code.
    &["run"],
    // What is saved.
    &["progress", "workspace"],
    &["paths"],
    // Presentation helpers shared by the front ends.
    &[
        "style",
        "theme",
        "inline_diff",
        "highlight",
        "markdown",
        "report",
    ],
    // The rules both front ends follow, and the session they work in.
    &["learner", "session"],
    // The front ends: the command line starts the TUI, never the other way round.
    &["tui"],
    &["cli"],
];

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The source without comments, string literals and character literals (so that a doc
/// comment or a message mentioning `crate::cli` is not taken for an import).
fn code_only(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0;
                while i < chars.len() {
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                out.push(' ');
            }
            'r' if (next == Some('"') || next == Some('#'))
                && !chars
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.is_alphanumeric() || *p == '_') =>
            {
                // A raw string: r"...", r#"..."#.
                let mut j = i + 1;
                let mut hashes = 0;
                while chars.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if chars.get(j) != Some(&'"') {
                    out.push(c);
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if chars[j] == '"' && (0..hashes).all(|k| chars.get(j + 1 + k) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                i = j;
                out.push_str("\"\"");
            }
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            '\'' => {
                // A character literal ('x', '\n', '\u{1b}', '"'), or a lifetime ('a).
                if next == Some('\\') {
                    let mut j = i + 2;
                    while j < chars.len() && chars[j] != '\'' {
                        j += 1;
                    }
                    i = j + 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// The top-level modules a piece of code names through `crate::`.
fn crate_references(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let bytes = code.as_bytes();
    let mut from = 0;
    while let Some(at) = code[from..].find("crate::") {
        let start = from + at;
        from = start + "crate::".len();
        let before = start.checked_sub(1).map(|i| bytes[i]);
        if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_') {
            continue; // some_crate::, not crate::
        }
        let rest = code[from..].trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            // crate::{a, b::c, d::{e, f}}: the first segment of each top-level item.
            let mut depth = 0;
            let mut item_start = true;
            let mut word = String::new();
            for ch in group.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => word.push(c),
                    _ if item_start && !word.is_empty() => {
                        found.insert(std::mem::take(&mut word));
                        item_start = false;
                    }
                    _ => {}
                }
            }
            if !word.is_empty() {
                found.insert(word);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
        }
    }
    found
}

/// module -> the other top-level modules it imports.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src");
        let first = rel
            .components()
            .next()
            .expect("a path")
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" || module == "bin" {
            continue; // the crate root declares the modules; main and bin/ are the binaries
        }
        let text = std::fs::read_to_string(&file).expect("read a source file");
        let refs = crate_references(&code_only(&text));
        let entry = graph.entry(module.clone()).or_default();
        entry.extend(refs.into_iter().filter(|r| *r != module));
    }
    graph
}

/// Every cycle, as `a -> b -> a`, found from each module (each cycle once).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let mut seen: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    let mut found = Vec::new();
    for start in graph.keys() {
        // Breadth-first from `start`, keeping the path, back to `start`.
        let mut queue = vec![vec![start.clone()]];
        let mut visited = BTreeSet::new();
        while let Some(path) = (!queue.is_empty()).then(|| queue.remove(0)) {
            let last = path.last().expect("non-empty");
            for next in graph.get(last).into_iter().flatten() {
                if next == start {
                    let members: BTreeSet<String> = path.iter().cloned().collect();
                    if seen.insert(members) {
                        found.push(format!("{} -> {start}", path.join(" -> ")));
                    }
                } else if visited.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    queue.push(longer);
                }
            }
        }
    }
    found
}

#[test]
fn no_cycle_between_top_level_modules() {
    let graph = module_graph();
    assert!(
        graph.get("tui").is_some_and(|d| d.contains("course")),
        "the scan found no imports at all: {graph:?}"
    );
    let found = cycles(&graph);
    assert!(
        found.is_empty(),
        "import cycles between top-level modules (move what both need below both):\n  {}",
        found.join("\n  ")
    );
}

#[test]
fn modules_import_only_their_layer_and_below() {
    let layer_of: BTreeMap<&str, usize> = LAYERS
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (*n, i)))
        .collect();
    let mut problems = Vec::new();
    for (module, deps) in module_graph() {
        let Some(&mine) = layer_of.get(module.as_str()) else {
            problems.push(format!(
                "{module} is in no layer: add it to LAYERS in tests/layering.rs and to docs/architecture.md"
            ));
            continue;
        };
        for dep in deps {
            match layer_of.get(dep.as_str()) {
                Some(&theirs) if theirs > mine => {
                    problems.push(format!("{module} imports {dep}, which is above it"))
                }
                Some(_) => {}
                None => problems.push(format!("{module} imports {dep}, which is in no layer")),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scanner_sees_imports_and_ignores_comments_and_strings() {
    let code = code_only(
        "use crate::{course::{Exercise, Language}, run};\n\
         // crate::cli in a comment\n\
         /* crate::tui /* nested */ still */\n\
         let s = \"crate::markdown\"; let r = r#\"crate::theme\"#; let c = '\"';\n\
         fn f<'a>(x: &'a str) { crate::progress::now_secs(); $crate::style::x(); my_crate::paths::y(); }\n",
    );
    let refs = crate_references(&code);
    let expected: BTreeSet<String> = ["course", "run", "progress", "style"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(refs, expected, "{code}");
    let mut graph = BTreeMap::new();
    graph.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    graph.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    graph.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(cycles(&graph), vec!["a -> b -> c -> a".to_string()]);
}
