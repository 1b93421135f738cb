//! Normalization: the document as its author wrote it (OpenAPI 3.0.x or 3.1.x, schemas composed
//! with `allOf`) into the one form the lowering reads (3.1 forms, `allOf` merged: only the
//! parts' keywords that cannot be merged are left in it).
//!
//! - **OpenAPI 3.0.** `nullable: true` beside `type: T` becomes `type: [T, "null"]` (3.0.3's
//!   clarified meaning: other keywords, such as an `enum` without `null`, keep their effect);
//!   `nullable: true` without a sibling `type` has no effect in 3.0.3 and is an error saying what
//!   to write; a boolean `exclusiveMinimum`/`exclusiveMaximum` becomes the 3.1 number form.
//!   `example` is an annotation in both versions.
//! - **`allOf`.** The parts are merged into one schema: `properties` in part order (each part's,
//!   then the schema's own), `required` joined, `additionalProperties: false` anywhere sees the
//!   members of every part, value keywords and extensions taken once. A member declared in two
//!   parts is merged when one part only annotates it, or when one narrows the other's string
//!   `enum` to a subset (m3ter's variants restrict `destinationType` this way); any other
//!   difference is a conflict, an error at the later part's pointer. `allOf` of one `$ref` and
//!   parts that only annotate is that reference, as m3ter writes a documented reference. What
//!   merging would change is kept apart, each part's as a part of its own in the merged
//!   schema's `allOf` (the vocabulary's `all_of`, each part checked on its own): a part's
//!   `anyOf`, `oneOf`, `not`, `if`/`then`/`else`, `prefixItems` with its `items` (and its
//!   `items` where the schema's own `prefixItems` would shorten them), `contains` with
//!   `minContains`/`maxContains` (`split_part`).
//!   A part's `additionalProperties: {schema}` checks the members other parts declare too, each
//!   merged with it (`constrain_others`); a pattern of another part it lacks is an error.
//!
//! The output keeps the input's member order, so the generated code follows the document.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::error::CodegenError;
use super::json::Json;
use super::pointer::Pointer;

/// Keywords that only annotate a schema: a part made of these (and extensions) adds nothing to
/// check; the lowering allows them everywhere, also beside `$ref`.
pub const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "example",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "default",
    // JSON Schema 2020-12's comment and content vocabulary (annotations there: a string's
    // encoding, media type and decoded content's schema are not asserted), OpenAPI's
    // documentation and XML hints.
    "$comment",
    "contentEncoding",
    "contentMediaType",
    "contentSchema",
    "externalDocs",
    "xml",
];

const SCHEMA_REF_PREFIX: &str = "#/components/schemas/";

/// The most `allOf` references followed one inside another (`A` has `allOf: [B]`, `B` has
/// `allOf: [C]`, ...): merging recurses along them, so a deeper chain is an error.
pub const MAX_ALL_OF_DEPTH: usize = 64;

/// Which OpenAPI version the document declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// 3.0.x: `nullable`, boolean exclusive bounds.
    V30,
    /// 3.1.x: JSON Schema 2020-12 forms.
    V31,
}

/// The document in the lowering's form, or every error found.
pub fn normalize(doc: &Json) -> Result<Json, Vec<CodegenError>> {
    normalize_with_origins(doc).map(|(doc, _)| doc)
}

/// Where a member of a merged schema was declared: pointer in the normalized document →
/// pointer in the input, so that an error found in a merged member names the place its author
/// wrote it ([`Origins::source`]).
#[derive(Debug, Default)]
pub struct Origins(HashMap<String, String>);

impl Origins {
    /// Records that what is at `merged` in the normalized document was declared at `source`
    /// (the first record of a place stands).
    pub fn record(&mut self, merged: String, source: String) {
        self.0.entry(merged).or_insert(source);
    }

    /// Records that what is at `merged` now comes from `source` (`None`: from the place
    /// itself), whatever was recorded before: a later part's declaration took its place.
    pub fn replace(&mut self, merged: String, source: Option<String>) {
        match source {
            Some(source) => self.0.insert(merged, source),
            None => self.0.remove(&merged),
        };
    }

