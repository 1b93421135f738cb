//! Hostile and broken input through the CLI's own code: the NDJSON reader at its batch edges,
//! the per-document check with locations on documents with many errors or huge values, and the
//! real binary over a directory, empty files, byte order marks, NUL bytes, invalid UTF-8 and bad
//! NDJSON lines among good ones (it checks every remaining document). Sized to run in seconds.
//! Inputs that fuzzing found are replayed from `tests/fixtures/fuzz-regressions/ndjson_reader/`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use m3ter_models::ErrorCode;
use m3ter_models::json::{Operation, Profile};
use m3ter_validate::check::{self, Rules};
use m3ter_validate::input::Batches;
use serde_json::Value;

use super::process::output_with_stdin;

const VALID: &str = r#"{"name": "n", "code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R"}"#;
const BUT_NAME: &str =
    r#""code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R""#;

/// The CLI's rules for create bodies, errors located.
fn locate_rules() -> Rules {
    Rules {
        body: Operation::Create.request_body().unwrap(),
        profile: Profile::Default,
        locate: true,
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("m3ter-limits-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    output_with_stdin(
        Command::new(env!("CARGO_BIN_EXE_m3ter-validate"))
            .args(args)
            .env("NO_COLOR", "1"),
        stdin,
    )
}

fn json_lines(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// Every line number and line, through batches of `max_lines` / `max_bytes`.
fn read_all(input: &[u8], max_lines: usize, max_bytes: usize) -> Vec<(usize, Vec<u8>)> {
    let mut cursor = Cursor::new(input);
    let mut batches = Batches::new(&mut cursor);
    batches.max_lines = max_lines;
    batches.max_bytes = max_bytes;
    let mut lines = Vec::new();
    while let Some(batch) = batches.next_batch().unwrap() {
        assert!(!batch.is_empty() && batch.len() <= max_lines);
        lines.extend(batch.into_iter().map(|l| (l.number, l.bytes)));
    }
    lines
}

#[test]
fn batches_lose_no_line_at_any_edge() {
    let input = b"a\n\nb\r\n  \t\r\n\xff\x00\n\xef\xbb\xbf{}\r\r\nlast-without-break";
    let expected: Vec<(usize, Vec<u8>)> = vec![
        (1, b"a".to_vec()),
        (3, b"b".to_vec()),
        (5, b"\xff\x00".to_vec()),
        (6, b"\xef\xbb\xbf{}\r".to_vec()),
        (7, b"last-without-break".to_vec()),
    ];
    for max_lines in 1..4 {
        for max_bytes in [1, 2, 3, 100] {
            assert_eq!(read_all(input, max_lines, max_bytes), expected);
        }
    }
    // A line longer than a batch's bytes is one line all the same.
    let long = vec![b'x'; 100_000];
    assert_eq!(read_all(&long, 10, 1), [(1, long.clone())]);
    assert!(read_all(b"", 1, 1).is_empty());
    assert!(read_all(b"\n\n\r\n", 1, 1).is_empty());
}

#[test]
fn many_errors_are_located_in_one_read() {
    // 100,000 unknown members, one a line: every one located at its own line (one read of the
    // text for all of them; a read per error would be 10^5 reads of up to 2 MB).
    let mut body = String::from("{\n");
    for i in 0..100_000 {
        body.push_str(&format!("  \"u{i}\": {i},\n"));
    }
    body.push_str(&format!("  {BUT_NAME}\n}}"));
    let checked = check::check(body.as_bytes(), None, locate_rules());
    assert_eq!(checked.errors.len(), 100_001); // and /name is required
    assert_eq!(checked.places.len(), checked.errors.len());
    for (error, place) in checked.errors.iter().zip(&checked.places) {
        match error.code() {
            ErrorCode::UnknownField => {
                let i: usize = error.path()["/u".len()..].parse().unwrap();
                // `  "u{i}": ` before the value.
                let column = 2 + "\"u\": ".len() + i.to_string().len() + 1;
                assert_eq!((place.line, place.column), (i + 2, column));
                assert_eq!(place.text, format!("  \"u{i}\": {i},"));
                assert_eq!(place.width, i.to_string().len());
            }
            ErrorCode::Required => assert_eq!((place.line, place.column), (1, 1)),
            other => panic!("unexpected {other}"),
        }
    }
}

#[test]
fn a_huge_value_is_shown_by_its_start() {
    let mut body = format!("{{{BUT_NAME}, \"name\": \"").into_bytes();
    body.resize(body.len() + 10_000_000, b'a');
    body.extend_from_slice(b"\"}");
    let checked = check::check(&body, None, locate_rules());
    assert_eq!(checked.errors.len(), 1);
    let place = &checked.places[0];
    assert_eq!(checked.errors[0].path(), "/name");
    assert_eq!(place.line, 1);
    let column = BUT_NAME.len() + "{, \"name\": ".len() + 1;
    assert_eq!(place.column, column);
    // Underlined in part; the line shown up to a little past the underline, and marked cut.
    assert_eq!(place.width, 200);
    // At most 60 characters of context before the value.
    let before = (column - 1).min(60);
    assert_eq!(place.skipped, column - 1 - before);
    assert_eq!(
        place.text.chars().count(),
        before + 200 + 200 + " …".chars().count()
    );
    assert!(place.text.ends_with(" …"));
}

#[test]
fn syntax_errors_are_placed_at_their_position() {
    for (bytes, line, column, needle) in [
        (b"".as_slice(), 1, 1, "the document is empty"),
        (b"\xef\xbb\xbf{}", 1, 1, "byte order mark"),
        (b"{\n  \"a\": \x00}", 2, 8, "NUL byte"),
        (b"{\n  \"a\": \"\xff\"}", 2, 9, "invalid UTF-8"),
    ] {
        let checked = check::check(bytes, Some(7), locate_rules());
        assert_eq!(checked.errors.len(), 1);
        assert!(checked.errors[0].message().contains(needle));
        let place = &checked.places[0];
        assert_eq!((place.line, place.column, place.width), (line, column, 1));
    }
    // A syntax error far along a long line: the same window as any value (60 characters
    // before, the fault, 200 after), not the line up to it.
    let mut long = b"[".to_vec();
    long.resize(1_000_000, b' ');
    long.extend_from_slice(b"nope]");
    long.resize(long.len() + 10_000, b' ');
    let checked = check::check(&long, None, locate_rules());
    let place = &checked.places[0];
    // serde_json stops on `o`, the first byte that cannot continue `n`.
    assert_eq!(place.column, 1_000_002);
    assert_eq!(place.skipped, 1_000_001 - 60);
    assert_eq!(
        place.text.chars().count(),
        60 + 1 + 200 + " …".chars().count()
    );
    assert!(place.text.starts_with(&format!("{}no", " ".repeat(59))));
}

/// A syntax error at the end of a 20 MB line: the human report is a few hundred bytes, not the
/// line (which it was, once per error).
#[test]
fn a_syntax_error_on_a_huge_line_prints_a_window() {
    let mut long = br#"{"name": ""#.to_vec();
    long.resize(20_000_000, b'a');
    long.extend_from_slice(b"\", x}");
    let output = run(&[], &long);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.len() < 2_000, "{} bytes of report", text.len());
    assert!(
        text.starts_with("-:1:20000004: (document): is not valid JSON: key must be a string"),
        "{text}"
    );
    assert!(
        text.contains(&format!("  | … {}\", x}}\n", "a".repeat(57))),
        "{text}"
    );
}

#[test]
fn the_cli_checks_every_line_after_bad_ones() {
    let mut input = Vec::new();
    let lines: [&[u8]; 9] = [
        VALID.as_bytes(),
        b"{\"name\": ",
        b"\xef\xbb\xbf{}",
        b"\x00",
        b"{\"name\": \"\xff\"}",
        &[b'['; 100_000],
        b"{\"a\": 1, \"a\": 2}",
        b"{\"version\": 1e400}",
        VALID.as_bytes(),
    ];
    for line in lines {
        input.extend_from_slice(line);
        input.extend_from_slice(b"\n\n");
    }
    let output = run(&["--ndjson", "--format", "json"], &input);
    assert_eq!(output.status.code(), Some(1));
    let documents = json_lines(&output);
    let numbers: Vec<u64> = documents
        .iter()
        .map(|d| d["line"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 3, 5, 7, 9, 11, 13, 15, 17]);
    let valid: Vec<bool> = documents
        .iter()
        .map(|d| d["valid"].as_bool().unwrap())
        .collect();
    assert_eq!(
        valid,
        [true, false, false, false, false, false, false, false, true]
    );
    let messages: Vec<&str> = documents[1..8]
        .iter()
        .map(|d| d["errors"][0]["message"].as_str().unwrap())
        .collect();
    for (message, needle) in messages.iter().zip([
        "EOF while parsing",
        "byte order mark",
        "NUL byte",
        "invalid UTF-8",
        "nested too deeply",
        "duplicate key `a`",
        "number out of range",
    ]) {
        assert!(message.contains(needle), "{message}");
    }

    // The human format too: every document, then the summary.
    let output = run(&["--ndjson"], &input);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("-:5:1: (document): is not valid JSON: starts with a UTF-8 byte order mark"),
        "{text}"
    );
    assert!(
        text.ends_with("9 documents checked: 2 valid, 7 invalid, 7 errors\n"),
        "{text}"
    );
}

