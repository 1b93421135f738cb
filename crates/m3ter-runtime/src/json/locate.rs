//! Where a JSON Pointer points in the source text: line, column and extent of the value, for
//! diagnostics. Used only to explain errors, so it re-reads the text rather than slowing parsing.
//! [`locate`] reads the text once per pointer; [`Location::all`] reads it once for any number of
//! pointers (a document with a million errors must not cost a million reads).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::ControlFlow;

use m3ter_vocab::pointer::unescape;

use super::flat;

/// A place in the source text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset of the start.
    pub offset: usize,
    /// Length in bytes of the value (the whole value, possibly over several lines).
    pub len: usize,
}

/// The location of the value at `pointer` in `text`; for a pointer to a member that does not
/// exist (a missing required member), the nearest enclosing value that does. `None` only when
/// the text is not a JSON document.
pub fn locate(text: &[u8], pointer: &str) -> Option<Location> {
    let mut segments: Vec<String> = if pointer.is_empty() {
        Vec::new()
    } else {
        pointer
            .split('/')
            .skip(1)
            .map(|s| unescape(s).map_or_else(|| s.to_owned(), Cow::into_owned))
            .collect()
    };
    loop {
        let mut scanner = Scanner { text, pos: 0 };
        if let Some((start, end)) = scanner.find(&segments) {
            return Some(location(text, start, end));
        }
        segments.pop()?;
    }
}

impl Location {
    /// The location of each of `pointers` in `text`, in one read of the text: O(text + pointers ·
    /// depth) in time whatever the number of pointers (array indices in canonical form, as
    /// RFC 6901 writes them). The read stops as soon as every pointer's value is found, and
    /// compares keys without decoding them unless they hold an escape.
    ///
    /// For a well-formed JSON document (any document validation reports errors on, other than
    /// `syntax` errors) this is what [`locate`] gives for each pointer. Text that is not JSON is
    /// read only up to its first fault: what was found before it stays, a pointer whose answer
    /// lies past it is `None` (where `locate`, reading the text again for each pointer, may get
    /// further).
    pub fn all(text: &[u8], pointers: &[&str]) -> Vec<Option<Location>> {
        if pointers.is_empty() {
            return Vec::new();
        }
        if let Some(result) = all_by_quotes(text, pointers) {
            return result;
        }
        if let Some(result) = all_flat(text, pointers) {
            return result;
        }
        let mut trie = Trie::with_capacity(pointers.len() + 1);
        let targets: Vec<usize> = pointers.iter().map(|p| trie.insert(p)).collect();
        let mut scan = Scanner { text, pos: 0 };
        scan.find_all(&mut trie);
        // Each pointer's deepest part that exists: the value itself, or its nearest parent.
        let mut result: Vec<Option<Location>> = targets
            .iter()
            .map(|&target| {
                let mut node = Some(target);
                while let Some(n) = node {
                    if let Some((start, end)) = trie.nodes[n].span {
                        return Some(Location {
                            line: 0,
                            column: 0,
                            offset: start,
                            len: end - start,
                        });
                    }
                    node = trie.nodes[n].parent;
                }
                None
            })
            .collect();
        set_lines_and_columns(text, &mut result);
        result
    }
}

/// The most pointers [`all_flat`] takes: it compares each member name with each pointer.
const FLAT_MAX_POINTERS: usize = 16;

/// Whether each pointer is the whole document or one member of it (no escapes), and there are
/// at most [`FLAT_MAX_POINTERS`]: what [`all_by_quotes`] and [`all_flat`] take.
fn flat_pointers(pointers: &[&str]) -> bool {
    pointers.len() <= FLAT_MAX_POINTERS
        && pointers.iter().all(|p| {
            p.is_empty() || (p.starts_with('/') && !p[1..].bytes().any(|b| b == b'/' || b == b'~'))
        })
}

