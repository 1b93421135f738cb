//! What each fuzz target checks, as plain functions: the targets in `fuzz_targets/` only hand
//! libFuzzer's bytes to them. A failed invariant panics (`assert!`), which libFuzzer reports as
//! a crash and saves under `fuzz/artifacts/<target>/`.

#![forbid(unsafe_code)]

use std::io::Cursor;

use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::{
    CreateExportDestinationRequest, ErrorCode, UpdateExportDestinationRequest, ValidationError,
    ValidationErrors,
};
use m3ter_validate::check::{self, Rules};
use m3ter_validate::input::Batches;
use m3ter_validate::output::{self, Style};

/// The profiles, for looping.
const PROFILES: [Profile; 2] = [Profile::Default, Profile::Strict];

/// `json_validate`: raw bytes through `json::validate` (both operations, both profiles),
/// `json::validate_value` and `json::from_slice`, with the invariants that tie them together.
pub fn json_validate(data: &[u8]) {
    let parsed = json::parse_value(data);
    match &parsed {
        Ok(_) => {}
        Err(error) => {
            assert_eq!(error.path(), "", "a syntax error is at the document");
            assert_eq!(error.code(), ErrorCode::Syntax);
            // The strict parser may refuse only what serde_json refuses, or a duplicate key.
            if serde_json::from_slice::<serde_json::Value>(data).is_ok() {
                assert!(
                    error.message().contains("duplicate key"),
                    "parse_value refused what serde_json takes: {}",
                    error.message()
                );
            }
        }
    }
    // The operations with a request body.
    for operation in [Operation::Create, Operation::Update] {
        let mut default_errors = None;
        for profile in PROFILES {
            let result = json::validate(data, operation, profile);
            if let Err(errors) = &result {
                check_errors(data, errors, parsed.is_ok());
            }
            match profile {
                Profile::Default => default_errors = Some(result),
                Profile::Strict => {
                    // Strict is the default rules plus more: the default errors come first.
                    let strict = keys(&result);
                    let default = default_errors.as_ref().map(keys).unwrap_or_default();
                    assert!(
                        strict.starts_with(&default),
                        "strict errors {strict:?} do not extend default errors {default:?}"
                    );
                }
            }
        }
        // The text path (a typed parse first) says what the walk over the parsed value says.
        let walked = match &parsed {
            Ok(document) => json::validate_value(document, operation, Profile::Default),
            Err(error) => Err(ValidationErrors::from(error.clone())),
        };
        // (This found that serde's derived `Deserialize` takes a JSON array as a request and
        // `{"S3": null}` as an enum member: tests/fixtures/fuzz-regressions/json_validate/.)
        if let Some(default) = &default_errors {
            let (text, value) = (errors_of(default), errors_of(&walked));
            assert!(
                text == value,
                "validate and validate_value disagree for {operation:?}: {text:?} vs {value:?}"
            );
        }
        let default_ok = default_errors.as_ref().is_some_and(Result::is_ok);
        // The typed path and the raw path agree on whether a document is valid.
        let typed = if operation == Operation::Create {
            json::from_slice::<CreateExportDestinationRequest>(data).map(|_| ())
        } else {
            json::from_slice::<UpdateExportDestinationRequest>(data).map(|_| ())
        };
        if let Err(errors) = &typed {
            check_errors(data, errors, parsed.is_ok());
        }
        assert_eq!(
            typed.is_ok(),
            default_ok,
            "from_slice and validate disagree for {operation:?}: typed {typed:?}, raw {default_errors:?}"
        );
    }
}

/// The errors, in order.
fn errors_of(result: &Result<(), ValidationErrors>) -> &[ValidationError] {
    match result {
        Ok(()) => &[],
        Err(errors) => errors.as_slice(),
    }
}

/// Each error's path and code, in order.
fn keys(result: &Result<(), ValidationErrors>) -> Vec<(String, ErrorCode)> {
    match result {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect(),
    }
}

/// The invariants of any error list.
fn check_errors(data: &[u8], errors: &ValidationErrors, parsed: bool) {
    assert!(!errors.is_empty(), "an Err with no error");
    if parsed {
        // All at once finds what one at a time does.
        let paths: Vec<&str> = errors.iter().map(ValidationError::path).collect();
        let one_by_one: Vec<_> = paths.iter().map(|p| json::locate(data, p)).collect();
        assert_eq!(
            json::Location::all(data, &paths),
            one_by_one,
            "Location::all differs"
        );
    }
    for error in errors {
        check_error(error);
        if parsed {
            // Every path of a document that parsed points into it (or to its nearest parent).
            let location = json::locate(data, error.path());
            let Some(location) = location else {
                panic!(
                    "no location for {:?} in a document that parsed",
                    error.path()
                );
            };
            assert!(location.line >= 1 && location.column >= 1);
            assert!(location.offset + location.len <= data.len());
        } else {
            assert_eq!(error.code(), ErrorCode::Syntax);
        }
    }
}

