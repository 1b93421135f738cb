//! A `pattern_properties` pattern with keywords, on the map of a struct's other members, checks
//! the declared fields whose names it matches as serde writes their typed values: a field that
//! serde fills from a `default` (the raw check sees no member), an optional `nullable` field
//! when the pattern refuses `null`, and a type that does not compare as its JSON (a struct
//! drops unknown members), are compile errors.
use m3ter_models::Validate;
use m3ter_models::__private_v0_1::serde_json::{Map, Value};

#[derive(serde::Deserialize, serde::Serialize, Validate)]
struct Defaults {
    #[serde(default)]
    n: i64,
    #[serde(default = "one")]
    o: Option<i64>,
    // A plain `default` on an `Option` is `None` when absent: fine.
    #[serde(default)]
    np: Option<i64>,
    // Matched only by a pattern without keywords, which checks nothing: fine.
    #[serde(default)]
    z: i64,
    // Optional and `nullable`: `None` does not tell `null` from absent, so a pattern that
    // refuses `null` cannot check it.
    #[spec(nullable)]
    p: Option<i64>,
    // `maximum` passes `null`: fine.
    #[spec(nullable)]
    q: Option<i64>,
    #[serde(flatten)]
    #[spec(pattern_properties(
        "^[no]" (minimum = 1),
        "^z" (),
        "^p" (type = "integer"),
        "^q" (maximum = 3)
    ))]
    others: Map<String, Value>,
}

fn one() -> Option<i64> {
    Some(1)
}

#[derive(serde::Deserialize, serde::Serialize, Validate)]
struct Inner {
    a: i64,
}

// The pattern is the fragment's own for `code` (any name without spaces at its ends), which a
// build without the `regex` feature matches too: the case reads the same in both builds.
#[derive(serde::Deserialize, serde::Serialize, Validate)]
struct Typed {
    inner: Inner,
    #[serde(flatten)]
    #[spec(pattern_properties(
        r"^[^\x00-\x20\x7F](?:[^\x00-\x1F\x7F]*[^\x00-\x20\x7F])?$" (max_properties = 1)
    ))]
    others: Map<String, Value>,
}

fn main() {}
