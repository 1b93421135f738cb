//! The names of the string formats the core checks at run time, in the spelling of the OpenAPI
//! `format` keyword. This file is also read by the generator (`xtask`, through `#[path]`), which
//! must not depend on the crate it generates.

/// Every named format `m3ter_models::formats` knows.
pub const NAMES: &[&str] = &[
    "aws-iam-role-arn",
    "date-time",
    "gcs-bucket-name",
    "s3-bucket-name",
    "uuid",
];
