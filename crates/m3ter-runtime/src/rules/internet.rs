//! Internet names and addresses, read by hand in one pass: RFC 1123 host names, IPv4 dotted
//! quads, RFC 4291 IPv6 text forms and RFC 5321 mailboxes (e-mail addresses). ASCII only;
//! each function says which part of a value is wrong.

use crate::error::FormatViolation;

const fn rule(part: &'static str, expected: &'static str) -> FormatViolation {
    FormatViolation { part, expected }
}

/// The longest host name, in characters (RFC 1123 section 2.1, RFC 2181 section 11: 255 octets
/// on the wire, 253 characters as text without a trailing dot).
pub const HOSTNAME_MAX: usize = 253;

/// The longest label of a host name (RFC 1035 section 2.3.4).
pub const LABEL_MAX: usize = 63;

/// `hostname` (RFC 1123 section 2.1, RFC 952's labels with a leading digit allowed), its rules
/// in this order, each named by its `part`:
///
/// 1. `length`: 1 to [`HOSTNAME_MAX`] characters;
/// 2. `label`: dot-separated labels (no empty one, so no leading, trailing or doubled dot), each
///    1 to [`LABEL_MAX`] ASCII letters, digits and hyphens, not starting or ending with a hyphen.
///
/// An A-label (`xn--…`) is a valid label like any other: it is not decoded (see the README's
/// deliberate differences).
///
/// ```
/// use m3ter_runtime::rules::internet::hostname;
/// assert!(hostname("a--b.example.com").is_ok());
/// assert_eq!(hostname("example-.com").unwrap_err().part, "label");
/// ```
pub fn hostname(value: &str) -> Result<(), FormatViolation> {
    if value.is_empty() || value.len() > HOSTNAME_MAX {
        return Err(rule("length", "1 to 253 characters"));
    }
    if value.split('.').all(is_label) {
        Ok(())
    } else {
        Err(rule(
            "label",
            "dot-separated labels of 1 to 63 ASCII letters, digits and hyphens, not starting or \
             ending with a hyphen",
        ))
    }
}

/// An RFC 1123 label: 1 to 63 letters, digits and hyphens, with a letter or digit at each end.
fn is_label(label: &str) -> bool {
    let b = label.as_bytes();
    (1..=LABEL_MAX).contains(&b.len())
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

const IPV4: FormatViolation = rule(
    "ipv4",
    "four decimal numbers from 0 to 255 without leading zeros, separated by dots, such as \
     192.168.0.1",
);

/// `ipv4`: the dotted-quad form (RFC 2673 section 3.2's `dotted-quad`, as JSON Schema reads
/// it): four decimal numbers 0 to 255, each `0` or without a leading zero, separated by `.`.
/// No shorter forms (`127.1`), no hexadecimal or octal, no prefix length.
pub fn ipv4(value: &str) -> Result<(), FormatViolation> {
    if dotted_quad(value.as_bytes(), false) {
        Ok(())
    } else {
        Err(IPV4)
    }
}

/// Whether `b` is four decimal numbers 0 to 255 separated by `.`; with `leading_zeros`, a
/// number may have up to three digits whatever their value (RFC 5321's `Snum`).
fn dotted_quad(b: &[u8], leading_zeros: bool) -> bool {
    let mut parts = 0;
    for part in b.split(|c| *c == b'.') {
        parts += 1;
        let ok = (1..=3).contains(&part.len())
            && part.iter().all(u8::is_ascii_digit)
            && (leading_zeros || part.len() == 1 || part[0] != b'0')
            && part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')) <= 255;
        if !ok || parts > 4 {
            return false;
        }
    }
    parts == 4
}

const IPV6: FormatViolation = rule(
    "ipv6",
    "eight groups of 1 to 4 hexadecimal digits separated by `:`, one run of groups shortened \
     to `::`, the last two possibly an IPv4 dotted quad, such as 2001:db8::1",
);

/// `ipv6`: the text forms of RFC 4291 section 2.2: eight groups of 1 to 4 hexadecimal digits
/// separated by `:`; one run of one or more groups written `::` (at most once); the last two
/// groups possibly an IPv4 dotted quad (as [`ipv4`]: no leading zeros). No zone (`%eth0`),
/// prefix length (`/64`) or brackets.
pub fn ipv6(value: &str) -> Result<(), FormatViolation> {
    if is_ipv6(value.as_bytes()) {
        Ok(())
    } else {
        Err(IPV6)
    }
}

/// Whether `b` is an RFC 4291 IPv6 address.
fn is_ipv6(b: &[u8]) -> bool {
    // The groups before and after `::`, if it is there.
    let (head, tail) = match b.windows(2).position(|w| w == b"::") {
        Some(at) => (&b[..at], Some(&b[at + 2..])),
        None => (b, None),
    };
    let Some(head_groups) = groups(head, tail.is_none()) else {
        return false;
    };
    match tail {
        None => head_groups == 8,
        // `::` stands for at least one group.
        Some(tail) => groups(tail, true).is_some_and(|n| head_groups + n <= 7),
    }
}

/// The number of 16-bit groups in `b`, `:`-separated groups of 1 to 4 hexadecimal digits, the
/// last possibly an IPv4 dotted quad (two groups) when `last`; `None` if it is not that. An
/// empty `b` has no group.
fn groups(b: &[u8], last: bool) -> Option<usize> {
    if b.is_empty() {
        return Some(0);
    }
    let mut count = 0;
    let mut parts = b.split(|c| *c == b':').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() && last && part.contains(&b'.') {
            return dotted_quad(part, false).then_some(count + 2);
        }
        if !(1..=4).contains(&part.len()) || !part.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        count += 1;
        if count > 8 {
            return None;
        }
    }
    Some(count)
}

