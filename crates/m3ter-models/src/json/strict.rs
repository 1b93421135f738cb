//! The strict profile: what the fragment cannot say but the cloud will enforce.
//!
//! `bucketName` must follow the naming rules of the bucket's cloud: S3's when `destinationType`
//! is `S3` or absent (the source document describes `bucketName` as an S3 bucket), GCS's when it
//! is `GCS`. Violations have code `format` with the format `s3-bucket-name` or
//! `gcs-bucket-name` and the rule in `part`.

use m3ter_vocab::Format;
use serde_json::Value;

use crate::error::{ErrorKind, ValidationError};
use crate::formats;
use crate::path::Path;

/// Pushes the strict profile's errors of a request document.
pub fn check(document: &Value, errors: &mut Vec<ValidationError>) {
    let Some(object) = document.as_object() else {
        return;
    };
    let Some(bucket) = object.get("bucketName").and_then(Value::as_str) else {
        return;
    };
    let format = match object.get("destinationType") {
        None => Format::S3BucketName,
        Some(value) => match value.as_str() {
            Some("S3") => Format::S3BucketName,
            Some("GCS") => Format::GcsBucketName,
            // Not a known destination: the schema already reports it.
            _ => return,
        },
    };
    if let Err(violation) = formats::check(format, bucket) {
        let path = Path::Root;
        errors.push(ValidationError::new(
            path.member("bucketName", "/bucketName").to_pointer(),
            ErrorKind::Format {
                format: format.name(),
                violation,
            },
        ));
    }
}
