//! The errors only raw JSON can have: a wrong JSON type, a missing or unknown member, a value
//! outside an enum. Called by the `ValidateJson` code the derive expands.

use serde_json::Value;

use m3ter_vocab::{JsonType, Types};

use super::access::JsonField;

use crate::error::{ErrorKind, ValidationError};
use crate::path::Path;

/// The JSON type of `value`, as error parameters name it.
pub fn json_type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Reports that `value` is not of the `expected` JSON type.
pub fn push_type_error(
    value: &Value,
    expected: &'static str,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let mut actual = json_type_name(value);
    if expected.starts_with("integer") && is_integral_beyond_i64(value, actual) {
        actual = "integer out of range";
    }
    errors.push(ValidationError::new(
        path.to_pointer(),
        ErrorKind::Type { expected, actual },
    ));
}

/// Whether `value` is a whole number that no 64-bit integer member takes: an integer that
/// serde_json read as one (so only a `u64` above `i64::MAX` reaches here), or one it read as a
/// float because it is beyond `u64` or below `i64::MIN` (`99999999999999999999`, `1e300`).
fn is_integral_beyond_i64(value: &Value, name: &str) -> bool {
    const TWO_TO_63: f64 = 9_223_372_036_854_775_808.0;
    match value {
        Value::Number(_) if name == "integer" => true,
        Value::Number(n) => n
            .as_f64()
            .is_some_and(|f| f.is_finite() && f.fract() == 0.0 && f.abs() >= TWO_TO_63),
        _ => false,
    }
}

/// Reports that the member at `path` is missing.
pub fn push_required(path: &Path<'_>, errors: &mut Vec<ValidationError>) {
    errors.push(ValidationError::new(path.to_pointer(), ErrorKind::Required));
}

/// Reports that the object at `path` has the member `key`, which it does not allow.
pub fn push_unknown_field(key: &str, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
    errors.push(ValidationError::new(
        path.key(key).to_pointer(),
        ErrorKind::UnknownField,
    ));
}

/// Reports that the member at `path` is present where it is forbidden.
pub fn push_forbidden(
    context: Option<&'static str>,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    errors.push(ValidationError::new(
        path.to_pointer(),
        ErrorKind::Forbidden { context },
    ));
}

/// Reports that the string at `path` is not one of `allowed`.
pub fn push_enum_error(
    allowed: &'static [&'static str],
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    errors.push(ValidationError::new(
        path.to_pointer(),
        ErrorKind::Enum { allowed },
    ));
}

/// The JSON type of `value` as JSON Schema's `type` keyword sees it: a number without a
/// fractional part is an `integer` (`1.0` and `1e300` too), any other number a `number`.
pub fn json_schema_type(value: &Value) -> JsonType {
    match value {
        Value::Null => JsonType::Null,
        Value::Bool(_) => JsonType::Boolean,
        Value::Number(n) => {
            let integral = n.is_i64()
                || n.is_u64()
                || n.as_f64()
                    .is_some_and(|f| f.is_finite() && f.fract() == 0.0);
            if integral {
                JsonType::Integer
            } else {
                JsonType::Number
            }
        }
        Value::String(_) => JsonType::String,
        Value::Array(_) => JsonType::Array,
        Value::Object(_) => JsonType::Object,
    }
}

/// The `type` keyword: reports a `type` error, expecting `expected` (the set in words,
/// [`Types::expected`], written by the derive), when the field's value is of none of `allowed`
/// (skipped when the field is absent).
#[inline]
pub fn check_type<F: JsonField + ?Sized>(
    field: &F,
    allowed: Types,
    expected: &'static str,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(value) = field.json_value() else {
        return;
    };
    if !allowed.accepts(json_schema_type(value)) {
        push_type_keyword_error(value, expected, path, errors);
    }
}

#[cold]
#[inline(never)]
fn push_type_keyword_error(
    value: &Value,
    expected: &'static str,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    errors.push(ValidationError::new(
        path.to_pointer(),
        ErrorKind::Type {
            expected,
            actual: json_schema_type(value).name(),
        },
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_without_a_fraction_is_an_integer_as_json_schema_says() {
        let ty = |text: &str| {
            serde_json::from_str::<Value>(text)
                .ok()
                .map(|v| json_schema_type(&v))
        };
        assert_eq!(ty("1"), Some(JsonType::Integer));
        assert_eq!(ty("1.0"), Some(JsonType::Integer));
        assert_eq!(ty("-0"), Some(JsonType::Integer));
        assert_eq!(ty("1e300"), Some(JsonType::Integer));
        assert_eq!(ty("18446744073709551616"), Some(JsonType::Integer));
        assert_eq!(ty("1.5"), Some(JsonType::Number));
        assert_eq!(ty("null"), Some(JsonType::Null));
        assert_eq!(ty("[]"), Some(JsonType::Array));
    }

    #[test]
    fn check_type_reports_the_allowed_types_and_skips_an_absent_field() {
        let allowed = Types::of(JsonType::String).or(Types::of(JsonType::Integer));
        let mut errors = Vec::new();
        let value = serde_json::json!(2.5);
        check_type(
            &value,
            allowed,
            "integer or string",
            &Path::Root,
            &mut errors,
        );
        check_type(
            &serde_json::json!(2.0),
            allowed,
            "integer or string",
            &Path::Root,
            &mut errors,
        );
        check_type(
            &None::<Value>,
            allowed,
            "integer or string",
            &Path::Root,
            &mut errors,
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].kind(),
            &ErrorKind::Type {
                expected: "integer or string",
                actual: "number"
            }
        );
    }
}
