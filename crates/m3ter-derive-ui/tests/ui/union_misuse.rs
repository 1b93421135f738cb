//! Each mistake a user could make with a discriminated union, in one compile: every one is an
//! error on the tokens that made it, saying what to write instead. (serde attributes on a
//! union: `union_serde_attributes.rs`.)
use m3ter_models::Validate;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
struct A {
    a: String,
}

#[derive(Serialize, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
struct B {
    b: String,
}

// A struct has no variants.
#[derive(Validate)]
#[spec(json, discriminator = "kind")]
struct NotAnEnum {
    a: String,
}

// `tag` on an enum that is no union.
#[derive(Validate)]
enum Plain {
    #[spec(tag = "a")]
    A,
}

#[derive(Validate)]
#[spec(json, discriminator = "kind")]
enum Mistakes {
    // No tag.
    A(A),
    // Not one value.
    #[spec(tag = "b")]
    Two(A, B),
    #[spec(tag = "c")]
    Named { a: A },
    #[spec(tag = "d")]
    Unit,
    // The tag of another variant.
    #[spec(tag = "b")]
    B(B),
    // Constraint keywords belong on the variant type's members.
    #[spec(tag = "e", min_length = 1, nested)]
    E(A),
}

// The rule reads raw JSON.
#[derive(Validate)]
#[spec(discriminator = "kind")]
enum NoJson {
    #[spec(tag = "a")]
    A(A),
}

// No variants.
#[derive(Validate)]
#[spec(json, discriminator = "kind")]
enum Empty {}

fn main() {}
