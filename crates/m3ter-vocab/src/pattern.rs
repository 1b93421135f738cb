//! `pattern`: JSON Schema patterns are ECMA-262 regular expressions (2020-12: with Unicode, the
//! `u` flag), and the checks run them with Rust's `regex` crate, whose syntax looks alike and
//! means something else in places (`.`, `\d`, `\w`, `\s`, `\b` are Unicode-aware there, `[`
//! nests and `&&` intersects inside a class, `(?i)` is a flag). [`translate`] parses a pattern
//! as ECMA-262 and writes a `regex` pattern with exactly the same matches, so that a pattern
//! never means one thing in the spec and another in the checks, and matching stays linear in
//! time. A construct without a linear-time equivalent (backreferences, lookaround) is an error
//! that says so, at its character, with what to write instead.
//!
//! The generator and the derive call [`translate`] on every pattern they read and compile the
//! result; the runtime matches with the translation and reports the pattern as written.
//!
//! ```
//! use m3ter_vocab::pattern::translate;
//!
//! // ECMA-262's `.` matches neither `\r` nor U+2028/U+2029; its `\d` is ASCII only.
//! let translated = translate(r"^\d.$").unwrap();
//! assert_eq!(translated.as_str(), r"\A[0-9][^\n\r\u{2028}\u{2029}]\z");
//!
//! let error = translate(r"(a)\1").unwrap_err();
//! assert_eq!(error.offset(), 3);
//! ```
//!
//! What is translated: literals (any code point; those special in `regex` escaped), `.`,
//! `\d \w \s \D \W \S` (in and out of classes), `\b \B` (ASCII word boundaries, as ECMA-262
//! has them), `^ $` (start and end of the input: ECMA-262 without the `m` flag), classes with
//! ranges, negation and escapes, `\t \n \v \f \r \0 \cX \xHH \uXXXX \u{…}`, surrogate pairs
//! written as two `\uXXXX`, identity escapes of the syntax characters and `/`, `\p{…}` and
//! `\P{…}` with the names of [`unicode`], greedy and lazy quantifiers, groups, non-capturing
//! groups, named groups (ASCII names), alternation. A lone surrogate matches no Rust text, so
//! it translates to a class that matches nothing.
//!
//! What is refused: backreferences (`\1`, `\k<name>`), lookahead and lookbehind, inline flags
//! and modifier groups (`(?i)`, `(?i:…)`), group names that are not ASCII identifiers or are
//! used twice, and everything that is a syntax error in ECMA-262's unicode mode (`\A`, `\z`, a
//! lone `{`, `}` or `]`, `\-` outside a class, octal escapes, quantified assertions, …).

pub mod unicode;

use std::fmt;

/// A pattern written in the `regex` crate's syntax, with the matches of the ECMA-262 pattern it
/// was translated from ([`translate`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    regex: String,
}

impl Translated {
    /// The `regex` pattern.
    pub fn as_str(&self) -> &str {
        &self.regex
    }

    /// The `regex` pattern, owned.
    pub fn into_string(self) -> String {
        self.regex
    }
}

impl fmt::Display for Translated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.regex)
    }
}

/// Why a pattern cannot be translated: what is wrong, at which character (counted in code
/// points from 0), and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    offset: usize,
    message: String,
}

impl PatternError {
    /// The offset of the offending character, in code points from the start of the pattern.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// What is wrong and what to write instead, without the offset.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at character {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for PatternError {}

/// Translates an ECMA-262 pattern (unicode mode, no flags: JSON Schema's dialect) into the
/// `regex` crate's syntax with the same matches. JSON Schema patterns are not anchored, and
/// neither is the translation: `regex`'s `is_match` searches, as ECMA-262's `test` does.
///
/// The translation may still be refused by `regex` itself (a size limit, a repetition count
/// too large): the caller compiles it.
pub fn translate(ecma: &str) -> Result<Translated, PatternError> {
    let mut parser = Parser::new(ecma, false);
    parser.pattern()?;
    Ok(Translated { regex: parser.out })
}

/// Whether `ecma` is a valid ECMA-262 regular expression (unicode mode, no flags), as the
/// `format: "regex"` check asks: `Ok` when it is, with the first construct [`translate`]
/// refuses only because it has no linear-time equivalent (a backreference, a lookaround) when
/// it has one; `Err` with the syntax error when it is not one. A backreference must name a
/// group of the pattern (`\2` with two groups, `\k<name>` with a group `name`), and a
/// lookaround may not be repeated, as unicode mode says.
///
/// Stricter than ECMA-262 where [`translate`] is, so a pattern it calls invalid may be valid
/// there: modifier groups (`(?i:…)`, ECMAScript 2025) and group names outside ASCII
/// identifiers are refused as errors.
pub fn validate(ecma: &str) -> Result<Option<PatternError>, PatternError> {
    let mut parser = Parser::new(ecma, true);
    parser.pattern()?;
    let groups = parser.groups;
    let names = std::mem::take(&mut parser.names);
    for (at, reference) in std::mem::take(&mut parser.backreferences) {
        match reference {
            Backreference::Number(n) if n > groups => {
                return Err(parser.error(
                    at,
                    format!("`\\{n}` names group {n}, but the pattern has {groups}: in unicode mode that is an error"),
                ));
            }
            Backreference::Name(name) if !names.contains(&name) => {
                return Err(
                    parser.error(at, format!("`\\k<{name}>` names no group of the pattern"))
                );
            }
            _ => {}
        }
    }
    Ok(parser.unsupported)
}

/// A backreference seen by [`validate`], checked once every group is known.
#[derive(Debug)]
enum Backreference {
    Number(u32),
    Name(String),
}

/// `.` without the `s` flag: anything but a line terminator.
const DOT: &str = r"[^\n\r\u{2028}\u{2029}]";
/// A class that matches nothing (`[]`, a lone surrogate).
const NEVER: &str = r"[^\u{0}-\u{10ffff}]";
/// A class that matches any code point (`[^]`).
const ANY: &str = r"[\u{0}-\u{10ffff}]";
/// `\d`'s members, as class items.
const DIGIT: &str = "0-9";
/// `\w`'s members (without the `i` flag), as class items.
const WORD: &str = "0-9A-Za-z_";
/// `\s`'s members: ECMA-262's WhiteSpace and LineTerminator, as class items.
const SPACE: &str =
    r"\t\n\v\f\r \u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}";
/// ECMA-262's syntax characters, the ones an identity escape may name (with `/`).
const SYNTAX: &str = "^$\\.*+?()[]{}|";
/// Characters `regex` reads as syntax somewhere (in or out of a class): escaped in the output.
const REGEX_META: &str = "\\.+*?()|[]{}^$#&-~";
/// How deep groups may nest (as deep as `regex`'s own parser allows).
const MAX_DEPTH: usize = 250;

/// A set of characters that an escape names (`\d`, `\p{L}`, …), possibly negated.
#[derive(Debug, Clone)]
struct Set {
    kind: SetKind,
    negated: bool,
}

#[derive(Debug, Clone)]
enum SetKind {
    /// Class items, written as `regex` reads them inside `[…]`.
    Items(&'static str),
    /// A `regex` Unicode property (`gc=Letter`, `sc=Greek`, `Alphabetic`).
    Property(String),
    /// No character Rust text can hold (General_Category Surrogate).
    Empty,
}

impl Set {
    /// The set as a whole atom, outside a class.
    fn atom(&self) -> String {
        match (&self.kind, self.negated) {
            (SetKind::Items(items), false) => format!("[{items}]"),
            (SetKind::Items(items), true) => format!("[^{items}]"),
            (SetKind::Property(name), false) => format!("\\p{{{name}}}"),
            (SetKind::Property(name), true) => format!("\\P{{{name}}}"),
            (SetKind::Empty, false) => NEVER.to_owned(),
            (SetKind::Empty, true) => ANY.to_owned(),
        }
    }