    /// The input's pointer for `pointer` of the normalized document: the declaration a merged
    /// member came from (followed through nested merges), else `pointer` itself. Each step
    /// looks up the pointer's longest recorded prefix (whole reference tokens), so a lookup
    /// costs the pointer's depth, not the number of records.
    pub fn source(&self, pointer: &str) -> String {
        let mut current = pointer.to_owned();
        // Each step moves into a part that was merged; a chain is at most as long as the map.
        for _ in 0..=self.0.len() {
            let cuts = current
                .char_indices()
                .filter(|&(_, c)| c == '/')
                .map(|(i, _)| i)
                .chain([current.len()]);
            let mut cuts: Vec<usize> = cuts.collect();
            cuts.reverse();
            let step = cuts.into_iter().find_map(|cut| {
                let source = self.0.get(&current[..cut])?;
                Some(format!("{source}{}", &current[cut..]))
            });
            match step {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        current
    }

    /// `errors` with each pointer moved to its declaration ([`Origins::source`]).
    pub fn remap(&self, errors: Vec<CodegenError>) -> Vec<CodegenError> {
        let mut seen: HashSet<CodegenError> = HashSet::new();
        errors
            .into_iter()
            .map(|mut error| {
                error.pointer = self.source(&error.pointer);
                error
            })
            // A member merged into several schemas reports its error once.
            .filter(|error| seen.insert(error.clone()))
            .collect()
    }
}

/// [`normalize`], with where each merged member was declared.
pub fn normalize_with_origins(doc: &Json) -> Result<(Json, Origins), Vec<CodegenError>> {
    let root = Pointer::root();
    let version = match doc.get("openapi").and_then(Json::as_str) {
        Some(v) if v.starts_with("3.0.") => Version::V30,
        Some(v) if v.starts_with("3.1.") => Version::V31,
        Some(v) => {
            return Err(vec![CodegenError::new(
                &root.key("openapi"),
                format!("OpenAPI {v} is not supported; write 3.0.x or 3.1.x"),
            )]);
        }
        None => {
            return Err(vec![CodegenError::new(
                &root.key("openapi"),
                "missing `openapi` (\"3.0.x\" or \"3.1.x\")",
            )]);
        }
    };
    let mut normalizer = Normalizer {
        errors: Vec::new(),
        version,
    };
    // First every schema in its 3.1 form, so that merged parts are read in that form.
    let mut doc = doc.clone();
    if version == Version::V30 {
        for_each_schema(&mut doc, &mut |schema, at| {
            normalizer.rewrite_30(schema, at)
        });
    }
    // Then `allOf`, with `$ref` parts read from the converted components (a copy of them
    // alone, as the document is rewritten in place).
    let schemas: Vec<(String, Json)> = doc
        .get("components")
        .and_then(|c| c.get("schemas"))
        .and_then(Json::members)
        .map(<[_]>::to_vec)
        .unwrap_or_default();
    let mut merger = Merger {
        schemas: schemas.iter().map(|(n, s)| (n.as_str(), s)).collect(),
        errors: &mut normalizer.errors,
        reported: HashSet::new(),
        stack: Vec::new(),
        merged_components: HashMap::new(),
        origins: Origins::default(),
    };
    for_each_schema(&mut doc, &mut |schema, at| merger.merge_tree(schema, at));
    let origins = std::mem::take(&mut merger.origins);
    if normalizer.errors.is_empty() {
        Ok((doc, origins))
    } else {
        Err(normalizer.errors)
    }
}

struct Normalizer {
    errors: Vec<CodegenError>,
    version: Version,
}

impl Normalizer {
    /// Rewrites one schema (not its children: [`for_each_schema`] visits those) from 3.0 to
    /// 3.1 forms.
    fn rewrite_30(&mut self, schema: &mut Json, at: &Pointer) {
        debug_assert_eq!(self.version, Version::V30);
        let Json::Object(members) = schema else {
            return;
        };
        if let Some(position) = members.iter().position(|(k, _)| k == "nullable") {
            match &members[position].1 {
                Json::Bool(false) => {
                    members.remove(position);
                }
                Json::Bool(true) => {
                    let type_position = members.iter().position(|(k, _)| k == "type");
                    match type_position.map(|p| &members[p].1) {
                        Some(Json::String(t)) => {
                            let t = t.clone();
                            let p = type_position.unwrap_or_default();
                            members[p].1 =
                                Json::Array(vec![Json::String(t), Json::String("null".into())]);
                            members.remove(position);
                        }
                        _ => self.errors.push(CodegenError::new(
                            &at.key("nullable"),
                            "`nullable: true` has no effect without a `type` beside it (OpenAPI 3.0.3): \
                             write `type` here, or for a nullable reference \
                             `anyOf: [{\"$ref\": …}, {\"type\": \"string\", \"nullable\": true, \"enum\": [null]}]`",
                        )),
                    }
                }
                other => {
                    let message = format!("must be a boolean, not {}", other.type_name());
                    self.errors
                        .push(CodegenError::new(&at.key("nullable"), message));
                }
            }
        }
        for (exclusive, bound) in [
            ("exclusiveMinimum", "minimum"),
            ("exclusiveMaximum", "maximum"),
        ] {
            let Some(position) = members.iter().position(|(k, _)| k == exclusive) else {
                continue;
            };
            match members[position].1 {
                Json::Bool(false) => {
                    members.remove(position);
                }
                Json::Bool(true) => match members.iter().position(|(k, _)| k == bound) {
                    Some(bound_position) => {
                        let value = members[bound_position].1.clone();
                        members[position].1 = value;
                        members.remove(bound_position);
                    }
                    None => self.errors.push(CodegenError::new(
                        &at.key(exclusive),
                        format!("`{exclusive}: true` needs `{bound}` beside it (OpenAPI 3.0)"),
                    )),
                },
                // A number is the 3.1 form, which 3.0 does not have: the lowering reads it.
                _ => {}
            }
        }
    }
}

/// Calls `f` on every schema of the document, parents before children, each with its
/// pointer: component schemas, and the schemas of parameters, headers, request bodies and
/// responses, wherever they are.
fn for_each_schema(doc: &mut Json, f: &mut dyn FnMut(&mut Json, &Pointer)) {
    let root = Pointer::root();
    if let Some(paths) = member_mut(doc, "paths") {
        for_each_member(paths, &root.key("paths"), &mut |item, at| {
            visit_path_item(item, at, f);
        });
    }
    if let Some(components) = member_mut(doc, "components") {
        let at = root.key("components");
        if let Some(schemas) = member_mut(components, "schemas") {
            for_each_member(schemas, &at.key("schemas"), &mut |schema, at| {
                visit_schema(schema, at, f);
            });
        }
        for (kind, visit) in [
            (
                "parameters",
                visit_parameter as fn(&mut Json, &Pointer, &mut dyn FnMut(&mut Json, &Pointer)),
            ),
            ("headers", visit_parameter),
            ("responses", visit_response),
            ("requestBodies", visit_response),
        ] {
            if let Some(entries) = member_mut(components, kind) {
                for_each_member(entries, &at.key(kind), &mut |entry, at| visit(entry, at, f));
            }
        }
    }
}

fn member_mut<'j>(value: &'j mut Json, key: &str) -> Option<&'j mut Json> {
    match value {
        Json::Object(members) => members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn for_each_member(value: &mut Json, at: &Pointer, f: &mut dyn FnMut(&mut Json, &Pointer)) {
    if let Json::Object(members) = value {
        for (key, member) in members {
            f(member, &at.key(key));
        }
    }
}

fn for_each_item(value: &mut Json, at: &Pointer, f: &mut dyn FnMut(&mut Json, &Pointer)) {
    if let Json::Array(items) = value {
        for (i, item) in items.iter_mut().enumerate() {
            f(item, &at.index(i));
        }
    }
}

fn visit_path_item(item: &mut Json, at: &Pointer, f: &mut dyn FnMut(&mut Json, &Pointer)) {
    let Json::Object(members) = item else {
        return;
    };
    for (key, value) in members {
        let at = at.key(key);
        if key == "parameters" {
            for_each_item(value, &at, &mut |p, at| visit_parameter(p, at, f));
        } else if matches!(
            key.as_str(),
            "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace"
        ) {
            visit_operation(value, &at, f);
        }
    }
}

fn visit_operation(operation: &mut Json, at: &Pointer, f: &mut dyn FnMut(&mut Json, &Pointer)) {
    let Json::Object(members) = operation else {
        return;
    };
    for (key, value) in members {
        let at = at.key(key);
        match key.as_str() {
            "parameters" => for_each_item(value, &at, &mut |p, at| visit_parameter(p, at, f)),
            "requestBody" => visit_response(value, &at, f),
            "responses" => for_each_member(value, &at, &mut |r, at| visit_response(r, at, f)),
            _ => {}
        }
    }
}

/// A parameter or header: its `schema`, or the schemas of its `content`.
fn visit_parameter(parameter: &mut Json, at: &Pointer, f: &mut dyn FnMut(&mut Json, &Pointer)) {
    if let Some(schema) = member_mut(parameter, "schema") {
        visit_schema(schema, &at.key("schema"), f);
    }
    if let Some(content) = member_mut(parameter, "content") {
        visit_content(content, &at.key("content"), f);
    }
}

/// A response or request body: its headers and the schemas of its `content`.
fn visit_response(response: &mut Json, at: &Pointer, f: &mut dyn FnMut(&mut Json, &Pointer)) {
    if let Some(headers) = member_mut(response, "headers") {
        for_each_member(headers, &at.key("headers"), &mut |h, at| {
            visit_parameter(h, at, f);
        });
    }
    if let Some(content) = member_mut(response, "content") {
        visit_content(content, &at.key("content"), f);
    }
}

fn visit_content(content: &mut Json, at: &Pointer, f: &mut dyn FnMut(&mut Json, &Pointer)) {
    for_each_member(content, at, &mut |media, at| {
        if let Some(schema) = member_mut(media, "schema") {
            visit_schema(schema, &at.key("schema"), f);
        }
    });
}

/// `schema`, then every schema inside it.
fn visit_schema(schema: &mut Json, at: &Pointer, f: &mut dyn FnMut(&mut Json, &Pointer)) {
    f(schema, at);
    let Json::Object(members) = schema else {
        return;
    };
    for (key, value) in members {
        let at = at.key(key);
        match key.as_str() {
            "properties" | "patternProperties" | "$defs" | "dependentSchemas" => {
                for_each_member(value, &at, &mut |s, at| visit_schema(s, at, f));
            }
            "items"
            | "additionalProperties"
            | "not"
            | "if"
            | "then"
            | "else"
            | "contains"
            | "propertyNames" => visit_schema(value, &at, f),
            "allOf" | "anyOf" | "oneOf" | "prefixItems" => {
                for_each_item(value, &at, &mut |s, at| visit_schema(s, at, f));
            }
            _ => {}
        }
    }
}

/// Whether a schema only annotates: every member an annotation or an extension.
fn annotation_only(schema: &Json) -> bool {
    schema.members().is_some_and(|members| {
        members
            .iter()
            .all(|(k, _)| ANNOTATIONS.contains(&k.as_str()) || k.starts_with("x-"))
    })
}

struct Merger<'a> {
    /// The component schemas in their 3.1 form, by name: `$ref` parts are read from here.
    schemas: HashMap<&'a str, &'a Json>,
    errors: &'a mut Vec<CodegenError>,
    /// The errors reported, each once.
    reported: HashSet<CodegenError>,
    /// The components being merged, to report a cycle instead of recursing forever.
    stack: Vec<String>,
    /// Each component merged once (`None`: it could not be), however many parts name it.
    merged_components: HashMap<String, Option<Json>>,
    /// Where each merged member was declared (see [`Origins`]).
    origins: Origins,
}

impl Merger<'_> {
    fn error(&mut self, at: &Pointer, message: impl Into<String>) {
        let error = CodegenError::new(at, message);
        if self.reported.insert(error.clone()) {
            self.errors.push(error);
        }
    }

