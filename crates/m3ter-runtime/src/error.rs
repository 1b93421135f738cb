//! The error model: every violation with a JSON Pointer path, a stable code and parameters.
//!
//! Messages are rendered lazily (on `Display`), so collecting errors costs only the path string.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;
use serde::ser::SerializeStruct;
use serde_json::{Map, Value};

use crate::rules::number::{Number, NumberJson};

/// The stable, machine-readable code of an error. Its [`as_str`](ErrorCode::as_str) spelling is
/// part of the public contract and never changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorCode {
    /// The input is not well-formed JSON.
    Syntax,
    /// A value has the wrong JSON type.
    Type,
    /// A required member is missing.
    Required,
    /// A member the schema does not allow.
    UnknownField,
    /// A string's length in code points, or an array's item count, is out of bounds.
    Length,
    /// A string does not match the schema's pattern.
    Pattern,
    /// A string does not have the schema's format (e.g. `aws-iam-role-arn`).
    Format,
    /// A value is not one of the allowed values.
    Enum,
    /// A member that must not be present in this operation is present.
    Forbidden,
    /// A number is out of bounds.
    Range,
    /// A value is not equal to the schema's `const`.
    Const,
    /// A number is not a multiple of the schema's `multipleOf`.
    MultipleOf,
    /// Two items of an array are equal where `uniqueItems` forbids it.
    UniqueItems,
    /// An object has fewer members than `minProperties`.
    MinProperties,
    /// An object has more members than `maxProperties`.
    MaxProperties,
    /// No item of an array satisfies `contains` (without `minContains`).
    Contains,
    /// Fewer items of an array than `minContains` satisfy `contains`.
    MinContains,
    /// More items of an array than `maxContains` satisfy `contains`.
    MaxContains,
    /// A value satisfies the schema of `not`.
    Not,
    /// A value satisfies none of the schemas of `anyOf`.
    AnyOf,
    /// A value satisfies none of the schemas of `oneOf`, or more than one.
    OneOf,
    /// An object has a member that `dependentRequired` names without a member it requires.
    DependentRequired,
    /// A member's name does not satisfy `propertyNames`.
    PropertyNames,
}

impl ErrorCode {
    /// Every code, in a fixed order.
    pub const ALL: [ErrorCode; 23] = [
        ErrorCode::Syntax,
        ErrorCode::Type,
        ErrorCode::Required,
        ErrorCode::UnknownField,
        ErrorCode::Length,
        ErrorCode::Pattern,
        ErrorCode::Format,
        ErrorCode::Enum,
        ErrorCode::Forbidden,
        ErrorCode::Range,
        ErrorCode::Const,
        ErrorCode::MultipleOf,
        ErrorCode::UniqueItems,
        ErrorCode::MinProperties,
        ErrorCode::MaxProperties,
        ErrorCode::Contains,
        ErrorCode::MinContains,
        ErrorCode::MaxContains,
        ErrorCode::Not,
        ErrorCode::AnyOf,
        ErrorCode::OneOf,
        ErrorCode::DependentRequired,
        ErrorCode::PropertyNames,
    ];

    /// The wire spelling of the code: `syntax`, `type`, `required`, `unknown_field`, `length`,
    /// `pattern`, `format`, `enum`, `forbidden`, `range`, and, named as their JSON Schema
    /// keywords, `const`, `multipleOf`, `uniqueItems`, `minProperties`, `maxProperties`,
    /// `contains`, `minContains`, `maxContains`, `not`, `anyOf`, `oneOf`, `dependentRequired` or
    /// `propertyNames`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Syntax => "syntax",
            ErrorCode::Type => "type",
            ErrorCode::Required => "required",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::Length => "length",
            ErrorCode::Pattern => "pattern",
            ErrorCode::Format => "format",
            ErrorCode::Enum => "enum",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::Range => "range",
            ErrorCode::Const => "const",
            ErrorCode::MultipleOf => "multipleOf",
            ErrorCode::UniqueItems => "uniqueItems",
            ErrorCode::MinProperties => "minProperties",
            ErrorCode::MaxProperties => "maxProperties",
            ErrorCode::Contains => "contains",
            ErrorCode::MinContains => "minContains",
            ErrorCode::MaxContains => "maxContains",
            ErrorCode::Not => "not",
            ErrorCode::AnyOf => "anyOf",
            ErrorCode::OneOf => "oneOf",
            ErrorCode::DependentRequired => "dependentRequired",
            ErrorCode::PropertyNames => "propertyNames",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a length bound counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LengthUnit {
    /// Unicode code points of a string (JSON Schema `minLength`/`maxLength`).
    Characters,
    /// Items of an array (JSON Schema `minItems`/`maxItems`).
    Items,
}

impl LengthUnit {
    /// `characters` or `items`, as messages and parameters say it.
    pub const fn noun(self) -> &'static str {
        match self {
            LengthUnit::Characters => "characters",
            LengthUnit::Items => "items",
        }
    }
}

