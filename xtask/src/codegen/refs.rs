//! References: every `$ref` (and discriminator `mapping` value) read as RFC 3986 says a URI
//! reference is (`file#fragment`, the fragment percent-decoded) and its fragment as an RFC 6901
//! JSON Pointer (`~1` is `/`, `~0` is `~`, any other `~` an error), then rewritten into the one
//! form the later passes read:
//!
//! - a component (`#/components/{kind}/{name}`, the name escaped or percent-encoded as its
//!   author wrote it): `#/components/{kind}/` followed by the name as it is (unescaped), so
//!   that the name after the prefix is the component's key;
//! - a schema inside a component schema (`#/components/schemas/A/properties/x`, also under
//!   `items`, `additionalProperties`, `allOf`/`anyOf`/`oneOf`, `$defs` and the other keywords
//!   whose value is a schema), or a `$defs` entry of the document root (`#/$defs/X`, and
//!   pointers below it): that schema, copied in place of the reference (its own references
//!   resolved first), so a member may take another component's property, or a definition, as
//!   its type (a boolean schema as what it stands for: `true` the empty schema, `false`
//!   `{"not": {}}`). Where each copy came from is recorded ([`Origins`]), so an error inside it
//!   names the place its author wrote it. One that refers back into itself (a recursive type)
//!   cannot be copied: it is made a component schema of its own instead ([`resolve`]);
//! - anything else (`#/info`, `#` itself, an anchor, a remote URL) is an error at the `$ref`.
//!
//! The keywords beside a copied reference apply too, as JSON Schema 2020-12 says (`$ref` is
//! one more keyword of its schema): the reference's annotations replace the copy's; any other
//! keyword is added to the copy when the copy does not have it, is the same when it has the
//! same value, and is an error at its pointer when the two differ, or when it is one of a
//! group of keywords that read one another (`properties`, `patternProperties` and
//! `additionalProperties`; `prefixItems` and `items`; `contains`, `minContains` and
//! `maxContains`; `if`, `then` and `else`) and the copy has one of its group: joined into one
//! schema they would mean something else.
//!
//! A reference is read where a schema can be: inside the value of `enum`, `const`, `default`,
//! `example` or a schema's `examples` (JSON values, not schemas) a `$ref` member is data. Once
//! every reference is resolved, the `$defs` of every schema (and of the document root) are
//! removed: a definition applies only where it is referred to, and there it has been copied.
//!
//! References to other files are resolved before this pass (`files.rs`), into this form.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::error::CodegenError;
use super::json::Json;
use super::lower::operation_type_names;
use super::names;
use super::normalize::{ANNOTATIONS, Origins};
use super::pointer::Pointer;

/// How deep references to sub-schemas may lead through one another (a copy whose target holds
/// a reference to a sub-schema, and so on): past it, an error (a cycle is a recursive type,
/// made a component, [`resolve`]).
pub const MAX_INLINE_DEPTH: usize = 32;

/// The most JSON values that copies of sub-schemas may add to the document altogether, so that
/// references that copy one another cannot blow the document up.
pub const MAX_INLINED_VALUES: usize = 1_000_000;

/// The component sections a reference may name (OpenAPI 3.1's; the lowering says which it
/// reads where).
const COMPONENT_KINDS: &[&str] = &[
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "pathItems",
];

/// A `$ref` value taken apart: the file part (as written, percent-decoded; empty for this
/// document) and the fragment's reference tokens, unescaped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The file part, before `#`: empty for a reference into the same document.
    pub file: String,
    /// The JSON Pointer's reference tokens (none: the whole document).
    pub tokens: Vec<String>,
}

impl Reference {
    /// Parses a `$ref`: `file#/json/pointer`, `#/json/pointer` or `file`. A URL with a scheme
    /// (`https:`), a fragment that is not a JSON Pointer (an anchor), a bad percent-encoding
    /// and a bad `~` escape are errors.
    pub fn parse(reference: &str) -> Result<Reference, String> {
        let (file, fragment) = match reference.split_once('#') {
            Some((file, fragment)) => (file, Some(fragment)),
            None => (reference, None),
        };
        if has_scheme(file) {
            return Err(format!(
                "`{reference}`: remote references are not supported (no network): copy the schema into the spec's folder and refer to it by a relative path"
            ));
        }
        let file = percent_decode(file).map_err(|e| format!("`{reference}`: {e}"))?;
        let tokens = match fragment {
            None => Vec::new(),
            Some(fragment) => {
                let pointer =
                    percent_decode(fragment).map_err(|e| format!("`{reference}`: {e}"))?;
                pointer_tokens(&pointer).map_err(|e| format!("`{reference}`: {e}"))?
            }
        };
        Ok(Reference { file, tokens })
    }

