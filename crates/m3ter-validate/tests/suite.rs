//! The CLI's integration tests, one module per file, in one test binary: one link instead of
//! one per file, and one harness running every test across the cores. Run one file's tests with
//! a filter: `cargo test -p m3ter-validate --test suite -- readers::`.

mod cli;
mod hostile;
mod inputs;
mod lean;
mod limits;
mod messages;
mod process;
mod readers;
