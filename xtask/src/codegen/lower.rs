//! Lowering: the fragment (an ordered JSON tree) into the intermediate model. Every keyword is
//! either understood or a hard error naming its JSON Pointer; nothing is skipped silently.

use std::collections::{BTreeMap, BTreeSet};

use super::error::CodegenError;
use m3ter_vocab::{Format, Keyword, bounds, pattern};

use super::ir::{
    Docs, Enum, Field, Item, Keywords, Module, NumberLit, Operation, Presence, Struct, Ty, Variant,
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
/// Every other keyword the generator understands.
const CONSTRAINTS: &[&str] = &[
    "type",
    "properties",
    "required",
    "additionalProperties",
    "$ref",
    "enum",
    "minLength",
    "maxLength",
    "pattern",
    "format",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minItems",
    "maxItems",
    "items",
];
/// The extension that names an operation (`create`, `update`) on a path operation.
pub const OPERATION_EXTENSION: &str = "x-m3ter-operation";
/// The extension on a property that sets its presence per operation.
pub const OPERATIONS_EXTENSION: &str = "x-m3ter-operations";
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
}

struct Lowerer<'a> {
    components: &'a [(String, Json)],
    /// Component name → (Rust type name, is a struct), for components that are one type.
    component_types: BTreeMap<String, (String, bool)>,
    /// Components generated once per operation: component name → the operations.
    per_operation: BTreeMap<String, Vec<OperationUse>>,
    operations: BTreeSet<String>,
    /// The operation names in document order.
    operation_order: Vec<String>,
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
    lowerer.check_ref_cycles();
    lowerer.name_components();
    lowerer.lower_components();
    lowerer.check_paths(doc);
    if lowerer.errors.is_empty() {
        let mut operations: Vec<Operation> = Vec::new();
        for uses in lowerer.per_operation.values() {
            for used in uses {
                operations.push(Operation {
                    name: used.operation.clone(),
                    variant: names::type_name(&used.operation),
                    request_type: used.type_name.clone(),
                });
            }
        }
        operations.sort_by_key(|o| lowerer.operation_order.iter().position(|n| *n == o.name));
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
                let Some(name) = name.as_str() else {
                    self.error(
                        &at.key(OPERATION_EXTENSION),
                        "must be a string naming the operation",
                    );
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
                        &at.key(OPERATION_EXTENSION),
                        format!("another operation is already named `{name}`"),
                    );
                    continue;
                }
                self.operation_order.push(name.to_owned());
                self.per_operation
                    .entry(component.to_owned())
                    .or_default()
                    .push(OperationUse {
                        operation: name.to_owned(),
                        type_name: format!("{}Request", names::type_name(operation_id)),
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

    /// The (request type name, operation) pairs a per-operation component is generated as.
    fn operation_types(&self, component: &str) -> Vec<(String, String)> {
        self.per_operation
            .get(component)
            .map(|uses| {
                uses.iter()
                    .map(|u| (u.type_name.clone(), u.operation.clone()))
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
                for (type_name, _) in uses {
                    self.claim_type_name(&type_name, &at);
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
                for (type_name, operation) in uses {
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
                || CONSTRAINTS.contains(&key.as_str())
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
                    docs.extend(text.lines().map(str::to_owned));
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
            docs.push(format!("Example: `{}`", example.to_json_string()));
        }
        match schema.get("examples") {
            None => {}
            Some(Json::Array(examples)) => {
                for example in examples {
                    docs.push(String::new());
                    docs.push(format!("Example: `{}`", example.to_json_string()));
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
        for key in ["minLength", "maxLength", "pattern", "format"] {
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
        for (wire, property) in properties {
            let prop_at = at.key("properties").key(wire);
            let mut rust_name = names::field_name(wire);
            let base = rust_name.clone();
            let mut n = 2;
            while fields.iter().any(|f| f.rust_name == rust_name) {
                rust_name = format!("{}_{n}", base.trim_end_matches('_'));
                n += 1;
            }
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
                    "Must be absent on `{operation}`: reported as `forbidden` when set."
                ));
            }
            if docs.is_empty() {
                docs.push(format!("The `{wire}` member."));
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
            vec![format!("The `{type_name}` object.")]
        } else {
            docs
        };
        self.items.push(Item::Struct(Struct {
            name: type_name.to_owned(),
            docs,
            deny_unknown_fields,
            fields,
        }));
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
        let ty = match type_name.as_str() {
            "string" if schema.get("enum").is_some() => {
                let variants = self.enum_variants(schema, at)?;
                if !self.claim_type_name(inline_name, at) {
                    return None;
                }
                let enum_docs = if docs.is_empty() {
                    vec![format!("The values of `{at}`.")]
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
                let ty = match schema.get("format") {
                    None => Ty::I64,
                    Some(Json::String(f)) if f == "int64" => Ty::I64,
                    Some(Json::String(f)) if f == "int32" => Ty::I32,
                    Some(_) => {
                        self.error(
                            &at.key("format"),
                            "an integer's format must be `int32` or `int64`",
                        );
                        return None;
                    }
                };
                let range = match ty {
                    Ty::I32 => (i128::from(i32::MIN), i128::from(i32::MAX)),
                    _ => (i128::from(i64::MIN), i128::from(i64::MAX)),
                };
                self.lower_range(schema, at, &mut keywords, Some(range));
                ty
            }
            "number" => {
                self.lower_range(schema, at, &mut keywords, None);
                if schema.get("format").is_some() {
                    self.error(&at.key("format"), "a number takes no `format` here");
                    return None;
                }
                Ty::F64
            }
            "boolean" => Ty::Bool,
            "array" => {
                keywords.min_items = self.count(schema, at, "minItems");
                keywords.max_items = self.count(schema, at, "maxItems");
                self.check_bounds(&keywords, at, None);
                let Some(items) = schema.get("items") else {
                    self.error(at, "an array needs `items`");
                    return None;
                };
                let (item_ty, item_keywords, item_nullable, _) =
                    self.lower_value(items, &at.key("items"), &format!("{inline_name}Item"))?;
                if item_nullable {
                    self.error(
                        &at.key("items").key("type"),
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

    /// Reports keywords that do not apply to `type_name`.
    fn check_applicable(&mut self, schema: &Json, at: &Pointer, type_name: &str) {
        let applies: &[&str] = match type_name {
            "string" => &["minLength", "maxLength", "pattern", "format", "enum"],
            "integer" | "number" => &[
                "minimum",
                "maximum",
                "exclusiveMinimum",
                "exclusiveMaximum",
                "format",
            ],
            "array" => &["minItems", "maxItems", "items"],
            "object" => &["properties", "required", "additionalProperties"],
            _ => &[],
        };
        let all_typed = [
            "minLength",
            "maxLength",
            "pattern",
            "format",
            "enum",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "minItems",
            "maxItems",
            "items",
            "properties",
            "required",
            "additionalProperties",
        ];
        for key in all_typed {
            if schema.get(key).is_some() && !applies.contains(&key) {
                self.error(
                    &at.key(key),
                    format!("`{key}` does not apply to type `{type_name}`"),
                );
            }
        }
    }

    fn lower_string(&mut self, schema: &Json, at: &Pointer, keywords: &mut Keywords) -> Option<Ty> {
        keywords.min_length = self.count(schema, at, "minLength");
        keywords.max_length = self.count(schema, at, "maxLength");
        self.check_bounds(keywords, at, None);
        match schema.get("pattern") {
            None => {}
            Some(Json::String(pattern)) => {
                if let Err(message) = check_pattern(pattern) {
                    self.error(&at.key("pattern"), message);
                } else {
                    keywords.pattern = Some(pattern.clone());
                }
            }
            Some(other) => self.error(
                &at.key("pattern"),
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
        match schema.get("format") {
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
                        &at.key("format"),
                        format!("unknown string format `{name}`; known: {known}"),
                    );
                    None
                }
            },
            Some(other) => {
                self.error(
                    &at.key("format"),
                    format!("must be a string, not {}", other.type_name()),
                );
                None
            }
        }
    }

    fn lower_range(
        &mut self,
        schema: &Json,
        at: &Pointer,
        keywords: &mut Keywords,
        integer: Option<(i128, i128)>,
    ) {
        let number = |key: &str, this: &mut Self| match schema.get(key) {
            None => None,
            Some(Json::Number(n)) => {
                if let Some(i) = n.as_i64() {
                    Some(NumberLit::Int(i128::from(i)))
                } else if let Some(u) = n.as_u64() {
                    Some(NumberLit::Int(i128::from(u)))
                } else {
                    n.as_f64().map(NumberLit::Float)
                }
            }
            Some(other) => {
                this.error(
                    &at.key(key),
                    format!("must be a number, not {}", other.type_name()),
                );
                None
            }
        };
        keywords.minimum = number("minimum", self);
        keywords.maximum = number("maximum", self);
        keywords.exclusive_minimum = number("exclusiveMinimum", self);
        keywords.exclusive_maximum = number("exclusiveMaximum", self);
        self.check_bounds(keywords, at, integer);
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

    fn count(&mut self, schema: &Json, at: &Pointer, key: &str) -> Option<u64> {
        match schema.get(key) {
            None => None,
            Some(Json::Number(n)) if n.as_u64().is_some() => n.as_u64(),
            Some(_) => {
                self.error(&at.key(key), "must be a non-negative integer");
                None
            }
        }
    }

    /// Checks the schemas that no type is generated from (path parameters), so that an
    /// unsupported keyword there is not skipped either.
    fn check_paths(&mut self, doc: &Json) {
        let mut parameters: Vec<(Pointer, &Json)> = Vec::new();
        if let Some(params) = doc
            .get("components")
            .and_then(|c| c.get("parameters"))
            .and_then(Json::members)
        {
            for (name, param) in params {
                parameters.push((
                    Pointer::root()
                        .key("components")
                        .key("parameters")
                        .key(name),
                    param,
                ));
            }
        }
        if let Some(paths) = doc.get("paths").and_then(Json::members) {
            for (path, item) in paths {
                let Some(methods) = item.members() else {
                    continue;
                };
                for (method, operation) in methods {
                    let at = Pointer::root().key("paths").key(path).key(method);
                    if let Some(Json::Array(params)) = operation.get("parameters") {
                        for (i, param) in params.iter().enumerate() {
                            parameters.push((at.key("parameters").index(i), param));
                        }
                    }
                }
            }
        }
        for (at, param) in parameters {
            if let Some(reference) = param.get("$ref").and_then(Json::as_str) {
                let target = reference.strip_prefix("#/components/parameters/");
                let exists = target.is_some_and(|t| {
                    doc.get("components")
                        .and_then(|c| c.get("parameters"))
                        .and_then(|p| p.get(t))
                        .is_some()
                });
                if !exists {
                    self.error(&at.key("$ref"), format!("`{reference}` does not exist"));
                }
                continue;
            }
            if let Some(schema) = param.get("schema")
                && self.check_keywords(schema, &at.key("schema"))
            {
                let type_name = schema
                    .get("type")
                    .and_then(Json::as_str)
                    .unwrap_or("string");
                self.check_applicable(schema, &at.key("schema"), type_name);
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
