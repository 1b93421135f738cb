//! One member of a flat object read from the bytes, without a parser: for a document that is
//! one object of scalar members (see [`typed_parse_is_exact`](super::typed_parse_is_exact)) and
//! holds no backslash, every string is its bytes between two quotes, so the members can be
//! told apart by finding quotes. Anything else, and anything unexpected, is `None`: the caller
//! then reads the document with serde.

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

/// The member `name` of the flat object `bytes`, read by its quotes; `None` when the text holds
/// a backslash (an escape would need decoding) or does not read as a flat object of scalars.
/// For text that is valid JSON and a flat object without backslashes it is what a parser
/// says; for other text it may be anything but a parser's verdict is then needed anyway.
pub(crate) fn member<'a>(bytes: &'a [u8], name: &str) -> Option<Member<'a>> {
    if memchr::memchr(b'\\', bytes).is_some() {
        return None;
    }
    let mut at = skip_ws(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return None;
    }
    at = skip_ws(bytes, at + 1);
    let mut found = Member::Absent;
    if bytes.get(at) == Some(&b'}') {
        return (skip_ws(bytes, at + 1) == bytes.len()).then_some(found);
    }
    loop {
        let (key, after) = string(bytes, at)?;
        at = skip_ws(bytes, after);
        if bytes.get(at) != Some(&b':') {
            return None;
        }
        at = skip_ws(bytes, at + 1);
        let (text, is_string, after) = match bytes.get(at)? {
            b'"' => {
                let (text, after) = string(bytes, at)?;
                (text, true, after)
            }
            _ => {
                let end = bytes[at..]
                    .iter()
                    .position(|&b| matches!(b, b',' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
                    .map_or(bytes.len(), |n| at + n);
                if end == at {
                    return None;
                }
                (&bytes[at..end], false, end)
            }
        };
        if key == name.as_bytes() {
            found = match found {
                Member::Absent => Member::Once {
                    text,
                    string: is_string,
                },
                Member::Once { .. } | Member::Repeated => Member::Repeated,
            };
        }
        at = skip_ws(bytes, after);
        match bytes.get(at)? {
            b',' => at = skip_ws(bytes, at + 1),
            b'}' => {
                return (skip_ws(bytes, at + 1) == bytes.len()).then_some(found);
            }
            _ => return None,
        }
    }
}

/// The string opening at `at` (a quote): its bytes and the index after its closing quote.
fn string(bytes: &[u8], at: usize) -> Option<(&[u8], usize)> {
    if bytes.get(at) != Some(&b'"') {
        return None;
    }
    let len = memchr::memchr(b'"', &bytes[at + 1..])?;
    Some((&bytes[at + 1..at + 1 + len], at + 2 + len))
}

/// The index of the first byte at or after `at` that is not JSON whitespace.
fn skip_ws(bytes: &[u8], mut at: usize) -> usize {
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

    use super::{Member, member};

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

    fn scalar() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9 :,{}\\[\\]é]{0,8}".prop_map(|s| format!("\"{s}\"")),
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
        }
    }
}
