//! `contains`, `min_contains` and `max_contains` misused: each an error on its tokens.
use m3ter_models::Validate;

#[derive(Validate)]
struct Child {
    #[spec(min_length = 1)]
    name: String,
}

#[derive(Validate)]
struct Mistakes {
    // Counts the items that satisfy `contains`, which is not there.
    #[spec(min_contains = 1)]
    lonely_min: Vec<String>,
    #[spec(max_contains = 2)]
    lonely_max: Vec<String>,
    // No count can be at least 3 and at most 1.
    #[spec(contains(min_length = 2), min_contains = 3, max_contains = 1)]
    crossed: Vec<String>,
    // `nested` is not counted: the raw walk leaves it to the item type.
    #[spec(contains(nested))]
    children: Vec<Child>,
    // A string's keyword on integers.
    #[spec(contains(min_length = 2))]
    numbers: Vec<i64>,
    // Not a list.
    #[spec(contains(minimum = 1))]
    single: i64,
    // `contains` takes keywords in parentheses.
    #[spec(contains = 1)]
    bare: Vec<i64>,
}

fn main() {}