/// The longest local part of a mailbox, in octets (RFC 5321 section 4.5.3.1.1).
pub const LOCAL_PART_MAX: usize = 64;

/// `email`: an RFC 5321 `Mailbox` (section 4.1.2), its parts in this order, each named by its
/// `part`:
///
/// 1. `local_part`: before the last `@`, a `Dot-string` (atoms of RFC 5322 `atext` separated by
///    single dots, none at either end) or a `Quoted-string` (printable ASCII and spaces between
///    double quotes, `"` and `\` escaped by `\`), at most [`LOCAL_PART_MAX`] octets;
/// 2. `domain`: after it, a [`hostname`], or an address literal in brackets: an IPv4 address
///    (RFC 5321's `Snum`: up to three digits, 0 to 255) or `IPv6:` and an [`ipv6`] address.
///
/// ASCII only (RFC 6531's internationalized addresses are another format, `idn-email`); no
/// display name, comment or second address.
///
/// ```
/// use m3ter_runtime::rules::internet::email;
/// assert!(email("\"joe bloggs\"@[IPv6:2001:db8::1]").is_ok());
/// assert_eq!(email("joe..bloggs@example.com").unwrap_err().part, "local_part");
/// ```
pub fn email(value: &str) -> Result<(), FormatViolation> {
    let b = value.as_bytes();
    // A quoted local part may hold `@`; the domain never does.
    let Some(at) = b.iter().rposition(|c| *c == b'@') else {
        return Err(rule("local_part", "a local part, then `@` and a domain"));
    };
    let (local, domain) = (&b[..at], &value[at + 1..]);
    if local.len() > LOCAL_PART_MAX || !(is_dot_string(local) || is_quoted_string(local)) {
        return Err(rule(
            "local_part",
            "at most 64 characters: dot-separated atoms of letters, digits and \
             !#$%&'*+-/=?^_`{|}~, or a quoted string",
        ));
    }
    let literal = domain
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'));
    let domain_ok = match literal {
        None => hostname(domain).is_ok(),
        Some(literal) => match literal.get(..5) {
            Some(tag) if tag.eq_ignore_ascii_case("IPv6:") => is_ipv6(&literal.as_bytes()[5..]),
            _ => dotted_quad(literal.as_bytes(), true),
        },
    };
    if domain_ok {
        Ok(())
    } else {
        Err(rule(
            "domain",
            "a host name, or an address literal such as [192.168.0.1] or [IPv6:2001:db8::1]",
        ))
    }
}

/// RFC 5322 `atext`: a letter, digit or one of ``!#$%&'*+-/=?^_`{|}~``.
fn is_atext(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&c)
}

/// RFC 5321 `Dot-string`: `Atom *("." Atom)`.
fn is_dot_string(b: &[u8]) -> bool {
    b.split(|c| *c == b'.')
        .all(|atom| !atom.is_empty() && atom.iter().all(|c| is_atext(*c)))
}

