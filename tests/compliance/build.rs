//! Generates, with the real generator, every group of the vendored JSON-Schema-Test-Suite
//! (`tests/fixtures/json-schema-test-suite/`) into OUT_DIR, each group's schema wrapped as the
//! member `value` of an object component, for `src/lib.rs`: one module per group the generator
//! accepts, and for every group its outcome (accepted, refused with the generator's errors,
//! panicked, or out of time) in `compliance.rs`. A refused group does not fail the build; the
//! test (`compliance.rs`) counts it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use xtask::codegen::json::Json;
use xtask::codegen::{Provenance, generate_with_warnings, refs};

/// The vendored suite's draft 2020-12 folder (required files; `optional/` and
/// `optional/format/` below it), from this package's folder.
const SUITE: &str = "../fixtures/json-schema-test-suite/tests/draft2020-12";

/// The same folder from the workspace's root, as the generated headers and sources name it.
const SUITE_FROM_ROOT: &str = "tests/fixtures/json-schema-test-suite/tests/draft2020-12";

/// The meta-schema the suite's schemas name in `$schema`, which the wrapper states once as the
/// document's `jsonSchemaDialect` instead (OpenAPI 3.1's place for it).
const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// How long one group's generation may take before it is recorded as out of time (a hang):
/// far above the milliseconds it takes, so that a loaded machine cannot trip it.
const TIME_LIMIT: Duration = Duration::from_secs(30);

/// What the build writes for the compliance test, and what the command is in its headers.
const WRITER: &str = "tests/compliance/build.rs (cargo build -p m3ter-compliance-tests)";

fn main() -> Result<(), String> {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    compliance(&out_dir)
}

/// One group's outcome in the generator.
enum Outcome {
    /// The module's source.
    Accepted(String),
    /// The generator's errors, one per line.
    Refused(String),
    /// The generator panicked, with this message.
    Panicked(String),
    /// The generator did not finish within [`TIME_LIMIT`].
    TimedOut,
}

/// Generates every group of the suite and writes `compliance.rs` (the outcomes, the accepted
/// groups' modules included from `compliance/`) into `out_dir`.
fn compliance(out_dir: &Path) -> Result<(), String> {
    println!("cargo::rerun-if-changed={SUITE}");
    let started = Instant::now();
    let modules = out_dir.join("compliance");
    if modules.exists() {
        std::fs::remove_dir_all(&modules).map_err(|e| format!("{}: {e}", modules.display()))?;
    }
    std::fs::create_dir_all(&modules).map_err(|e| format!("{}: {e}", modules.display()))?;

    let mut index = String::new();
    let mut table = String::new();
    for file in suite_files(Path::new(SUITE))? {
        let text = std::fs::read_to_string(Path::new(SUITE).join(&file))
            .map_err(|e| format!("{SUITE}/{file}: {e}"))?;
        let groups = match Json::parse(&text) {
            Ok(Json::Array(groups)) => groups,
            _ => return Err(format!("{SUITE}/{file}: not a JSON array of groups")),
        };
        for (number, group) in groups.iter().enumerate() {
            let schema = group
                .get("schema")
                .ok_or_else(|| format!("{SUITE}/{file}: group {number} has no schema"))?;
            let module = module_name(&file, number);
            let source = format!("{SUITE_FROM_ROOT}/{file}#/{number}/schema");
            let outcome = match generate(wrap(schema), &source) {
                Outcome::Accepted(code) => {
                    std::fs::write(modules.join(format!("{module}.rs")), code)
                        .map_err(|e| e.to_string())?;
                    let description = group.get("description").and_then(Json::as_str);
                    // The suite's prose has brackets (`[0]`): not rustdoc links.
                    let description = description.unwrap_or("?").replace('[', "\\[");
                    let doc = format!("`{file}` group {number}: {description}");
                    writeln!(
                        index,
                        "    #[doc = {doc:?}]\n    pub mod {module} {{\n        \
                         include!(concat!(env!(\"OUT_DIR\"), \"/compliance/{module}.rs\"));\n    }}"
                    )
                    .map_err(|e| e.to_string())?;
                    format!(
                        "Generated::Accepted(verdicts::<groups::{module}::G>, \
                         raw_errors::<groups::{module}::G>)"
                    )
                }
                Outcome::Refused(errors) => format!("Generated::Refused({errors:?})"),
                Outcome::Panicked(message) => format!("Generated::Panicked({message:?})"),
                Outcome::TimedOut => format!("Generated::TimedOut({})", TIME_LIMIT.as_secs()),
            };
            writeln!(
                table,
                "    GroupOutcome {{ file: {file:?}, index: {number}, generated: {outcome} }},"
            )
            .map_err(|e| e.to_string())?;
        }
    }
    let millis = started.elapsed().as_millis();
    let code = format!(
        "// @generated by {WRITER} from the suite in {SUITE_FROM_ROOT}.\n\n\
         /// The accepted groups' models, one module each (the suite names members `foo`, `bar`).\n\
         #[allow(clippy::disallowed_names)]\n\
         pub mod groups {{\n{index}}}\n\n\
         /// Every group of the suite, in file and group order, with what the generator made of it.\n\
         pub const GROUPS: &[GroupOutcome] = &[\n{table}];\n\n\
         /// How long the build script took to generate every group, in milliseconds.\n\
         pub const GENERATION_MILLIS: u128 = {millis};\n"
    );
    std::fs::write(out_dir.join("compliance.rs"), code).map_err(|e| e.to_string())
}

