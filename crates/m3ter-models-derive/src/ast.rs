//! Parse: `syn` input into a typed model of the container, its fields and their keywords.
//! Every malformed attribute is recorded in [`Errors`] and parsing goes on.

use proc_macro2::Span;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{
    Attribute, Data, DeriveInput, Expr, Fields, Ident, Lit, LitInt, LitStr, Member, Meta, Token,
    Type,
};

use crate::case;

/// Errors collected while parsing and checking, reported together.
#[derive(Default)]
pub(crate) struct Errors(Option<syn::Error>);

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    pub(crate) fn spanned(&mut self, span: Span, message: impl std::fmt::Display) {
        self.push(syn::Error::new(span, message));
    }

    pub(crate) fn into_result(self) -> Result<(), syn::Error> {
        self.0.map_or(Ok(()), Err)
    }
}

/// A numeric literal of a range keyword.
#[derive(Clone, Copy, Debug)]
pub(crate) enum NumberLit {
    Int(i128),
    Float(f64),
}

impl NumberLit {
    pub(crate) fn as_f64(self) -> f64 {
        match self {
            #[allow(clippy::cast_precision_loss)]
            NumberLit::Int(i) => i as f64,
            NumberLit::Float(f) => f,
        }
    }
}

/// One keyword of a `#[spec(...)]` attribute, with the span of its name.
pub(crate) struct Keyword {
    pub(crate) name: Ident,
    pub(crate) value: KeywordValue,
}

pub(crate) enum KeywordValue {
    MinLength(u64),
    MaxLength(u64),
    Pattern(LitStr),
    Format(LitStr),
    Minimum(NumberLit),
    Maximum(NumberLit),
    ExclusiveMinimum(NumberLit),
    ExclusiveMaximum(NumberLit),
    MinItems(u64),
    MaxItems(u64),
    Items(Vec<Keyword>),
    Nested,
    Forbidden(Option<LitStr>),
    /// Raw JSON: the member must be present (for an `Option` field).
    Required,
    /// Raw JSON: the member may be `null`.
    Nullable,
}

pub(crate) const FIELD_KEYWORDS: &str = "min_length, max_length, pattern, format, minimum, maximum, \
     exclusive_minimum, exclusive_maximum, min_items, max_items, items(...), nested, forbidden, \
     required, nullable";

pub(crate) struct Field<'a> {
    pub(crate) member: Member,
    pub(crate) ty: &'a Type,
    pub(crate) span: Span,
    /// The wire name: serde's `rename`, else `rename_all` applied, else the Rust name.
    pub(crate) wire_name: String,
    /// `#[serde(flatten)]`: the field's members sit in this object, so no path segment.
    pub(crate) flatten: bool,
    /// `#[serde(default)]` on the field or the container: the member may be absent.
    pub(crate) serde_default: bool,
    /// `#[serde(skip)]` or `skip_deserializing`: the member is never read from JSON.
    pub(crate) skip_deserializing: bool,
    pub(crate) keywords: Vec<Keyword>,
    /// `#[doc]` and `#[serde]` attributes, copied to the JSON Schema shadow.
    pub(crate) passthrough: Vec<&'a Attribute>,
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    /// The wire string: serde's `rename`, else `rename_all` applied, else the Rust name.
    pub(crate) wire_name: String,
    pub(crate) passthrough: Vec<&'a Attribute>,
}

pub(crate) enum Body<'a> {
    Struct { fields: Vec<Field<'a>>, named: bool },
    UnitEnum(Vec<Variant<'a>>),
}

pub(crate) struct Container<'a> {
    pub(crate) input: &'a DeriveInput,
    pub(crate) body: Body<'a>,
    /// `#[spec(json_schema)]`: also implement `schemars::JsonSchema`.
    pub(crate) json_schema: Option<Span>,
    /// `#[spec(json)]`: also implement `ValidateJson` (the same rules over raw JSON).
    pub(crate) json: Option<Span>,
    /// `#[serde(deny_unknown_fields)]`: raw JSON with another member is an error.
    pub(crate) deny_unknown_fields: bool,
    pub(crate) passthrough: Vec<&'a Attribute>,
}

fn passthrough(attrs: &[Attribute]) -> Vec<&Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("doc") || a.path().is_ident("serde"))
        .collect()
}

