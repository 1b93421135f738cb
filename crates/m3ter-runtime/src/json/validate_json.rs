//! `ValidateJson`: a type's rules over raw JSON, and its implementations for the member types
//! the models use (`#[derive(Validate)]` with `#[spec(json)]` implements it for structs and
//! enums).

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use m3ter_vocab::Format;

use crate::error::{ErrorKind, ValidationError, ValidationErrors};
use crate::path::Path;
use crate::rules::push_type_error;
use crate::validate::Validate;

/// A type whose JSON form can be checked without deserializing: every error at once, each at
/// its JSON Pointer, including those serde would stop at (wrong type, missing or unknown
/// member, `null`).
pub trait ValidateJson {
    /// The JSON type the type's values have, as error parameters name it (`string`, `object`).
    const EXPECTED: &'static str;

    /// Whether serde's typed parse of this type accepts exactly the documents [`validate_json`]
    /// accepts, for a document that is one flat object (see [`typed_parse_is_exact`]), so that
    /// [`from_slice`] may take the typed parse first. `false` unless proven: the derive sets it
    /// for a type that denies unknown members (serde skips those unchecked: duplicate keys,
    /// lone surrogates) and whose members are read exactly (`null` refused where the keywords
    /// refuse it, formats parsed strictly).
    ///
    /// [`validate_json`]: ValidateJson::validate_json
    /// [`typed_parse_is_exact`]: crate::json::typed_parse_is_exact
    /// [`from_slice`]: crate::json::from_slice
    const EXACT_TYPED_PARSE: bool = false;

    /// Whether `value` has the JSON type (and range) of this type, so that the constraints of
    /// a member apply to it.
    fn matches_type(value: &Value) -> bool;

    /// Pushes every error of `value`, located at `path`: its type, then everything inside it.
    fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>);

    /// Every error of `value`, or `Ok(())`.
    fn validate_json(value: &Value) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        Self::validate_json_at(value, &Path::Root, &mut errors);
        ValidationErrors::check(errors)
    }

    /// The verdict on the text `bytes` from the typed parse and the typed validation, when that
    /// is proven to be the raw walk's: `Some(Ok(value))` for a valid document,
    /// `Some(Err(errors))` for every error of an invalid one, `None` when the raw walk must
    /// decide (what [`from_slice`] then does). By default: a type whose typed parse is exact
    /// ([`EXACT_TYPED_PARSE`]), a document that is one flat object
    /// ([`typed_parse_is_exact`]), and a typed parse that succeeds. A union decides by its
    /// variants' ([`union::parse_exact`]).
    ///
    /// [`EXACT_TYPED_PARSE`]: ValidateJson::EXACT_TYPED_PARSE
    /// [`typed_parse_is_exact`]: crate::json::typed_parse_is_exact
    /// [`from_slice`]: crate::json::from_slice
    /// [`union::parse_exact`]: crate::union::parse_exact
    fn parse_exact(bytes: &[u8]) -> Option<Result<Self, ValidationErrors>>
    where
        Self: Sized + DeserializeOwned + Validate,
    {
        if !Self::EXACT_TYPED_PARSE || !super::typed_parse_is_exact(bytes) {
            return None;
        }
        let value = super::typed_parse::<Self>(bytes).ok()?;
        Some(value.validate().map(|()| value))
    }

    /// For a union, the member that tells its variants apart (its wire name); `None` for every
    /// other type.
    const UNION_DISCRIMINATOR: Option<&'static str> = None;

    /// For a union, the tag of the variant the rule takes `value` as (the discriminator's, when
    /// it is a tag; else the first accepting variant, or the closest): what the strict profile
    /// reads to choose its rules. `None` for every other type, and for a document that names no
    /// variant (not an object, an unknown tag).
    fn variant(value: &Value) -> Option<&'static str> {
        let _ = value;
        None
    }
}

/// Implements `ValidateJson` for a type whose values are one JSON type, checked by `matches`.
macro_rules! simple {
    ($($ty:ty => $expected:literal, $matches:expr;)*) => {$(
        impl ValidateJson for $ty {
            const EXPECTED: &'static str = $expected;
            const EXACT_TYPED_PARSE: bool = true;
            fn matches_type(value: &Value) -> bool {
                let matches: fn(&Value) -> bool = $matches;
                matches(value)
            }
            fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
                if !Self::matches_type(value) {
                    push_type_error(value, Self::EXPECTED, path, errors);
                }
            }
        }
    )*};
}

fn integer_in<T: TryFrom<i64> + TryFrom<u64>>(value: &Value) -> bool {
    match value.as_number() {
        Some(n) => {
            n.as_i64().is_some_and(|i| T::try_from(i).is_ok())
                || n.as_u64().is_some_and(|u| T::try_from(u).is_ok())
        }
        None => false,
    }
}

