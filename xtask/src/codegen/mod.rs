//! The generator: m3ter's document (ordered JSON) + this project's overlay (`overlay.rs`) →
//! intermediate model → tokens → formatted file; and the overlay's table in `schema/README.md`
//! (`readme.rs`).

pub mod doc;
pub mod emit;
pub mod error;
pub mod files;
pub mod ir;
pub mod json;
pub mod lower;
pub mod names;
pub mod normalize;
pub mod overlay;
pub mod pointer;
pub mod readme;
pub mod refs;
pub mod unsupported;

use std::fs;
use std::path::{Component, Path, PathBuf};

pub use error::{CodegenError, CodegenWarning};

/// The command that regenerates the checked-in code, named in every generated header.
pub const COMMAND: &str = "cargo xtask codegen";
/// The checked-in excerpt of m3ter's published document, relative to the workspace root.
pub const DEFAULT_SPEC: &str = "schema/m3ter/export-destinations.openapi.json";
/// The checked-in overlay of this project's changes to it, relative to the workspace root.
pub const DEFAULT_OVERLAY: &str = "schema/export-destinations.overlay.json";
/// The page whose table lists the default overlay's actions, relative to the workspace root.
pub const DEFAULT_README: &str = "schema/README.md";
/// Where its module goes, relative to the workspace root.
pub const DEFAULT_OUT: &str = "crates/m3ter-models/src/generated";
/// The name of the generated file in the output folder.
pub const FILE_NAME: &str = "mod.rs";

/// What the header of a generated file names: its inputs (the spec and the overlay applied to
/// it, if any) and the command that regenerates the file, as a maintainer runs it from the
/// workspace root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// The spec, by its path relative to the workspace root.
    pub spec: String,
    /// The overlay applied to it, by its path relative to the workspace root.
    pub overlay: Option<String>,
    /// The command that writes the file again.
    pub command: String,
}

impl Provenance {
    /// The command line for `spec` alone, without an overlay (as [`generate`] reads it):
    /// [`Provenance::command_line_with`] with no overlay.
    pub fn command_line(spec: &str, out: &str) -> Provenance {
        Provenance::command_line_with(spec, None, out)
    }

    /// `cargo xtask codegen`, with `--spec SPEC`, `--overlay FILE` (or `--no-overlay`) and
    /// `--out OUT` where they are not the defaults (paths relative to the workspace root).
    pub fn command_line_with(spec: &str, overlay: Option<&str>, out: &str) -> Provenance {
        let mut command = COMMAND.to_owned();
        if spec != DEFAULT_SPEC {
            command.push_str(&format!(" --spec {}", shell_word(spec)));
        }
        match overlay {
            None => command.push_str(" --no-overlay"),
            Some(overlay) if overlay != DEFAULT_OVERLAY => {
                command.push_str(&format!(" --overlay {}", shell_word(overlay)));
            }
            Some(_) => {}
        }
        if out != DEFAULT_OUT {
            command.push_str(&format!(" --out {}", shell_word(out)));
        }
        Provenance {
            spec: spec.to_owned(),
            overlay: overlay.map(str::to_owned),
            command,
        }
    }

    /// A file written by something else than the command line (a build script) from `spec`
    /// alone: `command` says what writes it again.
    pub fn written_by(spec: &str, command: &str) -> Provenance {
        Provenance {
            spec: spec.to_owned(),
            overlay: None,
            command: command.to_owned(),
        }
    }

    /// The inputs as the header names them: `SPEC`, or `SPEC + OVERLAY`.
    pub fn inputs(&self) -> String {
        match &self.overlay {
            Some(overlay) => format!("{} + {overlay}", self.spec),
            None => self.spec.clone(),
        }
    }
}