#[test]
fn a_directory_and_bad_files_among_good_ones() {
    let dir = temp_dir("files");
    let good = dir.join("good.json");
    std::fs::write(&good, VALID).unwrap();
    let empty = dir.join("empty.json");
    std::fs::write(&empty, "").unwrap();
    let bom = dir.join("bom.json");
    std::fs::write(&bom, format!("\u{feff}{VALID}")).unwrap();
    let subdir = dir.join("a-directory");
    std::fs::create_dir_all(&subdir).unwrap();
    let files = [&good, &subdir, &empty, &bom, &good];
    let args: Vec<&str> = ["--format", "json"]
        .into_iter()
        .chain(files.iter().map(|f| f.to_str().unwrap()))
        .collect();
    let output = run(&args, b"");
    // The directory cannot be read: exit 2, after every other input was checked.
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(
        stderr.contains("a-directory: cannot read: is a directory"),
        "{stderr}"
    );
    let documents = json_lines(&output);
    let sources: Vec<&str> = documents
        .iter()
        .map(|d| d["source"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();
    assert_eq!(sources, expected);
    assert_eq!(documents[1]["valid"], Value::Null);
    assert_eq!(documents[1]["reason"], "cannot read: is a directory");
    assert_eq!(
        documents[2]["errors"][0]["message"],
        "is not valid JSON: the document is empty"
    );
    assert!(
        documents[3]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("UTF-8 byte order mark")
    );

    // Human format: the summary counts the unreadable input.
    let args: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();
    let output = run(&args, b"");
    assert_eq!(output.status.code(), Some(2));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.ends_with(
            "4 documents checked: 2 valid, 2 invalid, 2 errors; 1 input could not be read\n"
        ),
        "{text}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Found by fuzzing (`tests/fixtures/fuzz-regressions/json_validate/`): the CLI must not call
/// an array a valid create request.
#[test]
fn a_json_array_is_not_a_valid_document() {
    let array = br#"["n", "c", "abc", "arn:aws:iam::922609978421:role/R"]"#;
    let checked = check::check(array, None, locate_rules());
    let found: Vec<_> = checked
        .errors
        .iter()
        .map(|e| (e.path(), e.code()))
        .collect();
    assert_eq!(found, [("", ErrorCode::Type)]);
    let output = run(&["--format", "json"], array);
    assert_eq!(output.status.code(), Some(1));
}

/// Every input kept from a fuzz crash replays through the reader and the check without loss.
#[test]
fn fuzz_regressions_replay() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/fuzz-regressions/ndjson_reader");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let lines = read_all(&bytes, 2, 8);
        for (number, line) in &lines {
            let checked = check::check(line, Some(*number), locate_rules());
            assert_eq!(checked.places.len(), checked.errors.len());
        }
    }
}

/// On one long line with many errors, each place shows a window of the line around its value
/// (`Place::skipped` characters left out before it), not the line up to the value: otherwise
/// memory and human output grow as errors × line length (a 10 MB line with a million unknown
/// members would be terabytes).
#[test]
fn one_long_line_with_many_errors_is_bounded() {
    let mut body = String::from("{");
    for i in 0..5_000 {
        body.push_str(&format!("\"u{i}\":0,"));
    }
    body.push_str(BUT_NAME);
    body.push_str(", \"name\": \"n\"}");
    let checked = check::check(body.as_bytes(), None, locate_rules());
    assert_eq!(checked.errors.len(), 5_000);
    let shown: usize = checked
        .places
        .iter()
        .map(|p| p.text.len() + (p.column - p.skipped))
        .sum();
    assert!(
        shown <= 1_000 * checked.errors.len(),
        "{shown} bytes of excerpt and padding for {} errors",
        checked.errors.len()
    );
}

/// Without excerpts (`--format json`), the same errors at the same places (line, column, whether
/// located), and nothing measured for an excerpt: no source text, no underline width.
#[test]
fn places_without_excerpts_are_the_same_places() {
    let body =
        format!("{{\"zz\": [1, 2],\n \"name\": \"\", \"code\": \" \",\n {BUT_NAME}, \"a\": {{}}}}");
    for bytes in [body.as_bytes(), b"{\"name\": \xff}".as_slice(), b"[1, }"] {
        let full = check::check(bytes, Some(3), locate_rules());
        let lean = check::check_with(bytes, Some(3), locate_rules(), false);
        assert!(!full.errors.is_empty());
        assert_eq!(lean.errors, full.errors);
        for (a, b) in full.places.iter().zip(&lean.places) {
            assert_eq!((a.line, a.column, a.located), (b.line, b.column, b.located));
            assert_eq!((b.width, b.skipped), (0, 0));
            assert!(b.text.is_empty() && !a.text.is_empty() && a.width > 0);
        }
    }
}

/// A document nested 10,000 deep, closed (a recursive type's document gone wild): one `syntax`
/// error from serde_json's limit (127 arrays or objects inside each other), the same the
/// library's raw path gives (`json::parse_value`, which `json::from_slice` and the bodies'
/// `validate_json` read through), never a stack overflow.
#[test]
fn a_document_nested_ten_thousand_deep_is_one_syntax_error_on_every_path() {
    let mut text = r#"{"name": "#.repeat(10_000);
    text.push_str("\"n\"");
    text.push_str(&"}".repeat(10_000));
    let output = run(&["--format", "json"], text.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let documents = json_lines(&output);
    assert_eq!(documents.len(), 1, "{documents:?}");
    let errors = documents[0]["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["code"], "syntax");
    let parsed = m3ter_models::json::parse_value(text.as_bytes()).unwrap_err();
    assert_eq!(parsed.code(), ErrorCode::Syntax);
    assert_eq!(errors[0]["message"], parsed.message(), "{errors:?}");
    assert!(parsed.message().contains("nested too deeply"), "{parsed}");
    let sliced = m3ter_models::json::from_slice::<m3ter_models::CreateExportDestinationRequest>(
        text.as_bytes(),
    )
    .unwrap_err();
    assert_eq!(
        sliced.iter().map(|e| e.message()).collect::<Vec<_>>(),
        [parsed.message()]
    );
}
