//! The AWS IAM role ARN, parsed by hand so that an error can say which part is wrong.
//!
//! `arn:aws:iam::<12 digits>:role<path><role name>`, where the path is `/` or `/…/` (characters
//! `!` to `~`, at most 512 including its slashes) and the role name is 1 to 64 characters from
//! `A–Z a–z 0–9 + = , . @ _ -`. Sources: m3ter's API reference (the general format and the
//! example `arn:aws:iam::922609978421:role/IAMRole636`), AWS IAM's `pathType` and `roleNameType`,
//! and the IAM identifiers page (the region of an IAM ARN is always blank).
//!
//! **The path's characters: two AWS sources disagree.** The IAM API's `pathType` (botocore
//! `botocore/data/iam/2010-05-08/service-2.json`; the CreateRole reference) has the pattern
//! `(\u002F)|(\u002F[\u0021-\u007E]+\u002F)`: any character from `!` to `~` between the
//! slashes. (Its prose says "through the DEL character (\u007F)", which the pattern itself
//! stops short of.) The IAM quotas page (*IAM and AWS STS quotas*, "IAM name requirements",
//! <https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html>) says instead
//! that names "and paths must be alphanumeric, including the following common characters: plus
//! (+), equals (=), comma (,), period (.), at (@), underscore (_), and hyphen (-)" (older copies
//! of the page, in awsdocs/iam-user-guide `doc_source/reference_iam-quotas.md`, did not name
//! paths there). This rule follows the API's pattern, the one the service validates requests
//! against, so a path such as `/a!b/` is accepted here although the quotas page would refuse
//! it; the role name's alphabet is the same in both sources.
//!
//! ```
//! use m3ter_runtime::rules::parse_iam_role_arn;
//! let arn = parse_iam_role_arn("arn:aws:iam::922609978421:role/a!b~/R").unwrap();
//! assert_eq!(arn.path, "/a!b~/");
//! // A space is outside `!`–`~`, so outside both sources.
//! assert!(parse_iam_role_arn("arn:aws:iam::922609978421:role/a b/R").is_err());
//! ```

use crate::error::FormatViolation;

/// The most characters a role path may have, its slashes included (`pathType`; its characters
/// are `!` to `~`, see the module documentation for the quotas page that says otherwise).
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

const fn is_role_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'=' | b',' | b'.' | b'@' | b'_' | b'-')
}

/// Parses an IAM role ARN in the `aws` partition, or says which part is wrong.
///
/// ```
/// use m3ter_runtime::rules::parse_iam_role_arn;
/// let arn = parse_iam_role_arn("arn:aws:iam::922609978421:role/IAMRole636").unwrap();
/// assert_eq!(arn.account_id, "922609978421");
/// assert_eq!(arn.role_name, "IAMRole636");
/// let err = parse_iam_role_arn("arn:aws:iam::92260997842:role/IAMRole636").unwrap_err();
/// assert_eq!(err.part, "account_id");
/// ```
pub fn parse_iam_role_arn(value: &str) -> Result<IamRoleArn<'_>, FormatViolation> {
    match parse_usual(value) {
        Some(arn) => Ok(arn),
        None => parse_saying_why(value),
    }
}

/// The usual valid ARN at fixed offsets (`arn:aws:iam::`, 12 digits, `:role/`), or `None` for
/// anything else, which [`parse_saying_why`] then decides. Accepts only what that accepts.
#[inline]
fn parse_usual(value: &str) -> Option<IamRoleArn<'_>> {
    const PREFIX: &str = "arn:aws:iam::";
    let rest = value.strip_prefix(PREFIX)?;
    let bytes = rest.as_bytes();
    // `<12 digits>:role/<at least one more byte>`
    if bytes.len() <= ACCOUNT_ID_LEN + 6 || &bytes[ACCOUNT_ID_LEN..ACCOUNT_ID_LEN + 6] != b":role/"
    {
        return None;
    }
    if !twelve_digits(&bytes[..ACCOUNT_ID_LEN]) {
        return None;
    }
    // From the `/` that starts the path; the role name cannot hold `/`, so the last one ends it.
    let after_type = &rest[ACCOUNT_ID_LEN + 5..];
    // Most ARNs have no path: everything after `:role/` is the name, read once. (Were there a
    // `/` in it, it would not be all name characters, and the path is then looked for.)
    let (slash, name) = after_type.split_at(1);
    if role_name_ok(name) {
        return Some(IamRoleArn {
            account_id: &rest[..ACCOUNT_ID_LEN],
            path: slash,
            role_name: name,
        });
    }
    let slash = after_type.bytes().rposition(|b| b == b'/')?;
    let (path, role_name) = after_type.split_at(slash + 1);
    let path_ok = path.len() == 1
        || (path.len() >= 3
            && path.len() <= MAX_PATH_LEN
            && all_bytes(path, |b| (b'!'..=b'~').contains(&b)));
    (path_ok && role_name_ok(role_name)).then_some(IamRoleArn {
        account_id: &rest[..ACCOUNT_ID_LEN],
        path,
        role_name,
    })
}

