//! The CLI's lean check (`lean::validate`, which does not build unknown members' values) gives
//! exactly the library's errors (`json::validate`), on documents with every JSON shape at every
//! member, for both operations and both profiles; and it really leaves those values out.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::path::Path;

use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::{CreateExportDestinationRequest, Describe};
use m3ter_validate::lean;
use serde_json::{Value, json};

const CREATE: &str = r#"{"name": "n", "code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R"}"#;

/// JSON text of values of every shape, including ones that are syntax errors in any place.
fn shapes() -> Vec<String> {
    let mut shapes: Vec<String> = [
        "null",
        "true",
        "0",
        "-1",
        "1.5",
        "1.0",
        "1e400",
        "18446744073709551616",
        "\"\"",
        "\"S3\"",
        "\"GCS\"",
        "\"TIME_FIRST\"",
        "\"a{[b\"",
        "\"Acme_Bucket\"",
        "\"arn:aws:iam::922609978421:role/R\"",
        "[]",
        "[0, 1, 2]",
        "[\"x\", {\"a\": [null]}]",
        "[1e400]",
        "{}",
        "{\"a\": 1}",
        "{\"a\": 1, \"a\": 2}",
        "{\"a\": {\"a\": 1}}",
        "[{\"k\": 1, \"k\": 2}]",
        "{\"k\": [1, {\"x\": \"y\", \"x\": \"z\"}]}",
        "\"\\ud800\"",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    shapes.push(format!("{}1{}", "[".repeat(126), "]".repeat(126)));
    shapes.push(format!("{}1{}", "[".repeat(130), "]".repeat(130)));
    shapes
}

const MEMBERS: [&str; 11] = [
    "name",
    "code",
    "bucketName",
    "iamRoleArn",
    "destinationType",
    "partitionOrder",
    "prefix",
    "version",
    "colour",
    "",
    "a/b~c",
];

fn assert_same(bytes: &[u8]) {
    for operation in Operation::ALL {
        let Some(body) = operation.request_body() else {
            continue;
        };
        for profile in [Profile::Default, Profile::Strict] {
            let expected = match json::validate(bytes, operation, profile) {
                Ok(()) => Vec::new(),
                Err(errors) => errors.into_vec(),
            };
            let lean = lean::validate(bytes, &body, profile);
            assert_eq!(
                lean,
                expected,
                "{operation:?} {profile:?} {}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

#[test]
fn every_shape_at_every_member_gives_the_library_errors() {
    let base: Value = serde_json::from_str(CREATE).unwrap();
    let mut checked = 0;
    for shape in shapes() {
        for member in MEMBERS {
            // Added to (or replacing a member of) a valid document, as text.
            let mut without = base.as_object().unwrap().clone();
            without.remove(member);
            let rest = serde_json::to_string(&Value::Object(without)).unwrap();
            let key = serde_json::to_string(member).unwrap();
            let document = format!("{{{key}: {shape}, {}", &rest[1..]);
            assert_same(document.as_bytes());
            // With a second member of another shape after it.
            let document = format!("{{{key}: {shape}, \"extra\": [{shape}], {}", &rest[1..]);
            assert_same(document.as_bytes());
            checked += 2;
        }
        // The shape as the whole document, and inside an array.
        assert_same(shape.as_bytes());
        assert_same(format!("[{shape}]").as_bytes());
        // A duplicate of a known member after it.
        assert_same(format!("{{\"name\": {shape}, \"code\": \"c\", \"name\": \"n\"}}").as_bytes());
    }
    assert!(checked > 500);
}

#[test]
fn the_examples_and_fuzz_regressions_give_the_library_errors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = 0;
    for dir in [
        "examples/create",
        "examples/update",
        "tests/fixtures/fuzz-regressions/json_validate",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            assert_same(&std::fs::read(&path).unwrap());
            files += 1;
        }
    }
    let ndjson = std::fs::read_to_string(root.join("examples/requests.ndjson")).unwrap();
    for line in ndjson.lines() {
        assert_same(line.as_bytes());
        files += 1;
    }
    assert!(files >= 6, "{files}");
}

#[test]
fn unknown_members_and_wrong_types_are_read_but_not_kept() {
    let mut body =
        String::from(r#"{"bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R""#);
    body.push_str(", \"extra\": [");
    body.push_str(&"0,".repeat(100_000));
    body.push_str("{\"deep\": [\"x\"]}], \"name\": [1, 2, 3], \"code\": {\"a\": \"b\"}}");
    let kind = &<CreateExportDestinationRequest as Describe>::KIND;
    let document = lean::parse(body.as_bytes(), kind).unwrap();
    assert_eq!(document["extra"], Value::Null);
    assert_eq!(document["name"], json!([]));
    assert_eq!(document["code"], json!({}));
    assert_eq!(document["bucketName"], json!("abc"));
    // The errors are still every error, with the library's paths and codes.
    assert_same(body.as_bytes());
}

/// A union's lean parse keeps what its rule reads: the discriminator whole, each variant's
/// members as that variant needs them; the errors are the full document's.
mod union {
    use super::*;
    use m3ter_models::{Validate, ValidateJson};
    use serde::{Deserialize, Serialize};

    #[m3ter_models::model]
    #[derive(Debug, Serialize, Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    #[spec(json)]
    struct S3 {
        kind: Option<String>,
        #[spec(min_length = 3)]
        bucket: String,
        region: Vec<String>,
    }

    #[m3ter_models::model]
    #[derive(Debug, Serialize, Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    #[spec(json)]
    struct Gcs {
        kind: Option<String>,
        #[spec(min_length = 3)]
        bucket: String,
        project: String,
    }

    #[derive(Debug, Validate)]
    #[spec(json, discriminator = "kind")]
    enum Dest {
        #[spec(tag = "S3")]
        S3(S3),
        #[spec(tag = "GCS")]
        Gcs(Gcs),
    }

    #[test]
    fn a_unions_lean_parse_gives_the_full_documents_errors() {
        let members = ["kind", "bucket", "region", "project", "other"];
        let values = [
            "\"S3\"",
            "\"GCS\"",
            "\"x\"",
            "\"bkt\"",
            "null",
            "3",
            "[\"a\", [1]]",
            "{\"a\": [1]}",
        ];
        let mut checked = 0;
        for (i, member) in members.iter().enumerate() {
            for value in values {
                for base in [
                    r#""bucket": "bkt""#,
                    r#""kind": "GCS", "project": "p""#,
                    r#""region": []"#,
                ] {
                    let text = format!("{{{base}, \"{member}\": {value}}}");
                    let Ok(full) = json::parse_value(text.as_bytes()) else {
                        continue; // A duplicate member: not this test's concern.
                    };
                    let lean = lean::parse(text.as_bytes(), &<Dest as Describe>::KIND).unwrap();
                    assert_eq!(
                        Dest::validate_json(&lean),
                        Dest::validate_json(&full),
                        "{text} (member {i})"
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 88, "every pair but the repeated members");
        // An unknown member's value is not kept; a declared one is.
        let lean = lean::parse(
            br#"{"other": [1, 2], "region": ["a"]}"#,
            &<Dest as Describe>::KIND,
        )
        .unwrap();
        assert_eq!(lean, json!({"other": null, "region": ["a"]}));
    }
}

/// A syntax error after a large value is the lean parse's own finding, the library's error
/// exactly: the document is never built whole to explain it.
#[test]
fn a_late_syntax_error_is_the_librarys_error() {
    let big = format!("[{}0]", "0,".repeat(50_000));
    let cases = [
        format!(r#"{{"colour": {big}, "name": "a", "name": "b"}}"#),
        format!(r#"{{"colour": {big}, "extra": {{"k": 1, "k": 2}}}}"#),
        format!(r#"{{"colour": {big}, "name": "n"}} trailing"#),
        format!(r#"{{"colour": {big}, "n": 1e999}}"#),
        format!(r#"{{"colour": {big}, "name": "n""#),
        format!("{{\"colour\": {big}, \"name\": \"\u{e9}\u{e9}\" ,,}}"),
        format!("{}{{\"colour\": {big}}}", "\u{feff}"),
    ];
    for text in &cases {
        assert_same(text.as_bytes());
        let body = Operation::Create.request_body().unwrap();
        let errors = lean::validate(text.as_bytes(), &body, Profile::Default);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].code(), m3ter_models::ErrorCode::Syntax);
    }
    let mut invalid_utf8 = format!(r#"{{"colour": {big}, "name": ""#).into_bytes();
    invalid_utf8.extend_from_slice(b"\xff\"}");
    assert_same(&invalid_utf8);
}
