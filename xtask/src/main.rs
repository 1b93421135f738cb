//! `cargo xtask codegen [--check] [--deny-warnings] [--spec FILE] [--overlay FILE | --no-overlay]
//! [--out DIR]`.

#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use xtask::codegen::{self, Options, Outcome};

const USAGE: &str = "usage: cargo xtask codegen [--check] [--deny-warnings] [--spec FILE] [--overlay FILE | --no-overlay] [--out DIR]\n\
\n\
  --check          write nothing; fail when a generated file differs from the checked-in one\n\
                   (the models, and schema/README.md's overlay table)\n\
  --deny-warnings  make every warning (a keyword JSON Schema ignores for its member's type,\n\
                   printed as `warning: POINTER: MESSAGE`) an error: nothing is written\n\
  --spec FILE      the OpenAPI document, JSON or YAML; relative `$ref`s to other files are read\n\
                   from its folder (default: schema/m3ter/export-destinations.openapi.json)\n\
  --overlay FILE   the OpenAPI Overlay 1.0.0 applied to it first\n\
                   (default: schema/export-destinations.overlay.json; with the default overlay,\n\
                   schema/README.md's table of its actions is written too)\n\
  --no-overlay     generate from the document as it is\n\
  --out DIR        the folder of the generated mod.rs (default: crates/m3ter-models/src/generated)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if wants_help(&args) {
        use std::io::Write;
        return match writeln!(std::io::stdout(), "{USAGE}") {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        };
    }
    match parse(&args) {
        Ok(options) => match codegen::run(&options) {
            Ok(Outcome::Written(paths)) => {
                for path in paths {
                    println!("generated {}", path.display());
                }
                ExitCode::SUCCESS
            }
            Ok(Outcome::UpToDate(paths)) => {
                for path in paths {
                    println!("{} is up to date", path.display());
                }
                ExitCode::SUCCESS
            }
            Ok(Outcome::Stale(paths)) => {
                for path in paths {
                    eprintln!(
                        "{} is stale: it differs from what `{}` writes from {}.",
                        path.display(),
                        options.provenance.command,
                        options.provenance.inputs()
                    );
                }
                eprintln!(
                    "Run `{}` and commit the result.",
                    options.provenance.command
                );
                ExitCode::FAILURE
            }
            Err(message) => {
                eprintln!("error: {message}");
                if let Some(hint) = overlay_hint(&args, &message) {
                    eprintln!("\n{hint}");
                }
                ExitCode::FAILURE
            }
        },
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `cargo xtask --help`, `cargo xtask -h`, `cargo xtask codegen --help`: the usage, exit 0.
fn wants_help(args: &[String]) -> bool {
    match args.first().map(String::as_str) {
        Some("-h" | "--help" | "help") => true,
        Some("codegen") => args[1..].iter().any(|a| a == "-h" || a == "--help"),
        _ => false,
    }
}

/// A hint when another spec (`--spec`) failed under the overlay applied by default: that
/// overlay is written for m3ter's document, so its actions match nothing in most other specs.
fn overlay_hint(args: &[String], message: &str) -> Option<String> {
    let other_spec = args.iter().any(|a| a == "--spec");
    let overlay_chosen = args.iter().any(|a| a == "--overlay" || a == "--no-overlay");
    let overlay_failed = message.lines().next().is_some_and(|first| {
        first.contains(codegen::DEFAULT_OVERLAY) && first.contains("cannot be applied")
    });
    (other_spec && !overlay_chosen && overlay_failed).then(|| {
        format!(
            "hint: without `--overlay` or `--no-overlay`, the overlay {} is applied; it is written for \
             m3ter's document. For another spec, add `--no-overlay` (or `--overlay FILE` with your own).",
            codegen::DEFAULT_OVERLAY
        )
    })
}

fn parse(args: &[String]) -> Result<Options, String> {
    let root = codegen::workspace_root();
    let mut iter = args.iter();
    match iter.next().map(String::as_str) {
        Some("codegen") => {}
        None => return Err("no task given".to_owned()),
        Some(other) => return Err(format!("unknown task `{other}`")),
    }
    let mut check = false;
    let mut deny_warnings = false;
    let mut spec = None;
    let mut overlay = None;
    let mut no_overlay = false;
    let mut out = None;
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--deny-warnings" => deny_warnings = true,
            "--spec" => spec = Some(PathBuf::from(iter.next().ok_or("--spec needs a FILE")?)),
            "--overlay" => {
                overlay = Some(PathBuf::from(iter.next().ok_or("--overlay needs a FILE")?));
            }
            "--no-overlay" => no_overlay = true,
            "--out" => out = Some(PathBuf::from(iter.next().ok_or("--out needs a DIR")?)),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if no_overlay && overlay.is_some() {
        return Err("--overlay and --no-overlay exclude each other: give one".to_owned());
    }
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let spec = match spec {
        Some(spec) => cwd.join(spec),
        None => root.join(codegen::DEFAULT_SPEC),
    };
    let overlay = match (overlay, no_overlay) {
        (_, true) => None,
        (Some(overlay), false) => Some(cwd.join(overlay)),
        (None, false) => Some(root.join(codegen::DEFAULT_OVERLAY)),
    };
    let out = match out {
        Some(out) => cwd.join(out),
        None => root.join(codegen::DEFAULT_OUT),
    };
    // The header names them as a maintainer runs the command from the workspace root.
    let overlay_name = overlay
        .as_deref()
        .map(|overlay| codegen::workspace_relative(overlay, &root, &cwd));
    let provenance = codegen::Provenance::command_line_with(
        &codegen::workspace_relative(&spec, &root, &cwd),
        overlay_name.as_deref(),
        &codegen::workspace_relative(&out, &root, &cwd),
    );
    // The README's table lists the checked-in overlay's actions, not another overlay's.
    let readme = (overlay_name.as_deref() == Some(codegen::DEFAULT_OVERLAY))
        .then(|| root.join(codegen::DEFAULT_README));
    Ok(Options {
        spec,
        overlay,
        readme,
        out,
        provenance,
        check,
        deny_warnings,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // A test fails by panicking.

    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|&a| a.to_owned()).collect()
    }

    #[test]
    fn help_is_asked_for_and_no_task_is_not_help() {
        for args in [
            &["--help"][..],
            &["-h"],
            &["help"],
            &["codegen", "--check", "-h"],
        ] {
            assert!(wants_help(&strings(args)), "{args:?}");
        }
        for args in [
            &[][..],
            &["codegen"],
            &["codegen", "--check"],
            &["nope", "--help"],
        ] {
            assert!(!wants_help(&strings(args)), "{args:?}");
        }
    }

    #[test]
    fn the_default_applies_the_overlay_and_writes_the_readme_table() {
        let root = codegen::workspace_root();
        let options = parse(&strings(&["codegen", "--check"])).unwrap();
        assert_eq!(options.spec, root.join(codegen::DEFAULT_SPEC));
        assert_eq!(options.overlay, Some(root.join(codegen::DEFAULT_OVERLAY)));
        assert_eq!(options.readme, Some(root.join(codegen::DEFAULT_README)));
        assert_eq!(options.provenance.command, "cargo xtask codegen");
        assert!(options.check);
        assert!(!options.deny_warnings);
        let options = parse(&strings(&["codegen", "--deny-warnings"])).unwrap();
        assert!(options.deny_warnings && !options.check);
    }

    #[test]
    fn no_overlay_or_another_overlay_leaves_the_readme_alone() {
        let options = parse(&strings(&["codegen", "--no-overlay"])).unwrap();
        assert_eq!((options.overlay, options.readme), (None, None));
        assert_eq!(
            options.provenance.command,
            "cargo xtask codegen --no-overlay"
        );
        let cwd = std::env::current_dir().unwrap();
        let options = parse(&strings(&["codegen", "--overlay", "other.json"])).unwrap();
        assert_eq!(options.overlay, Some(cwd.join("other.json")));
        assert_eq!(options.readme, None);
        assert_eq!(
            options.provenance.overlay,
            Some(codegen::workspace_relative(
                &cwd.join("other.json"),
                &codegen::workspace_root(),
                &cwd,
            ))
        );
    }

    #[test]
    fn overlay_flags_that_do_not_fit_are_errors() {
        assert!(
            parse(&strings(&[
                "codegen",
                "--overlay",
                "o.json",
                "--no-overlay"
            ]))
            .unwrap_err()
            .contains("exclude each other")
        );
        assert_eq!(
            parse(&strings(&["codegen", "--overlay"])).unwrap_err(),
            "--overlay needs a FILE"
        );
    }

    #[test]
    fn another_spec_failing_under_the_default_overlay_gets_a_hint() {
        let dir = std::env::temp_dir().join(format!("xtask-hint-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let spec = dir.join("other.json");
        std::fs::write(
            &spec,
            r#"{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}"#,
        )
        .unwrap();
        let spec_arg = spec.display().to_string();
        let args = strings(&["codegen", "--check", "--spec", &spec_arg]);
        // The real message of the overlay that matches nothing in another spec.
        let message = codegen::run(&parse(&args).unwrap()).unwrap_err();
        let hint = overlay_hint(&args, &message).unwrap();
        assert!(hint.contains("--no-overlay"), "{hint}");
        // No hint where the overlay was chosen, or for m3ter's own document.
        let chosen = strings(&["codegen", "--spec", &spec_arg, "--overlay", "o.json"]);
        assert_eq!(overlay_hint(&chosen, &message), None);
        assert_eq!(overlay_hint(&strings(&["codegen"]), &message), None);
        // With `--no-overlay` the same spec generates (it has no schemas to refuse).
        let bare = strings(&["codegen", "--check", "--spec", &spec_arg, "--no-overlay"]);
        let outcome = codegen::run(&parse(&bare).unwrap());
        assert!(
            outcome
                .as_ref()
                .map_or_else(|e| !e.contains("cannot be applied"), |_| true),
            "{outcome:?}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
