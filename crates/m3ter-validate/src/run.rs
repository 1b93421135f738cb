//! Running the checks over every input, in order, NDJSON on all cores: a regular file in byte
//! ranges the workers read themselves ([`ranges`](mod@crate::ranges)), standard input and pipes
//! in batches this thread reads ([`parallel`](mod@crate::parallel)).
//!
//! Every write is checked. A closed pipe (`m3ter-validate … | head`) stops the run quietly with
//! the status of what was checked so far, as `grep` does; any other write error (a full disk)
//! stops it with its own message and exit status [`WRITE_FAILED`], never reported as a problem
//! of the inputs that follow.

use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::{Mutex, PoisonError};

use crate::args::{Args, Format};
use crate::check::{self, Rules};
use crate::escape;
use crate::input::{self, Batches, Line, Opened};
use crate::output::{self, Style, Totals};
use crate::parallel::{self, Pool};
use crate::ranges::{self, Limits, PositionedFile, ReadAt};

/// The exit status when the reports could not be written (a full disk, an I/O error on
/// standard output; a closed pipe is not one).
pub const WRITE_FAILED: u8 = 3;

/// Checks every input in order and reports; the exit status of the contract.
pub fn run(args: &Args) -> ExitCode {
    let stdout = io::stdout();
    let color = args.color(
        stdout.is_terminal(),
        std::env::var_os("NO_COLOR").as_deref(),
    );
    let mut out = CheckedWriter::new(io::BufWriter::new(stdout.lock()));
    let (threads, note) = args.threads();
    if let Some(note) = note {
        warn(&note);
    }
    let Ok(body) = args.body() else {
        // `main` refuses such arguments before the run.
        warn("the operation has no body to check");
        return ExitCode::from(2);
    };
    let rules = Rules {
        body,
        profile: args.profile(),
        locate: true,
    };
    let style = Style { color };
    let sources: Vec<OsString> = if args.files.is_empty() {
        vec![OsString::from("-")]
    } else {
        args.files.clone()
    };
    let mut totals = Totals::default();
    let mut pool = Pool::new(threads);
    let mut spawn_error_told = false;
    for source in &sources {
        let name = source.to_string_lossy();
        let result = match source.to_str() {
            Some(source) => {
                let context = Context { args, rules, style };
                check_source(source, context, &mut pool, &mut out, &mut totals)
            }
            None => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the file name is not valid UTF-8 (shown with U+FFFD in its place)",
            )),
        };
        if let Some(error) = &pool.spawn_error
            && !spawn_error_told
        {
            spawn_error_told = true;
            warn(&format!(
                "could not start a worker thread ({error}); going on with {} thread{}",
                pool.threads,
                if pool.threads == 1 { "" } else { "s" }
            ));
        }
        let hint = match result {
            Ok(hint) => hint,
            Err(error) => {
                if out.failed.is_some() {
                    return stopped(&out, &totals);
                }
                totals.unreadable += 1;
                let reason = format!("cannot read: {error}");
                if args.format == Format::Json
                    && output::json_unreadable(&mut out, &name, &reason).is_err()
                {
                    return stopped(&out, &totals);
                }
                if out.flush().is_err() {
                    return stopped(&out, &totals);
                }
                warn(&format!("{name}: {reason}"));
                None
            }
        };
        if let Some(hint) = hint {
            if out.flush().is_err() {
                return stopped(&out, &totals);
            }
            warn(&format!("hint: {name} {}", hint.text()));
        }
    }
    if args.format == Format::Human && writeln!(out, "{}", totals.summary()).is_err() {
        return stopped(&out, &totals);
    }
    if out.flush().is_err() {
        return stopped(&out, &totals);
    }
    status(&totals)
}

