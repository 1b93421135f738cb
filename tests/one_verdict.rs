//! One verdict per document: `json::from_slice`, `validate_json` and serde followed by
//! `validate()` agree, for the models and for users' types. Each test is a regression test for
//! a document that once got two verdicts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::collections::{BTreeMap, HashMap};

use m3ter_models::json;
use m3ter_models::{ErrorCode, ExportDestinationResponse, Validate, ValidateJson};
use serde::Deserialize;

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
#[allow(dead_code)]
struct Plain {
    plain: Option<String>,
    #[spec(forbidden)]
    gone: Option<String>,
}

/// Each error's pointer and code.
type Codes = Vec<(String, ErrorCode)>;

/// The codes `from_slice` and `validate_json` give for `text`.
fn verdicts<T>(text: &str) -> (Codes, Codes)
where
    T: serde::de::DeserializeOwned + Validate + ValidateJson,
{
    let codes = |errors: m3ter_models::ValidationErrors| {
        errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect::<Vec<_>>()
    };
    let typed = json::from_slice::<T>(text.as_bytes()).map_or_else(codes, |_| Vec::new());
    let raw = match json::parse_value(text.as_bytes()) {
        Ok(value) => T::validate_json(&value).map_or_else(codes, |()| Vec::new()),
        Err(error) => codes(error.into()),
    };
    (typed, raw)
}

#[test]
fn null_for_a_plain_option_and_a_forbidden_member_is_refused_on_every_path() {
    for (text, path, code) in [
        (r#"{"plain": null}"#, "/plain", ErrorCode::Type),
        (r#"{"gone": null}"#, "/gone", ErrorCode::Forbidden),
    ] {
        let (typed, raw) = verdicts::<Plain>(text);
        assert_eq!(typed, raw, "{text}");
        assert_eq!(raw, [(path.to_owned(), code)], "{text}");
    }
}

#[test]
fn formats_of_the_models_are_read_strictly_by_serde_too() {
    for bad in [
        "1963-6-19T08:30:06Z",
        "+11963-06-19T08:30:06Z",
        "2023-11-07T05:31:56Z\n",
        "2023-11-07T05:31:56 +00:00",
        "2023-11-07T23:58:60Z",
    ] {
        // Flat and with a nested value elsewhere: the verdict does not depend on it.
        for text in [
            serde_json::json!({"id": "x", "dtCreated": bad}).to_string(),
            serde_json::json!({"id": "x", "dtCreated": bad, "other": [1]}).to_string(),
        ] {
            assert!(
                serde_json::from_str::<ExportDestinationResponse>(&text).is_err(),
                "{text}"
            );
            let (typed, raw) = verdicts::<ExportDestinationResponse>(&text);
            assert_eq!(typed, raw, "{text}");
            assert_eq!(
                raw,
                [("/dtCreated".to_owned(), ErrorCode::Format)],
                "{text}"
            );
        }
    }
    let good = r#"{"id": "x", "dtCreated": "1998-12-31T23:59:60Z"}"#;
    assert_eq!(
        verdicts::<ExportDestinationResponse>(good),
        (vec![], vec![])
    );
}

#[test]
fn hostile_unknown_members_of_a_tolerant_type_are_refused_by_every_path() {
    for text in [
        r#"{"id": "x", "extra": {"a": 1, "a": 2}}"#,
        r#"{"id": "x", "extra": "\ud800"}"#,
    ] {
        let (typed, raw) = verdicts::<ExportDestinationResponse>(text);
        assert_eq!(typed, raw, "{text}");
        assert_eq!(raw[0].1, ErrorCode::Syntax, "{text}");
    }
    let mut invalid_utf8 = br#"{"id": "x", "extra": ""#.to_vec();
    invalid_utf8.extend_from_slice(&[0xff, b'"', b'}']);
    assert!(json::from_slice::<ExportDestinationResponse>(&invalid_utf8).is_err());
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
#[allow(dead_code)]
struct Labels {
    labels: HashMap<String, String>,
    limits: BTreeMap<String, u8>,
}

#[test]
fn map_members_are_checked_value_by_value() {
    let (typed, raw) = verdicts::<Labels>(r#"{"labels": {"a/b": 1}, "limits": {"x": 300}}"#);
    assert_eq!(typed, raw);
    assert_eq!(
        raw,
        [
            ("/labels/a~1b".to_owned(), ErrorCode::Type),
            ("/limits/x".to_owned(), ErrorCode::Type)
        ]
    );
    assert_eq!(
        verdicts::<Labels>(r#"{"labels": {"a": "b"}, "limits": {"x": 3}}"#),
        (vec![], vec![])
    );
}
