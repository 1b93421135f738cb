//! CLI throughput over NDJSON (issue 5, item 8; issue 14): the library paths the binary takes
//! with `--ndjson --format json`, `check::check` and `output::json_line` per line on 1 thread or
//! on all cores: `cli` is the stream (`run::check_ndjson`: `input::Batches` read by this thread,
//! as for standard input and pipes), `cli_ranges` a regular file (`run::check_ndjson_file`: the
//! workers read their own byte ranges, here of the input in memory). Beside them parse-only
//! throughput (the same batches on the same threads, each line parsed to a `serde_json::Value`
//! and nothing else) and typed-parse throughput (each line parsed into the create request, not
//! validated).
//!
//! The input is generated in memory: 100,000 lines (about 24 MB); `M3TER_BENCH_LINES=1000000`
//! reproduces the issue's one million (244 MB). Three lines in four are invalid: every odd line
//! is a GCS request that carries the S3 variant's members (four errors since requests became
//! unions), and one even line in four has one to three faults (`src/lines.rs`). The
//! `ndjson_input` binary writes the same lines to a file, to time the binary on them.
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/bench-target cargo bench -p m3ter-benches --bench ndjson
//! ```

// A benchmark sets its fixtures up with unwrap: a broken fixture must stop the run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::hint::black_box;
use std::io::{self, Cursor, Write};
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use m3ter_models::CreateExportDestinationRequest;
use m3ter_models::json::{Operation, Profile};
use m3ter_validate::args::Format;
use m3ter_validate::check::Rules;
use m3ter_validate::input::{Batches, Line};
use m3ter_validate::output::{Style, Totals};
use m3ter_validate::parallel::{self, Pool};
use m3ter_validate::ranges::Limits;
use m3ter_validate::run::{self, Report};

const DEFAULT_LINES: usize = 100_000;

#[path = "../src/lines.rs"]
mod lines;
use lines::generate;

/// What the binary checks and writes with `--ndjson --format json`.
fn report() -> Report<'static> {
    Report {
        source: "-",
        rules: Rules {
            body: Operation::Create.request_body().unwrap(),
            profile: Profile::Default,
            // As the binary: `--format json` errors carry their line and column.
            locate: true,
        },
        format: Format::Json,
        style: Style { color: false },
    }
}

/// The binary's NDJSON path for a stream (`run::check_ndjson`) with `--format json`, into a
/// sink.
fn cli(input: &[u8], threads: usize) -> usize {
    let mut reader = Cursor::new(input);
    let mut batches = Batches::new(&mut reader);
    let mut out = io::BufWriter::new(io::sink());
    let mut totals = Totals::default();
    run::check_ndjson(
        &mut batches,
        report(),
        &mut Pool::new(threads),
        &mut out,
        &mut totals,
    )
    .unwrap();
    out.flush().unwrap();
    totals.invalid
}

/// The binary's path for a regular file (`run::check_ndjson_file`, ranges read by the workers)
/// with `--format json`, into a sink.
fn cli_ranges(input: &[u8], threads: usize) -> usize {
    let mut out = io::BufWriter::new(io::sink());
    let mut totals = Totals::default();
    run::check_ndjson_file(
        input,
        input.len() as u64,
        Limits::default(),
        report(),
        &mut Pool::new(threads),
        &mut out,
        &mut totals,
    )
    .unwrap();
    out.flush().unwrap();
    totals.invalid
}

/// The same batches on the same threads (`parallel::for_each_chunk`), each line only parsed by
/// `parses`; how many lines it took.
fn count_parsed(input: &[u8], threads: usize, parses: impl Fn(&[u8]) -> bool + Sync) -> usize {
    let mut reader = Cursor::new(input);
    let mut batches = Batches::new(&mut reader);
    let mut parsed = 0;
    parallel::for_each_chunk(
        &mut batches,
        &mut Pool::new(threads),
        |lines: &[Line]| lines.iter().filter(|line| parses(&line.bytes)).count(),
        |ok| {
            parsed += ok;
            Ok(())
        },
    )
    .unwrap();
    parsed
}

/// Each line parsed to a `serde_json::Value` and nothing else.
fn parse_only(input: &[u8], threads: usize) -> usize {
    count_parsed(input, threads, |bytes| {
        serde_json::from_slice::<serde_json::Value>(bytes).is_ok()
    })
}

/// Each line parsed into the typed create request (serde's derived `Deserialize`, no
/// validation): the floor of a parse that must also read the members into their types.
fn parse_only_typed(input: &[u8], threads: usize) -> usize {
    count_parsed(input, threads, |bytes| {
        serde_json::from_slice::<CreateExportDestinationRequest>(bytes).is_ok()
    })
}

fn ndjson(c: &mut Criterion) {
    let lines = std::env::var("M3TER_BENCH_LINES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_LINES);
    let input = generate(lines);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let invalid = (0..lines)
        .filter(|i| i % 2 == 1 || i % 8 == 2 || i % 8 == 6)
        .count();
    assert_eq!(cli(&input, 1), invalid);
    assert_eq!(cli_ranges(&input, 1), invalid);
    assert_eq!(cli_ranges(&input, cores), invalid);
    assert_eq!(parse_only(&input, 1), lines);

    let mut group = c.benchmark_group(format!("ndjson/{lines}_lines"));
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.sample_size(10);
    group.bench_function("parse_only/1_thread", |b| {
        b.iter(|| parse_only(black_box(&input), 1))
    });
    group.bench_function("parse_only_typed/1_thread", |b| {
        b.iter(|| parse_only_typed(black_box(&input), 1))
    });
    group.bench_function("cli/1_thread", |b| b.iter(|| cli(black_box(&input), 1)));
    group.bench_function("cli_ranges/1_thread", |b| {
        b.iter(|| cli_ranges(black_box(&input), 1))
    });
    group.bench_function(format!("parse_only/{cores}_threads"), |b| {
        b.iter(|| parse_only(black_box(&input), cores))
    });
    group.bench_function(format!("cli/{cores}_threads"), |b| {
        b.iter(|| cli(black_box(&input), cores))
    });
    group.bench_function(format!("cli_ranges/{cores}_threads"), |b| {
        b.iter(|| cli_ranges(black_box(&input), cores))
    });
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}

criterion_group! {
    name = benches;
    config = config();
    targets = ndjson
}
criterion_main!(benches);