    /// The set as an item of a class (a union member).
    fn item(&self) -> String {
        match (&self.kind, self.negated) {
            (SetKind::Items(items), false) => (*items).to_owned(),
            _ => self.atom(),
        }
    }
}

/// What one class atom names: a code point (perhaps a surrogate) or a set.
enum ClassAtom {
    Char(u32),
    Set(Set),
}

/// A recursive-descent parser over the pattern's code points, writing the translation as it
/// goes.
struct Parser {
    chars: Vec<char>,
    pos: usize,
    out: String,
    names: Vec<String>,
    depth: usize,
    /// [`validate`]: a construct without a linear-time equivalent is noted and read on.
    validating: bool,
    /// The first such construct, as [`translate`] reports it.
    unsupported: Option<PatternError>,
    /// The backreferences seen, for [`validate`].
    backreferences: Vec<(usize, Backreference)>,
    /// The capturing groups seen.
    groups: u32,
}

impl Parser {
    fn new(ecma: &str, validating: bool) -> Parser {
        Parser {
            chars: ecma.chars().collect(),
            pos: 0,
            out: String::with_capacity(ecma.len() + 16),
            names: Vec::new(),
            depth: 0,
            validating,
            unsupported: None,
            backreferences: Vec::new(),
            groups: 0,
        }
    }

    /// The whole pattern.
    fn pattern(&mut self) -> Result<(), PatternError> {
        self.disjunction()?;
        if self.pos < self.chars.len() {
            return Err(self.error(
                self.pos,
                "this `)` closes no group: write `\\)` for the character",
            ));
        }
        Ok(())
    }

    /// A construct without a linear-time equivalent: an error for [`translate`]; for
    /// [`validate`], noted (the first) and `Ok`, so the rest is read.
    fn unsupported(&mut self, error: PatternError) -> Result<(), PatternError> {
        if !self.validating {
            return Err(error);
        }
        self.unsupported.get_or_insert(error);
        Ok(())
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn error(&self, offset: usize, message: impl Into<String>) -> PatternError {
        PatternError {
            offset,
            message: message.into(),
        }
    }

    /// Alternatives separated by `|`, up to a `)` or the end.
    fn disjunction(&mut self) -> Result<(), PatternError> {
        loop {
            while let Some(c) = self.peek() {
                if c == '|' || c == ')' {
                    break;
                }
                self.term()?;
            }
            if self.peek() == Some('|') {
                self.pos += 1;
                self.out.push('|');
            } else {
                return Ok(());
            }
        }
    }

    /// An assertion, or an atom with its quantifier.
    fn term(&mut self) -> Result<(), PatternError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(());
        };
        match c {
            '^' => {
                self.pos += 1;
                self.out.push_str(r"\A");
                return self.no_quantifier("`^`");
            }
            '$' => {
                self.pos += 1;
                self.out.push_str(r"\z");
                return self.no_quantifier("`$`");
            }
            '\\' if self.peek_at(1) == Some('b') => {
                self.pos += 2;
                // An ASCII word boundary, as ECMA-262's `\b` (without the `i` flag) is: a
                // multi-byte character is a non-word character on each side of every byte.
                self.out.push_str(r"(?-u:\b)");
                return self.no_quantifier("`\\b`");
            }
            '\\' if self.peek_at(1) == Some('B') => {
                self.pos += 2;
                self.out.push_str(r"(?-u:\B)");
                return self.no_quantifier("`\\B`");
            }
            '(' => {
                if self.group()? {
                    return self.no_quantifier("a lookaround");
                }
            }
            '[' => self.class()?,
            '.' => {
                self.pos += 1;
                self.out.push_str(DOT);
            }
            '*' | '+' | '?' => {
                return Err(self.error(
                    start,
                    format!("`{c}` has nothing to repeat: write `\\{c}` for the character"),
                ));
            }
            '{' => {
                let message = if self.braces(start)?.is_some() {
                    "this quantifier has nothing to repeat: write `\\{` for the character"
                } else {
                    "a lone `{` is an error in ECMA-262's unicode mode: write `\\{` for the character"
                };
                return Err(self.error(start, message));
            }
            '}' | ']' => {
                return Err(self.error(
                    start,
                    format!(
                        "a lone `{c}` is an error in ECMA-262's unicode mode: write `\\{c}` for the character"
                    ),
                ));
            }
            '\\' => self.atom_escape()?,
            _ => {
                self.pos += 1;
                push_code_point(&mut self.out, u32::from(c));
            }
        }
        self.quantifier()
    }

