//! Rendering: one JSON line per document, or compiler-style diagnostics and a summary.

use std::borrow::Cow;
use std::io::{self, Write};

use m3ter_models::ValidationError;
use serde::Serialize;

use crate::check::{Checked, Place};
use crate::escape;

/// `--format json`: the contract scripts depend on.
#[derive(Serialize)]
struct DocumentLine<'a> {
    source: &'a str,
    line: Option<usize>,
    /// `None` (`null`) for an input that could not be read.
    valid: Option<bool>,
    errors: Errors<'a>,
    /// Why the input could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
}

/// The errors of a document, each with its line and column in the input.
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

/// One error of `--format json`: `path`, `code`, `message`, `params`, then `line` and `column`.
#[derive(Serialize)]
struct LocatedError<'a> {
    #[serde(flatten)]
    error: &'a ValidationError,
    line: Option<usize>,
    column: Option<usize>,
}

/// The line of `place` in the input: with `--ndjson` the document's line plus the line within
/// it, else the line within the document (which is the input).
fn input_line(checked: &Checked, place: &Place) -> usize {
    checked
        .line
        .map_or(place.line, |first| first + place.line.saturating_sub(1))
}

/// Writes the `--format json` line of one document. Generic over the writer so that writing
/// into a `Vec` (as the NDJSON workers do) is inlined rather than a call per fragment.
pub fn json_line<W: Write + ?Sized>(
    out: &mut W,
    source: &str,
    checked: &Checked,
) -> io::Result<()> {
    let line = DocumentLine {
        source,
        line: checked.line,
        valid: Some(checked.errors.is_empty()),
        errors: Errors(Some(checked)),
        reason: None,
    };
    write_json(out, &line)
}

/// Writes the `--format json` line of an input that could not be read:
/// `{"source": …, "line": null, "valid": null, "errors": [], "reason": …}`.
pub fn json_unreadable<W: Write + ?Sized>(
    out: &mut W,
    source: &str,
    reason: &str,
) -> io::Result<()> {
    let line = DocumentLine {
        source,
        line: None,
        valid: None,
        errors: Errors(None),
        reason: Some(reason),
    };
    write_json(out, &line)
}

fn write_json<W: Write + ?Sized>(out: &mut W, line: &DocumentLine<'_>) -> io::Result<()> {
    // `From` keeps an I/O error's kind (a broken pipe stays a broken pipe).
    serde_json::to_writer(&mut *out, line).map_err(io::Error::from)?;
    out.write_all(b"\n")
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
