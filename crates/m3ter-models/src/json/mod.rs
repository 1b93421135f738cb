//! Raw JSON validation: every error of a document in one pass, from the same generated code and
//! runtime rules as the typed validation.
//!
//! ```
//! use m3ter_models::json::{self, Operation, Profile};
//!
//! let body = br#"{"name": "", "code": "ok", "bucketName": "Acme", "iamRoleArn": null, "colour": 1}"#;
//! let errors = json::validate(body, Operation::Create, Profile::Strict).unwrap_err();
//! let found: Vec<_> = errors.iter().map(|e| (e.path(), e.code().as_str())).collect();
//! assert_eq!(found, [
//!     ("/name", "length"),
//!     ("/iamRoleArn", "type"),
//!     ("/colour", "unknown_field"),
//!     ("/bucketName", "format"),
//! ]);
//! // Without `destinationType`, every error names the variant the union assumed.
//! assert!(errors.iter().all(|e| e.params()["variant"] == "S3"));
//!
//! // Or straight to a validated typed value:
//! let body = br#"{"name": "n", "code": "c", "bucketName": "acme-billing",
//!                 "iamRoleArn": "arn:aws:iam::922609978421:role/IAMRole636"}"#;
//! let request = json::from_slice::<m3ter_models::CreateExportDestinationRequest>(body).unwrap();
//! // Without `destinationType`, the first variant that accepts it: S3.
//! assert!(matches!(&*request, m3ter_models::CreateExportDestinationRequest::S3(s3)
//!     if s3.bucket_name == "acme-billing"));
//! ```

pub mod strict;

use serde::de::DeserializeOwned;
use serde_json::Value;

pub use m3ter_runtime::json::*;

use crate::Validate;
use crate::error::{ErrorKind, ValidationError, ValidationErrors};
pub use crate::generated::Operation;
use crate::path::Path;

/// Which rules apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// The spec's rules.
    #[default]
    Default,
    /// The spec's rules plus the cloud's bucket naming rules ([`strict`]).
    Strict,
}

/// The checks of one JSON body type, for code that chooses the type at run time (the CLI,
/// [`validate`]): [`Operation::request_body`] and [`Operation::response_body`] give one.
#[derive(Clone, Copy, Debug)]
pub struct Body {
    /// The Rust type's name.
    pub type_name: &'static str,
    /// Its JSON shape and constraints ([`Describe::KIND`](crate::Describe::KIND)).
    pub kind: &'static crate::describe::Kind,
    /// [`from_slice`] into the type, the value dropped.
    pub from_slice: fn(&[u8]) -> Result<(), ValidationErrors>,
    /// The type's raw-JSON rules ([`ValidateJson::validate_json_at`]).
    pub validate_json: fn(&Value, &Path<'_>, &mut Vec<ValidationError>),
    /// The variant a union type takes `value` as ([`ValidateJson::variant`]); `None` for a
    /// type that is not a union.
    pub variant: fn(&Value) -> Option<&'static str>,
    /// A union type's discriminator ([`ValidateJson::UNION_DISCRIMINATOR`]); `None` for a type that
    /// is not a union.
    pub discriminator: Option<&'static str>,
    /// The strict profile's rules, per union variant tag (`""` for a type that is one struct).
    pub strict: &'static [(&'static str, &'static [strict::Rule])],
}

impl Body {
    /// Every error of a parsed document under `profile`.
    pub fn validate_value(
        &self,
        document: &Value,
        profile: Profile,
    ) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        (self.validate_json)(document, &Path::Root, &mut errors);
        if profile == Profile::Strict {
            self.strict_errors(document, &mut errors);
        }
        ValidationErrors::check(errors)
    }

    /// Every error of a document's text under `profile` (a `syntax` error if it does not
    /// parse).
    pub fn validate(&self, bytes: &[u8], profile: Profile) -> Result<(), ValidationErrors> {
        match profile {
            // The typed parse first; the raw walk only to explain a failure.
            Profile::Default => (self.from_slice)(bytes),
            Profile::Strict => match parse_value(bytes) {
                Ok(document) => self.validate_value(&document, profile),
                Err(error) => Err(error.into()),
            },
        }
    }

    /// Pushes the strict profile's errors of `document`: the rules of the variant it is taken
    /// as.
    /// When the document does not name its variant (the union assumed one), each error names
    /// it in `params.variant`, as the union's own errors do.
    pub fn strict_errors(&self, document: &Value, errors: &mut Vec<ValidationError>) {
        let tag = (self.variant)(document).unwrap_or("");
        let assumed = self
            .discriminator
            .is_some_and(|d| document.get(d).is_none());
        for (variant, rules) in self.strict {
            if *variant == tag {
                let start = errors.len();
                strict::check(document, rules, errors);
                if assumed {
                    for error in &mut errors[start..] {
                        *error = error.clone().under_variant(variant);
                    }
                }
            }
        }
    }
}

/// [`from_slice`] into `T`, the value dropped: a [`Body`]'s `from_slice`.
pub fn check_bytes<T>(bytes: &[u8]) -> Result<(), ValidationErrors>
where
    T: DeserializeOwned + Validate + ValidateJson,
{
    from_slice::<T>(bytes).map(|_| ())
}

/// The variant `T` takes `value` as: a [`Body`]'s `variant`.
pub fn variant_of<T: ValidateJson>(value: &Value) -> Option<&'static str> {
    T::variant(value)
}

/// The request body of `operation`, or the error a document gets for an operation that takes
/// none: one `type` error at the root.
fn request_body(operation: Operation) -> Result<Body, ValidationErrors> {
    operation.request_body().ok_or_else(|| {
        ValidationErrors::from(ValidationError::new(
            "",
            ErrorKind::Type {
                expected: "no request body",
                actual: "a document",
            },
        ))
    })
}

/// Every error of a parsed request document for `operation` under `profile`.
pub fn validate_value(
    document: &Value,
    operation: Operation,
    profile: Profile,
) -> Result<(), ValidationErrors> {
    request_body(operation)?.validate_value(document, profile)
}

/// Every error of a request document's text (a `syntax` error if it does not parse).
pub fn validate(
    bytes: &[u8],
    operation: Operation,
    profile: Profile,
) -> Result<(), ValidationErrors> {
    request_body(operation)?.validate(bytes, profile)
}