/// RFC 5321 `Quoted-string`: `DQUOTE *QcontentSMTP DQUOTE`, where `qtextSMTP` is printable
/// ASCII and space but `"` and `\`, and `quoted-pairSMTP` is `\` and printable ASCII or space.
fn is_quoted_string(b: &[u8]) -> bool {
    let Some(inner) = b
        .strip_prefix(b"\"")
        .and_then(|rest| rest.strip_suffix(b"\""))
    else {
        return false;
    };
    let mut i = 0;
    while i < inner.len() {
        match inner[i] {
            b'\\' if inner.get(i + 1).is_some_and(|c| (b' '..=b'~').contains(c)) => i += 2,
            b'"' | b'\\' => return false,
            c if (b' '..=b'~').contains(&c) => i += 1,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names() {
        let max_label = "a".repeat(63);
        let longest = [max_label.as_str(); 4].join(".")[..253].to_owned();
        for good in [
            "a",
            "1host",
            "a--b.com",
            "xn--nw2a.xn--j6w193g",
            "EXAMPLE.COM",
            max_label.as_str(),
            longest.trim_end_matches('.'),
        ] {
            assert!(hostname(good).is_ok(), "{good:?}");
        }
        assert_eq!(hostname("").map_err(|e| e.part), Err("length"));
        assert_eq!(
            hostname(&"a.".repeat(127)).map_err(|e| e.part),
            Err("length")
        );
        for bad in [
            ".",
            "a.",
            ".a",
            "a..b",
            "-a",
            "a-",
            "a_b",
            "a b",
            "é.com",
            "example\u{ff0e}com",
            "\u{212a}elvin.com",
            "a.com\n",
        ] {
            assert_eq!(hostname(bad).map_err(|e| e.part), Err("label"), "{bad:?}");
        }
        assert!(hostname(&format!("{max_label}a.com")).is_err());
    }

    #[test]
    fn ipv4_addresses() {
        for good in ["0.0.0.0", "255.255.255.255", "10.20.30.40", "192.168.0.1"] {
            assert!(ipv4(good).is_ok(), "{good:?}");
        }
        for bad in [
            "",
            "1.2.3",
            "1.2.3.4.5",
            "256.1.1.1",
            "01.2.3.4",
            "1.2.3.00",
            "1.2.3.0400",
            "1..3.4",
            ".1.2.3.4",
            "1.2.3.4.",
            "+1.2.3.4",
            "1.2.3.4/8",
            "1.2.3.4 ",
            "0x7f.0.0.1",
            "1.2.3.٤",
            "2130706433",
        ] {
            assert!(ipv4(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn ipv6_addresses() {
        for good in [
            "::",
            "::1",
            "1::",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7::",
            "::2:3:4:5:6:7:8",
            "1::8",
            "2001:DB8::ABCD",
            "::ffff:192.168.0.1",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5::1.2.3.4",
            "::1.2.3.4",
            "0000:0000:0000:0000:0000:0000:0000:0000",
        ] {
            assert!(ipv6(good).is_ok(), "{good:?}");
        }
        for bad in [
            "",
            ":",
            ":::",
            "1:2:3:4:5:6:7",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7:8::",
            "::1:2:3:4:5:6:7:8",
            "1::2::3",
            "1:::2",
            ":1::",
            "::1:",
            "12345::",
            "::g",
            "1.2.3.4",
            "::1.2.3",
            "::1.2.3.04",
            "::256.1.1.1",
            "1.2.3.4::",
            "::1.2.3.4:1",
            "1:2:3:4:5:6:7:1.2.3.4",
            "fe80::1%eth0",
            "fe80::/64",
            "[::1]",
            " ::1",
            "::١",
        ] {
            assert!(ipv6(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn mailboxes() {
        for good in [
            "a@b",
            "joe.bloggs@example.com",
            "~t.e~st@example.com",
            "!#$%&'*+-/=?^_`{|}~@example.com",
            "\"joe bloggs\"@example.com",
            "\"joe..bloggs\"@example.com",
            "\"joe@bloggs\"@example.com",
            "\"a\\\"b\\\\c\"@example.com",
            "\"\"@example.com",
            "joe@[127.0.0.1]",
            "joe@[001.002.003.004]",
            "joe@[IPv6:::1]",
            "joe@[ipv6:2001:db8::1.2.3.4]",
        ] {
            assert!(email(good).is_ok(), "{good:?}");
        }
        let long = format!("{}@example.com", "a".repeat(65));
        for (bad, part) in [
            ("", "local_part"),
            ("2962", "local_part"),
            ("@example.com", "local_part"),
            (".a@example.com", "local_part"),
            ("a.@example.com", "local_part"),
            ("a..b@example.com", "local_part"),
            ("a b@example.com", "local_part"),
            ("é@example.com", "local_part"),
            ("\"a\"b\"@example.com", "local_part"),
            ("\"a\\\"@example.com", "local_part"),
            ("\"a\tb\"@example.com", "local_part"),
            (long.as_str(), "local_part"),
            ("a@", "domain"),
            ("a@example.com.", "domain"),
            ("a@invalid=domain.com", "domain"),
            ("a@[127.0.0.300]", "domain"),
            ("a@[127.0.0.1", "domain"),
            ("a@[IPv6:1::2::3]", "domain"),
            ("a@[IPv7:::1]", "domain"),
            ("a@b.com, c@d.com", "local_part"),
        ] {
            assert_eq!(email(bad).map_err(|e| e.part), Err(part), "{bad:?}");
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let long = "a:".repeat(50_000);
        let odd = [
            "",
            "\0",
            "é",
            "😀",
            "::",
            "@",
            "@@",
            "[",
            "]",
            "\"",
            "\\",
            ".",
            long.as_str(),
        ];
        for value in odd {
            let _ = (hostname(value), ipv4(value), ipv6(value), email(value));
        }
        assert!(ipv6(&long).is_err());
    }
}
