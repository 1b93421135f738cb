//! Bucket naming rules the cloud enforces and the spec cannot say (the strict profile).
//!
//! S3 general-purpose buckets (AWS S3 user guide, *Bucket naming rules*) and Google Cloud
//! Storage buckets (*Bucket names*). Lengths are the spec's (`bucketName`: 3–63) and are
//! checked there, not here, except the length of a GCS name's dot-separated component. Each
//! violation names its rule in `part`; a name that breaks several rules gets the first one in
//! the order the function's documentation lists them.
//!
//! Both clouds reject more than their naming pages say today; each rule below that comes from
//! elsewhere says where it was seen enforced.

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

/// `s3-bucket-name`, its rules in this order, each named by its `part`:
///
/// 1. `characters`: lower-case letters, digits, `.` and `-` only;
/// 2. `start_end`: starts and ends with a letter or digit;
/// 3. `adjacent_periods`: no `..`;
/// 4. `label_start_end`: each dot-separated label starts and ends with a letter or digit, so
///    `my-.bucket` and `my.-bucket` are invalid;
/// 5. `ip_address`: not a dotted-decimal IPv4 address;
/// 6. `prefix`, 7. `suffix`: none of [`S3_FORBIDDEN_PREFIXES`] and [`S3_FORBIDDEN_SUFFIXES`].
///
/// Rules 1–3 and 5–7 are the current *Bucket naming rules* page
/// (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html>). Rule 4 is
/// the page's wording before its 2020 rewrite ("a series of one or more labels … Each label
/// must start and end with a lowercase letter or a number", awsdocs/amazon-s3-developer-guide
/// `BucketRestrictions.md`), which S3 still enforces: ceph/s3-tests
/// (`s3tests_boto3/functional/test_s3.py`, `test_bucket_create_naming_dns_dot_dash` and
/// `_dash_dot`) expects `400 InvalidBucketName` for `foo.-bar` and `foo-.bar` and notes that
/// they now fail on AWS too; minio-go's `s3utils.CheckValidBucketNameStrict` rejects `.-` and
/// `-.` and its tests (`pkg/s3utils/utils_test.go`) list `my.-bucket` and `my-.bucket` as
/// invalid. botocore checks less on the client (`botocore/handlers.py` `VALID_BUCKET`, the old
/// US Standard rule `^[a-zA-Z0-9.\-_]{1,255}$`) and leaves this one to the server.
///
/// ```
/// use m3ter_runtime::rules::bucket::s3_bucket_name;
/// assert!(s3_bucket_name("acme.billing-exports").is_ok());
/// assert_eq!(s3_bucket_name("my-.bucket").unwrap_err().part, "label_start_end");
/// ```
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
    if !name.split('.').all(starts_and_ends_alphanumeric) {
        return Err(rule(
            "label_start_end",
            "each dot-separated label starting and ending with a letter or digit (no `-.` or `.-`)",
        ));
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

/// The most characters a dot-separated component of a GCS bucket name may have.
pub const GCS_MAX_COMPONENT_LEN: usize = 63;

/// Whether `name` holds `google` or a close misspelling of it: `g[o0][o0]g[l1][e3]`, in any
/// case, anywhere (`goog1e`, `g00gle`, `G00GL3`).
pub fn contains_google_like(name: &str) -> bool {
    const CLASSES: [&[u8]; 6] = [b"g", b"o0", b"o0", b"g", b"l1", b"e3"];
    name.as_bytes().windows(CLASSES.len()).any(|window| {
        window
            .iter()
            .zip(CLASSES)
            .all(|(b, class)| class.contains(&b.to_ascii_lowercase()))
    })
}

/// `gcs-bucket-name`, its rules in this order, each named by its `part`:
///
/// 1. `characters`: lower-case letters, digits, `-`, `_` and `.` only;
/// 2. `start_end`: starts and ends with a letter or digit;
/// 3. `empty_component`: no empty dot-separated component (`a..b`);
/// 4. `component_length`: each dot-separated component at most 63 characters
///    ([`GCS_MAX_COMPONENT_LEN`]);
/// 5. `component_start_end`: each component starts and ends with a letter or digit
///    (`my-.bucket`, `my._x`);
/// 6. `ip_address`: not a dotted-decimal IPv4 address;
/// 7. `prefix`: not starting with `goog`;
/// 8. `google`: free of `google` and its close misspellings, `g[o0][o0]g[l1][e3]` in any case
///    anywhere ([`contains_google_like`]).
///
/// The total length (3–63, or up to 222 with dots) is the spec's `maxLength`, not checked
/// here. Sources: the *Bucket names* page
/// (<https://cloud.google.com/storage/docs/buckets#naming>, also
/// <https://cloud.google.com/storage/docs/naming-buckets>): the characters, start and end, "each
/// dot-separated component can be no longer than 63 characters", the IP address, the `goog`
/// prefix, and "cannot contain \"google\" or close misspellings, such as \"g00gle\"". Google's
/// own emulator, googleapis/storage-testbench, is what defines "close misspellings" here:
/// `gcs/bucket.py` rejects a name matching `g[0o][0o]g[1l][e3]`, a name starting with `goog`
/// and a component over 63 characters, and its `tests/test_bucket.py`
/// (`test_init_validates_names`) expects 400 for `hiding-g00gl3-is-not-valid` and
/// `("a" * 64) + ".part-too-long.com"`. An empty component cannot start and end with a letter or
/// digit. The component start and end (rule 5) is stricter than the page, which only
/// recommends avoiding `-.` and `.-`: a name with dots must be a domain its owner has verified,
/// and a host name's labels start and end with a letter or digit (RFC 1123, section 2.1).
///
/// ```
/// use m3ter_runtime::rules::bucket::gcs_bucket_name;
/// assert!(gcs_bucket_name("acme_billing.exports-1").is_ok());
/// assert_eq!(gcs_bucket_name("my-g00gle-x").unwrap_err().part, "google");
/// assert_eq!(gcs_bucket_name("a..b").unwrap_err().part, "empty_component");
/// ```
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
    if name.split('.').any(str::is_empty) {
        return Err(rule(
            "empty_component",
            "free of empty dot-separated components (`..`)",
        ));
    }
    if name.split('.').any(|c| c.len() > GCS_MAX_COMPONENT_LEN) {
        return Err(rule(
            "component_length",
            "each dot-separated component at most 63 characters",
        ));
    }
    if !name.split('.').all(starts_and_ends_alphanumeric) {
        return Err(rule(
            "component_start_end",
            "each dot-separated component starting and ending with a letter or digit",
        ));
    }
    if is_ipv4(name) {
        return Err(rule("ip_address", "not formatted as an IP address"));
    }
    if name.starts_with("goog") {
        return Err(rule("prefix", "not starting with `goog`"));
    }
    if contains_google_like(name) {
        return Err(rule(
            "google",
            "free of `google` and its close misspellings such as `g00gle` or `goog1e`",
        ));
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
    fn s3_labels_start_and_end_with_a_letter_or_digit() {
        assert_eq!(part(s3_bucket_name("my-.bucket")), "label_start_end");
        assert_eq!(part(s3_bucket_name("my.-bucket")), "label_start_end");
        assert_eq!(part(s3_bucket_name("foo-.bar")), "label_start_end");
        assert_eq!(part(s3_bucket_name("a.b.c-.d")), "label_start_end");
        assert_eq!(part(s3_bucket_name("a.b.-c.d")), "label_start_end");
        // A hyphen inside a label, a one-character label, digits: all fine.
        assert_eq!(part(s3_bucket_name("my-bucket.example-1.com")), "ok");
        assert_eq!(part(s3_bucket_name("a.b.c")), "ok");
        assert_eq!(part(s3_bucket_name("1.2-3.4")), "ok");
        // `..` keeps its own part.
        assert_eq!(part(s3_bucket_name("my..bucket")), "adjacent_periods");
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

    #[test]
    fn gcs_components() {
        assert_eq!(part(gcs_bucket_name("a..b")), "empty_component");
        assert_eq!(part(gcs_bucket_name("a.b..c.d")), "empty_component");
        let c63 = "c".repeat(63);
        let c64 = "c".repeat(64);
        assert_eq!(part(gcs_bucket_name(&format!("{c63}.example.com"))), "ok");
        assert_eq!(part(gcs_bucket_name(&format!("a.{c63}.b"))), "ok");
        assert_eq!(
            part(gcs_bucket_name(&format!("{c64}.example.com"))),
            "component_length"
        );
        assert_eq!(
            part(gcs_bucket_name(&format!("example.{c64}"))),
            "component_length"
        );
        // One component of 64 without dots: its length is the spec's 63, and the
        // component's own rule says so too.
        assert_eq!(part(gcs_bucket_name(&c64)), "component_length");
        assert_eq!(part(gcs_bucket_name(&c63)), "ok");
        assert_eq!(part(gcs_bucket_name("my-.bucket")), "component_start_end");
        assert_eq!(part(gcs_bucket_name("my.-bucket")), "component_start_end");
        assert_eq!(part(gcs_bucket_name("my._bucket")), "component_start_end");
        assert_eq!(part(gcs_bucket_name("my_.bucket")), "component_start_end");
        assert_eq!(part(gcs_bucket_name("my-bucket.example_1.com")), "ok");
    }

    #[test]
    fn gcs_google_and_its_misspellings() {
        for name in [
            "my-google-x",
            "my-g00gle-x",
            "my-go0gle-x",
            "my-g0ogle-x",
            "my-goog1e-bucket",
            "my-googl3-x",
            "hiding-g00gl3-is-not-valid",
            "xgoogle",
            "a.b.g00g1e",
        ] {
            assert_eq!(part(gcs_bucket_name(name)), "google", "{name}");
        }
        // A misspelling at the start is first the `goog` prefix, when it has one.
        assert_eq!(part(gcs_bucket_name("goog1e-bucket")), "prefix");
        assert_eq!(part(gcs_bucket_name("g00gle-bucket")), "google");
        // Upper case is refused by the alphabet first; the matcher itself ignores case.
        for name in ["GOOGLE", "Google", "gOoGlE", "G00GL3", "my-GOOG1E-x"] {
            assert_eq!(part(gcs_bucket_name(name)), "characters", "{name}");
            assert!(contains_google_like(name), "{name}");
        }
        // Near misses are fine.
        for name in ["gogle", "googe", "g-oogle", "goo.gle", "my-go-ogle"] {
            assert!(!contains_google_like(name), "{name}");
        }
        assert_eq!(part(gcs_bucket_name("my-gogle-x")), "ok");
        assert_eq!(part(gcs_bucket_name("goo.gle")), "ok");
        assert!(!contains_google_like(""));
        assert!(!contains_google_like("googl"));
    }

    /// The registry's invalid examples break every rule, each its own.
    #[test]
    fn the_registry_has_an_invalid_example_for_every_part() {
        use m3ter_vocab::Format;
        use std::collections::BTreeSet;
        type Check = fn(&str) -> Result<(), FormatViolation>;
        let cases: [(Format, Check, &[&str]); 2] = [
            (
                Format::S3BucketName,
                s3_bucket_name,
                &[
                    "characters",
                    "start_end",
                    "adjacent_periods",
                    "label_start_end",
                    "ip_address",
                    "prefix",
                    "suffix",
                ],
            ),
            (
                Format::GcsBucketName,
                gcs_bucket_name,
                &[
                    "characters",
                    "start_end",
                    "empty_component",
                    "component_length",
                    "component_start_end",
                    "ip_address",
                    "prefix",
                    "google",
                ],
            ),
        ];
        for (format, check, parts) in cases {
            assert_eq!(part(check(format.valid_example())), "ok", "{format}");
            let seen: BTreeSet<&str> = format
                .invalid_examples()
                .iter()
                .map(|bad| part(check(bad)))
                .collect();
            let expected: BTreeSet<&str> = parts.iter().copied().collect();
            assert_eq!(seen, expected, "{format}");
        }
    }
}
