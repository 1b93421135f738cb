//! Parse: `syn` input into a typed model of the container, its fields and their keywords.
//! Every malformed attribute is recorded in [`Errors`] and parsing goes on.

use m3ter_vocab::{
    Constraints, Format, Keyword, Level, Number, Param, ParamKind, ParamValue, Repr, SetError,
};
use proc_macro2::Span;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{
    Attribute, Data, DeriveInput, Expr, Fields, Ident, Lit, LitStr, Member, Meta, Token, Type,
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

/// A parameter with the span of the keyword that set it (compared by value only).
#[derive(Clone, Debug)]
pub(crate) struct Spanned<T> {
    /// The keyword's name.
    pub(crate) name: Span,
    pub(crate) value: T,
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

/// The derive's checked model of a field's keywords: the vocabulary's [`Constraints`], each
/// parameter with the span of its keyword.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Tokens;

impl Repr for Tokens {
    type Count = Spanned<u64>;
    type Number = Spanned<Number>;
    type Text = Spanned<LitStr>;
    type Format = Spanned<Format>;
    type Items = Spanned<Box<Constraints<Tokens>>>;
    type Mark = Spanned<()>;
    type Context = Spanned<Option<LitStr>>;

    fn count(count: &Self::Count) -> u64 {
        count.value
    }
    fn number(number: &Self::Number) -> Number {
        number.value
    }
    fn format(format: &Self::Format) -> Format {
        format.value
    }
    fn items(items: &Self::Items) -> &Constraints<Self> {
        &items.value
    }
}

/// The constraints of a field or an item, as written.
pub(crate) type Keywords = Constraints<Tokens>;

/// The span of the keyword that set `param`.
pub(crate) fn name_span(param: &Param<'_, Tokens>) -> Span {
    match param {
        Param::Count(p) => p.name,
        Param::Number(p) => p.name,
        Param::Text(p) => p.name,
        Param::Format(p) => p.name,
        Param::Items(p) => p.name,
        Param::Flag(p) => p.name,
        Param::Context(p) => p.name,
    }
}

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
    /// `#[serde(deserialize_with = "...")]`: the path given, when it is a plain string.
    pub(crate) deserialize_with: Option<String>,
    /// serde reads the member some other way than by its one wire name and its type's own
    /// `Deserialize` alone (`alias`, `with`): the typed parse is not proven exact.
    pub(crate) custom_read: bool,
    pub(crate) keywords: Keywords,
    /// `#[doc]` and `#[serde]` attributes, copied to the JSON Schema shadow.
    pub(crate) passthrough: Vec<&'a Attribute>,
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    /// `#[serde(alias = "...")]`: serde also reads another name.
    pub(crate) alias: bool,
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
                    alias: serde_name_value(&variant.attrs, "alias"),
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
    let deserialize_with = serde_string(&field.attrs, "deserialize_with");
    let custom_read = serde_name_value(&field.attrs, "alias")
        || serde_name_value(&field.attrs, "with")
        || serde_name_value(&field.attrs, "deserialize_with") && deserialize_with.is_none();
    let mut keywords = Keywords::NONE;
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("spec")) {
        let parsed = attr.parse_args_with(|input: ParseStream| {
            parse_keywords(input, &mut keywords, Level::Member, errors)
        });
        if let Err(error) = parsed {
            errors.push(error);
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
        deserialize_with,
        custom_read,
        keywords,
        passthrough: passthrough(&field.attrs),
    }
}

/// Parses `kw = value, kw(...), kw, ...` into `keywords`, each keyword read from the
/// vocabulary's table. Unknown keywords, bad values and duplicates are recorded and skipped, so
/// one attribute can report several mistakes. `level` is the widest level allowed here
/// (`Member` on a field, `Value` inside `items(...)`).
fn parse_keywords(
    input: ParseStream,
    keywords: &mut Keywords,
    level: Level,
    errors: &mut Errors,
) -> syn::Result<()> {
    while !input.is_empty() {
        let name: Ident = input.call(syn::ext::IdentExt::parse_any)?;
        let key = name.to_string();
        match Keyword::from_spec_name(&key) {
            None => {
                let expected = match level {
                    Level::Member => Keyword::spec_names(None),
                    Level::Value => Keyword::spec_names(Some(Level::Value)),
                };
                errors.spanned(
                    name.span(),
                    format!("unknown keyword `{key}`; expected one of: {expected}"),
                );
                skip_value(input)?;
            }
            Some(keyword) => {
                if level == Level::Value && keyword.level() == Level::Member {
                    errors.spanned(
                        name.span(),
                        format!("`{key}` says how a member may appear: it applies to the field, not inside `items(...)`"),
                    );
                }
                match parse_param(keyword, &name, input, errors) {
                    Ok(Some(value)) => {
                        if let Err(SetError::Duplicate) = keywords.set(keyword, value) {
                            errors.spanned(name.span(), format!("duplicate keyword `{key}`"));
                        }
                    }
                    Ok(None) => {}
                    Err(error) => {
                        errors.push(error);
                        skip_value(input)?;
                    }
                }
            }
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
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

/// The parameter of `keyword`, read as its table row says. `Ok(None)` when the mistake is
/// already recorded.
fn parse_param(
    keyword: Keyword,
    name: &Ident,
    input: ParseStream,
    errors: &mut Errors,
) -> syn::Result<Option<ParamValue<Tokens>>> {
    let span = name.span();
    Ok(Some(match keyword.param() {
        ParamKind::Count => ParamValue::Count(spanned(span, parse_count(keyword, input)?)),
        ParamKind::Number => ParamValue::Number(spanned(span, parse_number(keyword, input)?)),
        ParamKind::Text => ParamValue::Text(Spanned {
            name: name.span(),
            value: parse_str(keyword, input)?,
        }),
        ParamKind::Format => {
            let lit = parse_str(keyword, input)?;
            match Format::from_name(&lit.value()) {
                Some(format) => ParamValue::Format(spanned(span, format)),
                None => {
                    errors.spanned(
                        lit.span(),
                        format!(
                            "unknown format `{}`; known formats: {}",
                            lit.value(),
                            Format::names()
                        ),
                    );
                    return Ok(None);
                }
            }
        }
        ParamKind::Items => {
            if !input.peek(syn::token::Paren) {
                return Err(syn::Error::new(
                    name.span(),
                    format!(
                        "`{keyword}` takes keywords in parentheses: `{keyword}(max_length = 10)`"
                    ),
                ));
            }
            let content;
            syn::parenthesized!(content in input);
            let mut inner = Keywords::NONE;
            parse_keywords(&content, &mut inner, Level::Value, errors)?;
            ParamValue::Items(Spanned {
                name: name.span(),
                value: Box::new(inner),
            })
        }
        ParamKind::Flag => {
            if input.peek(Token![=]) || input.peek(syn::token::Paren) {
                return Err(syn::Error::new(
                    name.span(),
                    format!("`{keyword}` takes no value: write `{keyword}`"),
                ));
            }
            ParamValue::Flag(spanned(span, ()))
        }
        ParamKind::Context => {
            let context = if input.peek(Token![=]) {
                Some(parse_str(keyword, input)?)
            } else {
                None
            };
            ParamValue::Context(Spanned {
                name: name.span(),
                value: context,
            })
        }
    }))
}

fn spanned<T>(name: Span, value: T) -> Spanned<T> {
    Spanned { name, value }
}

fn expect_eq(keyword: Keyword, input: ParseStream) -> syn::Result<()> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        Ok(())
    } else {
        Err(input.error(format!("`{keyword}` takes a value: `{keyword} = ...`")))
    }
}

fn parse_count(keyword: Keyword, input: ParseStream) -> syn::Result<u64> {
    expect_eq(keyword, input)?;
    if input.peek(Token![-]) {
        let minus: Token![-] = input.parse()?;
        let _ = input.parse::<Lit>();
        return Err(syn::Error::new(
            minus.span,
            format!("`{keyword}` takes a non-negative integer (a count), not a negative number"),
        ));
    }
    let lit: Lit = input.parse()?;
    match lit {
        Lit::Int(lit) => lit.base10_parse::<u64>().map_err(|_| {
            syn::Error::new(
                lit.span(),
                format!(
                    "`{keyword}` takes a non-negative integer up to {}",
                    u64::MAX
                ),
            )
        }),
        other => Err(syn::Error::new(
            other.span(),
            format!("`{keyword}` takes a non-negative integer such as `{keyword} = 1`"),
        )),
    }
}

fn parse_str(keyword: Keyword, input: ParseStream) -> syn::Result<LitStr> {
    expect_eq(keyword, input)?;
    let lit: Lit = input.parse()?;
    match lit {
        Lit::Str(lit) => Ok(lit),
        other => Err(syn::Error::new(
            other.span(),
            format!("`{keyword}` takes a string literal: `{keyword} = \"...\"`"),
        )),
    }
}

fn parse_number(keyword: Keyword, input: ParseStream) -> syn::Result<Number> {
    expect_eq(keyword, input)?;
    let negative = input.peek(Token![-]);
    if negative {
        input.parse::<Token![-]>()?;
    }
    match input.parse::<Lit>()? {
        Lit::Int(lit) => {
            let n = lit.base10_parse::<i128>().map_err(|_| {
                syn::Error::new(
                    lit.span(),
                    format!("`{keyword}` takes a number within 128 bits"),
                )
            })?;
            Ok(Number::Int(if negative { -n } else { n }))
        }
        Lit::Float(lit) => {
            let x = lit.base10_parse::<f64>()?;
            if !x.is_finite() {
                return Err(syn::Error::new(
                    lit.span(),
                    format!("`{keyword}` takes a finite number"),
                ));
            }
            Ok(Number::Float(if negative { -x } else { x }))
        }
        other => Err(syn::Error::new(
            other.span(),
            format!("`{keyword}` takes a number such as `{keyword} = 1`"),
        )),
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