    /// Replaces `schema`'s `allOf` by the merge of its parts (children are visited after, so
    /// the merged members are merged in turn).
    fn merge_tree(&mut self, schema: &mut Json, at: &Pointer) {
        if schema.get("allOf").is_some() {
            *schema = self.merged(schema, at);
        }
    }

    /// The component schema `name`, with its own `allOf` merged; `None` after an error.
    fn component(&mut self, reference: &str, at: &Pointer) -> Option<Json> {
        let Some(name) = reference.strip_prefix(SCHEMA_REF_PREFIX) else {
            self.error(
                at,
                format!(
                    "`{reference}`: an `allOf` part may only refer to `{SCHEMA_REF_PREFIX}...`"
                ),
            );
            return None;
        };
        let Some(&schema) = self.schemas.get(name) else {
            self.error(at, format!("`{reference}` does not exist"));
            return None;
        };
        if let Some(merged) = self.merged_components.get(name) {
            return merged.clone();
        }
        if self.stack.iter().any(|n| n == name) {
            let cycle = format!("{} → {name}", self.stack.join(" → "));
            self.error(
                at,
                format!("`allOf` cycle ({cycle}): the schema would contain itself"),
            );
            return None;
        }
        if self.stack.len() >= MAX_ALL_OF_DEPTH {
            self.error(
                at,
                format!("`allOf` references nested deeper than {MAX_ALL_OF_DEPTH} (the generator's limit): `{}` → … → `{name}`", self.stack[0]),
            );
            return None;
        }
        self.stack.push(name.to_owned());
        let component_at = Pointer::root().key("components").key("schemas").key(name);
        let merged = if schema.get("allOf").is_some() {
            self.merged(schema, &component_at)
        } else {
            schema.clone()
        };
        self.stack.pop();
        self.merged_components
            .insert(name.to_owned(), Some(merged.clone()));
        Some(merged)
    }

