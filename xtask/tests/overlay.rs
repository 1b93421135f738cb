//! The checked-in overlay applied to the checked-in excerpt of m3ter's document: every action
//! matches, and each result is where it should be, with its literal value typed here by hand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use serde_json::{Value, json};
use xtask::codegen::{self, json::Json, overlay::Overlay};

fn read(path: &str) -> String {
    std::fs::read_to_string(codegen::workspace_root().join(path)).unwrap()
}

fn excerpt() -> Value {
    serde_json::from_str(&read(codegen::DEFAULT_SPEC)).unwrap()
}

fn overlaid() -> Value {
    let doc = codegen::overlaid(
        &read(codegen::DEFAULT_SPEC),
        &read(codegen::DEFAULT_OVERLAY),
    )
    .unwrap_or_else(|errors| panic!("the overlay does not apply: {errors:#?}"));
    Value::from(&doc)
}

fn at<'a>(doc: &'a Value, pointer: &str) -> &'a Value {
    doc.pointer(pointer)
        .unwrap_or_else(|| panic!("the overlaid document has nothing at {pointer}"))
}

const LIST: &str = "/paths/~1organizations~1{orgId}~1dataexports~1destinations/get";
const CREATE: &str = "/paths/~1organizations~1{orgId}~1dataexports~1destinations/post";
const RETRIEVE: &str = "/paths/~1organizations~1{orgId}~1dataexports~1destinations~1{id}/get";
const UPDATE: &str = "/paths/~1organizations~1{orgId}~1dataexports~1destinations~1{id}/put";
const DELETE: &str = "/paths/~1organizations~1{orgId}~1dataexports~1destinations~1{id}/delete";
const SCHEMAS: &str = "/components/schemas";
const S3: &str = "/components/schemas/ExportDestinationS3Request";
const GCS: &str = "/components/schemas/ExportDestinationGoogleCloudStorageRequest";

#[test]
fn every_action_matches_and_changes_the_nodes_it_names() {
    let mut doc = Json::parse(&read(codegen::DEFAULT_SPEC)).unwrap();
    let overlay = Overlay::parse(&read(codegen::DEFAULT_OVERLAY)).unwrap();
    let counts = overlay.apply(&mut doc).unwrap();
    assert!(counts.iter().all(|&n| n >= 1), "{counts:?}");
    // Per action, in the overlay's order: five operations named; the request union named,
    // removed from POST and PUT, referred to from both; the response union likewise for four
    // operations; iamRoleArn, code, version; both variants closed; orgId in five operations,
    // id in three, DELETE's minimum and maximum, the ids items; partitionOrder removed and
    // written again in both variants; the two strict bucket names.
    assert_eq!(
        counts,
        [
            1, 1, 1, 1, 1, 1, 2, 2, 1, 4, 4, 1, 1, 1, 2, 5, 3, 2, 1, 2, 2, 1, 1
        ]
    );
}

#[test]
fn the_operations_are_named() {
    let doc = overlaid();
    for (operation, name) in [
        (LIST, "list"),
        (CREATE, "create"),
        (RETRIEVE, "retrieve"),
        (UPDATE, "update"),
        (DELETE, "delete"),
    ] {
        assert_eq!(at(&doc, &format!("{operation}/x-m3ter-operation")), name);
    }
}