    /// After an assertion: a quantifier is an error in unicode mode.
    fn no_quantifier(&mut self, what: &str) -> Result<(), PatternError> {
        let at = self.pos;
        let quantified = match self.peek() {
            Some('*' | '+' | '?') => true,
            Some('{') => self.braces(at)?.is_some(),
            _ => false,
        };
        if quantified {
            return Err(self.error(
                at,
                format!(
                    "the assertion {what} cannot be repeated in ECMA-262's unicode mode: remove the quantifier"
                ),
            ));
        }
        Ok(())
    }

    /// A quantifier after an atom, if one follows: `* + ? {n} {n,} {n,m}`, then `?` for lazy.
    fn quantifier(&mut self) -> Result<(), PatternError> {
        let start = self.pos;
        match self.peek() {
            Some(c @ ('*' | '+' | '?')) => {
                self.pos += 1;
                self.out.push(c);
            }
            Some('{') => {
                let Some((min, max, len)) = self.braces(start)? else {
                    // A lone `{`: the next term reports it.
                    return Ok(());
                };
                match max {
                    Max::Exact => self.out.push_str(&format!("{{{min}}}")),
                    Max::Unbounded => self.out.push_str(&format!("{{{min},}}")),
                    Max::Upto(max) if max < min => {
                        return Err(self.error(
                            start,
                            format!(
                                "the counts of `{{{min},{max}}}` are out of order: write the smaller one first"
                            ),
                        ));
                    }
                    Max::Upto(max) => self.out.push_str(&format!("{{{min},{max}}}")),
                }
                self.pos += len;
            }
            _ => return Ok(()),
        }
        if self.peek() == Some('?') {
            self.pos += 1;
            self.out.push('?');
        }
        let at = self.pos;
        let again = match self.peek() {
            Some('*' | '+' | '?') => true,
            Some('{') => self.braces(at)?.is_some(),
            _ => false,
        };
        if again {
            return Err(self.error(
                at,
                "a quantifier cannot follow a quantifier: wrap the repeated part in `(?:…)` to repeat it again",
            ));
        }
        Ok(())
    }

    /// The `{…}` quantifier at `at`, if the text there is one: its counts and its length.
    fn braces(&self, at: usize) -> Result<Option<(u32, Max, usize)>, PatternError> {
        let mut i = at + 1;
        let Some((min, digits)) = self.number(i)? else {
            return Ok(None);
        };
        i += digits;
        let max = match self.chars.get(i) {
            Some('}') => Max::Exact,
            Some(',') => {
                i += 1;
                match self.number(i)? {
                    Some((max, digits)) => {
                        i += digits;
                        Max::Upto(max)
                    }
                    None => Max::Unbounded,
                }
            }
            _ => return Ok(None),
        };
        if self.chars.get(i) != Some(&'}') {
            return Ok(None);
        }
        Ok(Some((min, max, i + 1 - at)))
    }

    /// The decimal number at `at`, if digits are there: its value and its length.
    fn number(&self, at: usize) -> Result<Option<(u32, usize)>, PatternError> {
        let mut value: u32 = 0;
        let mut len = 0;
        while let Some(digit) = self.chars.get(at + len).and_then(|c| c.to_digit(10)) {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(digit))
                .ok_or_else(|| {
                    self.error(
                        at,
                        "this repetition count is beyond what the regex crate can count (4294967295): write a smaller count",
                    )
                })?;
            len += 1;
        }
        Ok((len > 0).then_some((value, len)))
    }

    /// A group: `(…)`, `(?:…)`, `(?<name>…)`; lookaround and flags are errors. `true` for a
    /// lookaround ([`validate`] reads it on).
    fn group(&mut self) -> Result<bool, PatternError> {
        let mut lookaround = false;
        let start = self.pos;
        if self.depth >= MAX_DEPTH {
            return Err(self.error(
                start,
                format!("groups nest deeper than {MAX_DEPTH} levels here: flatten the pattern"),
            ));
        }
        self.pos += 1;
        if self.peek() == Some('?') {
            match (self.peek_at(1), self.peek_at(2)) {
                (Some(':'), _) => {
                    self.pos += 2;
                    self.out.push_str("(?:");
                }
                (Some(c @ ('=' | '!')), _) => {
                    self.unsupported(self.error(
                        start,
                        format!(
                            "the lookahead `(?{c}…)` has no linear-time equivalent in the regex crate: say the rule without it (a class, an alternation)"
                        ),
                    ))?;
                    self.pos += 2;
                    self.out.push_str("(?:");
                    lookaround = true;
                }
                (Some('<'), Some(c @ ('=' | '!'))) => {
                    self.unsupported(self.error(
                        start,
                        format!(
                            "the lookbehind `(?<{c}…)` has no linear-time equivalent in the regex crate: say the rule without it (a class, an alternation)"
                        ),
                    ))?;
                    self.pos += 3;
                    self.out.push_str("(?:");
                    lookaround = true;
                }
                (Some('<'), _) => self.group_name(start)?,
                _ => {
                    return Err(self.error(
                        start,
                        "ECMA-262 has no inline flags such as `(?i)`, and modifier groups such as `(?i:…)` are not supported: write the alternatives out (`[Aa]`), or `(?:…)` for a group",
                    ));
                }
            }
        } else {
            self.groups = self.groups.saturating_add(1);
            self.out.push('(');
        }
        self.depth += 1;
        self.disjunction()?;
        self.depth -= 1;
        if self.peek() != Some(')') {
            return Err(self.error(
                start,
                "the group opened here is not closed: add `)`, or write `\\(` for the character",
            ));
        }
        self.pos += 1;
        self.out.push(')');
        Ok(lookaround)
    }

