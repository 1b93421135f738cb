//! `cargo xtask codegen [--check] [--spec FILE --out DIR]`.

#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::process::ExitCode;

use xtask::codegen::{self, Options, Outcome};

const USAGE: &str = "usage: cargo xtask codegen [--check] [--spec FILE] [--out DIR]\n\
\n\
  --check       write nothing; fail when the generated file differs from the checked-in one\n\
  --spec FILE   the OpenAPI fragment (default: schema/export-destinations.openapi.json)\n\
  --out DIR     the folder of the generated mod.rs (default: crates/m3ter-models/src/generated)";

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
            Ok(Outcome::Written(path)) => {
                println!("generated {}", path.display());
                ExitCode::SUCCESS
            }
            Ok(Outcome::UpToDate(path)) => {
                println!("{} is up to date", path.display());
                ExitCode::SUCCESS
            }
            Ok(Outcome::Stale(path)) => {
                eprintln!(
                    "{} is stale: it differs from what the generator produces from {}.",
                    path.display(),
                    options.provenance.spec
                );
                eprintln!(
                    "Run `{}` and commit the result.",
                    options.provenance.command
                );
                ExitCode::FAILURE
            }
            Err(message) => {
                eprintln!("error: {message}");
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

fn parse(args: &[String]) -> Result<Options, String> {
    let root = codegen::workspace_root();
    let mut iter = args.iter();
    match iter.next().map(String::as_str) {
        Some("codegen") => {}
        None => return Err("no task given".to_owned()),
        Some(other) => return Err(format!("unknown task `{other}`")),
    }
    let mut check = false;
    let mut spec = None;
    let mut out = None;
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--spec" => spec = Some(PathBuf::from(iter.next().ok_or("--spec needs a FILE")?)),
            "--out" => out = Some(PathBuf::from(iter.next().ok_or("--out needs a DIR")?)),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let spec = match spec {
        Some(spec) => cwd.join(spec),
        None => root.join(codegen::DEFAULT_SPEC),
    };
    let out = match out {
        Some(out) => cwd.join(out),
        None => root.join(codegen::DEFAULT_OUT),
    };
    // The header names both as a maintainer runs the command from the workspace root.
    let provenance = codegen::Provenance::command_line(
        &codegen::workspace_relative(&spec, &root, &cwd),
        &codegen::workspace_relative(&out, &root, &cwd),
    );
    Ok(Options {
        spec,
        out,
        provenance,
        check,
    })
}

#[cfg(test)]
mod tests {
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
}
