//! The runtime half of operation descriptors: what a generated parameters struct needs to say
//! which HTTP request it is and how its response is read.
//!
//! - [`Method`]: the HTTP method.
//! - [`encode_path_segment`], [`encode_query_component`]: RFC 3986 percent-encoding; only the
//!   unreserved characters (`A–Z a–z 0–9 - . _ ~`) are left as they are, every other byte of
//!   the UTF-8 text is `%XX` (upper-case hex), the sub-delimiters included, so the result means
//!   the same to any server.
//! - [`render_path`]: a path template (`/organizations/{orgId}/…`) with its values, encoded;
//!   every mismatch between the template's names and the values is a [`TemplateError`].
//!   [`template_names_are`] proves a template's names at compile time.
//! - [`Query`]: a query string for OpenAPI's `style: form` (`explode: true` arrays repeat the
//!   name, `explode: false` arrays are comma-separated).
//! - [`Endpoint`]: the trait a generated parameters struct implements (operation id, method,
//!   path template, body and response types, its path and query, how a response is parsed).
//! - [`StatusRange`]: an OpenAPI response key (`200`, `4XX`, `default`), and [`select`], the
//!   response a status code gets. The key and a path template's pieces are read by
//!   `m3ter-vocab` (`m3ter_vocab::endpoint`), as the generator reads them.
//!
//! ```
//! use m3ter_runtime::endpoint::{Query, render_path};
//! let path = render_path(
//!     "/organizations/{orgId}/dataexports/destinations/{id}",
//!     &[("orgId", "my org"), ("id", "a/b")],
//! )
//! .unwrap();
//! assert_eq!(path, "/organizations/my%20org/dataexports/destinations/a%2Fb");
//! let query = Query::new().push_all("ids", ["a", "b"]).push("pageSize", "10").finish();
//! assert_eq!(query, "?ids=a&ids=b&pageSize=10");
//! ```

use std::fmt;

use m3ter_vocab::endpoint::{Piece, piece_at, template_pieces};
// OpenAPI's response keys and a template's syntax errors, read as the generator reads them
// (defined in `m3ter-vocab`).
pub use m3ter_vocab::endpoint::{StatusRange, StatusRangeError, TemplateSyntaxError};

use crate::error::ValidationErrors;

/// An HTTP method.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `DELETE`
    Delete,
    /// `PATCH`
    Patch,
}

impl Method {
    /// The method as HTTP writes it (`"GET"`).
    ///
    /// ```
    /// use m3ter_runtime::endpoint::Method;
    /// assert_eq!(Method::Delete.as_str(), "DELETE");
    /// assert_eq!(Method::Put.to_string(), "PUT");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
            Method::Patch => "PATCH",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether RFC 3986 (section 2.3) calls the byte unreserved: `A–Z a–z 0–9 - . _ ~`.
const fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";

/// Appends `text` percent-encoded: unreserved bytes as they are, every other byte `%XX`.
fn encode_into(out: &mut String, text: &str) {
    for &b in text.as_bytes() {
        if is_unreserved(b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX_UPPER[usize::from(b >> 4)]));
            out.push(char::from(HEX_UPPER[usize::from(b & 0x0F)]));
        }
    }
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    encode_into(&mut out, text);
    out
}

/// A path segment, percent-encoded (RFC 3986): every byte of the UTF-8 text but the unreserved
/// `A–Z a–z 0–9 - . _ ~` becomes `%XX` in upper-case hex. `/`, `%`, space and the
/// sub-delimiters (`!$&'()*+,;=`) are encoded too, so a value is always one segment, the same
/// for any server.
///
/// `.` and `..` come out unchanged (the dot is unreserved), and a client resolving dot segments
/// would drop them from the path; [`render_path`] refuses them, and an empty value, as path
/// values.
///
/// ```
/// use m3ter_runtime::endpoint::encode_path_segment;
/// assert_eq!(encode_path_segment("67e55044-10b1-426f-9247-bb680e5fe0c8"),
///            "67e55044-10b1-426f-9247-bb680e5fe0c8");
/// assert_eq!(encode_path_segment("a/b c%"), "a%2Fb%20c%25");
/// assert_eq!(encode_path_segment("é"), "%C3%A9");
/// ```
pub fn encode_path_segment(segment: &str) -> String {
    encode(segment)
}