/// The suite's JSON files under `dir`, relative to it (`allOf.json`, `optional/format/uuid.json`),
/// sorted so that the output is the same on every machine.
fn suite_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    let mut pending = vec![PathBuf::new()];
    while let Some(relative) = pending.pop() {
        let entries = std::fs::read_dir(dir.join(&relative))
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| e.to_string())?;
            let path = relative.join(entry.file_name());
            let kind = entry.file_type().map_err(|e| e.to_string())?;
            if kind.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let name = path.to_str().ok_or("a suite file name is not UTF-8")?;
                files.push(name.replace('\\', "/"));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// A Rust module name for group `number` of `file`: `all_of_0`, `optional_format_uuid_3`.
fn module_name(file: &str, number: usize) -> String {
    let stem = file.strip_suffix(".json").unwrap_or(file);
    let mut name = String::new();
    let mut previous = '_';
    for c in stem.chars() {
        if c.is_ascii_uppercase() && previous.is_ascii_lowercase() {
            name.push('_');
        }
        let c = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '_'
        };
        if !(c == '_' && name.ends_with('_')) {
            name.push(c);
        }
        previous = c;
    }
    format!("{name}_{number}")
}

/// Where the wrapper puts a group's schema: the member `value` of the component `G`.
const VALUE_POINTER: &str = "#/components/schemas/G/properties/value";

/// The OpenAPI 3.1 document for one group: its schema as the required member `value` of the
/// object component `G`. A root `$schema` naming draft 2020-12 is moved to the document's
/// `jsonSchemaDialect` (where OpenAPI 3.1 says it). A reference within the schema (`#`,
/// `#/properties/foo`, `#/$defs/X`: in the suite `#` is the schema's root) is relocated to
/// where the schema now is (`#/components/schemas/G/properties/value…`), so that it names the
/// same schema in the wrapped document (`#` is the document there); its `$defs` stay where they
/// are, and so does anything else.
fn wrap(schema: &Json) -> String {
    let schema = match schema {
        Json::Object(members) => Json::Object(
            members
                .iter()
                .filter(|(key, value)| !(key == "$schema" && value.as_str() == Some(DIALECT)))
                .cloned()
                .collect(),
        ),
        other => other.clone(),
    };
    let schema = relocate(&schema, false, true);
    let mut value = String::new();
    write_json(&schema, &mut value);
    format!(
        "{{\"openapi\": \"3.1.0\", \"jsonSchemaDialect\": \"{DIALECT}\", \
         \"info\": {{\"title\": \"JSON-Schema-Test-Suite group\", \"version\": \"1\"}}, \
         \"paths\": {{}}, \"components\": {{\"schemas\": {{\"G\": {{\"type\": \"object\", \
         \"properties\": {{\"value\": {value}}}, \"required\": [\"value\"]}}}}}}}}"
    )
}

/// The keywords whose values are JSON data, not schemas: a `$ref` member there is data.
const DATA_KEYWORDS: &[&str] = &["const", "enum", "default", "examples"];

/// `json` (a schema, or a map of schemas by name when `names`) with each `$ref` within the
/// schema (`#`, `#/…`) moved under [`VALUE_POINTER`]; data (`const`, `enum`, ...) as written,
/// and so are an anchor (`#name`) and a schema below the root that has an `$id` (a `#` there
/// names that schema: the generator refuses `$id`, so it is left as the suite writes it).
fn relocate(json: &Json, names: bool, root: bool) -> Json {
    match json {
        Json::Array(items) => Json::Array(
            items
                .iter()
                .map(|item| relocate(item, false, false))
                .collect(),
        ),
        Json::Object(_) if !names && !root && json.get("$id").is_some() => json.clone(),
        Json::Object(members) => Json::Object(
            members
                .iter()
                .map(|(key, value)| {
                    let value = match value {
                        Json::String(reference) if !names && key == "$ref" => {
                            match reference.strip_prefix('#') {
                                Some(fragment)
                                    if fragment.is_empty() || fragment.starts_with('/') =>
                                {
                                    Json::String(format!("{VALUE_POINTER}{fragment}"))
                                }
                                _ => value.clone(),
                            }
                        }
                        _ if !names && DATA_KEYWORDS.contains(&key.as_str()) => value.clone(),
                        _ => relocate(
                            value,
                            !names && refs::SCHEMA_MAPS.contains(&key.as_str()),
                            false,
                        ),
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// `json` as JSON text, its members in document order.
fn write_json(json: &Json, out: &mut String) {
    match json {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&n.to_string()),
        Json::String(s) => out.push_str(&serde_json::Value::from(s.as_str()).to_string()),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(item, out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::Value::from(key.as_str()).to_string());
                out.push(':');
                write_json(value, out);
            }
            out.push('}');
        }
    }
}

/// Runs the generator on `document` on a thread of its own, so that a panic is caught and a
/// hang is cut off after [`TIME_LIMIT`] (the thread is left behind; the script's exit ends it).
fn generate(document: String, source: &str) -> Outcome {
    let provenance = Provenance::written_by(source, WRITER);
    let (send, receive) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        // A keyword JSON Schema ignores for the member's type is a warning: the group is
        // generated, as `cargo xtask codegen` generates it.
        let result =
            generate_with_warnings(&document, None, &provenance).map(|generated| generated.source);
        // The receiver is gone only after a timeout, when nobody waits for the result.
        let _ = send.send(result);
    });
    match receive.recv_timeout(TIME_LIMIT) {
        Ok(Ok(code)) => Outcome::Accepted(code),
        Ok(Err(errors)) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            Outcome::Refused(lines.join("\n"))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => Outcome::TimedOut,
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(payload) => Outcome::Panicked(
                payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "(a panic without a message)".to_owned()),
            ),
            Ok(()) => Outcome::Panicked("the generator's thread ended without a result".into()),
        },
    }
}
