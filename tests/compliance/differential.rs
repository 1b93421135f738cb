//! The accepted compliance groups against an independent validator, on random documents.
//!
//! The suite has a few cases per group; a generated model could still be wrong on documents it
//! does not try. For every group the generator accepts, this property draws documents
//! `{"value": <data>}`, where `<data>` is one of the group's own case data, a mutation of it, or
//! an arbitrary small JSON value (mutations: numbers ±1, ±0.5, ×10, set to 2^53±1, -0, 1.0 for
//! 1 and back; strings grown or shrunk by one code point, of 1 to 4 bytes, at either end;
//! members added, removed, renamed, set to null; items duplicated, removed, appended; a value
//! nested one level deeper; a value replaced). Each document goes through the group's model on
//! the three paths ([`Verdicts`]: they must give one verdict) and through `boon` (the oracle's
//! independent JSON Schema 2020-12 validator, `m3ter_workspace_tests::boon_oracle::Compiled`)
//! on the group's schema as the suite writes it; the verdicts must be the same.
//!
//! A disagreement passes only when one of this crate's deliberate differences (README, "Where
//! this crate differs from plain JSON Schema on purpose") explains it, each by a narrow rule
//! ([`deliberate`]): an integer member is a JSON integer within `i64` ([`I64`]); `format` is an
//! assertion ([`FORMAT_ASSERTS`]); boon's pattern dialect ([`PATTERN_DIALECT`]); and where
//! boon itself is not JSON Schema: its numbers are `f64`s ([`F64`]) and a few of its format
//! checkers are laxer than the standards ours follow ([`FORMAT_LIMITS`]). Any other
//! disagreement fails the property.

use std::cmp::Ordering;
use std::sync::LazyLock;

use m3ter_models::formats::{self, Format};
use m3ter_models::{ErrorKind, ValidationError};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde_json::{Map, Number, Value, json};

use super::{FORMAT_ASSERTS, GROUPS, Generated, I64, Verdicts, suite_groups};
use m3ter_workspace_tests::boon_oracle::Compiled;

/// An accepted group, ready for the property.
struct Group {
    /// `file group index ("description")`.
    name: String,
    verdicts: fn(&[u8]) -> Verdicts,
    raw_errors: fn(&[u8]) -> Vec<ValidationError>,
    /// boon on the group's schema, as the suite writes it (`format` an annotation).
    boon: Compiled,
    /// boon with its format assertions on, where the schema uses `format`.
    boon_formats: Option<Compiled>,
    /// boon on the schema with each pattern of [`PATTERN_DIALECT`] written in boon's dialect
    /// with its ECMA-262 meaning, where the schema has one.
    boon_ecma: Option<Compiled>,
    /// The data of the group's cases.
    cases: Vec<Value>,
    /// Every value the schema holds (keywords' numbers and strings, `const` and `enum`
    /// values), for drawn values to hit the schema's own.
    values: Vec<Value>,
    /// Every string the schema holds (member names among them), for drawn member names.
    names: Vec<String>,
    /// The formats the schema names.
    formats: Vec<Format>,
    /// The numbers of the schema's numeric keywords (bounds, `multipleOf`) and of its `const`
    /// and `enum` values, each with how boon uses it.
    numbers: Vec<(Use, Number)>,
}

/// Every accepted group, compiled by boon once.
static ACCEPTED: LazyLock<Vec<Group>> = LazyLock::new(|| {
    let mut files: Vec<(&str, Vec<super::SuiteGroup>)> = Vec::new();
    let mut accepted = Vec::new();
    for outcome in GROUPS {
        let Generated::Accepted(verdicts, raw_errors) = outcome.generated else {
            continue;
        };
        if files.last().is_none_or(|(file, _)| *file != outcome.file) {
            files.push((outcome.file, suite_groups(outcome.file)));
        }
        let group = &files.last().unwrap().1[outcome.index];
        let schema = &group.schema;
        let mut values = Vec::new();
        let mut names = Vec::new();
        collect(schema, &mut values, &mut names);
        let cases: Vec<Value> = group
            .tests
            .iter()
            .map(|case| serde_json::from_str(case.data.get()).unwrap())
            .collect();
        for case in &cases {
            collect_names(case, &mut names);
        }
        values.sort_by_key(ToString::to_string);
        values.dedup();
        names.sort();
        names.dedup();
        let mut patterns = Vec::new();
        every_pattern(schema, &mut patterns);
        let rewritten = patterns
            .iter()
            .any(|p| PATTERN_DIALECT.iter().any(|d| d.pattern == *p));
        let mut formats = Vec::new();
        let mut numbers = Vec::new();
        walk_schemas(schema, &mut |s| {
            if let Some(name) = s.get("format").and_then(Value::as_str) {
                formats.extend(Format::from_name(name));
            }
            for (keyword, used) in NUMERIC {
                if let Some(Value::Number(n)) = s.get(*keyword) {
                    numbers.push((*used, n.clone()));
                }
            }
            for keyword in ["const", "enum"] {
                if let Some(value) = s.get(keyword) {
                    every_number(value, &mut |n| numbers.push((Use::Equal, n.clone())));
                }
            }
        });
        accepted.push(Group {
            name: format!(
                "{} group {} ({:?})",
                outcome.file, outcome.index, group.description
            ),
            verdicts,
            raw_errors,
            boon: Compiled::new(schema.clone()),
            boon_formats: (!formats.is_empty())
                .then(|| Compiled::asserting_formats(schema.clone())),
            boon_ecma: rewritten.then(|| Compiled::new(in_boons_dialect(schema))),
            cases,
            values,
            names,
            formats,
            numbers,
        });
    }
    accepted
});

