//! Checking a document without building what no rule reads, so that memory follows the longest
//! line, not what is inside it: a 30 MB `[0,0,…]` under an unknown member was a 500 MB
//! `serde_json::Value`.
//!
//! The document is parsed against its body type's descriptor ([`Body::kind`], the type's
//! [`Describe`](m3ter_models::Describe)): a member the type declares is kept as its kind needs
//! it (in a union, the kind every variant that declares it agrees on, else whole); the value of an unknown member, and a value of
//! the wrong JSON type, are read (every syntax rule still applies: duplicate keys, numbers
//! beyond `f64`, nesting) but kept only as their JSON type (`null` for an unknown member's value,
//! `[]`, `{}` or `""` for a wrong type). The request rules report those as `unknown_field` and
//! `type` errors without looking inside, so the errors are the same as [`Body::validate`]'s; `tests/lean.rs` holds them equal.
//!
//! Only a document that fails is answered from the lean parse. A syntax error is the library's
//! own (`json::syntax_error_in`: the same reader stops at the same byte, the same checks say
//! why), so a syntax error late in a document costs no more than the lean parse either. A
//! valid document is answered by `Body::validate` on the text itself, so a valid verdict is
//! exactly the library's.

use std::collections::HashSet;
use std::fmt;

use m3ter_models::ValidationError;
use m3ter_models::describe::{Kind, TypeSpec, UnionSpec};
use m3ter_models::json::{self, Body, Profile};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// Every error of the document `bytes` as `body` under `profile`: what [`Body::validate`]
/// gives, with memory about the size of the text.
pub fn validate(bytes: &[u8], body: &Body, profile: Profile) -> Vec<ValidationError> {
    let exact = || match body.validate(bytes, profile) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.into_vec(),
    };
    // A flat object: the library's typed parse skips unknown members without building them.
    if json::typed_parse_is_exact(bytes) {
        return exact();
    }
    match parse(bytes, body.kind) {
        Ok(document) => match body.validate_value(&document, profile) {
            Err(errors) => errors.into_vec(),
            // Nothing was left out of a valid document (only unknown members and wrong types
            // are): the library's own verdict, from the text.
            Ok(()) => exact(),
        },
        Err(error) => vec![json::syntax_error_in(bytes, &error)],
    }
}

/// Parses `bytes` keeping what `kind` needs (see the module's documentation).
pub fn parse(bytes: &[u8], kind: &'static Kind) -> Result<Value, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = Shaped(kind).deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// A value that should have `kind`.
#[derive(Clone, Copy)]
struct Shaped(&'static Kind);

impl Shaped {
    /// Whether a JSON string is of this kind (else it is a type error; its text is not kept).
    fn takes_string(self) -> bool {
        matches!(
            self.0,
            Kind::String
                | Kind::Uuid
                | Kind::DateTime
                | Kind::Enum(_)
                | Kind::Any
                | Kind::ObjectOr(_)
        )
    }
}

impl<'de> DeserializeSeed<'de> for Shaped {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        // A member's kind read when needed (a recursive type's) is read here.
        deserializer.deserialize_any(Shaped(self.0.resolved()))
    }
}

impl<'de> Visitor<'de> for Shaped {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(if self.takes_string() {
            v.to_owned()
        } else {
            String::new()
        }))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(if self.takes_string() {
            v
        } else {
            String::new()
        }))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let item: Option<&'static Kind> = match self.0 {
            Kind::Array(item) => Some(item),
            // Any array is accepted as it is (its items are any values).
            Kind::Any | Kind::ObjectOr(_) => Some(&Kind::Any),
            _ => None,
        };
        let mut items = Vec::new();
        match item {
            Some(item) => {
                while let Some(value) = seq.next_element_seed(Shaped(item))? {
                    items.push(value);
                }
            }
            // The wrong type: read, not kept.
            None => while seq.next_element_seed(Skip)?.is_some() {},
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        // An object of any JSON value whose objects are a type: read as that type.
        if let Kind::ObjectOr(object) = self.0 {
            return Shaped(object).visit_map(map);
        }
        if let Kind::Union(union) = self.0 {
            return union_members(union, map);
        }
        let spec: Option<&'static TypeSpec> = match self.0 {
            Kind::Object(spec) => Some(spec),
            _ => None,
        };
        let keep_all = matches!(self.0, Kind::Map(_) | Kind::Any);
        let mut object = Map::new();
        let mut skipped_keys = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if object.contains_key(&key) || skipped_keys.contains(&key) {
                return Err(duplicate(&key));
            }
            let field = spec.and_then(|s| s.fields.iter().find(|f| f.wire_name == key));
            match (field, spec) {
                (Some(field), _) => {
                    let value = map.next_value_seed(Shaped(field.kind))?;
                    object.insert(key, value);
                }
                // An unknown member that is an error: its name kept, its value read.
                (None, Some(spec)) if spec.deny_unknown_fields => {
                    map.next_value_seed(Skip)?;
                    object.insert(key, Value::Null);
                }
                _ if keep_all || spec.is_some() => {
                    let value = map.next_value_seed(Shaped(&Kind::Any))?;
                    object.insert(key, value);
                }
                // The wrong type: read, not kept (the keys only until the object ends, for
                // the duplicate check).
                _ => {
                    map.next_value_seed(Skip)?;
                    skipped_keys.insert(key);
                }
            }
        }
        Ok(Value::Object(object))
    }
}

