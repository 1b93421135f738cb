//! A typed parse of a flat object without escapes, faster than serde_json's and never accepting
//! what serde_json refuses (issue 14 item 4): the typed fast path's parse, and the first stage
//! of the raw walk's (`parse_value`, with its `StrictValue`).
//!
//! The text is one object whose members' values are scalars, and no string in it holds a
//! backslash or a control character, so that every string is its bytes between two quotes:
//! the reader finds each string's end eight bytes at a time and hands the type's derived
//! `Deserialize` the same calls, with the same borrowed strings, that serde_json's reader makes.
//! A number, `true`, `false` or `null` is read by serde_json itself, on its own text.
//!
//! The reader answers in three ways ([`parse`]):
//! - `Ok(value)`: serde_json gives the same value for the text;
//! - [`Refused`]: the type's `Deserialize` refused what it was given (an unknown or missing
//!   member, a wrong tag, a duplicate). serde_json gives it the same calls up to that point and
//!   refuses as well;
//! - [`Unsupported`]: the text holds something the reader does not read (an escape, a control
//!   character in a string, a nested value, a syntax error, a call it does not emulate). Only
//!   serde_json can then say.
//!
//! Every call the reader does not make exactly as serde_json does is [`Unsupported`], not
//! approximated. The property tests in `flat_de_tests.rs` hold the reader to
//! `serde_json::from_str` on generated documents, for types that make each call; the
//! workspace's cross-path tests (`tests/cross_path.rs`, `tests/unions.rs`) hold `from_slice`
//! on the generated models, which takes the reader, to the raw walk.
//!
//! [`Refused`]: Outcome::Refused
//! [`Unsupported`]: Outcome::Unsupported

use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, Unexpected, VariantAccess, Visitor,
};

use super::flat::skip_ws;

/// `Deserializer` methods the reader does not make as serde_json does: each is
/// [`Outcome::Unsupported`], so that serde_json answers.
macro_rules! unsupported {
    ($($method:ident)*) => {$(unsupported!(@one $method);)*};
    (@one deserialize_unit_struct) => {
        fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V)
            -> Result<V::Value, Outcome> { Err(Outcome::Unsupported) }
    };
    (@one deserialize_newtype_struct) => {
        fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, _: V)
            -> Result<V::Value, Outcome> { Err(Outcome::Unsupported) }
    };
    (@one deserialize_tuple) => {
        fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, _: V)
            -> Result<V::Value, Outcome> { Err(Outcome::Unsupported) }
    };
    (@one deserialize_tuple_struct) => {
        fn deserialize_tuple_struct<V: Visitor<'de>>(self, _: &'static str, _: usize, _: V)
            -> Result<V::Value, Outcome> { Err(Outcome::Unsupported) }
    };
    (@one deserialize_struct) => {
        fn deserialize_struct<V: Visitor<'de>>(
            self, _: &'static str, _: &'static [&'static str], _: V,
        ) -> Result<V::Value, Outcome> { Err(Outcome::Unsupported) }
    };
    (@one deserialize_enum) => {
        fn deserialize_enum<V: Visitor<'de>>(
            self, _: &'static str, _: &'static [&'static str], _: V,
        ) -> Result<V::Value, Outcome> { Err(Outcome::Unsupported) }
    };
    (@one $method:ident) => {
        fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Outcome> {
            Err(Outcome::Unsupported)
        }
    };
}

/// `Deserializer` methods that give the borrowed string (`self.0`) to `visit_borrowed_str`, as
/// serde_json does for a string without escapes.
macro_rules! borrowed_str {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Outcome> {
            visitor.visit_borrowed_str(self.0)
        }
    )*};
}

/// Why [`parse`] gave no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The type's `Deserialize` refused the document: serde_json refuses it too.
    Refused,
    /// The reader does not read this text, or this use of it: serde_json decides.
    Unsupported,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Outcome::Refused => "refused by the type",
            Outcome::Unsupported => "not a flat object the fast reader reads",
        })
    }
}

impl std::error::Error for Outcome {}

