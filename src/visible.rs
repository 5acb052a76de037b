//! Text from outside microlings (a learner's program, a course) made safe for a terminal:
//! both front ends show control characters as symbols rather than send them. The command
//! line prints through it (`cli::out`); the TUI passes outcomes through
//! `learner::outcome::visible_outcome` before drawing them, because a terminal acts on a
//! control character in a cell just as it does on one that is printed.

/// Shows control characters visibly, so that text a learner's program (or a course) printed
/// cannot drive the terminal: no title change (OSC 0), no clipboard write (OSC 52), no clear
/// screen or alternate screen. ESC becomes `␛`, other C0 controls their control pictures
/// (`␇`, `␍`...), DEL `␡`, and C1 controls and bidirectional overrides `<U+009B>`. Newlines
/// and tabs stay as they are.
pub fn visible(text: &str) -> String {
    if !text.chars().any(needs_showing) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{1b}' => out.push('␛'),
            '\u{7f}' => out.push('␡'),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?'));
            }
            c if needs_showing(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn needs_showing(c: char) -> bool {
    let n = c as u32;
    (n < 0x20 && c != '\n' && c != '\t')
        || (0x7f..=0x9f).contains(&n)
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(visible("plain\ttext\n"), "plain\ttext\n");
        assert_eq!(
            visible("\u{1b}]0;title\u{7}\u{1b}[2J\r\u{9b}31m"),
            "␛]0;title␇␛[2J␍<U+009B>31m"
        );
        assert_eq!(visible("\u{202e}abc\u{7f}"), "<U+202E>abc␡");
    }
}
