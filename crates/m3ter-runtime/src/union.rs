//! Discriminated unions (OpenAPI `anyOf`/`oneOf` with a `discriminator`): the one rule that
//! decides which variant a document is, applied by every path (typed validation, raw
//! validation, serde's parse, [`from_slice`](crate::json::from_slice)).
//!
//! `#[derive(Validate)]` with `#[spec(json, discriminator = "…")]` on an enum of newtype
//! variants, each `#[spec(tag = "…")]`, implements [`Union`] and writes thin glue calling the
//! functions here. The rule, for a document and the union's discriminator member:
//!
//! - not an object: one `type` error (`object`) at the union's pointer;
//! - the discriminator present, a string, and a tag of the mapping: the document is that
//!   variant's alone (its errors unchanged);
//! - present, a string, not a tag: one `enum` error at the discriminator's pointer, allowing
//!   the tags in mapping order;
//! - present, not a string: one `type` error (`string`) at the discriminator's pointer;
//! - absent: valid when any variant accepts it (the first in mapping order is the typed value);
//!   otherwise the errors of the variant with the fewest (ties: mapping order), each with
//!   `"variant": tag` in its parameters ([`ValidationError::variant`]).
//!
//! Typed validation ([`validate_at`]) checks the value's serialization by the same rule, so the
//! typed and raw verdicts are one.

use std::fmt;
use std::ops::ControlFlow;

use serde::Serialize;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use crate::describe::{Describe, Kind};
use crate::error::{ValidationError, ValidationErrors};
use crate::json::flat::{self, Member};
use crate::json::{ValidateJson, typed_parse_is_exact};
use crate::path::Path;
use crate::rules::pattern::const_str_eq;
use crate::rules::{push_enum_error, push_type_error};
use crate::validate::Validate;

/// A discriminated union: an enum whose variants each hold one object type, told apart by the
/// string member [`DISCRIMINATOR`](Union::DISCRIMINATOR). Implemented by `#[derive(Validate)]`
/// with `#[spec(json, discriminator = "…")]`.
pub trait Union: Sized + 'static {
    /// The discriminator's wire name (`destinationType`).
    const DISCRIMINATOR: &'static str;
    /// The tags, in mapping order (the `allowed` values of an unknown tag's `enum` error).
    const TAGS: &'static [&'static str];
    /// The variants, in mapping order (`VARIANTS[i].tag == TAGS[i]`).
    const VARIANTS: &'static [UnionVariant<Self>];

    /// The index in [`VARIANTS`](Union::VARIANTS) of the variant `self` is.
    fn variant_index(&self) -> usize;

    /// The typed validation of the value `self` holds (its own type's `Validate`).
    fn validate_variant_at(&self, path: &Path<'_>, errors: &mut Vec<ValidationError>);

    /// The tag of the variant `self` is.
    fn tag(&self) -> &'static str {
        Self::TAGS.get(self.variant_index()).copied().unwrap_or("")
    }
}

