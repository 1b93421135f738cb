//! Every operation's descriptor: its method and path template as m3ter publishes them, the
//! path and query it renders (percent-encoded), the responses it parses by status, and the
//! validation of its parameters. The literals are typed here from m3ter's document
//! (`m3ter-current-api.md`), not read from it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::endpoint::{Endpoint, Method};
use m3ter_models::types::Uuid;
use m3ter_models::{
    DeleteDestination, DeleteDestinationResponse, DestinationTypeGcs, ErrorBody, ErrorCode,
    ExportDestinationResponse, GetExportDestination, GetExportDestinationResponse,
    ListDestinations, ListDestinationsResponse, Operation, PostDestination,
    PostDestinationResponse, PutDestination, PutDestinationResponse, Validate,
};

const ORG: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";
const ID: &str = "7d9f6f0e-2f7a-4d5e-9d8e-1f2a3b4c5d6e";
const COLLECTION: &str = "/organizations/{orgId}/dataexports/destinations";
const ITEM: &str = "/organizations/{orgId}/dataexports/destinations/{id}";

fn org() -> Uuid {
    Uuid::parse_str(ORG).unwrap()
}

fn id() -> Uuid {
    Uuid::parse_str(ID).unwrap()
}

#[test]
fn methods_templates_and_operation_ids() {
    assert_eq!(ListDestinations::METHOD, Method::Get);
    assert_eq!(ListDestinations::PATH_TEMPLATE, COLLECTION);
    assert_eq!(ListDestinations::OPERATION_ID, "ListDestinations");
    assert_eq!(PostDestination::METHOD, Method::Post);
    assert_eq!(PostDestination::PATH_TEMPLATE, COLLECTION);
    assert_eq!(PostDestination::OPERATION_ID, "PostDestination");
    assert_eq!(GetExportDestination::METHOD, Method::Get);
    assert_eq!(GetExportDestination::PATH_TEMPLATE, ITEM);
    assert_eq!(GetExportDestination::OPERATION_ID, "GetExportDestination");
    assert_eq!(PutDestination::METHOD, Method::Put);
    assert_eq!(PutDestination::PATH_TEMPLATE, ITEM);
    assert_eq!(PutDestination::OPERATION_ID, "PutDestination");
    assert_eq!(DeleteDestination::METHOD, Method::Delete);
    assert_eq!(DeleteDestination::PATH_TEMPLATE, ITEM);
    assert_eq!(DeleteDestination::OPERATION_ID, "DeleteDestination");
    assert_eq!(Method::Delete.as_str(), "DELETE");
    // `Operation` says the same per operation.
    let expected = [
        (Operation::List, Method::Get, COLLECTION, "ListDestinations"),
        (
            Operation::Create,
            Method::Post,
            COLLECTION,
            "PostDestination",
        ),
        (
            Operation::Retrieve,
            Method::Get,
            ITEM,
            "GetExportDestination",
        ),
        (Operation::Update, Method::Put, ITEM, "PutDestination"),
        (Operation::Delete, Method::Delete, ITEM, "DeleteDestination"),
    ];
    assert_eq!(Operation::ALL.len(), expected.len());
    for (operation, method, template, operation_id) in expected {
        assert_eq!(operation.method(), method, "{operation}");
        assert_eq!(operation.path_template(), template, "{operation}");
        assert_eq!(operation.operation_id(), operation_id, "{operation}");
    }
    // Only create and update take a body; every operation has a 200 body and none for 204.
    for operation in Operation::ALL {
        let has_body = matches!(operation, Operation::Create | Operation::Update);
        assert_eq!(operation.request_body().is_some(), has_body, "{operation}");
        assert!(operation.response_body(200).is_some(), "{operation}");
        assert_eq!(
            operation.response_body(404).map(|b| b.type_name),
            Some("ErrorBody")
        );
        assert!(operation.response_body(204).is_none(), "{operation}");
    }
}

