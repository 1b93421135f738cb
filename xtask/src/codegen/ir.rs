//! The intermediate model between the fragment and the tokens: types, fields and constraints
//! in the vocabulary of `#[spec(...)]`.

use m3ter_vocab::endpoint::StatusRange;

/// Everything one fragment generates, in document order.
#[derive(Debug, Default)]
pub struct Module {
    /// The generated types.
    pub items: Vec<Item>,
    /// The operations with `x-m3ter-operation`, in document order.
    pub operations: Vec<Operation>,
}

/// An operation named with `x-m3ter-operation`: its descriptor, parameters, request body and
/// responses.
#[derive(Debug)]
pub struct Operation {
    /// The `x-m3ter-operation` name, e.g. `create`.
    pub name: String,
    /// The Rust variant name, e.g. `Create`.
    pub variant: String,
    /// The descriptor type's name, from the `operationId` (`PostDestination`).
    pub descriptor: String,
    /// The `operationId` as written.
    pub operation_id: String,
    /// The HTTP method, lower case as in the document (`post`).
    pub method: String,
    /// The path template (`/organizations/{orgId}/dataexports/destinations`).
    pub path: String,
    /// Doc lines from `summary` and `description`.
    pub docs: Docs,
    /// The path and query parameters, path-level ones first.
    pub params: Vec<Param>,
    /// The generated request body type, if the operation has a JSON body.
    pub request_type: Option<String>,
    /// The responses in document order: the status key (`200`, `4XX`, `default`) and the body
    /// type, if the response has a JSON body.
    pub responses: Vec<(StatusRange, Option<String>)>,
    /// The strict profile's rules of the request body (per union variant tag, or `""` for a
    /// body that is one struct).
    pub strict: Vec<(String, Vec<StrictRule>)>,
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamIn {
    /// A `{name}` of the path template.
    Path,
    /// The query string.
    Query,
}

/// A path or query parameter, as a field of the operation's descriptor.
#[derive(Debug)]
pub struct Param {
    /// The field.
    pub field: Field,
    /// Where it goes.
    pub location: ParamIn,
    /// A query array with `explode: true` (`ids=a&ids=b`); `false` joins with commas.
    pub explode: bool,
}

/// A generated type.
#[derive(Debug)]
pub enum Item {
    /// A struct for an object schema.
    Struct(Struct),
    /// A Rust enum for a string `enum`.
    Enum(Enum),
    /// A discriminated union (`anyOf`/`oneOf` with a `discriminator`).
    Union(Union),
}

/// A discriminated union: one variant per mapping entry, in mapping order.
#[derive(Debug)]
pub struct Union {
    /// The Rust type name.
    pub name: String,
    /// Doc lines.
    pub docs: Docs,
    /// The discriminator member, on the wire.
    pub discriminator: String,
    /// The variants, in mapping order.
    pub variants: Vec<UnionVariant>,
}

/// A variant of a union.
#[derive(Debug, Clone)]
pub struct UnionVariant {
    /// The Rust variant name (from the tag).
    pub rust_name: String,
    /// The discriminator's value (the mapping key).
    pub tag: String,
    /// The struct it holds.
    pub type_name: String,
}

/// Documentation lines gathered from `title`, `description`, `example(s)`, `deprecated`,
/// `readOnly` and `writeOnly`.
pub type Docs = Vec<String>;

/// An object schema.
#[derive(Debug)]
pub struct Struct {
    /// The Rust type name.
    pub name: String,
    /// Doc lines.
    pub docs: Docs,
    /// `additionalProperties: false`.
    pub deny_unknown_fields: bool,
    /// The properties, in document order.
    pub fields: Vec<Field>,
    /// The members other than the properties, when `additionalProperties` gives them a
    /// schema or `patternProperties` is beside `properties`.
    pub others: Option<Box<Others>>,
    /// The strict profile's rules (`x-m3ter-strict` on a property).
    pub strict: Vec<StrictRule>,
}

/// The map of an object's other members (a `#[serde(flatten)]` field), with the keywords
/// that JSON Schema applies to the object's members: `pattern_properties` (to every member
/// whose name matches, declared ones too) and `additional_properties` (to the members neither
/// declared nor matched).
#[derive(Debug)]
pub struct Others {
    /// The Rust field name (`additional_properties`, numbered past a property's name).
    pub rust_name: String,
    /// `pattern_properties` and `additional_properties`.
    pub keywords: Keywords,
}

/// A rule of the strict profile: the format a string member must have in the cloud
/// (`x-m3ter-strict: {"format": …}`).
#[derive(Debug, Clone, PartialEq)]
pub struct StrictRule {
    /// The member checked, on the wire.
    pub member: String,
    /// The format it must have.
    pub format: m3ter_vocab::Format,
    /// Where the rule is written (its `x-m3ter-strict`), for errors.
    pub at: String,
}

/// A property.
#[derive(Debug)]
pub struct Field {
    /// The Rust field name (without `r#`).
    pub rust_name: String,
    /// The name on the wire.
    pub wire_name: String,
    /// Doc lines.
    pub docs: Docs,
    /// The value's type.
    pub ty: Ty,
    /// The value is held in a `Box`: a member whose type contains the struct that holds it (a
    /// reference within a `$ref` cycle), which Rust can only lay out behind a pointer.
    pub boxed: bool,
    /// How the member may appear.
    pub presence: Presence,
    /// The schema allows `null` (a 3.1 type array with `"null"`).
    pub nullable: bool,
    /// The constraints on the value.
    pub keywords: Keywords,
    /// The discriminator of a union variant: its one-value enum's Rust variant, which the
    /// constructor sets.
    pub tag: Option<String>,
}

/// How a member may appear in the JSON object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Presence {
    /// Must be present and not null: `T`.
    Required,
    /// Must be present, may be null: `Option<T>`, serialized as `null`.
    RequiredNullable,
    /// May be absent (or null where the schema allows): `Option<T>`, omitted when `None`.
    Optional,
    /// Must be absent in this operation: `Option<T>` reported as `forbidden` when `Some`.
    Forbidden {
        /// The operation, e.g. `create`.
        operation: String,
    },
}