pub(crate) fn parse<'a>(input: &'a DeriveInput, errors: &mut Errors) -> Container<'a> {
    let mut json_schema = None;
    let mut json = None;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("spec")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("json_schema") {
                json_schema = Some(meta.path.span());
                Ok(())
            } else if meta.path.is_ident("json") {
                json = Some(meta.path.span());
                Ok(())
            } else {
                Err(meta.error("unknown container keyword; expected `json` or `json_schema`"))
            }
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
    let rename_all = serde_string(&input.attrs, "rename_all");
    let container_default = serde_flag(&input.attrs, "default");
    let body = match &input.data {
        Data::Struct(data) => {
            let named = matches!(data.fields, Fields::Named(_));
            let fields = data
                .fields
                .iter()
                .enumerate()
                .map(|(index, field)| {
                    parse_field(
                        index,
                        field,
                        rename_all.as_deref(),
                        container_default,
                        errors,
                    )
                })
                .collect();
            Body::Struct { fields, named }
        }
        Data::Enum(data) => {
            let mut variants = Vec::new();
            for variant in &data.variants {
                if !matches!(variant.fields, Fields::Unit) {
                    errors.spanned(
                        variant.span(),
                        "`Validate` supports enums of unit variants only",
                    );
                }
                for attr in variant.attrs.iter().filter(|a| a.path().is_ident("spec")) {
                    errors.spanned(attr.span(), "`#[spec]` has no keywords for enum variants");
                }
                let wire_name = serde_string(&variant.attrs, "rename")
                    .or_else(|| {
                        rename_all.as_deref().and_then(|rule| {
                            case::apply_to_variant(rule, &variant.ident.to_string())
                        })
                    })
                    .unwrap_or_else(|| variant.ident.to_string());
                variants.push(Variant {
                    ident: &variant.ident,
                    wire_name,
                    passthrough: passthrough(&variant.attrs),
                });
            }
            Body::UnitEnum(variants)
        }
        Data::Union(data) => {
            errors.spanned(
                data.union_token.span,
                "`Validate` cannot be derived for a union",
            );
            Body::UnitEnum(Vec::new())
        }
    };
    Container {
        input,
        body,
        json_schema,
        json,
        deny_unknown_fields: serde_flag(&input.attrs, "deny_unknown_fields"),
        passthrough: passthrough(&input.attrs),
    }
}

fn parse_field<'a>(
    index: usize,
    field: &'a syn::Field,
    rename_all: Option<&str>,
    container_default: bool,
    errors: &mut Errors,
) -> Field<'a> {
    let member = match &field.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(index.into()),
    };
    let rust_name = match &field.ident {
        Some(ident) => {
            let name = ident.to_string();
            name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
        }
        None => index.to_string(),
    };
    let wire_name = serde_string(&field.attrs, "rename")
        .or_else(|| rename_all.and_then(|rule| case::apply(rule, &rust_name)))
        .unwrap_or(rust_name);
    let flatten = serde_flag(&field.attrs, "flatten");
    let serde_default = container_default
        || serde_flag(&field.attrs, "default")
        || serde_name_value(&field.attrs, "default");
    let skip_deserializing =
        serde_flag(&field.attrs, "skip") || serde_flag(&field.attrs, "skip_deserializing");
    let mut keywords = Vec::new();
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("spec")) {
        match attr.parse_args_with(|input: ParseStream| parse_keywords(input, errors)) {
            Ok(list) => keywords.extend(list),
            Err(error) => errors.push(error),
        }
    }
    Field {
        member,
        ty: &field.ty,
        span: field.span(),
        wire_name,
        flatten,
        serde_default,
        skip_deserializing,
        keywords,
        passthrough: passthrough(&field.attrs),
    }
}

/// Parses `kw = value, kw(...), kw, ...`. Unknown keywords and bad values are recorded and
/// skipped, so one attribute can report several mistakes.
fn parse_keywords(input: ParseStream, errors: &mut Errors) -> syn::Result<Vec<Keyword>> {
    let mut keywords = Vec::new();
    while !input.is_empty() {
        let name: Ident = input.call(syn::ext::IdentExt::parse_any)?;
        match parse_value(&name, input, errors) {
            Ok(Some(value)) => keywords.push(Keyword { name, value }),
            Ok(None) => {}
            Err(error) => {
                errors.push(error);
                skip_value(input)?;
            }
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(keywords)
}

fn skip_value(input: ParseStream) -> syn::Result<()> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        input.parse::<Expr>()?;
    } else if input.peek(syn::token::Paren) {
        let _content;
        syn::parenthesized!(_content in input);
        let _ = _content.parse::<proc_macro2::TokenStream>()?;
    }
    Ok(())
}

