//! `ObjectOr<T>`: any JSON value whose object case is the object type `T`.
//!
//! JSON Schema applies `properties` and `required` to objects only: a schema with them and
//! without `type` accepts every other value as it is. The generator makes such a member an
//! `ObjectOr<T>` of the struct `T` it generates from the schema, so that an object is read and
//! checked as `T` (typed: `T`'s `Validate`; raw: `T`'s `ValidateJson`) and any other value is
//! kept as a `serde_json::Value` and accepted. Both paths decide by the value's JSON type alone,
//! so they give the same verdict.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::describe::{Describe, Kind};
use crate::error::ValidationError;
use crate::json::ValidateJson;
use crate::path::Path;
use crate::validate::Validate;

/// Any JSON value; an object is a `T` (a schema with `properties` or `required` but no `type`).
#[derive(Debug, Clone, PartialEq)]
pub enum ObjectOr<T> {
    /// A JSON object, read as `T` and checked by `T`'s rules.
    Object(T),
    /// Any value that is not an object: accepted as it is.
    Other(Value),
}

impl<T: Serialize> Serialize for ObjectOr<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ObjectOr::Object(object) => object.serialize(serializer),
            ObjectOr::Other(value) => value.serialize(serializer),
        }
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for ObjectOr<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            object @ Value::Object(_) => T::deserialize(object)
                .map(ObjectOr::Object)
                .map_err(D::Error::custom),
            other => Ok(ObjectOr::Other(other)),
        }
    }
}

impl<T: Validate> Validate for ObjectOr<T> {
    fn validate_at(&self, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        match self {
            ObjectOr::Object(object) => object.validate_at(path, errors),
            ObjectOr::Other(_) => {}
        }
    }
}

impl<T: ValidateJson> ValidateJson for ObjectOr<T> {
    const EXPECTED: &'static str = "any JSON value";
    // Read through a `serde_json::Value` first: not proven exact (duplicate keys).
    const EXACT_TYPED_PARSE: bool = false;
    fn matches_type(_: &Value) -> bool {
        true
    }
    fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        if value.is_object() {
            T::validate_json_at(value, path, errors);
        }
    }
}

impl<T: Describe> Describe for ObjectOr<T> {
    const KIND: Kind = Kind::ObjectOr(&T::KIND);
}

#[cfg(feature = "schemars")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for ObjectOr<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("ObjectOr_{}", T::schema_name()).into()
    }
    fn inline_schema() -> bool {
        true
    }
    /// `T`'s schema for an object, anything else accepted: `anyOf` that and `not` an object.
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let object = generator.subschema_for::<T>();
        schemars::json_schema!({
            "anyOf": [object, { "not": { "type": "object" } }]
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::error::ErrorCode;

    /// An object type requiring the member `a`, a string.
    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct NeedsA {
        a: String,
    }

    impl Validate for NeedsA {
        fn validate_at(&self, _: &Path<'_>, _: &mut Vec<ValidationError>) {}
    }

    impl ValidateJson for NeedsA {
        const EXPECTED: &'static str = "object";
        fn matches_type(value: &Value) -> bool {
            value.is_object()
        }
        fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
            if value.get("a").is_none() {
                crate::rules::json::push_required(&path.key("a"), errors);
            }
        }
    }

    #[test]
    fn a_non_object_is_kept_and_accepted() {
        for text in ["[1, 2]", "\"a\"", "12", "null", "true"] {
            let value: ObjectOr<NeedsA> = serde_json::from_str(text).unwrap();
            let json: Value = serde_json::from_str(text).unwrap();
            assert_eq!(value, ObjectOr::Other(json.clone()), "{text}");
            assert!(value.validate().is_ok(), "{text}");
            assert!(ObjectOr::<NeedsA>::validate_json(&json).is_ok(), "{text}");
            assert_eq!(serde_json::to_value(&value).unwrap(), json);
        }
    }

    #[test]
    fn an_object_is_the_type_on_both_paths() {
        let value: ObjectOr<NeedsA> = serde_json::from_str(r#"{"a": "x"}"#).unwrap();
        assert_eq!(value, ObjectOr::Object(NeedsA { a: "x".to_owned() }));
        assert_eq!(
            serde_json::to_string(&value).unwrap(),
            r#"{"a":"x"}"#.to_owned()
        );
        assert!(serde_json::from_str::<ObjectOr<NeedsA>>("{}").is_err());
        let errors = ObjectOr::<NeedsA>::validate_json(&serde_json::json!({})).unwrap_err();
        let errors: Vec<_> = errors.iter().map(|e| (e.path(), e.code())).collect();
        assert_eq!(errors, [("/a", ErrorCode::Required)]);
    }
}
