//! JSON written byte for byte as `serde_json::to_writer` writes it (the compact form), into a
//! `Vec<u8>`, for the `--format json` report: its strings are escaped a run at a time, eight
//! bytes a step, where serde_json looks up every byte in a table and writes every run through
//! `io::Write`, and its numbers are written without `fmt`.
//!
//! The report's values are serialized by their own `Serialize` impls (the library's
//! `ValidationError` writes its message, code and parameters), so what is written is decided in
//! one place; this module decides only how the JSON is spelled, which is serde_json's: the same
//! escapes (`\"`, `\\`, `\b`, `\t`, `\n`, `\f`, `\r`, `\u00XX` in lower-case hexadecimal for the
//! other controls, nothing else), the same separators, an empty sequence or map of declared
//! length 0 closed at once, floats written by serde_json itself. Unit-tested and property-tested
//! against `serde_json::to_vec` on the same values.

use std::fmt;

use serde::Serialize;
use serde::ser::{self, Error as _, Impossible};

/// The error of a value that cannot be written (a map key that is not a string, as serde_json
/// refuses it, or a `Display` that fails).
pub type Error = serde_json::Error;

/// Appends `value` as JSON to `out`.
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(Compact(out))
}

/// Appends `text` as a JSON string (quoted, escaped).
///
/// Always inlined, with `find_escape`, `append` and `flags`: at a constant key (the report's
/// struct fields) the check and the copy then fold away. Left to LLVM, they were inlined in one
/// build and called in the next, 20 M instructions apart on the bench's 20,000 lines.
#[inline(always)]
pub fn string(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    match find_escape(bytes) {
        None => append(out, bytes),
        Some(at) => escaped_from(out, bytes, at),
    }
    out.push(b'"');
}

/// Appends the escaped contents of a JSON string (no quotes): runs without a byte to escape are
/// copied whole.
#[inline]
fn escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    match find_escape(bytes) {
        None => append(out, bytes),
        Some(at) => escaped_from(out, bytes, at),
    }
}

/// [`escaped`], where the first byte to escape is at `at`.
#[inline(never)]
fn escaped_from(out: &mut Vec<u8>, mut bytes: &[u8], mut at: usize) {
    loop {
        append(out, bytes.get(..at).unwrap_or_default());
        push_escape(out, bytes.get(at).copied().unwrap_or_default());
        bytes = bytes.get(at + 1..).unwrap_or_default();
        match find_escape(bytes) {
            Some(next) => at = next,
            None => break,
        }
    }
    append(out, bytes);
}

/// Appends `bytes`; up to 16 as two overlapping copies of fixed length (4 or 8 bytes), the
/// second written over the end of the first, rather than by a call to `memcpy`.
#[inline(always)]
fn append(out: &mut Vec<u8>, bytes: &[u8]) {
    let len = bytes.len();
    let start = out.len();
    if (8..=16).contains(&len) {
        if let (Some(head), Some(tail)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
            out.extend_from_slice(head);
            out.truncate(start + len - 8);
            out.extend_from_slice(tail);
            return;
        }
    } else if (4..8).contains(&len) {
        if let (Some(head), Some(tail)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
            out.extend_from_slice(head);
            out.truncate(start + len - 4);
            out.extend_from_slice(tail);
            return;
        }
    } else if len < 4 {
        for &byte in bytes {
            out.push(byte);
        }
        return;
    }
    out.extend_from_slice(bytes);
}

/// Which bytes serde_json escapes: the controls U+0000–U+001F, `"` and `\`.
const fn needs_escape(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// [`needs_escape`] for every byte value.
static ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = needs_escape(byte as u8);
        byte += 1;
    }
    table
};

const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of the little-endian word `w` that [`needs_escape`], and perhaps
/// of bytes above such a byte (never below one): the lowest bit set marks the first byte that
/// needs escaping. Each term sets a byte's high bit when the byte is below 0x20, equal to `"`,
/// equal to `\` (`x - 1` borrows through a byte only when it is zero, and `& !x` keeps bytes
/// below 0x80); a borrow can carry only upwards from a byte that truly matches.
#[inline(always)]
fn flags(w: u64) -> u64 {
    let control = w.wrapping_sub(ONES * 0x20) & !w;
    let quote = w ^ (ONES * u64::from(b'"'));
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = w ^ (ONES * u64::from(b'\\'));
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (control | quote | backslash) & (ONES << 7)
}

