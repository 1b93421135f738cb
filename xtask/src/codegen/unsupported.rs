//! The keywords of JSON Schema 2020-12 (and of its earlier drafts, which specs still carry) that
//! the generator does not support, each with what to write instead: the one list behind the
//! error at such a keyword's pointer and the table in `schema/README.md` ("What stays
//! unsupported"), which a test of this module holds to the list.
//!
//! A keyword neither supported nor listed here is unknown: its error says so, suggests the
//! supported keyword it most resembles (`minLenght` → `minLength`), and says that a keyword of
//! one's own is written `x-…` (an extension, which the generator ignores).

/// A keyword the generator refuses, and what to write instead.
#[derive(Clone, Copy, Debug)]
pub struct Unsupported {
    /// The keyword as a schema writes it.
    pub keyword: &'static str,
    /// Why it is refused and what to write instead, for the error and the table.
    pub instead: &'static str,
}

/// Every listed keyword, in the table's order.
pub const UNSUPPORTED: &[Unsupported] = &[
    Unsupported {
        keyword: "$id",
        instead: "schema identifiers (and references by them) are not resolved: refer to a schema by a JSON Pointer `$ref` (`#/components/schemas/Name`, `#/$defs/Name`) or a relative file (`common.yaml#/components/schemas/Name`)",
    },
    Unsupported {
        keyword: "$anchor",
        instead: "plain-name fragments are not resolved: refer to the schema by a JSON Pointer `$ref`",
    },
    Unsupported {
        keyword: "$dynamicRef",
        instead: "dynamic references (extension points resolved at validation time) are not supported: write a `$ref` to the schema meant",
    },
    Unsupported {
        keyword: "$dynamicAnchor",
        instead: "dynamic references are not supported: remove it and refer to the schema with `$ref`",
    },
    Unsupported {
        keyword: "$recursiveRef",
        instead: "draft 2019-09's dynamic reference is not supported: write a `$ref` to the schema meant",
    },
    Unsupported {
        keyword: "$recursiveAnchor",
        instead: "draft 2019-09's dynamic reference is not supported: remove it and refer to the schema with `$ref`",
    },
    Unsupported {
        keyword: "$vocabulary",
        instead: "meta-schemas of one's own are not read: the dialect is JSON Schema 2020-12 as OpenAPI 3.1 uses it; remove it",
    },
    Unsupported {
        keyword: "$schema",
        instead: "the dialect is fixed (JSON Schema 2020-12, OpenAPI 3.1's; 3.0 documents are normalized to it): remove it from the schema (a document's `jsonSchemaDialect` may name 2020-12)",
    },
    Unsupported {
        keyword: "unevaluatedProperties",
        instead: "not supported (it depends on what every other keyword evaluated): declare the members in `properties` (`allOf` parts are merged, so their members count) and write `additionalProperties: false`",
    },
    Unsupported {
        keyword: "unevaluatedItems",
        instead: "not supported (it depends on what every other keyword evaluated): write `items` (which, beside `prefixItems`, applies to the items after them)",
    },
    Unsupported {
        keyword: "dependentSchemas",
        instead: "not supported: `dependentRequired` says that a member requires others; for more, write `if`/`then` on the object's member",
    },
    Unsupported {
        keyword: "dependencies",
        instead: "draft 7's keyword, split in 2020-12: write `dependentRequired` for the arrays of names (`dependentSchemas`, for schemas, is not supported)",
    },
    Unsupported {
        keyword: "additionalItems",
        instead: "draft 2019-09's keyword: in 2020-12 the tuple is `prefixItems` and `items` applies to the items after it",
    },
    Unsupported {
        keyword: "definitions",
        instead: "draft 7's name: write `$defs` (or a component under `components.schemas`)",
    },
];

/// The listed keyword `key`, if it is one.
pub fn listed(key: &str) -> Option<&'static Unsupported> {
    UNSUPPORTED.iter().find(|u| u.keyword == key)
}

