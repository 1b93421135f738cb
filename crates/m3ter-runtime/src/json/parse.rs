//! Parsing raw JSON into a `serde_json::Value` without losing anything: a duplicate key is a
//! syntax error (serde_json's own `Value` would keep the last one silently). Input that is not
//! JSON text at all gets a message that says why: a byte order mark, an empty document, invalid
//! UTF-8, a NUL or other control byte, nesting too deep, a number beyond `f64`.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Value};

use crate::error::{ErrorKind, ValidationError};

/// The most characters of a key that a duplicate-key message quotes.
const KEY_IN_MESSAGE: usize = 80;

/// Parses one JSON document. A syntax error (including a duplicate key, a byte order mark,
/// invalid UTF-8 or trailing characters) is a `syntax` error at path `""` with its line and
/// column within `bytes` (both 1-based; the column in characters, as every column this crate
/// reports: each byte that does not continue a UTF-8 sequence starts one). Nesting deeper than serde_json's limit (127 arrays or objects inside each other) is
/// a syntax error too, so no input can exhaust the stack.
pub fn parse_value(bytes: &[u8]) -> Result<Value, ValidationError> {
    if let Some(error) = byte_order_mark(bytes) {
        return Err(error);
    }
    // Text that is UTF-8 as a whole (checked once) is read as a `&str`, so that serde_json does
    // not check each string's UTF-8 again; the same reader stops at the same byte with the same
    // error either way. A flat object without escapes is first read by our reader
    // (`flat_de`), which gives serde_json's value or leaves the text to serde_json (a
    // duplicate key, refused, included: serde_json then says where). Without the
    // `flat-reader` feature, serde_json reads every document.
    let text = simdutf8::basic::from_utf8(bytes).ok();
    #[cfg(feature = "flat-reader")]
    if let Some(text) = text
        && let Ok(value) = super::flat_de::parse_seed(text, StrictValue)
    {
        return Ok(value);
    }
    by_serde_json(bytes, text)
}

/// `bytes` (its `text` when it is UTF-8) read by serde_json's reader: the value, or the syntax
/// error with its line and column.
fn by_serde_json(bytes: &[u8], text: Option<&str>) -> Result<Value, ValidationError> {
    let value = match text {
        Some(text) => strict(&mut serde_json::Deserializer::from_str(text)),
        None => strict(&mut serde_json::Deserializer::from_slice(bytes)),
    };
    value.map_err(|error| explain(bytes, &error))
}

/// [`parse_value`] by serde_json's reader alone, as it was before our reader of flat objects
/// (the UTF-8 checked by the standard library): what the tests hold `parse_value` to.
#[cfg(all(test, feature = "flat-reader"))]
pub(crate) fn parse_value_by_serde_json(bytes: &[u8]) -> Result<Value, ValidationError> {
    if let Some(error) = byte_order_mark(bytes) {
        return Err(error);
    }
    by_serde_json(bytes, std::str::from_utf8(bytes).ok())
}

