//! What a field's type looks like, read from its syntax, so that a keyword on the wrong kind of
//! field is a compile error on the keyword.

use syn::{GenericArgument, PathArguments, Type};

/// The shape of a field's type.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Shape {
    Str,
    Int,
    Float,
    Bool,
    List(Box<Shape>),
    Optional(Box<Shape>),
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
                    "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" => Shape::Int,
                    "f32" | "f64" => Shape::Float,
                    "bool" => Shape::Bool,
                    "Option" => Shape::Optional(Box::new(first_arg(&last.arguments))),
                    "Vec" => Shape::List(Box::new(first_arg(&last.arguments))),
                    "Box" => first_arg(&last.arguments),
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

    /// The shape of a list's items (`Other` when unknown).
    pub(crate) fn item(&self) -> Shape {
        match self.present() {
            Shape::List(item) => (**item).clone(),
            _ => Shape::Other,
        }
    }

    pub(crate) fn describe(&self) -> &'static str {
        match self.present() {
            Shape::Str => "a string",
            Shape::Int => "an integer",
            Shape::Float => "a float",
            Shape::Bool => "a bool",
            Shape::List(_) => "a list",
            Shape::Optional(_) | Shape::Other => "another type",
        }
    }
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