/// [`all_flat`] for a flat object of scalars without backslashes, read by its quotes
/// ([`flat::members`]): what `all_flat` gives wherever this gives anything, for
/// `flat::members` reads a member as `all_flat`'s scanner does and gives up (`None`) at
/// anything the scanner might read otherwise (a property test holds the two to [`locate`]).
fn all_by_quotes(text: &[u8], pointers: &[&str]) -> Option<Vec<Option<Location>>> {
    if !flat_pointers(pointers) {
        return None;
    }
    let mut result: Vec<Option<Location>> = vec![None; pointers.len()];
    let mut missing = pointers.iter().filter(|p| !p.is_empty()).count();
    let whole = missing < pointers.len();
    let mut stopped = false;
    flat::members(text, |raw| {
        for (location, pointer) in result.iter_mut().zip(pointers) {
            // The name after the `/`, its length compared first.
            let pointer = pointer.as_bytes();
            if pointer.len() == raw.key.len() + 1 && location.is_none() && &pointer[1..] == raw.key
            {
                *location = Some(span(raw.start, raw.end));
                missing -= 1;
            }
        }
        // Every value found (and the whole document not asked for): the rest is not read.
        stopped = missing == 0 && !whole;
        if stopped {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })?;
    if !stopped {
        // Read to the closing brace, with nothing but whitespace after it: the whole document,
        // for itself and for every member it does not have.
        let blank = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        let start = text.iter().position(|b| !blank(b))?;
        let end = text.iter().rposition(|b| !blank(b))? + 1;
        for location in &mut result {
            location.get_or_insert(span(start, end));
        }
    }
    set_lines_and_columns(text, &mut result);
    Some(result)
}

/// The location of the bytes `start..end`, its line and column not set yet.
fn span(start: usize, end: usize) -> Location {
    Location {
        line: 0,
        column: 0,
        offset: start,
        len: end - start,
    }
}

/// [`Location::all`] for the usual case, without building a trie: a few pointers, each to the
/// whole document or to one member of it (no escapes), in a text that is one object whose
/// member names have no escapes. `None` when the case does not apply or the text is not such an
/// object; the general read then decides.
fn all_flat(text: &[u8], pointers: &[&str]) -> Option<Vec<Option<Location>>> {
    if !flat_pointers(pointers) {
        return None;
    }
    let mut result: Vec<Option<Location>> = vec![None; pointers.len()];
    let mut missing = pointers.iter().filter(|p| !p.is_empty()).count();
    let mut scan = Scanner { text, pos: 0 };
    scan.skip_ws();
    let root = scan.pos;
    scan.eat(b'{')?;
    loop {
        scan.skip_ws();
        if scan.peek()? == b'}' {
            scan.pos += 1;
            // The whole document, for itself and for every member it does not have.
            for (i, pointer) in pointers.iter().enumerate() {
                if pointer.is_empty() || result[i].is_none() {
                    result[i] = Some(span(root, scan.pos));
                }
            }
            break;
        }
        let key_start = scan.pos;
        if scan.skip_string()? {
            return None;
        }
        let key = &text[key_start + 1..scan.pos - 1];
        scan.eat(b':')?;
        scan.skip_ws();
        let start = scan.pos;
        scan.skip_value()?;
        for (i, pointer) in pointers.iter().enumerate() {
            if result[i].is_none()
                && !pointer.is_empty()
                && pointer.as_bytes().get(1..) == Some(key)
            {
                result[i] = Some(span(start, scan.pos));
                missing -= 1;
            }
        }
        if missing == 0 && pointers.iter().all(|p| !p.is_empty()) {
            break;
        }
        scan.skip_ws();
        match scan.peek()? {
            b',' => scan.pos += 1,
            b'}' => {}
            _ => return None,
        }
    }
    set_lines_and_columns(text, &mut result);
    Some(result)
}

/// The pointers' segments as a tree, each node with the span of its value once found.
struct Trie<'p> {
    nodes: Vec<TrieNode<'p>>,
    /// Nodes some pointer ends at whose value is not found yet: the read stops at zero.
    missing: usize,
}

#[derive(Default)]
struct TrieNode<'p> {
    parent: Option<usize>,
    /// The member names or indices below this node, each with its node, borrowed from the
    /// pointers unless escaped. (A map: a document may have 100,000 errors in one object.)
    children: HashMap<Cow<'p, str>, usize>,
    span: Option<(usize, usize)>,
    /// Whether some pointer ends here.
    target: bool,
}

