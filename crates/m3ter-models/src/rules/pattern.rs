//! `pattern` (compiled once, on first use) and `format`.

use std::sync::OnceLock;

use regex::Regex;

use crate::error::{ErrorKind, FormatViolation, ValidationError};
use crate::path::Path;

use super::access::StrField;

/// A `pattern` keyword: the source text, compiled on first use.
///
/// The derive macro compiles every literal pattern when it expands, so a pattern that reaches
/// run time is known to compile; should one not, every value fails it (never a panic).
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Option<Regex>>,
}

impl Pattern {
    /// A pattern from its source (ECMA-262 syntax that Rust's `regex` reads the same way).
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The source text.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Whether `value` matches (unanchored, as in JSON Schema: anchor the pattern itself).
    pub fn is_match(&self, value: &str) -> bool {
        self.compiled
            .get_or_init(|| Regex::new(self.source).ok())
            .as_ref()
            .is_some_and(|re| re.is_match(value))
    }
}

/// Checks a string field against a pattern (skipped when the field is absent).
pub fn check_pattern<F: StrField + ?Sized>(
    field: &F,
    pattern: &'static Pattern,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(value) = field.str_value() else {
        return;
    };
    if !pattern.is_match(value) {
        errors.push(ValidationError::new(
            path.to_pointer(),
            ErrorKind::Pattern {
                pattern: pattern.source,
            },
        ));
    }
}

/// Checks a string field against a named format, then (only if the format holds) against the
/// field's pattern: a value that breaks its format gets one error saying which part is wrong,
/// not a second, vaguer pattern error for the same fault.
pub fn check_format<F: StrField + ?Sized>(
    field: &F,
    format: &'static str,
    check: fn(&str) -> Result<(), FormatViolation>,
    pattern: Option<&'static Pattern>,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(value) = field.str_value() else {
        return;
    };
    if let Err(violation) = check(value) {
        errors.push(ValidationError::new(
            path.to_pointer(),
            ErrorKind::Format { format, violation },
        ));
    } else if let Some(pattern) = pattern {
        check_pattern(value, pattern, path, errors);
    }
}
