//! The members of a flat object read from the bytes, without a parser: for a document that is
//! one object of scalar members (see [`typed_parse_is_exact`](super::typed_parse_is_exact)) and
//! holds no backslash, every string is its bytes between two quotes, so the members can be
//! told apart by finding quotes. Anything else, and anything unexpected, is `None`: the caller
//! then reads the document with serde.

use std::ops::ControlFlow;

/// What a flat object says of the member `name`.
#[derive(Debug, PartialEq)]
pub(crate) enum Member<'a> {
    /// No member `name`.
    Absent,
    /// One member `name`, whose value is this text (a string's without its quotes, when
    /// `string` is true; a number's or literal's as written otherwise).
    Once { text: &'a [u8], string: bool },
    /// `name` more than once.
    Repeated,
}

/// One member of a flat object, as [`members`] reads it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Raw<'a> {
    /// The name, its bytes between the quotes.
    pub key: &'a [u8],
    /// The value's text: a string's without its quotes, a number's or literal's as written.
    pub text: &'a [u8],
    /// Whether the value is a string.
    pub string: bool,
    /// The byte offset of the value (of a string's opening quote).
    pub start: usize,
    /// The byte offset just past the value (past a string's closing quote).
    pub end: usize,
}

/// Hands each member of the flat object `bytes` to `each`, in order, until `each` breaks;
/// `Some(())` once the object is read to its end (nothing but whitespace after it) or `each`
/// broke, `None` when the text holds a backslash (an escape would need decoding) or does not
/// read as a flat object of scalars (what `each` was given before stays given). For text that
/// is valid JSON and a flat object without backslashes, the members are what a parser reads;
/// for other text they may be anything, but a parser's verdict is then needed anyway.
pub(crate) fn members<'a>(
    bytes: &'a [u8],
    mut each: impl FnMut(Raw<'a>) -> ControlFlow<()>,
) -> Option<()> {
    if memchr::memchr(b'\\', bytes).is_some() {
        return None;
    }
    let mut at = skip_ws(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at = skip_ws(bytes, at + 1);
    if bytes.get(at) == Some(&b'}') {
        return (skip_ws(bytes, at + 1) == bytes.len()).then_some(());
    }
    loop {
        let (key, after) = string(bytes, at)?;
        at = skip_ws(bytes, after);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        at = skip_ws(bytes, at + 1);
        let (text, string, end) = match bytes.get(at)? {
            b'"' => {
                let (text, after) = string(bytes, at)?;
                (text, true, after)
            }
            _ => {
                let end = bytes[at..]
                    .iter()
                    .position(|&b| {
                        matches!(
                            b,
                            b',' | b'}'
                                | b']'
                                | b'{'
                                | b'['
                                | b':'
                                | b'"'
                                | b' '
                                | b'\t'
                                | b'\n'
                                | b'\r'
                        )
                    })
                    .map_or(bytes.len(), |n| at + n);
                if end == at {
                    return None;
                }
                (&bytes[at..end], false, end)
            }
        };
        let raw = Raw {
            key,
            text,
            string,
            start: at,
            end,
        };
        if each(raw).is_break() {
            return Some(());
        }
        at = skip_ws(bytes, end);
        match bytes.get(at)? {
            b',' => at = skip_ws(bytes, at + 1),
            b'}' => return (skip_ws(bytes, at + 1) == bytes.len()).then_some(()),
            _ => return None,
        }
    }
}

/// The member `name` of the flat object `bytes` ([`members`]); `None` where `members` is.
pub(crate) fn member<'a>(bytes: &'a [u8], name: &str) -> Option<Member<'a>> {
    let mut found = Member::Absent;
    members(bytes, |raw| {
        if raw.key == name.as_bytes() {
            found.add(raw);
        }
        ControlFlow::Continue(())
    })?;
    Some(found)
}

impl<'a> Member<'a> {
    /// What is known once `raw` is read as another member of this name.
    pub(crate) fn add(&mut self, raw: Raw<'a>) {
        *self = match self {
            Member::Absent => Member::Once {
                text: raw.text,
                string: raw.string,
            },
            Member::Once { .. } | Member::Repeated => Member::Repeated,
        };
    }
}

