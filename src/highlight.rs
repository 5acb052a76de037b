//! Syntax highlighting of code with syntect, mapped onto the 16 ANSI colours.
//!
//! The syntax definitions and colour themes take a few milliseconds to load, so they are loaded
//! once, lazily, and shared. Call [`preload`] at start-up: it loads them on a background thread,
//! so the first frame never waits for them. [`highlight`] loads them itself when nothing did
//! (blocking); [`highlight_in`] highlights with the [`Syntaxes`] it is given, or says it cannot
//! without them, never blocking (the TUI gets them in a message once [`syntaxes`] returns).
//!
//! Two syntax sets are used: syntect's defaults first (its Go and Java definitions are 15-50%
//! faster than bat's newer ones), then two-face's larger set (bat's) for what syntect lacks:
//! TOML, Protocol Buffers, Dockerfile and more.
//!
//! Colours: the syntect themes (base16-ocean.dark for dark terminals, InspiredGitHub for light
//! ones) are written in RGB; every colour is mapped to the ANSI colour of the closest hue, greys
//! to the terminal's own foreground or dark grey, so highlighting works on 16-colour terminals
//! and follows the user's palette. Light terminals get no yellow or white, which vanish on white.
//!
//! Cost (release build, this 2-core machine): loading 3 ms plus a 20 ms warm-up, both on the
//! background thread; a 300-line file 5 ms (Go) to 13 ms (Python); the course's largest files
//! (75-120 lines) 2-3.5 ms. Highlight when the code changes and cache the lines.

use std::sync::{Once, OnceLock};
use std::time::{Duration, Instant};

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use syntect::easy::HighlightLines;
use syntect::highlighting::{self as sh, FontStyle};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::theme::{Theme, ThemeKind};

/// Columns between tab stops when tabs are expanded (terminals draw a raw tab unpredictably,
/// and ratatui counts it as zero columns).
pub const TAB_WIDTH: usize = 4;

/// How long one [`highlight`] call may spend before the rest of the code is shown uncoloured.
/// A 300-line file takes 5-13 ms (Python is the slowest); the budget only stops pathological
/// input from freezing the screen.
pub const BUDGET: Duration = Duration::from_millis(50);

/// Everything syntect needs, loaded once.
struct Assets {
    /// syntect's bundled syntaxes: tried first.
    syntaxes: SyntaxSet,
    /// two-face's syntaxes: TOML, protobuf and others syntect lacks. Loaded the first time a
    /// block needs one (about 5 ms, once): the exercises' four languages and most lessons
    /// never do, and the set holds about 1.1 MB.
    extra: OnceLock<SyntaxSet>,
    /// For dark terminals.
    dark: sh::Theme,
    /// For light terminals.
    light: sh::Theme,
}

static ASSETS: OnceLock<Assets> = OnceLock::new();
static PRELOAD: Once = Once::new();

/// Caps on Oniguruma's backtracking (its defaults: 10 million retries per match attempt, no
/// cap per search). syntect's C# syntax backtracks exponentially on lines such as
/// `var s = $"{x:F2}"; var t = a + b + c + d;`, which took 170 ms; with these caps it takes
/// 2 ms. syntect treats a search that hits the cap as "no match", so such a line is coloured a
/// little less; every file in the course highlights exactly as without the caps.
const RETRY_LIMIT_IN_MATCH: u32 = 100_000;
const RETRY_LIMIT_IN_SEARCH: u32 = 1_000_000;

fn set_retry_limits() {
    static LIMITS: Once = Once::new();
    // SAFETY: these only store two process-wide integers that Oniguruma reads when a search
    // starts. syntect, through this module, is the program's only user of Oniguruma, and every
    // path to a syntax set goes through `load`, which calls this first; `Once` makes any other
    // caller wait until the stores are done. So no search runs while they are written.
    LIMITS.call_once(|| unsafe {
        onig_sys::onig_set_retry_limit_in_match(RETRY_LIMIT_IN_MATCH.into());
        onig_sys::onig_set_retry_limit_in_search(RETRY_LIMIT_IN_SEARCH.into());
    });
}

fn load() -> Assets {
    set_retry_limits();
    let mut themes = sh::ThemeSet::load_defaults().themes;
    Assets {
        syntaxes: SyntaxSet::load_defaults_newlines(),
        extra: OnceLock::new(),
        // Both themes ship with syntect (the `default-themes` feature), so they are present;
        // the fallback only guards against a future syntect renaming them.
        dark: themes.remove("base16-ocean.dark").unwrap_or_default(),
        light: themes.remove("InspiredGitHub").unwrap_or_default(),
    }
}

fn assets() -> &'static Assets {
    ASSETS.get_or_init(load)
}

