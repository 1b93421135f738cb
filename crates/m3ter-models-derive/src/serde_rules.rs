//! The serde attributes `#[spec(json)]` needs, so that serde's typed parse, the raw check and
//! serialization agree on every document: each serde attribute is either honoured by both
//! paths or a compile error on it, and each member's presence rule (`Option`, `nullable`,
//! `required`, `forbidden`) and format (uuid, date-time) is read by serde exactly as the raw
//! check reads it. What each member needs is decided here once, for the check (an error saying
//! what to write) and for `#[m3ter_models::model]` (which writes it).

use m3ter_vocab::Keyword;
use syn::Type;

use crate::ast::{Body, Container, Errors, Field, Keywords};
use crate::json::present_type;

/// The serde attributes a member needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Needs {
    /// The helper of `m3ter_models::serde_helpers` to read it with, if any.
    pub(crate) helper: Option<&'static str>,
    /// `default`: the member may be absent.
    pub(crate) default: bool,
    /// `skip_serializing_if = "Option::is_none"`: `None` is left out, not written as `null`.
    pub(crate) skip_none: bool,
    /// The helper reads a uuid or date-time from exactly its format (so the member is read
    /// exactly whatever its type's own `Deserialize` takes).
    pub(crate) strict_format: bool,
}

impl Needs {
    /// What a member of type `ty` with `keywords` needs.
    pub(crate) fn of(ty: &Type, keywords: &Keywords) -> Needs {
        let (inner, optional) = present_type(ty);
        let formatted = is_formatted(inner);
        let pick = |plain: Option<&'static str>, strict: &'static str| {
            if formatted { Some(strict) } else { plain }
        };
        let nullable = keywords.has(Keyword::Nullable);
        let required = keywords.has(Keyword::Required);
        match (optional, nullable, required) {
            // Absent is `None`, `null` refused.
            (true, false, _) => Needs {
                helper: pick(Some("non_null"), "non_null_formatted"),
                default: true,
                skip_none: true,
                strict_format: formatted,
            },
            // Present, possibly `null` (no `default`: absent is refused).
            (true, true, true) => Needs {
                helper: pick(Some("nullable"), "nullable_formatted"),
                default: false,
                skip_none: false,
                strict_format: formatted,
            },
            // Absent or `null`, both `None`.
            (true, true, false) => Needs {
                helper: pick(None, "nullable_formatted"),
                default: true,
                skip_none: true,
                strict_format: formatted,
            },
            (false, _, _) => Needs {
                helper: pick(None, "formatted"),
                default: false,
                skip_none: false,
                strict_format: formatted,
            },
        }
    }

    /// The attribute that says it, as a user writes it.
    pub(crate) fn attribute(self) -> String {
        let mut parts = Vec::new();
        if self.default {
            parts.push("default".to_owned());
        }
        if let Some(helper) = self.helper {
            parts.push(format!(
                "deserialize_with = \"m3ter_models::serde_helpers::{helper}\""
            ));
        }
        if self.skip_none {
            parts.push("skip_serializing_if = \"Option::is_none\"".to_owned());
        }
        format!("#[serde({})]", parts.join(", "))
    }

    /// Whether it needs any attribute at all.
    pub(crate) fn any(self) -> bool {
        self.helper.is_some() || self.default || self.skip_none
    }
}

/// A type serde reads leniently that the helpers read strictly (`Uuid`, `DateTime`).
pub(crate) fn is_formatted(ty: &Type) -> bool {
    match ty {
        Type::Group(group) => is_formatted(&group.elem),
        Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|s| s.ident == "Uuid" || s.ident == "DateTime"),
        _ => false,
    }
}

