//! Every keyword and every format of the vocabulary, end to end: a user type per keyword (the
//! `case` match has no catch-all, so a new keyword does not compile until it has a case here),
//! checked through the derive's typed checks, the raw checks, the descriptors the strategies
//! read, the JSON Schema output and the generator's `#[spec]` output; every format through its
//! runtime check, its raw check and its valid-value strategy.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // A test fails by panicking.

use m3ter_models::describe::{Describe, Kind};
use m3ter_models::{ErrorCode, Validate, ValidateJson};
use m3ter_vocab::{Format, Keyword};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde::Deserialize;
use serde_json::{Value, json};

/// A type with one keyword on member `m`: a valid and an invalid document, the error the
/// invalid one must give (`None` for an annotation, which constrains nothing: `valid` and
/// `{}` are both accepted).
struct Case {
    valid: Value,
    invalid: Option<Value>,
    code: ErrorCode,
    pointer: &'static str,
    typed: fn(&Value) -> Result<(), m3ter_models::ValidationErrors>,
    raw: fn(&Value) -> Result<(), m3ter_models::ValidationErrors>,
    kind: &'static Kind,
    schema: fn() -> Value,
}

macro_rules! case_type {
    ($name:ident, $(#[$attr:meta])* $ty:ty, [$($spec:tt)*]) => {{
        #[m3ter_models::model]
        #[derive(Deserialize, Validate)]
        #[serde(deny_unknown_fields)]
        #[spec(json, json_schema)]
        #[allow(dead_code)]
        struct $name {
            $(#[$attr])*
            #[spec($($spec)*)]
            m: $ty,
        }
        fn typed(value: &Value) -> Result<(), m3ter_models::ValidationErrors> {
            let typed: $name = serde_json::from_value(value.clone()).expect("a typed value");
            typed.validate()
        }
        fn raw(value: &Value) -> Result<(), m3ter_models::ValidationErrors> {
            $name::validate_json(value)
        }
        fn schema() -> Value {
            serde_json::to_value(schemars::schema_for!($name)).unwrap()
        }
        (typed as fn(&Value) -> _, raw as fn(&Value) -> _, &<$name as Describe>::KIND, schema as fn() -> Value)
    }};
}

#[derive(Debug, Deserialize, Validate)]
#[serde(deny_unknown_fields)]
#[spec(json, json_schema)]
struct Child {
    #[spec(min_length = 2)]
    name: String,
}

fn case(keyword: Keyword) -> Case {
    let build = |(typed, raw, kind, schema), valid, invalid, code, pointer| Case {
        valid,
        invalid: Some(invalid),
        code,
        pointer,
        typed,
        raw,
        kind,
        schema,
    };
    match keyword {
        // JSON Schema's `integer` takes `1.0` on a `serde_json::Value` member.
        Keyword::Type => build(
            case_type!(T, serde_json::Value, [type = "string | integer"]),
            json!({"m": 1.0}),
            json!({"m": 1.5}),
            ErrorCode::Type,
            "/m",
        ),
        Keyword::MinLength => build(
            case_type!(T, String, [min_length = 2]),
            json!({"m": "éé"}),
            json!({"m": "é"}),
            ErrorCode::Length,
            "/m",
        ),
        Keyword::MaxLength => build(
            case_type!(T, String, [max_length = 2]),
            json!({"m": "😀😀"}),
            json!({"m": "abc"}),
            ErrorCode::Length,
            "/m",
        ),
        Keyword::MinItems => build(
            case_type!(T, Vec<u8>, [min_items = 1]),
            json!({"m": [1]}),
            json!({"m": []}),
            ErrorCode::Length,
            "/m",
        ),
        Keyword::MaxItems => build(
            case_type!(T, Vec<u8>, [max_items = 1]),
            json!({"m": [1]}),
            json!({"m": [1, 2]}),
            ErrorCode::Length,
            "/m",
        ),
        Keyword::Format => build(
            case_type!(T, String, [format = "uuid"]),
            json!({"m": "67e55044-10b1-426f-9247-bb680e5fe0c8"}),
            json!({"m": "67e5504410b1426f9247bb680e5fe0c8"}),
            ErrorCode::Format,
            "/m",
        ),
        Keyword::PatternRule => build(
            case_type!(
                T,
                String,
                [
                    pattern = "^[0-9]{2}$",
                    pattern_rule = "must be two ASCII digits"
                ]
            ),
            json!({"m": "42"}),
            json!({"m": "4"}),
            ErrorCode::Pattern,
            "/m",
        ),
        Keyword::Pattern => build(
            case_type!(T, String, [pattern = "^[0-9]{2}$"]),
            json!({"m": "42"}),
            json!({"m": "٤٢"}),
            ErrorCode::Pattern,
            "/m",
        ),
        Keyword::Minimum => build(
            case_type!(T, i64, [minimum = 1]),
            json!({"m": 1}),
            json!({"m": 0}),
            ErrorCode::Range,
            "/m",
        ),
        Keyword::Maximum => build(
            case_type!(T, i64, [maximum = 1]),
            json!({"m": 1}),
            json!({"m": 2}),
            ErrorCode::Range,
            "/m",
        ),
        Keyword::ExclusiveMinimum => build(
            case_type!(T, f64, [exclusive_minimum = 1]),
            json!({"m": 1.5}),
            json!({"m": 1}),
            ErrorCode::Range,
            "/m",
        ),
        Keyword::ExclusiveMaximum => build(
            case_type!(T, f64, [exclusive_maximum = 1]),
            json!({"m": 0.5}),
            json!({"m": 1}),
            ErrorCode::Range,
            "/m",
        ),
        Keyword::MultipleOf => build(
            case_type!(T, f64, [multiple_of = 0.01]),
            json!({"m": 19.99}),
            json!({"m": 19.995}),
            ErrorCode::MultipleOf,
            "/m",
        ),
        Keyword::UniqueItems => build(
            case_type!(T, Vec<f64>, [unique_items]),
            json!({"m": [1, 1.5]}),
            json!({"m": [1, 2, 1.0]}),
            ErrorCode::UniqueItems,
            "/m",
        ),
        Keyword::MinProperties => build(
            case_type!(T, std::collections::BTreeMap<String, Value>, [min_properties = 1]),
            json!({"m": {"a": 1}}),
            json!({"m": {}}),
            ErrorCode::MinProperties,
            "/m",
        ),
        Keyword::MaxProperties => build(
            case_type!(T, serde_json::Map<String, Value>, [max_properties = 1]),
            json!({"m": {"a": 1}}),
            json!({"m": {"b": [], "a": 1}}),
            ErrorCode::MaxProperties,
            "/m",
        ),
        Keyword::DependentRequired => build(
            case_type!(
                T,
                std::collections::BTreeMap<String, Value>,
                [dependent_required = r#"{"a": ["b"]}"#]
            ),
            json!({"m": {"a": 1, "b": 2}}),
            json!({"m": {"a": 1}}),
            ErrorCode::DependentRequired,
            "/m",
        ),
        // Each missing member, at its own pointer (escaped: `b/c` is `b~1c`); a value that is
        // not an object has no members to require.
        Keyword::RequiredMembers => build(
            case_type!(T, Value, [required_members = r#"["a", "b/c"]"#]),
            json!({"m": {"a": 1, "b/c": null}}),
            json!({"m": {"a": 1}}),
            ErrorCode::Required,
            "/m/b~1c",
        ),
        // Each member named, when present, at its pointer; `z` is named by none.
        Keyword::Properties => build(
            case_type!(
                T,
                Value,
                [properties("a" (type = "string"), "b/c" (maximum = 2))]
            ),
            json!({"m": {"a": "x", "b/c": 2, "z": 9}}),
            json!({"m": {"a": "x", "b/c": 3, "z": 9}}),
            ErrorCode::Range,
            "/m/b~1c",
        ),
        // Each member's value, at the member's pointer (escaped: `a/b` is `a~1b`).
        Keyword::AdditionalProperties => build(
            case_type!(
                T,
                serde_json::Map<String, Value>,
                [additional_properties(type = "string", max_length = 1)]
            ),
            json!({"m": {"a": "x", "a/b": ""}}),
            json!({"m": {"a": "x", "a/b": "yz"}}),
            ErrorCode::Length,
            "/m/a~1b",
        ),
        // The members whose names match, each at its pointer; `b` matches no pattern.
        Keyword::PatternProperties => build(
            case_type!(
                T,
                serde_json::Map<String, Value>,
                [pattern_properties("^a" (type = "integer", maximum = 20))]
            ),
            json!({"m": {"a1": 20, "b": "x"}}),
            json!({"m": {"a1": 20, "ab": 21, "b": "x"}}),
            ErrorCode::Range,
            "/m/ab",
        ),
        // Each member's name: the error at the object, naming the member.
        Keyword::PropertyNames => build(
            case_type!(
                T,
                std::collections::BTreeMap<String, Value>,
                [property_names(max_length = 2)]
            ),
            json!({"m": {"ab": 1, "": 2}}),
            json!({"m": {"ab": 1, "abc": 2}}),
            ErrorCode::PropertyNames,
            "/m",
        ),
        Keyword::Const => build(
            case_type!(T, Vec<i64>, [const = "[1, 2]"]),
            json!({"m": [1, 2]}),
            json!({"m": [2, 1]}),
            ErrorCode::Const,
            "/m",
        ),
        Keyword::Enum => build(
            case_type!(T, f64, [enum = "[1, 2.5, \"x\"]"]),
            json!({"m": 1.0}),
            json!({"m": 2}),
            ErrorCode::Enum,
            "/m",
        ),
        Keyword::Items => build(
            case_type!(T, Vec<String>, [items(max_length = 1)]),
            json!({"m": ["a"]}),
            json!({"m": ["a", "bc"]}),
            ErrorCode::Length,
            "/m/1",
        ),
        // 7 satisfies `contains`, 1 and 2 do not.
        Keyword::Contains => build(
            case_type!(T, Vec<i64>, [contains(minimum = 5)]),
            json!({"m": [1, 7]}),
            json!({"m": [1, 2]}),
            ErrorCode::Contains,
            "/m",
        ),
        // Any JSON value: `1.0` equals `1`, a string or an object is no array (nothing to count).
        Keyword::MinContains => build(
            case_type!(T, serde_json::Value, [contains(const = "1"), min_contains = 2]),
            json!({"m": [1, "a", 1.0]}),
            json!({"m": [1, "1", 2]}),
            ErrorCode::MinContains,
            "/m",
        ),
        Keyword::MaxContains => build(
            case_type!(T, Vec<String>, [contains(min_length = 2), max_contains = 1]),
            json!({"m": ["ab", "c", ""]}),
            json!({"m": ["ab", "c", "cd"]}),
            ErrorCode::MaxContains,
            "/m",
        ),
        // "ab" satisfies `min_length = 2` and so fails `not`; "a" does not.
        Keyword::Not => build(
            case_type!(T, String, [not(min_length = 2)]),
            json!({"m": "a"}),
            json!({"m": "ab"}),
            ErrorCode::Not,
            "/m",
        ),
        // Above 0 `then` holds, else `else`: 4 is even; -11 is below -10.
        Keyword::If => build(
            case_type!(
                T,
                i64,
                [if(exclusive_maximum = 0), then(minimum = -10), else(multiple_of = 2)]
            ),
            json!({"m": 4}),
            json!({"m": -11}),
            ErrorCode::Range,
            "/m",
        ),
        // "ab" starts with `a`: it must be at least 3 long.
        Keyword::Then => build(
            case_type!(T, String, [if(pattern = "^a"), then(min_length = 3)]),
            json!({"m": "b"}),
            json!({"m": "ab"}),
            ErrorCode::Length,
            "/m",
        ),
        // 3 is not above 5, so it must be a multiple of 2.
        Keyword::Else => build(
            case_type!(T, serde_json::Value, [if(minimum = 5), else(multiple_of = 2)]),
            json!({"m": 7}),
            json!({"m": 3}),
            ErrorCode::MultipleOf,
            "/m",
        ),
        // 3 is neither at most 1 nor at least 5 (the first part) and odd (the second): each
        // part's error is reported.
        Keyword::AllOf => build(
            case_type!(
                T,
                i64,
                [all_of(
                    (any_of((maximum = 1), (minimum = 5))),
                    (multiple_of = 2)
                )]
            ),
            json!({"m": 6}),
            json!({"m": 3}),
            ErrorCode::AnyOf,
            "/m",
        ),
        // 3 is neither at most 1 nor at least 5.
        Keyword::AnyOf => build(
            case_type!(T, i64, [any_of((maximum = 1), (minimum = 5))]),
            json!({"m": 7}),
            json!({"m": 3}),
            ErrorCode::AnyOf,
            "/m",
        ),
        // "abc" is both a string of 3 and one starting with `a`.
        Keyword::OneOf => build(
            case_type!(T, serde_json::Value, [one_of((min_length = 3), (pattern = "^a"), (type = "null"))]),
            json!({"m": "ab"}),
            json!({"m": "abc"}),
            ErrorCode::OneOf,
            "/m",
        ),
        // Item 1 must be at most 2 long; the items after the prefix at least 3.
        Keyword::PrefixItems => build(
            case_type!(
                T,
                Vec<String>,
                [prefix_items((), (max_length = 2)), items(min_length = 3)]
            ),
            json!({"m": ["abcd", "ab", "abc"]}),
            json!({"m": ["abcd", "abc", "abc"]}),
            ErrorCode::Length,
            "/m/1",
        ),
        Keyword::Nested => build(
            case_type!(T, Child, [nested]),
            json!({"m": {"name": "ab"}}),
            json!({"m": {"name": "a"}}),
            ErrorCode::Length,
            "/m/name",
        ),
        Keyword::Required => build(
            case_type!(T, Option<String>, [required, nullable]),
            json!({"m": null}),
            json!({}),
            ErrorCode::Required,
            "/m",
        ),
        Keyword::Nullable => build(
            case_type!(T, Option<String>, [nullable]),
            json!({"m": null}),
            json!({"m": 1}),
            ErrorCode::Type,
            "/m",
        ),
        Keyword::Forbidden => build(
            case_type!(T, Option<String>, [forbidden = "create"]),
            json!({}),
            json!({"m": "x"}),
            ErrorCode::Forbidden,
            "/m",
        ),
        Keyword::Default => {
            let (typed, raw, kind, schema) = case_type!(T, Option<String>, [default = "\"d\""]);
            Case {
                valid: json!({"m": "other"}),
                invalid: None,
                code: ErrorCode::Type,
                pointer: "/m",
                typed,
                raw,
                kind,
                schema,
            }
        }
    }
}

/// Whether serde's typed parse takes the document (presence and `null` are decided there).
fn typed_parses(case: &Case, document: &Value) -> bool {
    std::panic::catch_unwind(|| (case.typed)(document)).is_ok()
}

#[test]
fn every_keyword_is_checked_on_both_paths_described_and_stated_in_the_schema() {
    for keyword in Keyword::ALL.iter().copied() {
        let case = case(keyword);
        // Raw checks.
        assert!(
            (case.raw)(&case.valid).is_ok(),
            "{keyword}: raw rejects the valid document"
        );
        let Some(invalid) = &case.invalid else {
            // An annotation: the member may be absent or anything its type takes.
            assert!(
                (case.raw)(&json!({})).is_ok(),
                "{keyword}: raw rejects `{{}}`"
            );
            assert!(
                (case.typed)(&json!({})).is_ok(),
                "{keyword}: typed rejects `{{}}`"
            );
            assert!(
                (case.typed)(&case.valid).is_ok(),
                "{keyword}: typed rejects the valid document"
            );
            let Kind::Object(spec) = case.kind else {
                panic!("{keyword}: not an object")
            };
            assert!(
                spec.fields[0].constraints.has(keyword),
                "{keyword}: not in the descriptor"
            );
            let schema = (case.schema)();
            assert_eq!(
                schema["properties"]["m"][keyword.json_name()],
                json!("d"),
                "{keyword}: {schema}"
            );
            continue;
        };
        let errors = (case.raw)(invalid).expect_err(keyword.spec_name());
        assert!(
            errors
                .iter()
                .any(|e| e.code() == case.code && e.path() == case.pointer),
            "{keyword}: raw errors {errors:?}"
        );
        if keyword == Keyword::PatternRule {
            assert_eq!(errors.as_slice()[0].message(), "must be two ASCII digits");
            assert_eq!(
                errors.as_slice()[0].params()["pattern"],
                json!("^[0-9]{2}$")
            );
        }
        // Typed checks (where serde takes the document; presence is serde's there).
        if typed_parses(&case, &case.valid) {
            assert!(
                (case.typed)(&case.valid).is_ok(),
                "{keyword}: typed rejects the valid document"
            );
        }
        if typed_parses(&case, invalid) {
            let typed = (case.typed)(invalid).expect_err(keyword.spec_name());
            assert_eq!(
                typed.as_slice(),
                errors.as_slice(),
                "{keyword}: the two paths disagree"
            );
        }
        // Descriptors: the keyword is in the member's constraints, or its presence bits.
        let Kind::Object(spec) = case.kind else {
            panic!("{keyword}: not an object")
        };
        let member = &spec.fields[0];
        let described = member.constraints.has(keyword)
            || (keyword == Keyword::Required && member.required)
            || (keyword == Keyword::Nullable && member.nullable)
            || (keyword == Keyword::Forbidden && member.forbidden);
        assert!(described, "{keyword}: not in the descriptor");
        // The JSON Schema says it.
        let schema = (case.schema)();
        let property = &schema["properties"]["m"];
        let stated = match keyword {
            Keyword::Items => property["items"]["maxLength"] == json!(1),
            Keyword::PropertyNames => property["propertyNames"] == json!({"maxLength": 2}),
            Keyword::PatternProperties => {
                property["patternProperties"] == json!({"^a": {"type": "integer", "maximum": 20}})
            }
            Keyword::AdditionalProperties => {
                property["additionalProperties"] == json!({"type": "string", "maxLength": 1})
            }
            Keyword::Nested => property.get("$ref").is_some() || property.get("allOf").is_some(),
            Keyword::Required => schema["required"] == json!(["m"]),
            Keyword::Nullable => property["type"] == json!(["string", "null"]),
            Keyword::Forbidden => *property == json!(false),
            _ => property.get(keyword.json_name()).is_some(),
        };
        assert!(stated, "{keyword}: the schema {schema} does not say it");
        // The strategies break each constraint as labelled.
        let mut runner = TestRunner::deterministic();
        let invalid = m3ter_models::strategies::invalid_json(case.kind);
        for _ in 0..16 {
            let (document, broken) = invalid.new_tree(&mut runner).unwrap().current();
            let errors = (case.raw)(&document).expect_err(keyword.spec_name());
            assert!(
                errors
                    .iter()
                    .any(|e| e.path() == broken.path && e.code() == broken.code),
                "{keyword}: {document} should break {broken:?}, got {errors:?}"
            );
        }
        // The strategies generate documents the raw checks accept.
        let mut runner = TestRunner::deterministic();
        let strategy = m3ter_models::strategies::valid_json(
            case.kind,
            &m3ter_models::describe::Constraints::NONE,
        );
        for _ in 0..16 {
            let document = strategy.new_tree(&mut runner).unwrap().current();
            assert!(
                (case.raw)(&document).is_ok(),
                "{keyword}: strategy made {document}"
            );
        }
    }
}

/// The fragment that says `keyword` on the property `p` of the component `S` (and what
/// else it needs), and the `#[spec]` text the generator must write for it.
fn fragment_for(keyword: Keyword) -> (String, &'static str) {
    let (property, required, expected) = match keyword {
        Keyword::Type => (
            r#"{"type": ["string", "integer"]}"#,
            "",
            r#"type = "integer | string""#,
        ),
        Keyword::MinLength => (
            r#"{"type": "string", "minLength": 2}"#,
            "",
            "min_length = 2",
        ),
        Keyword::MaxLength => (
            r#"{"type": "string", "maxLength": 2}"#,
            "",
            "max_length = 2",
        ),
        Keyword::MinItems => (
            r#"{"type": "array", "items": {"type": "string"}, "minItems": 1}"#,
            "",
            "min_items = 1",
        ),
        Keyword::MaxItems => (
            r#"{"type": "array", "items": {"type": "string"}, "maxItems": 1}"#,
            "",
            "max_items = 1",
        ),
        Keyword::Format => (
            r#"{"type": "string", "format": "s3-bucket-name"}"#,
            "",
            r#"format = "s3-bucket-name""#,
        ),
        Keyword::Pattern => (
            r#"{"type": "string", "pattern": "^a$"}"#,
            "",
            r#"pattern = "^a$""#,
        ),
        Keyword::PatternRule => (
            r#"{"type": "string", "pattern": "^a$", "x-m3ter-pattern-rule": "must be a"}"#,
            "",
            r#"pattern_rule = "must be a""#,
        ),
        Keyword::Minimum => (r#"{"type": "integer", "minimum": 1}"#, "", "minimum = 1"),
        Keyword::Maximum => (r#"{"type": "integer", "maximum": 1}"#, "", "maximum = 1"),
        Keyword::ExclusiveMinimum => (
            r#"{"type": "number", "exclusiveMinimum": 1}"#,
            "",
            "exclusive_minimum = 1",
        ),
        Keyword::ExclusiveMaximum => (
            r#"{"type": "number", "exclusiveMaximum": 1}"#,
            "",
            "exclusive_maximum = 1",
        ),
        Keyword::MultipleOf => (
            r#"{"type": "number", "multipleOf": 0.01}"#,
            "",
            "multiple_of = 0.01",
        ),
        Keyword::UniqueItems => (
            r#"{"type": "array", "items": {"type": "integer"}, "uniqueItems": true}"#,
            "",
            "unique_items",
        ),
        Keyword::MinProperties => (
            r#"{"type": "object", "minProperties": 1}"#,
            "",
            "min_properties = 1",
        ),
        Keyword::MaxProperties => (
            r#"{"type": "object", "maxProperties": 2}"#,
            "",
            "max_properties = 2",
        ),
        Keyword::DependentRequired => (
            r#"{"type": "object", "dependentRequired": {"a": ["b", "c"]}}"#,
            "",
            r#"dependent_required = "{\"a\":[\"b\",\"c\"]}""#,
        ),
        Keyword::RequiredMembers => (
            r#"{"required": ["a", "b"]}"#,
            "",
            r#"required_members = "[\"a\",\"b\"]""#,
        ),
        Keyword::Properties => (
            r#"{"type": ["object", "string"], "properties": {"a": {"minLength": 1}, "b": true}}"#,
            "",
            r#"type = "string | object", properties("a"(min_length = 1), "b"())"#,
        ),
        Keyword::AdditionalProperties => (
            r#"{"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}}"#,
            "",
            r#"additional_properties(type = "integer", minimum = 1)"#,
        ),
        Keyword::PatternProperties => (
            r#"{"type": "object", "patternProperties": {"^x-": {"type": "string"}, "^n": {"minimum": 1}}}"#,
            "",
            r#"pattern_properties("^x-"(type = "string"), "^n"(minimum = 1))"#,
        ),
        Keyword::PropertyNames => (
            r#"{"type": "object", "propertyNames": {"type": "string", "pattern": "^[a-z]+$"}}"#,
            "",
            r#"property_names(pattern = "^[a-z]+$")"#,
        ),
        Keyword::Const => (r#"{"type": "integer", "const": 3}"#, "", r#"const = "3""#),
        Keyword::Enum => (
            r#"{"type": "integer", "enum": [1, 2.5]}"#,
            "",
            r#"enum = "[1,2.5]""#,
        ),
        Keyword::Items => (
            r#"{"type": "array", "items": {"type": "string", "maxLength": 2}}"#,
            "",
            "items(max_length = 2)",
        ),
        Keyword::Contains => (
            r#"{"type": "array", "items": {"type": "integer"}, "contains": {"minimum": 5}}"#,
            "",
            "contains(minimum = 5)",
        ),
        Keyword::MinContains => (
            r#"{"contains": {"const": 1}, "minContains": 2}"#,
            "",
            r#"contains(const = "1"), min_contains = 2"#,
        ),
        Keyword::MaxContains => (
            r#"{"type": "array", "items": {"type": "string"}, "contains": {"minLength": 2}, "maxContains": 1}"#,
            "",
            "contains(min_length = 2), max_contains = 1",
        ),
        Keyword::Not => (
            r#"{"type": "string", "not": {"minLength": 2}}"#,
            "",
            "not(min_length = 2)",
        ),
        Keyword::If => (
            r#"{"type": "integer", "if": {"exclusiveMaximum": 0}, "then": {"minimum": -10}}"#,
            "",
            "if(exclusive_maximum = 0), then(minimum = -10)",
        ),
        Keyword::Then => (
            r#"{"then": {"const": "yes"}, "if": {"maxLength": 4}}"#,
            "",
            r#"if(max_length = 4), then(const = "\"yes\"")"#,
        ),
        Keyword::Else => (
            r#"{"type": "number", "if": {"maximum": 0}, "else": {"multipleOf": 2}}"#,
            "",
            "if(maximum = 0), else(multiple_of = 2)",
        ),
        // The part that merges (`multipleOf`) is merged; the `anyOf` part is kept apart.
        Keyword::AllOf => (
            r#"{"type": "integer", "allOf": [{"anyOf": [{"maximum": 1}, {"minimum": 5}]}, {"multipleOf": 2}]}"#,
            "",
            "multiple_of = 2, all_of((any_of((maximum = 1), (minimum = 5))))",
        ),
        Keyword::AnyOf => (
            r#"{"type": "integer", "anyOf": [{"maximum": 1}, {"minimum": 5}]}"#,
            "",
            "any_of((maximum = 1), (minimum = 5))",
        ),
        Keyword::OneOf => (
            r#"{"oneOf": [{"type": "string", "minLength": 3}, {"pattern": "^a"}, true]}"#,
            "",
            r#"one_of((type = "string", min_length = 3), (pattern = "^a"), ())"#,
        ),
        Keyword::PrefixItems => (
            r#"{"type": "array", "prefixItems": [{"type": "integer"}, true], "items": false}"#,
            "",
            r#"type = "array", items(not()), prefix_items((type = "integer"), ())"#,
        ),
        Keyword::Nested => (r##"{"$ref": "#/components/schemas/C"}"##, "", "nested"),
        Keyword::Required => (
            r#"{"type": ["string", "null"]}"#,
            r#", "required": ["p"]"#,
            "required, nullable",
        ),
        Keyword::Nullable => (r#"{"type": ["string", "null"]}"#, "", "nullable"),
        Keyword::Forbidden => (
            r#"{"type": "integer", "x-m3ter-operations": {"create": "forbidden"}}"#,
            "",
            r#"forbidden = "create""#,
        ),
        Keyword::Default => (
            r#"{"type": "string", "default": "d"}"#,
            "",
            r#"default = "\"d\"""#,
        ),
    };
    let paths = if keyword == Keyword::Forbidden {
        r##"{"/s": {"post": {"x-m3ter-operation": "create", "operationId": "postS",
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/S"}}}},
            "responses": {"200": {"description": "ok"}}}}}"##
    } else {
        "{}"
    };
    let fragment = format!(
        r#"{{"openapi": "3.1.0", "info": {{"title": "t", "version": "1"}}, "paths": {paths},
            "components": {{"schemas": {{
                "S": {{"type": "object", "properties": {{"p": {property}}}{required}}},
                "C": {{"type": "object", "properties": {{"n": {{"type": "string"}}}}}}
            }}}}}}"#
    );
    (fragment, expected)
}

#[test]
fn the_generator_reads_and_writes_every_keyword() {
    for keyword in Keyword::ALL.iter().copied() {
        let (fragment, expected) = fragment_for(keyword);
        let generated = xtask::codegen::generate(&fragment, "vocabulary.json")
            .unwrap_or_else(|errors| panic!("{keyword}: {errors:?}"));
        assert!(
            generated.contains(expected),
            "{keyword}: `{expected}` not in\n{generated}"
        );
    }
}

#[test]
fn every_format_is_checked_raw_and_typed_and_generated() {
    for format in Format::ALL.iter().copied() {
        // The runtime check, held to the registry's own examples.
        assert!(
            m3ter_models::formats::check(format, format.valid_example()).is_ok(),
            "{format}"
        );
        for bad in format.invalid_examples() {
            assert!(
                m3ter_models::formats::check(format, bad).is_err(),
                "{format}: {bad:?}"
            );
        }
        // The strategy's values pass the check.
        let mut runner = TestRunner::deterministic();
        let strategy = m3ter_models::strategies::format_value(format);
        for _ in 0..32 {
            let value = strategy.new_tree(&mut runner).unwrap().current();
            assert!(
                m3ter_models::formats::check(format, &value).is_ok(),
                "{format}: {value:?}"
            );
        }
        // The generator accepts the format by name: `uuid` and `date-time` as typed members,
        // every other one as a string member with `#[spec(format = …)]`.
        let fragment = format!(
            r#"{{"openapi": "3.1.0", "info": {{"title": "t", "version": "1"}}, "paths": {{}},
                "components": {{"schemas": {{"S": {{"type": "object", "properties": {{
                    "p": {{"type": "string", "format": "{}"}}}}}}}}}}}}"#,
            format.name()
        );
        let generated = xtask::codegen::generate(&fragment, "vocabulary.json")
            .unwrap_or_else(|errors| panic!("{format}: {errors:?}"));
        let expected = match format {
            Format::Uuid => "::m3ter_models::types::Uuid".to_owned(),
            Format::DateTime => "::m3ter_models::types::DateTime".to_owned(),
            Format::AwsIamRoleArn
            | Format::Date
            | Format::Duration
            | Format::Email
            | Format::GcsBucketName
            | Format::Hostname
            | Format::Ipv4
            | Format::Ipv6
            | Format::Regex
            | Format::S3BucketName
            | Format::Time
            | Format::Uri
            | Format::UriReference => format!("format = \"{}\"", format.name()),
        };
        assert!(
            generated.contains(&expected),
            "{format}: `{expected}` not in\n{generated}"
        );
        // The derive's typed and raw checks.
        #[m3ter_models::model]
        #[derive(Deserialize, Validate)]
        #[spec(json)]
        struct F {
            #[spec(format = "aws-iam-role-arn")]
            arn: Option<String>,
            #[spec(format = "date")]
            day: Option<String>,
            #[spec(format = "date-time")]
            at: Option<String>,
            #[spec(format = "duration")]
            lasts: Option<String>,
            #[spec(format = "email")]
            mail: Option<String>,
            #[spec(format = "gcs-bucket-name")]
            gcs: Option<String>,
            #[spec(format = "hostname")]
            host: Option<String>,
            #[spec(format = "ipv4")]
            v4: Option<String>,
            #[spec(format = "ipv6")]
            v6: Option<String>,
            #[spec(format = "regex")]
            re: Option<String>,
            #[spec(format = "s3-bucket-name")]
            s3: Option<String>,
            #[spec(format = "time")]
            clock: Option<String>,
            #[spec(format = "uri")]
            link: Option<String>,
            #[spec(format = "uri-reference")]
            href: Option<String>,
            #[spec(format = "uuid")]
            id: Option<String>,
        }
        let member = match format {
            Format::AwsIamRoleArn => "arn",
            Format::Date => "day",
            Format::DateTime => "at",
            Format::Duration => "lasts",
            Format::Email => "mail",
            Format::GcsBucketName => "gcs",
            Format::Hostname => "host",
            Format::Ipv4 => "v4",
            Format::Ipv6 => "v6",
            Format::Regex => "re",
            Format::S3BucketName => "s3",
            Format::Time => "clock",
            Format::Uri => "link",
            Format::UriReference => "href",
            Format::Uuid => "id",
        };
        // The valid example passes both paths.
        let document = json!({ member: format.valid_example() });
        let raw = F::validate_json(&document);
        assert!(raw.is_ok(), "{format}: {raw:?}");
        let typed: F = serde_json::from_value(document).unwrap();
        let typed = typed.validate();
        assert!(typed.is_ok(), "{format}: {typed:?}");
        // The strategy's invalid values fail the check.
        let invalid = m3ter_models::strategies::invalid_format_value(format);
        for _ in 0..32 {
            let value = invalid.new_tree(&mut runner).unwrap().current();
            assert!(
                m3ter_models::formats::check(format, &value).is_err(),
                "{format}: {value:?}"
            );
        }
        for bad in format.invalid_examples() {
            let document = json!({ member: bad });
            let raw = F::validate_json(&document).unwrap_err();
            let typed: F = serde_json::from_value(document).unwrap();
            let typed = typed.validate().unwrap_err();
            assert_eq!(raw.as_slice(), typed.as_slice(), "{format}: {bad:?}");
            assert_eq!(raw.as_slice()[0].code(), ErrorCode::Format);
            let params = raw.as_slice()[0].params();
            assert_eq!(params["format"], format.name(), "{format}: {bad:?}");
            assert!(params["part"].is_string(), "{format}: {bad:?}");
        }
    }
}

/// The keyword and format lists people read (the derive's documentation, the README) name every
/// keyword and format of the vocabulary, so they cannot fall behind the table.
#[test]
fn the_documentation_names_every_keyword_and_format() {
    let derive_doc = include_str!("../crates/m3ter-models-derive/src/lib.rs");
    let readme = include_str!("../README.md");
    for keyword in Keyword::ALL {
        let name = format!("`{}", keyword.spec_name());
        assert!(
            derive_doc.contains(&name),
            "the derive's table lacks {name}`"
        );
        assert!(
            readme.contains(&name),
            "README's keyword list lacks {name}`"
        );
    }
    // The derive's attributes outside the vocabulary (on the container and a union's variants).
    for attribute in ["json", "json_schema", "discriminator", "tag"] {
        let name = format!("`{attribute}");
        assert!(derive_doc.contains(&name), "the derive's docs lack {name}`");
        assert!(readme.contains(&name), "README lacks {name}`");
    }
    for format in Format::ALL {
        let name = format!("`{}`", format.name());
        assert!(
            derive_doc.contains(&name),
            "the derive's table lacks {name}"
        );
        assert!(readme.contains(&name), "README lacks {name}");
    }
}

/// An item of another JSON type than its list's items is the one `type` error of that item, as
/// a member of another type is: the item keywords (`enum`, `const`, ...) have nothing to say.
#[test]
fn an_item_of_another_type_is_one_type_error() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct L {
        #[spec(unique_items, items(enum = "[1, 2]", const = "1", multiple_of = 1))]
        m: Vec<i64>,
    }
    let errors = L::validate_json(&json!({"m": [1, "a", 3]})).unwrap_err();
    let found: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        found,
        [
            ("/m/1", ErrorCode::Type),
            ("/m/2", ErrorCode::Const),
            ("/m/2", ErrorCode::Enum),
        ]
    );
    let typed = L { m: vec![1, 1, 2] }.validate().unwrap_err();
    let raw = L::validate_json(&json!({"m": [1, 1, 2]})).unwrap_err();
    assert_eq!(typed.as_slice(), raw.as_slice());
    let found: Vec<(&str, ErrorCode)> = raw.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        found,
        [("/m", ErrorCode::UniqueItems), ("/m/2", ErrorCode::Const),]
    );
}