/// The invariants of one error: a JSON Pointer, a message, parameters that serialize.
fn check_error(error: &ValidationError) {
    let path = error.path();
    assert!(
        path.is_empty() || path.starts_with('/'),
        "not a JSON Pointer: {path:?}"
    );
    if error.code() == ErrorCode::Syntax {
        assert_eq!(path, "", "a syntax error is at the document");
    }
    assert!(!error.message().is_empty(), "an empty message");
    let _ = error.params();
    let line = serde_json::to_string(error);
    assert!(line.is_ok(), "an error that does not serialize: {line:?}");
}

/// `ndjson_reader`: bytes as an NDJSON input through the CLI's batch reader (small batches, so
/// every batch edge is exercised) and its per-document check with locations, then both output
/// formats. No line may be lost, reordered or numbered wrongly.
pub fn ndjson_reader(data: &[u8]) {
    // Batch sizes from the length, so that the seeds stay as they are.
    let max_lines = data.len() % 5 + 1;
    let max_bytes = (data.len() / 5) % 97 + 1;
    let operation = [Operation::Create, Operation::Update][data.len() % 2];
    let profile = PROFILES[(data.len() / 2) % 2];
    let Some(body) = operation.request_body() else {
        panic!("{operation} has no request body");
    };
    let rules = Rules {
        body,
        profile,
        locate: true,
    };

    let mut cursor = Cursor::new(data);
    let mut batches = Batches::new(&mut cursor);
    batches.max_lines = max_lines;
    batches.max_bytes = max_bytes;
    let mut read: Vec<(usize, Vec<u8>)> = Vec::new();
    loop {
        let batch = match batches.next_batch() {
            Ok(Some(batch)) => batch,
            Ok(None) => break,
            Err(error) => panic!("reading from memory failed: {error}"),
        };
        assert!(!batch.is_empty(), "an empty batch");
        assert!(batch.len() <= max_lines, "a batch over max_lines");
        let before_last: usize = batch[..batch.len() - 1].iter().map(|l| l.bytes.len()).sum();
        assert!(before_last < max_bytes, "a batch went on past max_bytes");
        for line in batch {
            if let Some((last, _)) = read.last() {
                assert!(line.number > *last, "line numbers must increase");
            }
            let checked = check::check(&line.bytes, Some(line.number), rules);
            assert_eq!(checked.line, Some(line.number));
            assert_eq!(checked.places.len(), checked.errors.len());
            let lines_in_document = line.bytes.split(|&b| b == b'\n').count();
            for (error, place) in checked.errors.iter().zip(&checked.places) {
                check_error(error);
                assert!(place.line >= 1 && place.column >= 1 && place.width >= 1);
                assert!(place.line <= lines_in_document, "a place past the document");
            }
            let mut human = Vec::new();
            let written = output::human(&mut human, "fuzz", &checked, Style { color: false });
            assert!(written.is_ok());
            let mut json_out = Vec::new();
            let written = output::json_line(&mut json_out, "fuzz", &checked);
            assert!(written.is_ok());
            let value: Result<serde_json::Value, _> = serde_json::from_slice(&json_out);
            let Ok(value) = value else {
                panic!("--format json wrote a line that is not JSON");
            };
            assert_eq!(value["line"], line.number);
            assert_eq!(value["valid"], checked.errors.is_empty());
            read.push((line.number, line.bytes));
        }
    }
    assert_eq!(read, expected_lines(data), "lines lost, added or changed");
}

/// The non-blank lines of `data` with their 1-based numbers, by a plain split on `\n`.
pub fn expected_lines(data: &[u8]) -> Vec<(usize, Vec<u8>)> {
    data.split(|&b| b == b'\n')
        .enumerate()
        .filter_map(|(index, line)| {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            let blank = line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r'));
            (!blank).then(|| (index + 1, line.to_vec()))
        })
        .collect()
}

/// `generator`: a fragment's text through the generator: `Ok` or `Err`, never a panic, and
/// the same answer twice.
pub fn generator(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let first = xtask::codegen::generate(text, "fuzz.json");
    match &first {
        Ok(code) => {
            assert!(!code.is_empty(), "generated nothing");
            let again = xtask::codegen::generate(text, "fuzz.json");
            assert_eq!(again.as_ref().ok(), Some(code), "not deterministic");
        }
        Err(errors) => assert!(!errors.is_empty(), "an Err with no error"),
    }
}
