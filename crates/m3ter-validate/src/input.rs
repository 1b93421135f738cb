//! Reading the inputs: whole documents, or NDJSON lines streamed in bounded batches (standard
//! input, pipes; a regular file's lines are read by the workers themselves, [`ranges`](crate::ranges)).

use std::fs::File;
use std::io::{self, BufRead, BufReader};

/// An input: a file path, or `-` for standard input.
pub fn open(source: &str) -> io::Result<Box<dyn BufRead>> {
    Ok(match open_ndjson(source)? {
        Opened::Stream(reader) => reader,
        Opened::File(file, _) => Box::new(BufReader::with_capacity(1 << 16, file)),
    })
}

/// An input opened for `--ndjson`.
pub enum Opened {
    /// A regular file that is not empty, and its length when opened: its lines are read by
    /// the workers themselves ([`ranges`](crate::ranges)), the first `len` bytes.
    File(File, u64),
    /// Standard input, a pipe, a device, an empty file (or one that says so, as `/proc`
    /// files do): read as a stream ([`Batches`]).
    Stream(Box<dyn BufRead>),
}

/// Opens `source` (a file path, or `-` for standard input) for `--ndjson`; a directory is an
/// error.
pub fn open_ndjson(source: &str) -> io::Result<Opened> {
    if source == "-" {
        return Ok(Opened::Stream(Box::new(BufReader::new(io::stdin()))));
    }
    let file = File::open(source)?;
    let metadata = file.metadata()?;
    if metadata.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    Ok(if metadata.is_file() && metadata.len() > 0 {
        Opened::File(file, metadata.len())
    } else {
        Opened::Stream(Box::new(BufReader::with_capacity(1 << 16, file)))
    })
}

/// The whole input as one document.
pub fn read_all(reader: &mut dyn BufRead) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The document on an NDJSON line (given without its `\n`): the line without a final `\r`, or
/// `None` for a blank line (only spaces, tabs and `\r`), which is skipped but still counted.
/// The one rule of both NDJSON readers, [`Batches`] and [`ranges`](crate::ranges).
pub fn content(line: &[u8]) -> Option<&[u8]> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
        None
    } else {
        Some(line)
    }
}

/// One NDJSON line: its 1-based number and bytes (without the line break).
pub struct Line {
    /// 1-based line number in the input.
    pub number: usize,
    /// The line, without its line break.
    pub bytes: Vec<u8>,
}

/// Reads NDJSON lines into batches of at most `max_lines` lines or about `max_bytes` bytes,
/// skipping blank lines; `None` at the end of the input.
pub struct Batches<'a> {
    reader: &'a mut dyn BufRead,
    next_number: usize,
    /// The most lines in a batch.
    pub max_lines: usize,
    /// About the most bytes in a batch (a batch ends after the line that passes it).
    pub max_bytes: usize,
}

impl<'a> Batches<'a> {
    /// Batches over `reader`, from line 1.
    pub fn new(reader: &'a mut dyn BufRead) -> Self {
        Batches {
            reader,
            next_number: 1,
            max_lines: 8192,
            max_bytes: 16 << 20,
        }
    }

    /// The next batch, `None` at the end of the input.
    pub fn next_batch(&mut self) -> io::Result<Option<Vec<Line>>> {
        let mut batch = Vec::new();
        let mut bytes_in_batch = 0;
        while batch.len() < self.max_lines && bytes_in_batch < self.max_bytes {
            let mut bytes = Vec::new();
            if self.reader.read_until(b'\n', &mut bytes)? == 0 {
                break;
            }
            let number = self.next_number;
            self.next_number += 1;
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
            }
            let Some(kept) = content(&bytes).map(<[u8]>::len) else {
                continue;
            };
            bytes.truncate(kept);
            bytes_in_batch += bytes.len();
            batch.push(Line { number, bytes });
        }
        Ok(if batch.is_empty() { None } else { Some(batch) })
    }
}
