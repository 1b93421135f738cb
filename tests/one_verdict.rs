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

/// Every error of `text` on the three paths, in order, with its params: `json::from_slice`,
/// serde followed by `validate()`, and `validate_json`.
type Full = Vec<(String, ErrorCode, serde_json::Value)>;

fn three_paths<T>(text: &str) -> (Full, Full, Full)
where
    T: serde::de::DeserializeOwned + Validate + ValidateJson,
{
    let full = |errors: m3ter_models::ValidationErrors| -> Full {
        errors
            .iter()
            .map(|e| {
                let params = serde_json::Value::Object(e.params());
                (e.path().to_owned(), e.code(), params)
            })
            .collect()
    };
    let slice = json::from_slice::<T>(text.as_bytes()).map_or_else(full, |_| Vec::new());
    let typed: T = serde_json::from_str(text).unwrap();
    let typed = typed.validate().map_or_else(full, |()| Vec::new());
    let value = json::parse_value(text.as_bytes()).unwrap();
    let raw = T::validate_json(&value).map_or_else(full, |()| Vec::new());
    (slice, typed, raw)
}

/// Asserts one verdict for `text` and that it is `expected`.
fn assert_one_verdict<T>(text: &str, expected: &[(&str, ErrorCode, serde_json::Value)])
where
    T: serde::de::DeserializeOwned + Validate + ValidateJson,
{
    let expected: Full = expected
        .iter()
        .map(|(path, code, params)| ((*path).to_owned(), *code, params.clone()))
        .collect();
    let (slice, typed, raw) = three_paths::<T>(text);
    assert_eq!(slice, expected, "from_slice {text}");
    assert_eq!(typed, expected, "serde + validate() {text}");
    assert_eq!(raw, expected, "validate_json {text}");
}

fn seven() -> i64 {
    7
}

fn two_letters() -> Option<String> {
    Some("ab".to_owned())
}

/// Members serde fills from a field's `default` when the document lacks them: the typed path
/// checks the filled value, so the raw path checks it too (it once let `{}` pass).
#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
#[allow(dead_code)]
struct FieldDefaults {
    #[serde(default)]
    #[spec(minimum = 1)]
    n: i64,
    #[serde(default)]
    #[spec(min_length = 1)]
    text: String,
    #[serde(default = "seven")]
    #[spec(maximum = 5)]
    seven: i64,
    #[serde(
        default = "two_letters",
        deserialize_with = "m3ter_models::serde_helpers::non_null",
        skip_serializing_if = "Option::is_none"
    )]
    #[spec(min_length = 3)]
    letters: Option<String>,
}

#[test]
fn a_defaulted_member_absent_is_checked_as_its_default_on_every_path() {
    use serde_json::json;
    assert_one_verdict::<FieldDefaults>(
        "{}",
        &[
            (
                "/n",
                ErrorCode::Range,
                json!({"actual": 0, "bound": "minimum", "limit": 1}),
            ),
            (
                "/text",
                ErrorCode::Length,
                json!({"actual": 0, "min": 1, "unit": "characters"}),
            ),
            (
                "/seven",
                ErrorCode::Range,
                json!({"actual": 7, "bound": "maximum", "limit": 5}),
            ),
            (
                "/letters",
                ErrorCode::Length,
                json!({"actual": 2, "min": 3, "unit": "characters"}),
            ),
        ],
    );
    assert_one_verdict::<FieldDefaults>(
        r#"{"n": 1, "text": "a", "seven": 5, "letters": "abc"}"#,
        &[],
    );
    assert_one_verdict::<FieldDefaults>(
        r#"{"n": 0, "text": "a", "seven": 5}"#,
        &[
            (
                "/n",
                ErrorCode::Range,
                json!({"actual": 0, "bound": "minimum", "limit": 1}),
            ),
            (
                "/letters",
                ErrorCode::Length,
                json!({"actual": 2, "min": 3, "unit": "characters"}),
            ),
        ],
    );
}

