//! RFC 3986 URIs and URI references, read by hand in one pass over the bytes (section 3 and
//! the grammar of its Appendix A). Each error names the component that is wrong.

use crate::error::FormatViolation;

use super::internet;

const fn rule(part: &'static str, expected: &'static str) -> FormatViolation {
    FormatViolation { part, expected }
}

const SCHEME: FormatViolation = rule(
    "scheme",
    "a scheme (a letter, then letters, digits, `+`, `-` or `.`) and `:`",
);
const USERINFO: FormatViolation = rule(
    "userinfo",
    "URI characters (unreserved, sub-delims, `:` or percent-encoded) before one `@`",
);
const HOST: FormatViolation = rule(
    "host",
    "a registered name of URI characters, or an IPv6 address or IPvFuture in brackets",
);
const PORT: FormatViolation = rule("port", "decimal digits");
const PATH: FormatViolation = rule(
    "path",
    "segments of URI characters (unreserved, sub-delims, `:`, `@` or percent-encoded) \
     separated by `/`",
);
const FIRST_SEGMENT: FormatViolation = rule(
    "path",
    "no `:` in a relative reference's first segment, which would read as a scheme (write `./` \
     before it)",
);
const QUERY: FormatViolation = rule(
    "query",
    "URI characters (unreserved, sub-delims, `:`, `@`, `/`, `?` or percent-encoded)",
);
const FRAGMENT: FormatViolation = rule(
    "fragment",
    "URI characters (unreserved, sub-delims, `:`, `@`, `/`, `?` or percent-encoded)",
);

/// `uri`: an RFC 3986 `URI` (section 3): `scheme ":" hier-part ["?" query] ["#" fragment]`,
/// in URI characters only, anything else percent-encoded (`%` and two hexadecimal digits).
/// Each violation names its component in `part`: `scheme`, `userinfo`, `host`, `port`,
/// `path`, `query` or `fragment`. A host is a registered name (which an IPv4 address also is,
/// so `999.999.999.999` is a host), or an [`ipv6`](internet::ipv6) address or an `IPvFuture`
/// in brackets. A relative reference (`/a`, `//host/a`) is not a URI: see [`uri_reference`].
///
/// ```
/// use m3ter_runtime::rules::uri::uri;
/// assert!(uri("urn:oasis:names:specification:docbook:dtd:xml:4.1.2").is_ok());
/// assert_eq!(uri("http://example.com:8o/").unwrap_err().part, "port");
/// ```
pub fn uri(value: &str) -> Result<(), FormatViolation> {
    let b = value.as_bytes();
    match scheme_end(b) {
        Some(colon) => hierarchy(&b[colon + 1..]),
        None => Err(SCHEME),
    }
}

/// `uri-reference`: an RFC 3986 `URI-reference` (section 4.1): a [`uri`], or a relative
/// reference (section 4.2): `relative-part ["?" query] ["#" fragment]`, where the relative part
/// is `//` and an authority and path, an absolute path, a path whose first segment has no `:`
/// (so that it cannot be read as a scheme), or nothing. The empty string is a reference.
///
/// ```
/// use m3ter_runtime::rules::uri::uri_reference;
/// assert!(uri_reference("./this:that").is_ok());
/// assert_eq!(uri_reference("1:b").unwrap_err().part, "path");
/// ```
pub fn uri_reference(value: &str) -> Result<(), FormatViolation> {
    let b = value.as_bytes();
    if let Some(colon) = scheme_end(b) {
        return hierarchy(&b[colon + 1..]);
    }
    // A relative reference: its first segment must not hold `:` (`path-noscheme`), which the
    // scheme's absence above leaves to check here.
    let first_segment = b
        .iter()
        .position(|c| matches!(c, b'/' | b'?' | b'#'))
        .map_or(b, |end| &b[..end]);
    if first_segment.contains(&b':') {
        return Err(FIRST_SEGMENT);
    }
    hierarchy(b)
}

/// The index of the `:` that ends `b`'s scheme, if `b` starts with one.
fn scheme_end(b: &[u8]) -> Option<usize> {
    let colon = b.iter().position(|c| *c == b':')?;
    let scheme = &b[..colon];
    let ok = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme
            .iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'));
    ok.then_some(colon)
}

