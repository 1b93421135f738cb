//! Raw JSON: parsing (duplicate keys are errors), [`ValidateJson`] (a type's rules over a
//! parsed document), locating a pointer in the text, and [`from_slice`], text to a validated
//! typed value with every error.

pub(crate) mod flat;
#[cfg(feature = "flat-reader")]
mod flat_de;
mod locate;
mod parse;
mod validate_json;

use serde::de::DeserializeOwned;

pub use self::locate::{Location, locate};
pub(crate) use self::parse::StrictValue;
pub use self::parse::{duplicate_key, parse_value, syntax_error, syntax_error_in};
pub use self::validate_json::ValidateJson;
pub(crate) use self::validate_json::read_f32;
use crate::error::ValidationErrors;
use crate::path::Path;
use crate::validate::{Valid, Validate};

/// JSON text to a validated typed value, or every error (each with its JSON Pointer; a syntax
/// error carries its line and column).
///
/// For an object type whose typed parse is proven exact ([`ValidateJson::EXACT_TYPED_PARSE`]),
/// a document that is one flat object (one whose members are scalars: see
/// [`typed_parse_is_exact`]) costs one typed parse and the typed validation, whose errors are then every error: the typed value has the right JSON
/// types and members, so what is left are the constraint errors, from the same rules the walk
/// would apply ([`ValidateJson::parse_exact`]; a union tries its variants so). Any other
/// document, and any document the typed parse rejects, is walked raw first, so that nothing
/// the schema forbids gets in through a form serde also accepts.
pub fn from_slice<T>(bytes: &[u8]) -> Result<Valid<T>, ValidationErrors>
where
    T: DeserializeOwned + Validate + ValidateJson,
{
    if let Some(verdict) = T::parse_exact(bytes) {
        return verdict.map(Valid::checked);
    }
    let document = parse_value(bytes).map_err(ValidationErrors::from)?;
    let mut errors = Vec::new();
    T::validate_json_at(&document, &Path::Root, &mut errors);
    ValidationErrors::check(errors)?;
    // The raw document is valid: the typed value now follows from it.
    match serde_json::from_value::<T>(document) {
        Ok(value) => Valid::new(value),
        Err(error) => Err(syntax_error(&error).into()),
    }
}

/// Whether serde's typed parse accepts exactly what the schema accepts for `bytes`: true for a
/// document that is one object with no `{` or `[` past its opening brace. serde's derived
/// `Deserialize` also takes a struct from a JSON array of its fields and a unit enum variant
/// from a one-member object (`{"S3": null}`), forms the schema does not allow; neither can
/// occur in such a document. (A brace inside a string only costs the faster path.) The search
/// is `memchr2`'s vectorised scan: a byte-by-byte loop here cost a third of the typed parse.
pub fn typed_parse_is_exact(bytes: &[u8]) -> bool {
    match bytes.iter().position(|b| !b.is_ascii_whitespace()) {
        Some(start) if bytes[start] == b'{' => {
            memchr::memchr2(b'{', b'[', &bytes[start + 1..]).is_none()
        }
        _ => false,
    }
}

/// serde's typed parse of `bytes`, where it is exact: `Some` of what `serde_json::from_slice`
/// gives for a document that is UTF-8 and one flat object (one object of scalar members: one
/// the reader below reads, or one with no `{` or `[` past its opening brace,
/// [`typed_parse_is_exact`]), `None` otherwise or where serde_json refuses.
///
/// Text that is UTF-8 as a whole (checked once, by `simdutf8`: the standard library's verdict,
/// in vector registers where the processor has them; 133 instructions on the request, against
/// 223) is first read by `flat_de` (feature `flat-reader`), which reads a flat object without escapes faster than
/// serde_json and answers as serde_json would: a value (the document was such an object,
/// whatever [`typed_parse_is_exact`] would have found in its strings) or a refusal. What it
/// does not read, serde_json reads as a `&str`, so that it does not check each string's UTF-8
/// again (a fifth of the parse of short strings).
///
/// Bytes that are not UTF-8 get `None` without a parse, and every caller takes `None` to mean
/// that the raw walk decides, which says why. For the types marked exact, serde_json refused
/// them anyway: such a type denies unknown members, so every key is parsed as a string
/// (serde_json checks its UTF-8) and no value is skipped unread (`ignore_str` would not check
/// it). (Parsing them with `serde_json::from_slice` made a fourth copy of every model's
/// `Deserialize`, for nothing.)
///
/// Without the `flat-reader` feature, serde_json reads every document that
/// [`typed_parse_is_exact`] finds flat, with the same results.
#[inline]
pub(crate) fn typed_parse<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    #[cfg(feature = "flat-reader")]
    match flat_de::parse::<T>(text) {
        Ok(value) => return Some(value),
        Err(flat_de::Outcome::Refused) => return None,
        Err(flat_de::Outcome::Unsupported) => {}
    }
    if typed_parse_is_exact(bytes) {
        serde_json::from_str(text).ok()
    } else {
        None
    }
}