    /// `(?<name>`: an ASCII identifier, used once.
    fn group_name(&mut self, start: usize) -> Result<(), PatternError> {
        let name_start = self.pos + 2;
        let mut end = name_start;
        while let Some(&c) = self.chars.get(end) {
            if c == '>' {
                break;
            }
            if !(c.is_ascii_alphanumeric() || c == '_' || c == '$') {
                return Err(self.error(
                    end,
                    format!(
                        "`{c}` in a group name: only ASCII letters, digits, `_` and `$` are supported in names; rename the group, or write `(?:…)`"
                    ),
                ));
            }
            end += 1;
        }
        if self.chars.get(end) != Some(&'>') {
            return Err(self.error(start, "the group name is not closed: write `(?<name>…)`"));
        }
        let name: String = self.chars[name_start..end].iter().collect();
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            return Err(self.error(
                name_start,
                "a group name must start with a letter, `_` or `$`: write `(?<name>…)`",
            ));
        }
        if self.names.contains(&name) {
            return Err(self.error(
                name_start,
                format!("the group name `{name}` is used twice: rename one of the groups"),
            ));
        }
        self.pos = end + 1;
        if name.contains('$') {
            // The name only labels the group, which `regex` names without `$`.
            self.out.push('(');
        } else {
            self.out.push_str(&format!("(?P<{name}>"));
        }
        self.names.push(name);
        self.groups = self.groups.saturating_add(1);
        Ok(())
    }

    /// `\` outside a class (`\b` and `\B` are read as assertions before this).
    fn atom_escape(&mut self) -> Result<(), PatternError> {
        let start = self.pos;
        self.pos += 1;
        let Some(c) = self.peek() else {
            return Err(self.error(
                start,
                "the pattern ends with a lone `\\`: write `\\\\` for a backslash",
            ));
        };
        match c {
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                self.pos += 1;
                self.out.push_str(&class_escape_set(c).atom());
            }
            'p' | 'P' => {
                let set = self.property(start)?;
                self.out.push_str(&set.atom());
            }
            '1'..='9' => {
                self.unsupported(self.error(
                    start,
                    format!(
                        "`\\{c}` is a backreference, which has no linear-time equivalent in the regex crate: say the rule without it"
                    ),
                ))?;
                let (number, len) = self.number(self.pos)?.unwrap_or((0, 1));
                self.pos += len;
                self.backreferences
                    .push((start, Backreference::Number(number)));
            }
            'k' => {
                self.unsupported(self.error(
                    start,
                    "`\\k<name>` is a backreference, which has no linear-time equivalent in the regex crate: say the rule without it",
                ))?;
                let name_start = self.pos + 2;
                let end = (name_start..self.chars.len()).find(|&i| self.chars[i] == '>');
                match (self.peek_at(1), end) {
                    (Some('<'), Some(end)) if end > name_start => {
                        let name: String = self.chars[name_start..end].iter().collect();
                        self.pos = end + 1;
                        self.backreferences.push((start, Backreference::Name(name)));
                    }
                    _ => {
                        return Err(self.error(
                            start,
                            "`\\k` must be followed by `<name>` in ECMA-262's unicode mode",
                        ));
                    }
                }
            }
            'A' => {
                return Err(self.error(
                    start,
                    "`\\A` is not an escape in ECMA-262's unicode mode: write `^` for the start of the input",
                ));
            }
            'z' | 'Z' => {
                return Err(self.error(
                    start,
                    format!(
                        "`\\{c}` is not an escape in ECMA-262's unicode mode: write `$` for the end of the input"
                    ),
                ));
            }
            '-' => {
                return Err(self.error(
                    start,
                    "`\\-` is an escape only inside a class in ECMA-262's unicode mode: write `-`",
                ));
            }
            _ => {
                let code_point = self.character_escape(start)?;
                push_code_point(&mut self.out, code_point);
            }
        }
        Ok(())
    }

    /// A CharacterEscape after the `\` at `start` (`self.pos` on the letter): its code point.
    fn character_escape(&mut self, start: usize) -> Result<u32, PatternError> {
        let Some(c) = self.peek() else {
            return Err(self.error(
                start,
                "the pattern ends with a lone `\\`: write `\\\\` for a backslash",
            ));
        };
        self.pos += 1;
        let code_point = match c {
            't' => 0x09,
            'n' => 0x0A,
            'v' => 0x0B,
            'f' => 0x0C,
            'r' => 0x0D,
            'c' => match self.peek() {
                Some(letter) if letter.is_ascii_alphabetic() => {
                    self.pos += 1;
                    u32::from(letter) % 32
                }
                _ => {
                    return Err(self.error(
                        start,
                        "`\\c` must be followed by a letter in ECMA-262's unicode mode (`\\cJ` is a line feed): write `\\\\c` for a backslash and a `c`",
                    ));
                }
            },
            '0' if self.peek().is_some_and(|d| d.is_ascii_digit()) => {
                return Err(self.error(
                    start,
                    "`\\0` followed by a digit is an octal escape, an error in ECMA-262's unicode mode: write `\\x00` for NUL followed by the digit, or `\\xHH` for the character you mean",
                ));
            }
            '0' => 0,
            'x' => {
                let value = self.hex_digits(self.pos, 2);
                let Some(value) = value else {
                    return Err(self.error(
                        start,
                        "`\\x` must be followed by two hex digits: write `\\xHH`, such as `\\x41`",
                    ));
                };
                self.pos += 2;
                value
            }
            'u' => self.unicode_escape(start)?,
            c if SYNTAX.contains(c) || c == '/' => u32::from(c),
            c => {
                return Err(self.error(
                    start,
                    format!(
                        "`\\{c}` is not an escape in ECMA-262's unicode mode (only the syntax characters `^$\\.*+?()[]{{}}|` and `/` may be escaped): write `{c}` without the backslash"
                    ),
                ));
            }
        };
        Ok(code_point)
    }

    /// `\uXXXX` (a pair of them combined into one code point), or `\u{…}`; `self.pos` is after
    /// the `u`.
    fn unicode_escape(&mut self, start: usize) -> Result<u32, PatternError> {
        if self.peek() == Some('{') {
            let mut end = self.pos + 1;
            let mut value: u32 = 0;
            while let Some(digit) = self.chars.get(end).and_then(|c| c.to_digit(16)) {
                value = value.saturating_mul(16).saturating_add(digit);
                end += 1;
            }
            if end == self.pos + 1 || self.chars.get(end) != Some(&'}') || value > 0x10FFFF {
                return Err(self.error(
                    start,
                    "`\\u{…}` must hold hex digits naming a code point up to 10FFFF: write `\\u{1F600}`",
                ));
            }
            self.pos = end + 1;
            return Ok(value);
        }
        let Some(value) = self.hex_digits(self.pos, 4) else {
            return Err(self.error(
                start,
                "`\\u` must be followed by four hex digits or `{…}`: write `\\u00E9` or `\\u{E9}`",
            ));
        };
        self.pos += 4;
        if (0xD800..=0xDBFF).contains(&value)
            && self.peek() == Some('\\')
            && self.peek_at(1) == Some('u')
            && let Some(low) = self.hex_digits(self.pos + 2, 4)
            && (0xDC00..=0xDFFF).contains(&low)
        {
            self.pos += 6;
            return Ok(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00));
        }
        Ok(value)
    }

    /// The value of `count` hex digits at `at`, if they are there.
    fn hex_digits(&self, at: usize, count: usize) -> Option<u32> {
        let mut value = 0;
        for i in 0..count {
            value = value * 16 + self.chars.get(at + i)?.to_digit(16)?;
        }
        Some(value)
    }

    /// `\p{…}` or `\P{…}`, the `\` at `start`, `self.pos` on the `p`.
    fn property(&mut self, start: usize) -> Result<Set, PatternError> {
        let negated = self.peek() == Some('P');
        let letter = if negated { 'P' } else { 'p' };
        if self.peek_at(1) != Some('{') {
            return Err(self.error(
                start,
                format!(
                    "`\\{letter}` must be followed by a property in braces in ECMA-262's unicode mode: write `\\{letter}{{L}}` or `\\{letter}{{Script=Greek}}`"
                ),
            ));
        }
        let body_start = self.pos + 2;
        let Some(len) = self.chars[body_start..].iter().position(|&c| c == '}') else {
            return Err(self.error(
                start,
                format!("`\\{letter}{{` is not closed: write `\\{letter}{{L}}`"),
            ));
        };
        let body: String = self.chars[body_start..body_start + len].iter().collect();
        self.pos = body_start + len + 1;
        let kind = property_kind(&body).map_err(|message| self.error(start, message))?;
        Ok(Set { kind, negated })
    }

    /// A character class `[…]` or `[^…]`.
    fn class(&mut self) -> Result<(), PatternError> {
        let start = self.pos;
        self.pos += 1;
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut items = String::new();
        loop {
            match self.peek() {
                None => {
                    return Err(self.error(
                        start,
                        "the class opened here is not closed: add `]`, or write `\\[` for the character",
                    ));
                }
                Some(']') => {
                    self.pos += 1;
                    break;
                }
                Some(_) => {}
            }
            let atom_start = self.pos;
            let atom = self.class_atom()?;
            let range = self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']');
            if !range {
                match atom {
                    ClassAtom::Char(c) => push_class_range(&mut items, c, c),
                    ClassAtom::Set(set) => items.push_str(&set.item()),
                }
                continue;
            }
            self.pos += 1;
            let high = self.class_atom()?;
            match (atom, high) {
                (ClassAtom::Char(low), ClassAtom::Char(high)) if low <= high => {
                    push_class_range(&mut items, low, high);
                }
                (ClassAtom::Char(_), ClassAtom::Char(_)) => {
                    return Err(self.error(
                        atom_start,
                        "this range is out of order: write the smaller character first",
                    ));
                }
                _ => {
                    return Err(self.error(
                        atom_start,
                        "a range needs a character at each end, and a class escape (`\\d`, `\\w`, `\\s`, `\\p{…}`) is not one in ECMA-262's unicode mode: write `\\-` for a hyphen",
                    ));
                }
            }
        }
        match (items.is_empty(), negated) {
            (true, false) => self.out.push_str(NEVER),
            (true, true) => self.out.push_str(ANY),
            (false, false) => self.out.push_str(&format!("[{items}]")),
            (false, true) => self.out.push_str(&format!("[^{items}]")),
        }
        Ok(())
    }

    /// One atom of a class: a character, or an escape.
    fn class_atom(&mut self) -> Result<ClassAtom, PatternError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Err(self.error(start, "the class is not closed: add `]`"));
        };
        if c != '\\' {
            self.pos += 1;
            return Ok(ClassAtom::Char(u32::from(c)));
        }
        self.pos += 1;
        let Some(c) = self.peek() else {
            return Err(self.error(
                start,
                "the pattern ends with a lone `\\`: write `\\\\` for a backslash",
            ));
        };
        match c {
            'b' => {
                self.pos += 1;
                Ok(ClassAtom::Char(0x08))
            }
            '-' => {
                self.pos += 1;
                Ok(ClassAtom::Char(u32::from('-')))
            }
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                self.pos += 1;
                Ok(ClassAtom::Set(class_escape_set(c)))
            }
            'p' | 'P' => Ok(ClassAtom::Set(self.property(start)?)),
            '1'..='9' => Err(self.error(
                start,
                format!(
                    "`\\{c}` inside a class is an error in ECMA-262's unicode mode (no octal escapes): write `\\x0{c}` or `\\u{{…}}` for the character you mean"
                ),
            )),
            'k' => Err(self.error(
                start,
                "`\\k` inside a class is an error in ECMA-262's unicode mode: write `k`",
            )),
            _ => Ok(ClassAtom::Char(self.character_escape(start)?)),
        }
    }
}