/// A member of any JSON value whose objects are a type (`properties` without `type`): an
/// object is checked as the type on every path, every other value is accepted.
#[test]
fn an_object_or_member_checks_objects_only() {
    #[m3ter_models::model]
    #[derive(Debug, Deserialize, Validate)]
    #[serde(deny_unknown_fields)]
    #[spec(json, json_schema)]
    struct O {
        #[spec(nested)]
        m: m3ter_models::ObjectOr<Child>,
    }
    let verdicts = |document: &Value| {
        let raw = O::validate_json(document);
        let typed = serde_json::from_value::<O>(document.clone()).map(|o| o.validate());
        let from_slice = m3ter_models::json::from_slice::<O>(document.to_string().as_bytes());
        (raw, typed, from_slice)
    };
    for document in [
        json!({"m": [1, {"name": ""}]}),
        json!({"m": 12}),
        json!({"m": "a"}),
        json!({"m": null}),
        json!({"m": true}),
        json!({"m": {"name": "ab"}}),
    ] {
        let (raw, typed, from_slice) = verdicts(&document);
        assert!(raw.is_ok(), "{document}: {raw:?}");
        assert!(matches!(typed, Ok(Ok(()))), "{document}");
        assert!(from_slice.is_ok(), "{document}");
    }
    // An object is the type: its constraints at their pointers, the same on both paths.
    let document = json!({"m": {"name": "a"}});
    let (raw, typed, from_slice) = verdicts(&document);
    let raw = raw.unwrap_err();
    let found: Vec<(&str, ErrorCode)> = raw.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(found, [("/m/name", ErrorCode::Length)]);
    assert_eq!(typed.unwrap().unwrap_err().as_slice(), raw.as_slice());
    assert_eq!(from_slice.unwrap_err().as_slice(), raw.as_slice());
    let raw = O::validate_json(&json!({"m": {}})).unwrap_err();
    let found: Vec<(&str, ErrorCode)> = raw.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(found, [("/m/name", ErrorCode::Required)]);
    // Values keep their JSON through serde.
    let o: O = serde_json::from_value(json!({"m": [1, "x"]})).unwrap();
    assert!(matches!(o.m, m3ter_models::ObjectOr::Other(v) if v == json!([1, "x"])));
    // The descriptor and the schema say it.
    let Kind::Object(spec) = <O as Describe>::KIND else {
        panic!("an object type");
    };
    assert!(matches!(
        spec.fields[0].kind.resolved(),
        Kind::ObjectOr(Kind::Object(_))
    ));
    let schema = serde_json::to_value(schemars::schema_for!(O)).unwrap();
    let member = &schema["properties"]["m"]["anyOf"];
    assert_eq!(member[1], json!({"not": {"type": "object"}}), "{schema}");
    assert!(
        member[0].get("$ref").is_some() || member[0].get("properties").is_some(),
        "{schema}"
    );
}

