//! JSON Pointer paths (RFC 6901) over the wire names, built without allocating until an error
//! needs one (and not even then for a member of the whole document named in the code).

use std::borrow::Cow;

/// A location in the JSON document being validated: a chain of borrowed segments on the stack.
///
/// ```
/// use m3ter_runtime::path::Path;
/// let root = Path::Root;
/// let field = root.key("a/b");
/// let item = field.index(2);
/// assert_eq!(item.to_pointer(), "/a~1b/2");
/// // A member named in the code: at the root its pointer is a constant, nothing to build.
/// assert_eq!(root.member("name", "/name").to_pointer(), "/name");
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Path<'a> {
    /// The whole document (`""`).
    Root,
    /// A member of an object.
    Key(&'a Path<'a>, &'a str),
    /// An item of an array.
    Index(&'a Path<'a>, usize),
    /// A member of the whole document, by its pointer written in advance (`"/name"`): an error
    /// there borrows the pointer instead of building one.
    RootMember(&'static str),
}

impl<'a> Path<'a> {
    /// The member `key` of the value at this path.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path::Key(self, key)
    }

    /// The member `key`, whose pointer from the root is `pointer` (`"/"` and `key` escaped as
    /// RFC 6901 says, which `#[derive(Validate)]` writes when it expands). Below the root it is
    /// [`key`](Path::key).
    pub fn member(&'a self, key: &'static str, pointer: &'static str) -> Path<'a> {
        debug_assert!(
            pointer.starts_with('/') && (pointer[1..] == *key || key.contains(['~', '/'])),
            "{pointer:?} is not the pointer of the member {key:?}"
        );
        match self {
            Path::Root => Path::RootMember(pointer),
            _ => Path::Key(self, key),
        }
    }

    /// The item `index` of the array at this path.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The RFC 6901 JSON Pointer: `""` for the root, `/bucketName`, `/items/0`, `~` written
    /// `~0` and `/` written `~1`. Borrowed for the root and a member written in advance.
    pub fn to_pointer(&self) -> Cow<'static, str> {
        match self {
            Path::Root => Cow::Borrowed(""),
            Path::RootMember(pointer) => Cow::Borrowed(pointer),
            _ => {
                let mut out = String::with_capacity(self.pointer_len());
                self.write_pointer(&mut out);
                Cow::Owned(out)
            }
        }
    }

    /// At least the pointer's length in bytes (a key is counted as if every character needed
    /// escaping, an index at its widest), so that writing it never reallocates.
    fn pointer_len(&self) -> usize {
        match self {
            Path::Root => 0,
            Path::RootMember(pointer) => pointer.len(),
            Path::Key(parent, key) => parent.pointer_len() + 1 + 2 * key.len(),
            Path::Index(parent, _) => parent.pointer_len() + 21,
        }
    }

    fn write_pointer(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::RootMember(pointer) => out.push_str(pointer),
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

pub use m3ter_vocab::pointer::push_escaped;