/// The error at an unsupported keyword `key` of a schema; `known` are the keywords the
/// generator reads (for the suggestion of an unknown one).
pub fn message<'a>(key: &str, known: impl Iterator<Item = &'a str>) -> String {
    if let Some(unsupported) = listed(key) {
        return format!("unsupported keyword `{key}`: {}", unsupported.instead);
    }
    let suggestion = closest(key, known)
        .map(|k| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default();
    format!(
        "unsupported keyword `{key}`: not a keyword of JSON Schema 2020-12 or OpenAPI{suggestion}; a keyword of your own is written `x-{key}` (an extension, which the generator ignores)"
    )
}

/// The known keyword nearest `key`: the same but for case, else within an edit distance of a
/// third of its length (at most 2), the first of the nearest.
fn closest<'a>(key: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (key.chars().count() / 3).min(2);
    let mut best: Option<(usize, &str)> = None;
    for candidate in known {
        let distance = if candidate.eq_ignore_ascii_case(key) {
            0
        } else {
            edit_distance(key, candidate)
        };
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, k)| k)
}

/// Levenshtein distance over characters (keys are short: quadratic is fine).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The table of [`UNSUPPORTED`] as `schema/README.md` holds it (between the markers
/// [`START`] and [`END`]).
pub fn table() -> String {
    let mut out = String::from(
        "\n<!-- Generated from xtask/src/codegen/unsupported.rs (a test there checks it): change the list, not this table. -->\n\n\
         | Keyword | Why, and what to write instead |\n|---|---|\n",
    );
    for u in UNSUPPORTED {
        out.push_str(&format!(
            "| `{}` | {} |\n",
            u.keyword,
            u.instead.replace('|', "\\|")
        ));
    }
    out.push('\n');
    out
}

/// The comment that opens the table in `schema/README.md`.
pub const START: &str = "<!-- unsupported-table:start -->";
/// The comment that closes it.
pub const END: &str = "<!-- unsupported-table:end -->";

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)] // A test fails by panicking.

    use super::*;

    const KNOWN: &[&str] = &["minLength", "maxLength", "properties", "items", "type"];

    #[test]
    fn a_listed_keyword_says_what_to_write_instead() {
        let said = message("unevaluatedProperties", KNOWN.iter().copied());
        assert!(said.starts_with("unsupported keyword `unevaluatedProperties`: "));
        assert!(said.contains("additionalProperties: false"), "{said}");
        assert!(message("dependencies", KNOWN.iter().copied()).contains("dependentRequired"));
    }

    #[test]
    fn an_unknown_keyword_gets_the_nearest_known_one_and_the_extension_form() {
        let said = message("minLenght", KNOWN.iter().copied());
        assert!(said.contains("did you mean `minLength`?"), "{said}");
        assert!(said.contains("`x-minLenght`"), "{said}");
        assert!(message("Items", KNOWN.iter().copied()).contains("did you mean `items`?"));
        // Nothing near: no suggestion.
        let far = message("frobnicate", KNOWN.iter().copied());
        assert!(!far.contains("did you mean"), "{far}");
        // A short key is suggested only what differs by case.
        assert!(!message("ty", KNOWN.iter().copied()).contains("did you mean"));
        assert!(message("TYPE", KNOWN.iter().copied()).contains("did you mean `type`?"));
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance("minLenght", "minLength"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn no_keyword_is_listed_twice() {
        for (i, u) in UNSUPPORTED.iter().enumerate() {
            assert!(
                UNSUPPORTED[..i].iter().all(|v| v.keyword != u.keyword),
                "{} twice",
                u.keyword
            );
        }
    }

    #[test]
    fn schema_readme_lists_exactly_these_keywords() {
        let path = super::super::workspace_root().join("schema/README.md");
        let readme = std::fs::read_to_string(&path).unwrap();
        let start = readme.find(START).expect("the start marker") + START.len();
        let end = readme.find(END).expect("the end marker");
        let wanted = table();
        if std::env::var_os("XTASK_WRITE_UNSUPPORTED").is_some() {
            let updated = format!("{}{wanted}{}", &readme[..start], &readme[end..]);
            std::fs::write(&path, updated).unwrap();
            return;
        }
        assert!(
            readme[start..end] == wanted,
            "schema/README.md's table of unsupported keywords differs from unsupported.rs: run `XTASK_WRITE_UNSUPPORTED=1 cargo test -p xtask --lib unsupported` and commit schema/README.md"
        );
    }
}