/// The exit status of what was checked: 2 when an input could not be read, else 1 when a
/// document is invalid, else 0.
fn status(totals: &Totals) -> ExitCode {
    if totals.unreadable > 0 {
        ExitCode::from(2)
    } else if totals.invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The end of a run whose output failed: quietly with the status so far for a closed pipe,
/// else with a message and [`WRITE_FAILED`].
fn stopped<W: Write>(out: &CheckedWriter<W>, totals: &Totals) -> ExitCode {
    match &out.failed {
        Some((io::ErrorKind::BrokenPipe, _)) => status(totals),
        Some((_, message)) => {
            warn(&format!(
                "cannot write the report to standard output: {message}"
            ));
            ExitCode::from(WRITE_FAILED)
        }
        None => {
            warn("cannot write the report to standard output");
            ExitCode::from(WRITE_FAILED)
        }
    }
}

/// One line on standard error, prefixed with the program's name and escaped for the terminal.
/// Standard error is the last place to report to: if it cannot be written, the exit status
/// still says what happened.
fn warn(message: &str) {
    let _ = writeln!(
        io::stderr().lock(),
        "m3ter-validate: {}",
        escape::escape(message)
    );
}

/// A writer that remembers its first error (its kind and message), so that an error coming
/// back from checking an input can be told apart: the output's, or the input's.
pub struct CheckedWriter<W> {
    inner: W,
    /// The first write error, if any.
    pub failed: Option<(io::ErrorKind, String)>,
}

impl<W: Write> CheckedWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        CheckedWriter {
            inner,
            failed: None,
        }
    }

    fn keep<T>(&mut self, result: io::Result<T>) -> io::Result<T> {
        if let Err(error) = &result
            && error.kind() != io::ErrorKind::Interrupted
            && self.failed.is_none()
        {
            self.failed = Some((error.kind(), error.to_string()));
        }
        result
    }
}

impl<W: Write> Write for CheckedWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let result = self.inner.write(buf);
        self.keep(result)
    }
    fn flush(&mut self) -> io::Result<()> {
        let result = self.inner.flush();
        self.keep(result)
    }
}

/// A hint about the input's form, given on standard error after its reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// One document per line, checked without `--ndjson`.
    LooksLikeNdjson,
    /// Pretty-printed JSON (a line that is only `{` or `[`), checked with `--ndjson`.
    LooksLikePrettyJson,
}

impl Hint {
    fn text(self) -> &'static str {
        match self {
            Hint::LooksLikeNdjson => {
                "looks like NDJSON (one document a line): pass --ndjson to check each line as a \
                 document"
            }
            Hint::LooksLikePrettyJson => {
                "looks like pretty-printed JSON (a line that is only `{` or `[`): without \
                 --ndjson the whole input is one document"
            }
        }
    }
}

/// Writes the report of one checked document in `format`.
pub fn emit<W: Write + ?Sized>(
    out: &mut W,
    source: &str,
    checked: &check::Checked,
    format: Format,
    style: Style,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let mut line = Vec::new();
            output::json_line(&mut line, source, checked)?;
            out.write_all(&line)
        }
        Format::Human => output::human(out, source, checked, style),
    }
}

/// What one input is checked and reported with.
#[derive(Clone, Copy)]
struct Context<'a> {
    args: &'a Args,
    rules: Rules,
    style: Style,
}

