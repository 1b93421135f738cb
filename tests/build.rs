//! Generates the fixture fragments' models into OUT_DIR with the real generator, so that the
//! tests compile and exercise what the generator produces now (not a stale snapshot).

use std::path::Path;

const FIXTURES: &[(&str, &str)] = &[
    (
        "fixtures/generator/all-keywords.openapi.json",
        "all_keywords.rs",
    ),
    ("fixtures/generator/hostile.openapi.json", "hostile.rs"),
];

fn main() -> Result<(), String> {
    let out_dir = std::env::var("OUT_DIR").map_err(|e| e.to_string())?;
    for (spec, file) in FIXTURES {
        println!("cargo::rerun-if-changed={spec}");
        let text = std::fs::read_to_string(spec).map_err(|e| format!("{spec}: {e}"))?;
        // The header names the fixture from the workspace root, and this script as its writer.
        let provenance = xtask::codegen::Provenance::written_by(
            &format!("tests/{spec}"),
            "tests/build.rs (cargo build -p m3ter-workspace-tests)",
        );
        let code = xtask::codegen::generate_with(&text, None, &provenance).map_err(|errors| {
            let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
            format!("{spec} cannot be generated:\n{}", list.join("\n"))
        })?;
        std::fs::write(Path::new(&out_dir).join(file), code).map_err(|e| e.to_string())?;
    }
    Ok(())
}
