//! Validates create-request JSON files and prints every error: `cargo run --example
//! validate_files -- examples/*.json`. Exits 1 when any file is invalid.

use std::process::ExitCode;

use m3ter_models::{CreateExportDestinationRequest, Validate};

fn main() -> ExitCode {
    let mut all_valid = true;
    for file in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("{file}: cannot read: {error}");
                all_valid = false;
                continue;
            }
        };
        match serde_json::from_str::<CreateExportDestinationRequest>(&text) {
            Err(error) => {
                println!("{file}: invalid: {error}");
                all_valid = false;
            }
            Ok(request) => match request.validate() {
                Ok(()) => println!("{file}: valid"),
                Err(errors) => {
                    all_valid = false;
                    println!("{file}: {} error(s)", errors.len());
                    for error in &errors {
                        println!("  {error}");
                    }
                }
            },
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
