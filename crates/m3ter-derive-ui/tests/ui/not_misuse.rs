//! `not` misused: each an error on its tokens.
use m3ter_models::Validate;

#[derive(Validate)]
struct Child {
    #[spec(min_length = 1)]
    name: String,
}

#[derive(Validate)]
struct Mistakes {
    // `nested` is not decided apart: the raw walk leaves it to the member type.
    #[spec(not(nested))]
    child: Child,
    // A string's keyword on an integer.
    #[spec(not(min_length = 2))]
    number: i64,
    // `type` is for a `serde_json::Value`.
    #[spec(not(type = "string"))]
    name: String,
    // A member keyword inside the nested schema.
    #[spec(not(required))]
    maybe: Option<String>,
    // `not` takes keywords in parentheses.
    #[spec(not = "x")]
    bare: String,
}

fn main() {}
