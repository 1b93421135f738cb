//! Discriminated unions (`#[spec(json, discriminator = "…")]`) on a user's own types: the rule
//! that decides a document's variant, on every path (typed `validate()`, raw `validate_json`,
//! `json::from_slice`, serde), with literal expected errors; serde round trips; the JSON
//! Schema; descriptors; and a property that the paths agree on documents mixing both variants'
//! members, with and without the tag.
//!
//! Case counts are sized for CI; `M3TER_PROPTEST_CASES=10000` raises them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::describe::Kind;
use m3ter_models::union::Union;
use m3ter_models::{Describe, ErrorCode, Validate, ValidateJson, ValidationErrors, json};
use m3ter_workspace_tests::proptest_cases;
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The S3 variant's one-value tag.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Validate)]
#[spec(json, json_schema)]
enum S3Tag {
    #[serde(rename = "S3")]
    S3,
}

/// The GCS variant's one-value tag.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Validate)]
#[spec(json, json_schema)]
enum GcsTag {
    #[serde(rename = "GCS")]
    Gcs,
}

/// S3-like: `region` is its own.
#[m3ter_models::model]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[spec(json, json_schema)]
struct S3Dest {
    destination_type: Option<S3Tag>,
    #[spec(min_length = 3, max_length = 10)]
    bucket: String,
    #[spec(min_length = 2, max_length = 6)]
    region: String,
}

/// GCS-like: `projectNumber` is its own.
#[m3ter_models::model]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[spec(json, json_schema)]
struct GcsDest {
    destination_type: Option<GcsTag>,
    #[spec(min_length = 3, max_length = 10)]
    bucket: String,
    #[spec(min_length = 1, max_length = 8)]
    project_number: String,
}

/// Where exports go.
#[derive(Debug, Clone, PartialEq, Validate)]
#[spec(json, json_schema, discriminator = "destinationType")]
enum Dest {
    /// An S3 bucket.
    #[spec(tag = "S3")]
    S3(S3Dest),
    #[spec(tag = "GCS")]
    Gcs(GcsDest),
}

/// A discriminator typed as a plain string, as a user may write it: the derive does not rely
/// on one-value tag enums.
#[m3ter_models::model]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
struct Cat {
    kind: Option<String>,
    #[spec(min_length = 1)]
    meow: String,
}

#[m3ter_models::model]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
struct Dog {
    kind: Option<String>,
    #[spec(minimum = 1)]
    woof: u8,
}

#[derive(Debug, Clone, PartialEq, Validate)]
#[spec(json, discriminator = "kind")]
enum Pet {
    #[spec(tag = "cat")]
    Cat(Cat),
    #[spec(tag = "dog")]
    Dog(Dog),
}

/// `(pointer, code, params)` of each error.
type Found = Vec<(String, ErrorCode, Value)>;

fn found(errors: &ValidationErrors) -> Found {
    errors
        .iter()
        .map(|e| (e.path().to_owned(), e.code(), Value::Object(e.params())))
        .collect()
}

fn error(path: &str, code: ErrorCode, params: Value) -> (String, ErrorCode, Value) {
    (path.to_owned(), code, params)
}

/// The raw verdict on `document`, held equal to `from_slice`'s (and, where serde reads the
/// document, to typed validation of what it reads).
fn raw<U>(document: &Value) -> Result<(), Found>
where
    U: ValidateJson + Validate + serde::de::DeserializeOwned + std::fmt::Debug,
{
    let raw = U::validate_json(document).map_err(|e| found(&e));
    let text = serde_json::to_vec(document).unwrap();
    let parsed = json::from_slice::<U>(&text)
        .map(|_| ())
        .map_err(|e| found(&e));
    assert_eq!(parsed, raw, "from_slice vs validate_json on {document}");
    raw
}

fn s3(bucket: &str, region: &str, tagged: bool) -> S3Dest {
    S3Dest {
        destination_type: tagged.then_some(S3Tag::S3),
        bucket: bucket.into(),
        region: region.into(),
    }
}

fn gcs(bucket: &str, project: &str, tagged: bool) -> GcsDest {
    GcsDest {
        destination_type: tagged.then_some(GcsTag::Gcs),
        bucket: bucket.into(),
        project_number: project.into(),
    }
}

