//! Lowering: the fragment (an ordered JSON tree) into the intermediate model. Every keyword is
//! either understood or a hard error naming its JSON Pointer; nothing is skipped silently.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::error::CodegenError;
use m3ter_vocab::endpoint::{Piece, StatusRange, template_pieces};
use m3ter_vocab::{
    Format, JsonType, Keyword, Owned, ParamKind, ParamValue, Types, bounds, pattern,
};

use super::doc;
use super::ir::{
    Docs, Enum, Field, Item, Keywords, Module, NumberLit, Operation, Others, Param, ParamIn,
    Presence, StrictRule, Struct, Ty, Union, UnionVariant, Variant,
};
use super::json::Json;
use super::names;
use super::pointer::Pointer;

// The annotation keywords: allowed everywhere, also beside `$ref` (one list with the merge's).
use super::normalize::ANNOTATIONS;
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
    "anyOf",
    "oneOf",
    "discriminator",
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

/// An operation named with `x-m3ter-operation`, as collected from the paths.
#[derive(Clone, Debug)]
struct OperationUse {
    /// The `x-m3ter-operation` name, e.g. `create`.
    operation: String,
    /// Its Rust variant of `Operation`, e.g. `Create`.
    variant: String,
    /// The `operationId`.
    operation_id: String,
    /// The operation's pointer.
    at: Pointer,
    /// The method, as written (`post`).
    method: String,
    /// The path template.
    path: String,
    /// The component its JSON request body refers to.
    body: Option<String>,
}

/// What one generated type made from a component is.
#[derive(Clone, Debug)]
enum InstanceKind {
    /// A struct or enum.
    Plain,
    /// A discriminated union and its variants' types.
    Union {
        discriminator: String,
        variants: Vec<UnionVariant>,
    },
    /// A union's variant: its discriminator member is typed as the tag.
    Variant { discriminator: String, tag: String },
}

/// A type generated from a component schema: once, or once per operation.
#[derive(Clone, Debug)]
struct Instance {
    type_name: String,
    /// The operation whose `x-m3ter-operations` rules apply.
    operation: Option<String>,
    kind: InstanceKind,
    /// Where the name comes from (for collisions).
    name_at: Pointer,
}

/// The name of the generated enum of operations, reserved when the fragment has operations.
const OPERATION_ENUM: &str = "Operation";

/// The type names an operation's descriptor takes from its `operationId`: the descriptor and
/// its response.
fn descriptor_names(operation_id: &str) -> [String; 2] {
    let descriptor = names::type_name(operation_id);
    let response = format!("{descriptor}Response");
    [descriptor, response]
}

/// The type names the operations of `doc` take before any schema does (the generated
/// `Operation` enum, each descriptor and its response: [`Lowerer::collect_operations`],
/// [`Lowerer::claim_descriptors`]), so that a name derived elsewhere (a hoisted recursive
/// schema's) moves on rather than collide with one.
pub(super) fn operation_type_names(doc: &Json) -> Vec<String> {
    let operations = doc
        .get("paths")
        .and_then(Json::members)
        .unwrap_or_default()
        .iter()
        .filter_map(|(_, item)| item.members())
        .flatten()
        .filter(|(method, _)| METHODS.contains(&method.as_str()))
        .filter(|(_, operation)| operation.get(OPERATION_EXTENSION).is_some());
    let mut names = Vec::new();
    for (_, operation) in operations {
        if names.is_empty() {
            names.push(OPERATION_ENUM.to_owned());
        }
        if let Some(id) = operation.get("operationId").and_then(Json::as_str) {
            names.extend(descriptor_names(id));
        }
    }
    names
}

/// The inline name a schema is checked under where no type is generated from it (a response,
/// a parameter, a header): `#` is never part of a Rust name, so nothing here takes a name a
/// generated type needs.
const CHECK_ONLY: &str = "#";

struct Lowerer<'a> {
    doc: &'a Json,
    components: &'a [(String, Json)],
    /// Component name → its schema, so that a reference is found in constant time.
    component_index: HashMap<&'a str, &'a Json>,
    /// The components generated as types (the others were only `allOf` parts).
    used: BTreeSet<String>,
    /// Component name → (Rust type name, validated as nested), for components generated once.
    component_types: BTreeMap<String, (String, bool)>,
    /// The types each component is generated as.
    instances: BTreeMap<String, Vec<Instance>>,
    /// The operations, in document order.
    uses: Vec<OperationUse>,
    operations: BTreeSet<String>,
    items: Vec<Item>,
    type_names: BTreeMap<String, String>,
    /// The type names claimed, in order, so that `check_schema` can give back what a
    /// lowering it drops claimed.
    claimed: Vec<String>,
    /// The one-value enums generated for union tags: (discriminator, tag) → the enum's name.
    tag_enums: BTreeMap<(String, String), String>,
    /// Response component name → its body's Rust type, once lowered.
    response_types: BTreeMap<String, Option<String>>,
    /// The components on a `$ref` cycle, each with its cycle's number (the components that
    /// reach one another have one).
    recursive: HashMap<String, usize>,
    /// The component being lowered (none: a schema outside `components.schemas`).
    current_component: Option<String>,
    /// Rust type name → the component generated once as it (from `component_types`, once
    /// they are planned), so that a member's type finds its component in constant time.
    type_components: HashMap<String, String>,
    errors: Vec<CodegenError>,
    /// What is generated despite it: a keyword JSON Schema ignores for the member's type.
    warnings: Vec<CodegenError>,
}

/// Lowers a normalized document (see [`super::normalize`]); `used` names the component schemas
/// generated as types. Returns the module with every warning (a keyword JSON Schema ignores for
/// the member's type, each once), or every error found.
pub fn lower(
    doc: &Json,
    used: BTreeSet<String>,
) -> Result<(Module, Vec<CodegenError>), Vec<CodegenError>> {
    let root = Pointer::root();
    let mut errors = Vec::new();
    if doc.members().is_none() {
        return Err(vec![CodegenError::new(
            &root,
            "the fragment must be a JSON object",
        )]);
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
        component_index: components.iter().map(|(n, s)| (n.as_str(), s)).collect(),
        used,
        component_types: BTreeMap::new(),
        instances: BTreeMap::new(),
        uses: Vec::new(),
        operations: BTreeSet::new(),
        items: Vec::new(),
        type_names: BTreeMap::new(),
        claimed: Vec::new(),
        tag_enums: BTreeMap::new(),
        response_types: BTreeMap::new(),
        recursive: HashMap::new(),
        current_component: None,
        type_components: HashMap::new(),
        errors,
        warnings: Vec::new(),
    };
    lowerer.collect_operations(doc);
    if let Some(first) = lowerer.uses.first().cloned() {
        // The generated `Operation` enum takes its name before any schema does.
        lowerer.type_names.insert(
            OPERATION_ENUM.to_owned(),
            format!(
                "the generated enum of the operations (`{OPERATION_EXTENSION}` at {})",
                first.at.key(OPERATION_EXTENSION)
            ),
        );
    }
    lowerer.check_ref_cycles();
    lowerer.plan_components();
    let descriptors = lowerer.claim_descriptors();
    lowerer.lower_components();
    let operations = lowerer.lower_operations(&descriptors);
    lowerer.check_strict_rules(&operations);
    lowerer.visit_document(doc);
    if lowerer.errors.is_empty() {
        // A schema generated once per operation warns once.
        let mut seen: HashSet<CodegenError> = HashSet::new();
        let warnings = lowerer
            .warnings
            .into_iter()
            .filter(|warning| seen.insert(warning.clone()))
            .collect();
        let module = Module {
            items: lowerer.items,
            operations,
        };
        Ok((module, warnings))
    } else {
        // A schema generated once per operation reports its errors once.
        let mut seen: HashSet<CodegenError> = HashSet::new();
        let unique = lowerer
            .errors
            .into_iter()
            .filter(|error| seen.insert(error.clone()))
            .collect();
        Err(unique)
    }
}

/// The value keyword of the vocabulary's table that JSON Schema spells `key`.
fn value_keyword(key: &str) -> Option<Keyword> {
    Keyword::value_keywords().find(|k| k.json_name_opt() == Some(key))
}

/// The one type of a `type` set, and whether it also has `null` (`["string", "null"]`); `None`
/// for several types or `null` alone.
fn single_type(types: Types) -> Option<(JsonType, bool)> {
    let mut others = types.iter().filter(|t| *t != JsonType::Null);
    match (others.next(), others.next()) {
        (Some(ty), None) => Some((ty, types.contains(JsonType::Null))),
        _ => None,
    }
}

/// The JSON type a `type` name stands for.
fn json_type(name: &str) -> Option<JsonType> {
    JsonType::ALL.into_iter().find(|t| t.name() == name)
}

fn schemas_pointer() -> Pointer {
    Pointer::root().key("components").key("schemas")
}

fn has_operation_rules(schema: &Json) -> bool {
    any_property(schema, |p| p.get(OPERATIONS_EXTENSION).is_some())
}

/// Whether a member of `schema` is `readOnly: true`: forbidden in a request body, so a
/// component that is one is generated per operation (`plan_components`).
fn has_read_only_members(schema: &Json) -> bool {
    any_property(schema, |p| p.get("readOnly") == Some(&Json::Bool(true)))
}

/// Whether a member schema under `schema`'s `properties` satisfies `test`.
fn any_property(schema: &Json, test: impl Fn(&Json) -> bool) -> bool {
    schema
        .get("properties")
        .and_then(Json::members)
        .is_some_and(|props| props.iter().any(|(_, p)| test(p)))
}

/// The union keyword of a schema (`anyOf` or `oneOf`), if it has one.
fn union_keyword(schema: &Json) -> Option<&'static str> {
    ["anyOf", "oneOf"]
        .into_iter()
        .find(|k| schema.get(k).is_some())
}

/// Whether `schema`'s `keyword` (`anyOf` or `oneOf`) is the nullable form of a schema: two
/// schemas, one of which accepts only `null`.
fn nullable_form(schema: &Json, keyword: &str) -> bool {
    matches!(schema.get(keyword), Some(Json::Array(list))
        if list.len() == 2 && list.iter().filter(|s| null_only(s)).count() == 1)
}

/// A schema that accepts only `null` (3.1 `{"type": "null"}`, 3.0.3's
/// `{"type": …, "nullable": true, "enum": [null]}` once normalized), annotations aside.
fn null_only(schema: &Json) -> bool {
    let Some(members) = schema.members() else {
        return false;
    };
    let only_null_enum = matches!(schema.get("enum"), Some(Json::Array(v)) if v == &[Json::Null]);
    let null_type = schema.get("type").and_then(Json::as_str) == Some("null");
    (only_null_enum || null_type)
        && members.iter().all(|(k, _)| {
            matches!(k.as_str(), "type" | "enum")
                || ANNOTATIONS.contains(&k.as_str())
                || k.starts_with("x-")
        })
}

impl<'a> Lowerer<'a> {
    fn error(&mut self, at: &Pointer, message: impl Into<String>) {
        self.errors.push(CodegenError::new(at, message));
    }

    fn warn(&mut self, at: &Pointer, message: impl Into<String>) {
        self.warnings.push(CodegenError::new(at, message));
    }