/// `contains` with its bounds, end to end: the count decides (`minContains: 0` always holds,
/// `maxContains` still bounds), a nested `contains` counts inside each item, a value that is
/// no array has nothing to count, and the typed and raw paths give the same errors.
#[test]
fn contains_counts_the_items_that_satisfy_it_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct C {
        #[spec(contains(const = "1"), min_contains = 0, max_contains = 1)]
        any: Option<Value>,
        #[spec(contains(contains(maximum = 0)), min_contains = 2)]
        nested: Option<Value>,
        #[spec(contains(pattern = "^a"), max_contains = 2)]
        words: Option<Vec<String>>,
    }
    let check = |document: Value| -> Vec<(String, ErrorCode, Value)> {
        let raw = C::validate_json(&document).err();
        let raw = raw.as_ref().map_or(&[][..], |e| e.as_slice());
        let typed: C = serde_json::from_value(document.clone()).unwrap();
        let typed = typed.validate().err();
        let typed = typed.as_ref().map_or(&[][..], |e| e.as_slice());
        assert_eq!(raw, typed, "{document}");
        raw.iter()
            .map(|e| (e.path().to_owned(), e.code(), Value::Object(e.params())))
            .collect()
    };
    // No match is fine with `minContains: 0`; a string or an object has no items to count.
    assert_eq!(check(json!({"any": [2, "1"]})), vec![]);
    assert_eq!(check(json!({"any": "1"})), vec![]);
    assert_eq!(check(json!({"any": {"a": 1}})), vec![]);
    assert_eq!(check(json!({"any": [1.0, 2]})), vec![]);
    assert_eq!(
        check(json!({"any": [1, 1.0]})),
        vec![(
            "/any".to_owned(),
            ErrorCode::MaxContains,
            json!({"actual": 2, "max": 1})
        )]
    );
    // Items that hold a number at most 0: `[0]` and `[5, -1]`, not `[5]`; `3` is no array, so
    // the inner `contains` has nothing to check and it satisfies it, as JSON Schema says; `[]`
    // has no item to satisfy the inner one.
    assert_eq!(check(json!({"nested": [[0], [5], [5, -1]]})), vec![]);
    assert_eq!(check(json!({"nested": [[0], [5], 3]})), vec![]);
    assert_eq!(
        check(json!({"nested": [[0], [5], []]})),
        vec![(
            "/nested".to_owned(),
            ErrorCode::MinContains,
            json!({"actual": 1, "min": 2})
        )]
    );
    assert_eq!(
        check(json!({"words": ["ab", "b", "ac", "a"]})),
        vec![(
            "/words".to_owned(),
            ErrorCode::MaxContains,
            json!({"actual": 3, "max": 2})
        )]
    );
    assert_eq!(
        check(json!({"words": []})),
        vec![("/words".to_owned(), ErrorCode::Contains, json!({}))]
    );
    // The items' own errors are not reported: they only decide whether an item counts.
    assert_eq!(check(json!({"words": ["b", "ab"]})), vec![]);
    // In the raw walk an item of another JSON type is its one `type` error, and no match.
    let errors = C::validate_json(&json!({"words": [1, "b"]})).unwrap_err();
    let found: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        found,
        vec![
            ("/words/0", ErrorCode::Type),
            ("/words", ErrorCode::Contains)
        ]
    );
}

