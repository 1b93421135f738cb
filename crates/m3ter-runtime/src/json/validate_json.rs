//! `ValidateJson`: a type's rules over raw JSON, and its implementations for the member types
//! the models use (`#[derive(Validate)]` with `#[spec(json)]` implements it for structs and
//! enums).

use std::borrow::Cow;

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

    /// `value` as serde reads it into this type, for the keywords to check, once
    /// [`matches_type`] holds: the value itself, unless the type holds some JSON values only
    /// approximately. A float holds the nearest `f64` (or `f32`) to a number, so an integer
    /// beyond 2^53 is read rounded, as the typed value holds it; lists, maps, `Option` and
    /// `Box` read their items so. The keywords then see one number on the raw path and in the
    /// typed value: one verdict.
    ///
    /// [`matches_type`]: ValidateJson::matches_type
    fn as_read(value: &Value) -> Cow<'_, Value> {
        Cow::Borrowed(value)
    }

    /// Whether [`as_read`] is the value itself for every value, so that checks may skip it
    /// (the derive's do, at no cost on the raw path). A type that overrides [`as_read`] sets
    /// it to `false`.
    ///
    /// [`as_read`]: ValidateJson::as_read
    const READS_EXACTLY: bool = true;

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
    /// ([`EXACT_TYPED_PARSE`]) and whose values are objects ([`EXPECTED`]), a document that is
    /// one flat object (one the reader of flat objects reads, or one that
    /// [`typed_parse_is_exact`] lets serde_json's parse decide), and a typed parse that
    /// succeeds. A union decides by its variants' ([`union::parse_exact`]).
    ///
    /// Only a type whose values are objects: serde's derive takes a unit enum variant from a
    /// one-member object (`{"S3": null}`), a flat object the schema refuses for an enum.
    ///
    /// [`EXACT_TYPED_PARSE`]: ValidateJson::EXACT_TYPED_PARSE
    /// [`EXPECTED`]: ValidateJson::EXPECTED
    /// [`typed_parse_is_exact`]: crate::json::typed_parse_is_exact
    /// [`from_slice`]: crate::json::from_slice
    /// [`union::parse_exact`]: crate::union::parse_exact
    fn parse_exact(bytes: &[u8]) -> Option<Result<Self, ValidationErrors>>
    where
        Self: Sized + DeserializeOwned + Validate,
    {
        if !Self::EXACT_TYPED_PARSE || Self::EXPECTED != "object" {
            return None;
        }
        // Only a flat object: `typed_parse` says so.
        let value = super::typed_parse::<Self>(bytes)?;
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
    ($($ty:ty => $expected:literal, $matches:expr $(, read: $read:expr)?;)*) => {$(
        impl ValidateJson for $ty {
            const EXPECTED: &'static str = $expected;
            const EXACT_TYPED_PARSE: bool = true;
            fn matches_type(value: &Value) -> bool {
                let matches: fn(&Value) -> bool = $matches;
                matches(value)
            }
            $(
                const READS_EXACTLY: bool = false;
                fn as_read(value: &Value) -> Cow<'_, Value> {
                    let read: fn(&Value) -> Cow<'_, Value> = $read;
                    read(value)
                }
            )?
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
    f64 => "number", Value::is_number, read: read_f64;
    f32 => "number", Value::is_number, read: read_f32;
    i8 => "integer (int8)", integer_in::<i8>;
    i16 => "integer (int16)", integer_in::<i16>;
    i32 => "integer (int32)", integer_in::<i32>;
    i64 => "integer (int64)", integer_in::<i64>;
    u8 => "integer (uint8)", integer_in::<u8>;
    u16 => "integer (uint16)", integer_in::<u16>;
    u32 => "integer (uint32)", integer_in::<u32>;
    u64 => "integer (uint64)", integer_in::<u64>;
}

/// A number as serde reads it into an `f64`: a JSON integer converted with `as` (serde_json
/// hands it over as an `i64` or `u64`), a fraction parsed to the nearest `f64` as the raw
/// parse already holds it.
fn read_f64(value: &Value) -> Cow<'_, Value> {
    let rounded = match value.as_number() {
        Some(n) if n.is_i64() => n.as_i64().map(|i| i as f64),
        Some(n) if n.is_u64() => n.as_u64().map(|u| u as f64),
        _ => None,
    };
    match rounded {
        // An integer the `f64` holds exactly reads as itself (the range rules read an integral
        // float as the integer).
        Some(f) if !float_holds(value, f) => Cow::Owned(Value::from(f)),
        _ => Cow::Borrowed(value),
    }
}

/// A number as serde reads it into an `f32` (`as f32` from the `i64`, `u64` or `f64` serde_json
/// hands over), then widened as the typed value's rules read it
/// ([`crate::rules::access::widen_f32`]).
pub(crate) fn read_f32(value: &Value) -> Cow<'_, Value> {
    let Some(n) = value.as_number() else {
        return Cow::Borrowed(value);
    };
    #[allow(clippy::cast_possible_truncation)]
    let narrowed = if let Some(i) = n.as_i64() {
        i as f32
    } else if let Some(u) = n.as_u64() {
        u as f32
    } else {
        n.as_f64().unwrap_or(f64::NAN) as f32
    };
    let widened = crate::rules::access::widen_f32(narrowed);
    // Beyond `f32`'s range the typed value is infinite, which no JSON value is: the number
    // stays as written (both paths then report it out of any finite range).
    if !widened.is_finite() || float_holds(value, widened) {
        Cow::Borrowed(value)
    } else {
        Cow::Owned(Value::from(widened))
    }
}

