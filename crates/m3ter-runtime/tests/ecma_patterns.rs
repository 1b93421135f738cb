//! A `pattern` means what ECMA-262 says: the runtime's `Pattern` (the pattern translated by
//! `m3ter_vocab::pattern::translate`, matched by the `regex` crate) is held to an ECMAScript
//! engine, `regress` with the unicode flag, on random patterns from a small grammar and random
//! strings over an alphabet with the characters where the dialects differ (`\r`, `\n`,
//! U+2028, U+00A0, `é`, digits, `_`, …). Also: the issue's cases, and every Unicode property
//! name the translation accepts compiles with `regex`.
//!
//! Case counts are sized for CI; `M3TER_PROPTEST_CASES=10000` raises them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_runtime::rules::Pattern;
use m3ter_vocab::pattern::{translate, unicode};
use proptest::prelude::*;
use proptest::sample::select;

/// The proptest case count: `M3TER_PROPTEST_CASES` when set, else `default` (sized for CI).
fn cases(default: u32) -> u32 {
    std::env::var("M3TER_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What ECMA-262 says: `regress` with the unicode flag, searching (as `RegExp.prototype.test`).
fn ecma(pattern: &str, value: &str) -> bool {
    let regex = regress::Regex::with_flags(pattern, "u")
        .unwrap_or_else(|e| panic!("regress refuses {pattern:?}: {e}"));
    regex.find(value).is_some()
}

/// The runtime's `Pattern` for `pattern` (translated, then compiled by `regex`, on first use).
fn ours(pattern: &str) -> Pattern {
    Pattern::new(Box::leak(pattern.to_owned().into_boxed_str()))
}

/// The translation of `pattern`, compiled: a translation `regex` refuses would make `Pattern`
/// fail every value, so it is checked on its own.
fn compiled(pattern: &str) -> regex::Regex {
    let translated = translate(pattern).unwrap_or_else(|e| panic!("{pattern:?}: {e}"));
    regex::Regex::new(translated.as_str())
        .unwrap_or_else(|e| panic!("{pattern:?} → {translated}: {e}"))
}

#[test]
fn the_issue_cases_mean_what_ecma_262_says() {
    for (pattern, value, expected) in [
        ("^.+$", "ab", true),
        ("^.+$", "a\rb", false),
        ("^.+$", "a\nb", false),
        ("^.+$", "a\u{2028}b", false),
        ("^.+$", "a\u{2029}b", false),
        ("^.+$", "a\u{85}b", true),
        (r"^\d+$", "123", true),
        (r"^\d+$", "١٢٣", false),
        (r"^\w+$", "é", false),
        (r"^\s$", "\u{a0}", true),
        (r"^\s$", "\u{85}", false),
        (r"^\s$", "\u{feff}", true),
        (r"a\b", "aé", true),
        (r"é\b", "éa", true),
        (r"\B", "aéa", false),
        (r"^\p{Letter}+$", "λé", true),
        (r"^\p{L}+$", "λ1", false),
        (r"^\p{Script=Greek}+$", "λ", true),
        (r"^\p{Script=Greek}+$", "l", false),
        ("[[:digit:]\\]", ":]", true),
        ("[[:digit:]\\]", "5", false),
        ("[a-z&&[^aeiou]\\]", "&]", true),
        ("[a-z&&[^aeiou]\\]", "a]", true),
        ("[a-z&&[^aeiou]\\]", "a", false),
        ("^[\\D]$", "x", true),
        ("^[^\\D]$", "x", false),
        ("^[^\\D]$", "7", true),
    ] {
        assert_eq!(
            ecma(pattern, value),
            expected,
            "regress: {pattern:?} on {value:?}"
        );
        assert_eq!(
            ours(pattern).is_match(value),
            expected,
            "ours: {pattern:?} on {value:?}"
        );
        assert_eq!(compiled(pattern).is_match(value), expected);
    }
    // Errors in ECMA-262's unicode mode, refused here too.
    for pattern in ["[[:digit:]]", "[a-z&&[^aeiou]]", r"\Aabc\z", "(?i)abc"] {
        assert!(
            regress::Regex::with_flags(pattern, "u").is_err(),
            "{pattern}"
        );
        assert!(translate(pattern).is_err(), "{pattern}");
    }
}

#[test]
fn every_property_name_compiles_with_regex() {
    let mut patterns = Vec::new();
    for name in unicode::GENERAL_CATEGORY {
        patterns.push(format!(r"\p{{{name}}}"));
        patterns.push(format!(r"[\P{{gc={name}}}]"));
        patterns.push(format!(r"\p{{General_Category={name}}}"));
    }
    for (long, short) in unicode::BINARY {
        patterns.push(format!(r"\p{{{long}}}"));
        if !short.is_empty() {
            patterns.push(format!(r"[^\p{{{short}}}]"));
        }
    }
    for script in unicode::SCRIPTS {
        patterns.push(format!(r"\p{{Script={script}}}"));
        patterns.push(format!(r"\P{{scx={script}}}"));
    }
    // Each compiles; those regress accepts (it may lack a newer name) get the same verdicts.
    for pattern in patterns {
        let translation = compiled(&pattern);
        if let Ok(regex) = regress::Regex::with_flags(&pattern, "u") {
            for value in [
                "a", "A", "é", "λ", "1", "_", " ", "\u{2028}", "😀", "\u{300}",
            ] {
                assert_eq!(
                    regex.find(value).is_some(),
                    translation.is_match(value),
                    "{pattern} on {value:?}"
                );
            }
        }
    }
}

/// Literal characters, as ECMA-262 writes them.
const LITERALS: &[&str] = &[
    "a",
    "b",
    "z",
    "A",
    "0",
    "9",
    "_",
    " ",
    "-",
    "é",
    "λ",
    "😀",
    "#",
    "&",
    "~",
    "<",
    ">",
    "/",
    ",",
    "\u{2028}",
    r"\.",
    r"\/",
    r"\\",
    r"\[",
    r"\]",
    r"\{",
    r"\}",
    r"\(",
    r"\)",
    r"\|",
    r"\^",
    r"\$",
    r"\*",
    r"\+",
    r"\?",
    r"\n",
    r"\r",
    r"\t",
    r"\v",
    r"\f",
    r"(?:\0)",
    r"\cJ",
    r"\x41",
    r"\xe9",
    r"\u00e9",
    r"\u{2028}",
    r"\u{1F600}",
    r"\uD83D\uDE00",
    // A lone surrogate in a class: regress gets `\uD83D?` wrong outside one (it does not
    // match the empty string, which `X?` always does in ECMA-262).
    r"[\uD83D]",
];

/// Escapes that name sets, and `.`.
const SETS: &[&str] = &[
    ".",
    r"\d",
    r"\D",
    r"\w",
    r"\W",
    r"\s",
    r"\S",
    r"\p{L}",
    r"\P{L}",
    r"\p{Lu}",
    r"\p{Script=Greek}",
    r"\p{Nd}",
];

/// Assertions (never quantified: an error in unicode mode).
const ASSERTIONS: &[&str] = &["^", "$", r"\b", r"\B"];

/// Items of a class, each valid wherever it stands.
const CLASS_ITEMS: &[&str] = &[
    "a",
    "z",
    "é",
    "0",
    "_",
    " ",
    "[",
    "&&",
    "~~",
    "^",
    "#",
    r"\-",
    r"\]",
    r"\[",
    r"\\",
    "a-z",
    "0-9",
    "A-Z",
    r"\u00e0-\u00ff",
    "!-/",
    r"\d",
    r"\D",
    r"\w",
    r"\W",
    r"\s",
    r"\S",
    r"\p{L}",
    r"\P{L}",
    r"\b",
    r"\n",
    r"\r",
    r"\u2028",
    r"\x20",
    ".",
    "$",
    "(",
    ")",
    "|",
    "*",
    "+",
    "?",
    "{",
    "}",
    "λ",
];

const QUANTIFIERS: &[&str] = &[
    "", "", "", "", "*", "+", "?", "{2}", "{1,}", "{0,2}", "*?", "+?", "??", "{1,2}?",
];

/// The characters of the strings: the ones where the dialects differ, and the ones the
/// patterns name.
const ALPHABET: &[char] = &[
    'a', 'b', 'z', 'A', '0', '9', '_', ' ', '-', 'é', 'λ', '😀', '\r', '\n', '\t', '\u{2028}',
    '\u{2029}', '\u{a0}', '\u{85}', '\u{8}', '[', ']', '&', '~', '^', '$', '.', '١',
];

fn class() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        proptest::collection::vec(select(CLASS_ITEMS), 0..4),
    )
        .prop_map(|(negated, items)| {
            format!("[{}{}]", if negated { "^" } else { "" }, items.concat())
        })
}

