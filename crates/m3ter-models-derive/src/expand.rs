//! Expand: the typed model into the `Validate` impl (and the integrations the features ask for).

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::DeriveInput;

use m3ter_vocab::{Keyword, Number, Param, Types};

use crate::ast::{self, Body, Errors, Keywords};
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
        Body::Struct { fields, .. } => fields
            .iter()
            .map(|field| {
                if is_others(field) {
                    others_checks(field, fields, Mode::Typed)
                } else {
                    field_checks(field)
                }
            })
            .collect(),
        Body::UnitEnum(_) => TokenStream::new(),
        Body::Union(variants) => {
            let Some(discriminator) = &container.discriminator else {
                return TokenStream::new();
            };
            return crate::union::expand(&container, variants, discriminator);
        }
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
                __path: &::m3ter_models::__private_v0_1::Path<'_>,
                __errors: &mut ::std::vec::Vec<::m3ter_models::__private_v0_1::ValidationError>,
            ) {
                #body
            }
        }
    }
}

pub(crate) fn validator_impl(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    // Expanded only when m3ter-models has its `validator` feature: the macro decides.
    quote! { ::m3ter_models::__if_validator! {
        #[automatically_derived]
        impl #impl_generics ::m3ter_models::__private_v0_1::validator::Validate for #ident #ty_generics #where_clause {
            fn validate(&self) -> ::std::result::Result<(), ::m3ter_models::__private_v0_1::validator::ValidationErrors> {
                ::m3ter_models::Validate::validate(self)
                    .map_err(|errors| ::m3ter_models::__private_v0_1::to_validator_errors(&errors))
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
        quote! { let __field_path: ::m3ter_models::__private_v0_1::Path<'_> = *__path; }
    } else {
        quote! { let __field_path = __path.member(#wire, #pointer); }
    };
    let checks = typed_field_checks(field, &quote!(self.#member));
    quote_spanned! {field.span=>
        {
            #path
            #checks
        }
    }
}

/// The typed checks of `field`'s keywords on `value`, a place of the field's type, at
/// `__field_path`: the typed path's on the field, and the raw path's on the value serde fills
/// in for a member the document lacks (`json::filled_checks`).
pub(crate) fn typed_field_checks(field: &ast::Field<'_>, value: &TokenStream) -> TokenStream {
    let present = if crate::json::present_type(field.ty).1 {
        quote!(::std::option::Option::is_some(&#value))
    } else {
        quote!(true)
    };
    value_checks(
        &quote!(&#value),
        &present,
        &format_ident!("__field_path"),
        &field.keywords,
        Mode::Typed,
        None,
    )
}

/// Whether `field` is the map of a struct's other members that `pattern_properties` or
/// `additional_properties` check: a `#[serde(flatten)]` field with either keyword.
pub(crate) fn is_others(field: &ast::Field<'_>) -> bool {
    field.flatten
        && (field.keywords.has(Keyword::PatternProperties)
            || field.keywords.has(Keyword::AdditionalProperties))
}

/// The checks of `pattern_properties` and `additional_properties` written on `others`, the
/// `#[serde(flatten)]` map of a struct's other members, as JSON Schema applies them to the
/// object: each pattern to every member whose name matches it, declared ones too, and
/// `additional_properties` to the members neither declared nor matched. Both paths gather the
/// same members into one `serde_json::Map` (the typed path: each declared member that is
/// present and matches a pattern, as serde writes it, and the other members; the raw path: the
/// same members of the document) and run the same checks on it in JSON mode, each error at
/// the member's pointer, in the map's order.
pub(crate) fn others_checks(
    others: &ast::Field<'_>,
    fields: &[ast::Field<'_>],
    mode: Mode,
) -> TokenStream {
    let rules = quote!(::m3ter_models::__private_v0_1);
    let patterns: Vec<TokenStream> = others
        .keywords
        .pattern_properties
        .iter()
        .flat_map(|schemas| schemas.value.iter())
        .map(|(lit, _)| pattern_match(lit))
        .collect();
    let matched = quote!((false #(|| #patterns)*));
    let declared: Vec<&ast::Field<'_>> = fields
        .iter()
        .filter(|f| !f.flatten && !f.skip_deserializing)
        .collect();
    // Without a pattern, no declared member is checked here (nor needs `Serialize`).
    let checked = if patterns.is_empty() {
        &[][..]
    } else {
        &declared[..]
    };
    let gather = match mode {
        Mode::Typed => {
            let declared = checked.iter().map(|field| {
                let member = &field.member;
                let wire = &field.wire_name;
                let ty = field.ty;
                // A required `Option` (nullable) is there as `null` when `None`.
                let present = if crate::json::present_type(field.ty).1 && !field.presence().required {
                    quote!(::std::option::Option::is_some(&self.#member))
                } else {
                    quote!(true)
                };
                quote! {
                    {
                        let __key: &str = #wire;
                        if #present && #matched {
                            if let ::std::result::Result::Ok(__member) = #rules::serde_json::to_value(&self.#member) {
                                // As the member's own keywords read it (an `f32` by its
                                // shortest decimal form), and the raw path (`as_read`).
                                let __member = <#ty as #rules::JsonEq>::read_json(__member);
                                __whole.insert(::std::string::ToString::to_string(__key), __member);
                            }
                        }
                    }
                }
            });
            // A pattern checks a field's value as serde writes it: only where that compares as
            // the document's value (`JsonEq`: JSON's own types, maps of JSON values, unit
            // enums, lists of those; not a struct, which drops unknown members, nor a uuid or
            // a date-time, which serde may spell otherwise).
            let mut seen = std::collections::HashSet::new();
            let comparable = crate::check::matches(others, fields)
                .into_iter()
                .filter(|(_, _, field)| seen.insert(field.wire_name.as_str()))
                .map(|(_, _, field)| {
                    let (inner, _) = crate::json::present_type(field.ty);
                    quote_spanned! {syn::spanned::Spanned::span(inner)=>
                        let _ = <#inner as #rules::JsonEq>::eq_json;
                    }
                });
            let member = &others.member;
            quote! {
                #(#comparable)*
                #(#declared)*
                if let ::std::option::Option::Some(__members) = #rules::MembersField::members(&self.#member) {
                    for (__key, __member) in __members {
                        if let ::std::result::Result::Ok(__member) = #rules::serde_json::to_value(__member) {
                            __whole.insert(::std::string::ToString::to_string(__key), __member);
                        }
                    }
                }
            }
        }
        Mode::Json => {
            let wires = declared.iter().map(|f| f.wire_name.as_str());
            let declared_key = if declared.is_empty() {
                quote!(false)
            } else {
                quote!(matches!(__key, #(#wires)|*))
            };
            // A declared member a pattern matches is checked as serde reads it into its type
            // (a float holds the nearest `f64`), as the typed path's value of it is.
            let reads = checked.iter().map(|field| {
                let wire = &field.wire_name;
                let (inner, _) = crate::json::present_type(field.ty);
                quote! {
                    #wire => <#inner as ::m3ter_models::ValidateJson>::as_read(__member).into_owned(),
                }
            });
            quote! {
                for (__name, __member) in __object {
                    let __key: &str = __name.as_str();
                    if !#declared_key || #matched {
                        let __read = match __key {
                            #(#reads)*
                            _ => ::std::clone::Clone::clone(__member),
                        };
                        __whole.insert(::std::clone::Clone::clone(__name), __read);
                    }
                }
            }
        }
    };
    let checks = value_checks(
        &quote!(&__whole),
        &quote!(true),
        &format_ident!("__others_path"),
        &others.keywords,
        Mode::Json,
        None,
    );
    quote_spanned! {others.span=>
        {
            let __others_path: #rules::Path<'_> = *__path;
            let mut __whole: #rules::serde_json::Map<::std::string::String, #rules::serde_json::Value> =
                #rules::serde_json::Map::new();
            #gather
            #checks
        }
    }
}

/// The RFC 6901 pointer of the member `wire` of the whole document, written here so that an
/// error there needs no pointer built at run time (`Path::member`).
pub(crate) fn root_pointer(wire: &str) -> String {
    m3ter_vocab::pointer::member(wire)
}

/// Whether checks run on the typed value or on its raw JSON (`&serde_json::Value`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Typed,
    Json,
}

/// `checks` of a raw item or member value (`__item`) run only when the value is of the JSON
/// type of `ty`, the Rust type it stands for (in JSON mode): a value of another type is its
/// container's `type` error alone, as a member of another type is (`json.rs`). Typed, or
/// without a type to match, the checks as they are.
fn when_of_type(checks: TokenStream, ty: Option<&TokenStream>, mode: Mode) -> TokenStream {
    match ty {
        Some(ty) if mode == Mode::Json => quote! {
            if <#ty as ::m3ter_models::ValidateJson>::matches_type(__item) {
                #checks
            }
        },
        _ => checks,
    }
}

/// The checks of `keywords` on `value` (an expression of a reference to the field or item),
/// whose path is the local `path`, in the vocabulary's table order. In JSON mode, presence and
/// nesting are the caller's: the same runtime rules read the raw value through
/// `StrField`/`NumberField`/`ItemsField`.
///
/// `present` is a `bool` expression: whether the value is there at all (a typed `Option`
/// member's `is_some()`; `true` for a raw member, which is checked only when present, and for
/// an item). The keywords that decide on a value as a whole (`not`) check nothing without one;
/// the others read an absent `Option` as nothing to check.
///
/// In JSON mode, `rust_type` is the Rust type the raw value stands for (the field's, under its
/// `Option`): an item of another JSON type than its list's item type is the list type's `type`
/// error alone, as a member of another type is (`json.rs`), so the item keywords skip it.
pub(crate) fn value_checks(
    value: &TokenStream,
    present: &TokenStream,
    path: &syn::Ident,
    keywords: &Keywords,
    mode: Mode,
    rust_type: Option<&TokenStream>,
) -> TokenStream {
    let rules = quote!(::m3ter_models::__private_v0_1);
    let mut out = TokenStream::new();
    for keyword in Keyword::ALL.iter().copied() {
        let Some(param) = keywords.get(keyword) else {
            continue;
        };
        out.extend(match keyword {
            Keyword::Type => {
                let Param::Types(types) = param else { continue };
                let expected = types.value.expected();
                let set = types_tokens(types.value);
                // On the keyword, so that a field that is not a `serde_json::Value` (a type
                // without `JsonField`) is reported where `type` is written.
                let check = quote_spanned! {types.name=> #rules::check_type};
                quote! { #check(#value, #set, #expected, &#path, __errors); }
            }
            // A pair is checked once, at its first keyword present.
            Keyword::MinLength => {
                let (min, max) = pair(keywords, Keyword::MinLength, Keyword::MaxLength);
                quote! { #rules::check_length(#value, #min, #max, &#path, __errors); }
            }
            Keyword::MaxLength if !keywords.has(Keyword::MinLength) => {
                let (min, max) = pair(keywords, Keyword::MinLength, Keyword::MaxLength);
                quote! { #rules::check_length(#value, #min, #max, &#path, __errors); }
            }
            Keyword::MinItems => {
                let (min, max) = pair(keywords, Keyword::MinItems, Keyword::MaxItems);
                quote! { #rules::check_items(#value, #min, #max, &#path, __errors); }
            }
            Keyword::MaxItems if !keywords.has(Keyword::MinItems) => {
                let (min, max) = pair(keywords, Keyword::MinItems, Keyword::MaxItems);
                quote! { #rules::check_items(#value, #min, #max, &#path, __errors); }
            }
            Keyword::MinProperties => {
                let (min, max) = pair(keywords, Keyword::MinProperties, Keyword::MaxProperties);
                let check = checked_on(&param, "check_properties");
                quote! { #check(#value, #min, #max, &#path, __errors); }
            }
            Keyword::MaxProperties if !keywords.has(Keyword::MinProperties) => {
                let (min, max) = pair(keywords, Keyword::MinProperties, Keyword::MaxProperties);
                let check = checked_on(&param, "check_properties");
                quote! { #check(#value, #min, #max, &#path, __errors); }
            }
            Keyword::MaxLength | Keyword::MaxItems | Keyword::MaxProperties => continue,
            Keyword::MultipleOf => {
                let Param::Number(divisor) = param else { continue };
                let divisor = number_tokens(divisor.value);
                quote! { #rules::check_multiple_of(#value, #divisor, &#path, __errors); }
            }
            Keyword::UniqueItems => {
                let check = checked_on(&param, "check_unique_items");
                quote! { #check(#value, &#path, __errors); }
            }
            Keyword::Const | Keyword::Enum => {
                let Param::Json(lit) = param else { continue };
                let check = if keyword == Keyword::Const {
                    "check_const"
                } else {
                    "check_enum_values"
                };
                let check = checked_on(&param, check);
                let text = &lit.value;
                quote! {{
                    static __VALUES: #rules::JsonLiteral = #rules::JsonLiteral::new(#text);
                    #check(#value, &__VALUES, &#path, __errors);
                }}
            }
            Keyword::DependentRequired => {
                let Param::Json(lit) = param else { continue };
                // Checked by `check::check_param` before this runs.
                let Ok(dependencies) = check::dependent_required(&lit.value.value()) else {
                    continue;
                };
                let pairs = dependencies.iter().map(|(name, required)| {
                    quote! { (#name, &[#(#required),*]) }
                });
                let check = checked_on(&param, "check_dependent_required");
                quote! {{
                    static __DEPENDENCIES: &[(&str, &[&str])] = &[#(#pairs),*];
                    #check(#value, __DEPENDENCIES, &#path, __errors);
                }}
            }
            Keyword::Format => {
                let Param::Format(format) = param else { continue };
                let variant = format_ident!("{}", format.value.ident());
                let name = format.value.name();
                // A pattern the format implies is not matched again (decided when this compiles).
                let (pattern_static, pattern_ref) = match keywords.pattern.as_ref().map(|p| &p.value) {
                    Some(lit) => (
                        pattern_static(lit, keywords),
                        quote! {
                            if const { #rules::pattern::implied_by_format(#name, #lit) } { None } else { Some(&__PATTERN) }
                        },
                    ),
                    None => (TokenStream::new(), quote!(None)),
                };
                quote! {{
                    #pattern_static
                    #rules::check_format(#value, #rules::Format::#variant, #pattern_ref, &#path, __errors);
                }}
            }
            Keyword::Pattern if keywords.has(Keyword::Format) => continue,
            Keyword::Pattern => {
                let Param::Text(lit) = param else { continue };
                let pattern_static = pattern_static(&lit.value, keywords);
                quote! {{
                    #pattern_static
                    #rules::check_pattern(#value, &__PATTERN, &#path, __errors);
                }}
            }
            // Said by the pattern's error (`pattern_static`).
            Keyword::PatternRule => continue,
            // An annotation: the value when absent constrains nothing (the schema states it).
            Keyword::Default => continue,
            Keyword::Minimum
            | Keyword::Maximum
            | Keyword::ExclusiveMinimum
            | Keyword::ExclusiveMaximum => {
                let Param::Number(limit) = param else { continue };
                // `RangeBound` names its variants as the keywords are named.
                let bound = format_ident!("{}", format!("{keyword:?}"));
                let limit = number_tokens(limit.value);
                quote! { #rules::check_range(#value, #rules::RangeBound::#bound, #limit, &#path, __errors); }
            }
            // After `prefix_items`' items, if any (JSON Schema 2020-12).
            Keyword::Items => {
                let Param::Items(inner) = param else { continue };
                let prefix = match keywords.get(Keyword::PrefixItems) {
                    Some(Param::Schemas(schemas)) => schemas.value.len(),
                    _ => 0,
                };
                let (item_path, item_type, item_checks) =
                    item_checks(path, "item", &inner.value, mode, rust_type);
                let item_checks = when_of_type(item_checks, item_type.as_ref(), mode);
                quote! {
                    if let Some(__items) = #rules::ItemsField::items(#value) {
                        for (__index, __item) in __items.iter().enumerate().skip(#prefix) {
                            let #item_path = #path.index(__index);
                            #item_checks
                        }
                    }
                }
            }
            // Each member whose name matches a pattern, checked by that pattern's keywords,
            // at the member's pointer (as `additionalProperties` checks each value).
            Keyword::PatternProperties => {
                let Param::PatternSchemas(schemas) = param else { continue };
                let member_type =
                    rust_type.map(|ty| quote!(<#ty as #rules::MembersField>::Value));
                let member_path = format_ident!("{}_member", path);
                let per_pattern = schemas.value.iter().map(|(lit, inner)| {
                    let checks = value_checks(
                        &quote!(__item),
                        &quote!(true),
                        &member_path,
                        inner,
                        mode,
                        member_type.as_ref(),
                    );
                    let matches = pattern_match(lit);
                    quote! {
                        if #matches {
                            #checks
                        }
                    }
                });
                let member_checks = quote!(#(#per_pattern)*);
                let member_checks = when_of_type(member_checks, member_type.as_ref(), mode);
                let members = checked_on(&param, "MembersField");
                quote! {
                    if let Some(__members) = #members::members(#value) {
                        for (__key, __item) in __members {
                            // Unused when every pattern's keywords are empty.
                            #[allow(unused_variables)]
                            let #member_path = #path.key(__key);
                            #member_checks
                        }
                    }
                }
            }
            // Each member's value, at the member's pointer, as `items` checks each item (in JSON
            // mode a value of another JSON type than the map's values is that type's error
            // alone, as an item's is).
            Keyword::AdditionalProperties => {
                let Param::Items(inner) = param else { continue };
                let member_type =
                    rust_type.map(|ty| quote!(<#ty as #rules::MembersField>::Value));
                let member_path = format_ident!("{}_member", path);
                let member_checks = value_checks(
                    &quote!(__item),
                    &quote!(true),
                    &member_path,
                    &inner.value,
                    mode,
                    member_type.as_ref(),
                );
                let member_checks = when_of_type(member_checks, member_type.as_ref(), mode);
                // Beside `properties` and `pattern_properties`, only the members none of their
                // names and patterns takes.
                let mut taken: Vec<TokenStream> = Vec::new();
                if let Some(Param::MemberSchemas(schemas)) = keywords.get(Keyword::Properties) {
                    taken.extend(schemas.value.iter().map(|(lit, _)| quote!(__key == #lit)));
                }
                if let Some(Param::PatternSchemas(schemas)) =
                    keywords.get(Keyword::PatternProperties)
                {
                    taken.extend(schemas.value.iter().map(|(lit, _)| pattern_match(lit)));
                }
                let member_checks = if taken.is_empty() {
                    member_checks
                } else {
                    quote! {
                        if !(false #(|| #taken)*) {
                            #member_checks
                        }
                    }
                };
                let members = checked_on(&param, "MembersField");
                quote! {
                    if let Some(__members) = #members::members(#value) {
                        for (__key, __item) in __members {
                            let #member_path = #path.key(__key);
                            #member_checks
                        }
                    }
                }
            }
            // Each missing member named, a `required` error at its pointer (a value that is
            // not an object has none to require).
            Keyword::RequiredMembers => {
                let Param::Json(lit) = param else { continue };
                // Checked by `check::check_param` before this runs.
                let Ok(names) = check::required_members(&lit.value.value()) else {
                    continue;
                };
                let check = checked_on(&param, "check_required_members");
                quote! {{
                    static __REQUIRED: &[&str] = &[#(#names),*];
                    #check(#value, __REQUIRED, &#path, __errors);
                }}
            }
            // Each member named that is present, checked by its keywords at its pointer (as
            // `additional_properties` checks each member's value).
            Keyword::Properties => {
                let Param::MemberSchemas(schemas) = param else { continue };
                let member_type =
                    rust_type.map(|ty| quote!(<#ty as #rules::MembersField>::Value));
                let member_path = format_ident!("{}_member", path);
                let members = checked_on(&param, "MembersField");
                let per_member = schemas.value.iter().map(|(lit, inner)| {
                    let checks = value_checks(
                        &quote!(__item),
                        &quote!(true),
                        &member_path,
                        inner,
                        mode,
                        member_type.as_ref(),
                    );
                    quote! {
                        if let Some(__item) = #members::member(#value, #lit) {
                            // Unused when the member's keywords are empty.
                            #[allow(unused_variables)]
                            let #member_path = #path.key(#lit);
                            #checks
                        }
                    }
                });
                quote!(#(#per_member)*)
            }
            // Each member's name, a `&str` on both paths, checked by the keywords inside with
            // its errors collected apart, then reported at the object as `propertyNames`.
            Keyword::PropertyNames => {
                let Param::Items(inner) = param else { continue };
                let name_path = format_ident!("{}_name", path);
                let name_checks =
                    value_checks(
                    &quote!(__name),
                    &quote!(true),
                    &name_path,
                    &inner.value,
                    Mode::Typed,
                    None,
                );
                let members = checked_on(&param, "MembersField");
                quote! {
                    if let Some(__members) = #members::members(#value) {
                        let mut __found: ::std::vec::Vec<#rules::ValidationError> = ::std::vec::Vec::new();
                        for (__name, _) in __members {
                            {
                                // Unused when `property_names()` is empty.
                                #[allow(unused_variables)]
                                let #name_path = #path;
                                #[allow(unused_variables)]
                                let __errors = &mut __found;
                                #name_checks
                            }
                            #rules::check_property_name(__name, &mut __found, &#path, __errors);
                        }
                    }
                }
            }
            // Item `i` by schema `i`, its errors the item's own (an item of another JSON type
            // in the raw walk is its type error alone, as under `items`).
            Keyword::PrefixItems => {
                let Param::Schemas(schemas) = param else { continue };
                let arms = schemas.value.iter().enumerate().map(|(index, schema)| {
                    let (item_path, item_type, checks) =
                        item_checks(path, "prefix", schema, mode, rust_type);
                    let checks = when_of_type(checks, item_type.as_ref(), mode);
                    quote! {
                        #index => {
                            #[allow(unused_variables)]
                            let #item_path = #path.index(__index);
                            #checks
                        }
                    }
                });
                quote! {
                    if let Some(__items) = #rules::ItemsField::items(#value) {
                        for (__index, __item) in __items.iter().enumerate() {
                            match __index {
                                #(#arms)*
                                _ => break,
                            }
                        }
                    }
                }
            }
            // Each item's checks are collected apart: an item with none counts as a match. In
            // JSON mode an item of another JSON type than the list's items is its type error
            // and no match (the typed path never sees it).
            Keyword::Contains => {
                let Param::Items(inner) = param else { continue };
                let (item_path, item_type, satisfied) =
                    item_satisfies(path, "contains", &inner.value, mode, rust_type);
                let candidate = match &item_type {
                    Some(item_type) if mode == Mode::Json => quote! {
                        <#item_type as ::m3ter_models::ValidateJson>::matches_type(__item)
                    },
                    _ => quote!(true),
                };
                let (min, max) = pair(keywords, Keyword::MinContains, Keyword::MaxContains);
                quote! {
                    if let Some(__items) = #rules::ItemsField::items(#value) {
                        let mut __matched: u64 = 0;
                        for (__index, __item) in __items.iter().enumerate() {
                            if !(#candidate) {
                                continue;
                            }
                            // Unused when `contains()` is empty (`contains: true`).
                            #[allow(unused_variables)]
                            let #item_path = #path.index(__index);
                            if #satisfied {
                                __matched += 1;
                            }
                        }
                        #rules::check_contains(__matched, #min, #max, &#path, __errors);
                    }
                }
            }
            // The value itself is checked against the nested schema, its errors collected
            // apart: none means it satisfies it, which `not` refuses. An absent member is not
            // a value (`present`).
            Keyword::Not => {
                let Param::Items(inner) = param else { continue };
                let satisfied = satisfies(value, path, &inner.value, mode, rust_type);
                quote! {
                    if #present {
                        #rules::check_not(#satisfied, &#path, __errors);
                    }
                }
            }
            // `if` decides silently (its checks collected apart); the branch it chooses is
            // checked as the value's own keywords, its errors reported. `then` and `else` are
            // expanded here (`check` refuses them without `if`).
            Keyword::If => {
                let Param::Items(condition) = param else { continue };
                let satisfied = satisfies(value, path, &condition.value, mode, rust_type);
                let branch = |keyword| match keywords.get(keyword) {
                    Some(Param::Items(branch)) => {
                        value_checks(value, present, path, &branch.value, mode, rust_type)
                    }
                    _ => TokenStream::new(),
                };
                let then_checks = branch(Keyword::Then);
                let else_checks = branch(Keyword::Else);
                quote! {
                    if #present {
                        if #satisfied {
                            #then_checks
                        } else {
                            #else_checks
                        }
                    }
                }
            }
            Keyword::Then | Keyword::Else => continue,
            // Each schema is checked on its own, its errors the value's own (each in a block
            // of its own, so that two parts' statics do not meet).
            Keyword::AllOf => {
                let Param::Schemas(schemas) = param else { continue };
                let parts = schemas
                    .value
                    .iter()
                    .map(|schema| value_checks(value, present, path, schema, mode, rust_type));
                quote! {
                    if #present {
                        #( { #parts } )*
                    }
                }
            }
            // Each schema decides apart; the count decides.
            Keyword::AnyOf | Keyword::OneOf => {
                let Param::Schemas(schemas) = param else { continue };
                let branches = schemas.value.len() as u64;
                let satisfied = schemas
                    .value
                    .iter()
                    .map(|schema| satisfies(value, path, schema, mode, rust_type));
                let check = if keyword == Keyword::AnyOf {
                    quote!(check_any_of)
                } else {
                    quote!(check_one_of)
                };
                quote! {
                    if #present {
                        let mut __matched: u64 = 0;
                        #(
                            if #satisfied {
                                __matched += 1;
                            }
                        )*
                        #rules::#check(__matched, #branches, &#path, __errors);
                    }
                }
            }
            // Decided with `contains` (`check` refuses them without it).
            Keyword::MinContains | Keyword::MaxContains => continue,
            // The raw walk delegates to the member type's `ValidateJson` (the caller's).
            Keyword::Nested if mode == Mode::Json => continue,
            Keyword::Nested => {
                let Param::Flag(mark) = param else { continue };
                // On the keyword, so that a type without `Validate` is reported where it is asked.
                let validate = quote_spanned! {mark.name=> ::m3ter_models::Validate::validate_at};
                quote! { #validate(#value, &#path, __errors); }
            }
            Keyword::Forbidden if mode == Mode::Json => continue,
            Keyword::Forbidden => {
                let Param::Context(context) = param else { continue };
                let context = match &context.value {
                    Some(lit) => quote!(Some(#lit)),
                    None => quote!(None),
                };
                quote! { #rules::check_forbidden(#value, #context, &#path, __errors); }
            }
            // How a member may appear is decided by serde in the typed world and by the
            // member checks of the raw walk (`json.rs`).
            Keyword::Required | Keyword::Nullable => continue,
        });
    }
    out
}

/// The path of a rule whose trait bounds decide whether the field's type is supported, spanned
/// on the keyword, so that an unsupported type is reported where the keyword is written.
fn checked_on(param: &Param<'_, crate::ast::Tokens>, rule: &str) -> TokenStream {
    let span = crate::ast::name_span(param);
    let rule = syn::Ident::new(rule, span);
    quote_spanned! {span=> ::m3ter_models::__private_v0_1::#rule}
}

/// The checks of `inner` on each item `__item` of a list (`items(...)`, `contains(...)`): the
/// item's path local (`<path>_<suffix>`), the item's Rust type when the list's is known, and
/// the checks.
fn item_checks(
    path: &syn::Ident,
    suffix: &str,
    inner: &Keywords,
    mode: Mode,
    rust_type: Option<&TokenStream>,
) -> (syn::Ident, Option<TokenStream>, TokenStream) {
    let rules = quote!(::m3ter_models::__private_v0_1);
    let item_path = format_ident!("{}_{}", path, suffix);
    let item_type = rust_type.map(|ty| quote!(<#ty as #rules::ItemsField>::Item));
    let checks = value_checks(
        &quote!(__item),
        &quote!(true),
        &item_path,
        inner,
        mode,
        item_type.as_ref(),
    );
    (item_path, item_type, checks)
}

/// Like [`item_checks`], but the checks as a `bool` expression: whether the item `__item`
/// satisfies `inner` ([`satisfies`]).
fn item_satisfies(
    path: &syn::Ident,
    suffix: &str,
    inner: &Keywords,
    mode: Mode,
    rust_type: Option<&TokenStream>,
) -> (syn::Ident, Option<TokenStream>, TokenStream) {
    let rules = quote!(::m3ter_models::__private_v0_1);
    let item_path = format_ident!("{}_{}", path, suffix);
    let item_type = rust_type.map(|ty| quote!(<#ty as #rules::ItemsField>::Item));
    let satisfied = satisfies(&quote!(__item), &item_path, inner, mode, item_type.as_ref());
    (item_path, item_type, satisfied)
}

/// A `bool` expression: whether `value` (at the path local `path`) satisfies the nested schema
/// `inner`, its checks run into a scratch list of their own (none recorded: satisfied). What
/// `contains(...)` counts and `not(...)` refuses. The value is present where this runs.
pub(crate) fn satisfies(
    value: &TokenStream,
    path: &syn::Ident,
    inner: &Keywords,
    mode: Mode,
    rust_type: Option<&TokenStream>,
) -> TokenStream {
    let rules = quote!(::m3ter_models::__private_v0_1);
    let checks = value_checks(value, &quote!(true), path, inner, mode, rust_type);
    quote! {{
        let mut __scratch: ::std::vec::Vec<#rules::ValidationError> = ::std::vec::Vec::new();
        {
            // Unused when the nested schema is empty (`not()`, `contains()`).
            #[allow(unused_variables)]
            let __errors = &mut __scratch;
            #checks
        }
        __scratch.is_empty()
    }}
}

/// The compiled pattern as a `static __PATTERN`, after a compile-time assertion that it can be
/// matched without m3ter-models' `regex` feature or that the feature is on.
fn pattern_static(lit: &syn::LitStr, keywords: &Keywords) -> TokenStream {
    let rules = quote!(::m3ter_models::__private_v0_1);
    // Without m3ter-models' `regex` feature only the fragment's own patterns can be
    // matched: any other is a compile error here, on the literal, never a skipped check.
    let supported = quote_spanned! {lit.span()=>
        const _: () = ::core::assert!(
            #rules::pattern::is_supported(#lit),
            "this `pattern` needs the `regex` feature of m3ter-models (without it only the fragment's own patterns can be matched)"
        );
    };
    let constructor = match keywords.pattern_rule.as_ref() {
        Some(rule) => {
            let rule = &rule.value;
            quote!(#rules::Pattern::with_rule(#lit, #rule))
        }
        None => quote!(#rules::Pattern::new(#lit)),
    };
    quote! {
        #supported
        static __PATTERN: #rules::Pattern = #constructor;
    }
}

/// An expression: whether the member name `__key` matches the ECMA-262 pattern `lit`
/// (compiled once, in a `static`; without the `regex` feature only the fragment's own
/// patterns compile, as for `pattern`).
fn pattern_match(lit: &syn::LitStr) -> TokenStream {
    let rules = quote!(::m3ter_models::__private_v0_1);
    let supported = quote_spanned! {lit.span()=>
        const _: () = ::core::assert!(
            #rules::pattern::is_supported(#lit),
            "this `pattern` needs the `regex` feature of m3ter-models (without it only the fragment's own patterns can be matched)"
        );
    };
    quote! {{
        #supported
        static __NAME_PATTERN: #rules::Pattern = #rules::Pattern::new(#lit);
        __NAME_PATTERN.is_match(__key)
    }}
}

/// A `Number` constant.
pub(crate) fn number_tokens(number: Number) -> TokenStream {
    match number {
        Number::Int(i) => quote!(::m3ter_models::__private_v0_1::Number::Int(#i)),
        Number::Float(f) => quote!(::m3ter_models::__private_v0_1::Number::Float(#f)),
    }
}

/// The `Option<u64>` arguments of a pair of count keywords.
fn pair(keywords: &Keywords, lower: Keyword, upper: Keyword) -> (TokenStream, TokenStream) {
    let count = |k| match keywords.count(k) {
        Some(n) => quote!(Some(#n)),
        None => quote!(None),
    };
    (count(lower), count(upper))
}

/// A `Types` constant: the set built from its types.
pub(crate) fn types_tokens(types: Types) -> TokenStream {
    let vocab = quote!(::m3ter_models::__private_v0_1::vocab);
    let parts = types.iter().map(|ty| {
        let variant = format_ident!("{}", format!("{ty:?}"));
        quote!(.or(#vocab::Types::of(#vocab::JsonType::#variant)))
    });
    quote!(#vocab::Types::NONE #(#parts)*)
}
