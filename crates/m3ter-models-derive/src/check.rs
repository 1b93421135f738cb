//! Check: every rule that relates keywords to each other or to the field's type, in one place.
//! Each violation is an error on the keyword's tokens. The rules themselves come from the
//! vocabulary (`m3ter_vocab`): which JSON types a keyword applies to, bounds that leave no
//! value, a pattern's ECMA-262 translated into the `regex` crate's syntax (and that compiling).

use m3ter_vocab::{Keyword, Level, Param, bounds, pattern};

use crate::ast::{Body, Container, Errors, Keywords, Tokens, name_span};
use crate::shape::Shape;

pub(crate) fn check(container: &Container<'_>, errors: &mut Errors) {
    if container.json_schema.is_some() && !container.input.generics.params.is_empty() {
        errors.spanned(
            container
                .input
                .generics
                .params
                .first()
                .map_or_else(proc_macro2::Span::call_site, syn::spanned::Spanned::span),
            "`#[spec(json_schema)]` is not supported on generic types",
        );
    }
    if let Some(span) = container.json
        && !container.input.generics.params.is_empty()
    {
        errors.spanned(span, "`#[spec(json)]` is not supported on generic types");
    }
    crate::serde_rules::check(container, errors);
    if let Body::Struct { fields, .. } = &container.body {
        let mut others = false;
        for field in fields {
            let shape = if field.flatten {
                check_flatten(container, field, &mut others, errors)
            } else {
                Shape::of(field.ty)
            };
            check_keywords(&field.keywords, &shape, true, errors);
        }
    }
}

/// A `#[serde(flatten)]` field: with `#[spec(json)]`, or with `pattern_properties` or
/// `additional_properties`, it must be the map of the struct's other members (a map from
/// `String` to `serde_json::Value`, one per struct, beside no `deny_unknown_fields`), whose
/// only keywords are those two, applied to the object as JSON Schema says
/// (`expand::others_checks`). Its shape for the keyword checks: a map of JSON values.
fn check_flatten(
    container: &Container<'_>,
    field: &crate::ast::Field<'_>,
    others: &mut bool,
    errors: &mut Errors,
) -> Shape {
    let shape = Shape::of(field.ty);
    let object_keywords = crate::expand::is_others(field);
    if container.json.is_none() && !object_keywords {
        return shape;
    }
    const WHAT: &str = "the map of the struct's other members (`#[serde(flatten)]`, of type `serde_json::Map<String, serde_json::Value>`, or a `HashMap`/`BTreeMap` from `String` to `serde_json::Value`)";
    let is_map = match &shape {
        Shape::Map(value) => matches!(**value, Shape::Any),
        Shape::Other => is_json_map(field.ty),
        _ => false,
    };
    if !is_map {
        errors.spanned(
            syn::spanned::Spanned::span(field.ty),
            format!("`#[serde(flatten)]` with `#[spec(json)]` or with `pattern_properties`/`additional_properties` is supported on {WHAT} only"),
        );
    }
    let second = std::mem::replace(others, true);
    if second {
        errors.spanned(
            field.span,
            "a second `#[serde(flatten)]` field: a struct has one map of its other members",
        );
    } else if container.deny_unknown_fields {
        errors.spanned(
            field.span,
            "`#[serde(deny_unknown_fields)]` leaves no other members for a `#[serde(flatten)]` map to hold (serde does not support the two together): remove one, or write `additional_properties(not())` on the map to refuse every member that no pattern matches",
        );
    }
    for (keyword, param) in field.keywords.iter() {
        if !matches!(
            keyword,
            Keyword::PatternProperties | Keyword::AdditionalProperties
        ) {
            errors.spanned(
                name_span(&param),
                format!("`{keyword}` is not supported on {WHAT}: only `pattern_properties` and `additional_properties` are (they apply to the whole object as JSON Schema says; a keyword that counts or names the members would see only the other ones)"),
            );
        }
    }
    if let Body::Struct { fields, .. } = &container.body {
        let mut reported = std::collections::HashSet::new();
        for (pattern, inner, matched) in matches(field, fields) {
            let wire = &matched.wire_name;
            let presence = matched.presence();
            let (_, optional) = crate::json::present_type(matched.ty);
            let message = if matched.default_fills {
                format!(
                    "this pattern matches the field `{wire}`, which serde fills from a `default` when the document lacks it: its typed value cannot tell that default from a member the document has (the raw check sees none), so the two paths would disagree; remove the `default` (an `Option` without one is `None` when absent), or keep the pattern off its name"
                )
            } else if optional
                && presence.nullable
                && !presence.required
                && !inner.null_satisfies(&lists_null)
            {
                format!(
                    "this pattern matches the field `{wire}`, an optional member that may be `null`, and refuses `null`: its typed value `None` does not tell `null` (which the raw check refuses) from absent, so the two paths would disagree; make the field `required`, or not `nullable`, or keep the pattern off its name"
                )
            } else {
                continue;
            };
            // One error per field, at the first pattern that cannot check it.
            if reported.insert(wire.as_str()) {
                errors.spanned(pattern.span(), message);
            }
        }
    }
    Shape::Map(Box::new(Shape::Any))
}