#[test]
fn the_union_trait_says_the_discriminator_and_the_tags_in_mapping_order() {
    assert_eq!(Dest::DISCRIMINATOR, "destinationType");
    assert_eq!(Dest::TAGS, ["S3", "GCS"]);
    let tags: Vec<&str> = Dest::VARIANTS.iter().map(|v| v.tag).collect();
    assert_eq!(tags, ["S3", "GCS"]);
    assert!(Dest::VARIANTS.iter().all(|v| v.exact_typed_parse));
    let value = Dest::from(gcs("bkt", "1", false));
    assert_eq!(value.variant_index(), 1);
    assert_eq!(value.tag(), "GCS");
    assert_eq!(Dest::from(s3("bkt", "eu", true)).tag(), "S3");
    assert_eq!(<Dest as ValidateJson>::EXPECTED, "object");
}

#[test]
fn a_tag_in_the_mapping_checks_that_variant_alone() {
    // Valid as GCS, but tagged S3: S3's errors, unchanged (no `variant` parameter).
    let document = json!({"destinationType": "S3", "bucket": "bkt", "projectNumber": "12"});
    assert_eq!(
        raw::<Dest>(&document),
        Err(vec![
            error("/region", ErrorCode::Required, json!({})),
            error("/projectNumber", ErrorCode::UnknownField, json!({})),
        ])
    );
    let document = json!({"destinationType": "GCS", "bucket": "b", "projectNumber": "12"});
    assert_eq!(
        raw::<Dest>(&document),
        Err(vec![error(
            "/bucket",
            ErrorCode::Length,
            json!({"actual": 1, "max": 10, "min": 3, "unit": "characters"})
        )])
    );
    let document = json!({"destinationType": "GCS", "bucket": "bkt", "projectNumber": "12"});
    assert_eq!(raw::<Dest>(&document), Ok(()));
    let parsed = json::from_slice::<Dest>(document.to_string().as_bytes()).unwrap();
    assert_eq!(parsed.into_inner(), Dest::Gcs(gcs("bkt", "12", true)));
}

#[test]
fn a_string_tag_outside_the_mapping_is_one_enum_error_listing_the_tags_in_order() {
    for tag in ["Azure", "s3", ""] {
        let document = json!({"destinationType": tag, "bucket": "b", "extra": 1});
        assert_eq!(
            raw::<Dest>(&document),
            Err(vec![error(
                "/destinationType",
                ErrorCode::Enum,
                json!({"allowed": ["S3", "GCS"]})
            )]),
            "{tag}"
        );
    }
    let errors = Dest::validate_json(&json!({"destinationType": "Azure"})).unwrap_err();
    assert_eq!(
        errors.as_slice()[0].message(),
        "must be one of \"S3\", \"GCS\""
    );
}

#[test]
fn a_tag_that_is_not_a_string_is_one_type_error() {
    for (tag, actual) in [
        (json!(null), "null"),
        (json!(3), "integer"),
        (json!(1.5), "number"),
        (json!(true), "boolean"),
        (json!(["S3"]), "array"),
        (json!({"S3": 1}), "object"),
    ] {
        let document = json!({"destinationType": tag, "bucket": "bkt", "region": "eu"});
        assert_eq!(
            raw::<Dest>(&document),
            Err(vec![error(
                "/destinationType",
                ErrorCode::Type,
                json!({"actual": actual, "expected": "string"})
            )]),
            "{tag}"
        );
    }
}

#[test]
fn not_an_object_is_one_type_error_at_the_union() {
    for (document, actual) in [
        (json!(null), "null"),
        (json!("S3"), "string"),
        (json!([{"destinationType": "S3"}]), "array"),
        (json!(7), "integer"),
    ] {
        assert_eq!(
            raw::<Dest>(&document),
            Err(vec![error(
                "",
                ErrorCode::Type,
                json!({"actual": actual, "expected": "object"})
            )]),
            "{document}"
        );
    }
    // Nested, at the member's pointer.
    #[derive(Debug, Serialize, Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    #[spec(json)]
    struct Holder {
        #[spec(nested)]
        to: Dest,
    }
    let errors = Holder::validate_json(&json!({"to": "S3"})).unwrap_err();
    assert_eq!(
        found(&errors),
        vec![error(
            "/to",
            ErrorCode::Type,
            json!({"actual": "string", "expected": "object"})
        )]
    );
    let errors = Holder::validate_json(&json!({"to": {"bucket": "bkt"}})).unwrap_err();
    assert_eq!(
        found(&errors),
        vec![error(
            "/to/region",
            ErrorCode::Required,
            json!({"variant": "S3"})
        )]
    );
}