/// The counts' upper end in `{…}`.
#[derive(Debug, Clone, Copy)]
enum Max {
    Exact,
    Unbounded,
    Upto(u32),
}

/// `\d \D \w \W \s \S`.
fn class_escape_set(letter: char) -> Set {
    let items = match letter.to_ascii_lowercase() {
        'd' => DIGIT,
        'w' => WORD,
        _ => SPACE,
    };
    Set {
        kind: SetKind::Items(items),
        negated: letter.is_ascii_uppercase(),
    }
}

/// The set `\p{body}` names, in the names ECMA-262 accepts (exactly as written there), or what
/// is wrong.
fn property_kind(body: &str) -> Result<SetKind, String> {
    let general_category = |value: &str| {
        if unicode::SURROGATE.contains(&value) {
            Some(SetKind::Empty)
        } else if unicode::GENERAL_CATEGORY.contains(&value) {
            Some(SetKind::Property(format!("gc={value}")))
        } else {
            None
        }
    };
    if let Some((name, value)) = body.split_once('=') {
        let (kind, prefix) = match name {
            "General_Category" | "gc" => {
                return general_category(value).ok_or_else(|| {
                    format!(
                        "`{value}` is not a General_Category value ECMA-262 accepts (names are case-sensitive): write one such as `L`, `Letter`, `Lu` or `Nd`"
                    )
                });
            }
            "Script" | "sc" => ("Script", "sc"),
            "Script_Extensions" | "scx" => ("Script_Extensions", "scx"),
            _ => {
                return Err(format!(
                    "`{name}` is not a property ECMA-262 accepts before `=`: write `General_Category` (`gc`), `Script` (`sc`) or `Script_Extensions` (`scx`)"
                ));
            }
        };
        if unicode::SCRIPTS.contains(&value) {
            return Ok(SetKind::Property(format!("{prefix}={value}")));
        }
        if unicode::SCRIPTS_LACKING.contains(&value) {
            return Err(format!(
                "ECMA-262 accepts the {kind} value `{value}`, but the regex crate has no table for it: write the characters as a class"
            ));
        }
        return Err(format!(
            "`{value}` is not a {kind} value ECMA-262 accepts that the regex crate's Unicode 16.0 tables know (names are case-sensitive): write one such as `Greek` or `Grek`"
        ));
    }
    if let Some(kind) = general_category(body) {
        return Ok(kind);
    }
    if let Some((long, _)) = unicode::BINARY
        .iter()
        .find(|(long, short)| *long == body || (!short.is_empty() && *short == body))
    {
        return Ok(SetKind::Property((*long).to_owned()));
    }
    if unicode::LACKING.contains(&body) {
        return Err(format!(
            "ECMA-262 accepts `{body}`, but the regex crate has no table for it: write the characters as a class"
        ));
    }
    if unicode::SCRIPTS.contains(&body) {
        return Err(format!(
            "a script is named with its property in ECMA-262: write `Script={body}` (or `Script_Extensions={body}`)"
        ));
    }
    Err(format!(
        "`{body}` is not a General_Category value or binary property ECMA-262 accepts (names are case-sensitive): write one such as `L`, `Letter`, `Lu` or `Alphabetic`, or `Script=Name`"
    ))
}

