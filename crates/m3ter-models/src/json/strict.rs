//! The strict profile: what the spec cannot say as JSON Schema but the cloud will enforce,
//! stated with `x-m3ter-strict: {"format": …}` on a string property of a request schema and
//! generated into each request [`Body`](super::Body)'s rules, per union variant.
//!
//! For m3ter's request, `bucketName` must follow the naming rules of the bucket's cloud: S3's
//! in the S3 variant, GCS's in the GCS variant (the variant the document's `destinationType`
//! names, or the one the union assumes when it is absent). Violations have code `format` with
//! the format `s3-bucket-name` or `gcs-bucket-name` and the rule in `part`.

use m3ter_vocab::Format;
use serde_json::Value;

use crate::error::{ErrorKind, ValidationError};
use crate::formats;

/// A rule of the strict profile: the format the string member `member` must have.
#[derive(Debug)]
pub struct Rule {
    /// The member checked, on the wire.
    pub member: &'static str,
    /// Its JSON Pointer in the document.
    pub pointer: &'static str,
    /// The format it must have.
    pub format: Format,
}

/// Pushes the errors of `rules` on a request document. A document that is not an object, or a
/// checked member that is not a string: the schema already reports those.
pub fn check(document: &Value, rules: &[Rule], errors: &mut Vec<ValidationError>) {
    let Some(object) = document.as_object() else {
        return;
    };
    for rule in rules {
        let Some(value) = object.get(rule.member).and_then(Value::as_str) else {
            continue;
        };
        if let Err(violation) = formats::check(rule.format, value) {
            errors.push(ValidationError::new(
                rule.pointer,
                ErrorKind::Format {
                    format: rule.format.name(),
                    violation,
                },
            ));
        }
    }
}
