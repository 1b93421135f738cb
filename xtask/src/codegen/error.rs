//! Generation errors: what is wrong and where in the fragment.

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
