//! `#[derive(Validate)]` for `m3ter-models`.
//!
//! Field attributes are named after the OpenAPI / JSON Schema keywords:
//!
//! | attribute | keyword | applies to |
//! |---|---|---|
//! | `type = "string \| integer"` | `type` of several JSON types (or one): names of `null`, `boolean`, `integer`, `number`, `string`, `array`, `object` separated by `\|`; `integer` takes `1.0` and `number` takes integers, as JSON Schema says; its error is `type` with `expected` naming the types (`"integer or string"`) | `serde_json::Value` (a field of one Rust type has its JSON type from it) |
//! | `min_length = N`, `max_length = N` | `minLength`, `maxLength` (code points) | strings |
//! | `pattern = "…"` | `pattern`, ECMA-262 (translated into the `regex` crate's syntax with the same meaning when the macro expands: an invalid one, or one with a backreference or lookaround, is a compile error) | strings |
//! | `pattern_rule = "…"` | `x-m3ter-pattern-rule`: the pattern in words; its error says it | strings with a `pattern` |
//! | `format = "…"` | `format`: a name of the registry (`m3ter_vocab::Format`: `aws-iam-role-arn`, `date`, `date-time`, `duration`, `email`, `gcs-bucket-name`, `hostname`, `ipv4`, `ipv6`, `regex`, `s3-bucket-name`, `time`, `uri`, `uri-reference`, `uuid`) | strings |
//! | `minimum`, `maximum`, `exclusive_minimum`, `exclusive_maximum` | the same | numbers |
//! | `min_items = N`, `max_items = N` | `minItems`, `maxItems` | lists |
//! | `items(…)` | `items`: the keywords inside apply to every item | lists |
//! | `contains(…)`, `min_contains = N`, `max_contains = N` | `contains`, `minContains`, `maxContains`: how many items satisfy the keywords inside (a nested schema, written as in `items(…)`): at least one without `min_contains` (error `contains`), at least `min_contains` (`0` always holds; error `minContains`), at most `max_contains` (error `maxContains`); `params` give `min`/`max` and `actual`, the count. `min_contains`/`max_contains` without `contains`, and `nested` inside it, are compile errors. On a typed list the keywords inside check the typed items as `items(…)` does; in the raw walk an item of another JSON type than the list's items is its `type` error and no match | lists |
//! | `not(…)` | `not`: the value must not satisfy the keywords inside (a nested schema, written as in `items(…)`, its keywords applying to the field's type as the field's own do): its checks run apart, and when they find nothing, one error `not` at the value's pointer (no `params`); the nested errors are never reported. An absent `Option` member is no value and passes (a `nullable` member's `null` is checked no further, as everywhere). `not()`, the negation of the empty schema, refuses every value: it is how a `false` schema is written (`not: false` constrains nothing and is not written). `nested` inside it is a compile error | any |
//! | `if(…)`, `then(…)`, `else(…)` | `if`, `then`, `else`, spelled as in JSON Schema (`if` and `else` are Rust keywords, but any identifier, keywords included, names a keyword inside `#[spec(…)]`): `if` decides silently (its checks run apart, its errors are never reported); when the value satisfies it, `then`'s keywords apply, else `else`'s, each reporting its errors as the field's own (at its pointer, or below for `items(…)` inside). `then`/`else` without `if`, and `if` without either, constrain nothing in JSON Schema: compile errors here (a derive is written by hand, so a keyword that does nothing is a mistake to point at; the generator, reading a schema, warns and writes nothing). `nested` inside them is a compile error | any |
//! | `all_of((…), (…))` | `allOf` kept apart: a list of nested schemas (written as in `any_of`), each checked on its own against the value, every part's errors reported as the value's own (at its pointer, or below for `items(…)` and `properties(…)` inside). What the generator writes where merging the parts into one schema would change their meaning (a part's `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `prefixItems` with its `items`, `contains` with `min_contains`/`max_contains`); by hand, write the keywords of a part straight on the field where they do not meet another's. An empty list and `nested` inside are compile errors | any |
//! | `any_of((…), (…))`, `one_of((…), (…))` | `anyOf`, `oneOf` on a member (not a discriminated union, for which see below): a list of nested schemas, each in parentheses and written as in `items(…)` (`()` is the empty schema, `(not())` the `false` one). Each decides apart, its errors never reported; `anyOf`: one error `anyOf` when the value satisfies none (`params` `branches`, how many schemas); `oneOf`: one error `oneOf` when it satisfies none or more than one (`params` `branches` and `matched`, how many it satisfies). An empty list and `nested` inside are compile errors | any |
//! | `prefix_items((…), (…))` | `prefixItems`: item `i` is checked by schema `i` (written as in `any_of`), its errors the item's own (at `/…/i`); `items(…)` beside it applies to the items after the prefix only, as JSON Schema 2020-12 says. In the raw walk an item of another JSON type than the list's items is its `type` error alone. An empty list and `nested` inside are compile errors | lists |
//! | `multiple_of = N` | `multipleOf` (greater than 0): the number divided by it is an integer, decided exactly on the decimal values (`0.0075` is a multiple of `0.0001`) | numbers |
//! | `unique_items` | `uniqueItems: true`: no two items equal by JSON Schema's equality (`1` and `1.0` are equal, objects regardless of member order); the error names the indexes | lists of JSON-comparable items |
//! | `min_properties = N`, `max_properties = N` | `minProperties`, `maxProperties`: the member count | maps (`HashMap`/`BTreeMap` from `String`, `serde_json::Map`, `serde_json::Value` objects) |
//! | `dependent_required = "…"` | `dependentRequired`: a JSON object from a member's name to the names it requires, as JSON text (`dependent_required = "{\"a\": [\"b\", \"c\"]}"`): when `a` is present, `b` and `c` must be; one error `dependentRequired` per missing member, at the object's pointer, `params` `property` (the member present) and `missing`. Checked at compile time to be an object of arrays of distinct strings | maps (`HashMap`/`BTreeMap` from `String`, `serde_json::Map`, `serde_json::Value` objects; other JSON types pass) |
//! | `properties("a" (…), "b" (…))` | `properties` on any JSON value: for each member name, the keywords in its parentheses (a nested schema, written as in `items(…)`; `("b" ())` checks nothing but names `b`) apply to that member's value when it is present, each error at the member's pointer (`/m/a`); beside it `additional_properties(…)` checks only the members it does not name (nor a `pattern_properties` pattern matches). A name given twice is a compile error. A struct declares its members as fields instead: on another field type it is a compile error | `serde_json::Value` (objects; other JSON types pass), and nested schemas of it |
//! | `required_members = "…"` | `required` as an object's list of names, on any JSON value: a JSON array of distinct member names, as JSON text (`required_members = "[\"a\", \"b\"]"`, checked at compile time); one error `required` per missing member, at the member's pointer (`/m/b`), as a struct's missing field has. Spelled apart from the member flag `required` below, which a struct's `Option` field carries for its parent's list | `serde_json::Value` (objects; other JSON types pass), and nested schemas of it |
//! | `additional_properties(…)` | `additionalProperties` given a schema, on a map (an object without declared members): the keywords inside (a nested schema, written as in `items(…)`) apply to the value of every member, each error at the member's pointer (`/map/key`), as `items(…)` checks each item; `nested` inside it validates each value of a type with its own constraints. On a typed map the keywords inside check the typed values; in the raw walk a value of another JSON type than the map's values is its `type` error alone. On a struct's `#[serde(flatten)]` map of its other members, the members neither declared nor matched by a pattern (see below the table) | maps (`HashMap`/`BTreeMap` from `String`, `serde_json::Map`, `serde_json::Value` objects; other JSON types pass), a struct's map of its other members |
//! | `pattern_properties("^a" (…), "b" (…))` | `patternProperties`: for each ECMA-262 pattern (unanchored, translated and compiled when the macro expands, as `pattern`'s), the keywords in its parentheses (a nested schema, written as in `items(…)`) apply to the value of every member whose name matches it, each error at the member's pointer; beside it `additional_properties(…)` checks only the members no pattern matches. A pattern given twice is a compile error. On a struct's `#[serde(flatten)]` map of its other members, every member whose name matches, the declared fields too (see below the table) | maps (`HashMap`/`BTreeMap` from `String`, `serde_json::Map`, `serde_json::Value` objects; other JSON types pass), a struct's map of its other members |
//! | `property_names(…)` | `propertyNames`: every member's name (a string) satisfies the string keywords inside (`min_length`, `max_length`, `pattern`, `format`, `const`, `enum`, …; `type` and keywords of other types are compile errors there). One error `propertyNames` per keyword a name breaks, at the object's pointer (a name has no pointer of its own), `params` `property` (the name) and `reason` (`code` and `params` of the name's own error); the message says both | maps (`HashMap`/`BTreeMap` from `String`, `serde_json::Map`, `serde_json::Value` objects; other JSON types pass) |
//! | `const = "…"` | `const`: equal to this JSON value, given as JSON text (`const = "3"`, `const = "[1, null]"`), by JSON Schema's equality | JSON-comparable types |
//! | `enum = "…"` | `enum` of any JSON values: equal to one of the JSON array's (`enum = "[1, \"a\", null]"`); a string enum is better a Rust enum | JSON-comparable types |
//! | `nested` | validate a field whose type implements `Validate` | any |
//! | `forbidden`, `forbidden = "create"` | must be absent (an operation rule) | `Option` |
//! | `required`, `nullable` | raw JSON: must be present; may be `null` | `Option` |
//! | `default = "…"` | `default`: the member's value when absent, as JSON text (`default = "3"`, `default = "\"TIME_FIRST\""`); an annotation the JSON Schema states (the text is checked to be JSON; the generated models also fill it in through serde's `default = "…"`, and then every path checks the filled value, see below the table) | `Option` |
//!
//! A struct's other members: one `#[serde(flatten)]` field of type `serde_json::Map<String,
//! serde_json::Value>` (or a `HashMap`/`BTreeMap` from `String` to `serde_json::Value`) keeps
//! the members the struct does not declare, and may carry `pattern_properties(…)` and
//! `additional_properties(…)`, which then apply to the whole object as JSON Schema says: each
//! pattern to every member whose name matches it, the declared fields too (a field's typed value
//! checked as serde writes it, its numbers as the field's own keywords read them (an `f32` by
//! its shortest decimal form, and on the raw path a float's number as serde reads it), when
//! present: an `Option` that is `None` is absent, unless the
//! field is `required`, when it is `null`. A pattern with keywords may not match a field serde
//! fills from a `default` (one not on an `Option`, `default = "…"`, or the struct's), whose
//! typed value cannot tell the default from a member the document has, nor an optional
//! `nullable` field (not `required`) when the pattern refuses `null` (`None` does not tell
//! `null` from absent): a compile error on the pattern; nor a field whose type does not
//! compare as its JSON (`JsonEq`: a struct, which drops unknown members, a UUID or a
//! date-time, which serde may spell otherwise): a compile error on the type; give such a field
//! keywords of its own instead), and
//! `additional_properties` to the members neither declared nor matched
//! (`additional_properties(not())`: no other member, each one a `not` error). Each error is at
//! the member's pointer (`/fxo`), on the typed and the raw path alike, in one order (the fields'
//! own checks in field order, the object's where the map is declared, over the members in key
//! order). With `pattern_properties`, the declared fields' types implement `serde::Serialize`
//! (a pattern checks a field's value as serde writes it).
//! For example, under `#[m3ter_models::model]` (which writes the serde attributes
//! `#[spec(json)]` needs on each `Option`), a struct with `#[spec(max_items = 3)] foo:
//! Option<Vec<i64>>` and `#[serde(flatten)] #[spec(pattern_properties("f.o" (min_items = 2)),
//! additional_properties(type = "integer"))] others: serde_json::Map<String,
//! serde_json::Value>` holds `foo` to 2 to 3 items (its own bound and the pattern's), another
//! member whose name matches `f.o` (`fxo`) to at least 2 items, and every other member to an
//! integer.
//! Another type, a second such field, `#[serde(deny_unknown_fields)]` beside it (serde reads
//! no other member then), and any other keyword on it (a count or a name rule would see only
//! the other members) are compile errors on their tokens; with `#[spec(json)]` a flattened
//! field must be this map.
//!
//! On a `serde_json::Value` field (any JSON value) every value keyword may be written, each
//! checking only a value of its own JSON types, as JSON Schema says (`min_length` checks nothing
//! on a number; `items(...)` checks the items of an array); a keyword that applies to none of
//! the types its `type` allows is a compile error, and so is `nested`. Such a member takes
//! `null` like any other value (its `type`, if any, decides), on the typed and the raw path
//! alike.
//!
//! On the container, `#[spec(json)]` also implements `m3ter_models::ValidateJson`: the same
//! keywords and runtime rules applied to raw JSON, plus what serde decides in the typed world
//! (`type`, `required`, `unknown_field`; `required` and `nullable` adjust the first two for an
//! `Option` field). `#[spec(json_schema)]` also implements `schemars::JsonSchema` (with
//! m3ter-models' `schemars` feature), carrying the same constraints. Wire names (and so the JSON
//! Pointer of every error) follow serde's attributes, read through serde's own attribute model.
//! With `#[spec(json)]`, each member must be read by serde as the raw check reads it: a member
//! that is not is a compile error naming the serde attribute to write, and
//! `#[m3ter_models::model]` writes them.
//!
//! A member serde fills in when the document lacks it (`#[serde(default)]` on a field that is
//! not an `Option`, `default = "…"` on any field, the struct's `default` or `default = "…"`)
//! or never reads (`skip_deserializing`) holds that value in every typed value, and the typed
//! path checks it. So `ValidateJson` checks the same value for an absent member, made as
//! serde's derive makes it (the field's `default` first, else that field of the struct's), with
//! the same errors at the member's pointer: with `#[serde(default)] #[spec(minimum = 1)] n:
//! i64`, the document `{}` is a `range` error at `/n` on the typed path, `validate_json` and
//! `json::from_slice` alike. The JSON Schema applies a member's keywords only when
//! it is present, so give such a member a default that meets them.
//!
//! JSON-comparable types (`m3ter_models::__private_v0_1::JsonEq`, what `const`, `enum` and
//! `unique_items` compare without serializing): strings, integers, floats, `bool`,
//! `serde_json::Value` and `Map`, and `Vec`s, slices, `Option`s and string-keyed maps of them. On
//! another type (a UUID, a date-time, a struct, whose typed value may be written otherwise than
//! the document had it) the keyword is a compile error on its tokens. A keyword that applies to
//! other JSON types than the value's has nothing to check, as JSON Schema says.
//!
//! A recursive type (a member that holds the type again: `Vec<Self>`, `Option<Box<Self>>`,
//! or another type that holds this one) takes the same keywords (`nested` on the recursive
//! member); checks recurse along the value, which serde_json's parse keeps within 127 arrays
//! or objects inside each other on every path. With `#[spec(json)]` a member whose type holds
//! values behind a pointer (any generic type) or names the type itself is described by a
//! function (`Kind::Lazy`), so the type's `Describe` constant is not defined through itself,
//! and such a member of the type itself is not counted as an exact typed parse (nor is a
//! `Box`); the JSON Schema refers to the type's definition, and the strategies draw it to a
//! bounded depth.
//!
//! A discriminated union (OpenAPI `anyOf`/`oneOf` with a `discriminator`) is an enum of newtype
//! variants, each holding an object type that derives `Validate` with `#[spec(json)]`:
//!
//! | attribute | where | meaning |
//! |---|---|---|
//! | `discriminator = "…"` | the enum, beside `json` | the member (its wire name) that tells the variants apart |
//! | `tag = "…"` | each variant | the discriminator value that selects it (distinct; mapping order is declaration order) |
//!
//! These are derive attributes, not keywords of the vocabulary (which constrain a member's
//! value). The derive implements `m3ter_models::union::Union` and calls the runtime's rule
//! (`m3ter_models::union`) from `Validate` and `ValidateJson`; it also writes the union's
//! serde `Serialize` (the variant's value as is) and `Deserialize` (buffered as a JSON value, the
//! variant the rule chooses), because serde's tagged forms need the tag present: deriving
//! serde's traits on the union as well is a conflicting-impl error, and `#[serde(...)]` on the
//! union or a variant is a compile error (put serde attributes on the variants' types). Also
//! `From` each variant's type, `Describe` (`Kind::Union`), and with `json_schema` the `anyOf`
//! of the variants with the OpenAPI `discriminator` (`propertyName`, `mapping` to each `$ref`).
//! A variant with constraint keywords, without a tag, with another's tag, or not of the form
//! `Name(Type)` is a compile error on its tokens.
//!
//! The macro parses (`ast`), checks the attributes against each other and the field types
//! (`check`), and expands (`expand`, `schema`, `union`); every misuse is reported at once on its tokens,
//! with a fallback impl so that no follow-on errors bury it.

#![forbid(unsafe_code)]

mod ast;
mod check;
mod expand;
mod json;
mod model;
mod schema;
mod serde_rules;
mod shape;
mod union;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Writes on each member of a struct the serde attributes `#[spec(json)]` needs, so that
/// serde's typed parse, the raw check and serialization agree: an `Option` member is absent
/// when `None` and refuses `null` (unless `#[spec(nullable)]`), a `required` one must be
/// present, uuid and date-time members are read from exactly their format. Put it above the
/// derives; a member whose serde attributes already say how it is read is left as written.
#[proc_macro_attribute]
pub fn model(attr: TokenStream, item: TokenStream) -> TokenStream {
    model::expand(attr.into(), item.into()).into()
}

/// Derives `m3ter_models::Validate` from `#[spec(...)]` attributes, plus `validator::Validate`
/// and (with `#[spec(json_schema)]`) `schemars::JsonSchema` when m3ter-models has the feature of
/// that name. The features live in m3ter-models alone: the expansion wraps each integration in
/// a macro of m3ter-models that keeps or drops it.
#[proc_macro_derive(Validate, attributes(spec))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
