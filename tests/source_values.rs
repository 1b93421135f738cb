//! The source document's literal values, written here by hand and not read from the fragment,
//! so that a wrong fragment cannot pass by agreeing with itself.
//!
//! m3ter's older API reference page (`m3ter-create-export-destination.txt`), pinned on the S3
//! variant: name 1–200, code 1–80, bucketName 3–63, iamRoleArn at least 1 and of the form
//! `arn:aws:iam::<account-id>:role/<role-name>` (example
//! `arn:aws:iam::922609978421:role/IAMRole636`), destinationType `S3`/`GCS`, partitionOrder
//! `TYPE_FIRST`/`TIME_FIRST`, version not valid on create and required on update.
//!
//! m3ter's published OpenAPI document (`m3ter-current-api.md`), pinned beside it: the GCS
//! variant (required `projectNumber`, `poolId`, `providerId`, each at least 1; optional
//! `serviceAccountEmail`; bucketName 3–63; no `iamRoleArn`), `pageSize` 1–200 on the list,
//! version int64, `partitionOrder` nullable in requests.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::error::{ErrorKind, LengthUnit};
use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::types::Uuid;
use m3ter_models::{
    CreateExportDestinationGoogleCloudStorageRequest, CreateExportDestinationRequest,
    CreateExportDestinationS3Request, DataExportDestinationType, DestinationTypeGcs,
    DestinationTypeS3, ErrorCode, ExportDestinationResponse, ListDestinations, PartitionOrder,
    UpdateExportDestinationRequest, UpdateExportDestinationS3Request, Validate,
};
use serde_json::json;

const EXAMPLE_ARN: &str = "arn:aws:iam::922609978421:role/IAMRole636";

fn valid() -> CreateExportDestinationS3Request {
    CreateExportDestinationS3Request::new(
        "Finance exports",
        "finance_exports",
        "acme-billing-exports",
        EXAMPLE_ARN,
    )
}

/// The (path, code) of every error of `request`.
fn errors(request: &impl Validate) -> Vec<(String, ErrorCode)> {
    match request.validate() {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect(),
    }
}

fn length_error(path: &str) -> Vec<(String, ErrorCode)> {
    vec![(path.to_owned(), ErrorCode::Length)]
}

#[test]
fn the_example_request_is_valid() {
    assert_eq!(errors(&valid()), vec![]);
    assert_eq!(valid().destination_type, DestinationTypeS3::S3);
    assert_eq!(
        errors(&CreateExportDestinationRequest::from(valid())),
        vec![]
    );
}

#[test]
fn name_is_1_to_200_code_points() {
    for (n, ok) in [(0, false), (1, true), (200, true), (201, false)] {
        for unit in ["a", "é", "😀", "e\u{301}"] {
            let mut request = valid();
            request.name = unit.repeat(n);
            // "e\u{301}" is two code points: count those, not graphemes or bytes.
            let points = n * unit.chars().count();
            let expected_ok = (1..=200).contains(&points);
            let want = if expected_ok {
                vec![]
            } else {
                length_error("/name")
            };
            assert_eq!(errors(&request), want, "{n} × {unit:?}");
            if unit == "a" {
                assert_eq!(expected_ok, ok);
            }
        }
    }
}

#[test]
fn the_length_error_states_the_rule_and_its_parameters() {
    let mut request = valid();
    request.name = "😀".repeat(201);
    let errors = request.validate().unwrap_err();
    let error = &errors.as_slice()[0];
    assert_eq!(error.message(), "must be 1 to 200 characters, got 201");
    assert_eq!(
        error.kind(),
        &ErrorKind::Length {
            unit: LengthUnit::Characters,
            min: Some(1),
            max: Some(200),
            actual: 201
        }
    );
    assert_eq!(
        serde_json::to_value(error).unwrap(),
        json!({
            "path": "/name",
            "code": "length",
            "message": "must be 1 to 200 characters, got 201",
            "params": {"unit": "characters", "min": 1, "max": 200, "actual": 201}
        })
    );
}

#[test]
fn code_is_1_to_80_code_points() {
    for (n, ok) in [(0, false), (1, true), (80, true), (81, false)] {
        let mut request = valid();
        request.code = "c".repeat(n);
        let mut want = if ok { vec![] } else { length_error("/code") };
        if n == 0 {
            // The empty string breaks the pattern too (it needs one character), as in JSON Schema.
            want.push(("/code".to_owned(), ErrorCode::Pattern));
        }
        assert_eq!(errors(&request), want, "{n}");
    }
    let mut request = valid();
    request.code = "é".repeat(80);
    assert_eq!(errors(&request), vec![]);
}