    /// `schema` (which has `allOf`) as one schema.
    fn merged(&mut self, schema: &Json, at: &Pointer) -> Json {
        let all_of_at = at.key("allOf");
        let Some(Json::Array(parts)) = schema.get("allOf") else {
            self.error(&all_of_at, "must be an array of schemas");
            return schema.clone();
        };
        if parts.is_empty() {
            self.error(&all_of_at, "must list at least one schema");
            return schema.clone();
        }
        let own: Vec<(String, Json)> = schema
            .members()
            .unwrap_or_default()
            .iter()
            .filter(|(k, _)| k != "allOf")
            .cloned()
            .collect();
        // `allOf: [{$ref}, annotations…]` beside annotations only: the reference, documented.
        let refs: Vec<usize> = (0..parts.len())
            .filter(|&i| parts[i].get("$ref").is_some())
            .collect();
        let others_annotate = (0..parts.len())
            .filter(|i| !refs.contains(i))
            .all(|i| annotation_only(&parts[i]));
        let own_annotates = own
            .iter()
            .all(|(k, _)| ANNOTATIONS.contains(&k.as_str()) || k.starts_with("x-"));
        if refs.len() == 1 && others_annotate && own_annotates {
            let reference = &parts[refs[0]];
            if reference.members().is_some_and(|m| m.len() == 1) {
                let mut out = vec![(
                    "$ref".to_owned(),
                    reference.get("$ref").cloned().unwrap_or(Json::Null),
                )];
                self.annotate(&mut out, &own, parts);
                return Json::Object(out);
            }
        }
        let mut out: Vec<(String, Json)> = Vec::new();
        // The parts' keywords that merging would change, each part's kept as a part of its
        // own (the `allOf` of the merged schema, the vocabulary's `all_of`).
        let mut kept: Vec<Json> = Vec::new();
        let own_prefix = own.iter().any(|(k, _)| k == "prefixItems");
        // What each source (the parts, then the schema itself) says of an object's members:
        // JSON Schema's `additionalProperties` sees only the `properties` and
        // `patternProperties` beside it, the merged one would see every part's.
        let mut sources: Vec<Members> = Vec::new();
        let mut note = |source: &Json, at: &Pointer| sources.push(Members::of(source, at));
        for (i, part) in parts.iter().enumerate() {
            let part_at = all_of_at.index(i);
            // A referenced part's members are where the component declares them.
            let source_at = part
                .get("$ref")
                .and_then(Json::as_str)
                .and_then(|r| r.strip_prefix(SCHEMA_REF_PREFIX))
                .map_or_else(
                    || part_at.clone(),
                    |name| Pointer::root().key("components").key("schemas").key(name),
                );
            let resolved = match part.get("$ref") {
                Some(reference) => {
                    let extra: Vec<&String> = part
                        .members()
                        .unwrap_or_default()
                        .iter()
                        .map(|(k, _)| k)
                        .filter(|k| *k != "$ref" && !ANNOTATIONS.contains(&k.as_str()))
                        .collect();
                    if let Some(key) = extra.first() {
                        self.error(&part_at.key(key), format!("`{key}` beside `$ref` in an `allOf` part is not supported: add it as a part of its own"));
                    }
                    let Some(reference) = reference.as_str() else {
                        self.error(&part_at.key("$ref"), "must be a string");
                        continue;
                    };
                    match self.component(reference, &part_at.key("$ref")) {
                        Some(schema) => schema,
                        None => continue,
                    }
                }
                // A boolean part: `true` adds nothing; `false` lets nothing pass, which is
                // `not: {}` (the generator's `not()`), whatever the other parts say.
                None if *part == Json::Bool(true) => continue,
                None if *part == Json::Bool(false) => {
                    out.retain(|(k, _)| k != "not");
                    out.push(("not".to_owned(), Json::Object(Vec::new())));
                    continue;
                }
                None if part.get("allOf").is_some() => self.merged(part, &part_at),
                None if part.members().is_some() => part.clone(),
                None => {
                    self.error(
                        &part_at,
                        format!(
                            "an `allOf` part must be a schema object, not {}",
                            part.type_name()
                        ),
                    );
                    continue;
                }
            };
            let from_ref = part.get("$ref").is_some();
            note(&resolved, &source_at);
            let (mergeable, apart) = split_part(&resolved, own_prefix);
            if !apart.is_empty() {
                self.keep(
                    &mut kept,
                    &all_of_at,
                    Json::Object(apart),
                    source_at.clone(),
                );
            }
            // A part that is itself merged keeps its own parts apart: they are this schema's.
            if let Some(Json::Array(inner)) = resolved.get("allOf") {
                for (j, inner_part) in inner.iter().enumerate() {
                    let source = source_at.key("allOf").index(j);
                    self.keep(&mut kept, &all_of_at, inner_part.clone(), source);
                }
            }
            self.merge_into(&mut out, &mergeable, &source_at, at, from_ref);
        }
        // The schema's own keywords last: its properties after the parts', its annotations
        // over theirs.
        let own_json = Json::Object(own.clone());
        note(&own_json, at);
        // The schema's own `not` beside a `false` part's (`not: {}`): a part of its own.
        let own_json = match own_json.get("not") {
            Some(not) if out.iter().any(|(k, _)| k == "not") => {
                let apart = Json::Object(vec![("not".to_owned(), not.clone())]);
                self.keep(&mut kept, &all_of_at, apart, at.clone());
                Json::Object(own.iter().filter(|(k, _)| k != "not").cloned().collect())
            }
            _ => own_json,
        };
        self.merge_into(&mut out, &own_json, at, at, false);
        for (i, source) in sources.iter().enumerate() {
            let others = sources[..i].iter().chain(&sources[i + 1..]);
            self.constrain_others(&mut out, source, others, at);
        }
        self.annotate(&mut out, &own, parts);
        if !kept.is_empty() {
            out.push(("allOf".to_owned(), Json::Array(kept)));
        }
        Json::Object(out)
    }

