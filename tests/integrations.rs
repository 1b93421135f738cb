//! The ecosystem integrations: `validator::Validate` and `schemars::JsonSchema`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::{
    CreateExportDestinationGoogleCloudStorageRequest, CreateExportDestinationRequest,
    CreateExportDestinationS3Request, DataExportDestinationType, UpdateExportDestinationRequest,
    UpdateExportDestinationS3Request,
};
use serde_json::json;

const EXAMPLE_ARN: &str = "arn:aws:iam::922609978421:role/IAMRole636";

#[test]
fn models_implement_validator_validate() {
    use validator::Validate as _;
    let ok = CreateExportDestinationS3Request::new("n", "c", "bkt", EXAMPLE_ARN);
    assert!(validator::Validate::validate(&ok).is_ok());
    let mut bad = ok.clone();
    bad.name = "n".repeat(201);
    bad.bucket_name = "b".into();
    let errors = bad.validate().unwrap_err();
    let fields = errors.field_errors();
    let name = &fields["name"][0];
    assert_eq!(name.code, "length");
    assert_eq!(name.params["max"], json!(200));
    assert_eq!(name.params["actual"], json!(201));
    assert_eq!(name.params["path"], json!("/name"));
    assert_eq!(fields["bucketName"][0].code, "length");
    // Through the union: the variant's errors.
    let union = CreateExportDestinationRequest::from(bad);
    let errors = validator::Validate::validate(&union).unwrap_err();
    assert_eq!(errors.field_errors()["name"][0].code, "length");
}

#[test]
fn the_json_schema_carries_the_constraints() {
    let schema =
        serde_json::to_value(schemars::schema_for!(CreateExportDestinationS3Request)).unwrap();
    let props = &schema["properties"];
    assert_eq!(props["name"]["minLength"], json!(1));
    assert_eq!(props["name"]["maxLength"], json!(200));
    assert_eq!(props["code"]["maxLength"], json!(80));
    assert_eq!(props["bucketName"]["minLength"], json!(3));
    assert_eq!(props["bucketName"]["maxLength"], json!(63));
    assert_eq!(props["iamRoleArn"]["format"], json!("aws-iam-role-arn"));
    assert!(
        props["iamRoleArn"]["pattern"]
            .as_str()
            .unwrap()
            .starts_with("^arn:aws:iam::")
    );
    assert_eq!(
        props["version"],
        json!(false),
        "version is forbidden on create: {schema:#}"
    );
    assert_eq!(schema["additionalProperties"], json!(false));
    let mut required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    required.sort_unstable();
    assert_eq!(required, ["bucketName", "code", "iamRoleArn", "name"]);
    assert_eq!(schema["title"], json!("CreateExportDestinationS3Request"));

    let gcs = serde_json::to_value(schemars::schema_for!(
        CreateExportDestinationGoogleCloudStorageRequest
    ))
    .unwrap();
    let mut required: Vec<&str> = gcs["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    required.sort_unstable();
    assert_eq!(
        required,
        [
            "bucketName",
            "code",
            "name",
            "poolId",
            "projectNumber",
            "providerId"
        ]
    );
    assert_eq!(gcs["properties"].get("iamRoleArn"), None);
    assert_eq!(gcs["additionalProperties"], json!(false));

    let update =
        serde_json::to_value(schemars::schema_for!(UpdateExportDestinationS3Request)).unwrap();
    assert_eq!(update["properties"]["version"]["minimum"], json!(1));
    assert!(
        update["required"]
            .as_array()
            .unwrap()
            .contains(&json!("version"))
    );

    let enum_schema =
        serde_json::to_value(schemars::schema_for!(DataExportDestinationType)).unwrap();
    assert_eq!(enum_schema["enum"], json!(["S3", "GCS"]));

    // The union is the `anyOf` of its variants.
    let union =
        serde_json::to_value(schemars::schema_for!(UpdateExportDestinationRequest)).unwrap();
    assert_eq!(
        union["anyOf"].as_array().map(Vec::len),
        Some(2),
        "{union:#}"
    );
}

/// Bounds beyond `i64` are written exactly (they were clamped to `i64::MAX`).
#[test]
fn the_json_schema_writes_bounds_beyond_64_bit_signed_exactly() {
    #[derive(m3ter_models::Validate)]
    #[spec(json_schema)]
    #[allow(dead_code)]
    struct Big {
        #[spec(minimum = 10000000000000000000, maximum = 18446744073709551615)]
        n: u64,
    }
    let schema = serde_json::to_value(schemars::schema_for!(Big)).unwrap();
    assert_eq!(
        schema["properties"]["n"]["minimum"],
        json!(10_000_000_000_000_000_000_u64)
    );
    assert_eq!(schema["properties"]["n"]["maximum"], json!(u64::MAX));
}
