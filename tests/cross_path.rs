//! One verdict per document, as a property: on generated documents (valid ones, and valid ones
//! mutated: a member removed, `null`, of another type, out of its constraints, an unknown
//! member with hostile content, a duplicate key), every path gives the same errors:
//! `json::from_slice` (the typed fast path where it is proven exact), `validate_json` on the
//! parsed document, serde followed by `validate()` where serde takes the document, and for
//! the models the CLI's `json::validate`. The types cover every keyword, every format, the
//! serde attributes `#[spec(json)]` honours (renames, `default`, `skip`), and a tolerant type.
//!
//! Case counts are sized for CI; `M3TER_PROPTEST_CASES=10000` raises them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::collections::{BTreeMap, HashMap};

use m3ter_models::describe::Describe;
use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::{ErrorCode, Validate, ValidateJson, ValidationErrors};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

fn config(default_cases: u32) -> Config {
    Config {
        cases: m3ter_workspace_tests::proptest_cases(default_cases),
        failure_persistence: None,
        ..Config::default()
    }
}

#[m3ter_models::model]
#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[spec(json)]
struct Everything {
    #[spec(min_length = 2, max_length = 8, pattern = "^[a-z]+$")]
    short_name: String,
    #[spec(format = "aws-iam-role-arn")]
    role: Option<String>,
    #[spec(format = "date-time")]
    at: Option<String>,
    #[spec(format = "gcs-bucket-name")]
    gcs: Option<String>,
    #[spec(format = "s3-bucket-name")]
    s3: Option<String>,
    #[spec(format = "uuid")]
    key: Option<String>,
    id: Option<m3ter_models::types::Uuid>,
    when: Option<m3ter_models::types::DateTime<m3ter_models::types::Utc>>,
    #[spec(minimum = 1, maximum = 50)]
    count: u8,
    #[spec(exclusive_minimum = 0, exclusive_maximum = 1)]
    ratio: Option<f64>,
    #[spec(min_items = 1, max_items = 3, items(max_length = 4))]
    tags: Vec<String>,
    #[spec(nested)]
    child: Option<Child>,
    #[spec(required, nullable)]
    note: Option<String>,
    #[spec(nullable)]
    maybe: Option<i32>,
    #[spec(forbidden = "create")]
    version: Option<i64>,
    #[serde(default)]
    flag: bool,
    #[serde(rename = "x-renamed")]
    renamed: Option<bool>,
    labels: Option<HashMap<String, u16>>,
    #[spec(multiple_of = 0.25)]
    step: Option<f64>,
    #[spec(unique_items, items(enum = "[1, 2, 3, 4.0]"))]
    codes: Option<Vec<i64>>,
    #[spec(min_properties = 1, max_properties = 2)]
    attrs: Option<HashMap<String, Value>>,
    #[spec(const = "\"fixed\"")]
    fixed: Option<String>,
    #[spec(enum = "[1.5, 2, null]")]
    level: Option<f64>,
    // Any JSON value: `type` and keywords of several types.
    #[spec(type = "string | integer | null", max_length = 4, minimum = 0)]
    loose: serde_json::Value,
    #[spec(min_items = 1, items(type = "boolean | array", max_items = 1))]
    free: Option<serde_json::Value>,
    #[serde(skip)]
    #[allow(dead_code)]
    cache: u32,
}

#[m3ter_models::model]
#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
struct Child {
    #[spec(min_length = 1)]
    name: String,
    kind: Option<Kind>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, Validate)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[spec(json)]
enum Kind {
    TypeFirst,
    TimeFirst,
}

/// Tolerates unknown members: serde skips them, the raw parse reads them.
#[m3ter_models::model]
#[derive(Debug, Serialize, Deserialize, Validate)]
#[spec(json)]
struct Tolerant {
    #[spec(max_length = 3)]
    name: Option<String>,
    id: Option<m3ter_models::types::Uuid>,
}