/// `word` as one shell word: as it is when it holds nothing a shell reads, else single-quoted.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | ':' | '@' | ',')
        });
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Generates the module source from a spec's text alone, without an overlay. `source` is the
/// spec's path relative to the workspace root; the header names the command that writes it
/// into the default folder ([`Provenance::command_line`]). Every problem found is returned,
/// each at its JSON Pointer; a warning is one of them, as `--deny-warnings` has it
/// ([`generate_with_warnings`] generates despite warnings and returns them).
pub fn generate(spec_text: &str, source: &str) -> Result<String, Vec<CodegenError>> {
    generate_with(
        spec_text,
        None,
        &Provenance::command_line(source, DEFAULT_OUT),
    )
}

/// Generates the module source from the spec's text with the overlay's text applied to it
/// first (none: the spec as it is), the header naming `provenance`. The errors of the overlay
/// point into the overlay; those of the lowering into the overlaid spec. A warning is an error
/// here, as with `--deny-warnings` ([`generate_with_warnings`] returns them beside the source).
pub fn generate_with(
    spec_text: &str,
    overlay_text: Option<&str>,
    provenance: &Provenance,
) -> Result<String, Vec<CodegenError>> {
    generate_with_warnings(spec_text, overlay_text, provenance)?.denying_warnings()
}

/// [`generate_with`], generating despite warnings: the source and every warning, each at its
/// JSON Pointer, as `cargo xtask codegen` prints them.
pub fn generate_with_warnings(
    spec_text: &str,
    overlay_text: Option<&str>,
    provenance: &Provenance,
) -> Result<Generated, Vec<CodegenError>> {
    let syntax = files::Syntax::of(Path::new(&provenance.spec), spec_text);
    let (doc, _) = document(spec_text, syntax, overlay_text).map_err(|(_, errors)| errors)?;
    render(&doc, provenance)
}

/// A generated module source and the warnings of its spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// The module source.
    pub source: String,
    /// Each keyword that JSON Schema ignores for its member's type (nothing to enforce), at its
    /// JSON Pointer, in document order, each once.
    pub warnings: Vec<CodegenWarning>,
}

impl Generated {
    /// The source when there is no warning, else every warning as an error (`--deny-warnings`).
    pub fn denying_warnings(self) -> Result<String, Vec<CodegenError>> {
        if self.warnings.is_empty() {
            Ok(self.source)
        } else {
            Err(self.warnings)
        }
    }
}

/// The spec as the generator lowers it: `spec_text` with the overlay `overlay_text` applied.
pub fn overlaid(spec_text: &str, overlay_text: &str) -> Result<json::Json, Vec<CodegenError>> {
    let syntax = files::Syntax::of(Path::new(""), spec_text);
    document(spec_text, syntax, Some(overlay_text))
        .map(|(doc, _)| doc)
        .map_err(|(_, errors)| errors)
}

/// The document whose errors these are.
enum Input {
    Spec,
    Overlay,
}

/// The spec parsed, with the overlay (parsed and checked) applied to it.
fn document(
    spec_text: &str,
    syntax: files::Syntax,
    overlay_text: Option<&str>,
) -> Result<(json::Json, Option<overlay::Overlay>), (Input, Vec<CodegenError>)> {
    let doc = syntax.parse(spec_text).map_err(|message| {
        let error = CodegenError::new(&pointer::Pointer::root(), message);
        (Input::Spec, vec![error])
    })?;
    with_overlay(doc, overlay_text)
}

/// `doc` with the overlay (parsed and checked) applied to it.
fn with_overlay(
    mut doc: json::Json,
    overlay_text: Option<&str>,
) -> Result<(json::Json, Option<overlay::Overlay>), (Input, Vec<CodegenError>)> {
    let Some(overlay_text) = overlay_text else {
        return Ok((doc, None));
    };
    let overlay = overlay::Overlay::parse(overlay_text).map_err(|e| (Input::Overlay, e))?;
    overlay.apply(&mut doc).map_err(|e| (Input::Overlay, e))?;
    Ok((doc, Some(overlay)))
}