#[test]
fn the_inline_unions_are_named_components_referred_to_by_every_operation() {
    let original = excerpt();
    let doc = overlaid();
    let request = json!({
        "discriminator": {
            "propertyName": "destinationType",
            "mapping": {
                "S3": "#/components/schemas/ExportDestinationS3Request",
                "GCS": "#/components/schemas/ExportDestinationGoogleCloudStorageRequest"
            }
        },
        "anyOf": [
            {"$ref": "#/components/schemas/ExportDestinationS3Request"},
            {"$ref": "#/components/schemas/ExportDestinationGoogleCloudStorageRequest"}
        ]
    });
    let response = json!({
        "discriminator": {
            "propertyName": "destinationType",
            "mapping": {
                "S3": "#/components/schemas/ExportDestinationS3Response",
                "GCS": "#/components/schemas/ExportDestinationGoogleCloudStorageResponse"
            }
        },
        "anyOf": [
            {"$ref": "#/components/schemas/ExportDestinationS3Response"},
            {"$ref": "#/components/schemas/ExportDestinationGoogleCloudStorageResponse"}
        ]
    });
    assert_eq!(
        at(&doc, &format!("{SCHEMAS}/ExportDestinationRequest")),
        &request
    );
    assert_eq!(
        at(&doc, &format!("{SCHEMAS}/ExportDestinationResponse")),
        &response
    );
    let body = "requestBody/content/application~1json/schema";
    for operation in [CREATE, UPDATE] {
        // Exactly the inline schema that was there.
        assert_eq!(at(&original, &format!("{operation}/{body}")), &request);
        assert_eq!(
            at(&doc, &format!("{operation}/{body}")),
            &json!({"$ref": "#/components/schemas/ExportDestinationRequest"})
        );
    }
    let ok = "responses/200/content/application~1json/schema";
    for operation in [CREATE, RETRIEVE, UPDATE, DELETE] {
        assert_eq!(at(&original, &format!("{operation}/{ok}")), &response);
        assert_eq!(
            at(&doc, &format!("{operation}/{ok}")),
            &json!({"$ref": "#/components/schemas/ExportDestinationResponse"})
        );
    }
    // The list's own response is untouched.
    assert_eq!(
        at(&doc, &format!("{LIST}/{ok}")),
        &json!({"$ref": "#/components/schemas/PaginatedExportDestinationBaseResponseData"})
    );
}

#[test]
fn the_iam_role_arn_and_the_code_have_exact_patterns() {
    let doc = overlaid();
    let arn = at(&doc, &format!("{S3}/properties/iamRoleArn"));
    assert_eq!(
        arn["pattern"],
        "^arn:aws:iam::[0-9]{12}:role/(?:[!-~]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}$"
    );
    assert_eq!(arn["format"], "aws-iam-role-arn");
    assert_eq!(arn["minLength"], 1);
    let code = at(
        &doc,
        "/components/schemas/ExportDestinationBaseRequest/properties/code",
    );
    assert_eq!(
        code["pattern"],
        r"^[^\x00-\x20\x7F](?:[^\x00-\x1F\x7F]*[^\x00-\x20\x7F])?$"
    );
    assert_eq!(
        code["x-m3ter-pattern-rule"],
        "must not contain control characters or whitespace other than inner spaces, and must \
         not start or end with a space"
    );
    assert_eq!(
        (&code["minLength"], &code["maxLength"]),
        (&json!(1), &json!(80))
    );
}

#[test]
fn version_is_forbidden_on_create_and_required_on_update_and_at_least_one() {
    let doc = overlaid();
    let version = at(
        &doc,
        "/components/schemas/AbstractRequest/properties/version",
    );
    assert_eq!(version["minimum"], 1);
    assert_eq!(
        version["x-m3ter-operations"],
        json!({"create": "forbidden", "update": "required"})
    );
    assert_eq!(version["format"], "int64");
}

#[test]
fn both_request_variants_reject_unknown_members_and_only_they() {
    let doc = overlaid();
    assert_eq!(at(&doc, &format!("{S3}/additionalProperties")), false);
    assert_eq!(at(&doc, &format!("{GCS}/additionalProperties")), false);
    let schemas = at(&doc, SCHEMAS).as_object().unwrap();
    let closed: Vec<&str> = schemas
        .iter()
        .filter(|(_, schema)| schema.get("additionalProperties").is_some())
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(
        closed,
        [
            "ExportDestinationGoogleCloudStorageRequest",
            "ExportDestinationS3Request"
        ]
    );
}