/// A literal code point outside a class; a lone surrogate matches no Rust text.
fn push_code_point(out: &mut String, code_point: u32) {
    match char::from_u32(code_point) {
        Some(c) => push_char(out, c),
        None => out.push_str(NEVER),
    }
}

/// The items of a class for `low-high`, without the surrogates (no Rust text holds one); a
/// class that matches nothing when only surrogates are left.
fn push_class_range(items: &mut String, low: u32, high: u32) {
    let parts = [(low, high.min(0xD7FF)), (low.max(0xE000), high)];
    let mut any = false;
    for (low, high) in parts {
        let (Some(low), Some(high)) = (char::from_u32(low), char::from_u32(high)) else {
            continue;
        };
        if low > high {
            continue;
        }
        any = true;
        push_char(items, low);
        if high != low {
            items.push('-');
            push_char(items, high);
        }
    }
    if !any {
        items.push_str(NEVER);
    }
}

/// A character as `regex` reads it literally, in or out of a class: syntax escaped, controls,
/// spaces other than U+0020 and non-ASCII characters as `\u{…}`.
fn push_char(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str(r"\t"),
        '\n' => out.push_str(r"\n"),
        '\u{b}' => out.push_str(r"\v"),
        '\u{c}' => out.push_str(r"\f"),
        '\r' => out.push_str(r"\r"),
        c if REGEX_META.contains(c) => {
            out.push('\\');
            out.push(c);
        }
        // `<` and `>` stay bare: `\<` and `\>` are word boundaries in `regex`.
        c if c.is_ascii_graphic() || c == ' ' => out.push(c),
        c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)] // A test fails by panicking.
mod tests {
    use super::*;

    /// The translation of `ecma`, or the error's message with its offset.
    fn t(ecma: &str) -> String {
        match translate(ecma) {
            Ok(translated) => translated.into_string(),
            Err(error) => format!("error {error}"),
        }
    }

    /// The offset of the error `ecma` is refused with (panics when it is accepted).
    fn refused_at(ecma: &str) -> usize {
        match translate(ecma) {
            Ok(translated) => panic!("{ecma:?} was accepted as {translated}"),
            Err(error) => error.offset(),
        }
    }

    #[test]
    fn the_spec_patterns_translate() {
        assert_eq!(
            t(r"^[^\x00-\x20\x7F](?:[^\x00-\x1F\x7F]*[^\x00-\x20\x7F])?$"),
            r"\A[^\u{0}- \u{7f}](?:[^\u{0}-\u{1f}\u{7f}]*[^\u{0}- \u{7f}])?\z"
        );
        assert_eq!(
            t(r"^arn:aws:iam::[0-9]{12}:role/(?:[!-~]{1,510}/)?[A-Za-z0-9+=,.@_-]{1,64}$"),
            r"\Aarn:aws:iam::[0-9]{12}:role/(?:[!-\~]{1,510}/)?[A-Za-z0-9\+=,\.@_\-]{1,64}\z"
        );
    }

    #[test]
    fn literals() {
        assert_eq!(t("abc"), "abc");
        assert_eq!(t(""), "");
        assert_eq!(t("a b"), "a b");
        assert_eq!(t("é😀"), r"\u{e9}\u{1f600}");
        assert_eq!(t("a#b&c-d~e"), r"a\#b\&c\-d\~e");
        assert_eq!(t("<a>"), "<a>");
        assert_eq!(t("\u{2028}\t"), r"\u{2028}\t");
        assert_eq!(t("a/b"), "a/b");
    }

