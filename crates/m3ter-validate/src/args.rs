//! The command line.

use std::ffi::OsString;
use std::num::NonZeroUsize;

use clap::{Parser, ValueEnum};
use m3ter_models::json::{Operation, Profile};

/// Validate m3ter Data Export Destination requests (JSON) before submitting them: every error
/// of every document, each at its JSON Pointer, with a stable code.
#[derive(Debug, Parser)]
#[command(name = "m3ter-validate", version)]
pub struct Args {
    /// The operation the documents are request bodies for (the generated models' operations).
    #[arg(long, default_value = "create", value_parser = operation_parser())]
    pub operation: Operation,

    /// Also enforce what the cloud enforces: S3 or GCS bucket naming, by destinationType.
    #[arg(long)]
    pub strict: bool,

    /// Each non-empty line of each input is one document (streamed, validated on all cores).
    #[arg(long)]
    pub ndjson: bool,

    /// `human`: compiler-style diagnostics and a summary; `json`: one JSON line per document.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Worker threads for --ndjson (default, and at most: the available parallelism).
    #[arg(long, requires = "ndjson")]
    pub threads: Option<NonZeroUsize>,

    /// Colour in `--format human`: `auto` when standard output is a terminal and `NO_COLOR` is
    /// unset or empty.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// Input files; none, or `-`, reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<OsString>,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colour when standard output is a terminal and `NO_COLOR` is unset or empty.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// `--operation`: the names of the generated `Operation`s, so a new operation of the spec is
/// accepted with no edit here.
fn operation_parser() -> impl clap::builder::TypedValueParser<Value = Operation> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(Operation::ALL.map(Operation::as_str)).try_map(
        |name: String| {
            Operation::from_name(&name).ok_or_else(|| format!("unknown operation `{name}`"))
        },
    )
}

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Diagnostics for people.
    Human,
    /// One line of JSON per document, in input order.
    Json,
}

impl Args {
    /// The operation `--operation` names.
    pub fn operation(&self) -> Operation {
        self.operation
    }

    /// The profile `--strict` selects.
    pub fn profile(&self) -> Profile {
        if self.strict {
            Profile::Strict
        } else {
            Profile::Default
        }
    }

    /// Worker threads and, when `--threads` asks for more than the available parallelism,
    /// the note that says so: `--threads`, capped at the available parallelism, else that.
    pub fn threads(&self) -> (usize, Option<String>) {
        let available = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
        match self.threads.map(NonZeroUsize::get) {
            Some(asked) if asked > available => (
                available,
                Some(format!(
                    "--threads {asked} is more than the available parallelism ({available}); \
                     using {available} threads"
                )),
            ),
            Some(asked) => (asked, None),
            None => (available, None),
        }
    }

    /// Whether `--format human` colours its output, given whether standard output is a
    /// terminal and the value of `NO_COLOR`.
    pub fn color(&self, terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

#[cfg(test)]
#[allow(clippy::panic)] // A test fails by panicking.
mod tests {
    use std::ffi::OsStr;

    use super::*;

    fn color(args: &[&str], terminal: bool, no_color: Option<&str>) -> bool {
        let args =
            Args::try_parse_from(std::iter::once("m3ter-validate").chain(args.iter().copied()));
        args.map(|a| a.color(terminal, no_color.map(OsStr::new)))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn color_auto_is_a_terminal_without_no_color() {
        assert!(color(&[], true, None));
        assert!(color(&[], true, Some("")), "an empty NO_COLOR is unset");
        assert!(!color(&[], true, Some("1")));
        assert!(!color(&[], false, None));
        assert!(color(&["--color", "always"], false, Some("1")));
        assert!(!color(&["--color", "never"], true, None));
    }
}
