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

/// Checks `anyOf`: `matched` of its `branches` schemas are satisfied by the value; none is
/// one error `anyOf` at the value's pointer, `params` `branches`.
pub fn check_any_of(
    matched: u64,
    branches: u64,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if matched == 0 {
        push_kind(ErrorKind::AnyOf { branches }, path, errors);
    }
}

/// Checks `oneOf`: `matched` of its `branches` schemas are satisfied by the value; anything
/// but one is one error `oneOf` at the value's pointer, `params` `branches` and `matched`.
pub fn check_one_of(
    matched: u64,
    branches: u64,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if matched != 1 {
        push_kind(ErrorKind::OneOf { branches, matched }, path, errors);
    }
}

#[cold]
fn push_kind(kind: ErrorKind, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
    errors.push(ValidationError::new(path.to_pointer(), kind));
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

    #[test]
    fn any_of_needs_one_branch_and_one_of_exactly_one() {
        let path = Path::Root.member("v", "/v");
        let run = |check: fn(u64, u64, &Path<'_>, &mut Vec<ValidationError>), matched| {
            let mut errors = Vec::new();
            check(matched, 3, &path, &mut errors);
            errors
                .iter()
                .map(|e| {
                    (
                        e.path().to_owned(),
                        e.code(),
                        serde_json::Value::Object(e.params()),
                        e.message(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert!(run(check_any_of, 1).is_empty() && run(check_any_of, 3).is_empty());
        assert_eq!(
            run(check_any_of, 0),
            vec![(
                "/v".to_owned(),
                ErrorCode::AnyOf,
                serde_json::json!({"branches": 3}),
                "must satisfy at least one of the 3 schemas of `anyOf`, but satisfies none"
                    .to_owned()
            )]
        );
        assert!(run(check_one_of, 1).is_empty());
        assert_eq!(
            run(check_one_of, 0),
            vec![(
                "/v".to_owned(),
                ErrorCode::OneOf,
                serde_json::json!({"branches": 3, "matched": 0}),
                "must satisfy exactly one of the 3 schemas of `oneOf`, but satisfies none"
                    .to_owned()
            )]
        );
        assert_eq!(
            run(check_one_of, 2)[0].3,
            "must satisfy exactly one of the 3 schemas of `oneOf`, but satisfies 2"
        );
    }
}
