//! Parse: `syn` input into a typed model of the container, its fields and their keywords.
//! Every malformed attribute is recorded in [`Errors`] and parsing goes on.

use m3ter_vocab::{
    Constraints, Format, Keyword, Level, Number, Param, ParamKind, ParamValue, Repr, SetError,
    Types,
};
use proc_macro2::Span;
use syn::parse::ParseStream;
use syn::spanned::Spanned as _;
use syn::{Attribute, Data, DeriveInput, Expr, Fields, Ident, Lit, LitStr, Member, Token, Type};

use serde_derive_internals::{ast as serde_ast, attr as serde_attr, name as serde_name};

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
    type Schemas = Spanned<Vec<Constraints<Tokens>>>;
    type Mark = Spanned<()>;
    type Context = Spanned<Option<LitStr>>;
    type Types = Spanned<Types>;
    type PatternSchemas = Spanned<Vec<(LitStr, Constraints<Tokens>)>>;
    type MemberSchemas = Spanned<Vec<(LitStr, Constraints<Tokens>)>>;

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
    fn schemas(schemas: &Self::Schemas) -> &[Constraints<Self>] {
        &schemas.value
    }
    fn types(types: &Self::Types) -> Types {
        types.value
    }
    fn text(text: &Self::Text) -> std::borrow::Cow<'_, str> {
        std::borrow::Cow::Owned(text.value.value())
    }
}

/// The constraints of a field or an item, as written.
pub(crate) type Keywords = Constraints<Tokens>;

/// The span of the keyword that set `param`.
pub(crate) fn name_span(param: &Param<'_, Tokens>) -> Span {
    match param {
        Param::Count(p) => p.name,
        Param::Number(p) => p.name,
        Param::Text(p) | Param::Json(p) => p.name,
        Param::Format(p) => p.name,
        Param::Items(p) => p.name,
        Param::Schemas(p) => p.name,
        Param::Flag(p) => p.name,
        Param::Context(p) => p.name,
        Param::Types(p) => p.name,
        Param::PatternSchemas(p) | Param::MemberSchemas(p) => p.name,
    }
}

pub(crate) struct Field<'a> {
    pub(crate) member: Member,
    pub(crate) ty: &'a Type,
    pub(crate) span: Span,
    /// The wire name, as serde reads it (serde's own attribute model: `rename`, every
    /// `rename_all` rule).
    pub(crate) wire_name: String,
    /// `#[serde(alias = "...")]`: the first alias, where it was written.
    pub(crate) alias: Option<Span>,
    /// `#[serde(flatten)]`: the field's members sit in this object, so no path segment.
    pub(crate) flatten: bool,
    /// `#[serde(default)]` on the field or the container: the member may be absent.
    pub(crate) serde_default: bool,
    /// serde may fill the field with a value when the document lacks it: a `default` on a
    /// field that is not an `Option`, `default = "…"` on an `Option`, or the struct's
    /// `default` (its `Default` may set any field). A plain `default` on an `Option` is `None`.
    pub(crate) default_fills: bool,
    /// What serde fills the field with when the document lacks it (or never reads it:
    /// `skip_deserializing`), where that may be a value: the typed path checks it, so the raw
    /// path checks it too.
    pub(crate) fill: Option<Fill>,
    /// `#[serde(skip)]` or `skip_deserializing`: the member is never read from JSON.
    pub(crate) skip_deserializing: bool,
    /// `#[serde(deserialize_with = "...")]` (or `with`): the last segment of the function's
    /// path, and where it was written.
    pub(crate) deserialize_with: Option<(String, Span)>,
    /// `#[serde(skip_serializing_if = "...")]` is set.
    pub(crate) skip_serializing_if: bool,
    pub(crate) keywords: Keywords,
    /// `#[doc]` and `#[serde]` attributes, copied to the JSON Schema shadow.
    pub(crate) passthrough: Vec<&'a Attribute>,
}

