//! Expand `#[spec(json)]`: `ValidateJson`, the type's rules over raw JSON.
//!
//! The member checks are the same `value_checks` as the typed impl, run on the raw
//! `serde_json::Value` (the runtime rules read it through the same field traits). What serde
//! decides in the typed world is checked here: the JSON type of each member (delegated to the
//! member type's own `ValidateJson`), required members, `null`, and unknown members.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::{GenericArgument, PathArguments, Type};

use m3ter_vocab::Param;

use crate::ast::{Body, Container, Field, Fill, Keywords, Presence};
use crate::expand::{Mode, value_checks};
use crate::serde_rules::Needs;

pub(crate) fn validate_json_impl(container: &Container<'_>) -> TokenStream {
    let ident = &container.input.ident;
    let body = match &container.body {
        // Expanded by `union.rs`.
        Body::Union(_) => return TokenStream::new(),
        Body::Struct { fields, .. } => struct_body(container, fields),
        Body::UnitEnum(variants) => {
            let wires: Vec<&str> = variants
                .iter()
                .filter(|v| !v.skip_deserializing)
                .map(|v| v.wire_name.as_str())
                .collect();
            quote! {
                const __ALLOWED: &[&str] = &[#(#wires),*];
                // Any value but one of the allowed strings, `null` and other types included, is
                // one `enum` error saying what is allowed.
                match __value.as_str() {
                    ::std::option::Option::None => {
                        ::m3ter_models::__private_v0_1::push_enum_error(__ALLOWED, __path, __errors);
                    }
                    ::std::option::Option::Some(__text) => {
                        if !__ALLOWED.contains(&__text) {
                            ::m3ter_models::__private_v0_1::push_enum_error(__ALLOWED, __path, __errors);
                        }
                    }
                }
            }
        }
    };
    let (expected, matches) = match &container.body {
        Body::Struct { .. } | Body::Union(_) => (quote!("object"), quote!(__value.is_object())),
        Body::UnitEnum(_) => (quote!("string"), quote!(__value.is_string())),
    };
    let describe = describe_impl(container);
    let exact = exact_typed_parse(container);
    let equality = unit_enum_equality(container);
    quote! {
        #describe
        #equality

        #[automatically_derived]
        impl ::m3ter_models::ValidateJson for #ident {
            const EXPECTED: &'static str = #expected;
            const EXACT_TYPED_PARSE: bool = #exact;

            fn matches_type(__value: &::m3ter_models::__private_v0_1::serde_json::Value) -> bool {
                #matches
            }

            fn validate_json_at(
                __value: &::m3ter_models::__private_v0_1::serde_json::Value,
                __path: &::m3ter_models::__private_v0_1::Path<'_>,
                __errors: &mut ::std::vec::Vec<::m3ter_models::__private_v0_1::ValidationError>,
            ) {
                #body
            }
        }
    }
}