/// The schema's values (`values`: every scalar, and each value of `const` and `enum`) and
/// strings (`names`: member names and string values).
fn collect(schema: &Value, values: &mut Vec<Value>, names: &mut Vec<String>) {
    match schema {
        Value::Object(members) => {
            for (key, value) in members {
                names.push(key.clone());
                match key.as_str() {
                    "const" => values.push(value.clone()),
                    "enum" => values.extend(value.as_array().into_iter().flatten().cloned()),
                    _ => {}
                }
                collect(value, values, names);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect(item, values, names)),
        Value::String(text) => {
            names.push(text.clone());
            values.push(schema.clone());
        }
        Value::Number(_) | Value::Bool(_) | Value::Null => values.push(schema.clone()),
    }
}

/// The member names of a case's data.
fn collect_names(data: &Value, names: &mut Vec<String>) {
    match data {
        Value::Object(members) => {
            for (key, value) in members {
                names.push(key.clone());
                collect_names(value, names);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| collect_names(item, names)),
        _ => {}
    }
}

/// Every `pattern` and `patternProperties` key of the schema.
fn every_pattern(schema: &Value, found: &mut Vec<String>) {
    walk_schemas(schema, &mut |s| {
        if let Some(Value::String(p)) = s.get("pattern") {
            found.push(p.clone());
        }
        if let Some(Value::Object(map)) = s.get("patternProperties") {
            found.extend(map.keys().cloned());
        }
    });
}

/// Calls `visit` on every schema object of `schema` (the root and every sub-schema under the
/// keywords that hold schemas, as the generator lists them).
fn walk_schemas(schema: &Value, visit: &mut dyn FnMut(&Map<String, Value>)) {
    use xtask::codegen::refs::{SCHEMA_ARRAYS, SCHEMA_MAPS, SCHEMA_VALUES};
    let Value::Object(members) = schema else {
        return;
    };
    visit(members);
    for (key, value) in members {
        if SCHEMA_VALUES.contains(&key.as_str()) {
            walk_schemas(value, visit);
        } else if SCHEMA_ARRAYS.contains(&key.as_str()) {
            for item in value.as_array().into_iter().flatten() {
                walk_schemas(item, visit);
            }
        } else if SCHEMA_MAPS.contains(&key.as_str()) {
            for item in value.as_object().into_iter().flat_map(Map::values) {
                walk_schemas(item, visit);
            }
        }
    }
}

/// A pattern of an accepted group that boon reads otherwise than ECMA-262, and the same
/// pattern written so that boon's dialect gives it its ECMA-262 meaning.
struct Dialect {
    pattern: &'static str,
    in_boons_dialect: &'static str,
}

/// ECMA-262's `.`: any code point but the line terminators.
const ECMA_DOT: &str = r"[^\n\r\x{2028}\x{2029}]";

/// boon's pattern dialect (oracle.rs, `the_request_schemas_read_the_same_in_boons_dialect`):
/// it rewrites `\d`, `\w` and `\s` (its `\s` leaves out U+1680, U+2000-U+2002,
/// U+2004-U+200A, U+2028, U+202F, U+205F and U+3000) and leaves the rest in the `regex`
/// crate's meaning (`.` matches `\r`, U+2028 and U+2029). Every pattern of an accepted group
/// that uses such a construct, with its ECMA-262 meaning written out in boon's dialect; every
/// other pattern is in [`SAME_IN_BOTH`] (`every_pattern_is_read_alike_or_rewritten`).
const PATTERN_DIALECT: &[Dialect] = &[
    Dialect {
        pattern: "^.*bar$",
        in_boons_dialect: r"^[^\n\r\x{2028}\x{2029}]*bar$",
    },
    Dialect {
        pattern: "b.*",
        in_boons_dialect: r"b[^\n\r\x{2028}\x{2029}]*",
    },
    Dialect {
        pattern: "f.*",
        in_boons_dialect: r"f[^\n\r\x{2028}\x{2029}]*",
    },
    Dialect {
        pattern: "f.*o",
        in_boons_dialect: r"f[^\n\r\x{2028}\x{2029}]*o",
    },
    Dialect {
        pattern: "f.o",
        in_boons_dialect: r"f[^\n\r\x{2028}\x{2029}]o",
    },
    Dialect {
        pattern: r"^\s$",
        in_boons_dialect: r"^[\t\n\x0B\x0C\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]$",
    },
    Dialect {
        pattern: r"^\S$",
        in_boons_dialect: r"^[^\t\n\x0B\x0C\r \x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]$",
    },
];

/// The patterns of accepted groups that mean the same in ECMA-262 and in boon's dialect:
/// literals (`á`, `🐲` included), `^` and `$` (no multiline flag on either side), `*`, `+`,
/// `{m,}`, classes of literals, `\t`, `\cC` and `\cc` (boon rewrites a control escape to its
/// character), `\d`, `\D`, `\w`, `\W` (boon rewrites them to ECMA-262's ASCII classes) and
/// `\p{…}` (Unicode properties, unicode mode).
const SAME_IN_BOTH: &[&str] = &[
    "X_",
    "[0-9]{2,}",
    "[a-z]cole",
    r"\p{Letter}cole",
    r"\wcole",
    r"^\D$",
    r"^\W$",
    r"^\cC$",
    r"^\cc$",
    r"^\d$",
    r"^\d+$",
    r"^\p{Letter}+$",
    r"^\p{digit}+$",
    r"^\t$",
    r"^\w$",
    "^a*$",
    "^a+$",
    "^abc$",
    "^v",
    "^á",
    "^🐲*$",
    "a*",
    "a+",
    "aaa*",
];

#[test]
fn every_pattern_is_read_alike_or_rewritten() {
    let mut patterns: Vec<String> = Vec::new();
    for outcome in GROUPS {
        if let Generated::Accepted(..) = outcome.generated {
            let group = &suite_groups(outcome.file)[outcome.index];
            every_pattern(&group.schema, &mut patterns);
        }
    }
    patterns.sort();
    patterns.dedup();
    let mut listed: Vec<&str> = SAME_IN_BOTH
        .iter()
        .copied()
        .chain(PATTERN_DIALECT.iter().map(|d| d.pattern))
        .collect();
    listed.sort_unstable();
    assert_eq!(
        patterns, listed,
        "a pattern of an accepted group is in neither SAME_IN_BOTH nor PATTERN_DIALECT (check \
         what it means in boon's dialect), or a listed one is no longer used"
    );
    // The rewritten forms keep the constructs boon reads alike, and mean what ECMA-262 does
    // on the characters where the dialects part.
    for dialect in PATTERN_DIALECT {
        if !dialect.pattern.contains('\\') {
            assert_eq!(
                dialect.in_boons_dialect,
                dialect.pattern.replace('.', ECMA_DOT),
                "each `.` written as ECMA-262's"
            );
        }
    }
    let dot = regex::Regex::new(&format!("^{ECMA_DOT}$")).unwrap();
    for c in ['\n', '\r', '\u{2028}', '\u{2029}'] {
        assert!(!dot.is_match(&c.to_string()), "{c:?}");
    }
    assert!(dot.is_match("\u{85}") && dot.is_match("a"));
    let space = regex::Regex::new(PATTERN_DIALECT[5].in_boons_dialect).unwrap();
    for c in [
        '\u{1680}', '\u{2000}', '\u{200A}', '\u{2028}', '\u{202F}', '\u{205F}', '\u{3000}',
    ] {
        assert!(space.is_match(&c.to_string()), "{c:?}");
    }
    for c in ['\u{85}', '\u{180E}', '\u{200B}', 'a'] {
        assert!(!space.is_match(&c.to_string()), "{c:?}");
    }
}

/// The schema with each pattern of [`PATTERN_DIALECT`] replaced by its form in boon's dialect.
fn in_boons_dialect(schema: &Value) -> Value {
    let rewrite = |p: &str| {
        PATTERN_DIALECT
            .iter()
            .find(|d| d.pattern == p)
            .map_or(p, |d| d.in_boons_dialect)
            .to_owned()
    };
    fn walk(schema: &mut Value, rewrite: &dyn Fn(&str) -> String) {
        use xtask::codegen::refs::{SCHEMA_ARRAYS, SCHEMA_MAPS, SCHEMA_VALUES};
        let Value::Object(members) = schema else {
            return;
        };
        if let Some(Value::String(p)) = members.get_mut("pattern") {
            *p = rewrite(p);
        }
        if let Some(Value::Object(map)) = members.get_mut("patternProperties") {
            *map = std::mem::take(map)
                .into_iter()
                .map(|(k, v)| (rewrite(&k), v))
                .collect();
        }
        for (key, value) in members.iter_mut() {
            if SCHEMA_VALUES.contains(&key.as_str()) {
                walk(value, rewrite);
            } else if SCHEMA_ARRAYS.contains(&key.as_str()) {
                value
                    .as_array_mut()
                    .into_iter()
                    .flatten()
                    .for_each(|v| walk(v, rewrite));
            } else if SCHEMA_MAPS.contains(&key.as_str()) {
                value
                    .as_object_mut()
                    .into_iter()
                    .flat_map(|m| m.values_mut())
                    .for_each(|v| walk(v, rewrite));
            }
        }
    }
    let mut schema = schema.clone();
    walk(&mut schema, &rewrite);
    schema
}

/// How boon uses a number of the schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    /// `minimum`: the data must not be less.
    AtLeast,
    /// `maximum`.
    AtMost,
    /// `exclusiveMinimum`.
    Above,
    /// `exclusiveMaximum`.
    Below,
    /// `multipleOf`.
    Divisor,
    /// A number of a `const` or `enum` value.
    Equal,
}

/// The numeric keywords and their use.
const NUMERIC: &[(&str, Use)] = &[
    ("minimum", Use::AtLeast),
    ("maximum", Use::AtMost),
    ("exclusiveMinimum", Use::Above),
    ("exclusiveMaximum", Use::Below),
    ("multipleOf", Use::Divisor),
];

/// Calls `visit` on every number within `value`.
fn every_number(value: &Value, visit: &mut dyn FnMut(&Number)) {
    match value {
        Value::Number(n) => visit(n),
        Value::Array(items) => items.iter().for_each(|v| every_number(v, visit)),
        Value::Object(members) => members.values().for_each(|v| every_number(v, visit)),
        _ => {}
    }
}

/// boon decides every numeric keyword in `f64` (`numf < minf`, `(numf / mulf).fract() != 0`,
/// `==` on floats), so where a number is not an `f64` (an integer beyond 2^53) or a quotient
/// is not exact (`0.075 / 0.0001`) its answer is not JSON Schema's; ours is exact (integers as
/// integers, `multipleOf` on decimal values: README). Whether boon's `f64` answer and the exact
/// one part ways for `data` (a number of the document) against `n` (a number of the schema).
fn f64_parts_ways(data: &Number, used: Use, n: &Number) -> bool {
    let (Some(x), Some(c)) = (data.as_f64(), n.as_f64()) else {
        return false;
    };
    let exact = exact_cmp(data, n);
    match used {
        Use::AtLeast => (x < c) != (exact == Ordering::Less),
        Use::AtMost => (x > c) != (exact == Ordering::Greater),
        Use::Above => (x <= c) != (exact != Ordering::Greater),
        Use::Below => (x >= c) != (exact != Ordering::Less),
        Use::Divisor => {
            let boon = (x / c).fract() == 0.0;
            decimal_multiple(data, n).is_some_and(|exact| exact != boon)
        }
        Use::Equal => {
            // boon compares two `u64`s or two `i64`s exactly, anything else as `f64`s.
            let boon = match (data.as_u64(), n.as_u64(), data.as_i64(), n.as_i64()) {
                (Some(a), Some(b), ..) => a == b,
                (_, _, Some(a), Some(b)) => a == b,
                _ => x == c,
            };
            boon != (exact == Ordering::Equal)
        }
    }
}

/// Two JSON numbers compared exactly (an integer against a float by their exact values).
fn exact_cmp(a: &Number, b: &Number) -> Ordering {
    fn int(n: &Number) -> Option<i128> {
        n.as_i64()
            .map(i128::from)
            .or_else(|| n.as_u64().map(i128::from))
    }
    /// An integer against a finite float.
    fn int_float(i: i128, f: f64) -> Ordering {
        if f >= 2f64.powi(100) {
            return Ordering::Less;
        }
        if f <= -(2f64.powi(100)) {
            return Ordering::Greater;
        }
        // `f` as an integer is exact here (a float's integral part fits 128 bits).
        let whole = f.trunc() as i128;
        i.cmp(&whole)
            .then_with(|| 0f64.partial_cmp(&f.fract()).unwrap())
    }
    match (int(a), int(b)) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(a), None) => int_float(a, b.as_f64().unwrap()),
        (None, Some(b)) => int_float(b, a.as_f64().unwrap()).reverse(),
        (None, None) => a.as_f64().unwrap().total_cmp(&b.as_f64().unwrap()),
    }
}