/// The value serde puts in a field the document lacks, in serde's order: the field's own
/// `default` first, then the struct's.
pub(crate) enum Fill {
    /// `Default::default()` of the field's type: the field's `default` (or
    /// `skip_deserializing`, which implies it).
    TypeDefault,
    /// The field's `default = "path"`: `path()`.
    Function(syn::ExprPath),
    /// The struct's `default`: that field of the struct's `Default::default()`.
    StructDefault,
    /// The struct's `default = "path"`: that field of `path()`.
    StructFunction(syn::ExprPath),
}

/// How a member may appear in its object, as the raw check and the descriptors read it.
#[derive(Clone, Copy)]
pub(crate) struct Presence {
    /// It must be present: `#[spec(required)]`, or not an `Option` and no serde `default`.
    pub(crate) required: bool,
    /// It may be `null`.
    pub(crate) nullable: bool,
    /// It must be absent.
    pub(crate) forbidden: bool,
}

impl Field<'_> {
    /// How the member may appear.
    pub(crate) fn presence(&self) -> Presence {
        let (_, optional) = crate::json::present_type(self.ty);
        Presence {
            required: self.keywords.has(Keyword::Required) || (!optional && !self.serde_default),
            nullable: self.keywords.has(Keyword::Nullable),
            forbidden: self.keywords.has(Keyword::Forbidden),
        }
    }
}

pub(crate) struct Variant<'a> {
    pub(crate) ident: &'a Ident,
    /// `#[serde(alias = "...")]`: where serde is told to read another name.
    pub(crate) alias: Option<Span>,
    /// `#[serde(skip)]`/`skip_deserializing`: serde never reads this variant.
    pub(crate) skip_deserializing: bool,
    /// `#[serde(other)]` or `#[serde(untagged)]` on the variant.
    pub(crate) special: Option<Span>,
    /// The wire string: serde's `rename`, else `rename_all` applied, else the Rust name.
    pub(crate) wire_name: String,
    pub(crate) passthrough: Vec<&'a Attribute>,
}

/// A variant of a discriminated union: `#[spec(tag = "…")] Name(Type)`.
pub(crate) struct UnionVariant<'a> {
    pub(crate) ident: &'a Ident,
    /// The type it holds (an object type deriving `Validate` with `#[spec(json)]`).
    pub(crate) ty: &'a Type,
    /// The discriminator value that selects it.
    pub(crate) tag: LitStr,
}

