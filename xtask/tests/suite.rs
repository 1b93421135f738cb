//! The generator's integration tests, one module per file, in one test binary (one link instead
//! of one per file). Run one file's tests with a filter: `cargo test -p xtask --test suite --
//! overlay::`.

mod overlay;
mod run;
mod sources;