/// Whether `value` is a multiple of `divisor`, on the decimal values their JSON text writes;
/// `None` where the digits do not fit this test's arithmetic.
fn decimal_multiple(value: &Number, divisor: &Number) -> Option<bool> {
    /// The number's text as `digits × 10^exponent` (its sign dropped).
    fn decimal(n: &Number) -> Option<(u128, i32)> {
        let text = n.to_string();
        let text = text.trim_start_matches('-');
        let (mantissa, exponent) = match text.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.parse::<i32>().ok()?),
            None => (text, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let digits: u128 = format!("{whole}{fraction}").parse().ok()?;
        Some((digits, exponent - i32::try_from(fraction.len()).ok()?))
    }
    let (m1, e1) = decimal(value)?;
    let (m2, e2) = decimal(divisor)?;
    if m2 == 0 || m2 > u128::from(u64::MAX) {
        return None;
    }
    if m1 == 0 {
        return Some(true);
    }
    if e1 >= e2 {
        // m1 × 10^k mod m2, in steps that fit (m2 < 2^64).
        let mut rest = m1 % m2;
        for _ in 0..(e1 - e2) {
            rest = rest * 10 % m2;
        }
        Some(rest == 0)
    } else {
        let scale = 10u128.checked_pow(u32::try_from(e2 - e1).ok()?)?;
        Some(m1 % scale == 0 && (m1 / scale) % m2 == 0)
    }
}

