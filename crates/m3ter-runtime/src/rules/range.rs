//! `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.

use std::cmp::Ordering;

use crate::error::{ErrorKind, RangeBound, ValidationError};
use crate::path::Path;

use super::access::NumberField;
use super::number::Number;

/// Checks one numeric bound of a number field (skipped when the field is absent). A NaN value
/// breaks every bound.
pub fn check_range<F: NumberField + ?Sized>(
    field: &F,
    bound: RangeBound,
    limit: Number,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let Some(actual) = field.number_value() else {
        return;
    };
    let ok = match (bound, actual.compare(limit)) {
        (_, None) => false,
        (RangeBound::Minimum, Some(order)) => order != Ordering::Less,
        (RangeBound::Maximum, Some(order)) => order != Ordering::Greater,
        (RangeBound::ExclusiveMinimum, Some(order)) => order == Ordering::Greater,
        (RangeBound::ExclusiveMaximum, Some(order)) => order == Ordering::Less,
    };
    if !ok {
        errors.push(ValidationError::new(
            path.to_pointer(),
            ErrorKind::Range {
                bound,
                limit,
                actual,
            },
        ));
    }
}