/// A query name or value, percent-encoded like [`encode_path_segment`] (the same set): a space
/// is `%20`, never `+`, and `&`, `=`, `+`, `,` and `#` are encoded, so a value cannot end its
/// parameter or read as a space.
///
/// ```
/// use m3ter_runtime::endpoint::encode_query_component;
/// assert_eq!(encode_query_component("a&b=c+d e"), "a%26b%3Dc%2Bd%20e");
/// ```
pub fn encode_query_component(component: &str) -> String {
    encode(component)
}

/// Why a path template and its values do not fit together.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateError {
    /// `{name}` is in the template, but no value was given for it.
    MissingValue {
        /// The name in the template.
        name: String,
    },
    /// A value was given for a name the template does not have.
    UnusedValue {
        /// The name of the value.
        name: String,
    },
    /// Two values were given for one name.
    DuplicateValue {
        /// The name given twice.
        name: String,
    },
    /// The value of `name` is empty: the path would lose a segment (and could name another
    /// resource, such as the list instead of one item).
    EmptyValue {
        /// The name whose value is empty.
        name: String,
    },
    /// The value of `name` is `.` or `..`, which a client resolving dot segments removes from
    /// the path (RFC 3986 section 5.2.4), so the request would go elsewhere.
    DotSegment {
        /// The name whose value is a dot segment.
        name: String,
    },
    /// The template itself is malformed: a `{` not closed, a `}` not opened, or `{}` (read by
    /// `m3ter_vocab::endpoint::template_pieces`, as the generator reads it).
    Syntax(TemplateSyntaxError),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::MissingValue { name } => {
                write!(f, "the path template's `{{{name}}}` has no value")
            }
            TemplateError::UnusedValue { name } => {
                write!(f, "a value for `{name}`, which is not in the path template")
            }
            TemplateError::DuplicateValue { name } => write!(f, "two values for `{name}`"),
            TemplateError::EmptyValue { name } => write!(f, "the value of `{name}` is empty"),
            TemplateError::DotSegment { name } => {
                write!(f, "the value of `{name}` is a dot segment (`.` or `..`)")
            }
            TemplateError::Syntax(error) => write!(f, "the path template is malformed: {error}"),
        }
    }
}

// The message includes the syntax error's, so `source` does not give it again.
impl std::error::Error for TemplateError {}

impl From<TemplateSyntaxError> for TemplateError {
    fn from(error: TemplateSyntaxError) -> Self {
        TemplateError::Syntax(error)
    }
}

