//! The checked-in fragment's request schema as plain JSON Schema, for the differential tests.
//!
//! What the fragment says beyond JSON Schema is mapped here explicitly, and only here:
//! - `x-m3ter-operations` (the `version` rule): a `forbidden` member becomes the `false` schema,
//!   a `required` one joins `required`;
//! - `$ref`s to `#/components/schemas/…` are inlined;
//! - `format: aws-iam-role-arn` stays an annotation (JSON Schema does not assert unknown
//!   formats); its rule is also the `pattern`, which both sides assert.

use serde_json::{Map, Value, json};

/// The fragment, parsed.
pub fn fragment() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schema/export-destinations.openapi.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// A component schema of the fragment with every `$ref` inlined.
pub fn component(name: &str) -> Value {
    let doc = fragment();
    inline(&doc, &doc["components"]["schemas"][name])
}

fn inline(doc: &Value, schema: &Value) -> Value {
    match schema {
        Value::Object(members) => {
            if let Some(Value::String(reference)) = members.get("$ref") {
                let name = reference.trim_start_matches("#/components/schemas/");
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

/// The request body schema for `operation` (`create` or `update`), as JSON Schema 2020-12.
pub fn request_schema(operation: &str) -> Value {
    let mut schema = component("ExportDestinationRequest");
    let mut required: Vec<Value> = schema["required"].as_array().cloned().unwrap_or_default();
    let mut properties: Map<String, Value> = schema["properties"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    for (name, property) in properties.clone() {
        match property["x-m3ter-operations"][operation].as_str() {
            Some("forbidden") => {
                properties.insert(name.clone(), Value::Bool(false));
                required.retain(|r| r != &json!(name));
            }
            Some("required") => required.push(json!(name)),
            Some("optional") => required.retain(|r| r != &json!(name)),
            _ => {}
        }
    }
    schema["properties"] = Value::Object(properties);
    schema["required"] = Value::Array(required);
    schema["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    schema
}