/// The index of the first byte of `bytes` that [`needs_escape`], eight bytes a step: the last
/// step reads the last eight bytes (overlapping the step before) and four to seven bytes are
/// read as two overlapping halves, so a short string is one step, not a byte at a time.
#[inline(always)]
fn find_escape(bytes: &[u8]) -> Option<usize> {
    let len = bytes.len();
    if len < 4 {
        return bytes.iter().position(|&b| ESCAPED[usize::from(b)]);
    }
    if len < 8 {
        let half = |at: usize| {
            bytes
                .get(at..)
                .and_then(<[u8]>::first_chunk::<4>)
                .map_or(0, |h| u64::from(u32::from_le_bytes(*h)))
        };
        let found = flags(half(0) | half(len - 4) << 32);
        if found == 0 {
            return None;
        }
        let byte = (found.trailing_zeros() / 8) as usize;
        return Some(if byte < 4 { byte } else { len - 4 + (byte - 4) });
    }
    let word = |at: usize| {
        bytes
            .get(at..)
            .and_then(<[u8]>::first_chunk::<8>)
            .map_or(0, |w| u64::from_le_bytes(*w))
    };
    let mut at = 0;
    while at + 8 <= len {
        let found = flags(word(at));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    if at < len {
        // The bytes below `at` in the last word are known not to need escaping.
        let found = flags(word(len - 8)) >> (8 * (at + 8 - len));
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
    }
    None
}

/// Appends the escape of `byte` (one that [`needs_escape`]).
#[cold]
fn push_escape(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x09 => b't',
        0x0A => b'n',
        0x0C => b'f',
        0x0D => b'r',
        _ => {
            out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xF)],
            ]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

/// The decimal digits of 0 to 99, two bytes each.
static PAIRS: [u8; 200] = {
    let mut table = [0; 200];
    let mut n = 0;
    while n < 100 {
        table[2 * n] = b'0' + (n / 10) as u8;
        table[2 * n + 1] = b'0' + (n % 10) as u8;
        n += 1;
    }
    table
};

/// Appends `n` in decimal (as `itoa`, which serde_json uses, writes it), two digits a step.
#[inline]
pub fn unsigned(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    while n >= 100 {
        // Below 100, so below 200 once doubled.
        let pair = usize::try_from(n % 100).unwrap_or(0) * 2;
        n /= 100;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        let pair = usize::try_from(n).unwrap_or(0) * 2;
        at -= 2;
        digits[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        at -= 1;
        // Below 10.
        digits[at] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[at..]);
}

/// Appends `n` in decimal, `-` first when negative.
#[inline]
fn signed(out: &mut Vec<u8>, n: i64) {
    if n < 0 {
        out.push(b'-');
    }
    unsigned(out, n.unsigned_abs());
}

/// A value serde_json writes whose spelling this module does not repeat (floats, 128-bit
/// integers): written by serde_json itself.
fn by_serde_json<T: Serialize>(out: &mut Vec<u8>, value: T) -> Result<(), Error> {
    serde_json::to_writer(out, &value)
}

/// Writes a `Display` as the contents of a JSON string, escaping each fragment as it comes.
struct Escaping<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escaped(self.0, s.as_bytes());
        Ok(())
    }
}

fn collect<T: fmt::Display + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    out.push(b'"');
    fmt::write(&mut Escaping(out), format_args!("{value}"))
        .map_err(|_| Error::custom("a value's `Display` failed"))?;
    out.push(b'"');
    Ok(())
}

/// The serializer: the JSON of one value, appended.
struct Compact<'a>(&'a mut Vec<u8>);

/// Where a sequence or map stands, as serde_json tracks it: `Empty` when it was declared of
/// length 0 and closed at once.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Empty,
    First,
    Rest,
}

/// A sequence, map or struct being written; `wrapped` when it is a variant's value, inside
/// `{"variant":…}`, which its end closes too.
struct Compound<'a> {
    out: &'a mut Vec<u8>,
    state: State,
    wrapped: bool,
    /// The members of an object already open ([`fields`]): no braces of its own.
    bare: bool,
}