pub(crate) enum Body<'a> {
    Struct {
        fields: Vec<Field<'a>>,
        named: bool,
    },
    UnitEnum(Vec<Variant<'a>>),
    /// `#[spec(discriminator = "…")]` on an enum of newtype variants.
    Union(Vec<UnionVariant<'a>>),
}

pub(crate) struct Container<'a> {
    pub(crate) input: &'a DeriveInput,
    pub(crate) body: Body<'a>,
    /// `#[spec(json_schema)]`: also implement `schemars::JsonSchema`.
    pub(crate) json_schema: Option<Span>,
    /// `#[spec(json)]`: also implement `ValidateJson` (the same rules over raw JSON).
    pub(crate) json: Option<Span>,
    /// `#[spec(discriminator = "…")]`: the enum is a discriminated union, told apart by this
    /// member (its wire name).
    pub(crate) discriminator: Option<LitStr>,
    /// `#[serde(deny_unknown_fields)]`: raw JSON with another member is an error.
    pub(crate) deny_unknown_fields: bool,
    /// A container attribute of serde that changes the JSON shape (`tag`, `untagged`,
    /// `transparent`, `from`, `try_from`, `remote`, `variant_identifier`...): its name.
    pub(crate) reshaped: Option<&'static str>,
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
    let mut discriminator: Option<LitStr> = None;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("spec")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("json_schema") {
                json_schema = Some(meta.path.span());
                Ok(())
            } else if meta.path.is_ident("json") {
                json = Some(meta.path.span());
                Ok(())
            } else if meta.path.is_ident("discriminator") {
                let lit: LitStr = meta.value()?.parse()?;
                if discriminator.is_some() {
                    errors.spanned(lit.span(), "duplicate keyword `discriminator`");
                }
                discriminator = Some(lit);
                Ok(())
            } else {
                Err(meta.error(
                    "unknown container keyword; expected `json`, `json_schema` or `discriminator = \"…\"`",
                ))
            }
        });
        if let Err(error) = result {
            errors.push(error);
        }
    }
    // serde's own model of its attributes: wire names, aliases, defaults, skips, as its derive
    // reads them. Its attribute errors are its derive's to report.
    let cx = serde_derive_internals::Ctxt::new();
    let private = Ident::new("__private", Span::call_site());
    let serde = serde_derive_internals::ast::Container::from_ast(
        &cx,
        input,
        serde_derive_internals::Derive::Deserialize,
        &private,
    );
    let _ = cx.check();
    let reshaped = serde.as_ref().and_then(reshaped);
    let deny_unknown_fields = serde
        .as_ref()
        .is_some_and(|c| c.attrs.deny_unknown_fields());
    // `#[serde(default)]` on the struct: serde fills every absent field from the struct's
    // `Default` (serde's model leaves the fields' own `default` unset).
    let none = serde_attr::Default::None;
    let container_default = serde.as_ref().map_or(&none, |c| c.attrs.default());
    let body = match (&input.data, serde.as_ref().map(|c| &c.data)) {
        (Data::Enum(data), _) if discriminator.is_some() => {
            let span = discriminator
                .as_ref()
                .map_or_else(Span::call_site, LitStr::span);
            Body::Union(parse_union(input, data, json, span, errors))
        }
        (Data::Struct(data), Some(serde_ast::Data::Struct(_, serde_fields))) => {
            let named = matches!(data.fields, Fields::Named(_));
            let fields = data
                .fields
                .iter()
                .zip(serde_fields)
                .enumerate()
                .map(|(index, (field, serde_field))| {
                    parse_field(index, field, serde_field, container_default, errors)
                })
                .collect();
            Body::Struct { fields, named }
        }
        (Data::Enum(data), Some(serde_ast::Data::Enum(serde_variants))) => {
            let mut variants = Vec::new();
            for (variant, serde_variant) in data.variants.iter().zip(serde_variants) {
                if !matches!(variant.fields, Fields::Unit) {
                    errors.spanned(
                        variant.span(),
                        "`Validate` supports enums of unit variants, and unions of newtype variants with `#[spec(json, discriminator = \"…\")]` on the enum",
                    );
                }
                for attr in variant.attrs.iter().filter(|a| a.path().is_ident("spec")) {
                    let mut tag = None;
                    let _ = attr.parse_nested_meta(|meta| {
                        if meta.path.is_ident("tag") {
                            tag = Some(meta.path.span());
                        }
                        skip_meta_value(&meta)
                    });
                    match tag {
                        Some(span) => errors.spanned(
                            span,
                            "`tag` names a variant of a union: write `#[spec(json, discriminator = \"…\")]` on the enum, or remove `tag`",
                        ),
                        None => errors
                            .spanned(attr.span(), "`#[spec]` has no keywords for enum variants"),
                    }
                }
                let attrs = &serde_variant.attrs;
                variants.push(Variant {
                    ident: &variant.ident,
                    alias: first_alias(attrs.aliases(), attrs.name().deserialize_name()),
                    skip_deserializing: attrs.skip_deserializing(),
                    special: (attrs.other() || attrs.untagged()).then(|| variant.span()),
                    wire_name: attrs.name().deserialize_name().value.clone(),
                    passthrough: passthrough(&variant.attrs),
                });
            }
            Body::UnitEnum(variants)
        }
        (Data::Union(data), _) => {
            errors.spanned(
                data.union_token.span,
                "`Validate` cannot be derived for a union",
            );
            Body::UnitEnum(Vec::new())
        }
        // serde could not read its attributes: its derive reports why.
        _ => Body::UnitEnum(Vec::new()),
    };
    if let (Some(lit), Data::Struct(_)) = (&discriminator, &input.data) {
        errors.spanned(
            lit.span(),
            "`discriminator` makes an enum of newtype variants a union; a struct has no variants: remove it",
        );
    }
    Container {
        input,
        body,
        json_schema,
        json,
        discriminator,
        deny_unknown_fields,
        reshaped,
        passthrough: passthrough(&input.attrs),
    }
}

