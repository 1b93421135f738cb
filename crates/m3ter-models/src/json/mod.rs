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
//!
//! // Or straight to a validated typed value:
//! let body = br#"{"name": "n", "code": "c", "bucketName": "acme-billing",
//!                 "iamRoleArn": "arn:aws:iam::922609978421:role/IAMRole636"}"#;
//! let request = json::from_slice::<m3ter_models::CreateExportDestinationRequest>(body).unwrap();
//! assert_eq!(request.bucket_name, "acme-billing");
//! ```

pub mod strict;

use serde_json::Value;

pub use m3ter_runtime::json::*;

use crate::error::ValidationErrors;
pub use crate::generated::Operation;
use crate::path::Path;

/// Which rules apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Profile {
    /// The fragment's rules.
    #[default]
    Default,
    /// The fragment's rules plus the cloud's bucket naming rules ([`strict`]).
    Strict,
}

/// Every error of a parsed request document for `operation` under `profile`.
pub fn validate_value(
    document: &Value,
    operation: Operation,
    profile: Profile,
) -> Result<(), ValidationErrors> {
    let mut errors = Vec::new();
    operation.validate_request_json(document, &Path::Root, &mut errors);
    if profile == Profile::Strict {
        strict::check(document, operation.strict_rules(), &mut errors);
    }
    ValidationErrors::check(errors)
}

/// Every error of a request document's text (a `syntax` error if it does not parse).
pub fn validate(
    bytes: &[u8],
    operation: Operation,
    profile: Profile,
) -> Result<(), ValidationErrors> {
    match profile {
        // The typed parse first; the raw walk only to explain a failure.
        Profile::Default => operation.validate_request_bytes(bytes),
        Profile::Strict => match parse_value(bytes) {
            Ok(document) => validate_value(&document, operation, profile),
            Err(error) => Err(error.into()),
        },
    }
}
