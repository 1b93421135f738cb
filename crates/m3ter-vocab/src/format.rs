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
