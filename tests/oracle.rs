//! The differential oracle: the `jsonschema` crate, an independent implementation, compiles the
//! fragment's request schema for each operation; random documents (valid ones, near-valid
//! mutants, arbitrary values) are validated by both. They must agree on validity and on the set
//! of failing JSON Pointers. The explicit mappings are in `m3ter_workspace_tests::fragment` and
//! in `their_paths` below:
//! - jsonschema reports `required` at the object and `additionalProperties` once for all
//!   unexpected members; ours at each member's own pointer: theirs are mapped to the member.
//! - Integers: both sides see only integers within i64 and non-integral floats. (JSON Schema
//!   calls `1.0` an integer and has no int64 bound; this crate follows the typed model, where
//!   `version` is an `i64` and `1.0` is not an integer. Documented in the README.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::strategies;
use m3ter_workspace_tests::fragment::request_schema;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde_json::{Map, Value, json};

fn config() -> Config {
    let cases = std::env::var("M3TER_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256);
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/oracle.txt",
        ))),
        ..Config::default()
    }
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

fn their_paths(validator: &jsonschema::Validator, document: &Value) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    for error in validator.iter_errors(document) {
        let at = error.instance_path().as_str().to_owned();
        match error.kind() {
            jsonschema::error::ValidationErrorKind::Required { property } => {
                paths.insert(format!(
                    "{at}/{}",
                    escape(property.as_str().unwrap_or_default())
                ));
            }
            jsonschema::error::ValidationErrorKind::AdditionalProperties { unexpected } => {
                for name in unexpected {
                    paths.insert(format!("{at}/{}", escape(name)));
                }
            }
            _ => {
                paths.insert(at);
            }
        }
    }
    paths
}

fn our_paths(document: &Value, operation: Operation) -> BTreeSet<String> {
    match json::validate_value(document, operation, Profile::Default) {
        Ok(()) => BTreeSet::new(),
        Err(errors) => errors.iter().map(|e| e.path().to_owned()).collect(),
    }
}

/// The compiled schema of each operation, built once.
static VALIDATORS: LazyLock<Vec<(Operation, jsonschema::Validator)>> = LazyLock::new(|| {
    Operation::ALL
        .iter()
        .map(|op| {
            (
                *op,
                jsonschema::validator_for(&request_schema(op.as_str())).unwrap(),
            )
        })
        .collect()
});

fn agree(document: &Value, operation: Operation) -> Result<(), TestCaseError> {
    let validator = &VALIDATORS
        .iter()
        .find(|(op, _)| *op == operation)
        .unwrap()
        .1;
    let theirs = their_paths(validator, document);
    let ours = our_paths(document, operation);
    prop_assert_eq!(
        validator.is_valid(document),
        ours.is_empty(),
        "validity of {} for {}",
        document,
        operation
    );
    prop_assert_eq!(
        &ours,
        &theirs,
        "failing paths of {} for {}",
        document,
        operation
    );
    // The text path (typed parse first, raw walk to explain) reports the same.
    let from_text: BTreeSet<String> =
        match json::validate(document.to_string().as_bytes(), operation, Profile::Default) {
            Ok(()) => BTreeSet::new(),
            Err(errors) => errors.iter().map(|e| e.path().to_owned()).collect(),
        };
    prop_assert_eq!(
        from_text,
        ours,
        "text and value paths differ on {}",
        document
    );
    Ok(())
}

/// Any JSON value, with integers in i64 and floats that are not integral.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(|x| json!(x.trunc() + 0.5)),
        "\\PC{0,8}".prop_map(Value::String),
        prop_oneof![
            Just("S3"),
            Just("GCS"),
            Just("TYPE_FIRST"),
            Just("arn:aws:iam::922609978421:role/R")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z]{1,3}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const MEMBERS: [&str; 9] = [
    "name",
    "code",
    "bucketName",
    "iamRoleArn",
    "version",
    "destinationType",
    "prefix",
    "partitionOrder",
    "a/b~",
];

/// Objects over the request's member names with arbitrary values.
fn any_request_like() -> impl Strategy<Value = Value> {
    proptest::collection::vec(
        (proptest::sample::select(MEMBERS.to_vec()), any_json()),
        0..9,
    )
    .prop_map(|members| {
        Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect::<Map<_, _>>(),
        )
    })
}

fn operation() -> impl Strategy<Value = Operation> {
    proptest::sample::select(Operation::ALL.to_vec())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn valid_documents(create in strategies::create_request(), update in strategies::update_request()) {
        agree(&serde_json::to_value(&create).unwrap(), Operation::Create)?;
        agree(&serde_json::to_value(&update).unwrap(), Operation::Update)?;
        // A valid create with a version is exactly a forbidden member to both.
        let mut with_version = serde_json::to_value(&create).unwrap();
        with_version["version"] = json!(update.version);
        agree(&with_version, Operation::Create)?;
    }

    #[test]
    fn near_valid_mutants((document, _) in strategies::invalid_create_request(), (update, _) in strategies::invalid_update_request(), op in operation()) {
        agree(&document, op)?;
        agree(&update, op)?;
    }

    #[test]
    fn arbitrary_values(document in prop_oneof![any_json(), any_request_like()], op in operation()) {
        agree(&document, op)?;
    }
}