/// The variants of a union: each `#[spec(tag = "…")] Name(Type)`, tags distinct. Every misuse
/// is recorded on its tokens.
fn parse_union<'a>(
    input: &'a DeriveInput,
    data: &'a syn::DataEnum,
    json: Option<Span>,
    discriminator: Span,
    errors: &mut Errors,
) -> Vec<UnionVariant<'a>> {
    if json.is_none() {
        errors.spanned(
            discriminator,
            "`discriminator` needs `json` beside it: `#[spec(json, discriminator = \"…\")]` (the union's rule reads raw JSON)",
        );
    }
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        errors.spanned(
            attr.span(),
            "`#[serde(...)]` does not apply to a union: `#[derive(Validate)]` writes its `Serialize` and `Deserialize` (the variant's value as is, the variant chosen by the discriminator); put serde attributes on the variants' types",
        );
    }
    if data.variants.is_empty() {
        errors.spanned(
            input.ident.span(),
            "a union needs at least one variant: `#[spec(tag = \"…\")] Name(Type)`",
        );
    }
    let mut variants: Vec<UnionVariant<'a>> = Vec::new();
    // Every tag written so far, with its variant (whether or not the variant is well formed).
    let mut seen: Vec<(String, &Ident)> = Vec::new();
    for variant in &data.variants {
        let mut tag: Option<LitStr> = None;
        for attr in variant.attrs.iter().filter(|a| a.path().is_ident("spec")) {
            let result = attr.parse_nested_meta(|meta| {
                let name = meta
                    .path
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                if name == "tag" {
                    let lit: LitStr = meta.value()?.parse()?;
                    if tag.is_some() {
                        errors.spanned(lit.span(), "duplicate keyword `tag`");
                    }
                    tag = Some(lit);
                    return Ok(());
                }
                if Keyword::from_spec_name(&name).is_some() {
                    errors.spanned(
                        meta.path.span(),
                        format!("`{name}` is a constraint keyword: a union variant has none; put it on the member of the variant's type"),
                    );
                } else {
                    errors.spanned(
                        meta.path.span(),
                        format!("unknown keyword `{name}`; a union variant takes `tag = \"…\"`"),
                    );
                }
                skip_meta_value(&meta)
            });
            if let Err(error) = result {
                errors.push(error);
            }
        }
        for attr in variant.attrs.iter().filter(|a| a.path().is_ident("serde")) {
            errors.spanned(
                attr.span(),
                "`#[serde(...)]` does not apply to a union's variants: the variant is chosen by its `tag`; put serde attributes on the variant's type",
            );
        }
        let ty = match &variant.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                fields.unnamed.first().map(|f| &f.ty)
            }
            _ => {
                errors.spanned(
                    variant.ident.span(),
                    format!(
                        "a union variant holds one object type: write `{}(Type)`",
                        variant.ident
                    ),
                );
                None
            }
        };
        let Some(tag) = tag else {
            errors.spanned(
                variant.ident.span(),
                "a union variant needs the discriminator value that selects it: `#[spec(tag = \"…\")]`",
            );
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(t, _)| *t == tag.value()) {
            errors.spanned(
                tag.span(),
                format!(
                    "tag `{}` is already the tag of `{first}`: each variant needs its own",
                    tag.value(),
                ),
            );
            continue;
        }
        seen.push((tag.value(), &variant.ident));
        if let Some(ty) = ty {
            variants.push(UnionVariant {
                ident: &variant.ident,
                ty,
                tag,
            });
        }
    }
    variants
}

/// Consumes the value of a keyword whose mistake is already recorded (`= value` or `(...)`).
fn skip_meta_value(meta: &syn::meta::ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<proc_macro2::TokenStream>()?;
    }
    Ok(())
}

