//! With `#[spec(json)]`, each serde attribute is honoured by both paths or refused, and each
//! member is read by serde as the raw check reads it: the errors say what to write.
use m3ter_models::Validate;

#[derive(serde::Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json)]
struct Request {
    // serde reads `null` as `None`; the check refuses it.
    plain: Option<String>,
    // serde takes `colour` too; the schema and the raw check know `color` only.
    #[serde(alias = "colour")]
    color: String,
    // A reader the raw check cannot see.
    #[serde(deserialize_with = "my_reader")]
    custom: String,
    // uuid's own parser takes forms the `uuid` format refuses.
    id: m3ter_models::types::Uuid,
}

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "kind")]
#[spec(json)]
enum Kind {
    A,
}

fn my_reader<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    serde::Deserialize::deserialize(d)
}

fn main() {}