/// Starts loading the syntaxes and themes on a background thread, once; later calls do nothing.
///
/// Call it at start-up, before the first frame. If the thread cannot be spawned, the loading
/// happens right here instead (a few milliseconds), so highlighting still works.
pub fn preload() {
    PRELOAD.call_once(|| {
        let spawned = std::thread::Builder::new()
            .name("highlight-load".into())
            .spawn(|| warm_up(assets()));
        if spawned.is_err() {
            // No thread: load here (a few milliseconds), without the warm-up.
            assets();
        }
    });
}

/// Small programs in the course's languages, touching their common constructs.
const WARM_UP: [(&str, &str); 4] = [
    (
        "py",
        "import sys\nfrom dataclasses import dataclass\n\n@dataclass\nclass A(object):\n    \
         x: int = 0\n\ndef main(n: int) -> None:\n    \"\"\"Doc.\"\"\"\n    # comment\n    \
         x = [i * 2 for i in range(n) if i % 2 == 0]\n    d = {'a': 1, \"b\": 2.5, 'c': None}\n    \
         try:\n        print(f\"{x!r} {n:>4}\", True, sys.stdin.readline().strip())\n    \
         except (ValueError, KeyError) as e:\n        raise SystemExit(1) from e\n\n\
         if __name__ == \"__main__\":\n    main(int(sys.argv[1]))\n",
    ),
    (
        "go",
        "package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\n// T is a type.\ntype T struct {\n\t\
         Name string `json:\"name\"`\n}\n\nfunc (t *T) f(n int) (int, error) {\n\tm := \
         map[string]int{\"a\": 1}\n\tfor i := 0; i < n; i++ {\n\t\tm[\"a\"] += i * 2\n\t}\n\t\
         if err := g(); err != nil {\n\t\treturn 0, fmt.Errorf(\"x: %w\", err)\n\t}\n\t\
         fmt.Fprintln(os.Stderr, 1.5, true, nil, 'c')\n\treturn m[\"a\"], nil\n}\n",
    ),
    (
        "java",
        "import java.util.*;\n\n/** Doc. */\npublic class Main {\n    // comment\n    \
         static final int N = 10;\n\n    public static void main(String[] args) throws Exception {\n        \
         List<Integer> xs = new ArrayList<>();\n        for (int i = 0; i < N; i++) {\n            \
         xs.add(i * 2);\n        }\n        Map<String, Long> m = new HashMap<>();\n        \
         System.out.printf(\"%d %s%n\", 1L, \"x\" + 'c' + 1.5 + true + null);\n    }\n}\n",
    ),
    (
        "cs",
        "using System;\nusing System.Collections.Generic;\n\n/// <summary>Doc.</summary>\n\
         public static class Program\n{\n    // comment\n    private const int N = 10;\n\n    \
         public static void Main(string[] args)\n    {\n        var xs = new List<int>();\n        \
         foreach (var i in new[] { 1, 2 }) { xs.Add(i * 2); }\n        \
         var m = new Dictionary<string, long> { { \"a\", 1L } };\n        \
         Console.WriteLine($\"{xs.Count} {m.Count:D4}\" + 'c' + 1.5 + true + null);\n    }\n}\n",
    ),
];

/// Highlights a small program per course language, so that syntect compiles the regular
/// expressions they need (it does so on first use) on the loading thread, not while drawing.
fn warm_up(assets: &Assets) {
    let theme = Theme::new(ThemeKind::Dark);
    for (token, code) in WARM_UP {
        let _ = highlight_with(assets, code, token, &theme);
    }
}

/// Whether the syntaxes and themes are loaded, so highlighting will not block.
pub fn is_loaded() -> bool {
    ASSETS.get().is_some()
}

/// The loaded syntaxes and colour themes, as a value: whoever highlights with it says which
/// syntaxes it uses, instead of reading whether a background thread has finished (the TUI
/// receives it in a message and keeps it in its state, so its update is deterministic).
#[derive(Clone, Copy)]
pub struct Syntaxes(&'static Assets);

impl std::fmt::Debug for Syntaxes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Syntaxes")
    }
}

impl PartialEq for Syntaxes {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Syntaxes {}

/// The syntaxes, loading them first if nothing has (blocking: a few milliseconds; waits for
/// a load [`preload`] started).
pub fn syntaxes() -> Syntaxes {
    Syntaxes(assets())
}

impl Syntaxes {
    /// [`highlight`] with these syntaxes (never waits).
    pub fn highlight(self, code: &str, lang: &str, theme: &Theme) -> Vec<Line<'static>> {
        highlight_in(Some(self), code, lang, theme).unwrap_or_default()
    }
}

/// The syntaxes if they are loaded, without waiting.
pub fn loaded() -> Option<Syntaxes> {
    ASSETS.get().map(Syntaxes)
}