    /// Adds `part` to the parts kept apart (`kept`, the merged schema's `allOf` at
    /// `all_of_at`), declared at `source`: an error found in it names that place.
    fn keep(&mut self, kept: &mut Vec<Json>, all_of_at: &Pointer, part: Json, source: Pointer) {
        let here = all_of_at.index(kept.len());
        if here != source {
            self.origins.record(here.to_string(), source.to_string());
        }
        kept.push(part);
    }

    /// Where `source` has a schema for its other members (`additionalProperties: {…}`), says
    /// in the merged schema `out` (at `at`) what JSON Schema says: that schema checks every
    /// member `source` neither declares nor matches by a pattern, the members the other
    /// sources declare among them. Each such merged member becomes the merge of `allOf` of its
    /// schema and that one (by the rules of any `allOf`), so the merged struct checks it by
    /// both; the members no source declares are checked by the merged `additionalProperties`,
    /// which is this schema (a different one in another part is an error of the merge). A
    /// pattern of another source that this one lacks is an error at the schema: the members it
    /// matches are checked by this schema unless one of this source's patterns matches them
    /// too, which the merged schema cannot say (its `additionalProperties` skips every
    /// pattern's members).
    fn constrain_others<'s>(
        &mut self,
        out: &mut [(String, Json)],
        source: &Members,
        others: impl Iterator<Item = &'s Members>,
        at: &Pointer,
    ) {
        let Some((schema, schema_at)) = &source.others else {
            return;
        };
        let mut foreign = None;
        for other in others {
            if let Some(pattern) = other.patterns.iter().find(|p| !source.patterns.contains(p)) {
                foreign = Some(pattern.clone());
                break;
            }
        }
        if let Some(pattern) = foreign {
            self.error(
                schema_at,
                format!("a schema for the other members (`additionalProperties`) is not supported where another `allOf` part (or the schema beside `allOf`) declares the pattern {pattern:?} (`patternProperties`) and this schema does not: JSON Schema checks the members that pattern matches by this schema too, unless a pattern beside it matches them, which the merged schema cannot say; write the patterns beside this `additionalProperties`"),
            );
            return;
        }
        let Some((_, Json::Object(members))) = out.iter_mut().find(|(k, _)| k == "properties")
        else {
            return;
        };
        // Each compiled once; one that does not translate or compile matches nothing here
        // (it is an error where the object is lowered).
        let patterns: Vec<regex::Regex> = source
            .patterns
            .iter()
            .filter_map(|pattern| {
                let translated = m3ter_vocab::pattern::translate(pattern).ok()?;
                regex::Regex::new(translated.as_str()).ok()
            })
            .collect();
        for (name, member) in members.iter_mut() {
            let exempt = source.names.contains(name)
                || patterns.iter().any(|pattern| pattern.is_match(name));
            if exempt || member == schema {
                continue;
            }
            let here = at.key("properties").key(name);
            let declared = self.origins.source(&here.to_string());
            let parts = here.key("allOf");
            self.origins.record(parts.index(0).to_string(), declared);
            self.origins
                .record(parts.index(1).to_string(), schema_at.to_string());
            let both = Json::Object(vec![(
                "allOf".to_owned(),
                Json::Array(vec![member.clone(), schema.clone()]),
            )]);
            // Merged here, its errors moved to where their keywords are written.
            let before = self.errors.len();
            *member = self.merged(&both, &here);
            for error in &mut self.errors[before..] {
                error.pointer = self.origins.source(&error.pointer);
            }
        }
    }

    /// The merged schema's annotations: the schema's own, else those of its inline parts
    /// (a referenced part's title and description describe that part, not this schema).
    fn annotate(&mut self, out: &mut Vec<(String, Json)>, own: &[(String, Json)], parts: &[Json]) {
        for key in ANNOTATIONS {
            let own_value = own
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .filter(|v| !is_empty_text(v));
            let inline_value = parts
                .iter()
                .filter(|p| p.get("$ref").is_none())
                .filter_map(|p| p.get(key))
                .find(|v| !is_empty_text(v));
            out.retain(|(k, _)| k != key);
            if let Some(value) = own_value.or(inline_value) {
                out.push(((*key).to_owned(), value.clone()));
            }
        }
    }

    /// Merges the keywords of `part` (declared at `at`) into `out`, the schema at `target`.
    fn merge_into(
        &mut self,
        out: &mut Vec<(String, Json)>,
        part: &Json,
        at: &Pointer,
        target: &Pointer,
        from_ref: bool,
    ) {
        for (key, value) in part.members().unwrap_or_default() {
            let key_at = at.key(key);
            if ANNOTATIONS.contains(&key.as_str()) {
                // Annotations are chosen by `annotate`; a referenced part's stay its own.
                if !from_ref && !out.iter().any(|(k, _)| k == key) && !is_empty_text(value) {
                    out.push((key.clone(), value.clone()));
                }
                continue;
            }
            match key.as_str() {
                "properties" => {
                    let Some(properties) = value.members() else {
                        self.error(&key_at, "must be an object");
                        continue;
                    };
                    let index = match out.iter().position(|(k, _)| k == "properties") {
                        Some(i) => i,
                        None => {
                            out.push(("properties".to_owned(), Json::Object(Vec::new())));
                            out.len() - 1
                        }
                    };
                    // The merged members by name, so that each part's member is placed in
                    // constant time.
                    let mut positions: HashMap<String, usize> = match &out[index].1 {
                        Json::Object(merged) => merged
                            .iter()
                            .enumerate()
                            .map(|(i, (n, _))| (n.clone(), i))
                            .collect(),
                        _ => HashMap::new(),
                    };
                    for (name, property) in properties {
                        let property_at = key_at.key(name);
                        let Json::Object(merged) = &mut out[index].1 else {
                            continue;
                        };
                        match positions.get(name).copied() {
                            None => {
                                positions.insert(name.clone(), merged.len());
                                merged.push((name.clone(), property.clone()));
                                if at != target {
                                    let here = target.key("properties").key(name);
                                    self.origins
                                        .record(here.to_string(), property_at.to_string());
                                }
                            }
                            Some(p) => {
                                let existing = merged[p].1.clone();
                                let Some(property) =
                                    self.merge_property(&existing, property, &property_at)
                                else {
                                    continue;
                                };
                                if property != existing {
                                    // This part's declaration won (it narrows the other's):
                                    // an error in it is this part's.
                                    let here = target.key("properties").key(name).to_string();
                                    let source = (at != target).then(|| property_at.to_string());
                                    self.origins.replace(here, source);
                                }
                                if let Json::Object(merged) = &mut out[index].1 {
                                    merged[p].1 = property;
                                }
                            }
                        }
                    }
                }
                "required" => {
                    let Json::Array(names) = value else {
                        self.error(&key_at, "must be an array of property names");
                        continue;
                    };
                    let index = match out.iter().position(|(k, _)| k == "required") {
                        Some(i) => i,
                        None => {
                            out.push(("required".to_owned(), Json::Array(Vec::new())));
                            out.len() - 1
                        }
                    };
                    if let Json::Array(list) = &mut out[index].1 {
                        // Compared by their JSON text (a name is a string; anything else is
                        // reported where `required` is lowered).
                        let mut listed: HashSet<String> =
                            list.iter().map(Json::to_json_string).collect();
                        for name in names {
                            if listed.insert(name.to_json_string()) {
                                list.push(name.clone());
                            }
                        }
                    }
                }
                "additionalProperties" => {
                    // `false` in any part closes the merged object, which has every part's
                    // members.
                    match out.iter().position(|(k, _)| k == key) {
                        None => out.push((key.clone(), value.clone())),
                        Some(i) => {
                            if *value == Json::Bool(false) {
                                out[i].1 = Json::Bool(false);
                            } else if out[i].1 != Json::Bool(false) && out[i].1 != *value {
                                self.error(&key_at, "`additionalProperties` differs from another `allOf` part's: write it once");
                            }
                        }
                    }
                }
                // A part's `anyOf`, `oneOf`, `not`, `if`/`then`/`else` and `prefixItems` are
                // kept apart before this (`split_part`); a union is composed at the top.
                "discriminator" => {
                    let place = if at == target {
                        "beside `allOf`"
                    } else {
                        "inside an `allOf` part"
                    };
                    self.error(
                        &key_at,
                        format!("`{key}` {place} is not supported: compose the union at the top (a component schema with `anyOf` or `oneOf` and the `discriminator`, each variant an `allOf`)"),
                    );
                }
                _ => match out.iter().position(|(k, _)| k == key) {
                    None => out.push((key.clone(), value.clone())),
                    Some(i) if out[i].1 == *value => {}
                    Some(i) => {
                        let message = format!(
                            "`{key}` conflicts with another `allOf` part ({} here, {} there): the parts must agree",
                            value.to_json_string(),
                            out[i].1.to_json_string()
                        );
                        self.error(&key_at, message);
                    }
                },
            }
        }
    }

    /// A property declared in two parts, as one schema; `None` after reporting a conflict.
    fn merge_property(&mut self, first: &Json, second: &Json, at: &Pointer) -> Option<Json> {
        // Each side in its merged form first: a member may itself be an `allOf`.
        let first = &if first.get("allOf").is_some() {
            self.merged(first, at)
        } else {
            first.clone()
        };
        let second = &if second.get("allOf").is_some() {
            self.merged(second, at)
        } else {
            second.clone()
        };
        if first == second || annotation_only(second) {
            return Some(first.clone());
        }
        if annotation_only(first) {
            return Some(second.clone());
        }
        // One narrows the other's string enum (a `$ref` to an enum component, or an inline
        // enum) to a subset: the narrower wins, as written (its own documentation only).
        let values = |this: &mut Self, schema: &Json| -> Option<Vec<Json>> {
            let schema = match schema.get("$ref").and_then(Json::as_str) {
                Some(reference) => {
                    let name = reference.strip_prefix(SCHEMA_REF_PREFIX)?;
                    *this.schemas.get(name)?
                }
                None => schema,
            };
            match schema.get("enum") {
                Some(Json::Array(values)) => Some(values.clone()),
                _ => None,
            }
        };
        if let (Some(a), Some(b)) = (values(self, first), values(self, second)) {
            let subset = |x: &[Json], y: &[Json]| x.iter().all(|v| y.contains(v));
            if subset(&b, &a) && second.get("$ref").is_none() {
                return Some(second.clone());
            }
            if subset(&a, &b) && first.get("$ref").is_none() {
                return Some(first.clone());
            }
        }
        self.error(
            at,
            format!(
                "this member is declared by two `allOf` parts with different schemas ({} and {}): declare it once, or narrow an enum to a subset",
                first.to_json_string(),
                second.to_json_string()
            ),
        );
        None
    }
}

