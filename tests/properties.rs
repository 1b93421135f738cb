//! Property tests: the validators on inputs nobody wrote down. The source document's literal
//! values (200, 80, 63, the example ARN) are written here, not read from the fragment.
//!
//! Case counts are sized for CI; `M3TER_PROPTEST_CASES=10000 cargo test -p m3ter-workspace-tests -- properties::`
//! runs a long local session. Failing seeds are kept in `tests/proptest-regressions/`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::error::{ErrorKind, LengthUnit};
use m3ter_models::json::{self, Operation, Profile};
use m3ter_models::strategies;
use m3ter_models::{
    CreateExportDestinationRequest, CreateExportDestinationS3Request, DataExportDestinationType,
    ErrorCode, ExportDestinationResponse, PartitionOrder, UpdateExportDestinationRequest, Validate,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde_json::{Value, json};

const EXAMPLE_ARN: &str = "arn:aws:iam::922609978421:role/IAMRole636";

fn config(default_cases: u32) -> Config {
    Config {
        cases: m3ter_workspace_tests::proptest_cases(default_cases),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/properties.txt",
        ))),
        ..Config::default()
    }
}

fn valid_document() -> Value {
    json!({"name": "Finance exports", "code": "finance_exports", "bucketName": "acme-billing-exports", "iamRoleArn": EXAMPLE_ARN})
}

/// A valid GCS create request, tagged.
fn valid_gcs_document() -> Value {
    json!({"name": "Finance exports", "code": "finance_exports", "bucketName": "acme-billing-exports",
        "destinationType": "GCS", "projectNumber": "123456789012", "poolId": "m3ter-pool",
        "providerId": "m3ter-provider"})
}

fn errors(document: &Value, operation: Operation) -> Vec<(String, ErrorCode)> {
    match json::validate_value(document, operation, Profile::Default) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect(),
    }
}

/// A character of the given UTF-8 width (1–4 bytes), or a combining mark; none is a space or
/// control character, so `code`'s rule holds for strings of them.
fn char_of_width() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::char::range('a', 'z'),
        proptest::char::range('\u{e0}', '\u{ff}'),
        proptest::char::range('\u{4e00}', '\u{9fff}'),
        proptest::char::range('\u{1f300}', '\u{1f5ff}'),
        Just('\u{301}'),
    ]
}

/// Strings of exactly `n` code points, `n` near `bound`.
fn string_near(bound: usize) -> impl Strategy<Value = String> {
    (bound.saturating_sub(2)..=bound + 2).prop_flat_map(|n| {
        proptest::collection::vec(char_of_width(), n).prop_map(|chars| chars.into_iter().collect())
    })
}