/// Maps of typed values with the object keywords: the strategies make each value of its map's
/// value type, within `additional_properties` and the value type's own keywords.
#[m3ter_models::model]
#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
struct TypedMaps {
    #[spec(
        min_properties = 1,
        max_properties = 3,
        additional_properties(minimum = 1, maximum = 200)
    )]
    counts: BTreeMap<String, i64>,
    #[spec(
        min_properties = 2,
        property_names(max_length = 3),
        additional_properties(min_length = 1, max_length = 2)
    )]
    labels: Option<HashMap<String, String>>,
    #[spec(min_properties = 1, max_properties = 2)]
    children: Option<BTreeMap<String, Child>>,
    #[spec(dependent_required = r#"{"m0": ["m1"]}"#, min_properties = 1)]
    levels: Option<HashMap<String, Option<u8>>>,
    #[spec(max_properties = 2, additional_properties(enum = r#"["S3", "GCS"]"#))]
    kinds: Option<BTreeMap<String, String>>,
}

/// A hostile value for a member or an unknown member.
fn hostile() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(true)),
        Just(json!(-0)),
        Just(json!(1.0)),
        Just(json!(1.5)),
        Just(json!(256)),
        Just(json!(18446744073709551615_u64)),
        Just(json!("")),
        Just(json!("é")),
        Just(json!("67e5504410b1426f9247bb680e5fe0c8")),
        Just(json!("1963-6-19T08:30:06Z")),
        Just(json!("2023-11-07T23:58:60Z")),
        Just(json!("TYPE_FIRST")),
        Just(json!([])),
        Just(json!(["abcde"])),
        Just(json!({})),
        Just(json!({"name": ""})),
        Just(json!({"a": "b"})),
        "[ -~]{0,10}".prop_map(Value::String),
    ]
}

/// A document of `T` from its descriptor, then mutated.
fn document<T: Describe>() -> impl Strategy<Value = String> {
    fn members_of(kind: &'static m3ter_models::describe::Kind, into: &mut Vec<&'static str>) {
        match kind {
            m3ter_models::describe::Kind::Object(spec) => {
                for field in spec.fields {
                    if !into.contains(&field.wire_name) {
                        into.push(field.wire_name);
                    }
                }
            }
            // A union's documents are mutated over the members of every variant.
            m3ter_models::describe::Kind::Union(spec) => {
                for variant in spec.variants {
                    members_of(variant.kind, into);
                }
            }
            _ => {}
        }
    }
    let mut members: Vec<&'static str> = Vec::new();
    members_of(&T::KIND, &mut members);
    let valid =
        m3ter_models::strategies::valid_json(&T::KIND, &m3ter_models::describe::Constraints::NONE);
    let member = proptest::sample::select(members);
    (valid, member, hostile(), 0..8u8, "[a-z]{1,4}").prop_map(
        |(mut document, member, value, mutation, unknown)| {
            let object = document
                .as_object_mut()
                .map(std::mem::take)
                .unwrap_or_default();
            let mut object: Map<String, Value> = object;
            match mutation {
                0 => {}
                1 => {
                    object.remove(member);
                }
                2 | 3 => {
                    object.insert(member.to_owned(), value);
                }
                4 => {
                    object.insert(format!("x{unknown}"), value);
                }
                5 => {
                    // A duplicate key, written into the text.
                    let text = Value::Object(object).to_string();
                    return match text.strip_prefix('{') {
                        Some(rest) if rest != "}" => {
                            format!("{{\"{member}\":null,\"{member}\":1,{rest}")
                        }
                        _ => text,
                    };
                }
                6 => {
                    // A duplicate key inside an unknown member, which serde skips unread.
                    let text = Value::Object(object).to_string();
                    let rest = text.strip_prefix('{').unwrap_or("}");
                    let comma = if rest == "}" { "" } else { "," };
                    return format!("{{\"x{unknown}\":{{\"a\":1,\"a\":2}}{comma}{rest}");
                }
                _ => {
                    // A lone surrogate inside an unknown member.
                    let text = Value::Object(object).to_string();
                    let rest = text.strip_prefix('{').unwrap_or("}");
                    let comma = if rest == "}" { "" } else { "," };
                    return format!("{{\"x{unknown}\":\"\\ud800\"{comma}{rest}");
                }
            }
            Value::Object(object).to_string()
        },
    )
}

