//! Raw JSON: parsing (duplicate keys are errors), [`ValidateJson`] (a type's rules over a
//! parsed document), locating a pointer in the text, and [`from_slice`], text to a validated
//! typed value with every error.

pub(crate) mod flat;
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
/// For a type whose typed parse is proven exact ([`ValidateJson::EXACT_TYPED_PARSE`]), a
/// document that is one flat object (see [`typed_parse_is_exact`]) costs one typed parse and
/// the typed validation, whose errors are then every error: the typed value has the right JSON
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

/// serde's typed parse of `bytes`: what `serde_json::from_slice` gives. Text that is UTF-8 as
/// a whole (checked once, a word at a time) is parsed as a `&str`, so that serde_json does not
/// check each string's UTF-8 again (a fifth of the parse of short strings); other bytes as
/// they are, which the parse then refuses as `from_slice` does.
pub(crate) fn typed_parse<T: DeserializeOwned>(bytes: &[u8]) -> serde_json::Result<T> {
    match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(bytes),
    }
}

/// [`from_slice`] for text.
pub fn from_str<T>(text: &str) -> Result<Valid<T>, ValidationErrors>
where
    T: DeserializeOwned + Validate + ValidateJson,
{
    from_slice(text.as_bytes())
}