    #[test]
    fn dot_and_class_escapes() {
        assert_eq!(t("."), r"[^\n\r\u{2028}\u{2029}]");
        assert_eq!(t(r"\d\D"), "[0-9][^0-9]");
        assert_eq!(t(r"\w\W"), "[0-9A-Za-z_][^0-9A-Za-z_]");
        assert_eq!(
            t(r"\s"),
            r"[\t\n\v\f\r \u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}]"
        );
        assert_eq!(
            t(r"\S"),
            r"[^\t\n\v\f\r \u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}]"
        );
    }

    #[test]
    fn class_escapes_inside_classes() {
        assert_eq!(t(r"[\d]"), "[0-9]");
        assert_eq!(t(r"[\D]"), "[[^0-9]]");
        assert_eq!(t(r"[^\D]"), "[^[^0-9]]");
        assert_eq!(t(r"[a\W]"), "[a[^0-9A-Za-z_]]");
        assert_eq!(t(r"[\w-]"), r"[0-9A-Za-z_\-]");
        assert_eq!(t(r"[\p{L}\P{Nd}]"), r"[\p{gc=L}\P{gc=Nd}]");
    }

    #[test]
    fn assertions() {
        assert_eq!(t("^a$"), r"\Aa\z");
        assert_eq!(t(r"\ba\B"), r"(?-u:\b)a(?-u:\B)");
        assert_eq!(refused_at("^*"), 1);
        assert_eq!(refused_at(r"a\b+"), 3);
        assert_eq!(refused_at("a${2}"), 2);
    }

    #[test]
    fn classes() {
        assert_eq!(t("[a-z]"), "[a-z]");
        assert_eq!(t("[^a-z0-9]"), "[^a-z0-9]");
        assert_eq!(t("[-a]"), r"[\-a]");
        assert_eq!(t("[a-]"), r"[a\-]");
        assert_eq!(t("[a-b-c]"), r"[a-b\-c]");
        assert_eq!(t("[--a]"), r"[\--a]");
        assert_eq!(t("[]"), r"[^\u{0}-\u{10ffff}]");
        assert_eq!(t("[^]"), r"[\u{0}-\u{10ffff}]");
        assert_eq!(t(r"[\b]"), r"[\u{8}]");
        assert_eq!(t(r"[\-\]\[]"), r"[\-\]\[]");
        assert_eq!(t("[.*+?(){}|$^]"), r"[\.\*\+\?\(\)\{\}\|\$\^]");
        assert_eq!(t("[a~~b]"), r"[a\~\~b]");
        assert_eq!(t("[é-ü]"), r"[\u{e9}-\u{fc}]");
        assert_eq!(refused_at("[z-a]"), 1);
        assert_eq!(refused_at(r"[\d-a]"), 1);
        assert_eq!(refused_at(r"[a-\w]"), 1);
        assert_eq!(refused_at("a[bc"), 1);
    }

    #[test]
    fn the_issue_cases() {
        // A class of `[`, `:`, `d`, … then literal `:` and `]`: an error for the lone `]`.
        assert_eq!(refused_at("[[:digit:]]"), 10);
        assert_eq!(
            t("[[:digit:]]x"),
            "error at character 10: a lone `]` is an error in ECMA-262's unicode mode: write `\\]` for the character"
        );
        assert_eq!(t(r"[[:digit:]\]"), r"[\[:digit:]\]");
        // ECMA's class `[a-z&&[^aeiou]` followed by a lone `]`.
        assert_eq!(refused_at("[a-z&&[^aeiou]]"), 14);
        assert_eq!(t(r"[a-z&&[^aeiou]\]"), r"[a-z\&\&\[\^aeiou]\]");
        assert_eq!(refused_at(r"\Aabc\z"), 0);
        assert!(t(r"\Aabc").contains("write `^`"));
        assert!(t(r"abc\z").contains("write `$`"));
        assert_eq!(refused_at("(?i)abc"), 0);
        assert!(t("(?i)abc").contains("no inline flags"));
        assert_eq!(t(r"\p{Letter}"), r"\p{gc=Letter}");
        assert_eq!(t(r"\p{L}"), r"\p{gc=L}");
        assert_eq!(t(r"\p{Script=Greek}"), r"\p{sc=Greek}");
        assert_eq!(t("^.+$"), r"\A[^\n\r\u{2028}\u{2029}]+\z");
    }

    #[test]
    fn character_escapes() {
        assert_eq!(t(r"\t\n\v\f\r"), r"\t\n\v\f\r");
        assert_eq!(t(r"\0"), r"\u{0}");
        assert_eq!(t(r"\cJ\cj"), r"\n\n");
        assert_eq!(t(r"\x41\x2a"), r"A\*");
        assert_eq!(t(r"\u0041\u00e9"), r"A\u{e9}");
        assert_eq!(t(r"\u{1F600}\u{41}"), r"\u{1f600}A");
        assert_eq!(t(r"\uD83D\uDE00"), r"\u{1f600}");
        assert_eq!(t(r"[\uD83D\uDE00-\uD83D\uDE4F]"), r"[\u{1f600}-\u{1f64f}]");
        assert_eq!(
            t(r"\/\^\$\\\.\*\+\?\(\)\[\]\{\}\|"),
            r"/\^\$\\\.\*\+\?\(\)\[\]\{\}\|"
        );
        assert_eq!(refused_at(r"a\-"), 1);
        assert_eq!(refused_at(r"\00"), 0);
        assert_eq!(refused_at(r"\c1"), 0);
        assert_eq!(refused_at(r"\x4"), 0);
        assert_eq!(refused_at(r"\u12"), 0);
        assert_eq!(refused_at(r"\u{110000}"), 0);
        assert_eq!(refused_at(r"\u{}"), 0);
        assert_eq!(refused_at(r"a\e"), 1);
        assert_eq!(refused_at(r"[\1]"), 1);
        assert_eq!(refused_at("abc\\"), 3);
    }

    #[test]
    fn lone_surrogates_match_nothing() {
        assert_eq!(t(r"\uD83D"), r"[^\u{0}-\u{10ffff}]");
        assert_eq!(t(r"\u{DC00}"), r"[^\u{0}-\u{10ffff}]");
        assert_eq!(t(r"[\uD800-\uDFFF]"), r"[[^\u{0}-\u{10ffff}]]");
        assert_eq!(t(r"[^\uD800-\uDFFF]"), r"[^[^\u{0}-\u{10ffff}]]");
        assert_eq!(t(r"[\uD000-\uE000]"), r"[\u{d000}-\u{d7ff}\u{e000}]");
        assert_eq!(
            t(r"\p{Cs}\P{Surrogate}"),
            r"[^\u{0}-\u{10ffff}][\u{0}-\u{10ffff}]"
        );
    }