/// One variant of a [`Union`] `U`: its tag and what the rule needs of its type, as functions of
/// that type.
pub struct UnionVariant<U> {
    /// The discriminator value that selects it.
    pub tag: &'static str,
    /// Its type's raw check ([`ValidateJson::validate_json_at`]).
    pub validate_json_at: fn(&Value, &Path<'_>, &mut Vec<ValidationError>),
    /// A document to the union holding this variant (serde's parse of its type).
    pub from_value: fn(Value) -> Result<U, serde_json::Error>,
    /// Its type's [`ValidateJson::EXACT_TYPED_PARSE`].
    pub exact_typed_parse: bool,
    /// Text to the union holding this variant, typed parse then typed validation: `None` when
    /// the parse fails, else the value or its validation errors.
    pub parse_valid: fn(&[u8]) -> Option<Result<U, ValidationErrors>>,
    /// Whether its type's descriptor proves that its discriminator member accepts no value but
    /// this variant's tag (or absence): a one-value enum of the tag, not nullable
    /// ([`accepts_only_tag`]). Decided when the constant is evaluated.
    pub tag_only: bool,
    /// Whether its type may hold a member of this wire name (every name, for a type that
    /// lets unknown members through): a member it may not hold makes its typed parse fail,
    /// so the fast path need not try it. Read from its type's descriptor by
    /// [`UnionVariant::new`].
    pub declares: fn(&[u8]) -> bool,
}

impl<U: Union> UnionVariant<U> {
    /// The variant tagged `tag` holding a `V`.
    pub const fn new<V>(tag: &'static str) -> Self
    where
        V: ValidateJson + Validate + Describe + DeserializeOwned + Into<U>,
    {
        UnionVariant {
            tag,
            validate_json_at: V::validate_json_at,
            from_value: variant_from_value::<U, V>,
            exact_typed_parse: V::EXACT_TYPED_PARSE,
            parse_valid: variant_parse_valid::<U, V>,
            tag_only: accepts_only_tag(&V::KIND, U::DISCRIMINATOR, tag),
            declares: declares_member::<V>,
        }
    }
}

/// Whether a `V` may hold the member `name` (its wire name's bytes): `V` declares it, or
/// lets unknown members through. Only the fast path's guess of a typed parse that must fail:
/// a wrong `false` costs a raw walk, never a different verdict.
fn declares_member<V: Describe>(name: &[u8]) -> bool {
    match &V::KIND {
        Kind::Object(spec) => {
            !spec.deny_unknown_fields || spec.fields.iter().any(|f| f.wire_name.as_bytes() == name)
        }
        _ => true,
    }
}

/// Whether a variant type of kind `kind` accepts, at its member `discriminator`, nothing but the
/// string `tag` or the member's absence: the member is declared, not nullable, and its kind is
/// the one-value enum of `tag` (as the generated models' tag types are: `DestinationTypeS3`).
/// A `const fn`, so the derive's constants decide it at compile time.
pub const fn accepts_only_tag(kind: &Kind, discriminator: &str, tag: &str) -> bool {
    let Kind::Object(spec) = kind else {
        return false;
    };
    let mut i = 0;
    while i < spec.fields.len() {
        let field = &spec.fields[i];
        if const_str_eq(field.wire_name, discriminator) {
            return !field.nullable
                && matches!(field.kind, Kind::Enum(values) if values.len() == 1 && const_str_eq(values[0], tag));
        }
        i += 1;
    }
    false
}

impl<U> fmt::Debug for UnionVariant<U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnionVariant")
            .field("tag", &self.tag)
            .field("exact_typed_parse", &self.exact_typed_parse)
            .field("tag_only", &self.tag_only)
            .finish_non_exhaustive()
    }
}

fn variant_from_value<U, V: DeserializeOwned + Into<U>>(
    value: Value,
) -> Result<U, serde_json::Error> {
    serde_json::from_value::<V>(value).map(Into::into)
}

fn variant_parse_valid<U, V: DeserializeOwned + Validate + Into<U>>(
    bytes: &[u8],
) -> Option<Result<U, ValidationErrors>> {
    let value = crate::json::typed_parse::<V>(bytes)?;
    Some(value.validate().map(|()| value.into()))
}

/// Which variant the rule gives a document, before any variant is checked.
enum Choice<'v> {
    /// Not an object.
    NotObject,
    /// The discriminator names the variant at this index.
    Tagged(usize),
    /// The discriminator is a string that is no tag.
    UnknownTag,
    /// The discriminator is not a string.
    NotString(&'v Value),
    /// No discriminator.
    Absent,
}

fn choose<'v, U: Union>(value: &'v Value) -> Choice<'v> {
    let Some(object) = value.as_object() else {
        return Choice::NotObject;
    };
    match object.get(U::DISCRIMINATOR) {
        None => Choice::Absent,
        Some(Value::String(tag)) => match U::TAGS.iter().position(|t| t == tag) {
            Some(index) => Choice::Tagged(index),
            None => Choice::UnknownTag,
        },
        Some(other) => Choice::NotString(other),
    }
}