/// [`from_slice`] for text.
pub fn from_str<T>(text: &str) -> Result<Valid<T>, ValidationErrors>
where
    T: DeserializeOwned + Validate + ValidateJson,
{
    from_slice(text.as_bytes())
}

/// `typed_parse` held to `serde_json::from_slice` on bytes that are UTF-8 or nearly (the UTF-8
/// check is `simdutf8`'s, held to the standard library's here).
#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test fails by panicking.
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;

    use super::{typed_parse, typed_parse_is_exact};

    /// A flat object's pieces, and bytes that are not UTF-8 (a lone continuation byte, a lead
    /// byte without its continuation, an overlong form, a surrogate's encoding).
    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop_oneof![
                Just("{"),
                Just("}"),
                Just("\""),
                Just(":"),
                Just(","),
                Just(" "),
                Just("a"),
                Just("é"),
                Just("€"),
                Just("😀"),
                Just("1"),
                Just("["),
                Just("\\n"),
            ]
            .prop_map(|s| s.as_bytes().to_vec()),
            prop_oneof![
                Just(vec![0x80]),
                Just(vec![0xc3]),
                Just(vec![0xe2, 0x82]),
                Just(vec![0xc0, 0xaf]),
                Just(vec![0xed, 0xa0, 0x80]),
                Just(vec![0xf4, 0x90, 0x80, 0x80]),
                Just(vec![0xff]),
            ],
        ]
    }

    /// A type that skips unknown members: serde_json's slice reader skips a string unread,
    /// without checking its UTF-8, and so took this document; the typed parse leaves bytes that
    /// are not UTF-8 to the raw walk, which refuses them.
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Tolerant {
        name: String,
    }

    #[test]
    fn bytes_that_are_not_utf8_have_no_typed_parse() {
        let bytes = b"{\"name\":\"x\",\"junk\":\"\xff\"}";
        assert!(serde_json::from_slice::<Tolerant>(bytes).is_ok());
        assert_eq!(typed_parse::<Tolerant>(bytes), None);
        assert!(super::parse_value(bytes).is_err());
    }

    #[test]
    fn a_document_that_is_not_a_flat_object_has_no_typed_parse() {
        // serde_json reads each; the typed parse is exact only for a flat object.
        for text in [
            &br#"{"a":[1]}"#[..],
            br#"{"a":{"b":"c"}}"#,
            b"[1]",
            b"\"a\"",
        ] {
            assert!(serde_json::from_slice::<serde_json::Value>(text).is_ok());
            assert_eq!(typed_parse::<serde_json::Value>(text), None);
        }
        // A flat object with a brace in a string: our reader reads it although the flatness
        // check, which looks for braces anywhere, would not let serde_json's parse decide;
        // without the reader the raw walk decides.
        let text = br#"{"a":"{[","b":1}"#;
        assert!(!typed_parse_is_exact(text));
        let read = if cfg!(feature = "flat-reader") {
            serde_json::from_slice(text).ok()
        } else {
            None
        };
        assert_eq!(typed_parse::<serde_json::Value>(text), read);
    }

    proptest! {
        #[test]
        fn the_utf8_check_is_the_standard_librarys(bytes in proptest::collection::vec(piece(), 0..40)) {
            let bytes = bytes.concat();
            prop_assert_eq!(
                simdutf8::basic::from_utf8(&bytes).ok(),
                std::str::from_utf8(&bytes).ok()
            );
        }

        #[test]
        fn the_typed_parse_is_serde_jsons(
            members in proptest::collection::vec(
                (proptest::collection::vec(piece(), 0..4), proptest::collection::vec(piece(), 0..6)),
                0..5,
            ),
        ) {
            let mut bytes = b"{".to_vec();
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    bytes.push(b',');
                }
                bytes.push(b'"');
                bytes.extend(key.concat());
                bytes.extend(b"\":\"");
                bytes.extend(value.concat());
                bytes.push(b'"');
            }
            bytes.push(b'}');
            let ours = typed_parse::<BTreeMap<String, String>>(&bytes);
            let serde = serde_json::from_slice::<BTreeMap<String, String>>(&bytes).ok();
            if ours.is_some() || typed_parse_is_exact(&bytes) {
                prop_assert_eq!(ours, serde);
            }
        }
    }
}
