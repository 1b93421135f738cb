//! The two NDJSON readers give the same reports, byte for byte: a regular file read in byte
//! ranges by the workers (`run::check_ndjson_file`, `ranges`) and the stream this thread reads
//! in batches (`run::check_ndjson`, `input::Batches`), over every example, the fuzz regressions,
//! the bench's kind of input and generated edge cases (blank lines, CRLF, no final newline,
//! lines longer than a range, invalid UTF-8, syntax errors, pretty-printed JSON), in both
//! formats, on 1, 2 and 3 threads, with ranges down to one byte so that every line boundary
//! falls at every place in a range. Then the binary itself: a file argument against the same
//! bytes on standard input.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::io::Cursor;
use std::process::{Command, Stdio};

use m3ter_models::json::{Operation, Profile};
use m3ter_validate::args::Format;
use m3ter_validate::check::Rules;
use m3ter_validate::input::Batches;
use m3ter_validate::output::{Style, Totals};
use m3ter_validate::parallel::Pool;
use m3ter_validate::ranges::{Limits, PositionedFile};
use m3ter_validate::run::{self, Report};

use super::inputs::{VALID, bench_like, generated_concatenated, inputs};
use super::process::output_with_stdin;

fn report(format: Format, color: bool) -> Report<'static> {
    Report {
        source: "input.ndjson",
        rules: Rules {
            body: Operation::Create.request_body().unwrap(),
            profile: Profile::Default,
            locate: true,
        },
        format,
        style: Style { color },
    }
}

/// What a reader gave: the bytes, the summary line, the pretty-printed hint.
fn streamed(input: &[u8], report: Report<'_>, threads: usize) -> (Vec<u8>, String, bool) {
    let mut cursor = Cursor::new(input);
    let mut batches = Batches::new(&mut cursor);
    // Small batches, so that the streaming side has edges of its own.
    batches.max_lines = 3;
    let (mut out, mut totals) = (Vec::new(), Totals::default());
    let pretty = run::check_ndjson(
        &mut batches,
        report,
        &mut Pool::new(threads),
        &mut out,
        &mut totals,
    )
    .unwrap();
    (out, totals.summary(), pretty)
}

fn by_ranges(
    input: &[u8],
    report: Report<'_>,
    threads: usize,
    limits: Limits,
) -> (Vec<u8>, String, bool) {
    let (mut out, mut totals) = (Vec::new(), Totals::default());
    let pretty = run::check_ndjson_file(
        input,
        input.len() as u64,
        limits,
        report,
        &mut Pool::new(threads),
        &mut out,
        &mut totals,
    )
    .unwrap();
    (out, totals.summary(), pretty)
}

/// The range sizes, thread counts and lines in flight per thread one comparison grid tries.
struct Grid {
    /// Range sizes for an input below 16 KB.
    small: &'static [usize],
    /// Range sizes for a larger one (ranges of a few bytes would cost a lock per few bytes).
    large: &'static [usize],
    threads: &'static [usize],
    in_flight_per_thread: &'static [usize],
}

/// Every input, in every format, streamed and read by ranges of each of `grid`'s sizes with
/// each of its thread counts and lines in flight, gives the same bytes; returns how many
/// comparisons were made.
fn both_readers_give_the_same_bytes_on(grid: &Grid) -> usize {
    let mut compared = 0;
    for (name, input) in inputs() {
        for (format, color) in [
            (Format::Json, false),
            (Format::Human, false),
            (Format::Human, true),
        ] {
            let report = report(format, color);
            let expected = streamed(&input, report, 1);
            assert_eq!(streamed(&input, report, 2), expected, "{name}");
            let sizes = if input.len() < 16_000 {
                grid.small
            } else {
                grid.large
            };
            for &range_bytes in sizes {
                for &threads in grid.threads {
                    for &in_flight_per_thread in grid.in_flight_per_thread {
                        let limits = Limits {
                            range_bytes,
                            in_flight_per_thread,
                        };
                        let got = by_ranges(&input, report, threads, limits);
                        if got != expected {
                            panic!(
                                "{name} {format:?} color {color}: {range_bytes}-byte ranges, \
                                 {threads} threads, {in_flight_per_thread} in flight:\n\
                                 ranges:\n{}\n{}\nstream:\n{}\n{}",
                                String::from_utf8_lossy(&got.0),
                                got.1,
                                String::from_utf8_lossy(&expected.0),
                                expected.1
                            );
                        }
                        compared += 1;
                    }
                }
            }
        }
    }
    compared
}

