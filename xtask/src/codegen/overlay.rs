//! OpenAPI Overlay 1.0.0: this project's named changes to m3ter's published document, applied
//! to the ordered JSON tree before it is lowered.
//!
//! An overlay is read and checked first ([`Overlay::parse`]): `overlay` is `1.0.0`, `info` has
//! a `title` and a `version`, `actions` is a non-empty array, and each action is an object with
//! a string `target` (an RFC 9535 JSONPath), a non-empty `description` (this project requires
//! one: why the change is made, and its source), and exactly one of `update` and
//! `remove: true`. No other member is allowed but `x-…` extensions (and the root's `extends`).
//!
//! Then its actions are applied in order ([`Overlay::apply`]), each to the document as the
//! actions before it left it:
//!
//! - `update` is merged into every node the target selects: into an object recursively (a
//!   member is replaced where it stands, or appended at the end; two objects are merged member
//!   by member), appended to an array, and a primitive value is replaced by it;
//! - `remove: true` removes every selected node from its parent.
//!
//! JSONPath is evaluated by `serde_json_path` on a `serde_json::Value` copy of the tree, which
//! only *finds* the nodes: their normalized paths (object member names and array indices) are
//! then followed in the ordered [`Json`] tree, where the change is made, so members keep their
//! document order (serde_json's map without `preserve_order` sorts them). A target that selects
//! nothing is an error naming the action: a fix for a defect m3ter has since fixed, or a target
//! that no longer fits the document, is never skipped silently.
//!
//! Every error is a [`CodegenError`] at a JSON Pointer into the overlay (`/actions/3/target`).

use serde_json_path::{JsonPath, NormalizedPath, PathElement};

use super::error::CodegenError;
use super::json::Json;
use super::pointer::Pointer;

/// The Overlay Specification version this module applies.
pub const VERSION: &str = "1.0.0";

/// A checked overlay document.
#[derive(Clone, Debug)]
pub struct Overlay {
    /// `info.title`.
    pub title: String,
    /// `info.version`: the overlay's own version.
    pub version: String,
    /// `extends`, when given: the document the overlay was written for (not read: the overlay
    /// applies to the document it is given).
    pub extends: Option<String>,
    /// The actions, in order.
    pub actions: Vec<Action>,
}

/// One action of an overlay.
#[derive(Clone, Debug)]
pub struct Action {
    /// Its index in `actions`.
    pub index: usize,
    /// The target, as written.
    pub target: String,
    /// The target, parsed.
    path: JsonPath,
    /// Why the change is made, and its source.
    pub description: String,
    /// What it does to each node the target selects.
    pub change: Change,
}

/// What an action does to each node its target selects.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// `update`: merged into an object, appended to an array, replaces a primitive value.
    Update(Json),
    /// `remove: true`: removed from its parent.
    Remove,
}

/// One step of a normalized path, owned (the `serde_json::Value` it was found in is gone by
/// the time the change is made). Derived order: by kind, then name or index; a path's prefix
/// sorts before it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Index(usize),
    Name(String),
}

impl Step {
    fn of(element: &PathElement<'_>) -> Step {
        match element {
            PathElement::Name(name) => Step::Name((*name).to_owned()),
            PathElement::Index(index) => Step::Index(*index),
        }
    }
}

/// `text` parsed and checked as an overlay, then applied to `doc` ([`Overlay::parse`],
/// [`Overlay::apply`]).
pub fn apply_text(doc: &mut Json, text: &str) -> Result<(), Vec<CodegenError>> {
    Overlay::parse(text)?.apply(doc).map(|_| ())
}

impl Overlay {
    /// Parses `text` as JSON (duplicate keys are errors) and checks it ([`Overlay::from_json`]).
    pub fn parse(text: &str) -> Result<Overlay, Vec<CodegenError>> {
        let doc = Json::parse(text).map_err(|e| {
            vec![CodegenError::new(
                &Pointer::root(),
                format!("the overlay is not valid JSON: {e}"),
            )]
        })?;
        Overlay::from_json(&doc)
    }

