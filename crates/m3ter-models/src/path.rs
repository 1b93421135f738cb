//! JSON Pointer paths (RFC 6901) over the wire names, built without allocating until an error
//! needs one.

/// A location in the JSON document being validated: a chain of borrowed segments on the stack.
///
/// ```
/// use m3ter_models::path::Path;
/// let root = Path::Root;
/// let field = root.key("a/b");
/// let item = field.index(2);
/// assert_eq!(item.to_pointer(), "/a~1b/2");
/// ```
#[derive(Clone, Copy, Debug)]
pub enum Path<'a> {
    /// The whole document (`""`).
    Root,
    /// A member of an object.
    Key(&'a Path<'a>, &'a str),
    /// An item of an array.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The member `key` of the value at this path.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The item `index` of the array at this path.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The RFC 6901 JSON Pointer: `""` for the root, `/bucketName`, `/items/0`, `~` written
    /// `~0` and `/` written `~1`.
    pub fn to_pointer(&self) -> String {
        let mut out = String::with_capacity(self.pointer_len());
        self.write_pointer(&mut out);
        out
    }

    /// The pointer's length in bytes (at most: an index is counted at its widest).
    fn pointer_len(&self) -> usize {
        match self {
            Path::Root => 0,
            Path::Key(parent, key) => {
                parent.pointer_len()
                    + 1
                    + key.len()
                    + key.bytes().filter(|b| matches!(b, b'~' | b'/')).count()
            }
            Path::Index(parent, _) => parent.pointer_len() + 21,
        }
    }

    fn write_pointer(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write_pointer(out);
                out.push('/');
                push_escaped(out, key);
            }
            Path::Index(parent, index) => {
                use std::fmt::Write as _;
                parent.write_pointer(out);
                let _ = write!(out, "/{index}");
            }
        }
    }
}

/// Appends `segment` to `out` with RFC 6901 escaping (`~` → `~0`, `/` → `~1`).
pub fn push_escaped(out: &mut String, segment: &str) {
    if !segment.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}
