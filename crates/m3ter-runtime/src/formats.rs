//! The checks of the named string formats. Which formats exist, their names and examples, is
//! the vocabulary's registry ([`Format`]); this module gives each its check, matching the
//! registry without a catch-all arm, so a new format does not compile until it has one.

pub use m3ter_vocab::Format;

use crate::error::FormatViolation;
use crate::rules::parse_iam_role_arn;

pub use crate::rules::bucket::{gcs_bucket_name, s3_bucket_name};

/// Checks `value` against `format`.
#[inline]
pub fn check(format: Format, value: &str) -> Result<(), FormatViolation> {
    match format {
        Format::AwsIamRoleArn => aws_iam_role_arn(value),
        Format::DateTime => date_time(value),
        Format::GcsBucketName => gcs_bucket_name(value),
        Format::S3BucketName => s3_bucket_name(value),
        Format::Uuid => uuid(value),
    }
}

/// `aws-iam-role-arn`: see [`parse_iam_role_arn`].
pub fn aws_iam_role_arn(value: &str) -> Result<(), FormatViolation> {
    parse_iam_role_arn(value).map(|_| ())
}

const DATE_TIME: FormatViolation = FormatViolation {
    part: "date_time",
    expected: "an RFC 3339 date-time such as 2023-11-07T05:31:56Z",
};

/// `date-time`: an RFC 3339 date-time with an offset (`2023-11-07T05:31:56Z`), exactly as RFC
/// 3339 section 5.6 writes it: four-digit year, two-digit fields, a real calendar day, `T` (or
/// `t`), an optional fraction, `Z` (or `z`) or `±hh:mm`. Second 60 only as a leap second, at
/// 23:59 UTC.
pub fn date_time(value: &str) -> Result<(), FormatViolation> {
    parse_date_time(value).map(|_| ()).ok_or(DATE_TIME)
}

/// The fields of an RFC 3339 date-time: `(year, month, day, hour, minute, second, offset in
/// minutes)`, or `None`.
fn parse_date_time(value: &str) -> Option<(u32, u32, u32, u32, u32, u32, i32)> {
    let b = value.as_bytes();
    if b.len() < 20 {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        b.get(range)?.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't') {
        return None;
    }
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let mut i = 19;
    if b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == b.len() && b[i + 3] == b':' => {
            let (h, m) = (digits(i + 1..i + 3)?, digits(i + 4..i + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i32::try_from(h * 60 + m).ok()?;
            if *sign == b'-' { -minutes } else { minutes }
        }
        _ => return None,
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day == 0 || day > days || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    if second == 60 {
        // A leap second is the last second of 23:59 UTC.
        let local = i32::try_from(hour * 60 + minute).ok()?;
        let utc = (local - offset).rem_euclid(24 * 60);
        if utc != 23 * 60 + 59 {
            return None;
        }
    }
    Some((year, month, day, hour, minute, second, offset))
}

/// `uuid`: the hyphenated form, `8-4-4-4-12` hexadecimal digits.
pub fn uuid(value: &str) -> Result<(), FormatViolation> {
    let b = value.as_bytes();
    let ok = b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        });
    if ok {
        Ok(())
    } else {
        Err(FormatViolation {
            part: "uuid",
            expected: "a hyphenated UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_accepts_its_example_and_refuses_its_counterexamples() {
        for format in Format::ALL {
            assert!(check(*format, format.valid_example()).is_ok(), "{format}");
            for bad in format.invalid_examples() {
                assert!(check(*format, bad).is_err(), "{format} accepts {bad:?}");
            }
        }
    }

    #[test]
    fn uuid_and_date_time() {
        assert!(uuid("67e55044-10b1-426f-9247-bb680e5fe0c8").is_ok());
        assert!(uuid("67E55044-10B1-426F-9247-BB680E5FE0C8").is_ok());
        assert!(uuid("67e5504410b1426f9247bb680e5fe0c8").is_err());
        assert!(uuid("not-a-uuid").is_err());
        assert!(date_time("2023-11-07T05:31:56Z").is_ok());
        assert!(date_time("2023-11-07t05:31:56.123z").is_ok());
        assert!(date_time("2023-11-07T05:31:56+05:30").is_ok());
        assert!(date_time("2024-02-29T05:31:56Z").is_ok());
        assert!(date_time("1998-12-31T23:59:60Z").is_ok());
        assert!(date_time("1998-12-31T15:59:60.123-08:00").is_ok());
        for bad in [
            "2023-11-07 05:31:56",
            "2023-11-07T05:31:56",
            "2023-02-29T05:31:56Z",
            "1998-12-31T23:59:61Z",
            "1998-12-31T22:59:60Z",
            "2023-11-07T05:31:56.Z",
            "2023-11-07T05:31:56+24:00",
            "2023-11-07T05:31:56+0530",
            "2023-11-07T24:00:00Z",
            "2023-13-07T05:31:56Z",
            "٢٠٢٣-11-07T05:31:56Z",
        ] {
            assert!(date_time(bad).is_err(), "{bad}");
        }
    }
}
