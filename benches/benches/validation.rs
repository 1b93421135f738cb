//! Validation side by side (issue 5): the parse floor, a hand-written check, ours, `validator`,
//! `garde` and `jsonschema` on the same valid request and the same three-fault invalid request,
//! typed and end to end from bytes. Each group holds every contender for one input, so the
//! ratios of `BENCHMARKS.md` are read off one run.
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/bench-target cargo bench -p m3ter-benches --bench validation
//! ```

// A benchmark sets its fixtures up with unwrap: a broken fixture must stop the run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

mod contenders;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use m3ter_models::{CreateExportDestinationRequest, CreateExportDestinationS3Request, Validate};
use serde_json::Value;

use contenders::{
    GardeRequest, INVALID, Plain, VALID, ValidatorRequest, create_request_schema, hand_check,
};

// ---------------------------------------------------------------------------------------------

fn typed(c: &mut Criterion) {
    let schema = jsonschema::draft202012::new(&create_request_schema()).unwrap();
    for (label, bytes, valid) in [("valid", VALID, true), ("invalid", INVALID, false)] {
        let plain: Plain = serde_json::from_slice(bytes).unwrap();
        // Typed validation of the request's S3 variant: a flat struct, like every other contender.
        let ours: CreateExportDestinationS3Request = serde_json::from_slice(bytes).unwrap();
        let with_validator: ValidatorRequest = serde_json::from_slice(bytes).unwrap();
        let with_garde: GardeRequest = serde_json::from_slice(bytes).unwrap();
        let value: Value = serde_json::from_slice(bytes).unwrap();

        // The fixtures say what they should, or the comparison is meaningless.
        assert_eq!(hand_check(&plain).is_ok(), valid);
        assert_eq!(ours.validate().is_ok(), valid);
        assert_eq!(
            validator::Validate::validate(&with_validator).is_ok(),
            valid
        );
        assert_eq!(garde::Validate::validate(&with_garde).is_ok(), valid);
        assert_eq!(schema.is_valid(&value), valid);
        if !valid {
            assert_eq!(hand_check(&plain).unwrap_err().len(), 3);
            assert_eq!(ours.validate().unwrap_err().len(), 3);
            assert_eq!(schema.iter_errors(&value).count(), 3);
        }

        let mut group = c.benchmark_group(format!("typed/{label}"));
        group.bench_function("1_parse_floor", |b| {
            b.iter(|| serde_json::from_slice::<Plain>(black_box(bytes)).unwrap())
        });
        group.bench_function("2_hand_written", |b| {
            b.iter(|| hand_check(black_box(&plain)))
        });
        group.bench_function("3_ours", |b| b.iter(|| black_box(&ours).validate()));
        group.bench_function("4_validator", |b| {
            b.iter(|| validator::Validate::validate(black_box(&with_validator)))
        });
        group.bench_function("5_garde", |b| {
            b.iter(|| garde::Validate::validate(black_box(&with_garde)))
        });
        group.bench_function("6_jsonschema_is_valid", |b| {
            b.iter(|| schema.is_valid(black_box(&value)))
        });
        group.bench_function("6_jsonschema_iter_errors", |b| {
            b.iter(|| schema.iter_errors(black_box(&value)).collect::<Vec<_>>())
        });
        group.finish();
    }
}

fn end_to_end(c: &mut Criterion) {
    let schema = jsonschema::draft202012::new(&create_request_schema()).unwrap();
    for (label, bytes, valid) in [("valid", VALID, true), ("invalid", INVALID, false)] {
        assert_eq!(
            m3ter_models::json::from_slice::<CreateExportDestinationRequest>(bytes).is_ok(),
            valid
        );
        let mut group = c.benchmark_group(format!("end_to_end/{label}"));
        group.bench_function("1_parse_floor", |b| {
            b.iter(|| serde_json::from_slice::<Plain>(black_box(bytes)).unwrap())
        });
        group.bench_function("7_ours_from_slice", |b| {
            b.iter(|| {
                m3ter_models::json::from_slice::<CreateExportDestinationRequest>(black_box(bytes))
            })
        });
        // Every error with its line and column, as the CLI's human output needs.
        group.bench_function("7_ours_from_slice_located", |b| {
            b.iter(|| {
                let result = m3ter_models::json::from_slice::<CreateExportDestinationRequest>(
                    black_box(bytes),
                );
                result.map_err(|errors| {
                    let paths: Vec<&str> = errors.iter().map(|e| e.path()).collect();
                    m3ter_models::json::Location::all(bytes, &paths)
                })
            })
        });
        group.bench_function("7_ours_raw_validate", |b| {
            b.iter(|| {
                m3ter_models::json::validate(
                    black_box(bytes),
                    m3ter_models::json::Operation::Create,
                    m3ter_models::json::Profile::Default,
                )
            })
        });
        group.bench_function("7_serde_validator", |b| {
            b.iter(|| {
                let request: ValidatorRequest = serde_json::from_slice(black_box(bytes)).unwrap();
                validator::Validate::validate(&request).map(|()| request)
            })
        });
        group.bench_function("7_value_jsonschema_iter_errors", |b| {
            b.iter(|| {
                let value: Value = serde_json::from_slice(black_box(bytes)).unwrap();
                let errors = schema.iter_errors(&value).collect::<Vec<_>>();
                let count = errors.len();
                drop(errors);
                (value, count)
            })
        });
        group.finish();
    }
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(50)
}

criterion_group! {
    name = benches;
    config = config();
    targets = typed, end_to_end
}
criterion_main!(benches);