/// Each error's pointer and code.
fn codes(errors: &ValidationErrors) -> Vec<(String, ErrorCode)> {
    errors
        .iter()
        .map(|e| (e.path().to_owned(), e.code()))
        .collect()
}

/// An error plain serde cannot see: a struct read from a JSON array (serde's derived
/// `Deserialize` takes a struct from the sequence of its fields), or, for a type that tolerates
/// unknown members, a syntax error inside one (serde skips them unread).
fn serde_quirk(error: &m3ter_models::ValidationError, tolerant: bool) -> bool {
    match error.kind() {
        m3ter_models::ErrorKind::Type {
            expected: "object",
            actual: "array",
        } => true,
        m3ter_models::ErrorKind::Syntax { .. } => tolerant,
        _ => false,
    }
}

/// Every path's verdict on `text` is the same. `tolerant`: the type lets unknown members
/// through, which serde's own parse skips unread (a duplicate key or a lone surrogate inside
/// one): there plain `serde_json` + `validate()` cannot see what the raw parse refuses as
/// `syntax`, and `json::from_slice` is the one entry point (README, "One verdict").
fn agree<T>(text: &str, tolerant: bool) -> Result<(), TestCaseError>
where
    T: DeserializeOwned + Validate + ValidateJson,
{
    let from_slice = json::from_slice::<T>(text.as_bytes()).err();
    let raw = match json::parse_value(text.as_bytes()) {
        Ok(value) => T::validate_json(&value).err(),
        Err(error) => Some(ValidationErrors::from(error)),
    };
    match (&from_slice, &raw) {
        (None, None) => {}
        (Some(a), Some(b)) => prop_assert_eq!(a.as_slice(), b.as_slice(), "{}", text),
        _ => prop_assert!(
            false,
            "from_slice {:?} but raw {:?} on {}",
            from_slice,
            raw,
            text
        ),
    }
    // serde, then validate(): where serde takes the document, the same errors; where it does
    // not, the raw check must find some.
    match serde_json::from_str::<T>(text) {
        // Where plain serde is known to be lenient, the raw check (and so `from_slice` and the
        // CLI) refuses the document, and plain serde cannot be made to: README, "One verdict".
        Ok(_)
            if raw
                .as_ref()
                .is_some_and(|e| e.iter().any(|e| serde_quirk(e, tolerant))) => {}
        Ok(value) => {
            let typed = value.validate().err();
            prop_assert_eq!(
                typed.as_ref().map(codes),
                raw.as_ref().map(codes),
                "serde took {}",
                text
            );
        }
        Err(_) => prop_assert!(raw.is_some(), "serde refused, raw accepted {}", text),
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_user_type_with_every_keyword_gets_one_verdict(text in document::<Everything>()) {
        agree::<Everything>(&text, false)?;
    }

    #[test]
    fn a_tolerant_type_gets_one_verdict(text in document::<Tolerant>()) {
        agree::<Tolerant>(&text, true)?;
    }

    #[test]
    fn the_models_get_one_verdict_on_every_path(text in document::<m3ter_models::CreateExportDestinationRequest>()) {
        // A union's plain-serde `Deserialize` buffers the document with duplicate keys refused
        // (runtime `union::deserialize`), so plain serde sees what the raw check sees.
        agree::<m3ter_models::CreateExportDestinationRequest>(&text, false)?;
        // The CLI's path.
        let cli = json::validate(text.as_bytes(), Operation::Create, Profile::Default).err();
        let raw = match json::parse_value(text.as_bytes()) {
            Ok(value) => json::validate_value(&value, Operation::Create, Profile::Default).err(),
            Err(error) => Some(error.into()),
        };
        prop_assert_eq!(cli.map(|e| codes(&e)), raw.map(|e| codes(&e)), "{}", text);
    }

    /// Float members hold the nearest float to a number: integers around 2^53 and 2^64, and
    /// fractions with more digits than an `f32` or an `f64` holds, get one verdict.
    #[test]
    fn float_members_get_one_verdict(
        numbers in proptest::collection::vec(float_text(), 5),
        list in proptest::collection::vec(float_text(), 0..4),
    ) {
        let text = format!(
            r#"{{"even": {}, "within": {}, "small": {}, "maybe": {}, "level": {}, "list": [{}]}}"#,
            numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], list.join(", "),
        );
        agree::<Floats>(&text, false)?;
    }

    #[test]
    fn typed_maps_get_one_verdict(text in document::<TypedMaps>()) {
        agree::<TypedMaps>(&text, false)?;
    }

    /// Each map's values are of its value type (an `i64`, a `String`, a `Child`, an `Option<u8>`
    /// read from non-`null` values), so serde takes every document the descriptor gives (none
    /// is filtered out, as `strategies::valid` would), and every keyword holds.
    #[test]
    fn the_strategies_make_typed_maps_of_their_value_type(
        document in m3ter_models::strategies::valid_json(
            &<TypedMaps as Describe>::KIND,
            &m3ter_models::describe::Constraints::NONE,
        )
    ) {
        prop_assert!(TypedMaps::validate_json(&document).is_ok(), "{}", document);
        let value: TypedMaps = match serde_json::from_value(document.clone()) {
            Ok(value) => value,
            Err(error) => return Err(TestCaseError::fail(format!("serde refused {document}: {error}"))),
        };
        prop_assert!(value.validate().is_ok(), "{:?}", value);
        prop_assert!((1..=3).contains(&value.counts.len()));
        prop_assert!(value.counts.values().all(|n| (1..=200).contains(n)), "{:?}", value.counts);
        if let Some(labels) = &value.labels {
            prop_assert!(labels.len() >= 2);
            prop_assert!(labels.iter().all(|(k, v)| k.chars().count() <= 3 && (1..=2).contains(&v.chars().count())));
        }
        if let Some(children) = &value.children {
            prop_assert!((1..=2).contains(&children.len()));
            prop_assert!(children.values().all(|c| !c.name.is_empty()));
        }
        if let Some(levels) = &value.levels {
            prop_assert!(!levels.contains_key("m0") || levels.contains_key("m1"));
        }
        if let Some(kinds) = &value.kinds {
            prop_assert!(kinds.values().all(|k| k == "S3" || k == "GCS"), "{:?}", kinds);
        }
    }

    /// Its broken documents have their labelled error, and only errors of the keyword broken:
    /// no value of the wrong type comes with them.
    #[test]
    fn the_strategies_break_typed_maps_by_their_keywords_alone(
        (document, broken) in m3ter_models::strategies::invalid::<TypedMaps>()
    ) {
        let errors = TypedMaps::validate_json(&document).unwrap_err();
        prop_assert!(
            errors.iter().any(|e| e.path() == broken.path && e.code() == broken.code),
            "{} lacks {:?}: {:?}", document, broken, errors
        );
        if matches!(
            broken.code,
            ErrorCode::MinProperties | ErrorCode::MaxProperties | ErrorCode::DependentRequired | ErrorCode::PropertyNames
        ) {
            prop_assert!(errors.iter().all(|e| e.code() == broken.code), "{}: {:?}", document, errors);
            // serde takes it: the values are of the map's value type.
            let typed: TypedMaps = serde_json::from_value(document.clone()).unwrap();
            // The same errors, params included, in the same order (a `HashMap` in key order).
            prop_assert_eq!(typed.validate().unwrap_err(), errors);
        }
    }

    #[test]
    fn responses_get_one_verdict(text in document::<m3ter_models::ExportDestinationResponse>()) {
        agree::<m3ter_models::ExportDestinationResponse>(&text, true)?;
    }
}