/// Whether the JSON number `value` is exactly the float `f`.
fn float_holds(value: &Value, f: f64) -> bool {
    let Some(n) = value.as_number() else {
        return true;
    };
    if let Some(i) = n.as_i64() {
        // `f` is integral here; beyond 2^63 it cannot equal an `i64`.
        #[allow(clippy::cast_possible_truncation)]
        return f.fract() == 0.0 && f.abs() < 9_223_372_036_854_775_808.0 && f as i64 == i;
    }
    if let Some(u) = n.as_u64() {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        return f.fract() == 0.0
            && (0.0..18_446_744_073_709_551_616.0).contains(&f)
            && f as u64 == u;
    }
    n.as_f64().is_some_and(|x| x.to_bits() == f.to_bits())
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
    const READS_EXACTLY: bool = V::READS_EXACTLY;
    fn as_read(value: &Value) -> Cow<'_, Value> {
        read_members::<V>(value)
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
    const READS_EXACTLY: bool = V::READS_EXACTLY;
    fn as_read(value: &Value) -> Cow<'_, Value> {
        read_members::<V>(value)
    }
}

/// An object whose members are read as `V`s ([`ValidateJson::as_read`]): a copy only when one
/// of them reads otherwise.
fn read_members<V: ValidateJson>(value: &Value) -> Cow<'_, Value> {
    let Some(members) = value.as_object() else {
        return Cow::Borrowed(value);
    };
    if members
        .values()
        .all(|member| is_borrowed(&V::as_read(member)))
    {
        return Cow::Borrowed(value);
    }
    let members = members
        .iter()
        .map(|(key, member)| (key.clone(), V::as_read(member).into_owned()))
        .collect();
    Cow::Owned(Value::Object(members))
}

