//! `minLength`/`maxLength` in Unicode code points, and `minItems`/`maxItems`.

use crate::error::{ErrorKind, LengthUnit, ValidationError};
use crate::path::Path;

use super::access::{ItemsField, StrField};

/// Whether `s` has between `min` and `max` code points (inclusive); `Err(count)` otherwise.
///
/// Decides from the byte length alone when it settles the question: a UTF-8 string of `b` bytes
/// has between `ceil(b / 4)` and `b` code points.
#[inline]
pub fn count_chars_within(s: &str, min: Option<u64>, max: Option<u64>) -> Result<(), u64> {
    let bytes = s.len() as u64;
    let fewest = bytes.div_ceil(4);
    let min_ok_without_counting = min.is_none_or(|min| fewest >= min);
    let max_ok_without_counting = max.is_none_or(|max| bytes <= max);
    if min_ok_without_counting && max_ok_without_counting {
        return Ok(());
    }
    let count = s.chars().count() as u64;
    if min.is_some_and(|min| count < min) || max.is_some_and(|max| count > max) {
        Err(count)
    } else {
        Ok(())
    }
}

/// Checks the length in code points of a string field (skipped when the field is absent).
#[inline]
pub fn check_length<F: StrField + ?Sized>(
    field: &F,
    min: Option<u64>,
    max: Option<u64>,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(value) = field.str_value() else {
        return;
    };
    if let Err(actual) = count_chars_within(value, min, max) {
        push_length_error(LengthUnit::Characters, (min, max), actual, path, errors);
    }
}

#[cold]
#[inline(never)]
fn push_length_error(
    unit: LengthUnit,
    (min, max): (Option<u64>, Option<u64>),
    actual: u64,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    errors.push(ValidationError::new(
        path.to_pointer(),
        ErrorKind::Length {
            unit,
            min,
            max,
            actual,
        },
    ));
}

/// Checks the item count of a list field (skipped when the field is absent).
#[inline]
pub fn check_items<F: ItemsField + ?Sized>(
    field: &F,
    min: Option<u64>,
    max: Option<u64>,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(items) = field.items() else { return };
    let actual = items.len() as u64;
    if min.is_some_and(|min| actual < min) || max.is_some_and(|max| actual > max) {
        push_length_error(LengthUnit::Items, (min, max), actual, path, errors);
    }
}