/// The raw check of a union: every error of `value` at `path` by the rule of this module.
pub fn validate_json_at<U: Union>(
    value: &Value,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    match choose::<U>(value) {
        Choice::NotObject => push_type_error(value, "object", path, errors),
        Choice::Tagged(index) => {
            if let Some(variant) = U::VARIANTS.get(index) {
                (variant.validate_json_at)(value, path, errors);
            }
        }
        Choice::UnknownTag => push_enum_error(U::TAGS, &path.key(U::DISCRIMINATOR), errors),
        Choice::NotString(tag) => {
            push_type_error(tag, "string", &path.key(U::DISCRIMINATOR), errors);
        }
        Choice::Absent => {
            if let Err((index, found)) = first_accepting::<U>(value, path) {
                let tag = U::TAGS.get(index).unwrap_or(&"");
                errors.extend(found.into_iter().map(|e| e.under_variant(tag)));
            }
        }
    }
}

/// The tag of the variant the rule takes `value` as: the discriminator's when it is a tag, the
/// first accepting variant's (else the closest's) when it is absent; `None` for a value that
/// is not an object or whose discriminator is no tag ([`ValidateJson::variant`]).
///
/// [`ValidateJson::variant`]: crate::json::ValidateJson::variant
pub fn variant_tag<U: Union>(value: &Value) -> Option<&'static str> {
    let index = match choose::<U>(value) {
        Choice::Tagged(index) => index,
        Choice::Absent => first_accepting::<U>(value, &Path::Root).unwrap_or_else(|(i, _)| i),
        Choice::NotObject | Choice::UnknownTag | Choice::NotString(_) => return None,
    };
    U::TAGS.get(index).copied()
}

/// For an object without the discriminator: the index of the first variant that accepts it,
/// else the index and errors of the variant with the fewest errors (the first of equals).
fn first_accepting<U: Union>(
    value: &Value,
    path: &Path<'_>,
) -> Result<usize, (usize, Vec<ValidationError>)> {
    let mut closest: Option<(usize, Vec<ValidationError>)> = None;
    for (index, variant) in U::VARIANTS.iter().enumerate() {
        let mut found = Vec::new();
        (variant.validate_json_at)(value, path, &mut found);
        if found.is_empty() {
            return Ok(index);
        }
        if closest.as_ref().is_none_or(|(_, c)| found.len() < c.len()) {
            closest = Some((index, found));
        }
    }
    // The derive refuses a union without variants.
    Err(closest.unwrap_or_default())
}

/// The typed validation of a union: the raw check of its serialization, so that the typed and
/// raw verdicts are one. A value that does not serialize has its variant's own typed check.
pub fn validate_at<U: Union + Serialize>(
    value: &U,
    path: &Path<'_>,
    errors: &mut Vec<ValidationError>,
) {
    match serde_json::to_value(value) {
        Ok(json) => validate_json_at::<U>(&json, path, errors),
        Err(_) => value.validate_variant_at(path, errors),
    }
}

/// serde's parse of a union from a document (what the derived `Deserialize` calls): the variant
/// the rule chooses, read by its type's `Deserialize`. Without the discriminator that is the
/// first variant that accepts the document, or, when none does, the closest (whose errors
/// validation then reports).
pub fn from_value<U: Union>(value: Value) -> Result<U, serde_json::Error> {
    let index = match choose::<U>(&value) {
        Choice::NotObject => {
            return Err(de::Error::invalid_type(unexpected(&value), &"an object"));
        }
        Choice::Tagged(index) => index,
        Choice::UnknownTag | Choice::NotString(_) => {
            let found = value.get(U::DISCRIMINATOR).cloned().unwrap_or(Value::Null);
            return Err(de::Error::custom(format_args!(
                "`{}` must be one of {}, got {found}",
                U::DISCRIMINATOR,
                Tags(U::TAGS)
            )));
        }
        Choice::Absent => first_accepting::<U>(&value, &Path::Root).unwrap_or_else(|(i, _)| i),
    };
    match U::VARIANTS.get(index) {
        Some(variant) => (variant.from_value)(value),
        None => Err(de::Error::custom("a union without variants")),
    }
}

