//! Fuzz target `ndjson_reader`: bytes as an NDJSON input through the CLI's reader
//! (`m3ter_validate::input::Batches`, small batches) and its check with locations and both
//! output formats; the invariants are in `src/lib.rs` (`m3ter_fuzz::ndjson_reader`).

#![no_main]
#![forbid(unsafe_code)]

libfuzzer_sys::fuzz_target!(|data: &[u8]| m3ter_fuzz::ndjson_reader(data));
