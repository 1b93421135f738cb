//! Expand `#[spec(json_schema)]`: a `schemars::JsonSchema` impl that says exactly what
//! validation accepts.
//!
//! schemars' derive reads its own attributes, and a derive cannot add attributes to the item it
//! derives for. So the expansion declares a private shadow of the type with the same serde and
//! doc attributes (every `Option` member with the schema of its inner type), derives
//! `JsonSchema` on the shadow, and then states each member as the checks see it: its
//! constraints (the same `Constraints` descriptor the strategies read, written by the runtime
//! under each keyword's JSON Schema name), whether it is required, whether it may be `null`,
//! and `false` for a forbidden member.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::ast::{Body, Container, Field, Presence};
use crate::json::{constraints_ref, present_type};

pub(crate) fn json_schema_impl(container: &Container<'_>) -> TokenStream {
    let schemars = quote!(::m3ter_models::__private_v0_1::schemars);
    let ident = &container.input.ident;
    let name = ident.to_string();
    let shadow = format_ident!("__M3terSchemaShadow{}", ident);
    let attrs = &container.passthrough;
    let members = match &container.body {
        Body::Struct {
            fields,
            named: true,
        } => members(fields),
        Body::Struct { .. } | Body::UnitEnum(_) | Body::Union(_) => quote!(&[]),
    };
    // The keywords of the map of the other members, stated on the object.
    let others = match &container.body {
        Body::Struct { fields, .. } => fields
            .iter()
            .filter(|f| crate::expand::is_others(f))
            .map(|f| {
                let constraints = constraints_ref(&f.keywords);
                quote!(::m3ter_models::__private_v0_1::schema::state_others(&mut schema, #constraints);)
            })
            .collect(),
        Body::UnitEnum(_) | Body::Union(_) => TokenStream::new(),
    };
    let definition = match &container.body {
        // Expanded by `union.rs`.
        Body::Union(_) => return TokenStream::new(),
        Body::Struct { fields, named } => {
            let fields = fields.iter().map(|field| {
                let field_attrs = &field.passthrough;
                let presence = presence(field, ident);
                // `Self` in the shadow would name the shadow: the type's own name instead.
                let ty = without_self(
                    {
                        let ty = field.ty;
                        quote!(#ty)
                    },
                    ident,
                );
                let prefix = match &field.member {
                    syn::Member::Named(ident) => quote!(#ident:),
                    syn::Member::Unnamed(_) => TokenStream::new(),
                };
                quote! { #(#field_attrs)* #presence #prefix #ty }
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
            #[schemars(crate = "::m3ter_models::__private_v0_1::schemars", rename = #name)]
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
                    let mut schema = <#shadow as #schemars::JsonSchema>::json_schema(generator);
                    ::m3ter_models::__private_v0_1::schema::state_members(&mut schema, #members);
                    #others
                    schema
                }
            }
        };
    }
}

/// The shadow's view of an `Option` member: the schema of its inner type (null-ness and
/// requiredness are stated afterwards, from the keywords).
fn presence(field: &Field<'_>, ident: &syn::Ident) -> TokenStream {
    let (inner, optional) = present_type(field.ty);
    if optional {
        let inner = without_self(quote!(#inner), ident).to_string();
        quote!(#[schemars(with = #inner)])
    } else {
        TokenStream::new()
    }
}

/// `tokens` with each `Self` replaced by `ident` (a recursive type's member, `Vec<Self>`).
fn without_self(tokens: TokenStream, ident: &syn::Ident) -> TokenStream {
    tokens
        .into_iter()
        .map(|token| match token {
            proc_macro2::TokenTree::Ident(name) if name == "Self" => {
                proc_macro2::TokenTree::Ident(ident.clone())
            }
            proc_macro2::TokenTree::Group(group) => {
                let mut replaced =
                    proc_macro2::Group::new(group.delimiter(), without_self(group.stream(), ident));
                replaced.set_span(group.span());
                proc_macro2::TokenTree::Group(replaced)
            }
            other => other,
        })
        .collect()
}

/// The members as validation sees them, for the runtime to write into the shadow's schema.
fn members(fields: &[Field<'_>]) -> TokenStream {
    let schema = quote!(::m3ter_models::__private_v0_1::schema);
    let members = fields
        .iter()
        .filter(|f| !f.skip_deserializing && !f.flatten)
        .map(|field| {
            let wire = &field.wire_name;
            let Presence {
                required,
                nullable,
                forbidden,
            } = field.presence();
            let constraints = constraints_ref(&field.keywords);
            quote! {
                #schema::SchemaMember {
                    wire_name: #wire,
                    required: #required,
                    nullable: #nullable,
                    forbidden: #forbidden,
                    constraints: #constraints,
                }
            }
        });
    quote!(&[#(#members),*])
}
