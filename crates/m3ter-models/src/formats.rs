//! The named string formats the core knows. `#[spec(format = "date-time")]` calls the function
//! of the same name in snake case (`formats::date_time`), so an unknown name is a compile error.

use crate::error::FormatViolation;
use crate::rules::parse_iam_role_arn;

pub use crate::rules::bucket::{gcs_bucket_name, s3_bucket_name};

/// A format check: `Ok` or what is wrong.
pub type FormatCheck = fn(&str) -> Result<(), FormatViolation>;

pub use crate::format_names::NAMES;

/// The check for a format name, `None` for a name this crate does not know.
pub fn lookup(name: &str) -> Option<FormatCheck> {
    match name {
        "aws-iam-role-arn" => Some(aws_iam_role_arn),
        "date-time" => Some(date_time),
        "gcs-bucket-name" => Some(gcs_bucket_name),
        "s3-bucket-name" => Some(s3_bucket_name),
        "uuid" => Some(uuid),
        _ => None,
    }
}

/// `aws-iam-role-arn`: see [`parse_iam_role_arn`].
pub fn aws_iam_role_arn(value: &str) -> Result<(), FormatViolation> {
    parse_iam_role_arn(value).map(|_| ())
}

/// `date-time`: an RFC 3339 date-time with an offset (`2023-11-07T05:31:56Z`).
pub fn date_time(value: &str) -> Result<(), FormatViolation> {
    chrono::DateTime::parse_from_rfc3339(value)
        .map(|_| ())
        .map_err(|_| FormatViolation {
            part: "date_time",
            expected: "an RFC 3339 date-time such as 2023-11-07T05:31:56Z",
        })
}

/// `uuid`: the hyphenated form, `8-4-4-4-12` hexadecimal digits.
pub fn uuid(value: &str) -> Result<(), FormatViolation> {
    let hyphenated = value.len() == 36;
    match uuid::Uuid::try_parse(value) {
        Ok(_) if hyphenated => Ok(()),
        _ => Err(FormatViolation {
            part: "uuid",
            expected: "a hyphenated UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_resolves() {
        for name in NAMES {
            assert!(lookup(name).is_some(), "{name}");
        }
        assert!(lookup("email").is_none());
    }

    #[test]
    fn uuid_and_date_time() {
        assert!(uuid("67e55044-10b1-426f-9247-bb680e5fe0c8").is_ok());
        assert!(uuid("67e5504410b1426f9247bb680e5fe0c8").is_err());
        assert!(uuid("not-a-uuid").is_err());
        assert!(date_time("2023-11-07T05:31:56Z").is_ok());
        assert!(date_time("2023-11-07 05:31:56").is_err());
    }
}