#[test]
fn code_has_no_control_characters_and_no_outer_or_non_space_whitespace() {
    for good in ["a", "a b", "JS!?Q0]r] ]$]", "é 😀", "a  b"] {
        let mut request = valid();
        request.code = good.to_owned();
        assert_eq!(errors(&request), vec![], "{good:?}");
    }
    for bad in [
        " a", "a ", " ", "a\tb", "a\nb", "a\u{7f}b", "a\u{0}b", "\ta",
    ] {
        let mut request = valid();
        request.code = bad.to_owned();
        assert_eq!(
            errors(&request),
            vec![("/code".to_owned(), ErrorCode::Pattern)],
            "{bad:?}"
        );
    }
}

#[test]
fn bucket_name_is_3_to_63_code_points() {
    for (n, ok) in [(2, false), (3, true), (63, true), (64, false)] {
        let mut request = valid();
        request.bucket_name = "b".repeat(n);
        let want = if ok {
            vec![]
        } else {
            length_error("/bucketName")
        };
        assert_eq!(errors(&request), want, "{n}");
    }
}

#[test]
fn iam_role_arn_follows_the_documented_format() {
    for good in [
        EXAMPLE_ARN,
        "arn:aws:iam::000000000000:role/a",
        "arn:aws:iam::922609978421:role/division_abc/subdivision_xyz/Bob",
        "arn:aws:iam::922609978421:role/+=,.@_-",
    ] {
        let mut request = valid();
        request.iam_role_arn = good.to_owned();
        assert_eq!(errors(&request), vec![], "{good}");
    }
    let name_64 = format!("arn:aws:iam::922609978421:role/{}", "n".repeat(64));
    let name_65 = format!("arn:aws:iam::922609978421:role/{}", "n".repeat(65));
    let path_512 = format!("arn:aws:iam::922609978421:role/{}/Bob", "p".repeat(510));
    let path_513 = format!("arn:aws:iam::922609978421:role/{}/Bob", "p".repeat(511));
    for (arn, ok) in [
        (&name_64, true),
        (&name_65, false),
        (&path_512, true),
        (&path_513, false),
    ] {
        let mut request = valid();
        request.iam_role_arn = arn.clone();
        assert_eq!(errors(&request).is_empty(), ok, "{arn}");
    }
}

#[test]
fn a_wrong_arn_says_which_part_is_wrong() {
    let cases = [
        ("", "arn"),
        (" arn:aws:iam::922609978421:role/IAMRole636", "arn"),
        ("arn:aws-cn:iam::922609978421:role/IAMRole636", "partition"),
        ("arn:aws:s3::922609978421:role/IAMRole636", "service"),
        (
            "arn:aws:iam:us-east-1:922609978421:role/IAMRole636",
            "region",
        ),
        ("arn:aws:iam::92260997842:role/IAMRole636", "account_id"),
        ("arn:aws:iam::9226099784210:role/IAMRole636", "account_id"),
        ("arn:aws:iam::92260997842x:role/IAMRole636", "account_id"),
        ("arn:aws:iam:::role/IAMRole636", "account_id"),
        ("arn:aws:iam::922609978421:user/IAMRole636", "resource_type"),
        ("arn:aws:iam::922609978421:role//IAMRole636", "path"),
        ("arn:aws:iam::922609978421:role/a b/IAMRole636", "path"),
        ("arn:aws:iam::922609978421:role/", "role_name"),
        ("arn:aws:iam::922609978421:role/IAM Role", "role_name"),
        ("arn:aws:iam::922609978421:role/IAMRole636 ", "role_name"),
        ("arn:aws:iam::922609978421:role/IAMRôle", "role_name"),
    ];
    for (arn, part) in cases {
        let mut request = valid();
        request.iam_role_arn = arn.to_owned();
        let errors = request.validate().unwrap_err();
        let format_error = errors
            .iter()
            .find(|e| e.code() == ErrorCode::Format)
            .unwrap_or_else(|| panic!("{arn:?}"));
        assert_eq!(format_error.path(), "/iamRoleArn");
        assert_eq!(format_error.params()["part"], part, "{arn:?}");
        assert_eq!(format_error.params()["format"], "aws-iam-role-arn");
    }
}

