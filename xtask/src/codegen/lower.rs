//! Lowering: the fragment (an ordered JSON tree) into the intermediate model. Every keyword is
//! either understood or a hard error naming its JSON Pointer; nothing is skipped silently.

use std::collections::{BTreeMap, BTreeSet};

use super::error::CodegenError;
use m3ter_vocab::{Format, JsonType, Keyword, ParamKind, ParamValue, bounds, pattern};

use super::doc;
use super::ir::{
    Docs, Enum, Field, Item, Keywords, Module, NumberLit, Operation, Presence, StrictRule, Struct,
    Ty, Variant,
};
use super::json::Json;
use super::names;
use super::pointer::Pointer;

/// The annotation keywords: allowed everywhere, also beside `$ref`.
const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "example",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
];
/// The generator's own keywords: the structure of a schema (its type, its members, a reference,
/// a string enum). Every other keyword it understands is a value keyword of the vocabulary's
/// table ([`value_keyword`]).
const STRUCTURAL: &[&str] = &[
    "type",
    "properties",
    "required",
    "additionalProperties",
    "$ref",
    "enum",
];
/// The extension that names an operation (`create`, `update`) on a path operation.
pub const OPERATION_EXTENSION: &str = "x-m3ter-operation";
/// The extension on a property that sets its presence per operation.
pub const OPERATIONS_EXTENSION: &str = "x-m3ter-operations";
/// The extension on a property that gives it a format in the strict profile, by the value of
/// another member.
pub const STRICT_EXTENSION: &str = "x-m3ter-strict";
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];
const SCHEMA_REF_PREFIX: &str = "#/components/schemas/";

/// An operation that gives its request body schema per-operation rules.
struct OperationUse {
    /// The `x-m3ter-operation` name, e.g. `create`.
    operation: String,
    /// The Rust name of the generated request type, from the `operationId`.
    type_name: String,
    /// Where the `operationId` is (the request type's name comes from it).
    type_at: Pointer,
}

/// The name of the generated enum of operations, reserved when the fragment has operations.
const OPERATION_ENUM: &str = "Operation";

/// The inline name a schema is checked under where no type is generated from it (a response,
/// a parameter, a header): `#` is never part of a Rust name, so nothing here takes a name a
/// generated type needs.
const CHECK_ONLY: &str = "#";

struct Lowerer<'a> {
    doc: &'a Json,
    components: &'a [(String, Json)],
    /// Component name → (Rust type name, is a struct), for components that are one type.
    component_types: BTreeMap<String, (String, bool)>,
    /// Components generated once per operation: component name → the operations.
    per_operation: BTreeMap<String, Vec<OperationUse>>,
    operations: BTreeSet<String>,
    /// The operation names in document order, each with the pointer of its
    /// `x-m3ter-operation`.
    operation_order: Vec<(String, Pointer)>,
    items: Vec<Item>,
    type_names: BTreeMap<String, String>,
    errors: Vec<CodegenError>,
}

/// Lowers a whole fragment, or returns every error found.
pub fn lower(doc: &Json) -> Result<Module, Vec<CodegenError>> {
    let root = Pointer::root();
    let mut errors = Vec::new();
    if doc.members().is_none() {
        return Err(vec![CodegenError::new(
            &root,
            "the fragment must be a JSON object",
        )]);
    }
    match doc.get("openapi").and_then(Json::as_str) {
        Some(version) if version.starts_with("3.1") => {}
        Some(version) => errors.push(CodegenError::new(
            &root.key("openapi"),
            format!("OpenAPI {version} is not supported; write 3.1.x"),
        )),
        None => errors.push(CodegenError::new(
            &root.key("openapi"),
            "missing `openapi: \"3.1.x\"`",
        )),
    }
    let empty = Vec::new();
    let components = match doc.get("components").map(|c| c.get("schemas")) {
        None | Some(None) => &empty[..],
        Some(Some(schemas)) => match schemas.members() {
            Some(members) => members,
            None => {
                errors.push(CodegenError::new(
                    &root.key("components").key("schemas"),
                    "must be an object",
                ));
                &empty[..]
            }
        },
    };
    let mut lowerer = Lowerer {
        doc,
        components,
        component_types: BTreeMap::new(),
        per_operation: BTreeMap::new(),
        operations: BTreeSet::new(),
        operation_order: Vec::new(),
        items: Vec::new(),
        type_names: BTreeMap::new(),
        errors,
    };
    lowerer.collect_operations(doc);
    if let Some((_, at)) = lowerer.operation_order.first().cloned() {
        // The generated `Operation` enum takes its name before any schema does.
        lowerer.type_names.insert(
            OPERATION_ENUM.to_owned(),
            format!("the generated enum of the operations (`{OPERATION_EXTENSION}` at {at})"),
        );
    }
    lowerer.check_ref_cycles();
    lowerer.name_components();
    lowerer.lower_components();
    lowerer.visit_document(doc);
    if lowerer.errors.is_empty() {
        let mut operations: Vec<Operation> = Vec::new();
        for (component, uses) in &lowerer.per_operation {
            // A body without per-operation rules is generated once, as the component's type.
            let shared = lowerer.component_types.get(component).map(|(name, _)| name);
            for used in uses {
                operations.push(Operation {
                    name: used.operation.clone(),
                    variant: names::type_name(&used.operation),
                    request_type: shared.unwrap_or(&used.type_name).clone(),
                });
            }
        }
        operations.sort_by_key(|o| {
            lowerer
                .operation_order
                .iter()
                .position(|(n, _)| *n == o.name)
        });
        Ok(Module {
            items: lowerer.items,
            operations,
        })
    } else {
        // A schema generated once per operation reports its errors once.
        let mut unique: Vec<CodegenError> = Vec::new();
        for error in lowerer.errors {
            if !unique.contains(&error) {
                unique.push(error);
            }
        }
        Err(unique)
    }
}

/// The value keyword of the vocabulary's table that JSON Schema spells `key`.
fn value_keyword(key: &str) -> Option<Keyword> {
    Keyword::value_keywords().find(|k| k.json_name_opt() == Some(key))
}

