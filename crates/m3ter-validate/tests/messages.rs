//! The catalogue of messages a person reads, as snapshots (`tests/snapshots/`): every error
//! kind with its boundary wordings (one character, many characters, one allowed value), every
//! format violation the rules can give, the errors of typical broken documents, and the human
//! report around them. A wording change fails here until the new snapshot is reviewed and
//! committed (`INSTA_UPDATE=always cargo test -p m3ter-validate --test suite -- messages::`,
//! then read the diff), so no message changes by accident.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::collections::BTreeSet;

use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::{ErrorKind, ValidationError, formats};
use m3ter_validate::check::{self, Checked, Place, Rules};
use m3ter_validate::output::{self, Style};

/// Every kind of error (`ErrorKind::examples`: at least one example of each kind, one arm per
/// kind there, so a new kind does not compile without one), as the CLI writes it: the human
/// line, then the `--format json` record.
#[test]
fn every_kind_of_error() {
    let mut catalogue = Vec::new();
    for kind in ErrorKind::examples() {
        let checked = Checked {
            line: None,
            errors: vec![ValidationError::new("/member", kind)],
            places: vec![Place {
                line: 1,
                column: 1,
                located: false,
                width: 0,
                text: String::new(),
                skipped: 0,
            }],
        };
        let mut human = Vec::new();
        output::human(&mut human, "a.json", &checked, Style { color: false }).unwrap();
        let human = String::from_utf8(human).unwrap();
        // The first line is the message; the excerpt below it is the document's, not the kind's.
        catalogue.push(human.lines().next().unwrap().to_owned());
        let mut json = Vec::new();
        output::json_line(&mut json, "a.json", &checked).unwrap();
        catalogue.push(String::from_utf8(json).unwrap().trim_end().to_owned());
    }
    insta::assert_snapshot!(catalogue.join("\n"));
}

#[test]
fn every_format_violation() {
    // Inputs that break each rule of each format, one rule at a time.
    let inputs: &[(&str, &[&str])] = &[
        (
            "aws-iam-role-arn",
            &[
                "",
                "arn:",
                "arn:aws",
                "arn:aws-cn:iam::922609978421:role/R",
                "arn:aws:s3::922609978421:role/R",
                "arn:aws:iam:us-east-1:922609978421:role/R",
                "arn:aws:iam::",
                "arn:aws:iam::9226:role/R",
                "arn:aws:iam::922609978421:user/R",
                "arn:aws:iam::922609978421:role/a b/R",
                "arn:aws:iam::922609978421:role/",
                "arn:aws:iam::922609978421:role/R!",
            ],
        ),
        ("date-time", &["2023-11-07", "yesterday"]),
        ("date", &["2023-02-29"]),
        ("time", &["24:00:00Z"]),
        ("duration", &["P1Y2D"]),
        ("email", &["joe..bloggs@example.com", "joe@example..com"]),
        ("hostname", &["", "example-.com"]),
        ("ipv4", &["192.168.00.1"]),
        ("ipv6", &["1::2::3"]),
        (
            "uri",
            &[
                "/a",
                "http://a b@c/",
                "http://[::g]/",
                "http://a:8o/",
                "http://a/b c",
                "http://a/?<",
                "http://a/#a#b",
            ],
        ),
        ("uri-reference", &["1:b", "/a b"]),
        ("regex", &["^(abc]", "(a)\\2"]),
        ("uuid", &["67e5504410b1426f9247bb680e5fe0c8", "x"]),
        (
            "s3-bucket-name",
            &[
                "Acme",
                "-acme",
                "acme..b",
                "192.168.5.4",
                "xn--acme",
                "acme-s3alias",
            ],
        ),
        (
            "gcs-bucket-name",
            &["Acme", "acme-", "192.168.5.4", "goog-acme", "acme-google-b"],
        ),
    ];
    let mut seen = BTreeSet::new();
    for (format, values) in inputs {
        let known = formats::Format::from_name(format).unwrap();
        for value in *values {
            let violation = formats::check(known, value).unwrap_err();
            let kind = ErrorKind::Format { format, violation };
            seen.insert(format!("{format} / {}: {kind}", violation.part));
        }
    }
    for format in formats::Format::ALL.iter().map(|f| f.name()) {
        assert!(
            seen.iter().any(|m| m.starts_with(&format!("{format} /"))),
            "no input breaks {format}"
        );
    }
    insta::assert_snapshot!(seen.into_iter().collect::<Vec<_>>().join("\n"));
}

