//! The two pieces of OpenAPI's operation syntax that the generator reads and the runtime
//! applies, read once: a response key ([`StatusRange`]: `200`, `4XX`, `default`) and a path
//! template's pieces ([`template_pieces`]: literal text and `{name}`s; [`piece_at`], the same
//! reading for `const` callers).
//!
//! The generator (`cargo xtask codegen`) refuses a spec whose response keys or path templates
//! these refuse and orders its `match` arms by [`StatusRange::specificity`]; the runtime's
//! `endpoint::select` and `endpoint::render_path` follow the same rules at run time.
//!
//! ```
//! use m3ter_vocab::endpoint::{Piece, StatusRange, template_pieces};
//!
//! assert_eq!(StatusRange::parse("4XX"), Ok(StatusRange::Class(4)));
//! let pieces: Result<Vec<Piece<'_>>, _> = template_pieces("/orgs/{orgId}/items").collect();
//! assert_eq!(
//!     pieces.unwrap(),
//!     [Piece::Literal("/orgs/"), Piece::Name("orgId"), Piece::Literal("/items")],
//! );
//! ```

use std::fmt;
use std::str::FromStr;

/// An OpenAPI response key: one status code (`"200"`), a class of them (`"4XX"`), or
/// `"default"` (any status the other keys do not cover).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusRange {
    /// One status code, 100 to 599.
    Code(u16),
    /// Every code of a class: `Class(4)` is `4XX`, 400 to 499 (1 to 5).
    Class(u8),
    /// `default`: any status.
    Default,
}

/// A response key that is not a status code (100–599), a class `1XX`–`5XX`, or `default`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusRangeError {
    /// The key as given.
    pub key: String,
}

impl fmt::Display for StatusRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a response key (a status code 100-599, 1XX-5XX, or default)",
            self.key
        )
    }
}

impl std::error::Error for StatusRangeError {}

impl StatusRange {
    /// Reads a response key as OpenAPI writes it: three digits from 100 to 599, a digit from 1
    /// to 5 followed by `XX` (upper case, as OpenAPI specifies), or `default`. What it reads,
    /// [`Display`](fmt::Display) writes back as it was.
    ///
    /// ```
    /// use m3ter_vocab::endpoint::StatusRange;
    /// assert_eq!(StatusRange::parse("200"), Ok(StatusRange::Code(200)));
    /// assert_eq!(StatusRange::parse("4XX"), Ok(StatusRange::Class(4)));
    /// assert_eq!(StatusRange::parse("default"), Ok(StatusRange::Default));
    /// assert!(StatusRange::parse("4xx").is_err());
    /// assert!(StatusRange::parse("600").is_err());
    /// ```
    pub fn parse(key: &str) -> Result<StatusRange, StatusRangeError> {
        let error = || StatusRangeError {
            key: key.to_owned(),
        };
        if key == "default" {
            return Ok(StatusRange::Default);
        }
        match key.as_bytes() {
            [class @ b'1'..=b'5', b'X', b'X'] => Ok(StatusRange::Class(class - b'0')),
            [a, b, c] if [a, b, c].iter().all(|d| d.is_ascii_digit()) => {
                let code =
                    u16::from(a - b'0') * 100 + u16::from(b - b'0') * 10 + u16::from(c - b'0');
                if (100..=599).contains(&code) {
                    Ok(StatusRange::Code(code))
                } else {
                    Err(error())
                }
            }
            _ => Err(error()),
        }
    }

    /// Whether `status` is one this key covers.
    pub const fn matches(self, status: u16) -> bool {
        match self {
            StatusRange::Code(code) => code == status,
            StatusRange::Class(class) => {
                status >= 100 && status <= 599 && status / 100 == class as u16
            }
            StatusRange::Default => true,
        }
    }

    /// The statuses this key covers, lowest and highest: a code is its own, `4XX` is 400 to
    /// 499, `default` is 100 to 599 (besides any other status, which only `default` takes).
    pub const fn bounds(self) -> (u16, u16) {
        match self {
            StatusRange::Code(code) => (code, code),
            StatusRange::Class(class) => (class as u16 * 100, class as u16 * 100 + 99),
            StatusRange::Default => (100, 599),
        }
    }

    /// How specific the key is, which OpenAPI gives precedence: a code (2) over a class (1)
    /// over `default` (0).
    pub const fn specificity(self) -> u8 {
        match self {
            StatusRange::Code(_) => 2,
            StatusRange::Class(_) => 1,
            StatusRange::Default => 0,
        }
    }
}

impl FromStr for StatusRange {
    type Err = StatusRangeError;

    fn from_str(key: &str) -> Result<Self, Self::Err> {
        StatusRange::parse(key)
    }
}

impl fmt::Display for StatusRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusRange::Code(code) => write!(f, "{code}"),
            StatusRange::Class(class) => write!(f, "{class}XX"),
            StatusRange::Default => f.write_str("default"),
        }
    }
}

