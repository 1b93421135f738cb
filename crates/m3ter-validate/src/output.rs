//! Rendering: one JSON line per document, or compiler-style diagnostics and a summary.

use std::borrow::Cow;
use std::io::{self, Write};

use m3ter_models::ValidationError;

use crate::check::{Checked, Place};
use crate::{compact, escape};

/// `--format json`, the contract scripts depend on: one object a line,
/// `{"source": …, "line": …, "valid": …, "errors": […]}` (and `"reason"` after the errors for
/// an input that could not be read), each error its `path`, `code`, `message` and `params` (the
/// library's serialization of the error) then its `line` and `column` in the input. Written by
/// hand, spelled as serde_json writes it ([`compact`]); the tests hold it byte for byte to
/// serde_json's serialization of the same records.
///
/// Appends the line of one document to `out` (as the NDJSON workers render their reports into
/// their buffers).
pub fn json_line(out: &mut Vec<u8>, source: &str, checked: &Checked) -> io::Result<()> {
    head(out, source, checked.line, Some(checked.errors.is_empty()));
    for (i, error) in checked.errors.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let place = checked.places.get(i).filter(|p| p.located);
        located_error(
            out,
            error,
            place.map(|p| input_line(checked, p)),
            place.map(|p| p.column),
        )?;
    }
    out.extend_from_slice(b"]}\n");
    Ok(())
}

/// Writes the `--format json` line of an input that could not be read:
/// `{"source": …, "line": null, "valid": null, "errors": [], "reason": …}`.
pub fn json_unreadable<W: Write + ?Sized>(
    out: &mut W,
    source: &str,
    reason: &str,
) -> io::Result<()> {
    let mut bytes = Vec::new();
    head(&mut bytes, source, None, None);
    bytes.extend_from_slice(b"],\"reason\":");
    compact::string(&mut bytes, reason);
    bytes.extend_from_slice(b"}\n");
    out.write_all(&bytes)
}

/// `{"source":…,"line":…,"valid":…,"errors":[`.
fn head(out: &mut Vec<u8>, source: &str, line: Option<usize>, valid: Option<bool>) {
    out.extend_from_slice(b"{\"source\":");
    compact::string(out, source);
    out.extend_from_slice(b",\"line\":");
    number_or_null(out, line);
    out.extend_from_slice(match valid {
        Some(true) => b",\"valid\":true,\"errors\":[",
        Some(false) => b",\"valid\":false,\"errors\":[",
        None => b",\"valid\":null,\"errors\":[",
    });
}

/// One error: the members of its own serialization, then `line` and `column` (`null` where it
/// was not found in the text).
fn located_error(
    out: &mut Vec<u8>,
    error: &ValidationError,
    line: Option<usize>,
    column: Option<usize>,
) -> io::Result<()> {
    out.push(b'{');
    compact::fields(out, error, true).map_err(io::Error::other)?;
    out.extend_from_slice(b",\"line\":");
    number_or_null(out, line);
    out.extend_from_slice(b",\"column\":");
    number_or_null(out, column);
    out.push(b'}');
    Ok(())
}

fn number_or_null(out: &mut Vec<u8>, n: Option<usize>) {
    match n {
        Some(n) => compact::unsigned(out, n as u64),
        None => out.extend_from_slice(b"null"),
    }
}

/// The line of `place` in the input: with `--ndjson` the document's line plus the line within
/// it, else the line within the document (which is the input).
fn input_line(checked: &Checked, place: &Place) -> usize {
    checked
        .line
        .map_or(place.line, |first| first + place.line.saturating_sub(1))
}

