//! `contains` with `minContains` and `maxContains`: how many items satisfy a nested schema.
//!
//! The derive counts the items that satisfy `contains` (each item's checks collected apart, an
//! item that gets no error counts); this rule decides the count against the bounds.

use crate::error::{ErrorKind, ValidationError};
use crate::path::Path;

/// Checks `matched`, the number of items of an array that satisfy `contains`, against
/// `minContains` (`min`; absent, at least one item must) and `maxContains` (`max`). One error
/// at most: `contains` when no item satisfies it and `minContains` is absent, else
/// `minContains` or `maxContains`. `minContains: 0` makes the lower bound always hold.
pub fn check_contains(
    matched: u64,
    min: Option<u64>,
    max: Option<u64>,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    let kind = match (min, max) {
        (None, _) if matched == 0 => ErrorKind::Contains,
        (Some(min), _) if matched < min => ErrorKind::MinContains {
            min,
            actual: matched,
        },
        (_, Some(max)) if matched > max => ErrorKind::MaxContains {
            max,
            actual: matched,
        },
        _ => return,
    };
    errors.push(ValidationError::new(path.to_pointer(), kind));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn codes(matched: u64, min: Option<u64>, max: Option<u64>) -> Vec<(String, ErrorCode)> {
        let mut errors = Vec::new();
        check_contains(
            matched,
            min,
            max,
            &Path::Root.member("tags", "/tags"),
            &mut errors,
        );
        errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect()
    }

    #[test]
    fn without_min_contains_one_item_must_match() {
        assert_eq!(
            codes(0, None, None),
            vec![("/tags".to_owned(), ErrorCode::Contains)]
        );
        assert_eq!(codes(1, None, None), vec![]);
        assert_eq!(codes(7, None, None), vec![]);
    }

    #[test]
    fn min_contains_zero_always_passes_but_max_contains_still_bounds() {
        assert_eq!(codes(0, Some(0), None), vec![]);
        assert_eq!(codes(0, Some(0), Some(0)), vec![]);
        assert_eq!(
            codes(1, Some(0), Some(0)),
            vec![("/tags".to_owned(), ErrorCode::MaxContains)]
        );
    }

    #[test]
    fn the_bounds_are_inclusive_and_the_params_say_the_count() {
        assert_eq!(codes(2, Some(2), Some(3)), vec![]);
        assert_eq!(codes(3, Some(2), Some(3)), vec![]);
        let mut errors = Vec::new();
        check_contains(1, Some(2), Some(3), &Path::Root, &mut errors);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code(), ErrorCode::MinContains);
        assert_eq!(
            serde_json::Value::Object(errors[0].params()),
            serde_json::json!({"actual": 1, "min": 2})
        );
        errors.clear();
        check_contains(4, None, Some(3), &Path::Root, &mut errors);
        assert_eq!(errors[0].code(), ErrorCode::MaxContains);
        assert_eq!(
            serde_json::Value::Object(errors[0].params()),
            serde_json::json!({"actual": 4, "max": 3})
        );
        // Without `minContains`, `maxContains` alone still needs one match first.
        errors.clear();
        check_contains(0, None, Some(3), &Path::Root, &mut errors);
        assert_eq!(errors[0].code(), ErrorCode::Contains);
        assert_eq!(errors[0].params(), serde_json::Map::new());
    }
}