/// `template` with each `{name}` replaced by the value of `name` in `values`, percent-encoded
/// as one path segment ([`encode_path_segment`]); the text outside braces is kept as written.
///
/// Every `{name}` must have exactly one value and every value must be used (a name may appear
/// more than once in the template); a value may not be empty, `.` or `..`. Anything else is a
/// [`TemplateError`], never a panic.
///
/// ```
/// use m3ter_runtime::endpoint::{TemplateError, render_path};
/// let template = "/organizations/{orgId}/dataexports/destinations/{id}";
/// let path = render_path(template, &[
///     ("orgId", "67e55044-10b1-426f-9247-bb680e5fe0c8"),
///     ("id", "é 1"),
/// ]);
/// assert_eq!(
///     path.unwrap(),
///     "/organizations/67e55044-10b1-426f-9247-bb680e5fe0c8/dataexports/destinations/%C3%A9%201",
/// );
/// assert_eq!(
///     render_path(template, &[("orgId", "o")]),
///     Err(TemplateError::MissingValue { name: "id".into() }),
/// );
/// ```
pub fn render_path(template: &str, values: &[(&str, &str)]) -> Result<String, TemplateError> {
    for (i, (name, value)) in values.iter().enumerate() {
        if values[..i].iter().any(|(earlier, _)| earlier == name) {
            return Err(TemplateError::DuplicateValue {
                name: (*name).to_owned(),
            });
        }
        if value.is_empty() {
            return Err(TemplateError::EmptyValue {
                name: (*name).to_owned(),
            });
        }
        if matches!(*value, "." | "..") {
            return Err(TemplateError::DotSegment {
                name: (*name).to_owned(),
            });
        }
    }
    let mut used = vec![false; values.len()];
    let mut out = String::with_capacity(template.len() + 16);
    for piece in template_pieces(template) {
        match piece? {
            Piece::Literal(text) => out.push_str(text),
            Piece::Name(name) => {
                let index = values
                    .iter()
                    .position(|(given, _)| *given == name)
                    .ok_or_else(|| TemplateError::MissingValue {
                        name: name.to_owned(),
                    })?;
                // `index` is a position in `values`, and `used` has its length.
                used[index] = true;
                encode_into(&mut out, values[index].1);
            }
        }
    }
    if let Some(index) = used.iter().position(|used| !used) {
        let name = values.get(index).map_or("", |(name, _)| name);
        return Err(TemplateError::UnusedValue {
            name: name.to_owned(),
        });
    }
    Ok(out)
}

