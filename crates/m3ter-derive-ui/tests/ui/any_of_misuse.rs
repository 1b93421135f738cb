//! `any_of`, `one_of` and `prefix_items` misused: each an error on its tokens.
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
    // A string's keyword on the items of a list of integers.
    #[spec(prefix_items((max_length = 2)))]
    numbers: Vec<i64>,
    // Not a list.
    #[spec(prefix_items((minimum = 1)))]
    single: i64,
    // A member keyword inside a schema.
    #[spec(any_of((required)))]
    maybe: Option<String>,
}

fn main() {}
