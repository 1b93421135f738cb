//! Presence rules: a member that must not be present (e.g. `version` on create).

use crate::error::{ErrorKind, ValidationError};
use crate::path::Path;

/// Reports `forbidden` when an optional field is present. `context` names when the member is
/// forbidden (e.g. `create`).
pub fn check_forbidden<T>(
    field: &Option<T>,
    context: Option<&'static str>,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    if field.is_some() {
        errors.push(ValidationError::new(
            path.to_pointer(),
            ErrorKind::Forbidden { context },
        ));
    }
}
