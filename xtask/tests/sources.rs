//! The checked-in copy of m3ter's published document (`schema/m3ter/`) is what m3ter published:
//! its literal values, typed here by hand from the published text, and its length. An edit to
//! the copy (a fix belongs in the overlay) fails here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use serde_json::{Value, json};

const EXCERPT: &str = "schema/m3ter/export-destinations.openapi.json";

fn excerpt_text() -> String {
    std::fs::read_to_string(xtask::codegen::workspace_root().join(EXCERPT)).unwrap()
}

fn excerpt() -> Value {
    serde_json::from_str(&excerpt_text()).unwrap()
}

fn at<'a>(doc: &'a Value, pointer: &str) -> &'a Value {
    doc.pointer(pointer)
        .unwrap_or_else(|| panic!("{EXCERPT} has nothing at {pointer}"))
}

const S3: &str = "/components/schemas/ExportDestinationS3Request";
const GCS: &str = "/components/schemas/ExportDestinationGoogleCloudStorageRequest";
const BASE: &str = "/components/schemas/ExportDestinationBaseRequest";

#[test]
fn the_copy_is_byte_for_byte_what_was_published() {
    let text = excerpt_text();
    // PROVENANCE.md: 29,039 bytes, no trailing newline, LF only.
    assert_eq!(text.len(), 29_039);
    assert!(text.ends_with("\n}") && !text.contains('\r'));
}

#[test]
fn the_copy_keeps_m3ters_published_values() {
    let doc = excerpt();
    assert_eq!(at(&doc, "/openapi"), "3.0.1");
    assert_eq!(at(&doc, "/info/title"), "m3ter API");
    // The Java-dialect pattern, as published (the overlay replaces it).
    assert_eq!(
        at(&doc, &format!("{BASE}/properties/code/pattern")),
        r"^([^[\p{Cntrl}\s]])|([^[\p{Cntrl}\s]][[^[\p{Cntrl}\s]] ]*[^[\p{Cntrl}\s]])$"
    );
    assert_eq!(at(&doc, &format!("{BASE}/properties/code/minLength")), 1);
    assert_eq!(at(&doc, &format!("{BASE}/properties/code/maxLength")), 80);
    assert_eq!(at(&doc, &format!("{BASE}/properties/name/minLength")), 1);
    assert_eq!(at(&doc, &format!("{BASE}/properties/name/maxLength")), 200);
    for variant in [S3, GCS] {
        assert_eq!(
            at(&doc, &format!("{variant}/properties/bucketName/minLength")),
            3
        );
        assert_eq!(
            at(&doc, &format!("{variant}/properties/bucketName/maxLength")),
            63
        );
        assert_eq!(
            at(
                &doc,
                &format!("{variant}/properties/partitionOrder/nullable")
            ),
            true
        );
        assert!(at(&doc, variant).get("additionalProperties").is_none());
    }
    assert_eq!(
        at(&doc, &format!("{S3}/properties/iamRoleArn/pattern")),
        r"^arn:aws:iam::\d+:role/.*$"
    );
    let page_size = "/paths/~1organizations~1{orgId}~1dataexports~1destinations/get/parameters/1";
    assert_eq!(at(&doc, &format!("{page_size}/name")), "pageSize");
    assert_eq!(
        at(&doc, &format!("{page_size}/schema")),
        &json!({"maximum": 200, "minimum": 1, "type": "integer", "format": "int32"})
    );
    // DELETE's `id`: `minimum`/`maximum` 36 on a string, as published.
    let delete_id =
        "/paths/~1organizations~1{orgId}~1dataexports~1destinations~1{id}/delete/parameters/1";
    assert_eq!(
        at(&doc, &format!("{delete_id}/schema")),
        &json!({"maximum": 36, "minimum": 36, "type": "string"})
    );
    assert_eq!(
        at(
            &doc,
            "/components/schemas/AbstractRequest/properties/version/format"
        ),
        "int64"
    );
    assert_eq!(
        at(&doc, "/components/schemas/PartitionOrder/enum"),
        &json!(["TYPE_FIRST", "TIME_FIRST"])
    );
}
