//! Expand `#[spec(json, discriminator = "…")]` on an enum of `#[spec(tag = "…")]` newtype
//! variants: a discriminated union. The rule that decides a document's variant is the
//! runtime's (`m3ter_models::union`); the expansion is glue: the `Union` impl (the tags and
//! each variant's functions), `Validate` and `ValidateJson` calling the rule, serde's
//! `Serialize` (the variant's value as is) and `Deserialize` (the variant the rule chooses),
//! `From` each variant's type, `Describe`, and with `json_schema` the `anyOf` schema with its
//! `discriminator`.
//!
//! serde's derives cannot be used on the union (its tagged forms need the tag present): its
//! impls are written here, so deriving them as well is a conflicting-impl error.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::LitStr;
use syn::spanned::Spanned as _;

use crate::ast::{Container, UnionVariant};

pub(crate) fn expand(
    container: &Container<'_>,
    variants: &[UnionVariant<'_>],
    discriminator: &LitStr,
) -> TokenStream {
    let ident = &container.input.ident;
    let private = quote!(::m3ter_models::__private_v0_1);
    let union = quote!(::m3ter_models::union);
    let idents: Vec<_> = variants.iter().map(|v| v.ident).collect();
    let tys: Vec<_> = variants.iter().map(|v| v.ty).collect();
    let tags: Vec<&LitStr> = variants.iter().map(|v| &v.tag).collect();
    let indices = 0..variants.len();
    // On the variant's type, so that a type without the traits is reported where it is named.
    let entries = variants.iter().map(|v| {
        let (ty, tag) = (v.ty, &v.tag);
        quote_spanned! {ty.span()=> #union::UnionVariant::new::<#ty>(#tag) }
    });
    let json_schema = if container.json_schema.is_some() {
        let schema = json_schema_impl(container, variants, discriminator);
        quote! { ::m3ter_models::__if_schemars! { #schema } }
    } else {
        TokenStream::new()
    };
    let validator = crate::expand::validator_impl(container.input);
    let describe = describe_impl(container, variants, discriminator);
    quote! {
        #[automatically_derived]
        impl #union::Union for #ident {
            const DISCRIMINATOR: &'static str = #discriminator;
            const TAGS: &'static [&'static str] = &[#(#tags),*];
            const VARIANTS: &'static [#union::UnionVariant<Self>] = &[#(#entries),*];

            fn variant_index(&self) -> usize {
                match self { #(Self::#idents(_) => #indices,)* }
            }

            fn validate_variant_at(
                &self,
                __path: &#private::Path<'_>,
                __errors: &mut ::std::vec::Vec<#private::ValidationError>,
            ) {
                match self {
                    #(Self::#idents(__inner) => ::m3ter_models::Validate::validate_at(__inner, __path, __errors),)*
                }
            }
        }

        #[automatically_derived]
        impl ::m3ter_models::Validate for #ident {
            fn validate_at(
                &self,
                __path: &#private::Path<'_>,
                __errors: &mut ::std::vec::Vec<#private::ValidationError>,
            ) {
                #union::validate_at(self, __path, __errors);
            }
        }

        #validator

        #[automatically_derived]
        impl ::m3ter_models::ValidateJson for #ident {
            const EXPECTED: &'static str = "object";
            // serde's parse of the union buffers a `Value` (the last of duplicate keys wins);
            // `parse_exact` takes the variants' own exact parses instead.
            const EXACT_TYPED_PARSE: bool = false;
            const UNION_DISCRIMINATOR: ::std::option::Option<&'static str> =
                ::std::option::Option::Some(<Self as #union::Union>::DISCRIMINATOR);

            fn matches_type(__value: &#private::serde_json::Value) -> bool {
                __value.is_object()
            }

            fn validate_json_at(
                __value: &#private::serde_json::Value,
                __path: &#private::Path<'_>,
                __errors: &mut ::std::vec::Vec<#private::ValidationError>,
            ) {
                #union::validate_json_at::<Self>(__value, __path, __errors);
            }

            fn parse_exact(
                __bytes: &[u8],
            ) -> ::std::option::Option<::std::result::Result<Self, ::m3ter_models::ValidationErrors>>
            where
                Self: ::std::marker::Sized
                    + #private::serde::de::DeserializeOwned
                    + ::m3ter_models::Validate,
            {
                #union::parse_exact::<Self>(__bytes)
            }

            fn variant(
                __value: &#private::serde_json::Value,
            ) -> ::std::option::Option<&'static str> {
                #union::variant_tag::<Self>(__value)
            }
        }

        #[automatically_derived]
        impl #private::serde::Serialize for #ident {
            fn serialize<__S: #private::serde::Serializer>(
                &self,
                __serializer: __S,
            ) -> ::std::result::Result<__S::Ok, __S::Error> {
                match self {
                    #(Self::#idents(__inner) => #private::serde::Serialize::serialize(__inner, __serializer),)*
                }
            }
        }

        #[automatically_derived]
        impl<'de> #private::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #private::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::std::result::Result<Self, __D::Error> {
                #union::deserialize::<Self, __D>(__deserializer)
            }
        }

        #(
            #[automatically_derived]
            impl ::std::convert::From<#tys> for #ident {
                fn from(__value: #tys) -> Self {
                    Self::#idents(__value)
                }
            }
        )*

        #describe
        #json_schema
    }
}