/// `not` end to end: one error `not` at the member when its nested schema gets no error, the
/// nested errors never reported; an absent member is no value; `not()` (the `false` schema's
/// negation: nothing passes) refuses every present value, `null` included; a double negation;
/// `not` inside `items(...)` at each item's pointer; the typed and raw paths agree.
#[test]
fn not_refuses_the_values_its_schema_accepts_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct N {
        #[spec(not(type = "integer | boolean"))]
        any: Option<Value>,
        #[spec(not())]
        never: Option<Value>,
        #[spec(not(not(minimum = 10)))]
        twice: Option<i64>,
        #[spec(items(not(pattern = "^a", max_length = 3)))]
        words: Option<Vec<String>>,
        #[spec(not(const = "\"x\""))]
        name: String,
    }
    let check = |document: Value| -> Vec<(String, ErrorCode)> {
        let raw = N::validate_json(&document).err();
        let raw = raw.as_ref().map_or(&[][..], |e| e.as_slice());
        let typed: N = serde_json::from_value(document.clone()).unwrap();
        let typed = typed.validate().err();
        let typed = typed.as_ref().map_or(&[][..], |e| e.as_slice());
        assert_eq!(raw, typed, "{document}");
        raw.iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect()
    };
    let not = |path: &str| (path.to_owned(), ErrorCode::Not);
    assert_eq!(check(json!({"name": "y"})), vec![]);
    assert_eq!(
        check(json!({"any": 1.5, "twice": 10, "words": ["abcd", "b"], "name": "xx"})),
        vec![]
    );
    // `1.0` is an integer to JSON Schema; `null` is no integer or boolean.
    assert_eq!(check(json!({"any": 1.0, "name": "y"})), vec![not("/any")]);
    assert_eq!(check(json!({"any": true, "name": "y"})), vec![not("/any")]);
    assert_eq!(check(json!({"any": null, "name": "y"})), vec![]);
    for value in [json!(null), json!(0), json!("a"), json!([]), json!({})] {
        assert_eq!(
            check(json!({"never": value, "name": "y"})),
            vec![not("/never")]
        );
    }
    assert_eq!(check(json!({"twice": 9, "name": "y"})), vec![not("/twice")]);
    // Only the items that satisfy both keywords: "ab", not "abcd" (too long) or "b".
    assert_eq!(
        check(json!({"words": ["b", "ab", "abcd", "a"], "name": "x"})),
        vec![not("/words/1"), not("/words/3"), not("/name")]
    );
    let errors = N::validate_json(&json!({"name": "x"})).unwrap_err();
    assert_eq!(
        errors.as_slice()[0].message(),
        "must not satisfy the schema of `not`, but does"
    );
    assert!(errors.as_slice()[0].params().is_empty());
}