/// A string on which boon's checker of a format decides otherwise than ours, where boon's
/// checker is not the standard's.
struct FormatLimit {
    format: Format,
    /// How boon's checker differs.
    why: &'static str,
    /// Whether that difference is the one on this string.
    applies: fn(&str) -> bool,
}

/// boon's format checkers, where they part from the standards that ours follow (each held to
/// the suite by `every_format_checker_agrees_with_the_suite`).
const FORMAT_LIMITS: &[FormatLimit] = &[
    FormatLimit {
        format: Format::Regex,
        why: "boon checks `format: regex` by the `regex` crate's parser (after rewriting a few \
              ECMA-262 escapes), which takes what ECMA-262 (unicode mode) refuses, such as \
              inline flags `(?i)`, Python's `(?P<n>…)` and a lone `]`, and refuses what it takes \
              (lookaround, backreferences)",
        applies: |s| regex::Regex::new(s).is_ok() != formats::check(Format::Regex, s).is_ok(),
    },
    FormatLimit {
        format: Format::Duration,
        why: "boon takes a duration whose units skip one of RFC 3339 Appendix A's chain (`P1Y2D`, \
              `PT1H2S`: after `Y` comes `M`, after `H` comes `M`), where the ABNF has no such \
              form",
        applies: |s| {
            skipped_units_filled(s)
                .is_some_and(|filled| formats::check(Format::Duration, &filled).is_ok())
        },
    },
    FormatLimit {
        format: Format::Hostname,
        why: "boon takes a trailing dot (`example.`, a fully qualified name's empty root \
              label), which an RFC 1123 host name has not (the suite's `hostname.json`: \
              \"trailing dot\" is invalid)",
        applies: |s| {
            s.strip_suffix('.')
                .is_some_and(|name| formats::check(Format::Hostname, name).is_ok())
        },
    },
    FormatLimit {
        format: Format::Email,
        why: "boon checks an e-mail address's domain as its host name, so it takes a trailing \
              dot there too (`a@example.`)",
        applies: |s| {
            s.strip_suffix('.')
                .is_some_and(|address| formats::check(Format::Email, address).is_ok())
        },
    },
    FormatLimit {
        format: Format::Email,
        why: "boon takes an empty local part (`@example.com`), which RFC 5321's `Dot-string` \
              (one atom at least) has not",
        applies: |s| s.starts_with('@') && formats::check(Format::Email, &format!("a{s}")).is_ok(),
    },
    FormatLimit {
        format: Format::Email,
        why: "boon takes any character in a quoted local part but `\\` and `\"` \
              (`\"éoe bloggs\"@example.com`), where RFC 5321's is printable ASCII with a \
              backslash before any of it (`qtextSMTP`, `quoted-pairSMTP`)",
        applies: |s| {
            s.rsplit_once('@').is_some_and(|(local, domain)| {
                let quoted = local
                    .strip_prefix('"')
                    .and_then(|l| l.strip_suffix('"'))
                    .filter(|_| local.len() > 1);
                quoted.is_some_and(|q| q.chars().any(|c| !(' '..='~').contains(&c) || c == '\\'))
                    && formats::check(Format::Email, &format!("\"a\"@{domain}")).is_ok()
            })
        },
    },
];

/// A duration with `0` written for each unit that the units present skip (`P1Y2D` →
/// `P1Y0M2D`), or `None` where there is no such unit or the text is no list of numbers and
/// units.
fn skipped_units_filled(s: &str) -> Option<String> {
    let body = s.strip_prefix('P')?;
    let mut out = String::from("P");
    let mut filled = false;
    for (i, part) in body.split('T').enumerate() {
        let units = ["YMD", "HMS"].get(i)?;
        if i == 1 {
            out.push('T');
        }
        let mut last: Option<usize> = None;
        let mut rest = part;
        while !rest.is_empty() {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            let unit = rest[digits..].chars().next()?;
            let at = units.find(unit)?;
            if digits == 0 || last.is_some_and(|last| at <= last) {
                return None;
            }
            if let Some(last) = last {
                for skipped in units[last + 1..at].chars() {
                    out.push('0');
                    out.push(skipped);
                    filled = true;
                }
            }
            out.push_str(&rest[..=digits]);
            last = Some(at);
            rest = &rest[digits + 1..];
        }
    }
    filled.then_some(out)
}

/// boon's checker of each format (its format assertions on), on a string alone.
static BOON_FORMATS: LazyLock<Vec<(Format, Compiled)>> = LazyLock::new(|| {
    Format::ALL
        .iter()
        .map(|f| {
            (
                *f,
                Compiled::asserting_formats(json!({ "format": f.name() })),
            )
        })
        .collect()
});