/// The keywords of an `allOf` part that merging into one schema would change, with what they
/// read beside them: `anyOf`, `oneOf` and `not` (two parts' would meet, and a union beside
/// another part's members is not one schema of them), `if` with `then` and `else` (a part's
/// decide its own keywords only), `prefixItems` with the part's `items` (another part's `items`
/// applies to every item), a part's `items` where the schema's own `prefixItems` would
/// shorten it, and `contains` with `minContains` and `maxContains` (a part's bounds count the
/// items its own `contains` takes, and alone they constrain nothing). Returns the part
/// without them, and them (empty when there are none); the part's own `allOf` (what a merged
/// part kept apart) is the caller's.
fn split_part(part: &Json, own_prefix: bool) -> (Json, Vec<(String, Json)>) {
    const APART: [&str; 10] = [
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
        "prefixItems",
        "contains",
        "minContains",
        "maxContains",
    ];
    let members = part.members().unwrap_or_default();
    let items_apart = own_prefix || members.iter().any(|(k, _)| k == "prefixItems");
    let mut mergeable = Vec::new();
    let mut apart = Vec::new();
    for (key, value) in members {
        if APART.contains(&key.as_str()) || (key == "items" && items_apart) {
            apart.push((key.clone(), value.clone()));
        } else if key != "allOf" {
            mergeable.push((key.clone(), value.clone()));
        }
    }
    (Json::Object(mergeable), apart)
}

