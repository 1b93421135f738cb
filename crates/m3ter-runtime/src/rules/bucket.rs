//! Bucket naming rules the cloud enforces and the fragment cannot say (the strict profile).
//!
//! S3 general-purpose buckets (AWS S3 user guide, *Bucket naming rules*) and Google Cloud
//! Storage buckets (*Bucket names*). Lengths are the fragment's (`bucketName`: 3–63) and are
//! checked there, not here. Each violation names its rule in `part`.

use crate::error::FormatViolation;

const fn rule(part: &'static str, expected: &'static str) -> FormatViolation {
    FormatViolation { part, expected }
}

fn starts_and_ends_alphanumeric(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
}

/// Whether `name` is a dotted-decimal IPv4 address such as `192.168.5.4`.
fn is_ipv4(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u16>().is_ok_and(|n| n <= 255)
        })
}

/// Prefixes S3 reserves.
pub const S3_FORBIDDEN_PREFIXES: &[&str] = &["xn--", "sthree-", "amzn-s3-demo-"];
/// Suffixes S3 reserves.
pub const S3_FORBIDDEN_SUFFIXES: &[&str] =
    &["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

/// `s3-bucket-name`: lower-case letters, digits, `.` and `-`; starts and ends with a letter or
/// digit; no `..`; not an IPv4 address; none of the reserved prefixes and suffixes.
pub fn s3_bucket_name(name: &str) -> Result<(), FormatViolation> {
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        return Err(rule(
            "characters",
            "only lower-case letters, digits, `.` and `-`",
        ));
    }
    if !starts_and_ends_alphanumeric(name) {
        return Err(rule(
            "start_end",
            "starting and ending with a letter or digit",
        ));
    }
    if name.contains("..") {
        return Err(rule("adjacent_periods", "free of two adjacent periods"));
    }
    if is_ipv4(name) {
        return Err(rule("ip_address", "not formatted as an IP address"));
    }
    if S3_FORBIDDEN_PREFIXES.iter().any(|p| name.starts_with(p)) {
        return Err(rule(
            "prefix",
            "not starting with `xn--`, `sthree-` or `amzn-s3-demo-`",
        ));
    }
    if S3_FORBIDDEN_SUFFIXES.iter().any(|s| name.ends_with(s)) {
        return Err(rule(
            "suffix",
            "not ending with `-s3alias`, `--ol-s3`, `.mrap`, `--x-s3` or `--table-s3`",
        ));
    }
    Ok(())
}

/// `gcs-bucket-name`: lower-case letters, digits, `-`, `_` and `.`; starts and ends with a
/// letter or digit; not an IPv4 address; no `goog` prefix; no `google` inside. ("Close
/// misspellings" of google are not defined anywhere, so they are not checked.)
pub fn gcs_bucket_name(name: &str) -> Result<(), FormatViolation> {
    if !name
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.'))
    {
        return Err(rule(
            "characters",
            "only lower-case letters, digits, `-`, `_` and `.`",
        ));
    }
    if !starts_and_ends_alphanumeric(name) {
        return Err(rule(
            "start_end",
            "starting and ending with a letter or digit",
        ));
    }
    if is_ipv4(name) {
        return Err(rule("ip_address", "not formatted as an IP address"));
    }
    if name.starts_with("goog") {
        return Err(rule("prefix", "not starting with `goog`"));
    }
    if name.contains("google") {
        return Err(rule("google", "free of `google`"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(result: Result<(), FormatViolation>) -> &'static str {
        result.err().map_or("ok", |v| v.part)
    }

    #[test]
    fn s3() {
        assert_eq!(part(s3_bucket_name("acme-billing-exports")), "ok");
        assert_eq!(part(s3_bucket_name("a.b-c1")), "ok");
        assert_eq!(part(s3_bucket_name("Acme")), "characters");
        assert_eq!(part(s3_bucket_name("acme_x")), "characters");
        assert_eq!(part(s3_bucket_name("-acme")), "start_end");
        assert_eq!(part(s3_bucket_name("acme.")), "start_end");
        assert_eq!(part(s3_bucket_name("a..b")), "adjacent_periods");
        assert_eq!(part(s3_bucket_name("192.168.5.4")), "ip_address");
        assert_eq!(part(s3_bucket_name("192.168.5.400")), "ok");
        assert_eq!(part(s3_bucket_name("xn--abc")), "prefix");
        assert_eq!(part(s3_bucket_name("sthree-abc")), "prefix");
        assert_eq!(part(s3_bucket_name("amzn-s3-demo-bucket")), "prefix");
        for suffix in S3_FORBIDDEN_SUFFIXES {
            assert_eq!(
                part(s3_bucket_name(&format!("abc{suffix}"))),
                "suffix",
                "{suffix}"
            );
        }
    }

    #[test]
    fn gcs() {
        assert_eq!(part(gcs_bucket_name("acme_billing.exports-1")), "ok");
        assert_eq!(part(gcs_bucket_name("Acme")), "characters");
        assert_eq!(part(gcs_bucket_name("_acme")), "start_end");
        assert_eq!(part(gcs_bucket_name("10.0.0.1")), "ip_address");
        assert_eq!(part(gcs_bucket_name("google-exports")), "prefix");
        assert_eq!(part(gcs_bucket_name("goog-exports")), "prefix");
        assert_eq!(part(gcs_bucket_name("my-google-exports")), "google");
    }
}
