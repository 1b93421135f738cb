//! Check: every rule that relates keywords to each other or to the field's type, in one place.
//! Each violation is an error on the keyword's tokens.

use std::collections::BTreeMap;

use crate::ast::{Body, Container, Errors, Keyword, KeywordValue};
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
    if let Body::Struct { fields, .. } = &container.body {
        for field in fields {
            if let Some(span) = container.json
                && field.flatten
            {
                errors.spanned(
                    span,
                    "`#[spec(json)]` does not support `#[serde(flatten)]` fields",
                );
            }
            let shape = Shape::of(field.ty);
            check_keywords(&field.keywords, &shape, true, errors);
        }
    }
}

fn check_keywords(keywords: &[Keyword], shape: &Shape, top_level: bool, errors: &mut Errors) {
    let mut seen = BTreeMap::new();
    for keyword in keywords {
        let name = keyword.name.to_string();
        if seen.insert(name.clone(), ()).is_some() {
            errors.spanned(keyword.name.span(), format!("duplicate keyword `{name}`"));
            continue;
        }
        let present = shape.present();
        let wrong_type = |expected: &str| {
            format!(
                "`{name}` applies to {expected}, but this field is {}",
                shape.describe()
            )
        };
        match &keyword.value {
            KeywordValue::MinLength(_)
            | KeywordValue::MaxLength(_)
            | KeywordValue::Pattern(_)
            | KeywordValue::Format(_) => {
                if !matches!(present, Shape::Str | Shape::Other) {
                    errors.spanned(keyword.name.span(), wrong_type("strings"));
                }
            }
            KeywordValue::Minimum(_)
            | KeywordValue::Maximum(_)
            | KeywordValue::ExclusiveMinimum(_)
            | KeywordValue::ExclusiveMaximum(_) => {
                if !matches!(present, Shape::Int | Shape::Float | Shape::Other) {
                    errors.spanned(keyword.name.span(), wrong_type("numbers"));
                }
            }
            KeywordValue::MinItems(_) | KeywordValue::MaxItems(_) => {
                if !matches!(present, Shape::List(_) | Shape::Other) {
                    errors.spanned(keyword.name.span(), wrong_type("lists"));
                }
            }
            KeywordValue::Items(inner) => {
                if matches!(present, Shape::List(_) | Shape::Other) {
                    check_keywords(inner, &shape.item(), false, errors);
                } else {
                    errors.spanned(keyword.name.span(), wrong_type("lists"));
                }
            }
            KeywordValue::Nested => {}
            KeywordValue::Forbidden(_) | KeywordValue::Required | KeywordValue::Nullable => {
                if !top_level || !matches!(shape, Shape::Optional(_)) {
                    errors.spanned(
                        keyword.name.span(),
                        format!("`{name}` applies to `Option` fields only"),
                    );
                }
            }
        }
        if let KeywordValue::Pattern(lit) = &keyword.value
            && let Err(error) = regex_syntax::Parser::new().parse(&lit.value())
        {
            errors.spanned(lit.span(), format!("invalid pattern: {error}"));
        }
    }
    check_bounds(keywords, errors);
}

/// The lower (`true`) or upper bound of a pair of keywords, with the pair's name and value.
#[allow(clippy::cast_precision_loss)]
fn bound(value: &KeywordValue) -> Option<(&'static str, bool, f64)> {
    Some(match value {
        KeywordValue::MinLength(n) => ("length", true, *n as f64),
        KeywordValue::MaxLength(n) => ("length", false, *n as f64),
        KeywordValue::MinItems(n) => ("items", true, *n as f64),
        KeywordValue::MaxItems(n) => ("items", false, *n as f64),
        KeywordValue::Minimum(n) => ("range", true, n.as_f64()),
        KeywordValue::Maximum(n) => ("range", false, n.as_f64()),
        _ => return None,
    })
}

fn check_bounds(keywords: &[Keyword], errors: &mut Errors) {
    for lower in keywords {
        let Some((pair, true, min)) = bound(&lower.value) else {
            continue;
        };
        let upper = keywords.iter().find_map(|k| match bound(&k.value) {
            Some((p, false, max)) if p == pair => Some((k, max)),
            _ => None,
        });
        if let Some((upper, max)) = upper
            && min > max
        {
            errors.spanned(
                lower.name.span(),
                format!(
                    "`{}` ({min}) is greater than `{}` ({max})",
                    lower.name, upper.name
                ),
            );
        }
    }
}