/// A unit enum as the whole document: serde's derive also takes `{"S3": null}`, a form the
/// schema refuses, so `from_slice` must say what the raw walk says (it once took serde's word
/// for such a one-member object, which has no `{` or `[` past its opening brace).
#[test]
fn an_enum_document_gets_one_verdict() {
    for text in [
        r#"{"S3":null}"#,
        r#"{"S3":1}"#,
        r#""S3""#,
        r#""GCS""#,
        "{}",
        "null",
    ] {
        let from_slice = json::from_slice::<m3ter_models::DestinationTypeS3>(text.as_bytes()).err();
        let raw = match json::parse_value(text.as_bytes()) {
            Ok(value) => m3ter_models::DestinationTypeS3::validate_json(&value).err(),
            Err(error) => Some(ValidationErrors::from(error)),
        };
        assert_eq!(
            from_slice.as_ref().map(|e| e.as_slice()),
            raw.as_ref().map(|e| e.as_slice()),
            "{text}"
        );
    }
}

#[test]
fn a_valid_value_round_trips_through_its_own_checks() {
    let value = Everything {
        short_name: "ab".into(),
        role: None,
        at: None,
        gcs: None,
        s3: None,
        key: None,
        id: None,
        when: None,
        count: 1,
        ratio: None,
        tags: vec!["a".into()],
        child: None,
        note: None,
        maybe: None,
        version: None,
        flag: false,
        renamed: None,
        labels: None,
        step: Some(0.75),
        codes: Some(vec![4, 1]),
        attrs: None,
        fixed: None,
        level: Some(2.0),
        loose: serde_json::json!(1.0),
        free: Some(serde_json::json!([[]])),
        cache: 0,
    };
    assert!(value.validate().is_ok());
    let text = serde_json::to_string(&value).unwrap();
    assert!(
        json::from_slice::<Everything>(text.as_bytes()).is_ok(),
        "{text}"
    );
    assert_eq!(
        text,
        r#"{"shortName":"ab","count":1,"tags":["a"],"note":null,"flag":false,"step":0.75,"codes":[4,1],"level":2.0,"loose":1.0,"free":[[]]}"#
    );
}

