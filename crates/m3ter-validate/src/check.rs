//! Checking one document: its errors, and (for people) where each one is in the text.

use m3ter_models::json::{Body, Location, Profile};
use m3ter_models::{ErrorCode, ErrorKind, ValidationError};

use crate::lean;

/// What to check against.
#[derive(Clone, Copy)]
pub struct Rules {
    /// The body type the document is checked as (an operation's request or response body).
    pub body: Body,
    /// Default or strict.
    pub profile: Profile,
    /// Locate each error in the source (line, column, excerpt) and sort the errors by place:
    /// what both output formats show. Off, the errors come in the order they were found.
    pub locate: bool,
}

/// Where an error is in the source text, and the text around it.
pub struct Place {
    /// 1-based line within the document.
    pub line: usize,
    /// 1-based column, in characters (Unicode code points, as for every column reported).
    pub column: usize,
    /// Whether the error was found in the text (if not, `line` and `column` are 1 and the
    /// excerpt is the document's start).
    pub located: bool,
    /// How many characters to underline (0 without the excerpt).
    pub width: usize,
    /// The shown part of the source line (no line break, raw: escaping is the renderer's):
    /// from `skipped` characters in, at most `BEFORE` characters before the value, at most
    /// `SHOWN` of the value and `SHOWN` after it, so a long line costs what a short one does.
    pub text: String,
    /// Characters of the line before `text` (not shown; 0 without the excerpt).
    pub skipped: usize,
}

/// One checked document.
pub struct Checked {
    /// 1-based line of the document in its input (`--ndjson`), else `None`.
    pub line: Option<usize>,
    /// Every error of the document.
    pub errors: Vec<ValidationError>,
    /// Parallel to `errors` when locations were asked for.
    pub places: Vec<Place>,
}

/// The most characters of a value that a place underlines, and of the source line shown past
/// the underline: a 100 MB value is shown by its start, not printed whole.
const SHOWN: usize = 200;

/// The most characters of context shown before a value on its line.
const BEFORE: usize = 60;

/// Checks one document's bytes; `line` is its line in the input with `--ndjson`. With
/// `rules.locate`, the errors come in source order (line, then column; errors at the same place
/// in the order they were found).
pub fn check(bytes: &[u8], line: Option<usize>, rules: Rules) -> Checked {
    check_with(bytes, line, rules, true)
}

/// [`check`], with each place's excerpt (`Place::text`) only when `excerpts` is true: the JSON
/// report needs lines and columns, not the source text around them.
pub fn check_with(bytes: &[u8], line: Option<usize>, rules: Rules, excerpts: bool) -> Checked {
    let errors = lean::validate(bytes, &rules.body, rules.profile);
    if !rules.locate || errors.is_empty() {
        return Checked {
            line,
            errors,
            places: Vec::new(),
        };
    }
    let places = places(bytes, &errors, excerpts);
    if places.is_sorted_by_key(|place| (place.line, place.column)) {
        return Checked {
            line,
            errors,
            places,
        };
    }
    let mut pairs: Vec<(ValidationError, Place)> = errors.into_iter().zip(places).collect();
    pairs.sort_by_key(|(_, place)| (place.line, place.column));
    let (errors, places) = pairs.into_iter().unzip();
    Checked {
        line,
        errors,
        places,
    }
}

/// Whether a document that failed to parse looks like NDJSON: its only error is trailing
/// characters after a first line that is a whole JSON value by itself.
pub fn looks_like_ndjson(bytes: &[u8], checked: &Checked) -> bool {
    let [error] = checked.errors.as_slice() else {
        return false;
    };
    let ErrorKind::Syntax { message, line, .. } = error.kind() else {
        return false;
    };
    if *line < 2 || !message.contains("trailing characters") {
        return false;
    }
    let mut lines = bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace));
    lines
        .next()
        .is_some_and(|first| serde_json::from_slice::<serde::de::IgnoredAny>(first).is_ok())
}

/// Whether an NDJSON line is only `{` or `[` (with blanks): the first line of pretty-printed
/// JSON.
pub fn opens_pretty_json(line: &[u8]) -> bool {
    matches!(line.trim_ascii(), b"{" | b"[")
}

/// The place of every error: the values are found in one read of the text, however many
/// errors there are.
fn places(bytes: &[u8], errors: &[ValidationError], excerpts: bool) -> Vec<Place> {
    let paths: Vec<&str> = errors.iter().map(ValidationError::path).collect();
    let located = if errors.iter().all(|e| e.code() == ErrorCode::Syntax) {
        // A syntax error has its own position (and the text may not be JSON to read).
        vec![None; errors.len()]
    } else {
        Location::all(bytes, &paths)
    };
    errors
        .iter()
        .zip(located)
        .map(|(error, location)| place(bytes, error, location, excerpts))
        .collect()
}

fn place(
    bytes: &[u8],
    error: &ValidationError,
    location: Option<Location>,
    excerpt: bool,
) -> Place {
    // A syntax error: its own line and column (in characters), one character underlined.
    if let ErrorKind::Syntax { line, column, .. } = *error.kind() {
        let (line, column) = (line.max(1), column.max(1));
        let offset = offset_of(bytes, line, column);
        return window(bytes, offset, 1, (line, column), true, excerpt);
    }
    match location {
        Some(location) => window(
            bytes,
            location.offset.min(bytes.len()),
            location.len,
            (location.line, location.column),
            true,
            excerpt,
        ),
        None => window(bytes, 0, 1, (1, 1), false, excerpt),
    }
}

