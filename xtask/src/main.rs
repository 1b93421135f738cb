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
                    options.spec.display()
                );
                eprintln!("Run `cargo xtask codegen` and commit the result.");
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
            "--spec" => spec = Some(iter.next().ok_or("--spec needs a FILE")?.clone()),
            "--out" => out = Some(PathBuf::from(iter.next().ok_or("--out needs a DIR")?)),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let spec_label = spec
        .clone()
        .unwrap_or_else(|| codegen::DEFAULT_SPEC.to_owned());
    let spec_path = match spec {
        Some(spec) => PathBuf::from(spec),
        None => root.join(codegen::DEFAULT_SPEC),
    };
    Ok(Options {
        spec: spec_path,
        spec_label,
        out: out.unwrap_or_else(|| root.join(codegen::DEFAULT_OUT)),
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