    fn component(&self, name: &str) -> Option<&'a Json> {
        self.component_index.get(name).copied()
    }

    /// Reads the operations named with `x-m3ter-operation`.
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
                    self.error(&at.key("operationId"), format!("an operation with `{OPERATION_EXTENSION}` needs an `operationId` (it names the operation's descriptor type)"));
                    continue;
                };
                let content = operation.get("requestBody").and_then(|b| b.get("content"));
                let media = content.and_then(json_media);
                let body_ptr = at
                    .key("requestBody")
                    .key("content")
                    .key(media.map_or("application/json", |(name, _)| name))
                    .key("schema");
                let body = media.and_then(|(_, m)| m.get("schema"));
                let component = match body {
                    None => None,
                    Some(schema) => match schema
                        .get("$ref")
                        .and_then(Json::as_str)
                        .and_then(|r| r.strip_prefix(SCHEMA_REF_PREFIX))
                    {
                        Some(component) => Some(component.to_owned()),
                        None => {
                            self.error(&body_ptr, "the JSON request body of an operation must be a `$ref` to `#/components/schemas/...`");
                            continue;
                        }
                    },
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
                variants.insert(variant.clone(), (name.to_owned(), name_at.clone()));
                self.uses.push(OperationUse {
                    operation: name.to_owned(),
                    variant,
                    operation_id: operation_id.to_owned(),
                    at,
                    method: method.clone(),
                    path: path.clone(),
                    body: component,
                });
            }
        }
        let bodies: Vec<(String, Pointer)> = self
            .uses
            .iter()
            .filter_map(|u| u.body.clone().map(|b| (b, u.at.clone())))
            .collect();
        for (body, at) in bodies {
            if self.component(&body).is_none() {
                self.error(
                    &at.key("requestBody"),
                    format!("the request body refers to `{SCHEMA_REF_PREFIX}{body}`, which does not exist"),
                );
            }
        }
    }

    /// The `$ref` cycles between component schemas. A cycle is a recursive type (a tree node,
    /// an expression): the components on it are recorded ([`Self::recursive`]), and a member
    /// that holds a type of its own cycle directly is boxed ([`Self::boxed`]). A cycle that no
    /// finite document satisfies is an error at each `$ref` on it: one whose every link is
    /// forced, a required member that must hold an object of the next component (a bare
    /// reference, a list or a map that must not be empty, [`forced_members`]; not a nullable
    /// member, a union's variant or a schema that takes other values), so every object would
    /// hold another without end; the message says what would end it at that `$ref`. One pass
    /// each (Tarjan's strongly connected components, iterative): a reference is on a cycle
    /// when both ends are in one component, and the message shows a cycle through it, found by
    /// one search forward and one backward from a root of that component.
    fn check_ref_cycles(&mut self) {
        let index: HashMap<&str, usize> = self
            .components
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (name.as_str(), i))
            .collect();
        let mut edges: Vec<Vec<(usize, Pointer)>> = Vec::with_capacity(self.components.len());
        let mut required_edges: Vec<Vec<(usize, Pointer)>> =
            Vec::with_capacity(self.components.len());
        // The pointer of each forced reference → what would end a cycle there.
        let mut remedies: HashMap<String, String> = HashMap::new();
        for (name, schema) in self.components {
            let mut refs = Vec::new();
            collect_refs(schema, &schemas_pointer().key(name), &mut refs);
            // A reference to a missing component is reported where it is lowered.
            let targets: Vec<(usize, Pointer)> = refs
                .into_iter()
                .filter_map(|(target, at)| Some((*index.get(target.as_str())?, at)))
                .collect();
            for (at, remedy) in forced_members(schema, &schemas_pointer().key(name)) {
                remedies.insert(at.to_string(), remedy);
            }
            required_edges.push(
                targets
                    .iter()
                    .filter(|(target, at)| {
                        remedies.contains_key(&at.to_string())
                            && self.components[*target]
                                .1
                                .get("type")
                                .and_then(Json::as_str)
                                == Some("object")
                    })
                    .cloned()
                    .collect(),
            );
            edges.push(targets);
        }
        let scc = strongly_connected(&edges);
        for (from, targets) in edges.iter().enumerate() {
            if targets.iter().any(|(to, _)| scc[*to] == scc[from]) {
                let (name, _) = &self.components[from];
                self.recursive.insert(name.clone(), scc[from]);
            }
        }
        let name = |i: usize| self.components[i].0.as_str();
        let found: Vec<(Pointer, String)> = cycles(&required_edges)
            .into_iter()
            .map(|(at, path)| {
                let cycle = shown_path(path.iter().map(|&i| name(i)).collect());
                let remedy = remedies.get(&at.to_string()).map_or("", String::as_str);
                let message = format!("`$ref` cycle ({cycle}) that no finite document satisfies: every link on it is a required member that must hold an object of the next type, so each object would contain another without end (the types would contain themselves); to end it here, {remedy}");
                (at, message)
            })
            .collect();
        for (at, message) in found {
            self.error(&at, message);
        }
    }

    /// Whether a member lowered inside the component being lowered, whose type is `ty` (a
    /// list's item type not included), is held in a `Box`: its type is a component on a `$ref`
    /// cycle with that component ([`Self::check_ref_cycles`]), so the struct would otherwise
    /// contain itself. A list or a map holds its values behind a pointer already.
    fn boxed(&self, ty: &Ty) -> bool {
        let (Ty::Named(type_name, _) | Ty::ObjectOr(type_name)) = ty else {
            return false;
        };
        let Some(current) = self
            .current_component
            .as_deref()
            .and_then(|c| self.recursive.get(c))
        else {
            return false;
        };
        self.type_components
            .get(type_name)
            .is_some_and(|component| self.recursive.get(component) == Some(current))
    }

    /// Claims a name the spec chooses (a component's, a descriptor's from its `operationId`):
    /// code names these types, so they are never changed, and a name already taken is an
    /// error at `at` naming the other one and saying what to do (`rename`).
    fn claim_type_name(&mut self, name: &str, at: &Pointer, rename: &str) -> bool {
        if let Some(previous) = self.type_names.get(name) {
            let message = format!(
                "the type name `{name}` is already taken by {previous}: a name the spec chooses is never changed (code names it); {rename}"
            );
            self.error(at, message);
            false
        } else {
            self.type_names.insert(name.to_owned(), at.to_string());
            self.claimed.push(name.to_owned());
            true
        }
    }

    /// Claims a type name derived from where a schema stands (its parent's name and its
    /// member's, an operation's and a status, a discriminator's and a tag): `name` when it is
    /// free, else the first free of `{name}2`, `{name}3`, … (`{name}_2`, … when `name` ends in
    /// a digit, so that `SFooBar2` moves to `SFooBar2_2`, not to `SFooBar22`). The names the
    /// spec chooses are claimed before any derived one, and derived ones in document order,
    /// so the same spec always gives the same names. Returns the name claimed.
    fn claim_derived_name(&mut self, name: &str, at: &Pointer) -> String {
        let separator = if name.ends_with(|c: char| c.is_ascii_digit()) {
            "_"
        } else {
            ""
        };
        let free = std::iter::once(name.to_owned())
            .chain((2u64..).map(|n| format!("{name}{separator}{n}")))
            .find(|candidate| !self.type_names.contains_key(candidate))
            .unwrap_or_else(|| name.to_owned());
        self.type_names.insert(free.clone(), at.to_string());
        self.claimed.push(free.clone());
        free
    }

    /// Claims the operations' descriptor names (from `operationId`) and their response
    /// enums' (`{descriptor}Response`) after the components' and before any derived name, so
    /// that an inline type never takes one: the derived name moves. Returns, for each of
    /// `uses`, whether both names are its own.
    fn claim_descriptors(&mut self) -> Vec<bool> {
        let rename = "change the `operationId` (in the document, or with an overlay action)";
        self.uses
            .clone()
            .iter()
            .map(|used| {
                let [descriptor, response] = descriptor_names(&used.operation_id);
                let at = used.at.key("operationId");
                self.claim_type_name(&descriptor, &at, rename)
                    && self.claim_type_name(&response, &at, rename)
            })
            .collect()
    }

    /// The operations whose request body is `component`.
    fn body_uses(&self, component: &str) -> Vec<OperationUse> {
        self.uses
            .iter()
            .filter(|u| u.body.as_deref() == Some(component))
            .cloned()
            .collect()
    }

    /// The variants of a union component: its discriminator member and `(tag, component)` in
    /// mapping order; `None` after reporting what is wrong.
    fn union_variants(
        &mut self,
        schema: &Json,
        at: &Pointer,
    ) -> Option<(String, Vec<(String, String)>)> {
        let keyword = union_keyword(schema)?;
        if schema.get("anyOf").is_some() && schema.get("oneOf").is_some() {
            self.error(
                at,
                "a schema with both `anyOf` and `oneOf` is not supported",
            );
            return None;
        }
        for (key, _) in schema.members().unwrap_or_default() {
            let allowed = key == keyword
                || key == "discriminator"
                || ANNOTATIONS.contains(&key.as_str())
                || key.starts_with("x-")
                || (key == "type" && schema.get("type").and_then(Json::as_str) == Some("object"));
            if !allowed {
                self.error(
                    &at.key(key),
                    format!("`{key}` beside `{keyword}` is not supported: put it in the variants"),
                );
            }
        }
        let list_at = at.key(keyword);
        let Some(Json::Array(list)) = schema.get(keyword) else {
            self.error(&list_at, "must be an array of `$ref`s to component schemas");
            return None;
        };
        let mut members: Vec<String> = Vec::new();
        let mut member_set: HashSet<String> = HashSet::new();
        for (i, item) in list.iter().enumerate() {
            let item_at = list_at.index(i);
            let reference = item.get("$ref").and_then(Json::as_str);
            let extra = item.members().unwrap_or_default().iter().any(|(k, _)| {
                k != "$ref" && !ANNOTATIONS.contains(&k.as_str()) && !k.starts_with("x-")
            });
            match reference.and_then(|r| r.strip_prefix(SCHEMA_REF_PREFIX)) {
                Some(name) if !extra => {
                    if self.component(name).is_none() {
                        self.error(
                            &item_at.key("$ref"),
                            format!("`{SCHEMA_REF_PREFIX}{name}` does not exist"),
                        );
                        return None;
                    }
                    members.push(name.to_owned());
                    member_set.insert(name.to_owned());
                }
                _ => {
                    self.error(&item_at, format!("each `{keyword}` member of a union must be a `$ref` to `{SCHEMA_REF_PREFIX}...`"));
                    return None;
                }
            }
        }
        let disc_at = at.key("discriminator");
        let Some(discriminator) = schema.get("discriminator") else {
            self.error(at, format!("`{keyword}` is supported as a discriminated union: add a `discriminator` with its `propertyName` (and a `mapping`), or for a nullable reference `{keyword}: [{{\"$ref\": …}}, {{\"type\": \"null\"}}]` on a member"));
            return None;
        };
        for (key, _) in discriminator.members().unwrap_or_default() {
            if !matches!(key.as_str(), "propertyName" | "mapping") && !key.starts_with("x-") {
                self.error(
                    &disc_at.key(key),
                    format!("unknown discriminator member `{key}`"),
                );
            }
        }
        let Some(property) = discriminator.get("propertyName").and_then(Json::as_str) else {
            self.error(
                &disc_at.key("propertyName"),
                "must be the name of the member that selects the variant",
            );
            return None;
        };
        let mut variants: Vec<(String, String)> = Vec::new();
        match discriminator.get("mapping") {
            None => {
                // OpenAPI's implicit mapping: the schema's name is the tag.
                variants.extend(members.iter().map(|m| (m.clone(), m.clone())));
            }
            Some(mapping) => {
                let Some(entries) = mapping.members() else {
                    self.error(
                        &disc_at.key("mapping"),
                        "must be an object from a tag to a `#/components/schemas/...` reference",
                    );
                    return None;
                };
                for (tag, target) in entries {
                    let entry_at = disc_at.key("mapping").key(tag);
                    let Some(name) = target
                        .as_str()
                        .and_then(|r| r.strip_prefix(SCHEMA_REF_PREFIX))
                    else {
                        self.error(
                            &entry_at,
                            format!("must be a reference `{SCHEMA_REF_PREFIX}...`"),
                        );
                        continue;
                    };
                    if self.component(name).is_none() {
                        self.error(&entry_at, format!("the mapping names `{SCHEMA_REF_PREFIX}{name}`, which does not exist"));
                        continue;
                    }
                    if !member_set.contains(name) {
                        self.error(
                            &entry_at,
                            format!("`{name}` is not one of the `{keyword}` schemas"),
                        );
                        continue;
                    }
                    variants.push((tag.clone(), name.to_owned()));
                }
                let tagged: HashSet<&str> = variants.iter().map(|(_, c)| c.as_str()).collect();
                for (i, member) in members.iter().enumerate() {
                    if !tagged.contains(member.as_str()) {
                        self.error(
                            &list_at.index(i),
                            format!("`{member}` has no tag in the discriminator's `mapping`"),
                        );
                    }
                }
            }
        }
        let mut rust_names: BTreeMap<String, String> = BTreeMap::new();
        for (tag, _) in &variants {
            let rust = names::type_name(tag);
            if let Some(other) = rust_names.insert(rust.clone(), tag.clone()) {
                self.error(
                    &disc_at.key("mapping").key(tag),
                    format!("the tags `{other}` and `{tag}` both become the Rust variant `{rust}`"),
                );
                return None;
            }
        }
        Some((property.to_owned(), variants))
    }

    /// Decides the types each used component is generated as, and claims their names.
    fn plan_components(&mut self) {
        let components = self.components;
        let mut variant_of: BTreeMap<String, (String, String)> = BTreeMap::new();
        for (name, schema) in components {
            if !self.used.contains(name) || union_keyword(schema).is_none() {
                continue;
            }
            let at = schemas_pointer().key(name);
            let Some((discriminator, variants)) = self.union_variants(schema, &at) else {
                continue;
            };
            for (tag, component) in &variants {
                if let Some((other_union, other_tag)) =
                    variant_of.insert(component.clone(), (name.clone(), tag.clone()))
                    && (other_union != *name || other_tag != *tag)
                {
                    self.error(&at, format!("`{component}` is already the variant `{other_tag}` of `{other_union}`: a schema can be the variant of one union tag"));
                }
            }
            let per_operation = variants
                .iter()
                .any(|(_, c)| self.component(c).is_some_and(has_operation_rules));
            let contexts: Vec<(String, Option<String>, Pointer)> = if per_operation {
                let uses = self.body_uses(name);
                if uses.is_empty() {
                    self.error(&at, format!("a union whose variants have `{OPERATIONS_EXTENSION}` must be the request body of an operation with `{OPERATION_EXTENSION}`"));
                }
                uses.iter()
                    .map(|u| {
                        (
                            u.variant.clone(),
                            Some(u.operation.clone()),
                            u.at.key(OPERATION_EXTENSION),
                        )
                    })
                    .collect()
            } else {
                vec![(String::new(), None, at.clone())]
            };
            for (prefix, operation, name_at) in contexts {
                let union_name = format!("{prefix}{}", names::type_name(name));
                let mut union_variants = Vec::new();
                for (tag, component) in &variants {
                    let type_name = format!("{prefix}{}", names::type_name(component));
                    if operation.is_none() {
                        self.component_types
                            .insert(component.clone(), (type_name.clone(), true));
                    }
                    union_variants.push(UnionVariant {
                        rust_name: names::type_name(tag),
                        tag: tag.clone(),
                        type_name: type_name.clone(),
                    });
                    self.instances
                        .entry(component.clone())
                        .or_default()
                        .push(Instance {
                            type_name,
                            operation: operation.clone(),
                            kind: InstanceKind::Variant {
                                discriminator: discriminator.clone(),
                                tag: tag.clone(),
                            },
                            name_at: name_at.clone(),
                        });
                }
                if operation.is_none() {
                    self.component_types
                        .insert(name.clone(), (union_name.clone(), true));
                }
                self.instances
                    .entry(name.clone())
                    .or_default()
                    .push(Instance {
                        type_name: union_name,
                        operation,
                        kind: InstanceKind::Union {
                            discriminator: discriminator.clone(),
                            variants: union_variants,
                        },
                        name_at,
                    });
            }
        }
        for (name, schema) in components {
            if !self.used.contains(name)
                || union_keyword(schema).is_some()
                || variant_of.contains_key(name)
            {
                continue;
            }
            let at = schemas_pointer().key(name);
            // A request body with `readOnly` members is generated per operation, so that they
            // are `forbidden` there (and it cannot also be a response's or a member's type).
            let read_only_body = has_read_only_members(schema) && !self.body_uses(name).is_empty();
            if has_operation_rules(schema) || read_only_body {
                let uses = self.body_uses(name);
                if uses.is_empty() {
                    self.error(&at, format!("a schema with `{OPERATIONS_EXTENSION}` must be the request body of an operation with `{OPERATION_EXTENSION}`"));
                }
                for used in uses {
                    self.instances
                        .entry(name.clone())
                        .or_default()
                        .push(Instance {
                            type_name: format!("{}{}", used.variant, names::type_name(name)),
                            operation: Some(used.operation.clone()),
                            kind: InstanceKind::Plain,
                            name_at: used.at.key(OPERATION_EXTENSION),
                        });
                }
            } else {
                let type_name = names::type_name(name);
                let is_struct = schema.get("properties").is_some()
                    || schema.get("type").and_then(Json::as_str) == Some("object");
                self.component_types
                    .insert(name.clone(), (type_name.clone(), is_struct));
                self.instances
                    .entry(name.clone())
                    .or_default()
                    .push(Instance {
                        type_name,
                        operation: None,
                        kind: InstanceKind::Plain,
                        name_at: at,
                    });
            }
        }
        // Names are claimed in document order, so a collision names the earlier one.
        for (name, _) in components {
            for instance in self.instances.get(name).cloned().unwrap_or_default() {
                let rename = if instance.type_name == OPERATION_ENUM {
                    "rename the schema (in the document, or with an overlay action)"
                } else {
                    "rename one of the two (in the document, or with an overlay action)"
                };
                self.claim_type_name(&instance.type_name, &instance.name_at, rename);
            }
        }
    }

    fn lower_components(&mut self) {
        let components = self.components;
        self.type_components = self
            .component_types
            .iter()
            .map(|(component, (type_name, _))| (type_name.clone(), component.clone()))
            .collect();
        for (name, schema) in components {
            let at = schemas_pointer().key(name);
            self.current_component = Some(name.clone());
            for instance in self.instances.get(name).cloned().unwrap_or_default() {
                match &instance.kind {
                    InstanceKind::Union {
                        discriminator,
                        variants,
                    } => {
                        let docs = self.docs(schema, &at);
                        let docs = if docs.is_empty() {
                            vec![format!(
                                "One of {} variants, chosen by {}.",
                                variants.len(),
                                doc::code(discriminator)
                            )]
                        } else {
                            docs
                        };
                        self.items.push(Item::Union(Union {
                            name: instance.type_name.clone(),
                            docs,
                            discriminator: discriminator.clone(),
                            variants: variants.clone(),
                        }));
                    }
                    InstanceKind::Variant { discriminator, tag } => {
                        let tag = (discriminator.as_str(), tag.as_str());
                        self.lower_struct(
                            schema,
                            &at,
                            &instance.type_name,
                            instance.operation.as_deref(),
                            Some(tag),
                        );
                    }
                    InstanceKind::Plain => {
                        if schema.get("enum").is_some() {
                            self.lower_enum(schema, &at, &instance.type_name);
                        } else if schema.get("properties").is_some()
                            || schema.get("type").and_then(Json::as_str) == Some("object")
                        {
                            self.lower_struct(
                                schema,
                                &at,
                                &instance.type_name,
                                instance.operation.as_deref(),
                                None,
                            );
                        } else {
                            self.error(&at, "a component schema must be an object (`type: \"object\"` or `properties`), a string `enum`, or a discriminated union (`anyOf`/`oneOf` with a `discriminator`)");
                        }
                    }
                }
            }
        }
        self.current_component = None;
    }

    /// A strict rule applies to a request body (or a variant of one): anywhere else
    /// (a nested object, a response) nothing would check it, so it is an error.
    fn check_strict_rules(&mut self, operations: &[Operation]) {
        let applied: HashSet<&str> = operations
            .iter()
            .flat_map(|o| o.strict.iter().flat_map(|(_, rules)| rules.iter()))
            .map(|rule| rule.at.as_str())
            .collect();
        let mut unapplied: Vec<String> = Vec::new();
        for item in &self.items {
            if let Item::Struct(s) = item {
                for rule in &s.strict {
                    if !applied.contains(rule.at.as_str()) && !unapplied.contains(&rule.at) {
                        unapplied.push(rule.at.clone());
                    }
                }
            }
        }
        for at in unapplied {
            self.errors.push(CodegenError {
                pointer: at,
                message: format!("`{STRICT_EXTENSION}` applies to a member of a request body (or of a variant of one) of an operation with `{OPERATION_EXTENSION}`: here nothing would check it"),
            });
        }
    }

    /// The strict rules of a struct generated under `name`.
    fn strict_of(&self, type_name: &str) -> Vec<StrictRule> {
        self.items
            .iter()
            .find_map(|item| match item {
                Item::Struct(s) if s.name == type_name => Some(s.strict.clone()),
                Item::Struct(_) | Item::Enum(_) | Item::Union(_) => None,
            })
            .unwrap_or_default()
    }

    /// The operations' descriptors: parameters, body, responses.
    /// `claimed` says, for each operation, whether its descriptor has its name
    /// (see [`Self::claim_descriptors`]).
    fn lower_operations(&mut self, claimed: &[bool]) -> Vec<Operation> {
        let mut out = Vec::new();
        for (used, claimed) in self.uses.clone().into_iter().zip(claimed) {
            let Some(operation) = self
                .doc
                .get("paths")
                .and_then(|p| p.get(&used.path))
                .and_then(|p| p.get(&used.method))
            else {
                continue;
            };
            let descriptor = names::type_name(&used.operation_id);
            if !claimed {
                continue;
            }
            let mut docs = Docs::new();
            for key in ["summary", "description"] {
                if let Some(text) = operation.get(key).and_then(Json::as_str)
                    && !text.is_empty()
                {
                    if !docs.is_empty() {
                        docs.push(String::new());
                    }
                    docs.extend(doc::text_lines(text));
                }
            }
            let path_item = self.doc.get("paths").and_then(|p| p.get(&used.path));
            let mut params: Vec<Param> = Vec::new();
            let path_params_at = Pointer::root()
                .key("paths")
                .key(&used.path)
                .key("parameters");
            let sources = [
                (path_item.and_then(|p| p.get("parameters")), path_params_at),
                (operation.get("parameters"), used.at.key("parameters")),
            ];
            // Where each parameter was declared, by (name, location): an operation's overrides
            // the path item's (OpenAPI's rule); twice in one list is an error.
            let mut declared: HashMap<(String, ParamIn), (usize, Pointer)> = HashMap::new();
            for (source, (list, list_at)) in sources.into_iter().enumerate() {
                let Some(Json::Array(list)) = list else {
                    continue;
                };
                for (i, parameter) in list.iter().enumerate() {
                    let at = list_at.index(i);
                    let Some(param) = self.lower_param(parameter, &at, &descriptor) else {
                        continue;
                    };
                    let key = (param.field.wire_name.clone(), param.location);
                    match declared.get(&key) {
                        Some((earlier, other)) if *earlier == source => {
                            let message = format!(
                                "the parameter `{}` is declared twice here (also at {other})",
                                param.field.wire_name
                            );
                            self.error(&at, message);
                            continue;
                        }
                        _ => {}
                    }
                    declared.insert(key, (source, at.clone()));
                    params.retain(|p| {
                        (p.field.wire_name.as_str(), p.location)
                            != (param.field.wire_name.as_str(), param.location)
                    });
                    if let Some(other) = params
                        .iter()
                        .find(|p| p.field.rust_name == param.field.rust_name)
                    {
                        let message = format!(
                            "the parameters `{}` and `{}` both become the Rust field `{}`",
                            other.field.wire_name, param.field.wire_name, param.field.rust_name
                        );
                        self.error(&at, message);
                        continue;
                    }
                    if param.location == ParamIn::Path
                        && !template_names(&used.path).contains(&param.field.wire_name)
                    {
                        let message = format!(
                            "the path parameter `{}` is not in the path `{}`: it could not be sent",
                            param.field.wire_name, used.path
                        );
                        self.error(&at, message);
                        continue;
                    }
                    params.push(param);
                }
            }
            if let Err(message) = check_template(&used.path) {
                self.error(&Pointer::root().key("paths").key(&used.path), message);
            }
            for name in template_names(&used.path) {
                if !params
                    .iter()
                    .any(|p| p.location == ParamIn::Path && p.field.wire_name == name)
                {
                    self.error(
                        &used.at,
                        format!("the path has `{{{name}}}` but no path parameter `{name}`"),
                    );
                }
            }
            let request_type = used.body.as_ref().and_then(|body| {
                self.instances.get(body).and_then(|instances| {
                    instances
                        .iter()
                        .find(|i| {
                            !matches!(i.kind, InstanceKind::Variant { .. })
                                && (i.operation.is_none()
                                    || i.operation.as_deref() == Some(used.operation.as_str()))
                        })
                        .map(|i| (i.type_name.clone(), i.kind.clone()))
                })
            });
            let strict = match &request_type {
                Some((_, InstanceKind::Union { variants, .. })) => variants
                    .iter()
                    .map(|v| (v.tag.clone(), self.strict_of(&v.type_name)))
                    .filter(|(_, rules)| !rules.is_empty())
                    .collect(),
                Some((name, _)) => {
                    let rules = self.strict_of(name);
                    if rules.is_empty() {
                        Vec::new()
                    } else {
                        vec![(String::new(), rules)]
                    }
                }
                None => Vec::new(),
            };
            let mut responses = Vec::new();
            if let Some(list) = operation.get("responses").and_then(Json::members) {
                for (status, response) in list {
                    let at = used.at.key("responses").key(status);
                    let Ok(range) = StatusRange::parse(status) else {
                        self.error(&at, "a response key must be a status code (`200`), a range (`4XX`) or `default`");
                        continue;
                    };
                    let body = self.response_type(
                        response,
                        &at,
                        &format!("{descriptor}{}Body", names::type_name(status)),
                    );
                    responses.push((range, body));
                }
            }
            out.push(Operation {
                name: used.operation.clone(),
                variant: used.variant.clone(),
                descriptor,
                operation_id: used.operation_id.clone(),
                method: used.method.clone(),
                path: used.path.clone(),
                docs,
                params,
                request_type: request_type.map(|(name, _)| name),
                responses,
                strict,
            });
        }
        out
    }

    /// A parameter as a descriptor field; `None` after reporting what is wrong.
    fn lower_param(&mut self, parameter: &Json, at: &Pointer, descriptor: &str) -> Option<Param> {
        let (parameter, at) = match parameter.get("$ref") {
            Some(reference) => {
                let name = reference
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/components/parameters/"));
                let target =
                    name.and_then(|n| self.doc.get("components")?.get("parameters")?.get(n));
                match (name, target) {
                    (Some(name), Some(target)) => (
                        target,
                        Pointer::root()
                            .key("components")
                            .key("parameters")
                            .key(name),
                    ),
                    _ => return None, // reported by `check_component_ref`
                }
            }
            None => (parameter, at.clone()),
        };
        let Some(wire) = parameter.get("name").and_then(Json::as_str) else {
            self.error(&at.key("name"), "a parameter needs a string `name`");
            return None;
        };
        let location = match parameter.get("in").and_then(Json::as_str) {
            Some("path") => ParamIn::Path,
            Some("query") => ParamIn::Query,
            Some(other) => {
                self.error(&at.key("in"), format!("parameters in `{other}` are not supported (only `path` and `query`): the descriptor could not send it"));
                return None;
            }
            None => {
                self.error(&at.key("in"), "a parameter needs `in`");
                return None;
            }
        };
        let required = parameter.get("required") == Some(&Json::Bool(true));
        if location == ParamIn::Path && !required {
            self.error(
                &at.key("required"),
                "a path parameter must be `required: true`",
            );
        }
        let default_style = match location {
            ParamIn::Path => "simple",
            ParamIn::Query => "form",
        };
        if let Some(style) = parameter.get("style")
            && style.as_str() != Some(default_style)
        {
            self.error(
                &at.key("style"),
                format!(
                    "only `style: {default_style}` is supported for a {} parameter",
                    match location {
                        ParamIn::Path => "path",
                        ParamIn::Query => "query",
                    }
                ),
            );
        }
        let explode = match parameter.get("explode") {
            None => location == ParamIn::Query,
            Some(Json::Bool(b)) => *b,
            Some(_) => {
                self.error(&at.key("explode"), "must be a boolean");
                return None;
            }
        };
        let Some(schema) = parameter.get("schema") else {
            self.error(
                &at,
                "a parameter needs a `schema` (`content` is not supported)",
            );
            return None;
        };
        let inline_name = format!("{descriptor}{}", names::type_name(wire));
        let (ty, keywords, nullable, mut docs) =
            self.lower_value(schema, &at.key("schema"), &inline_name)?;
        if nullable {
            self.error(&at.key("schema"), "a nullable parameter is not supported");
            return None;
        }
        if let Some(text) = parameter.get("description").and_then(Json::as_str)
            && !text.is_empty()
        {
            let mut lines = doc::text_lines(text);
            if !docs.is_empty() {
                lines.push(String::new());
            }
            lines.append(&mut docs);
            docs = lines;
        }
        if parameter.get("deprecated") == Some(&Json::Bool(true)) {
            paragraph(&mut docs, "**Deprecated.**".to_owned());
        }
        let sendable = match &ty {
            Ty::Array(item) => !matches!(
                **item,
                Ty::Array(_) | Ty::Map | Ty::Named(_, true) | Ty::Any | Ty::ObjectOr(_)
            ),
            Ty::Map | Ty::Named(_, true) | Ty::Any | Ty::ObjectOr(_) => false,
            _ => true,
        };
        if location == ParamIn::Path
            && !matches!(ty, Ty::Uuid | Ty::I32 | Ty::I64 | Ty::Named(_, false))
        {
            self.error(&at.key("schema"), "a path parameter must be a UUID (`format: uuid`), an integer or an enum: a free-form string could be empty or `..`, which changes the route");
            return None;
        }
        if !sendable {
            self.error(&at.key("schema"), "this parameter's type cannot be rendered into the path or query: use a string, number, boolean, enum or (in the query) an array of those");
            return None;
        }
        if docs.is_empty() {
            docs.push(format!("The {} parameter.", doc::code(wire)));
        }
        Some(Param {
            field: Field {
                rust_name: names::field_name(wire),
                wire_name: wire.to_owned(),
                docs,
                ty,
                boxed: false,
                presence: if required {
                    Presence::Required
                } else {
                    Presence::Optional
                },
                nullable: false,
                keywords,
                tag: None,
            },
            location,
            explode,
        })
    }

    /// The body type of a response (a `$ref` to `components.responses` is followed), lowering
    /// an inline object schema as `inline_name`; `None` for a response without a JSON body.
    fn response_type(
        &mut self,
        response: &Json,
        at: &Pointer,
        inline_name: &str,
    ) -> Option<String> {
        if let Some(reference) = response.get("$ref") {
            let name = reference
                .as_str()?
                .strip_prefix("#/components/responses/")?
                .to_owned();
            if let Some(known) = self.response_types.get(&name) {
                return known.clone();
            }
            let target = self.doc.get("components")?.get("responses")?.get(&name)?;
            let target_at = Pointer::root()
                .key("components")
                .key("responses")
                .key(&name);
            let body = self.response_type(
                target,
                &target_at,
                &format!("{}Body", names::type_name(&name)),
            );
            self.response_types.insert(name, body.clone());
            return body;
        }
        let (media, media_type) = json_media(response.get("content")?)?;
        let schema = media_type.get("schema")?;
        let schema_at = at.key("content").key(media).key("schema");
        match self.lower_value(schema, &schema_at, inline_name)? {
            (Ty::Named(name, _), _, false, _) => Some(name),
            _ => {
                self.error(
                    &schema_at,
                    "a JSON response body must be an object schema or a `$ref` to one",
                );
                None
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
                let known = ANNOTATIONS
                    .iter()
                    .chain(STRUCTURAL)
                    .copied()
                    .chain(Keyword::value_keywords().filter_map(Keyword::json_name_opt));
                self.error(&at.key(key), super::unsupported::message(key, known));
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
                // m3ter writes `"description": ""` on many schemas: nothing to say.
                None => {}
                Some(Json::String(text)) if text.trim().is_empty() => {}
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
                Some(Json::Bool(true)) => paragraph(&mut docs, note.to_owned()),
                Some(other) => self.error(
                    &at.key(key),
                    format!("must be a boolean, not {}", other.type_name()),
                ),
            }
        }
        if let Some(default) = schema.get("default") {
            let line = format!("Default: {}", doc::code(&default.to_json_string()));
            paragraph(&mut docs, line);
        }
        if let Some(example) = schema.get("example") {
            let line = format!("Example: {}", doc::code(&example.to_json_string()));
            paragraph(&mut docs, line);
        }
        match schema.get("examples") {
            None => {}
            Some(Json::Array(examples)) => {
                for example in examples {
                    let line = format!("Example: {}", doc::code(&example.to_json_string()));
                    paragraph(&mut docs, line);
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
            // `[T, "null"]`: 3.1's nullable type, or 3.0's `nullable: true` once normalized.
            Some(Json::Array(types)) if types.contains(&Json::String("null".into())) => {
                self.error(&at.key("type"), "a nullable `enum` is supported as a nullable reference: make the enum a component and write `anyOf: [{\"$ref\": …}, {\"type\": \"null\"}]` (OpenAPI 3.0: `{\"type\": \"string\", \"nullable\": true, \"enum\": [null]}` as the second)");
                return None;
            }
            _ => {
                self.error(&at.key("type"), "an `enum` must have `type: \"string\"`");
                return None;
            }
        }
        let string_keywords = Keyword::value_keywords()
            // `type` is read above: it says the enum is of strings.
            .filter(|k| {
                *k != Keyword::Type
                    && *k != Keyword::Enum
                    && k.applies_to().contains(JsonType::String)
            })
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
        // Rust variant name → its index in `variants`.
        let mut by_rust_name: HashMap<String, usize> = HashMap::new();
        for (i, value) in values.iter().enumerate() {
            let Some(wire) = value.as_str() else {
                self.error(
                    &at.key("enum").index(i),
                    format!("enum values must be strings, not {}", value.type_name()),
                );
                continue;
            };
            let rust_name = names::type_name(wire);
            if let Some(other) = by_rust_name.get(&rust_name).map(|&i| &variants[i]) {
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
            by_rust_name.insert(rust_name.clone(), variants.len());
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
        tag: Option<(&str, &str)>,
    ) {
        if !self.check_keywords(schema, at) {
            return;
        }
        if let Some((discriminator, _)) = tag
            && schema
                .get("properties")
                .is_none_or(|p| p.get(discriminator).is_none())
        {
            self.error(
                at,
                format!("a variant of a union must declare the discriminator `{discriminator}` among its `properties`"),
            );
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
        // What applies to the object itself would be checked on a struct, which counts and
        // compares its members as serde wrote them (defaults filled in, unknown members
        // dropped), not as the document has them.
        // (`type` is read above: it says the value is an object.)
        for keyword in Keyword::value_keywords() {
            if let Some(name) = keyword.json_name_opt()
                && keyword != Keyword::Type
                // The struct's own: `false` alone denies unknown members; a schema, or
                // `patternProperties` beside it, checks them in the map of the other members.
                && keyword != Keyword::AdditionalProperties
                && keyword != Keyword::PatternProperties
                // The struct's members and which of them are required.
                && keyword != Keyword::Properties
                && keyword != Keyword::RequiredMembers
                && keyword.applies_to().contains(JsonType::Object)
                && schema.get(name).is_some()
            {
                self.error(
                    &at.key(name),
                    format!("`{name}` is not supported on an object with `properties` or `additionalProperties: false` (generated as a struct, whose typed value has its members as serde reads them, not as the document has them)"),
                );
            }
        }
        let docs = self.docs(schema, at);
        // `additionalProperties: false` alone: serde denies the unknown members. A schema, or
        // `patternProperties` beside `properties`: the other members are kept in a map (a
        // `#[serde(flatten)]` field), and the keywords check the object's members as JSON
        // Schema says (`additionalProperties` read first: `patternProperties` keeps its
        // patterns that check nothing when it is there).
        let patterns = schema.get(Keyword::PatternProperties.json_name()).is_some();
        let mut others = Keywords::default();
        let deny_unknown_fields = match schema.get("additionalProperties") {
            None | Some(Json::Bool(true)) => false,
            Some(Json::Bool(false)) if !patterns => true,
            Some(_) => {
                self.read_member_schema(schema, at, Keyword::AdditionalProperties, &mut others);
                false
            }
        };
        self.read_pattern_properties(schema, at, &mut others);
        let matchers: Vec<(String, regex::Regex, Keywords)> = others
            .pattern_properties
            .iter()
            .flatten()
            .filter_map(|(pattern, inner)| {
                let translated = pattern::translate(pattern).ok()?;
                let regex = regex::Regex::new(translated.as_str()).ok()?;
                Some((pattern.clone(), regex, inner.clone()))
            })
            .collect();
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
        let declared: HashSet<&str> = properties.iter().map(|(p, _)| p.as_str()).collect();
        match schema.get("required") {
            None => {}
            Some(Json::Array(names)) => {
                for (i, name) in names.iter().enumerate() {
                    match name.as_str() {
                        Some(name) if declared.contains(name) => {
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
        let field_names = distinct_field_names(properties.iter().map(|(wire, _)| wire.as_str()));
        for ((wire, property), (rust_name, suffix)) in properties.iter().zip(field_names) {
            let prop_at = at.key("properties").key(wire);
            // The patterns that apply to this property too (its typed value is checked as
            // serde writes it, when present).
            // (A pattern without keywords checks nothing: it only exempts the member from
            // `additionalProperties`, which a property is anyway.)
            let matching: Vec<&(String, regex::Regex, Keywords)> = matchers
                .iter()
                .filter(|(_, regex, inner)| !inner.is_empty() && regex.is_match(wire))
                .collect();
            if let Some((discriminator, _)) = tag
                && discriminator == wire
                && let Some((pattern, _, _)) = matching.first()
            {
                self.error(
                    &at.key(Keyword::PatternProperties.json_name()).key(pattern),
                    format!("the pattern matches the union's discriminator `{wire}`, which a typed value always has (absent in a document, it is the variant's own): not supported"),
                );
            }
            if let Some((discriminator, tag)) = tag
                && discriminator == wire
            {
                if let Some(field) = self.tag_field(
                    property,
                    &prop_at,
                    wire,
                    &rust_name,
                    tag,
                    required.contains(wire),
                ) {
                    fields.push(field);
                }
                continue;
            }
            let inline_name = format!("{type_name}{}{suffix}", names::type_name(wire));
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
            let rule = self.operation_rule(property, &prop_at, operation);
            // A read-only member of a request body (a type generated per operation) is set by
            // the server: the request must not send it (`required` says so of responses).
            if let Some(operation) = operation
                && property.get("readOnly") == Some(&Json::Bool(true))
            {
                match rule.as_deref() {
                    None | Some("forbidden") => {}
                    Some(other) => self.error(
                        &prop_at.key("readOnly"),
                        format!("a `readOnly` member is `forbidden` in a request, but `{OPERATIONS_EXTENSION}` makes it `{other}` on `{operation}`: a request must not send what the server sets"),
                    ),
                }
                presence = Presence::Forbidden {
                    operation: operation.to_owned(),
                };
            } else if let Some(rule) = rule {
                presence = match (rule.as_str(), nullable) {
                    ("required", false) => Presence::Required,
                    ("required", true) => Presence::RequiredNullable,
                    ("optional", _) => Presence::Optional,
                    _ => Presence::Forbidden {
                        operation: operation.unwrap_or_default().to_owned(),
                    },
                };
            }
            // `default`: stated (docs, schema) and filled in by serde when the member is
            // absent, when it passes the member's own keywords (else a typed value would fail
            // what the raw document passes: it stays an annotation, as JSON Schema has it, and
            // the docs say why); on a member that must be present (or absent) it says nothing
            // more than the docs do.
            // The typed path checks the member's value as serde writes it: only where that is
            // the document's value.
            if !compares_as_json(&ty)
                && let Some((pattern, _, _)) = matching.first()
            {
                self.error(
                    &at.key(Keyword::PatternProperties.json_name()).key(pattern),
                    format!("the pattern matches `{wire}`, generated as {}, whose typed value serde may write otherwise than the document has it (another spelling, defaults filled in, unknown members dropped): not supported; give the pattern no keywords for it, or write them on the property", ty_words(&ty)),
                );
            }
            if let Some((pattern, _, _)) = matching
                .iter()
                .find(|(_, _, inner)| nullable && !null_satisfies(inner))
                && matches!(presence, Presence::Optional | Presence::Forbidden { .. })
            {
                self.error(
                    &at.key(Keyword::PatternProperties.json_name()).key(pattern),
                    format!("the pattern matches `{wire}`, an optional member that may be `null`, and refuses `null`: not supported (its typed value, `None`, does not tell `null` from absent); make the member required, or not nullable"),
                );
            }
            if property.get("default").is_some()
                && presence == Presence::Optional
                && let Some((pattern, _, _)) = matching.first()
            {
                let line = format!(
                    "Not filled in when absent: the `patternProperties` pattern {} applies to the member when it is present.",
                    doc::code(pattern)
                );
                paragraph(&mut docs, line);
            } else if let Some(default) = property.get("default")
                && presence == Presence::Optional
            {
                match self.default_fits(default, &ty, &keywords, nullable) {
                    Ok(()) => keywords.default = Some(default.to_json_string()),
                    Err(why) => paragraph(&mut docs, format!("Not filled in when absent: {why}.")),
                }
            }
            if let Presence::Forbidden { operation } = &presence {
                // The member must be absent: its value constraints cannot apply.
                keywords = Keywords::default();
                let line = format!(
                    "Must be absent on {}: reported as `forbidden` when set.",
                    doc::code(operation)
                );
                paragraph(&mut docs, line);
            }
            if docs.is_empty() {
                docs.push(format!("The {} member.", doc::code(wire)));
            }
            let boxed = self.boxed(&ty);
            fields.push(Field {
                rust_name,
                wire_name: wire.clone(),
                docs,
                ty,
                boxed,
                presence,
                nullable,
                keywords,
                tag: None,
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
        let others = (!others.is_empty()).then(|| {
            let taken: HashSet<&str> = fields.iter().map(|f| f.rust_name.as_str()).collect();
            let base = "additional_properties";
            let rust_name = std::iter::once(base.to_owned())
                .chain((2u64..).map(|n| format!("{base}_{n}")))
                .find(|name| !taken.contains(name.as_str()))
                .unwrap_or_else(|| base.to_owned());
            Box::new(Others {
                rust_name,
                keywords: others,
            })
        });
        self.items.push(Item::Struct(Struct {
            name: type_name.to_owned(),
            docs,
            deny_unknown_fields,
            fields,
            others,
            strict,
        }));
    }

    /// A strict-profile rule: `{"format": "<format>"}` on a string member; `None` after
    /// reporting what is wrong.
    fn strict_rule(
        &mut self,
        member: &str,
        rule: &Json,
        at: &Pointer,
        fields: &[Field],
    ) -> Option<StrictRule> {
        const SHAPE: &str = "must be {\"format\": a format name}";
        let Some(members) = rule.members() else {
            self.error(at, SHAPE);
            return None;
        };
        let mut ok = true;
        for (key, _) in members {
            if key != "format" {
                self.error(&at.key(key), format!("unknown member `{key}`: {SHAPE}"));
                ok = false;
            }
        }
        let format = match rule.get("format") {
            Some(Json::String(name)) => match Format::from_name(name) {
                Some(format) => Some(format),
                None => {
                    self.error(
                        &at.key("format"),
                        format!("unknown format `{name}`; known: {}", Format::names()),
                    );
                    None
                }
            },
            _ => {
                self.error(&at.key("format"), "must be a format name");
                None
            }
        };
        let is_string = fields
            .iter()
            .find(|f| f.wire_name == member)
            .is_some_and(|f| f.ty == Ty::String);
        if !is_string {
            self.error(at, "the strict profile's format applies to a string member");
            ok = false;
        }
        let format = format?;
        ok.then(|| StrictRule {
            member: member.to_owned(),
            format,
            at: at.to_string(),
        })
    }

    /// Whether `value`, a member's `default`, is a value the member takes: its type (or `null`
    /// where nullable), an enum's values, and the keywords the generator can judge (lengths,
    /// bounds, pattern). A typed value reads it for an absent member, so a default the raw
    /// check would reject cannot be; what cannot be judged here is refused too.
    fn default_fits(
        &self,
        value: &Json,
        ty: &Ty,
        keywords: &Keywords,
        nullable: bool,
    ) -> Result<(), String> {
        let refuse = |why: &str| Err(format!("the default {why}"));
        if let Some(keyword) = [Keyword::Const, Keyword::Enum, Keyword::MultipleOf]
            .into_iter()
            .find(|k| keywords.has(*k))
        {
            return refuse(&format!(
                "is beside `{}`, which the generator does not judge for a default",
                keyword.json_name()
            ));
        }
        if *value == Json::Null {
            return if nullable {
                Ok(())
            } else {
                refuse("is `null`, which the member does not allow")
            };
        }
        let number = |v: &Json| match v {
            Json::Number(n) => n
                .as_i64()
                .map(|i| NumberLit::Int(i128::from(i)))
                .or_else(|| n.as_u64().map(|u| NumberLit::Int(i128::from(u))))
                .or_else(|| n.as_f64().map(NumberLit::Float)),
            _ => None,
        };
        let in_bounds = |n: NumberLit| {
            use std::cmp::Ordering::{Greater, Less};
            keywords.minimum.is_none_or(|m| n.compare(m) != Some(Less))
                && keywords
                    .maximum
                    .is_none_or(|m| n.compare(m) != Some(Greater))
                && keywords
                    .exclusive_minimum
                    .is_none_or(|m| n.compare(m) == Some(Greater))
                && keywords
                    .exclusive_maximum
                    .is_none_or(|m| n.compare(m) == Some(Less))
        };
        match ty {
            Ty::String => {
                let Some(text) = value.as_str() else {
                    return refuse("is not a string");
                };
                let length = text.chars().count() as u64;
                if keywords.min_length.is_some_and(|m| length < m)
                    || keywords.max_length.is_some_and(|m| length > m)
                {
                    return refuse("breaks the member's length bounds");
                }
                if let Some(pattern) = &keywords.pattern
                    && !regex::Regex::new(pattern).is_ok_and(|r| r.is_match(text))
                {
                    return refuse("does not match the member's pattern");
                }
                if keywords.format.is_some() {
                    return refuse("is beside a `format` the generator cannot check");
                }
                Ok(())
            }
            Ty::I32 | Ty::I64 => {
                let range = if *ty == Ty::I32 {
                    (i128::from(i32::MIN), i128::from(i32::MAX))
                } else {
                    (i128::from(i64::MIN), i128::from(i64::MAX))
                };
                match number(value) {
                    Some(NumberLit::Int(i))
                        if (range.0..=range.1).contains(&i) && in_bounds(NumberLit::Int(i)) =>
                    {
                        Ok(())
                    }
                    _ => refuse("is not an integer of the member's type and bounds"),
                }
            }
            Ty::F64 => match number(value) {
                Some(n) if in_bounds(n) => Ok(()),
                _ => refuse("is not a number within the member's bounds"),
            },
            Ty::Bool => match value {
                Json::Bool(_) => Ok(()),
                _ => refuse("is not a boolean"),
            },
            Ty::Named(name, false) => {
                // The enum's values: lowered already, or read from its component.
                let lowered = self.items.iter().find_map(|item| match item {
                    Item::Enum(e) if &e.name == name => Some(
                        e.variants
                            .iter()
                            .any(|v| Some(v.wire.as_str()) == value.as_str()),
                    ),
                    Item::Enum(_) | Item::Struct(_) | Item::Union(_) => None,
                });
                let allowed = lowered.or_else(|| {
                    let component = self.component_types.iter().find(|(_, (t, _))| t == name)?.0;
                    match self.component(component)?.get("enum")? {
                        Json::Array(values) => Some(values.contains(value)),
                        _ => None,
                    }
                });
                match allowed {
                    Some(true) => Ok(()),
                    Some(false) => refuse("is not one of the enum's values"),
                    None => refuse("is on a type whose values the generator cannot read here"),
                }
            }
            Ty::Uuid | Ty::DateTime => refuse("is a formatted string the generator cannot check"),
            Ty::Named(_, true) | Ty::Array(_) | Ty::Map => refuse(
                "is on an object or array member: only strings, numbers, booleans and enums take a default",
            ),
            Ty::Any | Ty::ObjectOr(_) => refuse(
                "is on a member of several types or none (any JSON value): only strings, numbers, booleans and enums take a default",
            ),
        }
    }

    /// The discriminator member of a union variant: typed as a one-value enum of its tag,
    /// generated once per discriminator and tag. Its schema must allow the tag.
    fn tag_field(
        &mut self,
        property: &Json,
        at: &Pointer,
        wire: &str,
        rust_name: &str,
        tag: &str,
        required: bool,
    ) -> Option<Field> {
        if !self.check_keywords(property, at) {
            return None;
        }
        // The member is typed as the tag: its schema may say no more than a string enum does,
        // or the tag's type would drop a keyword.
        let mut ok = true;
        for (key, value) in property.members().unwrap_or_default() {
            let fits = match key.as_str() {
                "type" => value.as_str() == Some("string"),
                "enum" | "$ref" => true,
                key => ANNOTATIONS.contains(&key) || key.starts_with("x-"),
            };
            if !fits {
                self.error(&at.key(key), format!("the discriminator of a union variant is typed as its tag: its schema may say only `type: \"string\"`, an `enum` (or a `$ref` to one) and annotations, not `{key}` here"));
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        let mut docs = self.docs(property, at);
        // The values the schema allows, if it lists them (inline or in the referenced enum).
        let target = match property.get("$ref").and_then(Json::as_str) {
            Some(reference) => reference
                .strip_prefix(SCHEMA_REF_PREFIX)
                .and_then(|name| self.component(name)),
            None => Some(property),
        };
        if let Some(Json::Array(values)) = target.and_then(|t| t.get("enum"))
            && !values.contains(&Json::String(tag.to_owned()))
        {
            self.error(
                at,
                format!("the discriminator's schema does not allow this variant's tag `{tag}`"),
            );
            return None;
        }
        let variant = names::type_name(tag);
        let key = (wire.to_owned(), tag.to_owned());
        let enum_name = if let Some(name) = self.tag_enums.get(&key) {
            name.clone()
        } else {
            let base = format!("{}{}", names::type_name(wire), variant);
            let enum_name = self.claim_derived_name(&base, at);
            self.tag_enums.insert(key, enum_name.clone());
            self.items.push(Item::Enum(Enum {
                name: enum_name.clone(),
                docs: vec![format!(
                    "The tag {} of the {} variants: {} is {}.",
                    doc::code(tag),
                    doc::code(tag),
                    doc::code(wire),
                    doc::code(&format!("\"{tag}\""))
                )],
                variants: vec![Variant {
                    rust_name: variant.clone(),
                    wire: tag.to_owned(),
                }],
            }));
            enum_name
        };
        if docs.is_empty() {
            docs.push(format!(
                "The {} member: this variant's tag.",
                doc::code(wire)
            ));
        }
        Some(Field {
            rust_name: rust_name.to_owned(),
            wire_name: wire.to_owned(),
            docs,
            ty: Ty::Named(enum_name, false),
            boxed: false,
            presence: if required {
                Presence::Required
            } else {
                Presence::Optional
            },
            nullable: false,
            keywords: Keywords::default(),
            tag: Some(variant),
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
        // A boolean schema: `true` takes any JSON value, `false` none (`not()`).
        if let Json::Bool(any) = schema {
            let keywords = Keywords {
                not: (!any).then(Box::default),
                ..Keywords::default()
            };
            return Some((Ty::Any, keywords, false, Docs::new()));
        }
        if !self.check_keywords(schema, at) {
            return None;
        }
        let docs = self.docs(schema, at);
        // The nullable form, or a union (which needs a component and a discriminator) is
        // `lower_nullable`'s; any other `anyOf`/`oneOf` is an applicator (`read_applicators`).
        if let Some(keyword) = union_keyword(schema)
            && (schema.get("discriminator").is_some() || nullable_form(schema, keyword))
        {
            return self.lower_nullable(schema, at, keyword, inline_name, docs);
        }
        if let Some(reference) = schema.get("$ref") {
            let Some(reference) = reference.as_str() else {
                self.error(&at.key("$ref"), "must be a string");
                return None;
            };
            let Some(name) = reference.strip_prefix(SCHEMA_REF_PREFIX) else {
                self.error(&at.key("$ref"), format!("`{reference}`: only references to `{SCHEMA_REF_PREFIX}...` in this document are supported"));
                return None;
            };
            if self.instances.contains_key(name) && !self.component_types.contains_key(name) {
                let why = match self.component(name) {
                    Some(target) if !has_operation_rules(target) => {
                        ": it is a request body whose `readOnly` members are `forbidden` there, so it cannot also be used where they may be present; give the request and this use schemas of their own"
                    }
                    _ => "",
                };
                self.error(
                    &at.key("$ref"),
                    format!(
                        "`{reference}` is generated once per operation and cannot be referenced{why}"
                    ),
                );
                return None;
            }
            let Some((type_name, is_struct)) = self.component_types.get(name).cloned() else {
                // A component that is in the document but makes no type was refused at its own
                // pointer: say so, rather than that it is missing.
                let message = if self.component(name).is_some() {
                    format!(
                        "`{reference}` cannot be generated (its own errors say why), so neither can this member"
                    )
                } else {
                    format!("`{reference}` does not exist")
                };
                self.error(&at.key("$ref"), message);
                return None;
            };
            let keywords = Keywords {
                nested: is_struct.then_some(()),
                ..Keywords::default()
            };
            // A component with `properties` but no `type` holds its objects only (`ObjectOr`).
            let objects_only = is_struct
                && self.component(name).is_some_and(|component| {
                    component.get("type").is_none() && component.get("properties").is_some()
                });
            if objects_only {
                return Some((Ty::ObjectOr(type_name), keywords, false, docs));
            }
            return Some((Ty::Named(type_name, is_struct), keywords, false, docs));
        }
        let (type_name, nullable) = match self.type_set(schema, at)? {
            Some(types) => match single_type(types) {
                // One type, or one and `null`: the member has that type's Rust type.
                Some((ty, nullable)) => (ty.name().to_owned(), nullable),
                // Several types, or `null` alone: any JSON value with `type` as a keyword.
                None => {
                    let keywords = self.lower_untyped(schema, at, Some(types))?;
                    return Some((Ty::Any, keywords, false, docs));
                }
            },
            // An object's members (or, with `additionalProperties: false`, that it has none):
            // checked on objects only (`Ty::ObjectOr`, below).
            None if declares_members(schema) => {
                if !self.check_untyped_object(schema, at) {
                    return None;
                }
                ("object".to_owned(), false)
            }
            // An untyped `enum` of strings takes only strings.
            None if enum_of_strings(schema) => ("string".to_owned(), false),
            // No type: any JSON value, each keyword checking the values of its own types.
            None => {
                let keywords = self.lower_untyped(schema, at, None)?;
                return Some((Ty::Any, keywords, false, docs));
            }
        };
        // A map or a list under applicators: their nested schemas decide on the value's JSON
        // (members, items), which a typed map or list does not compare as: any JSON value of
        // the type (`type` a keyword), checked as the document has it.
        if matches!(type_name.as_str(), "object" | "array")
            && !declares_members(schema)
            && has_applicators(schema)
        {
            let types = self.type_set(schema, at)?;
            let keywords = self.lower_untyped(schema, at, types)?;
            return Some((Ty::Any, keywords, false, docs));
        }
        self.check_applicable(schema, at, &type_name);
        let mut keywords = Keywords::default();
        if let Some(json_ty) = json_type(&type_name) {
            self.read_values(schema, at, Types::of(json_ty), &mut keywords);
        }
        // `type: [T, "null"]` beside `const` or `enum`: `null` passes only when they list it.
        let nullable = nullable && !excludes_null(&keywords);
        let ty = match type_name.as_str() {
            "string" if string_enum(schema) => {
                let variants = self.enum_variants(schema, at)?;
                let name = self.claim_derived_name(inline_name, at);
                let enum_docs = if docs.is_empty() {
                    vec![format!("The values of {}.", doc::code(&at.to_string()))]
                } else {
                    docs.clone()
                };
                self.items.push(Item::Enum(Enum {
                    name: name.clone(),
                    docs: enum_docs,
                    variants,
                }));
                Ty::Named(name, false)
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
            // OpenAPI's `format: double` is an `f64`, as no format is; `float` is refused
            // (`number_format`).
            "number" => {
                self.number_format(schema, at)?;
                self.check_bounds(&keywords, at, None);
                Ty::F64
            }
            "boolean" => Ty::Bool,
            // Items of several schemas, or of no schema at all (no `items`: any item): any
            // JSON value of the type (`type` a keyword), so that each item is checked as the
            // document has it.
            "array"
                if schema.get(Keyword::PrefixItems.json_name()).is_some()
                    || schema.get(Keyword::Items.json_name()).is_none() =>
            {
                let types = self.type_set(schema, at)?;
                let keywords = self.lower_untyped(schema, at, types)?;
                return Some((Ty::Any, keywords, false, docs));
            }
            "array" => {
                ignore_lone_contains_bounds(schema, &mut keywords);
                self.check_bounds(&keywords, at, None);
                let Some(items) = schema.get(Keyword::Items.json_name()) else {
                    // Taken by the arm above.
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
                if !self.read_contains(schema, at, Some(&item_ty), &mut keywords) {
                    return None;
                }
                Ty::Array(Box::new(item_ty))
            }
            // `additionalProperties: false` without `properties`: an object without members, a
            // struct without fields that denies unknown members, so that each member is an
            // `unknown_field` error at its own pointer on both paths.
            "object" if declares_members(schema) => {
                let name = self.claim_derived_name(inline_name, at);
                self.lower_struct(schema, at, &name, None, None);
                keywords.nested = Some(());
                if schema.get("type").is_none() {
                    // JSON Schema applies `properties` and `required` to objects only: any
                    // other value is accepted, an object is checked as the struct.
                    Ty::ObjectOr(name)
                } else {
                    Ty::Named(name, true)
                }
            }
            "object" => {
                if schema.get("required").is_some() {
                    // A map checks nothing about its members: the list would be dropped.
                    self.error(&at.key("required"), "`required` on an object without `properties` is not supported (it would become a map that checks no member): declare the properties");
                    return None;
                }
                self.check_bounds(&keywords, at, None);
                if !self.read_member_schema(
                    schema,
                    at,
                    Keyword::AdditionalProperties,
                    &mut keywords,
                ) || !self.read_member_schema(schema, at, Keyword::PropertyNames, &mut keywords)
                    || !self.read_pattern_properties(schema, at, &mut keywords)
                {
                    return None;
                }
                Ty::Map
            }
            other => {
                self.error(&at.key("type"), format!("unknown type `{other}`"));
                return None;
            }
        };
        // A struct or an enum reports the applicators where it reports the other value
        // keywords.
        if !matches!(ty, Ty::Named(..) | Ty::ObjectOr(_))
            && !self.read_applicators(schema, at, Some(&ty), &mut keywords)
        {
            return None;
        }
        // `type: [T, "null"]` beside `not` or `if`: `null` passes only where they let it.
        let nullable = nullable && null_satisfies(&keywords);
        self.check_value_keywords(at, &ty, &keywords);
        Some((ty, keywords, nullable, docs))
    }

    /// Reports the value keywords beside `properties` in a schema without `type` that apply to
    /// values other than objects: such a member is any JSON value whose object case is a struct
    /// (`Ty::ObjectOr`), which checks its other values by nothing, so they would be dropped.
    /// `false` after reporting one.
    fn check_untyped_object(&mut self, schema: &Json, at: &Pointer) -> bool {
        let mut ok = true;
        for keyword in Keyword::value_keywords() {
            if let Some(name) = keyword.json_name_opt()
                && !keyword.applies_to().contains(JsonType::Object)
                && schema.get(name).is_some()
            {
                self.error(
                    &at.key(name),
                    format!("`{name}` beside `properties` in a schema without a `type` is not supported (the member is any JSON value whose objects are a generated struct, and its other values are checked by nothing): give the schema a `type`"),
                );
                ok = false;
            }
        }
        ok
    }

    /// The JSON types `schema`'s `type` names (a name or an array of names, each known and
    /// once), `Ok(None)` when it has no `type`; `None` after reporting an error.
    fn type_set(&mut self, schema: &Json, at: &Pointer) -> Option<Option<Types>> {
        let type_at = at.key("type");
        match schema.get("type") {
            None => Some(None),
            Some(Json::String(name)) => match json_type(name) {
                Some(ty) => Some(Some(Types::of(ty))),
                None => {
                    self.error(&type_at, format!("unknown type `{name}`"));
                    None
                }
            },
            Some(Json::Array(names)) => {
                if names.is_empty() {
                    self.error(&type_at, "a type array must name at least one type");
                    return None;
                }
                let mut types = Types::NONE;
                let mut ok = true;
                for (index, name) in names.iter().enumerate() {
                    let name_at = type_at.index(index);
                    match name.as_str().map(|n| (n, json_type(n))) {
                        Some((_, Some(ty))) if !types.contains(ty) => {
                            types = types.or(Types::of(ty))
                        }
                        Some((name, Some(_))) => {
                            self.error(&name_at, format!("`{name}` is given twice"));
                            ok = false;
                        }
                        Some((name, None)) => {
                            self.error(&name_at, format!("unknown type `{name}`"));
                            ok = false;
                        }
                        None => {
                            self.error(
                                &name_at,
                                format!("must be a type name, not {}", name.type_name()),
                            );
                            ok = false;
                        }
                    }
                }
                ok.then_some(Some(types))
            }
            Some(other) => {
                self.error(
                    &type_at,
                    format!("must be a string or an array, not {}", other.type_name()),
                );
                None
            }
        }
    }

    /// A value schema of several types or none (or `null` alone): a `serde_json::Value`
    /// member, with `type` as a keyword when the schema has one (`types`), and each value
    /// keyword that applies to one of its types (each checking only the values of its own
    /// types, as JSON Schema says). `items` is read as the items' keywords, each item any JSON
    /// value in turn. What decides more than a value's checks (members, an enum, a reference,
    /// a union) is refused at its pointer. `None` after reporting an error.
    fn lower_untyped(
        &mut self,
        schema: &Json,
        at: &Pointer,
        types: Option<Types>,
    ) -> Option<Keywords> {
        let allowed = types.unwrap_or(Types::ANY);
        let mut ok = true;
        for key in ["$ref", "discriminator"] {
            if schema.get(key).is_some() {
                let what = match types {
                    None => "without a `type`".to_owned(),
                    Some(types) => format!("of type `{}`", types.spec_text()),
                };
                self.error(
                    &at.key(key),
                    format!("`{key}` is not supported on a schema {what} (it becomes any JSON value, a `serde_json::Value`, checked by value keywords only): give the schema one type"),
                );
                ok = false;
            }
        }
        if !ok {
            return None;
        }
        self.check_applicable_to(schema, at, allowed, &allowed.spec_text());
        let mut keywords = Keywords {
            types,
            ..Keywords::default()
        };
        self.read_values(schema, at, allowed, &mut keywords);
        if allowed.contains(JsonType::String) {
            self.read_pattern(schema, at, &mut keywords);
            match schema.get(Keyword::Format.json_name()) {
                None => {}
                Some(Json::String(name)) => match Format::from_name(name) {
                    Some(format) => keywords.format = Some(format),
                    None => {
                        let known = Format::names();
                        self.error(
                            &at.key(Keyword::Format.json_name()),
                            format!("unknown string format `{name}`; known: {known}"),
                        );
                    }
                },
                Some(other) => self.error(
                    &at.key(Keyword::Format.json_name()),
                    format!("must be a string, not {}", other.type_name()),
                ),
            }
        }
        ignore_lone_contains_bounds(schema, &mut keywords);
        self.check_bounds(&keywords, at, None);
        if allowed.contains(JsonType::Array) && !self.read_contains(schema, at, None, &mut keywords)
        {
            return None;
        }
        if allowed.contains(JsonType::Object)
            && (!self.read_members(schema, at, &mut keywords)
                || !self.read_member_schema(
                    schema,
                    at,
                    Keyword::AdditionalProperties,
                    &mut keywords,
                )
                || !self.read_member_schema(schema, at, Keyword::PropertyNames, &mut keywords)
                || !self.read_pattern_properties(schema, at, &mut keywords))
        {
            return None;
        }
        if !self.read_applicators(schema, at, None, &mut keywords) {
            return None;
        }
        if allowed.contains(JsonType::Array)
            && let Some(items) = schema.get(Keyword::Items.json_name())
        {
            // A schema of its own, each item any JSON value in turn (`true` checks nothing,
            // `false` refuses every item: after `prefixItems`' only, where it is).
            let items_at = at.key(Keyword::Items.json_name());
            let item_keywords = self.nested_schema(items, &items_at, Keyword::Items, None)?;
            if !item_keywords.is_empty() {
                keywords.items = Some(Box::new(item_keywords));
            }
        }
        Some(keywords)
    }

    /// `properties` and `required` of a value without fields (an untyped member, or a nested
    /// schema): each member's schema read through [`Self::nested_schema`] (`true` the empty
    /// schema, `false` `not()`: the member must be absent), the `properties` keyword; the
    /// names `required` lists (distinct strings), the `required_members` keyword. `false`
    /// after reporting an error.
    fn read_members(&mut self, schema: &Json, at: &Pointer, keywords: &mut Keywords) -> bool {
        let mut ok = true;
        let required_name = Keyword::RequiredMembers.json_name();
        if let Some(required) = schema.get(required_name) {
            let required_at = at.key(required_name);
            match required {
                Json::Array(names) => {
                    let mut fits = true;
                    for (i, name) in names.iter().enumerate() {
                        match name {
                            Json::String(_) if names[..i].contains(name) => {
                                self.error(
                                    &required_at.index(i),
                                    "names a member listed before it: each once",
                                );
                                fits = false;
                            }
                            Json::String(_) => {}
                            other => {
                                self.error(
                                    &required_at.index(i),
                                    format!(
                                        "must be a member name (a string), not {}",
                                        other.type_name()
                                    ),
                                );
                                fits = false;
                            }
                        }
                    }
                    // `[]` requires nothing.
                    if fits && !names.is_empty() {
                        keywords.required_members = Some(required.to_json_string());
                    }
                    ok &= fits;
                }
                other => {
                    self.error(
                        &required_at,
                        format!(
                            "must be an array of member names, not {}",
                            other.type_name()
                        ),
                    );
                    ok = false;
                }
            }
        }
        let properties_name = Keyword::Properties.json_name();
        if let Some(properties) = schema.get(properties_name) {
            let properties_at = at.key(properties_name);
            let Some(members) = properties.members() else {
                self.error(
                    &properties_at,
                    format!(
                        "must be an object from member name to schema, not {}",
                        properties.type_name()
                    ),
                );
                return false;
            };
            let mut schemas = Vec::with_capacity(members.len());
            for (name, member) in members {
                let member_at = properties_at.key(name);
                match self.nested_schema(member, &member_at, Keyword::Properties, None) {
                    Some(inner) => schemas.push((name.clone(), inner)),
                    None => ok = false,
                }
            }
            // A member that checks nothing still exempts itself from `additionalProperties`.
            if ok
                && (schemas.iter().any(|(_, inner)| !inner.is_empty())
                    || schema
                        .get(Keyword::AdditionalProperties.json_name())
                        .is_some())
            {
                keywords.properties = Some(schemas);
            }
        }
        ok
    }

    /// The schema of an object's members that `keyword` names, read by [`Self::nested_schema`]
    /// into its slot: `additionalProperties` of an object without `properties` (a map, or the
    /// objects of an untyped member), or beside `properties` in a nested schema, which every
    /// other member's value satisfies; `propertyNames` of a map or an untyped member, which
    /// every member's name (a string) satisfies. `true` (or absent, or `{}`) says nothing;
    /// `false` is `not()` (for `additionalProperties` no other member, each one a `not` error
    /// at its pointer; for `propertyNames` no member, each name a `propertyNames` error). A
    /// member of `type: object` or without a `type` that `additionalProperties: false` closes
    /// is a struct without fields instead (`declares_members`: each member an `unknown_field`
    /// error, as on every struct). `false` after reporting an error.
    fn read_member_schema(
        &mut self,
        schema: &Json,
        at: &Pointer,
        keyword: Keyword,
        keywords: &mut Keywords,
    ) -> bool {
        let name = keyword.json_name();
        let Some(value) = schema.get(name) else {
            return true;
        };
        let value_at = at.key(name);
        let Some(inner) = self.nested_schema(value, &value_at, keyword, None) else {
            return false;
        };
        if inner.is_empty() {
            return true;
        }
        if keywords
            .set(keyword, ParamValue::Items(Box::new(inner)))
            .is_err()
        {
            self.error(&value_at, "is given twice");
            return false;
        }
        true
    }

    /// `patternProperties` of a map or an untyped member: each pattern (ECMA-262, translated
    /// and compiled as `pattern` is) with the schema of the values of the members whose names
    /// match it, read as an untyped value's; `true` or `{}` checks nothing (but exempts its
    /// members from `additionalProperties`, read before); `false` is refused. `false` after
    /// reporting an error.
    fn read_pattern_properties(
        &mut self,
        schema: &Json,
        at: &Pointer,
        keywords: &mut Keywords,
    ) -> bool {
        let name = Keyword::PatternProperties.json_name();
        let Some(value) = schema.get(name) else {
            return true;
        };
        let patterns_at = at.key(name);
        let Some(members) = value.members() else {
            self.error(
                &patterns_at,
                format!(
                    "must be an object from pattern to schema, not {}",
                    value.type_name()
                ),
            );
            return false;
        };
        let mut schemas = Vec::new();
        let mut ok = true;
        for (pattern, sub) in members {
            let sub_at = patterns_at.key(pattern);
            if let Err(message) = check_pattern(pattern) {
                self.error(&sub_at, message);
                ok = false;
                continue;
            }
            // `false` is `not()`: no member whose name matches the pattern.
            let Some(inner) = self.nested_schema(sub, &sub_at, Keyword::PatternProperties, None)
            else {
                ok = false;
                continue;
            };
            schemas.push((pattern.clone(), inner));
        }
        if !ok {
            return false;
        }
        // A pattern that checks nothing still exempts its members from `additionalProperties`.
        if schemas.iter().any(|(_, inner)| !inner.is_empty())
            || keywords.additional_properties.is_some()
        {
            keywords.pattern_properties = Some(schemas);
        }
        true
    }

    /// `contains`: a nested schema of value keywords ([`Self::nested_schema`]) on each item,
    /// into `keywords`; `minContains`/`maxContains` were read with the counts. `item` is the
    /// items' Rust type on a typed list. `false` after reporting an error.
    fn read_contains(
        &mut self,
        schema: &Json,
        at: &Pointer,
        item: Option<&Ty>,
        keywords: &mut Keywords,
    ) -> bool {
        let Some(contains) = schema.get(Keyword::Contains.json_name()) else {
            return true;
        };
        let contains_at = at.key(Keyword::Contains.json_name());
        let typed = item.map(|item| Typed {
            ty: item,
            what: "a list whose items are generated as",
            value: "the list's items",
            place: "on a list with typed `items`",
        });
        let Some(inner) = self.nested_schema(contains, &contains_at, Keyword::Contains, typed)
        else {
            return false;
        };
        keywords.contains = Some(Box::new(inner));
        true
    }

    /// The applicators on the value itself, each a nested schema of value keywords
    /// ([`Self::nested_schema`]), into `keywords`: `allOf` (the parts the merge kept apart),
    /// `anyOf`, `oneOf`, `prefixItems` (untyped), `not`, and `if` with `then` and `else`. `ty`
    /// is the member's Rust type when it has one. `not: false` constrains nothing and is not
    /// written; `then` and `else` without `if`, and `if` without either, constrain nothing, as
    /// JSON Schema says: a warning at their pointers, and nothing written. `false` after
    /// reporting an error.
    fn read_applicators(
        &mut self,
        schema: &Json,
        at: &Pointer,
        ty: Option<&Ty>,
        keywords: &mut Keywords,
    ) -> bool {
        let typed = ty.map(|ty| Typed {
            ty,
            what: "a member generated as",
            value: "the member",
            place: "on a member of one type",
        });
        let mut ok = true;
        let has = |keyword: Keyword| schema.get(keyword.json_name()).is_some();
        let branches = has(Keyword::Then) || has(Keyword::Else);
        // `prefixItems` on an untyped member only (a typed list with it is lowered as one).
        let lists = [
            Keyword::AllOf,
            Keyword::AnyOf,
            Keyword::OneOf,
            Keyword::PrefixItems,
        ];
        for keyword in lists
            .into_iter()
            .filter(|k| ty.is_none() || *k != Keyword::PrefixItems)
        {
            let name = keyword.json_name();
            let Some(list) = schema.get(name) else {
                continue;
            };
            let list_at = at.key(name);
            let parts = match list {
                Json::Array(parts) if !parts.is_empty() => parts,
                Json::Array(_) => {
                    self.error(&list_at, "must list at least one schema");
                    ok = false;
                    continue;
                }
                other => {
                    self.error(
                        &list_at,
                        format!("must be an array of schemas, not {}", other.type_name()),
                    );
                    ok = false;
                    continue;
                }
            };
            let mut schemas = Vec::with_capacity(parts.len());
            for (index, part) in parts.iter().enumerate() {
                match self.nested_schema(part, &list_at.index(index), keyword, typed) {
                    Some(inner) => schemas.push(inner),
                    None => ok = false,
                }
            }
            if schemas.len() != parts.len() {
                continue;
            }
            // A part of `allOf` that checks nothing (a lone `then`, say) adds nothing, and an
            // `allOf` of such parts is not written.
            if keyword == Keyword::AllOf {
                schemas.retain(|inner| !inner.is_empty());
                if schemas.is_empty() {
                    continue;
                }
            }
            if keywords.set(keyword, ParamValue::Schemas(schemas)).is_err() {
                self.error(&list_at, "is given twice");
                ok = false;
            }
        }
        for keyword in [Keyword::Not, Keyword::If, Keyword::Then, Keyword::Else] {
            let name = keyword.json_name();
            let Some(nested) = schema.get(name) else {
                continue;
            };
            let nested_at = at.key(name);
            // Nothing satisfies `false`, so every value satisfies `not: false`.
            if keyword == Keyword::Not && *nested == Json::Bool(false) {
                continue;
            }
            if keyword == Keyword::If && !branches {
                self.warn(
                    &nested_at,
                    "`if` is ignored: without `then` or `else` it constrains nothing",
                );
                continue;
            }
            if matches!(keyword, Keyword::Then | Keyword::Else) && !has(Keyword::If) {
                self.warn(
                    &nested_at,
                    format!("`{name}` is ignored: without `if` it constrains nothing"),
                );
                continue;
            }
            let Some(inner) = self.nested_schema(nested, &nested_at, keyword, typed) else {
                ok = false;
                continue;
            };
            if keywords
                .set(keyword, ParamValue::Items(Box::new(inner)))
                .is_err()
            {
                self.error(&nested_at, "is given twice");
                ok = false;
            }
        }
        ok
    }

    /// A nested schema of value keywords, the parameter of `keyword` at `at`: `true` is the
    /// empty schema (every value satisfies it), `false` the schema nothing satisfies, written
    /// `not()` (the negation of the empty schema); an object is read as an untyped value's
    /// schema (its own `type` a keyword), so what decides more than a value's checks (members,
    /// a reference, a union) is refused at its pointer. On a typed value (`typed`) each keyword
    /// must apply to its one JSON type, which must compare as JSON (a string, a number, a
    /// boolean), so that the typed value and its JSON satisfy the same keywords; anything else
    /// is an error at its pointer. `None` after reporting an error.
    fn nested_schema(
        &mut self,
        nested: &Json,
        at: &Pointer,
        keyword: Keyword,
        typed: Option<Typed<'_>>,
    ) -> Option<Keywords> {
        let inner = match nested {
            Json::Bool(true) => Keywords::default(),
            Json::Bool(false) => Keywords {
                not: Some(Box::default()),
                ..Keywords::default()
            },
            _ => {
                if !self.check_keywords(nested, at) {
                    return None;
                }
                let types = self.type_set(nested, at)?;
                if keyword == Keyword::PropertyNames {
                    // A member's name is a string: the schema is read as a string's keywords
                    // (one of other types the usual warning, ignored), and a `type` that takes
                    // strings says nothing more.
                    if let Some(types) = types
                        && !types.contains(JsonType::String)
                    {
                        self.error(
                            &at.key("type"),
                            format!("a member's name is a string, which `type: {}` refuses: no member could be written; write `false` for an object without members", types.spec_text()),
                        );
                        return None;
                    }
                    let mut inner = self.lower_untyped(nested, at, Some(Types::STRING))?;
                    inner.types = None;
                    inner
                } else {
                    self.lower_untyped(nested, at, types)?
                }
            }
        };
        let Some(typed) = typed else {
            return Some(inner);
        };
        let json_type = match typed.ty {
            Ty::String => Some(JsonType::String),
            Ty::I32 | Ty::I64 => Some(JsonType::Integer),
            Ty::F64 => Some(JsonType::Number),
            Ty::Bool => Some(JsonType::Boolean),
            Ty::Uuid
            | Ty::DateTime
            | Ty::Map
            | Ty::Any
            | Ty::ObjectOr(_)
            | Ty::Named(..)
            | Ty::Array(_) => None,
        };
        let name = keyword.json_name();
        let Some(json_type) = json_type else {
            self.error(
                at,
                format!(
                    "`{name}` is not supported on {} {}: only on {}",
                    typed.what,
                    ty_words(typed.ty),
                    if schema_of_items(keyword) {
                        "items of a string, number or boolean type, or without a `type` on the list"
                    } else {
                        "a string, number or boolean, or without a `type` (any JSON value)"
                    }
                ),
            );
            return None;
        };
        self.check_typed_schema(&inner, at, keyword, json_type, typed)
            .then_some(inner)
    }

    /// Whether every keyword of `inner` (the nested schema of `keyword` at `at`, on a typed
    /// value of `json_type`) applies to that type, and so, in turn, do those of the schemas
    /// inside it that check the value itself (`not`, `if`/`then`/`else`, `allOf`, `anyOf`,
    /// `oneOf`): the derive holds each to the field's type. Each other one is an error at its
    /// pointer.
    fn check_typed_schema(
        &mut self,
        inner: &Keywords,
        at: &Pointer,
        keyword: Keyword,
        json_type: JsonType,
        typed: Typed<'_>,
    ) -> bool {
        let name = keyword.json_name();
        let mut ok = true;
        for (inner_keyword, param) in inner.iter() {
            let inner_at = at.key(inner_keyword.json_name());
            if inner_keyword == Keyword::Type
                || !inner_keyword.applies_to().intersects(Types::of(json_type))
            {
                self.error(
                    &inner_at,
                    format!(
                        "`{}` inside `{name}` does not apply to {}, of type `{}`: {}, `{name}` takes the keywords of {} type only",
                        inner_keyword.json_name(),
                        typed.value,
                        json_type.name(),
                        typed.place,
                        if schema_of_items(keyword) {
                            "the items'"
                        } else {
                            "its"
                        }
                    ),
                );
                ok = false;
                continue;
            }
            // The schemas inside that check the value itself, each in turn (those of the
            // items or members of a value of this type were refused above).
            if schema_of_items(inner_keyword) {
                continue;
            }
            match param {
                m3ter_vocab::Param::Items(nested) => {
                    ok &=
                        self.check_typed_schema(nested, &inner_at, inner_keyword, json_type, typed);
                }
                m3ter_vocab::Param::Schemas(schemas) => {
                    for (index, nested) in schemas.iter().enumerate() {
                        ok &= self.check_typed_schema(
                            nested,
                            &inner_at.index(index),
                            inner_keyword,
                            json_type,
                            typed,
                        );
                    }
                }
                // No schema inside; `patternProperties` and `properties` apply to objects,
                // refused above on a value of one type that compares as JSON.
                m3ter_vocab::Param::Count(_)
                | m3ter_vocab::Param::Number(_)
                | m3ter_vocab::Param::Text(_)
                | m3ter_vocab::Param::Json(_)
                | m3ter_vocab::Param::Format(_)
                | m3ter_vocab::Param::Flag(_)
                | m3ter_vocab::Param::Context(_)
                | m3ter_vocab::Param::Types(_)
                | m3ter_vocab::Param::PatternSchemas(_)
                | m3ter_vocab::Param::MemberSchemas(_) => {}
            }
        }
        ok
    }

    /// `anyOf`/`oneOf` of a schema and a schema that accepts only `null`: that schema, nullable
    /// (OpenAPI 3.0.3's form of a nullable reference, and 3.1's `[…, {"type": "null"}]`).
    fn lower_nullable(
        &mut self,
        schema: &Json,
        at: &Pointer,
        keyword: &str,
        inline_name: &str,
        docs: Docs,
    ) -> Option<(Ty, Keywords, bool, Docs)> {
        let list_at = at.key(keyword);
        let shape = format!(
            "`{keyword}` is supported on a member only as a nullable schema (`[{{\"$ref\": …}}, {{\"type\": \"null\"}}]`); a union of several schemas must be a component schema with a `discriminator`"
        );
        let (Some(Json::Array(list)), None) = (schema.get(keyword), schema.get("discriminator"))
        else {
            self.error(&list_at, shape);
            return None;
        };
        let nulls: Vec<usize> = (0..list.len()).filter(|&i| null_only(&list[i])).collect();
        if list.len() != 2 || nulls.len() != 1 {
            self.error(&list_at, shape);
            return None;
        }
        for (key, _) in schema.members().unwrap_or_default() {
            if key != keyword
                && !ANNOTATIONS.contains(&key.as_str())
                && !key.starts_with("x-")
                && key != OPERATIONS_EXTENSION
                && key != STRICT_EXTENSION
            {
                self.error(
                    &at.key(key),
                    format!(
                        "`{key}` beside `{keyword}` is not supported: put it in the non-null schema"
                    ),
                );
                return None;
            }
        }
        let index = 1 - nulls[0];
        let (ty, keywords, nullable, inner_docs) =
            self.lower_value(&list[index], &list_at.index(index), inline_name)?;
        if nullable {
            self.error(&list_at.index(index), "this schema is nullable already");
            return None;
        }
        Some((
            ty,
            keywords,
            true,
            if docs.is_empty() { inner_docs } else { docs },
        ))
    }

    /// Warns of keywords that do not apply to `type_name`: the vocabulary's table says which
    /// JSON types each value keyword applies to; of the generator's structural keywords,
    /// `properties`, `required` and `additionalProperties` apply to objects and `enum` to
    /// strings.
    fn check_applicable(&mut self, schema: &Json, at: &Pointer, type_name: &str) {
        // An unknown type is reported where the type is read.
        if let Some(ty) = json_type(type_name) {
            self.check_applicable_to(schema, at, Types::of(ty), type_name);
        }
    }

    /// Warns of keywords that apply to none of `types` (written `type_name` in messages), which
    /// JSON Schema ignores (a `minimum` on a string): a keyword of a schema of several types is
    /// kept when it applies to one of them.
    fn check_applicable_to(&mut self, schema: &Json, at: &Pointer, types: Types, type_name: &str) {
        let Some(members) = schema.members() else {
            return;
        };
        for (key, _) in members {
            let applies = match value_keyword(key) {
                Some(keyword) => {
                    keyword.applies_to().intersects(types)
                        // OpenAPI's numeric formats pick a number's Rust type (`lower_value`).
                        || (keyword == Keyword::Format
                            && (types == Types::of(JsonType::Integer)
                                || types == Types::of(JsonType::Number)))
                }
                None => match key.as_str() {
                    "properties" | "required" | "additionalProperties" => {
                        types.contains(JsonType::Object)
                    }
                    // `type`, `$ref`, annotations and extensions apply to any schema; an unknown
                    // keyword is reported by `check_keywords`.
                    _ => true,
                },
            };
            // JSON Schema ignores it for a value of another type: nothing to enforce.
            if !applies {
                self.warn(
                    &at.key(key),
                    format!("`{key}` is ignored: it does not apply to type `{type_name}`"),
                );
            }
        }
    }

    /// Reads the table's count and number keywords that apply to `ty` (`minLength`, `maxItems`,
    /// `minimum`, ...), so that a new keyword of either kind is read without a change here.
    fn read_values(&mut self, schema: &Json, at: &Pointer, types: Types, keywords: &mut Keywords) {
        for keyword in Keyword::value_keywords() {
            let Some(name) = keyword.json_name_opt() else {
                continue;
            };
            let Some(value) = schema.get(name) else {
                continue;
            };
            if !keyword.applies_to().intersects(types) {
                continue; // ignored: a warning of `check_applicable`
            }
            let param = match keyword.param() {
                ParamKind::Count => self.count(value, &at.key(name)).map(ParamValue::Count),
                ParamKind::Number => self.number(value, &at.key(name)).map(ParamValue::Number),
                // `pattern` is read where it is translated and compiled (`lower_string`).
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
                // A string `enum` of a `type: string` schema is a Rust enum (`enum_variants`);
                // any other `enum`, and `const`, is a JSON value kept as JSON text.
                ParamKind::Json if keyword == Keyword::Enum && string_enum(schema) => None,
                // The members of a value without fields (`read_members`); a struct's are its
                // fields.
                ParamKind::Json if keyword == Keyword::RequiredMembers => None,
                ParamKind::Json => self.json_values(keyword, value, &at.key(name)),
                // Read where they decide more than a constraint: `format` (a Rust type or a
                // registry format), `items` (the item type).
                ParamKind::Format | ParamKind::Items => None,
                // Nested schemas: read with the applicators (`read_applicators`).
                ParamKind::Schemas => None,
                // A flag written as a boolean (`uniqueItems`): `false` constrains nothing.
                ParamKind::Flag => match value {
                    Json::Bool(true) => Some(ParamValue::Flag(())),
                    Json::Bool(false) => None,
                    other => {
                        self.error(
                            &at.key(name),
                            format!("must be a boolean, not {}", other.type_name()),
                        );
                        None
                    }
                },
                // Never written as such in a schema: the member keywords come from the parent
                // object.
                ParamKind::Context => None,
                // `type` decides the Rust type, or is set by `lower_untyped`.
                ParamKind::Types => None,
                // Read on a map (`read_pattern_properties`), where its patterns are translated.
                ParamKind::PatternSchemas => None,
                // Read on a value without fields (`read_members`).
                ParamKind::MemberSchemas => None,
            };
            if let Some(param) = param
                && keywords.set(keyword, param).is_err()
            {
                self.error(&at.key(name), "is given twice");
            }
        }
    }

    /// `const`'s value, or `enum`'s array (of at least one value), as JSON text.
    fn json_values(
        &mut self,
        keyword: Keyword,
        value: &Json,
        at: &Pointer,
    ) -> Option<ParamValue<Owned>> {
        if keyword == Keyword::Enum {
            match value {
                Json::Array(values) if values.is_empty() => {
                    self.error(at, "must list at least one value");
                    return None;
                }
                Json::Array(_) => {}
                other => {
                    self.error(at, format!("must be an array, not {}", other.type_name()));
                    return None;
                }
            }
        }
        if keyword == Keyword::DependentRequired && !self.dependent_required_fits(value, at) {
            return None;
        }
        Some(ParamValue::Json(value.to_json_string()))
    }

    /// Whether `dependentRequired`'s value is an object of arrays of distinct strings (JSON
    /// Schema's shape), each mistake an error at its pointer.
    fn dependent_required_fits(&mut self, value: &Json, at: &Pointer) -> bool {
        let Json::Object(members) = value else {
            self.error(at, format!("must be an object, not {}", value.type_name()));
            return false;
        };
        let mut fits = true;
        for (name, required) in members {
            let at = at.key(name);
            let Json::Array(names) = required else {
                self.error(
                    &at,
                    format!(
                        "must be an array of member names, not {}",
                        required.type_name()
                    ),
                );
                fits = false;
                continue;
            };
            for (i, member) in names.iter().enumerate() {
                let at = at.index(i);
                match member {
                    Json::String(_) if names[..i].contains(member) => {
                        self.error(&at, "names a member listed before it: each once");
                        fits = false;
                    }
                    Json::String(_) => {}
                    other => {
                        self.error(
                            &at,
                            format!(
                                "must be a member name (a string), not {}",
                                other.type_name()
                            ),
                        );
                        fits = false;
                    }
                }
            }
        }
        fits
    }

    /// Reports `const`, `enum` and `uniqueItems` on a member whose Rust type could write its
    /// value otherwise than the document has it (a UUID's case, a date-time's form, a struct's
    /// defaults), or that has no JSON equality: the typed and the raw verdicts could differ.
    fn check_value_keywords(&mut self, at: &Pointer, ty: &Ty, keywords: &Keywords) {
        if let Ty::Named(_, true) | Ty::ObjectOr(_) = ty {
            return; // An object with `properties`: reported by `lower_struct`.
        }
        for keyword in [Keyword::Const, Keyword::Enum] {
            if keywords.has(keyword) && !compares_as_json(ty) {
                self.error(
                    &at.key(keyword.json_name()),
                    format!(
                        "`{}` is not supported on a member generated as {}: its typed value may be written otherwise than the document has it",
                        keyword.json_name(),
                        ty_words(ty)
                    ),
                );
            }
        }
        if keywords.has(Keyword::UniqueItems)
            && let Ty::Array(item) = ty
            && !compares_as_json(item)
        {
            self.error(
                &at.key(Keyword::UniqueItems.json_name()),
                format!(
                    "`uniqueItems` is not supported on items generated as {}: their typed values may be written otherwise than the document has them",
                    ty_words(item)
                ),
            );
        }
    }

    /// `pattern`, translated and compiled, into `keywords`.
    fn read_pattern(&mut self, schema: &Json, at: &Pointer, keywords: &mut Keywords) {
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
    }

    fn lower_string(&mut self, schema: &Json, at: &Pointer, keywords: &mut Keywords) -> Option<Ty> {
        self.check_bounds(keywords, at, None);
        self.read_pattern(schema, at, keywords);
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

    /// A `type: number` schema's `format`: none or OpenAPI's `double` (an `f64`, which the
    /// typed and the raw path read alike); `float` and any other are errors. `None` after
    /// reporting one.
    fn number_format(&mut self, schema: &Json, at: &Pointer) -> Option<()> {
        let format_at = at.key(Keyword::Format.json_name());
        match schema.get(Keyword::Format.json_name()) {
            None => Some(()),
            Some(Json::String(f)) if f == "double" => Some(()),
            Some(Json::String(f)) if f == "float" => {
                self.error(
                    &format_at,
                    "`format: float` is not supported: a typed `f32` holds the 32-bit float nearest the document's number, which can pass or fail a check the number itself does not (`0.1234567801` reads as `0.12345678`, `1e39` as infinity), so the typed and the raw verdicts could differ; write `double` (an `f64`, read alike on both paths) or no format",
                );
                None
            }
            Some(Json::String(f)) => {
                self.error(
                    &format_at,
                    format!("unknown number format `{f}`: a number's format must be `double` (`float` is not supported)"),
                );
                None
            }
            Some(other) => {
                self.error(
                    &format_at,
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
    /// JSON Schema's integers include numbers written with a zero fraction (`2.0`); one beyond
    /// 2^53 written so is refused, since its digits were rounded on the way in.
    fn count(&mut self, value: &Json, at: &Pointer) -> Option<u64> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        match value {
            Json::Number(n) if n.as_u64().is_some() => n.as_u64(),
            Json::Number(n)
                if n.as_f64()
                    .is_some_and(|f| f.fract() == 0.0 && (0.0..=EXACT).contains(&f)) =>
            {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                n.as_f64().map(|f| f as u64)
            }
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
        let claimed = self.claimed.len();
        let _checked = self.lower_value(schema, at, CHECK_ONLY);
        self.items.truncate(items);
        for name in self.claimed.drain(claimed..) {
            self.type_names.remove(&name);
        }
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
                if typed && is_json_media(media) {
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

/// The `{name}`s of a path template, in order.
/// Whether `schema` is a `type: "string"` schema whose `enum` lists only strings: a Rust enum.
fn string_enum(schema: &Json) -> bool {
    schema.get("type").and_then(Json::as_str) == Some("string") && enum_of_strings(schema)
}

/// Whether the nested schema of `keyword` applies to each item of a list (`items`, `contains`,
/// `prefixItems`) rather than to the value itself (`not`, `anyOf`, ...) or its members; for the
/// words of [`Lowerer::nested_schema`]'s errors.
fn schema_of_items(keyword: Keyword) -> bool {
    match keyword {
        Keyword::Items | Keyword::Contains | Keyword::PrefixItems => true,
        Keyword::Not
        | Keyword::If
        | Keyword::Then
        | Keyword::Else
        | Keyword::AllOf
        | Keyword::AnyOf
        | Keyword::OneOf
        | Keyword::Properties
        | Keyword::AdditionalProperties
        | Keyword::PropertyNames
        | Keyword::PatternProperties => false,
        // Keywords without a nested schema.
        Keyword::Type
        | Keyword::MinLength
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
        | Keyword::UniqueItems
        | Keyword::MinProperties
        | Keyword::MaxProperties
        | Keyword::DependentRequired
        | Keyword::RequiredMembers
        | Keyword::Const
        | Keyword::Enum
        | Keyword::MinContains
        | Keyword::MaxContains
        | Keyword::Nested
        | Keyword::Required
        | Keyword::Nullable
        | Keyword::Default
        | Keyword::Forbidden => false,
    }
}

/// Whether `schema` has an applicator that constrains something ([`Lowerer::read_applicators`]):
/// `allOf`, `anyOf` or `oneOf`; `not` other than `not: false`; `if` with `then` or `else`.
fn has_applicators(schema: &Json) -> bool {
    let has = |keyword: Keyword| schema.get(keyword.json_name()).is_some();
    has(Keyword::AllOf)
        || has(Keyword::AnyOf)
        || has(Keyword::OneOf)
        || schema
            .get(Keyword::Not.json_name())
            .is_some_and(|not| *not != Json::Bool(false))
        || (has(Keyword::If) && (has(Keyword::Then) || has(Keyword::Else)))
}

/// Whether `schema` says which members its objects have: `properties`, or
/// `additionalProperties: false` (none at all) without another keyword about an object's
/// members (`patternProperties` admits some, the counts and `propertyNames` constrain them: such
/// an object is a map, `false` its `additional_properties(not())`); either is generated as a
/// struct.
fn declares_members(schema: &Json) -> bool {
    const MAP_KEYWORDS: [Keyword; 5] = [
        Keyword::PatternProperties,
        Keyword::PropertyNames,
        Keyword::MinProperties,
        Keyword::MaxProperties,
        Keyword::DependentRequired,
    ];
    schema.get("properties").is_some()
        || (matches!(schema.get("additionalProperties"), Some(Json::Bool(false)))
            && MAP_KEYWORDS
                .iter()
                .all(|k| schema.get(k.json_name()).is_none()))
}

/// Whether the schema's `enum` is an array of strings only (at least one).
fn enum_of_strings(schema: &Json) -> bool {
    matches!(schema.get("enum"), Some(Json::Array(values))
        if !values.is_empty() && values.iter().all(|v| v.as_str().is_some()))
}

/// Whether an `enum`'s JSON text lists `null`.
fn lists_null(text: &str) -> bool {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(values)) => values.contains(&serde_json::Value::Null),
        _ => false,
    }
}

/// Whether `const` or `enum` is set and leaves out `null`.
fn excludes_null(keywords: &Keywords) -> bool {
    keywords.excludes_null(&lists_null)
}

/// Whether `null` satisfies the nested schema `keywords` (`Constraints::null_satisfies`, which
/// the derive asks too).
fn null_satisfies(keywords: &Keywords) -> bool {
    keywords.null_satisfies(&lists_null)
}

/// A typed value a nested schema applies to ([`Lowerer::nested_schema`]), and how messages
/// name it.
#[derive(Clone, Copy)]
struct Typed<'a> {
    /// The value's Rust type.
    ty: &'a Ty,
    /// "a member generated as": what is not supported, before the type in words.
    what: &'static str,
    /// "the member": the value the keywords would not apply to.
    value: &'static str,
    /// "on a member of one type": where the nested schema takes its type's keywords only.
    place: &'static str,
}

/// `minContains` and `maxContains` without `contains` are ignored, as JSON Schema says: they
/// count the items that satisfy it (`schema/README.md` says so).
fn ignore_lone_contains_bounds(schema: &Json, keywords: &mut Keywords) {
    if schema.get(Keyword::Contains.json_name()).is_none() {
        keywords.min_contains = None;
        keywords.max_contains = None;
    }
}

/// Whether a value of `ty` compares as its JSON does (the runtime's `JsonEq`): the JSON types'
/// own Rust types, maps of JSON values, generated string enums (each value its one wire
/// string), and lists of those.
fn compares_as_json(ty: &Ty) -> bool {
    match ty {
        Ty::String
        | Ty::I32
        | Ty::I64
        | Ty::F64
        | Ty::Bool
        | Ty::Map
        | Ty::Any
        | Ty::Named(_, false) => true,
        Ty::Array(item) => compares_as_json(item),
        Ty::Uuid | Ty::DateTime | Ty::Named(_, true) | Ty::ObjectOr(_) => false,
    }
}

/// `ty` in words, for messages.
fn ty_words(ty: &Ty) -> String {
    match ty {
        Ty::Uuid => "a UUID (`format: uuid`)".to_owned(),
        Ty::DateTime => "a date-time (`format: date-time`)".to_owned(),
        Ty::Named(name, _) => format!("the generated type `{name}`"),
        Ty::ObjectOr(name) => {
            format!("any JSON value, an object being the generated type `{name}`")
        }
        Ty::Array(item) => format!("a list of {}", ty_words(item)),
        Ty::String | Ty::I32 | Ty::I64 | Ty::F64 | Ty::Bool | Ty::Map | Ty::Any => {
            "this type".to_owned()
        }
    }
}

/// The `{name}`s of a path template, in order (up to a malformed brace, which
/// [`check_template`] reports).
fn template_names(path: &str) -> Vec<String> {
    template_pieces(path)
        .map_while(Result::ok)
        .filter_map(|piece| match piece {
            Piece::Name(name) => Some(name.to_owned()),
            Piece::Literal(_) => None,
        })
        .collect()
}

/// The Rust field names of an object's properties, in their order: each property's own
/// (`names::field_name`) where no property before it took it, else that name with the first
/// numeric suffix (`_2`, `_3`, …) that no property has (`foo\nbar`, `foo"bar` →
/// `foo_bar`, `foo_bar_2`), serde's `rename` keeping the wire name. With each, the suffix
/// (`"2"`, or empty) for the names of the types generated inside the property.
fn distinct_field_names<'a>(wires: impl Iterator<Item = &'a str> + Clone) -> Vec<(String, String)> {
    // Every property's own name is reserved first, so a later `foo_bar_2` keeps its own.
    let own: HashSet<String> = wires.clone().map(names::field_name).collect();
    let mut taken: HashSet<String> = HashSet::new();
    wires
        .map(|wire| {
            let base = names::field_name(wire);
            if taken.insert(base.clone()) {
                return (base, String::new());
            }
            let (name, n) = (2u64..)
                .map(|n| (format!("{base}_{n}"), n))
                .find(|(name, _)| !own.contains(name) && !taken.contains(name))
                .unwrap_or_else(|| (base.clone(), 0));
            taken.insert(name.clone());
            (name, n.to_string())
        })
        .collect()
}

/// Adds `line` to `docs` as a paragraph of its own: after a blank line, unless it is the first.
fn paragraph(docs: &mut Docs, line: String) {
    if !docs.is_empty() {
        docs.push(String::new());
    }
    docs.push(line);
}

/// Whether a media type is JSON: `application/json` or `application/…+json`, with or
/// without parameters (`; charset=utf-8`).
fn is_json_media(media: &str) -> bool {
    let essence = media
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|subtype| subtype.ends_with("+json"))
}

/// The first JSON media type of a `content` map (see [`is_json_media`]), with its name.
fn json_media(content: &Json) -> Option<(&str, &Json)> {
    content
        .members()?
        .iter()
        .find(|(name, _)| is_json_media(name))
        .map(|(name, media)| (name.as_str(), media))
}

/// A path template's braces: each `{` closed by a `}` before the next `{`, each name not empty
/// (`m3ter_vocab::endpoint::template_pieces`, which the runtime's `render_path` reads with).
fn check_template(path: &str) -> Result<(), String> {
    match template_pieces(path).find_map(Result::err) {
        None => Ok(()),
        Some(error) => Err(format!("the path `{path}` is malformed: {error}")),
    }
}

/// The strongly connected components of a graph given by its edges (`edges[node]`: the
/// targets and where each is written): Tarjan's algorithm with an explicit stack, so a chain
/// of any length neither recurses nor revisits. Returns each node's component number.
pub(crate) fn strongly_connected(edges: &[Vec<(usize, Pointer)>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut next_order = 0;
    let mut next_component = 0;
    // (node, index of its next edge to follow)
    let mut calls: Vec<(usize, usize)> = Vec::new();
    for start in 0..n {
        if order[start] != UNSEEN {
            continue;
        }
        calls.push((start, 0));
        order[start] = next_order;
        low[start] = next_order;
        next_order += 1;
        stack.push(start);
        on_stack[start] = true;
        while let Some(&mut (node, ref mut edge)) = calls.last_mut() {
            if let Some((target, _)) = edges[node].get(*edge) {
                *edge += 1;
                let target = *target;
                if order[target] == UNSEEN {
                    order[target] = next_order;
                    low[target] = next_order;
                    next_order += 1;
                    stack.push(target);
                    on_stack[target] = true;
                    calls.push((target, 0));
                } else if on_stack[target] {
                    low[node] = low[node].min(order[target]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

/// Every edge of the graph `edges` that closes a cycle (both ends in one strongly connected
/// component), with a cycle through it: its pointer and the nodes of the cycle, the edge's
/// target first and last. The cycle is found by one search forward and one backward from a
/// root of the edge's component, so all of them cost one pass over the graph.
fn cycles(edges: &[Vec<(usize, Pointer)>]) -> Vec<(Pointer, Vec<usize>)> {
    let scc = strongly_connected(edges);
    // Per component of the graph: its root, the paths from it (forward) and to it
    // (backward), as parent links.
    let n = edges.len();
    let mut reverse: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (from, targets) in edges.iter().enumerate() {
        for (to, _) in targets {
            reverse[*to].push(from);
        }
    }
    let mut forward_parent: Vec<Option<usize>> = vec![None; n];
    let mut backward_parent: Vec<Option<usize>> = vec![None; n];
    let mut root_of: Vec<Option<usize>> = vec![None; n];
    let mut reached_forward = vec![false; n];
    let mut reached_backward = vec![false; n];
    for root in 0..n {
        if root_of[root].is_some() || !edges[root].iter().any(|(t, _)| scc[*t] == scc[root]) {
            continue;
        }
        for (parents, reached, graph) in [
            (&mut forward_parent, &mut reached_forward, None),
            (&mut backward_parent, &mut reached_backward, Some(&reverse)),
        ] {
            let mut queue = std::collections::VecDeque::from([root]);
            reached[root] = true;
            while let Some(node) = queue.pop_front() {
                root_of[node] = Some(root);
                let next: Vec<usize> = match graph {
                    None => edges[node].iter().map(|(t, _)| *t).collect(),
                    Some(reverse) => reverse[node].clone(),
                };
                for next in next {
                    if scc[next] == scc[root] && !reached[next] {
                        reached[next] = true;
                        parents[next] = Some(node);
                        queue.push_back(next);
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    for (from, targets) in edges.iter().enumerate() {
        for (to, at) in targets {
            if scc[*to] != scc[from] {
                continue;
            }
            // to ⇝ root (backward links), root ⇝ from (forward links), then from → to.
            let mut path: Vec<usize> = Vec::new();
            let mut node = *to;
            path.push(node);
            while let Some(parent) = backward_parent[node] {
                path.push(parent);
                node = parent;
            }
            let mut tail: Vec<usize> = Vec::new();
            let mut node = from;
            while let Some(parent) = forward_parent[node] {
                tail.push(node);
                node = parent;
            }
            path.extend(tail.into_iter().rev());
            path.push(*to);
            found.push((at.clone(), path));
        }
    }
    found
}

/// The `$ref`s of `schema` (a component at `at`) that every object of it must hold: its
/// pointer, with what would end the cycle there (which member to make optional, which bound to
/// relax). A required member holds them when it is a bare reference, a list that must hold an
/// item of that schema (`minItems` past its `prefixItems`, a `prefixItems` entry below
/// `minItems`, a `contains` with `minContains` of at least 1, its default), an object whose
/// required member holds one, or a map whose other members must not all be absent
/// (`minProperties` past its declared members, or `required` naming a member it does not
/// declare). A member that may be absent or `null`, a union's variants and a schema without
/// `type` (which takes other values too) hold none. Each sub-schema is read once.
fn forced_members(schema: &Json, at: &Pointer) -> Vec<(Pointer, String)> {
    let mut found = Vec::new();
    forced_in_object(schema, at, None, &mut Vec::new(), &mut found);
    found
}

/// Whether `schema`'s `type` lets `null` in (`["object", "null"]`).
fn takes_null(schema: &Json) -> bool {
    matches!(schema.get("type"), Some(Json::Array(types)) if types.contains(&Json::String("null".to_owned())))
}

/// A count keyword of `schema` (`minItems`, …) as a number, when it is one.
fn count(schema: &Json, keyword: &str) -> Option<f64> {
    match schema.get(keyword) {
        Some(Json::Number(n)) => n.as_f64(),
        _ => None,
    }
}

/// What every value of `schema` (at `at`, a value that must be present) holds: the reference
/// itself, or what its list or object must hold. `label` names the value in a remedy, and
/// `ways` are the remedies that end the cycle on the way down to it.
fn forced_in(
    schema: &Json,
    at: &Pointer,
    label: &str,
    ways: &mut Vec<String>,
    found: &mut Vec<(Pointer, String)>,
) {
    if takes_null(schema) {
        return;
    }
    if schema.get("$ref").and_then(Json::as_str).is_some() {
        found.push((at.key("$ref"), ways.join(", or ")));
        return;
    }
    match schema.get("type").and_then(Json::as_str) {
        Some("array") => forced_in_list(schema, at, label, ways, found),
        Some("object") => forced_in_object(schema, at, Some(label), ways, found),
        _ => {}
    }
}

/// [`forced_in`] for a list: the `prefixItems` entries below `minItems`, its `items` when
/// `minItems` passes its `prefixItems`, its `contains` when `minContains` (1 without it) is
/// at least 1.
fn forced_in_list(
    schema: &Json,
    at: &Pointer,
    label: &str,
    ways: &mut Vec<String>,
    found: &mut Vec<(Pointer, String)>,
) {
    let min_items = count(schema, "minItems").unwrap_or(0.0);
    let prefix: &[Json] = match schema.get("prefixItems") {
        Some(Json::Array(prefix)) => prefix,
        _ => &[],
    };
    for (i, entry) in prefix.iter().enumerate() {
        // `i` is below `MAX_MEMBERS`, exact as a float.
        if (i as f64) >= min_items {
            break;
        }
        ways.push(format!("relax the `minItems` of {label} to {i}"));
        let entry_label = format!("item {i} of {label}");
        forced_in(
            entry,
            &at.key("prefixItems").index(i),
            &entry_label,
            ways,
            found,
        );
        ways.pop();
    }
    if min_items > prefix.len() as f64
        && let Some(items) = schema.get("items")
    {
        ways.push(format!(
            "relax the `minItems` of {label} to {}",
            prefix.len()
        ));
        let items_label = format!("the items of {label}");
        forced_in(items, &at.key("items"), &items_label, ways, found);
        ways.pop();
    }
    if count(schema, "minContains").unwrap_or(1.0) >= 1.0
        && let Some(contains) = schema.get("contains")
    {
        ways.push(format!("set the `minContains` of {label} to 0"));
        let contains_label = format!("the `contains` of {label}");
        forced_in(contains, &at.key("contains"), &contains_label, ways, found);
        ways.pop();
    }
}

/// [`forced_in`] for an object (`label` `None` for the component itself): its required
/// members, and its other members' schema (`additionalProperties`) when `required` names a
/// member it does not declare or `minProperties` passes its declared members (and no
/// `patternProperties` may take them instead).
fn forced_in_object(
    schema: &Json,
    at: &Pointer,
    label: Option<&str>,
    ways: &mut Vec<String>,
    found: &mut Vec<(Pointer, String)>,
) {
    let properties = schema
        .get("properties")
        .and_then(Json::members)
        .unwrap_or_default();
    let declared: HashMap<&str, &Json> = properties.iter().map(|(n, s)| (n.as_str(), s)).collect();
    let required: Vec<&str> = match schema.get("required") {
        Some(Json::Array(names)) => names.iter().filter_map(Json::as_str).collect(),
        _ => Vec::new(),
    };
    let of = |name: &str| match label {
        None => format!("`{name}`"),
        Some(label) => format!("`{name}` of {label}"),
    };
    // A name twice in `required` is read once.
    let mut seen: HashSet<&str> = HashSet::new();
    let mut undeclared: Vec<String> = Vec::new();
    for &name in &required {
        if !seen.insert(name) {
            continue;
        }
        match declared.get(name) {
            Some(member) => {
                let member_label = of(name);
                ways.push(format!("make {member_label} optional or nullable"));
                let member_at = at.key("properties").key(name);
                forced_in(member, &member_at, &member_label, ways, found);
                ways.pop();
            }
            None => undeclared.push(of(name)),
        }
    }
    let Some(others) = schema.get("additionalProperties") else {
        return;
    };
    if schema.get("patternProperties").is_some() {
        return;
    }
    let mut must = Vec::new();
    if !undeclared.is_empty() {
        must.push(format!("make {} optional", undeclared.join(" and ")));
    }
    let min_properties = count(schema, "minProperties").unwrap_or(0.0);
    if min_properties > properties.len() as f64 {
        let whose = label.map_or_else(String::new, |label| format!(" of {label}"));
        must.push(format!(
            "relax the `minProperties`{whose} to {}",
            properties.len()
        ));
    }
    if must.is_empty() {
        return;
    }
    ways.push(must.join(" and "));
    let others_label = match label {
        None => "the other members".to_owned(),
        Some(label) => format!("the other members of {label}"),
    };
    forced_in(
        others,
        &at.key("additionalProperties"),
        &others_label,
        ways,
        found,
    );
    ways.pop();
}

/// A cycle's names joined by arrows, the middle elided when it is long (a message stays short
/// however long the cycle is).
fn shown_path(names: Vec<&str>) -> String {
    const SHOWN: usize = 4;
    if names.len() <= 2 * SHOWN + 1 {
        return names.join(" → ");
    }
    format!(
        "{} → … {} more … → {}",
        names[..SHOWN].join(" → "),
        names.len() - 2 * SHOWN,
        names[names.len() - SHOWN..].join(" → ")
    )
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

/// Checks a pattern: it is ECMA-262 that the vocabulary translates into the `regex` crate's
/// syntax with the same meaning (the translation the derive checks and the runtime matches
/// with), and the translation compiles.
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    let translated = pattern::translate(pattern).map_err(|e| format!("the pattern {e}"))?;
    regex::Regex::new(translated.as_str())
        .map(|_| ())
        .map_err(|e| format!("the pattern's translation `{translated}` does not compile: {e}"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn spec(schemas: &str) -> String {
        format!(
            r#"{{"openapi": "3.1.0", "info": {{"title": "t", "version": "1"}}, "paths": {{}}, "components": {{"schemas": {{{schemas}}}}}}}"#
        )
    }

    #[test]
    fn a_cycle_no_document_satisfies_is_an_error_at_each_reference_saying_why() {
        let errors = crate::codegen::generate(
            &spec(
                r##""A": {"type": "object", "required": ["b"], "properties": {"b": {"$ref": "#/components/schemas/B"}}},
                "B": {"type": "object", "required": ["a"], "properties": {"a": {"$ref": "#/components/schemas/A"}, "n": {"$ref": "#/components/schemas/N"}}},
                "N": {"type": "object", "properties": {"n": {"$ref": "#/components/schemas/N"}}}"##,
            ),
            "t.json",
        )
        .unwrap_err();
        let found: Vec<(String, String)> =
            errors.into_iter().map(|e| (e.pointer, e.message)).collect();
        let why = "that no finite document satisfies: every link on it is a required member that must hold an object of the next type, so each object would contain another without end (the types would contain themselves); to end it here,";
        assert_eq!(
            found,
            [
                (
                    "/components/schemas/A/properties/b/$ref".to_owned(),
                    format!("`$ref` cycle (B → A → B) {why} make `b` optional or nullable")
                ),
                (
                    "/components/schemas/B/properties/a/$ref".to_owned(),
                    format!("`$ref` cycle (A → B → A) {why} make `a` optional or nullable")
                ),
            ]
        );
    }

    /// The forced references of a component schema, as (pointer below `/components/schemas/S`,
    /// remedy).
    fn forced_of(schema: &str) -> Vec<(String, String)> {
        let schema = Json::parse(schema).unwrap();
        let at = schemas_pointer().key("S");
        forced_members(&schema, &at)
            .into_iter()
            .map(|(p, remedy)| {
                let p = p.to_string();
                (p["/components/schemas/S".len()..].to_owned(), remedy)
            })
            .collect()
    }

    #[test]
    fn forced_members_are_the_references_a_required_member_must_hold() {
        let found = forced_of(
            r##"{"type": "object", "required": ["a", "b", "c", "d", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "a"], "properties": {
                "a": {"$ref": "#/components/schemas/X"},
                "b": {"type": "array", "items": {"$ref": "#/components/schemas/X"}},
                "c": {"anyOf": [{"$ref": "#/components/schemas/X"}, {"type": "null"}]},
                "d": {"$ref": "#/components/schemas/X", "type": ["object", "null"]},
                "e": {"$ref": "#/components/schemas/X"},
                "f": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/X"}},
                "g": {"type": ["array", "null"], "minItems": 1, "items": {"$ref": "#/components/schemas/X"}},
                "h": {"type": "array", "minItems": 2, "prefixItems": [{"$ref": "#/components/schemas/X"}, {"type": "string"}, {"$ref": "#/components/schemas/X"}], "items": {"$ref": "#/components/schemas/X"}},
                "i": {"type": "array", "contains": {"$ref": "#/components/schemas/X"}},
                "j": {"type": "array", "contains": {"$ref": "#/components/schemas/X"}, "minContains": 0},
                "k": {"type": "object", "minProperties": 1, "additionalProperties": {"$ref": "#/components/schemas/X"}},
                "l": {"type": "object", "required": ["p", "q"], "properties": {"q": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/X"}}}, "additionalProperties": {"$ref": "#/components/schemas/X"}},
                "m": {"type": "object", "minProperties": 1, "patternProperties": {"^x": {}}, "additionalProperties": {"$ref": "#/components/schemas/X"}},
                "n": {"type": "object", "minProperties": 1, "properties": {"z": {"type": "string"}}, "additionalProperties": {"$ref": "#/components/schemas/X"}},
                "o": {"minItems": 1, "items": {"$ref": "#/components/schemas/X"}}
            }}"##,
        );
        let found: Vec<(&str, &str)> = found
            .iter()
            .map(|(p, r)| (p.as_str(), r.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("/properties/a/$ref", "make `a` optional or nullable"),
                (
                    "/properties/f/items/$ref",
                    "make `f` optional or nullable, or relax the `minItems` of `f` to 0"
                ),
                (
                    "/properties/h/prefixItems/0/$ref",
                    "make `h` optional or nullable, or relax the `minItems` of `h` to 0"
                ),
                (
                    "/properties/i/contains/$ref",
                    "make `i` optional or nullable, or set the `minContains` of `i` to 0"
                ),
                (
                    "/properties/k/additionalProperties/$ref",
                    "make `k` optional or nullable, or relax the `minProperties` of `k` to 0"
                ),
                (
                    "/properties/l/properties/q/items/$ref",
                    "make `l` optional or nullable, or make `q` of `l` optional or nullable, or relax the `minItems` of `q` of `l` to 0"
                ),
                (
                    "/properties/l/additionalProperties/$ref",
                    "make `l` optional or nullable, or make `p` of `l` optional"
                ),
            ]
        );
    }

    #[test]
    fn a_list_or_map_that_must_hold_its_own_type_is_a_cycle_no_document_satisfies() {
        let errors = crate::codegen::generate(
            &spec(
                r##""Node": {"type": "object", "required": ["children"], "properties": {"children": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/Node"}}}},
                "Dir": {"type": "object", "required": ["entries"], "properties": {"entries": {"type": "object", "minProperties": 1, "additionalProperties": {"$ref": "#/components/schemas/Dir"}}}},
                "Tree": {"type": "object", "required": ["kids"], "properties": {"kids": {"type": "array", "contains": {"$ref": "#/components/schemas/Tree"}, "minContains": 2}}},
                "Leafy": {"type": "object", "required": ["kids"], "properties": {"kids": {"type": "array", "contains": {"$ref": "#/components/schemas/Leafy"}, "minContains": 0}}}"##,
            ),
            "t.json",
        )
        .unwrap_err();
        let found: Vec<(String, String)> =
            errors.into_iter().map(|e| (e.pointer, e.message)).collect();
        let why = "that no finite document satisfies: every link on it is a required member that must hold an object of the next type, so each object would contain another without end (the types would contain themselves); to end it here,";
        let refused = "`$ref` is not supported on a schema without a `type` (it becomes any JSON value, a `serde_json::Value`, checked by value keywords only): give the schema one type";
        assert_eq!(
            found,
            [
                (
                    "/components/schemas/Node/properties/children/items/$ref".to_owned(),
                    format!(
                        "`$ref` cycle (Node → Node) {why} make `children` optional or nullable, or relax the `minItems` of `children` to 0"
                    )
                ),
                (
                    "/components/schemas/Dir/properties/entries/additionalProperties/$ref"
                        .to_owned(),
                    format!(
                        "`$ref` cycle (Dir → Dir) {why} make `entries` optional or nullable, or relax the `minProperties` of `entries` to 0"
                    )
                ),
                (
                    "/components/schemas/Tree/properties/kids/contains/$ref".to_owned(),
                    format!(
                        "`$ref` cycle (Tree → Tree) {why} make `kids` optional or nullable, or set the `minContains` of `kids` to 0"
                    )
                ),
                // A map's values and `contains` are read as a value's keywords, which refuse a
                // `$ref` of their own, cycle or not (`Leafy`'s `minContains: 0` ends its cycle).
                (
                    "/components/schemas/Dir/properties/entries/additionalProperties/$ref"
                        .to_owned(),
                    refused.to_owned()
                ),
                (
                    "/components/schemas/Tree/properties/kids/contains/$ref".to_owned(),
                    refused.to_owned()
                ),
                (
                    "/components/schemas/Leafy/properties/kids/contains/$ref".to_owned(),
                    refused.to_owned()
                ),
            ]
        );
    }

    #[test]
    fn cycles_gives_each_edge_on_a_cycle_with_a_cycle_through_it() {
        let p = |s: &str| Pointer::root().key(s);
        // 0 → 1 → 2 → 0, 2 → 3 (not on a cycle), 3 → 3.
        let edges = vec![
            vec![(1, p("a"))],
            vec![(2, p("b"))],
            vec![(0, p("c")), (3, p("d"))],
            vec![(3, p("e"))],
        ];
        let found: Vec<(String, Vec<usize>)> = cycles(&edges)
            .into_iter()
            .map(|(at, path)| (at.to_string(), path))
            .collect();
        assert_eq!(
            found,
            [
                ("/a".to_owned(), vec![1, 2, 0, 1]),
                ("/b".to_owned(), vec![2, 0, 1, 2]),
                ("/c".to_owned(), vec![0, 1, 2, 0]),
                ("/e".to_owned(), vec![3, 3]),
            ]
        );
    }
}