    /// The fragment as a [`Pointer`] (escaped again, for messages and lookups).
    pub fn pointer(&self) -> Pointer {
        self.tokens
            .iter()
            .fold(Pointer::root(), |pointer, token| pointer.key(token))
    }
}

/// Whether the file part starts with a URI scheme (`https:`, `file:`), by RFC 3986's grammar.
fn has_scheme(file: &str) -> bool {
    let Some((scheme, _)) = file.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// RFC 3986 percent-decoding; the bytes must be UTF-8.
fn percent_decode(text: &str) -> Result<String, String> {
    if !text.contains('%') {
        return Ok(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            let Some(byte) = hex else {
                return Err(format!(
                    "`%` must be followed by two hexadecimal digits (RFC 3986 percent-encoding), at byte {i}"
                ));
            };
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| "the percent-encoded bytes are not UTF-8".to_owned())
}

/// RFC 6901: `""` is the whole document, else `/`-separated tokens with `~1` → `/` and
/// `~0` → `~`.
fn pointer_tokens(pointer: &str) -> Result<Vec<String>, String> {
    if pointer.is_empty() {
        return Ok(Vec::new());
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(format!(
            "the fragment `{pointer}` is not a JSON Pointer (it must start with `/`): anchors are not supported"
        ));
    };
    rest.split('/').map(unescape).collect()
}

fn unescape(token: &str) -> Result<String, String> {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('0') => out.push('~'),
            Some('1') => out.push('/'),
            Some(other) => {
                return Err(format!(
                    "`~{other}` is not an escape (RFC 6901: `~0` is `~`, `~1` is `/`)"
                ));
            }
            None => {
                return Err(
                    "a `~` ends the token: it must be escaped (RFC 6901: `~0` is `~`, `~1` is `/`)"
                        .to_owned(),
                );
            }
        }
    }
    Ok(out)
}

/// What a local reference names, once checked.
enum Target {
    /// `#/components/{kind}/{name}`.
    Component { kind: String, name: String },
    /// A schema inside a component schema, or a `$defs` entry of the document root.
    Inside(Vec<String>),
}

/// The keywords whose value is an object of schemas by name: a step `keyword/name` of a
/// pointer to a sub-schema, and, where the walk meets them, an object whose keys are names.
/// (The tests' suite wrapper and compliance walk read these lists too.)
pub const SCHEMA_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "$defs",
    "dependentSchemas",
];

/// The keywords whose value is an array of schemas: a step `keyword/index`.
pub const SCHEMA_ARRAYS: &[&str] = &["allOf", "anyOf", "oneOf", "prefixItems"];

/// The keywords whose value is one schema: a step `keyword`.
pub const SCHEMA_VALUES: &[&str] = &[
    "items",
    "additionalProperties",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
];

/// Keywords whose value is a JSON value, not a schema: a `$ref` inside it is data.
const DATA_KEYWORDS: &[&str] = &["enum", "const", "default", "example"];

/// Groups of keywords that read one another within their schema object (2020-12: an
/// `additionalProperties` sees the `properties` beside it only): one of a group beside a
/// `$ref` cannot be joined into a copy that has one of the same group.
const INTERACTING: &[&[&str]] = &[
    &[
        "properties",
        "patternProperties",
        "additionalProperties",
        "unevaluatedProperties",
    ],
    &["prefixItems", "items", "unevaluatedItems"],
    &["contains", "minContains", "maxContains"],
    &["if", "then", "else"],
];

/// Whether `tokens` lead from a schema to a schema inside it (each step one of the keywords
/// above, with its name or index).
fn schema_path(mut rest: &[String]) -> bool {
    while !rest.is_empty() {
        rest = match rest {
            [keyword, _, tail @ ..] if SCHEMA_MAPS.contains(&keyword.as_str()) => tail,
            [keyword, index, tail @ ..]
                if SCHEMA_ARRAYS.contains(&keyword.as_str()) && index.parse::<usize>().is_ok() =>
            {
                tail
            }
            [keyword, tail @ ..] if SCHEMA_VALUES.contains(&keyword.as_str()) => tail,
            _ => return false,
        };
    }
    true
}

/// Classifies a reference's tokens; the error says what may be referred to.
fn target(reference: &str, tokens: &[String]) -> Result<Target, String> {
    let supported = "a reference must name a component (`#/components/schemas/Name`), a schema inside a component schema (under its `properties`, `items`, `additionalProperties`, `allOf`, `anyOf`, `oneOf`, `$defs`, ...) or a `$defs` entry of the document (`#/$defs/Name`)";
    match tokens {
        [components, kind, name] if components == "components" => {
            if COMPONENT_KINDS.contains(&kind.as_str()) {
                Ok(Target::Component {
                    kind: kind.clone(),
                    name: name.clone(),
                })
            } else {
                Err(format!("`{reference}`: {supported}"))
            }
        }
        [components, schemas, _, rest @ ..]
            if components == "components" && schemas == "schemas" && schema_path(rest) =>
        {
            Ok(Target::Inside(tokens.to_vec()))
        }
        [defs, _, rest @ ..] if defs == "$defs" && schema_path(rest) => {
            Ok(Target::Inside(tokens.to_vec()))
        }
        _ => Err(format!("`{reference}`: {supported}")),
    }
}

