//! `any_of`, `one_of`, `all_of` and `prefix_items` misused: each an error on its tokens.
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
    // `all_of` as `any_of`: no schema, a string's keyword on an integer inside a part's own
    // `not`, `nested` inside.
    #[spec(all_of())]
    all_empty: String,
    #[spec(all_of((minimum = 1), (not(max_length = 2))))]
    all_number: i64,
    #[spec(all_of((nested)))]
    all_child: Child,
}

fn main() {}
