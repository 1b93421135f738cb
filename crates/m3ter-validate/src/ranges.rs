//! NDJSON from a regular file, read by the workers themselves, so that reading and splitting
//! lines leave the calling thread.
//!
//! The file (its length when opened) is cut into byte ranges of [`Limits::range_bytes`]. Each
//! worker claims the next range and reads it with positioned reads ([`ReadAt`]): the range, the
//! byte before it, and past its end as far as its last line runs. A line belongs to the range
//! its first byte is in, so each worker finds its own lines. Line numbers come from a prefix sum:
//! a worker publishes how many `\n` its range holds as soon as it has read it, checks its lines,
//! and then numbers them from the counts of the ranges before it (by then long known) and
//! renders its reports into its own buffer. The calling thread only hands the finished ranges to
//! the sink, in input order. A worker claims a range only while fewer than
//! `in_flight_per_thread` ranges a thread are claimed and not yet given to the sink, so memory
//! is bounded by the ranges in flight (plus the longest line), whatever the file's size.
//!
//! Lines are the streaming reader's ([`input::Batches`]): the same blank-line and `\r` rule
//! ([`input::content`]), a final line without `\n` included.

use std::fs::File;
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::vec::Drain;

use crate::input;
use crate::parallel::Pool;

/// Positioned reads: each call reads at its own offset, with no cursor shared between threads.
pub trait ReadAt: Sync {
    /// Reads into `buf` from `offset`; how many bytes were read (0 at the end).
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize>;
}

impl ReadAt for [u8] {
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        let start = usize::try_from(offset).map_or(self.len(), |at| at.min(self.len()));
        let count = buf.len().min(self.len() - start);
        buf[..count].copy_from_slice(&self[start..start + count]);
        Ok(count)
    }
}

/// A file read with positioned reads: `pread` on Unix, `seek_read` on Windows (its moving the
/// file's cursor does not matter: nothing reads at the cursor), elsewhere a seek and a read
/// under a lock.
pub struct PositionedFile {
    file: File,
    #[cfg(not(any(unix, windows)))]
    cursor: Mutex<()>,
}

impl PositionedFile {
    /// Positioned reads of `file`.
    pub fn new(file: File) -> Self {
        PositionedFile {
            file,
            #[cfg(not(any(unix, windows)))]
            cursor: Mutex::new(()),
        }
    }
}

impl ReadAt for PositionedFile {
    #[cfg(unix)]
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        std::os::unix::fs::FileExt::read_at(&self.file, buf, offset)
    }

    #[cfg(windows)]
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        std::os::windows::fs::FileExt::seek_read(&self.file, buf, offset)
    }

    #[cfg(not(any(unix, windows)))]
    fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
        use std::io::{Read, Seek, SeekFrom};
        let _cursor = self.cursor.lock().unwrap_or_else(PoisonError::into_inner);
        let mut file = &self.file;
        file.seek(SeekFrom::Start(offset))?;
        file.read(buf)
    }
}

/// How the file is cut, and how much of it may be in memory.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The bytes of a range (its last line may run past them). At least 1.
    pub range_bytes: usize,
    /// The most ranges a thread may have claimed and not yet given to the sink. At least 1.
    pub in_flight_per_thread: usize,
}

impl Default for Limits {
    /// 512 KiB ranges, 4 a thread in flight: with 16 threads at most 64 ranges (32 MiB of
    /// input, read 16 at a time, and their reports) plus the longest line.
    fn default() -> Self {
        Limits {
            range_bytes: 512 << 10,
            in_flight_per_thread: 4,
        }
    }
}

