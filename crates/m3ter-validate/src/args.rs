//! The command line.

use std::ffi::OsString;
use std::num::NonZeroUsize;

use clap::{Parser, ValueEnum};
use m3ter_models::json::{Body, Operation, Profile};

/// Validate m3ter Data Export Destination requests (JSON) before submitting them: every error
/// of every document, each at its JSON Pointer, with a stable code.
#[derive(Debug, Parser)]
#[command(name = "m3ter-validate", version)]
pub struct Args {
    /// The operation the documents belong to (the generated models' operations): its request
    /// body, or with --response its response body.
    #[arg(long, default_value = "create", value_parser = operation_parser())]
    pub operation: Operation,

    /// Check response bodies of this HTTP status (e.g. 200, 404) instead of request bodies.
    #[arg(long, value_name = "STATUS", value_parser = clap::value_parser!(u16).range(100..=599))]
    pub response: Option<u16>,

    /// Also enforce what the cloud enforces: S3 or GCS bucket naming, by the request's variant.
    #[arg(long, conflicts_with = "response")]
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

    /// The body the documents are checked as: the operation's request body, or with
    /// `--response` its response body for that status; a message saying why when there is
    /// none.
    pub fn body(&self) -> Result<Body, String> {
        let operation = self.operation;
        match self.response {
            None => operation.request_body().ok_or_else(|| {
                format!(
                    "`{operation}` ({} {}) has no request body: check its responses with --response STATUS",
                    operation.method(),
                    operation.path_template()
                )
            }),
            Some(status) => operation.response_body(status).ok_or_else(|| {
                format!("`{operation}` has no JSON response body for status {status}")
            }),
        }
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
