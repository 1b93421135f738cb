//! Rendering: one JSON line per document, or compiler-style diagnostics and a summary.

use std::io::{self, Write};

use m3ter_models::ValidationError;
use serde::Serialize;

use crate::check::Checked;

/// `--format json`: the contract scripts depend on.
#[derive(Serialize)]
struct DocumentLine<'a> {
    source: &'a str,
    line: Option<usize>,
    valid: bool,
    errors: &'a [ValidationError],
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
        valid: checked.errors.is_empty(),
        errors: &checked.errors,
    };
    // `From` keeps an I/O error's kind (a broken pipe stays a broken pipe).
    serde_json::to_writer(&mut *out, &line).map_err(io::Error::from)?;
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

/// `--format human`: for each error `file:line:column: path: message`, the source line, and the
/// value underlined.
pub fn human<W: Write + ?Sized>(
    out: &mut W,
    source: &str,
    checked: &Checked,
    style: Style,
) -> io::Result<()> {
    for (error, place) in checked.errors.iter().zip(&checked.places) {
        let line = checked
            .line
            .map_or(place.line, |first| first + place.line - 1);
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
            style.paint("1;36", &format!("{path}:")),
            style.paint("1;31", &error.message()),
            error.code()
        )?;
        let gutter = style.paint("34", "  |");
        let ellipsis = if place.skipped > 0 { "… " } else { "" };
        let text = format!("{ellipsis}{}", place.text.replace('\t', " "));
        writeln!(out, "{gutter} {text}")?;
        let shown_column = place.column - place.skipped + ellipsis.chars().count();
        let pad = " ".repeat(shown_column.saturating_sub(1));
        writeln!(
            out,
            "{gutter} {pad}{}",
            style.paint("1;31", &"^".repeat(place.width))
        )?;
    }
    Ok(())
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