/// One document from `deserializer`, duplicate keys refused, nothing after it.
fn strict<'de, R: serde_json::de::Read<'de>>(
    deserializer: &mut serde_json::Deserializer<R>,
) -> serde_json::Result<Value> {
    let value = StrictValue.deserialize(&mut *deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// The `syntax` error [`parse_value`] gives for `bytes` when serde_json stopped with `error`
/// (a byte order mark, an empty document, invalid UTF-8 said plainly; the column in
/// characters): for a reader that parses the same text its own way (the CLI's lean parse) and
/// must report the same error.
pub fn syntax_error_in(bytes: &[u8], error: &serde_json::Error) -> ValidationError {
    byte_order_mark(bytes).unwrap_or_else(|| explain(bytes, error))
}

/// A `syntax` error from serde_json's error, with its line and column (both at least 1). Without
/// the text, the column is serde_json's, in bytes; [`parse_value`] gives it in characters.
pub fn syntax_error(error: &serde_json::Error) -> ValidationError {
    syntax(message_of(error), error.line(), error.column())
}

/// serde_json's message without its position (which has fields of its own), said more plainly
/// where it is terse.
fn message_of(error: &serde_json::Error) -> String {
    let message = error.to_string();
    // serde_json appends " at line L column C".
    let message = match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    };
    match message.as_str() {
        "number out of range" => "number out of range (beyond what a 64-bit float can hold)".into(),
        "recursion limit exceeded" => {
            "nested too deeply (at most 127 arrays or objects inside each other)".into()
        }
        _ => message,
    }
}

fn syntax(message: String, line: usize, column: usize) -> ValidationError {
    ValidationError::new(
        "",
        ErrorKind::Syntax {
            message,
            line: line.max(1),
            column: column.max(1),
        },
    )
}

/// A byte order mark at the start: JSON text must not have one (RFC 8259 section 8.1), and one
/// of UTF-16 or UTF-32 means the text is not even UTF-8.
fn byte_order_mark(bytes: &[u8]) -> Option<ValidationError> {
    const MARKS: [(&[u8], &str); 5] = [
        (b"\xEF\xBB\xBF", "UTF-8"),
        (b"\x00\x00\xFE\xFF", "UTF-32 (big-endian)"),
        (b"\xFF\xFE\x00\x00", "UTF-32 (little-endian)"),
        (b"\xFE\xFF", "UTF-16 (big-endian)"),
        (b"\xFF\xFE", "UTF-16 (little-endian)"),
    ];
    let (mark, encoding) = MARKS.iter().find(|(mark, _)| bytes.starts_with(mark))?;
    let hex: Vec<String> = mark.iter().map(|b| format!("{b:02X}")).collect();
    let advice = if *encoding == "UTF-8" {
        "JSON text must not start with one: save the file as UTF-8 without a byte order mark"
    } else {
        "JSON text must be UTF-8: save the file as UTF-8 without a byte order mark"
    };
    Some(syntax(
        format!(
            "starts with a {encoding} byte order mark (bytes {}); {advice}",
            hex.join(" ")
        ),
        1,
        1,
    ))
}

/// serde_json's error, said more plainly where the input is not JSON text at all.
fn explain(bytes: &[u8], error: &serde_json::Error) -> ValidationError {
    if error.is_eof()
        && bytes
            .iter()
            .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        let message = if bytes.is_empty() {
            "the document is empty"
        } else {
            "the document is empty (only whitespace)"
        };
        return syntax_in(bytes, message.to_owned(), error.line(), error.column());
    }
    if let Err(utf8) = std::str::from_utf8(bytes) {
        // Invalid UTF-8 at or before where serde_json stopped is the reason it stopped.
        let offset = utf8.valid_up_to();
        let (line, column) = position(bytes, offset);
        if (line, column) <= (error.line(), error.column().max(1)) {
            let byte = bytes.get(offset).copied().unwrap_or_default();
            return syntax_in(
                bytes,
                format!("invalid UTF-8 (byte {byte:02X}); JSON text must be UTF-8"),
                line,
                column,
            );
        }
    }
    let message = message_of(error);
    let found = error_offset(bytes, error.line(), error.column()).and_then(|at| bytes.get(at));
    let message = match found {
        Some(&byte) if is_stray_control(byte) && !message.contains("control character") => {
            if byte == 0 {
                format!("{message}: found a NUL byte (00)")
            } else {
                format!("{message}: found the control character {byte:02X}")
            }
        }
        _ => message,
    };
    syntax_in(bytes, message, error.line(), error.column())
}

/// A `syntax` error at serde_json's `line` and byte `column` of `bytes`, the column counted in
/// characters.
fn syntax_in(bytes: &[u8], message: String, line: usize, column: usize) -> ValidationError {
    syntax(message, line, char_column(bytes, line, column))
}

/// The column in characters of serde_json's 1-based `line` and byte `column`: the characters
/// before that byte on its line, plus one. A byte inside a character counts as that
/// character; a position past the text keeps its distance past the end.
fn char_column(bytes: &[u8], line: usize, column: usize) -> usize {
    let Some(offset) = error_offset(bytes, line, column.max(1)) else {
        return column;
    };
    let line_start = offset + 1 - column.max(1);
    let end = offset.min(bytes.len());
    let mut at = end;
    while at > line_start && bytes.get(at).is_some_and(|&b| b & 0xC0 == 0x80) {
        at -= 1;
    }
    let chars = bytes[line_start..at]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count();
    chars + 1 + (offset - end)
}

