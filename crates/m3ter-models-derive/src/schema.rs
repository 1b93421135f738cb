//! Expand `#[spec(json_schema)]`: a `schemars::JsonSchema` impl that carries the constraints.
//!
//! schemars' derive reads its own attributes, and a derive cannot add attributes to the item it
//! derives for. So the expansion declares a private shadow of the type with the same serde and
//! doc attributes, translates each `#[spec]` keyword into the `#[schemars]` attribute that says
//! the same, derives `JsonSchema` on the shadow and forwards the impl to it.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ast::{Body, Container, Field, Keyword, KeywordValue, NumberLit};
use crate::json::present_type;

pub(crate) fn json_schema_impl(container: &Container<'_>) -> TokenStream {
    let schemars = quote!(::m3ter_models::__private::schemars);
    let ident = &container.input.ident;
    let name = ident.to_string();
    let shadow = format_ident!("__M3terSchemaShadow{}", ident);
    let attrs = &container.passthrough;
    let definition = match &container.body {
        Body::Struct { fields, named } => {
            let fields = fields.iter().map(|field| {
                let field_attrs = &field.passthrough;
                let translated = translate(&field.keywords, false);
                let presence = presence(field);
                let ty = field.ty;
                let prefix = match &field.member {
                    syn::Member::Named(ident) => quote!(#ident:),
                    syn::Member::Unnamed(_) => TokenStream::new(),
                };
                quote! { #(#field_attrs)* #translated #presence #prefix #ty }
            });
            if *named {
                quote! { struct #shadow { #(#fields,)* } }
            } else {
                quote! { struct #shadow ( #(#fields,)* ); }
            }
        }
        Body::UnitEnum(variants) => {
            let variants = variants.iter().map(|variant| {
                // serde attributes only: a variant's doc would turn `enum` into `oneOf`.
                let attrs = variant
                    .passthrough
                    .iter()
                    .filter(|a| a.path().is_ident("serde"));
                let ident = variant.ident;
                quote! { #(#attrs)* #ident }
            });
            quote! { enum #shadow { #(#variants,)* } }
        }
    };
    quote! {
        const _: () = {
            #[derive(#schemars::JsonSchema)]
            #[schemars(crate = "::m3ter_models::__private::schemars", rename = #name)]
            #(#attrs)*
            #[allow(dead_code, non_camel_case_types)]
            #definition

            #[automatically_derived]
            impl #schemars::JsonSchema for #ident {
                fn schema_name() -> ::std::borrow::Cow<'static, str> {
                    <#shadow as #schemars::JsonSchema>::schema_name()
                }
                fn schema_id() -> ::std::borrow::Cow<'static, str> {
                    <#shadow as #schemars::JsonSchema>::schema_id()
                }
                fn json_schema(generator: &mut #schemars::SchemaGenerator) -> #schemars::Schema {
                    <#shadow as #schemars::JsonSchema>::json_schema(generator)
                }
            }
        };
    }
}

/// How the member may appear, as schemars should say it: an optional member that may not be
/// `null` has the schema of its inner type (schemars would add `null` for the `Option`), and a
/// `required` `Option` member is listed as required.
fn presence(field: &Field<'_>) -> TokenStream {
    let (inner, optional) = present_type(field.ty);
    let has = |pick: fn(&KeywordValue) -> bool| field.keywords.iter().any(|k| pick(&k.value));
    let mut out = TokenStream::new();
    if optional && field.serde_default && !has(|v| matches!(v, KeywordValue::Nullable)) {
        let inner = quote!(#inner).to_string();
        out.extend(quote!(#[schemars(with = #inner)]));
    }
    if optional && has(|v| matches!(v, KeywordValue::Required)) {
        out.extend(quote!(#[schemars(required)]));
    }
    out
}

/// The `#[schemars(...)]` attributes that state `keywords`; `inner` for the items of a list.
fn translate(keywords: &[Keyword], inner: bool) -> TokenStream {
    let mut parts: Vec<TokenStream> = Vec::new();
    let mut extend: Vec<TokenStream> = Vec::new();
    let count =
        |pick: fn(&KeywordValue) -> Option<u64>| keywords.iter().find_map(|k| pick(&k.value));
    let length = [
        count(|v| {
            if let KeywordValue::MinLength(n) = v {
                Some(*n)
            } else {
                None
            }
        })
        .map(|n| quote!(min = #n)),
        count(|v| {
            if let KeywordValue::MaxLength(n) = v {
                Some(*n)
            } else {
                None
            }
        })
        .map(|n| quote!(max = #n)),
        count(|v| {
            if let KeywordValue::MinItems(n) = v {
                Some(*n)
            } else {
                None
            }
        })
        .map(|n| quote!(min = #n)),
        count(|v| {
            if let KeywordValue::MaxItems(n) = v {
                Some(*n)
            } else {
                None
            }
        })
        .map(|n| quote!(max = #n)),
    ];
    let length: Vec<_> = length.into_iter().flatten().collect();
    if !length.is_empty() {
        parts.push(quote!(length(#(#length),*)));
    }
    let mut range = Vec::new();
    for keyword in keywords {
        match &keyword.value {
            KeywordValue::Pattern(lit) => parts.push(quote!(regex(pattern = #lit))),
            KeywordValue::Format(lit) => extend.push(quote!("format" = #lit)),
            KeywordValue::Minimum(n) => range.push(bound("min", *n)),
            KeywordValue::Maximum(n) => range.push(bound("max", *n)),
            KeywordValue::ExclusiveMinimum(n) => extend.push(literal("exclusiveMinimum", *n)),
            KeywordValue::ExclusiveMaximum(n) => extend.push(literal("exclusiveMaximum", *n)),
            KeywordValue::Forbidden(_) if !inner => return quote!(#[schemars(skip)]),
            KeywordValue::Items(items) => {
                let inner_parts = translate(items, true);
                if !inner_parts.is_empty() {
                    parts.push(inner_parts);
                }
            }
            _ => {}
        }
    }
    if !range.is_empty() {
        parts.push(quote!(range(#(#range),*)));
    }
    if inner {
        // Inside `inner(...)`: the bare list, wrapped by the caller.
        if parts.is_empty() {
            return TokenStream::new();
        }
        return quote!(inner(#(#parts),*));
    }
    if !extend.is_empty() {
        parts.push(quote!(extend(#(#extend),*)));
    }
    if parts.is_empty() {
        return TokenStream::new();
    }
    quote!(#[schemars(#(#parts),*)])
}

/// A number as an unsuffixed literal (schemars writes it into the schema as JSON).
fn number(n: NumberLit) -> proc_macro2::Literal {
    match n {
        NumberLit::Int(i) => {
            proc_macro2::Literal::i64_unsuffixed(i64::try_from(i).unwrap_or(if i < 0 {
                i64::MIN
            } else {
                i64::MAX
            }))
        }
        NumberLit::Float(f) => proc_macro2::Literal::f64_unsuffixed(f),
    }
}

fn bound(side: &str, n: NumberLit) -> TokenStream {
    let side = format_ident!("{}", side);
    let n = number(n);
    quote!(#side = #n)
}

fn literal(key: &str, n: NumberLit) -> TokenStream {
    let n = number(n);
    quote!(#key = #n)
}