fn check_length(field: &str, min: u64, max: Option<u64>, value: &str) -> Result<(), TestCaseError> {
    let mut document = valid_document();
    document[field] = json!(value);
    let n = value.chars().count() as u64;
    let in_range = n >= min && max.is_none_or(|max| n <= max);
    let result = json::validate_value(&document, Operation::Create, Profile::Default);
    let length_errors: Vec<_> = result
        .as_ref()
        .err()
        .map(|e| {
            e.iter()
                .filter(|e| e.code() == ErrorCode::Length)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    prop_assert_eq!(
        length_errors.is_empty(),
        in_range,
        "{} of {} code points",
        field,
        n
    );
    if let Some(error) = length_errors.first() {
        prop_assert_eq!(error.path(), format!("/{field}"));
        prop_assert_eq!(
            error.kind(),
            &ErrorKind::Length {
                unit: LengthUnit::Characters,
                min: Some(min),
                max,
                actual: n
            }
        );
    }
    // The typed model agrees with the raw walk.
    let typed: CreateExportDestinationRequest = serde_json::from_value(document).unwrap();
    let typed_length = typed
        .validate()
        .err()
        .map(|e| e.iter().filter(|e| e.code() == ErrorCode::Length).count())
        .unwrap_or(0);
    prop_assert_eq!(typed_length, usize::from(!in_range));
    Ok(())
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn name_is_1_to_200_code_points(value in prop_oneof![string_near(1), string_near(200)]) {
        check_length("name", 1, Some(200), &value)?;
    }

    #[test]
    fn code_is_1_to_80_code_points(value in prop_oneof![string_near(1), string_near(80)]) {
        check_length("code", 1, Some(80), &value)?;
    }

    #[test]
    fn bucket_name_is_3_to_63_code_points(value in prop_oneof![string_near(3), string_near(63)]) {
        check_length("bucketName", 3, Some(63), &value)?;
    }

    #[test]
    fn iam_role_arn_is_at_least_1_code_point(value in string_near(1)) {
        check_length("iamRoleArn", 1, None, &value)?;
    }

    #[test]
    fn enum_values_are_exactly_the_documented_ones(value in prop_oneof![
        Just("S3".to_owned()), Just("GCS".to_owned()), Just("TYPE_FIRST".to_owned()), Just("TIME_FIRST".to_owned()),
        Just("s3".to_owned()), Just("gcs".to_owned()), Just(" S3".to_owned()), Just("GCS ".to_owned()), Just("S4".to_owned()),
        Just("type_first".to_owned()), Just("TIME-FIRST".to_owned()), Just(String::new()), "[A-Za-z_0-9 ]{0,12}",
    ]) {
        for (field, allowed) in [("destinationType", ["S3", "GCS"]), ("partitionOrder", ["TYPE_FIRST", "TIME_FIRST"])] {
            // The tag GCS selects the GCS variant: the document has its members.
            let mut document = if value == "GCS" { valid_gcs_document() } else { valid_document() };
            document[field] = json!(value);
            let result = json::validate_value(&document, Operation::Create, Profile::Default);
            if allowed.contains(&value.as_str()) {
                prop_assert!(result.is_ok());
            } else {
                let errors = result.unwrap_err();
                prop_assert_eq!(errors.len(), 1);
                let error = &errors.as_slice()[0];
                let path = format!("/{field}");
                prop_assert_eq!((error.path(), error.code()), (path.as_str(), ErrorCode::Enum));
                prop_assert_eq!(&error.params()["allowed"], &json!(allowed));
            }
        }
    }

    #[test]
    fn valid_arns_are_accepted(arn in strategies::iam_role_arn()) {
        let mut document = valid_document();
        document["iamRoleArn"] = json!(arn);
        prop_assert_eq!(errors(&document, Operation::Create), vec![]);
    }

    #[test]
    fn every_wrong_arn_says_what_is_wrong((arn, part) in arn_mutation()) {
        let mut request = CreateExportDestinationS3Request::new("n", "c", "bkt", arn.clone());
        let errors = request.validate().unwrap_err();
        let format = errors.iter().find(|e| e.code() == ErrorCode::Format).unwrap();
        prop_assert_eq!(format.path(), "/iamRoleArn");
        let params = format.params();
        prop_assert_eq!(params["part"].as_str(), Some(part), "{}", arn);
        request.iam_role_arn = EXAMPLE_ARN.to_owned();
        prop_assert!(request.validate().is_ok());
    }

    #[test]
    fn code_rule_holds(code in proptest::collection::vec(prop_oneof![
        6 => proptest::char::range('!', '~'),
        2 => Just(' '),
        1 => proptest::char::range('\u{0}', '\u{1f}'),
        1 => Just('\u{7f}'),
        1 => Just('\u{a0}'),
        1 => char_of_width(),
    ], 1..12).prop_map(|c| c.into_iter().collect::<String>())) {
        // m3ter's rule, written out independently: no control characters, no whitespace but
        // inner spaces, no space at either end.
        let control = |c: char| (c as u32) < 0x20 || c == '\u{7f}';
        let expected = !code.chars().any(control) && !code.starts_with(' ') && !code.ends_with(' ');
        let mut document = valid_document();
        document["code"] = json!(code);
        let found = errors(&document, Operation::Create);
        prop_assert_eq!(found.is_empty(), expected, "{:?}", code);
        if !expected {
            prop_assert_eq!(found, vec![("/code".to_owned(), ErrorCode::Pattern)]);
        }
    }

    #[test]
    fn version_rule_per_operation(version in prop_oneof![Just(None), (-3i64..4).prop_map(Some), any::<i64>().prop_map(Some)]) {
        let mut document = valid_document();
        if let Some(version) = version {
            document["version"] = json!(version);
        }
        let create = errors(&document, Operation::Create);
        let update = errors(&document, Operation::Update);
        match version {
            None => {
                prop_assert_eq!(create, vec![]);
                prop_assert_eq!(update, vec![("/version".to_owned(), ErrorCode::Required)]);
            }
            Some(v) => {
                prop_assert_eq!(create, vec![("/version".to_owned(), ErrorCode::Forbidden)]);
                let expected = if v >= 1 { vec![] } else { vec![("/version".to_owned(), ErrorCode::Range)] };
                prop_assert_eq!(update, expected);
            }
        }
    }

    #[test]
    fn k_independent_faults_give_exactly_k_errors(faults in proptest::sample::subsequence(FAULTS.to_vec(), 0..=FAULTS.len())) {
        let mut document = valid_document();
        for (_, apply) in &faults {
            apply(&mut document);
        }
        let mut found: Vec<String> = errors(&document, Operation::Create).into_iter().map(|(path, _)| path).collect();
        // An unknown tag selects no variant: the union reports that one error and no other.
        let unknown_tag = faults.iter().any(|(path, _)| *path == "/destinationType");
        let mut expected: Vec<String> = if unknown_tag {
            vec!["/destinationType".to_owned()]
        } else {
            faults.iter().map(|(path, _)| (*path).to_owned()).collect()
        };
        found.sort();
        expected.sort();
        prop_assert_eq!(found, expected);
    }

    #[test]
    fn every_model_round_trips(create in strategies::create_request(), update in strategies::update_request(), response in strategies::response()) {
        let back: CreateExportDestinationRequest = serde_json::from_value(serde_json::to_value(&create).unwrap()).unwrap();
        prop_assert_eq!(&back, &create);
        let back: UpdateExportDestinationRequest = serde_json::from_value(serde_json::to_value(&update).unwrap()).unwrap();
        prop_assert_eq!(&back, &update);
        let back: ExportDestinationResponse = serde_json::from_value(serde_json::to_value(&response).unwrap()).unwrap();
        prop_assert_eq!(&back, &response);
        prop_assert!(create.validate().is_ok());
        prop_assert!(update.validate().is_ok());
        let update_version = match &update {
            UpdateExportDestinationRequest::S3(u) => u.version,
            UpdateExportDestinationRequest::Gcs(u) => u.version,
        };
        prop_assert!(update_version >= 1);
        let create_version = match &create {
            CreateExportDestinationRequest::S3(c) => c.version,
            CreateExportDestinationRequest::Gcs(c) => c.version,
        };
        prop_assert!(create_version.is_none());
    }

    #[test]
    fn enums_serialize_to_their_wire_strings(d in proptest::sample::select(DataExportDestinationType::ALL.to_vec()), p in proptest::sample::select(PartitionOrder::ALL.to_vec())) {
        prop_assert!(["S3", "GCS"].contains(&serde_json::to_value(d).unwrap().as_str().unwrap()));
        prop_assert!(["TYPE_FIRST", "TIME_FIRST"].contains(&serde_json::to_value(p).unwrap().as_str().unwrap()));
        prop_assert_eq!(serde_json::to_value(d).unwrap(), json!(d.as_str()));
    }

    #[test]
    fn invalid_strategies_break_what_they_say((document, broken) in prop_oneof![strategies::invalid_create_request().prop_map(|d| (Operation::Create, d)), strategies::invalid_update_request().prop_map(|d| (Operation::Update, d))].prop_map(|(op, (doc, b))| ((op, doc), b))) {
        let (operation, document) = document;
        let found = errors(&document, operation);
        prop_assert!(found.contains(&(broken.path.clone(), broken.code)), "{:?} not in {:?} for {}", broken, found, document);
        prop_assert!(found.iter().all(|(path, _)| *path == broken.path), "other members broke too: {:?}", found);
    }
}

/// The S3 request's patterns (`code`, `iamRoleArn`), read from the overlaid document once: the core matches them by hand, and
/// must agree with the regex engine (on the pattern's translation) on any string. (`Pattern` holds a `&'static str`.)
static FRAGMENT_PATTERNS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let fragment = m3ter_workspace_tests::fragment::component("ExportDestinationS3Request");
    let properties = fragment["properties"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    properties
        .values()
        .filter_map(|property| property["pattern"].as_str())
        .map(|pattern| &*Box::leak(pattern.to_owned().into_boxed_str()))
        .collect()
});

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn hand_matchers_agree_with_the_regex_engine(value in prop_oneof![
        proptest::collection::vec(prop_oneof![
            4 => proptest::char::range(' ', '~'),
            1 => proptest::char::range('\0', '\u{1f}'),
            1 => Just('\u{7f}'),
            1 => char_of_width(),
        ], 0..24).prop_map(|c| c.into_iter().collect::<String>()),
        strategies::iam_role_arn(),
        (strategies::iam_role_arn(), 0usize..80, proptest::char::range(' ', '~')).prop_map(|(arn, at, c)| {
            let mut chars: Vec<char> = arn.chars().collect();
            let at = at.min(chars.len());
            chars.insert(at, c);
            chars.into_iter().collect()
        }),
    ]) {
        prop_assert_eq!(FRAGMENT_PATTERNS.len(), 2);
        for source in FRAGMENT_PATTERNS.iter().copied() {
            let ours = m3ter_models::rules::Pattern::new(source).is_match(&value);
            let translated = m3ter_vocab::pattern::translate(source).unwrap();
            let engine = regex::Regex::new(translated.as_str()).unwrap().is_match(&value);
            prop_assert_eq!(ours, engine, "{} on {:?}", source, value);
        }
    }
}