simple! {
    String => "string", Value::is_string;
    bool => "boolean", Value::is_boolean;
    f64 => "number", Value::is_number;
    f32 => "number", Value::is_number;
    i8 => "integer (int8)", integer_in::<i8>;
    i16 => "integer (int16)", integer_in::<i16>;
    i32 => "integer (int32)", integer_in::<i32>;
    i64 => "integer (int64)", integer_in::<i64>;
    u8 => "integer (uint8)", integer_in::<u8>;
    u16 => "integer (uint16)", integer_in::<u16>;
    u32 => "integer (uint32)", integer_in::<u32>;
    u64 => "integer (uint64)", integer_in::<u64>;
}

// serde's `Map` keeps the last of duplicate keys, which the raw parse refuses: not exact.
impl ValidateJson for Map<String, Value> {
    const EXPECTED: &'static str = "object";
    fn matches_type(value: &Value) -> bool {
        value.is_object()
    }
    fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        if !value.is_object() {
            push_type_error(value, Self::EXPECTED, path, errors);
        }
    }
}

impl<V: ValidateJson, S> ValidateJson for std::collections::HashMap<String, V, S> {
    const EXPECTED: &'static str = "object";
    fn matches_type(value: &Value) -> bool {
        value.is_object()
    }
    fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        map_values::<V>(value, path, errors);
    }
}

impl<V: ValidateJson> ValidateJson for std::collections::BTreeMap<String, V> {
    const EXPECTED: &'static str = "object";
    fn matches_type(value: &Value) -> bool {
        value.is_object()
    }
    fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        map_values::<V>(value, path, errors);
    }
}

/// An object whose every member value is a `V`.
fn map_values<V: ValidateJson>(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
    let Some(members) = value.as_object() else {
        push_type_error(value, "object", path, errors);
        return;
    };
    for (key, member) in members {
        V::validate_json_at(member, &path.key(key), errors);
    }
}

impl ValidateJson for Value {
    const EXPECTED: &'static str = "any JSON value";
    fn matches_type(_: &Value) -> bool {
        true
    }
    fn validate_json_at(_: &Value, _: &Path<'_>, _: &mut Vec<ValidationError>) {}
}

/// A string with a format (its Rust type parses only values of that format).
fn formatted(value: &Value, format: Format, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
    match value.as_str() {
        None => push_type_error(value, "string", path, errors),
        Some(text) => {
            if let Err(violation) = crate::formats::check(format, text) {
                errors.push(ValidationError::new(
                    path.to_pointer(),
                    ErrorKind::Format {
                        format: format.name(),
                        violation,
                    },
                ));
            }
        }
    }
}

impl ValidateJson for uuid::Uuid {
    const EXPECTED: &'static str = "string";
    fn matches_type(value: &Value) -> bool {
        value.is_string()
    }
    fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        formatted(value, Format::Uuid, path, errors);
    }
}

impl<Tz: chrono::TimeZone> ValidateJson for chrono::DateTime<Tz> {
    const EXPECTED: &'static str = "string";
    fn matches_type(value: &Value) -> bool {
        value.is_string()
    }
    fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        formatted(value, Format::DateTime, path, errors);
    }
}

/// A list is never in a document the typed parse is taken for (one flat object: no `[` past its
/// opening brace), where a list member is absent, or of another JSON type, which the typed
/// parse refuses: exact there whatever its items. Not read through the items' constant, so that
/// types that hold each other in lists (a recursive type) do not define their constants
/// through each other.
impl<T: ValidateJson> ValidateJson for Vec<T> {
    const EXPECTED: &'static str = "array";
    const EXACT_TYPED_PARSE: bool = true;
    fn matches_type(value: &Value) -> bool {
        value.is_array()
    }
    fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        let Some(items) = value.as_array() else {
            push_type_error(value, Self::EXPECTED, path, errors);
            return;
        };
        for (index, item) in items.iter().enumerate() {
            T::validate_json_at(item, &path.index(index), errors);
        }
    }
}

impl<T: ValidateJson> ValidateJson for Option<T> {
    const EXPECTED: &'static str = T::EXPECTED;
    fn matches_type(value: &Value) -> bool {
        value.is_null() || T::matches_type(value)
    }
    fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        if !value.is_null() {
            T::validate_json_at(value, path, errors);
        }
    }
}

/// A box is where a type holds itself (a recursive type): its typed parse is not proven exact
/// (the raw walk decides), so that the constant of a type is never defined through itself.
impl<T: ValidateJson> ValidateJson for Box<T> {
    const EXPECTED: &'static str = T::EXPECTED;
    fn matches_type(value: &Value) -> bool {
        T::matches_type(value)
    }
    fn validate_json_at(value: &Value, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        T::validate_json_at(value, path, errors);
    }
}
