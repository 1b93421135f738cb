//! Misuse of `#[derive(Validate)]` is a compile error on the right tokens (`ui/*.stderr`).
//! Regenerate the snapshots with `TRYBUILD=overwrite cargo test -p m3ter-derive-ui` (and, for
//! `ui-no-regex/`, the same with `--no-default-features`). The cases compile against
//! m3ter-models with this package's features only (`regex`, or none): rustc's notes that list
//! the derives in scope depend on them.

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