/// The module source of the (overlaid) spec `doc`, with the header naming `provenance`, and
/// its warnings.
fn render(doc: &json::Json, provenance: &Provenance) -> Result<Generated, Vec<CodegenError>> {
    let (resolved, copied) = refs::resolve(doc)?;
    // An error in a copied sub-schema is reported where its author wrote it.
    let (normalized, origins) =
        normalize::normalize_with_origins(&resolved).map_err(|errors| copied.remap(errors))?;
    let used = normalize::used_components(&resolved, &normalized);
    // An error in a merged member is reported where its author declared it.
    let (module, warnings) =
        lower::lower(&normalized, used).map_err(|errors| copied.remap(origins.remap(errors)))?;
    let warnings = copied.remap(origins.remap(warnings));
    let source =
        emit::render(&module, &provenance.inputs(), &provenance.command).map_err(|message| {
            vec![CodegenError {
                pointer: "(document root)".to_owned(),
                message,
            }]
        })?;
    Ok(Generated { source, warnings })
}

/// What `codegen` should do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The spec.
    pub spec: PathBuf,
    /// The overlay applied to the spec before generating (none: the spec as it is).
    pub overlay: Option<PathBuf>,
    /// The page whose overlay table (between [`readme::START`] and [`readme::END`]) is written
    /// from the overlay, or checked with `check` (none: no page).
    pub readme: Option<PathBuf>,
    /// The output folder.
    pub out: PathBuf,
    /// What the header names (the paths relative to the workspace root).
    pub provenance: Provenance,
    /// Compare only; write nothing.
    pub check: bool,
    /// Make every warning an error: nothing is written (or compared) when there is one.
    pub deny_warnings: bool,
}

/// The outcome of a run, with the files it concerns: the generated module, and the README when
/// [`Options::readme`] names one.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The files were written (or already current).
    Written(Vec<PathBuf>),
    /// `--check`: the checked-in files are current.
    UpToDate(Vec<PathBuf>),
    /// `--check`: these files differ from what would be written (or are missing).
    Stale(Vec<PathBuf>),
}

/// Whether two texts are the same once line endings are normalized (`\r\n` read as `\n`), as
/// `--check` compares them: a checkout that turned the generated file's line endings into
/// CRLF is not stale.
pub fn same_text(a: &str, b: &str) -> bool {
    a.replace("\r\n", "\n") == b.replace("\r\n", "\n")
}

/// [`run_reporting`], with each warning written to standard error as `warning: POINTER:
/// MESSAGE`.
pub fn run(options: &Options) -> Result<Outcome, String> {
    let (outcome, warnings) = run_reporting(options)?;
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
    Ok(outcome)
}

