//! Bridges to the ecosystem: `validator::Validate` (feature `validator`).

#[cfg(feature = "validator")]
pub use self::validator_bridge::to_validator_errors;

#[cfg(feature = "validator")]
mod validator_bridge {
    use std::borrow::Cow;

    use validator::{ValidationError as VError, ValidationErrors as VErrors, ValidationErrorsKind};

    use crate::error::ValidationErrors;

    /// Converts our errors to `validator`'s: each error is filed under the first segment of its
    /// path (the top-level wire name, or `__all__` for the whole document), with our code, our
    /// message, our parameters and the full JSON Pointer as the parameter `path`.
    pub fn to_validator_errors(errors: &ValidationErrors) -> VErrors {
        let mut out = VErrors::new();
        for error in errors {
            let field = top_level_field(error.path());
            let mut converted = VError::new(error.code().as_str());
            converted.message = Some(Cow::Owned(error.message()));
            for (name, value) in error.params() {
                converted.params.insert(Cow::Owned(name), value);
            }
            converted
                .params
                .insert(Cow::Borrowed("path"), error.path().into());
            let entry = out
                .errors_mut()
                .entry(Cow::Owned(field))
                .or_insert_with(|| ValidationErrorsKind::Field(Vec::new()));
            if let ValidationErrorsKind::Field(list) = entry {
                list.push(converted);
            }
        }
        out
    }

    fn top_level_field(pointer: &str) -> String {
        let Some(rest) = pointer.strip_prefix('/') else {
            return "__all__".to_owned();
        };
        let segment = rest.split('/').next().unwrap_or_default();
        segment.replace("~1", "/").replace("~0", "~")
    }
}