/// Each declared field (read from JSON; not the flattened map) with each pattern with keywords
/// of `others`' `pattern_properties` that matches its wire name (and the pattern's keywords),
/// in field order, then pattern order: the values the patterns check
/// (`expand::others_checks`). A pattern that does not translate or compile is
/// `check_pattern`'s to report, and matches nothing here.
pub(crate) fn matches<'f, 'a>(
    others: &'f crate::ast::Field<'a>,
    fields: &'f [crate::ast::Field<'a>],
) -> Vec<(&'f syn::LitStr, &'f Keywords, &'f crate::ast::Field<'a>)> {
    let patterns: Vec<(&syn::LitStr, &Keywords, regex::Regex)> = others
        .keywords
        .pattern_properties
        .iter()
        .flat_map(|schemas| schemas.value.iter())
        .filter(|(_, inner)| !inner.is_empty())
        .filter_map(|(lit, inner)| {
            let translated = pattern::translate(&lit.value()).ok()?;
            Some((lit, inner, regex::Regex::new(translated.as_str()).ok()?))
        })
        .collect();
    fields
        .iter()
        .filter(|f| !f.flatten && !f.skip_deserializing)
        .flat_map(|f| {
            patterns
                .iter()
                .filter(|(_, _, regex)| regex.is_match(&f.wire_name))
                .map(move |(lit, inner, _)| (*lit, *inner, f))
        })
        .collect()
}

/// Whether an `enum`'s JSON text lists `null`.
fn lists_null(text: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(values)) => values.contains(&serde_json::Value::Null),
        Ok(_) | Err(_) => false,
    }
}

/// Whether `ty` is written `serde_json::Map<…>` (or `Map<…>`, imported): a map of JSON values.
fn is_json_map(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|last| last.ident == "Map"))
}

fn check_keywords(keywords: &Keywords, shape: &Shape, top_level: bool, errors: &mut Errors) {
    for (keyword, param) in keywords.iter() {
        let span = name_span(&param);
        match keyword.level() {
            // Inside `items(...)` the parser has said it already.
            Level::Member if !top_level => continue,
            Level::Member => {
                if !matches!(shape, Shape::Optional(_)) {
                    errors.spanned(span, format!("`{keyword}` applies to `Option` fields only"));
                } else {
                    // A member keyword's parameter has its own rules (`default`'s JSON).
                    check_param(keyword, &param, keywords, shape, errors);
                }
                continue;
            }
            Level::Value => {}
        }
        // On any JSON value, `type` says which types the value may have: a keyword must apply
        // to one of them (as the generator refuses `minLength` beside `type: integer`).
        let declared = match (shape.present(), keywords.types()) {
            (Shape::Any, Some(types)) => Some(types),
            _ => None,
        };
        if let Some(types) = declared
            && !keyword.applies_to().intersects(types)
        {
            errors.spanned(
                span,
                format!(
                    "`{keyword}` applies to {}, but `type` allows {} only",
                    keyword.applies_to().describe(),
                    types.expected()
                ),
            );
            continue;
        }
        if let Some(types) = shape.json_types()
            && !keyword.applies_to().intersects(types)
        {
            errors.spanned(
                span,
                format!(
                    "`{keyword}` applies to {}, but this field is {}",
                    keyword.applies_to().describe(),
                    shape.describe()
                ),
            );
            continue;
        }
        check_param(keyword, &param, keywords, shape, errors);
    }
    for error in bounds::check(keywords, shape.integer_range()) {
        let span = keywords
            .get(error.keyword())
            .map_or_else(proc_macro2::Span::call_site, |p| name_span(&p));
        errors.spanned(span, error);
    }
}