#[test]
fn both_readers_give_the_same_bytes() {
    // Ranges of one byte and of a few, one that holds a short line, the default; one thread
    // and more than one; one line in flight and several.
    let compared = both_readers_give_the_same_bytes_on(&Grid {
        small: &[1, 3, 64, 512 << 10],
        large: &[13, 4096, 512 << 10],
        threads: &[1, 3],
        in_flight_per_thread: &[1, 4],
    });
    assert!(compared > 400, "{compared} comparisons");
}

#[test]
#[ignore = "the whole grid, about 6 s in a debug build: CI runs it (cargo test --tests -- --ignored)"]
fn both_readers_give_the_same_bytes_on_the_whole_grid() {
    let compared = both_readers_give_the_same_bytes_on(&Grid {
        small: &[1, 2, 3, 7, 64, 1000, 512 << 10],
        large: &[13, 64, 1000, 4096, 512 << 10],
        threads: &[1, 2, 3],
        in_flight_per_thread: &[1, 4],
    });
    assert!(compared > 1000, "{compared} comparisons");
}

/// The ranges read from a real file (positioned reads) give the stream's bytes too.
#[test]
fn a_file_read_by_position_gives_the_same_bytes() {
    let dir = std::env::temp_dir().join(format!("m3ter-readers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("input.ndjson");
    let input = [bench_like(300), generated_concatenated()].concat();
    std::fs::write(&path, &input).unwrap();
    let file = PositionedFile::new(std::fs::File::open(&path).unwrap());
    for format in [Format::Json, Format::Human] {
        let report = report(format, false);
        let expected = streamed(&input, report, 1);
        for threads in [1, 2, 3] {
            for range_bytes in [100, 4096] {
                let limits = Limits {
                    range_bytes,
                    in_flight_per_thread: 2,
                };
                let (mut out, mut totals) = (Vec::new(), Totals::default());
                let pretty = run::check_ndjson_file(
                    &file,
                    input.len() as u64,
                    limits,
                    report,
                    &mut Pool::new(threads),
                    &mut out,
                    &mut totals,
                )
                .unwrap();
                assert_eq!(
                    (out, totals.summary(), pretty),
                    expected,
                    "{format:?} {threads} {range_bytes}"
                );
            }
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The binary: a file given by name (read in ranges) and the same bytes on standard input
/// (streamed) give the same output but for the source's name, and the same exit status.
#[test]
fn the_binary_reads_a_file_as_it_reads_standard_input() {
    let dir = std::env::temp_dir().join(format!("m3ter-readers-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("input.ndjson");
    let input = [bench_like(2000), generated_concatenated()].concat();
    std::fs::write(&path, &input).unwrap();
    let name = path.to_str().unwrap();
    for format in ["json", "human"] {
        for threads in ["1", "2"] {
            let args = ["--ndjson", "--format", format, "--threads", threads];
            let from_file = Command::new(env!("CARGO_BIN_EXE_m3ter-validate"))
                .args(args)
                .arg(name)
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            let from_stdin = output_with_stdin(
                Command::new(env!("CARGO_BIN_EXE_m3ter-validate"))
                    .args(args)
                    .env("NO_COLOR", "1"),
                &input,
            );
            let shown = String::from_utf8_lossy(&from_file.stdout).into_owned();
            let source = if format == "json" {
                serde_json::to_string(name).unwrap()
            } else {
                name.to_owned()
            };
            let as_stdin = shown.replace(&source, if format == "json" { "\"-\"" } else { "-" });
            assert!(as_stdin.len() > 100_000, "{format} {threads}");
            assert_eq!(
                as_stdin,
                String::from_utf8_lossy(&from_stdin.stdout),
                "{format} {threads}"
            );
            assert_eq!(from_file.status.code(), Some(1));
            assert_eq!(from_stdin.status.code(), Some(1));
            assert_eq!(
                String::from_utf8_lossy(&from_file.stderr).replace(name, "-"),
                String::from_utf8_lossy(&from_stdin.stderr),
                "{format} {threads}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Write errors with a file read in ranges: a full disk is exit status 3 with one message, a
/// closed pipe stops quietly with the status of what was checked.
#[test]
fn write_errors_with_a_file_read_in_ranges() {
    let dir = std::env::temp_dir().join(format!("m3ter-readers-write-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let valid_path = dir.join("valid.ndjson");
    let invalid_path = dir.join("invalid.ndjson");
    let valid: String = std::iter::repeat_n(format!("{VALID}\n"), 20_000).collect();
    std::fs::write(&valid_path, &valid).unwrap();
    std::fs::write(&invalid_path, format!("{valid}{{\"name\": \"\"}}\n")).unwrap();
    let bin = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_m3ter-validate"));
        command.env("NO_COLOR", "1");
        command
    };
    for threads in ["1", "2"] {
        if cfg!(target_os = "linux") {
            for format in ["json", "human"] {
                let output = bin()
                    .args(["--ndjson", "--format", format, "--threads", threads])
                    .arg(&invalid_path)
                    .stdout(std::fs::File::create("/dev/full").unwrap())
                    .stderr(Stdio::piped())
                    .output()
                    .unwrap();
                assert_eq!(output.status.code(), Some(3), "{format} {threads}");
                let errors = String::from_utf8_lossy(&output.stderr);
                assert_eq!(errors.lines().count(), 1, "{errors}");
                assert!(
                    errors.starts_with(
                        "m3ter-validate: cannot write the report to standard output: "
                    ),
                    "{errors}"
                );
            }
        }
        for (path, format, status) in [
            (&valid_path, "json", 0),
            (&valid_path, "human", 0),
            (&invalid_path, "human", 1),
        ] {
            let mut child = bin()
                .args(["--ndjson", "--format", format, "--threads", threads])
                .arg(path)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            // The reader goes away before anything is written.
            drop(child.stdout.take());
            let output = child.wait_with_output().unwrap();
            assert_eq!(output.status.code(), Some(status), "{format} {threads}");
            assert_eq!(
                String::from_utf8_lossy(&output.stderr),
                "",
                "{format} {threads}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A named pipe given by name is a stream, not a regular file (a positioned read of it fails):
/// read in batches, with the same reports as the same bytes from a regular file.
#[cfg(target_os = "linux")]
#[test]
fn a_named_pipe_is_streamed() {
    let dir = std::env::temp_dir().join(format!("m3ter-readers-fifo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fifo = dir.join("input.ndjson");
    let file = dir.join("file.ndjson");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success(), "mkfifo");
    let input = [bench_like(500), generated_concatenated()].concat();
    std::fs::write(&file, &input).unwrap();
    let writer = {
        let (fifo, input) = (fifo.clone(), input.clone());
        std::thread::spawn(move || std::fs::write(fifo, input))
    };
    let args = ["--ndjson", "--format", "json", "--threads", "2"];
    let from_fifo = Command::new(env!("CARGO_BIN_EXE_m3ter-validate"))
        .args(args)
        .arg(&fifo)
        .output()
        .unwrap();
    writer.join().unwrap().unwrap();
    let from_file = Command::new(env!("CARGO_BIN_EXE_m3ter-validate"))
        .args(args)
        .arg(&file)
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&from_file.stdout).replace("file.ndjson", "input.ndjson");
    assert!(shown.lines().count() > 500);
    assert_eq!(shown, String::from_utf8_lossy(&from_fifo.stdout));
    assert_eq!(from_fifo.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}