/// Whether `a[a_start..a_end]` is `b` (a `const` comparison).
const fn bytes_eq(a: &[u8], a_start: usize, a_end: usize, b: &[u8]) -> bool {
    if a_end - a_start != b.len() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if a[a_start + i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `template` is well formed and its `{name}`s are exactly `names` (each name in
/// `names` once, and in the template at least once), so that [`render_path`] with a value for
/// each of `names` can fail only on a value (empty, `.` or `..`). At most `usize::BITS` names
/// (more are `false`). A `const fn`, for a compile-time assertion beside a generated
/// `PATH_TEMPLATE`:
///
/// ```
/// use m3ter_runtime::endpoint::template_names_are;
/// const TEMPLATE: &str = "/organizations/{orgId}/dataexports/destinations/{id}";
/// const _: () = assert!(template_names_are(TEMPLATE, &["orgId", "id"]));
/// assert!(!template_names_are(TEMPLATE, &["orgId"]));
/// assert!(!template_names_are("/a/{id", &["id"]));
/// ```
pub const fn template_names_are(template: &str, names: &[&str]) -> bool {
    let t = template.as_bytes();
    // Each name once.
    let mut i = 0;
    while i < names.len() {
        let mut j = 0;
        while j < i {
            let a = names[i].as_bytes();
            if bytes_eq(a, 0, a.len(), names[j].as_bytes()) {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    // Every `{name}` of the template is one of `names` (read as `template_pieces` reads it);
    // count which ones appear.
    let mut seen = 0usize;
    let mut at = 0;
    loop {
        let span = match piece_at(t, at) {
            Ok(Some(span)) => span,
            Ok(None) => break,
            Err(_) => return false,
        };
        if span.name {
            let mut k = 0;
            let mut found = false;
            while k < names.len() {
                if bytes_eq(t, span.start, span.end, names[k].as_bytes()) {
                    found = true;
                    if k < usize::BITS as usize {
                        seen |= 1 << k;
                    }
                }
                k += 1;
            }
            if !found {
                return false;
            }
        }
        at = span.next;
    }
    // Every name appears.
    if names.len() > usize::BITS as usize {
        return false;
    }
    let all = if names.len() == usize::BITS as usize {
        usize::MAX
    } else {
        (1usize << names.len()) - 1
    };
    seen == all
}

/// A query string for OpenAPI's `style: form` parameters, names and values percent-encoded
/// ([`encode_query_component`]). Parameters are written in the order they are pushed.
///
/// An array with no items is left out, as RFC 6570 (which `style: form` follows) leaves out an
/// empty list.
///
/// ```
/// use m3ter_runtime::endpoint::Query;
/// assert_eq!(Query::new().finish(), "");
/// let mut query = Query::new();
/// query.push("nextToken", "a&b=c").push_csv("ids", ["x", "y,z"]);
/// assert_eq!(query.finish(), "?nextToken=a%26b%3Dc&ids=x,y%2Cz");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// `name=value&…`, without the `?`.
    pairs: String,
}

impl Query {
    /// An empty query.
    pub fn new() -> Self {
        Query::default()
    }

    fn start_pair(&mut self, name: &str) {
        if !self.pairs.is_empty() {
            self.pairs.push('&');
        }
        encode_into(&mut self.pairs, name);
        self.pairs.push('=');
    }

    /// One `name=value` pair.
    pub fn push(&mut self, name: &str, value: &str) -> &mut Self {
        self.start_pair(name);
        encode_into(&mut self.pairs, value);
        self
    }

    /// An array with `explode: true`: one `name=value` pair per item (`ids=a&ids=b`).
    pub fn push_all<I>(&mut self, name: &str, values: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        for value in values {
            self.push(name, value.as_ref());
        }
        self
    }

    /// An array with `explode: false`: one pair, the items separated by a literal comma
    /// (`ids=a,b`); a comma inside an item is encoded (`%2C`), so the items stay apart.
    pub fn push_csv<I>(&mut self, name: &str, values: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        let mut values = values.into_iter();
        if let Some(first) = values.next() {
            self.start_pair(name);
            encode_into(&mut self.pairs, first.as_ref());
            for value in values {
                self.pairs.push(',');
                encode_into(&mut self.pairs, value.as_ref());
            }
        }
        self
    }

    /// Whether no pair has been pushed.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// `""` when empty, else `?` and the pairs (`"?a=1&b=2"`), ready to follow a path.
    pub fn finish(&self) -> String {
        if self.pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", self.pairs)
        }
    }
}

/// One operation of an API, implemented by its parameters struct (generated from the spec):
/// which request it is and how its response is read.
///
/// The path and query are the implementor's, built with [`render_path`] (or
/// [`encode_path_segment`]) and [`Query`]; `path` cannot fail, so an implementation proves its
/// template's names at compile time ([`template_names_are`]) and holds path parameters that
/// cannot be empty, `.` or `..` (a [`uuid::Uuid`], or a string validated first).
///
/// ```
/// use m3ter_runtime::endpoint::{
///     Endpoint, Method, Query, StatusRange, render_path, select, template_names_are,
/// };
/// use m3ter_runtime::error::{ErrorKind, ValidationError, ValidationErrors};
/// use uuid::Uuid;
///
/// /// `GET /organizations/{orgId}/dataexports/destinations`
/// struct ListDestinations {
///     org_id: Uuid,
///     ids: Vec<String>,
///     page_size: Option<u32>,
/// }
///
/// #[derive(Debug, PartialEq)]
/// enum ListResponse {
///     Ok(serde_json::Value),
///     Error { status: u16, body: serde_json::Value },
/// }
///
/// const PATH: &str = "/organizations/{orgId}/dataexports/destinations";
/// const _: () = assert!(template_names_are(PATH, &["orgId"]));
///
/// fn json(bytes: &[u8]) -> Result<serde_json::Value, ValidationErrors> {
///     serde_json::from_slice(bytes).map_err(|e| {
///         let kind = ErrorKind::Syntax { message: e.to_string(), line: e.line(), column: e.column() };
///         ValidationErrors::from(ValidationError::new("", kind))
///     })
/// }
///
/// impl Endpoint for ListDestinations {
///     const OPERATION_ID: &'static str = "ListDataExportDestinations";
///     const METHOD: Method = Method::Get;
///     const PATH_TEMPLATE: &'static str = PATH;
///     type Body = ();
///     type Response = ListResponse;
///
///     fn path(&self) -> String {
///         let org_id = self.org_id.to_string();
///         // The names are proved above and a UUID is never empty, `.` or `..`.
///         render_path(Self::PATH_TEMPLATE, &[("orgId", &org_id)]).unwrap_or_default()
///     }
///
///     fn query(&self) -> String {
///         let mut query = Query::new();
///         query.push_all("ids", &self.ids);
///         if let Some(size) = self.page_size {
///             query.push("pageSize", &size.to_string());
///         }
///         query.finish()
///     }
///
///     fn parse_response(status: u16, bytes: &[u8]) -> Result<ListResponse, ValidationErrors> {
///         #[derive(Clone, Copy)]
///         enum Kind { Ok, Error }
///         const RESPONSES: &[(StatusRange, Kind)] =
///             &[(StatusRange::Code(200), Kind::Ok), (StatusRange::Default, Kind::Error)];
///         match select(RESPONSES, status) {
///             Some(Kind::Ok) => Ok(ListResponse::Ok(json(bytes)?)),
///             _ => Ok(ListResponse::Error { status, body: json(bytes)? }),
///         }
///     }
/// }
///
/// let list = ListDestinations {
///     org_id: Uuid::parse_str("67e55044-10b1-426f-9247-bb680e5fe0c8").unwrap(),
///     ids: vec!["a b".into(), "c".into()],
///     page_size: Some(10),
/// };
/// assert_eq!(
///     list.path_and_query(),
///     "/organizations/67e55044-10b1-426f-9247-bb680e5fe0c8/dataexports/destinations\
///      ?ids=a%20b&ids=c&pageSize=10",
/// );
/// assert_eq!(
///     ListDestinations::parse_response(404, br#"{"message":"no"}"#).unwrap(),
///     ListResponse::Error { status: 404, body: serde_json::json!({"message": "no"}) },
/// );
/// assert!(ListDestinations::parse_response(200, b"{").is_err());
/// ```
pub trait Endpoint {
    /// The operation's `operationId` in the spec.
    const OPERATION_ID: &'static str;
    /// The HTTP method.
    const METHOD: Method;
    /// The path template as the spec writes it (`/organizations/{orgId}/…`).
    const PATH_TEMPLATE: &'static str;
    /// The request body's type (`()` for none).
    type Body;
    /// What [`Endpoint::parse_response`] gives for a response.
    type Response;

    /// The path: [`Endpoint::PATH_TEMPLATE`] with this request's values, percent-encoded.
    fn path(&self) -> String;

    /// The query string: `""` when there is none, else `?` and the pairs ([`Query::finish`]).
    fn query(&self) -> String;

    /// The path followed by the query, the request target.
    fn path_and_query(&self) -> String {
        let mut target = self.path();
        target.push_str(&self.query());
        target
    }

    /// The response with HTTP status `status` and body `bytes`, parsed and validated; a body
    /// that does not fit the response the status selects ([`select`]) is an error.
    fn parse_response(status: u16, bytes: &[u8]) -> Result<Self::Response, ValidationErrors>;
}

/// The response for `status` among `responses`: the one keyed by the exact code, else by the
/// code's class (`4XX`), else `default`; `None` when none covers it. Among equal keys, the
/// first.
///
/// ```
/// use m3ter_runtime::endpoint::{StatusRange, select};
/// let responses = [
///     (StatusRange::Default, "default"),
///     (StatusRange::Class(4), "4XX"),
///     (StatusRange::Code(404), "404"),
/// ];
/// assert_eq!(select(&responses, 404), Some(&"404"));
/// assert_eq!(select(&responses, 400), Some(&"4XX"));
/// assert_eq!(select(&responses, 500), Some(&"default"));
/// assert_eq!(select(&responses[1..], 500), None);
/// ```
pub fn select<T>(responses: &[(StatusRange, T)], status: u16) -> Option<&T> {
    let mut best: Option<(u8, &T)> = None;
    for (key, value) in responses {
        if key.matches(status) && best.is_none_or(|(rank, _)| key.specificity() > rank) {
            best = Some((key.specificity(), value));
        }
    }
    best.map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "/organizations/{orgId}/dataexports/destinations/{id}";
    const ORG: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";

    #[test]
    fn methods() {
        let all = [
            (Method::Get, "GET"),
            (Method::Post, "POST"),
            (Method::Put, "PUT"),
            (Method::Delete, "DELETE"),
            (Method::Patch, "PATCH"),
        ];
        for (method, text) in all {
            assert_eq!(method.as_str(), text);
            assert_eq!(method.to_string(), text);
        }
    }

    #[test]
    fn every_ascii_byte_is_kept_only_when_unreserved() {
        const UNRESERVED: &str =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
        for b in 0u8..0x80 {
            let text = char::from(b).to_string();
            let expected = if UNRESERVED.as_bytes().contains(&b) {
                text.clone()
            } else {
                format!("%{b:02X}")
            };
            assert_eq!(encode_path_segment(&text), expected, "{b:#04x}");
            assert_eq!(encode_query_component(&text), expected, "{b:#04x}");
        }
    }

    #[test]
    fn path_segments() {
        assert_eq!(encode_path_segment(ORG), ORG);
        assert_eq!(encode_path_segment("a/b"), "a%2Fb");
        assert_eq!(encode_path_segment("a b"), "a%20b");
        assert_eq!(encode_path_segment("100%"), "100%25");
        assert_eq!(encode_path_segment("%2F"), "%252F");
        assert_eq!(encode_path_segment("é"), "%C3%A9");
        assert_eq!(encode_path_segment("日本"), "%E6%97%A5%E6%9C%AC");
        assert_eq!(encode_path_segment("😀"), "%F0%9F%98%80");
        assert_eq!(
            encode_path_segment("!$&'()*+,;="),
            "%21%24%26%27%28%29%2A%2B%2C%3B%3D"
        );
        assert_eq!(encode_path_segment(":/?#[]@"), "%3A%2F%3F%23%5B%5D%40");
        assert_eq!(encode_path_segment("a-b.c_d~e"), "a-b.c_d~e");
        assert_eq!(encode_path_segment(""), "");
    }

    #[test]
    fn query_components() {
        assert_eq!(encode_query_component("a b"), "a%20b");
        assert_eq!(encode_query_component("a+b"), "a%2Bb");
        assert_eq!(encode_query_component("a&b=c"), "a%26b%3Dc");
        assert_eq!(encode_query_component("é"), "%C3%A9");
    }

    #[test]
    fn paths() {
        let path = render_path(TEMPLATE, &[("orgId", ORG), ("id", "a/b c%é")]);
        assert_eq!(
            path.as_deref(),
            Ok(
                "/organizations/67e55044-10b1-426f-9247-bb680e5fe0c8/dataexports/destinations/a%2Fb%20c%25%C3%A9"
            )
        );
        // Values in any order; literal text kept; a name used twice.
        assert_eq!(
            render_path("/x/{a}/y-{b}.json?{a}", &[("b", "2"), ("a", "1")]).as_deref(),
            Ok("/x/1/y-2.json?1")
        );
        assert_eq!(render_path("/plain", &[]).as_deref(), Ok("/plain"));
        assert_eq!(render_path("", &[]).as_deref(), Ok(""));
    }

    #[test]
    fn path_errors() {
        let name = |n: &str| n.to_owned();
        assert_eq!(
            render_path(TEMPLATE, &[("orgId", ORG)]),
            Err(TemplateError::MissingValue { name: name("id") })
        );
        assert_eq!(
            render_path(TEMPLATE, &[("orgId", ORG), ("id", "1"), ("extra", "2")]),
            Err(TemplateError::UnusedValue {
                name: name("extra")
            })
        );
        assert_eq!(
            render_path(TEMPLATE, &[("orgId", ORG), ("id", "1"), ("id", "2")]),
            Err(TemplateError::DuplicateValue { name: name("id") })
        );
        assert_eq!(
            render_path(TEMPLATE, &[("orgId", ORG), ("id", "")]),
            Err(TemplateError::EmptyValue { name: name("id") })
        );
        for dots in [".", ".."] {
            assert_eq!(
                render_path(TEMPLATE, &[("orgId", ORG), ("id", dots)]),
                Err(TemplateError::DotSegment { name: name("id") })
            );
        }
        // Dots inside a longer value are ordinary characters.
        assert_eq!(
            render_path("/{id}", &[("id", "...")]).as_deref(),
            Ok("/...")
        );
        assert_eq!(
            render_path("/a/{id", &[("id", "1")]),
            Err(TemplateError::Syntax(TemplateSyntaxError::Unclosed {
                at: 3
            }))
        );
        assert_eq!(
            render_path("/a/{b{c}", &[("c", "1")]),
            Err(TemplateError::Syntax(TemplateSyntaxError::Unclosed {
                at: 3
            }))
        );
        assert_eq!(
            render_path("/a/b}", &[]),
            Err(TemplateError::Syntax(TemplateSyntaxError::Unopened {
                at: 4
            }))
        );
        assert_eq!(
            render_path("/a/{}", &[]),
            Err(TemplateError::Syntax(TemplateSyntaxError::EmptyName {
                at: 3
            }))
        );
        assert_eq!(
            TemplateError::MissingValue { name: name("id") }.to_string(),
            "the path template's `{id}` has no value"
        );
        assert_eq!(
            render_path("/a/{id", &[("id", "1")]).map_err(|error| error.to_string()),
            Err("the path template is malformed: the `{` at byte 3 is not closed".to_owned())
        );
    }

    #[test]
    fn template_names_at_compile_time() {
        const _: () = assert!(template_names_are(TEMPLATE, &["orgId", "id"]));
        const _: () = assert!(template_names_are(TEMPLATE, &["id", "orgId"]));
        const _: () = assert!(template_names_are("/plain", &[]));
        assert!(!template_names_are(TEMPLATE, &["orgId"]));
        assert!(!template_names_are(TEMPLATE, &["orgId", "id", "extra"]));
        assert!(!template_names_are(TEMPLATE, &["orgId", "id", "id"]));
        assert!(!template_names_are(TEMPLATE, &["orgid", "id"]));
        assert!(!template_names_are("/a/{id", &["id"]));
        assert!(!template_names_are("/a/id}", &["id"]));
        assert!(!template_names_are("/a/{}", &[]));
        assert!(!template_names_are("/a/{b{c}", &["c"]));
        assert!(template_names_are("/{a}/{a}", &["a"]));
    }

    #[test]
    fn queries() {
        assert_eq!(Query::new().finish(), "");
        assert!(Query::new().is_empty());
        assert_eq!(
            Query::new().push("a", "1").push("b", "2").finish(),
            "?a=1&b=2"
        );
        assert_eq!(
            Query::new().push("q", "a&b=c+d e").finish(),
            "?q=a%26b%3Dc%2Bd%20e"
        );
        assert_eq!(
            Query::new().push("name é", "é").finish(),
            "?name%20%C3%A9=%C3%A9"
        );
        assert_eq!(Query::new().push("a", "").finish(), "?a=");
        assert_eq!(
            Query::new().push_all("ids", ["a", "b"]).finish(),
            "?ids=a&ids=b"
        );
        assert_eq!(
            Query::new()
                .push_all("ids", vec![String::from("a,b"), String::from("c")])
                .finish(),
            "?ids=a%2Cb&ids=c"
        );
        assert_eq!(
            Query::new().push_csv("ids", ["a", "b"]).finish(),
            "?ids=a,b"
        );
        assert_eq!(
            Query::new().push_csv("ids", ["a,b", "c d"]).finish(),
            "?ids=a%2Cb,c%20d"
        );
        // Empty arrays are left out, in both styles.
        let none: [&str; 0] = [];
        assert_eq!(Query::new().push_all("ids", none).finish(), "");
        assert_eq!(Query::new().push_csv("ids", none).finish(), "");
        assert_eq!(
            Query::new()
                .push_csv("ids", none)
                .push("pageSize", "10")
                .finish(),
            "?pageSize=10"
        );
    }

    #[test]
    fn status_ranges() {
        assert_eq!("200".parse(), Ok(StatusRange::Code(200)));
        assert_eq!("599".parse(), Ok(StatusRange::Code(599)));
        assert_eq!("100".parse(), Ok(StatusRange::Code(100)));
        assert_eq!("1XX".parse(), Ok(StatusRange::Class(1)));
        assert_eq!("5XX".parse(), Ok(StatusRange::Class(5)));
        assert_eq!("default".parse(), Ok(StatusRange::Default));
        for bad in [
            "",
            "99",
            "099",
            "600",
            "2000",
            "4xx",
            "6XX",
            "0XX",
            "4X",
            "X00",
            "Default",
            " 200",
            "２００",
        ] {
            assert_eq!(
                StatusRange::parse(bad),
                Err(StatusRangeError { key: bad.into() }),
                "{bad:?}"
            );
        }
        for key in ["200", "4XX", "default"] {
            assert_eq!(
                StatusRange::parse(key).map(|r| r.to_string()).as_deref(),
                Ok(key)
            );
        }
        assert!(StatusRange::Class(4).matches(400));
        assert!(StatusRange::Class(4).matches(499));
        assert!(!StatusRange::Class(4).matches(500));
        assert!(!StatusRange::Class(4).matches(399));
        assert!(StatusRange::Default.matches(999));
    }

    #[test]
    fn selection() {
        let responses = [
            (StatusRange::Default, "default"),
            (StatusRange::Class(2), "2XX"),
            (StatusRange::Code(200), "200"),
            (StatusRange::Code(200), "200 again"),
            (StatusRange::Class(4), "4XX"),
            (StatusRange::Code(404), "404"),
        ];
        assert_eq!(select(&responses, 200), Some(&"200"));
        assert_eq!(select(&responses, 201), Some(&"2XX"));
        assert_eq!(select(&responses, 404), Some(&"404"));
        assert_eq!(select(&responses, 401), Some(&"4XX"));
        assert_eq!(select(&responses, 500), Some(&"default"));
        assert_eq!(select(&responses[1..], 500), None);
        let none: [(StatusRange, ()); 0] = [];
        assert_eq!(select(&none, 200), None);
    }

    /// `DELETE /organizations/{orgId}/dataexports/destinations/{id}`, as a generator would
    /// write it.
    struct DeleteDestination {
        org_id: String,
        id: String,
    }

    impl Endpoint for DeleteDestination {
        const OPERATION_ID: &'static str = "DeleteDataExportDestination";
        const METHOD: Method = Method::Delete;
        const PATH_TEMPLATE: &'static str = TEMPLATE;
        type Body = ();
        type Response = u16;

        fn path(&self) -> String {
            render_path(
                Self::PATH_TEMPLATE,
                &[("orgId", &self.org_id), ("id", &self.id)],
            )
            .unwrap_or_default()
        }

        fn query(&self) -> String {
            Query::new().finish()
        }

        fn parse_response(status: u16, _bytes: &[u8]) -> Result<u16, ValidationErrors> {
            Ok(status)
        }
    }

    #[test]
    fn an_endpoint() {
        let delete = DeleteDestination {
            org_id: ORG.into(),
            id: "x y/z".into(),
        };
        assert_eq!(DeleteDestination::METHOD.as_str(), "DELETE");
        assert_eq!(
            delete.path_and_query(),
            "/organizations/67e55044-10b1-426f-9247-bb680e5fe0c8/dataexports/destinations/x%20y%2Fz"
        );
        assert_eq!(DeleteDestination::parse_response(204, b""), Ok(204));
    }
}