/// The rules of one keyword's parameter.
fn check_param(
    keyword: Keyword,
    param: &Param<'_, Tokens>,
    keywords: &Keywords,
    shape: &Shape,
    errors: &mut Errors,
) {
    match keyword {
        Keyword::Pattern => {
            if let Param::Text(lit) = param {
                check_pattern(&lit.value, errors);
            }
        }
        // Each pattern as `pattern`'s, each schema on the map's values.
        Keyword::PatternProperties => {
            if let Param::PatternSchemas(schemas) = param {
                for (lit, inner) in &schemas.value {
                    check_pattern(lit, errors);
                    check_keywords(inner, &shape.member_value(), false, errors);
                }
            }
        }
        // A member's schema, on a value without fields only: a struct's members are its fields,
        // a map's values one Rust type (`additional_properties` checks them).
        Keyword::Properties => {
            if let Param::MemberSchemas(schemas) = param
                && only_on_values(keyword, param, shape, errors)
            {
                for (_, inner) in &schemas.value {
                    check_keywords(inner, &Shape::Any, false, errors);
                }
            }
        }
        Keyword::RequiredMembers => {
            if let Param::Json(lit) = param
                && only_on_values(keyword, param, shape, errors)
                && let Err(error) = required_members(&lit.value.value())
            {
                errors.spanned(
                    lit.value.span(),
                    format!(
                        "`required_members` is a JSON array of distinct member names, as JSON text (`required_members = \"[\\\"a\\\", \\\"b\\\"]\"`): {error}"
                    ),
                );
            }
        }
        Keyword::PatternRule => {
            if !keywords.has(Keyword::Pattern) {
                errors.spanned(
                    crate::ast::name_span(param),
                    "`pattern_rule` says a `pattern` in words: write the `pattern` beside it",
                );
            }
        }
        Keyword::Items => {
            if let Param::Items(inner) = param {
                check_keywords(&inner.value, &shape.item(), false, errors);
            }
        }
        Keyword::Contains => {
            if let Param::Items(inner) = param {
                check_keywords(&inner.value, &shape.item(), false, errors);
                // The raw walk leaves `nested` to the member type's `ValidateJson`, which does
                // not count matches: refused, so that both paths count the same items.
                if let Some(span) = nested_span(&inner.value) {
                    errors.spanned(
                        span,
                        "`nested` cannot be counted inside `contains(...)`: write the item type's constraints as keywords there, or move `nested` to `items(...)`",
                    );
                }
            }
        }
        Keyword::AdditionalProperties => {
            if let Param::Items(inner) = param {
                check_keywords(&inner.value, &shape.member_value(), false, errors);
            }
        }
        // A member's name is a string: the keywords inside are checked as on a `String`.
        Keyword::PropertyNames => {
            if let Param::Items(inner) = param {
                check_keywords(&inner.value, &Shape::Str, false, errors);
            }
        }
        // The value itself against a nested schema: its keywords apply to the field's type as
        // the field's own do.
        Keyword::Not | Keyword::If | Keyword::Then | Keyword::Else => {
            if matches!(keyword, Keyword::Then | Keyword::Else) && !keywords.has(Keyword::If) {
                errors.spanned(
                    name_span(param),
                    format!("`{keyword}` applies when `if` decides so: write `if(...)` beside it (without it JSON Schema ignores `{keyword}`)"),
                );
            }
            if keyword == Keyword::If
                && !keywords.has(Keyword::Then)
                && !keywords.has(Keyword::Else)
            {
                errors.spanned(
                    name_span(param),
                    "`if` decides between `then(...)` and `else(...)`: write at least one of them (alone, JSON Schema ignores `if`)",
                );
            }
            if let Param::Items(inner) = param {
                check_keywords(&inner.value, shape, false, errors);
                // The raw walk leaves `nested` to the member type's `ValidateJson`, whose
                // verdict is not collected apart: refused, so that both paths decide alike.
                if let Some(span) = nested_span(&inner.value) {
                    errors.spanned(
                        span,
                        format!("`nested` cannot be decided inside `{keyword}(...)`: write the value's constraints as keywords there"),
                    );
                }
            }
        }
        Keyword::AllOf | Keyword::AnyOf | Keyword::OneOf => {
            check_schemas(keyword, param, shape, errors)
        }
        // `prefix_items`' schemas are of items.
        Keyword::PrefixItems => check_schemas(keyword, param, &shape.item(), errors),
        Keyword::MinContains | Keyword::MaxContains => {
            if !keywords.has(Keyword::Contains) {
                errors.spanned(
                    name_span(param),
                    format!(
                        "`{keyword}` counts the items that satisfy `contains`: write `contains(...)` beside it (without it JSON Schema ignores `{}`)",
                        keyword.json_name()
                    ),
                );
            }
        }
        // Each with the example its error shows.
        Keyword::Default => {
            if let Param::Json(lit) = param {
                check_json(
                    keyword,
                    "`default = \"\\\"TIME_FIRST\\\"\"`, `default = \"3\"`",
                    &lit.value,
                    errors,
                );
            }
        }
        Keyword::Const => {
            if let Param::Json(lit) = param {
                check_json(
                    keyword,
                    "`const = \"3\"`, `const = \"[1, null]\"`",
                    &lit.value,
                    errors,
                );
            }
        }
        Keyword::Enum => {
            if let Param::Json(lit) = param {
                check_json(
                    keyword,
                    "`enum = \"[1, \\\"a\\\", null]\"`",
                    &lit.value,
                    errors,
                );
            }
        }
        Keyword::DependentRequired => {
            if let Param::Json(lit) = param
                && let Err(error) = dependent_required(&lit.value.value())
            {
                errors.spanned(
                    lit.value.span(),
                    format!(
                        "`dependent_required` is a JSON object from a member's name to the names it requires, as JSON text (`dependent_required = \"{{\\\"a\\\": [\\\"b\\\", \\\"c\\\"]}}\"`): {error}"
                    ),
                );
            }
        }
        // A value of one Rust type has its JSON type from it: `type` is for any JSON value.
        Keyword::Type => {
            if !matches!(shape.present(), Shape::Any | Shape::Other) {
                errors.spanned(
                    name_span(param),
                    format!(
                        "`type` says which JSON types a `serde_json::Value` may have, but this field is {}: its Rust type decides its JSON type (remove `type`, or make the field a `serde_json::Value`)",
                        shape.describe()
                    ),
                );
            }
        }
        Keyword::Nested => {
            if *shape.present() == Shape::Any {
                errors.spanned(
                    name_span(param),
                    "`nested` validates a type with its own constraints, but a `serde_json::Value` has none: remove `nested`, or give the field that type",
                );
            }
        }
        // Their parameters were checked as they were parsed (a count, a number, a known
        // format), and against each other by `bounds::check`.
        Keyword::MinLength
        | Keyword::MaxLength
        | Keyword::MinItems
        | Keyword::MaxItems
        | Keyword::Format
        | Keyword::Minimum
        | Keyword::Maximum
        | Keyword::ExclusiveMinimum
        | Keyword::ExclusiveMaximum
        | Keyword::MultipleOf
        | Keyword::UniqueItems
        | Keyword::MinProperties
        | Keyword::MaxProperties
        | Keyword::Required
        | Keyword::Nullable
        | Keyword::Forbidden => {}
    }
}

