//! What a field's type looks like, read from its syntax, so that a keyword on the wrong kind of
//! field is a compile error on the keyword.

use m3ter_vocab::Types;
use syn::{GenericArgument, PathArguments, Type};

/// The shape of a field's type.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Shape {
    Str,
    /// An integer type, with its range.
    Int(i128, i128),
    Float,
    Bool,
    List(Box<Shape>),
    /// A map from strings (a JSON object), with the shape of its values.
    Map(Box<Shape>),
    Optional(Box<Shape>),
    /// `serde_json::Value`: any JSON value. Every value keyword applies to it, each checking
    /// only a value of its JSON types (`min_length` checks nothing on a number); `type` says
    /// which JSON types it may have.
    Any,
    /// A type the macro cannot read (an alias, a user type): the trait bounds decide.
    Other,
}

impl Shape {
    pub(crate) fn of(ty: &Type) -> Shape {
        match ty {
            Type::Reference(r) => Shape::of(&r.elem),
            Type::Paren(p) => Shape::of(&p.elem),
            Type::Group(g) => Shape::of(&g.elem),
            Type::Slice(s) => Shape::List(Box::new(Shape::of(&s.elem))),
            Type::Path(p) if p.qself.is_none() => {
                let Some(last) = p.path.segments.last() else {
                    return Shape::Other;
                };
                let name = last.ident.to_string();
                match name.as_str() {
                    "String" | "str" => Shape::Str,
                    "i8" => Shape::Int(i8::MIN.into(), i8::MAX.into()),
                    "i16" => Shape::Int(i16::MIN.into(), i16::MAX.into()),
                    "i32" => Shape::Int(i32::MIN.into(), i32::MAX.into()),
                    "i64" => Shape::Int(i64::MIN.into(), i64::MAX.into()),
                    "u8" => Shape::Int(0, u8::MAX.into()),
                    "u16" => Shape::Int(0, u16::MAX.into()),
                    "u32" => Shape::Int(0, u32::MAX.into()),
                    "u64" => Shape::Int(0, u64::MAX.into()),
                    "HashMap" | "BTreeMap" => Shape::Map(Box::new(second_arg(&last.arguments))),
                    "f32" | "f64" => Shape::Float,
                    "bool" => Shape::Bool,
                    "Option" => Shape::Optional(Box::new(first_arg(&last.arguments))),
                    "Vec" => Shape::List(Box::new(first_arg(&last.arguments))),
                    "Box" => first_arg(&last.arguments),
                    // `serde_json::Value` (or `Value` imported): a path of one segment or one
                    // ending in `serde_json::Value`.
                    "Value" if is_json_value(&p.path) => Shape::Any,
                    _ => Shape::Other,
                }
            }
            _ => Shape::Other,
        }
    }

    /// The shape under any `Option`.
    pub(crate) fn present(&self) -> &Shape {
        match self {
            Shape::Optional(inner) => inner.present(),
            other => other,
        }
    }

    /// The shape of a list's items (`Other` when unknown; any JSON value for the items of a
    /// `serde_json::Value`).
    pub(crate) fn item(&self) -> Shape {
        match self.present() {
            Shape::List(item) => (**item).clone(),
            Shape::Any => Shape::Any,
            _ => Shape::Other,
        }
    }

    /// The shape of a map's member values (`Other` when unknown; any JSON value for the
    /// members of a `serde_json::Value`).
    pub(crate) fn member_value(&self) -> Shape {
        match self.present() {
            Shape::Map(value) => (**value).clone(),
            Shape::Any => Shape::Any,
            _ => Shape::Other,
        }
    }

    /// The JSON types a value of this shape has; `None` when the macro cannot tell.
    pub(crate) fn json_types(&self) -> Option<Types> {
        Some(match self.present() {
            Shape::Str => Types::STRING,
            Shape::Int(..) | Shape::Float => Types::NUMBER,
            Shape::Bool => return Some(Types::BOOLEAN),
            Shape::List(_) => Types::ARRAY,
            Shape::Map(_) => Types::OBJECT,
            Shape::Any => Types::ANY,
            Shape::Optional(_) | Shape::Other => return None,
        })
    }

    /// The range of an integer shape.
    pub(crate) fn integer_range(&self) -> Option<(i128, i128)> {
        match self.present() {
            Shape::Int(min, max) => Some((*min, *max)),
            _ => None,
        }
    }

    pub(crate) fn describe(&self) -> &'static str {
        match self.present() {
            Shape::Str => "a string",
            Shape::Int(..) => "an integer",
            Shape::Float => "a float",
            Shape::Bool => "a bool",
            Shape::List(_) => "a list",
            Shape::Map(_) => "a map",
            Shape::Any => "any JSON value",
            Shape::Optional(_) | Shape::Other => "another type",
        }
    }
}

/// The shape of the second type argument (a map's values).
fn second_arg(args: &PathArguments) -> Shape {
    if let PathArguments::AngleBracketed(args) = args {
        let mut types = args.args.iter().filter_map(|arg| match arg {
            GenericArgument::Type(ty) => Some(ty),
            _ => None,
        });
        if let (Some(_), Some(value)) = (types.next(), types.next()) {
            return Shape::of(value);
        }
    }
    Shape::Other
}

fn first_arg(args: &PathArguments) -> Shape {
    if let PathArguments::AngleBracketed(args) = args {
        for arg in &args.args {
            if let GenericArgument::Type(ty) = arg {
                return Shape::of(ty);
            }
        }
    }
    Shape::Other
}

/// Whether `path` names `serde_json::Value`: `Value` alone (imported), or a path whose last two
/// segments are `serde_json::Value`.
fn is_json_value(path: &syn::Path) -> bool {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    match segments.as_slice() {
        [only] => only == "Value",
        [.., krate, last] => krate == "serde_json" && last == "Value",
        [] => false,
    }
}
