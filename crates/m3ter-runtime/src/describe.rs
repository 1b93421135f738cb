//! The constraints of a type as data: what `#[derive(Validate)]` with `#[spec(json)]` reads from
//! the `#[spec]` keywords, exposed as static descriptors. The proptest strategies (feature
//! `proptest`) are built from these, so they follow the spec with no list of their own.

/// The JSON shape of a Rust type.
#[derive(Debug)]
pub enum Kind {
    /// A JSON string.
    String,
    /// A JSON integer within the Rust type's range.
    Integer {
        /// The type's smallest value.
        min: i128,
        /// The type's largest value.
        max: i128,
    },
    /// A JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A string holding a hyphenated UUID.
    Uuid,
    /// A string holding an RFC 3339 date-time.
    DateTime,
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// An object with these members.
    Object(&'static TypeSpec),
    /// A discriminated union of object types ([`crate::union`]).
    Union(&'static UnionSpec),
    /// An array of items of this kind.
    Array(&'static Kind),
    /// An object whose every member's value is of this kind: a map (`HashMap` or `BTreeMap`
    /// of `String` keys, its value type's kind; `serde_json::Map` of [`Kind::Any`]).
    Map(&'static Kind),
    /// Any JSON value.
    Any,
    /// Any JSON value; an object is of this kind ([`crate::ObjectOr`]).
    ObjectOr(&'static Kind),
    /// The kind this function gives, read when it is needed ([`Kind::resolved`]): what the
    /// derive writes for a member whose type holds values behind a pointer (a list, a map, a
    /// box), through which a type may refer to itself (a recursive type), since a constant
    /// defined through itself does not compile. Never the kind of a type itself.
    Lazy(fn() -> &'static Kind),
}

impl Kind {
    /// The kind itself, a [`Kind::Lazy`] read (in turn, while it gives one).
    pub fn resolved(&'static self) -> &'static Kind {
        let mut kind = self;
        while let Kind::Lazy(next) = kind {
            kind = next();
        }
        kind
    }
}

/// An object type: its members and whether it allows others.
#[derive(Debug)]
pub struct TypeSpec {
    /// The Rust type's name.
    pub name: &'static str,
    /// The members, in declaration order.
    pub fields: &'static [FieldSpec],
    /// Members other than these are errors (`additionalProperties: false`).
    pub deny_unknown_fields: bool,
    /// The keywords of the map of the other members (a `#[serde(flatten)]` field with
    /// `pattern_properties` or `additional_properties`), which apply to the object's members:
    /// each pattern to the declared members whose names match it too.
    pub others: Option<&'static Constraints>,
}

/// A discriminated union: which member tells its variants apart, and the variants.
#[derive(Debug)]
pub struct UnionSpec {
    /// The Rust type's name.
    pub name: &'static str,
    /// The discriminator's wire name.
    pub discriminator: &'static str,
    /// The variants, in mapping order.
    pub variants: &'static [UnionVariantSpec],
}

/// One variant of a union.
#[derive(Debug)]
pub struct UnionVariantSpec {
    /// The discriminator value that selects it.
    pub tag: &'static str,
    /// Its type's kind (an object).
    pub kind: &'static Kind,
}

/// One member of an object type.
#[derive(Debug)]
pub struct FieldSpec {
    /// The member's name on the wire.
    pub wire_name: &'static str,
    /// The value's kind (without `Option`).
    pub kind: &'static Kind,
    /// The member must be present.
    pub required: bool,
    /// The member may be `null`.
    pub nullable: bool,
    /// The member must be absent (an operation rule).
    pub forbidden: bool,
    /// The constraints on its value.
    pub constraints: Constraints,
}

/// The value constraints of a member: the vocabulary's one constraints struct, holding
/// `'static` data (a slot per `#[spec]` keyword).
pub type Constraints = m3ter_vocab::Constraints<m3ter_vocab::Static>;

/// A type whose JSON shape and constraints are known as data.
pub trait Describe {
    /// The type's kind.
    const KIND: Kind;
}

macro_rules! describe {
    ($($ty:ty => $kind:expr;)*) => {$(
        impl Describe for $ty {
            const KIND: Kind = $kind;
        }
    )*};
}

describe! {
    String => Kind::String;
    bool => Kind::Boolean;
    f64 => Kind::Number;
    f32 => Kind::Number;
    i8 => Kind::Integer { min: i8::MIN as i128, max: i8::MAX as i128 };
    i16 => Kind::Integer { min: i16::MIN as i128, max: i16::MAX as i128 };
    i32 => Kind::Integer { min: i32::MIN as i128, max: i32::MAX as i128 };
    i64 => Kind::Integer { min: i64::MIN as i128, max: i64::MAX as i128 };
    u8 => Kind::Integer { min: 0, max: u8::MAX as i128 };
    u16 => Kind::Integer { min: 0, max: u16::MAX as i128 };
    u32 => Kind::Integer { min: 0, max: u32::MAX as i128 };
    u64 => Kind::Integer { min: 0, max: u64::MAX as i128 };
    uuid::Uuid => Kind::Uuid;
    serde_json::Map<String, serde_json::Value> => Kind::Map(&Kind::Any);
    i128 => Kind::Integer { min: i128::MIN, max: i128::MAX };
    serde_json::Value => Kind::Any;
}

impl<Tz: chrono::TimeZone> Describe for chrono::DateTime<Tz> {
    const KIND: Kind = Kind::DateTime;
}

impl<T: Describe> Describe for Vec<T> {
    const KIND: Kind = Kind::Array(&T::KIND);
}

impl<V: Describe, S> Describe for std::collections::HashMap<String, V, S> {
    const KIND: Kind = Kind::Map(&V::KIND);
}

impl<V: Describe> Describe for std::collections::BTreeMap<String, V> {
    const KIND: Kind = Kind::Map(&V::KIND);
}

/// An item or a map's value that may be `null`: described by its values other than `null`
/// (what a strategy makes of it; a member's own `Option` is the member's `nullable`/`required`,
/// [`FieldSpec`]).
impl<T: Describe> Describe for Option<T> {
    const KIND: Kind = T::KIND;
}

impl<T: Describe> Describe for Box<T> {
    const KIND: Kind = T::KIND;
}