#[test]
fn paths_render_uuids() {
    let collection = format!("/organizations/{ORG}/dataexports/destinations");
    let item = format!("/organizations/{ORG}/dataexports/destinations/{ID}");
    assert_eq!(ListDestinations::new(org()).path(), collection);
    assert_eq!(PostDestination::new(org()).path(), collection);
    assert_eq!(GetExportDestination::new(org(), id()).path(), item);
    assert_eq!(PutDestination::new(org(), id()).path(), item);
    assert_eq!(DeleteDestination::new(org(), id()).path(), item);
    // Only the list has a query.
    assert_eq!(PostDestination::new(org()).query(), "");
    assert_eq!(GetExportDestination::new(org(), id()).query(), "");
    assert_eq!(PutDestination::new(org(), id()).query(), "");
    assert_eq!(DeleteDestination::new(org(), id()).query(), "");
    assert_eq!(DeleteDestination::new(org(), id()).path_and_query(), item);
}

#[test]
fn the_list_query_is_percent_encoded_and_ids_are_exploded() {
    let mut list = ListDestinations::new(org());
    assert_eq!(list.query(), "");
    list.page_size = Some(50);
    list.next_token = Some("a&b c=é+/".to_owned());
    list.ids = Some(vec![org(), id()]);
    assert_eq!(
        list.query(),
        format!("?pageSize=50&nextToken=a%26b%20c%3D%C3%A9%2B%2F&ids={ORG}&ids={ID}")
    );
    assert_eq!(
        list.path_and_query(),
        format!(
            "/organizations/{ORG}/dataexports/destinations\
             ?pageSize=50&nextToken=a%26b%20c%3D%C3%A9%2B%2F&ids={ORG}&ids={ID}"
        )
    );
    list.page_size = None;
    list.next_token = None;
    list.ids = Some(vec![id()]);
    assert_eq!(list.query(), format!("?ids={ID}"));
    list.ids = Some(Vec::new());
    assert_eq!(list.query(), "");
    list.next_token = Some("😀".to_owned());
    assert_eq!(list.query(), "?nextToken=%F0%9F%98%80");
}

#[test]
fn page_size_out_of_range_is_a_range_error() {
    for size in [0, 201] {
        let mut list = ListDestinations::new(org());
        list.page_size = Some(size);
        let errors = list.validate().unwrap_err();
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect();
        assert_eq!(
            found,
            vec![("/pageSize".to_owned(), ErrorCode::Range)],
            "{size}"
        );
    }
    for size in [1, 200] {
        let mut list = ListDestinations::new(org());
        list.page_size = Some(size);
        assert!(list.validate().is_ok(), "{size}");
    }
}

const GCS_RESPONSE: &str = r#"{
    "id": "7d9f6f0e-2f7a-4d5e-9d8e-1f2a3b4c5d6e",
    "version": 2,
    "name": "Finance exports",
    "code": "finance_exports",
    "destinationType": "GCS",
    "dtCreated": "2023-11-07T05:31:56Z",
    "bucketName": "acme-billing-exports",
    "projectNumber": "123456789012",
    "poolId": "m3ter-pool",
    "providerId": "m3ter-provider",
    "serviceAccountEmail": "exports@acme.iam.gserviceaccount.com",
    "partitionOrder": "TIME_FIRST"
}"#;

fn gcs_response() -> ExportDestinationResponse {
    let response = m3ter_models::json::from_str::<ExportDestinationResponse>(GCS_RESPONSE)
        .unwrap()
        .into_inner();
    assert!(
        matches!(response, ExportDestinationResponse::Gcs(_)),
        "the tag GCS selects the GCS response: {response:?}"
    );
    response
}

