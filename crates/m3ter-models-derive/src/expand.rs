//! Expand: the typed model into the `Validate` impl (and the integrations the features ask for).

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::DeriveInput;

use crate::ast::{self, Body, Errors, Keyword, KeywordValue, NumberLit};
use crate::{check, json, schema};

pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let mut errors = Errors::default();
    let container = ast::parse(input, &mut errors);
    check::check(&container, &mut errors);
    if let Err(error) = errors.into_result() {
        // One error per mistake, plus an empty impl so that uses of the trait do not pile on.
        let fallback = validate_impl(input, TokenStream::new());
        let compile_errors = error.to_compile_error();
        return quote! { #compile_errors #fallback };
    }
    let body = match &container.body {
        Body::Struct { fields, .. } => fields.iter().map(field_checks).collect(),
        Body::UnitEnum(_) => TokenStream::new(),
    };
    let validate = validate_impl(input, body);
    let validator = validator_impl(input);
    let json_schema = if container.json_schema.is_some() {
        let json_schema = schema::json_schema_impl(&container);
        // Expanded only when m3ter-models has its `schemars` feature: the macro decides.
        quote! { ::m3ter_models::__if_schemars! { #json_schema } }
    } else {
        TokenStream::new()
    };
    let json = if container.json.is_some() {
        json::validate_json_impl(&container)
    } else {
        TokenStream::new()
    };
    quote! { #validate #validator #json_schema #json }
}

fn validate_impl(input: &DeriveInput, body: TokenStream) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::m3ter_models::Validate for #ident #ty_generics #where_clause {
            #[allow(unused_variables)]
            fn validate_at(
                &self,
                __path: &::m3ter_models::__private::Path<'_>,
                __errors: &mut ::std::vec::Vec<::m3ter_models::__private::ValidationError>,
            ) {
                #body
            }
        }
    }
}

fn validator_impl(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // Expanded only when m3ter-models has its `validator` feature: the macro decides.
    quote! { ::m3ter_models::__if_validator! {
        #[automatically_derived]
        impl #impl_generics ::m3ter_models::__private::validator::Validate for #ident #ty_generics #where_clause {
            fn validate(&self) -> ::std::result::Result<(), ::m3ter_models::__private::validator::ValidationErrors> {
                ::m3ter_models::Validate::validate(self)
                    .map_err(|errors| ::m3ter_models::__private::to_validator_errors(&errors))
            }
        }
    } }
}

