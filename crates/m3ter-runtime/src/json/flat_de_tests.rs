//! The fast reader held to serde_json: on generated documents (flat objects, each member's
//! name, value and whitespace drawn from pools that hold every case the reader must refuse or
//! leave to serde_json, then a byte inserted, removed or replaced), for types that use every
//! call the reader answers; and on literal cases.

// A test fails by panicking.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use proptest::prelude::*;
use serde::Deserialize;
use serde::de::{self, VariantAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::{Outcome, parse, string_end};

/// Every member type a generated model uses, and the reader's other calls: a unit enum, a
/// newtype, numbers, a bool, `Option`, a `char`; unknown members refused.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct Strict {
    name: String,
    kind: Option<Kind>,
    count: Option<u8>,
    ratio: Option<f64>,
    flag: Option<bool>,
    code: Option<Code>,
    initial: Option<char>,
}

#[derive(Debug, PartialEq, Deserialize)]
enum Kind {
    #[serde(rename = "S3")]
    S3,
    #[serde(rename = "GCS")]
    Gcs,
    /// A variant with data: serde_json refuses it from a string, so must the reader.
    Other(String),
}

#[derive(Debug, PartialEq, Deserialize)]
struct Code(String);

/// Unknown members skipped (`deserialize_ignored_any`), defaults.
#[derive(Debug, PartialEq, Deserialize)]
struct Lenient {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    count: i64,
}

/// The members a struct does not declare, kept (`#[serde(flatten)]`: serde's buffered content).
#[derive(Debug, PartialEq, Deserialize)]
struct WithOthers {
    name: String,
    #[serde(flatten)]
    others: BTreeMap<String, Value>,
}

/// An internally tagged enum: the whole object buffered, then read again.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(tag = "kind")]
enum Tagged {
    S3 {
        name: String,
    },
    #[serde(rename = "GCS")]
    Gcs {
        count: u32,
    },
}

/// An untagged enum: the first variant that reads the buffered object.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(untagged)]
enum Untagged {
    Named { name: String },
    Counted { count: i32 },
}

/// Borrowed strings: serde_json gives a string without escapes to `visit_borrowed_str`, which
/// these need (`&str` refuses `visit_str`); so must the reader, for names and values.
#[derive(Debug, PartialEq, Deserialize)]
struct Borrowed<'a> {
    name: &'a str,
    #[serde(borrow)]
    code: Option<Cow<'a, str>>,
    #[serde(flatten, borrow)]
    others: BTreeMap<&'a str, &'a str>,
}

/// An enum whose variant name is read by a seed that is not `deserialize_identifier`: as
/// `Option<String>` (serde_json gives `Some`), or as a number (serde_json refuses a string).
#[derive(Debug, PartialEq)]
struct ByOption(Option<String>);

impl<'de> Deserialize<'de> for ByOption {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Enum;
        impl<'de> Visitor<'de> for Enum {
            type Value = ByOption;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an enum")
            }
            fn visit_enum<A: de::EnumAccess<'de>>(self, access: A) -> Result<ByOption, A::Error> {
                let (name, variant) = access.variant::<Option<String>>()?;
                variant.unit_variant()?;
                Ok(ByOption(name))
            }
        }
        deserializer.deserialize_enum("ByOption", &["A"], Enum)
    }
}

#[derive(Debug, PartialEq)]
struct ByNumber(String);

impl<'de> Deserialize<'de> for ByNumber {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Name;
        impl Visitor<'_> for Name {
            type Value = String;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
                Ok(format!("u64:{v}"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
                Ok(format!("str:{v}"))
            }
        }
        struct Seed;
        impl<'de> de::DeserializeSeed<'de> for Seed {
            type Value = String;
            fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
                d.deserialize_u64(Name)
            }
        }
        struct Enum;
        impl<'de> Visitor<'de> for Enum {
            type Value = ByNumber;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an enum")
            }
            fn visit_enum<A: de::EnumAccess<'de>>(self, access: A) -> Result<ByNumber, A::Error> {
                let (name, variant) = access.variant_seed(Seed)?;
                variant.unit_variant()?;
                Ok(ByNumber(name))
            }
        }
        deserializer.deserialize_enum("ByNumber", &["A"], Enum)
    }
}