#[test]
fn enums_have_the_documented_wire_values() {
    assert_eq!(DataExportDestinationType::WIRE_VALUES, ["S3", "GCS"]);
    assert_eq!(DestinationTypeS3::WIRE_VALUES, ["S3"]);
    assert_eq!(DestinationTypeGcs::WIRE_VALUES, ["GCS"]);
    assert_eq!(PartitionOrder::WIRE_VALUES, ["TYPE_FIRST", "TIME_FIRST"]);
    assert_eq!(
        serde_json::to_value(DataExportDestinationType::Gcs).unwrap(),
        json!("GCS")
    );
    assert_eq!(
        serde_json::to_value(PartitionOrder::TimeFirst).unwrap(),
        json!("TIME_FIRST")
    );
    assert!(serde_json::from_value::<DataExportDestinationType>(json!("s3")).is_err());
}

#[test]
fn version_is_forbidden_on_create_and_required_from_1_on_update() {
    let mut create = valid();
    create.version = Some(1);
    let forbidden = create.validate().unwrap_err();
    assert_eq!(forbidden.as_slice()[0].path(), "/version");
    assert_eq!(forbidden.as_slice()[0].code(), ErrorCode::Forbidden);
    assert_eq!(
        forbidden.as_slice()[0].message(),
        "must not be present on create"
    );

    let update = UpdateExportDestinationS3Request::new(1, "n", "c", "bkt", EXAMPLE_ARN);
    assert_eq!(errors(&update), vec![]);
    let update = UpdateExportDestinationS3Request::new(0, "n", "c", "bkt", EXAMPLE_ARN);
    assert_eq!(
        errors(&update),
        vec![("/version".to_owned(), ErrorCode::Range)]
    );
    // A typed update cannot be built without a version: deserializing one fails.
    let body = json!({"name": "n", "code": "c", "bucketName": "bkt", "iamRoleArn": EXAMPLE_ARN});
    assert!(serde_json::from_value::<UpdateExportDestinationRequest>(body.clone()).is_err());
    assert!(serde_json::from_value::<UpdateExportDestinationS3Request>(body.clone()).is_err());
    assert!(serde_json::from_value::<CreateExportDestinationRequest>(body).is_ok());
}

#[test]
fn every_error_at_once_in_field_order() {
    let mut request = valid();
    request.name = String::new();
    request.code = "c".repeat(81);
    request.bucket_name = "b".repeat(64);
    request.iam_role_arn = "arn:aws:iam:::role/IAMRole636".to_owned();
    request.version = Some(2);
    assert_eq!(
        errors(&request),
        // The S3 variant's field order: `version` comes first, as the generated struct has it.
        vec![
            ("/version".to_owned(), ErrorCode::Forbidden),
            ("/name".to_owned(), ErrorCode::Length),
            ("/code".to_owned(), ErrorCode::Length),
            ("/bucketName".to_owned(), ErrorCode::Length),
            ("/iamRoleArn".to_owned(), ErrorCode::Format),
        ]
    );
}

#[test]
fn wire_names_and_omitted_optionals() {
    let mut request = valid();
    request.destination_type = DestinationTypeS3::S3;
    request.partition_order = Some(PartitionOrder::TypeFirst);
    request.prefix = Some("m3ter/exports/".to_owned());
    let value = serde_json::to_value(&request).unwrap();
    assert_eq!(
        value,
        json!({
            "name": "Finance exports",
            "code": "finance_exports",
            "bucketName": "acme-billing-exports",
            "iamRoleArn": EXAMPLE_ARN,
            "destinationType": "S3",
            "prefix": "m3ter/exports/",
            "partitionOrder": "TYPE_FIRST"
        })
    );
    let back: CreateExportDestinationRequest = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(back, CreateExportDestinationRequest::S3(request.clone()));
    assert_eq!(serde_json::to_value(&back).unwrap(), value);
    // `null` for an optional member is not "absent": the schema does not allow it (but
    // `partitionOrder` is nullable in requests).
    let mut with_null = serde_json::to_value(valid()).unwrap();
    with_null["prefix"] = serde_json::Value::Null;
    assert!(serde_json::from_value::<CreateExportDestinationRequest>(with_null).is_err());
    // Requests reject unknown members; responses tolerate them.
    let mut unknown = serde_json::to_value(valid()).unwrap();
    unknown["colour"] = json!("red");
    assert!(serde_json::from_value::<CreateExportDestinationRequest>(unknown).is_err());
    let response: ExportDestinationResponse = serde_json::from_value(json!({
        "id": "7d9f6f0e-2f7a-4d5e-9d8e-1f2a3b4c5d6e",
        "version": 1,
        "dtCreated": "2023-11-07T05:31:56Z",
        "destinationType": "GCS",
        "someNewField": {"added": "later"}
    }))
    .unwrap();
    let ExportDestinationResponse::Gcs(response) = response else {
        panic!("the tag GCS selects the GCS response")
    };
    assert_eq!(response.version, Some(1));
    assert_eq!(response.destination_type, DestinationTypeGcs::Gcs);
    assert_eq!(
        response.dt_created.map(|t| t.to_rfc3339()),
        Some("2023-11-07T05:31:56+00:00".to_owned())
    );
}

