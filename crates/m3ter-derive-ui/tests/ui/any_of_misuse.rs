//! `any_of` and `one_of` misused: each an error on its tokens.
use m3ter_models::Validate;

#[derive(Validate)]
struct Child {
    #[spec(min_length = 1)]
    name: String,
}

#[derive(Validate)]
struct Mistakes {
    // No schema: nothing could pass.
    #[spec(any_of())]
    empty: String,
    // A schema is in parentheses.
    #[spec(one_of(min_length = 2))]
    bare: String,
    // A string's keyword on an integer, in the second schema.
    #[spec(any_of((minimum = 1), (max_length = 2)))]
    number: i64,
    // `nested` is not decided apart.
    #[spec(one_of((nested), ()))]
    child: Child,
    // A member keyword inside a schema.
    #[spec(any_of((required)))]
    maybe: Option<String>,
}

fn main() {}