/// The value at `tokens` in `doc`.
fn lookup<'j>(doc: &'j Json, tokens: &[String]) -> Option<&'j Json> {
    tokens.iter().try_fold(doc, |value, token| match value {
        Json::Object(_) => value.get(token),
        Json::Array(items) => items.get(token.parse::<usize>().ok()?),
        _ => None,
    })
}

fn count_values(value: &Json) -> usize {
    match value {
        Json::Array(items) => 1 + items.iter().map(count_values).sum::<usize>(),
        Json::Object(members) => 1 + members.iter().map(|(_, v)| count_values(v)).sum::<usize>(),
        _ => 1,
    }
}

struct Resolver<'a> {
    /// The document as written: targets are read from here.
    doc: &'a Json,
    errors: Vec<CodegenError>,
    origins: Origins,
    /// Each sub-schema target resolved once, by its pointer (`None`: it could not be).
    resolved: HashMap<String, Option<Json>>,
    /// The sub-schema targets being resolved, innermost last.
    stack: Vec<String>,
    inlined: usize,
    /// The sub-schema targets found to refer back into themselves (a cycle of copies), by
    /// pointer, with their reference tokens and the `$ref` that closes the cycle (its text
    /// and pointer): the first pass finds them.
    recursive: BTreeMap<String, (Vec<String>, String, Pointer)>,
    /// The sub-schema targets made components of their own (pointer → component name): the
    /// second pass refers to them instead of copying them.
    hoisted: HashMap<String, String>,
}

impl<'a> Resolver<'a> {
    fn new(doc: &'a Json, hoisted: HashMap<String, String>) -> Self {
        Resolver {
            doc,
            errors: Vec::new(),
            origins: Origins::default(),
            resolved: HashMap::new(),
            stack: Vec::new(),
            inlined: 0,
            recursive: BTreeMap::new(),
            hoisted,
        }
    }
}

/// The document with every reference in the generator's form (see the module's doc), and
/// where each copied sub-schema came from; or every reference error, each at its `$ref`.
///
/// A sub-schema that refers back into itself (`#/components/schemas/Tree/properties/root`
/// from inside that schema, a `$defs` entry that refers to itself: a recursive type) cannot be
/// copied in place: it becomes a component schema of its own, named from where it sits
/// (`TreeRoot`, as an inline type there would be), its place and every reference to it then a
/// reference to that component, so that the lowering makes it a type like any recursive
/// component. Where it came from is recorded, so that an error inside it names the place its
/// author wrote it. It must be an object schema, else an error at the `$ref` that closes the
/// cycle.
pub fn resolve(doc: &Json) -> Result<(Json, Origins), Vec<CodegenError>> {
    let (out, first) = resolve_with(doc, HashMap::new());
    if first.recursive.is_empty() {
        return finish(out, first);
    }
    // A component's name and its type name are both taken (`tree-root` is the type
    // `TreeRoot`), and so are the names the operations take (`treeRoot`'s descriptor
    // `TreeRoot`): a hoisted component's name is derived, so it moves on, never collides.
    let mut taken: BTreeSet<String> = components_of(doc)
        .flat_map(|(name, _)| [name.clone(), names::type_name(name)])
        .chain(operation_type_names(doc))
        .collect();
    let hoisted: HashMap<String, String> = first
        .recursive
        .iter()
        .map(|(key, (tokens, _, _))| {
            let base = hoisted_name(tokens);
            // Its type name too (`TAB`, `T`'s `a`'s `b`, is the type `Tab`).
            let name = std::iter::once(base.clone())
                .chain((2u64..).map(|n| format!("{base}{n}")))
                .find(|name| !taken.contains(name) && !taken.contains(&names::type_name(name)))
                .unwrap_or(base);
            taken.insert(names::type_name(&name));
            taken.insert(name.clone());
            (key.clone(), name)
        })
        .collect();
    let (mut out, mut second) = resolve_with(doc, hoisted.clone());
    // The deepest first, so that one inside another is a reference there when the outer one
    // is moved.
    let mut targets: Vec<(&Vec<String>, &String, &Pointer, &String)> = first
        .recursive
        .iter()
        .filter_map(|(key, (tokens, text, at))| Some((tokens, text, at, hoisted.get(key)?)))
        .collect();
    targets.sort_by_key(|(tokens, ..)| std::cmp::Reverse(tokens.len()));
    for (tokens, text, at, name) in targets {
        let reference = Json::Object(vec![(
            "$ref".to_owned(),
            Json::String(format!("#/components/schemas/{name}")),
        )]);
        let target_at = tokens
            .iter()
            .fold(Pointer::root(), |pointer, token| pointer.key(token));
        let Some(place) = lookup_mut(&mut out, tokens) else {
            // Its place is inside a copy made in its stead (a reference with siblings).
            second.errors.push(CodegenError::new(
                at,
                format!("`{text}` refers back into the schema that holds it (a recursive type), which is generated as a type of its own, but that schema is not where the reference says in the document as resolved (it is inside a copy of another referenced schema): refer to it where it is written"),
            ));
            continue;
        };
        // Only an object schema is generated as a type a member can hold (a struct); a
        // schema of another kind holds itself through keywords of a value, which are copied.
        let object = match place.get("type") {
            None => place.get("properties").is_some(),
            Some(ty) => ty.as_str() == Some("object"),
        };
        if let Some(Json::Array(types)) = place.get("type")
            && types.iter().any(|t| t.as_str() == Some("object"))
        {
            second.errors.push(CodegenError::new(
                &target_at.key("type"),
                format!("this schema is referred back into (`{text}`: a recursive type), which is generated as a type of its own, of one `type`: `object`; write `\"type\": \"object\"` here and make the members that hold it nullable where they may be `null`"),
            ));
            continue;
        }
        if !object {
            second.errors.push(CodegenError::new(
                at,
                format!("`{text}` refers back into the schema that holds it (a recursive type), which is generated as a type of its own: supported where that schema is an object (`properties` or `type: \"object\"`), not for a schema of another kind or of several"),
            ));
            continue;
        }
        let schema = std::mem::replace(place, reference);
        let component_at = Pointer::root().key("components").key("schemas").key(name);
        second
            .origins
            .record(component_at.to_string(), target_at.to_string());
        match components_mut(&mut out) {
            Some(components) => components.push((name.clone(), schema)),
            None => second.errors.push(CodegenError::new(
                &target_at,
                format!("refers back into itself (a recursive type), which is generated as the component schema `{name}`, but the document's `components` is not an object"),
            )),
        }
    }
    finish(out, second)
}

