//! The generator: fragment → ordered JSON → intermediate model → tokens → formatted file.

pub mod emit;
pub mod error;
pub mod ir;
pub mod json;
pub mod lower;
pub mod names;
pub mod pointer;

use std::fs;
use std::path::{Path, PathBuf};

pub use error::CodegenError;

/// The command that regenerates the checked-in code, named in every generated header.
pub const COMMAND: &str = "cargo xtask codegen";
/// The checked-in fragment, relative to the workspace root.
pub const DEFAULT_SPEC: &str = "schema/export-destinations.openapi.json";
/// Where its module goes, relative to the workspace root.
pub const DEFAULT_OUT: &str = "crates/m3ter-models/src/generated";
/// The name of the generated file in the output folder.
pub const FILE_NAME: &str = "mod.rs";

/// Generates the module source from the fragment's text. `source` is how the header names the
/// fragment. Every problem found is returned, each at its JSON Pointer.
pub fn generate(spec_text: &str, source: &str) -> Result<String, Vec<CodegenError>> {
    let doc = json::Json::parse(spec_text).map_err(|e| {
        vec![CodegenError {
            pointer: "(document root)".to_owned(),
            message: format!("not valid JSON: {e}"),
        }]
    })?;
    let module = lower::lower(&doc)?;
    let command = if source == DEFAULT_SPEC {
        COMMAND.to_owned()
    } else {
        format!("{COMMAND} --spec {source}")
    };
    emit::render(&module, source, &command).map_err(|message| {
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
    /// How the header names the fragment.
    pub spec_label: String,
    /// The output folder.
    pub out: PathBuf,
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

/// Runs the generator: write the module, or with `check` compare it with what is on disk.
pub fn run(options: &Options) -> Result<Outcome, String> {
    let text = fs::read_to_string(&options.spec)
        .map_err(|e| format!("cannot read {}: {e}", options.spec.display()))?;
    let generated = generate(&text, &options.spec_label).map_err(|errors| {
        let mut message = format!("{} cannot be generated:", options.spec.display());
        for error in errors {
            message.push_str(&format!("\n  {error}"));
        }
        message
    })?;
    let target = options.out.join(FILE_NAME);
    if options.check {
        let current = fs::read_to_string(&target).ok();
        return Ok(if current.as_deref() == Some(generated.as_str()) {
            Outcome::UpToDate(target)
        } else {
            Outcome::Stale(target)
        });
    }
    fs::create_dir_all(&options.out)
        .map_err(|e| format!("cannot create {}: {e}", options.out.display()))?;
    if fs::read_to_string(&target).ok().as_deref() != Some(generated.as_str()) {
        fs::write(&target, generated)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    Ok(Outcome::Written(target))
}

/// The workspace root (the xtask's parent folder).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}