/// The JSON type a `type` name stands for.
fn json_type(name: &str) -> Option<JsonType> {
    JsonType::ALL.into_iter().find(|t| t.name() == name)
}

fn schemas_pointer() -> Pointer {
    Pointer::root().key("components").key("schemas")
}

fn has_operation_rules(schema: &Json) -> bool {
    schema
        .get("properties")
        .and_then(Json::members)
        .is_some_and(|props| {
            props
                .iter()
                .any(|(_, p)| p.get(OPERATIONS_EXTENSION).is_some())
        })
}

impl Lowerer<'_> {
    fn error(&mut self, at: &Pointer, message: impl Into<String>) {
        self.errors.push(CodegenError::new(at, message));
    }

    /// Reads the operations: which request bodies are generated once per operation.
    fn collect_operations(&mut self, doc: &Json) {
        let Some(paths) = doc.get("paths").and_then(Json::members) else {
            return;
        };
        let paths_ptr = Pointer::root().key("paths");
        // Rust variant of `Operation` → the operation name and where it is declared.
        let mut variants: BTreeMap<String, (String, Pointer)> = BTreeMap::new();
        for (path, item) in paths {
            let Some(methods) = item.members() else {
                continue;
            };
            for (method, operation) in methods {
                if !METHODS.contains(&method.as_str()) {
                    continue;
                }
                let at = paths_ptr.key(path).key(method);
                let Some(name) = operation.get(OPERATION_EXTENSION) else {
                    continue;
                };
                let name_at = at.key(OPERATION_EXTENSION);
                let Some(name) = name.as_str() else {
                    self.error(&name_at, "must be a string naming the operation");
                    continue;
                };
                let Some(operation_id) = operation.get("operationId").and_then(Json::as_str) else {
                    self.error(&at.key("operationId"), format!("an operation with `{OPERATION_EXTENSION}` needs an `operationId` (it names the request type)"));
                    continue;
                };
                let body_ptr = at
                    .key("requestBody")
                    .key("content")
                    .key("application/json")
                    .key("schema");
                let body = operation
                    .get("requestBody")
                    .and_then(|b| b.get("content"))
                    .and_then(|c| c.get("application/json"))
                    .and_then(|c| c.get("schema"));
                let Some(component) = body
                    .and_then(|s| s.get("$ref"))
                    .and_then(Json::as_str)
                    .and_then(|r| r.strip_prefix(SCHEMA_REF_PREFIX))
                else {
                    self.error(&body_ptr, "the request body of an operation must be a `$ref` to `#/components/schemas/...`");
                    continue;
                };
                if !self.operations.insert(name.to_owned()) {
                    self.error(
                        &name_at,
                        format!("another operation is already named `{name}`"),
                    );
                    continue;
                }
                let variant = names::type_name(name);
                if let Some((other, other_at)) = variants.get(&variant) {
                    let message = format!(
                        "the operations `{other}` ({other_at}) and `{name}` both become the Rust variant `{OPERATION_ENUM}::{variant}`"
                    );
                    self.error(&name_at, message);
                    continue;
                }
                variants.insert(variant, (name.to_owned(), name_at.clone()));
                self.operation_order.push((name.to_owned(), name_at));
                self.per_operation
                    .entry(component.to_owned())
                    .or_default()
                    .push(OperationUse {
                        operation: name.to_owned(),
                        type_name: format!("{}Request", names::type_name(operation_id)),
                        type_at: at.key("operationId"),
                    });
            }
        }
    }

    /// Reports every `$ref` that closes a cycle between component schemas: the generated
    /// structs would contain themselves.
    fn check_ref_cycles(&mut self) {
        let mut edges: BTreeMap<String, Vec<(String, Pointer)>> = BTreeMap::new();
        for (name, schema) in self.components {
            let mut refs = Vec::new();
            collect_refs(schema, &schemas_pointer().key(name), &mut refs);
            edges.insert(name.clone(), refs);
        }
        let mut reported = BTreeSet::new();
        for start in edges.keys() {
            // Depth-first from `start`, with an explicit stack: (component, path so far).
            let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
            let mut seen = BTreeSet::new();
            while let Some((node, path)) = stack.pop() {
                for (target, at) in edges.get(&node).map(Vec::as_slice).unwrap_or_default() {
                    if target == start {
                        let cycle = format!("{} → {target}", path.join(" → "));
                        if reported.insert(at.to_string()) {
                            self.error(
                                at,
                                format!(
                                    "`$ref` cycle ({cycle}): the types would contain themselves"
                                ),
                            );
                        }
                    } else if seen.insert(target.clone()) {
                        let mut next = path.clone();
                        next.push(target.clone());
                        stack.push((target.clone(), next));
                    }
                }
            }
        }
    }

    fn claim_type_name(&mut self, name: &str, at: &Pointer) -> bool {
        if let Some(previous) = self.type_names.get(name) {
            let message = format!("the type name `{name}` is already taken by {previous}");
            self.error(at, message);
            false
        } else {
            self.type_names.insert(name.to_owned(), at.to_string());
            true
        }
    }

    /// The (request type name, operation, where the name comes from) of each type a
    /// per-operation component is generated as.
    fn operation_types(&self, component: &str) -> Vec<(String, String, Pointer)> {
        self.per_operation
            .get(component)
            .map(|uses| {
                uses.iter()
                    .map(|u| (u.type_name.clone(), u.operation.clone(), u.type_at.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn name_components(&mut self) {
        let components = self.components;
        for (name, schema) in components {
            let at = schemas_pointer().key(name);
            if has_operation_rules(schema) {
                let uses = self.operation_types(name);
                if uses.is_empty() {
                    self.error(&at, format!("a schema with `{OPERATIONS_EXTENSION}` must be the request body of an operation with `{OPERATION_EXTENSION}`"));
                }
                for (type_name, _, type_at) in uses {
                    self.claim_type_name(&type_name, &type_at);
                }
            } else {
                let type_name = names::type_name(name);
                let is_struct = schema.get("properties").is_some()
                    || schema.get("type").and_then(Json::as_str) == Some("object");
                if self.claim_type_name(&type_name, &at) {
                    self.component_types
                        .insert(name.clone(), (type_name, is_struct));
                }
            }
        }
        let unknown: Vec<String> = self
            .per_operation
            .keys()
            .filter(|c| !components.iter().any(|(n, _)| n == *c))
            .cloned()
            .collect();
        for component in unknown {
            self.error(
                &schemas_pointer().key(&component),
                "the request body refers to a schema that does not exist",
            );
        }
    }

    fn lower_components(&mut self) {
        let components = self.components;
        for (name, schema) in components {
            let at = schemas_pointer().key(name);
            if has_operation_rules(schema) {
                let uses = self.operation_types(name);
                for (type_name, operation, _) in uses {
                    self.lower_struct(schema, &at, &type_name, Some(&operation));
                }
                continue;
            }
            let Some((type_name, _)) = self.component_types.get(name).cloned() else {
                continue;
            };
            if schema.get("enum").is_some() {
                self.lower_enum(schema, &at, &type_name);
            } else if schema.get("properties").is_some()
                || schema.get("type").and_then(Json::as_str) == Some("object")
            {
                self.lower_struct(schema, &at, &type_name, None);
            } else {
                self.error(&at, "a component schema must be an object or a string enum");
            }
        }
    }

    /// Checks every keyword of `schema` against the supported set.
    fn check_keywords(&mut self, schema: &Json, at: &Pointer) -> bool {
        let Some(members) = schema.members() else {
            self.error(
                at,
                format!("a schema must be an object, not {}", schema.type_name()),
            );
            return false;
        };
        let mut ok = true;
        for (key, _) in members {
            let known = ANNOTATIONS.contains(&key.as_str())
                || STRUCTURAL.contains(&key.as_str())
                || value_keyword(key).is_some()
                || key.starts_with("x-");
            if !known {
                self.error(&at.key(key), format!("unsupported keyword `{key}`"));
                ok = false;
            }
        }
        if schema.get("$ref").is_some() {
            for (key, _) in members {
                if key != "$ref"
                    && !ANNOTATIONS.contains(&key.as_str())
                    && !key.starts_with("x-")
                    && key != OPERATIONS_EXTENSION
                {
                    self.error(&at.key(key), format!("`{key}` beside `$ref` is not supported: put it in the referenced schema"));
                    ok = false;
                }
            }
        }
        ok
    }

    fn docs(&mut self, schema: &Json, at: &Pointer) -> Docs {
        let mut docs = Docs::new();
        for key in ["title", "description"] {
            match schema.get(key) {
                None => {}
                Some(Json::String(text)) => {
                    if !docs.is_empty() {
                        docs.push(String::new());
                    }
                    docs.extend(doc::text_lines(text));
                }
                Some(other) => self.error(
                    &at.key(key),
                    format!("must be a string, not {}", other.type_name()),
                ),
            }
        }
        for (key, note) in [
            ("deprecated", "**Deprecated.**"),
            ("readOnly", "Read-only: set by the server."),
            ("writeOnly", "Write-only: never returned by the server."),
        ] {
            match schema.get(key) {
                None | Some(Json::Bool(false)) => {}
                Some(Json::Bool(true)) => {
                    docs.push(String::new());
                    docs.push(note.to_owned());
                }
                Some(other) => self.error(
                    &at.key(key),
                    format!("must be a boolean, not {}", other.type_name()),
                ),
            }
        }
        if let Some(example) = schema.get("example") {
            docs.push(String::new());
            docs.push(format!("Example: {}", doc::code(&example.to_json_string())));
        }
        match schema.get("examples") {
            None => {}
            Some(Json::Array(examples)) => {
                for example in examples {
                    docs.push(String::new());
                    docs.push(format!("Example: {}", doc::code(&example.to_json_string())));
                }
            }
            Some(other) => self.error(
                &at.key("examples"),
                format!("must be an array, not {}", other.type_name()),
            ),
        }
        docs
    }

    fn lower_enum(&mut self, schema: &Json, at: &Pointer, type_name: &str) {
        if !self.check_keywords(schema, at) {
            return;
        }
        let docs = self.docs(schema, at);
        if let Some(variants) = self.enum_variants(schema, at) {
            self.items.push(Item::Enum(Enum {
                name: type_name.to_owned(),
                docs,
                variants,
            }));
        }
    }

    fn enum_variants(&mut self, schema: &Json, at: &Pointer) -> Option<Vec<Variant>> {
        match schema.get("type") {
            Some(Json::String(t)) if t == "string" => {}
            _ => {
                self.error(&at.key("type"), "an `enum` must have `type: \"string\"`");
                return None;
            }
        }
        let string_keywords = Keyword::value_keywords()
            .filter(|k| k.applies_to().contains(JsonType::String))
            .filter_map(Keyword::json_name_opt);
        for key in string_keywords {
            if schema.get(key).is_some() {
                self.error(
                    &at.key(key),
                    format!("`{key}` beside `enum` is not supported"),
                );
            }
        }
        let Some(Json::Array(values)) = schema.get("enum") else {
            self.error(&at.key("enum"), "must be an array of strings");
            return None;
        };
        if values.is_empty() {
            self.error(&at.key("enum"), "must list at least one value");
            return None;
        }
        let mut variants: Vec<Variant> = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let Some(wire) = value.as_str() else {
                self.error(
                    &at.key("enum").index(i),
                    format!("enum values must be strings, not {}", value.type_name()),
                );
                continue;
            };
            let rust_name = names::type_name(wire);
            if let Some(other) = variants.iter().find(|v| v.rust_name == rust_name) {
                let message = if other.wire == wire {
                    format!("duplicate enum value `{wire}`")
                } else {
                    format!(
                        "the enum values `{}` and `{wire}` both become the Rust variant `{rust_name}`",
                        other.wire
                    )
                };
                self.error(&at.key("enum").index(i), message);
                continue;
            }
            variants.push(Variant {
                rust_name,
                wire: wire.to_owned(),
            });
        }
        Some(variants)
    }

    fn lower_struct(
        &mut self,
        schema: &Json,
        at: &Pointer,
        type_name: &str,
        operation: Option<&str>,
    ) {
        if !self.check_keywords(schema, at) {
            return;
        }
        match schema.get("type") {
            None => {}
            Some(Json::String(t)) if t == "object" => {}
            Some(_) => self.error(
                &at.key("type"),
                "an object schema must have `type: \"object\"`",
            ),
        }
        self.check_applicable(schema, at, "object");
        let docs = self.docs(schema, at);
        let deny_unknown_fields = match schema.get("additionalProperties") {
            None | Some(Json::Bool(true)) => false,
            Some(Json::Bool(false)) => true,
            Some(_) => {
                self.error(
                    &at.key("additionalProperties"),
                    "only `true` or `false` is supported",
                );
                false
            }
        };
        let empty = Vec::new();
        let properties = match schema.get("properties") {
            None => &empty[..],
            Some(props) => match props.members() {
                Some(members) => members,
                None => {
                    self.error(&at.key("properties"), "must be an object");
                    &empty[..]
                }
            },
        };
        let mut required = BTreeSet::new();
        match schema.get("required") {
            None => {}
            Some(Json::Array(names)) => {
                for (i, name) in names.iter().enumerate() {
                    match name.as_str() {
                        Some(name) if properties.iter().any(|(p, _)| p == name) => {
                            required.insert(name.to_owned());
                        }
                        Some(name) => self.error(
                            &at.key("required").index(i),
                            format!("`{name}` is not a property of this object"),
                        ),
                        None => self.error(&at.key("required").index(i), "must be a string"),
                    }
                }
            }
            Some(_) => self.error(&at.key("required"), "must be an array of property names"),
        }
        let mut fields: Vec<Field> = Vec::new();
        // Rust field name → the property it was made from.
        let mut field_names: BTreeMap<String, String> = BTreeMap::new();
        for (wire, property) in properties {
            let prop_at = at.key("properties").key(wire);
            let rust_name = names::field_name(wire);
            if let Some(other) = field_names.get(&rust_name) {
                let message = format!(
                    "the properties `{other}` and `{wire}` both become the Rust field `{rust_name}`"
                );
                self.error(&prop_at, message);
                continue;
            }
            field_names.insert(rust_name.clone(), wire.clone());
            let inline_name = format!("{type_name}{}", names::type_name(wire));
            let Some((ty, mut keywords, nullable, mut docs)) =
                self.lower_value(property, &prop_at, &inline_name)
            else {
                continue;
            };
            let mut presence = match (required.contains(wire), nullable) {
                (true, false) => Presence::Required,
                (true, true) => Presence::RequiredNullable,
                (false, _) => Presence::Optional,
            };
            if let Some(rule) = self.operation_rule(property, &prop_at, operation) {
                presence = match (rule.as_str(), nullable) {
                    ("required", false) => Presence::Required,
                    ("required", true) => Presence::RequiredNullable,
                    ("optional", _) => Presence::Optional,
                    _ => Presence::Forbidden {
                        operation: operation.unwrap_or_default().to_owned(),
                    },
                };
            }
            if let Presence::Forbidden { operation } = &presence {
                // The member must be absent: its value constraints cannot apply.
                keywords = Keywords::default();
                docs.push(String::new());
                docs.push(format!(
                    "Must be absent on {}: reported as `forbidden` when set.",
                    doc::code(operation)
                ));
            }
            if docs.is_empty() {
                docs.push(format!("The {} member.", doc::code(wire)));
            }
            fields.push(Field {
                rust_name,
                wire_name: wire.clone(),
                docs,
                ty,
                presence,
                nullable,
                keywords,
            });
        }
        let docs = if docs.is_empty() {
            vec![format!("The {} object.", doc::code(type_name))]
        } else {
            docs
        };
        let strict = properties
            .iter()
            .filter_map(|(wire, property)| {
                let rule = property.get(STRICT_EXTENSION)?;
                let rule_at = at.key("properties").key(wire).key(STRICT_EXTENSION);
                self.strict_rule(wire, rule, &rule_at, &fields)
            })
            .collect();
        self.items.push(Item::Struct(Struct {
            name: type_name.to_owned(),
            docs,
            deny_unknown_fields,
            fields,
            strict,
        }));
    }

    /// A strict-profile rule: `{"by": "<member>", "formats": {"<value>": "<format>"},
    /// "absent": "<format>"}`; `None` after reporting what is wrong.
    fn strict_rule(
        &mut self,
        member: &str,
        rule: &Json,
        at: &Pointer,
        fields: &[Field],
    ) -> Option<StrictRule> {
        const SHAPE: &str =
            "must be {\"by\": a member, \"formats\": {value: format}, \"absent\": format}";
        let Some(members) = rule.members() else {
            self.error(at, SHAPE);
            return None;
        };
        let mut ok = true;
        for (key, _) in members {
            if !matches!(key.as_str(), "by" | "formats" | "absent") {
                self.error(&at.key(key), format!("unknown member `{key}`: {SHAPE}"));
                ok = false;
            }
        }
        let by = match rule.get("by") {
            Some(Json::String(by)) => by.clone(),
            _ => {
                self.error(&at.key("by"), "must name a member of this object");
                return None;
            }
        };
        // The values `by` can take: its enum's wire values, when it is a generated enum.
        let values: Option<Vec<String>> = match fields.iter().find(|f| f.wire_name == by) {
            None => {
                self.error(
                    &at.key("by"),
                    format!("`{by}` is not a member of this object"),
                );
                return None;
            }
            Some(field) => match &field.ty {
                Ty::Named(name, false) => self.items.iter().find_map(|item| match item {
                    Item::Enum(e) if &e.name == name => {
                        Some(e.variants.iter().map(|v| v.wire.clone()).collect())
                    }
                    Item::Enum(_) | Item::Struct(_) => None,
                }),
                _ => None,
            },
        };
        let format_at = |this: &mut Self, value: &Json, at: &Pointer| match value.as_str() {
            Some(name) => match Format::from_name(name) {
                Some(format) => Some(format),
                None => {
                    this.error(
                        at,
                        format!("unknown format `{name}`; known: {}", Format::names()),
                    );
                    None
                }
            },
            None => {
                this.error(at, "must be a format name");
                None
            }
        };
        let mut formats = Vec::new();
        match rule.get("formats").and_then(Json::members) {
            Some(entries) => {
                for (value, format) in entries {
                    let entry_at = at.key("formats").key(value);
                    if let Some(values) = &values
                        && !values.contains(value)
                    {
                        self.error(&entry_at, format!("`{value}` is not a value of `{by}`"));
                        ok = false;
                    }
                    match format_at(self, format, &entry_at) {
                        Some(format) => formats.push((value.clone(), format)),
                        None => ok = false,
                    }
                }
            }
            None => {
                self.error(
                    &at.key("formats"),
                    "must be an object from a value to a format",
                );
                ok = false;
            }
        }
        let absent = match rule.get("absent") {
            None => None,
            Some(value) => {
                let format = format_at(self, value, &at.key("absent"));
                ok &= format.is_some();
                format
            }
        };
        ok.then(|| StrictRule {
            member: member.to_owned(),
            by,
            formats,
            absent,
        })
    }

    /// The presence rule of a property for `operation` (`required`, `optional`, `forbidden`).
    fn operation_rule(
        &mut self,
        property: &Json,
        at: &Pointer,
        operation: Option<&str>,
    ) -> Option<String> {
        let rules = property.get(OPERATIONS_EXTENSION)?;
        let at = at.key(OPERATIONS_EXTENSION);
        let Some(members) = rules.members() else {
            self.error(
                &at,
                "must be an object from operation name to `required`, `optional` or `forbidden`",
            );
            return None;
        };
        let mut found = None;
        for (name, rule) in members {
            if !self.operations.contains(name) {
                self.error(
                    &at.key(name),
                    format!("no operation declares `{OPERATION_EXTENSION}: \"{name}\"`"),
                );
            }
            match rule.as_str() {
                Some("required" | "optional" | "forbidden") => {
                    if Some(name.as_str()) == operation {
                        found = rule.as_str().map(str::to_owned);
                    }
                }
                _ => self.error(
                    &at.key(name),
                    "must be `required`, `optional` or `forbidden`",
                ),
            }
        }
        found
    }

    /// The type and constraints of a value schema; `None` after reporting an error.
    fn lower_value(
        &mut self,
        schema: &Json,
        at: &Pointer,
        inline_name: &str,
    ) -> Option<(Ty, Keywords, bool, Docs)> {
        if !self.check_keywords(schema, at) {
            return None;
        }
        let docs = self.docs(schema, at);
        if let Some(reference) = schema.get("$ref") {
            let Some(reference) = reference.as_str() else {
                self.error(&at.key("$ref"), "must be a string");
                return None;
            };
            let Some(name) = reference.strip_prefix(SCHEMA_REF_PREFIX) else {
                self.error(&at.key("$ref"), format!("`{reference}`: only references to `{SCHEMA_REF_PREFIX}...` in this document are supported"));
                return None;
            };
            if self.per_operation.contains_key(name) && !self.component_types.contains_key(name) {
                self.error(
                    &at.key("$ref"),
                    format!(
                        "`{reference}` is generated once per operation and cannot be referenced"
                    ),
                );
                return None;
            }
            let Some((type_name, is_struct)) = self.component_types.get(name).cloned() else {
                self.error(&at.key("$ref"), format!("`{reference}` does not exist"));
                return None;
            };
            let keywords = Keywords {
                nested: is_struct.then_some(()),
                ..Keywords::default()
            };
            return Some((Ty::Named(type_name, is_struct), keywords, false, docs));
        }
        let (type_name, nullable) = match schema.get("type") {
            Some(Json::String(t)) => (t.clone(), false),
            Some(Json::Array(types)) => {
                let non_null: Vec<&str> = types
                    .iter()
                    .filter_map(Json::as_str)
                    .filter(|t| *t != "null")
                    .collect();
                let nulls = types.iter().filter(|t| t.as_str() == Some("null")).count();
                if non_null.len() != 1 || nulls != 1 || types.len() != 2 {
                    self.error(&at.key("type"), "a type array must be one type and `\"null\"`, e.g. `[\"string\", \"null\"]`");
                    return None;
                }
                (non_null[0].to_owned(), true)
            }
            None if schema.get("properties").is_some() => ("object".to_owned(), false),
            None if schema.get("enum").is_some() => ("string".to_owned(), false),
            None => {
                self.error(at, "a schema needs a `type` (or a `$ref`)");
                return None;
            }
            Some(other) => {
                self.error(
                    &at.key("type"),
                    format!("must be a string or an array, not {}", other.type_name()),
                );
                return None;
            }
        };
        self.check_applicable(schema, at, &type_name);
        let mut keywords = Keywords::default();
        if let Some(json_ty) = json_type(&type_name) {
            self.read_values(schema, at, json_ty, &mut keywords);
        }
        let ty = match type_name.as_str() {
            "string" if schema.get("enum").is_some() => {
                let variants = self.enum_variants(schema, at)?;
                if !self.claim_type_name(inline_name, at) {
                    return None;
                }
                let enum_docs = if docs.is_empty() {
                    vec![format!("The values of {}.", doc::code(&at.to_string()))]
                } else {
                    docs.clone()
                };
                self.items.push(Item::Enum(Enum {
                    name: inline_name.to_owned(),
                    docs: enum_docs,
                    variants,
                }));
                Ty::Named(inline_name.to_owned(), false)
            }
            "string" => self.lower_string(schema, at, &mut keywords)?,
            "integer" => {
                let ty = match schema.get(Keyword::Format.json_name()) {
                    None => Ty::I64,
                    Some(Json::String(f)) if f == "int64" => Ty::I64,
                    Some(Json::String(f)) if f == "int32" => Ty::I32,
                    Some(_) => {
                        self.error(
                            &at.key(Keyword::Format.json_name()),
                            "an integer's format must be `int32` or `int64`",
                        );
                        return None;
                    }
                };
                let range = match ty {
                    Ty::I32 => (i128::from(i32::MIN), i128::from(i32::MAX)),
                    _ => (i128::from(i64::MIN), i128::from(i64::MAX)),
                };
                self.check_bounds(&keywords, at, Some(range));
                ty
            }
            // A `format` here is reported by `check_applicable`.
            "number" => {
                self.check_bounds(&keywords, at, None);
                Ty::F64
            }
            "boolean" => Ty::Bool,
            "array" => {
                self.check_bounds(&keywords, at, None);
                let Some(items) = schema.get(Keyword::Items.json_name()) else {
                    self.error(at, "an array needs `items`");
                    return None;
                };
                let items_at = at.key(Keyword::Items.json_name());
                let (item_ty, item_keywords, item_nullable, _) =
                    self.lower_value(items, &items_at, &format!("{inline_name}Item"))?;
                if item_nullable {
                    self.error(
                        &items_at.key("type"),
                        "nullable array items are not supported",
                    );
                    return None;
                }
                keywords.nested = item_keywords.nested;
                let item_keywords = Keywords {
                    nested: None,
                    ..item_keywords
                };
                if !item_keywords.is_empty() {
                    keywords.items = Some(Box::new(item_keywords));
                }
                Ty::Array(Box::new(item_ty))
            }
            "object" if schema.get("properties").is_some() => {
                if !self.claim_type_name(inline_name, at) {
                    return None;
                }
                self.lower_struct(schema, at, inline_name, None);
                keywords.nested = Some(());
                Ty::Named(inline_name.to_owned(), true)
            }
            "object" => {
                if schema.get("required").is_some() {
                    // A map checks nothing about its members: the list would be dropped.
                    self.error(&at.key("required"), "`required` on an object without `properties` is not supported (it would become a map that checks no member): declare the properties");
                    return None;
                }
                match schema.get("additionalProperties") {
                    None | Some(Json::Bool(true)) => Ty::Map,
                    Some(Json::Bool(false)) => {
                        self.error(&at.key("additionalProperties"), "an object without properties that allows no properties is not supported");
                        return None;
                    }
                    Some(_) => {
                        self.error(
                            &at.key("additionalProperties"),
                            "only `true` or `false` is supported",
                        );
                        return None;
                    }
                }
            }
            other => {
                self.error(&at.key("type"), format!("unknown type `{other}`"));
                return None;
            }
        };
        Some((ty, keywords, nullable, docs))
    }

    /// Reports keywords that do not apply to `type_name`: the vocabulary's table says which
    /// JSON types each value keyword applies to; of the generator's structural keywords,
    /// `properties`, `required` and `additionalProperties` apply to objects and `enum` to
    /// strings.
    fn check_applicable(&mut self, schema: &Json, at: &Pointer, type_name: &str) {
        // An unknown type is reported where the type is read.
        let (Some(ty), Some(members)) = (json_type(type_name), schema.members()) else {
            return;
        };
        for (key, _) in members {
            let applies = match value_keyword(key) {
                Some(keyword) => {
                    keyword.applies_to().contains(ty)
                        // `format: int32` or `int64` picks an integer's Rust type (`lower_value`).
                        || (keyword == Keyword::Format && ty == JsonType::Integer)
                }
                None => match key.as_str() {
                    "properties" | "required" | "additionalProperties" => ty == JsonType::Object,
                    "enum" => ty == JsonType::String,
                    // `type`, `$ref`, annotations and extensions apply to any schema; an unknown
                    // keyword is reported by `check_keywords`.
                    _ => true,
                },
            };
            if !applies {
                self.error(
                    &at.key(key),
                    format!("`{key}` does not apply to type `{type_name}`"),
                );
            }
        }
    }

    /// Reads the table's count and number keywords that apply to `ty` (`minLength`, `maxItems`,
    /// `minimum`, ...), so that a new keyword of either kind is read without a change here.
    fn read_values(&mut self, schema: &Json, at: &Pointer, ty: JsonType, keywords: &mut Keywords) {
        for keyword in Keyword::value_keywords() {
            let Some(name) = keyword.json_name_opt() else {
                continue;
            };
            let Some(value) = schema.get(name) else {
                continue;
            };
            if !keyword.applies_to().contains(ty) {
                continue; // reported by `check_applicable`
            }
            let param = match keyword.param() {
                ParamKind::Count => self.count(value, &at.key(name)).map(ParamValue::Count),
                ParamKind::Number => self.number(value, &at.key(name)).map(ParamValue::Number),
                // `pattern` is read where its dialect is checked (`lower_string`).
                ParamKind::Text if keyword == Keyword::Pattern => None,
                ParamKind::Text => match value {
                    Json::String(text) => Some(ParamValue::Text(text.clone())),
                    other => {
                        self.error(
                            &at.key(name),
                            format!("must be a string, not {}", other.type_name()),
                        );
                        None
                    }
                },
                // Read where they decide more than a constraint: `format` (a Rust type or a
                // registry format), `items` (the item type).
                ParamKind::Format | ParamKind::Items => None,
                // Never written as such in a schema: `nested` is a `$ref` to an object, the
                // member keywords come from the parent object.
                ParamKind::Flag | ParamKind::Context => None,
            };
            if let Some(param) = param
                && keywords.set(keyword, param).is_err()
            {
                self.error(&at.key(name), "is given twice");
            }
        }
    }

    fn lower_string(&mut self, schema: &Json, at: &Pointer, keywords: &mut Keywords) -> Option<Ty> {
        self.check_bounds(keywords, at, None);
        match schema.get(Keyword::Pattern.json_name()) {
            None => {}
            Some(Json::String(pattern)) => {
                if let Err(message) = check_pattern(pattern) {
                    self.error(&at.key(Keyword::Pattern.json_name()), message);
                } else {
                    keywords.pattern = Some(pattern.clone());
                }
            }
            Some(other) => self.error(
                &at.key(Keyword::Pattern.json_name()),
                format!("must be a string, not {}", other.type_name()),
            ),
        }
        let typed = |ty: Ty, keywords: &Keywords, this: &mut Self| {
            if keywords.min_length.is_some()
                || keywords.max_length.is_some()
                || keywords.pattern.is_some()
            {
                this.error(at, "`minLength`, `maxLength` and `pattern` are not supported beside `format: uuid` or `date-time`");
            }
            Some(ty)
        };
        match schema.get(Keyword::Format.json_name()) {
            None => Some(Ty::String),
            Some(Json::String(format)) => match format.as_str() {
                "uuid" => typed(Ty::Uuid, keywords, self),
                "date-time" => typed(Ty::DateTime, keywords, self),
                name if Format::from_name(name).is_some() => {
                    keywords.format = Format::from_name(name);
                    Some(Ty::String)
                }
                name => {
                    let known = Format::names();
                    self.error(
                        &at.key(Keyword::Format.json_name()),
                        format!("unknown string format `{name}`; known: {known}"),
                    );
                    None
                }
            },
            Some(other) => {
                self.error(
                    &at.key(Keyword::Format.json_name()),
                    format!("must be a string, not {}", other.type_name()),
                );
                None
            }
        }
    }

    /// A number keyword's parameter, as written.
    fn number(&mut self, value: &Json, at: &Pointer) -> Option<NumberLit> {
        match value {
            Json::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Some(NumberLit::Int(i128::from(i)))
                } else if let Some(u) = n.as_u64() {
                    Some(NumberLit::Int(i128::from(u)))
                } else {
                    n.as_f64().map(NumberLit::Float)
                }
            }
            other => {
                self.error(at, format!("must be a number, not {}", other.type_name()));
                None
            }
        }
    }

    /// Bounds that leave no value (the vocabulary's rule, as the derive applies it), each an
    /// error at the lower bound's pointer.
    fn check_bounds(&mut self, keywords: &Keywords, at: &Pointer, integer: Option<(i128, i128)>) {
        for error in bounds::check(keywords, integer) {
            self.error(
                &at.key(error.keyword().json_name()),
                error.message(Keyword::json_name),
            );
        }
    }

    /// A count keyword's parameter.
    fn count(&mut self, value: &Json, at: &Pointer) -> Option<u64> {
        match value {
            Json::Number(n) if n.as_u64().is_some() => n.as_u64(),
            _ => {
                self.error(at, "must be a non-negative integer");
                None
            }
        }
    }

    /// Checks a schema no type is generated from (a response's, a parameter's, a header's, a
    /// request body's without an operation) exactly as if one were: every keyword, every
    /// nested schema. What that lowering generates is dropped.
    fn check_schema(&mut self, schema: &Json, at: &Pointer) {
        let items = self.items.len();
        let type_names = self.type_names.clone();
        let _checked = self.lower_value(schema, at, CHECK_ONLY);
        self.items.truncate(items);
        self.type_names = type_names;
    }

    /// An object of the OpenAPI document, or an error saying it must be one.
    fn object<'j>(&mut self, value: &'j Json, at: &Pointer) -> &'j [(String, Json)] {
        match value.members() {
            Some(members) => members,
            None => {
                self.error(at, format!("must be an object, not {}", value.type_name()));
                &[]
            }
        }
    }

    /// A `$ref` to `#/components/{kind}/...`: it must be one, and exist. The target is
    /// checked where it is defined.
    fn check_component_ref(&mut self, value: &Json, at: &Pointer, kind: &str) {
        let at = at.key("$ref");
        let Some(reference) = value.as_str() else {
            self.error(&at, "must be a string");
            return;
        };
        let prefix = format!("#/components/{kind}/");
        let exists = reference.strip_prefix(&prefix).is_some_and(|name| {
            self.doc
                .get("components")
                .and_then(|c| c.get(kind))
                .and_then(|c| c.get(name))
                .is_some()
        });
        if !reference.starts_with(&prefix) {
            self.error(
                &at,
                format!("`{reference}`: only references to `{prefix}...` in this document are supported here"),
            );
        } else if !exists {
            self.error(&at, format!("`{reference}` does not exist"));
        }
    }

    /// Visits every position of the document where a schema can be, beside the component
    /// schemas (lowered into types): operations' parameters, request bodies, responses and
    /// their headers, the path-level parameters, and `components.responses`, `parameters`,
    /// `requestBodies` and `headers`. A member that could hold a schema the generator does not
    /// visit (`webhooks`, `callbacks`, a path item's `$ref`) is an error, not a skip.
    fn visit_document(&mut self, doc: &Json) {
        let root = Pointer::root();
        for (key, value) in doc.members().unwrap_or_default() {
            let at = root.key(key);
            match key.as_str() {
                "openapi" | "info" | "jsonSchemaDialect" | "servers" | "security" | "tags"
                | "externalDocs" => {}
                "paths" => {
                    for (path, item) in self.object(value, &at) {
                        self.visit_path_item(item, &at.key(path));
                    }
                }
                "components" => self.visit_components(value, &at),
                key if key.starts_with("x-") => {}
                "webhooks" => self.error(
                    &at,
                    "`webhooks` are not supported: their schemas would not be checked",
                ),
                other => self.error(&at, format!("unknown OpenAPI member `{other}`")),
            }
        }
    }

    fn visit_components(&mut self, components: &Json, at: &Pointer) {
        for (key, value) in self.object(components, at) {
            let at = at.key(key);
            let visit: fn(&mut Self, &Json, &Pointer) = match key.as_str() {
                // Lowered into types by `lower_components`.
                "schemas" => continue,
                "responses" => Self::visit_response,
                "parameters" => Self::visit_parameter,
                "requestBodies" => |this, body, at| this.visit_request_body(body, at, false),
                "headers" => Self::visit_header,
                "examples" | "securitySchemes" | "links" => continue,
                key if key.starts_with("x-") => continue,
                "callbacks" | "pathItems" => {
                    self.error(
                        &at,
                        format!("`{key}` are not supported: their schemas would not be checked"),
                    );
                    continue;
                }
                other => {
                    self.error(&at, format!("unknown components member `{other}`"));
                    continue;
                }
            };
            for (name, entry) in self.object(value, &at) {
                visit(self, entry, &at.key(name));
            }
        }
    }

    fn visit_path_item(&mut self, item: &Json, at: &Pointer) {
        for (key, value) in self.object(item, at) {
            let at = at.key(key);
            match key.as_str() {
                "summary" | "description" | "servers" => {}
                "parameters" => self.visit_parameters(value, &at),
                method if METHODS.contains(&method) => self.visit_operation(value, &at),
                key if key.starts_with("x-") => {}
                "$ref" => self.error(
                    &at,
                    "a path item's `$ref` is not supported: write the path item here",
                ),
                other => self.error(&at, format!("unknown path item member `{other}`")),
            }
        }
    }

    fn visit_operation(&mut self, operation: &Json, at: &Pointer) {
        // Its request body is generated from a component (`collect_operations`).
        let typed = operation.get(OPERATION_EXTENSION).is_some();
        for (key, value) in self.object(operation, at) {
            let at = at.key(key);
            match key.as_str() {
                "tags" | "summary" | "description" | "externalDocs" | "operationId"
                | "deprecated" | "security" | "servers" => {}
                "parameters" => self.visit_parameters(value, &at),
                "requestBody" => self.visit_request_body(value, &at, typed),
                "responses" => {
                    for (status, response) in self.object(value, &at) {
                        self.visit_response(response, &at.key(status));
                    }
                }
                key if key.starts_with("x-") => {}
                "callbacks" => self.error(
                    &at,
                    "`callbacks` are not supported: their schemas would not be checked",
                ),
                other => self.error(&at, format!("unknown operation member `{other}`")),
            }
        }
    }

    fn visit_parameters(&mut self, parameters: &Json, at: &Pointer) {
        let Json::Array(parameters) = parameters else {
            self.error(
                at,
                format!("must be an array, not {}", parameters.type_name()),
            );
            return;
        };
        for (i, parameter) in parameters.iter().enumerate() {
            self.visit_parameter(parameter, &at.index(i));
        }
    }

    fn visit_parameter(&mut self, parameter: &Json, at: &Pointer) {
        if let Some(reference) = parameter.get("$ref") {
            self.check_component_ref(reference, at, "parameters");
            return;
        }
        if let Some(schema) = parameter.get("schema") {
            self.check_schema(schema, &at.key("schema"));
        }
        if let Some(content) = parameter.get("content") {
            self.visit_content(content, &at.key("content"), false);
        }
    }

    fn visit_header(&mut self, header: &Json, at: &Pointer) {
        if let Some(reference) = header.get("$ref") {
            self.check_component_ref(reference, at, "headers");
            return;
        }
        if let Some(schema) = header.get("schema") {
            self.check_schema(schema, &at.key("schema"));
        }
        if let Some(content) = header.get("content") {
            self.visit_content(content, &at.key("content"), false);
        }
    }

    /// A request body; `typed` when its `application/json` schema is generated for an
    /// operation (its `$ref` is then read by `collect_operations`, its siblings checked here).
    fn visit_request_body(&mut self, body: &Json, at: &Pointer, typed: bool) {
        if let Some(reference) = body.get("$ref") {
            self.check_component_ref(reference, at, "requestBodies");
            return;
        }
        if let Some(content) = body.get("content") {
            self.visit_content(content, &at.key("content"), typed);
        }
    }

    fn visit_response(&mut self, response: &Json, at: &Pointer) {
        if let Some(reference) = response.get("$ref") {
            self.check_component_ref(reference, at, "responses");
            return;
        }
        if let Some(headers) = response.get("headers") {
            let at = at.key("headers");
            for (name, header) in self.object(headers, &at) {
                self.visit_header(header, &at.key(name));
            }
        }
        if let Some(content) = response.get("content") {
            self.visit_content(content, &at.key("content"), false);
        }
    }

    /// A `content` map: each media type's schema, and the headers of its `encoding`.
    fn visit_content(&mut self, content: &Json, at: &Pointer, typed: bool) {
        for (media, media_type) in self.object(content, at) {
            let at = at.key(media);
            if let Some(schema) = media_type.get("schema") {
                let at = at.key("schema");
                if typed && media == "application/json" {
                    // The operation's type is the component's: only what is beside the `$ref`
                    // is checked here.
                    self.check_keywords(schema, &at);
                } else {
                    self.check_schema(schema, &at);
                }
            }
            if let Some(encoding) = media_type.get("encoding") {
                let at = at.key("encoding");
                for (property, encoding) in self.object(encoding, &at) {
                    let at = at.key(property);
                    if let Some(headers) = encoding.get("headers") {
                        let at = at.key("headers");
                        for (name, header) in self.object(headers, &at) {
                            self.visit_header(header, &at.key(name));
                        }
                    }
                }
            }
        }
    }
}

/// Every `$ref` to a component schema inside `schema`, with its pointer.
fn collect_refs(schema: &Json, at: &Pointer, out: &mut Vec<(String, Pointer)>) {
    match schema {
        Json::Object(members) => {
            for (key, value) in members {
                if key == "$ref"
                    && let Some(name) = value
                        .as_str()
                        .and_then(|r| r.strip_prefix(SCHEMA_REF_PREFIX))
                {
                    out.push((name.to_owned(), at.key(key)));
                } else {
                    collect_refs(value, &at.key(key), out);
                }
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect_refs(item, &at.index(i), out);
            }
        }
        _ => {}
    }
}

/// Checks a pattern: the vocabulary's dialect rule (no construct that means something else in
/// ECMA-262 than in Rust's regex, the same rule the derive applies), then it compiles.
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    pattern::check_dialect(pattern)?;
    regex::Regex::new(pattern)
        .map(|_| ())
        .map_err(|e| format!("the pattern does not compile: {e}"))
}