/// The Rust type of a value.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    /// `String`
    String,
    /// `i32` (`format: int32`)
    I32,
    /// `i64`
    I64,
    /// `f64`
    F64,
    /// `bool`
    Bool,
    /// `Uuid` (`format: uuid`)
    Uuid,
    /// `DateTime<Utc>` (`format: date-time`)
    DateTime,
    /// A generated type; `true` when it is a struct (validated with `nested`).
    Named(String, bool),
    /// `Vec<T>`
    Array(Box<Ty>),
    /// An object without declared properties: a JSON map.
    Map,
    /// Any JSON value (`serde_json::Value`): a schema of several types or none, checked by
    /// its value keywords (`type` among them).
    Any,
    /// Any JSON value whose object case is this generated struct (`ObjectOr<T>`): a schema
    /// with `properties` but no `type`, which JSON Schema applies to objects only.
    ObjectOr(String),
}

/// A number literal of a range keyword, as written in the fragment.
pub type NumberLit = m3ter_vocab::Number;

/// Constraints, in the vocabulary's one constraints struct (a slot per `#[spec]` keyword).
pub type Keywords = m3ter_vocab::Constraints<m3ter_vocab::Owned>;

/// A string enum.
#[derive(Debug)]
pub struct Enum {
    /// The Rust type name.
    pub name: String,
    /// Doc lines.
    pub docs: Docs,
    /// The variants, in document order.
    pub variants: Vec<Variant>,
}

/// A variant of a string enum.
#[derive(Debug)]
pub struct Variant {
    /// The Rust variant name.
    pub rust_name: String,
    /// The string on the wire.
    pub wire: String,
}