/// `#[serde(default)]` on the struct: an absent member is that member of the struct's
/// `Default`, checked as such on every path.
#[derive(Debug, Default, Deserialize, Validate)]
#[serde(default, deny_unknown_fields)]
#[spec(json)]
#[allow(dead_code)]
struct StructDefault {
    #[spec(minimum = 1)]
    n: i64,
    #[spec(min_length = 2)]
    name: String,
}

fn struct_function() -> StructFunction {
    StructFunction {
        n: 9,
        name: "x".to_owned(),
    }
}

/// `#[serde(default = "…")]` on the struct: an absent member is that member of the function's
/// value.
#[derive(Debug, Deserialize, Validate)]
#[serde(default = "struct_function", deny_unknown_fields)]
#[spec(json)]
#[allow(dead_code)]
struct StructFunction {
    #[spec(maximum = 3)]
    n: i64,
    #[spec(max_length = 2)]
    name: String,
}

#[test]
fn a_struct_default_fills_absent_members_checked_on_every_path() {
    use serde_json::json;
    assert_one_verdict::<StructDefault>(
        "{}",
        &[
            (
                "/n",
                ErrorCode::Range,
                json!({"actual": 0, "bound": "minimum", "limit": 1}),
            ),
            (
                "/name",
                ErrorCode::Length,
                json!({"actual": 0, "min": 2, "unit": "characters"}),
            ),
        ],
    );
    assert_one_verdict::<StructDefault>(
        r#"{"name": "ab"}"#,
        &[(
            "/n",
            ErrorCode::Range,
            json!({"actual": 0, "bound": "minimum", "limit": 1}),
        )],
    );
    assert_one_verdict::<StructFunction>(
        "{}",
        &[(
            "/n",
            ErrorCode::Range,
            json!({"actual": 9, "bound": "maximum", "limit": 3}),
        )],
    );
    assert_one_verdict::<StructFunction>(
        r#"{"n": 3, "name": "xyz"}"#,
        &[(
            "/name",
            ErrorCode::Length,
            json!({"actual": 3, "max": 2, "unit": "characters"}),
        )],
    );
}

/// A member serde never reads (`skip_deserializing`) is its default in every typed value: the
/// raw path checks that value too, at the member's pointer.
#[derive(Debug, Deserialize, Validate)]
#[spec(json)]
#[allow(dead_code)]
struct Skipped {
    #[serde(skip_deserializing)]
    #[spec(minimum = 1)]
    never_read: i64,
}

#[test]
fn a_member_never_read_is_checked_as_its_default_on_every_path() {
    use serde_json::json;
    for text in ["{}", r#"{"never_read": 4}"#] {
        assert_one_verdict::<Skipped>(
            text,
            &[(
                "/never_read",
                ErrorCode::Range,
                json!({"actual": 0, "bound": "minimum", "limit": 1}),
            )],
        );
    }
}

/// A float member holds the number serde reads into it: an integer beyond 2^53 rounded to the
/// nearest `f64`, any number rounded to the nearest `f32`. The raw path reads the number as the
/// typed member holds it, so the keywords see one number on every path.
#[m3ter_models::model]
#[derive(Debug, Deserialize, Validate)]
#[spec(json)]
#[allow(dead_code)]
struct Floats {
    #[spec(multiple_of = 2)]
    even: f64,
    #[spec(maximum = 9_007_199_254_740_992_i64)]
    at_most: f64,
    #[spec(maximum = 0.1)]
    small: f32,
    #[spec(minimum = 1)]
    maybe: Option<f64>,
    #[spec(items(multiple_of = 2))]
    list: Vec<f64>,
}