/// One piece of a path template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'t> {
    /// Text outside braces, as written.
    Literal(&'t str),
    /// The name inside `{…}`.
    Name(&'t str),
}

/// Why a path template is not well formed, with the byte offset of the brace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateSyntaxError {
    /// A `{` has no `}` after it, or another `{` comes first.
    Unclosed {
        /// The byte offset of the `{`.
        at: usize,
    },
    /// A `}` has no `{` before it.
    Unopened {
        /// The byte offset of the `}`.
        at: usize,
    },
    /// `{}`.
    EmptyName {
        /// The byte offset of the `{`.
        at: usize,
    },
}

impl fmt::Display for TemplateSyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateSyntaxError::Unclosed { at } => {
                write!(f, "the `{{` at byte {at} is not closed")
            }
            TemplateSyntaxError::Unopened { at } => {
                write!(f, "the `}}` at byte {at} has no `{{`")
            }
            TemplateSyntaxError::EmptyName { at } => write!(f, "`{{}}` at byte {at}"),
        }
    }
}

impl std::error::Error for TemplateSyntaxError {}

/// The pieces of a path template (`/organizations/{orgId}/…`) in order, or the first error
/// (after which the iterator ends). A template is well formed when no piece is an error: each
/// `{` closed by a `}` before the next `{`, no `}` outside, no `{}`.
///
/// ```
/// use m3ter_vocab::endpoint::{Piece, TemplateSyntaxError, template_pieces};
/// let mut pieces = template_pieces("/a/{id");
/// assert_eq!(pieces.next(), Some(Ok(Piece::Literal("/a/"))));
/// assert_eq!(pieces.next(), Some(Err(TemplateSyntaxError::Unclosed { at: 3 })));
/// assert_eq!(pieces.next(), None);
/// assert!(template_pieces("/a/{b{c}").any(|p| p.is_err()));
/// assert!(template_pieces("/a}").any(|p| p.is_err()));
/// assert!(template_pieces("/a/{}").any(|p| p.is_err()));
/// ```
pub fn template_pieces(template: &str) -> TemplatePieces<'_> {
    TemplatePieces { template, at: 0 }
}

/// The iterator of [`template_pieces`].
#[derive(Clone, Debug)]
pub struct TemplatePieces<'t> {
    template: &'t str,
    /// Where the next piece starts; past the end after an error.
    at: usize,
}

impl<'t> Iterator for TemplatePieces<'t> {
    type Item = Result<Piece<'t>, TemplateSyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        let span = match piece_at(self.template.as_bytes(), self.at) {
            Ok(None) => return None,
            Ok(Some(span)) => span,
            Err(error) => {
                self.at = usize::MAX;
                return Some(Err(error));
            }
        };
        self.at = span.next;
        // The bounds are at braces (ASCII) or the ends: character boundaries.
        let text = &self.template[span.start..span.end];
        Some(Ok(if span.name {
            Piece::Name(text)
        } else {
            Piece::Literal(text)
        }))
    }
}

/// Where a piece of a template lies ([`piece_at`]): its text is `template[start..end]` (a
/// name without its braces), and the next piece starts at `next`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PieceSpan {
    /// Whether the piece is a `{name}` (else literal text).
    pub name: bool,
    /// The first byte of its text.
    pub start: usize,
    /// The byte after its text.
    pub end: usize,
    /// Where the next piece starts.
    pub next: usize,
}

