//! The format registry: one row per named string format, in one `formats!` invocation. The
//! check of each format lives in the runtime, its valid values in the strategies; both match
//! [`Format`] exhaustively, so a new row does not compile until both handle it.

use std::fmt;

macro_rules! formats {
    ($(
        $(#[$doc:meta])*
        $variant:ident {
            name: $name:literal,
            about: $about:literal,
            valid: $valid:literal,
            invalid: [$($invalid:literal),* $(,)?] $(,)?
        }
    )*) => {
        /// A named string format (`format = "uuid"`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Format {
            $($(#[$doc])* $variant,)*
        }

        impl Format {
            /// Every format, in the registry's order.
            pub const ALL: &'static [Format] = &[$(Format::$variant),*];

            /// The format's name, as the `format` keyword spells it.
            pub const fn name(self) -> &'static str {
                match self { $(Format::$variant => $name,)* }
            }

            /// The name of the format's variant (`AwsIamRoleArn`), for code that names it.
            pub const fn ident(self) -> &'static str {
                match self { $(Format::$variant => stringify!($variant),)* }
            }

            /// What the format is, in words.
            pub const fn about(self) -> &'static str {
                match self { $(Format::$variant => $about,)* }
            }

            /// A valid value.
            pub const fn valid_example(self) -> &'static str {
                match self { $(Format::$variant => $valid,)* }
            }

            /// Values that are not of the format, each for its own reason.
            pub const fn invalid_examples(self) -> &'static [&'static str] {
                match self { $(Format::$variant => &[$($invalid),*],)* }
            }

            /// The format of a name.
            pub fn from_name(name: &str) -> Option<Format> {
                match name { $($name => Some(Format::$variant),)* _ => None }
            }
        }
    };
}