const BROKEN: &[(&str, Operation, Profile, &str)] = &[
    (
        "empty name and code",
        Operation::Create,
        Profile::Default,
        r#"{"name": "", "code": "", "bucketName": "ab", "iamRoleArn": "arn:aws:iam::922609978421:role/R"}"#,
    ),
    (
        "nulls and wrong types",
        Operation::Create,
        Profile::Default,
        r#"{"name": null, "code": 1, "bucketName": [], "iamRoleArn": {}, "destinationType": "S3", "partitionOrder": 3}"#,
    ),
    (
        "a discriminator that is not a string",
        Operation::Create,
        Profile::Default,
        r#"{"name": null, "destinationType": null}"#,
    ),
    (
        "unknown enum value",
        Operation::Create,
        Profile::Default,
        r#"{"name": "n", "code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R", "destinationType": "S3", "partitionOrder": "x"}"#,
    ),
    (
        "a destination type outside the mapping",
        Operation::Create,
        Profile::Default,
        r#"{"name": "", "destinationType": "AZURE"}"#,
    ),
    (
        "no destination type: the closest variant",
        Operation::Create,
        Profile::Default,
        r#"{"name": "", "code": "c", "bucketName": "abc", "projectNumber": "1", "poolId": "p", "providerId": ""}"#,
    ),
    (
        "code with spaces",
        Operation::Create,
        Profile::Default,
        r#"{"name": "n", "code": " c ", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R"}"#,
    ),
    (
        "version on create, unknown member",
        Operation::Create,
        Profile::Default,
        r#"{"name": "n", "code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R", "version": 1, "colour": "red"}"#,
    ),
    (
        "update without version",
        Operation::Update,
        Profile::Default,
        r#"{"name": "n", "code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R"}"#,
    ),
    (
        "update with version 0",
        Operation::Update,
        Profile::Default,
        r#"{"name": "n", "code": "c", "bucketName": "abc", "iamRoleArn": "arn:aws:iam::922609978421:role/R", "version": 0}"#,
    ),
    (
        "strict gcs",
        Operation::Create,
        Profile::Strict,
        r#"{"name": "n", "code": "c", "bucketName": "goog-b", "projectNumber": "1", "poolId": "p", "providerId": "q", "destinationType": "GCS"}"#,
    ),
    (
        "strict s3",
        Operation::Create,
        Profile::Strict,
        r#"{"name": "n", "code": "c", "bucketName": "my-.bucket", "iamRoleArn": "arn:aws:iam::922609978421:role/R", "destinationType": "S3"}"#,
    ),
    (
        "not an object",
        Operation::Create,
        Profile::Default,
        r#"["n", "c"]"#,
    ),
    (
        "syntax: duplicate key",
        Operation::Create,
        Profile::Default,
        r#"{"name": "a", "name": "b"}"#,
    ),
    (
        "syntax: trailing comma",
        Operation::Create,
        Profile::Default,
        "{\"name\": \"a\",}",
    ),
    ("syntax: empty", Operation::Create, Profile::Default, ""),
    (
        "syntax: byte order mark",
        Operation::Create,
        Profile::Default,
        "\u{feff}{}",
    ),
    (
        "syntax: number too big",
        Operation::Create,
        Profile::Default,
        r#"{"version": 1e400}"#,
    ),
];

#[test]
fn the_errors_of_broken_documents() {
    let mut catalogue = Vec::new();
    for (title, operation, profile, body) in BROKEN {
        catalogue.push(format!("## {title}"));
        match json::validate(body.as_bytes(), *operation, *profile) {
            Ok(()) => catalogue.push("(valid)".to_owned()),
            Err(errors) => {
                for error in &errors {
                    catalogue.push(format!("{error} [{}]", error.code()));
                }
            }
        }
    }
    insta::assert_snapshot!(catalogue.join("\n"));
}

#[test]
fn the_human_report() {
    let body = "{\n  \"name\": \"\",\n  \"code\": \"finance\",\n  \"bucketName\": \"Acme_Bucket\",\n  \"iamRoleArn\": \"arn:aws:iam::922609978421:role/R\",\n  \"destinationType\": \"S3\",\n  \"colour\": \"r\\u001b[31med\"\n}\n";
    let rules = Rules {
        body: Operation::Create.request_body().unwrap(),
        profile: Profile::Strict,
        locate: true,
    };
    let checked = check::check(body.as_bytes(), None, rules);
    let mut out = Vec::new();
    output::human(
        &mut out,
        "requests/a.json",
        &checked,
        Style { color: false },
    )
    .unwrap();
    insta::assert_snapshot!(String::from_utf8(out).unwrap());
}