/// What follows a scheme's `:` (or a whole relative reference): `["//" authority] path
/// ["?" query] ["#" fragment]`. Whether a path without an authority may start with `//` does
/// not arise: `//` always starts an authority.
fn hierarchy(b: &[u8]) -> Result<(), FormatViolation> {
    let (rest, fragment) = match b.iter().position(|c| *c == b'#') {
        Some(hash) => (&b[..hash], Some(&b[hash + 1..])),
        None => (b, None),
    };
    let (rest, query) = match rest.iter().position(|c| *c == b'?') {
        Some(question) => (&rest[..question], Some(&rest[question + 1..])),
        None => (rest, None),
    };
    let path = match rest.strip_prefix(b"//") {
        Some(after) => {
            let end = after.iter().position(|c| *c == b'/').unwrap_or(after.len());
            authority(&after[..end])?;
            &after[end..]
        }
        None => rest,
    };
    if !chars(path, b"/:@") {
        return Err(PATH);
    }
    if query.is_some_and(|query| !chars(query, b"/?:@")) {
        return Err(QUERY);
    }
    if fragment.is_some_and(|fragment| !chars(fragment, b"/?:@")) {
        return Err(FRAGMENT);
    }
    Ok(())
}

/// `authority = [userinfo "@"] host [":" port]`.
fn authority(b: &[u8]) -> Result<(), FormatViolation> {
    let host_port = match b.iter().position(|c| *c == b'@') {
        Some(at) => {
            if !chars(&b[..at], b":") {
                return Err(USERINFO);
            }
            &b[at + 1..]
        }
        None => b,
    };
    let port = if let Some(literal) = host_port.strip_prefix(b"[") {
        let close = literal.iter().position(|c| *c == b']').ok_or(HOST)?;
        if !ip_literal(&literal[..close]) {
            return Err(HOST);
        }
        match &literal[close + 1..] {
            [] => None,
            [b':', port @ ..] => Some(port),
            _ => return Err(PORT),
        }
    } else {
        let (host, port) = match host_port.iter().position(|c| *c == b':') {
            Some(colon) => (&host_port[..colon], Some(&host_port[colon + 1..])),
            None => (host_port, None),
        };
        // `reg-name`, which every `IPv4address` also is.
        if !chars(host, b"") {
            return Err(HOST);
        }
        port
    };
    if port.is_some_and(|port| !port.iter().all(u8::is_ascii_digit)) {
        return Err(PORT);
    }
    Ok(())
}

/// `IP-literal`'s inside: an `IPv6address`, or `IPvFuture` (`"v" 1*HEXDIG "." 1*(unreserved /
/// sub-delims / ":")`, its `v` in either case).
fn ip_literal(b: &[u8]) -> bool {
    if let [b'v' | b'V', rest @ ..] = b {
        let Some(dot) = rest.iter().position(|c| *c == b'.') else {
            return false;
        };
        let (version, address) = (&rest[..dot], &rest[dot + 1..]);
        return !version.is_empty()
            && version.iter().all(u8::is_ascii_hexdigit)
            && !address.is_empty()
            && address
                .iter()
                .all(|c| is_unreserved(*c) || is_sub_delim(*c) || *c == b':');
    }
    std::str::from_utf8(b).is_ok_and(|text| internet::ipv6(text).is_ok())
}

/// `unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"`.
fn is_unreserved(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~')
}

