//! `pattern` (compiled once, on first use) and `format`.
//!
//! A pattern is ECMA-262 (JSON Schema's dialect); it is matched with its translation into the
//! `regex` crate's syntax ([`m3ter_vocab::pattern::translate`]), which has the same matches, and
//! reported as written. The spec's own patterns are matched by hand (the tests hold the matchers
//! to the translation); any other pattern needs the crate's `regex` feature (on by default).
//! Without it, `#[derive(Validate)]` rejects such a pattern at compile time (see
//! [`is_supported`]), so no pattern is ever silently skipped.

use std::sync::OnceLock;

#[cfg(feature = "regex")]
use regex::Regex;

use m3ter_vocab::Format;

use crate::error::{ErrorKind, FormatViolation, ValidationError};
use crate::path::Path;

use super::access::StrField;
use super::arn::parse_iam_role_arn;

/// A `pattern` keyword: the source text (ECMA-262), translated and compiled on first use.
///
/// The derive macro translates and parses every literal pattern when it expands (and the
/// generator compiles the spec's), so a pattern that reaches run time is known to be
/// well-formed; should one still not translate or compile (a size limit), every value fails it,
/// never a panic.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    rule: Option<&'static str>,
    compiled: OnceLock<Matcher>,
}

/// How a pattern is matched: a known pattern by a hand-written matcher that accepts exactly its
/// language (no regex engine on the hot path), any other by `regex`.
#[derive(Debug)]
enum Matcher {
    Known(Matches),
    #[cfg(feature = "regex")]
    Regex(Regex),
    /// Does not compile, or needs the `regex` feature that is off: every value fails.
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

/// Whether this build can match `source`: always with the `regex` feature, else only when it is
/// one of the fragment's own patterns, which are matched by hand. `#[derive(Validate)]` asserts
/// this in a constant for every literal pattern, so an unsupported one is a compile error:
///
/// ```
/// use m3ter_runtime::rules::pattern::is_supported;
/// assert!(is_supported(r"^arn:aws:iam::[0-9]{12}:role/(?:[!-~]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}$"));
/// assert_eq!(is_supported("^[a-z]+$"), cfg!(feature = "regex"));
/// ```
pub const fn is_supported(source: &str) -> bool {
    if cfg!(feature = "regex") {
        return true;
    }
    let mut i = 0;
    while i < KNOWN.len() {
        if const_str_eq(KNOWN[i].0, source) {
            return true;
        }
        i += 1;
    }
    false
}

/// `a == b` in a constant (also the union's proof that a variant is tag-only).
pub(crate) const fn const_str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

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
        (Some(&first), Some(&last)) => edge(first) && edge(last) && no_control_byte(bytes),
        _ => false,
    }
}

/// Whether no byte is below 0x20 or 0x7F, eight bytes at a time (the last word overlaps the one
/// before it). `(w - 0x20…) & !w & 0x80…` is non-zero exactly when some byte of `w` is below
/// 0x20, and the same on `w ^ 0x7F…` with 0x01 when some byte is 0x7F.
fn no_control_byte(bytes: &[u8]) -> bool {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let clean = |w: u64| {
        let below_space = w.wrapping_sub(LOW * 0x20) & !w & HIGH;
        let del = w ^ (LOW * 0x7F);
        let has_del = del.wrapping_sub(LOW) & !del & HIGH;
        (below_space | has_del) == 0
    };
    let word = |chunk: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        u64::from_le_bytes(w)
    };
    if bytes.len() < 8 {
        // No early exit: a loop without a branch per byte is the faster one here.
        return bytes
            .iter()
            .fold(true, |ok, &b| ok & (b >= 0x20) & (b != 0x7F));
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut ok = true;
    for chunk in &mut chunks {
        ok &= clean(word(chunk));
    }
    if !chunks.remainder().is_empty() {
        ok &= clean(word(&bytes[bytes.len() - 8..]));
    }
    ok
}

fn matches_iam_role_arn(value: &str) -> bool {
    parse_iam_role_arn(value).is_ok()
}