// ---------------------------------------------------------------------------------------------
// m3ter's published OpenAPI document: the GCS variant, the list's pageSize, and the issue's
// acceptance. Literals from `m3ter-current-api.md`, typed by hand.

fn gcs() -> CreateExportDestinationGoogleCloudStorageRequest {
    CreateExportDestinationGoogleCloudStorageRequest::new(
        "Finance exports",
        "finance_exports",
        "acme-billing-exports",
        "123456789012",
        "m3ter-pool",
        "m3ter-provider",
    )
}

/// The (path, code) of every error of `document` as a create request, through the raw check.
fn create_errors(document: &serde_json::Value) -> Vec<(String, ErrorCode)> {
    match json::validate(
        document.to_string().as_bytes(),
        Operation::Create,
        Profile::Default,
    ) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect(),
    }
}

fn gcs_document() -> serde_json::Value {
    json!({
        "name": "Finance exports",
        "code": "finance_exports",
        "destinationType": "GCS",
        "bucketName": "acme-billing-exports",
        "projectNumber": "123456789012",
        "poolId": "m3ter-pool",
        "providerId": "m3ter-provider"
    })
}

#[test]
fn the_gcs_variant_requires_project_number_pool_id_and_provider_id_of_at_least_1() {
    assert_eq!(errors(&gcs()), vec![]);
    assert_eq!(gcs().destination_type, DestinationTypeGcs::Gcs);
    for member in ["projectNumber", "poolId", "providerId"] {
        let mut empty = gcs_document();
        empty[member] = json!("");
        assert_eq!(
            create_errors(&empty),
            vec![(format!("/{member}"), ErrorCode::Length)],
            "{member}"
        );
        let mut one = gcs_document();
        one[member] = json!("1");
        assert_eq!(create_errors(&one), vec![], "{member}");
        let mut missing = gcs_document();
        missing.as_object_mut().unwrap().remove(member);
        assert_eq!(
            create_errors(&missing),
            vec![(format!("/{member}"), ErrorCode::Required)],
            "{member}"
        );
    }
    let mut request = gcs();
    request.pool_id = String::new();
    let error = request.validate().unwrap_err();
    assert_eq!(
        error.as_slice()[0].kind(),
        &ErrorKind::Length {
            unit: LengthUnit::Characters,
            min: Some(1),
            max: None,
            actual: 0
        }
    );
}

#[test]
fn the_gcs_service_account_email_is_optional_and_there_is_no_iam_role_arn() {
    let mut with_email = gcs_document();
    with_email["serviceAccountEmail"] = json!("exports@acme.iam.gserviceaccount.com");
    assert_eq!(create_errors(&with_email), vec![]);
    let mut request = gcs();
    request.service_account_email = Some("exports@acme.iam.gserviceaccount.com".to_owned());
    assert_eq!(errors(&request), vec![]);
    let schema = serde_json::to_value(schemars::schema_for!(
        CreateExportDestinationGoogleCloudStorageRequest
    ))
    .unwrap();
    assert_eq!(schema["properties"].get("iamRoleArn"), None);
    assert!(schema["properties"].get("serviceAccountEmail").is_some());
}

#[test]
fn the_gcs_bucket_name_is_3_to_63_code_points() {
    for (n, ok) in [(2, false), (3, true), (63, true), (64, false)] {
        let mut request = gcs();
        request.bucket_name = "b".repeat(n);
        let want = if ok {
            vec![]
        } else {
            length_error("/bucketName")
        };
        assert_eq!(errors(&request), want, "{n}");
    }
}