/// Like [`highlight`] with the given syntaxes, or, without them, `None` when the result would
/// need them (plain text and the monochrome theme do not).
pub fn highlight_in(
    syntaxes: Option<Syntaxes>,
    code: &str,
    lang: &str,
    theme: &Theme,
) -> Option<Vec<Line<'static>>> {
    if !theme.highlights() {
        return Some(plain(code, Style::default()));
    }
    let Some(token) = syntax_token(lang) else {
        return Some(plain(code, theme.code_block));
    };
    Some(highlight_with(syntaxes?.0, code, &token, theme))
}

/// Highlights with the given syntaxes, or shows the code plain without them; the flag says
/// whether it was shown plain for want of them (to colour it when they arrive).
pub fn highlight_or_plain(
    syntaxes: Option<Syntaxes>,
    code: &str,
    lang: &str,
    theme: &Theme,
) -> (Vec<Line<'static>>, bool) {
    match highlight_in(syntaxes, code, lang, theme) {
        Some(lines) => (lines, false),
        None => (plain(code, theme.code_block), true),
    }
}

/// The syntect token for a code fence tag or a [`crate::course::Language::syntax_token`]:
/// `None` for tags that mean "no highlighting" (`text`, `plain`, `none`, empty).
///
/// Course tags are mapped to the tokens syntect knows (`python` -> `py`, `csharp`/`c#` -> `cs`,
/// `bash`/`shell` -> `sh`); any other tag is passed on as it is, lower-cased, and matched against
/// syntax names and file extensions when highlighting.
pub fn syntax_token(tag: &str) -> Option<String> {
    let tag = tag.trim().to_ascii_lowercase();
    let token = match tag.as_str() {
        "" | "text" | "plain" | "plaintext" | "txt" | "none" | "output" => return None,
        "python" | "python3" | "py" => "py",
        "csharp" | "cs" | "c#" => "cs",
        "bash" | "sh" | "shell" | "console" | "zsh" => "sh",
        "golang" => "go",
        "yml" => "yaml",
        "protobuf" => "proto",
        "docker" => "dockerfile",
        "js" | "javascript" => "js",
        other => other,
    };
    Some(token.to_string())
}

fn find_syntax<'a>(
    assets: &'a Assets,
    token: &str,
) -> Option<(&'a SyntaxReference, &'a SyntaxSet)> {
    if let Some(syntax) = assets.syntaxes.find_syntax_by_token(token) {
        return Some((syntax, &assets.syntaxes));
    }
    let extra = assets.extra.get_or_init(two_face::syntax::extra_newlines);
    extra
        .find_syntax_by_token(token)
        .map(|syntax| (syntax, extra))
}

/// Highlights `code` written in `lang` (a fence tag or a syntax token, see [`syntax_token`]).
///
/// Returns one line per source line, tabs expanded to [`TAB_WIDTH`] columns and line ends
/// (`\n`, `\r\n`) removed. With [`ThemeKind::Mono`] the lines are unstyled; for a language
/// without highlighting (`text`, or unknown) they carry `theme.code_block`.
///
/// Blocks while the syntaxes load if [`preload`] has not finished; on the drawing path use
/// [`highlight_in`], and cache the result: a 300-line file takes several milliseconds.
pub fn highlight(code: &str, lang: &str, theme: &Theme) -> Vec<Line<'static>> {
    if !theme.highlights() {
        return plain(code, Style::default());
    }
    let Some(token) = syntax_token(lang) else {
        return plain(code, theme.code_block);
    };
    highlight_with(assets(), code, &token, theme)
}

fn highlight_with(assets: &Assets, code: &str, token: &str, theme: &Theme) -> Vec<Line<'static>> {
    let Some((syntax, set)) = find_syntax(assets, token) else {
        return plain(code, theme.code_block);
    };
    let (syn_theme, light) = match theme.kind {
        ThemeKind::Light => (&assets.light, true),
        _ => (&assets.dark, false),
    };
    let palette = Palette::new(syn_theme, light);
    let mut highlighter = HighlightLines::new(syntax, syn_theme);
    let mut lines = Vec::new();
    let start = Instant::now();
    let mut offset = 0;
    for source in LinesWithEndings::from(code) {
        // A last guard against pathological input (see RETRY_LIMIT_IN_MATCH): past the
        // budget, show the rest uncoloured rather than freeze the screen.
        let regions = if start.elapsed() < BUDGET {
            highlighter.highlight_line(source, set).ok()
        } else {
            None
        };
        // On an error (a syntax's regex failed), likewise: better uncoloured than missing.
        let Some(regions) = regions else {
            lines.extend(plain(&code[offset..], theme.code_block));
            break;
        };
        let mut line = LineBuilder::default();
        for (style, text) in regions {
            line.push(text, palette.style(style));
        }
        lines.push(line.finish());
        offset += source.len();
    }
    lines
}