/// The members of a union's object: the discriminator kept whole (the union reads it), a
/// member one variant declares kept as that variant needs it, one several declare kept whole,
/// and the value of one no variant declares read but kept as `null` when every variant refuses
/// unknown members (each reports it as `unknown_field` without looking inside).
fn union_members<'de, A: MapAccess<'de>>(
    union: &'static UnionSpec,
    mut map: A,
) -> Result<Value, A::Error> {
    let objects = || {
        union.variants.iter().filter_map(|v| match v.kind {
            Kind::Object(spec) => Some(spec),
            _ => None,
        })
    };
    let all_deny = union
        .variants
        .iter()
        .all(|v| matches!(v.kind, Kind::Object(spec) if spec.deny_unknown_fields));
    let mut object = Map::new();
    while let Some(key) = map.next_key::<String>()? {
        if object.contains_key(&key) {
            return Err(duplicate(&key));
        }
        let declared: Vec<&'static Kind> = objects()
            .filter_map(|spec| spec.fields.iter().find(|f| f.wire_name == key))
            .map(|f| f.kind.resolved())
            .collect();
        let kind: Option<&'static Kind> = match declared.first() {
            _ if key == union.discriminator => Some(&Kind::Any),
            // Declared alike by every variant that has it (`name` a string in each): kept as
            // that kind needs it.
            Some(first) if declared.iter().all(|k| same_scalar(k, first)) => Some(*first),
            Some(_) => Some(&Kind::Any),
            None if all_deny => None,
            None => Some(&Kind::Any),
        };
        let value = match kind {
            Some(kind) => map.next_value_seed(Shaped(kind))?,
            None => {
                map.next_value_seed(Skip)?;
                Value::Null
            }
        };
        object.insert(key, value);
    }
    Ok(Value::Object(object))
}

/// Whether two kinds are the same scalar kind (what a member declared by several variants
/// must be to be kept by that kind rather than whole).
fn same_scalar(a: &Kind, b: &Kind) -> bool {
    match (a, b) {
        (Kind::String, Kind::String)
        | (Kind::Number, Kind::Number)
        | (Kind::Boolean, Kind::Boolean)
        | (Kind::Uuid, Kind::Uuid)
        | (Kind::DateTime, Kind::DateTime) => true,
        (Kind::Integer { min: a0, max: a1 }, Kind::Integer { min: b0, max: b1 }) => {
            a0 == b0 && a1 == b1
        }
        (Kind::Enum(a), Kind::Enum(b)) => a == b,
        // Containers and anything else: kept whole, which is always safe.
        _ => false,
    }
}

/// A value read for its syntax only: duplicate keys and numbers beyond `f64` are errors, as
/// in the library's parse; nothing is kept.
struct Skip;

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        if v.is_finite() {
            Ok(())
        } else {
            Err(E::custom("number out of range"))
        }
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            // Refused when read, before its value, as the library's parse refuses it.
            if keys.contains(&key) {
                return Err(duplicate(&key));
            }
            map.next_value_seed(Skip)?;
            keys.insert(key);
        }
        Ok(())
    }
}

/// A duplicate key: the library's own error.
fn duplicate<E: de::Error>(key: &str) -> E {
    json::duplicate_key(key)
}