fn check_source(
    source: &str,
    context: Context<'_>,
    pool: &mut Pool,
    out: &mut dyn Write,
    totals: &mut Totals,
) -> io::Result<Option<Hint>> {
    let args = context.args;
    if args.ndjson {
        let report = Report {
            source,
            rules: context.rules,
            format: args.format,
            style: context.style,
        };
        let pretty = match input::open_ndjson(source)? {
            Opened::File(file, len) => check_ndjson_file(
                &PositionedFile::new(file),
                len,
                Limits::default(),
                report,
                pool,
                out,
                totals,
            )?,
            Opened::Stream(mut reader) => {
                let mut batches = Batches::new(&mut *reader);
                check_ndjson(&mut batches, report, pool, out, totals)?
            }
        };
        return Ok(pretty.then_some(Hint::LooksLikePrettyJson));
    }
    let mut reader = input::open(source)?;
    let bytes = input::read_all(&mut *reader)?;
    let excerpts = args.format == Format::Human;
    let checked = check::check_with(&bytes, None, context.rules, excerpts);
    totals.add(&checked);
    emit(out, source, &checked, args.format, context.style)?;
    Ok(check::looks_like_ndjson(&bytes, &checked).then_some(Hint::LooksLikeNdjson))
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

/// Checks every NDJSON line of `batches` on the threads of `pool` and writes each line's report
/// to `out` in input order, counting into `totals`. The workers render the reports too, so this
/// thread only reads the next batch and copies the rendered bytes out. `Ok(true)` when a line
/// that is only `{` or `[` suggests the input is pretty-printed JSON, not NDJSON.
pub fn check_ndjson(
    batches: &mut Batches<'_>,
    report: Report<'_>,
    pool: &mut Pool,
    out: &mut dyn Write,
    totals: &mut Totals,
) -> io::Result<bool> {
    let mut pretty = false;
    parallel::for_each_chunk(
        batches,
        pool,
        |lines: &[Line]| {
            let mut rendered = Rendered::new(Vec::with_capacity(lines.len() * 96));
            for line in lines {
                let checked = report.check(&line.bytes, line.number);
                rendered.add(report, checked)?;
            }
            Ok(rendered)
        },
        |chunk| write_rendered(chunk, out, totals, &mut pretty).map(drop),
    )?;
    Ok(pretty)
}

/// [`check_ndjson`] over the first `len` bytes of a regular file (`source`): the workers read
/// their own byte ranges ([`ranges`]), so this thread only writes the rendered reports, in input
/// order. The same reports, byte for byte, as [`check_ndjson`] over the same bytes.
pub fn check_ndjson_file<S: ReadAt + ?Sized>(
    source: &S,
    len: u64,
    limits: Limits,
    report: Report<'_>,
    pool: &mut Pool,
    out: &mut dyn Write,
    totals: &mut Totals,
) -> io::Result<bool> {
    let mut pretty = false;
    // The buffers this thread has written, for the workers to fill again: no large allocation
    // (and free) a range. No more are ever out than the ranges in flight.
    let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
    let spare = &spare;
    ranges::for_each_range(
        source,
        len,
        limits,
        pool,
        // Checked first; numbered when the range's first line number is known.
        |bytes, relative| (relative, report.check(bytes, relative)),
        |lines, first| {
            let mut bytes = spare
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .pop()
                .unwrap_or_default();
            bytes.reserve(lines.len() * 96);
            let mut rendered = Rendered::new(bytes);
            for (relative, mut checked) in lines {
                checked.checked.line = Some(first + relative);
                rendered.add(report, checked)?;
            }
            Ok(rendered)
        },
        |range| {
            let mut bytes = write_rendered(range, out, totals, &mut pretty)?;
            // A buffer a range of huge reports grew is let go rather than kept.
            if bytes.capacity() <= 4 * limits.range_bytes.max(1 << 16) {
                bytes.clear();
                spare
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(bytes);
            }
            Ok(())
        },
    )?;
    Ok(pretty)
}

/// One NDJSON line checked, with whether it opens pretty-printed JSON.
struct LineChecked {
    checked: check::Checked,
    pretty: bool,
}

impl Report<'_> {
    /// Checks one NDJSON line numbered `number`.
    fn check(&self, bytes: &[u8], number: usize) -> LineChecked {
        let checked = check::check_with(
            bytes,
            Some(number),
            self.rules,
            self.format == Format::Human,
        );
        let pretty = !checked.errors.is_empty() && check::opens_pretty_json(bytes);
        LineChecked { checked, pretty }
    }
}

/// The reports of a run of lines, rendered by a worker, with their counts.
struct Rendered {
    bytes: Vec<u8>,
    totals: Totals,
    pretty: bool,
}

impl Rendered {
    fn new(bytes: Vec<u8>) -> Self {
        Rendered {
            bytes,
            totals: Totals::default(),
            pretty: false,
        }
    }

    fn add(&mut self, report: Report<'_>, line: LineChecked) -> io::Result<()> {
        self.totals.add(&line.checked);
        self.pretty |= line.pretty;
        match report.format {
            // Straight into the buffer, not through a line of its own.
            Format::Json => output::json_line(&mut self.bytes, report.source, &line.checked),
            Format::Human => {
                output::human(&mut self.bytes, report.source, &line.checked, report.style)
            }
        }
    }
}

/// The calling thread's part: a worker's rendered reports to `out`, its counts to `totals`;
/// the buffer, written.
fn write_rendered(
    rendered: io::Result<Rendered>,
    out: &mut dyn Write,
    totals: &mut Totals,
    pretty: &mut bool,
) -> io::Result<Vec<u8>> {
    let rendered = rendered?;
    totals.merge(&rendered.totals);
    *pretty |= rendered.pretty;
    out.write_all(&rendered.bytes)?;
    Ok(rendered.bytes)
}