/// An ECMA-262 pattern must translate into the `regex` crate's syntax, and that compile.
fn check_pattern(lit: &syn::LitStr, errors: &mut Errors) {
    let source = lit.value();
    match pattern::translate(&source) {
        Err(error) => {
            errors.spanned(lit.span(), format!("invalid pattern: {error}"));
        }
        Ok(translated) => {
            if let Err(error) = regex_syntax::Parser::new().parse(translated.as_str()) {
                errors.spanned(
                    lit.span(),
                    format!(
                        "the pattern's translation to the regex crate, `{translated}`, does not compile: {error}"
                    ),
                );
            }
        }
    }
}

/// Where `nested` is written in `keywords` or in the schemas they hold (`items(...)`,
/// `contains(...)`), if anywhere.
fn nested_span(keywords: &Keywords) -> Option<proc_macro2::Span> {
    keywords.iter().find_map(|(keyword, param)| match param {
        Param::Flag(_) if keyword == Keyword::Nested => Some(name_span(&param)),
        Param::Items(inner) => nested_span(&inner.value),
        Param::Schemas(schemas) => schemas.value.iter().find_map(nested_span),
        _ => None,
    })
}

/// Whether `keyword` (`properties`, `required_members`) is on any JSON value (a
/// `serde_json::Value`, or a nested schema of one), where the typed and the raw path see the
/// same members; elsewhere an error on the keyword.
fn only_on_values(
    keyword: Keyword,
    param: &Param<'_, Tokens>,
    shape: &Shape,
    errors: &mut Errors,
) -> bool {
    if *shape.present() == Shape::Any {
        return true;
    }
    errors.spanned(
        name_span(param),
        format!(
            "`{keyword}` names the members of any JSON value (a `serde_json::Value`), but this field is {}: a struct declares its members as fields (and `#[spec(required)]` on an `Option` field), a map's values are checked by `additional_properties(...)`",
            shape.describe()
        ),
    );
    false
}