/// One pass of the resolution over `doc`, referring to the `hoisted` targets as components.
fn resolve_with(doc: &Json, hoisted: HashMap<String, String>) -> (Json, Resolver<'_>) {
    let mut resolver = Resolver::new(doc, hoisted);
    let mut out = doc.clone();
    resolver.walk(&mut out, &Pointer::root(), &Pointer::root(), false);
    (out, resolver)
}

fn finish(mut out: Json, mut resolver: Resolver<'_>) -> Result<(Json, Origins), Vec<CodegenError>> {
    strip_defs(&mut out, &Pointer::root(), false, &mut resolver.errors);
    if resolver.errors.is_empty() {
        Ok((out, resolver.origins))
    } else {
        Err(resolver.errors)
    }
}

/// The component schemas of `doc`, by name.
fn components_of(doc: &Json) -> impl Iterator<Item = &(String, Json)> {
    doc.get("components")
        .and_then(|c| c.get("schemas"))
        .and_then(Json::members)
        .unwrap_or_default()
        .iter()
}

/// The document's component schemas, made where the document has none; `None` where a member
/// on the way is not an object.
fn components_mut(doc: &mut Json) -> Option<&mut Vec<(String, Json)>> {
    let components = member_or_insert(doc, "components")?;
    match member_or_insert(components, "schemas")? {
        Json::Object(schemas) => Some(schemas),
        _ => None,
    }
}

/// The member `key` of an object, an empty object inserted where it has none.
fn member_or_insert<'j>(value: &'j mut Json, key: &str) -> Option<&'j mut Json> {
    let Json::Object(members) = value else {
        return None;
    };
    let index = match members.iter().position(|(k, _)| k == key) {
        Some(index) => index,
        None => {
            members.push((key.to_owned(), Json::Object(Vec::new())));
            members.len() - 1
        }
    };
    Some(&mut members[index].1)
}

/// The value at `tokens` in `doc`, to change.
fn lookup_mut<'j>(doc: &'j mut Json, tokens: &[String]) -> Option<&'j mut Json> {
    tokens.iter().try_fold(doc, |value, token| match value {
        Json::Object(members) => members
            .iter_mut()
            .find(|(key, _)| key == token)
            .map(|(_, v)| v),
        Json::Array(items) => items.get_mut(token.parse::<usize>().ok()?),
        _ => None,
    })
}

