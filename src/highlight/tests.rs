use super::*;
use crate::course::Language;

fn text(lines: &[Line<'_>]) -> Vec<String> {
    lines
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
}

fn colours(lines: &[Line<'_>]) -> Vec<Color> {
    let mut seen: Vec<Color> = Vec::new();
    for span in lines.iter().flat_map(|l| &l.spans) {
        if let Some(fg) = span.style.fg
            && !seen.contains(&fg)
        {
            seen.push(fg);
        }
    }
    seen
}

#[test]
fn every_course_language_and_fence_tag_has_a_syntax() {
    let assets = assets();
    for lang in Language::ALL {
        assert!(find_syntax(assets, lang.syntax_token()).is_some(), "{lang}");
    }
    for tag in [
        "python",
        "py",
        "go",
        "java",
        "csharp",
        "cs",
        "c#",
        "json",
        "bash",
        "sh",
        "shell",
        "toml",
        "yaml",
        "yml",
        "proto",
        "dockerfile",
    ] {
        let token = syntax_token(tag).expect(tag);
        assert!(find_syntax(assets, &token).is_some(), "{tag} -> {token}");
    }
    for tag in ["text", "plain", "none", "", " Text "] {
        assert_eq!(syntax_token(tag), None, "{tag:?}");
    }
}

#[test]
fn keeps_the_text_and_expands_tabs() {
    let code = "func main() {\n\tx := \"a\\tb\" // note\r\n}\n";
    let theme = Theme::new(ThemeKind::Dark);
    let lines = highlight(code, "go", &theme);
    assert_eq!(
        text(&lines),
        ["func main() {", "    x := \"a\\tb\" // note", "}"]
    );
    // Keywords, strings and comments get different ANSI colours, none of them RGB.
    let used = colours(&lines);
    assert!(used.len() >= 3, "{used:?}");
    assert!(
        used.iter()
            .all(|c| !matches!(c, Color::Rgb(..) | Color::Indexed(_)))
    );
}

#[test]
fn light_theme_avoids_yellow_and_white() {
    let theme = Theme::new(ThemeKind::Light);
    for lang in Language::ALL {
        let code = "class A:\n    # comment\n    x = \"s\" + 1.5\n";
        let used = colours(&highlight(code, lang.syntax_token(), &theme));
        assert!(
            !used
                .iter()
                .any(|c| matches!(c, Color::Yellow | Color::White)),
            "{lang}: {used:?}"
        );
    }
}

#[test]
fn mono_is_unstyled_and_unknown_languages_are_plain() {
    let mono = Theme::new(ThemeKind::Mono);
    let lines = highlight("x = 1\n", "python", &mono);
    assert!(
        lines
            .iter()
            .flat_map(|l| &l.spans)
            .all(|s| s.style == Style::default())
    );

    let dark = Theme::new(ThemeKind::Dark);
    for lang in ["text", "no-such-language"] {
        let lines = highlight("a\tb\n", lang, &dark);
        assert_eq!(text(&lines), ["a   b"]);
        assert!(lines[0].spans.iter().all(|s| s.style == dark.code_block));
    }
}

#[test]
fn toml_comes_from_two_face() {
    let theme = Theme::new(ThemeKind::Dark);
    let lines = highlight("[package]\nname = \"x\" # c\n", "toml", &theme);
    assert_eq!(text(&lines), ["[package]", "name = \"x\" # c"]);
    assert!(colours(&lines).len() >= 2);
}

#[test]
fn pathological_csharp_lines_stay_fast() {
    let theme = Theme::new(ThemeKind::Dark);
    // Compile the C# regexes first: only the matching is timed.
    let _ = highlight("var s = $\"{x}\";\n", "cs", &theme);
    // SAFETY: reads of two integers that were written once, before any search.
    let limits = unsafe {
        (
            onig_sys::onig_get_retry_limit_in_match(),
            onig_sys::onig_get_retry_limit_in_search(),
        )
    };
    assert_eq!(
        limits,
        (RETRY_LIMIT_IN_MATCH.into(), RETRY_LIMIT_IN_SEARCH.into())
    );
    let line = "var s = $\"{x:F2}\"; var t = a + b + c + d + e + f;\n";
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let lines = highlight(line, "cs", &theme);
        best = best.min(start.elapsed());
        assert_eq!(text(&lines), [line.trim_end()]);
    }
    // 170 ms and more without the retry limits; about 2 ms with them (release build).
    assert!(best < Duration::from_millis(100), "{best:?}");
}

#[test]
fn preload_then_is_loaded() {
    preload();
    preload();
    // The background thread finishes quickly; highlight() would also wait for it.
    let _ = highlight("x", "py", &Theme::new(ThemeKind::Dark));
    assert!(is_loaded());
    assert!(highlight_in(loaded(), "x", "py", &Theme::new(ThemeKind::Dark)).is_some());
}

#[test]
fn without_syntaxes_only_what_needs_none_is_highlighted() {
    let dark = Theme::new(ThemeKind::Dark);
    assert_eq!(highlight_in(None, "x = 1", "py", &dark), None);
    // Plain text and the monochrome theme need no syntaxes.
    assert!(highlight_in(None, "x", "text", &dark).is_some());
    assert!(highlight_in(None, "x", "py", &Theme::new(ThemeKind::Mono)).is_some());
    let (lines, plain) = highlight_or_plain(None, "x = 1", "py", &dark);
    assert!(plain);
    assert_eq!(lines[0].spans[0].style, dark.code_block);
    let (_, plain) = highlight_or_plain(Some(syntaxes()), "x = 1", "py", &dark);
    assert!(!plain);
}

/// Prints timings; run with `cargo test --release --lib highlight::tests::timing -- --nocapture`.
#[test]
fn timing() {
    let start = std::time::Instant::now();
    let loaded = load();
    let load_time = start.elapsed();
    let start = std::time::Instant::now();
    warm_up(&loaded);
    let warm_up_time = start.elapsed();
    let theme = Theme::new(ThemeKind::Dark);
    let course = crate::course::load_course(None).expect("the embedded course loads");
    for lang in Language::ALL {
        let mut code = String::new();
        for ex in course.exercises.values() {
            code.push_str(ex.solution(lang));
            code.push('\n');
        }
        let code: String = code.lines().take(300).flat_map(|l| [l, "\n"]).collect();
        let token = lang.syntax_token();
        // The first call compiles the regexes the warm-up did not meet; report it apart.
        let start = std::time::Instant::now();
        let _ = highlight_with(&loaded, &code, token, &theme);
        eprintln!(
            "highlight 300 lines of {lang}, first time: {:?}",
            start.elapsed()
        );
        let mut best = std::time::Duration::MAX;
        for _ in 0..5 {
            let start = std::time::Instant::now();
            let lines = highlight_with(&loaded, &code, token, &theme);
            best = best.min(start.elapsed());
            assert_eq!(lines.len(), code.lines().count());
        }
        eprintln!("highlight 300 lines of {lang}: {best:?}");
        // The largest real file a learner edits in this language.
        let Some(biggest) = course
            .exercises
            .values()
            .flat_map(|ex| [ex.starter(lang), ex.solution(lang)])
            .max_by_key(|code| code.lines().count())
        else {
            continue;
        };
        let mut best = std::time::Duration::MAX;
        for _ in 0..5 {
            let start = std::time::Instant::now();
            let _ = highlight_with(&loaded, biggest, token, &theme);
            best = best.min(start.elapsed());
        }
        eprintln!(
            "highlight the largest {lang} file ({} lines): {best:?}",
            biggest.lines().count()
        );
    }
    eprintln!("syntect + two-face load: {load_time:?}, then warm-up: {warm_up_time:?}");
}