impl<'a> Compact<'a> {
    fn open(self, open: u8, close: u8, len: Option<usize>, wrapped: bool) -> Compound<'a> {
        self.0.push(open);
        let state = if len == Some(0) {
            self.0.push(close);
            State::Empty
        } else {
            State::First
        };
        Compound {
            out: self.0,
            state,
            wrapped,
            bare: false,
        }
    }

    /// `{"variant":` before a variant's value.
    fn variant_key(&mut self, variant: &str) {
        self.0.push(b'{');
        string(self.0, variant);
        self.0.push(b':');
    }
}

impl Compound<'_> {
    /// The separator before an element or a key.
    #[inline]
    fn next(&mut self) {
        if self.state != State::First {
            self.out.push(b',');
        }
        self.state = State::Rest;
    }

    fn close(self, close: u8) {
        if self.state != State::Empty && !self.bare {
            self.out.push(close);
        }
        if self.wrapped {
            self.out.push(b'}');
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.next();
        value.serialize(Compact(self.out))
    }

    fn key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.next();
        key.serialize(Key(self.out))?;
        self.out.push(b':');
        Ok(())
    }

    // Inlined at each call, so that a constant key's escape check folds away.
    #[inline(always)]
    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
        self.next();
        string(self.out, key);
        self.out.push(b':');
        value.serialize(Compact(self.out))
    }
}

impl<'a> ser::Serializer for Compact<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.0.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        signed(self.0, v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        signed(self.0, v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        signed(self.0, v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        signed(self.0, v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        by_serde_json(self.0, v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        unsigned(self.0, v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        unsigned(self.0, v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        unsigned(self.0, v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        unsigned(self.0, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        by_serde_json(self.0, v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        by_serde_json(self.0, v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        by_serde_json(self.0, v)
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        string(self.0, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(self.0, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        // serde_json writes bytes as an array of numbers.
        self.0.push(b'[');
        for (i, &byte) in v.iter().enumerate() {
            if i > 0 {
                self.0.push(b',');
            }
            unsigned(self.0, byte.into());
        }
        self.0.push(b']');
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.0.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant_key(variant);
        value.serialize(Compact(self.0))?;
        self.0.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b'[', b']', len, false))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant_key(variant);
        Ok(self.open(b'[', b']', Some(len), true))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(b'{', b'}', len, false))
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        // serde_json's own types that it writes specially (a raw value, an arbitrary-precision
        // number) are refused rather than written differently.
        if name.starts_with("$serde_json::private::") {
            return Err(Error::custom(format!(
                "{name} is not written by the report's JSON writer"
            )));
        }
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        mut self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant_key(variant);
        Ok(self.open(b'{', b'}', Some(len), true))
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        collect(self.0, value)
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(Compact(self.out))
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    #[inline(always)]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

/// Appends the members of `value` (a struct or a map) to an object already open, as
/// `#[serde(flatten)]` writes them into the object around them: `first` when nothing precedes
/// them in that object (else each is preceded by `,`). Any other value is refused.
pub fn fields<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    value: &T,
    first: bool,
) -> Result<(), Error> {
    value.serialize(Fields { out, first })
}

/// The serializer of [`fields`].
struct Fields<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Fields<'a> {
    fn members(self) -> Compound<'a> {
        Compound {
            out: self.out,
            state: if self.first {
                State::First
            } else {
                State::Rest
            },
            wrapped: false,
            bare: true,
        }
    }
}

fn not_members() -> Error {
    Error::custom("only a struct or a map has members to write into an object")
}

impl<'a> ser::Serializer for Fields<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.members())
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Compound<'a>, Error> {
        if name.starts_with("$serde_json::private::") {
            return Err(not_members());
        }
        Ok(self.members())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_u8(self, _: u8) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_u16(self, _: u16) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_u32(self, _: u32) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_u64(self, _: u64) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_char(self, _: char) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_str(self, _: &str) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(not_members())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_members())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_members())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_members())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_members())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_members())
    }
}

/// A map's key, as serde_json writes one: a string, a character, a unit variant's name, a
/// boolean or number in quotes, or any of these in a newtype or an option's `Some`; anything
/// else is refused.
struct Key<'a>(&'a mut Vec<u8>);

fn key_must_be_a_string() -> Error {
    Error::custom("key must be a string")
}

