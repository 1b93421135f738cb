//! The generator: fragment → ordered JSON → intermediate model → tokens → formatted file.

pub mod doc;
pub mod emit;
pub mod error;
pub mod ir;
pub mod json;
pub mod lower;
pub mod names;
pub mod overlay;
pub mod pointer;

use std::fs;
use std::path::{Component, Path, PathBuf};

pub use error::CodegenError;

/// The command that regenerates the checked-in code, named in every generated header.
pub const COMMAND: &str = "cargo xtask codegen";
/// The checked-in fragment, relative to the workspace root.
pub const DEFAULT_SPEC: &str = "schema/export-destinations.openapi.json";
/// Where its module goes, relative to the workspace root.
pub const DEFAULT_OUT: &str = "crates/m3ter-models/src/generated";
/// The name of the generated file in the output folder.
pub const FILE_NAME: &str = "mod.rs";

/// What the header of a generated file names: the fragment and the command that regenerates
/// the file, both as a maintainer runs them from the workspace root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provenance {
    /// The fragment, by its path relative to the workspace root.
    pub spec: String,
    /// The command that writes the file again.
    pub command: String,
}

impl Provenance {
    /// `cargo xtask codegen --spec SPEC --out OUT` (paths relative to the workspace root), or
    /// plain `cargo xtask codegen` for the default fragment and folder.
    pub fn command_line(spec: &str, out: &str) -> Provenance {
        let command = if spec == DEFAULT_SPEC && out == DEFAULT_OUT {
            COMMAND.to_owned()
        } else {
            format!(
                "{COMMAND} --spec {} --out {}",
                shell_word(spec),
                shell_word(out)
            )
        };
        Provenance {
            spec: spec.to_owned(),
            command,
        }
    }

    /// A file written by something else than the command line (a build script): `command`
    /// says what writes it again.
    pub fn written_by(spec: &str, command: &str) -> Provenance {
        Provenance {
            spec: spec.to_owned(),
            command: command.to_owned(),
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

/// Generates the module source from the fragment's text. `source` is the fragment's path
/// relative to the workspace root; the header names the command that writes it into the
/// default folder ([`Provenance::command_line`]). Every problem found is returned, each at its
/// JSON Pointer.
pub fn generate(spec_text: &str, source: &str) -> Result<String, Vec<CodegenError>> {
    generate_with(spec_text, &Provenance::command_line(source, DEFAULT_OUT))
}

/// [`generate`], with the header naming `provenance`.
pub fn generate_with(
    spec_text: &str,
    provenance: &Provenance,
) -> Result<String, Vec<CodegenError>> {
    let doc = json::Json::parse(spec_text).map_err(|e| {
        vec![CodegenError {
            pointer: "(document root)".to_owned(),
            message: format!("not valid JSON: {e}"),
        }]
    })?;
    let module = lower::lower(&doc)?;
    emit::render(&module, &provenance.spec, &provenance.command).map_err(|message| {
        vec![CodegenError {
            pointer: "(document root)".to_owned(),
            message,
        }]
    })
}

/// What `codegen` should do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The fragment.
    pub spec: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// What the header names (the paths relative to the workspace root).
    pub provenance: Provenance,
    /// Compare only; write nothing.
    pub check: bool,
}

/// The outcome of a run.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The file was written (or already current).
    Written(PathBuf),
    /// `--check`: the checked-in file is current.
    UpToDate(PathBuf),
    /// `--check`: the checked-in file differs (or is missing).
    Stale(PathBuf),
}

/// Whether two texts are the same once line endings are normalized (`\r\n` read as `\n`), as
/// `--check` compares them: a checkout that turned the generated file's line endings into
/// CRLF is not stale.
pub fn same_text(a: &str, b: &str) -> bool {
    a.replace("\r\n", "\n") == b.replace("\r\n", "\n")
}

/// Runs the generator: write the module, or with `check` compare it with what is on disk.
pub fn run(options: &Options) -> Result<Outcome, String> {
    let text = fs::read_to_string(&options.spec)
        .map_err(|e| format!("cannot read {}: {e}", options.spec.display()))?;
    let generated = generate_with(&text, &options.provenance).map_err(|errors| {
        let mut message = format!("{} cannot be generated:", options.spec.display());
        for error in errors {
            message.push_str(&format!("\n  {error}"));
        }
        message
    })?;
    let target = options.out.join(FILE_NAME);
    if options.check {
        let current = fs::read_to_string(&target).ok();
        return Ok(match current {
            Some(current) if same_text(&current, &generated) => Outcome::UpToDate(target),
            _ => Outcome::Stale(target),
        });
    }
    fs::create_dir_all(&options.out)
        .map_err(|e| format!("cannot create {}: {e}", options.out.display()))?;
    // Written with LF line endings, whatever is there now.
    if fs::read_to_string(&target).ok().as_deref() != Some(generated.as_str()) {
        fs::write(&target, generated)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    Ok(Outcome::Written(target))
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
