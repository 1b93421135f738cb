//! Bridges to the ecosystem: `validator::Validate` (feature `validator`) and what validation
//! accepts written into `schemars` schemas (feature `schemars`).

#[cfg(feature = "validator")]
pub use self::validator_bridge::to_validator_errors;

#[cfg(feature = "validator")]
mod validator_bridge {
    use std::borrow::Cow;

    use validator::{ValidationError as VError, ValidationErrors as VErrors, ValidationErrorsKind};

    use crate::error::ValidationErrors;

    /// Converts our errors to `validator`'s: each error is filed under the first segment of its
    /// path (the top-level wire name, or `__all__` for the whole document), with our code, our
    /// message, our parameters and the full JSON Pointer as the parameter `path`.
    pub fn to_validator_errors(errors: &ValidationErrors) -> VErrors {
        let mut out = VErrors::new();
        for error in errors {
            let field = top_level_field(error.path());
            let mut converted = VError::new(error.code().as_str());
            converted.message = Some(Cow::Owned(error.message()));
            for (name, value) in error.params() {
                converted.params.insert(Cow::Owned(name), value);
            }
            converted
                .params
                .insert(Cow::Borrowed("path"), error.path().into());
            let entry = out
                .errors_mut()
                .entry(Cow::Owned(field))
                .or_insert_with(|| ValidationErrorsKind::Field(Vec::new()));
            if let ValidationErrorsKind::Field(list) = entry {
                list.push(converted);
            }
        }
        out
    }

    fn top_level_field(pointer: &str) -> String {
        let Some(rest) = pointer.strip_prefix('/') else {
            return "__all__".to_owned();
        };
        let segment = rest.split('/').next().unwrap_or_default();
        m3ter_vocab::pointer::unescape(segment).map_or_else(|| segment.to_owned(), Into::into)
    }
}

/// Writing what validation accepts into a `schemars` schema (feature `schemars`).
#[cfg(feature = "schemars")]
pub mod schema {
    use m3ter_vocab::{Keyword, Param, Static};
    use schemars::Schema;
    use serde_json::{Map, Value};

    use crate::describe::Constraints;
    use crate::rules::number::NumberJson;

    /// A member of an object type as validation sees it.
    #[derive(Debug)]
    pub struct SchemaMember {
        /// The member's name on the wire.
        pub wire_name: &'static str,
        /// It must be present.
        pub required: bool,
        /// It may be `null`.
        pub nullable: bool,
        /// It must be absent.
        pub forbidden: bool,
        /// Its value's constraints.
        pub constraints: &'static Constraints,
    }

    /// Rewrites the object schema's members as validation sees them: `required` lists exactly
    /// the required members, a nullable member also allows `null`, a forbidden member's schema
    /// is `false`, and each member carries its constraints under their JSON Schema names.
    pub fn state_members(schema: &mut Schema, members: &[SchemaMember]) {
        let Some(object) = schema.as_object_mut() else {
            return;
        };
        let required: Vec<Value> = members
            .iter()
            .filter(|m| m.required && !m.forbidden)
            .map(|m| Value::from(m.wire_name))
            .collect();
        if required.is_empty() {
            object.remove("required");
        } else {
            object.insert("required".to_owned(), Value::Array(required));
        }
        let Some(Value::Object(properties)) = object.get_mut("properties") else {
            return;
        };
        for member in members {
            let Some(property) = properties.get_mut(member.wire_name) else {
                continue;
            };
            if member.forbidden {
                *property = Value::Bool(false);
                continue;
            }
            // A member of any JSON value (`serde_json::Value`) has the schema `true`: its
            // constraints make it an object schema, so that none is dropped.
            if *property == Value::Bool(true) && !member.constraints.is_empty() {
                *property = Value::Object(Map::new());
            }
            if let Value::Object(map) = property {
                constrain(map, member.constraints);
            }
            if member.nullable {
                allow_null(property);
            }
        }
    }

    /// States on the object schema the keywords of a struct's map of its other members (a
    /// `#[serde(flatten)]` field: `patternProperties` and `additionalProperties`), which apply
    /// to the object's members as JSON Schema says.
    pub fn state_others(schema: &mut Schema, constraints: &'static Constraints) {
        if let Some(object) = schema.as_object_mut() {
            constrain(object, constraints);
        }
    }

