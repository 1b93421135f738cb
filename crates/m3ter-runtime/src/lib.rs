//! The runtime of `m3ter-models`: what validation needs at run time, whatever the models.
//!
//! - [`error`]: every violation with an RFC 6901 JSON Pointer over the wire names, a stable
//!   [`ErrorCode`] and parameters; [`path`]: pointers built on the stack.
//! - [`Validate`], [`Valid`]: typed validation, every error at once, and the proof type.
//! - [`json`]: raw JSON, parsed with duplicate keys as errors; [`ValidateJson`], the same rules
//!   over a parsed document; [`json::from_slice`], text to a validated value; error locations.
//! - [`rules`]: the plain functions the code expanded by `#[derive(Validate)]` calls;
//!   [`formats`]: the check of every format of the vocabulary's registry.
//! - [`union`]: discriminated unions (`anyOf`/`oneOf` with a `discriminator`), the one rule
//!   that decides a document's variant on every path.
//! - [`describe`]: a type's constraints as static data (what the proptest strategies read).
//! - [`serde_helpers`]: how serde reads a member exactly as the raw check does.
//! - [`integrations`]: `validator` and `schemars` (features of the same names).
//! - [`endpoint`]: what a generated operation descriptor needs: the method, percent-encoded
//!   paths and queries, the [`endpoint::Endpoint`] trait, response keys.
//!
//! Users depend on `m3ter-models`, which re-exports all of this under the same paths; the
//! derive's expansion names those paths. The vocabulary (keywords, formats, pointer escaping)
//! is `m3ter-vocab`.

#![forbid(unsafe_code)]

pub mod describe;
pub mod endpoint;
pub mod error;
mod error_examples;
pub mod formats;
pub mod integrations;
pub mod json;
mod object_or;
pub mod path;
pub mod rules;
pub mod serde_helpers;
pub mod union;
mod validate;

pub use describe::Describe;
pub use error::{ErrorCode, ErrorKind, ValidationError, ValidationErrors};
pub use json::ValidateJson;
pub use object_or::ObjectOr;
pub use validate::{Valid, Validate};
