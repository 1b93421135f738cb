//! The differential oracle: `boon`, an independent implementation of JSON Schema 2020-12 (it
//! passes the official suite), compiles the request schema of each operation from the
//! checked-in document as the generator reads it (m3ter's excerpt with the overlay applied,
//! normalized: 3.1 forms, `allOf` merged); random documents of both variants (valid ones,
//! labelled near-valid mutants, arbitrary values) are validated by both. The explicit mappings
//! are in `m3ter_workspace_tests::fragment` and in `their_paths` below:
//! - The union: `anyOf` of the variants, the `discriminator` an annotation. Each variant narrows
//!   `destinationType` to its tag, so `anyOf` accepts exactly what our rule accepts (a known tag:
//!   that variant; an unknown tag or a non-string: none; no tag: any). Both sides must agree on
//!   validity for every document.
//! - The failing pointers are compared where the document carries a known tag (then that
//!   variant alone judges it, on both sides: theirs from the variant's own schema). Without a
//!   tag ours are the errors of the variant with the fewest; boon's `anyOf` reports one error
//!   at the root (the alternatives' errors are its causes), so only validity is compared.
//! - boon reports a tree of errors: containers (the document's root, a `$ref`, several keywords
//!   of one schema, the failing parts of an `allOf`) hold the errors as causes; each other error
//!   is one failing keyword at its `instance_location`. It reports `required` at the object
//!   with the missing names and `additionalProperties` once for all unexpected members; ours at
//!   each member's own pointer: theirs are mapped to the member. An `anyOf` (the nullable
//!   `partitionOrder`) is one error at its value, as ours is.
//! - `pattern` and `format`: boon reads a pattern in its own dialect (ECMA-262 translated into
//!   the `regex` crate's syntax) and, under 2020-12, `format` as an annotation; the request
//!   schemas' patterns mean the same there as in ECMA-262 and their formats are not JSON
//!   Schema's (`the_request_schemas_read_the_same_in_boons_dialect` pins both).
//! - Integers: both sides see only integers within i64 and non-integral floats. (JSON Schema
//!   calls `1.0` an integer and has no int64 bound; this crate follows the typed model, where
//!   `version` is an `i64` and `1.0` is not an integer. Documented in the README.)

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use m3ter_models::UpdateExportDestinationRequest;
use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::strategies;
use m3ter_workspace_tests::boon_oracle::Compiled;
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

/// The failing pointers of `compiled` on `document`, mapped to ours (see the module's doc).
fn paths(compiled: &Compiled, document: &Value) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    if let Err(error) = compiled.validate(document) {
        their_paths(&error, &mut paths);
    }
    paths
}

