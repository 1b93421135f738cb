//! The derive on a user's own types: the same attributes, the same checks, wire names from
//! serde's attributes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::{ErrorCode, Valid, Validate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Team {
    #[spec(min_length = 1, max_length = 30)]
    display_name: String,
    #[serde(rename = "role")]
    #[spec(format = "aws-iam-role-arn")]
    role_arn: Option<String>,
    #[spec(minimum = 1, maximum = 50)]
    head_count: u32,
    #[spec(exclusive_minimum = 0.0)]
    budget: Option<f64>,
    #[spec(max_items = 2, items(pattern = "^[a-z]+$", max_length = 4))]
    labels: Vec<String>,
    #[spec(nested)]
    lead: Option<Member>,
    #[spec(nested)]
    members: Vec<Member>,
    #[serde(flatten)]
    #[spec(nested)]
    extra: Extra,
    #[spec(forbidden = "create")]
    id: Option<u64>,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
struct Member {
    #[spec(min_length = 2)]
    name: String,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
struct Extra {
    #[serde(rename = "cost/centre")]
    #[spec(pattern = "^[0-9]{4}$")]
    cost_centre: String,
}

/// A tuple struct: paths use the index.
#[derive(Debug, Validate)]
struct Pair(#[spec(min_length = 1)] String, #[spec(maximum = 9)] i64);

fn team() -> Team {
    Team {
        display_name: "Data".into(),
        role_arn: Some("arn:aws:iam::922609978421:role/Data".into()),
        head_count: 3,
        budget: None,
        labels: vec!["ab".into()],
        lead: None,
        members: vec![],
        extra: Extra {
            cost_centre: "1234".into(),
        },
        id: None,
    }
}

fn errors(value: &impl Validate) -> Vec<(String, ErrorCode)> {
    value
        .validate()
        .err()
        .map(|e| e.iter().map(|e| (e.path().to_owned(), e.code())).collect())
        .unwrap_or_default()
}

#[test]
fn a_valid_user_type() {
    assert_eq!(errors(&team()), vec![]);
    assert!(Valid::new(team()).is_ok());
}

#[test]
fn every_error_with_serde_wire_names() {
    let t = Team {
        display_name: String::new(),
        role_arn: Some("arn:aws:iam::922609978421:group/Data".into()),
        head_count: 51,
        budget: Some(0.0),
        labels: vec!["ok".into(), "NO".into(), "toolong".into()],
        lead: Some(Member { name: "x".into() }),
        members: vec![
            Member { name: "ok".into() },
            Member {
                name: String::new(),
            },
        ],
        extra: Extra {
            cost_centre: "12".into(),
        },
        id: Some(7),
    };
    let at = |p: &str, c| (p.to_owned(), c);
    assert_eq!(
        errors(&t),
        vec![
            at("/displayName", ErrorCode::Length),
            at("/role", ErrorCode::Format),
            at("/headCount", ErrorCode::Range),
            at("/budget", ErrorCode::Range),
            at("/labels", ErrorCode::Length),
            at("/labels/1", ErrorCode::Pattern),
            at("/labels/2", ErrorCode::Length),
            at("/lead/name", ErrorCode::Length),
            at("/members/1/name", ErrorCode::Length),
            at("/cost~1centre", ErrorCode::Pattern),
            at("/id", ErrorCode::Forbidden),
        ]
    );
    assert!(Valid::new(t).is_err());
}

#[test]
fn tuple_structs_use_indices() {
    let at = |p: &str, c| (p.to_owned(), c);
    assert_eq!(
        errors(&Pair(String::new(), 10)),
        vec![at("/0", ErrorCode::Length), at("/1", ErrorCode::Range)]
    );
}

#[test]
fn valid_deserializes_only_valid_values() {
    let ok: Valid<Member> = serde_json::from_str(r#"{"name": "Ann"}"#).unwrap();
    assert_eq!(ok.name, "Ann");
    let err = serde_json::from_str::<Valid<Member>>(r#"{"name": "A"}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains("/name: must be at least 2 characters, got 1"),
        "{err}"
    );
}

/// Members of any JSON value (`serde_json::Value`): each keyword checks only a value of its
/// own JSON types, `type` says which types it may have, and `null` is a value like any other.
#[m3ter_models::model]
#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json, json_schema)]
struct Loose {
    #[spec(type = "string | integer", min_length = 2, maximum = 10)]
    either: serde_json::Value,
    #[spec(
        min_length = 2,
        minimum = 1,
        max_items = 2,
        items(type = "boolean | null")
    )]
    anything: Option<serde_json::Value>,
    #[spec(items(type = "number", exclusive_maximum = 1))]
    values: Vec<serde_json::Value>,
    #[spec(type = "array", nullable)]
    list_or_null: Option<serde_json::Value>,
}

/// The errors of `document` on the raw path and on the typed path (serde, then `validate()`),
/// which must be the same; as (pointer, code) pairs.
fn loose_errors(document: serde_json::Value) -> Vec<(String, ErrorCode)> {
    use m3ter_models::ValidateJson;
    let raw = Loose::validate_json(&document).err();
    let typed: Loose = serde_json::from_value(document.clone()).expect("serde reads it");
    let typed = typed.validate().err();
    assert_eq!(raw, typed, "the paths disagree on {document}");
    let from_slice = m3ter_models::json::from_slice::<Loose>(document.to_string().as_bytes()).err();
    assert_eq!(raw, from_slice, "from_slice disagrees on {document}");
    raw.map(|errors| {
        errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect()
    })
    .unwrap_or_default()
}

#[test]
fn a_value_member_is_checked_by_the_keywords_of_its_types_on_both_paths() {
    // Valid: `1.0` is an integer (JSON Schema), a keyword of another type checks nothing.
    let valid = [
        serde_json::json!({"either": "ab", "values": []}),
        serde_json::json!({"either": 1.0, "values": [0.5, -3], "anything": true}),
        serde_json::json!({"either": 10, "values": [], "anything": "ab", "list_or_null": null}),
        serde_json::json!({"either": 7, "values": [], "anything": [null, false], "list_or_null": []}),
        serde_json::json!({"either": 7, "values": [], "anything": null}),
        serde_json::json!({"either": 7, "values": [], "anything": {"a": 1}}),
    ];
    for document in valid {
        assert_eq!(loose_errors(document.clone()), [], "{document}");
    }
    let errors = loose_errors(serde_json::json!({
        "either": 1.5,
        "values": [1, 0.5, "x"],
        "anything": [1, null, true],
        "list_or_null": "no",
    }));
    assert_eq!(
        errors,
        [
            ("/either".to_owned(), ErrorCode::Type),
            ("/anything".to_owned(), ErrorCode::Length),
            ("/anything/0".to_owned(), ErrorCode::Type),
            ("/values/0".to_owned(), ErrorCode::Range),
            ("/values/2".to_owned(), ErrorCode::Type),
            ("/list_or_null".to_owned(), ErrorCode::Type),
        ]
    );
    // `null` where `type` does not allow it, on a required and on an optional member.
    let errors = loose_errors(serde_json::json!({"either": null, "values": [null]}));
    assert_eq!(
        errors,
        [
            ("/either".to_owned(), ErrorCode::Type),
            ("/values/0".to_owned(), ErrorCode::Type),
        ]
    );
    // Each keyword on the value of its type.
    let errors = loose_errors(serde_json::json!({"either": "a", "values": [], "anything": 0}));
    assert_eq!(
        errors,
        [
            ("/either".to_owned(), ErrorCode::Length),
            ("/anything".to_owned(), ErrorCode::Range),
        ]
    );
    let errors = loose_errors(serde_json::json!({"either": 11, "values": [], "anything": "a"}));
    assert_eq!(
        errors,
        [
            ("/either".to_owned(), ErrorCode::Range),
            ("/anything".to_owned(), ErrorCode::Length),
        ]
    );
}

#[test]
fn a_type_error_names_the_allowed_types() {
    use m3ter_models::ValidateJson;
    let errors =
        Loose::validate_json(&serde_json::json!({"either": [1], "values": [true]})).unwrap_err();
    let first = &errors.as_slice()[0];
    assert_eq!(first.path(), "/either");
    assert_eq!(first.code(), ErrorCode::Type);
    assert_eq!(
        first.params(),
        serde_json::json!({"expected": "integer or string", "actual": "array"})
            .as_object()
            .unwrap()
            .clone()
    );
    assert_eq!(
        first.message(),
        "must be an integer or string, got an array"
    );
    let second = &errors.as_slice()[1];
    assert_eq!(second.path(), "/values/0");
    assert_eq!(second.message(), "must be a number, got a boolean");
}

#[test]
fn a_value_member_is_stated_in_the_json_schema() {
    let schema = serde_json::to_value(schemars::schema_for!(Loose)).unwrap();
    let properties = &schema["properties"];
    assert_eq!(
        properties["either"]["type"],
        serde_json::json!(["integer", "string"])
    );
    assert_eq!(properties["either"]["minLength"], serde_json::json!(2));
    assert_eq!(properties["anything"]["maxItems"], serde_json::json!(2));
    assert_eq!(
        properties["anything"]["items"]["type"],
        serde_json::json!(["null", "boolean"])
    );
    assert_eq!(
        properties["values"]["items"]["type"],
        serde_json::json!("number")
    );
    assert_eq!(
        properties["values"]["items"]["exclusiveMaximum"],
        serde_json::json!(1)
    );
    assert_eq!(
        properties["list_or_null"]["type"],
        serde_json::json!(["array", "null"])
    );
    assert_eq!(schema["required"], serde_json::json!(["either", "values"]));
}

/// Plain serde's `serde_json::Value` keeps the last of duplicate keys inside a member, which
/// the raw parse refuses: `json::from_slice` is the entry point that sees it (README, "Three
/// limits of plain serde").
#[test]
fn a_duplicate_key_inside_a_value_member_is_refused_by_from_slice() {
    let text = r#"{"either": 7, "values": [], "anything": {"a": 1, "a": 2}}"#;
    let errors = m3ter_models::json::from_slice::<Loose>(text.as_bytes()).unwrap_err();
    assert_eq!(errors.as_slice()[0].code(), ErrorCode::Syntax);
    let plain: Loose = serde_json::from_str(text).unwrap();
    assert_eq!(plain.anything, Some(serde_json::json!({"a": 2})));
}
