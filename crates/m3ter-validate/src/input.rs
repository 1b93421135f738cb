//! Reading the inputs: whole documents, or NDJSON lines streamed in bounded batches.

use std::fs::File;
use std::io::{self, BufRead, BufReader};

/// An input: a file path, or `-` for standard input.
pub fn open(source: &str) -> io::Result<Box<dyn BufRead>> {
    if source == "-" {
        return Ok(Box::new(BufReader::new(io::stdin())));
    }
    let file = File::open(source)?;
    if file.metadata()?.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
}

/// The whole input as one document.
pub fn read_all(reader: &mut dyn BufRead) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    Ok(bytes)
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
            if bytes.last() == Some(&b'\r') {
                bytes.pop();
            }
            if bytes.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r')) {
                continue;
            }
            bytes_in_batch += bytes.len();
            batch.push(Line { number, bytes });
        }
        Ok(if batch.is_empty() { None } else { Some(batch) })
    }
}
