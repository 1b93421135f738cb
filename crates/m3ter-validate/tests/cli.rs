//! End to end: the real `m3ter-validate` binary over files, standard input and NDJSON.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

use super::process::output_with_stdin;

const VALID: &str = r#"{"name": "Finance exports", "code": "finance_exports", "bucketName": "acme-billing-exports", "iamRoleArn": "arn:aws:iam::922609978421:role/IAMRole636"}"#;
const INVALID: &str = r#"{"name": "", "code": "finance_exports", "bucketName": "acme-billing-exports", "iamRoleArn": "arn:aws:iam::922609978421:role/IAMRole636"}"#;

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_m3ter-validate"));
    command.env_remove("NO_COLOR");
    command
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn run(args: &[&str], stdin: &str) -> Output {
    output_with_stdin(bin().args(args), stdin.as_bytes())
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("m3ter-validate-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_bundled_examples_human() {
    let dir = examples();
    let valid = dir.join("create/valid.json");
    let invalid = dir.join("create/invalid.json");
    let output = run(&[valid.to_str().unwrap(), invalid.to_str().unwrap()], "");
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let invalid = invalid.to_str().unwrap();
    assert!(text.contains(&format!("{invalid}:2:11: /name: must be 1 to 200 characters, got 0 [length]\n  |   \"name\": \"\",\n  |           ^^\n")), "{text}");
    assert!(
        text.contains(&format!(
            "{invalid}:6:14: /version: must not be present on create [forbidden]"
        )),
        "{text}"
    );
    assert!(
        text.ends_with("2 documents checked: 1 valid, 1 invalid, 4 errors\n"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
}

/// The README's main job, as it shows it: every bundled create request, S3 and GCS.
#[test]
fn the_readme_shows_the_main_job_as_it_runs() {
    let root = examples().parent().unwrap().to_path_buf();
    let mut files: Vec<String> = std::fs::read_dir(root.join("examples/create"))
        .unwrap()
        .map(|e| {
            format!(
                "examples/create/{}",
                e.unwrap().file_name().to_str().unwrap()
            )
        })
        .collect();
    files.sort();
    let output = bin().args(&files).current_dir(&root).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        readme.contains(&format!("```text\n{text}```")),
        "README's set-up output differs from the run:\n{text}"
    );
}

#[test]
fn gcs_requests_and_responses() {
    let dir = examples();
    let file = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    // A GCS create request is valid; one with an S3 member is not, at that member.
    let output = run(&[&file("create/gcs-valid.json")], "");
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let output = run(&["--format", "json", &file("create/gcs-invalid.json")], "");
    let lines = json_lines(&output);
    let paths: Vec<&str> = lines[0]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"/iamRoleArn"), "{paths:?}");
    // Response bodies, by operation and status.
    for (operation, status, name) in [
        ("list", "200", "responses/list-200.json"),
        ("retrieve", "200", "responses/retrieve-200.json"),
        ("delete", "404", "responses/error-404.json"),
        ("update", "503", "responses/error-404.json"),
    ] {
        let output = run(
            &["--operation", operation, "--response", status, &file(name)],
            "",
        );
        assert_eq!(
            output.status.code(),
            Some(0),
            "{operation} {status}: {}",
            stdout(&output)
        );
    }
    // A list page is not a destination.
    let output = run(
        &[
            "--operation",
            "retrieve",
            "--response",
            "200",
            &file("responses/list-200.json"),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    // No request body for list; no body for an undescribed status; --strict is for requests.
    for args in [
        &["--operation", "list"][..],
        &["--operation", "list", "--response", "302"][..],
        &["--response", "200", "--strict"][..],
        &["--response", "99"][..],
    ] {
        let output = run(args, "{}");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn standard_input_with_and_without_dash() {
    for args in [&[][..], &["-"][..]] {
        let output = run(args, VALID);
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(
            stdout(&output),
            "1 document checked: 1 valid, 0 invalid, 0 errors\n"
        );
    }
    // Without `destinationType`, the closest variant's errors, each naming it.
    let output = run(&["--format", "json"], INVALID);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        json_lines(&output),
        vec![json!({
            "source": "-", "line": null, "valid": false,
            "errors": [{"path": "/name", "code": "length", "message": "must be 1 to 200 characters, got 0",
                        "params": {"unit": "characters", "min": 1, "max": 200, "actual": 0, "variant": "S3"},
                        "line": 1, "column": 10}]
        })]
    );
}

#[test]
fn ndjson_one_json_line_per_document_in_order() {
    let input = format!("{VALID}\n\n{INVALID}\r\n   \n{{\"name\": \n{VALID}");
    let output = run(&["--ndjson", "--format", "json"], &input);
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    let summary: Vec<(Value, Value)> = lines
        .iter()
        .map(|l| (l["line"].clone(), l["valid"].clone()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (json!(1), json!(true)),
            (json!(3), json!(false)),
            (json!(5), json!(false)),
            (json!(6), json!(true))
        ]
    );
    assert_eq!(lines[2]["errors"][0]["code"], json!("syntax"));
    assert!(lines.iter().all(|l| l["source"] == json!("-")));
}

#[test]
fn ndjson_human_points_at_the_input_line() {
    let input = format!("{VALID}\n{INVALID}\n");
    let output = run(&["--ndjson"], &input);
    let text = stdout(&output);
    assert!(
        text.starts_with("-:2:10: /name: must be 1 to 200 characters, got 0 [length]\n"),
        "{text}"
    );
    assert!(
        text.ends_with("2 documents checked: 1 valid, 1 invalid, 1 error\n"),
        "{text}"
    );
}

#[test]
fn order_is_kept_under_parallelism() {
    let n = 20_000;
    let mut input = String::new();
    for i in 0..n {
        input.push_str(if i % 3 == 0 { INVALID } else { VALID });
        input.push('\n');
    }
    for threads in ["1", "4"] {
        let output = run(
            &["--ndjson", "--format", "json", "--threads", threads],
            &input,
        );
        let lines = json_lines(&output);
        assert_eq!(lines.len(), n);
        for (i, line) in lines.iter().enumerate() {
            assert_eq!(line["line"], json!(i + 1));
            assert_eq!(line["valid"], json!(i % 3 != 0), "line {}", i + 1);
        }
    }
}

#[test]
fn an_unreadable_input_among_good_ones_exits_2_after_the_others() {
    let dir = temp_dir("unreadable");
    let good = dir.join("good.json");
    std::fs::write(&good, VALID).unwrap();
    let missing = dir.join("missing.json");
    let output = run(
        &[
            "--format",
            "json",
            missing.to_str().unwrap(),
            dir.to_str().unwrap(),
            good.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(2));
    let lines = json_lines(&output);
    // One record per input, in order: the unreadable ones with `"valid": null` and the reason.
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2]["source"], json!(good.to_str().unwrap()));
    assert_eq!(lines[2]["valid"], json!(true));
    for (line, input) in lines[..2].iter().zip([&missing, &dir]) {
        assert_eq!(line["source"], json!(input.to_str().unwrap()));
        assert_eq!(line["valid"], Value::Null);
        assert_eq!(line["line"], Value::Null);
        assert_eq!(line["errors"], json!([]));
        assert!(
            line["reason"]
                .as_str()
                .unwrap()
                .starts_with("cannot read: "),
            "{line}"
        );
    }
    assert!(
        lines[1]["reason"]
            .as_str()
            .unwrap()
            .contains("is a directory")
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("missing.json: cannot read"), "{stderr}");
    assert!(stderr.contains("is a directory"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--format", "xml"][..],
        &["--operation", "delete"][..],
        &["--no-such-flag"][..],
    ] {
        let output = run(args, VALID);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn update_and_strict() {
    let update = r#"{"name": "n", "code": "c", "bucketName": "Acme_Bucket", "iamRoleArn": "arn:aws:iam::922609978421:role/r", "version": 2}"#;
    assert_eq!(
        run(&["--operation", "update"], update).status.code(),
        Some(0)
    );
    assert_eq!(
        run(&[], update).status.code(),
        Some(1),
        "version is forbidden on create"
    );
    let strict = run(
        &["--operation", "update", "--strict", "--format", "json"],
        update,
    );
    assert_eq!(strict.status.code(), Some(1));
    let lines = json_lines(&strict);
    assert_eq!(
        lines[0]["errors"][0]["params"]["format"],
        json!("s3-bucket-name")
    );
}
