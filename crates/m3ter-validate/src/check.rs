//! Checking one document: its errors, and (for people) where each one is in the text.

use m3ter_models::ValidationError;
use m3ter_models::json::{self, Operation, Profile};

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
    /// The source line, without its line break.
    pub text: String,
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

/// Checks one document's bytes; `line` is its line in the input with `--ndjson`.
pub fn check(bytes: &[u8], line: Option<usize>, rules: Rules) -> Checked {
    let errors = match json::validate(bytes, rules.operation, rules.profile) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.into_vec(),
    };
    let places = if rules.locate {
        errors.iter().map(|e| place(bytes, e)).collect()
    } else {
        Vec::new()
    };
    Checked {
        line,
        errors,
        places,
    }
}

fn place(bytes: &[u8], error: &ValidationError) -> Place {
    let params = error.params();
    let position = |key: &str| {
        params
            .get(key)
            .and_then(serde_json::Value::as_u64)
            .and_then(|n| usize::try_from(n).ok())
    };
    let (line, column, offset, len) = match (position("line"), position("column")) {
        // A syntax error: serde_json's position (its column counts bytes; close enough to point).
        (Some(line), Some(column)) if error.path().is_empty() => {
            (line.max(1), column.max(1), None, 1)
        }
        _ => match json::locate(bytes, error.path()) {
            Some(location) => (
                location.line,
                location.column,
                Some(location.offset),
                location.len,
            ),
            None => (1, 1, None, 1),
        },
    };
    let text = source_line(bytes, line);
    let width = match offset {
        Some(offset) => {
            let end = (offset + len).min(bytes.len());
            let value = String::from_utf8_lossy(&bytes[offset..end]);
            let first_line = value.split('\n').next().unwrap_or_default();
            first_line.chars().count().max(1)
        }
        None => 1,
    };
    Place {
        line,
        column,
        width,
        text,
    }
}

fn source_line(bytes: &[u8], line: usize) -> String {
    let raw = bytes
        .split(|&b| b == b'\n')
        .nth(line.saturating_sub(1))
        .unwrap_or_default();
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    String::from_utf8_lossy(raw).into_owned()
}
