//! The vocabulary of constraints, as a type: what `m3ter-models`' generator (`cargo xtask
//! codegen`), its derive macro (`#[derive(Validate)]`) and its runtime share, so that a keyword or
//! a format is written once.
//!
//! - [`Keyword`]: every `#[spec]` keyword, with one table behind it (its JSON Schema name, its
//!   `#[spec]` name, the JSON types it applies to, its parameter) in [`keyword`].
//! - [`Constraints`]: one struct, a slot per keyword, generic over how its parameters are held
//!   ([`Repr`]): owned strings in the generator's IR, spanned literals in the derive's checked
//!   model, `'static` data in the runtime descriptors that the proptest strategies read.
//! - [`Format`]: the format registry, one row per named format (name, what it is, a valid
//!   example, invalid examples).
//! - [`pointer`](mod@pointer): RFC 6901 JSON Pointer escaping, once.
//! - [`endpoint`]: OpenAPI's response keys (`200`, `4XX`, `default`) and path templates' pieces,
//!   read once for the generator and the runtime.
//! - [`Number`]: a number as the range keywords hold it.
//! - [`pattern`](mod@pattern): `pattern`'s ECMA-262 translated into the `regex` crate's syntax
//!   with the same meaning (or refused with what to write), once for the generator, the derive
//!   and the runtime.
//!
//! Consumers match [`Keyword`] and [`Format`] exhaustively, without a catch-all arm, so adding a
//! variant does not compile until every site that gives it meaning handles it
//! (ARCHITECTURE.md lists those sites).
//!
//! ```
//! use m3ter_vocab::{Keyword, JsonType};
//!
//! let keyword = Keyword::from_spec_name("max_length").unwrap();
//! assert_eq!(keyword, Keyword::MaxLength);
//! assert_eq!(keyword.json_name(), "maxLength");
//! assert!(keyword.applies_to().contains(JsonType::String));
//! assert!(!keyword.applies_to().contains(JsonType::Integer));
//! ```

#![forbid(unsafe_code)]

pub mod bounds;
pub mod constraints;
pub mod endpoint;
pub mod format;
pub mod keyword;
pub mod number;
pub mod pattern;
pub mod pointer;
mod table;

pub use constraints::{Constraints, Owned, Param, ParamValue, Repr, SetError, Static};
pub use format::Format;
pub use keyword::{JsonType, Level, ParamKind, Types};
pub use number::Number;
pub use table::Keyword;
