//! The command line.

use std::num::NonZeroUsize;

use clap::{Parser, ValueEnum};
use m3ter_models::json::{Operation, Profile};

/// Validate m3ter Data Export Destination requests (JSON) before submitting them: every error
/// of every document, each at its JSON Pointer, with a stable code.
#[derive(Debug, Parser)]
#[command(name = "m3ter-validate", version)]
pub struct Args {
    /// The operation the documents are request bodies for.
    #[arg(long, value_enum, default_value_t = OperationArg::Create)]
    pub operation: OperationArg,

    /// Also enforce what the cloud enforces: S3 or GCS bucket naming, by destinationType.
    #[arg(long)]
    pub strict: bool,

    /// Each non-empty line of each input is one document (streamed, validated on all cores).
    #[arg(long)]
    pub ndjson: bool,

    /// `human`: compiler-style diagnostics and a summary; `json`: one JSON line per document.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Worker threads for --ndjson (default: all cores).
    #[arg(long)]
    pub threads: Option<NonZeroUsize>,

    /// Input files; none, or `-`, reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,
}

/// `--operation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OperationArg {
    /// `POST …/destinations`: `version` must be absent.
    Create,
    /// `PUT …/destinations/{id}`: `version` is required, at least 1.
    Update,
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
        match self.operation {
            OperationArg::Create => Operation::Create,
            OperationArg::Update => Operation::Update,
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

    /// Worker threads: `--threads`, else every core.
    pub fn threads(&self) -> usize {
        self.threads
            .map(NonZeroUsize::get)
            .or_else(|| {
                std::thread::available_parallelism()
                    .ok()
                    .map(NonZeroUsize::get)
            })
            .unwrap_or(1)
    }
}
