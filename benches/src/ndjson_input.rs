//! Writes the NDJSON bench's first N lines (`lines.rs`) to standard output, to time the CLI on
//! them (1,000,000 lines are 244,013,892 bytes):
//!
//! ```sh
//! cargo run --release -p m3ter-benches --bin ndjson_input -- 1000000 > /tmp/bench.ndjson
//! ```

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

#[path = "lines.rs"]
mod lines;

fn main() -> ExitCode {
    let count = match std::env::args().nth(1).map(|n| n.parse::<usize>()) {
        None => 100_000,
        Some(Ok(count)) => count,
        Some(Err(_)) => {
            eprintln!("usage: ndjson_input [LINES]   (default 100000)");
            return ExitCode::from(2);
        }
    };
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    for i in 0..count {
        if let Err(error) = writeln!(out, "{}", lines::line(i)) {
            eprintln!("ndjson_input: {error}");
            return ExitCode::FAILURE;
        }
    }
    match out.flush() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ndjson_input: {error}");
            ExitCode::FAILURE
        }
    }
}
