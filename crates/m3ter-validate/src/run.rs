//! Running the checks over every input, in order, NDJSON batches on all cores
//! ([`parallel`](crate::parallel)).

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use crate::args::{Args, Format};
use crate::check::{self, Checked, Rules};
use crate::input::{self, Batches, Line};
use crate::output::{self, Style, Totals};
use crate::parallel;

/// Checks every input in order and reports; the exit status of the contract.
pub fn run(args: &Args) -> ExitCode {
    let stdout = io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = io::BufWriter::new(stdout.lock());
    let rules = Rules {
        operation: args.operation(),
        profile: args.profile(),
        locate: args.format == Format::Human,
    };
    let style = Style { color };
    let sources: Vec<String> = if args.files.is_empty() {
        vec!["-".to_owned()]
    } else {
        args.files.clone()
    };
    let mut totals = Totals::default();
    for source in &sources {
        if let Err(error) = check_source(source, args, rules, style, &mut out, &mut totals) {
            // A broken pipe on output ends the run; anything else is this input's problem.
            if error.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::from(1);
            }
            let _ = out.flush();
            eprintln!("m3ter-validate: {source}: cannot read: {error}");
            totals.unreadable += 1;
        }
    }
    if args.format == Format::Human {
        let _ = writeln!(out, "{}", totals.summary());
    }
    let _ = out.flush();
    if totals.unreadable > 0 {
        ExitCode::from(2)
    } else if totals.invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes the report of one checked document in `format`.
pub fn emit<W: Write + ?Sized>(
    out: &mut W,
    source: &str,
    checked: &Checked,
    format: Format,
    style: Style,
) -> io::Result<()> {
    match format {
        Format::Json => output::json_line(out, source, checked),
        Format::Human => output::human(out, source, checked, style),
    }
}

fn check_source(
    source: &str,
    args: &Args,
    rules: Rules,
    style: Style,
    out: &mut dyn Write,
    totals: &mut Totals,
) -> io::Result<()> {
    let mut reader = input::open(source)?;
    if !args.ndjson {
        let bytes = input::read_all(&mut *reader)?;
        let checked = check::check(&bytes, None, rules);
        totals.add(&checked);
        return emit(out, source, &checked, args.format, style);
    }
    let mut batches = Batches::new(&mut *reader);
    let report = Report {
        source,
        rules,
        format: args.format,
        style,
    };
    check_ndjson(&mut batches, report, args.threads(), out, totals)
}

/// How to check and report the lines of one input.
#[derive(Clone, Copy)]
pub struct Report<'a> {
    /// The input's name in the reports (`-` for standard input).
    pub source: &'a str,
    /// What to check.
    pub rules: Rules,
    /// How to write each report.
    pub format: Format,
    /// Colours for `--format human`.
    pub style: Style,
}

/// Checks every NDJSON line of `batches` on `threads` threads and writes each line's report to
/// `out` in input order, counting into `totals`. The workers render the reports too, so this
/// thread only reads the next batch and copies the rendered bytes out.
pub fn check_ndjson(
    batches: &mut Batches<'_>,
    report: Report<'_>,
    threads: usize,
    out: &mut dyn Write,
    totals: &mut Totals,
) -> io::Result<()> {
    parallel::for_each_chunk(
        batches,
        threads,
        |lines: &[Line]| -> io::Result<(Vec<u8>, Totals)> {
            let mut rendered = Vec::with_capacity(lines.len() * 96);
            let mut counted = Totals::default();
            for line in lines {
                let checked = check::check(&line.bytes, Some(line.number), report.rules);
                counted.add(&checked);
                emit(
                    &mut rendered,
                    report.source,
                    &checked,
                    report.format,
                    report.style,
                )?;
            }
            Ok((rendered, counted))
        },
        |chunk| {
            let (rendered, counted) = chunk?;
            totals.merge(&counted);
            out.write_all(&rendered)
        },
    )
}
