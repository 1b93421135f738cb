//! Checking one document: its errors, and (for people) where each one is in the text.

use m3ter_models::json::{self, Location, Operation, Profile};
use m3ter_models::{ErrorCode, ErrorKind, ValidationError};

/// What to check against.
#[derive(Clone, Copy)]
pub struct Rules {
    /// The operation whose request body the document is.
    pub operation: Operation,
    /// Default or strict.
    pub profile: Profile,
    /// Compute source locations (human output only).
    pub locate: bool,
}

/// Where an error is in the source text, and the text of that line.
pub struct Place {
    /// 1-based line within the document.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// How many characters to underline.
    pub width: usize,
    /// The shown part of the source line (no line break): from `skipped` characters in, cut
    /// a little after the value, so that a long line costs the same as a short one.
    pub text: String,
    /// Characters of the line before `text` (not shown).
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

/// Checks one document's bytes; `line` is its line in the input with `--ndjson`.
pub fn check(bytes: &[u8], line: Option<usize>, rules: Rules) -> Checked {
    let errors = match json::validate(bytes, rules.operation, rules.profile) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.into_vec(),
    };
    let places = if rules.locate {
        places(bytes, &errors)
    } else {
        Vec::new()
    };
    Checked {
        line,
        errors,
        places,
    }
}

/// The place of every error: the values are found in one read of the text, however many
/// errors there are.
fn places(bytes: &[u8], errors: &[ValidationError]) -> Vec<Place> {
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
        .map(|(error, location)| place(bytes, error, location))
        .collect()
}

fn place(bytes: &[u8], error: &ValidationError, location: Option<Location>) -> Place {
    // A syntax error: serde_json's position (its column counts bytes; close enough to point).
    if let ErrorKind::Syntax { line, column, .. } = *error.kind() {
        let (line, column) = (line.max(1), column.max(1));
        return Place {
            line,
            column,
            width: 1,
            text: source_line(bytes, line, column.saturating_add(SHOWN)),
            skipped: 0,
        };
    }
    let Some(location) = location else {
        return Place {
            line: 1,
            column: 1,
            width: 1,
            text: source_line(bytes, 1, SHOWN),
            skipped: 0,
        };
    };
    let start = location.offset.min(bytes.len());
    let end = start.saturating_add(location.len).min(bytes.len());
    // The value's first line, at most SHOWN characters of it (4 bytes a character at most).
    let value = &bytes[start..end.min(start.saturating_add(4 * SHOWN))];
    let value = value.split(|&b| b == b'\n').next().unwrap_or_default();
    let width = String::from_utf8_lossy(value)
        .chars()
        .take(SHOWN)
        .count()
        .max(1);
    // The excerpt starts at most BEFORE characters before the value, on the value's line.
    let mut from = start;
    let mut before = 0;
    while from > 0 && before < BEFORE && bytes[from - 1] != b'\n' {
        from -= 1;
        if bytes[from] & 0xC0 != 0x80 {
            before += 1;
        }
    }
    Place {
        line: location.line,
        column: location.column,
        width,
        text: clipped(&bytes[from..], before + width + SHOWN),
        skipped: location.column.saturating_sub(1 + before),
    }
}

/// Line `line` (1-based) of the text, at most `keep` characters of it.
fn source_line(bytes: &[u8], line: usize, keep: usize) -> String {
    let raw = bytes
        .split(|&b| b == b'\n')
        .nth(line.saturating_sub(1))
        .unwrap_or_default();
    clipped(raw, keep)
}

/// The text from `from` to the end of its line (no line break, no `\r`), cut after `keep`
/// characters with ` …` to show the cut.
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
