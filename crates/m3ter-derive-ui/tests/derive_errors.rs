//! Misuse of `#[derive(Validate)]` is a compile error on the right tokens (`ui/*.stderr`).
//! Regenerate the snapshots with `TRYBUILD=overwrite cargo test -p m3ter-derive-ui` (and, for
//! `ui-no-regex/`, the same with `--no-default-features`). The cases compile against
//! m3ter-models with this package's features only (`regex`, or none): rustc's notes that list
//! the derives in scope depend on them.
//!
//! A plain `cargo test` at the workspace's root does not build this package (it is not among
//! the root manifest's `default-members`): trybuild compiles m3ter-models and its dependencies
//! again into a project of its own (`target/tests/trybuild`), about 25 s on a fresh clone of
//! the 2-core machine. CI runs it (`cargo test -p m3ter-derive-ui`, with and without default
//! features), as `cargo test --workspace` does; run it after changing the derive.

#[test]
fn misuse_is_a_compile_error() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}

/// Without the `regex` feature a pattern other than the fragment's own does not compile (it is
/// never silently skipped). CI runs this with `--no-default-features`.
#[cfg(not(feature = "regex"))]
#[test]
fn a_pattern_that_needs_the_engine_is_a_compile_error_without_it() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui-no-regex/*.rs");
}
