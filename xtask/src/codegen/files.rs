//! Reading a spec: its syntax (JSON or YAML, by extension, else by content), and a spec split
//! in several files bundled into one document.
//!
//! A `$ref` whose file part is not empty (`common.yaml#/components/schemas/Money`,
//! `schemas/pet.yaml`) is read relative to the folder of the file that holds it, and only from
//! inside the root spec's folder tree (links resolved; no network, no `..` out of the tree).
//! What it names is copied into the root document's `components` under its own name, and the
//! reference rewritten to that local component:
//!
//! - `file#/components/{kind}/{name}` (and a path below it): the component `name` of `kind`;
//! - `file#/{name}` (a file of schemas by name): the component schema `name`;
//! - `file` (the whole file is one schema): the component schema named after the file's stem.
//!
//! Inside a copied schema, local references (`#/components/schemas/X`, `#/X`) are that file's
//! and are imported the same way; each (file, component) is copied once, so references that
//! cycle between files end. Two different schemas imported under one name, or one that takes
//! the name of a root component, are an error naming both. Errors found later in a copied
//! schema point into its own file ([`Origins`]: `common.yaml#/components/schemas/Money/…`).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::error::CodegenError;
use super::json::Json;
use super::normalize::Origins;
use super::pointer::Pointer;
use super::refs::Reference;

/// The most files one spec may be split into.
pub const MAX_FILES: usize = 1_000;

/// The largest spec file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How a spec file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    /// JSON.
    Json,
    /// YAML 1.2 (one document).
    Yaml,
}