/// `"S3", "GCS"`.
struct Tags(&'static [&'static str]);

impl fmt::Display for Tags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, tag) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "\"{tag}\"")?;
        }
        Ok(())
    }
}

fn unexpected(value: &Value) -> de::Unexpected<'_> {
    match value {
        Value::Null => de::Unexpected::Unit,
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(_) => de::Unexpected::Other("a number"),
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

/// [`ValidateJson::parse_exact`] for a union: when every variant's typed parse is exact and
/// the document is one flat object, the variants' typed parses and validations decide without
/// a raw walk. With the discriminator naming a variant, that variant's verdict is the union's;
/// without it, the first variant that parses and validates is the one the rule chooses (an
/// exact typed parse that fails, or a typed validation that fails, is that variant's raw check
/// failing). Anything else (`None`) is left to the raw walk.
///
/// When every variant also accepts only its own tag ([`UnionVariant::tag_only`], as the
/// generated models do), the document is not read for its discriminator first
/// (`by_variants`).
pub fn parse_exact<U: Union>(bytes: &[u8]) -> Option<Result<U, ValidationErrors>> {
    if !U::VARIANTS.iter().all(|v| v.exact_typed_parse) {
        return None;
    }
    if U::VARIANTS.iter().all(|v| v.tag_only) {
        return by_variants::<U>(bytes);
    }
    if !typed_parse_is_exact(bytes) {
        return None;
    }
    match probe::<U>(bytes)? {
        Found::Absent => U::VARIANTS
            .iter()
            .find_map(|variant| (variant.parse_valid)(bytes).and_then(Result::ok))
            .map(Ok),
        Found::Once(Value::String(tag)) => {
            let variant = U::VARIANTS.iter().find(|v| v.tag == tag)?;
            (variant.parse_valid)(bytes)
        }
        // An error either way: the raw walk says which.
        Found::Once(_) | Found::Repeated => None,
    }
}

/// [`parse_exact`] for variants that each accept only their own tag: the variants' typed parses
/// in mapping order, the first that parses and validates being the union's value. That is the
/// rule's choice: a discriminator naming variant `i` makes every other variant's exact parse
/// fail, so only `i` can be first; without a discriminator the rule takes the first accepting
/// variant. When none accepts, the raw walk says why (`None`): the closest variant, or why the
/// tagged one failed its parse.
///
/// The first variant's typed parse comes first: it accepts the documents that are its valid
/// values, the most common case, and refuses any other document at the first member it does
/// not take (the typed parse of a flat object reads only so far: [`typed_parse`]). When it does
/// not accept, a document without backslashes is searched for its discriminator
/// ([`flat::member_value`]). When the first variant does not parse the document, or parses but
/// does not validate it and the discriminator is absent, the members are read by their quotes
/// ([`Scan`]): the discriminator says which variant alone may accept, and a member a variant
/// does not declare says that its typed parse would fail, so it is not tried. When the first
/// variant parses but does not validate and the discriminator is present, it is the first
/// variant's tag, whose errors are the union's. Other documents are read for their
/// discriminator as each variant needs it ([`probe`]).
///
/// [`typed_parse`]: crate::json::typed_parse
fn by_variants<U: Union>(bytes: &[u8]) -> Option<Result<U, ValidationErrors>> {
    // A typed parse reads only a flat object (`typed_parse`): one that accepts says the
    // document is one.
    let mut first = U::VARIANTS.first().and_then(|v| (v.parse_valid)(bytes));
    if let Some(Ok(_)) = first {
        return first;
    }
    // What follows reads the members by their quotes and the variants' parses: a document with
    // no `{` or `[` past its opening brace.
    if !typed_parse_is_exact(bytes) {
        return None;
    }
    // Whether the discriminator is there, if the text has no backslash (`None`): exact once a
    // typed parse has accepted the text.
    let value = flat::member_value(bytes, U::DISCRIMINATOR);
    match (&first, value) {
        // Accepted (above); or parsed, not valid, and the discriminator present: it is the
        // first variant's tag, whose errors are the union's.
        (Some(Ok(_)), _) | (Some(Err(_)), Some(Some(_))) => return first,
        (Some(Err(_)), Some(None)) => {
            if let Some(scan) = Scan::of::<U>(bytes) {
                return scan.verdict(bytes, Some(first));
            }
            return U::VARIANTS
                .iter()
                .skip(1)
                .find_map(|v| (v.parse_valid)(bytes).and_then(Result::ok))
                .map(Ok);
        }
        (None, _) => {
            if let Some(scan) = Scan::of::<U>(bytes) {
                return scan.verdict(bytes, Some(first));
            }
        }
        (Some(Err(_)), None) => {}
    }
    let mut absent = false;
    for (index, variant) in U::VARIANTS.iter().enumerate() {
        let verdict = match index {
            0 => first.take(),
            _ => (variant.parse_valid)(bytes),
        };
        match verdict {
            Some(Ok(value)) => return Some(Ok(value)),
            Some(Err(_)) if absent => {}
            // A variant that parses but does not validate says that the discriminator is its
            // tag or absent: the document is then read for it once (its tag: that variant's
            // errors are the union's; absent: the next variants may still accept).
            Some(Err(errors)) => match probe::<U>(bytes)? {
                Found::Once(Value::String(tag)) if U::TAGS.get(index) == Some(&tag.as_str()) => {
                    return Some(Err(errors));
                }
                Found::Absent => absent = true,
                Found::Once(_) | Found::Repeated => return None,
            },
            None => {}
        }
    }
    None
}

/// The most member names [`Scan`] keeps; a document with more is tried on every variant.
const SCANNED_NAMES: usize = 16;

/// A flat document without backslashes read by its quotes ([`flat::members`], which reads
/// such a document as serde does: a property test in `json/flat.rs`): its discriminator, and
/// its member names (the first [`SCANNED_NAMES`]).
struct Scan<'a> {
    tag: Member<'a>,
    names: [&'a [u8]; SCANNED_NAMES],
    /// How many names were read (more than `names` holds: some were not kept).
    count: usize,
}

impl<'a> Scan<'a> {
    /// The scan of `bytes`; `None` when it does not read as a flat object without backslashes.
    fn of<U: Union>(bytes: &'a [u8]) -> Option<Self> {
        let mut scan = Scan {
            tag: Member::Absent,
            names: [&[]; SCANNED_NAMES],
            count: 0,
        };
        flat::members(bytes, |raw| {
            if raw.key == U::DISCRIMINATOR.as_bytes() {
                scan.tag.add(raw);
            }
            if let Some(name) = scan.names.get_mut(scan.count) {
                *name = raw.key;
            }
            scan.count += 1;
            ControlFlow::Continue(())
        })?;
        Some(scan)
    }

    /// Whether `variant`'s typed parse may accept the document: it declares every member (a
    /// wrong `true` costs a parse, a wrong `false` the raw walk, never another verdict).
    fn fits<U>(&self, variant: &UnionVariant<U>) -> bool {
        self.count > SCANNED_NAMES
            || self.names[..self.count]
                .iter()
                .all(|n| (variant.declares)(n))
    }

    /// [`by_variants`]' verdict, given the first variant's (`first`: `None` when it was not
    /// tried; tried, it did not accept). The discriminator a string naming variant `i`: `i`'s
    /// verdict, no other variant's parse can succeed. Any other discriminator, or a repeated
    /// one: no variant's parse can succeed. Absent: the first variant, in mapping order, that
    /// accepts. A variant that does not declare every member is not tried (its parse would
    /// fail).
    fn verdict<U: Union>(
        &self,
        bytes: &[u8],
        first: Option<Option<Result<U, ValidationErrors>>>,
    ) -> Option<Result<U, ValidationErrors>> {
        let tried = first.is_some();
        let parse = |v: &UnionVariant<U>| {
            if self.fits(v) {
                (v.parse_valid)(bytes)
            } else {
                None
            }
        };
        match self.tag {
            Member::Once { text, string: true } => {
                match U::TAGS.iter().position(|t| t.as_bytes() == text) {
                    Some(0) => first.unwrap_or_else(|| U::VARIANTS.first().and_then(parse)),
                    Some(i) => U::VARIANTS.get(i).and_then(parse),
                    None => None,
                }
            }
            Member::Once { string: false, .. } | Member::Repeated => None,
            Member::Absent => U::VARIANTS
                .iter()
                .skip(usize::from(tried))
                .find_map(|v| parse(v).and_then(Result::ok))
                .map(Ok),
        }
    }
}

/// The discriminator of a flat document (`None` when the document does not read as an object):
/// found by its quotes when the text has no backslash ([`flat::member`], a few hundred
/// instructions), else by serde's parse skipping the other values. The two agree on every
/// flat object without backslashes that is valid JSON, and every caller acts on what it finds
/// only after a typed parse has accepted the text.
fn probe<U: Union>(bytes: &[u8]) -> Option<Found> {
    match flat::member(bytes, U::DISCRIMINATOR) {
        Some(Member::Absent) => return Some(Found::Absent),
        Some(Member::Repeated) => return Some(Found::Repeated),
        Some(Member::Once { text, string: true }) => {
            if let Ok(tag) = std::str::from_utf8(text) {
                return Some(Found::Once(Value::String(tag.to_owned())));
            }
        }
        Some(Member::Once {
            text,
            string: false,
        }) => {
            if let Ok(value) = serde_json::from_slice::<Value>(text) {
                return Some(Found::Once(value));
            }
        }
        None => {}
    }
    probe_by_serde::<U>(bytes)
}

/// [`probe`] by serde's parse.
fn probe_by_serde<U: Union>(bytes: &[u8]) -> Option<Found> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let found = Probe(U::DISCRIMINATOR)
        .deserialize(&mut deserializer)
        .ok()?;
    deserializer.end().ok()?;
    Some(found)
}