impl Pattern {
    /// A pattern from its source, ECMA-262 as JSON Schema writes it (matched with its
    /// translation, reported as written).
    ///
    /// A pattern that does not compile, or that this build cannot match ([`is_supported`] is
    /// false), fails every value.
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            rule: None,
            compiled: OnceLock::new(),
        }
    }

    /// A pattern with the rule it enforces in words (`pattern_rule`): its error says that rule
    /// instead of showing the pattern.
    pub const fn with_rule(source: &'static str, rule: &'static str) -> Self {
        Pattern {
            source,
            rule: Some(rule),
            compiled: OnceLock::new(),
        }
    }

    /// Whether `value` matches (unanchored, as in JSON Schema: anchor the pattern itself).
    #[inline]
    pub fn is_match(&self, value: &str) -> bool {
        let matcher = self.compiled.get_or_init(|| {
            if let Some((_, known)) = KNOWN.iter().find(|(source, _)| *source == self.source) {
                return Matcher::Known(*known);
            }
            #[cfg(feature = "regex")]
            if let Ok(translated) = m3ter_vocab::pattern::translate(self.source)
                && let Ok(regex) = Regex::new(translated.as_str())
            {
                return Matcher::Regex(regex);
            }
            Matcher::Invalid
        });
        match matcher {
            Matcher::Known(matches) => matches(value),
            #[cfg(feature = "regex")]
            Matcher::Regex(regex) => regex.is_match(value),
            Matcher::Invalid => false,
        }
    }
}

/// Checks a string field against a pattern (skipped when the field is absent).
#[inline]
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
        push_pattern_error(pattern, path, errors);
    }
}

#[cold]
#[inline(never)]
fn push_pattern_error(
    pattern: &'static Pattern,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    errors.push(ValidationError::new(
        path.to_pointer(),
        ErrorKind::Pattern {
            pattern: pattern.source,
            rule: pattern.rule,
        },
    ));
}

/// Checks a string field against a named format, then (only if the format holds) against the
/// field's pattern: a value that breaks its format gets one error saying which part is wrong,
/// not a second, vaguer pattern error for the same fault. Pass `None` for a pattern the format
/// implies ([`implied_by_format`]), as the derive does: matching it again could not fail.
#[inline]
pub fn check_format<F: StrField + ?Sized>(
    field: &F,
    format: Format,
    pattern: Option<&'static Pattern>,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(value) = field.str_value() else {
        return;
    };
    if let Err(violation) = crate::formats::check(format, value) {
        push_format_error(format.name(), violation, path, errors);
    } else if let Some(pattern) = pattern {
        check_pattern(value, pattern, path, errors);
    }
}

#[cold]
#[inline(never)]
fn push_format_error(
    format: &'static str,
    violation: FormatViolation,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    errors.push(ValidationError::new(
        path.to_pointer(),
        ErrorKind::Format { format, violation },
    ));
}

/// Whether every value with `format` also matches the pattern `source` (so matching it again
/// could not fail). A constant function: with literal arguments, as the derive passes them, the
/// answer is known when the code compiles and the check costs nothing at run time.
#[inline]
pub const fn implied_by_format(format: &str, source: &str) -> bool {
    let mut i = 0;
    while i < IMPLIED_BY_FORMAT.len() {
        if const_str_eq(IMPLIED_BY_FORMAT[i].0, format)
            && const_str_eq(IMPLIED_BY_FORMAT[i].1, source)
        {
            return true;
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    #[test]
    fn the_fragment_patterns_are_supported_in_every_build() {
        assert!(is_supported(CODE_PATTERN));
        assert!(is_supported(IAM_ROLE_ARN_PATTERN));
        assert_eq!(is_supported("^[a-z]+$"), cfg!(feature = "regex"));
        // Close to a known pattern is not the known pattern.
        assert_eq!(is_supported(&CODE_PATTERN[1..]), cfg!(feature = "regex"));
        // Without the engine an unknown pattern fails every value rather than passing it.
        let unknown = Pattern::new("^a*$");
        assert_eq!(unknown.is_match("aaa"), cfg!(feature = "regex"));
        assert!(!unknown.is_match("b"));
    }

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
    fn no_control_byte_is_exact_at_every_position_and_length() {
        for len in 0..20 {
            for at in 0..len {
                for b in 0u8..=0xFF {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = b;
                    let expected = b >= 0x20 && b != 0x7F;
                    assert_eq!(no_control_byte(&bytes), expected, "{b:#x} at {at} of {len}");
                }
            }
        }
    }

    /// `source`'s translation into the `regex` crate's syntax, compiled.
    fn translated(source: &str) -> Result<Regex, String> {
        let translated = m3ter_vocab::pattern::translate(source).map_err(|e| e.to_string())?;
        Regex::new(translated.as_str()).map_err(|e| e.to_string())
    }

    #[test]
    fn known_matchers_accept_exactly_their_pattern() {
        for (source, matches) in KNOWN {
            let regex = translated(source);
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
            let known = Format::from_name(format);
            assert!(known.is_some(), "unknown format {format}");
            let Some(known) = known else { return };
            let check = |s: &str| crate::formats::check(known, s);
            let regex = translated(source);
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