/// Whether the 12 bytes are ASCII digits, eight and four at a time: a digit is `0x30..=0x39`,
/// so its high nibble is 3, and adding 6 does not carry it out of 3.
fn twelve_digits(bytes: &[u8]) -> bool {
    let digits = |word: u64, mask: u64| {
        let threes = 0x3030_3030_3030_3030 & mask;
        (word & (0xF0F0_F0F0_F0F0_F0F0 & mask)) == threes
            && ((word + (0x0606_0606_0606_0606 & mask)) & (0xF0F0_F0F0_F0F0_F0F0 & mask)) == threes
    };
    match (bytes.get(..8), bytes.get(8..12)) {
        (Some(head), Some(tail)) if bytes.len() == 12 => {
            let mut word = [0u8; 8];
            word.copy_from_slice(head);
            let mut last = [0u8; 8];
            last[..4].copy_from_slice(tail);
            digits(u64::from_le_bytes(word), u64::MAX)
                && digits(u64::from_le_bytes(last), 0x0000_0000_FFFF_FFFF)
        }
        _ => false,
    }
}

/// Whether `name` is a role name: 1 to [`MAX_ROLE_NAME_LEN`] bytes, each one
/// [`is_role_name_char`] allows (by its table).
#[inline]
fn role_name_ok(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_ROLE_NAME_LEN
        && all_bytes(name, |b| ROLE_NAME_BYTES[usize::from(b)])
}

/// The bytes a role name may hold: `A–Z a–z 0–9 + = , . @ _ -`.
static ROLE_NAME_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = is_role_name_char(b as u8);
        b += 1;
    }
    table
};

/// [`parse_iam_role_arn`] part by part, saying which part is wrong.
fn parse_saying_why(value: &str) -> Result<IamRoleArn<'_>, FormatViolation> {
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
    if !role_name_ok(role_name) {
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
#[inline]
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

#[cfg(test)]
mod tests {
    use super::*;

    /// ARNs around every edge of the fast path: each byte value in the account id and the
    /// role name, the `:role/` separator, path and name lengths.
    fn samples() -> Vec<String> {
        let mut out = Vec::new();
        for b in 0u8..=0x7F {
            let c = char::from(b);
            for at in [0, 5, 11] {
                let mut account: Vec<char> = "922609978421".chars().collect();
                account[at] = c;
                let account: String = account.into_iter().collect();
                out.push(format!("arn:aws:iam::{account}:role/R"));
            }
            out.push(format!("arn:aws:iam::922609978421:role/R{c}"));
            out.push(format!("arn:aws:iam::922609978421:role/p{c}/R"));
            out.push(format!("arn:aws:iam::922609978421{c}role/R"));
        }
        for account in ["92260997842", "9226099784211", ""] {
            out.push(format!("arn:aws:iam::{account}:role/R"));
        }
        for n in [0, 1, 63, 64, 65] {
            out.push(format!("arn:aws:iam::922609978421:role/{}", "r".repeat(n)));
        }
        for n in [0, 1, 509, 510, 511] {
            out.push(format!(
                "arn:aws:iam::922609978421:role/{}/R",
                "p".repeat(n)
            ));
        }
        out.push("arn:aws:iam::922609978421:role/".to_owned());
        out.push("arn:aws:iam::922609978421:role".to_owned());
        out.push("arn:aws:iam::922609978421:role/é".to_owned());
        out
    }

    #[test]
    fn the_fast_path_accepts_exactly_what_the_full_parse_accepts() {
        let mut fast = 0;
        for sample in samples() {
            let full = parse_saying_why(&sample);
            match parse_usual(&sample) {
                Some(arn) => {
                    fast += 1;
                    assert_eq!(full, Ok(arn), "{sample:?}");
                }
                None => assert!(full.is_err(), "the fast path rejects valid {sample:?}"),
            }
        }
        assert!(fast > 50, "the fast path took only {fast} samples");
    }

    #[test]
    fn twelve_digits_is_exact() {
        assert!(twelve_digits(b"922609978421"));
        assert!(twelve_digits(b"000000000000"));
        assert!(twelve_digits(b"999999999999"));
        assert!(!twelve_digits(b"92260997842"));
        for b in 0u8..=255 {
            for at in [0, 7, 8, 11] {
                let mut id = *b"922609978421";
                id[at] = b;
                assert_eq!(twelve_digits(&id), b.is_ascii_digit(), "{b:#x} at {at}");
            }
        }
    }
}
