//! `additional_properties`, `property_names` and `pattern_properties` misused: each an error on
//! its tokens.
use std::collections::BTreeMap;

use m3ter_models::Validate;

#[derive(Validate)]
struct Mistakes {
    // Not a map.
    #[spec(additional_properties(max_length = 2))]
    string: String,
    // The values are integers: `max_length` does not apply to them.
    #[spec(additional_properties(max_length = 2))]
    integers: BTreeMap<String, i64>,
    // A member's name is a string: `minimum` does not apply to it, nor does `type`.
    #[spec(property_names(minimum = 1))]
    names: BTreeMap<String, i64>,
    #[spec(property_names(type = "string"))]
    typed_names: BTreeMap<String, i64>,
    // Not valid ECMA-262; a pattern given twice; no parentheses after a pattern.
    #[spec(pattern_properties("(" (minimum = 1)))]
    bad_pattern: BTreeMap<String, i64>,
    #[spec(pattern_properties("^a" (minimum = 1), "^a" (maximum = 2)))]
    twice: BTreeMap<String, i64>,
    #[spec(pattern_properties("^a"))]
    no_schema: BTreeMap<String, i64>,
}

// The map of a struct's other members (`#[serde(flatten)]`): one map of JSON values, beside no
// `deny_unknown_fields`, whose keywords are only `pattern_properties` and
// `additional_properties` (a count would see the other members only).
#[derive(Validate, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[spec(json)]
struct Others {
    #[serde(flatten)]
    #[spec(pattern_properties("^a" (minimum = 1)), min_properties = 1)]
    others: BTreeMap<String, m3ter_models::__private_v0_1::serde_json::Value>,
    #[serde(flatten)]
    #[spec(additional_properties(minimum = 1))]
    typed: BTreeMap<String, i64>,
}

fn main() {}