/// The serde container attribute that changes the JSON shape away from a plain object or a
/// plain string, if any.
fn reshaped(container: &serde_ast::Container<'_>) -> Option<&'static str> {
    let attrs = &container.attrs;
    if attrs.transparent() {
        return Some("transparent");
    }
    if attrs.type_from().is_some() {
        return Some("from");
    }
    if attrs.type_try_from().is_some() {
        return Some("try_from");
    }
    if attrs.remote().is_some() {
        return Some("remote");
    }
    if !matches!(attrs.identifier(), serde_attr::Identifier::No) {
        return Some("field_identifier");
    }
    match (attrs.tag(), &container.data) {
        (serde_attr::TagType::External, _) | (_, serde_ast::Data::Struct(..)) => None,
        (serde_attr::TagType::Internal { .. }, _) => Some("tag"),
        (serde_attr::TagType::Adjacent { .. }, _) => Some("tag"),
        (serde_attr::TagType::None, _) => Some("untagged"),
    }
}

/// Where the first alias other than `name` was written.
fn first_alias(
    aliases: &std::collections::BTreeSet<serde_name::Name>,
    name: &serde_name::Name,
) -> Option<Span> {
    aliases
        .iter()
        .find(|alias| alias.value != name.value)
        .map(|alias| alias.span)
}

fn parse_field<'a>(
    index: usize,
    field: &'a syn::Field,
    serde_field: &serde_ast::Field<'_>,
    container_default: &serde_attr::Default,
    errors: &mut Errors,
) -> Field<'a> {
    let member = match &field.ident {
        Some(ident) => Member::Named(ident.clone()),
        None => Member::Unnamed(index.into()),
    };
    let attrs = &serde_field.attrs;
    let wire_name = attrs.name().deserialize_name().value.clone();
    let alias = first_alias(attrs.aliases(), attrs.name().deserialize_name());
    let flatten = attrs.flatten();
    let serde_default = !container_default.is_none() || !attrs.default().is_none();
    // As serde's derive fills a missing field: the field's `default`, else the struct's (a
    // plain `default` on an `Option` is `None`, no value).
    let fill = match (attrs.default(), container_default) {
        (serde_attr::Default::Default, _) => {
            (!crate::json::present_type(&field.ty).1).then_some(Fill::TypeDefault)
        }
        (serde_attr::Default::Path(path), _) => Some(Fill::Function(path.clone())),
        (serde_attr::Default::None, serde_attr::Default::Default) => Some(Fill::StructDefault),
        (serde_attr::Default::None, serde_attr::Default::Path(path)) => {
            Some(Fill::StructFunction(path.clone()))
        }
        (serde_attr::Default::None, serde_attr::Default::None) => None,
    };
    let default_fills = fill.is_some();
    let skip_deserializing = attrs.skip_deserializing();
    let deserialize_with = attrs.deserialize_with().map(|path| {
        let last = path
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default();
        (last, path.span())
    });
    let skip_serializing_if = attrs.skip_serializing_if().is_some();
    let mut keywords = Keywords::NONE;
    parse_field_keywords(&field.attrs, &mut keywords, errors);
    Field {
        member,
        ty: &field.ty,
        span: field.span(),
        wire_name,
        flatten,
        serde_default,
        default_fills,
        fill,
        skip_deserializing,
        alias,
        deserialize_with,
        skip_serializing_if,
        keywords,
        passthrough: passthrough(&field.attrs),
    }
}

/// The keywords of a field's `#[spec(...)]` attributes.
pub(crate) fn parse_field_keywords(
    attrs: &[Attribute],
    keywords: &mut Keywords,
    errors: &mut Errors,
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident("spec")) {
        let parsed = attr
            .parse_args_with(|input: ParseStream| parse_keywords(input, keywords, None, errors));
        if let Err(error) = parsed {
            errors.push(error);
        }
    }
}