/// For a unit enum whose values are exactly its wire strings (no alias, no `other`), JSON
/// Schema's equality (`JsonEq`, `ValueField`): a value equals the JSON string of its wire name,
/// so `const`, `enum` and `unique_items` compare it as its JSON. Otherwise nothing: those
/// keywords on it are compile errors (the typed value could stand for several strings).
fn unit_enum_equality(container: &Container<'_>) -> TokenStream {
    let Body::UnitEnum(variants) = &container.body else {
        return TokenStream::new();
    };
    if variants
        .iter()
        .any(|v| v.alias.is_some() || v.special.is_some())
    {
        return TokenStream::new();
    }
    let ident = &container.input.ident;
    let rules = quote!(::m3ter_models::__private_v0_1);
    let arms: Vec<TokenStream> = variants
        .iter()
        .map(|v| {
            let variant = v.ident;
            let wire = &v.wire_name;
            quote!(Self::#variant => #wire)
        })
        .collect();
    let arms_again = &arms;
    quote! {
        #[automatically_derived]
        impl #rules::JsonEq for #ident {
            fn eq_json(&self, __other: &#rules::serde_json::Value) -> bool {
                let __wire: &str = match self { #(#arms,)* };
                __other.as_str() == ::std::option::Option::Some(__wire)
            }
            fn eq_same(&self, __other: &Self) -> bool {
                ::core::mem::discriminant(self) == ::core::mem::discriminant(__other)
            }
            fn json_hash(&self) -> u64 {
                let __wire: &str = match self { #(#arms_again,)* };
                #rules::hash_str(__wire)
            }
        }

        #[automatically_derived]
        impl #rules::ValueField for #ident {
            type Value = Self;
            fn value(&self) -> ::std::option::Option<&Self> {
                ::std::option::Option::Some(self)
            }
        }
    }
}

/// Whether serde's typed parse accepts exactly what the raw walk accepts, as far as the
/// attributes prove it (`ValidateJson::EXACT_TYPED_PARSE`): unknown members refused, each member
/// read by its one wire name with the helpers that make serde refuse `null` where the keywords
/// do and read formats strictly, and each member type exact in turn.
fn exact_typed_parse(container: &Container<'_>) -> TokenStream {
    match &container.body {
        Body::Union(_) => quote!(false),
        Body::UnitEnum(variants) => {
            let exact = variants
                .iter()
                .all(|v| v.alias.is_none() && v.special.is_none());
            quote!(#exact)
        }
        Body::Struct { fields, .. } => {
            if !container.deny_unknown_fields {
                return quote!(false);
            }
            let ident = &container.input.ident;
            let fields = fields
                .iter()
                .filter(|f| !f.skip_deserializing)
                .map(|f| field_exact(f, ident));
            quote!(true #(&& #fields)*)
        }
    }
}

fn field_exact(field: &Field<'_>, ident: &syn::Ident) -> TokenStream {
    // `ValidateJson` is expanded only when `serde_rules::check` passed: each member carries the
    // serde attributes its `Needs` names, so serde reads its presence and `null` as the raw
    // check does, and what is left is whether its type's own `Deserialize` is exact.
    // A member of the type itself (`Vec<Self>`, `Option<Box<Node>>`: a recursive type) is not
    // proven exact: the constant would be defined by itself, which does not compile.
    if field.alias.is_some() || field.flatten || names_itself(field.ty, ident) {
        return quote!(false);
    }
    if Needs::of(field.ty, &field.keywords).strict_format {
        return quote!(true);
    }
    let (inner, _) = present_type(field.ty);
    quote!(<#inner as ::m3ter_models::ValidateJson>::EXACT_TYPED_PARSE)
}

/// Whether the type `ty` names the type being derived (`Self` or its name) anywhere.
fn names_itself(ty: &Type, ident: &syn::Ident) -> bool {
    fn walk(tokens: TokenStream, ident: &syn::Ident) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(name) => name == *ident || name == "Self",
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), ident),
            proc_macro2::TokenTree::Punct(_) | proc_macro2::TokenTree::Literal(_) => false,
        })
    }
    walk(quote!(#ty), ident)
}

/// Whether a member's type `ty` (without its `Option`) may hold other values behind a pointer
/// (any generic type: a list, a map, a box), or names the type being derived: the type of a
/// member through which a type may refer to itself. A plain path (`String`, a user's enum)
/// holds its value in place, so a recursive type never goes through it alone.
fn holds_others(ty: &Type, ident: &syn::Ident) -> bool {
    let Type::Path(path) = ty else {
        return true;
    };
    path.qself.is_some()
        || names_itself(ty, ident)
        || path
            .path
            .segments
            .iter()
            .any(|segment| !segment.arguments.is_none())
}

/// `Describe`: the same facts as data, for the proptest strategies.
fn describe_impl(container: &Container<'_>) -> TokenStream {
    let ident = &container.input.ident;
    let name = ident.to_string();
    let describe = quote!(::m3ter_models::describe);
    let kind = match &container.body {
        Body::Union(_) => return TokenStream::new(),
        Body::UnitEnum(variants) => {
            let wires = variants.iter().map(|v| v.wire_name.as_str());
            quote!(#describe::Kind::Enum(&[#(#wires),*]))
        }
        Body::Struct { fields, .. } => {
            let deny = container.deny_unknown_fields;
            let others = match fields.iter().find(|f| crate::expand::is_others(f)) {
                Some(others) => {
                    let constraints = constraints_ref(&others.keywords);
                    quote!(::std::option::Option::Some(#constraints))
                }
                None => quote!(::std::option::Option::None),
            };
            // The map of the other members (`#[serde(flatten)]`) is no member of its own.
            let fields = fields
                .iter()
                .filter(|f| !f.skip_deserializing && !f.flatten)
                .map(|field| {
                    let wire = &field.wire_name;
                    let (inner, _) = present_type(field.ty);
                    let Presence {
                        required,
                        nullable,
                        forbidden,
                    } = field.presence();
                    let constraints = constraints(&field.keywords);
                    // A type that may hold the type described (through a list, a map, a box:
                    // a recursive type) is read when needed: a constant defined through itself
                    // does not compile.
                    let kind = if holds_others(inner, ident) {
                        quote!(&#describe::Kind::Lazy(|| &<#inner as ::m3ter_models::Describe>::KIND))
                    } else {
                        quote!(&<#inner as ::m3ter_models::Describe>::KIND)
                    };
                    quote! {
                        #describe::FieldSpec {
                            wire_name: #wire,
                            kind: #kind,
                            required: #required,
                            nullable: #nullable,
                            forbidden: #forbidden,
                            constraints: #constraints,
                        }
                    }
                });
            quote! {
                #describe::Kind::Object(&#describe::TypeSpec {
                    name: #name,
                    fields: &[#(#fields),*],
                    deny_unknown_fields: #deny,
                    others: #others,
                })
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl ::m3ter_models::Describe for #ident {
            const KIND: #describe::Kind = #kind;
        }
    }
}

/// A `&'static Constraints<Static>` for `keywords`: a constant of its own, so that a
/// parameter built by a `const fn` (`type`'s `Types`) is `'static` wherever it is used.
pub(crate) fn constraints_ref(keywords: &Keywords) -> TokenStream {
    let vocab = quote!(::m3ter_models::__private_v0_1::vocab);
    let value = constraints(keywords);
    quote!({
        const __CONSTRAINTS: &#vocab::Constraints<#vocab::Static> = &#value;
        __CONSTRAINTS
    })
}

/// A `Constraints<Static>` literal for `keywords`: one slot per keyword set, written by the
/// kind of its parameter, so a new keyword of an existing kind needs nothing here.
pub(crate) fn constraints(keywords: &Keywords) -> TokenStream {
    let vocab = quote!(::m3ter_models::__private_v0_1::vocab);
    let parts = keywords.iter().map(|(keyword, param)| {
        let slot = format_ident!("{}", keyword.slot_name());
        let value = match param {
            Param::Count(n) => {
                let n = n.value;
                quote!(#n)
            }
            Param::Number(n) => crate::expand::number_tokens(n.value),
            Param::Text(lit) | Param::Json(lit) => {
                let lit = &lit.value;
                quote!(#lit)
            }
            Param::Format(format) => {
                let variant = format_ident!("{}", format.value.ident());
                quote!(#vocab::Format::#variant)
            }
            Param::Items(inner) => constraints_ref(&inner.value),
            Param::Schemas(schemas) => {
                let schemas = schemas.value.iter().map(constraints);
                quote!({
                    const __SCHEMAS: &[#vocab::Constraints<#vocab::Static>] = &[#(#schemas),*];
                    __SCHEMAS
                })
            }
            Param::Flag(_) => quote!(()),
            Param::Context(context) => match &context.value {
                Some(lit) => quote!(::std::option::Option::Some(#lit)),
                None => quote!(::std::option::Option::None),
            },
            Param::Types(types) => crate::expand::types_tokens(types.value),
            Param::PatternSchemas(schemas) | Param::MemberSchemas(schemas) => {
                let entries = schemas.value.iter().map(|(lit, inner)| {
                    let inner = constraints_ref(inner);
                    quote!((#lit, #inner))
                });
                quote!(&[#(#entries),*])
            }
        };
        quote!(#slot: ::std::option::Option::Some(#value))
    });
    quote!(#vocab::Constraints::<#vocab::Static> { #(#parts,)* ..#vocab::Constraints::NONE })
}

fn struct_body(container: &Container<'_>, fields: &[Field<'_>]) -> TokenStream {
    let read: Vec<&Field<'_>> = fields.iter().filter(|f| !f.skip_deserializing).collect();
    let checks = fields.iter().map(|f| {
        if f.skip_deserializing {
            // Never read: serde fills it in, and the typed path checks that value.
            let checks = filled_checks(f);
            if checks.is_empty() {
                return checks;
            }
            let wire = &f.wire_name;
            let pointer = crate::expand::root_pointer(wire);
            quote! {
                {
                    let __field_path = __path.member(#wire, #pointer);
                    #checks
                }
            }
        } else if crate::expand::is_others(f) {
            crate::expand::others_checks(f, fields, Mode::Json)
        } else if f.flatten {
            // The other members, checked by nothing (`check` allows no other keyword here).
            TokenStream::new()
        } else {
            field_json(f)
        }
    });
    let unknown = if container.deny_unknown_fields {
        let wires: Vec<&str> = read.iter().map(|f| f.wire_name.as_str()).collect();
        // A struct without fields (an object without members): every member is unknown.
        let unknown_key = if wires.is_empty() {
            quote!(true)
        } else {
            quote!(!matches!(__key.as_str(), #(#wires)|*))
        };
        quote! {
            for __key in __object.keys() {
                if #unknown_key {
                    ::m3ter_models::__private_v0_1::push_unknown_field(__key, __path, __errors);
                }
            }
        }
    } else {
        TokenStream::new()
    };
    quote! {
        let ::std::option::Option::Some(__object) = __value.as_object() else {
            ::m3ter_models::__private_v0_1::push_type_error(__value, "object", __path, __errors);
            return;
        };
        #(#checks)*
        #unknown
    }
}

/// The type of the value under one `Option`, which stands for "may be absent".
pub(crate) fn present_type(ty: &Type) -> (&Type, bool) {
    // A type passed through `macro_rules!` arrives in invisible delimiters.
    if let Type::Group(group) = ty {
        return present_type(&group.elem);
    }
    if let Type::Paren(paren) = ty {
        return present_type(&paren.elem);
    }
    if let Type::Path(path) = ty
        && path.qself.is_none()
        && let Some(last) = path.path.segments.last()
        && last.ident == "Option"
        && let PathArguments::AngleBracketed(args) = &last.arguments
        && let Some(GenericArgument::Type(inner)) = args.args.first()
    {
        return (inner, true);
    }
    (ty, false)
}

/// For a member the document lacks (or serde never reads: `skip_deserializing`) that serde
/// fills with a value: that value, made as serde's derive makes it (the field's `default`, else
/// the struct's), checked by the typed checks of the field's keywords, so that the raw path
/// reports what the typed path reports on it, at the member's pointer. Nothing when serde fills
/// in no value (`None`) or the keywords check nothing.
fn filled_checks(field: &Field<'_>) -> TokenStream {
    let Some(fill) = &field.fill else {
        return TokenStream::new();
    };
    let checks = crate::expand::typed_field_checks(field, &quote!(__filled));
    if checks.is_empty() {
        return TokenStream::new();
    }
    let ty = field.ty;
    let member = &field.member;
    let value = match fill {
        Fill::TypeDefault => quote!(::core::default::Default::default()),
        Fill::Function(path) => quote!(#path()),
        Fill::StructDefault => {
            quote!(<Self as ::core::default::Default>::default().#member)
        }
        Fill::StructFunction(path) => quote!({
            let __default: Self = #path();
            __default.#member
        }),
    };
    quote_spanned! {field.span=>
        let __filled: #ty = #value;
        #checks
    }
}

fn field_json(field: &Field<'_>) -> TokenStream {
    let wire = &field.wire_name;
    let pointer = crate::expand::root_pointer(wire);
    let (inner, _) = present_type(field.ty);
    let Presence {
        required, nullable, ..
    } = field.presence();
    let forbidden = field.keywords.forbidden.as_ref().map(|f| &f.value);
    let rules = quote!(::m3ter_models::__private_v0_1);
    let missing = if required {
        quote! { #rules::push_required(&__field_path, __errors); }
    } else {
        filled_checks(field)
    };
    let inner_type = quote!(#inner);
    let checks = value_checks(
        &quote!(__member),
        &quote!(true),
        &format_ident!("__field_path"),
        &field.keywords,
        Mode::Json,
        Some(&inner_type),
    );
    let present = if let Some(context) = forbidden {
        let context = match context {
            Some(lit) => quote!(::std::option::Option::Some(#lit)),
            None => quote!(::std::option::Option::None),
        };
        quote! { #rules::push_forbidden(#context, &__field_path, __errors); }
    } else {
        // `null` where the member may be `null` is `None`, checked no further. Anywhere else
        // it is a value like any other: the member type says whether it is one of its values
        // (a type error, or for an enum the allowed values; a `serde_json::Value` takes it,
        // and then its keywords decide, `type` among them, as serde's typed read of it does).
        // The keywords check the value as serde reads it into the member's type (a float
        // holds the nearest `f64`), as they check the typed value.
        let check = quote! {
            <#inner as ::m3ter_models::ValidateJson>::validate_json_at(__member, &__field_path, __errors);
            if <#inner as ::m3ter_models::ValidateJson>::matches_type(__member) {
                // A constant condition: a type that reads exactly costs nothing here.
                let __read;
                let __member: &#rules::serde_json::Value =
                    if <#inner as ::m3ter_models::ValidateJson>::READS_EXACTLY {
                        __member
                    } else {
                        __read = <#inner as ::m3ter_models::ValidateJson>::as_read(__member);
                        &__read
                    };
                #checks
            }
        };
        if nullable {
            quote! {
                if !__member.is_null() {
                    #check
                }
            }
        } else {
            check
        }
    };
    quote! {
        {
            let __field_path = __path.member(#wire, #pointer);
            match __object.get(#wire) {
                ::std::option::Option::None => { #missing }
                ::std::option::Option::Some(__member) => { #present }
            }
        }
    }
}
