//! Fuzz target `generator`: a fragment's text through `xtask::codegen::generate`, which must
//! return `Ok` or `Err` and never panic; see `src/lib.rs` (`m3ter_fuzz::generator`).

#![no_main]
#![forbid(unsafe_code)]

libfuzzer_sys::fuzz_target!(|data: &[u8]| m3ter_fuzz::generator(data));
