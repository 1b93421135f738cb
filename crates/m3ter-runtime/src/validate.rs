//! The validation trait and the proof type [`Valid`].

use std::ops::Deref;

use crate::error::{ValidationError, ValidationErrors};
use crate::path::Path;

/// A value that checks itself against its constraints, reporting every error at once.
///
/// Implemented by `#[derive(Validate)]`; the generated models implement it, and so can a user's
/// own types with the same attributes.
pub trait Validate {
    /// Pushes every error of `self`, located under `path`, onto `errors`.
    fn validate_at(&self, path: &Path<'_>, errors: &mut Vec<ValidationError>);

    /// Every error of `self`, or `Ok(())`.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        self.validate_at(&Path::Root, &mut errors);
        ValidationErrors::check(errors)
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_at(&self, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        (**self).validate_at(path, errors);
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        (**self).validate_at(path, errors);
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        if let Some(value) = self {
            value.validate_at(path, errors);
        }
    }
}

impl<T: Validate> Validate for [T] {
    fn validate_at(&self, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        for (index, item) in self.iter().enumerate() {
            item.validate_at(&path.index(index), errors);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
        self.as_slice().validate_at(path, errors);
    }
}

/// A value that has passed validation. The only ways to get one validate first, so an API that
/// takes `Valid<T>` cannot be handed an unchecked request.
///
/// ```
/// use m3ter_runtime::path::Path;
/// use m3ter_runtime::{Valid, Validate, ValidationError};
///
/// // What `#[derive(Validate)]` writes, by hand.
/// struct Bucket(String);
/// impl Validate for Bucket {
///     fn validate_at(&self, path: &Path<'_>, errors: &mut Vec<ValidationError>) {
///         m3ter_runtime::rules::check_length(&self.0, Some(3), Some(63), path, errors);
///     }
/// }
///
/// let valid: Valid<Bucket> = Valid::new(Bucket("acme-billing-exports".into())).unwrap();
/// assert_eq!(valid.0, "acme-billing-exports");
/// assert!(Valid::new(Bucket("ab".into())).is_err());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Valid<T>(T);

impl<T: Validate> Valid<T> {
    /// Validates `value`: the proof, or every error.
    pub fn new(value: T) -> Result<Self, ValidationErrors> {
        value.validate()?;
        Ok(Valid(value))
    }
}

impl<T> Valid<T> {
    /// A value whose validation has already passed (by a route proven to give the same
    /// verdict, as [`crate::json::from_slice`]'s typed parse does).
    pub(crate) fn checked(value: T) -> Self {
        Valid(value)
    }

    /// The validated value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> AsRef<T> for Valid<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<T: serde::Serialize> serde::Serialize for Valid<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: serde::Deserialize<'de> + Validate> serde::Deserialize<'de> for Valid<T> {
    /// Deserializes, then validates; the validation errors become one deserialization error.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = T::deserialize(deserializer)?;
        Valid::new(value).map_err(serde::de::Error::custom)
    }
}