#[test]
fn name_and_code_bounds_hold_on_the_gcs_variant_too() {
    for (member, n, ok) in [
        ("name", 200, true),
        ("name", 201, false),
        ("code", 80, true),
        ("code", 81, false),
    ] {
        let mut document = gcs_document();
        document[member] = json!("x".repeat(n));
        let want = if ok {
            vec![]
        } else {
            length_error(&format!("/{member}"))
        };
        assert_eq!(create_errors(&document), want, "{member} {n}");
    }
}

#[test]
fn version_is_a_64_bit_integer() {
    let mut update =
        json!({"name": "n", "code": "c", "bucketName": "bkt", "iamRoleArn": EXAMPLE_ARN});
    for (version, ok) in [
        (json!(i64::MAX), true),
        (json!(9_223_372_036_854_775_808_u64), false),
        (json!(1), true),
    ] {
        update["version"] = version.clone();
        let result = json::validate(
            update.to_string().as_bytes(),
            Operation::Update,
            Profile::Default,
        );
        assert_eq!(result.is_ok(), ok, "{version}");
    }
    let typed = UpdateExportDestinationS3Request::new(i64::MAX, "n", "c", "bkt", EXAMPLE_ARN);
    assert_eq!(errors(&typed), vec![]);
}

fn org() -> Uuid {
    Uuid::parse_str("67e55044-10b1-426f-9247-bb680e5fe0c8").unwrap()
}

#[test]
fn page_size_is_1_to_200() {
    for (size, ok) in [
        (0, false),
        (1, true),
        (200, true),
        (201, false),
        (-1, false),
    ] {
        let mut list = ListDestinations::new(org());
        list.page_size = Some(size);
        let want = if ok {
            vec![]
        } else {
            vec![("/pageSize".to_owned(), ErrorCode::Range)]
        };
        assert_eq!(errors(&list), want, "{size}");
    }
    let mut list = ListDestinations::new(org());
    list.page_size = Some(200);
    assert_eq!(
        m3ter_models::endpoint::Endpoint::query(&list),
        "?pageSize=200"
    );
    list.page_size = Some(1);
    assert_eq!(
        m3ter_models::endpoint::Endpoint::query(&list),
        "?pageSize=1"
    );
    list.page_size = None;
    assert_eq!(m3ter_models::endpoint::Endpoint::query(&list), "");
}

// The acceptance.

#[test]
fn a_gcs_create_request_with_its_required_members_passes() {
    let text = gcs_document().to_string();
    assert!(json::validate(text.as_bytes(), Operation::Create, Profile::Default).is_ok());
    let value = json::from_slice::<CreateExportDestinationRequest>(text.as_bytes()).unwrap();
    assert_eq!(
        value.into_inner(),
        CreateExportDestinationRequest::Gcs(gcs())
    );
}

#[test]
fn a_gcs_create_request_with_an_iam_role_arn_fails_at_it() {
    let mut document = gcs_document();
    document["iamRoleArn"] = json!(EXAMPLE_ARN);
    let want = vec![("/iamRoleArn".to_owned(), ErrorCode::UnknownField)];
    assert_eq!(create_errors(&document), want);
    let errors =
        json::from_slice::<CreateExportDestinationRequest>(document.to_string().as_bytes())
            .unwrap_err();
    let found: Vec<_> = errors
        .iter()
        .map(|e| (e.path().to_owned(), e.code()))
        .collect();
    assert_eq!(found, want);
}

#[test]
fn an_s3_request_without_an_iam_role_arn_fails_at_it() {
    for tag in [Some("S3"), None] {
        let mut document = serde_json::to_value(valid()).unwrap();
        document.as_object_mut().unwrap().remove("iamRoleArn");
        match tag {
            Some(tag) => document["destinationType"] = json!(tag),
            None => {
                document.as_object_mut().unwrap().remove("destinationType");
            }
        }
        assert_eq!(
            create_errors(&document),
            vec![("/iamRoleArn".to_owned(), ErrorCode::Required)],
            "{document}"
        );
    }
}

#[test]
fn partition_order_null_passes() {
    for mut document in [serde_json::to_value(valid()).unwrap(), gcs_document()] {
        document["partitionOrder"] = json!(null);
        assert_eq!(create_errors(&document), vec![], "{document}");
        let value =
            json::from_slice::<CreateExportDestinationRequest>(document.to_string().as_bytes())
                .unwrap();
        let partition_order = match value.into_inner() {
            CreateExportDestinationRequest::S3(r) => r.partition_order,
            CreateExportDestinationRequest::Gcs(r) => r.partition_order,
        };
        assert_eq!(partition_order, None);
    }
}
