//! Running the checks over every input, in order, NDJSON batches on all cores.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use crate::args::{Args, Format};
use crate::check::{self, Checked, Rules};
use crate::input::{self, Batches, Line};
use crate::output::{self, Style, Totals};

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

fn emit(
    out: &mut dyn Write,
    source: &str,
    checked: &Checked,
    args: &Args,
    style: Style,
) -> io::Result<()> {
    match args.format {
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
        return emit(out, source, &checked, args, style);
    }
    let threads = args.threads();
    let mut batches = Batches::new(&mut *reader);
    while let Some(batch) = batches.next_batch()? {
        for checked in check_batch(&batch, rules, threads) {
            totals.add(&checked);
            emit(out, source, &checked, args, style)?;
        }
    }
    Ok(())
}

/// Checks a batch on `threads` threads; the results keep the batch's order.
fn check_batch(batch: &[Line], rules: Rules, threads: usize) -> Vec<Checked> {
    let check_all = |lines: &[Line]| -> Vec<Checked> {
        lines
            .iter()
            .map(|line| check::check(&line.bytes, Some(line.number), rules))
            .collect()
    };
    if threads <= 1 || batch.len() < 2 {
        return check_all(batch);
    }
    let chunk = batch.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|lines| scope.spawn(move || check_all(lines)))
            .collect();
        let mut results = Vec::with_capacity(batch.len());
        for (handle, lines) in handles.into_iter().zip(batch.chunks(chunk)) {
            match handle.join() {
                Ok(checked) => results.extend(checked),
                // A worker cannot panic on input (validation never panics); should one, check
                // its lines again here rather than lose them.
                Err(_) => results.extend(check_all(lines)),
            }
        }
        results
    })
}