/// The component name a sub-schema target at `tokens` gets when it is made one
/// ([`resolve`]): the type name of where it sits, as an inline type there is named (the
/// component's name, then each step's: a member's name, `Item` for `items`, the keyword for
/// another, with its index in a list of schemas): `TreeRoot` for
/// `#/components/schemas/Tree/properties/root`, `Node` for `#/$defs/Node`.
fn hoisted_name(tokens: &[String]) -> String {
    let mut rest = match tokens {
        [components, schemas, name, rest @ ..]
            if components == "components" && schemas == "schemas" =>
        {
            let mut base = names::type_name(name);
            base.push_str(&hoisted_steps(rest));
            return base;
        }
        [defs, rest @ ..] if defs == "$defs" => rest,
        other => other,
    };
    let mut name = String::new();
    if let [first, tail @ ..] = rest {
        name.push_str(&names::type_name(first));
        rest = tail;
    }
    name.push_str(&hoisted_steps(rest));
    if name.is_empty() {
        "Schema".to_owned()
    } else {
        name
    }
}

/// The type name pieces of a pointer's steps from a schema to a schema inside it.
fn hoisted_steps(mut rest: &[String]) -> String {
    let mut name = String::new();
    while !rest.is_empty() {
        rest = match rest {
            [keyword, member, tail @ ..] if SCHEMA_MAPS.contains(&keyword.as_str()) => {
                name.push_str(&names::type_name(member));
                tail
            }
            [keyword, index, tail @ ..]
                if SCHEMA_ARRAYS.contains(&keyword.as_str()) && index.parse::<usize>().is_ok() =>
            {
                name.push_str(&names::type_name(keyword));
                name.push_str(index);
                tail
            }
            [keyword, tail @ ..] if keyword == "items" => {
                name.push_str("Item");
                tail
            }
            [keyword, tail @ ..] => {
                name.push_str(&names::type_name(keyword));
                tail
            }
            [] => break,
        };
    }
    name
}

/// Whether the member `key` of an object (whose keys are names when `names`) holds a JSON
/// value rather than schemas or OpenAPI objects: the walk leaves it as written.
fn is_data(key: &str, value: &Json, names: bool) -> bool {
    !names
        && (DATA_KEYWORDS.contains(&key)
            // A schema's `examples` is an array of values; OpenAPI's is a map of objects.
            || (key == "examples" && matches!(value, Json::Array(_))))
}

/// Whether the value of the member `key` (of an object whose keys are names when `names`) is
/// an object whose keys are names: a schema's map of sub-schemas, a components section, the
/// paths, a response's `content`.
fn holds_names(key: &str, names: bool) -> bool {
    !names
        && (SCHEMA_MAPS.contains(&key)
            || COMPONENT_KINDS.contains(&key)
            || matches!(
                key,
                "paths" | "webhooks" | "content" | "encoding" | "mapping"
            ))
}

/// Removes the `$defs` of every schema: each has been copied where it is referred to. A
/// `$defs` that is not an object is an error at its pointer.
fn strip_defs(value: &mut Json, at: &Pointer, names: bool, errors: &mut Vec<CodegenError>) {
    match value {
        Json::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                strip_defs(item, &at.index(i), false, errors);
            }
        }
        Json::Object(members) => {
            if !names {
                members.retain(|(key, defs)| {
                    if key != "$defs" {
                        return true;
                    }
                    if !matches!(defs, Json::Object(_)) {
                        errors.push(CodegenError::new(
                            &at.key(key),
                            format!(
                                "`$defs` must be an object of schemas by name, not {}",
                                defs.type_name()
                            ),
                        ));
                    }
                    false
                });
            }
            for (key, member) in members.iter_mut() {
                if is_data(key, member, names) {
                    continue;
                }
                strip_defs(member, &at.key(key), holds_names(key, names), errors);
            }
        }
        _ => {}
    }
}