/// Which numeric bound a value broke.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeBound {
    /// `minimum`: the value must be at least the limit.
    Minimum,
    /// `maximum`: the value must be at most the limit.
    Maximum,
    /// `exclusiveMinimum`: the value must be greater than the limit.
    ExclusiveMinimum,
    /// `exclusiveMaximum`: the value must be less than the limit.
    ExclusiveMaximum,
}

impl RangeBound {
    /// The JSON Schema keyword of the bound.
    pub const fn keyword(self) -> &'static str {
        match self {
            RangeBound::Minimum => "minimum",
            RangeBound::Maximum => "maximum",
            RangeBound::ExclusiveMinimum => "exclusiveMinimum",
            RangeBound::ExclusiveMaximum => "exclusiveMaximum",
        }
    }
}

/// Why a string does not have its format: which part is wrong and what that part must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatViolation {
    /// The part of the value that is wrong, as a stable identifier (e.g. `account_id`).
    pub part: &'static str,
    /// What the part must be, in words (e.g. `exactly 12 ASCII digits`).
    pub expected: &'static str,
}

/// The code and parameters of one error.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Not well-formed JSON.
    Syntax {
        /// The parser's message.
        message: String,
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column of the fault.
        column: usize,
    },
    /// A value of the wrong JSON type.
    Type {
        /// The JSON type(s) the schema allows, e.g. `string`.
        expected: &'static str,
        /// The JSON type found, e.g. `null`.
        actual: &'static str,
    },
    /// A required member is missing.
    Required,
    /// A member the schema does not allow.
    UnknownField,
    /// A length or item count out of bounds.
    Length {
        /// What is counted.
        unit: LengthUnit,
        /// The inclusive lower bound, if any.
        min: Option<u64>,
        /// The inclusive upper bound, if any.
        max: Option<u64>,
        /// The length found.
        actual: u64,
    },
    /// A string that does not match the pattern.
    Pattern {
        /// The pattern as written (ECMA-262).
        pattern: &'static str,
        /// The rule in words, when the spec says it (`pattern_rule`): the message says it.
        rule: Option<&'static str>,
    },
    /// A string without its format.
    Format {
        /// The format's name, e.g. `aws-iam-role-arn`.
        format: &'static str,
        /// What is wrong.
        violation: FormatViolation,
    },
    /// A value that is not one of the allowed values.
    Enum {
        /// The allowed values.
        allowed: &'static [&'static str],
    },
    /// A member that must not be present.
    Forbidden {
        /// When it is forbidden (e.g. the operation `create`), if the rule says.
        context: Option<&'static str>,
    },
    /// A value that is not the `const` (code `const`).
    Const {
        /// The value it must be, as JSON text (its parameter `expected` is the value).
        expected: &'static str,
    },
    /// A value that is none of an `enum` of JSON values (code `enum`, like [`ErrorKind::Enum`]).
    EnumValues {
        /// The allowed values, as the JSON text of an array (its parameter `allowed` is the
        /// array).
        allowed: &'static str,
    },
    /// A number that is not a multiple of `multipleOf` (code `multipleOf`).
    MultipleOf {
        /// The keyword's number.
        divisor: Number,
        /// The value found.
        actual: Number,
    },
    /// Two equal items where `uniqueItems` forbids it (code `uniqueItems`): the first pair
    /// found.
    UniqueItems {
        /// The earlier item's index.
        first: u64,
        /// The later item's index.
        second: u64,
    },
    /// Fewer members than `minProperties` (code `minProperties`).
    MinProperties {
        /// The least count allowed.
        min: u64,
        /// The count found.
        actual: u64,
    },
    /// More members than `maxProperties` (code `maxProperties`).
    MaxProperties {
        /// The greatest count allowed.
        max: u64,
        /// The count found.
        actual: u64,
    },
    /// No item satisfies `contains`, and `minContains` is absent (code `contains`).
    Contains,
    /// Fewer items than `minContains` satisfy `contains` (code `minContains`).
    MinContains {
        /// The least count allowed.
        min: u64,
        /// The count of items that satisfy `contains`.
        actual: u64,
    },
    /// More items than `maxContains` satisfy `contains` (code `maxContains`).
    MaxContains {
        /// The greatest count allowed.
        max: u64,
        /// The count of items that satisfy `contains`.
        actual: u64,
    },
    /// The value satisfies the schema of `not`, which it must not (code `not`).
    Not,
    /// The value satisfies none of the schemas of `anyOf` (code `anyOf`).
    AnyOf {
        /// How many schemas `anyOf` lists.
        branches: u64,
    },
    /// The value satisfies none of the schemas of `oneOf`, or more than one (code `oneOf`).
    OneOf {
        /// How many schemas `oneOf` lists.
        branches: u64,
        /// How many of them the value satisfies (0, or 2 and more).
        matched: u64,
    },
    /// A member that `dependentRequired` requires is missing while the member that requires it
    /// is present (code `dependentRequired`), reported at the object's pointer: one error per
    /// missing member.
    DependentRequired {
        /// The member present.
        property: &'static str,
        /// The member it requires, missing.
        missing: &'static str,
    },
    /// A member whose name does not satisfy `propertyNames` (code `propertyNames`), reported at
    /// the object's pointer (a name has no pointer of its own): one error per keyword the name
    /// breaks.
    PropertyNames {
        /// The member's name.
        property: String,
        /// What is wrong with the name: the error the name itself has under `propertyNames`'s
        /// keywords (its parameter `reason` is that error's `code` and `params`).
        reason: Box<ErrorKind>,
    },
    /// A number out of bounds.
    Range {
        /// Which bound.
        bound: RangeBound,
        /// The bound's value.
        limit: Number,
        /// The value found.
        actual: Number,
    },
}