    /// Checks an overlay document; every problem is returned, each at its JSON Pointer.
    pub fn from_json(doc: &Json) -> Result<Overlay, Vec<CodegenError>> {
        let root = Pointer::root();
        let Some(members) = doc.members() else {
            return Err(vec![CodegenError::new(
                &root,
                format!(
                    "an overlay is a JSON object with `overlay`, `info` and `actions`, not {}",
                    doc.type_name()
                ),
            )]);
        };
        let mut errors = Vec::new();
        unknown_members(
            members,
            &root,
            &["overlay", "info", "extends", "actions"],
            "an Overlay 1.0.0 document",
            &mut errors,
        );
        match doc.get("overlay") {
            Some(Json::String(version)) if version == VERSION => {}
            Some(Json::String(version)) => errors.push(CodegenError::new(
                &root.key("overlay"),
                format!(
                    "`overlay` is `{version}`, but this generator applies Overlay {VERSION} only: \
                     write `\"overlay\": \"{VERSION}\"` (and only what {VERSION} defines)"
                ),
            )),
            Some(other) => errors.push(CodegenError::new(
                &root.key("overlay"),
                format!(
                    "`overlay` is {}: write the string `\"{VERSION}\"`",
                    other.type_name()
                ),
            )),
            None => errors.push(CodegenError::new(
                &root,
                format!("`overlay` is missing: add `\"overlay\": \"{VERSION}\"`"),
            )),
        }
        let (title, version) = info(doc.get("info"), &root, &mut errors);
        let extends = match doc.get("extends") {
            None => None,
            Some(Json::String(extends)) => Some(extends.clone()),
            Some(other) => {
                errors.push(CodegenError::new(
                    &root.key("extends"),
                    format!(
                        "`extends` is {}: write the URI of the document the overlay was written \
                         for, as a string, or leave it out",
                        other.type_name()
                    ),
                ));
                None
            }
        };
        let actions = actions(doc.get("actions"), &root, &mut errors);
        if errors.is_empty() {
            Ok(Overlay {
                title,
                version,
                extends,
                actions,
            })
        } else {
            Err(errors)
        }
    }

    /// Applies the actions in order, each to `doc` as the actions before it left it. Returns
    /// how many nodes each action changed (at least one each), or every action's error: an
    /// action that fails changes nothing, and the actions after it are still applied, so that
    /// all of its errors are reported at once.
    pub fn apply(&self, doc: &mut Json) -> Result<Vec<usize>, Vec<CodegenError>> {
        let mut counts = Vec::with_capacity(self.actions.len());
        let mut errors = Vec::new();
        for action in &self.actions {
            match action.apply(doc) {
                Ok(count) => counts.push(count),
                Err(error) => errors.push(error),
            }
        }
        if errors.is_empty() {
            Ok(counts)
        } else {
            Err(errors)
        }
    }
}

impl Action {
    /// The action's pointer in the overlay (`/actions/3`).
    pub fn pointer(&self) -> Pointer {
        Pointer::root().key("actions").index(self.index)
    }

    /// How the action is named in messages: its index and its description's first words.
    pub fn name(&self) -> String {
        const WORDS: usize = 8;
        let words: Vec<&str> = self.description.split_whitespace().collect();
        let mut first = words[..words.len().min(WORDS)].join(" ");
        if words.len() > WORDS {
            first.push('…');
        }
        format!("action {} (\u{201c}{first}\u{201d})", self.index)
    }

    /// Applies the action to `doc`; returns how many nodes it changed. On an error `doc` is as
    /// it was.
    pub fn apply(&self, doc: &mut Json) -> Result<usize, CodegenError> {
        let paths = self.select(doc);
        if paths.is_empty() {
            return Err(CodegenError::new(
                &self.pointer().key("target"),
                format!(
                    "{} matches nothing: its target `{}` selects no node of the document as the \
                     actions before it left it. Correct the target (or the action before it \
                     that changed that part), or remove the action if m3ter's document no longer \
                     needs it",
                    self.name(),
                    self.target
                ),
            ));
        }
        match &self.change {
            Change::Update(update) => self.update(doc, &paths, update),
            Change::Remove => self.remove(doc, paths),
        }
    }

