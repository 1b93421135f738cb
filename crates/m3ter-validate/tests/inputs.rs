//! The inputs the CLI's reader tests run on: every example, the fuzz regressions, the bench's
//! kind of line and generated edge cases (blank lines, CRLF, no final newline, lines longer than
//! a range, invalid UTF-8, syntax errors, pretty-printed JSON, characters to escape). Shared by
//! `readers.rs` (in the `suite` binary) and `reader_identity.rs` (its own binary).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.
#![allow(dead_code)] // Each binary that includes this module uses part of it.

use std::path::{Path, PathBuf};

pub(crate) const VALID: &str = r#"{"name": "n", "code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R"}"#;

pub(crate) fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every file under `dir`, by path.
pub(crate) fn files_under(dir: &Path, found: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files_under(&path, found);
        } else {
            found.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
}

/// The bench's kind of line: valid requests, and some with one to three faults.
pub(crate) fn bench_like(lines: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..lines {
        let line = match i % 4 {
            1 => format!(
                r#"{{"name":"","code":"finance_exports_{i}","bucketName":"acme-billing-{i}","iamRoleArn":"arn:aws:iam::922609978421:role/IAMRole{i}","destinationType":"S3"}}"#
            ),
            3 => format!(
                r#"{{"name":"F {i}","code":"{}","bucketName":"acme","iamRoleArn":"arn:aws:iam::role/IAMRole636","version":{i}}}"#,
                "c".repeat(81)
            ),
            _ => VALID.to_owned(),
        };
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
    }
    out
}

/// Inputs with every edge a line reader has.
pub(crate) fn generated() -> Vec<(String, Vec<u8>)> {
    let mut long_valid = String::from(r#"{"name": ""#);
    long_valid.push_str(&"n".repeat(150));
    long_valid.push_str(r#"", "code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R", "prefix": ""#);
    long_valid.push_str(&"p/".repeat(3000));
    long_valid.push_str("\"}");
    let mut many_errors = String::from("{");
    for i in 0..400 {
        many_errors.push_str(&format!("\"u{i}\":0,"));
    }
    many_errors.push_str(r#""name": ""}"#);
    let pretty = "{\n  \"name\": \"n\",\n  \"code\": \"\"\n}\n";
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty lines", format!("\n\n{VALID}\n\n\n{VALID}\n\n").into_bytes()),
        (
            "blank lines",
            format!(" \t\n{VALID}\n\r\n  \r\n{VALID}\n\t\t\n").into_bytes(),
        ),
        (
            "crlf",
            format!("{VALID}\r\n{{\"name\": \"\"}}\r\n\r\n{VALID}\r\n").into_bytes(),
        ),
        (
            "cr cr lf",
            format!("{VALID}\r\r\n{{\"name\": \"\"}}\r\n").into_bytes(),
        ),
        (
            "no final newline",
            format!("{VALID}\n{{\"name\": \"\"}}").into_bytes(),
        ),
        (
            "final cr without newline",
            format!("{VALID}\n{{\"name\": 1}}\r").into_bytes(),
        ),
        ("one line, no newline", VALID.as_bytes().to_vec()),
        ("only newlines", b"\n\n\n\n".to_vec()),
        ("only a cr", b"\r".to_vec()),
        (
            "long lines",
            format!("{long_valid}\n\n{many_errors}\n{VALID}\n{long_valid}").into_bytes(),
        ),
        (
            "invalid utf-8",
            [
                b"{\"name\": \"\xff\xfe\"}\n".as_slice(),
                VALID.as_bytes(),
                b"\n\xef\xbb\xbf{}\n\xc3\n{\"code\": \"\xe2\x82\"}\r\n\x00\n",
            ]
            .concat(),
        ),
        (
            "syntax errors",
            format!(
                "{{\n[1, }}\n{{\"name\": \"n\", \"name\": \"m\"}}\n{VALID}x\n\"str\"\n{{\"a\":\n{VALID}\n{{\"name\": \"\\ud800\"}}\n"
            )
            .into_bytes(),
        ),
        ("pretty-printed", pretty.repeat(3).into_bytes()),
        (
            "characters to escape",
            "{\"name\": \"\u{1b}]0;title\u{7}\", \"code\": \"\u{202e}x\tz\"}\n{\"\u{9b}\": 1}\n"
                .as_bytes()
                .to_vec(),
        ),
        ("the bench's lines", bench_like(200)),
    ];
    cases
        .into_iter()
        .map(|(name, bytes)| (name.to_owned(), bytes))
        .collect()
}

/// Every generated input, one after the other.
pub(crate) fn generated_concatenated() -> Vec<u8> {
    generated()
        .into_iter()
        .flat_map(|(_, bytes)| bytes)
        .collect()
}

pub(crate) fn inputs() -> Vec<(String, Vec<u8>)> {
    let mut inputs = Vec::new();
    files_under(&workspace().join("examples"), &mut inputs);
    files_under(
        &workspace().join("tests/fixtures/fuzz-regressions"),
        &mut inputs,
    );
    assert!(inputs.len() >= 10, "the examples and fixtures are found");
    inputs.extend(generated());
    inputs
}