impl ErrorKind {
    /// The stable code of this kind.
    pub const fn code(&self) -> ErrorCode {
        match self {
            ErrorKind::Syntax { .. } => ErrorCode::Syntax,
            ErrorKind::Type { .. } => ErrorCode::Type,
            ErrorKind::Required => ErrorCode::Required,
            ErrorKind::UnknownField => ErrorCode::UnknownField,
            ErrorKind::Length { .. } => ErrorCode::Length,
            ErrorKind::Pattern { .. } => ErrorCode::Pattern,
            ErrorKind::Format { .. } => ErrorCode::Format,
            ErrorKind::Enum { .. } => ErrorCode::Enum,
            ErrorKind::Forbidden { .. } => ErrorCode::Forbidden,
            ErrorKind::Range { .. } => ErrorCode::Range,
            ErrorKind::Const { .. } => ErrorCode::Const,
            ErrorKind::EnumValues { .. } => ErrorCode::Enum,
            ErrorKind::MultipleOf { .. } => ErrorCode::MultipleOf,
            ErrorKind::UniqueItems { .. } => ErrorCode::UniqueItems,
            ErrorKind::MinProperties { .. } => ErrorCode::MinProperties,
            ErrorKind::MaxProperties { .. } => ErrorCode::MaxProperties,
            ErrorKind::Contains => ErrorCode::Contains,
            ErrorKind::MinContains { .. } => ErrorCode::MinContains,
            ErrorKind::MaxContains { .. } => ErrorCode::MaxContains,
            ErrorKind::Not => ErrorCode::Not,
            ErrorKind::AnyOf { .. } => ErrorCode::AnyOf,
            ErrorKind::OneOf { .. } => ErrorCode::OneOf,
            ErrorKind::DependentRequired { .. } => ErrorCode::DependentRequired,
            ErrorKind::PropertyNames { .. } => ErrorCode::PropertyNames,
        }
    }

    /// The parameters of the error, as a JSON object (`min`, `max`, `actual`, `pattern`, ...),
    /// keys in sorted order (also in a map that keeps insertion order). The same object that
    /// serializing the error writes under `params`.
    pub fn params(&self) -> Map<String, Value> {
        // Serializing a map of strings and numbers into a `Value` cannot fail.
        match serde_json::to_value(Params(self, None)) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        }
    }
}

