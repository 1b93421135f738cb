//! NDJSON batches on all cores, in input order. While the worker threads check a batch (and
//! render its reports), the calling thread hands the previous batch's results to the sink and
//! reads the next batch, so that neither reading nor writing holds the checks back.

use std::io;

use crate::input::{Batches, Line};

/// Runs `work` over every line of `batches`: each batch split in `threads` chunks, each chunk on
/// its own thread, while this thread gives the previous batch's results to `sink` and reads the
/// next batch. `sink` gets each chunk's result in input order. With `threads <= 1` everything
/// runs on this thread. A `sink` error ends the run (after the workers of the batch in hand
/// finish); an error reading a batch ends it once the results before it are given to `sink`.
///
/// A worker cannot panic on input (validation never panics); should one, its chunk is worked
/// again on this thread rather than lost.
pub fn for_each_chunk<R: Send>(
    batches: &mut Batches<'_>,
    threads: usize,
    work: impl Fn(&[Line]) -> R + Sync,
    mut sink: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let mut current = batches.next_batch()?;
    // The previous batch's results, not yet given to the sink.
    let mut pending: Vec<R> = Vec::new();
    while let Some(batch) = current {
        if threads <= 1 || batch.len() < 2 {
            for result in pending.drain(..) {
                sink(result)?;
            }
            sink(work(&batch))?;
            current = batches.next_batch()?;
            continue;
        }
        let chunk = batch.len().div_ceil(threads);
        let work = &work;
        let (results, written, next) = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(chunk)
                .map(|lines| scope.spawn(move || work(lines)))
                .collect();
            let written = pending.drain(..).try_for_each(&mut sink);
            let next = match written {
                Ok(()) => batches.next_batch(),
                Err(_) => Ok(None),
            };
            let results: Vec<R> = handles
                .into_iter()
                .zip(batch.chunks(chunk))
                .map(|(handle, lines)| handle.join().unwrap_or_else(|_| work(lines)))
                .collect();
            (results, written, next)
        });
        written?;
        pending = results;
        current = match next {
            Ok(next) => next,
            Err(error) => {
                for result in pending.drain(..) {
                    sink(result)?;
                }
                return Err(error);
            }
        };
    }
    for result in pending {
        sink(result)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    #[test]
    fn every_line_once_in_order_on_any_number_of_threads() {
        let text: String = (1..=1000).map(|i| format!("{i}\n")).collect();
        for threads in [1, 2, 3, 8] {
            for max_lines in [1, 7, 64, 5000] {
                let mut reader = Cursor::new(text.as_bytes());
                let mut batches = Batches::new(&mut reader);
                batches.max_lines = max_lines;
                let mut seen = Vec::new();
                let result = for_each_chunk(
                    &mut batches,
                    threads,
                    |lines| lines.iter().map(|l| l.number).collect::<Vec<_>>(),
                    |numbers| {
                        seen.extend(numbers);
                        Ok(())
                    },
                );
                assert!(result.is_ok());
                assert_eq!(
                    seen,
                    (1..=1000).collect::<Vec<_>>(),
                    "{threads} {max_lines}"
                );
            }
        }
    }

    #[test]
    fn a_chunk_whose_worker_panics_is_worked_again_here() {
        let main = std::thread::current().id();
        let text: String = (1..=100).map(|i| format!("{i}\n")).collect();
        let mut reader = Cursor::new(text.as_bytes());
        let mut batches = Batches::new(&mut reader);
        batches.max_lines = 30;
        let mut seen = Vec::new();
        let result = for_each_chunk(
            &mut batches,
            2,
            |lines| {
                // A worker thread panics on the chunk that holds line 42; this thread does not.
                let has_42 = lines.iter().any(|l| l.number == 42);
                assert!(
                    !has_42 || std::thread::current().id() == main,
                    "worker panics"
                );
                lines.iter().map(|l| l.number).collect::<Vec<_>>()
            },
            |numbers| {
                seen.extend(numbers);
                Ok(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(seen, (1..=100).collect::<Vec<_>>());
    }

    #[test]
    fn a_sink_error_stops_the_run() {
        let mut reader = Cursor::new(&b"1\n2\n3\n"[..]);
        let mut batches = Batches::new(&mut reader);
        batches.max_lines = 1;
        let mut calls = 0;
        let result = for_each_chunk(
            &mut batches,
            2,
            |lines| lines.len(),
            |_| {
                calls += 1;
                Err(io::Error::from(io::ErrorKind::BrokenPipe))
            },
        );
        assert_eq!(result.map_err(|e| e.kind()), Err(io::ErrorKind::BrokenPipe));
        assert_eq!(calls, 1);
    }
}