fn field_checks(field: &ast::Field<'_>) -> TokenStream {
    if field.keywords.is_empty() {
        return TokenStream::new();
    }
    let member = &field.member;
    let wire = &field.wire_name;
    let pointer = root_pointer(wire);
    let path = if field.flatten {
        quote! { let __field_path: ::m3ter_models::__private::Path<'_> = *__path; }
    } else {
        quote! { let __field_path = __path.member(#wire, #pointer); }
    };
    let checks = value_checks(
        &quote!(&self.#member),
        &format_ident!("__field_path"),
        &field.keywords,
        Mode::Typed,
    );
    quote_spanned! {field.span=>
        {
            #path
            #checks
        }
    }
}

/// The RFC 6901 pointer of the member `wire` of the whole document, written here so that an
/// error there needs no pointer built at run time (`Path::member`).
pub(crate) fn root_pointer(wire: &str) -> String {
    format!("/{}", wire.replace('~', "~0").replace('/', "~1"))
}

/// Whether checks run on the typed value or on its raw JSON (`&serde_json::Value`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Typed,
    Json,
}

/// The checks of `keywords` on `value` (an expression of a reference to the field or item),
/// whose path is the local `path`. The order is fixed: length, count, format or pattern, range,
/// presence, items, nested. In JSON mode, presence and nesting are the caller's: the same
/// runtime rules read the raw value through `StrField`/`NumberField`/`ItemsField`.
pub(crate) fn value_checks(
    value: &TokenStream,
    path: &syn::Ident,
    keywords: &[Keyword],
    mode: Mode,
) -> TokenStream {
    let rules = quote!(::m3ter_models::__private);
    let mut out = TokenStream::new();
    let find = |pick: fn(&KeywordValue) -> bool| {
        keywords.iter().find(|k| pick(&k.value)).map(|k| &k.value)
    };

    let min_length = find(|v| matches!(v, KeywordValue::MinLength(_)));
    let max_length = find(|v| matches!(v, KeywordValue::MaxLength(_)));
    if min_length.is_some() || max_length.is_some() {
        let min = opt_count(min_length);
        let max = opt_count(max_length);
        out.extend(quote! { #rules::check_length(#value, #min, #max, &#path, __errors); });
    }
    let min_items = find(|v| matches!(v, KeywordValue::MinItems(_)));
    let max_items = find(|v| matches!(v, KeywordValue::MaxItems(_)));
    if min_items.is_some() || max_items.is_some() {
        let min = opt_count(min_items);
        let max = opt_count(max_items);
        out.extend(quote! { #rules::check_items(#value, #min, #max, &#path, __errors); });
    }

    let pattern = keywords.iter().find_map(|k| match &k.value {
        KeywordValue::Pattern(lit) => Some(lit),
        _ => None,
    });
    let format = keywords.iter().find_map(|k| match &k.value {
        KeywordValue::Format(lit) => Some(lit),
        _ => None,
    });
    let pattern_static = pattern.map(|lit| {
        // Without m3ter-models' `regex` feature only the fragment's own patterns can be
        // matched: any other is a compile error here, on the literal, never a skipped check.
        let supported = quote_spanned! {lit.span()=>
            const _: () = ::core::assert!(
                #rules::pattern::is_supported(#lit),
                "this `pattern` needs the `regex` feature of m3ter-models (without it only the fragment's own patterns can be matched)"
            );
        };
        quote! {
            #supported
            static __PATTERN: #rules::Pattern = #rules::Pattern::new(#lit);
        }
    });
    match (format, pattern) {
        (Some(format), _) => {
            let function = syn::Ident::new(&format.value().replace('-', "_"), format.span());
            // A pattern the format implies is not matched again (decided when this compiles).
            let pattern_ref = match pattern {
                Some(lit) => quote! {
                    if const { #rules::pattern::implied_by_format(#format, #lit) } { None } else { Some(&__PATTERN) }
                },
                None => quote!(None),
            };
            out.extend(quote! {{
                #pattern_static
                #rules::check_format(#value, #format, ::m3ter_models::formats::#function, #pattern_ref, &#path, __errors);
            }});
        }
        (None, Some(_)) => out.extend(quote! {{
            #pattern_static
            #rules::check_pattern(#value, &__PATTERN, &#path, __errors);
        }}),
        (None, None) => {}
    }

    for keyword in keywords {
        let (bound, limit) = match &keyword.value {
            KeywordValue::Minimum(n) => (quote!(Minimum), *n),
            KeywordValue::Maximum(n) => (quote!(Maximum), *n),
            KeywordValue::ExclusiveMinimum(n) => (quote!(ExclusiveMinimum), *n),
            KeywordValue::ExclusiveMaximum(n) => (quote!(ExclusiveMaximum), *n),
            _ => continue,
        };
        let limit = match limit {
            NumberLit::Int(i) => quote!(#rules::Number::Int(#i)),
            NumberLit::Float(f) => quote!(#rules::Number::Float(#f)),
        };
        out.extend(quote! { #rules::check_range(#value, #rules::RangeBound::#bound, #limit, &#path, __errors); });
    }

    if let Some(KeywordValue::Forbidden(context)) =
        find(|v| matches!(v, KeywordValue::Forbidden(_))).filter(|_| mode == Mode::Typed)
    {
        let context = match context {
            Some(lit) => quote!(Some(#lit)),
            None => quote!(None),
        };
        out.extend(quote! { #rules::check_forbidden(#value, #context, &#path, __errors); });
    }

    if let Some(KeywordValue::Items(inner)) = find(|v| matches!(v, KeywordValue::Items(_))) {
        let item_path = format_ident!("{}_item", path);
        let item_checks = value_checks(&quote!(__item), &item_path, inner, mode);
        out.extend(quote! {
            if let Some(__items) = #rules::ItemsField::items(#value) {
                for (__index, __item) in __items.iter().enumerate() {
                    let #item_path = #path.index(__index);
                    #item_checks
                }
            }
        });
    }

    if mode == Mode::Typed && find(|v| matches!(v, KeywordValue::Nested)).is_some() {
        out.extend(quote! { ::m3ter_models::Validate::validate_at(#value, &#path, __errors); });
    }
    out
}

fn opt_count(value: Option<&KeywordValue>) -> TokenStream {
    match value {
        Some(
            KeywordValue::MinLength(n)
            | KeywordValue::MaxLength(n)
            | KeywordValue::MinItems(n)
            | KeywordValue::MaxItems(n),
        ) => {
            quote!(Some(#n))
        }
        _ => quote!(None),
    }
}