impl ErrorKind {
    /// The message, when it says nothing but a constant (the kinds without parameters, a
    /// pattern's rule in words, `forbidden` without its context): written as it is, without
    /// formatting.
    fn fixed_message(&self) -> Option<&'static str> {
        match self {
            ErrorKind::Required => Some("is required"),
            ErrorKind::UnknownField => Some("is not a known field"),
            ErrorKind::Pattern {
                rule: Some(rule), ..
            } => Some(rule),
            ErrorKind::Forbidden { context: None } => Some("must not be present"),
            ErrorKind::Contains => {
                Some("must have an item that satisfies `contains`, but none does")
            }
            ErrorKind::Not => Some("must not satisfy the schema of `not`, but does"),
            ErrorKind::Syntax { .. }
            | ErrorKind::Type { .. }
            | ErrorKind::Length { .. }
            | ErrorKind::Pattern { rule: None, .. }
            | ErrorKind::Format { .. }
            | ErrorKind::Enum { .. }
            | ErrorKind::Forbidden { context: Some(_) }
            | ErrorKind::Const { .. }
            | ErrorKind::EnumValues { .. }
            | ErrorKind::MultipleOf { .. }
            | ErrorKind::UniqueItems { .. }
            | ErrorKind::MinProperties { .. }
            | ErrorKind::MaxProperties { .. }
            | ErrorKind::MinContains { .. }
            | ErrorKind::MaxContains { .. }
            | ErrorKind::AnyOf { .. }
            | ErrorKind::OneOf { .. }
            | ErrorKind::DependentRequired { .. }
            | ErrorKind::PropertyNames { .. }
            | ErrorKind::Range { .. } => None,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax { message, .. } => write!(f, "is not valid JSON: {message}"),
            ErrorKind::Type { expected, actual } => {
                write!(
                    f,
                    "must be {}, got {}",
                    with_article(expected),
                    with_article(actual)
                )
            }
            ErrorKind::Required
            | ErrorKind::UnknownField
            | ErrorKind::Pattern { rule: Some(_), .. }
            | ErrorKind::Forbidden { context: None }
            | ErrorKind::Contains
            | ErrorKind::Not => f.write_str(self.fixed_message().unwrap_or_default()),
            ErrorKind::Length {
                unit,
                min,
                max,
                actual,
            } => {
                // `1 character`, `2 characters`: the noun agrees with the number before it.
                let noun = |n: u64| {
                    let plural = unit.noun();
                    if n == 1 {
                        plural.strip_suffix('s').unwrap_or(plural)
                    } else {
                        plural
                    }
                };
                match (min, max) {
                    (None | Some(0), Some(0)) => {
                        write!(f, "must be empty, got {actual} {}", noun(*actual))
                    }
                    (Some(min), Some(max)) if min == max => {
                        write!(f, "must be exactly {min} {}, got {actual}", noun(*min))
                    }
                    (Some(min), Some(max)) => {
                        write!(f, "must be {min} to {max} {}, got {actual}", unit.noun())
                    }
                    (Some(min), None) => {
                        write!(f, "must be at least {min} {}, got {actual}", noun(*min))
                    }
                    (None, Some(max)) => {
                        write!(f, "must be at most {max} {}, got {actual}", noun(*max))
                    }
                    (None, None) => write!(f, "has {actual} {}", noun(*actual)),
                }
            }
            ErrorKind::Pattern {
                pattern,
                rule: None,
            } => write!(f, "must match the pattern `{pattern}`"),
            ErrorKind::Format { format, violation } => {
                let part = violation.part.replace('_', " ");
                if part == format.replace('-', " ")
                    || violation.expected.to_ascii_lowercase().contains(&part)
                {
                    // The part is the whole value (`date-time`, `uuid`), or the rule names it
                    // (`free of two adjacent periods`): said once.
                    write!(f, "must be a valid {format}: {}", violation.expected)
                } else {
                    write!(
                        f,
                        "must be a valid {format} ({part}: {})",
                        violation.expected
                    )
                }
            }
            ErrorKind::Enum { allowed } => {
                // Each value as a JSON string (a quote or backslash in it escaped).
                one_of(f, allowed.iter().map(|value| Value::from(*value)))
            }
            ErrorKind::Forbidden {
                context: Some(context),
            } => {
                write!(f, "must not be present on {context}")
            }
            ErrorKind::Const { expected } => write!(f, "must be {}", json_text(expected)),
            ErrorKind::EnumValues { allowed } => match serde_json::from_str::<Value>(allowed) {
                Ok(Value::Array(values)) => one_of(f, values.into_iter()),
                _ => write!(f, "must be one of {allowed}"),
            },
            ErrorKind::MultipleOf { divisor, actual } => {
                write!(f, "must be a multiple of {divisor}, got {actual}")
            }
            ErrorKind::UniqueItems { first, second } => {
                write!(
                    f,
                    "must have unique items, but items {first} and {second} are equal"
                )
            }
            ErrorKind::MinProperties { min, actual } => {
                let noun = if *min == 1 { "member" } else { "members" };
                write!(f, "must have at least {min} {noun}, got {actual}")
            }
            ErrorKind::MaxProperties { max: 0, actual } => {
                write!(f, "must have no members, got {actual}")
            }
            ErrorKind::MaxProperties { max, actual } => {
                let noun = if *max == 1 { "member" } else { "members" };
                write!(f, "must have at most {max} {noun}, got {actual}")
            }
            ErrorKind::MinContains { min, actual } => {
                write!(
                    f,
                    "must have at least {min} {} `contains`, got {actual}",
                    items_that_satisfy(*min)
                )
            }
            ErrorKind::MaxContains { max: 0, actual } => {
                write!(
                    f,
                    "must have no item that satisfies `contains`, got {actual}"
                )
            }
            ErrorKind::MaxContains { max, actual } => {
                write!(
                    f,
                    "must have at most {max} {} `contains`, got {actual}",
                    items_that_satisfy(*max)
                )
            }
            ErrorKind::AnyOf { branches } => write!(
                f,
                "must satisfy at least one of the {branches} schemas of `anyOf`, but satisfies none"
            ),
            ErrorKind::OneOf { branches, matched } => write!(
                f,
                "must satisfy exactly one of the {branches} schemas of `oneOf`, but satisfies {}",
                if *matched == 0 {
                    "none".to_owned()
                } else {
                    matched.to_string()
                }
            ),
            ErrorKind::DependentRequired { property, missing } => {
                write!(
                    f,
                    "must have the member {} when it has the member {} (`dependentRequired`)",
                    Value::from(*missing),
                    Value::from(*property)
                )
            }
            ErrorKind::PropertyNames { property, reason } => {
                write!(
                    f,
                    "has the member name {}, which {reason} (`propertyNames`)",
                    Value::from(property.as_str())
                )
            }
            ErrorKind::Range {
                bound,
                limit,
                actual,
            } => {
                let relation = match bound {
                    RangeBound::Minimum => "at least",
                    RangeBound::Maximum => "at most",
                    RangeBound::ExclusiveMinimum => "greater than",
                    RangeBound::ExclusiveMaximum => "less than",
                };
                write!(f, "must be {relation} {limit}, got {actual}")
            }
        }
    }
}

/// `item that satisfies` for 1, `items that satisfy` for any other count.
fn items_that_satisfy(count: u64) -> &'static str {
    if count == 1 {
        "item that satisfies"
    } else {
        "items that satisfy"
    }
}

