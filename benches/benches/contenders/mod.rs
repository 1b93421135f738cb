//! The contenders of the validation benchmark, shared with `benches/src/profile.rs` (callgrind):
//! the two requests, a plain struct with a hand-written check, and equivalent structs for
//! `validator`, `garde` and `jsonschema`.

use std::sync::LazyLock;

use m3ter_models::{DataExportDestinationType, PartitionOrder};
use regex::Regex;
use serde::Deserialize;
use serde_json::Value;

/// The source document's example request, made valid.
pub(crate) const VALID: &[u8] = br#"{"name":"Finance exports","code":"finance_exports","bucketName":"acme-billing-exports","iamRoleArn":"arn:aws:iam::922609978421:role/IAMRole636","destinationType":"S3","prefix":"m3ter/exports/","partitionOrder":"TYPE_FIRST"}"#;

/// Three faults: empty `name`, 81-character `code`, an ARN without its account id.
pub(crate) const INVALID: &[u8] = br#"{"name":"","code":"finance_exports_for_the_whole_organisation_every_region_every_product_every_team_x","bucketName":"acme-billing-exports","iamRoleArn":"arn:aws:iam::role/IAMRole636","destinationType":"S3","prefix":"m3ter/exports/","partitionOrder":"TYPE_FIRST"}"#;

const CODE_PATTERN: &str = r"^[^\x00-\x20\x7F](?:[^\x00-\x1F\x7F]*[^\x00-\x20\x7F])?$";
const ARN_PATTERN: &str =
    r"^arn:aws:iam::[0-9]{12}:role/(?:[!-~]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}$";

// ---------------------------------------------------------------------------------------------
// 1. The parse floor, and 2. the hand-written check on the same plain struct.

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Plain {
    name: String,
    code: String,
    bucket_name: String,
    iam_role_arn: String,
    version: Option<i64>,
    // The enums are checked by their types, as in every typed contender.
    #[allow(dead_code)]
    destination_type: Option<DataExportDestinationType>,
    #[allow(dead_code)]
    prefix: Option<String>,
    #[allow(dead_code)]
    partition_order: Option<PartitionOrder>,
}

/// What a careful hand-written check records: the path, the code and the parameters, nothing
/// rendered.
#[derive(Debug)]
#[allow(dead_code)]
pub(crate) enum HandError {
    Length {
        path: &'static str,
        min: usize,
        max: usize,
        actual: usize,
    },
    Pattern {
        path: &'static str,
    },
    Format {
        path: &'static str,
        part: &'static str,
    },
    Forbidden {
        path: &'static str,
    },
}

fn hand_length(path: &'static str, s: &str, min: usize, max: usize, errors: &mut Vec<HandError>) {
    // A UTF-8 string of b bytes has between ceil(b / 4) and b code points.
    if s.len().div_ceil(4) >= min && s.len() <= max {
        return;
    }
    let actual = s.chars().count();
    if actual < min || actual > max {
        errors.push(HandError::Length {
            path,
            min,
            max,
            actual,
        });
    }
}

fn hand_code_pattern(s: &str) -> bool {
    let edge = |c: char| c > '\u{20}' && c != '\u{7f}';
    let inner = |c: char| c >= '\u{20}' && c != '\u{7f}';
    let mut chars = s.chars();
    match (chars.next(), chars.next_back()) {
        (None, _) => false,
        (Some(first), None) => edge(first),
        (Some(first), Some(last)) => edge(first) && edge(last) && chars.all(inner),
    }
}

fn hand_arn(s: &str) -> Result<(), &'static str> {
    let rest = s.strip_prefix("arn:aws:iam::").ok_or("prefix")?;
    let (account, rest) = rest.split_at_checked(12).ok_or("account_id")?;
    if !account.bytes().all(|b| b.is_ascii_digit()) {
        return Err("account_id");
    }
    let rest = rest.strip_prefix(":role/").ok_or("account_id")?;
    let (path, name) = match rest.rfind('/') {
        Some(slash) => (&rest[..slash], &rest[slash + 1..]),
        None => ("", rest),
    };
    if path.len() > 510 || !path.bytes().all(|b| (b'!'..=b'~').contains(&b)) {
        return Err("path");
    }
    let name_char = |b: u8| {
        b.is_ascii_alphanumeric() || matches!(b, b'+' | b'=' | b',' | b'.' | b'@' | b'_' | b'-')
    };
    if name.is_empty() || name.len() > 64 || !name.bytes().all(name_char) {
        return Err("role_name");
    }
    Ok(())
}

