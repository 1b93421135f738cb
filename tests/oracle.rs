//! The differential oracle: the `jsonschema` crate, an independent implementation, compiles the
//! request schema of each operation from the checked-in document as the generator reads it
//! (m3ter's excerpt with the overlay applied, normalized: 3.1 forms, `allOf` merged); random
//! documents of both variants (valid ones, labelled near-valid mutants, arbitrary values) are
//! validated by both. The explicit mappings are in `m3ter_workspace_tests::fragment` and in
//! `their_paths` below:
//! - The union: `anyOf` of the variants, the `discriminator` an annotation. Each variant narrows
//!   `destinationType` to its tag, so `anyOf` accepts exactly what our rule accepts (a known tag:
//!   that variant; an unknown tag or a non-string: none; no tag: any). Both sides must agree on
//!   validity for every document.
//! - The failing pointers are compared where the document carries a known tag (then that
//!   variant alone judges it, on both sides: theirs from the variant's own schema). Without a
//!   tag ours are the errors of the variant with the fewest; jsonschema's `anyOf` reports one
//!   error at the root, so only validity is compared.
//! - jsonschema reports `required` at the object and `additionalProperties` once for all
//!   unexpected members; ours at each member's own pointer: theirs are mapped to the member.
//! - Integers: both sides see only integers within i64 and non-integral floats. (JSON Schema
//!   calls `1.0` an integer and has no int64 bound; this crate follows the typed model, where
//!   `version` is an `i64` and `1.0` is not an integer. Documented in the README.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use m3ter_models::UpdateExportDestinationRequest;
use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::strategies;
use m3ter_workspace_tests::fragment::{request_schema, request_variant};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde_json::{Map, Value, json};

fn config() -> Config {
    Config {
        cases: m3ter_workspace_tests::proptest_cases(64),
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

/// The operations that take a request body.
const WITH_BODY: [Operation; 2] = [Operation::Create, Operation::Update];

/// The variants of the request union by tag, as the excerpt names their components.
const VARIANTS: [(&str, &str); 2] = [
    ("S3", "ExportDestinationS3Request"),
    ("GCS", "ExportDestinationGoogleCloudStorageRequest"),
];

struct Validators {
    operation: Operation,
    /// The whole request body: the union.
    union: jsonschema::Validator,
    /// Each variant alone, by tag.
    variants: Vec<(&'static str, jsonschema::Validator)>,
}

/// The compiled schemas of each operation with a request body, built once.
static VALIDATORS: LazyLock<Vec<Validators>> = LazyLock::new(|| {
    WITH_BODY
        .iter()
        .map(|op| {
            let mut variants = Vec::new();
            for (tag, component) in VARIANTS {
                let mut schema = request_variant(component, op.as_str());
                schema["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
                variants.push((tag, jsonschema::validator_for(&schema).unwrap()));
            }
            Validators {
                operation: *op,
                union: jsonschema::validator_for(&request_schema(op.as_str())).unwrap(),
                variants,
            }
        })
        .collect()
});

#[test]
fn the_oracle_reads_both_variants_and_the_version_rule() {
    let s3 = json!({"name": "n", "code": "c", "bucketName": "bkt",
        "iamRoleArn": "arn:aws:iam::922609978421:role/IAMRole636"});
    let gcs = json!({"name": "n", "code": "c", "bucketName": "bkt", "destinationType": "GCS",
        "projectNumber": "1", "poolId": "p", "providerId": "q"});
    let [create, update] = [&VALIDATORS[0], &VALIDATORS[1]];
    assert_eq!(create.operation, Operation::Create);
    assert_eq!(update.operation, Operation::Update);
    for document in [&s3, &gcs] {
        assert!(create.union.is_valid(document), "{document}");
        assert!(!update.union.is_valid(document), "{document}: no version");
        let mut versioned = document.clone();
        versioned["version"] = json!(1);
        assert!(!create.union.is_valid(&versioned), "{versioned}");
        assert!(update.union.is_valid(&versioned), "{versioned}");
    }
    // The tag selects: a GCS document tagged S3 is no S3 request, and an unknown tag is none.
    let mut wrong_tag = gcs.clone();
    wrong_tag["destinationType"] = json!("S3");
    assert!(!create.union.is_valid(&wrong_tag));
    let mut unknown = s3.clone();
    unknown["destinationType"] = json!("AZURE");
    assert!(!create.union.is_valid(&unknown));
}

fn agree(document: &Value, operation: Operation) -> Result<(), TestCaseError> {
    let validators = VALIDATORS
        .iter()
        .find(|v| v.operation == operation)
        .unwrap();
    let ours = our_paths(document, operation);
    prop_assert_eq!(
        validators.union.is_valid(document),
        ours.is_empty(),
        "validity of {} for {}: ours {:?}",
        document,
        operation,
        ours
    );
    // A known tag: that variant alone judges the document, on both sides.
    let tag = document.get("destinationType").and_then(Value::as_str);
    if let Some((_, variant)) = validators.variants.iter().find(|(t, _)| Some(*t) == tag) {
        let theirs = their_paths(variant, document);
        prop_assert_eq!(
            &ours,
            &theirs,
            "failing paths of {} for {}",
            document,
            operation
        );
    }
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
            Just("arn:aws:iam::922609978421:role/R"),
            Just("123456789012")
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

const MEMBERS: [&str; 13] = [
    "name",
    "code",
    "bucketName",
    "iamRoleArn",
    "projectNumber",
    "poolId",
    "providerId",
    "serviceAccountEmail",
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
        0..13,
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
    proptest::sample::select(WITH_BODY.to_vec())
}

fn version_of(update: &UpdateExportDestinationRequest) -> i64 {
    match update {
        UpdateExportDestinationRequest::S3(u) => u.version,
        UpdateExportDestinationRequest::Gcs(u) => u.version,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn valid_documents(create in strategies::create_request(), update in strategies::update_request()) {
        agree(&serde_json::to_value(&create).unwrap(), Operation::Create)?;
        agree(&serde_json::to_value(&update).unwrap(), Operation::Update)?;
        // A valid create with a version is exactly a forbidden member to both.
        let mut with_version = serde_json::to_value(&create).unwrap();
        with_version["version"] = json!(version_of(&update));
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
