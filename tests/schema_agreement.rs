//! The schema `schemars` produces for each generated model agrees with the overlaid, normalized
//! excerpt's schema for it, compared as data per union variant: properties, required members,
//! types, enums, bounds, patterns; and each union is the `anyOf` of its two variants.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::{
    CreateExportDestinationGoogleCloudStorageRequest, CreateExportDestinationRequest,
    CreateExportDestinationS3Request, ExportDestinationGoogleCloudStorageResponse,
    ExportDestinationResponse, ExportDestinationS3Response,
    UpdateExportDestinationGoogleCloudStorageRequest, UpdateExportDestinationRequest,
    UpdateExportDestinationS3Request,
};
use m3ter_workspace_tests::fragment::{component, request_variant};
use serde_json::{Map, Value};

const KEYWORDS: [&str; 10] = [
    "type",
    "enum",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
];

/// schemars' schema with `$ref`s to `$defs` inlined.
fn resolve(root: &Value, schema: &Value) -> Value {
    match schema {
        Value::Object(members) => {
            if let Some(Value::String(reference)) = members.get("$ref") {
                let name = reference.trim_start_matches("#/$defs/");
                return resolve(root, &root["$defs"][name]);
            }
            Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), resolve(root, v)))
                    .collect(),
            )
        }
        other => other.clone(),
    }
}

fn required(schema: &Value) -> Vec<String> {
    let mut names: Vec<String> = schema["required"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn compare(ours: &Value, theirs: &Value) {
    let ours_props = ours["properties"].as_object().unwrap();
    // A forbidden member is the `false` schema on both sides (it once was left out of ours,
    // which allowed it in a type that tolerates unknown members).
    let theirs_props: Map<String, Value> = theirs["properties"].as_object().unwrap().clone();
    let mut ours_names: Vec<&String> = ours_props.keys().collect();
    let mut theirs_names: Vec<&String> = theirs_props.keys().collect();
    ours_names.sort();
    theirs_names.sort();
    assert_eq!(ours_names, theirs_names, "properties");
    assert_eq!(required(ours), required(theirs), "required");
    assert_eq!(
        ours.get("additionalProperties"),
        theirs.get("additionalProperties"),
        "additionalProperties"
    );
    for (name, theirs) in &theirs_props {
        let ours = resolve(ours, &ours_props[name]);
        for keyword in KEYWORDS {
            assert_eq!(
                ours.get(keyword),
                theirs.get(keyword),
                "{name}: {keyword} (ours {ours}, fragment {theirs})"
            );
        }
    }
}

fn ours<T: schemars::JsonSchema>() -> Value {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let root = schema.clone();
    let mut resolved = schema;
    resolved["properties"] = resolve(&root, &root["properties"]);
    resolved
}

const S3_REQUEST: &str = "ExportDestinationS3Request";
const GCS_REQUEST: &str = "ExportDestinationGoogleCloudStorageRequest";

#[test]
fn create_request() {
    compare(
        &ours::<CreateExportDestinationS3Request>(),
        &request_variant(S3_REQUEST, "create"),
    );
    compare(
        &ours::<CreateExportDestinationGoogleCloudStorageRequest>(),
        &request_variant(GCS_REQUEST, "create"),
    );
}

#[test]
fn update_request() {
    compare(
        &ours::<UpdateExportDestinationS3Request>(),
        &request_variant(S3_REQUEST, "update"),
    );
    compare(
        &ours::<UpdateExportDestinationGoogleCloudStorageRequest>(),
        &request_variant(GCS_REQUEST, "update"),
    );
}

/// A response variant of the excerpt as its union reads it: m3ter's response variants keep the
/// base's `destinationType` (`S3` or `GCS`), and the discriminator's mapping narrows it to the
/// variant's tag (the requests' variants narrow it themselves), as the generated tag types do.
fn response_variant(name: &str, tag: &str) -> Value {
    let mut schema = component(name);
    assert_eq!(
        schema["properties"]["destinationType"]["enum"],
        serde_json::json!(["S3", "GCS"]),
        "{name}: the excerpt no longer leaves destinationType to the mapping"
    );
    schema["properties"]["destinationType"]["enum"] = serde_json::json!([tag]);
    schema
}

#[test]
fn response() {
    compare(
        &ours::<ExportDestinationS3Response>(),
        &response_variant("ExportDestinationS3Response", "S3"),
    );
    compare(
        &ours::<ExportDestinationGoogleCloudStorageResponse>(),
        &response_variant("ExportDestinationGoogleCloudStorageResponse", "GCS"),
    );
}

#[test]
fn each_union_is_the_any_of_its_two_variants() {
    for (schema, excerpt) in [
        (
            serde_json::to_value(schemars::schema_for!(CreateExportDestinationRequest)).unwrap(),
            component("ExportDestinationRequest"),
        ),
        (
            serde_json::to_value(schemars::schema_for!(UpdateExportDestinationRequest)).unwrap(),
            component("ExportDestinationRequest"),
        ),
        (
            serde_json::to_value(schemars::schema_for!(ExportDestinationResponse)).unwrap(),
            component("ExportDestinationResponse"),
        ),
    ] {
        assert_eq!(
            schema["anyOf"].as_array().map(Vec::len),
            Some(2),
            "{schema:#}"
        );
        assert_eq!(
            excerpt["anyOf"].as_array().map(Vec::len),
            Some(2),
            "{excerpt:#}"
        );
        assert_eq!(
            schema["discriminator"]["propertyName"],
            excerpt["discriminator"]["propertyName"]
        );
    }
}