/// A byte below 0x20 that is not JSON whitespace (nor DEL): never allowed outside a string.
fn is_stray_control(byte: u8) -> bool {
    (byte < 0x20 && !matches!(byte, b'\t' | b'\n' | b'\r')) || byte == 0x7F
}

/// The 1-based line and column (in bytes, as serde_json counts) of `offset`.
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, before.len() - line_start + 1)
}

/// The byte offset of serde_json's 1-based line and column (which point at the byte it stopped
/// on), if that is inside the text.
fn error_offset(bytes: &[u8], line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        bytes
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)?
    };
    line_start.checked_add(column.checked_sub(1)?)
}

/// A `serde_json::Value` read with duplicate keys refused (a `DeserializeSeed`): the raw parse's
/// reader, and what a union's `Deserialize` buffers its input with.
pub(crate) struct StrictValue;

impl<'de> DeserializeSeed<'de> for StrictValue {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(v.into())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        serde_json::Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(StrictValue)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            match object.entry(key) {
                Entry::Vacant(entry) => {
                    entry.insert(map.next_value_seed(StrictValue)?);
                }
                Entry::Occupied(entry) => return Err(duplicate_key(entry.key())),
            }
        }
        Ok(Value::Object(object))
    }
}

/// The bidirectional marks, embeddings, overrides and isolates, and the line and paragraph
/// separators: invisible, yet they reorder or break the text around them when it is shown.
fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{61C}' | '\u{200E}' | '\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The error of a duplicate key `key`, raised when the second one is read (before its value),
/// as [`parse_value`] raises it: for a reader of its own that must report the same error.
pub fn duplicate_key<E: de::Error>(key: &str) -> E {
    E::custom(format_args!("duplicate key `{}`", quoted_key(key)))
}

/// A key as a message quotes it: control and bidirectional characters escaped, at most [`KEY_IN_MESSAGE`]
/// characters (then `…`), so neither a newline nor a megabyte key can garble a diagnostic.
fn quoted_key(key: &str) -> String {
    let mut quoted = String::new();
    for (index, c) in key.chars().enumerate() {
        if index == KEY_IN_MESSAGE {
            quoted.push('…');
            break;
        }
        if c.is_control() || is_bidi(c) {
            quoted.extend(c.escape_default());
        } else {
            quoted.push(c);
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position_of(bytes: &[u8]) -> (usize, usize) {
        match parse_value(bytes) {
            Err(error) => match error.kind() {
                ErrorKind::Syntax { line, column, .. } => (*line, *column),
                other => (0, other.code() as usize),
            },
            Ok(_) => (0, 0),
        }
    }

    #[test]
    fn a_duplicate_key_is_quoted_with_controls_and_bidi_characters_escaped() {
        let message = |bytes: &[u8]| parse_value(bytes).map_err(|e| e.message()).err();
        assert_eq!(
            message("{\"a\\u001b\u{202E}b\": 1, \"a\\u001b\u{202E}b\": 2}".as_bytes()),
            Some("is not valid JSON: duplicate key `a\\u{1b}\\u{202e}b`".to_owned())
        );
    }

    #[test]
    fn syntax_columns_count_characters_not_bytes() {
        // `x` is the 16th character of its line and its 20th byte.
        assert_eq!(position_of("{\"name\": \"é😀\", x}".as_bytes()), (1, 16));
        assert_eq!(position_of("[\n  \"日本\",\n  \"é\" x]".as_bytes()), (3, 7));
        // Invalid UTF-8 after non-ASCII text: at the bad byte, counted in characters.
        assert_eq!(position_of(b"{\"\xc3\xa9\xff\": 1}"), (1, 4));
        // ASCII text: the same as serde_json's byte column.
        assert_eq!(position_of(b"{\"a\": }"), (1, 7));
    }
}
