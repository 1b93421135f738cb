//! Where a JSON Pointer points in the source text: line, column and extent of the value, for
//! diagnostics. Used only to explain errors, so it re-reads the text rather than slowing parsing.
//! [`locate`] reads the text once per pointer; [`Location::all`] reads it once for any number of
//! pointers (a document with a million errors must not cost a million reads).

use std::collections::HashMap;

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
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
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
    /// The location of each of `pointers` in `text`, as [`locate`] gives it, in one read of the
    /// text: O(text + pointers · log pointers) in time whatever the number of pointers (array
    /// indices in canonical form, as RFC 6901 writes them).
    pub fn all(text: &[u8], pointers: &[&str]) -> Vec<Option<Location>> {
        let mut trie = Trie::default();
        let chains: Vec<Vec<usize>> = pointers.iter().map(|p| trie.insert(p)).collect();
        let mut scan = Scanner { text, pos: 0 };
        scan.find_all(&mut trie);
        // Each pointer's deepest part that exists: the value itself, or its nearest parent.
        let spans: Vec<Option<(usize, usize)>> = chains
            .iter()
            .map(|chain| chain.iter().rev().find_map(|&node| trie.nodes[node].span))
            .collect();
        locations(text, &spans)
    }
}

/// The pointers' segments as a tree, each node with the span of its value once found.
#[derive(Default)]
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Default)]
struct TrieNode {
    children: HashMap<String, usize>,
    span: Option<(usize, usize)>,
}

impl Trie {
    /// Adds `pointer`; the nodes from the root to it.
    fn insert(&mut self, pointer: &str) -> Vec<usize> {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut chain = vec![0];
        let mut node = 0;
        let segments = if pointer.is_empty() {
            None
        } else {
            Some(pointer.split('/').skip(1))
        };
        for segment in segments.into_iter().flatten() {
            let segment = segment.replace("~1", "/").replace("~0", "~");
            let next = self.nodes.len();
            node = *self.nodes[node].children.entry(segment).or_insert(next);
            if node == next {
                self.nodes.push(TrieNode::default());
            }
            chain.push(node);
        }
        chain
    }
}

/// One open container of the one-pass scan: its node, where it starts, what it is.
struct Open {
    node: usize,
    start: usize,
    object: bool,
    index: usize,
}

/// Line and column of each span, in one forward pass over the text.
fn locations(text: &[u8], spans: &[Option<(usize, usize)>]) -> Vec<Option<Location>> {
    let mut order: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].is_some()).collect();
    order.sort_by_key(|&i| spans[i].map(|(start, _)| start));
    let mut result = vec![None; spans.len()];
    // Where the pass is: its offset, line, and the characters from the line's start to it.
    let (mut at, mut line, mut column) = (0usize, 1usize, 1usize);
    for i in order {
        let Some((start, end)) = spans[i] else {
            continue;
        };
        let between = &text[at..start];
        match between.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                line += between.iter().filter(|&&b| b == b'\n').count();
                column = chars(&between[last + 1..]) + 1;
            }
            None => column += chars(between),
        }
        at = start;
        result[i] = Some(Location {
            line,
            column,
            offset: start,
            len: end - start,
        });
    }
    result
}

/// Characters in `bytes`, as a lossy UTF-8 reading counts them.
fn chars(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes).chars().count()
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
    /// Stops at the first thing that is not JSON; the spans found before it stay.
    fn find_all(&mut self, trie: &mut Trie) -> Option<()> {
        let mut open: Vec<Open> = Vec::new();
        self.enter(trie, 0, &mut open)?;
        while let Some(top) = open.last_mut() {
            self.skip_ws();
            let closing = if top.object { b'}' } else { b']' };
            if self.peek()? == closing {
                self.pos += 1;
                let (node, start) = (top.node, top.start);
                open.pop();
                trie.nodes[node].span.get_or_insert((start, self.pos));
                self.after_item();
                continue;
            }
            let before = self.pos;
            let child = if top.object {
                let key_start = self.pos;
                self.skip_string()?;
                let key: String = serde_json::from_slice(&self.text[key_start..self.pos]).ok()?;
                self.eat(b':')?;
                trie.nodes[top.node].children.get(&key).copied()
            } else {
                let index = top.index;
                top.index += 1;
                trie.nodes[top.node]
                    .children
                    .get(index.to_string().as_str())
                    .copied()
            };
            match child {
                // The first value of a key is the one (a parsed document has no duplicates).
                Some(child) if trie.nodes[child].span.is_none() => {
                    self.enter(trie, child, &mut open)?;
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
    /// and records its span.
    fn enter(&mut self, trie: &mut Trie, node: usize, open: &mut Vec<Open>) -> Option<()> {
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
        } else {
            self.skip_value()?;
            trie.nodes[node].span.get_or_insert((start, self.pos));
        }
        Some(())
    }

    /// Past the `,` after a member or an item, if there is one.
    fn after_item(&mut self) {
        self.skip_ws();
        if self.peek() == Some(b',') {
            self.pos += 1;
        }
    }

    fn skip_string(&mut self) -> Option<()> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some(());
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skips one value. Nesting is tracked with a counter, not recursion, so any depth is safe.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => self.skip_string()?,
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
    }
}