/// Where the value of the member `name` of the flat object `bytes` starts: `Some(None)` when
/// it has no such member, `None` when the text holds a backslash (or `name` is empty). Found
/// as the first `"name"` followed by a colon, from each occurrence of the name's first byte.
///
/// Exact for text that is valid JSON (a typed parse accepted it): with no escapes no string
/// holds a quote, so the quote before the name opens a string (were it a closing one, the
/// name would stand outside any string, which valid JSON allows only for literals and
/// numbers: the caller's names are none of those), that string is the name, and a string
/// followed by a colon is a key. For other text it is only a guess, which may order work but
/// must not decide a verdict.
pub(crate) fn member_value(bytes: &[u8], name: &str) -> Option<Option<usize>> {
    let name = name.as_bytes();
    let &first = name.first()?;
    if memchr::memchr(b'\\', bytes).is_some() {
        return None;
    }
    Some(memchr::memchr_iter(first, bytes).find_map(|at| {
        let after = at + name.len();
        let key = at > 0
            && bytes[at - 1] == b'"'
            && bytes[at..].starts_with(name)
            && bytes.get(after) == Some(&b'"');
        let colon = skip_ws(bytes, after + 1);
        (key && bytes.get(colon) == Some(&b':')).then(|| skip_ws(bytes, colon + 1))
    }))
}

/// The string opening at `at` (a quote): its bytes and the index after its closing quote (no
/// backslash: no quote is escaped).
fn string(bytes: &[u8], at: usize) -> Option<(&[u8], usize)> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let len = memchr::memchr(b'"', bytes.get(at + 1..)?)?;
    Some((&bytes[at + 1..at + 1 + len], at + 2 + len))
}

