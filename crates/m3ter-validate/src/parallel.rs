//! NDJSON batches on all cores, in input order. While the worker threads check a batch (and
//! render its reports), the calling thread hands the previous batch's results to the sink and
//! reads the next batch, so that neither reading nor writing holds the checks back.

use std::io;

use crate::input::{Batches, Line};

/// The worker threads of [`for_each_chunk`].
#[derive(Debug)]
pub struct Pool {
    /// How many threads check a batch (at most 1: everything on the calling thread). Lowered to
    /// the number that started when the system refuses to start one.
    pub threads: usize,
    /// The first error starting a thread, if any. Its chunk, and the chunks after it in the
    /// batch, were checked on the calling thread: nothing is lost, the run is only slower.
    pub spawn_error: Option<io::Error>,
    /// For tests: starting the worker of this chunk of a batch (0-based), and of every later
    /// one, fails as when the system refuses a thread.
    #[doc(hidden)]
    pub refuse_spawn_from: Option<usize>,
}

impl Pool {
    /// A pool of `threads` threads.
    pub fn new(threads: usize) -> Self {
        Pool {
            threads,
            spawn_error: None,
            refuse_spawn_from: None,
        }
    }
}

/// Runs `work` over every line of `batches`: each batch split in `pool.threads` chunks, each
/// chunk on its own thread, while this thread gives the previous batch's results to `sink` and
/// reads the next batch. `sink` gets each chunk's result in input order. With one thread
/// everything runs on this thread. A `sink` error ends the run (after the workers of the batch
/// in hand finish); an error reading a batch ends it once the results before it are given to
/// `sink`.
///
/// A thread the system refuses to start (a process or memory limit) is no error: its chunk is
/// worked on this thread, `pool.threads` drops to the threads that did start and
/// `pool.spawn_error` keeps the reason. A worker cannot panic on input (validation never
/// panics); should one, its chunk is worked again on this thread rather than lost.
pub fn for_each_chunk<R: Send>(
    batches: &mut Batches<'_>,
    pool: &mut Pool,
    work: impl Fn(&[Line]) -> R + Sync,
    mut sink: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()> {
    let mut current = batches.next_batch()?;
    // The previous batch's results, not yet given to the sink.
    let mut pending: Vec<R> = Vec::new();
    while let Some(batch) = current {
        if pool.threads <= 1 || batch.len() < 2 {
            for result in pending.drain(..) {
                sink(result)?;
            }
            sink(work(&batch))?;
            current = batches.next_batch()?;
            continue;
        }
        let chunk = batch.len().div_ceil(pool.threads);
        let work = &work;
        let refuse_from = pool.refuse_spawn_from;
        let (results, written, next, refused) = std::thread::scope(|scope| {
            let mut refused: Option<(usize, io::Error)> = None;
            let handles: Vec<_> = batch
                .chunks(chunk)
                .enumerate()
                .map(|(i, lines)| {
                    if refused.is_some() {
                        return None;
                    }
                    let spawned = if refuse_from.is_some_and(|from| i >= from) {
                        Err(io::Error::other("refused for the test"))
                    } else {
                        std::thread::Builder::new().spawn_scoped(scope, move || work(lines))
                    };
                    match spawned {
                        Ok(handle) => Some(handle),
                        Err(error) => {
                            refused = Some((i, error));
                            None
                        }
                    }
                })
                .collect();
            let written = pending.drain(..).try_for_each(&mut sink);
            let next = match written {
                Ok(()) => batches.next_batch(),
                Err(_) => Ok(None),
            };
            let results: Vec<R> = handles
                .into_iter()
                .zip(batch.chunks(chunk))
                .map(|(handle, lines)| match handle {
                    Some(handle) => handle.join().unwrap_or_else(|_| work(lines)),
                    None => work(lines),
                })
                .collect();
            (results, written, next, refused)
        });
        if let Some((started, error)) = refused {
            pool.threads = started.max(1);
            pool.spawn_error.get_or_insert(error);
        }
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
                    &mut Pool::new(threads),
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
            &mut Pool::new(2),
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
            &mut Pool::new(2),
            |lines| lines.len(),
            |_| {
                calls += 1;
                Err(io::Error::from(io::ErrorKind::BrokenPipe))
            },
        );
        assert_eq!(result.map_err(|e| e.kind()), Err(io::ErrorKind::BrokenPipe));
        assert_eq!(calls, 1);
    }

    #[test]
    fn a_thread_the_system_refuses_is_worked_here_and_the_pool_shrinks() {
        let main = std::thread::current().id();
        let text: String = (1..=1000).map(|i| format!("{i}\n")).collect();
        for refuse_from in [0, 1, 3] {
            let mut reader = Cursor::new(text.as_bytes());
            let mut batches = Batches::new(&mut reader);
            batches.max_lines = 100;
            let mut pool = Pool::new(4);
            pool.refuse_spawn_from = Some(refuse_from);
            let mut seen = Vec::new();
            let mut here = 0;
            let result = for_each_chunk(
                &mut batches,
                &mut pool,
                |lines| {
                    let numbers: Vec<usize> = lines.iter().map(|l| l.number).collect();
                    (numbers, std::thread::current().id() == main)
                },
                |(numbers, on_main)| {
                    here += usize::from(on_main);
                    seen.extend(numbers);
                    Ok(())
                },
            );
            assert!(result.is_ok());
            assert_eq!(seen, (1..=1000).collect::<Vec<_>>(), "{refuse_from}");
            assert_eq!(pool.threads, refuse_from.max(1), "{refuse_from}");
            assert!(pool.spawn_error.is_some());
            assert!(here > 0, "the refused chunks ran on the calling thread");
        }
    }
}