/// `must be "S3"` for one allowed value, `must be one of "S3", "GCS"` for several: each value as
/// compact JSON.
fn one_of(f: &mut fmt::Formatter<'_>, values: impl ExactSizeIterator<Item = Value>) -> fmt::Result {
    if values.len() == 1 {
        f.write_str("must be ")?;
    } else {
        f.write_str("must be one of ")?;
    }
    for (i, value) in values.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{value}")?;
    }
    Ok(())
}

/// JSON text, compact (as the derive and the generator checked it, it parses).
fn json_text(text: &str) -> String {
    serde_json::from_str::<Value>(text).map_or_else(|_| text.to_owned(), |v| v.to_string())
}

/// `a string`, `an integer`, `null`, `any JSON value`.
fn with_article(word: &str) -> String {
    match word.chars().next() {
        _ if word == "null" || word.starts_with("any ") => word.to_owned(),
        Some('a' | 'e' | 'i' | 'o' | 'u') => format!("an {word}"),
        _ => format!("a {word}"),
    }
}

/// One violation: where (a JSON Pointer over the wire names), what (a code and parameters).
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationError {
    /// Borrowed when the pointer is a constant (a member of the whole document named in the
    /// code), so most errors allocate nothing for their path.
    path: Cow<'static, str>,
    kind: ErrorKind,
    /// The union variant (its tag) the error was found under, when a union without its
    /// discriminator was checked against the variant with the fewest errors. A reference to
    /// the union's `TAGS` entry: a thin pointer keeps the error within 112 bytes.
    variant: Option<&'static &'static str>,
}

impl ValidationError {
    /// An error at `path` (an RFC 6901 JSON Pointer, `""` for the whole document).
    pub fn new(path: impl Into<Cow<'static, str>>, kind: ErrorKind) -> Self {
        ValidationError {
            path: path.into(),
            kind,
            variant: None,
        }
    }

    /// The error as found under the union variant tagged `tag` (see [`crate::union`]): its
    /// parameters gain `"variant": tag`. An error already under a variant (of a union nested in
    /// that variant) keeps the innermost one.
    #[must_use]
    pub fn under_variant(mut self, tag: &'static &'static str) -> Self {
        self.variant.get_or_insert(tag);
        self
    }

    /// The tag of the union variant the error was found under, when a union without its
    /// discriminator was checked against the variant that came closest
    /// ([`crate::union`]).
    pub fn variant(&self) -> Option<&'static str> {
        self.variant.copied()
    }

    /// The RFC 6901 JSON Pointer of the offending value (`/bucketName`), or of the member that
    /// is missing; `""` for the whole document.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        self.kind.code()
    }

    /// The code with its typed parameters.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The parameters as a JSON object: the kind's ([`ErrorKind::params`]), plus `variant`
    /// when the error was found under a union variant ([`variant`](ValidationError::variant)).
    /// The same object that serializing the error writes under `params`.
    pub fn params(&self) -> Map<String, Value> {
        match serde_json::to_value(Params(&self.kind, self.variant())) {
            Ok(Value::Object(map)) => map,
            _ => Map::new(),
        }
    }

    /// The human message, stating the rule (e.g. `must be 1 to 200 characters, got 201`).
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.kind)
    }
}

impl std::error::Error for ValidationError {}

impl Serialize for ValidationError {
    /// `{"path": "/name", "code": "length", "message": "...", "params": {...}}`, written
    /// straight to the serializer: the message through `Display`, the parameters as
    /// [`params`](ValidationError::params) has them (keys in order), neither built first.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ValidationError", 4)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("code", self.code().as_str())?;
        s.serialize_field("message", &Message(&self.kind))?;
        s.serialize_field("params", &Params(&self.kind, self.variant()))?;
        s.end()
    }
}

/// The message of an error kind, serialized from its `Display` (a constant one as the string it
/// is, without formatting: the same text).
struct Message<'a>(&'a ErrorKind);

impl Serialize for Message<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.fixed_message() {
            Some(message) => serializer.serialize_str(message),
            None => serializer.collect_str(self.0),
        }
    }
}

/// The parameters of an error kind, and the union variant it was found under if any, serialized
/// as the object [`ValidationError::params`] builds, keys in the same order (sorted, whether or
/// not serde_json keeps insertion order; `variant` sorts after every kind's keys).
struct Params<'a>(&'a ErrorKind, Option<&'static str>);