pub(crate) fn hand_check(r: &Plain) -> Result<(), Vec<HandError>> {
    let mut errors = Vec::new();
    hand_length("/name", &r.name, 1, 200, &mut errors);
    hand_length("/code", &r.code, 1, 80, &mut errors);
    if !hand_code_pattern(&r.code) {
        errors.push(HandError::Pattern { path: "/code" });
    }
    hand_length("/bucketName", &r.bucket_name, 3, 63, &mut errors);
    if let Err(part) = hand_arn(&r.iam_role_arn) {
        errors.push(HandError::Format {
            path: "/iamRoleArn",
            part,
        });
    }
    if r.version.is_some() {
        errors.push(HandError::Forbidden { path: "/version" });
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

// ---------------------------------------------------------------------------------------------
// 4. `validator`.

static CODE_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(CODE_PATTERN).unwrap());
static ARN_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(ARN_PATTERN).unwrap());

fn validator_forbidden(_: i64) -> Result<(), validator::ValidationError> {
    Err(validator::ValidationError::new("forbidden"))
}

#[derive(Deserialize, validator::Validate)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ValidatorRequest {
    #[validate(length(min = 1, max = 200))]
    name: String,
    #[validate(length(min = 1, max = 80), regex(path = *CODE_RE))]
    code: String,
    #[validate(length(min = 3, max = 63))]
    bucket_name: String,
    #[validate(length(min = 1), regex(path = *ARN_RE))]
    iam_role_arn: String,
    #[validate(custom(function = "validator_forbidden"))]
    version: Option<i64>,
    #[allow(dead_code)]
    destination_type: Option<DataExportDestinationType>,
    #[allow(dead_code)]
    prefix: Option<String>,
    #[allow(dead_code)]
    partition_order: Option<PartitionOrder>,
}

// ---------------------------------------------------------------------------------------------
// 5. `garde`.

fn garde_forbidden(value: &Option<i64>, _: &()) -> garde::Result {
    match value {
        Some(_) => Err(garde::Error::new("must not be present on create")),
        None => Ok(()),
    }
}

#[derive(Deserialize, garde::Validate)]
#[allow(dead_code)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct GardeRequest {
    #[garde(length(chars, min = 1, max = 200))]
    name: String,
    #[garde(
        length(chars, min = 1, max = 80),
        pattern(r"^[^\x00-\x20\x7F](?:[^\x00-\x1F\x7F]*[^\x00-\x20\x7F])?$")
    )]
    code: String,
    #[garde(length(chars, min = 3, max = 63))]
    bucket_name: String,
    #[garde(
        length(chars, min = 1),
        pattern(r"^arn:aws:iam::[0-9]{12}:role/(?:[!-~]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}$")
    )]
    iam_role_arn: String,
    #[garde(custom(garde_forbidden))]
    version: Option<i64>,
    #[garde(skip)]
    destination_type: Option<DataExportDestinationType>,
    #[garde(skip)]
    prefix: Option<String>,
    #[garde(skip)]
    partition_order: Option<PartitionOrder>,
}

// ---------------------------------------------------------------------------------------------
// 6. `jsonschema` on the request's schema, for create.

/// The JSON Schema of the create request's S3 variant, as the model states it (`schemars`,
/// from the same `#[spec]` attributes: the bounds, the patterns, `version: false`).
pub(crate) fn create_request_schema() -> Value {
    let schema = schemars::schema_for!(m3ter_models::CreateExportDestinationS3Request);
    serde_json::to_value(schema).unwrap()
}