impl Resolver<'_> {
    /// Rewrites every reference in `value` (at `at` in the output; `source` is where its text
    /// is in the input, which differs inside a copy). `names`: the object's keys are names
    /// (of properties, definitions), so none of them is a keyword.
    fn walk(&mut self, value: &mut Json, at: &Pointer, source: &Pointer, names: bool) {
        match value {
            Json::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    self.walk(item, &at.index(i), &source.index(i), false);
                }
            }
            Json::Object(members) => {
                let reference = members
                    .iter()
                    .position(|(k, v)| !names && k == "$ref" && matches!(v, Json::String(_)));
                if let Some(position) = reference {
                    let text = members[position].1.as_str().unwrap_or_default().to_owned();
                    let ref_at = source.key("$ref");
                    match self.rewrite(&text, &ref_at) {
                        Some(Rewritten::Text(text)) => members[position].1 = Json::String(text),
                        Some(Rewritten::Schema(schema, target_at)) => {
                            let siblings: Vec<(String, Json)> = members
                                .iter()
                                .filter(|(key, _)| key != "$ref")
                                .cloned()
                                .collect();
                            let copy = self.join(schema, siblings, at, source);
                            *value = copy;
                            self.origins.record(at.to_string(), target_at.to_string());
                            return;
                        }
                        None => {}
                    }
                }
                let Json::Object(members) = value else {
                    return;
                };
                for (key, member) in members.iter_mut() {
                    if is_data(key, member, names) {
                        continue;
                    }
                    let (member_at, member_source) = (at.key(key), source.key(key));
                    if key == "discriminator" && !names {
                        self.mapping(member, &member_source);
                    }
                    self.walk(member, &member_at, &member_source, holds_names(key, names));
                }
            }
            _ => {}
        }
    }

    /// The copy of a referenced schema joined with the keywords beside its `$ref` (see the
    /// module's doc); they are resolved here, and each records its own place (`source`) as
    /// its origin.
    fn join(
        &mut self,
        schema: Json,
        siblings: Vec<(String, Json)>,
        at: &Pointer,
        source: &Pointer,
    ) -> Json {
        let mut copy = schema.members().map(<[_]>::to_vec).unwrap_or_default();
        for (key, mut sibling) in siblings {
            let (key_at, key_source) = (at.key(&key), source.key(&key));
            if key == "discriminator" {
                self.mapping(&mut sibling, &key_source);
            }
            if !is_data(&key, &sibling, false) {
                self.walk(&mut sibling, &key_at, &key_source, holds_names(&key, false));
            }
            // Recorded even where the two are the same: the copy's own origin, recorded for
            // `at`, must not claim what is written beside the reference.
            self.origins
                .record(key_at.to_string(), key_source.to_string());
            let annotation = ANNOTATIONS.contains(&key.as_str()) || key.starts_with("x-");
            if !annotation && key != "$defs" {
                let group = INTERACTING
                    .iter()
                    .find(|group| group.contains(&key.as_str()));
                let clash = group.and_then(|group| {
                    copy.iter()
                        .map(|(k, _)| k)
                        .find(|k| group.contains(&k.as_str()))
                });
                if let Some(other) = clash {
                    self.errors.push(CodegenError::new(
                        &key_source,
                        format!("`{key}` beside `$ref` is not supported where the referenced schema has `{other}`: the two read each other only inside one schema (JSON Schema 2020-12), so joined they would mean something else; write them in one schema"),
                    ));
                    continue;
                }
            }
            match copy.iter_mut().find(|(k, _)| *k == key) {
                None => copy.push((key, sibling)),
                Some(slot) if annotation || key == "$defs" => slot.1 = sibling,
                Some(slot) if slot.1 == sibling => {}
                Some(slot) => {
                    let message = format!(
                        "`{key}` beside `$ref` differs from the referenced schema's ({} here, {} there): both apply (JSON Schema 2020-12), which this generator does not join; write the one that holds once",
                        sibling.to_json_string(),
                        slot.1.to_json_string()
                    );
                    self.errors.push(CodegenError::new(&key_source, message));
                }
            }
        }
        Json::Object(copy)
    }

    /// A discriminator's `mapping` values that are references, in the generator's form.
    fn mapping(&mut self, discriminator: &mut Json, at: &Pointer) {
        let Some(Json::Object(entries)) = member_mut(discriminator, "mapping") else {
            return;
        };
        for (tag, target) in entries.iter_mut() {
            let Json::String(text) = target else {
                continue;
            };
            if !text.starts_with('#') {
                continue;
            }
            let entry_at = at.key("mapping").key(tag);
            match self.rewrite(&text.clone(), &entry_at) {
                Some(Rewritten::Text(canonical)) => *text = canonical,
                Some(Rewritten::Schema(..)) => self.errors.push(CodegenError::new(
                    &entry_at,
                    "a mapping entry must name a component schema (`#/components/schemas/Name`)",
                )),
                None => {}
            }
        }
    }

    /// A reference in the generator's form; `None` after an error.
    fn rewrite(&mut self, text: &str, at: &Pointer) -> Option<Rewritten> {
        let reference = match Reference::parse(text) {
            Ok(reference) => reference,
            Err(message) => {
                self.errors.push(CodegenError::new(at, message));
                return None;
            }
        };
        if !reference.file.is_empty() {
            self.errors.push(CodegenError::new(
                at,
                format!("`{text}` refers to another file: that is resolved only when the spec is read from a file (`--spec`), relative to its folder"),
            ));
            return None;
        }
        match target(text, &reference.tokens) {
            Err(message) => {
                self.errors.push(CodegenError::new(at, message));
                None
            }
            Ok(Target::Component { kind, name }) => {
                Some(Rewritten::Text(format!("#/components/{kind}/{name}")))
            }
            Ok(Target::Inside(tokens)) => {
                let target_at = reference.pointer();
                if let Some(name) = self.hoisted.get(&target_at.to_string()) {
                    return Some(Rewritten::Text(format!("#/components/schemas/{name}")));
                }
                let schema = self.sub_schema(text, &tokens, &target_at, at)?;
                let size = count_values(&schema);
                self.inlined += size;
                if self.inlined > MAX_INLINED_VALUES {
                    self.errors.push(CodegenError::new(
                        at,
                        format!("copies of referenced sub-schemas would add more than {MAX_INLINED_VALUES} JSON values (the generator's limit): make the schema a component"),
                    ));
                    return None;
                }
                Some(Rewritten::Schema(schema, target_at))
            }
        }
    }

    /// The schema at `tokens`, its own references resolved (once per target).
    fn sub_schema(
        &mut self,
        text: &str,
        tokens: &[String],
        target_at: &Pointer,
        at: &Pointer,
    ) -> Option<Json> {
        let key = target_at.to_string();
        if let Some(done) = self.resolved.get(&key) {
            return done.clone();
        }
        let Some(found) = lookup(self.doc, tokens) else {
            self.errors
                .push(CodegenError::new(at, format!("`{text}` does not exist")));
            return None;
        };
        // A boolean schema is what it stands for: `true` the empty schema, `false` the one
        // nothing satisfies (`not: {}`, as an `allOf` part `false` is).
        let found = match found {
            Json::Object(_) => found.clone(),
            Json::Bool(true) => Json::Object(Vec::new()),
            Json::Bool(false) => Json::Object(vec![("not".to_owned(), Json::Object(Vec::new()))]),
            other => {
                self.errors.push(CodegenError::new(
                    at,
                    format!("`{text}` is {}, not a schema", other.type_name()),
                ));
                return None;
            }
        };
        if self.stack.contains(&key) && self.hoisted.is_empty() {
            // A reference back into itself, found by the first pass: made a component of its
            // own ([`resolve`]) in the second.
            self.recursive
                .entry(key)
                .or_insert_with(|| (tokens.to_vec(), text.to_owned(), at.clone()));
            return None;
        }
        if self.stack.contains(&key) || self.stack.len() >= MAX_INLINE_DEPTH {
            let chain = self.stack.join(" → ");
            self.errors.push(CodegenError::new(
                at,
                format!("references to sub-schemas lead through one another more than {MAX_INLINE_DEPTH} deep, or in a cycle ({chain} → {key}): make the schema a component"),
            ));
            return None;
        }
        self.stack.push(key.clone());
        let mut copy = found;
        let errors = self.errors.len();
        // Inside the copy, pointers are the target's own (its text is there).
        self.walk(&mut copy, target_at, target_at, false);
        self.stack.pop();
        let result = (self.errors.len() == errors).then_some(copy);
        self.resolved.insert(key, result.clone());
        result
    }
}