impl<'p> Trie<'p> {
    /// A trie of the root alone, with room for `nodes`.
    fn with_capacity(nodes: usize) -> Self {
        let mut all = Vec::with_capacity(nodes);
        all.push(TrieNode::default());
        Trie {
            nodes: all,
            missing: 0,
        }
    }

    /// Adds `pointer`; the node it ends at.
    fn insert(&mut self, pointer: &'p str) -> usize {
        let mut node = 0;
        // `/a/b` is the segments `a` and `b`; `` is none; as in `locate`, anything before the
        // first `/` is ignored. (By hand: `str::split`'s searcher costs more to set up than these
        // short pointers take to scan.)
        let mut rest = pointer.find('/').map(|slash| &pointer[slash + 1..]);
        while let Some(tail) = rest {
            let (segment, next) = match tail.bytes().position(|b| b == b'/') {
                Some(slash) => (&tail[..slash], Some(&tail[slash + 1..])),
                None => (tail, None),
            };
            rest = next;
            // A bad escape (`~2`) is read as written, as `locate` reads it.
            let segment = unescape(segment).unwrap_or(Cow::Borrowed(segment));
            node = match self.child(node, segment.as_bytes()) {
                Some(child) => child,
                None => {
                    let child = self.nodes.len();
                    self.nodes.push(TrieNode {
                        parent: Some(node),
                        ..TrieNode::default()
                    });
                    self.nodes[node].children.insert(segment, child);
                    child
                }
            };
        }
        if !self.nodes[node].target {
            self.nodes[node].target = true;
            self.missing += 1;
        }
        node
    }

    /// The child of `node` named `name` (a member name, or an index in decimal). A name that
    /// is not UTF-8 is no pointer's segment.
    fn child(&self, node: usize, name: &[u8]) -> Option<usize> {
        let children = &self.nodes[node].children;
        if children.is_empty() {
            return None;
        }
        let name = std::str::from_utf8(name).ok()?;
        children.get(name).copied()
    }

    /// Records the span of `node`'s value (the first one: a parsed document has no duplicate
    /// keys); whether every pointer's value is now found.
    fn found(&mut self, node: usize, span: (usize, usize)) -> bool {
        let node = &mut self.nodes[node];
        if node.span.is_none() {
            node.span = Some(span);
            if node.target {
                self.missing -= 1;
            }
        }
        self.missing == 0
    }
}

/// One open container of the one-pass scan: its node, where it starts, what it is.
struct Open {
    node: usize,
    start: usize,
    object: bool,
    index: usize,
}

/// Sets the line and column of each location from its offset, in one forward pass over the
/// text (the locations in document order, as errors usually come, need no sorting).
fn set_lines_and_columns(text: &[u8], locations: &mut [Option<Location>]) {
    let offset = |l: &Option<Location>| l.map_or(0, |l| l.offset);
    let mut cursor = Cursor {
        at: 0,
        line: 1,
        column: 1,
        one_line: false,
    };
    // Most documents to explain are one line (NDJSON, minified): one search says so, and then
    // no location needs to look for line breaks; in ASCII, a column is then the offset.
    let last = locations.iter().map(offset).max().unwrap_or(0);
    let before_last = &text[..last.min(text.len())];
    cursor.one_line = memchr::memchr(b'\n', before_last).is_none();
    if cursor.one_line && before_last.is_ascii() {
        for location in locations.iter_mut().flatten() {
            location.line = 1;
            location.column = location.offset + 1;
        }
        return;
    }
    if locations.is_sorted_by_key(offset) {
        for location in locations.iter_mut().flatten() {
            cursor.place(text, location);
        }
    } else {
        let mut order: Vec<usize> = (0..locations.len()).collect();
        order.sort_by_key(|&i| offset(&locations[i]));
        for i in order {
            if let Some(location) = &mut locations[i] {
                cursor.place(text, location);
            }
        }
    }
}

/// Where the forward pass is: its offset, and the line and column there.
struct Cursor {
    at: usize,
    line: usize,
    column: usize,
    /// No line break before the last location.
    one_line: bool,
}

