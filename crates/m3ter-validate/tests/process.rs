//! Running the binary with bytes on its standard input. Shared by the `suite` binary's files
//! and `reader_identity.rs` (its own binary).

#![allow(clippy::unwrap_used)] // A test fails by panicking.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// `command`'s output with `stdin` on its standard input, written from another thread: the
/// binary streams (it writes while it reads), so writing from this one could block both. The
/// binary may exit before reading everything (a usage error, a closed output): the broken pipe
/// that the writer then gets is not an error here.
pub(crate) fn output_with_stdin(command: &mut Command, stdin: &[u8]) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    let feeder = std::thread::spawn(move || pipe.write_all(&input));
    let output = child.wait_with_output().unwrap();
    let _ = feeder.join().unwrap();
    output
}