#[allow(clippy::ptr_arg)] // Whether it is borrowed is the question.
fn is_borrowed(value: &Cow<'_, Value>) -> bool {
    matches!(value, Cow::Borrowed(_))
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
    const READS_EXACTLY: bool = T::READS_EXACTLY;
    fn as_read(value: &Value) -> Cow<'_, Value> {
        let Some(items) = value.as_array() else {
            return Cow::Borrowed(value);
        };
        if items.iter().all(|item| is_borrowed(&T::as_read(item))) {
            return Cow::Borrowed(value);
        }
        Cow::Owned(Value::Array(
            items
                .iter()
                .map(|item| T::as_read(item).into_owned())
                .collect(),
        ))
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
    const READS_EXACTLY: bool = T::READS_EXACTLY;
    fn as_read(value: &Value) -> Cow<'_, Value> {
        if value.is_null() {
            Cow::Borrowed(value)
        } else {
            T::as_read(value)
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
    const READS_EXACTLY: bool = T::READS_EXACTLY;
    fn as_read(value: &Value) -> Cow<'_, Value> {
        T::as_read(value)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::float_cmp)]

    use super::*;
    use serde_json::json;

    /// What serde reads into the float, as JSON (the value itself when it holds it exactly).
    fn read<T: ValidateJson>(value: &Value) -> (Value, bool) {
        let read = T::as_read(value);
        let borrowed = is_borrowed(&read);
        (read.into_owned(), borrowed)
    }

    #[test]
    fn a_type_reads_exactly_unless_it_holds_floats() {
        let exact = [
            <String as ValidateJson>::READS_EXACTLY,
            <Vec<Option<i64>> as ValidateJson>::READS_EXACTLY,
            <Value as ValidateJson>::READS_EXACTLY,
            <f64 as ValidateJson>::READS_EXACTLY,
            <Box<Option<f32>> as ValidateJson>::READS_EXACTLY,
            <std::collections::HashMap<String, Vec<f64>> as ValidateJson>::READS_EXACTLY,
        ];
        assert_eq!(exact, [true, true, true, false, false, false]);
    }

    #[test]
    fn a_float_reads_a_number_as_serde_does() {
        // 2^53 + 1 has no `f64`: serde reads 2^53.
        let (value, borrowed) = read::<f64>(&json!(9_007_199_254_740_993_u64));
        assert_eq!(value.as_f64(), Some(9_007_199_254_740_992.0));
        assert!(!borrowed);
        assert_eq!(
            serde_json::from_str::<f64>("9007199254740993").unwrap(),
            9_007_199_254_740_992.0
        );
        // Integers a float holds, and fractions, stay as they are.
        assert_eq!(
            read::<f64>(&json!(-9_007_199_254_740_992_i64)),
            (json!(-9_007_199_254_740_992_i64), true)
        );
        assert_eq!(read::<f64>(&json!(0.1)), (json!(0.1), true));
        assert_eq!(read::<f64>(&json!("0.1")), (json!("0.1"), true));
        // An `f32`: 0.10000000001 and 0.1 are one `f32`, read by its shortest form, 0.1.
        assert_eq!(read::<f32>(&json!(0.100_000_000_01)), (json!(0.1), false));
        assert_eq!(read::<f32>(&json!(0.1)), (json!(0.1), true));
        assert_eq!(
            read::<f32>(&json!(16_777_217)),
            (json!(16_777_216.0), false)
        );
        // Beyond `f32`'s range: no JSON value for infinity, the number stays.
        assert_eq!(read::<f32>(&json!(1e39)), (json!(1e39), true));
        // Containers read their items, copying only when one changes.
        assert_eq!(
            read::<Vec<f64>>(&json!([1, 9_007_199_254_740_993_u64])),
            (json!([1, 9_007_199_254_740_992.0]), false)
        );
        assert_eq!(read::<Vec<f64>>(&json!([1, 2.5])), (json!([1, 2.5]), true));
        assert_eq!(
            read::<std::collections::BTreeMap<String, Option<f32>>>(
                &json!({"a": null, "b": 16_777_217})
            ),
            (json!({"a": null, "b": 16_777_216.0}), false)
        );
        assert_eq!(
            read::<Box<i64>>(&json!(9_007_199_254_740_993_u64)),
            (json!(9_007_199_254_740_993_u64), true)
        );
    }
}
