//! Fuzz target `json_validate`: raw JSON bytes through `m3ter_models::json::validate` (create
//! and update, default and strict profiles) and `json::from_slice`, with the invariants that
//! tie them together; they are in `src/lib.rs` (`m3ter_fuzz::json_validate`).

#![no_main]
#![forbid(unsafe_code)]

libfuzzer_sys::fuzz_target!(|data: &[u8]| m3ter_fuzz::json_validate(data));
