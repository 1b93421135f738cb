//! The targets that `cargo test` skips hold no test: a library or binary declared `test = false`
//! in its `Cargo.toml` (no harness built for it) has no `#[test]` or `#[cfg(test)]`, and a
//! library declared `doctest = false` (no rustdoc run for it) has no fenced example in its doc
//! comments. Skipping an empty target saves a build, a link or a rustdoc run on every
//! `cargo test --workspace`; this test keeps a test written there later from being skipped in
//! silence.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::fs;
use std::path::{Path, PathBuf};

/// One `[lib]` or `[[bin]]` table of a manifest: its source file and the two switches.
#[derive(Debug)]
struct Target {
    kind: &'static str,
    path: PathBuf,
    test: bool,
    doctest: bool,
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests package is inside the workspace")
        .to_path_buf()
}

/// The workspace's members, read from the root manifest's `members = [...]`.
fn members(root: &Path) -> Vec<PathBuf> {
    let manifest = fs::read_to_string(root.join("Cargo.toml")).expect("the root manifest reads");
    let line = manifest
        .lines()
        .find(|line| line.starts_with("members = ["))
        .expect("the root manifest lists its members on one line");
    line.split('"')
        .skip(1)
        .step_by(2)
        .map(|member| root.join(member))
        .collect()
}

/// The value of `key = <value>` on a manifest line, if the line sets that key.
fn value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let (name, rest) = line.split_once('=')?;
    (name.trim() == key).then(|| rest.trim())
}

/// The manifest's `[lib]` (or the default `src/lib.rs`) and `[[bin]]` tables.
fn targets(member: &Path) -> Vec<Target> {
    let manifest = fs::read_to_string(member.join("Cargo.toml")).expect("a member's manifest");
    let mut targets = Vec::new();
    let mut current: Option<Target> = None;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            targets.extend(current.take());
            let kind = match line {
                "[lib]" => "lib",
                "[[bin]]" => "bin",
                _ => continue,
            };
            let path = if kind == "lib" {
                "src/lib.rs"
            } else {
                "src/main.rs"
            };
            current = Some(Target {
                kind,
                path: member.join(path),
                test: true,
                doctest: true,
            });
        } else if let Some(target) = current.as_mut() {
            if let Some(path) = value(line, "path") {
                target.path = member.join(path.trim_matches('"'));
            } else if let Some(test) = value(line, "test") {
                target.test = test != "false";
            } else if let Some(doctest) = value(line, "doctest") {
                target.doctest = doctest != "false";
            }
        }
    }
    targets.extend(current);
    if !targets.iter().any(|target| target.kind == "lib") && member.join("src/lib.rs").exists() {
        targets.push(Target {
            kind: "lib",
            path: member.join("src/lib.rs"),
            test: true,
            doctest: true,
        });
    }
    targets
}

/// The Rust files of a target: a binary's own file, or a library's folder without the binaries.
fn sources(target: &Target) -> Vec<PathBuf> {
    if target.kind == "bin" {
        return vec![target.path.clone()];
    }
    let mut files = Vec::new();
    let mut folders = vec![target.path.parent().expect("a source folder").to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).expect("a source folder reads") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() && path.file_name().is_some_and(|name| name != "bin") {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs")
                && path.file_name().is_some_and(|name| name != "main.rs")
            {
                files.push(path);
            }
        }
    }
    files
}

/// What would be skipped in silence: `file:line: text` for each test attribute or doc example.
fn skipped(target: &Target) -> Vec<String> {
    let mut found = Vec::new();
    for file in sources(target) {
        let text = fs::read_to_string(&file).expect("a source file reads");
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            let is_test = line.starts_with("#[test]") || line.starts_with("#[cfg(test)]");
            let is_example = (line.starts_with("///") || line.starts_with("//!"))
                && line
                    .trim_start_matches('/')
                    .trim_start_matches('!')
                    .trim()
                    .starts_with("```");
            if (!target.test && is_test) || (!target.doctest && is_example) {
                found.push(format!("{}:{}: {line}", file.display(), number + 1));
            }
        }
    }
    found
}

#[test]
fn targets_that_cargo_test_skips_hold_no_test() {
    let root = workspace_root();
    let mut skipping = 0;
    let mut problems = Vec::new();
    for member in members(&root) {
        for target in targets(&member) {
            if !target.test || (target.kind == "lib" && !target.doctest) {
                skipping += 1;
                problems.extend(skipped(&target));
            }
        }
    }
    // The manifests declare seven such targets today (m3ter-models, m3ter-models-derive,
    // m3ter-derive-ui, m3ter-validate's library and binary, this package's library, xtask's
    // library): a parser that found none would check nothing.
    assert!(
        skipping >= 7,
        "only {skipping} skipped targets found: the parser is wrong"
    );
    assert!(
        problems.is_empty(),
        "a test or doc example in a target whose manifest says `test = false` or \
         `doctest = false` (cargo test would skip it): remove that line from the manifest\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_manifest_reader_finds_a_test_where_there_is_one() {
    // The checker itself, on a target known to hold unit tests (m3ter-runtime's library).
    let runtime = workspace_root().join("crates/m3ter-runtime");
    let lib = Target {
        kind: "lib",
        path: runtime.join("src/lib.rs"),
        test: false,
        doctest: false,
    };
    let found = skipped(&lib);
    assert!(
        found.iter().any(|line| line.ends_with("#[cfg(test)]")),
        "{found:?}"
    );
    assert!(found.iter().any(|line| line.contains("```")), "{found:?}");
}
