//! Misuse of `#[derive(Validate)]` is a compile error on the right tokens (`ui/*.stderr`).
//! Regenerate the snapshots with `TRYBUILD=overwrite cargo test -p m3ter-models --test derive_errors`.

#[test]
fn misuse_is_a_compile_error() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