#[test]
fn without_the_tag_the_first_variant_that_accepts_is_the_value() {
    // Both accept nothing but their own members: each document is one variant's.
    let document = json!({"bucket": "bkt", "region": "eu"});
    assert_eq!(raw::<Dest>(&document), Ok(()));
    let value = json::from_slice::<Dest>(document.to_string().as_bytes()).unwrap();
    assert_eq!(value.into_inner(), Dest::S3(s3("bkt", "eu", false)));
    let document = json!({"bucket": "bkt", "projectNumber": "12"});
    assert_eq!(raw::<Dest>(&document), Ok(()));
    let value = json::from_slice::<Dest>(document.to_string().as_bytes()).unwrap();
    assert_eq!(value.into_inner(), Dest::Gcs(gcs("bkt", "12", false)));

    // Both accept it: the first in mapping order.
    let document = json!({"woof": 2});
    assert_eq!(raw::<Pet>(&json!({"meow": "x"})), Ok(()));
    assert_eq!(raw::<Pet>(&document), Ok(()));
    #[m3ter_models::model]
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
    #[spec(json)]
    struct Open {
        #[spec(min_length = 2)]
        name: Option<String>,
    }
    #[derive(Debug, Clone, PartialEq, Validate)]
    #[spec(json, discriminator = "t")]
    enum Either {
        #[spec(tag = "a")]
        A(Dog),
        #[spec(tag = "b")]
        B(Open),
    }
    // `Open` accepts anything, `Dog` only `woof`: `{"woof": 2}` is A, `{}` is B.
    let a = serde_json::from_value::<Either>(json!({"woof": 2})).unwrap();
    assert!(matches!(a, Either::A(_)), "{a:?}");
    let b = serde_json::from_value::<Either>(json!({"other": 1})).unwrap();
    assert!(matches!(b, Either::B(_)), "{b:?}");
    assert!(matches!(
        json::from_str::<Either>(r#"{"woof": 2}"#)
            .unwrap()
            .into_inner(),
        Either::A(_)
    ));
    assert!(matches!(
        json::from_str::<Either>(r#"{"woof": 0}"#)
            .unwrap()
            .into_inner(),
        Either::B(_)
    ));
}

#[test]
fn without_the_tag_and_no_variant_accepting_the_fewest_errors_win_each_naming_its_variant() {
    // S3: bucket too long, region missing (2). GCS: bucket too long (1).
    let document = json!({"bucket": "much-too-long", "projectNumber": "12"});
    assert_eq!(
        raw::<Dest>(&document),
        Err(vec![error(
            "/bucket",
            ErrorCode::Length,
            json!({"actual": 13, "max": 10, "min": 3, "unit": "characters", "variant": "GCS"})
        )])
    );
    // A tie (S3: region missing; GCS: projectNumber missing): mapping order, so S3.
    let document = json!({"bucket": "bkt"});
    assert_eq!(
        raw::<Dest>(&document),
        Err(vec![error(
            "/region",
            ErrorCode::Required,
            json!({"variant": "S3"})
        )])
    );
    // Members of both: S3 has one unknown plus a short region (2), GCS one unknown (1).
    let document = json!({"bucket": "bkt", "region": "e", "projectNumber": "12"});
    assert_eq!(
        raw::<Dest>(&document),
        Err(vec![error(
            "/region",
            ErrorCode::UnknownField,
            json!({"variant": "GCS"})
        )])
    );
    // An empty object: both miss two members; S3 first.
    assert_eq!(
        raw::<Dest>(&json!({})),
        Err(vec![
            error("/bucket", ErrorCode::Required, json!({"variant": "S3"})),
            error("/region", ErrorCode::Required, json!({"variant": "S3"})),
        ])
    );
    // The variant is a parameter everywhere the error is written.
    let errors = Dest::validate_json(&json!({"bucket": "bkt"})).unwrap_err();
    let written = serde_json::to_value(&errors).unwrap();
    assert_eq!(
        written,
        json!([{"path": "/region", "code": "required", "message": "is required", "params": {"variant": "S3"}}])
    );
    assert_eq!(errors.as_slice()[0].variant(), Some("S3"));
}

#[test]
fn typed_validation_is_the_raw_verdict_on_the_serialization() {
    let cases = [
        // Tagged: that variant alone.
        Dest::S3(s3("bkt", "eu", true)),
        Dest::S3(s3("b", "eu", true)),
        Dest::Gcs(gcs("bkt", "", true)),
        // Untagged: whichever variant the rule takes.
        Dest::S3(s3("bkt", "eu", false)),
        Dest::S3(s3("much-too-long", "e", false)),
        Dest::Gcs(gcs("much-too-long", "123456789", false)),
        Dest::Gcs(gcs("b", "1", false)),
    ];
    for value in cases {
        let serialized = serde_json::to_value(&value).unwrap();
        assert_eq!(
            value.validate().map_err(|e| found(&e)),
            Dest::validate_json(&serialized).map_err(|e| found(&e)),
            "{serialized}"
        );
    }
    // Untagged and invalid: the errors of the variant that comes closest on the
    // serialization (Cat misses `meow` and has an unknown `woof`; Dog breaks one bound).
    let value = Pet::Dog(Dog {
        kind: None,
        woof: 0,
    });
    assert_eq!(
        value.validate().map_err(|e| found(&e)),
        Err(vec![error(
            "/woof",
            ErrorCode::Range,
            json!({"actual": 0, "bound": "minimum", "limit": 1, "variant": "dog"})
        )])
    );
    // A string discriminator that names the other variant: checked as that variant.
    let value = Pet::Cat(Cat {
        kind: Some("dog".into()),
        meow: "x".into(),
    });
    assert_eq!(
        value.validate().map_err(|e| found(&e)),
        Err(vec![
            error("/woof", ErrorCode::Required, json!({})),
            error("/meow", ErrorCode::UnknownField, json!({})),
        ])
    );
    let value = Pet::Cat(Cat {
        kind: Some("bird".into()),
        meow: "x".into(),
    });
    assert_eq!(
        value.validate().map_err(|e| found(&e)),
        Err(vec![error(
            "/kind",
            ErrorCode::Enum,
            json!({"allowed": ["cat", "dog"]})
        )])
    );
}

#[test]
fn serde_writes_the_variant_as_is_and_reads_the_variant_the_rule_chooses() {
    for value in [
        Dest::S3(s3("bkt", "eu", true)),
        Dest::S3(s3("bkt", "eu", false)),
        Dest::Gcs(gcs("bkt", "12", true)),
        Dest::Gcs(gcs("bkt", "12", false)),
    ] {
        let text = serde_json::to_string(&value).unwrap();
        let inner = match &value {
            Dest::S3(inner) => serde_json::to_string(inner).unwrap(),
            Dest::Gcs(inner) => serde_json::to_string(inner).unwrap(),
        };
        assert_eq!(text, inner, "untagged: the variant's value as is");
        assert_eq!(
            serde_json::from_str::<Dest>(&text).unwrap(),
            value,
            "{text}"
        );
    }
    assert_eq!(
        serde_json::to_value(Dest::Gcs(gcs("bkt", "12", true))).unwrap(),
        json!({"destinationType": "GCS", "bucket": "bkt", "projectNumber": "12"})
    );
    // What serde cannot read is an error, through the private serde path.
    let unknown = serde_json::from_str::<Dest>(r#"{"destinationType": "Azure"}"#).unwrap_err();
    assert!(
        unknown
            .to_string()
            .starts_with("`destinationType` must be one of \"S3\", \"GCS\", got \"Azure\""),
        "{unknown}"
    );
    let null = serde_json::from_str::<Dest>(r#"{"destinationType": null}"#).unwrap_err();
    assert!(null.to_string().contains("got null"), "{null}");
    let array = serde_json::from_str::<Dest>("[]").unwrap_err();
    assert!(array.to_string().contains("an object"), "{array}");
    // Tagged S3 with GCS's member: S3's parse refuses the unknown member.
    let wrong = serde_json::from_str::<Dest>(
        r#"{"destinationType":"S3","bucket":"bkt","projectNumber":"1"}"#,
    );
    assert!(wrong.is_err());
    // Untagged and invalid: the closest variant, whose errors validation reports.
    let closest: Dest =
        serde_json::from_str(r#"{"bucket":"much-too-long","projectNumber":"12"}"#).unwrap();
    assert_eq!(closest, Dest::Gcs(gcs("much-too-long", "12", false)));
}

#[test]
fn a_variant_is_tag_only_when_its_discriminator_is_a_one_value_enum_of_its_tag() {
    // `Dest`'s variants hold `Option<S3Tag>` / `Option<GcsTag>`: the fast path tries the
    // variants' typed parses without reading the discriminator first.
    assert!(Dest::VARIANTS.iter().all(|v| v.tag_only));
    // A plain string discriminator proves nothing: `Pet` reads the discriminator first.
    assert!(Pet::VARIANTS.iter().all(|v| !v.tag_only));
    // The generated models' unions are all tag-only (their tags are one-value enums).
    assert!(
        m3ter_models::CreateExportDestinationRequest::VARIANTS
            .iter()
            .all(|v| v.tag_only)
    );
    assert!(
        m3ter_models::UpdateExportDestinationRequest::VARIANTS
            .iter()
            .all(|v| v.tag_only)
    );
    assert!(
        m3ter_models::ExportDestinationResponse::VARIANTS
            .iter()
            .all(|v| v.tag_only)
    );
    // The proof itself: the member, its one value, the tag, not nullable.
    use m3ter_models::union::accepts_only_tag;
    assert!(accepts_only_tag(&S3Dest::KIND, "destinationType", "S3"));
    assert!(!accepts_only_tag(&S3Dest::KIND, "destinationType", "GCS"));
    assert!(!accepts_only_tag(&S3Dest::KIND, "kind", "S3"));
    assert!(!accepts_only_tag(&Cat::KIND, "kind", "cat"));
    assert!(!accepts_only_tag(&S3Tag::KIND, "destinationType", "S3"));
}

#[test]
fn from_slice_takes_the_fast_path_only_where_it_is_the_verdict() {
    // The typed parses decide a flat document, tagged or not; anything else is walked.
    let fast = |text: &str| <Dest as ValidateJson>::parse_exact(text.as_bytes());
    assert_eq!(
        fast(r#"{"bucket":"bkt","projectNumber":"12"}"#).map(|r| r.map_err(|e| found(&e))),
        Some(Ok(Dest::Gcs(gcs("bkt", "12", false))))
    );
    assert!(matches!(
        fast(r#"{"destinationType":"S3","bucket":"b","region":"eu"}"#),
        Some(Err(_))
    ));
    assert!(fast(r#"{"bucket":"much-too-long","projectNumber":"12"}"#).is_none());
    assert!(fast(r#"{"destinationType":"Azure"}"#).is_none());
    assert!(fast(r#"{"bucket":["bkt"],"region":"eu"}"#).is_none());
    assert!(<Pet as ValidateJson>::parse_exact(br#"{"woof":2}"#).is_some());
    // Flat, untagged, S3 invalid and GCS valid: the typed parses decide, GCS.
    let value = json::from_str::<Dest>(r#"{"bucket":"bkt","projectNumber":"12"}"#).unwrap();
    assert_eq!(value.into_inner(), Dest::Gcs(gcs("bkt", "12", false)));
    // Duplicate keys: the raw parse's error, whichever variant.
    let errors = json::from_str::<Dest>(
        r#"{"destinationType":"S3","destinationType":"S3","bucket":"bkt","region":"eu"}"#,
    )
    .unwrap_err();
    assert_eq!(errors.as_slice()[0].code(), ErrorCode::Syntax);
    let errors =
        json::from_str::<Dest>(r#"{"bucket":"bkt","bucket":"bkt","region":"eu"}"#).unwrap_err();
    assert_eq!(errors.as_slice()[0].code(), ErrorCode::Syntax);
    // Not flat (a nested value): the raw walk, the same verdict.
    let errors = json::from_str::<Dest>(r#"{"bucket":["bkt"],"region":"eu"}"#).unwrap_err();
    assert_eq!(
        found(&errors),
        vec![error(
            "/bucket",
            ErrorCode::Type,
            json!({"actual": "array", "expected": "string", "variant": "S3"})
        )]
    );
    // Tagged and invalid on the fast path: that variant's typed errors are the verdict.
    let errors =
        json::from_str::<Dest>(r#"{"destinationType":"GCS","bucket":"b","projectNumber":"12"}"#)
            .unwrap_err();
    assert_eq!(
        found(&errors),
        vec![error(
            "/bucket",
            ErrorCode::Length,
            json!({"actual": 1, "max": 10, "min": 3, "unit": "characters"})
        )]
    );
    // A discriminator that is no tag, flat: the raw walk's one error.
    let errors = json::from_str::<Dest>(r#"{"destinationType":1}"#).unwrap_err();
    assert_eq!(
        found(&errors),
        vec![error(
            "/destinationType",
            ErrorCode::Type,
            json!({"actual": "integer", "expected": "string"})
        )]
    );
}

#[test]
fn the_json_schema_is_any_of_the_variants_with_the_discriminator() {
    let schema = schemars::schema_for!(Dest);
    let schema = serde_json::to_value(&schema).unwrap();
    assert_eq!(schema["description"], json!("Where exports go."));
    assert_eq!(
        schema["anyOf"],
        json!([{"$ref": "#/$defs/S3Dest"}, {"$ref": "#/$defs/GcsDest"}])
    );
    assert_eq!(
        schema["discriminator"],
        json!({"propertyName": "destinationType", "mapping": {"S3": "#/$defs/S3Dest", "GCS": "#/$defs/GcsDest"}})
    );
    assert_eq!(
        schema["$defs"]["S3Dest"]["required"],
        json!(["bucket", "region"])
    );
    assert_eq!(
        schema["$defs"]["GcsDest"]["properties"]["projectNumber"]["maxLength"],
        json!(8)
    );
}

#[test]
fn the_descriptor_names_the_discriminator_and_each_variant() {
    let Kind::Union(spec) = &<Dest as Describe>::KIND else {
        panic!("not a union: {:?}", <Dest as Describe>::KIND);
    };
    assert_eq!(spec.name, "Dest");
    assert_eq!(spec.discriminator, "destinationType");
    let variants: Vec<(&str, &str)> = spec
        .variants
        .iter()
        .map(|v| match v.kind {
            Kind::Object(object) => (v.tag, object.name),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(variants, [("S3", "S3Dest"), ("GCS", "GcsDest")]);
}

#[test]
fn the_validator_bridge_carries_the_variant() {
    let value = Dest::S3(s3("bkt", "e", false));
    let errors = validator::Validate::validate(&value).unwrap_err();
    let region = &errors.field_errors()["region"][0];
    assert_eq!(region.params["variant"], json!("S3"));
}

/// Documents mixing both variants' members, valid and not, with and without a tag (either
/// tag, an unknown one, or a non-string).
fn documents() -> impl Strategy<Value = Value> {
    let tag = prop_oneof![
        3 => Just(None),
        2 => Just(Some(json!("S3"))),
        2 => Just(Some(json!("GCS"))),
        1 => Just(Some(json!("Azure"))),
        1 => Just(Some(Value::Null)),
        1 => Just(Some(json!(3))),
    ];
    let text = || {
        prop_oneof![
            4 => "[a-z]{0,12}".prop_map(Value::from),
            1 => Just(Value::Null),
            1 => Just(json!(5)),
        ]
    };
    (
        tag,
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::weighted(0.1, Just(json!(true))),
    )
        .prop_map(|(tag, bucket, region, project, extra)| {
            let mut object = serde_json::Map::new();
            let members = [
                ("destinationType", tag),
                ("bucket", bucket),
                ("region", region),
                ("projectNumber", project),
                ("extra", extra),
            ];
            for (key, value) in members {
                if let Some(value) = value {
                    object.insert(key.to_owned(), value);
                }
            }
            Value::Object(object)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(proptest_cases(256)))]

    /// `from_slice`, `validate_json` and serde + `validate()` give one verdict, and the value
    /// `from_slice` gives is the one serde reads.
    #[test]
    fn every_path_gives_the_union_one_verdict(document in documents()) {
        let raw = Dest::validate_json(&document).map_err(|e| found(&e));
        let text = serde_json::to_vec(&document).unwrap();
        let parsed = json::from_slice::<Dest>(&text);
        prop_assert_eq!(
            parsed.as_ref().map(|_| ()).map_err(found),
            raw.clone(),
            "from_slice vs validate_json on {}", document
        );
        match serde_json::from_value::<Dest>(document.clone()) {
            Ok(value) => {
                // serde reads a valid document as from_slice does.
                if let Ok(valid) = &parsed {
                    prop_assert_eq!(&value, &**valid);
                }
                // The typed verdict is the raw verdict on the value's serialization, which
                // is the document's when serde reads the document back as written.
                let written = serde_json::to_value(&value).unwrap();
                prop_assert_eq!(
                    value.validate().map_err(|e| found(&e)),
                    Dest::validate_json(&written).map_err(|e| found(&e))
                );
                if written == document {
                    prop_assert_eq!(value.validate().map_err(|e| found(&e)), raw);
                }
            }
            // serde refuses only what validation refuses.
            Err(_) => prop_assert!(raw.is_err(), "serde refused a valid {}", document),
        }
    }
}

/// `Pet`'s documents: either variant's members, with and without a tag.
fn pet_documents() -> impl Strategy<Value = Value> {
    let kind = prop_oneof![
        2 => Just(None),
        2 => Just(Some(json!("cat"))),
        2 => Just(Some(json!("dog"))),
        1 => Just(Some(json!("cow"))),
        1 => Just(Some(Value::Null)),
    ];
    let meow = prop_oneof![3 => "[a-z]{0,3}".prop_map(Value::from), 1 => Just(json!(2))];
    let woof = prop_oneof![3 => (0u16..300).prop_map(Value::from), 1 => Just(json!("x"))];
    (kind, proptest::option::of(meow), proptest::option::of(woof)).prop_map(|(kind, meow, woof)| {
        let mut object = serde_json::Map::new();
        for (key, value) in [("kind", kind), ("meow", meow), ("woof", woof)] {
            if let Some(value) = value {
                object.insert(key.to_owned(), value);
            }
        }
        Value::Object(object)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(proptest_cases(256)))]

    /// A union whose variants are not tag-only (`Pet`) reads the discriminator first on the fast
    /// path: `from_slice` and `validate_json` give one verdict there too.
    #[test]
    fn a_union_read_by_its_discriminator_first_gives_one_verdict(document in pet_documents()) {
        let raw = Pet::validate_json(&document).map_err(|e| found(&e));
        let text = serde_json::to_vec(&document).unwrap();
        let parsed = json::from_slice::<Pet>(&text).map(|_| ()).map_err(|e| found(&e));
        prop_assert_eq!(parsed, raw, "from_slice vs validate_json on {}", document);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(proptest_cases(128)))]

    /// The strategies read the union's descriptor: its valid documents are valid on every path.
    #[test]
    fn the_strategies_valid_union_documents_are_valid(value in m3ter_models::strategies::valid::<Dest>()) {
        let document = serde_json::to_value(&value).unwrap();
        prop_assert_eq!(raw::<Dest>(&document), Ok(()));
        prop_assert!(value.validate().is_ok());
    }

    /// Its broken documents break the union's own rule (an unknown or non-string
    /// discriminator, not an object) or carry a variant's tag and break one of that variant's
    /// rules: that error, on every path.
    #[test]
    fn the_strategies_broken_union_documents_have_their_labelled_error(
        (document, broken) in m3ter_models::strategies::invalid::<Dest>()
    ) {
        let union_rule = broken.path == "/destinationType" || broken.path.is_empty();
        prop_assert!(union_rule || matches!(document["destinationType"].as_str(), Some("S3" | "GCS")));
        let errors = raw::<Dest>(&document).unwrap_err();
        prop_assert!(
            errors.iter().any(|(path, code, _)| *path == broken.path && *code == broken.code),
            "{} lacks {:?}: {:?}", document, broken, errors
        );
    }
}
