//! `m3ter-validate`: checks m3ter Data Export Destination request documents before they are
//! submitted, and reports every error of every document.
//!
//! ```text
//! m3ter-validate [--operation create|update] [--strict] [--ndjson] [--format human|json] [FILE]...
//! ```
//!
//! Exit status: 0 when every document is valid, 1 when any is invalid, 2 for a usage error or
//! an input that cannot be read (the other inputs are still checked and reported first).

#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::Parser;
use m3ter_validate::{args::Args, run};

fn main() -> ExitCode {
    run::run(&Args::parse())
}
