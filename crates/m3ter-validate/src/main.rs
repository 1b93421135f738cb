//! `m3ter-validate`: checks m3ter Data Export Destination request documents before they are
//! submitted, and reports every error of every document.
//!
//! ```text
//! m3ter-validate [--operation list|create|retrieve|update|delete] [--response STATUS]
//!                [--strict] [--ndjson [--threads N]] [--format human|json]
//!                [--color auto|always|never] [FILE]...
//! ```
//!
//! Exit status: 0 when every document is valid, 1 when any is invalid, 2 for a usage error or
//! an input that cannot be read (the other inputs are still checked and reported first), 3 when
//! the reports cannot be written (a closed pipe is not that: the run stops quietly with the
//! status of what was checked so far).

#![forbid(unsafe_code)]

use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use m3ter_validate::{args::Args, run};

fn main() -> ExitCode {
    let parsed = Args::try_parse().and_then(|args| match args.body() {
        Ok(_) => Ok(args),
        Err(message) => {
            Err(Args::command().error(clap::error::ErrorKind::ArgumentConflict, message))
        }
    });
    match parsed {
        Ok(args) => run::run(&args),
        // `--help` and `--version` go to standard output, usage errors to standard error:
        // either way a failed write is a failed run, not a silent success.
        Err(error) => match error.print() {
            Ok(()) => ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2)),
            Err(_) => ExitCode::from(run::WRITE_FAILED),
        },
    }
}
