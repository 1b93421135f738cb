//! The pre-submit validator behind the `m3ter-validate` binary: reading inputs (whole documents
//! or streamed NDJSON), checking each document against the m3ter-models rules, and rendering
//! the results. A library so that fuzzing and benchmarks reach the same code as the binary.

#![forbid(unsafe_code)]

pub mod args;
pub mod check;
pub mod compact;
pub mod escape;
pub mod input;
pub mod lean;
pub mod output;
pub mod parallel;
pub mod ranges;
pub mod run;

/// The proptest case count of the unit tests' properties: `M3TER_PROPTEST_CASES` when set,
/// else `default` (sized for CI, as the workspace's other properties are).
#[cfg(test)]
fn proptest_cases(default: u32) -> u32 {
    std::env::var("M3TER_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