/// `sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="`.
fn is_sub_delim(c: u8) -> bool {
    matches!(
        c,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

/// Whether `b` is made of unreserved characters, sub-delims, percent-encoded octets (`%` and
/// two hexadecimal digits) and the bytes of `extra`.
fn chars(b: &[u8], extra: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            let encoded = b.get(i + 1..i + 3);
            if !encoded.is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) {
                return false;
            }
            i += 3;
        } else if is_unreserved(c) || is_sub_delim(c) || extra.contains(&c) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        for good in [
            "http://foo.bar/?baz=qux#quux",
            "http://foo.com/blah_(wikipedia)_blah#cite-1",
            "http://-.~_!$&'()*+,;=:%40:80%2f::::::@example.com",
            "http://[2001:db8::7]:80/c=GB?objectClass?one",
            "http://[v7.fe80::a+en1]/",
            "http://[::ffff:1.2.3.4]",
            "http://999.999.999.999/",
            "http://example.com:/",
            "http://",
            "http:",
            "mailto:John.Doe@example.com",
            "tel:+1-816-555-1212",
            "urn:a:b",
            "a+b-c.d:e",
            "file:///etc/hosts",
            "http://example.com/%7e/?%41=%42#%43",
            "http:?#",
            "x:/a//b",
        ] {
            assert!(uri(good).is_ok(), "{good:?}");
        }
        for (bad, part) in [
            ("", "scheme"),
            ("abc", "scheme"),
            ("/abc", "scheme"),
            ("//foo.bar/", "scheme"),
            (":a", "scheme"),
            ("1http://a", "scheme"),
            ("ht_tp://a", "scheme"),
            ("bar,baz:foo", "scheme"),
            ("é:a", "scheme"),
            ("http://[@a/", "userinfo"),
            ("http://a b@c/", "userinfo"),
            ("http://a@b@c/", "host"),
            ("http://[::1/", "host"),
            ("http://[::g]/", "host"),
            ("http://[::ffff:01.2.3.4]", "host"),
            ("http://[v.x]/", "host"),
            ("http://[vg.x]/", "host"),
            ("http://[v1.]/", "host"),
            ("http://a%2/", "host"),
            ("http://example.com:abc/", "port"),
            ("http://[::1]x/", "port"),
            ("http://[::1]:8o/", "port"),
            ("http:/[::1]", "path"),
            ("http://a/b c", "path"),
            ("http://a/%", "path"),
            ("http://a/%A", "path"),
            ("http://a/%6G", "path"),
            ("http://a/\\", "path"),
            ("http://a/®", "path"),
            ("http://a/\"<>^`{|}", "path"),
            ("http://a/?<", "query"),
            ("http://a/?#[", "fragment"),
            ("http://a/#a#b", "fragment"),
        ] {
            assert_eq!(uri(bad).map_err(|e| e.part), Err(part), "{bad:?}");
        }
    }

    #[test]
    fn uri_references() {
        for good in [
            "",
            "//",
            "///a",
            "/abc",
            "abc",
            "a/b:c",
            "a/b?c:d",
            "./this:that",
            "../a?b#c",
            "?query=1",
            "#fragment",
            "#",
            "//example.com:8080/a",
            "http://foo.bar/?baz=qux#quux",
        ] {
            assert!(uri_reference(good).is_ok(), "{good:?}");
        }
        for (bad, part) in [
            ("1:b", "path"),
            (":", "path"),
            ("\\\\WINDOWS\\fileshare", "path"),
            ("/a\"b", "path"),
            ("/[::1]", "path"),
            ("/%zz", "path"),
            ("//example.com:abc/p", "port"),
            ("//a@b@example.com/", "host"),
            ("//[::ffff:192.168.0.01]/p", "host"),
            ("#frag\\ment", "fragment"),
            ("?a b", "query"),
        ] {
            assert_eq!(uri_reference(bad).map_err(|e| e.part), Err(part), "{bad:?}");
        }
    }

    #[test]
    fn a_colon_before_the_first_slash_is_named() {
        assert_eq!(uri_reference("1:b"), Err(FIRST_SEGMENT));
        assert_eq!(uri_reference("a b:c"), Err(FIRST_SEGMENT));
        assert_eq!(uri_reference("a b/c:d"), Err(PATH));
        assert_eq!(uri_reference("./1:b"), Ok(()));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let long = "%".repeat(100_000);
        for value in [
            "%",
            "%%",
            "[",
            "//[",
            "//[]",
            "//@",
            "a:%",
            "😀",
            "\0",
            long.as_str(),
        ] {
            let _ = (uri(value), uri_reference(value));
        }
        assert!(uri_reference(&long).is_err());
        assert!(uri(&format!("a:{}", "/b".repeat(100_000))).is_ok());
    }
}