/// Runs the generator: write the module (and the README's overlay table), or with `check`
/// compare them with what is on disk; returns the outcome and the warnings (each at its
/// pointer into the file it is in). With [`Options::deny_warnings`], warnings are errors. The
/// table follows the overlay alone, so it is written (or checked) once the overlay applies,
/// before the models are lowered.
pub fn run_reporting(options: &Options) -> Result<(Outcome, Vec<CodegenWarning>), String> {
    let read = |path: &Path| {
        fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let overlay_text = options.overlay.as_deref().map(read).transpose()?;
    // The spec, JSON or YAML, with the files it refers to bundled in.
    let (doc, imported) = match files::load(&options.spec)? {
        Ok(loaded) => loaded,
        Err(errors) => {
            let heading = format!("{} cannot be read:", options.spec.display());
            return Err(listed(heading, errors));
        }
    };
    let (doc, overlay) =
        with_overlay(doc, overlay_text.as_deref()).map_err(|(input, errors)| {
            let heading = match (input, &options.overlay) {
                (Input::Overlay, Some(overlay)) => format!(
                    "{} cannot be applied to {}:",
                    overlay.display(),
                    options.spec.display()
                ),
                _ => format!("{} cannot be read:", options.spec.display()),
            };
            listed(heading, errors)
        })?;
    let mut files = Vec::new();
    let mut stale = Vec::new();
    if let (Some(readme), Some(overlay), Some(source)) =
        (&options.readme, &overlay, &options.provenance.overlay)
    {
        let current = read(readme)?;
        let table = readme::table(overlay, source, &options.provenance.command);
        let updated = readme::with_table(&current, &table)
            .map_err(|e| format!("{}: {e}", readme.display()))?;
        if !same_text(&current, &updated) {
            if options.check {
                stale.push(readme.clone());
            } else {
                fs::write(readme, updated)
                    .map_err(|e| format!("cannot write {}: {e}", readme.display()))?;
            }
        }
        files.push(readme.clone());
    }
    let rendered = render(&doc, &options.provenance).and_then(|generated| {
        if options.deny_warnings {
            let source = generated.denying_warnings()?;
            Ok((source, Vec::new()))
        } else {
            // A warning in an imported component points into its file.
            Ok((generated.source, imported.remap(generated.warnings)))
        }
    });
    let (generated, warnings) = rendered.map_err(|errors| {
        // An error in an imported component points into its file.
        let errors = imported.remap(errors);
        let heading = if options.deny_warnings {
            "cannot be generated (every warning an error: --deny-warnings):"
        } else {
            "cannot be generated:"
        };
        let mut message = listed(format!("{} {heading}", options.provenance.inputs()), errors);
        // What was done, or found, before the lowering failed.
        for readme in &files {
            if options.check && stale.contains(readme) {
                message.push_str(&format!(
                    "\n{} is stale too: run `{}` and commit the result",
                    readme.display(),
                    options.provenance.command
                ));
            } else if !options.check {
                message.push_str(&format!(
                    "\n{} is current (its table follows the overlay alone)",
                    readme.display()
                ));
            }
        }
        message
    })?;
    let target = options.out.join(FILE_NAME);
    files.push(target.clone());
    if options.check {
        let current = fs::read_to_string(&target).ok();
        if !matches!(current, Some(current) if same_text(&current, &generated)) {
            stale.push(target);
        }
        let outcome = if stale.is_empty() {
            Outcome::UpToDate(files)
        } else {
            Outcome::Stale(stale)
        };
        return Ok((outcome, warnings));
    }
    fs::create_dir_all(&options.out)
        .map_err(|e| format!("cannot create {}: {e}", options.out.display()))?;
    // Written with LF line endings, whatever is there now.
    if fs::read_to_string(&target).ok().as_deref() != Some(generated.as_str()) {
        fs::write(&target, generated)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    Ok((Outcome::Written(files), warnings))
}

/// `heading`, then each error on a line of its own.
fn listed(heading: String, errors: Vec<CodegenError>) -> String {
    let mut message = heading;
    for error in errors {
        message.push_str(&format!("\n  {error}"));
    }
    message
}

/// `path` relative to the workspace root `root`, with `/` separators, as a header names it:
/// `path` is read from `cwd` when relative; a path outside the workspace climbs out with `..`.
/// Both are compared as written (`.` and `..` resolved, links not followed) unless they exist,
/// then as the file system resolves them.
pub fn workspace_relative(path: &Path, root: &Path, cwd: &Path) -> String {
    let resolve = |p: &Path| {
        let absolute = if p.is_absolute() {
            p.to_path_buf()
        } else {
            cwd.join(p)
        };
        fs::canonicalize(&absolute).unwrap_or_else(|_| normalize(&absolute))
    };
    let path = resolve(path);
    let root = resolve(root);
    let path_parts: Vec<Component<'_>> = path.components().collect();
    let root_parts: Vec<Component<'_>> = root.components().collect();
    let common = path_parts
        .iter()
        .zip(&root_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = Vec::new();
    parts.extend(root_parts[common..].iter().map(|_| "..".to_owned()));
    parts.extend(
        path_parts[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_owned()
    } else {
        parts.join("/")
    }
}

/// `path` with `.` and `..` resolved as written.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The workspace root (the xtask's parent folder).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}
