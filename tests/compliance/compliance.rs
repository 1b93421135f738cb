//! Compliance with JSON Schema 2020-12, measured on the official JSON-Schema-Test-Suite
//! (`tests/fixtures/json-schema-test-suite/`, vendored unchanged).
//!
//! `build.rs` wraps each group's schema as the required member `value` of an object component
//! and runs the real generator over it; the groups it accepts are compiled, once, as one module
//! each, by this package's library (`src/lib.rs`). Every case of an accepted group is then
//! sent as `{"value": <data>}` (the data's text as the suite writes it) through the raw path
//! (`ValidateJson::validate_json`, `json::from_slice`) and the typed path (serde, then
//! `Validate`), and the verdict is compared with the suite's `valid`.
//!
//! A refused group is counted and accounted for: each falls in one class of [`Refused`] (it
//! uses a keyword `xtask/src/codegen/unsupported.rs` lists, it refers to another file or a
//! URL, it is listed in [`DELIBERATE_REFUSALS`], or in [`NOT_YET_SUPPORTED`]), and a refused group
//! in no class, or a listed group now accepted or refused with other errors, is a failure.
//! A failure is also: a case of an accepted group decided otherwise than the suite and listed
//! neither in [`DELIBERATE`] nor in [`WRONG`]; a listed case that now agrees; the paths
//! disagreeing with each other (beyond plain serde's documented limit, see [`Verdicts::one`]);
//! the generator panicking or running out of time on a group; a check panicking on a case; the
//! README's table differing from the one measured here (`M3TER_WRITE_COMPLIANCE=1` rewrites
//! it).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use m3ter_compliance_tests::{GENERATION_MILLIS, GROUPS, Generated, Verdicts};
use m3ter_models::formats::{self, Format};
use serde::Deserialize;
use serde_json::value::RawValue;
use xtask::codegen::refs;
use xtask::codegen::unsupported::UNSUPPORTED;

mod differential;

/// A listed case: the suite decides it one way, this crate the other.
struct Difference {
    /// The suite file, relative to `draft2020-12/`.
    file: &'static str,
    /// The group's description.
    group: &'static str,
    /// The case's description.
    case: &'static str,
    /// Why: for [`DELIBERATE`], this crate's rule; for [`WRONG`], what the generator should do.
    reason: &'static str,
}

/// An integer member is a Rust `i64`, as the README says of `version`.
const I64: &str = "an integer member is an `i64`: a JSON integer within its range (`1.0` and \
                   integers beyond 64 bits are `type` errors), where JSON Schema takes any number \
                   with a zero fractional part";

/// `format` asserts here, as the suite's `optional/format/` files expect of the format-assertion
/// vocabulary.
const FORMAT_ASSERTS: &str = "`format` is an assertion here (a registry format is checked, an \
     unknown one refused by the generator), as the suite's `optional/format/` files assume; \
     draft 2020-12's default makes it an annotation only";

/// Every case of an accepted group that this crate decides otherwise than the suite on
/// purpose, and why. Each entry must still differ (a stale one fails the test).
const DELIBERATE: &[Difference] = &[
    Difference {
        file: "format.json",
        group: "date-time format",
        case: "invalid date-time string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "regex format",
        case: "invalid regex string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "uuid format",
        case: "invalid uuid string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "email format",
        case: "invalid email string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "ipv4 format",
        case: "invalid ipv4 string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "ipv6 format",
        case: "invalid ipv6 string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "hostname format",
        case: "invalid hostname string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "date format",
        case: "invalid date string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "time format",
        case: "invalid time string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "uri format",
        case: "invalid uri string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "uri-reference format",
        case: "invalid uri-reference string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "format.json",
        group: "duration format",
        case: "invalid duration string is only an annotation by default",
        reason: FORMAT_ASSERTS,
    },
    Difference {
        file: "type.json",
        group: "integer type matches integers",
        case: "a float with zero fractional part is an integer",
        reason: I64,
    },
    Difference {
        file: "optional/bignum.json",
        group: "integer",
        case: "a bignum is an integer",
        reason: I64,
    },
    Difference {
        file: "optional/bignum.json",
        group: "integer",
        case: "a negative bignum is an integer",
        reason: I64,
    },
    Difference {
        file: "optional/float-overflow.json",
        group: "all integers are multiples of 0.5, if overflow is handled",
        case: "valid if optional overflow handling is implemented",
        reason: I64,
    },
];

/// Every case of an accepted group that the generator gets wrong today, with what it should
/// do. Unlike [`DELIBERATE`], these are bugs to fix: the table counts them, and an entry that
/// agrees once fixed fails the test until it is removed.
const WRONG: &[Difference] = &[];

/// A refused group listed by name: the generator's errors on it (the start of each message,
/// after its pointer) and why it stays refused.
struct Refusal {
    /// The suite file, relative to `draft2020-12/`.
    file: &'static str,
    /// The group's description.
    group: &'static str,
    /// The start of each error message the generator gives on the group: every error starts
    /// with one of them, and each of them starts an error.
    errors: &'static [&'static str],
    /// For [`DELIBERATE_REFUSALS`], this crate's rule; for [`NOT_YET_SUPPORTED`], what the
    /// generator should do.
    reason: &'static str,
}