    /// The normalized paths of the nodes the target selects, each once, in the order
    /// `serde_json_path` gives them.
    fn select(&self, doc: &Json) -> Vec<Vec<Step>> {
        let value = serde_json::Value::from(doc);
        let located = self.path.query_located(&value).dedup();
        located
            .locations()
            .map(|path: &NormalizedPath<'_>| path.iter().map(Step::of).collect())
            .collect()
    }

    fn update(
        &self,
        doc: &mut Json,
        paths: &[Vec<Step>],
        update: &Json,
    ) -> Result<usize, CodegenError> {
        // Every node is checked before any is changed, so a failed action changes nothing.
        for path in paths {
            let node = node(doc, path).ok_or_else(|| self.vanished(path))?;
            if matches!(node, Json::Object(_)) && !matches!(update, Json::Object(_)) {
                return Err(CodegenError::new(
                    &self.pointer().key("update"),
                    format!(
                        "{}: its target selects an object (at `{}` in the document), so `update` \
                         must be an object whose members are merged into it, not {}. Write the \
                         members to set, or target the member to replace",
                        self.name(),
                        pointer_of(path),
                        update.type_name()
                    ),
                ));
            }
        }
        for path in paths {
            let node = node_mut(doc, path).ok_or_else(|| self.vanished(path))?;
            match (node, update) {
                (Json::Object(members), Json::Object(updates)) => merge(members, updates),
                (Json::Array(items), value) => items.push(value.clone()),
                (node, value) => *node = value.clone(),
            }
        }
        Ok(paths.len())
    }

    fn remove(&self, doc: &mut Json, mut paths: Vec<Vec<Step>>) -> Result<usize, CodegenError> {
        if paths.iter().any(Vec::is_empty) {
            return Err(CodegenError::new(
                &self.pointer().key("target"),
                format!(
                    "{}: its target `{}` selects the document itself, which has no parent to be \
                     removed from. Target the members to remove",
                    self.name(),
                    self.target
                ),
            ));
        }
        // Deepest and last first: removing an array item leaves the indices before it, and a
        // node's descendants go before the node.
        paths.sort_unstable_by(|a, b| b.cmp(a));
        for path in &paths {
            let Some((last, parent_path)) = path.split_last() else {
                continue;
            };
            let parent = node_mut(doc, parent_path).ok_or_else(|| self.vanished(path))?;
            match (parent, last) {
                (Json::Object(members), Step::Name(name)) => members.retain(|(k, _)| k != name),
                (Json::Array(items), Step::Index(index)) if *index < items.len() => {
                    items.remove(*index);
                }
                _ => return Err(self.vanished(path)),
            }
        }
        Ok(paths.len())
    }

    /// A selected node that the document does not have: cannot happen while the paths come
    /// from the same document, but is reported rather than skipped.
    fn vanished(&self, path: &[Step]) -> CodegenError {
        CodegenError::new(
            &self.pointer().key("target"),
            format!(
                "{}: the node its target selected at `{}` is not in the document; report this \
                 as a bug of the overlay machinery (xtask/src/codegen/overlay.rs)",
                self.name(),
                pointer_of(path)
            ),
        )
    }
}

/// Merges `updates` into `members`: a member of both objects is merged when both values are
/// objects and replaced (where it stands) otherwise; a new member is appended.
fn merge(members: &mut Vec<(String, Json)>, updates: &[(String, Json)]) {
    for (key, value) in updates {
        match members.iter_mut().find(|(k, _)| k == key) {
            Some((_, existing)) => match (existing, value) {
                (Json::Object(inner), Json::Object(inner_updates)) => merge(inner, inner_updates),
                (existing, value) => *existing = value.clone(),
            },
            None => members.push((key.clone(), value.clone())),
        }
    }
}

fn node<'a>(doc: &'a Json, path: &[Step]) -> Option<&'a Json> {
    path.iter().try_fold(doc, |node, step| match (node, step) {
        (Json::Object(members), Step::Name(name)) => {
            members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
        }
        (Json::Array(items), Step::Index(index)) => items.get(*index),
        _ => None,
    })
}

fn node_mut<'a>(doc: &'a mut Json, path: &[Step]) -> Option<&'a mut Json> {
    path.iter().try_fold(doc, |node, step| match (node, step) {
        (Json::Object(members), Step::Name(name)) => {
            members.iter_mut().find(|(k, _)| k == name).map(|(_, v)| v)
        }
        (Json::Array(items), Step::Index(index)) => items.get_mut(*index),
        _ => None,
    })
}

/// The JSON Pointer of a normalized path, in the document the overlay applies to.
fn pointer_of(path: &[Step]) -> String {
    let pointer = path.iter().fold(Pointer::root(), |p, step| match step {
        Step::Name(name) => p.key(name),
        Step::Index(index) => p.index(*index),
    });
    pointer.to_string()
}

