//! Misuse of `#[derive(Validate)]` is a compile error on the right tokens (`ui/*.stderr`).
//! Regenerate the snapshots with `TRYBUILD=overwrite cargo test -p m3ter-derive-ui --
//! --include-ignored` (and, for `ui-no-regex/`, the same with `--no-default-features`). The
//! cases compile against m3ter-models with this package's features only (`regex`, or none):
//! rustc's notes that list the derives in scope depend on them.
//!
//! Both tests are ignored by a plain `cargo test`: trybuild compiles m3ter-models and its
//! dependencies again into a project of its own (`target/tests/trybuild`), about 25 s on a
//! fresh clone of the 2-core machine, a fifth of the whole suite's time. CI runs them
//! (`cargo test --workspace -- --include-ignored`, the README's full test command); run them
//! after changing the derive.

#[test]
#[ignore = "trybuild compiles a project of its own (about 25 s on a fresh clone): CI runs it (-- --include-ignored)"]
fn misuse_is_a_compile_error() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}

/// Without the `regex` feature a pattern other than the fragment's own does not compile (it is
/// never silently skipped). CI runs this with `--no-default-features`.
#[cfg(not(feature = "regex"))]
#[test]
#[ignore = "trybuild compiles a project of its own: CI runs it (--no-default-features -- --include-ignored)"]
fn a_pattern_that_needs_the_engine_is_a_compile_error_without_it() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui-no-regex/*.rs");
}