/// The index of the first byte at or after `at` that is not JSON whitespace (`flat_de` reads
/// with it too).
pub(super) fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_member_is_found_by_its_quotes() {
        let once = |text: &'static [u8], string| Some(Member::Once { text, string });
        assert_eq!(member(br#"{"a":"S3","b":1}"#, "a"), once(b"S3", true));
        assert_eq!(
            member(b" {\n \"b\" : 1 ,\t\"a\" :\r\"GCS\" } \n", "a"),
            once(b"GCS", true)
        );
        assert_eq!(member(br#"{"a":12.5e3}"#, "a"), once(b"12.5e3", false));
        assert_eq!(member(br#"{"a":null }"#, "a"), once(b"null", false));
        assert_eq!(member(br#"{"b":"a","c":"a:"}"#, "a"), Some(Member::Absent));
        assert_eq!(member(br#"{}"#, "a"), Some(Member::Absent));
        assert_eq!(member(br#"{"a":1,"a":"x"}"#, "a"), Some(Member::Repeated));
        // A value that is the name, or holds it, is no member.
        assert_eq!(member(br#"{"b":"a"}"#, "a"), Some(Member::Absent));
    }

    #[test]
    fn what_needs_a_parser_is_none() {
        for text in [
            &br#"{"a\u0062":"S3"}"#[..],
            br#"{"b":"x\"y","a":"S3"}"#,
            br#"["a"]"#,
            br#"{"a":"S3""#,
            br#"{"a" "S3"}"#,
            br#"{"a":}"#,
            br#"{"a":1,}x"#,
            br#"{"a":1} x"#,
            br#"{"a":"S3"}}"#,
            b"",
            b"{",
            b"{\"a",
        ] {
            assert_eq!(member(text, "a"), None, "{}", String::from_utf8_lossy(text));
        }
    }
}

/// The byte reading held to serde's on generated flat objects: random members (the name among
/// them zero, one or two times), random whitespace, every kind of scalar.
#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test fails by panicking.
mod properties {
    use proptest::prelude::*;
    use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
    use serde_json::Value;

    use super::{Member, Raw, member, member_value, members as read_members, string};

    /// serde's reading: each member `name`'s value, in order.
    struct Values(&'static str);

    impl<'de> DeserializeSeed<'de> for Values {
        type Value = Vec<Value>;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Vec<Value>, D::Error> {
            d.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for Values {
        type Value = Vec<Value>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<Value>, A::Error> {
            let mut found = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                if key == self.0 {
                    found.push(map.next_value::<Value>()?);
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(found)
        }
    }

    fn ws() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![Just(" "), Just("\t"), Just("\n"), Just("\r")],
            0..3,
        )
        .prop_map(|parts| parts.concat())
    }

    /// serde's reading of every member, in order.
    struct Entries;

    impl<'de> DeserializeSeed<'de> for Entries {
        type Value = Vec<(String, Value)>;
        fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_map(self)
        }
    }

    impl<'de> Visitor<'de> for Entries {
        type Value = Vec<(String, Value)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                entries.push((key, map.next_value::<Value>()?));
            }
            Ok(entries)
        }
    }

    fn scalar() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9 :,{}\\[\\]é]{0,8}".prop_map(|s| format!("\"{s}\"")),
            // The name as a value, before a colon in a value, and strings past a word.
            Just("\"kind\"".to_owned()),
            Just("\"kind :\"".to_owned()),
            "[a-z\"#]{9,70}".prop_map(|s| format!("\"{}\"", s.replace('"', ""))),
            Just("null".to_owned()),
            Just("true".to_owned()),
            Just("false".to_owned()),
            (-1000i64..1000).prop_map(|n| n.to_string()),
            Just("-0.5e-3".to_owned()),
        ]
    }

    proptest! {
        #[test]
        fn the_bytes_say_what_serde_says(
            members in proptest::collection::vec(
                (prop_oneof![Just("kind"), Just("kin"), Just("kinds"), Just("x"), Just("é")], scalar(), ws(), ws(), ws(), ws()),
                0..6,
            ),
            lead in ws(),
            trail in ws(),
        ) {
            let body: Vec<String> = members
                .iter()
                .map(|(key, value, a, b, c, d)| format!("{a}\"{key}\"{b}:{c}{value}{d}"))
                .collect();
            let text = format!("{lead}{{{}}}{trail}", body.join(","));
            let by_serde = Values("kind").deserialize(&mut serde_json::Deserializer::from_str(&text)).unwrap();
            let by_bytes = member(text.as_bytes(), "kind").unwrap();
            match (by_bytes, by_serde.as_slice()) {
                (Member::Absent, []) => {}
                (Member::Once { text: value, string: true }, [Value::String(s)]) => {
                    prop_assert_eq!(value, s.as_bytes());
                }
                (Member::Once { text: value, string: false }, [expected]) => {
                    prop_assert_eq!(&serde_json::from_slice::<Value>(value).unwrap(), expected);
                }
                (Member::Repeated, [_, _, ..]) => {}
                (bytes, serde) => prop_assert!(false, "{text}: bytes {bytes:?}, serde {serde:?}"),
            }
            // Every member, its name, its value and where the value is.
            let entries = Entries.deserialize(&mut serde_json::Deserializer::from_str(&text)).unwrap();
            let mut read: Vec<Raw<'_>> = Vec::new();
            let whole = read_members(text.as_bytes(), |raw| {
                read.push(raw);
                std::ops::ControlFlow::Continue(())
            });
            prop_assert_eq!(whole, Some(()));
            prop_assert_eq!(read.len(), entries.len());
            for (raw, (key, value)) in read.iter().zip(&entries) {
                prop_assert_eq!(raw.key, key.as_bytes());
                let written = &text.as_bytes()[raw.start..raw.end];
                prop_assert_eq!(&serde_json::from_slice::<Value>(written).unwrap(), value);
                if raw.string {
                    prop_assert_eq!(raw.text, &written[1..written.len() - 1]);
                } else {
                    prop_assert_eq!(raw.text, written);
                }
            }
            // The search by the name's first byte finds the first member `kind`'s value.
            let first = read.iter().find(|raw| raw.key == b"kind");
            prop_assert_eq!(member_value(text.as_bytes(), "kind"), Some(first.map(|raw| raw.start)));
            if let Some(raw) = first.filter(|raw| raw.string) {
                prop_assert_eq!(string(text.as_bytes(), raw.start).map(|(s, _)| s), Some(raw.text));
            }
        }
    }
}
