//! The CLI's output is byte for byte the same with and without the models' reader of flat
//! objects (the `flat-reader` feature, issue 14): this build's binary against one built without
//! the feature, on every input of the reader tests (`inputs.rs`) and 20,000 of the bench's kind
//! of line, in both formats, as documents and as NDJSON (from files on one and two threads, and
//! from standard input), for every operation's request body and for response bodies.
//!
//! Not run by `cargo test` (its manifest entry says `test = false`): it needs the other binary.
//! `scripts/reader-identity.sh` builds it and runs this test; CI runs that script.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

// This binary is the side with the reader.
#[cfg(not(feature = "flat-reader"))]
compile_error!("reader_identity runs with the default features: this side must have the reader");

#[path = "inputs.rs"]
mod inputs;
#[path = "process.rs"]
mod process;

use process::output_with_stdin;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The variable that names the binary built without the reader.
const BASELINE: &str = "M3TER_VALIDATE_BASELINE";

/// The arguments that choose the bodies: every operation's request, the strict profile and
/// response bodies (a success and an error status).
const BODIES: &[&[&str]] = &[
    &["--operation", "create"],
    &["--operation", "create", "--strict"],
    &["--operation", "update"],
    &["--operation", "update", "--strict"],
    &["--operation", "retrieve", "--response", "200"],
    &["--operation", "list", "--response", "200"],
    &["--operation", "delete", "--response", "404"],
];

/// How the files are read: each a document, or NDJSON on one and two threads.
const MODES: &[&[&str]] = &[
    &[],
    &["--ndjson", "--threads", "1"],
    &["--ndjson", "--threads", "2"],
];

fn run(binary: &Path, args: &[&str], files: &[PathBuf], stdin: Option<&[u8]>) -> Output {
    let mut command = Command::new(binary);
    command.args(args).args(files).env("NO_COLOR", "1");
    match stdin {
        Some(bytes) => output_with_stdin(&mut command, bytes),
        None => command.output().unwrap(),
    }
}

/// Removes the inputs' folder when the test ends, passed or failed.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn assert_same(ours: &Output, theirs: &Output, what: &str) {
    // Every run checks documents and finds some invalid (status 1), not a usage error (2).
    let stderr = String::from_utf8_lossy(&ours.stderr);
    assert_eq!(ours.status.code(), Some(1), "{what}: {stderr}");
    assert!(ours.stdout.len() > 1_000, "{what}: a report on every input");
    assert_eq!(
        ours.status.code(),
        theirs.status.code(),
        "{what}: exit status"
    );
    // Compared as bytes; the first line that differs is shown (as text, lossy).
    if ours.stdout != theirs.stdout {
        let (line, (with, without)) = ours
            .stdout
            .split(|&b| b == b'\n')
            .chain(std::iter::repeat(&b""[..]))
            .zip(theirs.stdout.split(|&b| b == b'\n'))
            .enumerate()
            .find(|(_, (with, without))| with != without)
            .unwrap_or((0, (&b""[..], &b""[..])));
        panic!(
            "{what}: standard output differs, first on line {}\nwith the reader: {}\nwithout:         {}",
            line + 1,
            String::from_utf8_lossy(with),
            String::from_utf8_lossy(without)
        );
    }
    assert_eq!(
        String::from_utf8_lossy(&ours.stderr),
        String::from_utf8_lossy(&theirs.stderr),
        "{what}: standard error"
    );
    assert_eq!(ours.stderr, theirs.stderr, "{what}: standard error's bytes");
}

#[test]
fn the_output_is_the_same_without_the_reader() {
    let theirs = PathBuf::from(std::env::var_os(BASELINE).unwrap_or_else(|| {
        panic!("{BASELINE} names no binary: run scripts/reader-identity.sh, which builds it")
    }));
    let ours = PathBuf::from(env!("CARGO_BIN_EXE_m3ter-validate"));
    assert_ne!(
        std::fs::read(&ours).unwrap(),
        std::fs::read(&theirs).unwrap(),
        "{BASELINE} is this binary, not one built without the reader"
    );

    let dir =
        TempDir(std::env::temp_dir().join(format!("m3ter-reader-identity-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).unwrap();
    let mut all = inputs::inputs();
    all.push(("the bench's lines".to_owned(), inputs::bench_like(20_000)));
    let files: Vec<PathBuf> = all
        .iter()
        .enumerate()
        .map(|(i, (_, bytes))| {
            let path = dir.0.join(format!("input-{i:02}.json"));
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    let concatenated: Vec<u8> = all.iter().flat_map(|(_, bytes)| bytes.clone()).collect();

    let mut compared = 0;
    for body in BODIES {
        for format in ["human", "json"] {
            for mode in MODES {
                let args: Vec<&str> = body
                    .iter()
                    .chain(["--format", format].iter())
                    .chain(mode.iter())
                    .copied()
                    .collect();
                let what = args.join(" ");
                let with = run(&ours, &args, &files, None);
                assert_same(&with, &run(&theirs, &args, &files, None), &what);
                compared += with.stdout.len();
            }
            let args: Vec<&str> = body
                .iter()
                .chain(["--format", format, "--ndjson"].iter())
                .copied()
                .collect();
            let what = format!("{} (standard input)", args.join(" "));
            let with = run(&ours, &args, &[], Some(&concatenated));
            assert_same(&with, &run(&theirs, &args, &[], Some(&concatenated)), &what);
            compared += with.stdout.len();
        }
    }
    // The runs on the bench's 20,000 lines report on each: real reports were compared.
    assert!(compared > 50_000_000, "{compared} bytes compared");
}
