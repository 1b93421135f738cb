//! `pattern` (compiled once, on first use) and `format`.

use std::sync::OnceLock;

use regex::Regex;

use crate::error::{ErrorKind, FormatViolation, ValidationError};
use crate::path::Path;

use super::access::StrField;
use super::arn::parse_iam_role_arn;

/// A `pattern` keyword: the source text, compiled on first use.
///
/// The derive macro parses every literal pattern when it expands (and the generator compiles the
/// fragment's), so a pattern that reaches run time is known to be well-formed; should one still
/// not compile (a size limit), every value fails it, never a panic.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Matcher>,
}

/// How a pattern is matched: a known pattern by a hand-written matcher that accepts exactly its
/// language (no regex engine on the hot path), any other by `regex`.
#[derive(Debug)]
enum Matcher {
    Known(Matches),
    Regex(Regex),
    /// Does not compile: every value fails.
    Invalid,
}

/// The fragment's `code` pattern: no control characters, no whitespace other than inner spaces.
const CODE_PATTERN: &str = r"^[^\x00-\x20\x7F](?:[^\x00-\x1F\x7F]*[^\x00-\x20\x7F])?$";

/// The fragment's `iamRoleArn` pattern, the language of [`parse_iam_role_arn`].
const IAM_ROLE_ARN_PATTERN: &str =
    r"^arn:aws:iam::[0-9]{12}:role/(?:[!-~]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}$";

/// A hand-written matcher: whether the whole value is in the pattern's language.
type Matches = fn(&str) -> bool;

/// Patterns matched by hand, each with a matcher that accepts exactly the pattern's language
/// (the unit tests below check each against `regex`).
const KNOWN: &[(&str, Matches)] = &[
    (CODE_PATTERN, matches_code),
    (IAM_ROLE_ARN_PATTERN, matches_iam_role_arn),
];

/// Formats whose check accepts only values that also match the pattern: when the format holds,
/// matching the pattern again could not fail.
const IMPLIED_BY_FORMAT: &[(&str, &str)] = &[("aws-iam-role-arn", IAM_ROLE_ARN_PATTERN)];

/// `CODE_PATTERN` by hand. A UTF-8 byte below 0x80 is an ASCII character and every byte of a
/// longer character is at least 0x80, so the ASCII classes can be checked byte by byte: the
/// first and last bytes are not in `\x00-\x20` or `\x7F`, none is in `\x00-\x1F` or `\x7F`.
fn matches_code(value: &str) -> bool {
    let bytes = value.as_bytes();
    let edge = |b: u8| b > 0x20 && b != 0x7F;
    match (bytes.first(), bytes.last()) {
        (Some(&first), Some(&last)) => {
            // No early exit: a loop without a branch per byte is the faster one here.
            let inner = bytes
                .iter()
                .fold(true, |ok, &b| ok & (b >= 0x20) & (b != 0x7F));
            edge(first) && edge(last) && inner
        }
        _ => false,
    }
}

fn matches_iam_role_arn(value: &str) -> bool {
    parse_iam_role_arn(value).is_ok()
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
        let matcher = self.compiled.get_or_init(|| {
            if let Some((_, known)) = KNOWN.iter().find(|(source, _)| *source == self.source) {
                return Matcher::Known(*known);
            }
            match Regex::new(self.source) {
                Ok(regex) => Matcher::Regex(regex),
                Err(_) => Matcher::Invalid,
            }
        });
        match matcher {
            Matcher::Known(matches) => matches(value),
            Matcher::Regex(regex) => regex.is_match(value),
            Matcher::Invalid => false,
        }
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
        let implied = IMPLIED_BY_FORMAT.contains(&(format, pattern.source));
        if !implied {
            check_pattern(value, pattern, path, errors);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Strings around the edges of both known patterns: empty, ASCII controls and spaces at
    /// each end, DEL, multi-byte characters at each end and inside, ARN variants.
    fn samples() -> Vec<String> {
        let mut out: Vec<String> = [
            "",
            " ",
            "a",
            "ab",
            "a b",
            " a",
            "a ",
            "a\u{7f}",
            "\u{7f}",
            "a\tb",
            "é",
            "éa",
            "aé",
            "a é",
            "\u{85}",
            "a\u{85}b",
            "日本",
            "x\u{1f}y",
            "finance_exports",
            "~",
            "arn:aws:iam::922609978421:role/IAMRole636",
            "arn:aws:iam::922609978421:role/path/to/IAMRole636",
            "arn:aws:iam::922609978421:role//IAMRole636",
            "arn:aws:iam::922609978421:role/IAMRole636/",
            "arn:aws:iam::92260997842:role/IAMRole636",
            "arn:aws:iam::role/IAMRole636",
            "arn:aws:iam:us-east-1:922609978421:role/R",
            "arn:aws-cn:iam::922609978421:role/R",
            "arn:aws:iam::922609978421:user/R",
            "arn:aws:iam::922609978421:role/R!",
            "arn:aws:iam::922609978421:role/a:b/R",
            "arn:aws:iam::922609978421:role/é/R",
            "arn:aws:iam::922609978421:role/R\n",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for n in [63, 64, 65] {
            out.push(format!("arn:aws:iam::922609978421:role/{}", "r".repeat(n)));
        }
        for n in [507, 508, 509, 510, 511] {
            out.push(format!(
                "arn:aws:iam::922609978421:role/{}/R",
                "p".repeat(n)
            ));
        }
        for c in (0u8..=0x80).map(char::from) {
            out.push(format!("{c}"));
            out.push(format!("a{c}"));
            out.push(format!("{c}a"));
            out.push(format!("a{c}b"));
            out.push(format!("arn:aws:iam::922609978421:role/p{c}/R"));
            out.push(format!("arn:aws:iam::922609978421:role/R{c}"));
        }
        out
    }

    #[test]
    fn known_matchers_accept_exactly_their_pattern() {
        for (source, matches) in KNOWN {
            let regex = Regex::new(source);
            assert!(regex.is_ok(), "{source} does not compile");
            let Ok(regex) = regex else { return };
            for sample in samples() {
                assert_eq!(
                    matches(&sample),
                    regex.is_match(&sample),
                    "{source} on {sample:?}"
                );
            }
        }
    }

    #[test]
    fn an_implied_pattern_holds_whenever_its_format_does() {
        for (format, source) in IMPLIED_BY_FORMAT {
            let check = crate::formats::lookup(format);
            assert!(check.is_some(), "unknown format {format}");
            let Some(check) = check else { return };
            let regex = Regex::new(source);
            assert!(regex.is_ok(), "{source} does not compile");
            let Ok(regex) = regex else { return };
            for sample in samples() {
                if check(&sample).is_ok() {
                    assert!(regex.is_match(&sample), "{format} accepts {sample:?}");
                }
            }
        }
    }
}
