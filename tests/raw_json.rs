//! Raw JSON validation: every error in one pass, by JSON Pointer, from the generated rules.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::{
    CreateExportDestinationRequest, ErrorCode, UpdateExportDestinationRequest, ValidateJson,
};
use m3ter_workspace_tests::all_keywords::Widget;
use serde_json::json;

const EXAMPLE_ARN: &str = "arn:aws:iam::922609978421:role/IAMRole636";

fn found(bytes: &[u8], operation: Operation, profile: Profile) -> Vec<(String, &'static str)> {
    match json::validate(bytes, operation, profile) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code().as_str()))
            .collect(),
    }
}

fn create(value: &serde_json::Value) -> Vec<(String, &'static str)> {
    found(
        value.to_string().as_bytes(),
        Operation::Create,
        Profile::Default,
    )
}

fn at(path: &str, code: &'static str) -> (String, &'static str) {
    (path.to_owned(), code)
}

fn valid() -> serde_json::Value {
    json!({"name": "Finance exports", "code": "finance_exports", "bucketName": "acme-billing-exports", "iamRoleArn": EXAMPLE_ARN})
}

/// A valid GCS create request: tagged, with the GCS members and no `iamRoleArn`.
fn valid_gcs() -> serde_json::Value {
    json!({"name": "Finance exports", "code": "finance_exports", "bucketName": "acme-billing-exports",
        "destinationType": "GCS", "projectNumber": "123456789012", "poolId": "m3ter-pool",
        "providerId": "m3ter-provider"})
}

#[test]
fn a_valid_document_has_no_error() {
    assert_eq!(create(&valid()), vec![]);
    let mut full = valid();
    full["destinationType"] = json!("S3");
    full["prefix"] = json!("m3ter/exports/");
    full["partitionOrder"] = json!("TIME_FIRST");
    assert_eq!(create(&full), vec![]);
    assert_eq!(create(&valid_gcs()), vec![]);
    let mut full = valid_gcs();
    full["prefix"] = json!("m3ter/exports/");
    full["partitionOrder"] = json!(null);
    full["serviceAccountEmail"] = json!("exports@acme.iam.gserviceaccount.com");
    assert_eq!(create(&full), vec![]);
}

#[test]
fn every_error_at_once() {
    let document = json!({
        "code": null,
        "bucketName": 42,
        "iamRoleArn": "arn:aws:iam::1:role/x",
        "version": 1,
        "destinationType": "S3",
        "partitionOrder": ["TYPE_FIRST"],
        "prefix": "",
        "a/b~c": true
    });
    // In the variant's member order, as the generated struct declares them (`version` first).
    let every = vec![
        at("/version", "forbidden"),
        at("/name", "required"),
        at("/code", "type"),
        at("/bucketName", "type"),
        at("/iamRoleArn", "format"),
        // An enum member of another JSON type: the one error that says the allowed values.
        at("/partitionOrder", "enum"),
        at("/a~1b~0c", "unknown_field"),
    ];
    assert_eq!(create(&document), every);
    // Untagged, the S3 variant has the fewest errors (GCS adds iamRoleArn and its three
    // required members): the same errors.
    let mut untagged = document.clone();
    untagged.as_object_mut().unwrap().remove("destinationType");
    assert_eq!(create(&untagged), every);
    // An unknown tag selects no variant: the union's one `enum` error, and no other (this
    // document once gave the variant's errors beside it, when the request was one flat type).
    let mut unknown = document;
    unknown["destinationType"] = json!("s3");
    assert_eq!(create(&unknown), vec![at("/destinationType", "enum")]);
    unknown["destinationType"] = json!(3);
    assert_eq!(create(&unknown), vec![at("/destinationType", "type")]);
}