/// `if`/`then`/`else` end to end: `if` decides silently (its errors never reported), the branch
/// it chooses reports its errors as the member's own, at the member's pointer or below (an
/// item of `items(...)` inside `then`); an absent member is no value; the typed and raw paths
/// agree.
#[test]
fn if_chooses_then_or_else_and_their_errors_are_the_members_own_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct I {
        #[spec(
            if(type = "array", min_items = 2),
            then(items(max_length = 1)),
            else(not(type = "array"), max_length = 3)
        )]
        any: Option<Value>,
        #[spec(if(minimum = 0), then(maximum = 10, multiple_of = 2), else(minimum = -5))]
        number: Option<i64>,
    }
    let check = |document: Value| -> Vec<(String, ErrorCode)> {
        let raw = I::validate_json(&document).err();
        let raw = raw.as_ref().map_or(&[][..], |e| e.as_slice());
        let typed: I = serde_json::from_value(document.clone()).unwrap();
        let typed = typed.validate().err();
        let typed = typed.as_ref().map_or(&[][..], |e| e.as_slice());
        assert_eq!(raw, typed, "{document}");
        raw.iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect()
    };
    let error = |path: &str, code| (path.to_owned(), code);
    assert_eq!(check(json!({})), vec![]);
    // Two items or more: each at most one long. Fewer: no array at all, a string of at most 3.
    assert_eq!(check(json!({"any": ["a", "b"], "number": 4})), vec![]);
    assert_eq!(check(json!({"any": "abc", "number": -5})), vec![]);
    assert_eq!(check(json!({"any": 12345})), vec![]);
    assert_eq!(
        check(json!({"any": ["a", "bc", "de"]})),
        vec![
            error("/any/1", ErrorCode::Length),
            error("/any/2", ErrorCode::Length)
        ]
    );
    assert_eq!(
        check(json!({"any": ["a"]})),
        vec![error("/any", ErrorCode::Not)]
    );
    assert_eq!(
        check(json!({"any": "abcd"})),
        vec![error("/any", ErrorCode::Length)]
    );
    // 12 is above 10 and 7 odd: both `then` errors; -6 is below `else`'s -5.
    assert_eq!(
        check(json!({"number": 12})),
        vec![error("/number", ErrorCode::Range)]
    );
    assert_eq!(
        check(json!({"number": 7})),
        vec![error("/number", ErrorCode::MultipleOf)]
    );
    assert_eq!(
        check(json!({"number": 11})),
        vec![
            error("/number", ErrorCode::Range),
            error("/number", ErrorCode::MultipleOf)
        ]
    );
    assert_eq!(
        check(json!({"number": -6})),
        vec![error("/number", ErrorCode::Range)]
    );
}

/// `anyOf` and `oneOf` end to end: the count of satisfied schemas decides (their own errors
/// never reported), `()` the empty schema, `(not())` the one nothing satisfies; an absent member
/// is no value; the typed and raw paths agree, with the same params.
#[test]
fn any_of_and_one_of_count_the_schemas_the_value_satisfies_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct A {
        #[spec(any_of((type = "string", max_length = 2), (type = "integer", minimum = 10)))]
        any: Option<Value>,
        #[spec(one_of((multiple_of = 2), (multiple_of = 3)))]
        number: Option<i64>,
        #[spec(one_of((), (not()), (min_length = 2)))]
        text: Option<String>,
        #[spec(items(any_of((pattern = "^a"), (pattern = "b$"))))]
        words: Option<Vec<String>>,
    }
    let check = |document: Value| -> Vec<(String, ErrorCode, Value)> {
        let raw = A::validate_json(&document).err();
        let raw = raw.as_ref().map_or(&[][..], |e| e.as_slice());
        let typed: A = serde_json::from_value(document.clone()).unwrap();
        let typed = typed.validate().err();
        let typed = typed.as_ref().map_or(&[][..], |e| e.as_slice());
        assert_eq!(raw, typed, "{document}");
        raw.iter()
            .map(|e| (e.path().to_owned(), e.code(), Value::Object(e.params())))
            .collect()
    };
    assert_eq!(check(json!({})), vec![]);
    assert_eq!(
        check(json!({"any": "ab", "number": 4, "text": "a", "words": ["ax", "xb", "ab"]})),
        vec![]
    );
    assert_eq!(check(json!({"any": 10, "number": 9})), vec![]);
    assert_eq!(
        check(json!({"any": "abc"})),
        vec![("/any".to_owned(), ErrorCode::AnyOf, json!({"branches": 2}))]
    );
    // `null` and `9.5` are of neither branch's type.
    for value in [json!(null), json!(9.5), json!(9), json!([])] {
        assert_eq!(
            check(json!({ "any": value })),
            vec![("/any".to_owned(), ErrorCode::AnyOf, json!({"branches": 2}))],
            "{value}"
        );
    }
    // 6 is a multiple of both, 7 of neither.
    assert_eq!(
        check(json!({"number": 6})),
        vec![(
            "/number".to_owned(),
            ErrorCode::OneOf,
            json!({"branches": 2, "matched": 2})
        )]
    );
    assert_eq!(
        check(json!({"number": 7})),
        vec![(
            "/number".to_owned(),
            ErrorCode::OneOf,
            json!({"branches": 2, "matched": 0})
        )]
    );
    // "ab" satisfies `()` and `min_length = 2`; nothing satisfies `not()`.
    assert_eq!(
        check(json!({"text": "ab"})),
        vec![(
            "/text".to_owned(),
            ErrorCode::OneOf,
            json!({"branches": 3, "matched": 2})
        )]
    );
    assert_eq!(
        check(json!({"words": ["x", "ab", "bb", "c"]})),
        vec![
            (
                "/words/0".to_owned(),
                ErrorCode::AnyOf,
                json!({"branches": 2})
            ),
            (
                "/words/3".to_owned(),
                ErrorCode::AnyOf,
                json!({"branches": 2})
            ),
        ]
    );
}

