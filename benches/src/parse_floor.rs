//! The parse floor of issue 14's item 2, for callgrind or a timer: each line of an NDJSON file
//! parsed into the typed create request (serde's derived `Deserialize`, no validation, no
//! report), as the ndjson bench's `parse_only_typed` does, on one thread. Compare its
//! instructions with the binary's on the same file:
//!
//! ```sh
//! cargo build --release -p m3ter-benches --bin parse_floor --bin ndjson_input
//! target/release/ndjson_input 20000 > /tmp/20k.ndjson
//! valgrind --tool=callgrind target/release/parse_floor /tmp/20k.ndjson
//! valgrind --tool=callgrind target/release/m3ter-validate --ndjson --format json --threads 1 /tmp/20k.ndjson
//! ```

use std::process::ExitCode;

use m3ter_models::CreateExportDestinationRequest;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: parse_floor FILE.ndjson");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("parse_floor: {}: {error}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    let (mut lines, mut parsed) = (0usize, 0usize);
    for line in bytes.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        lines += 1;
        parsed += usize::from(
            serde_json::from_slice::<CreateExportDestinationRequest>(std::hint::black_box(line))
                .is_ok(),
        );
    }
    println!("{lines} lines, {parsed} parsed");
    ExitCode::SUCCESS
}
