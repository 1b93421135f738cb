//! Text for a terminal: whatever a document, a file name or an error message holds, what is
//! printed for a person cannot move the cursor, set the window title, erase or forge lines, or
//! reorder the text around it. `--format json` does not go through here: serde_json writes
//! exact JSON.

use std::borrow::Cow;

/// Whether `c` is shown escaped: the C0 controls (tab and line breaks included), DEL, the C1
/// controls, the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E,
/// U+200F, U+202A–U+202E, U+2066–U+2069) and the Unicode line and paragraph separators
/// (U+2028, U+2029).
pub fn needs_escape(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{1F}'
            | '\u{7F}'..='\u{9F}'
            | '\u{61C}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Appends `c` as it is shown: itself, or `\t`, `\n`, `\r`, or `\u{1b}` (lower-case hexadecimal,
/// as Rust's `char::escape_default` and the library's messages write it) for the others that
/// [`needs_escape`].
pub fn push(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c if needs_escape(c) => {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        }
        c => out.push(c),
    }
}

/// `text` with every character that [`needs_escape`] escaped (borrowed when there is none).
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push(&mut out, c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_control_is_escaped_and_nothing_else() {
        let cases = [
            ("\u{1b}]0;PWNED\u{7}", "\\u{1b}]0;PWNED\\u{7}"),
            ("a\rb\nc\td", "a\\rb\\nc\\td"),
            (
                "\u{0}\u{7F}\u{80}\u{9B}\u{9F}",
                "\\u{0}\\u{7f}\\u{80}\\u{9b}\\u{9f}",
            ),
            ("\u{202E}evil\u{202C}", "\\u{202e}evil\\u{202c}"),
            (
                "\u{2066}\u{2067}\u{2068}\u{2069}",
                "\\u{2066}\\u{2067}\\u{2068}\\u{2069}",
            ),
            ("\u{200E}\u{200F}\u{61C}", "\\u{200e}\\u{200f}\\u{61c}"),
            ("\u{2028}\u{2029}", "\\u{2028}\\u{2029}"),
        ];
        for (raw, shown) in cases {
            assert_eq!(escape(raw), shown, "{raw:?}");
        }
        for plain in ["", "/bucketName", "café 😀 ∑ \\u{1b}", "\u{A0}\u{200B}"] {
            assert!(matches!(escape(plain), Cow::Borrowed(_)), "{plain:?}");
        }
    }
}
