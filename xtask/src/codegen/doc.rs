//! Fragment text in doc comments, escaped so that rustdoc renders it literally: no Markdown,
//! HTML, link or code block made of a description, no bare CR (a compile error in a doc
//! comment), no bidirectional control (the `text_direction_codepoint_in_comment` lint).

/// The Markdown characters that are backslash-escaped wherever they appear: emphasis, code,
/// links and images, HTML and autolinks, entities, tables, strikethrough, and the backslash.
const INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~'];

/// The characters that start a block (heading, list, quote, setext underline, thematic break)
/// when they begin a line.
const LINE_START: &[char] = &['#', '-', '+', '=', '>'];

/// `text` as doc lines that render literally (rustdoc's Markdown, smart punctuation included): split at every line break (`\n`, `\r\n` and a
/// bare `\r`), each line trimmed (leading spaces would make a code block, that is a doctest)
/// and escaped.
pub fn text_lines(text: &str) -> Vec<String> {
    text.split("\r\n")
        .flat_map(|part| part.split(['\n', '\r']))
        .map(escape_line)
        .collect()
}

/// One line of fragment text, escaped.
fn escape_line(line: &str) -> String {
    let line = line.trim_matches(|c: char| c == ' ' || c == '\t');
    let mut out = String::with_capacity(line.len() + 8);
    // An ordered-list marker: digits then `.` or `)` at the start of the line.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let list_marker =
        digits > 0 && digits <= 9 && matches!(line.as_bytes().get(digits), Some(b'.' | b')'));
    for (i, c) in line.char_indices() {
        // `scheme\://`: rustdoc's `bare_urls` lint does not take it for a URL, and the page
        // shows `scheme://` as written, not a link.
        let url = c == ':' && line[i + 1..].starts_with("//");
        // rustdoc's smart punctuation: quotes curl, `--` and `---` become dashes, `...` an
        // ellipsis; escaped, each stays the character written.
        let smart = matches!(c, '"' | '\'')
            || (matches!(c, '-' | '.') && line[i + c.len_utf8()..].starts_with(c));
        if INLINE.contains(&c)
            || (i == 0 && LINE_START.contains(&c))
            || (list_marker && i == digits)
            || url
            || smart
        {
            out.push('\\');
            out.push(c);
        } else if let Some(escaped) = unprintable(c) {
            // `\u{1b}` on the page: Markdown keeps a backslash before a letter.
            out.push('\\');
            out.push_str(&escaped);
        } else {
            out.push(c);
        }
    }
    out
}

/// `text` as a Markdown code span (its content literal), on one line: fenced with one backtick
/// more than its longest run of backticks, line breaks and other controls written as `\u{..}`.
pub fn code(text: &str) -> String {
    // A tab, kept in prose, is escaped too: in a name (`foo\tbar`) it would read as spaces.
    let content = printable(text).replace('\t', "\\u{9}");
    if content.is_empty() {
        // "``" is not a code span; a code span of one space shows an empty one.
        return "` `".to_owned();
    }
    let mut longest = 0;
    let mut run = 0;
    for c in content.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // A space on each side keeps a backtick at either end out of the fence; CommonMark strips
    // one such space on each side.
    let pad = if content.starts_with('`') || content.ends_with('`') || content.starts_with(' ') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{content}{pad}{fence}")
}

/// `text` for a plain comment on one line: controls, separators and bidirectional controls
/// written as `\u{..}`.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match unprintable(c) {
            Some(escaped) => {
                out.push('\\');
                out.push_str(&escaped);
            }
            None => out.push(c),
        }
    }
    out
}

/// A character that must not appear as itself in a doc comment (controls, line and paragraph
/// separators, bidirectional controls), written as `u{..}` (the caller adds the backslash).
fn unprintable(c: char) -> Option<String> {
    let bidi =
        matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let separator = matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}');
    if (c.is_control() && c != '\t') || bidi || separator {
        Some(format!("u{{{:x}}}", u32::from(c)))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(
            text_lines("arn:aws:iam::<account-id>:role/<role-name>"),
            ["arn:aws:iam::\\<account-id\\>:role/\\<role-name\\>"]
        );
        assert_eq!(
            text_lines("see [link] and `code` *em* a_b &amp; a|b ~~x~~ \\n"),
            ["see \\[link\\] and \\`code\\` \\*em\\* a\\_b \\&amp; a\\|b \\~\\~x\\~\\~ \\\\n"]
        );
        assert_eq!(
            text_lines("# h\n- item\n+ item\n1. one\n2) two\n===\n> q"),
            [
                "\\# h", "\\- item", "\\+ item", "1\\. one", "2\\) two", "\\===", "\\> q"
            ]
        );
        assert_eq!(
            text_lines(r#"say "arn:aws" -- it's... ok - a.b"#),
            [r#"say \"arn:aws\" \-- it\'s\.\.. ok - a.b"#]
        );
        assert_eq!(
            text_lines("see https://example.com/a_b, a: b"),
            ["see https\\://example.com/a\\_b, a: b"]
        );
        // Indentation would make a code block, that is a doctest.
        assert_eq!(text_lines("    fn main() {}"), ["fn main() {}"]);
        assert_eq!(text_lines("plain, text. (fine)"), ["plain, text. (fine)"]);
    }

    #[test]
    fn every_line_break_splits_and_controls_are_written_out() {
        assert_eq!(text_lines("a\rb\r\nc\nd"), ["a", "b", "c", "d"]);
        assert_eq!(
            text_lines("a\u{1b}b\u{202e}c\u{2028}d"),
            ["a\\u{1b}b\\u{202e}c\\u{2028}d"]
        );
    }

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code("name"), "`name`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a``"), "``` `a`` ```");
        assert_eq!(code(""), "` `");
        assert_eq!(code("a\nb\r"), "`a\\u{a}b\\u{d}`");
        assert_eq!(code("foo\tbar"), "`foo\\u{9}bar`");
        assert_eq!(code("<x> [y]"), "`<x> [y]`");
    }
}