/// The discriminator of a flat document, as found by [`Probe`].
enum Found {
    Absent,
    Once(Value),
    Repeated,
}

/// Reads an object for one member's value, skipping the others.
struct Probe(&'static str);

impl<'de> DeserializeSeed<'de> for Probe {
    type Value = Found;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Found, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Probe {
    type Value = Found;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Found, A::Error> {
        let mut found = Found::Absent;
        while let Some(is_discriminator) = map.next_key_seed(KeyIs(self.0))? {
            if !is_discriminator {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let value = map.next_value::<Value>()?;
            found = match found {
                Found::Absent => Found::Once(value),
                Found::Once(_) | Found::Repeated => Found::Repeated,
            };
        }
        Ok(found)
    }
}

/// A key, read as whether it is the given name.
struct KeyIs(&'static str);

impl<'de> DeserializeSeed<'de> for KeyIs {
    type Value = bool;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeyIs {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        Ok(key == self.0)
    }
}

/// A union's value by the rule, for a `Deserialize` impl: buffers the input as a document
/// (duplicate keys refused, as the raw parse refuses them) and reads it with [`from_value`].
pub fn deserialize<'de, U: Union, D: de::Deserializer<'de>>(
    deserializer: D,
) -> Result<U, D::Error> {
    let value = crate::json::StrictValue.deserialize(deserializer)?;
    from_value::<U>(value).map_err(de::Error::custom)
}