/// Members whose enums read their variant names so.
#[derive(Debug, PartialEq, Deserialize)]
struct OddEnums {
    a: Option<ByOption>,
    b: Option<ByNumber>,
}

/// A visitor that reads the first member and stops: serde_json then finds the object not closed
/// (an error unless it had one member).
#[derive(Debug, PartialEq)]
struct FirstOnly(Option<(String, String)>);

impl<'de> Deserialize<'de> for FirstOnly {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct First;
        impl<'de> Visitor<'de> for First {
            type Value = FirstOnly;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<FirstOnly, A::Error> {
                Ok(FirstOnly(map.next_entry::<String, String>()?))
            }
        }
        deserializer.deserialize_map(First)
    }
}

/// serde_json's `RawValue` (a newtype struct of a private name: serde_json captures the text),
/// compared by its text.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
struct Raw(Box<RawValue>);

impl PartialEq for Raw {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

/// Whether the reader answered as serde_json: its value, or a refusal serde_json shares.
/// `Unsupported` claims nothing; the callers require it where the reader must read the text.
fn agrees<'a, T: Deserialize<'a> + PartialEq + std::fmt::Debug>(text: &'a str) -> Option<Outcome> {
    let by_serde = serde_json::from_str::<T>(text);
    match parse::<T>(text) {
        Ok(value) => {
            let expected = by_serde.unwrap_or_else(|e| panic!("{text:?}: serde_json: {e}"));
            assert_eq!(value, expected, "{text:?}");
            None
        }
        Err(Outcome::Refused) => {
            assert!(
                by_serde.is_err(),
                "{text:?}: refused, serde_json read {by_serde:?}"
            );
            Some(Outcome::Refused)
        }
        Err(Outcome::Unsupported) => Some(Outcome::Unsupported),
    }
}

fn check_all(text: &str) {
    // The raw parse, which takes the reader first: the same value (its text too, which tells
    // -0.0 from 0.0), or the same error.
    let raw = super::super::parse_value(text.as_bytes());
    let by_serde_json = super::super::parse::parse_value_by_serde_json(text.as_bytes());
    assert_eq!(raw, by_serde_json, "{text:?}");
    if let (Ok(raw), Ok(by_serde_json)) = (&raw, &by_serde_json) {
        assert_eq!(raw.to_string(), by_serde_json.to_string(), "{text:?}");
    }
    agrees::<Value>(text);
    agrees::<Borrowed<'_>>(text);
    agrees::<OddEnums>(text);
    agrees::<FirstOnly>(text);
    agrees::<BTreeMap<String, Raw>>(text);
    agrees::<BTreeMap<String, String>>(text);
    agrees::<Strict>(text);
    agrees::<Lenient>(text);
    agrees::<WithOthers>(text);
    agrees::<Tagged>(text);
    agrees::<Untagged>(text);
    agrees::<Option<Value>>(text);
}

/// Mostly JSON's whitespace, sometimes what is not.
fn ws() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        8 => Just(""),
        2 => Just(" "),
        1 => Just("\t"),
        1 => Just("\n"),
        1 => Just("\r"),
        // Not JSON whitespace.
        1 => Just("\u{a0}"),
        1 => Just("\u{c}"),
    ]
}

/// Mostly names a type reads, sometimes what it must refuse or leave to serde_json.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => prop_oneof![
            Just("name"),
            Just("kind"),
            Just("count"),
            Just("ratio"),
            Just("flag"),
            Just("code"),
            Just("initial"),
            Just("other"),
        ]
        .prop_map(|k| format!("\"{k}\"")),
        // Escapes, controls, quotes, non-ASCII, long names, a name not closed, not a string.
        1 => Just("\"na\\u006de\"".to_owned()),
        1 => Just("\"a\tb\"".to_owned()),
        1 => Just("\"é\u{2028}\"".to_owned()),
        4 => "\"[a-zA-Z0-9]{0,20}\"",
        1 => Just("\"name".to_owned()),
        1 => Just("name".to_owned()),
        1 => Just("1".to_owned()),
    ]
}