/// Lines of `code` in one style, tabs expanded, line ends removed.
fn plain(code: &str, style: Style) -> Vec<Line<'static>> {
    code.lines()
        .map(|source| {
            let mut line = LineBuilder::default();
            line.push(source, style);
            line.finish()
        })
        .collect()
}

/// Builds one line from styled pieces: expands tabs, drops line ends and control characters,
/// and merges neighbours of the same style (fewer spans, faster drawing).
#[derive(Default)]
struct LineBuilder {
    spans: Vec<Span<'static>>,
    current: String,
    style: Style,
    column: usize,
}

impl LineBuilder {
    fn push(&mut self, text: &str, style: Style) {
        if style != self.style && !self.current.is_empty() {
            self.flush();
        }
        self.style = style;
        for c in text.chars() {
            match c {
                '\t' => {
                    let n = TAB_WIDTH - self.column % TAB_WIDTH;
                    self.current.extend(std::iter::repeat_n(' ', n));
                    self.column += n;
                }
                '\n' | '\r' => {}
                c if c.is_control() => {}
                c => {
                    self.current.push(c);
                    self.column += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                }
            }
        }
    }

    fn flush(&mut self) {
        if !self.current.is_empty() {
            let text = std::mem::take(&mut self.current);
            self.spans.push(Span::styled(text, self.style));
        }
    }

    fn finish(mut self) -> Line<'static> {
        self.flush();
        Line::from(self.spans)
    }
}

/// Maps one syntect theme's RGB colours to ANSI colours.
struct Palette {
    /// The theme's default text colour: shown as the terminal's own foreground.
    default_fg: Option<sh::Color>,
    /// Lightness of the default text, to tell comments (dimmer or paler) from text.
    default_lightness: f32,
    /// Light backgrounds need the dark variants, and no yellow.
    light: bool,
}

impl Palette {
    fn new(theme: &sh::Theme, light: bool) -> Self {
        let default_fg = theme.settings.foreground;
        let default_lightness =
            default_fg
                .map(|c| hsl(c).2)
                .unwrap_or(if light { 0.2 } else { 0.8 });
        Palette {
            default_fg,
            default_lightness,
            light,
        }
    }

    fn style(&self, style: sh::Style) -> Style {
        let mut out = Style::default();
        if let Some(fg) = self.color(style.foreground) {
            out = out.fg(fg);
        }
        if style.font_style.contains(FontStyle::BOLD) {
            out = out.add_modifier(Modifier::BOLD);
        }
        if style.font_style.contains(FontStyle::ITALIC) {
            out = out.add_modifier(Modifier::ITALIC);
        }
        if style.font_style.contains(FontStyle::UNDERLINE) {
            out = out.add_modifier(Modifier::UNDERLINED);
        }
        out
    }

    fn color(&self, c: sh::Color) -> Option<Color> {
        if self.default_fg == Some(c) {
            return None;
        }
        let (hue, saturation, lightness) = hsl(c);
        // base16-ocean's pastels have saturations of 0.17-0.3; its greys stay below 0.13.
        if saturation < 0.15 || !(0.1..=0.92).contains(&lightness) {
            // Greys: text-like ones stay in the terminal's colour; clearly dimmer or paler ones
            // (comments) become dark grey, which reads as "less important" on both backgrounds.
            return if (lightness - self.default_lightness).abs() > 0.15 {
                Some(Color::DarkGray)
            } else {
                None
            };
        }
        let color = match hue {
            h if !(10.0..335.0).contains(&h) => Color::Red,
            h if h < 65.0 => {
                // Yellow is unreadable on white; orange is closer to red anyway.
                if self.light {
                    Color::Red
                } else {
                    Color::Yellow
                }
            }
            h if h < 165.0 => Color::Green,
            h if h < 200.0 => Color::Cyan,
            h if h < 255.0 => {
                // ANSI blue is too dark to read on most dark backgrounds.
                if self.light {
                    Color::Blue
                } else {
                    Color::LightBlue
                }
            }
            _ => Color::Magenta,
        };
        Some(color)
    }
}

/// Hue (degrees), saturation and lightness (0-1) of an RGB colour.
fn hsl(c: sh::Color) -> (f32, f32, f32) {
    let r = f32::from(c.r) / 255.0;
    let g = f32::from(c.g) / 255.0;
    let b = f32::from(c.b) / 255.0;
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    let lightness = (max + min) / 2.0;
    let delta = max - min;
    if delta < f32::EPSILON {
        return (0.0, 0.0, lightness);
    }
    let saturation = delta / (1.0 - (2.0 * lightness - 1.0).abs());
    let hue = if max == r {
        60.0 * (((g - b) / delta).rem_euclid(6.0))
    } else if max == g {
        60.0 * ((b - r) / delta + 2.0)
    } else {
        60.0 * ((r - g) / delta + 4.0)
    };
    (hue, saturation, lightness)
}

#[cfg(test)]
mod tests;