#[test]
fn a_200_parses_a_gcs_response_for_every_single_destination_operation() {
    let body = GCS_RESPONSE.as_bytes();
    let ExportDestinationResponse::Gcs(gcs) = gcs_response() else {
        panic!("GCS")
    };
    assert_eq!(gcs.id, ID);
    assert_eq!(gcs.version, Some(2));
    assert_eq!(gcs.destination_type, DestinationTypeGcs::Gcs);
    assert_eq!(gcs.project_number.as_deref(), Some("123456789012"));
    assert_eq!(gcs.pool_id.as_deref(), Some("m3ter-pool"));
    assert_eq!(gcs.provider_id.as_deref(), Some("m3ter-provider"));
    assert_eq!(
        PostDestination::parse_response(200, body).unwrap(),
        PostDestinationResponse::Status200(gcs_response())
    );
    assert_eq!(
        GetExportDestination::parse_response(200, body).unwrap(),
        GetExportDestinationResponse::Status200(gcs_response())
    );
    assert_eq!(
        PutDestination::parse_response(200, body).unwrap(),
        PutDestinationResponse::Status200(gcs_response())
    );
    assert_eq!(
        DeleteDestination::parse_response(200, body).unwrap(),
        DeleteDestinationResponse::Status200(gcs_response())
    );
    // A 200 body that is not a response is an error: `id` is required.
    let errors =
        GetExportDestination::parse_response(200, br#"{"destinationType": "GCS"}"#).unwrap_err();
    assert_eq!(errors.as_slice()[0].path(), "/id");
    assert_eq!(errors.as_slice()[0].code(), ErrorCode::Required);
}

#[test]
fn a_200_of_the_list_parses_a_page() {
    let page = format!(
        r#"{{"data": [{{"id": "{ID}", "destinationType": "S3", "name": "a"}},
                     {{"id": "{ORG}", "destinationType": "GCS", "code": "b"}}],
            "nextToken": "t&1"}}"#
    );
    let ListDestinationsResponse::Status200(page) =
        ListDestinations::parse_response(200, page.as_bytes()).unwrap()
    else {
        panic!("200 is the page")
    };
    assert_eq!(page.next_token.as_deref(), Some("t&1"));
    let data = page.data.unwrap();
    assert_eq!(data.len(), 2);
    assert_eq!(data[0].id, ID);
    assert_eq!(data[0].name.as_deref(), Some("a"));
    assert_eq!(
        data[1].destination_type,
        Some(m3ter_models::DataExportDestinationType::Gcs)
    );
    let empty = ListDestinations::parse_response(200, b"{}").unwrap();
    assert_eq!(
        empty,
        ListDestinationsResponse::Status200(
            m3ter_models::PaginatedExportDestinationBaseResponseData::new()
        )
    );
    // A list item without its `id` is an error at its pointer.
    let errors =
        ListDestinations::parse_response(200, br#"{"data": [{"name": "a"}]}"#).unwrap_err();
    assert_eq!(errors.as_slice()[0].path(), "/data/0/id");
}

#[test]
fn a_404_parses_the_error_body_and_keeps_its_status() {
    let body = br#"{"message": "Export Destination not found"}"#;
    let error = ErrorBody {
        message: Some("Export Destination not found".to_owned()),
    };
    assert_eq!(
        ListDestinations::parse_response(404, body).unwrap(),
        ListDestinationsResponse::Status4XX(404, error.clone())
    );
    assert_eq!(
        PostDestination::parse_response(404, body).unwrap(),
        PostDestinationResponse::Status4XX(404, error.clone())
    );
    assert_eq!(
        GetExportDestination::parse_response(404, body).unwrap(),
        GetExportDestinationResponse::Status4XX(404, error.clone())
    );
    assert_eq!(
        PutDestination::parse_response(404, body).unwrap(),
        PutDestinationResponse::Status4XX(404, error.clone())
    );
    assert_eq!(
        DeleteDestination::parse_response(404, body).unwrap(),
        DeleteDestinationResponse::Status4XX(404, error.clone())
    );
    assert_eq!(
        GetExportDestination::parse_response(503, body).unwrap(),
        GetExportDestinationResponse::Status5XX(503, error)
    );
    // An error body of the wrong shape is an error, not a silent default.
    let errors = DeleteDestination::parse_response(409, br#"{"message": 3}"#).unwrap_err();
    assert_eq!(errors.as_slice()[0].path(), "/message");
    assert_eq!(errors.as_slice()[0].code(), ErrorCode::Type);
}

#[test]
fn an_undocumented_status_is_kept_and_its_body_not_read() {
    for status in [204, 302] {
        assert_eq!(
            GetExportDestination::parse_response(status, b"not json").unwrap(),
            GetExportDestinationResponse::Undocumented(status)
        );
        assert_eq!(
            ListDestinations::parse_response(status, b"").unwrap(),
            ListDestinationsResponse::Undocumented(status)
        );
        assert_eq!(
            DeleteDestination::parse_response(status, b"").unwrap(),
            DeleteDestinationResponse::Undocumented(status)
        );
    }
}
