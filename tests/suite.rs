//! The workspace-level tests, one module per file, in one test binary (one link instead of one
//! per file; `cargo test -p m3ter-workspace-tests -- <module>::` runs one file's tests).

pub mod cross_path;
pub mod fixtures;
pub mod generator;
pub mod integrations;
pub mod one_verdict;
pub mod operations;
pub mod oracle;
pub mod properties;
pub mod raw_json;
pub mod recursive;
pub mod schema_agreement;
pub mod source_values;
pub mod test_targets;
pub mod unions;
pub mod user_types;
pub mod vocabulary;
