//! Hostile and broken raw JSON: deep nesting, a 100 MB value, a million unknown members,
//! invalid UTF-8, byte order marks, duplicate keys, numbers beyond `i64` and `f64`, NUL bytes,
//! empty documents. Each gets a clear error (the message names the problem) at a bounded cost;
//! sizes are chosen so the whole file runs in seconds. The two largest inputs run at a tenth of
//! their size in every `cargo test` and at full size when ignored tests are included (`cargo
//! test --tests -- --ignored`, as CI runs them). Inputs that fuzzing found are replayed from
//! `tests/fixtures/fuzz-regressions/json_validate/`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::path::Path;

use m3ter_models::json::{self, Location, Operation, Profile};
use m3ter_models::{
    CreateExportDestinationRequest, ErrorCode, UpdateExportDestinationRequest, ValidationErrors,
};
use serde_json::json;

/// The required members of a valid create request, without the braces.
const REQUIRED: &str = r#""name": "n", "code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R""#;
/// The same but `name`.
const BUT_NAME: &str =
    r#""code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R""#;

fn create(bytes: &[u8]) -> Result<(), ValidationErrors> {
    json::validate(bytes, Operation::Create, Profile::Default)
}

/// The one syntax error of `bytes`, under every operation and profile and through
/// `from_slice` too (they must agree): its message, line and column.
fn syntax(bytes: &[u8]) -> (String, u64, u64) {
    let errors = create(bytes).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let error = &errors.as_slice()[0];
    assert_eq!((error.path(), error.code()), ("", ErrorCode::Syntax));
    for operation in [Operation::Create, Operation::Update] {
        for profile in [Profile::Default, Profile::Strict] {
            let again = json::validate(bytes, operation, profile).unwrap_err();
            assert_eq!(again.as_slice(), errors.as_slice());
        }
    }
    let typed = json::from_slice::<CreateExportDestinationRequest>(bytes).unwrap_err();
    assert_eq!(typed.as_slice(), errors.as_slice());
    let typed = json::from_slice::<UpdateExportDestinationRequest>(bytes).unwrap_err();
    assert_eq!(typed.as_slice(), errors.as_slice());
    let params = error.params();
    (
        error.message(),
        params["line"].as_u64().unwrap(),
        params["column"].as_u64().unwrap(),
    )
}

