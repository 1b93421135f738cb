//! serde attributes on a discriminated union or its variants are compile errors saying where
//! they belong. (rustc adds its own "cannot find attribute `serde`" note, whose list of derives
//! depends on the derives in scope: m3ter-derive-ui fixes them.)
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

// serde does not read the variants.
#[derive(Validate)]
#[spec(json, discriminator = "kind")]
enum VariantAttribute {
    #[spec(tag = "a")]
    A(A),
    #[serde(rename = "f")]
    #[spec(tag = "f")]
    F(B),
}

// The derive writes the union's serde impls.
#[derive(Validate)]
#[spec(json, discriminator = "kind")]
#[serde(tag = "kind")]
enum WithSerde {
    #[spec(tag = "a")]
    A(A),
}

fn main() {}