impl Syntax {
    /// By the file's extension (`.json`; `.yaml`, `.yml`), else by its content: JSON when the
    /// first character that is not white space is `{` or `[`, else YAML.
    pub fn of(path: &Path, text: &str) -> Syntax {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("json") => Syntax::Json,
            Some("yaml" | "yml") => Syntax::Yaml,
            _ => match text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .chars()
                .next()
            {
                Some('{' | '[') => Syntax::Json,
                _ => Syntax::Yaml,
            },
        }
    }

    /// Parses `text`; the message names the syntax and the line.
    pub fn parse(self, text: &str) -> Result<Json, String> {
        match self {
            Syntax::Json => Json::parse(text).map_err(|e| format!("not valid JSON: {e}")),
            Syntax::Yaml => Json::parse_yaml(text).map_err(|e| format!("not valid YAML: {e}")),
        }
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`].
fn read(path: &Path) -> Result<String, String> {
    let size = fs::metadata(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(format!(
            "{} has {size} bytes, more than {MAX_FILE_BYTES} (the generator's limit)",
            path.display()
        ));
    }
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The spec at `path`, with every file it refers to bundled in; and where each imported
/// component came from. `Err(message)` when the root file cannot be read at all; the errors
/// of its content, each at its pointer, otherwise.
pub fn load(path: &Path) -> Result<Result<(Json, Origins), Vec<CodegenError>>, String> {
    let text = read(path)?;
    let doc = match Syntax::of(path, &text).parse(&text) {
        Ok(doc) => doc,
        Err(message) => return Ok(Err(vec![CodegenError::new(&Pointer::root(), message)])),
    };
    let root =
        fs::canonicalize(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let folder = root.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(bundle(doc, root, folder))
}

/// A file read and parsed (or why not).
type Parsed = Result<Rc<Json>, String>;

struct Bundler {
    root: PathBuf,
    /// The folder no file may be read from outside of.
    folder: PathBuf,
    files: HashMap<PathBuf, Parsed>,
    /// (kind, name) → where that component of the bundle comes from (file, pointer).
    names: HashMap<(String, String), (PathBuf, String)>,
    /// Components copied in, in the order their references were met: (kind, name, value once
    /// its own references are rewritten).
    imported: Vec<(String, String, Option<Json>)>,
    /// Components to copy (index in `imported`, value, its file, its pointer there) still to
    /// be walked.
    pending: Vec<(usize, Json, PathBuf, Pointer)>,
    errors: Vec<CodegenError>,
    origins: Origins,
}

fn bundle(
    mut doc: Json,
    root: PathBuf,
    folder: PathBuf,
) -> Result<(Json, Origins), Vec<CodegenError>> {
    let mut bundler = Bundler {
        root: root.clone(),
        folder,
        files: HashMap::new(),
        names: HashMap::new(),
        imported: Vec::new(),
        pending: Vec::new(),
        errors: Vec::new(),
        origins: Origins::default(),
    };
    // The root's own components keep their names.
    if let Some(components) = doc.get("components").and_then(Json::members) {
        for (kind, section) in components {
            for (name, _) in section.members().unwrap_or_default() {
                let at = Pointer::root().key("components").key(kind).key(name);
                bundler
                    .names
                    .insert((kind.clone(), name.clone()), (root.clone(), at.to_string()));
            }
        }
    }
    bundler.walk(&mut doc, &root, &Pointer::root());
    while let Some((slot, mut value, file, at)) = bundler.pending.pop() {
        bundler.walk(&mut value, &file, &at);
        if let Some(entry) = bundler.imported.get_mut(slot) {
            entry.2 = Some(value);
        }
    }
    if !bundler.errors.is_empty() {
        return Err(bundler.errors);
    }
    if !bundler.imported.is_empty() {
        let imported = std::mem::take(&mut bundler.imported);
        let Json::Object(members) = &mut doc else {
            return Err(vec![CodegenError::new(
                &Pointer::root(),
                "the spec must be an object",
            )]);
        };
        if !members.iter().any(|(k, _)| k == "components") {
            members.push(("components".to_owned(), Json::Object(Vec::new())));
        }
        let Some((_, Json::Object(components))) =
            members.iter_mut().find(|(k, _)| k == "components")
        else {
            return Err(vec![CodegenError::new(
                &Pointer::root().key("components"),
                "must be an object",
            )]);
        };
        for (kind, name, value) in imported {
            let Some(value) = value else { continue };
            if !components.iter().any(|(k, _)| *k == kind) {
                components.push((kind.clone(), Json::Object(Vec::new())));
            }
            if let Some((_, Json::Object(section))) =
                components.iter_mut().find(|(k, _)| *k == kind)
            {
                section.push((name, value));
            }
        }
    }
    Ok((doc, bundler.origins))
}

impl Bundler {
    /// Rewrites the references in `value` (in `file`, at `at` there) that leave the root
    /// document: every one with a file part, and, outside the root file, every local one.
    fn walk(&mut self, value: &mut Json, file: &Path, at: &Pointer) {
        match value {
            Json::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    self.walk(item, file, &at.index(i));
                }
            }
            Json::Object(members) => {
                for (key, member) in members.iter_mut() {
                    let member_at = at.key(key);
                    match member {
                        Json::String(text) if key == "$ref" => {
                            if let Some(local) = self.import(text, file, &member_at) {
                                *text = local;
                            }
                        }
                        Json::Object(entries) if key == "discriminator" => {
                            if let Some((_, Json::Object(mapping))) =
                                entries.iter_mut().find(|(k, _)| k == "mapping")
                            {
                                for (tag, target) in mapping.iter_mut() {
                                    let Json::String(text) = target else { continue };
                                    if text.starts_with('#') && file == self.root {
                                        continue;
                                    }
                                    let entry_at = member_at.key("mapping").key(tag);
                                    if let Some(local) = self.import(text, file, &entry_at) {
                                        *text = local;
                                    }
                                }
                            }
                        }
                        _ => self.walk(member, file, &member_at),
                    }
                }
            }
            _ => {}
        }
    }

    fn error(&mut self, file: &Path, at: &Pointer, message: String) {
        let pointer = if file == self.root {
            at.to_string()
        } else {
            format!("{}#{}", self.shown(file), fragment(at))
        };
        self.errors.push(CodegenError { pointer, message });
    }

    /// `file` relative to the root's folder, with `/`.
    fn shown(&self, file: &Path) -> String {
        file.strip_prefix(&self.folder)
            .unwrap_or(file)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The local reference that replaces `text` (written in `file` at `at`); `None` when it
    /// stays as it is (a local reference of the root file, or one whose error `refs.rs`
    /// reports) or after an error.
    fn import(&mut self, text: &str, file: &Path, at: &Pointer) -> Option<String> {
        // A reference that does not parse is reported by `refs.rs` in the root file.
        let reference = match Reference::parse(text) {
            Ok(reference) => reference,
            Err(message) if file != self.root => {
                self.error(file, at, message);
                return None;
            }
            Err(_) => return None,
        };
        if reference.file.is_empty() && file == self.root {
            return None;
        }
        let target = if reference.file.is_empty() {
            file.to_path_buf()
        } else {
            self.locate(&reference.file, file, at)?
        };
        let (kind, name, head, rest): (String, String, Vec<String>, &[String]) =
            match reference.tokens.as_slice() {
                [] => {
                    let stem = target
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    ("schemas".to_owned(), stem, Vec::new(), &[])
                }
                [components, kind, name, rest @ ..] if components == "components" => (
                    kind.clone(),
                    name.clone(),
                    reference.tokens[..3].to_vec(),
                    rest,
                ),
                [name, rest @ ..] => ("schemas".to_owned(), name.clone(), vec![name.clone()], rest),
            };
        let head_at = head.iter().fold(Pointer::root(), |p, t| p.key(t));
        let source = (target.clone(), fragment(&head_at));
        match self.names.get(&(kind.clone(), name.clone())) {
            Some(existing) if *existing == source => {}
            Some((other_file, other_at)) => {
                let message = format!(
                    "`{text}` would be imported as the component `{kind}/{name}`, which is already {}#{}: rename one of them",
                    self.shown(other_file),
                    other_at
                );
                self.error(file, at, message);
                return None;
            }
            None if target == self.root => {
                let message = format!(
                    "`{text}`: a reference into the root file must name one of its components (`#/components/{{kind}}/{{name}}`)"
                );
                self.error(file, at, message);
                return None;
            }
            None => {
                let doc = self.parsed(&target, file, at)?;
                let Some(value) = head.iter().try_fold(&*doc, |value, token| value.get(token))
                else {
                    let message = format!(
                        "`{text}`: {}#{} does not exist",
                        self.shown(&target),
                        fragment(&head_at)
                    );
                    self.error(file, at, message);
                    return None;
                };
                self.names.insert((kind.clone(), name.clone()), source);
                let local_at = Pointer::root().key("components").key(&kind).key(&name);
                self.origins.record(
                    local_at.to_string(),
                    format!("{}#{}", self.shown(&target), fragment(&head_at)),
                );
                self.pending
                    .push((self.imported.len(), value.clone(), target, head_at));
                self.imported.push((kind.clone(), name.clone(), None));
            }
        }
        let mut local = Pointer::root().key("components").key(&kind).key(&name);
        for token in rest {
            local = local.key(token);
        }
        Some(format!("#{local}"))
    }

    /// The file a reference names, relative to the folder of `from`: it must exist inside the
    /// root's folder tree.
    fn locate(&mut self, relative: &str, from: &Path, at: &Pointer) -> Option<PathBuf> {
        let base = from.parent().unwrap_or(Path::new(""));
        let joined = base.join(relative);
        let canonical = match fs::canonicalize(&joined) {
            Ok(path) => path,
            Err(e) => {
                self.error(
                    from,
                    at,
                    format!("`{relative}`: cannot read {}: {e}", joined.display()),
                );
                return None;
            }
        };
        if !canonical.starts_with(&self.folder) {
            self.error(
                from,
                at,
                format!(
                    "`{relative}` is outside the spec's folder ({}): references may only reach files in it or below it",
                    self.folder.display()
                ),
            );
            return None;
        }
        Some(canonical)
    }

    /// The parsed file (read once).
    fn parsed(&mut self, path: &Path, from: &Path, at: &Pointer) -> Option<Rc<Json>> {
        if !self.files.contains_key(path) {
            if self.files.len() >= MAX_FILES {
                let message = format!(
                    "the spec refers to more than {MAX_FILES} files (the generator's limit)"
                );
                self.error(from, at, message);
                return None;
            }
            let parsed = read(path)
                .and_then(|text| Syntax::of(path, &text).parse(&text))
                .map(Rc::new);
            self.files.insert(path.to_path_buf(), parsed);
        }
        match self.files.get(path) {
            Some(Ok(doc)) => Some(Rc::clone(doc)),
            Some(Err(message)) => {
                let message = format!("`{}`: {message}", self.shown(path));
                self.error(from, at, message);
                None
            }
            None => None,
        }
    }
}

/// A pointer as the fragment of a reference: `""` for the whole document.
fn fragment(at: &Pointer) -> String {
    if *at == Pointer::root() {
        String::new()
    } else {
        at.to_string()
    }
}