fn parse_value(
    name: &Ident,
    input: ParseStream,
    errors: &mut Errors,
) -> syn::Result<Option<KeywordValue>> {
    let key = name.to_string();
    let value = match key.as_str() {
        "min_length" => KeywordValue::MinLength(parse_count(input)?),
        "max_length" => KeywordValue::MaxLength(parse_count(input)?),
        "min_items" => KeywordValue::MinItems(parse_count(input)?),
        "max_items" => KeywordValue::MaxItems(parse_count(input)?),
        "pattern" => KeywordValue::Pattern(parse_str(input)?),
        "format" => KeywordValue::Format(parse_str(input)?),
        "minimum" => KeywordValue::Minimum(parse_number(input)?),
        "maximum" => KeywordValue::Maximum(parse_number(input)?),
        "exclusive_minimum" => KeywordValue::ExclusiveMinimum(parse_number(input)?),
        "exclusive_maximum" => KeywordValue::ExclusiveMaximum(parse_number(input)?),
        "nested" => KeywordValue::Nested,
        "required" => KeywordValue::Required,
        "nullable" => KeywordValue::Nullable,
        "forbidden" => {
            if input.peek(Token![=]) {
                KeywordValue::Forbidden(Some(parse_str(input)?))
            } else {
                KeywordValue::Forbidden(None)
            }
        }
        "items" => {
            let content;
            syn::parenthesized!(content in input);
            KeywordValue::Items(parse_keywords(&content, errors)?)
        }
        _ => {
            return Err(syn::Error::new(
                name.span(),
                format!("unknown keyword `{key}`; expected one of: {FIELD_KEYWORDS}"),
            ));
        }
    };
    Ok(Some(value))
}

fn parse_count(input: ParseStream) -> syn::Result<u64> {
    input.parse::<Token![=]>()?;
    let lit: LitInt = input.parse()?;
    lit.base10_parse::<u64>()
}

fn parse_str(input: ParseStream) -> syn::Result<LitStr> {
    input.parse::<Token![=]>()?;
    input.parse()
}

fn parse_number(input: ParseStream) -> syn::Result<NumberLit> {
    input.parse::<Token![=]>()?;
    let negative = input.peek(Token![-]);
    if negative {
        input.parse::<Token![-]>()?;
    }
    match input.parse::<Lit>()? {
        Lit::Int(lit) => {
            let n = lit.base10_parse::<i128>()?;
            Ok(NumberLit::Int(if negative { -n } else { n }))
        }
        Lit::Float(lit) => {
            let x = lit.base10_parse::<f64>()?;
            Ok(NumberLit::Float(if negative { -x } else { x }))
        }
        other => Err(syn::Error::new(other.span(), "expected a number")),
    }
}

/// The string of a serde attribute `name = "..."` (for `rename(deserialize = "...")`, the
/// deserialize name: validation reads what is received).
fn serde_string(attrs: &[Attribute], name: &str) -> Option<String> {
    serde_metas(attrs).into_iter().find_map(|meta| match meta {
        Meta::NameValue(nv) if nv.path.is_ident(name) => lit_str(&nv.value),
        Meta::List(list) if list.path.is_ident(name) => list
            .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
            .ok()?
            .into_iter()
            .find_map(|inner| match inner {
                Meta::NameValue(nv) if nv.path.is_ident("deserialize") => lit_str(&nv.value),
                _ => None,
            }),
        _ => None,
    })
}

fn serde_flag(attrs: &[Attribute], name: &str) -> bool {
    serde_metas(attrs)
        .iter()
        .any(|meta| matches!(meta, Meta::Path(path) if path.is_ident(name)))
}

fn serde_name_value(attrs: &[Attribute], name: &str) -> bool {
    serde_metas(attrs)
        .iter()
        .any(|meta| matches!(meta, Meta::NameValue(nv) if nv.path.is_ident(name)))
}

fn serde_metas(attrs: &[Attribute]) -> Vec<Meta> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("serde"))
        .filter_map(|a| {
            a.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
                .ok()
        })
        .flatten()
        .collect()
}

fn lit_str(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(s), ..
        }) => Some(s.value()),
        _ => None,
    }
}