/// ANSI styles, or none.
#[derive(Clone, Copy)]
pub struct Style {
    /// Write ANSI colours.
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

/// `--format human`: for each error `file:line:column: path: message [code]`, the source line,
/// and the value underlined. Everything that comes from the input (the file name, the path, the
/// message, the excerpt) is escaped for the terminal ([`escape`]); the underline is as wide as
/// the escaped value and starts under it.
pub fn human<W: Write + ?Sized>(
    out: &mut W,
    source: &str,
    checked: &Checked,
    style: Style,
) -> io::Result<()> {
    let source = escape::escape(source);
    for (error, place) in checked.errors.iter().zip(&checked.places) {
        let line = input_line(checked, place);
        let path = if error.path().is_empty() {
            "(document)"
        } else {
            error.path()
        };
        let head = format!("{source}:{line}:{}:", place.column);
        writeln!(
            out,
            "{} {} {} [{}]",
            style.paint("1", &head),
            style.paint("1;36", &format!("{}:", escape::escape(path))),
            style.paint("1;31", &escape::escape(&error.message())),
            error.code()
        )?;
        let gutter = style.paint("34", "  |");
        let (text, pad, carets) = excerpt(place);
        writeln!(out, "{gutter} {text}")?;
        writeln!(
            out,
            "{gutter} {}{}",
            " ".repeat(pad),
            style.paint("1;31", &"^".repeat(carets))
        )?;
    }
    Ok(())
}

/// The excerpt of `place` as shown (` …` before it when the line's start is cut, every tab a
/// space, every other control or bidirectional character escaped), how many columns precede
/// the value in it, and how many the value takes.
fn excerpt(place: &Place) -> (String, usize, usize) {
    let text = place.text.as_str();
    let before = place.column.saturating_sub(1 + place.skipped);
    // The value's bytes in the text: from its `before`-th character, `width` characters (or to
    // the end of the text, where the text ends first).
    let start = text
        .char_indices()
        .nth(before)
        .map_or(text.len(), |(i, _)| i);
    let end = text[start..]
        .char_indices()
        .nth(place.width)
        .map_or(text.len(), |(i, _)| start + i);
    let cut = if place.skipped > 0 { "… " } else { "" };
    let (head, value, tail) = (
        shown(&text[..start]),
        shown(&text[start..end]),
        shown(&text[end..]),
    );
    let pad = cut.chars().count() + head.chars().count();
    let carets = value.chars().count().max(1);
    (format!("{cut}{head}{value}{tail}"), pad, carets)
}

/// Part of an excerpt as shown: every tab a space (it keeps the columns), every other character
/// that [`escape::needs_escape`] escaped. Borrowed in the usual case, printable ASCII.
fn shown(text: &str) -> Cow<'_, str> {
    if text.bytes().all(|b| (0x20..0x7F).contains(&b)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\t' {
            out.push(' ');
        } else {
            escape::push(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// The totals for the summary line.
#[derive(Default)]
pub struct Totals {
    /// Documents checked.
    pub documents: usize,
    /// Documents with at least one error.
    pub invalid: usize,
    /// Errors in all.
    pub errors: usize,
    /// Inputs that could not be read.
    pub unreadable: usize,
}

impl Totals {
    /// Adds the counts of `other`.
    pub fn merge(&mut self, other: &Totals) {
        self.documents += other.documents;
        self.invalid += other.invalid;
        self.errors += other.errors;
        self.unreadable += other.unreadable;
    }

    /// Counts one checked document.
    pub fn add(&mut self, checked: &Checked) {
        self.documents += 1;
        if !checked.errors.is_empty() {
            self.invalid += 1;
            self.errors += checked.errors.len();
        }
    }

    /// The one-line summary of `--format human`.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        let mut line = format!(
            "{} checked: {} valid, {} invalid, {}",
            plural(self.documents, "document"),
            self.documents - self.invalid,
            self.invalid,
            plural(self.errors, "error")
        );
        if self.unreadable > 0 {
            line.push_str(&format!(
                "; {} could not be read",
                plural(self.unreadable, "input")
            ));
        }
        line
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test fails by panicking.
mod tests {
    use m3ter_models::error::{FormatViolation, LengthUnit, RangeBound};
    use m3ter_models::rules::Number;
    use m3ter_models::{ErrorKind, ValidationError};
    use proptest::prelude::*;
    use serde::Serialize;

    use super::*;

    // The `--format json` records as serde_json serialized them before the writer was written
    // by hand: what the writer must write, byte for byte.

    #[derive(Serialize)]
    struct DocumentLine<'a> {
        source: &'a str,
        line: Option<usize>,
        valid: Option<bool>,
        errors: Errors<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        reason: Option<&'a str>,
    }

    struct Errors<'a>(Option<&'a Checked>);

    impl Serialize for Errors<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            let Some(checked) = self.0 else {
                return serializer.serialize_seq(Some(0))?.end();
            };
            let mut seq = serializer.serialize_seq(Some(checked.errors.len()))?;
            for (i, error) in checked.errors.iter().enumerate() {
                let place = checked.places.get(i).filter(|p| p.located);
                seq.serialize_element(&LocatedError {
                    error,
                    line: place.map(|p| input_line(checked, p)),
                    column: place.map(|p| p.column),
                })?;
            }
            seq.end()
        }
    }

    #[derive(Serialize)]
    struct LocatedError<'a> {
        #[serde(flatten)]
        error: &'a ValidationError,
        line: Option<usize>,
        column: Option<usize>,
    }

    fn serde_line(source: &str, checked: &Checked) -> String {
        let line = DocumentLine {
            source,
            line: checked.line,
            valid: Some(checked.errors.is_empty()),
            errors: Errors(Some(checked)),
            reason: None,
        };
        serde_json::to_string(&line).unwrap() + "\n"
    }

    fn serde_unreadable(source: &str, reason: &str) -> String {
        let line = DocumentLine {
            source,
            line: None,
            valid: None,
            errors: Errors(None),
            reason: Some(reason),
        };
        serde_json::to_string(&line).unwrap() + "\n"
    }

    /// Strings of controls, quotes, backslashes, ASCII and non-ASCII text, or any string.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[\\x00-\\x1f\"\\\\a-z0-9 /~\\x7f\u{80}-\u{9f}é€\u{2028}😀]{0,40}",
            any::<String>(),
        ]
    }

    fn leak(text: String) -> &'static str {
        Box::leak(text.into_boxed_str())
    }

    /// Every kind of error, its strings generated (and leaked where the kind holds a
    /// `&'static str`), its numbers any.
    fn kind() -> impl Strategy<Value = ErrorKind> {
        let leaf = prop_oneof![
            (text(), any::<usize>(), any::<usize>()).prop_map(|(message, line, column)| {
                ErrorKind::Syntax {
                    message,
                    line,
                    column,
                }
            }),
            (text(), text()).prop_map(|(e, a)| ErrorKind::Type {
                expected: leak(e),
                actual: leak(a),
            }),
            Just(ErrorKind::Required),
            Just(ErrorKind::UnknownField),
            (
                any::<bool>(),
                any::<Option<u64>>(),
                any::<Option<u64>>(),
                any::<u64>()
            )
                .prop_map(|(chars, min, max, actual)| ErrorKind::Length {
                    unit: if chars {
                        LengthUnit::Characters
                    } else {
                        LengthUnit::Items
                    },
                    min,
                    max,
                    actual,
                }),
            (text(), prop::option::of(text())).prop_map(|(p, r)| ErrorKind::Pattern {
                pattern: leak(p),
                rule: r.map(leak),
            }),
            (text(), text(), text()).prop_map(|(f, p, e)| ErrorKind::Format {
                format: leak(f),
                violation: FormatViolation {
                    part: leak(p),
                    expected: leak(e),
                },
            }),
            prop::collection::vec(text(), 0..4).prop_map(|values| ErrorKind::Enum {
                allowed: Box::leak(
                    values
                        .into_iter()
                        .map(leak)
                        .collect::<Vec<_>>()
                        .into_boxed_slice()
                ),
            }),
            prop::option::of(text()).prop_map(|c| ErrorKind::Forbidden {
                context: c.map(leak),
            }),
            (text(), any::<i64>()).prop_map(|(s, n)| ErrorKind::Const {
                expected: leak(serde_json::json!([s, n]).to_string()),
            }),
            (any::<i128>(), any::<f64>(), 0..4u8).prop_map(|(i, f, b)| ErrorKind::Range {
                bound: match b {
                    0 => RangeBound::Minimum,
                    1 => RangeBound::Maximum,
                    2 => RangeBound::ExclusiveMinimum,
                    _ => RangeBound::ExclusiveMaximum,
                },
                limit: Number::Int(i),
                actual: Number::Float(f),
            }),
            (any::<f64>(), any::<i128>()).prop_map(|(d, a)| ErrorKind::MultipleOf {
                divisor: Number::Float(d),
                actual: Number::Int(a),
            }),
            (any::<u64>(), any::<u64>())
                .prop_map(|(matched, branches)| ErrorKind::OneOf { branches, matched }),
            (text(), text()).prop_map(|(p, m)| ErrorKind::DependentRequired {
                property: leak(p),
                missing: leak(m),
            }),
            // Every kind at least as the catalogue shows it (one arm per kind there, so a new
            // kind is drawn here too).
            prop::sample::select(ErrorKind::examples()),
        ];
        leaf.prop_recursive(2, 4, 1, |reason| {
            (text(), reason).prop_map(|(property, reason)| ErrorKind::PropertyNames {
                property,
                reason: Box::new(reason),
            })
        })
    }

    fn error() -> impl Strategy<Value = ValidationError> {
        (text(), kind(), prop::option::of(text())).prop_map(|(path, kind, variant)| {
            let error = ValidationError::new(path, kind);
            match variant {
                Some(tag) => error.under_variant(Box::leak(Box::new(leak(tag)))),
                None => error,
            }
        })
    }

    /// A checked document's line, errors and places (as many places as errors, or fewer, or
    /// more), to build a [`Checked`] from.
    type Parts = (
        Option<usize>,
        Vec<ValidationError>,
        Vec<(bool, usize, usize)>,
    );

    fn parts() -> impl Strategy<Value = Parts> {
        (
            prop::option::of(0..usize::MAX / 2),
            prop::collection::vec(error(), 0..5),
            prop::collection::vec((any::<bool>(), 0..usize::MAX / 2, any::<usize>()), 0..6),
        )
    }

    fn checked((line, errors, places): Parts) -> Checked {
        Checked {
            line,
            errors,
            places: places
                .into_iter()
                .map(|(located, line, column)| Place {
                    line,
                    column,
                    located,
                    width: 0,
                    text: String::new(),
                    skipped: 0,
                })
                .collect(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(crate::proptest_cases(250)))]

        #[test]
        fn a_documents_line_as_serde_json_wrote_it(source in text(), parts in parts()) {
            let checked = checked(parts);
            let mut ours = Vec::new();
            json_line(&mut ours, &source, &checked).unwrap();
            prop_assert_eq!(String::from_utf8(ours).unwrap(), serde_line(&source, &checked));
        }

        #[test]
        fn an_unreadable_inputs_line_as_serde_json_wrote_it(source in text(), reason in text()) {
            let mut ours = Vec::new();
            json_unreadable(&mut ours, &source, &reason).unwrap();
            prop_assert_eq!(String::from_utf8(ours).unwrap(), serde_unreadable(&source, &reason));
        }
    }
}