/// Why this disagreement on `document`'s data is one of this crate's deliberate differences,
/// or a limit of boon's, if it is: each reason by a rule that holds only for it.
fn deliberate(group: &Group, document: &Value, ours: bool) -> Option<&'static str> {
    let data = &document["value"];
    // `format` asserts here: boon with its format assertions on agrees.
    if let Some(formats) = &group.boon_formats {
        if formats.is_valid(data) == ours {
            return Some(FORMAT_ASSERTS);
        }
        // Or boon's checker differs from ours on a string of the data, each such string in a
        // way FORMAT_LIMITS names.
        let mut strings = Vec::new();
        every_string(data, &mut strings);
        let mut limits = Vec::new();
        for format in &group.formats {
            let boon = &BOON_FORMATS.iter().find(|(f, _)| f == format).unwrap().1;
            for s in &strings {
                if boon.is_valid(&Value::from(*s)) != formats::check(*format, s).is_ok() {
                    limits.push(
                        FORMAT_LIMITS
                            .iter()
                            .find(|l| l.format == *format && (l.applies)(s)),
                    );
                }
            }
        }
        if let [Some(limit), ..] = limits[..]
            && limits.iter().all(Option::is_some)
        {
            return Some(limit.why);
        }
    }
    // A pattern boon reads in its own dialect: boon agrees once the pattern is written in it.
    if let Some(ecma) = &group.boon_ecma
        && ecma.is_valid(data) == ours
    {
        return Some(PATTERN_DIALECT_REASON);
    }
    // boon's numbers are `f64`s: a number of the data on which its arithmetic and the exact
    // one part ways against a number of the schema.
    let mut parts_ways = false;
    every_number(data, &mut |x| {
        parts_ways |= group
            .numbers
            .iter()
            .any(|(used, n)| f64_parts_ways(x, *used, n));
    });
    if parts_ways {
        return Some(F64);
    }
    // An integer member is an `i64`: we refuse, and every error is an integer member's type
    // error on a number that JSON Schema calls an integer (`1.0`, `1e2`, beyond 64 bits).
    if !ours {
        let errors = (group.raw_errors)(document.to_string().as_bytes());
        let integral = |e: &ValidationError| {
            matches!(
                e.kind(),
                // `integer (int64)`, `integer (int32)`: a member of a Rust integer type.
                ErrorKind::Type { expected, actual }
                    if expected.starts_with("integer (")
                        && (*actual == "number" || *actual == "integer out of range")
            ) && document
                .pointer(e.path())
                .and_then(Value::as_f64)
                .is_some_and(|x| x.fract() == 0.0)
        };
        if !errors.is_empty() && errors.iter().all(integral) {
            return Some(I64);
        }
    }
    None
}

const PATTERN_DIALECT_REASON: &str =
    "boon reads this pattern in its own dialect, not as ECMA-262 (PATTERN_DIALECT)";

const F64: &str = "boon decides numeric keywords in `f64` arithmetic; ours are exact";

/// Every string within `value`: its strings and its member names.
fn every_string<'a>(value: &'a Value, found: &mut Vec<&'a str>) {
    match value {
        Value::String(s) => found.push(s),
        Value::Array(items) => items.iter().for_each(|v| every_string(v, found)),
        Value::Object(members) => {
            for (key, v) in members {
                found.push(key);
                every_string(v, found);
            }
        }
        _ => {}
    }
}

/// The check of one document on one group: `Ok` when both agree or a rule explains the
/// difference, else what each says.
fn check(group: &Group, data: &Value) -> Result<(), String> {
    let document = json!({ "value": data });
    let text = document.to_string();
    let verdicts = std::panic::catch_unwind(|| (group.verdicts)(text.as_bytes()))
        .map_err(|_| format!("{}: a check panicked on {text}", group.name))?;
    if !verdicts.one() {
        return Err(format!(
            "{}: the paths disagree with each other on {text}: {verdicts:?}",
            group.name
        ));
    }
    let theirs = group.boon.is_valid(data);
    if verdicts.raw == theirs {
        return Ok(());
    }
    if deliberate(group, &document, verdicts.raw).is_some() {
        return Ok(());
    }
    let errors: Vec<String> = (group.raw_errors)(text.as_bytes())
        .iter()
        .map(|e| format!("{} {}", e.path(), e.code()))
        .collect();
    Err(format!(
        "{}: {text} is {} here (raw errors {errors:?}), {} to boon",
        group.name,
        if verdicts.raw { "valid" } else { "invalid" },
        if theirs { "valid" } else { "invalid" },
    ))
}

// ---- The documents ----

/// A member name: one of the group's strings, or any short text.
#[derive(Clone, Debug)]
enum Name {
    Group(Index),
    Text(String),
}

/// A value drawn before its group is known (the group's values are picked by index).
#[derive(Clone, Debug)]
enum Gen {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    /// One of the group's own values.
    Group(Index),
    Array(Vec<Gen>),
    Object(Vec<(Name, Gen)>),
}

/// The numbers where arithmetic, `f64` and `i64` part ways.
const SPECIAL: &[&str] = &[
    "9007199254740991",
    "9007199254740992",
    "9007199254740993",
    "-9007199254740993",
    "9007199254740992.0",
    "-0",
    "-0.0",
    "0.0",
    "9223372036854775807",
    "-9223372036854775808",
    "9223372036854775808",
    "18446744073709551615",
    "1e300",
    "0.1",
    "1e-7",
];

/// A code point of each UTF-8 width, an astral one, and a combining mark.
const CHARS: &[char] = &[
    'a', 'é', '€', '😀', '\u{301}', ' ', '0', '\r', '\u{2028}', '\u{1680}', '.',
];

/// Strings where ECMA-262, the `regex` crate and the formats part ways: line terminators and
/// the white space boon's `\s` leaves out, a combining mark, an astral letter, digits of
/// other scripts.
const TEXTS: &[&str] = &[
    "\r", "\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{1680}", "\u{2000}", "\u{3000}", "\u{FEFF}",
    "\u{A0}", "e\u{301}", "𝔸", "٣", "ǅ", "_", "",
];

/// One change to the document, at the node `at` picks among the nodes it applies to.
#[derive(Clone, Debug)]
enum Op {
    /// A number plus this (±1, ±0.5).
    Shift(f64),
    Times10,
    /// A number set to one of [`SPECIAL`].
    Special(Index),
    /// An integer written as a float (`1` → `1.0`), or a float with no fraction as an integer.
    Retype,
    /// A string or a member name with this code point added at its end (`true`) or start.
    Grow(Text, char, bool),
    /// A string or a member name with its last (`true`) or first code point removed.
    Shrink(Text, bool),
    /// A string or a member name with the code point at this index replaced.
    Swap(Text, Index, char),
    AddMember(Name, Gen),
    RemoveMember(Index),
    RenameMember(Index, Name),
    NullMember(Index),
    DuplicateItem(Index),
    RemoveItem(Index),
    AppendItem(Gen),
    /// The value as the one item of an array.
    NestInArray,
    /// The value as the one member of an object.
    NestInObject(Name),
    Replace(Gen),
}

/// The text an edit changes: the string the node is, or a member name of the object it is.
#[derive(Clone, Debug)]
enum Text {
    Value,
    Name(Index),
}

/// Where a document starts.
#[derive(Clone, Debug)]
enum Start {
    Case(Index),
    Drawn(Gen),
}