/// The place of the `len` bytes at byte `start`, which is at `line` and `column` (characters),
/// with its excerpt when `excerpt` is true:
/// the value's first line underlined (at most [`SHOWN`] characters of it), with at most
/// [`BEFORE`] characters of its line before it and [`SHOWN`] after the underline.
fn window(
    bytes: &[u8],
    start: usize,
    len: usize,
    (line, column): (usize, usize),
    located: bool,
    excerpt: bool,
) -> Place {
    // Without the excerpt only the line and column are read (`--format json`): measuring the
    // value and what precedes it, which decodes a non-ASCII line, is the excerpt's.
    if !excerpt {
        return Place {
            line,
            column,
            located,
            width: 0,
            text: String::new(),
            skipped: 0,
        };
    }
    let end = start.saturating_add(len).min(bytes.len());
    // The value's first line, at most SHOWN characters of it (4 bytes a character at most).
    let value = &bytes[start..end.min(start.saturating_add(4 * SHOWN))];
    let value = match memchr::memchr(b'\n', value) {
        Some(line_end) => &value[..line_end],
        None => value,
    };
    let value = value.strip_suffix(b"\r").unwrap_or(value);
    // ASCII (the usual case) is a character a byte: no decoding.
    let width = if value.is_ascii() {
        value.len().min(SHOWN)
    } else {
        String::from_utf8_lossy(value).chars().take(SHOWN).count()
    }
    .max(1);
    // The excerpt starts at most BEFORE characters before the value, on the value's line.
    let line_start = memchr::memrchr(b'\n', &bytes[start.saturating_sub(4 * BEFORE)..start])
        .map_or(start.saturating_sub(4 * BEFORE), |at| {
            start.saturating_sub(4 * BEFORE) + at + 1
        });
    let (from, before) = if bytes[line_start..start].is_ascii() {
        let before = (start - line_start).min(BEFORE);
        (start - before, before)
    } else {
        let mut from = start;
        let mut before = 0;
        while from > 0 && before < BEFORE && bytes[from - 1] != b'\n' {
            from -= 1;
            if bytes[from] & 0xC0 != 0x80 {
                before += 1;
            }
        }
        (from, before)
    };
    Place {
        line,
        column,
        located,
        width,
        text: clipped(&bytes[from..], before + width + SHOWN),
        skipped: column.saturating_sub(1 + before),
    }
}

/// The byte offset of 1-based `line` and `column` (in characters, as a syntax error counts
/// them: every byte that does not continue a UTF-8 sequence starts one), or the end of the
/// line (or of the text) when the line is shorter.
fn offset_of(bytes: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(at) => start += at + 1,
            None => return bytes.len(),
        }
    }
    let mut chars = 0;
    for (i, &b) in bytes[start..].iter().enumerate() {
        if b == b'\n' {
            return start + i;
        }
        if b & 0xC0 != 0x80 {
            if chars + 1 == column {
                return start + i;
            }
            chars += 1;
        }
    }
    bytes.len()
}

/// The text from `from` to the end of its line (no line break, no trailing `\r`), cut after
/// `keep` characters with ` …` to show the cut.
fn clipped(from: &[u8], keep: usize) -> String {
    // One character more than `keep` takes at most this many bytes (4 a character).
    let enough = from.len().min(keep.saturating_add(1).saturating_mul(4));
    let raw = &from[..enough];
    let raw = match raw.iter().position(|&b| b == b'\n') {
        Some(end) => &raw[..end],
        None => raw,
    };
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let text = String::from_utf8_lossy(raw);
    let mut chars = text.char_indices();
    match chars.nth(keep) {
        Some((cut, _)) => format!("{} …", &text[..cut]),
        None => text.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `window` as it was before its ASCII fast paths: every value decoded, every character
    /// before it counted.
    fn reference(bytes: &[u8], start: usize, len: usize) -> (usize, usize, usize) {
        let end = start.saturating_add(len).min(bytes.len());
        let value = &bytes[start..end.min(start.saturating_add(4 * SHOWN))];
        let value = value.split(|&b| b == b'\n').next().unwrap_or_default();
        let value = value.strip_suffix(b"\r").unwrap_or(value);
        let width = String::from_utf8_lossy(value)
            .chars()
            .take(SHOWN)
            .count()
            .max(1);
        let mut from = start;
        let mut before = 0;
        while from > 0 && before < BEFORE && bytes[from - 1] != b'\n' {
            from -= 1;
            if bytes[from] & 0xC0 != 0x80 {
                before += 1;
            }
        }
        (width, from, before)
    }

    #[test]
    fn the_fast_paths_place_as_the_reference_does() {
        let long = "x".repeat(300);
        let texts = [
            format!("{{\"name\": \"{long}\",\n  \"code\": \"\"}}"),
            format!("{long}é{long}\r\n\"ü\u{1F600}\" {long}"),
            format!("\n\n{long}\n{}\n", "é".repeat(250)),
            String::from("{\"a\": \"\\u00e9\"}\r\n{\"b\": 1}"),
        ];
        let mut bytes_cases: Vec<Vec<u8>> = texts.iter().map(|t| t.clone().into_bytes()).collect();
        bytes_cases.push(b"{\"a\": \"\xff\xfe\", \"b\": \"\xc3\"}\n\xe2\x82 x".to_vec());
        for bytes in &bytes_cases {
            for start in 0..bytes.len() {
                for len in [0, 1, 5, 80, 1000] {
                    let place = window(bytes, start, len, (1, 100), true, true);
                    let (width, from, before) = reference(bytes, start, len);
                    assert_eq!(place.width, width, "{start} {len}");
                    assert_eq!(
                        place.skipped,
                        99usize.saturating_sub(before),
                        "{start} {len}"
                    );
                    assert_eq!(
                        place.text,
                        clipped(&bytes[from..], before + width + SHOWN),
                        "{start} {len}"
                    );
                }
            }
        }
    }
}