impl Key<'_> {
    /// A key that is a number or a boolean: its JSON in quotes.
    fn quoted<T: Serialize>(self, value: T) -> Result<(), Error> {
        self.0.push(b'"');
        value.serialize(Compact(self.0))?;
        self.0.push(b'"');
        Ok(())
    }
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(self.0, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        string(self.0, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        collect(self.0, value)
    }
    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.quoted(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(Error::custom(
                "float key must be finite (got NaN or +/-inf)",
            ));
        }
        self.quoted(v)
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if !v.is_finite() {
            return Err(Error::custom(
                "float key must be finite (got NaN or +/-inf)",
            ));
        }
        self.quoted(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test fails by panicking.
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde::Serialize;
    use serde_json::Value;

    use super::*;

    /// `value` written here and by serde_json.
    fn both<T: Serialize + ?Sized>(value: &T) -> (String, String) {
        let mut ours = Vec::new();
        write(&mut ours, value).unwrap();
        let theirs = serde_json::to_vec(value).unwrap();
        (
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap(),
        )
    }

    fn same<T: Serialize + ?Sized>(value: &T) {
        let (ours, theirs) = both(value);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn literal_escapes() {
        let mut out = Vec::new();
        string(&mut out, "a\"b\\c\u{8}\u{c}\n\r\t\u{0}\u{1f}\u{7f}é😀");
        assert_eq!(
            out,
            b"\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0000\\u001f\x7f\xc3\xa9\xf0\x9f\x98\x80\""
        );
        let mut out = Vec::new();
        for n in [0, 7, 9, 10, 99, 100, 12_345, u64::MAX] {
            out.clear();
            unsigned(&mut out, n);
            assert_eq!(out, n.to_string().as_bytes());
        }
    }

    #[test]
    fn every_character_class_at_every_offset_of_every_length() {
        // Every ASCII byte and a few multi-byte characters, alone and at each offset of runs of
        // 0 to 40 characters (the word steps, the overlapping last word, the halves, the bytes
        // one at a time), in ASCII and in multi-byte filler.
        let specials: Vec<char> = (0u8..0x80)
            .map(char::from)
            .chain(['\u{80}', '\u{9f}', 'é', '\u{2028}', '😀'])
            .collect();
        for &c in &specials {
            same(&c);
            same(&c.to_string());
        }
        for filler in ['a', 'é', '😀'] {
            for len in 0..=40 {
                same(&filler.to_string().repeat(len));
                for at in 0..len {
                    for &c in &['"', '\\', '\u{0}', '\n', '\u{1f}', ' ', '\u{7f}', '!', '#'] {
                        let text: String =
                            (0..len).map(|i| if i == at { c } else { filler }).collect();
                        same(&text);
                    }
                }
            }
        }
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, String),
        EmptyTuple(),
        Struct { a: Option<bool>, b: Vec<u8> },
        EmptyStruct {},
    }

    #[derive(Serialize)]
    struct Everything<'a> {
        t: bool,
        f: bool,
        i8: i8,
        i16: i16,
        i32: i32,
        i64: i64,
        i128: i128,
        u8: u8,
        u16: u16,
        u32: u32,
        u64: u64,
        u128: u128,
        f32: f32,
        f64: f64,
        nan: f64,
        inf: f32,
        c: char,
        s: &'a str,
        #[serde(with = "serde_bytes_like")]
        bytes: &'a [u8],
        none: Option<u8>,
        some: Option<&'a str>,
        unit: (),
        unit_struct: UnitStruct,
        newtype: Newtype,
        tuple: (u8, &'a str, ()),
        tuple_struct: TupleStruct,
        empty_seq: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        shapes: Vec<Shape>,
        string_keys: BTreeMap<&'a str, Value>,
        number_keys: BTreeMap<i64, u8>,
        bool_keys: BTreeMap<bool, u8>,
        char_keys: BTreeMap<char, u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
    }

    /// Bytes as `serialize_bytes` (serde_json writes them as an array of numbers).
    mod serde_bytes_like {
        pub(super) fn serialize<S: serde::Serializer>(v: &&[u8], s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(v)
        }
    }

    #[derive(Serialize)]
    struct UnitStruct;
    #[derive(Serialize)]
    struct Newtype(&'static str);
    #[derive(Serialize)]
    struct TupleStruct(u8, u8);

    #[test]
    fn every_form_of_serdes_data_model() {
        let value = Everything {
            t: true,
            f: false,
            i8: i8::MIN,
            i16: i16::MIN,
            i32: -7,
            i64: i64::MIN,
            i128: i128::MIN,
            u8: u8::MAX,
            u16: 0,
            u32: u32::MAX,
            u64: u64::MAX,
            u128: u128::MAX,
            f32: 1.5e-7,
            f64: 1e300,
            nan: f64::NAN,
            inf: f32::INFINITY,
            c: '"',
            s: "x\u{1}y",
            bytes: &[0, 1, 255],
            none: None,
            some: Some("\\"),
            unit: (),
            unit_struct: UnitStruct,
            newtype: Newtype("n\u{7}"),
            tuple: (1, "t", ()),
            tuple_struct: TupleStruct(2, 3),
            empty_seq: Vec::new(),
            empty_map: BTreeMap::new(),
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(4),
                Shape::Tuple(-5, "\"".into()),
                Shape::EmptyTuple(),
                Shape::Struct {
                    a: Some(true),
                    b: vec![6],
                },
                Shape::EmptyStruct {},
            ],
            string_keys: [
                ("k\"\n", Value::Null),
                ("", serde_json::json!([1, {"a": []}])),
            ]
            .into_iter()
            .collect(),
            number_keys: [(-1, 1), (i64::MAX, 2)].into_iter().collect(),
            bool_keys: [(true, 1), (false, 0)].into_iter().collect(),
            char_keys: [('\u{0}', 1)].into_iter().collect(),
            skipped: None,
        };
        same(&value);
        same(&f64::NAN);
        same(&[0.1f64, -0.0, 1e-310, 123_456_789.0]);
        // Keys serde_json refuses are refused.
        let mut out = Vec::new();
        let refused: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into_iter().collect();
        assert!(write(&mut out, &refused).is_err());
        assert!(serde_json::to_vec(&refused).is_err());
    }

    /// A length declared 0 closes the sequence or map at once, as in serde_json (whatever
    /// follows is written after it, as there).
    #[test]
    fn declared_lengths_as_serde_json() {
        struct Lying;
        impl Serialize for Lying {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(Some(0))?;
                map.serialize_entry("a", &1)?;
                map.end()
            }
        }
        struct LyingSeq;
        impl Serialize for LyingSeq {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeSeq;
                let mut seq = s.serialize_seq(Some(0))?;
                seq.serialize_element(&1)?;
                seq.end()
            }
        }
        same(&Lying);
        same(&LyingSeq);
        same(&(Vec::<u8>::new(), BTreeMap::<u8, u8>::new()));
    }

    #[derive(Serialize)]
    struct Inner<'a> {
        a: &'a str,
        b: Option<u64>,
    }

    #[derive(Serialize)]
    struct Flattened<'a> {
        #[serde(flatten)]
        inner: &'a Inner<'a>,
        z: u8,
    }

    #[test]
    fn fields_as_serde_flatten_writes_them() {
        for inner in [
            Inner { a: "x\"", b: None },
            Inner {
                a: "",
                b: Some(u64::MAX),
            },
        ] {
            let mut ours = b"{".to_vec();
            fields(&mut ours, &inner, true).unwrap();
            ours.extend_from_slice(b",\"z\":1}");
            let theirs = serde_json::to_vec(&Flattened {
                inner: &inner,
                z: 1,
            })
            .unwrap();
            assert_eq!(String::from_utf8(ours), String::from_utf8(theirs));
        }
        let map: BTreeMap<&str, u8> = [("m", 1)].into_iter().collect();
        let mut out = b"{\"first\":0".to_vec();
        fields(&mut out, &map, false).unwrap();
        assert_eq!(out, b"{\"first\":0,\"m\":1");
        // Only structs and maps have members.
        assert!(fields(&mut Vec::new(), &1, true).is_err());
        assert!(fields(&mut Vec::new(), "s", true).is_err());
    }

    /// Any JSON value, strings drawn to hold what needs escaping.
    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            text().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::vec((text(), inner), 0..8)
                    .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    /// Strings of controls, quotes, backslashes, ASCII, non-ASCII (two, three and four bytes,
    /// C1 controls, separators), of any length up to 80; or any string.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[\\x00-\\x1f\"\\\\a-z0-9 /\\x7f\u{80}-\u{9f}é€\u{2028}😀]{0,80}",
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(crate::proptest_cases(500)))]

        #[test]
        fn strings_as_serde_json_writes_them(s in text()) {
            let (ours, theirs) = both(&s);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn values_as_serde_json_writes_them(v in json_value()) {
            let (ours, theirs) = both(&v);
            prop_assert_eq!(ours, theirs);
        }
    }
}