/// `Describe`: the union's discriminator and its variants' descriptors.
fn describe_impl(
    container: &Container<'_>,
    variants: &[UnionVariant<'_>],
    discriminator: &LitStr,
) -> TokenStream {
    let ident = &container.input.ident;
    let name = ident.to_string();
    let describe = quote!(::m3ter_models::describe);
    let variants = variants.iter().map(|v| {
        let (ty, tag) = (v.ty, &v.tag);
        quote! {
            #describe::UnionVariantSpec {
                tag: #tag,
                kind: &<#ty as ::m3ter_models::Describe>::KIND,
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl ::m3ter_models::Describe for #ident {
            const KIND: #describe::Kind = #describe::Kind::Union(&#describe::UnionSpec {
                name: #name,
                discriminator: #discriminator,
                variants: &[#(#variants),*],
            });
        }
    }
}

/// `schemars::JsonSchema`: `anyOf` the variants' schemas with the OpenAPI `discriminator`.
fn json_schema_impl(
    container: &Container<'_>,
    variants: &[UnionVariant<'_>],
    discriminator: &LitStr,
) -> TokenStream {
    let schemars = quote!(::m3ter_models::__private_v0_1::schemars);
    let ident = &container.input.ident;
    let name = ident.to_string();
    let tys = variants.iter().map(|v| v.ty);
    let tags = variants.iter().map(|v| &v.tag);
    let description = doc_text(container.input);
    let description = if description.is_empty() {
        quote!(::std::option::Option::None)
    } else {
        quote!(::std::option::Option::Some(#description))
    };
    quote! {
        #[automatically_derived]
        impl #schemars::JsonSchema for #ident {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#name)
            }
            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(::std::concat!(::std::module_path!(), "::", #name))
            }
            fn json_schema(generator: &mut #schemars::SchemaGenerator) -> #schemars::Schema {
                ::m3ter_models::__private_v0_1::schema::union_schema(
                    #discriminator,
                    ::std::vec![#((#tags, generator.subschema_for::<#tys>())),*],
                    #description,
                )
            }
        }
    }
}

/// The container's doc comment as one text: each line without its first space, trimmed.
fn doc_text(input: &syn::DeriveInput) -> String {
    let lines: Vec<String> = input
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|line| line.strip_prefix(' ').unwrap_or(&line).to_owned())
        .collect();
    lines.join("\n").trim().to_owned()
}