#[test]
fn deep_nesting_is_a_syntax_error_not_a_stack_overflow() {
    let deep = vec![b'['; 100_000];
    let (message, line, column) = syntax(&deep);
    assert_eq!(
        message,
        "is not valid JSON: nested too deeply (at most 127 arrays or objects inside each other)"
    );
    assert_eq!((line, column), (1, 128));

    // Inside a member, and balanced: still refused at the same depth.
    let balanced = format!(
        "{{{REQUIRED}, \"prefix\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(syntax(balanced.as_bytes()).0.contains("nested too deeply"));
    let objects = format!("{}1{}", r#"{"a":"#.repeat(100_000), "}".repeat(100_000));
    assert!(syntax(objects.as_bytes()).0.contains("nested too deeply"));

    // The limit the message states: 127 levels parse, 128 do not.
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(json::parse_value(nested(127).as_bytes()).is_ok());
    assert!(json::parse_value(nested(128).as_bytes()).is_err());

    // Locating in such a text is iterative too: no value, no overflow.
    assert_eq!(json::locate(&deep, ""), None);
    assert_eq!(Location::all(&deep, &["", "/0/0"]), [None, None]);
}

/// A name of `characters` ASCII characters is one length error, which counts them.
fn a_long_name_is_one_length_error(characters: usize) {
    let mut body = format!("{{{BUT_NAME}, \"name\": \"").into_bytes();
    body.resize(body.len() + characters, b'a');
    body.extend_from_slice(b"\"}");
    let errors = create(&body).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors}");
    let error = &errors.as_slice()[0];
    assert_eq!((error.path(), error.code()), ("/name", ErrorCode::Length));
    assert_eq!(
        error.message(),
        format!("must be 1 to 200 characters, got {characters}")
    );
}

#[test]
fn a_10_mb_name_is_one_length_error() {
    a_long_name_is_one_length_error(10_000_000);
}

#[test]
#[ignore = "full size, about 3 s in a debug build: CI runs it (cargo test --tests -- --ignored)"]
fn a_100_mb_name_is_one_length_error() {
    a_long_name_is_one_length_error(100_000_000);
}

/// `n` unknown members are `n` errors, each at its member.
fn unknown_members_are_as_many_errors(n: usize) {
    let mut body = String::with_capacity(12 * n);
    body.push('{');
    for i in 0..n {
        body.push_str(&format!("\"u{i}\":0,"));
    }
    body.push_str(REQUIRED);
    body.push('}');
    let errors = create(body.as_bytes()).unwrap_err();
    assert_eq!(errors.len(), n);
    assert!(
        errors
            .iter()
            .all(|e| e.code() == ErrorCode::UnknownField && e.path().starts_with("/u"))
    );
}

#[test]
fn a_hundred_thousand_unknown_members_are_a_hundred_thousand_errors() {
    unknown_members_are_as_many_errors(100_000);
}

#[test]
#[ignore = "full size, about 4 s in a debug build: CI runs it (cargo test --tests -- --ignored)"]
fn a_million_unknown_members_are_a_million_errors() {
    unknown_members_are_as_many_errors(1_000_000);
}

#[test]
fn many_unknown_members_through_from_slice() {
    let mut body = String::from("{");
    for i in 0..20_000 {
        body.push_str(&format!("\"u{i}\":[{i}],"));
    }
    body.push_str(REQUIRED);
    body.push('}');
    let errors = json::from_slice::<CreateExportDestinationRequest>(body.as_bytes()).unwrap_err();
    assert_eq!(errors.len(), 20_000);
    // Their places, all at once: one read of the text.
    let paths: Vec<&str> = errors.iter().map(|e| e.path()).collect();
    let places = Location::all(body.as_bytes(), &paths);
    let u7 = body.find("[7]").unwrap();
    let index = paths.iter().position(|p| *p == "/u7").unwrap();
    assert_eq!(places[index].map(|l| (l.offset, l.len)), Some((u7, 3)));
    assert!(places.iter().all(Option::is_some));
}

#[test]
fn invalid_utf8_is_named_where_it_is() {
    // In a string value, in a key, outside any string, cut short at the end.
    let cases: [(&[u8], u64, u64); 5] = [
        (b"{\"name\": \"caf\xe9\"}", 1, 14),
        (b"{\"na\xffme\": \"x\"}", 1, 5),
        (b"{\xff: 1}", 1, 2),
        (b"[\"ok\",\n \"\xe2\x82\"]", 2, 3),
        (b"\"\xc3", 1, 2),
    ];
    for (bytes, line, column) in cases {
        let (message, at_line, at_column) = syntax(bytes);
        assert!(message.contains("invalid UTF-8"), "{message}");
        assert_eq!((at_line, at_column), (line, column), "{message}");
    }
    let (message, ..) = syntax(b"{\"name\": \"caf\xe9\"}");
    assert_eq!(
        message,
        "is not valid JSON: invalid UTF-8 (byte E9); JSON text must be UTF-8"
    );
    // A syntax error before the bad byte is reported as that syntax error.
    assert!(syntax(b"{\"a\" 1, \"\xff\"}").0.contains("expected `:`"));
}

#[test]
fn a_byte_order_mark_is_named() {
    let body = format!("\u{feff}{{{REQUIRED}}}");
    let (message, line, column) = syntax(body.as_bytes());
    assert_eq!(
        message,
        "is not valid JSON: starts with a UTF-8 byte order mark (bytes EF BB BF); JSON text must \
         not start with one: save the file as UTF-8 without a byte order mark"
    );
    assert_eq!((line, column), (1, 1));
    for (bytes, named) in [
        (b"\xff\xfe{\x00}\x00".as_slice(), "UTF-16 (little-endian)"),
        (b"\xfe\xff\x00{\x00}", "UTF-16 (big-endian)"),
        (b"\xff\xfe\x00\x00{\x00\x00\x00", "UTF-32 (little-endian)"),
        (b"\x00\x00\xfe\xff\x00\x00\x00{", "UTF-32 (big-endian)"),
    ] {
        let (message, ..) = syntax(bytes);
        assert!(
            message.contains(&format!("{named} byte order mark")) && message.contains("UTF-8"),
            "{message}"
        );
    }
    // Not at the start it is just a character, inside a string or not.
    let inside = format!("{{{REQUIRED}, \"prefix\": \"\u{feff}\"}}");
    assert!(create(inside.as_bytes()).is_ok());
}

#[test]
fn duplicate_keys_are_syntax_errors_naming_the_key() {
    let cases = [
        (format!("{{{REQUIRED}, \"name\": \"m\"}}"), "name"),
        (
            format!("{{{REQUIRED}, \"colour\": 1, \"colour\": 2}}"),
            "colour",
        ),
        (
            format!("{{{REQUIRED}, \"x\": [{{\"a\": 1, \"a\": 1}}]}}"),
            "a",
        ),
        (
            format!("{{{REQUIRED}, \"line\\nbreak\": 1, \"line\\nbreak\": 2}}"),
            "line\\nbreak",
        ),
    ];
    for (body, key) in cases {
        let (message, ..) = syntax(body.as_bytes());
        assert_eq!(message, format!("is not valid JSON: duplicate key `{key}`"));
    }
    // A long key is quoted in part.
    let long = "k".repeat(10_000);
    let body = format!("{{\"{long}\": 1, \"{long}\": 2}}");
    let (message, ..) = syntax(body.as_bytes());
    assert_eq!(
        message,
        format!("is not valid JSON: duplicate key `{}…`", "k".repeat(80))
    );
}

#[test]
fn numbers_beyond_i64_and_f64() {
    let with_version = |version: &str| format!("{{{REQUIRED}, \"version\": {version}}}");
    // Beyond f64: the text is not a number serde_json can hold, so a syntax error.
    for version in ["1e400", "-1e400", "123456789e999"] {
        let (message, ..) = syntax(with_version(version).as_bytes());
        assert_eq!(
            message,
            "is not valid JSON: number out of range (beyond what a 64-bit float can hold)"
        );
    }
    // Beyond i64 but a number: a type error on the member.
    let update = |version: &str| {
        let errors = json::validate(
            with_version(version).as_bytes(),
            Operation::Update,
            Profile::Default,
        )
        .unwrap_err();
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code(), e.message()))
            .collect();
        found
    };
    let type_error = |got: &str| {
        vec![(
            "/version".to_owned(),
            ErrorCode::Type,
            format!("must be an integer (int64), got {got}"),
        )]
    };
    assert_eq!(
        update("9223372036854775808"),
        type_error("an integer out of range")
    );
    assert_eq!(
        update("18446744073709551615"),
        type_error("an integer out of range")
    );
    // serde_json reads an integer beyond u64 (and below i64) as a float: still a whole number
    // out of range, not merely "a number".
    assert_eq!(
        update("99999999999999999999"),
        type_error("an integer out of range")
    );
    assert_eq!(
        update("-9223372036854775809"),
        type_error("an integer out of range")
    );
    assert_eq!(update("1e300"), type_error("an integer out of range"));
    // A number with a fraction, or a whole number written as a float within range, is a number.
    assert_eq!(update("1.5"), type_error("a number"));
    assert_eq!(update("1.0"), type_error("a number"));
    assert_eq!(update("-0.5"), type_error("a number"));
    // On create the member is forbidden whatever its value.
    let errors = create(with_version("99999999999999999999").as_bytes()).unwrap_err();
    assert_eq!(errors.as_slice()[0].code(), ErrorCode::Forbidden);
    // The edges themselves are fine.
    let at_max = json::validate(
        with_version("9223372036854775807").as_bytes(),
        Operation::Update,
        Profile::Default,
    );
    assert!(at_max.is_ok(), "{at_max:?}");
    let typed = json::from_slice::<UpdateExportDestinationRequest>(
        with_version("9223372036854775807").as_bytes(),
    )
    .unwrap();
    match typed.into_inner() {
        UpdateExportDestinationRequest::S3(request) => assert_eq!(request.version, i64::MAX),
        other => panic!("an S3 request, not {other:?}"),
    }
}

