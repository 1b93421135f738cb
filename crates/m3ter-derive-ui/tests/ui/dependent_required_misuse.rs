//! `dependent_required` misused: each an error on its tokens.
use std::collections::BTreeMap;

use m3ter_models::Validate;

#[derive(Validate)]
struct Mistakes {
    // Not JSON.
    #[spec(dependent_required = "{a: [b]}")]
    not_json: BTreeMap<String, i64>,
    // An array, not an object.
    #[spec(dependent_required = r#"["a", "b"]"#)]
    array: BTreeMap<String, i64>,
    // A name, not a list of names.
    #[spec(dependent_required = r#"{"a": "b"}"#)]
    not_a_list: BTreeMap<String, i64>,
    // A number among the names.
    #[spec(dependent_required = r#"{"a": ["b", 1]}"#)]
    not_a_name: BTreeMap<String, i64>,
    // A name listed twice.
    #[spec(dependent_required = r#"{"a": ["b", "b"]}"#)]
    twice: BTreeMap<String, i64>,
    // A member listed twice.
    #[spec(dependent_required = r#"{"a": ["b"], "a": ["c"]}"#)]
    member_twice: BTreeMap<String, i64>,
    // Not an object.
    #[spec(dependent_required = r#"{"a": ["b"]}"#)]
    string: String,
    // Not JSON text.
    #[spec(dependent_required(a = "b"))]
    parenthesized: BTreeMap<String, i64>,
}

fn main() {}
