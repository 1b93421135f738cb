//! The real binary under hostile conditions and as people use it: control characters and
//! bidirectional overrides in every part of the human report, failed writes and closed pipes,
//! more threads than cores, source order, columns in characters, `--color`, hints about the
//! input's form, and file names that are not UTF-8.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use m3ter_validate::escape::needs_escape;
use serde_json::{Value, json};

use super::process::output_with_stdin;

const VALID: &str = r#"{"name": "n", "code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R"}"#;
const BUT_NAME: &str =
    r#""code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R""#;

/// One of each kind that must not reach a terminal raw: C0 (escape, bell, backspace, NUL, a
/// form feed), DEL, C1 (NEL, CSI), the bidirectional overrides, embeddings, isolates and marks,
/// and the Unicode line separator.
const HOSTILE: [char; 17] = [
    '\u{1b}', '\u{7}', '\u{8}', '\u{0}', '\u{c}', '\u{7f}', '\u{85}', '\u{9b}', '\u{202a}',
    '\u{202e}', '\u{2066}', '\u{2067}', '\u{2069}', '\u{200e}', '\u{200f}', '\u{61c}', '\u{2028}',
];

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_m3ter-validate"));
    command.env_remove("NO_COLOR");
    command
}

fn run_with(mut command: Command, args: &[&str], stdin: &[u8]) -> Output {
    output_with_stdin(command.args(args), stdin)
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_with(bin(), args, stdin)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("m3ter-hostile-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Nothing a terminal would act on: no character that needs escaping but the line breaks.
fn assert_inert(shown: &str) {
    for line in shown.lines() {
        assert!(
            !line.chars().any(needs_escape),
            "a raw control or bidi character in {line:?}"
        );
    }
}

fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

#[test]
fn control_and_bidi_characters_in_a_path_are_escaped() {
    for c in HOSTILE {
        // A valid document with one unknown member whose key holds `c` (JSON-escaped).
        let key = format!("title{c}end");
        let body = format!(
            "{{{BUT_NAME}, \"name\": \"n\", {}: 1}}",
            serde_json::to_string(&key).unwrap()
        );
        let output = run(&[], body.as_bytes());
        assert_eq!(output.status.code(), Some(1));
        let shown = text(&output.stdout);
        assert_inert(&shown);
        assert!(
            shown.contains(&format!("/title{}end: is not a known field", escaped(c))),
            "{c:?}: {shown}"
        );
        // JSON output stays exact: the path is the key itself.
        let output = run(&["--format", "json"], body.as_bytes());
        let record: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(record["errors"][0]["path"], json!(format!("/{key}")));
    }
}

#[test]
fn the_window_title_attack_of_the_issue() {
    let body = format!("{{{BUT_NAME}, \"name\": \"n\", \"\\u001b]0;PWNED\\u0007\": 1}}");
    let output = run(&[], body.as_bytes());
    let shown = text(&output.stdout);
    assert_inert(&shown);
    assert!(
        shown.contains("/\\u{1b}]0;PWNED\\u{7}: is not a known field"),
        "{shown}"
    );
}

#[test]
fn raw_characters_in_the_quoted_source_line_are_escaped_and_the_underline_follows() {
    // Characters JSON allows raw in a string: DEL, C1, bidirectional ones. The value is too
    // long for `code` (at most 80 characters), so its line is quoted.
    for c in [
        '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2067}', '\u{200f}', '\u{61c}',
    ] {
        let code = format!("{c}{}", "x".repeat(80));
        let body = format!(
            "{{\"name\": \"n\", \"code\": \"{code}\", \"bucketName\": \"abc\", \"iamRoleArn\": \"arn:aws:iam::922609978421:role/R\"}}"
        );
        let output = run(&[], body.as_bytes());
        let shown = text(&output.stdout);
        assert_inert(&shown);
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[0].starts_with("-:1:23: /code: must be 1 to 80 characters, got 81"));
        let quoted = lines[1];
        let underline = lines[2];
        let value = format!("\"{}{}\"", escaped(c), "x".repeat(80));
        let at = quoted
            .find(&value)
            .unwrap_or_else(|| panic!("{c:?}: {shown}"));
        // The underline starts under the value's opening quote and spans it, escape included.
        let pad = quoted[..at].chars().count();
        assert_eq!(
            underline.chars().position(|c| c == '^'),
            Some(pad),
            "{shown}"
        );
        assert_eq!(
            underline.chars().filter(|&c| c == '^').count(),
            value.chars().count()
        );
    }
    // Raw C0 characters inside a string are a syntax error, quoted like any other line.
    for c in ['\u{1b}', '\u{7}', '\u{8}', '\u{0}', '\u{c}'] {
        let body = format!("{{\"name\": \"a{c}]0;PWNED\", {BUT_NAME}}}");
        let output = run(&[], body.as_bytes());
        let shown = text(&output.stdout);
        assert_inert(&shown);
        assert!(
            shown.contains(&format!("\"a{}]0;PWNED\"", escaped(c))),
            "{shown}"
        );
    }
}

#[test]
fn a_carriage_return_cannot_hide_the_bad_value() {
    // `\r` is JSON whitespace: raw, it would send the cursor back and the rest of the line
    // would overwrite the bad value on a terminal.
    let body = format!("{{\"name\": \"\",\r                    \"x\": 1, {BUT_NAME}}}");
    let output = run(&[], body.as_bytes());
    let shown = text(&output.stdout);
    assert_inert(&shown);
    assert!(shown.contains("  | {\"name\": \"\",\\r   "), "{shown}");
}

#[test]
fn file_names_and_reasons_are_escaped() {
    let dir = temp_dir("names");
    let name = "bad\u{1b}[2K\u{202e}name\r.json";
    let file = dir.join(name);
    std::fs::write(&file, format!("{{\"name\": \"\", {BUT_NAME}}}")).unwrap();
    let missing = dir.join("gone\u{7}\u{2066}.json");
    let output = run(&[file.to_str().unwrap(), missing.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(2));
    let shown = text(&output.stdout);
    let errors = text(&output.stderr);
    assert_inert(&shown);
    assert_inert(&errors);
    assert!(
        shown.contains("bad\\u{1b}[2K\\u{202e}name\\r.json:1:10: /name:"),
        "{shown}"
    );
    assert!(
        errors.contains("gone\\u{7}\\u{2066}.json: cannot read:"),
        "{errors}"
    );
    // The JSON report names the file exactly.
    let output = run(&["--format", "json", file.to_str().unwrap()], b"");
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(record["source"], json!(file.to_str().unwrap()));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn messages_are_escaped() {
    // A duplicate key's message quotes the key; its bidi override must not reorder the report.
    let body = "{\"a\u{202e}b\": 1, \"a\u{202e}b\": 2}";
    let output = run(&[], body.as_bytes());
    let shown = text(&output.stdout);
    assert_inert(&shown);
    assert!(shown.contains("duplicate key `a\\u{202e}b`"), "{shown}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_a_failed_run_with_its_own_message() {
    let dir = temp_dir("full");
    let good = dir.join("good.json");
    std::fs::write(&good, VALID).unwrap();
    let files: Vec<&str> = std::iter::repeat_n(good.to_str().unwrap(), 500).collect();
    for format in ["json", "human"] {
        let mut args = vec!["--format", format];
        args.extend(&files);
        let output = bin()
            .args(&args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(3), "{format}");
        let errors = text(&output.stderr);
        assert_eq!(
            errors.lines().count(),
            1,
            "one message, not one per input: {errors}"
        );
        assert!(
            errors.starts_with("m3ter-validate: cannot write the report to standard output: "),
            "{errors}"
        );
        assert!(!errors.contains("cannot read"), "{errors}");
    }
    // `--help` into a full disk is no success either.
    let output = bin()
        .arg("--help")
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_closed_pipe_stops_quietly_with_the_status_so_far() {
    let valid: String = std::iter::repeat_n(format!("{VALID}\n"), 20_000).collect();
    let invalid = format!("{}{{\"name\": \"\"}}\n", valid);
    for (input, format, status) in [
        (&valid, "json", 0),
        (&valid, "human", 0),
        (&invalid, "human", 1),
    ] {
        let mut child = bin()
            .args(["--ndjson", "--format", format])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before anything is written.
        drop(child.stdout.take());
        let mut pipe = child.stdin.take().unwrap();
        let bytes = input.clone().into_bytes();
        let feeder = std::thread::spawn(move || pipe.write_all(&bytes));
        let output = child.wait_with_output().unwrap();
        let _ = feeder.join().unwrap();
        assert_eq!(output.status.code(), Some(status), "{format}");
        assert_eq!(text(&output.stderr), "", "{format}");
    }
}

#[test]
fn more_threads_than_cores_is_capped_and_said() {
    let input: String = std::iter::repeat_n(format!("{VALID}\n"), 2_000).collect();
    let output = run(
        &["--ndjson", "--format", "json", "--threads", "100000"],
        input.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout).lines().count(), 2_000);
    let errors = text(&output.stderr);
    assert!(
        errors.starts_with(
            "m3ter-validate: --threads 100000 is more than the available parallelism ("
        ),
        "{errors}"
    );
    // Without --ndjson, --threads is a usage error rather than silently ignored.
    let output = run(&["--threads", "2"], VALID.as_bytes());
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--ndjson"));
}

#[test]
fn human_output_is_in_source_order() {
    // Validation finds `/name` (required) and `/code` first and unknown members by name; the
    // report follows the text: line, then column.
    let body = "{\"zz\": 1, \"aa\": 2,\n \"code\": \"\",\n \"bucketName\": \"abc\", \"mm\": 3,\n \"iamRoleArn\": \"arn:aws:iam::922609978421:role/R\"}";
    let output = run(&[], body.as_bytes());
    let shown = text(&output.stdout);
    let heads: Vec<String> = shown
        .lines()
        .filter(|l| l.starts_with("-:"))
        .map(|l| {
            let (place, rest) = l.split_once(": ").unwrap();
            let (path, _) = rest.split_once(": ").unwrap();
            let code = l.rsplit_once(" [").unwrap().1;
            format!("{place} {path} [{code}")
        })
        .collect();
    assert_eq!(
        heads,
        [
            "-:1:1 /name [required]",
            "-:1:8 /zz [unknown_field]",
            "-:1:17 /aa [unknown_field]",
            "-:2:10 /code [length]",
            "-:2:10 /code [pattern]",
            "-:3:29 /mm [unknown_field]",
        ],
        "{shown}"
    );
    // `--format json`: the same order, each error with its line and column.
    let output = run(&["--format", "json"], body.as_bytes());
    let record: Value = serde_json::from_slice(&output.stdout).unwrap();
    let found: Vec<(String, u64, u64)> = record["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_owned(),
                e["line"].as_u64().unwrap(),
                e["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        ("/name", 1, 1),
        ("/zz", 1, 8),
        ("/aa", 1, 17),
        ("/code", 2, 10),
        ("/code", 2, 10),
        ("/mm", 3, 29),
    ];
    let expected: Vec<(String, u64, u64)> = expected
        .iter()
        .map(|&(p, l, c)| (p.to_owned(), l, c))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn syntax_errors_count_columns_in_characters_and_json_says_where() {
    // `x` is the 16th character of the line (its 20th byte): the caret lands under it.
    let body = "{\"name\": \"é😀\", x}";
    let output = run(&[], body.as_bytes());
    let shown = text(&output.stdout);
    let lines: Vec<&str> = shown.lines().collect();
    assert!(
        lines[0].starts_with("-:1:16: (document): is not valid JSON"),
        "{shown}"
    );
    assert_eq!(lines[1], format!("  | {body}"));
    assert_eq!(lines[2], format!("  | {}^", " ".repeat(15)));
    // With --ndjson: the record's and the error's `line` are the file's; the syntax error's
    // `params` are its position within the document (the one line).
    let input = format!("{VALID}\n\n{body}\n");
    let output = run(&["--ndjson", "--format", "json"], input.as_bytes());
    let records: Vec<Value> = text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let error = &records[1]["errors"][0];
    assert_eq!(records[1]["line"], json!(3));
    assert_eq!((&error["line"], &error["column"]), (&json!(3), &json!(16)));
    assert_eq!(error["params"], json!({"line": 1, "column": 16}));
}

#[test]
fn color_always_never_auto() {
    let body = format!("{{\"name\": \"\", {BUT_NAME}}}");
    let painted = run(&["--color", "always"], body.as_bytes());
    assert!(text(&painted.stdout).contains("\u{1b}[1;31m"));
    for args in [&["--color", "never"][..], &["--color", "auto"][..], &[][..]] {
        let output = run(args, body.as_bytes());
        assert!(!text(&output.stdout).contains('\u{1b}'), "{args:?}");
    }
    // NO_COLOR does not override an explicit `always`.
    let mut command = bin();
    command.env("NO_COLOR", "1");
    let output = run_with(command, &["--color", "always"], body.as_bytes());
    assert!(text(&output.stdout).contains("\u{1b}["));
    assert_eq!(run(&["--color", "sometimes"], b"").status.code(), Some(2));
}

#[test]
fn a_hint_when_the_input_form_and_the_flag_disagree() {
    let ndjson = format!("{VALID}\n{VALID}\n");
    let output = run(&[], ndjson.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let errors = text(&output.stderr);
    assert!(
        errors.contains("hint: - looks like NDJSON (one document a line): pass --ndjson"),
        "{errors}"
    );
    assert_eq!(run(&["--ndjson"], ndjson.as_bytes()).stderr, b"");

    let pretty =
        serde_json::to_string_pretty(&serde_json::from_str::<Value>(VALID).unwrap()).unwrap();
    let output = run(&["--ndjson"], pretty.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let errors = text(&output.stderr);
    assert!(
        errors.contains("hint: - looks like pretty-printed JSON"),
        "{errors}"
    );
    assert_eq!(errors.lines().count(), 1, "one hint per input: {errors}");
    assert_eq!(run(&[], pretty.as_bytes()).stderr, b"");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_an_unreadable_input_not_an_abort() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("not-utf8");
    let good = dir.join("good.json");
    std::fs::write(&good, VALID).unwrap();
    let bad = dir.join(OsStr::from_bytes(b"bad\xff.json"));
    std::fs::write(&bad, VALID).unwrap();
    let output = bin()
        .args(["--format", "json"])
        .arg(&bad)
        .arg(&good)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let records: Vec<Value> = text(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["valid"], Value::Null);
    assert!(
        records[0]["source"]
            .as_str()
            .unwrap()
            .ends_with("bad\u{fffd}.json")
    );
    assert!(
        records[0]["reason"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8")
    );
    assert_eq!(records[1]["valid"], json!(true));
    let errors = text(&output.stderr);
    assert!(
        errors.contains("bad\u{fffd}.json: cannot read: the file name is not valid UTF-8"),
        "{errors}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
