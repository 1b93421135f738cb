//! RFC 6901 JSON Pointers: the one place where a member name is escaped (`~` as `~0`, `/` as
//! `~1`) and unescaped.

use std::borrow::Cow;

/// Appends `segment` to `out`, escaped for a JSON Pointer (without the leading `/`).
#[inline]
pub fn push_escaped(out: &mut String, segment: &str) {
    if !segment.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// `segment` escaped for a JSON Pointer (borrowed when it needs no escape).
pub fn escape(segment: &str) -> Cow<'_, str> {
    if segment.contains(['~', '/']) {
        let mut out = String::with_capacity(segment.len() + 2);
        push_escaped(&mut out, segment);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(segment)
    }
}

/// The pointer of the member `name` of the whole document: `/` and the escaped name.
pub fn member(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 1);
    out.push('/');
    push_escaped(&mut out, name);
    out
}

/// An escaped segment read back (`None` when a `~` is not followed by `0` or `1`).
pub fn unescape(segment: &str) -> Option<Cow<'_, str>> {
    if !segment.contains('~') {
        return Some(Cow::Borrowed(segment));
    }
    let mut out = String::with_capacity(segment.len());
    let mut chars = segment.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(Cow::Owned(out))
}

/// The segments of a pointer, unescaped (`None` for a pointer that is neither empty nor starts
/// with `/`, or has a bad escape).
pub fn segments(pointer: &str) -> Option<Vec<Cow<'_, str>>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    pointer
        .strip_prefix('/')?
        .split('/')
        .map(unescape)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test fails by panicking.
mod tests {
    use super::*;

    #[test]
    fn escapes_and_reads_back() {
        assert_eq!(escape("a/b~c"), "a~1b~0c");
        assert_eq!(escape("plain"), "plain");
        assert_eq!(member("cost/centre"), "/cost~1centre");
        // `~01` is `~1` escaped, not `/`: the order of unescaping matters.
        assert_eq!(unescape("~01").as_deref(), Some("~1"));
        assert_eq!(unescape("a~1b~0c").as_deref(), Some("a/b~c"));
        assert_eq!(unescape("~2"), None);
        assert_eq!(unescape("~"), None);
        let parts = segments("/a~1b/0/").unwrap();
        assert_eq!(parts, ["a/b", "0", ""]);
        assert_eq!(segments(""), Some(Vec::new()));
        assert_eq!(segments("a"), None);
    }
}