/// The serde rules of `#[spec(json)]` (and, for aliases, `#[spec(json_schema)]`).
pub(crate) fn check(container: &Container<'_>, errors: &mut Errors) {
    let json = container.json;
    let schema = container.json_schema;
    let Some(span) = json.or(schema) else {
        return;
    };
    // A union's serde impls are the derive's own; `ast` refuses serde attributes on it.
    if let Body::Union(_) = container.body {
        return;
    }
    let which = if json.is_some() {
        "json"
    } else {
        "json_schema"
    };
    if json.is_some()
        && let Some(name) = container.reshaped
    {
        errors.spanned(
            span,
            format!(
                "`#[spec(json)]` does not support `#[serde({name})]`: the raw check reads a plain object (a plain string for an enum of unit variants)"
            ),
        );
    }
    let alias_error = format!(
        "`alias` is not supported with `#[spec({which})]`: the JSON Schema and the raw check know one name per member; rename it instead"
    );
    match &container.body {
        Body::UnitEnum(variants) => {
            for variant in variants {
                if let Some(alias) = variant.alias {
                    errors.spanned(alias, &alias_error);
                }
                if let Some(special) = variant.special.filter(|_| json.is_some()) {
                    errors.spanned(
                        special,
                        "`#[spec(json)]` does not support `#[serde(other)]` or `#[serde(untagged)]` variants: the raw check allows the variants' names only",
                    );
                }
            }
        }
        Body::Union(_) => {}
        Body::Struct { fields, .. } => {
            for field in fields.iter().filter(|f| !f.skip_deserializing) {
                if let Some(alias) = field.alias {
                    errors.spanned(alias, &alias_error);
                }
                if json.is_some() {
                    check_field(field, errors);
                }
            }
        }
    }
}

fn check_field(field: &Field<'_>, errors: &mut Errors) {
    if field.flatten {
        return; // Reported by `check`: not supported with `#[spec(json)]`.
    }
    let needs = Needs::of(field.ty, &field.keywords);
    let helper = field
        .deserialize_with
        .as_ref()
        .map(|(name, _)| name.as_str());
    let span = field
        .deserialize_with
        .as_ref()
        .map_or(field.span, |(_, span)| *span);
    let helper_ok = helper == needs.helper;
    let (_, optional) = present_type(field.ty);
    let default_ok = if optional && field.keywords.has(Keyword::Required) {
        // A default would let serde take a document without the member.
        !field.serde_default
    } else if needs.default && needs.helper.is_some() {
        // With a `deserialize_with` and no `default`, serde refuses an absent member.
        field.serde_default
    } else {
        // A plain `Option` is absent as `None` without `default`; any other member's
        // `default` is what the raw check reads as "may be absent".
        true
    };
    let skip_ok = !needs.skip_none || field.skip_serializing_if;
    if helper_ok && default_ok && skip_ok {
        return;
    }
    let why = if !helper_ok {
        match helper {
            Some(name) if !is_ours(name) => format!(
                "`deserialize_with`/`with` (`{name}`) reads JSON the raw check cannot see"
            ),
            _ => "serde would read this member differently from the raw check (`null`, absence or the format)".to_owned(),
        }
    } else if !default_ok {
        if field.serde_default {
            "`default` lets the member be absent, but it is required".to_owned()
        } else {
            "without `default`, serde refuses an absent member the raw check allows".to_owned()
        }
    } else {
        "without `skip_serializing_if`, `None` is written as `null`, which the checks refuse"
            .to_owned()
    };
    let custom = helper.is_some_and(|name| !is_ours(name));
    let write = match (custom, needs.any()) {
        (true, _) => {
            "remove it, or give the member a type whose `ValidateJson` checks what it reads"
                .to_owned()
        }
        (false, true) => format!(
            "write {} (or put `#[m3ter_models::model]` above the derives to have it written)",
            needs.attribute()
        ),
        (false, false) => "remove the serde attribute".to_owned(),
    };
    errors.spanned(span, format!("with `#[spec(json)]`, {why}: {write}"));
}

/// A helper of `m3ter_models::serde_helpers`.
fn is_ours(name: &str) -> bool {
    matches!(
        name,
        "non_null" | "nullable" | "formatted" | "non_null_formatted" | "nullable_formatted"
    )
}
