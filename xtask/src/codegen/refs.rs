//! References: every `$ref` (and discriminator `mapping` value) read as RFC 3986 says a URI
//! reference is (`file#fragment`, the fragment percent-decoded) and its fragment as an RFC 6901
//! JSON Pointer (`~1` is `/`, `~0` is `~`, any other `~` an error), then rewritten into the one
//! form the later passes read:
//!
//! - a component (`#/components/{kind}/{name}`, the name escaped or percent-encoded as its
//!   author wrote it): `#/components/{kind}/` followed by the name as it is (unescaped), so
//!   that the name after the prefix is the component's key;
//! - a schema inside a component schema (`#/components/schemas/A/properties/x`, also under
//!   `items`, `additionalProperties`, `allOf`/`anyOf`/`oneOf`): that schema, copied in place of
//!   the reference (its own references resolved first; the reference's annotations kept), so a
//!   member may take another component's property as its type. Where each copy came from is
//!   recorded ([`Origins`]), so an error inside it names the place its author wrote it;
//! - anything else (`#/$defs/X`, `#/info`, an anchor, a remote URL) is an error at the `$ref`.
//!
//! References to other files are resolved before this pass (`files.rs`), into this form.

use std::collections::HashMap;

use super::error::CodegenError;
use super::json::Json;
use super::normalize::Origins;
use super::pointer::Pointer;

/// How deep references to sub-schemas may lead through one another (a copy whose target holds
/// a reference to a sub-schema, and so on): past it, an error (a cycle lands here too).
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
    /// A schema inside a component schema.
    Inside(Vec<String>),
}

/// Classifies a reference's tokens; the error says what may be referred to.
fn target(reference: &str, tokens: &[String]) -> Result<Target, String> {
    let supported = "a reference must name a component (`#/components/schemas/Name`) or a schema inside a component schema (under its `properties`, `items`, `additionalProperties`, `allOf`, `anyOf` or `oneOf`)";
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
            if components == "components" && schemas == "schemas" =>
        {
            let mut rest = rest;
            while !rest.is_empty() {
                rest = match rest {
                    [keyword, _, tail @ ..] if keyword == "properties" => tail,
                    [keyword, index, tail @ ..]
                        if matches!(keyword.as_str(), "allOf" | "anyOf" | "oneOf")
                            && index.parse::<usize>().is_ok() =>
                    {
                        tail
                    }
                    [keyword, tail @ ..]
                        if matches!(keyword.as_str(), "items" | "additionalProperties") =>
                    {
                        tail
                    }
                    _ => return Err(format!("`{reference}`: {supported}")),
                };
            }
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
}

/// The document with every reference in the generator's form (see the module's doc), and
/// where each copied sub-schema came from; or every reference error, each at its `$ref`.
pub fn resolve(doc: &Json) -> Result<(Json, Origins), Vec<CodegenError>> {
    let mut resolver = Resolver {
        doc,
        errors: Vec::new(),
        origins: Origins::default(),
        resolved: HashMap::new(),
        stack: Vec::new(),
        inlined: 0,
    };
    let mut out = doc.clone();
    resolver.walk(&mut out, &Pointer::root(), &Pointer::root());
    if resolver.errors.is_empty() {
        Ok((out, resolver.origins))
    } else {
        Err(resolver.errors)
    }
}

impl Resolver<'_> {
    /// Rewrites every reference in `value` (at `at` in the output; `source` is where its text
    /// is in the input, which differs inside a copy).
    fn walk(&mut self, value: &mut Json, at: &Pointer, source: &Pointer) {
        match value {
            Json::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    self.walk(item, &at.index(i), &source.index(i));
                }
            }
            Json::Object(members) => {
                let reference = members
                    .iter()
                    .position(|(k, v)| k == "$ref" && matches!(v, Json::String(_)));
                if let Some(position) = reference {
                    let text = members[position].1.as_str().unwrap_or_default().to_owned();
                    let ref_at = source.key("$ref");
                    match self.rewrite(&text, &ref_at) {
                        Some(Rewritten::Text(text)) => members[position].1 = Json::String(text),
                        Some(Rewritten::Schema(schema, target_at)) => {
                            // The copy, with the reference's own annotations over its own.
                            let mut copy = schema.members().map(<[_]>::to_vec).unwrap_or_default();
                            for (key, sibling) in members.iter() {
                                if key == "$ref" {
                                    continue;
                                }
                                match copy.iter_mut().find(|(k, _)| k == key) {
                                    Some(slot) => slot.1 = sibling.clone(),
                                    None => copy.push((key.clone(), sibling.clone())),
                                }
                            }
                            *value = Json::Object(copy);
                            self.origins.record(at.to_string(), target_at.to_string());
                            // Already resolved: nothing more to rewrite inside.
                            return;
                        }
                        None => {}
                    }
                }
                let Json::Object(members) = value else {
                    return;
                };
                for (key, member) in members.iter_mut() {
                    let (member_at, member_source) = (at.key(key), source.key(key));
                    if key == "discriminator" {
                        self.mapping(member, &member_source);
                    }
                    self.walk(member, &member_at, &member_source);
                }
            }
            _ => {}
        }
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
        if !matches!(found, Json::Object(_)) {
            self.errors.push(CodegenError::new(
                at,
                format!("`{text}` is {}, not a schema", found.type_name()),
            ));
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
        let mut copy = found.clone();
        let errors = self.errors.len();
        // Inside the copy, pointers are the target's own (its text is there).
        self.walk(&mut copy, target_at, target_at);
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