fn leaf() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(LITERALS).prop_map(str::to_owned),
        3 => select(SETS).prop_map(str::to_owned),
        2 => class(),
    ]
    .boxed()
}

/// Alternatives of terms (`atom`, already quantified, or an assertion), joined by `|`.
fn disjunction(atom: BoxedStrategy<String>) -> BoxedStrategy<String> {
    let term = prop_oneof![
        5 => atom,
        1 => select(ASSERTIONS).prop_map(str::to_owned),
    ];
    proptest::collection::vec(
        proptest::collection::vec(term, 0..4).prop_map(|terms| terms.concat()),
        1..3,
    )
    .prop_map(|alternatives| alternatives.join("|"))
    .boxed()
}

/// `(…)` or `(?:…)` around `inner`.
fn group(inner: BoxedStrategy<String>) -> BoxedStrategy<String> {
    (any::<bool>(), inner)
        .prop_map(|(capture, d)| {
            if capture {
                format!("({d})")
            } else {
                format!("(?:{d})")
            }
        })
        .boxed()
}

/// Atoms with their quantifiers: a leaf with any quantifier; a group of unquantified leaves
/// with any quantifier (a loop over alternatives that may be empty); a group of any terms,
/// nested, at most optional. regress does not return on a loop inside a loop whose body can
/// match empty (`((a|){1,2}){2}` on `"a"`), so the grammar leaves those out.
fn pattern() -> impl Strategy<Value = String> {
    let quantified_leaf = (leaf(), select(QUANTIFIERS)).prop_map(|(a, q)| format!("{a}{q}"));
    let loop_group =
        (group(disjunction(leaf())), select(QUANTIFIERS)).prop_map(|(g, q)| format!("{g}{q}"));
    let leaves = prop_oneof![4 => quantified_leaf, 1 => loop_group].boxed();
    let atom = leaves.prop_recursive(3, 24, 4, |inner| {
        (group(disjunction(inner)), select(&["", "", "?", "??"][..]))
            .prop_map(|(g, q)| format!("{g}{q}"))
    });
    disjunction(atom.boxed())
}

fn value() -> impl Strategy<Value = String> {
    proptest::collection::vec(select(ALPHABET), 0..8).prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

    /// Every generated pattern is valid ECMA-262, translates, and compiles; on every string,
    /// the runtime and `regress` agree on whether it matches.
    #[test]
    fn translation_matches_what_an_ecmascript_engine_matches(
        pattern in pattern(),
        values in proptest::collection::vec(value(), 16),
    ) {
        let engine = regress::Regex::with_flags(&pattern, "u");
        prop_assert!(engine.is_ok(), "regress refuses {:?}", pattern);
        let engine = engine.unwrap();
        let regex = compiled(&pattern);
        let ours = ours(&pattern);
        for value in &values {
            let expected = engine.find(value).is_some();
            prop_assert_eq!(
                ours.is_match(value),
                expected,
                "{:?} (translated {:?}) on {:?}",
                pattern,
                regex.as_str(),
                value
            );
        }
    }
}