impl de::Error for Outcome {
    /// Every error a `Deserialize` raises (`invalid_type`, `unknown_field`, `missing_field` and
    /// the others call this) is a refusal. The message is not formatted: nobody reads it.
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Outcome::Refused
    }
}

/// `T` read from `text`, which must be one flat object without escapes: what
/// `serde_json::from_str::<T>(text)` gives, or why not (see [`Outcome`]).
#[inline]
pub(crate) fn parse<'de, T: de::Deserialize<'de>>(text: &'de str) -> Result<T, Outcome> {
    parse_seed(text, PhantomData::<T>)
}

/// [`parse`] with a seed: what `seed.deserialize(&mut serde_json::Deserializer::from_str(text))`
/// gives, the text then ended, or why not.
#[inline]
pub(crate) fn parse_seed<'de, S: DeserializeSeed<'de>>(
    text: &'de str,
    seed: S,
) -> Result<S::Value, Outcome> {
    let bytes = text.as_bytes();
    let at = skip_ws(bytes, 0);
    if bytes.get(at) != Some(&b'{') {
        return Err(Outcome::Unsupported);
    }
    let mut object = Object {
        text,
        at: at + 1,
        state: State::First,
    };
    let value = seed.deserialize(&mut object)?;
    // The type read the object to its closing brace, and nothing but whitespace follows.
    if object.state != State::Closed || skip_ws(bytes, object.at) != bytes.len() {
        return Err(Outcome::Unsupported);
    }
    Ok(value)
}

/// Where the reader stands in the object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// After the opening brace: a member or the closing brace comes next.
    First,
    /// After a member's name: its colon and value come next.
    Value,
    /// After a member's value: a comma and a member, or the closing brace, come next.
    Next,
    /// After the closing brace.
    Closed,
}

/// The object being read: the whole text and the offset of the next byte to read.
struct Object<'de> {
    text: &'de str,
    at: usize,
    state: State,
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The offset of the first byte at or after `at` that is a quote, a backslash or a control
/// character (below 0x20), or the text's length. Eight bytes a step, with the classic
/// zero-byte test: `x - 0x01…` sets bit 7 of a byte of `x` that is 0 (and of one at or above
/// 0x81, or one that a lower byte borrowed from), `w - 0x20…` of a byte of `w` below 0x20 (or
/// at or above 0xA0, or borrowed from). Masked by `!w`, bytes at or above 0x80 are never
/// flagged (a quote or a backslash xor-ed away keeps its high bit clear), and below the first
/// true match no byte borrowed: the lowest flag is exact. The tail byte by byte.
#[inline(always)]
fn string_end(bytes: &[u8], at: usize) -> usize {
    let rest = bytes.get(at..).unwrap_or_default();
    let mut words = rest.chunks_exact(8);
    for (index, word) in words.by_ref().enumerate() {
        let mut eight = [0; 8];
        eight.copy_from_slice(word);
        let word = u64::from_le_bytes(eight);
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        let flags = (quote.wrapping_sub(ONES)
            | backslash.wrapping_sub(ONES)
            | word.wrapping_sub(ONES * 0x20))
            & !word
            & HIGHS;
        if flags != 0 {
            return at + index * 8 + (flags.trailing_zeros() / 8) as usize;
        }
    }
    let tail = words.remainder();
    let done = rest.len() - tail.len();
    at + done
        + tail
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(tail.len())
}