#[test]
fn the_path_parameters_and_the_ids_are_uuids() {
    let doc = overlaid();
    for operation in [LIST, CREATE, RETRIEVE, UPDATE, DELETE] {
        let org = at(&doc, &format!("{operation}/parameters/0"));
        assert_eq!(org["name"], "orgId");
        assert_eq!(org["schema"]["format"], "uuid");
        assert_eq!(org["schema"]["type"], "string");
    }
    for operation in [RETRIEVE, UPDATE] {
        assert_eq!(
            at(&doc, &format!("{operation}/parameters/1/schema")),
            &json!({"type": "string", "format": "uuid"})
        );
    }
    // DELETE's `id`: `minimum`/`maximum` gone.
    assert_eq!(
        at(&doc, &format!("{DELETE}/parameters/1/schema")),
        &json!({"type": "string", "format": "uuid"})
    );
    let ids = at(&doc, &format!("{LIST}/parameters/3"));
    assert_eq!(ids["name"], "ids");
    assert_eq!(
        ids["schema"]["items"],
        json!({"type": "string", "format": "uuid"})
    );
    // The other query parameters are as published.
    assert_eq!(
        at(&doc, &format!("{LIST}/parameters/1/schema")),
        &json!({"maximum": 200, "minimum": 1, "type": "integer", "format": "int32"})
    );
}

#[test]
fn partition_order_is_a_partition_order_or_null_in_both_variants() {
    let doc = overlaid();
    let expected = json!({
        "description": "Output partitioning",
        "anyOf": [
            {"$ref": "#/components/schemas/PartitionOrder"},
            {"type": "string", "nullable": true, "enum": [null]}
        ]
    });
    for variant in [S3, GCS] {
        assert_eq!(
            at(&doc, &format!("{variant}/properties/partitionOrder")),
            &expected
        );
    }
    // The responses keep m3ter's form.
    assert!(
        at(
            &doc,
            "/components/schemas/ExportDestinationS3Response/properties/partitionOrder"
        )
        .get("allOf")
        .is_some()
    );
}

#[test]
fn the_strict_profile_names_each_variants_bucket_format() {
    let doc = overlaid();
    let s3 = at(&doc, &format!("{S3}/properties/bucketName"));
    assert_eq!(s3["x-m3ter-strict"], json!({"format": "s3-bucket-name"}));
    assert_eq!(
        (&s3["minLength"], &s3["maxLength"]),
        (&json!(3), &json!(63))
    );
    let gcs = at(&doc, &format!("{GCS}/properties/bucketName"));
    assert_eq!(gcs["x-m3ter-strict"], json!({"format": "gcs-bucket-name"}));
    assert_eq!(
        (&gcs["minLength"], &gcs["maxLength"]),
        (&json!(3), &json!(63))
    );
}

#[test]
fn the_overlay_keeps_the_order_of_the_members_it_does_not_touch() {
    let doc = codegen::overlaid(
        &read(codegen::DEFAULT_SPEC),
        &read(codegen::DEFAULT_OVERLAY),
    )
    .unwrap();
    let names = |pointer: &[&str]| -> Vec<String> {
        let mut node = &doc;
        for key in pointer {
            node = node.get(key).unwrap();
        }
        node.members()
            .unwrap()
            .iter()
            .map(|(k, _)| k.clone())
            .collect()
    };
    // The published order, the new members at the end.
    assert_eq!(
        names(&[
            "components",
            "schemas",
            "ExportDestinationS3Request",
            "properties"
        ]),
        [
            "bucketName",
            "prefix",
            "iamRoleArn",
            "destinationType",
            "partitionOrder"
        ]
    );
    assert_eq!(
        names(&[
            "components",
            "schemas",
            "ExportDestinationS3Request",
            "properties",
            "iamRoleArn"
        ]),
        ["minLength", "pattern", "type", "description", "format"]
    );
    let schemas = names(&["components", "schemas"]);
    assert_eq!(
        schemas[schemas.len() - 2..],
        ["ExportDestinationRequest", "ExportDestinationResponse"]
    );
}