/// A schema nothing satisfies is a mistake in a spec.
const UNSATISFIABLE: &str = "a schema that no value satisfies is refused as a mistake in the \
     spec (`enum: []`; `minContains` above `maxContains`); `false` (or `not: {}`) says \
     \"nothing\" on purpose";

/// An unknown format is an error, never an annotation dropped in silence.
const UNKNOWN_FORMAT: &str = "a `format` that is not in the registry is an error at its pointer \
     (nothing silently dropped), not an annotation that checks nothing";

/// The formats JSON Schema names that the issue's list leaves out.
const OTHER_FORMATS: &str = "a format of JSON Schema outside the issue's list (`idn-email`, \
     `idn-hostname`, `iri`, `iri-reference`, `json-pointer`, `relative-json-pointer`, \
     `uri-template`): not in the registry, so an error at its pointer like any unknown format";

/// References that name neither a component nor a `$defs` entry.
const OTHER_REFERENCES: &str = "a reference that names neither a component nor a `$defs` entry \
     (nor a sub-schema of one): an unknown keyword's value or an annotation's \
     (`#/unknown-keyword`, `#/examples/0`), which is no schema; the issue's references are to \
     components, `$defs` and the schemas inside them";

/// Every refused group that stays refused on purpose, with this crate's reason. Each must still
/// be refused with these errors (a change fails the test).
const DELIBERATE_REFUSALS: &[Refusal] = &[
    Refusal {
        file: "enum.json",
        group: "empty enum",
        errors: &["must list at least one value"],
        reason: UNSATISFIABLE,
    },
    Refusal {
        file: "minContains.json",
        group: "maxContains < minContains",
        errors: &["`minContains` (3) is greater than `maxContains` (1): no value can pass"],
        reason: UNSATISFIABLE,
    },
    Refusal {
        file: "optional/format/unknown.json",
        group: "unknown format",
        errors: &["unknown string format `unknown`;"],
        reason: UNKNOWN_FORMAT,
    },
    Refusal {
        file: "format.json",
        group: "idn-email format",
        errors: &["unknown string format `idn-email`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "format.json",
        group: "idn-hostname format",
        errors: &["unknown string format `idn-hostname`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "format.json",
        group: "json-pointer format",
        errors: &["unknown string format `json-pointer`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "format.json",
        group: "relative-json-pointer format",
        errors: &["unknown string format `relative-json-pointer`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "format.json",
        group: "iri format",
        errors: &["unknown string format `iri`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "format.json",
        group: "iri-reference format",
        errors: &["unknown string format `iri-reference`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "format.json",
        group: "uri-template format",
        errors: &["unknown string format `uri-template`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "optional/format/idn-email.json",
        group: "validation of an internationalized e-mail addresses",
        errors: &["unknown string format `idn-email`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "optional/format/idn-hostname.json",
        group: "validation of internationalized host names",
        errors: &["unknown string format `idn-hostname`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "optional/format/idn-hostname.json",
        group: "validation of separators in internationalized host names",
        errors: &["unknown string format `idn-hostname`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "optional/format/iri-reference.json",
        group: "validation of IRI References",
        errors: &["unknown string format `iri-reference`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "optional/format/iri.json",
        group: "validation of IRIs",
        errors: &["unknown string format `iri`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "optional/format/json-pointer.json",
        group: "validation of JSON-pointers (JSON String Representation)",
        errors: &["unknown string format `json-pointer`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "optional/format/relative-json-pointer.json",
        group: "validation of Relative JSON Pointers (RJP)",
        errors: &["unknown string format `relative-json-pointer`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "optional/format/uri-template.json",
        group: "format: uri-template",
        errors: &["unknown string format `uri-template`;"],
        reason: OTHER_FORMATS,
    },
    Refusal {
        file: "optional/refOfUnknownKeyword.json",
        group: "reference of a root arbitrary keyword ",
        errors: &[
            "`#/components/schemas/G/properties/value/unknown-keyword`: a reference must name a component",
        ],
        reason: OTHER_REFERENCES,
    },
    Refusal {
        file: "optional/refOfUnknownKeyword.json",
        group: "reference of a root arbitrary keyword with encoded ref",
        errors: &[
            "`#/components/schemas/G/properties/value/unknown~1keyword`: a reference must name a component",
        ],
        reason: OTHER_REFERENCES,
    },
    Refusal {
        file: "optional/refOfUnknownKeyword.json",
        group: "reference of an arbitrary keyword of a sub-schema",
        errors: &[
            "`#/components/schemas/G/properties/value/properties/foo/unknown-keyword`: a reference must name a component",
        ],
        reason: OTHER_REFERENCES,
    },
    Refusal {
        file: "optional/refOfUnknownKeyword.json",
        group: "reference internals of known non-applicator",
        errors: &[
            "`#/components/schemas/G/properties/value/examples/0`: a reference must name a component",
        ],
        reason: OTHER_REFERENCES,
    },
    Refusal {
        file: "optional/refOfUnknownKeyword.json",
        group: "reference of an arbitrary keyword of a sub-schema with encoded ref",
        errors: &[
            "`#/components/schemas/G/properties/value/properties/foo/unknown~1keyword`: a reference must name a component",
        ],
        reason: OTHER_REFERENCES,
    },
];

/// Every refused group that uses only keywords of the issue's list and should be accepted, with
/// what the generator should do: work to do, counted in the README. Each must still be refused
/// with these errors (once accepted, remove it).
const NOT_YET_SUPPORTED: &[Refusal] = &[];

/// Why a refused group is refused: the one class it falls in.
#[derive(Debug)]
enum Refused {
    /// Its schema uses these keywords of `unsupported.rs`'s list (the issue leaves them out).
    Unsupported(Vec<&'static str>),
    /// The generator refused a reference to another file or to a URL (the suite's remote
    /// documents; the generator reads no network, and a suite schema is not read from a file).
    Remote,
    /// Listed in [`DELIBERATE_REFUSALS`] (the index).
    Deliberate(usize),
    /// Listed in [`NOT_YET_SUPPORTED`] (the index).
    NotYet(usize),
}

/// The keywords whose value is a schema (or a map or an array of schemas): where the walk for
/// unsupported keywords looks. `contentSchema` is an annotation (its value is not read).
/// Beside the generator's own lists (`xtask::codegen::refs::SCHEMA_VALUES`, `SCHEMA_ARRAYS`,
/// `SCHEMA_MAPS`), the positions of schemas under keywords it does not support.
const UNSUPPORTED_SCHEMA_VALUES: &[&str] = &["unevaluatedItems", "unevaluatedProperties"];
const UNSUPPORTED_SCHEMA_MAPS: &[&str] = &["definitions", "dependencies"];

/// The keywords of `unsupported.rs`'s list that `schema` (a group's schema) uses, in the
/// list's order. A root `$schema` naming draft 2020-12 is not one: the wrapper states it as the
/// document's `jsonSchemaDialect` (build.rs).
fn unsupported_keywords(schema: &serde_json::Value) -> Vec<&'static str> {
    fn walk(schema: &serde_json::Value, root: bool, found: &mut Vec<String>) {
        let Some(members) = schema.as_object() else {
            return;
        };
        for (key, value) in members {
            let dialect = root
                && key == "$schema"
                && value.as_str() == Some("https://json-schema.org/draft/2020-12/schema");
            if !dialect {
                found.push(key.clone());
            }
            let key_is =
                |lists: [&[&str]; 2]| lists.iter().any(|list| list.contains(&key.as_str()));
            if key_is([refs::SCHEMA_VALUES, UNSUPPORTED_SCHEMA_VALUES]) {
                walk(value, false, found);
            } else if refs::SCHEMA_ARRAYS.contains(&key.as_str()) {
                for item in value.as_array().into_iter().flatten() {
                    walk(item, false, found);
                }
            } else if key_is([refs::SCHEMA_MAPS, UNSUPPORTED_SCHEMA_MAPS]) {
                // `dependencies` maps names to schemas or to arrays of names.
                for item in value.as_object().into_iter().flat_map(|m| m.values()) {
                    walk(item, false, found);
                }
            }
        }
    }
    let mut found = Vec::new();
    walk(schema, true, &mut found);
    UNSUPPORTED
        .iter()
        .map(|u| u.keyword)
        .filter(|keyword| found.iter().any(|k| k == keyword))
        .collect()
}

/// Whether the generator's error `message` is a refused reference to another file or a URL.
fn remote(message: &str) -> bool {
    message.contains("` refers to another file: ")
        || message.contains("`: remote references are not supported (no network)")
}

/// The class of a refused group (the generator's `errors`, one per line), or a failure.
fn classify(file: &str, group: &SuiteGroup, errors: &str) -> Result<Refused, String> {
    let messages: Vec<&str> = errors
        .lines()
        .map(|line| line.split_once(": ").map_or(line, |(_, m)| m))
        .collect();
    let listed = |list: &[Refusal]| {
        list.iter()
            .position(|r| r.file == file && r.group == group.description)
    };
    let by_rule = {
        let keywords = unsupported_keywords(&group.schema);
        if !keywords.is_empty() {
            Some(Refused::Unsupported(keywords))
        } else if messages.iter().any(|m| remote(m)) {
            Some(Refused::Remote)
        } else {
            None
        }
    };
    let (list, at, class) = match (
        by_rule,
        listed(DELIBERATE_REFUSALS),
        listed(NOT_YET_SUPPORTED),
    ) {
        (Some(class), None, None) => return Ok(class),
        (None, Some(at), None) => (DELIBERATE_REFUSALS, at, Refused::Deliberate(at)),
        (None, None, Some(at)) => (NOT_YET_SUPPORTED, at, Refused::NotYet(at)),
        (None, None, None) => {
            return Err(format!(
                "refused in no class (no keyword of unsupported.rs, no remote reference, listed \
                 nowhere): list it in DELIBERATE_REFUSALS with this crate's reason, or in \
                 NOT_YET_SUPPORTED with what to do; its errors:\n    {}",
                messages.join("\n    ")
            ));
        }
        _ => {
            return Err(
                "listed where a rule (an unsupported keyword, a remote reference) already \
                 classifies it, or listed twice: remove the entry"
                    .to_owned(),
            );
        }
    };
    let expected = list[at].errors;
    let unexpected: Vec<&&str> = messages
        .iter()
        .filter(|m| !expected.iter().any(|e| m.starts_with(e)))
        .collect();
    let missing: Vec<&&str> = expected
        .iter()
        .filter(|e| !messages.iter().any(|m| m.starts_with(**e)))
        .collect();
    if unexpected.is_empty() && missing.is_empty() {
        Ok(class)
    } else {
        Err(format!(
            "refused for another reason than its entry says: errors not listed {unexpected:?}, \
             listed errors not given {missing:?}: update the entry"
        ))
    }
}

/// `hostname` is RFC 1123's: an A-label is a label like any other.
const A_LABELS: &str = "`hostname` is an RFC 1123 host name (ASCII letters, digits and hyphens): \
     an A-label (`xn--…`) is not decoded as Punycode and held to IDNA 2008 (RFC 5890-5893: \
     the derived property of each code point, the contextual rules, the bidi rule), which \
     needs Unicode's tables";

/// Every string case of `optional/format/<name>.json` that a format's checker decides
/// otherwise than the suite on purpose, and why. Held to the checkers alone by
/// [`every_format_checker_agrees_with_the_suite`] (each entry must still differ there, and
/// every other string case must agree); counted as deliberate by the group's run where the
/// generator accepts the group.
const FORMAT_DELIBERATE: &[Difference] = &[
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "invalid Punycode",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "contains illegal char U+302E Hangul single dot tone mark",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Begins with a Spacing Combining Mark",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Begins with a Nonspacing Mark",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Begins with an Enclosing Mark",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Exceptions that are DISALLOWED, right-to-left chars",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Exceptions that are DISALLOWED, left-to-right chars",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "MIDDLE DOT with no preceding 'l'",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "MIDDLE DOT with nothing preceding",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "MIDDLE DOT with no following 'l'",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "MIDDLE DOT with nothing following",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Greek KERAIA not followed by Greek",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Greek KERAIA not followed by anything",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Hebrew GERESH not preceded by Hebrew",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Hebrew GERESH not preceded by anything",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Hebrew GERSHAYIM not preceded by Hebrew",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Hebrew GERSHAYIM not preceded by anything",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "KATAKANA MIDDLE DOT with no Hiragana, Katakana, or Han",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "KATAKANA MIDDLE DOT with no other characters",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "Arabic-Indic digits mixed with Extended Arabic-Indic digits",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "ZERO WIDTH JOINER not preceded by Virama",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "ZERO WIDTH JOINER not preceded by anything",
        reason: A_LABELS,
    },
    Difference {
        file: "optional/format/hostname.json",
        group: "validation of A-label (punycode) host names",
        case: "contains \"--\" in the 3rd and 4th position",
        reason: A_LABELS,
    },
];

/// A group of a suite file, as the test reads it.
#[derive(Deserialize)]
struct SuiteGroup {
    description: String,
    /// The group's schema as the suite writes it (read for the keywords it uses).
    schema: serde_json::Value,
    tests: Vec<SuiteCase>,
}

/// A case: its data as written in the file, and the suite's verdict.
#[derive(Deserialize)]
struct SuiteCase {
    description: String,
    data: Box<RawValue>,
    valid: bool,
}

/// One row of the table: a suite file's counts.
#[derive(Default)]
struct Row {
    groups: usize,
    accepted: usize,
    cases: usize,
    agree: usize,
    deliberate: usize,
    wrong: usize,
}

impl Row {
    fn add(&mut self, other: &Row) {
        self.groups += other.groups;
        self.accepted += other.accepted;
        self.cases += other.cases;
        self.agree += other.agree;
        self.deliberate += other.deliberate;
        self.wrong += other.wrong;
    }
}

/// What the run measured: the rows, the cases where plain serde read an array as a struct, and
/// the class of each refused group.
#[derive(Default)]
struct Measured<'a> {
    rows: BTreeMap<&'a str, Row>,
    array_as_struct: usize,
    refused: Vec<Refused>,
}

const START: &str = "<!-- compliance:start -->";
const END: &str = "<!-- compliance:end -->";
const REFRESH: &str = "M3TER_WRITE_COMPLIANCE=1 cargo test -p m3ter-compliance-tests";

/// The tests package's folder, `tests/`, which holds the vendored suite (this package is
/// `tests/compliance/`).
fn tests_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The index of the entry of `list` for this case, if any.
fn listed(list: &[Difference], file: &str, group: &str, case: &str) -> Option<usize> {
    list.iter()
        .position(|d| d.file == file && d.group == group && d.case == case)
}

/// The groups of a suite file (relative to `draft2020-12/`).
fn suite_groups(file: &str) -> Vec<SuiteGroup> {
    let suite = tests_dir().join("fixtures/json-schema-test-suite/tests/draft2020-12");
    let text = std::fs::read_to_string(suite.join(file)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn every_accepted_group_agrees_with_the_suite() {
    let mut failures = Vec::new();
    let mut measured = Measured::default();
    let mut used_deliberate = vec![false; DELIBERATE.len()];
    let mut used_wrong = vec![false; WRONG.len()];
    let mut used_refusals = vec![false; DELIBERATE_REFUSALS.len()];
    let mut used_not_yet = vec![false; NOT_YET_SUPPORTED.len()];
    let mut refused = 0;
    let mut refusals: BTreeMap<String, usize> = BTreeMap::new();
    let mut files: BTreeMap<&str, Vec<SuiteGroup>> = BTreeMap::new();

    for outcome in GROUPS {
        let groups = files
            .entry(outcome.file)
            .or_insert_with(|| suite_groups(outcome.file));
        let row = measured.rows.entry(outcome.file).or_default();
        row.groups += 1;
        let Some(group) = groups.get(outcome.index) else {
            failures.push(format!(
                "{} has no group {} (build.rs read another file?)",
                outcome.file, outcome.index
            ));
            continue;
        };
        let name = format!(
            "{} group {} ({:?})",
            outcome.file, outcome.index, group.description
        );
        let check = match outcome.generated {
            Generated::Accepted(check, _) => check,
            Generated::Refused(errors) => {
                refused += 1;
                if std::env::var_os("M3TER_COMPLIANCE_REFUSED").is_some_and(|v| v == "1") {
                    eprintln!("{name} refused:\n    {}", errors.replace('\n', "\n    "));
                }
                match classify(outcome.file, group, errors) {
                    Ok(class) => {
                        match class {
                            Refused::Deliberate(at) => used_refusals[at] = true,
                            Refused::NotYet(at) => used_not_yet[at] = true,
                            Refused::Unsupported(_) | Refused::Remote => {}
                        }
                        measured.refused.push(class);
                    }
                    Err(failure) => failures.push(format!("{name}: {failure}")),
                }
                for line in errors.lines() {
                    let message = line.split_once(": ").map_or(line, |(_, m)| m);
                    *refusals.entry(message.to_owned()).or_default() += 1;
                }
                continue;
            }
            Generated::Panicked(message) => {
                failures.push(format!("{name}: the generator panicked: {message}"));
                continue;
            }
            Generated::TimedOut(seconds) => {
                failures.push(format!("{name}: the generator took more than {seconds} s"));
                continue;
            }
        };
        row.accepted += 1;
        for case in &group.tests {
            row.cases += 1;
            let document = format!("{{\"value\": {}}}", case.data.get());
            let Ok(verdicts) = catch_unwind(AssertUnwindSafe(|| check(document.as_bytes()))) else {
                failures.push(format!(
                    "{name}, case {:?}: a check panicked",
                    case.description
                ));
                continue;
            };
            let said = format!(
                "{name}, case {:?}: {document} is {} in the suite; here {verdicts:?}",
                case.description,
                if case.valid { "valid" } else { "invalid" },
            );
            if !verdicts.one() {
                failures.push(format!("{said}: the paths disagree with each other"));
                continue;
            }
            if verdicts.typed != verdicts.raw {
                measured.array_as_struct += 1;
            }
            let (file, group, case_name) = (outcome.file, &group.description, &case.description);
            // A format checker's deliberate difference, held to the checker alone by
            // `every_format_checker_agrees_with_the_suite`, counts here where its group runs.
            if listed(FORMAT_DELIBERATE, file, group, case_name).is_some() {
                if verdicts.raw == case.valid {
                    failures.push(format!(
                        "{said}: it agrees, but FORMAT_DELIBERATE lists it: remove it"
                    ));
                } else {
                    row.deliberate += 1;
                }
                continue;
            }
            let deliberate = listed(DELIBERATE, file, group, case_name);
            let wrong = listed(WRONG, file, group, case_name);
            match (verdicts.raw == case.valid, deliberate, wrong) {
                (true, None, None) => row.agree += 1,
                // A listed case that agrees is reported here, with its verdicts, rather than
                // again as an unused entry.
                (true, Some(at), _) => {
                    used_deliberate[at] = true;
                    failures.push(format!(
                        "{said}: it agrees, but DELIBERATE lists it: remove it"
                    ));
                }
                (true, None, Some(at)) => {
                    used_wrong[at] = true;
                    failures.push(format!("{said}: it agrees, but WRONG lists it: remove it"));
                }
                (false, Some(at), _) => {
                    used_deliberate[at] = true;
                    row.deliberate += 1;
                }
                (false, None, Some(at)) => {
                    used_wrong[at] = true;
                    row.wrong += 1;
                }
                (false, None, None) => failures.push(format!("{said}: a wrong verdict")),
            }
        }
    }
    for (list, name, used) in [
        (DELIBERATE, "DELIBERATE", &used_deliberate),
        (WRONG, "WRONG", &used_wrong),
    ] {
        for (difference, used) in list.iter().zip(used) {
            if !used {
                failures.push(format!(
                    "{name} lists {} {:?} / {:?}, which no longer differs (or was not run): \
                     remove it",
                    difference.file, difference.group, difference.case
                ));
            }
        }
    }

    for (list, name, used) in [
        (DELIBERATE_REFUSALS, "DELIBERATE_REFUSALS", &used_refusals),
        (NOT_YET_SUPPORTED, "NOT_YET_SUPPORTED", &used_not_yet),
    ] {
        for (refusal, used) in list.iter().zip(used) {
            if !used {
                failures.push(format!(
                    "{name} lists {} {:?}, which is no longer refused (or not in the suite): \
                     remove it",
                    refusal.file, refusal.group
                ));
            }
        }
    }

    let table = table(&measured);
    if let Some(failure) = readme(&table) {
        failures.push(failure);
    }

    eprintln!(
        "{refused} groups refused by the generator (all groups generated in {GENERATION_MILLIS} ms \
         by build.rs); their most common errors:"
    );
    let mut reasons: Vec<_> = refusals.into_iter().collect();
    reasons.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (message, count) in reasons.iter().take(20) {
        eprintln!("{count:5}  {message}");
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every format of the registry that the suite tests (`optional/format/<name>.json`), checked
/// alone on every case whose data is a string (the other cases are the generator's: a format
/// applies to strings only): the checker's verdict is the suite's, except for the cases
/// [`FORMAT_DELIBERATE`] lists, which must still differ.
#[test]
fn every_format_checker_agrees_with_the_suite() {
    let suite = tests_dir().join("fixtures/json-schema-test-suite/tests/draft2020-12");
    let mut failures = Vec::new();
    let mut used = vec![false; FORMAT_DELIBERATE.len()];
    let mut measured = Vec::new();
    for format in Format::ALL.iter().copied() {
        let file = format!("optional/format/{}.json", format.name());
        let Ok(text) = std::fs::read_to_string(suite.join(&file)) else {
            // The project's own formats (bucket names, ARNs) have no file in the suite.
            continue;
        };
        let groups: Vec<SuiteGroup> = serde_json::from_str(&text).unwrap();
        let (mut cases, mut agree, mut deliberate) = (0, 0, 0);
        for group in &groups {
            for case in &group.tests {
                let Ok(value) = serde_json::from_str::<String>(case.data.get()) else {
                    continue;
                };
                cases += 1;
                let ok = formats::check(format, &value).is_ok();
                let listed = listed(
                    FORMAT_DELIBERATE,
                    &file,
                    &group.description,
                    &case.description,
                );
                let said = format!(
                    "{file} {:?} / {:?}: {value:?} is {} in the suite; the checker says {}",
                    group.description,
                    case.description,
                    if case.valid { "valid" } else { "invalid" },
                    if ok { "valid" } else { "invalid" },
                );
                match (ok == case.valid, listed) {
                    (true, None) => agree += 1,
                    (true, Some(at)) => {
                        used[at] = true;
                        failures.push(format!("{said}: it agrees, but FORMAT_DELIBERATE lists it"));
                    }
                    (false, Some(at)) => {
                        used[at] = true;
                        deliberate += 1;
                    }
                    (false, None) => failures.push(format!("{said}: a wrong verdict")),
                }
            }
        }
        measured.push(format!(
            "{file}: {cases} string cases, {agree} agree, {deliberate} deliberate"
        ));
    }
    for (difference, used) in FORMAT_DELIBERATE.iter().zip(&used) {
        if !used {
            failures.push(format!(
                "FORMAT_DELIBERATE lists {} {:?} / {:?}, which no longer differs: remove it",
                difference.file, difference.group, difference.case
            ));
        }
    }
    eprintln!("{}", measured.join("\n"));
    // Every suite file of a registry format was read (no silent skip of a renamed file).
    assert!(measured.len() >= 11, "{measured:?}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The README's section: the table (a row per suite file, required files first, then
/// `optional/`, then the totals) and the listed differences with their reasons.
fn table(measured: &Measured<'_>) -> String {
    let mut out = String::from(
        "| File | Groups | Accepted | Cases in accepted groups | Agree | Deliberate | Wrong (known) |\n\
         |---|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut required = Row::default();
    let mut optional = Row::default();
    let (plain, extra): (Vec<_>, Vec<_>) = measured
        .rows
        .iter()
        .partition(|(file, _)| !file.starts_with("optional/"));
    for (file, row) in plain.iter().chain(&extra) {
        let stem = file.strip_suffix(".json").unwrap_or(file);
        line(&mut out, &format!("`{stem}`"), row);
        if file.starts_with("optional/") {
            optional.add(row);
        } else {
            required.add(row);
        }
    }
    let mut all = Row::default();
    all.add(&required);
    all.add(&optional);
    line(&mut out, "**required**", &required);
    line(&mut out, "**optional**", &optional);
    line(&mut out, "**all**", &all);
    for (title, list) in [
        ("Deliberate differences", DELIBERATE),
        (
            "Deliberate differences of the format checkers (counted above where their group is \
             accepted; each held to its checker alone by \
             `every_format_checker_agrees_with_the_suite`)",
            FORMAT_DELIBERATE,
        ),
        ("Known wrong verdicts, to fix", WRONG),
    ] {
        writeln!(out, "\n{title} ({} cases):\n", list.len()).unwrap();
        if list.is_empty() {
            writeln!(out, "- none").unwrap();
        }
        // One item per reason, in the list's order, naming its cases.
        let mut reasons: Vec<(&str, Vec<String>)> = Vec::new();
        for d in list {
            let case = format!("`{}` \"{}\": \"{}\"", d.file, d.group, d.case);
            match reasons.iter_mut().find(|(reason, _)| *reason == d.reason) {
                Some((_, cases)) => cases.push(case),
                None => reasons.push((d.reason, vec![case])),
            }
        }
        for (reason, cases) in reasons {
            writeln!(out, "- {reason}. Cases: {}.", cases.join("; ")).unwrap();
        }
    }
    writeln!(
        out,
        "\nCases where plain serde + `validate()` accepts an array as a struct while the raw path \
         refuses it (the limit of plain serde above; not counted as a difference): {}.",
        measured.array_as_struct
    )
    .unwrap();
    refused_section(&mut out, &measured.refused);
    out
}

/// The README's account of the refused groups: how many fall in each class, the keywords of the
/// first, and the listed groups of the last two with their reasons.
fn refused_section(out: &mut String, refused: &[Refused]) {
    let mut keywords: Vec<(&str, usize)> = UNSUPPORTED.iter().map(|u| (u.keyword, 0)).collect();
    let (mut unsupported, mut remote) = (0, 0);
    let mut deliberate = vec![false; DELIBERATE_REFUSALS.len()];
    let mut not_yet = vec![false; NOT_YET_SUPPORTED.len()];
    for class in refused {
        match class {
            Refused::Unsupported(used) => {
                unsupported += 1;
                for (keyword, count) in &mut keywords {
                    if used.contains(keyword) {
                        *count += 1;
                    }
                }
            }
            Refused::Remote => remote += 1,
            Refused::Deliberate(at) => deliberate[*at] = true,
            Refused::NotYet(at) => not_yet[*at] = true,
        }
    }
    keywords.retain(|(_, count)| *count > 0);
    keywords.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    let keywords: Vec<String> = keywords
        .iter()
        .map(|(keyword, count)| format!("`{keyword}` {count}"))
        .collect();
    writeln!(
        out,
        "\nRefused groups ({}), each in one class (the test fails on a refused group in none, and \
         on a listed group accepted or refused with other errors):\n",
        refused.len()
    )
    .unwrap();
    writeln!(
        out,
        "- Unsupported keywords ({unsupported} groups): the schema uses a keyword that \
         `xtask/src/codegen/unsupported.rs` lists, which the issue leaves out (groups using each, \
         a group under every one it uses: {}).",
        keywords.join(", ")
    )
    .unwrap();
    writeln!(
        out,
        "- References to another file or a URL ({remote} groups): the suite's remote documents; \
         the generator reads no network, and a group's schema is not read from a file here."
    )
    .unwrap();
    for (title, list, used) in [
        ("Deliberate refusals", DELIBERATE_REFUSALS, &deliberate),
        (
            "Not yet supported (keywords of the issue's list that should work), to do",
            NOT_YET_SUPPORTED,
            &not_yet,
        ),
    ] {
        let count = used.iter().filter(|u| **u).count();
        let groups = if count == 1 { "group" } else { "groups" };
        writeln!(out, "- {title} ({count} {groups}):").unwrap();
        if count == 0 {
            writeln!(out, "  - none").unwrap();
        }
        let mut reasons: Vec<(&str, Vec<String>)> = Vec::new();
        for refusal in list.iter().zip(used).filter(|(_, u)| **u).map(|(r, _)| r) {
            let group = format!("`{}` \"{}\"", refusal.file, refusal.group);
            match reasons
                .iter_mut()
                .find(|(reason, _)| *reason == refusal.reason)
            {
                Some((_, groups)) => groups.push(group),
                None => reasons.push((refusal.reason, vec![group])),
            }
        }
        for (reason, groups) in reasons {
            writeln!(out, "  - {reason}. Groups: {}.", groups.join("; ")).unwrap();
        }
    }
}

fn line(out: &mut String, name: &str, row: &Row) {
    writeln!(
        out,
        "| {name} | {} | {} | {} | {} | {} | {} |",
        row.groups, row.accepted, row.cases, row.agree, row.deliberate, row.wrong
    )
    .unwrap();
}

/// Writes `table` into README.md between the markers when `M3TER_WRITE_COMPLIANCE=1`, and
/// otherwise returns a failure when the README's table differs from it.
fn readme(table: &str) -> Option<String> {
    let path = tests_dir().join("../README.md");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\r\n", "\n");
    let (Some(start), Some(end)) = (text.find(START), text.find(END)) else {
        return Some(format!("README.md has no `{START}` … `{END}` markers"));
    };
    let body = start + START.len();
    if body > end {
        return Some("README.md's compliance markers are out of order".to_owned());
    }
    let wanted = format!("\n{table}");
    if text[body..end] == wanted {
        return None;
    }
    if std::env::var_os("M3TER_WRITE_COMPLIANCE").is_some_and(|v| v == "1") {
        std::fs::write(&path, format!("{}{wanted}{}", &text[..body], &text[end..])).unwrap();
        eprintln!("README.md's compliance table rewritten");
        return None;
    }
    Some(format!(
        "README.md's compliance table differs from what was measured:\n{table}\nrun `{REFRESH}` \
         and commit README.md"
    ))
}

/// A suite group with this schema and description, for the classifier's tests.
fn group(description: &str, schema: &str) -> SuiteGroup {
    SuiteGroup {
        description: description.to_owned(),
        schema: serde_json::from_str(schema).unwrap(),
        tests: Vec::new(),
    }
}

#[test]
fn the_walk_finds_listed_keywords_in_sub_schemas_only() {
    let schema: serde_json::Value = serde_json::from_str(
        r##"{"$schema": "https://json-schema.org/draft/2020-12/schema",
            "enum": [{"$id": "data"}], "examples": [{"$anchor": "a"}],
            "contentSchema": {"$dynamicRef": "#x"},
            "properties": {"unevaluatedItems": {"items": {"$id": "x"}}},
            "allOf": [{"not": {"unevaluatedProperties": false}}],
            "$defs": {"d": {"dependencies": {"a": {"$schema": "other"}}}}}"##,
    )
    .unwrap();
    // `$id` under `properties/…/items`, `unevaluatedProperties` under `allOf/0/not`, and
    // `dependencies` and a nested `$schema` under `$defs`; not the data of `enum` or
    // `examples`, not inside the annotation `contentSchema`, not a property named
    // `unevaluatedItems`, not the root's `$schema` naming 2020-12.
    assert_eq!(
        unsupported_keywords(&schema),
        ["$id", "$schema", "unevaluatedProperties", "dependencies"]
    );
    let other_dialect: serde_json::Value =
        serde_json::from_str(r#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#).unwrap();
    assert_eq!(unsupported_keywords(&other_dialect), ["$schema"]);
}

#[test]
fn every_refused_group_falls_in_one_class_or_fails() {
    let plain = group("g", r#"{"type": "string"}"#);
    // A rule: a listed keyword in the schema, or a remote reference among the errors.
    let with_id = group("g", r#"{"$id": "x", "type": "string"}"#);
    assert!(matches!(
        classify("x.json", &with_id, "/p: whatever the generator said"),
        Ok(Refused::Unsupported(keywords)) if keywords == ["$id"]
    ));
    assert!(matches!(
        classify(
            "x.json",
            &plain,
            "/p/$ref: `http://x/y.json`: remote references are not supported (no network): copy it"
        ),
        Ok(Refused::Remote)
    ));
    // No rule and no entry: a failure naming the errors.
    let failure = classify("x.json", &plain, "/p: something else").unwrap_err();
    assert!(failure.contains("in no class"), "{failure}");
    assert!(failure.contains("something else"), "{failure}");
    // A listed group: its errors must be the entry's.
    let empty = group("empty enum", r#"{"enum": []}"#);
    assert!(matches!(
        classify("enum.json", &empty, "/p/enum: must list at least one value"),
        Ok(Refused::Deliberate(0))
    ));
    let failure = classify(
        "enum.json",
        &empty,
        "/p/enum: must list at least one value\n/p/x: another error",
    )
    .unwrap_err();
    assert!(failure.contains("another error"), "{failure}");
    let failure = classify("enum.json", &empty, "/p: another error").unwrap_err();
    assert!(
        failure.contains("must list at least one value"),
        "{failure}"
    );
    // Listed, but a rule classifies it: the entry is needless.
    let listed_and_unsupported = group("empty enum", r#"{"enum": [], "$anchor": "a"}"#);
    let failure = classify(
        "enum.json",
        &listed_and_unsupported,
        "/p/enum: must list at least one value",
    )
    .unwrap_err();
    assert!(failure.contains("remove the entry"), "{failure}");
}
