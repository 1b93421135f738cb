//! The schema `schemars` produces for each generated model agrees with the fragment's schema
//! for it, compared as data: properties, required members, types, enums, bounds, patterns.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::{
    CreateExportDestinationRequest, ExportDestinationResponse, UpdateExportDestinationRequest,
};
use m3ter_workspace_tests::fragment::{component, request_schema};
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

#[test]
fn create_request() {
    compare(
        &ours::<CreateExportDestinationRequest>(),
        &request_schema("create"),
    );
}

#[test]
fn update_request() {
    compare(
        &ours::<UpdateExportDestinationRequest>(),
        &request_schema("update"),
    );
}

#[test]
fn response() {
    compare(
        &ours::<ExportDestinationResponse>(),
        &component("ExportDestinationResponse"),
    );
}