fn name() -> impl Strategy<Value = Name> {
    prop_oneof![
        3 => any::<Index>().prop_map(Name::Group),
        1 => "[a-z]{0,3}|\\PC{0,3}".prop_map(Name::Text),
        1 => proptest::sample::select(TEXTS).prop_map(|t| Name::Text(t.to_owned())),
    ]
}

fn gen_value() -> impl Strategy<Value = Gen> {
    let leaf = prop_oneof![
        1 => Just(Gen::Null),
        1 => any::<bool>().prop_map(Gen::Bool),
        1 => (-3i64..12).prop_map(Gen::Int),
        1 => any::<i64>().prop_map(Gen::Int),
        1 => prop_oneof![Just(0.5), Just(-1.5), Just(2.0), Just(1e-3), -1e3f64..1e3]
            .prop_map(Gen::Float),
        1 => "\\PC{0,4}".prop_map(Gen::Text),
        1 => proptest::sample::select(TEXTS).prop_map(|t| Gen::Text(t.to_owned())),
        4 => any::<Index>().prop_map(Gen::Group),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Gen::Array),
            proptest::collection::vec((name(), inner), 0..3).prop_map(Gen::Object),
        ]
    })
}

fn text() -> impl Strategy<Value = Text> {
    prop_oneof![
        2 => Just(Text::Value),
        1 => any::<Index>().prop_map(Text::Name),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        prop_oneof![Just(1.0), Just(-1.0), Just(0.5), Just(-0.5)].prop_map(Op::Shift),
        Just(Op::Times10),
        any::<Index>().prop_map(Op::Special),
        Just(Op::Retype),
        (text(), proptest::sample::select(CHARS), any::<bool>())
            .prop_map(|(t, c, end)| Op::Grow(t, c, end)),
        (text(), any::<bool>()).prop_map(|(t, end)| Op::Shrink(t, end)),
        (text(), any::<Index>(), proptest::sample::select(CHARS))
            .prop_map(|(t, i, c)| Op::Swap(t, i, c)),
        (name(), gen_value()).prop_map(|(n, v)| Op::AddMember(n, v)),
        any::<Index>().prop_map(Op::RemoveMember),
        (any::<Index>(), name()).prop_map(|(i, n)| Op::RenameMember(i, n)),
        any::<Index>().prop_map(Op::NullMember),
        any::<Index>().prop_map(Op::DuplicateItem),
        any::<Index>().prop_map(Op::RemoveItem),
        gen_value().prop_map(Op::AppendItem),
        Just(Op::NestInArray),
        name().prop_map(Op::NestInObject),
        gen_value().prop_map(Op::Replace),
    ]
}

/// A document's recipe: the group, where it starts, and the changes with the node each picks.
fn recipe() -> impl Strategy<Value = (Index, Start, Vec<(Index, Op)>)> {
    (
        any::<Index>(),
        prop_oneof![
            3 => any::<Index>().prop_map(Start::Case),
            1 => gen_value().prop_map(Start::Drawn),
        ],
        proptest::collection::vec((any::<Index>(), op()), 0..5),
    )
}

impl Group {
    fn name_of(&self, name: &Name) -> String {
        match name {
            Name::Group(i) if !self.names.is_empty() => {
                self.names[i.index(self.names.len())].clone()
            }
            Name::Group(_) => "foo".to_owned(),
            Name::Text(text) => text.clone(),
        }
    }

    fn value_of(&self, drawn: &Gen) -> Value {
        match drawn {
            Gen::Null => Value::Null,
            Gen::Bool(b) => Value::Bool(*b),
            Gen::Int(i) => Value::from(*i),
            Gen::Float(x) => Number::from_f64(*x).map_or(Value::Null, Value::Number),
            Gen::Text(text) => Value::String(text.clone()),
            Gen::Group(i) if !self.values.is_empty() => {
                self.values[i.index(self.values.len())].clone()
            }
            Gen::Group(_) => Value::Null,
            Gen::Array(items) => Value::Array(items.iter().map(|g| self.value_of(g)).collect()),
            Gen::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(n, g)| (self.name_of(n), self.value_of(g)))
                    .collect(),
            ),
        }
    }

    /// The data a recipe makes for this group.
    fn data(&self, start: &Start, ops: &[(Index, Op)]) -> Value {
        let mut data = match start {
            Start::Case(i) if !self.cases.is_empty() => {
                self.cases[i.index(self.cases.len())].clone()
            }
            Start::Case(_) => Value::Null,
            Start::Drawn(drawn) => self.value_of(drawn),
        };
        for (at, op) in ops {
            self.apply(&mut data, *at, op);
        }
        data
    }

    fn apply(&self, data: &mut Value, at: Index, op: &Op) {
        let applies: fn(&Value) -> bool = match op {
            Op::Shift(_) | Op::Times10 | Op::Special(_) | Op::Retype => Value::is_number,
            Op::Grow(Text::Value, ..) | Op::Shrink(Text::Value, _) | Op::Swap(Text::Value, ..) => {
                Value::is_string
            }
            Op::Grow(Text::Name(_), ..)
            | Op::Shrink(Text::Name(_), _)
            | Op::Swap(Text::Name(_), ..) => |v| v.as_object().is_some_and(|m| !m.is_empty()),
            Op::AddMember(..) | Op::RemoveMember(_) | Op::RenameMember(..) | Op::NullMember(_) => {
                Value::is_object
            }
            Op::DuplicateItem(_) | Op::RemoveItem(_) | Op::AppendItem(_) => Value::is_array,
            Op::NestInArray | Op::NestInObject(_) | Op::Replace(_) => |_| true,
        };
        let mut nodes = Vec::new();
        pointers(data, String::new(), &mut |pointer, value| {
            if applies(value) {
                nodes.push(pointer);
            }
        });
        if nodes.is_empty() {
            return;
        }
        let node = data.pointer_mut(&nodes[at.index(nodes.len())]).unwrap();
        match op {
            Op::Shift(by) => *node = shift(node, *by),
            Op::Times10 => *node = times10(node),
            Op::Special(i) => {
                *node = serde_json::from_str(SPECIAL[i.index(SPECIAL.len())]).unwrap();
            }
            Op::Retype => *node = retype(node),
            Op::Grow(text, c, end) => edit(node, text, |chars| {
                if *end {
                    chars.push(*c);
                } else {
                    chars.insert(0, *c);
                }
            }),
            Op::Shrink(text, end) => edit(node, text, |chars| {
                if *end {
                    chars.pop();
                } else if !chars.is_empty() {
                    chars.remove(0);
                }
            }),
            Op::Swap(text, at, c) => edit(node, text, |chars| {
                if !chars.is_empty() {
                    let at = at.index(chars.len());
                    chars[at] = *c;
                }
            }),
            Op::AddMember(name, drawn) => {
                let value = self.value_of(drawn);
                node.as_object_mut()
                    .unwrap()
                    .insert(self.name_of(name), value);
            }
            Op::RemoveMember(i) | Op::NullMember(i) | Op::RenameMember(i, _) => {
                let members = node.as_object_mut().unwrap();
                if members.is_empty() {
                    return;
                }
                let key = members.keys().nth(i.index(members.len())).unwrap().clone();
                match op {
                    Op::NullMember(_) => members[&key] = Value::Null,
                    Op::RenameMember(_, name) => {
                        let value = members.remove(&key).unwrap();
                        members.insert(self.name_of(name), value);
                    }
                    _ => {
                        members.remove(&key);
                    }
                }
            }
            Op::DuplicateItem(i) | Op::RemoveItem(i) => {
                let items = node.as_array_mut().unwrap();
                if items.is_empty() {
                    return;
                }
                let i = i.index(items.len());
                if matches!(op, Op::DuplicateItem(_)) {
                    items.insert(i, items[i].clone());
                } else {
                    items.remove(i);
                }
            }
            Op::AppendItem(drawn) => {
                let value = self.value_of(drawn);
                node.as_array_mut().unwrap().push(value);
            }
            Op::NestInArray => *node = Value::Array(vec![node.take()]),
            Op::NestInObject(name) => {
                let name = self.name_of(name);
                *node = Value::Object(Map::from_iter([(name, node.take())]));
            }
            Op::Replace(drawn) => *node = self.value_of(drawn),
        }
    }
}

