//! `if`, `then` and `else` misused: each an error on its tokens.
use m3ter_models::Validate;

#[derive(Validate)]
struct Child {
    #[spec(min_length = 1)]
    name: String,
}

#[derive(Validate)]
struct Mistakes {
    // `then` and `else` apply when `if` decides so, which is not there.
    #[spec(then(min_length = 1))]
    lonely_then: String,
    #[spec(else(maximum = 3))]
    lonely_else: i64,
    // `if` alone constrains nothing.
    #[spec(if(minimum = 1))]
    lonely_if: i64,
    // A string's keyword on an integer, in a branch.
    #[spec(if(minimum = 1), then(max_length = 2))]
    number: i64,
    // `nested` is not decided apart.
    #[spec(if(nested), then())]
    child: Child,
}

fn main() {}