#[test]
fn errors_carry_codes_messages_and_parameters() {
    let as_json = |document: &serde_json::Value| {
        let errors = json::validate(
            document.to_string().as_bytes(),
            Operation::Create,
            Profile::Default,
        )
        .unwrap_err();
        serde_json::to_value(&errors).unwrap()
    };
    let mut document = valid();
    document["code"] = json!(null);
    // Untagged: the error of the variant with the fewest, which it names.
    assert_eq!(
        as_json(&document),
        json!([
            {"path": "/code", "code": "type", "message": "must be a string, got null", "params": {"expected": "string", "actual": "null", "variant": "S3"}}
        ])
    );
    // Tagged: the variant's own error, no variant named.
    document["destinationType"] = json!("S3");
    assert_eq!(
        as_json(&document),
        json!([
            {"path": "/code", "code": "type", "message": "must be a string, got null", "params": {"expected": "string", "actual": "null"}}
        ])
    );
    // An unknown tag: the one enum error (the variant's `code` is not judged).
    document["destinationType"] = json!("s3");
    assert_eq!(
        as_json(&document),
        json!([
            {"path": "/destinationType", "code": "enum", "message": "must be one of \"S3\", \"GCS\"", "params": {"allowed": ["S3", "GCS"]}}
        ])
    );
}

#[test]
fn whole_document_errors_have_the_empty_path() {
    for text in ["[]", "null", "\"name\"", "12"] {
        assert_eq!(
            found(text.as_bytes(), Operation::Create, Profile::Default),
            vec![at("", "type")],
            "{text}"
        );
    }
}

#[test]
fn syntax_errors_have_line_and_column() {
    let errors = json::validate(
        b"{\n  \"name\": \"x\",\n  \"code\" \"y\"\n}",
        Operation::Create,
        Profile::Default,
    )
    .unwrap_err();
    let error = &errors.as_slice()[0];
    assert_eq!((error.path(), error.code()), ("", ErrorCode::Syntax));
    assert_eq!(error.params()["line"], json!(3));
    assert_eq!(error.params()["column"], json!(10));
    for bad in [
        &b""[..],
        b"{",
        b"{\"name\": \"x\"} trailing",
        b"\xff",
        b"{\"name\": \"a\", \"name\": \"b\"}",
    ] {
        let codes = found(bad, Operation::Create, Profile::Default);
        assert_eq!(
            codes,
            vec![at("", "syntax")],
            "{:?}",
            String::from_utf8_lossy(bad)
        );
    }
    let duplicate = json::validate(
        b"{\"name\": \"a\", \"name\": \"b\"}",
        Operation::Create,
        Profile::Default,
    )
    .unwrap_err();
    assert!(
        duplicate.as_slice()[0]
            .message()
            .contains("duplicate key `name`")
    );
}

#[test]
fn the_version_rule_per_operation() {
    let mut update = valid();
    assert_eq!(
        found(
            update.to_string().as_bytes(),
            Operation::Update,
            Profile::Default
        ),
        vec![at("/version", "required")]
    );
    for (version, want) in [
        (json!(1), vec![]),
        (json!(0), vec![at("/version", "range")]),
        (json!("1"), vec![at("/version", "type")]),
        (json!(1.5), vec![at("/version", "type")]),
        (json!(18446744073709551615u64), vec![at("/version", "type")]),
    ] {
        update["version"] = version.clone();
        assert_eq!(
            found(
                update.to_string().as_bytes(),
                Operation::Update,
                Profile::Default
            ),
            want,
            "{version}"
        );
    }
    let mut create = valid();
    create["version"] = json!(null);
    assert_eq!(
        found(
            create.to_string().as_bytes(),
            Operation::Create,
            Profile::Default
        ),
        vec![at("/version", "forbidden")]
    );
}

#[test]
fn lengths_count_code_points_in_raw_json_too() {
    let mut document = valid();
    document["name"] = json!("😀".repeat(200));
    document["code"] = json!("é".repeat(80));
    document["bucketName"] = json!("b".repeat(63));
    assert_eq!(create(&document), vec![]);
    document["name"] = json!("😀".repeat(201));
    document["code"] = json!("é".repeat(81));
    document["bucketName"] = json!("bb");
    assert_eq!(
        create(&document),
        vec![
            at("/name", "length"),
            at("/code", "length"),
            at("/bucketName", "length")
        ]
    );
}