impl<'de> Object<'de> {
    /// The string whose opening quote is at `self.at`, without its quotes; the reader moves
    /// past its closing quote. A backslash, a control character or no closing quote is
    /// [`Outcome::Unsupported`].
    #[inline(always)]
    fn string(&mut self) -> Result<&'de str, Outcome> {
        let bytes = self.text.as_bytes();
        if bytes.get(self.at) != Some(&b'"') {
            return Err(Outcome::Unsupported);
        }
        let start = self.at + 1;
        let end = string_end(bytes, start);
        if bytes.get(end) != Some(&b'"') {
            return Err(Outcome::Unsupported);
        }
        self.at = end + 1;
        // Both ends are ASCII quotes, so both are character boundaries. (Two `split_at_checked`
        // rather than `get(start..end)`, which cost 180 instructions more a request here.)
        let (before_end, _) = self
            .text
            .split_at_checked(end)
            .ok_or(Outcome::Unsupported)?;
        let (_, string) = before_end
            .split_at_checked(start)
            .ok_or(Outcome::Unsupported)?;
        Ok(string)
    }

    /// The value after a member's name: its colon read, the value's kind and text, the reader
    /// moved past it.
    #[inline(always)]
    fn value(&mut self) -> Result<Scalar<'de>, Outcome> {
        if self.state != State::Value {
            return Err(Outcome::Unsupported);
        }
        let bytes = self.text.as_bytes();
        let at = skip_ws(bytes, self.at);
        if bytes.get(at) != Some(&b':') {
            return Err(Outcome::Unsupported);
        }
        self.at = skip_ws(bytes, at + 1);
        self.state = State::Next;
        match bytes.get(self.at) {
            Some(b'"') => self.string().map(Scalar::String),
            // A nested value, or no value: serde_json reads it.
            None | Some(b'{' | b'[' | b',' | b'}' | b']' | b':') => Err(Outcome::Unsupported),
            Some(_) => {
                let start = self.at;
                let end = bytes[start..]
                    .iter()
                    .position(|b| matches!(b, b',' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
                    .map_or(bytes.len(), |n| start + n);
                self.at = end;
                self.text
                    .get(start..end)
                    .map(Scalar::Other)
                    .ok_or(Outcome::Unsupported)
            }
        }
    }
}

impl<'de> Deserializer<'de> for &mut Object<'de> {
    type Error = Outcome;

    /// serde_json gives an object to `visit_map` whatever the call; so does the reader, for the
    /// calls a struct or a map makes. Others are serde_json's to answer.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Outcome> {
        visitor.visit_map(Members { object: self })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Outcome> {
        visitor.visit_map(Members { object: self })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Outcome> {
        visitor.visit_map(Members { object: self })
    }

    unsupported! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_option
        deserialize_unit deserialize_unit_struct deserialize_newtype_struct deserialize_seq
        deserialize_tuple deserialize_tuple_struct deserialize_enum deserialize_identifier
        deserialize_ignored_any
    }
}

/// The members of the object, one at a time, for the type's `visit_map`.
struct Members<'a, 'de> {
    object: &'a mut Object<'de>,
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = Outcome;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Outcome> {
        let object = &mut *self.object;
        let bytes = object.text.as_bytes();
        let mut at = skip_ws(bytes, object.at);
        match (object.state, bytes.get(at)) {
            (State::First | State::Next, Some(b'}')) => {
                object.at = at + 1;
                object.state = State::Closed;
                return Ok(None);
            }
            (State::First, Some(b'"')) => {}
            (State::Next, Some(b',')) => at = skip_ws(bytes, at + 1),
            _ => return Err(Outcome::Unsupported),
        }
        object.at = at;
        let key = object.string()?;
        object.state = State::Value;
        seed.deserialize(Key(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Outcome> {
        match self.object.value()? {
            Scalar::String(text) => seed.deserialize(StringValue(text)),
            Scalar::Other(text) => seed.deserialize(Other(text)),
        }
    }
}

/// A member's value as the reader found it.
enum Scalar<'de> {
    /// A string, without its quotes.
    String(&'de str),
    /// A number or a literal (`true`, `false`, `null`), or something else that serde_json
    /// then refuses, as written.
    Other(&'de str),
}

/// A member's name. serde_json's key reader gives the borrowed string to `deserialize_any`,
/// `deserialize_str`, `deserialize_string` and `deserialize_identifier` (what derived structs
/// and maps of strings call); it reads numbers and other forms from a key for other calls,
/// which are serde_json's to answer here.
struct Key<'de>(&'de str);

impl<'de> Deserializer<'de> for Key<'de> {
    type Error = Outcome;

    borrowed_str! {
        deserialize_any deserialize_str deserialize_string deserialize_identifier
    }

    unsupported! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_bytes
        deserialize_byte_buf deserialize_option deserialize_unit deserialize_unit_struct
        deserialize_newtype_struct deserialize_seq deserialize_tuple deserialize_tuple_struct
        deserialize_map deserialize_struct deserialize_enum deserialize_ignored_any
    }
}

/// A member's value that is a string. serde_json gives the borrowed string to `visit_borrowed_str`
/// for `deserialize_any`, `_str`, `_string`, `_identifier` and `_char`; `Some` of it for
/// `deserialize_option`; a unit variant named by it for `deserialize_enum`; nothing for
/// `deserialize_ignored_any`; the string to a newtype struct's visitor. Other calls are
/// serde_json's to answer.
struct StringValue<'de>(&'de str);