impl Params<'_> {
    /// How many parameters `serialize` writes (a serializer may need the count first).
    fn len(&self) -> usize {
        usize::from(self.1.is_some()) + self.kind_len()
    }

    /// How many parameters the kind has.
    fn kind_len(&self) -> usize {
        match self.0 {
            ErrorKind::Syntax { .. } | ErrorKind::Type { .. } => 2,
            ErrorKind::Required
            | ErrorKind::UnknownField
            | ErrorKind::Contains
            | ErrorKind::Not => 0,
            ErrorKind::AnyOf { .. } => 1,
            ErrorKind::Length { min, max, .. } => {
                2 + usize::from(min.is_some()) + usize::from(max.is_some())
            }
            ErrorKind::Pattern { rule, .. } => 1 + usize::from(rule.is_some()),
            ErrorKind::Enum { .. } => 1,
            ErrorKind::Format { .. } | ErrorKind::Range { .. } => 3,
            ErrorKind::Forbidden { context } => usize::from(context.is_some()),
            ErrorKind::Const { .. } | ErrorKind::EnumValues { .. } => 1,
            ErrorKind::MultipleOf { .. }
            | ErrorKind::UniqueItems { .. }
            | ErrorKind::MinProperties { .. }
            | ErrorKind::MaxProperties { .. }
            | ErrorKind::MinContains { .. }
            | ErrorKind::MaxContains { .. }
            | ErrorKind::OneOf { .. }
            | ErrorKind::DependentRequired { .. }
            | ErrorKind::PropertyNames { .. } => 2,
        }
    }
}

impl Serialize for Params<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let kind = self.0;
        let mut map = serializer.serialize_map(Some(self.len()))?;
        match kind {
            ErrorKind::Syntax { line, column, .. } => {
                map.serialize_entry("column", column)?;
                map.serialize_entry("line", line)?;
            }
            ErrorKind::Type { expected, actual } => {
                map.serialize_entry("actual", actual)?;
                map.serialize_entry("expected", expected)?;
            }
            ErrorKind::Required | ErrorKind::UnknownField => {}
            ErrorKind::Length {
                unit,
                min,
                max,
                actual,
            } => {
                map.serialize_entry("actual", actual)?;
                if let Some(max) = max {
                    map.serialize_entry("max", max)?;
                }
                if let Some(min) = min {
                    map.serialize_entry("min", min)?;
                }
                map.serialize_entry("unit", unit.noun())?;
            }
            ErrorKind::Pattern { pattern, rule } => {
                map.serialize_entry("pattern", pattern)?;
                if let Some(rule) = rule {
                    map.serialize_entry("rule", rule)?;
                }
            }
            ErrorKind::Format { format, violation } => {
                map.serialize_entry("expected", violation.expected)?;
                map.serialize_entry("format", format)?;
                map.serialize_entry("part", violation.part)?;
            }
            ErrorKind::Enum { allowed } => map.serialize_entry("allowed", allowed)?,
            ErrorKind::Forbidden { context } => {
                if let Some(context) = context {
                    map.serialize_entry("context", context)?;
                }
            }
            ErrorKind::Range {
                bound,
                limit,
                actual,
            } => {
                map.serialize_entry("actual", &actual.to_json())?;
                map.serialize_entry("bound", bound.keyword())?;
                map.serialize_entry("limit", &limit.to_json())?;
            }
            ErrorKind::Const { expected } => {
                map.serialize_entry("expected", &JsonText(expected))?;
            }
            ErrorKind::EnumValues { allowed } => {
                map.serialize_entry("allowed", &JsonText(allowed))?;
            }
            ErrorKind::MultipleOf { divisor, actual } => {
                map.serialize_entry("actual", &actual.to_json())?;
                map.serialize_entry("multipleOf", &divisor.to_json())?;
            }
            ErrorKind::UniqueItems { first, second } => {
                map.serialize_entry("first", first)?;
                map.serialize_entry("second", second)?;
            }
            ErrorKind::MinProperties { min, actual } => {
                map.serialize_entry("actual", actual)?;
                map.serialize_entry("min", min)?;
            }
            ErrorKind::MaxProperties { max, actual } | ErrorKind::MaxContains { max, actual } => {
                map.serialize_entry("actual", actual)?;
                map.serialize_entry("max", max)?;
            }
            ErrorKind::Contains | ErrorKind::Not => {}
            ErrorKind::AnyOf { branches } => map.serialize_entry("branches", branches)?,
            ErrorKind::OneOf { branches, matched } => {
                map.serialize_entry("branches", branches)?;
                map.serialize_entry("matched", matched)?;
            }
            ErrorKind::MinContains { min, actual } => {
                map.serialize_entry("actual", actual)?;
                map.serialize_entry("min", min)?;
            }
            ErrorKind::DependentRequired { property, missing } => {
                map.serialize_entry("missing", missing)?;
                map.serialize_entry("property", property)?;
            }
            ErrorKind::PropertyNames { property, reason } => {
                map.serialize_entry("property", property)?;
                map.serialize_entry("reason", &Reason(reason))?;
            }
        }
        if let Some(variant) = self.1 {
            map.serialize_entry("variant", variant)?;
        }
        map.end()
    }
}

/// The error a member's name has (`propertyNames`): `{"code": ..., "params": {...}}`.
struct Reason<'a>(&'a ErrorKind);

impl Serialize for Reason<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Reason", 2)?;
        s.serialize_field("code", self.0.code().as_str())?;
        s.serialize_field("params", &Params(self.0, None))?;
        s.end()
    }
}

/// JSON text, serialized as the value it writes (`null` if it is not JSON, which the derive
/// and the generator refuse).
struct JsonText(&'static str);

impl Serialize for JsonText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde_json::from_str::<Value>(self.0)
            .unwrap_or(Value::Null)
            .serialize(serializer)
    }
}

/// Every error of one validation, in the order the fields were checked. Never empty.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ValidationErrors(Vec<ValidationError>);