/// The pointers of boon's error tree: the leaves' `instance_location`, `required` and
/// `additionalProperties` mapped to each member. Every kind is named, so a kind that boon adds
/// does not pass unmapped.
fn their_paths(error: &boon::ValidationError<'_, '_>, paths: &mut BTreeSet<String>) {
    use boon::ErrorKind as K;
    let at = error.instance_location.to_string();
    match &error.kind {
        // Containers: the errors are their causes (several keywords of one schema, the
        // document's root, a `$ref`'s target, the failing parts of an `allOf`).
        K::Group | K::Schema { .. } | K::Reference { .. } | K::AllOf => {
            assert!(!error.causes.is_empty(), "{error:#}");
            for cause in &error.causes {
                their_paths(cause, paths);
            }
        }
        K::Required { want } => {
            paths.extend(want.iter().map(|name| format!("{at}/{}", escape(name))));
        }
        K::AdditionalProperties { got } => {
            paths.extend(got.iter().map(|name| format!("{at}/{}", escape(name))));
        }
        // One error at the value: its causes (the failing alternatives, the items that do not
        // match `contains`) are not the document's errors.
        K::AnyOf | K::OneOf(_) | K::Not | K::Contains | K::MinContains { .. } => {
            paths.insert(at);
        }
        K::FalseSchema
        | K::Type { .. }
        | K::Enum { .. }
        | K::Const { .. }
        | K::Format { .. }
        | K::MinProperties { .. }
        | K::MaxProperties { .. }
        | K::MinItems { .. }
        | K::MaxItems { .. }
        | K::MaxContains { .. }
        | K::UniqueItems { .. }
        | K::MinLength { .. }
        | K::MaxLength { .. }
        | K::Pattern { .. }
        | K::Minimum { .. }
        | K::Maximum { .. }
        | K::ExclusiveMinimum { .. }
        | K::ExclusiveMaximum { .. }
        | K::MultipleOf { .. } => {
            assert!(error.causes.is_empty(), "{error:#}");
            paths.insert(at);
        }
        // Keywords the request schemas do not use (boon reports `propertyNames` and
        // `contentSchema` at the root of the name's or content's own validation): map them
        // before a schema uses them.
        K::PropertyName { .. }
        | K::ContentSchema
        | K::ContentEncoding { .. }
        | K::ContentMediaType { .. }
        | K::Dependency { .. }
        | K::DependentRequired { .. }
        | K::AdditionalItems { .. }
        | K::RefCycle { .. } => panic!("unmapped: {error:#}"),
    }
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
    union: Compiled,
    /// Each variant alone, by tag.
    variants: Vec<(&'static str, Compiled)>,
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
                variants.push((tag, Compiled::new(schema)));
            }
            Validators {
                operation: *op,
                union: Compiled::new(request_schema(op.as_str())),
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

/// Every string value of `keyword` in `schema` outside the extensions (`x-…`).
fn values_of<'a>(schema: &'a Value, keyword: &str, found: &mut Vec<&'a str>) {
    match schema {
        Value::Object(members) => {
            for (key, value) in members {
                match (key == keyword, value) {
                    (true, Value::String(text)) => found.push(text),
                    _ if key.starts_with("x-") => {}
                    _ => values_of(value, keyword, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| values_of(v, keyword, found)),
        _ => {}
    }
}

/// boon reads a `pattern` as ECMA-262 translated into the `regex` crate's syntax: it rewrites
/// `\d`, `\w` and `\s` (its `\s` leaves out U+1680, U+2000-U+2002, U+2004-U+200A, U+2028,
/// U+202F, U+205F and U+3000) and leaves the rest in the `regex` crate's meaning (`.` matches
/// `\r`, U+2028 and U+2029; `\b` is Unicode; `&&`, `--`, `~~` and a `[` in a class are set
/// operations). The request schemas' two patterns use none of these: literals, `^` and `$`,
/// `(?:…)`, `?`, `*`, `{m,n}` and classes of literal characters and `\xHH` ranges, which mean
/// the same in both dialects, so the oracle compares them exactly. A new pattern fails here
/// until it is checked the same way. Likewise the formats: `aws-iam-role-arn` (the project's;
/// its rule is also the pattern) and `int64` (OpenAPI's) are not JSON Schema formats, which no
/// validator asserts, so the request schemas have no format that boon would check had its
/// format assertions (off under 2020-12, where `format` is an annotation) been enabled.
#[test]
fn the_request_schemas_read_the_same_in_boons_dialect() {
    let mut schemas = Vec::new();
    for op in WITH_BODY {
        for (_, component) in VARIANTS {
            schemas.push(request_variant(component, op.as_str()));
        }
    }
    let (mut patterns, mut formats) = (Vec::new(), Vec::new());
    for schema in &schemas {
        values_of(schema, "pattern", &mut patterns);
        values_of(schema, "format", &mut formats);
    }
    patterns.sort_unstable();
    patterns.dedup();
    formats.sort_unstable();
    formats.dedup();
    assert_eq!(
        patterns,
        [
            r"^[^\x00-\x20\x7F](?:[^\x00-\x1F\x7F]*[^\x00-\x20\x7F])?$",
            r"^arn:aws:iam::[0-9]{12}:role/(?:[!-~]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}$",
        ]
    );
    assert_eq!(formats, ["aws-iam-role-arn", "int64"]);
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
        let theirs = paths(variant, document);
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