/// Mostly values a type reads, sometimes what it must refuse or leave to serde_json.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "\"[a-zA-Z0-9 :,{}\\[\\]é€😀/_-]{0,24}\"",
        2 => Just("\"S3\"".to_owned()),
        1 => Just("\"GCS\"".to_owned()),
        1 => Just("\"Other\"".to_owned()),
        2 => Just("\"x\"".to_owned()),
        1 => Just("\"\"".to_owned()),
        // Escapes and what no string may hold unescaped.
        1 => Just("\"a\\\"b\"".to_owned()),
        1 => Just("\"a\\nb\"".to_owned()),
        1 => Just("\"\\ud800\"".to_owned()),
        1 => Just("\"a\u{1}b\"".to_owned()),
        1 => Just("\"a\nb\"".to_owned()),
        1 => Just("\"a\u{7f}b\"".to_owned()),
        1 => Just("\"unclosed".to_owned()),
        // Numbers: in and out of each type's range, and not numbers.
        4 => prop_oneof![
            Just("0"),
            Just("-0"),
            Just("7"),
            Just("255"),
            Just("256"),
            Just("-1"),
            Just("1.5"),
            Just("-0.5e-3"),
            Just("1e400"),
            Just("18446744073709551616"),
            Just("01"),
            Just("1."),
            Just("-"),
            Just("+1"),
            Just(".5"),
            Just("NaN"),
        ]
        .prop_map(str::to_owned),
        3 => prop_oneof![
            Just("true"),
            Just("false"),
            Just("null"),
            Just("tru"),
            Just("nul"),
            Just("True"),
        ]
        .prop_map(str::to_owned),
        // Nested values: serde_json's to read.
        1 => prop_oneof![Just("{}"), Just("[]"), Just("[1]"), Just("{\"a\":1}")].prop_map(str::to_owned),
    ]
}

/// A flat object of up to six members with whitespace drawn around every token, its members
/// mostly separated as JSON separates them, sometimes not (a comma after the last member or
/// before the first, two commas, none).
fn document() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec((key(), value(), ws(), ws(), ws(), ws()), 0..7),
        ws(),
        ws(),
        0..10u8,
    )
        .prop_map(|(members, lead, trail, shape)| {
            let body: Vec<String> = members
                .iter()
                .map(|(key, value, a, b, c, d)| format!("{a}{key}{b}:{c}{value}{d}"))
                .collect();
            let body = match shape {
                0 => format!("{},", body.join(",")),
                1 => format!(",{}", body.join(",")),
                2 => body.join(",,"),
                3 => body.join(" "),
                _ => body.join(","),
            };
            format!("{lead}{{{body}}}{trail}")
        })
}

