//! The checks of the named string formats. Which formats exist, their names and examples, is
//! the vocabulary's registry ([`Format`]); this module gives each its check, matching the
//! registry without a catch-all arm, so a new format does not compile until it has one.

pub use m3ter_vocab::Format;

use crate::error::FormatViolation;
use crate::rules::{calendar, parse_iam_role_arn};

pub use crate::rules::bucket::{gcs_bucket_name, s3_bucket_name};
pub use crate::rules::internet::{email, hostname, ipv4, ipv6};
pub use crate::rules::uri::{uri, uri_reference};

/// Checks `value` against `format`.
#[inline]
pub fn check(format: Format, value: &str) -> Result<(), FormatViolation> {
    match format {
        Format::AwsIamRoleArn => aws_iam_role_arn(value),
        Format::Date => date(value),
        Format::DateTime => date_time(value),
        Format::Duration => duration(value),
        Format::Email => email(value),
        Format::GcsBucketName => gcs_bucket_name(value),
        Format::Hostname => hostname(value),
        Format::Ipv4 => ipv4(value),
        Format::Ipv6 => ipv6(value),
        Format::Regex => regex(value),
        Format::S3BucketName => s3_bucket_name(value),
        Format::Time => time(value),
        Format::Uri => uri(value),
        Format::UriReference => uri_reference(value),
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
    let (year, month, day) = calendar::full_date(b)?;
    if !matches!(b.get(10), Some(b'T' | b't')) {
        return None;
    }
    let (hour, minute, second, offset) = calendar::full_time(&b[11..])?;
    Some((year, month, day, hour, minute, second, offset))
}

/// `date`: an RFC 3339 `full-date` (`2023-11-07`), all of the value: four-digit year, `-`,
/// two-digit month, `-`, two-digit day of a real calendar (29 February in leap years only).
pub fn date(value: &str) -> Result<(), FormatViolation> {
    let b = value.as_bytes();
    match calendar::full_date(b) {
        Some(_) if b.len() == 10 => Ok(()),
        _ => Err(FormatViolation {
            part: "date",
            expected: "an RFC 3339 full-date such as 2023-11-07",
        }),
    }
}

/// `time`: an RFC 3339 `full-time` (`05:31:56Z`, `05:31:56.5+05:30`), as
/// [`calendar::full_time`] reads it; second 60 only as a leap second, at 23:59 UTC.
pub fn time(value: &str) -> Result<(), FormatViolation> {
    calendar::full_time(value.as_bytes())
        .map(|_| ())
        .ok_or(FormatViolation {
            part: "time",
            expected: "an RFC 3339 full-time with an offset such as 05:31:56Z",
        })
}

/// `duration`: an RFC 3339 Appendix A duration (`P1Y2M3DT4H5M6S`, `PT36H`, `P2W`), as
/// [`calendar::duration`] reads it.
pub fn duration(value: &str) -> Result<(), FormatViolation> {
    if calendar::duration(value.as_bytes()) {
        Ok(())
    } else {
        Err(FormatViolation {
            part: "duration",
            expected: "an RFC 3339 duration such as P1Y2M3DT4H5M6S: years, months, days, then T \
                       and hours, minutes, seconds, in whole numbers, or weeks alone",
        })
    }
}

/// `regex`: an ECMA-262 regular expression (unicode mode, no flags), as
/// [`m3ter_vocab::pattern::validate`] reads it. A backreference or a lookaround is valid here,
/// though a `pattern` keyword cannot use one (it has no linear-time equivalent).
pub fn regex(value: &str) -> Result<(), FormatViolation> {
    match m3ter_vocab::pattern::validate(value) {
        Ok(_) => Ok(()),
        Err(_) => Err(FormatViolation {
            part: "regex",
            expected: "an ECMA-262 regular expression (unicode mode) such as ^[a-z]+$",
        }),
    }
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
    use proptest::prelude::*;

    #[test]
    fn every_format_accepts_its_example_and_refuses_its_counterexamples() {
        for format in Format::ALL {
            assert!(check(*format, format.valid_example()).is_ok(), "{format}");
            for bad in format.invalid_examples() {
                assert!(check(*format, bad).is_err(), "{format} accepts {bad:?}");
            }
        }
    }

    /// Every check on odd values: empty, control and non-ASCII characters, very long, and every
    /// prefix and suffix of the registry's examples cut at each character boundary. None may
    /// panic; the empty value has no format but `uri-reference` (RFC 3986: an empty reference)
    /// and `regex` (the pattern that matches everywhere), and a space, a control or a non-ASCII
    /// character at either end spoils every valid example but a regular expression's (where
    /// each is a literal).
    #[test]
    fn odd_values_neither_panic_nor_pass_by_accident() {
        let long = ["a", ".", ":", "%", "-", "9", "é", "\0", "(", "\\"].map(|c| c.repeat(70_000));
        for format in Format::ALL.iter().copied() {
            assert_eq!(
                check(format, "").is_ok(),
                matches!(format, Format::UriReference | Format::Regex),
                "{format}: the empty value"
            );
            for odd in ["\0", " ", "\n", "é", "😀", "\u{301}", "\u{ff10}", "٣"] {
                let _ = check(format, odd);
                let valid = format.valid_example();
                for spoiled in [format!("{valid}{odd}"), format!("{odd}{valid}")] {
                    assert_eq!(
                        check(format, &spoiled).is_ok(),
                        format == Format::Regex,
                        "{format}: {spoiled:?}"
                    );
                }
            }
            for value in &long {
                let _ = check(format, value);
            }
            let mut examples = format.invalid_examples().to_vec();
            examples.push(format.valid_example());
            for example in examples {
                for (at, _) in example.char_indices() {
                    let _ = (check(format, &example[..at]), check(format, &example[at..]));
                }
            }
        }
    }

    /// A text form of an IPv6 address, valid or nearly: `n` groups of one to four hexadecimal
    /// digits, `::` at a place among them or not, the last two perhaps a dotted quad; or any
    /// groups of up to five digits and separators; or an address as the standard library
    /// writes it.
    fn ipv6_like() -> impl Strategy<Value = String> {
        let quad = "(0|1|01|9|99|255|256)(\\.(0|1|01|9|99|255|256)){2,3}";
        let near = (
            proptest::collection::vec("[0-9a-fA-F]{1,4}", 0..=8),
            proptest::option::of(0usize..=8),
            proptest::option::of(quad),
        )
            .prop_map(|(groups, gap, quad)| {
                let mut parts = groups;
                if let Some(quad) = quad {
                    parts.push(quad);
                }
                match gap {
                    Some(at) => {
                        let at = at.min(parts.len());
                        format!("{}::{}", parts[..at].join(":"), parts[at..].join(":"))
                    }
                    None => parts.join(":"),
                }
            });
        let loose = proptest::collection::vec(
            (
                "[0-9a-fA-F]{0,5}",
                prop_oneof![Just(":"), Just("::"), Just(".")],
            ),
            0..10,
        )
        .prop_map(|groups| groups.iter().map(|(g, sep)| format!("{g}{sep}")).collect());
        let written = any::<u128>().prop_map(|n| std::net::Ipv6Addr::from(n).to_string());
        prop_oneof![4 => near, 2 => loose, 1 => written]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        /// No check panics on any string.
        #[test]
        fn no_check_panics(value in any::<String>()) {
            for format in Format::ALL.iter().copied() {
                let _ = check(format, &value);
            }
        }

        /// A date-time is a date, `T` and a time: the three checks agree.
        #[test]
        fn a_date_time_is_a_date_and_a_time(
            date in "[0-9]{4}-(0[0-9]|1[0-3])-([0-2][0-9]|3[0-2])",
            time in "([01][0-9]|2[0-4]):[0-6][0-9]:[0-6][0-9](\\.[0-9]{1,3})?([Zz]|[+-]([01][0-9]|2[0-4]):[0-6][0-9])",
        ) {
            prop_assert_eq!(
                date_time(&format!("{date}T{time}")).is_ok(),
                super::date(&date).is_ok() && super::time(&time).is_ok()
            );
        }

        /// `ipv4` and `ipv6` decide as the standard library's parsers do (dotted quads without
        /// leading zeros, RFC 4291's text forms without a zone).
        #[test]
        fn addresses_as_the_standard_library_reads_them(
            v6 in ipv6_like(),
            v4 in "[0-9]{1,4}(\\.[0-9]{1,4}){1,4}",
        ) {
            prop_assert_eq!(ipv6(&v6).is_ok(), v6.parse::<std::net::Ipv6Addr>().is_ok(), "{}", v6);
            prop_assert_eq!(ipv4(&v4).is_ok(), v4.parse::<std::net::Ipv4Addr>().is_ok(), "{}", v4);
        }

        /// Every address or host name is a URI's host and an e-mail address's domain.
        #[test]
        fn addresses_and_host_names_are_hosts_and_domains(
            v6 in ipv6_like(),
            host in "[a-zA-Z0-9-]{0,8}(\\.[a-zA-Z0-9-]{0,8}){0,3}",
        ) {
            if ipv6(&v6).is_ok() {
                let (as_uri, as_email) = (format!("http://[{v6}]:80/"), format!("a@[IPv6:{v6}]"));
                prop_assert!(uri(&as_uri).is_ok(), "{}", as_uri);
                prop_assert!(email(&as_email).is_ok(), "{}", as_email);
            }
            if hostname(&host).is_ok() {
                let (as_uri, as_email) = (format!("http://{host}/"), format!("a@{host}"));
                prop_assert!(uri(&as_uri).is_ok(), "{}", as_uri);
                prop_assert!(email(&as_email).is_ok(), "{}", as_email);
            }
        }
    }

    #[test]
    fn new_formats_name_their_part() {
        let part = |format, value| check(format, value).map_err(|v| v.part);
        assert_eq!(part(Format::Date, "2023-02-29"), Err("date"));
        assert_eq!(part(Format::Date, "2024-02-29"), Ok(()));
        assert_eq!(part(Format::Time, "24:00:00Z"), Err("time"));
        assert_eq!(part(Format::Time, "23:59:60Z"), Ok(()));
        assert_eq!(part(Format::Duration, "P1Y2D"), Err("duration"));
        assert_eq!(part(Format::Email, "a@b..c"), Err("domain"));
        assert_eq!(part(Format::Hostname, "a..b"), Err("label"));
        assert_eq!(part(Format::Ipv4, "1.2.3.04"), Err("ipv4"));
        assert_eq!(part(Format::Ipv6, "1::2::3"), Err("ipv6"));
        assert_eq!(part(Format::Uri, "//a/b"), Err("scheme"));
        assert_eq!(part(Format::UriReference, "//a/b"), Ok(()));
        assert_eq!(part(Format::UriReference, "//a:b/"), Err("port"));
        // The date-time of before, unchanged: a leap second only at 23:59 UTC.
        assert_eq!(part(Format::DateTime, "1998-12-31T15:59:60-08:00"), Ok(()));
        assert_eq!(
            part(Format::DateTime, "2023-11-07T05:31:56"),
            Err("date_time")
        );
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