/// `all_of` end to end: each part checked on its own against the value, every part's errors
/// reported as the value's own (at its pointer, or below for `items(...)` inside); a part's
/// `if` decides its own `then` only, and a part's `prefix_items` does not shorten another
/// part's `items`; an absent member is no value; the typed and raw paths agree, with the same
/// params.
#[test]
fn all_of_checks_each_part_apart_and_reports_every_parts_errors_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct L {
        #[spec(all_of((any_of((maximum = 1), (minimum = 5))), (one_of((multiple_of = 2), (multiple_of = 3)))))]
        number: Option<i64>,
        #[spec(all_of((if(exclusive_maximum = 0), then(minimum = -10)), (if(minimum = 100), else(multiple_of = 2))))]
        conditional: Option<Value>,
        #[spec(all_of((prefix_items((minimum = 3))), (items(minimum = 5))))]
        items: Option<Value>,
    }
    let check = |document: Value| -> Vec<(String, ErrorCode, Value)> {
        let raw = L::validate_json(&document).err();
        let raw = raw.as_ref().map_or(&[][..], |e| e.as_slice());
        let typed: L = serde_json::from_value(document.clone()).unwrap();
        let typed = typed.validate().err();
        let typed = typed.as_ref().map_or(&[][..], |e| e.as_slice());
        assert_eq!(raw, typed, "{document}");
        raw.iter()
            .map(|e| (e.path().to_owned(), e.code(), Value::Object(e.params())))
            .collect()
    };
    let error = |path: &str, code, params| (path.to_owned(), code, params);
    assert_eq!(check(json!({})), vec![]);
    assert_eq!(
        check(json!({"number": 8, "conditional": -4, "items": [5, 6]})),
        vec![]
    );
    // 3: neither at most 1 nor at least 5, and a multiple of 3 only: the first part's error.
    assert_eq!(
        check(json!({"number": 3})),
        vec![error("/number", ErrorCode::AnyOf, json!({"branches": 2}))]
    );
    // 7: at least 5, a multiple of neither (the second part's error); 2: not above 1 nor at
    // least 5 (the first part's); 13: the second part's.
    assert_eq!(
        check(json!({"number": 7})),
        vec![error(
            "/number",
            ErrorCode::OneOf,
            json!({"branches": 2, "matched": 0})
        )]
    );
    assert_eq!(
        check(json!({"number": 2})),
        vec![error("/number", ErrorCode::AnyOf, json!({"branches": 2}))]
    );
    assert_eq!(
        check(json!({"number": 13})),
        vec![error(
            "/number",
            ErrorCode::OneOf,
            json!({"branches": 2, "matched": 0})
        )]
    );
    // -11: below 0, so at least -10 (first part); not 100 or more, so even (second): both.
    assert_eq!(
        check(json!({"conditional": -11})),
        vec![
            error(
                "/conditional",
                ErrorCode::Range,
                json!({"actual": -11, "bound": "minimum", "limit": -10})
            ),
            error(
                "/conditional",
                ErrorCode::MultipleOf,
                json!({"actual": -11, "multipleOf": 2})
            ),
        ]
    );
    // 101 is 100 or more: the second part has no `else` then; the first part's `if` fails.
    assert_eq!(check(json!({"conditional": 101})), vec![]);
    // The second part's `items` checks every item, the first's prefix included.
    assert_eq!(
        check(json!({"items": [3, 4]})),
        vec![
            error(
                "/items/0",
                ErrorCode::Range,
                json!({"actual": 3, "bound": "minimum", "limit": 5})
            ),
            error(
                "/items/1",
                ErrorCode::Range,
                json!({"actual": 4, "bound": "minimum", "limit": 5})
            ),
        ]
    );
    assert_eq!(
        check(json!({"items": [2]})),
        vec![
            error(
                "/items/0",
                ErrorCode::Range,
                json!({"actual": 2, "bound": "minimum", "limit": 3})
            ),
            error(
                "/items/0",
                ErrorCode::Range,
                json!({"actual": 2, "bound": "minimum", "limit": 5})
            ),
        ]
    );
}

/// `prefix_items` end to end: item `i` by schema `i`, its errors at the item's pointer; `items`
/// after the prefix only; the typed and raw paths agree; in the raw walk an item of another
/// JSON type is its one `type` error.
#[test]
fn prefix_items_check_the_first_items_and_items_the_rest_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct P {
        #[spec(prefix_items((type = "integer"), (type = "string")), items(not()))]
        pair: Option<Value>,
        #[spec(prefix_items((maximum = 0)), items(minimum = 10))]
        numbers: Option<Vec<i64>>,
    }
    let check = |document: Value| -> Vec<(String, ErrorCode)> {
        let raw = P::validate_json(&document).err();
        let raw = raw.as_ref().map_or(&[][..], |e| e.as_slice());
        let typed: P = serde_json::from_value(document.clone()).unwrap();
        let typed = typed.validate().err();
        let typed = typed.as_ref().map_or(&[][..], |e| e.as_slice());
        assert_eq!(raw, typed, "{document}");
        raw.iter()
            .map(|e| (e.path().to_owned(), e.code()))
            .collect()
    };
    let error = |path: &str, code| (path.to_owned(), code);
    assert_eq!(
        check(json!({"pair": [1, "a"], "numbers": [0, 10, 11]})),
        vec![]
    );
    // Fewer items than the prefix: nothing more to check; not an array: nothing at all.
    assert_eq!(check(json!({"pair": [], "numbers": [-5]})), vec![]);
    assert_eq!(check(json!({"pair": "x"})), vec![]);
    assert_eq!(
        check(json!({"pair": ["a", 1, null]})),
        vec![
            // In the table's order: `items`, then `prefix_items`.
            error("/pair/2", ErrorCode::Not),
            error("/pair/0", ErrorCode::Type),
            error("/pair/1", ErrorCode::Type),
        ]
    );
    // 1 breaks the prefix's maximum, not `items`' minimum; 9 the minimum.
    assert_eq!(
        check(json!({"numbers": [1, 9, 10]})),
        vec![
            error("/numbers/1", ErrorCode::Range),
            error("/numbers/0", ErrorCode::Range)
        ]
    );
    let errors = P::validate_json(&json!({"numbers": ["a", 5]})).unwrap_err();
    let found: Vec<(&str, ErrorCode)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        found,
        vec![
            ("/numbers/0", ErrorCode::Type),
            ("/numbers/1", ErrorCode::Range)
        ]
    );
}