type Fault = (&'static str, fn(&mut Value));

/// Independent faults, one per member, each breaking one rule.
const FAULTS: [Fault; 8] = [
    ("/name", |d| d["name"] = json!("n".repeat(201))),
    ("/code", |d| d["code"] = json!("a\tb")),
    ("/bucketName", |d| d["bucketName"] = json!("ab")),
    ("/iamRoleArn", |d| {
        d["iamRoleArn"] = json!("arn:aws:iam::92260997842:role/IAMRole636")
    }),
    ("/version", |d| d["version"] = json!(1)),
    ("/destinationType", |d| {
        d["destinationType"] = json!("AZURE")
    }),
    // `null` is a valid partitionOrder now (nullable in requests): a value outside the enum.
    ("/partitionOrder", |d| {
        d["partitionOrder"] = json!("SIDEWAYS")
    }),
    ("/colour", |d| d["colour"] = json!("red")),
];

/// A valid ARN broken in one way, with the part the error must name.
fn arn_mutation() -> impl Strategy<Value = (String, &'static str)> {
    let valid = strategies::iam_role_arn();
    (valid, 0usize..14, "[A-Za-z0-9]{1,5}").prop_map(|(arn, which, junk)| {
        let rest = arn.strip_prefix("arn:aws:iam::").unwrap().to_owned();
        let (account, resource) = rest.split_once(':').unwrap();
        match which {
            0 => (format!("arn:aws-cn:iam::{rest}"), "partition"),
            1 => (format!("arn:AWS:iam::{rest}"), "partition"),
            2 => (format!("arn:aws:s3::{rest}"), "service"),
            3 => (format!("arn:aws:iam:us-east-1:{rest}"), "region"),
            4 => (
                format!("arn:aws:iam::{}:{resource}", &account[1..]),
                "account_id",
            ),
            5 => (format!("arn:aws:iam::{account}0:{resource}"), "account_id"),
            6 => (
                format!("arn:aws:iam::{}x:{resource}", &account[1..]),
                "account_id",
            ),
            7 => (
                format!(
                    "arn:aws:iam::{account}:user{}",
                    resource.strip_prefix("role").unwrap()
                ),
                "resource_type",
            ),
            8 => (format!("arn:aws:iam::{account}:role/{junk} x/Name"), "path"),
            9 => (format!("arn:aws:iam::{account}:role//Name"), "path"),
            10 => (format!("arn:aws:iam::{account}:role/{junk}#"), "role_name"),
            11 => (
                format!("arn:aws:iam::{account}:role/{}", "n".repeat(65)),
                "role_name",
            ),
            12 => (format!(" {arn}"), "arn"),
            _ => (format!("{arn} "), "role_name"),
        }
    })
}
