//! JSON Pointers into the fragment, for error messages.

use std::fmt;

/// An RFC 6901 JSON Pointer into the fragment (`/components/schemas/X/properties/y`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pointer(String);

impl Pointer {
    /// The whole document.
    pub fn root() -> Pointer {
        Pointer(String::new())
    }

    /// The member `key`, escaped by the vocabulary's one escaping (`~` → `~0`, `/` → `~1`).
    pub fn key(&self, key: &str) -> Pointer {
        let mut out = self.0.clone();
        out.push('/');
        m3ter_vocab::pointer::push_escaped(&mut out, key);
        Pointer(out)
    }

    /// The array item `index`.
    pub fn index(&self, index: usize) -> Pointer {
        Pointer(format!("{}/{index}", self.0))
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("(document root)")
        } else {
            f.write_str(&self.0)
        }
    }
}