impl ValidationErrors {
    /// `Ok(())` when `errors` is empty, the errors otherwise.
    pub fn check(errors: Vec<ValidationError>) -> Result<(), ValidationErrors> {
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(errors))
        }
    }

    /// The errors, in order.
    pub fn as_slice(&self) -> &[ValidationError] {
        &self.0
    }

    /// The errors, in order.
    pub fn into_vec(self) -> Vec<ValidationError> {
        self.0
    }

    /// How many errors.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: a `ValidationErrors` holds at least one error.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The errors, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, ValidationError> {
        self.0.iter()
    }
}

impl From<ValidationError> for ValidationErrors {
    fn from(error: ValidationError) -> Self {
        ValidationErrors(vec![error])
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = std::slice::Iter<'a, ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = std::vec::IntoIter<ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of every kind, with and without its optional parameters.
    fn kinds() -> Vec<ErrorKind> {
        const ALLOWED: &[&str] = &["S3", "GCS"];
        let violation = FormatViolation {
            part: "account_id",
            expected: "exactly 12 ASCII digits",
        };
        vec![
            ErrorKind::Syntax {
                message: "expected `:` \"here\"".into(),
                line: 3,
                column: 14,
            },
            ErrorKind::Type {
                expected: "string",
                actual: "null",
            },
            ErrorKind::Required,
            ErrorKind::UnknownField,
            ErrorKind::Length {
                unit: LengthUnit::Characters,
                min: Some(1),
                max: Some(200),
                actual: 0,
            },
            ErrorKind::Length {
                unit: LengthUnit::Items,
                min: None,
                max: Some(3),
                actual: 4,
            },
            ErrorKind::Length {
                unit: LengthUnit::Characters,
                min: Some(3),
                max: None,
                actual: 2,
            },
            ErrorKind::Pattern {
                pattern: "^[a-z]+$",
                rule: None,
            },
            ErrorKind::Pattern {
                pattern: "^[a-z]+$",
                rule: Some("must be lower-case letters"),
            },
            ErrorKind::Format {
                format: "aws-iam-role-arn",
                violation,
            },
            ErrorKind::Enum { allowed: ALLOWED },
            ErrorKind::Forbidden {
                context: Some("create"),
            },
            ErrorKind::Forbidden { context: None },
            ErrorKind::Range {
                bound: RangeBound::ExclusiveMaximum,
                limit: Number::Int(10),
                actual: Number::Float(10.5),
            },
            ErrorKind::Const {
                expected: "{\"b\": [1, null], \"a\": 2.5}",
            },
            ErrorKind::EnumValues {
                allowed: "[1, \"a\", null]",
            },
            ErrorKind::MultipleOf {
                divisor: Number::Float(0.01),
                actual: Number::Float(19.995),
            },
            ErrorKind::UniqueItems {
                first: 0,
                second: 3,
            },
            ErrorKind::MinProperties { min: 2, actual: 1 },
            ErrorKind::MaxProperties { max: 1, actual: 3 },
            ErrorKind::Contains,
            ErrorKind::MinContains { min: 2, actual: 1 },
            ErrorKind::MaxContains { max: 1, actual: 3 },
            ErrorKind::Not,
            ErrorKind::AnyOf { branches: 2 },
            ErrorKind::OneOf {
                branches: 3,
                matched: 2,
            },
            ErrorKind::DependentRequired {
                property: "bill",
                missing: "billing_address",
            },
            ErrorKind::PropertyNames {
                property: "a\"b".to_owned(),
                reason: Box::new(ErrorKind::Length {
                    unit: LengthUnit::Characters,
                    min: None,
                    max: Some(2),
                    actual: 3,
                }),
            },
        ]
    }

    #[test]
    fn a_property_name_error_says_the_name_and_what_is_wrong_with_it() {
        let kind = ErrorKind::PropertyNames {
            property: "a\"b".to_owned(),
            reason: Box::new(ErrorKind::Pattern {
                pattern: "^[a-z]+$",
                rule: None,
            }),
        };
        assert_eq!(kind.code(), ErrorCode::PropertyNames);
        assert_eq!(kind.code().as_str(), "propertyNames");
        assert_eq!(
            kind.to_string(),
            "has the member name \"a\\\"b\", which must match the pattern `^[a-z]+$` (`propertyNames`)"
        );
    }

    /// The message serialized is the message displayed, whether it is a constant (written as
    /// it is) or formatted; the constant ones pinned.
    #[test]
    fn every_kind_serializes_the_message_it_displays() {
        for kind in kinds() {
            let error = ValidationError::new("/a", kind.clone());
            let json = serde_json::to_value(&error).ok();
            let message = json.as_ref().and_then(|v| v["message"].as_str());
            assert_eq!(message, Some(kind.to_string().as_str()), "{kind:?}");
        }
        let fixed = [
            (ErrorKind::Required, "is required"),
            (ErrorKind::UnknownField, "is not a known field"),
            (
                ErrorKind::Forbidden { context: None },
                "must not be present",
            ),
            (
                ErrorKind::Contains,
                "must have an item that satisfies `contains`, but none does",
            ),
            (
                ErrorKind::Not,
                "must not satisfy the schema of `not`, but does",
            ),
            (
                ErrorKind::Pattern {
                    pattern: "^a$",
                    rule: Some("must be a"),
                },
                "must be a",
            ),
        ];
        for (kind, message) in fixed {
            assert_eq!(kind.fixed_message(), Some(message));
            assert_eq!(kind.to_string(), message);
        }
        let formatted = [
            ErrorKind::Forbidden {
                context: Some("create"),
            },
            ErrorKind::Pattern {
                pattern: "^a$",
                rule: None,
            },
        ];
        for kind in formatted {
            assert_eq!(kind.fixed_message(), None);
        }
    }

    #[test]
    fn every_kind_serializes_its_documented_params_in_sorted_key_order() {
        let expected = [
            r#"{"column":14,"line":3}"#,
            r#"{"actual":"null","expected":"string"}"#,
            r#"{}"#,
            r#"{}"#,
            r#"{"actual":0,"max":200,"min":1,"unit":"characters"}"#,
            r#"{"actual":4,"max":3,"unit":"items"}"#,
            r#"{"actual":2,"min":3,"unit":"characters"}"#,
            r#"{"pattern":"^[a-z]+$"}"#,
            r#"{"pattern":"^[a-z]+$","rule":"must be lower-case letters"}"#,
            r#"{"expected":"exactly 12 ASCII digits","format":"aws-iam-role-arn","part":"account_id"}"#,
            r#"{"allowed":["S3","GCS"]}"#,
            r#"{"context":"create"}"#,
            r#"{}"#,
            r#"{"actual":10.5,"bound":"exclusiveMaximum","limit":10}"#,
            r#"{"expected":{"a":2.5,"b":[1,null]}}"#,
            r#"{"allowed":[1,"a",null]}"#,
            r#"{"actual":19.995,"multipleOf":0.01}"#,
            r#"{"first":0,"second":3}"#,
            r#"{"actual":1,"min":2}"#,
            r#"{"actual":3,"max":1}"#,
            r#"{}"#,
            r#"{"actual":1,"min":2}"#,
            r#"{"actual":3,"max":1}"#,
            r#"{}"#,
            r#"{"branches":2}"#,
            r#"{"branches":3,"matched":2}"#,
            r#"{"missing":"billing_address","property":"bill"}"#,
            r#"{"property":"a\"b","reason":{"code":"length","params":{"actual":3,"max":2,"unit":"characters"}}}"#,
        ];
        let kinds = kinds();
        assert_eq!(kinds.len(), expected.len());
        for (kind, params) in kinds.into_iter().zip(expected) {
            let error = ValidationError::new("/a~1b", kind.clone());
            // The count announced before the entries is the count written.
            let written: Option<Value> = serde_json::from_str(params).ok();
            assert_eq!(
                written.as_ref().and_then(Value::as_object).map(Map::len),
                Some(Params(&kind, None).len()),
                "{kind:?}"
            );
            // Streamed, as the CLI writes it, and built, as `params()` gives it.
            assert_eq!(
                serde_json::to_string(&Params(&kind, None)).ok().as_deref(),
                Some(params),
                "{kind:?}"
            );
            assert_eq!(
                serde_json::to_string(&error.params()).ok().as_deref(),
                Some(params),
                "{kind:?}"
            );
            let text = serde_json::to_string(&error).unwrap_or_default();
            let prefix = format!(r#"{{"path":"/a~1b","code":"{}","message":"#, kind.code());
            assert!(text.starts_with(&prefix), "{text}");
            assert!(
                text.ends_with(&format!(r#","params":{params}}}"#)),
                "{text}"
            );
            let parsed: Option<Value> = serde_json::from_str(&text).ok();
            assert_eq!(
                parsed.as_ref().and_then(|v| v["message"].as_str()),
                Some(error.message().as_str()),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn an_error_stays_within_112_bytes() {
        assert!(std::mem::size_of::<ValidationError>() <= 112);
    }

    #[test]
    fn an_error_under_a_union_variant_names_it_last_in_its_params() {
        for kind in kinds() {
            let plain = ValidationError::new("/a", kind.clone());
            let error = plain.clone().under_variant(&"S3").under_variant(&"GCS");
            assert_eq!(error.variant(), Some("S3"), "the innermost variant stays");
            let mut expected = kind.params();
            expected.insert("variant".to_owned(), Value::from("S3"));
            assert_eq!(error.params(), expected, "{kind:?}");
            let params = error.params();
            let keys: Vec<&String> = params.keys().collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(keys, sorted, "{kind:?}");
            assert_eq!(
                Params(&kind, Some("S3")).len(),
                Params(&kind, None).len() + 1
            );
            let text = serde_json::to_string(&error).unwrap_or_default();
            assert!(
                text.ends_with(&format!(
                    r#","params":{}}}"#,
                    serde_json::to_string(&expected).unwrap_or_default()
                )),
                "{text}"
            );
            // The message is the kind's; the variant is a parameter.
            assert_eq!(error.message(), plain.message());
            assert_ne!(error, plain);
        }
    }
}
