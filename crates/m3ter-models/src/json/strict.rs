//! The strict profile: what the fragment cannot say as JSON Schema but the cloud will enforce,
//! stated in the fragment with `x-m3ter-strict` on a property and generated into
//! `Operation::strict_rules`.
//!
//! For the fragment, `bucketName` must follow the naming rules of the bucket's cloud: S3's when
//! `destinationType` is `S3` or absent (the source document describes `bucketName` as an S3
//! bucket), GCS's when it is `GCS`. Violations have code `format` with the format
//! `s3-bucket-name` or `gcs-bucket-name` and the rule in `part`.

use m3ter_vocab::Format;
use serde_json::Value;

use crate::error::{ErrorKind, ValidationError};
use crate::formats;

/// A rule of the strict profile: the format the string member `member` must have, chosen by
/// the value of the member `by`.
#[derive(Debug)]
pub struct Rule {
    /// The member checked, on the wire.
    pub member: &'static str,
    /// Its JSON Pointer in the document.
    pub pointer: &'static str,
    /// The member whose value chooses the format.
    pub by: &'static str,
    /// The format for each value of `by`.
    pub formats: &'static [(&'static str, Format)],
    /// The format when `by` is absent, if any.
    pub absent: Option<Format>,
}

/// Pushes the errors of `rules` on a request document. A document that is not an object, a
/// checked member that is not a string, or a `by` value outside the rule: the schema already
/// reports those.
pub fn check(document: &Value, rules: &[Rule], errors: &mut Vec<ValidationError>) {
    let Some(object) = document.as_object() else {
        return;
    };
    for rule in rules {
        let Some(value) = object.get(rule.member).and_then(Value::as_str) else {
            continue;
        };
        let format = match object.get(rule.by) {
            None => rule.absent,
            Some(by) => by.as_str().and_then(|by| {
                rule.formats
                    .iter()
                    .find(|(v, _)| *v == by)
                    .map(|(_, format)| *format)
            }),
        };
        let Some(format) = format else {
            continue;
        };
        if let Err(violation) = formats::check(format, value) {
            errors.push(ValidationError::new(
                rule.pointer,
                ErrorKind::Format {
                    format: format.name(),
                    violation,
                },
            ));
        }
    }
}