    #[test]
    fn properties() {
        assert_eq!(t(r"\p{Lu}\p{gc=Nd}"), r"\p{gc=Lu}\p{gc=Nd}");
        assert_eq!(t(r"\P{General_Category=Letter}"), r"\P{gc=Letter}");
        assert_eq!(t(r"\p{sc=Grek}\p{scx=Latn}"), r"\p{sc=Grek}\p{scx=Latn}");
        assert_eq!(t(r"\p{Script_Extensions=Greek}"), r"\p{scx=Greek}");
        assert_eq!(
            t(r"\p{Alpha}\p{White_Space}\p{Any}"),
            r"\p{Alphabetic}\p{White_Space}\p{Any}"
        );
        // Case-sensitive, as ECMA-262 is.
        assert_eq!(refused_at(r"a\p{letter}"), 1);
        assert_eq!(refused_at(r"\p{Greek}"), 0);
        assert!(t(r"\p{Greek}").contains("Script=Greek"));
        assert_eq!(refused_at(r"\p{sc=greek}"), 0);
        assert_eq!(refused_at(r"\p{Block=Basic_Latin}"), 0);
        assert!(t(r"\p{CWKCF}").contains("no table"));
        assert!(t(r"\p{sc=Zzzz}").contains("no table"));
        assert_eq!(refused_at(r"\pL"), 0);
        assert_eq!(refused_at(r"\p{L"), 0);
    }

    #[test]
    fn quantifiers() {
        assert_eq!(t("a*b+c?"), "a*b+c?");
        assert_eq!(t("a*?b+?c??"), "a*?b+?c??");
        assert_eq!(t("a{2}b{2,}c{2,3}d{02,3}?"), "a{2}b{2,}c{2,3}d{2,3}?");
        assert_eq!(t("(ab)*"), "(ab)*");
        assert_eq!(t("[ab]{3}"), "[ab]{3}");
        assert_eq!(t(r"\d+"), "[0-9]+");
        assert_eq!(t("é+"), r"\u{e9}+");
        assert_eq!(refused_at("a{3,2}"), 1);
        assert_eq!(refused_at("a**"), 2);
        assert_eq!(refused_at("a{1}{2}"), 4);
        assert_eq!(refused_at("*a"), 0);
        assert_eq!(refused_at("a|+"), 2);
        assert_eq!(refused_at("a{"), 1);
        assert_eq!(refused_at("a{1"), 1);
        assert_eq!(refused_at("a{,1}"), 1);
        assert_eq!(refused_at("{1}"), 0);
        assert_eq!(refused_at("a}"), 1);
        assert_eq!(refused_at("a{99999999999}"), 2);
    }

    #[test]
    fn groups() {
        assert_eq!(t("(a|b)|c"), "(a|b)|c");
        assert_eq!(t("(?:a)"), "(?:a)");
        assert_eq!(t("()"), "()");
        assert_eq!(t("(?<year>[0-9]{4})"), "(?P<year>[0-9]{4})");
        assert_eq!(t("(?<$a>x)"), "(x)");
        assert_eq!(refused_at("(?<a>x)(?<a>y)"), 10);
        assert_eq!(refused_at("(?<é>x)"), 3);
        assert_eq!(refused_at("(?<1a>x)"), 3);
        assert_eq!(refused_at("(?<a"), 0);
        assert_eq!(refused_at("a(?=b)"), 1);
        assert_eq!(refused_at("a(?!b)"), 1);
        assert_eq!(refused_at("(?<=a)b"), 0);
        assert_eq!(refused_at("(?<!a)b"), 0);
        assert_eq!(refused_at("(?i:a)"), 0);
        assert_eq!(refused_at(r"(a)\1"), 3);
        assert_eq!(refused_at(r"(?<a>x)\k<a>"), 7);
        assert_eq!(refused_at("(a"), 0);
        assert_eq!(refused_at("a)"), 1);
        assert_eq!(refused_at(&"(".repeat(300)), MAX_DEPTH);
    }

    #[test]
    fn errors_name_their_offset_in_code_points() {
        let error = translate(r"éé\1").unwrap_err();
        assert_eq!(error.offset(), 2);
        assert_eq!(
            error.to_string(),
            "at character 2: `\\1` is a backreference, which has no linear-time equivalent in the regex crate: say the rule without it"
        );
        assert!(error.message().starts_with("`\\1`"));
    }

    #[test]
    fn validate_tells_invalid_from_unsupported() {
        // Valid and translated.
        for ok in ["([abc])+\\s+$", "^[a-z]+$", "a|b", "", "\\p{L}"] {
            assert_eq!(validate(ok), Ok(None), "{ok}");
        }
        // Valid, without a linear-time equivalent: `Ok` with the reason `translate` gives.
        for (unsupported, at) in [
            ("(a)\\1", 3),
            ("(?<x>a)\\k<x>", 7),
            ("\\1(a)", 0),
            ("a(?=b)", 1),
            ("(?!b)a", 0),
            ("(?<=a)b", 0),
            ("(?<!a)b(?=c)", 0),
        ] {
            let reason = validate(unsupported).unwrap().unwrap();
            assert_eq!(reason.offset(), at, "{unsupported}");
            assert_eq!(Some(reason), translate(unsupported).err(), "{unsupported}");
        }
        // Invalid: syntax errors, also after an unsupported construct.
        for invalid in [
            "^(abc]",
            "(?=a)[",
            "(a)\\2",
            "\\k<x>(?<y>a)",
            "\\k",
            "(?=a)*",
            "(?<!a)+b",
            "a{2,1}",
            "\\A",
            "(?i)a",
        ] {
            assert!(validate(invalid).is_err(), "{invalid}");
            assert!(translate(invalid).is_err(), "{invalid}");
        }
    }
}