/// Parses `kw = value, kw(...), kw, ...` into `keywords`, each keyword read from the
/// vocabulary's table. Unknown keywords, bad values and duplicates are recorded and skipped, so
/// one attribute can report several mistakes. `within` is the keyword whose nested schema this
/// is (`items` inside `items(...)`), `None` on a field: only value keywords are allowed inside.
fn parse_keywords(
    input: ParseStream,
    keywords: &mut Keywords,
    within: Option<Keyword>,
    errors: &mut Errors,
) -> syn::Result<()> {
    let level = match within {
        None => Level::Member,
        Some(_) => Level::Value,
    };
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
                if let Some(within) = within
                    && keyword.level() == Level::Member
                {
                    errors.spanned(
                        name.span(),
                        format!("`{key}` says how a member may appear: it applies to the field, not inside `{within}(...)`"),
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
        ParamKind::Json => ParamValue::Json(Spanned {
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
            parse_keywords(&content, &mut inner, Some(keyword), errors)?;
            ParamValue::Items(Spanned {
                name: name.span(),
                value: Box::new(inner),
            })
        }
        // `pattern_properties("^a" (minimum = 1), "b" (max_length = 2))`, and
        // `properties("a" (min_length = 1), "b" ())`: a string with its keywords, each once.
        ParamKind::PatternSchemas | ParamKind::MemberSchemas => {
            let patterns = keyword.param() == ParamKind::PatternSchemas;
            let (what, example) = if patterns {
                ("pattern", "(\"^a\" (minimum = 1), \"b\" (max_length = 2))")
            } else {
                ("member name", "(\"a\" (min_length = 1), \"b\" ())")
            };
            let usage = format!(
                "`{keyword}` takes {what}s, each with its keywords in parentheses: `{keyword}{example}`"
            );
            if !input.peek(syn::token::Paren) {
                return Err(syn::Error::new(name.span(), usage));
            }
            let content;
            syn::parenthesized!(content in input);
            let mut schemas: Vec<(LitStr, Keywords)> = Vec::new();
            while !content.is_empty() {
                let key: LitStr = content
                    .parse()
                    .map_err(|e| syn::Error::new(e.span(), usage.clone()))?;
                if !content.peek(syn::token::Paren) {
                    return Err(syn::Error::new(key.span(), usage));
                }
                let inner_content;
                syn::parenthesized!(inner_content in content);
                let mut inner = Keywords::NONE;
                parse_keywords(&inner_content, &mut inner, Some(keyword), errors)?;
                if schemas.iter().any(|(seen, _)| seen.value() == key.value()) {
                    errors.spanned(
                        key.span(),
                        format!("the {what} `{}` is given twice", key.value()),
                    );
                } else {
                    schemas.push((key, inner));
                }
                if content.is_empty() {
                    break;
                }
                content.parse::<Token![,]>()?;
            }
            let value = Spanned {
                name: name.span(),
                value: schemas,
            };
            if patterns {
                ParamValue::PatternSchemas(value)
            } else {
                ParamValue::MemberSchemas(value)
            }
        }
        ParamKind::Schemas => {
            let example = format!("`{keyword}((min_length = 2), (maximum = 3))`");
            if !input.peek(syn::token::Paren) {
                return Err(syn::Error::new(
                    name.span(),
                    format!("`{keyword}` takes a list of schemas, each in parentheses: {example}"),
                ));
            }
            let content;
            syn::parenthesized!(content in input);
            let mut schemas = Vec::new();
            while !content.is_empty() {
                if !content.peek(syn::token::Paren) {
                    errors.spanned(
                        content.span(),
                        format!("each schema of `{keyword}` is in parentheses: {example}"),
                    );
                    // The rest is read here, so that nothing else is reported on it.
                    content.parse::<proc_macro2::TokenStream>()?;
                    return Ok(None);
                }
                let schema;
                syn::parenthesized!(schema in content);
                let mut inner = Keywords::NONE;
                parse_keywords(&schema, &mut inner, Some(keyword), errors)?;
                schemas.push(inner);
                if content.is_empty() {
                    break;
                }
                content.parse::<Token![,]>()?;
            }
            ParamValue::Schemas(Spanned {
                name: name.span(),
                value: schemas,
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
        ParamKind::Types => {
            let lit = parse_str(keyword, input)?;
            match Types::parse_spec(&lit.value()) {
                Ok(types) => ParamValue::Types(spanned(span, types)),
                Err(error) => {
                    errors.spanned(
                        lit.span(),
                        format!("`{keyword}` takes JSON type names separated by `|` (`{keyword} = \"string | integer\"`): {error}"),
                    );
                    return Ok(None);
                }
            }
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
