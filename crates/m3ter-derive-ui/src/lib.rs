//! Compile-fail tests of `#[derive(Validate)]` misuse: `tests/derive_errors.rs` runs the cases
//! of `tests/ui/` (and, without the `regex` feature, `tests/ui-no-regex/`) through trybuild and
//! compares each compiler output with its `.stderr` snapshot. The package has no code of its
//! own; it exists so that trybuild's project depends on m3ter-models with this package's fixed
//! feature set and nothing else.
