//! `#[m3ter_models::model]`: writes the serde attributes `#[spec(json)]` needs on each member
//! (see `serde_rules`), so that a user does not write them by hand. An attribute macro runs
//! before the derives, so serde's derive sees them; a member that already says how serde reads
//! it (`deserialize_with`, `with`, `default`, `skip_serializing_if`) is left as written, and the
//! derive's check then says whether it agrees.

use proc_macro2::TokenStream;
use quote::quote;
use syn::parse::ParseStream;
use syn::{Data, DeriveInput, Fields};

use crate::ast::{Errors, Keywords, parse_field_keywords};
use crate::serde_rules::Needs;

pub(crate) fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    if !attr.is_empty() {
        return syn::Error::new_spanned(attr, "`#[m3ter_models::model]` takes no arguments")
            .to_compile_error();
    }
    let mut input: DeriveInput = match syn::parse2(item) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    if let Data::Struct(data) = &mut input.data
        && let Fields::Named(fields) = &mut data.fields
    {
        for field in &mut fields.named {
            let mut keywords = Keywords::NONE;
            // Mistakes in the keywords are the derive's to report.
            parse_field_keywords(&field.attrs, &mut keywords, &mut Errors::default());
            if says_how_serde_reads(&field.attrs) {
                continue;
            }
            let needs = Needs::of(&field.ty, &keywords);
            let mut parts = Vec::new();
            if needs.default {
                parts.push(quote!(default));
            }
            if let Some(helper) = needs.helper {
                let path = format!("::m3ter_models::serde_helpers::{helper}");
                parts.push(quote!(deserialize_with = #path));
            }
            if needs.skip_none {
                parts.push(quote!(
                    skip_serializing_if = "::std::option::Option::is_none"
                ));
            }
            if !parts.is_empty() {
                field.attrs.push(syn::parse_quote!(#[serde(#(#parts),*)]));
            }
        }
    }
    quote!(#input)
}

/// Whether the field's serde attributes already say how it is read or written (`flatten`: the
/// map of the other members, read as serde reads them).
fn says_how_serde_reads(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("serde"))
        .any(|a| {
            a.parse_args_with(|input: ParseStream| {
                let mut found = false;
                while !input.is_empty() {
                    let tt: proc_macro2::TokenTree = input.parse()?;
                    if let proc_macro2::TokenTree::Ident(ident) = tt
                        && matches!(
                            ident.to_string().as_str(),
                            "deserialize_with"
                                | "with"
                                | "default"
                                | "skip_serializing_if"
                                | "flatten"
                        )
                    {
                        found = true;
                    }
                }
                Ok(found)
            })
            .unwrap_or(false)
        })
}