#[test]
fn a_float_member_is_checked_as_the_float_serde_reads() {
    use serde_json::json;
    // 2^53 + 1 is odd and above 2^53, but the `f64` serde reads is 2^53 itself; 0.10000000001
    // is above 0.1, but the nearest `f32` is the `f32` of 0.1.
    let text = r#"{"even": 9007199254740993, "at_most": 9007199254740993, "small": 0.10000000001,
        "maybe": 18446744073709551615, "list": [9007199254740993, 3]}"#;
    let value: Floats = serde_json::from_str(text).unwrap();
    assert_eq!(value.even, 9_007_199_254_740_992.0);
    let not_even = json!({"actual": 3, "multipleOf": 2});
    assert_one_verdict::<Floats>(text, &[("/list/1", ErrorCode::MultipleOf, not_even)]);
    // A map of floats reads its members so too, and a number that is no integer is parsed to
    // the nearest `f64` on both paths alike.
    let text = r#"{"n": 1.5, "others": {"a": 9007199254740993, "b": 0.30000000000000004}}"#;
    let not_even = json!({"actual": 0.30000000000000004, "multipleOf": 2});
    assert_one_verdict::<FloatMap>(text, &[("/others/b", ErrorCode::MultipleOf, not_even)]);
}

/// A map of floats, each a multiple of 2 (`b`'s `0.30000000000000004` is not).
#[m3ter_models::model]
#[derive(Debug, Deserialize, Serialize, Validate)]
#[spec(json)]
#[allow(dead_code)]
struct FloatMap {
    n: f64,
    #[spec(additional_properties(multiple_of = 2))]
    others: HashMap<String, f64>,
}

/// A declared float member that a pattern of the flattened other members matches: the pattern's
/// keywords check it as serde reads it (`2^53 + 1` is the `f64` `2^53`), on every path.
#[m3ter_models::model]
#[derive(Debug, Deserialize, Serialize, Validate)]
#[spec(json)]
#[allow(dead_code)]
struct MatchedFloat {
    #[spec(maximum = 9_007_199_254_740_992_i64)]
    n: f64,
    #[serde(flatten)]
    #[spec(pattern_properties("^n" (maximum = 9_007_199_254_740_992_i64)))]
    others: serde_json::Map<String, serde_json::Value>,
}

#[test]
fn a_declared_float_member_a_pattern_matches_is_checked_as_serde_reads_it() {
    let text = r#"{"n": 9007199254740993}"#;
    let value: MatchedFloat = serde_json::from_str(text).unwrap();
    assert_eq!(value.n, 9_007_199_254_740_992.0);
    assert_one_verdict::<MatchedFloat>(text, &[]);
    // 2^53 + 2 is an `f64`: above the maximum for the member's keywords and the pattern's.
    let above = serde_json::json!({"actual": 9_007_199_254_740_994_i64, "bound": "maximum", "limit": 9_007_199_254_740_992_i64});
    assert_one_verdict::<MatchedFloat>(
        r#"{"n": 9007199254740994}"#,
        &[
            ("/n", ErrorCode::Range, above.clone()),
            ("/n", ErrorCode::Range, above),
        ],
    );
}

/// An `f32` member a pattern matches: the pattern reads it as the member's own keywords do (by
/// its shortest decimal form: `0.1_f32` is `0.1`), on every path.
#[m3ter_models::model]
#[derive(Debug, Deserialize, Serialize, Validate)]
#[spec(json)]
#[allow(dead_code)]
struct MatchedF32 {
    #[spec(maximum = 0.1)]
    small: f32,
    #[serde(flatten)]
    #[spec(pattern_properties("^s" (maximum = 0.1)))]
    others: serde_json::Map<String, serde_json::Value>,
}

#[test]
fn an_f32_member_a_pattern_matches_is_checked_as_its_own_keywords_read_it() {
    for text in [r#"{"small": 0.1}"#, r#"{"small": 0.10000000001}"#] {
        assert_one_verdict::<MatchedF32>(text, &[]);
    }
    let above = serde_json::json!({"actual": 0.2, "bound": "maximum", "limit": 0.1});
    assert_one_verdict::<MatchedF32>(
        r#"{"small": 0.2}"#,
        &[
            ("/small", ErrorCode::Range, above.clone()),
            ("/small", ErrorCode::Range, above),
        ],
    );
}