#[test]
fn nul_bytes() {
    // A raw NUL outside a string, inside one, and escaped (which JSON allows).
    let (message, line, column) = syntax(format!("\0{{{REQUIRED}}}").as_bytes());
    assert_eq!(
        message,
        "is not valid JSON: expected value: found a NUL byte (00)"
    );
    assert_eq!((line, column), (1, 1));
    let (message, ..) = syntax(format!("{{{REQUIRED}}}\0").as_bytes());
    assert_eq!(
        message,
        "is not valid JSON: trailing characters: found a NUL byte (00)"
    );
    let (message, ..) = syntax(format!("{{{REQUIRED}, \"prefix\": \"a\0b\"}}").as_bytes());
    assert_eq!(
        message,
        "is not valid JSON: control character (\\u0000-\\u001F) found while parsing a string"
    );
    let (message, ..) = syntax(b"{\x01}");
    assert!(
        message.ends_with("found the control character 01"),
        "{message}"
    );
    let escaped = format!("{{{REQUIRED}, \"prefix\": \"a\\u0000b\"}}");
    assert!(create(escaped.as_bytes()).is_ok());
}

#[test]
fn empty_documents() {
    assert_eq!(
        syntax(b""),
        ("is not valid JSON: the document is empty".to_owned(), 1, 1)
    );
    let (message, line, _) = syntax(b" \r\n\t\n");
    assert_eq!(
        message,
        "is not valid JSON: the document is empty (only whitespace)"
    );
    assert_eq!(line, 3);
    // Not JSON at all, or truncated: serde_json's own message, with a position of 1 or more.
    for bytes in [b"{".as_slice(), b"[1,", b"nul", b"\"abc"] {
        let (message, line, column) = syntax(bytes);
        assert!(message.contains("EOF while parsing"), "{message}");
        assert!(line >= 1 && column >= 1);
    }
}