    /// The schema of a discriminated union ([`crate::union`]): `anyOf` the variants' schemas in
    /// mapping order, and the OpenAPI `discriminator` (`propertyName`, and a `mapping` from each
    /// tag to its variant's `$ref`, for the variants the generator refers to rather than
    /// inlines). `description` is the union's doc text, if any.
    pub fn union_schema(
        discriminator: &'static str,
        variants: Vec<(&'static str, Schema)>,
        description: Option<&str>,
    ) -> Schema {
        let mut mapping = Map::new();
        let mut any_of = Vec::with_capacity(variants.len());
        for (tag, schema) in variants {
            if let Some(Value::String(reference)) = schema.get("$ref") {
                mapping.insert(tag.to_owned(), Value::from(reference.as_str()));
            }
            any_of.push(Value::from(schema));
        }
        let mut object = Map::new();
        if let Some(description) = description.filter(|d| !d.is_empty()) {
            object.insert("description".to_owned(), Value::from(description));
        }
        object.insert("anyOf".to_owned(), Value::Array(any_of));
        let mut discriminator_object = Map::new();
        discriminator_object.insert("propertyName".to_owned(), Value::from(discriminator));
        if !mapping.is_empty() {
            discriminator_object.insert("mapping".to_owned(), Value::Object(mapping));
        }
        object.insert(
            "discriminator".to_owned(),
            Value::Object(discriminator_object),
        );
        Schema::from(object)
    }

    /// Writes each keyword of `constraints` into `schema` under its JSON Schema name.
    fn constrain(schema: &mut Map<String, Value>, constraints: &Constraints) {
        // The items' type's own schema, before `items` adds its keywords.
        let item_type = schema
            .get("items")
            .filter(|items| matches!(items, Value::Object(map) if !map.is_empty()))
            .cloned();
        for (keyword, param) in constraints.iter() {
            let value = match keyword {
                Keyword::MinLength
                | Keyword::MaxLength
                | Keyword::MinItems
                | Keyword::MaxItems
                | Keyword::Format
                | Keyword::Pattern
                | Keyword::PatternRule
                | Keyword::Minimum
                | Keyword::Maximum
                | Keyword::ExclusiveMinimum
                | Keyword::ExclusiveMaximum
                | Keyword::MultipleOf
                | Keyword::MinProperties
                | Keyword::MaxProperties
                | Keyword::MinContains
                | Keyword::MaxContains
                | Keyword::Default
                | Keyword::Const
                | Keyword::Enum
                | Keyword::DependentRequired
                | Keyword::RequiredMembers => param_json(&param),
                // `uniqueItems: true`.
                Keyword::UniqueItems => Some(Value::Bool(true)),
                Keyword::Items => {
                    // An array of any JSON values (`items` absent or `true`) gets an object
                    // schema for its items' constraints.
                    if let Param::Items(items) = &param {
                        let item_schema = schema
                            .entry("items")
                            .or_insert_with(|| Value::Object(Map::new()));
                        if *item_schema == Value::Bool(true) {
                            *item_schema = Value::Object(Map::new());
                        }
                        if let Value::Object(item_schema) = item_schema {
                            constrain(item_schema, items);
                        }
                    }
                    continue;
                }
                // Each member's value: the map's value schema (`true` for any JSON value)
                // with these constraints, as `items` for each item.
                Keyword::AdditionalProperties => {
                    if let Param::Items(members) = &param {
                        let member_schema = schema
                            .entry("additionalProperties")
                            .or_insert_with(|| Value::Object(Map::new()));
                        if *member_schema == Value::Bool(true) {
                            *member_schema = Value::Object(Map::new());
                        }
                        if let Value::Object(member_schema) = member_schema {
                            constrain(member_schema, members);
                        }
                    }
                    continue;
                }
                // A schema per member name, and per pattern, as `additionalProperties`'s for
                // every member.
                Keyword::Properties | Keyword::PatternProperties => match &param {
                    Param::PatternSchemas(patterns) | Param::MemberSchemas(patterns) => {
                        let mut by_pattern = Map::new();
                        for (pattern, constraints) in patterns.iter() {
                            let mut pattern_schema = Map::new();
                            constrain(&mut pattern_schema, constraints);
                            by_pattern.insert((*pattern).to_owned(), Value::Object(pattern_schema));
                        }
                        Some(Value::Object(by_pattern))
                    }
                    _ => None,
                },
                // A schema of its own (of strings), as `contains`'s.
                Keyword::PropertyNames => match &param {
                    Param::Items(names) => {
                        let mut names_schema = Map::new();
                        constrain(&mut names_schema, names);
                        Some(Value::Object(names_schema))
                    }
                    _ => None,
                },
                // A schema of its own, as `items`'s.
                Keyword::Contains | Keyword::Not | Keyword::If | Keyword::Then | Keyword::Else => {
                    match &param {
                        Param::Items(inner) => {
                            let mut inner_schema = Map::new();
                            constrain(&mut inner_schema, inner);
                            Some(Value::Object(inner_schema))
                        }
                        _ => None,
                    }
                }
                // An array of schemas of their own; a prefix item is also of the items' type
                // (the type's own schema, which `items` no longer states for it).
                Keyword::AllOf | Keyword::AnyOf | Keyword::OneOf | Keyword::PrefixItems => {
                    match &param {
                        Param::Schemas(schemas) => Some(Value::Array(
                            schemas
                                .iter()
                                .map(|schema| {
                                    let mut branch = Map::new();
                                    constrain(&mut branch, schema);
                                    match &item_type {
                                        Some(item_type) if keyword == Keyword::PrefixItems => {
                                            serde_json::json!({ "allOf": [item_type, branch] })
                                        }
                                        _ => Value::Object(branch),
                                    }
                                })
                                .collect(),
                        )),
                        _ => None,
                    }
                }
                // One type as a string, several as an array, as JSON Schema writes them.
                Keyword::Type => match &param {
                    Param::Types(types) => {
                        let names: Vec<Value> =
                            types.iter().map(|t| Value::from(t.name())).collect();
                        match <[Value; 1]>::try_from(names) {
                            Ok([one]) => Some(one),
                            Err(names) => Some(Value::Array(names)),
                        }
                    }
                    _ => None,
                },
                // The member type's own schema says it (a reference to it).
                Keyword::Nested => continue,
                // Stated on the member by `state_members`.
                Keyword::Required | Keyword::Nullable | Keyword::Forbidden => continue,
            };
            // `allOf` after parts already there (the member type's own), if any.
            if let (Keyword::AllOf, Some(Value::Array(parts)), Some(Value::Array(existing))) =
                (keyword, &value, schema.get_mut("allOf"))
            {
                existing.extend(parts.iter().cloned());
                continue;
            }
            if let Some(value) = value {
                schema.insert(keyword.json_name().to_owned(), value);
            }
        }
    }

    /// A parameter as JSON.
    fn param_json(param: &Param<'_, Static>) -> Option<Value> {
        Some(match param {
            Param::Count(n) => Value::from(**n),
            Param::Number(n) => n.to_json(),
            Param::Text(text) => Value::from(**text),
            // The value as written: the derive checked that the text is JSON.
            Param::Json(text) => return serde_json::from_str::<Value>(text).ok(),
            Param::Format(format) => Value::from(format.name()),
            Param::Items(_)
            | Param::Schemas(_)
            | Param::Flag(())
            | Param::Context(_)
            | Param::Types(_)
            | Param::PatternSchemas(_)
            | Param::MemberSchemas(_) => return None,
        })
    }

    /// `null` added to the schema's `enum`, and a `const` made an `enum` of it and `null`, so that
    /// a nullable member's `null` passes them as it passes validation.
    fn null_among_values(map: &mut Map<String, Value>) {
        // `not`'s schema may be satisfied by `null`, which the member takes all the same:
        // refused as a value that is also not `null`.
        if let Some(not) = map.remove("not") {
            map.insert(
                "not".to_owned(),
                serde_json::json!({ "allOf": [not, { "not": { "type": "null" } }] }),
            );
        }
        // So may `if` lead to a branch `null` fails, or `null` satisfy no branch of `anyOf`
        // (or not one of `oneOf`, or not every part of `allOf`): they hold for a value other
        // than `null`.
        let mut conditional = Map::new();
        for key in ["if", "then", "else", "anyOf", "oneOf", "allOf"] {
            if let Some(schema) = map.remove(key) {
                conditional.insert(key.to_owned(), schema);
            }
        }
        if !conditional.is_empty() {
            let conditional = match conditional.remove("anyOf") {
                // Nested once more, so that the keyword is free for the alternative.
                Some(any_of) => {
                    serde_json::json!({ "allOf": [conditional, { "anyOf": any_of }] })
                }
                None => Value::Object(conditional),
            };
            map.insert(
                "anyOf".to_owned(),
                serde_json::json!([{ "type": "null" }, conditional]),
            );
        }
        if let Some(value) = map.remove("const") {
            let values = if value.is_null() {
                vec![value]
            } else {
                vec![value, Value::Null]
            };
            map.insert("enum".to_owned(), Value::Array(values));
            return;
        }
        if let Some(Value::Array(values)) = map.get_mut("enum")
            && !values.contains(&Value::Null)
        {
            values.push(Value::Null);
        }
    }

    /// `schema` that also allows `null`.
    fn allow_null(schema: &mut Value) {
        if let Value::Object(map) = schema {
            match map.get_mut("type") {
                Some(Value::String(ty)) => {
                    let ty = std::mem::take(ty);
                    null_among_values(map);
                    map.insert(
                        "type".to_owned(),
                        Value::Array(vec![Value::from(ty), Value::from("null")]),
                    );
                    return;
                }
                Some(Value::Array(types)) => {
                    if !types.contains(&Value::from("null")) {
                        types.push(Value::from("null"));
                    }
                    null_among_values(map);
                    return;
                }
                _ => {}
            }
        }
        let inner = std::mem::take(schema);
        *schema = serde_json::json!({ "anyOf": [inner, { "type": "null" }] });
    }
}
