//! The errors only raw JSON can have: a wrong JSON type, a missing or unknown member, a value
//! outside an enum. Called by the `ValidateJson` code the derive expands.

use serde_json::Value;

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
    if actual == "integer" && expected.starts_with("integer") {
        actual = "integer out of range";
    }
    errors.push(ValidationError::new(
        path.to_pointer(),
        ErrorKind::Type { expected, actual },
    ));
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