/// Float members with the number keywords (every number of the document is one of
/// [`float_text`]'s).
#[m3ter_models::model]
#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
struct Floats {
    #[spec(multiple_of = 2)]
    even: f64,
    #[spec(minimum = -9_007_199_254_740_992_i64, maximum = 9_007_199_254_740_992_i64)]
    within: f64,
    #[spec(exclusive_maximum = 0.1, multiple_of = 0.05)]
    small: f32,
    #[spec(exclusive_minimum = 18_446_744_073_709_551_615_u64)]
    maybe: Option<f64>,
    #[spec(enum = "[9007199254740992, 0.1, 2]")]
    level: f32,
    #[spec(items(multiple_of = 4, maximum = 16_777_216))]
    list: Vec<f32>,
}

/// A JSON number near where a float stops holding it exactly: integers around 2^24, 2^53, 2^63
/// and 2^64, and fractions with more digits than an `f32` or `f64` holds.
fn float_text() -> impl Strategy<Value = String> {
    let near = |base: i128| (-3_i128..=3).prop_map(move |k| (base + k).to_string());
    prop_oneof![
        near(1 << 24),
        near(1 << 53),
        near(-(1 << 53)),
        near(1 << 63),
        near(-(1 << 63)),
        near(1 << 64),
        Just("18446744073709551615".to_owned()),
        (0_u32..3, 1_u64..1_000_000_000_000)
            .prop_map(|(whole, digits)| format!("{whole}.{digits:012}")),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| format!("{f:e}")),
        any::<f32>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| f.to_string()),
        Just("0.1".to_owned()),
        Just("0.10000000001".to_owned()),
        Just("0.05".to_owned()),
    ]
}