/// A reference rewritten: its new text, or the schema copied in its place (and where that
/// schema is written).
enum Rewritten {
    Text(String),
    Schema(Json, Pointer),
}

fn member_mut<'j>(value: &'j mut Json, key: &str) -> Option<&'j mut Json> {
    match value {
        Json::Object(members) => members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    fn tokens(text: &str) -> Result<Vec<String>, String> {
        Reference::parse(text).map(|r| r.tokens)
    }

    #[test]
    fn escapes_and_percent_encoding_decode_to_the_key() {
        assert_eq!(tokens("#/components/schemas/a~1b").unwrap()[2], "a/b");
        assert_eq!(tokens("#/components/schemas/a~0b").unwrap()[2], "a~b");
        // `~01` is `~` then `1`, not `/`.
        assert_eq!(tokens("#/components/schemas/a~01").unwrap()[2], "a~1");
        assert_eq!(
            tokens("#/components/schemas/My%20Schema").unwrap()[2],
            "My Schema"
        );
        assert_eq!(tokens("#/components/schemas/%C3%A9").unwrap()[2], "é");
        // Percent-decoding comes first: `%7E1` is `~1`, an escaped `/`.
        assert_eq!(tokens("#/components/schemas/a%7E1b").unwrap()[2], "a/b");
    }

    #[test]
    fn a_sub_schema_made_a_component_is_named_from_where_it_sits() {
        let name = |pointer: &str| hoisted_name(&tokens(pointer).unwrap());
        assert_eq!(
            name("#/components/schemas/Tree/properties/root"),
            "TreeRoot"
        );
        assert_eq!(
            name("#/components/schemas/G/properties/value/items/anyOf/1"),
            "GValueItemAnyOf1"
        );
        assert_eq!(name("#/$defs/node"), "Node");
        assert_eq!(name("#/$defs/a/properties/next-one"), "ANextOne");
        assert_eq!(
            name("#/components/schemas/my_schema/$defs/inner"),
            "MySchemaInner"
        );
    }

    /// The component schemas of the document `text` resolved, and where each copy came from.
    fn resolved_schemas(text: &str) -> (Json, Origins) {
        let (out, origins) = resolve(&Json::parse(text).unwrap()).unwrap();
        let schemas = out
            .get("components")
            .and_then(|c| c.get("schemas"))
            .unwrap()
            .clone();
        (schemas, origins)
    }

    #[test]
    fn a_reference_back_into_its_own_schema_becomes_a_component_referred_to() {
        let (schemas, origins) = resolved_schemas(
            r##"{"components": {"schemas": {
                "TreeRoot": {"type": "string"},
                "Tree": {"type": "object", "properties": {"root": {"type": "object", "properties": {
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree/properties/root"}}
                }}}},
                "Other": {"type": "object", "properties": {"r": {"$ref": "#/components/schemas/Tree/properties/root"}}}
            }}}"##,
        );
        // `TreeRoot` is taken: the next free name.
        let reference = Json::parse(r##"{"$ref": "#/components/schemas/TreeRoot2"}"##).unwrap();
        let tree = schemas.get("Tree").unwrap();
        assert_eq!(
            tree.get("properties").unwrap().get("root"),
            Some(&reference)
        );
        let other = schemas.get("Other").unwrap();
        assert_eq!(other.get("properties").unwrap().get("r"), Some(&reference));
        let hoisted = schemas.get("TreeRoot2").unwrap();
        let items = hoisted
            .get("properties")
            .and_then(|p| p.get("children"))
            .and_then(|c| c.get("items"));
        assert_eq!(items, Some(&reference));
        assert_eq!(
            origins.source("/components/schemas/TreeRoot2/properties/children/minItems"),
            "/components/schemas/Tree/properties/root/properties/children/minItems"
        );
    }

    #[test]
    fn a_sub_schema_made_a_component_takes_no_type_name_of_another_component() {
        // `tree-root` is the type `TreeRoot`: the hoisted component moves on, as a derived
        // name does, rather than being refused as a name the spec chose.
        let (schemas, _) = resolved_schemas(
            r##"{"components": {"schemas": {
                "tree-root": {"type": "object"},
                "Tree": {"type": "object", "properties": {"root": {"type": "object", "properties": {
                    "next": {"$ref": "#/components/schemas/Tree/properties/root"}
                }}}}
            }}}"##,
        );
        let reference = Json::parse(r##"{"$ref": "#/components/schemas/TreeRoot2"}"##).unwrap();
        let tree = schemas.get("Tree").unwrap();
        assert_eq!(
            tree.get("properties").unwrap().get("root"),
            Some(&reference)
        );
        assert!(schemas.get("TreeRoot2").is_some());
        assert!(schemas.get("TreeRoot").is_none());
        // `T`'s `a`'s `b` is named `TAB`, the type `Tab`: taken by `tab`'s type.
        let (schemas, _) = resolved_schemas(
            r##"{"components": {"schemas": {
                "tab": {"type": "object"},
                "T": {"type": "object", "properties": {"a": {"type": "object", "properties": {
                    "b": {"type": "object", "properties": {
                        "toB": {"$ref": "#/components/schemas/T/properties/a/properties/b"}
                    }}
                }}}}
            }}}"##,
        );
        assert_eq!(names::type_name("TAB"), "Tab");
        assert!(schemas.get("TAB2").is_some(), "{schemas:?}");
        assert!(schemas.get("TAB").is_none());
    }

    #[test]
    fn bad_references_say_what_is_wrong() {
        assert!(
            tokens("#/components/schemas/a~2b")
                .unwrap_err()
                .contains("`~2` is not an escape")
        );
        assert!(
            tokens("#/components/schemas/a~")
                .unwrap_err()
                .contains("`~` ends the token")
        );
        assert!(
            tokens("#/components/schemas/a%2")
                .unwrap_err()
                .contains("two hexadecimal digits")
        );
        assert!(
            tokens("#/components/schemas/%FF")
                .unwrap_err()
                .contains("not UTF-8")
        );
        assert!(
            tokens("#anchor")
                .unwrap_err()
                .contains("anchors are not supported")
        );
        assert!(
            Reference::parse("https://example.com/s.json#/x")
                .unwrap_err()
                .contains("remote references are not supported")
        );
        let other = Reference::parse("other.yaml#/components/schemas/X").unwrap();
        assert_eq!(other.file, "other.yaml");
        assert_eq!(
            Reference::parse("pet.yaml").unwrap().tokens,
            Vec::<String>::new()
        );
    }
}
