//! The checked-in document as the generator reads it (m3ter's excerpt with the overlay applied,
//! then normalized: OpenAPI 3.0 forms written as 3.1, `allOf` merged), as plain JSON Schema for
//! the differential tests.
//!
//! What the document says beyond JSON Schema is mapped here explicitly, and only here:
//! - `x-m3ter-operations` (the `version` rule): a `forbidden` member becomes the `false` schema,
//!   a `required` one joins `required`;
//! - `$ref`s to `#/components/schemas/…` point into `$defs` (or are inlined by [`component`]);
//! - `discriminator` is an annotation to JSON Schema: each variant narrows `destinationType` to
//!   its own tag, so the `anyOf` accepts what the discriminated union accepts;
//! - `format: aws-iam-role-arn` stays an annotation (JSON Schema does not assert unknown
//!   formats); its rule is also the `pattern`, which both sides assert;
//! - `x-m3ter-strict` belongs to the strict profile, which the oracle does not compare.

#![allow(clippy::panic)] // The tests' helper: a document that does not read fails the test.

use serde_json::{Map, Value, json};

const SCHEMA_REF_PREFIX: &str = "#/components/schemas/";

fn read(relative: &str) -> String {
    let path = format!("{}/../{relative}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// m3ter's excerpt with the overlay applied and normalized, as the generator lowers it.
///
/// # Panics
///
/// When the checked-in documents cannot be read, overlaid or normalized.
pub fn document() -> Value {
    let spec = read(xtask::codegen::DEFAULT_SPEC);
    let overlay = read(xtask::codegen::DEFAULT_OVERLAY);
    let overlaid = xtask::codegen::overlaid(&spec, &overlay)
        .unwrap_or_else(|errors| panic!("the overlay does not apply: {errors:?}"));
    let normalized = xtask::codegen::normalize::normalize(&overlaid)
        .unwrap_or_else(|errors| panic!("the overlaid document does not normalize: {errors:?}"));
    Value::from(&normalized)
}

/// A component schema of the normalized document with every `$ref` inlined.
pub fn component(name: &str) -> Value {
    let doc = document();
    inline(&doc, &doc["components"]["schemas"][name])
}

fn inline(doc: &Value, schema: &Value) -> Value {
    match schema {
        Value::Object(members) => {
            if let Some(Value::String(reference)) = members.get("$ref") {
                let name = reference.trim_start_matches(SCHEMA_REF_PREFIX);
                let mut target = inline(doc, &doc["components"]["schemas"][name]);
                if let Value::Object(target_members) = &mut target {
                    for (key, value) in members {
                        if key != "$ref" {
                            target_members.insert(key.clone(), inline(doc, value));
                        }
                    }
                }
                return target;
            }
            Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), inline(doc, v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(|v| inline(doc, v)).collect()),
        other => other.clone(),
    }
}

/// `schema` with its `$ref`s to components pointing into `$defs`.
fn to_defs(schema: &Value) -> Value {
    match schema {
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("$ref", Value::String(reference)) => (
                        k.clone(),
                        json!(reference.replacen(SCHEMA_REF_PREFIX, "#/$defs/", 1)),
                    ),
                    _ => (k.clone(), to_defs(v)),
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(to_defs).collect()),
        other => other.clone(),
    }
}

/// An object schema with `x-m3ter-operations` read for `operation`.
fn for_operation(schema: &mut Value, operation: &str) {
    let Some(properties) = schema.get("properties").and_then(Value::as_object).cloned() else {
        return;
    };
    let mut required: Vec<Value> = schema["required"].as_array().cloned().unwrap_or_default();
    let mut mapped: Map<String, Value> = properties.clone();
    for (name, property) in properties {
        match property["x-m3ter-operations"][operation].as_str() {
            Some("forbidden") => {
                mapped.insert(name.clone(), Value::Bool(false));
                required.retain(|r| r != &json!(name));
            }
            Some("required") => required.push(json!(name)),
            Some("optional") => required.retain(|r| r != &json!(name)),
            _ => {}
        }
    }
    schema["properties"] = Value::Object(mapped);
    schema["required"] = Value::Array(required);
}

/// The request body schema for `operation` (`create` or `update`), as JSON Schema 2020-12: a
/// `$ref` to the request union with every component in `$defs`.
pub fn request_schema(operation: &str) -> Value {
    let doc = document();
    let mut defs: Map<String, Value> = doc["components"]["schemas"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    for schema in defs.values_mut() {
        *schema = to_defs(schema);
        for_operation(schema, operation);
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": "#/$defs/ExportDestinationRequest",
        "$defs": defs,
    })
}

/// One variant of the request union for `operation`, its `$ref`s inlined and
/// `x-m3ter-operations` read: `ExportDestinationS3Request` or
/// `ExportDestinationGoogleCloudStorageRequest`.
pub fn request_variant(name: &str, operation: &str) -> Value {
    let mut schema = component(name);
    for_operation(&mut schema, operation);
    schema
}
