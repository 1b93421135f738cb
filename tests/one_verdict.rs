//! One verdict per document: `json::from_slice`, `validate_json` and serde followed by
//! `validate()` agree, for the models and for users' types. Each test is a regression test for
//! a document that once got two verdicts.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::collections::{BTreeMap, HashMap};

use m3ter_models::json;
use m3ter_models::{ErrorCode, ExportDestinationResponse, Validate, ValidateJson};
use serde::{Deserialize, Serialize};

/// A plain `Option` with `#[spec(json)]` is a compile error saying which serde attributes make
/// serde agree (`ui/json_needs_serde_attributes.rs`); `model` writes them.
#[m3ter_models::model]
#[derive(Debug, Serialize, Deserialize, Validate)]
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
fn a_valid_value_serializes_to_a_document_its_raw_check_accepts() {
    let value = Plain {
        plain: None,
        gone: None,
    };
    assert!(value.validate().is_ok());
    let text = serde_json::to_string(&value).unwrap();
    assert_eq!(text, "{}");
    assert_eq!(verdicts::<Plain>(&text), (vec![], vec![]));
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

macro_rules! rename_rule {
    ($($name:ident => $rule:literal,)*) => {$(
        #[m3ter_models::model]
        #[derive(Debug, Default, Serialize, Deserialize, Validate)]
        #[serde(rename_all = $rule, deny_unknown_fields)]
        #[spec(json)]
        #[allow(dead_code)]
        struct $name {
            #[spec(min_length = 2)]
            foo_bar: String,
            #[spec(minimum = 1)]
            r#type: u8,
        }
    )*
        /// Each rule's struct: the members serde writes, and the pointers of its errors.
        fn rename_cases() -> Vec<(&'static str, Vec<String>, Vec<String>)> {
            vec![$({
                let keys: Vec<String> = serde_json::to_value($name::default())
                    .unwrap()
                    .as_object()
                    .unwrap()
                    .keys()
                    .cloned()
                    .collect();
                let document = serde_json::Value::Object(
                    keys.iter().map(|k| (k.clone(), serde_json::json!(null))).collect(),
                );
                let (typed, raw) = verdicts::<$name>(&document.to_string());
                assert_eq!(typed, raw, $rule);
                ($rule, keys, raw.into_iter().map(|(path, _)| path).collect())
            }),*]
        }
    };
}

rename_rule! {
    Lower => "lowercase",
    Upper => "UPPERCASE",
    Pascal => "PascalCase",
    Camel => "camelCase",
    Snake => "snake_case",
    ScreamingSnake => "SCREAMING_SNAKE_CASE",
    Kebab => "kebab-case",
    ScreamingKebab => "SCREAMING-KEBAB-CASE",
}

#[test]
fn every_rename_all_rule_names_members_as_serde_does() {
    for (rule, keys, pointers) in rename_cases() {
        let mut expected: Vec<String> = keys.iter().map(|k| format!("/{k}")).collect();
        let mut pointers = pointers;
        expected.sort();
        pointers.sort();
        assert_eq!(pointers, expected, "{rule}");
    }
    // serde's own rule, not a guess: `lowercase` keeps the underscore.
    let lower = rename_cases()
        .into_iter()
        .find(|c| c.0 == "lowercase")
        .unwrap();
    assert!(lower.1.contains(&"foo_bar".to_owned()), "{:?}", lower.1);
}

/// `#[serde(default)]` on the struct: serde fills every absent member from the struct's
/// `Default`, so the raw check lets each be absent too (it once said `required`).
#[derive(Debug, Default, Deserialize, Validate)]
#[serde(default, deny_unknown_fields)]
#[spec(json)]
#[allow(dead_code)]
struct Defaults {
    count: i64,
    #[spec(max_length = 3)]
    name: String,
}

#[test]
fn a_struct_default_lets_every_member_be_absent_on_every_path() {
    for text in [r#"{}"#, r#"{"count": 2}"#, r#"{"name": "abc"}"#] {
        assert_eq!(verdicts::<Defaults>(text), (vec![], vec![]), "{text}");
        let typed: Defaults = serde_json::from_str(text).unwrap();
        assert!(typed.validate().is_ok(), "{text}");
    }
    let (typed, raw) = verdicts::<Defaults>(r#"{"name": "abcd"}"#);
    assert_eq!(typed, raw);
    assert_eq!(raw, [("/name".to_owned(), ErrorCode::Length)]);
}