/// The piece of `template` that starts at byte `at` (`Ok(None)` at or past the end), as
/// [`template_pieces`] reads it: the one reading of a template, a `const fn` so that a
/// compile-time check (the runtime's `endpoint::template_names_are`) reads it the same way.
pub const fn piece_at(
    template: &[u8],
    at: usize,
) -> Result<Option<PieceSpan>, TemplateSyntaxError> {
    if at >= template.len() {
        return Ok(None);
    }
    if template[at] == b'{' {
        let mut end = at + 1;
        while end < template.len() && template[end] != b'}' {
            if template[end] == b'{' {
                return Err(TemplateSyntaxError::Unclosed { at });
            }
            end += 1;
        }
        if end == template.len() {
            return Err(TemplateSyntaxError::Unclosed { at });
        }
        if end == at + 1 {
            return Err(TemplateSyntaxError::EmptyName { at });
        }
        return Ok(Some(PieceSpan {
            name: true,
            start: at + 1,
            end,
            next: end + 1,
        }));
    }
    let mut end = at;
    while end < template.len() && template[end] != b'{' {
        if template[end] == b'}' {
            return Err(TemplateSyntaxError::Unopened { at: end });
        }
        end += 1;
    }
    Ok(Some(PieceSpan {
        name: false,
        start: at,
        end,
        next: end,
    }))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // A test fails by panicking.
mod tests {
    use super::*;

    #[test]
    fn every_response_key_reads_back_as_written() {
        let mut keys: Vec<String> = (0..1000).map(|n| format!("{n:03}")).collect();
        keys.extend((0..10).map(|class| format!("{class}XX")));
        keys.extend(
            ["4xx", "4Xx", "default", "Default", "", "20", "2000", "+200"].map(String::from),
        );
        let mut read = 0;
        for key in &keys {
            if let Ok(range) = StatusRange::parse(key) {
                assert_eq!(range.to_string(), *key);
                let (low, high) = range.bounds();
                assert!(range.matches(low) && range.matches(high), "{key}");
                read += 1;
            }
        }
        // 100 to 599, five classes, default.
        assert_eq!(read, 500 + 5 + 1);
    }

    /// Whether `template` is well formed, read a character at a time (an independent reading:
    /// each `{` closed by a `}` before the next `{`, no `}` outside, no `{}`).
    fn well_formed(template: &str) -> bool {
        let mut open: Option<usize> = None;
        for c in template.chars() {
            match (c, open) {
                ('{', None) => open = Some(0),
                ('{', Some(_)) | ('}', None) | ('}', Some(0)) => return false,
                ('}', Some(_)) => open = None,
                (_, Some(n)) => open = Some(n + 1),
                (_, None) => {}
            }
        }
        open.is_none()
    }

    /// Every template of up to six characters over `{`, `}`, `a`, `/` and `é`: the pieces
    /// write the template back (up to the first error, a prefix of the text before it), the
    /// error names a brace of the right kind at its byte, and the verdict is the
    /// character-at-a-time reading's.
    #[test]
    fn every_short_template_reads_as_written() {
        let alphabet = ['{', '}', 'a', '/', 'é'];
        let mut templates = vec![String::new()];
        let mut count = 0;
        for _ in 0..6 {
            templates = templates
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            for template in &templates {
                let mut written = String::new();
                let mut error = None;
                for piece in template_pieces(template) {
                    assert!(error.is_none(), "{template:?}: a piece after an error");
                    match piece {
                        Ok(Piece::Literal(text)) => {
                            assert!(
                                !text.is_empty() && !text.contains(['{', '}']),
                                "{template:?}"
                            );
                            written.push_str(text);
                        }
                        Ok(Piece::Name(name)) => {
                            assert!(
                                !name.is_empty() && !name.contains(['{', '}']),
                                "{template:?}"
                            );
                            written.push_str(&format!("{{{name}}}"));
                        }
                        Err(e) => error = Some(e),
                    }
                }
                match error {
                    None => assert_eq!(written, *template),
                    Some(e) => {
                        let (at, brace) = match e {
                            TemplateSyntaxError::Unclosed { at }
                            | TemplateSyntaxError::EmptyName { at } => (at, "{"),
                            TemplateSyntaxError::Unopened { at } => (at, "}"),
                        };
                        assert_eq!(template.get(at..at + 1), Some(brace), "{template:?}: {e}");
                        // (A literal that runs into a stray `}` is not given before the error.)
                        assert!(template[..at].starts_with(&written), "{template:?}: {e}");
                    }
                }
                assert_eq!(error.is_none(), well_formed(template), "{template:?}");
                count += 1;
            }
        }
        assert_eq!(count, 5 + 25 + 125 + 625 + 3125 + 15625);
    }

    #[test]
    fn a_template_is_its_pieces() {
        let template = "/organizations/{orgId}/dataexports/destinations/{id}";
        let pieces: Vec<Piece<'_>> = template_pieces(template).map(Result::unwrap).collect();
        assert_eq!(
            pieces,
            [
                Piece::Literal("/organizations/"),
                Piece::Name("orgId"),
                Piece::Literal("/dataexports/destinations/"),
                Piece::Name("id"),
            ]
        );
        let written: String = pieces
            .iter()
            .map(|piece| match piece {
                Piece::Literal(text) => (*text).to_owned(),
                Piece::Name(name) => format!("{{{name}}}"),
            })
            .collect();
        assert_eq!(written, template);
        assert_eq!(template_pieces("").count(), 0);
        for (bad, error) in [
            ("{", TemplateSyntaxError::Unclosed { at: 0 }),
            ("/a/{b{c}", TemplateSyntaxError::Unclosed { at: 3 }),
            ("/a/b}", TemplateSyntaxError::Unopened { at: 4 }),
            ("/{a}}", TemplateSyntaxError::Unopened { at: 4 }),
            ("/a/{}", TemplateSyntaxError::EmptyName { at: 3 }),
        ] {
            assert_eq!(
                template_pieces(bad).find_map(Result::err),
                Some(error),
                "{bad}"
            );
            assert!(
                template_pieces(bad).last().is_some_and(|p| p.is_err()),
                "{bad}"
            );
        }
    }
}