formats! {
    /// An AWS IAM role ARN, checked part by part (`arn:aws:iam::<12 digits>:role/<path><name>`).
    AwsIamRoleArn {
        name: "aws-iam-role-arn",
        about: "an AWS IAM role ARN such as arn:aws:iam::922609978421:role/IAMRole636",
        valid: "arn:aws:iam::922609978421:role/IAMRole636",
        invalid: [
            "arn:aws:iam::92260997842:role/IAMRole636",
            "arn:aws:s3::922609978421:role/IAMRole636",
            "arn:aws:iam::922609978421:user/IAMRole636",
            "arn:aws:iam::922609978421:role/",
        ],
    }
    /// An RFC 3339 full-date (`2023-11-07`): four-digit year, two-digit month and day, a real
    /// calendar day (29 February in leap years only).
    Date {
        name: "date",
        about: "an RFC 3339 full-date such as 2023-11-07",
        valid: "2024-02-29",
        invalid: [
            "2023-11-7",
            "20231107",
            "2023/11/07",
            "+2023-11-07",
            "2023-13-07",
            "2023-11-00",
            "2023-02-29",
            "2023-11-07T05:31:56Z",
        ],
    }
    /// An RFC 3339 date-time with an offset (`2023-11-07T05:31:56Z`).
    DateTime {
        name: "date-time",
        about: "an RFC 3339 date-time such as 2023-11-07T05:31:56Z",
        valid: "2023-11-07T05:31:56Z",
        invalid: [
            "2023-11-07 05:31:56Z",
            "1963-6-19T08:30:06Z",
            "+11963-06-19T08:30:06Z",
            "2023-11-07T05:31:56Z\n",
            "2023-11-07T05:31:56 +00:00",
            "2023-11-07T23:58:60Z",
            "2023-02-30T05:31:56Z",
        ],
    }
    /// An RFC 3339 duration (Appendix A, ISO 8601's grammar): `P` then years, months and days in
    /// that order (a month between years and days), optionally `T` then hours, minutes and
    /// seconds (a minute between hours and seconds), or weeks alone; whole numbers only.
    Duration {
        name: "duration",
        about: "an RFC 3339 duration such as P1Y2M3DT4H5M6S",
        valid: "P1Y2M3DT4H5M6S",
        invalid: [
            "P",
            "PT",
            "P1YT",
            "1D",
            "P1",
            "P2D1Y",
            "P1Y2D",
            "PT1H2S",
            "P1D2H",
            "P1Y2W",
            "PT0.5S",
            "-P1D",
        ],
    }
    /// An e-mail address as RFC 5321 writes a mailbox: a dot-atom or quoted local part of at most
    /// 64 octets, `@`, then a `hostname` or an IPv4 or `IPv6:` address literal in brackets.
    Email {
        name: "email",
        about: "an RFC 5321 e-mail address such as joe.bloggs@example.com",
        valid: "joe.bloggs@example.com",
        invalid: [
            "joe.bloggs",
            "@example.com",
            ".joe@example.com",
            "joe..bloggs@example.com",
            "joe bloggs@example.com",
            "\"joe\"bloggs\"@example.com",
            "joe.bloggs@",
            "joe.bloggs@-example.com",
            "joe.bloggs@[127.0.0.300]",
            "joe.bloggs@[IPv6:::g]",
        ],
    }
    /// A Google Cloud Storage bucket name, as GCS enforces it: lower-case letters, digits, `-`,
    /// `_` and `.`; starting and ending with a letter or digit; dot-separated components that
    /// are not empty, at most 63 characters, each starting and ending with a letter or digit;
    /// not an IP address; no `goog` prefix; no `google` or close misspelling
    /// (`g[o0][o0]g[l1][e3]`). One invalid example per rule.
    GcsBucketName {
        name: "gcs-bucket-name",
        about: "a Google Cloud Storage bucket name such as acme-billing-exports",
        valid: "acme-billing-exports",
        invalid: [
            "Acme",
            "-acme",
            "a..b",
            "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc.example.com",
            "my-.bucket",
            "192.168.5.4",
            "goog-exports",
            "my-google-bucket",
            "my-g00gle-x",
        ],
    }
    /// An RFC 1123 host name: dot-separated labels of 1 to 63 ASCII letters, digits and hyphens,
    /// neither starting nor ending with a hyphen, at most 253 characters in all, no trailing dot.
    Hostname {
        name: "hostname",
        about: "an RFC 1123 host name such as www.example.com",
        valid: "www.example.com",
        invalid: [
            "",
            "example.",
            "a..b",
            "-example.com",
            "example-.com",
            "exa_mple.com",
            "ex\u{e4}mple.com",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl.com",
            "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.com",
        ],
    }
    /// An IPv4 address in dotted-quad notation: four decimal numbers 0 to 255 without leading
    /// zeros.
    Ipv4 {
        name: "ipv4",
        about: "an IPv4 address in dotted-quad notation such as 192.168.0.1",
        valid: "192.168.0.1",
        invalid: [
            "192.168.0",
            "192.168.0.1.1",
            "192.168.0.256",
            "192.168.00.1",
            "192.168..1",
            "0x7f.0.0.1",
            "192.168.0.1/24",
        ],
    }
    /// An IPv6 address in one of RFC 4291's text forms (section 2.2): eight groups of one to
    /// four hexadecimal digits, one run of groups shortened to `::`, the last two groups
    /// possibly an IPv4 dotted quad; no zone, prefix length or brackets.
    Ipv6 {
        name: "ipv6",
        about: "an RFC 4291 IPv6 address such as 2001:db8::1 or ::ffff:192.168.0.1",
        valid: "2001:db8::ffff:192.168.0.1",
        invalid: [
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            "12345::",
            ":1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:",
            "::g",
            "::ffff:192.168.0.01",
            "1:2:3:4:5:6:7:1.2.3.4",
            "fe80::1%eth0",
            "[::1]",
        ],
    }
    /// An ECMA-262 regular expression (unicode mode, no flags: JSON Schema's dialect), as
    /// [`crate::pattern::validate`] reads it: a backreference or a lookaround is valid,
    /// though a `pattern` cannot use one (no linear-time equivalent).
    Regex {
        name: "regex",
        about: "an ECMA-262 regular expression such as ^[a-z]+$",
        valid: "([abc])+\\s+$",
        invalid: ["^(abc]", "a{2,1}", "(a)\\2", "*", "\\A"],
    }
    /// An Amazon S3 bucket name, as S3 enforces it: lower-case letters, digits, `.` and `-`;
    /// starting and ending with a letter or digit; no `..`; each dot-separated label starting
    /// and ending with a letter or digit; not an IP address; none of the reserved prefixes and
    /// suffixes. One invalid example per rule.
    S3BucketName {
        name: "s3-bucket-name",
        about: "an Amazon S3 bucket name such as acme-billing-exports",
        valid: "acme-billing-exports",
        invalid: [
            "Acme",
            "-acme",
            "a..b",
            "my-.bucket",
            "my.-bucket",
            "192.168.5.4",
            "xn--bucket",
            "bucket-s3alias",
        ],
    }
    /// An RFC 3339 full-time (`05:31:56Z`): two-digit hour (00 to 23), minute and second, an
    /// optional fraction, `Z` or `±hh:mm`; second 60 only as a leap second, at 23:59 UTC.
    Time {
        name: "time",
        about: "an RFC 3339 full-time with an offset such as 05:31:56Z",
        valid: "05:31:56.5+05:30",
        invalid: [
            "5:31:56Z",
            "05:31:56",
            "24:00:00Z",
            "05:60:56Z",
            "05:31:61Z",
            "23:58:60Z",
            "05:31:56.Z",
            "05:31:56+24:00",
            "05:31:56 PST",
        ],
    }
    /// An RFC 3986 URI: a scheme, `:`, then an authority and path, and optionally a query and
    /// a fragment, in URI characters only (anything else percent-encoded).
    Uri {
        name: "uri",
        about: "an RFC 3986 URI such as https://example.com/a?b=c#d",
        valid: "https://user@example.com:8080/a%20b?c=d#e",
        invalid: [
            "/a/b",
            "1http://example.com",
            "http://example.com:8o/",
            "http://a@b@example.com/",
            "http://[::g]/",
            "http://example.com/a b",
            "http://example.com/%2",
            "http://example.com/?a<b",
            "http://example.com/#a#b",
        ],
    }
    /// An RFC 3986 URI-reference: a URI, or a reference relative to one (a network path, an
    /// absolute or relative path, a query or a fragment alone, or nothing).
    UriReference {
        name: "uri-reference",
        about: "an RFC 3986 URI-reference such as ../a?b#c",
        valid: "../a?b#c",
        invalid: [
            "1:b",
            "//example.com:8o/",
            "//a@b@example.com/",
            "//[::g]/",
            "/a b",
            "/%zz",
            "?a<b",
            "#a#b",
        ],
    }
    /// A hyphenated UUID (`8-4-4-4-12` hexadecimal digits).
    Uuid {
        name: "uuid",
        about: "a hyphenated UUID such as 67e55044-10b1-426f-9247-bb680e5fe0c8",
        valid: "67e55044-10b1-426f-9247-bb680e5fe0c8",
        invalid: [
            "67e5504410b1426f9247bb680e5fe0c8",
            "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8",
            "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
            "67e55044-10b1-426f-9247-bb680e5fe0c",
            "g7e55044-10b1-426f-9247-bb680e5fe0c8",
        ],
    }
}

impl Format {
    /// Every format name, comma-separated, for messages.
    pub fn names() -> String {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        names.join(", ")
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
