//! Where a JSON Pointer points in the source text: line, column and extent of the value, for
//! diagnostics. Used only to explain errors, so it re-reads the text rather than slowing parsing.

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
}