/// What one source of a merge (an `allOf` part, or the schema beside `allOf`) says of an
/// object's members.
struct Members {
    /// The names its `properties` declare.
    names: HashSet<String>,
    /// Its `patternProperties` patterns.
    patterns: Vec<String>,
    /// Its schema for the other members (`additionalProperties` that is an object), and where
    /// it is.
    others: Option<(Json, Pointer)>,
}

impl Members {
    fn of(source: &Json, at: &Pointer) -> Self {
        let keys = |key: &str| -> Vec<String> {
            source
                .get(key)
                .and_then(Json::members)
                .unwrap_or_default()
                .iter()
                .map(|(k, _)| k.clone())
                .collect()
        };
        Members {
            names: keys("properties").into_iter().collect(),
            patterns: keys("patternProperties"),
            others: match source.get("additionalProperties") {
                Some(schema @ Json::Object(_)) => {
                    Some((schema.clone(), at.key("additionalProperties")))
                }
                _ => None,
            },
        }
    }
}

fn is_empty_text(value: &Json) -> bool {
    matches!(value, Json::String(s) if s.is_empty())
}

/// The component schemas the normalized document uses as types: those a `$ref` reaches from
/// the paths and the other components sections, and from the component schemas that nothing in
/// the `original` document refers to (a schema published on its own). A component that was
/// only ever an `allOf` part has been merged into its users and is not one of them.
pub fn used_components(original: &Json, normalized: &Json) -> BTreeSet<String> {
    fn schemas(doc: &Json) -> &[(String, Json)] {
        doc.get("components")
            .and_then(|c| c.get("schemas"))
            .and_then(Json::members)
            .unwrap_or_default()
    }
    let mut referenced_before = BTreeSet::new();
    collect_refs(original, &mut referenced_before);
    // The roots: everything but the component schemas, and the unreferenced components.
    let mut roots = BTreeSet::new();
    for (key, value) in normalized.members().unwrap_or_default() {
        if key != "components" {
            collect_refs(value, &mut roots);
            continue;
        }
        for (kind, section) in value.members().unwrap_or_default() {
            if kind != "schemas" {
                collect_refs(section, &mut roots);
            }
        }
    }
    let mut pending: Vec<String> = roots.into_iter().collect();
    pending.extend(
        schemas(original)
            .iter()
            .map(|(name, _)| name)
            .filter(|name| !referenced_before.contains(*name))
            .cloned(),
    );
    let normalized_schemas: HashMap<&str, &Json> = schemas(normalized)
        .iter()
        .map(|(n, s)| (n.as_str(), s))
        .collect();
    // A component on a `$ref` cycle (a recursive type) is referred to as a type, by itself
    // at least, even when nothing else refers to it.
    pending.extend(on_cycles(schemas(normalized)));
    let mut used = BTreeSet::new();
    while let Some(name) = pending.pop() {
        if used.contains(&name) {
            continue;
        }
        if let Some(schema) = normalized_schemas.get(name.as_str()) {
            let mut refs = BTreeSet::new();
            collect_refs(schema, &mut refs);
            pending.extend(refs.into_iter().filter(|r| !used.contains(r)));
        }
        used.insert(name);
    }
    used
}

