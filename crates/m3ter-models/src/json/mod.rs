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

mod locate;
mod parse;
pub mod strict;
mod validate_json;

use serde::de::DeserializeOwned;
use serde_json::Value;

pub use self::locate::{Location, locate};
pub use self::parse::{parse_value, syntax_error};
pub use self::validate_json::ValidateJson;
use crate::error::ValidationErrors;
pub use crate::generated::Operation;
use crate::path::Path;
use crate::validate::{Valid, Validate};

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
        strict::check(document, &mut errors);
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

/// JSON text to a validated typed value, or every error (each with its JSON Pointer; a syntax
/// error carries its line and column).
///
/// For a type whose typed parse is proven exact ([`ValidateJson::EXACT_TYPED_PARSE`]), a
/// document that is one flat object (see [`typed_parse_is_exact`]) costs one typed parse and
/// the typed validation, whose errors are then every error: the typed value has the right JSON
/// types and members, so what is left are the constraint errors, from the same rules the walk
/// would apply. Any other document, and any document the typed parse rejects, is walked raw
/// first, so that nothing the schema forbids gets in through a form serde also accepts.
pub fn from_slice<T>(bytes: &[u8]) -> Result<Valid<T>, ValidationErrors>
where
    T: DeserializeOwned + Validate + ValidateJson,
{
    if T::EXACT_TYPED_PARSE
        && typed_parse_is_exact(bytes)
        && let Ok(value) = serde_json::from_slice::<T>(bytes)
    {
        return Valid::new(value);
    }
    let document = parse_value(bytes).map_err(ValidationErrors::from)?;
    let mut errors = Vec::new();
    T::validate_json_at(&document, &Path::Root, &mut errors);
    ValidationErrors::check(errors)?;
    // The raw document is valid: the typed value now follows from it.
    match serde_json::from_value::<T>(document) {
        Ok(value) => Valid::new(value),
        Err(error) => Err(syntax_error(&error).into()),
    }
}

/// Whether serde's typed parse accepts exactly what the schema accepts for `bytes`: true for a
/// document that is one object with no `{` or `[` past its opening brace. serde's derived
/// `Deserialize` also takes a struct from a JSON array of its fields and a unit enum variant
/// from a one-member object (`{"S3": null}`), forms the schema does not allow; neither can
/// occur in such a document. (A brace inside a string only costs the faster path.) The search
/// is `memchr2`'s vectorised scan: a byte-by-byte loop here cost a third of the typed parse.
pub fn typed_parse_is_exact(bytes: &[u8]) -> bool {
    match bytes.iter().position(|b| !b.is_ascii_whitespace()) {
        Some(start) if bytes[start] == b'{' => {
            memchr::memchr2(b'{', b'[', &bytes[start + 1..]).is_none()
        }
        _ => false,
    }
}

/// [`from_slice`] for text.
pub fn from_str<T>(text: &str) -> Result<Valid<T>, ValidationErrors>
where
    T: DeserializeOwned + Validate + ValidateJson,
{
    from_slice(text.as_bytes())
}
