//! Misuse of `#[derive(Validate)]` is a compile error on the right tokens (`ui/*.stderr`).
//! Regenerate the snapshots with `TRYBUILD=overwrite cargo test -p m3ter-models --test derive_errors`
//! (and, for `ui-no-regex/`, the same with `--no-default-features`; `ui-default-features/` runs
//! with the default features only).

#[test]
fn misuse_is_a_compile_error() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}

/// Misuse whose rustc notes depend on the derives in scope (schemars' among them): run with
/// the default features only.
#[cfg(all(feature = "schemars", feature = "regex", feature = "validator"))]
#[test]
fn misuse_with_serde_attributes_is_a_compile_error() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui-default-features/*.rs");
}

/// Without the `regex` feature a pattern other than the fragment's own does not compile (it is
/// never silently skipped). CI runs this with `--no-default-features`.
#[cfg(not(feature = "regex"))]
#[test]
fn a_pattern_that_needs_the_engine_is_a_compile_error_without_it() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui-no-regex/*.rs");
}