/// The components of `schemas` on a cycle of `$ref`s (one that reaches itself).
fn on_cycles(schemas: &[(String, Json)]) -> Vec<String> {
    let index: HashMap<&str, usize> = schemas
        .iter()
        .enumerate()
        .map(|(i, (name, _))| (name.as_str(), i))
        .collect();
    let edges: Vec<Vec<(usize, Pointer)>> = schemas
        .iter()
        .map(|(_, schema)| {
            let mut refs = BTreeSet::new();
            collect_refs(schema, &mut refs);
            refs.iter()
                .filter_map(|name| Some((*index.get(name.as_str())?, Pointer::root())))
                .collect()
        })
        .collect();
    let scc = super::lower::strongly_connected(&edges);
    edges
        .iter()
        .enumerate()
        .filter(|(from, targets)| targets.iter().any(|(to, _)| scc[*to] == scc[*from]))
        .map(|(from, _)| schemas[from].0.clone())
        .collect()
}

/// The names of the component schemas `value` refers to.
fn collect_refs(value: &Json, out: &mut BTreeSet<String>) {
    match value {
        Json::Object(members) => {
            for (key, member) in members {
                match member
                    .as_str()
                    .and_then(|r| r.strip_prefix(SCHEMA_REF_PREFIX))
                {
                    Some(name) if key == "$ref" => {
                        out.insert(name.to_owned());
                    }
                    _ => collect_refs(member, out),
                }
            }
        }
        Json::Array(items) => {
            for item in items {
                collect_refs(item, out);
            }
        }
        _ => {}
    }
}