/// `dependentRequired` on a `serde_json::Value` member and a map: one error per missing member
/// at the object's pointer, the same on the typed and the raw path; any other JSON type passes.
#[test]
fn dependent_required_names_each_missing_member_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct D {
        #[spec(dependent_required = r#"{"bill": ["address", "country"], "x": []}"#)]
        any: Option<Value>,
        #[spec(dependent_required = r#"{"a": ["b"]}"#)]
        map: Option<std::collections::HashMap<String, Option<i64>>>,
    }
    let check = |document: Value| {
        let raw = D::validate_json(&document);
        let typed: D = serde_json::from_value(document.clone()).expect("a typed value");
        let typed = typed.validate();
        let found = |r: Result<(), m3ter_models::ValidationErrors>| -> Vec<(String, String)> {
            r.err()
                .map(|errors| {
                    errors
                        .iter()
                        .map(|e| {
                            assert_eq!(e.code(), ErrorCode::DependentRequired);
                            (
                                e.path().to_owned(),
                                serde_json::to_string(&e.params()).unwrap_or_default(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let (raw, typed) = (found(raw), found(typed));
        assert_eq!(raw, typed, "{document}");
        raw
    };
    for valid in [
        json!({}),
        json!({"any": "bill", "map": {"b": 1}}),
        json!({"any": ["bill"]}),
        json!({"any": 3}),
        json!({"any": null}),
        json!({"any": {"x": 1, "address": 2}}),
        json!({"any": {"bill": 1, "address": null, "country": 0}, "map": {"a": null, "b": null}}),
    ] {
        assert_eq!(check(valid.clone()), [], "{valid}");
    }
    let pair = |path: &str, property: &str, missing: &str| {
        (
            path.to_owned(),
            format!(r#"{{"missing":"{missing}","property":"{property}"}}"#),
        )
    };
    assert_eq!(
        check(json!({"any": {"bill": 1}, "map": {"a": 1}})),
        [
            pair("/any", "bill", "address"),
            pair("/any", "bill", "country"),
            pair("/map", "a", "b"),
        ]
    );
    assert_eq!(
        check(json!({"any": {"bill": 1, "country": "x"}})),
        [pair("/any", "bill", "address")]
    );
}

#[test]
fn additional_properties_checks_every_value_at_its_member_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct M {
        // A typed map: the values' Rust type decides their JSON type.
        #[spec(additional_properties(minimum = 1, maximum = 200))]
        counts: Option<std::collections::BTreeMap<String, i64>>,
        // Any JSON value: the objects' values, by their own `type`.
        #[spec(additional_properties(type = "string | null", max_length = 2))]
        any: Option<Value>,
    }
    let errors = |document: Value| -> Vec<(String, &'static str)> {
        let raw = M::validate_json(&document);
        let list = |r: Result<(), m3ter_models::ValidationErrors>| -> Vec<(String, &'static str)> {
            r.err()
                .map(|errors| {
                    errors
                        .iter()
                        .map(|e| (e.path().to_owned(), e.code().as_str()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let raw = list(raw);
        if let Ok(typed) = serde_json::from_value::<M>(document.clone()) {
            assert_eq!(list(typed.validate()), raw, "{document}");
        }
        raw
    };
    for valid in [
        json!({}),
        json!({"counts": {}, "any": {}}),
        json!({"counts": {"a": 1, "b": 200}}),
        json!({"any": {"a": "ok", "b": null}}),
        // Not an object: `additionalProperties` has nothing to check.
        json!({"any": "a long string"}),
        json!({"any": [1, 2, 3]}),
    ] {
        assert_eq!(errors(valid.clone()), [], "{valid}");
    }
    // 200 is the largest allowed, 201 is not; each error at its member, escaped.
    assert_eq!(
        errors(json!({"counts": {"a": 0, "b/c": 201, "d~e": 200}})),
        [
            ("/counts/a".to_owned(), "range"),
            ("/counts/b~1c".to_owned(), "range")
        ]
    );
    assert_eq!(
        errors(json!({"any": {"x": "abc", "y": 1, "z": null}})),
        [
            ("/any/x".to_owned(), "length"),
            ("/any/y".to_owned(), "type")
        ]
    );
    // A value of another JSON type than the map's values: its `type` error alone (the raw
    // path; serde refuses the typed value).
    assert_eq!(
        errors(json!({"counts": {"a": "x", "b": 0}})),
        [
            ("/counts/a".to_owned(), "type"),
            ("/counts/b".to_owned(), "range")
        ]
    );
}

#[test]
fn property_names_checks_every_name_at_the_object_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct N {
        #[spec(property_names(max_length = 3, pattern = "^[a-z]+$"))]
        map: Option<std::collections::HashMap<String, Value>>,
        #[spec(property_names(enum = r#"["a", "b"]"#))]
        any: Option<Value>,
    }
    let errors = |document: Value| -> Vec<(String, Value)> {
        let list = |r: Result<(), m3ter_models::ValidationErrors>| -> Vec<(String, Value)> {
            let found: Vec<(String, Value)> = r
                .err()
                .map(|errors| {
                    errors
                        .iter()
                        .map(|e| {
                            assert_eq!(e.code(), ErrorCode::PropertyNames);
                            (e.path().to_owned(), Value::Object(e.params()))
                        })
                        .collect()
                })
                .unwrap_or_default();
            // In one order on both paths: a `HashMap`'s members are walked in key order.
            found
        };
        let raw = list(N::validate_json(&document));
        let typed: N = serde_json::from_value(document.clone()).expect("a typed value");
        assert_eq!(list(typed.validate()), raw, "{document}");
        raw
    };
    for valid in [
        json!({}),
        json!({"map": {}, "any": {}}),
        json!({"map": {"abc": 1, "z": null}, "any": {"a": 1, "b": [2]}}),
        // Not an object: no names to check.
        json!({"any": "c"}),
        json!({"any": ["c"]}),
    ] {
        assert_eq!(errors(valid.clone()), [], "{valid}");
    }
    // `Abcd` breaks both keywords: one error each, at the object, naming the member.
    assert_eq!(
        errors(json!({"map": {"ok": 1, "Abcd": 2}, "any": {"c": 3}})),
        [
            (
                "/map".to_owned(),
                json!({"property": "Abcd", "reason": {"code": "length", "params": {"actual": 4, "max": 3, "unit": "characters"}}})
            ),
            (
                "/map".to_owned(),
                json!({"property": "Abcd", "reason": {"code": "pattern", "params": {"pattern": "^[a-z]+$"}}})
            ),
            (
                "/any".to_owned(),
                json!({"property": "c", "reason": {"code": "enum", "params": {"allowed": ["a", "b"]}}})
            ),
        ]
    );
    // Several names broken in a `HashMap`: both paths in key order (`errors` compares them),
    // whatever the hash's order.
    let names: Vec<String> = errors(json!({"map": {"zzzz": 1, "Abcd": 2, "Bcdef": 3, "qqqqq": 4}}))
        .into_iter()
        .map(|(_, params)| params["property"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(names, ["Abcd", "Abcd", "Bcdef", "Bcdef", "qqqqq", "zzzz"]);
    let raw = N::validate_json(&json!({"any": {"c": 1}})).unwrap_err();
    assert_eq!(
        raw.as_slice()[0].message(),
        "has the member name \"c\", which must be one of \"a\", \"b\" (`propertyNames`)"
    );
}

#[test]
fn pattern_properties_check_the_matching_members_and_leave_the_rest_to_additional_properties() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct P {
        // `n…` and `…1` both apply to `n1`; `x-…` checks nothing but is no additional member.
        #[spec(
            pattern_properties("^n" (type = "integer", minimum = 1), "1$" (maximum = 3), "^x-" ()),
            additional_properties(type = "string")
        )]
        map: Option<std::collections::BTreeMap<String, Value>>,
        // A typed map: unanchored `[0-9]` matches `a1`.
        #[spec(pattern_properties("[0-9]" (maximum = 5)))]
        counts: Option<std::collections::BTreeMap<String, i64>>,
    }
    let errors = |document: Value| -> Vec<(String, &'static str)> {
        let list = |r: Result<(), m3ter_models::ValidationErrors>| -> Vec<(String, &'static str)> {
            r.err()
                .map(|errors| {
                    errors
                        .iter()
                        .map(|e| (e.path().to_owned(), e.code().as_str()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let raw = list(P::validate_json(&document));
        if let Ok(typed) = serde_json::from_value::<P>(document.clone()) {
            assert_eq!(list(typed.validate()), raw, "{document}");
        }
        raw
    };
    for valid in [
        json!({}),
        json!({"map": {"n1": 3, "n": 100, "x-a": [1], "s": "t"}, "counts": {"a1": 5, "b": 6}}),
    ] {
        assert_eq!(errors(valid.clone()), [], "{valid}");
    }
    assert_eq!(
        errors(json!({"map": {"n1": 4, "n2": 0, "nn": "a", "s": 2, "x-b": null}})),
        // `additionalProperties` first (the table's order), then the patterns'.
        [
            ("/map/s".to_owned(), "type"),
            ("/map/n1".to_owned(), "range"),
            ("/map/n2".to_owned(), "range"),
            ("/map/nn".to_owned(), "type"),
        ]
    );
    assert_eq!(
        errors(json!({"counts": {"a1": 6, "b": 7, "c/2": 8}})),
        [
            ("/counts/a1".to_owned(), "range"),
            ("/counts/c~12".to_owned(), "range")
        ]
    );
}

/// `properties` and `required_members` on a `serde_json::Value` and in its nested schemas:
/// each member at its own pointer, each missing one a `required` error there, other values
/// passed; `additional_properties` beside them checks only the members not named; the typed
/// and the raw path give the same errors.
#[test]
fn properties_and_required_members_check_an_objects_members_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct M {
        #[spec(
            required_members = r#"["id", "a/b"]"#,
            properties("id" (type = "integer", minimum = 1), "name" (max_length = 3)),
            additional_properties(type = "boolean")
        )]
        obj: Option<Value>,
        // An object without `x`, or one whose `x` is not a string (`not` of both): a value
        // that is not an object satisfies both, so `not` refuses it.
        #[spec(not(required_members = r#"["x"]"#, properties("x" (type = "string"))))]
        neg: Option<Value>,
        // Each item an object with `k`, or any other value.
        #[spec(items(required_members = r#"["k"]"#))]
        list: Option<Vec<Value>>,
        // `false` for a member: it must be absent.
        #[spec(properties("gone" (not())))]
        closed: Option<Value>,
    }
    let errors = |document: Value| -> Vec<(String, &'static str)> {
        let list = |r: Result<(), m3ter_models::ValidationErrors>| -> Vec<(String, &'static str)> {
            r.err()
                .map(|errors| {
                    errors
                        .iter()
                        .map(|e| (e.path().to_owned(), e.code().as_str()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let raw = list(M::validate_json(&document));
        let typed: M = serde_json::from_value(document.clone()).expect("a typed value");
        assert_eq!(list(typed.validate()), raw, "{document}");
        raw
    };
    for valid in [
        json!({}),
        json!({"obj": {"id": 1, "a/b": false, "name": "abc", "flag": true}}),
        // Not an object: nothing to require or check.
        json!({"obj": "text", "list": [1, "k", null], "closed": []}),
        json!({"neg": {"y": 1}}),
        json!({"neg": {"x": 1}}),
        json!({"list": [{"k": null}, {"k": 0, "j": 1}]}),
        json!({"closed": {"other": 1}}),
    ] {
        assert_eq!(errors(valid.clone()), [], "{valid}");
    }
    // Both required members missing, each at its pointer (escaped), in the list's order; a
    // named member's own error at its pointer; the member not named checked by
    // `additional_properties`.
    assert_eq!(
        errors(json!({"obj": {"name": "abcd", "extra": 1}})),
        [
            ("/obj/id".to_owned(), "required"),
            ("/obj/a~1b".to_owned(), "required"),
            ("/obj/name".to_owned(), "length"),
            ("/obj/extra".to_owned(), "type"),
        ]
    );
    assert_eq!(
        errors(json!({"obj": {"id": 0, "a/b": 1}})),
        [
            ("/obj/id".to_owned(), "range"),
            ("/obj/a~1b".to_owned(), "type")
        ]
    );
    assert_eq!(
        errors(json!({"neg": {"x": "s"}})),
        [("/neg".to_owned(), "not")]
    );
    assert_eq!(errors(json!({"neg": 3})), [("/neg".to_owned(), "not")]);
    assert_eq!(
        errors(json!({"list": [{"k": 1}, {"j": 1}]})),
        [("/list/1/k".to_owned(), "required")]
    );
    assert_eq!(
        errors(json!({"closed": {"gone": null}})),
        [("/closed/gone".to_owned(), "not")]
    );
    // The strategies decide these keywords: valid documents pass, each broken one breaks
    // what it says.
    strategies_decide::<M>(32, |document| {
        assert_eq!(errors(document.clone()), [], "{document}");
    });
}

/// `false` where a map's keywords expect a schema is `not()`: `additionalProperties: false`
/// (no member, or none but those `properties` names), `propertyNames: false` (no member),
/// a pattern's `false` (no member whose name matches); each member reported at its pointer (a
/// name at the object, as `propertyNames`), the same on both paths.
#[test]
fn false_for_members_is_not_and_each_member_is_reported_on_both_paths() {
    #[m3ter_models::model]
    #[derive(Deserialize, Validate)]
    #[spec(json)]
    struct F {
        #[spec(additional_properties(not()))]
        empty: Option<serde_json::Map<String, Value>>,
        #[spec(property_names(not()))]
        nameless: Option<std::collections::BTreeMap<String, Value>>,
        #[spec(pattern_properties("^a" (not())))]
        no_a: Option<serde_json::Map<String, Value>>,
        #[spec(properties("k" ()), additional_properties(not()))]
        only_k: Option<Value>,
    }
    let errors = |document: Value| -> Vec<(String, &'static str)> {
        let list = |r: Result<(), m3ter_models::ValidationErrors>| -> Vec<(String, &'static str)> {
            r.err()
                .map(|errors| {
                    errors
                        .iter()
                        .map(|e| (e.path().to_owned(), e.code().as_str()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let raw = list(F::validate_json(&document));
        let typed: F = serde_json::from_value(document.clone()).expect("a typed value");
        assert_eq!(list(typed.validate()), raw, "{document}");
        raw
    };
    for valid in [
        json!({"empty": {}, "nameless": {}, "no_a": {"b": 1}, "only_k": {"k": [1]}}),
        json!({"only_k": "not an object"}),
    ] {
        assert_eq!(errors(valid.clone()), [], "{valid}");
    }
    assert_eq!(
        errors(json!({"empty": {"x": 1, "y/z": null}})),
        [
            ("/empty/x".to_owned(), "not"),
            ("/empty/y~1z".to_owned(), "not")
        ]
    );
    assert_eq!(
        errors(json!({"nameless": {"x": 1}})),
        [("/nameless".to_owned(), "propertyNames")]
    );
    assert_eq!(
        errors(json!({"no_a": {"ab": 1, "b": 2}})),
        [("/no_a/ab".to_owned(), "not")]
    );
    assert_eq!(
        errors(json!({"only_k": {"k": 1, "j": 2}})),
        [("/only_k/j".to_owned(), "not")]
    );
    // The strategies draw such objects without members and break them with one.
    strategies_decide::<F>(32, |document| {
        assert_eq!(errors(document.clone()), [], "{document}");
    });
}

/// `pattern_properties` and `additional_properties` on a struct's `#[serde(flatten)]` map of
/// its other members: each pattern checks every member whose name matches it, the declared
/// ones too (as serde writes their typed value), `additional_properties` the members neither
/// declared nor matched; the typed path, the raw path and `json::from_slice` report the same
/// errors (pointer, code, params), in the same order.
#[test]
fn pattern_and_additional_properties_beside_fields_check_the_whole_object_on_every_path() {
    #[m3ter_models::model]
    #[derive(Debug, Deserialize, serde::Serialize, Validate)]
    #[spec(json, json_schema)]
    struct O {
        #[spec(max_items = 3)]
        foo: Option<Vec<i64>>,
        #[spec(max_length = 5)]
        fab: String,
        // No pattern matches it: declared, so no other member either.
        bar: Option<bool>,
        #[serde(flatten)]
        #[spec(
            pattern_properties("^f" (min_items = 2, max_length = 3)),
            additional_properties(type = "integer", minimum = 1)
        )]
        others: serde_json::Map<String, Value>,
    }
    type Found = Vec<(String, &'static str, String)>;
    let list = |r: Result<(), m3ter_models::ValidationErrors>| -> Found {
        r.err()
            .map(|errors| {
                errors
                    .iter()
                    .map(|e| {
                        let params = serde_json::to_string(&e.params()).unwrap_or_default();
                        (e.path().to_owned(), e.code().as_str(), params)
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let errors = |document: Value| -> Found {
        let raw = list(O::validate_json(&document));
        let from_slice = m3ter_models::json::from_slice::<O>(document.to_string().as_bytes());
        assert_eq!(list(from_slice.map(|_| ())), raw, "{document}");
        if let Ok(typed) = serde_json::from_value::<O>(document.clone()) {
            assert_eq!(list(typed.validate()), raw, "{document}");
        }
        raw
    };
    for valid in [
        json!({"fab": "abc"}),
        json!({"fab": "", "foo": [1, 2], "bar": false, "fx": [1, 2, 3, 4], "n": 1, "f": 7}),
    ] {
        assert_eq!(errors(valid.clone()), Found::new(), "{valid}");
    }
    // The other members are kept in the typed value, and written back.
    let typed: O = serde_json::from_value(json!({"fab": "a", "n": 2, "fx": "s"})).unwrap();
    assert_eq!(typed.others.len(), 2);
    assert_eq!(
        serde_json::to_value(&typed).unwrap(),
        json!({"fab": "a", "n": 2, "fx": "s"})
    );
    let p =
        |path: &str, code: &'static str, params: &str| (path.to_owned(), code, params.to_owned());
    assert_eq!(
        errors(json!({
            "foo": [1], "fab": "abcd", "bar": true, "fx": [1], "q": "s", "r": 0, "f~/": []
        })),
        [
            // The object's checks: `additional_properties` (table order) over the members in
            // key order, then the pattern's (on `fab`, a declared member, too: 4 characters
            // pass its own `max_length = 5`, not the pattern's 3).
            p("/q", "type", r#"{"actual":"string","expected":"integer"}"#),
            p("/r", "range", r#"{"actual":0,"bound":"minimum","limit":1}"#),
            p(
                "/fab",
                "length",
                r#"{"actual":4,"max":3,"unit":"characters"}"#
            ),
            p("/foo", "length", r#"{"actual":1,"min":2,"unit":"items"}"#),
            p("/fx", "length", r#"{"actual":1,"min":2,"unit":"items"}"#),
            p("/f~0~1", "length", r#"{"actual":0,"min":2,"unit":"items"}"#),
        ]
    );
    // The JSON Schema states them on the object, and judges every document as the paths do.
    let schema = serde_json::to_value(schemars::schema_for!(O)).unwrap();
    assert_eq!(
        schema["patternProperties"],
        json!({"^f": {"minItems": 2, "maxLength": 3}})
    );
    assert_eq!(
        schema["additionalProperties"],
        json!({"type": "integer", "minimum": 1})
    );
    assert!(schema["properties"].get("others").is_none(), "{schema}");
    let validator = m3ter_workspace_tests::boon_oracle::Compiled::new(schema);
    for document in [
        json!({"fab": "abc"}),
        json!({"fab": "", "foo": [1, 2], "fx": [1, 2, 3, 4], "n": 1}),
        json!({"fab": "abcd"}),
        json!({"fab": "a", "foo": [1]}),
        json!({"fab": "a", "q": "s"}),
        json!({"fab": "a", "r": 0}),
        json!({"fab": "a", "fx": []}),
        json!({"fab": "a", "bar": true}),
    ] {
        assert_eq!(
            validator.is_valid(&document),
            O::validate_json(&document).is_ok(),
            "{document}"
        );
    }
}

/// The strategies hold a declared member to the patterns of the other members' map that match
/// its name: valid documents pass (with the member within both its own bounds and the
/// pattern's), broken ones break what they say.
#[test]
fn the_strategies_hold_declared_members_to_the_matching_patterns() {
    #[m3ter_models::model]
    #[derive(Debug, Deserialize, serde::Serialize, Validate)]
    #[spec(json)]
    struct S {
        #[spec(maximum = 10)]
        n: i64,
        #[spec(max_length = 3)]
        name: Option<String>,
        #[serde(flatten)]
        #[spec(pattern_properties("^n" (minimum = 5, min_length = 2)), additional_properties(not()))]
        others: serde_json::Map<String, Value>,
    }
    let spec = match &<S as Describe>::KIND {
        Kind::Object(spec) => spec,
        other => panic!("{other:?}"),
    };
    assert!(spec.others.is_some());
    assert_eq!(
        spec.fields.iter().map(|f| f.wire_name).collect::<Vec<_>>(),
        ["n", "name"]
    );
    strategies_decide::<S>(64, |document| {
        assert!(S::validate_json(document).is_ok(), "{document}");
        let n = document["n"].as_i64().unwrap();
        assert!((5..=10).contains(&n), "{document}");
        let typed: S = serde_json::from_value(document.clone()).unwrap();
        assert!(typed.validate().is_ok(), "{document}");
    });
}

/// A pattern of the other members' map checks a declared field as serde writes it: a unit enum
/// (its wire string) is checked on every path alike, and a field serde fills from a `default`
/// that no pattern with keywords matches is the field's own business (a matched one is a
/// compile error: `ui/others_pattern_matches_field.rs`).
#[test]
fn a_pattern_checks_a_matched_enum_field_and_leaves_an_unmatched_default_alone() {
    #[derive(Debug, Deserialize, serde::Serialize, Validate)]
    #[spec(json)]
    enum Mode {
        #[serde(rename = "on")]
        On,
        #[serde(rename = "off")]
        Off,
    }
    #[m3ter_models::model]
    #[derive(Debug, Deserialize, serde::Serialize, Validate)]
    #[spec(json)]
    struct S {
        mode: Mode,
        #[serde(default)]
        count: i64,
        #[serde(flatten)]
        #[spec(pattern_properties("^m" (max_length = 2), "^c" ()))]
        others: serde_json::Map<String, Value>,
    }
    let verdict = |text: &str| {
        let raw = S::validate_json(&serde_json::from_str(text).unwrap())
            .err()
            .map(|e| {
                e.iter()
                    .map(|e| (e.path().to_owned(), e.code()))
                    .collect::<Vec<_>>()
            });
        let from_slice = m3ter_models::json::from_slice::<S>(text.as_bytes())
            .err()
            .map(|e| {
                e.iter()
                    .map(|e| (e.path().to_owned(), e.code()))
                    .collect::<Vec<_>>()
            });
        let typed = serde_json::from_str::<S>(text)
            .unwrap()
            .validate()
            .err()
            .map(|e| {
                e.iter()
                    .map(|e| (e.path().to_owned(), e.code()))
                    .collect::<Vec<_>>()
            });
        assert_eq!(from_slice, raw, "{text}");
        assert_eq!(typed, raw, "{text}");
        raw
    };
    assert_eq!(verdict(r#"{"mode": "on"}"#), None);
    assert_eq!(verdict(r#"{"mode": "on", "count": -5}"#), None);
    assert_eq!(
        verdict(r#"{"mode": "off"}"#),
        Some(vec![("/mode".to_owned(), ErrorCode::Length)])
    );
}

/// The model's strategies decide its keywords: `cases` valid documents, each held to
/// `check_valid`, and as many broken ones, each failing `validate_json` with the error (pointer
/// and code) its strategy says it breaks.
fn strategies_decide<M: Describe + ValidateJson>(cases: usize, check_valid: impl Fn(&Value)) {
    let mut runner = TestRunner::deterministic();
    let kind = &<M as Describe>::KIND;
    let valid =
        m3ter_models::strategies::valid_json(kind, &m3ter_models::describe::Constraints::NONE);
    let invalid = m3ter_models::strategies::invalid_json(kind);
    for _ in 0..cases {
        let document = valid.new_tree(&mut runner).unwrap().current();
        check_valid(&document);
        let (document, broken) = invalid.new_tree(&mut runner).unwrap().current();
        let found = M::validate_json(&document).expect_err("broken");
        assert!(
            found
                .iter()
                .any(|e| e.path() == broken.path && e.code() == broken.code),
            "{document} should break {broken:?}, got {found:?}"
        );
    }
}