/// `node` with the text `text` names (the string it is, or one of its member names) changed
/// by `change`, on its code points.
fn edit(node: &mut Value, text: &Text, change: impl FnOnce(&mut Vec<char>)) {
    match (text, node) {
        (Text::Value, Value::String(s)) => {
            let mut chars: Vec<char> = s.chars().collect();
            change(&mut chars);
            *s = chars.into_iter().collect();
        }
        (Text::Name(i), Value::Object(members)) => {
            let key = members.keys().nth(i.index(members.len())).unwrap().clone();
            let mut chars: Vec<char> = key.chars().collect();
            change(&mut chars);
            let value = members.remove(&key).unwrap();
            members.insert(chars.into_iter().collect(), value);
        }
        _ => unreachable!("the node was picked for the edit"),
    }
}

/// Calls `visit` with the JSON Pointer of every node of `value` (itself first).
fn pointers(value: &Value, at: String, visit: &mut dyn FnMut(String, &Value)) {
    visit(at.clone(), value);
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), visit);
            }
        }
        Value::Object(members) => {
            for (key, item) in members {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(item, format!("{at}/{key}"), visit);
            }
        }
        _ => {}
    }
}

/// An integer as an `i128`, if the number is one written without a fraction.
fn integer(value: &Value) -> Option<i128> {
    value
        .as_i64()
        .map(i128::from)
        .or_else(|| value.as_u64().map(i128::from))
}

/// An `i128` as a JSON integer where it fits 64 bits, else the nearest `f64`.
fn from_i128(n: i128) -> Value {
    i64::try_from(n)
        .map(Value::from)
        .or_else(|_| u64::try_from(n).map(Value::from))
        .unwrap_or_else(|_| float(n as f64))
}

/// A float as a JSON number, or `null` where it is not finite (JSON has no such number).
fn float(x: f64) -> Value {
    Number::from_f64(x).map_or(Value::Null, Value::Number)
}

fn shift(value: &Value, by: f64) -> Value {
    match integer(value) {
        Some(n) if by.fract() == 0.0 => from_i128(n + by as i128),
        _ => float(value.as_f64().unwrap() + by),
    }
}

fn times10(value: &Value) -> Value {
    match integer(value) {
        Some(n) => from_i128(n * 10),
        None => float(value.as_f64().unwrap() * 10.0),
    }
}

/// `1` → `1.0`; `1.0` → `1` (where it fits 64 bits); any other number as it was.
fn retype(value: &Value) -> Value {
    match integer(value) {
        Some(n) => float(n as f64),
        None => {
            let x = value.as_f64().unwrap();
            if x.fract() == 0.0 && x.abs() < 9.2e18 {
                from_i128(x as i128)
            } else {
                value.clone()
            }
        }
    }
}

fn config() -> Config {
    Config {
        cases: m3ter_workspace_tests::proptest_cases(3000),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "../proptest-regressions/compliance_differential.txt",
        ))),
        ..Config::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn accepted_groups_agree_with_boon((group, start, ops) in recipe()) {
        let group = &ACCEPTED[group.index(ACCEPTED.len())];
        let data = group.data(&start, &ops);
        if let Err(failure) = check(group, &data) {
            return Err(TestCaseError::fail(failure));
        }
    }
}

/// The group of `name`'s start (`file group index`).
fn accepted(name: &str) -> &'static Group {
    ACCEPTED
        .iter()
        .find(|g| g.name.starts_with(&format!("{name} (")))
        .unwrap_or_else(|| panic!("no accepted group {name}"))
}

