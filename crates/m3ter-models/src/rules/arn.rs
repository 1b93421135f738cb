//! The AWS IAM role ARN, parsed by hand so that an error can say which part is wrong.
//!
//! `arn:aws:iam::<12 digits>:role<path><role name>`, where the path is `/` or `/…/` (characters
//! `!` to `~`, at most 512 including its slashes) and the role name is 1 to 64 characters from
//! `A–Z a–z 0–9 + = , . @ _ -`. Sources: m3ter's API reference (the general format and the
//! example `arn:aws:iam::922609978421:role/IAMRole636`), AWS IAM's `pathType` and `roleNameType`,
//! and the IAM identifiers page (the region of an IAM ARN is always blank).

use crate::error::FormatViolation;

/// The most characters a role path may have, its slashes included.
pub const MAX_PATH_LEN: usize = 512;
/// The most characters a role name may have.
pub const MAX_ROLE_NAME_LEN: usize = 64;
/// The number of digits of an AWS account id.
pub const ACCOUNT_ID_LEN: usize = 12;

/// The parts of a valid IAM role ARN, borrowed from the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IamRoleArn<'a> {
    /// The 12-digit account id.
    pub account_id: &'a str,
    /// The path, `/` when the ARN has none, else `/…/`.
    pub path: &'a str,
    /// The role name.
    pub role_name: &'a str,
}

const fn violation(part: &'static str, expected: &'static str) -> FormatViolation {
    FormatViolation { part, expected }
}

fn is_role_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'=' | b',' | b'.' | b'@' | b'_' | b'-')
}

/// Parses an IAM role ARN in the `aws` partition, or says which part is wrong.
///
/// ```
/// use m3ter_models::rules::parse_iam_role_arn;
/// let arn = parse_iam_role_arn("arn:aws:iam::922609978421:role/IAMRole636").unwrap();
/// assert_eq!(arn.account_id, "922609978421");
/// assert_eq!(arn.role_name, "IAMRole636");
/// let err = parse_iam_role_arn("arn:aws:iam::92260997842:role/IAMRole636").unwrap_err();
/// assert_eq!(err.part, "account_id");
/// ```
pub fn parse_iam_role_arn(value: &str) -> Result<IamRoleArn<'_>, FormatViolation> {
    // The usual case: partition `aws`, service `iam`, blank region, all at once.
    let rest = match value.strip_prefix("arn:aws:iam::") {
        Some(rest) => rest,
        None => parse_up_to_region(value)?,
    };
    let (account_id, resource) = split_colon(rest).ok_or(violation(
        "account_id",
        "exactly 12 ASCII digits, followed by `:`",
    ))?;
    if account_id.len() != ACCOUNT_ID_LEN || !all_bytes(account_id, |b| b.is_ascii_digit()) {
        return Err(violation("account_id", "exactly 12 ASCII digits"));
    }
    let after_type = resource
        .strip_prefix("role")
        .filter(|rest| rest.starts_with('/'))
        .ok_or(violation("resource_type", "`role`, followed by `/`"))?;
    // The role name cannot hold `/`, so the last `/` ends the path.
    let slash = after_type.bytes().rposition(|b| b == b'/').unwrap_or(0);
    let (path, role_name) = after_type.split_at(slash + 1);
    let path_ok = path.len() <= MAX_PATH_LEN
        && (path.len() == 1
            || (path.len() >= 3 && all_bytes(path, |b| (b'!'..=b'~').contains(&b))));
    if !path_ok {
        return Err(violation(
            "path",
            "`/` or `/…/` of printable ASCII (`!` to `~`), at most 512 characters",
        ));
    }
    if role_name.is_empty()
        || role_name.len() > MAX_ROLE_NAME_LEN
        || !all_bytes(role_name, is_role_name_char)
    {
        return Err(violation(
            "role_name",
            "1 to 64 characters from A-Z a-z 0-9 + = , . @ _ -",
        ));
    }
    Ok(IamRoleArn {
        account_id,
        path,
        role_name,
    })
}

/// `value.split_once(':')` by a byte loop: the parts are short, and `split_once`'s searcher
/// costs more to set up than the scan.
fn split_colon(value: &str) -> Option<(&str, &str)> {
    let colon = value.bytes().position(|b| b == b':')?;
    // `:` is ASCII, so both sides are on character boundaries.
    Some((&value[..colon], &value[colon + 1..]))
}

/// Whether every byte of `part` passes `test`, without an early exit: the parts are short, and
/// a loop without a branch per byte is faster than one that stops at the first failure.
fn all_bytes(part: &str, test: impl Fn(u8) -> bool) -> bool {
    part.bytes().fold(true, |ok, b| ok & test(b))
}

/// The rest after `arn:<partition>:<service>:<region>:` when the ARN does not start with
/// exactly `arn:aws:iam::`, or which of those parts is wrong.
fn parse_up_to_region(value: &str) -> Result<&str, FormatViolation> {
    let rest = value
        .strip_prefix("arn:")
        .ok_or(violation("arn", "the prefix `arn:`"))?;
    let (partition, rest) =
        split_colon(rest).ok_or(violation("partition", "`aws`, followed by `:`"))?;
    if partition != "aws" {
        return Err(violation("partition", "`aws`"));
    }
    let (service, rest) =
        split_colon(rest).ok_or(violation("service", "`iam`, followed by `:`"))?;
    if service != "iam" {
        return Err(violation("service", "`iam`"));
    }
    let (region, rest) = split_colon(rest).ok_or(violation("region", "blank, followed by `:`"))?;
    if !region.is_empty() {
        return Err(violation("region", "blank (IAM is global)"));
    }
    Ok(rest)
}
