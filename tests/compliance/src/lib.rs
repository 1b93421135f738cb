//! The official JSON-Schema-Test-Suite (draft 2020-12), as the generator makes it: `build.rs`
//! wraps each group's schema as the required member `value` of an object component and runs the
//! real generator over it; the groups it accepts are compiled here, once, as one module each
//! ([`groups`]), and every group's outcome is in [`GROUPS`]. The test that measures them is
//! `compliance.rs` in the package's folder (`cargo test -p m3ter-compliance-tests`).
//!
//! A package of its own, and not one of the workspace's default members: the 279 models take
//! about 25 s of compile time on a fresh clone, which a plain `cargo test` at the root leaves
//! out; CI and anyone changing the generator, the derive or the runtime's checks run it.

#![forbid(unsafe_code)]

use m3ter_models::{ErrorKind, Validate, ValidateJson, ValidationError, json};
use serde::de::DeserializeOwned;

/// What the generator made of one group (the outcomes are written by `build.rs`).
pub enum Generated {
    /// Generated and compiled: the verdicts of the group's model on a document, and the raw
    /// path's errors on it.
    Accepted(fn(&[u8]) -> Verdicts, fn(&[u8]) -> Vec<ValidationError>),
    /// Refused, with the generator's errors (one per line).
    Refused(&'static str),
    /// The generator panicked, with this message.
    Panicked(&'static str),
    /// The generator did not finish within this many seconds.
    TimedOut(u64),
}

/// One group of one suite file and what the generator made of it.
pub struct GroupOutcome {
    /// The file, relative to the suite's `draft2020-12` folder.
    pub file: &'static str,
    /// The group's index in the file.
    pub index: usize,
    /// What the generator made of it.
    pub generated: Generated,
}

/// The verdict (valid or not) of each path on one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdicts {
    /// `ValidateJson::validate_json` on the parsed document.
    pub raw: bool,
    /// `json::from_slice` (the typed fast path where it is proven exact, else the raw walk).
    pub from_slice: bool,
    /// serde's typed parse, then `Validate::validate`.
    pub typed: bool,
    /// The raw path's errors are all an array where the model has a struct, which plain serde's
    /// derived `Deserialize` takes as the struct's fields (README, "Three limits of plain serde").
    pub array_as_struct: bool,
}

impl Verdicts {
    /// Whether the paths give one verdict: the raw walk and `from_slice` always; serde + `validate()`
    /// too, except that it may accept what the raw path refuses only for an array read as a
    /// struct (the documented limit of plain serde; `from_slice` is the entry point).
    pub fn one(self) -> bool {
        self.raw == self.from_slice
            && (self.typed == self.raw || (self.typed && self.array_as_struct))
    }
}

/// The verdicts of the model `T` (a group's wrapper component) on `document`.
pub fn verdicts<T: DeserializeOwned + Validate + ValidateJson>(document: &[u8]) -> Verdicts {
    let raw = raw_errors::<T>(document);
    Verdicts {
        raw: raw.is_empty(),
        from_slice: json::from_slice::<T>(document).is_ok(),
        typed: serde_json::from_slice::<T>(document).is_ok_and(|value| value.validate().is_ok()),
        array_as_struct: !raw.is_empty()
            && raw.iter().all(|e| {
                matches!(
                    e.kind(),
                    ErrorKind::Type {
                        expected: "object",
                        actual: "array"
                    }
                )
            }),
    }
}

/// The raw path's errors (`ValidateJson::validate_json` on the parsed document) of the model
/// `T` on `document`: none when it is valid.
pub fn raw_errors<T: ValidateJson>(document: &[u8]) -> Vec<ValidationError> {
    json::parse_value(document)
        .map_err(Into::into)
        .and_then(|value| T::validate_json(&value))
        .map_or_else(|errors| errors.into_vec(), |()| Vec::new())
}

include!(concat!(env!("OUT_DIR"), "/compliance.rs"));
