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