/// `required_members`' JSON text: an array of distinct strings, in its order.
pub(crate) fn required_members(text: &str) -> Result<Vec<String>, String> {
    let names: Vec<String> = serde_json::from_str(text).map_err(|error| error.to_string())?;
    for (i, name) in names.iter().enumerate() {
        if names[..i].contains(name) {
            return Err(format!("`{name}` is listed twice"));
        }
    }
    Ok(names)
}

/// `dependentRequired`'s JSON text read in its order: an object (each name once) whose every
/// member is an array of distinct strings.
pub(crate) fn dependent_required(text: &str) -> Result<Vec<(String, Vec<String>)>, String> {
    struct Dependencies(Vec<(String, Vec<String>)>);
    impl<'de> serde::Deserialize<'de> for Dependencies {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Visitor;
            impl<'de> serde::de::Visitor<'de> for Visitor {
                type Value = Dependencies;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("an object of arrays of member names")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Dependencies, A::Error> {
                    use serde::de::Error;
                    let mut out: Vec<(String, Vec<String>)> = Vec::new();
                    while let Some(name) = map.next_key::<String>()? {
                        let names: Vec<String> = map
                            .next_value()
                            .map_err(|error| A::Error::custom(format!("`{name}`: {error}")))?;
                        if out.iter().any(|(seen, _)| *seen == name) {
                            return Err(A::Error::custom(format!("`{name}` is listed twice")));
                        }
                        for (i, required) in names.iter().enumerate() {
                            if names[..i].contains(required) {
                                return Err(A::Error::custom(format!(
                                    "`{name}` names `{required}` twice"
                                )));
                            }
                        }
                        out.push((name, names));
                    }
                    Ok(Dependencies(out))
                }
            }
            deserializer.deserialize_map(Visitor)
        }
    }
    serde_json::from_str::<Dependencies>(text)
        .map(|deps| deps.0)
        .map_err(|error| error.to_string())
}

/// A parameter that is a JSON value as JSON text (`default`, `const`, `enum`), shown by
/// `example`: it must parse, and `enum`'s must be a non-empty array.
fn check_json(keyword: Keyword, example: &str, lit: &syn::LitStr, errors: &mut Errors) {
    match serde_json::from_str::<serde_json::Value>(&lit.value()) {
        Err(error) => errors.spanned(
            lit.span(),
            format!("`{keyword}` is a JSON value as JSON text ({example}): {error}"),
        ),
        Ok(serde_json::Value::Array(values)) if keyword == Keyword::Enum && values.is_empty() => {
            errors.spanned(
                lit.span(),
                "`enum` lists no value: no value can pass; list at least one",
            );
        }
        Ok(serde_json::Value::Array(_)) => {}
        Ok(_) if keyword == Keyword::Enum => errors.spanned(
            lit.span(),
            format!("`enum` is a JSON array of the allowed values as JSON text ({example})"),
        ),
        Ok(_) => {}
    }
}

/// The schemas of `all_of`, `any_of`, `one_of` or `prefix_items` (`param`), each checked against `shape`
/// (the value's, or the items' for `prefix_items`): at least one, and no `nested` inside.
fn check_schemas(keyword: Keyword, param: &Param<'_, Tokens>, shape: &Shape, errors: &mut Errors) {
    let Param::Schemas(schemas) = param else {
        return;
    };
    if schemas.value.is_empty() {
        errors.spanned(
            schemas.name,
            format!("`{keyword}` lists no schema: write at least one, each in parentheses (`{keyword}((min_length = 2), (maximum = 3))`)"),
        );
    }
    for schema in &schemas.value {
        check_keywords(schema, shape, false, errors);
        if let Some(span) = nested_span(schema) {
            errors.spanned(
                span,
                format!("`nested` cannot be decided inside `{keyword}(...)`: write the value's constraints as keywords there"),
            );
        }
    }
}