#[test]
fn a_model_held_to_another_schema_fails() {
    // `{"type": "integer"}`'s model, held to `{"type": "string"}`: every verdict differs, and no
    // rule explains it.
    let integer = accepted("type.json group 0");
    let other = Group {
        name: "type.json group 0 against a string schema".to_owned(),
        verdicts: integer.verdicts,
        raw_errors: integer.raw_errors,
        boon: Compiled::new(json!({"type": "string"})),
        boon_formats: None,
        boon_ecma: None,
        cases: Vec::new(),
        values: Vec::new(),
        names: Vec::new(),
        formats: Vec::new(),
        numbers: Vec::new(),
    };
    let failure = check(&other, &json!(1)).unwrap_err();
    assert!(
        failure.contains(r#"{"value":1} is valid here"#),
        "{failure}"
    );
    let failure = check(&other, &json!("a")).unwrap_err();
    assert!(
        failure.contains(r#"is invalid here (raw errors ["/value type"]), valid to boon"#),
        "{failure}"
    );
    // The model against its own schema: agreement, and `1.0` a deliberate difference.
    assert_eq!(check(integer, &json!(1)), Ok(()));
    assert_eq!(check(integer, &json!(1.5)), Ok(()));
    let one = json!({"value": 1.0});
    assert!(integer.boon.is_valid(&one["value"]));
    assert_eq!(deliberate(integer, &one, false), Some(I64));
    // Not for a value that is no integer to JSON Schema either, nor for another error.
    assert_eq!(deliberate(integer, &json!({"value": 1.5}), false), None);
    assert_eq!(deliberate(integer, &json!({"value": "1"}), false), None);
}

#[test]
fn each_rule_explains_its_own_difference_only() {
    // `format` asserts: boon's assertions agree.
    let uuid = accepted("optional/format/uuid.json group 0");
    let bad = json!({"value": "not-a-uuid"});
    assert_eq!(deliberate(uuid, &bad, false), Some(FORMAT_ASSERTS));
    // Not where ours would take what boon's assertions refuse.
    assert_eq!(deliberate(uuid, &bad, true), None);
    // boon's checkers' own limits, each on its strings.
    let duration = accepted("optional/format/duration.json group 0");
    assert_eq!(
        deliberate(duration, &json!({"value": "P1Y2D"}), false),
        Some(FORMAT_LIMITS[1].why)
    );
    let hostname = accepted("optional/format/hostname.json group 0");
    assert_eq!(
        deliberate(hostname, &json!({"value": "example."}), false),
        Some(FORMAT_LIMITS[2].why)
    );
    let email = accepted("optional/format/email.json group 0");
    assert_eq!(
        deliberate(email, &json!({"value": "@example.com"}), false),
        Some(FORMAT_LIMITS[4].why)
    );
    assert_eq!(
        deliberate(
            email,
            &json!({"value": "\"éoe bloggs\"@example.com"}),
            false
        ),
        Some(FORMAT_LIMITS[5].why)
    );
    let regex = accepted("optional/format/ecmascript-regex.json group 2");
    assert_eq!(
        deliberate(regex, &json!({"value": "(?i)abc"}), false),
        Some(FORMAT_LIMITS[0].why)
    );
    // boon's dialect: its `.` matches `\r`, so `f.*o` (integers) holds `f\ro` there; not in
    // ECMA-262.
    let dot = accepted("patternProperties.json group 0");
    let document = json!({"value": {"f\ro": "not an integer"}});
    assert!(!dot.boon.is_valid(&document["value"]));
    assert_eq!(
        deliberate(dot, &document, true),
        Some(PATTERN_DIALECT_REASON)
    );
    assert_eq!(deliberate(dot, &document, false), None);
    // boon's `f64`s: 2^53 is no multiple of 1.5, yet boon's quotient has no fraction.
    let by_number = accepted("multipleOf.json group 1");
    let big = json!({"value": 9_007_199_254_740_992_u64});
    assert!(by_number.boon.is_valid(&big["value"]));
    assert_eq!(deliberate(by_number, &big, false), Some(F64));
    assert_eq!(deliberate(by_number, &json!({"value": 4}), false), None);
}

#[test]
fn boons_arithmetic_parts_ways_only_where_f64_does() {
    let n = |text: &str| serde_json::from_str::<Number>(text).unwrap();
    // 2^53 / 1.5 and 2^64 - 1 over 2 have no fraction in f64; neither is a multiple.
    assert!(f64_parts_ways(
        &n("9007199254740992"),
        Use::Divisor,
        &n("1.5")
    ));
    assert!(f64_parts_ways(
        &n("18446744073709551615"),
        Use::Divisor,
        &n("2")
    ));
    // 0.075 is 750 × 0.0001; in f64 the quotient is 749.9999999999999.
    assert!(f64_parts_ways(&n("0.075"), Use::Divisor, &n("0.0001")));
    // The float 2^64 is above the integer 2^64 - 1; as f64s they are equal.
    let max = n("18446744073709551615");
    assert!(f64_parts_ways(
        &n("1.8446744073709552e19"),
        Use::AtMost,
        &max
    ));
    assert!(f64_parts_ways(
        &n("9007199254740993"),
        Use::Equal,
        &n("9007199254740992.0")
    ));
    // Where f64 is exact, never.
    assert!(!f64_parts_ways(&n("4.5"), Use::Divisor, &n("1.5")));
    assert!(!f64_parts_ways(&n("35"), Use::Divisor, &n("1.5")));
    assert!(!f64_parts_ways(&n("3"), Use::AtMost, &n("3")));
    assert!(!f64_parts_ways(&n("3.0"), Use::Equal, &n("3")));
    assert!(!f64_parts_ways(&n("2.5"), Use::Below, &n("3")));
    assert_eq!(decimal_multiple(&n("1e300"), &n("1.5")), Some(false));
    assert_eq!(decimal_multiple(&n("1e300"), &n("2.5")), Some(true));
    assert_eq!(decimal_multiple(&n("19.99"), &n("0.01")), Some(true));
    assert_eq!(decimal_multiple(&n("-0.0"), &n("3")), Some(true));
    assert_eq!(decimal_multiple(&n("0.0075"), &n("0.001")), Some(false));
    assert_eq!(
        exact_cmp(&n("9007199254740993"), &n("9007199254740992.0")),
        Ordering::Greater
    );
    assert_eq!(exact_cmp(&n("-1"), &n("-0.5")), Ordering::Less);
    assert_eq!(exact_cmp(&n("3"), &n("3.0")), Ordering::Equal);
}

#[test]
fn a_skipped_duration_unit_is_written_as_zero() {
    assert_eq!(skipped_units_filled("P1Y2D").as_deref(), Some("P1Y0M2D"));
    assert_eq!(skipped_units_filled("PT1H2S").as_deref(), Some("PT1H0M2S"));
    assert_eq!(
        skipped_units_filled("P1YT1H2S").as_deref(),
        Some("P1YT1H0M2S")
    );
    // Nothing skipped, or no list of units in order: none.
    assert_eq!(skipped_units_filled("P1Y2M"), None);
    assert_eq!(skipped_units_filled("P1W"), None);
    assert_eq!(skipped_units_filled("P2D1Y"), None);
    assert_eq!(skipped_units_filled("1Y2D"), None);
    assert_eq!(skipped_units_filled("PY2D"), None);
    assert_eq!(skipped_units_filled("P1Y1Y"), None);
}