impl<'de> Deserializer<'de> for StringValue<'de> {
    type Error = Outcome;

    borrowed_str! {
        deserialize_any deserialize_str deserialize_string deserialize_identifier
        deserialize_char
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Outcome> {
        visitor.visit_some(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Outcome> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Outcome> {
        // serde_json's `RawValue` is a newtype struct of a private name: serde_json's own.
        if name.starts_with("$serde_json") {
            return Err(Outcome::Unsupported);
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Outcome> {
        visitor.visit_enum(UnitVariant(self.0))
    }

    unsupported! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_bytes deserialize_byte_buf
        deserialize_unit deserialize_unit_struct deserialize_seq deserialize_tuple
        deserialize_tuple_struct deserialize_map deserialize_struct
    }
}

/// An enum named by a string, as serde_json's `UnitVariantAccess` reads it: the variant's name
/// read from the string with whatever call its seed makes (the string's own calls, above), and
/// only a unit variant taken; a variant with data refused.
struct UnitVariant<'de>(&'de str);

impl<'de> EnumAccess<'de> for UnitVariant<'de> {
    type Error = Outcome;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Outcome> {
        let variant = seed.deserialize(StringValue(self.0))?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for UnitVariant<'de> {
    type Error = Outcome;

    fn unit_variant(self) -> Result<(), Outcome> {
        Ok(())
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, _: S) -> Result<S::Value, Outcome> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"newtype variant",
        ))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Outcome> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"tuple variant",
        ))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Outcome> {
        Err(de::Error::invalid_type(
            Unexpected::UnitVariant,
            &"struct variant",
        ))
    }
}

/// A member's value that is not a string: serde_json reads it, with the same call, from its
/// own text, which must then end. Whatever serde_json refuses here is serde_json's to answer
/// in context ([`Outcome::Unsupported`]).
struct Other<'de>(&'de str);

/// Each call of [`Other`]'s `Deserializer` (with its arguments before the visitor), forwarded
/// to serde_json's reader of its text, which must then end.
macro_rules! to_serde_json {
    ($($method:ident $(($($arg:ident: $ty:ty),*))?)*) => {$(
        fn $method<V: Visitor<'de>>(
            self,
            $($($arg: $ty,)*)?
            visitor: V,
        ) -> Result<V::Value, Outcome> {
            let mut reader = serde_json::Deserializer::from_str(self.0);
            let value = (&mut reader)
                .$method($($($arg,)*)? visitor)
                .map_err(|_| Outcome::Unsupported)?;
            reader.end().map_err(|_| Outcome::Unsupported)?;
            Ok(value)
        }
    )*};
}

impl<'de> Deserializer<'de> for Other<'de> {
    type Error = Outcome;

    to_serde_json! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    }

    to_serde_json! {
        deserialize_unit_struct(name: &'static str)
        deserialize_newtype_struct(name: &'static str)
        deserialize_tuple(len: usize)
        deserialize_tuple_struct(name: &'static str, len: usize)
        deserialize_struct(name: &'static str, fields: &'static [&'static str])
        deserialize_enum(name: &'static str, variants: &'static [&'static str])
    }
}

#[cfg(test)]
#[path = "flat_de_tests.rs"]
mod tests;
