//! A loop over one contender of the validation benchmark, for `valgrind --tool=callgrind`:
//! instruction counts are repeatable where wall-clock time on a shared 2-core machine is not.
//!
//! ```sh
//! cargo build --release -p m3ter-benches --bin profile
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \
//!     --toggle-collect='*measured_loop*' target/release/profile ours valid 10000
//! callgrind_annotate /tmp/cg.out | head -40
//! ```
//!
//! Contenders: `parse`, `hand`, `ours`, `validator`, `garde`, `is_valid`, `iter_errors`,
//! `e2e_ours`, `e2e_ours_located`, `e2e_raw`, `e2e_validator`, `e2e_jsonschema`.

// A profiling loop: a wrong argument or a broken fixture stops it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

#[path = "../benches/contenders/mod.rs"]
mod contenders;

use std::hint::black_box;

use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::{CreateExportDestinationRequest, CreateExportDestinationS3Request, Validate};
use serde_json::Value;

use contenders::{GardeRequest, INVALID, Plain, VALID, ValidatorRequest};

/// The loop callgrind counts (`--toggle-collect='*measured_loop*'`): what it reports, divided
/// by the iterations, is the cost of one call.
#[inline(never)]
fn measured_loop(iterations: usize, mut once: impl FnMut() -> bool) -> usize {
    let mut failures = 0;
    for _ in 0..iterations {
        failures += usize::from(!once());
    }
    failures
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, contender, input, iterations] = args.as_slice() else {
        panic!("usage: profile CONTENDER valid|invalid ITERATIONS");
    };
    let bytes = match input.as_str() {
        "valid" => VALID,
        "invalid" => INVALID,
        other => panic!("unknown input {other}"),
    };
    let iterations: usize = iterations.parse().unwrap();
    let schema = jsonschema::draft202012::new(&contenders::create_request_schema()).unwrap();
    let plain: Plain = serde_json::from_slice(bytes).unwrap();
    // Typed validation of the request's S3 variant: a flat struct, like every other contender.
    let ours: CreateExportDestinationS3Request = serde_json::from_slice(bytes).unwrap();
    let with_validator: ValidatorRequest = serde_json::from_slice(bytes).unwrap();
    let with_garde: GardeRequest = serde_json::from_slice(bytes).unwrap();
    let value: Value = serde_json::from_slice(bytes).unwrap();
    // Compile the lazily built regexes outside the counted difference.
    let _ = ours.validate();
    let _ = validator::Validate::validate(&with_validator);
    let _ = garde::Validate::validate(&with_garde);
    let _ = json::from_slice::<CreateExportDestinationRequest>(bytes);
    let failures = measured_loop(iterations, || match contender.as_str() {
        "parse" => serde_json::from_slice::<Plain>(black_box(bytes)).is_ok(),
        "hand" => contenders::hand_check(black_box(&plain)).is_ok(),
        "ours" => black_box(&ours).validate().is_ok(),
        "validator" => validator::Validate::validate(black_box(&with_validator)).is_ok(),
        "garde" => garde::Validate::validate(black_box(&with_garde)).is_ok(),
        "is_valid" => schema.is_valid(black_box(&value)),
        "iter_errors" => schema
            .iter_errors(black_box(&value))
            .collect::<Vec<_>>()
            .is_empty(),
        "e2e_ours" => json::from_slice::<CreateExportDestinationRequest>(black_box(bytes)).is_ok(),
        "e2e_ours_located" => {
            match json::from_slice::<CreateExportDestinationRequest>(black_box(bytes)) {
                Ok(_) => true,
                Err(errors) => {
                    let paths: Vec<&str> = errors.iter().map(|e| e.path()).collect();
                    black_box(json::Location::all(bytes, &paths)).is_empty()
                }
            }
        }
        "e2e_raw" => json::validate(black_box(bytes), Operation::Create, Profile::Default).is_ok(),
        "e2e_validator" => {
            let request: ValidatorRequest = serde_json::from_slice(black_box(bytes)).unwrap();
            validator::Validate::validate(&request).is_ok()
        }
        "e2e_jsonschema" => {
            let value: Value = serde_json::from_slice(black_box(bytes)).unwrap();
            schema.iter_errors(&value).collect::<Vec<_>>().is_empty()
        }
        other => panic!("unknown contender {other}"),
    });
    println!("{contender} {input}: {failures} of {iterations} failed");
}