impl Cursor {
    /// Moves forward to `location.offset` (not behind the cursor) and sets its line and column.
    fn place(&mut self, text: &[u8], location: &mut Location) {
        let between = &text[self.at..location.offset];
        let last_break = if self.one_line {
            None
        } else {
            memchr::memrchr(b'\n', between)
        };
        match last_break {
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', between).count();
                self.column = chars(&between[last + 1..]) + 1;
            }
            None => self.column += chars(between),
        }
        self.at = location.offset;
        location.line = self.line;
        location.column = self.column;
    }
}

/// Characters in `bytes`, as a lossy UTF-8 reading counts them.
fn chars(bytes: &[u8]) -> usize {
    if bytes.is_ascii() {
        return bytes.len();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.chars().count(),
        Err(_) => String::from_utf8_lossy(bytes).chars().count(),
    }
}

/// `index` in decimal, written into `buf`, without allocating.
fn decimal(mut index: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (index % 10) as u8;
        index /= 10;
        if index == 0 {
            return &buf[at..];
        }
    }
}

fn location(text: &[u8], start: usize, end: usize) -> Location {
    let before = &text[..start];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&text[line_start..start])
        .chars()
        .count()
        + 1;
    Location {
        line,
        column,
        offset: start,
        len: end - start,
    }
}