/// An error for each member of `members` that is neither in `known` nor an `x-` extension.
fn unknown_members(
    members: &[(String, Json)],
    at: &Pointer,
    known: &[&str],
    what: &str,
    errors: &mut Vec<CodegenError>,
) {
    for (key, _) in members {
        if !known.contains(&key.as_str()) && !key.starts_with("x-") {
            errors.push(CodegenError::new(
                &at.key(key),
                format!(
                    "unknown member `{key}` in {what}: its members are {}; anything else must be \
                     an extension named `x-…`",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
}

/// `info`'s title and version.
fn info(info: Option<&Json>, root: &Pointer, errors: &mut Vec<CodegenError>) -> (String, String) {
    let at = root.key("info");
    let Some(info) = info else {
        errors.push(CodegenError::new(
            root,
            "`info` is missing: add `\"info\": {\"title\": …, \"version\": …}` naming the overlay",
        ));
        return (String::new(), String::new());
    };
    let Some(members) = info.members() else {
        errors.push(CodegenError::new(
            &at,
            format!(
                "`info` is {}: write an object with `title` and `version`",
                info.type_name()
            ),
        ));
        return (String::new(), String::new());
    };
    unknown_members(members, &at, &["title", "version"], "`info`", errors);
    let mut text = |key: &str| match info.get(key) {
        Some(Json::String(text)) if !text.trim().is_empty() => text.clone(),
        Some(Json::String(_)) => {
            errors.push(CodegenError::new(
                &at.key(key),
                format!("`info.{key}` is blank: write the overlay's {key}"),
            ));
            String::new()
        }
        Some(other) => {
            errors.push(CodegenError::new(
                &at.key(key),
                format!(
                    "`info.{key}` is {}: write the overlay's {key} as a string",
                    other.type_name()
                ),
            ));
            String::new()
        }
        None => {
            errors.push(CodegenError::new(
                &at,
                format!("`info.{key}` is missing: add the overlay's {key} as a string"),
            ));
            String::new()
        }
    };
    let title = text("title");
    let version = text("version");
    (title, version)
}

fn actions(actions: Option<&Json>, root: &Pointer, errors: &mut Vec<CodegenError>) -> Vec<Action> {
    let at = root.key("actions");
    match actions {
        Some(Json::Array(items)) if !items.is_empty() => items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| action(index, item, &at.index(index), errors))
            .collect(),
        Some(Json::Array(_)) => {
            errors.push(CodegenError::new(
                &at,
                "`actions` is empty: an overlay must have at least one action",
            ));
            Vec::new()
        }
        Some(other) => {
            errors.push(CodegenError::new(
                &at,
                format!(
                    "`actions` is {}: write an array of action objects",
                    other.type_name()
                ),
            ));
            Vec::new()
        }
        None => {
            errors.push(CodegenError::new(
                root,
                "`actions` is missing: add `\"actions\": [...]` with at least one action",
            ));
            Vec::new()
        }
    }
}

fn action(
    index: usize,
    item: &Json,
    at: &Pointer,
    errors: &mut Vec<CodegenError>,
) -> Option<Action> {
    let Some(members) = item.members() else {
        errors.push(CodegenError::new(
            at,
            format!(
                "action {index} is {}: write an object with `target`, `description` and \
                 `update` or `remove: true`",
                item.type_name()
            ),
        ));
        return None;
    };
    let before = errors.len();
    unknown_members(
        members,
        at,
        &["target", "description", "update", "remove"],
        "an action",
        errors,
    );
    let target = match item.get("target") {
        Some(Json::String(target)) => match JsonPath::parse(target) {
            Ok(path) => Some((target.clone(), path)),
            Err(e) => {
                errors.push(CodegenError::new(
                    &at.key("target"),
                    format!(
                        "`{target}` is not an RFC 9535 JSONPath ({e}): write a query starting \
                         with `$`, such as `$.components.schemas.Name.properties.member`"
                    ),
                ));
                None
            }
        },
        Some(other) => {
            errors.push(CodegenError::new(
                &at.key("target"),
                format!(
                    "`target` is {}: write a JSONPath query as a string",
                    other.type_name()
                ),
            ));
            None
        }
        None => {
            errors.push(CodegenError::new(
                at,
                format!("action {index} has no `target`: add the JSONPath of the nodes it changes"),
            ));
            None
        }
    };
    let description = match item.get("description") {
        Some(Json::String(text)) if !text.trim().is_empty() => Some(text.clone()),
        Some(Json::String(_)) => {
            errors.push(CodegenError::new(
                &at.key("description"),
                "`description` is blank: say why the change is made and cite its source",
            ));
            None
        }
        Some(other) => {
            errors.push(CodegenError::new(
                &at.key("description"),
                format!(
                    "`description` is {}: write why the change is made, and its source, as a \
                     string",
                    other.type_name()
                ),
            ));
            None
        }
        None => {
            errors.push(CodegenError::new(
                at,
                format!(
                    "action {index} has no `description`: this project requires each action to \
                     say why it changes m3ter's document and to cite its source"
                ),
            ));
            None
        }
    };
    let remove = match item.get("remove") {
        None => None,
        Some(Json::Bool(remove)) => Some(*remove),
        Some(other) => {
            errors.push(CodegenError::new(
                &at.key("remove"),
                format!(
                    "`remove` is {}: write `true` to remove the target, or leave it out",
                    other.type_name()
                ),
            ));
            return None;
        }
    };
    let change = match (item.get("update"), remove) {
        (Some(_), Some(true)) => {
            errors.push(CodegenError::new(
                at,
                format!(
                    "action {index} has both `update` and `remove: true`: an action does one \
                     thing. Make it two actions (remove, then update) or drop one"
                ),
            ));
            None
        }
        (Some(update), _) => Some(Change::Update(update.clone())),
        (None, Some(true)) => Some(Change::Remove),
        (None, Some(false)) => {
            errors.push(CodegenError::new(
                &at.key("remove"),
                format!(
                    "action {index} has `remove: false` and no `update`: it changes nothing. \
                     Write `remove: true` or an `update`"
                ),
            ));
            None
        }
        (None, None) => {
            errors.push(CodegenError::new(
                at,
                format!(
                    "action {index} has neither `update` nor `remove: true`: add the one that \
                     says what it does to its target"
                ),
            ));
            None
        }
    };
    match (target, description, change) {
        (Some((target, path)), Some(description), Some(change)) if errors.len() == before => {
            Some(Action {
                index,
                target,
                path,
                description,
                change,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

    use super::*;

    fn json(text: &str) -> Json {
        Json::parse(text).unwrap()
    }

    /// An overlay with `actions` given as JSON text.
    fn overlay(actions: &str) -> String {
        format!(
            r#"{{"overlay": "1.0.0", "info": {{"title": "t", "version": "1"}}, "actions": {actions}}}"#
        )
    }

    /// `doc` after the overlay with `actions`.
    fn applied(doc: &str, actions: &str) -> Json {
        let mut doc = json(doc);
        apply_text(&mut doc, &overlay(actions)).unwrap();
        doc
    }

    /// The errors of checking or applying the overlay with `actions` to `doc`.
    fn errors(doc: &str, overlay_text: &str) -> Vec<CodegenError> {
        let mut doc = json(doc);
        apply_text(&mut doc, overlay_text).expect_err("the overlay should fail")
    }

    fn assert_error(doc: &str, overlay_text: &str, pointer: &str, needle: &str) {
        let errors = errors(doc, overlay_text);
        assert!(
            errors
                .iter()
                .any(|e| e.pointer == pointer && e.message.contains(needle)),
            "no error at {pointer} saying {needle:?} in {errors:#?}"
        );
    }

    /// The text of `doc`, members in document order.
    fn text(doc: &Json) -> String {
        fn write(doc: &Json, out: &mut String) {
            match doc {
                Json::Object(members) => {
                    out.push('{');
                    for (i, (k, v)) in members.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        out.push_str(&format!("{k:?}:"));
                        write(v, out);
                    }
                    out.push('}');
                }
                Json::Array(items) => {
                    out.push('[');
                    for (i, v) in items.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        write(v, out);
                    }
                    out.push(']');
                }
                other => out.push_str(&other.to_json_string()),
            }
        }
        let mut out = String::new();
        write(doc, &mut out);
        out
    }

    const ACTION: &str = r#""description": "why, and its source""#;

    #[test]
    fn an_update_merges_into_an_object_in_place_and_appends_new_members_at_the_end() {
        let doc = applied(
            r#"{"z": {"b": 1, "a": {"y": 1, "x": 2}, "c": [1]}}"#,
            &format!(
                r#"[{{"target": "$.z", {ACTION},
                     "update": {{"a": {{"x": 3, "w": 4}}, "c": [2], "d": null, "b": "B"}}}}]"#
            ),
        );
        // `b` replaced where it stands, `a` merged member by member, the array `c` replaced
        // (a member is merged only when both are objects), `d` appended.
        assert_eq!(
            text(&doc),
            r#"{"z":{"b":"B","a":{"y":1,"x":3,"w":4},"c":[2],"d":null}}"#
        );
    }

    #[test]
    fn an_update_of_an_array_appends_and_of_a_primitive_replaces() {
        let doc = applied(
            r#"{"list": [1, 2], "n": 5, "s": "x", "nothing": null}"#,
            &format!(
                r#"[{{"target": "$.list", {ACTION}, "update": {{"a": 1}}}},
                    {{"target": "$.n", {ACTION}, "update": {{"minimum": 1}}}},
                    {{"target": "$.s", {ACTION}, "update": "y"}},
                    {{"target": "$.nothing", {ACTION}, "update": [true]}}]"#
            ),
        );
        assert_eq!(
            text(&doc),
            r#"{"list":[1,2,{"a":1}],"n":{"minimum":1},"s":"y","nothing":[true]}"#
        );
    }

    #[test]
    fn an_update_reaches_every_selected_node_once_and_counts_them() {
        let mut doc = json(r#"{"a": {"p": {}, "q": {}}, "l": [[], []]}"#);
        let overlay = Overlay::parse(&overlay(&format!(
            r#"[{{"target": "$.a.*", {ACTION}, "update": {{"f": "uuid"}}}},
                {{"target": "$.l[0,0,1]", {ACTION}, "update": 7}}]"#
        )))
        .unwrap();
        assert_eq!(overlay.apply(&mut doc).unwrap(), vec![2, 2]);
        // `[0,0,1]` selects the first array twice: it is appended to once.
        assert_eq!(
            text(&doc),
            r#"{"a":{"p":{"f":"uuid"},"q":{"f":"uuid"}},"l":[[7],[7]]}"#
        );
    }

    #[test]
    fn a_remove_takes_each_selected_node_from_its_parent_keeping_the_order_of_the_rest() {
        let doc = applied(
            r#"{"o": {"c": 1, "b": 2, "a": 3}, "l": ["x", "y", "z", "w"], "n": {"m": {"k": 1}}}"#,
            &format!(
                r#"[{{"target": "$.o.b", {ACTION}, "remove": true}},
                    {{"target": "$.l[0,2]", {ACTION}, "remove": true}},
                    {{"target": "$..[?@.k]", {ACTION}, "remove": true}}]"#
            ),
        );
        // Items 0 and 2 removed (not 0 and then the new 2); `n.m` removed with its member.
        assert_eq!(text(&doc), r#"{"o":{"c":1,"a":3},"l":["y","w"],"n":{}}"#);
    }

    #[test]
    fn a_remove_of_a_node_and_its_descendant_removes_both() {
        let doc = applied(
            r#"{"a": {"b": {"c": 1}}, "d": 1}"#,
            &format!(r#"[{{"target": "$.a..*", {ACTION}, "remove": true}}]"#),
        );
        assert_eq!(text(&doc), r#"{"a":{},"d":1}"#);
    }

    #[test]
    fn actions_apply_in_order_each_to_the_document_the_one_before_left() {
        // Remove, then update: the member comes back at the end, as the update wrote it.
        let doc = applied(
            r#"{"s": {"a": {"allOf": [1]}, "b": 2}}"#,
            &format!(
                r#"[{{"target": "$.s.a", {ACTION}, "remove": true}},
                    {{"target": "$.s", {ACTION}, "update": {{"a": {{"anyOf": [2]}}}}}},
                    {{"target": "$.s.a.anyOf", {ACTION}, "update": 3}}]"#
            ),
        );
        assert_eq!(text(&doc), r#"{"s":{"b":2,"a":{"anyOf":[2,3]}}}"#);
    }

    #[test]
    fn extensions_and_extends_are_allowed_and_kept() {
        let text = r#"{"overlay": "1.0.0", "extends": "https://example.com/openapi.json",
            "x-note": 1, "info": {"title": "t", "version": "1", "x-by": "us"},
            "actions": [{"target": "$", "description": "d", "update": {"a": 1}, "x-issue": 7}]}"#;
        let overlay = Overlay::parse(text).unwrap();
        assert_eq!(overlay.title, "t");
        assert_eq!(overlay.version, "1");
        assert_eq!(
            overlay.extends.as_deref(),
            Some("https://example.com/openapi.json")
        );
        assert_eq!(
            overlay.actions[0].change,
            Change::Update(json(r#"{"a": 1}"#))
        );
        let mut doc = json("{}");
        overlay.apply(&mut doc).unwrap();
        assert_eq!(doc, json(r#"{"a": 1}"#));
    }

    #[test]
    fn an_overlay_that_is_not_json_or_not_an_object_is_an_error() {
        assert_error(
            "{}",
            "{",
            "(document root)",
            "the overlay is not valid JSON",
        );
        assert_error(
            "{}",
            r#"{"overlay": "1.0.0", "overlay": "1.0.0"}"#,
            "(document root)",
            "duplicate key `overlay`",
        );
        assert_error("{}", "[]", "(document root)", "not an array");
    }

    #[test]
    fn the_overlay_version_must_be_1_0_0() {
        let body = r#""info": {"title": "t", "version": "1"},
            "actions": [{"target": "$", "description": "d", "update": {}}]"#;
        assert_error(
            "{}",
            &format!(r#"{{"overlay": "1.1.0", {body}}}"#),
            "/overlay",
            "applies Overlay 1.0.0 only",
        );
        assert_error(
            "{}",
            &format!(r#"{{"overlay": 1, {body}}}"#),
            "/overlay",
            "`overlay` is a number: write the string `\"1.0.0\"`",
        );
        assert_error(
            "{}",
            &format!(r#"{{{body}}}"#),
            "(document root)",
            "`overlay` is missing",
        );
    }

    #[test]
    fn info_must_have_a_title_and_a_version() {
        let with_info = |info: &str| {
            format!(
                r#"{{"overlay": "1.0.0", {info}
                    "actions": [{{"target": "$", "description": "d", "update": {{}}}}]}}"#
            )
        };
        assert_error("{}", &with_info(""), "(document root)", "`info` is missing");
        assert_error(
            "{}",
            &with_info(r#""info": [],"#),
            "/info",
            "`info` is an array",
        );
        assert_error(
            "{}",
            &with_info(r#""info": {"version": "1"},"#),
            "/info",
            "`info.title` is missing",
        );
        assert_error(
            "{}",
            &with_info(r#""info": {"title": "t"},"#),
            "/info",
            "`info.version` is missing",
        );
        assert_error(
            "{}",
            &with_info(r#""info": {"title": "t", "version": 1},"#),
            "/info/version",
            "`info.version` is a number",
        );
        assert_error(
            "{}",
            &with_info(r#""info": {"title": " ", "version": "1"},"#),
            "/info/title",
            "`info.title` is blank",
        );
        assert_error(
            "{}",
            &with_info(r#""info": {"title": "t", "version": "1", "author": "me"},"#),
            "/info/author",
            "unknown member `author` in `info`",
        );
    }

    #[test]
    fn unknown_members_are_errors_unless_extensions() {
        assert_error(
            "{}",
            r#"{"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "components": {},
                "actions": [{"target": "$", "description": "d", "update": {}}]}"#,
            "/components",
            "unknown member `components` in an Overlay 1.0.0 document",
        );
        assert_error(
            "{}",
            &overlay(r#"[{"target": "$", "description": "d", "update": {}, "copy": "$.a"}]"#),
            "/actions/0/copy",
            "unknown member `copy` in an action",
        );
        assert_error(
            "{}",
            r#"{"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "extends": 1,
                "actions": [{"target": "$", "description": "d", "update": {}}]}"#,
            "/extends",
            "`extends` is a number",
        );
    }

    #[test]
    fn actions_must_be_a_non_empty_array_of_objects() {
        let with_actions = |actions: &str| {
            format!(r#"{{"overlay": "1.0.0", "info": {{"title": "t", "version": "1"}}{actions}}}"#)
        };
        assert_error(
            "{}",
            &with_actions(""),
            "(document root)",
            "`actions` is missing",
        );
        assert_error(
            "{}",
            &with_actions(r#", "actions": []"#),
            "/actions",
            "is empty",
        );
        assert_error(
            "{}",
            &with_actions(r#", "actions": {}"#),
            "/actions",
            "`actions` is an object",
        );
        assert_error(
            "{}",
            &with_actions(r#", "actions": ["$.a"]"#),
            "/actions/0",
            "action 0 is a string",
        );
    }

    #[test]
    fn an_action_needs_a_string_target_that_is_a_jsonpath() {
        assert_error(
            "{}",
            &overlay(r#"[{"description": "d", "update": {}}]"#),
            "/actions/0",
            "action 0 has no `target`",
        );
        assert_error(
            "{}",
            &overlay(r#"[{"target": ["$"], "description": "d", "update": {}}]"#),
            "/actions/0/target",
            "`target` is an array",
        );
        for invalid in ["components.schemas", "$.a[", "$..", "$[?@.a == ]"] {
            assert_error(
                "{}",
                &overlay(&format!(
                    r#"[{{"target": "$", "description": "d", "update": {{}}}},
                        {{"target": "{invalid}", "description": "d", "update": {{}}}}]"#
                )),
                "/actions/1/target",
                &format!("`{invalid}` is not an RFC 9535 JSONPath"),
            );
        }
    }

    #[test]
    fn an_action_needs_a_description() {
        assert_error(
            "{}",
            &overlay(r#"[{"target": "$", "update": {}}]"#),
            "/actions/0",
            "action 0 has no `description`: this project requires",
        );
        assert_error(
            "{}",
            &overlay(r#"[{"target": "$", "description": " \n", "update": {}}]"#),
            "/actions/0/description",
            "`description` is blank",
        );
        assert_error(
            "{}",
            &overlay(r#"[{"target": "$", "description": 1, "update": {}}]"#),
            "/actions/0/description",
            "`description` is a number",
        );
    }

    #[test]
    fn an_action_does_exactly_one_of_update_and_remove() {
        assert_error(
            "{}",
            &overlay(r#"[{"target": "$.a", "description": "d", "update": {}, "remove": true}]"#),
            "/actions/0",
            "has both `update` and `remove: true`",
        );
        assert_error(
            "{}",
            &overlay(r#"[{"target": "$.a", "description": "d"}]"#),
            "/actions/0",
            "has neither `update` nor `remove: true`",
        );
        assert_error(
            "{}",
            &overlay(r#"[{"target": "$.a", "description": "d", "remove": false}]"#),
            "/actions/0/remove",
            "has `remove: false` and no `update`: it changes nothing",
        );
        assert_error(
            "{}",
            &overlay(r#"[{"target": "$.a", "description": "d", "remove": "yes"}]"#),
            "/actions/0/remove",
            "`remove` is a string",
        );
        // `remove: false` beside an update is the update.
        let doc = applied(
            r#"{"a": {}}"#,
            r#"[{"target": "$.a", "description": "d", "update": {"b": 1}, "remove": false}]"#,
        );
        assert_eq!(doc, json(r#"{"a": {"b": 1}}"#));
    }

    #[test]
    fn an_action_whose_target_matches_nothing_is_an_error_naming_it() {
        let errors = errors(
            r#"{"a": {"b": 1}}"#,
            &overlay(
                r#"[{"target": "$.a.b", "description": "Drop b.", "remove": true},
                    {"target": "$.a.b", "description": "Give b a minimum of one, as m3ter's docs say (source: the docs page)", "update": {"minimum": 1}}]"#,
            ),
        );
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].pointer, "/actions/1/target");
        assert!(
            errors[0].message.starts_with(
                "action 1 (\u{201c}Give b a minimum of one, as m3ter's…\u{201d}) matches \
                 nothing: its target `$.a.b` selects no node"
            ),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn an_object_update_is_needed_for_an_object_target_and_a_failed_action_changes_nothing() {
        let mut doc = json(r#"{"a": {"x": {}}, "b": {"x": 1}}"#);
        let errors = apply_text(
            &mut doc,
            &overlay(
                r#"[{"target": "$.b.x", "description": "d", "update": 2},
                         {"target": "$.*.x", "description": "d", "update": 5}]"#,
            ),
        )
        .unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert_eq!(errors[0].pointer, "/actions/1/update");
        assert!(errors[0].message.contains(
            "selects an object (at `/a/x` in the document), so `update` must be an object"
        ));
        // The first action applied; the second changed neither target.
        assert_eq!(doc, json(r#"{"a": {"x": {}}, "b": {"x": 2}}"#));
    }

    #[test]
    fn removing_the_document_itself_is_an_error() {
        assert_error(
            r#"{"a": 1}"#,
            &overlay(r#"[{"target": "$", "description": "d", "remove": true}]"#),
            "/actions/0/target",
            "selects the document itself",
        );
    }

    #[test]
    fn every_error_is_reported_at_once() {
        let errors = errors(
            "{}",
            r#"{"overlay": "2", "info": {}, "actions": [
                {"target": "$", "update": {}},
                {"target": "$[", "description": "d", "remove": true}]}"#,
        );
        let pointers: Vec<&str> = errors.iter().map(|e| e.pointer.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/overlay",
                "/info",
                "/info",
                "/actions/0",
                "/actions/1/target"
            ]
        );
    }
}