/// A document with one byte inserted, removed or replaced: syntax errors of every kind.
fn mutated() -> impl Strategy<Value = String> {
    let bytes = prop_oneof![
        Just(b','),
        Just(b':'),
        Just(b'"'),
        Just(b'{'),
        Just(b'}'),
        Just(b'['),
        Just(b'\\'),
        Just(b' '),
        Just(b'x'),
        Just(b'1'),
        Just(0u8),
    ];
    (document(), any::<prop::sample::Index>(), bytes, 0..3u8).prop_map(|(text, at, byte, how)| {
        let mut bytes = text.into_bytes();
        let at = at.index(bytes.len() + 1);
        match how {
            0 => bytes.insert(at, byte),
            1 if at < bytes.len() => {
                bytes.remove(at);
            }
            _ if at < bytes.len() => bytes[at] = byte,
            _ => bytes.push(byte),
        }
        // A change inside a multi-byte character is not text: the callers hold `&str`.
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// A flat object without escapes, whose numbers and literals are JSON's, with whether it is
/// well formed: the reader must read such a one itself, not leave it to serde_json. One in
/// three is not: a comma after the last member or before the first, two commas, none, a colon
/// missing, whitespace that is not JSON's.
fn plain_document() -> impl Strategy<Value = (String, bool)> {
    let plain_value = prop_oneof![
        "\"[a-zA-Z0-9 :,{}\\[\\]é€😀/_-]{0,40}\"",
        (-1000i64..1000).prop_map(|n| n.to_string()),
        Just("-0.5e-3".to_owned()),
        Just("true".to_owned()),
        Just("false".to_owned()),
        Just("null".to_owned()),
    ];
    let plain_ws = prop_oneof![Just(""), Just(" "), Just("\t"), Just("\n"), Just("\r\n")];
    (
        proptest::collection::vec(
            (
                "[a-zA-Z0-9é]{0,12}",
                plain_value,
                plain_ws.clone(),
                plain_ws.clone(),
            ),
            1..8,
        ),
        plain_ws.clone(),
        plain_ws,
        0..18u8,
    )
        .prop_map(|(members, lead, trail, shape)| {
            let colon = if shape == 4 { " " } else { ":" };
            let body: Vec<String> = members
                .iter()
                .map(|(key, value, a, b)| format!("{a}\"{key}\"{b}{colon}{b}{value}{a}"))
                .collect();
            let body = match shape {
                0 => format!("{},", body.join(",")),
                1 => format!(",{}", body.join(",")),
                2 => body.join(",,"),
                3 => body.join(" "),
                5 => format!("{}\u{a0}", body.join(",")),
                _ => body.join(","),
            };
            let text = format!("{lead}{{{body}}}{trail}");
            // Two commas or none between one member are one comma-less member: well formed.
            let well_formed = shape > 5 || (matches!(shape, 2 | 3) && members.len() == 1);
            (text, well_formed)
        })
}

// proptest's default case count, as the crate's other properties (`PROPTEST_CASES` raises it).
proptest! {
    #[test]
    fn the_reader_answers_as_serde_json(text in document()) {
        check_all(&text);
    }

    #[test]
    fn the_reader_answers_as_serde_json_on_broken_text(text in mutated()) {
        check_all(&text);
    }

    #[test]
    fn the_reader_reads_every_plain_flat_object((text, well_formed) in plain_document()) {
        // `Value` takes every member: the reader reads the whole object itself, and refuses
        // (leaves to serde_json, which refuses) any other.
        let outcome = agrees::<Value>(&text);
        if well_formed {
            prop_assert_eq!(outcome, None, "{}", text);
            // Names borrowed from the text.
            prop_assert_eq!(agrees::<BTreeMap<&str, Value>>(&text), None, "{}", text);
            // The raw parse reads it too, unless a name is repeated (serde_json then says where).
            if super::super::parse::parse_value_by_serde_json(text.as_bytes()).is_ok() {
                prop_assert!(
                    super::parse_seed(&text, super::super::StrictValue).is_ok(),
                    "{}",
                    text
                );
            }
        } else {
            prop_assert_eq!(outcome, Some(Outcome::Unsupported), "{}", text);
            prop_assert!(serde_json::from_str::<Value>(&text).is_err(), "{}", text);
        }
        check_all(&text);
    }

    #[test]
    fn a_string_ends_where_the_byte_loop_says(
        text in proptest::collection::vec(
            prop_oneof![
                Just(b'"'), Just(b'\\'), Just(0u8), Just(0x1f), Just(0x20), Just(0x21),
                Just(0x5b), Just(0x5d), Just(0x7f), Just(0x80), Just(0xa2), Just(0xdc), Just(0xff),
                any::<u8>(), b'a'..=b'z',
            ],
            0..40,
        ),
        at in any::<prop::sample::Index>(),
    ) {
        let at = at.index(text.len() + 1);
        let expected = text[at..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .map_or(text.len(), |n| at + n);
        prop_assert_eq!(string_end(&text, at), expected);
    }
}

#[test]
fn literal_cases() {
    let strict = |text: &str| parse::<Strict>(text).map(|s| s.name);
    assert_eq!(strict(r#"{"name":"a"}"#), Ok("a".to_owned()));
    assert_eq!(strict(" \r\n\t{ \"name\" :\t\"a\" }\n"), Ok("a".to_owned()));
    // A refusal by the type: unknown, missing, repeated members; a wrong tag; a variant with
    // data named by a string.
    assert_eq!(strict(r#"{"name":"a","other":1}"#), Err(Outcome::Refused));
    assert_eq!(strict(r#"{}"#), Err(Outcome::Refused));
    assert_eq!(strict(r#"{"name":"a","name":"b"}"#), Err(Outcome::Refused));
    assert_eq!(strict(r#"{"name":"a","kind":"s3"}"#), Err(Outcome::Refused));
    assert_eq!(
        strict(r#"{"name":"a","kind":"Other"}"#),
        Err(Outcome::Refused)
    );
    // What the reader leaves to serde_json: escapes, controls, nesting, syntax errors, a number
    // the type refuses (serde_json reads it, in context).
    for text in [
        r#"{"name":1}"#,
        r#"{"name":"a\"b"}"#,
        r#"{"n\u0061me":"a"}"#,
        "{\"name\":\"a\tb\"}",
        "{\"name\":\"a\u{1}b\"}",
        r#"{"name":"a","kind":{}}"#,
        r#"{"name":"a","count":[1]}"#,
        r#"{"name":"a",}"#,
        r#"{"name":"a" "count":1}"#,
        r#"{"name" "a"}"#,
        r#"{"name":"a"}}"#,
        r#"{"name":"a"} x"#,
        r#"{"name":"a""#,
        r#"{"name":"a"#,
        r#"{"name":"a","count":256}"#,
        r#"{"name":"a","count":01}"#,
        r#"{"name":"a","flag":tru}"#,
        r#"[{"name":"a"}]"#,
        "\u{feff}{\"name\":\"a\"}",
        "",
    ] {
        assert_eq!(strict(text), Err(Outcome::Unsupported), "{text:?}");
        assert!(serde_json::from_str::<Strict>(text).is_err() || text.contains('\\'));
    }
    // Numbers, literals and `null` are serde_json's reading of their own text.
    let full = parse::<Strict>(
        r#"{"name":"é","kind":"GCS","count":255,"ratio":-0.5e-3,"flag":true,"code":"c","initial":"x"}"#,
    )
    .unwrap();
    assert_eq!(
        full,
        Strict {
            name: "é".to_owned(),
            kind: Some(Kind::Gcs),
            count: Some(255),
            ratio: Some(-0.0005),
            flag: Some(true),
            code: Some(Code("c".to_owned())),
            initial: Some('x'),
        }
    );
    assert_eq!(
        parse::<Strict>(r#"{"name":"a","count":null}"#).map(|s| s.count),
        Ok(None)
    );
    // Unknown members skipped without being read into anything.
    assert_eq!(
        parse::<Lenient>(r#"{"x":"y","count":-3,"z":1.5}"#),
        Ok(Lenient {
            name: None,
            count: -3
        })
    );
    assert_eq!(
        parse::<Value>("{}"),
        Ok(Value::Object(serde_json::Map::new()))
    );
    assert_eq!(Outcome::Refused.to_string(), "refused by the type");
}

#[test]
fn the_reader_reads_what_serde_json_reads_in_each_form() {
    // Borrowed names and values.
    assert_eq!(
        parse::<Borrowed<'_>>(r#"{"name":"n","code":"c","x":"y"}"#),
        Ok(Borrowed {
            name: "n",
            code: Some(Cow::Borrowed("c")),
            others: BTreeMap::from([("x", "y")]),
        })
    );
    // Tags read by `deserialize_identifier`, content buffered.
    assert_eq!(
        parse::<Tagged>(r#"{"kind":"S3","name":"a"}"#),
        Ok(Tagged::S3 {
            name: "a".to_owned()
        })
    );
    assert_eq!(
        parse::<Untagged>(r#"{"count":-2}"#),
        Ok(Untagged::Counted { count: -2 })
    );
    // A variant's name read with `deserialize_option`, and with `deserialize_u64` (which
    // serde_json refuses on a string: the reader leaves it to serde_json).
    assert_eq!(
        parse::<OddEnums>(r#"{"a":"A"}"#),
        Ok(OddEnums {
            a: Some(ByOption(Some("A".to_owned()))),
            b: None,
        })
    );
    assert_eq!(parse::<OddEnums>(r#"{"b":"A"}"#), Err(Outcome::Unsupported));
    assert!(serde_json::from_str::<OddEnums>(r#"{"b":"A"}"#).is_err());
    // A visitor that stops early: only serde_json knows what follows.
    assert_eq!(
        parse::<FirstOnly>(r#"{"a":"1","b":"2"}"#),
        Err(Outcome::Unsupported)
    );
    assert!(serde_json::from_str::<FirstOnly>(r#"{"a":"1","b":"2"}"#).is_err());
    // serde_json's `RawValue`: a string is serde_json's to capture; a number is read by it.
    assert_eq!(
        parse::<BTreeMap<String, Raw>>(r#"{"a":"1"}"#).map(|_| ()),
        Err(Outcome::Unsupported)
    );
    let raw = parse::<BTreeMap<String, Raw>>(r#"{"a":12}"#).unwrap();
    assert_eq!(raw["a"].0.get(), "12");
}