#[test]
fn error_params_say_the_same_thing() {
    let errors = create(b"\xef\xbb\xbf{}").unwrap_err();
    assert_eq!(
        serde_json::to_value(&errors.as_slice()[0]).unwrap(),
        json!({
            "path": "",
            "code": "syntax",
            "message": "is not valid JSON: starts with a UTF-8 byte order mark (bytes EF BB BF); JSON text must not start with one: save the file as UTF-8 without a byte order mark",
            "params": {"line": 1, "column": 1},
        })
    );
}

/// Found by fuzzing (`tests/fixtures/fuzz-regressions/json_validate/`, see its README): a JSON
/// array is not a request, whichever path checks it: one `type` error at the document.
#[test]
fn a_json_array_is_not_a_request() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/fuzz-regressions/json_validate");
    for name in [
        "array-of-four-empty-strings.json",
        "array-that-passes-as-a-request.json",
    ] {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let only_type = |errors: &ValidationErrors| {
            let found: Vec<_> = errors
                .iter()
                .map(|e| (e.path().to_owned(), e.code(), e.message()))
                .collect();
            assert_eq!(
                found,
                [(
                    String::new(),
                    ErrorCode::Type,
                    "must be an object, got an array".to_owned()
                )],
                "{name}"
            );
        };
        for operation in [Operation::Create, Operation::Update] {
            for profile in [Profile::Default, Profile::Strict] {
                only_type(&json::validate(&bytes, operation, profile).unwrap_err());
            }
        }
        only_type(&json::from_slice::<CreateExportDestinationRequest>(&bytes).unwrap_err());
        only_type(&json::from_slice::<UpdateExportDestinationRequest>(&bytes).unwrap_err());
    }
}

/// Of the same cause: serde's derived `Deserialize` for an enum also takes `{"S3": null}`,
/// serde's externally tagged form of a unit variant; the spec says a string. At the union's
/// discriminator (`destinationType`) that is one `type` error (the rule of unions: a
/// discriminator that is not a string); at an enum member, one `enum` error.
#[test]
fn an_enum_member_given_as_an_object_is_one_enum_error() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "../../tests/fixtures/fuzz-regressions/json_validate/enum-member-as-a-tagged-object.json",
    );
    let bytes = std::fs::read(path).unwrap();
    let partition_order = String::from_utf8(bytes.clone()).unwrap().replace(
        "destinationType\": {\"S3\"",
        "partitionOrder\": {\"TYPE_FIRST\"",
    );
    for (bytes, pointer, code) in [
        (bytes, "/destinationType", ErrorCode::Type),
        (
            partition_order.into_bytes(),
            "/partitionOrder",
            ErrorCode::Enum,
        ),
    ] {
        for profile in [Profile::Default, Profile::Strict] {
            let errors = json::validate(&bytes, Operation::Create, profile).unwrap_err();
            let found: Vec<_> = errors.iter().map(|e| (e.path(), e.code())).collect();
            assert_eq!(found, [(pointer, code)]);
        }
        assert!(json::from_slice::<CreateExportDestinationRequest>(&bytes).is_err());
    }
}

/// Every input kept from a fuzz crash replays without a panic, each document's errors valid.
#[test]
fn fuzz_regressions_replay() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/fuzz-regressions/json_validate");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for operation in [Operation::Create, Operation::Update] {
            for profile in [Profile::Default, Profile::Strict] {
                if let Err(errors) = json::validate(&bytes, operation, profile) {
                    for error in &errors {
                        assert!(error.path().is_empty() || error.path().starts_with('/'));
                        let _ = error.message();
                    }
                }
            }
        }
        let _ = json::from_slice::<CreateExportDestinationRequest>(&bytes);
        let _ = json::from_slice::<UpdateExportDestinationRequest>(&bytes);
    }
}
