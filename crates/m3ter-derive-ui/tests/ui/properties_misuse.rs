//! `properties` and `required_members` misused: each an error on its tokens.
use std::collections::BTreeMap;

use m3ter_models::Validate;
use m3ter_models::__private_v0_1::serde_json::Value;

#[derive(Validate)]
struct Inner {
    #[spec(min_length = 1)]
    name: String,
}

#[derive(Validate)]
struct Mistakes {
    // A struct declares its members as fields; a map's values have one Rust type; a string
    // has no members.
    #[spec(properties("name" (min_length = 1)))]
    structure: Inner,
    #[spec(required_members = r#"["a"]"#)]
    map: BTreeMap<String, i64>,
    #[spec(not(properties("a" ())))]
    string: String,
    // Not an array of distinct strings; a name given twice; no parentheses after a name.
    #[spec(required_members = r#"{"a": 1}"#)]
    not_a_list: Value,
    #[spec(required_members = r#"["a", "a"]"#)]
    twice_required: Value,
    #[spec(properties("a" (), "a" (minimum = 1)))]
    twice: Value,
    #[spec(properties("a"))]
    no_schema: Value,
    // Inside: keywords of a value, `type` among them, but not how a member may appear.
    #[spec(properties("a" (required)))]
    member_keyword: Value,
}

fn main() {}