/// Runs `check` over every line of the first `len` bytes of `source` and `finish` over each
/// range's checked lines, on the threads of `pool`, giving each range's result to `sink` in
/// input order from this thread.
///
/// `check(line, relative)` gets a line's document (without its line break, see
/// [`input::content`]; blank lines are skipped) and its line number relative to the range.
/// `finish(checked, first)` gets the range's results in order (drained from a vector each
/// thread reuses) with `first`, the number of the line that holds the range's first byte, so
/// that a line's 1-based number in the input is `first + relative`. With one thread, or when
/// no worker thread can be started, everything runs on this thread.
///
/// A `sink` error ends the run (the workers finish the range in hand); an error reading a
/// range ends it once the ranges before it are given to `sink`. A thread the system refuses to
/// start is no error: `pool.threads` drops to the threads that started (this thread does the
/// work when none did) and `pool.spawn_error` keeps the reason. A worker cannot panic on input
/// (validation never panics); should one, its range is worked again on this thread.
pub fn for_each_range<S, T, R>(
    source: &S,
    len: u64,
    limits: Limits,
    pool: &mut Pool,
    check: impl Fn(&[u8], usize) -> T + Sync,
    finish: impl Fn(Drain<'_, T>, usize) -> R + Sync,
    mut sink: impl FnMut(R) -> io::Result<()>,
) -> io::Result<()>
where
    S: ReadAt + ?Sized,
    R: Send,
{
    let work = Work {
        source,
        len,
        range_bytes: limits.range_bytes.max(1),
        check,
        finish,
    };
    let ranges = work.ranges();
    if pool.threads <= 1 || ranges < 2 {
        return sequential(&work, ranges, &mut sink);
    }
    let window = limits
        .in_flight_per_thread
        .max(1)
        .saturating_mul(pool.threads);
    let shared = Shared {
        state: Mutex::new(State {
            next: 0,
            written: 0,
            counted: 0,
            newlines: 0,
            slots: (0..window).map(|_| Slot::default()).collect(),
            stop: false,
        }),
        changed: Condvar::new(),
        ranges,
        window,
    };
    let refuse_from = pool.refuse_spawn_from;
    let threads = pool.threads;
    let (started, refused, result) = std::thread::scope(|scope| {
        // Stops the workers however this thread leaves the scope: an error, or the end.
        let _stop = StopOnDrop(&shared);
        let mut started = 0;
        let mut refused = None;
        for i in 0..threads {
            let spawned = if refuse_from.is_some_and(|from| i >= from) {
                Err(io::Error::other("refused for the test"))
            } else {
                let (shared, work) = (&shared, &work);
                std::thread::Builder::new().spawn_scoped(scope, move || worker(shared, work))
            };
            match spawned {
                Ok(_) => started += 1,
                Err(error) => {
                    refused = Some(error);
                    break;
                }
            }
        }
        let result = if started == 0 {
            sequential(&work, ranges, &mut sink)
        } else {
            write_in_order(&shared, &work, &mut sink)
        };
        (started, refused, result)
    });
    if let Some(error) = refused {
        pool.threads = started.max(1);
        pool.spawn_error.get_or_insert(error);
    }
    result
}

/// Every range on this thread, numbered by a running count.
fn sequential<S, T, R, C, F>(
    work: &Work<'_, S, C, F>,
    ranges: usize,
    sink: &mut impl FnMut(R) -> io::Result<()>,
) -> io::Result<()>
where
    S: ReadAt + ?Sized,
    C: Fn(&[u8], usize) -> T,
    F: Fn(Drain<'_, T>, usize) -> R,
{
    let mut buf = Buffer::default();
    let mut checked = Vec::new();
    let mut numbering = Running::default();
    for index in 0..ranges {
        if let Some(result) = work.range(index, &mut buf, &mut checked, &mut numbering)? {
            sink(result)?;
        }
        work.trim(&mut buf);
    }
    Ok(())
}

/// The calling thread's part: each range's result to `sink` in order, a range whose worker
/// panicked worked again here.
fn write_in_order<S, T, R, C, F>(
    shared: &Shared<R>,
    work: &Work<'_, S, C, F>,
    sink: &mut impl FnMut(R) -> io::Result<()>,
) -> io::Result<()>
where
    S: ReadAt + ?Sized,
    C: Fn(&[u8], usize) -> T,
    F: Fn(Drain<'_, T>, usize) -> R,
{
    let mut buf = Buffer::default();
    let mut checked = Vec::new();
    for index in 0..shared.ranges {
        let result = match shared.outcome(index) {
            Outcome::Done(result) => Some(result),
            Outcome::Failed(error) => return Err(error),
            Outcome::Panicked { counted } => {
                let mut numbering = Claimed {
                    shared,
                    index,
                    counted,
                };
                let again = work.range(index, &mut buf, &mut checked, &mut numbering);
                if !numbering.counted {
                    // The read failed: the run ends here, the count does not matter.
                    shared.count(index, 0);
                }
                again?
            }
        };
        shared.written(index);
        if let Some(result) = result {
            sink(result)?;
        }
    }
    Ok(())
}

/// A worker: claims ranges until there are none left or the run stops.
fn worker<S, T, R, C, F>(shared: &Shared<R>, work: &Work<'_, S, C, F>)
where
    S: ReadAt + ?Sized,
    C: Fn(&[u8], usize) -> T,
    F: Fn(Drain<'_, T>, usize) -> R,
    R: Send,
{
    let mut buf = Buffer::default();
    let mut checked = Vec::new();
    while let Some(index) = shared.claim() {
        let mut numbering = Claimed {
            shared,
            index,
            counted: false,
        };
        let done = panic::catch_unwind(AssertUnwindSafe(|| {
            work.range(index, &mut buf, &mut checked, &mut numbering)
        }));
        let counted = numbering.counted;
        let outcome = match done {
            Ok(Ok(Some(result))) => Outcome::Done(result),
            // The run stopped while this range waited for its number.
            Ok(Ok(None)) => return,
            Ok(Err(error)) => {
                if !counted {
                    // The run ends at this range: any count lets the ranges after it go on.
                    shared.count(index, 0);
                }
                Outcome::Failed(error)
            }
            Err(_) => Outcome::Panicked { counted },
        };
        shared.finish(index, outcome);
        work.trim(&mut buf);
    }
}

/// What a range needs to be read, checked and finished.
struct Work<'a, S: ?Sized, C, F> {
    source: &'a S,
    len: u64,
    range_bytes: usize,
    check: C,
    finish: F,
}

/// How a range learns its place: it tells how many `\n` it holds, and asks how many come
/// before it (`None`: the run stopped).
trait Numbering {
    fn counted(&mut self, newlines: usize);
    fn before(&mut self) -> Option<usize>;
}

impl<S, C, F> Work<'_, S, C, F>
where
    S: ReadAt + ?Sized,
{
    /// How many ranges cover the input.
    fn ranges(&self) -> usize {
        let size = u64::try_from(self.range_bytes).unwrap_or(u64::MAX);
        usize::try_from(self.len.div_ceil(size)).unwrap_or(usize::MAX)
    }

    /// The input offsets `[start, end)` of range `index`.
    fn bounds(&self, index: usize) -> (u64, u64) {
        let size = u64::try_from(self.range_bytes).unwrap_or(u64::MAX);
        let start = u64::try_from(index)
            .unwrap_or(u64::MAX)
            .saturating_mul(size);
        (
            start.min(self.len),
            start.saturating_add(size).min(self.len),
        )
    }

    /// Gives back the memory a long line took, so that a worker keeps about a range's worth.
    fn trim(&self, buf: &mut Buffer) {
        if buf.bytes.len() > 4 * self.range_bytes.saturating_add(1) {
            *buf = Buffer::default();
        }
    }

    /// Range `index`: read into `buf`, its `\n` counted, its lines checked, then numbered and
    /// finished. `None` when the run stopped before its number was known.
    fn range<T, R>(
        &self,
        index: usize,
        buf: &mut Buffer,
        checked: &mut Vec<T>,
        numbering: &mut impl Numbering,
    ) -> io::Result<Option<R>>
    where
        C: Fn(&[u8], usize) -> T,
        F: Fn(Drain<'_, T>, usize) -> R,
    {
        let (start, end) = self.bounds(index);
        // The byte before the range says whether the range's first byte starts a line.
        let lead = usize::from(start > 0);
        let from = start - u64::from(start > 0);
        buf.filled = 0;
        buf.read(self.source, from, to_usize(end - from))?;
        let newlines =
            memchr::memchr_iter(b'\n', buf.data().get(lead..).unwrap_or_default()).count();
        numbering.counted(newlines);
        checked.clear();
        // A line a `\n`, and the last one perhaps without.
        checked.reserve(newlines + 1);
        self.each_line(from, lead, to_usize(end - from), buf, |line, relative| {
            if let Some(document) = input::content(line) {
                checked.push((self.check)(document, relative));
            }
        })?;
        let Some(before) = numbering.before() else {
            return Ok(None);
        };
        Ok(Some((self.finish)(checked.drain(..), before + 1)))
    }

    /// Calls `each(line, relative)` for every line (without its `\n`) that starts in the
    /// range held by `buf` from index `lead` to `end` (`buf[0]` is at input offset `from`),
    /// reading on past `end` while the last line runs on, never past the input's length.
    fn each_line(
        &self,
        from: u64,
        lead: usize,
        end: usize,
        buf: &mut Buffer,
        mut each: impl FnMut(&[u8], usize),
    ) -> io::Result<()> {
        if buf.filled <= lead {
            return Ok(());
        }
        let (mut at, mut relative) = if lead == 0 || buf.bytes[0] == b'\n' {
            (lead, 0)
        } else {
            // The range starts inside a line that belongs to the range before it.
            match memchr::memchr(b'\n', &buf.data()[lead..]) {
                Some(found) => (lead + found + 1, 1),
                None => return Ok(()),
            }
        };
        while at < end && at < buf.filled {
            let line_end = match memchr::memchr(b'\n', &buf.data()[at..]) {
                Some(found) => at + found,
                None => self.read_line_end(from, buf)?,
            };
            each(&buf.data()[at..line_end], relative);
            relative += 1;
            at = line_end + 1;
        }
        Ok(())
    }

    /// Reads on at the end of `buf` (which holds no `\n` after its last line's start) until a
    /// `\n` or the input's end; the index of that `\n`, or `buf.filled` at the end.
    fn read_line_end(&self, from: u64, buf: &mut Buffer) -> io::Result<usize> {
        loop {
            let searched = buf.filled;
            let offset = from.saturating_add(u64::try_from(searched).unwrap_or(u64::MAX));
            if offset >= self.len {
                return Ok(searched);
            }
            // Doubling: a line of n bytes takes O(log n) reads and O(n) copying.
            let more = to_usize(self.len - offset).min(searched.max(1 << 16));
            if buf.read(self.source, offset, more)? == 0 {
                return Ok(searched);
            }
            if let Some(found) = memchr::memchr(b'\n', &buf.data()[searched..]) {
                return Ok(searched + found);
            }
        }
    }
}

/// A worker's read buffer: `bytes[..filled]` hold what was read. The rest stays allocated and
/// initialized for the next range, so that a read does not clear memory first.
#[derive(Default)]
struct Buffer {
    bytes: Vec<u8>,
    filled: usize,
}

impl Buffer {
    fn data(&self) -> &[u8] {
        &self.bytes[..self.filled]
    }

    /// `count` bytes of `source` at `offset` added to what was read (fewer at the source's
    /// end); how many.
    fn read<S: ReadAt + ?Sized>(
        &mut self,
        source: &S,
        offset: u64,
        count: usize,
    ) -> io::Result<usize> {
        let start = self.filled;
        let want = start.saturating_add(count);
        if self.bytes.len() < want {
            self.bytes.resize(want, 0);
        }
        while self.filled < want {
            let at = offset.saturating_add(u64::try_from(self.filled - start).unwrap_or(u64::MAX));
            match source.read_at(&mut self.bytes[self.filled..want], at) {
                Ok(0) => break,
                Ok(read) => self.filled += read,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => {
                    self.filled = start;
                    return Err(error);
                }
            }
        }
        Ok(self.filled - start)
    }
}

/// A length within the input as a `usize`: ranges are at most `range_bytes` (a `usize`), and a
/// read past what memory can hold would fail anyway.
fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// The numbering of [`sequential`]: a running count of `\n`.
#[derive(Default)]
struct Running {
    before: usize,
    this: usize,
}

impl Numbering for Running {
    fn counted(&mut self, newlines: usize) {
        self.this = newlines;
    }
    fn before(&mut self) -> Option<usize> {
        let before = self.before;
        self.before += std::mem::take(&mut self.this);
        Some(before)
    }
}

/// The numbering of a claimed range: its count published, the counts before it awaited.
struct Claimed<'a, R> {
    shared: &'a Shared<R>,
    index: usize,
    counted: bool,
}

impl<R> Numbering for Claimed<'_, R> {
    fn counted(&mut self, newlines: usize) {
        if !self.counted {
            self.counted = true;
            self.shared.count(self.index, newlines);
        }
    }
    fn before(&mut self) -> Option<usize> {
        self.shared.before(self.index)
    }
}

/// How a claimed range ended.
enum Outcome<R> {
    Done(R),
    /// Reading it failed: the run ends there.
    Failed(io::Error),
    /// Its worker panicked (after publishing its count, or not).
    Panicked {
        counted: bool,
    },
}

/// A claimed range's state, in the slot `index % window`.
struct Slot<R> {
    /// Its `\n` count, once read.
    newlines: Option<usize>,
    /// The `\n` before it, once every range before it is counted.
    before: Option<usize>,
    outcome: Option<Outcome<R>>,
}

impl<R> Default for Slot<R> {
    fn default() -> Self {
        Slot {
            newlines: None,
            before: None,
            outcome: None,
        }
    }
}

struct State<R> {
    /// The next range to claim.
    next: usize,
    /// Ranges given to the sink (or being given: their slots are free).
    written: usize,
    /// Ranges whose place is known: every range before `counted` has its `before`.
    counted: usize,
    /// The `\n` before range `counted`.
    newlines: usize,
    slots: Vec<Slot<R>>,
    /// Set by the calling thread when it needs no more results.
    stop: bool,
}

struct Shared<R> {
    state: Mutex<State<R>>,
    changed: Condvar,
    ranges: usize,
    window: usize,
}

impl<R> Shared<R> {
    fn lock(&self) -> MutexGuard<'_, State<R>> {
        // Nothing panics while holding the lock; should something, the state is still whole.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn wait<'a>(&self, guard: MutexGuard<'a, State<R>>) -> MutexGuard<'a, State<R>> {
        self.changed
            .wait(guard)
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The next range, once fewer than `window` are in flight; `None` when none are left or
    /// the run stopped.
    fn claim(&self) -> Option<usize> {
        let mut state = self.lock();
        loop {
            if state.stop || state.next >= self.ranges {
                return None;
            }
            if state.next < state.written + self.window {
                let index = state.next;
                state.next += 1;
                state.slots[index % self.window] = Slot::default();
                return Some(index);
            }
            state = self.wait(state);
        }
    }

    /// Range `index` holds `newlines`: the ranges whose counts are now all known before them
    /// learn their place.
    fn count(&self, index: usize, newlines: usize) {
        let mut state = self.lock();
        state.slots[index % self.window].newlines = Some(newlines);
        let mut advanced = false;
        while state.counted < state.next {
            let at = state.counted % self.window;
            let Some(count) = state.slots[at].newlines else {
                break;
            };
            state.slots[at].before = Some(state.newlines);
            state.newlines += count;
            state.counted += 1;
            advanced = true;
        }
        drop(state);
        if advanced {
            self.changed.notify_all();
        }
    }

    /// The `\n` before range `index`, once known; `None` if the run stopped first.
    fn before(&self, index: usize) -> Option<usize> {
        let mut state = self.lock();
        loop {
            if let Some(before) = state.slots[index % self.window].before {
                return Some(before);
            }
            if state.stop {
                return None;
            }
            state = self.wait(state);
        }
    }

    fn finish(&self, index: usize, outcome: Outcome<R>) {
        self.lock().slots[index % self.window].outcome = Some(outcome);
        self.changed.notify_all();
    }

    /// Range `index`'s outcome, once its worker is done.
    fn outcome(&self, index: usize) -> Outcome<R> {
        let mut state = self.lock();
        loop {
            if let Some(outcome) = state.slots[index % self.window].outcome.take() {
                return outcome;
            }
            state = self.wait(state);
        }
    }

    /// Range `index` is handed to the sink: its slot may take a new range.
    fn written(&self, index: usize) {
        self.lock().written = index + 1;
        self.changed.notify_all();
    }
}

/// Sets `stop` and wakes every waiting worker when dropped.
struct StopOnDrop<'a, R>(&'a Shared<R>);

impl<R> Drop for StopOnDrop<'_, R> {
    fn drop(&mut self) {
        self.0.lock().stop = true;
        self.0.changed.notify_all();
    }
}

#[cfg(test)]
#[allow(clippy::panic)] // A test fails by panicking.
mod tests {
    use super::*;

    /// Every line's (number, text) through ranges of `range_bytes` on `threads`.
    fn lines(input: &[u8], range_bytes: usize, threads: usize) -> Vec<(usize, Vec<u8>)> {
        let mut seen = Vec::new();
        let limits = Limits {
            range_bytes,
            in_flight_per_thread: 1,
        };
        let result = for_each_range(
            input,
            input.len() as u64,
            limits,
            &mut Pool::new(threads),
            |line, relative| (relative, line.to_vec()),
            |lines, first| {
                lines
                    .into_iter()
                    .map(|(relative, line)| (first + relative, line))
                    .collect::<Vec<_>>()
            },
            |lines| {
                seen.extend(lines);
                Ok(())
            },
        );
        assert!(result.is_ok());
        seen
    }

    /// The streaming reader's lines, the reference.
    fn streamed(input: &[u8]) -> Vec<(usize, Vec<u8>)> {
        let mut cursor = io::Cursor::new(input);
        let mut batches = input::Batches::new(&mut cursor);
        let mut seen = Vec::new();
        while let Ok(Some(batch)) = batches.next_batch() {
            seen.extend(batch.into_iter().map(|l| (l.number, l.bytes)));
        }
        seen
    }

    #[test]
    fn the_same_lines_as_the_stream_at_every_range_size() {
        let inputs: [&[u8]; 8] = [
            b"a\n\nb\r\n  \t\r\n\xff\x00\n\xef\xbb\xbf{}\r\r\nlast-without-break",
            b"\n\n\n",
            b"x",
            b"\r\n\r\nabc\n",
            b"one very long line that runs over many ranges\nb\nc\n\nd",
            b"\n\nlong line after blanks, runs past the range\r\n",
            b"a\nb\nc\nd\ne\nf\n",
            b"",
        ];
        for input in inputs {
            let expected = streamed(input);
            for range_bytes in [1, 2, 3, 5, 8, 64] {
                for threads in [1, 2, 3] {
                    assert_eq!(
                        lines(input, range_bytes, threads),
                        expected,
                        "{:?} {range_bytes} {threads}",
                        String::from_utf8_lossy(input)
                    );
                }
            }
        }
    }

    #[test]
    fn the_workers_run_at_most_the_window_ahead_of_the_sink() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let text: String = (1..=400).map(|i| format!("{i:03}\n")).collect();
        for (threads, per_thread) in [(2, 1), (3, 2)] {
            let window = threads * per_thread;
            let finished = AtomicUsize::new(0);
            let (mut sunk, mut most_ahead) = (0, 0);
            let result = for_each_range(
                text.as_bytes(),
                text.len() as u64,
                Limits {
                    range_bytes: 8,
                    in_flight_per_thread: per_thread,
                },
                &mut Pool::new(threads),
                |_, relative| relative,
                |lines, _| {
                    finished.fetch_add(1, Ordering::SeqCst);
                    lines.count()
                },
                |_| {
                    // A slow writer: the workers go as far ahead as they may (the first time,
                    // given up to 5 s to fill the window, so that a loaded machine cannot
                    // leave the bound untested).
                    let start = std::time::Instant::now();
                    while sunk == 0
                        && finished.load(Ordering::SeqCst) <= window
                        && start.elapsed() < std::time::Duration::from_secs(5)
                    {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    std::thread::sleep(std::time::Duration::from_millis(1));
                    let ahead = finished.load(Ordering::SeqCst) - sunk;
                    most_ahead = most_ahead.max(ahead);
                    sunk += 1;
                    Ok(())
                },
            );
            assert!(result.is_ok());
            assert_eq!(sunk, 200);
            // This range and the window's worth claimed after it was handed over.
            assert!(
                most_ahead <= window + 1,
                "{most_ahead} ahead, window {window}"
            );
            assert!(
                most_ahead >= window,
                "the workers filled the window: {most_ahead}"
            );
        }
    }

    #[test]
    fn a_range_whose_worker_panics_is_worked_again_here() {
        let main = std::thread::current().id();
        let text: String = (1..=100).map(|i| format!("{i}\n")).collect();
        let mut seen = Vec::new();
        let result = for_each_range(
            text.as_bytes(),
            text.len() as u64,
            Limits {
                range_bytes: 16,
                in_flight_per_thread: 2,
            },
            &mut Pool::new(2),
            |line, relative| (relative, line == b"42"),
            |lines, first| {
                // A worker thread panics on the range that holds line 42; this thread does not.
                let has_42 = lines.as_slice().iter().any(|&(_, is_42)| is_42);
                assert!(
                    !has_42 || std::thread::current().id() == main,
                    "worker panics"
                );
                lines
                    .into_iter()
                    .map(|(relative, _)| first + relative)
                    .collect::<Vec<_>>()
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
        let text = b"1\n2\n3\n4\n5\n6\n";
        for threads in [1, 2] {
            let mut calls = 0;
            let result = for_each_range(
                &text[..],
                text.len() as u64,
                Limits {
                    range_bytes: 2,
                    in_flight_per_thread: 1,
                },
                &mut Pool::new(threads),
                |line, _| line.len(),
                |lines, _| lines.len(),
                |_| {
                    calls += 1;
                    Err(io::Error::from(io::ErrorKind::BrokenPipe))
                },
            );
            assert_eq!(result.map_err(|e| e.kind()), Err(io::ErrorKind::BrokenPipe));
            assert_eq!(calls, 1);
        }
    }

    /// A source whose reads fail from an offset on.
    struct FailsFrom(Vec<u8>, u64);

    impl ReadAt for FailsFrom {
        fn read_at(&self, buf: &mut [u8], offset: u64) -> io::Result<usize> {
            if offset + buf.len() as u64 > self.1 {
                return Err(io::Error::other("bad sector"));
            }
            self.0.as_slice().read_at(buf, offset)
        }
    }

    #[test]
    fn a_read_error_ends_the_run_after_the_ranges_before_it() {
        let text: Vec<u8> = (1..=50)
            .flat_map(|i| format!("{i:02}\n").into_bytes())
            .collect();
        // Ranges of 6 bytes (two lines); range 10 (lines 21 and 22) cannot be read.
        let source = FailsFrom(text.clone(), 63);
        for threads in [1, 2, 3] {
            let mut seen = Vec::new();
            let result = for_each_range(
                &source,
                text.len() as u64,
                Limits {
                    range_bytes: 6,
                    in_flight_per_thread: 2,
                },
                &mut Pool::new(threads),
                |_, relative| relative,
                |lines, first| lines.into_iter().map(|r| first + r).collect::<Vec<_>>(),
                |numbers| {
                    seen.extend(numbers);
                    Ok(())
                },
            );
            assert_eq!(
                result.map_err(|e| e.to_string()),
                Err("bad sector".to_owned())
            );
            assert_eq!(seen, (1..=20).collect::<Vec<_>>(), "{threads}");
        }
    }

    #[test]
    fn a_thread_the_system_refuses_is_not_an_error_and_the_pool_shrinks() {
        let text: String = (1..=1000).map(|i| format!("{i}\n")).collect();
        for refuse_from in [0, 1, 3] {
            let mut pool = Pool::new(4);
            pool.refuse_spawn_from = Some(refuse_from);
            let mut seen = Vec::new();
            let result = for_each_range(
                text.as_bytes(),
                text.len() as u64,
                Limits {
                    range_bytes: 100,
                    in_flight_per_thread: 2,
                },
                &mut pool,
                |_, relative| relative,
                |lines, first| lines.into_iter().map(|r| first + r).collect::<Vec<_>>(),
                |numbers| {
                    seen.extend(numbers);
                    Ok(())
                },
            );
            assert!(result.is_ok());
            assert_eq!(seen, (1..=1000).collect::<Vec<_>>(), "{refuse_from}");
            assert_eq!(pool.threads, refuse_from.max(1), "{refuse_from}");
            assert!(pool.spawn_error.is_some());
        }
    }

    #[test]
    fn a_file_is_read_by_position() {
        let path = std::env::temp_dir().join(format!("m3ter-ranges-{}", std::process::id()));
        let text = b"{\"a\":1}\n\n{\"b\":2}\r\nlast";
        assert!(std::fs::write(&path, text).is_ok());
        let file = File::open(&path).map(PositionedFile::new);
        let _ = std::fs::remove_file(&path);
        let Ok(file) = file else {
            panic!("cannot open the file just written");
        };
        let mut seen = Vec::new();
        let result = for_each_range(
            &file,
            text.len() as u64,
            Limits {
                range_bytes: 3,
                in_flight_per_thread: 1,
            },
            &mut Pool::new(2),
            |line, relative| (relative, line.to_vec()),
            |lines, first| {
                lines
                    .into_iter()
                    .map(|(r, l)| (first + r, l))
                    .collect::<Vec<_>>()
            },
            |lines| {
                seen.extend(lines);
                Ok(())
            },
        );
        assert!(result.is_ok());
        assert_eq!(seen, streamed(text));
    }
}
