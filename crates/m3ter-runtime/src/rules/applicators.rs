//! The applicators that decide with nested schemas: `not` (and, as they are added, the others
//! of JSON Schema's applicator vocabulary).
//!
//! The derive runs a nested schema's checks into a scratch list of its own: a nested schema is
//! satisfied when that list stays empty. These rules decide from that verdict.

use crate::error::{ErrorKind, ValidationError};
use crate::path::Path;

/// Checks `not`: `satisfied` says whether the value satisfies the nested schema of `not`; if it
/// does, one error `not` at the value's pointer.
pub fn check_not(satisfied: bool, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
    if satisfied {
        push_not(path, errors);
    }
}

#[cold]
fn push_not(path: &Path<'_>, errors: &mut Vec<ValidationError>) {
    errors.push(ValidationError::new(path.to_pointer(), ErrorKind::Not));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn not_fails_exactly_when_the_nested_schema_is_satisfied() {
        let path = Path::Root.member("a~b/c", "/a~0b~1c");
        let mut errors = Vec::new();
        check_not(false, &path, &mut errors);
        assert!(errors.is_empty());
        check_not(true, &path, &mut errors);
        let got: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.path(), e.code())).collect();
        assert_eq!(got, vec![("/a~0b~1c", ErrorCode::Not)]);
        assert_eq!(
            errors[0].message(),
            "must not satisfy the schema of `not`, but does"
        );
        assert!(errors[0].params().is_empty());
    }
}