#[test]
fn the_strict_profile_adds_bucket_naming() {
    let strict = |value: &serde_json::Value| {
        found(
            value.to_string().as_bytes(),
            Operation::Create,
            Profile::Strict,
        )
    };
    let mut document = valid();
    assert_eq!(strict(&document), vec![]);
    document["bucketName"] = json!("Acme_Exports");
    assert_eq!(strict(&document), vec![at("/bucketName", "format")]);
    assert_eq!(
        create(&document),
        vec![],
        "the default profile enforces only the fragment"
    );
    let mut document = valid_gcs();
    document["bucketName"] = json!("acme_exports");
    assert_eq!(strict(&document), vec![]);
    document["bucketName"] = json!("my-google-bucket");
    let errors = json::validate(
        document.to_string().as_bytes(),
        Operation::Create,
        Profile::Strict,
    )
    .unwrap_err();
    let params = errors.as_slice()[0].params();
    assert_eq!(
        (params["format"].as_str(), params["part"].as_str()),
        (Some("gcs-bucket-name"), Some("google"))
    );
    let mut document = valid();
    document["destinationType"] = json!("S3");
    document["bucketName"] = json!("192.168.5.4");
    let errors = json::validate(
        document.to_string().as_bytes(),
        Operation::Create,
        Profile::Strict,
    )
    .unwrap_err();
    assert_eq!(errors.as_slice()[0].params()["part"], json!("ip_address"));
}

#[test]
fn from_slice_gives_a_valid_typed_value_or_every_error() {
    let ok =
        json::from_slice::<CreateExportDestinationRequest>(valid().to_string().as_bytes()).unwrap();
    let CreateExportDestinationRequest::S3(ok) = ok.into_inner() else {
        panic!("a document with `iamRoleArn` and no tag is the S3 variant")
    };
    assert_eq!(ok.iam_role_arn, EXAMPLE_ARN);
    let mut bad = valid();
    bad["name"] = json!("");
    bad["prefix"] = json!(null);
    bad["extra"] = json!(1);
    let errors =
        json::from_slice::<CreateExportDestinationRequest>(bad.to_string().as_bytes()).unwrap_err();
    let codes: Vec<_> = errors
        .iter()
        .map(|e| (e.path().to_owned(), e.code().as_str()))
        .collect();
    assert_eq!(
        codes,
        vec![
            at("/name", "length"),
            at("/prefix", "type"),
            at("/extra", "unknown_field")
        ]
    );
    // Constraint errors only: the typed path reports them without the walk.
    let mut long = valid();
    long["code"] = json!("c".repeat(81));
    let errors = json::from_slice::<CreateExportDestinationRequest>(long.to_string().as_bytes())
        .unwrap_err();
    assert_eq!(errors.as_slice()[0].path(), "/code");
    let errors = json::from_str::<UpdateExportDestinationRequest>("{").unwrap_err();
    assert_eq!(errors.as_slice()[0].code(), ErrorCode::Syntax);
}

#[test]
fn nested_arrays_and_nullable_members_of_a_fixture() {
    let document = json!({
        "id": "not-a-uuid",
        "label": "ab",
        "tags": ["ok", 3, "toolong"],
        "parts": [{"sku": "A1"}, {"quantity": 0}, "x"],
        "owner": {},
        "note": null,
        "created": "yesterday",
        "meta": {"free": "form"}
    });
    let errors = Widget::validate_json(&document).unwrap_err();
    let codes: Vec<_> = errors
        .iter()
        .map(|e| (e.path().to_owned(), e.code().as_str()))
        .collect();
    assert_eq!(
        codes,
        vec![
            at("/id", "format"),
            at("/tags/1", "type"),
            at("/tags/2", "length"),
            at("/parts/1/sku", "required"),
            at("/parts/1/quantity", "range"),
            at("/parts/2", "type"),
            at("/owner/name", "required"),
            at("/nick", "required"),
            at("/created", "format"),
        ]
    );
}