struct Scanner<'a> {
    text: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// The span of the value at `segments` below the value starting here.
    fn find(&mut self, segments: &[String]) -> Option<(usize, usize)> {
        self.skip_ws();
        let Some((segment, rest)) = segments.split_first() else {
            let start = self.pos;
            self.skip_value()?;
            return Some((start, self.pos));
        };
        match self.peek()? {
            b'{' => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return None;
                    }
                    let key_start = self.pos;
                    self.skip_string()?;
                    let key: String =
                        serde_json::from_slice(&self.text[key_start..self.pos]).ok()?;
                    self.eat(b':')?;
                    if key == *segment {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                }
            }
            b'[' => {
                let wanted: usize = segment.parse().ok()?;
                self.pos += 1;
                let mut index = 0;
                loop {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return None;
                    }
                    if index == wanted {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    if self.peek()? == b',' {
                        self.pos += 1;
                    }
                    index += 1;
                }
            }
            _ => None,
        }
    }

    /// Records in `trie` the span of every node's value, in one pass over the text (a node's
    /// value is entered only when it has children to find in it; any other value is skipped).
    /// Stops when every pointer's value is found, or at the first thing that is not JSON; the
    /// spans found before it stay.
    fn find_all(&mut self, trie: &mut Trie) -> Option<()> {
        let mut open: Vec<Open> = Vec::new();
        if self.enter(trie, 0, &mut open)? {
            return Some(());
        }
        while let Some(top) = open.last_mut() {
            self.skip_ws();
            let closing = if top.object { b'}' } else { b']' };
            if self.peek()? == closing {
                self.pos += 1;
                let (node, start) = (top.node, top.start);
                open.pop();
                if trie.found(node, (start, self.pos)) {
                    return Some(());
                }
                self.after_item();
                continue;
            }
            let before = self.pos;
            let child = if top.object {
                let key_start = self.pos;
                let escaped = self.skip_string()?;
                let raw = &self.text[key_start + 1..self.pos - 1];
                let child = if escaped {
                    let key: String =
                        serde_json::from_slice(&self.text[key_start..self.pos]).ok()?;
                    trie.child(top.node, key.as_bytes())
                } else {
                    trie.child(top.node, raw)
                };
                self.eat(b':')?;
                child
            } else {
                let index = top.index;
                top.index += 1;
                let mut digits = [0u8; 20];
                trie.child(top.node, decimal(index, &mut digits))
            };
            match child {
                // The first value of a key is the one (a parsed document has no duplicates).
                Some(child) if trie.nodes[child].span.is_none() => {
                    if self.enter(trie, child, &mut open)? {
                        return Some(());
                    }
                    if open.last().is_some_and(|o| o.node == child) {
                        continue;
                    }
                }
                _ => self.skip_value()?,
            }
            self.after_item();
            if self.pos == before {
                return None;
            }
        }
        Some(())
    }

    /// Starts the value of `node` here: opens it if it has children to find, else skips it
    /// and records its span. Whether every pointer's value is now found.
    fn enter(&mut self, trie: &mut Trie, node: usize, open: &mut Vec<Open>) -> Option<bool> {
        self.skip_ws();
        let start = self.pos;
        let opening = self.peek()?;
        if !trie.nodes[node].children.is_empty() && matches!(opening, b'{' | b'[') {
            self.pos += 1;
            open.push(Open {
                node,
                start,
                object: opening == b'{',
                index: 0,
            });
            Some(false)
        } else {
            self.skip_value()?;
            Some(trie.found(node, (start, self.pos)))
        }
    }

    /// Past the `,` after a member or an item, if there is one.
    fn after_item(&mut self) {
        self.skip_ws();
        if self.peek() == Some(b',') {
            self.pos += 1;
        }
    }

    /// Past the string that starts here; whether it holds an escape.
    fn skip_string(&mut self) -> Option<bool> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let mut escaped = false;
        loop {
            let at = self.pos + memchr::memchr2(b'"', b'\\', self.text.get(self.pos..)?)?;
            if self.text[at] == b'"' {
                self.pos = at + 1;
                return Some(escaped);
            }
            escaped = true;
            self.pos = at + 2;
        }
    }

    /// Skips one value. Nesting is tracked with a counter, not recursion, so any depth is safe.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.skip_string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b',' | b':' if depth > 0 => self.pos += 1,
                b' ' | b'\t' | b'\n' | b'\r' if depth > 0 => self.pos += 1,
                _ => {
                    // A number or a literal.
                    while self.peek().is_some_and(|b| {
                        !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r' | b':')
                    }) {
                        self.pos += 1;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_and_nearest_parents() {
        let text = b"{\n  \"a\": {\"b/c\": [1, \"x\"]},\n  \"\xc3\xa9\": 2\n}";
        let at = |p| locate(text, p).map(|l| (l.line, l.column, l.len));
        assert_eq!(at(""), Some((1, 1, text.len())));
        assert_eq!(at("/a"), Some((2, 8, 17)));
        assert_eq!(at("/a/b~1c/1"), Some((2, 20, 3)));
        assert_eq!(at("/\u{e9}"), Some((3, 8, 1)));
        assert_eq!(at("/missing"), Some((1, 1, text.len())));
        assert_eq!(at("/a/nope"), Some((2, 8, 17)));
        assert_eq!(locate(b"[", ""), None);
    }

    #[test]
    fn all_at_once_is_one_at_a_time() {
        let text =
            b"{\n  \"a\": {\"b/c\": [1, \"x\", {\"d\": [[]]}]},\n  \"\xc3\xa9\": 2, \"e\": 3\n}";
        let pointers = [
            "/e",
            "",
            "/a/b~1c/2/d/0",
            "/a",
            "/a/b~1c/1",
            "/\u{e9}",
            "/missing",
            "/a/nope",
            "/a/b~1c/7",
            "/e/deeper",
            "/a/b~1c/1",
        ];
        let one_by_one: Vec<_> = pointers.iter().map(|p| locate(text, p)).collect();
        assert_eq!(Location::all(text, &pointers), one_by_one);
        assert_eq!(Location::all(b"[", &["", "/0"]), [None, None]);
        assert_eq!(
            Location::all(b"[1, 2", &["/0"])[0].map(|l| l.offset),
            Some(1)
        );
        assert_eq!(Location::all(b"[: :]", &["/5"]), [None]);
        assert_eq!(Location::all(b"{}", &[]), []);
    }

    #[test]
    fn escaped_keys_are_decoded_and_plain_ones_compared_raw() {
        let text = br#"{"a\u0062": 1, "a~b": 2, "x\"y": 3, "ab": 4}"#;
        let pointers = ["/ab", "/a~0b", "/x\"y"];
        let one_by_one: Vec<_> = pointers.iter().map(|p| locate(text, p)).collect();
        let all = Location::all(text, &pointers);
        assert_eq!(all, one_by_one);
        // The first `ab` (written with an escape) is the one.
        assert_eq!(all[0].map(|l| l.offset), Some(12));
    }

    #[test]
    fn flat_documents_give_what_the_general_read_gives() {
        let texts: [&[u8]; 7] = [
            b"{\"a\": 1, \"b\": \"x\\\"}\", \"c\": [1, {\"d\": 2}], \"a\": 9}",
            b" {\n \"\xc3\xa9\": {},\n\t\"b\" : null }\n",
            b"{}",
            b"{\"a\": 1, \"b\"",
            b"{\"a\\u0062\": 1, \"ab\": 2}",
            b"[1, 2]",
            b"{\"a\": 1 \"b\": 2}",
        ];
        let pointer_sets: [&[&str]; 6] = [
            &["/a"],
            &["/b", "/a", "/c"],
            &["", "/a"],
            &["/missing", "/b"],
            &["/\u{e9}", "/b", "/\u{e9}"],
            &["/ab", "/c/1/d"],
        ];
        for text in texts {
            for pointers in pointer_sets {
                let one_by_one: Vec<_> = pointers.iter().map(|p| locate(text, p)).collect();
                assert_eq!(
                    Location::all(text, pointers),
                    one_by_one,
                    "{pointers:?} in {}",
                    String::from_utf8_lossy(text)
                );
            }
        }
    }

    #[test]
    fn the_read_stops_once_every_value_is_found() {
        // Everything after `/a`'s value is not JSON, yet `/a` and `/b/0` are found.
        let text = br#"{"b": [7], "a": {"c": 1}, "d": ]]] not json"#;
        let all = Location::all(text, &["/a", "/b/0"]);
        assert_eq!(
            all.iter().map(|l| l.map(|l| l.len)).collect::<Vec<_>>(),
            [Some(8), Some(1)]
        );
        // A pointer to a missing member needs the whole parent, so that read goes on and fails
        // at the fault (reading for `/nope` alone, `locate` gets further: see `Location::all`).
        assert_eq!(Location::all(text, &["/a", "/nope"])[1], None);
    }

    #[test]
    fn a_pointer_without_a_leading_slash_reads_as_locate_reads_it() {
        let text = br#"{"def": 1, "x": {"def": 2}}"#;
        for pointer in ["x/def", "def", "x/", ""] {
            assert_eq!(
                Location::all(text, &[pointer]),
                [locate(text, pointer)],
                "{pointer:?}"
            );
        }
    }
}

/// [`Location::all`] held to [`locate`] on generated flat documents: short and long strings
/// (several words long), escapes, non-ASCII text, line breaks, and
/// pointers to members that are there, twice, or not.
#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::{Location, locate};

    fn value() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z]{0,40}".prop_map(|s| format!("\"{s}\"")),
            "[a-zé\\\\\"]{0,30}".prop_map(|s| serde_json::to_string(&s).unwrap_or_default()),
            (-100i64..100).prop_map(|n| n.to_string()),
            Just("null".to_owned()),
        ]
    }

    proptest! {
        #[test]
        fn all_at_once_is_one_at_a_time_on_flat_documents(
            members in proptest::collection::vec(
                (prop_oneof![Just("a"), Just("bb"), Just("é"), Just("a\\u0062")], value(),
                 prop_oneof![Just(""), Just(" "), Just("\n  ")]),
                0..6,
            ),
            pointers in proptest::collection::vec(
                prop_oneof![Just(""), Just("/a"), Just("/bb"), Just("/é"), Just("/ab"), Just("/zz")],
                1..5,
            ),
        ) {
            let body: Vec<String> = members
                .iter()
                .map(|(key, value, ws)| format!("{ws}\"{key}\":{ws}{value}"))
                .collect();
            let text = format!("{{{}}}", body.join(","));
            let one_by_one: Vec<_> = pointers.iter().map(|p| locate(text.as_bytes(), p)).collect();
            prop_assert_eq!(Location::all(text.as_bytes(), &pointers), one_by_one, "{}", text);
        }
    }
}
