//! Generation errors and warnings: what is wrong (or ignored) and where in the fragment.

use std::fmt;

use super::pointer::Pointer;

/// One reason the fragment cannot be generated, at a JSON Pointer into it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CodegenError {
    /// Where: the JSON Pointer of the offending keyword or value (`""` for the document).
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

impl CodegenError {
    /// An error at `at`.
    pub fn new(at: &Pointer, message: impl Into<String>) -> Self {
        CodegenError {
            pointer: at.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

impl std::error::Error for CodegenError {}

/// What is generated despite it, at a JSON Pointer into the fragment: a keyword JSON Schema
/// ignores for the member's type (a `minimum` on a string), which has nothing to enforce.
/// `--deny-warnings` (and [`super::generate`]) make each an error with the same pointer and
/// message.
pub type CodegenWarning = CodegenError;
